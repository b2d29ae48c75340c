import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import module from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { userCacheDirectory } from '../src/exec/cache-dir.js'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-compile-cache-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Whether this node has `module.enableCompileCache` (22.1 and later). */
const runtimeHasCache = typeof (module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function'

describe("the CLI's compile cache", () => {
  it("lives in the user's own cache directory, never in the shared temporary directory", () => {
    expect(userCacheDirectory({ XDG_CACHE_HOME: '/home/u/.xdg', HOME: '/home/u' }, 'linux')).toBe('/home/u/.xdg/rust-linkage-guard')
    // A relative XDG_CACHE_HOME is invalid by the XDG specification and ignored.
    expect(userCacheDirectory({ XDG_CACHE_HOME: 'cache', HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/rust-linkage-guard')
    expect(userCacheDirectory({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/.cache/rust-linkage-guard')
    expect(userCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Local\\rust-linkage-guard')
    expect(userCacheDirectory({}, 'win32')).toBeNull()
  })

  const run = (env: Record<string, string>) => {
    const clean = { ...process.env }
    delete clean.NODE_COMPILE_CACHE
    delete clean.NODE_DISABLE_COMPILE_CACHE
    return spawnSync(process.execPath, [CLI, '--version'], { env: { ...clean, ...env }, encoding: 'utf8' })
  }

  it(`is ${runtimeHasCache ? 'written after a start' : 'not written: this node has no compile cache'}, and the CLI works either way`, () => {
    const cache = path.join(tmp, 'xdg')
    const r = run({ XDG_CACHE_HOME: cache })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^rust-linkage-guard \d/)
    const written = fs.existsSync(path.join(cache, 'rust-linkage-guard')) ? fs.readdirSync(path.join(cache, 'rust-linkage-guard'), { recursive: true }) : []
    if (runtimeHasCache) expect(written.length).toBeGreaterThan(0)
    else expect(written).toEqual([])
  })

  it('is not written when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const cache = path.join(tmp, 'disabled')
    const r = run({ XDG_CACHE_HOME: cache, NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(r.status).toBe(0)
    expect(fs.existsSync(cache)).toBe(false)
  })
})

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseCodeCache } from '../src/cli/code-cache.js'
import { findNode24 } from './support/node24.js'

/**
 * The committed bundles on node 24, which GitHub's runners start the action with (`runs.using: node24` in
 * action.yml), while every other suite runs on the node that runs jest.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const LIBRA = path.join(ROOT, '__tests__', 'fixtures', 'metadata', 'guppy-libra-9ffd93b.json')
const EXAMPLE = path.join(ROOT, 'examples', 'plugin-engine', 'Cargo.toml')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-node24-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const found = findNode24()
if ('missing' in found) process.stderr.write(`node24: skipped, ${found.missing}\n`)
const withNode24 = 'node' in found ? it : it.skip
const NODE24 = 'node' in found ? found.node : ''

/** The environment of a run: no NODE_OPTIONS from jest, and a cache and temporary directory of its own. */
function runEnv(name: string): Record<string, string | undefined> {
  const cache = path.join(tmp, name, 'cache')
  const temporary = path.join(tmp, name, 'tmp')
  fs.mkdirSync(temporary, { recursive: true })
  return { ...process.env, NODE_OPTIONS: '', NODE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: cache, TMPDIR: temporary }
}

describe('the bundles on node 24, the runtime action.yml names', () => {
  withNode24('the bundled action passes every end-to-end check', () => {
    const r = spawnSync(NODE24, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'e2e.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: runEnv('e2e')
    })
    expect(r.stdout).toMatch(/\n\d+ passed, 0 failed\n$/)
    expect(r.status).toBe(0)
  })

  withNode24('the CLI writes the report it writes on this node, byte for byte, on recorded metadata and on the example', () => {
    for (const [name, args, status] of [
      ['libra', ['--metadata-file', LIBRA, '--workspace'], 0],
      ['example', ['--manifest-path', EXAMPLE], 1]
    ] as const) {
      const reports = [NODE24, process.execPath].map((node, i) => {
        const output = path.join(tmp, `${name}-${i}.json`)
        const r = spawnSync(node, [CLI, ...args, '--format', 'json', '--output', output], { cwd: ROOT, encoding: 'utf8', env: runEnv(`${name}-${i}`) })
        expect({ node, status: r.status, stderr: r.stderr }).toEqual({ node, status, stderr: '' })
        return fs.readFileSync(output, 'utf8')
      })
      expect(JSON.parse(reports[0]!).artifacts.length).toBeGreaterThan(0)
      expect(reports[0]).toBe(reports[1])
    }
  })

  withNode24("keeps the CLI's compiled code, an analysis's too, in the user's cache directory, and nothing in the temporary directory", () => {
    const env = runEnv('compile-cache')
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(NODE24, [CLI, '--version'], { encoding: 'utf8', env })
      expect(r.stdout).toMatch(/^rust-linkage-guard \d+\.\d+\.\d+\n$/)
    }
    const cacheDir = path.join(env.XDG_CACHE_HOME!, 'rust-linkage-guard')
    const compiled = fs.readdirSync(cacheDir)
    expect(compiled).toEqual([expect.stringMatching(/^cli-v24\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{32}\.v8$/)])
    const file = path.join(cacheDir, compiled[0]!)
    const kind = () => parseCodeCache(fs.readFileSync(file))?.kind
    expect(kind()).toBe('start')
    // An analysis sets Maglev's flag on node 24 (`v8-tuning.ts`): the cache made after it is taken by the next.
    const libra = [CLI, '--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', path.join(tmp, 'compile-cache.json')]
    expect(spawnSync(NODE24, libra, { encoding: 'utf8', env }).status).toBe(0)
    expect(kind()).toBe('analysis')
    const made = fs.statSync(file)
    expect(spawnSync(NODE24, libra, { encoding: 'utf8', env }).status).toBe(0)
    expect(fs.statSync(file)).toMatchObject({ ino: made.ino, mtimeMs: made.mtimeMs })
    expect(fs.readdirSync(env.TMPDIR!)).toEqual([])
  })
})

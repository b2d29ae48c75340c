import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { codeCacheDirectory, codeCacheFile, parseCodeCache, readCodeCache } from '../src/cli/code-cache.js'
import { userCacheDirectory } from '../src/exec/cache-dir.js'
import { actionStep } from './support/action-step.js'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const DIST_CLI = path.join(REPO, 'dist', 'cli')
const LIBRA = path.join(REPO, '__tests__', 'fixtures', 'metadata', 'guppy-libra-9ffd93b.json')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-code-cache-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const RUNTIME = { node: process.version, arch: process.arch }

/**
 * Runs a copy of the CLI with its cache in `cache`, without jest's NODE_OPTIONS (other V8 flags, another cache),
 * with `nodeFlags` on node's command line.
 */
function runCli(cli: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const clean: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '' }
  delete clean.NODE_COMPILE_CACHE
  delete clean.NODE_DISABLE_COMPILE_CACHE
  return spawnSync(process.execPath, [...nodeFlags, path.join(cli, 'index.js'), ...args], { env: { ...clean, ...env }, encoding: 'utf8' })
}

/** The kind of the one cache file in `dir`. */
function kindOf(dir: string): string | undefined {
  const files = cacheFiles(dir)
  expect(files).toHaveLength(1)
  return parseCodeCache(fs.readFileSync(path.join(dir, files[0]!.name)))?.kind
}

/** A copy of the committed CLI, to change without touching the repository. */
function copyCli(name: string): string {
  const dir = path.join(tmp, name)
  fs.cpSync(DIST_CLI, dir, { recursive: true })
  return dir
}

/** The cache files in `dir`, with what tells a rewrite from an untouched file. */
function cacheFiles(dir: string): { name: string; ino: number; mtimeMs: number; size: number; mode: number }[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.v8'))
    .map(name => {
      const stat = fs.statSync(path.join(dir, name))
      return { name, ino: stat.ino, mtimeMs: stat.mtimeMs, size: stat.size, mode: stat.mode & 0o777 }
    })
}

describe("the CLI's code cache", () => {
  it("lives in the user's own cache directory, never in the shared temporary directory", () => {
    expect(userCacheDirectory({ XDG_CACHE_HOME: '/home/u/.xdg', HOME: '/home/u' }, 'linux')).toBe('/home/u/.xdg/rust-linkage-guard')
    // A relative XDG_CACHE_HOME is invalid by the XDG specification and ignored.
    expect(userCacheDirectory({ XDG_CACHE_HOME: 'cache', HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/rust-linkage-guard')
    expect(userCacheDirectory({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/.cache/rust-linkage-guard')
    expect(userCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Local\\rust-linkage-guard')
    expect(userCacheDirectory({}, 'win32')).toBeNull()
    // node's own variables: another directory, or none.
    expect(codeCacheDirectory({ NODE_COMPILE_CACHE: '/srv/cache', HOME: '/home/u' }, 'linux')).toBe('/srv/cache')
    expect(codeCacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1', HOME: '/home/u' }, 'linux')).toBeNull()
  })

  it('is named by the code it holds and the runtime that made it', () => {
    const a = codeCacheFile('/c', 'cli', Buffer.from('let x = 1'), RUNTIME)
    expect(path.basename(a)).toMatch(new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{32}\\.v8$`))
    // Same length, other code: V8 itself would take one for the other.
    expect(codeCacheFile('/c', 'cli', Buffer.from('let x = 2'), RUNTIME)).not.toBe(a)
    expect(codeCacheFile('/c', 'cli', Buffer.from('let x = 1'), { ...RUNTIME, node: 'v99.0.0' })).not.toBe(a)
    // The action's code, were it the same, has a cache of its own.
    expect(codeCacheFile('/c', 'action', Buffer.from('let x = 1'), RUNTIME)).not.toBe(a)
    expect(codeCacheFile('/c', 'cli', Buffer.from('let x = 1'), RUNTIME)).toBe(a)
  })

  it('is read only from a regular file of this user that no one else can write', () => {
    const dir = path.join(tmp, 'read')
    fs.mkdirSync(dir)
    const file = path.join(dir, 'ok.v8')
    fs.writeFileSync(file, 'compiled', { mode: 0o600 })
    expect(readCodeCache(file)?.toString()).toBe('compiled')

    fs.symlinkSync(file, path.join(dir, 'link.v8'))
    expect(readCodeCache(path.join(dir, 'link.v8'))).toBeUndefined()
    const shared = path.join(dir, 'shared.v8')
    fs.writeFileSync(shared, 'compiled')
    fs.chmodSync(shared, 0o666)
    expect(readCodeCache(shared)).toBeUndefined()
    fs.mkdirSync(path.join(dir, 'dir.v8'))
    expect(readCodeCache(path.join(dir, 'dir.v8'))).toBeUndefined()
    const huge = path.join(dir, 'huge.v8')
    fs.writeFileSync(huge, '', { mode: 0o600 })
    fs.truncateSync(huge, 17 * 1024 * 1024)
    expect(readCodeCache(huge)).toBeUndefined()
    expect(readCodeCache(path.join(dir, 'missing.v8'))).toBeUndefined()
  })

  it('is written by the first start, privately, and taken as it is by the next, after a run that sets V8 flags', () => {
    const cache = path.join(tmp, 'xdg')
    const dir = path.join(cache, 'rust-linkage-guard')
    const output = path.join(tmp, 'libra.json')
    const first = runCli(DIST_CLI, ['--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', output], { XDG_CACHE_HOME: cache })
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' })
    const written = cacheFiles(dir)
    expect(written).toEqual([expect.objectContaining({ name: expect.stringMatching(new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-`)), mode: 0o600 })])
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700)
    // Made as the analysis ended, with the functions it compiled.
    expect(kindOf(dir)).toBe('analysis')
    const report = fs.readFileSync(output, 'utf8')

    // V8 refuses a cache made under other flags, and a refused cache is written anew: the file would change.
    const second = runCli(DIST_CLI, ['--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', output], { XDG_CACHE_HOME: cache })
    expect(second.status).toBe(0)
    expect(cacheFiles(dir)).toEqual(written)
    expect(fs.readFileSync(output, 'utf8')).toBe(report)
  })

  it("a start's cache is replaced by one made after the first analysis, which is then kept, on any flags", () => {
    const cache = path.join(tmp, 'upgrade')
    const dir = path.join(cache, 'rust-linkage-guard')
    const output = path.join(tmp, 'upgrade.json')
    expect(runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache }).status).toBe(0)
    const [start] = cacheFiles(dir)
    expect(kindOf(dir)).toBe('start')
    // Another start compiles nothing more: nothing is written.
    expect(runCli(DIST_CLI, ['--help'], { XDG_CACHE_HOME: cache }).status).toBe(0)
    expect(cacheFiles(dir)).toEqual([start])

    const libra = ['--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', output]
    expect(runCli(DIST_CLI, libra, { XDG_CACHE_HOME: cache }).status).toBe(0)
    const [analysis] = cacheFiles(dir)
    expect(kindOf(dir)).toBe('analysis')
    expect(analysis!.size).toBeGreaterThan(2 * start!.size)
    // Taken as it is (V8's flags were set back before it was made) by the next analysis, by one of metadata small
    // enough to need no full collection, which sets fewer flags, and by a start.
    const small = path.join(REPO, '__tests__', 'fixtures', 'metadata', 'guppy-proc-macro1.json')
    expect(runCli(DIST_CLI, libra, { XDG_CACHE_HOME: cache }).status).toBe(0)
    expect(runCli(DIST_CLI, ['--metadata-file', small, '--workspace', '--format', 'json', '--output', output], { XDG_CACHE_HOME: cache }).status).toBe(0)
    expect(runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache }).status).toBe(0)
    expect(cacheFiles(dir)).toEqual([analysis])
  })

  it("keeps the start's cache, unrewritten, where V8's flags cannot be set back (given on node's command line)", () => {
    const cache = path.join(tmp, 'own-flags')
    const dir = path.join(cache, 'rust-linkage-guard')
    const libra = ['--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', path.join(tmp, 'own-flags.json')]
    const run = () => runCli(DIST_CLI, libra, { XDG_CACHE_HOME: cache }, ['--semi-space-growth-factor=3'])
    expect(run().status).toBe(0)
    const [first] = cacheFiles(dir)
    expect(kindOf(dir)).toBe('start')
    // A cache made after the analysis would carry the flags the run set back, not these: V8 would refuse it at
    // every start, and every run would write it again.
    expect(run().status).toBe(0)
    expect(cacheFiles(dir)).toEqual([first])
  })

  it('a cache that cannot be written changes nothing of the run: its status, its output, its report', () => {
    const blocked = path.join(tmp, 'blocked')
    // A file where the cache directory would be: neither the start's cache nor the analysis's can be written.
    fs.writeFileSync(blocked, 'not a directory')
    const output = path.join(tmp, 'blocked.json')
    for (const args of [['--version'], ['--metadata-file', LIBRA, '--workspace', '--format', 'json', '--output', output]]) {
      const r = runCli(DIST_CLI, args, { XDG_CACHE_HOME: blocked })
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' })
    }
    expect(JSON.parse(fs.readFileSync(output, 'utf8')).artifacts.length).toBeGreaterThan(0)
    expect(fs.readFileSync(blocked, 'utf8')).toBe('not a directory')
  })

  it('never runs the code of another build, even of the same length', () => {
    const cli = copyCli('changed')
    const cache = path.join(tmp, 'changed-cache')
    expect(runCli(cli, ['--version'], { XDG_CACHE_HOME: cache }).stdout).toMatch(/^rust-linkage-guard \d+\.\d+\.\d+\n$/)
    const main = path.join(cli, 'main.js')
    const source = fs.readFileSync(main, 'latin1')
    // A top-level constant: its value is in the compiled code the cache holds.
    const changed = source.replace(/^var VERSION = "\d+\.\d+\.\d+";$/m, 'var VERSION = "7.7.7";')
    expect(changed).not.toBe(source)
    expect(changed.length).toBe(source.length)
    fs.writeFileSync(main, changed, 'latin1')
    expect(runCli(cli, ['--version'], { XDG_CACHE_HOME: cache }).stdout).toBe('rust-linkage-guard 7.7.7\n')
    expect(cacheFiles(path.join(cache, 'rust-linkage-guard'))).toHaveLength(2)
  })

  it('replaces a damaged or planted cache, and follows no symlink there', () => {
    const cache = path.join(tmp, 'damaged')
    const dir = path.join(cache, 'rust-linkage-guard')
    expect(runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache }).status).toBe(0)
    const [good] = cacheFiles(dir)
    const file = path.join(dir, good!.name)

    fs.writeFileSync(file, Buffer.alloc(good!.size, 7))
    const damaged = runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache })
    expect({ status: damaged.status, stdout: damaged.stdout, stderr: damaged.stderr }).toEqual({ status: 0, stdout: expect.stringMatching(/^rust-linkage-guard /), stderr: '' })
    expect(fs.readFileSync(file).equals(Buffer.alloc(good!.size, 7))).toBe(false)

    const elsewhere = path.join(tmp, 'elsewhere.v8')
    fs.writeFileSync(elsewhere, 'not to be touched')
    fs.rmSync(file)
    fs.symlinkSync(elsewhere, file)
    expect(runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache }).status).toBe(0)
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not to be touched')
    expect(fs.lstatSync(file).isFile()).toBe(true)
  })

  it('is not written when NODE_DISABLE_COMPILE_CACHE is set, and goes where NODE_COMPILE_CACHE says', () => {
    const cache = path.join(tmp, 'disabled')
    const r = runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache, NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(r.status).toBe(0)
    expect(fs.existsSync(cache)).toBe(false)

    const chosen = path.join(tmp, 'chosen')
    expect(runCli(DIST_CLI, ['--version'], { XDG_CACHE_HOME: cache, NODE_COMPILE_CACHE: chosen }).status).toBe(0)
    expect(cacheFiles(chosen)).toHaveLength(1)
    expect(fs.existsSync(cache)).toBe(false)
  })
})

describe("the action's code cache", () => {
  const WORKSPACE = path.join(REPO, '__tests__', 'fixtures', 'workspaces', 'bin-dylib')

  /** Runs the committed action on a push to the bin-dylib fixture, as the runner does, with `env` added. */
  function runAction(name: string, env: Record<string, string>) {
    const dir = path.join(tmp, `action-${name}-${Math.random().toString(36).slice(2)}`)
    fs.mkdirSync(dir)
    const base: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '' }
    for (const k of ['RUSTFLAGS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE']) delete base[k]
    const report = path.join(dir, 'report.json')
    const step = actionStep({
      workspace: WORKSPACE,
      inputs: { workspace: 'true', 'report-path': report },
      scratch: dir,
      base,
      env: { GITHUB_EVENT_NAME: 'push', RUNNER_TEMP: dir, ...env }
    })
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'index.js')], { cwd: WORKSPACE, env: step.env, encoding: 'utf8' })
    return { status: r.status, stderr: r.stderr, findings: fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')).findings : null }
  }

  it("is kept as the CLI's is: written privately by the first run, after its analysis, and taken as it is by the next", () => {
    const cache = path.join(tmp, 'action-xdg')
    const dir = path.join(cache, 'rust-linkage-guard')
    const first = runAction('first', { XDG_CACHE_HOME: cache, RUNNER_ENVIRONMENT: 'self-hosted' })
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 1, stderr: '' })
    expect(first.findings.map((f: { rule: string }) => f.rule)).toEqual(['duplicate-linkage'])
    const written = cacheFiles(dir)
    expect(written).toEqual([expect.objectContaining({ name: expect.stringMatching(new RegExp(`^action-${process.version.replace(/\./g, '\\.')}-`)), mode: 0o600 })])
    expect(kindOf(dir)).toBe('analysis')

    const second = runAction('second', { XDG_CACHE_HOME: cache, RUNNER_ENVIRONMENT: 'self-hosted' })
    expect({ status: second.status, findings: second.findings }).toEqual({ status: 1, findings: first.findings })
    expect(cacheFiles(dir)).toEqual(written)
  })

  it('is not written on a GitHub-hosted runner, whose next job starts on a new machine', () => {
    const cache = path.join(tmp, 'action-hosted')
    const r = runAction('hosted', { XDG_CACHE_HOME: cache, RUNNER_ENVIRONMENT: 'github-hosted' })
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: '' })
    expect(r.findings).toHaveLength(1)
    expect(cacheFiles(path.join(cache, 'rust-linkage-guard'))).toEqual([])
  })
})

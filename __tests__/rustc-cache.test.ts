/**
 * rustc's answers kept between runs (`src/rustc/output-cache.ts`, `src/gather/rustc-cache.ts`): with the real
 * rustc, a second run starts no rustc and reports the same, and anything its answers depend on — the
 * compiler's file, the environment, the flags — starts it again. A rustup proxy, a trusted repository and a
 * failed answer are never kept; a damaged cache file is read as none.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { type CommandRunner, processRunner } from '../src/exec/runner.js'
import { compilerFingerprint, RUSTC_CACHE_FILE } from '../src/gather/rustc-cache.js'
import { MAX_CACHED_OUTPUT_CHARS, MAX_CACHED_OUTPUTS, outputKey, parseRustcOutputs, recall, remember, type RustcOutputs, serializeRustcOutputs } from '../src/rustc/output-cache.js'
import { analyzeWorkspace } from '../src/run.js'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const METADATA = path.join(HERE, 'fixtures', 'metadata', 'guppy-proc-macro1.json')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-rustc-cache-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The real compiler's binary (not a rustup proxy): `<sysroot>/bin/rustc`. */
const RUSTC = path.join(execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim(), 'bin', 'rustc')

let dirs = 0
const fresh = (name: string): string => fs.mkdtempSync(path.join(tmp, `${name}-${dirs++}-`))

/** A program named `rustc` that runs the real one; `body` may come first (a line of shell). */
function wrapper(dir: string, body = ''): string {
  const file = path.join(dir, 'rustc')
  fs.writeFileSync(file, `#!/bin/sh\n${body}\nexec "${RUSTC}" "$@"\n`, { mode: 0o755 })
  return file
}

/** The real runner, recording what it started. */
function counting(): CommandRunner & { started: string[] } {
  const real = processRunner()
  const started: string[] = []
  return {
    started,
    run(command, args, options) {
      started.push(`${path.basename(command)} ${args.includes('-vV') ? '-vV' : '--print'}`)
      return real.run(command, args, options)
    }
  }
}

interface Run {
  cache: string
  rustc: string
  env?: Record<string, string | undefined>
  args?: string[]
  trusted?: boolean
}

async function analyse(run: Run): Promise<{ started: string[]; report: string }> {
  const runner = counting()
  const analysis = await analyzeWorkspace({
    manifestPath: null,
    metadataFile: METADATA,
    invocation: parseCliArgs(['--workspace', ...(run.args ?? [])]).invocation,
    env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, RUSTUP_TOOLCHAIN: undefined, XDG_CACHE_HOME: run.cache, RUSTC: run.rustc, ...run.env },
    cwd: tmp,
    runner,
    trustRepositoryConfig: run.trusted === true
  })
  return { started: runner.started, report: JSON.stringify(analysis) }
}

const cacheFile = (cache: string): string => path.join(cache, 'rust-linkage-guard', RUSTC_CACHE_FILE)

describe('with the real rustc', () => {
  it('the second run starts no rustc and reports exactly what the first did', async () => {
    const cache = fresh('cache')
    const first = await analyse({ cache, rustc: RUSTC })
    expect(first.started.sort()).toEqual(['rustc --print', 'rustc -vV'])
    expect(fs.statSync(cacheFile(cache)).mode & 0o777).toBe(0o600)
    const second = await analyse({ cache, rustc: RUSTC })
    expect(second.started).toEqual([])
    expect(second.report).toBe(first.report)
  })

  it('a rewritten compiler, another environment or other flags start rustc again', async () => {
    const cache = fresh('cache')
    const rustc = wrapper(fresh('bin'))
    expect((await analyse({ cache, rustc })).started).toHaveLength(2)
    expect((await analyse({ cache, rustc })).started).toEqual([])
    // The same program written again: a new change time, so a new compiler as far as the cache can tell.
    fs.writeFileSync(rustc, fs.readFileSync(rustc))
    expect((await analyse({ cache, rustc })).started).toHaveLength(2)
    // RUSTC_BOOTSTRAP reaches rustc, and changes what it accepts.
    expect((await analyse({ cache, rustc, env: { RUSTC_BOOTSTRAP: '1' } })).started).toHaveLength(2)
    // Another target: rustc -vV is kept, the probe is new.
    expect((await analyse({ cache, rustc, args: ['--target', 'wasm32-unknown-unknown'] })).started).toEqual(['rustc --print'])
    expect((await analyse({ cache, rustc, args: ['--target', 'wasm32-unknown-unknown'] })).started).toEqual([])
  })

  it('a failed answer is not kept: the next run asks again, and gets the answer', async () => {
    const cache = fresh('cache')
    const dir = fresh('bin')
    const broken = path.join(dir, 'broken')
    fs.writeFileSync(broken, '')
    const rustc = wrapper(dir, `[ -e "${broken}" ] && [ "$1" != -vV ] && { echo "error: the probe broke" >&2; exit 1; }`)
    await expect(analyse({ cache, rustc })).rejects.toThrow('error: the probe broke')
    fs.rmSync(broken)
    // (`rustc -vV` may have been stopped unanswered when the probe failed.)
    expect((await analyse({ cache, rustc })).started).toContain('rustc --print')
    expect((await analyse({ cache, rustc })).started).toEqual([])
  })

  it('a trusted repository (rustc runs in the checkout, flags may name files) keeps nothing', async () => {
    const cache = fresh('cache')
    expect((await analyse({ cache, rustc: RUSTC, trusted: true })).started).toHaveLength(2)
    expect((await analyse({ cache, rustc: RUSTC, trusted: true })).started).toHaveLength(2)
    expect(fs.existsSync(cacheFile(cache))).toBe(false)
  })

  it('a rustup proxy (a link to rustup, which chooses the compiler by its settings) keeps nothing', async () => {
    const cache = fresh('cache')
    const bin = fresh('bin')
    // rustup's proxies are hard links to rustup; this one runs the real compiler whatever it is called.
    fs.writeFileSync(path.join(bin, 'rustup'), `#!/bin/sh\nexec "${RUSTC}" "$@"\n`, { mode: 0o755 })
    fs.linkSync(path.join(bin, 'rustup'), path.join(bin, 'rustc'))
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}` }
    expect((await analyse({ cache, rustc: path.join(bin, 'rustc'), env })).started).toHaveLength(2)
    expect((await analyse({ cache, rustc: 'rustc', env })).started).toHaveLength(2)
    expect(fs.existsSync(cacheFile(cache))).toBe(false)
  })

  it('a damaged, foreign or oversized cache file is read as none and written anew', async () => {
    for (const damage of ['{"version":1,"outputs":[{"key":"x"', '{"version":2,"outputs":[]}', 'x'.repeat(33 * 1024 * 1024)]) {
      const cache = fresh('cache')
      fs.mkdirSync(path.dirname(cacheFile(cache)), { recursive: true })
      fs.writeFileSync(cacheFile(cache), damage)
      expect((await analyse({ cache, rustc: RUSTC })).started).toHaveLength(2)
      expect(parseRustcOutputs(fs.readFileSync(cacheFile(cache), 'utf8')).size).toBe(2)
      expect((await analyse({ cache, rustc: RUSTC })).started).toEqual([])
    }
  })

  // Answers someone else could have written (a shared XDG_CACHE_HOME, a directory another user made first)
  // would decide the analysis: such a file is no cache, and is replaced by one only this user can write.
  it('a cache file others may write, a symlink to one, or another user\'s file is read as none and replaced', async () => {
    const cache = fresh('cache')
    await analyse({ cache, rustc: RUSTC })
    const good = fs.readFileSync(cacheFile(cache))
    const plant: [string, (file: string) => void][] = [
      ['group-writable', file => fs.chmodSync(file, 0o664)],
      ['world-writable', file => fs.chmodSync(file, 0o646)],
      [
        'a symlink',
        file => {
          const elsewhere = path.join(fresh('elsewhere'), RUSTC_CACHE_FILE)
          fs.writeFileSync(elsewhere, good, { mode: 0o600 })
          fs.rmSync(file)
          fs.symlinkSync(elsewhere, file)
        }
      ],
      ...(process.getuid?.() === 0 ? [['another user\'s', (file: string) => fs.chownSync(file, 4242, 4242)] as [string, (file: string) => void]] : [])
    ]
    for (const [what, change] of plant) {
      fs.rmSync(cacheFile(cache), { force: true })
      fs.writeFileSync(cacheFile(cache), good, { mode: 0o600 })
      change(cacheFile(cache))
      expect({ what, started: (await analyse({ cache, rustc: RUSTC })).started.length }).toEqual({ what, started: 2 })
      const replaced = fs.lstatSync(cacheFile(cache))
      expect({ what, file: replaced.isFile(), mode: replaced.mode & 0o777 }).toEqual({ what, file: true, mode: 0o600 })
      expect({ what, started: (await analyse({ cache, rustc: RUSTC })).started.length }).toEqual({ what, started: 0 })
    }
  })

  it('a FIFO at the cache file blocks nothing and is replaced', async () => {
    const cache = fresh('cache')
    fs.mkdirSync(path.dirname(cacheFile(cache)), { recursive: true })
    execFileSync('mkfifo', [cacheFile(cache)])
    expect((await analyse({ cache, rustc: RUSTC })).started).toHaveLength(2)
    expect(fs.statSync(cacheFile(cache)).isFile()).toBe(true)
  })
})

describe('which compiler can be fingerprinted', () => {
  it('an absolute file, or a name PATH settles; not a relative path, a name past a relative PATH entry, or nothing', () => {
    const bin = fresh('bin')
    const rustc = wrapper(bin)
    expect(compilerFingerprint(rustc, '/usr/bin', {})?.file).toBe(fs.realpathSync(rustc))
    expect(compilerFingerprint('rustc', `${bin}${path.delimiter}/usr/bin`, {})?.file).toBe(fs.realpathSync(rustc))
    expect(compilerFingerprint('rustc', `.${path.delimiter}${bin}`, {})).toBeNull()
    expect(compilerFingerprint('./rustc', bin, {})).toBeNull()
    expect(compilerFingerprint(path.join(bin, 'missing'), bin, {})).toBeNull()
    expect(compilerFingerprint(bin, bin, {})).toBeNull()
  })

  it("a copy of rustup in cargo's home is a proxy too", () => {
    const home = fresh('cargo-home')
    fs.mkdirSync(path.join(home, 'bin'))
    const bin = fresh('bin')
    const rustc = wrapper(bin)
    fs.copyFileSync(rustc, path.join(home, 'bin', 'rustup'))
    expect(compilerFingerprint(rustc, '/usr/bin', { CARGO_HOME: home })).toBeNull()
    expect(compilerFingerprint(rustc, '/usr/bin', { CARGO_HOME: fresh('empty-home') })).not.toBeNull()
  })
})

describe('the cache document', () => {
  const key = (n: number): string => outputKey('rustc', [`--n=${n}`], {}, null)

  it('keys differ with the compiler, arguments, environment and input, and not with the order of the environment', () => {
    const base = outputKey('rustc\0a', ['-vV'], { A: '1', B: '2' }, null)
    expect(outputKey('rustc\0a', ['-vV'], { B: '2', A: '1' }, null)).toBe(base)
    for (const other of [
      outputKey('rustc\0b', ['-vV'], { A: '1', B: '2' }, null),
      outputKey('rustc\0a', ['-V'], { A: '1', B: '2' }, null),
      outputKey('rustc\0a', ['-vV'], { A: '1', B: '3' }, null),
      outputKey('rustc\0a', ['-vV'], { A: '1' }, null),
      outputKey('rustc\0a', ['-vV'], { A: '1', B: '2' }, '')
    ]) {
      expect(other).not.toBe(base)
    }
  })

  it('round-trips, keeps the most recently used and refuses answers too large to keep', () => {
    const outputs: RustcOutputs = new Map()
    for (let n = 0; n < MAX_CACHED_OUTPUTS + 3; n++) expect(remember(outputs, key(n), { stdout: `${n}\n`, stderr: '' })).toBe(true)
    expect(outputs.size).toBe(MAX_CACHED_OUTPUTS)
    expect(outputs.has(key(2))).toBe(false)
    expect(recall(outputs, key(3))).toEqual({ stdout: '3\n', stderr: '' })
    remember(outputs, key(100), { stdout: '', stderr: '' })
    // 3 was used last, so 4 went first.
    expect([outputs.has(key(3)), outputs.has(key(4))]).toEqual([true, false])
    expect(remember(outputs, key(101), { stdout: 'x'.repeat(MAX_CACHED_OUTPUT_CHARS), stderr: 'y' })).toBe(false)
    expect(parseRustcOutputs(serializeRustcOutputs(outputs))).toEqual(outputs)
  })

  it('a document with any entry that does not fit is no cache at all', () => {
    const good = { key: key(1), stdout: 'a', stderr: '' }
    for (const outputs of [[good, { ...good, key: 'ABC' }], [good, { ...good, stdout: 1 }], [good, null], [good, { ...good, stderr: 'x'.repeat(MAX_CACHED_OUTPUT_CHARS) }]]) {
      expect(parseRustcOutputs(JSON.stringify({ version: 1, outputs })).size).toBe(0)
    }
    expect(parseRustcOutputs(JSON.stringify({ version: 1, outputs: [good] })).size).toBe(1)
    expect(parseRustcOutputs('[]').size).toBe(0)
  })
})

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { createExclusive, inBatches, resolveOutputPath, writeAll, writeAtomically } from '../src/write-file.js'
import { leaveFree, mountTmpfs, noTmpfs } from './support/tmpfs.js'

/**
 * Every output goes through one writer: a planted symlink, a directory symlink, a device node, a FIFO or a
 * full disk can neither redirect a write, replace a node, nor leave a truncated file behind a success.
 * The canaries are files outside the output directory; each attack has a control showing it is live.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const MANIFEST = path.join(ROOT, 'examples', 'plugin-engine', 'Cargo.toml')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-write-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const root = process.getuid?.() === 0

let n = 0
function scratch(): string {
  return fs.mkdtempSync(path.join(tmp, `case${n++}-`))
}

function canary(dir: string): { file: string; intact(): boolean } {
  const file = path.join(dir, 'canary.txt')
  fs.writeFileSync(file, 'canary\n')
  return { file, intact: () => fs.readFileSync(file, 'utf8') === 'canary\n' }
}

/** The CLI on a real workspace; `--fail-on never`, so that its status is about writing only. */
function cli(args: string[], options: { cwd?: string } = {}) {
  return spawnSync(process.execPath, [CLI, '--manifest-path', MANIFEST, '--fail-on', 'never', '--format', 'json', ...args], { encoding: 'utf8', cwd: options.cwd ?? tmp })
}

function expectOneLine(r: { status: number | null; stderr: string }, status: number, pattern: RegExp): void {
  expect(r.status).toBe(status)
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(r.stderr.trimEnd()).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))
}

describe('temporary files cannot be redirected', () => {
  it('the exclusive open fails with EEXIST on a symlink planted at its exact name, leaving the target alone', () => {
    const dir = scratch()
    const target = canary(scratch())
    const link = path.join(dir, '.planted.tmp')
    fs.symlinkSync(target.file, link)
    expect(() => createExclusive(link)).toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect(target.intact()).toBe(true)
    // A dangling link too: O_EXCL never creates its target.
    const nowhere = path.join(scratch(), 'created-through-link')
    fs.symlinkSync(nowhere, path.join(dir, '.dangling.tmp'))
    expect(() => createExclusive(path.join(dir, '.dangling.tmp'))).toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect(fs.existsSync(nowhere)).toBe(false)
    // Control: a plain open for writing follows the link and truncates the canary.
    fs.closeSync(fs.openSync(link, 'w'))
    expect(target.intact()).toBe(false)
  })

  it('symlinks planted under every predictable temporary name leave the canary intact, in-process and through the CLI', () => {
    const dir = scratch()
    const target = canary(scratch())
    const pidMax = fs.existsSync('/proc/sys/kernel/pid_max') ? Number(fs.readFileSync('/proc/sys/kernel/pid_max', 'utf8')) : Infinity
    // Every pid when pid_max is small (32768 by default), else a window around ours that children fall in.
    const pids = pidMax <= 40000 ? range(1, pidMax) : range(Math.max(1, process.pid - 2000), process.pid + 8000)
    const names = ['report.json', 'cli.json']
    for (const name of names) {
      for (const pid of pids) fs.symlinkSync(target.file, path.join(dir, `.${name}.${pid}.tmp`))
      for (const other of [`.${name}.tmp`, `${name}.tmp`, `${name}~`, `.${name}.swp`, `.${name}.new`, `${name}.new`]) fs.symlinkSync(target.file, path.join(dir, other))
    }
    const planted = fs.readdirSync(dir).length

    writeAtomically(path.join(dir, 'report.json'), ['{"a":', '1}\n'], 'the test report')
    const r = cli(['--output', 'cli.json'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')

    expect(target.intact()).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{"a":1}\n')
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cli.json'), 'utf8')).version).toBe(2)
    expect(fs.lstatSync(path.join(dir, 'cli.json')).isFile()).toBe(true)
    // Nothing left behind but the two outputs; every planted link is still there, unfollowed.
    expect(fs.readdirSync(dir).length).toBe(planted + 2)
    // Control: the old writer's open of `.<name>.<pid>.tmp` would have followed the planted link.
    fs.closeSync(fs.openSync(path.join(dir, `.report.json.${process.pid}.tmp`), 'w'))
    expect(target.intact()).toBe(false)
  })

  it('a symlink at the output name itself is replaced, never followed', () => {
    const dir = scratch()
    const target = canary(scratch())
    const out = path.join(dir, 'report.json')
    fs.symlinkSync(target.file, out)
    writeAtomically(out, 'report\n', 'the test report')
    expect(fs.lstatSync(out).isFile()).toBe(true)
    expect(fs.readFileSync(out, 'utf8')).toBe('report\n')
    expect(target.intact()).toBe(true)
  })

  it('keeps the permissions of the file it replaces', () => {
    const out = path.join(scratch(), 'private.json')
    fs.writeFileSync(out, 'old', { mode: 0o600 })
    fs.chmodSync(out, 0o600)
    writeAtomically(out, 'new', 'the test report')
    expect(fs.statSync(out).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(out, 'utf8')).toBe('new')
  })

  it('creates missing directories one by one and never through a dangling symlink', () => {
    const dir = scratch()
    const nowhere = path.join(scratch(), 'made-by-link')
    fs.symlinkSync(nowhere, path.join(dir, 'out'))
    expect(() => writeAtomically(path.join(dir, 'out', 'deeper', 'r.json'), 'x', 'the test report')).toThrow(UserError)
    expect(fs.existsSync(nowhere)).toBe(false)
    writeAtomically(path.join(dir, 'new', 'deeper', 'r.json'), 'x', 'the test report')
    expect(fs.readFileSync(path.join(dir, 'new', 'deeper', 'r.json'), 'utf8')).toBe('x')
  })
})

describe('the action keeps relative outputs inside the workspace', () => {
  it('refuses a relative path that leaves through a directory symlink, and names the input and the link', () => {
    const ws = scratch()
    const elsewhere = scratch()
    fs.symlinkSync(elsewhere, path.join(ws, 'reports'))
    expect(() => resolveOutputPath('reports/x.sarif', 'sarif-file', ws, [ws])).toThrow(
      new UserError("input `sarif-file`: reports/x.sarif leaves the workspace through the symlink `reports`; only an absolute path may name a place outside the workspace and the runner's temporary directory")
    )
    // Deeper, with directories still to be made below the link.
    expect(() => resolveOutputPath('reports/a/b/x.sarif', 'sarif-file', ws, [ws])).toThrow(/through the symlink `reports`/)
    expect(() => resolveOutputPath('../x.json', 'report-path', ws, [ws])).toThrow(/input `report-path`: \.\.\/x\.json is outside the workspace/)
    fs.symlinkSync(path.join(elsewhere, 'missing'), path.join(ws, 'dangling'))
    expect(() => resolveOutputPath('dangling/x.json', 'report-path', ws, [ws])).toThrow(/input `report-path`: dangling\/x\.json cannot be resolved through the symlink `dangling`/)
  })

  it('allows symlinks that stay inside, the runner temporary directory, and any absolute path', () => {
    const ws = scratch()
    const runnerTemp = scratch()
    fs.mkdirSync(path.join(ws, 'build'))
    fs.symlinkSync(path.join(ws, 'build'), path.join(ws, 'out'))
    expect(resolveOutputPath('out/new/x.json', 'report-path', ws, [ws])).toBe(path.join(fs.realpathSync(ws), 'build', 'new', 'x.json'))
    fs.symlinkSync(runnerTemp, path.join(ws, 'temp'))
    expect(resolveOutputPath('temp/x.json', 'report-path', ws, [ws, runnerTemp])).toBe(path.join(fs.realpathSync(runnerTemp), 'x.json'))
    expect(resolveOutputPath('/var/tmp/x.json', 'report-path', ws, [ws])).toBe('/var/tmp/x.json')
    expect(resolveOutputPath('x.json', 'report-path', ws, [ws])).toBe(path.join(fs.realpathSync(ws), 'x.json'))
  })
})

describe('special files are written in place or refused, never replaced', () => {
  ;(root ? it : it.skip)('--output onto a character device made with mknod: still the device afterwards (needs root)', () => {
    const dir = scratch()
    const node = path.join(dir, 'null')
    expect(spawnSync('mknod', [node, 'c', '1', '3']).status).toBe(0)
    const r = cli(['--output', node])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const after = fs.lstatSync(node)
    expect(after.isCharacterDevice()).toBe(true)
    expect(after.rdev).toBe(fs.statSync('/dev/null').rdev)
    expect(fs.readdirSync(dir)).toEqual(['null'])
  })

  it('--output onto a FIFO with a reader: the reader gets the whole report and the FIFO stays', async () => {
    const dir = scratch()
    const fifo = path.join(dir, 'pipe')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] })
    let received = ''
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (received += chunk))
    const closed = new Promise(resolve => reader.on('close', resolve))
    const r = cli(['--output', fifo])
    // A writer that never opened the FIFO would leave the reader waiting: end it rather than hang.
    const timer = setTimeout(() => reader.kill(), 10_000)
    await closed
    clearTimeout(timer)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(received).version).toBe(2)
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true)
    expect(fs.readdirSync(dir)).toEqual(['pipe'])
  })

  it('--output /dev/stdout, /dev/fd/1, /proc/self/fd/1 write to standard output (a socket here), never replacing the link', () => {
    const before = fs.readlinkSync('/dev/stdout')
    // /dev/stdout last: if the others were replaced rather than written, this one is never tried.
    for (const alias of ['/proc/self/fd/1', '/dev/fd/1', '/dev/stdout']) {
      const r = cli(['--output', alias])
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      expect(JSON.parse(r.stdout).version).toBe(2)
    }
    expect(fs.readlinkSync('/dev/stdout')).toBe(before)
    // Standard output redirected to a file: the report goes into that file.
    const file = path.join(scratch(), 'redirected.json')
    const fd = fs.openSync(file, 'w')
    try {
      const r = spawnSync(process.execPath, [CLI, '--manifest-path', MANIFEST, '--fail-on', 'never', '--format', 'json', '--output', '/dev/stdout'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' })
      expect(r.status).toBe(0)
    } finally {
      fs.closeSync(fd)
    }
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).version).toBe(2)
  })

  it('--output onto a directory or a socket is refused in one line, exit 2', async () => {
    const dir = scratch()
    const sub = path.join(dir, 'reports')
    fs.mkdirSync(sub)
    expectOneLine(cli(['--output', sub]), 2, /^error: cannot write .*reports \(`--output`\): it is a directory$/)
    expect(fs.readdirSync(sub)).toEqual([])

    const net = await import('node:net')
    const socket = path.join(dir, 'sock')
    const server = net.createServer().listen(socket)
    await new Promise(resolve => server.once('listening', resolve))
    try {
      expectOneLine(cli(['--output', socket]), 2, /^error: cannot write .*sock \(`--output`\): it is a socket$/)
      expect(fs.lstatSync(socket).isSocket()).toBe(true)
    } finally {
      server.close()
    }
  })
})

describe('short writes and full disks', () => {
  it('writes every byte when each write is short', () => {
    const file = path.join(scratch(), 'short.bin')
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251))
    const fd = fs.openSync(file, 'w')
    const asked: number[] = []
    try {
      writeAll(fd, data, (f, b, o, l) => {
        asked.push(l)
        return fs.writeSync(f, b, o, Math.min(l, 7))
      })
    } finally {
      fs.closeSync(fd)
    }
    expect(asked.length).toBe(Math.ceil(10_000 / 7))
    expect(fs.readFileSync(file).equals(data)).toBe(true)
  })

  it('text in chunks arrives whole: multi-byte characters at every buffer edge, bytes, runs of byte pieces, chunks larger than the buffer', () => {
    // Chunks of 1 to 3 MiB and of a few characters, of one-, two-, three- and four-byte characters; every
    // third one as UTF-8 bytes, and every third but one as a run of byte pieces cut anywhere, even inside a
    // character.
    const pieces = ['a', 'é', '€', '😀']
    const texts: string[] = []
    for (let i = 0; texts.length < 400; i++) texts.push(pieces[i % 4]!.repeat(i % 7 === 0 ? 300_000 + i : 1 + (i % 5)))
    const cut = (bytes: Buffer, i: number): Uint8Array[] => {
      const run: Uint8Array[] = []
      for (let at = 0, n = 1; at < bytes.length; at += n, n = 1 + ((n * 7 + i) % 13)) run.push(new Uint8Array(bytes.subarray(at, at + n)))
      return run
    }
    const chunks = texts.map((t, i) => (i % 3 === 0 ? new Uint8Array(Buffer.from(t, 'utf8')) : i % 3 === 1 ? cut(Buffer.from(t, 'utf8'), i) : t))
    const file = path.join(scratch(), 'chunks.txt')
    writeAtomically(file, chunks, '`--output`')
    expect(fs.readFileSync(file, 'utf8')).toBe(texts.join(''))
  })

  it('batches for a stream that holds on to them are buffers of their own; refilled ones are one buffer', () => {
    const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text))
    const chunks = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `line ${i} é\n` : i % 3 === 1 ? bytes(`bytes ${i} €\n`) : [bytes(`run ${i}`), bytes(' €'), bytes('\n')]))
    const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))
    const expected = chunks.map(c => (Array.isArray(c) ? c.map(text).join('') : text(c as string | Uint8Array))).join('').repeat(60)
    const many = Array.from({ length: 60 }, () => chunks).flat()
    const kept = [...inBatches(many, false)]
    expect(kept.length).toBeGreaterThan(1)
    expect(new Set(kept.map(b => b.buffer)).size).toBe(kept.length)
    expect(Buffer.concat(kept).toString('utf8')).toBe(expected)
    const refilled: string[] = []
    const buffers = new Set<ArrayBufferLike>()
    for (const batch of inBatches(many, true)) {
      refilled.push(Buffer.from(batch).toString('utf8'))
      buffers.add(batch.buffer)
    }
    expect(buffers.size).toBe(1)
    expect(refilled.join('')).toBe(expected)
  })

  it('a write that makes no progress is an error, not a loop', () => {
    const fd = fs.openSync(path.join(scratch(), 'zero.bin'), 'w')
    try {
      expect(() => writeAll(fd, Buffer.from('abc'), () => 0)).toThrow(expect.objectContaining({ code: 'ESHORTWRITE' }))
    } finally {
      fs.closeSync(fd)
    }
  })

  ;(noTmpfs === null ? it : it.skip)(`on a nearly full tmpfs the first write is short, the rest fails cleanly ${noTmpfs ?? ''}`, () => {
    const fsys = mountTmpfs('64k')
    try {
      leaveFree(fsys.dir, 8192)
      const data = Buffer.alloc(32_768, 0x61)
      const file = path.join(fsys.dir, 'short.bin')
      const fd = fs.openSync(file, 'w')
      const results: number[] = []
      let error: unknown = null
      try {
        writeAll(fd, data, (f, b, o, l) => {
          const written = fs.writeSync(f, b, o, l)
          results.push(written)
          return written
        })
      } catch (e) {
        error = e
      } finally {
        fs.closeSync(fd)
      }
      expect(results[0]).toBeGreaterThan(0)
      expect(results[0]).toBeLessThan(data.length)
      expect(error).toEqual(expect.objectContaining({ code: 'ENOSPC' }))
      // What did get written is exactly the first bytes: the loop went on from where the short write stopped.
      expect(fs.readFileSync(file).equals(data.subarray(0, results.reduce((a, b) => a + b, 0)))).toBe(true)
    } finally {
      fsys.unmount()
    }
  })

  ;(noTmpfs === null ? it : it.skip)(`--output on a full tmpfs: one line, exit 2, no temporary file, the previous file unchanged ${noTmpfs ?? ''}`, () => {
    const fsys = mountTmpfs('64k')
    try {
      const previous = path.join(fsys.dir, 'report.json')
      fs.writeFileSync(previous, 'previous report\n')
      leaveFree(fsys.dir, 4096)
      const r = cli(['--output', previous])
      expectOneLine(r, 2, /^error: cannot write .*report\.json \(`--output`\): no space is left on the device$/)
      expect(fs.readFileSync(previous, 'utf8')).toBe('previous report\n')
      expect(fs.readdirSync(fsys.dir).sort()).toEqual(['filler', 'report.json'])
      // Control: with room, the same command writes the report (longer than the space that was left).
      fs.rmSync(path.join(fsys.dir, 'filler'))
      expect(cli(['--output', previous]).status).toBe(0)
      expect(fs.statSync(previous).size).toBeGreaterThan(4096)
      expect(leftovers(fsys.dir)).toEqual([])
    } finally {
      fsys.unmount()
    }
  })
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

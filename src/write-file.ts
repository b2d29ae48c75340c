import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from './errors.js'
import { isBelow } from './model/paths.js'

/**
 * The one writer of every output file (the report, the SARIF file, the CLI's `--output`, the job summary and
 * the step outputs). A repository can plant symlinks and directories where an output goes; none of them may
 * redirect a write, replace a device node, or leave a truncated file behind a success.
 */

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of its directory is a file',
  ENOENT: 'a part of its directory does not exist',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file would be larger than the file system allows',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'its path has too many levels of symbolic links',
  EIO: 'an input/output error occurred',
  EPIPE: 'the reading end was closed',
  ENXIO: 'there is no device or reader behind it',
  EBUSY: 'it is busy',
  ETXTBSY: 'it is a running program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ESHORTWRITE: 'the device accepted no more bytes'
}

const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = fs.constants
// Absent on Windows, whose open has no such flags.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0
const O_DIRECTORY = fs.constants.O_DIRECTORY ?? 0

/** A piece of text to write: text, UTF-8 bytes, or a run of byte pieces written one after another. */
export type TextChunk = string | Uint8Array | readonly Uint8Array[]

/** The size of a batch of chunks (`inBatches`). */
const BUFFER_BYTES = 1 << 20

/** Something to wait on between tries of a full non-blocking pipe (Atomics.wait is a synchronous sleep). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4))

/** `fs.writeSync`'s shape, so that a test can make every write short. */
export type WriteSync = (fd: number, buffer: Uint8Array, offset: number, length: number) => number

/**
 * Writes `text` to `file`, which is `name` to the user (`input \`report-path\``, `` `--output` ``). What is
 * at `file` decides how (by `lstat`, never following it):
 * - nothing, a regular file, or a symlink: a new file with a random name, created exclusively and without
 *   following symlinks in the same directory, gets every byte and is renamed over `file`. A symlink is
 *   replaced, never followed; a reader never sees half a file; on failure the previous file is untouched and
 *   the temporary file is gone.
 * - a character or block device or a FIFO (`/dev/null`, a pipe): written in place, never replaced. So is
 *   what a symlink inside `/dev` or `/proc` names: those links are the system's. `/dev/stdout`,
 *   `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are this process's descriptor N, written as it is
 *   (it may be a socket, which cannot be opened by name).
 * - a directory or a socket: refused.
 * Missing parent directories are created one at a time, never through a symlink at a missing name.
 * Every failure is a one-line UserError naming the file, `name` and the reason.
 *
 * With `flush` (the default), the new file is flushed to disk before the rename, and the directory after it, so
 * that a crash of the machine leaves the old file or the new one: `--fix` writes the user's manifests so. A
 * report, which the next run writes again, is not flushed (`flush: false`): for the 61 MB report of a
 * 10,000-package workspace, the flush was 130 of the 352 ms its writing took (medians of 5 runs, node 20).
 */
export function writeAtomically(file: string, text: string | Iterable<TextChunk>, name: string, { flush = true }: { flush?: boolean } = {}): void {
  const absolute = path.resolve(file)
  const fail = (error: unknown, overrides: Record<string, string> = {}): never => {
    throw writeError(file, name, error, overrides)
  }
  const descriptor = descriptorAlias(absolute)
  if (descriptor !== null) return writeToDescriptor(descriptor, text, fail)
  let stat: fs.Stats | null = null
  try {
    stat = fs.lstatSync(absolute)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') fail(error)
  }
  if (stat?.isSymbolicLink() && isSystemLink(absolute)) {
    try {
      stat = fs.statSync(absolute)
    } catch (error) {
      fail(error, { ENOENT: 'the link names nothing' })
    }
    return writeInPlace(absolute, text, stat!, true, fail)
  }
  if (stat !== null && !stat.isFile() && !stat.isSymbolicLink()) return writeInPlace(absolute, text, stat, false, fail)

  const dir = path.dirname(absolute)
  try {
    makeDirectories(dir)
  } catch (error) {
    fail(error)
  }
  const tmp = path.join(dir, temporaryName())
  let fd: number | null = null
  let created = false
  try {
    fd = createExclusive(tmp)
    created = true
    if (stat?.isFile()) fs.fchmodSync(fd, stat.mode & 0o777)
    writeText(fd, text)
    if (flush) fs.fsyncSync(fd)
    fs.closeSync(fd)
    fd = null
    fs.renameSync(tmp, absolute)
  } catch (error) {
    if (fd !== null) closeQuietly(fd)
    // Only a file this call created: an EEXIST means something else holds the name, left as it is.
    if (created) removeQuietly(tmp)
    fail(error, { EEXIST: `its temporary file ${tmp} already exists` })
  }
  if (flush) syncDirectory(dir)
}

/**
 * Creates `file` for writing, failing with EEXIST when anything is there, a symlink included: with
 * O_CREAT|O_EXCL (and O_NOFOLLOW) the kernel never follows a link at the final name.
 */
export function createExclusive(file: string, mode = 0o644): number {
  return fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
}

/**
 * Writes every byte of `data`: `write` may write fewer bytes than asked (a pipe, a nearly full disk), or
 * none for now on a non-blocking pipe or socket (EAGAIN), when it waits a moment for the reader.
 */
export function writeAll(fd: number, data: Uint8Array, write: WriteSync = (f, b, o, l) => fs.writeSync(f, b, o, l)): void {
  let offset = 0
  while (offset < data.length) {
    let written: number
    try {
      written = write(fd, data, offset, data.length - offset)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
      Atomics.wait(PAUSE, 0, 0, 2)
      continue
    }
    if (!(written > 0)) throw Object.assign(new Error('write accepted no bytes'), { code: 'ESHORTWRITE' })
    offset += written
  }
}

/**
 * Appends `text` to a file the runner made (the job summary, `GITHUB_OUTPUT`), never creating it. On a
 * failure a regular file is cut back to its old length, so that no half-written block is left in it.
 */
export function appendToFile(file: string, text: string, name: string): void {
  let fd: number | null = null
  try {
    fd = fs.openSync(file, O_WRONLY | O_APPEND | O_NOCTTY)
    const before = fs.fstatSync(fd)
    try {
      writeAll(fd, Buffer.from(text, 'utf8'))
    } catch (error) {
      if (before.isFile()) {
        try {
          fs.ftruncateSync(fd, before.size)
        } catch {
          // The write's own error is the one to report.
        }
      }
      throw error
    }
  } catch (error) {
    throw writeError(file, name, error, { ENOENT: 'the file does not exist' })
  } finally {
    if (fd !== null) closeQuietly(fd)
  }
}

/**
 * Where an output the action writes really goes: `given` (input `input`) resolved against `workspace`, with
 * every existing directory on the way replaced by its real path. A relative path must end up inside one of
 * `roots` (the workspace, the runner's temporary directory), so that a directory symlink from the pull
 * request cannot send it elsewhere. An absolute path is the workflow's deliberate choice and is kept as is.
 */
export function resolveOutputPath(given: string, input: string, workspace: string, roots: readonly string[]): string {
  const lexical = path.resolve(workspace, given)
  if (path.isAbsolute(given)) return lexical
  let existing = path.dirname(lexical)
  const missing: string[] = []
  while (!lexists(existing)) {
    const up = path.dirname(existing)
    if (up === existing) break
    missing.unshift(path.basename(existing))
    existing = up
  }
  const link = firstSymlink(workspace, existing)
  const through = link === null ? '' : ` through the symlink \`${link}\``
  let real: string
  try {
    real = path.join(fs.realpathSync(existing), ...missing, path.basename(lexical))
  } catch {
    throw new UserError(`input \`${input}\`: ${given} cannot be resolved${through}; name an existing directory in the workspace`)
  }
  const realRoots = roots.flatMap(root => {
    try {
      return [fs.realpathSync(root)]
    } catch {
      return []
    }
  })
  if (!realRoots.some(root => isBelow(root, real))) {
    const where = link === null ? 'is outside the workspace' : `leaves the workspace${through}`
    throw new UserError(`input \`${input}\`: ${given} ${where}; only an absolute path may name a place outside the workspace and the runner's temporary directory`)
  }
  return real
}

function writeInPlace(file: string, text: string | Iterable<TextChunk>, stat: fs.Stats, viaSystemLink: boolean, fail: (error: unknown) => never): void {
  const kind = refusedKind(stat, viaSystemLink)
  if (kind !== null) fail(refusal(kind))
  let fd: number | null = null
  try {
    // No O_CREAT and no O_TRUNC: what is there is written to, never made or replaced. A regular file behind
    // /dev/stdout is the shell's redirection, appended to as the shell opened it.
    const append = stat.isFile() ? O_APPEND : 0
    fd = fs.openSync(file, O_WRONLY | O_NOCTTY | append | (viaSystemLink ? 0 : O_NOFOLLOW))
    const opened = fs.fstatSync(fd)
    const changed = refusedKind(opened, viaSystemLink)
    if (changed !== null) throw refusal(changed)
    writeText(fd, text)
  } catch (error) {
    fail(error)
  } finally {
    if (fd !== null) closeQuietly(fd)
  }
}

/** The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` stands for, or null. */
function descriptorAlias(file: string): number | null {
  if (process.platform === 'win32') return null
  if (file === '/dev/stdout') return 1
  if (file === '/dev/stderr') return 2
  const m = /^(?:\/dev\/fd|\/proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/u.exec(file)
  if (m === null || (m[1] !== undefined && Number(m[1]) !== process.pid)) return null
  return Number(m[2])
}

/** Writes to a descriptor this process already holds; it stays open, as it was given. */
function writeToDescriptor(fd: number, text: string | Iterable<TextChunk>, fail: (error: unknown, overrides?: Record<string, string>) => never): void {
  try {
    if (fs.fstatSync(fd).isDirectory()) throw refusal('it is a directory')
    writeText(fd, text)
  } catch (error) {
    fail(error, { EBADF: 'that descriptor is not open for writing' })
  }
}

/** Why a file that is not replaced cannot be written in place, or null when it can. */
function refusedKind(stat: fs.Stats, viaSystemLink: boolean): string | null {
  if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isFIFO()) return null
  if (stat.isFile() && viaSystemLink) return null
  if (stat.isDirectory()) return 'it is a directory'
  if (stat.isSocket()) return 'it is a socket'
  return 'it is not a regular file, a device or a FIFO'
}

function refusal(reason: string): Error {
  return Object.assign(new Error(reason), { reason })
}

function writeText(fd: number, text: string | Iterable<TextChunk>): void {
  if (typeof text === 'string') return writeAll(fd, Buffer.from(text, 'utf8'))
  for (const batch of inBatches(text, true)) writeAll(fd, batch)
}

/**
 * Chunks of text and bytes gathered into batches of up to 1 MiB, so that a report in a million pieces takes a
 * few hundred writes and is never one buffer in memory; a piece larger than a batch comes alone. A run of
 * byte pieces (a report's linkage list) is copied in one step of the caller's iteration, not one per piece.
 * With `reuse`, every batch is the same buffer, refilled: its consumer must be done with it before asking for
 * the next.
 */
export function* inBatches(chunks: Iterable<TextChunk>, reuse: boolean): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES)
  let used = 0
  for (const chunk of chunks) {
    const run = typeof chunk !== 'string' && Array.isArray(chunk) ? chunk : null
    const count = run === null ? 1 : run.length
    for (let i = 0; i < count; i++) {
      const piece = run === null ? (chunk as string | Uint8Array) : run[i]!
      // UTF-8 takes at most three bytes per UTF-16 unit.
      const most = typeof piece === 'string' ? piece.length * 3 : piece.length
      if (most > BUFFER_BYTES - used && used > 0) {
        yield buffer.subarray(0, used)
        if (!reuse) buffer = Buffer.allocUnsafe(BUFFER_BYTES)
        used = 0
      }
      if (most > BUFFER_BYTES) yield typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
      else if (typeof piece === 'string') used += buffer.write(piece, used, 'utf8')
      else {
        buffer.set(piece, used)
        used += piece.length
      }
    }
  }
  if (used > 0) yield buffer.subarray(0, used)
}

/**
 * Writes a cache file of this user's whole to a new file (mode 0600) renamed over the old one, so that a reader
 * never sees half of it and two runs at once leave one of their versions. Not `writeAtomically`, the writer of
 * the reports: a FIFO or device at the name is replaced rather than written, and nothing is flushed to disk (a
 * cache lost in a crash is read as none). A cache that cannot be written costs the next run what it saves,
 * nothing else, so every failure is swallowed.
 */
export function replaceCacheFile(file: string, data: Uint8Array): void {
  const dir = path.dirname(file)
  const tmp = path.join(dir, temporaryName())
  let fd: number | null = null
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    fd = createExclusive(tmp, 0o600)
    writeAll(fd, data)
    fs.closeSync(fd)
    fd = null
    fs.renameSync(tmp, file)
  } catch {
    if (fd !== null) closeQuietly(fd)
    removeQuietly(tmp)
  }
}

/** A name no one can plant ahead of time: 96 random bits, not the pid. */
export function temporaryName(): string {
  return `.rust-linkage-guard-${crypto.randomBytes(12).toString('hex')}.tmp`
}

/**
 * Creates the missing directories of `dir` one at a time. mkdir never follows a symlink at the name it
 * creates, so a dangling link on the way fails instead of creating its target.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = []
  let existing = dir
  while (!lexists(existing)) {
    missing.unshift(existing)
    const up = path.dirname(existing)
    if (up === existing) break
    existing = up
  }
  if (!fs.statSync(existing).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
  for (const d of missing) fs.mkdirSync(d)
}

/** Symlinks inside /dev and /proc are the system's (`/dev/stdout`, `/dev/fd/N`); no repository plants them. */
function isSystemLink(file: string): boolean {
  let parent: string
  try {
    parent = fs.realpathSync(path.dirname(file))
  } catch {
    return false
  }
  return ['/dev', '/proc'].some(root => parent === root || parent.startsWith(`${root}/`))
}

function lexists(file: string): boolean {
  try {
    fs.lstatSync(file)
    return true
  } catch {
    return false
  }
}

/** The first symlink on the way from `root` down to `dir`, relative to `root`, or null. */
function firstSymlink(root: string, dir: string): string | null {
  const relative = path.relative(root, dir)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
  let current = root
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part)
    try {
      if (fs.lstatSync(current).isSymbolicLink()) return path.relative(root, current).split(path.sep).join('/')
    } catch {
      return null
    }
  }
  return null
}


function writeError(file: string, name: string, error: unknown, overrides: Record<string, string>): UserError {
  if (error instanceof UserError) return error
  const e = error as NodeJS.ErrnoException & { reason?: string }
  const reason = e.reason ?? overrides[e.code ?? ''] ?? REASONS[e.code ?? ''] ?? (e.code === undefined ? undefined : `${e.code}: ${e.message}`)
  if (reason === undefined) throw error
  return new UserError(`cannot write ${file} (${name}): ${reason}`)
}

function syncDirectory(dir: string): void {
  let fd: number | null = null
  try {
    fd = fs.openSync(dir, fs.constants.O_RDONLY | O_DIRECTORY)
    fs.fsyncSync(fd)
  } catch {
    // Durability of the rename is best effort: some file systems cannot sync a directory.
  } finally {
    if (fd !== null) closeQuietly(fd)
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd)
  } catch {
    // Already reporting the error that led here.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file)
  } catch {
    // Nothing more can be done; the error that led here is the one reported.
  }
}

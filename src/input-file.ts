import fs from 'node:fs'
import path from 'node:path'
import { UserError } from './errors.js'
import { isAtOrBelow } from './model/paths.js'
import { formatSize, INPUT_LIMITS, type InputKind } from './limits.js'

/**
 * The one reader of every file the analysis parses. A repository can make any of them huge, or a symlink to
 * `/dev/zero` or a FIFO; none of them may stream forever, block the run or exhaust memory.
 */

/** A file that could not be read, or was refused. `message` names the file; `reason` is the rest. */
export class InputFileError extends UserError {
  constructor(
    readonly file: string,
    /** The errno code when opening or reading failed (`ENOENT`, …); null when the file was refused. */
    readonly code: string | null,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'InputFileError'
  }
}

export interface ReadInputOptions {
  /** The file as the user knows it, for messages (default: `file`). */
  shown?: string
  /** Also read a FIFO or pipe (`--metadata-file /dev/stdin`), up to the limit; for files named by the user. */
  allowPipe?: boolean
  /** Read the file only if its real path lies inside the real path of this repository (see `RepositoryScope`). */
  within?: RepositoryScope | null
  /**
   * Read the file only if it is this user's own (`isPrivateFile`), and never through a symlink: for a cache in
   * the user's cache directory, which a file someone else could have written there must not stand in for.
   */
  privateOnly?: boolean
}

/**
 * Whether no one but this user can have written the file: it is theirs, and neither its group nor others may
 * write it. Where files have no owners (Windows), every file is.
 */
function isPrivateFile(stat: fs.Stats): boolean {
  return typeof process.getuid !== 'function' || (stat.uid === process.getuid() && (stat.mode & 0o022) === 0)
}

/**
 * The repository whose files are read on its behalf. A pull request can commit a symlink (`rust-toolchain ->
 * ~/.git-credentials`) or name any path (`include = "/etc/…"`), and what is read from such a file can reach
 * the job summary, a comment or an error line; so a file of the repository, or one it names, is read only
 * when its real path is inside the repository's real path.
 */
export interface RepositoryScope {
  /** The repository's directory (`GITHUB_WORKSPACE`), absolute, as named. */
  readonly root: string
  /** Its real path. */
  readonly realRoot: string
}

/** The scope of the repository at `root`. */
export function repositoryScope(root: string): RepositoryScope {
  const resolved = path.resolve(root)
  let realRoot = resolved
  try {
    realRoot = fs.realpathSync(resolved)
  } catch {
    // A repository that cannot be resolved has no file to read either.
  }
  return { root: resolved, realRoot }
}

/**
 * The scope `file` is read in: `scope` when the file lies in the repository as named (before any symlink is
 * followed), else null — the runner's own files (`CARGO_HOME`, configs in parent directories) are read as they are.
 */
export function scopeFor(scope: RepositoryScope | null, file: string): RepositoryScope | null {
  if (scope === null) return null
  const absolute = path.resolve(file)
  return isAtOrBelow(scope.root, absolute) || isAtOrBelow(scope.realRoot, absolute) ? scope : null
}

/**
 * Whether the absolute path `p` lies in the repository: as named, and, when it exists, by its real path (a
 * directory symlink in the checkout can point anywhere).
 */
export function isInsideRepository(scope: RepositoryScope, p: string): boolean {
  if (!isAtOrBelow(scope.root, p) && !isAtOrBelow(scope.realRoot, p)) return false
  try {
    return isAtOrBelow(scope.realRoot, fs.realpathSync(p))
  } catch {
    // Nothing there yet: cargo finds nothing to read either, and says so.
    return true
  }
}


/** The reason given when a file of the repository leads outside it. */
const OUTSIDE_REPOSITORY = 'it leads outside the repository through a symlink (set trust-repository-config to read it)'

// Opening a FIFO for reading blocks until a writer comes, unless non-blocking; regular files ignore the flag.
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0
/** Where bytes past the size a file had when opened are read, a MiB at a time (reads are synchronous: one is enough). */
let scratch: Buffer | null = null

/**
 * Reads `file` as UTF-8, as `fs.readFileSync` would, but only a regular file (a directory, device, FIFO or
 * socket is refused: its type is checked on the opened descriptor, so a swap after a check changes
 * nothing), and never more than the limit of its `kind` plus one byte, whatever the file's size said.
 *
 * @throws InputFileError naming the file: what it is, or its size and the limit, or why it cannot be read.
 */
export function readInputFile(file: string, kind: InputKind, options: ReadInputOptions = {}): string {
  return readInputBytes(file, kind, options).toString('utf8')
}

/** `readInputFile`'s bytes, undecoded. */
export function readInputBytes(file: string, kind: InputKind, options: ReadInputOptions = {}): Buffer {
  const shown = options.shown ?? file
  const limit = INPUT_LIMITS[kind]
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK | (options.privateOnly === true ? O_NOFOLLOW : 0))
  } catch (error) {
    throw failed(shown, error)
  }
  try {
    const stat = fs.fstatSync(fd)
    if (options.privateOnly === true && !isPrivateFile(stat)) throw new InputFileError(shown, null, 'not this user\'s own file, or others may write it')
    if (options.within) checkWithin(file, stat, options.within, shown)
    if (stat.isFIFO() && options.allowPipe === true) {
      // Read it blocking, as the user asked; the limit still bounds what is kept.
      fs.closeSync(fd)
      fd = -1
      try {
        fd = fs.openSync(file, 'r')
      } catch (error) {
        throw failed(shown, error)
      }
    } else if (!stat.isFile()) {
      throw new InputFileError(shown, null, `${fileType(stat)}, not a regular file; ${limit.what} must be one`)
    } else if (stat.size > limit.bytes) {
      throw new InputFileError(shown, null, `${formatSize(stat.size)} is over the ${formatSize(limit.bytes)} limit for ${limit.what}`)
    }
    const chunks: Buffer[] = []
    let total = 0
    // The size the file had when opened is read into one buffer of that size; anything after it (a file that
    // grows, a pipe) through a scratch buffer, copying only what came, one byte past the limit at most.
    const first = stat.isFile() ? Math.min(stat.size, limit.bytes) + 1 : 0
    for (;;) {
      const room = limit.bytes + 1 - total
      const buffer = total === 0 && first > 0 ? Buffer.allocUnsafe(first) : (scratch ??= Buffer.allocUnsafe(1024 * 1024))
      let n: number
      try {
        n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, room), null)
      } catch (error) {
        throw failed(shown, error)
      }
      if (n === 0) break
      chunks.push(buffer === scratch ? Buffer.from(buffer.subarray(0, n)) : buffer.subarray(0, n))
      total += n
      if (total > limit.bytes) {
        const growing = stat.isFile() ? ' (it grew while being read)' : ''
        throw new InputFileError(shown, null, `more than the ${formatSize(limit.bytes)} limit for ${limit.what}${growing}`)
      }
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  } finally {
    if (fd >= 0) fs.closeSync(fd)
  }
}

/**
 * Refuses the opened file unless its real path is inside the repository's real path. The real path is taken
 * after opening and must name the very file opened (same device and inode), so what is checked is what is read.
 */
function checkWithin(file: string, opened: fs.Stats, scope: RepositoryScope, shown: string): void {
  let real: string
  let named: fs.Stats
  try {
    real = fs.realpathSync(file)
    named = fs.statSync(real)
  } catch (error) {
    throw failed(shown, error)
  }
  if (named.dev !== opened.dev || named.ino !== opened.ino) throw new InputFileError(shown, null, 'it was replaced while being read')
  if (!isAtOrBelow(scope.realRoot, real)) throw new InputFileError(shown, null, OUTSIDE_REPOSITORY)
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of its path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'its path has too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'a socket or a device with nothing behind it, not a regular file',
  EISDIR: 'a directory, not a regular file',
  EIO: 'an input/output error occurred',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open'
}

function failed(shown: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code ?? null
  const reason = (code !== null ? REASONS[code] : undefined) ?? code ?? (error instanceof Error ? error.message : String(error))
  return new InputFileError(shown, code, reason)
}

function fileType(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isSocket()) return 'a socket'
  return 'a special file'
}

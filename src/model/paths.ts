import path from 'node:path'

/**
 * Paths from `cargo metadata`, rustc and the repository, handled by their own form rather than by the
 * platform this process runs on: metadata recorded on Windows (`C:\…`) is analysed on Linux, and the same
 * code runs on Windows runners. Relative results always use forward slashes.
 */

const DRIVE = /^[A-Za-z]:(?:[\\/]|$)/
const VERBATIM_DISK = /^\\\\\?\\([A-Za-z]:(?:\\|$))/
const VERBATIM_UNC = /^\\\\\?\\UNC\\/i

/**
 * Whether a path is written the Windows way: a drive letter (`C:\`, `c:/`), a UNC or verbatim prefix
 * (`\\server\share`, `\\?\C:\`), or a backslash in a path that is not POSIX-absolute. A POSIX path may
 * hold a backslash in a file name, so `/home/u/a\b` stays POSIX.
 */
export function isWindowsPath(p: string): boolean {
  if (DRIVE.test(p) || p.startsWith('\\\\')) return true
  return !p.startsWith('/') && p.includes('\\')
}

/** `path.win32` for a Windows-form path, `path.posix` otherwise. */
export function pathModuleFor(p: string): path.PlatformPath {
  return isWindowsPath(p) ? path.win32 : path.posix
}

/** Absolute in either form: `/x`, `C:\x`, `C:/x`, `\\server\share\x`, `\\?\C:\x`. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || DRIVE.test(p) || p.startsWith('\\\\')
}

/** Drops the verbatim prefix Windows APIs may add: `\\?\C:\x` → `C:\x`, `\\?\UNC\server\share` → `\\server\share`. */
export function stripVerbatim(p: string): string {
  if (VERBATIM_UNC.test(p)) return `\\\\${p.slice(8)}`
  return p.replace(VERBATIM_DISK, '$1')
}

/** A path with forward slashes: Windows-form paths get `/` for `\` (and lose a verbatim prefix); POSIX paths are unchanged. */
export function forwardSlashes(p: string): string {
  return isWindowsPath(p) ? stripVerbatim(p).replace(/\\/g, '/') : p
}

/** `base` joined with relative segments, in `base`'s form (`C:\ws` + `Cargo.toml` → `C:\ws\Cargo.toml`). */
export function joinPath(base: string, ...segments: string[]): string {
  return pathModuleFor(base).join(base, ...segments)
}

/** `p` taken from `base` when relative; an absolute `p` of either form is kept as it is. */
export function resolveFrom(base: string, p: string): string {
  return isAbsolutePath(p) ? p : pathModuleFor(base).resolve(base, p)
}

/**
 * `file` relative to the directory `root`, with forward slashes (`dy/Cargo.toml`), or null when `file`
 * is not inside `root`: above it, on another drive or share, or written in the other form. `''` for
 * `root` itself. Windows paths compare case-insensitively, and mixed separators are accepted.
 */
export function relativePosix(root: string, file: string): string | null {
  const rel = relation(root, file)
  if (rel === null || rel === '..' || rel.startsWith('../')) return null
  return rel
}

/** Whether `file` is `dir` itself or lies below it, by `relativePosix`'s rules. */
export function isAtOrBelow(dir: string, file: string): boolean {
  return relativePosix(dir, file) !== null
}

/** Whether `file` lies below `dir`, `dir` itself excluded. */
export function isBelow(dir: string, file: string): boolean {
  const rel = relativePosix(dir, file)
  return rel !== null && rel !== ''
}

/**
 * `file` relative to `root` with forward slashes, `../` allowed (a toolchain file above a workspace in a
 * subdirectory); when no relative path exists (another drive or share, or the other form), `file`
 * itself with forward slashes.
 */
export function relativeOrAbsolute(root: string, file: string): string {
  return relation(root, file) ?? forwardSlashes(file)
}

function relation(root: string, file: string): string | null {
  const a = stripVerbatim(root)
  const b = stripVerbatim(file)
  const windows = isWindowsPath(a)
  if (windows !== isWindowsPath(b) || isAbsolutePath(a) !== isAbsolutePath(b)) return null
  const module = windows ? path.win32 : path.posix
  const rel = module.relative(a, b)
  // path.win32.relative answers with `file` itself when the two have no common root.
  if (module.isAbsolute(rel)) return null
  return windows ? rel.replace(/\\/g, '/') : rel
}

/**
 * Path-neutral recordings of `cargo metadata`, placed at a checkout by the test that reads them.
 *
 * A recording names the repository root of the machine it was made on by one of two placeholders (as rules_rust's
 * fixtures name theirs `{TEMP_DIR}`), so that it carries no absolute path of any machine:
 *
 * - `{REPO}` begins every path cargo prints natively (`manifest_path`, `src_path`, a path dependency's `path`,
 *   `workspace_root`, `target_directory`, `build_directory`), the rest written with `/`: `{REPO}/rust/dy/Cargo.toml`;
 * - `{REPO_URL}` is the root as the path of a `file:` URL, in package ids: `path+file://{REPO_URL}/rust/dy#0.1.0`.
 *
 * `placeRecording` replaces them the way cargo spells paths on the system the checkout belongs to.
 */

/** Placeholder for the repository root at the start of a native path. */
export const REPO = '{REPO}'
/** Placeholder for the repository root as a `file:` URL path, after `path+file://`. */
export const REPO_URL = '{REPO_URL}'

const DRIVE = /^[A-Za-z]:[\\/]/

/** The root as the path part of cargo's `file:` URLs: `/C:/Users/x` on Windows, percent-encoded like the `url` crate does. */
function fileUrlPath(repository: string): string {
  const slashed = DRIVE.test(repository) ? `/${repository.replace(/\\/g, '/')}` : repository
  return slashed.replace(/[\u0000-\u001f\u007f "#<>?`{}%]|[^\u0000-\u007f]/gu, c => encodeURIComponent(c))
}

/**
 * The recording `template` (the text of a `metadata.json` with the placeholders above) moved to the checkout at
 * `repository`, as cargo prints that path there: a POSIX path (`/home/u/repo`) or a Windows path with a drive letter
 * (`C:\Users\u\repo`). On Windows, native paths get backslashes and package ids keep forward slashes with the drive
 * after the third slash (`path+file:///C:/Users/u/repo/rust/dy#0.1.0`), as cargo on Windows prints them.
 * Returns the document pretty-printed like the recording: `JSON.stringify(value, null, 2)` and a final newline.
 */
export function placeRecording(template: string, repository: string): string {
  const windows = DRIVE.test(repository)
  if (!windows && !repository.startsWith('/')) throw new Error(`placeRecording: ${repository} is neither an absolute POSIX path nor a Windows path with a drive letter`)
  const sep = windows ? '\\' : '/'
  const url = fileUrlPath(repository)
  const ids = `path+file://${REPO_URL}`
  const stray = (rest: string): string => {
    if (rest.includes(REPO) || rest.includes(REPO_URL)) throw new Error(`placeRecording: a placeholder not at the start of a path or package id: ${rest}`)
    return rest
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.startsWith(ids)) return `path+file://${url}${stray(v.slice(ids.length))}`
      if (v === REPO || v.startsWith(`${REPO}/`)) return repository + stray(v.slice(REPO.length)).split('/').join(sep)
      return stray(v)
    }
    if (Array.isArray(v)) return v.map(walk)
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [stray(k), walk(x)]))
    return v
  }
  return `${JSON.stringify(walk(JSON.parse(template)), null, 2)}\n`
}

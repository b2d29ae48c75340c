/**
 * What changed between the compilers the engine supports — rustc 1.63 to the current stable and nightly —
 * keyed on the probed `rustc -vV`. Each fact names the release where it changed and why.
 */
import { loaderFamily } from './platform.js'
import { type RustcVersion, stdOnDefaultLoaderPath, type TargetInfo } from './target-info.js'

export interface CompilerBehaviour {
  /**
   * Whether rustc can load a proc-macro that links the host's `libstd` dynamically (one that depends on a
   * Rust dylib). Loading it needs `libstd-<hash>.so`/`.dylib`. Up to 1.82 rustc itself linked that file from
   * `$sysroot/lib`, so it was already loaded; rust-lang/rust#122362 (1.82) linked `std` into the driver
   * statically and #131188 (1.83.0) stopped shipping `libstd` in `$sysroot/lib` except on Windows, so from
   * 1.83 loading fails with E0463 ("can't find crate"), unless the file is in a default loader directory (a
   * distribution's toolchain) or the host is Windows (`std-<hash>.dll` sits beside `rustc.exe`).
   */
  loadsProcMacrosWithDynamicStd: boolean
  /**
   * Whether rustc takes the `cdylib` file cargo writes beside a crate's rlib for the crate's dylib when it
   * finds the crate on the library search path (as another crate's dependency): up to 1.72, whose locator
   * read one candidate's metadata and took the other unread (`CrateLocator::extract_one`); rust-lang/rust#113695
   * (1.73.0) reads every candidate and rejects a file without Rust metadata.
   */
  readsCdylibAsDylib: boolean
}

/**
 * Whether a `rustc -vV` (or `cargo -V`) release — `1.63.0`, `1.97.0-nightly`, `1.95.0-beta.3` — is at least
 * `major.minor`; an unreadable release counts as current.
 */
export function releaseAtLeast(release: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)\./.exec(release)
  if (m === null) return true
  const [r, n] = [Number(m[1]), Number(m[2])]
  return r > major || (r === major && n >= minor)
}

export function compilerBehaviour(rustc: RustcVersion, host: TargetInfo): CompilerBehaviour {
  return {
    loadsProcMacrosWithDynamicStd: !releaseAtLeast(rustc.release, 1, 83) || loaderFamily(host) === 'windows' || stdOnDefaultLoaderPath(host),
    readsCdylibAsDylib: !releaseAtLeast(rustc.release, 1, 73)
  }
}

import type { Command } from './invocation.js'
import type { ProfileSettings } from './profile.js'
import type { RustcVersion, TargetInfo } from './target-info.js'

/** Host units (build scripts, proc-macros and their dependencies) versus units for the requested target. */
export type CompileKind = 'host' | 'target'

/**
 * `build`; `test` for a target compiled as a test harness (`rustc --test`); `doctest` for a library's doc
 * examples, which `rustdoc --test` compiles into executables and runs when `cargo test` runs.
 */
export type CompileMode = 'build' | 'test' | 'doctest'

/** Everything the engine needs besides the metadata: the toolchain and the effective configuration. */
export interface BuildContext {
  rustc: RustcVersion
  host: TargetInfo
  /** Facts for `--target`; equal to `host` when no `--target` was given. */
  target: TargetInfo
  /** Effective profile for the command (e.g. `dev`, `release`, `test`, `bench`). */
  profile: ProfileSettings
  /**
   * The profile of test harnesses: the same profile as `profile` (cargo uses one per command), kept apart so that a
   * fix can change the one the units of its command read.
   */
  testProfile: ProfileSettings
  /**
   * Where cargo writes intermediate artifacts, test harnesses among them, when configured apart from the target
   * directory (`build.build-dir`, absolute); null or absent: in the target directory.
   */
  buildDirectory?: string | null
  /**
   * The directories the environment puts on the host's library path (`LD_LIBRARY_PATH`,
   * `DYLD_FALLBACK_LIBRARY_PATH`, `PATH` on Windows), absolute: cargo keeps them behind its own when it runs
   * tests and doc tests (`Compilation::fill_env`). Absent: none.
   */
  inheritedLibraryPath?: readonly string[]
  /**
   * Cargo's `-Zpanic-abort-tests` (`[unstable] panic-abort-tests = true`, read by a nightly cargo only): test
   * harnesses and what they link take the profile's `panic` instead of unwinding (`UnitFor::new_test`), and
   * cargo passes rustc `-Z panic-abort-tests` for a harness that aborts. Absent: off.
   */
  panicAbortTests?: boolean
}

/** The profile the units of a command read: `cargo test` and `cargo bench` read `testProfile`. */
export function commandProfile(context: BuildContext, command: Command): ProfileSettings {
  return command === 'build' ? context.profile : context.testProfile
}

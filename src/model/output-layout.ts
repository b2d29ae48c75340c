/**
 * Where cargo writes a unit's files (cargo 0.96.0, the cargo of Rust 1.95): `Layout::new`
 * (src/cargo/core/compiler/layout.rs) puts a build in `<profile dir>/` of the target directory, or in
 * `<triple>/<profile dir>/` for the target units of a build with `--target`; `CompilationFiles::output_dir`
 * (src/cargo/core/compiler/build_runner/compilation_files.rs) puts examples, built or as test harnesses, in
 * its `examples/` and every other unit in its `deps/`; `uplift_to` copies bins, dylibs and cdylibs into the
 * profile directory itself. With `build.build-dir` configured (cargo 1.91 and later), all but the uplifted
 * copies go to the build directory instead.
 */
import { forwardSlashes, relativePosix } from './paths.js'
import type { Unit } from './unit-graph.js'

/** Where one invocation's units write their files. */
export interface OutputLayout {
  /** The target directory, absolute: final artifacts, and everything when no build directory is configured. */
  targetDirectory: string
  /** `build.build-dir`, absolute, when configured: intermediate artifacts, test harnesses among them. */
  buildDirectory: string | null
  /** The target directory as the report shows it: relative to the workspace root when inside it (`target`). */
  shownTargetDir: string
  /** The profile's directory name (`Profiles::get_dir_name`): `debug`, `release`, or a custom profile's name. */
  profileDir: string
  /** `--target` was given: target units then go to `<triple>/<profile dir>/`. */
  explicitTarget: boolean
}

/** `Profiles::get_dir_name` (src/cargo/core/profiles.rs): `dev` and `test` build in `debug`, `bench` in `release`. */
export function profileDirName(profileName: string): string {
  if (profileName === 'dev' || profileName === 'test') return 'debug'
  if (profileName === 'bench') return 'release'
  return profileName
}

export function outputLayout(
  dirs: { workspaceRoot: string; targetDirectory: string; buildDirectory: string | null },
  profileName: string,
  explicitTarget: boolean
): OutputLayout {
  return {
    targetDirectory: dirs.targetDirectory,
    buildDirectory: dirs.buildDirectory,
    shownTargetDir: relativePosix(dirs.workspaceRoot, dirs.targetDirectory) || forwardSlashes(dirs.targetDirectory),
    profileDir: profileDirName(profileName),
    explicitTarget
  }
}

/** The unit's profile directory, relative to the target directory: `debug`, `x86_64-unknown-linux-gnu/release`. */
export function unitProfileDir(unit: Unit, profileDir: string, explicitTarget: boolean): string {
  return explicitTarget && unit.kind === 'target' ? `${unit.targetInfo.triple}/${profileDir}` : profileDir
}

/**
 * Where cargo leaves an executable: bins are hard-linked ("uplifted") from `deps/` into the profile directory,
 * next to every `dylib` (cargo's `CompilationFiles::uplift_to`, under the name without a metadata hash);
 * examples are built in `examples/`, as bins and as test harnesses; other test harnesses stay in `deps/`,
 * where rustc wrote every dylib.
 */
export type ExecutablePlace = 'profile-dir' | 'examples' | 'deps'

export function executablePlace(unit: Unit): ExecutablePlace {
  if (unit.target.kind === 'example') return 'examples'
  return unit.mode === 'build' ? 'profile-dir' : 'deps'
}

/** The directory rustc writes the executable to (its `deps/` or `examples/`), absolute: where its rpath starts. */
export function rustcOutputRoot(layout: OutputLayout): string {
  return layout.buildDirectory ?? layout.targetDirectory
}

/**
 * Where an executable starts from in place, as the report shows it: `` `target/debug/examples/` ``. A test
 * harness stays in the build directory, named only when one is configured: its layout there depends on the
 * release.
 */
export function executableLocation(layout: OutputLayout, unit: Unit): string {
  const place = executablePlace(unit)
  if (unit.mode !== 'build' && layout.buildDirectory !== null) return `the build directory (\`build.build-dir\`)`
  const dir = `${layout.shownTargetDir}/${unitProfileDir(unit, layout.profileDir, layout.explicitTarget)}`
  return `\`${place === 'profile-dir' ? dir : `${dir}/${place}`}/\``
}

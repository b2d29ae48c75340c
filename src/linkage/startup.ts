/**
 * Which Rust shared libraries an executable misses when it is started outside cargo: from where cargo put
 * it, and copied alone into another directory of the same machine. Under `cargo run` and `cargo test` the
 * library path cargo sets covers the build's own directories and the toolchain's target libdir
 * (`Compilation::fill_env`), so only the Windows unwinder DLL can be missing there (`underCargo`). Sources
 * in docs/platforms.md.
 */
import path from 'node:path'
import type { StartupMissing } from '../findings/finding.js'
import { type ExecutablePlace, executablePlace } from '../model/output-layout.js'
import { dynamicUnwinderDll, loaderFamily } from '../model/platform.js'
import { stdOnDefaultLoaderPath } from '../model/target-info.js'
import type { Unit } from '../model/unit-graph.js'

/** A dylib of a registry or git package: its file carries cargo's metadata hash, and the uplifted copy does not. */
function hashed(file: string): boolean {
  return file.includes('-<hash>')
}

/** Whether a library file is in the executable's directory when it is started in place. */
function besideInPlace(place: ExecutablePlace, file: string): boolean {
  return place === 'deps' || (place === 'profile-dir' && !hashed(file))
}

/**
 * Whether the `$ORIGIN`/`@loader_path` rpath rustc computes from `deps/` to the toolchain's library directory
 * (rustc's `rpath::get_rpath_relative_to_output`) climbs to the root: it does when the two paths share nothing
 * but the root. Extra `..` are then absorbed at `/`, so the path still reaches the toolchain from the profile
 * directory one level up, and from a copy in any directory no deeper than `deps/`; otherwise it misses by as
 * many levels as the executable moved.
 */
function rpathClimbsToRoot(targetDir: string, libDir: string): boolean {
  const a = path.resolve(targetDir).split(path.sep).filter(Boolean)
  const b = path.resolve(libDir).split(path.sep).filter(Boolean)
  return a.length === 0 || b.length === 0 || a[0] !== b[0]
}

/**
 * The startup of an executable unit that links `libraries` (file names, `std`'s among them) dynamically, or
 * null when the target's loader is not modelled or nothing is missing anywhere.
 */
export function startupOf(unit: Unit, libraries: readonly string[], targetDir: string): StartupMissing | null {
  const info = unit.targetInfo
  const family = loaderFamily(info)
  if (family === 'unmodelled' || family === 'wasm' || libraries.length === 0) return null
  const std = info.stdDylib
  const place = executablePlace(unit)
  const own = libraries.filter(l => l !== std)
  const toolchain = libraries.filter(l => l === std)
  let inPlace: string[]
  let copiedAlone: string[]
  let underCargo: string[] = []
  if (family === 'windows') {
    // The loader searches the executable's directory, then PATH; Windows has no rpath (`has_rpath` is false).
    const unwinder = dynamicUnwinderDll(info)
    if (unwinder !== null) {
      toolchain.push(unwinder)
      underCargo = [unwinder]
    }
    inPlace = [...toolchain, ...own.filter(l => !besideInPlace(place, l))]
    copiedAlone = [...toolchain, ...own]
  } else {
    const stdFound = family === 'elf' && stdOnDefaultLoaderPath(info)
    const needed = stdFound ? own : libraries
    copiedAlone = [...needed]
    if (!unit.rpath) {
      // macOS: a workspace dylib's install name is the absolute path rustc wrote it to, so dyld finds it while the
      // target directory exists; std's is `@rpath/libstd-<hash>.dylib` (`GccLinker::build_dylib`, bootstrap's
      // `-Zosx-rpath-install-name`).
      inPlace = family === 'darwin' ? needed.filter(l => l === std) : [...needed]
      if (family === 'darwin') copiedAlone = [...inPlace]
    } else {
      // rpaths point from rustc's output directory: `deps/` for bins and tests, `examples/` for examples.
      const climbs = rpathClimbsToRoot(targetDir, info.stdDylibDir ?? info.targetLibdir)
      inPlace = needed.filter(l => (l === std ? place === 'profile-dir' && !climbs : !besideInPlace(place, l) && place !== 'examples'))
      copiedAlone = needed.filter(l => !(l === std && climbs))
    }
  }
  const sorted = (list: string[]): string[] => [...new Set(list)].sort()
  if (inPlace.length === 0 && copiedAlone.length === 0) return null
  return { inPlace: sorted(inPlace), copiedAlone: sorted(copiedAlone), underCargo: sorted(underCargo) }
}

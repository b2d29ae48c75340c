/**
 * `doctest-runtime`: the doc examples `cargo test` runs cannot start. Cargo runs `rustdoc --test` with a
 * library path of its own (`Compilation::fill_env` for `ToolKind::Rustdoc`, cargo 0.96.0
 * src/cargo/core/compiler/compilation.rs): the host's `target/<profile>/deps` and build scripts' native
 * directories, and not the toolchain's library directory that `cargo run` and test harnesses get. An
 * example that links `libstd-<hash>.so` (through a Rust dylib built with `-C prefer-dynamic`) fails with exit
 * status 127; with `--target`, the workspace's own dylibs are in `target/<triple>/<profile>/deps` and are not
 * found either. So does every example once `-C prefer-dynamic` is in RUSTDOCFLAGS (or `build.rustdocflags`).
 */
import path from 'node:path'
import type { Locator } from '../findings/finding.js'
import { crateName, dylibFileName, type LinkageResult, type UnitResult } from '../linkage/resolve.js'
import type { Metadata } from '../model/metadata.js'
import { stdOnDefaultLoaderPath, type TargetInfo } from '../model/target-info.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { base, describeUnit, type Draft } from './context.js'
import { featureSteps, locateByFeature } from './feature-steps.js'
import { dynamicDylibs } from './linkage.js'

/** One finding per library whose running doc examples need a Rust shared library cargo does not provide. */
export function doctestFindings(linkage: LinkageResult, locator: Locator, metadata: Metadata, crossTarget: boolean, inheritedLibraryPath: readonly string[]): Draft[] {
  const out: Draft[] = []
  for (const result of linkage.results) {
    if (result.unit.docTests?.examples !== 'run' || result.status !== 'ok') continue
    const finding = doctestRuntimeFinding(result, linkage, locator, metadata, crossTarget, inheritedLibraryPath)
    if (finding) out.push(finding)
  }
  return out
}

function doctestRuntimeFinding(
  result: UnitResult,
  linkage: LinkageResult,
  locator: Locator,
  metadata: Metadata,
  crossTarget: boolean,
  inheritedLibraryPath: readonly string[]
): Draft | null {
  const unit = result.unit
  const std = unit.targetInfo.stdDylib
  const { dylibs, libraries } = runningLibraries(result, linkage)
  const stdMissing = std !== null && libraries.includes(std) && !stdOnDefaultLoaderPath(unit.targetInfo) && !stdOnLibraryPath(unit.targetInfo, inheritedLibraryPath)
  const missing = libraries.filter(l => (l === std ? stdMissing : crossTarget))
  if (missing.length === 0) return null
  // The dylib that makes std dynamic, or the first one not found: the nearest dylib the examples link.
  const dylib = dylibs[0] ?? null
  const chain = dylib ? linkChain(unit, dylib) : []
  const steps = featureSteps(chain, metadata, locator)
  const byFlags = unit.preferDynamic === 'rustdocflags'
  const own = dylib ? locator.dependencyNamed(chain[chain.length - 2]?.pkg ?? unit.pkg, crateName(dylib)) : byFlags ? locator.setting('rustflags', unit) : locator.crateType(unit)
  const through = dylib ? ` (through dylib \`${crateName(dylib)}\`)` : byFlags ? ` (rustdoc gets \`-C prefer-dynamic\`${rustdocflagsOrigin(unit.targetInfo)})` : ''
  const libdir = unit.targetInfo.targetLibdir
  return {
    ...base(unit, 'doctest-runtime', 'bin'),
    crates: missing,
    message:
      `${describeUnit(unit)} fail when \`cargo test\` runs them: the examples that run link ${missing.map(l => `\`${l}\``).join(', ')}${through}, and cargo runs doc tests with only ` +
      `${crossTarget ? 'the host\'s `target/<profile>/deps`' : '`target/<profile>/deps`'} on the library path, not the toolchain's library directory — they fail with exit status 127 ("error while loading shared libraries").`,
    fixes: [
      byFlags && dylib === null
        ? 'Link doc tests statically: drop `-C prefer-dynamic` from the rustdocflags (`RUSTDOCFLAGS`, `build.rustdocflags`); cargo never passes RUSTFLAGS to rustdoc.'
        : 'Link statically when testing: do not enable the feature or flag that brings the Rust dylib in for `cargo test` (Bevy-style `dynamic_linking` only for `cargo run`), or add `"rlib"` to the dylib\'s `crate-type`.',
      `Or put the toolchain's libraries on the path for \`cargo test\`: \`LD_LIBRARY_PATH="${libdir}" cargo test\` (\`DYLD_FALLBACK_LIBRARY_PATH\` on macOS, \`PATH\` on Windows); cargo adds its own directories in front.`,
      Number.parseInt(unit.pkg.edition, 10) >= 2024
        ? 'Or mark the examples that use it `no_run,standalone_crate`: from edition 2024 rustdoc runs the program it merges examples into even when they are all `no_run`, so each must be a program of its own to be compiled and not run.'
        : 'Or mark the examples `no_run`: rustdoc still compiles them but does not run them.'
    ],
    ...(chain.length > 1 ? { inclusion: [{ chain: chain.slice(0, -1).map(crateName), crate: crateName(dylib!), how: 'dynamic' as const, file: dylibFileName(dylib!), ...(steps.length > 0 ? { features: steps } : {}) }] } : {}),
    ...locateByFeature(steps, own, null)
  }
}

/**
 * The Rust dylibs the programs rustdoc runs link dynamically, nearest first, and the shared libraries they
 * need. The unit links what every compiled example loads; a `no_run` example that alone names a crate puts
 * it in no program that runs. Doc tests get `-C prefer-dynamic` only from the rustdocflags (rustdoc never gets
 * RUSTFLAGS): without it `std` is dynamic only through a dylib.
 */
function runningLibraries(result: UnitResult, linkage: LinkageResult): { dylibs: Unit[]; libraries: string[] } {
  const all = dynamicDylibs(result, linkage)
  const std = result.unit.targetInfo.stdDylib
  const names = result.unit.docTests?.runNames ?? null
  if (names === null) return { dylibs: all, libraries: result.runtimeLibraries }
  const reached = new Set<Unit>()
  const queue = result.unit.crates.filter(c => names.includes(c.externName)).map(c => c.unit)
  for (const u of queue) {
    if (reached.has(u)) continue
    reached.add(u)
    if (u.target.kind !== 'proc-macro') queue.push(...u.crates.map(c => c.unit))
  }
  const dylibs = all.filter(u => reached.has(u))
  // With `-C prefer-dynamic` every example links std dynamically, through a dylib or not.
  const ownStd = result.unit.preferDynamic === 'rustdocflags' && std !== null && result.runtimeLibraries.includes(std)
  if (dylibs.length === 0) return { dylibs, libraries: ownStd ? [std] : [] }
  const needed = new Set(dylibs.flatMap(u => [dylibFileName(u), ...(linkage.byUnit.get(u)?.runtimeLibraries ?? [])]))
  return { dylibs, libraries: result.runtimeLibraries.filter(l => l === std || needed.has(l)) }
}

/** The variable rustdoc's flags came from, for the message; a config file's line is the finding's location. */
function rustdocflagsOrigin(info: TargetInfo): string {
  const source = info.rustdocflagsSource
  return source !== null && 'env' in source ? ` from \`${source.env}\`` : ''
}

/** Whether the library path the environment sets (absolute; cargo keeps it behind its own) holds the directory of `std`'s dylib. */
function stdOnLibraryPath(info: TargetInfo, inheritedLibraryPath: readonly string[]): boolean {
  return inheritedLibraryPath.includes(path.resolve(info.stdDylibDir ?? info.targetLibdir))
}

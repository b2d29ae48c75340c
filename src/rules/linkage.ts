/**
 * The findings of each unit's linkage: what rustc or cargo would refuse (one builder per problem shape; the
 * dependency-format errors in rules/dependency-format.ts) and `runtime-dylib`.
 */
import type { InclusionPath, Locator, Severity, StartupMissing } from '../findings/finding.js'
import type { DependencyFormatError } from '../linkage/dependency-format.js'
import { crateName, dylibFileName, dynamicCrates, type LinkageResult, linksAs, unitKey, type UnitProblem, type UnitResult } from '../linkage/resolve.js'
import type { Metadata } from '../model/metadata.js'
import { executableLocation, type OutputLayout, rustcOutputRoot } from '../model/output-layout.js'
import { type LoaderFamily, libraryPathVariable, loaderFamily } from '../model/platform.js'
import { codegenOptions } from '../model/rustc-flags.js'
import { startupOf } from '../linkage/startup.js'
import { isProcMacro } from '../model/target-roles.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { base, describeUnit, type Draft } from './context.js'
import { formatFindings } from './dependency-format.js'
import { featureSteps, locateByFeature } from './feature-steps.js'

/**
 * The findings rustc and cargo would produce for each unit's linkage, and `runtime-dylib`.
 * @param harnessRunner the command that runs test harnesses, as `harnessRunner` names it.
 * @param layout where the invocation's executables are, for `runtime-dylib`'s message.
 */
export function linkageFindings(linkage: LinkageResult, locator: Locator, metadata: Metadata, harnessRunner: string, layout: OutputLayout): Draft[] {
  const findings: Draft[] = []
  for (const result of linkage.results) {
    if (result.status === 'blocked') continue
    if (result.status === 'error') findings.push(...problemFindings(result, linkage, locator, metadata))
    if (result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0) {
      findings.push(unsupportedFinding(result, 'warning', locator))
    }
    if (result.status === 'ok') {
      const runtime = runtimeFinding(result, linkage, locator, metadata, harnessRunner, layout)
      if (runtime) findings.push(runtime)
    }
  }
  return findings
}

/** The findings of a unit rustc or cargo would refuse: one per problem, the dependency-format errors per artifact. */
function problemFindings(result: UnitResult, linkage: LinkageResult, locator: Locator, metadata: Metadata): Draft[] {
  const out: Draft[] = []
  const formatErrors = new Map<string, DependencyFormatError[]>()
  for (const p of result.problems) {
    if (p.kind !== 'dependency-format') out.push(problemFinding(result, p, locator))
    else if (formatErrors.has(p.crateType)) formatErrors.get(p.crateType)!.push(p.error)
    else formatErrors.set(p.crateType, [p.error])
  }
  for (const [crateType, errors] of formatErrors) out.push(...formatFindings(result, crateType, errors, linkage, locator, metadata))
  return out
}

type Problem<K extends UnitProblem['kind']> = Extract<UnitProblem, { kind: K }>

function problemFinding(result: UnitResult, p: Exclude<UnitProblem, Problem<'dependency-format'>>, locator: Locator): Draft {
  switch (p.kind) {
    case 'embed-bitcode-lto':
      return embedBitcodeFinding(result.unit, locator)
    case 'panic-abort-test':
      return panicAbortTestFinding(result.unit, locator)
    case 'unsupported-crate-types':
      return unsupportedFinding(result, 'error', locator)
    case 'unlinkable-dependency':
      return unlinkableFinding(result.unit, p, locator)
    case 'proc-macro-unloadable':
      return procMacroFinding(result.unit, p, locator)
    case 'lto':
      return ltoFinding(result.unit, p, locator)
  }
}

/**
 * `lto-conflict`: `-C lto` and `-C embed-bitcode=no` on one unit. Cargo never passes both itself: one of them,
 * or both, comes from the rustflags (`-C lto` where cargo leaves out the bitcode, or `-C embed-bitcode=no`
 * where the profile's `lto` makes cargo pass `-C lto`).
 */
function embedBitcodeFinding(unit: Unit, locator: Locator): Draft {
  const ltoFlag = codegenOptions(unit.rustflags, 'lto').length > 0
  const embedFlag = codegenOptions(unit.rustflags, 'embed-bitcode').length > 0
  const why =
    ltoFlag && embedFlag
      ? 'rustflags ask for both `-C lto` and `-C embed-bitcode=no`'
      : ltoFlag
        ? 'rustflags ask for `-C lto` but cargo compiles this unit with `-C embed-bitcode=no`'
        : "the profile's `lto` setting makes cargo pass `-C lto`, but rustflags ask for `-C embed-bitcode=no`"
  const fix = ltoFlag
    ? 'Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'
    : 'Remove `-C embed-bitcode=no` from the rustflags: cargo already leaves the bitcode out where LTO does not use it.'
  return {
    ...base(unit, 'lto-conflict'),
    crates: [crateName(unit)],
    message: `${describeUnit(unit)} fails: ${why} ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
    fixes: [fix],
    ...locator.setting('rustflags', unit)
  }
}

/** `panic-strategy`: a test harness that rustflags build with `-C panic=abort`. */
function panicAbortTestFinding(unit: Unit, locator: Locator): Draft {
  return {
    ...base(unit, 'panic-strategy'),
    crates: [crateName(unit)],
    message: `${describeUnit(unit)} fails: rustflags ask for \`-C panic=abort\`, and rustc does not build a test harness with it ("building tests with panic=abort is not supported without \`-Zpanic_abort_tests\`").`,
    fixes: [
      'Drop `-C panic=abort` from rustflags when running tests, and set `panic = "abort"` in the profile instead: cargo builds test harnesses with unwind whatever the profile says.',
      'Or, on a nightly compiler, add `-Zpanic-abort-tests`.'
    ],
    ...locator.setting('rustflags', unit)
  }
}

/** `no-linkable-lib`: a dependency (or the package's own library) that is only a cdylib or staticlib. */
function unlinkableFinding(unit: Unit, p: Problem<'unlinkable-dependency'>, locator: Locator): Draft {
  return {
    ...base(unit, 'no-linkable-lib'),
    crates: [p.dep.pkg.name],
    message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map(t => `\`${t}\``).join(' and ')}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
    fixes: [`Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`],
    ...(p.dep.edge === 'own-lib'
      ? locator.crateType(unit)
      : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null))
  }
}

/** `proc-macro-dylib`: a proc-macro that links Rust dylibs rustc cannot find when it loads the macro. */
function procMacroFinding(unit: Unit, p: Problem<'proc-macro-unloadable'>, locator: Locator): Draft {
  const pm = p.procMacro
  return {
    ...base(unit, 'proc-macro-dylib'),
    crates: [crateName(pm), ...p.libraries],
    message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map(l => `\`${l}\``).join(', ')} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${crateName(pm)}\`).`,
    fixes: [`Or move the code the proc-macro needs into a plain library crate.`],
    ...locator.dependency(unit, pm, 'normal', null)
  }
}

/** `unsupported-crate-type`: crate types the target cannot produce; an error when none is left. */
function unsupportedFinding(result: UnitResult, severity: Severity, locator: Locator): Draft {
  const unit = result.unit
  const dropped = result.droppedCrateTypes
  const triple = unit.targetInfo.triple
  const types = dropped.map(t => `\`${t}\``).join(', ')
  const crtStatic = unit.rustflags.some(f => f.includes('crt-static'))
  const message =
    severity === 'error'
      ? `${describeUnit(unit)} cannot be built: target \`${triple}\` does not support any of its crate types (${types}) with the flags in effect; cargo stops with "cannot produce ${dropped.join(', ')} for \`${unit.pkg.name}\`".`
      : `${describeUnit(unit)}: target \`${triple}\` cannot produce ${types}; rustc drops ${dropped.length === 1 ? 'it' : 'them'} with a warning and builds only ${unit.crateTypes.map(t => `\`${t}\``).join(', ')}.`
  const fixes = crtStatic
    ? ['`-C target-feature=+crt-static` forbids dynamic crate types: pass it only with `--target <triple>` (so build scripts and proc-macros are built without it), or drop it.']
    : [`Remove ${types} from \`crate-type\` for this target, or build for a target that supports ${dropped.length === 1 ? 'it' : 'them'}.`]
  return {
    ...base(unit, 'unsupported-crate-type', dropped[0]),
    severity,
    crates: [crateName(unit)],
    message,
    fixes,
    ...(crtStatic ? locator.setting('rustflags', unit) : locator.crateType(unit))
  }
}

/** `lto-conflict`: LTO where rustc's LTO checks refuse it. */
function ltoFinding(unit: Unit, p: Problem<'lto'>, locator: Locator): Draft {
  const texts: Record<typeof p.gate, string> = {
    'prefer-dynamic': 'cannot prefer dynamic linking when performing LTO',
    dylib: 'lto cannot be used for `dylib` crate type without `-Zdylib-lto`',
    'proc-macro': 'lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`',
    mixed: 'lto can only be run for executables, cdylibs and static library outputs',
    'linker-plugin-windows': 'linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting Windows-like targets'
  }
  const fromRustflags = unit.lto.kind !== 'run'
  const fixes =
    p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows'
      ? ['Use LTO only in profiles that link statically, with no `-C prefer-dynamic`.']
      : ['Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it.']
  return {
    ...base(unit, 'lto-conflict', p.crateType === 'rlib' || p.crateType === null ? undefined : p.crateType),
    crates: [crateName(unit)],
    message:
      p.gate === 'linker-plugin-windows'
        ? `${describeUnit(unit)} fails before compiling: cargo passes it \`-C linker-plugin-lto\` because it only feeds artifacts built with LTO, and with \`-C prefer-dynamic\` rustc refuses that on \`${unit.targetInfo.triple}\` ("${texts[p.gate]}").`
        : `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
    fixes,
    ...locator.setting(fromRustflags || p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows' ? 'rustflags' : 'lto', unit)
  }
}

const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench'])

/**
 * `runtime-dylib`: an executable that misses Rust shared libraries (or the Windows unwinder DLL) when started
 * outside cargo. A warning when it does not start where cargo put it; a note when it only fails copied alone
 * (an rpath, or a DLL cargo put next to it).
 */
function runtimeFinding(result: UnitResult, linkage: LinkageResult, locator: Locator, metadata: Metadata, harnessRunner: string, layout: OutputLayout): Draft | null {
  const unit = result.unit
  const executable = unit.mode === 'test' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'))
  if (!executable || result.runtimeLibraries.length === 0) return null
  const family = loaderFamily(unit.targetInfo)
  const startup: StartupMissing | null =
    family === 'unmodelled' ? genericStartup(unit, result.runtimeLibraries) : startupOf(unit, result.runtimeLibraries, rustcOutputRoot(layout))
  if (startup === null) return null
  // Point at the first workspace dylib this executable depends on directly, else at what made std dynamic;
  // at the feature that turned on a dylib, when one did.
  const dynamic = (dep: Unit): boolean => linksAs(result, unitKey(dep), 'dynamic')
  const direct = unit.crates.find(d => d.unit.crateTypes.includes('dylib') && dynamic(d.unit))
  const inclusion = dynamicDylibs(result, linkage).map(dylib => {
    const chain = linkChain(unit, dylib)
    const steps = featureSteps(chain, metadata, locator)
    const path: InclusionPath = { chain: chain.slice(0, -1).map(crateName), crate: crateName(dylib), how: 'dynamic', file: dylibFileName(dylib) }
    if (steps.length > 0) path.features = steps
    return path
  })
  // Else the dependency that leads to the nearest dylib (`engine`, which turns on `engine_dylib`); else what made
  // std dynamic.
  const nearest = dynamicDylibs(result, linkage)[0]
  const firstHop = nearest === undefined ? undefined : linkChain(unit, nearest)[1]
  const via = direct ?? unit.crates.find(d => d.unit === firstHop)
  const own = via ? locator.dependency(unit, via.unit, via.edge, via.platform) : locator.setting('rustflags', unit)
  const location = locateByFeature(
    inclusion.flatMap(p => p.features ?? []),
    own,
    via ? `dependency \`${via.externName}\`` : null
  )
  // A proc-macro's test harness links `libstd` dynamically like the proc-macro, but nobody ships it and only
  // `cargo test` (or `cargo bench`) runs it, with the library path set: worth knowing, not a warning.
  const quiet = (unit.mode === 'test' && isProcMacro(unit.target)) || startup.inPlace.length === 0
  return {
    ...base(unit, 'runtime-dylib', 'bin'),
    ...(quiet ? { severity: 'note' as const } : {}),
    crates: missingAnywhere(startup),
    message: startupMessage(unit, family, startup, result.runtimeLibraries, harnessRunner, layout),
    fixes: startupFixes(unit, family, startup),
    startup,
    ...(inclusion.length > 0 ? { inclusion } : {}),
    ...location
  }
}

/** A target whose loader is not modelled: every library counts as missing outside cargo, unless an rpath is set. */
function genericStartup(unit: Unit, libraries: readonly string[]): StartupMissing | null {
  if (unit.rpath) return null
  return { inPlace: [...libraries], copiedAlone: [...libraries], underCargo: [] }
}

/** What the executable misses in place or copied alone: the finding's crates. */
function missingAnywhere(startup: StartupMissing): string[] {
  return [...new Set([...startup.inPlace, ...startup.copiedAlone])].sort()
}

function listed(files: readonly string[]): string {
  return files.map(f => `\`${f}\``).join(', ')
}

function startupMessage(unit: Unit, family: LoaderFamily, startup: StartupMissing, libraries: readonly string[], harnessRunner: string, layout: OutputLayout): string {
  const runner = unit.mode === 'test' ? harnessRunner : unit.target.kind === 'example' ? '`cargo run --example`' : '`cargo run`'
  const where = executableLocation(layout, unit)
  const failure =
    family === 'windows' ? 'STATUS_DLL_NOT_FOUND (0xc0000135)' : family === 'darwin' ? '"dyld: Library not loaded"' : '"error while loading shared libraries"'
  const all = missingAnywhere(startup)
  const noRpath = family !== 'windows' && !unit.rpath
  const underCargo =
    startup.underCargo.length > 0
      ? `it starts under ${runner} only if ${listed(startup.underCargo)} is on \`PATH\` (it comes with the MinGW-w64 toolchain; rustup 1.28.2 and later add their toolchain's \`bin\` for cargo)`
      : `it starts under ${runner}, which sets \`${libraryPathVariable(family)}\``
  const extra = startup.copiedAlone.filter(l => !startup.inPlace.includes(l))
  let direct: string
  if (startup.inPlace.length === 0) {
    direct = `and from ${where}${unit.rpath && family !== 'windows' ? ' through its rpath' : ''}, but copied elsewhere it fails with ${failure}, missing ${listed(startup.copiedAlone)}`
  } else if (extra.length === 0 && startup.inPlace.length === all.length) {
    direct = `but run directly, from ${where} or copied elsewhere, it fails with ${failure}`
  } else {
    direct = `but run from ${where} it fails with ${failure}, missing ${listed(startup.inPlace)}${extra.length > 0 ? `, and copied elsewhere it also misses ${listed(extra)}` : ''}`
  }
  const rpathOff = codegenOptions(unit.rustflags, 'rpath').length > 0 ? '`-C rpath=no` in its rustflags' : '`rpath = false`'
  const parts = [`${describeUnit(unit)} needs ${listed(all)} at run time${noRpath ? ` and has no rpath (${rpathOff})` : ''}: ${underCargo}, ${direct}.`]
  if (family === 'windows') parts.push('Windows has no rpath: DLLs are found next to the executable or on `PATH`.')
  const found = libraries.filter(l => !all.includes(l) && l !== unit.targetInfo.stdDylib)
  if (family === 'darwin' && !unit.rpath && found.length > 0) {
    parts.push(`${listed(found)} ${found.length === 1 ? 'is' : 'are'} found through the absolute path rustc gave ${found.length === 1 ? 'it' : 'them'}: only on this machine, while \`${layout.shownTargetDir}/\` exists.`)
  }
  if (all.some(l => l.includes('-<hash>') && !/^(lib)?std-/.test(l))) parts.push("`<hash>` stands for cargo's metadata hash of the package, known once it is built.")
  return parts.join(' ')
}

function startupFixes(unit: Unit, family: LoaderFamily, startup: StartupMissing): string[] {
  const info = unit.targetInfo
  const missing = missingAnywhere(startup)
  const std = info.stdDylib
  const stays = 'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.'
  if (family === 'windows') {
    const unwinder = startup.underCargo[0]
    const sources = [
      ...(std !== null && missing.includes(std) ? [`\`${std}\` is in \`${info.targetLibdir}\``] : []),
      ...(unwinder !== undefined ? [`\`${unwinder}\` comes from the MinGW-w64 toolchain that linked it (with \`libwinpthread-1.dll\` for its POSIX-threads build)`] : [])
    ]
    return [
      stays,
      `Or ship ${listed(missing)} in the executable's directory${sources.length > 0 ? ` (${sources.join('; ')})` : ''}.`,
      'Or put the directories that hold them on `PATH` when starting it.'
    ]
  }
  return [
    stays,
    unit.rpath
      ? `Or ship ${listed(missing)} beside the executable with an rpath that names that directory (\`-C link-arg=-Wl,-rpath,${family === 'darwin' ? '@loader_path' : '$ORIGIN'}\`)${std !== null && missing.includes(std) ? `; \`${std}\` is in \`${info.targetLibdir}\`` : ''}.`
      : `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${listed(missing)} beside it${std !== null && missing.includes(std) ? ` (\`${std}\` is in \`${info.targetLibdir}\`)` : ''}.`,
    `Or set the library path (\`${libraryPathVariable(family)}\`) when starting it.`
  ]
}

/** The Rust dylibs an artifact of the unit links dynamically, nearest first. */
export function dynamicDylibs(result: UnitResult, linkage: LinkageResult): Unit[] {
  const units = dynamicCrates(result).map(k => linkage.crateNames.get(k)?.unit).filter((u): u is Unit => u != null)
  return units
    .map(u => ({ u, depth: linkChain(result.unit, u).length }))
    .filter(e => e.depth > 0)
    .sort((a, b) => a.depth - b.depth || a.u.index - b.u.index)
    .map(e => e.u)
}

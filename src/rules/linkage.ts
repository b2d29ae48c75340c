/**
 * The findings of each unit's linkage: what rustc or cargo would refuse (one builder per problem shape; the
 * dependency-format errors in rules/dependency-format.ts) and `runtime-dylib`.
 */
import type { InclusionPath, Locator, Severity } from '../findings/finding.js'
import type { DependencyFormatError } from '../linkage/dependency-format.js'
import { crateName, dylibFileName, type LinkageResult, unitKey, type UnitProblem, type UnitResult } from '../linkage/resolve.js'
import type { Metadata } from '../model/metadata.js'
import { stdOnDefaultLoaderPath } from '../model/target-info.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { base, describeUnit, type Draft } from './context.js'
import { formatFindings } from './dependency-format.js'
import { featureSteps, locateByFeature } from './feature-steps.js'

/** The findings rustc and cargo would produce for each unit's linkage, and `runtime-dylib`. */
export function linkageFindings(linkage: LinkageResult, locator: Locator, metadata: Metadata): Draft[] {
  const findings: Draft[] = []
  for (const result of linkage.results) {
    if (result.status === 'blocked') continue
    if (result.status === 'error') findings.push(...problemFindings(result, linkage, locator, metadata))
    if (result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0) {
      findings.push(unsupportedFinding(result, 'warning', locator))
    }
    if (result.status === 'ok') {
      const runtime = runtimeFinding(result, linkage, locator, metadata)
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
    if (p.kind === 'dependency-format') formatErrors.set(p.crateType, [...(formatErrors.get(p.crateType) ?? []), p.error])
    else out.push(problemFinding(result, p, locator))
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

/** `lto-conflict`: `-C lto` from rustflags on a unit cargo compiles with `-C embed-bitcode=no`. */
function embedBitcodeFinding(unit: Unit, locator: Locator): Draft {
  return {
    ...base(unit, 'lto-conflict'),
    crates: [crateName(unit)],
    message: `${describeUnit(unit)} fails: rustflags ask for \`-C lto\` but cargo compiles this unit with \`-C embed-bitcode=no\` ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
    fixes: ['Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'],
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
    mixed: 'lto can only be run for executables, cdylibs and static library outputs'
  }
  const fromRustflags = unit.lto.kind !== 'run'
  const fixes =
    p.gate === 'prefer-dynamic'
      ? ['Use LTO only in profiles that link statically, with no `-C prefer-dynamic`.']
      : ['Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it.']
  return {
    ...base(unit, 'lto-conflict', p.crateType === 'rlib' || p.crateType === null ? undefined : p.crateType),
    crates: [crateName(unit)],
    message: `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
    fixes,
    ...locator.setting(fromRustflags || p.gate === 'prefer-dynamic' ? 'rustflags' : 'lto', unit)
  }
}

const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench'])

/** `runtime-dylib`: an executable that needs Rust shared libraries at run time and has no rpath. */
function runtimeFinding(result: UnitResult, linkage: LinkageResult, locator: Locator, metadata: Metadata): Draft | null {
  const unit = result.unit
  if (result.runtimeLibraries.length === 0 || unit.rpath) return null
  const executable = unit.mode === 'test' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'))
  if (!executable) return null
  // A distribution's `libstd` in a default loader directory is found wherever the executable runs.
  const stdFound = stdOnDefaultLoaderPath(unit.targetInfo)
  const libs = result.runtimeLibraries.filter(l => !(stdFound && l === unit.targetInfo.stdDylib))
  if (libs.length === 0) return null
  // Registry dylibs are named with cargo's metadata hash, which only the build computes.
  const hashed = libs.some(l => l.includes('-<hash>') && !l.startsWith('libstd-') && !l.startsWith('std-'))
  const runner = unit.mode === 'test' ? '`cargo test`' : unit.target.kind === 'example' ? '`cargo run --example`' : '`cargo run`'
  // Point at the first workspace dylib this executable depends on directly, else at what made std dynamic;
  // at the feature that turned on a dylib, when one did.
  const dynamic = (dep: Unit): boolean => result.artifacts.some(a => a.formats?.linkage.get(unitKey(dep)) === 'dynamic')
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
  return {
    ...base(unit, 'runtime-dylib', 'bin'),
    // A proc-macro's test harness links `libstd` dynamically like the proc-macro, but nobody ships it and
    // only `cargo test` runs it, with the library path set: worth knowing, not a warning.
    ...(unit.mode === 'test' && unit.target.kind === 'proc-macro' ? { severity: 'note' as const } : {}),
    crates: libs,
    message: `${describeUnit(unit)} needs ${libs.map(l => `\`${l}\``).join(', ')} at run time and has no rpath (\`rpath = false\`): it starts under ${runner}, which sets the library path, but run directly or shipped it fails with "error while loading shared libraries".${hashed ? " `<hash>` stands for cargo's metadata hash of the package, known once it is built." : ''}`,
    fixes: [
      'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.',
      `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${libs.map(l => `\`${l}\``).join(', ')} beside it (\`${unit.targetInfo.stdDylib ?? 'libstd'}\` is in \`${unit.targetInfo.targetLibdir}\`).`,
      'Or set the library path (`LD_LIBRARY_PATH`, `DYLD_FALLBACK_LIBRARY_PATH`, `PATH` on Windows) when starting it.'
    ],
    ...(inclusion.length > 0 ? { inclusion } : {}),
    ...location
  }
}

/** The Rust dylibs an artifact of the unit links dynamically, nearest first. */
export function dynamicDylibs(result: UnitResult, linkage: LinkageResult): Unit[] {
  const keys = new Set<string>()
  for (const a of result.artifacts) for (const [key, how] of a.formats?.linkage ?? []) if (how === 'dynamic') keys.add(key)
  const units = [...keys].map(k => linkage.crateNames.get(k)?.unit).filter((u): u is Unit => u != null)
  return units
    .map(u => ({ u, depth: linkChain(result.unit, u).length }))
    .filter(e => e.depth > 0)
    .sort((a, b) => a.depth - b.depth || a.u.index - b.u.index)
    .map(e => e.u)
}

import type { Finding, InclusionPath, Locator, Severity } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { compareFindings } from '../findings/order.js'
import type { DependencyFormatError, Origin } from '../linkage/dependency-format.js'
import { crateName, dylibFileName, type LinkageResult, unitKey, type UnitProblem, type UnitResult } from '../linkage/resolve.js'
import type { Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { abiFindings } from './abi.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'
import { pluginFindings } from './plugins.js'
import { publishFindings } from './publish.js'
import { toolchainFindings } from './toolchain.js'

const STD_CRATES = new Set(['std', 'core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro'])

/**
 * Every rule over the analysed workspace: the linkage rules (what rustc and cargo would refuse or what fails
 * at run time) and the toolchain and plugin-safety rules; deduplicated, fingerprinted, sorted.
 */
export function evaluateRules(ctx: RuleContext): Finding[] {
  const drafts = [...linkageFindings(ctx.linkage, ctx.locator), ...toolchainFindings(ctx), ...abiFindings(ctx), ...pluginFindings(ctx), ...publishFindings(ctx)]
  return dedupe(drafts)
    .map(f => ({ ...f, fingerprint: findingFingerprint(f) }))
    .sort(compareFindings)
}

/** The findings rustc and cargo would produce for each unit's linkage, and `runtime-dylib`. */
export function linkageFindings(linkage: LinkageResult, locator: Locator): Draft[] {
  const findings: Draft[] = []
  for (const result of linkage.results) {
    if (result.status === 'blocked') continue
    const problems = result.problems
    if (result.status === 'error') {
      findings.push(...problemFindings(result, problems, linkage, locator))
    }
    if (result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0) {
      findings.push(unsupportedFinding(result, 'warning', locator))
    }
    if (result.status === 'ok') {
      const runtime = runtimeFinding(result, locator)
      if (runtime) findings.push(runtime)
    }
  }
  return findings
}

function problemFindings(result: UnitResult, problems: UnitProblem[], linkage: LinkageResult, locator: Locator): Draft[] {
  const unit = result.unit
  const out: Draft[] = []
  const byCrateType = new Map<string, DependencyFormatError[]>()
  for (const p of problems) {
    switch (p.kind) {
      case 'embed-bitcode-lto':
        out.push({
          ...base(unit, 'lto-conflict'),
          crates: [crateName(unit)],
          message: `${describeUnit(unit)} fails: rustflags ask for \`-C lto\` but cargo compiles this unit with \`-C embed-bitcode=no\` ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
          fixes: ['Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'],
          ...locator.setting('rustflags', unit)
        })
        break
      case 'unsupported-crate-types':
        out.push(unsupportedFinding(result, 'error', locator))
        break
      case 'unlinkable-dependency':
        out.push({
          ...base(unit, 'no-linkable-lib'),
          crates: [p.dep.pkg.name],
          message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map(t => `\`${t}\``).join(' and ')}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
          fixes: [
            `Add \`"rlib"\` to \`crate-type\` in \`${p.dep.pkg.name}\`'s \`[lib]\` (e.g. \`crate-type = ["${p.dep.crateTypes[0]}", "rlib"]\`).`,
            `Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`
          ],
          ...(p.dep.edge === 'own-lib'
            ? locator.crateType(unit)
            : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null))
        })
        break
      case 'proc-macro-unloadable': {
        const pm = p.procMacro
        out.push({
          ...base(unit, 'proc-macro-dylib'),
          crates: [crateName(pm), ...p.libraries],
          message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map(l => `\`${l}\``).join(', ')} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${crateName(pm)}\`).`,
          fixes: [
            `Give the Rust dylib(s) that \`${pm.pkg.name}\` depends on an \`"rlib"\` crate type, so the proc-macro links them statically.`,
            `Or move the code the proc-macro needs into a plain library crate.`
          ],
          ...locator.dependency(unit, pm, 'normal', null)
        })
        break
      }
      case 'dependency-format': {
        const list = byCrateType.get(p.crateType) ?? []
        list.push(p.error)
        byCrateType.set(p.crateType, list)
        break
      }
      case 'lto':
        out.push(ltoFinding(unit, p, locator))
        break
    }
  }
  for (const [crateType, errors] of byCrateType) out.push(...formatFindings(result, crateType, errors, linkage, locator))
  return out
}

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

function ltoFinding(unit: Unit, p: Extract<UnitProblem, { kind: 'lto' }>, locator: Locator): Draft {
  const texts: Record<typeof p.gate, string> = {
    'prefer-dynamic': 'cannot prefer dynamic linking when performing LTO',
    dylib: 'lto cannot be used for `dylib` crate type without `-Zdylib-lto`',
    'proc-macro': 'lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`',
    mixed: 'lto can only be run for executables, cdylibs and static library outputs'
  }
  const fromRustflags = unit.lto.kind !== 'run'
  const fixes =
    p.gate === 'prefer-dynamic'
      ? ['Drop `-C prefer-dynamic` from rustflags for LTO builds, or set `lto = false` in the profile.', 'Use `lto = "thin"` only in profiles that link statically.']
      : ['Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it.']
  return {
    ...base(unit, 'lto-conflict', p.crateType === 'rlib' || p.crateType === null ? undefined : p.crateType),
    crates: [crateName(unit)],
    message: `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
    fixes,
    ...locator.setting(fromRustflags || p.gate === 'prefer-dynamic' ? 'rustflags' : 'lto', unit)
  }
}

/** The dependency-format errors of one artifact of a unit, with what the finding builders share. */
interface ArtifactErrors {
  result: UnitResult
  crateType: string
  errors: DependencyFormatError[]
  linkage: LinkageResult
  locator: Locator
  unit: Unit
  /** The artifact as the messages name it, e.g. "bin `host`". */
  what: string
  ct: Finding['crateType']
  nameOf: (key: string) => string
  unitOf: (key: string) => Unit | null
}

/** One finding per kind of dependency-format error of an artifact, in rustc's order. */
function formatFindings(
  result: UnitResult,
  crateType: string,
  errors: DependencyFormatError[],
  linkage: LinkageResult,
  locator: Locator
): Draft[] {
  const unit = result.unit
  const f: ArtifactErrors = {
    result,
    crateType,
    errors,
    linkage,
    locator,
    unit,
    what: describeUnit(unit, crateType),
    ct: crateType as Finding['crateType'],
    nameOf: key => linkage.crateNames.get(key)?.name ?? key,
    unitOf: key => linkage.crateNames.get(key)?.unit ?? null
  }
  return [duplicateLinkageFinding(f), rlibRequiredFinding(f), dylibRequiredFinding(f), panicStrategyFinding(f)].filter((d): d is Draft => d !== null)
}

/** `duplicate-linkage`: rustc's "cannot satisfy dependencies so `x` only shows up once". */
function duplicateLinkageFinding(f: ArtifactErrors): Draft | null {
  const { result, crateType, errors, linkage, locator, unit, what, ct, nameOf, unitOf } = f
  const duplicates = errors.filter((e): e is Extract<DependencyFormatError, { kind: 'crate-dep-multiple' }> => e.kind === 'crate-dep-multiple')
  if (duplicates.length > 0) {
    // Report the crate the user can act on: std stands for the whole standard library.
    const names = [...new Set(duplicates.map(d => d.crate))]
    const shown = names.filter(n => !STD_CRATES.has(n) || n === 'std')
    const crates = shown.length > 0 ? shown : ['std']
    const primary = duplicates.find(d => d.crate === crates[0]) ?? duplicates[0]!
    const describe = (o: Origin, crate: string): string => {
      if (o.via !== null) {
        const viaName = nameOf(o.via)
        return o.preference === 'static' ? `statically inside dylib \`${viaName}\`` : `dynamically, as a dependency of dylib \`${viaName}\``
      }
      if (o.preference === 'dynamic') {
        const owner = crate === 'std' ? null : findCrateUnit(result, linkage, crate)
        const file = crate === 'std' ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null
        return `dynamically${file ? ` as \`${file}\`` : ''}`
      }
      return 'statically as an rlib'
    }
    const staticVia = [primary.existing, primary.incoming].map(o => o.via).filter((v): v is string => v !== null)
    const culprit = staticVia.map(unitOf).find((u): u is Unit => u !== null) ?? null
    const extra = crates.includes('std') && names.length > crates.length ? ' (with the rest of the standard library)' : ''
    const others = crates.filter(c => c !== primary.crate)
    const also = others.length > 0 ? ` ${listCrates(others)} would be included twice as well.` : ''
    const message =
      `${what} cannot link: \`${primary.crate}\` would be included twice${extra} — ${describe(primary.existing, primary.crate)} and ${describe(primary.incoming, primary.crate)}.${also} ` +
      `rustc: "cannot satisfy dependencies so \`${primary.crate}\` only shows up once".`
    const inclusion = uniqueBy(
      duplicates.filter(d => crates.includes(d.crate)).flatMap(d => [inclusionPath(result, linkage, d.crate, d.existing), inclusionPath(result, linkage, d.crate, d.incoming)]),
      p => JSON.stringify(p)
    )
    return {
      ...base(unit, 'duplicate-linkage', ct),
      crates,
      message,
      fixes: duplicateFixes(unit, primary, culprit, nameOf),
      inclusion,
      ...(culprit ? locator.crateType(culprit) : locator.crateType(unit))
    }
  }
  return null
}

/** `rlib-required`: a staticlib or crt-static executable over a crate available only as a dylib. */
function rlibRequiredFinding(f: ArtifactErrors): Draft | null {
  const { result, crateType, errors, linkage, locator, unit, what, ct } = f
  const rlibRequired = errors.filter(e => e.kind === 'rlib-required' || (e.kind === 'lib-required' && e.format === 'rlib'))
  if (rlibRequired.length > 0) {
    const names = [...new Set(rlibRequired.map(e => (e as { crate: string }).crate))]
    const culprit = findCrateUnit(result, linkage, names[0]!)
    const why = crateType === 'staticlib' ? 'a staticlib must contain every upstream crate' : 'a statically linked (crt-static) executable must contain every upstream crate'
    return {
      ...base(unit, 'rlib-required', ct),
      crates: names,
      inclusion: names.map(n => inclusionPath(result, linkage, n, { preference: 'dynamic', via: null })),
      message: `${what} cannot link: ${why}, but ${names.map(n => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
      fixes: [
        `Add \`"rlib"\` to \`crate-type\` of ${names.map(n => `\`${n}\``).join(', ')}.`,
        crateType === 'staticlib' ? 'Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs.' : 'Or drop `+crt-static` for this executable.'
      ],
      ...(culprit ? locator.crateType(culprit) : locator.crateType(unit))
    }
  }
  return null
}

/** `dylib-required`: a crate an upstream dylib links dynamically has no dylib. */
function dylibRequiredFinding(f: ArtifactErrors): Draft | null {
  const { crateType, errors, locator, unit, what, ct } = f
  const dylibRequired = errors.filter(e => e.kind === 'lib-required' && e.format === 'dylib')
  if (dylibRequired.length > 0) {
    const names = [...new Set(dylibRequired.map(e => (e as { crate: string }).crate))]
    return {
      ...base(unit, 'dylib-required', ct),
      crates: names,
      message: `${what} cannot link: ${names.map(n => `\`${n}\``).join(', ')} must be linked dynamically (an upstream dylib was built against its dylib) but no dylib of it is available. rustc: "crate \`${names[0]}\` required to be available in dylib format, but was not found in this form".`,
      fixes: ['Rebuild the dylibs that depend on it from a clean target directory, with the same flags.', `Or add \`"dylib"\` to \`crate-type\` of ${names.map(n => `\`${n}\``).join(', ')}.`],
      ...locator.crateType(unit)
    }
  }
  return null
}

/** `panic-strategy`: a panic runtime or crate that does not match the artifact's strategy. */
function panicStrategyFinding(f: ArtifactErrors): Draft | null {
  const { result, errors, linkage, locator, unit, what, ct } = f
  const panic = errors.filter(e => e.kind === 'bad-panic-strategy' || e.kind === 'required-panic-strategy' || e.kind === 'two-panic-runtimes')
  if (panic.length > 0) {
    const first = panic[0]!
    let text: string
    let crates: string[]
    if (first.kind === 'bad-panic-strategy') {
      text = `the linked panic runtime \`${first.runtime}\` is not compiled with this crate's panic strategy \`${first.strategy}\``
      crates = [first.runtime]
    } else if (first.kind === 'required-panic-strategy') {
      text = `the crate \`${first.crate}\` requires panic strategy \`${first.found}\` which is incompatible with this crate's strategy of \`${first.desired}\``
      crates = [first.crate]
    } else {
      text = `cannot link together two panic runtimes: ${first.first} and ${first.second}`
      crates = [first.first, first.second]
    }
    const stdDynamic = result.artifacts.some(a => a.formats?.linkage.get('sys:std') === 'dynamic')
    const fixes = stdDynamic
      ? [
          '`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: use `panic = "unwind"` for builds with Rust dylibs.',
          'Or link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.'
        ]
      : ['Build every crate linked into this artifact with the same panic strategy (one profile `panic` setting, no `-C panic` in rustflags for some crates only).']
    return {
      ...base(unit, 'panic-strategy', ct),
      crates,
      message: `${what} cannot link with \`panic = "${unit.panic}"\`: rustc: "${text}".`,
      fixes,
      ...locator.setting(unit.panicSource === 'rustflags' ? 'rustflags' : 'panic', unit)
    }
  }
  return null
}

/** The way `crate` gets into the unit's artifact through `origin`, as a chain of crate names. */
function inclusionPath(result: UnitResult, linkage: LinkageResult, crate: string, origin: Origin): InclusionPath {
  const unit = result.unit
  let chain: string[]
  if (origin.via !== null) {
    const bringer = linkage.crateNames.get(origin.via)
    chain = bringer?.unit ? chainOfCrates(unit, bringer.unit) : [crateName(unit), bringer?.name ?? origin.via]
  } else {
    // Added for itself: the chain runs to the crate's dependent, so the crate itself is not repeated.
    const own = findCrateUnit(result, linkage, crate)
    chain = own ? chainOfCrates(unit, own).slice(0, -1) : [crateName(unit)]
  }
  const dynamic = origin.preference === 'dynamic'
  const path: InclusionPath = { chain, crate, how: origin.via !== null && !dynamic ? 'inside-dylib' : dynamic ? 'dynamic' : 'static' }
  if (dynamic) {
    const owner = crate === 'std' ? null : findCrateUnit(result, linkage, crate)
    const file = crate === 'std' ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null
    if (file) path.file = file
  }
  return path
}

const parentsByUnit = new WeakMap<Unit, Map<Unit, Unit | null>>()

/** Crate names along the shortest dependency chain from `from` to `to` (both included). */
function chainOfCrates(from: Unit, to: Unit): string[] {
  // One breadth-first search per artifact, shared by all its inclusion paths.
  let previous = parentsByUnit.get(from)
  if (previous === undefined) {
    previous = new Map<Unit, Unit | null>([[from, null]])
    const queue = [from]
    for (let i = 0; i < queue.length; i++) {
      for (const dep of queue[i]!.crates) {
        if (previous.has(dep.unit)) continue
        previous.set(dep.unit, queue[i]!)
        queue.push(dep.unit)
      }
    }
    parentsByUnit.set(from, previous)
  }
  if (!previous.has(to)) return [crateName(from), crateName(to)]
  const chain: string[] = []
  for (let u: Unit | null = to; u !== null; u = previous.get(u) ?? null) chain.unshift(crateName(u))
  return chain
}

function findCrateUnit(result: UnitResult, linkage: LinkageResult, name: string): Unit | null {
  for (const c of result.crates) {
    if (c.name !== name) continue
    return linkage.crateNames.get(c.key)?.unit ?? null
  }
  return null
}

function duplicateFixes(
  unit: Unit,
  primary: Extract<DependencyFormatError, { kind: 'crate-dep-multiple' }>,
  culprit: Unit | null,
  nameOf: (key: string) => string
): string[] {
  const fixes: string[] = []
  const staticVias = [primary.existing, primary.incoming].filter(o => o.preference === 'static' && o.via !== null).map(o => nameOf(o.via!))
  if (primary.crate === 'std' && culprit) {
    fixes.push(
      `Select only the packages you ship, e.g. \`cargo build -p ${unit.pkg.name}\`: cargo then builds dylib \`${culprit.target.name}\` with \`-C prefer-dynamic\` (it is a dependency, not a selected package), so it shares \`libstd\` instead of containing a copy.`
    )
    fixes.push(`Add \`"rlib"\` to \`crate-type\` of \`${culprit.pkg.name}\` (\`["dylib", "rlib"]\`): Rust dependents then link the rlib statically.`)
    fixes.push('Or build everything with `RUSTFLAGS="-C prefer-dynamic"`, so every dylib links `std` dynamically.')
    fixes.push(`Or keep \`${culprit.pkg.name}\` out of \`default-members\` / use \`--exclude ${culprit.pkg.name}\` when building the workspace.`)
  } else if (staticVias.length > 0) {
    fixes.push(
      `Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map(v => `\`${v}\``).join(' and ')} share one copy instead of each containing it.`
    )
    fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`)
    fixes.push(`Or add \`"rlib"\` to the dylibs' \`crate-type\` so this artifact links everything statically.`)
  } else {
    fixes.push('Make every upstream crate available in one format (all rlib, or all dylib).')
  }
  return fixes
}

const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench'])

function runtimeFinding(result: UnitResult, locator: Locator): Draft | null {
  const unit = result.unit
  if (result.runtimeLibraries.length === 0 || unit.rpath) return null
  const executable = unit.mode === 'test' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'))
  if (!executable) return null
  const libs = result.runtimeLibraries
  const runner = unit.mode === 'test' ? '`cargo test`' : unit.target.kind === 'example' ? '`cargo run --example`' : '`cargo run`'
  // Point at the first workspace dylib this executable depends on directly, else at what made std dynamic.
  const direct = unit.crates.find(d => d.unit.crateTypes.includes('dylib') && result.artifacts.some(a => a.formats?.linkage.get(unitKey(d.unit)) === 'dynamic'))
  const location = direct ? locator.dependency(unit, direct.unit, direct.edge, direct.platform) : locator.setting('rustflags', unit)
  return {
    ...base(unit, 'runtime-dylib', 'bin'),
    crates: libs,
    message: `${describeUnit(unit)} needs ${libs.map(l => `\`${l}\``).join(', ')} at run time and has no rpath (\`rpath = false\`): it starts under ${runner}, which sets the library path, but run directly or shipped it fails with "error while loading shared libraries".`,
    fixes: [
      'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.',
      `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${libs.map(l => `\`${l}\``).join(', ')} beside it (\`${unit.targetInfo.stdDylib ?? 'libstd'}\` is in \`${unit.targetInfo.targetLibdir}\`).`,
      'Or set the library path (`LD_LIBRARY_PATH`, `DYLD_FALLBACK_LIBRARY_PATH`, `PATH` on Windows) when starting it.'
    ],
    ...location
  }
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter(item => !seen.has(key(item)) && Boolean(seen.add(key(item))))
}

function dedupe(findings: Draft[]): Draft[] {
  const seen = new Set<string>()
  return findings.filter(f => {
    const key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join('\0')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

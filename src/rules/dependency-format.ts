/**
 * The findings of rustc's dependency-format errors (linkage/dependency-format.ts), one builder per rule,
 * with the inclusion path of each crate at fault and the fixes for a duplicated crate.
 */
import type { Finding, InclusionPath, Locator } from '../findings/finding.js'
import type { DependencyFormatError, Origin } from '../linkage/dependency-format.js'
import { crateName, dylibFileName, type LinkageResult, linksAs, type UnitResult } from '../linkage/resolve.js'
import type { Metadata } from '../model/metadata.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft } from './context.js'
import { featureSteps, locateByFeature } from './feature-steps.js'

const STD_CRATES = new Set(['std', 'core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro'])

/** The dependency-format errors of one artifact of a unit, with what the finding builders share. */
interface ArtifactErrors {
  result: UnitResult
  crateType: string
  errors: DependencyFormatError[]
  linkage: LinkageResult
  locator: Locator
  metadata: Metadata
  unit: Unit
  /** The artifact as the messages name it, e.g. "bin `host`". */
  what: string
  ct: Finding['crateType']
  nameOf: (key: string) => string
  unitOf: (key: string) => Unit | null
  /** The unit of the first crate of the unit's crate graph with this name (load order), if any. */
  crateUnit: (name: string) => Unit | null
}

/** One finding per kind of dependency-format error of an artifact, in rustc's order. */
export function formatFindings(
  result: UnitResult,
  crateType: string,
  errors: DependencyFormatError[],
  linkage: LinkageResult,
  locator: Locator,
  metadata: Metadata
): Draft[] {
  const unit = result.unit
  const f: ArtifactErrors = {
    result,
    crateType,
    errors,
    linkage,
    locator,
    metadata,
    unit,
    what: describeUnit(unit, crateType),
    ct: crateType as Finding['crateType'],
    nameOf: key => linkage.crateNames.get(key)?.name ?? key,
    unitOf: key => linkage.crateNames.get(key)?.unit ?? null,
    crateUnit: crateUnitLookup(result, linkage)
  }
  return [duplicateLinkageFinding(f), rlibRequiredFinding(f), dylibRequiredFinding(f), panicStrategyFinding(f)].filter((d): d is Draft => d !== null)
}

/** `duplicate-linkage`: rustc's "cannot satisfy dependencies so `x` only shows up once". */
function duplicateLinkageFinding(f: ArtifactErrors): Draft | null {
  const { errors, locator, unit, what, ct, nameOf, unitOf } = f
  const pathOf = (crate: string, origin: Origin): InclusionPath => inclusionPath(f, crate, origin)
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
        const file = dylibFileOf(f, crate)
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
      duplicates.filter(d => crates.includes(d.crate)).flatMap(d => [pathOf(d.crate, d.existing), pathOf(d.crate, d.incoming)]),
      p => JSON.stringify(p)
    )
    return {
      ...base(unit, 'duplicate-linkage', ct),
      crates,
      message,
      fixes: duplicateFixes(unit, primary, culprit, nameOf),
      inclusion,
      ...locateByFeature(
        inclusion.flatMap(p => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    }
  }
  return null
}

/** `rlib-required`: a staticlib or crt-static executable over a crate available only as a dylib. */
function rlibRequiredFinding(f: ArtifactErrors): Draft | null {
  const { crateType, errors, locator, unit, what, ct, crateUnit } = f
  const rlibRequired = errors.filter(e => e.kind === 'rlib-required' || (e.kind === 'lib-required' && e.format === 'rlib'))
  if (rlibRequired.length > 0) {
    const names = [...new Set(rlibRequired.map(e => (e as { crate: string }).crate))]
    const culprit = crateUnit(names[0]!)
    const inclusion = names.map(n => inclusionPath(f, n, { preference: 'dynamic', via: null }))
    const why = crateType === 'staticlib' ? 'a staticlib must contain every upstream crate' : 'a statically linked (crt-static) executable must contain every upstream crate'
    return {
      ...base(unit, 'rlib-required', ct),
      crates: names,
      inclusion,
      message: `${what} cannot link: ${why}, but ${names.map(n => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
      fixes: [crateType === 'staticlib' ? 'Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs.' : 'Or drop `+crt-static` for this executable.'],
      ...locateByFeature(
        inclusion.flatMap(p => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    }
  }
  return null
}

/** `dylib-required`: a crate an upstream dylib links dynamically has no dylib. */
function dylibRequiredFinding(f: ArtifactErrors): Draft | null {
  const { errors, locator, unit, what, ct } = f
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
  const { result, errors, locator, unit, what, ct } = f
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
    const stdDynamic = linksAs(result, 'sys:std', 'dynamic')
    const fixes = stdDynamic
      ? ['`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.']
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

/**
 * The way `crate` gets into the unit's artifact through `origin`, as a chain of crate names, with what turned
 * on the optional dependencies along it.
 */
function inclusionPath(f: ArtifactErrors, crate: string, origin: Origin): InclusionPath {
  const { linkage, locator, metadata, unit, crateUnit } = f
  let units: Unit[] = []
  let chain: string[]
  if (origin.via !== null) {
    const bringer = linkage.crateNames.get(origin.via)
    units = bringer?.unit ? linkChain(unit, bringer.unit) : []
    chain = units.length > 0 ? units.map(crateName) : [crateName(unit), bringer?.name ?? origin.via]
  } else {
    // Added for itself: the chain runs to the crate's dependent, so the crate itself is not repeated.
    const own = crateUnit(crate)
    units = own ? linkChain(unit, own) : []
    chain = units.length > 0 ? units.slice(0, -1).map(crateName) : [crateName(unit)]
  }
  const dynamic = origin.preference === 'dynamic'
  const path: InclusionPath = { chain, crate, how: origin.via !== null && !dynamic ? 'inside-dylib' : dynamic ? 'dynamic' : 'static' }
  const steps = featureSteps(units, metadata, locator)
  if (steps.length > 0) path.features = steps
  if (dynamic) {
    const file = dylibFileOf(f, crate)
    if (file) path.file = file
  }
  return path
}

/** The file of the Rust dylib `crate` links as in the artifact: the target's `libstd-<hash>.so` for std. */
function dylibFileOf(f: ArtifactErrors, crate: string): string | null {
  if (crate === 'std') return f.unit.targetInfo.stdDylib
  const owner = f.crateUnit(crate)
  return owner ? dylibFileName(owner) : null
}

/**
 * `ArtifactErrors.crateUnit`: one map for all the look-ups of an artifact, built on the first. An artifact of a
 * large workspace loads thousands of crates, and a duplicated dylib puts most of them in its errors.
 */
function crateUnitLookup(result: UnitResult, linkage: LinkageResult): (name: string) => Unit | null {
  let byName: Map<string, Unit | null> | null = null
  return name => {
    if (byName === null) {
      byName = new Map()
      for (const c of result.crates) if (!byName.has(c.name)) byName.set(c.name, linkage.crateNames.get(c.key)?.unit ?? null)
    }
    return byName.get(name) ?? null
  }
}

function duplicateFixes(
  unit: Unit,
  primary: Extract<DependencyFormatError, { kind: 'crate-dep-multiple' }>,
  culprit: Unit | null,
  nameOf: (key: string) => string
): string[] {
  const fixes: string[] = []
  const staticVias = [primary.existing, primary.incoming].filter(o => o.preference === 'static' && o.via !== null).map(o => nameOf(o.via!))
  // Adding `"rlib"`, `-p`, `--exclude`, a command-line feature and `-C prefer-dynamic` are fixes/candidates.ts's
  // candidates, offered once verified; what stays here is advice the engine does not try.
  if (primary.crate === 'std' && culprit) return fixes
  if (staticVias.length > 0) {
    fixes.push(
      `Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map(v => `\`${v}\``).join(' and ')} share one copy instead of each containing it.`
    )
    fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`)
  } else {
    fixes.push('Make every upstream crate available in one format (all rlib, or all dylib).')
  }
  return fixes
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter(item => {
    const k = key(item)
    return !seen.has(k) && Boolean(seen.add(k))
  })
}

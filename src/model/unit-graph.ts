import { UserError } from '../errors.js'
import { codegenOptions, flagEnabled } from '../rustc/probe.js'
import { platformMatches } from './cfg.js'
import { canLto, isDynamic, isLinkable } from './crate-type.js'
import type {
  BuildContext,
  CompileKind,
  CompileMode,
  CrateType,
  DependencyKind,
  Invocation,
  Metadata,
  Package,
  PanicStrategy,
  ProfileSettings,
  Target,
  TargetInfo
} from './types.js'

/**
 * Cargo's LTO decision for one unit (`src/compiler/lto.rs`): `run` passes `-C lto[=x]`, `off` passes
 * `-C lto=off`, `only-bitcode` `-C linker-plugin-lto`, `only-object` `-C embed-bitcode=no`,
 * `object-and-bitcode` nothing.
 */
export type CargoLto =
  | { kind: 'run'; value: string | null }
  | { kind: 'off' | 'only-bitcode' | 'object-and-bitcode' | 'only-object' }

/** Why a unit gets `-C prefer-dynamic`. */
export type PreferDynamicReason = 'proc-macro' | 'non-primary-dylib' | 'rustflags'

/** A dependency of a unit on a library it links against (`--extern`). */
export interface CrateDep {
  unit: Unit
  /** The name the dependent uses for it (after renames). */
  externName: string
  /** The manifest section of the edge: `normal`, `build`, `dev`, or `own-lib` for a package's own library. */
  edge: DependencyKind | 'own-lib'
  /** The platform condition of the edge, if any. */
  platform: string | null
}

/** A dependency cargo cannot pass to rustc because the library has no Rust-linkable crate type. */
export interface UnlinkableDep {
  pkg: Package
  externName: string
  /** `own-lib`: a bin, test, example or bench of the package itself uses its library. */
  edge: DependencyKind | 'own-lib'
  crateTypes: CrateType[]
}

/**
 * Whether a target's source refers to a crate by name. Cargo gives a package's own library to its other
 * targets only when the library is Rust-linkable; whether that breaks a target depends on its source.
 */
export type SourceUsesCrate = (srcPath: string, crate: string) => boolean

/** One rustc invocation cargo would make: package × target × mode × host/target, with its settings. */
export interface Unit {
  index: number
  pkg: Package
  target: Target
  mode: CompileMode
  kind: CompileKind
  /** Crate types rustc is asked for and keeps (`bin` for test harnesses). */
  crateTypes: CrateType[]
  /** Crate types rustc drops for this target and flags (warning, or error when none remain). */
  droppedCrateTypes: CrateType[]
  preferDynamic: PreferDynamicReason | null
  panic: PanicStrategy
  /** Where the panic strategy came from: the profile, rustflags, or cargo forcing `unwind`. */
  panicSource: 'profile' | 'rustflags' | 'forced-unwind' | 'default'
  lto: CargoLto
  rpath: boolean
  /** Executables link the C runtime statically. */
  crtStatic: boolean
  rustflags: string[]
  targetInfo: TargetInfo
  /** Libraries this unit links against, in a deterministic order. */
  crates: CrateDep[]
  unlinkable: UnlinkableDep[]
  /** Units that must be built first but are not linked in: the package's build script, bins for integration tests. */
  buildsAfter: Unit[]
  /** Selected on the command line (a root unit). */
  root: boolean
  /** The package was selected on the command line. */
  primary: boolean
}

export interface UnitGraph {
  units: Unit[]
  roots: Unit[]
  /** Warnings cargo would print about the selection (unmatched `--exclude`, skipped targets). */
  warnings: string[]
}

interface UnitFor {
  host: boolean
  /** A dependency of a test harness: cargo forces `panic=unwind` on all of these. */
  test: boolean
}

/** One unit to find or create: package × target × mode × host/target, and what its own dependencies inherit. */
interface UnitSpec {
  pkg: Package
  target: Target
  mode: CompileMode
  kind: CompileKind
  unitFor: UnitFor
}

/** A unit another one needs: a library it links (`--extern`), or (`link` null) a unit built before it. */
interface Need extends UnitSpec {
  link: Omit<CrateDep, 'unit'> | null
}

/** A unit whose needs are being met, one at a time, depth first. */
interface Frame {
  unit: Unit
  needs: Need[]
  next: number
}

/** The units a unit depends on: the libraries it links, then the units built before it. */
export function dependenciesOf(unit: Unit): Unit[] {
  return [...unit.crates.map(c => c.unit), ...unit.buildsAfter]
}

/**
 * Builds cargo's unit graph for an invocation: the root units for the selected packages and targets, and
 * everything they depend on, each with the settings cargo passes to rustc.
 */
export function buildUnitGraph(
  metadata: Metadata,
  context: BuildContext,
  invocation: Invocation,
  selected: Package[],
  sourceUsesCrate: SourceUsesCrate = () => true
): UnitGraph {
  const units: Unit[] = []
  const byKey = new Map<number, Unit>()
  const targetIds = new Map<Target, number>()
  const libs = new Map<Package, Target | undefined>()
  const libOf = (pkg: Package): Target | undefined => {
    if (!libs.has(pkg)) libs.set(pkg, libTarget(pkg))
    return libs.get(pkg)
  }
  const primary = new Set(selected.map(p => p.id))
  const warnings: string[] = []
  const profile = invocation.command === 'test' ? context.testProfile : context.profile
  // Units created and not yet given their dependencies: a stack rather than recursion, as a dependency
  // chain can be far deeper than the call stack. A unit's dependencies are all created before its next
  // sibling, so units are numbered depth first.
  const pending: Frame[] = []

  const infoFor = (kind: CompileKind): TargetInfo => (kind === 'host' ? context.host : context.target)

  const makeUnit = ({ pkg, target, mode, kind, unitFor }: UnitSpec, root: boolean): Unit => {
    const panicForced = unitFor.host || unitFor.test || mode === 'test' || target.kind === 'custom-build' || target.kind === 'proc-macro'
    // Targets are unique objects per package: a small integer identifies package × target.
    let targetId = targetIds.get(target)
    if (targetId === undefined) targetIds.set(target, (targetId = targetIds.size))
    const key = targetId * 8 + (mode === 'test' ? 4 : 0) + (kind === 'host' ? 2 : 0) + (panicForced ? 1 : 0)
    const existing = byKey.get(key)
    if (existing) {
      existing.root ||= root
      return existing
    }
    const info = infoFor(kind)
    const requested: CrateType[] = mode === 'test' ? ['bin'] : target.crateTypes
    const crateTypes = requested.filter(t => info.supportedCrateTypes.has(t))
    const droppedCrateTypes = requested.filter(t => !info.supportedCrateTypes.has(t))
    const rustflags = info.rustflags
    let preferDynamic: PreferDynamicReason | null = null
    if (target.kind === 'proc-macro') preferDynamic = 'proc-macro'
    else if (mode !== 'test' && target.crateTypes.includes('dylib') && !primary.has(pkg.id)) preferDynamic = 'non-primary-dylib'
    else if (flagEnabled(codegenOptions(rustflags, 'prefer-dynamic'))) preferDynamic = 'rustflags'
    const { panic, panicSource } = panicOf(profile, panicForced, rustflags)
    const unit: Unit = {
      index: units.length,
      pkg,
      target,
      mode,
      kind,
      crateTypes,
      droppedCrateTypes,
      preferDynamic,
      panic,
      panicSource,
      lto: { kind: 'object-and-bitcode' },
      rpath: profile.rpath,
      crtStatic: target.kind === 'proc-macro' ? false : info.crtStaticExecutables,
      rustflags,
      targetInfo: info,
      crates: [],
      unlinkable: [],
      buildsAfter: [],
      root,
      primary: primary.has(pkg.id)
    }
    units.push(unit)
    byKey.set(key, unit)
    pending.push({ unit, needs: needsOf(unit, unitFor), next: 0 })
    return unit
  }

  /** Creates the units pending ones need, depth first, and links each to its dependent. */
  const completePending = (): void => {
    while (pending.length > 0) {
      const frame = pending[pending.length - 1]!
      const need = frame.needs[frame.next++]
      if (need === undefined) {
        pending.pop()
        continue
      }
      const { crates, buildsAfter } = frame.unit
      const dep = makeUnit(need, false)
      if (need.link === null) buildsAfter.push(dep)
      // The package's own library is needed last but passed to rustc first.
      else if (need.link.edge === 'own-lib') crates.unshift({ unit: dep, ...need.link })
      else crates.push({ unit: dep, ...need.link })
    }
  }

  /** What a new unit needs, in cargo's order; records the dependencies cargo cannot pass to rustc. */
  const needsOf = (unit: Unit, unitFor: UnitFor): Need[] => {
    const { pkg, target, mode, kind } = unit
    const info = infoFor(kind)
    const needs: Need[] = []
    const isBuildScript = target.kind === 'custom-build'
    const includeDev = !isBuildScript && (target.kind === 'test' || target.kind === 'example' || target.kind === 'bench' || mode === 'test')
    const childFor: UnitFor = { host: unitFor.host || isBuildScript || target.kind === 'proc-macro', test: unitFor.test || mode === 'test' }
    const childKind: CompileKind = childFor.host ? 'host' : kind
    for (const edge of pkg.deps) {
      const applicable = edge.kinds.filter(k => {
        if (isBuildScript ? k.kind !== 'build' : k.kind === 'build') return false
        if (k.kind === 'dev' && !includeDev) return false
        return k.platform === null || matchesPlatform(k.platform, info, pkg)
      })
      if (applicable.length === 0) continue
      const dep = edge.pkg === pkg.id ? pkg : metadata.packages.get(edge.pkg)!
      const lib = libOf(dep)
      if (!lib) continue
      const first = applicable[0]!
      if (!lib.crateTypes.some(isLinkable)) {
        // Cargo still builds the library first, but passes no `--extern` for it.
        unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes })
        needs.push(libNeed(dep, lib, childKind, childFor, null))
        continue
      }
      needs.push(libNeed(dep, lib, childKind, childFor, { externName: edge.externName, edge: first.kind, platform: first.platform }))
    }
    if (!isBuildScript && target.kind !== 'lib' && target.kind !== 'proc-macro') {
      const lib = libOf(pkg)
      if (lib) {
        const libName = lib.name.replace(/-/g, '_')
        if (lib.crateTypes.some(isLinkable)) {
          needs.push(libNeed(pkg, lib, childKind, childFor, { externName: libName, edge: 'own-lib', platform: null }))
        } else if (sourceUsesCrate(target.srcPath, libName)) {
          unit.unlinkable.push({ pkg, externName: libName, edge: 'own-lib', crateTypes: lib.crateTypes })
        }
      }
      if ((target.kind === 'test' || target.kind === 'bench') && mode === 'test') {
        for (const bin of pkg.targets.filter(t => t.kind === 'bin' && featuresSatisfied(t, pkg))) {
          needs.push({ pkg, target: bin, mode: 'build', kind, unitFor: { host: unitFor.host, test: false }, link: null })
        }
      }
    }
    const script = pkg.targets.find(t => t.kind === 'custom-build')
    if (script && !isBuildScript) needs.push({ pkg, target: script, mode: 'build', kind: 'host', unitFor: { host: true, test: false }, link: null })
    return needs
  }

  const roots: Unit[] = []
  for (const pkg of selected) {
    for (const { target, mode } of rootTargets(pkg, invocation, warnings)) {
      const kind: CompileKind = target.kind === 'proc-macro' && mode === 'build' ? 'host' : 'target'
      const unit = makeUnit({ pkg, target, mode, kind, unitFor: { host: kind === 'host', test: false } }, true)
      completePending()
      if (!roots.includes(unit)) roots.push(unit)
    }
  }
  checkNamedTargets(invocation, selected)
  assignLto(roots, profile)
  return { units, roots, warnings }
}

/** A dependent's need for the library `lib` of `dep`: proc-macros, like everything under a host unit, are built for the host. */
function libNeed(dep: Package, lib: Target, kind: CompileKind, unitFor: UnitFor, link: Need['link']): Need {
  const host = unitFor.host || lib.kind === 'proc-macro'
  return { pkg: dep, target: lib, mode: 'build', kind: host ? 'host' : kind, unitFor: { host, test: unitFor.test }, link }
}

function matchesPlatform(platform: string, info: TargetInfo, pkg: Package): boolean {
  try {
    return platformMatches(platform, info.triple, info.cfg)
  } catch (e) {
    throw new UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${(e as Error).message}`)
  }
}

/** The library target (`lib` or `proc-macro`) of a package, if any. */
export function libTarget(pkg: Package): Target | undefined {
  return pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
}

function featuresSatisfied(target: Target, pkg: Package): boolean {
  return target.requiredFeatures.every(f => pkg.features.includes(f))
}

function panicOf(
  profile: ProfileSettings,
  forcedUnwind: boolean,
  rustflags: string[]
): { panic: PanicStrategy; panicSource: Unit['panicSource'] } {
  // Cargo's own `-C panic` comes first on the command line; rustflags come last and so win.
  const fromFlags = codegenOptions(rustflags, 'panic')
  const last = fromFlags[fromFlags.length - 1]
  if (last === 'abort' || last === 'unwind') return { panic: last, panicSource: 'rustflags' }
  if (forcedUnwind) return { panic: 'unwind', panicSource: 'forced-unwind' }
  return { panic: profile.panic, panicSource: profile.sources.panic ? 'profile' : 'default' }
}

type Selected = { target: Target; mode: CompileMode }

/** The root targets of one selected package, with the compile mode cargo uses for each. */
function rootTargets(pkg: Package, inv: Invocation, warnings: string[]): Selected[] {
  const t = inv.targets
  const out: Selected[] = []
  const add = (target: Target, mode: CompileMode): void => {
    if (!featuresSatisfied(target, pkg)) {
      warnings.push(
        `target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${target.requiredFeatures.map(f => `\`${f}\``).join(', ')}`
      )
      return
    }
    if (!out.some(s => s.target === target && s.mode === mode)) out.push({ target, mode })
  }
  const lib = libTarget(pkg)
  const of = (kind: Target['kind']): Target[] => pkg.targets.filter(x => x.kind === kind)
  const testMode: CompileMode = inv.command === 'test' ? 'test' : 'build'
  const specific =
    t.lib || t.bins || t.tests || t.examples || t.benches || t.allTargets || t.bin.length + t.test.length + t.example.length + t.bench.length > 0
  if (!specific) {
    if (inv.command === 'build') {
      if (lib) add(lib, 'build')
      for (const b of of('bin')) add(b, 'build')
    } else {
      if (lib && lib.test) add(lib, 'test')
      for (const b of of('bin')) if (b.test) add(b, 'test')
      for (const e of of('example')) add(e, e.test ? 'test' : 'build')
      for (const x of of('test')) if (x.test) add(x, 'test')
      for (const x of of('bench')) if (x.test) add(x, 'test')
    }
    return out
  }
  const all = t.allTargets
  if ((t.lib || all) && lib) add(lib, testMode)
  if (t.bins || all) for (const b of of('bin')) add(b, testMode)
  for (const name of t.bin) for (const b of of('bin').filter(b => b.name === name)) add(b, testMode)
  if (t.examples || all) for (const e of of('example')) add(e, testMode)
  for (const name of t.example) for (const e of of('example').filter(e => e.name === name)) add(e, testMode)
  if (t.tests || all) {
    // `--tests`: every target with `test = true`, compiled as a test harness.
    if (lib && lib.test) add(lib, 'test')
    for (const x of pkg.targets) if (x.test && x.kind !== 'lib' && x.kind !== 'proc-macro' && x.kind !== 'custom-build') add(x, 'test')
  }
  for (const name of t.test) for (const x of of('test').filter(x => x.name === name)) add(x, 'test')
  if (t.benches || all) {
    if (lib) add(lib, 'test')
    for (const b of of('bin')) add(b, 'test')
    for (const x of of('bench')) add(x, 'test')
  }
  for (const name of t.bench) for (const x of of('bench').filter(x => x.name === name)) add(x, 'test')
  return out
}

function checkNamedTargets(inv: Invocation, selected: Package[]): void {
  const check = (names: string[], kind: Target['kind'], flag: string): void => {
    for (const name of names) {
      if (!selected.some(p => p.targets.some(t => t.kind === kind && t.name === name))) {
        throw new UserError(`no ${kind} target named \`${name}\` in the selected packages (\`${flag} ${name}\`)`)
      }
    }
  }
  check(inv.targets.bin, 'bin', '--bin')
  check(inv.targets.example, 'example', '--example')
  check(inv.targets.test, 'test', '--test')
  check(inv.targets.bench, 'bench', '--bench')
}

/** Cargo's LTO assignment, from each root unit down (`src/compiler/lto.rs`). */
function assignLto(roots: Unit[], profile: ProfileSettings): void {
  const assigned = new Map<Unit, CargoLto>()
  const forHost = (u: Unit): boolean => u.target.kind === 'proc-macro' || u.target.kind === 'custom-build'
  const requestedTypes = (u: Unit): CrateType[] => (u.mode === 'test' ? ['bin'] : u.target.crateTypes)
  const needsObject = (types: CrateType[]): boolean => types.some(t => canLto(t) || isDynamic(t))
  const whenNeedsObject = (types: CrateType[]): CargoLto =>
    types.every(t => t === 'dylib') ? { kind: 'only-object' } : { kind: 'object-and-bitcode' }
  const fromProfile = (): CargoLto => {
    switch (profile.lto) {
      case 'false':
        return { kind: 'only-object' }
      case 'off':
        return { kind: 'off' }
      case 'true':
        return { kind: 'run', value: null }
      default:
        return { kind: 'run', value: profile.lto }
    }
  }
  const merge = (a: CargoLto, b: CargoLto): CargoLto => {
    if (a.kind === 'run') return a
    if (b.kind === 'run') return b
    if (a.kind === 'off' || b.kind === 'off') return { kind: 'off' }
    if (a.kind === b.kind) return a
    return { kind: 'object-and-bitcode' }
  }
  // Cargo's recursion, with an explicit stack (a dependency chain can be deeper than the call stack): a
  // unit whose decision changes passes the new one on to its dependencies, in the same depth-first order.
  const stack: { deps: Unit[]; lto: CargoLto; next: number }[] = []
  const calculate = (unit: Unit, parent: CargoLto): void => {
    const types = requestedTypes(unit)
    let lto: CargoLto
    if (forHost(unit)) lto = { kind: 'only-object' }
    else if (types.every(canLto)) lto = fromProfile()
    else if (parent.kind === 'run') lto = needsObject(types) ? whenNeedsObject(types) : { kind: 'only-bitcode' }
    else if (parent.kind === 'only-bitcode' && needsObject(types)) lto = whenNeedsObject(types)
    else if (parent.kind === 'off') lto = { kind: 'off' }
    else lto = parent
    const previous = assigned.get(unit)
    const merged = previous ? merge(previous, lto) : lto
    if (previous && previous.kind === merged.kind) return
    assigned.set(unit, merged)
    unit.lto = merged
    stack.push({ deps: dependenciesOf(unit), lto: merged, next: 0 })
  }
  for (const root of roots) {
    const types = requestedTypes(root)
    let rootLto: CargoLto
    if (profile.lto === 'false') rootLto = { kind: 'only-object' }
    else if (profile.lto === 'off') rootLto = { kind: 'off' }
    else if (forHost(root)) rootLto = { kind: 'only-object' }
    else if (needsObject(types)) rootLto = whenNeedsObject(types)
    else rootLto = { kind: 'only-bitcode' }
    calculate(root, rootLto)
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      const dep = frame.deps[frame.next++]
      if (dep === undefined) stack.pop()
      else calculate(dep, frame.lto)
    }
  }
}

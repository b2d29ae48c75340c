/**
 * The dependencies of each unit, after cargo's `src/cargo/core/compiler/unit_dependencies.rs` at cargo 0.96.0
 * (rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850, the cargo of Rust 1.95). The steps around it,
 * and what is not replayed, are described at the top of `unit-graph.ts`.
 *
 * Cargo sorts each unit's dependency list once the graph is built, so the order in which it collects them
 * does not matter there. Here the order of a unit's needs fixes the depth-first numbering of the units:
 * dependencies' libraries, the package's own library, the binaries an integration test needs, then the
 * build script (cargo collects the build script before the own library).
 */
import { UserError } from '../errors.js'
import type { CompileKind, CompileMode } from './build-context.js'
import { platformMatches } from './cfg.js'
import { isLinkable } from './crate-type.js'
import { causeChain, declarationOf, type FeatureCause, featureValue, type FeaturesFor, hasProcMacroLib, type ResolvedFeatures } from './features.js'
import type { DependencyEdge, Metadata, Package, Target } from './metadata.js'
import type { TargetInfo } from './target-info.js'
import { isForHost, isProcMacro } from './target-roles.js'
import type { CrateDep, SourceUsesCrate, Unit } from './unit-graph.js'

/** What a unit passes on to its dependencies (cargo's `UnitFor`, src/cargo/core/profiles.rs, reduced). */
export interface UnitFor {
  /** Built for the host: a build script or proc-macro, or a dependency of one. */
  host: boolean
  /**
   * Uses the host side's features (cargo's `host_features`): a build-dependency, a proc-macro, and what they
   * depend on. A build script of a normal dependency is built for the host with that dependency's features.
   */
  hostFeatures: boolean
  /** A dependency of a test harness: cargo forces `panic=unwind` on all of these. */
  test: boolean
}

/** One unit to find or create: package × target × mode × host/target, and what its own dependencies inherit. */
export interface UnitSpec {
  pkg: Package
  target: Target
  mode: CompileMode
  kind: CompileKind
  unitFor: UnitFor
}

/** A unit another one needs: a library it links (`--extern`), or (`link` null) a unit built before it. */
export interface Need extends UnitSpec {
  link: Omit<CrateDep, 'unit'> | null
}

/** What the dependency computation reads, and the interner it creates units with (cargo's `State`). */
export interface State {
  metadata: Metadata
  /** Every unit created so far, in creation order. */
  units: Unit[]
  infoFor(kind: CompileKind): TargetInfo
  /** The library target of a package, if any. */
  libOf(pkg: Package): Target | undefined
  sourceUsesCrate: SourceUsesCrate
  /** The invocation's features and activated optional dependencies. */
  features: ResolvedFeatures
  /** Tests, examples or benches are built (cargo's `HasDevUnits::Yes`). */
  hasDevUnits: boolean
  /** The requested target's and the host's: the platforms a platform-specific dependency edge counts on. */
  platforms: readonly TargetInfo[]
  /** Finds the unit for a spec or creates it (appending it to `units`); `root` marks it as selected. */
  intern(spec: UnitSpec, root: boolean): Unit
}

/**
 * What the `required-features` check reads: besides the features, which dependency edges count for `dep/feat`
 * (`PackageSet::filter_deps`): dev-dependencies only when tests, examples or benches are built, and a
 * platform-specific edge only when its platform is the requested target's or the host's.
 */
export type FeatureState = Pick<State, 'metadata' | 'features' | 'hasDevUnits' | 'platforms'>

/** A unit whose needs are being met, one at a time, depth first. */
interface Frame {
  unit: Unit
  needs: Need[]
  next: number
}

/** A dependency edge that applies to a unit, with the kinds of it that apply. */
interface AppliedDep {
  pkg: Package
  edge: DependencyEdge
  kinds: DependencyEdge['kinds']
  /** When every kind that applies is optional: what activated the dependency, nearest cause first. */
  activatedBy: readonly FeatureCause[] | null
}

/**
 * Follows `deps_of_roots`: creates each root unit and everything it depends on, root after root. Returns
 * the root units in order, each once.
 */
export function depsOfRoots(state: State, roots: readonly UnitSpec[]): Unit[] {
  const out: Unit[] = []
  for (const spec of roots) {
    const unit = depsOf(state, spec, true)
    if (!out.includes(unit)) out.push(unit)
  }
  return out
}

/**
 * Follows `deps_of`: finds or creates the unit and, when it is new, computes its dependencies once and
 * recurses into them. A stack rather than recursion, as a dependency chain can be far deeper than the call
 * stack; a unit's dependencies are all created before its next sibling, so units are numbered depth first.
 */
function depsOf(state: State, spec: UnitSpec, root: boolean): Unit {
  const pending: Frame[] = []
  const visit = (s: UnitSpec, isRoot: boolean): Unit => {
    const count = state.units.length
    const unit = state.intern(s, isRoot)
    if (state.units.length !== count) pending.push({ unit, needs: computeDeps(state, unit, s.unitFor), next: 0 })
    return unit
  }
  const unit = visit(spec, root)
  while (pending.length > 0) {
    const frame = pending[pending.length - 1]!
    const need = frame.needs[frame.next++]
    if (need === undefined) {
      pending.pop()
      continue
    }
    const { crates, buildsAfter } = frame.unit
    const dep = visit(need, false)
    if (need.link === null) buildsAfter.push(dep)
    // The package's own library is needed after the dependencies' libraries but passed to rustc first.
    else if (need.link.edge === 'own-lib') crates.unshift({ unit: dep, ...need.link })
    else crates.push({ unit: dep, ...need.link })
  }
  return unit
}

/**
 * Follows `compute_deps`: what a new unit needs, in this module's order (see the top of the file). Records
 * on the unit the dependencies cargo cannot pass to rustc.
 */
function computeDeps(state: State, unit: Unit, unitFor: UnitFor): Need[] {
  const { pkg, target, mode } = unit
  const needs: Need[] = []
  for (const { pkg: dep, edge, kinds, activatedBy } of deps(state, unit, unitFor)) {
    // `calc_artifact_deps` without artifact dependencies: the library target of the dependency, if any.
    const lib = state.libOf(dep)
    if (!lib) continue
    const first = kinds[0]!
    const named = loadedByRustc(state, unit, dep, lib, edge.externName)
    if (!lib.crateTypes.some(isLinkable)) {
      // Cargo still builds the library first, but passes no `--extern` for it: an error if the source names it.
      if (named) unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes })
      needs.push(newUnitDep(dep, lib, unit, unitFor, null))
      continue
    }
    // A dependency the source never names is still built first, but rustc does not load or link it.
    needs.push(newUnitDep(dep, lib, unit, unitFor, named ? { externName: edge.externName, edge: first.kind, platform: first.platform, activatedBy } : null))
  }
  // Compiling a build script needs its build-dependencies and nothing else.
  if (target.kind === 'custom-build') return needs
  // A library's doc tests link the library itself.
  if ((target.kind !== 'lib' && target.kind !== 'proc-macro') || mode === 'doctest') {
    const lib = maybeLib(state, unit, unitFor)
    if (lib) needs.push(lib)
    // Integration tests and benches run the package's binaries, so cargo builds them first.
    if ((target.kind === 'test' || target.kind === 'bench') && mode === 'test') {
      for (const bin of pkg.targets) {
        if (bin.kind !== 'bin' || !featuresSatisfied(state, bin, pkg)) continue
        // `UnitFor::new_normal` and `CompileKind::for_target`: not a dependency of the harness itself.
        needs.push({ pkg, target: bin, mode: 'build', kind: unit.kind, unitFor: { host: unitFor.host, hostFeatures: false, test: false }, link: null })
      }
    }
  }
  const script = depBuildScript(unit, unitFor)
  if (script) needs.push(script)
  return needs
}

/**
 * Follows `State::deps`: the dependency edges of the unit's package that apply to it. A build script gets
 * the build-dependencies and only it does; dev-dependencies apply to tests, examples, benches and anything
 * compiled as a test harness; a platform-specific dependency applies when its platform matches the unit's
 * (`RustcTargetData::dep_platform_activated`); an optional dependency applies when the invocation's features
 * activate it for the unit's side (`is_dep_activated`).
 */
function deps(state: State, unit: Unit, unitFor: UnitFor): AppliedDep[] {
  const { pkg, target, mode, kind } = unit
  const featuresFor = featuresForUnit(unitFor)
  const info = state.infoFor(kind)
  const isBuildScript = target.kind === 'custom-build'
  const includeDev = !isBuildScript && (target.kind === 'test' || target.kind === 'example' || target.kind === 'bench' || mode !== 'build')
  const out: AppliedDep[] = []
  for (const edge of pkg.deps) {
    const kinds = edge.kinds.filter(k => {
      if (isBuildScript ? k.kind !== 'build' : k.kind === 'build') return false
      if (k.kind === 'dev' && !includeDev) return false
      if (k.platform !== null && !matchesPlatform(k.platform, info, pkg)) return false
      return !k.declared?.optional || state.features.isDepActivated(pkg.id, featuresFor, k.declared.nameInToml)
    })
    if (kinds.length === 0) continue
    const optional = kinds.every(k => k.declared?.optional === true)
    const cause = optional ? state.features.dependencyCause(pkg.id, featuresFor, kinds[0]!.declared!.nameInToml) : null
    const activatedBy = cause === null ? null : causeChain(state.features, cause)
    out.push({ pkg: edge.pkg === pkg.id ? pkg : state.metadata.packages.get(edge.pkg)!, edge, kinds, activatedBy })
  }
  return out
}

/**
 * Follows `maybe_lib`: a bin, test, example or bench links its own package's library when the library is
 * Rust-linkable. When it is not, cargo passes nothing, and that breaks the target only if its source uses
 * the library; that case is recorded on the unit.
 */
function maybeLib(state: State, unit: Unit, unitFor: UnitFor): Need | null {
  const { pkg } = unit
  const lib = state.libOf(pkg)
  if (!lib) return null
  const libName = lib.name.replace(/-/g, '_')
  const named = loadedByRustc(state, unit, pkg, lib, libName)
  if (lib.crateTypes.some(isLinkable)) return newUnitDep(pkg, lib, unit, unitFor, named ? { externName: libName, edge: 'own-lib', platform: null, activatedBy: null } : null)
  if (named) unit.unlinkable.push({ pkg, externName: libName, edge: 'own-lib', crateTypes: lib.crateTypes })
  return null
}

/**
 * Whether rustc loads a library for the unit: only a crate the target's source names is loaded
 * (`CrateLoader`, on `extern crate`, a `use` or a path), and with it what it depends on. The sources are read
 * only where that decides linkage — a library with a `dylib`, `cdylib` or `staticlib` crate type, or one that
 * depends on a Rust dylib; any other is taken as used. For doc tests, the sources are the doc examples, with
 * the library rustdoc injects (`Unit.docTests`).
 */
function loadedByRustc(state: State, unit: Unit, libPkg: Package, lib: Target, externName: string): boolean {
  const decides = lib.crateTypes.some(t => t === 'dylib' || t === 'cdylib' || t === 'staticlib') || reachesRustDylib(state, libPkg)
  if (!decides) return true
  if (unit.docTests !== null) return unit.docTests.compiledNames === null || unit.docTests.compiledNames.includes(externName)
  const src = unit.target.srcPath
  // `test`-mode units compile `#[cfg(test)]` code, `harness = false` ones too (`--cfg test`). Without a harness
  // `#[test]` functions are expanded away, but the scan does not tell them apart: they count (an over-count).
  const test = unit.mode === 'test'
  return state.sourceUsesCrate(src, externName, test) || COMPANION_MACRO_SUFFIXES.some(suffix => state.sourceUsesCrate(src, externName + suffix, test))
}

/**
 * A crate's companion proc-macro crates (`serde_derive`, `tokio_macros`, `tracing_attributes`, `thiserror_impl`,
 * `clap_derive`) expand to code that names the crate (`extern crate serde as _serde;`), which the source scan
 * cannot see: a target that names the companion counts as naming the crate.
 */
export const COMPANION_MACRO_SUFFIXES = ['_derive', '_derives', '_macros', '_macro', '_attributes', '_impl', '_codegen']

const dylibReachers = new WeakMap<Metadata, Set<Package>>()

/**
 * Whether a package depends, through normal dependencies on any platform, on a package whose library is a Rust
 * `dylib`: loading its library then brings that dylib (and how it links `std`) into the dependent. One walk
 * per metadata, backwards from the dylibs; none at all in most workspaces.
 */
function reachesRustDylib(state: State, pkg: Package): boolean {
  let reachers = dylibReachers.get(state.metadata)
  if (reachers === undefined) {
    reachers = new Set()
    const queue = [...state.metadata.packages.values()].filter(p => state.libOf(p)?.crateTypes.includes('dylib'))
    const dependents = new Map<Package, Package[]>()
    for (const p of queue.length > 0 ? state.metadata.packages.values() : []) {
      for (const edge of p.deps) {
        const dep = state.metadata.packages.get(edge.pkg)
        if (dep === undefined || dep === p || !edge.kinds.some(k => k.kind === 'normal')) continue
        const list = dependents.get(dep)
        if (list) list.push(p)
        else dependents.set(dep, [p])
      }
    }
    for (let i = 0; i < queue.length; i++) {
      for (const dependent of dependents.get(queue[i]!) ?? []) {
        if (reachers.has(dependent)) continue
        reachers.add(dependent)
        queue.push(dependent)
      }
    }
    dylibReachers.set(state.metadata, reachers)
  }
  return reachers.has(pkg)
}

/**
 * Follows `dep_build_script`: a package's build script runs before any other target of the package is
 * compiled. The run is not a unit of its own here; the dependent waits for what the run needs.
 */
function depBuildScript(unit: Unit, unitFor: UnitFor): Need | null {
  const script = unit.pkg.targets.find(t => t.kind === 'custom-build')
  return script ? computeDepsCustomBuild(unit.pkg, script, unitFor) : null
}

/**
 * Follows `compute_deps_custom_build`: running a build script needs the script compiled, for the host
 * (`UnitFor::for_custom_build`). Cargo's links overrides and artifact build-dependencies are not replayed.
 */
function computeDepsCustomBuild(pkg: Package, script: Target, unitFor: UnitFor): Need {
  return { pkg, target: script, mode: 'build', kind: 'host', unitFor: { host: true, hostFeatures: unitFor.hostFeatures, test: false }, link: null }
}

/**
 * Follows `new_unit_dep` for a library a unit links: built as a library (`check_or_build_mode`), for the host
 * once the dependent or the library is for the host (`UnitFor::with_dependency`, `CompileKind::for_target`).
 */
function newUnitDep(pkg: Package, lib: Target, parent: Unit, unitFor: UnitFor, link: Need['link']): Need {
  const depFor = withDependency(unitFor, parent, lib)
  return { pkg, target: lib, mode: 'build', kind: depFor.host ? 'host' : parent.kind, unitFor: depFor, link }
}

/**
 * Follows `UnitFor::with_dependency` (src/cargo/core/profiles.rs): `host` is sticky, and set for a proc-macro
 * library and for whatever a build script or proc-macro depends on (cargo carries that in the parent's own
 * `UnitFor`); `test`, cargo's `PanicSetting::AlwaysUnwind` of `UnitFor::new_test`, is sticky and set below a
 * test harness.
 */
function withDependency(unitFor: UnitFor, parent: Unit, dep: Target): UnitFor {
  return {
    host: unitFor.host || isForHost(parent.target) || isForHost(dep),
    hostFeatures: unitFor.hostFeatures || parent.target.kind === 'custom-build' || isProcMacro(dep),
    test: unitFor.test || parent.mode === 'test' || parent.mode === 'doctest'
  }
}

/** Follows `RustcTargetData::dep_platform_activated` (src/cargo/core/compiler/build_context/target_info.rs). */
function matchesPlatform(platform: string, info: TargetInfo, pkg: Package): boolean {
  try {
    return platformMatches(platform, info.triple, info.cfg)
  } catch (e) {
    throw new UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${(e as Error).message}`)
  }
}

/** `UnitFor::map_to_features_for`, without artifact dependencies. */
function featuresForUnit(unitFor: UnitFor): FeaturesFor {
  return unitFor.hostFeatures ? 'host' : 'normal'
}

/**
 * The `required-features` check of `proposals_to_units` and `compute_deps`: each is among the package's
 * features for normal units, or a `dep/feature` among its dependencies' (`resolve_all_features`,
 * src/cargo/core/compiler/unit_dependencies.rs).
 */
export function featuresSatisfied(state: FeatureState, target: Target, pkg: Package): boolean {
  if (target.requiredFeatures.length === 0) return true
  const own = state.features.activatedFeatures(pkg.id, 'normal')
  return target.requiredFeatures.every(f => {
    if (own.has(f)) return true
    // `resolve_all_features` writes each dependency feature as `name/feature`: a weak `name?/feature` is none.
    const fv = featureValue(f)
    if (fv.kind !== 'dep-feature' || fv.weak) return false
    return pkg.deps.some(edge =>
      edge.kinds.some(k => {
        if (declarationOf(edge, k).nameInToml !== fv.depName) return false
        if (k.kind === 'dev' && !state.hasDevUnits) return false
        if (k.platform !== null && !state.platforms.some(info => matchesPlatform(k.platform!, info, pkg))) return false
        const dep = state.metadata.packages.get(edge.pkg)!
        const host = k.kind === 'build' || hasProcMacroLib(dep)
        return state.features.activatedFeatures(dep.id, host ? 'host' : 'normal').has(fv.depFeature)
      })
    )
  })
}

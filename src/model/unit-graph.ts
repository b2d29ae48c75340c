/**
 * The unit graph cargo would build for an invocation, replayed from cargo 0.96.0 (the cargo of Rust 1.95,
 * rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850). Cargo:
 *
 *  1. generates the root units (`UnitGenerator::generate_root_units`, src/cargo/ops/cargo_compile/unit_generator.rs):
 *     the targets the command selects in each selected package, each with a compile mode, skipping those
 *     whose required features are not enabled (refusing them when named on the command line);
 *  2. computes each unit's dependencies once, recursively from the roots (`build_unit_dependencies`,
 *     `deps_of_roots`, `deps_of`, `compute_deps`, src/cargo/core/compiler/unit_dependencies.rs; here in
 *     `unit-dependencies.ts`): the libraries of the dependencies that apply to the unit, the package's build
 *     script, its own library, and for integration tests and benches its binaries;
 *  3. gives each unit, as it interns it, its profile (`Profiles::get_profile`, src/cargo/core/profiles.rs),
 *     from which rustc's arguments follow (`build_base_args`, src/cargo/core/compiler/mod.rs);
 *  4. decides LTO from each root down (`lto::generate`, src/cargo/core/compiler/lto.rs).
 *
 * Not replayed: documentation units (`compute_deps_doc`, `cargo doc`, doctests, scrape-examples) and
 * `check_or_build_mode`'s check mode; `-Zbuild-std` (`calc_deps_of_std`, `attach_std_deps`); artifact
 * dependencies (`calc_artifact_deps`, `artifact_targets_to_unit_deps`); `-Zdual-proc-macros`; a build
 * script's run as a unit of its own, hence `connect_run_custom_build_deps` and links overrides; the check
 * of duplicate `links` keys (`validate_links`, src/cargo/core/compiler/links.rs); several `--target`s,
 * `forced-target` and `default-target`; `cargo rustc --crate-type`; and the merging of host and target
 * units of a build without `--target` (`rebuild_unit_graph_shared`, src/cargo/ops/cargo_compile/mod.rs).
 */
import { UserError } from '../errors.js'
import { type BuildContext, commandProfile, type CompileKind, type CompileMode } from './build-context.js'
import { releaseAtLeast } from './compiler-behaviour.js'
import { canLto, type CrateType, isDynamic } from './crate-type.js'
import { type FeatureCause, metadataFeatures, procMacroDependencyByAnyTarget, type ResolvedFeatures } from './features.js'
import { type Invocation, needsDevDependencies } from './invocation.js'
import type { DependencyKind, Metadata, Package, Target } from './metadata.js'
import type { PanicStrategy, ProfileSettings } from './profile.js'
import { codegenOptions, flagEnabled } from './rustc-flags.js'
import type { TargetInfo } from './target-info.js'
import { checkNamedTargets, defaultBenched, generateRootUnits, libTarget, type TargetBenched, type TargetSelection } from './root-units.js'
import { isForHost, isProcMacro } from './target-roles.js'
import { depsOfRoots, type State } from './unit-dependencies.js'

/**
 * Cargo's LTO decision for one unit (`Lto` in src/cargo/core/compiler/lto.rs): `run` passes `-C lto[=x]`,
 * `off` passes `-C lto=off`, `only-bitcode` `-C linker-plugin-lto`, `only-object` `-C embed-bitcode=no`,
 * `object-and-bitcode` nothing.
 */
export type CargoLto =
  | { kind: 'run'; value: string | null }
  | { kind: 'off' | 'only-bitcode' | 'object-and-bitcode' | 'only-object' }

/** Why a unit gets `-C prefer-dynamic`: `rustdocflags` for doc tests, which `rustdoc` compiles with those. */
export type PreferDynamicReason = 'proc-macro' | 'non-primary-dylib' | 'rustflags' | 'rustdocflags'

/** A dependency of a unit on a library it links against (`--extern`). */
export interface CrateDep {
  unit: Unit
  /** The name the dependent uses for it (after renames). */
  externName: string
  /** The manifest section of the edge: `normal`, `build`, `dev`, or `own-lib` for a package's own library. */
  edge: DependencyKind | 'own-lib'
  /** The platform condition of the edge, if any. */
  platform: string | null
  /** For an optional dependency: what the invocation's features activated it with, nearest cause first. */
  activatedBy: readonly FeatureCause[] | null
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
 * Whether a target's source refers to a crate by name, compiled with `cfg(test)` (`test`: `rustc --test`, or
 * `--cfg test` for a `harness = false` target; `#[cfg(test)]` code is in) or not. Cargo gives a package's own
 * library to its other targets only when the library is Rust-linkable; whether that breaks a target depends on
 * its source.
 */
export type SourceUsesCrate = (srcPath: string, crate: string, test: boolean) => boolean

/**
 * Whether a target's `test`-mode units are test harnesses (`harness = …` in its manifest table, which `cargo
 * metadata` does not print; cargo's default is true for every kind).
 */
export type TargetHarness = (pkg: Package, target: Target) => boolean

/** What `rustdoc --test` does with a library's doc examples: nothing (there are none), compiles some, or compiles and runs some. */
export type DocExamples = 'none' | 'compile' | 'run'

/**
 * The programs `rustdoc --test` builds from a library's doc examples: whether it compiles any, and runs any,
 * and the crates they load by name (`rust-source/doc-examples.ts`).
 */
export interface DocTests {
  examples: DocExamples
  /** The names (extern names) of the crates the compiled examples load; null when the scan cannot tell (any). */
  compiledNames: readonly string[] | null
  /** The names of the crates the programs rustdoc runs load; null when the scan cannot tell (any). */
  runNames: readonly string[] | null
}

/** The doc tests of a library, over its whole module tree. */
export type LibraryDocTests = (pkg: Package, lib: Target) => DocTests

/** Doc tests that may load every crate: what a library without a readable source is taken to have. */
export const ANY_DOC_TESTS: DocTests = { examples: 'run', compiledNames: null, runNames: null }

/** `cargo test --no-run`: rustdoc builds nothing. */
const NO_DOC_TESTS: DocTests = { examples: 'none', compiledNames: [], runNames: [] }

/** What the unit graph reads beyond metadata, context and invocation; each has a default for tests and tools. */
export interface UnitGraphOptions {
  /** Default: every target uses every crate it could. */
  sourceUsesCrate?: SourceUsesCrate
  /** The invocation's features; default: those of `cargo metadata`'s resolve. */
  features?: ResolvedFeatures
  /** Default: every library's doc examples run, and may load every crate. */
  docTestsOf?: LibraryDocTests
  /** Default: `defaultBenched`. */
  benched?: TargetBenched
  /** Default: every target is a test harness in `test` mode. */
  harness?: TargetHarness
}

/** One rustc invocation cargo would make: package × target × mode × host/target, with its settings. */
export interface Unit {
  index: number
  pkg: Package
  target: Target
  mode: CompileMode
  kind: CompileKind
  /**
   * Compiled as a test harness (`rustc --test`): a `test`-mode unit of a target with `harness = true`, cargo's
   * default. A `harness = false` target's `test`-mode unit gets `--cfg test` instead (`build_base_args`): its
   * `#[cfg(test)]` code is compiled, but rustc injects no harness and links no `test` crate.
   */
  harness: boolean
  /** The package's features the unit is compiled with (`--cfg feature=…`), sorted, as cargo's unit graph lists them. */
  features: readonly string[]
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
  /** For doc tests (`doctest` mode), what rustdoc compiles and runs; null for other units. */
  docTests: DocTests | null
  /** Selected on the command line (a root unit). */
  root: boolean
  /** The package has a root unit (cargo's primary packages: `-C prefer-dynamic` spares its dylib). */
  primary: boolean
}

export interface UnitGraph {
  units: Unit[]
  roots: Unit[]
  /** Warnings cargo would print about the selection (unmatched `--exclude`, skipped targets). */
  warnings: string[]
}

const dependencyLists = new WeakMap<Unit, readonly Unit[]>()

/**
 * The units a unit depends on: the libraries it links, then the units built before it. Read only once the
 * graph is built: the list is made once and kept for the unit's later readers.
 */
export function dependenciesOf(unit: Unit): readonly Unit[] {
  let deps = dependencyLists.get(unit)
  if (deps === undefined) dependencyLists.set(unit, (deps = [...unit.crates.map(c => c.unit), ...unit.buildsAfter]))
  return deps
}

const parentsByUnit = new WeakMap<Unit, Map<Unit, Unit | null>>()

/** The units along the shortest chain of linked crates from `from` to `to` (both included), or none. */
export function linkChain(from: Unit, to: Unit): Unit[] {
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
  if (!previous.has(to)) return []
  const chain: Unit[] = []
  for (let u: Unit | null = to; u !== null; u = previous.get(u) ?? null) chain.unshift(u)
  return chain
}

/**
 * The units that must finish before cargo starts this one. Follows `JobQueue::enqueue`
 * (cargo/src/cargo/core/compiler/job_queue/mod.rs): "Binaries aren't actually needed to *compile*
 * tests, just to run them", so an integration test's edges to its package's bins are not waited on,
 * and a bin that fails does not stop the test from compiling and linking on its own.
 */
export function jobDependenciesOf(unit: Unit): Unit[] {
  return dependenciesOf(unit).filter(dep => dep.target.kind !== 'test' && dep.target.kind !== 'bin')
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
  options: UnitGraphOptions = {}
): UnitGraph {
  const {
    sourceUsesCrate = () => true,
    features = metadataFeatures(metadata),
    docTestsOf = () => ANY_DOC_TESTS,
    benched = (_pkg, target) => defaultBenched(target),
    harness = () => true
  } = options
  const units: Unit[] = []
  const libs = new Map<Package, Target | undefined>()
  const warnings: string[] = []
  const profile = commandProfile(context, invocation.command)
  const infoFor = (kind: CompileKind): TargetInfo => (kind === 'host' ? context.host : context.target)
  checkNamedTargets(invocation, selected)
  const release = context.rustc.release
  const selection: TargetSelection = {
    benched,
    benchBuildsExamples: releaseAtLeast(release, 1, 89),
    activationPanic: releaseAtLeast(release, 1, 83) ? 'did not find features for … within activated_features' : 'activated_features for invalid package: features did not find …'
  }
  const featureState = { metadata, features, hasDevUnits: needsDevDependencies(invocation), platforms: [context.target, context.host] }
  const rootSpecs = generateRootUnits(featureState, selected, invocation, selection, warnings)
  // Cargo's primary packages are the packages of the root units (`BuildRunner::prepare_units`), not the
  // selected ones: with `--examples`, a selected package without examples is not primary.
  const primary = new Set(rootSpecs.map(s => s.pkg.id))
  const state: State = {
    ...featureState,
    units,
    infoFor,
    libOf: pkg => {
      if (!libs.has(pkg)) libs.set(pkg, libTarget(pkg))
      return libs.get(pkg)
    },
    sourceUsesCrate,
    intern: unitInterner(units, infoFor, profile, primary, features, { docTestsOf: invocation.noRun ? () => NO_DOC_TESTS : docTestsOf, harness }, procMacroDependencyByAnyTarget(release), context.panicAbortTests === true)
  }
  const roots = depsOfRoots(state, rootSpecs)
  assignLto(roots, profile)
  return { units, roots, warnings }
}

/**
 * Follows `UnitInterner::intern` (src/cargo/core/compiler/unit.rs): one unit per package × target × mode ×
 * host/target × panic setting × features, created on first request with the settings of
 * `Profiles::get_profile` and `build_base_args`; a later request returns the same unit (and, as in
 * `deps_of`, the dependencies computed for the first).
 */
function unitInterner(
  units: Unit[],
  infoFor: (kind: CompileKind) => TargetInfo,
  profile: ProfileSettings,
  primary: ReadonlySet<string>,
  features: ResolvedFeatures,
  targets: { docTestsOf: LibraryDocTests; harness: TargetHarness },
  hostOnlyProcMacroDependencies: boolean,
  panicAbortTests: boolean
): State['intern'] {
  const byKey = new Map<number, Unit>()
  const targetIds = new Map<Target, number>()
  const featuresByPackage = new Map<Package, PackageFeatures>()
  return ({ pkg, target, mode, kind, unitFor }, root) => {
    // `UnitFor`'s `PanicSetting::AlwaysUnwind`: host units always; test harnesses and what they link unless
    // cargo's `-Zpanic-abort-tests` makes `UnitFor::new_test` read the profile.
    const panicForced = unitFor.host || isForHost(target) || (!panicAbortTests && (unitFor.test || mode !== 'build'))
    // A unit's features are its package's on its side (`FeaturesFor::from_for_host`). The side follows
    // host/target except for build scripts, built for the host with either side's features: a package
    // whose sides differ gets one build script per side, as cargo builds it.
    let sides = featuresByPackage.get(pkg)
    if (sides === undefined) featuresByPackage.set(pkg, (sides = packageFeatures(features, pkg)))
    if (hostOnlyProcMacroDependencies && !root && !features.isActivated(pkg.id, unitFor.hostFeatures ? 'host' : 'normal')) throw resolvedForHostOnly(pkg)
    const featureSide = sides.differ && unitFor.hostFeatures ? 1 : 0
    // Targets are unique objects per package: a small integer identifies package × target.
    let targetId = targetIds.get(target)
    if (targetId === undefined) targetIds.set(target, (targetId = targetIds.size))
    // The interner's key holds the profile, which the forced unwind changes only when the profile aborts.
    const unwindsInstead = panicForced && profile.panic !== 'unwind'
    const key = targetId * 32 + featureSide * 16 + MODE_KEY[mode] * 4 + (kind === 'host' ? 2 : 0) + (unwindsInstead ? 1 : 0)
    const existing = byKey.get(key)
    if (existing) {
      existing.root ||= root
      return existing
    }
    const info = infoFor(kind)
    // `TargetInfo::rustc_outputs` (src/cargo/core/compiler/build_context/target_info.rs) drops the crate
    // types the target does not support.
    const requested: CrateType[] = mode === 'build' ? target.crateTypes : ['bin']
    const crateTypes = requested.filter(t => info.supportedCrateTypes.has(t))
    const droppedCrateTypes = requested.filter(t => !info.supportedCrateTypes.has(t))
    // rustdoc compiles doc tests with RUSTDOCFLAGS (`unit.rustdocflags`, `run_doc_tests`), never with RUSTFLAGS;
    // of those, only `-C prefer-dynamic` is read.
    const rustflags = mode === 'doctest' ? [] : info.rustflags
    let preferDynamic: PreferDynamicReason | null = null
    if (isProcMacro(target)) preferDynamic = 'proc-macro'
    else if (mode === 'build' && target.crateTypes.includes('dylib') && !primary.has(pkg.id)) preferDynamic = 'non-primary-dylib'
    else if (flagEnabled(codegenOptions(rustflags, 'prefer-dynamic'))) preferDynamic = 'rustflags'
    else if (mode === 'doctest' && flagEnabled(codegenOptions(info.rustdocflags, 'prefer-dynamic'))) preferDynamic = 'rustdocflags'
    const { panic, panicSource } = panicOf(profile, unwindsInstead, rustflags)
    const unit: Unit = {
      index: units.length,
      pkg,
      target,
      mode,
      kind,
      harness: mode === 'test' && targets.harness(pkg, target),
      features: unitFor.hostFeatures ? sides.host : sides.normal,
      crateTypes,
      droppedCrateTypes,
      preferDynamic,
      panic,
      panicSource,
      lto: { kind: 'object-and-bitcode' },
      // The profile's `-C rpath` comes before the rustflags, which can turn it on or off (`build_base_args`,
      // then `prepare_rustc`); `run_doc_tests` passes neither.
      rpath: mode !== 'doctest' && flagEnabled([...(profile.rpath ? [''] : []), ...codegenOptions(rustflags, 'rpath')]),
      crtStatic: isProcMacro(target) ? false : info.crtStaticExecutables,
      rustflags,
      targetInfo: info,
      crates: [],
      unlinkable: [],
      buildsAfter: [],
      docTests: mode === 'doctest' ? targets.docTestsOf(pkg, target) : null,
      root,
      primary: primary.has(pkg.id)
    }
    units.push(unit)
    byKey.set(key, unit)
    return unit
  }
}

interface PackageFeatures {
  normal: readonly string[]
  host: readonly string[]
  differ: boolean
}

/** The package's features on the normal and the host side, sorted. */
function packageFeatures(features: ResolvedFeatures, pkg: Package): PackageFeatures {
  const normal = Object.freeze([...features.activatedFeatures(pkg.id, 'normal').keys()].sort())
  const host = Object.freeze([...features.activatedFeatures(pkg.id, 'host').keys()].sort())
  const differ = normal.length !== host.length || normal.some((f, i) => f !== host[i])
  return { normal, host: differ ? host : normal, differ }
}

const MODE_KEY: Readonly<Record<CompileMode, number>> = { build: 0, test: 1, doctest: 2 }

/** `Profiles::get_profile`'s panic strategy, then rustflags' `-C panic`. */
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

/**
 * `activated_features` panics on a unit whose package the feature resolver never reached on its side. Before
 * cargo 1.80 that happened to the library of a dependency with a proc-macro example (rust-lang/cargo#13726):
 * the resolver took the dependency for a proc-macro and resolved it for the host only.
 */
function resolvedForHostOnly(pkg: Package): UserError {
  return new UserError(
    `cargo before 1.80 cannot build \`${pkg.name}\` here: it takes a dependency with a proc-macro example for a proc-macro and resolves its features for the host only, so its library has none for the target, and cargo stops with an internal error ("activated_features for invalid package"); cargo 1.80 and later build it (rust-lang/cargo#13726)`
  )
}

/** Follows `lto::generate` and `calculate` (src/cargo/core/compiler/lto.rs): LTO from each root unit down. */
function assignLto(roots: Unit[], profile: ProfileSettings): void {
  const assigned = new Map<Unit, CargoLto>()
  const requestedTypes = (u: Unit): CrateType[] => (u.mode === 'build' ? u.target.crateTypes : ['bin'])
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
  const stack: { deps: readonly Unit[]; lto: CargoLto; next: number }[] = []
  const calculate = (unit: Unit, parent: CargoLto): void => {
    const types = requestedTypes(unit)
    let lto: CargoLto
    if (isForHost(unit.target)) lto = { kind: 'only-object' }
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
    else if (isForHost(root.target)) rootLto = { kind: 'only-object' }
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

/**
 * Cargo's feature resolver, replayed for one invocation: which features of each package are on, and which of
 * its optional dependencies, for what the invocation selects — not `cargo metadata`'s resolve, which unifies
 * every member, every platform and dev-dependencies.
 *
 * Follows `src/cargo/core/resolver/features.rs` of cargo 0.96.0 (rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850,
 * the cargo of Rust 1.95), function by function:
 *
 *   resolveFeatures        `FeatureResolver::resolve` and `do_resolve`
 *   membersWithFeatures    `Workspace::members_with_features` (src/cargo/core/workspace.rs), new and old CLI behaviour
 *   activatePkg            `activate_pkg`
 *   activateFv             `activate_fv`
 *   activateRec            `activate_rec`
 *   activateDependency     `activate_dependency`
 *   activateDepFeature     `activate_dep_feature`
 *   fvsFromDependency      `fvs_from_dependency`
 *   fvsFromRequested       `fvs_from_requested`
 *   deps                   `deps` and its `platform_activated`
 *
 * The command line's refusals (`members_with_features_new`, `report_unknown_features_error`) are in
 * `feature-refusals.ts`.
 *
 * The dependency edges are those of the metadata's resolve, which (run on the whole workspace with the same
 * feature flags) holds every edge the invocation can activate; of its dev-dependency edges, only those of the
 * invocation's roots count, as in the resolve cargo makes for the invocation (`resolve_with_previous`). Not
 * replayed: artifact dependencies (`FeaturesFor::ArtifactDep`) and `-Zfeatures`.
 *
 * The recursion of cargo's functions is a work list here (a dependency chain can be deeper than the call
 * stack); the result is the same fixed point, since activation only ever adds.
 */
import { platformMatches } from './cfg.js'
import { releaseAtLeast } from './compiler-behaviour.js'
import type { Invocation } from './invocation.js'
import { type DeclaredDependency, type EdgeKind, memberPackages, type Metadata, type Package, type PackageId } from './metadata.js'
import type { TargetInfo } from './target-info.js'
import { isProcMacro } from './target-roles.js'

/** The feature resolver cargo uses: `resolver = "1"`, or `"2"` (`"3"` resolves features as `"2"` does). */
export type ResolverVersion = 1 | 2

/** cargo's `FeaturesFor`: features for normal and dev dependencies, or for the host side (build deps, proc-macros). */
export type FeaturesFor = 'normal' | 'host'

/** The features that are on for a package: a set, or a map from each to its cause. */
export type FeatureSet = Pick<ReadonlySet<string>, 'has' | 'keys'>

/** The features on, and the optional dependencies activated, for each package on each side. */
export interface ResolvedFeatures {
  /** `ResolvedFeatures::activated_features`; empty for a package nothing activates. */
  activatedFeatures(pkg: PackageId, featuresFor: FeaturesFor): FeatureSet
  /**
   * Whether the resolver reached the package on this side (`activated_features_unverified` is `Some`), even
   * with no feature on. Cargo panics when a root unit's package was not: `-p` of a build-only dependency.
   */
  isActivated(pkg: PackageId, featuresFor: FeaturesFor): boolean
  /** `ResolvedFeatures::is_dep_activated`: an optional dependency, by its name in the manifest. */
  isDepActivated(pkg: PackageId, featuresFor: FeaturesFor, nameInToml: string): boolean
  /** What first turned the feature on; null when it is off or nothing was recorded. */
  featureCause(pkg: PackageId, featuresFor: FeaturesFor, feature: string): FeatureCause | null
  /** What first activated the optional dependency; null when it is not activated or nothing was recorded. */
  dependencyCause(pkg: PackageId, featuresFor: FeaturesFor, nameInToml: string): FeatureCause | null
}

/**
 * Where a request for a feature or an optional dependency comes from. Cargo keeps no such record (`cargo tree
 * -e features -i` reconstructs it); the resolver notes the first request for each, which is enough to say
 * which manifest line turns a dependency on.
 */
export type FeatureOrigin =
  /** The command line: `--features`, `--all-features`, or the default features of a selected package. */
  | { by: 'command-line'; pkg: Package }
  /** A value of the `[features]` entry `feature` of `pkg`, itself on for `featuresFor`. */
  | { by: 'feature'; pkg: Package; featuresFor: FeaturesFor; feature: string }
  /** The declaration of dependency `nameInToml` in `pkg`'s manifest: its `features` list, or its default features. */
  | { by: 'dependency'; pkg: Package; nameInToml: string }

/** The first request for a feature or an optional dependency: where it comes from and its text (`dep:x`, `x/f`, `default`). */
export interface FeatureCause {
  origin: FeatureOrigin
  value: string
}

/**
 * The causes behind a cause, nearest first: a value of a `[features]` entry is there because that entry is on,
 * which has a cause of its own, up to a dependency declaration or the command line.
 */
export function causeChain(features: ResolvedFeatures, cause: FeatureCause): FeatureCause[] {
  const chain = [cause]
  for (let c: FeatureCause | null = cause; c.origin.by === 'feature'; ) {
    const { pkg, featuresFor, feature } = c.origin
    c = features.featureCause(pkg.id, featuresFor, feature)
    // Each cause was recorded before what it caused, so the chain ends; the bound only guards that.
    if (c === null || chain.length > 256) break
    chain.push(c)
  }
  return chain
}

/** What the invocation asks of the resolver. */
export interface FeatureRequest {
  resolver: ResolverVersion
  /** The packages the invocation selects (`-p`, `--workspace`, the default members). */
  selected: readonly Package[]
  /**
   * The package of the manifest cargo runs on; null for a virtual root manifest (`Workspace::is_virtual`, which
   * asks of that manifest, not of the root). Under resolver "1" a package's manifest gets the old command-line
   * behaviour: `--features` apply to it, and it is resolved even when `-p` selects others.
   */
  current: Package | null
  features: readonly string[]
  allFeatures: boolean
  noDefaultFeatures: boolean
  /** Tests, examples or benches are built, so dev-dependencies are (cargo's `HasDevUnits::Yes`). */
  hasDevUnits: boolean
  host: TargetInfo
  /** The requested target (`--target`), or the host. */
  target: TargetInfo
  /** `procMacroDependencyByAnyTarget` of the cargo release. */
  procMacroDependencyByAnyTarget: boolean
}

/**
 * Whether this cargo release takes a dependency for a proc-macro, and resolves it on the host side only, when
 * any of its targets is one, a proc-macro example too: before 1.80 (rust-lang/cargo@0ead10eeb). The library of
 * such a dependency then has no features for the target, and cargo panics on it.
 */
export function procMacroDependencyByAnyTarget(release: string): boolean {
  return !releaseAtLeast(release, 1, 80)
}

/**
 * The features of `cargo metadata`'s own resolve, on both sides, with every resolved edge active: what the
 * analysis uses when the feature resolver cannot be replayed (the workspace manifest is not readable).
 */
export function metadataFeatures(metadata: Metadata): ResolvedFeatures {
  const sets = new Map([...metadata.packages.values()].map(p => [p.id, new Set(p.features)]))
  return {
    activatedFeatures: pkg => sets.get(pkg) ?? EMPTY,
    isActivated: () => true,
    isDepActivated: () => true,
    featureCause: () => null,
    dependencyCause: () => null
  }
}

/** Features requested for one member from the command line (cargo's `CliFeatures`). */
interface CliFeatures {
  features: FeatureValue[]
  allFeatures: boolean
  usesDefaultFeatures: boolean
}

/** cargo's `FeatureValue`. */
export type FeatureValue = { kind: 'feature'; feature: string } | { kind: 'dep'; depName: string } | { kind: 'dep-feature'; depName: string; depFeature: string; weak: boolean }

/** The text of a feature value, as written in a manifest or on the command line. */
export function featureValueText(fv: FeatureValue): string {
  if (fv.kind === 'feature') return fv.feature
  if (fv.kind === 'dep') return `dep:${fv.depName}`
  return `${fv.depName}${fv.weak ? '?' : ''}/${fv.depFeature}`
}

/** `FeatureValue::new`: `dep:name`, `name/feature`, `name?/feature`, or a feature. */
export function featureValue(text: string): FeatureValue {
  const slash = text.indexOf('/')
  if (slash >= 0) {
    const name = text.slice(0, slash)
    const weak = name.endsWith('?')
    return { kind: 'dep-feature', depName: weak ? name.slice(0, -1) : name, depFeature: text.slice(slash + 1), weak }
  }
  if (text.startsWith('dep:')) return { kind: 'dep', depName: text.slice('dep:'.length) }
  return { kind: 'feature', feature: text }
}

/** A declaration as the resolver reads it: the metadata's, or a plain required one when the metadata has none. */
export function declarationOf(edge: { externName: string }, kind: EdgeKind): DeclaredDependency {
  return kind.declared ?? { nameInToml: edge.externName, optional: false, features: [], defaultFeatures: true }
}

/** A dependency of a package on one side, with the side its own features go to (an element of cargo's `deps`). */
interface AppliedDep {
  dep: Package
  declared: DeclaredDependency
  depFk: FeaturesFor
  /** The declaration as the origin of the features it asks for. */
  origin: FeatureOrigin
}

/** What the resolver has found for one package on one side (cargo's maps, keyed by package and side). */
interface Side {
  /** `activated_features`, keyed by the applied side, with what first turned each on. */
  features: Map<string, FeatureCause> | null
  /** `activated_dependencies`, keyed by the applied side, with what first activated each. */
  dependencies: Map<string, FeatureCause> | null
  /** `processed_deps` and `deferred_weak_dependencies` (each deferred feature with its cause), keyed by the side as asked. */
  processed: boolean
  deferredWeak: Map<string, Map<string, FeatureCause>> | null
  /** `deps` for this side, computed once. */
  deps: AppliedDep[] | null
}

/** `FeatureResolver::resolve`: every selected member, then everything its features and dependencies reach. */
export function resolveFeatures(metadata: Metadata, request: FeatureRequest): ResolvedFeatures {
  // `FeatureOpts::new_behavior`.
  const v2 = request.resolver === 2
  const opts = { decoupleHostDeps: v2, decoupleDevDeps: v2 && !request.hasDevUnits, ignoreInactiveTargets: v2 }
  const trackForHost = opts.decoupleHostDeps || opts.ignoreInactiveTargets
  /** `FeaturesFor::apply_opts`: one namespace for everything unless host dependencies are decoupled. */
  const applied = (fk: FeaturesFor): FeaturesFor => (opts.decoupleHostDeps ? fk : 'normal')
  // The roots of the invocation's resolve (`resolve_with_previous`): only they have their dev-dependencies in it,
  // since the dependency resolver activates every other package with `dev_deps: false`. `cargo metadata`'s
  // resolve has every member's.
  const roots = membersWithFeatures(metadata, request)
  const withDevDependencies = new Set(roots.map(([member]) => member))

  const sides = new Map<Package, { normal: Side; host: Side }>()
  const sideOf = (pkg: Package, fk: FeaturesFor): Side => {
    let both = sides.get(pkg)
    if (both === undefined) sides.set(pkg, (both = { normal: newSide(), host: newSide() }))
    return both[fk]
  }
  const parsedFeatures = new Map<Package, Map<string, FeatureValue[]>>()
  /** The package's feature table, each value parsed once. */
  const featureMapOf = (pkg: Package): ReadonlyMap<string, FeatureValue[]> => {
    if (pkg.featureMap.size === 0) return NO_FEATURES
    let map = parsedFeatures.get(pkg)
    if (map === undefined) parsedFeatures.set(pkg, (map = new Map([...pkg.featureMap].map(([name, values]) => [name, values.map(featureValue)]))))
    return map
  }
  const tasks: (() => void)[] = []

  /** `deps`: the dependencies of a package that apply on one side, each with the side its features go to. */
  const deps = (pkg: Package, fk: FeaturesFor): AppliedDep[] => {
    const side = sideOf(pkg, fk)
    if (side.deps !== null) return side.deps
    const out: AppliedDep[] = []
    for (const edge of pkg.deps) {
      const dep = metadata.packages.get(edge.pkg)!
      for (const kind of edge.kinds) {
        if (kind.platform !== null && opts.ignoreInactiveTargets && !platformActivated(kind, fk, request)) continue
        if (kind.kind === 'dev' && (opts.decoupleDevDeps || !withDevDependencies.has(pkg))) continue
        const procMacro = request.procMacroDependencyByAnyTarget ? hasAnyProcMacro(dep) : hasProcMacroLib(dep)
        const depFk: FeaturesFor = fk !== 'host' && trackForHost && (kind.kind === 'build' || procMacro) ? 'host' : fk
        const declared = declarationOf(edge, kind)
        out.push({ dep, declared, depFk, origin: { by: 'dependency', pkg, nameInToml: declared.nameInToml } })
      }
    }
    return (side.deps = out)
  }
  const featuresOf = (pkg: Package, fk: FeaturesFor): Map<string, FeatureCause> => {
    const side = sideOf(pkg, applied(fk))
    return (side.features ??= new Map())
  }

  // Each function takes, besides cargo's arguments, the cause of the value it activates.
  const activatePkg = (pkg: Package, fk: FeaturesFor, fvs: readonly FeatureValue[], origin: FeatureOrigin): void => {
    featuresOf(pkg, fk)
    for (const fv of fvs) activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) })
    const side = sideOf(pkg, fk)
    if (side.processed) return
    side.processed = true
    for (const { dep, declared, depFk, origin: declaration } of deps(pkg, fk)) {
      if (declared.optional) continue
      tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration))
    }
  }

  const activateFv = (pkg: Package, fk: FeaturesFor, fv: FeatureValue, cause: FeatureCause): void => {
    if (fv.kind === 'feature') activateRec(pkg, fk, fv.feature, cause)
    else if (fv.kind === 'dep') activateDependency(pkg, fk, fv.depName, cause)
    else activateDepFeature(pkg, fk, fv.depName, fv.depFeature, fv.weak, cause)
  }

  const activateRec = (pkg: Package, fk: FeaturesFor, feature: string, cause: FeatureCause): void => {
    const enabled = featuresOf(pkg, fk)
    if (enabled.has(feature)) return
    enabled.set(feature, cause)
    const fvs = featureMapOf(pkg).get(feature)
    if (fvs === undefined) return
    const origin: FeatureOrigin = { by: 'feature', pkg, featuresFor: applied(fk), feature }
    for (const fv of fvs) tasks.push(() => activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) }))
  }

  const activateDependency = (pkg: Package, fk: FeaturesFor, depName: string, cause: FeatureCause): void => {
    const appliedSide = sideOf(pkg, applied(fk))
    const activated = (appliedSide.dependencies ??= new Map())
    if (!activated.has(depName)) activated.set(depName, cause)
    const side = sideOf(pkg, fk)
    const toEnable = side.deferredWeak?.get(depName)
    side.deferredWeak?.delete(depName)
    for (const { dep, declared, depFk, origin: declaration } of deps(pkg, fk)) {
      if (declared.nameInToml !== depName) continue
      for (const [depFeature, weakCause] of toEnable ?? []) tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), weakCause))
      tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration))
    }
  }

  const activateDepFeature = (pkg: Package, fk: FeaturesFor, depName: string, depFeature: string, weak: boolean, cause: FeatureCause): void => {
    for (const { dep, declared, depFk } of deps(pkg, fk)) {
      if (declared.nameInToml !== depName) continue
      if (declared.optional) {
        if (weak && sideOf(pkg, applied(fk)).dependencies?.has(depName) !== true) {
          const side = sideOf(pkg, fk)
          const deferred = (side.deferredWeak ??= new Map())
          const features = deferred.get(depName) ?? new Map<string, FeatureCause>()
          if (!features.has(depFeature)) features.set(depFeature, cause)
          deferred.set(depName, features)
          continue
        }
        activateFv(pkg, fk, { kind: 'dep', depName }, cause)
        if (!weak && pkg.featureMap.has(depName)) activateRec(pkg, fk, depName, cause)
      }
      tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), cause))
    }
  }

  // `do_resolve`: each selected member with its command-line features; a member with a proc-macro is
  // resolved for both sides when the host is tracked.
  for (const [member, cli] of roots) {
    const fvs = fvsFromRequested(member, cli)
    const origin: FeatureOrigin = { by: 'command-line', pkg: member }
    if (trackForHost && hasAnyProcMacro(member)) tasks.push(() => activatePkg(member, 'host', fvs, origin))
    tasks.push(() => activatePkg(member, 'normal', fvs, origin))
    while (tasks.length > 0) tasks.pop()!()
  }

  const byId = (id: PackageId, fk: FeaturesFor): Side | undefined => {
    const pkg = metadata.packages.get(id)
    return pkg === undefined ? undefined : sides.get(pkg)?.[applied(fk)]
  }
  return {
    activatedFeatures: (pkg, featuresFor) => byId(pkg, featuresFor)?.features ?? EMPTY,
    isActivated: (pkg, featuresFor) => (byId(pkg, featuresFor)?.features ?? null) !== null,
    isDepActivated: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.has(name) ?? false,
    featureCause: (pkg, featuresFor, feature) => byId(pkg, featuresFor)?.features?.get(feature) ?? null,
    dependencyCause: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.get(name) ?? null
  }
}

function newSide(): Side {
  return { features: null, dependencies: null, processed: false, deferredWeak: null, deps: null }
}

const EMPTY: ReadonlySet<string> = new Set()

/** `fvs_from_dependency`: the features a declaration asks for, and `default` unless it opts out. */
function fvsFromDependency(dep: Package, declared: DeclaredDependency, featureMap: ReadonlyMap<string, unknown>): readonly FeatureValue[] {
  const withDefault = declared.defaultFeatures && featureMap.has('default')
  // Most declarations ask for nothing but the defaults: one shared list for them.
  if (declared.features.length === 0) return withDefault ? DEFAULT_ONLY : NONE
  const fvs = declared.features.map(featureValue)
  if (withDefault) fvs.push(DEFAULT)
  return fvs
}

const DEFAULT: FeatureValue = { kind: 'feature', feature: 'default' }
const DEFAULT_ONLY: readonly FeatureValue[] = [DEFAULT]
const NONE: readonly FeatureValue[] = []
const NO_FEATURES: ReadonlyMap<string, FeatureValue[]> = new Map()

/** `fvs_from_requested`: the command line's features for a member, `default` unless turned off, or all of them. */
function fvsFromRequested(member: Package, cli: CliFeatures): FeatureValue[] {
  const fvs = [...cli.features]
  if (cli.usesDefaultFeatures && member.featureMap.has('default')) fvs.push(DEFAULT)
  if (cli.allFeatures) for (const feature of member.featureMap.keys()) fvs.push({ kind: 'feature', feature })
  return fvs
}

/**
 * `Workspace::members_with_features`: the selected members, each with the command line's features that
 * apply to it. Resolver 2, and cargo run on a virtual root manifest (`members_with_features_new`), give each
 * selected member the features it has; resolver 1 on a package's manifest (`members_with_features_old`, a
 * member's manifest in a virtual workspace too) gives plain features to that package, which it resolves
 * whether selected or not, and `member/feature` to the members named. When no workspace member is selected
 * (`-p` of a dependency), every member is resolved with its default features.
 */
function membersWithFeatures(metadata: Metadata, request: FeatureRequest): [Package, CliFeatures][] {
  const members = memberPackages(metadata)
  const selected = new Set(request.selected.map(p => p.id))
  const requested = request.features.map(featureValue)
  const usesDefaultFeatures = !request.noDefaultFeatures
  if (allowsNewCliFeatureBehavior(request)) {
    const chosen = members.filter(m => selected.has(m.id))
    if (chosen.length === 0) return members.map(m => [m, { features: [], allFeatures: false, usesDefaultFeatures: true }])
    return chosen.map(m => [m, { features: collectMatchingFeatures(m, requested), allFeatures: request.allFeatures, usesDefaultFeatures }])
  }
  const { memberSpecific, cwdFeatures } = splitOldFeatures(members, request.current, request.selected, requested)
  const out: [Package, CliFeatures][] = []
  for (const member of members) {
    if (member === request.current) out.push([member, { features: cwdFeatures, allFeatures: request.allFeatures, usesDefaultFeatures }])
    else if (selected.has(member.id)) {
      out.push([member, { features: memberSpecific.get(member.name) ?? [], allFeatures: request.allFeatures, usesDefaultFeatures: true }])
    }
  }
  return out
}

/**
 * `members_with_features_old`'s split of the command line's features: `member/feature` for a selected member
 * other than the package of the manifest goes to that member; everything else to the package of the manifest.
 */
export function splitOldFeatures(
  members: readonly Package[],
  current: Package | null,
  selected: readonly Package[],
  requested: readonly FeatureValue[]
): { memberSpecific: Map<string, FeatureValue[]>; cwdFeatures: FeatureValue[] } {
  const memberSpecific = new Map<string, FeatureValue[]>()
  const cwdFeatures: FeatureValue[] = []
  for (const fv of requested) {
    if (fv.kind === 'dep-feature') {
      const isMember = members.some(m => m !== current && m.name === fv.depName)
      if (isMember && selected.some(p => p.name === fv.depName)) {
        const list = memberSpecific.get(fv.depName) ?? []
        list.push({ kind: 'feature', feature: fv.depFeature })
        memberSpecific.set(fv.depName, list)
        continue
      }
    }
    cwdFeatures.push(fv)
  }
  return { memberSpecific, cwdFeatures }
}

/**
 * `Workspace::collect_matching_features`: the requested features a member has, its own or its dependencies'.
 * Each one it has is added, as written, to `found`.
 */
export function collectMatchingFeatures(member: Package, requested: readonly FeatureValue[], found?: Set<string>): FeatureValue[] {
  if (requested.length === 0) return []
  const { names, optional } = declaredNames(member)
  const hasFeature = (f: string): boolean => member.featureMap.has(f) || optional.has(f)
  const out: FeatureValue[] = []
  for (const fv of requested) {
    let matched: FeatureValue | null = null
    if (fv.kind === 'feature' && hasFeature(fv.feature)) matched = fv
    else if (fv.kind === 'dep-feature') {
      if (names.has(fv.depName)) matched = fv
      else if (fv.depName === member.name && hasFeature(fv.depFeature)) matched = { kind: 'feature', feature: fv.depFeature }
    }
    if (matched === null) continue
    out.push(matched)
    found?.add(featureValueText(fv))
  }
  return out
}

/**
 * The names a package's dependencies go by in its manifest (`name_in_toml`), and those of the optional ones:
 * every declaration, activated or not, as cargo's summary has them, and those of resolved edges.
 */
export function declaredNames(pkg: Package): { names: Set<string>; optional: Set<string> } {
  const names = new Set<string>()
  const optional = new Set<string>()
  const add = (declared: DeclaredDependency): void => {
    names.add(declared.nameInToml)
    if (declared.optional) optional.add(declared.nameInToml)
  }
  for (const d of pkg.declarations) add(d.declared)
  for (const edge of pkg.deps) for (const kind of edge.kinds) add(declarationOf(edge, kind))
  return { names, optional }
}

/** What cargo's command-line feature selection reads: the resolver, the package of the manifest cargo runs on, the flags. */
export type CommandLineFeatures = Pick<FeatureRequest, 'resolver' | 'current' | 'features' | 'allFeatures' | 'noDefaultFeatures'>

/** The command line's features, with the workspace's resolver and the package of the manifest cargo runs on. */
export function commandLineFeatures(resolver: ResolverVersion, current: Package | null, invocation: Invocation): CommandLineFeatures {
  const { features, allFeatures, noDefaultFeatures } = invocation
  return { resolver, current, features, allFeatures, noDefaultFeatures }
}

/**
 * `Workspace::allows_new_cli_feature_behavior`: resolver "2", or cargo run on the virtual root manifest
 * (`is_virtual` asks of the manifest cargo runs on, not of the root).
 */
export function allowsNewCliFeatureBehavior(cli: CommandLineFeatures): boolean {
  return cli.resolver === 2 || cli.current === null
}

/** `platform_activated`: build dependencies and the host side are checked against the host, the rest against the target. */
function platformActivated(kind: EdgeKind, fk: FeaturesFor, request: FeatureRequest): boolean {
  const info = kind.kind === 'build' || fk === 'host' ? request.host : request.target
  return platformMatches(kind.platform!, info.triple, info.cfg)
}

/** `has_proc_macro_lib`: the package's library is a proc-macro. */
export function hasProcMacroLib(pkg: Package): boolean {
  return pkg.targets.some(t => t.kind === 'proc-macro')
}

/** `has_any_proc_macro` (`Package::proc_macro`): any target of the package is a proc-macro, an example too. */
function hasAnyProcMacro(pkg: Package): boolean {
  return pkg.targets.some(isProcMacro)
}

import path from 'node:path'
import { UserError } from '../errors.js'
import { releaseAtLeast } from './compiler-behaviour.js'
import { similarNameHelp } from './edit-distance.js'
import { globToRegExp, isGlob } from './glob.js'
import type { Invocation } from './invocation.js'
import { memberPackages, type Metadata, type Package, type PackageId } from './metadata.js'

/**
 * cargo's `Packages::to_package_id_specs` (`ops/cargo_compile/packages.rs`): the specifications cargo resolves
 * for `-p`, `--workspace`/`--exclude`, or neither, before it resolves anything.
 */
export interface PackageSpecs {
  /** Package id specifications: members' ids, or the `-p` specifications, each glob replaced by the members it matches. */
  specs: string[]
  /** The workspace members the specifications name: those the command line's features apply to. */
  members: Package[]
  /** cargo's warnings about `--exclude` names that match no member. */
  warnings: string[]
}

/** The packages cargo builds as roots, and any warning cargo would print about the selection. */
export interface Selection {
  packages: Package[]
  warnings: string[]
}

/**
 * The specifications of `-p`, `--workspace`/`--exclude`, or neither (the package of the manifest cargo runs
 * on, or the workspace's default members when that manifest is the root), as cargo makes them: a glob matches
 * members only, and one that matches none is refused. `currentManifest` is the absolute path of that manifest.
 */
export function packageIdSpecs(metadata: Metadata, invocation: Invocation, currentManifest: string, cargoRelease: string | null = null): PackageSpecs {
  if (cargoRelease !== null && !releaseAtLeast(cargoRelease, 1, 74)) refusePartialVersions([...invocation.packages, ...invocation.exclude])
  for (const spec of [...invocation.packages, ...invocation.exclude]) {
    // `PackageName::new` on a URL whose last path segment is empty (`path+file:///w/app/`).
    if (!isGlob(spec) && parseSpec(spec).name === '') throw new UserError('package name cannot be empty')
  }
  const members = memberPackages(metadata)
  const warnings: string[] = []
  const idsOf = (packages: Package[]): string[] => packages.map(p => p.id)
  let specs: string[]
  if (invocation.exclude.length > 0 && !invocation.workspace) {
    throw new UserError('`--exclude` can only be used together with `--workspace`')
  } else if (invocation.workspace && invocation.exclude.length > 0) {
    const { unmatchedIds, unmatchedPatterns, matched } = matchMembers(members, invocation.exclude)
    if (unmatchedIds.length > 0) warnings.push(notFound(metadata, 'excluded package(s)', unmatchedIds))
    if (unmatchedPatterns.length > 0) warnings.push(notFound(metadata, 'excluded package pattern(s)', unmatchedPatterns))
    specs = idsOf(members.filter(p => !matched.has(p)))
  } else if (invocation.workspace) {
    // `--workspace -p name`: each name must be a member's; the selection is every member all the same.
    const { unmatchedIds, unmatchedPatterns } = matchMembers(members, invocation.packages)
    if (unmatchedIds.length > 0) throw new UserError(notFound(metadata, 'package(s)', unmatchedIds))
    if (unmatchedPatterns.length > 0) throw new UserError(notFound(metadata, 'package pattern(s)', unmatchedPatterns))
    specs = idsOf(members)
  } else if (invocation.packages.length > 0) {
    // Names go to the resolve as they are (a dependency may be named); globs name members only.
    const { matched, unmatchedPatterns } = matchMembers(members, invocation.packages.filter(isGlob))
    if (unmatchedPatterns.length > 0) throw new UserError(notFound(metadata, 'package pattern(s)', unmatchedPatterns))
    specs = [...invocation.packages.filter(spec => !isGlob(spec)), ...idsOf([...matched])]
  } else {
    specs = idsOf(defaultMembers(metadata, currentManifest))
  }
  if (specs.length === 0) {
    throw new UserError(
      rootPackage(metadata) === null
        ? `manifest path \`${metadata.workspaceRoot}\` contains no package: The manifest is virtual, and the workspace has no members.`
        : 'no packages to compile'
    )
  }
  // Most specifications are members' own ids: a set answers those, the rest are matched one by one.
  const ids = new Set(specs)
  const others = specs.filter(spec => !metadata.packages.has(spec))
  return { specs, members: members.filter(m => ids.has(m.id) || others.some(spec => specMatches(spec, m))), warnings }
}

/** What selecting packages needs besides the command line, each with a default for tests and tools. */
export interface SelectionOptions {
  /** `members_with_features`, which cargo's resolve starts with: refuses the command line's features. */
  checkFeatures?: (members: readonly Package[]) => void
  /** The release of the cargo being predicted (taken to be rustc's), for its wording; null for the newest. */
  cargoRelease?: string | null
}

/**
 * Selects packages as cargo's `compile_ws` does, and refuses what it refuses in the same order: the
 * specifications (`packageIdSpecs`); then `checkFeatures` with the members they name, as cargo's resolve
 * starts with `members_with_features`; then the packages they name among all of the resolve's
 * (`Resolve::specs_to_ids`); then `cargo test` and `cargo bench` refuse a package outside the workspace that
 * has dev-dependencies, which are never resolved for it.
 */
export function selectPackages(metadata: Metadata, invocation: Invocation, currentManifest: string, options: SelectionOptions = {}): Selection {
  const { checkFeatures = () => {}, cargoRelease = null } = options
  const specs = packageIdSpecs(metadata, invocation, currentManifest, cargoRelease)
  checkFeatures(specs.members)
  const all = [...metadata.packages.values()]
  const chosen = new Map<PackageId, Package>()
  for (const spec of specs.specs) {
    const exact = metadata.packages.get(spec)
    const matched = exact !== undefined ? [exact] : all.filter(p => specMatches(spec, p))
    if (matched.length === 0) throw new UserError(`package ID specification \`${spec}\` did not match any packages${noMatchHelp(spec, all)}`)
    if (matched.length > 1) throw new UserError(ambiguous(spec, matched, cargoRelease))
    chosen.set(matched[0]!.id, matched[0]!)
  }
  const packages = sortById([...chosen.values()])
  if (invocation.command !== 'build') {
    const isMember = new Set(metadata.workspaceMembers)
    const untestable = packages.find(p => !isMember.has(p.id) && p.declarations.some(d => d.kind === 'dev'))
    if (untestable !== undefined) {
      throw new UserError(`package \`${untestable.name}\` cannot be tested because it requires dev-dependencies and is not a member of the workspace`)
    }
  }
  return { packages, warnings: specs.warnings }
}

/**
 * `PackageIdSpec::query`'s help for a specification that matches nothing: the packages it matches without its
 * source URL, else without its version, else a package with a similar name.
 */
function noMatchHelp(spec: string, all: readonly Package[]): string {
  const { name, version, url } = parseSpec(spec)
  const similar = (spec: string): string => {
    const matched = all.filter(p => specMatches(spec, p))
    return matched.length === 0 ? '' : `; help: there are similar package ID specifications: ${minimalSpecs(name, matched)}`
  }
  let help = url !== null ? similar(version === null ? name : `${name}@${version}`) : ''
  // Only a whole version (`PackageIdSpec::version`): `name@1.2` gets the similar name instead.
  if (help === '' && version !== null && isWholeVersion(version)) help = similar(name)
  return help !== '' ? help : similarNameHelp(name, new Set(all.map(p => p.name)), 'package')
}

/** `minimize`: `name@version` for a version only one of the packages has, else the package's full id. */
function minimalSpecs(name: string, packages: readonly Package[]): string {
  const count = (version: string): number => packages.filter(p => p.version === version).length
  return packages.map(p => (count(p.version) === 1 ? `${name}@${p.version}` : p.id)).join(', ')
}

/**
 * Before cargo 0.74 (Rust 1.74, rust-lang/cargo@82f9bd330) a specification's version had to be a whole one:
 * `PackageIdSpec::parse` refuses `name@2` as it reads the command line.
 */
function refusePartialVersions(specs: readonly string[]): void {
  for (const spec of specs) {
    if (isGlob(spec)) continue
    const { version } = parseSpec(spec)
    if (version !== null && !isWholeVersion(version)) {
      throw new UserError(`cannot parse '${version}' as a semver`)
    }
  }
}

/** `opt_patterns_and_ids` with `match_patterns`: the members named, and the names and patterns that name none. */
function matchMembers(members: Package[], specs: readonly string[]): { matched: Set<Package>; unmatchedIds: string[]; unmatchedPatterns: string[] } {
  const matched = new Set<Package>()
  const unmatchedIds: string[] = []
  const unmatchedPatterns: string[] = []
  for (const spec of specs) {
    const named = members.filter(p => specMatches(spec, p))
    if (named.length === 0) (isGlob(spec) ? unmatchedPatterns : unmatchedIds).push(spec)
    for (const p of named) matched.add(p)
  }
  // cargo keeps the names in a sorted set and the patterns in command-line order.
  return { matched, unmatchedIds: [...new Set(unmatchedIds)].sort(), unmatchedPatterns }
}

/** `emit_package_not_found` and `emit_pattern_not_found`: cargo's line for names or patterns no member has. */
function notFound(metadata: Metadata, what: string, names: string[]): string {
  return `${what} \`${names.join(', ')}\` not found in workspace \`${metadata.workspaceRoot}\``
}

function globMatches(pattern: string, pkg: Package): boolean {
  return globToRegExp(pattern, 'a package specification').test(pkg.name)
}

function defaultMembers(metadata: Metadata, currentManifest: string): Package[] {
  const rootManifest = path.join(path.resolve(metadata.workspaceRoot), 'Cargo.toml')
  if (path.resolve(currentManifest) !== rootManifest) {
    // Run on a member's manifest: that package alone (default-members only apply at the root).
    const own = currentPackage(metadata, currentManifest)
    if (own) return [own]
  }
  if (metadata.workspaceDefaultMembers !== null) {
    return metadata.workspaceDefaultMembers.map(id => metadata.packages.get(id)!)
  }
  // Metadata without `workspace_default_members`: the root package, or all members of a virtual workspace.
  const root = rootPackage(metadata)
  return root ? [root] : memberPackages(metadata)
}

/** The workspace member whose manifest cargo runs on (cargo's `Workspace::current_opt`), if it is one. */
export function currentPackage(metadata: Metadata, currentManifest: string): Package | null {
  const current = path.resolve(currentManifest)
  return memberPackages(metadata).find(p => path.resolve(p.manifestPath) === current) ?? null
}

/** The package of the workspace root manifest; null for a virtual workspace. */
export function rootPackage(metadata: Metadata): Package | null {
  return currentPackage(metadata, path.join(metadata.workspaceRoot, 'Cargo.toml'))
}

function sortById(packages: Package[]): Package[] {
  return packages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** `PackageIdSpec::query`'s refusal of a specification that names several packages, as each cargo words it. */
function ambiguous(spec: string, matched: readonly Package[], release: string | null): string {
  const name = parseSpec(spec).name
  const list = minimalSpecs(name, matched)
  if (release !== null && !releaseAtLeast(release, 1, 95)) {
    return `There are multiple \`${name}\` packages in your project, and the specification \`${spec}\` is ambiguous. Please re-run this command with one of the following specifications: ${list}`
  }
  // Cargo 0.96 (Rust 1.95) has a typo, fixed by rust-lang/cargo@541e5a976.
  const word = release !== null && !releaseAtLeast(release, 1, 96) ? 'specificationm' : 'specification'
  return `${word} \`${spec}\` is ambiguous; help: re-run this command with one of the following specifications: ${list}`
}

/** Whether a package id specification (`name`, `name@1.2`, `name:1.2.3`, a full id, or a glob) matches. */
export function specMatches(spec: string, pkg: Package): boolean {
  if (spec === pkg.id) return true
  if (isGlob(spec)) return globMatches(spec, pkg)
  const { name, version, url } = parseSpec(spec)
  if (name !== pkg.name) return false
  if (url !== null && stripScheme(url) !== stripScheme(sourceUrl(pkg))) return false
  return version === null || partialVersionMatches(version, pkg.version)
}

/** A specification's parts (`PackageIdSpec::parse`): the name, and the version and source URL when given. */
function parseSpec(spec: string): { name: string; version: string | null; url: string | null } {
  const hash = spec.indexOf('#')
  if (hash >= 0) {
    const fragment = spec.slice(hash + 1)
    const url = spec.slice(0, hash)
    const at = fragment.indexOf('@')
    if (at >= 0) return { name: fragment.slice(0, at), version: fragment.slice(at + 1), url }
    if (/^\d/.test(fragment)) return { name: url.replace(/\/+$/, '').split('/').pop() ?? '', version: fragment, url }
    return { name: fragment, version: null, url }
  }
  // `PackageIdSpec::from_url` without a fragment: the name is the URL's last path segment.
  if (spec.includes('://')) return { name: spec.replace(/\?.*$/, '').split('/').pop()!, version: null, url: spec }
  const m = /^([^@:]+)[@:](.+)$/.exec(spec)
  return m ? { name: m[1]!, version: m[2]!, url: null } : { name: spec, version: null, url: null }
}

function stripScheme(url: string): string {
  return url.replace(/^(registry|sparse|path|git)\+/, '').replace(/[?#].*$/, '').replace(/\/+$/, '')
}

/** The URL cargo uses for a package's source: its registry or git URL, or `file://` + its directory. */
function sourceUrl(pkg: Package): string {
  if (pkg.source !== null) return pkg.source
  return `file://${path.dirname(pkg.manifestPath)}`
}

/**
 * Cargo's `PartialVersion::matches`: the fields given must be equal; a pre-release version only matches
 * a spec that names a pre-release; build metadata only counts when the spec gives it.
 */
function partialVersionMatches(spec: string, version: string): boolean {
  const want = parsePartialVersion(spec)
  const have = parsePartialVersion(version)
  if (!want || !have) return spec === version
  if (have.pre !== undefined && want.pre === undefined) return false
  return (
    want.major === have.major &&
    (want.minor === undefined || want.minor === have.minor) &&
    (want.patch === undefined || want.patch === have.patch) &&
    (want.pre === undefined || want.pre === have.pre) &&
    (want.build === undefined || want.build === have.build)
  )
}

/** cargo's `PartialVersion`: a major version, then minor and patch, a pre-release and build metadata when given. */
function parsePartialVersion(version: string) {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version.trim())
  return m ? { major: m[1]!, minor: m[2], patch: m[3], pre: m[4], build: m[5] } : null
}

/** A whole version (`PartialVersion::to_version` succeeds): major, minor and patch all given. */
function isWholeVersion(version: string): boolean {
  const v = parsePartialVersion(version)
  return v !== null && v.minor !== undefined && v.patch !== undefined
}

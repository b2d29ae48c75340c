import { UserError } from '../errors.js'
import { isJsonObject } from '../json.js'
import type { Declaration, DeclaredDependency, DependencyEdge, DependencyKind, EdgeKind, Metadata, Package, PackageId, Target } from '../model/metadata.js'
import { badStringList, Invalid, isStringArray, type Json, NO_STRINGS, notArray, notBoolean, notObject, notString, q, string, stringList, unknownKind } from './checks.js'
import { dependencyCycle, describeCycle } from './cycle.js'
import { label, parseTarget } from './target.js'

/** A `cargo metadata` document that cannot be analysed; the message names the source and the JSON path. */
export class MetadataError extends UserError {
  constructor(source: string, path: string, message: string) {
    super(`${source}: ${path ? `${path}: ` : ''}${message}`)
    this.name = 'MetadataError'
  }
}

/**
 * Parses `cargo metadata --format-version 1` output into a validated `Metadata`.
 * `source` names the input in messages (a file path, or "cargo metadata"). With `membersOnly`, the output of
 * `--no-deps` is accepted too: the packages without a dependency graph.
 */
export function parseMetadata(text: string, source: string, options: { membersOnly?: boolean } = {}): Metadata {
  let raw: Json
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')
    throw new MetadataError(source, '', `not valid JSON (${reason})`)
  }
  return validateMetadata(raw, source, options)
}

/** Validates an already-parsed `cargo metadata` value. */
export function validateMetadata(raw: Json, source: string, options: { membersOnly?: boolean } = {}): Metadata {
  try {
    return validate(raw, options.membersOnly === true)
  } catch (e) {
    if (e instanceof Invalid) throw new MetadataError(source, e.path, e.message)
    throw e
  }
}

// JSON paths, built only for messages.
const packagePath = (i: number): string => `packages[${i}]`
const declarationPath = (i: number, j: number): string => `packages[${i}].dependencies[${j}]`
const nodePath = (i: number): string => `resolve.nodes[${i}]`
const depPath = (i: number, j: number): string => `resolve.nodes[${i}].deps[${j}]`
const kindPath = (i: number, j: number, m: number): string => `resolve.nodes[${i}].deps[${j}].dep_kinds[${m}]`

/** What the validation keeps of one package beyond the Package itself. */
class Entry {
  /**
   * The validated package. The entry is in the map from its first field on (a duplicate id shows as a map
   * that does not grow); its package is set once every field is checked, before anything looks it up.
   */
  pkg: Package = null as unknown as Package
  /** `packages[].dependencies`, in order. */
  declarations: readonly RawDeclaration[] = NO_DECLARATIONS
  /** The name of the package's library or proc-macro target (at most one), or null. */
  libName: string | null = null
  /** The resolve node's index, once it has been read; -1 before. */
  node = -1
  /** Whether the node lists its edges in the old `dependencies` form (no `deps`), for messages. */
  oldForm = false
  /** Where the package's edges start in the list of edge ends that the cycle search follows. */
  firstEdge = 0

  constructor(readonly index: number) {}
}

/** A declared dependency as `packages[].dependencies` has it, before it is matched to resolved edges. */
interface RawDeclaration extends Declaration {
  name: string
  rename: string | null
  /** `rename` as an extern crate name (`-` to `_`), the form resolved edges name it by. */
  externRename: string | null
}

// Shared by the many packages without edges or declarations (frozen, as NO_STRINGS is).
const NO_EDGES: DependencyEdge[] = Object.freeze([]) as unknown as DependencyEdge[]
const NO_DECLARATIONS: readonly RawDeclaration[] = Object.freeze([])
const NO_FEATURES: ReadonlyMap<string, readonly string[]> = new Map()

function validate(raw: Json, membersOnly: boolean): Metadata {
  if (!isJsonObject(raw)) throw new Invalid('', 'the top level must be a JSON object from `cargo metadata --format-version 1`')
  const root = raw
  if (root.version !== 1) {
    throw new Invalid('version', `expected format version 1, got ${JSON.stringify(root.version)}`)
  }
  const rawPackages = root.packages
  if (!Array.isArray(rawPackages)) throw notArray(rawPackages, 'packages')
  const rawMembers = stringList(root.workspace_members, 'workspace_members')
  const workspaceRoot = string(root.workspace_root, 'workspace_root')
  const targetDirectory = string(root.target_directory, 'target_directory')
  const rawDefaultMembers = root.workspace_default_members === undefined ? null : stringList(root.workspace_default_members, 'workspace_default_members')

  // Platform strings (`cfg(...)`, triples) recur on thousands of declarations and edges: one string each.
  const platforms = new Map<string, string>()
  const intern = (s: string): string => {
    const known = platforms.get(s)
    if (known !== undefined) return known
    platforms.set(s, s)
    return s
  }

  const entries = new Map<PackageId, Entry>()
  const list: Entry[] = []
  // Each package's targets, declarations and edges are collected here and copied out at their exact
  // length: an array grown by push keeps room for 17 elements, and most of these lists have one to four.
  const targetScratch: Target[] = []
  const declarationScratch: RawDeclaration[] = []
  const edgeScratch: DependencyEdge[] = []
  for (let i = 0; i < rawPackages.length; i++) {
    const p: Json = rawPackages[i]
    if (!isJsonObject(p)) throw notObject(p, packagePath(i))
    const id = p.id
    if (typeof id !== 'string') throw notString(id, `${packagePath(i)}.id`)
    const entry = new Entry(i)
    entries.set(id, entry)
    if (entries.size === i) throw new Invalid(`${packagePath(i)}.id`, `duplicate package id ${q(id)}`)
    const name = p.name
    if (typeof name !== 'string') throw notString(name, `${packagePath(i)}.name`)

    const rawTargets = p.targets
    if (!Array.isArray(rawTargets)) throw notArray(rawTargets, `${packagePath(i)}.targets`)
    let lib: Target | null = null
    let libraries = 0
    for (let j = 0; j < rawTargets.length; j++) {
      const target = parseTarget(rawTargets[j], i, j, name)
      targetScratch[j] = target
      if (target.kind === 'lib' || target.kind === 'proc-macro') {
        if (lib === null) lib = target
        libraries++
      }
    }
    if (libraries > 1) throw new Invalid(`${packagePath(i)}.targets`, `${label(name)} has more than one library target`)
    const targets = targetScratch.slice(0, rawTargets.length)

    const rawDeclarations = p.dependencies
    if (rawDeclarations !== undefined) {
      if (!Array.isArray(rawDeclarations)) throw notArray(rawDeclarations, `${packagePath(i)}.dependencies`)
      if (rawDeclarations.length > 0) {
        for (let j = 0; j < rawDeclarations.length; j++) declarationScratch[j] = parseDeclaration(rawDeclarations[j], i, j, intern)
        entry.declarations = declarationScratch.slice(0, rawDeclarations.length)
      }
    }

    const version = p.version
    if (typeof version !== 'string') throw notString(version, `${packagePath(i)}.version`)
    const source = p.source
    if (source != null && typeof source !== 'string') throw notString(source, `${packagePath(i)}.source`)
    const manifestPath = p.manifest_path
    if (typeof manifestPath !== 'string') throw notString(manifestPath, `${packagePath(i)}.manifest_path`)
    const featureMap = p.features == null ? NO_FEATURES : parseFeatureMap(p.features, i)
    const edition = p.edition
    if (edition != null && typeof edition !== 'string') throw notString(edition, `${packagePath(i)}.edition`)
    const rustVersion = p.rust_version
    if (rustVersion != null && typeof rustVersion !== 'string') throw notString(rustVersion, `${packagePath(i)}.rust_version`)
    const publish = p.publish == null ? null : parsePublish(p.publish, i)
    const description = p.description
    if (description != null && typeof description !== 'string') throw notString(description, `${packagePath(i)}.description`)
    const license = p.license
    if (license != null && typeof license !== 'string') throw notString(license, `${packagePath(i)}.license`)
    const licenseFile = p.license_file
    if (licenseFile != null && typeof licenseFile !== 'string') throw notString(licenseFile, `${packagePath(i)}.license_file`)

    entry.pkg = {
      id,
      name,
      version,
      source: source ?? null,
      manifestPath,
      targets,
      features: NO_STRINGS,
      featureMap,
      edition: edition ?? '2015',
      deps: NO_EDGES,
      declarations: entry.declarations,
      rustVersion: rustVersion ?? null,
      publish,
      description: description ?? null,
      license: license ?? null,
      licenseFile: licenseFile ?? null
    }
    entry.libName = lib === null ? null : lib.name
    list.push(entry)
  }

  // Members and the root name packages by the package's own id string: later lookups compare one string.
  const workspaceMembers: PackageId[] = []
  for (let i = 0; i < rawMembers.length; i++) {
    const id = rawMembers[i]!
    const entry = entries.get(id)
    if (entry === undefined) throw new Invalid(`workspace_members[${i}]`, `unknown package id ${q(id)}`)
    workspaceMembers.push(entry.pkg.id)
  }
  let workspaceDefaultMembers: PackageId[] | null = null
  if (rawDefaultMembers !== null) {
    workspaceDefaultMembers = []
    for (let i = 0; i < rawDefaultMembers.length; i++) {
      const id = rawDefaultMembers[i]!
      const entry = entries.get(id)
      if (entry === undefined) throw new Invalid(`workspace_default_members[${i}]`, `unknown package id ${q(id)}`)
      workspaceDefaultMembers.push(entry.pkg.id)
    }
  }

  const packages = new Map<PackageId, Package>()
  for (const entry of list) packages.set(entry.pkg.id, entry.pkg)
  if (root.resolve === null || root.resolve === undefined) {
    if (membersOnly) return { packages, workspaceMembers, workspaceDefaultMembers, workspaceRoot, targetDirectory, resolveRoot: null, graphQuality: 'full' }
    throw new Invalid(
      'resolve',
      'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`'
    )
  }
  const resolve = root.resolve
  if (!isJsonObject(resolve)) throw notObject(resolve, 'resolve')
  const nodes = resolve.nodes
  if (!Array.isArray(nodes)) throw notArray(nodes, 'resolve.nodes')
  let sawDepWithoutKinds = false
  // For every edge, in package and edge order, the index of the package it leads to, or -1 when the edge
  // is only a dev-dependency: what the cycle search follows.
  const edgeEnds: number[] = []
  for (let i = 0; i < nodes.length; i++) {
    const n: Json = nodes[i]
    if (!isJsonObject(n)) throw notObject(n, nodePath(i))
    const id = n.id
    if (typeof id !== 'string') throw notString(id, `${nodePath(i)}.id`)
    const entry = entries.get(id)
    if (entry === undefined) throw new Invalid(`${nodePath(i)}.id`, `unknown package id ${q(id)}`)
    if (entry.node >= 0) throw new Invalid(`${nodePath(i)}.id`, `duplicate resolve node for ${q(id)}`)
    const pkg = entry.pkg
    pkg.features = n.features === undefined ? NO_STRINGS : stringList(n.features, () => `${nodePath(i)}.features`)
    const deps = n.deps
    if (deps !== undefined && !Array.isArray(deps)) throw notArray(deps, `${nodePath(i)}.deps`)
    entry.node = i
    entry.firstEdge = edgeEnds.length
    let edgeCount = 0

    if (deps === undefined) {
      // Metadata from before `deps` existed: only `dependencies` (ids) is there.
      entry.oldForm = true
      const ids = n.dependencies
      if (!isStringArray(ids)) badStringList(ids, `${nodePath(i)}.dependencies`)
      if (ids.length > 0) sawDepWithoutKinds = true
      for (let j = 0; j < ids.length; j++) {
        const depId = ids[j]!
        const dep = entries.get(depId)
        if (dep === undefined) throw new Invalid(`${nodePath(i)}.dependencies[${j}]`, `unknown package id ${q(depId)}`)
        const kinds = recoveredKinds(entry, dep)
        edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName: recoveredExternName(entry, dep), kinds }
        edgeEnds.push(anyNonDev(kinds) ? dep.index : -1)
      }
    } else {
      for (let j = 0; j < deps.length; j++) {
        const d: Json = deps[j]
        if (!isJsonObject(d)) throw notObject(d, depPath(i, j))
        const depId = d.pkg
        if (typeof depId !== 'string') throw notString(depId, `${depPath(i, j)}.pkg`)
        const dep = entries.get(depId)
        if (dep === undefined) throw new Invalid(`${depPath(i, j)}.pkg`, `unknown package id ${q(depId)}`)
        const externName = d.name
        if (typeof externName !== 'string') throw notString(externName, `${depPath(i, j)}.name`)
        const rawKinds = d.dep_kinds
        let kinds: EdgeKind[] | null = null
        if (rawKinds === undefined) {
          sawDepWithoutKinds = true
          kinds = recoveredKinds(entry, dep)
        } else {
          if (!Array.isArray(rawKinds)) throw notArray(rawKinds, `${depPath(i, j)}.dep_kinds`)
          for (let m = 0; m < rawKinds.length; m++) {
            const k: Json = rawKinds[m]
            if (!isJsonObject(k)) throw notObject(k, kindPath(i, j, m))
            const kind = dependencyKind(k.kind)
            if (kind === null) throw unknownKind(k.kind, `${kindPath(i, j, m)}.kind`)
            const target = k.target
            if (target != null && typeof target !== 'string') throw notString(target, `${kindPath(i, j, m)}.target`)
            const platform = target == null ? null : intern(target)
            // Some cargo versions repeated entries (rust-lang/cargo#7752).
            if (kinds === null) kinds = [{ kind, platform, declared: declarationOf(entry.declarations, dep, externName, kind, platform) }]
            else if (!hasKind(kinds, kind, platform)) kinds.push({ kind, platform, declared: declarationOf(entry.declarations, dep, externName, kind, platform) })
          }
          if (kinds === null) throw new Invalid(`${depPath(i, j)}.dep_kinds`, 'is empty: every dependency edge has at least one kind')
        }
        edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName, kinds }
        edgeEnds.push(anyNonDev(kinds) ? dep.index : -1)
      }
    }
    pkg.deps = edgeCount === 0 ? NO_EDGES : edgeScratch.slice(0, edgeCount)
  }

  for (const id of workspaceMembers) {
    if (entries.get(id)!.node < 0) throw new Invalid('resolve.nodes', `workspace member ${q(id)} has no resolve node`)
  }

  const cycle = dependencyCycle(list, edgeEnds)
  if (cycle !== null) {
    const closing = cycle[cycle.length - 1]!
    const from = entries.get(closing.from.id)!
    throw new Invalid(`${nodePath(from.node)}.${from.oldForm ? 'dependencies' : 'deps'}[${closing.edge}]`, describeCycle(cycle))
  }

  let resolveRoot: PackageId | null = null
  if (resolve.root != null) {
    const id = string(resolve.root, 'resolve.root')
    const entry = entries.get(id)
    if (entry === undefined) throw new Invalid('resolve.root', `unknown package id ${q(id)}`)
    resolveRoot = entry.pkg.id
  }

  return {
    packages,
    workspaceMembers,
    workspaceDefaultMembers,
    workspaceRoot,
    targetDirectory,
    resolveRoot,
    graphQuality: sawDepWithoutKinds ? 'no-dep-kinds' : 'full'
  }
}

function parseDeclaration(value: Json, i: number, j: number, intern: (s: string) => string): RawDeclaration {
  if (!isJsonObject(value)) throw notObject(value, declarationPath(i, j))
  const name = value.name
  if (typeof name !== 'string') throw notString(name, `${declarationPath(i, j)}.name`)
  const rename = value.rename
  if (rename != null && typeof rename !== 'string') throw notString(rename, `${declarationPath(i, j)}.rename`)
  const kind = dependencyKind(value.kind)
  if (kind === null) throw unknownKind(value.kind, `${declarationPath(i, j)}.kind`)
  const target = value.target
  if (target != null && typeof target !== 'string') throw notString(target, `${declarationPath(i, j)}.target`)
  const optional = value.optional
  if (optional != null && typeof optional !== 'boolean') throw notBoolean(optional, `${declarationPath(i, j)}.optional`)
  const features = value.features == null ? NO_STRINGS : stringList(value.features, () => `${declarationPath(i, j)}.features`)
  const defaultFeatures = value.uses_default_features
  if (defaultFeatures != null && typeof defaultFeatures !== 'boolean') throw notBoolean(defaultFeatures, `${declarationPath(i, j)}.uses_default_features`)
  return {
    name,
    rename: rename ?? null,
    externRename: rename == null ? null : underscores(rename),
    kind,
    platform: target == null ? null : intern(target),
    declared: {
      nameInToml: rename ?? name,
      optional: optional ?? false,
      features,
      defaultFeatures: defaultFeatures ?? true
    }
  }
}

/** Whether `kinds` already has this kind and platform. */
function hasKind(kinds: readonly EdgeKind[], kind: DependencyKind, platform: string | null): boolean {
  for (let x = 0; x < kinds.length; x++) {
    const k = kinds[x]!
    if (k.kind === kind && k.platform === platform) return true
  }
  return false
}

/** Whether an edge with these kinds counts for cargo's cycle check: one of them is not a dev-dependency. */
function anyNonDev(kinds: readonly EdgeKind[]): boolean {
  for (let x = 0; x < kinds.length; x++) if (kinds[x]!.kind !== 'dev') return true
  return false
}

/**
 * The declaration a resolved edge of one kind and platform stands for: the dependency of that section
 * whose extern name (after `rename`) is the edge's, or, without a rename, whose package name is the edge's
 * and whose library's crate name is its extern name. Two versions of one package can both be declared, one
 * renamed (`d_old = { package = "d", … }`): the renamed edge is not the plain declaration's.
 */
function declarationOf(
  declarations: readonly RawDeclaration[],
  dep: Entry,
  externName: string,
  kind: DependencyKind,
  platform: string | null
): DeclaredDependency | null {
  const depName = dep.pkg.name
  const crateName = dep.libName === null ? null : underscores(dep.libName)
  for (let x = 0; x < declarations.length; x++) {
    const d = declarations[x]!
    if (d.kind !== kind || d.platform !== platform) continue
    if (d.externRename === null ? d.name === depName && (crateName === null || crateName === externName) : d.externRename === externName) return d.declared
  }
  return null
}

// Without `dep_kinds` (cargo before 1.41), an edge's kinds are recovered from the dependent's
// declared dependencies, matched by package name. Renamed or duplicated names make that ambiguous,
// so the edge keeps every kind that could apply: a superset, never a silent omission.
function recoveredKinds(from: Entry, dep: Entry): EdgeKind[] {
  const depName = dep.pkg.name
  let kinds: EdgeKind[] | null = null
  for (const d of from.declarations) {
    if (d.name !== depName) continue
    if (kinds === null) kinds = [{ kind: d.kind, platform: d.platform, declared: d.declared }]
    else if (!hasKind(kinds, d.kind, d.platform)) kinds.push({ kind: d.kind, platform: d.platform, declared: d.declared })
  }
  return kinds ?? [{ kind: 'normal', platform: null, declared: null }]
}

/** The extern name of a recovered edge: the first non-empty rename among the package's declarations of that dependency, else its library's name, else its name. */
function recoveredExternName(from: Entry, dep: Entry): string {
  const depName = dep.pkg.name
  for (const d of from.declarations) {
    if (d.name === depName && d.rename) return underscores(d.rename)
  }
  return underscores(dep.libName ?? depName)
}

/** A crate name as rustc sees it: `-` becomes `_`. */
function underscores(name: string): string {
  return name.includes('-') ? name.replaceAll('-', '_') : name
}

/** A package's `features` table: feature name to the features, `dep:` names and `dep/feature`s it enables. */
function parseFeatureMap(value: Json, i: number): ReadonlyMap<string, readonly string[]> {
  if (!isJsonObject(value)) throw notObject(value, `${packagePath(i)}.features`)
  const names = Object.keys(value)
  if (names.length === 0) return NO_FEATURES
  const map = new Map<string, readonly string[]>()
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!
    map.set(name, stringList(value[name], () => `${packagePath(i)}.features.${name}`))
  }
  return map
}

/** `kind` of a declaration or an edge: null and `"normal"` are normal; null for anything else. */
function dependencyKind(v: Json): DependencyKind | null {
  if (v === null || v === undefined || v === 'normal') return 'normal'
  if (v === 'dev') return 'dev'
  if (v === 'build') return 'build'
  return null
}

/** cargo metadata writes `publish = false` as `[]` (no registry may have it); both read as false. */
function parsePublish(v: Json, i: number): string[] | false {
  if (v === false) return false
  const registries = stringList(v, () => `${packagePath(i)}.publish`)
  return registries.length === 0 ? false : registries
}

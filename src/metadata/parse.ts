import { UserError } from '../errors.js'
import { type CrateType, isCrateType } from '../model/crate-type.js'
import type { DeclaredDependency, DependencyEdge, DependencyKind, EdgeKind, Metadata, Package, PackageId, Target, TargetKind } from '../model/metadata.js'

/** A `cargo metadata` document that cannot be analysed; the message names the source and the JSON path. */
export class MetadataError extends UserError {
  constructor(source: string, path: string, message: string) {
    super(`${source}: ${path ? `${path}: ` : ''}${message}`)
    this.name = 'MetadataError'
  }
}

type Json = unknown

/** A value from the input, quoted for a one-line message (control characters escaped). */
function q(value: string): string {
  return `\`${JSON.stringify(value).slice(1, -1)}\``
}
type Obj = Record<string, Json>

/**
 * Parses `cargo metadata --format-version 1` output into a validated `Metadata`.
 * `source` names the input in messages (a file path, or "cargo metadata").
 */
export function parseMetadata(text: string, source: string): Metadata {
  let raw: Json
  try {
    raw = JSON.parse(text)
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')
    throw new MetadataError(source, '', `not valid JSON (${reason})`)
  }
  return validateMetadata(raw, source)
}

/** Validates an already-parsed `cargo metadata` value. */
export function validateMetadata(raw: Json, source: string): Metadata {
  const fail = (path: string, message: string): never => {
    throw new MetadataError(source, path, message)
  }
  const root = asObject(raw, '', null, fail, 'the top level must be a JSON object from `cargo metadata --format-version 1`')
  if (root.version !== 1) {
    fail('version', `expected format version 1, got ${JSON.stringify(root.version)}`)
  }
  const rawPackages = asArray(root.packages, '', 'packages', fail)
  const workspaceMembers = asStringArray(root.workspace_members, '', 'workspace_members', fail)
  const workspaceRoot = asString(root.workspace_root, '', 'workspace_root', fail)
  const targetDirectory = asString(root.target_directory, '', 'target_directory', fail)
  const workspaceDefaultMembers =
    root.workspace_default_members === undefined
      ? null
      : asStringArray(root.workspace_default_members, '', 'workspace_default_members', fail)

  const packages = new Map<PackageId, Package>()
  const rawDeclared = new Map<PackageId, RawDeclaration[]>()
  rawPackages.forEach((value, i) => {
    const path = `packages[${i}]`
    const p = asObject(value, path, null, fail)
    const id = asString(p.id, path, 'id', fail)
    if (packages.has(id)) fail(`${path}.id`, `duplicate package id ${q(id)}`)
    const name = asString(p.name, path, 'name', fail)
    const label = `package ${q(name)}`
    const targets = asArray(p.targets, path, 'targets', fail).map((t, j) =>
      parseTarget(t, `${path}.targets[${j}]`, label, fail)
    )
    if (targets.filter(t => t.kind === 'lib' || t.kind === 'proc-macro').length > 1) {
      fail(`${path}.targets`, `${label} has more than one library target`)
    }
    const declared = p.dependencies === undefined ? [] : asArray(p.dependencies, path, 'dependencies', fail)
    rawDeclared.set(
      id,
      declared.map((d, j) => {
        const dp = `${path}.dependencies[${j}]`
        const o = asObject(d, dp, null, fail)
        const name = asString(o.name, dp, 'name', fail)
        const rename = o.rename == null ? null : asString(o.rename, dp, 'rename', fail)
        return {
          name,
          rename,
          externRename: rename === null ? null : rename.replace(/-/g, '_'),
          kind: parseDepKind(o.kind, dp, 'kind', fail),
          target: o.target == null ? null : asString(o.target, dp, 'target', fail),
          declared: {
            nameInToml: rename ?? name,
            optional: o.optional == null ? false : asBoolean(o.optional, dp, 'optional', fail),
            features: o.features == null || (Array.isArray(o.features) && o.features.length === 0) ? NO_STRINGS : asStringArray(o.features, dp, 'features', fail),
            defaultFeatures: o.uses_default_features == null ? true : asBoolean(o.uses_default_features, dp, 'uses_default_features', fail)
          }
        }
      })
    )
    packages.set(id, {
      id,
      name,
      version: asString(p.version, path, 'version', fail),
      source: p.source == null ? null : asString(p.source, path, 'source', fail),
      manifestPath: asString(p.manifest_path, path, 'manifest_path', fail),
      targets,
      features: [],
      featureMap: p.features == null ? NO_FEATURES : parseFeatureMap(p.features, path, fail),
      edition: p.edition == null ? '2015' : asString(p.edition, path, 'edition', fail),
      deps: [],
      rustVersion: p.rust_version == null ? null : asString(p.rust_version, path, 'rust_version', fail),
      publish: p.publish === undefined || p.publish === null ? null : parsePublish(p.publish, path, 'publish', fail)
    })
  })

  for (const [i, id] of workspaceMembers.entries()) {
    if (!packages.has(id)) fail(`workspace_members[${i}]`, `unknown package id ${q(id)}`)
  }
  for (const [i, id] of (workspaceDefaultMembers ?? []).entries()) {
    if (!packages.has(id)) fail(`workspace_default_members[${i}]`, `unknown package id ${q(id)}`)
  }

  if (root.resolve === null || root.resolve === undefined) {
    fail(
      'resolve',
      'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`'
    )
  }
  const resolve = asObject(root.resolve, '', 'resolve', fail)
  const nodes = asArray(resolve.nodes, '', 'resolve.nodes', fail)
  let sawDepWithoutKinds = false
  // The JSON path of each package's edge list (`pkg.deps[j]` is its element j), for messages.
  const edgesPath = new Map<PackageId, string>()
  nodes.forEach((value, i) => {
    const path = `resolve.nodes[${i}]`
    const n = asObject(value, path, null, fail)
    const id = asString(n.id, path, 'id', fail)
    const pkg = packages.get(id)
    if (!pkg) return fail(`${path}.id`, `unknown package id ${q(id)}`)
    if (edgesPath.has(id)) fail(`${path}.id`, `duplicate resolve node for ${q(id)}`)
    pkg.features = n.features === undefined ? [] : asStringArray(n.features, path, 'features', fail)
    const deps = n.deps === undefined ? null : asArray(n.deps, path, 'deps', fail)
    edgesPath.set(id, `${path}.${deps === null ? 'dependencies' : 'deps'}`)
    if (deps === null) {
      // Metadata from before `deps` existed: only `dependencies` (ids) is there.
      const ids = asStringArray(n.dependencies, path, 'dependencies', fail)
      sawDepWithoutKinds ||= ids.length > 0
      pkg.deps = ids.map((depId, j) => recoverEdge(pkg, depId, `${path}.dependencies[${j}]`))
      return
    }
    pkg.deps = deps.map((d, j) => {
      const dp = `${path}.deps[${j}]`
      const o = asObject(d, dp, null, fail)
      const depId = asString(o.pkg, dp, 'pkg', fail)
      if (!packages.has(depId)) fail(`${dp}.pkg`, `unknown package id ${q(depId)}`)
      const externName = asString(o.name, dp, 'name', fail)
      if (o.dep_kinds === undefined) {
        sawDepWithoutKinds = true
        return { ...recoverEdge(pkg, depId, dp), externName }
      }
      const kinds: EdgeKind[] = []
      asArray(o.dep_kinds, dp, 'dep_kinds', fail).forEach((k, m) => {
        const kp = `${dp}.dep_kinds[${m}]`
        const ko = asObject(k, kp, null, fail)
        const kind = parseDepKind(ko.kind, kp, 'kind', fail)
        const platform = ko.target == null ? null : asString(ko.target, kp, 'target', fail)
        // Some cargo versions repeated entries (rust-lang/cargo#7752).
        if (!kinds.some(x => x.kind === kind && x.platform === platform)) kinds.push({ kind, platform, declared: declarationOf(pkg, depId, externName, kind, platform) })
      })
      if (kinds.length === 0) fail(`${dp}.dep_kinds`, 'is empty: every dependency edge has at least one kind')
      return { pkg: depId, externName, kinds }
    })
  })

  // Without `dep_kinds` (cargo before 1.41), an edge's kinds are recovered from the dependent's
  // declared dependencies, matched by package name. Renamed or duplicated names make that ambiguous,
  // so the edge keeps every kind that could apply: a superset, never a silent omission.
  function recoverEdge(pkg: Package, depId: PackageId, path: string): DependencyEdge {
    const dep = packages.get(depId)
    if (!dep) return fail(path, `unknown package id ${q(depId)}`)
    const declared = (rawDeclared.get(pkg.id) ?? []).filter(d => d.name === dep.name)
    const kinds: EdgeKind[] = []
    for (const d of declared) {
      if (!kinds.some(x => x.kind === d.kind && x.platform === d.target)) kinds.push({ kind: d.kind, platform: d.target, declared: d.declared })
    }
    if (kinds.length === 0) kinds.push({ kind: 'normal', platform: null, declared: null })
    const lib = dep.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
    const rename = declared.find(d => d.rename)?.rename
    return { pkg: depId, externName: (rename ?? lib?.name ?? dep.name).replace(/-/g, '_'), kinds }
  }

  /**
   * The declaration a resolved edge of one kind and platform stands for: the dependency of that section
   * whose extern name (after `rename`) or, without a rename, whose package name is the edge's.
   */
  function declarationOf(pkg: Package, depId: PackageId, externName: string, kind: DependencyKind, platform: string | null): DeclaredDependency | null {
    const depName = packages.get(depId)!.name
    for (const d of rawDeclared.get(pkg.id) ?? []) {
      if (d.kind === kind && d.target === platform && (d.externRename === null ? d.name === depName : d.externRename === externName)) return d.declared
    }
    return null
  }

  for (const id of workspaceMembers) {
    if (!edgesPath.has(id)) fail('resolve.nodes', `workspace member ${q(id)} has no resolve node`)
  }

  const cycle = dependencyCycle(packages)
  if (cycle !== null) {
    const closing = cycle[cycle.length - 1]!
    fail(`${edgesPath.get(closing.from.id)}[${closing.edge}]`, describeCycle(cycle))
  }

  const resolveRoot = resolve.root == null ? null : asString(resolve.root, '', 'resolve.root', fail)
  if (resolveRoot !== null && !packages.has(resolveRoot)) fail('resolve.root', `unknown package id ${q(resolveRoot)}`)

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

/** A declared dependency as `packages[].dependencies` has it, before it is matched to resolved edges. */
interface RawDeclaration {
  name: string
  rename: string | null
  /** `rename` as an extern crate name (`-` to `_`), the form resolved edges name it by. */
  externRename: string | null
  kind: DependencyKind
  target: string | null
  declared: DeclaredDependency
}

/** A package's `features` table: feature name to the features, `dep:` names and `dep/feature`s it enables. */
function parseFeatureMap(value: Json, path: string, fail: Fail): ReadonlyMap<string, readonly string[]> {
  const table = asObject(value, path, 'features', fail)
  const names = Object.keys(table)
  if (names.length === 0) return NO_FEATURES
  const base = `${path}.features`
  return new Map(names.map(name => [name, asStringArray(table[name], base, name, fail)]))
}

const NO_FEATURES: ReadonlyMap<string, readonly string[]> = new Map()
// Shared by the many declarations that ask for no features; never mutated.
const NO_STRINGS: string[] = []

/** One edge of a path through the dependency graph: `from.deps[edge]`. */
interface Step {
  from: Package
  edge: number
}

/**
 * The first dependency cycle that cargo's resolver refuses (`check_cycles`), as the edges around it, or
 * null. Every edge with a normal or build kind counts, whatever its platform; an edge that is only a
 * dev-dependency does not, since cargo follows dev-dependencies only from tests, examples and benches,
 * which nothing depends on. Iterative: a dependency chain can be far deeper than the call stack.
 */
function dependencyCycle(packages: ReadonlyMap<PackageId, Package>): Step[] | null {
  // The index of each package on the current path, or -1 once everything it reaches has been searched.
  const position = new Map<PackageId, number>()
  for (const start of packages.values()) {
    if (position.has(start.id)) continue
    position.set(start.id, 0)
    const path: Step[] = [{ from: start, edge: -1 }]
    while (path.length > 0) {
      const step = path[path.length - 1]!
      const edge = step.from.deps[++step.edge]
      if (edge === undefined) {
        position.set(step.from.id, -1)
        path.pop()
      } else if (edge.kinds.some(k => k.kind !== 'dev')) {
        const at = position.get(edge.pkg)
        if (at === undefined) {
          position.set(edge.pkg, path.length)
          path.push({ from: packages.get(edge.pkg)!, edge: -1 })
        } else if (at >= 0) {
          return path.slice(at)
        }
      }
    }
  }
  return null
}

/** Cargo's words for a cycle, on one line; a long cycle shows its first packages and the one closing it. */
function describeCycle(cycle: readonly Step[]): string {
  const label = (pkg: Package): string => q(`${pkg.name} v${pkg.version}`)
  const shown = 10
  const names = cycle.map(s => label(s.from))
  const around = names.length > shown + 1 ? [...names.slice(0, shown), `… ${names.length - shown - 1} more`, names[names.length - 1]!] : names
  return `cyclic package dependency: package ${names[0]} depends on itself (${[...around, names[0]].join(' → ')}); cargo refuses every dependency cycle that does not go through a dev-dependency`
}

type Fail = (path: string, message: string) => never

const TARGET_KINDS = new Set(['bin', 'example', 'test', 'bench', 'custom-build'])

function parseTarget(value: Json, path: string, label: string, fail: Fail): Target {
  const t = asObject(value, path, null, fail)
  const name = asString(t.name, path, 'name', fail)
  const kinds = asStringArray(t.kind, path, 'kind', fail)
  const crateTypeNames = asStringArray(t.crate_types, path, 'crate_types', fail)
  if (kinds.length === 0) fail(`${path}.kind`, `target ${q(name)} of ${label} has no kind`)
  if (crateTypeNames.length === 0) fail(`${path}.crate_types`, `target ${q(name)} of ${label} has no crate types`)
  const crateTypes: CrateType[] = crateTypeNames.map(c => {
    if (!isCrateType(c)) {
      return fail(`${path}.crate_types`, `unknown crate type ${q(c)} in target ${q(name)} of ${label}`)
    }
    return c
  })
  let kind: TargetKind
  const single = kinds.length === 1 ? kinds[0]! : null
  if (single !== null && TARGET_KINDS.has(single)) {
    kind = single as TargetKind
    // Only examples may have crate types other than `bin` (an example can be a library).
    if (kind !== 'example' && (crateTypes.length !== 1 || crateTypes[0] !== 'bin')) {
      fail(`${path}.crate_types`, `${kind} target ${q(name)} of ${label} must have crate type \`bin\`, got ${crateTypes.join(', ')}`)
    }
  } else {
    // Any other kind list names the crate types of a library target.
    for (const k of kinds) {
      if (TARGET_KINDS.has(k)) fail(`${path}.kind`, `target kind ${q(k)} cannot be combined with other kinds in target ${q(name)} of ${label}`)
      if (!isCrateType(k)) fail(`${path}.kind`, `unknown target kind ${q(k)} in target ${q(name)} of ${label}`)
    }
    kind = single === 'proc-macro' ? 'proc-macro' : 'lib'
    if (crateTypes.includes('bin')) {
      fail(`${path}.crate_types`, `library target ${q(name)} of ${label} cannot have crate type \`bin\``)
    }
    if (crateTypes.includes('proc-macro') && crateTypes.length > 1) {
      fail(`${path}.crate_types`, `cannot mix \`proc-macro\` crate type with others in target ${q(name)} of ${label}`)
    }
    if ((kind === 'proc-macro') !== crateTypes.includes('proc-macro')) {
      fail(`${path}.crate_types`, `a proc-macro target must have kind and crate types exactly \`proc-macro\`, got kind ${kinds.join(', ')} and crate types ${crateTypes.join(', ')} in target ${q(name)} of ${label}`)
    }
  }
  if (crateTypes.includes('dylib') && crateTypes.includes('cdylib')) {
    fail(`${path}.crate_types`, `library ${q(name)} of ${label} cannot set the crate type of both \`dylib\` and \`cdylib\``)
  }
  const requiredFeatures =
    t['required-features'] === undefined ? [] : asStringArray(t['required-features'], path, 'required-features', fail)
  // Metadata from older cargos has no `test` key; cargo's defaults are true except for benches, examples and build scripts.
  const test = t.test === undefined ? kind !== 'bench' && kind !== 'example' && kind !== 'custom-build' : asBoolean(t.test, path, 'test', fail)
  // `doctest` defaults to true for libraries, the only targets rustdoc tests.
  const doctest = t.doctest === undefined ? kind === 'lib' || kind === 'proc-macro' : asBoolean(t.doctest, path, 'doctest', fail)
  return {
    name,
    kind,
    crateTypes,
    srcPath: asString(t.src_path, path, 'src_path', fail),
    test,
    doctest,
    requiredFeatures
  }
}

function parseDepKind(v: Json, base: string, key: Key, fail: Fail): DependencyKind {
  if (v === null || v === undefined || v === 'normal') return 'normal'
  if (v === 'dev' || v === 'build') return v
  return fail(join(base, key), `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`)
}

/** cargo metadata writes `publish = false` as `[]` (no registry may have it); both read as false. */
function parsePublish(v: Json, base: string, key: Key, fail: Fail): string[] | false {
  if (v === false) return false
  const registries = asStringArray(v, base, key, fail)
  return registries.length === 0 ? false : registries
}

function describe(v: Json): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`
}

/** A JSON path is built only for a message: `base` plus a property name or an index. */
type Key = string | number | null

function join(base: string, key: Key): string {
  if (key === null) return base
  if (typeof key === 'number') return `${base}[${key}]`
  return base === '' ? key : `${base}.${key}`
}

function asObject(v: Json, base: string, key: Key, fail: Fail, message?: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return fail(join(base, key), message ?? `expected an object, got ${describe(v)}`)
  }
  return v as Obj
}

function asArray(v: Json, base: string, key: Key, fail: Fail): Json[] {
  if (!Array.isArray(v)) return fail(join(base, key), v === undefined ? 'missing (expected an array)' : `expected an array, got ${describe(v)}`)
  return v
}

function asString(v: Json, base: string, key: Key, fail: Fail): string {
  if (typeof v !== 'string') return fail(join(base, key), v === undefined ? 'missing (expected a string)' : `expected a string, got ${describe(v)}`)
  return v
}

function asBoolean(v: Json, base: string, key: Key, fail: Fail): boolean {
  if (typeof v !== 'boolean') return fail(join(base, key), `expected true or false, got ${describe(v)}`)
  return v
}

function asStringArray(v: Json, base: string, key: Key, fail: Fail): string[] {
  const items = asArray(v, base, key, fail)
  const out: string[] = []
  for (let i = 0; i < items.length; i++) {
    const x = items[i]
    out.push(typeof x === 'string' ? x : asString(x, join(base, key), i, fail))
  }
  return out
}

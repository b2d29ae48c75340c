import path from 'node:path'
import { UserError } from '../errors.js'
import { globToRegExp, isGlob } from './glob.js'
import type { Invocation } from './invocation.js'
import type { Metadata, Package, PackageId } from './metadata.js'

/** The packages cargo builds as roots, and any warning cargo would print about the selection. */
export interface Selection {
  packages: Package[]
  warnings: string[]
}

/**
 * Selects packages exactly as cargo does for `-p`, `--workspace`/`--exclude`, or neither: the package of
 * the manifest cargo runs on, or the workspace's default members when that manifest is the root.
 * `currentManifest` is the absolute path of that manifest.
 */
export function selectPackages(metadata: Metadata, invocation: Invocation, currentManifest: string): Selection {
  const members = metadata.workspaceMembers.map(id => metadata.packages.get(id)!)
  const warnings: string[] = []
  if (invocation.exclude.length > 0 && !invocation.workspace) {
    throw new UserError('`--exclude` can only be used together with `--workspace`')
  }
  if (invocation.workspace) {
    const excluded = new Set<PackageId>()
    for (const spec of invocation.exclude) {
      const matched = members.filter(p => specMatches(spec, p))
      if (matched.length === 0) warnings.push(`excluded package(s) \`${spec}\` not found in workspace \`${metadata.workspaceRoot}\``)
      for (const p of matched) excluded.add(p.id)
    }
    return { packages: sortById(members.filter(p => !excluded.has(p.id))), warnings }
  }
  if (invocation.packages.length > 0) {
    const all = [...metadata.packages.values()]
    const chosen = new Map<PackageId, Package>()
    for (const spec of invocation.packages) {
      const matched = all.filter(p => specMatches(spec, p))
      if (matched.length === 0) {
        throw new UserError(`package ID specification \`${spec}\` did not match any packages`)
      }
      if (matched.length > 1 && !isGlob(spec)) {
        const list = matched.map(p => `${p.name}@${p.version}`).join(', ')
        throw new UserError(`the specification \`${spec}\` is ambiguous: it matches ${list}; add a version (\`name@version\`)`)
      }
      for (const p of matched) chosen.set(p.id, p)
    }
    return { packages: sortById([...chosen.values()]), warnings }
  }
  return { packages: sortById(defaultMembers(metadata, currentManifest)), warnings }
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
  return root ? [root] : metadata.workspaceMembers.map(id => metadata.packages.get(id)!)
}

/** The workspace member whose manifest cargo runs on (cargo's `Workspace::current_opt`), if it is one. */
export function currentPackage(metadata: Metadata, currentManifest: string): Package | null {
  const current = path.resolve(currentManifest)
  return metadata.workspaceMembers.map(id => metadata.packages.get(id)!).find(p => path.resolve(p.manifestPath) === current) ?? null
}

/** The package of the workspace root manifest; null for a virtual workspace. */
export function rootPackage(metadata: Metadata): Package | null {
  return currentPackage(metadata, path.join(metadata.workspaceRoot, 'Cargo.toml'))
}

function sortById(packages: Package[]): Package[] {
  return packages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Whether a package id specification (`name`, `name@1.2`, `name:1.2.3`, a full id, or a glob) matches. */
export function specMatches(spec: string, pkg: Package): boolean {
  if (spec === pkg.id) return true
  if (isGlob(spec)) return globToRegExp(spec, 'a package specification').test(pkg.name)
  let name = spec
  let version: string | null = null
  let url: string | null = null
  const hash = spec.indexOf('#')
  if (hash >= 0) {
    const fragment = spec.slice(hash + 1)
    url = spec.slice(0, hash)
    const at = fragment.indexOf('@')
    if (at >= 0) {
      name = fragment.slice(0, at)
      version = fragment.slice(at + 1)
    } else if (/^\d/.test(fragment)) {
      name = url.replace(/\/+$/, '').split('/').pop() ?? ''
      version = fragment
    } else {
      name = fragment
    }
  } else {
    const m = /^([^@:]+)[@:](.+)$/.exec(spec)
    if (m) {
      name = m[1]!
      version = m[2]!
    }
  }
  if (name !== pkg.name) return false
  if (url !== null && stripScheme(url) !== stripScheme(sourceUrl(pkg))) return false
  return version === null || partialVersionMatches(version, pkg.version)
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
  const parse = (v: string) => {
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(v.trim())
    return m ? { major: m[1]!, minor: m[2], patch: m[3], pre: m[4], build: m[5] } : null
  }
  const want = parse(spec)
  const have = parse(version)
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

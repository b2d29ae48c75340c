import type { Location, Locator } from '../findings/finding.js'
import type { BuildContext } from '../model/build-context.js'
import type { Metadata, Package } from '../model/metadata.js'
import { forwardSlashes, joinPath, relativeOrAbsolute, relativePosix, resolveFrom } from '../model/paths.js'
import type { SettingSource } from '../model/profile.js'
import type { Unit } from '../model/unit-graph.js'
import type { TomlDocument } from '../toml/document.js'

const SECTIONS: Record<string, string> = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' }

/**
 * Finds the manifest line behind each finding. `readToml` returns a parsed document or null when the file
 * cannot be read (e.g. metadata recorded elsewhere); the first line of the root manifest is the fallback.
 */
export function createLocator(metadata: Metadata, context: BuildContext, readToml: (file: string) => TomlDocument | null): Locator {
  const root = metadata.workspaceRoot
  const cache = new Map<string, TomlDocument | null>()
  const doc = (file: string): TomlDocument | null => {
    if (!cache.has(file)) {
      let parsed: TomlDocument | null = null
      try {
        parsed = readToml(file)
      } catch {
        // A manifest cargo accepted but we cannot parse only costs the exact line.
      }
      cache.set(file, parsed)
    }
    return cache.get(file)!
  }
  // Manifests outside the workspace root keep their absolute path; paths are read by their own form, so
  // metadata recorded on Windows gives the same locations on any platform.
  const relative = (file: string): string => relativePosix(root, file) ?? forwardSlashes(file)
  const at = (pkg: Package, ...paths: (string | number)[][]): Location => {
    const d = doc(pkg.manifestPath)
    for (const p of paths) {
      const line = d?.lineOf(p) ?? null
      if (line !== null) return { file: relative(pkg.manifestPath), line }
    }
    return { file: relative(pkg.manifestPath), line: 1 }
  }
  const fromSource = (source: SettingSource | null | undefined): Location | null => {
    if (!source || !('file' in source)) return null
    return { file: relative(resolveFrom(root, source.file)), line: source.line }
  }
  const rootManifest = (): Location => ({ file: 'Cargo.toml', line: 1 })

  return {
    crateType(unit) {
      const pkg = unit.pkg
      if (unit.target.kind === 'example') {
        const index = exampleIndex(doc(pkg.manifestPath), unit.target.name)
        if (index !== null) return at(pkg, ['example', index, 'crate-type'], ['example', index, 'crate_type'], ['example', index])
      }
      return at(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib', 'proc-macro'], ['lib'], ['package'])
    },
    dependency(dependent, dep, edge, platform) {
      const pkg = dependent.pkg
      if (edge === 'own-lib') return this.crateType(dep as Unit)
      const names = 'pkgName' in dep ? [dep.pkgName, dep.externName] : [dep.pkg.name, dep.target.name.replace(/-/g, '_')]
      const keys = [...new Set(names.flatMap(n => [n, n.replace(/_/g, '-'), n.replace(/-/g, '_')]))]
      const section = SECTIONS[edge] ?? 'dependencies'
      const d = doc(pkg.manifestPath)
      const platformKey = platform === null ? null : targetTableKey(d, platform)
      const table: (string | number)[] = platformKey === null ? [section] : ['target', platformKey, section]
      // The same package may also sit under a renamed key: look for `package = "<name>"`.
      const renamed = renamedKey(d, table, names[0]!)
      if (renamed) keys.unshift(renamed)
      const key = keys.find(k => d?.lineOf([...table, k]) != null)
      const location = at(pkg, ...keys.map(k => [...table, k]), table)
      if (key === undefined || !inheritsFromWorkspace(d, [...table, key])) return location
      // `dep = { workspace = true }`: the version, path and features live in the root's `[workspace.dependencies]`.
      const rootManifest = joinPath(root, 'Cargo.toml')
      const line = doc(rootManifest)?.lineOf(['workspace', 'dependencies', key]) ?? null
      if (line === null) return location
      return { ...location, related: [{ file: relative(rootManifest), line, message: `\`${key}\` in \`[workspace.dependencies]\`` }] }
    },
    file(absolute, line) {
      // Toolchain and policy files may sit above a workspace in a subdirectory: keep them relative.
      return { file: relativeOrAbsolute(root, absolute), line }
    },
    manifestKey(pkg, ...paths) {
      return at(pkg, ...paths)
    },
    dependencyNamed(pkg, name) {
      const d = doc(pkg.manifestPath)
      const value = d?.value as Record<string, unknown> | undefined
      const tables: string[][] = Object.values(SECTIONS).map(section => [section])
      const targets = value?.target
      if (targets && typeof targets === 'object') {
        for (const platform of Object.keys(targets)) tables.push(...Object.values(SECTIONS).map(section => ['target', platform, section]))
      }
      const keys = [...new Set([name, name.replace(/_/g, '-'), name.replace(/-/g, '_')])]
      const renamed = tables.map(t => renamedKey(d, t, name)).filter((k): k is string => k !== null)
      return at(pkg, ...tables.flatMap(t => [...keys, ...renamed].map(k => [...t, k])))
    },
    setting(setting, unit) {
      // rustdoc compiles doc tests with the rustdocflags instead.
      if (setting === 'rustflags') return fromSource(unit.mode === 'doctest' ? unit.targetInfo.rustdocflagsSource : unit.targetInfo.rustflagsSource) ?? rootManifest()
      const profile = unit.mode === 'build' ? context.profile : context.testProfile
      return fromSource(profile.sources[setting]) ?? rootManifest()
    }
  }
}

/**
 * The `[target.<key>]` table a dependency's platform came from. cargo reports `cfg(...)` expressions in its
 * own spelling, which may differ from the manifest's in spacing.
 */
function targetTableKey(doc: TomlDocument | null, platform: string): string {
  const targets = (doc?.value as { target?: unknown } | undefined)?.target
  if (!targets || typeof targets !== 'object') return platform
  const squeeze = (s: string): string => s.replace(/\s+/g, '')
  return Object.keys(targets).find(k => k === platform) ?? Object.keys(targets).find(k => squeeze(k) === squeeze(platform)) ?? platform
}

function inheritsFromWorkspace(doc: TomlDocument | null, keyPath: (string | number)[]): boolean {
  let node: unknown = doc?.value
  for (const k of keyPath) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined
  return Boolean(node && typeof node === 'object' && (node as { workspace?: unknown }).workspace === true)
}

function exampleIndex(doc: TomlDocument | null, name: string): number | null {
  const examples = (doc?.value as { example?: { name?: string }[] } | undefined)?.example
  if (!Array.isArray(examples)) return null
  const i = examples.findIndex(e => e?.name === name)
  return i < 0 ? null : i
}

function renamedKey(doc: TomlDocument | null, table: (string | number)[], pkgName: string): string | null {
  let node: unknown = doc?.value
  for (const k of table) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined
  if (!node || typeof node !== 'object') return null
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (value && typeof value === 'object' && (value as { package?: unknown }).package === pkgName) return key
  }
  return null
}

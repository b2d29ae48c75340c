import { isJsonObject } from '../json.js'
import type { Package, Target } from '../model/metadata.js'
import { forwardSlashes, pathModuleFor, resolveFrom } from '../model/paths.js'
import { defaultBenched, type TargetBenched } from '../model/root-units.js'
import type { TargetHarness } from '../model/unit-graph.js'
import type { TomlDocument } from '../toml/document.js'

/** The kinds declared in arrays of tables named after them (`[[bin]]`, …); the library is `[lib]`. */
const ARRAY_TABLE_KINDS: ReadonlySet<Target['kind']> = new Set(['bin', 'example', 'test', 'bench'])

/**
 * `bench = …` of each target's table in its package's manifest (`[lib]`, `[[bin]]`, `[[example]]`, `[[test]]`,
 * `[[bench]]`), which `cargo metadata` does not print; cargo's default (`defaultBenched`) where the table does
 * not say or the manifest cannot be read. A table is the target's by `name`, or by `path` when it has no name
 * (cargo then infers the name from the path).
 */
export function benchedReader(manifestOf: (pkg: Package) => TomlDocument | null): TargetBenched {
  return (pkg, target) => {
    const table = targetTable(manifestOf(pkg), pkg, target)
    const bench = table?.bench
    return typeof bench === 'boolean' ? bench : defaultBenched(target)
  }
}

/**
 * `harness = …` of each target's table in its package's manifest, which `cargo metadata` does not print; true
 * (cargo's default for every kind) where the table does not say or the manifest cannot be read.
 */
export function harnessReader(manifestOf: (pkg: Package) => TomlDocument | null): TargetHarness {
  return (pkg, target) => targetTable(manifestOf(pkg), pkg, target)?.harness !== false
}

function targetTable(doc: TomlDocument | null, pkg: Package, target: Target): Record<string, unknown> | null {
  if (doc === null) return null
  if (target.kind === 'lib' || target.kind === 'proc-macro') {
    const lib = doc.value.lib
    return isJsonObject(lib) ? lib : null
  }
  const tables = ARRAY_TABLE_KINDS.has(target.kind) ? doc.value[target.kind] : undefined
  if (!Array.isArray(tables)) return null
  const dir = pathModuleFor(pkg.manifestPath).dirname(pkg.manifestPath)
  const samePath = (p: unknown): boolean =>
    typeof p === 'string' && forwardSlashes(pathModuleFor(dir).normalize(resolveFrom(dir, p))) === forwardSlashes(pathModuleFor(target.srcPath).normalize(target.srcPath))
  const tablesOf = (tables as unknown[]).filter(isJsonObject)
  return tablesOf.find(t => t.name === target.name) ?? tablesOf.find(t => t.name === undefined && samePath(t.path)) ?? null
}

import { isJsonObject } from '../json.js'
import type { ResolverVersion } from '../model/features.js'
import type { Package } from '../model/metadata.js'
import type { TomlDocument } from '../toml/document.js'

/**
 * The feature resolver of a workspace, as cargo's `Workspace::resolve_behavior` decides it: `resolver` of
 * `[workspace]`, else of the root `[package]`, else the root package's edition (2021 and later resolve as
 * "2"); a virtual workspace without the key uses "1", whatever its members' editions. Resolver "3" resolves
 * features as "2". Null when the root manifest could not be read.
 */
export function resolverVersion(rootManifest: TomlDocument | null, rootPackage: Package | null): ResolverVersion | null {
  if (rootManifest === null) return null
  const { workspace, package: pkg } = rootManifest.value
  const declared = tableKey(workspace, 'resolver') ?? tableKey(pkg, 'resolver')
  if (declared !== undefined) return declared === '1' ? 1 : 2
  if (rootPackage === null) return 1
  return rootPackage.edition === '2015' || rootPackage.edition === '2018' ? 1 : 2
}

function tableKey(table: unknown, key: string): unknown {
  return isJsonObject(table) ? table[key] : undefined
}

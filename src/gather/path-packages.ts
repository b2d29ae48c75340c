/**
 * A manifest of the repository can make cargo read a package from anywhere on the runner: a `path`
 * dependency, a `[patch]` or `[replace]` path, a workspace member or a `package.workspace` outside the checkout
 * (another repository checked out beside it, a directory of the runner). `cargo metadata` then lists that
 * package with its name, version, features and dependencies, which would reach the summary, the pull-request
 * comment, the SARIF file and the annotations. So in a repository the action does not trust, every path
 * package and the workspace root must be inside the checkout, through any symlink; the first that is not stops
 * the run with one line that names it by its path, never by what was read from it.
 */
import path from 'node:path'
import { UserError } from '../errors.js'
import { isInsideRepository, type RepositoryScope } from '../input-file.js'
import type { Metadata, Package } from '../model/metadata.js'
import { relativeOrAbsolute } from '../model/paths.js'

/** Throws a one-line UserError for the workspace root or the first path package outside the repository. */
export function refuseOutsidePathPackages(metadata: Metadata, scope: RepositoryScope): void {
  const shown = (file: string): string => relativeOrAbsolute(scope.root, file) || '.'
  if (!isInsideRepository(scope, metadata.workspaceRoot)) {
    throw refusal(`the workspace root \`${shown(metadata.workspaceRoot)}\` is outside the repository`)
  }
  const outside = (pkg: Package): boolean => pkg.source === null && !isInsideRepository(scope, path.dirname(pkg.manifestPath))
  const found = [...metadata.packages.values()].filter(outside)
  if (found.length === 0) return
  const far = new Set(found.map(p => p.id))
  // Named from the repository's side: the first package inside whose dependency it is.
  for (const pkg of metadata.packages.values()) {
    if (far.has(pkg.id)) continue
    const edge = pkg.deps.find(e => far.has(e.pkg))
    if (edge === undefined) continue
    const dep = metadata.packages.get(edge.pkg)!
    throw refusal(`\`${shown(pkg.manifestPath)}\` depends on the path package at \`${shown(dep.manifestPath)}\`, which is outside the repository`)
  }
  throw refusal(`the path package at \`${shown(found[0]!.manifestPath)}\` is outside the repository`)
}

function refusal(what: string): UserError {
  return new UserError(`${what}: cargo read it, and what it holds would reach the report (set trust-repository-config to allow it)`)
}

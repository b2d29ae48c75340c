/**
 * `cargo metadata` reads the workspace's `Cargo.lock` and writes it whenever it resolves anything anew, through
 * any symlink (`ops::write_pkg_lockfile`, src/cargo/ops/lockfile.rs). A repository that commits `Cargo.lock` as a
 * symlink would have cargo overwrite or create a file it chooses (a runner's `~/.cargo/credentials.toml` parses
 * as a lock file), or read one and quote it in a parse error. So before cargo runs on a repository it does not
 * trust, every `Cargo.lock` it could take for the manifest's must be absent or a regular file, in a directory
 * of the repository.
 */
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors.js'
import { isInsideRepository, type RepositoryScope, scopeFor } from '../input-file.js'
import { isJsonObject } from '../json.js'
import type { TomlDocument } from '../toml/document.js'

/**
 * The lock files cargo may use for `manifestPath`: the workspace root holds it, and cargo looks for the root
 * (`find_workspace_root_with_loader`, src/cargo/core/workspace.rs) at the manifest itself, at the root its
 * `package.workspace` names, and at each directory above it that has a `Cargo.toml`.
 */
export function candidateLockfiles(manifestPath: string, manifest: TomlDocument | null, hasManifest: (dir: string) => boolean): string[] {
  const dir = path.dirname(path.resolve(manifestPath))
  const dirs = [dir]
  const pkg = manifest?.value.package
  const named = isJsonObject(pkg) ? pkg.workspace : undefined
  if (typeof named === 'string') dirs.push(path.resolve(dir, named))
  for (let up = path.dirname(dir); ; up = path.dirname(up)) {
    if (hasManifest(up)) dirs.push(up)
    if (path.dirname(up) === up) break
  }
  return [...new Set(dirs)].map(d => path.join(d, 'Cargo.lock'))
}

/**
 * Refuses, with one line naming it, a candidate lock file that is a symlink or not a regular file, or (with a
 * scope) that lies in a directory of the repository leading outside it. Lock files of directories outside the
 * repository are the runner's own and are left as they are.
 */
export function refuseUnsafeLockfiles(lockfiles: readonly string[], scope: RepositoryScope | null): void {
  for (const file of lockfiles) {
    const dir = path.dirname(file)
    if (scope !== null && scopeFor(scope, dir) === null) continue
    const leadsOutside = scope !== null && !isInsideRepository(scope, dir)
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(file)
    } catch {
      if (leadsOutside) throw refusal(file, 'its directory leads outside the repository through a symlink, and cargo would write the lock file there')
      continue
    }
    if (stat.isSymbolicLink()) throw refusal(file, 'is a symlink: cargo would read and write the file it points to')
    if (!stat.isFile()) throw refusal(file, 'is not a regular file')
    if (leadsOutside) throw refusal(file, 'its directory leads outside the repository through a symlink')
  }
}

function refusal(file: string, why: string): UserError {
  return new UserError(`\`${file}\`: ${why} (set trust-repository-config to allow it)`)
}

import path from 'node:path'
import type { Metadata, PackageId } from '../model/metadata.js'
import type { TomlDocument } from '../toml/document.js'

/**
 * `[workspace] default-members` of the root manifest as package ids, for metadata of cargo before 1.71, which
 * has no `workspace_default_members`: each entry names a member's directory relative to the root, `*` and `?`
 * matching within one path component (cargo's `Workspace::find_members` expands them as globs). Null when the
 * manifest has no such list, or an entry matches no member (cargo then refuses the workspace).
 */
export function manifestDefaultMembers(rootManifest: TomlDocument | null, metadata: Metadata): PackageId[] | null {
  const workspace = rootManifest?.value.workspace
  if (typeof workspace !== 'object' || workspace === null || Array.isArray(workspace)) return null
  const entries = (workspace as Record<string, unknown>)['default-members']
  if (!Array.isArray(entries) || !entries.every((e): e is string => typeof e === 'string')) return null
  const root = path.resolve(metadata.workspaceRoot)
  const members = metadata.workspaceMembers.map(id => ({ id, dir: path.relative(root, path.dirname(path.resolve(metadata.packages.get(id)!.manifestPath))).split(path.sep).join('/') }))
  const chosen = new Set<PackageId>()
  for (const entry of entries) {
    const pattern = globPattern(path.posix.normalize(entry.replace(/\\/g, '/')).replace(/\/$/, '').replace(/^\.$/, ''))
    const matched = members.filter(m => pattern.test(m.dir))
    if (matched.length === 0) return null
    for (const m of matched) chosen.add(m.id)
  }
  return metadata.workspaceMembers.filter(id => chosen.has(id))
}

function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
  return new RegExp(`^${body}$`)
}

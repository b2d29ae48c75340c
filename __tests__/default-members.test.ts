/**
 * `[workspace] default-members` read from the root manifest when the metadata has no
 * `workspace_default_members` (cargo before 1.71): a plain `cargo build` builds those members only.
 */
import { describe, expect, it } from '@jest/globals'
import { manifestDefaultMembers } from '../src/manifest/default-members.js'
import { parseMetadata } from '../src/metadata/parse.js'
import { defaultInvocation } from '../src/model/invocation.js'
import { selectPackages } from '../src/model/selection.js'
import { parseTomlDocument } from '../src/toml/document.js'

const member = (name: string, dir: string) => ({
  name,
  version: '0.1.0',
  id: `path+file:///w/${dir}#${name}@0.1.0`,
  source: null,
  dependencies: [],
  targets: [{ kind: ['lib'], crate_types: ['lib'], name, src_path: `/w/${dir}/src/lib.rs` }],
  manifest_path: `/w/${dir}/Cargo.toml`
})

// As cargo 1.65 prints it: no `workspace_default_members`.
const packages = [member('l0', 'l0'), member('pm2', 'pm2'), member('app4', 'apps/app4'), member('app5', 'apps/app5')]
const metadata = parseMetadata(
  JSON.stringify({
    version: 1,
    packages,
    workspace_members: packages.map(p => p.id),
    resolve: { nodes: packages.map(p => ({ id: p.id, deps: [], features: [] })), root: null },
    workspace_root: '/w',
    target_directory: '/w/target'
  }),
  'metadata.json'
)
const manifest = (text: string) => parseTomlDocument(text, '/w/Cargo.toml')
const names = (ids: string[] | null) => (ids === null ? null : ids.map(id => metadata.packages.get(id)!.name))

describe('default-members from the root manifest', () => {
  it('names the members whose directories the entries give, globs within one component included', () => {
    expect(names(manifestDefaultMembers(manifest('[workspace]\nmembers = ["l0", "pm2", "apps/*"]\ndefault-members = ["l0", "./apps/app4/"]\n'), metadata))).toEqual(['l0', 'app4'])
    expect(names(manifestDefaultMembers(manifest('[workspace]\nmembers = ["*"]\ndefault-members = ["apps/*"]\n'), metadata))).toEqual(['app4', 'app5'])
  })

  it('is null without the key, and when an entry names no member (cargo refuses the workspace)', () => {
    expect(manifestDefaultMembers(manifest('[workspace]\nmembers = ["l0"]\n'), metadata)).toBeNull()
    expect(manifestDefaultMembers(manifest('[workspace]\ndefault-members = ["nowhere"]\n'), metadata)).toBeNull()
    expect(manifestDefaultMembers(null, metadata)).toBeNull()
  })

  it('a plain cargo build selects them, not every member of the virtual workspace', () => {
    const withDefaults = { ...metadata, workspaceDefaultMembers: manifestDefaultMembers(manifest('[workspace]\ndefault-members = ["l0", "apps/app4"]\n'), metadata) }
    const selected = selectPackages(withDefaults, defaultInvocation({ command: 'build' }), '/w/Cargo.toml').packages.map(p => p.name)
    expect(selected.sort()).toEqual(['app4', 'l0'])
    expect(selectPackages(metadata, defaultInvocation({ command: 'build' }), '/w/Cargo.toml').packages).toHaveLength(4)
  })
})

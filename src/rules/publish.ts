import { meantForOtherProjects } from '../linkage/boundaries.js'
import type { CrateType } from '../model/crate-type.js'
import type { Metadata, Package } from '../model/metadata.js'
import type { Draft, RuleContext } from './context.js'
import { ruleInfo } from './registry.js'

const LINKABLE_FROM_RUST = new Set<CrateType>(['lib', 'rlib'])

/**
 * `published-dylib`: a workspace library meant for other projects (`meantForOtherProjects`: not
 * `publish = false`, and a `description` and a `license` or `license-file`, or registries named in `publish`)
 * that is a Rust `dylib` without an rlib. An application's own engine crate, linked by its own executables, has
 * no such metadata and is not reported. Checked on every member, selected or not: it is a property of the
 * manifest, not of this build.
 */
export function publishFindings(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const pkg of publishedDylibs(ctx.metadata)) {
    const lib = pkg.targets.find(t => t.kind === 'lib')!
    const types = lib.crateTypes.map(t => `"${t}"`).join(', ')
    out.push({
      rule: 'published-dylib',
      severity: ruleInfo('published-dylib').severity,
      package: pkg.name,
      target: lib.name,
      kind: 'lib',
      mode: 'build',
      crateType: lib.crateTypes[0]!,
      platform: 'target',
      crates: [lib.name.replace(/-/g, '_')],
      message: `\`${pkg.name}\` is published for other projects (${publishedBecause(pkg)}), but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
      fixes: [
        `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
        'Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`.'
      ],
      ...ctx.locator.manifestKey(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib'])
    })
  }
  return out
}

/** What makes the package look published, for the message. */
function publishedBecause(pkg: Package): string {
  if (Array.isArray(pkg.publish)) return `\`publish\` names ${pkg.publish.map(r => `\`${r}\``).join(', ')}`
  return `it has a \`description\` and a \`${pkg.license !== null && pkg.license !== '' ? 'license' : 'license-file'}\`, as crates.io requires, and no \`publish = false\``
}

/** The members `published-dylib` reports: meant for other projects, and a Rust `dylib` without an rlib. */
export function publishedDylibs(metadata: Metadata): Package[] {
  const out: Package[] = []
  for (const id of metadata.workspaceMembers) {
    const pkg = metadata.packages.get(id)
    if (!pkg || !meantForOtherProjects(pkg)) continue
    const lib = pkg.targets.find(t => t.kind === 'lib')
    // Only a Rust `dylib` is a trap for dependents: a `cdylib` or `staticlib` library is built for C, Python
    // or a plugin host, and a Rust crate that depends on it by mistake fails at once with a clear error.
    if (lib && !lib.crateTypes.some(t => LINKABLE_FROM_RUST.has(t)) && lib.crateTypes.includes('dylib')) out.push(pkg)
  }
  return out
}

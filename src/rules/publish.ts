import type { CrateType } from '../model/crate-type.js'
import type { Draft, RuleContext } from './context.js'
import { ruleInfo } from './registry.js'

const LINKABLE_FROM_RUST = new Set<CrateType>(['lib', 'rlib'])

/**
 * `published-dylib`: a workspace library that may be published as a Rust `dylib` without an rlib. Checked on
 * every member, selected or not: it is a property of the manifest, not of this build.
 */
export function publishFindings(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  for (const id of ctx.metadata.workspaceMembers) {
    const pkg = ctx.metadata.packages.get(id)
    if (!pkg || pkg.publish === false) continue
    const lib = pkg.targets.find(t => t.kind === 'lib')
    // Only a Rust `dylib` is a trap for dependents: a `cdylib` or `staticlib` library is built for C, Python
    // or a plugin host, and a Rust crate that depends on it by mistake fails at once with a clear error.
    if (!lib || lib.crateTypes.some(t => LINKABLE_FROM_RUST.has(t)) || !lib.crateTypes.includes('dylib')) continue
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
      message: `\`${pkg.name}\` can be published, but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
      fixes: [
        `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
        'Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`.'
      ],
      ...ctx.locator.manifestKey(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib'])
    })
  }
  return out
}

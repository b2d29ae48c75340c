import { adviceFix, type Finding } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { compareFindings } from '../findings/order.js'
import { abiFindings } from './abi.js'
import { collisionFindings } from './collision.js'
import { doctestFindings } from './doctests.js'
import type { Package } from '../model/metadata.js'
import { forwardSlashes, isAbsolutePath } from '../model/paths.js'
import type { Draft, RuleContext } from './context.js'
import { duplicateSymbolFindings } from './duplicate-symbol.js'
import { linkageFindings } from './linkage.js'
import { pluginFindings } from './plugins.js'
import { publishFindings } from './publish.js'
import { staticPieFindings } from './static-pie.js'
import { toolchainFindings } from './toolchain.js'

/**
 * Every rule over the analysed workspace: the linkage rules (what rustc and cargo would refuse or what fails
 * at run time) and the toolchain and plugin-safety rules; deduplicated, fingerprinted, sorted.
 */
export function evaluateRules(ctx: RuleContext): Finding[] {
  const drafts = [...linkageFindings(ctx.linkage, ctx.locator, ctx.metadata), ...doctestFindings(ctx.linkage, ctx.locator, ctx.metadata, ctx.invocation.target !== null), ...staticPieFindings(ctx.linkage, ctx.locator), ...collisionFindings(ctx), ...duplicateSymbolFindings(ctx), ...toolchainFindings(ctx), ...abiFindings(ctx), ...pluginFindings(ctx), ...publishFindings(ctx)]
  return dedupe(drafts.map(d => inRepository(d, ctx)))
    .map(f => ({ ...f, fixes: f.fixes.map(adviceFix), fingerprint: findingFingerprint(f) }))
    .sort(compareFindings)
}

/**
 * A finding located in the manifest of a package outside the workspace (a registry or git dependency, whose
 * manifest sits in cargo's home) points instead at the workspace manifest line that brings that package in:
 * the dependency entry of the last workspace package on its inclusion path, else the root manifest. Related
 * lines outside the workspace are dropped; the message names the crate already.
 */
function inRepository(draft: Draft, ctx: RuleContext): Draft {
  const outside = (file: string): boolean => isAbsolutePath(file) && externalManifests(ctx).has(forwardSlashes(file))
  const related = draft.related?.filter(r => !outside(r.file))
  const kept: Draft = related === undefined || related.length === draft.related!.length ? draft : { ...draft, ...(related.length > 0 ? { related } : { related: undefined }) }
  if (!outside(draft.file)) return kept
  const local = new Set(ctx.metadata.workspaceMembers)
  const byCrate = new Map<string, Package>()
  for (const pkg of ctx.metadata.packages.values()) {
    const lib = pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
    if (lib) byCrate.set(`${local.has(pkg.id) ? 'local' : 'external'}:${lib.name.replace(/-/g, '_')}`, pkg)
  }
  for (const path of draft.inclusion ?? []) {
    const names = [...path.chain, path.crate]
    for (let i = 1; i < names.length; i++) {
      const dependent = byCrate.get(`local:${names[i - 1]}`) ?? (i === 1 && draft.package !== undefined ? [...ctx.metadata.packages.values()].find(p => p.name === draft.package && local.has(p.id)) : undefined)
      const external = byCrate.get(`external:${names[i]}`)
      if (dependent !== undefined && external !== undefined) return { ...kept, ...ctx.locator.dependencyNamed(dependent, external.name) }
    }
  }
  return { ...kept, file: 'Cargo.toml', line: 1 }
}

/** The manifests of packages outside the workspace's members, as the locator would name them. */
function externalManifests(ctx: RuleContext): Set<string> {
  let known = externalManifestsOf.get(ctx.metadata)
  if (known === undefined) {
    const members = new Set(ctx.metadata.workspaceMembers)
    known = new Set([...ctx.metadata.packages.values()].filter(p => !members.has(p.id)).map(p => forwardSlashes(p.manifestPath)))
    externalManifestsOf.set(ctx.metadata, known)
  }
  return known
}

const externalManifestsOf = new WeakMap<RuleContext['metadata'], Set<string>>()

function dedupe(findings: Draft[]): Draft[] {
  const seen = new Set<string>()
  return findings.filter(f => {
    const key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join('\0')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

import { adviceFix, type Finding } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { compareFindings } from '../findings/order.js'
import { abiFindings } from './abi.js'
import { collisionFindings } from './collision.js'
import { doctestFindings } from './doctests.js'
import type { Package } from '../model/metadata.js'
import { forwardSlashes, isAbsolutePath } from '../model/paths.js'
import { type Draft, harnessRunner, invocationLayout, type RuleContext } from './context.js'
import { duplicateSymbolFindings } from './duplicate-symbol.js'
import { linkageFindings } from './linkage.js'
import { pluginFindings } from './plugins.js'
import { publishFindings } from './publish.js'
import { type RuleId, ruleInfo } from './registry.js'
import { staticPieFindings } from './static-pie.js'
import { toolchainFindings } from './toolchain.js'

/** A family of rules: the rules it reports, and whether any of its findings can be an error. */
export interface RuleFamily {
  reports: readonly RuleId[]
  /** Some finding is an error: a rule whose default severity is `error`, or one the family raises to it. */
  errors: boolean
  drafts: (ctx: RuleContext) => Draft[]
}

/**
 * A family reports errors when one of its rules is an error by default. The one rule raised to an error
 * (`unsupported-crate-type`, where cargo refuses the unit) is the linkage family's, which has errors anyway;
 * `__tests__/rule-catalogue.test.ts` checks every finding of its cases against its family.
 */
const family = (reports: readonly RuleId[], drafts: RuleFamily['drafts']): RuleFamily => ({
  reports,
  errors: reports.some(r => ruleInfo(r).severity === 'error'),
  drafts
})

/**
 * Every family, in the order their findings are collected: the linkage rules (what rustc and cargo would
 * refuse or what fails at run time), then the toolchain and plugin-safety rules.
 */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  family(
    ['duplicate-linkage', 'rlib-required', 'dylib-required', 'no-linkable-lib', 'panic-strategy', 'lto-conflict', 'unsupported-crate-type', 'proc-macro-dylib', 'runtime-dylib'],
    ctx => linkageFindings(ctx.linkage, ctx.locator, ctx.metadata, harnessRunner(ctx.invocation), invocationLayout(ctx))
  ),
  family(['doctest-runtime'], ctx => doctestFindings(ctx.linkage, ctx.locator, ctx.metadata, ctx.invocation.target !== null, ctx.build.inheritedLibraryPath ?? [])),
  family(['static-pie-rpath'], ctx => staticPieFindings(ctx.linkage, ctx.locator, harnessRunner(ctx.invocation))),
  family(['output-filename-collision'], collisionFindings),
  family(['duplicate-symbol'], duplicateSymbolFindings),
  family(['toolchain-unpinned', 'toolchain-mismatch'], toolchainFindings),
  family(['panic-strategy-mixed', 'abi-flags-divergent', 'lto-dynamic-unsound'], abiFindings),
  family(['multiple-rust-runtimes', 'global-allocator-ignored', 'global-allocator-split', 'hot-reload-layout'], pluginFindings),
  family(['published-dylib'], publishFindings)
]

/**
 * Every rule over the analysed workspace, deduplicated, fingerprinted, sorted. With `only: 'errors'` (verifying
 * a fix reads nothing else, `fixes/verify.ts`) the families that report no error are skipped, and only errors
 * are returned.
 */
export function evaluateRules(ctx: RuleContext, only: 'all' | 'errors' = 'all'): Finding[] {
  const drafts = RULE_FAMILIES.flatMap(f => (only === 'all' || f.errors ? f.drafts(ctx) : []))
  const kept = only === 'all' ? drafts : drafts.filter(d => d.severity === 'error')
  return dedupe(kept.map(d => inRepository(d, ctx)))
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
  const index = packageIndex(ctx.metadata)
  const outside = (file: string): boolean => isAbsolutePath(file) && index.externalManifests.has(forwardSlashes(file))
  const related = draft.related?.filter(r => !outside(r.file))
  const kept: Draft = related === undefined || related.length === draft.related!.length ? draft : { ...draft, ...(related.length > 0 ? { related } : { related: undefined }) }
  if (!outside(draft.file)) return kept
  for (const path of draft.inclusion ?? []) {
    const names = [...path.chain, path.crate]
    for (let i = 1; i < names.length; i++) {
      const dependent = index.members.get(names[i - 1]!) ?? (i === 1 && draft.package !== undefined ? index.memberNamed.get(draft.package) : undefined)
      const external = index.external.get(names[i]!)
      if (dependent !== undefined && external !== undefined) return { ...kept, ...ctx.locator.dependencyNamed(dependent, external.name) }
    }
  }
  return { ...kept, file: 'Cargo.toml', line: 1 }
}

/**
 * The workspace's members and the other packages by their library's crate name, members by package name,
 * and the manifests of the other packages as the locator names them; built once per metadata.
 */
interface PackageIndex {
  members: Map<string, Package>
  memberNamed: Map<string, Package>
  external: Map<string, Package>
  externalManifests: Set<string>
}

function packageIndex(metadata: RuleContext['metadata']): PackageIndex {
  let index = packageIndexes.get(metadata)
  if (index === undefined) {
    const local = new Set(metadata.workspaceMembers)
    index = { members: new Map(), memberNamed: new Map(), external: new Map(), externalManifests: new Set() }
    for (const pkg of metadata.packages.values()) {
      const member = local.has(pkg.id)
      if (member) index.memberNamed.set(pkg.name, pkg)
      else index.externalManifests.add(forwardSlashes(pkg.manifestPath))
      const lib = pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
      if (lib) (member ? index.members : index.external).set(lib.name.replace(/-/g, '_'), pkg)
    }
    packageIndexes.set(metadata, index)
  }
  return index
}

const packageIndexes = new WeakMap<RuleContext['metadata'], PackageIndex>()

function dedupe(findings: Draft[]): Draft[] {
  const seen = new Set<string>()
  return findings.filter(f => {
    const key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join('\0')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

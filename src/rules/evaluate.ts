import { adviceFix, type Finding } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { compareFindings } from '../findings/order.js'
import { abiFindings } from './abi.js'
import { collisionFindings } from './collision.js'
import { doctestFindings } from './doctests.js'
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
  return dedupe(drafts)
    .map(f => ({ ...f, fixes: f.fixes.map(adviceFix), fingerprint: findingFingerprint(f) }))
    .sort(compareFindings)
}

function dedupe(findings: Draft[]): Draft[] {
  const seen = new Set<string>()
  return findings.filter(f => {
    const key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join('\0')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

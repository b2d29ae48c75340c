/**
 * `duplicate-symbol`: a library's unit-test harness is the library's own source compiled with `--test`. When a
 * dev-dependency depends back on the library, the harness also links the library's rlib: two static copies of
 * the same code in one executable. Mangled symbols differ between the copies (each copy has its own crate
 * hash), but an unmangled one — `#[no_mangle]`, `#[export_name]` — is defined by both, and the link fails with
 * "multiple definition of `sym`" once the linker pulls in the rlib's object file that defines it. It does so
 * when code linked into the harness calls a mangled function of the rlib that sits in that same codegen unit:
 * a fact of rustc's codegen-unit partitioning, which the sources cannot tell. Hence a warning, not an error.
 */
import { crateName, unitKey, type UnitResult } from '../linkage/resolve.js'
import type { ExportedSymbol } from '../model/facts.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'
import { featureSteps } from './feature-steps.js'

export function duplicateSymbolFindings(ctx: RuleContext): Draft[] {
  const exportsOf = ctx.facts.exportedSymbols
  if (exportsOf === undefined) return []
  const out: Draft[] = []
  for (const result of ctx.linkage.results) {
    const unit = result.unit
    if (unit.mode !== 'test' || unit.target.kind !== 'lib' || result.status === 'blocked') continue
    const copy = staticCopy(result, ctx)
    if (copy === null) continue
    // Sources are read only for the harnesses that link a copy of their own library.
    const exported = exportsOf(unit.target).filter(e => e.library && e.harness)
    if (exported.length === 0) continue
    const chain = linkChain(unit, copy)
    const dep = unit.crates.find(d => d.unit === chain[1])
    if (dep === undefined) continue
    out.push(finding(ctx, unit, copy, chain, dep, exported))
  }
  return out
}

/** The unit of the harness's own library that its executable links statically (an rlib), if any. */
function staticCopy(result: UnitResult, ctx: RuleContext): Unit | null {
  const unit = result.unit
  for (const crate of result.crates) {
    const owner = ctx.linkage.crateNames.get(crate.key)?.unit
    if (owner == null || owner === unit || owner.pkg.id !== unit.pkg.id || owner.target.kind !== 'lib' || owner.target.name !== unit.target.name) continue
    if (result.artifacts.some(a => a.formats?.linkage.get(unitKey(owner)) === 'static')) return owner
  }
  return null
}

function finding(ctx: RuleContext, unit: Unit, copy: Unit, chain: Unit[], dep: Unit['crates'][number], exported: ExportedSymbol[]): Draft {
  const name = crateName(copy)
  const first = exported[0]!
  const at = ctx.locator.file(first.file, first.line)
  const attribute = first.attribute === 'export_name' ? `#[export_name = "${first.symbol}"]` : '#[no_mangle]'
  const others = exported.length - 1
  const symbols = `\`${first.symbol}\` (\`${attribute}\` at ${at.file}:${at.line})${others > 0 ? ` and ${others} more unmangled symbol${others === 1 ? '' : 's'}` : ''}`
  const section = dep.edge === 'dev' ? 'dev-dependency' : dep.edge === 'build' ? 'build-dependency' : 'dependency'
  const via = chain.map(u => `\`${crateName(u)}\``).join(' → ')
  const message =
    `${describeUnit(unit)} links a second, static copy of \`${name}\`: the ${section} \`${dep.externName}\` depends back on it (${via}), ` +
    `so the harness (\`${name}\`'s source compiled with \`--test\`) and \`${name}\`'s rlib both define the unmangled symbol ${symbols}. ` +
    `The link fails with "multiple definition of \`${first.symbol}\`" (lld: "duplicate symbol: ${first.symbol}") when the linker pulls in the rlib's object file that defines it, ` +
    `that is when code reached through \`${dep.externName}\` calls a mangled function of \`${name}\` in the same codegen unit: this depends on rustc's codegen-unit partitioning, which cannot be known before compiling.`
  const steps = featureSteps(chain, ctx.metadata, ctx.locator)
  const location = ctx.locator.dependency(unit, dep.unit, dep.edge, dep.platform)
  return {
    ...base(unit, 'duplicate-symbol'),
    crates: [name],
    message,
    fixes: [
      `Move the exported functions into a separate crate that both \`${name}\` and \`${dep.externName}\` depend on, so that one copy defines \`${first.symbol}\`.`,
      `Or make the ${section} \`${dep.externName}\` not depend back on \`${name}\` (move what it uses from \`${name}\` into it or into a shared crate), so the harness links no second copy.`,
      `Or gate the export with \`#[cfg(not(test))]\`, or keep the function and export it only outside tests with \`#[cfg_attr(not(test), unsafe(no_mangle))]\`, so the harness does not define \`${first.symbol}\`.`
    ],
    inclusion: [{ chain: chain.slice(0, -1).map(crateName), crate: name, how: 'static', ...(steps.length > 0 ? { features: steps } : {}) }],
    ...location,
    related: [...(location.related ?? []), { file: at.file, line: at.line, message: `\`${attribute}\` on \`${first.symbol}\`, defined by both copies` }]
  }
}

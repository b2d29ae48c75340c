/**
 * `duplicate-symbol`, two shapes. A library's unit-test harness is the library's own source compiled with `--test`. When a
 * dev-dependency depends back on the library, the harness also links the library's rlib: two static copies of
 * the same code in one executable. Mangled symbols differ between the copies (each copy has its own crate
 * hash), but an unmangled one — `#[no_mangle]`, `#[export_name]` — is defined by both, and the link fails with
 * "multiple definition of `sym`" once the linker pulls in the rlib's object file that defines it. It does so
 * when code linked into the harness calls a mangled function of the rlib that sits in that same codegen unit:
 * a fact of rustc's codegen-unit partitioning, which the sources cannot tell. Hence a warning, not an error.
 * And on windows-gnu, an unmangled symbol defined in an artifact and exported by a dylib it links dynamically.
 */
import type { Linkage } from '../linkage/dependency-format.js'
import { crateName, dylibFileName, type UnitResult } from '../linkage/resolve.js'
import type { CrateType } from '../model/crate-type.js'
import type { ExportedSymbol } from '../model/facts.js'
import type { Target } from '../model/metadata.js'
import { isMingw } from '../model/platform.js'
import { linkChain, type Unit } from '../model/unit-graph.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'
import { featureSteps } from './feature-steps.js'

type ExportsOf = (target: Target) => ExportedSymbol[]

export function duplicateSymbolFindings(ctx: RuleContext): Draft[] {
  const exportsOf = ctx.facts.exportedSymbols
  if (exportsOf === undefined) return []
  return [...harnessFindings(ctx, exportsOf), ...importLibraryFindings(ctx, exportsOf)]
}

function harnessFindings(ctx: RuleContext, exportsOf: ExportsOf): Draft[] {
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
  for (let cnum = 0; cnum < result.crates.length; cnum++) {
    const owner = ctx.linkage.crateNames.get(result.crates[cnum]!.key)?.unit
    if (owner == null || owner === unit || owner.pkg.id !== unit.pkg.id || owner.target.kind !== 'lib' || owner.target.name !== unit.target.name) continue
    if (result.artifacts.some(a => a.formats?.linkage[cnum] === 'static')) return owner
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

/**
 * On windows-gnu, an artifact that links a Rust dylib dynamically gets every symbol the dylib exports from its
 * import library (`lib<name>.dll.a`), the unmangled ones of the crates inside it included. When a crate the
 * artifact links statically (or the artifact itself) defines one of those unmangled names too, the MinGW linker
 * resolves the name from the import library first (rustc's `symbols.o` asks for every export) and fails with
 * "multiple definition" once it pulls in that crate's object file for anything else — or, if it never does,
 * silently calls the dylib's function. ELF linkers accept both definitions. Checked with Debian's rustc 1.63
 * and MinGW-w64 12 under wine (docs/platforms.md).
 */
function importLibraryFindings(ctx: RuleContext, exportsOf: ExportsOf): Draft[] {
  const out: Draft[] = []
  for (const result of ctx.linkage.results) {
    const unit = result.unit
    if (result.status !== 'ok' || !isMingw(unit.targetInfo)) continue
    for (const artifact of result.artifacts) {
      const linkage = artifact.formats?.linkage
      if (linkage === undefined) continue
      const linked = (how: Linkage): (Unit | null)[] =>
        result.crates.filter((_, cnum) => linkage[cnum] === how).map(c => ctx.linkage.crateNames.get(c.key)?.unit ?? null)
      const statics = [unit, ...linked('static')]
      const dylibs = linked('dynamic')
      const clash = firstClash(ctx, exportsOf, statics, dylibs)
      if (clash !== null) {
        out.push(importLibraryFinding(ctx, result, artifact.crateType, clash))
        break
      }
    }
  }
  return out
}

interface Clash {
  symbol: ExportedSymbol
  /** Defines the symbol and is linked into the artifact itself. */
  local: Unit
  /** The dylib linked dynamically, and the crate inside it (or itself) that defines the symbol. */
  dylib: Unit
  owner: Unit
}

/** The first unmangled symbol defined both by a crate linked statically and by a crate inside a dynamic dylib. */
function firstClash(ctx: RuleContext, exportsOf: ExportsOf, statics: readonly (Unit | null)[], dylibs: readonly (Unit | null)[]): Clash | null {
  const defined = new Map<string, { symbol: ExportedSymbol; unit: Unit }>()
  for (const local of statics) {
    if (local == null) continue
    for (const e of exportsOf(local.target)) if (e.library && !defined.has(e.symbol)) defined.set(e.symbol, { symbol: e, unit: local })
  }
  if (defined.size === 0) return null
  for (const dylib of dylibs) {
    if (dylib == null) continue
    const inside = [...(ctx.linkage.byUnit.get(dylib)?.dylibFormats ?? [])].filter(([, how]) => how === 'static').map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null)
    for (const owner of [dylib, ...inside]) {
      if (owner == null) continue
      for (const e of exportsOf(owner.target)) {
        const local = defined.get(e.symbol)
        if (e.library && local !== undefined && local.unit !== owner) return { symbol: local.symbol, local: local.unit, dylib, owner }
      }
    }
  }
  return null
}

function importLibraryFinding(ctx: RuleContext, result: UnitResult, crateType: CrateType, clash: Clash): Draft {
  const unit = result.unit
  const { symbol, local, dylib, owner } = clash
  const at = ctx.locator.file(symbol.file, symbol.line)
  const attribute = symbol.attribute === 'export_name' ? `#[export_name = "${symbol.symbol}"]` : '#[no_mangle]'
  const importLibrary = dylibFileName(dylib).replace(/\.dll$/, '.dll.a').replace(/^/, 'lib')
  const definer = local === unit ? `${describeUnit(unit)} itself` : `\`${crateName(local)}\`, which it links statically,`
  const inside = owner === dylib ? '' : ` (from \`${crateName(owner)}\`, which it contains)`
  const message =
    `${describeUnit(unit)} gets the unmangled symbol \`${symbol.symbol}\` twice on \`${unit.targetInfo.triple}\`: ${definer} defines it (\`${attribute}\` at ${at.file}:${at.line}), ` +
    `and dylib \`${crateName(dylib)}\` exports it${inside} through its import library \`${importLibrary}\`. The MinGW linker takes \`${symbol.symbol}\` from the import library, ` +
    `then fails with "multiple definition of \`${symbol.symbol}\`" if it pulls in the object file of \`${crateName(local)}\` that defines it for anything else; if it does not, calls to \`${symbol.symbol}\` reach \`${crateName(dylib)}\`'s. ELF targets link both definitions.`
  const hop = local === unit ? null : unit.crates.find(d => d.unit === linkChain(unit, local)[1])
  const location = hop == null ? ctx.locator.crateType(unit) : ctx.locator.dependency(unit, hop.unit, hop.edge, hop.platform)
  return {
    ...base(unit, 'duplicate-symbol', crateType),
    crates: [crateName(local), crateName(owner)],
    message,
    fixes: [
      `Give one of the two definitions another name (\`#[export_name = "…"]\`), or keep the symbol in one crate that both use.`,
      `Or link \`${crateName(dylib)}\` statically here (an \`rlib\` beside its \`dylib\`, no \`-C prefer-dynamic\`), so the import library is not linked.`
    ],
    ...location,
    related: [...(location.related ?? []), { file: at.file, line: at.line, message: `\`${attribute}\` on \`${symbol.symbol}\`` }]
  }
}

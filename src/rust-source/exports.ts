/**
 * The unmangled symbols one Rust source file defines: the items marked `#[no_mangle]`, `#[unsafe(no_mangle)]`,
 * `#[export_name = "…"]` or `#[unsafe(export_name = "…")]`, and the out-of-line modules (`mod name;`) it pulls
 * in, each with whether it exists in the library as dependents link it and in the library's unit-test harness
 * (the same source compiled with `--test`, where `cfg(test)` holds).
 *
 * Only `test` is known: `cfg(test)`, `cfg(not(test))`, `all`/`any`/`not` of them, `true` and `false` decide
 * presence, every other predicate (a feature, a platform) may hold. `cfg` and `cfg_attr` apply wherever they
 * stand: on the item, on an enclosing item or inline module (`#[cfg(test)] mod tests { … }`), as an inner
 * attribute (`#![cfg(test)]`). An attribute inside `#[cfg_attr(pred, …)]` counts as present unless `pred` is
 * decided false. Items of `extern "C" { … }` blocks are declarations, never definitions. Macro bodies are read
 * like code: an item written there counts (a `$name` does not), whether or not the macro is invoked; what
 * macros generate and `include!` are not seen.
 */
import type { ExportedSymbol, TypeDeclaration } from '../model/facts.js'
import { Lexer, type Token } from './lexer.js'
import { readAlias, readSignature } from './signatures.js'
import { closingIndex, closingOf, type GroupedTokens, groupTokens, isClosing, isIdent, isOpening, isParenRange, isPunct, stringValue, topLevelRanges } from './tokens.js'

/** In which compilations of the library a piece of code exists. */
export interface Presence {
  /** Compiled normally: the rlib other crates link. */
  library: boolean
  /** Compiled with `--test`: the unit-test harness. */
  harness: boolean
}

/** An unmangled symbol of one file; `line` is the line of its (first) export attribute. */
export type ExportSite = Omit<ExportedSymbol, 'file'>

/** An out-of-line module, `mod name;`. */
export interface ModuleDeclaration extends Presence {
  name: string
  /** The file a `#[path = "…"]` on it names, as written. */
  path: string | null
  /** The inline modules (`mod a { … }`) the declaration sits in, outermost first: their names are directories. */
  inline: string[]
}

export interface ExportScan {
  exports: ExportSite[]
  modules: ModuleDeclaration[]
  /** The module-level `struct`, `enum`, `union` and `type` items, with their `#[repr]` hints. */
  declarations: Omit<TypeDeclaration, 'file'>[]
}

const DECLARATION_ITEMS = new Set(['struct', 'enum', 'union', 'type'])

const EVERYWHERE: Presence = { library: true, harness: true }

/** One export attribute of an item, before the item's name is known. */
interface PendingExport {
  line: number
  /** The `export_name` value; null for `no_mangle`. */
  symbol: string | null
  presence: Presence
}

/** The attributes of an item, and what has been seen of the item at its own nesting level. */
interface Item {
  presence: Presence
  exports: PendingExport[]
  path: string | null
  repr: string[]
  /** Just after `fn` or `static`: the next identifier is the item's name. */
  expectName: boolean
  prev: Token | null
  prev2: Token | null
}

interface Frame {
  close: string
  kind: 'module' | 'foreign' | 'other'
  presence: Presence
  item: Item | null
}

/** Out-of-line modules deeper inside inline modules than this are not followed (real code nests two or three). */
const MAX_INLINE_MODULES = 16

export function scanExports(source: string): ExportScan {
  const tokens = lexAll(source)
  const exports: ExportSite[] = []
  const modules: ModuleDeclaration[] = []
  const declarations: Omit<TypeDeclaration, 'file'>[] = []
  const frames: Frame[] = [{ close: '', kind: 'other', presence: EVERYWHERE, item: null }]
  // The names of the inline modules around the current token, outermost first.
  const inline: string[] = []
  // The outer attributes read since the last other token: they belong to the item that starts next.
  let run: Omit<Item, 'expectName' | 'prev' | 'prev2'> | null = null

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    let frame = frames[frames.length - 1]!
    if (isPunct(t, '#')) {
      const inner = isPunct(tokens[i + 1], '!')
      const open = inner ? i + 2 : i + 1
      if (isPunct(tokens[open], '[')) {
        const end = closingIndex(tokens, open)
        const meaning = analyseAttribute(tokens.slice(open + 1, end))
        if (inner) frame.presence = both(frame.presence, meaning.cfg)
        else {
          run ??= { presence: EVERYWHERE, exports: [], path: null, repr: [] }
          run.presence = both(run.presence, meaning.cfg)
          for (const e of meaning.exports) run.exports.push({ line: t.line, ...e })
          if (meaning.path !== null) run.path = meaning.path
          run.repr.push(...meaning.repr)
        }
        i = end
        continue
      }
    }
    if (isClosing(t)) {
      run = null
      if (frames.length === 1 || t.text !== frame.close) continue
      if (frames.pop()!.kind === 'module') inline.pop()
      frame = frames[frames.length - 1]!
      // A block ends its item (`fn f() { … }`, `mod m { … }`, `impl T { … }`); other groups do not.
      if (t.text === '}') frame.item = null
      else if (frame.item !== null) step(frame.item, t)
      continue
    }
    if (run !== null || frame.item === null) {
      frame.item = { ...(run ?? { presence: EVERYWHERE, exports: [], path: null, repr: [] }), expectName: false, prev: null, prev2: null }
      run = null
    }
    const item = frame.item
    const named = exportName(item, t, frame)
    if (named !== null) {
      const site = resolve(item, named, both(frame.presence, item.presence))
      if (site !== null) exports.push({ ...site, signature: readSignature(tokens, i, source) })
    }
    if (t.kind === 'ident' && item.prev?.kind === 'ident' && DECLARATION_ITEMS.has(item.prev.text) && frames.every((f, k) => k === 0 || f.kind === 'module')) {
      const kind = item.prev.text as TypeDeclaration['item']
      declarations.push({ name: t.text, item: kind, repr: item.repr, aliasOf: kind === 'type' ? readAlias(tokens, i, source) : null, line: t.line })
    }
    if (isOpening(t)) {
      const brace = t.text === '{'
      const foreign = brace && (isIdent(item.prev, 'extern') || (item.prev?.kind === 'literal' && isIdent(item.prev2, 'extern')))
      const module = brace && item.prev?.kind === 'ident' && isIdent(item.prev2, 'mod')
      if (module) inline.push(item.prev!.text)
      frames.push({ close: closingOf(t.text), kind: foreign ? 'foreign' : module ? 'module' : 'other', presence: both(frame.presence, item.presence), item: null })
      step(item, t)
      continue
    }
    if (isPunct(t, ';')) {
      if (item.prev?.kind === 'ident' && isIdent(item.prev2, 'mod')) {
        const presence = both(frame.presence, item.presence)
        if ((presence.library || presence.harness) && inline.length <= MAX_INLINE_MODULES) {
          modules.push({ name: item.prev.text, path: item.path, inline: [...inline], ...presence })
        }
      }
      frame.item = null
      continue
    }
    step(item, t)
  }
  return { exports, modules, declarations }
}

function step(item: Item, t: Token): void {
  item.prev2 = item.prev
  item.prev = t
}

/**
 * Follows the item's header while it has export attributes: the identifier after `fn` or `static` (`mut`
 * skipped) is its name. A block, `;` or `=` first means the attributes mark something else, and they are
 * dropped; so are those on the declarations of an `extern` block.
 */
function exportName(item: Item, t: Token, frame: Frame): string | null {
  if (item.exports.length === 0) return null
  if (frame.kind === 'foreign') {
    item.exports = []
    return null
  }
  if (item.expectName) {
    if (isIdent(t, 'mut')) return null
    item.expectName = false
    if (t.kind === 'ident') return t.text
    item.exports = []
    return null
  }
  if (isIdent(t, 'fn') || isIdent(t, 'static')) item.expectName = true
  else if (isPunct(t, '{') || isPunct(t, ';') || isPunct(t, '=')) item.exports = []
  return null
}

/**
 * The item's one symbol: the `export_name` when it has one (rustc uses it over `no_mangle`), else its name;
 * present wherever one of its export attributes is. Null when it exists in neither compilation.
 */
function resolve(item: Item, name: string, where: Presence): ExportSite | null {
  const pending = item.exports
  item.exports = []
  const named = pending.filter(e => e.symbol !== null)
  const attributes: Presence = { library: pending.some(e => e.presence.library), harness: pending.some(e => e.presence.harness) }
  const presence = both(where, attributes)
  if (!presence.library && !presence.harness) return null
  const symbol = named.length > 0 ? named[named.length - 1]!.symbol! : name
  return { symbol, attribute: named.length > 0 ? 'export_name' : 'no_mangle', line: pending[0]!.line, ...presence }
}

interface AttributeMeaning {
  /** Where a `cfg(…)` (or a `cfg` inside `cfg_attr`) lets the item exist; null without one. */
  cfg: Presence | null
  exports: { symbol: string | null; presence: Presence }[]
  path: string | null
  /** The hints of `#[repr(…)]`: `C`, `transparent`, `u8`, `packed`, `align`. */
  repr: string[]
}

/** Real code nests `cfg_attr` and `cfg` predicates a few levels deep; the bound keeps hostile input off the call stack. */
const MAX_DEPTH = 16

function analyseAttribute(tokens: readonly Token[]): AttributeMeaning {
  return analyseRange(groupTokens(tokens), 0, tokens.length, 0)
}

/** What the attribute `tokens[start..end)` means. */
function analyseRange(attr: GroupedTokens, start: number, end: number, depth: number): AttributeMeaning {
  const meaning: AttributeMeaning = { cfg: null, exports: [], path: null, repr: [] }
  const { tokens } = attr
  const head = start < end ? tokens[start]! : undefined
  if (head?.kind !== 'ident' || depth > MAX_DEPTH) return meaning
  const rest = start + 1
  if (head.text === 'no_mangle' && rest === end) meaning.exports.push({ symbol: null, presence: EVERYWHERE })
  else if ((head.text === 'export_name' || head.text === 'path') && end - rest === 2 && isPunct(tokens[rest], '=') && tokens[rest + 1]!.kind === 'literal') {
    const value = stringValue(tokens[rest + 1]!.text)
    if (value !== null && head.text === 'path') meaning.path = value
    else if (value !== null) meaning.exports.push({ symbol: value, presence: EVERYWHERE })
  } else if (isParenRange(attr, rest, end)) {
    const args = topLevelRanges(attr, rest + 1, end - 1).filter(([from, to]) => to > from)
    if (head.text === 'unsafe' && args.length === 1) {
      // `#[unsafe(no_mangle)]`, `#[unsafe(export_name = "…")]`.
      meaning.exports.push(...analyseRange(attr, ...args[0]!, depth + 1).exports)
    } else if (head.text === 'repr') {
      for (const [from] of args) if (tokens[from]!.kind === 'ident') meaning.repr.push(tokens[from]!.text)
    } else if (head.text === 'cfg' && args.length === 1) {
      meaning.cfg = presenceOf(attr, ...args[0]!)
    } else if (head.text === 'cfg_attr' && args.length >= 2) {
      const [from, to] = args[0]!
      const when = presenceOf(attr, from, to)
      const decidedTrue = { library: evaluate(attr, from, to, false, 0) === true, harness: evaluate(attr, from, to, true, 0) === true }
      for (const [argStart, argEnd] of args.slice(1)) {
        const inner = analyseRange(attr, argStart, argEnd, depth + 1)
        for (const e of inner.exports) meaning.exports.push({ symbol: e.symbol, presence: both(e.presence, when) })
        meaning.repr.push(...inner.repr)
        // A `cfg` the predicate applies for certain removes the item; one it may not apply leaves it possible.
        if (inner.cfg !== null) {
          meaning.cfg = both(meaning.cfg ?? EVERYWHERE, { library: inner.cfg.library || !decidedTrue.library, harness: inner.cfg.harness || !decidedTrue.harness })
        }
      }
    }
  }
  return meaning
}

/** Where the cfg predicate `tokens[start..end)` may hold: everywhere but where it is decided false. */
function presenceOf(attr: GroupedTokens, start: number, end: number): Presence {
  return { library: evaluate(attr, start, end, false, 0) !== false, harness: evaluate(attr, start, end, true, 0) !== false }
}

/** The cfg predicate `tokens[start..end)` with only `test` known: true, false, or null when something else decides it. */
function evaluate(attr: GroupedTokens, start: number, end: number, test: boolean, depth: number): boolean | null {
  const { tokens } = attr
  const head = start < end ? tokens[start]! : undefined
  if (head?.kind !== 'ident' || depth > MAX_DEPTH) return null
  if (end - start === 1) return head.text === 'test' ? test : head.text === 'true' ? true : head.text === 'false' ? false : null
  if (!isParenRange(attr, start + 1, end)) return null
  const values = topLevelRanges(attr, start + 2, end - 1)
    .filter(([from, to]) => to > from)
    .map(([from, to]) => evaluate(attr, from, to, test, depth + 1))
  switch (head.text) {
    case 'not':
      return values.length === 1 && values[0] !== null ? !values[0] : null
    case 'all':
      return values.includes(false) ? false : values.every(v => v === true) ? true : null
    case 'any':
      return values.includes(true) ? true : values.every(v => v === false) ? false : null
    default:
      return null
  }
}

function both(a: Presence, b: Presence | null): Presence {
  return b === null ? a : { library: a.library && b.library, harness: a.harness && b.harness }
}

function lexAll(source: string): Token[] {
  const lexer = new Lexer(source)
  const tokens: Token[] = []
  for (let t = lexer.next(); t !== null; t = lexer.next()) tokens.push(t)
  return tokens
}


import { Lexer, type Token } from './lexer.js'
import { type GroupedTokens, groupTokens, isClosing, isOpening, isParenRange, topLevelRanges } from './tokens.js'

/**
 * Finds `#[global_allocator]` in Rust source text with a small lexer: comments (nested block comments and doc
 * comments included), string, byte-string, C-string and raw-string literals and char literals are skipped, so only
 * real attributes count. One pass, linear in the length of the source.
 */

/** A `#[global_allocator]` attribute. */
export interface GlobalAllocatorSite {
  /** 1-based line of the `#` that starts the attribute. */
  line: number
  /**
   * The cfg predicate under which the attribute applies, as written with normalised spacing (`feature = "jemalloc"`),
   * or null when it always applies. It comes from `#[cfg_attr(pred, global_allocator)]` and from `#[cfg(pred)]`
   * attributes on the same item (several are joined as `all(a, b)`), and from a `#![cfg(pred)]` at the top of the
   * file. Conditions on an enclosing `mod` item in another place are not visible here.
   */
  condition: string | null
  /**
   * The item the attribute applies to, as written with whitespace and comments between tokens folded to one space
   * (`static GLOBAL: MiMalloc = MiMalloc;`); cut with ` …` after 64 tokens.
   */
  item: string
}

/** 1-based lines where a `#[global_allocator]` attribute starts, ignoring comments, strings and doc text. */
export function findGlobalAllocators(source: string): number[] {
  return scanGlobalAllocators(source).map(site => site.line)
}

/** Every `#[global_allocator]`, including those behind `cfg_attr` or `cfg`, with its condition and the item it marks. */
export function scanGlobalAllocators(source: string): GlobalAllocatorSite[] {
  const lexer = new Lexer(source)
  const found: { line: number; conditions: string[]; item: string }[] = []
  const fileConditions: string[] = []
  let seenItem = false
  // The attributes of one item: consecutive `#[…]` with nothing else between them.
  let runConditions: string[] = []
  let runSites: { line: number; conditions: string[] }[] = []
  const item = new ItemText(source)

  const endRun = (): void => {
    if (runSites.length > 0) {
      for (const site of item.finish()) found.push(site)
      item.start(runSites.map(site => ({ line: site.line, conditions: [...runConditions, ...site.conditions] })))
    }
    runConditions = []
    runSites = []
    seenItem = true
  }

  let tok = lexer.next()
  while (tok !== null) {
    if (tok.kind === 'punct' && tok.text === '#') {
      const hash = tok
      const line = tok.line
      let after = lexer.next()
      let inner = false
      let bang: Token | null = null
      if (after !== null && after.kind === 'punct' && after.text === '!') {
        inner = true
        bang = after
        after = lexer.next()
      }
      if (after !== null && after.kind === 'punct' && after.text === '[') {
        const meaning = analyseAttribute(readGroup(lexer, ']'))
        if (inner) {
          // Only inner attributes before the first item apply to the whole file.
          if (!seenItem && meaning.cfg !== null) fileConditions.push(meaning.cfg)
        } else {
          if (meaning.cfg !== null) runConditions.push(meaning.cfg)
          for (const conditions of meaning.allocators) runSites.push({ line, conditions })
        }
        tok = lexer.next()
        continue
      }
      endRun()
      item.observe(hash)
      if (bang !== null) item.observe(bang)
      tok = after
      continue
    }
    endRun()
    item.observe(tok)
    tok = lexer.next()
  }
  endRun()
  for (const site of item.finish()) found.push(site)

  return found.map(site => {
    const all = [...fileConditions, ...site.conditions]
    return { line: site.line, condition: all.length === 0 ? null : all.length === 1 ? all[0]! : `all(${all.join(', ')})`, item: site.item }
  })
}

const MAX_ITEM_TOKENS = 64

/**
 * Collects the text of the item after an attribute run: up to `;` at nesting depth 0, or up to the end of a
 * `{ … }` block at depth 0 (keeping a `;` right after it). The tokens are only observed, never consumed, so a
 * malformed item cannot hide the attributes that follow it.
 */
class ItemText {
  private sites: { line: number; conditions: string[] }[] = []
  private tokens: Token[] = []
  private depth = 0
  private closedBlock = false
  private truncated = false
  private open = false

  constructor(private readonly source: string) {}

  start(sites: { line: number; conditions: string[] }[]): void {
    this.sites = sites
    this.tokens = []
    this.depth = 0
    this.closedBlock = false
    this.truncated = false
    this.open = true
  }

  observe(t: Token): void {
    if (!this.open) return
    const punct = t.kind === 'punct' ? t.text : ''
    if (this.closedBlock && punct !== ';') {
      this.open = false
      return
    }
    if (isClosing(t) && this.depth === 0) {
      this.open = false
      return
    }
    if (this.tokens.length === MAX_ITEM_TOKENS) {
      this.truncated = true
      this.open = false
      return
    }
    this.tokens.push(t)
    if (isOpening(t)) this.depth++
    else if (isClosing(t)) {
      if (--this.depth === 0 && punct === '}') this.closedBlock = true
    } else if (punct === ';' && this.depth === 0) this.open = false
  }

  /** The sites started last, with their item text; afterwards there are none. */
  finish(): { line: number; conditions: string[]; item: string }[] {
    let text = ''
    let previous: Token | null = null
    for (const t of this.tokens) {
      text += previous === null ? '' : previous.end === t.start ? '' : ' '
      text += this.source.slice(t.start, t.end)
      previous = t
    }
    if (this.truncated) text += ' …'
    const out = this.sites.map(site => ({ ...site, item: text }))
    this.sites = []
    this.tokens = []
    this.open = false
    return out
  }
}

interface AttributeMeaning {
  /** The predicate of a `cfg(…)` attribute. */
  cfg: string | null
  /** One entry per `global_allocator` in the attribute, with the `cfg_attr` predicates that guard it. */
  allocators: string[][]
}

/** Real code nests `cfg_attr` once or twice; the bound keeps hostile input off the call stack. */
const MAX_CFG_ATTR_DEPTH = 8

function analyseAttribute(tokens: readonly Token[]): AttributeMeaning {
  return analyseRange(groupTokens(tokens), 0, tokens.length, 0)
}

/** What the attribute `tokens[start..end)` means. */
function analyseRange(attr: GroupedTokens, start: number, end: number, depth: number): AttributeMeaning {
  const meaning: AttributeMeaning = { cfg: null, allocators: [] }
  const { tokens } = attr
  const path = readPath(tokens, start, end)
  if (path === null) return meaning
  const last = path.segments[path.segments.length - 1]!
  const simple = path.segments.length === 1 && !path.leadingColons
  if (last === 'global_allocator' && path.end === end) {
    const first = path.segments[0]!
    if (simple || first === 'core' || first === 'std') meaning.allocators.push([])
    return meaning
  }
  // The rest must be one parenthesised group: `(a, b(c))`.
  if (!simple || !isParenRange(attr, path.end, end)) return meaning
  const args = topLevelRanges(attr, path.end + 1, end - 1)
  const [predicateStart, predicateEnd] = args[0]!
  if (predicateEnd === predicateStart) return meaning
  if (last === 'cfg') {
    meaning.cfg = joinTokens(tokens.slice(predicateStart, predicateEnd))
  } else if (last === 'cfg_attr' && args.length >= 2 && depth < MAX_CFG_ATTR_DEPTH) {
    const predicate = joinTokens(tokens.slice(predicateStart, predicateEnd))
    for (const [argStart, argEnd] of args.slice(1)) {
      if (argEnd === argStart) continue
      for (const conditions of analyseRange(attr, argStart, argEnd, depth + 1).allocators) meaning.allocators.push([predicate, ...conditions])
    }
  }
  return meaning
}

/** A path at the start of `tokens[start..end)`: `global_allocator`, `::core::prelude::v1::global_allocator`. */
function readPath(tokens: readonly Token[], start: number, end: number): { segments: string[]; leadingColons: boolean; end: number } | null {
  const colons = (at: number): boolean => at + 1 < end && tokens[at]!.kind === 'punct' && tokens[at]!.text === ':' && tokens[at + 1]!.text === ':'
  const leadingColons = colons(start)
  let i = leadingColons ? start + 2 : start
  const segments: string[] = []
  for (;;) {
    const t = i < end ? tokens[i]! : undefined
    if (t === undefined || t.kind !== 'ident') return null
    segments.push(t.text)
    i++
    if (!colons(i)) break
    i += 2
  }
  return { segments, leadingColons, end: i }
}

/** Token text with conventional spacing: `all(unix, feature = "x")`. */
function joinTokens(tokens: readonly Token[]): string {
  let out = ''
  let previous: Token | null = null
  for (const t of tokens) {
    const tight =
      previous === null ||
      (previous.kind === 'punct' && (previous.text === '(' || previous.text === ':')) ||
      (t.kind === 'punct' && (t.text === ')' || t.text === ',' || t.text === '(' || t.text === ':'))
    out += tight ? t.text : ` ${t.text}`
    previous = t
  }
  return out
}

/** The tokens up to the delimiter that closes the group just opened (not included), keeping nesting. */
function readGroup(lexer: Lexer, close: string): Token[] {
  const tokens: Token[] = []
  let depth = 0
  for (let t = lexer.next(); t !== null; t = lexer.next()) {
    if (t.kind === 'punct') {
      if (isOpening(t)) depth++
      else if (isClosing(t)) {
        if (depth === 0) {
          if (t.text === close) return tokens
        } else depth--
      }
    }
    tokens.push(t)
  }
  return tokens
}

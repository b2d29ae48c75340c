/**
 * The doc examples `rustdoc --test` compiles, and runs, and the crates they load: the code blocks of the docs
 * rustdoc collects, read as rustdoc reads them, then built into programs as src/librustdoc/doctest.rs builds
 * them (`docTests`).
 *
 * Docs (src/librustdoc/clean/types.rs, passes/unindent_comments.rs, `beautify_doc_string`): an item's `///`
 * and `/**` comments and `#[doc = "…"]` attributes, attributes between them included, with their common
 * indentation removed; `#[cfg_attr(<condition>, doc = …)]` where rustdoc's cfg (`doc`, `doctest`, not `test`)
 * may hold; `include_str!("…")` read through `included`. Not collected: docs on a statement (`let`) or a
 * macro invocation, and docs of `#[cfg(test)]` items and of what they contain.
 *
 * Markdown (src/librustdoc/html/markdown.rs, `LangString::parse`, `find_testable_code`, `map_line`):
 * - A fenced block (```` ``` ```` or `~~~`, in a list item or a block quote too) is Rust when its info string
 *   is empty or holds only rustdoc's own attributes; a `rust` token makes it Rust whatever else is there; any
 *   other word (`text`, `sh`, `toml`) makes it not Rust.
 * - `ignore` (and `ignore-<target>`) blocks are not compiled; `compile_fail` ones must fail to compile, so a
 *   link error cannot fail them; `no_run` ones are compiled but not run; the rest are compiled and run.
 * - An indented code block (four spaces after a blank line or a heading, outside a list) is a Rust block.
 *
 * Docs the scan cannot read — `#[doc = concat!(…)]`, a macro that writes docs, a file `include_str!` names
 * that cannot be read — count as examples that run and may load any crate.
 */
import type { DocExamples, DocTests } from '../model/unit-graph.js'
import { scanSourceNames } from './crate-names.js'
import { Lexer, type Token } from './lexer.js'
import { closingIndex, isCfgTest, stringValue } from './tokens.js'

/** One doc example rustdoc compiles. */
export interface DocExample {
  /** `run` unless it is `no_run`: compiled, not run. */
  kind: 'compile' | 'run'
  /**
   * Built as a program of its own even where rustdoc merges examples (`test_harness`, `standalone_crate`);
   * whether its code can be merged is read from the code (see `docTests`).
   */
  standalone: boolean
  /** `should_panic`: a program of its own that fails, to start or otherwise, passes. */
  shouldPanic: boolean
  /** The code rustdoc compiles: hidden lines (`# …`) included, their markers removed (`map_line`). */
  code: string
}

/** The doc examples of one source file. */
export interface DocExampleScan {
  examples: DocExample[]
  /** Docs the scan cannot read (`#[doc = concat!(…)]`, a macro): examples that may do anything. */
  unreadable: boolean
}

/** Reads the file an `include_str!("…")` in a doc attribute names (relative to the source file); null when it cannot. */
export type IncludedText = (path: string) => string | null

const RANK: Readonly<Record<DocExamples, number>> = { none: 0, compile: 1, run: 2 }

/** The larger of two. */
function mergeDocExamples(a: DocExamples, b: DocExamples): DocExamples {
  return RANK[a] >= RANK[b] ? a : b
}

/** What rustdoc does with the examples of one file, each compiled as a program of its own (before edition 2024). */
export function docExamples(source: string, included: IncludedText = () => null): DocExamples {
  const scan = scanDocExamples(source, included)
  if (scan.unreadable) return 'run'
  return scan.examples.reduce<DocExamples>((found, e) => mergeDocExamples(found, e.kind), 'none')
}

/** A doc comment or attribute: `sugared` (`///`, `/**`) or `raw` (`#[doc = "…"]`), as rustdoc unindents them. */
interface DocFragment {
  kind: 'sugared' | 'raw'
  lines: string[]
}

/** Tokens one at a time, with a look at the next few: a source file's tokens are never all held at once. */
class TokenStream {
  private readonly ahead: Token[] = []
  private readonly lexer: Lexer

  constructor(source: string) {
    this.lexer = new Lexer(source, true)
  }

  /** The token `k` places ahead (0: the next one), without taking it. */
  peek(k = 0): Token | null {
    while (this.ahead.length <= k) {
      const t = this.lexer.next()
      if (t === null) return null
      this.ahead.push(t)
    }
    return this.ahead[k]!
  }

  next(): Token | null {
    return this.ahead.length > 0 ? this.ahead.shift()! : this.lexer.next()
  }
}

/** The tokens of an attribute beyond which it is not read: its docs count as unreadable. */
const MAX_ATTRIBUTE_TOKENS = 4096

/** The doc examples of one source file. */
export function scanDocExamples(source: string, included: IncludedText = () => null): DocExampleScan {
  const stream = new TokenStream(source)
  const examples: DocExample[] = []
  let unreadable = false
  // The docs of the item that comes next, and whether it is a `#[cfg(test)]` item.
  let fragments: DocFragment[] = []
  let testOnly = false
  // Delimiter nesting; a `#[cfg(test)]` item whose braces are not open yet (the nesting it started at), and
  // the nesting inside the braces of one whose docs are being skipped.
  let nesting = 0
  let testItem = -1
  let skipping = -1
  for (let t = stream.next(); t !== null; t = stream.next()) {
    if (t.kind === 'doc') {
      if (skipping < 0) fragments.push({ kind: 'sugared', lines: source.startsWith('/*', t.start) ? blockCommentLines(t.text) : [t.text] })
      continue
    }
    // `#[…]` and `#![…]`: attributes between doc comments do not end the item's docs.
    if (t.text === '#' && (stream.peek()?.text === '[' || (stream.peek()?.text === '!' && stream.peek(1)?.text === '['))) {
      if (stream.peek()?.text === '!') stream.next()
      const attribute = attributeTokens(stream)
      if (attribute === null) unreadable = true
      // rustdoc compiles doc tests without `cfg(test)`.
      else if (isCfgTest(attribute)) testOnly = true
      else if (skipping < 0) {
        for (const doc of docAttributes(attribute, 0)) {
          const text = doc.kind === 'literal' ? doc.text : doc.kind === 'include' ? included(doc.path) : null
          if (text === null) unreadable = true
          else fragments.push({ kind: 'raw', lines: text.split('\n') })
        }
      }
      continue
    }
    // The item (or statement) the docs are on starts here.
    if (fragments.length > 0 && !testOnly && skipping < 0 && collectsDocs(t, stream.peek())) examples.push(...examplesInMarkdown(unindent(fragments)))
    fragments = []
    if (testOnly && skipping < 0 && testItem < 0) testItem = nesting
    testOnly = false
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      if (t.text === '{' && testItem === nesting) {
        skipping = nesting + 1
        testItem = -1
      }
      nesting++
    } else if (t.text === ')' || t.text === ']' || t.text === '}') {
      nesting--
      if (nesting < skipping) skipping = -1
    } else if (t.text === ';' && testItem === nesting) testItem = -1
  }
  if (fragments.length > 0 && !testOnly && skipping < 0) examples.push(...examplesInMarkdown(unindent(fragments)))
  return { examples, unreadable }
}

/** The tokens inside an attribute's brackets, the stream left after its `]`; null when it is too long to read. */
function attributeTokens(stream: TokenStream): Token[] | null {
  stream.next()
  const tokens: Token[] = []
  let depth = 1
  for (let t = stream.next(); t !== null; t = stream.next()) {
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++
    else if ((t.text === ')' || t.text === ']' || t.text === '}') && --depth === 0) break
    if (tokens.length <= MAX_ATTRIBUTE_TOKENS) tokens.push(t)
  }
  return tokens.length > MAX_ATTRIBUTE_TOKENS ? null : tokens
}

/** rustdoc keeps no docs on a statement (`let`) or a macro invocation (`name!(…);`); `macro_rules!` is an item. */
function collectsDocs(t: Token, next: Token | null): boolean {
  if (t.kind === 'ident' && t.text === 'let') return false
  return !(t.kind === 'ident' && t.text !== 'macro_rules' && next?.text === '!')
}

type DocValue = { kind: 'literal'; text: string } | { kind: 'include'; path: string } | { kind: 'unreadable' }

/** `cfg_attr` within `cfg_attr` deeper than this is not read: its docs count as unreadable. */
const MAX_CFG_ATTR_DEPTH = 8

/**
 * The docs an attribute gives: `doc = "…"`, `doc = include_str!("…")`, anything else after `doc =` (unreadable),
 * and those of `cfg_attr(<condition>, …)` whose condition may hold under rustdoc.
 */
function docAttributes(attribute: readonly Token[], depth: number): DocValue[] {
  const head = attribute[0]?.text
  if (head === 'doc' && attribute[1]?.text === '=') {
    const value = attribute.slice(2)
    const literal = value.length === 1 && value[0]!.kind === 'literal' ? stringValue(value[0]!.text) : null
    if (literal !== null) return [{ kind: 'literal', text: literal }]
    const file = value.length === 5 && value[0]!.text === 'include_str' && value[1]!.text === '!' && value[3]!.kind === 'literal' ? stringValue(value[3]!.text) : null
    return [file !== null ? { kind: 'include', path: file } : { kind: 'unreadable' }]
  }
  if (head !== 'cfg_attr' || attribute[1]?.text !== '(') return []
  if (depth === MAX_CFG_ATTR_DEPTH) return [{ kind: 'unreadable' }]
  const args = topLevelArguments(attribute, 1)
  if (args.length < 2 || !mayHoldUnderRustdoc(args[0]!)) return []
  return args.slice(1).flatMap(a => docAttributes(a, depth + 1))
}

/** The comma-separated arguments of the group opening at `open`. */
function topLevelArguments(tokens: readonly Token[], open: number): Token[][] {
  const close = closingIndex(tokens, open)
  const args: Token[][] = [[]]
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!
    if (t.text === ',') args.push([])
    else if (t.text === '(' || t.text === '[' || t.text === '{') {
      const end = closingIndex(tokens, i)
      args[args.length - 1]!.push(...tokens.slice(i, end + 1))
      i = end
    } else args[args.length - 1]!.push(t)
  }
  return args.filter(a => a.length > 0)
}

/**
 * Whether a `cfg_attr` condition may hold when rustdoc collects doc tests: it sets `doc` and `doctest`, not
 * `test`, and not `docsrs` (docs.rs passes that itself). Any other condition may hold.
 */
function mayHoldUnderRustdoc(condition: readonly Token[]): boolean {
  if (condition.length === 1) return condition[0]!.text !== 'test' && condition[0]!.text !== 'docsrs'
  if (condition[0]?.text === 'not' && condition.length === 4) return condition[2]!.text !== 'doc' && condition[2]!.text !== 'doctest'
  return true
}

/** A block doc comment's lines (`beautify_doc_string`): without blank first and last lines, or a ` * ` margin. */
function blockCommentLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 1 && lines[0]!.trim() === '') lines.shift()
  if (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop()
  if (lines.length > 1 && lines.every(l => /^\s*\*/.test(l))) return lines.map(l => l.replace(/^\s*\*/, ''))
  return lines
}

/**
 * One item's docs as markdown lines (`unindent_doc_fragments`): the smallest indentation of their non-blank
 * lines is removed from each — one less from `#[doc]` lines when sugared comments come with them.
 */
function unindent(fragments: readonly DocFragment[]): string[] {
  const mixed = fragments.some(f => f.kind === 'sugared') && fragments.some((f, i) => i > 0 && f.kind !== fragments[i - 1]!.kind)
  const add = mixed ? 1 : 0
  let min = Infinity
  for (const f of fragments) {
    for (const line of f.lines) {
      if (line.trim() === '') continue
      min = Math.min(min, /^[ \t]*/.exec(line)![0].length + (f.kind === 'sugared' ? 0 : add))
    }
  }
  if (min === Infinity) min = 0
  return fragments.flatMap(f => {
    const indent = f.kind !== 'sugared' && min > 0 ? min - add : min
    return f.lines.map(line => (line.trim() === '' ? '' : line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))))
  })
}

/** The library whose doc examples `docTests` reads: its crate name and its package's edition. */
export interface DocTestCrate {
  /** The crate name (`-` as `_`). */
  name: string
  edition: string
}

/**
 * What `cargo test` does with a library's doc examples (`rustdoc --test`, src/librustdoc/doctest.rs and
 * doctest/make.rs, doctest/runner.rs): which programs it compiles and runs, and which crates they load.
 *
 * - Before edition 2024 every example is a program of its own. rustdoc adds `extern crate <library>;` to an
 *   example whose text contains the crate's name anywhere, a comment included ("terribly inaccurate", says
 *   `DocTestBuilder::generate_unique_doctest`). rustdoc 1.63 left it out under
 *   `#![doc(test(no_crate_inject))]`; rustdoc 1.95 adds it all the same, so the attribute is not read. A
 *   `no_run` example is compiled to metadata only, and never linked; a `should_panic` one passes when it fails,
 *   to start too.
 * - From edition 2024 the examples that can be merged (`mergeableCode`, and not `test_harness` or
 *   `standalone_crate`) are compiled into one program, `no_run` ones included, which runs whenever there is
 *   one. It injects nothing: an example loads the library only by naming it.
 * - Any other crate is loaded by naming it (`crate-names.ts`), as in any crate.
 *
 * `compile_fail` and `ignore` examples are not counted: they are not linked, or not built. A merged program that
 * fails to link is compiled again as one program per example; that fallback is not modelled.
 */
export function docTests(scans: readonly DocExampleScan[], crate: DocTestCrate): DocTests {
  if (scans.some(s => s.unreadable)) return { examples: 'run', compiledNames: null, runNames: null }
  const merges = Number.parseInt(crate.edition, 10) >= 2024
  let compiled: Set<string> | null = new Set()
  let run: Set<string> | null = new Set()
  let merged: Set<string> | null = null
  let examples: DocExamples = 'none'
  for (const example of scans.flatMap(s => s.examples)) {
    const scanned = scanSourceNames(example.code)
    const names = scanned.includes ? null : scanned.names
    examples = mergeDocExamples(examples, 'compile')
    if (merges && !example.standalone && mergeableCode(example.code)) {
      merged = union(merged ?? new Set(), names)
      // An example that may load anything makes the merged program load anything.
      if (names === null) run = compiled = null
      continue
    }
    if (example.kind !== 'run') continue
    if (names !== null && example.code.includes(crate.name)) names.add(crate.name)
    examples = 'run'
    compiled = union(compiled, names)
    if (!example.shouldPanic) run = union(run, names)
  }
  if (merged !== null) {
    examples = 'run'
    compiled = union(compiled, merged)
    run = union(run, merged)
  }
  return { examples, compiledNames: compiled === null ? null : [...compiled].sort(), runNames: run === null ? null : [...run].sort() }
}

/** `into` with `names` added; null (any crate) when either is. */
function union(into: Set<string> | null, names: ReadonlySet<string> | null): Set<string> | null {
  if (into === null || names === null) return null
  for (const name of names) into.add(name)
  return into
}

/** Lint attributes, which rustdoc keeps inside a merged example's module rather than at the crate's top. */
const LINT_ATTRIBUTES = new Set(['allow', 'warn', 'deny', 'forbid', 'expect'])

/**
 * `DocTestBuilder`'s `can_be_merged`, from the example's top-level items as rustdoc parses them: no crate
 * attribute other than a lint level (`#![feature(…)]`, `#![no_std]`, an inner `//!` doc), no
 * `#[global_allocator]`, and no top-level `macro_rules!` when the text holds `$crate`.
 */
function mergeableCode(code: string): boolean {
  const stream = new TokenStream(code)
  let nesting = 0
  let macroDefinition = false
  for (let t = stream.next(); t !== null; t = stream.next()) {
    if (t.text === '(' || t.text === '[' || t.text === '{') nesting++
    else if (t.text === ')' || t.text === ']' || t.text === '}') nesting--
    if (nesting !== 0) continue
    if (t.kind === 'doc' && (code.startsWith('//!', t.start) || code.startsWith('/*!', t.start))) return false
    if (t.text === '#' && stream.peek()?.text === '!' && stream.peek(1)?.text === '[' && !LINT_ATTRIBUTES.has(stream.peek(2)?.text ?? '')) return false
    if (t.text === '#' && stream.peek()?.text === '[' && stream.peek(1)?.text === 'global_allocator') return false
    if (t.text === 'macro_rules' && stream.peek()?.text === '!') macroDefinition = true
  }
  return !(macroDefinition && code.includes('$crate'))
}

/** The examples of one item's docs, as markdown lines. */
function examplesInMarkdown(lines: readonly string[]): DocExample[] {
  const examples: DocExample[] = []
  let fence: { char: string; length: number; kind: BlockKind | null; code: string[]; quoted: boolean } | null = null
  let indented: string[] | null = null
  let blankBefore = true
  let inList = false
  const close = (kind: BlockKind | null, code: string[]): void => {
    if (kind !== null) examples.push({ kind: kind.noRun ? 'compile' : 'run', standalone: kind.standalone, shouldPanic: kind.shouldPanic, code: code.map(codeLine).join('\n') })
  }
  for (const raw of lines) {
    // A block quote's `>` markers; a fence opened inside one loses them on each of its lines.
    const quote = /^( {0,3}> ?)+/.exec(raw)
    if (fence !== null) {
      const line = fence.quoted && quote ? raw.slice(quote[0].length) : raw
      const closing = /^\s*(`{3,}|~{3,})\s*$/.exec(line)
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length) {
        close(fence.kind, fence.code)
        fence = null
        blankBefore = false
      } else {
        fence.code.push(line)
      }
      continue
    }
    const line = quote ? raw.slice(quote[0].length) : raw
    // A fence opens at up to three spaces, or deeper inside a list item.
    const open = (inList ? /^\s*(`{3,}|~{3,})(.*)$/ : /^ {0,3}(`{3,}|~{3,})(.*)$/).exec(line)
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      if (indented !== null) close(INDENTED, indented)
      indented = null
      fence = { char: open[1]![0]!, length: open[1]!.length, kind: blockKind(open[2]!), code: [], quoted: quote !== null }
      continue
    }
    if (line.trim() === '') {
      indented?.push('')
      blankBefore = true
      continue
    }
    if (indented !== null && /^( {4}|\t)/.test(line)) {
      indented.push(line.replace(/^( {4}|\t)/, ''))
      continue
    }
    if (indented !== null) close(INDENTED, indented)
    indented = null
    if (/^ {0,3}([-*+]|\d+[.)])\s/.test(line)) inList = true
    else if (!/^\s/.test(line)) inList = false
    if (blankBefore && !inList && /^( {4}|\t)/.test(line)) {
      indented = [line.replace(/^( {4}|\t)/, '')]
      blankBefore = false
      continue
    }
    // An indented block can follow a heading directly, not a paragraph.
    blankBefore = /^ {0,3}#{1,6}(\s|$)/.test(line)
  }
  if (indented !== null) close(INDENTED, indented)
  // An unclosed fence runs to the end of the docs.
  if (fence !== null) close(fence.kind, fence.code)
  return examples
}

/** A line of an example as rustc sees it (`map_line`): `# x` is the hidden line `x`, `##x` is `#x`. */
function codeLine(line: string): string {
  const trimmed = line.trim()
  if (trimmed.startsWith('##')) return line.replace('##', '#')
  if (trimmed.startsWith('# ')) return trimmed.slice(2)
  if (trimmed === '#') return ''
  return line
}

/** How rustdoc builds a Rust block: run or not, whether it must be a program of its own, whether it must fail. */
interface BlockKind {
  noRun: boolean
  standalone: boolean
  shouldPanic: boolean
}

/** An indented code block: Rust, run, mergeable. */
const INDENTED: BlockKind = { noRun: false, standalone: false, shouldPanic: false }

/** What rustdoc does with a fenced block, from its info string (`LangString::parse`): null when it builds nothing to link. */
function blockKind(info: string): BlockKind | null {
  let rust = false
  let other = false
  let ignore = false
  let noRun = false
  let compileFail = false
  let standalone = false
  let shouldPanic = false
  for (const token of info.split(/[\s,]+/).filter(t => t !== '')) {
    const word = token.replace(/^\{?\.?/, '').replace(/\}$/, '')
    if (word === 'rust') rust = true
    else if (word === 'ignore' || word.startsWith('ignore-')) ignore = true
    else if (word === 'no_run') noRun = true
    else if (word === 'compile_fail') compileFail = true
    else if (word === 'test_harness' || word === 'standalone_crate') standalone = true
    else if (word === 'should_panic') shouldPanic = true
    else if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word)) continue
    else other = true
  }
  if ((other && !rust) || ignore || compileFail) return null
  return { noRun, standalone, shouldPanic }
}

/** Info-string words rustdoc reads as attributes of a Rust block, not as a language. */
const RUSTDOC_ATTRIBUTES = new Set(['allow_fail'])

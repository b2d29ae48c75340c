/**
 * The doc examples `rustdoc --test` compiles, and runs, and the crates they load: the code blocks of doc
 * comments and `#[doc = "…"]` attributes, read as rustdoc reads them (src/librustdoc/html/markdown.rs,
 * `LangString::parse`, `find_testable_code` and `map_line`), then built into programs as
 * src/librustdoc/doctest.rs builds them (`docTests`):
 *
 * - A fenced block (```` ``` ```` or `~~~`) is Rust when its info string is empty or holds only rustdoc's own
 *   attributes; a `rust` token makes it Rust whatever else is there; any other word (`text`, `sh`, `toml`)
 *   makes it not Rust.
 * - `ignore` (and `ignore-<target>`) blocks are not compiled; `compile_fail` ones must fail to compile, so a
 *   link error cannot fail them; `no_run` ones are compiled but not run; the rest are compiled and run.
 * - An indented code block (four spaces after a blank line, outside a list) is a Rust block.
 *
 * Docs the scan cannot read — `#[doc = include_str!(…)]`, `#[doc = concat!(…)]`, a macro that writes docs —
 * count as examples that run and may load any crate.
 */
import type { DocExamples, DocTests } from '../model/unit-graph.js'
import { scanSourceNames } from './crate-names.js'
import { Lexer } from './lexer.js'
import { stringValue } from './tokens.js'

/** One doc example rustdoc compiles. */
export interface DocExample {
  /** `run` unless it is `no_run`: compiled, not run. */
  kind: 'compile' | 'run'
  /**
   * Built as a program of its own even where rustdoc merges examples (`test_harness`, `standalone_crate`);
   * whether its code can be merged is read from the code (see `docTests`).
   */
  standalone: boolean
  /** The code rustdoc compiles: hidden lines (`# …`) included, their markers removed (`map_line`). */
  code: string
}

/** The doc examples of one source file. */
export interface DocExampleScan {
  examples: DocExample[]
  /** Docs the scan cannot read (`#[doc = include_str!(…)]`, `concat!`, a macro): examples that may do anything. */
  unreadable: boolean
  /** The file says `#![doc(test(no_crate_inject))]`: rustdoc injects no `extern crate` into the examples. */
  noCrateInject: boolean
}

const RANK: Readonly<Record<DocExamples, number>> = { none: 0, compile: 1, run: 2 }

/** The larger of two. */
function mergeDocExamples(a: DocExamples, b: DocExamples): DocExamples {
  return RANK[a] >= RANK[b] ? a : b
}

/** What rustdoc does with the examples of one file, each compiled as a program of its own (before edition 2024). */
export function docExamples(source: string): DocExamples {
  const scan = scanDocExamples(source)
  if (scan.unreadable) return 'run'
  return scan.examples.reduce<DocExamples>((found, e) => mergeDocExamples(found, e.kind), 'none')
}

/** The doc examples of one source file. */
export function scanDocExamples(source: string): DocExampleScan {
  const examples: DocExample[] = []
  let unreadable = false
  let noCrateInject = false
  let lines: string[] = []
  const flush = (): void => {
    if (lines.length > 0) examples.push(...examplesInMarkdown(lines))
    lines = []
  }
  const lexer = new Lexer(source, true)
  // The last tokens outside doc comments, enough to see `# [ doc =` and `# ! [ doc =`.
  const recent: string[] = []
  for (let t = lexer.next(); t !== null; t = lexer.next()) {
    if (t.kind === 'doc') {
      lines.push(...t.text.split('\n'))
      continue
    }
    if (t.kind === 'ident' && t.text === 'no_crate_inject') noCrateInject = true
    recent.push(t.text)
    if (recent.length > 5) recent.shift()
    const n = recent.length
    const docAttribute = t.text === '=' && recent[n - 2] === 'doc' && recent[n - 3] === '[' && (recent[n - 4] === '#' || (recent[n - 4] === '!' && recent[n - 5] === '#'))
    if (docAttribute) {
      const value = lexer.next()
      if (value === null) break
      const text = value.kind === 'literal' ? stringValue(value.text) : null
      if (text !== null) lines.push(...text.split('\n'))
      else unreadable = true
      continue
    }
    // One item's docs end where its code starts; attributes between doc comments do not end them.
    if ((t.kind === 'ident' && t.text !== 'doc') || t.text === '{' || t.text === ';') flush()
  }
  flush()
  return { examples, unreadable, noCrateInject }
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
 *   `DocTestBuilder::generate_unique_doctest`), unless the library says `#![doc(test(no_crate_inject))]`.
 *   A `no_run` example is compiled, not run.
 * - From edition 2024 the examples that can be merged (`can_be_merged`: no crate attribute, no global
 *   allocator, no `macro_rules!` using `$crate`, not `test_harness` or `standalone_crate`) are compiled into
 *   one program, `no_run` ones included, which runs whenever there is one. It injects nothing: an example loads
 *   the library only by naming it.
 * - Any other crate is loaded by naming it (`crate-names.ts`), as in any crate.
 *
 * `compile_fail` and `ignore` examples are not counted: they are not linked, or not built.
 */
export function docTests(scans: readonly DocExampleScan[], crate: DocTestCrate): DocTests {
  if (scans.some(s => s.unreadable)) return { examples: 'run', compiledNames: null, runNames: null }
  const merges = Number.parseInt(crate.edition, 10) >= 2024
  const inject = !scans.some(s => s.noCrateInject)
  let compiled: Set<string> | null = new Set()
  let run: Set<string> | null = new Set()
  let examples: DocExamples = 'none'
  let merged = false
  const mergedNames: Set<string> = new Set()
  for (const example of scans.flatMap(s => s.examples)) {
    const mergeable = merges && !example.standalone && mergeableCode(example.code)
    const scanned = scanSourceNames(example.code)
    const names = scanned.includes ? null : scanned.names
    if (names !== null && !mergeable && inject && example.code.includes(crate.name)) names.add(crate.name)
    compiled = union(compiled, names)
    examples = mergeDocExamples(examples, 'compile')
    if (mergeable) {
      merged = true
      if (names === null) run = null
      else for (const name of names) mergedNames.add(name)
    } else if (example.kind === 'run') {
      examples = 'run'
      run = union(run, names)
    }
  }
  if (merged) {
    examples = 'run'
    run = union(run, mergedNames)
  }
  return { examples, compiledNames: compiled === null ? null : [...compiled].sort(), runNames: run === null ? null : [...run].sort() }
}

/** `into` with `names` added; null (any crate) when either is. */
function union(into: Set<string> | null, names: ReadonlySet<string> | null): Set<string> | null {
  if (into === null || names === null) return null
  for (const name of names) into.add(name)
  return into
}

/** `DocTestBuilder::new`'s `can_be_merged`, read from the code's text. */
function mergeableCode(code: string): boolean {
  if (/#\s*!\s*\[/.test(code)) return false
  if (/#\s*\[\s*global_allocator\b/.test(code)) return false
  return !(/\bmacro_rules\s*!/.test(code) && code.includes('$crate'))
}

/** The examples of one doc comment, as markdown lines. */
function examplesInMarkdown(lines: readonly string[]): DocExample[] {
  const examples: DocExample[] = []
  let fence: { char: string; length: number; kind: BlockKind | null; code: string[] } | null = null
  let indented: string[] | null = null
  let blankBefore = true
  let inList = false
  const close = (kind: BlockKind | null, code: string[]): void => {
    if (kind !== null) examples.push({ kind: kind.noRun ? 'compile' : 'run', standalone: kind.standalone, code: code.map(codeLine).join('\n') })
  }
  for (const rawLine of lines) {
    // Line doc comments usually start with one space, which is not part of the markdown.
    const line = rawLine.startsWith(' ') ? rawLine.slice(1) : rawLine
    if (fence !== null) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length) {
        close(fence.kind, fence.code)
        fence = null
        blankBefore = false
      } else {
        fence.code.push(line)
      }
      continue
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      if (indented !== null) close(INDENTED, indented)
      indented = null
      fence = { char: open[1]![0]!, length: open[1]!.length, kind: blockKind(open[2]!), code: [] }
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
    if (blankBefore && !inList && /^( {4}|\t)/.test(line)) indented = [line.replace(/^( {4}|\t)/, '')]
    blankBefore = false
  }
  if (indented !== null) close(INDENTED, indented)
  // An unclosed fence runs to the end of the comment.
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

/** How rustdoc builds a Rust block: run or not, and whether it must be a program of its own. */
interface BlockKind {
  noRun: boolean
  standalone: boolean
}

/** An indented code block: Rust, run, mergeable. */
const INDENTED: BlockKind = { noRun: false, standalone: false }

/** What rustdoc does with a fenced block, from its info string (`LangString::parse`): null when it builds nothing to link. */
function blockKind(info: string): BlockKind | null {
  let rust = false
  let other = false
  let ignore = false
  let noRun = false
  let compileFail = false
  let standalone = false
  for (const token of info.split(/[\s,]+/).filter(t => t !== '')) {
    const word = token.replace(/^\{?\.?/, '').replace(/\}$/, '')
    if (word === 'rust') rust = true
    else if (word === 'ignore' || word.startsWith('ignore-')) ignore = true
    else if (word === 'no_run') noRun = true
    else if (word === 'compile_fail') compileFail = true
    else if (word === 'test_harness' || word === 'standalone_crate') standalone = true
    else if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word)) continue
    else other = true
  }
  if ((other && !rust) || ignore || compileFail) return null
  return { noRun, standalone }
}

/** Info-string words rustdoc reads as attributes of a Rust block, not as a language. */
const RUSTDOC_ATTRIBUTES = new Set(['should_panic', 'allow_fail'])

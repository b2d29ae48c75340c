/**
 * Whether a source file has doc examples that `rustdoc --test` compiles, and runs: the code blocks of its
 * doc comments and `#[doc = "…"]` attributes, read as rustdoc reads them (src/librustdoc/html/markdown.rs,
 * `LangString::parse`, and `find_testable_code`):
 *
 * - A fenced block (```` ``` ```` or `~~~`) is Rust when its info string is empty or holds only rustdoc's own
 *   attributes; a `rust` token makes it Rust whatever else is there; any other word (`text`, `sh`, `toml`)
 *   makes it not Rust.
 * - `ignore` (and `ignore-<target>`) blocks are not compiled; `compile_fail` ones must fail to compile, so a
 *   link error cannot fail them; `no_run` ones are compiled but not run; the rest are compiled and run.
 * - An indented code block (four spaces after a blank line, outside a list) is a Rust block.
 *
 * Docs the scan cannot read — `#[doc = include_str!(…)]`, `#[doc = concat!(…)]`, a macro that writes docs —
 * count as examples that run.
 */
import type { DocExamples } from '../model/unit-graph.js'
import { Lexer } from './lexer.js'
import { stringValue } from './tokens.js'

const RANK: Readonly<Record<DocExamples, number>> = { none: 0, compile: 1, run: 2 }

/** The larger of two: a crate runs doctests when any of its files has one that runs. */
export function mergeDocExamples(a: DocExamples, b: DocExamples): DocExamples {
  return RANK[a] >= RANK[b] ? a : b
}

/** The doc examples of one source file. */
export function docExamples(source: string): DocExamples {
  let found: DocExamples = 'none'
  let lines: string[] = []
  const flush = (): void => {
    if (lines.length > 0) found = mergeDocExamples(found, examplesInMarkdown(lines))
    lines = []
  }
  const lexer = new Lexer(source, true)
  // The last tokens outside doc comments, enough to see `# [ doc =` and `# ! [ doc =`.
  const recent: string[] = []
  for (let t = lexer.next(); t !== null && found !== 'run'; t = lexer.next()) {
    if (t.kind === 'doc') {
      lines.push(...t.text.split('\n'))
      continue
    }
    recent.push(t.text)
    if (recent.length > 5) recent.shift()
    const n = recent.length
    const docAttribute = t.text === '=' && recent[n - 2] === 'doc' && recent[n - 3] === '[' && (recent[n - 4] === '#' || (recent[n - 4] === '!' && recent[n - 5] === '#'))
    if (docAttribute) {
      const value = lexer.next()
      if (value === null) break
      const text = value.kind === 'literal' ? stringValue(value.text) : null
      if (text !== null) lines.push(...text.split('\n'))
      else found = 'run'
      continue
    }
    // One item's docs end where its code starts; attributes between doc comments do not end them.
    if ((t.kind === 'ident' && t.text !== 'doc') || t.text === '{' || t.text === ';') flush()
  }
  flush()
  return found
}


/** The examples of one doc comment, as markdown lines. */
function examplesInMarkdown(lines: readonly string[]): DocExamples {
  let found: DocExamples = 'none'
  let fence: { char: string; length: number; kind: DocExamples } | null = null
  let blankBefore = true
  let inList = false
  for (const rawLine of lines) {
    // Line doc comments usually start with one space, which is not part of the markdown.
    const line = rawLine.startsWith(' ') ? rawLine.slice(1) : rawLine
    if (fence !== null) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        found = mergeDocExamples(found, fence.kind)
        fence = null
        blankBefore = false
      }
      continue
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length, kind: blockKind(open[2]!) }
      continue
    }
    if (line.trim() === '') {
      blankBefore = true
      continue
    }
    if (/^ {0,3}([-*+]|\d+[.)])\s/.test(line)) inList = true
    else if (!/^\s/.test(line)) inList = false
    if (blankBefore && !inList && /^( {4}|\t)/.test(line)) found = 'run'
    blankBefore = false
  }
  // An unclosed fence runs to the end of the comment.
  if (fence !== null) found = mergeDocExamples(found, fence.kind)
  return found
}

/** What rustdoc does with a fenced block, from its info string (`LangString::parse`). */
function blockKind(info: string): DocExamples {
  let rust = false
  let other = false
  let ignore = false
  let noRun = false
  let compileFail = false
  for (const token of info.split(/[\s,]+/).filter(t => t !== '')) {
    const word = token.replace(/^\{?\.?/, '').replace(/\}$/, '')
    if (word === 'rust') rust = true
    else if (word === 'ignore' || word.startsWith('ignore-')) ignore = true
    else if (word === 'no_run') noRun = true
    else if (word === 'compile_fail') compileFail = true
    else if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word)) continue
    else other = true
  }
  if ((other && !rust) || ignore || compileFail) return 'none'
  return noRun ? 'compile' : 'run'
}

/** Info-string words rustdoc reads as attributes of a Rust block, not as a language. */
const RUSTDOC_ATTRIBUTES = new Set(['should_panic', 'test_harness', 'standalone_crate', 'allow_fail'])

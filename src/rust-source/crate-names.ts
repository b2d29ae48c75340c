/**
 * Which crates one Rust source file can name, and which module files it pulls in. rustc loads a dependency
 * only when the crate names it (`extern crate`, a `use`, or a path that starts with it), so a dependency no
 * file of a target names is never loaded, and never linked. The scan over-approximates: every identifier
 * that starts a path or follows `use` or `extern crate` counts, in code behind any `cfg`, in macro bodies,
 * anywhere; `include!` pulls in code the scan cannot see.
 */
import { Lexer, type Token } from './lexer.js'
import { stringValue } from './tokens.js'

export interface SourceNames {
  /** Identifiers that may name a crate: before `::`, after `use`, after `extern crate`. */
  names: Set<string>
  /**
   * Out-of-line modules (`mod name;`), with the file a `#[path = "…"]` on them names and the inline modules
   * (`mod a { … }`) they sit in, outermost first: rustc looks for their files below those modules' directories.
   */
  modules: { name: string; path: string | null; inline: string[] }[]
  /** The file uses `include!`: code from another file, which this scan does not follow. */
  includes: boolean
}

export function scanSourceNames(source: string): SourceNames {
  const lexer = new Lexer(source)
  const names = new Set<string>()
  const modules: SourceNames['modules'] = []
  let includes = false
  // The last few tokens, for looking back from `mod` at the attributes before it.
  const recent: Token[] = []
  // Brace depth, and the inline modules open around the current token with the depth each opened at.
  let depth = 0
  const inline: { name: string; depth: number }[] = []
  // Inside the braces right after `use` or `use ::` (`use {a, b::c}`): the depth they opened at, else -1.
  let useGroup = -1
  let current = lexer.next()
  while (current !== null) {
    const next = lexer.next()
    const previous = recent[recent.length - 1]
    if (current.kind === 'ident') {
      if (next?.kind === 'punct' && next.text === ':' && source.charCodeAt(next.end) === 58) {
        if (!KEYWORDS_BEFORE_PATH.has(current.text)) names.add(current.text)
      }
      else if (previous?.kind === 'ident' && (previous.text === 'use' || (previous.text === 'crate' && precededByExtern(recent)))) names.add(current.text)
      // `use ::d`, `::d::f()`: a path from the crate root of the extern prelude.
      else if (startsGlobalPath(recent)) names.add(current.text)
      else if (useGroup === depth - 1 && (previous?.text === '{' || previous?.text === ',')) names.add(current.text)
      if (current.text === 'include' && next?.kind === 'punct' && next.text === '!') includes = true
      if (previous?.kind === 'ident' && previous.text === 'mod' && next?.kind === 'punct' && next.text === ';') {
        modules.push({ name: current.text, path: pathAttribute(recent.slice(0, -1)), inline: inline.map(m => m.name) })
      }
    } else if (current.kind === 'punct' && current.text === '{') {
      if (previous?.kind === 'ident' && recent[recent.length - 2]?.text === 'mod') inline.push({ name: previous.text, depth })
      if (previous?.text === 'use' || (startsGlobalPath(recent) && recent[recent.length - 3]?.text === 'use')) useGroup = depth
      depth++
    } else if (current.kind === 'punct' && current.text === '}') {
      depth--
      if (inline.at(-1)?.depth === depth) inline.pop()
      if (useGroup === depth) useGroup = -1
    }
    recent.push(current)
    if (recent.length > 24) recent.shift()
    current = next
  }
  return { names, modules, includes }
}

/**
 * The last two tokens are `::` and what comes before them cannot end a path (`a::`, `T>::`, `self)::`): the next
 * identifier starts a path at the root of the extern prelude.
 */
function startsGlobalPath(recent: readonly Token[]): boolean {
  const [before, first, second] = recent.slice(-3)
  if (first?.text !== ':' || second?.text !== ':' || second.start !== first.start + 1) return false
  return before === undefined || (before.kind === 'punct' && before.text !== '>' && before.text !== ')') || (before.kind === 'ident' && KEYWORDS_BEFORE_PATH.has(before.text))
}

/** Keywords a path can follow (`return ::d::f()`); any other identifier before `::` is a segment of the path. */
const KEYWORDS_BEFORE_PATH = new Set(['as', 'box', 'break', 'const', 'dyn', 'else', 'for', 'if', 'impl', 'in', 'let', 'match', 'move', 'mut', 'pub', 'ref', 'return', 'static', 'type', 'unsafe', 'use', 'where', 'while', 'yield'])

/** `extern crate`: the token before `crate` is `extern`. */
function precededByExtern(recent: readonly Token[]): boolean {
  const before = recent[recent.length - 2]
  return before?.kind === 'ident' && before.text === 'extern'
}

/**
 * The `#[path = "…"]` among the attributes right before `mod` (its visibility skipped), or null. `tokens`
 * ends just before `mod`.
 */
function pathAttribute(tokens: readonly Token[]): string | null {
  let i = tokens.length - 1
  // `pub`, `pub(crate)`, `pub(in path)`.
  if (tokens[i]?.text === ')') {
    while (i >= 0 && tokens[i]!.text !== '(') i--
    i--
  }
  if (tokens[i]?.text === 'pub') i--
  while (tokens[i]?.text === ']') {
    let j = i
    while (j >= 0 && tokens[j]!.text !== '[') j--
    if (j < 1 || tokens[j - 1]!.text !== '#') return null
    const inner = tokens.slice(j + 1, i)
    if (inner.length === 3 && inner[0]!.text === 'path' && inner[1]!.text === '=' && inner[2]!.kind === 'literal') return stringValue(inner[2]!.text)
    i = j - 2
  }
  return null
}


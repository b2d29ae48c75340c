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
  /** Out-of-line modules (`mod name;`), with the file a `#[path = "…"]` on them names. */
  modules: { name: string; path: string | null }[]
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
  let current = lexer.next()
  while (current !== null) {
    const next = lexer.next()
    const previous = recent[recent.length - 1]
    if (current.kind === 'ident') {
      if (next?.kind === 'punct' && next.text === ':' && source.charCodeAt(next.end) === 58) names.add(current.text)
      else if (previous?.kind === 'ident' && (previous.text === 'use' || (previous.text === 'crate' && precededByExtern(recent)))) names.add(current.text)
      if (current.text === 'include' && next?.kind === 'punct' && next.text === '!') includes = true
      if (previous?.kind === 'ident' && previous.text === 'mod' && next?.kind === 'punct' && next.text === ';') {
        modules.push({ name: current.text, path: pathAttribute(recent.slice(0, -1)) })
      }
    }
    recent.push(current)
    if (recent.length > 24) recent.shift()
    current = next
  }
  return { names, modules, includes }
}

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


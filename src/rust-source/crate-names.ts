/**
 * Which crates one Rust source file can name, and which module files it pulls in. rustc loads a dependency
 * only when the crate names it (`extern crate`, a `use`, or a path that starts with it), so a dependency no
 * file of a target names is never loaded, and never linked. The scan over-approximates: every identifier
 * that starts a path or follows `use` or `extern crate` counts, in code behind any `cfg`, in macro bodies,
 * anywhere — except a path root that names an item the module itself declares unconditionally (rustc looks
 * a path's first segment up in the module's items before the extern prelude), outside macro bodies. An
 * identifier passed to a `macro_rules!` macro that starts a path with it counts too. `include!` pulls in
 * code the scan cannot see.
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
  /**
   * The `macro_rules!` macros the file defines whose bodies start a path with a metavariable (`$k::f()`): an
   * identifier passed to one (`call!(d)`) may name a crate.
   */
  pathMacros: Set<string>
  /** The identifiers in the arguments of each macro the file invokes, by the macro's name. */
  macroArguments: Map<string, Set<string>>
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
  // Per module (the file's, then each inline one, numbered as they open): the first segments of its paths,
  // and the items it declares in the type namespace. Such an item (`mod d;`, `struct d`) shadows the crate
  // `d` for the module's own paths (`d::f()`), not for its children's (rustc's lexical scopes).
  const scopes: { paths: Set<string>; items: Set<string> }[] = [{ paths: new Set(), items: new Set() }]
  const scope: number[] = [0]
  // Delimiter depth over `(`, `[` and `{`; the `macro_rules!` bodies and macro invocations open around the
  // current token, each with the depth its delimiter opened at.
  let nesting = 0
  const definitions: { name: string; nesting: number }[] = []
  const invocations: { name: string; nesting: number }[] = []
  const pathMacros = new Set<string>()
  const macroArguments = new Map<string, Set<string>>()
  let current = lexer.next()
  while (current !== null) {
    const next = lexer.next()
    const previous = recent[recent.length - 1]
    if (current.kind === 'ident') {
      const moduleDepth = inline.length === 0 ? 0 : inline[inline.length - 1]!.depth + 1
      if (previous?.kind === 'ident' && TYPE_ITEM_KEYWORDS.has(previous.text) && depth === moduleDepth && unconditional(recent.slice(0, -1), recent.length === RECENT)) {
        scopes[scope[scope.length - 1]!]!.items.add(current.text)
      }
      if (next?.kind === 'punct' && next.text === ':' && source.charCodeAt(next.end) === 58) {
        // `use d::…`, `::d::…` and `use {d::…}` name the crate whatever the module declares (rustc reports a
        // `use` path that could be both as ambiguous).
        const imported = previous?.text === 'use' || startsGlobalPath(recent) || (useGroup >= 0 && useGroup === depth - 1 && (previous?.text === '{' || previous?.text === ','))
        if (previous?.text === '$' && definitions.length > 0) pathMacros.add(definitions[definitions.length - 1]!.name)
        // A macro's body is resolved where the macro is invoked, which may be a module without the item.
        if (imported || definitions.length > 0) names.add(current.text)
        else if (!KEYWORDS_BEFORE_PATH.has(current.text)) scopes[scope[scope.length - 1]!]!.paths.add(current.text)
      }
      else if (previous?.kind === 'ident' && (previous.text === 'use' || (previous.text === 'crate' && precededByExtern(recent)))) names.add(current.text)
      // `use ::d`, `::d::f()`: a path from the crate root of the extern prelude.
      else if (startsGlobalPath(recent)) names.add(current.text)
      else if (useGroup >= 0 && useGroup === depth - 1 && (previous?.text === '{' || previous?.text === ',')) names.add(current.text)
      if (current.text === 'include' && next?.kind === 'punct' && next.text === '!') includes = true
      for (const invocation of invocations) {
        let args = macroArguments.get(invocation.name)
        if (args === undefined) macroArguments.set(invocation.name, (args = new Set()))
        args.add(current.text)
      }
      if (previous?.kind === 'ident' && previous.text === 'mod' && next?.kind === 'punct' && next.text === ';') {
        modules.push({ name: current.text, path: pathAttribute(recent.slice(0, -1)), inline: inline.map(m => m.name) })
      }
    }
    if (current.kind === 'punct' && OPENING.has(current.text)) {
      // `name! (…)`, `name! […]`, `name! {…}`; `macro_rules! name {…}` defines one.
      const bang = recent[recent.length - 1]
      const named = recent[recent.length - 2]
      if (bang?.text === '!' && named?.kind === 'ident') {
        if (named.text !== 'macro_rules') invocations.push({ name: named.text, nesting })
      } else if (previous?.kind === 'ident' && recent[recent.length - 2]?.text === '!' && recent[recent.length - 3]?.text === 'macro_rules') {
        definitions.push({ name: previous.text, nesting })
      }
      nesting++
    } else if (current.kind === 'punct' && CLOSING.has(current.text)) {
      nesting--
      if (invocations.at(-1)?.nesting === nesting) invocations.pop()
      if (definitions.at(-1)?.nesting === nesting) definitions.pop()
    }
    if (current.kind === 'punct' && current.text === '{') {
      if (previous?.kind === 'ident' && recent[recent.length - 2]?.text === 'mod') {
        inline.push({ name: previous.text, depth })
        scope.push(scopes.push({ paths: new Set(), items: new Set() }) - 1)
      }
      if (previous?.text === 'use' || (startsGlobalPath(recent) && recent[recent.length - 3]?.text === 'use')) useGroup = depth
      depth++
    } else if (current.kind === 'punct' && current.text === '}') {
      depth--
      if (inline.at(-1)?.depth === depth) {
        inline.pop()
        scope.pop()
      }
      if (useGroup === depth) useGroup = -1
    }
    recent.push(current)
    if (recent.length > RECENT) recent.shift()
    current = next
  }
  for (const { paths, items } of scopes) for (const name of paths) if (!items.has(name)) names.add(name)
  for (const name of macroPathArguments(pathMacros, macroArguments)) names.add(name)
  return { names, modules, includes, pathMacros, macroArguments }
}

/** The identifiers passed to the macros that start paths with them: each may name a crate. */
export function macroPathArguments(pathMacros: ReadonlySet<string>, macroArguments: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [...pathMacros].flatMap(name => [...(macroArguments.get(name) ?? [])])
}

const OPENING = new Set(['(', '[', '{'])
const CLOSING = new Set([')', ']', '}'])

/** How many tokens the scan keeps to look back at. */
const RECENT = 24

/**
 * Whether an item is there on every platform: no `cfg` or `cfg_attr` attribute before it (`#[cfg(windows)]
 * mod d;` shadows the crate `d` only on Windows). `tokens` ends just before its keyword.
 */
function unconditional(tokens: readonly Token[], truncated: boolean): boolean {
  const attributes = itemAttributes(tokens, truncated)
  return attributes !== null && attributes.every(a => a[0]?.text !== 'cfg' && a[0]?.text !== 'cfg_attr')
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
  for (const inner of itemAttributes(tokens, false) ?? []) {
    if (inner.length === 3 && inner[0]!.text === 'path' && inner[1]!.text === '=' && inner[2]!.kind === 'literal') return stringValue(inner[2]!.text)
  }
  return null
}

/**
 * The outer attributes right before an item's keyword (its visibility skipped), each as the tokens inside
 * `#[…]`, nearest first; null when one cannot be read whole, or (`truncated`: `tokens` is only the end of what
 * came before) when more may come before them.
 */
function itemAttributes(tokens: readonly Token[], truncated: boolean): Token[][] | null {
  let i = tokens.length - 1
  // `pub`, `pub(crate)`, `pub(in path)`.
  if (tokens[i]?.text === ')') {
    while (i >= 0 && tokens[i]!.text !== '(') i--
    i--
  }
  if (tokens[i]?.text === 'pub') i--
  const attributes: Token[][] = []
  while (tokens[i]?.text === ']') {
    let j = i
    while (j >= 0 && tokens[j]!.text !== '[') j--
    if (j < 1 || tokens[j - 1]!.text !== '#') return null
    attributes.push(tokens.slice(j + 1, i))
    i = j - 2
  }
  return i < 0 && truncated ? null : attributes
}

/** Keywords that declare an item in the type namespace, which a path's first segment is looked up in. */
const TYPE_ITEM_KEYWORDS = new Set(['mod', 'struct', 'enum', 'union', 'trait', 'type'])


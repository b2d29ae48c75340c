/**
 * Which crates one Rust source file can name, and which module files it pulls in. rustc loads a dependency
 * only when the crate names it (`extern crate`, a `use`, or a path that starts with it), so a dependency no
 * file of a target names is never loaded, and never linked. The scan over-approximates: every identifier
 * that starts a path or follows `use` or `extern crate` counts, in code behind any `cfg`, in macro bodies,
 * anywhere — except a path root that names an item the module itself declares unconditionally (rustc looks
 * a path's first segment up in the module's items before the extern prelude), outside macro bodies. An
 * identifier passed to a `macro_rules!` macro that starts a path with it counts too. `include!` pulls in
 * code the scan cannot see. Names in code only the test harness compiles (an item under `#[cfg(test)]`, a `#[test]`
 * function, the modules in them) are kept apart (`testNames`): a target built without `--test` does not load
 * those crates.
 */
import { Lexer, type Token } from './lexer.js'
import { isCfgTest, stringValue } from './tokens.js'

export interface SourceNames {
  /** Identifiers that may name a crate: before `::`, after `use`, after `extern crate`. */
  names: Set<string>
  /** Identifiers that may name a crate only in `#[cfg(test)]` code, and nowhere else. */
  testNames: Set<string>
  /** Out-of-line modules (`mod name;`). */
  modules: ModuleDeclaration[]
  /** The file uses code this scan does not see: `include!`, or modules a macro declares (`mod $name;`). */
  includes: boolean
  /**
   * The file starts with `#![cfg(…)]`: the module it is may not exist, and then does not shadow the crates
   * its parent's paths name (`ModuleDeclaration.shadows`).
   */
  gated: boolean
  /**
   * The `macro_rules!` macros the file defines whose bodies start a path with a metavariable (`$k::f()`): an
   * identifier passed to one (`call!(d)`) may name a crate.
   */
  pathMacros: Set<string>
  /** The identifiers in the arguments of each macro the file invokes, by the macro's name. */
  macroArguments: Map<string, Set<string>>
}

/** An out-of-line module (`mod name;`) as the scan found it. */
export interface ModuleDeclaration {
  name: string
  /** The file a `#[path = "…"]` on it names. */
  path: string | null
  /** The files `#[cfg_attr(…, path = "…")]` on it name: rustc reads one of them where the condition holds. */
  conditionalPaths: string[]
  /**
   * The directories of the inline modules (`mod a { … }`) it sits in, outermost first (an inline module's
   * name, or its `#[path]`): rustc looks for its file below them.
   */
  inline: string[]
  /** Names the module shadows in its parent's paths: crates again when its file turns out `gated`. */
  shadows: string[]
  /** Under `#[cfg(test)]`, on it or on an item it sits in: only in the test harness. */
  testOnly: boolean
}

/** What an item of a module's type namespace is, for shadowing: any item, an inline module, a module file. */
type ScopeItem = { kind: 'item' } | { kind: 'inline'; scope: number } | { kind: 'file'; module: number }

export function scanSourceNames(source: string): SourceNames {
  const lexer = new Lexer(source)
  const names = new Set<string>()
  const testNames = new Set<string>()
  const modules: ModuleDeclaration[] = []
  let includes = false
  // The last tokens, for looking back from `mod` at the attributes before it, and how many were dropped.
  const recent: Token[] = []
  let dropped = 0
  // Delimiter depth over `(`, `[` and `{`.
  let nesting = 0
  // Brace depth, for `use` groups.
  let depth = 0
  // Inside the braces right after `use` or `use ::` (`use {a, b::c}`): the depth they opened at, else -1.
  let useGroup = -1
  // Per module (the file's, then each inline one, numbered as they open): the first segments of its paths,
  // and the items it declares in the type namespace. Such an item (`mod d;`, `struct d`) shadows the crate
  // `d` for the module's own paths (`d::f()`), not for its children's (rustc's lexical scopes). A module with
  // an inner `#![cfg(…)]` may not exist: it shadows nothing.
  // A module's `testPaths` are those in its `#[cfg(test)]` items.
  const scopes: { paths: Set<string>; testPaths: Set<string>; items: Map<string, ScopeItem>; gated: boolean }[] = [newScope()]
  // The inline modules open around the current token: the nesting inside their braces, their scope and directory,
  // and whether they are test-only.
  const inline: { nesting: number; scope: number; dir: string; test: boolean }[] = []
  // The `#[cfg(test)]` item the current token is in: the nesting of the module it is an item of, else -1. It
  // ends at a `;` at that nesting or at the `}` that closes back to it.
  let testItem = -1
  // The file's own module: test-only from an inner `#![cfg(test)]` at its start on.
  const fileModule = { nesting: 0, scope: 0, test: false }
  // The `macro_rules!` bodies and macro invocations open around the current token, each with the nesting its
  // delimiter opened at.
  const definitions: { name: string; nesting: number }[] = []
  const invocations: { name: string; nesting: number }[] = []
  const pathMacros = new Set<string>()
  const macroArguments = new Map<string, Set<string>>()
  let current = lexer.next()
  while (current !== null) {
    const next = lexer.next()
    const previous = recent[recent.length - 1]
    const module = inline.length === 0 ? fileModule : inline[inline.length - 1]!
    const scope = scopes[module.scope]!
    const inTest = testItem >= 0 || module.test
    const found = inTest ? testNames : names
    if (current.kind === 'ident') {
      // Outside macro bodies (expanded where they are invoked), an unconditional item directly in the module.
      const moduleItem = previous?.kind === 'ident' && TYPE_ITEM_KEYWORDS.has(previous.text) && nesting === module.nesting && definitions.length === 0
      if (moduleItem && unconditional(recent.slice(0, -1), dropped > 0)) {
        const outOfLine = previous.text === 'mod' && next?.text === ';'
        const inlineModule = previous.text === 'mod' && next?.text === '{'
        scope.items.set(current.text, outOfLine ? { kind: 'file', module: modules.length } : inlineModule ? { kind: 'inline', scope: scopes.length } : { kind: 'item' })
      }
      // `$k` is a macro's metavariable, `.d::<T>()` a method: neither starts a path (`..d::MAX` does).
      const metavariable = previous?.text === '$'
      const method = previous?.text === '.' && recent[recent.length - 2]?.text !== '.'
      if (next?.kind === 'punct' && next.text === ':' && source.charCodeAt(next.end) === 58) {
        // `use d::…`, `::d::…` and `use {d::…}` name the crate whatever the module declares (rustc reports a
        // `use` path that could be both as ambiguous).
        const imported = previous?.text === 'use' || startsGlobalPath(recent) || (useGroup >= 0 && useGroup === depth - 1 && (previous?.text === '{' || previous?.text === ','))
        if (metavariable && definitions.length > 0) pathMacros.add(definitions[definitions.length - 1]!.name)
        if (metavariable || method) {
          // Not a path root.
        } else if (imported || definitions.length > 0) {
          // A macro's body is resolved where the macro is invoked, which may be a module without the item.
          found.add(current.text)
        } else if (!KEYWORDS_BEFORE_PATH.has(current.text)) (inTest ? scope.testPaths : scope.paths).add(current.text)
      }
      else if (previous?.kind === 'ident' && (previous.text === 'use' || (previous.text === 'crate' && precededByExtern(recent)))) found.add(current.text)
      // `use ::d`, `::d::f()`: a path from the crate root of the extern prelude.
      else if (startsGlobalPath(recent)) found.add(current.text)
      else if (useGroup >= 0 && useGroup === depth - 1 && (previous?.text === '{' || previous?.text === ',')) found.add(current.text)
      if (current.text === 'include' && next?.kind === 'punct' && next.text === '!') includes = true
      // `#![cfg(…)]` directly in a module: an inner attribute, only valid at its start.
      if (current.text === 'cfg' && previous?.text === '[' && recent[recent.length - 2]?.text === '!' && recent[recent.length - 3]?.text === '#' && nesting === module.nesting + 1) scope.gated = true
      for (const invocation of invocations) {
        let args = macroArguments.get(invocation.name)
        if (args === undefined) macroArguments.set(invocation.name, (args = new Set()))
        args.add(current.text)
      }
      if (previous?.kind === 'ident' && previous.text === 'mod' && next?.kind === 'punct' && next.text === ';') {
        const attributes = itemAttributes(recent.slice(0, -1), dropped > 0)
        // Attributes longer than the look-back may hold a `#[path]`: the module's file is not known.
        if (attributes === null) includes = true
        const testOnly = inTest || (attributes ?? []).some(isCfgTest)
        modules.push({ name: current.text, path: pathAttribute(attributes ?? []), conditionalPaths: conditionalPathAttributes(attributes ?? []), inline: inline.map(m => m.dir), shadows: [], testOnly })
      }
      // `mod $name;` in a macro: modules the scan cannot find (an inline `mod $name { … }` holds its own code).
      if (previous?.text === '$' && recent[recent.length - 2]?.text === 'mod' && next?.text === ';') includes = true
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
      if (current.text === '{') {
        if (previous?.kind === 'ident' && recent[recent.length - 2]?.text === 'mod') {
          const dir = pathAttribute(itemAttributes(recent.slice(0, -2), false) ?? []) ?? previous.text
          inline.push({ nesting, scope: scopes.push(newScope()) - 1, dir, test: inTest })
        }
        if (previous?.text === 'use' || (startsGlobalPath(recent) && recent[recent.length - 3]?.text === 'use')) useGroup = depth
        depth++
      }
    } else if (current.kind === 'punct' && CLOSING.has(current.text)) {
      nesting--
      if (invocations.at(-1)?.nesting === nesting) invocations.pop()
      if (definitions.at(-1)?.nesting === nesting) definitions.pop()
      if (inline.at(-1)?.nesting === nesting + 1) inline.pop()
      if (current.text === '}') {
        depth--
        if (useGroup === depth) useGroup = -1
        if (testItem === nesting) testItem = -1
      }
      // The `]` of an outer `#[cfg(test)]` or `#[test]` on an item of the module: the item is test-only; of an
      // inner `#![cfg(test)]`, the module is.
      if (current.text === ']' && testItem < 0 && nesting === module.nesting) {
        const attribute = closedTestAttribute(recent)
        if (attribute === 'outer') testItem = nesting
        else if (attribute === 'inner') module.test = true
      }
    } else if (current.kind === 'punct' && current.text === ';' && testItem === nesting) {
      testItem = -1
    }
    recent.push(current)
    // Trimmed in chunks: each token costs O(1), and at least RECENT tokens are always there to look back at.
    if (recent.length > 2 * RECENT) {
      dropped += recent.length - RECENT
      recent.splice(0, recent.length - RECENT)
    }
    current = next
  }
  for (const { paths, testPaths, items } of scopes) {
    for (const [unresolved, into] of [[paths, names], [testPaths, testNames]] as const) {
      for (const name of unresolved) {
        const item = items.get(name)
        if (item === undefined || (item.kind === 'inline' && scopes[item.scope]!.gated)) into.add(name)
        else if (item.kind === 'file') modules[item.module]!.shadows.push(name)
      }
    }
  }
  for (const name of macroPathArguments(pathMacros, macroArguments)) names.add(name)
  for (const name of names) testNames.delete(name)
  return { names, testNames, modules, includes, gated: scopes[0]!.gated, pathMacros, macroArguments }
}

function newScope(): { paths: Set<string>; testPaths: Set<string>; items: Map<string, ScopeItem>; gated: boolean } {
  return { paths: new Set(), testPaths: new Set(), items: new Map(), gated: false }
}

/**
 * Whether the current `]` closes an outer attribute that keeps its item out of builds without `--test`
 * (`#[cfg(test)]`; `#[test]` and `#[bench]`, whose expansion drops the item there), an inner `#![cfg(test)]`,
 * or neither.
 */
function closedTestAttribute(recent: readonly Token[]): 'outer' | 'inner' | null {
  const n = recent.length
  if (n >= 3 && recent[n - 3]!.text === '#' && recent[n - 2]!.text === '[' && (recent[n - 1]!.text === 'test' || recent[n - 1]!.text === 'bench')) return 'outer'
  if (n < 6 || recent[n - 5]!.text !== '[' || !isCfgTest(recent.slice(n - 4))) return null
  if (recent[n - 6]!.text === '#') return 'outer'
  return recent[n - 6]!.text === '!' && recent[n - 7]?.text === '#' ? 'inner' : null
}

/** The identifiers passed to the macros that start paths with them: each may name a crate. */
export function macroPathArguments(pathMacros: ReadonlySet<string>, macroArguments: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [...pathMacros].flatMap(name => [...(macroArguments.get(name) ?? [])])
}

const OPENING = new Set(['(', '[', '{'])
const CLOSING = new Set([')', ']', '}'])

/** How many tokens the scan keeps, at least, to look back at: attributes longer than that are not read. */
const RECENT = 256

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
 * The files `#[cfg_attr(<condition>, path = "…")]` among a `mod` item's attributes name.
 */
function conditionalPathAttributes(attributes: readonly (readonly Token[])[]): string[] {
  const paths: string[] = []
  for (const inner of attributes) {
    if (inner[0]?.text !== 'cfg_attr') continue
    for (let i = 1; i + 2 < inner.length; i++) {
      if (inner[i]!.text === 'path' && inner[i - 1]!.text === ',' && inner[i + 1]!.text === '=' && inner[i + 2]!.kind === 'literal') {
        const value = stringValue(inner[i + 2]!.text)
        if (value !== null) paths.push(value)
      }
    }
  }
  return paths
}

/**
 * The `#[path = "…"]` among a `mod` item's attributes, or null.
 */
function pathAttribute(attributes: readonly (readonly Token[])[]): string | null {
  for (const inner of attributes) {
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
  // `unsafe trait`, `auto trait`, `pub unsafe trait`.
  while (tokens[i]?.text === 'unsafe' || tokens[i]?.text === 'auto') i--
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


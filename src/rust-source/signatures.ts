/**
 * The signature of an exported function or static, and what a `type` alias stands for, read from lexed tokens
 * as far as telling C-compatible interfaces apart needs: the ABI, whether the function is generic, and each
 * parameter, return and static type as a small tree (paths with their generic arguments, raw pointers,
 * references, `fn` pointers, tuples, arrays, slices; `dyn`, `impl`, `!`). Anything else — a qualified path, a
 * macro in type position, a pattern this reader does not follow — is kept as `other`, with its text.
 */
import type { ExportSignature, SignatureType } from '../model/facts.js'
import type { Token } from './lexer.js'
import { closingIndex, isClosing, isIdent, isOpening, isPunct, stringValue } from './tokens.js'

/** Types nest a few levels in real signatures; the bound keeps hostile input off the call stack. */
const MAX_DEPTH = 32

/**
 * The signature of the item whose name is `tokens[name]`: `fn name<…>(…) -> …` or `static [mut] NAME: T`.
 * Null when the tokens around the name are neither.
 */
export function readSignature(tokens: readonly Token[], name: number, source: string): ExportSignature | null {
  const line = tokens[name]!.line
  const before = tokens[name - 1]
  if (isIdent(before, 'static') || (isIdent(before, 'mut') && isIdent(tokens[name - 2], 'static'))) {
    if (!isColon(tokens, name + 1)) return null
    const end = scanTo(tokens, name + 2, t => isPunct(t, '=') || isPunct(t, ';'))
    return { item: 'static', type: parseType(tokens.slice(name + 2, end), source, 0), line }
  }
  if (!isIdent(before, 'fn')) return null
  // `extern "C-unwind" fn`, `extern fn` (the C ABI), or neither (the Rust ABI).
  let abi: string | null = null
  if (isIdent(tokens[name - 2], 'extern')) abi = 'C'
  else if (tokens[name - 2]?.kind === 'literal' && isIdent(tokens[name - 3], 'extern')) abi = stringValue(tokens[name - 2]!.text) ?? tokens[name - 2]!.text
  let at = name + 1
  let generic = false
  if (isPunct(tokens[at], '<')) {
    const close = angleClose(tokens, at)
    generic = splitTop(tokens.slice(at + 1, close)).some(p => p.length > 0 && p[0]!.kind !== 'lifetime')
    at = close + 1
  }
  if (!isPunct(tokens[at], '(')) return null
  const close = closingIndex(tokens, at)
  const params = splitTop(tokens.slice(at + 1, close))
    .filter(p => p.length > 0)
    .map(p => parameter(p, source))
  at = close + 1
  let returns: SignatureType | null = null
  if (isArrow(tokens, at)) {
    const end = scanTo(tokens, at + 2, t => isPunct(t, '{') || isPunct(t, ';') || isIdent(t, 'where'))
    returns = parseType(tokens.slice(at + 2, end), source, 0)
    if (returns.kind === 'tuple' && returns.items.length === 0) returns = null
  }
  return { item: 'fn', abi, generic, params, returns, line }
}

/** What `type Name<…> = T;` stands for, `tokens[name]` being its name; null without `=`. */
export function readAlias(tokens: readonly Token[], name: number, source: string): SignatureType | null {
  let at = name + 1
  if (isPunct(tokens[at], '<')) at = angleClose(tokens, at) + 1
  const eq = scanTo(tokens, at, t => isPunct(t, '=') || isPunct(t, ';'))
  if (!isPunct(tokens[eq], '=')) return null
  const end = scanTo(tokens, eq + 1, t => isPunct(t, ';'))
  return parseType(tokens.slice(eq + 1, end), source, 0)
}

/** A parameter `pattern: Type` (attributes skipped); `self` forms, `...` and bare patterns are `other`. */
function parameter(tokens: Token[], source: string): SignatureType {
  let start = 0
  while (isPunct(tokens[start], '#') && isPunct(tokens[start + 1], '[')) start = closingIndex(tokens, start + 1) + 1
  const rest = tokens.slice(start)
  const colon = topLevelColon(rest)
  if (colon < 0 || rest.slice(0, colon).some(t => isIdent(t, 'self'))) return other(rest, source)
  return parseType(rest.slice(colon + 1), source, 0)
}

/** A type in a `fn` pointer's parameter list: `name: T`, `_: T` or just `T`. */
function fnPointerParameter(tokens: Token[], source: string, depth: number): SignatureType {
  const colon = topLevelColon(tokens)
  const named = colon === 1 && (tokens[0]!.kind === 'ident' || tokens[0]!.text === '_')
  return parseType(named ? tokens.slice(2) : tokens, source, depth)
}

export function parseType(tokens: readonly Token[], source: string, depth: number): SignatureType {
  const first = tokens[0]
  if (first === undefined || depth > MAX_DEPTH) return other(tokens, source)
  const base = { text: textOf(tokens, source), line: first.line }
  const last = tokens.length - 1
  if (isPunct(first, '&')) {
    let at = 1
    if (tokens[at]?.kind === 'lifetime') at++
    const mutable = isIdent(tokens[at], 'mut')
    return { ...base, kind: 'reference', mutable, to: parseType(tokens.slice(mutable ? at + 1 : at), source, depth + 1) }
  }
  if (isPunct(first, '*')) {
    const mutable = isIdent(tokens[1], 'mut')
    if (!mutable && !isIdent(tokens[1], 'const')) return { ...base, kind: 'other' }
    return { ...base, kind: 'pointer', mutable, to: parseType(tokens.slice(2), source, depth + 1) }
  }
  if (isPunct(first, '(') && closingIndex(tokens, 0) === last) {
    const parts = splitTop(tokens.slice(1, last))
    if (parts.length === 1 && parts[0]!.length > 0) return parseType(parts[0]!, source, depth + 1)
    return { ...base, kind: 'tuple', items: parts.filter(p => p.length > 0).map(p => parseType(p, source, depth + 1)) }
  }
  if (isPunct(first, '[') && closingIndex(tokens, 0) === last) {
    const inner = tokens.slice(1, last)
    const semi = scanTo(inner, 0, t => isPunct(t, ';'))
    const of = parseType(inner.slice(0, semi), source, depth + 1)
    return semi < inner.length ? { ...base, kind: 'array', of } : { ...base, kind: 'slice', of }
  }
  if (isPunct(first, '!') && tokens.length === 1) return { ...base, kind: 'never' }
  if (isIdent(first, 'dyn')) return { ...base, kind: 'dyn' }
  if (isIdent(first, 'impl')) return { ...base, kind: 'impl' }
  const fn = fnPointer(tokens, source, depth)
  if (fn !== undefined) return fn === null ? { ...base, kind: 'other' } : { ...base, ...fn }
  return path(tokens, source, depth) ?? { ...base, kind: 'other' }
}

type FnPointer = Extract<SignatureType, { kind: 'fn' }>

/** `[for<'a>] [unsafe] [extern ["abi"]] fn(…) [-> T]`: undefined when the tokens do not start so, null when malformed. */
function fnPointer(tokens: readonly Token[], source: string, depth: number): Omit<FnPointer, 'text' | 'line'> | null | undefined {
  let at = 0
  if (isIdent(tokens[at], 'for') && isPunct(tokens[at + 1], '<')) at = angleClose(tokens, at + 1) + 1
  if (isIdent(tokens[at], 'unsafe')) at++
  let abi: string | null = null
  if (isIdent(tokens[at], 'extern')) {
    abi = 'C'
    if (tokens[at + 1]?.kind === 'literal') abi = stringValue(tokens[++at]!.text) ?? tokens[at]!.text
    at++
  }
  if (!isIdent(tokens[at], 'fn')) return at === 0 ? undefined : null
  if (!isPunct(tokens[at + 1], '(')) return null
  const close = closingIndex(tokens, at + 1)
  const params = splitTop(tokens.slice(at + 2, close))
    .filter(p => p.length > 0)
    .map(p => fnPointerParameter(p, source, depth + 1))
  let returns: SignatureType | null = null
  if (isArrow(tokens, close + 1)) {
    returns = parseType(tokens.slice(close + 3), source, depth + 1)
    if (returns.kind === 'tuple' && returns.items.length === 0) returns = null
  } else if (close + 1 !== tokens.length) return null
  return { kind: 'fn', abi, params, returns }
}

/** `a::b::C<T, U>` (`::<` too, a leading `::` allowed): null when the tokens are not exactly a path. */
function path(tokens: readonly Token[], source: string, depth: number): SignatureType | null {
  const segments: string[] = []
  const args: SignatureType[] = []
  let at = isColon(tokens, 0) && isColon(tokens, 1) ? 2 : 0
  for (;;) {
    const t = tokens[at]
    if (t?.kind !== 'ident') return null
    segments.push(t.text)
    at++
    if (isColon(tokens, at) && isColon(tokens, at + 1) && isPunct(tokens[at + 2], '<')) at += 2
    if (isPunct(tokens[at], '<')) {
      const close = angleClose(tokens, at)
      if (close >= tokens.length) return null
      for (const arg of splitTop(tokens.slice(at + 1, close))) {
        if (arg.length === 0 || (arg.length === 1 && arg[0]!.kind === 'lifetime')) continue
        // `Item = T` bindings, const arguments: never part of a C interface.
        const binding = arg.length > 1 && arg[0]!.kind === 'ident' && isPunct(arg[1], '=')
        args.push(binding || arg[0]!.kind === 'literal' || isPunct(arg[0], '{') ? other(arg, source) : parseType(arg, source, depth + 1))
      }
      at = close + 1
    }
    if (at === tokens.length) return { text: textOf(tokens, source), line: tokens[0]!.line, kind: 'path', segments, args }
    if (!(isColon(tokens, at) && isColon(tokens, at + 1))) return null
    at += 2
  }
}

function other(tokens: readonly Token[], source: string): SignatureType {
  return { text: textOf(tokens, source), line: tokens[0]?.line ?? 0, kind: 'other' }
}

/** The type as written, whitespace collapsed. */
function textOf(tokens: readonly Token[], source: string): string {
  if (tokens.length === 0) return ''
  return source.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ')
}

function isColon(tokens: readonly Token[], at: number): boolean {
  return isPunct(tokens[at], ':')
}

/** `->`: the lexer gives one token per punctuation character, adjacent. */
function isArrow(tokens: readonly Token[], at: number): boolean {
  return isPunct(tokens[at], '-') && isPunct(tokens[at + 1], '>') && tokens[at]!.end === tokens[at + 1]!.start
}

/** A `>` that closes angle brackets: not the tip of `->`. */
function isAngleClose(tokens: readonly Token[], at: number): boolean {
  return isPunct(tokens[at], '>') && !(isPunct(tokens[at - 1], '-') && tokens[at - 1]!.end === tokens[at]!.start)
}

/** The index of the `>` matching the `<` at `open` (delimiters and other angle brackets nested), or the end. */
function angleClose(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isPunct(t, '<') || isOpening(t)) depth++
    else if (isAngleClose(tokens, i) || isClosing(t)) {
      if (--depth === 0) return i
    }
  }
  return tokens.length
}

/** The first index from `from` where `stop` holds outside any group (angle brackets included), or the end. */
function scanTo(tokens: readonly Token[], from: number, stop: (t: Token) => boolean): number {
  let depth = 0
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!
    if (depth === 0 && stop(t)) return i
    if (isPunct(t, '<') || isOpening(t)) depth++
    else if (isAngleClose(tokens, i) || isClosing(t)) depth = Math.max(0, depth - 1)
  }
  return tokens.length
}

/** The tokens split at the commas outside any group, angle brackets included. */
function splitTop(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = []
  let start = 0
  for (;;) {
    const comma = scanTo(tokens, start, t => isPunct(t, ','))
    parts.push(tokens.slice(start, comma))
    if (comma >= tokens.length) return parts
    start = comma + 1
  }
}

/** The index of the first `:` outside any group that is not half of `::`, or -1. */
function topLevelColon(tokens: readonly Token[]): number {
  let from = 0
  for (;;) {
    const at = scanTo(tokens, from, t => isPunct(t, ':'))
    if (at >= tokens.length) return -1
    if (!isColon(tokens, at + 1)) return at
    from = at + 2
  }
}

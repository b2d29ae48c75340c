/** Helpers over lexed tokens shared by the source scans: delimiter groups, comma lists, string literals. */

import type { Token } from './lexer.js'

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' }

export function isOpening(t: Token): boolean {
  return t.kind === 'punct' && CLOSING[t.text] !== undefined
}

export function isClosing(t: Token): boolean {
  return t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')
}

/** The delimiter that closes `open`: `)` for `(`. */
export function closingOf(open: string): string {
  return CLOSING[open]!
}

export function isPunct(t: Token | null | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text
}

export function isIdent(t: Token | null | undefined, text: string): boolean {
  return t?.kind === 'ident' && t.text === text
}

/** The index of the token that closes the group opened at `open`, or the end of the tokens. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isOpening(t)) depth++
    else if (isClosing(t) && --depth === 0) return i
  }
  return tokens.length
}

/** Whether the tokens are exactly one parenthesised group: `(a, b(c))`. */
export function isParenGroup(tokens: readonly Token[]): boolean {
  return tokens.length >= 2 && isPunct(tokens[0], '(') && isPunct(tokens[tokens.length - 1], ')') && closingIndex(tokens, 0) === tokens.length - 1
}

/** The tokens split at the commas outside any group. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isOpening(t)) depth++
    else if (isClosing(t)) depth--
    else if (depth === 0 && isPunct(t, ',')) {
      parts.push(tokens.slice(start, i))
      start = i + 1
    }
  }
  parts.push(tokens.slice(start))
  return parts
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' }

/**
 * The value of a string or raw string literal, escapes decoded as rustc decodes them (a `\` before a line
 * break skips the break and the whitespace after it); null for anything else (byte and C strings, chars).
 */
export function stringValue(literal: string): string | null {
  const raw = /^r(#*)"([\s\S]*)"\1$/.exec(literal)
  if (raw) return raw[2]!
  if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) return null
  return literal.slice(1, -1).replace(/\\(?:u\{([0-9a-fA-F_]{1,8})\}|x([0-7][0-9a-fA-F])|\r?\n\s*|(.))/g, (whole, unicode?: string, hex?: string, simple?: string) => {
    if (unicode !== undefined) {
      const code = parseInt(unicode.replace(/_/g, ''), 16)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16))
    if (simple === undefined) return ''
    return ESCAPES[simple] ?? whole
  })
}

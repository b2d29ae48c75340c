/** The character codes the TOML reader compares against, and the classes of characters it tells apart. */

/**
 * The codes by name. A module that compares against them binds the ones it uses to constants of its own
 * (`const { LF } = CHAR`): V8 compiles a module's own constants into its code, where it would load an imported
 * binding at each use.
 */
export const CHAR = {
  TAB: 0x09,
  LF: 0x0a,
  CR: 0x0d,
  SPACE: 0x20,
  QUOTE: 0x22,
  HASH: 0x23,
  APOSTROPHE: 0x27,
  PLUS: 0x2b,
  COMMA: 0x2c,
  MINUS: 0x2d,
  DOT: 0x2e,
  DIGIT_0: 0x30,
  DIGIT_9: 0x39,
  COLON: 0x3a,
  EQUALS: 0x3d,
  LEFT_BRACKET: 0x5b,
  BACKSLASH: 0x5c,
  RIGHT_BRACKET: 0x5d,
  UNDERSCORE: 0x5f,
  LEFT_BRACE: 0x7b,
  RIGHT_BRACE: 0x7d,
  DEL: 0x7f
} as const

const { CR, DIGIT_0, DIGIT_9, HASH, LF } = CHAR

/** `A-Za-z0-9_-`, the characters of a bare key. */
const BARE = new Uint8Array(128)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') BARE[c.charCodeAt(0)] = 1

export function isBare(c: number): boolean {
  return c < 128 && BARE[c] === 1
}

export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9
}

export function isDigitOf(c: number, radix: number): boolean {
  if (radix === 16) return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
  return c >= DIGIT_0 && c < DIGIT_0 + radix
}

/** A line break or a comment: where a line ends early. */
export function endsLine(c: number): boolean {
  return c === LF || c === CR || c === HASH
}

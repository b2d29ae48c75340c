/** Wording helpers shared by findings and reports. */

/** "1 finding", "2 findings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "`a`, `b` and `c`", or "`a`, `b`, `c`, `d`, `e` and 12 more". */
export function listCrates(crates: readonly string[], shown = 5): string {
  const names = crates.map(c => `\`${c}\``)
  if (names.length <= 1) return names.join('')
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
}

/**
 * Characters that reorder text or hide in it: bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
 * U+2066–U+2069, U+200E, U+200F, U+061C), zero-width and other invisible characters (U+200B–U+200D,
 * U+2060–U+2064, U+FEFF, U+00AD, U+180E), the line and paragraph separators U+2028 and U+2029, deprecated
 * format characters (U+206A–U+206F), interlinear annotations (U+FFF9–U+FFFB), and the C0 and C1 controls.
 */
export const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u

/** A character as its code point, `U+202E`. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

const EVERY_HIDDEN = new RegExp(HIDDEN.source, 'gu')

/** Every `HIDDEN` character, line breaks and tabs included, shown as its code point: `<U+001B>`. */
export function withCodePoints(text: string): string {
  return text.replace(EVERY_HIDDEN, c => `<${codePoint(c)}>`)
}

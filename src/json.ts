/** Parsing JSON documents read as bytes, and what a value `JSON.parse` returned is, for their readers. */
import { isAscii, isUtf8 } from 'node:buffer'

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `JSON.parse` of UTF-8 bytes: the same value, or the same error, as parsing their decoding. One character
 * beyond Latin-1 anywhere (a `’` in one package's description) makes the decoding a two-byte string: twice the
 * memory, and a slower parse. So the document is parsed from a one-byte text instead, in which every character
 * beyond ASCII is written as the `\uXXXX` escape JSON.parse reads as that same character; where that text is not
 * valid JSON, neither is the document, and the decoding is parsed for the error, which then quotes it as written.
 */
export function parseJsonBytes(bytes: Buffer): unknown {
  const text = asciiJsonText(bytes)
  if (text !== null) {
    try {
      return JSON.parse(text)
    } catch {
      // The document's own error is thrown below.
    }
  }
  return JSON.parse(bytes.toString('utf8'))
}

/** Bytes checked at a time for characters beyond ASCII: metadata has a few, far apart. */
const ASCII_RUN = 1024

/**
 * The bytes as one-byte text, characters beyond ASCII escaped; null where that would parse differently from
 * their decoding: bytes that are not UTF-8 (decoding replaces them), or a character after an odd run of
 * backslashes, which its escape would turn from an invalid escape sequence into an escaped backslash.
 */
function asciiJsonText(bytes: Buffer): string | null {
  if (isAscii(bytes)) return bytes.toString('latin1')
  if (!isUtf8(bytes)) return null
  const whole = bytes.toString('latin1')
  let text = ''
  let from = 0
  for (let run = 0; run < bytes.length; run += ASCII_RUN) {
    const end = Math.min(run + ASCII_RUN, bytes.length)
    if (isAscii(bytes.subarray(run, end))) continue
    for (let i = Math.max(run, from); i < end; i++) {
      const lead = bytes[i]!
      if (lead < 0x80) continue
      let backslashes = 0
      while (i - backslashes > 0 && bytes[i - backslashes - 1] === 0x5c) backslashes++
      if (backslashes % 2 === 1) return null
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2
      // One code point: one UTF-16 unit, or a surrogate pair (two escapes).
      const character = bytes.toString('utf8', i, i + length)
      text += whole.slice(from, i)
      for (let unit = 0; unit < character.length; unit++) text += `\\u${character.charCodeAt(unit).toString(16).padStart(4, '0')}`
      from = i + length
      i = from - 1
    }
  }
  return text + whole.slice(from)
}

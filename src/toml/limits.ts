/**
 * What the TOML parser (toml-eslint-parser) cannot take, found before it runs: it descends recursively into
 * arrays and inline tables, and builds each string with one call that takes a code point per argument, so deep
 * nesting and long strings exhaust the call stack.
 */
import { UserError } from '../errors.js'

/** Deepest nesting of arrays and inline tables that is read, as in toml_edit's parser (which cargo has used). */
export const MAX_NESTING = 127

/** Longest string (source characters between its quotes) that is read; the parser fails somewhere above 100,000. */
export const MAX_STRING = 65_536

/** A string whose contents were left out of the text handed to the parser. */
export interface LongString {
  /** 1-based line of its opening quote. */
  line: number
  /** Source characters between its quotes. */
  length: number
}

export interface PreparedToml {
  /** The text with the contents of long strings left out; their line breaks are kept, so no line moves. */
  text: string
  /** The strings left out, by the offset of their opening quote in `text`. */
  long: ReadonlyMap<number, LongString>
}

/**
 * Checks the nesting of arrays and inline tables and leaves out the contents of strings longer than
 * `MAX_STRING`, so that the parser can read the rest and the reader can say which key holds the long string.
 * Only comments and strings can hold characters that are not TOML syntax, so brackets and braces outside them
 * are arrays, inline tables and table headers. Throws a UserError naming file, line and column for nesting
 * deeper than `MAX_NESTING`. Invalid TOML is left for the parser to report.
 */
export function prepareToml(text: string, file: string): PreparedToml {
  const long = new Map<number, LongString>()
  const kept: string[] = []
  let copied = 0
  let removed = 0
  let line = 1
  let lineStart = 0
  let depth = 0
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '\n') {
      line++
      lineStart = ++i
    } else if (c === '#') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) {
        throw new UserError(`${file}:${line}:${i - lineStart + 1}: too deeply nested: arrays and inline tables may nest at most ${MAX_NESTING} levels`)
      }
      i++
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1)
      i++
    } else if (c === '"' || c === "'") {
      const s = stringAt(text, i)
      const length = s.contentEnd - s.contentStart
      if (length > MAX_STRING) {
        kept.push(text.slice(copied, s.contentStart), '\n'.repeat(s.breaks))
        long.set(i - removed, { line, length })
        removed += length - s.breaks
        copied = s.contentEnd
      }
      if (s.breaks > 0) {
        line += s.breaks
        lineStart = s.lastBreak + 1
      }
      i = s.end
    } else {
      i++
    }
  }
  if (long.size === 0) return { text, long }
  kept.push(text.slice(copied))
  return { text: kept.join(''), long }
}

interface StringExtent {
  contentStart: number
  contentEnd: number
  end: number
  /** Line breaks between the quotes, and the offset of the last one. */
  breaks: number
  lastBreak: number
}

/** The extent of the string whose opening quote is at `start`; an unterminated string ends where the parser gives up on it. */
function stringAt(text: string, start: number): StringExtent {
  const quote = text[start]!
  const delimiter = quote.repeat(3)
  const multiline = text.startsWith(delimiter, start)
  const contentStart = start + (multiline ? 3 : 1)
  let breaks = 0
  let lastBreak = -1
  for (let j = contentStart; j < text.length; j++) {
    const c = text[j]
    if (c === '\\' && quote === '"' && text[j + 1] !== '\n') {
      j++
    } else if (c === '\n') {
      if (!multiline) return { contentStart, contentEnd: j, end: j, breaks, lastBreak }
      breaks++
      lastBreak = j
    } else if (c === quote && !multiline) {
      return { contentStart, contentEnd: j, end: j + 1, breaks, lastBreak }
    } else if (c === quote && text.startsWith(delimiter, j)) {
      // Up to two quotes right before the closing delimiter belong to the string.
      let close = j
      while (close < j + 2 && text[close + 3] === quote) close++
      return { contentStart, contentEnd: close, end: close + 3, breaks, lastBreak }
    }
  }
  return { contentStart, contentEnd: text.length, end: text.length, breaks, lastBreak }
}

/** The problem with a long string, as the end of a message (`a string of 1000000 characters …`). */
export function longStringProblem(what: 'string' | 'quoted key', length: number): string {
  return `a ${what} of ${length} characters is too long to read (at most ${MAX_STRING})`
}

/**
 * The TOML reader's strings: basic `"…"`, literal `'…'` and the multi-line forms of both, their escapes, and the
 * limit on their length. Also the error at a token, which reads a string that starts there first.
 */
import { UserError } from '../errors.js'
import { CHAR, isDigitOf } from './chars.js'
import { MAX_STRING, longStringProblem } from './limits.js'
import { describe, formatTomlPath } from './messages.js'
import { Scanner } from './scanner.js'

const { APOSTROPHE, BACKSLASH, CR, DEL, LF, QUOTE, SPACE, TAB } = CHAR

/** The scanner, reading strings and string keys too. */
export abstract class StringReader extends Scanner {
  /** The opening quote and line of the string being read (-1 when none), for the length limit. */
  private stringStart = -1
  private stringLine = 0
  private stringIsKey = false
  /** Set by `escape`: the offset after the escape sequence. */
  private escapeEnd = 0

  private enterString(start: number, isKey: boolean): void {
    this.stringStart = start
    this.stringLine = this.line
    this.stringIsKey = isKey
  }

  /** Ends the string read; `length` is its source characters between the quotes. */
  private leaveString(length: number): void {
    if (length > MAX_STRING) this.tooLong(length)
    this.stringStart = -1
  }

  private tooLong(length: number): never {
    const line = this.stringLine
    const problem = this.stringIsKey ? longStringProblem('quoted key', length) : `${formatTomlPath(this.valuePath())}: ${longStringProblem('string', length)}`
    throw new UserError(`${this.file}:${line}: ${problem}`)
  }

  /** Where the value being read is: section, key, and the entries and elements it is nested in. */
  protected abstract valuePath(): (string | number)[]

  /** A character that may not appear in a string as written, at `at`. */
  private badStringChar(at: number, c: number): never {
    if (at >= this.text.length) this.fail(at, 'unterminated string')
    if (c === LF || (c === CR && this.text.charCodeAt(at + 1) === LF)) this.fail(at, 'unterminated string: a line break in a single-line string')
    if (c === CR) this.fail(at, 'a carriage return must be followed by a line feed')
    this.fail(at, `a string may not contain the control character ${describe(c)}; write it as an escape`)
  }

  /** A `"…"` string (not multi-line) at the current offset. */
  protected basicString(isKey: boolean): string {
    const text = this.text
    const start = this.pos
    this.enterString(start, isKey)
    let out = ''
    let run = start + 1
    let i = run
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) break
      if (c === BACKSLASH) {
        out += text.slice(run, i) + this.escape(i, false)
        i = run = this.escapeEnd
      } else if ((c >= SPACE && c !== DEL) || c === TAB) {
        i++
      } else {
        this.badStringChar(i, c)
      }
    }
    out = run === start + 1 ? text.slice(run, i) : out + text.slice(run, i)
    this.leaveString(i - start - 1)
    this.pos = i + 1
    return out
  }

  /** A `'…'` string (not multi-line) at the current offset. */
  protected literalString(isKey: boolean): string {
    const text = this.text
    const start = this.pos
    this.enterString(start, isKey)
    let i = start + 1
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === APOSTROPHE) break
      if ((c >= SPACE && c !== DEL) || c === TAB) i++
      else this.badStringChar(i, c)
    }
    this.leaveString(i - start - 1)
    this.pos = i + 1
    return text.slice(start + 1, i)
  }

  /** A `"""…"""` or `'''…'''` string at the current offset. Line breaks in it read as `\n`. */
  protected multiLineString(quote: number): string {
    const text = this.text
    const start = this.pos
    this.enterString(start, false)
    let i = start + 3
    // A line break right after the opening delimiter is not part of the string.
    if (text.charCodeAt(i) === LF) this.newLine(++i)
    else if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) this.newLine((i += 2))
    let out = ''
    let run = i
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === quote) {
        if (!this.tripleAt(i, quote)) {
          i++
          continue
        }
        // Up to two quotes right before the closing delimiter belong to the string.
        let n = 3
        while (n < 5 && text.charCodeAt(i + n) === quote) n++
        if (n === 5 && text.charCodeAt(i + 5) === quote) this.fail(i, 'three or more quotes in a row must be escaped in a multi-line string')
        out += text.slice(run, i + n - 3)
        this.leaveString(i + n - 3 - (start + 3))
        this.pos = i + n
        return out
      }
      if (c === BACKSLASH && quote === QUOTE) {
        out += text.slice(run, i) + this.escape(i, true)
        i = run = this.escapeEnd
      } else if (c === LF) {
        this.newLine(++i)
      } else if (c === CR) {
        if (text.charCodeAt(i + 1) !== LF) this.fail(i, 'a carriage return must be followed by a line feed')
        out += text.slice(run, i)
        run = i + 1
        this.newLine((i += 2))
      } else if ((c >= SPACE && c !== DEL) || c === TAB) {
        i++
      } else {
        this.fail(i, i >= text.length ? 'unterminated multi-line string' : `a string may not contain the control character ${describe(c)}; write it as an escape`)
      }
    }
  }

  /** The escape sequence whose backslash is at `at`; sets `escapeEnd`. */
  private escape(at: number, multiLine: boolean): string {
    const text = this.text
    const c = text.charCodeAt(at + 1)
    this.escapeEnd = at + 2
    switch (c) {
      case 0x62 /* b */:
        return '\b'
      case 0x74 /* t */:
        return '\t'
      case 0x6e /* n */:
        return '\n'
      case 0x66 /* f */:
        return '\f'
      case 0x72 /* r */:
        return '\r'
      case 0x65 /* e */:
        return '\x1b'
      case QUOTE:
        return '"'
      case BACKSLASH:
        return '\\'
      case 0x75 /* u */:
        return this.codePoint(at + 1, 4)
      case 0x55 /* U */:
        return this.codePoint(at + 1, 8)
      case 0x78 /* x */:
        return this.codePoint(at + 1, 2)
    }
    if (multiLine && (c === SPACE || c === TAB || c === LF || c === CR)) return this.lineEndingBackslash(at)
    if (at + 1 >= text.length) this.fail(at + 1, 'unterminated string')
    this.fail(at + 1, `invalid escape sequence \\${String.fromCodePoint(text.codePointAt(at + 1)!)}`)
  }

  /** `\u`, `\U` or `\x` at `at`, with `count` hexadecimal digits. */
  private codePoint(at: number, count: number): string {
    const text = this.text
    for (let k = 1; k <= count; k++) {
      const c = text.charCodeAt(at + k)
      if (at + k >= text.length) this.fail(text.length, 'unterminated string')
      if (!isDigitOf(c, 16)) this.fail(at, `\\${text[at]} needs ${count} hexadecimal digits`)
    }
    const hex = text.slice(at + 1, at + 1 + count)
    const code = parseInt(hex, 16)
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(at + count, `\\${text[at]}${hex} is not a Unicode scalar value`)
    this.escapeEnd = at + 1 + count
    return String.fromCodePoint(code)
  }

  /** A backslash at `at` that ends a line: it, the line break and the blanks after it read as nothing. */
  private lineEndingBackslash(at: number): string {
    const text = this.text
    let i = at + 1
    while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++
    const c = text.charCodeAt(i)
    if (i >= text.length) this.fail(i, 'unterminated multi-line string')
    if (c !== LF && c !== CR) this.fail(at + 1, 'a backslash can only end a line when nothing but blanks follow it on the line')
    for (;;) {
      const d = text.charCodeAt(i)
      if (d === SPACE || d === TAB) i++
      else if (d === LF) this.newLine(++i)
      else if (d === CR) i = this.crlf(i)
      else break
    }
    this.escapeEnd = i
    return ''
  }

  // ---- Errors -----------------------------------------------------------------------------------------

  /**
   * Fails on the token at `token` (at `at` within it or before it). A string there is read first, as the old
   * parser's tokenizer did, so that a string left open, which may run over many lines, is reported as such.
   */
  protected unexpected(token: number, reason: string, at = token): never {
    const c = this.text.charCodeAt(token)
    if (c === QUOTE || c === APOSTROPHE) {
      this.pos = token
      if (this.tripleAt(token, c)) this.multiLineString(c)
      else if (c === QUOTE) this.basicString(false)
      else this.literalString(false)
    }
    this.fail(at, reason)
  }

  /** Fails as the scanner does, unless the string being read is over the length limit: that is reported instead. */
  protected override fail(at: number, reason: string): never {
    // Like the reader before this one, a string over the length limit is reported as such, even if invalid.
    if (this.stringStart >= 0) {
      const length = stringExtent(this.text, this.stringStart)
      if (length > MAX_STRING) this.tooLong(length)
    }
    return super.fail(at, reason)
  }
}

/**
 * Source characters between the quotes of the string that opens at `start`, as far as it goes: an unclosed
 * single-line string ends at its line, an unclosed multi-line one at the end of the text.
 */
function stringExtent(text: string, start: number): number {
  const quote = text.charCodeAt(start)
  const multiLine = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote
  const contentStart = start + (multiLine ? 3 : 1)
  for (let j = contentStart; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === BACKSLASH && quote === QUOTE && text.charCodeAt(j + 1) !== LF) j++
    else if (c === LF && !multiLine) return j - contentStart
    else if (c === quote && !multiLine) return j - contentStart
    else if (c === quote && text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) {
      let close = j
      while (close < j + 2 && text.charCodeAt(close + 3) === quote) close++
      return close - contentStart
    }
  }
  return text.length - contentStart
}

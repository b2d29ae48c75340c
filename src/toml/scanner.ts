/**
 * The character-level cursor of the TOML reader: the text, the offset and line reached, the steps over blanks,
 * line breaks and comments that every part of the syntax shares, and the error at an offset, with its line and
 * column.
 */
import { UserError } from '../errors.js'
import { CHAR } from './chars.js'
import { describe } from './messages.js'

const { CR, DEL, HASH, LF, SPACE, TAB } = CHAR

/** The bottom layer of the reader, which each part of the syntax extends. */
export abstract class Scanner {
  protected pos = 0
  protected line = 1
  protected lineStart = 0

  constructor(
    protected readonly text: string,
    protected readonly file: string
  ) {}

  // ---- Blanks, comments, line ends ------------------------------------------------------------------

  protected skipWs(): void {
    const text = this.text
    let pos = this.pos
    for (let c = text.charCodeAt(pos); c === SPACE || c === TAB; c = text.charCodeAt(++pos));
    this.pos = pos
  }

  /** Skips spaces, tabs, line breaks and comments. */
  protected skipBlank(): void {
    const text = this.text
    let pos = this.pos
    for (;;) {
      const c = text.charCodeAt(pos)
      if (c === SPACE || c === TAB) pos++
      else if (c === LF) this.newLine(++pos)
      else if (c === CR) pos = this.crlf(pos)
      else if (c === HASH) pos = this.comment(pos)
      else break
    }
    this.pos = pos
  }

  protected newLine(start: number): void {
    this.line++
    this.lineStart = start
  }

  /** A carriage return at `pos` that must start a CRLF line break; returns the offset after it. */
  protected crlf(pos: number): number {
    if (this.text.charCodeAt(pos + 1) !== LF) this.fail(pos, 'a carriage return must be followed by a line feed')
    this.newLine(pos + 2)
    return pos + 2
  }

  /** Checks the comment starting at `pos`; returns the offset of the line break (or end of text) after it. */
  private comment(pos: number): number {
    const text = this.text
    const end = text.length
    for (pos++; pos < end; pos++) {
      const c = text.charCodeAt(pos)
      if ((c >= SPACE && c < DEL) || c === TAB) continue
      if (c === LF || c === CR) break
      if (c < 0x80) this.fail(pos, `a comment may not contain the control character ${describe(c)}`)
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(pos + 1)
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) pos++
        else this.fail(pos, 'a comment may not contain an unpaired surrogate')
      }
    }
    return pos
  }

  /** Whether the `quote` at `pos` is the first of three: `"""` or `'''`. */
  protected tripleAt(pos: number, quote: number): boolean {
    return this.text.charCodeAt(pos + 1) === quote && this.text.charCodeAt(pos + 2) === quote
  }

  // ---- Errors -----------------------------------------------------------------------------------------

  /** Throws the UserError `"<file>:<line>:<col>: invalid TOML: <reason>"` for offset `at`. */
  protected fail(at: number, reason: string): never {
    const { line, column } = this.locate(at)
    throw new UserError(`${this.file}:${line}:${column}: invalid TOML: ${reason}`)
  }

  /** Line and column (1-based, in UTF-16 code units) of offset `at`. */
  protected locate(at: number): { line: number; column: number } {
    const text = this.text
    let line = 1
    let start = 0
    if (at >= this.lineStart) {
      line = this.line
      start = this.lineStart
    }
    for (let i = text.indexOf('\n', start); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
      line++
      start = i + 1
    }
    return { line, column: at - start + 1 }
  }
}

/**
 * A small Rust lexer: comments (nested block comments and doc comments included), string, byte-string,
 * C-string and raw-string literals and char literals are single tokens or skipped, so only real code is
 * seen. One pass, linear in the length of the source.
 */

export interface Token {
  /** `doc`: a doc comment, only when the lexer is asked for them. */
  kind: 'ident' | 'punct' | 'literal' | 'lifetime' | 'doc'
  /** The token's meaning: a raw identifier without its `r#`; a doc comment's text without its markers. */
  text: string
  line: number
  /** Offsets of the token in the source. */
  start: number
  end: number
}

const NL = 10
const QUOTE = 34
const APOS = 39
const HASH = 35
const SLASH = 47
const STAR = 42
const BACKSLASH = 92
const BANG = 33

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && !isWhitespace(c))
}

function isIdentContinue(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57)
}

function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029
}

/** Rust tokens, skipping whitespace and comments; literals are single tokens. */
export class Lexer {
  private pos = 0
  private line = 1

  // `docComments`: return doc comments (line `///` and `//!`, block `/**` and `/*!`) as `doc` tokens instead of skipping them.
  constructor(
    private readonly src: string,
    private readonly docComments = false
  ) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1
    // A shebang line is not an inner attribute unless `[` follows the `#!`.
    if (src.startsWith('#!', this.pos) && !/^#!\s*\[/.test(src.slice(this.pos, this.pos + 256))) {
      const end = src.indexOf('\n', this.pos)
      this.pos = end < 0 ? src.length : end
    }
  }

  next(): Token | null {
    const t = this.lex()
    if (t !== null) t.end = this.pos
    return t
  }

  private lex(): Token | null {
    const src = this.src
    const n = src.length
    for (;;) {
      if (this.pos >= n) return null
      const c = src.charCodeAt(this.pos)
      if (c === NL) {
        this.line++
        this.pos++
        continue
      }
      if (isWhitespace(c)) {
        this.pos++
        continue
      }
      if (c === SLASH) {
        const d = src.charCodeAt(this.pos + 1)
        if (d === SLASH) {
          const start = this.pos
          const end = src.indexOf('\n', this.pos)
          this.pos = end < 0 ? n : end
          // `///` but not `////`, and `//!`, are doc comments (the reference's OUTER_LINE_DOC and INNER_LINE_DOC).
          const e = src.charCodeAt(start + 2)
          if (this.docComments && ((e === SLASH && src.charCodeAt(start + 3) !== SLASH) || e === BANG)) {
            return { kind: 'doc', text: src.slice(start + 3, this.pos), line: this.line, start, end: 0 }
          }
          continue
        }
        if (d === STAR) {
          const start = this.pos
          const line = this.line
          this.skipBlockComment()
          // `/**` (not `/***` or `/**/`) and `/*!` open doc comments.
          const e = src.charCodeAt(start + 2)
          const f = src.charCodeAt(start + 3)
          if (this.docComments && ((e === STAR && f !== STAR && f !== SLASH) || e === BANG) && this.pos - start >= 5) {
            return { kind: 'doc', text: src.slice(start + 3, this.pos - 2), line, start, end: 0 }
          }
          continue
        }
      }
      break
    }

    const start = this.pos
    const line = this.line
    const c = src.charCodeAt(start)

    if (c === QUOTE) {
      this.skipQuoted(start + 1)
      return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 }
    }
    if (c === APOS) return this.charOrLifetime(start, line)

    if (isIdentStart(c)) {
      let i = start + 1
      while (i < n && isIdentContinue(src.charCodeAt(i))) i++
      const word = src.slice(start, i)
      const next = src.charCodeAt(i)
      if (word === 'r' || word === 'br' || word === 'cr') {
        let j = i
        while (src.charCodeAt(j) === HASH) j++
        if (src.charCodeAt(j) === QUOTE) {
          this.skipRaw(j + 1, j - i)
          return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 }
        }
        if (word === 'r' && j === i + 1 && isIdentStart(src.charCodeAt(j))) {
          // A raw identifier: `r#type`.
          let k = j + 1
          while (k < n && isIdentContinue(src.charCodeAt(k))) k++
          this.pos = k
          return { kind: 'ident', text: src.slice(j, k), line, start, end: 0 }
        }
      }
      if ((word === 'b' || word === 'c') && next === QUOTE) {
        this.skipQuoted(i + 1)
        return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 }
      }
      if (word === 'b' && next === APOS) {
        const t = this.charOrLifetime(i, line)
        return { kind: 'literal', text: src.slice(start, this.pos), line: t.line, start, end: 0 }
      }
      this.pos = i
      return { kind: 'ident', text: word, line, start, end: 0 }
    }

    if (c >= 48 && c <= 57) {
      let i = start + 1
      while (i < n && isIdentContinue(src.charCodeAt(i))) i++
      this.pos = i
      return { kind: 'literal', text: src.slice(start, i), line, start, end: 0 }
    }

    this.pos = start + 1
    return { kind: 'punct', text: src[start]!, line, start, end: 0 }
  }

  private skipBlockComment(): void {
    const src = this.src
    const n = src.length
    let depth = 0
    let i = this.pos
    while (i < n) {
      const c = src.charCodeAt(i)
      if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
        depth++
        i += 2
      } else if (c === STAR && src.charCodeAt(i + 1) === SLASH) {
        i += 2
        if (--depth === 0) break
      } else {
        if (c === NL) this.line++
        i++
      }
    }
    this.pos = i
  }

  /** A `"…"` body with escapes, from just after the opening quote. */
  private skipQuoted(from: number): void {
    const src = this.src
    const n = src.length
    let i = from
    while (i < n) {
      const c = src.charCodeAt(i)
      if (c === QUOTE) {
        i++
        break
      }
      if (c === BACKSLASH) {
        if (src.charCodeAt(i + 1) === NL) this.line++
        i += 2
        continue
      }
      if (c === NL) this.line++
      i++
    }
    this.pos = Math.min(i, n)
  }

  /** A raw string body from just after the opening quote: it ends at `"` followed by `hashes` `#`. */
  private skipRaw(from: number, hashes: number): void {
    const src = this.src
    const n = src.length
    let i = from
    while (i < n) {
      const c = src.charCodeAt(i)
      if (c === QUOTE) {
        let k = 0
        while (k < hashes && src.charCodeAt(i + 1 + k) === HASH) k++
        if (k === hashes) {
          i += 1 + hashes
          this.pos = i
          return
        }
      } else if (c === NL) this.line++
      i++
    }
    this.pos = n
  }

  /** At a `'`: a char literal (`'a'`, `'\''`, `'\u{1F600}'`, `'😀'`) or a lifetime or label (`'a`, `'static`). */
  private charOrLifetime(start: number, line: number): Token {
    const src = this.src
    const n = src.length
    const c1 = src.charCodeAt(start + 1)
    if (c1 === BACKSLASH) {
      // An escape: the char literal closes at the next `'` on this line.
      let i = start + 3
      while (i < n && src.charCodeAt(i) !== APOS && src.charCodeAt(i) !== NL) i++
      if (src.charCodeAt(i) === APOS) {
        this.pos = i + 1
        return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 }
      }
      this.pos = start + 1
      return { kind: 'punct', text: "'", line, start, end: 0 }
    }
    const cp = src.codePointAt(start + 1)
    if (cp !== undefined && c1 !== APOS && c1 !== NL) {
      const width = cp > 0xffff ? 2 : 1
      if (src.charCodeAt(start + 1 + width) === APOS) {
        this.pos = start + 2 + width
        return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 }
      }
    }
    let i = start + 1
    while (i < n && isIdentContinue(src.charCodeAt(i))) i++
    this.pos = i
    return { kind: 'lifetime', text: src.slice(start, i), line, start, end: 0 }
  }
}

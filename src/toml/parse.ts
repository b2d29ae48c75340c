/**
 * The TOML reader behind `parseTomlDocument`. One pass over the text builds the plain-data value and the
 * line of every key and array element, in time and memory linear in the text: no syntax tree, no tokens,
 * and arrays and inline tables are followed on an explicit stack, so no input exhausts the call stack.
 *
 * It reads TOML 1.0 (https://toml.io/en/v1.0.0) plus what cargo 1.95 (the `toml` crate) accepts of
 * TOML 1.1: line breaks, comments and a trailing comma inside inline tables, the `\e` and `\xHH` escapes,
 * and times without seconds. Where an error could be reported at several places, it is reported where
 * toml-eslint-parser (this reader's predecessor) reported it: at the offending character or token, or at the
 * next token when a line breaks too early.
 */
import { UserError } from '../errors.js'
import type { TomlContainer, TomlPath, TomlTable, TomlValue } from './document.js'
import { MAX_NESTING, MAX_STRING, longStringProblem, nestingProblem } from './limits.js'

/** A document's value, and the line of each key or array element of the containers in it. */
export interface ParsedToml {
  readonly value: TomlTable
  lineIn(container: TomlContainer, key: string | number): number | null
}

/** Reads `text`; invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. */
export function parseToml(text: string, file: string): ParsedToml {
  return new Reader(text, file).read()
}

/** `rules.duplicate-linkage`, `allow[1].reason`, `rules."odd key"`. */
export function formatTomlPath(path: TomlPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += `${out === '' ? '' : '.'}${/^[A-Za-z0-9_-]+$/u.test(segment) ? segment : JSON.stringify(segment)}`
  }
  return out
}

// What may still be added to a container (TOML 1.0, "Table", "Inline Table" and "Array of Tables").
/** Named only on the way to a header (`a` in `[a.b]`): `[a]` may still define it, dotted keys may add to it. */
const IMPLICIT = 0
/** Defined by its own `[header]`, as an `[[array]]` element, or the document itself. */
const DEFINED = 1
/** Created by dotted keys (`a` in `a.b = 1`): more dotted keys and sub-table headers may add to it, `[a]` may not. */
const DOTTED = 2
/** An inline table `{ … }`: complete once written. */
const INLINE = 3
/** An array value `[ … ]`: complete once written. */
const STATIC_ARRAY = 4
/** An array of tables, which each `[[header]]` of its name extends. */
const TABLE_ARRAY = 5
/** For messages: a string, number, boolean or date-time; nothing at all. */
const VALUE = 6
const NONE = 7

/**
 * What is known of each container, by id: its kind, and the lines of its keys or elements as a list of entries.
 * A table has an entry per key, with the line that first mentioned it; an array one per element whose line
 * differs from the element before it, with that line. All of it is kept in a few shared arrays, so that a
 * container or an entry costs no allocation of its own: a file can hold hundreds of thousands of tables.
 */
class Book {
  private kinds = new Int32Array(64)
  private heads = new Int32Array(64)
  private tails = new Int32Array(64)
  private count = 0
  /** Per entry: the key (a table key, or the index of an array element), its line, the next entry or -1. */
  private readonly keys: (string | number)[] = []
  private lines = new Int32Array(256)
  private nexts = new Int32Array(256)

  add(kind: number): number {
    const id = this.count++
    if (id === this.kinds.length) {
      this.kinds = grown(this.kinds)
      this.heads = grown(this.heads)
      this.tails = grown(this.tails)
    }
    this.kinds[id] = kind
    this.heads[id] = -1
    this.tails[id] = -1
    return id
  }

  kind(id: number): number {
    return this.kinds[id]!
  }

  setKind(id: number, kind: number): void {
    this.kinds[id] = kind
  }

  /** Records `key` of container `id` at `line`. */
  mark(id: number, key: string | number, line: number): void {
    const entry = this.keys.length
    this.keys.push(key)
    if (entry === this.lines.length) {
      this.lines = grown(this.lines)
      this.nexts = grown(this.nexts)
    }
    this.lines[entry] = line
    this.nexts[entry] = -1
    const tail = this.tails[id]!
    if (tail < 0) this.heads[id] = entry
    else this.nexts[tail] = entry
    this.tails[id] = entry
  }

  /** The line of the last entry of container `id`, or -1. */
  lastLine(id: number): number {
    const tail = this.tails[id]!
    return tail < 0 ? -1 : this.lines[tail]!
  }

  /** The entries of container `id`, in order, as `[key, line]` pairs. */
  *entries(id: number): Generator<[string | number, number]> {
    for (let e = this.heads[id]!; e >= 0; e = this.nexts[e]!) yield [this.keys[e]!, this.lines[e]!]
  }

  /**
   * The line of table key `name` of container `id`, or null if it has none; undefined when `limit` entries
   * were scanned without finding it.
   */
  keyLine(id: number, name: string, limit = Infinity): number | null | undefined {
    let steps = 0
    for (let e = this.heads[id]!; e >= 0; e = this.nexts[e]!) {
      if (steps++ >= limit) return undefined
      if (this.keys[e] === name) return this.lines[e]!
    }
    return null
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** An array or inline table being read. Frames are reused, one per depth. */
class Frame {
  /** The inline table, or null for an array, whose elements are on the reader's stack of values from `base`. */
  table: TomlTable | null = null
  base = 0
  /** Where the container goes when it closes: `target[name]`, or (target null) the enclosing array. */
  target: TomlTable | null = null
  name = ''
  /** Its id in the book. */
  id = 0
  /** Whether an element or entry has been read, so that a separator or the end comes next. */
  filled = false
  /** For messages: the index of the element being read, or the offset of the key of the entry being read. */
  index = 0
  keyAt = 0
}

const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const QUOTE = 0x22
const HASH = 0x23
const APOSTROPHE = 0x27
const PLUS = 0x2b
const COMMA = 0x2c
const MINUS = 0x2d
const DOT = 0x2e
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39
const COLON = 0x3a
const EQUALS = 0x3d
const LEFT_BRACKET = 0x5b
const BACKSLASH = 0x5c
const RIGHT_BRACKET = 0x5d
const UNDERSCORE = 0x5f
const LEFT_BRACE = 0x7b
const RIGHT_BRACE = 0x7d
const DEL = 0x7f

/** `A-Za-z0-9_-`, the characters of a bare key. */
const BARE = new Uint8Array(128)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') BARE[c.charCodeAt(0)] = 1

function isBare(c: number): boolean {
  return c < 128 && BARE[c] === 1
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9
}

function isDigitOf(c: number, radix: number): boolean {
  if (radix === 16) return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
  return c >= DIGIT_0 && c < DIGIT_0 + radix
}

/** A line break or a comment: where a line ends early. */
function endsLine(c: number): boolean {
  return c === LF || c === CR || c === HASH
}

/** The kind of a value without an id: arrays and inline tables get theirs only when a line is asked for. */
function kindOf(value: TomlValue): number {
  return typeof value !== 'object' ? VALUE : Array.isArray(value) ? STATIC_ARRAY : INLINE
}

function newTable(): TomlTable {
  return Object.create(null) as TomlTable
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return day <= days
}

/** Seconds up to 60 for a leap second, as RFC 3339 allows. */
function isValidTime(hour: number, minute: number, second: number): boolean {
  return hour < 24 && minute < 60 && second <= 60
}

/** A character as it reads in a message. */
function describe(c: number): string {
  if (c >= 0x21 && c < DEL) return `\`${String.fromCharCode(c)}\``
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}

/** `name` for a message, shortened when a file makes it very long. */
function showKey(name: string): string {
  const shown = formatTomlPath([name])
  return `\`${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}\``
}

const RECENT_KEYS = 256
const I64_MAX = '9223372036854775807'
const I64_MIN_ABS = '9223372036854775808'

class Reader {
  private pos = 0
  private line = 1
  private lineStart = 0
  /** The id of each container in the book. */
  private readonly ids = new Map<TomlContainer, number>()
  private readonly book = new Book()
  private readonly root = newTable()
  /** The table that the current section's key/value pairs go into, and its id. */
  private table: TomlTable
  private id = 0
  /** For messages: the offset of the current section's header key (-1 for the top), and of the pair's key. */
  private sectionAt = -1
  private keyAt = 0
  private readonly frames: Frame[] = []
  private depth = 0
  /**
   * The elements of the arrays being read, innermost last, up to `top`: an array is made when it closes, at
   * its size (growing each array element by element would allocate it again and again).
   */
  private readonly values: TomlValue[] = []
  private top = 0
  /** Arrays and inline tables with their ids, given to `ids` only when a line is asked for. */
  private readonly late: (TomlContainer | number)[] = []
  /** Bare keys read lately, by a hash of their characters. */
  private readonly recentKeys: string[] = new Array<string>(RECENT_KEYS).fill('')
  /** The parts of the last key read, and their offsets. */
  private readonly keyParts: string[] = []
  private readonly partAt: number[] = []
  /** The opening quote and line of the string being read (-1 when none), for the length limit. */
  private stringStart = -1
  private stringLine = 0
  private stringIsKey = false
  /** Set by `escape`: the offset after the escape sequence. */
  private escapeEnd = 0
  /** Set by `digits`: digits read, whether underscores separated them, and their value when short and decimal. */
  private digitCount = 0
  private digitUnderscore = false
  private digitValue = 0

  constructor(
    private readonly text: string,
    private readonly file: string
  ) {
    this.table = this.root
    this.id = this.add(this.root, DEFINED)
  }

  read(): ParsedToml {
    const text = this.text
    for (;;) {
      this.skipBlank()
      if (this.pos >= text.length) break
      const c = text.charCodeAt(this.pos)
      if (c === LEFT_BRACKET) this.header()
      else if (this.isKeyStart(this.pos)) this.keyValue()
      else this.unexpected(this.pos, `expected a key or a [table] header, found ${describe(c)}`)
      this.endLine()
    }
    const { ids, book, late } = this
    const indexes = new Map<TomlContainer, Map<string, number> | number[]>()
    let registered = false
    const lineInDocument = (container: TomlContainer, key: string | number): number | null => {
      if (!registered) {
        for (let i = 0; i < late.length; i += 2) ids.set(late[i] as TomlContainer, late[i + 1] as number)
        late.length = 0
        registered = true
      }
      return lineIn(ids, book, indexes, container, key)
    }
    return { value: this.root, lineIn: lineInDocument }
  }

  // ---- Blanks, comments, line ends ------------------------------------------------------------------

  private skipWs(): void {
    const text = this.text
    let pos = this.pos
    for (let c = text.charCodeAt(pos); c === SPACE || c === TAB; c = text.charCodeAt(++pos));
    this.pos = pos
  }

  /** Skips spaces, tabs, line breaks and comments. */
  private skipBlank(): void {
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

  private newLine(start: number): void {
    this.line++
    this.lineStart = start
  }

  /** A carriage return at `pos` that must start a CRLF line break; returns the offset after it. */
  private crlf(pos: number): number {
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

  /** After a key/value pair or a header, only a comment may follow on the line. */
  private endLine(): void {
    this.skipWs()
    const c = this.text.charCodeAt(this.pos)
    if (this.pos < this.text.length && !endsLine(c)) this.unexpected(this.pos, `expected the end of the line, found ${describe(c)}`)
  }

  /**
   * The line ends (at the current offset) where `what` must continue on it: the error names the next token,
   * or says `atEnd` when the text ends first.
   */
  private brokenLine(what: string, atEnd: string): never {
    this.skipBlank()
    if (this.pos >= this.text.length) this.fail(this.pos, atEnd)
    this.unexpected(this.pos, `${what} must be on one line`)
  }

  // ---- Keys, headers, key/value pairs -------------------------------------------------------------------

  /** A bare key character or a quote that does not open a multi-line string. */
  private isKeyStart(pos: number): boolean {
    const c = this.text.charCodeAt(pos)
    if (c === QUOTE || c === APOSTROPHE) return !this.tripleAt(pos, c)
    return isBare(c)
  }

  private tripleAt(pos: number, quote: number): boolean {
    return this.text.charCodeAt(pos + 1) === quote && this.text.charCodeAt(pos + 2) === quote
  }

  /**
   * A (dotted) key starting at a key start, in `keyParts` (valid until the next key is read); `partAt` gets
   * the offset of each part. Stops on the same line at what follows the key (after spaces), or at the end.
   */
  private key(atEnd: string): string[] {
    const text = this.text
    const parts = this.keyParts
    parts.length = 0
    const partAt = this.partAt
    partAt.length = 0
    for (;;) {
      const start = this.pos
      const c = text.charCodeAt(start)
      if (isBare(c)) {
        let end = start + 1
        let hash = c
        for (let d = text.charCodeAt(end); isBare(d); d = text.charCodeAt(++end)) hash = (Math.imul(hash, 31) + d) | 0
        // Files repeat the same few keys: reusing the string read before saves copying it and looking it up.
        const slot = (hash ^ (end - start)) & (RECENT_KEYS - 1)
        let part = this.recentKeys[slot]!
        if (part.length !== end - start || !text.startsWith(part, start)) this.recentKeys[slot] = part = text.slice(start, end)
        parts.push(part)
        this.pos = end
      } else {
        parts.push(c === QUOTE ? this.basicString(true) : this.literalString(true))
      }
      partAt.push(start)
      this.skipWs()
      const next = text.charCodeAt(this.pos)
      if (endsLine(next)) this.brokenLine('a key', atEnd)
      if (next !== DOT) return parts
      const dot = this.pos
      this.pos++
      this.skipWs()
      const after = text.charCodeAt(this.pos)
      if (endsLine(after)) {
        this.skipBlank()
        if (this.pos < text.length) this.unexpected(this.pos, 'a key must be on one line')
      }
      if (after === DOT) this.fail(dot, 'a key may not contain two dots in a row')
      if (!this.isKeyStart(this.pos)) this.unexpected(this.pos, 'a key may not end with a dot', dot)
    }
  }

  private keyValue(): void {
    const line = this.line
    this.keyAt = this.pos
    const parts = this.key('expected `=` after the key')
    this.equals()
    const table = this.dotted(this.table, this.id, parts, line)
    this.startValue()
    const name = parts[parts.length - 1]!
    const c = this.text.charCodeAt(this.pos)
    if (c === LEFT_BRACKET || c === LEFT_BRACE) {
      this.open(c, table, name)
      this.nested()
    } else {
      table[name] = this.scalar()
    }
  }

  /** Expects `=` (after a key that ends on its line) and steps over it. */
  private equals(): void {
    if (this.text.charCodeAt(this.pos) !== EQUALS) {
      const found = this.pos >= this.text.length ? 'the end of the text' : describe(this.text.charCodeAt(this.pos))
      this.unexpected(this.pos, `expected \`=\` after the key, found ${found}`)
    }
    this.pos++
  }

  /** Steps to the value after `=`, which must start on the same line. */
  private startValue(): void {
    this.skipWs()
    if (this.pos >= this.text.length) this.fail(this.pos, 'expected a value after `=`')
    if (endsLine(this.text.charCodeAt(this.pos))) this.brokenLine('a key, its `=` and its value', 'expected a value after `=`')
  }

  /** Gives `container` an id in the book. */
  private add(container: TomlContainer, kind: number): number {
    const id = this.book.add(kind)
    this.ids.set(container, id)
    return id
  }

  /** The line recorded for key `name` of table `id`, for messages. */
  private first(id: number, name: string): number | undefined {
    return this.book.keyLine(id, name) ?? undefined
  }

  /**
   * Walks the dotted key `parts` from `table` (of id `id`), creating the tables it names, and returns the table
   * that takes the last part, which must be new.
   */
  private dotted(table: TomlTable, id: number, parts: string[], line: number): TomlTable {
    const book = this.book
    const last = parts.length - 1
    for (let i = 0; i < last; i++) {
      const name = parts[i]!
      const child = table[name]
      if (child === undefined) {
        ;[table, id] = this.newChild(table, id, name, line, DOTTED)
        continue
      }
      const found = typeof child === 'object' ? this.ids.get(child) : undefined
      const kind = found === undefined ? kindOf(child) : book.kind(found)
      if (kind !== DOTTED && kind !== IMPLICIT) this.fail(this.partAt[i]!, `${this.what(name, kind, this.first(id, name))}; a dotted key cannot add to it`)
      book.setKind(found!, DOTTED)
      table = child as TomlTable
      id = found!
    }
    const name = parts[last]!
    if (table[name] !== undefined) this.fail(this.partAt[last]!, `duplicate key ${showKey(name)}: already defined on line ${this.first(id, name)}`)
    book.mark(id, name, line)
    return table
  }

  /** A new table of `kind` at `name` of `table` (of id `id`), first mentioned on `line`; it and its id. */
  private newChild(table: TomlTable, id: number, name: string, line: number, kind: number): [TomlTable, number] {
    const created = newTable()
    this.book.mark(id, name, line)
    table[name] = created
    return [created, this.add(created, kind)]
  }

  /** `[a.b]` or `[[a.b]]`, from its `[` up to the line's end. */
  private header(): void {
    const text = this.text
    const line = this.line
    const open = this.pos
    this.pos++
    this.skipWs()
    let array = false
    if (endsLine(text.charCodeAt(this.pos))) this.brokenLine('a table header', 'unterminated table header')
    if (text.charCodeAt(this.pos) === LEFT_BRACKET) {
      if (this.pos !== open + 1) this.fail(this.pos, 'no space is allowed between the brackets of `[[`')
      array = true
      this.pos++
      this.skipWs()
      if (endsLine(text.charCodeAt(this.pos))) this.brokenLine('a table header', 'unterminated table header')
    }
    const c = text.charCodeAt(this.pos)
    if (this.pos >= text.length) this.fail(this.pos, 'unterminated table header')
    if (c === RIGHT_BRACKET) this.fail(this.pos, 'a table header needs a key')
    if (c === DOT) this.fail(this.pos, 'a key may not start with a dot')
    if (!this.isKeyStart(this.pos)) this.unexpected(this.pos, `expected a key in the table header, found ${describe(c)}`)
    const keyAt = this.pos
    const parts = this.key('unterminated table header')
    if (text.charCodeAt(this.pos) !== RIGHT_BRACKET) {
      this.unexpected(this.pos, this.pos >= text.length ? 'unterminated table header' : `expected \`]\` after the key, found ${describe(text.charCodeAt(this.pos))}`)
    }
    this.pos++
    if (array) {
      const close = this.pos
      this.skipWs()
      if (endsLine(text.charCodeAt(this.pos))) this.brokenLine('a table header', 'unterminated table header')
      if (text.charCodeAt(this.pos) !== RIGHT_BRACKET) this.unexpected(this.pos, 'expected `]]` to end the header of an array of tables')
      if (this.pos !== close) this.fail(this.pos, 'no space is allowed between the brackets of `]]`')
      this.pos++
    }
    this.define(parts, line, array)
    this.sectionAt = keyAt
  }

  /** Makes the table a header names the current section, creating what it names. */
  private define(parts: string[], line: number, array: boolean): void {
    const book = this.book
    let table = this.root
    let id = this.ids.get(table)!
    const last = parts.length - 1
    for (let i = 0; i < last; i++) {
      const name = parts[i]!
      const child = table[name]
      if (child === undefined) {
        ;[table, id] = this.newChild(table, id, name, line, IMPLICIT)
        continue
      }
      const found = typeof child === 'object' ? this.ids.get(child) : undefined
      const kind = found === undefined ? kindOf(child) : book.kind(found)
      if (kind === TABLE_ARRAY) {
        // A header below an array of tables adds to its last element.
        const elements = child as TomlTable[]
        table = elements[elements.length - 1]!
        id = this.ids.get(table)!
        continue
      }
      if (kind === VALUE || kind === INLINE || kind === STATIC_ARRAY) this.fail(this.partAt[i]!, `${this.what(name, kind, this.first(id, name))}; a table header cannot add to it`)
      table = child as TomlTable
      id = found!
    }
    const name = parts[last]!
    const existing = table[name]
    const found = typeof existing === 'object' ? this.ids.get(existing) : undefined
    const kind = found === undefined ? (existing === undefined ? NONE : kindOf(existing)) : book.kind(found)
    if (!array && kind === IMPLICIT) {
      book.setKind(found!, DEFINED)
      this.table = existing as TomlTable
      this.id = found!
      return
    }
    if (!array && kind !== NONE) {
      const first = this.first(id, name)
      const problem = kind === DEFINED ? `table ${showKey(name)} defined twice (first on line ${first})` : `${this.what(name, kind, first)}; a table header cannot define it again`
      this.fail(this.partAt[last]!, problem)
    }
    if (array && kind !== NONE && kind !== TABLE_ARRAY) this.fail(this.partAt[last]!, `${this.what(name, kind, this.first(id, name))}, not an array of tables`)
    const section = newTable()
    if (!array) {
      book.mark(id, name, line)
      table[name] = section
    } else if (kind === NONE) {
      const elements: TomlValue[] = [section]
      book.mark(id, name, line)
      book.mark(this.add(elements, TABLE_ARRAY), 0, line)
      table[name] = elements
    } else {
      const elements = existing as TomlValue[]
      book.mark(found!, elements.length, line)
      elements.push(section)
    }
    this.table = section
    this.id = this.add(section, DEFINED)
  }

  /** What the existing value at `name` is, for a message: "`b` is an inline table (line 3)". */
  private what(name: string, kind: number, line: number | undefined): string {
    const what =
      kind === VALUE
        ? 'a value'
        : kind === INLINE
          ? 'an inline table'
          : kind === STATIC_ARRAY
            ? 'an array'
            : kind === TABLE_ARRAY
              ? 'an array of tables'
              : kind === DOTTED
                ? 'a table defined by dotted keys'
                : kind === DEFINED
                  ? 'a table defined by a header'
                  : 'a table'
    return `${showKey(name)} is ${what}${line === undefined ? '' : ` (line ${line})`}`
  }

  // ---- Values -----------------------------------------------------------------------------------------

  /**
   * Opens the array or inline table whose bracket or brace is at the current offset; when it closes, it goes
   * to `target[name]`, or (target null) to the enclosing array.
   */
  private open(c: number, target: TomlTable | null, name: string): void {
    if (this.depth >= MAX_NESTING) {
      const { line, column } = this.locate(this.pos)
      throw new UserError(`${this.file}:${line}:${column}: ${nestingProblem()}`)
    }
    this.pos++
    let frame = this.frames[this.depth]
    if (frame === undefined) this.frames.push((frame = new Frame()))
    this.depth++
    frame.filled = false
    frame.target = target
    frame.name = name
    frame.id = this.book.add(c === LEFT_BRACKET ? STATIC_ARRAY : INLINE)
    frame.table = c === LEFT_BRACKET ? null : newTable()
    frame.base = this.top
  }

  /** Closes the innermost array or inline table (at its bracket or brace) and puts it where it goes. */
  private close(frame: Frame): void {
    this.pos++
    this.depth--
    let value: TomlValue
    if (frame.table === null) {
      value = this.values.slice(frame.base, this.top)
      this.top = frame.base
    } else {
      value = frame.table
    }
    // An empty one has no line to give.
    if (this.book.lastLine(frame.id) >= 0) this.late.push(value, frame.id)
    if (frame.target !== null) frame.target[frame.name] = value
    else this.push(value)
  }

  /** Adds an element to the innermost array. */
  private push(value: TomlValue): void {
    if (this.top < this.values.length) this.values[this.top] = value
    else this.values.push(value)
    this.top++
  }

  /** Reads what the arrays and inline tables opened by `open` hold, until the outermost one closes. */
  private nested(): void {
    const text = this.text
    while (this.depth > 0) {
      const frame = this.frames[this.depth - 1]!
      this.skipBlank()
      let c = text.charCodeAt(this.pos)
      const end = this.pos >= text.length
      if (frame.table === null) {
        if (frame.filled) {
          if (c === COMMA) {
            this.pos++
            this.skipBlank()
            c = text.charCodeAt(this.pos)
          } else if (c !== RIGHT_BRACKET) {
            this.unexpected(this.pos, end ? 'unterminated array' : `expected \`,\` or \`]\` after an array element, found ${describe(c)}`)
          }
        }
        if (c === RIGHT_BRACKET) {
          this.close(frame)
          continue
        }
        if (this.pos >= text.length) this.fail(this.pos, 'unterminated array')
        frame.filled = true
        const index = this.top - frame.base
        frame.index = index
        if (this.book.lastLine(frame.id) !== this.line) this.book.mark(frame.id, index, this.line)
        if (c === LEFT_BRACKET || c === LEFT_BRACE) this.open(c, null, '')
        else this.push(this.scalar())
      } else {
        if (frame.filled) {
          if (c === COMMA) {
            this.pos++
            this.skipBlank()
            c = text.charCodeAt(this.pos)
          } else if (c !== RIGHT_BRACE) {
            this.unexpected(this.pos, end ? 'unterminated inline table' : `expected \`,\` or \`}\` after a value in an inline table, found ${describe(c)}`)
          }
        }
        if (c === RIGHT_BRACE) {
          this.close(frame)
          continue
        }
        if (this.pos >= text.length) this.fail(this.pos, 'unterminated inline table')
        if (!this.isKeyStart(this.pos)) this.unexpected(this.pos, `expected a key or \`}\` in an inline table, found ${describe(c)}`)
        frame.filled = true
        const line = this.line
        frame.keyAt = this.pos
        const parts = this.key('expected `=` after the key')
        this.equals()
        const table = this.dotted(frame.table, frame.id, parts, line)
        this.startValue()
        const name = parts[parts.length - 1]!
        c = text.charCodeAt(this.pos)
        if (c === LEFT_BRACKET || c === LEFT_BRACE) this.open(c, table, name)
        else table[name] = this.scalar()
      }
    }
  }

  /** A string, number, boolean or date-time at the current offset. */
  private scalar(): TomlValue {
    const text = this.text
    const start = this.pos
    const c = text.charCodeAt(start)
    if (c === QUOTE) return this.tripleAt(start, QUOTE) ? this.multiLineString(QUOTE) : this.basicString(false)
    if (c === APOSTROPHE) return this.tripleAt(start, APOSTROPHE) ? this.multiLineString(APOSTROPHE) : this.literalString(false)
    if (isDigit(c)) return this.number(start, start)
    if (c === 0x74 /* t */ && text.startsWith('true', start)) {
      this.pos += 4
      return true
    }
    if (c === 0x66 /* f */ && text.startsWith('false', start)) {
      this.pos += 5
      return false
    }
    if (c === 0x69 /* i */ || c === 0x6e /* n */) return this.special(start, start)
    if (c === PLUS || c === MINUS) {
      const next = text.charCodeAt(start + 1)
      if (next === 0x69 || next === 0x6e) return this.special(start, start + 1)
      if (isDigit(next)) return this.number(start, start + 1)
      this.fail(start + 1, `expected a number after ${describe(c)}`)
    }
    this.fail(start, this.pos >= text.length ? 'expected a value' : `expected a value, found ${describe(c)}`)
  }

  /** `inf` or `nan` at `at`, after the sign (if any) at `start`. */
  private special(start: number, at: number): number {
    const text = this.text
    if (text.startsWith('inf', at)) {
      this.pos = at + 3
      return text.charCodeAt(start) === MINUS ? -Infinity : Infinity
    }
    if (text.startsWith('nan', at)) {
      this.pos = at + 3
      return NaN
    }
    this.fail(at, 'expected a value')
  }

  /**
   * Reads digits of `radix` (with single underscores between them) from `pos`; returns the offset after them
   * and sets `digitCount`, `digitUnderscore` and, for up to 15 decimal digits, `digitValue`.
   */
  private digits(pos: number, radix: number): number {
    const text = this.text
    let c = text.charCodeAt(pos)
    if (c === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
    if (!isDigitOf(c, radix)) this.fail(pos, pos >= text.length ? 'expected a digit' : `expected a digit, found ${describe(c)}`)
    let count = 0
    let value = 0
    let underscore = false
    let before = 0
    for (; isDigitOf(c, radix) || c === UNDERSCORE; c = text.charCodeAt(++pos)) {
      if (c === UNDERSCORE) {
        if (before === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
        underscore = true
      } else {
        count++
        value = value * 10 + (c - DIGIT_0)
      }
      before = c
    }
    if (before === UNDERSCORE) this.fail(pos, 'an underscore must be between two digits')
    this.digitCount = count
    this.digitUnderscore = underscore
    this.digitValue = value
    return pos
  }

  /** A number, date or time starting at `start`, whose first digit is at `at` (after a sign). */
  private number(start: number, at: number): TomlValue {
    const text = this.text
    const signed = at !== start
    if (text.charCodeAt(at) === DIGIT_0) {
      const next = text.charCodeAt(at + 1)
      if (!signed && isDigit(next)) {
        // Only a time or a date may start with 0 and another digit.
        const third = text.charCodeAt(at + 2)
        if (third === COLON) return this.minute(start, false, Number(text.slice(at, at + 2)), at + 3)
        if (isDigit(third) && isDigit(text.charCodeAt(at + 3)) && text.charCodeAt(at + 4) === MINUS) return this.date(start, Number(text.slice(at, at + 4)), at + 5)
        this.fail(at, 'a number may not start with a leading zero')
      }
      if (next === 0x78 /* x */ || next === 0x6f /* o */ || next === 0x62 /* b */) {
        if (signed) this.fail(at + 1, 'a hexadecimal, octal or binary integer may not have a sign')
        return this.radixInteger(start, at + 2, next === 0x78 ? 16 : next === 0x6f ? 8 : 2)
      }
      if (next === 0x65 /* e */ || next === 0x45 /* E */) return this.exponent(start, at + 2)
      if (next === DOT) return this.fraction(start, at + 2)
      this.pos = at + 1
      return 0
    }
    const end = this.digits(at, 10)
    const next = text.charCodeAt(end)
    if (!signed && !this.digitUnderscore) {
      if (next === MINUS && this.digitCount === 4) return this.date(start, Number(text.slice(at, end)), end + 1)
      if (next === COLON && this.digitCount === 2) return this.minute(start, false, Number(text.slice(at, end)), end + 1)
    }
    if (next === 0x65 || next === 0x45) return this.exponent(start, end + 1)
    if (next === DOT) return this.fraction(start, end + 1)
    this.pos = end
    const count = this.digitCount
    const negative = text.charCodeAt(start) === MINUS
    if (count <= 15) return negative ? -this.digitValue : this.digitValue
    const digits = text.slice(at, end).replace(/_/g, '')
    if (count > 19 || (count === 19 && digits > (negative ? I64_MIN_ABS : I64_MAX))) this.fail(start, 'the integer does not fit in 64 bits')
    // As toml-eslint-parser read it: integers beyond 2^53 lose precision.
    return parseInt(negative ? `-${digits}` : digits, 10)
  }

  private radixInteger(start: number, at: number, radix: number): number {
    const end = this.digits(at, radix)
    this.pos = end
    const digits = this.text.slice(at, end).replace(/_/g, '')
    const significant = digits.replace(/^0+/, '')
    // 2^63 - 1 is 7fffffffffffffff, 777777777777777777777 and 63 ones.
    const fits = radix === 16 ? significant.length < 16 || (significant.length === 16 && significant[0]! <= '7') : significant.length <= (radix === 8 ? 21 : 63)
    if (!fits) this.fail(start, 'the integer does not fit in 64 bits')
    return parseInt(digits, radix)
  }

  /** The digits after the `.` of a float, at `at`. */
  private fraction(start: number, at: number): number {
    const end = this.digits(at, 10)
    const next = this.text.charCodeAt(end)
    if (next === 0x65 || next === 0x45) return this.exponent(start, end + 1)
    return this.float(start, end)
  }

  /** The exponent of a float, after its `e` at `at`. */
  private exponent(start: number, at: number): number {
    const c = this.text.charCodeAt(at)
    return this.float(start, this.digits(c === PLUS || c === MINUS ? at + 1 : at, 10))
  }

  private float(start: number, end: number): number {
    this.pos = end
    let source = this.text.slice(start, end)
    if (source.includes('_')) source = source.replace(/_/g, '')
    const value = Number(source)
    if (!Number.isFinite(value)) this.fail(start, 'the float is too large for 64 bits')
    return value
  }

  /** Two digits at `at`, as a number. */
  private twoDigits(at: number): number {
    const text = this.text
    const first = text.charCodeAt(at)
    if (!isDigit(first)) this.fail(at, 'expected a digit in the date-time')
    const second = text.charCodeAt(at + 1)
    if (!isDigit(second)) this.fail(at + 1, 'expected a digit in the date-time')
    return (first - DIGIT_0) * 10 + (second - DIGIT_0)
  }

  private expect(at: number, c: number): void {
    if (this.text.charCodeAt(at) !== c) this.fail(at, `expected ${describe(c)} in the date-time`)
  }

  /** A date-time is kept as its source text, from `start`. `at` is the first digit of the month. */
  private date(start: number, year: number, at: number): string {
    const text = this.text
    const month = this.twoDigits(at)
    this.expect(at + 2, MINUS)
    const day = this.twoDigits(at + 3)
    if (!isValidDate(year, month, day)) this.fail(at + 4, 'not a date in the calendar')
    const end = at + 5
    const c = text.charCodeAt(end)
    if (c === 0x54 /* T */ || c === 0x74 /* t */ || (c === SPACE && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2)))) {
      const hour = this.twoDigits(end + 1)
      this.expect(end + 3, COLON)
      return this.minute(start, true, hour, end + 4)
    }
    this.pos = end
    return text.slice(start, end)
  }

  /** The minutes (at `at`) and what follows of a time whose hour is read. */
  private minute(start: number, hasDate: boolean, hour: number, at: number): string {
    const text = this.text
    const minute = this.twoDigits(at)
    let end = at + 2
    if (text.charCodeAt(end) === COLON) {
      const second = this.twoDigits(end + 1)
      if (!isValidTime(hour, minute, second)) this.fail(end + 2, 'not a valid time of day')
      end += 3
      if (text.charCodeAt(end) === DOT) {
        end++
        if (!isDigit(text.charCodeAt(end))) this.fail(end, 'expected a digit in the date-time')
        while (isDigit(text.charCodeAt(end))) end++
      }
    } else if (!isValidTime(hour, minute, 0)) {
      this.fail(end, 'not a valid time of day')
    }
    if (hasDate) {
      const c = text.charCodeAt(end)
      if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
        end++
      } else if (c === PLUS || c === MINUS) {
        const hours = this.twoDigits(end + 1)
        this.expect(end + 3, COLON)
        const minutes = this.twoDigits(end + 4)
        if (!isValidTime(hours, minutes, 0)) this.fail(end + 5, 'not a valid time offset')
        end += 6
      }
    }
    this.pos = end
    return text.slice(start, end)
  }

  // ---- Strings ----------------------------------------------------------------------------------------

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
  private valuePath(): (string | number)[] {
    const path: (string | number)[] = []
    if (this.sectionAt >= 0) {
      // Each array of tables on the way is at its last element: a later header would have ended the section.
      let value: TomlValue = this.root
      for (const part of this.partsAt(this.sectionAt)) {
        path.push(part)
        value = (value as TomlTable)[part]!
        if (Array.isArray(value)) {
          path.push(value.length - 1)
          value = value[value.length - 1]!
        }
      }
    }
    path.push(...this.partsAt(this.keyAt))
    for (let d = 0; d < this.depth; d++) {
      const frame = this.frames[d]!
      if (frame.table === null) path.push(frame.index)
      else path.push(...this.partsAt(frame.keyAt))
    }
    return path
  }

  /** The parts of the (valid) key at `offset`, read again for a message. */
  private partsAt(offset: number): string[] {
    const { pos, line, lineStart } = this
    this.pos = offset
    const parts = this.key('').slice()
    this.pos = pos
    this.line = line
    this.lineStart = lineStart
    return parts
  }

  /** A character that may not appear in a string as written, at `at`. */
  private badStringChar(at: number, c: number): never {
    if (at >= this.text.length) this.fail(at, 'unterminated string')
    if (c === LF || (c === CR && this.text.charCodeAt(at + 1) === LF)) this.fail(at, 'unterminated string: a line break in a single-line string')
    if (c === CR) this.fail(at, 'a carriage return must be followed by a line feed')
    this.fail(at, `a string may not contain the control character ${describe(c)}; write it as an escape`)
  }

  /** A `"…"` string (not multi-line) at the current offset. */
  private basicString(isKey: boolean): string {
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
  private literalString(isKey: boolean): string {
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
  private multiLineString(quote: number): string {
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
  private unexpected(token: number, reason: string, at = token): never {
    const c = this.text.charCodeAt(token)
    if (c === QUOTE || c === APOSTROPHE) {
      this.pos = token
      if (this.tripleAt(token, c)) this.multiLineString(c)
      else if (c === QUOTE) this.basicString(false)
      else this.literalString(false)
    }
    this.fail(at, reason)
  }

  private fail(at: number, reason: string): never {
    // Like the reader before this one, a string over the length limit is reported as such, even if invalid.
    if (this.stringStart >= 0) {
      const length = stringExtent(this.text, this.stringStart)
      if (length > MAX_STRING) this.tooLong(length)
    }
    const { line, column } = this.locate(at)
    throw new UserError(`${this.file}:${line}:${column}: invalid TOML: ${reason}`)
  }

  /** Line and column (1-based, in UTF-16 code units) of offset `at`. */
  private locate(at: number): { line: number; column: number } {
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

function lineIn(
  ids: ReadonlyMap<TomlContainer, number>,
  book: Book,
  indexes: Map<TomlContainer, Map<string, number> | number[]>,
  container: TomlContainer,
  key: string | number
): number | null {
  const id = ids.get(container)
  if (id === undefined) return null
  if (Array.isArray(container)) {
    const index = typeof key === 'number' ? key : /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : -1
    if (!Number.isInteger(index) || index < 0 || index >= container.length) return null
    // The last change of line at or before `index`, found by halving the changes (`[index, line, …]`).
    let runs = indexes.get(container) as number[] | undefined
    if (runs === undefined) {
      runs = []
      for (const [at, line] of book.entries(id)) runs.push(at as number, line)
      indexes.set(container, runs)
    }
    let low = 0
    let high = runs.length / 2 - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (runs[2 * mid]! <= index) low = mid
      else high = mid - 1
    }
    return runs[2 * low + 1]!
  }
  const name = String(key)
  let byKey = indexes.get(container) as Map<string, number> | undefined
  if (byKey === undefined) {
    // A few keys are scanned; a table asked about more often gets an index.
    const line = book.keyLine(id, name, 16)
    if (line !== undefined) return line
    indexes.set(container, (byKey = new Map()))
    for (const [at, line] of book.entries(id)) byKey.set(at as string, line)
  }
  return byKey.get(name) ?? null
}

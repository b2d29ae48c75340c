/**
 * The TOML reader's keys and tables: bare, quoted and dotted keys, the `=` of a key/value pair, `[table]` and
 * `[[array of tables]]` headers, and what a header or a dotted key may define or add to.
 */
import { CHAR, endsLine, isBare } from './chars.js'
import { Book, KIND } from './container-book.js'
import type { TomlContainer, TomlTable, TomlValue } from './document.js'
import { describe, showKey } from './messages.js'
import { ScalarReader } from './scalars.js'

const { APOSTROPHE, DOT, EQUALS, LEFT_BRACKET, QUOTE, RIGHT_BRACKET } = CHAR
const { DEFINED, DOTTED, IMPLICIT, INLINE, NONE, STATIC_ARRAY, TABLE_ARRAY, VALUE } = KIND

const RECENT_KEYS = 256

/** The kind of a value without an id: arrays and inline tables get theirs only when a line is asked for. */
function kindOf(value: TomlValue): number {
  return typeof value !== 'object' ? VALUE : Array.isArray(value) ? STATIC_ARRAY : INLINE
}

/** A table as the reader makes it: without a prototype. */
export function newTable(): TomlTable {
  return Object.create(null) as TomlTable
}

/** The value reader, reading keys and headers too, and building the tables they name. */
export abstract class TableReader extends ScalarReader {
  /** The id of each container in the book. */
  protected readonly ids = new Map<TomlContainer, number>()
  protected readonly book = new Book()
  protected readonly root = newTable()
  /** The table that the current section's key/value pairs go into, and its id. */
  protected table: TomlTable
  protected id = 0
  /** For messages: the offset of the current section's header key (-1 for the top), and of the pair's key. */
  protected sectionAt = -1
  protected keyAt = 0
  /** Bare keys read lately, by a hash of their characters. */
  private readonly recentKeys: string[] = new Array<string>(RECENT_KEYS).fill('')
  /** The parts of the last key read, and their offsets. */
  private readonly keyParts: string[] = []
  private readonly partAt: number[] = []

  constructor(text: string, file: string) {
    super(text, file)
    this.table = this.root
    this.id = this.add(this.root, DEFINED)
  }

  // ---- Line ends --------------------------------------------------------------------------------------

  /** After a key/value pair or a header, only a comment may follow on the line. */
  protected endLine(): void {
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
  protected isKeyStart(pos: number): boolean {
    const c = this.text.charCodeAt(pos)
    if (c === QUOTE || c === APOSTROPHE) return !this.tripleAt(pos, c)
    return isBare(c)
  }

  /**
   * A (dotted) key starting at a key start, in `keyParts` (valid until the next key is read); `partAt` gets
   * the offset of each part. Stops on the same line at what follows the key (after spaces), or at the end.
   */
  protected key(atEnd: string): string[] {
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

  /** Expects `=` (after a key that ends on its line) and steps over it. */
  protected equals(): void {
    if (this.text.charCodeAt(this.pos) !== EQUALS) {
      const found = this.pos >= this.text.length ? 'the end of the text' : describe(this.text.charCodeAt(this.pos))
      this.unexpected(this.pos, `expected \`=\` after the key, found ${found}`)
    }
    this.pos++
  }

  /** Steps to the value after `=`, which must start on the same line. */
  protected startValue(): void {
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
  protected dotted(table: TomlTable, id: number, parts: string[], line: number): TomlTable {
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
  protected header(): void {
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

  /** The parts of the (valid) key at `offset`, read again for a message. */
  protected partsAt(offset: number): string[] {
    const { pos, line, lineStart } = this
    this.pos = offset
    const parts = this.key('').slice()
    this.pos = pos
    this.line = line
    this.lineStart = lineStart
    return parts
  }
}

/**
 * The TOML reader's pass over a document: its key/value pairs and headers line by line, and the arrays and
 * inline tables of a value, followed on an explicit stack rather than by recursion; then the line of each key
 * or element of what it read, on demand.
 */
import { UserError } from '../errors.js'
import { CHAR } from './chars.js'
import { KIND, lineIn } from './container-book.js'
import type { TomlContainer, TomlTable, TomlValue } from './document.js'
import { MAX_NESTING, nestingProblem } from './limits.js'
import { describe } from './messages.js'
import type { ParsedToml } from './parse.js'
import { TableReader, newTable } from './tables.js'

const { COMMA, LEFT_BRACE, LEFT_BRACKET, RIGHT_BRACE, RIGHT_BRACKET } = CHAR
const { INLINE, STATIC_ARRAY } = KIND

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

/** The whole reader: `read` reads the document once. */
export class Reader extends TableReader {
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

  /** A key/value pair of the current section, from its key up to the end of its value. */
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

  // ---- Arrays and inline tables ---------------------------------------------------------------------

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

  protected override valuePath(): (string | number)[] {
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
}

/**
 * The book the TOML reader keeps of the containers it builds: each one's kind, which decides what may still be
 * added to it, and the line of each of its keys or elements; and the look-up of a line in it once read.
 */
import type { TomlContainer } from './document.js'

/**
 * The kinds of container: what may still be added to one (TOML 1.0, "Table", "Inline Table" and "Array of
 * Tables"). Bound to constants of their own where used, as the character codes are.
 */
export const KIND = {
  /** Named only on the way to a header (`a` in `[a.b]`): `[a]` may still define it, dotted keys may add to it. */
  IMPLICIT: 0,
  /** Defined by its own `[header]`, as an `[[array]]` element, or the document itself. */
  DEFINED: 1,
  /** Created by dotted keys (`a` in `a.b = 1`): more dotted keys and sub-table headers may add to it, `[a]` may not. */
  DOTTED: 2,
  /** An inline table `{ … }`: complete once written. */
  INLINE: 3,
  /** An array value `[ … ]`: complete once written. */
  STATIC_ARRAY: 4,
  /** An array of tables, which each `[[header]]` of its name extends. */
  TABLE_ARRAY: 5,
  /** For messages: a string, number, boolean or date-time; nothing at all. */
  VALUE: 6,
  NONE: 7
} as const

/**
 * What is known of each container, by id: its kind, and the lines of its keys or elements as a list of entries.
 * A table has an entry per key, with the line that first mentioned it; an array one per element whose line
 * differs from the element before it, with that line. All of it is kept in a few shared arrays, so that a
 * container or an entry costs no allocation of its own: a file can hold hundreds of thousands of tables.
 */
export class Book {
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

/**
 * The line of `key` of `container`, or null: its id is looked up in `ids`, and `indexes` keeps the indexes
 * built from the book for containers asked about before.
 */
export function lineIn(
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

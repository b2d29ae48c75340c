import { parseToml } from './parse.js'

export { formatTomlPath } from './parse.js'

/** A TOML value as plain data. Date-times keep their source text (`1979-05-27T07:32:00Z`). */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable

/**
 * A TOML table as a plain object without a prototype: every key of the file, `__proto__` and `constructor`
 * included, is an ordinary own key, and a key the file does not set reads as undefined.
 */
export interface TomlTable {
  [key: string]: TomlValue
}

/** What holds a value: a table or an array. */
export type TomlContainer = TomlTable | TomlValue[]

/** A key path into a document: table keys and array indices, as in `['bin', 0, 'name']`. */
export type TomlPath = readonly (string | number)[]

/** A parsed TOML file: its value, plus where each key was written. */
export interface TomlDocument {
  /** The file name used in messages and sources. */
  readonly file: string
  readonly value: TomlTable
  /**
   * The 1-based line where the key or array element at `path` is defined, or null if there is none.
   *
   * For a table that is created implicitly (by `[a.b]`, `a.b = 1` or a `[[a.b]]` header) this is the
   * first line that mentions it; for an array-of-tables element it is its `[[…]]` header.
   */
  lineOf(path: TomlPath): number | null
  /** `lineOf` for a key or index of a table or array of `value`, without walking down from the top. */
  lineIn(container: TomlContainer, key: string | number): number | null
}

/**
 * Parses TOML (1.0, plus what cargo 1.95 accepts of 1.1: line breaks, comments and trailing commas in inline
 * tables, `\e` and `\xHH` escapes, times without seconds) in time and memory linear in the text.
 * Invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. What the reader does not
 * take (arrays and inline tables nested too deeply, strings too long, named by their key) throws a UserError
 * naming the file and line.
 */
export function parseTomlDocument(text: string, file: string): TomlDocument {
  const { value, lineIn } = parseToml(text, file)
  return {
    file,
    value,
    lineOf: (path: TomlPath): number | null => {
      if (path.length === 0) return null
      let container: TomlContainer = value
      for (let i = 0; i < path.length - 1; i++) {
        const child = childOf(container, path[i]!)
        if (!isContainer(child)) return null
        container = child
      }
      return lineIn(container, path[path.length - 1]!)
    },
    lineIn
  }
}

/** The value at `key`, never one inherited from a prototype (`length` of an array is not a value either). */
function childOf(container: TomlContainer, key: string | number): TomlValue | undefined {
  if (Array.isArray(container)) return typeof key === 'number' || /^\d+$/.test(key) ? container[Number(key)] : undefined
  return Object.hasOwn(container, key) ? container[key] : undefined
}

function isContainer(value: TomlValue | undefined): value is TomlContainer {
  return typeof value === 'object'
}

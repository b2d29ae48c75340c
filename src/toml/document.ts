import { ParseError, parseTOML } from 'toml-eslint-parser'
import type { AST } from 'toml-eslint-parser'
import { UserError } from '../errors.js'
import { longStringProblem, prepareToml, type LongString } from './limits.js'

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
 * Parses TOML (1.1, as cargo 1.95 accepts it: newlines and trailing commas in inline tables).
 * Invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. What the parser cannot take
 * (arrays and inline tables nested too deeply, strings too long, named by their key) throws a UserError naming
 * the file and line.
 */
export function parseTomlDocument(text: string, file: string): TomlDocument {
  const prepared = prepareToml(text, file)
  let ast: AST.TOMLProgram
  try {
    ast = parseTOML(prepared.text)
  } catch (error) {
    if (error instanceof ParseError) {
      // A left-out string shifts the columns after it: if one comes before the error, it is reported instead.
      const long = [...prepared.long].find(([at]) => at <= error.index)?.[1]
      if (long !== undefined) throw new UserError(`${file}:${long.line}: ${longStringProblem('string', long.length)}`)
      const reason = error.message.replace(/\s+/g, ' ').trim()
      throw new UserError(`${file}:${error.lineNumber}:${error.column + 1}: invalid TOML: ${reason}`)
    }
    // Other tokens of some 100,000 characters (a number) still exhaust the parser's call stack.
    if (error instanceof RangeError) throw new UserError(`${file}: a key or value is too long to read`)
    throw error
  }
  return new Builder(file, prepared.long).build(ast)
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

function newTable(): TomlTable {
  return Object.create(null) as TomlTable
}

/** The value at `key`, never one inherited from a prototype (`length` of an array is not a value either). */
function childOf(container: TomlContainer, key: string | number): TomlValue | undefined {
  if (Array.isArray(container)) return typeof key === 'number' || /^\d+$/.test(key) ? container[Number(key)] : undefined
  return Object.hasOwn(container, key) ? container[key] : undefined
}

function isContainer(value: TomlValue | undefined): value is TomlContainer {
  return typeof value === 'object'
}

/**
 * The way from the top to a value, innermost step first. Only a message about a long string needs it as a
 * path, and keys can have tens of thousands of parts, so it is never copied along the way.
 */
type Trail = { readonly up: Trail; readonly key: string | number } | null

function pathOf(trail: Trail): (string | number)[] {
  const path: (string | number)[] = []
  for (let step = trail; step !== null; step = step.up) path.push(step.key)
  return path.reverse()
}

class Builder {
  /** Per table or array, the line of each of its keys or indices (as strings). */
  private readonly lines = new Map<TomlContainer, Map<string, number>>()

  constructor(
    private readonly file: string,
    private readonly long: ReadonlyMap<number, LongString>
  ) {}

  build(ast: AST.TOMLProgram): TomlDocument {
    const root = newTable()
    const top = ast.body[0]
    for (const node of top.body) {
      if (node.type === 'TOMLKeyValue') {
        this.assign(root, null, node)
        continue
      }
      for (const key of node.key.keys) this.keyName(key)
      const { table, trail } = this.ensure(root, node.resolvedKey, node.loc.start.line)
      for (const kv of node.body) this.assign(table, trail, kv)
    }
    const lines = this.lines
    const lineIn = (container: TomlContainer, key: string | number): number | null => lines.get(container)?.get(String(key)) ?? null
    return {
      file: this.file,
      value: root,
      lineOf: (path: TomlPath): number | null => {
        if (path.length === 0) return null
        let container: TomlContainer = root
        for (const segment of path.slice(0, -1)) {
          const child = childOf(container, segment)
          if (!isContainer(child)) return null
          container = child
        }
        return lineIn(container, path[path.length - 1]!)
      },
      lineIn
    }
  }

  private mark(container: TomlContainer, key: string | number, line: number): void {
    let keys = this.lines.get(container)
    if (keys === undefined) this.lines.set(container, (keys = new Map()))
    const name = String(key)
    if (!keys.has(name)) keys.set(name, line)
  }

  /** Walks to the table at a header's resolved key (indices select array-of-tables elements), creating it. */
  private ensure(root: TomlTable, path: readonly (string | number)[], line: number): { table: TomlTable; trail: Trail } {
    let current: TomlContainer = root
    let trail: Trail = null
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!
      let child = childOf(current, segment)
      if (child === undefined) {
        child = typeof path[i + 1] === 'number' ? [] : newTable()
        ;(current as Record<string | number, TomlValue>)[segment] = child
      }
      this.mark(current, segment, line)
      current = child as TomlContainer
      trail = { up: trail, key: segment }
    }
    return { table: current as TomlTable, trail }
  }

  private assign(table: TomlTable, trail: Trail, kv: AST.TOMLKeyValue): void {
    const keys = kv.key.keys.map(k => this.keyName(k))
    const line = kv.key.loc.start.line
    let target = table
    let at = trail
    for (const key of keys.slice(0, -1)) {
      this.mark(target, key, line)
      let child = childOf(target, key)
      if (child === undefined) target[key] = child = newTable()
      target = child as TomlTable
      at = { up: at, key }
    }
    const last = keys[keys.length - 1]!
    this.mark(target, last, line)
    target[last] = this.convert(kv.value, { up: at, key: last })
  }

  /** Recursive: `prepareToml` has limited the nesting of arrays and inline tables. */
  private convert(node: AST.TOMLContentNode, trail: Trail): TomlValue {
    switch (node.type) {
      case 'TOMLValue':
        switch (node.kind) {
          case 'offset-date-time':
          case 'local-date-time':
          case 'local-date':
          case 'local-time':
            return node.datetime
          case 'string':
            this.refuseLong(node, trail)
            return node.value
          default:
            return node.value
        }
      case 'TOMLArray': {
        const array: TomlValue[] = []
        node.elements.forEach((element, index) => {
          this.mark(array, index, element.loc.start.line)
          array.push(this.convert(element, { up: trail, key: index }))
        })
        return array
      }
      case 'TOMLInlineTable': {
        const table = newTable()
        for (const kv of node.body) this.assign(table, trail, kv)
        return table
      }
    }
  }

  private keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
    if (key.type === 'TOMLBare') return key.name
    this.refuseLong(key, null)
    return key.value
  }

  /** Throws for a string whose contents `prepareToml` left out; a string value is named by its key path. */
  private refuseLong(node: AST.TOMLQuoted | AST.TOMLStringValue, trail: Trail): void {
    const long = this.long.get(node.range[0])
    if (long === undefined) return
    const problem =
      node.type === 'TOMLValue' ? `${formatTomlPath(pathOf(trail))}: ${longStringProblem('string', long.length)}` : longStringProblem('quoted key', long.length)
    throw new UserError(`${this.file}:${node.loc.start.line}: ${problem}`)
  }
}

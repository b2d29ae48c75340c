import { ParseError, parseTOML } from 'toml-eslint-parser'
import type { AST } from 'toml-eslint-parser'
import { UserError } from '../errors.js'

/** A TOML value as plain data. Date-times keep their source text (`1979-05-27T07:32:00Z`). */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable

/** A TOML table as a plain object. */
export interface TomlTable {
  [key: string]: TomlValue
}

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
}

/**
 * Parses TOML (1.1, as cargo 1.95 accepts it: newlines and trailing commas in inline tables).
 * Invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`.
 */
export function parseTomlDocument(text: string, file: string): TomlDocument {
  let ast: AST.TOMLProgram
  try {
    ast = parseTOML(text)
  } catch (error) {
    if (error instanceof ParseError) {
      const reason = error.message.replace(/\s+/g, ' ').trim()
      throw new UserError(`${file}:${error.lineNumber}:${error.column + 1}: invalid TOML: ${reason}`)
    }
    throw error
  }
  return new Builder(file).build(ast)
}

/** Lines are keyed by the path joined with NUL, which cannot occur in a TOML key written in a file. */
const SEP = '\u0000'

function pathKey(path: TomlPath): string {
  return path.join(SEP)
}

class Builder {
  private readonly lines = new Map<string, number>()

  constructor(private readonly file: string) {}

  build(ast: AST.TOMLProgram): TomlDocument {
    const root: TomlTable = {}
    const top = ast.body[0]
    for (const node of top.body) {
      if (node.type === 'TOMLKeyValue') {
        this.assign(root, [], node)
        continue
      }
      const table = this.ensure(root, node.resolvedKey, node.loc.start.line)
      for (const kv of node.body) this.assign(table, node.resolvedKey, kv)
    }
    const lines = this.lines
    return {
      file: this.file,
      value: root,
      lineOf: (path: TomlPath): number | null => lines.get(pathKey(path)) ?? null
    }
  }

  private mark(path: TomlPath, line: number): void {
    const key = pathKey(path)
    if (!this.lines.has(key)) this.lines.set(key, line)
  }

  /** Walks to the table at a header's resolved key (indices select array-of-tables elements), creating it. */
  private ensure(root: TomlTable, path: readonly (string | number)[], line: number): TomlTable {
    let current: TomlTable | TomlValue[] = root
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!
      const nextIsIndex = typeof path[i + 1] === 'number'
      const container = current as Record<string | number, TomlValue>
      let child = container[segment]
      if (child === undefined) {
        child = nextIsIndex ? [] : {}
        container[segment] = child
      }
      this.mark(path.slice(0, i + 1), line)
      current = child as TomlTable | TomlValue[]
    }
    return current as TomlTable
  }

  private assign(table: TomlTable, base: TomlPath, kv: AST.TOMLKeyValue): void {
    const keys = kv.key.keys.map(k => (k.type === 'TOMLBare' ? k.name : k.value))
    const line = kv.key.loc.start.line
    let target = table
    const path = [...base]
    for (const key of keys.slice(0, -1)) {
      path.push(key)
      this.mark(path, line)
      let child = target[key]
      if (child === undefined) target[key] = child = {}
      target = child as TomlTable
    }
    const last = keys[keys.length - 1]!
    path.push(last)
    this.mark(path, line)
    target[last] = this.convert(kv.value, path)
  }

  private convert(node: AST.TOMLContentNode, path: (string | number)[]): TomlValue {
    switch (node.type) {
      case 'TOMLValue':
        switch (node.kind) {
          case 'offset-date-time':
          case 'local-date-time':
          case 'local-date':
          case 'local-time':
            return node.datetime
          default:
            return node.value
        }
      case 'TOMLArray':
        return node.elements.map((element, index) => {
          const elementPath = [...path, index]
          this.mark(elementPath, element.loc.start.line)
          return this.convert(element, elementPath)
        })
      case 'TOMLInlineTable': {
        const table: TomlTable = {}
        for (const kv of node.body) this.assign(table, path, kv)
        return table
      }
    }
  }
}

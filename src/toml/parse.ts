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
 *
 * The reader is one class built up in layers, each adding a part of the syntax to the one below: the scanner
 * (`scanner.ts`), strings (`strings.ts`), the other scalar values (`scalars.ts`), keys and tables
 * (`tables.ts`), and the pass over the document with its arrays and inline tables (`reader.ts`). It records
 * each container's kind and lines in a book (`container-book.ts`).
 */
import type { TomlContainer, TomlTable } from './document.js'
import { Reader } from './reader.js'

export { formatTomlPath } from './messages.js'

/** A document's value, and the line of each key or array element of the containers in it. */
export interface ParsedToml {
  readonly value: TomlTable
  lineIn(container: TomlContainer, key: string | number): number | null
}

/** Reads `text`; invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. */
export function parseToml(text: string, file: string): ParsedToml {
  return new Reader(text, file).read()
}

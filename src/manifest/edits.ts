/**
 * Line edits of manifests and cargo config files that keep everything else as written: the TOML parser gives
 * the line of a key, and only the value on it (or the lines of its array) are rewritten. Pure over text; a
 * shape these functions do not recognise gives null, never a guess.
 */
import type { Edit } from '../findings/finding.js'
import type { CrateType } from '../model/crate-type.js'
import { parseTomlDocument, type TomlDocument } from '../toml/document.js'

/** A file's text split into lines without their `\r`, and the parsed document. */
interface SourceFile {
  file: string
  lines: string[]
  doc: TomlDocument
}

function sourceFile(text: string, file: string): SourceFile | null {
  try {
    return { file, lines: text.split('\n').map(l => l.replace(/\r$/, '')), doc: parseTomlDocument(text, file) }
  } catch {
    return null
  }
}

/**
 * Edits that make `crate-type` of a package's library (`[lib]`) list `types`, keeping the order and quoting
 * of what is already there and appending what is new. A `[lib]` table without `crate-type` gets the key on
 * the line after its header; a manifest without `[lib]` gets the table at its end.
 */
export function crateTypeEdits(text: string, file: string, types: readonly CrateType[]): Edit[] | null {
  const src = sourceFile(text, file)
  if (src === null) return null
  const lib = src.doc.value.lib
  if (lib !== undefined && (typeof lib !== 'object' || Array.isArray(lib))) return null
  const key = lib === undefined ? null : 'crate-type' in lib ? 'crate-type' : 'crate_type' in lib ? 'crate_type' : null
  if (key !== null) {
    const existing = lib![key]
    if (!Array.isArray(existing) || existing.some(t => typeof t !== 'string')) return null
    const added = types.filter(t => !(existing as string[]).includes(t))
    const removed = (existing as string[]).filter(t => !types.includes(t as CrateType))
    if (removed.length > 0) return null
    if (added.length === 0) return []
    const line = src.doc.lineOf(['lib', key])
    return line === null ? null : appendToArray(src, line, added)
  }
  const entry = `crate-type = [${types.map(t => `"${t}"`).join(', ')}]`
  const header = src.doc.lineOf(['lib'])
  if (lib !== undefined) {
    if (header === null) return null
    // Only a `[lib]` header line takes a key after it; dotted `lib.name = …` keys or an inline table do not.
    if (!/^\s*\[\s*lib\s*\]\s*(?:#.*)?$/.test(src.lines[header - 1] ?? '')) return null
    return [{ file, line: header, before: src.lines[header - 1]!, after: `${src.lines[header - 1]}\n${entry}` }]
  }
  let last = src.lines.length
  while (last > 1 && src.lines[last - 1]!.trim() === '') last--
  const before = src.lines[last - 1] ?? ''
  return [{ file, line: last, before, after: `${before}${before.trim() === '' ? '' : '\n'}\n[lib]\n${entry}` }]
}

/**
 * Appends string elements to the array that starts on `line` (after its `=`). A one-line array is rewritten
 * on its line; a multi-line array gets one new element line before its closing bracket, indented like the
 * elements above.
 */
function appendToArray(src: SourceFile, line: number, values: readonly string[]): Edit[] | null {
  const span = arraySpan(src.lines, line)
  if (span === null) return null
  const quoted = values.map(v => `"${v}"`)
  const text = src.lines[line - 1]!
  if (span.endLine === line) {
    const inner = text.slice(span.openColumn + 1, span.closeColumn)
    const trimmed = inner.replace(/\s+$/, '')
    const separator = trimmed.trim() === '' ? '' : trimmed.endsWith(',') ? ' ' : ', '
    const after = `${text.slice(0, span.openColumn + 1)}${trimmed}${separator}${quoted.join(', ')}${inner.slice(trimmed.length)}${text.slice(span.closeColumn)}`
    return [{ file: src.file, line, before: text, after }]
  }
  // The last line before the closing bracket that holds an element.
  let previous = span.endLine - 1
  while (previous > line && /^\s*(?:#.*)?$/.test(src.lines[previous - 1]!)) previous--
  const closing = src.lines[span.endLine - 1]!
  if (closing.slice(0, span.closeColumn).trim() !== '' || previous === line) return null
  const prevText = src.lines[previous - 1]!
  const indent = /^\s*/.exec(prevText)![0]
  const withComma = endsWithComma(prevText) ? prevText : addComma(prevText)
  if (withComma === null) return null
  return [{ file: src.file, line: previous, before: prevText, after: `${withComma}\n${quoted.map(q => `${indent}${q},`).join('\n')}` }]
}

interface ArraySpan {
  /** Column of `[` on the key's line. */
  openColumn: number
  endLine: number
  /** Column of the matching `]` on `endLine`. */
  closeColumn: number
}

/** Where the array value of the key on `line` opens and closes, skipping strings and comments. */
function arraySpan(lines: readonly string[], line: number): ArraySpan | null {
  const first = lines[line - 1]!
  const eq = first.indexOf('=')
  if (eq < 0) return null
  const open = first.indexOf('[', eq)
  if (open < 0 || first.slice(eq + 1, open).trim() !== '') return null
  let depth = 0
  for (let l = line; l <= lines.length; l++) {
    const text = lines[l - 1]!
    for (let c = l === line ? open : 0; c < text.length; c++) {
      const ch = text[c]
      if (ch === '#') break
      if (ch === '"' || ch === "'") {
        const end = closingQuote(text, c)
        if (end < 0) return null
        c = end
      } else if (ch === '[') depth++
      else if (ch === ']' && --depth === 0) return { openColumn: open, endLine: l, closeColumn: c }
    }
  }
  return null
}

/** The index of the quote that ends the one-line string starting at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start]
  if (text.startsWith(quote!.repeat(3), start)) return -1
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++
    else if (text[i] === quote) return i
  }
  return -1
}

function endsWithComma(line: string): boolean {
  return /,\s*$/.test(codeOf(line))
}

/** The line with a comma after its last element, before any comment. */
function addComma(line: string): string | null {
  const code = codeOf(line)
  const end = code.replace(/\s+$/, '').length
  if (end === 0) return null
  return `${line.slice(0, end)},${line.slice(end)}`
}

/** The line up to its comment, if any. */
function codeOf(line: string): string {
  for (let c = 0; c < line.length; c++) {
    if (line[c] === '#') return line.slice(0, c)
    if (line[c] === '"' || line[c] === "'") {
      const end = closingQuote(line, c)
      if (end < 0) return line
      c = end
    }
  }
  return line
}

/**
 * Sets the value of `key` on `line` (a `key = value` line, as the profile and config readers record them) to
 * `value`, written as TOML (a string in double quotes, a boolean bare). Null when the line is not that key's.
 */
export function settingEdit(text: string, file: string, line: number, key: string, value: string | boolean): Edit | null {
  const src = sourceFile(text, file)
  const before = src?.lines[line - 1]
  if (before === undefined) return null
  const keys = [key, key.replace(/-/g, '_')].map(k => k.replace(/[-]/g, '\\-'))
  const m = new RegExp(`^(\\s*(?:${keys.join('|')}|"(?:${keys.join('|')})")\\s*=\\s*)("[^"\\\\]*"|'[^']*'|true|false)(.*)$`).exec(before)
  if (m === null) return null
  const written = typeof value === 'boolean' ? String(value) : `"${value}"`
  return { file, line, before, after: `${m[1]}${written}${m[3]}` }
}

/** The file's text with the edits applied, line endings kept; null when a line no longer reads as `before`. */
export function applyEdits(text: string, edits: readonly Edit[]): string | null {
  const crlf = /\r\n/.test(text)
  const lines = text.split('\n')
  for (const e of [...edits].sort((a, b) => b.line - a.line)) {
    const current = lines[e.line - 1]
    if (current === undefined || current.replace(/\r$/, '') !== e.before) return null
    const replaced = e.after.split('\n').map(l => (crlf ? `${l}\r` : l))
    if (!current.endsWith('\r')) replaced[replaced.length - 1] = replaced[replaced.length - 1]!.replace(/\r$/, '')
    lines.splice(e.line - 1, 1, ...replaced)
  }
  return lines.join('\n')
}

/**
 * Checks shared by the readers of JSON that a user or an earlier run gave us (the baseline, the report):
 * what a value is, in a few words, and where JSON.parse gave up.
 */

import { UserError } from '../errors.js'
import { isJsonObject } from '../json.js'

/**
 * The top level of a JSON report of this tool: parsed (a leading BOM allowed), an object, version 1 or 2
 * (version 2 writes fixes as objects; reports of version 1 are read too). A SARIF
 * log is named as such, with `sarifAdvice` saying what to give instead.
 */
export function readReportObject(text: string, file: string, sarifAdvice: string): Record<string, unknown> {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new UserError(`${file}: not a JSON report (${jsonProblem(json)})`)
  }
  if (!isJsonObject(data)) throw new UserError(`${file}: not a JSON report (expected an object at the top level, got ${describe(data)})`)
  if (data.version !== 1 && data.version !== 2) {
    if (Array.isArray(data.runs)) throw new UserError(`${file}: a SARIF log, not a JSON report: ${sarifAdvice}`)
    if (data.version === undefined) throw new UserError(`${file}: not a JSON report (no \`version\`)`)
    throw new UserError(`${file}: \`version\` is ${describe(data.version)}, and only 1 and 2 are supported`)
  }
  return data
}

/** A value in a few words for an error message: short strings quoted, longer ones and containers by kind. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value)
  return String(value)
}

/**
 * Where JSON.parse gave up, as "invalid JSON at position 12: line 1, column 13". V8's own message has no
 * position in every Node version and may quote the input across lines, so the text is scanned again (only
 * on failure) without recursion, to survive deeply nested garbage.
 */
export function jsonProblem(text: string): string {
  const at = jsonErrorOffset(text)
  if (at < 0) return 'invalid JSON'
  if (at >= text.length) return 'invalid JSON: the file ends too early'
  const before = text.slice(0, at)
  const line = before.split('\n').length
  const column = at - before.lastIndexOf('\n')
  return `invalid JSON at position ${at}: line ${line}, column ${column}`
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/uy
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/uy
const LITERAL = /true|false|null/uy

/** The offset of the first syntax error in `text`, or -1 if there is none. */
function jsonErrorOffset(text: string): number {
  let i = 0
  const space = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const token = (re: RegExp): boolean => {
    re.lastIndex = i
    if (!re.test(text)) return false
    i = re.lastIndex
    return true
  }
  const key = (): boolean => {
    space()
    if (!token(STRING)) return false
    space()
    if (text[i] !== ':') return false
    i++
    return true
  }
  const stack: string[] = []
  for (;;) {
    space()
    const c = text[i]
    if (c === '{' || c === '[') {
      i++
      space()
      if (text[i] === (c === '{' ? '}' : ']')) i++
      else {
        stack.push(c)
        if (c === '{' && !key()) return i
        continue
      }
    } else if (!token(STRING) && !token(NUMBER) && !token(LITERAL)) return i
    for (;;) {
      space()
      const top = stack[stack.length - 1]
      if (top === undefined) return i < text.length ? i : -1
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++
        stack.pop()
        continue
      }
      if (text[i] !== ',') return i
      i++
      if (top === '{' && !key()) return i
      break
    }
  }
}

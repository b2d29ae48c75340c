import { UserError } from '../errors.js'
import { findingFingerprint } from '../report/fingerprint.js'
import type { BaselineSummary, FindingReport } from '../report/report.js'

/** The findings of an earlier JSON report, by fingerprint (repeats kept: they are counted). */
export interface Baseline {
  file: string
  fingerprints: string[]
}

const ARTIFACT_FIELDS = ['package', 'target', 'kind', 'mode', 'crateType', 'platform'] as const

/**
 * Reads a JSON report written by an earlier run. Only what matching needs is checked; findings without a
 * `fingerprint` (reports from before it existed) get one computed from their rule, artifact and crates.
 */
export function parseBaseline(text: string, file: string): Baseline {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new UserError(`${file}: not a JSON report (${jsonProblem(json)})`)
  }
  if (!isObject(data)) throw new UserError(`${file}: not a JSON report (expected an object at the top level, got ${describe(data)})`)
  if (data.version !== 1) {
    if (data.version === undefined) throw new UserError(`${file}: not a JSON report (no \`version\`)`)
    if (Array.isArray(data.runs)) throw new UserError(`${file}: a SARIF log, not a JSON report: give the JSON report of an earlier run as the baseline`)
    throw new UserError(`${file}: version ${JSON.stringify(data.version)} is not supported (expected 1)`)
  }
  const findings = data.findings
  if (!Array.isArray(findings)) throw new UserError(`${file}: findings: expected an array, got ${describe(findings)}`)

  const fingerprints: string[] = new Array(findings.length)
  for (let i = 0; i < findings.length; i++) {
    const at = `${file}: findings[${i}]`
    const f: unknown = findings[i]
    if (!isObject(f)) throw new UserError(`${at}: expected an object, got ${describe(f)}`)
    if (typeof f.rule !== 'string') throw new UserError(`${at}.rule: expected a string, got ${describe(f.rule)}`)
    if (f.fingerprint !== undefined) {
      if (typeof f.fingerprint !== 'string') throw new UserError(`${at}.fingerprint: expected a string, got ${describe(f.fingerprint)}`)
      fingerprints[i] = f.fingerprint
      continue
    }
    const crates = f.crates
    if (!Array.isArray(crates)) throw new UserError(`${at}.crates: expected an array of strings, got ${describe(crates)}`)
    crates.forEach((c: unknown, j) => {
      if (typeof c !== 'string') throw new UserError(`${at}.crates[${j}]: expected a string, got ${describe(c)}`)
    })
    for (const key of ARTIFACT_FIELDS) {
      const value = f[key]
      if (value !== undefined && typeof value !== 'string') throw new UserError(`${at}.${key}: expected a string, got ${describe(value)}`)
    }
    fingerprints[i] = findingFingerprint(f as unknown as Parameters<typeof findingFingerprint>[0])
  }
  return { file, fingerprints }
}

/**
 * Marks each finding `existing` when the baseline has it and `new` otherwise. Fingerprints are counted: a
 * baseline with a finding twice covers two such findings now, and a third is new. Order is kept.
 */
export function applyBaseline(findings: readonly FindingReport[], baseline: Baseline): { findings: FindingReport[]; summary: BaselineSummary } {
  const remaining = new Map<string, number>()
  for (const fp of baseline.fingerprints) remaining.set(fp, (remaining.get(fp) ?? 0) + 1)
  let existing = 0
  const out = findings.map(finding => {
    const left = remaining.get(finding.fingerprint) ?? 0
    if (left === 0) return { ...finding, baseline: 'new' as const }
    remaining.set(finding.fingerprint, left - 1)
    existing++
    return { ...finding, baseline: 'existing' as const }
  })
  let fixed = 0
  for (const left of remaining.values()) fixed += left
  return { findings: out, summary: { file: baseline.file, new: out.length - existing, existing, fixed } }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
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
function jsonProblem(text: string): string {
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

/**
 * The strict reader of the JSON report (`--format json`), for a report that an earlier run wrote and that is
 * not trusted: a pull request from a fork can forge the file. Every field `Report` declares is checked
 * against a schema written once below, whose inferred type is checked against `Report` at compile time.
 * Fields the schema does not know are ignored (the report may gain fields) and never copied: the result is
 * built from checked values only, so no `__proto__` or other stray key reaches the renderers.
 */
import { UserError } from '../errors.js'
import { CRATE_TYPES, type CompileKind, type CompileMode, type Linkage, type TargetKind } from '../model/types.js'
import { describe, isObject, readReportObject } from './json-checks.js'
import type { Report } from './report.js'

/**
 * Report files larger than this are refused before they are parsed (UTF-8 bytes). A 10,000-package workspace
 * built with `-C prefer-dynamic` writes a 198 MiB report (824,000 linkage entries); V8 cannot hold a string
 * of more than 512 Mi code units at all.
 */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024

/**
 * The longest string accepted anywhere in a report (UTF-16 code units). Real ones are a few hundred; the
 * renderers escape each string with one regular-expression replace, and V8 aborts the process (a fatal
 * error, not an exception) when one replace has tens of millions of matches.
 */
export const MAX_STRING_LENGTH = 1024 * 1024

/**
 * The most findings accepted. Real reports have hundreds (510 for that workspace); the cap keeps a forged
 * report's job summary to about a second (rendering takes some 8 ms per thousand findings).
 */
export const MAX_FINDINGS = 50_000

/**
 * Refuses a report of `bytes` bytes when it is over `MAX_REPORT_BYTES`; for callers that can tell the size
 * before reading the file.
 */
export function checkReportSize(bytes: number, file: string): void {
  // Rounded up, so that a file just over the limit does not read as the limit itself.
  if (bytes > MAX_REPORT_BYTES) tooLarge(file, `${(Math.ceil((bytes / 2 ** 20) * 10) / 10).toFixed(1)} MiB, more`)
}

function tooLarge(file: string, size: string): never {
  throw new UserError(`${file}: too large for a JSON report (${size} than the ${MAX_REPORT_BYTES / 2 ** 20} MiB limit)`)
}

/**
 * Reads a JSON report, checking every field. Throws a one-line `UserError` naming `file` and the JSON path
 * at fault, e.g. `report.json: findings[3].severity: expected one of error, warning, note, got "fatal"`.
 */
export function parseReport(text: string, file: string): Report {
  // UTF-8 takes one to three bytes per UTF-16 code unit: count bytes only when the length cannot decide.
  if (text.length > MAX_REPORT_BYTES) tooLarge(file, 'more')
  else if (text.length * 3 > MAX_REPORT_BYTES) checkReportSize(Buffer.byteLength(text, 'utf8'), file)
  const data = readReportObject(text, file, 'give the report written with `--format json`')
  try {
    return REPORT.check(data, null)
  } catch (error) {
    if (error instanceof Invalid) throw new UserError(`${file}: ${formatPath(error.at)}: ${error.problem}`)
    throw error
  }
}

// ---------------------------------------------------------------------------------------------------------
// Schema combinators: each schema checks a value and returns a fresh copy built from checked parts only.
// Recursion follows the schema, whose depth is fixed; data nested deeper is never walked.

/** Where a value is, innermost key first; formatted only for an error. */
interface Path {
  readonly up: Path | null
  readonly key: string | number
}

class Invalid {
  constructor(
    readonly at: Path | null,
    readonly problem: string,
    /** The value is of the wrong type or not a member: "expected …, got …". */
    readonly mismatch = true
  ) {}
}

interface Schema<T> {
  /** What a valid value is, for messages: "a string", "one of error, warning, note". */
  readonly expected: string
  check(value: unknown, at: Path | null): T
}

/** A field of `object` that may be absent. */
interface Optional<T> {
  readonly optional: Schema<T>
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>

export type Infer<S> = S extends Schema<infer T> ? T : never

type Flatten<T> = { [K in keyof T]: T[K] }

type InferShape<P extends Shape> = Flatten<
  { -readonly [K in keyof P as P[K] extends Optional<unknown> ? never : K]: P[K] extends Schema<infer T> ? T : never } & {
    -readonly [K in keyof P as P[K] extends Optional<unknown> ? K : never]?: P[K] extends Optional<infer T> ? T : never
  }
>

const string: Schema<string> = {
  expected: 'a string',
  check(value, at) {
    if (typeof value !== 'string') throw new Invalid(at, `expected a string, got ${describe(value)}`)
    if (value.length > MAX_STRING_LENGTH) throw new Invalid(at, `a string of ${value.length} characters, longer than the ${MAX_STRING_LENGTH} a report may have`, false)
    return value
  }
}

const boolean: Schema<boolean> = {
  expected: 'true or false',
  check(value, at) {
    if (typeof value !== 'boolean') throw new Invalid(at, `expected true or false, got ${describe(value)}`)
    return value
  }
}

function integer(options: { min: number }): Schema<number> {
  const expected = options.min === 0 ? 'a non-negative integer' : `an integer ≥ ${options.min}`
  return {
    expected,
    check(value, at) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < options.min) throw new Invalid(at, `expected ${expected}, got ${describe(value)}`)
      return value
    }
  }
}

function literal<const T extends string | number>(only: T): Schema<T> {
  const expected = JSON.stringify(only)
  return {
    expected,
    check(value, at) {
      if (value !== only) throw new Invalid(at, `expected ${expected}, got ${describe(value)}`)
      return only
    }
  }
}

function oneOf<const T extends string>(members: readonly T[]): Schema<T> {
  const allowed = new Set<unknown>(members)
  const expected = `one of ${members.join(', ')}`
  return {
    expected,
    check(value, at) {
      if (!allowed.has(value)) throw new Invalid(at, `expected ${expected}, got ${describe(value)}`)
      return value as T
    }
  }
}

function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const expected = `${schema.expected} or null`
  return {
    expected,
    check(value, at) {
      if (value === null) return null
      try {
        return schema.check(value, at)
      } catch (error) {
        if (error instanceof Invalid && error.at === at && error.mismatch) throw new Invalid(at, `expected ${expected}, got ${describe(value)}`)
        throw error
      }
    }
  }
}

function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: schema }
}

function array<T>(item: Schema<T>, options: { max?: number } = {}): Schema<T[]> {
  const max = options.max ?? Infinity
  return {
    expected: 'an array',
    check(value, at) {
      if (!Array.isArray(value)) throw new Invalid(at, `expected an array, got ${describe(value)}`)
      if (value.length > max) throw new Invalid(at, `${value.length} entries, more than the ${max} a report may have`, false)
      const out: T[] = new Array(value.length)
      for (let i = 0; i < value.length; i++) out[i] = item.check(value[i], { up: at, key: i })
      return out
    }
  }
}

/**
 * An object with any keys: the result has no prototype, so a key such as `__proto__` or `toString` is data
 * like any other and never an inherited member.
 */
function record<T>(item: Schema<T>): Schema<Record<string, T>> {
  return {
    expected: 'an object',
    check(value, at) {
      if (!isObject(value)) throw new Invalid(at, `expected an object, got ${describe(value)}`)
      const out: Record<string, T> = Object.create(null)
      for (const key of Object.keys(value)) out[key] = item.check(value[key], { up: at, key })
      return out
    }
  }
}

/**
 * An object with the fields of `shape`, checked in the order of `shape` (so the first problem reported does
 * not depend on the file) and copied in the order of the file (so a report reads back as it was written).
 */
function object<P extends Shape>(shape: P): Schema<InferShape<P>> {
  const fields = Object.entries(shape).map(([key, s]) => ('optional' in s ? { key, schema: s.optional, optional: true } : { key, schema: s, optional: false }))
  return {
    expected: 'an object',
    check(value, at) {
      if (!isObject(value)) throw new Invalid(at, `expected an object, got ${describe(value)}`)
      const checked = new Map<string, unknown>()
      for (const { key, schema, optional } of fields) {
        const field = Object.hasOwn(value, key) ? value[key] : undefined
        if (field === undefined) {
          if (optional) continue
          throw new Invalid({ up: at, key }, `missing (expected ${schema.expected})`)
        }
        checked.set(key, schema.check(field, { up: at, key }))
      }
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(value)) if (checked.has(key)) out[key] = checked.get(key)
      return out as InferShape<P>
    }
  }
}

/** `findings[3].severity`; keys that are not plain names in brackets, long ones cut. */
function formatPath(at: Path | null): string {
  const parts: string[] = []
  for (let p = at; p !== null; p = p.up) {
    if (typeof p.key === 'number') parts.push(`[${p.key}]`)
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p.key) && p.key.length <= 40) parts.push(`${p.up === null ? '' : '.'}${p.key}`)
    else parts.push(`[${p.key.length > 40 ? `${JSON.stringify(p.key.slice(0, 40)).slice(0, -1)}…"` : JSON.stringify(p.key)}]`)
  }
  return parts.length === 0 ? '(top level)' : parts.reverse().join('')
}

// ---------------------------------------------------------------------------------------------------------
// The members of the unions of src/model/types.ts, checked against them at compile time both ways:
// `satisfies` refuses a member the union lacks, `Exhaustive` a member of the union the list lacks.

type Exhaustive<T, L extends readonly T[]> = [T] extends [L[number]] ? true : never

const TARGET_KINDS = ['lib', 'bin', 'example', 'test', 'bench', 'custom-build', 'proc-macro'] as const satisfies readonly TargetKind[]
const COMPILE_MODES = ['build', 'test'] as const satisfies readonly CompileMode[]
const COMPILE_KINDS = ['host', 'target'] as const satisfies readonly CompileKind[]
const LINKAGES = ['static', 'dynamic', 'included-from-dylib', 'not-linked'] as const satisfies readonly Linkage[]
const exhaustive: [
  Exhaustive<TargetKind, typeof TARGET_KINDS>,
  Exhaustive<CompileMode, typeof COMPILE_MODES>,
  Exhaustive<CompileKind, typeof COMPILE_KINDS>,
  Exhaustive<Linkage, typeof LINKAGES>
] = [true, true, true, true]
void exhaustive

const SEVERITIES = ['error', 'warning', 'note'] as const
const PANIC = oneOf(['unwind', 'abort'])
const targetKind = oneOf(TARGET_KINDS)
const compileMode = oneOf(COMPILE_MODES)
const compileKind = oneOf(COMPILE_KINDS)
const crateType = oneOf(CRATE_TYPES)
const severity = oneOf(SEVERITIES)
/** Lines are 1-based. */
const line = integer({ min: 1 })
const count = integer({ min: 0 })
const strings = array(string)

const TOOLCHAIN = object({
  release: string,
  commitHash: string,
  commitDate: optional(string),
  host: string,
  target: string,
  stdInstalled: boolean,
  pin: optional(
    object({
      file: string,
      line,
      channel: nullable(string),
      path: nullable(string),
      kind: oneOf(['exact', 'dated', 'floating', 'path'])
    })
  ),
  expected: optional(string)
})

const BOUNDARY = object({
  package: string,
  target: string,
  kind: targetKind,
  platform: compileKind,
  role: oneOf(['rust-dylib', 'prefer-dynamic', 'links-dynamically', 'plugin', 'plugin-host']),
  panic: PANIC,
  abiFlags: strings
})

const ARTIFACT = object({
  package: string,
  version: string,
  target: string,
  kind: targetKind,
  mode: compileMode,
  crateType,
  platform: compileKind,
  status: oneOf(['ok', 'error', 'blocked']),
  blockedBy: optional(array(object({ package: string, target: string, kind: targetKind, mode: compileMode }))),
  preferDynamic: boolean,
  panic: PANIC,
  linkage: array(object({ crate: string, how: oneOf(LINKAGES), via: optional(string), package: optional(string) })),
  runtimeLibraries: optional(strings),
  rpath: optional(boolean)
})

const FINDING = object({
  rule: string,
  severity,
  fingerprint: string,
  package: optional(string),
  target: optional(string),
  kind: optional(targetKind),
  mode: optional(compileMode),
  crateType: optional(crateType),
  platform: optional(compileKind),
  crates: strings,
  message: string,
  fixes: strings,
  inclusion: optional(array(object({ chain: strings, crate: string, how: oneOf(['static', 'dynamic', 'inside-dylib']), file: optional(string) }))),
  file: string,
  line,
  related: optional(array(object({ file: string, line, message: string }))),
  defaultSeverity: optional(severity),
  allowed: optional(object({ reason: string, file: string, line })),
  baseline: optional(oneOf(['new', 'existing']))
})

const REPORT = object({
  version: literal(1),
  toolchain: TOOLCHAIN,
  boundaries: array(BOUNDARY),
  workspaceRoot: string,
  invocation: object({ command: string, args: strings, profile: string }),
  artifacts: array(ARTIFACT),
  findings: array(FINDING, { max: MAX_FINDINGS }),
  notes: strings,
  policy: optional(object({ file: string, severities: record(oneOf([...SEVERITIES, 'off'])), allowEntries: count, allowed: count })),
  baseline: optional(object({ file: string, new: count, existing: count, fixed: count })),
  gate: object({ failOn: oneOf(['error', 'warning', 'never']), verdict: oneOf(['pass', 'fail']), failing: count })
})

// The schema's type is `Report`, exactly: a field added to one and not the other, or typed differently, does
// not compile. The two assignments name the field at fault; `Equal` also catches an optional field missing
// from one side, which assignability allows.
const toReport: Report = null as unknown as Infer<typeof REPORT>
const fromReport: Infer<typeof REPORT> = null as unknown as Report
void [toReport, fromReport]
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false
const sameType: Equal<Infer<typeof REPORT>, Report> = true
void sameType

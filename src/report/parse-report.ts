/**
 * The strict reader of the JSON report (`--format json`), for a report that an earlier run wrote and that is
 * not trusted: a pull request from a fork can forge the file. Every field `Report` declares is checked
 * against a schema written once below, whose inferred type is checked against `Report` at compile time.
 * Fields the schema does not know are ignored (the report may gain fields) and never copied: the result is
 * built from checked values only, so no `__proto__` or other stray key reaches the renderers.
 *
 * Names must fit the grammar cargo and rustc give them (package, crate, feature and profile names, target
 * names without control characters, clean file paths), so that a forged report cannot smuggle text where our
 * own report only ever holds names. Its prose (messages, fixes, reasons, notes) is checked as strings only:
 * `restateReport` replaces all of it before anything is posted.
 */
import { UserError } from '../errors.js'
import { adviceFix, type Fix } from '../findings/finding.js'
import { isJsonObject } from '../json.js'
import { MAX_REPORT_BYTES } from '../limits.js'
import type { Linkage } from '../linkage/dependency-format.js'
import type { CompileKind, CompileMode } from '../model/build-context.js'
import { CRATE_TYPES } from '../model/crate-type.js'
import type { TargetKind } from '../model/metadata.js'
import { codePoint, HIDDEN } from '../text.js'
import { describe, readReportObject } from './json-checks.js'
import type { Report } from './report.js'

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

/** `false` and nothing else: a flag written only where it is off. */
const falseOnly: Schema<false> = {
  expected: 'false',
  check(value, at) {
    if (value !== false) throw new Invalid(at, `expected false, got ${describe(value)}`)
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
      if (!isJsonObject(value)) throw new Invalid(at, `expected an object, got ${describe(value)}`)
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
      if (!isJsonObject(value)) throw new Invalid(at, `expected an object, got ${describe(value)}`)
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
// The members of the model's unions, checked against them at compile time both ways:
// `satisfies` refuses a member the union lacks, `Exhaustive` a member of the union the list lacks.

type Exhaustive<T, L extends readonly T[]> = [T] extends [L[number]] ? true : never

const TARGET_KINDS = ['lib', 'bin', 'example', 'test', 'bench', 'custom-build', 'proc-macro'] as const satisfies readonly TargetKind[]
const COMPILE_MODES = ['build', 'test', 'doctest'] as const satisfies readonly CompileMode[]
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

// ---------------------------------------------------------------------------------------------------------
// Names, checked as cargo and rustc check them. Messages name the first character at fault, never echo the
// value (which may hold anything).

/** A string `problem` accepts (null) or explains: "not a package name: character "<" at position 1 (…)". */
function grammar(expected: string, problem: (value: string) => string | null): Schema<string> {
  return {
    expected,
    check(value, at) {
      const text = string.check(value, at)
      const why = problem(text)
      if (why !== null) throw new Invalid(at, why, false)
      return text
    }
  }
}

/** A character for a message: printable ASCII quoted, anything else as its code point. */
function showChar(c: string): string {
  return /^[!-~]$/.test(c) ? JSON.stringify(c) : codePoint(c)
}

/** The first character of `value` outside `allowed` (a one-character test), as "character "<" at position 3". */
function firstOutside(value: string, allowed: (c: string, i: number) => boolean): string | null {
  let i = 0
  for (const c of value) {
    if (!allowed(c, i)) return `character ${showChar(c)} at position ${i + 1}`
    i++
  }
  return null
}

/** Text that names something: no control character, no line break, nothing that reorders or hides text. */
function plainTextProblem(value: string): string | null {
  if (!HIDDEN.test(value)) return null
  return `${firstOutside(value, c => !HIDDEN.test(c))}: control, line-break and bidi characters are not allowed here`
}

// The whole-name patterns decide; the one-character ones only say where a name went wrong.
const PACKAGE_PART = /^[\p{XID_Start}_][\p{XID_Continue}-]*$/u
const XID_START = /^[\p{XID_Start}_]$/u
const XID_CONTINUE = /^[\p{XID_Continue}-]$/u
const FEATURE = /^[\p{XID_Start}_0-9][\p{XID_Continue}+.-]*$/u
const FEATURE_START = /^[\p{XID_Start}_0-9]$/u
const FEATURE_CONTINUE = /^[\p{XID_Continue}+.-]$/u
const PROFILE = /^[\p{Alphabetic}\p{N}_-]+$/u
const PROFILE_CHAR = /^[\p{Alphabetic}\p{N}_-]$/u

/**
 * Package names as cargo checks them (cargo-util-schemas `restricted_names.rs`, `validate_package_name`):
 * each `::`-separated part starts with a Unicode XID start character or `_` and goes on with XID continue
 * characters or `-`. Cargo sets no length limit (crates.io's 64 is its own).
 */
function packageNameProblem(value: string): string | null {
  for (const part of value.split('::')) {
    if (part === '') return 'not a package name: empty'
    if (PACKAGE_PART.test(part)) continue
    const bad = firstOutside(part, (c, i) => (i === 0 ? XID_START : XID_CONTINUE).test(c))
    return `not a package name: ${bad} (cargo allows Unicode letters, digits, \`-\` and \`_\`)`
  }
  return null
}

/** Crate names as rustc checks them (`validate_crate_name`: `char::is_alphanumeric` or `_`). */
const CRATE_NAME = /^[\p{Alphabetic}\p{N}_]+$/u
/** The shared libraries rustc names for a crate: `libstd-<hash>.so`, `std-1a2b.dll`, `libfoo.dylib`, `libdy-<hash>.so`. */
const LIBRARY_FILE = /^[\p{Alphabetic}\p{N}_]+(?:-(?:<hash>|[0-9A-Za-z]+))?\.[A-Za-z0-9]+$/u

/** What a finding's `crates` and the linkage name: crates, packages (`no-linkable-lib`) and library files. */
function crateProblem(value: string): string | null {
  if (CRATE_NAME.test(value) || LIBRARY_FILE.test(value) || packageNameProblem(value) === null) return null
  const bad = firstOutside(value, c => /^[\p{Alphabetic}\p{N}_.-]$/u.test(c))
  return `not a crate name or shared-library file name${bad === null ? '' : `: ${bad}`}`
}

function libraryFileProblem(value: string): string | null {
  return LIBRARY_FILE.test(value) ? null : 'not a shared-library file name such as `libstd-<hash>.so`, `std-<hash>.dll` or `libfoo.dylib`'
}

/** Target names: cargo refuses only blank ones (and `-` in a lib); here also what would hide or break a line. */
function targetNameProblem(value: string): string | null {
  if (value.trim() === '') return 'a blank target name'
  return plainTextProblem(value)
}

/**
 * Feature names as cargo checks them (`validate_feature_name`): a Unicode XID start character, a digit or `_`,
 * then XID continue characters, `-`, `+` or `.`; on the command line `package/feature` too.
 */
function featureProblem(value: string): string | null {
  const slash = value.indexOf('/')
  if (slash >= 0) {
    const pkg = packageNameProblem(value.slice(0, slash))
    if (pkg !== null) return pkg
  }
  const name = value.slice(slash + 1)
  if (name === '') return 'not a feature name: empty'
  if (FEATURE.test(name)) return null
  const bad = firstOutside(name, (c, i) => (i === 0 ? FEATURE_START : FEATURE_CONTINUE).test(c))
  return `not a feature name: ${bad} (cargo allows Unicode letters, digits, \`_\`, \`-\`, \`+\` and \`.\`)`
}

/**
 * File paths as the analysis writes them: relative to the workspace root with `/`, `../` only in front (a
 * toolchain file above the workspace), or absolute (a registry manifest, a user-level config); no empty, `.`
 * or inner `..` segment, nothing hidden. A published report never opens them; they are shown.
 */
function filePathProblem(value: string): string | null {
  const hidden = plainTextProblem(value)
  if (hidden !== null) return hidden
  const absolute = /^(?:\/\/|\/|[A-Za-z]:\/)/.exec(value)?.[0]
  const segments = value.slice(absolute?.length ?? 0).split('/')
  let leading = absolute === undefined
  for (const segment of segments) {
    if (segment === '..' && leading) continue
    leading = false
    if (segment === '' || segment === '.' || segment === '..') return `not a clean file path: ${segment === '' ? 'an empty' : `a \`${segment}\``} segment`
  }
  return null
}

/** A profile name (`validate_profile_name`): letters, digits, `_` and `-`. */
function profileProblem(value: string): string | null {
  if (value === '') return 'not a profile name: empty'
  if (PROFILE.test(value)) return null
  return `not a profile name: ${firstOutside(value, c => PROFILE_CHAR.test(c))} (cargo allows letters, digits, \`_\` and \`-\`)`
}

const packageName = grammar('a package name', packageNameProblem)
const crate = grammar('a crate name', crateProblem)
const libraryFile = grammar('a shared-library file name', libraryFileProblem)
const targetName = grammar('a target name', targetNameProblem)
const filePath = grammar('a file path', filePathProblem)
const text = grammar('a string', plainTextProblem)
const texts = array(text)
const ruleId = grammar('a rule id', v => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? null : 'not a rule id: lowercase letters, digits and `-` only'))
const version = grammar('a version', v => (/^[0-9A-Za-z.+-]+$/.test(v) ? null : 'not a version: digits, letters, `.`, `+` and `-` only'))
/** `name@version`, as the linkage names packages. */
const packageAtVersion = grammar('a package name and version', v => {
  const at = v.lastIndexOf('@')
  if (at < 0) return 'expected `name@version`'
  return packageNameProblem(v.slice(0, at)) ?? (/^[0-9A-Za-z.+-]+$/.test(v.slice(at + 1)) ? null : 'not a version after `@`')
})

/** The cargo command line: plain text, and the values of `--features` feature names. */
const commandLine: Schema<string[]> = {
  expected: 'an array',
  check(value, at) {
    const args = texts.check(value, at)
    args.forEach((arg, i) => {
      const features = arg === '--features' || arg === '-F' ? args[i + 1] : /^--features=/.test(arg) ? arg.slice('--features='.length) : undefined
      if (features === undefined) return
      const index = arg.startsWith('--features=') ? i : i + 1
      for (const feature of features.split(/[\s,]+/u).filter(f => f !== '')) {
        const problem = featureProblem(feature)
        if (problem !== null) throw new Invalid({ up: at, key: index }, problem, false)
      }
    })
    return args
  }
}

const TOOLCHAIN = object({
  release: text,
  commitHash: text,
  commitDate: optional(text),
  host: text,
  target: text,
  stdInstalled: boolean,
  pin: optional(
    object({
      file: filePath,
      line,
      channel: nullable(text),
      path: nullable(text),
      kind: oneOf(['exact', 'dated', 'floating', 'path'])
    })
  ),
  expected: optional(text)
})

const BOUNDARY = object({
  package: packageName,
  target: targetName,
  kind: targetKind,
  platform: compileKind,
  role: oneOf(['rust-dylib', 'prefer-dynamic', 'links-dynamically', 'plugin', 'plugin-host']),
  panic: PANIC,
  abiFlags: texts
})

const ARTIFACT = object({
  package: packageName,
  version,
  target: targetName,
  kind: targetKind,
  mode: compileMode,
  harness: optional(falseOnly),
  crateType,
  platform: compileKind,
  features: optional(array(text)),
  status: oneOf(['ok', 'error', 'blocked']),
  blockedBy: optional(array(object({ package: packageName, target: targetName, kind: targetKind, mode: compileMode }))),
  preferDynamic: boolean,
  panic: PANIC,
  linkage: array(object({ crate, how: oneOf(LINKAGES), via: optional(crate), package: optional(packageAtVersion) })),
  runtimeLibraries: optional(array(libraryFile)),
  rpath: optional(boolean)
})

/**
 * `crates` holds crate names, package names and shared-library files, except for two rules: the channel, path,
 * target or package a `toolchain-mismatch` requires, and the `crate` an `unused-allow` entry names (any string
 * a policy file holds). Those are plain text.
 */
const CRATE_LIST = array(crate)
const TEXT_CRATES = new Set(['toolchain-mismatch', 'unused-allow'])

const FIX_FIELDS = object({
  title: string,
  kind: oneOf(['manifest-edit', 'command', 'flag', 'advice']),
  verified: boolean,
  edits: optional(array(object({ file: filePath, line, before: string, after: string }))),
  command: optional(texts)
})

/** A fix; reports of version 1 hold each fix as advice text. */
const FIX: Schema<Fix> = {
  expected: 'an object or a string',
  check(value, at) {
    return typeof value === 'string' ? adviceFix(string.check(value, at)) : FIX_FIELDS.check(value, at)
  }
}

/** Reports of version 1 are read as version 2: only their fixes differ, and `FIX` reads them. */
const REPORT_VERSION: Schema<2> = {
  expected: '1 or 2',
  check(value, at) {
    if (value !== 1 && value !== 2) throw new Invalid(at, `expected 1 or 2, got ${describe(value)}`)
    return 2
  }
}

const FINDING_FIELDS = object({
  rule: ruleId,
  severity,
  fingerprint: string,
  package: optional(packageName),
  target: optional(targetName),
  kind: optional(targetKind),
  mode: optional(compileMode),
  harness: optional(falseOnly),
  crateType: optional(crateType),
  platform: optional(compileKind),
  crates: texts,
  message: string,
  fixes: array(FIX),
  inclusion: optional(
    array(
      object({
        chain: CRATE_LIST,
        crate,
        how: oneOf(['static', 'dynamic', 'inside-dylib']),
        file: optional(libraryFile),
        features: optional(
          array(
            object({
              from: count,
              by: oneOf(['feature', 'dependency', 'command-line']),
              package: packageName,
              name: text,
              text,
              file: optional(filePath),
              line: optional(line),
              commandLine: optional(text)
            })
          )
        )
      })
    )
  ),
  startup: optional(object({ inPlace: array(libraryFile), copiedAlone: array(libraryFile), underCargo: array(libraryFile) })),
  file: filePath,
  line,
  related: optional(array(object({ file: filePath, line, message: string }))),
  defaultSeverity: optional(severity),
  allowed: optional(object({ reason: string, file: filePath, line })),
  baseline: optional(oneOf(['new', 'existing']))
})

const FINDING: Schema<Infer<typeof FINDING_FIELDS>> = {
  expected: FINDING_FIELDS.expected,
  check(value, at) {
    const finding = FINDING_FIELDS.check(value, at)
    if (!TEXT_CRATES.has(finding.rule)) CRATE_LIST.check(finding.crates, { up: at, key: 'crates' })
    return finding
  }
}

const REPORT = object({
  version: REPORT_VERSION,
  toolchain: TOOLCHAIN,
  boundaries: array(BOUNDARY),
  workspaceRoot: text,
  invocation: object({ command: grammar('a cargo command', v => (/^[a-z][a-z-]*$/.test(v) ? null : 'not a cargo command')), args: commandLine, profile: grammar('a profile name', profileProblem) }),
  artifacts: array(ARTIFACT),
  findings: array(FINDING, { max: MAX_FINDINGS }),
  notes: strings,
  policy: optional(object({ file: filePath, severities: record(oneOf([...SEVERITIES, 'off'])), allowEntries: count, allowed: count })),
  baseline: optional(object({ file: text, new: count, existing: count, fixed: count })),
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

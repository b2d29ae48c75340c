import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { HELP_TEXT, parseCliArgs } from '../src/cli/args.js'
import { mergeCargoConfig, requestedTarget, type CargoConfig } from '../src/config/cargo-config.js'
import { resolveProfile } from '../src/config/profiles.js'
import { describeError, UserError } from '../src/errors.js'
import { addedLines } from '../src/github/diff.js'
import { parseActionInputs } from '../src/inputs.js'
import { parseMetadata, validateMetadata } from '../src/metadata/parse.js'
import { parseBaseline } from '../src/policy/baseline.js'
import { parsePolicy } from '../src/policy/policy.js'
import { parseReport } from '../src/report/parse-report.js'
import { RULES } from '../src/rules/registry.js'
import { parseTomlDocument, type TomlDocument } from '../src/toml/document.js'
import { parseToolchainFile } from '../src/toolchain/pin.js'
import { withBuiltinsGuarded } from './support/builtins.js'
import { makeFinding, makeReport } from './support/reports.js'
import { CORPUS, corpusFile } from './support/corpus.js'

/**
 * Property-based fuzzing of every reader of user input: whatever the input, a reader returns a value or throws a
 * `UserError` whose message is one line without a stack frame. `npm test` runs each property 200 times;
 * `npm run test:long` sets FUZZ_RUNS=10000. A failure prints fast-check's seed and path; FUZZ_SEED (and
 * FUZZ_PATH) replay it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const TIMEOUT = Math.max(120_000, RUNS * 60)

function params(): fc.Parameters<unknown> {
  const p: fc.Parameters<unknown> = { numRuns: RUNS }
  if (process.env.FUZZ_SEED !== undefined) p.seed = Number(process.env.FUZZ_SEED)
  if (process.env.FUZZ_PATH !== undefined) p.path = process.env.FUZZ_PATH
  return p
}

function check<Ts extends [unknown, ...unknown[]]>(...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...values: Ts) => void]): void {
  fc.assert(fc.property(...(args as unknown as Parameters<typeof fc.property>)), params())
}

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

// ---------------------------------------------------------------------------------------------------------
// What every property checks

/**
 * The property every reader must have: it returns, or throws a UserError shown as one line (no stack frame, not
 * empty); and it never writes onto a built-in object. `named` checks what the line must name.
 */
function onlyUserErrors(run: () => unknown, named?: RegExp): void {
  const { error, threw, changed } = withBuiltinsGuarded(run)
  if (changed.length > 0) throw new Error(`wrote onto built-in objects: ${changed.join(', ')}`)
  if (!threw) return
  if (!(error instanceof UserError)) {
    const e = error instanceof Error ? error : new Error(String(error))
    const frame = e.stack?.split('\n').find(l => /^\s+at /.test(l))?.trim() ?? ''
    throw new Error(`threw ${e.name}, not a UserError: ${e.message.slice(0, 200)} (${frame})`)
  }
  if (/^\s+at .+/m.test(error.message)) throw new Error(`a stack frame in the message: ${error.message.slice(0, 300)}`)
  const line = describeError(error).message
  if (line === '' || /[\r\n]/.test(line)) throw new Error(`not one line: ${JSON.stringify(line.slice(0, 300))}`)
  if (named !== undefined && !named.test(line)) throw new Error(`the message does not name the ${named}: ${line.slice(0, 300)}`)
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), fc.string({ maxLength: 50 }))

// ---------------------------------------------------------------------------------------------------------
// Metadata

const HYPER_FILE = corpusFile('guppy-hyper-util-7afb1ed.json')
const HYPER_TEXT = fs.readFileSync(HYPER_FILE, 'utf8')
const HYPER: unknown = JSON.parse(HYPER_TEXT)
const SRC = 'hyper-util.json'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A step down the document: an index into an array, a key of an object, chosen by a number. */
function childKey(container: Json, seed: number): string | number | null {
  if (Array.isArray(container)) return container.length === 0 ? null : seed % container.length
  if (container !== null && typeof container === 'object') {
    const keys = Object.keys(container)
    return keys.length === 0 ? null : keys[seed % keys.length]!
  }
  return null
}

/** Copy-on-write update of the value at a path chosen by `seeds` (stopping where the document ends). */
function updateAt(root: Json, seeds: readonly number[], update: (parent: Json[] | { [key: string]: Json }, key: string | number) => void): Json {
  const walk = (node: Json, depth: number): Json => {
    const key = childKey(node, seeds[depth] ?? 0)
    if (key === null) return node
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Json[] & { [key: string]: Json }
    const child = (copy as Record<string | number, Json>)[key]!
    const isContainer = child !== null && typeof child === 'object'
    if (depth + 1 >= seeds.length || !isContainer || childKey(child, seeds[depth + 1] ?? 0) === null) update(copy, key)
    else (copy as Record<string | number, Json>)[key] = walk(child, depth + 1)
    return copy
  }
  return walk(root, 0)
}

/** A value of another JSON type than `value`, made from it (a string for a number, an array for a string, …). */
function retyped(value: Json, variant: number): Json {
  const options: Json[] = [null, true, 0, -1, 1.5, '', 'x', [], {}, [value], { value }, String(JSON.stringify(value)).slice(0, 20)]
  const sameType = (v: Json): boolean => (Array.isArray(v) ? Array.isArray(value) : v === null ? value === null : typeof v === typeof value && !Array.isArray(value) && value !== null)
  const others = options.filter(o => !sameType(o))
  return others[variant % others.length]!
}

type Mutation = { seeds: number[]; op: 'delete' | 'replace' | 'retype' | 'truncate' | 'duplicate' | 'add-unread'; value: Json; variant: number }

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
  op: fc.constantFrom('delete', 'replace', 'retype', 'truncate', 'duplicate', 'add-unread'),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  variant: fc.nat()
})

function applyMutation(doc: Json, m: Mutation): Json {
  return updateAt(doc, m.seeds, (parent, key) => {
    const p = parent as Record<string | number, Json>
    const old = p[key]!
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete p[key]
        break
      case 'replace':
        p[key] = m.value
        break
      case 'retype':
        p[key] = retyped(old, m.variant)
        break
      case 'truncate':
        if (Array.isArray(old)) p[key] = old.slice(0, m.variant % (old.length + 1))
        else if (typeof old === 'string') p[key] = old.slice(0, m.variant % (old.length + 1))
        else p[key] = null
        break
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(old)
        else p[key] = [old, old]
        break
      case 'add-unread':
        if (old !== null && typeof old === 'object' && !Array.isArray(old)) p[key] = { ...old, [`x-unread-${m.variant}`]: m.value }
        break
    }
  })
}

/**
 * Adds keys no reader looks at to objects of the document: a valid document stays valid. A package's
 * `features` table is left alone: its keys are feature names, all read.
 */
function addUnread(doc: Json, seeds: number[], value: Json, variant: number): Json {
  return updateAt(doc, seeds, (parent, key) => {
    const p = parent as Record<string | number, Json>
    const target = p[key]!
    if (key === 'features') return
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) p[key] = { ...target, [`x-unread-${variant}`]: value }
  })
}

describe('parseMetadata', () => {
  it('arbitrary JSON values: only one-line MetadataErrors', () => {
    check(fc.jsonValue() as fc.Arbitrary<Json>, value => onlyUserErrors(() => parseMetadata(JSON.stringify(value), SRC), /^hyper-util\.json: /))
  }, TIMEOUT)

  it('arbitrary strings: only one-line MetadataErrors', () => {
    check(anyText, text => onlyUserErrors(() => parseMetadata(text, SRC), /^hyper-util\.json: /))
  }, TIMEOUT)

  it('JSON-shaped objects with the keys cargo metadata has, and values of any type', () => {
    const key = fc.constantFrom('version', 'packages', 'workspace_members', 'workspace_default_members', 'workspace_root', 'target_directory', 'resolve', 'nodes', 'root', 'id', 'name', 'targets', 'kind', 'crate_types', 'src_path', 'deps', 'dep_kinds', 'pkg', 'features', 'dependencies', 'target', 'manifest_path', 'publish', 'test', 'required-features')
    const shaped = fc.letrec<{ value: Json }>(tie => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom<Json>(1, 0, null, true, '', 'lib', 'bin', 'proc-macro', 'dev', 'build', 'path+file:///w#0.1.0', 'cfg(unix)', 'cfg(', []),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 6 })
      )
    })).value
    check(shaped, value => onlyUserErrors(() => parseMetadata(JSON.stringify(value), SRC), /^hyper-util\.json: /))
  }, TIMEOUT)

  it('mutations of a real corpus file (fields dropped, replaced, retyped, truncated, duplicated): only one-line MetadataErrors', () => {
    check(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), mutations => {
      const doc = mutations.reduce<Json>((d, m) => applyMutation(d, m), HYPER as Json)
      onlyUserErrors(() => validateMetadata(doc, SRC), /^hyper-util\.json: /)
    })
  }, TIMEOUT)

  it('the corpus file cut anywhere: only one-line MetadataErrors', () => {
    check(fc.nat({ max: HYPER_TEXT.length }), at => onlyUserErrors(() => parseMetadata(HYPER_TEXT.slice(0, at), SRC), /^hyper-util\.json: /))
  }, TIMEOUT)

  it('valid inputs still parse: unread keys added anywhere, and every corpus file', () => {
    for (const file of fs.readdirSync(CORPUS).filter(f => f.endsWith('.json') && !f.includes('resolve-null'))) {
      expect(parseMetadata(fs.readFileSync(corpusFile(file), 'utf8'), file).packages.size).toBeGreaterThan(0)
    }
    const packages = (HYPER as { packages: unknown[] }).packages.length
    check(fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.nat()), { minLength: 1, maxLength: 5 }), additions => {
      const doc = additions.reduce<Json>((d, [seeds, value, variant]) => addUnread(d, seeds, value, variant), HYPER as Json)
      expect(validateMetadata(doc, SRC).packages.size).toBe(packages)
    })
  }, TIMEOUT)
})

// ---------------------------------------------------------------------------------------------------------
// TOML readers

/** Keys the readers know, and a few others. */
const KNOWN_KEYS = [
  'exact-toolchain', 'rules', 'allow', 'rule', 'reason', 'package', 'target', 'crate', 'expires',
  ...RULES.map(r => r.id),
  'toolchain', 'channel', 'path', 'profile', 'components', 'targets',
  'build', 'rustflags', 'include', 'optional', 'release', 'dev', 'test', 'panic', 'lto', 'rpath', 'inherits', 'x86_64-unknown-linux-gnu', 'cfg(unix)'
]
/** Keys that name properties of every JavaScript object. */
const BUILTIN_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'name', 'length']

/** fast-check's strings favour names such as `toString` and `__proto__`; the first properties leave those to the last one. */
const notBuiltin = (key: string): boolean => key !== '__proto__' && !(key in Object.prototype) && !(key in Function.prototype) && !(key in Array.prototype)

const keyArb = (builtins: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...KNOWN_KEYS), weight: 6 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), weight: 2 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    ...(builtins ? [{ arbitrary: fc.constantFrom(...BUILTIN_KEYS), weight: 6 }] : [])
  ).filter(key => builtins || notBuiltin(key))

/** A TOML date-time, kept as its source text (the TOML reader keeps it so too). */
class TomlDate {
  constructor(readonly text: string) {}
}
type TomlLike = string | number | boolean | TomlDate | TomlLike[] | { [key: string]: TomlLike }

const scalarArb: fc.Arbitrary<TomlLike> = fc.oneof(
  fc.constantFrom<TomlLike>('error', 'warning', 'note', 'off', 'fatal', '', ' ', '1.95.0', 'stable', 'nightly-2026-05-20', '/opt/rust', 'rel/path', 'a.toml', '../b.toml', 'x.json', 'abort', 'unwind', 'fat', 'thin', 'release', 'dev', '-C prefer-dynamic', 'x86_64-unknown-linux-gnu', '2027-06-30', '2027-02-30', 'minimal'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(new TomlDate('2027-06-30'), new TomlDate('12:00:00'), new TomlDate('1979-05-27T07:32:00Z'), new TomlDate('2027-06-30T12:00:00'))
)

const valueArb = (builtins: boolean): fc.Arbitrary<TomlLike> =>
  fc.letrec<{ value: TomlLike }>(tie => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      scalarArb,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(keyArb(builtins), tie('value'), { maxKeys: 4, noNullPrototype: true })
    )
  })).value

const tableArb = (builtins: boolean): fc.Arbitrary<{ [key: string]: TomlLike }> => fc.dictionary(keyArb(builtins), valueArb(builtins), { maxKeys: 6, noNullPrototype: true })

function renderKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)
}

function renderInline(value: TomlLike): string {
  if (value instanceof TomlDate) return value.text
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : Number.isInteger(value) && !Object.is(value, -0) ? String(value) : value.toExponential()
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(renderInline).join(', ')}]`
  return `{ ${Object.entries(value).map(([k, v]) => `${renderKey(k)} = ${renderInline(v)}`).join(', ')} }`
}

const isTable = (v: TomlLike): v is { [key: string]: TomlLike } => typeof v === 'object' && !Array.isArray(v) && !(v instanceof TomlDate)

/** Renders a table as a TOML document: plain values as `key = value`, tables as `[headers]`, arrays of tables as `[[headers]]`. */
function renderDocument(table: { [key: string]: TomlLike }, prefix: string[] = [], style = 0): string {
  const lines: string[] = []
  const sections: string[] = []
  Object.entries(table).forEach(([key, value], i) => {
    const header = [...prefix, key].map(renderKey).join('.')
    if (isTable(value) && (style + i) % 3 !== 0) {
      sections.push(`[${header}]\n${renderDocument(value, [...prefix, key], style + 1)}`)
    } else if (Array.isArray(value) && value.length > 0 && value.every(isTable) && (style + i) % 2 === 0) {
      for (const element of value) sections.push(`[[${header}]]\n${renderDocument(element as { [key: string]: TomlLike }, [...prefix, key], style + 1)}`)
    } else {
      lines.push(`${renderKey(key)} = ${renderInline(value)}`)
    }
  })
  return [...lines, ...sections].join('\n') + '\n'
}

/** Documents shaped like each file the readers take, with random values in the right places and random keys. */
const documentArb = (builtins: boolean): fc.Arbitrary<string> => {
  const table = tableArb(builtins)
  const value = valueArb(builtins)
  const shaped = fc.oneof(
    table,
    fc.record({ 'exact-toolchain': value, rules: table, allow: fc.array(table, { maxLength: 3 }) }, { requiredKeys: [] }),
    fc.record({ toolchain: table }),
    fc.record({ build: table, target: table, profile: fc.dictionary(fc.constantFrom('dev', 'release', 'test', 'ci', 'bench'), table, { maxKeys: 3, noNullPrototype: true }), include: value }, { requiredKeys: [] })
  )
  return fc.tuple(shaped, fc.nat()).map(([t, style]) => renderDocument(t as { [key: string]: TomlLike }, [], style))
}

const CONFIG = '/w/.cargo/config.toml'

/** Every TOML reader on one text; none may throw anything but a one-line UserError. */
function readAllToml(text: string, extra: { include?: string; cli?: string[] } = {}): void {
  onlyUserErrors(() => parseTomlDocument(text, 'Cargo.toml'), /Cargo\.toml/)
  onlyUserErrors(() => parsePolicy(text, 'policy.toml'), /policy\.toml/)
  onlyUserErrors(() => parseToolchainFile(text, '/r/rust-toolchain.toml'), /rust-toolchain\.toml/)
  onlyUserErrors(() => parseToolchainFile(text, '/r/rust-toolchain'), /rust-toolchain/)
  const merged: { config?: CargoConfig } = {}
  onlyUserErrors(() => {
    merged.config = mergeCargoConfig([{ path: CONFIG, text }], {
      cli: extra.cli ?? [],
      includes: new Map(extra.include === undefined ? [] : [['/w/.cargo/a.toml', extra.include], ['/w/b.toml', extra.include]])
    })
  })
  const config = merged.config
  if (config !== undefined) {
    onlyUserErrors(() => requestedTarget(config, null, '/w'))
    let manifest: TomlDocument | null = null
    try {
      manifest = parseTomlDocument(text, 'Cargo.toml')
    } catch {
      // Checked above.
    }
    for (const profile of ['dev', 'release', 'test', 'ci']) {
      onlyUserErrors(() => resolveProfile(profile, { manifest, manifestFile: 'Cargo.toml', config, env: {} }))
    }
  }
}

describe('TOML readers (parseTomlDocument, parsePolicy, parseToolchainFile, mergeCargoConfig, profiles)', () => {
  it('arbitrary strings: only one-line UserErrors naming the file', () => {
    check(anyText, text => readAllToml(text))
  }, TIMEOUT)

  it('TOML-ish strings (fragments of real syntax, shuffled): only one-line UserErrors', () => {
    const fragment = fc.constantFrom('[', ']', '[[', ']]', '=', ' = ', '"', "'", '"""', "'''", '\n', '\r\n', '#', ',', '{', '}', '.', 'rules', 'allow', 'toolchain', 'build', 'profile', 'channel', '"stable"', '1', '1.0', 'true', 'inf', 'nan', '2027-06-30', 'T12:00:00Z', '\\u0041', '\\', '\u0000', '\ufeff', 'é')
    check(fc.array(fragment, { maxLength: 40 }), parts => readAllToml(parts.join('')))
  }, TIMEOUT)

  it('generated documents with the keys the readers know (fc.dictionary rendered as TOML): only one-line UserErrors', () => {
    check(documentArb(false), documentArb(false), fc.array(fc.oneof(fc.constantFrom('build.target="x86_64-unknown-linux-gnu"', 'build.rustflags=["-Cx"]', 'profile.release.lto=true', 'build.target=', '[build]', 'a=1\nb=2'), fc.string({ maxLength: 20 })), { maxLength: 3 }), (text, include, cli) =>
      readAllToml(text, { include, cli })
    )
  }, TIMEOUT)

  it('generated documents whose keys include __proto__, constructor and other built-in names: nothing is written onto built-in objects', () => {
    check(documentArb(true), text => readAllToml(text))
  }, TIMEOUT)
})

// ---------------------------------------------------------------------------------------------------------
// Baselines

const findingArb = fc.record(
  {
    rule: fc.oneof(fc.constantFrom(...RULES.map(r => r.id)), fc.jsonValue()),
    fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.jsonValue()),
    crates: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.jsonValue()),
    package: fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue()),
    target: fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue()),
    kind: fc.oneof(fc.constantFrom('bin', 'lib', 'cdylib'), fc.jsonValue()),
    mode: fc.oneof(fc.constantFrom('build', 'test'), fc.jsonValue()),
    crateType: fc.oneof(fc.constantFrom('bin', 'dylib'), fc.jsonValue()),
    platform: fc.oneof(fc.constantFrom('target', 'host'), fc.jsonValue())
  },
  { requiredKeys: [] }
)

describe('parseBaseline', () => {
  it('arbitrary JSON, arbitrary strings and report-shaped objects: only one-line UserErrors naming the file', () => {
    const reportShaped = fc
      .record({ version: fc.oneof(fc.constant(1), fc.jsonValue()), findings: fc.oneof(fc.array(findingArb, { maxLength: 4 }), fc.jsonValue()), runs: fc.jsonValue() }, { requiredKeys: [] })
      .map(r => JSON.stringify(r))
    const text = fc.oneof(anyText, fc.jsonValue().map(v => JSON.stringify(v)), reportShaped, reportShaped.map(t => `\ufeff${t}`))
    check(text, t => onlyUserErrors(() => parseBaseline(t, 'base.json'), /^base\.json: /))
  }, TIMEOUT)

  it('real reports cut anywhere: only one-line UserErrors; uncut they parse, one fingerprint per finding', () => {
    check(fc.array(fc.record({ rule: fc.constantFrom(...RULES.map(r => r.id)), package: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,5}$/), crates: fc.array(fc.stringMatching(/^[A-Za-z0-9_]{1,6}$/), { maxLength: 3 }) }), { maxLength: 5 }), fc.nat(), fc.boolean(), (findings, cut, dropFingerprints) => {
      const report = makeReport({ findings: findings.map(f => makeFinding(f)) })
      const text = JSON.stringify(report, (key, value) => (dropFingerprints && key === 'fingerprint' ? undefined : value), 2)
      expect(parseBaseline(text, 'base.json').fingerprints).toHaveLength(findings.length)
      onlyUserErrors(() => parseBaseline(text.slice(0, cut % text.length), 'base.json'), /^base\.json: /)
    })
  }, TIMEOUT)
})

describe('parseReport', () => {
  const realReport = fc
    .array(fc.record({ rule: fc.constantFrom(...RULES.map(r => r.id)), package: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,5}$/), crates: fc.array(fc.stringMatching(/^[A-Za-z0-9_]{1,6}$/), { maxLength: 3 }) }), { maxLength: 5 })
    .map(findings => makeReport({ findings: findings.map(f => makeFinding(f)) }))

  it('arbitrary JSON and strings: only one-line UserErrors naming the file', () => {
    check(fc.oneof(anyText, fc.jsonValue().map(v => JSON.stringify(v))), t => onlyUserErrors(() => parseReport(t, 'report.json'), /^report\.json: /))
  }, TIMEOUT)

  it('real reports with one value replaced anywhere, or cut anywhere: the report back, or only one-line UserErrors', () => {
    check(realReport, fc.nat(), fc.jsonValue(), fc.nat(), (report, at, value, cut) => {
      let values = 0
      const text = JSON.stringify(report, (_key, v: unknown) => (values++, v))
      expect(JSON.stringify(parseReport(text, 'report.json'))).toBe(text)
      // The `at`-th value of the document (in JSON.stringify's order) becomes `value`.
      let seen = 0
      const edited = JSON.stringify(report, (_key, v: unknown) => (seen++ === at % values ? value : v))
      onlyUserErrors(() => parseReport(edited, 'report.json'), /^report\.json: /)
      onlyUserErrors(() => parseReport(text.slice(0, cut % text.length), 'report.json'), /^report\.json: /)
    })
  }, TIMEOUT)
})

// ---------------------------------------------------------------------------------------------------------
// Action inputs and CLI arguments

const INPUT_NAMES = [...fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8').split(/^outputs:/m)[0]!.matchAll(/^ {2}([a-z][a-z-]*):\s*$/gm)].map(m => m[1]!)

describe('parseActionInputs', () => {
  it('reads the inputs of action.yml', () => {
    expect(INPUT_NAMES).toEqual(expect.arrayContaining(['workspace', 'fail-on', 'comment-key', 'rust-toolchain', 'report-path']))
  })

  it('arbitrary input maps: settings, or one-line UserErrors naming an input', () => {
    const value = fc.oneof(
      fc.constantFrom('', 'true', 'false', 'True', 'FALSE', 'yes', '1', 'build', 'test', 'error', 'warning', 'never', 'off', 'always', 'on-findings', 'release', 'dev', 'doc', 'stable', '1.95.0', '/opt/rust', 'a,b', 'a b\nc', 'x86_64-unknown-linux-gnu', ' 300 ', '0', '86401', 'default', 'k'.repeat(101)),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 })
    )
    check(fc.dictionary(fc.constantFrom(...INPUT_NAMES), value, { noNullPrototype: true }), inputs =>
      onlyUserErrors(() => parseActionInputs(name => inputs[name] ?? ''), /inputs? `[a-z-]+`/)
    )
  }, TIMEOUT)
})

const LONG_FLAGS = [...new Set([...HELP_TEXT.matchAll(/--[a-z][a-z-]*/g)].map(m => m[0]))]
const SHORT_FLAGS = [...new Set([...HELP_TEXT.matchAll(/(?<![\w-])-[A-Za-z](?![\w-])/g)].map(m => m[0]))]

describe('parseCliArgs', () => {
  it('finds the flags in the help text', () => {
    expect(LONG_FLAGS).toEqual(expect.arrayContaining(['--package', '--workspace', '--format', '--metadata-file', '--fail-on']))
    expect(SHORT_FLAGS).toEqual(expect.arrayContaining(['-p', '-F', '-r', '-h', '-V']))
  })

  it('arbitrary argv from real flag names and random values: options, or one-line UserErrors', () => {
    const value = fc.oneof(fc.constantFrom('', '-', 'json', 'text', 'sarif', 'error', 'never', 'build', 'test', 'always', 'release', 'dev', 'doc', 'a,b', 'app', 'x86_64-unknown-linux-gnu', 'p.toml', 'build.jobs=1'), fc.string({ maxLength: 12 }))
    const arg = fc.oneof(
      { arbitrary: fc.constantFrom(...LONG_FLAGS, ...SHORT_FLAGS), weight: 5 },
      { arbitrary: fc.tuple(fc.constantFrom(...LONG_FLAGS), value).map(([f, v]) => `${f}=${v}`), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom(...SHORT_FLAGS), value).map(([f, v]) => `${f}${v}`), weight: 1 },
      { arbitrary: fc.array(fc.constantFrom(...SHORT_FLAGS.map(s => s.slice(1))), { minLength: 2, maxLength: 4 }).map(cs => `-${cs.join('')}`), weight: 1 },
      { arbitrary: value, weight: 4 },
      { arbitrary: fc.constantFrom('--', '-', '---', '--=', '-=', '--jobs', '-j', '-Z', '--workspac', '--FORMAT'), weight: 1 }
    )
    check(fc.array(arg, { maxLength: 10 }), fc.boolean(), (argv, colorTerminal) => onlyUserErrors(() => parseCliArgs(argv, { colorTerminal }), /`/))
  }, TIMEOUT)
})

// ---------------------------------------------------------------------------------------------------------
// Pull-request patches

const isAscending = (lines: number[]): boolean => lines.every((n, i) => i === 0 || n > lines[i - 1]!)

describe('addedLines', () => {
  it('arbitrary text: never throws, returns non-negative integers', () => {
    check(anyText, patch => {
      const lines = addedLines(patch)
      expect(lines.every(n => Number.isInteger(n) && n >= 0)).toBe(true)
    })
  }, TIMEOUT)

  it('patch-shaped text (random hunk headers and lines): never throws, returns ascending line numbers', () => {
    const header = fc
      .tuple(fc.nat({ max: 200 }), fc.option(fc.nat({ max: 20 })), fc.nat({ max: 200 }), fc.option(fc.nat({ max: 20 })), fc.constantFrom('', ' fn main() {'))
      .map(([a, b, c, d, ctx]) => `@@ -${a}${b === null ? '' : `,${b}`} +${c}${d === null ? '' : `,${d}`} @@${ctx}`)
    const line = fc.tuple(fc.constantFrom('+', '-', ' ', '\\', '', '@', 'd'), fc.string({ maxLength: 8 })).map(([t, s]) => `${t}${s}`)
    const hunk = fc.tuple(header, fc.array(line, { maxLength: 6 })).map(([h, body]) => [h, ...body])
    check(fc.array(hunk, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (hunks, eol) => {
      const result = addedLines(hunks.flat().join(eol))
      expect(result.every(n => Number.isInteger(n) && n >= 0)).toBe(true)
      expect({ ascending: isAscending(result), result }).toEqual({ ascending: true, result })
    })
  }, TIMEOUT)

  it('well-formed patches: exactly the added lines of the new side, ascending', () => {
    const hunk = fc.record({ gap: fc.nat({ max: 20 }), lines: fc.array(fc.tuple(fc.constantFrom('+', '-', ' ') as fc.Arbitrary<'+' | '-' | ' '>, fc.string({ maxLength: 6 }).filter(s => !s.includes('\n'))), { minLength: 1, maxLength: 12 }) })
    check(fc.array(hunk, { maxLength: 5 }), fc.boolean(), (hunks, stripSpace) => {
      let oldLine = 1
      let newLine = 1
      const text: string[] = ['diff --git a/f b/f', '--- a/f', '+++ b/f']
      const expected: number[] = []
      for (const h of hunks) {
        oldLine += h.gap
        newLine += h.gap
        const oldCount = h.lines.filter(([t]) => t !== '+').length
        const newCount = h.lines.filter(([t]) => t !== '-').length
        text.push(`@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`)
        let n = newLine
        for (const [tag, body] of h.lines) {
          // A context line whose leading space was stripped (an empty line) still counts as context.
          text.push(tag === ' ' && stripSpace && body === '' ? '' : `${tag}${body}`)
          if (tag === '+') expected.push(n)
          if (tag !== '-') n++
        }
        oldLine += oldCount
        newLine += newCount
      }
      text.push('\\ No newline at end of file')
      expect(addedLines(text.join('\n'))).toEqual(expected)
      expect(isAscending(expected)).toBe(true)
    })
  }, TIMEOUT)
})

import { adviceFix } from '../src/findings/finding.js'
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { loadPolicy } from '../src/gather/policy-files.js'
import { COMMENT_BODY_LIMIT, commentMarker, fitCommentBody } from '../src/github/comment.js'
import { MAX_REPORT_BYTES } from '../src/limits.js'
import { parseBaseline } from '../src/policy/baseline.js'
import { applyGate } from '../src/policy/gate.js'
import { parsePolicy } from '../src/policy/policy.js'
import { renderComment } from '../src/report/comment.js'
import { reportJsonText } from '../src/report/json.js'
import { checkReportSize, MAX_FINDINGS, MAX_STRING_LENGTH, parseReport } from '../src/report/parse-report.js'
import type { Report } from '../src/report/report.js'
import { restateReport } from '../src/report/restate.js'
import { renderSummary, SUMMARY_BUDGET } from '../src/report/summary.js'
import { analyzeWorkspace } from '../src/run.js'
import { corpusFile } from './support/corpus.js'
import { acceptedAs } from './support/hostile-strings.js'
import { gated, makeArtifact, makeFinding, makeReport } from './support/reports.js'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const REPO = path.resolve(HERE, '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const EXAMPLE = path.join(REPO, 'examples', 'plugin-engine')
const FIXTURES = path.join(HERE, 'fixtures')

const env = (): Record<string, string | undefined> => ({ ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined })

async function analyse(dir: string, args: string[] = [], extra: Partial<Parameters<typeof analyzeWorkspace>[0]> = {}): Promise<Report> {
  return gated(await analyzeWorkspace({ manifestPath: path.join(dir, 'Cargo.toml'), invocation: parseCliArgs(args).invocation, env: env(), cwd: dir, ...extra }))
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const clean = { ...process.env }
  for (const k of Object.keys(clean)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k === 'RUSTFLAGS') delete clean[k]
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, env: clean, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const write = (report: Report): string => reportJsonText(report)

/** Reads the report back: equal as JSON to what was written, and written again byte for byte the same. */
function roundTrip(report: Report): Report {
  const text = write(report)
  const read = parseReport(text, 'report.json')
  expect(read).toEqual(JSON.parse(text))
  expect(read).toEqual(report)
  expect(write(read)).toBe(text)
  return read
}

function parseError(text: string, file = 'report.json'): string {
  try {
    parseReport(text, file)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message).not.toMatch(/[\r\n]/)
    expect(message.startsWith(`${file}: `)).toBe(true)
    return message
  }
  throw new Error('expected a UserError')
}

/** A report with every optional field of every part set. */
function fullReport(): Report {
  const findings = [
    makeFinding({
      inclusion: [
        { chain: ['app', 'dy'], crate: 'std', how: 'inside-dylib' },
        { chain: ['app'], crate: 'std', how: 'dynamic', file: 'libstd-0123.so' }
      ],
      related: [{ file: 'Cargo.toml', line: 6, message: '`dy` in `[workspace.dependencies]`' }],
      defaultSeverity: 'warning',
      baseline: 'new'
    }),
    makeFinding({ package: 'plugin', target: 'plugin', allowed: { reason: 'loaded with dlopen', file: '.github/rust-linkage.toml', line: 3 }, baseline: 'existing' }),
    makeFinding({ rule: 'toolchain-unpinned', severity: 'note', package: undefined, target: undefined, kind: undefined, mode: undefined, crateType: undefined, platform: undefined, crates: [] }),
    makeFinding({ rule: 'runtime-dylib', severity: 'warning', crates: ['libdy.so'], fixes: [] })
  ]
  return makeReport({
    toolchain: {
      release: '1.95.0',
      commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
      commitDate: '2026-04-14',
      host: 'x86_64-unknown-linux-gnu',
      target: 'aarch64-unknown-linux-gnu',
      stdInstalled: false,
      pin: { file: 'rust-toolchain.toml', line: 2, channel: '1.95.0', path: null, kind: 'exact' },
      expected: '1.95.0'
    },
    boundaries: [{ package: 'dy', target: 'dy', kind: 'lib', platform: 'target', role: 'rust-dylib', panic: 'unwind', abiFlags: ['-C target-feature=+avx2'] }],
    artifacts: [
      makeArtifact({
        status: 'blocked',
        blockedBy: [{ package: 'dy', target: 'dy', kind: 'lib', mode: 'build' }],
        linkage: [
          { crate: 'std', how: 'dynamic' },
          { crate: 'core', how: 'included-from-dylib', via: 'std' },
          { crate: 'dy', how: 'dynamic', package: 'dy@0.1.0' },
          { crate: 'unused', how: 'not-linked', package: 'unused@1.0.0' }
        ],
        runtimeLibraries: ['libdy.so', 'libstd-0123.so'],
        rpath: true
      }),
      makeArtifact({ package: 'dy', target: 'dy', kind: 'lib', crateType: 'dylib', mode: 'test', platform: 'host', panic: 'abort', preferDynamic: true })
    ],
    findings,
    notes: ['Reduced mode: `dep_kinds` missing.'],
    policy: { file: '.github/rust-linkage.toml', severities: { 'runtime-dylib': 'warning', 'toolchain-unpinned': 'off' }, allowEntries: 2, allowed: 1 },
    baseline: { file: 'base.json', new: 1, existing: 1, fixed: 2 },
    gate: { failOn: 'warning', verdict: 'fail', failing: 2 }
  })
}

describe('parseReport reads back what reportJson writes', () => {
  it('a hand-built report with every optional field', () => {
    roundTrip(fullReport())
  })

  it('the smallest report', () => {
    roundTrip(makeReport())
  })

  it('the plugin-engine example: boundaries, inclusion paths, runtime libraries', async () => {
    const report = await analyse(EXAMPLE)
    expect(report.boundaries.length).toBeGreaterThan(0)
    expect(report.findings.some(f => (f.inclusion ?? []).length > 0)).toBe(true)
    roundTrip(report)
  })

  it('a blocked artifact (blockedBy)', async () => {
    const report = await analyse(path.join(FIXTURES, 'workspaces', 'panic-abort-dylib'), ['-p', 'app'])
    expect(report.artifacts.some(a => a.blockedBy !== undefined)).toBe(true)
    roundTrip(report)
  })

  it('a `workspace = true` dependency (related locations)', async () => {
    const report = await analyse(path.join(FIXTURES, 'locations'), ['-p', 'app'])
    expect(report.findings.some(f => f.related !== undefined)).toBe(true)
    roundTrip(report)
  })

  it('a toolchain pin and the policy’s exact-toolchain (pin, expected)', async () => {
    const root = path.join(FIXTURES, 'policy-rules')
    const dir = path.join(root, 'pinned-dylib')
    const policy = loadPolicy({ policy: path.join(root, 'exact-toolchain.toml'), defaultPolicy: null, cwd: root, searchFrom: dir })
    const report = await analyse(dir, ['-p', 'app'], { policy })
    expect(report.toolchain.pin).toMatchObject({ file: 'rust-toolchain.toml', kind: 'exact' })
    expect(report.toolchain.expected).toBeDefined()
    roundTrip(report)
  })

  it('with a policy and a baseline applied (policy, baseline, allowed, defaultSeverity)', async () => {
    const analysed = await analyse(EXAMPLE)
    const base = { ...analysed, findings: [] }
    const policy = parsePolicy('[rules]\nduplicate-linkage = "warning"\n\n[[allow]]\nrule = "duplicate-linkage"\nreason = "loaded with dlopen"\n', 'policy.toml')
    const report = applyGate(analysed, {
      failOn: 'warning',
      policy: { policy, file: '.github/rust-linkage.toml' },
      baseline: parseBaseline(write(base), 'base.json'),
      today: '2026-11-21'
    })
    expect(report.policy?.allowed).toBeGreaterThan(0)
    expect(report.baseline).toBeDefined()
    expect(report.findings.some(f => f.allowed !== undefined)).toBe(true)
    expect(report.findings.some(f => f.defaultSeverity !== undefined)).toBe(true)
    const read = roundTrip(report)
    expect(renderSummary(read)).toBe(renderSummary(report))
    expect(renderComment(read, { runUrl: null })).toBe(renderComment(report, { runUrl: null }))
  })

  it('the CLI bundle’s report of the example (exit 1 on findings)', () => {
    const r = cli(['--format', 'json', '--manifest-path', 'examples/plugin-engine/Cargo.toml'])
    expect(r.status).toBe(1)
    const read = parseReport(r.stdout, 'report.json')
    expect(read).toEqual(JSON.parse(r.stdout))
    expect(write(read)).toBe(r.stdout)
  })

  it.each(['rules_rust-crate-types.json', 'guppy-libra-9ffd93b.json'])('the CLI bundle’s report of corpus metadata %s', file => {
    const r = cli(['--format', 'json', '--metadata-file', corpusFile(file)])
    expect([0, 1]).toContain(r.status)
    const read = parseReport(r.stdout, 'report.json')
    expect(read.artifacts.length).toBeGreaterThan(0)
    expect(read).toEqual(JSON.parse(r.stdout))
    expect(write(read)).toBe(r.stdout)
  })

  it('accepts a byte-order mark', () => {
    const report = fullReport()
    expect(parseReport(`\uFEFF${write(report)}`, 'report.json')).toEqual(report)
  })

  it('ignores fields it does not know, and does not copy them', () => {
    const data = JSON.parse(write(fullReport()))
    data.future = { anything: [1, 2] }
    data.findings[0].extra = 'x'
    data.toolchain.pin.extra = true
    data.policy.extra = 1
    const read = parseReport(JSON.stringify(data), 'report.json')
    expect(read).toEqual(fullReport())
    expect(Object.keys(read)).not.toContain('future')
    expect(Object.keys(read.findings[0]!)).not.toContain('extra')
    expect(Object.keys(read.toolchain.pin!)).not.toContain('extra')
    expect(Object.keys(read.policy!)).not.toContain('extra')
  })
})

describe('__proto__ keys', () => {
  const objects = (report: Report): object[] => [
    report,
    report.toolchain,
    report.toolchain.pin!,
    report.invocation,
    report.gate,
    report.policy!,
    report.baseline!,
    ...report.boundaries,
    ...report.artifacts,
    ...report.artifacts.flatMap(a => [...a.linkage, ...(a.blockedBy ?? [])]),
    ...report.findings,
    ...report.findings.flatMap(f => [...(f.inclusion ?? []), ...(f.related ?? []), ...(f.allowed ? [f.allowed] : [])])
  ]

  it('a `__proto__` key at any level is not copied and changes no prototype', () => {
    // JSON.parse defines "__proto__" as an own property, so the text is edited rather than an object.
    const payload = '"__proto__": {"polluted": true, "policy": {"file": "x"}, "allowed": {"reason": "forged", "file": "x", "line": 1}, "rpath": true}, '
    // Every object but the severities, where `__proto__` is a rule id like any other (tested below).
    const text = write(fullReport()).replace(/(?<!"severities": )\{\n(\s*)"/g, (_, indent: string) => `{\n${indent}${payload}"`)
    expect(JSON.parse(text).findings[0]).toHaveProperty(['__proto__', 'polluted'], true)
    const read = parseReport(text, 'report.json')
    expect(read).toEqual(fullReport())
    for (const o of objects(read)) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype)
      expect(Object.hasOwn(o, '__proto__')).toBe(false)
      expect((o as { polluted?: unknown }).polluted).toBeUndefined()
    }
    expect(read.findings.filter(f => f.allowed !== undefined)).toHaveLength(1)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('a top-level `__proto__` cannot supply a missing field', () => {
    const data = JSON.parse(write(makeReport()))
    delete data.gate
    const text = JSON.stringify(data).replace('{', '{"__proto__": {"gate": {"failOn": "never", "verdict": "pass", "failing": 0}},')
    expect(parseError(text)).toBe('report.json: gate: missing (expected an object)')
  })

  it('policy severities are data: `__proto__` and `toString` are rule ids like any other, on an object without a prototype', () => {
    const text = write(fullReport()).replace('"runtime-dylib": "warning"', '"__proto__": "off", "toString": "note", "runtime-dylib": "warning"')
    const severities = parseReport(text, 'report.json').policy!.severities
    expect(Object.getPrototypeOf(severities)).toBeNull()
    expect(Object.keys(severities)).toEqual(['__proto__', 'toString', 'runtime-dylib', 'toolchain-unpinned'])
    expect(severities['__proto__']).toBe('off')
    expect(severities['toString']).toBe('note')
    expect(severities['constructor']).toBeUndefined()
    expect(parseError(write(fullReport()).replace('"runtime-dylib": "warning"', '"__proto__": {"x": 1}'))).toBe(
      'report.json: policy.severities.__proto__: expected one of error, warning, note, off, got an object'
    )
  })
})

/** The full report as JSON, changed at `at` (a value, or undefined to delete the field). */
function changed(at: (string | number)[], value: unknown): string {
  const data = JSON.parse(write(fullReport()))
  let node = data
  for (const key of at.slice(0, -1)) node = node[key]
  if (value === undefined) delete node[at.at(-1)!]
  else node[at.at(-1)!] = value
  return JSON.stringify(data, null, 2)
}

describe('malformed reports: one line naming the file and the JSON path', () => {
  const cases: [string, (string | number)[], unknown, string][] = [
    ['a severity not in the union', ['findings', 3, 'severity'], 'fatal', 'findings[3].severity: expected one of error, warning, note, got "fatal"'],
    ['a finding that is not an object', ['findings', 0], 'x', 'findings[0]: expected an object, got "x"'],
    ['findings not an array', ['findings'], {}, 'findings: expected an array, got an object'],
    ['a missing fingerprint', ['findings', 0, 'fingerprint'], undefined, 'findings[0].fingerprint: missing (expected a string)'],
    ['a negative line', ['findings', 0, 'line'], -1, 'findings[0].line: expected an integer ≥ 1, got -1'],
    ['line 0', ['findings', 0, 'line'], 0, 'findings[0].line: expected an integer ≥ 1, got 0'],
    ['a fractional line', ['findings', 0, 'line'], 1.5, 'findings[0].line: expected an integer ≥ 1, got 1.5'],
    ['a line as a string', ['findings', 0, 'line'], '7', 'findings[0].line: expected an integer ≥ 1, got "7"'],
    ['a line past the safe integers', ['findings', 0, 'line'], 2 ** 53, 'findings[0].line: expected an integer ≥ 1, got 9007199254740992'],
    ['a crate that is not a string', ['findings', 1, 'crates', 0], null, 'findings[1].crates[0]: expected a string, got null'],
    ['fixes not an array', ['findings', 1, 'fixes'], 'rebuild', 'findings[1].fixes: expected an array, got "rebuild"'],
    ['an optional artifact field with a bad kind', ['findings', 0, 'kind'], 'library', 'findings[0].kind: expected one of lib, bin, example, test, bench, custom-build, proc-macro, got "library"'],
    ['an optional field set to null', ['findings', 0, 'package'], null, 'findings[0].package: expected a string, got null'],
    ['an inclusion path with a bad how', ['findings', 0, 'inclusion', 1, 'how'], 'copied', 'findings[0].inclusion[1].how: expected one of static, dynamic, inside-dylib, got "copied"'],
    ['an inclusion chain with a number', ['findings', 0, 'inclusion', 0, 'chain', 1], 2, 'findings[0].inclusion[0].chain[1]: expected a string, got 2'],
    ['a related line of 0', ['findings', 0, 'related', 0, 'line'], 0, 'findings[0].related[0].line: expected an integer ≥ 1, got 0'],
    ['an allow without a reason', ['findings', 1, 'allowed', 'reason'], undefined, 'findings[1].allowed.reason: missing (expected a string)'],
    ['a bad baseline standing', ['findings', 1, 'baseline'], 'old', 'findings[1].baseline: expected one of new, existing, got "old"'],
    ['defaultSeverity off', ['findings', 0, 'defaultSeverity'], 'off', 'findings[0].defaultSeverity: expected one of error, warning, note, got "off"'],
    ['toolchain not an object', ['toolchain'], 'stable', 'toolchain: expected an object, got "stable"'],
    ['stdInstalled as a string', ['toolchain', 'stdInstalled'], 'yes', 'toolchain.stdInstalled: expected true or false, got "yes"'],
    ['no commitHash', ['toolchain', 'commitHash'], undefined, 'toolchain.commitHash: missing (expected a string)'],
    ['a pin on line 0', ['toolchain', 'pin', 'line'], 0, 'toolchain.pin.line: expected an integer ≥ 1, got 0'],
    ['a pin kind not in the union', ['toolchain', 'pin', 'kind'], 'latest', 'toolchain.pin.kind: expected one of exact, dated, floating, path, got "latest"'],
    ['a pin channel that is neither a string nor null', ['toolchain', 'pin', 'channel'], 5, 'toolchain.pin.channel: expected a string or null, got 5'],
    ['a pin without its path', ['toolchain', 'pin', 'path'], undefined, 'toolchain.pin.path: missing (expected a string or null)'],
    ['boundaries not an array', ['boundaries'], {}, 'boundaries: expected an array, got an object'],
    ['a boundary role not in the union', ['boundaries', 0, 'role'], 'host', 'boundaries[0].role: expected one of rust-dylib, prefer-dynamic, links-dynamically, plugin, plugin-host, got "host"'],
    ['an ABI flag that is not a string', ['boundaries', 0, 'abiFlags', 0], 7, 'boundaries[0].abiFlags[0]: expected a string, got 7'],
    ['a workspace root of null', ['workspaceRoot'], null, 'workspaceRoot: expected a string, got null'],
    ['invocation args as one string', ['invocation', 'args'], 'cargo build', 'invocation.args: expected an array, got "cargo build"'],
    ['an artifact mode not in the union', ['artifacts', 1, 'mode'], 'check', 'artifacts[1].mode: expected one of build, test, doctest, got "check"'],
    ['an artifact crate type not in the union', ['artifacts', 0, 'crateType'], 'so', 'artifacts[0].crateType: expected one of bin, lib, rlib, dylib, cdylib, staticlib, proc-macro, got "so"'],
    ['an artifact platform not in the union', ['artifacts', 0, 'platform'], 'guest', 'artifacts[0].platform: expected one of host, target, got "guest"'],
    ['an artifact status not in the union', ['artifacts', 0, 'status'], 'failed', 'artifacts[0].status: expected one of ok, error, blocked, got "failed"'],
    ['a linkage not in the union', ['artifacts', 0, 'linkage', 2, 'how'], 'weak', 'artifacts[0].linkage[2].how: expected one of static, dynamic, included-from-dylib, not-linked, got "weak"'],
    ['a blockedBy entry without a mode', ['artifacts', 0, 'blockedBy', 0, 'mode'], undefined, 'artifacts[0].blockedBy[0].mode: missing (expected one of build, test, doctest)'],
    ['preferDynamic as 0', ['artifacts', 0, 'preferDynamic'], 0, 'artifacts[0].preferDynamic: expected true or false, got 0'],
    ['rpath as null', ['artifacts', 0, 'rpath'], null, 'artifacts[0].rpath: expected true or false, got null'],
    ['a panic strategy not in the union', ['artifacts', 1, 'panic'], 'halt', 'artifacts[1].panic: expected one of unwind, abort, got "halt"'],
    ['a notes entry that is a number', ['notes', 0], 1, 'notes[0]: expected a string, got 1'],
    ['a policy severity not in the union', ['policy', 'severities', 'runtime-dylib'], 'fatal', 'policy.severities["runtime-dylib"]: expected one of error, warning, note, off, got "fatal"'],
    ['negative allow entries', ['policy', 'allowEntries'], -1, 'policy.allowEntries: expected a non-negative integer, got -1'],
    ['a fractional baseline count', ['baseline', 'fixed'], 1.5, 'baseline.fixed: expected a non-negative integer, got 1.5'],
    ['a fail-on not in the union', ['gate', 'failOn'], 'info', 'gate.failOn: expected one of error, warning, never, got "info"'],
    ['no verdict', ['gate', 'verdict'], undefined, 'gate.verdict: missing (expected one of pass, fail)'],
    ['failing as a string', ['gate', 'failing'], '0', 'gate.failing: expected a non-negative integer, got "0"'],
    ['no gate', ['gate'], undefined, 'gate: missing (expected an object)'],
    ['version 3', ['version'], 3, '`version` is 3, and only 1 and 2 are supported'],
    ['version "1"', ['version'], '1', '`version` is "1", and only 1 and 2 are supported'],
    ['no version', ['version'], undefined, 'not a JSON report (no `version`)']
  ]

  it.each(cases)('%s', (_, at, value, message) => {
    expect(parseError(changed(at, value))).toBe(`report.json: ${message}`)
  })

  it('the first problem in the schema’s order is the one reported, whatever the order of the file', () => {
    const data = JSON.parse(changed(['gate', 'failing'], -1))
    data.toolchain.host = 1
    const reordered = Object.fromEntries(Object.entries(data).reverse())
    expect(parseError(JSON.stringify(reordered))).toBe('report.json: toolchain.host: expected a string, got 1')
  })

  it.each([
    ['a SARIF log', JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [] }), 'a SARIF log, not a JSON report: give the report written with `--format json`'],
    ['invalid JSON', '{"version": 1,}', 'not a JSON report (invalid JSON at position 14: line 1, column 15)'],
    ['truncated JSON', write(fullReport()).slice(0, 500), 'not a JSON report (invalid JSON: the file ends too early)'],
    ['an empty file', '', 'not a JSON report (invalid JSON: the file ends too early)'],
    ['a top-level array', '[{"version": 1}]', 'not a JSON report (expected an object at the top level, got an array)'],
    ['a top-level string', '"report"', 'not a JSON report (expected an object at the top level, got "report")'],
    ['null', 'null', 'not a JSON report (expected an object at the top level, got null)'],
    ['a version that is an object', '{"version": {"major": 1}}', '`version` is an object, and only 1 and 2 are supported']
  ])('%s', (_, text, message) => {
    expect(parseError(text)).toBe(`report.json: ${message}`)
  })

  it('names the file as given', () => {
    expect(parseError('[]', 'artifacts/linkage/report.json')).toMatch(/^artifacts\/linkage\/report\.json: not a JSON report/)
  })

  it('keys with line breaks or of absurd length stay on one short line', () => {
    const key = `a\nb${'x'.repeat(10_000)}`
    const message = parseError(write(fullReport()).replace('"runtime-dylib": "warning"', `${JSON.stringify(key)}: 3`))
    expect(message).toBe(`report.json: policy.severities["a\\nb${'x'.repeat(37)}…"]: expected one of error, warning, note, off, got 3`)
  })

  it(`strings longer than ${MAX_STRING_LENGTH} characters`, () => {
    expect(() => parseReport(changed(['findings', 2, 'message'], 'x'.repeat(MAX_STRING_LENGTH)), 'report.json')).not.toThrow()
    expect(parseError(changed(['findings', 2, 'message'], 'x'.repeat(MAX_STRING_LENGTH + 1)))).toBe(
      `report.json: findings[2].message: a string of ${MAX_STRING_LENGTH + 1} characters, longer than the ${MAX_STRING_LENGTH} a report may have`
    )
  })

  it(`more than ${MAX_FINDINGS} findings`, () => {
    expect(parseError(changed(['findings'], new Array(MAX_FINDINGS + 1).fill(0)))).toBe(`report.json: findings: ${MAX_FINDINGS + 1} entries, more than the ${MAX_FINDINGS} a report may have`)
  })

  it(`files over ${MAX_REPORT_BYTES / 2 ** 20} MiB, before parsing`, () => {
    // `repeat` makes a rope: the text is never flattened, since its length alone decides.
    const text = `{"version": 1${' '.repeat(MAX_REPORT_BYTES)}}`
    expect(parseError(text)).toBe('report.json: too large for a JSON report (more than the 256 MiB limit)')
    expect(() => checkReportSize(MAX_REPORT_BYTES, 'report.json')).not.toThrow()
    expect(() => checkReportSize(MAX_REPORT_BYTES + 1, 'report.json')).toThrow('report.json: too large for a JSON report (256.1 MiB, more than the 256 MiB limit)')
    expect(() => checkReportSize(300 * 2 ** 20, 'report.json')).toThrow('report.json: too large for a JSON report (300.0 MiB, more than the 256 MiB limit)')
  })
})

describe('names that do not fit cargo’s grammar: one line naming the field and the first character at fault', () => {
  const cases: [string, (string | number)[], unknown, string][] = [
    ['markup as a package name', ['findings', 0, 'package'], '<script>', 'findings[0].package: not a package name: character "<" at position 1 (cargo allows Unicode letters, digits, `-` and `_`)'],
    ['a mention as a package name', ['findings', 0, 'package'], '@user', 'findings[0].package: not a package name: character "@" at position 1 (cargo allows Unicode letters, digits, `-` and `_`)'],
    ['a package name starting with a digit', ['artifacts', 0, 'package'], '1app', 'artifacts[0].package: not a package name: character "1" at position 1 (cargo allows Unicode letters, digits, `-` and `_`)'],
    ['a space in a blocking package', ['artifacts', 0, 'blockedBy', 0, 'package'], 'd y', 'artifacts[0].blockedBy[0].package: not a package name: character U+0020 at position 2 (cargo allows Unicode letters, digits, `-` and `_`)'],
    ['a right-to-left override in a target name', ['findings', 0, 'target'], 'abc\u202edcba', 'findings[0].target: character U+202E at position 4: control, line-break and bidi characters are not allowed here'],
    ['a line break in a target name', ['artifacts', 1, 'target'], 'a\n::error::x', 'artifacts[1].target: character U+000A at position 2: control, line-break and bidi characters are not allowed here'],
    ['a blank target name', ['boundaries', 0, 'target'], '  ', 'boundaries[0].target: a blank target name'],
    ['an isolate in a boundary target', ['boundaries', 0, 'target'], 'dy\u2066', 'boundaries[0].target: character U+2066 at position 3: control, line-break and bidi characters are not allowed here'],
    ['a URL as a crate', ['findings', 1, 'crates', 0], 'https://evil.example/x', 'findings[1].crates[0]: not a crate name or shared-library file name: character ":" at position 6'],
    ['an e-mail address as a crate', ['findings', 1, 'crates', 0], 'a@b.example', 'findings[1].crates[0]: not a crate name or shared-library file name: character "@" at position 2'],
    ['a reference as a crate', ['findings', 0, 'inclusion', 0, 'crate'], 'owner/repo#12', 'findings[0].inclusion[0].crate: not a crate name or shared-library file name: character "/" at position 6'],
    ['a space in an inclusion chain', ['findings', 0, 'inclusion', 0, 'chain', 1], 'd y', 'findings[0].inclusion[0].chain[1]: not a crate name or shared-library file name: character U+0020 at position 2'],
    ['a zero-width space in a runtime library', ['findings', 3, 'crates', 0], 'lib\u200bdy.so', 'findings[3].crates[0]: character U+200B at position 4: control, line-break and bidi characters are not allowed here'],
    ['markup as an inclusion file', ['findings', 0, 'inclusion', 1, 'file'], '<img src=x>.so', 'findings[0].inclusion[1].file: not a shared-library file name such as `libstd-<hash>.so`, `std-<hash>.dll` or `libfoo.dylib`'],
    ['a runtime library that is a path', ['artifacts', 0, 'runtimeLibraries', 0], '../libdy.so', 'artifacts[0].runtimeLibraries[0]: not a shared-library file name such as `libstd-<hash>.so`, `std-<hash>.dll` or `libfoo.dylib`'],
    ['a linkage package without its version', ['artifacts', 0, 'linkage', 2, 'package'], 'dy', 'artifacts[0].linkage[2].package: expected `name@version`'],
    ['a linkage crate with a mention', ['artifacts', 0, 'linkage', 2, 'crate'], '@dy', 'artifacts[0].linkage[2].crate: not a crate name or shared-library file name: character "@" at position 1'],
    ['an inner `..` in a file', ['findings', 0, 'file'], 'dy/../../x/Cargo.toml', 'findings[0].file: not a clean file path: a `..` segment'],
    ['an empty segment in a related file', ['findings', 0, 'related', 0, 'file'], 'a//Cargo.toml', 'findings[0].related[0].file: not a clean file path: an empty segment'],
    ['a bell in the policy file of an allowed finding', ['findings', 1, 'allowed', 'file'], '.github/a\u0007.toml', 'findings[1].allowed.file: character U+0007 at position 10: control, line-break and bidi characters are not allowed here'],
    ['a feature with a mention', ['invocation', 'args'], ['cargo', 'build', '--features', 'fast,@user'], 'invocation.args[3]: not a feature name: character "@" at position 1 (cargo allows Unicode letters, digits, `_`, `-`, `+` and `.`)'],
    ['a feature of a package that is no package name', ['invocation', 'args'], ['cargo', 'build', '--features=a o@b/x'], 'invocation.args[2]: not a package name: character "@" at position 2 (cargo allows Unicode letters, digits, `-` and `_`)'],
    ['a line break in an argument', ['invocation', 'args'], ['cargo', 'build', '--bin', 'a\nb'], 'invocation.args[3]: character U+000A at position 2: control, line-break and bidi characters are not allowed here'],
    ['a profile with a space', ['invocation', 'profile'], 'dev x', 'invocation.profile: not a profile name: character U+0020 at position 4 (cargo allows letters, digits, `_` and `-`)'],
    ['a rule id with markup', ['findings', 0, 'rule'], '<b>x</b>', 'findings[0].rule: not a rule id: lowercase letters, digits and `-` only'],
    ['a zero-width space in the host', ['toolchain', 'host'], 'x86_64\u200b', 'toolchain.host: character U+200B at position 7: control, line-break and bidi characters are not allowed here'],
    ['a bidi control in an ABI flag', ['boundaries', 0, 'abiFlags', 0], '-Ctarget-feature=+x\u202e', 'boundaries[0].abiFlags[0]: character U+202E at position 20: control, line-break and bidi characters are not allowed here']
  ]

  it.each(cases)('%s', (_, at, value, message) => {
    expect(parseError(changed(at, value))).toBe(`report.json: ${message}`)
  })

  it('accepts the names cargo accepts: every catalogue package name, every bin name without hidden characters, every feature', () => {
    const accepted = (at: (string | number)[], value: unknown) => parseReport(changed(at, value), 'report.json')
    for (const h of acceptedAs('package')) expect(accepted(['findings', 0, 'package'], h.value).findings[0]!.package).toBe(h.value)
    for (const h of acceptedAs('bin').filter(b => !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(b.value))) {
      expect(accepted(['findings', 0, 'target'], h.value).findings[0]!.target).toBe(h.value)
    }
    const features = acceptedAs('feature').map(h => h.value)
    expect(accepted(['invocation', 'args'], ['cargo', 'build', '--features', features.join(',')]).invocation.args).toHaveLength(4)
    // Files outside the workspace, as the analysis writes them: a toolchain file above it, a registry manifest.
    expect(accepted(['toolchain', 'pin', 'file'], '../../rust-toolchain.toml').toolchain.pin!.file).toBe('../../rust-toolchain.toml')
    expect(accepted(['findings', 0, 'file'], '/home/u/.cargo/registry/src/x/dy-1.0.0/Cargo.toml').findings[0]!.file).toMatch(/^\/home/)
    expect(accepted(['findings', 0, 'file'], 'C:/Users/u/.cargo/registry/src/x/dy-1.0.0/Cargo.toml').findings[0]!.file).toMatch(/^C:/)
    // The two rules whose crates are not crate names: the toolchain a mismatch requires, the crate a policy entry names.
    const mismatch = changed(['findings', 2, 'crates'], ['a b']).replace('"toolchain-unpinned"', '"toolchain-mismatch"')
    expect(parseReport(mismatch, 'report.json').findings[2]).toMatchObject({ rule: 'toolchain-mismatch', crates: ['a b'] })
    expect(parseError(changed(['findings', 2, 'crates'], ['a b']))).toBe(
      'report.json: findings[2].crates[0]: not a crate name or shared-library file name: character U+0020 at position 2'
    )
  })
})

describe('a forged report', () => {
  it(`${MAX_FINDINGS} findings, ${MAX_FINDINGS / 50} with 10 KB of markup: the comment fits GitHub’s limit, quickly`, () => {
    const hostile = '| <details> ``` `x` [a](b) *_~ \\ \n'.repeat(300).slice(0, 10_000)
    const findings = Array.from({ length: MAX_FINDINGS }, (_, i) =>
      makeFinding({ rule: `rule-${i % 7}`, package: `p${i}`, target: `p${i}`, message: i % 50 === 0 ? hostile : `m${i}`, fixes: i % 50 === 0 ? [adviceFix(hostile)] : [] })
    )
    // The command line and the profile are names, checked as such: markup on one line is a bin name cargo accepts.
    const bin = hostile.replace(/\n/g, ' ')
    const text = write(makeReport({ findings, invocation: { command: 'build', args: ['cargo', 'build', '--bin', bin], profile: 'dev' }, notes: [hostile] }))
    const start = performance.now()
    const report = restateReport(parseReport(text, 'report.json'))
    const parsed = performance.now()
    const body = fitCommentBody(renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' }), { runUrl: 'https://github.com/o/r/actions/runs/1', marker: commentMarker() })
    const commented = performance.now()
    const summary = renderSummary(report)
    const summarised = performance.now()
    expect(report.findings).toHaveLength(MAX_FINDINGS)
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(commented - start).toBeLessThan(5_000)
    if (process.env.TIMINGS) console.log(`${(text.length / 2 ** 20).toFixed(1)} MiB: parse ${(parsed - start).toFixed(0)} ms, comment ${(commented - parsed).toFixed(0)} ms, summary ${(summarised - commented).toFixed(0)} ms`)
  })
})

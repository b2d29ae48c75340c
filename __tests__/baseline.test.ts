import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { adviceFix, type Finding } from '../src/findings/finding.js'
import { findingFingerprint } from '../src/findings/fingerprint.js'
import { applyBaseline, parseBaseline } from '../src/policy/baseline.js'
import { gateFindings } from '../src/policy/gate.js'
import type { Analysis } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'
import { fastestRun } from './support/timing.js'

const EXAMPLE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')

function finding(rule: string, pkg: string, crates: string[], extra: Partial<Finding> = {}): Finding {
  const base = {
    rule,
    severity: 'error' as const,
    package: pkg,
    target: pkg,
    kind: 'bin' as const,
    mode: 'build' as const,
    crateType: 'bin' as const,
    platform: 'target' as const,
    crates,
    message: `${rule} in ${pkg}`,
    fixes: [],
    file: `${pkg}/Cargo.toml`,
    line: 7,
    ...extra
  }
  return { ...base, fingerprint: findingFingerprint(base) }
}

/** The JSON report an earlier run would have written, reduced to what a baseline reads plus some noise. */
function reportText(findings: Finding[], strip: (keyof Finding)[] = []): string {
  const stripped = findings.map(f => Object.fromEntries(Object.entries(f).filter(([key]) => !strip.includes(key as keyof Finding))))
  return JSON.stringify({ version: 1, toolchain: { release: '1.95.0' }, workspaceRoot: '/w', artifacts: [], findings: stripped, notes: [], gate: {} }, null, 2)
}

function baselineError(text: string, file = 'base.json'): string {
  try {
    parseBaseline(text, file)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a UserError')
}

const dup = finding('duplicate-linkage', 'host', ['std', 'engine_api'])
const rlib = finding('rlib-required', 'st', ['dy'], { crateType: 'staticlib', kind: 'lib' })
const runtime = finding('runtime-dylib', 'host', ['libplugin_audio.so', 'libstd-0123456789abcdef.so'], { severity: 'warning' })

describe('applyBaseline', () => {
  it('the same findings with moved lines and reworded messages are all existing, and the gate passes', () => {
    const baseline = parseBaseline(reportText([dup, rlib, runtime]), 'base.json')
    const now = [
      { ...dup, line: 12, message: 'reworded' },
      { ...rlib, line: 1, file: 'other/Cargo.toml', fixes: [adviceFix('another fix')] },
      { ...runtime, message: 'also reworded' }
    ]
    const { findings, summary } = applyBaseline(now, baseline)
    expect(findings.map(f => f.baseline)).toEqual(['existing', 'existing', 'existing'])
    expect(summary).toEqual({ file: 'base.json', new: 0, existing: 3, fixed: 0 })
    expect(gateFindings(findings, 'warning').verdict).toBe('pass')
  })

  it('one extra finding is the only new one, and fails the gate', () => {
    const baseline = parseBaseline(reportText([dup, runtime]), 'base.json')
    const extra = finding('duplicate-linkage', 'tool', ['engine_api'])
    const { findings, summary } = applyBaseline([dup, extra, runtime], baseline)
    expect(findings.filter(f => f.baseline === 'new')).toEqual([{ ...extra, baseline: 'new' }])
    expect(summary).toMatchObject({ new: 1, existing: 2, fixed: 0 })
    expect(gateFindings(findings, 'error')).toMatchObject({ verdict: 'fail', failing: 1 })
  })

  it('counts repeated findings: two in the baseline cover two now, a third is new', () => {
    const baseline = parseBaseline(reportText([dup, dup]), 'base.json')
    expect(applyBaseline([dup, dup], baseline).summary).toMatchObject({ new: 0, existing: 2, fixed: 0 })
    const three = applyBaseline([dup, dup, dup], baseline)
    expect(three.findings.map(f => f.baseline)).toEqual(['existing', 'existing', 'new'])
    expect(three.summary).toMatchObject({ new: 1, existing: 2, fixed: 0 })
    expect(applyBaseline([dup], baseline).summary).toMatchObject({ new: 0, existing: 1, fixed: 1 })
  })

  it('counts the baseline findings that are gone as fixed', () => {
    const baseline = parseBaseline(reportText([dup, rlib, runtime]), 'base.json')
    const { findings, summary } = applyBaseline([runtime], baseline)
    expect(findings).toEqual([{ ...runtime, baseline: 'existing' }])
    expect(summary).toEqual({ file: 'base.json', new: 0, existing: 1, fixed: 2 })
  })

  it('a report without fingerprints still matches, and a new toolchain’s libstd hash does not matter', () => {
    const baseline = parseBaseline(reportText([dup, rlib, runtime], ['fingerprint']), 'old.json')
    const newToolchain = finding('runtime-dylib', 'host', ['libplugin_audio.so', 'libstd-fedcba9876543210.so'], { severity: 'warning' })
    const { summary } = applyBaseline([dup, rlib, newToolchain], baseline)
    expect(summary).toEqual({ file: 'old.json', new: 0, existing: 3, fixed: 0 })
  })

  it('a different artifact or crate is a different finding', () => {
    const baseline = parseBaseline(reportText([dup]), 'base.json')
    expect(applyBaseline([{ ...dup, platform: 'host', fingerprint: findingFingerprint({ ...dup, platform: 'host' }) }], baseline).summary).toMatchObject({ new: 1, fixed: 1 })
    expect(applyBaseline([finding('duplicate-linkage', 'host', ['std'])], baseline).summary).toMatchObject({ new: 1, fixed: 1 })
  })

  it('a real report from the plugin-engine example matches itself fully', async () => {
    const run = async (): Promise<Analysis> =>
      analyzeWorkspace({ manifestPath: path.join(EXAMPLE, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: EXAMPLE })
    const first = await run()
    const second = await run()
    expect(first.findings.length).toBeGreaterThan(0)
    const { findings, summary } = applyBaseline(second.findings, parseBaseline(JSON.stringify(first), 'baseline.json'))
    expect(summary).toEqual({ file: 'baseline.json', new: 0, existing: first.findings.length, fixed: 0 })
    expect(gateFindings(findings, 'warning').verdict).toBe('pass')
    expect(gateFindings(second.findings, 'warning').verdict).toBe('fail')
  })

  it('applies a 50,000-finding baseline (22 MB) in linear time', () => {
    const many: Finding[] = []
    for (let i = 0; i < 50_000; i++) many.push(finding('duplicate-linkage', `pkg${i % 5000}`, [`crate${i}`]))
    const text = reportText(many)
    const reversed = [...many].reverse()
    const elapsed = fastestRun(() => {
      const { summary } = applyBaseline(reversed, parseBaseline(text, 'big.json'))
      expect(summary).toMatchObject({ new: 0, existing: 50_000, fixed: 0 })
    }, 2000)
    // About 0.8 s under jest here, nearly all of it JSON.parse; matching each finding by scanning the baseline
    // would make over a billion comparisons.
    expect(elapsed).toBeLessThan(2000)
  })
})

describe('parseBaseline', () => {
  it.each([
    ['invalid JSON', '{"version": 1,\n "findings": [}', 'base.json: not a JSON report (invalid JSON at position 29: line 2, column 15)'],
    ['a truncated file', '{"version": 1, "findings": [', 'base.json: not a JSON report (invalid JSON: the file ends too early)'],
    ['not an object', '[]', 'base.json: not a JSON report (expected an object at the top level, got an array)'],
    ['no version', '{"findings": []}', 'base.json: not a JSON report (no `version`)'],
    ['version 3', '{"version": 3, "findings": []}', 'base.json: `version` is 3, and only 1 and 2 are supported'],
    ['a SARIF log', '{"version": "2.1.0", "runs": []}', 'base.json: a SARIF log, not a JSON report'],
    ['findings not an array', '{"version": 1, "findings": {}}', 'base.json: findings: expected an array, got an object'],
    ['a finding that is not an object', '{"version": 1, "findings": ["x"]}', 'base.json: findings[0]: expected an object, got "x"'],
    ['a rule that is a number', '{"version": 1, "findings": [{"rule": 3, "fingerprint": "ab"}]}', 'base.json: findings[0].rule: expected a string, got 3'],
    ['a fingerprint that is a number', '{"version": 1, "findings": [{"rule": "r", "fingerprint": 1}]}', 'base.json: findings[0].fingerprint: expected a string, got 1'],
    ['no fingerprint and no crates', '{"version": 1, "findings": [{"rule": "r", "fingerprint": "a"}, {"rule": "r"}]}', 'base.json: findings[1].crates: expected an array of strings, got nothing'],
    ['a crate that is not a string', '{"version": 1, "findings": [{"rule": "r", "crates": ["a", 2]}]}', 'base.json: findings[0].crates[1]: expected a string, got 2'],
    ['an artifact field that is not a string', '{"version": 1, "findings": [{"rule": "r", "crates": [], "package": {}}]}', 'base.json: findings[0].package: expected a string, got an object']
  ])('rejects %s with one line naming the file and field', (_what, text, expected) => {
    expect(baselineError(text)).toContain(expected)
  })

  it('names the file as given', () => {
    expect(baselineError('nope', 'reports/main.json')).toMatch(/^reports\/main\.json: not a JSON report/)
  })

  it('accepts a byte-order mark and an empty findings list', () => {
    expect(parseBaseline('\uFEFF{"version": 1, "findings": []}', 'b.json')).toEqual({ file: 'b.json', fingerprints: [] })
  })
})

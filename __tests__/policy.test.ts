import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import type { Finding } from '../src/findings/finding.js'
import { findingFingerprint } from '../src/findings/fingerprint.js'
import { gateFindings } from '../src/policy/gate.js'
import { applyPolicy, parsePolicy } from '../src/policy/policy.js'
import { analyzeWorkspace } from '../src/run.js'

const FILE = '.github/rust-linkage.toml'
const TODAY = '2026-03-01'
const EXAMPLE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')

/** A finding about one artifact, as the engine would report it. */
function finding(rule: string, pkg: string, crates: string[], extra: Partial<Finding> = {}): Finding {
  const base = {
    rule,
    severity: rule === 'runtime-dylib' ? ('warning' as const) : ('error' as const),
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

function apply(findings: Finding[], toml: string) {
  return applyPolicy(findings, parsePolicy(toml, FILE), { policyFile: FILE, today: TODAY })
}

/** The message of the UserError that parsing throws; fails the test when parsing succeeds. */
function parseError(toml: string): string {
  try {
    parsePolicy(toml, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a UserError')
}

describe('parsePolicy', () => {
  it('reads severities and allow entries with their lines', () => {
    const policy = parsePolicy(
      [
        '# linkage policy',
        '[rules]',
        'runtime-dylib = "error"',
        'duplicate-linkage = "warning"',
        'unused-allow = "note"',
        '',
        '[[allow]]',
        'rule = "duplicate-linkage"',
        'package = "host"',
        'target = "host"',
        'crate = "engine_api"',
        'reason = "plugins are loaded with dlopen; tracked in #123"',
        'expires = 2027-06-30',
        '',
        '[[allow]]',
        'rule = "runtime-dylib"',
        'reason = "shipped with an installer that sets LD_LIBRARY_PATH"',
        'expires = "2027-01-31"'
      ].join('\n'),
      FILE
    )
    expect(policy.file).toBe(FILE)
    expect(Object.fromEntries(policy.severities)).toEqual({ 'runtime-dylib': 'error', 'duplicate-linkage': 'warning', 'unused-allow': 'note' })
    expect(policy.severityLines.get('duplicate-linkage')).toBe(4)
    expect(policy.allow).toEqual([
      {
        rule: 'duplicate-linkage',
        package: 'host',
        target: 'host',
        crate: 'engine_api',
        reason: 'plugins are loaded with dlopen; tracked in #123',
        expires: '2027-06-30',
        line: 7
      },
      { rule: 'runtime-dylib', reason: 'shipped with an installer that sets LD_LIBRARY_PATH', expires: '2027-01-31', line: 15 }
    ])
  })

  it('accepts an empty file and inline-table allow entries', () => {
    expect(parsePolicy('', FILE)).toMatchObject({ allow: [], severities: new Map() })
    const policy = parsePolicy('allow = [\n  { rule = "runtime-dylib", reason = "ok" },\n]\n', FILE)
    expect(policy.allow).toEqual([{ rule: 'runtime-dylib', reason: 'ok', line: 2 }])
  })

  it.each([
    ['invalid TOML', '[rules]\nruntime-dylib = error\n', `${FILE}:2:`, 'invalid TOML'],
    ['an unknown top-level key', '[rules]\n\n[toolchain]\nchannel = "stable"\n', `${FILE}:3: toolchain: unknown key`, 'known: exact-toolchain, rules, allow'],
    ['an unknown rule id in [rules]', '[rules]\nruntime-dylib = "error"\nduplicate-linkge = "off"\n', `${FILE}:3: rules.duplicate-linkge: unknown rule id`, 'duplicate-linkage'],
    ['a bad severity', '[rules]\nruntime-dylib = "fatal"\n', `${FILE}:2: rules.runtime-dylib:`, '"error", "warning", "note" or "off", got "fatal"'],
    ['a severity that is not a string', '[rules]\nruntime-dylib = 2\n', `${FILE}:2: rules.runtime-dylib:`, 'got 2'],
    ['[rules] not a table', 'rules = "strict"\n', `${FILE}:1: rules:`, 'expected a table'],
    ['[allow] instead of [[allow]]', '[allow]\nrule = "runtime-dylib"\n', `${FILE}:1: allow:`, '[[allow]]'],
    ['an unknown rule id in [[allow]]', '[[allow]]\nreason = "x"\nrule = "duplicate-linkge"\n', `${FILE}:3: allow[0].rule:`, 'unknown rule id `duplicate-linkge`'],
    ['a missing rule', '[[allow]]\nreason = "x"\n', `${FILE}:1: allow[0]:`, '`rule` is required'],
    ['a missing reason', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\n\n[[allow]]\nrule = "duplicate-linkage"\n', `${FILE}:5: allow[1]:`, '`reason` is required'],
    ['an empty reason', '[[allow]]\nrule = "runtime-dylib"\nreason = "  "\n', `${FILE}:3: allow[0].reason:`, 'must not be empty'],
    ['a number for package', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\npackage = 3\n', `${FILE}:4: allow[0].package:`, 'expected a string, got 3'],
    ['an empty crate', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\ncrate = ""\n', `${FILE}:4: allow[0].crate:`, 'must not be empty'],
    ['expires that is not a date', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\nexpires = "next year"\n', `${FILE}:4: allow[0].expires:`, 'expected a date such as 2027-06-30'],
    ['expires on a day that does not exist', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\nexpires = "2027-02-30"\n', `${FILE}:4: allow[0].expires:`, 'not a calendar date'],
    ['expires with a time', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\nexpires = 2027-06-30T12:00:00\n', `${FILE}:4: allow[0].expires:`, 'expected a date'],
    ['an unknown key in an allow entry', '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\npackages = "host"\n', `${FILE}:4: allow[0].packages: unknown key`, 'known: rule, package'],
    ['an allow entry for unused-allow', '[[allow]]\nrule = "unused-allow"\nreason = "x"\n', `${FILE}:2: allow[0].rule:`, 'unused-allow = "off"']
  ])('rejects %s with one line naming file, line and key', (_what, toml, prefix, detail) => {
    const message = parseError(toml)
    expect(message.slice(0, prefix.length)).toBe(prefix)
    expect(message).toContain(detail)
  })
})

describe('applyPolicy', () => {
  const duplicateHost = finding('duplicate-linkage', 'host', ['std', 'engine_api'])
  const duplicateTool = finding('duplicate-linkage', 'tool', ['engine_api'])
  const runtime = finding('runtime-dylib', 'host', ['libplugin_audio.so'])

  it('overrides a severity and records the rule’s own', () => {
    const { findings, summary } = apply([duplicateHost, runtime], '[rules]\nruntime-dylib = "error"\nduplicate-linkage = "error"\n')
    expect(findings.find(f => f.rule === 'runtime-dylib')).toMatchObject({ severity: 'error', defaultSeverity: 'warning' })
    // Same level as the rule's own: nothing to record.
    expect(findings.find(f => f.rule === 'duplicate-linkage')).not.toHaveProperty('defaultSeverity')
    expect(summary).toEqual({ file: FILE, severities: { 'runtime-dylib': 'error', 'duplicate-linkage': 'error' }, allowEntries: 0, allowed: 0 })
  })

  it('`off` removes the rule’s findings', () => {
    const { findings, summary } = apply([duplicateHost, runtime], '[rules]\nruntime-dylib = "off"\n')
    expect(findings.map(f => f.rule)).toEqual(['duplicate-linkage'])
    expect(summary.severities).toEqual({ 'runtime-dylib': 'off' })
  })

  it('an entry with package and crate allows only the matching finding, and the gate passes', () => {
    const toml = '[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\ncrate = "engine_api"\nreason = "plugins are loaded with dlopen"\n'
    const { findings, summary } = apply([duplicateHost, duplicateTool], toml)
    const host = findings.find(f => f.package === 'host')!
    const tool = findings.find(f => f.package === 'tool')!
    expect(host.allowed).toEqual({ reason: 'plugins are loaded with dlopen', file: FILE, line: 1 })
    expect(tool.allowed).toBeUndefined()
    expect(summary).toMatchObject({ allowEntries: 1, allowed: 1 })
    expect(gateFindings(findings, 'error')).toMatchObject({ verdict: 'fail', failing: 1 })
    expect(gateFindings(apply([duplicateHost], toml).findings, 'error')).toEqual({ failOn: 'error', verdict: 'pass', failing: 0 })
  })

  it('a crate the finding does not have, or another target, does not match', () => {
    const wrongCrate = apply([duplicateHost], '[[allow]]\nrule = "duplicate-linkage"\ncrate = "engine"\nreason = "x"\n')
    expect(wrongCrate.findings.find(f => f.rule === 'duplicate-linkage')!.allowed).toBeUndefined()
    const wrongTarget = apply([duplicateHost], '[[allow]]\nrule = "duplicate-linkage"\ntarget = "host-cli"\nreason = "x"\n')
    expect(wrongTarget.findings.find(f => f.rule === 'duplicate-linkage')!.allowed).toBeUndefined()
  })

  it('the first matching entry wins', () => {
    const toml = '[[allow]]\nrule = "duplicate-linkage"\nreason = "first"\n\n[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\nreason = "second"\n'
    const { findings } = apply([duplicateHost], toml)
    expect(findings).toHaveLength(1)
    expect(findings[0]!.allowed).toMatchObject({ reason: 'first', line: 1 })
  })

  it('an entry that matches nothing becomes one unused-allow warning at its line', () => {
    const toml = '[rules]\nruntime-dylib = "note"\n\n[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\ncrate = "engine_api"\nreason = "x"\n'
    const { findings } = apply([runtime], toml)
    const unused = findings.filter(f => f.rule === 'unused-allow')
    expect(unused).toHaveLength(1)
    expect(unused[0]).toMatchObject({ severity: 'warning', file: FILE, line: 4, crates: ['engine_api'] })
    expect(unused[0]!.message).toContain('allow entry for `duplicate-linkage` (package `host`, crate `engine_api`) matched no finding')
    expect(unused[0]!.fixes.length).toBeGreaterThan(0)
    expect(unused[0]).not.toHaveProperty('package')
    // Sorted: the warning before the note.
    expect(findings.map(f => f.rule)).toEqual(['unused-allow', 'runtime-dylib'])
    expect(gateFindings(findings, 'warning').verdict).toBe('fail')
  })

  it('an unused-allow keeps its fingerprint when the file around the entry changes, and differs between entries', () => {
    const entry = 'rule = "duplicate-linkage"\npackage = "host"\nreason = "x"\n'
    const before = apply([], `[[allow]]\n${entry}`).findings[0]!
    const after = apply([], `# moved down\n\n[[allow]]\n${entry.replace('"x"', '"reworded"')}`).findings[0]!
    expect(after.line).toBe(3)
    expect(after.fingerprint).toBe(before.fingerprint)
    const other = apply([], '[[allow]]\nrule = "duplicate-linkage"\npackage = "tool"\nreason = "x"\n').findings[0]!
    expect(other.fingerprint).not.toBe(before.fingerprint)
  })

  it('an expired entry does not apply and says it expired', () => {
    const toml = '[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\nreason = "until the plugin API is split"\nexpires = 2026-02-28\n'
    const { findings, summary } = apply([duplicateHost], toml)
    expect(findings.find(f => f.rule === 'duplicate-linkage')!.allowed).toBeUndefined()
    expect(summary.allowed).toBe(0)
    const unused = findings.filter(f => f.rule === 'unused-allow')
    expect(unused).toHaveLength(1)
    expect(unused[0]!.message).toContain('expired on 2026-02-28')
    expect(gateFindings(findings, 'error').verdict).toBe('fail')
    // Still valid on the day it expires.
    const onTheDay = applyPolicy([duplicateHost], parsePolicy(toml, FILE), { policyFile: FILE, today: '2026-02-28' })
    expect(onTheDay.findings.map(f => f.rule)).toEqual(['duplicate-linkage'])
    expect(onTheDay.findings[0]!.allowed).toBeDefined()
  })

  it('`[rules] unused-allow` changes or silences the unused-allow findings', () => {
    const entry = '[[allow]]\nrule = "runtime-dylib"\nreason = "x"\n'
    expect(apply([], `[rules]\nunused-allow = "off"\n\n${entry}`).findings).toEqual([])
    expect(apply([], `[rules]\nunused-allow = "error"\n\n${entry}`).findings).toMatchObject([{ rule: 'unused-allow', severity: 'error', defaultSeverity: 'warning' }])
  })

  it('an entry for a rule that is off is reported as having no effect', () => {
    const { findings } = apply([runtime], '[rules]\nruntime-dylib = "off"\n\n[[allow]]\nrule = "runtime-dylib"\nreason = "x"\n')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'unused-allow', line: 4 })
    expect(findings[0]!.message).toContain('`[rules] runtime-dylib = "off"`')
  })

  it('on the plugin-engine example: the allowed duplicate-linkage is still reported, and the gate passes', async () => {
    const report = await analyzeWorkspace({
      manifestPath: path.join(EXAMPLE, 'Cargo.toml'),
      invocation: parseCliArgs([]).invocation,
      env: { ...process.env, RUSTFLAGS: undefined },
      cwd: EXAMPLE
    })
    expect(gateFindings(report.findings, 'error').verdict).toBe('fail')
    const toml = '[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\ncrate = "engine_api"\nreason = "the host loads the plugins with dlopen"\n'
    const { findings, summary } = apply(report.findings, toml)
    const duplicate = findings.filter(f => f.rule === 'duplicate-linkage')
    expect(duplicate).toHaveLength(1)
    expect(duplicate[0]).toMatchObject({ crates: ['std', 'engine_api'], allowed: { reason: 'the host loads the plugins with dlopen', file: FILE, line: 1 } })
    expect(findings.filter(f => f.rule === 'unused-allow')).toEqual([])
    expect(summary.allowed).toBe(1)
    expect(gateFindings(findings, 'error')).toMatchObject({ verdict: 'pass', failing: 0 })
  })
})

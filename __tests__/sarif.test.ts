import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseCliArgs } from '../src/cli/args.js'
import { adviceFix, type Finding } from '../src/findings/finding.js'
import type { Report } from '../src/report/report.js'
import { gated } from './support/reports.js'
import { renderSarif, SARIF_LIMITS, type SarifLog, type SarifOptions, type SarifResult } from '../src/report/sarif.js'
import { INFORMATION_URI, ruleHelpUri, RULES } from '../src/rules/registry.js'
import { analyzeWorkspace } from '../src/run.js'
import { VERSION } from '../src/version.js'
import { sarifSchemaErrors } from './support/sarif-schema.js'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const FIXTURES = path.join(HERE, 'fixtures', 'workspaces')
const EXAMPLE = path.join(HERE, '..', 'examples', 'plugin-engine')

const schemaErrors = sarifSchemaErrors

const OPTIONS: SarifOptions = { toolVersion: '1.2.3', workspacePrefix: '' }

async function analyse(manifestDir: string, args: string[]): Promise<Report> {
  return gated(
    await analyzeWorkspace({
    manifestPath: path.join(manifestDir, 'Cargo.toml'),
    invocation: parseCliArgs(args).invocation,
    env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined },
    cwd: manifestDir
    })
  )
}

function onlyResult(log: SarifLog, rule: string): SarifResult {
  const found = log.runs[0].results.filter(r => r.ruleId === rule)
  expect(found).toHaveLength(1)
  return found[0]!
}

function rulesOf(log: SarifLog): string[] {
  return log.runs[0].tool.driver.rules.map(r => r.id)
}

describe('SARIF from real cargo', () => {
  it('duplicate-linkage in bin-dylib: rule, level, repository-relative location, fingerprint', async () => {
    const report = await analyse(path.join(FIXTURES, 'bin-dylib'), ['--workspace'])
    const finding = report.findings.find(f => f.rule === 'duplicate-linkage')!
    const log = renderSarif(report, OPTIONS)
    expect(schemaErrors(log)).toBe('')
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)

    const r = onlyResult(log, 'duplicate-linkage')
    expect(r.level).toBe('error')
    expect(log.runs[0].tool.driver.rules[r.ruleIndex!]!.id).toBe('duplicate-linkage')
    expect(r.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'dy/Cargo.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } })
    expect(r.partialFingerprints).toEqual({ 'rustLinkageGuard/v1': finding.fingerprint })
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{16,}$/)
    expect(r.message.text.startsWith(`${finding.message}\n\nFix (verified): ${finding.fixes[0]!.title}`)).toBe(true)
    expect(r.properties).toMatchObject({ package: 'app', target: 'app', kind: 'bin', crates: ['std'] })
    expect(rulesOf(log)).toEqual(RULES.map(rule => rule.id))
    // The workspace is the repository: %SRCROOT% is the workspace root itself.
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(report.workspaceRoot).href}/` } })

    const nested = renderSarif(report, { ...OPTIONS, workspacePrefix: 'crates' })
    expect(schemaErrors(nested)).toBe('')
    expect(onlyResult(nested, 'duplicate-linkage').locations[0]!.physicalLocation.artifactLocation.uri).toBe('crates/dy/Cargo.toml')
    // The workspace root does not end with `crates`, so no repository root can be stated.
    expect(nested.runs[0].originalUriBaseIds).toBeUndefined()

    const underFixtures = renderSarif(report, { ...OPTIONS, workspacePrefix: 'bin-dylib/' })
    expect(underFixtures.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(FIXTURES).href}/` } })
    expect(onlyResult(underFixtures, 'duplicate-linkage').locations[0]!.physicalLocation.artifactLocation.uri).toBe('bin-dylib/dy/Cargo.toml')
  })

  it('runtime-dylib in transitive-dylibs is a warning listing the shared libraries', async () => {
    const report = await analyse(path.join(FIXTURES, 'transitive-dylibs'), ['-p', 'app'])
    const log = renderSarif(report, { ...OPTIONS, category: 'rust-linkage-guard/' })
    expect(schemaErrors(log)).toBe('')
    const r = onlyResult(log, 'runtime-dylib')
    expect(r.level).toBe('warning')
    expect(r.ruleIndex).toBe(RULES.findIndex(rule => rule.id === 'runtime-dylib'))
    expect(r.properties.crates.slice(0, 3)).toEqual(['libp.so', 'libq.so', 'libr.so'])
    expect(log.runs[0].automationDetails).toEqual({ id: 'rust-linkage-guard/' })
  })

  it('the plugin-engine example validates and keeps the report order', async () => {
    const report = await analyse(EXAMPLE, [])
    const log = renderSarif(report, { ...OPTIONS, workspacePrefix: 'examples/plugin-engine' })
    expect(schemaErrors(log)).toBe('')
    expect(log.runs[0].results.map(r => r.ruleId)).toEqual(report.findings.map(f => f.rule))
    expect(log.runs[0].results.map(r => r.partialFingerprints['rustLinkageGuard/v1'])).toEqual(report.findings.map(f => f.fingerprint))
    for (const r of log.runs[0].results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^examples\/plugin-engine\//)
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(path.resolve(HERE, '..')).href}/` } })
  })
})

function emptyReport(findings: Finding[]): Report {
  return {
    version: 2,
    toolchain: { release: '1.80.0', commitHash: '0123456789abcdef', host: 'x86_64-unknown-linux-gnu', target: 'x86_64-unknown-linux-gnu', stdInstalled: true },
    boundaries: [],
    workspaceRoot: '/home/runner/_work/repo/repo/rust',
    invocation: { command: 'cargo build --workspace', args: ['cargo', 'build', '--workspace'], profile: 'dev' },
    artifacts: [],
    findings,
    notes: ['Build scripts are assumed to add no link flags.'],
    gate: { failOn: 'error', verdict: 'pass', failing: 0 }
  }
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'duplicate-linkage',
    severity: 'error',
    fingerprint: '00112233445566778899aabbccddeeff',
    package: 'app',
    target: 'app',
    kind: 'bin',
    mode: 'build',
    crateType: 'bin',
    platform: 'target',
    crates: ['std'],
    message: '`std` would be linked twice.',
    fixes: ['Build only what you ship: `cargo build -p app`.', 'Add `"rlib"` to the crate-type of `dy`.'].map(adviceFix),
    file: 'dy/Cargo.toml',
    line: 7,
    ...overrides
  }
}

describe('SARIF from a hand-built report', () => {
  const report = emptyReport([
    finding({
      allowed: { reason: 'Plugins are built one by one in CI.', file: '../.github/rust-linkage.toml', line: 9 },
      baseline: 'existing',
      related: [{ file: 'Cargo.toml', line: 12, message: '`dy` in `[workspace.dependencies]`' }]
    }),
    finding({ rule: 'runtime-dylib', severity: 'note', defaultSeverity: 'warning', fingerprint: 'ffeeddccbbaa99887766554433221100', crates: ['libdy.so'], baseline: 'new', file: './my crate/#1/ünï%/Cargo.toml', line: 3, fixes: [] }),
    {
      rule: 'unused-allow',
      severity: 'warning',
      fingerprint: 'abababababababababababababababab',
      crates: [],
      message: 'allow entry for `lto-conflict` matched no finding: remove it, or correct its fields.',
      fixes: [adviceFix('Remove the entry if the finding it was written for is fixed.')],
      file: '../.github/rust-linkage.toml',
      line: 4
    }
  ])
  const log = renderSarif(report, { toolVersion: '0.4.0', workspacePrefix: 'rust/', category: 'rust-linkage-guard/linux' })
  const [allowed, encoded, unused] = log.runs[0].results

  it('is valid SARIF 2.1.0 with the tool and every rule', () => {
    expect(schemaErrors(log)).toBe('')
    const driver = log.runs[0].tool.driver
    expect(driver).toMatchObject({ name: 'Rust Linkage Guard', informationUri: INFORMATION_URI, version: '0.4.0', semanticVersion: '0.4.0' })
    expect(driver.informationUri).not.toContain('#')
    expect(rulesOf(log)).toEqual(RULES.map(r => r.id))
    const dup = driver.rules[0]!
    expect(dup).toMatchObject({
      id: 'duplicate-linkage',
      name: 'DuplicateLinkage',
      shortDescription: { text: RULES[0]!.title },
      fullDescription: { text: RULES[0]!.description },
      helpUri: ruleHelpUri('duplicate-linkage'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['linkage', 'rust'], precision: 'very-high' }
    })
    const page = `https://github.com/rust-linkage-guard/rust-linkage-guard/blob/v${VERSION}/docs/rules/duplicate-linkage.md`
    expect(dup.helpUri).toBe(page)
    expect(dup.help.text).toBe(`${RULES[0]!.description}\n\nSee ${page}`)
    expect(dup.help.markdown).toBe(`${RULES[0]!.description}\n\nSee [the \`duplicate-linkage\` rule](${page}).`)
    // Every rule links its own page, of the version that wrote the log, whatever `toolVersion` says.
    for (const rule of driver.rules) {
      expect(rule.helpUri).toBe(`${INFORMATION_URI}/blob/v${VERSION}/docs/rules/${rule.id}.md`)
      expect(rule.help.markdown.endsWith(`See [the \`${rule.id}\` rule](${rule.helpUri}).`)).toBe(true)
    }
    expect(driver.rules.find(r => r.id === 'unsupported-crate-type')!.defaultConfiguration.level).toBe('warning')
    expect(driver.rules.find(r => r.id === 'unused-allow')!.name).toBe('UnusedAllow')
    expect(log.runs[0].automationDetails).toEqual({ id: 'rust-linkage-guard/linux' })
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/runner/_work/repo/repo/' } })
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'note', message: { text: 'Build scripts are assumed to add no link flags.' } }],
        properties: { cargoCommand: 'cargo build --workspace', profile: 'dev', rustc: '1.80.0', target: 'x86_64-unknown-linux-gnu' }
      }
    ])
  })

  it('an allowed finding is suppressed externally, at the policy line, and unchanged against the baseline', () => {
    expect(allowed!.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Plugins are built one by one in CI.',
        location: { physicalLocation: { artifactLocation: { uri: '.github/rust-linkage.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } } }
      }
    ])
    expect(allowed!.baselineState).toBe('unchanged')
    expect(allowed!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('rust/dy/Cargo.toml')
    expect(allowed!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'rust/Cargo.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } },
        message: { text: '`dy` in `[workspace.dependencies]`' }
      }
    ])
    expect(allowed!.message.text).toBe(
      '`std` would be linked twice.\n\nFix (not verified): Build only what you ship: `cargo build -p app`.\nFix (not verified): Add `"rlib"` to the crate-type of `dy`.'
    )
  })

  it('the level is the finding’s (policy) severity; new findings are new; odd paths are percent-encoded', () => {
    expect(encoded).toMatchObject({ ruleId: 'runtime-dylib', ruleIndex: RULES.findIndex(r => r.id === 'runtime-dylib'), level: 'note', baselineState: 'new' })
    expect(encoded!.suppressions).toBeUndefined()
    expect(encoded!.relatedLocations).toBeUndefined()
    expect(encoded!.properties.defaultSeverity).toBe('warning')
    expect(encoded!.message.text).toBe('`std` would be linked twice.')
    expect(encoded!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'rust/my%20crate/%231/%C3%BCn%C3%AF%25/Cargo.toml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 }
    })
    expect(decodeURIComponent(encoded!.locations[0]!.physicalLocation.artifactLocation.uri)).toBe('rust/my crate/#1/ünï%/Cargo.toml')
  })

  it('a workspace-level finding has no artifact properties and resolves `..` against the prefix', () => {
    expect(unused).toMatchObject({ ruleId: 'unused-allow', ruleIndex: RULES.findIndex(r => r.id === 'unused-allow'), level: 'warning' })
    expect(unused!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: '.github/rust-linkage.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } })
    expect(unused!.properties).toEqual({ crates: [] })
    expect(unused!.baselineState).toBeUndefined()
    expect(unused!.partialFingerprints).toEqual({ 'rustLinkageGuard/v1': 'abababababababababababababababab' })
  })

  it('files outside the workspace become absolute file: uris without a base', () => {
    const outside = renderSarif(emptyReport([finding({ file: '/home/runner/.cargo/config.toml', line: 2 })]), OPTIONS)
    expect(schemaErrors(outside)).toBe('')
    expect(outside.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'file:///home/runner/.cargo/config.toml' })
  })

  it('is deterministic', () => {
    const again = renderSarif(structuredClone(report), { toolVersion: '0.4.0', workspacePrefix: 'rust/', category: 'rust-linkage-guard/linux' })
    expect(JSON.stringify(again)).toBe(JSON.stringify(log))
    expect(JSON.stringify(renderSarif(report, OPTIONS))).toBe(JSON.stringify(renderSarif(report, OPTIONS)))
  })
})

describe('the validator', () => {
  const valid = renderSarif(emptyReport([finding({})]), OPTIONS)

  it('accepts the log it is given as a control', () => {
    expect(schemaErrors(valid)).toBe('')
  })

  it.each([
    ['an unknown level', (l: any) => (l.runs[0].results[0].level = 'fatal'), /level/],
    ['no version', (l: any) => delete l.version, /version/],
    ['an unknown result property', (l: any) => (l.runs[0].results[0].severity = 'error'), /additional properties/],
    ['a uri with a space', (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my crate/Cargo.toml'), /uri-reference/],
    ['a uri with a second #', (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a#b#c'), /uri-reference/],
    ['line 0', (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0), /startLine|>= 1/]
  ])('rejects %s', (_name, breakIt, expected) => {
    const broken = structuredClone(valid)
    breakIt(broken)
    expect(schemaErrors(broken)).toMatch(expected)
  })
})

describe('limits', () => {
  it('30,000 findings render 25,000 results, errors first, with a notification', () => {
    const findings: Finding[] = []
    // Deliberately unsorted: warnings before errors.
    for (let i = 0; i < 20_000; i++) findings.push(finding({ rule: 'runtime-dylib', severity: 'warning', fingerprint: `w${i}`, line: (i % 50) + 1 }))
    for (let i = 0; i < 10_000; i++) findings.push(finding({ fingerprint: `e${i}` }))
    const log = renderSarif(emptyReport(findings), OPTIONS)
    const results = log.runs[0].results
    expect(results).toHaveLength(SARIF_LIMITS.resultsPerRun)
    expect(SARIF_LIMITS.resultsPerRun).toBe(25_000)
    expect(results.filter(r => r.level === 'error')).toHaveLength(10_000)
    expect(results.slice(0, 10_000).every(r => r.level === 'error')).toBe(true)
    expect(results[10_000]!.partialFingerprints['rustLinkageGuard/v1']).toBe('w0')
    expect(results[24_999]!.partialFingerprints['rustLinkageGuard/v1']).toBe('w14999')
    const notes = log.runs[0].invocations[0]!.toolExecutionNotifications!
    expect(notes.at(-1)).toMatchObject({ level: 'warning' })
    expect(notes.at(-1)!.message.text).toMatch(/^5000 findings of lowest severity left out/)
    expect(schemaErrors(log)).toBe('')
  })

  it('caps locations per result and message size', () => {
    const related = Array.from({ length: 1500 }, (_, i) => ({ file: 'Cargo.toml', line: i + 1, message: `line ${i + 1}` }))
    const long = finding({ message: '€'.repeat(5000), related })
    const r = renderSarif(emptyReport([long]), OPTIONS).runs[0].results[0]!
    expect(r.locations.length + r.relatedLocations!.length).toBe(SARIF_LIMITS.locationsPerResult)
    expect(Buffer.byteLength(r.message.text)).toBeLessThanOrEqual(SARIF_LIMITS.messageBytes)
    expect(Buffer.byteLength(r.message.text)).toBeGreaterThan(SARIF_LIMITS.messageBytes - 4)
    expect(r.message.text.endsWith('€…')).toBe(true)
    expect(Buffer.byteLength(r.message.markdown!)).toBeLessThanOrEqual(SARIF_LIMITS.messageBytes)
  })

  it('every rule fits GitHub’s sizes: fullDescription ≤ 1024 characters, name ≤ 255', () => {
    for (const rule of RULES) {
      expect(rule.description.length).toBeGreaterThan(100)
      expect(rule.description.length).toBeLessThanOrEqual(1024)
    }
    for (const rule of renderSarif(emptyReport([]), OPTIONS).runs[0].tool.driver.rules) {
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024)
      expect(rule.name.length).toBeLessThanOrEqual(255)
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
    }
  })
})

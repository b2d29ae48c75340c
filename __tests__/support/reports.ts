import { adviceFix, type Finding } from '../../src/findings/finding.js'
import { findingFingerprint } from '../../src/findings/fingerprint.js'
import { applyGate } from '../../src/policy/gate.js'
import type { Analysis, ArtifactReport, FailOn, Report } from '../../src/report/report.js'

/** An analysis gated as a run without policy or baseline gates it. */
export function gated(analysis: Analysis, failOn: FailOn = 'error'): Report {
  return applyGate(analysis, { failOn, policy: null, baseline: null, today: '2026-01-01' })
}

/** A small hand-built report; every field a renderer reads, with overrides. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    version: 2,
    toolchain: { release: '1.95.0', commitHash: '59807616e1fb7ae8f0b0c9ad4ab8e9c4c1d6b0f7', host: 'x86_64-unknown-linux-gnu', target: 'x86_64-unknown-linux-gnu', stdInstalled: true },
    boundaries: [],
    workspaceRoot: '/repo',
    invocation: { command: 'build', args: ['cargo', 'build'], profile: 'dev' },
    artifacts: [],
    findings: [],
    notes: [],
    gate: { failOn: 'error', verdict: 'pass', failing: 0 },
    ...overrides
  }
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  const f: Finding = {
    rule: 'duplicate-linkage',
    severity: 'error',
    fingerprint: '',
    package: 'app',
    target: 'app',
    kind: 'bin',
    mode: 'build',
    crateType: 'bin',
    platform: 'target',
    crates: ['std'],
    message: 'bin `app` cannot link: `std` would be included twice.',
    fixes: [adviceFix('Add `"rlib"` to `crate-type` of `dy`.')],
    file: 'dy/Cargo.toml',
    line: 7,
    ...overrides
  }
  return { ...f, fingerprint: overrides.fingerprint ?? findingFingerprint(f) }
}

export function makeArtifact(overrides: Partial<ArtifactReport> = {}): ArtifactReport {
  return {
    package: 'app',
    version: '0.1.0',
    target: 'app',
    kind: 'bin',
    mode: 'build',
    crateType: 'bin',
    platform: 'target',
    status: 'ok',
    preferDynamic: false,
    panic: 'unwind',
    linkage: [],
    ...overrides
  }
}

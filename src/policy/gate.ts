import type { Finding } from '../findings/finding.js'
import type { Analysis, FailOn, Gate, Report } from '../report/report.js'
import { applyBaseline, type Baseline } from './baseline.js'
import { applyPolicy, type Policy } from './policy.js'

/**
 * Whether the findings fail the run. Findings allowed by the policy and findings already in the baseline are
 * reported but never count.
 */
export function gateFindings(findings: readonly Finding[], failOn: FailOn): Gate {
  let failing = 0
  if (failOn !== 'never') {
    for (const f of findings) {
      if (f.allowed !== undefined || f.baseline === 'existing') continue
      if (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')) failing++
    }
  }
  return { failOn, verdict: failing > 0 ? 'fail' : 'pass', failing }
}

export interface GateInputs {
  failOn: FailOn
  /** The policy and its file relative to the workspace root (where `unused-allow` findings point). */
  policy: { policy: Policy; file: string } | null
  baseline: Baseline | null
  /** YYYY-MM-DD, for allow entries that expire. */
  today: string
}

/** Applies the policy, then the baseline, then decides the verdict: the only place a report gets its gate. */
export function applyGate(analysis: Analysis, inputs: GateInputs): Report {
  let findings = analysis.findings
  let policy: Report['policy']
  let baseline: Report['baseline']
  if (inputs.policy !== null) {
    const applied = applyPolicy(findings, inputs.policy.policy, { policyFile: inputs.policy.file, today: inputs.today })
    findings = applied.findings
    policy = applied.summary
  }
  if (inputs.baseline !== null) {
    const applied = applyBaseline(findings, inputs.baseline)
    findings = applied.findings
    baseline = applied.summary
  }
  // The report's keys in the order the JSON contract has always written them.
  return {
    ...analysis,
    findings,
    gate: gateFindings(findings, inputs.failOn),
    ...(policy === undefined ? {} : { policy }),
    ...(baseline === undefined ? {} : { baseline })
  }
}

import type { Finding } from '../findings/finding.js'
import type { FailOn, Gate, Report } from '../report/report.js'
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

/** Applies the policy, then the baseline, then decides the verdict. */
export function applyGate(report: Report, inputs: GateInputs): Report {
  let findings = report.findings
  const out: Report = { ...report }
  if (inputs.policy !== null) {
    const applied = applyPolicy(findings, inputs.policy.policy, { policyFile: inputs.policy.file, today: inputs.today })
    findings = applied.findings
    out.policy = applied.summary
  }
  if (inputs.baseline !== null) {
    const applied = applyBaseline(findings, inputs.baseline)
    findings = applied.findings
    out.baseline = applied.summary
  }
  return { ...out, findings, gate: gateFindings(findings, inputs.failOn) }
}

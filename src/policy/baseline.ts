import { UserError } from '../errors.js'
import type { Finding } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { isJsonObject } from '../json.js'
import { describe, readReportObject } from '../report/json-checks.js'
import type { BaselineSummary } from '../report/report.js'

/** The findings of an earlier JSON report, by fingerprint (repeats kept: they are counted). */
export interface Baseline {
  file: string
  fingerprints: string[]
}

const ARTIFACT_FIELDS = ['package', 'target', 'kind', 'mode', 'crateType', 'platform'] as const

/**
 * Reads a JSON report written by an earlier run. Only what matching needs is checked; findings without a
 * `fingerprint` (reports from before it existed) get one computed from their rule, artifact and crates.
 */
export function parseBaseline(text: string, file: string): Baseline {
  const data = readReportObject(text, file, 'give the JSON report of an earlier run as the baseline')
  const findings = data.findings
  if (!Array.isArray(findings)) throw new UserError(`${file}: findings: expected an array, got ${describe(findings)}`)

  const fingerprints: string[] = new Array(findings.length)
  for (let i = 0; i < findings.length; i++) {
    const at = `${file}: findings[${i}]`
    const f: unknown = findings[i]
    if (!isJsonObject(f)) throw new UserError(`${at}: expected an object, got ${describe(f)}`)
    if (typeof f.rule !== 'string') throw new UserError(`${at}.rule: expected a string, got ${describe(f.rule)}`)
    if (f.fingerprint !== undefined) {
      if (typeof f.fingerprint !== 'string') throw new UserError(`${at}.fingerprint: expected a string, got ${describe(f.fingerprint)}`)
      fingerprints[i] = f.fingerprint
      continue
    }
    const crates = f.crates
    if (!Array.isArray(crates)) throw new UserError(`${at}.crates: expected an array of strings, got ${describe(crates)}`)
    crates.forEach((c: unknown, j) => {
      if (typeof c !== 'string') throw new UserError(`${at}.crates[${j}]: expected a string, got ${describe(c)}`)
    })
    for (const key of ARTIFACT_FIELDS) {
      const value = f[key]
      if (value !== undefined && typeof value !== 'string') throw new UserError(`${at}.${key}: expected a string, got ${describe(value)}`)
    }
    fingerprints[i] = findingFingerprint(f as unknown as Parameters<typeof findingFingerprint>[0])
  }
  return { file, fingerprints }
}

/**
 * Marks each finding `existing` when the baseline has it and `new` otherwise. Fingerprints are counted: a
 * baseline with a finding twice covers two such findings now, and a third is new. Order is kept.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { findings: Finding[]; summary: BaselineSummary } {
  const remaining = new Map<string, number>()
  for (const fp of baseline.fingerprints) remaining.set(fp, (remaining.get(fp) ?? 0) + 1)
  let existing = 0
  const out = findings.map(finding => {
    const left = remaining.get(finding.fingerprint) ?? 0
    if (left === 0) return { ...finding, baseline: 'new' as const }
    remaining.set(finding.fingerprint, left - 1)
    existing++
    return { ...finding, baseline: 'existing' as const }
  })
  let fixed = 0
  for (const left of remaining.values()) fixed += left
  return { findings: out, summary: { file: baseline.file, new: out.length - existing, existing, fixed } }
}

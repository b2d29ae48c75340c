/** The order findings are reported in: most severe first, then by rule, artifact and message. */
import type { Finding, Severity } from './finding.js'

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 }

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.rule, b.rule) ||
    compareText(a.package ?? '', b.package ?? '') ||
    compareText(a.target ?? '', b.target ?? '') ||
    compareText(a.kind ?? '', b.kind ?? '') ||
    compareText(a.mode ?? '', b.mode ?? '') ||
    compareText(a.crateType ?? '', b.crateType ?? '') ||
    compareText(a.platform ?? '', b.platform ?? '') ||
    compareText(a.message, b.message)
  )
}

/** Orders strings by UTF-16 code units: deterministic in every locale, and far cheaper than `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

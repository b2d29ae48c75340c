import { plural } from '../text.js'
import { escapeHtml } from './render.js'
import type { Report } from './report.js'
import { findingBlock, header } from './summary.js'

/** Findings written out in full in the comment; the job summary has the rest. */
const DETAILED = 20

/**
 * The sticky pull-request comment: the verdict and the findings that need attention (new ones when a
 * baseline was given), each in full, then a link to the job summary for everything else.
 */
export function renderComment(report: Report, options: { runUrl: string | null }): string {
  const attention = report.findings.filter(f => f.allowed === undefined && f.baseline !== 'existing')
  const out = [header(report)]
  if (attention.length > 0) {
    out.push(`### ${report.baseline ? 'New findings' : 'Findings'}\n`)
    for (const f of attention.slice(0, DETAILED)) out.push(`${f.severity === 'error' ? '🔴' : f.severity === 'warning' ? '🟠' : '🔵'} <code>${escapeHtml(f.rule)}</code> · ${findingBlock(f)}`)
    if (attention.length > DETAILED) out.push(`…and ${plural(attention.length - DETAILED, 'more finding')}.\n`)
  }
  const link = options.runUrl === null ? 'the job summary' : `the [job summary](${options.runUrl})`
  out.push(`<sub>Artifacts, linkage diagrams and every finding: ${link}.</sub>\n`)
  return out.join('\n')
}

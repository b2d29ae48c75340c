import type { ArtifactReport, FindingReport, Report } from './report.js'

/** Counts that decide the exit status and the outputs. */
export function countFindings(report: Report): { errors: number; warnings: number; notes: number } {
  let errors = 0
  let warnings = 0
  let notes = 0
  for (const f of report.findings) {
    if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
    else notes++
  }
  return { errors, warnings, notes }
}

/** A one-line verdict. */
export function verdictLine(report: Report): string {
  const { errors, warnings } = countFindings(report)
  const failing = report.artifacts.filter(a => a.status === 'error').length
  const blocked = report.artifacts.filter(a => a.status === 'blocked').length
  const command = report.invocation.args.join(' ')
  if (errors === 0) {
    return `\`${command}\` links: ${report.artifacts.length} artifacts, ${warnings} warning${warnings === 1 ? '' : 's'}.`
  }
  return `\`${command}\` fails: ${failing} artifact${failing === 1 ? '' : 's'} cannot be built${blocked > 0 ? ` and ${blocked} more are blocked by them` : ''} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}).`
}

function artifactLabel(a: Pick<ArtifactReport, 'package' | 'target' | 'kind' | 'mode' | 'crateType' | 'platform'>): string {
  const mode = a.mode === 'test' ? ' (test)' : ''
  const host = a.platform === 'host' && a.kind !== 'proc-macro' && a.kind !== 'custom-build' ? ' [host]' : ''
  return `${a.package}/${a.target} ${a.crateType}${mode}${host}`
}

/** How `std` links into an artifact, in a word. */
export function stdLinkage(a: ArtifactReport): string {
  const std = a.linkage.find(l => l.crate === 'std')
  if (!std) return a.linkage.length === 0 ? '—' : 'not linked'
  return std.how === 'included-from-dylib' ? `inside ${std.via ?? 'a dylib'}` : std.how
}

/** The plain-text report for terminals. */
export function renderText(report: Report): string {
  const lines: string[] = []
  const t = report.toolchain
  lines.push(`${report.invocation.args.join(' ')}  (profile ${report.invocation.profile}, rustc ${t.release}, target ${t.target})`, '')
  for (const f of report.findings) {
    lines.push(`${f.severity}[${f.rule}]: ${f.message}`)
    lines.push(`  --> ${f.file}:${f.line}`)
    for (const fix of f.fixes) lines.push(`  = fix: ${fix}`)
    lines.push('')
  }
  const rows = report.artifacts.map(a => [artifactLabel(a), a.status, `std ${stdLinkage(a)}`, (a.runtimeLibraries ?? []).join(' ')])
  if (rows.length > 0) {
    lines.push('Artifacts:')
    const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i]!.length)))
    for (const r of rows) lines.push(`  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')}`.trimEnd())
    lines.push('')
  }
  for (const note of report.notes) lines.push(`note: ${note}`)
  lines.push(verdictLine(report))
  return `${lines.join('\n')}\n`
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '|': '&#124;' }

/** Escapes text for HTML and for markdown table cells (the toolkit's summary does not escape). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|]/g, c => HTML_ESCAPES[c]!)
}

/** Inline code in markdown: `x` becomes <code>x</code>, everything else escaped. */
function md(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

const SUMMARY_BUDGET = 900 * 1024

/** The job summary / `--format markdown` report; stays under GitHub's 1 MiB step-summary limit. */
export function renderMarkdown(report: Report): string {
  const { errors } = countFindings(report)
  const out: string[] = []
  out.push(`## ${errors > 0 ? '❌' : '✅'} Rust Linkage Guard`, '', md(verdictLine(report)), '')
  if (report.findings.length > 0) {
    out.push('### Findings', '')
    for (const f of report.findings) out.push(renderFindingMarkdown(f))
  }
  out.push('### Artifacts', '')
  out.push('| package | target | crate type | status | std | shared libraries at run time |', '|---|---|---|---|---|---|')
  for (const a of report.artifacts) {
    const cells = [
      a.package,
      `${a.target}${a.mode === 'test' ? ' (test)' : ''}${a.platform === 'host' ? ' [host]' : ''}`,
      a.crateType,
      a.status,
      stdLinkage(a),
      (a.runtimeLibraries ?? []).join(', ') || '—'
    ]
    out.push(`| ${cells.map(escapeHtml).join(' | ')} |`)
  }
  out.push('')
  if (report.notes.length > 0) out.push(...report.notes.map(n => `> ${md(n)}`), '')
  out.push(
    `<sub>${md(`rustc ${report.toolchain.release} (${report.toolchain.commitHash.slice(0, 9)}), host ${report.toolchain.host}, target ${report.toolchain.target}, profile ${report.invocation.profile}`)}</sub>`,
    ''
  )
  const text = out.join('\n')
  if (Buffer.byteLength(text) <= SUMMARY_BUDGET) return text
  const cut = text.slice(0, SUMMARY_BUDGET - 200)
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n> **Truncated** to stay under GitHub's summary limit: see the JSON report for every artifact and finding.\n`
}

function renderFindingMarkdown(f: FindingReport): string {
  const icon = f.severity === 'error' ? '🔴' : f.severity === 'warning' ? '🟠' : '🔵'
  const fixes = f.fixes.map(x => `<li>${md(x)}</li>`).join('')
  return `${icon} **${escapeHtml(f.rule)}** — ${md(f.message)}<br><sub>${escapeHtml(f.file)}:${f.line}</sub>\n<details><summary>How to fix</summary><ul>${fixes}</ul></details>\n`
}

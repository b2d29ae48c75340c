import { listCrates, plural } from '../text.js'
import type { ArtifactReport, FindingReport, InclusionPath, Report } from './report.js'

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

/** A one-line verdict: what cargo would do, then whether the check passes and why. */
export function verdictLine(report: Report): string {
  const { errors, warnings } = countFindings(report)
  const failing = report.artifacts.filter(a => a.status === 'error').length
  const blocked = report.artifacts.filter(a => a.status === 'blocked').length
  const command = report.invocation.args.join(' ')
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
  const build =
    errors === 0
      ? `\`${command}\` links: ${plural(report.artifacts.length, 'artifact')}, ${plural(warnings, 'warning')}.`
      : `\`${command}\` fails: ${plural(failing, 'artifact')} cannot be built${blocked > 0 ? ` and ${blocked} more ${blocked === 1 ? 'is' : 'are'} blocked by ${failing === 1 ? 'it' : 'them'}` : ''} (${counts}).`
  const gate = report.gate
  if (gate.verdict === 'fail') return `${build} The check fails: ${plural(gate.failing, 'finding')} at or above \`${gate.failOn}\`${report.baseline ? ', new since the baseline' : ''}.`
  const excused = report.findings.filter(f => f.allowed !== undefined || f.baseline === 'existing').length
  if (errors + warnings > 0 && gate.failOn !== 'never' && excused > 0) {
    return `${build} The check passes: ${[
      allowedCount(report) > 0 ? `${allowedCount(report)} allowed by the policy` : '',
      existingCount(report) > 0 ? `${existingCount(report)} already in the baseline` : ''
    ]
      .filter(Boolean)
      .join(', ')}.`
  }
  return gate.failOn === 'never' && errors + warnings > 0 ? `${build} The check passes (\`fail-on: never\`).` : build
}

function allowedCount(report: Report): number {
  return report.findings.filter(f => f.allowed !== undefined).length
}

function existingCount(report: Report): number {
  return report.findings.filter(f => f.allowed === undefined && f.baseline === 'existing').length
}


/** Ways in that share a chain and a kind of link, with all the crates they bring. */
export interface InclusionGroup {
  chain: string[]
  how: InclusionPath['how']
  file?: string
  crates: string[]
}

/** Groups inclusion paths by chain, so a dylib that contains 300 crates is one line, not 300. */
export function groupInclusion(paths: readonly InclusionPath[]): InclusionGroup[] {
  const groups = new Map<string, InclusionGroup>()
  for (const p of paths) {
    const key = JSON.stringify([p.chain, p.how, p.file ?? null])
    const group = groups.get(key)
    if (group) group.crates.push(p.crate)
    else groups.set(key, { chain: p.chain, how: p.how, ...(p.file === undefined ? {} : { file: p.file }), crates: [p.crate] })
  }
  return [...groups.values()]
}

/** "`host` → `plugin_audio` (dylib, contains `std` statically)", in markdown. */
export function describeInclusion(g: InclusionGroup): string {
  const chain = g.chain.map(c => `\`${c}\``).join(' → ')
  const crates = listCrates(g.crates)
  if (g.how === 'inside-dylib') return `${chain} (dylib, contains ${crates} statically)`
  const file = g.file === undefined ? '' : ` as \`${g.file}\``
  if (g.chain.length === 1) return `${chain} links ${crates} ${g.how === 'dynamic' ? `dynamically${file}` : 'statically (rlib)'}`
  return `${chain} → ${crates} (${g.how === 'dynamic' ? `dylib, linked dynamically${file}` : 'rlib, linked statically'})`
}

/** What the finding is about: "bin `host`", "dylib `plugin_a`", "test harness of lib `util`", or the workspace. */
export function findingSubject(f: FindingReport): string {
  if (f.target === undefined) return f.rule === 'unused-allow' ? 'policy' : 'workspace'
  const what = f.mode === 'test' ? `test harness of ${f.kind}` : f.kind === 'custom-build' ? 'build script' : f.crateType
  const host = f.platform === 'host' && f.kind !== 'proc-macro' && f.kind !== 'custom-build' ? ' (host)' : ''
  return `${what} \`${f.target}\`${f.package !== undefined && f.package !== f.target ? ` of \`${f.package}\`` : ''}${host}`
}

/** How a finding counts: allowed by the policy, already in the baseline, new, or plainly reported. */
export function findingStanding(f: FindingReport): 'allowed' | 'existing' | 'new' | 'reported' {
  if (f.allowed !== undefined) return 'allowed'
  return f.baseline ?? 'reported'
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
    const standing = findingStanding(f)
    const tag = standing === 'allowed' ? ` (allowed: ${f.allowed!.reason})` : standing === 'existing' ? ' (already in the baseline)' : standing === 'new' ? ' (new)' : ''
    lines.push(`${f.severity}[${f.rule}]${tag}: ${f.message}`)
    lines.push(`  --> ${f.file}:${f.line}`)
    for (const r of f.related ?? []) lines.push(`  ::: ${r.file}:${r.line} (${r.message.replace(/`/g, '')})`)
    for (const g of groupInclusion(f.inclusion ?? [])) lines.push(`  = via: ${describeInclusion(g).replace(/`/g, '')}`)
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

/** Line breaks as spaces: text from a repository never starts a line of its own in markdown. */
function withoutLineBreaks(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ')
}

/**
 * Escapes text for HTML and for markdown, which GitHub still parses inside inline HTML such as `<code>`:
 * `<`, `&`, quotes and `|` (table cells), and every character that opens markdown syntax (links and images
 * need `[`, code spans, emphasis, strikethrough, backslash escapes) become entities; line breaks become
 * spaces, so that no line can start a code fence, a heading or a table row. Parentheses stay: without `[`
 * they start nothing. The toolkit's summary does not escape at all.
 */
export function escapeHtml(text: string): string {
  return withoutLineBreaks(text).replace(/[&<>"'|[\]`*~\\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, c => `&#${c.codePointAt(0)};`)
}

/** Our messages mark code as `x`: each code span's content through `code`, the text between through `prose`. */
function mapCodeSpans(text: string, code: (content: string) => string, prose: (text: string) => string): string {
  return text
    .split(/(`[^`]+`)/)
    .map(part => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : prose(part)))
    .join('')
}

/** Markdown from our messages: `x` becomes <code>x</code>, and everything, code included, is escaped. */
export function md(text: string): string {
  return mapCodeSpans(text, content => `<code>${escapeHtml(content)}</code>`, escapeHtml)
}

/**
 * Markdown without any HTML, for renderers that allow none (SARIF): `x` becomes a code span fenced by more
 * backticks than it contains, and outside code spans every character that starts markdown syntax is
 * backslash-escaped and `<`, `>`, `&` become entities. Line breaks become spaces.
 */
export function plainMarkdown(text: string): string {
  return mapCodeSpans(text, codeSpan, escapeMarkdown)
}

function codeSpan(content: string): string {
  const text = withoutLineBreaks(content)
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length)) + 1)
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text
  return `${fence}${padded}${fence}`
}

const MARKDOWN_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' }

function escapeMarkdown(text: string): string {
  return withoutLineBreaks(text).replace(/[\\`*_[\]()~!|<>&#]/g, c => MARKDOWN_ENTITIES[c] ?? `\\${c}`)
}

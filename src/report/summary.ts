import type { Finding, Fix } from '../findings/finding.js'
import { ruleHelpUri, RULES } from '../rules/registry.js'
import { plural, withCodePoints } from '../text.js'
import { editDiff } from './fix-text.js'
import { linkageDiagram } from './mermaid.js'
import { repositoryPath } from './annotations.js'
import { buildScriptFeatures, countFindings, describeInclusion, escapeAttribute, escapeHtml, findingStanding, findingSubject, groupInclusion, md, stdLinkage, verdictLine } from './render.js'
import type { ArtifactReport, BoundaryReport, Report } from './report.js'

/** GitHub drops a step summary above 1 MiB; this leaves room for other writers and for GitHub's own markup. */
export const SUMMARY_BUDGET = 768 * 1024

/** Diagrams drawn: one per failing artifact, up to this many. */
const MAX_DIAGRAMS = 10

/** Artifact rows shown outside a `<details>` block. */
const OPEN_ARTIFACT_ROWS = 30

const ICONS = { error: '🔴', warning: '🟠', note: '🔵' } as const

export interface SummaryOptions {
  /** Byte budget; `SUMMARY_BUDGET` unless given. */
  budget?: number
  /** Where file references link to; plain text without it. */
  links?: FileLinks
}

/**
 * Links to files at the commit analysed: `blobUrl` is `<server>/<owner>/<repo>/blob/<sha>`, and
 * `workspacePrefix` the workspace root relative to the repository root (`''` when they are the same).
 */
export interface FileLinks {
  blobUrl: string
  workspacePrefix: string
}

/**
 * The job summary (and `--format markdown`): the verdict, the findings grouped by rule with how each crate
 * gets in and how to fix it, a diagram of each failing artifact's linkage, and the table of artifacts.
 * Every string from the repository goes through `escapeHtml` or `md`: escaped, hidden characters shown, and
 * mentions, references and autolinks broken. Sections are added whole until the budget is reached,
 * so a truncated summary never ends inside a table or a `<details>` block.
 */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET
  const blocks: string[] = [header(report), ...findingBlocks(report, options.links ?? null), ...diagramBlocks(report), ...artifactBlocks(report), toolchainBlock(report), ...allowedBlocks(report), footer(report)]
  const truncation = '\n> **Truncated** to stay under GitHub’s summary size limit: the JSON report has every artifact and finding.\n'
  const out: string[] = []
  let size = 0
  for (const [i, block] of blocks.entries()) {
    const bytes = Buffer.byteLength(block) + 1
    const last = i === blocks.length - 1
    if (size + bytes + (last ? 0 : Buffer.byteLength(truncation)) > budget) {
      out.push(truncation)
      break
    }
    out.push(block)
    size += bytes
  }
  return `${out.join('\n')}\n`
}

export function header(report: Report): string {
  const { errors, warnings } = countFindings(report)
  const icon = report.gate.verdict === 'fail' ? '❌' : errors + warnings > 0 ? '⚠️' : '✅'
  const title = report.gate.verdict === 'fail' ? 'fails' : 'passes'
  const lines = [`## ${icon} Rust Linkage Guard ${title}`, '', md(verdictLine(report)), '']
  const facts: string[] = []
  if (report.baseline) {
    const counted = report.findings.filter(f => f.allowed === undefined)
    facts.push(
      `**${counted.filter(f => f.baseline === 'new').length}** new`,
      `${counted.filter(f => f.baseline === 'existing').length} already in the baseline`,
      ...(report.baseline.fixed > 0 ? [`${report.baseline.fixed} fixed since the baseline`] : [])
    )
  }
  if (report.policy && report.policy.allowed > 0) facts.push(`${report.policy.allowed} allowed by ${md(`\`${report.policy.file}\``)}`)
  if (facts.length > 0) lines.push(facts.join(' · '), '')
  return lines.join('\n')
}

function findingBlocks(report: Report, links: FileLinks | null): string[] {
  const shown = report.findings.filter(f => f.allowed === undefined)
  if (shown.length === 0) return []
  const byRule = new Map<string, Finding[]>()
  for (const f of shown) {
    const same = byRule.get(f.rule)
    if (same === undefined) byRule.set(f.rule, [f])
    else same.push(f)
  }
  const blocks = ['### Findings\n']
  for (const [rule, findings] of byRule) {
    const info = RULES.find(r => r.id === rule)
    const icon = ICONS[findings[0]!.severity]
    // A registry id and a URL built here are ours: the link needs none of the escaping of repository text.
    const id = info ? `[\`${info.id}\`](${ruleHelpUri(info.id)})` : `<code>${escapeHtml(rule)}</code>`
    const title = info ? `: ${escapeHtml(info.title)}` : ''
    blocks.push(`#### ${icon} ${id}${title}\n\n<sub>${plural(findings.length, 'finding')}</sub>\n`)
    // Advice every finding of the rule shares is said once, after them, not once per finding.
    const shared = findings.length > 1 ? sharedAdvice(findings) : []
    const omit = new Set(shared.map(x => x.title))
    for (const f of findings) blocks.push(findingBlock(f, links, omit))
    if (shared.length > 0) {
      blocks.push(`<details><summary>How to fix each of these ${findings.length} findings</summary>\n\n${shared.map(x => fixItem(findings[0]!, x)).join('\n')}\n\n</details>\n`)
    }
  }
  return blocks
}

/** The unverified advice that every one of the findings gives, word for word. */
function sharedAdvice(findings: readonly Finding[]): Fix[] {
  return findings[0]!.fixes.filter(x => !x.verified && findings.every(f => f.fixes.some(y => !y.verified && y.title === x.title)))
}

/**
 * `file:line` as code, linked to that line at the analysed commit when the file is in the repository; files
 * outside it (a user-level cargo config) stay plain text.
 */
export function fileReference(file: string, line: number, links: FileLinks | null): string {
  const code = `<code>${escapeHtml(file)}:${line}</code>`
  const inRepository = links === null ? null : repositoryPath(links.workspacePrefix, file)
  if (inRepository === null) return code
  const url = `${links!.blobUrl}/${inRepository.split('/').map(encodeURIComponent).join('/')}#L${line}`
  return `<a href="${escapeAttribute(url)}">${code}</a>`
}

export function findingBlock(f: Finding, links: FileLinks | null = null, omit: ReadonlySet<string> = new Set()): string {
  const standing = findingStanding(f)
  const badge = standing === 'new' ? ' · 🆕 **new**' : standing === 'existing' ? ' · already in the baseline' : ''
  const where = [fileReference(f.file, f.line, links), ...(f.related ?? []).map(r => `${md(r.message)} ${fileReference(r.file, r.line, links)}`)].join(', ')
  const lines = [`**${md(findingSubject(f))}** · ${where}${badge}`, '', md(f.message), '']
  const inclusion = f.inclusion ?? []
  if (inclusion.length > 0) {
    lines.push('How it gets in:', '', ...groupInclusion(inclusion).map(g => `- ${md(describeInclusion(g))}`), '')
  }
  const fixes = f.fixes.filter(x => x.verified || !omit.has(x.title))
  if (fixes.length > 0) {
    lines.push(`<details><summary>How to fix</summary>\n\n${fixes.map(x => fixItem(f, x)).join('\n')}\n\n</details>`, '')
  }
  return lines.join('\n')
}

/** A fix as a list item: its label, its title, and its edits as a small diff. */
function fixItem(f: Finding, fix: Fix): string {
  const label = fix.verified ? '✅ **verified:** ' : f.severity === 'error' ? '*not verified:* ' : ''
  const diff = editDiff(fix.edits ?? [])
  return `- ${label}${md(fix.title)}${diff.length > 0 ? `\n\n${fencedBlock('diff', diff.map(withCodePoints), '  ')}` : ''}`
}

/** A fenced code block whose fence is longer than any run of backticks in the lines, so none can close it. */
export function fencedBlock(language: string, lines: readonly string[], indent = ''): string {
  const longest = Math.max(0, ...lines.map(l => Math.max(0, ...(l.match(/`+/g) ?? []).map(run => run.length))))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}${language}`, ...lines, fence].map(l => `${indent}${l}`).join('\n')
}

function diagramBlocks(report: Report): string[] {
  const failing = report.artifacts.filter(a => a.status === 'error' && a.linkage.length > 0)
  if (failing.length === 0) return []
  const blocks = ['### Linkage of failing artifacts\n']
  for (const [i, artifact] of failing.slice(0, MAX_DIAGRAMS).entries()) {
    const findings = report.findings.filter(f => sameArtifact(f, artifact))
    const of = artifact.package === artifact.target ? '' : ` of <code>${escapeHtml(artifact.package)}</code>`
    const label = `${escapeHtml(artifact.crateType)} <code>${escapeHtml(artifact.target)}</code>${of}${artifact.mode === 'build' ? '' : ` (${artifact.mode})`}`
    blocks.push(`<details${i === 0 ? ' open' : ''}><summary>${label}</summary>\n\n\`\`\`mermaid\n${linkageDiagram(artifact, findings)}\n\`\`\`\n\n</details>\n`)
  }
  if (failing.length > MAX_DIAGRAMS) blocks.push(`${failing.length - MAX_DIAGRAMS} more failing artifacts are in the JSON report.\n`)
  return blocks
}

function sameArtifact(f: Finding, a: ArtifactReport): boolean {
  return f.package === a.package && f.target === a.target && f.kind === a.kind && f.mode === a.mode && f.platform === a.platform && (f.crateType === a.crateType || a.mode !== 'build')
}

const STATUS_ORDER = { error: 0, blocked: 1, ok: 2 } as const

function artifactBlocks(report: Report): string[] {
  if (report.artifacts.length === 0) return []
  const sorted = [...report.artifacts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
  const head = '| package | target | crate type | status | std | shared libraries at run time |\n|---|---|---|---|---|---|'
  const row = (a: ArtifactReport): string => {
    const status = a.status === 'error' ? '❌ error' : a.status === 'blocked' ? '⛔ blocked' : '✅ ok'
    const features = buildScriptFeatures(a)
    const cells = [
      a.package,
      `${a.target}${a.mode === 'build' ? '' : ` (${a.mode})`}${a.platform === 'host' ? ' (host)' : ''}${features === '' ? '' : ` (${features})`}`,
      a.crateType,
      status,
      stdLinkage(a),
      (a.runtimeLibraries ?? []).join(', ') || '—'
    ]
    return `| ${cells.map(escapeHtml).join(' | ')} |`
  }
  const open = sorted.slice(0, OPEN_ARTIFACT_ROWS)
  const rest = sorted.slice(OPEN_ARTIFACT_ROWS)
  const blocks = [`### Artifacts\n\n${head}\n${open.map(row).join('\n')}\n`]
  // Rows go in chunks so that the budget can cut between them.
  for (let i = 0; i < rest.length; i += 500) {
    const chunk = rest.slice(i, i + 500)
    blocks.push(`<details><summary>${plural(rest.length, 'more artifact')}${rest.length > 500 ? ` (${i + 1}–${i + chunk.length})` : ''}</summary>\n\n${head}\n${chunk.map(row).join('\n')}\n\n</details>\n`)
  }
  return blocks
}

const ROLES: Record<BoundaryReport['role'], string> = {
  'rust-dylib': 'Rust dylib',
  'prefer-dynamic': '`-C prefer-dynamic`',
  'links-dynamically': 'links Rust crates dynamically',
  plugin: 'cdylib plugin',
  'plugin-host': 'loads plugins'
}

/** The compiler in use, the pin, the target, and the artifacts whose compiler and flags must match. */
function toolchainBlock(report: Report): string {
  const t = report.toolchain
  const rows: [string, string][] = [
    ['rustc in use', md(`\`${t.release}\` (${t.commitHash.slice(0, 9)}${t.commitDate ? ` ${t.commitDate}` : ''}), host \`${t.host}\``)],
    [
      'pinned by the repository',
      t.pin ? md(`\`${t.pin.channel ?? t.pin.path ?? '—'}\` (${t.pin.kind}) in \`${t.pin.file}:${t.pin.line}\``) : 'nothing (no <code>rust-toolchain.toml</code>)'
    ],
    ...(t.expected ? [['required by the policy', md(`\`${t.expected}\` (\`exact-toolchain\`)`)] as [string, string]] : []),
    ['target', md(`\`${t.target}\``) + (t.stdInstalled ? ', standard library installed' : ', **standard library not installed**')]
  ]
  // A list, not a table: a two-column table would need a header row with nothing to say.
  const lines = ['### Toolchain', '', ...rows.map(([k, v]) => `- ${k}: ${v}`), '']
  if (report.boundaries.length > 0) {
    lines.push(
      'Artifacts at a dynamic boundary (everything across it must come from the same compiler and flags):',
      '',
      '| package | target | role | panic | ABI-relevant flags |',
      '|---|---|---|---|---|',
      ...report.boundaries.map(b => {
        const target = `${b.target}${b.platform === 'host' ? ' (host)' : ''}`
        return `| ${escapeHtml(b.package)} | ${escapeHtml(target)} | ${md(ROLES[b.role])} | ${b.panic} | ${b.abiFlags.length > 0 ? b.abiFlags.map(f => `<code>${escapeHtml(f)}</code>`).join(' ') : '—'} |`
      }),
      ''
    )
  }
  return lines.join('\n')
}

function allowedBlocks(report: Report): string[] {
  const allowed = report.findings.filter(f => f.allowed !== undefined)
  if (allowed.length === 0) return []
  const items = allowed.map(f => `- <code>${escapeHtml(f.rule)}</code> ${md(findingSubject(f))}: ${md(f.allowed!.reason)} <sub>(${escapeHtml(f.allowed!.file)}:${f.allowed!.line})</sub>`)
  return [`<details><summary>${plural(allowed.length, 'finding')} allowed by the policy</summary>\n\n${items.join('\n')}\n\n</details>\n`]
}

function footer(report: Report): string {
  const t = report.toolchain
  const notes = report.notes.map(n => `> ${md(n)}`).join('\n')
  const facts = md(`rustc ${t.release} (${t.commitHash.slice(0, 9)}), host ${t.host}, target ${t.target}, profile ${report.invocation.profile}`)
  return `${notes === '' ? '' : `${notes}\n\n`}<sub>${facts}</sub>\n`
}

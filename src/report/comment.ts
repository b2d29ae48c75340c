import { createHash } from 'node:crypto'
import type { Edit, Finding, Fix } from '../findings/finding.js'
import { HIDDEN, plural } from '../text.js'
import { repositoryPath } from './annotations.js'
import { escapeHtml, findingSubject, md } from './render.js'
import type { Report } from './report.js'
import { fencedBlock, type FileLinks, findingBlock, header } from './summary.js'

/** Findings written out in full in the comment; the job summary has the rest. */
const DETAILED = 20

const ICONS = { error: '🔴', warning: '🟠', note: '🔵' } as const

/**
 * The sticky pull-request comment: the verdict and the findings that need attention (new ones when a
 * baseline was given), each in full with its fixes (verified ones with their edits as a diff), then a link to
 * the job summary for everything else.
 */
export function renderComment(report: Report, options: { runUrl: string | null; links?: FileLinks | null }): string {
  const attention = needingAttention(report)
  const out = [header(report)]
  if (attention.length > 0) {
    out.push(`### ${report.baseline ? 'New findings' : 'Findings'}\n`)
    for (const f of attention.slice(0, DETAILED)) out.push(`${ICONS[f.severity]} <code>${escapeHtml(f.rule)}</code> · ${findingBlock(f, options.links ?? null)}`)
    if (attention.length > DETAILED) out.push(`…and ${plural(attention.length - DETAILED, 'more finding')}.\n`)
  }
  const link = options.runUrl === null ? 'the job summary' : `the [job summary](${options.runUrl})`
  out.push(`<sub>Artifacts, linkage diagrams and every finding: ${link}.</sub>\n`)
  return out.join('\n')
}

function needingAttention(report: Report): Finding[] {
  return report.findings.filter(f => f.allowed === undefined && f.baseline !== 'existing')
}

/** Suggested changes posted at most; the job summary has every fix. */
export const MAX_SUGGESTIONS = 50

/** A replacement longer than this is not suggested (a review comment holds 65,536 characters). */
const MAX_SUGGESTION_CHARS = 16_384

/** One suggested change: a review comment on one line of the pull request's head, replacing it. */
export interface SuggestedChange {
  /** Identifies the change across runs: a hash of the file, the line as it is and its replacement. */
  key: string
  /** Repository-relative path and the head-side line the suggestion replaces. */
  path: string
  line: number
  /** The comment: `suggestionMarker(key)`, the findings and fixes it is for, and the suggestion block. */
  body: string
}

export interface SuggestionOptions {
  /** The workspace root relative to the repository root, posix ('' when they are the same). */
  workspacePrefix: string
  /**
   * The head's text of `line` of the repository-relative `file` when the pull request added or changed that
   * line (from the diff's `+` lines); undefined for any other line.
   */
  changedLineText: (file: string, line: number) => string | undefined
}

/** The hidden first line of a suggestion comment, by which the next run finds it again. */
export function suggestionMarker(key: string): string {
  return `<!-- rust-linkage-guard-suggestion:${key} -->`
}

/** The key of a suggestion comment's body, or null for a body without our marker. */
export function suggestionKey(body: string): string | null {
  return /^<!-- rust-linkage-guard-suggestion:([0-9a-f]{16}) -->/.exec(body)?.[1] ?? null
}

/**
 * The verified fixes a pull request can apply from its review: for each finding that needs attention, its first
 * verified `manifest-edit` fix whose every edit replaces a line that the pull request added or changed and that
 * still reads, in the diff, exactly as the edit's `before` (so a line the checkout's merge moved is never
 * replaced). One suggestion per line: findings fixed by the same edit share it, and a fix with an edit that
 * another fix already changes differently is left out. A fix whose lines hold hidden characters (bidi, zero-width,
 * controls but tab) is left out too: accepted, a suggestion is committed as written, so it must be text that
 * reads as what it is. Pure.
 */
export function suggestedChanges(report: Report, options: SuggestionOptions): SuggestedChange[] {
  const slots = new Map<string, { path: string; edit: Edit; items: { f: Finding; fix: Fix; others: string[] }[] }>()
  const slotOf = (path: string, line: number): string => `${path}\n${line}`
  for (const f of needingAttention(report)) {
    for (const fix of f.fixes) {
      if (!fix.verified || fix.kind !== 'manifest-edit' || (fix.edits ?? []).length === 0) continue
      const located = fix.edits!.map(edit => ({ edit, path: repositoryPath(options.workspacePrefix, edit.file) }))
      const fits = located.every(({ edit, path }) => {
        if (path === null || !suggestible(edit) || options.changedLineText(path, edit.line) !== edit.before) return false
        const taken = slots.get(slotOf(path, edit.line))
        return taken === undefined || (taken.edit.before === edit.before && taken.edit.after === edit.after)
      })
      // Two edits of one fix on one line cannot both be suggested.
      if (!fits || new Set(located.map(l => slotOf(l.path!, l.edit.line))).size < located.length) continue
      if (slots.size + located.filter(l => !slots.has(slotOf(l.path!, l.edit.line))).length > MAX_SUGGESTIONS) continue
      for (const { edit, path } of located) {
        const others = located.filter(l => l.edit !== edit).map(l => `${l.path}:${l.edit.line}`)
        const slot = slots.get(slotOf(path!, edit.line))
        if (slot === undefined) slots.set(slotOf(path!, edit.line), { path: path!, edit, items: [{ f, fix, others }] })
        else slot.items.push({ f, fix, others })
      }
      break
    }
  }
  return [...slots.values()].map(({ path, edit, items }) => {
    const key = createHash('sha256').update(JSON.stringify([path, edit.before, edit.after])).digest('hex').slice(0, 16)
    return { key, path, line: edit.line, body: suggestionBody(key, edit, items) }
  })
}

function suggestible(edit: Edit): boolean {
  const visible = (text: string): boolean => !HIDDEN.test(text.replace(/\t/g, ''))
  return edit.after.length <= MAX_SUGGESTION_CHARS && visible(edit.before) && edit.after.split('\n').every(visible)
}

/**
 * A suggestion comment: the marker, each finding the edit fixes (rule, subject) with the fix's title and the
 * other lines the fix changes, then the replacement in a `suggestion` block whose fence no line can close.
 */
function suggestionBody(key: string, edit: Edit, items: readonly { f: Finding; fix: Fix; others: string[] }[]): string {
  const lines = items.map(({ f, fix, others }) => {
    const also = others.length === 0 ? '' : ` Apply it together with the suggestion${others.length === 1 ? '' : 's'} on ${others.map(o => `<code>${escapeHtml(o)}</code>`).join(', ')}.`
    return `- ${ICONS[f.severity]} <code>${escapeHtml(f.rule)}</code> · **${md(findingSubject(f))}**: ${md(fix.title)}${also}`
  })
  return [
    suggestionMarker(key),
    '✅ **Verified fix** from Rust Linkage Guard, which applied it to its model of the workspace and analysed again: the artifact then links and no new error appears.',
    '',
    ...lines,
    '',
    fencedBlock('suggestion', edit.after.split('\n')),
    ''
  ].join('\n')
}

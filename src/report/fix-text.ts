/** How reports name a fix and show its edits, shared by the text, summary, annotation and SARIF renderers. */
import type { Edit, Finding, Fix } from '../findings/finding.js'

/**
 * "fix (verified)" for a fix the engine proved; "fix (not verified)" for advice on an error, whose reader
 * must be able to tell it from the proven ones; plain "fix" for advice on warnings and notes.
 */
export function fixLabel(f: Finding, fix: Fix): string {
  if (fix.verified) return 'fix (verified)'
  return f.severity === 'error' ? 'fix (not verified)' : 'fix'
}

/** A fix's edits as a unified diff per file without context lines, as the job summary shows them. */
export function editDiff(edits: readonly Edit[]): string[] {
  const byFile = new Map<string, Edit[]>()
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e])
  return [...byFile].flatMap(([file, fileEdits]) => unifiedDiff(file, [], fileEdits, 0))
}

/**
 * A unified diff of one file's edits with up to `context` unchanged lines around each, as `diff -u` writes it;
 * `lines` is the file before the edits, without line endings.
 */
export function unifiedDiff(file: string, lines: readonly string[], edits: readonly Edit[], context = 2): string[] {
  const out = [`--- a/${file}`, `+++ b/${file}`]
  const sorted = [...edits].sort((a, b) => a.line - b.line)
  let shift = 0
  let i = 0
  while (i < sorted.length) {
    // Edits whose context overlaps form one hunk.
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1]!.line - sorted[j]!.line <= 2 * context) j++
    const first = Math.max(1, sorted[i]!.line - context)
    const last = Math.max(sorted[j]!.line, Math.min(lines.length, sorted[j]!.line + context))
    const body: string[] = []
    let added = 0
    for (let line = first; line <= last; line++) {
      const edit = sorted.slice(i, j + 1).find(e => e.line === line)
      if (edit === undefined) {
        body.push(` ${lines[line - 1] ?? ''}`)
        continue
      }
      const after = edit.after.split('\n')
      body.push(`-${edit.before}`, ...after.map(l => `+${l}`))
      added += after.length - 1
    }
    const oldCount = last - first + 1
    out.push(`@@ -${first},${oldCount} +${first + shift},${oldCount + added} @@`, ...body)
    shift += added
    i = j + 1
  }
  return out
}

/** A fix's edits for the text report, as rustc shows a suggestion: `file:line`, then `- before` and `+ after`. */
export function editLines(edits: readonly Edit[]): { kind: 'location' | 'removed' | 'added'; text: string }[] {
  return edits.flatMap(e => [
    { kind: 'location' as const, text: `${e.file}:${e.line}` },
    { kind: 'removed' as const, text: `- ${e.before}` },
    ...e.after.split('\n').map(l => ({ kind: 'added' as const, text: `+ ${l}` }))
  ])
}

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

/** A fix's edits as diff lines per file: `--- a/<file>`, `+++ b/<file>`, `@@ -<line> +<line> @@`, `-before`, `+after`. */
export function editDiff(edits: readonly Edit[]): string[] {
  const lines: string[] = []
  const byFile = new Map<string, Edit[]>()
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e])
  for (const [file, fileEdits] of byFile) {
    lines.push(`--- a/${file}`, `+++ b/${file}`)
    let shift = 0
    for (const e of [...fileEdits].sort((a, b) => a.line - b.line)) {
      const after = e.after.split('\n')
      lines.push(`@@ -${e.line},1 +${e.line + shift},${after.length} @@`, `-${e.before}`, ...after.map(l => `+${l}`))
      shift += after.length - 1
    }
  }
  return lines
}

/** A fix's edits for the text report, as rustc shows a suggestion: `file:line`, then `- before` and `+ after`. */
export function editLines(edits: readonly Edit[]): { kind: 'location' | 'removed' | 'added'; text: string }[] {
  return edits.flatMap(e => [
    { kind: 'location' as const, text: `${e.file}:${e.line}` },
    { kind: 'removed' as const, text: `- ${e.before}` },
    ...e.after.split('\n').map(l => ({ kind: 'added' as const, text: `+ ${l}` }))
  ])
}

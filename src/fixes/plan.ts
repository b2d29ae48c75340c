/**
 * What `--fix` applies: the first verified manifest edit of every error finding, edits shared by several
 * findings once, and a finding whose edit touches a line another finding's edit already changes differently
 * left for the next run. Pure: findings in, edits per file and what stays unfixed out.
 */
import type { Edit, Finding, Fix } from '../findings/finding.js'

export interface FixPlan {
  /** The edits to make, per file (relative to the workspace root), in line order. */
  edits: Map<string, Edit[]>
  /** The error findings whose fix is in `edits`, each with that fix. */
  fixed: { finding: Finding; fix: Fix }[]
  /** The error findings left as they are, and why. */
  unfixed: { finding: Finding; reason: string }[]
}

export function planFixes(findings: readonly Finding[]): FixPlan {
  const edits = new Map<string, Edit[]>()
  const fixed: FixPlan['fixed'] = []
  const unfixed: FixPlan['unfixed'] = []
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.allowed !== undefined || finding.baseline === 'existing') continue
    const fix = finding.fixes.find((f): f is Fix & { edits: Edit[] } => f.verified && f.kind === 'manifest-edit' && (f.edits?.length ?? 0) > 0)
    if (fix === undefined) {
      const other = finding.fixes.find(f => f.verified)
      unfixed.push({ finding, reason: other ? `no verified manifest edit; verified instead: ${other.title}` : 'no verified fix' })
      continue
    }
    const clash = fix.edits.find(e => (edits.get(e.file) ?? []).some(o => o.line === e.line && (o.before !== e.before || o.after !== e.after)))
    if (clash !== undefined) {
      unfixed.push({ finding, reason: `its edit of ${clash.file}:${clash.line} differs from another fix's; run \`--fix\` again after this one` })
      continue
    }
    for (const e of fix.edits) {
      const list = edits.get(e.file) ?? []
      if (!list.some(o => o.line === e.line)) list.push(e)
      edits.set(e.file, list)
    }
    fixed.push({ finding, fix })
  }
  for (const list of edits.values()) list.sort((a, b) => a.line - b.line)
  return { edits, fixed, unfixed }
}

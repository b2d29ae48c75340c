/**
 * `rust-linkage-guard --fix`: applies the first verified manifest edit of every error finding to the files
 * it was computed from, as `cargo fix` does, and says what it changed and what it could not fix.
 */
import path from 'node:path'
import { UserError } from '../errors.js'
import { processRunner } from '../exec/runner.js'
import { planFixes } from '../fixes/plan.js'
import { uncommittedChanges } from '../gather/git.js'
import { readInputFile, repositoryScope } from '../input-file.js'
import { applyEdits } from '../manifest/edits.js'
import { unifiedDiff } from '../report/fix-text.js'
import { findingSubject } from '../report/render.js'
import type { Report } from '../report/report.js'
import { writeAtomically } from '../write-file.js'

/** Refuses to go on over uncommitted changes or outside git, unless `--allow-dirty`; as `cargo fix`. */
export async function checkWorkingTree(dir: string, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const changes = await uncommittedChanges(processRunner(30_000), dir, env)
  if (changes === null) {
    throw new UserError(`\`--fix\` edits files only in a git working tree, so that its changes can be reviewed and undone, and \`${dir}\` is not in one; pass \`--allow-dirty\` to edit anyway`)
  }
  if (changes.length > 0) {
    const shown = changes.slice(0, 3).map(f => `\`${f}\``).join(', ')
    throw new UserError(`\`--fix\` refuses to edit a working tree with uncommitted changes (${changes.length} ${changes.length === 1 ? 'file' : 'files'}: ${shown}${changes.length > 3 ? ', …' : ''}); commit or stash them, or pass \`--allow-dirty\``)
  }
}

/** What `--fix` did: the diff it printed, the files it wrote, and how many errors it fixed and left. */
export interface FixOutcome {
  text: string
  written: string[]
  fixed: number
  unfixed: number
}

/**
 * Applies the plan to the files under the report's workspace root. Every file is read again, and each edited
 * line must still read as the analysis saw it: if one does not, nothing is written.
 */
export function applyReportFixes(report: Pick<Report, 'findings' | 'workspaceRoot'>): FixOutcome {
  const plan = planFixes(report.findings)
  const scope = repositoryScope(report.workspaceRoot)
  const files: { file: string; absolute: string; before: string; after: string }[] = []
  for (const [file, edits] of plan.edits) {
    const absolute = path.resolve(report.workspaceRoot, file)
    const before = readInputFile(absolute, 'manifest', { within: scope })
    const after = applyEdits(before, edits)
    if (after === null) throw new UserError(`\`${file}\` changed since it was analysed; nothing was fixed, run \`--fix\` again`)
    files.push({ file, absolute, before, after })
  }
  const lines: string[] = []
  for (const { file, absolute, before, after } of files) {
    writeAtomically(absolute, after, '`--fix`')
    lines.push(...unifiedDiff(file, before.split('\n').map(l => l.replace(/\r$/, '')), plan.edits.get(file)!))
  }
  if (files.length > 0) lines.push('')
  const total = plan.fixed.length + plan.unfixed.length
  const where = files.length > 0 ? ` in ${files.length} ${files.length === 1 ? 'file' : 'files'}` : ''
  lines.push(total === 0 ? 'No error to fix.' : `Fixed ${plan.fixed.length} of ${total} ${total === 1 ? 'error' : 'errors'}${where}.`)
  for (const { finding, reason } of plan.unfixed) lines.push(`  not fixed: ${finding.rule}: ${findingSubject(finding).replace(/`/g, '')}: ${reason}`)
  return { text: `${lines.join('\n')}\n`, written: files.map(f => f.file), fixed: plan.fixed.length, unfixed: plan.unfixed.length }
}

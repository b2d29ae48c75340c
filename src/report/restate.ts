/**
 * An uploaded report (`publish-report`) is posted by a job that holds a write token, and a pull request from a
 * fork can forge it. Its prose is therefore never posted: every message, fix, related-line label, allow reason
 * and note is replaced by text written here (a fix's edits and command are dropped, so nothing forged is suggested) from the report's structured fields (rule, subject, crates), which
 * `parseReport` has checked against cargo's grammar. The verdict, counts, severities and locations stay.
 */
import { adviceFix, type Finding } from '../findings/finding.js'
import { type RuleId, RULES } from '../rules/registry.js'
import { listCrates, plural } from '../text.js'
import { findingSubject } from './render.js'
import type { Report } from './report.js'

/** Where the prose went: the run that analysed the workspace wrote it to its own job summary. */
export const SEE_ANALYSING_RUN = 'See the job summary of the run that analysed the workspace for the full explanation and the suggested fixes.'

/** A report whose free text is all ours; nothing else changes. */
export function restateReport(report: Report): Report {
  const notes = report.notes.length
  return {
    ...report,
    findings: report.findings.map(restateFinding),
    notes: notes === 0 ? [] : [`${plural(notes, 'note')} about the analysis: see the job summary of the run that analysed the workspace.`]
  }
}

function restateFinding(f: Finding): Finding {
  const info = RULES.find(r => r.id === f.rule)
  const title = info?.title ?? `A finding of rule \`${f.rule}\``
  const crates = f.crates.length === 0 ? '' : `; ${CRATES_LABEL[f.rule as RuleId] ?? 'crates at fault'}: ${listCrates(f.crates)}`
  const fixes = info === undefined ? null : FIXES[info.id]?.(f)
  const out: Finding = { ...f, message: `${title}: ${findingSubject(f)}${crates}.`, fixes: (fixes ?? [SEE_ANALYSING_RUN]).map(adviceFix) }
  if (f.related !== undefined) out.related = f.related.map(r => ({ file: r.file, line: r.line, message: 'related line' }))
  if (f.allowed !== undefined) out.allowed = { reason: 'see the allow entry', file: f.allowed.file, line: f.allowed.line }
  return out
}

/** What the crates of a finding are, where they are not the crates at fault. */
const CRATES_LABEL: Partial<Record<RuleId, string>> = {
  'runtime-dylib': 'shared libraries needed at run time',
  'proc-macro-dylib': 'the proc-macro and the shared libraries it links',
  'toolchain-mismatch': 'required',
  'toolchain-unpinned': 'at the dynamic boundary',
  'multiple-rust-runtimes': 'plugins',
  'unused-allow': 'crate named by the entry',
  'no-linkable-lib': 'dependency'
}

const names = (crates: readonly string[]): string => crates.map(c => `\`${c}\``).join(', ')

/** Fixes that follow from the fields alone; the other rules point at the analysing run. */
const FIXES: Partial<Record<RuleId, (f: Finding) => string[]>> = {
  'rlib-required': f => [`Add \`"rlib"\` to \`crate-type\` of ${names(f.crates)}.`],
  'dylib-required': () => ['Rebuild the dylibs that depend on it from a clean target directory, with the same flags.'],
  'no-linkable-lib': f => [
    `Add \`"rlib"\` to \`crate-type\` in the \`[lib]\` of ${names(f.crates)}.`,
    'Or remove the dependency and load the library at run time (cdylib) or link it as a native library (staticlib).'
  ],
  'published-dylib': f => [
    `Add \`"rlib"\` to \`crate-type\` of the library${f.package === undefined ? '' : ` of \`${f.package}\``}: dependents then link it statically as usual.`,
    'Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`.'
  ],
  'runtime-dylib': () => [
    'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.',
    'Or set `rpath = true` in the profile and ship the shared libraries beside the executable.',
    'Or set the library path (`LD_LIBRARY_PATH`, `DYLD_FALLBACK_LIBRARY_PATH`, `PATH` on Windows) when starting it.'
  ],
  'toolchain-unpinned': () => [
    'Pin the exact compiler in `rust-toolchain.toml`: `[toolchain]` then `channel` set to a release such as `1.95.0` or a dated nightly.',
    'Or set `exact-toolchain` in `.github/rust-linkage.toml` if the toolchain is chosen elsewhere.'
  ],
  'unused-allow': f => [`Remove the allow entry at \`${f.file}:${f.line}\`, correct its fields, or set a later \`expires\` date.`]
}

/**
 * Verified fixes: every candidate fix of an error finding is applied to the model and the invocation is
 * analysed again. A fix is offered as verified only when the finding's artifact then links and no error
 * appears that was not there before; a candidate that fails is dropped, as it is known not to work.
 */
import { UserError } from '../errors.js'
import { adviceFix, type Edit, type Finding, type Fix, findingArtifact } from '../findings/finding.js'
import type { LinkageResult, UnitResult } from '../linkage/resolve.js'
import { crateTypeEdits, settingEdit } from '../manifest/edits.js'
import { toCargoArgs } from '../model/invocation.js'
import { relativePosix, resolveFrom } from '../model/paths.js'
import type { Analysis, ArtifactReport } from '../report/report.js'
import { type Candidate, candidatesFor, rlibTitle } from './candidates.js'
import { applyChanges, changesKey, type Model, type ModelChange } from './changes.js'

/**
 * The most distinct changes analysed again per run: a few fixes shared by many findings, so that a workspace
 * with thousands of failing artifacts costs a bounded number of analyses. Candidates beyond it are offered
 * as unverified advice.
 */
export const MAX_REANALYSES = 12

/**
 * The most units analysed again per run, all analyses together (each costs about as much as the first): an
 * invocation of a few thousand units gets fewer analyses, so that verifying costs at most a few analyses
 * (four for 1,000 units, two for 2,000, one up to `MAX_VERIFIED_UNITS`); invocations of up to 333 units get all twelve.
 */
export const MAX_REANALYSED_UNITS = 4_000

/** Above this many units, an invocation's fixes are not verified at all: one more analysis already costs seconds. */
export const MAX_VERIFIED_UNITS = 4_000

/** An analysis of a changed model, with the linkage the candidates of its findings are drawn from. */
export interface Reanalysis {
  analysis: Analysis
  linkage: LinkageResult
}

/**
 * How many times a crate-type fix is widened: when adding `"rlib"` to the dylibs that contain a crate only
 * moves the duplicate to an artifact that was blocked before, the dylibs the new errors name get one too.
 */
const MAX_WIDENINGS = 3

export interface FixInput {
  model: Model
  analysis: Analysis
  linkage: LinkageResult
  /** The analysis of the invocation on a changed model, without fixes. */
  reanalyse: (model: Model) => Reanalysis
  /** A file's text by absolute path, or null when it cannot be read; null when no file can be read. */
  readText: ((absolute: string) => string | null) | null
}

/**
 * The analysis's findings, each error finding with its verified fixes first, and a note when the invocation
 * is too large for its fixes to be verified.
 */
export function withVerifiedFixes(input: FixInput): { findings: Finding[]; note: string | null } {
  const { analysis } = input
  const errors = new Set(analysis.findings.filter(f => f.severity === 'error').map(f => f.fingerprint))
  if (errors.size === 0) return { findings: analysis.findings, note: null }
  const units = input.linkage.results.length
  const tooLarge = units > MAX_VERIFIED_UNITS
  const note = tooLarge
    ? `Fixes are not verified: the invocation builds ${units} units, and the engine analyses an invocation again with a fix applied only up to ${MAX_VERIFIED_UNITS} units. Select fewer packages (\`-p\`) to get verified fixes.`
    : null
  const outcomes = new Map<string, Reanalysis | 'refused'>()
  /** The analysis with the changes made; `refused` when cargo refuses the changed command line; null when not analysed. */
  const analysed = (changes: ModelChange[]): Reanalysis | 'refused' | null => {
    const key = changesKey(changes)
    if (!outcomes.has(key)) {
      if (tooLarge || outcomes.size >= MAX_REANALYSES || (outcomes.size + 1) * units > MAX_REANALYSED_UNITS) return null
      outcomes.set(key, reanalysedOrRefused(input, changes))
    }
    return outcomes.get(key)!
  }
  // An artifact with several errors links only when all are fixed: each error is also tried with the
  // candidates of the others on the same artifact, its own first.
  const own = new Map<Finding, Candidate[]>()
  const byArtifact = new Map<string, Candidate[]>()
  const results = resultsByArtifact(input.linkage)
  for (const finding of analysis.findings) {
    if (finding.severity !== 'error') continue
    const candidates = candidatesFor({ finding, result: resultOf(finding, results), linkage: input.linkage, model: input.model })
    own.set(finding, candidates)
    const key = artifactKey(finding)
    if (key !== null) byArtifact.set(key, [...(byArtifact.get(key) ?? []), ...candidates])
  }
  const findings = analysis.findings.map(finding => {
    const mine = own.get(finding)
    if (mine === undefined) return finding
    const key = artifactKey(finding)
    const candidates = distinctChanges([...mine, ...(key === null ? [] : (byArtifact.get(key) ?? []))])
    if (candidates.length === 0) return finding
    const verified: { fix: Fix; cost: number }[] = []
    const unverified: Fix[] = []
    for (const first of candidates) {
      // Without the files, a manifest edit cannot be written down: it stays advice, and is not analysed.
      if (first.kind === 'manifest-edit' && input.readText === null) {
        if (mine.includes(first)) unverified.push(adviceFix(first.title))
        continue
      }
      let candidate = first
      let after = analysed(candidate.changes)
      for (let round = 0; round < MAX_WIDENINGS && after !== null && after !== 'refused' && !repairs(finding, after.analysis, errors); round++) {
        const wider = widened(candidate, after, errors, input.model)
        if (wider === null) break
        candidate = wider
        after = analysed(candidate.changes)
      }
      // A command line cargo refuses (one that leaves nothing to build) is no fix.
      if (after === 'refused') continue
      const edits = candidate.kind === 'manifest-edit' ? editsFor(candidate, input) : []
      if (after === null || edits === null) {
        if (mine.includes(first)) unverified.push(adviceFix(candidate.title))
      } else if (repairs(finding, after.analysis, errors)) {
        verified.push({ fix: fixOf(candidate, edits, input.model), cost: costOf(candidate, edits) })
      }
    }
    verified.sort((a, b) => a.cost - b.cost)
    return { ...finding, fixes: [...verified.map(v => v.fix), ...unverified, ...finding.fixes] }
  })
  return { findings, note }
}

/** The analysis of the model with the changes made, or `refused` when the engine refuses it as cargo would. */
function reanalysedOrRefused(input: FixInput, changes: ModelChange[]): Reanalysis | 'refused' {
  try {
    return input.reanalyse(applyChanges(input.model, changes))
  } catch (e) {
    if (e instanceof UserError) return 'refused'
    throw e
  }
}

/**
 * A crate-type candidate with the crate-type changes the new errors of its analysis call for added, or null
 * when they call for none it does not already make.
 */
function widened(candidate: Candidate, after: Reanalysis, errorsBefore: ReadonlySet<string>, model: Model): Candidate | null {
  if (!candidate.changes.every(c => c.kind === 'crate-types')) return null
  const changed = applyChanges(model, candidate.changes)
  const results = resultsByArtifact(after.linkage)
  const extra: ModelChange[] = []
  for (const finding of after.analysis.findings) {
    if (finding.severity !== 'error' || errorsBefore.has(finding.fingerprint)) continue
    const more = candidatesFor({ finding, result: resultOf(finding, results), linkage: after.linkage, model: changed }).find(c => c.changes.every(x => x.kind === 'crate-types'))
    for (const change of more?.changes ?? []) {
      if (change.kind !== 'crate-types') continue
      const seen = [...candidate.changes, ...extra].some(c => c.kind === 'crate-types' && c.pkg.id === change.pkg.id)
      if (!seen) extra.push(change)
    }
  }
  if (extra.length === 0) return null
  const changes = [...candidate.changes, ...extra]
  const names = changes.map(c => (c.kind === 'crate-types' ? c.pkg.name : ''))
  return { ...candidate, changes, title: rlibTitle(names) }
}

/**
 * The finding is gone, its artifact (if it is about one) is built and links, and every error of the
 * analysis was already an error before the change.
 */
function repairs(finding: Finding, after: Analysis, errorsBefore: ReadonlySet<string>): boolean {
  for (const f of after.findings) {
    if (f.fingerprint === finding.fingerprint) return false
    if (f.severity === 'error' && !errorsBefore.has(f.fingerprint)) return false
  }
  const artifact = findingArtifact(finding)
  if (artifact === null) return true
  const same = (a: ArtifactReport): boolean =>
    a.package === artifact.package && a.target === artifact.target && a.kind === artifact.kind && a.mode === artifact.mode && a.platform === artifact.platform
  const rows = after.artifacts.filter(same)
  return rows.length > 0 && rows.every(a => a.status === 'ok')
}

/** The first candidate of each distinct list of changes. */
function distinctChanges(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>()
  return candidates.filter(c => {
    const key = changesKey(c.changes)
    return !seen.has(key) && Boolean(seen.add(key))
  })
}

function artifactKey(finding: Finding): string | null {
  const a = findingArtifact(finding)
  return a === null ? null : [a.package, a.target, a.kind, a.mode, a.platform].join('\0')
}

function resultOf(finding: Finding, results: ReadonlyMap<string, UnitResult>): UnitResult | null {
  const key = artifactKey(finding)
  return key === null ? null : (results.get(key) ?? null)
}

/** The results that are not blocked, by the artifact key of their unit (the first, for a unit built twice). */
function resultsByArtifact(linkage: LinkageResult): Map<string, UnitResult> {
  const out = new Map<string, UnitResult>()
  for (const r of linkage.results) {
    if (r.status === 'blocked') continue
    const u = r.unit
    const key = [u.pkg.name, u.target.name, u.target.kind, u.mode, u.kind].join('\0')
    if (!out.has(key)) out.set(key, r)
  }
  return out
}

/** The text edits a manifest-edit candidate makes, or null when one of its files cannot be read or edited. */
function editsFor(candidate: Candidate, input: FixInput): Edit[] | null {
  const read = input.readText
  if (read === null) return null
  const root = input.model.metadata.workspaceRoot
  const edits: Edit[] = []
  for (const change of candidate.changes) {
    let made: Edit[] | null = null
    if (change.kind === 'crate-types') {
      const file = relativePosix(root, change.pkg.manifestPath)
      const text = file === null ? null : read(change.pkg.manifestPath)
      made = text === null ? null : crateTypeEdits(text, file!, change.types)
    } else if (change.kind === 'profile') {
      const profile = change.profile === 'build' ? input.model.context.profile : input.model.context.testProfile
      const source = profile.sources[change.change.setting]
      if (source && 'file' in source) {
        const absolute = resolveFrom(root, source.file)
        const file = relativePosix(root, absolute)
        const text = file === null ? null : read(absolute)
        const value = change.change.setting === 'lto' ? false : change.change.value
        const edit = text === null ? null : settingEdit(text, file!, source.line, change.change.setting, value)
        made = edit === null ? null : [edit]
      }
    }
    if (made === null) return null
    edits.push(...made)
  }
  return edits
}

function fixOf(candidate: Candidate, edits: Edit[], model: Model): Fix {
  const fix: Fix = { title: candidate.title, kind: candidate.kind, verified: true }
  if (candidate.kind === 'manifest-edit') fix.edits = edits
  if (candidate.kind === 'command') {
    const next = applyChanges(model, candidate.changes).invocation
    fix.command = ['cargo', next.command, ...toCargoArgs(next)]
  }
  return fix
}

/** Smaller changes first: one line edited, a different command line, then more lines, then the environment. */
function costOf(candidate: Candidate, edits: Edit[]): number {
  if (candidate.kind === 'manifest-edit') return edits.length
  return candidate.kind === 'command' ? 1.5 : 3
}

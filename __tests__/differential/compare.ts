/**
 * Compares what cargo really did with what the engine predicted, for one workspace and invocation.
 *
 * Artifacts are matched on package, target name, target kind, mode and platform. Without
 * `--target`, cargo gives host and target copies of a crate the same output directory and reports
 * no platform, so each cargo unit's platform is recovered from the unit graph: a build script or
 * proc-macro and everything below it serve the host, everything reachable from a requested root
 * without passing through one serves the target. One cargo unit can serve both (cargo builds a
 * shared dependency once when both copies would be compiled identically); it then stands for both
 * engine artifacts, and each must carry its status. When the two copies differ (say `panic = "abort"`
 * for the target only) cargo builds two units and each is matched with its own engine artifact.
 *
 * The engine may report one artifact per crate type of a unit (`["dylib","rlib"]`); rustc compiles
 * those in one invocation, which succeeds or fails as a whole, so they are folded into one status
 * (any error, else any blocked, else ok).
 *
 * Features: the distinct feature lists of the cargo units matched with an artifact must be the
 * engine's for it, whatever happened in the build (they come from the unit graph).
 *
 * Start-up: every bin cargo built is started twice, where cargo put it and copied alone into an empty
 * directory (Windows ones under wine). Each start must fail exactly when the bin's `runtime-dylib` finding
 * lists libraries missing there, and the loader must name only listed ones (wine names every one it looks
 * for, and the listed ones it never looks for must be imported by a missing one; Linux's loader names the
 * first); the bins that crash must be exactly those with a `static-pie-rpath` finding; a finding on a
 * bin that cargo did not build is a mismatch as well.
 *
 * Not compared, and listed as skipped: units whose inputs depend on which of two colliding outputs
 * (cargo's "output filename collision") was written last, artifacts cargo built twice with an
 * identical visible profile, where the attribution of its messages to a copy is a guess, units
 * `cargo test` never started because it stopped at another unit's failure, and starts the engine expected
 * to fail on libraries that the linker left out of the executable (`LEFT_OUT`).
 *
 * Two packages of one name (two versions) are told apart by version; labels then show it.
 */
import { type Finding, findingArtifact } from '../../src/findings/finding.js'
import type { CompileKind, CompileMode } from '../../src/model/build-context.js'
import type { TargetKind } from '../../src/model/metadata.js'
import type { ArtifactReport, ArtifactStatus, Analysis } from '../../src/report/report.js'
import { type CargoOutcome, DOUBT_TEXT, type InvocationId, type RunResult, summarizeErrors, type UnitOutcome } from './cargo-outcome.js'

export interface Mismatch {
  seed: number
  invocation: InvocationId
  /** `package/target (kind, mode, platform)`. */
  artifact: string
  /** What cargo did. */
  expected: string
  /** What the engine said. */
  predicted: string
  /** rustc's errors for the unit (collapsed), cargo's run output, and the engine's findings for the artifact. */
  details: string[]
}

export interface Skipped {
  artifact: string
  reason: string
}

export interface Comparison {
  seed: number
  invocation: InvocationId
  /** Artifacts (per platform) whose status was compared. */
  compared: number
  mismatches: Mismatch[]
  skipped: Skipped[]
}

interface ArtifactKey {
  package: string
  /** Set for the status comparison, where two versions of one package may both be built. */
  version?: string
  target: string
  kind: TargetKind
  mode: CompileMode
  platform: CompileKind
}

function keyString(key: ArtifactKey): string {
  return [key.package, key.version ?? '', key.target, key.kind, key.mode, key.platform].join('\u0000')
}

export function artifactLabel(key: ArtifactKey): string {
  return `${key.package}${key.version === undefined ? '' : `@${key.version}`}/${key.target} (${key.kind}, ${key.mode}, ${key.platform})`
}

const STATUS_ORDER: readonly ArtifactStatus[] = ['error', 'blocked', 'ok']

function foldStatuses(statuses: readonly ArtifactStatus[]): ArtifactStatus {
  return STATUS_ORDER.find(s => statuses.includes(s)) ?? 'ok'
}

function findingsFor(report: Analysis, key: ArtifactKey): Finding[] {
  return report.findings.filter(
    f => f.package === key.package && f.target === key.target && f.kind === key.kind && f.mode === key.mode && f.platform === key.platform
  )
}

function findingLines(findings: readonly Finding[]): string[] {
  return findings.map(f => `engine ${f.severity} ${f.rule} [${f.crateType}]: ${f.message}`)
}

function cargoDetails(unit: UnitOutcome): string[] {
  const lines = summarizeErrors(unit.errors).map(e => `rustc: ${e}`)
  if (unit.doubt !== undefined) lines.push(`note: ${DOUBT_TEXT[unit.doubt]}`)
  if (unit.run !== undefined && unit.run.outcome !== 'started') lines.push(`run: ${unit.run.stderr.split('\n')[0] ?? ''}`)
  return lines
}

function describeExpected(unit: UnitOutcome, outcome: CargoOutcome): string {
  if (unit.status !== 'blocked' || unit.blockedBy.length === 0) return unit.status
  const names = unit.blockedBy.map(i => {
    const dep = outcome.units.find(u => u.index === i)
    return dep === undefined ? `#${i}` : `${dep.package}/${dep.target}`
  })
  return `blocked by ${[...new Set(names)].join(', ')}`
}

function describePredicted(artifacts: readonly ArtifactReport[]): string {
  const status = foldStatuses(artifacts.map(a => a.status))
  const perType = artifacts.length > 1 ? ` [${artifacts.map(a => `${a.crateType}: ${a.status}`).join(', ')}]` : ''
  const blockedBy = artifacts.flatMap(a => a.blockedBy ?? []).map(b => `${b.package}/${b.target}`)
  return `${status}${blockedBy.length > 0 ? ` by ${[...new Set(blockedBy)].join(', ')}` : ''}${perType}`
}

/** Distinct feature lists, each sorted: `[a, b] []`. */
function featureSets(lists: readonly (readonly string[])[]): string {
  return [...new Set(lists.map(l => `[${[...l].sort().join(', ')}]`))].sort().join(' ')
}

export function compareOutcome(seed: number, outcome: CargoOutcome, report: Analysis): Comparison {
  const invocation = outcome.invocation.id
  const mismatches: Mismatch[] = []
  const skipped: Skipped[] = []
  // Versions are shown only for a package name built in more than one version.
  const versions = new Map<string, Set<string>>()
  for (const { package: name, version } of [...outcome.units, ...report.artifacts]) versions.set(name, (versions.get(name) ?? new Set()).add(version))
  const label = (key: ArtifactKey): string => {
    const several = (versions.get(key.package)?.size ?? 0) > 1
    const { version, ...rest } = key
    return artifactLabel(several && version !== undefined ? key : rest)
  }
  const mismatch = (key: ArtifactKey, expected: string, predicted: string, details: string[]): void => {
    mismatches.push({ seed, invocation, artifact: label(key), expected, predicted, details })
  }

  const predicted = new Map<string, { key: ArtifactKey; artifacts: ArtifactReport[] }>()
  for (const a of report.artifacts) {
    const key: ArtifactKey = { package: a.package, version: a.version, target: a.target, kind: a.kind, mode: a.mode, platform: a.platform }
    const entry = predicted.get(keyString(key)) ?? { key, artifacts: [] }
    entry.artifacts.push(a)
    predicted.set(keyString(key), entry)
  }

  const actual = new Map<string, { key: ArtifactKey; units: UnitOutcome[] }>()
  for (const unit of outcome.units) {
    for (const platform of unit.roles) {
      const key: ArtifactKey = { package: unit.package, version: unit.version, target: unit.target, kind: unit.kind, mode: unit.mode, platform }
      const entry = actual.get(keyString(key)) ?? { key, units: [] }
      entry.units.push(unit)
      actual.set(keyString(key), entry)
    }
  }

  const uncertain = (units: readonly UnitOutcome[]): string | null => {
    if (units.some(u => u.raceAffected)) return 'links a crate whose output file collides with another copy; the outcome depends on which copy was written last'
    if (units.some(u => u.doubt === 'ambiguous-copy')) return DOUBT_TEXT['ambiguous-copy']
    if (units.some(u => u.doubt === 'not-attempted')) return DOUBT_TEXT['not-attempted']
    if (units.some(u => u.doubt === 'cargo-refused')) return `${DOUBT_TEXT['cargo-refused']}: ${outcome.refusal?.message ?? ''}`
    if (units.length > 1 && new Set(units.map(u => u.status)).size > 1) return `cargo built ${units.length} units for this artifact with different outcomes`
    return null
  }

  // cargo refusing the whole invocation over one package: the engine must see that package fail.
  const refusal = outcome.refusal
  if (refusal !== undefined && refusal.package !== null) {
    const failing = report.artifacts.filter(a => a.package === refusal.package && a.status === 'error')
    if (failing.length === 0) {
      const own = report.artifacts.filter(a => a.package === refusal.package)
      mismatches.push({
        seed,
        invocation,
        artifact: `${refusal.package} (invocation)`,
        expected: `cargo refuses to build: ${refusal.message}`,
        predicted: own.length === 0 ? 'no artifact' : describePredicted(own),
        details: []
      })
    }
  }

  let compared = 0
  const keys = [...new Set([...actual.keys(), ...predicted.keys()])].sort()
  for (const k of keys) {
    const cargo = actual.get(k)
    const engine = predicted.get(k)
    if (cargo === undefined) {
      if (engine !== undefined) {
        mismatch(engine.key, 'not built by cargo', describePredicted(engine.artifacts), findingLines(findingsFor(report, engine.key)))
      }
      continue
    }
    const unit = cargo.units[0]
    if (unit === undefined) continue
    // Features come from the unit graph, so they are compared whatever happened in the build.
    if (engine !== undefined) {
      const expected = featureSets(cargo.units.map(u => u.features))
      const got = featureSets(engine.artifacts.map(a => a.features ?? []))
      if (expected !== got) mismatch(cargo.key, `features ${expected}`, `features ${got}`, [])
    }
    const doubt = uncertain(cargo.units)
    if (doubt !== null) {
      skipped.push({ artifact: label(cargo.key), reason: doubt })
      continue
    }
    compared++
    if (engine === undefined) {
      mismatch(cargo.key, describeExpected(unit, outcome), 'no artifact', cargoDetails(unit))
      continue
    }
    const status = foldStatuses(engine.artifacts.map(a => a.status))
    if (status !== unit.status) {
      mismatch(cargo.key, describeExpected(unit, outcome), describePredicted(engine.artifacts), [
        ...cargoDetails(unit),
        ...findingLines(findingsFor(report, engine.key))
      ])
    }
  }

  // Start-up: bins that fail to start directly versus bins with a `runtime-dylib` finding, bins that
  // crash versus bins with a `static-pie-rpath` finding.
  const runtimeFindings = new Map<string, Finding[]>()
  const crashFindings = new Map<string, Finding[]>()
  for (const f of report.findings) {
    const a = findingArtifact(f)
    // Only bins built as programs are run; a test harness is not.
    if (a === null || a.kind !== 'bin' || a.mode !== 'build') continue
    const byKey = f.rule === 'runtime-dylib' ? runtimeFindings : f.rule === 'static-pie-rpath' ? crashFindings : null
    if (byKey === null) continue
    const key = keyString(a)
    byKey.set(key, [...(byKey.get(key) ?? []), f])
  }
  const bins = new Map<string, { key: ArtifactKey; unit: UnitOutcome }>()
  for (const entry of actual.values()) {
    const unit = entry.units[0]
    const { version, ...key } = entry.key
    if (unit !== undefined && key.kind === 'bin' && key.mode === 'build') bins.set(keyString(key), { key, unit })
  }
  /**
   * One start of a bin against the libraries the engine says it misses there. Wine names every DLL it looked
   * for and could not find; a DLL that only a missing one imports is never looked for, and must be among
   * those its import tables name (`unsought`). Linux's loader names only the first, which must be among the
   * predicted ones.
   */
  const compareStart = (key: ArtifactKey, where: string, run: RunResult, missing: readonly string[], findings: readonly Finding[], loads: readonly string[] | undefined): void => {
    const details = [...findingLines(findings), `run: ${run.stderr.split('\n')[0] ?? ''}`]
    if (run.outcome === 'timed-out') {
      mismatch(key, `timed out when started ${where}`, missing.length > 0 ? `misses ${missing.join(', ')}` : 'starts', details)
    } else if (run.outcome === 'started' && missing.length > 0 && loads !== undefined && !missing.some(m => loads.some(l => sameLibrary(m, l)))) {
      skipped.push({ artifact: `${artifactLabel(key)} start-up ${where}`, reason: LEFT_OUT })
    } else if (run.outcome === 'started' && missing.length > 0) {
      mismatch(key, `starts ${where}`, `misses ${missing.join(', ')}`, details)
    } else if (run.outcome === 'failed-to-start' && missing.length === 0) {
      mismatch(key, `fails to start ${where}, missing ${run.missing.join(', ')}`, 'starts (no runtime-dylib finding)', details)
    } else if (run.outcome === 'failed-to-start') {
      const named = (actual: string): boolean => missing.some(m => sameLibrary(m, actual))
      const complete = run.stderr.includes('c0000135')
      const accounted = (predicted: string): boolean => [...run.missing, ...run.unsought].some(actual => sameLibrary(predicted, actual))
      const agrees = complete ? run.missing.every(named) && missing.every(accounted) : run.missing.length > 0 && run.missing.every(named)
      const behind = run.unsought.length > 0 ? ` (imported by them: ${run.unsought.join(', ')})` : ''
      if (!agrees) mismatch(key, `fails to start ${where}, missing ${run.missing.join(', ')}${behind}`, `misses ${missing.join(', ')}`, details)
    }
  }
  for (const [k, { key, unit }] of bins) {
    const findings = runtimeFindings.get(k) ?? []
    const crashes = crashFindings.get(k) ?? []
    if (unit.raceAffected) {
      if (unit.run !== undefined) skipped.push({ artifact: `${artifactLabel(key)} start-up`, reason: 'links a colliding output' })
      continue
    }
    if (unit.doubt === 'not-attempted' || unit.doubt === 'cargo-refused') continue
    const run = unit.run
    if (run === undefined) {
      // Not built, or a target whose executables are not run (wasm): a finding is only wrong on a bin cargo did not build.
      if (unit.status !== 'ok' && findings.length + crashes.length > 0) {
        mismatch(key, `not built (${unit.status}), nothing to start`, [...findings, ...crashes][0]!.rule, findingLines([...findings, ...crashes]))
      }
      continue
    }
    const crashed = run.outcome === 'crashed'
    if (crashed !== crashes.length > 0) {
      mismatch(key, crashed ? `crashes when run directly (${run.signal ?? `exit ${String(run.exitCode)}`})` : `${run.outcome} when run directly`, crashed ? 'no static-pie-rpath finding' : 'static-pie-rpath', [
        ...findingLines(crashes),
        `run: ${run.stderr.split('\n')[0] ?? ''}`
      ])
      continue
    }
    if (crashed) continue
    const startup = findings[0]?.startup
    // Only optimized builds inline ordinary functions across crates; in the others a left-out library is the engine's error.
    const loads = unit.optLevel === '0' ? undefined : unit.loads
    compareStart(key, 'in place', run, startup?.inPlace ?? [], findings, loads)
    if (unit.runCopied !== undefined) compareStart(key, 'copied alone', unit.runCopied, startup?.copiedAlone ?? [], findings, loads)
  }
  for (const [k, findings] of [...runtimeFindings, ...crashFindings]) {
    const first = findings[0] === undefined ? null : findingArtifact(findings[0])
    if (bins.has(k) || first === null) continue
    mismatch(first, 'not built by cargo', findings[0]!.rule, findingLines(findings))
  }

  return { seed, invocation, compared, mismatches, skipped }
}

/**
 * Why a start that the engine expected to fail is not compared: the linker recorded none of the libraries the
 * engine lists, since nothing in them is referenced (everything the bin uses from them was inlined into it, as
 * rustc does across crates with small functions in optimized builds), so the loader never looks for them. Taken
 * only for optimized builds: without optimization, a library left out is a mismatch (the `unused` category's case).
 */
const LEFT_OUT = 'the linker left out every library the engine lists (nothing in them is referenced once inlined)'

/** A predicted file name (`l0-<hash>.dll`: a registry package's, hash unknown) against the file the loader named. */
function sameLibrary(predicted: string, actual: string): boolean {
  if (!predicted.includes('<hash>')) return predicted.toLowerCase() === actual.toLowerCase()
  const [before = '', after = ''] = predicted.split('<hash>')
  const lower = actual.toLowerCase()
  return lower.startsWith(before.toLowerCase()) && lower.endsWith(after.toLowerCase()) && /^[0-9a-f]+$/.test(lower.slice(before.length, lower.length - after.length))
}

/** A mismatch as a few readable lines. */
export function formatMismatch(m: Mismatch): string[] {
  return [
    `seed ${m.seed} ${m.invocation}: ${m.artifact}`,
    `    cargo:  ${m.expected}`,
    `    engine: ${m.predicted}`,
    ...m.details.map(d => `    ${d}`)
  ]
}

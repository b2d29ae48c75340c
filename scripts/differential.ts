/**
 * Differential test of the engine against the real compiler.
 *
 *   npx tsx scripts/differential.ts --count N --seed S [--category NAME]... [--toolchain NAME] [--target TRIPLE]
 *                                   [--keep DIR] [--jobs J] [--outcomes-only]
 *
 * Generates N workspaces from seed S, builds each with the cargo invocations of its category (each
 * in a fresh target directory), runs the engine on the same manifest, flags, environment and working
 * directory, and compares. Exits 1 on any mismatch. `--category NAME` (repeatable): the categories
 * to generate, workspace i of the run getting category i modulo their number (default: every
 * category; `runDifferential` alone defaults to `linkage`). `--jobs J`: cargo builds running at once
 * (default 2; each gets `-j cores/J`). `--keep DIR`: keep workspaces and target directories in DIR
 * instead of a removed temporary directory. `--outcomes-only` skips the engine and prints what
 * cargo did.
 *
 * `--toolchain NAME` builds and analyses with that rustup toolchain (`RUSTUP_TOOLCHAIN`; Debian's compiler
 * after `rustup toolchain link debian /usr`), `--target TRIPLE` adds `--target` to every invocation (one
 * naming the host gets the triple instead). Executables are started twice, where cargo put them and copied
 * alone into an empty directory: Windows ones under wine, wasm ones not at all.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../src/errors.js'
import { releaseAtLeast } from '../src/model/compiler-behaviour.js'
import type { Analysis } from '../src/report/report.js'
import {
  CATEGORIES,
  type Category,
  describeWorkspace,
  formatInvocation,
  generateWorkspace,
  isCategory,
  workspaceSeeds,
  writeWorkspace,
  type GeneratedWorkspace
} from '../__tests__/differential/generate.js'
import {
  BUILD_ENV,
  type BuildPlatform,
  cargoEnvironment,
  describeUnit,
  engineArgs,
  HOST_PLATFORM,
  invocationsFor,
  onPlatform,
  PlatformError,
  prepareWine,
  requireTargetStd,
  runCargo,
  toolchainFacts,
  type CargoInvocation,
  type CargoOutcome,
  type InvocationId,
  type UnitOutcome
} from '../__tests__/differential/cargo-outcome.js'
import { compareOutcome, formatMismatch, type Comparison, type Mismatch } from '../__tests__/differential/compare.js'

export interface EngineOptions {
  manifestPath: string
  args: string[]
  env: Record<string, string | undefined>
  cwd?: string
}

export type RunAnalysis = (options: EngineOptions) => Promise<Analysis>

/** Loaded lazily so that `--outcomes-only` works without the engine: cargo-style flags in, report out. */
export async function loadEngine(): Promise<RunAnalysis> {
  const [{ analyzeWorkspace }, { parseCliArgs }] = await Promise.all([import('../src/run.js'), import('../src/cli/args.js')])
  return options => {
    const cli = parseCliArgs(options.args)
    return analyzeWorkspace({
      manifestPath: options.manifestPath,
      invocation: cli.invocation,
      metadataFile: cli.metadataFile,
      configOverrides: cli.configOverrides,
      env: options.env,
      cwd: options.cwd ?? path.dirname(path.resolve(options.manifestPath))
    })
  }
}

/** One workspace of a fixed subset, optionally with only some of its invocations (by id). */
export interface ChosenWorkspace {
  category: Category
  seed: number
  invocations?: readonly string[]
}

export interface DifferentialOptions {
  count: number
  seed: number
  /** Categories of the generated workspaces, round-robin over the run; `linkage` only when absent. */
  categories?: readonly Category[]
  /** Exactly these workspaces instead of `count` drawn from `seed` (a fixed subset for a test). */
  workspaces?: readonly ChosenWorkspace[]
  /** Keep workspaces and target directories here instead of a temporary directory. */
  keep?: string
  /** Cargo builds running at once. */
  jobs: number
  /** The toolchain and target of every build; rustup's default and the host when absent. */
  platform?: BuildPlatform
  outcomesOnly?: boolean
  /** Called after each case with its position in the run (cases finish out of order). */
  onCase?: (result: CaseResult, index: number) => void
}

export interface CaseResult {
  workspace: GeneratedWorkspace
  invocation: CargoInvocation
  outcome: CargoOutcome
  /** Absent in `--outcomes-only` mode or when the engine threw. */
  comparison?: Comparison
  engineError?: string
  engineMs: number
}

export interface DifferentialResult {
  options: DifferentialOptions
  cases: CaseResult[]
  generateMs: number
  totalMs: number
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      const item = items[index] as T
      results[index] = await task(item, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

export async function runDifferential(options: DifferentialOptions): Promise<DifferentialResult> {
  const started = Date.now()
  const root = options.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'rlg-differential-')))
  const engine = options.outcomesOnly === true ? null : await loadEngine()
  // Concurrent builds share the cores; more cargo jobs than cores only adds contention.
  const cargoJobs = Math.max(1, Math.floor(os.availableParallelism() / options.jobs))
  try {
    const generateStarted = Date.now()
    const chosen = options.workspaces ?? drawWorkspaces(options)
    const platform = options.platform ?? HOST_PLATFORM
    const toolchain = await toolchainFacts(platform)
    requireTargetStd(platform)
    if (platform.target?.includes('windows') === true) await prepareWine()
    // Invocations that name the host's triple (`--target`, `[target.<triple>]`) name the target's instead.
    const host = platform.target ?? toolchain.host
    const workspaces: { workspace: GeneratedWorkspace; manifestPath: string; dir: string; only?: readonly string[] }[] = []
    for (const { category, seed, invocations: only } of chosen) {
      const workspace = generateWorkspace(seed, { category, ...(host === undefined ? {} : { host }) })
      const dir = path.join(root, workspaceDirName(category, seed))
      await rm(dir, { recursive: true, force: true })
      const unknown = (only ?? []).filter(id => !workspace.invocations.some(i => i.id === id))
      if (unknown.length > 0) throw new Error(`${category} seed ${seed} has no invocation ${unknown.join(', ')}`)
      workspaces.push({ workspace, manifestPath: await writeWorkspace(workspace, dir), dir, ...(only === undefined ? {} : { only }) })
    }
    const generateMs = Date.now() - generateStarted

    const unstableKeepGoing = !releaseAtLeast(toolchain.release, 1, 74)
    const tasks = workspaces.flatMap(w =>
      invocationsFor(w.workspace)
        .filter(i => w.only?.includes(i.id) ?? true)
        .map(invocation => ({ ...w, invocation: onPlatform(invocation, platform) }))
    )
    const cases = await pool(tasks, options.jobs, async ({ workspace, manifestPath, dir, invocation }, index): Promise<CaseResult> => {
      let report: Analysis | null = null
      let engineError: string | undefined
      let engineRefusal: string | undefined
      const engineStarted = Date.now()
      if (engine !== null) {
        // The engine runs first: it predicts from a workspace that has never been built.
        try {
          report = await engine({ manifestPath, args: engineArgs(invocation), env: cargoEnvironment(invocation), cwd: dir })
        } catch (error) {
          if (error instanceof UserError) engineRefusal = error.message
          else engineError = error instanceof Error ? (error.stack ?? error.message) : String(error)
        }
      }
      const engineMs = Date.now() - engineStarted
      const targetDir = path.join(root, `${workspaceDirName(workspace.category, workspace.seed)}-target`, invocation.id)
      await rm(targetDir, { recursive: true, force: true })
      const outcome = await runCargo({ manifestPath, invocation, targetDir, jobs: cargoJobs, unstableKeepGoing })
      if (options.keep === undefined) await rm(targetDir, { recursive: true, force: true })
      const result: CaseResult = { workspace, invocation, outcome, engineMs }
      if (report !== null) result.comparison = compareOutcome(workspace.seed, outcome, report)
      if (engineRefusal !== undefined) result.comparison = compareRefusal(workspace.seed, invocation.id, outcome, engineRefusal)
      if (engineError !== undefined) result.engineError = engineError
      options.onCase?.(result, index)
      return result
    })
    return { options, cases, generateMs, totalMs: Date.now() - started }
  } finally {
    if (options.keep === undefined) await rm(root, { recursive: true, force: true })
  }
}

/**
 * The engine refused the command line (a `UserError`): right when cargo refused it before building anything,
 * in the same words (the engine's message starts with cargo's first error line); one compared case.
 */
function compareRefusal(seed: number, invocation: InvocationId, outcome: CargoOutcome, engineRefusal: string): Comparison {
  const cargoSaid = outcome.refusal?.message
  if (cargoSaid !== undefined && engineRefusal.startsWith(cargoSaid)) return { seed, invocation, compared: 1, mismatches: [], skipped: [] }
  const expected = cargoSaid === undefined ? 'cargo builds' : `cargo refuses: ${cargoSaid}`
  return { seed, invocation, compared: 1, mismatches: [{ seed, invocation, artifact: '(invocation)', expected, predicted: `the engine refuses: ${engineRefusal}`, details: [] }], skipped: [] }
}

/** `ws-SEED` for `linkage` (as before there were categories), `ws-CATEGORY-SEED` for the others. */
function workspaceDirName(category: Category, seed: number): string {
  return category === 'linkage' ? `ws-${seed}` : `ws-${category}-${seed}`
}

/** The run's workspaces: `count` seeds drawn from `seed`, workspace i getting category i modulo the number of categories. */
export function drawWorkspaces(options: Pick<DifferentialOptions, 'count' | 'seed' | 'categories'>): ChosenWorkspace[] {
  const categories = options.categories !== undefined && options.categories.length > 0 ? options.categories : (['linkage'] as const)
  return workspaceSeeds(options.seed, options.count).map((seed, i) => ({ category: categories[i % categories.length] as Category, seed }))
}

/** Every mismatch, engine failures included, in case order. */
export function allMismatches(result: DifferentialResult): Mismatch[] {
  return result.cases.flatMap(c => {
    if (c.engineError !== undefined) {
      return [{ seed: c.workspace.seed, invocation: c.invocation.id, artifact: '(engine)', expected: 'a report', predicted: 'engine threw', details: c.engineError.split('\n').slice(0, 8) }]
    }
    return c.comparison?.mismatches ?? []
  })
}

/** The invocation as a command line, without the variables every build gets. */
export function commandLine(invocation: CargoInvocation): string {
  const env = Object.fromEntries(Object.entries(invocation.env).filter(([key, value]) => BUILD_ENV[key] !== value))
  return formatInvocation({ ...invocation, env })
}

/** Whether cargo reported an output filename collision: which copy of the file a dependent links is then a race. */
export function isRacy(c: CaseResult): boolean {
  return c.outcome.units.some(u => u.collision)
}

/** The mismatches of every case, each case introduced by its category and command line. */
export function formatMismatchesByCase(result: DifferentialResult): string[] {
  const lines: string[] = []
  for (const c of result.cases) {
    const mismatches = allMismatches({ ...result, cases: [c] })
    if (mismatches.length === 0) continue
    lines.push(`-- ${c.workspace.category} seed ${c.workspace.seed} ${c.invocation.id}: ${commandLine(c.invocation)}`)
    for (const m of mismatches) lines.push(...formatMismatch(m))
  }
  return lines
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** A coarse name for what a failed unit died of, from rustc's messages. */
export function failureCategory(unit: UnitOutcome): string {
  const errors = unit.errors
  const has = (pattern: RegExp): boolean => errors.some(e => pattern.test(e))
  if (errors.length === 0) return 'failed without diagnostics'
  if (has(/only shows up once/)) return has(/so `std` only shows up once/) ? 'duplicate std' : 'duplicate crate other than std'
  if (has(/required to be available in rlib format/)) return 'rlib required'
  if (has(/required to be available in dylib format/)) return 'dylib required'
  if (has(/panic runtime|panic strategy/)) return 'panic strategy'
  if (has(/cannot prefer dynamic linking when performing LTO/)) return 'LTO with prefer-dynamic'
  if (has(/lto cannot be used for `dylib`/)) return 'LTO on dylib'
  if (has(/^extern location for .* does not exist/)) return 'dependency output missing (collision race)'
  if (has(/can't find crate for/)) return 'crate cannot be loaded (E0463)'
  if (has(/cannot find module or crate|unresolved|undeclared crate/)) return 'crate not passed to rustc (E0433)'
  if (has(/^linking with/)) return 'linker error'
  return `other: ${errors[0] ?? ''}`
}

interface Counts {
  cases: number
  ok: number
  error: number
  blocked: number
  binsStarted: number
  binsFailedToStart: number
  binsOther: number
  /** The same bins copied alone into an empty directory. */
  copiesStarted: number
  copiesFailedToStart: number
  skipped: number
  mismatches: number
  buildMs: number
  engineMs: number
}

function emptyCounts(): Counts {
  return {
    cases: 0,
    ok: 0,
    error: 0,
    blocked: 0,
    binsStarted: 0,
    binsFailedToStart: 0,
    binsOther: 0,
    copiesStarted: 0,
    copiesFailedToStart: 0,
    skipped: 0,
    mismatches: 0,
    buildMs: 0,
    engineMs: 0
  }
}

function addCase(counts: Counts, c: CaseResult): void {
  counts.cases++
  for (const unit of c.outcome.units) {
    counts[unit.status]++
    if (unit.run?.outcome === 'started') counts.binsStarted++
    else if (unit.run?.outcome === 'failed-to-start') counts.binsFailedToStart++
    else if (unit.run !== undefined) counts.binsOther++
    if (unit.runCopied?.outcome === 'started') counts.copiesStarted++
    else if (unit.runCopied?.outcome === 'failed-to-start') counts.copiesFailedToStart++
  }
  counts.skipped += c.comparison?.skipped.length ?? 0
  counts.mismatches += (c.comparison?.mismatches.length ?? 0) + (c.engineError === undefined ? 0 : 1)
  counts.buildMs += c.outcome.buildMs
  counts.engineMs += c.engineMs
}

/** A titled table of counts by name, in name order, after a blank line; nothing when there are none. */
function countTable(title: string, counts: ReadonlyMap<string, number>): string[] {
  if (counts.size === 0) return []
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, n]) => [`  ${name}`, String(n)])
  return ['', title, ...table(rows)]
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map(row => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '))
}

/** The row a case is counted in: its invocation's shape, prefixed by the category unless the run is all `linkage`. */
function invocationRow(c: CaseResult, onlyLinkage: boolean): string {
  return onlyLinkage ? c.invocation.shape : `${c.workspace.category}: ${c.invocation.shape}`
}

interface CategoryCounts {
  workspaces: Set<number>
  cases: number
  compared: number
  skipped: number
  racy: number
  refused: number
  mismatches: number
  engineErrors: number
  buildMs: number
}

function emptyCategoryCounts(): CategoryCounts {
  return { workspaces: new Set(), cases: 0, compared: 0, skipped: 0, racy: 0, refused: 0, mismatches: 0, engineErrors: 0, buildMs: 0 }
}

/**
 * One row per category: cases (invocations), compared units, skipped units, racy invocations (an output
 * filename collision), invocations cargo refused before building anything, mismatches (engine failures
 * counted apart).
 */
export function formatCategorySummary(result: DifferentialResult): string[] {
  const byCategory = new Map<Category, CategoryCounts>()
  const total = emptyCategoryCounts()
  for (const c of result.cases) {
    const category = c.workspace.category
    let counts = byCategory.get(category)
    if (counts === undefined) byCategory.set(category, (counts = emptyCategoryCounts()))
    for (const k of [counts, total]) {
      k.workspaces.add(c.workspace.seed)
      k.cases++
      k.compared += c.comparison?.compared ?? 0
      k.skipped += c.comparison?.skipped.length ?? 0
      if (isRacy(c)) k.racy++
      if (c.outcome.refusal !== undefined) k.refused++
      k.mismatches += c.comparison?.mismatches.length ?? 0
      if (c.engineError !== undefined) k.engineErrors++
      k.buildMs += c.outcome.buildMs
    }
  }
  const header = ['category', 'workspaces', 'cases', 'compared units', 'skipped', 'racy invocations', 'cargo refused', 'mismatches', 'engine errors', 'build s']
  const row = (name: string, k: CategoryCounts): string[] => [
    name,
    String(k.workspaces.size),
    String(k.cases),
    String(k.compared),
    String(k.skipped),
    String(k.racy),
    String(k.refused),
    String(k.mismatches),
    String(k.engineErrors),
    (k.buildMs / 1000).toFixed(1)
  ]
  const ordered = CATEGORIES.filter(c => byCategory.has(c)).map(c => row(c, byCategory.get(c)!))
  return table([header, ...ordered, row('total', total)])
}

export function formatSummary(result: DifferentialResult): string[] {
  const onlyLinkage = result.cases.every(c => c.workspace.category === 'linkage')
  const byInvocation = new Map<string, Counts>()
  const total = emptyCounts()
  for (const c of result.cases) {
    const name = invocationRow(c, onlyLinkage)
    const counts = byInvocation.get(name) ?? emptyCounts()
    addCase(counts, c)
    addCase(total, c)
    byInvocation.set(name, counts)
  }
  const header = ['invocation', 'cases', 'ok', 'error', 'blocked', 'bins started', 'failed to start', 'bins other', 'copies started', 'copies failed', 'skipped', 'mismatches', 'build s', 'engine s']
  const row = (name: string, c: Counts): string[] => [
    name,
    String(c.cases),
    String(c.ok),
    String(c.error),
    String(c.blocked),
    String(c.binsStarted),
    String(c.binsFailedToStart),
    String(c.binsOther),
    String(c.copiesStarted),
    String(c.copiesFailedToStart),
    String(c.skipped),
    String(c.mismatches),
    (c.buildMs / 1000).toFixed(1),
    (c.engineMs / 1000).toFixed(1)
  ]
  const lines = table([header, ...[...byInvocation].map(([id, c]) => row(id, c)), row('total', total)])

  const categories = new Map<string, number>()
  for (const c of result.cases) {
    for (const unit of c.outcome.units) {
      // Units cargo never started (`cargo test` stopping early, cargo refusing the invocation) died of nothing.
      if (unit.status !== 'error' || unit.doubt === 'not-attempted' || unit.doubt === 'cargo-refused') continue
      const name = `${invocationRow(c, onlyLinkage)}: ${failureCategory(unit)}`
      categories.set(name, (categories.get(name) ?? 0) + 1)
    }
  }
  lines.push(...countTable('failed units by cause:', categories))
  const reasons = new Map<string, number>()
  for (const c of result.cases) {
    for (const s of c.comparison?.skipped ?? []) {
      const name = `${invocationRow(c, onlyLinkage)}: ${s.reason}`
      reasons.set(name, (reasons.get(name) ?? 0) + 1)
    }
  }
  lines.push(...countTable('skipped units by reason:', reasons))
  const anomalies = result.cases.flatMap(c => c.outcome.anomalies.map(a => `seed ${c.workspace.seed} ${c.invocation.id}: ${a}`))
  if (anomalies.length > 0) lines.push('', 'anomalies in cargo output:', ...anomalies.map(a => `  ${a}`))
  if (!onlyLinkage) lines.push('', 'by category:', ...formatCategorySummary(result))
  const drawn = result.options.workspaces === undefined ? `${result.options.count} workspaces, seed ${result.options.seed}` : `${result.options.workspaces.length} chosen workspaces`
  lines.push('', `${drawn}: generated in ${result.generateMs} ms, total ${(result.totalMs / 1000).toFixed(1)} s`)
  return lines
}

export function formatOutcome(c: CaseResult): string[] {
  const lines = [`== seed ${c.workspace.seed} ${c.invocation.id}: ${commandLine(c.invocation)}`]
  lines.push(...c.outcome.units.map(u => `  ${describeUnit(u)}`))
  const warnings = c.outcome.cargoWarnings.filter(w => !w.startsWith('build failed, waiting'))
  if (warnings.length > 0) lines.push(`  cargo warnings: ${warnings.join(' | ')}`)
  if (c.outcome.anomalies.length > 0) lines.push(...c.outcome.anomalies.map(a => `  anomaly: ${a}`))
  return lines
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = 'Usage: differential.ts --count N --seed S [--category NAME]... [--toolchain NAME] [--target TRIPLE] [--keep DIR] [--jobs J] [--outcomes-only] [--help]'

/** A command line that does not fit USAGE: shown as one line, without a stack. */
class UsageError extends Error {
  override name = 'UsageError'
}

function parseArgs(argv: readonly string[]): DifferentialOptions | 'help' {
  const options: DifferentialOptions = { count: 20, seed: 1, jobs: 2 }
  const categories: Category[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new UsageError(`${arg ?? ''} needs a value. ${USAGE}`)
      return v
    }
    const integer = (min: number): number => {
      const text = value()
      const n = Number(text)
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${arg ?? ''} expects an integer >= ${min}, got '${text}'`)
      return n
    }
    switch (arg) {
      case '--count':
        options.count = integer(1)
        break
      case '--seed':
        options.seed = integer(0)
        break
      case '--jobs':
        options.jobs = integer(1)
        break
      case '--keep':
        options.keep = path.resolve(value())
        break
      case '--outcomes-only':
        options.outcomesOnly = true
        break
      case '--toolchain':
        options.platform = { ...(options.platform ?? HOST_PLATFORM), toolchain: value() }
        break
      case '--target':
        options.platform = { ...(options.platform ?? HOST_PLATFORM), target: value() }
        break
      case '--category': {
        const name = value()
        if (!isCategory(name)) throw new UsageError(`unknown category '${name}'; one of ${CATEGORIES.join(', ')}`)
        if (!categories.includes(name)) categories.push(name)
        break
      }
      case '--help':
      case '-h':
        return 'help'
      default:
        throw new UsageError(`unknown argument '${arg ?? ''}'. ${USAGE}`)
    }
  }
  options.categories = categories.length > 0 ? categories : [...CATEGORIES]
  return options
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  // Progress is printed in case order, whatever order the cases finish in.
  const done = new Map<number, CaseResult>()
  let printedUpTo = 0
  let lastSeed: number | null = null
  options.onCase = (result, index) => {
    done.set(index, result)
    for (let c = done.get(printedUpTo); c !== undefined; c = done.get(printedUpTo)) {
      done.delete(printedUpTo++)
      const lines: string[] = []
      if (c.workspace.seed !== lastSeed) lines.push(...describeWorkspace(c.workspace))
      lastSeed = c.workspace.seed
      if (options.outcomesOnly === true) lines.push(...formatOutcome(c))
      else {
        const n = (c.comparison?.mismatches.length ?? 0) + (c.engineError === undefined ? 0 : 1)
        lines.push(`  ${c.invocation.id}: ${n === 0 ? 'agrees' : `${n} mismatch(es)`}`)
      }
      process.stdout.write(lines.join('\n') + '\n')
    }
  }
  const result = await runDifferential(options)
  const mismatches = allMismatches(result)
  const lines = ['', ...formatSummary(result)]
  if (mismatches.length > 0) lines.push('', `${mismatches.length} mismatch(es):`, ...formatMismatchesByCase(result))
  process.stdout.write(lines.join('\n') + '\n')
  return mismatches.length > 0 ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    code => process.exit(code),
    (error: unknown) => {
      const shown = error instanceof PlatformError || error instanceof UsageError ? `error: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error)
      process.stderr.write(`${shown}\n`)
      process.exit(2)
    }
  )
}

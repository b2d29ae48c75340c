/**
 * Benchmark: what users pay, as whole processes, each interleaved with its floor, on this machine.
 *
 *   npm run --silent bench -- [options]      (the same as `npx tsx scripts/bench-process.ts [options]`)
 *
 *   --json             print the results as JSON (progress still goes to stderr; `--silent` keeps npm's own
 *                      lines off stdout)
 *   --runs N           measured rounds per case (default 9, at least 3), after --warmup W discarded warm-up
 *                      rounds (default 2)
 *   --sizes LIST       synthetic workspace sizes in packages (default 1000,2000,5000,10000; `10k` works too)
 *   --seed S           seed of the synthetic workspaces (default 1)
 *   --only TEXT        only the cases whose name contains TEXT (repeatable)
 *   --timeout SECONDS  stop a process that runs longer than this; its case fails (default 120)
 *   --before DIR       also measure an earlier build, in the same rounds: DIR/dist/cli/index.js and
 *                      DIR/dist/index.js (DIR a checkout of it; or DIR/cli/index.js and DIR/index.js)
 *   --help             print this text
 *
 * Every case is a subject command and a floor command, run as fresh processes. One round runs each side of
 * the case once, round r starting at side r mod n (without --before: the subject first in even rounds and
 * the floor first in odd ones), so that drift in the machine's load falls on all sides alike. The cases:
 *
 *   libra               `node dist/cli/index.js --metadata-file <libra> --workspace --format json --output …`
 *                       against a node process that reads and `JSON.parse`s the same file
 *   libra, empty cache  the same with the user's cache directory empty on every run (`XDG_CACHE_HOME` made anew),
 *                       as on a machine's first run or a GitHub-hosted runner: rustc runs (informational)
 *   corpus <file>       the same for every other file of __tests__/fixtures/metadata (informational; the exit
 *                       code is shown: files with `"resolve": null` are rejected by design, exit 2)
 *   example             the CLI with `--manifest-path examples/plugin-engine/Cargo.toml` (exit 1 is normal: the
 *                       example has findings) against `node -e 0` plus `cargo metadata --format-version 1` on
 *                       the same manifest, run one after the other (one floor sample is the sum of the two)
 *   synthetic <size>    the CLI on a workspace from scripts/synthetic-workspace.ts against read+parse of it
 *   action push         the bundled action, `node dist/index.js`, the way scripts/e2e.ts runs it: the example
 *   action pull_request copied into a temporary git repository as `rust/`, `manifest-path: rust/Cargo.toml`,
 *                       the runner's GITHUB_* and RUNNER_TEMP variables, a fake GitHub API on 127.0.0.1 (for
 *                       pull_request also `comment: on-findings`, so the sticky comment is posted, then
 *                       updated), against the CLI on the same copy
 *
 * Measured per process: the wall time from this process (spawn to 'close'), and for node processes the peak
 * RSS (getrusage's maxRSS of that process alone, written at exit by the preload scripts/bench-rss.cjs, which
 * subjects and floors both load). cargo's own memory is not measured. Children get this environment without
 * INPUT_*, GITHUB_*, RUNNER_* and RUSTFLAGS, and each build a user cache directory of its own (`XDG_CACHE_HOME`,
 * empty when the run starts): a build's code cache is written by the first analysis it runs and kept, so with
 * the user's own directory a build would keep whatever cache an earlier, smaller run left (a test's, say), and
 * the two builds would not start alike. Here both are made by their first warm-up run of the first case.
 * Reported: medians, min–max, and the ratios of the medians.
 *
 * Targets (exit status 1 when one is missed or when a case fails, 0 otherwise; 2 for bad options):
 *
 *   libra               time ratio ≤ 1.5 and peak-RSS ratio ≤ 1.5
 *   example             time ratio ≤ 1.25
 *   synthetic 10k       median < 1000 ms and median peak RSS < 300 MB
 *   synthetic doubling  median(2n) / median(n) ≤ 2.1 for each pair of sizes present (1k→2k, 5k→10k)
 *   action push         time ratio ≤ 1.15 (pull_request: informational)
 *
 * A case fails when a process ends with an exit code outside the expected ones (0 and 1 for the CLI and the
 * action, 0 for floors), by a signal or by the timeout; the row then shows the first line of its stderr.
 *
 * With --before, the rows compare two builds from one run on one machine: the current build (dist/ of this
 * repository: the after) and the earlier one (`before`). Each case gets a third side, the same command with
 * the earlier build (`<before>/cli/index.js` with the same arguments and its own output file; for the action
 * cases `<before>/index.js` on the same copy, environment and fake API), and the action cases a fourth, the
 * earlier CLI on the same copy, which is the earlier build's floor; the other cases' floors serve both builds.
 * The `before` columns are the earlier build's median and its ratios to its floor, and the targets block adds
 * the same values for it. Targets and the exit status count for the current build only; a process of the
 * earlier build that fails only drops the earlier build's results.
 *
 * CI does not run this: shared machines are too noisy for its targets. `npm run bench:analysis`
 * (scripts/bench.ts) measures the analysis alone, in process.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubServer, type FakeGitHub } from '../__tests__/support/github-server.js'
import { actionStep } from '../__tests__/support/action-step.js'
import { readStepOutputs } from '../__tests__/support/step-outputs.js'
import { median } from './median.js'
import { generateWorkspace } from './synthetic-workspace.js'

const SCRIPT = fileURLToPath(import.meta.url)
const ROOT = path.resolve(path.dirname(SCRIPT), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const RSS_PRELOAD = path.join(ROOT, 'scripts', 'bench-rss.cjs')
const CORPUS = path.join(ROOT, '__tests__', 'fixtures', 'metadata')
const LIBRA = 'guppy-libra-9ffd93b.json'
const EXAMPLE = path.join(ROOT, 'examples', 'plugin-engine')
const OWNER = 'octo'
const REPO = 'engine'
const PR = 7

const TARGETS = {
  libraTime: 1.5,
  libraRss: 1.5,
  example: 1.25,
  syntheticMs: 1000,
  syntheticRssMb: 300,
  doubling: 2.1,
  push: 1.15
}

interface Options {
  json: boolean
  runs: number
  warmup: number
  sizes: number[]
  seed: number
  only: string[]
  timeoutMs: number
  /** --before: the earlier build, or null. */
  before: Build | null
}

/** A build to measure: the directory named for it and its dist directory. */
interface Build {
  /** The directory as given (--before DIR), or the repository for the current build. */
  given: string
  dir: string
  dist: string
}

/** One process (or, for the example's floor, two in a row). */
interface Sample {
  ms: number
  rssKb: number | null
  code: number | null
  signal: string | null
  timedOut: boolean
  stderr: string
  stdout: string
}

interface Side {
  /** The command, with paths relative to the repository and `<tmp>` for the temporary directory. */
  label: string
  run: () => Promise<Sample>
  /** Why this run is not a normal one, or null. */
  check: (s: Sample) => string | null
}

type TargetKind = 'timeRatio' | 'rssRatio' | 'medianMs' | 'rssMb'

interface TargetSpec {
  kind: TargetKind
  /** `le`: ≤ limit; `lt`: < limit. */
  op: 'le' | 'lt'
  limit: number
}

interface CaseSpec {
  name: string
  kind: 'libra' | 'corpus' | 'example' | 'synthetic' | 'action'
  subject: Side
  floor: Side
  /** With --before: the same subject with the earlier build. */
  before?: Side
  /** With --before, for the action cases: the earlier build's own floor (otherwise `floor` serves both). */
  beforeFloor?: Side
  targets: TargetSpec[]
  /** Set up before the first run (generate a file, …); may add details. */
  prepare?: () => Promise<Record<string, unknown>>
  /** Checked after the last run: why the case did not do what it should, or null. */
  finish?: () => string | null
  /** A line about the case for the notes, given its subject's exit codes. */
  note?: (codes: number[], firstStderr: string) => string | null
  /** Size in packages, for the doubling ratios. */
  packages?: number
}

interface SideResult {
  command: string
  ms: number[]
  rssMb: (number | null)[]
  medianMs: number | null
  minMs: number | null
  maxMs: number | null
  rssMedianMb: number | null
}

interface Target {
  case: string
  what: string
  /** For the table's target column. */
  short: string
  measured: number | null
  op: 'le' | 'lt'
  limit: number
  unit: string
  met: boolean
  /** With --before: the same value for the earlier build (informational; null when not measured). */
  before?: number | null
}

interface CaseResult {
  name: string
  kind: CaseSpec['kind']
  /** Exit codes of the subject, in every run including warm-ups, distinct, ascending. */
  exitCodes: number[]
  subject: SideResult
  floor: SideResult
  timeRatio: number | null
  rssRatio: number | null
  /** With --before: the earlier build's subject, its exit codes, its floor (action cases) and ratios. */
  before?: SideResult
  beforeExitCodes?: number[]
  beforeFloor?: SideResult
  beforeTimeRatio?: number | null
  beforeRssRatio?: number | null
  /** With --before: why the earlier build's runs stopped (they do not make the case fail), or null. */
  beforeError?: string | null
  targets: Target[]
  error: string | null
  note: string | null
  details: Record<string, unknown>
}

// ---------------------------------------------------------------------------------------------------
// Processes

let rssCounter = 0

/** The environment children start from: this one without the runner's variables. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('RUNNER_') || k === 'RUSTFLAGS' || k === 'RLG_BENCH_RSS_FILE') continue
    env[k] = v
  }
  return env
}

interface SpawnOptions {
  cwd: string
  env: Record<string, string>
  timeoutMs: number
  /** A node script: run with the RSS preload, peak RSS read back. */
  node: boolean
  /** Keep stdout (through a drained pipe); otherwise it is ignored, unless `pipeStdout`. */
  keepStdout?: boolean
  /** Give the child a pipe for stdout (drained, not kept), as a parent reading it would. */
  pipeStdout?: boolean
  tmp: string
}

const KEEP = 64 * 1024

function runProcess(command: string, args: string[], o: SpawnOptions): Promise<Sample> {
  const rssFile = o.node ? path.join(o.tmp, `rss-${process.pid}-${++rssCounter}`) : null
  const env = rssFile === null ? o.env : { ...o.env, RLG_BENCH_RSS_FILE: rssFile }
  const argv = o.node ? ['-r', RSS_PRELOAD, ...args] : args
  const pipeOut = o.keepStdout === true || o.pipeStdout === true
  return new Promise(resolve => {
    let stderr = ''
    let stdout = ''
    let timedOut = false
    let done = false
    const t0 = process.hrtime.bigint()
    const child = spawn(command, argv, { cwd: o.cwd, env, stdio: ['ignore', pipeOut ? 'pipe' : 'ignore', 'pipe'] })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, o.timeoutMs)
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < KEEP) stderr += chunk.toString('utf8')
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      if (o.keepStdout === true && stdout.length < KEEP) stdout += chunk.toString('utf8')
    })
    const finish = (code: number | null, signal: string | null, error?: string): void => {
      if (done) return
      done = true
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      clearTimeout(timer)
      let rssKb: number | null = null
      if (rssFile !== null) {
        try {
          const n = Number(fs.readFileSync(rssFile, 'utf8'))
          if (Number.isFinite(n) && n > 0) rssKb = n
        } catch {
          // Killed before its exit handler ran: no peak RSS.
        }
        fs.rmSync(rssFile, { force: true })
      }
      resolve({ ms, rssKb, code, signal, timedOut, stderr: error === undefined ? stderr : `${error}\n${stderr}`, stdout })
    }
    child.on('error', e => finish(null, null, `${command}: ${e.message}`))
    child.on('close', (code, signal) => finish(code, signal))
  })
}

/** The temporary directory of this run, shown as `<tmp>`. */
let tmpRoot: string | null = null
/** The earlier build's dist directory (--before), shown as `<before>`. */
let beforeRoot: string | null = null

/**
 * The first line of `text` that reads as an error (`error: …`, `Error: …`, `TypeError: …`), else its first
 * non-empty line, with the repository's and the temporary directory's paths shortened.
 */
function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  let line = lines.find(l => /^(?:[A-Za-z]*Error\b|error\b)/.test(l)) ?? lines[0] ?? ''
  const short: [string | null, string][] = [
    [beforeRoot, '<before>'],
    [tmpRoot, '<tmp>']
  ]
  // The longer first: either may lie inside the other.
  for (const [dir, name] of short.sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0))) if (dir !== null) line = line.split(dir).join(name)
  return line.split(`${ROOT}${path.sep}`).join('')
}

/** Why a run ended abnormally (timeout, signal, spawn failure), or null. */
function abnormal(s: Sample, timeoutMs: number): string | null {
  if (s.timedOut) return `stopped after ${timeoutMs / 1000} s (--timeout)`
  if (s.signal !== null) return `killed by ${s.signal}${firstLine(s.stderr) === '' ? '' : `: ${firstLine(s.stderr)}`}`
  if (s.code === null) return firstLine(s.stderr) || 'did not start'
  return null
}

/** A check that accepts the exit codes `codes`. */
function expectCodes(codes: number[], timeoutMs: number): (s: Sample) => string | null {
  return s => {
    const bad = abnormal(s, timeoutMs)
    if (bad !== null) return bad
    if (codes.includes(s.code!)) return null
    return `exit ${s.code}${firstLine(s.stderr) === '' ? '' : `: ${firstLine(s.stderr)}`}`
  }
}

// ---------------------------------------------------------------------------------------------------
// Statistics

function sideResult(command: string, samples: Sample[]): SideResult {
  const ms = samples.map(s => s.ms)
  const rss = samples.map(s => (s.rssKb === null ? null : s.rssKb / 1024))
  return {
    command,
    ms,
    rssMb: rss,
    medianMs: median(ms),
    minMs: ms.length === 0 ? null : Math.min(...ms),
    maxMs: ms.length === 0 ? null : Math.max(...ms),
    rssMedianMb: median(rss.filter((x): x is number => x !== null))
  }
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b <= 0 ? null : a / b
}

function met(measured: number | null, op: 'le' | 'lt', limit: number): boolean {
  return measured !== null && (op === 'le' ? measured <= limit : measured < limit)
}

const TARGET_TEXT: Record<TargetKind, { what: string; short: string; unit: string }> = {
  timeRatio: { what: 'time ratio', short: 'time', unit: '' },
  rssRatio: { what: 'peak-RSS ratio', short: 'RSS', unit: '' },
  medianMs: { what: 'median', short: '', unit: 'ms' },
  rssMb: { what: 'median peak RSS', short: '', unit: 'MB' }
}

function measuredValue(kind: TargetKind, r: CaseResult): number | null {
  switch (kind) {
    case 'timeRatio':
      return r.timeRatio
    case 'rssRatio':
      return r.rssRatio
    case 'medianMs':
      return r.subject.medianMs
    case 'rssMb':
      return r.subject.rssMedianMb
  }
}

/** The same for the earlier build (--before), or null. */
function beforeValue(kind: TargetKind, r: CaseResult): number | null {
  if (r.before === undefined) return null
  switch (kind) {
    case 'timeRatio':
      return r.beforeTimeRatio ?? null
    case 'rssRatio':
      return r.beforeRssRatio ?? null
    case 'medianMs':
      return r.before.medianMs
    case 'rssMb':
      return r.before.rssMedianMb
  }
}

// ---------------------------------------------------------------------------------------------------
// Measuring one case

type SideName = 'subject' | 'floor' | 'before' | 'before floor'

async function measureCase(spec: CaseSpec, options: Options, log: (line: string) => void): Promise<CaseResult> {
  const sides: [SideName, Side][] = [
    ['subject', spec.subject],
    ['floor', spec.floor]
  ]
  if (spec.before) sides.push(['before', spec.before])
  if (spec.before && spec.beforeFloor) sides.push(['before floor', spec.beforeFloor])
  const isBefore = (which: SideName): boolean => which === 'before' || which === 'before floor'
  const samples: Record<SideName, Sample[]> = { subject: [], floor: [], before: [], 'before floor': [] }
  const codes = new Set<number>()
  const beforeCodes = new Set<number>()
  let firstStderr = ''
  let error: string | null = null
  let beforeError: string | null = null
  let details: Record<string, unknown> = {}
  try {
    if (spec.prepare) details = await spec.prepare()
  } catch (e) {
    error = `setting up failed: ${e instanceof Error ? e.message : String(e)}`
  }
  const rounds = options.warmup + options.runs
  log(`measuring ${spec.name} (${options.warmup} warm-up + ${options.runs} rounds${sides.length > 2 ? `, ${sides.length} sides` : ''})`)
  for (let round = 0; round < rounds && error === null; round++) {
    const warm = round < options.warmup
    // Round r starts at side r mod n: with two sides, the subject first in even rounds, the floor in odd ones.
    const order = sides.map((_, i) => sides[(round + i) % sides.length]!)
    const got: Partial<Record<SideName, Sample>> = {}
    for (const [which, side] of order) {
      // Once a run of the earlier build failed, its sides are left out.
      if (isBefore(which) && beforeError !== null) continue
      const s = await side.run()
      got[which] = s
      if (which === 'subject' && s.code !== null) {
        codes.add(s.code)
        if (firstStderr === '') firstStderr = firstLine(s.stderr)
      }
      if (which === 'before' && s.code !== null) beforeCodes.add(s.code)
      const why = side.check(s)
      if (why === null) continue
      if (isBefore(which)) {
        beforeError = `${which} ${why}`
        log(`  ${spec.name}: the earlier build failed, measuring without it: ${beforeError}`)
        continue
      }
      error = `${which} ${why}`
      break
    }
    if (error !== null) break
    if (!warm) {
      for (const [which] of sides) if (!isBefore(which) || beforeError === null) samples[which].push(got[which]!)
    }
    const label = warm ? `warm-up ${round + 1}/${options.warmup}` : `round ${round - options.warmup + 1}/${options.runs}`
    const shown = sides.filter(([which]) => got[which] !== undefined).map(([which]) => `${which} ${fmt(got[which]!.ms)} ms`)
    log(`  ${spec.name}: ${label}: ${shown.join(', ')}`)
  }
  if (error === null && spec.finish) error = spec.finish()
  if (error !== null) log(`  ${spec.name}: failed: ${error}`)
  const exitCodes = [...codes].sort((a, b) => a - b)
  const s = sideResult(spec.subject.label, samples.subject)
  const f = sideResult(spec.floor.label, samples.floor)
  const beforeFields: Partial<CaseResult> = {}
  if (spec.before) {
    const b = sideResult(spec.before.label, samples.before)
    const bf = spec.beforeFloor ? sideResult(spec.beforeFloor.label, samples['before floor']) : null
    beforeFields.before = b
    beforeFields.beforeExitCodes = [...beforeCodes].sort((x, y) => x - y)
    if (bf !== null) beforeFields.beforeFloor = bf
    // The earlier build against its own floor: the shared one, or for the action cases the earlier CLI.
    beforeFields.beforeTimeRatio = ratio(b.medianMs, (bf ?? f).medianMs)
    beforeFields.beforeRssRatio = ratio(b.rssMedianMb, (bf ?? f).rssMedianMb)
    beforeFields.beforeError = beforeError
  }
  const result: CaseResult = {
    name: spec.name,
    kind: spec.kind,
    exitCodes,
    subject: s,
    floor: f,
    timeRatio: ratio(s.medianMs, f.medianMs),
    rssRatio: ratio(s.rssMedianMb, f.rssMedianMb),
    ...beforeFields,
    targets: [],
    error,
    note: spec.note ? spec.note(exitCodes, firstStderr) : null,
    details
  }
  for (const t of spec.targets) {
    const measured = error === null ? measuredValue(t.kind, result) : null
    const target: Target = { case: spec.name, ...TARGET_TEXT[t.kind], measured, op: t.op, limit: t.limit, met: met(measured, t.op, t.limit) }
    if (spec.before) target.before = error === null && beforeError === null ? beforeValue(t.kind, result) : null
    result.targets.push(target)
  }
  return result
}

// ---------------------------------------------------------------------------------------------------
// The cases

interface ActionFixture {
  repo: string
  manifest: string
  server: FakeGitHub
  summary: string
  output: string
  runnerTemp: string
  events: Record<'push' | 'pull_request', string>
}

async function actionFixture(tmp: string): Promise<ActionFixture> {
  const repo = path.join(tmp, 'action-repo')
  fs.mkdirSync(repo)
  fs.cpSync(EXAMPLE, path.join(repo, 'rust'), { recursive: true, filter: src => !src.split(path.sep).includes('target') })
  try {
    execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'ignore' })
  } catch {
    // No git: the action reads no repository metadata, so a plain directory does as well.
  }
  const server = await startGitHubServer()
  // The pull request changes the crate-type line of plugin_audio, as in scripts/e2e.ts.
  server.setPullFiles(OWNER, REPO, PR, [
    { filename: 'rust/plugin_audio/Cargo.toml', status: 'modified', patch: '@@ -4,3 +4,6 @@\n edition = "2021"\n \n+[lib]\n+crate-type = ["dylib"]\n+\n [dependencies]' }
  ])
  const scratch = path.join(tmp, 'action-runner')
  const runnerTemp = path.join(scratch, 'temp')
  fs.mkdirSync(runnerTemp, { recursive: true })
  const events = { push: path.join(scratch, 'push.json'), pull_request: path.join(scratch, 'pull_request.json') }
  const repository = { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } }
  fs.writeFileSync(events.push, JSON.stringify({ ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40), repository }))
  fs.writeFileSync(
    events.pull_request,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'feature' } },
      repository
    })
  )
  return { repo, manifest: path.join(repo, 'rust', 'Cargo.toml'), server, summary: path.join(scratch, 'summary.md'), output: path.join(scratch, 'output'), runnerTemp, events }
}

function buildCases(options: Options, tmp: string, getFixture: () => Promise<ActionFixture>): CaseSpec[] {
  const env = baseEnv()
  const node = process.execPath
  const readParse = path.join(tmp, 'read-parse.cjs')
  const before = options.before
  const beforeCli = before === null ? null : path.join(before.dist, 'cli', 'index.js')
  const beforeAction = before === null ? null : path.join(before.dist, 'index.js')
  /** The earlier build's output file beside the current one's: `report.json` → `report.before.json`. */
  const beforeOutput = (p: string): string => p.replace(/(\.json)?$/, '.before$1')
  const show = (p: string): string =>
    !path.isAbsolute(p)
      ? p
      : before !== null && p.startsWith(`${before.dist}${path.sep}`)
        ? `<before>${p.slice(before.dist.length)}`
        : p.startsWith(tmp)
          ? `<tmp>${p.slice(tmp.length)}`
          : path.relative(ROOT, p) || '.'
  const spawnOpts = (preload: boolean, cwd = ROOT): SpawnOptions => ({ cwd, env, timeoutMs: options.timeoutMs, node: preload, tmp })
  const userCaches = { current: path.join(tmp, 'user-cache'), before: path.join(tmp, 'user-cache.before') }
  for (const dir of Object.values(userCaches)) fs.mkdirSync(dir, { recursive: true })
  /** The environment of a run of `script` (a CLI or action entry): its build's own user cache directory. */
  const envOf = (script: string): Record<string, string> => ({
    ...env,
    XDG_CACHE_HOME: before !== null && script.startsWith(`${before.dist}${path.sep}`) ? userCaches.before : userCaches.current
  })
  const cliCodes = expectCodes([0, 1], options.timeoutMs)
  const floorCodes = expectCodes([0], options.timeoutMs)
  const anyCode = (s: Sample): string | null => abnormal(s, options.timeoutMs)

  /**
   * A run of the CLI that writes its report to `output`. Exit 0 or 1 counts only with the report written: node
   * itself exits 1 when it cannot load the script (a bundle being rebuilt).
   */
  const cliSide = (
    cli: string,
    label: string,
    args: () => string[],
    output: string,
    cwd: () => string,
    check: (s: Sample) => string | null,
    runEnv: () => Record<string, string> = () => envOf(cli)
  ): Side => ({
    label,
    run: () => {
      fs.rmSync(output, { force: true })
      return runProcess(node, [cli, ...args(), '--output', output], { ...spawnOpts(true, cwd()), env: runEnv() })
    },
    check: s => {
      const why = check(s)
      if (why !== null || (s.code !== 0 && s.code !== 1) || fs.existsSync(output)) return why
      return `exit ${s.code} without writing the report${firstLine(s.stderr) === '' ? '' : `: ${firstLine(s.stderr)}`}`
    }
  })

  /**
   * The environment of a run with the user's cache directory empty, as on a machine's first run (and every run
   * on a GitHub-hosted runner): `XDG_CACHE_HOME` a directory made anew for each run.
   */
  const emptyCache = (dir: string) => (): Record<string, string> => {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    return { ...env, XDG_CACHE_HOME: dir }
  }

  /** `cliSide` for a command run in the repository with fixed arguments, optionally with an empty cache. */
  const cliCommand = (cli: string, args: string[], output: string, check: (s: Sample) => string | null, cache: string | null = null): Side =>
    cliSide(
      cli,
      `${cache === null ? '' : `XDG_CACHE_HOME=${show(cache)} (empty) `}node ${[cli, ...args, '--output', output].map(show).join(' ')}`,
      () => args,
      output,
      () => ROOT,
      check,
      cache === null ? undefined : emptyCache(cache)
    )

  /** With --before: the same command with the earlier CLI, writing its own output file. */
  const beforeSide = (args: string[], output: string, check: (s: Sample) => string | null, cache: string | null = null): Pick<CaseSpec, 'before'> =>
    beforeCli === null ? {} : { before: cliCommand(beforeCli, args, beforeOutput(output), check, cache === null ? null : `${cache}.before`) }

  /** The CLI on a metadata file against read+parse of it; with `cache`, each run starting from an empty cache there. */
  const metadataCase = (
    name: string,
    kind: CaseSpec['kind'],
    file: string,
    output: string,
    targets: TargetSpec[],
    check: (s: Sample) => string | null,
    cache: string | null = null
  ): CaseSpec => {
    const args = ['--metadata-file', file, '--workspace', '--format', 'json']
    return {
      name,
      kind,
      subject: cliCommand(CLI, args, output, check, cache),
      floor: { label: `node ${show(readParse)} ${show(file)}`, run: () => runProcess(node, [readParse, file], spawnOpts(true)), check: floorCodes },
      ...beforeSide(args, output, check, cache),
      targets
    }
  }

  const cases: CaseSpec[] = []
  cases.push(
    metadataCase(
      'libra',
      'libra',
      path.join(CORPUS, LIBRA),
      path.join(tmp, 'report.json'),
      [
        { kind: 'timeRatio', op: 'le', limit: TARGETS.libraTime },
        { kind: 'rssRatio', op: 'le', limit: TARGETS.libraRss }
      ],
      cliCodes
    )
  )
  // Informational: libra on a machine's first run, when rustc's answers are not yet kept (src/gather/rustc-cache.ts).
  cases.push(metadataCase('libra, empty cache', 'libra', path.join(CORPUS, LIBRA), path.join(tmp, 'report.json'), [], cliCodes, path.join(tmp, 'empty-cache')))

  const corpus = fs
    .readdirSync(CORPUS)
    .filter(f => f.endsWith('.json') && f !== LIBRA)
    .sort()
  for (const f of corpus) {
    const file = path.join(CORPUS, f)
    let rejectedByDesign = false
    try {
      rejectedByDesign = (JSON.parse(fs.readFileSync(file, 'utf8')) as { resolve?: unknown }).resolve === null
    } catch {
      // Not JSON: the CLI rejects it, and the floor fails.
    }
    const spec = metadataCase(`corpus ${f.replace(/\.json$/, '')}`, 'corpus', file, path.join(tmp, 'corpus.json'), [], anyCode)
    spec.note = (codes, stderr) => {
      if (rejectedByDesign) {
        const detail = stderr === '' ? '' : `: ${stderr}`
        return codes.length === 1 && codes[0] === 2 ? `rejected by design (\`"resolve": null\`), exit 2${detail}` : `has \`"resolve": null\` but exited ${codes.join('/')}${detail}`
      }
      const odd = codes.filter(c => c !== 0 && c !== 1)
      return odd.length === 0 ? null : `exit ${odd.join('/')}${stderr === '' ? '' : `: ${stderr}`}`
    }
    cases.push(spec)
  }

  {
    const manifest = path.join(EXAMPLE, 'Cargo.toml')
    const args = ['--manifest-path', manifest, '--format', 'json']
    const output = path.join(tmp, 'example.json')
    const cargoArgs = ['metadata', '--format-version', '1', '--manifest-path', manifest]
    cases.push({
      name: 'example',
      kind: 'example',
      subject: cliCommand(CLI, args, output, cliCodes),
      floor: {
        label: `node -e 0; cargo ${cargoArgs.map(show).join(' ')}`,
        run: async () => {
          const a = await runProcess(node, ['-e', '0'], spawnOpts(true))
          if (floorCodes(a) !== null) return a
          // cargo's JSON goes to a pipe that is read, as the CLI reads it.
          const b = await runProcess('cargo', cargoArgs, { ...spawnOpts(false), pipeStdout: true })
          return { ...b, ms: a.ms + b.ms, rssKb: a.rssKb }
        },
        check: floorCodes
      },
      ...beforeSide(args, output, cliCodes),
      targets: [{ kind: 'timeRatio', op: 'le', limit: TARGETS.example }]
    })
  }

  const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n))
  for (const size of options.sizes) {
    const file = path.join(tmp, `synthetic-${size}-seed${options.seed}.json`)
    const targets: TargetSpec[] =
      size === 10_000
        ? [
            { kind: 'medianMs', op: 'lt', limit: TARGETS.syntheticMs },
            { kind: 'rssMb', op: 'lt', limit: TARGETS.syntheticRssMb }
          ]
        : []
    const output = path.join(tmp, 'synthetic.json')
    const spec = metadataCase(`synthetic ${label(size)}`, 'synthetic', file, output, targets, cliCodes)
    spec.packages = size
    // The case's details: the input's shape, then, from its last report, the output's size.
    const details: Record<string, unknown> = {}
    spec.prepare = async () => {
      const { metadata, stats } = generateWorkspace({ packages: size, seed: options.seed })
      fs.writeFileSync(file, JSON.stringify(metadata))
      return Object.assign(details, { seed: options.seed, bytes: fs.statSync(file).size, members: stats.members, edges: stats.edges, depth: stats.depth })
    }
    spec.finish = () => {
      Object.assign(details, reportSize(output))
      return null
    }
    spec.note = () => syntheticNote(details)
    cases.push(spec)
  }

  for (const event of ['push', 'pull_request'] as const) {
    let fixture: ActionFixture | null = null
    const reportOut = path.join(tmp, `action-floor-${event}.json`)
    const actionEnv = (fx: ActionFixture, script: string): Record<string, string> =>
      actionStep({
        workspace: fx.repo,
        // What a minimal workflow gives: the manifest, and the token the runner passes by default.
        inputs: { 'manifest-path': 'rust/Cargo.toml', 'github-token': fx.server.token, ...(event === 'pull_request' ? { comment: 'on-findings' } : {}) },
        scratch: tmp,
        base: envOf(script),
        // The fixture's own files, emptied before each run.
        files: { summary: fx.summary, output: fx.output },
        env: {
          GITHUB_ACTIONS: 'true',
          GITHUB_EVENT_NAME: event,
          GITHUB_EVENT_PATH: fx.events[event],
          GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
          GITHUB_API_URL: fx.server.url,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_SHA: 'b'.repeat(40),
          GITHUB_REF: event === 'push' ? 'refs/heads/main' : `refs/pull/${PR}/merge`,
          GITHUB_RUN_ID: '4242',
          GITHUB_RUN_ATTEMPT: '1',
          RUNNER_TEMP: fx.runnerTemp
        }
      }).env
    const checkAction = (s: Sample): string | null => {
      const bad = abnormal(s, options.timeoutMs)
      if (bad !== null) return bad
      const verdict = fixture === null ? null : (readStepOutputs(fixture.output).verdict ?? null)
      if ((s.code === 0 || s.code === 1) && (verdict === 'pass' || verdict === 'fail')) return null
      const error = s.stdout.split('\n').find(l => l.startsWith('::error')) ?? firstLine(s.stderr)
      return `exit ${s.code}, verdict ${verdict ?? 'not set'}${error === '' ? '' : `: ${error}`}`
    }
    /** What the action runs of one build did on the fake API, over all its runs, warm-ups included. */
    const tally = { subject: { requests: 0, patches: 0, created: 0 }, before: { requests: 0, patches: 0, created: 0 } }
    const patchCount = (fx: ActionFixture): number => fx.server.requests.filter(r => r.method === 'PATCH').length
    const actionSide = (script: string, counts: (typeof tally)['subject']): Side => ({
      label: `node ${show(script)} (GITHUB_EVENT_NAME=${event}, manifest-path: rust/Cargo.toml${event === 'pull_request' ? ', comment: on-findings' : ''}, fake API)`,
      run: async () => {
        const fx = fixture!
        // The runner gives every step fresh files; here they are emptied so that they do not grow.
        fs.writeFileSync(fx.summary, '')
        fs.writeFileSync(fx.output, '')
        const requests = fx.server.requests.length
        const patches = patchCount(fx)
        const comments = fx.server.commentsOn(OWNER, REPO, PR).length
        const s = await runProcess(node, [script], { ...spawnOpts(true, fx.repo), env: actionEnv(fx, script), keepStdout: true })
        counts.requests += fx.server.requests.length - requests
        counts.patches += patchCount(fx) - patches
        counts.created += fx.server.commentsOn(OWNER, REPO, PR).length - comments
        return s
      },
      check: checkAction
    })
    // The CLI on the copy, which exists once the case is set up.
    const copySide = (cli: string, output: string): Side =>
      cliSide(
        cli,
        `node ${show(cli)} --manifest-path <copy>/rust/Cargo.toml --format json --output ${show(output)}`,
        () => ['--manifest-path', fixture!.manifest, '--format', 'json'],
        output,
        () => fixture!.repo,
        cliCodes
      )
    const apiNote = (c: (typeof tally)['subject']): string =>
      event === 'push'
        ? `${c.requests} requests to the fake API`
        : `${c.requests} requests to the fake API; sticky comment: ${c.created} created, ${c.patches} PATCH requests`
    cases.push({
      name: `action ${event}`,
      kind: 'action',
      subject: actionSide(ACTION, tally.subject),
      floor: copySide(CLI, reportOut),
      // With --before: the earlier action, and the earlier CLI on the same copy as its floor.
      ...(beforeAction === null || beforeCli === null ? {} : { before: actionSide(beforeAction, tally.before), beforeFloor: copySide(beforeCli, beforeOutput(reportOut)) }),
      targets: event === 'push' ? [{ kind: 'timeRatio', op: 'le', limit: TARGETS.push }] : [],
      prepare: async () => {
        fixture = await getFixture()
        return {}
      },
      finish: () => {
        if (event !== 'pull_request' || fixture === null) return null
        const comments = fixture.server.commentsOn(OWNER, REPO, PR)
        if (comments.length !== 1) return `${comments.length} sticky comments on the fake server, expected 1`
        return null
      },
      note: () => {
        if (fixture === null) return null
        const unchanged = event === 'push' ? '' : ' (an unchanged comment is left as it is)'
        return `${apiNote(tally.subject)}${unchanged}${before === null ? '' : `; the earlier build: ${apiNote(tally.before)}`}`
      }
    })
  }

  return cases.filter(c => options.only.length === 0 || options.only.some(o => c.name.includes(o)))
}

// ---------------------------------------------------------------------------------------------------
// Options, report

class OptionError extends Error {}

function parseOptions(argv: string[]): Options {
  const o: Options = { json: false, runs: 9, warmup: 2, sizes: [1000, 2000, 5000, 10000], seed: 1, only: [], timeoutMs: 120_000, before: null }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new OptionError(`${arg} needs a value`)
      return v
    }
    const count = (min: number): number => {
      const v = value()
      const n = Number(v)
      if (!/^\d+$/.test(v) || n < min) throw new OptionError(`${arg} needs a whole number of at least ${min}, got \`${v}\``)
      return n
    }
    switch (arg) {
      case '--json':
        o.json = true
        break
      case '--runs':
        o.runs = count(3)
        break
      case '--warmup':
        o.warmup = count(0)
        break
      case '--sizes': {
        const v = value()
        o.sizes = v
          .split(',')
          .filter(s => s.trim() !== '')
          .map(s => {
            const n = Number(s.trim().replace(/k$/i, '000'))
            if (!Number.isInteger(n) || n < 10) throw new OptionError(`--sizes: \`${s.trim()}\` is not a package count of at least 10`)
            return n
          })
        break
      }
      case '--seed':
        o.seed = count(0)
        break
      case '--only':
        o.only.push(value())
        break
      case '--timeout':
        o.timeoutMs = count(1) * 1000
        break
      case '--before':
        o.before = beforeBuild(value())
        break
      case '--help':
      case '-h':
        process.stdout.write(`${usage()}\n`)
        process.exit(0)
        break
      default:
        throw new OptionError(`unknown option \`${arg}\` (see --help)`)
    }
  }
  return o
}

/** The earlier build of --before DIR: DIR/dist, or DIR itself when it holds cli/index.js. */
function beforeBuild(given: string): Build {
  const dir = path.resolve(given)
  const dist = fs.existsSync(path.join(dir, 'cli', 'index.js')) ? dir : path.join(dir, 'dist')
  const missing = [path.join(dist, 'cli', 'index.js'), path.join(dist, 'index.js')].filter(f => !fs.existsSync(f))
  if (missing.length > 0) {
    const names = missing.map(f => path.join(given, path.relative(dir, f)))
    throw new OptionError(`--before ${given}: ${names.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing (DIR needs dist/cli/index.js and dist/index.js, or cli/index.js and index.js)`)
  }
  return { given, dir, dist }
}

interface BuildInfo {
  /** Relative to the current directory when inside it, else as given. */
  path: string
  /** `git rev-parse --short HEAD` there, or null. */
  commit: string | null
  /** Whether git sees changes in its dist directory (null without git). */
  distChanged: boolean | null
}

function buildInfo(build: Build): BuildInfo {
  const rel = path.relative(process.cwd(), build.dir)
  const inside = rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
  const git = (dir: string, args: string[]): string | null => {
    try {
      return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return null
    }
  }
  const commit = git(build.dir, ['rev-parse', '--short', 'HEAD'])
  const status = commit === null ? null : git(build.dist, ['status', '--porcelain', '--', '.'])
  return { path: inside ? rel || '.' : build.given, commit: commit || null, distChanged: status === null ? null : status !== '' }
}

function buildText(b: BuildInfo): string {
  if (b.commit === null) return b.path
  return `${b.path} at ${b.commit}${b.distChanged === true ? ' (its dist/ differs from that commit)' : ''}`
}

function usage(): string {
  const text = fs.readFileSync(SCRIPT, 'utf8')
  return text
    .slice(text.indexOf('/**') + 3, text.indexOf('*/'))
    .split('\n')
    .map(l => l.replace(/^ \* ?/, ''))
    .join('\n')
    .trim()
}

function version(command: string): string {
  try {
    return execFileSync(command, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return `${command}: not available`
  }
}

function fmt(ms: number | null): string {
  if (ms === null) return '-'
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

function mb(x: number | null): string {
  return x === null ? '-' : x.toFixed(0)
}

function times(x: number | null): string {
  return x === null ? '-' : x.toFixed(2)
}

function targetText(t: Target): string {
  return [t.short, t.op === 'le' ? '≤' : '<', String(t.limit), t.unit].filter(x => x !== '').join(' ')
}

function targetLine(t: Target): string {
  const op = t.op === 'le' ? '≤' : '<'
  const shown = (x: number): string => `${t.unit === '' ? x.toFixed(2) : t.unit === 'MB' ? x.toFixed(0) : fmt(x)}${t.unit === '' ? '' : ` ${t.unit}`}`
  const value = t.measured === null ? 'not measured (the case failed)' : shown(t.measured)
  const before = t.before === undefined ? '' : ` (before ${t.before === null ? 'not measured' : shown(t.before)})`
  return `${t.case}: ${t.what} ${value}${before} (target ${op} ${t.limit}${t.unit === '' ? '' : ` ${t.unit}`}) — ${t.met ? 'ok' : 'MISSED'}`
}

interface Builds {
  current: BuildInfo
  before: BuildInfo
}

interface Environment {
  node: string
  cpus: number
  loadAverage: { start: number[]; end: number[] }
  rustc: string
  cargo: string
}

function textReport(options: Options, envInfo: Environment, results: CaseResult[], targets: Target[], builds: Builds | null): string {
  const load = (l: number[]): string => l.map(x => x.toFixed(2)).join(' ')
  const lines: string[] = []
  if (builds !== null) {
    lines.push(`current build: ${buildText(builds.current)}`)
    lines.push(`before build:  ${buildText(builds.before)}`)
  }
  lines.push(`node ${envInfo.node}; ${envInfo.cpus} CPUs; load ${load(envInfo.loadAverage.start)} at start, ${load(envInfo.loadAverage.end)} at end`)
  lines.push(`${envInfo.rustc}; ${envInfo.cargo}`)
  const order = builds === null ? 'subject and floor alternating which runs first' : "the current build's subject and floor and the earlier build's runs in an order rotating from round to round"
  lines.push(`whole processes; medians of ${options.runs} rounds after ${options.warmup} warm-up round${options.warmup === 1 ? '' : 's'}, ${order}; wall time from the parent, peak RSS = getrusage maxRSS of the node process`)
  lines.push('')
  // With --before, shorter headings for the floor's range and RSS leave room for the earlier build's columns.
  const header =
    builds === null
      ? ['case', 'exit', 'ms', 'min–max', 'RSS MB', 'floor ms', 'floor min–max', 'floor RSS', 'time ×', 'RSS ×', 'target', '']
      : ['case', 'exit', 'ms', 'min–max', 'RSS MB', 'floor ms', 'floor range', 'fl. RSS', 'time ×', 'RSS ×', 'before ms', 'before ×', 'before RSS ×', 'target', '']
  const rows: string[][] = []
  const notes: string[] = []
  for (const r of results) {
    const caseTargets = targets.filter(t => t.case === r.name)
    const verdict = r.error !== null ? (caseTargets.length > 0 ? 'MISSED (failed)' : 'FAILED') : caseTargets.length === 0 ? '' : caseTargets.every(t => t.met) ? 'ok' : 'MISSED'
    const range = (s: SideResult): string => (s.minMs === null ? '-' : `${fmt(s.minMs)}–${fmt(s.maxMs)}`)
    const beforeCells =
      r.before === undefined
        ? []
        : r.beforeError !== null && r.beforeError !== undefined
          ? ['failed', '-', '-']
          : [fmt(r.before.medianMs), times(r.beforeTimeRatio ?? null), times(r.beforeRssRatio ?? null)]
    rows.push([
      r.name,
      r.exitCodes.length === 0 ? '-' : r.exitCodes.join('/'),
      fmt(r.subject.medianMs),
      range(r.subject),
      mb(r.subject.rssMedianMb),
      fmt(r.floor.medianMs),
      range(r.floor),
      mb(r.floor.rssMedianMb),
      times(r.timeRatio),
      times(r.rssRatio),
      ...beforeCells,
      caseTargets.length === 0 ? '-' : caseTargets.map(targetText).join(', '),
      verdict
    ])
    if (r.error !== null) notes.push(`${r.name}: failed: ${r.error}`)
    if (r.note !== null) notes.push(`${r.name}: ${r.note}`)
    if (r.before !== undefined) {
      const beforeNotes: string[] = []
      if (r.beforeError) beforeNotes.push(`failed, left out from then on: ${r.beforeError}`)
      const codes = r.beforeExitCodes ?? []
      if (!r.beforeError && codes.length > 0 && codes.join('/') !== r.exitCodes.join('/')) beforeNotes.push(`exit ${codes.join('/')}`)
      if (r.beforeFloor !== undefined && r.beforeFloor.medianMs !== null) beforeNotes.push(`its floor (the earlier CLI on the same copy) ${fmt(r.beforeFloor.medianMs)} ms (${range(r.beforeFloor)}), RSS ${mb(r.beforeFloor.rssMedianMb)} MB`)
      if (beforeNotes.length > 0) notes.push(`${r.name}: the earlier build: ${beforeNotes.join('; ')}`)
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i]!.length)))
  const left = new Set([0, header.length - 2, header.length - 1])
  const pad = (cells: string[]): string =>
    cells
      .map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  lines.push(pad(header))
  for (const row of rows) lines.push(pad(row))
  lines.push('')
  lines.push('floors: libra, corpus, synthetic: node reading and JSON.parse-ing the same file; example: `node -e 0` + `cargo metadata`; action: the CLI on the same copy')
  if (builds !== null) {
    lines.push('before: the same commands with the earlier build, against the same floors; action: against its own, the earlier CLI on the same copy')
  }
  if (notes.length > 0) {
    lines.push('')
    lines.push(...notes)
  }
  lines.push('')
  lines.push('targets')
  if (targets.length === 0) lines.push('  none measured (see --only)')
  for (const t of targets) lines.push(`  ${targetLine(t)}`)
  return `${lines.join('\n')}\n`
}

/** median(2n) / median(n) for every pair of sizes present. */
function doublingTargets(specs: CaseSpec[], results: CaseResult[]): Target[] {
  const bySize = new Map<number, CaseResult>()
  specs.forEach((s, i) => {
    if (s.packages !== undefined) bySize.set(s.packages, results[i]!)
  })
  const out: Target[] = []
  const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n))
  for (const [n, small] of [...bySize].sort((a, b) => a[0] - b[0])) {
    const large = bySize.get(2 * n)
    if (!large) continue
    const measured = small.error === null && large.error === null ? ratio(large.subject.medianMs, small.subject.medianMs) : null
    const pair = `${label(n)}→${label(2 * n)}`
    const growth = outputGrowth(small.details, large.details)
    const what = `doubling ${pair} (ratio of the medians${growth === null ? '' : `; ${growth}`})`
    const target: Target = { case: large.name, what, short: pair, measured, op: 'le', limit: TARGETS.doubling, unit: '', met: met(measured, 'le', TARGETS.doubling) }
    if (small.before !== undefined && large.before !== undefined) {
      const measuredBefore = small.error === null && large.error === null && !small.beforeError && !large.beforeError
      target.before = measuredBefore ? ratio(large.before.medianMs, small.before.medianMs) : null
    }
    out.push(target)
  }
  return out
}

/** The size of a JSON report: bytes, artifacts, and linkage entries (one per crate of each artifact's list). */
function reportSize(file: string): { reportBytes: number; artifacts: number; linkageEntries: number } | Record<string, never> {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { artifacts: { linkage: unknown[] }[] }
    let linkageEntries = 0
    for (const artifact of report.artifacts) linkageEntries += artifact.linkage.length
    return { reportBytes: fs.statSync(file).size, artifacts: report.artifacts.length, linkageEntries }
  } catch {
    // The runs' own checks say why there is no report.
    return {}
  }
}

const count = (n: unknown): string => (typeof n === 'number' ? n.toLocaleString('en-US') : '?')
const megabytes = (bytes: unknown): string => (typeof bytes === 'number' ? `${(bytes / 1e6).toFixed(1)} MB` : '?')

/** A synthetic case's input and output, for the notes under the table. */
function syntheticNote(d: Record<string, unknown>): string {
  const input = `metadata ${megabytes(d.bytes)} (${count(d.members)} members, ${count(d.edges)} edges, depth ${count(d.depth)})`
  return d.reportBytes === undefined ? input : `${input}; report ${megabytes(d.reportBytes)}: ${count(d.artifacts)} artifacts, ${count(d.linkageEntries)} linkage entries`
}

/**
 * How much the output grew from the smaller synthetic workspace to the larger: a linkage list holds every crate
 * an artifact links, so deeper dependency trees make the report grow faster than the input.
 */
function outputGrowth(small: Record<string, unknown>, large: Record<string, unknown>): string | null {
  const times = (key: string): number | null => {
    const a = small[key]
    const b = large[key]
    return typeof a === 'number' && typeof b === 'number' && a > 0 ? b / a : null
  }
  const bytes = times('reportBytes')
  const entries = times('linkageEntries')
  return bytes === null || entries === null ? null : `the report ×${bytes.toFixed(2)}, its linkage entries ×${entries.toFixed(2)}`
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let options: Options
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (e) {
    if (!(e instanceof OptionError)) throw e
    process.stderr.write(`bench-process: ${e.message}\n`)
    return 2
  }
  for (const file of [CLI, ACTION]) {
    if (!fs.existsSync(file)) {
      process.stderr.write(`bench-process: ${path.relative(ROOT, file)} is missing: run \`npm run bundle\` first\n`)
      return 2
    }
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  const builds: Builds | null = options.before === null ? null : { current: buildInfo({ given: ROOT, dir: ROOT, dist: path.dirname(ACTION) }), before: buildInfo(options.before) }
  if (builds !== null) log(`comparing the current build, ${buildText(builds.current)}, with the earlier build, ${buildText(builds.before)}`)
  const envStart = { node: process.version, cpus: os.cpus().length, loadStart: os.loadavg(), rustc: version('rustc'), cargo: version('cargo') }
  log(`node ${envStart.node}; ${envStart.cpus} CPUs; load ${envStart.loadStart.map(l => l.toFixed(2)).join(' ')}; ${envStart.rustc}; ${envStart.cargo}`)

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bench-process-'))
  tmpRoot = tmp
  beforeRoot = options.before === null ? null : options.before.dist
  const shared: { fixture: Promise<ActionFixture> | null } = { fixture: null }
  const cleanup = (): void => {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup()
    process.kill(process.pid, signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    fs.writeFileSync(path.join(tmp, 'read-parse.cjs'), "JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'))\n")
    const specs = buildCases(options, tmp, () => (shared.fixture ??= actionFixture(tmp)))
    if (specs.length === 0) {
      process.stderr.write(`bench-process: --only: no case matches ${options.only.map(o => `\`${o}\``).join(', ')}\n`)
      return 2
    }
    const results: CaseResult[] = []
    for (const spec of specs) results.push(await measureCase(spec, options, log))
    const targets = [...results.flatMap(r => r.targets), ...doublingTargets(specs, results)]
    // Order: each case's own targets, then the doubling ratios.
    const envInfo: Environment = { node: envStart.node, cpus: envStart.cpus, loadAverage: { start: envStart.loadStart, end: os.loadavg() }, rustc: envStart.rustc, cargo: envStart.cargo }
    const allMet = targets.every(t => t.met) && results.every(r => r.error === null)
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ ...(builds === null ? {} : { builds }), ...envInfo, runs: options.runs, warmup: options.warmup, seed: options.seed, sizes: options.sizes, timeoutMs: options.timeoutMs, results, targets, met: allMet }, null, 2)}\n`
      )
    } else {
      process.stdout.write(textReport(options, envInfo, results, targets, builds))
    }
    return allMet ? 0 : 1
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    const fixture = shared.fixture === null ? null : await shared.fixture.catch(() => null)
    if (fixture !== null) await fixture.server.close()
    cleanup()
  }
}

try {
  process.exitCode = await main()
} catch (e) {
  process.stderr.write(`bench-process: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 2
}

/**
 * Benchmark: how long the analysis takes compared with reading and parsing `cargo metadata`.
 *
 *   npm run bench:analysis [-- options]
 *
 *   --json             print machine-readable results (progress still goes to stderr; use
 *                      `npm run --silent bench:analysis -- --json` so that npm adds nothing to stdout)
 *   --runs N           measured runs per input (default 9), after --warmup N warm-up runs (default 2)
 *   --sizes LIST       synthetic workspace sizes in packages (default 1000,2000,5000,10000)
 *   --seed S           seed of the synthetic workspaces (default 1)
 *   --corpus DIR       directory of `cargo metadata` files (default __tests__/fixtures/metadata)
 *   --only TEXT        only inputs whose name contains TEXT (repeatable)
 *   --timeout SECONDS  give up on an input when one run takes longer than this (default 30)
 *   --gc               force a full garbage collection before each timed step (it releases heap
 *                      pages, so the next step pays for faulting them in again: slower, not steadier)
 *   --phases           also time validateMetadata, selectPackages, buildUnitGraph, resolveLinkage,
 *                      evaluateRules and the report assembly separately (in a second pass per run,
 *                      not counted in the analysis time)
 *   --src DIR          engine sources to measure (default: this checkout's src/), for A/B comparisons
 *   --keep DIR         write the synthetic metadata files to DIR and keep them
 *
 * After the timings, a scale check analyses the largest synthetic workspace once more in a fresh process,
 * with `-C prefer-dynamic` so that hundreds of findings arise, and checks what the action would write:
 * the job summary under GitHub's 1 MiB, at most 10 annotations per type plus the overflow notice, every
 * finding in the JSON report, and the peak memory of that one run under 1 GiB.
 *
 * Every input is measured in a fresh child process, one at a time, so that inputs do not share a
 * heap or JIT state and the peak RSS belongs to one input alone. Each run times `readFileSync` +
 * `JSON.parse` of the file, then `validateMetadata` + `analyze` for `cargo build --workspace` with
 * the host toolchain as probed once at start (`rustc -vV` and the combined `rustc --print` probe,
 * default `dev` profile, no config files, no rustflags). Findings are located at `Cargo.toml:1`
 * (no manifest is read: the recorded paths do not exist here). Reported times are medians; the
 * minimum is shown too, since other processes on the machine inflate single runs.
 */
import { type ChildProcess, execFileSync, fork, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import { benchToml, tomlReport } from './bench-toml.js'
import { median } from './median.js'
import { generateWorkspace, type SyntheticStats } from './synthetic-workspace.js'

type EngineModule = typeof import('../src/engine.js')
type ParseModule = typeof import('../src/metadata/parse.js')
type ProbeModule = typeof import('../src/rustc/probe.js')
type ProfilesModule = typeof import('../src/config/profiles.js')
type CargoConfigModule = typeof import('../src/config/cargo-config.js')
type InvocationModule = typeof import('../src/model/invocation.js')
type SelectionModule = typeof import('../src/model/selection.js')
type UnitGraphModule = typeof import('../src/model/unit-graph.js')
type ResolveModule = typeof import('../src/linkage/resolve.js')
type BehaviourModule = typeof import('../src/model/compiler-behaviour.js')
type EvaluateModule = typeof import('../src/rules/evaluate.js')
type GateModule = typeof import('../src/policy/gate.js')
type SummaryModule = typeof import('../src/report/summary.js')
type SarifModule = typeof import('../src/report/sarif.js')
type AnnotationsModule = typeof import('../src/report/annotations.js')
type BuildContext = import('../src/model/build-context.js').BuildContext

/** The gate of a run without policy or baseline, as `check()` applies it. */
const UNGATED = { failOn: 'error', policy: null, baseline: null, today: '2026-01-01' } as const

const SCRIPT = fileURLToPath(import.meta.url)
const DEFAULT_SRC = path.resolve(path.dirname(SCRIPT), '..', 'src')
const DEFAULT_CORPUS = path.resolve(path.dirname(SCRIPT), '..', '__tests__', 'fixtures', 'metadata')
const LIBRA = 'guppy-libra-9ffd93b.json'
const RATIO_TARGET = 1.5
const SYNTHETIC_TARGET_MS = 2000
const PHASES = ['validate', 'select', 'unitGraph', 'linkage', 'rules', 'report'] as const
type Phase = (typeof PHASES)[number]

interface Options {
  json: boolean
  runs: number
  warmup: number
  sizes: number[]
  seed: number
  corpus: string
  only: string[]
  timeoutMs: number
  phases: boolean
  gc: boolean
  src: string
  keep: string | null
}

/** What the host rustc printed; each child rebuilds the BuildContext from it with the engine's own parsers. */
interface RawProbe {
  rustc: string
  version: string
  probeStdout: string
  probeStderr: string
  libdirEntries: string[]
}

interface Task {
  /** Run the scale check instead of the timings. */
  scale?: boolean
  name: string
  file: string
  runs: number
  warmup: number
  phases: boolean
  gc: boolean
  src: string
  probe: RawProbe
}

type ChildMessage =
  | { type: 'info'; packages: number | null; resolveNull: boolean }
  | { type: 'read'; warmup: boolean; readParseMs: number }
  | { type: 'run'; warmup: boolean; analysisMs: number; phases: Record<Phase, number> | null; outputs: Outputs | null; maxRssKb: number }
  | { type: 'rejected'; message: string }
  | { type: 'done'; maxRssKb: number; baselineRssKb: number; artifacts: number; findings: number }
  | { type: 'error'; message: string }
  | { type: 'scale'; result: ScaleResult }

/** What the action would write for one large analysis, against GitHub's limits. */
interface ScaleResult {
  packages: number
  members: number
  findings: number
  summaryBytes: number
  annotations: Record<string, number>
  overflowNotice: boolean
  jsonFindings: number
  peakRssMb: number
  analysisMs: number
}

/** Rendering what the action writes from one report: JSON, job summary, SARIF, annotations. */
interface Outputs {
  ms: number
  summaryBytes: number
  sarifBytes: number
}

interface CaseResult {
  name: string
  file: string
  kind: 'corpus' | 'synthetic'
  bytes: number
  packages: number | null
  /** The engine rejected the input with this one-line message. */
  rejected: string | null
  /** Whether rejection was expected (`"resolve": null`); a mismatch is reported as unexpected. */
  expectRejected: boolean
  /** Measured runs; `analysisMs` is null for a run stopped by the timeout. */
  runs: { readParseMs: number; analysisMs: number | null; phases: Record<Phase, number> | null; outputs: Outputs | null }[]
  /** Read+parse times of the warm-up runs, used only when no measured run started. */
  warmupReadParseMs: number[]
  readParseMs: number | null
  analysisMs: number | null
  ratio: number | null
  /** Minimum over the runs, to judge noise against the median. */
  analysisMinMs: number | null
  phases: Record<Phase, number> | null
  /** Median time to render the outputs, and the sizes of the summary and the SARIF file. */
  outputsMs: number | null
  summaryKb: number | null
  sarifKb: number | null
  /** Peak RSS after the first run (what one CLI invocation needs), and over all runs. */
  firstRunPeakRssMb: number | null
  peakRssMb: number | null
  baselineRssMb: number | null
  artifacts: number | null
  findings: number | null
  timedOut: boolean
  error: string | null
  synthetic?: SyntheticStats
}

// ---------------------------------------------------------------------------------------------------
// Child: measures one input.

async function child(): Promise<void> {
  const task = await new Promise<Task>(resolve => process.once('message', m => resolve(m as Task)))
  const send = (m: ChildMessage): void => {
    process.send!(m)
  }
  try {
    await (task.scale ? scaleCheck(task, send) : measure(task, send))
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
  process.disconnect()
}

async function importFrom<T>(src: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(src, file)).href)) as T
}

/** The first of `files` that exists in `src`: a module may live elsewhere in an older source (`--src`). */
async function importFirst<T>(src: string, ...files: string[]): Promise<T> {
  const file = files.find(f => fs.existsSync(path.join(src, f))) ?? files[0]!
  return importFrom<T>(src, file)
}

async function measure(task: Task, send: (m: ChildMessage) => void): Promise<void> {
  const [engine, parse, probe, profiles, cargoConfig, types, selection, unitGraph, resolve, evaluate, gate] = await Promise.all([
    importFrom<EngineModule>(task.src, 'engine.ts'),
    importFrom<ParseModule>(task.src, 'metadata/parse.ts'),
    importFrom<ProbeModule>(task.src, 'rustc/probe.ts'),
    importFrom<ProfilesModule>(task.src, 'config/profiles.ts'),
    importFrom<CargoConfigModule>(task.src, 'config/cargo-config.ts'),
    importFirst<InvocationModule>(task.src, 'model/invocation.ts', 'model/types.ts'),
    importFrom<SelectionModule>(task.src, 'model/selection.ts'),
    importFrom<UnitGraphModule>(task.src, 'model/unit-graph.ts'),
    importFrom<ResolveModule>(task.src, 'linkage/resolve.ts'),
    importFrom<EvaluateModule>(task.src, 'rules/evaluate.ts'),
    importFrom<GateModule>(task.src, 'policy/gate.ts')
  ])
  // Sources before compiler-keyed behaviour resolve linkage from the graph alone.
  const behaviour = await importFrom<BehaviourModule>(task.src, 'model/compiler-behaviour.ts').catch(() => null)
  // Older sources (--src) may predate the renderers: their outputs are then not measured.
  const renderers = await Promise.all([
    importFrom<SummaryModule>(task.src, 'report/summary.ts'),
    importFrom<SarifModule>(task.src, 'report/sarif.ts'),
    importFrom<AnnotationsModule>(task.src, 'report/annotations.ts'),
    importFrom<typeof import('../src/report/json.js')>(task.src, 'report/json.ts')
  ]).catch(() => null)
  const gc = task.gc ? exposeGc() : () => undefined
  const baselineRssKb = Math.round(process.memoryUsage().rss / 1024)

  const rustc = probe.parseRustcVersion(task.probe.version)
  const parsed = probe.parseProbe(task.probe.probeStdout, task.probe.probeStderr, rustc.host)
  const info = probe.toTargetInfo(rustc.host, parsed, task.probe.libdirEntries, [])
  const invocation = types.defaultInvocation({ command: 'build', workspace: true })
  const profileOptions = { manifest: null, manifestFile: 'Cargo.toml', config: cargoConfig.mergeCargoConfig([]), env: {} }
  const names = profiles.profileNameFor(invocation.command, invocation.release, invocation.profile)
  const context: BuildContext = {
    rustc,
    host: info,
    target: info,
    profile: profiles.resolveProfile(names.main, profileOptions),
    testProfile: profiles.resolveProfile(names.test, profileOptions)
  }
  const at = { file: 'Cargo.toml', line: 1 }
  const locator = { crateType: () => at, dependency: () => at, setting: () => at, file: () => at, manifestKey: () => at, dependencyNamed: () => at }
  const commandLine = ['cargo', 'build', '--workspace']

  let artifacts = 0
  let findings = 0
  for (let i = 0; i < task.warmup + task.runs; i++) {
    gc()
    const t0 = performance.now()
    const raw = JSON.parse(fs.readFileSync(task.file, 'utf8')) as { packages?: unknown[]; resolve?: unknown }
    const t1 = performance.now()
    if (i === 0) {
      send({ type: 'info', packages: Array.isArray(raw.packages) ? raw.packages.length : null, resolveNull: raw.resolve === null })
    }
    send({ type: 'read', warmup: i < task.warmup, readParseMs: t1 - t0 })
    gc()
    let phases: Record<Phase, number> | null = null
    const t2 = performance.now()
    let metadata
    try {
      metadata = parse.validateMetadata(raw, path.basename(task.file))
    } catch (e) {
      if (e instanceof Error && e.name === 'MetadataError') {
        send({ type: 'rejected', message: e.message })
        return
      }
      throw e
    }
    const currentManifest = path.join(metadata.workspaceRoot, 'Cargo.toml')
    const input = { metadata, context, invocation, currentManifest, locator, commandLine, resolver: 2 as const }
    const t3 = performance.now()
    const report = gate.applyGate(engine.analyze(input), UNGATED)
    const t4 = performance.now()
    artifacts = report.artifacts.length
    findings = report.findings.length
    let outputs: Outputs | null = null
    if (renderers !== null) {
      const [summary, sarif, annotations, json] = renderers
      const o0 = performance.now()
      for (const chunk of json.reportJson(report)) void chunk
      const markdown = summary.renderSummary(report)
      const log = JSON.stringify(sarif.renderSarif(report, { toolVersion: '0.0.0', workspacePrefix: '' }), null, 2)
      annotations.selectAnnotations(report, { workspacePrefix: '' })
      outputs = { ms: performance.now() - o0, summaryBytes: Buffer.byteLength(markdown), sarifBytes: Buffer.byteLength(log) }
    }
    if (task.phases) {
      // The same steps as `analyze`, one at a time; the report assembly is what `analyze` spends beyond them.
      gc()
      const p0 = performance.now()
      const selected = selection.selectPackages(metadata, invocation, currentManifest)
      const p1 = performance.now()
      const graph = unitGraph.buildUnitGraph(metadata, context, invocation, selected.packages)
      const p2 = performance.now()
      const linkage = resolve.resolveLinkage(graph, behaviour?.compilerBehaviour(context.rustc, context.host) ?? { loadsProcMacrosWithDynamicStd: false, readsCdylibAsDylib: false })
      const p3 = performance.now()
      const facts = { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => false }
      evaluate.evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator })
      const p4 = performance.now()
      const steps = { select: p1 - p0, unitGraph: p2 - p1, linkage: p3 - p2, rules: p4 - p3 }
      const sum = steps.select + steps.unitGraph + steps.linkage + steps.rules
      phases = { validate: t3 - t2, ...steps, report: Math.max(0, t4 - t3 - sum) }
    }
    send({ type: 'run', warmup: i < task.warmup, analysisMs: t4 - t2, phases, outputs, maxRssKb: process.resourceUsage().maxRSS })
  }
  send({ type: 'done', maxRssKb: process.resourceUsage().maxRSS, baselineRssKb, artifacts, findings })
}

async function scaleCheck(task: Task, send: (m: ChildMessage) => void): Promise<void> {
  const [engine, parse, probe, profiles, cargoConfig, types, summary, annotations, json, writer, gate] = await Promise.all([
    importFrom<EngineModule>(task.src, 'engine.ts'),
    importFrom<ParseModule>(task.src, 'metadata/parse.ts'),
    importFrom<ProbeModule>(task.src, 'rustc/probe.ts'),
    importFrom<ProfilesModule>(task.src, 'config/profiles.ts'),
    importFrom<CargoConfigModule>(task.src, 'config/cargo-config.ts'),
    importFirst<InvocationModule>(task.src, 'model/invocation.ts', 'model/types.ts'),
    importFrom<SummaryModule>(task.src, 'report/summary.ts'),
    importFrom<AnnotationsModule>(task.src, 'report/annotations.ts'),
    importFrom<typeof import('../src/report/json.js')>(task.src, 'report/json.ts'),
    importFrom<typeof import('../src/write-file.js')>(task.src, 'write-file.ts'),
    importFrom<GateModule>(task.src, 'policy/gate.ts')
  ])
  const rustc = probe.parseRustcVersion(task.probe.version)
  const parsed = probe.parseProbe(task.probe.probeStdout, task.probe.probeStderr, rustc.host)
  // Every executable then links std dynamically: one runtime-dylib finding each, far more than fit as annotations.
  const info = probe.toTargetInfo(rustc.host, parsed, task.probe.libdirEntries, ['-C', 'prefer-dynamic'])
  const invocation = types.defaultInvocation({ command: 'build', workspace: true })
  const profileOptions = { manifest: null, manifestFile: 'Cargo.toml', config: cargoConfig.mergeCargoConfig([]), env: {} }
  const names = profiles.profileNameFor(invocation.command, invocation.release, invocation.profile)
  const context: BuildContext = { rustc, host: info, target: info, profile: profiles.resolveProfile(names.main, profileOptions), testProfile: profiles.resolveProfile(names.test, profileOptions) }
  const at = { file: 'Cargo.toml', line: 1 }
  const locator = { crateType: () => at, dependency: () => at, setting: () => at, file: () => at, manifestKey: () => at, dependencyNamed: () => at }
  const t0 = performance.now()
  const raw = JSON.parse(fs.readFileSync(task.file, 'utf8')) as unknown
  const metadata = parse.validateMetadata(raw, path.basename(task.file))
  const analysis = engine.analyze({ metadata, context, invocation, currentManifest: path.join(metadata.workspaceRoot, 'Cargo.toml'), locator, commandLine: ['cargo', 'build', '--workspace'], resolver: 2 })
  const report = gate.applyGate(analysis, UNGATED)
  const reportFile = path.join(os.tmpdir(), `linkage-scale-${process.pid}.json`)
  writer.writeAtomically(reportFile, json.reportJson(report), 'the scale check report')
  const markdown = summary.renderSummary(report)
  const { annotations: selected } = annotations.selectAnnotations(report, { workspacePrefix: '' })
  const analysisMs = performance.now() - t0
  // Measured before the report is read back, which is not part of a run.
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const jsonFindings = (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { findings: unknown[] }).findings.length
  fs.rmSync(reportFile, { force: true })
  const perLevel: Record<string, number> = {}
  for (const a of selected) perLevel[a.level] = (perLevel[a.level] ?? 0) + 1
  send({
    type: 'scale',
    result: {
      packages: metadata.packages.size,
      members: metadata.workspaceMembers.length,
      findings: report.findings.length,
      summaryBytes: Buffer.byteLength(markdown),
      annotations: perLevel,
      overflowNotice: selected.some(a => a.level === 'notice' && /more findings? in the job summary/.test(a.message)),
      jsonFindings,
      peakRssMb,
      analysisMs
    }
  })
}

function runScale(task: Task): Promise<ScaleResult | string> {
  return new Promise(resolve => {
    const proc = fork(SCRIPT, ['--child'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let outcome: ScaleResult | string = 'the scale check ended without a result'
    proc.on('message', raw => {
      const m = raw as ChildMessage
      if (m.type === 'scale') outcome = m.result
      else if (m.type === 'error') outcome = m.message.split('\n')[0]!
    })
    proc.on('exit', () => resolve(outcome))
    proc.send({ ...task, scale: true })
  })
}

/** The limits the scale check holds the outputs to. */
const SCALE_LIMITS = { summaryBytes: 1024 * 1024, perType: 10, rssMb: 1024 }

function scaleVerdict(r: ScaleResult): { met: boolean; line: string } {
  const perTypeOk = Object.values(r.annotations).every(n => n <= SCALE_LIMITS.perType)
  const checks = [
    r.summaryBytes < SCALE_LIMITS.summaryBytes,
    perTypeOk,
    r.findings <= SCALE_LIMITS.perType || r.overflowNotice,
    r.jsonFindings === r.findings,
    r.peakRssMb < SCALE_LIMITS.rssMb
  ]
  const met = checks.every(Boolean)
  const annotationText = Object.entries(r.annotations)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')
  return {
    met,
    line: `scale: ${r.packages} packages, ${r.members} members, -C prefer-dynamic: ${r.findings} findings in ${fmt(r.analysisMs)} ms; summary ${(r.summaryBytes / 1024).toFixed(0)} KiB (< 1024), annotations ${annotationText}${r.overflowNotice ? ' incl. the overflow notice' : ''} (≤ 10 per type), JSON report ${r.jsonFindings} findings (all), peak RSS ${r.peakRssMb.toFixed(0)} MB (< 1024) — ${met ? 'met' : 'MISSED'}`
  }
}

/** `global.gc` without requiring `--expose-gc` on the command line. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as unknown
  return typeof gc === 'function' ? () => (gc as () => void)() : () => undefined
}

// ---------------------------------------------------------------------------------------------------
// Parent: probes rustc, generates the synthetic workspaces, runs one child per input, prints.

function parseOptions(argv: string[]): Options {
  const o: Options = {
    json: false,
    runs: 9,
    warmup: 2,
    sizes: [1000, 2000, 5000, 10000],
    seed: 1,
    corpus: DEFAULT_CORPUS,
    only: [],
    timeoutMs: 30_000,
    phases: false,
    gc: false,
    src: DEFAULT_SRC,
    keep: null
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    const count = (min: number): number => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < min) throw new Error(`${arg} needs an integer of at least ${min}`)
      return n
    }
    switch (arg) {
      case '--json':
        o.json = true
        break
      case '--runs':
        o.runs = count(1)
        break
      case '--warmup':
        o.warmup = count(0)
        break
      case '--sizes':
        o.sizes = value()
          .split(',')
          .filter(s => s.trim() !== '')
          .map(s => {
            const n = Number(s.trim().replace(/k$/i, '000'))
            if (!Number.isInteger(n) || n < 10) throw new Error(`--sizes: \`${s}\` is not a package count of at least 10`)
            return n
          })
        break
      case '--seed':
        o.seed = count(0)
        break
      case '--corpus':
        o.corpus = path.resolve(value())
        break
      case '--only':
        o.only.push(value())
        break
      case '--timeout':
        o.timeoutMs = count(1) * 1000
        break
      case '--phases':
        o.phases = true
        break
      case '--gc':
        o.gc = true
        break
      case '--src':
        o.src = path.resolve(value())
        break
      case '--keep':
        o.keep = path.resolve(value())
        break
      case '--help':
      case '-h':
        process.stdout.write(`${usage()}\n`)
        process.exit(0)
        break
      default:
        throw new Error(`unknown argument \`${arg}\`\n${usage()}`)
    }
  }
  if (!fs.existsSync(path.join(o.src, 'engine.ts'))) throw new Error(`--src: no engine.ts in \`${o.src}\``)
  return o
}

function usage(): string {
  const text = fs.readFileSync(SCRIPT, 'utf8')
  const start = text.indexOf('/**')
  const end = text.indexOf('*/')
  return text
    .slice(start + 3, end)
    .split('\n')
    .map(l => l.replace(/^ \* ?/, ''))
    .join('\n')
    .trim()
}

async function probeHost(src: string): Promise<RawProbe> {
  const probe = await importFrom<ProbeModule>(src, 'rustc/probe.ts')
  const rustc = process.env.RUSTC ?? 'rustc'
  const version = execFileSync(rustc, ['-vV'], { encoding: 'utf8' })
  const host = probe.parseRustcVersion(version).host
  // Unsupported crate types are reported on stderr, so the probe needs both streams.
  const result = spawnSync(rustc, probe.probeArgs(null, []), { input: '', encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`\`${rustc} --print\` failed: ${result.stderr || result.error?.message}`)
  const parsed = probe.parseProbe(result.stdout, result.stderr, host)
  let libdirEntries: string[] = []
  try {
    libdirEntries = fs.readdirSync(parsed.targetLibdir)
  } catch {
    // No standard library for this target: no std dylib.
  }
  return { rustc: version.split('\n')[0]!.trim(), version, probeStdout: result.stdout, probeStderr: result.stderr, libdirEntries }
}

function runCase(task: Task, timeoutMs: number, base: CaseResult, log: (line: string) => void): Promise<CaseResult> {
  return new Promise(resolve => {
    const result: CaseResult = { ...base, runs: [], warmupReadParseMs: [] }
    const proc: ChildProcess = fork(SCRIPT, ['--child'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let finished = false
    let timer: NodeJS.Timeout | null = null
    const arm = (): void => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        result.timedOut = true
        result.peakRssMb = peakRssOf(proc.pid)
        log(`  ${task.name}: no run finished within ${timeoutMs / 1000} s, stopping it`)
        proc.kill('SIGKILL')
      }, timeoutMs)
    }
    const finish = (): void => {
      if (finished) return
      finished = true
      if (timer) clearTimeout(timer)
      summarize(result)
      resolve(result)
    }
    proc.on('message', raw => {
      const m = raw as ChildMessage
      arm()
      switch (m.type) {
        case 'info':
          result.packages = m.packages
          result.expectRejected = m.resolveNull
          break
        case 'read':
          if (m.warmup) result.warmupReadParseMs.push(m.readParseMs)
          else result.runs.push({ readParseMs: m.readParseMs, analysisMs: null, phases: null, outputs: null })
          break
        case 'run': {
          result.firstRunPeakRssMb ??= m.maxRssKb / 1024
          if (m.warmup) break
          const run = result.runs[result.runs.length - 1]!
          run.analysisMs = m.analysisMs
          run.phases = m.phases
          run.outputs = m.outputs
          log(`  ${task.name}: run ${result.runs.length}/${task.runs}: read+parse ${run.readParseMs.toFixed(1)} ms, analysis ${m.analysisMs.toFixed(1)} ms`)
          break
        }
        case 'rejected':
          result.rejected = m.message
          break
        case 'done':
          result.peakRssMb = m.maxRssKb / 1024
          result.baselineRssMb = m.baselineRssKb / 1024
          result.artifacts = m.artifacts
          result.findings = m.findings
          break
        case 'error':
          result.error = m.message
          break
      }
    })
    proc.on('exit', finish)
    proc.on('error', e => {
      result.error = e.message
      finish()
    })
    arm()
    proc.send(task)
  })
}

/** Peak RSS of a running process (Linux `VmHWM`), for inputs stopped before they could report it. */
function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

function summarize(r: CaseResult): void {
  r.readParseMs = median(r.runs.length > 0 ? r.runs.map(x => x.readParseMs) : r.warmupReadParseMs)
  const analysis = r.runs.map(x => x.analysisMs).filter((x): x is number => x !== null)
  r.analysisMs = r.timedOut ? null : median(analysis)
  r.analysisMinMs = r.timedOut || analysis.length === 0 ? null : Math.min(...analysis)
  r.ratio = r.readParseMs !== null && r.analysisMs !== null && r.readParseMs > 0 ? r.analysisMs / r.readParseMs : null
  const outputs = r.runs.flatMap(x => (x.outputs === null ? [] : [x.outputs]))
  r.outputsMs = median(outputs.map(o => o.ms))
  r.summaryKb = outputs.length > 0 ? outputs[0]!.summaryBytes / 1024 : null
  r.sarifKb = outputs.length > 0 ? outputs[0]!.sarifBytes / 1024 : null
  const withPhases = r.runs.filter(x => x.phases !== null)
  if (withPhases.length > 0) {
    const phases = {} as Record<Phase, number>
    for (const p of PHASES) phases[p] = median(withPhases.map(x => x.phases![p]))!
    r.phases = phases
  }
}

function sizeLabel(n: number): string {
  return n % 1000 === 0 ? `${n / 1000}k` : String(n)
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  const selected = (name: string): boolean => options.only.length === 0 || options.only.some(o => name.includes(o))

  const probe = await probeHost(options.src)
  log(`host toolchain: ${probe.rustc}`)

  const cases: { base: CaseResult; task: Task }[] = []
  const corpusFiles = fs.existsSync(options.corpus)
    ? fs
        .readdirSync(options.corpus)
        .filter(f => f.endsWith('.json'))
        .map(f => path.join(options.corpus, f))
        .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b))
    : []
  if (corpusFiles.length === 0) log(`no corpus files in ${options.corpus}`)
  const blank = (name: string, file: string, kind: CaseResult['kind']): CaseResult => ({
    name,
    file,
    kind,
    bytes: fs.statSync(file).size,
    packages: null,
    rejected: null,
    expectRejected: false,
    runs: [],
    warmupReadParseMs: [],
    readParseMs: null,
    analysisMs: null,
    ratio: null,
    analysisMinMs: null,
    phases: null,
    outputsMs: null,
    summaryKb: null,
    sarifKb: null,
    firstRunPeakRssMb: null,
    peakRssMb: null,
    baselineRssMb: null,
    artifacts: null,
    findings: null,
    timedOut: false,
    error: null
  })
  const taskFor = (name: string, file: string): Task => ({
    name,
    file,
    runs: options.runs,
    warmup: options.warmup,
    phases: options.phases,
    gc: options.gc,
    src: options.src,
    probe
  })
  for (const file of corpusFiles) {
    const name = path.basename(file)
    if (selected(name)) cases.push({ base: blank(name, file, 'corpus'), task: taskFor(name, file) })
  }

  const syntheticDir = options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bench-'))
  fs.mkdirSync(syntheticDir, { recursive: true })
  try {
    for (const size of options.sizes) {
      const name = `synthetic ${sizeLabel(size)}`
      if (!selected(name)) continue
      const file = path.join(syntheticDir, `synthetic-${size}-seed${options.seed}.json`)
      const workspace = generateWorkspace({ packages: size, seed: options.seed })
      fs.writeFileSync(file, JSON.stringify(workspace.metadata))
      log(
        `generated ${name}: ${workspace.stats.members} members, ${workspace.stats.edges} edges, depth ${workspace.stats.depth}, member closure median ${workspace.stats.memberClosure.median} / max ${workspace.stats.memberClosure.max}`
      )
      cases.push({ base: { ...blank(name, file, 'synthetic'), synthetic: workspace.stats }, task: taskFor(name, file) })
    }

    const results: CaseResult[] = []
    for (const { base, task } of cases) {
      log(`measuring ${task.name} (${task.warmup} warm-up + ${task.runs} runs)`)
      results.push(await runCase(task, options.timeoutMs, base, log))
    }
    const largest = cases.filter(c => c.base.kind === 'synthetic').at(-1)
    let scale: ScaleResult | string | null = null
    if (largest) {
      log(`scale check on ${largest.task.name}`)
      scale = await runScale(largest.task)
    }
    const toml = selected('toml') ? (log('measuring the TOML reader'), await benchToml(options.src, options.runs)) : null
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...jsonReport(options, probe, results), scale, toml }, null, 2)}\n`)
    } else {
      process.stdout.write(textReport(options, probe, results))
      if (scale !== null) process.stdout.write(`${typeof scale === 'string' ? `scale: failed: ${scale}` : scaleVerdict(scale).line}\n`)
      if (toml !== null) process.stdout.write(tomlReport(toml))
    }
  } finally {
    if (options.keep === null) fs.rmSync(syntheticDir, { recursive: true, force: true })
  }
}

function targetsOf(results: CaseResult[]) {
  const libra = results.find(r => r.name === LIBRA) ?? null
  const tenK = results.find(r => r.name === 'synthetic 10k') ?? null
  return {
    libra:
      libra === null
        ? null
        : {
            analysisMs: libra.analysisMs,
            readParseMs: libra.readParseMs,
            ratio: libra.ratio,
            target: RATIO_TARGET,
            met: libra.ratio !== null && !libra.timedOut && libra.ratio <= RATIO_TARGET
          },
    synthetic10k:
      tenK === null
        ? null
        : {
            analysisMs: tenK.analysisMs,
            timedOut: tenK.timedOut,
            targetMs: SYNTHETIC_TARGET_MS,
            met: tenK.analysisMs !== null && !tenK.timedOut && tenK.analysisMs < SYNTHETIC_TARGET_MS
          }
  }
}

function jsonReport(options: Options, probe: RawProbe, results: CaseResult[]) {
  return {
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    toolchain: probe.rustc,
    runs: options.runs,
    warmup: options.warmup,
    seed: options.seed,
    forcedGc: options.gc,
    src: options.src,
    results,
    targets: targetsOf(results)
  }
}

function fmt(ms: number | null): string {
  if (ms === null) return '-'
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

function textReport(options: Options, probe: RawProbe, results: CaseResult[]): string {
  const lines: string[] = []
  lines.push(
    `${probe.rustc}; node ${process.version}; ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}; medians of ${options.runs} runs after ${options.warmup} warm-ups${options.gc ? ', full GC before each step' : ''}; cargo build --workspace`
  )
  lines.push('')
  const header = ['input', 'packages', 'MB', 'read+parse ms', 'analysis ms', 'ratio', 'min analysis ms', 'peak RSS MB 1st/all', 'artifacts', 'findings', 'outputs ms', 'summary/SARIF KB']
  const rows: string[][] = []
  const notes: string[] = []
  for (const r of results) {
    const mb = (r.bytes / 1e6).toFixed(1)
    if (r.rejected !== null) {
      rows.push([r.name, String(r.packages ?? '-'), mb, `${r.expectRejected ? 'rejected' : 'UNEXPECTEDLY rejected'}: ${r.rejected}`])
      continue
    }
    if (r.error !== null) {
      notes.push(`${r.name}: failed: ${r.error.split('\n')[0]}`)
      rows.push([r.name, String(r.packages ?? '-'), mb, 'failed (see below)'])
      continue
    }
    if (r.expectRejected) notes.push(`${r.name}: has \`"resolve": null\` but was not rejected`)
    const analysis = r.timedOut ? `>${options.timeoutMs} (timed out)` : fmt(r.analysisMs)
    const ratio = r.timedOut || r.ratio === null ? '-' : r.ratio.toFixed(2)
    const fromWarmup = r.runs.length === 0 && r.readParseMs !== null
    if (fromWarmup) notes.push(`${r.name}: read+parse marked * is from the warm-up runs only (no measured run started).`)
    rows.push([
      r.name,
      String(r.packages ?? '-'),
      mb,
      `${fmt(r.readParseMs)}${fromWarmup ? '*' : ''}`,
      analysis,
      ratio,
      r.timedOut ? '-' : fmt(r.analysisMinMs),
      `${r.firstRunPeakRssMb === null ? '-' : r.firstRunPeakRssMb.toFixed(0)}/${r.peakRssMb === null ? '-' : r.peakRssMb.toFixed(0)}`,
      String(r.artifacts ?? '-'),
      String(r.findings ?? '-'),
      fmt(r.outputsMs),
      r.summaryKb === null ? '-' : `${r.summaryKb.toFixed(0)}/${r.sarifKb!.toFixed(0)}`
    ])
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter(r => r.length > 4).map(r => (r[i] ?? '').length)))
  const pad = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(Math.max(widths[0]!, ...rows.map(r => r[0]!.length))) : i === 3 && cells.length === 4 ? c : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  lines.push(pad(header))
  for (const row of rows) lines.push(pad(row))

  if (options.phases) {
    lines.push('')
    lines.push(`phases (median ms): ${PHASES.join(' / ')}`)
    for (const r of results) {
      if (r.phases) lines.push(`  ${r.name}: ${PHASES.map(p => fmt(r.phases![p])).join(' / ')}`)
    }
  }
  const synthetic = results.filter(r => r.synthetic)
  if (synthetic.length > 0) {
    lines.push('')
    for (const r of synthetic) {
      const s = r.synthetic!
      lines.push(
        `${r.name}: ${s.members} members, ${s.edges} dependency edges (${s.edgeKinds.dev} dev, ${s.edgeKinds.build} build, ${s.edgeKinds.platform} platform-specific), depth ${s.depth}, member closure median ${s.memberClosure.median} / max ${s.memberClosure.max}; libraries ${Object.entries(s.libraryCrateTypes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`
      )
    }
  }
  if (notes.length > 0) {
    lines.push('')
    lines.push(...notes)
  }
  const t = targetsOf(results)
  lines.push('')
  if (t.libra) {
    const ratio = t.libra.ratio === null ? '-' : t.libra.ratio.toFixed(2)
    lines.push(
      `${LIBRA}: analysis ${fmt(t.libra.analysisMs)} ms vs read+parse ${fmt(t.libra.readParseMs)} ms (ratio ${ratio}, target ≤ ${RATIO_TARGET}) — ${t.libra.met ? 'met' : 'MISSED'}`
    )
  } else {
    lines.push(`${LIBRA}: not measured`)
  }
  if (t.synthetic10k) {
    const x = t.synthetic10k.timedOut ? `>${options.timeoutMs} ms (timed out)` : `${fmt(t.synthetic10k.analysisMs)} ms`
    lines.push(`synthetic 10k: ${x} (target < ${SYNTHETIC_TARGET_MS} ms) — ${t.synthetic10k.met ? 'met' : 'MISSED'}`)
  } else {
    lines.push('synthetic 10k: not measured')
  }
  return `${lines.join('\n')}\n`
}

if (process.argv.includes('--child')) {
  await child()
} else {
  try {
    await main()
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 2
  }
}

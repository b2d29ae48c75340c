/**
 * Checks `--fix` against real cargo on generated workspaces.
 *
 *   npx tsx scripts/fix-validation.ts --count N --seed S [--category NAME]... [--jobs J] [--keep DIR]
 *   npx tsx scripts/fix-validation.ts --fixtures
 *
 * Generates N workspaces as the differential test does (every category unless `--category` is given), and
 * for each invocation the engine predicts to fail: copies the workspace, analyses it, applies the first
 * verified manifest edit of every error as `--fix` does, and builds the same invocation with real cargo.
 * Every artifact a fix claimed to repair must then be built by cargo; exits 1 when one is not. Prints the
 * fraction of failing invocations that cargo builds completely after `--fix`, and the findings left with no
 * verified manifest edit, grouped by rule and invocation shape. `--fixtures` does the same for every recorded
 * case of the fixture workspaces (`expected.json` of each directory under `__tests__/fixtures/workspaces`) instead.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { applyReportFixes } from '../src/cli/fix.js'
import { findingArtifact, type Finding } from '../src/findings/finding.js'
import { planFixes } from '../src/fixes/plan.js'
import { CATEGORIES, type Category, generateWorkspace, isCategory, writeWorkspace } from '../__tests__/differential/generate.js'
import { cargoEnvironment, engineArgs, hostTriple, invocationsFor, runCargo, type CargoInvocation } from '../__tests__/differential/cargo-outcome.js'
import { commandLine, drawWorkspaces, loadEngine } from './differential.js'

interface Options {
  fixtures: boolean
  count: number
  seed: number
  categories: Category[]
  jobs: number
  keep: string | null
}

/** One failing invocation and what `--fix` and cargo made of it. */
export interface FixCase {
  label: string
  shape: string
  /** Error findings before the fix. */
  errors: number
  /** Errors with a verified manifest edit applied. */
  fixed: number
  /** Artifacts a fix claimed to repair that cargo still failed or did not build. */
  broken: string[]
  /** cargo built every unit after the fix. */
  repaired: boolean
  unfixed: Finding[]
}

export async function validateFixes(options: Options): Promise<FixCase[]> {
  const root = options.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'rlg-fix-validation-')))
  const engine = await loadEngine()
  const host = await hostTriple()
  const cases: FixCase[] = []
  try {
    const chosen = drawWorkspaces({ count: options.count, seed: options.seed, categories: options.categories })
    const tasks: { dir: string; label: string; invocation: CargoInvocation }[] = []
    for (const { category, seed } of chosen) {
      const workspace = generateWorkspace(seed, { category, host })
      const dir = path.join(root, `ws-${category}-${seed}`)
      await writeWorkspace(workspace, dir)
      for (const invocation of invocationsFor(workspace)) tasks.push({ dir, label: `${category} seed ${seed} ${invocation.id}`, invocation })
    }
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const { dir, label, invocation } = tasks[next++]!
        const result = await fixCase(engine, dir, label, invocation, Math.max(1, Math.floor(os.availableParallelism() / options.jobs)))
        if (result !== null) {
          cases.push(result)
          process.stderr.write(`${result.broken.length > 0 ? 'BROKEN' : result.repaired ? 'repaired' : 'partial'}  ${label}: ${result.fixed}/${result.errors} fixed\n`)
        }
      }
    }
    await Promise.all(Array.from({ length: options.jobs }, worker))
    return cases
  } finally {
    if (options.keep === null) await rm(root, { recursive: true, force: true })
  }
}

/** Every recorded build or test case of the fixture workspaces, as an invocation run from its directory. */
export async function validateFixtureFixes(): Promise<FixCase[]> {
  const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '__tests__', 'fixtures', 'workspaces')
  const root = await mkdtemp(path.join(os.tmpdir(), 'rlg-fix-fixtures-'))
  const engine = await loadEngine()
  const cases: FixCase[] = []
  try {
    for (const name of (await readdir(fixtures)).sort()) {
      let recorded: { cases: { args: string[]; env?: Record<string, string>; cwd?: string; setup?: unknown; toolchain?: string; units: unknown[] }[] }
      try {
        recorded = JSON.parse(await readFile(path.join(fixtures, name, 'expected.json'), 'utf8'))
      } catch {
        continue
      }
      const source = path.join(root, name)
      await cp(path.join(fixtures, name), source, { recursive: true, filter: f => !f.includes(`${path.sep}target`) })
      for (const [i, c] of recorded.cases.entries()) {
        const [command, ...args] = c.args
        // `cargo test --doc` runs the doc tests, which `runCargo` (always `--no-run`) does not.
        if ((command !== 'build' && command !== 'test') || c.setup !== undefined || c.units.length === 0 || args.includes('--doc')) continue
        const env = { ...c.env, ...(c.toolchain ? { RUSTUP_TOOLCHAIN: c.toolchain } : {}) }
        const invocation: CargoInvocation = { id: `case${i}`, shape: `${name}: cargo ${c.args.join(' ')}`, command, args: args.filter(a => a !== '--no-run'), env }
        const result = await fixCase(engine, source, `${name} case ${i}`, invocation, os.availableParallelism(), c.cwd)
        if (result !== null) {
          cases.push(result)
          process.stderr.write(`${result.broken.length > 0 ? 'BROKEN' : result.repaired ? 'repaired' : 'partial'}  ${result.label}: ${result.fixed}/${result.errors} fixed\n`)
        }
      }
    }
    return cases
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

async function fixCase(
  engine: Awaited<ReturnType<typeof loadEngine>>,
  source: string,
  label: string,
  invocation: CargoInvocation,
  jobs: number,
  cwd = ''
): Promise<FixCase | null> {
  const copy = `${source}-fix-${invocation.id}`
  await rm(copy, { recursive: true, force: true })
  await cp(source, copy, { recursive: true })
  const manifestPath = path.join(copy, cwd, 'Cargo.toml')
  const env = cargoEnvironment(invocation)
  const analyse = () => engine({ manifestPath, args: engineArgs(invocation), env, cwd: path.join(copy, cwd) })
  const report = await Promise.resolve().then(analyse).catch(() => null)
  if (report === null) {
    await rm(copy, { recursive: true, force: true })
    return null
  }
  const errors = report.findings.filter(f => f.severity === 'error')
  if (errors.length === 0) {
    await rm(copy, { recursive: true, force: true })
    return null
  }
  const plan = planFixes(report.findings)
  if (plan.fixed.length > 0) applyReportFixes(report)
  const outcome = await runCargo({ manifestPath, invocation, targetDir: path.join(copy, 'target-fixed'), jobs })
  const broken: string[] = []
  for (const { finding } of plan.fixed) {
    const artifact = findingArtifact(finding)
    if (artifact === null) continue
    const units = outcome.units.filter(u => u.package === artifact.package && u.target === artifact.target && u.kind === artifact.kind && u.mode === artifact.mode && u.roles.includes(artifact.platform))
    // Units whose outcome depends on which colliding output cargo wrote last say nothing about the fix.
    if (units.some(u => u.raceAffected || u.collision)) continue
    if (units.length === 0 || units.some(u => u.status !== 'ok')) {
      broken.push(`${finding.rule} ${artifact.kind} ${artifact.target} (${artifact.mode}): ${units.map(u => `${u.status} ${u.errors[0] ?? ''}`).join('; ') || 'not built'}`)
    }
  }
  await rm(copy, { recursive: true, force: true })
  return {
    label: `${label}: ${commandLine(invocation)}`,
    shape: invocation.shape,
    errors: errors.length,
    fixed: plan.fixed.length,
    broken,
    repaired: outcome.success && outcome.units.every(u => u.status === 'ok'),
    unfixed: plan.unfixed.map(u => u.finding)
  }
}

export function formatFixSummary(cases: readonly FixCase[]): string[] {
  const withFix = cases.filter(c => c.fixed > 0)
  const repaired = cases.filter(c => c.repaired)
  const broken = cases.filter(c => c.broken.length > 0)
  const pct = (n: number) => (cases.length === 0 ? '0' : ((100 * n) / cases.length).toFixed(1))
  const lines = [
    `${cases.length} failing invocations; ${withFix.length} with a verified manifest edit applied; ${repaired.length} (${pct(repaired.length)}%) built completely by cargo after --fix; ${broken.length} with a claimed artifact cargo did not build.`
  ]
  const unfixed = cases.flatMap(c => c.unfixed)
  const otherwise = unfixed.filter(f => f.fixes.some(x => x.verified))
  lines.push(`${unfixed.length} findings without a verified manifest edit; ${otherwise.length} of them with a verified command or flag fix instead (${[...new Set(otherwise.map(f => f.fixes.find(x => x.verified)!.kind))].join(', ') || 'none'}).`)
  for (const c of broken) lines.push(`BROKEN ${c.label}`, ...c.broken.map(b => `  ${b}`))
  const shapes = new Map<string, number>()
  for (const c of cases) for (const f of c.unfixed) shapes.set(`${f.rule} on ${f.kind} (${f.crateType ?? '-'}), ${c.shape}`, (shapes.get(`${f.rule} on ${f.kind} (${f.crateType ?? '-'}), ${c.shape}`) ?? 0) + 1)
  if (shapes.size > 0) {
    lines.push('Findings with no verified manifest edit (rule on artifact, invocation shape: count):')
    for (const [shape, n] of [...shapes].sort((a, b) => b[1] - a[1])) lines.push(`  ${shape}: ${n}`)
  }
  return lines
}

function parseArgs(argv: string[]): Options {
  const options: Options = { fixtures: false, count: 40, seed: 1, categories: [], jobs: 2, keep: null }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    if (flag === '--fixtures') {
      options.fixtures = true
      continue
    }
    const value = argv[++i]
    if (value === undefined) throw new Error(`${flag} needs a value`)
    if (flag === '--count') options.count = Number(value)
    else if (flag === '--seed') options.seed = Number(value)
    else if (flag === '--jobs') options.jobs = Number(value)
    else if (flag === '--keep') options.keep = path.resolve(value)
    else if (flag === '--category') {
      if (!isCategory(value)) throw new Error(`--category must be one of ${CATEGORIES.join(', ')}`)
      options.categories.push(value)
    } else throw new Error(`unknown flag ${flag}`)
  }
  if (options.categories.length === 0) options.categories = [...CATEGORIES]
  return options
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2))
  const started = Date.now()
  const cases = options.fixtures ? await validateFixtureFixes() : await validateFixes(options)
  for (const line of formatFixSummary(cases)) console.log(line)
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`)
  process.exitCode = cases.some(c => c.broken.length > 0) ? 1 : 0
}

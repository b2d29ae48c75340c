import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { type Finding, findingArtifact } from '../src/findings/finding.js'
import { findingSubject } from '../src/report/render.js'
import { renderSarif } from '../src/report/sarif.js'
import type { Analysis } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'
import { gated } from './support/reports.js'

/**
 * Ground truth recorded from real cargo builds (scripts/record-fixtures.ts): for every case, the engine's
 * verdict per unit must equal what cargo did, and exactly the executables that failed to start directly
 * must carry a `runtime-dylib` finding.
 */
interface RecordedUnit {
  package: string
  target: string
  kind: string
  mode: string
  /** `not-attempted`: `cargo test` stopped at another unit's failure first; not compared (it depends on scheduling). */
  status: 'ok' | 'error' | 'blocked' | 'not-attempted'
  errors?: string[]
  startsDirectly?: boolean
}
interface RecordedCase {
  args: string[]
  /** cargo's own warnings, among them "output filename collision at <target>/…". */
  cargoWarnings?: string[]
  /** cargo's own errors, e.g. a refused `--doc`. */
  cargoErrors?: string[]
  /** The first line of cargo's panic message, when cargo crashed on the command line. */
  cargoPanic?: string
  /** `cargo test` without `--no-run`: each library's doc examples that passed and failed. */
  doctests?: { package: string; target: string; passed: number; failed: number }[]
  env?: Record<string, string>
  cwd?: string
  /** Builds run first in the same target directory: an incremental build, which verdicts do not describe. */
  setup?: unknown[]
  toolchain?: string
  units: RecordedUnit[]
}
interface Recorded {
  description: string
  cases: RecordedCase[]
}

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'workspaces')
const fixtures = fs
  .readdirSync(ROOT)
  .filter(name => fs.existsSync(path.join(ROOT, name, 'expected.json')))
  .sort()

/**
 * Recorded outcomes the engine does not predict, each with the reason. A duplicate-symbol error between two
 * static copies of a library exporting `#[no_mangle]` functions depends on which functions the code calls:
 * a linker-level fact, not a linkage-format one. The `duplicate-symbol` warning flags both harnesses of that
 * fixture (`ffi`, which fails, and `ffi_quiet`, which links) without a verdict: the status stays unpredicted.
 */
const NOT_PREDICTED = new Map([
  ['dev-dep-cycle-no-mangle: cargo test --no-run -p ffi', 'duplicate #[no_mangle] symbol at link time: a `duplicate-symbol` warning, not a predicted status']
])

const COLLISION = 'output filename collision at '

const key = (u: { package: string; target: string; kind: string; mode: string }): string => `${u.package}/${u.target} ${u.kind} ${u.mode}`

/** Each unit's status; a target built twice (host and target copies) shows every status it had. */
function statusesOf(units: { package: string; target: string; kind: string; mode: string; status: string }[]): Map<string, string> {
  const grouped = new Map<string, Set<string>>()
  for (const u of units) {
    const k = key(u)
    if (!grouped.has(k)) grouped.set(k, new Set())
    grouped.get(k)!.add(u.status)
  }
  return new Map([...grouped].map(([k, s]) => [k, [...s].sort().join('+')]))
}

/** Units that are compiled artifacts: running a build script is not one. */
function artifactsOf(units: RecordedUnit[]): RecordedUnit[] {
  return units.filter(u => u.mode !== 'run-custom-build')
}

async function predict(dir: string, c: Pick<RecordedCase, 'args' | 'env' | 'cwd' | 'toolchain'>): Promise<Analysis> {
  const [command, ...rest] = c.args
  const cli = parseCliArgs([...rest, '--command', command!])
  const cwd = path.join(dir, c.cwd ?? '')
  const env = { ...process.env, ...c.env, ...(c.toolchain ? { RUSTUP_TOOLCHAIN: c.toolchain } : {}) }
  return analyzeWorkspace({ manifestPath: cli.manifestPath, invocation: cli.invocation, env, cwd })
}

describe('fixture workspaces: predictions equal recorded cargo builds', () => {
  for (const name of fixtures) {
    const dir = path.join(ROOT, name)
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Recorded
    const cases = recorded.cases.filter(c => ['build', 'test', 'bench'].includes(c.args[0]!) && !c.setup)
    for (const c of cases) {
      const label = `${name}: ${c.env ? Object.entries(c.env).map(([k, v]) => `${k}="${v}" `).join('') : ''}cargo ${c.toolchain ? `+${c.toolchain} ` : ''}${c.args.join(' ')}${c.cwd ? ` (in ${c.cwd}/)` : ''}`
      if (NOT_PREDICTED.has(label)) continue
      it(label, async () => {
        // Cargo refused the command line before building anything: the engine refuses it with cargo's reason.
        if (c.units.length === 0 && c.cargoErrors?.length) {
          await expect(predict(dir, c)).rejects.toThrow(c.cargoErrors[0]!.replaceAll('<ws>', dir))
          return
        }
        // Cargo crashed on the command line: the engine refuses it and names cargo's message.
        if (c.units.length === 0 && c.cargoPanic !== undefined) {
          await expect(predict(dir, c)).rejects.toThrow(c.cargoPanic.split(' (')[0]!)
          return
        }
        const report = await predict(dir, c)
        // Cargo builds one unit per profile, features and platform: the report never lists the same artifact twice.
        const listed = report.artifacts.map(a => JSON.stringify({ ...a, linkage: undefined, status: undefined }))
        expect(listed.filter((a, i) => listed.indexOf(a) !== i)).toEqual([])
        // The recorder lists doc tests apart from the units (rustdoc compiles them when the tests run).
        const unattempted = new Set(c.units.filter(u => u.status === 'not-attempted').map(key))
        const artifacts = report.artifacts.filter(a => a.mode !== 'doctest' && !unattempted.has(key(a)))
        expect(statusesOf(artifacts)).toEqual(statusesOf(artifactsOf(c.units).filter(u => !unattempted.has(key(u)))))
        // Doc tests: the libraries whose examples fail are those with an error or a `doctest-runtime` finding.
        const doctestFails = (a: { package: string; target: string }): boolean =>
          report.artifacts.some(x => x.mode === 'doctest' && x.package === a.package && x.target === a.target && x.status !== 'ok') ||
          report.findings.some(f => f.rule === 'doctest-runtime' && f.package === a.package && f.target === a.target)
        const ran = c.doctests ?? []
        expect(ran.map(d => [d.package, d.target, doctestFails(d)])).toEqual(ran.map(d => [d.package, d.target, d.failed > 0]))
        const reportedDoctests = report.artifacts.filter(a => a.mode === 'doctest' && doctestFails(a)).map(a => `${a.package}/${a.target}`)
        expect(reportedDoctests.sort()).toEqual(ran.filter(d => d.failed > 0).map(d => `${d.package}/${d.target}`).sort())
        const failsToStart = c.units.filter(u => u.startsDirectly === false).map(key).sort()
        // Started where cargo put it: the `runtime-dylib` findings that list libraries missing there.
        const missesInPlace = (f: Finding): boolean => f.rule === 'static-pie-rpath' || (f.rule === 'runtime-dylib' && (f.startup?.inPlace.length ?? 1) > 0)
        const flagged = [...new Set(report.findings.filter(missesInPlace).map(f => key(findingArtifact(f)!)))]
          .filter(k => c.units.some(u => key(u) === k && u.startsDirectly !== undefined))
          .sort()
        expect(flagged).toEqual(failsToStart)
        // Target flags that select nothing: cargo's warning, word for word, as a note.
        const noOp = (w: string): boolean => w.endsWith('specified, but no targets matched; this is a no-op')
        expect(report.notes.filter(noOp)).toEqual((c.cargoWarnings ?? []).filter(noOp))
        // The files cargo warned that two units write: exactly the paths of the `output-filename-collision` findings.
        const collided = (c.cargoWarnings ?? []).filter(w => w.startsWith(COLLISION)).map(w => w.slice(COLLISION.length))
        const reported = report.findings.filter(f => f.rule === 'output-filename-collision').flatMap(f => [...f.message.matchAll(/`target\/([^`]+)`/g)].map(m => `<target>/${m[1]}`))
        expect([...new Set(reported)].sort()).toEqual(collided.sort())
      })
    }
  }
})

describe('`cargo bench`', () => {
  it('a harness that does not start outside cargo is said to start under `cargo bench`, with the bench profile', async () => {
    const dir = path.join(ROOT, 'target-flags-bench')
    const report = await predict(dir, { args: ['bench', '--no-run', '--bench', 'speed'] })
    expect(report.invocation).toMatchObject({ command: 'bench', profile: 'bench' })
    const speed = report.findings.find(f => f.rule === 'runtime-dylib' && f.target === 'speed')
    expect(speed?.message).toContain('it starts under `cargo bench`')
  })
})

describe('`harness = false`', () => {
  it('a test target without a harness links no `test` crate; the test harnesses beside it do', async () => {
    const report = await predict(path.join(ROOT, 'harness-false'), { args: ['test', '--no-run'] })
    const linked = (target: string): string[] => report.artifacts.find(a => a.target === target && a.mode === 'test')!.linkage.map(e => e.crate)
    expect(linked('custom')).not.toContain('test')
    expect(linked('plain')).toContain('test')
    expect(linked('calc')).toContain('test')
  })

  it('a bench without a harness is named as what it is, not as a test harness, and its artifact says so', async () => {
    const report = await predict(path.join(ROOT, 'harness-false'), { args: ['bench', '--no-run', '--bench', 'speed'], env: { RUSTFLAGS: '-C prefer-dynamic' } })
    const runtime = report.findings.find(f => f.rule === 'runtime-dylib' && f.target === 'speed')!
    expect(runtime.message).toMatch(/^bench `speed` \(without a test harness\) needs `libstd-/)
    expect(runtime.harness).toBe(false)
    expect(findingSubject(runtime)).toBe('bench `speed` of `calc` (without a test harness)')
    expect(report.artifacts.find(a => a.target === 'speed')).toMatchObject({ mode: 'test', harness: false })
    expect(report.artifacts.find(a => a.target === 'calc')).not.toHaveProperty('harness')
    const sarif = renderSarif(gated(report), { toolVersion: '0.1.0', workspacePrefix: '' })
    expect(sarif.runs[0].results.find(r => r.ruleId === 'runtime-dylib')?.properties).toMatchObject({ target: 'speed', mode: 'test', harness: false })
  })
})

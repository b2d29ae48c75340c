import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { actionStep } from './support/action-step.js'
import { corpusFile } from './support/corpus.js'

/**
 * The committed bundles, run the way users run them: the CLI from a shell, the action the way the runner
 * starts it. CI rebuilds dist/ before the tests, so these exercise what ships.
 */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const ACTION = path.join(REPO, 'dist', 'index.js')
const FIXTURES = path.join(REPO, '__tests__', 'fixtures', 'workspaces')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-bundles-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  // The CLI's output as a pipe gets it, whatever colour the developer's own environment asks for.
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || ['RUSTFLAGS', 'CARGO_TERM_COLOR', 'NO_COLOR'].includes(k)) delete env[k]
  return env
}

function cli(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * Starts `entry` with a cargo that records its pid and then sleeps, sends `signal` to node alone once that cargo
 * runs (as Ctrl-C reaches only the terminal's foreground group: cargo runs in a group of its own), and reports
 * how node ended, whether cargo still runs, what is left in RUNNER_TEMP and whether cargo got to finish.
 */
async function interruptWhileCargoRuns(entry: string[], cwd: string, env: NodeJS.ProcessEnv, signal: NodeJS.Signals) {
  const dir = fs.mkdtempSync(path.join(tmp, 'signal-'))
  const runnerTemp = path.join(dir, 'temp')
  fs.mkdirSync(runnerTemp)
  const cargo = path.join(dir, 'cargo')
  const pidFile = path.join(dir, 'cargo.pid')
  const finished = path.join(dir, 'finished')
  fs.writeFileSync(cargo, `#!/bin/sh\necho $$ > '${pidFile}'\nsleep 30\necho > '${finished}'\n`, { mode: 0o755 })
  const child = spawn(process.execPath, entry, { cwd, env: { ...cleanEnv(), ...env, CARGO: cargo, RUNNER_TEMP: runnerTemp }, stdio: 'ignore' })
  const closed = new Promise<[number | null, NodeJS.Signals | null]>(resolve => child.on('close', (code, sig) => resolve([code, sig])))
  const until = async (condition: () => boolean, ms: number): Promise<boolean> => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise(r => setTimeout(r, 20))) if (condition()) return true
    return condition()
  }
  if (!(await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').endsWith('\n'), 20_000))) throw new Error('cargo never ran')
  const cargoPid = fs.readFileSync(pidFile, 'utf8').trim()
  if (fs.readdirSync(runnerTemp).length === 0) throw new Error('no isolation directory while cargo runs')
  child.kill(signal)
  const ended = await closed
  // Gone, or a zombie nobody has reaped yet: either way it no longer runs.
  const stopped = (): boolean => {
    try {
      return fs.readFileSync(`/proc/${cargoPid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z')
    } catch {
      return true
    }
  }
  const cargoStopped = await until(stopped, 5_000)
  if (!cargoStopped) process.kill(-Number(cargoPid), 'SIGKILL')
  return { ended, cargoStopped, leftInTemp: fs.readdirSync(runnerTemp), cargoFinished: fs.existsSync(finished) }
}

describe('CLI', () => {
  it('exits 1 and prints the finding for a workspace that fails to link', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '--workspace'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('error[duplicate-linkage]: bin `app` cannot link')
    expect(r.stdout).toContain('--> dy/Cargo.toml:7')
    // The bundle is all ASCII and read as latin1: the text it prints outside ASCII comes from escapes, intact.
    expect(r.stdout).toContain('standard library) — dynamically')
    expect(r.stdout).toContain('via: app → dy (dylib')
  })

  it('exits 0 when nothing fails, and prints JSON on request', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '-p', 'app', '--format', 'json'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.version).toBe(2)
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(['runtime-dylib'])
  })

  it('exits 2 with one line naming the flag for a usage error', () => {
    const r = cli(['--format', 'xml'])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('`--format`')
  })

  it('exits 2 with one line for a missing manifest, without a stack trace', () => {
    const r = cli(['--manifest-path', path.join(tmp, 'nope', 'Cargo.toml')])
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/)
  })

  it('analyses a recorded metadata file without running cargo metadata', () => {
    const r = cli(['--metadata-file', corpusFile('guppy-proc-macro1.json'), '--workspace', '--format', 'json'], tmp)
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.artifacts.map((a: { package: string }) => a.package)).toEqual(expect.arrayContaining(['macro', 'normal-user']))
  })

  it('a reader that stops early (`| head`) ends it quietly, with the verdict as its status', async () => {
    // libra's JSON report (about 730 KB) is far more than a pipe holds: most of it is still to write when the pipe closes.
    const child = spawn(process.execPath, [CLI, '--metadata-file', corpusFile('guppy-libra-9ffd93b.json'), '--workspace', '--format', 'json'], {
      cwd: tmp,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let head = ''
    let stderr = ''
    child.stdout.once('data', (chunk: Buffer) => {
      head = chunk.toString('utf8', 0, 12)
      child.stdout.destroy()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const status = await new Promise(resolve => child.on('close', resolve))
    expect({ head, status, stderr }).toEqual({ head: '{\n  "version', status: 0, stderr: '' })
  })

  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops the cargo it started, removes its directory and ends it by that signal', async signal => {
    if (process.platform !== 'linux') return
    const ws = path.join(FIXTURES, 'bin-dylib')
    const r = await interruptWhileCargoRuns([CLI, '--manifest-path', path.join(ws, 'Cargo.toml')], ws, {}, signal)
    expect(r).toEqual({ ended: [null, signal], cargoStopped: true, leftInTemp: [], cargoFinished: false })
  }, 40_000)

  it('rejects metadata produced with --no-deps with one line naming `resolve`', () => {
    const r = cli(['--metadata-file', corpusFile('guppy-cargo-guppy-44b62fa-resolve-null.json')], tmp)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('resolve')
    expect(r.stderr).toContain('--no-deps')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('--format github prints escaped workflow commands on the manifest line, paths relative to the working directory', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '--workspace', '--format', 'github'], FIXTURES)
    expect(r.status).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines.map(l => l.slice(0, l.indexOf(' ')))).toEqual(['::error'])
    expect(lines[0]).toMatch(/^::error file=bin-dylib\/dy\/Cargo\.toml,line=7,title=duplicate-linkage%3A bin app::bin `app` cannot link/)
  })

  it('--format sarif prints a SARIF 2.1.0 log', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '--workspace', '--format', 'sarif'], path.join(FIXTURES, 'bin-dylib'))
    const log = JSON.parse(r.stdout)
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['duplicate-linkage'])
  })

  it('--fail-on, a policy that allows the finding, and a baseline that has it each make the exit status 0', () => {
    const manifest = path.join(FIXTURES, 'bin-dylib', 'Cargo.toml')
    expect(cli(['--manifest-path', manifest, '--workspace', '--fail-on', 'never']).status).toBe(0)
    expect(cli(['--manifest-path', manifest, '-p', 'app', '--fail-on', 'warning']).status).toBe(1)
    const policy = path.join(tmp, 'policy.toml')
    fs.writeFileSync(policy, '[[allow]]\nrule = "duplicate-linkage"\ncrate = "std"\nreason = "the dylib is only loaded at run time"\n')
    const allowed = cli(['--manifest-path', manifest, '--workspace', '--policy', policy])
    expect(allowed.status).toBe(0)
    expect(allowed.stdout).toContain('error[duplicate-linkage] (allowed: the dylib is only loaded at run time)')
    const baseline = path.join(tmp, 'baseline.json')
    fs.writeFileSync(baseline, cli(['--manifest-path', manifest, '--workspace', '--format', 'json']).stdout)
    const again = cli(['--manifest-path', manifest, '--workspace', '--baseline', baseline])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('(already in the baseline)')
  })

  it('a policy file with a mistake stops with one line naming the file, line and key', () => {
    const policy = path.join(tmp, 'bad-policy.toml')
    fs.writeFileSync(policy, '[rules]\nduplicate-linkge = "warning"\n')
    const r = cli(['--manifest-path', path.join(FIXTURES, 'plain', 'Cargo.toml'), '--policy', policy], tmp)
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^error: bad-policy\.toml:2: rules\.duplicate-linkge: unknown rule id/)
  })

  it('writes the report atomically to --output', () => {
    const out = path.join(tmp, 'report.md')
    const r = cli(['--manifest-path', path.join(FIXTURES, 'plain', 'Cargo.toml'), '--format', 'markdown', '--output', out])
    expect(r.status).toBe(0)
    expect(fs.readFileSync(out, 'utf8')).toContain('Rust Linkage Guard')
    expect(fs.readdirSync(tmp).filter(f => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('bundles', () => {
  const bundles = ['.', 'cli'].flatMap(dir => fs.readdirSync(path.join(REPO, 'dist', dir)).filter(f => f.endsWith('.js')).map(f => path.join('dist', dir, f)))

  it('are all ASCII: the entries read the code they run as latin1, and V8 scans a one-byte string faster', () => {
    expect(bundles.sort()).toEqual(['dist/cli/index.js', 'dist/cli/main.js', 'dist/github.js', 'dist/index.js', 'dist/main.js'])
    for (const file of bundles) expect({ file, outsideAscii: fs.readFileSync(path.join(REPO, file)).findIndex(b => b > 0x7f) }).toEqual({ file, outsideAscii: -1 })
  })

  it('dist/licenses.txt has the licence of every package a bundle includes', () => {
    // esbuild heads the code of each file it bundles with the file's path.
    const packages = new Set<string>()
    for (const file of bundles) {
      for (const [, name] of fs.readFileSync(path.join(REPO, file), 'latin1').matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) packages.add(name!)
    }
    expect(packages.size).toBeGreaterThan(10)
    const licences = fs.readFileSync(path.join(REPO, 'dist', 'licenses.txt'), 'utf8')
    for (const name of packages) expect({ name, listed: new RegExp(`(?:^|\\n\\n)${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n[^\\n]+\\n`).test(licences) }).toEqual({ name, listed: true })
    // Apache-2.0 asks for its text to travel with the code.
    expect(licences).toContain('before-after-hook\nApache-2.0\n')
  })
})

describe('action', () => {
  function runAction(inputs: Record<string, string>, workspace: string, extraEnv: Record<string, string> = {}) {
    const step = actionStep({ workspace, inputs, scratch: tmp, base: cleanEnv(), env: extraEnv })
    const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env: step.env, encoding: 'utf8' })
    return { status: r.status, stdout: r.stdout, ...step.written() }
  }

  it('fails the step, annotates the manifest line and writes summary, report and outputs', () => {
    const ws = path.join(FIXTURES, 'bin-dylib')
    const reportPath = path.join(tmp, 'action-report.json')
    const r = runAction({ workspace: 'true', 'report-path': reportPath }, ws)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^::error title=duplicate-linkage.*,file=dy\/Cargo.toml,line=7::bin `app` cannot link/m)
    expect(r.summary).toContain('Rust Linkage Guard')
    expect(r.summary).toContain('duplicate-linkage')
    expect(r.outputs).toMatchObject({ errors: '1', warnings: '0', verdict: 'fail', report: reportPath })
    expect(JSON.parse(fs.readFileSync(reportPath, 'utf8')).findings).toHaveLength(1)
    // The text report is printed with workflow commands switched off.
    expect(r.stdout).toMatch(/::stop-commands::[0-9a-f-]{36}\n[\s\S]*\n::[0-9a-f-]{36}::/)
  })

  const rustup = spawnSync('rustc', ['+nightly', '-vV'], { stdio: 'ignore' }).status === 0
  ;(rustup ? it : it.skip)('input rust-toolchain decides the compiler: the pinned nightly passes, stable is a toolchain-mismatch on the pin', () => {
    const ws = path.join(REPO, '__tests__', 'fixtures', 'policy-rules', 'pinned-nightly')
    const onNightly = runAction({ 'rust-toolchain': 'nightly', 'report-path': path.join(tmp, 'nightly.json') }, ws)
    expect(onNightly.status).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'nightly.json'), 'utf8')).toolchain.release).toMatch(/-nightly$/)
    const onStable = runAction({ 'rust-toolchain': 'stable', 'report-path': path.join(tmp, 'stable.json') }, ws)
    expect(onStable.status).toBe(1)
    expect(onStable.stdout).toMatch(/^::error title=toolchain-mismatch%3A workspace,file=rust-toolchain.toml,line=2::/m)
    expect(onStable.summary).toContain('<code>nightly-2026-05-20</code> (dated) in <code>rust-toolchain.toml:2</code>')
  })

  it('SIGINT (a cancelled workflow) stops the cargo it started, removes its directory and ends it by that signal', async () => {
    if (process.platform !== 'linux') return
    const ws = path.join(FIXTURES, 'bin-dylib')
    const files = { GITHUB_STEP_SUMMARY: path.join(tmp, 'signal-summary.md'), GITHUB_OUTPUT: path.join(tmp, 'signal-output.txt') }
    for (const file of Object.values(files)) fs.writeFileSync(file, '')
    const env = { ...files, GITHUB_WORKSPACE: ws, INPUT_WORKSPACE: 'true', 'INPUT_REPORT-PATH': path.join(tmp, 'signal-report.json') }
    const r = await interruptWhileCargoRuns([ACTION], ws, env, 'SIGINT')
    expect(r).toEqual({ ended: [null, 'SIGINT'], cargoStopped: true, leftInTemp: [], cargoFinished: false })
  }, 40_000)

  it('refuses privileged triggers unless allowed, before running anything', () => {
    const ws = path.join(FIXTURES, 'plain')
    for (const event of ['pull_request_target', 'workflow_run', 'issue_comment']) {
      const refused = runAction({ 'report-path': path.join(tmp, `${event}.json`) }, ws, { GITHUB_EVENT_NAME: event })
      expect(refused.status).toBe(1)
      expect(refused.stdout).toMatch(new RegExp(`^::error::refusing to run under \`${event}\`: that job has a write token and secrets`, 'm'))
      expect(refused.outputs.verdict).toBe('error')
      expect(fs.existsSync(path.join(tmp, `${event}.json`))).toBe(false)
    }
    const allowed = runAction({ 'allow-privileged-trigger': 'true', 'report-path': path.join(tmp, 'allowed.json') }, ws, { GITHUB_EVENT_NAME: 'pull_request_target' })
    expect(allowed.status).toBe(0)
  })

  it('passes with fail-on never, and reports an input error as one line', () => {
    const ws = path.join(FIXTURES, 'bin-dylib')
    const pass = runAction({ workspace: 'true', 'fail-on': 'never', 'report-path': path.join(tmp, 'r2.json') }, ws)
    expect(pass.status).toBe(0)
    expect(pass.outputs.verdict).toBe('pass')
    const bad = runAction({ workspace: 'yes' }, ws)
    expect(bad.status).toBe(1)
    expect(bad.stdout).toMatch(/^::error::input `workspace` must be true or false, got `yes`$/m)
  })
})

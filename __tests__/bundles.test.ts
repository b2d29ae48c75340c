import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'

/**
 * The committed bundles, run the way users run them: the CLI from a shell, the action the way the runner
 * starts it. CI rebuilds dist/ before the tests, so these exercise what ships.
 */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const ACTION = path.join(REPO, 'dist', 'index.js')
const FIXTURES = path.join(REPO, '__tests__', 'fixtures', 'workspaces')
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'metadata')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-bundles-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k === 'RUSTFLAGS') delete env[k]
  return env
}

function cli(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('CLI', () => {
  it('exits 1 and prints the finding for a workspace that fails to link', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '--workspace'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('error[duplicate-linkage]: bin `app` cannot link')
    expect(r.stdout).toContain('--> dy/Cargo.toml:7')
  })

  it('exits 0 when nothing fails, and prints JSON on request', () => {
    const r = cli(['--manifest-path', path.join(FIXTURES, 'bin-dylib', 'Cargo.toml'), '-p', 'app', '--format', 'json'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.version).toBe(1)
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
    const r = cli(['--metadata-file', path.join(CORPUS, 'guppy-proc-macro1.json'), '--workspace', '--format', 'json'], tmp)
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.artifacts.map((a: { package: string }) => a.package)).toEqual(expect.arrayContaining(['macro', 'normal-user']))
  })

  it('rejects metadata produced with --no-deps with one line naming `resolve`', () => {
    const r = cli(['--metadata-file', path.join(CORPUS, 'guppy-cargo-guppy-44b62fa-resolve-null.json')], tmp)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('resolve')
    expect(r.stderr).toContain('--no-deps')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('writes the report atomically to --output', () => {
    const out = path.join(tmp, 'report.md')
    const r = cli(['--manifest-path', path.join(FIXTURES, 'plain', 'Cargo.toml'), '--format', 'markdown', '--output', out])
    expect(r.status).toBe(0)
    expect(fs.readFileSync(out, 'utf8')).toContain('Rust Linkage Guard')
    expect(fs.readdirSync(tmp).filter(f => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('action', () => {
  function runAction(inputs: Record<string, string>, workspace: string) {
    const summary = path.join(tmp, `summary-${Math.random()}.md`)
    const output = path.join(tmp, `output-${Math.random()}.txt`)
    fs.writeFileSync(summary, '')
    fs.writeFileSync(output, '')
    const env = cleanEnv()
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
    Object.assign(env, { GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output })
    const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env, encoding: 'utf8' })
    const outputs: Record<string, string> = {}
    for (const m of fs.readFileSync(output, 'utf8').matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!
    return { status: r.status, stdout: r.stdout, summary: fs.readFileSync(summary, 'utf8'), outputs }
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

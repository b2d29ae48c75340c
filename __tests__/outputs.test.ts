import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { actionStep } from './support/action-step.js'
import { leaveFree, mountTmpfs, noTmpfs } from './support/tmpfs.js'

/**
 * The bundled action's outputs: a relative report or SARIF path cannot leave the workspace through a
 * symlink the pull request planted, and whatever goes wrong with `GITHUB_OUTPUT` or the job summary the
 * step ends with one `::error::` line and exit code 1, never a stack trace or an "internal error".
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const EXAMPLE = path.join(ROOT, 'examples', 'plugin-engine')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-outputs-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let n = 0
/** A fresh copy of the example workspace, as a checkout would be. */
function checkout(): string {
  const dir = path.join(tmp, `ws${n++}`)
  fs.cpSync(EXAMPLE, dir, { recursive: true })
  return dir
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
  errors: string[]
}

/** Runs the bundled action with `inputs`; `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` are empty files unless given. */
function runAction(workspace: string, inputs: Record<string, string>, files: { output?: string; summary?: string } = {}): Run {
  const step = actionStep({ workspace, inputs, scratch: tmp, files })
  const r = spawnSync(process.execPath, [ACTION], { cwd: workspace, env: step.env, encoding: 'utf8' })
  // The step's own error lines; annotations carry properties (`::error title=…::`).
  const errors = r.stdout.split('\n').filter(line => line.startsWith('::error::'))
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errors }
}

function expectOneError(r: Run, ...parts: (string | RegExp)[]): void {
  expect(r.status).toBe(1)
  expect(r.errors).toHaveLength(1)
  for (const part of parts) expect(r.errors[0]).toMatch(part)
  expect(r.errors[0]).not.toMatch(/internal error/)
  expect(r.stderr).toBe('')
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at \S+ \(/)
}

describe('relative outputs stay inside the workspace', () => {
  it('sarif-file through a directory symlink planted in the checkout: one ::error:: naming sarif-file, nothing written', () => {
    const ws = checkout()
    const elsewhere = fs.mkdtempSync(path.join(tmp, 'elsewhere-'))
    fs.symlinkSync(elsewhere, path.join(ws, 'reports'))
    const r = runAction(ws, { 'sarif-file': 'reports/x.sarif', 'fail-on': 'never' })
    expectOneError(r, 'input `sarif-file`', 'reports/x.sarif', 'through the symlink `reports`')
    expect(fs.readdirSync(elsewhere)).toEqual([])
    // Refused before anything is written: not even the report.
    expect(fs.existsSync(path.join(ws, 'rust-linkage-report.json'))).toBe(false)

    // Control: the same inputs with `reports` a real directory write the SARIF file there.
    fs.unlinkSync(path.join(ws, 'reports'))
    fs.mkdirSync(path.join(ws, 'reports'))
    const ok = runAction(ws, { 'sarif-file': 'reports/x.sarif', 'fail-on': 'never' })
    expect(ok.status).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(ws, 'reports', 'x.sarif'), 'utf8')).version).toBe('2.1.0')
    // And an absolute path outside the workspace is the workflow's choice.
    const chosen = path.join(elsewhere, 'chosen.sarif')
    expect(runAction(ws, { 'sarif-file': chosen, 'fail-on': 'never' }).status).toBe(0)
    expect(fs.existsSync(chosen)).toBe(true)
  })

  it('report-path that is a symlink planted at the report name: replaced by the report, the target untouched', () => {
    const ws = checkout()
    const canary = path.join(fs.mkdtempSync(path.join(tmp, 'canary-')), 'canary.txt')
    fs.writeFileSync(canary, 'canary\n')
    fs.symlinkSync(canary, path.join(ws, 'rust-linkage-report.json'))
    const r = runAction(ws, { 'fail-on': 'never' })
    expect(r.status).toBe(0)
    expect(fs.readFileSync(canary, 'utf8')).toBe('canary\n')
    expect(fs.lstatSync(path.join(ws, 'rust-linkage-report.json')).isFile()).toBe(true)
  })

  it('report-path that climbs out with `..` is refused in one line naming report-path', () => {
    const ws = checkout()
    const r = runAction(ws, { 'report-path': '../outside.json', 'fail-on': 'never' })
    expectOneError(r, 'input `report-path`', 'is outside the workspace')
    expect(fs.existsSync(path.join(path.dirname(ws), 'outside.json'))).toBe(false)
  })
})

describe('GITHUB_OUTPUT and GITHUB_STEP_SUMMARY that cannot be written', () => {
  it('GITHUB_OUTPUT is a directory while the analysis fails: one ::error:: line with both reasons, exit 1', () => {
    const ws = checkout()
    const dir = fs.mkdtempSync(path.join(tmp, 'output-dir-'))
    const r = runAction(ws, { 'manifest-path': 'missing/Cargo.toml' }, { output: dir })
    expectOneError(r, 'missing/Cargo.toml', 'GITHUB_OUTPUT', 'it is a directory')
  })

  it('the job summary is a directory in a normal run: one line naming GITHUB_STEP_SUMMARY', () => {
    const ws = checkout()
    const dir = fs.mkdtempSync(path.join(tmp, 'summary-dir-'))
    const r = runAction(ws, { 'fail-on': 'never' }, { summary: dir })
    expectOneError(r, /^::error::cannot write .* \(GITHUB_STEP_SUMMARY, the job summary\): it is a directory$/)
  })

  describe('on a full disk', () => {
    const tmpfsIt = noTmpfs === null ? it : it.skip
    const reason = noTmpfs === null ? '' : ` (skipped: ${noTmpfs})`

    function onFullDisk(test: (dir: string) => void): void {
      const fsys = mountTmpfs('64k')
      try {
        test(fsys.dir)
      } finally {
        fsys.unmount()
      }
    }

    tmpfsIt(`GITHUB_OUTPUT on a full tmpfs while the analysis fails: one ::error:: line, no stack trace, exit 1, the file as it was${reason}`, () => {
      onFullDisk(dir => {
        const output = path.join(dir, 'output')
        // An earlier step's output filling its page exactly, so that the next byte needs a page there is not.
        const earlier = `earlier=${'x'.repeat(4096 - 'earlier=\n'.length)}\n`
        fs.writeFileSync(output, earlier)
        leaveFree(dir, 0)
        const r = runAction(checkout(), { 'manifest-path': 'missing/Cargo.toml' }, { output })
        expectOneError(r, 'missing/Cargo.toml', 'the output `verdict` was not set', 'GITHUB_OUTPUT', 'no space is left on the device')
        expect(fs.readFileSync(output, 'utf8')).toBe(earlier)
      })
    })

    tmpfsIt(`GITHUB_OUTPUT on a full tmpfs in a normal run: one line naming GITHUB_OUTPUT${reason}`, () => {
      onFullDisk(dir => {
        const output = path.join(dir, 'output')
        fs.writeFileSync(output, '')
        leaveFree(dir, 0)
        const r = runAction(checkout(), { 'fail-on': 'never' }, { output })
        expectOneError(r, /^::error::cannot write .*output \(GITHUB_OUTPUT, the step outputs\): no space is left on the device$/)
        expect(fs.readFileSync(output, 'utf8')).toBe('')
      })
    })

    tmpfsIt(`the job summary on a full tmpfs in a normal run: one clear line naming GITHUB_STEP_SUMMARY, not "internal error"${reason}`, () => {
      onFullDisk(dir => {
        const summary = path.join(dir, 'summary')
        fs.writeFileSync(summary, '')
        leaveFree(dir, 4096)
        const output = path.join(tmp, `output-${n++}`)
        fs.writeFileSync(output, '')
        // `cargo test` adds the test harnesses: a summary larger than the space left.
        const r = runAction(checkout(), { 'fail-on': 'never', command: 'test' }, { summary, output })
        expectOneError(r, /^::error::cannot write .*summary \(GITHUB_STEP_SUMMARY, the job summary\): no space is left on the device$/)
        // No half report in the summary: it was cut back, and the short note of the failure fitted in its place.
        expect(fs.readFileSync(summary, 'utf8')).toMatch(/^## ⚠️ Rust Linkage Guard could not run\n\ncannot write .*no space is left on the device\n$/)
        expect(fs.readFileSync(output, 'utf8')).toMatch(/^verdict<<(ghadelimiter_[0-9a-f-]+)\nerror\n\1\n$/)
      })
    })
  })
})

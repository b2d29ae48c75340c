/**
 * `check()` and the gathering layer with a fake runner (no cargo, rustc or rustup runs): which programs run,
 * with which arguments, environment and directory, what runs at the same time, what a failure stops, and
 * what the gated report says. The answers are a real recording of rustc 1.95 on x86_64 Linux and of
 * `cargo metadata` for __tests__/fixtures/portability/workspace; the end-to-end suites run the real tools.
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { CommandError, UserError } from '../src/errors.js'
import type { FailOn, Report } from '../src/report/report.js'
import { check, type CheckSettings } from '../src/run.js'
import { type Answer, type Call, describeCall, type FakeRunner, fakeRunner, recordedToolchain } from './support/fake-runner.js'
import { writeTree } from './support/files.js'
import { placeRecording } from './support/recordings.js'

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'portability')
const RECORDING = path.join(FIXTURES, 'x86_64-unknown-linux-gnu')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-gather-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A fresh checkout of the portability workspace (a bin `app` over a dylib `dy`, a floating `stable` pin). */
let repo: string
let sysroot: string
let metadata: string
beforeEach(() => {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'))
  repo = path.join(dir, 'repo')
  fs.cpSync(path.join(FIXTURES, 'workspace'), repo, { recursive: true })
  sysroot = path.join(dir, 'toolchains', 'stable-x86_64-unknown-linux-gnu')
  metadata = placeRecording(fs.readFileSync(path.join(FIXTURES, 'metadata.json'), 'utf8'), repo)
})

/** The job's environment: the runner's secrets beside what cargo needs. */
const JOB_ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  XDG_CACHE_HOME: path.join(tmp, 'cache'),
  GITHUB_TOKEN: 'ghs_secret',
  'INPUT_GITHUB-TOKEN': 'ghs_secret',
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  RUSTFLAGS: undefined,
  RUSTC: undefined,
  RUSTUP_TOOLCHAIN: undefined
}

function settings(runner: FakeRunner, args: string[] = ['-p', 'app'], overrides: Partial<CheckSettings> = {}): CheckSettings {
  const cli = parseCliArgs(args)
  const manifestDir = path.join(repo, 'rust')
  return {
    manifestPath: path.join(manifestDir, 'Cargo.toml'),
    invocation: cli.invocation,
    env: JOB_ENV,
    cwd: repo,
    scope: { root: repo, realRoot: fs.realpathSync(repo) },
    policy: { policy: null, defaultPolicy: 'search', searchFrom: manifestDir },
    rustToolchain: null,
    toolchainDir: manifestDir,
    installToolchain: false,
    failOn: 'error' as FailOn,
    baseline: null,
    runner,
    ...overrides
  }
}

const runnerWith = (answerMetadata: () => string | Answer | Promise<string | Answer> = () => metadata): FakeRunner =>
  fakeRunner(recordedToolchain(RECORDING, sysroot, answerMetadata))

const named = (runner: FakeRunner, what: string): Call[] => runner.calls.filter(c => describeCall(c) === what)

/**
 * cargo metadata's answer, given only once `done` resolves: a check that waited for cargo first would wait
 * forever, so after 5 s cargo fails, saying what did not happen.
 */
const metadataOnceDone = (done: Promise<void>, otherwise: string) => async (): Promise<string | Answer> => {
  const waited = await Promise.race([done.then(() => true), new Promise<false>(resolve => setTimeout(resolve, 5000, false).unref())])
  return waited ? metadata : { exitCode: 101, stderr: `error: ${otherwise} while \`cargo metadata\` ran` }
}

describe('check() with a fake runner', () => {
  it('runs rustup, then cargo metadata and the rustc probes with the pinned compiler, and gates the report', async () => {
    const runner = runnerWith()
    const report = await check(settings(runner, ['-p', 'app'], { failOn: 'warning' }))

    expect(runner.calls.map(describeCall)).toEqual(['rustup which', 'cargo metadata', 'rustc -vV', 'rustc --print'])
    // The repository pins `stable`: named to rustup explicitly, since cargo runs outside the repository.
    expect(named(runner, 'rustup which')[0]!.options.env).toMatchObject({ RUSTUP_TOOLCHAIN: 'stable', RUSTUP_AUTO_INSTALL: '0' })
    const rustc = path.join(sysroot, 'bin', 'rustc')
    // cargo's rustc info cache is kept in the user's cache directory; wrappers are ours, so no config file names one.
    const cache = { RUSTC_WRAPPER: '/usr/bin/env', RUSTC_WORKSPACE_WRAPPER: '/usr/bin/env', CARGO_BUILD_BUILD_DIR: path.join(tmp, 'cache', 'rust-linkage-guard', 'cargo-build-dir') }
    for (const call of runner.calls.slice(1)) expect(call.options.env).toMatchObject({ RUSTUP_TOOLCHAIN: 'stable', RUSTC: rustc, ...cache })
    expect(named(runner, 'rustc -vV')[0]!.command).toBe(rustc)
    expect(named(runner, 'cargo metadata')[0]!.args).toEqual(['metadata', '--format-version', '1', '--manifest-path', path.join(repo, 'rust', 'Cargo.toml')])

    // `app` needs `libdy.so` and the toolchain's `libstd-….so` at run time; the pin is a floating channel; the
    // dylib can be published. Files are relative to the workspace root, `rust/`.
    expect(report.findings.map(f => `${f.rule} ${f.file}:${f.line}`)).toEqual(['published-dylib dy/Cargo.toml:7', 'runtime-dylib app/Cargo.toml:7', 'toolchain-unpinned ../rust-toolchain.toml:2'])
    expect(report.findings.find(f => f.rule === 'runtime-dylib')!.crates).toEqual(['libdy.so', 'libstd-d1237ef7159db0a2.so'])
    expect(report.toolchain).toMatchObject({ release: '1.95.0', host: 'x86_64-unknown-linux-gnu', pin: { file: '../rust-toolchain.toml', channel: 'stable' } })
    expect(report.gate).toEqual({ failOn: 'warning', verdict: 'fail', failing: 3 })
  })

  it("with cargo's own rustc answers cached, the target probe starts first, before cargo and rustc -vV", async () => {
    const cache = fs.mkdtempSync(path.join(tmp, 'cache-'))
    fs.mkdirSync(path.join(cache, 'rust-linkage-guard', 'cargo-build-dir'), { recursive: true })
    fs.writeFileSync(path.join(cache, 'rust-linkage-guard', 'cargo-build-dir', '.rustc_info.json'), '{}')
    const runner = runnerWith()
    await check(settings(runner, ['-p', 'app'], { env: { ...JOB_ENV, XDG_CACHE_HOME: cache } }))
    expect(runner.calls.map(describeCall)).toEqual(['rustup which', 'rustc --print', 'cargo metadata', 'rustc -vV'])
  })

  it('cargo and rustc run in an empty directory outside the checkout, removed afterwards; trusted, in the checkout', async () => {
    const runner = runnerWith()
    await check(settings(runner))
    const dirs = new Set(runner.calls.slice(1).map(c => c.options.cwd!))
    expect(dirs.size).toBe(1)
    const [dir] = [...dirs]
    expect(path.relative(repo, dir!).startsWith('..')).toBe(true)
    expect(fs.existsSync(dir!)).toBe(false)

    const trusting = runnerWith()
    await check(settings(trusting, ['-p', 'app'], { trustRepositoryConfig: true, scope: null }))
    expect(new Set(trusting.calls.slice(1).map(c => c.options.cwd))).toEqual(new Set([repo]))
  })

  it("the job's secrets never reach cargo, rustc or rustup", async () => {
    const runner = runnerWith()
    await check(settings(runner))
    for (const call of runner.calls) {
      const env = call.options.env!
      expect({ call: describeCall(call), leaked: Object.keys(env).filter(k => /TOKEN|SECRET|^INPUT_/.test(k)) }).toEqual({ call: describeCall(call), leaked: [] })
      expect(env).toMatchObject({ PATH: '/usr/bin:/bin', HOME: '/home/runner' })
    }
  })

  it('the rustc probes run while cargo metadata is still working', async () => {
    let probeStarted!: () => void
    const probing = new Promise<void>(resolve => (probeStarted = resolve))
    const script = recordedToolchain(RECORDING, sysroot, metadataOnceDone(probing, 'the probe did not start'))
    const runner = fakeRunner(call => {
      if (describeCall(call) === 'rustc --print') probeStarted()
      return script(call)
    })
    const report = await check(settings(runner))
    expect(report.artifacts.length).toBeGreaterThan(0)
  })

  it("the caller's work runs while cargo metadata works, once every probe has started, and not for a recorded file", async () => {
    let workDone!: () => void
    const working = new Promise<void>(resolve => (workDone = resolve))
    const script = recordedToolchain(RECORDING, sysroot, metadataOnceDone(working, 'the work was not done'))
    const runner = fakeRunner(script)
    const started: string[][] = []
    const whileCargoRuns = async (): Promise<void> => {
      started.push(runner.calls.map(describeCall))
      workDone()
    }
    const report = await check(settings(runner, ['-p', 'app'], { whileCargoRuns }))
    expect(started).toEqual([['rustup which', 'cargo metadata', 'rustc -vV', 'rustc --print']])
    expect(report.artifacts.length).toBeGreaterThan(0)

    // Work that fails loses only itself.
    const failing = await check(settings(runnerWith(), ['-p', 'app'], { whileCargoRuns: () => Promise.reject(new Error('lost')) }))
    expect(failing.findings).toEqual(report.findings)

    const file = path.join(repo, 'metadata.json')
    fs.writeFileSync(file, metadata)
    let calledForFile = false
    const recorded = await check(settings(runnerWith(), ['-p', 'app'], { metadataFile: file, whileCargoRuns: async () => void (calledForFile = true) }))
    expect(recorded.findings).toEqual(report.findings)
    expect(calledForFile).toBe(false)
  })

  it('--target probes the host without `--target` and the target with it', async () => {
    const runner = runnerWith()
    await check(settings(runner, ['-p', 'app', '--target', 'x86_64-unknown-linux-gnu']))
    const probes = named(runner, 'rustc --print').map(c => c.args.filter((a, i) => a === '--target' || c.args[i - 1] === '--target'))
    expect(probes.sort()).toEqual([[], ['--target', 'x86_64-unknown-linux-gnu']])
  })

  it("a manifest cargo refuses is the input's fault (exit code 2), and the probe still running is stopped", async () => {
    const manifest = path.join(repo, 'rust', 'app', 'Cargo.toml')
    let probeAborted: Promise<void> | null = null
    const script = recordedToolchain(RECORDING, sysroot, () => ({
      exitCode: 101,
      stderr: `error: failed to parse manifest at \`${manifest}\`\n\nCaused by:\n  missing field \`name\`\n`
    }))
    const runner = fakeRunner(call => {
      if (describeCall(call) !== 'rustc --print') return script(call)
      // A probe that never answers by itself: only the failure of `cargo metadata` can end it.
      probeAborted = new Promise(resolve => call.options.signal!.addEventListener('abort', () => resolve(), { once: true }))
      return new Promise<Answer>(() => undefined)
    })
    const failure = await check(settings(runner)).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CommandError)
    expect((failure as CommandError).exitCode).toBe(2)
    expect((failure as CommandError).message).toContain(`failed to parse manifest at \`${manifest}\``)
    await expect(probeAborted).resolves.toBeUndefined()
    expect(named(runner, 'rustc --print')[0]!.aborted).toBe(true)
  })

  it("a compiler that cannot be run is the environment's fault (exit code 3)", async () => {
    const script = recordedToolchain(RECORDING, sysroot, () => metadata)
    const runner = fakeRunner(call =>
      describeCall(call) === 'rustc -vV' ? new CommandError(`could not run \`${call.command}\`: it was not found; install it or put it on PATH`, call.command, call.args, '') : script(call)
    )
    const failure = await check(settings(runner)).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(CommandError)
    expect((failure as CommandError).exitCode).toBe(3)
    expect((failure as CommandError).message).toMatch(/^could not run `.*\/bin\/rustc`: it was not found/)
  })

  it('when cargo fails because the compiler cannot run, the compiler is named, though cargo failed first', async () => {
    const script = recordedToolchain(RECORDING, sysroot, () => ({ exitCode: 101, stderr: 'error: could not execute process `rustc -vV` (never executed)\n' }))
    const runner = fakeRunner(async call => {
      if (describeCall(call) !== 'rustc -vV') return script(call)
      await new Promise(resolve => setTimeout(resolve, 50))
      return new CommandError(`could not run \`${call.command}\`: it is not executable`, call.command, call.args, '')
    })
    await expect(check(settings(runner))).rejects.toThrow(/^could not run `.*\/bin\/rustc`: it is not executable$/)
  })

  it('rustflags in the checkout that name a program stop the check before cargo or rustc runs', async () => {
    writeTree(repo, { 'rust/.cargo/config.toml': '[build]\nrustflags = ["-C", "linker=./tools/ld.sh"]\n' })
    const runner = runnerWith()
    const failure = await check(settings(runner, ['-p', 'app'], { cwd: path.join(repo, 'rust') })).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(UserError)
    expect((failure as UserError).message).toMatch(/\.cargo\/config\.toml:2.*linker/)
    expect(runner.calls.map(describeCall)).toEqual(['rustup which'])
  })

  it('a toolchain file in the checkout that names a compiler directory is refused unless trusted, before anything runs', async () => {
    writeTree(repo, { 'rust-toolchain.toml': '[toolchain]\npath = "/opt/evil-rust"\n' })
    const runner = runnerWith()
    await expect(check(settings(runner))).rejects.toThrow(/rust-toolchain\.toml:2: `toolchain\.path` names the compiler directory `\/opt\/evil-rust`/)
    expect(runner.calls).toEqual([])
  })

  it("the repository's policy file is found, sets severities and the expected toolchain, and gates the report", async () => {
    writeTree(repo, { '.git/HEAD': '', '.github/rust-linkage.toml': 'exact-toolchain = "1.94.0"\n\n[rules]\nruntime-dylib = "off"\n' })
    const report = await check(settings(runnerWith()))
    expect(report.policy).toMatchObject({ file: '../.github/rust-linkage.toml', severities: { 'runtime-dylib': 'off' } })
    expect(report.toolchain.expected).toBe('1.94.0')
    // The compiler that answered is 1.95.0; the pin no longer matters, and the run-time warning is off.
    expect(report.findings.map(f => `${f.rule} ${f.severity}`)).toEqual(['toolchain-mismatch error', 'published-dylib warning'])
    expect(report.gate).toEqual({ failOn: 'error', verdict: 'fail', failing: 1 })
  })

  it('a manifest in the checkout that leads outside it is not read: its finding points at the file, not into it', async () => {
    // The same manifest, its dependency one line higher (6, not 7), outside the checkout.
    const outside = path.join(tmp, 'outside.toml')
    fs.writeFileSync(outside, '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ndy = { path = "../dy" }\n')
    const manifest = path.join(repo, 'rust', 'app', 'Cargo.toml')
    fs.rmSync(manifest)
    fs.symlinkSync(outside, manifest)
    const located = (report: Report): string[] => report.findings.filter(f => f.rule === 'runtime-dylib').map(f => `${f.file}:${f.line}`)
    expect(located(await check(settings(runnerWith())))).toEqual(['app/Cargo.toml:1'])
    // Without a scope (the CLI), the file it leads to is read.
    expect(located(await check(settings(runnerWith(), ['-p', 'app'], { scope: null })))).toEqual(['app/Cargo.toml:6'])
  })
})

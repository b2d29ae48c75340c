import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { probeRustflags } from '../src/config/rustflag-policy.js'
import { CommandError, UserError } from '../src/errors.js'
import { childEnvironment } from '../src/exec/child-env.js'
import type { Analysis } from '../src/report/report.js'
import { probeArgs } from '../src/rustc/probe.js'
import { analyzeWorkspace } from '../src/run.js'

/**
 * Rustflags and targets are data: from the checkout's `.cargo/config.toml`, a parent directory's, or the
 * environment, an option that names a file or a program, or makes rustc write, stops the run before rustc sees
 * it, and our `rustc --print` probe gets only the options that change its answer. Each vector leaves a marker
 * file or a secret where it works; the trusted controls show that it does work, so the canaries are live.
 * Children get an allow-listed environment: no token reaches cargo, rustc or rustup.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-canary-flags-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const HOST = /^host: (.+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1]!
const succeeds = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0
const rustup = succeeds('rustup', ['--version'])
const cc = succeeds('cc', ['--version'])
const nightly = rustup && /^nightly-/m.test(spawnSync('rustup', ['toolchain', 'list'], { encoding: 'utf8' }).stdout ?? '')
const unix = process.platform !== 'win32'

interface Repo {
  dir: string
  /** Where the vector writes: outside the repository. */
  marker: string
  config: string
  wrote(): boolean
}

let count = 0
/**
 * A one-package repository with `config` (when not null) as `.cargo/config.toml`; `$REPO`, `$MARKER` and `$TMP`
 * are substituted. `parent` is where it is created (a directory that may hold its own `.cargo`).
 */
function repository(config: string | null, parent = tmp): Repo {
  const dir = path.join(parent, `repo-${++count}`)
  const marker = path.join(tmp, `marker-${count}`)
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
  fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  const file = path.join(dir, '.cargo', 'config.toml')
  if (config !== null) {
    fs.mkdirSync(path.dirname(file))
    fs.writeFileSync(file, substitute(config, dir, marker))
  }
  return { dir, marker, config: file, wrote: () => fs.existsSync(marker) }
}

function substitute(text: string, dir: string, marker: string): string {
  return text.replaceAll('$REPO', dir).replaceAll('$MARKER', marker).replaceAll('$TMP', tmp)
}

/** The test's environment without any rustflags or target of its own. */
function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env }
  for (const k of Object.keys(env)) if (/^(?:RUSTFLAGS|CARGO_ENCODED_RUSTFLAGS|CARGO_BUILD_|CARGO_TARGET_|CARGO_TERM_COLOR$|NO_COLOR$|INPUT_|GITHUB_)/.test(k)) delete env[k]
  return { ...env, ...extra }
}

function analyse(repo: Repo, options: { trust?: boolean; env?: Record<string, string | undefined>; args?: string[] } = {}): Promise<Analysis> {
  return analyzeWorkspace({
    manifestPath: path.join(repo.dir, 'Cargo.toml'),
    invocation: parseCliArgs(['--offline', ...(options.args ?? [])]).invocation,
    env: cleanEnv(options.env),
    cwd: repo.dir,
    trustRepositoryConfig: options.trust === true
  })
}

/** The run's error: a UserError (exit code 2), one line. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    expect(error).not.toBeInstanceOf(CommandError)
    expect((error as UserError).exitCode).toBe(2)
    expect((error as Error).message).not.toMatch(/\n/)
    return (error as Error).message
  }
  throw new Error('expected the run to be refused')
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const TRUST_HINT = /; flags from the repository and the environment reach rustc only as data \(set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it\)$/

describe('`--print=sysroot=PATH` (rustc writes a file anywhere) is refused wherever it is set', () => {
  const inConfig: [string, string, (r: Repo) => string][] = [
    ['build.rustflags', '[build]\nrustflags = ["-Dwarnings", "--print=sysroot=$MARKER"]\n', r => `${r.config}:2: \`build.rustflags\``],
    ['build.rustflags as a string, two arguments', '[build]\nrustflags = "-Dwarnings --print sysroot=$MARKER"\n', r => `${r.config}:2: \`build.rustflags\``],
    [`target.<host>.rustflags`, `[target.${HOST}]\nrustflags = ["--print=sysroot=$MARKER"]\n`, r => `${r.config}:2: \`target.${HOST}.rustflags\``],
    ["target.'cfg(unix)'.rustflags (known only after a first probe)", "[target.'cfg(unix)']\nrustflags = [\"--print=sysroot=$MARKER\"]\n", r => `${r.config}:2: \`target.'cfg(unix)'.rustflags\``]
  ]
  for (const [name, config, where] of inConfig) {
    ;(unix || !name.includes('unix') ? it : it.skip)(`${name} in the checkout; trusted, rustc writes the file`, async () => {
      const repo = repository(config)
      const message = await refusal(analyse(repo))
      expect(message).toMatch(new RegExp(`^${escape(where(repo))} passes \`--print[= ]sysroot=${escape(repo.marker)}\` to rustc, which makes rustc print more than the probe asks for, or write a file`))
      expect(message).toMatch(TRUST_HINT)
      expect(repo.wrote()).toBe(false)
      await analyse(repo, { trust: true }).catch(() => undefined)
      expect(repo.wrote()).toBe(true)
    })
  }

  it("build.rustflags in a parent directory's .cargo/config.toml", async () => {
    const parent = fs.mkdtempSync(path.join(tmp, 'parent-'))
    fs.mkdirSync(path.join(parent, '.cargo'))
    const repo = repository(null, parent)
    fs.writeFileSync(path.join(parent, '.cargo', 'config.toml'), substitute('[build]\nrustflags = ["--print=sysroot=$MARKER"]\n', repo.dir, repo.marker))
    const message = await refusal(analyse(repo))
    expect(message).toMatch(new RegExp(`^${escape(path.join(parent, '.cargo', 'config.toml'))}:2: \`build\\.rustflags\` passes \`--print=sysroot=`))
    expect(repo.wrote()).toBe(false)
    await analyse(repo, { trust: true })
    expect(repo.wrote()).toBe(true)
  })

  const inEnv: [string, (marker: string) => string][] = [
    ['RUSTFLAGS', m => `-Dwarnings --print=sysroot=${m}`],
    ['CARGO_ENCODED_RUSTFLAGS', m => `--print\x1fsysroot=${m}`],
    ['CARGO_BUILD_RUSTFLAGS', m => `--print=sysroot=${m}`],
    [`CARGO_TARGET_${HOST.toUpperCase().replace(/[-.]/g, '_')}_RUSTFLAGS`, m => `--print=sysroot=${m}`]
  ]
  for (const [variable, value] of inEnv) {
    it(`${variable}, before cargo metadata or rustc runs; trusted, rustc writes the file`, async () => {
      const repo = repository(null)
      const message = await refusal(analyse(repo, { env: { [variable]: value(repo.marker) } }))
      expect(message).toMatch(new RegExp(`^environment variable \`${variable}\` passes \`--print[= ]sysroot=${escape(repo.marker)}\` to rustc`))
      expect(repo.wrote()).toBe(false)
      await analyse(repo, { trust: true, env: { [variable]: value(repo.marker) } })
      expect(repo.wrote()).toBe(true)
    })
  }

  it('a table for another target or another cfg is not in effect and stops nothing', async () => {
    const repo = repository(
      '[target.wasm32-unknown-unknown]\nrustflags = ["--print=sysroot=$MARKER"]\n' + "[target.'cfg(windows)']\nrustflags = [\"-Clinker=$REPO/evil\", \"@$REPO/args\"]\n"
    )
    const report = await analyse(repo)
    expect(report.artifacts.map(a => a.target)).toEqual(['app'])
    expect(repo.wrote()).toBe(false)
  })
})

describe('`@file` (rustc reads arguments from any file) is refused, and the file never reaches the output', () => {
  function secretRepo(): { repo: Repo; secret: string; file: string } {
    // Letters only: rustc, reading it as a cfg name, quotes it back only if it lexes (`6e…` is a number).
    const secret = `rlg-secret-${randomBytes(8).toString('hex').replace(/[0-9]/g, d => 'ghijklmnop'[Number(d)]!)}`
    const file = path.join(tmp, `secret-${++count}.txt`)
    fs.writeFileSync(file, `${secret}\n`)
    return { repo: repository(`[build]\nrustflags = ["@${file}"]\n`), secret, file }
  }

  it('in build.rustflags; trusted, the first line of the file appears in the error', async () => {
    const { repo, secret, file } = secretRepo()
    const message = await refusal(analyse(repo))
    expect(message).toMatch(new RegExp(`^${escape(repo.config)}:2: \`build\\.rustflags\` passes \`@${escape(file)}\` to rustc, which names a file whose lines rustc reads as more arguments`))
    expect(message).not.toContain(secret)
    await expect(analyse(repo, { trust: true })).rejects.toThrow(secret)
  })

  it('as the value of an option that reaches the probe', async () => {
    const { secret, file } = secretRepo()
    const repo = repository(`[build]\nrustflags = ["--cfg", "@${file}"]\n`)
    const message = await refusal(analyse(repo))
    expect(message).toContain(`passes \`--cfg @${file}\``)
    expect(message).not.toContain(secret)
    // Trusted, rustc reads the secret in as the cfg, and says it is not a valid one.
    await expect(analyse(repo, { trust: true })).rejects.toThrow(secret)
  })

  it('through RUSTFLAGS', async () => {
    const { secret, file } = secretRepo()
    const message = await refusal(analyse(repository(null), { env: { RUSTFLAGS: `@${file}` } }))
    expect(message).toMatch(/^environment variable `RUSTFLAGS` passes `@/)
    expect(message).not.toContain(secret)
  })
})

describe('options that make rustc load or write what the repository chooses', () => {
  it('`--sysroot` (with `--print=sysroot=PATH` it chooses the content of the file too); trusted, it does', async () => {
    const chosen = path.join(tmp, 'chosen-sysroot')
    const repo = repository('[build]\nrustflags = ["--sysroot=$TMP/chosen-sysroot", "--print=sysroot=$MARKER"]\n')
    const message = await refusal(analyse(repo))
    expect(message).toMatch(new RegExp(`:2: \`build\\.rustflags\` passes \`--sysroot=${escape(chosen)}\` to rustc, which names the directory rustc loads its standard library from`))
    expect(repo.wrote()).toBe(false)
    await analyse(repo, { trust: true }).catch(() => undefined)
    expect(fs.readFileSync(repo.marker, 'utf8').trim()).toBe(chosen)
  })

  ;(nightly && cc ? it : it.skip)('`-Zcodegen-backend=<repo>/evil.so` on nightly; trusted, rustc loads and runs the library', async () => {
    const repo = repository('[build]\nrustflags = ["-Zcodegen-backend=$REPO/evil.so"]\n')
    const source = path.join(repo.dir, 'evil.c')
    fs.writeFileSync(source, `#include <stdio.h>\n__attribute__((constructor)) static void mark(void) { FILE *f = fopen("${repo.marker}", "a"); if (f) { fputs("loaded\\n", f); fclose(f); } }\n`)
    execFileSync('cc', ['-shared', '-fPIC', '-o', path.join(repo.dir, 'evil.so'), source])
    const env = { RUSTUP_TOOLCHAIN: 'nightly', RUSTC: undefined }
    const message = await refusal(analyse(repo, { env }))
    expect(message).toMatch(/:2: `build\.rustflags` passes `-Zcodegen-backend=.*evil\.so` to rustc, which names a shared library rustc loads and runs/)
    expect(repo.wrote()).toBe(false)
    await expect(analyse(repo, { trust: true, env })).rejects.toThrow(/codegen backend/)
    expect(repo.wrote()).toBe(true)
  })

  it('`-C linker`, `-L`, `-o`, `--extern`, `--emit`, `--out-dir`, `--target` and other `-Z` options in rustflags', async () => {
    const flags = ['-Clinker=$REPO/ld', '-L$REPO', '-o$MARKER', '--extern=evil=$REPO/libevil.rlib', '--emit=link=$MARKER', '--out-dir=$TMP', `--target=${HOST}`, '-Zthreads=2']
    for (const flag of flags) {
      const repo = repository(`[build]\nrustflags = ["${flag}"]\n`)
      const message = await refusal(analyse(repo))
      expect(message).toContain(`\`build.rustflags\` passes \`${substitute(flag, repo.dir, repo.marker)}\` to rustc, which `)
      expect(repo.wrote()).toBe(false)
    }
  })
})

describe('a target that names a file', () => {
  it('build.target = "<repo>/evil.json" is refused; trusted, rustc is asked to load it', async () => {
    const repo = repository('[build]\ntarget = "$REPO/evil.json"\n')
    fs.writeFileSync(path.join(repo.dir, 'evil.json'), '{"llvm-target": "x86_64-unknown-linux-gnu"}\n')
    const message = await refusal(analyse(repo))
    expect(message).toMatch(new RegExp(`^${escape(repo.config)}:2: \`build\\.target\` is \`${escape(repo.dir)}/evil\\.json\`, which names a target-specification file`))
    await expect(analyse(repo, { trust: true })).rejects.toThrow(/target specification/)
  })

  it('a relative JSON name and a path without .json are refused too', async () => {
    expect(await refusal(analyse(repository('[build]\ntarget = "evil.json"\n')))).toMatch(/:2: `build\.target` is `evil\.json`/)
    expect(await refusal(analyse(repository('[build]\ntarget = "../../../../evil"\n')))).toMatch(/:2: `build\.target` is `\.\.\/\.\.\/\.\.\/\.\.\/evil`, which is a path/)
  })

  it('CARGO_BUILD_TARGET naming a file is refused, naming the variable', async () => {
    const repo = repository(null)
    expect(await refusal(analyse(repo, { env: { CARGO_BUILD_TARGET: path.join(repo.dir, 'evil.json') } }))).toMatch(/^environment variable `CARGO_BUILD_TARGET` is `.*evil\.json`/)
  })

  it("the user's own --target is theirs: not refused (rustc then answers for itself)", async () => {
    const repo = repository('[build]\ntarget = "$REPO/evil.json"\n')
    fs.writeFileSync(path.join(repo.dir, 'mine.json'), '{}\n')
    await expect(analyse(repo, { args: ['--target', path.join(repo.dir, 'mine.json')] })).rejects.toThrow(CommandError)
    await expect(analyse(repo, { args: ['--target', HOST] })).resolves.toBeDefined()
  })
})

/** A rustc that records its arguments, one call a line, then runs the real one. */
function recordingRustc(): { rustc: string; calls(): string[] } {
  const log = path.join(tmp, `rustc-calls-${++count}`)
  const real = rustup ? execFileSync('rustup', ['which', 'rustc'], { encoding: 'utf8' }).trim() : 'rustc'
  const rustc = path.join(tmp, `rustc-${count}.sh`)
  fs.writeFileSync(rustc, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 })
  return { rustc, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) }
}

describe('what reaches rustc', () => {
  ;(unix ? it : it.skip)('our probe gets only the options that change its answer; cargo metadata gets none', async () => {
    const { rustc, calls } = recordingRustc()
    const repo = repository('[build]\nrustflags = ["-Dwarnings", "--cfg", "from_config", "-Clink-arg=-fuse-ld=lld", "-C", "prefer-dynamic"]\n')
    await analyse(repo, { env: { RUSTC: rustc } })
    const probes = calls().filter(c => c.includes('--print=target-libdir'))
    expect(probes.length).toBeGreaterThan(0)
    for (const probe of probes) expect(probe).toMatch(/ --cfg=from_config -Cprefer-dynamic$/)
    expect(calls().join('\n')).not.toMatch(/-Dwarnings|link-arg/)
    // cargo's own target-information query (it asks for split-debuginfo) ran, without any of the flags.
    const cargoProbe = calls().filter(c => c.includes('--print=split-debuginfo'))
    expect(cargoProbe.length).toBeGreaterThan(0)
    expect(cargoProbe.join('\n')).not.toContain('from_config')

    // Trusted, every flag reaches the probe, as it reaches cargo's builds; cargo, reading the configuration
    // itself, still gets none for its query.
    const trusted = recordingRustc()
    await analyse(repo, { trust: true, env: { RUSTC: trusted.rustc } })
    expect(trusted.calls().filter(c => c.includes('--print=target-libdir')).join('\n')).toContain('-Dwarnings --cfg from_config -Clink-arg=-fuse-ld=lld -C prefer-dynamic')
    expect(trusted.calls().filter(c => c.includes('--print=split-debuginfo')).join('\n')).not.toContain('from_config')
  })

  ;(unix ? it : it.skip)("the runner's CARGO_HOME config reaches our probe as data, and not cargo metadata", async () => {
    const { rustc, calls } = recordingRustc()
    const home = path.join(tmp, `cargo-home-${++count}`)
    fs.mkdirSync(home)
    fs.writeFileSync(path.join(home, 'config.toml'), '[build]\nrustflags = ["--cfg", "from_home", "-Dwarnings"]\n')
    await analyse(repository(null), { env: { RUSTC: rustc, CARGO_HOME: home } })
    expect(calls().filter(c => c.includes('--print=target-libdir')).join('\n')).toMatch(/ --cfg=from_home$/)
    const cargoProbe = calls().filter(c => c.includes('--print=split-debuginfo'))
    expect(cargoProbe.length).toBeGreaterThan(0)
    expect(cargoProbe.join('\n')).not.toMatch(/from_home|-Dwarnings/)
  })

  it('cargo metadata itself would run rustc with RUSTFLAGS, so cargo gets none (the canary is live)', () => {
    const repo = repository(null)
    const r = spawnSync('cargo', ['metadata', '--format-version', '1', '--offline', '--manifest-path', path.join(repo.dir, 'Cargo.toml')], {
      cwd: repo.dir,
      env: { ...cleanEnv(), RUSTFLAGS: `--print=sysroot=${repo.marker}` } as NodeJS.ProcessEnv,
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(repo.wrote()).toBe(true)
  })

  it('data options do not change what the probe answers: the full list and the probe list get the same output from rustc', () => {
    const lists = [
      ['-gO'],
      ['-Dwarnings', '-Cpanic=abort', '-Ccodegen-units=1', '-Cdebuginfo=2', '-Cstrip=symbols'],
      ['-gOCpanic=abort', '--cap-lints=warn', '-Clink-arg=-fuse-ld=lld', '-Clink-args=-Wl,--as-needed'],
      ['--C=target-feature=+crt-static', '--remap-path-prefix', '/a=/b', '--edition=2021', '-Cforce-frame-pointers=yes'],
      ['--cfg', 'x', '-Copt-level=3', '-C', 'target-cpu=x86-64-v2', '-Crpath', '-A', 'dead_code'],
      ['--codegen', 'prefer-dynamic', '-Crelocation-model=static', '-Clto', '-Cembed-bitcode=yes', '-Cdebug-assertions=off', '-Coverflow-checks=on', '--check-cfg=cfg(x)']
    ]
    const run = (flags: string[]) => spawnSync('rustc', probeArgs(null, flags, os.devNull), { encoding: 'utf8' })
    for (const flags of lists) {
      const full = run(flags)
      const probe = run(probeRustflags(flags))
      expect({ flags, status: probe.status, stdout: probe.stdout }).toEqual({ flags, status: full.status, stdout: full.stdout })
      expect(full.status).toBe(0)
    }
  })
})

describe('legitimate flags still change the result exactly as for a trusted run', () => {
  function dylibRepo(flags: string[]): Repo {
    const repo = repository(`[build]\nrustflags = ${JSON.stringify(flags)}\n`)
    fs.writeFileSync(path.join(repo.dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfoo = { path = "foo" }\n')
    fs.writeFileSync(path.join(repo.dir, 'src', 'main.rs'), 'fn main() { foo::f() }\n')
    fs.mkdirSync(path.join(repo.dir, 'foo', 'src'), { recursive: true })
    fs.writeFileSync(path.join(repo.dir, 'foo', 'Cargo.toml'), '[package]\nname = "foo"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[lib]\ncrate-type = ["dylib"]\n')
    fs.writeFileSync(path.join(repo.dir, 'foo', 'src', 'lib.rs'), 'pub fn f() {}\n')
    return repo
  }
  const rules = (report: Analysis): string[] => [...new Set(report.findings.map(f => f.rule))].sort()

  it.each([
    [['-C', 'prefer-dynamic']],
    [['--cfg', 'foo']],
    [['-C', 'target-feature=+crt-static']],
    [['-C', 'panic=abort']],
    [['-Dwarnings']],
    [['-C', 'link-arg=-fuse-ld=lld']],
    [['-Dwarnings', '-gO', '-C', 'link-arg=-fuse-ld=lld', '-C', 'prefer-dynamic', '--cfg', 'foo', '-Ccodegen-units=1']]
  ])('%j', async flags => {
    const repo = dylibRepo(flags)
    const report = await analyse(repo)
    const trusted = await analyse(repo, { trust: true })
    expect(report.findings).toEqual(trusted.findings)
    expect(report.artifacts).toEqual(trusted.artifacts)
  })

  it('the flags are in effect (the comparison above could fail)', async () => {
    expect(rules(await analyse(dylibRepo(['-C', 'target-feature=+crt-static'])))).not.toEqual(rules(await analyse(dylibRepo([]))))
    const runtimeStd = (report: Analysis): boolean => report.findings.some(f => f.rule === 'runtime-dylib' && f.crates.some(c => /^libstd-[0-9a-f]+\.so$/.test(c)))
    expect(runtimeStd(await analyse(repository('[build]\nrustflags = ["-C", "prefer-dynamic"]\n')))).toBe(true)
    expect(runtimeStd(await analyse(repository('[build]\nrustflags = ["-C", "link-arg=-fuse-ld=lld"]\n')))).toBe(false)
  })
})

/** Runs a bundle; the environment holds no rustflags, inputs or GitHub variables of the test's own. */
function bundle(entry: string[], cwd: string, env: Record<string, string | undefined>) {
  const full: Record<string, string> = {}
  for (const [k, v] of Object.entries(cleanEnv(env))) if (v !== undefined) full[k] = v
  return spawnSync(process.execPath, entry, { cwd, env: full, encoding: 'utf8' })
}

function cli(repo: Repo, args: string[] = [], env: Record<string, string | undefined> = {}) {
  return bundle([path.join(ROOT, 'dist', 'cli', 'index.js'), '--offline', '--format', 'json', ...args], repo.dir, env)
}

function action(repo: Repo, inputs: Record<string, string> = {}, env: Record<string, string | undefined> = {}) {
  const files = { summary: path.join(tmp, `summary-${++count}`), output: path.join(tmp, `output-${count}`), report: path.join(tmp, `report-${count}.json`) }
  fs.writeFileSync(files.summary, '')
  fs.writeFileSync(files.output, '')
  const vars: Record<string, string | undefined> = { GITHUB_WORKSPACE: repo.dir, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, 'INPUT_REPORT-PATH': files.report, ...env }
  for (const [name, value] of Object.entries(inputs)) vars[`INPUT_${name.toUpperCase()}`] = value
  const r = bundle([path.join(ROOT, 'dist', 'index.js')], repo.dir, vars)
  const read = (f: string): string => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')
  return { ...r, summary: read(files.summary), report: read(files.report), all: `${r.stdout}\n${r.stderr}\n${read(files.summary)}\n${read(files.report)}\n${read(files.output)}` }
}

describe('the bundled CLI, run inside the checkout', () => {
  it('refuses --print=sysroot=PATH from the checkout and from a parent directory: exit 2, one line; trusted, rustc writes', () => {
    const repo = repository('[build]\nrustflags = ["--print=sysroot=$MARKER"]\n')
    const r = cli(repo)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`^error: ${escape(repo.config)}:2: \`build\\.rustflags\` passes \`--print=sysroot=${escape(repo.marker)}\` to rustc, which [^\\n]*\\n$`))
    expect(repo.wrote()).toBe(false)
    expect(cli(repo, ['--trust-repository-config']).status).toBe(0)
    expect(repo.wrote()).toBe(true)

    const parent = fs.mkdtempSync(path.join(tmp, 'parent-'))
    const inner = repository(null, parent)
    fs.mkdirSync(path.join(parent, '.cargo'))
    fs.writeFileSync(path.join(parent, '.cargo', 'config.toml'), `[build]\nrustflags = ["--print=sysroot=${inner.marker}"]\n`)
    const p = cli(inner)
    expect(p.status).toBe(2)
    expect(p.stderr).toContain(`${path.join(parent, '.cargo', 'config.toml')}:2: \`build.rustflags\` passes`)
    expect(inner.wrote()).toBe(false)
  })

  it('refuses @file without showing a line of the file; trusted, rustc shows it', () => {
    const secret = `rlg-secret-${randomBytes(8).toString('hex')}`
    const file = path.join(tmp, `cli-secret-${++count}`)
    fs.writeFileSync(file, `${secret}\n`)
    const repo = repository(`[build]\nrustflags = ["@${file}"]\n`)
    const r = cli(repo)
    expect(r.status).toBe(2)
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret)
    expect(cli(repo, ['--trust-repository-config']).stderr).toContain(secret)
  })

  it('refuses build.target naming a JSON file', () => {
    const repo = repository('[build]\ntarget = "evil.json"\n')
    const r = cli(repo)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^error: .*config\.toml:2: `build\.target` is `evil\.json`, which names a target-specification file/)
  })
})

describe('the bundled action', () => {
  it('refuses --print=sysroot=PATH and @file with one error line; the secret is nowhere; trusted, rustc writes', () => {
    const repo = repository('[build]\nrustflags = ["--print=sysroot=$MARKER"]\n')
    const r = action(repo)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(new RegExp(`^::error::${escape(repo.config)}:2: \`build\\.rustflags\` passes \`--print=sysroot=`, 'm'))
    expect(repo.wrote()).toBe(false)
    expect(action(repo, { 'trust-repository-config': 'true' }).status).toBe(0)
    expect(repo.wrote()).toBe(true)

    const secret = `rlg-secret-${randomBytes(8).toString('hex')}`
    const file = path.join(tmp, `action-secret-${++count}`)
    fs.writeFileSync(file, `${secret}\n`)
    const leaky = repository(`[target.'cfg(all())']\nrustflags = ["@${file}"]\n`)
    const s = action(leaky)
    expect(s.status).toBe(1)
    expect(s.stdout).toMatch(/^::error::.*config\.toml:2: `target\.'cfg\(all\(\)\)'\.rustflags` passes `@/m)
    expect(s.all).not.toContain(secret)
    expect(action(leaky, { 'trust-repository-config': 'true' }).all).toContain(secret)
  })

  ;(unix && rustup ? it : it.skip)('gives cargo, rustc and rustup no token: an environment dump from each has none of them', () => {
    const repo = repository(null)
    const dump = path.join(tmp, `env-dump-${++count}`)
    const bin = path.join(tmp, `bin-${count}`)
    fs.mkdirSync(bin)
    const wrap = (name: string, real: string): string => {
      const file = path.join(bin, name)
      fs.writeFileSync(file, `#!/bin/sh\n{ echo "== ${name}"; env; } >> '${dump}'\nexec '${real}' "$@"\n`, { mode: 0o755 })
      return file
    }
    const realRustup = execFileSync('sh', ['-c', 'command -v rustup'], { encoding: 'utf8' }).trim()
    wrap('rustup', realRustup)
    const secrets = {
      'INPUT_GITHUB-TOKEN': `ghs_input_${randomBytes(8).toString('hex')}`,
      GITHUB_TOKEN: `ghs_env_${randomBytes(8).toString('hex')}`,
      ACTIONS_RUNTIME_TOKEN: `runtime_${randomBytes(8).toString('hex')}`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: `oidc_${randomBytes(8).toString('hex')}`,
      ACTIONS_ID_TOKEN_REQUEST_URL: `https://token.invalid/${randomBytes(8).toString('hex')}`
    }
    // A toolchain named with a partial target triple (`stable-x86_64`), which only rustup itself resolves: it runs too.
    const arch = /^host: ([^-\n]+)/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1]!
    const r = action(repo, { 'rust-toolchain': `stable-${arch}` }, {
      ...secrets,
      RUSTC: wrap('rustc', execFileSync('rustup', ['which', 'rustc'], { encoding: 'utf8' }).trim()),
      CARGO: wrap('cargo', execFileSync('rustup', ['which', 'cargo'], { encoding: 'utf8' }).trim()),
      PATH: `${bin}${path.delimiter}${process.env.PATH}`
    })
    expect(r.status).toBe(0)
    const text = fs.readFileSync(dump, 'utf8')
    for (const tool of ['rustup', 'cargo', 'rustc']) expect(text).toContain(`== ${tool}\n`)
    for (const value of Object.values(secrets)) expect(text).not.toContain(value)
    expect(text).not.toMatch(/^(?:INPUT_|GITHUB_|ACTIONS_|RUNNER_)/m)
    // The control: the wrappers saw the step's environment, and the secrets were in it.
    expect(text).toContain(`PATH=${bin}`)
  })
})

describe('the child environment', () => {
  it('keeps what cargo, rustc and rustup need and nothing else', () => {
    const env = {
      PATH: '/bin', HOME: '/h', CARGO_HOME: '/c', RUSTUP_HOME: '/r', RUSTUP_TOOLCHAIN: 'stable', RUSTC: '/r/rustc', LANG: 'C', LC_ALL: 'C',
      HTTPS_PROXY: 'p', https_proxy: 'p', CARGO_NET_OFFLINE: 'true', CARGO_HTTP_CAINFO: 'f', CARGO_REGISTRIES_X_INDEX: 'i', SSH_AUTH_SOCK: 's',
      'INPUT_GITHUB-TOKEN': 'x', GITHUB_TOKEN: 'x', GH_TOKEN: 'x', ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_ID_TOKEN_REQUEST_URL: 'x', RUNNER_TEMP: 'x',
      RUSTFLAGS: 'x', CARGO_ENCODED_RUSTFLAGS: 'x', CARGO_BUILD_TARGET: 'x', CARGO_BUILD_RUSTC_WRAPPER: 'x', CARGO_TARGET_DIR: 'x', CARGO_PROFILE_DEV_PANIC: 'x',
      RUSTC_WRAPPER: 'x', RUSTC_WORKSPACE_WRAPPER: 'x', LD_PRELOAD: 'x', LD_LIBRARY_PATH: 'x', DYLD_INSERT_LIBRARIES: 'x', RUST_TARGET_PATH: 'x', GIT_DIR: 'x',
      UNSET: undefined
    }
    expect(Object.keys(childEnvironment(env, 'linux')).sort()).toEqual(
      ['CARGO_HOME', 'CARGO_HTTP_CAINFO', 'CARGO_NET_OFFLINE', 'CARGO_REGISTRIES_X_INDEX', 'HOME', 'HTTPS_PROXY', 'LANG', 'LC_ALL', 'PATH', 'RUSTC', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'SSH_AUTH_SOCK', 'https_proxy'].sort()
    )
  })

  it('on Windows, names in any case', () => {
    const env = { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', ComSpec: 'cmd', USERPROFILE: 'C:\\u', windir: 'C:\\Windows', github_token: 'x', Input_X: 'x' }
    expect(Object.keys(childEnvironment(env, 'win32')).sort()).toEqual(['ComSpec', 'Path', 'SystemRoot', 'USERPROFILE', 'windir'])
    expect(Object.keys(childEnvironment({ Path: '/bin', SystemRoot: 'x' }, 'linux'))).toEqual([])
  })
})

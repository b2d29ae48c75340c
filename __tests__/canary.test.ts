import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { selectToolchain } from '../src/gather/toolchain.js'
import type { Analysis, Report } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'

/**
 * A repository that names programs for cargo to run — each leaves a marker file when run. By default none
 * runs; the controls show each one would with `trust-repository-config`, so the canaries are live.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-canary-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const rustup = spawnSync('rustup', ['--version'], { stdio: 'ignore' }).status === 0
const cc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0

interface Repo {
  dir: string
  marker: string
  ran(): boolean
}

/** A one-package repository with `config` as `.cargo/config.toml` (`$REPO` and `$MARKER` substituted). */
function repository(config: string, extra: (repo: Repo) => void = () => undefined): Repo {
  const dir = fs.mkdtempSync(path.join(tmp, 'repo-'))
  const marker = path.join(dir, 'ran')
  const repo = { dir, marker, ran: () => fs.existsSync(marker) }
  fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
  fs.mkdirSync(path.join(dir, 'src'))
  fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  // A wrapper runs `rustc args…`; `build.rustc` runs in place of rustc: both record and carry on.
  fs.writeFileSync(path.join(dir, 'wrapper.sh'), `#!/bin/sh\necho "$*" >> '${marker}'\nexec "$@"\n`, { mode: 0o755 })
  fs.writeFileSync(path.join(dir, 'rustc.sh'), `#!/bin/sh\necho "$*" >> '${marker}'\nexec rustc "$@"\n`, { mode: 0o755 })
  fs.mkdirSync(path.join(dir, '.cargo'))
  fs.writeFileSync(path.join(dir, '.cargo', 'config.toml'), config.replaceAll('$REPO', dir).replaceAll('$MARKER', marker))
  extra(repo)
  return repo
}

function analyse(repo: Repo, trust = false, args: string[] = []): Promise<Analysis> {
  return analyzeWorkspace({
    manifestPath: path.join(repo.dir, 'Cargo.toml'),
    invocation: parseCliArgs(['--offline', ...args]).invocation,
    env: { ...process.env, RUSTFLAGS: undefined },
    cwd: repo.dir,
    trustRepositoryConfig: trust
  })
}

describe('programs named by the repository are not run', () => {
  for (const key of ['rustc-wrapper', 'rustc-workspace-wrapper']) {
    it(`build.${key} is left out, with a note; trusted, cargo runs it`, async () => {
      const repo = repository(`[build]\n${key} = "./wrapper.sh"\n`)
      const report = await analyse(repo)
      expect(repo.ran()).toBe(false)
      expect(report.artifacts.map(a => a.target)).toEqual(['app'])
      expect(report.notes.join('\n')).toContain(`\`build.${key}\` (${path.join(repo.dir, '.cargo', 'config.toml')}:2) was not applied`)
      await analyse(repo, true)
      expect(repo.ran()).toBe(true)
    })
  }

  it('build.rustc stops the run with one line naming the file, line and key; trusted, cargo runs it', async () => {
    const repo = repository('[build]\nrustc = "./rustc.sh"\n')
    const failure = analyse(repo)
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(new RegExp(`^${path.join(repo.dir, '.cargo', 'config.toml')}:2: \`build.rustc\` names the rustc that cargo runs; a program chosen by the repository is not run`))
    expect(repo.ran()).toBe(false)
    await analyse(repo, true)
    expect(repo.ran()).toBe(true)
  })

  it('a credential provider stops the run', async () => {
    const repo = repository('[registries.evil]\nindex = "sparse+https://example.invalid/index/"\ncredential-provider = "./wrapper.sh"\n')
    await expect(analyse(repo)).rejects.toThrow(/config\.toml:3: `registries\.evil\.credential-provider` names a credential provider/)
    expect(repo.ran()).toBe(false)
  })

  ;(cc ? it : it.skip)('[env] is not applied: an LD_PRELOAD library never loads into rustc; trusted, it does', async () => {
    const repo = repository('[env]\nLD_PRELOAD = "$REPO/libmark.so"\n', r => {
      const source = path.join(r.dir, 'mark.c')
      fs.writeFileSync(source, `#include <stdio.h>\n__attribute__((constructor)) static void mark(void) { FILE *f = fopen("${r.marker}", "a"); if (f) { fputs("loaded\\n", f); fclose(f); } }\n`)
      execFileSync('cc', ['-shared', '-fPIC', '-o', path.join(r.dir, 'libmark.so'), source])
    })
    const report = await analyse(repo)
    expect(repo.ran()).toBe(false)
    expect(report.notes.join('\n')).toContain('`env.LD_PRELOAD`')
    await analyse(repo, true)
    expect(repo.ran()).toBe(true)
  })

  ;(rustup ? it : it.skip)('a path toolchain stops the run; trusted, rustup runs it', async () => {
    const repo = repository('')
    const toolchain = path.join(repo.dir, 'toolchain')
    fs.mkdirSync(path.join(toolchain, 'bin'), { recursive: true })
    for (const tool of ['cargo', 'rustc']) fs.writeFileSync(path.join(toolchain, 'bin', tool), `#!/bin/sh\necho "$0" >> '${repo.marker}'\nexit 1\n`, { mode: 0o755 })
    fs.writeFileSync(path.join(repo.dir, 'rust-toolchain.toml'), `[toolchain]\npath = "${toolchain}"\n`)
    const env = { ...process.env, RUSTUP_TOOLCHAIN: undefined, RUSTC: undefined }
    await expect(selectToolchain({ requested: null, dir: repo.dir, env })).rejects.toThrow(
      new RegExp(`^${path.join(repo.dir, 'rust-toolchain.toml')}:2: \`toolchain.path\` names the compiler directory`)
    )
    const trusted = await selectToolchain({ requested: null, dir: repo.dir, env, trustRepositoryConfig: true })
    await expect(analyzeWorkspace({ manifestPath: path.join(repo.dir, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...env, ...trusted }, cwd: repo.dir, trustRepositoryConfig: true })).rejects.toThrow()
    expect(repo.ran()).toBe(true)
  })
})

describe('keys that only carry data still take effect', () => {
  it('[patch] of a crates.io dependency resolves offline, as cargo run in the repository would', async () => {
    const repo = repository('[patch.crates-io]\nfoo = { path = "vendor/foo" }\n', r => {
      fs.writeFileSync(path.join(r.dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfoo = "1.0"\n')
      fs.mkdirSync(path.join(r.dir, 'vendor', 'foo', 'src'), { recursive: true })
      fs.writeFileSync(path.join(r.dir, 'vendor', 'foo', 'Cargo.toml'), '[package]\nname = "foo"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n')
      fs.writeFileSync(path.join(r.dir, 'vendor', 'foo', 'src', 'lib.rs'), '')
      // rustc links foo only because the bin names it.
      fs.writeFileSync(path.join(r.dir, 'src', 'main.rs'), 'use foo as _;\n\nfn main() {}\n')
    })
    const report = await analyse(repo)
    expect(report.artifacts.map(a => `${a.package} ${a.crateType}`).sort()).toEqual(['app bin', 'foo dylib'])
    expect(report.findings.map(f => f.rule)).toContain('runtime-dylib')
    expect(report.findings).toEqual((await analyse(repo, true)).findings)
  })

  it('build.rustflags with -C prefer-dynamic changes the verdict as it would for cargo', async () => {
    const repo = repository('[build]\nrustflags = ["-C", "prefer-dynamic"]\n')
    const report = await analyse(repo)
    const f = report.findings.find(x => x.rule === 'runtime-dylib')
    expect(f).toMatchObject({ package: 'app', file: '.cargo/config.toml', line: 2 })
    expect(f!.crates[0]).toMatch(/^libstd-[0-9a-f]+\.so$/)
  })
})

describe('the bundled action', () => {
  it('stops on build.rustc with one error line and runs nothing', () => {
    const repo = repository('[build]\nrustc = "./rustc.sh"\n')
    const output = path.join(tmp, 'output')
    fs.writeFileSync(output, '')
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')) env[k] = v
    Object.assign(env, { GITHUB_WORKSPACE: repo.dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'), 'INPUT_REPORT-PATH': path.join(tmp, 'r.json') })
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, '')
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { cwd: repo.dir, env, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^::error::.*config\.toml:2: `build\.rustc` names the rustc that cargo runs/m)
    expect(repo.ran()).toBe(false)
  })
})

describe('the directory cargo runs from', () => {
  it("prefers the runner's temporary directory: a config planted above the system's temporary directory is not read", () => {
    // A `.cargo/config.toml` above TMPDIR replaces crates.io with a directory of its own: read, `foo` resolves offline.
    const root = fs.mkdtempSync(path.join(tmp, 'isolation-'))
    const dirs = { system: path.join(root, 'system', 'tmp'), runner: path.join(root, 'runner', 'temp'), vendor: path.join(root, 'vendor'), app: path.join(root, 'app') }
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true })
    fs.mkdirSync(path.join(dirs.vendor, 'foo', 'src'), { recursive: true })
    fs.writeFileSync(path.join(dirs.vendor, 'foo', 'Cargo.toml'), '[package]\nname = "foo"\nversion = "1.0.0"\nedition = "2021"\n')
    fs.writeFileSync(path.join(dirs.vendor, 'foo', 'src', 'lib.rs'), '')
    fs.writeFileSync(path.join(dirs.vendor, 'foo', '.cargo-checksum.json'), '{"files":{}}')
    fs.mkdirSync(path.join(root, 'system', '.cargo'))
    fs.writeFileSync(path.join(root, 'system', '.cargo', 'config.toml'), `[source.crates-io]\nreplace-with = "planted"\n\n[source.planted]\ndirectory = ${JSON.stringify(dirs.vendor)}\n`)
    fs.mkdirSync(path.join(dirs.app, 'src'))
    fs.writeFileSync(path.join(dirs.app, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfoo = "1.0"\n')
    fs.writeFileSync(path.join(dirs.app, 'src', 'main.rs'), 'fn main() {}\n')
    const cli = (extra: Record<string, string>) => {
      const env: Record<string, string> = {}
      for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('RUNNER_') && k !== 'RUSTFLAGS') env[k] = v
      return spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), '--offline', '--format', 'json'], { cwd: dirs.app, env: { ...env, TMPDIR: dirs.system, ...extra }, encoding: 'utf8' })
    }
    const planted = cli({})
    expect(planted.status).toBe(0)
    expect((JSON.parse(planted.stdout) as Report).artifacts.map(a => a.package).sort()).toEqual(['app', 'foo'])
    const runner = cli({ RUNNER_TEMP: dirs.runner })
    expect(runner.status).toBe(3)
    expect(runner.stderr).toMatch(/^error: `cargo metadata` failed .*no matching package named `foo`/)
  })
})

describe("cargo's rustc info cache and ours", () => {
  it("are kept in the user's cache directory: a second run starts no rustc, and a wrapper configured outside the repository still never runs", () => {
    const root = fs.mkdtempSync(path.join(tmp, 'rustc-info-'))
    const dirs = { system: path.join(root, 'system', 'tmp'), cache: path.join(root, 'cache'), app: path.join(root, 'app') }
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true })
    // Every rustc call is logged; a config file above the directory cargo runs from names a wrapper.
    const calls = path.join(root, 'calls')
    const rustc = path.join(root, 'rustc.sh')
    fs.writeFileSync(rustc, `#!/bin/sh\necho "$1" >> '${calls}'\nexec rustc "$@"\n`, { mode: 0o755 })
    const wrapped = path.join(root, 'wrapped')
    fs.writeFileSync(path.join(root, 'wrapper.sh'), `#!/bin/sh\ntouch '${wrapped}'\nexec "$@"\n`, { mode: 0o755 })
    fs.mkdirSync(path.join(root, 'system', '.cargo'))
    fs.writeFileSync(path.join(root, 'system', '.cargo', 'config.toml'), `[build]\nrustc-wrapper = ${JSON.stringify(path.join(root, 'wrapper.sh'))}\n`)
    fs.mkdirSync(path.join(dirs.app, 'src'))
    fs.writeFileSync(path.join(dirs.app, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
    fs.writeFileSync(path.join(dirs.app, 'src', 'main.rs'), 'fn main() {}\n')
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('RUNNER_') && k !== 'RUSTFLAGS') env[k] = v
    const run = (): string[] => {
      fs.rmSync(calls, { force: true })
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), '--offline', '--format', 'json'], {
        cwd: dirs.app,
        env: { ...env, TMPDIR: dirs.system, XDG_CACHE_HOME: dirs.cache, RUSTC: rustc },
        encoding: 'utf8'
      })
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' })
      return fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n').sort() : []
    }
    // First run: cargo's `rustc -vV` and target probe, then ours; second run: none.
    expect(run()).toEqual(['-', '-vV', '-vV', '/dev/null'])
    expect(fs.existsSync(path.join(dirs.cache, 'rust-linkage-guard', 'cargo-build-dir', '.rustc_info.json'))).toBe(true)
    expect(fs.existsSync(path.join(dirs.cache, 'rust-linkage-guard', 'rustc-outputs.json'))).toBe(true)
    expect(run()).toEqual([])
    expect(fs.existsSync(wrapped)).toBe(false)
  })
})

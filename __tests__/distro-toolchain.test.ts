import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { parseCfgLines } from '../src/model/cfg.js'
import { stdOnDefaultLoaderPath, type TargetInfo } from '../src/model/target-info.js'
import { analyzeWorkspace } from '../src/run.js'
import { writeTree } from './support/files.js'
import { tempWorkspace } from './support/temp-workspace.js'

/**
 * A distribution's rustc (Debian's links `/usr/lib/rustlib/<triple>/lib/libstd-<hash>.so` to
 * `/usr/lib/<multiarch>/`) puts `libstd` where the dynamic loader looks by default: an executable that links
 * it dynamically starts anywhere, so only its other Rust shared libraries can be missing.
 */
function target(overrides: Partial<TargetInfo>): TargetInfo {
  return {
    triple: 'x86_64-unknown-linux-gnu',
    cfg: parseCfgLines('unix\ntarget_os="linux"\ntarget_family="unix"\n'),
    stdInstalled: true,
    supportedCrateTypes: new Set(['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']),
    fileNames: {},
    sysroot: '/usr',
    targetLibdir: '/usr/lib/rustlib/x86_64-unknown-linux-gnu/lib',
    crtStaticExecutables: false,
    stdDylib: 'libstd-a5a48102fbd58791.so',
    rustflags: [],
    rustflagsSource: null,
    rustdocflags: [],
    rustdocflagsSource: null,
    ...overrides
  }
}

describe('stdOnDefaultLoaderPath', () => {
  it('is true where the std dylib really is in a directory ld.so searches by default, on Linux only', () => {
    expect(stdOnDefaultLoaderPath(target({ stdDylibDir: '/usr/lib/x86_64-linux-gnu' }))).toBe(true)
    expect(stdOnDefaultLoaderPath(target({ targetLibdir: '/usr/lib64' }))).toBe(true)
    expect(stdOnDefaultLoaderPath(target({}))).toBe(false)
    expect(stdOnDefaultLoaderPath(target({ sysroot: '/home/runner/.rustup/toolchains/stable', targetLibdir: '/home/runner/.rustup/toolchains/stable/lib/rustlib/x86_64-unknown-linux-gnu/lib' }))).toBe(false)
    expect(stdOnDefaultLoaderPath(target({ stdDylibDir: '/usr/local/lib/x86_64-linux-gnu' }))).toBe(false)
    expect(stdOnDefaultLoaderPath(target({ stdDylibDir: '/usr/lib/x86_64-linux-gnu', stdDylib: null }))).toBe(false)
    const windows = target({ triple: 'x86_64-pc-windows-gnu', cfg: parseCfgLines('windows\ntarget_os="windows"\n'), stdDylibDir: '/usr/lib/x86_64-linux-gnu' })
    expect(stdOnDefaultLoaderPath(windows)).toBe(false)
  })
})

/** Debian's own cargo and rustc, when installed (`apt-get install cargo rustc`); rustup's otherwise come first. */
const DISTRO = { cargo: '/usr/bin/cargo', rustc: '/usr/bin/rustc' }
const distro = fs.existsSync(DISTRO.cargo) && /^release: /m.test(spawnSync(DISTRO.rustc, ['-vV'], { encoding: 'utf8' }).stdout ?? '')
const withDistro = distro ? it : it.skip
if (!distro) process.stderr.write(`distro-toolchain: ${DISTRO.cargo} and ${DISTRO.rustc} are not installed; the real-build case is skipped\n`)

describe('a distribution toolchain', () => {
  withDistro('prefer-dynamic executables get no runtime-dylib warning, and start without a library path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-distro-'))
    try {
      writeTree(dir, { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n', 'src/main.rs': 'fn main() {}\n' })
      const env = { ...process.env, PATH: `/usr/local/bin:/usr/bin:/bin`, RUSTC: DISTRO.rustc, CARGO: DISTRO.cargo, RUSTFLAGS: '-C prefer-dynamic', RUSTUP_TOOLCHAIN: undefined }
      const report = await analyzeWorkspace({ manifestPath: path.join(dir, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env, cwd: dir })
      expect(report.artifacts.find(a => a.target === 'app')?.runtimeLibraries).toEqual([expect.stringMatching(/^libstd-[0-9a-f]+\.so$/)])
      expect(report.findings.filter(f => f.rule === 'runtime-dylib')).toEqual([])
      const build = spawnSync(DISTRO.cargo, ['build', '--offline', '--quiet'], { cwd: dir, env: { ...env, CARGO_TARGET_DIR: path.join(dir, 'target') }, encoding: 'utf8' })
      expect(build.status).toBe(0)
      const run = spawnSync(path.join(dir, 'target', 'debug', 'app'), [], { env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' })
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  withDistro('before cargo 1.80 a dependency with a proc-macro example is resolved for the host only: its library panics cargo', async () => {
    // cargo's features2.rs `dont_unify_proc_macro_example_from_dependency`, the regression test of the fix.
    const env = { ...process.env, PATH: `/usr/local/bin:/usr/bin:/bin`, RUSTC: DISTRO.rustc, CARGO: DISTRO.cargo, RUSTUP_TOOLCHAIN: undefined }
    const ws = tempWorkspace(
      'rlg-distro-',
      {
        'Cargo.toml': '[package]\nname = "foo"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\npm_helper = { path = "pm_helper" }\n',
        'src/lib.rs': '',
        'pm_helper/Cargo.toml': '[package]\nname = "pm_helper"\nversion = "0.0.0"\n\n[[example]]\nname = "pm"\nproc-macro = true\ncrate-type = ["proc-macro"]\n',
        'pm_helper/src/lib.rs': '',
        'pm_helper/examples/pm.rs': ''
      },
      env,
      DISTRO.cargo
    )
    try {
      await expect(ws.analyse([])).rejects.toThrow('("activated_features for invalid package")')
      const build = ws.cargo(['build'])
      expect(build.status).toBe(101)
      expect(build.stderr).toContain("panicked at 'activated_features for invalid package")
      // Selected on its own, with its proc-macro example, it is found on the host side, where it was resolved.
      expect((await ws.analyse(['-p', 'pm_helper', '--examples'])).artifacts.map(a => `${a.target} ${a.platform}`).sort()).toEqual(['pm host', 'pm_helper host'])
      expect(ws.cargo(['build', '-p', 'pm_helper', '--examples']).status).toBe(0)
    } finally {
      ws.remove()
    }
  })

  withDistro("cargo before 1.91 writes its rustc info cache in the target directory: a `target` symlink out of the repository gets nothing", async () => {
    const env = { ...process.env, PATH: `/usr/local/bin:/usr/bin:/bin`, RUSTC: DISTRO.rustc, CARGO: DISTRO.cargo, RUSTUP_TOOLCHAIN: undefined, CARGO_TARGET_DIR: undefined }
    const ws = tempWorkspace('rlg-distro-', { 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n', 'src/main.rs': 'fn main() {}\n' }, env, DISTRO.cargo)
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-elsewhere-'))
    try {
      fs.symlinkSync(elsewhere, path.join(ws.dir, 'target'))
      const report = await ws.analyse([])
      expect(report.artifacts.map(a => a.target)).toEqual(['app'])
      expect(fs.readdirSync(elsewhere)).toEqual([])
      // The canary is live: cargo metadata run as a user runs it writes there.
      expect(ws.cargo(['metadata', '--format-version', '1']).status).toBe(0)
      expect(fs.readdirSync(elsewhere)).toEqual(['.rustc_info.json'])
    } finally {
      ws.remove()
      fs.rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})

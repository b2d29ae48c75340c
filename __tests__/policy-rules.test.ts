import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import type { Finding } from '../src/findings/finding.js'
import { loadPolicy } from '../src/gather/policy-files.js'
import type { Analysis } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'

/**
 * The toolchain-consistency and plugin-safety rules on real workspaces (`fixtures/policy-rules`, described
 * in its README): each rule fires on its fixture, on the line at fault, and stays quiet on a near miss.
 */
const HERE = path.dirname(new URL(import.meta.url).pathname)
const ROOT = path.join(HERE, 'fixtures', 'policy-rules')

function hasToolchain(name: string): boolean {
  try {
    execFileSync('rustc', [`+${name}`, '-vV'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const rustup = hasToolchain('stable')
const nightly = rustup && hasToolchain('nightly')
const withRustup = rustup ? it : it.skip
const withNightly = nightly ? it : it.skip

async function analyse(fixture: string, args: string[] = [], env: Record<string, string> = {}, dir = path.join(ROOT, fixture)): Promise<Analysis> {
  return analyzeWorkspace({
    manifestPath: path.join(dir, 'Cargo.toml'),
    invocation: parseCliArgs(args).invocation,
    env: { ...process.env, RUSTFLAGS: undefined, RUSTUP_TOOLCHAIN: rustup ? 'stable' : undefined, ...env },
    cwd: dir
  })
}

function findings(report: Analysis, rule: string): Finding[] {
  return report.findings.filter(f => f.rule === rule)
}

function only(report: Analysis, rule: string): Finding {
  const found = findings(report, rule)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('toolchain-unpinned', () => {
  it('a workspace with a Rust dylib and no toolchain file: on the dylib’s crate-type line', async () => {
    const f = only(await analyse('unpinned-dylib', ['-p', 'app']), 'toolchain-unpinned')
    expect(f).toMatchObject({ severity: 'warning', file: 'dy/Cargo.toml', line: 7, crates: ['dy', 'app'] })
    expect(f.message).toContain('no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler')
    expect(f.fixes[0]!.title).toMatch(/channel = "\d+\.\d+\.\d+"/)
  })

  withRustup('a floating `channel = "stable"`: on the channel line', async () => {
    const f = only(await analyse('unpinned-floating', ['-p', 'app']), 'toolchain-unpinned')
    expect(f).toMatchObject({ file: 'rust-toolchain.toml', line: 2 })
    expect(f.message).toContain('names `stable`, which moves with every release')
  })

  withRustup('near miss: the same workspace pinned to the exact release in use', async () => {
    const report = await analyse('pinned-dylib', ['-p', 'app'])
    expect(findings(report, 'toolchain-unpinned')).toEqual([])
    expect(findings(report, 'toolchain-mismatch')).toEqual([])
    expect(report.toolchain.pin).toEqual({ file: 'rust-toolchain.toml', line: 2, channel: '1.95.0', path: null, kind: 'exact' })
  })

  it('near miss: no dynamic boundary, no pin needed', async () => {
    expect(findings(await analyse('allocator-host-rlib'), 'toolchain-unpinned')).toEqual([])
  })

  it('the plugin-engine example shows it until a pin is added', async () => {
    const f = only(await analyse('', [], {}, path.join(HERE, '..', 'examples', 'plugin-engine')), 'toolchain-unpinned')
    expect(f).toMatchObject({ file: 'plugin_audio/Cargo.toml', line: 7 })
  })
})

describe('toolchain-mismatch', () => {
  withNightly('a dated nightly pin while the stable compiler runs: an error on the channel line', async () => {
    const f = only(await analyse('pinned-nightly'), 'toolchain-mismatch')
    expect(f).toMatchObject({ severity: 'error', file: 'rust-toolchain.toml', line: 2, crates: ['nightly-2026-05-20'] })
    expect(f.message).toMatch(/pinned nightly-2026-05-20, runner has 1\.95\.0/)
  })

  withNightly('near miss: the pinned nightly itself', async () => {
    expect(findings(await analyse('pinned-nightly', [], { RUSTUP_TOOLCHAIN: 'nightly' }), 'toolchain-mismatch')).toEqual([])
  })

  it('a rust-version newer than the compiler: on that package’s rust-version line, not the other package’s', async () => {
    const f = only(await analyse('rust-version-newer', ['--workspace']), 'toolchain-mismatch')
    expect(f).toMatchObject({ package: 'app', file: 'app/Cargo.toml', line: 5 })
    expect(f.message).toContain('app@0.1.0 requires rustc 1.99')
  })

  it('a target without its standard library: on the build.target line of .cargo/config.toml', async () => {
    const report = await analyse('target-not-installed')
    const f = only(report, 'toolchain-mismatch')
    expect(f).toMatchObject({ file: '.cargo/config.toml', line: 2, crates: ['aarch64-unknown-linux-gnu'] })
    expect(f.fixes[0]!.title).toContain('rustup target add aarch64-unknown-linux-gnu')
    expect(report.toolchain.stdInstalled).toBe(false)
  })

  withNightly('the policy’s exact-toolchain overrides the pin', async () => {
    const dir = path.join(ROOT, 'pinned-nightly')
    const policy = loadPolicy({ policy: path.join(ROOT, 'exact-toolchain.toml'), defaultPolicy: null, cwd: ROOT, searchFrom: dir })
    const report = await analyzeWorkspace({
      manifestPath: path.join(dir, 'Cargo.toml'),
      invocation: parseCliArgs([]).invocation,
      env: { ...process.env, RUSTFLAGS: undefined, RUSTUP_TOOLCHAIN: 'nightly' },
      cwd: dir,
      policy
    })
    const f = only(report, 'toolchain-mismatch')
    expect(f).toMatchObject({ file: '../exact-toolchain.toml', line: 1 })
    expect(f.message).toContain('`exact-toolchain` in the policy file')
    expect(report.toolchain.expected).toBe('1.95.0')
  })
})

describe('multiple-rust-runtimes', () => {
  it('a host that depends on libloading, next to cdylib plugins: on the libloading line, naming the plugins', async () => {
    const f = only(await analyse('plugins-libloading'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ severity: 'warning', package: 'host', kind: 'bin', file: 'host/Cargo.toml', line: 8, crates: ['plug_a', 'plug_b'] })
    expect(f.message).toContain('Only `#[repr(C)]` data and `extern "C"` functions may cross the boundary')
  })

  it('with abi_stable it is a note', async () => {
    const f = only(await analyse('plugins-abi-stable'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ severity: 'note', file: 'host/Cargo.toml', line: 8 })
    expect(f.message).toContain('`abi_stable` checks type layouts when a library is loaded')
  })

  it('a bin that calls dlopen itself, next to a cdylib member nothing links: on the plugin’s crate-type line', async () => {
    expect(only(await analyse('plugins-cdylib-members'), 'multiple-rust-runtimes')).toMatchObject({ file: 'plug/Cargo.toml', line: 7 })
  })

  it('near miss: a cdylib for C next to a bin that loads nothing', async () => {
    expect(findings(await analyse('cdylib-for-c'), 'multiple-rust-runtimes')).toEqual([])
  })

  it('near miss: a Python extension next to a CLI is not a plugin system (and not a published dylib)', async () => {
    const report = await analyse('cdylib-python')
    expect(report.findings.map(f => f.rule)).toEqual([])
  })

  it('the plugin-host example reports it with the concrete advice, and nothing else', async () => {
    const report = await analyse('', [], {}, path.join(HERE, '..', 'examples', 'plugin-host'))
    expect(report.findings.map(f => f.rule)).toEqual(['multiple-rust-runtimes'])
    expect(report.findings[0]!.crates).toEqual(['plugin_counter', 'plugin_echo'])
    expect(report.boundaries.map(b => `${b.role}:${b.target}`).sort()).toEqual(['plugin-host:host', 'plugin:plugin_counter', 'plugin:plugin_echo'])
  })
})

describe('global-allocator-ignored and global-allocator-split', () => {
  it('a counting allocator in a bin whose std links dynamically: on the #[global_allocator] line', async () => {
    const dir = path.join(HERE, 'fixtures', 'workspaces', 'global-allocator-prefer-dynamic')
    const f = only(await analyse('', [], { RUSTFLAGS: '-C prefer-dynamic' }, dir), 'global-allocator-ignored')
    expect(f).toMatchObject({ file: 'src/main.rs', line: 19, package: 'app' })
    expect(f.message).toContain('`static GLOBAL: Counting = Counting;` is silently never called')
  })

  it('near misses: the same bin linking std statically; a System allocator under prefer-dynamic', async () => {
    const dir = path.join(HERE, 'fixtures', 'workspaces', 'global-allocator-prefer-dynamic')
    expect(findings(await analyse('', [], {}, dir), 'global-allocator-ignored')).toEqual([])
    expect(findings(await analyse('allocator-host-rlib', [], { RUSTFLAGS: '-C prefer-dynamic' }), 'global-allocator-ignored')).toEqual([])
  })

  it('a plugin with its own allocator splits the heap: on the plugin’s #[global_allocator] line', async () => {
    const f = only(await analyse('allocator-plugin'), 'global-allocator-split')
    expect(f).toMatchObject({ package: 'plug_a', crateType: 'cdylib', file: 'plug_a/src/lib.rs', line: 3 })
  })

  it('near miss: an allocator in a bin without plugins', async () => {
    expect(findings(await analyse('allocator-host-rlib'), 'global-allocator-split')).toEqual([])
  })
})

describe('published-dylib', () => {
  it('a publishable dylib-only library; not one with publish = false, one that also builds an rlib, or a cdylib', async () => {
    const report = await analyse('published-dylib')
    const found = findings(report, 'published-dylib')
    expect(found.map(f => [f.package, f.file, f.line])).toEqual([['fast', 'fast/Cargo.toml', 7]])
    expect(found[0]!.message).toContain('every crate that depends on it links it dynamically')
  })
})

describe('lto-dynamic-unsound', () => {
  it('thin LTO with a Rust dylib on a Windows target: on the profile’s lto line', async () => {
    const f = only(await analyse('lto-dylib', ['--release', '-p', 'app', '--target', 'x86_64-pc-windows-msvc']), 'lto-dynamic-unsound')
    expect(f).toMatchObject({ file: 'Cargo.toml', line: 6 })
    expect(f.message).toContain('`lto = "thin"`')
  })

  it('near miss: the same build for Linux', async () => {
    expect(findings(await analyse('lto-dylib', ['--release', '-p', 'app']), 'lto-dynamic-unsound')).toEqual([])
  })
})

describe('hot-reload-layout', () => {
  it('rlib + dylib used by a bin: a note on the crate-type line, for workspace members only', async () => {
    // `vendor/engine` has the same crate types and the same user, but is not a member.
    const f = only(await analyse('hot-reload'), 'hot-reload-layout')
    expect(f).toMatchObject({ severity: 'note', package: 'logic', file: 'logic/Cargo.toml', line: 7 })
  })

  it('near miss: a plain library', async () => {
    expect(findings(await analyse('hot-reload-rlib-only'), 'hot-reload-layout')).toEqual([])
  })
})

describe('panic-strategy-mixed', () => {
  it('panic = "abort" with a host and cdylib plugins: on the profile’s panic line', async () => {
    const f = only(await analyse('abort-plugins'), 'panic-strategy-mixed')
    expect(f).toMatchObject({ file: 'Cargo.toml', line: 7 })
  })

  it('near miss: the same plugins with unwind', async () => {
    expect(findings(await analyse('plugins-libloading'), 'panic-strategy-mixed')).toEqual([])
  })
})

describe('abi-flags-divergent', () => {
  it('a dylib built for the host and, with +avx2, for the target: on the rustflags line', async () => {
    const f = only(await analyse('target-feature-split', ['--target', 'x86_64-unknown-linux-gnu']), 'abi-flags-divergent')
    expect(f).toMatchObject({ package: 'dy', file: '.cargo/config.toml', line: 2 })
    expect(f.message).toContain('for `x86_64-unknown-linux-gnu` with `-Ctarget-feature=+avx2` and for the host with no such flags')
  })

  it('near miss: without --target the flags reach every unit', async () => {
    expect(findings(await analyse('target-feature-split'), 'abi-flags-divergent')).toEqual([])
  })

  withNightly('layout randomization at a dylib boundary', async () => {
    const f = only(await analyse('layout-flags', ['-p', 'app'], { RUSTUP_TOOLCHAIN: 'nightly' }), 'abi-flags-divergent')
    expect(f).toMatchObject({ file: '.cargo/config.toml', line: 2 })
    expect(f.message).toContain('`-Zrandomize-layout`')
  })
})

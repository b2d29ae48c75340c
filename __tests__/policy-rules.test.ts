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
const QUIET = path.join(HERE, 'fixtures', 'quiet')
/** `Finding.fixes` holds advice text or objects with a title. */
const fixText = (x: unknown) => (typeof x === 'string' ? x : (x as { title: string }).title)

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
  it('a Rust dylib loaded at run time and no toolchain file: on the dylib’s crate-type line', async () => {
    const f = only(await analyse('unpinned-dylib'), 'toolchain-unpinned')
    expect(f).toMatchObject({ severity: 'warning', file: 'dy/Cargo.toml', line: 7, crates: ['dy'] })
    expect(f.message).toContain('dylib `dy` is loaded at run time, not linked')
    expect(f.message).toContain('no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler')
    expect(fixText(f.fixes[0])).toMatch(/channel = "\d+\.\d+\.\d+"/)
  })

  withRustup('a floating `channel = "stable"`: on the channel line', async () => {
    const f = only(await analyse('unpinned-floating'), 'toolchain-unpinned')
    expect(f).toMatchObject({ file: 'rust-toolchain.toml', line: 2 })
    expect(f.message).toContain('names `stable`, which moves with every release')
  })

  withRustup('near miss: the same workspace pinned to the exact release in use', async () => {
    const report = await analyse('pinned-dylib')
    expect(findings(report, 'toolchain-unpinned')).toEqual([])
    expect(findings(report, 'toolchain-mismatch')).toEqual([])
    expect(report.toolchain.pin).toEqual({ file: 'rust-toolchain.toml', line: 2, channel: '1.95.0', path: null, kind: 'exact' })
  })

  it('a published dylib (description and license, or registries named in publish): on its crate-type line', async () => {
    const f = only(await analyse('published-dylib'), 'toolchain-unpinned')
    expect(f).toMatchObject({ file: 'fast/Cargo.toml', line: 9, crates: ['fast', 'internal'] })
    expect(f.message).toContain('are published for other projects, which build their side with their own compiler')
  })

  it('near misses: a bin linking a workspace dylib it is built with; `-C prefer-dynamic` alone; no dynamic boundary', async () => {
    expect(findings(await analyse('', [], {}, path.join(QUIET, 'engine-editor')), 'toolchain-unpinned')).toEqual([])
    expect(findings(await analyse('allocator-host-rlib', [], { RUSTFLAGS: '-C prefer-dynamic' }), 'toolchain-unpinned')).toEqual([])
    expect(findings(await analyse('allocator-host-rlib'), 'toolchain-unpinned')).toEqual([])
  })

  it('the plugin-engine example: its dylibs are linked by the host they are built with, so no pin is needed', async () => {
    expect(findings(await analyse('', [], {}, path.join(HERE, '..', 'examples', 'plugin-engine')), 'toolchain-unpinned')).toEqual([])
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
    expect(fixText(f.fixes[0])).toContain('rustup target add aarch64-unknown-linux-gnu')
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
  it('a libloading host whose plugin exports a `Box<dyn Trait>`: on the export, naming it and its type', async () => {
    const f = only(await analyse('plugins-libloading'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ severity: 'warning', package: 'host', kind: 'bin', file: 'plug_a/src/lib.rs', line: 10, crates: ['plug_a', 'plug_b'] })
    expect(f.message).toContain('`plug_a` exports `plug_a_create` (plug_a/src/lib.rs:10), which returns `Box<dyn api::Plugin>`')
    expect(f.message).toContain('only `#[repr(C)]` data and `extern "C"` functions may cross the boundary')
  })

  it('with abi_stable it is a note, on the loader line', async () => {
    const f = only(await analyse('plugins-abi-stable'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ severity: 'note', file: 'host/Cargo.toml', line: 8 })
    expect(f.message).toContain('`abi_stable` checks type layouts when a library is loaded')
  })

  it('a bin that calls dlopen itself, next to a cdylib that exports a Rust-ABI function: on that function', async () => {
    const f = only(await analyse('plugins-cdylib-members'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ file: 'plug/src/lib.rs', line: 7 })
    expect(f.message).toContain('`plug` exports `plug_name` (plug/src/lib.rs:7), which has the Rust ABI')
  })

  it('a Rust dylib loaded at run time: same compiler and flags, a second copy of statics, no unloading', async () => {
    const f = only(await analyse('unpinned-dylib'), 'multiple-rust-runtimes')
    expect(f).toMatchObject({ severity: 'warning', file: 'app/Cargo.toml', line: 7, crates: ['dy'] })
    expect(f.message).toContain('The Rust dylib `dy` is loaded, not linked')
    expect(f.message).toContain('same compiler build with the same ABI-relevant flags')
    expect(f.message).toContain('a second copy of that crate')
    expect(f.message).toContain('cannot be unloaded safely')
    expect(f.message).not.toContain('cdylib')
    // With `-C prefer-dynamic` both sides link the one `libstd`.
    const shared = only(await analyse('unpinned-dylib', [], { RUSTFLAGS: '-C prefer-dynamic' }), 'multiple-rust-runtimes')
    expect(shared.message).toContain('Both link `libstd` dynamically, so they share it')
  })

  it('near miss: hosts whose cdylib plugins export only C-compatible functions and statics', async () => {
    expect(findings(await analyse('', [], {}, path.join(QUIET, 'c-plugins')), 'multiple-rust-runtimes')).toEqual([])
    expect(findings(await analyse('abort-plugins'), 'multiple-rust-runtimes')).toEqual([])
  })

  it('near miss: a cdylib for C next to a bin that loads nothing', async () => {
    expect(findings(await analyse('cdylib-for-c'), 'multiple-rust-runtimes')).toEqual([])
  })

  it('near miss: a Python extension next to a CLI is not a plugin system (and not a published dylib)', async () => {
    const report = await analyse('cdylib-python')
    expect(report.findings.map(f => f.rule)).toEqual([])
  })

  it('the plugin-host example passes only `#[repr(C)]` data and `extern "C"` functions: nothing to report', async () => {
    const report = await analyse('', [], {}, path.join(HERE, '..', 'examples', 'plugin-host'))
    expect(report.findings.map(f => f.rule)).toEqual([])
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
  it('a dylib-only library meant for other projects; not with publish = false, an rlib, a cdylib, or without published metadata', async () => {
    const found = findings(await analyse('published-dylib'), 'published-dylib')
    expect(found.map(f => [f.package, f.file, f.line])).toEqual([
      ['fast', 'fast/Cargo.toml', 9],
      ['internal', 'internal/Cargo.toml', 8]
    ])
    expect(found[0]!.message).toContain('`fast` is published for other projects (it has a `description` and a `license`')
    expect(found[0]!.message).toContain('every crate that depends on it links it dynamically')
    expect(found[1]!.message).toContain('(`publish` names `company`)')
  })

  it('near miss: an application’s engine dylib, linked by its editor, without published metadata', async () => {
    expect(findings(await analyse('', [], {}, path.join(QUIET, 'engine-editor')), 'published-dylib')).toEqual([])
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
  it('cargo test with panic = "abort": the host bin aborts, the plugin built for its tests unwinds; on the profile’s panic line', async () => {
    const f = only(await analyse('panic-test-plugins', ['--command', 'test', '--workspace']), 'panic-strategy-mixed')
    expect(f).toMatchObject({ package: 'host', kind: 'bin', file: 'Cargo.toml', line: 7, crates: ['host', 'plug_a'] })
    expect(f.message).toContain('bin `host` is built with `panic = "abort"` and loads cdylib+rlib `plug_a`, built with `panic = "unwind"`')
  })

  it('near misses: the same workspace under cargo build (all abort); host and cdylib plugins all abort; all unwind', async () => {
    expect(findings(await analyse('panic-test-plugins', ['--workspace']), 'panic-strategy-mixed')).toEqual([])
    expect(findings(await analyse('abort-plugins'), 'panic-strategy-mixed')).toEqual([])
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

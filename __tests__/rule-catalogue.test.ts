/**
 * Every rule of the registry, from one place: a real workspace and invocation on which it fires (naming the
 * package at fault), and its near miss — the fix, or the nearest shape that is sound — on which it stays
 * quiet. Each case runs `check()` with the real cargo and rustc, as the action and the CLI do.
 * `dylib-required` is the exception: no clean cargo build produces it (see its page), so its case feeds
 * rustc's error into the findings of a real unit graph.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { mergeCargoConfig } from '../src/config/cargo-config.js'
import { profileNameFor, resolveProfile } from '../src/config/profiles.js'
import { resolveLinkage } from '../src/linkage/resolve.js'
import { compilerBehaviour } from '../src/model/compiler-behaviour.js'
import { createLocator } from '../src/manifest/locator.js'
import { validateMetadata } from '../src/metadata/parse.js'
import { defaultInvocation } from '../src/model/invocation.js'
import { buildUnitGraph } from '../src/model/unit-graph.js'
import type { Report } from '../src/report/report.js'
import { RULE_FAMILIES } from '../src/rules/evaluate.js'
import { invocationLayout } from '../src/rules/context.js'
import { linkageFindings } from '../src/rules/linkage.js'
import { RULES, type RuleId } from '../src/rules/registry.js'
import { parseProbe, parseRustcVersion, toTargetInfo } from '../src/rustc/probe.js'
import { check } from '../src/run.js'
import { parseTomlDocument } from '../src/toml/document.js'
import { placeRecording } from './support/recordings.js'

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-catalogue-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const nightly = spawnSync('rustup', ['which', 'rustc', '--toolchain', 'nightly'], { stdio: 'ignore' }).status === 0

interface Case {
  /** The workspace, relative to __tests__/fixtures. */
  fixture: string
  /** cargo's arguments after the command (`build` unless `--command` says otherwise). */
  args: string[]
  env?: Record<string, string>
  /** A text replaced in a copy of the workspace: the fix. */
  edit?: { file: string; from: string; to: string }
  /** A policy file's text, applied to the report. */
  policy?: string
  /** The case runs on a nightly compiler (`RUSTUP_TOOLCHAIN=nightly`). */
  nightly?: boolean
}

interface RuleCases {
  /** The rule fires here, on an artifact of (or about) this package; `''` for a finding about the workspace. */
  fires: Case & { package: string }
  /** And not here, for this reason. */
  quiet: Case & { why: string }
}

const CATALOGUE: Record<Exclude<RuleId, 'dylib-required'>, RuleCases> = {
  'duplicate-linkage': {
    fires: { fixture: 'workspaces/bin-dylib', args: ['--workspace'], package: 'app' },
    quiet: { fixture: 'workspaces/bin-dylib', args: ['-p', 'app'], why: 'a dylib not selected gets -C prefer-dynamic, so std is linked once' }
  },
  'rlib-required': {
    fires: { fixture: 'workspaces/staticlib-over-dylib', args: ['-p', 'st'], package: 'st' },
    quiet: {
      fixture: 'workspaces/staticlib-over-dylib',
      args: ['-p', 'st'],
      env: { RUSTFLAGS: '-Zstaticlib-allow-rdylib-deps' },
      nightly: true,
      why: 'nightly rustc lets a staticlib link Rust dylibs with -Zstaticlib-allow-rdylib-deps'
    }
  },
  'no-linkable-lib': {
    fires: { fixture: 'workspaces/cdylib-only-dependency', args: ['-p', 'app'], package: 'app' },
    quiet: {
      fixture: 'workspaces/cdylib-only-dependency',
      args: ['-p', 'app'],
      edit: { file: 'cd/Cargo.toml', from: 'crate-type = ["cdylib"]', to: 'crate-type = ["cdylib", "rlib"]' },
      why: 'with an rlib beside the cdylib, dependents get a library to link'
    }
  },
  'panic-strategy': {
    fires: { fixture: 'workspaces/panic-abort-dylib', args: ['-p', 'app'], package: 'dy' },
    quiet: { fixture: 'workspaces/panic-abort-dylib', args: ['--command', 'test', '--no-run', '-p', 'app'], why: 'test harnesses are built with unwind whatever the profile says' }
  },
  'lto-conflict': {
    fires: { fixture: 'workspaces/prefer-dynamic-lto', args: ['--workspace', '--release'], env: { RUSTFLAGS: '-C prefer-dynamic' }, package: 'app' },
    quiet: { fixture: 'workspaces/prefer-dynamic-lto', args: ['--workspace', '--release'], why: 'without -C prefer-dynamic, cargo applies LTO only where rustc allows it' }
  },
  'unsupported-crate-type': {
    fires: { fixture: 'workspaces/crt-static-proc-macro', args: ['--workspace'], env: { RUSTFLAGS: '-C target-feature=+crt-static' }, package: 'mac' },
    quiet: {
      fixture: 'workspaces/crt-static-proc-macro',
      args: ['--workspace', '--target', 'x86_64-unknown-linux-gnu'],
      env: { RUSTFLAGS: '-C target-feature=+crt-static' },
      why: 'with --target, RUSTFLAGS no longer reach the proc-macro, which is built for the host'
    }
  },
  'proc-macro-dylib': {
    fires: { fixture: 'workspaces/proc-macro-over-dylib', args: ['-p', 'app'], package: 'app' },
    quiet: {
      fixture: 'workspaces/proc-macro-over-dylib',
      args: ['-p', 'app'],
      edit: { file: 'dy/Cargo.toml', from: 'crate-type = ["dylib"]', to: 'crate-type = ["dylib", "rlib"]' },
      why: 'with an rlib, the proc-macro links the library statically and rustc can load it'
    }
  },
  'duplicate-symbol': {
    fires: { fixture: 'workspaces/dev-dep-cycle-no-mangle', args: ['--command', 'test', '--no-run', '-p', 'ffi'], package: 'ffi' },
    quiet: { fixture: 'workspaces/dev-dep-cycle-no-mangle', args: ['--workspace'], why: 'a plain build has no test harness, so each library is linked once' }
  },
  'runtime-dylib': {
    fires: { fixture: 'workspaces/transitive-dylibs', args: ['-p', 'app'], package: 'app' },
    quiet: {
      fixture: 'workspaces/rpath-bin-dylib',
      args: ['-p', 'app'],
      edit: { file: 'dy/Cargo.toml', from: 'crate-type = ["dylib"]', to: 'crate-type = ["dylib", "rlib"]' },
      why: 'with an rlib beside the dylib the bin links it statically: it loads no Rust library at run time'
    }
  },
  'doctest-runtime': {
    fires: { fixture: 'workspaces/doctest-dynamic-std', args: ['--command', 'test', '-p', 'l'], package: 'l' },
    quiet: { fixture: 'workspaces/doctest-dynamic-std', args: ['--command', 'test', '-p', 'quiet'], why: 'its only example is no_run: compiled, never run' }
  },
  'static-pie-rpath': {
    fires: { fixture: 'workspaces/static-pie-rpath', args: ['-p', 'app'], env: { RUSTFLAGS: '-C target-feature=+crt-static' }, package: 'app' },
    quiet: {
      fixture: 'workspaces/static-pie-rpath',
      args: ['-p', 'app'],
      env: { RUSTFLAGS: '-C target-feature=+crt-static -C relocation-model=static' },
      why: 'a non-PIE static executable ignores its run path and starts'
    }
  },
  'output-filename-collision': {
    fires: { fixture: 'workspaces/output-filename-collision', args: ['--release', '-p', 'app'], package: 'dy' },
    quiet: { fixture: 'workspaces/output-filename-collision', args: ['-p', 'app'], why: 'in the dev profile the host and target copies of the dylib are one unit' }
  },
  'toolchain-unpinned': {
    fires: { fixture: 'policy-rules/unpinned-dylib', args: [], package: '' },
    quiet: { fixture: 'policy-rules/pinned-dylib', args: [], why: 'the workspace pins the exact compiler for the dylib its host loads' }
  },
  'toolchain-mismatch': {
    fires: { fixture: 'policy-rules/pinned-nightly', args: [], env: { RUSTUP_TOOLCHAIN: 'stable' }, package: '' },
    quiet: { fixture: 'policy-rules/pinned-nightly', args: [], nightly: true, why: 'run with the nightly the workspace pins' }
  },
  'panic-strategy-mixed': {
    fires: { fixture: 'policy-rules/panic-test-plugins', args: ['--command', 'test', '--workspace'], package: 'host' },
    quiet: { fixture: 'policy-rules/abort-plugins', args: [], why: 'host and cdylib plugins all abort' }
  },
  'abi-flags-divergent': {
    fires: { fixture: 'policy-rules/target-feature-split', args: ['--target', 'x86_64-unknown-linux-gnu'], package: 'dy' },
    quiet: { fixture: 'policy-rules/target-feature-split', args: [], why: 'without --target the flags reach every unit alike' }
  },
  'multiple-rust-runtimes': {
    fires: { fixture: 'policy-rules/plugins-libloading', args: [], package: 'host' },
    quiet: { fixture: 'quiet/c-plugins', args: [], why: 'the plugins export only `extern "C"` functions of C-compatible types' }
  },
  'global-allocator-ignored': {
    fires: { fixture: 'workspaces/global-allocator-prefer-dynamic', args: [], env: { RUSTFLAGS: '-C prefer-dynamic' }, package: 'app' },
    quiet: { fixture: 'workspaces/global-allocator-prefer-dynamic', args: [], why: 'std linked statically calls the allocator' }
  },
  'global-allocator-split': {
    fires: { fixture: 'policy-rules/allocator-plugin', args: [], package: 'plug_a' },
    quiet: { fixture: 'policy-rules/allocator-host-rlib', args: [], why: 'an allocator in a bin without plugins has one heap' }
  },
  'published-dylib': {
    fires: { fixture: 'policy-rules/published-dylib', args: [], package: 'fast' },
    quiet: { fixture: 'quiet/engine-editor', args: [], why: 'an application’s engine dylib, without the metadata a published crate has' }
  },
  'lto-dynamic-unsound': {
    fires: { fixture: 'policy-rules/lto-dylib', args: ['--release', '-p', 'app', '--target', 'x86_64-pc-windows-msvc'], package: 'dy' },
    quiet: { fixture: 'policy-rules/lto-dylib', args: ['--release', '-p', 'app'], why: 'the same build for Linux' }
  },
  'hot-reload-layout': {
    fires: { fixture: 'policy-rules/hot-reload', args: [], package: 'logic' },
    quiet: { fixture: 'policy-rules/hot-reload-rlib-only', args: [], why: 'a plain library is not reloaded' }
  },
  'unused-allow': {
    fires: { fixture: 'workspaces/plain', args: ['--workspace'], policy: '[[allow]]\nrule = "duplicate-linkage"\nreason = "plugins are loaded, never linked"\n', package: '' },
    quiet: {
      fixture: 'workspaces/bin-dylib',
      args: ['--workspace'],
      policy: '[[allow]]\nrule = "duplicate-linkage"\nreason = "plugins are loaded, never linked"\n',
      why: 'the allow entry matches a finding'
    }
  }
}

let copies = 0
/** The case's workspace: the fixture itself, or a copy with the edit applied. */
function workspaceOf(c: Case): string {
  const fixture = path.join(FIXTURES, c.fixture)
  if (c.edit === undefined) return fixture
  const dir = path.join(tmp, `${path.basename(c.fixture)}-${copies++}`)
  fs.cpSync(fixture, dir, { recursive: true, filter: source => path.basename(source) !== 'target' })
  const file = path.join(dir, c.edit.file)
  const text = fs.readFileSync(file, 'utf8')
  if (!text.includes(c.edit.from)) throw new Error(`${c.fixture}/${c.edit.file} has no \`${c.edit.from}\``)
  fs.writeFileSync(file, text.replace(c.edit.from, c.edit.to))
  return dir
}

async function run(c: Case): Promise<Report> {
  const dir = workspaceOf(c)
  let policy: string | null = null
  if (c.policy !== undefined) fs.writeFileSync((policy = path.join(tmp, `policy-${copies++}.toml`)), c.policy)
  return check({
    manifestPath: path.join(dir, 'Cargo.toml'),
    invocation: parseCliArgs(['--offline', ...c.args]).invocation,
    env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, RUSTC: undefined, RUSTUP_TOOLCHAIN: c.nightly ? 'nightly' : 'stable', ...c.env },
    cwd: dir,
    policy: { policy, defaultPolicy: null, searchFrom: dir },
    rustToolchain: null,
    toolchainDir: dir,
    installToolchain: false,
    failOn: 'never',
    baseline: null
  })
}

const needsNightly = (c: Case): boolean => c.nightly === true && !nightly

describe('every rule fires on its case and stays quiet on its near miss', () => {
  it('the catalogue has every rule of the registry', () => {
    expect([...Object.keys(CATALOGUE), 'dylib-required'].sort()).toEqual(RULES.map(r => r.id).sort())
    // Each rule but the policy's own belongs to one family.
    expect(RULE_FAMILIES.flatMap(f => f.reports).sort()).toEqual(RULES.map(r => r.id).filter(id => id !== 'unused-allow').sort())
  })

  for (const [rule, { fires, quiet }] of Object.entries(CATALOGUE)) {
    const label = (c: Case): string => `${c.fixture}: cargo ${c.args.join(' ')}${c.env ? ` ${JSON.stringify(c.env)}` : ''}${c.edit ? ' (edited)' : ''}`
    ;(needsNightly(fires) ? it.skip : it)(`${rule} fires on ${label(fires)}`, async () => {
      const report = await run(fires)
      const found = report.findings.filter(f => f.rule === rule)
      expect(found.map(f => f.package ?? '')).toContain(fires.package)
      // Verifying fixes skips the families that report no error: every finding is its family's, and no error
      // comes from such a family.
      const misplaced = report.findings.filter(f => {
        const family = RULE_FAMILIES.find(x => x.reports.includes(f.rule as RuleId))
        return family === undefined ? f.rule !== 'unused-allow' : (f.defaultSeverity ?? f.severity) === 'error' && !family.errors
      })
      expect(misplaced).toEqual([])
    })
    ;(needsNightly(quiet) ? it.skip : it)(`${rule} is quiet on ${label(quiet)}: ${quiet.why}`, async () => {
      const report = await run(quiet)
      expect(report.findings.filter(f => f.rule === rule)).toEqual([])
      // The near miss is analysed, not refused: it has artifacts of its own.
      expect(report.artifacts.length).toBeGreaterThan(0)
    })
  }
})

describe('dylib-required', () => {
  // The Linux recording of __tests__/fixtures/portability: a bin `app` over a dylib `dy`.
  const portability = path.join(FIXTURES, 'portability')
  const read = (...parts: string[]): string => fs.readFileSync(path.join(portability, ...parts), 'utf8')
  const repository = '/home/runner/_work/repo/repo'
  const metadata = validateMetadata(JSON.parse(placeRecording(read('metadata.json'), repository)), 'metadata.json')
  const triple = 'x86_64-unknown-linux-gnu'
  const info = toTargetInfo(triple, parseProbe(read(triple, 'probe.stdout'), read(triple, 'probe.stderr'), triple), read(triple, 'libdir.txt').split('\n').filter(Boolean), [])
  const names = profileNameFor('build', false, null)
  const profiles = { manifest: null, manifestFile: 'Cargo.toml', config: mergeCargoConfig([]), env: {} }
  const context = { rustc: parseRustcVersion(read(triple, 'rustc-vV.txt')), host: info, target: info, profile: resolveProfile(names.main, profiles), testProfile: resolveProfile(names.test, profiles) }
  const manifestOf = (file: string) => {
    const rel = path.posix.relative(repository, file)
    return rel.startsWith('..') ? null : parseTomlDocument(read('workspace', rel), file)
  }
  const invocation = defaultInvocation({ command: 'build', packages: ['app'] })
  const linkageOf = () => {
    const app = [...metadata.packages.values()].find(p => p.name === 'app')!
    return resolveLinkage(buildUnitGraph(metadata, context, invocation, [app]), compilerBehaviour(context.rustc, context.host))
  }
  const locator = createLocator(metadata, context, manifestOf)
  const layout = invocationLayout({ metadata, build: context, invocation })

  it("rustc's `lib-required` error for the dylib format names the crate, on the artifact's manifest", () => {
    const linkage = linkageOf()
    const result = linkage.results.find(r => r.unit.pkg.name === 'app')!
    // What rustc reports when a dylib recorded `dy` as linked dynamically and no `libdy.so` is found.
    result.status = 'error'
    result.problems.push({ kind: 'dependency-format', crateType: 'bin', error: { kind: 'lib-required', crate: 'dy', format: 'dylib' } })
    const found = linkageFindings(linkage, locator, metadata, '`cargo test`', layout).filter(f => f.rule === 'dylib-required')
    expect(found.map(f => ({ package: f.package, crates: f.crates, file: f.file, severity: f.severity }))).toEqual([{ package: 'app', crates: ['dy'], file: 'app/Cargo.toml', severity: 'error' }])
  })

  it('a clean build of the same workspace has none', () => {
    expect(linkageFindings(linkageOf(), locator, metadata, '`cargo test`', layout).filter(f => f.rule === 'dylib-required')).toEqual([])
  })
})

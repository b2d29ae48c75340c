/**
 * The quiet corpus: workspaces shaped like sound real projects (`fixtures/quiet`, described in its README),
 * each with every finding it gets written down — no warning or error from the policy rules, notes only where
 * listed — and the risky counterparts (`fixtures/policy-rules`) on which those rules still fire, on the line
 * at fault. A gate that warns on sound projects gets switched off.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import type { Analysis } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const FIXTURES = path.join(HERE, 'fixtures')

const rustup = (() => {
  try {
    execFileSync('rustc', ['+stable', '-vV'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** The policy rules: none may warn or fail on a quiet case. */
const POLICY_RULES = new Set([
  'toolchain-unpinned',
  'toolchain-mismatch',
  'published-dylib',
  'multiple-rust-runtimes',
  'panic-strategy-mixed',
  'abi-flags-divergent',
  'lto-dynamic-unsound',
  'global-allocator-ignored',
  'global-allocator-split',
  'hot-reload-layout'
])

interface Case {
  /** The workspace, relative to __tests__/fixtures. */
  fixture: string
  /** cargo's arguments (`build` unless `--command` says otherwise). */
  args: string[]
  env?: Record<string, string>
  /** Every finding, as `rule severity package file:line` (`-` for a finding about the workspace), in report order. */
  expected: string[]
}

const QUIET: Record<string, Case> = {
  'bevy-style game, engine linked statically': { fixture: 'quiet/bevy-dynamic', args: [], expected: [] },
  'bevy-style game with --features engine/dynamic_linking: the engine dylib is built with the game, only run outside cargo fails': {
    fixture: 'quiet/bevy-dynamic',
    args: ['--features', 'engine/dynamic_linking'],
    expected: ['runtime-dylib warning game Cargo.toml:11']
  },
  'bevy-style game with its dev feature (dev = ["engine/dynamic_linking"])': {
    fixture: 'quiet/bevy-dynamic',
    args: ['--features', 'dev'],
    expected: ['runtime-dylib warning game Cargo.toml:8']
  },
  'libloading host with a #[repr(C)] interface crate and cdylib plugins exporting extern "C" functions': { fixture: 'quiet/c-plugins', args: [], expected: [] },
  'the same host in release': { fixture: 'quiet/c-plugins', args: ['--release'], expected: [] },
  'cdylib + staticlib + rlib C library with cbindgen layout, publishable': { fixture: 'quiet/c-library', args: [], expected: [] },
  'the C library under cargo test': { fixture: 'quiet/c-library', args: ['--command', 'test'], expected: [] },
  'abi_stable-style plugin: a note, as abi_stable checks layouts at load time': {
    fixture: 'quiet/abi-stable-plugin',
    args: [],
    expected: ['multiple-rust-runtimes note host host/Cargo.toml:8']
  },
  'engine dylib + editor bin, the application’s own engine (no published metadata)': {
    fixture: 'quiet/engine-editor',
    args: [],
    expected: ['runtime-dylib warning editor Cargo.toml:7']
  },
  'plain workspace: bins and libs': { fixture: 'quiet/plain', args: [], expected: [] },
  'plain workspace under cargo test': { fixture: 'quiet/plain', args: ['--command', 'test', '--workspace'], expected: [] },
  'plain workspace with -C prefer-dynamic alone': {
    fixture: 'quiet/plain',
    args: [],
    env: { RUSTFLAGS: '-C prefer-dynamic' },
    expected: ['runtime-dylib warning app Cargo.toml:1', 'runtime-dylib warning cli Cargo.toml:1']
  }
}

const RISKY: Record<string, Case> = {
  'libloading host whose plugins export `Box<dyn Trait>` and a Rust-ABI `String` function': {
    fixture: 'policy-rules/plugins-libloading',
    args: [],
    expected: ['multiple-rust-runtimes warning host plug_a/src/lib.rs:10']
  },
  'Rust dylib loaded at run time, no toolchain pin': {
    fixture: 'policy-rules/unpinned-dylib',
    args: [],
    expected: ['multiple-rust-runtimes warning app app/Cargo.toml:7', 'toolchain-unpinned warning - dy/Cargo.toml:7']
  },
  'published dylibs (description and license; publish naming a registry), no toolchain pin': {
    fixture: 'policy-rules/published-dylib',
    args: [],
    expected: ['published-dylib warning fast fast/Cargo.toml:9', 'published-dylib warning internal internal/Cargo.toml:8', 'toolchain-unpinned warning - fast/Cargo.toml:9']
  },
  'mixed panic strategies: cargo test builds the host abort and the plugin unwind': {
    fixture: 'policy-rules/panic-test-plugins',
    args: ['--command', 'test', '--workspace'],
    expected: ['panic-strategy-mixed warning host Cargo.toml:7']
  }
}

async function analyse(c: Case): Promise<Analysis> {
  const dir = path.join(FIXTURES, c.fixture)
  return analyzeWorkspace({
    manifestPath: path.join(dir, 'Cargo.toml'),
    invocation: parseCliArgs(['--offline', ...c.args]).invocation,
    env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, RUSTUP_TOOLCHAIN: rustup ? 'stable' : undefined, ...c.env },
    cwd: dir
  })
}

const shown = (report: Analysis): string[] => report.findings.map(f => `${f.rule} ${f.severity} ${f.package ?? '-'} ${f.file}:${f.line}`)

describe('the quiet corpus: sound shapes get exactly their written-down report', () => {
  for (const [name, c] of Object.entries(QUIET)) {
    it(`${name} (${c.fixture}: cargo ${c.args.join(' ') || 'build'}${c.env ? ` ${JSON.stringify(c.env)}` : ''})`, async () => {
      const report = await analyse(c)
      expect(shown(report)).toEqual(c.expected)
      expect(report.findings.filter(f => POLICY_RULES.has(f.rule) && f.severity !== 'note')).toEqual([])
      expect(report.artifacts.length).toBeGreaterThan(0)
    })
  }
})

describe('their risky counterparts still fire, on the line at fault', () => {
  for (const [name, c] of Object.entries(RISKY)) {
    it(`${name} (${c.fixture}: cargo ${c.args.join(' ') || 'build'})`, async () => {
      expect(shown(await analyse(c))).toEqual(c.expected)
    })
  }
})

describe('the corpus workspaces', () => {
  const root = path.join(FIXTURES, 'quiet')
  const workspaces = fs.readdirSync(root, { withFileTypes: true }).filter(e => e.isDirectory())

  it('are each a case, with a lock file and path dependencies only, and none left a target directory', () => {
    expect(workspaces.map(w => w.name).sort()).toEqual([...new Set(Object.values(QUIET).map(c => path.basename(c.fixture)))].sort())
    for (const w of workspaces) {
      const lock = fs.readFileSync(path.join(root, w.name, 'Cargo.lock'), 'utf8')
      expect({ workspace: w.name, registry: lock.includes('source = ') }).toEqual({ workspace: w.name, registry: false })
      expect({ workspace: w.name, target: fs.existsSync(path.join(root, w.name, 'target')) }).toEqual({ workspace: w.name, target: false })
    }
  })

  it('are described in the README, each with its expected report', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    for (const w of workspaces) expect(readme).toContain(`\`${w.name}\``)
  })
})

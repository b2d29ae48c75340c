/**
 * `duplicate-symbol` on the recorded workspace `dev-dep-cycle-no-mangle` (cargo 1.95): the unit-test harness of
 * a library that exports `#[no_mangle]` functions links a second copy of the library through a dev-dependency
 * that depends back on it. `cargo test -p ffi` fails with "duplicate symbol: ffi_add"; `ffi_quiet` has the same
 * shape and links, because nothing pulls its rlib's object file in — a codegen fact the rule cannot see, so
 * both get the warning. Edited copies of the workspace show the fixes silencing it.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import type { Finding } from '../src/findings/finding.js'
import { analyzeWorkspace } from '../src/run.js'

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'workspaces', 'dev-dep-cycle-no-mangle')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-duplicate-symbol-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let copies = 0
/** A copy of the fixture with `files` (relative paths) replaced. */
function edited(files: Record<string, string>): string {
  const dir = path.join(tmp, `copy-${copies++}`)
  fs.cpSync(FIXTURE, dir, { recursive: true, filter: source => path.basename(source) !== 'target' })
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

async function findings(dir: string, args: string[]): Promise<Finding[]> {
  const [command, ...rest] = args
  const cli = parseCliArgs(['--offline', ...rest, '--command', command!])
  const env = { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined }
  const report = await analyzeWorkspace({ manifestPath: null, invocation: cli.invocation, env, cwd: dir })
  return report.findings.filter(f => f.rule === 'duplicate-symbol')
}

const TEST_FFI = ['test', '--no-run', '-p', 'ffi']

describe('duplicate-symbol on the recorded workspace', () => {
  it('warns on the harness of `ffi`, at the dev-dependency line, naming the chain and the export', async () => {
    const [f, ...more] = await findings(FIXTURE, TEST_FFI)
    expect(more).toEqual([])
    expect(f).toMatchObject({
      severity: 'warning',
      package: 'ffi',
      target: 'ffi',
      kind: 'lib',
      mode: 'test',
      crateType: 'bin',
      crates: ['ffi'],
      file: 'ffi/Cargo.toml',
      line: 10,
      related: [{ file: 'ffi/src/lib.rs', line: 1, message: '`#[no_mangle]` on `ffi_add`, defined by both copies' }],
      inclusion: [{ chain: ['ffi', 'helper'], crate: 'ffi', how: 'static' }]
    })
    expect(f!.message).toContain('test harness of lib `ffi` links a second, static copy of `ffi`')
    expect(f!.message).toContain('the dev-dependency `helper` depends back on it (`ffi` → `helper` → `ffi`)')
    expect(f!.message).toContain('`ffi_add` (`#[no_mangle]` at ffi/src/lib.rs:1)')
    expect(f!.message).toContain('"multiple definition of `ffi_add`"')
    expect(f!.fixes.map(x => x.title).join('\n')).toMatch(/separate crate[\s\S]*not depend back[\s\S]*#\[cfg\(not\(test\)\)\]/)
  })

  it('warns on `ffi_quiet` too: that its harness links depends on codegen units, which the sources do not tell', async () => {
    expect((await findings(FIXTURE, ['test', '--no-run', '-p', 'ffi_quiet'])).map(f => f.package)).toEqual(['ffi_quiet'])
  })

  it('is quiet on a plain build, which has no harness', async () => {
    expect(await findings(FIXTURE, ['build', '--workspace'])).toEqual([])
  })
})

describe('duplicate-symbol follows the sources', () => {
  const lib = (exports: string, rest = ''): string => `${exports}\n\npub fn version() -> u32 {\n    1\n}\n${rest}`

  it('is quiet once the export is gated out of the harness (the fix)', async () => {
    const gated = edited({ 'ffi/src/lib.rs': lib('#[cfg_attr(not(test), unsafe(no_mangle))]\npub extern "C" fn ffi_add(a: i32, b: i32) -> i32 {\n    a + b\n}') })
    expect(await findings(gated, TEST_FFI)).toEqual([])
  })

  it('is quiet when the only export is in a #[cfg(test)] module file, which the rlib copy does not have', async () => {
    const testOnly = edited({
      'ffi/src/lib.rs': lib('pub extern "C" fn ffi_add(a: i32, b: i32) -> i32 {\n    a + b\n}', '\n#[cfg(test)]\nmod tests;\n'),
      'ffi/src/tests.rs': '#[no_mangle]\nextern "C" fn test_hook() {}\n'
    })
    expect(await findings(testOnly, TEST_FFI)).toEqual([])
  })

  it('finds an #[unsafe(export_name)] in a module file, and points at it', async () => {
    const moved = edited({
      'ffi/src/lib.rs': lib('mod exports;\npub use exports::ffi_add;'),
      'ffi/src/exports.rs': '// The C interface.\n#[unsafe(export_name = "ffi_add_v2")]\npub extern "C" fn ffi_add(a: i32, b: i32) -> i32 {\n    a + b\n}\n'
    })
    const found = await findings(moved, TEST_FFI)
    expect(found.map(f => f.related)).toEqual([[{ file: 'ffi/src/exports.rs', line: 2, message: '`#[export_name = "ffi_add_v2"]` on `ffi_add_v2`, defined by both copies' }]])
    expect(found[0]!.message).toContain('"multiple definition of `ffi_add_v2`"')
  })
})

import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import type { Finding } from '../src/findings/finding.js'
import type { Analysis } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'
import { tempWorkspace } from './support/temp-workspace.js'

/** What a user reads: which artifact fails, the crate named, the file and line at fault, and the fixes. */
const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'workspaces')

async function analyse(fixture: string, args: string[], env: Record<string, string> = {}): Promise<Analysis> {
  const cli = parseCliArgs(args)
  return analyzeWorkspace({
    manifestPath: path.join(ROOT, fixture, 'Cargo.toml'),
    invocation: cli.invocation,
    env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, ...env },
    cwd: path.join(ROOT, fixture)
  })
}

function only(report: Analysis, rule: string): Finding {
  const found = report.findings.filter(f => f.rule === rule)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('findings', () => {
  it('duplicate-linkage names std, both ways it gets in, and the dylib crate-type line', async () => {
    const report = await analyse('bin-dylib', ['--workspace'])
    const f = only(report, 'duplicate-linkage')
    expect(f).toMatchObject({ severity: 'error', package: 'app', target: 'app', kind: 'bin', crates: ['std'], file: 'dy/Cargo.toml', line: 7 })
    expect(f.message).toMatch(/dynamically as `libstd-[0-9a-f]+\.so`/)
    expect(f.message).toContain('statically inside dylib `dy`')
    // Each fix verified by analysing the invocation again with it applied: smallest change first.
    expect(f.fixes.map(x => [x.kind, x.verified])).toEqual([
      ['manifest-edit', true],
      ['command', true],
      ['command', true],
      ['flag', true]
    ])
    expect(f.fixes[0]!.edits).toEqual([{ file: 'dy/Cargo.toml', line: 7, before: 'crate-type = ["dylib"]', after: 'crate-type = ["dylib", "rlib"]' }])
    expect(f.fixes[1]!.command).toEqual(['cargo', 'build', '--package', 'app'])
    expect(f.fixes[2]!.command).toEqual(['cargo', 'build', '--workspace', '--exclude', 'dy'])
    expect(f.fixes[3]!.title).toContain('RUSTFLAGS="-C prefer-dynamic"')
    expect(report.findings.filter(x => x.severity === 'error').map(x => x.rule)).toEqual(['duplicate-linkage'])
  })

  it('an artifact with two errors gets, on each, the one fix that makes it link: verified, with its edit', async () => {
    // `panic = "abort"` and a dylib: the bin has both a duplicated std and two panic runtimes. `panic = "unwind"`
    // alone leaves the duplicate; `"rlib"` for the dylib links everything statically, abort included.
    const report = await analyse('panic-abort-dylib', ['--workspace'])
    const errors = report.findings.filter(f => f.severity === 'error')
    expect(errors.map(f => f.rule)).toEqual(['duplicate-linkage', 'panic-strategy'])
    for (const f of errors) {
      expect(f.fixes.filter(x => x.verified)).toEqual([
        expect.objectContaining({ kind: 'manifest-edit', edits: [{ file: 'dy/Cargo.toml', line: 7, before: 'crate-type = ["dylib"]', after: 'crate-type = ["dylib", "rlib"]' }] })
      ])
    }
  })

  it('duplicate-linkage of a shared rlib names that rlib, not std', async () => {
    const f = only(await analyse('two-dylibs-shared-rlib', ['-p', 'app']), 'duplicate-linkage')
    expect(f.crates).toEqual(['common'])
    expect(f.message).toContain('statically inside dylib `da` and statically inside dylib `db`')
    expect(f).toMatchObject({ file: 'da/Cargo.toml', line: 7 })
  })

  it('the plugin-engine example: std and engine_api twice for the workspace, engine_api alone for -p host', async () => {
    const example = path.join(ROOT, '..', '..', '..', 'examples', 'plugin-engine')
    const run = (args: string[]) =>
      analyzeWorkspace({ manifestPath: path.join(example, 'Cargo.toml'), invocation: parseCliArgs(args).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: example })
    const workspace = only(await run([]), 'duplicate-linkage')
    expect(workspace.crates).toEqual(['std', 'engine_api'])
    expect(workspace.message).toContain('`engine_api` would be included twice as well')
    const host = only(await run(['-p', 'host']), 'duplicate-linkage')
    expect(host.crates).toEqual(['engine_api'])
    // The plugins are optional: the finding points at the feature that turns the first one on.
    expect(host).toMatchObject({ file: 'host/Cargo.toml', line: 8, related: [{ file: 'plugin_audio/Cargo.toml', line: 7, message: '`crate-type` of `plugin_audio`' }] })
    expect(host.inclusion?.find(p => p.chain.includes('plugin_audio'))?.features).toEqual([
      { from: 0, by: 'feature', package: 'host', name: 'audio', text: 'audio = ["dep:plugin_audio"]', file: 'host/Cargo.toml', line: 8 }
    ])
  })

  it('a dylib behind a feature: the finding points at the manifest line that turns it on, and the path says so', async () => {
    // app's `fast = ["lib_a/dy"]` turns on lib_a's `dy = ["dep:dylib_part"]`.
    const fast = only(await analyse('features-cli', ['-p', 'app', '--features', 'fast']), 'runtime-dylib')
    expect(fast).toMatchObject({ file: "app/Cargo.toml", line: 7 })
    expect(fast.inclusion).toEqual([
      {
        chain: ['app', 'lib_a'],
        crate: 'dylib_part',
        how: 'dynamic',
        file: 'libdylib_part.so',
        features: [{ from: 1, by: 'feature', package: 'app', name: 'fast', text: 'fast = ["lib_a/dy"]', file: 'app/Cargo.toml', line: 7, commandLine: '--features fast' }]
      }
    ])
    // Asked for on the command line directly: lib_a's own entry, and the request.
    const direct = only(await analyse('features-cli', ['-p', 'app', '--features', 'lib_a/dy']), 'runtime-dylib')
    expect(direct).toMatchObject({ file: 'lib_a/Cargo.toml', line: 8 })
    expect(direct.inclusion?.[0]?.features?.[0]).toMatchObject({ by: 'feature', package: 'lib_a', name: 'dy', commandLine: '--features lib_a/dy' })
    // Without the feature there is no dylib and nothing to say.
    expect((await analyse('features-cli', ['-p', 'app'])).findings.filter(f => f.rule === 'runtime-dylib')).toEqual([])
  })

  it("a feature another member enables: the workspace build points at that member's dependency line", async () => {
    const report = await analyse('features-bevy-style', ['--workspace'])
    const game = report.findings.find(f => f.rule === 'duplicate-linkage' && f.package === 'game')!
    expect(game).toMatchObject({ file: 'devtools/Cargo.toml', line: 7, related: [{ file: 'engine_dylib/Cargo.toml', line: 7 }] })
    expect(game.inclusion?.find(p => p.how === 'inside-dylib')).toMatchObject({
      chain: ['game', 'engine', 'engine_dylib'],
      features: [{ from: 1, by: 'dependency', package: 'devtools', name: 'engine', text: 'features = ["dynamic_linking"]', file: 'devtools/Cargo.toml', line: 7 }]
    })
  })

  it('a package with different features for target and host: one build script per feature set, the failing one named by its features', async () => {
    const report = await analyse('features-host-side-units', ['-p', 'app2'])
    const scripts = report.artifacts.filter(a => a.package === 'tool' && a.kind === 'custom-build')
    expect(scripts.map(a => [a.features, a.status])).toEqual([
      [['b'], 'error'],
      [[], 'ok']
    ])
    const f = only(report, 'duplicate-linkage')
    expect(f.message).toMatch(/^build script of `tool` \(with feature `b`\) cannot link: `base` would be included twice/)
    // The feature that turns the optional build-dependency `dy` on: app2's dependency on tool with `b`.
    expect(f).toMatchObject({ crates: ['base'], file: 'app2/Cargo.toml', line: 7, related: [{ file: 'dy/Cargo.toml', line: 7 }] })
    // The host side's tool, which app2's own build script links, builds.
    expect(report.artifacts.filter(a => a.package === 'tool' && a.kind === 'lib').map(a => [a.platform, a.status])).toEqual([
      ['host', 'ok'],
      ['target', 'blocked']
    ])
  })

  it('a proc-macro on the command line uses the host side features: no dylib another member turns on', async () => {
    const report = await analyse('features-host-side-units', ['-p', 'app', '-p', 'pm'])
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([])
    const pm = report.artifacts.find(a => a.package === 'pm')!
    expect(pm.linkage.map(l => l.crate)).not.toContain('dy')
    expect(report.artifacts.filter(a => a.package === 'common').map(a => [a.platform, a.features])).toEqual([
      ['host', []],
      ['target', ['f']]
    ])
  })

  it('static-pie-rpath: a crt-static build script with a run path crashes when cargo runs it, and its package is never built', async () => {
    const report = await analyse('static-pie-rpath', ['--workspace'], { RUSTFLAGS: '-C target-feature=+crt-static' })
    const found = report.findings.filter(f => f.rule === 'static-pie-rpath')
    expect(found.map(f => [f.package, f.kind])).toEqual([
      ['app', 'bin'],
      ['tool', 'custom-build']
    ])
    const script = found[1]!
    expect(script).toMatchObject({ severity: 'error', file: 'Cargo.toml', line: 6 })
    expect(script.message).toContain('build script of `tool` is linked as a static-pie executable (`-C target-feature=+crt-static` from `RUSTFLAGS`)')
    expect(script.fixes.map(x => x.title).join('\n')).toContain('--target <triple>')
    expect(report.artifacts.filter(a => a.package !== 'app').map(a => [a.package, a.kind, a.status])).toEqual([
      ['app2', 'bin', 'blocked'],
      ['tool', 'custom-build', 'ok'],
      ['tool', 'lib', 'blocked']
    ])
    // Without RUSTFLAGS nothing is static: no finding.
    expect((await analyse('static-pie-rpath', ['--workspace'])).findings.filter(f => f.rule === 'static-pie-rpath')).toEqual([])
  })

  it('runtime-dylib lists every shared library the bin needs, transitively', async () => {
    const f = only(await analyse('transitive-dylibs', ['-p', 'app']), 'runtime-dylib')
    expect(f.severity).toBe('warning')
    expect(f.crates.slice(0, 3)).toEqual(['libp.so', 'libq.so', 'libr.so'])
    expect(f.crates[3]).toMatch(/^libstd-[0-9a-f]+\.so$/)
    expect(f.message).toContain('no rpath')
  })

  it("runtime-dylib is a note for a proc-macro's test harness, which only cargo test runs", async () => {
    const f = only(await analyse('proc-macro-test-harness', ['--command', 'test', '--workspace']), 'runtime-dylib')
    expect(f).toMatchObject({ severity: 'note', package: 'mac', kind: 'proc-macro', mode: 'test' })
  })

  it('an example with crate type proc-macro is a proc-macro: its test harness, in `examples/`, gets the same note', async () => {
    const report = await analyse('port-cargo-proc-macro-examples', ['--command', 'test', '--target', 'x86_64-unknown-linux-gnu'])
    const f = only(report, 'runtime-dylib')
    expect(f).toMatchObject({ severity: 'note', package: 'foo', target: 'tested', kind: 'example', mode: 'test', platform: 'host' })
    expect(f.message).toContain('run directly, from `target/debug/examples/` or copied elsewhere')
  })

  it('an example that lists proc-macro with other crate types is refused when it is built, as rustc refuses it', async () => {
    const files = {
      'Cargo.toml': '[package]\nname = "foo"\nversion = "0.1.0"\nedition = "2021"\n\n[[example]]\nname = "ex"\ncrate-type = ["proc-macro", "rlib"]\n',
      'src/lib.rs': '',
      'examples/ex.rs': 'extern crate proc_macro;\n'
    }
    const ws = tempWorkspace('rlg-mixed-', files, { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined })
    try {
      const words = 'cannot mix `proc-macro` crate type with others'
      await expect(ws.analyse(['--examples'])).rejects.toThrow(`${ws.manifestPath}: example \`ex\` of package \`foo\` has \`crate-type = ["proc-macro", "rlib"]\``)
      await expect(ws.analyse(['--examples'])).rejects.toThrow(words)
      const build = ws.cargo(['build', '--examples'])
      expect([build.status, build.stderr.includes(words)]).toEqual([101, true])
      // Only building it fails: the library alone builds.
      expect((await ws.analyse([])).artifacts.map(a => a.target)).toEqual(['foo'])
      expect(ws.cargo(['build']).status).toBe(0)
    } finally {
      ws.remove()
    }
  })

  it("runtime-dylib names the directory the build really puts the binary in: the config's `build.target-dir`, `CARGO_TARGET_DIR` over it", async () => {
    const files = {
      'Cargo.toml': '[workspace]\nmembers = ["dy", "app"]\nresolver = "2"\n',
      '.cargo/config.toml': '[build]\ntarget-dir = "out"\n',
      'dy/Cargo.toml': '[package]\nname = "dy"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n',
      'dy/src/lib.rs': 'pub fn one() -> u32 { 1 }\n',
      'app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndy = { path = "../dy" }\n',
      'app/src/main.rs': 'fn main() { println!("{}", dy::one()); }\n'
    }
    const quiet = { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, CARGO_BUILD_TARGET_DIR: undefined, CARGO_BUILD_BUILD_DIR: undefined }
    for (const [env, where] of [
      [{ ...quiet, CARGO_TARGET_DIR: undefined }, 'out/debug'],
      [{ ...quiet, CARGO_TARGET_DIR: 'elsewhere' }, 'elsewhere/debug']
    ] as const) {
      const ws = tempWorkspace('rlg-target-dir-', files, env)
      try {
        // cargo resolves a relative CARGO_TARGET_DIR against the directory it runs in, as the analysis does.
        const f = only(await ws.analyse(['-p', 'app']), 'runtime-dylib')
        expect(f.message).toContain(`but run directly, from \`${where}/\` or copied elsewhere, it fails with "error while loading shared libraries"`)
        expect(ws.cargo(['build', '-p', 'app']).status).toBe(0)
        const run = spawnSync(path.join(ws.dir, where, 'app'), { encoding: 'utf8', env: { PATH: process.env.PATH } })
        expect([run.status, run.stderr]).toEqual([127, expect.stringContaining('error while loading shared libraries')])
      } finally {
        ws.remove()
      }
    }
  })

  it('runtime-dylib with rpath set: a note that the bin starts in place but not copied elsewhere', async () => {
    const report = await analyse('rpath-bin-dylib', ['-p', 'app'])
    const f = only(report, 'runtime-dylib')
    expect(f.severity).toBe('note')
    expect(f.startup?.inPlace).toEqual([])
    // libstd too, unless the rpath to the toolchain climbs to `/` (this checkout and the toolchain share only the root).
    expect(f.startup?.copiedAlone).toContain('libdy.so')
    expect(f.message).toContain('through its rpath, but copied elsewhere it fails')
    expect(report.artifacts.find(a => a.kind === 'bin')).toMatchObject({ rpath: true })
  })

  it('rlib-required points at the dylib-only crate', async () => {
    const f = only(await analyse('staticlib-over-dylib', ['-p', 'st']), 'rlib-required')
    expect(f).toMatchObject({ package: 'st', crateType: 'staticlib', crates: ['dy'], file: 'dy/Cargo.toml', line: 7 })
  })

  it('panic-strategy points at the profile line and blocks the bin', async () => {
    const report = await analyse('panic-abort-dylib', ['-p', 'app'])
    const f = only(report, 'panic-strategy')
    expect(f).toMatchObject({ package: 'dy', crates: ['panic_unwind'], file: 'Cargo.toml', line: 6 })
    expect(report.artifacts.find(a => a.package === 'app')).toMatchObject({
      status: 'blocked',
      blockedBy: [{ package: 'dy', target: 'dy', kind: 'lib', mode: 'build' }]
    })
    // A blocked artifact is not reported a second time.
    expect(report.findings.filter(x => x.package === 'app')).toEqual([])
  })

  it('no-linkable-lib points at the dependency line', async () => {
    const report = await analyse('cdylib-only-dependency', ['-p', 'app'])
    const f = only(report, 'no-linkable-lib')
    expect(f).toMatchObject({ package: 'app', crates: ['cd'], file: 'app/Cargo.toml', line: 7 })
  })

  it('lto-conflict with prefer-dynamic from RUSTFLAGS fails each LTO artifact', async () => {
    const report = await analyse('prefer-dynamic-lto', ['--workspace', '--release'], { RUSTFLAGS: '-C prefer-dynamic' })
    const lto = report.findings.filter(f => f.rule === 'lto-conflict')
    expect(lto.map(f => `${f.package}:${f.crateType}`).sort()).toEqual(['app:bin', 'cd:cdylib', 'st:staticlib'])
    expect(lto[0]!.message).toContain('cannot prefer dynamic linking when performing LTO')
  })

  it("lto-conflict says where each side comes from: the profile's `-C lto` against `-C embed-bitcode=no` in the rustflags", async () => {
    const report = await analyse('prefer-dynamic-lto', ['--workspace', '--release'], { RUSTFLAGS: '-C embed-bitcode=no' })
    const lto = report.findings.filter(f => f.rule === 'lto-conflict')
    expect(lto.map(f => `${f.package}:${f.crateType}`).sort()).toEqual(['app:bin', 'cd:cdylib', 'st:staticlib'])
    for (const f of lto) {
      expect(f.message).toContain("the profile's `lto` setting makes cargo pass `-C lto`, but rustflags ask for `-C embed-bitcode=no`")
      expect(f.fixes.map(x => x.title)).toEqual(['Remove `-C embed-bitcode=no` from the rustflags: cargo already leaves the bitcode out where LTO does not use it.'])
    }
  })

  it('unsupported-crate-type is an error when every crate type is dropped', async () => {
    const report = await analyse('crt-static-proc-macro', ['--workspace'], { RUSTFLAGS: '-C target-feature=+crt-static' })
    const f = only(report, 'unsupported-crate-type')
    expect(f).toMatchObject({ severity: 'error', package: 'mac', kind: 'proc-macro' })
    expect(report.artifacts.filter(a => a.status === 'blocked').map(a => a.package).sort()).toEqual(['app', 'util'])
  })

  it('a clean workspace has no findings and every artifact is ok', async () => {
    const report = await analyse('plain', ['--workspace'])
    expect(report.findings).toEqual([])
    expect(report.artifacts.every(a => a.status === 'ok')).toBe(true)
    // The stale-build note concerns dylibs, and this workspace builds none.
    expect(report.notes).toEqual([])
    expect((await analyse('bin-dylib', ['--workspace'])).notes.some(n => n.startsWith('Verdicts describe a clean build'))).toBe(true)
  })

  it('proc-macro-dylib: the user of a proc-macro over a dylib, on its dependency line; an rlib crate type fixes it, and cargo builds', async () => {
    const f = only(await analyse('proc-macro-over-dylib', ['-p', 'app']), 'proc-macro-dylib')
    expect(f).toMatchObject({ severity: 'error', package: 'app', target: 'app', kind: 'bin', file: 'app/Cargo.toml', line: 7 })
    expect(f.message).toContain('proc-macro `mac` links `libdy.so` dynamically')
    expect(f.message).toContain("can't find crate for `mac`")
    expect(f.fixes[0]).toMatchObject({ kind: 'manifest-edit', verified: true, edits: [{ file: 'dy/Cargo.toml', line: 7, before: 'crate-type = ["dylib"]', after: 'crate-type = ["dylib", "rlib"]' }] })

    // The fix as a user applies it: `dy` also an rlib. The finding goes, and real cargo agrees.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-proc-macro-fix-'))
    try {
      fs.cpSync(path.join(ROOT, 'proc-macro-over-dylib'), dir, { recursive: true, filter: source => !source.includes(`${path.sep}target`) })
      const manifest = path.join(dir, 'dy', 'Cargo.toml')
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('crate-type = ["dylib"]', 'crate-type = ["dylib", "rlib"]'))
      const fixed = await analyzeWorkspace({ manifestPath: path.join(dir, 'Cargo.toml'), invocation: parseCliArgs(['-p', 'app']).invocation, env: { ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined }, cwd: dir })
      expect(fixed.findings.filter(x => x.severity === 'error')).toEqual([])
      const env = { ...process.env, RUSTFLAGS: '', CARGO_TARGET_DIR: path.join(dir, 'target') }
      const build = spawnSync('cargo', ['build', '-p', 'app', '--offline', '--quiet'], { cwd: dir, env, encoding: 'utf8' })
      expect({ status: build.status, stderr: build.stderr }).toEqual({ status: 0, stderr: '' })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

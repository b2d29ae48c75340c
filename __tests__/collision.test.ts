/**
 * `output-filename-collision` (src/rules/collision.ts): the files two units of one build both write, as cargo's
 * `check_collisions` finds them. Checked against every recorded fixture case in fixtures.test.ts (the engine
 * must predict exactly the paths of cargo's "output filename collision" warnings, and none where cargo printed
 * none), in detail on
 * the three workspaces recorded for it, and on synthetic unit graphs for what no recording on this machine
 * shows (registry packages, `__CARGO_DEFAULT_LIB_METADATA`, Windows file names, test harnesses under
 * `panic = "abort"`).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import type { CrateType } from '../src/model/crate-type.js'
import type { Package, Target } from '../src/model/metadata.js'
import type { ProfileSettings } from '../src/model/profile.js'
import type { Unit } from '../src/model/unit-graph.js'
import type { Analysis } from '../src/report/report.js'
import { outputCollisions } from '../src/rules/collision.js'
import type { RuleContext } from '../src/rules/context.js'
import { analyzeWorkspace } from '../src/run.js'

const RULE = 'output-filename-collision'
const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'workspaces')

interface RecordedCase {
  args: string[]
  env?: Record<string, string>
  cwd?: string
  setup?: unknown[]
  toolchain?: string
  cargoWarnings?: string[]
}

async function analyse(fixture: string, args: string[], extra: Omit<RecordedCase, 'args'> = {}): Promise<Analysis> {
  const [command, ...rest] = args
  const cli = parseCliArgs([...rest, '--command', command!])
  const env = { ...process.env, ...extra.env, ...(extra.toolchain ? { RUSTUP_TOOLCHAIN: extra.toolchain } : {}) }
  return analyzeWorkspace({ manifestPath: null, invocation: cli.invocation, env, cwd: path.join(ROOT, fixture, extra.cwd ?? '') })
}

const collisions = (a: Analysis) => a.findings.filter(f => f.rule === RULE)


describe('a dylib built for the host and for the target (fixture output-filename-collision)', () => {
  it('in a release build: one warning on the target copy, at the build-dependency that brings in the host copy; no verdict changes', async () => {
    const a = await analyse('output-filename-collision', ['build', '--release', '-p', 'app'])
    const [f, ...more] = collisions(a)
    expect(more).toEqual([])
    expect(f).toMatchObject({ severity: 'warning', package: 'dy', target: 'dy', kind: 'lib', mode: 'build', crateType: 'dylib', platform: 'target', crates: ['dy'] })
    // `dy = { path = "../dy" }` under `[build-dependencies]`; the related line is dy's `crate-type`.
    expect({ file: f!.file, line: f!.line }).toEqual({ file: 'app/Cargo.toml', line: 10 })
    expect(f!.related).toEqual([expect.objectContaining({ file: 'dy/Cargo.toml', line: 7 })])
    expect(f!.message).toContain('dylib `dy` (built for the target) and dylib `dy` (built for the host)')
    expect(f!.message).toContain('`opt-level = 0` and `[profile.release.build-override]`')
    expect(f!.message).toContain('depends on which unit finishes last')
    expect(f!.fixes[0]!.title).toContain(`--target ${a.toolchain.host}`)
    // The outcome is a race: every unit keeps the verdict the linkage rules give it.
    expect(a.artifacts.map(x => x.status)).toEqual(a.artifacts.map(() => 'ok'))
  })

  it('in the dev profile the two copies are one unit: nothing to report', async () => {
    expect(collisions(await analyse('output-filename-collision', ['build', '-p', 'app']))).toEqual([])
  })

  it('with --target, host units are built in target/release and target units in target/<triple>/release: no collision', async () => {
    const host = (await analyse('output-filename-collision', ['build', '-p', 'app'])).toolchain.host
    expect(collisions(await analyse('output-filename-collision', ['build', '--release', '-p', 'app', '--target', host]))).toEqual([])
  })
})

describe('two versions of one dylib crate (fixture dylib-two-versions)', () => {
  it('names both versions and says the binary may run the wrong one, at the `crate-type` line of each', async () => {
    const [f, ...more] = collisions(await analyse('dylib-two-versions', ['build', '-p', 'app']))
    expect(more).toEqual([])
    expect(f).toMatchObject({ severity: 'warning', package: 'dy', crateType: 'dylib', crates: ['dy'], file: 'dy-v1/Cargo.toml', line: 7 })
    expect(f!.related).toEqual([expect.objectContaining({ file: 'dy-v2/Cargo.toml', line: 7 })])
    expect(f!.message).toContain('dylib `dy` of `dy 1.0.0` and dylib `dy` of `dy 2.0.0` write the same files')
    expect(f!.message).toContain('silently runs one of them in place of the other')
  })

  it('is quiet when the build has one version only', async () => {
    expect(collisions(await analyse('dylib-two-versions', ['build', '-p', 'solo']))).toEqual([])
  })
})

describe('two bins of one name in two packages (fixture bin-name-collision)', () => {
  it('under --workspace: the uplifted target/debug/tool is either one', async () => {
    const [f, ...more] = collisions(await analyse('bin-name-collision', ['build', '--workspace']))
    expect(more).toEqual([])
    expect(f).toMatchObject({ package: 'alpha', target: 'tool', kind: 'bin', crateType: 'bin', file: 'alpha/Cargo.toml' })
    expect(f!.message).toContain('bin `tool` of package `alpha` and bin `tool` of package `beta`')
    expect(f!.message).toContain('`cargo run` and anything that starts or ships `target/debug/tool` may get the other one')
  })
})

describe('crate types of one target that share a file (fixture crate-type-collision)', () => {
  it('an example that is a dylib and a cdylib: the file holds the crate type rustc links last, as a real build shows', async () => {
    const fixture = path.join(ROOT, 'crate-type-collision')
    const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-crate-type-collision-'))
    try {
      const build = spawnSync('cargo', ['build', '-p', 'exdc', '--examples', '--offline'], { cwd: fixture, env: { ...process.env, CARGO_TARGET_DIR: targetDir }, encoding: 'utf8' })
      expect(build.status).toBe(0)
      const found = collisions(await analyse('crate-type-collision', ['build', '-p', 'exdc', '--examples']))
      expect(found.map(f => [f.target, f.file, f.line])).toEqual([
        ['ce', 'exdc/Cargo.toml', 14],
        ['ex', 'exdc/Cargo.toml', 10]
      ])
      for (const f of found) {
        // A Rust dylib carries its crate metadata in a `.rustc` section; a cdylib has none.
        const file = fs.readFileSync(path.join(targetDir, 'debug', 'examples', `lib${f.target}.so`))
        const kept = file.includes('\0.rustc\0') ? 'dylib' : 'cdylib'
        expect(f.message).toContain(`so the files hold the \`${kept}\``)
        const listed = f.target === 'ex' ? '`dylib` and `cdylib`' : '`cdylib` and `dylib`'
        expect(f.fixes.map(x => x.title)).toEqual([`Keep one of ${listed} in the \`crate-type\` of \`${f.target}\`, and build the other from an \`[[example]]\` of another name with the same \`path\`.`])
      }
    } finally {
      fs.rmSync(targetDir, { recursive: true, force: true })
    }
  })

  it('a library that lists `lib` and `rlib`: one library written twice, nothing lost, one crate type to keep', async () => {
    const [f, ...more] = collisions(await analyse('crate-type-collision', ['build', '-p', 'lr']))
    expect(more).toEqual([])
    expect(f).toMatchObject({ package: 'lr', target: 'lr', file: 'lr/Cargo.toml', line: 9 })
    expect(f!.message).toContain('`target/debug/deps/liblr-<hash>.rlib` and `target/debug/liblr.rlib`')
    expect(f!.message).toContain('nothing is lost')
    expect(f!.fixes.map(x => x.title)).toEqual(['List each crate type once (`lib` is the `rlib`): `crate-type = ["rlib"]`.'])
  })
})

// ---------------------------------------------------------------------------------------------------
// Synthetic unit graphs: what the recordings on one Linux machine cannot show.

const LINUX = { bin: '___', rlib: 'lib___.rlib', dylib: 'lib___.so', cdylib: 'lib___.so', staticlib: 'lib___.a', 'proc-macro': 'lib___.so' }
const MSVC = { bin: '___.exe', rlib: 'lib___.rlib', dylib: '___.dll', cdylib: '___.dll', staticlib: '___.lib', 'proc-macro': '___.dll' }

function pkg(name: string, version = '0.1.0', source: string | null = null): Package {
  return { id: `${name}@${version}`, name, version, source, targets: [] } as unknown as Package
}

function target(name: string, kind: Target['kind'], crateTypes: CrateType[]): Target {
  return { name, kind, crateTypes, srcPath: '', test: true, requiredFeatures: [] } as unknown as Target
}

interface UnitSpec {
  pkg: Package
  target: Target
  kind?: 'host' | 'target'
  mode?: 'build' | 'test'
  panic?: 'unwind' | 'abort'
  panicSource?: Unit['panicSource']
  root?: boolean
  deps?: Unit[]
  triple?: string
  fileNames?: Partial<Record<CrateType, string>>
}

function graphOf(specs: UnitSpec[]): Unit[] {
  return specs.map((s, index) => ({
    index,
    pkg: s.pkg,
    target: s.target,
    mode: s.mode ?? 'build',
    kind: s.kind ?? 'target',
    crateTypes: s.mode === 'test' ? ['bin'] : s.target.crateTypes,
    panic: s.panic ?? 'unwind',
    panicSource: s.panicSource ?? (s.kind === 'host' ? 'forced-unwind' : 'default'),
    targetInfo: { triple: s.triple ?? 'x86_64-unknown-linux-gnu', fileNames: s.fileNames ?? LINUX },
    crates: (s.deps ?? []).map(unit => ({ unit, externName: unit.target.name, edge: 'normal', platform: null })),
    buildsAfter: [],
    root: s.root ?? false
  })) as unknown as Unit[]
}

function profile(name: string, panic: 'unwind' | 'abort' = 'unwind'): ProfileSettings {
  return { name, panic, lto: 'false', rpath: false, sources: {} }
}

function paths(units: Unit[], opts: { profile?: ProfileSettings; target?: string | null; command?: 'build' | 'test'; defaultLibMetadata?: boolean } = {}): string[][] {
  const p = opts.profile ?? profile('dev')
  const ctx = {
    graph: { units, roots: units.filter(u => u.root), warnings: [] },
    build: { profile: p, testProfile: p },
    invocation: { command: opts.command ?? 'build', target: opts.target ?? null }
  } as unknown as Pick<RuleContext, 'graph' | 'build' | 'invocation'>
  return outputCollisions(ctx, { defaultLibMetadata: opts.defaultLibMetadata }).map(c => c.paths)
}

describe('outputCollisions on synthetic graphs', () => {
  const dy = pkg('dy')
  const dylib = target('dy', 'lib', ['dylib'])
  const hostAndTarget = (over: Partial<UnitSpec> = {}) => graphOf([
    { pkg: dy, target: dylib, kind: 'target', ...over },
    { pkg: dy, target: dylib, kind: 'host', ...over }
  ])

  it('release: host and target copies of a path dylib collide in deps/ and where the dylib is uplifted', () => {
    expect(paths(hostAndTarget(), { profile: profile('release') })).toEqual([
      ['release/deps/libdy.so', 'release/deps/libdy.so.dwp', 'release/libdy.so', 'release/libdy.so.dwp']
    ])
  })

  it('a custom profile is not known to separate them (its opt-level is not read): quiet', () => {
    expect(paths(hostAndTarget(), { profile: profile('dist') })).toEqual([])
  })

  it('__CARGO_DEFAULT_LIB_METADATA hashes the names in deps/: only the uplifted copies collide', () => {
    expect(paths(hostAndTarget(), { profile: profile('release'), defaultLibMetadata: true })).toEqual([['release/libdy.so', 'release/libdy.so.dwp']])
  })

  it('registry dylibs are hashed in deps/, but two versions still share the uplifted name', () => {
    const v1 = pkg('dy', '1.0.0', 'registry+https://github.com/rust-lang/crates.io-index')
    const v2 = pkg('dy', '2.0.0', 'registry+https://github.com/rust-lang/crates.io-index')
    expect(paths(graphOf([{ pkg: v1, target: dylib }, { pkg: v2, target: dylib }]))).toEqual([['debug/libdy.so', 'debug/libdy.so.dwp']])
  })

  it('a cdylib+rlib is not uplifted unless requested, and its rlib has no hash either', () => {
    const cd = target('dy', 'lib', ['cdylib', 'rlib'])
    expect(paths(graphOf([{ pkg: dy, target: cd, kind: 'target' }, { pkg: dy, target: cd, kind: 'host' }]), { profile: profile('release') })).toEqual([
      ['release/deps/libdy.rlib', 'release/deps/libdy.so', 'release/deps/libdy.so.dwp']
    ])
  })

  it('rlibs and proc-macros always carry the hash: nothing collides', () => {
    const util = target('util', 'lib', ['lib'])
    const mac = target('mac', 'proc-macro', ['proc-macro'])
    expect(paths(graphOf([{ pkg: pkg('util'), target: util }, { pkg: pkg('util'), target: util, kind: 'host' }]), { profile: profile('release') })).toEqual([])
    expect(paths(graphOf([{ pkg: pkg('mac'), target: mac, kind: 'host' }, { pkg: pkg('mac', '0.2.0'), target: mac, kind: 'host' }]))).toEqual([])
  })

  it('Windows MSVC: the DLL, its import library, export file and PDB', () => {
    expect(paths(hostAndTarget({ triple: 'x86_64-pc-windows-msvc', fileNames: MSVC }), { profile: profile('release') })).toEqual([
      ['release/deps/dy.dll', 'release/deps/dy.dll.exp', 'release/deps/dy.dll.lib', 'release/deps/dy.pdb', 'release/dy.dll', 'release/dy.dll.exp', 'release/dy.dll.lib', 'release/dy.pdb']
    ])
  })

  it('--target: host and target copies live in different directories', () => {
    expect(paths(hostAndTarget(), { profile: profile('release'), target: 'x86_64-unknown-linux-gnu' })).toEqual([])
  })

  it('copies whose dependencies differ are two units (`dep_hash`), even in dev', () => {
    // With resolver 2 the host copy may link a dependency (a feature turned on by a build-dependency) the
    // target copy does not.
    const [extra] = graphOf([{ pkg: pkg('extra'), target: target('extra', 'lib', ['lib']), kind: 'host' }])
    const copies = graphOf([
      { pkg: dy, target: dylib, kind: 'target' },
      { pkg: dy, target: dylib, kind: 'host', deps: [extra!] }
    ]).map((u, i) => ({ ...u, index: i + 1 }))
    expect(paths([extra!, ...copies])).toEqual([['debug/deps/libdy.so', 'debug/deps/libdy.so.dwp', 'debug/libdy.so', 'debug/libdy.so.dwp']])
    // The same dependency on both sides: one unit.
    const [shared] = graphOf([{ pkg: pkg('extra'), target: target('extra', 'lib', ['lib']), kind: 'host' }])
    const merged = graphOf([
      { pkg: dy, target: dylib, kind: 'target', deps: [shared!] },
      { pkg: dy, target: dylib, kind: 'host', deps: [shared!] }
    ]).map((u, i) => ({ ...u, index: i + 1 }))
    expect(paths([shared!, ...merged])).toEqual([])
  })

  it('cargo test with panic = "abort": the copy a bin links and the unwind copy test harnesses link collide', () => {
    const units = graphOf([
      { pkg: dy, target: dylib, panic: 'abort', panicSource: 'profile' },
      { pkg: dy, target: dylib, panic: 'unwind', panicSource: 'forced-unwind' }
    ])
    expect(paths(units, { profile: profile('test', 'abort'), command: 'test' })).toEqual([
      ['debug/deps/libdy.so', 'debug/deps/libdy.so.dwp', 'debug/libdy.so', 'debug/libdy.so.dwp']
    ])
    // With `unwind` in the profile the two are one unit.
    const same = graphOf([{ pkg: dy, target: dylib, panicSource: 'default' }, { pkg: dy, target: dylib, panicSource: 'forced-unwind' }])
    expect(paths(same, { command: 'test' })).toEqual([])
  })

  it('requested (root) libraries are uplifted: two members with one lib name collide there', () => {
    const util = target('util', 'lib', ['lib'])
    expect(paths(graphOf([{ pkg: pkg('a'), target: util, root: true }, { pkg: pkg('b'), target: util, root: true }]))).toEqual([['debug/libutil.rlib']])
  })

  it('examples are uplifted to examples/, hyphens kept in a bin name', () => {
    const ex = target('demo-app', 'example', ['bin'])
    expect(paths(graphOf([{ pkg: pkg('a'), target: ex, root: true }, { pkg: pkg('b'), target: ex, root: true }]))).toEqual([
      ['debug/examples/demo-app', 'debug/examples/demo-app.dwp']
    ])
  })
})

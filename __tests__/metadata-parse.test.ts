import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { UserError } from '../src/errors.js'
import { MetadataError, parseMetadata, validateMetadata } from '../src/metadata/parse.js'
import type { DependencyEdge, Metadata, Package } from '../src/model/metadata.js'
import { CORPUS, corpusFile } from './support/corpus.js'

/** Real `cargo metadata` outputs; see its README.md for what each file is good for. */

const CORPUS_FILES = [
  'guppy-cargo-guppy-44b62fa-resolve-null.json',
  'guppy-hyper-util-7afb1ed.json',
  'guppy-libra-2020-no-dep-kinds.json',
  'guppy-libra-9ffd93b.json',
  'guppy-proc-macro1.json',
  'rules_rust-aliases.json',
  'rules_rust-crate-types.json',
  'rules_rust-workspace-build-scripts-deps.json'
]

const texts = new Map<string, string>()
function corpusText(file: string): string {
  let text = texts.get(file)
  if (text === undefined) texts.set(file, (text = readFileSync(corpusFile(file), 'utf8')))
  return text
}

const loaded = new Map<string, Metadata>()
function corpus(file: string): Metadata {
  let m = loaded.get(file)
  if (m === undefined) loaded.set(file, (m = parseMetadata(corpusText(file), file)))
  return m
}

/** The one package called `name` (with `version` when several versions are present). */
function pkg(m: Metadata, name: string, version?: string): Package {
  const found = [...m.packages.values()].filter(p => p.name === name && (version === undefined || p.version === version))
  if (found.length !== 1) throw new Error(`expected one package \`${name}\`${version ? `@${version}` : ''}, found ${found.length}`)
  return found[0]!
}

/** An edge's kinds and platforms, without the declarations behind them. */
function kindsOf(edge: DependencyEdge): { kind: string; platform: string | null }[] {
  return edge.kinds.map(({ kind, platform }) => ({ kind, platform }))
}

function edge(from: Package, to: Package): DependencyEdge {
  const e = from.deps.find(d => d.pkg === to.id)
  if (!e) throw new Error(`no edge ${from.name} -> ${to.name}`)
  return e
}

/** Counts of edge kinds after the loader's de-duplication, and of the kinds with a platform condition. */
function kindCounts(m: Metadata): { edges: number; normal: number; dev: number; build: number; platform: number } {
  const c = { edges: 0, normal: 0, dev: 0, build: 0, platform: 0 }
  for (const p of m.packages.values()) {
    for (const d of p.deps) {
      c.edges++
      for (const k of d.kinds) {
        c[k.kind]++
        if (k.platform !== null) c.platform++
      }
    }
  }
  return c
}

/** The error thrown for an input, which must be a one-line MetadataError. */
function errorOf(run: () => unknown): MetadataError {
  let thrown: unknown
  try {
    run()
  } catch (e) {
    thrown = e
  }
  if (thrown === undefined) throw new Error('expected the input to be rejected, but it loaded')
  if (!(thrown instanceof MetadataError)) {
    throw new Error(`expected a MetadataError, got ${(thrown as Error)?.name}: ${(thrown as Error)?.message}`)
  }
  return thrown
}

function expectOneLine(message: string): void {
  expect(message).not.toMatch(/[\r\n]/)
  expect(message).not.toMatch(/\bat .+:\d+:\d+/)
  expect(message).not.toContain('TypeError')
  expect(message).not.toContain('undefined undefined')
}

describe('the corpus of real cargo metadata', () => {
  it('lists every JSON file of the corpus directory', () => {
    const onDisk = readdirSync(CORPUS)
      .filter(f => f.endsWith('.json'))
      .sort()
    expect(onDisk).toEqual(CORPUS_FILES)
  })

  it.each(CORPUS_FILES.filter(f => !f.includes('resolve-null')))('%s loads', file => {
    const m = corpus(file)
    expect(m.packages.size).toBeGreaterThan(0)
    for (const id of m.workspaceMembers) expect(m.packages.has(id)).toBe(true)
    for (const p of m.packages.values()) {
      expect(p.targets.length).toBeGreaterThan(0)
      expect(p.targets.filter(t => t.kind === 'lib' || t.kind === 'proc-macro').length).toBeLessThanOrEqual(1)
      for (const d of p.deps) {
        expect(m.packages.has(d.pkg)).toBe(true)
        expect(d.kinds.length).toBeGreaterThan(0)
        expect(d.externName).not.toContain('-')
      }
    }
  })

  it('the --no-deps output gives the documented one-line message naming `resolve` and `--no-deps`', () => {
    const file = 'guppy-cargo-guppy-44b62fa-resolve-null.json'
    const raw = JSON.parse(corpusText(file)) as Record<string, unknown>
    expect(raw.resolve).toBeNull()
    expect((raw.packages as unknown[]).length).toBe(14)
    expect((raw.workspace_members as unknown[]).length).toBe(14)
    const error = errorOf(() => parseMetadata(corpusText(file), file))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      `${file}: resolve: the dependency graph is missing (\`"resolve": null\`, as produced by \`cargo metadata --no-deps\`); ` +
        'run `cargo metadata --format-version 1` without `--no-deps`'
    )
    expectOneLine(error.message)
  })

  it('package, member and node counts match the corpus README', () => {
    const expected: Record<string, [packages: number, members: number, defaultMembers: number | null]> = {
      'guppy-libra-9ffd93b.json': [606, 100, null],
      'guppy-libra-2020-no-dep-kinds.json': [515, 80, null],
      'rules_rust-aliases.json': [386, 1, 1],
      'rules_rust-workspace-build-scripts-deps.json': [110, 2, 1],
      'guppy-hyper-util-7afb1ed.json': [87, 1, 1],
      'rules_rust-crate-types.json': [24, 1, 1],
      'guppy-proc-macro1.json': [4, 4, null]
    }
    for (const [file, [packages, members, defaults]] of Object.entries(expected)) {
      const m = corpus(file)
      expect([file, m.packages.size]).toEqual([file, packages])
      expect([file, m.workspaceMembers.length]).toEqual([file, members])
      expect([file, m.workspaceDefaultMembers?.length ?? null]).toEqual([file, defaults])
      const raw = JSON.parse(corpusText(file)) as { resolve: { nodes: unknown[] } }
      expect([file, raw.resolve.nodes.length]).toEqual([file, packages])
    }
  })

  it('edge counts match the README; every file except the 2020 libra one has full dependency kinds', () => {
    const edges: Record<string, number> = {
      'guppy-libra-9ffd93b.json': 2648,
      'guppy-libra-2020-no-dep-kinds.json': 2117,
      'rules_rust-aliases.json': 961,
      'rules_rust-workspace-build-scripts-deps.json': 226,
      'guppy-hyper-util-7afb1ed.json': 151,
      'rules_rust-crate-types.json': 37,
      'guppy-proc-macro1.json': 3
    }
    for (const [file, count] of Object.entries(edges)) {
      const m = corpus(file)
      expect([file, kindCounts(m).edges]).toEqual([file, count])
      expect([file, m.graphQuality]).toEqual([file, file.includes('no-dep-kinds') ? 'no-dep-kinds' : 'full'])
    }
  })

  describe('guppy-libra-9ffd93b', () => {
    const file = 'guppy-libra-9ffd93b.json'

    it('libra-dev is a workspace member whose lib target has crate types staticlib + cdylib, plus a build script', () => {
      const m = corpus(file)
      const dev = pkg(m, 'libra-dev')
      expect(dev.id).toBe('libra-dev 0.1.0 (path+file:///Users/fakeuser/local/libra/client/libra-dev)')
      expect(m.workspaceMembers).toContain(dev.id)
      expect(dev.source).toBeNull()
      const lib = dev.targets.find(t => t.kind === 'lib')
      expect(lib).toMatchObject({ name: 'libra-dev', kind: 'lib', crateTypes: ['staticlib', 'cdylib'] })
      expect(dev.targets.map(t => t.kind)).toEqual(['lib', 'custom-build'])
      expect(dev.targets[1]!.crateTypes).toEqual(['bin'])
      expect(kindsOf(edge(dev, pkg(m, 'bindgen', '0.53.1')))).toEqual([{ kind: 'build', platform: null }])
    })

    it('uses old-form ids, has 55 names with several versions, 10 git packages and 14 `links` packages', () => {
      const m = corpus(file)
      for (const id of m.packages.keys()) expect(id).toMatch(/^\S+ \S+ \(\S+\)$/)
      const names = new Map<string, number>()
      for (const p of m.packages.values()) names.set(p.name, (names.get(p.name) ?? 0) + 1)
      expect([...names.values()].filter(n => n > 1).length).toBe(55)
      expect([...m.packages.values()].filter(p => p.source?.startsWith('git+')).length).toBe(10)
      const raw = JSON.parse(corpusText(file)) as { packages: { name: string; links: string | null }[] }
      const links = raw.packages.filter(p => p.links !== null).map(p => p.name)
      expect(links.length).toBe(14)
      expect(links).toEqual(expect.arrayContaining(['ring', 'jemalloc-sys', 'librocksdb_sys', 'libz-sys']))
    })

    it('the README counts dep_kinds entries before de-duplication; the loader keeps each kind/platform once', () => {
      const raw = JSON.parse(corpusText(file)) as {
        resolve: { nodes: { deps: { dep_kinds: { kind: string | null; target: string | null }[] }[] }[] }
      }
      const counts = { normal: 0, dev: 0, build: 0, platform: 0 }
      for (const n of raw.resolve.nodes) {
        for (const d of n.deps) {
          for (const k of d.dep_kinds) {
            counts[(k.kind ?? 'normal') as 'normal' | 'dev' | 'build']++
            if (k.target !== null) counts.platform++
          }
        }
      }
      expect(counts).toEqual({ normal: 2921, dev: 168, build: 80, platform: 256 })
      // Repeated entries (rust-lang/cargo#7752), e.g. storage-service -> anyhow listed as normal twice.
      expect(kindCounts(corpus(file))).toEqual({ edges: 2648, normal: 2448, dev: 168, build: 74, platform: 172 })
      const m = corpus(file)
      expect(kindsOf(edge(pkg(m, 'storage-service'), pkg(m, 'anyhow')))).toEqual([{ kind: 'normal', platform: null }])
    })

    it('targets without a `test` key get cargo defaults', () => {
      const m = corpus(file)
      const raw = JSON.parse(corpusText(file)) as { packages: { targets: Record<string, unknown>[] }[] }
      expect(raw.packages.every(p => p.targets.every(t => !('test' in t)))).toBe(true)
      for (const p of m.packages.values()) {
        for (const t of p.targets) {
          if (t.kind === 'lib' || t.kind === 'bin' || t.kind === 'test') expect(t.test).toBe(true)
          if (t.kind === 'bench' || t.kind === 'example') expect(t.test).toBe(false)
        }
      }
    })
  })

  describe('guppy-libra-2020-no-dep-kinds', () => {
    const file = 'guppy-libra-2020-no-dep-kinds.json'

    it('loads with graphQuality no-dep-kinds; the file really has no dep_kinds', () => {
      const raw = JSON.parse(corpusText(file)) as { resolve: { nodes: { deps: Record<string, unknown>[] }[] } }
      const deps = raw.resolve.nodes.flatMap(n => n.deps)
      expect(deps.length).toBe(2117)
      expect(deps.every(d => !('dep_kinds' in d) && typeof d.name === 'string' && typeof d.pkg === 'string')).toBe(true)
      const m = corpus(file)
      expect(m.graphQuality).toBe('no-dep-kinds')
      expect(m.packages.size).toBe(515)
      expect(m.workspaceMembers.length).toBe(80)
    })

    it('edges carry kinds recovered from packages[].dependencies', () => {
      const m = corpus(file)
      const counts = kindCounts(m)
      expect(counts.dev).toBeGreaterThan(0)
      expect(counts.build).toBeGreaterThan(0)
      expect(counts).toEqual({ edges: 2117, normal: 1956, dev: 155, build: 77, platform: 133 })

      const assertMatches = pkg(m, 'assert_matches')
      expect(edge(pkg(m, 'admission-control-service'), assertMatches)).toMatchObject({ pkg: assertMatches.id, externName: 'assert_matches' })
      expect(kindsOf(edge(pkg(m, 'admission-control-service'), assertMatches))).toEqual([{ kind: 'dev', platform: null }])
      const proto = pkg(m, 'admission-control-proto')
      expect(kindsOf(edge(proto, pkg(m, 'prost-build')))).toEqual([{ kind: 'build', platform: null }])
      expect(edge(proto, pkg(m, 'grpcio-compiler')).externName).toBe('grpcio_compiler')
      // Declared both as a dependency and as a dev-dependency: both kinds are kept.
      const logger = pkg(m, 'libra-logger')
      const randEdge = logger.deps.find(d => m.packages.get(d.pkg)!.name === 'rand')!
      expect(kindsOf(randEdge)).toEqual([
        { kind: 'normal', platform: null },
        { kind: 'dev', platform: null }
      ])
    })

    it('recovered kinds keep the platform condition of the declaration', () => {
      const m = corpus(file)
      const rand = [...m.packages.values()].find(p => p.name === 'rand' && p.deps.some(d => m.packages.get(d.pkg)!.name === 'rand_hc'))!
      const libc = rand.deps.find(d => m.packages.get(d.pkg)!.name === 'libc')!
      expect(kindsOf(libc)).toEqual([{ kind: 'normal', platform: 'cfg(unix)' }])
      const hc = rand.deps.find(d => m.packages.get(d.pkg)!.name === 'rand_hc')!
      expect(kindsOf(hc)).toEqual([
        { kind: 'dev', platform: null },
        { kind: 'normal', platform: 'cfg(target_os = "emscripten")' }
      ])
    })
  })

  describe('rules_rust-workspace-build-scripts-deps', () => {
    const file = 'rules_rust-workspace-build-scripts-deps.json'

    it('wasi examples take their crate type from crate_types: cdylib, kind example', () => {
      const m = corpus(file)
      const wasi = pkg(m, 'wasi', '0.13.3+wasi-0.2.2')
      expect(wasi.id).toBe('registry+https://github.com/rust-lang/crates.io-index#wasi@0.13.3+wasi-0.2.2')
      const cdylibExamples = wasi.targets.filter(t => t.kind === 'example' && t.crateTypes.includes('cdylib'))
      expect(cdylibExamples.map(t => t.name).sort()).toEqual([
        'cli-command',
        'cli-command-no_std',
        'http-proxy',
        'http-proxy-no_std'
      ])
      for (const t of cdylibExamples) expect(t.crateTypes).toEqual(['cdylib'])
      expect(wasi.targets.filter(t => t.kind === 'example' && t.crateTypes[0] === 'bin').map(t => t.name).sort()).toEqual([
        'hello-world',
        'hello-world-no_std'
      ])
      const raw = JSON.parse(corpusText(file)) as { packages: { id: string; targets: { name: string; kind: string[] }[] }[] }
      const rawWasi = raw.packages.find(p => p.id === wasi.id)!
      expect(rawWasi.targets.find(t => t.name === 'http-proxy')!.kind).toEqual(['example'])
    })

    it('has two members (root and `child`), one default member and templated paths', () => {
      const m = corpus(file)
      expect(m.workspaceMembers.map(id => m.packages.get(id)!.name).sort()).toEqual(['child', 'workspace-build-scripts-deps'])
      expect(m.workspaceDefaultMembers).toEqual(['path+file://{TEMP_DIR}/workspace_build_scripts_deps#workspace-build-scripts-deps@0.1.0'])
      expect(m.resolveRoot).toBe(m.workspaceDefaultMembers![0])
      expect(m.workspaceRoot).toBe('{TEMP_DIR}/workspace_build_scripts_deps')
      const child = pkg(m, 'child')
      expect(child.id).toBe('path+file://{TEMP_DIR}/workspace_build_scripts_deps/child#0.1.0')
      expect(child.targets.map(t => [t.kind, t.test])).toEqual([
        ['lib', true],
        ['custom-build', false]
      ])
      const c = kindCounts(m)
      expect(c).toEqual({ edges: 226, normal: 238, dev: 0, build: 4, platform: 56 })
    })
  })

  describe('guppy-hyper-util-7afb1ed', () => {
    const file = 'guppy-hyper-util-7afb1ed.json'

    it('the root id without `name@` resolves to package hyper-util', () => {
      const m = corpus(file)
      expect(m.resolveRoot).toBe('path+file:///home/fakeuser/dev/hyper-util#0.1.6')
      const root = m.packages.get(m.resolveRoot!)!
      expect(root).toMatchObject({ name: 'hyper-util', version: '0.1.6', source: null, rustVersion: '1.63' })
      expect(root.manifestPath).toBe('/home/fakeuser/dev/hyper-util/Cargo.toml')
      expect(m.workspaceMembers).toEqual([root.id])
      expect(m.workspaceDefaultMembers).toEqual([root.id])
      expect(root.features).toEqual(['default'])
      expect(root.targets.map(t => [t.name, t.kind, t.crateTypes[0]])).toEqual([
        ['hyper_util', 'lib', 'lib'],
        ['client', 'example', 'bin'],
        ['server', 'example', 'bin'],
        ['server_graceful', 'example', 'bin'],
        ['legacy_client', 'test', 'bin']
      ])
    })

    it('registry packages use the `source#name@version` form; dev and platform-specific kinds survive', () => {
      const m = corpus(file)
      const addr2line = m.packages.get('registry+https://github.com/rust-lang/crates.io-index#addr2line@0.22.0')!
      expect(addr2line).toMatchObject({ name: 'addr2line', version: '0.22.0', source: 'registry+https://github.com/rust-lang/crates.io-index' })
      const root = m.packages.get(m.resolveRoot!)!
      expect(kindsOf(edge(root, pkg(m, 'hyper')))).toEqual([
        { kind: 'normal', platform: null },
        { kind: 'dev', platform: null }
      ])
      expect(kindsOf(edge(root, pkg(m, 'pnet_datalink')))).toEqual([
        { kind: 'dev', platform: 'cfg(any(target_os = "linux", target_os = "macos"))' }
      ])
      expect(kindCounts(m)).toEqual({ edges: 151, normal: 145, dev: 7, build: 2, platform: 32 })
    })
  })

  describe('guppy-proc-macro1', () => {
    const file = 'guppy-proc-macro1.json'

    it('`macro` is a proc-macro target', () => {
      const m = corpus(file)
      const macro = pkg(m, 'macro')
      expect(macro.id).toBe('macro 0.1.0 (path+file:///Users/fakeuser/local/testcrates/proc-macro/macro)')
      expect(macro.targets).toEqual([
        {
          name: 'macro',
          kind: 'proc-macro',
          crateTypes: ['proc-macro'],
          srcPath: '/Users/fakeuser/local/testcrates/proc-macro/macro/src/lib.rs',
          test: true,
          doctest: true,
          requiredFeatures: []
        }
      ])
      expect(macro.deps).toEqual([])
    })

    it.each([
      ['normal-user', 'normal'],
      ['build-user', 'build'],
      ['dev-user', 'dev']
    ] as const)('%s uses `macro` as a %s dependency', (user, kind) => {
      const m = corpus(file)
      const macro = pkg(m, 'macro')
      const u = pkg(m, user)
      expect(u.targets.map(t => [t.kind, t.crateTypes])).toEqual([['lib', ['lib']]])
      expect(u.deps.map(d => ({ pkg: d.pkg, externName: d.externName, kinds: kindsOf(d) }))).toEqual([{ pkg: macro.id, externName: 'macro', kinds: [{ kind, platform: null }] }])
    })

    it('is a virtual workspace: four members, no default members, no resolve root', () => {
      const m = corpus(file)
      expect(m.workspaceMembers.map(id => m.packages.get(id)!.name)).toEqual(['macro', 'normal-user', 'build-user', 'dev-user'])
      expect(m.workspaceDefaultMembers).toBeNull()
      expect(m.resolveRoot).toBeNull()
      expect(m.workspaceRoot).toBe('/Users/fakeuser/local/testcrates/proc-macro')
      expect(m.targetDirectory).toBe('/Users/fakeuser/local/testcrates/proc-macro/target')
    })
  })

  describe('rules_rust crate types', () => {
    it('sysinfo 0.22.5 is a dependency whose lib is rlib + cdylib', () => {
      const m = corpus('rules_rust-crate-types.json')
      const sysinfo = pkg(m, 'sysinfo', '0.22.5')
      expect(m.workspaceMembers).not.toContain(sysinfo.id)
      expect(sysinfo.targets[0]).toMatchObject({ name: 'sysinfo', kind: 'lib', crateTypes: ['rlib', 'cdylib'] })
      expect(m.workspaceMembers.map(id => m.packages.get(id)!.targets.map(t => t.crateTypes))).toEqual([[['lib']]])
    })

    it('aliases: cedar-policy is rlib, wasm-streams is cdylib + rlib, and templated paths are kept verbatim', () => {
      const m = corpus('rules_rust-aliases.json')
      expect(pkg(m, 'cedar-policy', '2.4.2').targets[0]).toMatchObject({ kind: 'lib', crateTypes: ['rlib'] })
      expect(pkg(m, 'wasm-streams', '0.4.0').targets[0]).toMatchObject({ kind: 'lib', crateTypes: ['cdylib', 'rlib'] })
      expect(m.workspaceRoot).toBe('{TEMP_DIR}/aliases')
      expect(m.targetDirectory).toBe('{TEMP_DIR}/aliases/target')
      expect(m.resolveRoot).toBe('path+file://{TEMP_DIR}/aliases#0.1.0')
      expect(m.packages.get(m.resolveRoot!)!.name).toBe('aliases')
      expect(pkg(m, 'cedar-policy', '2.4.2').manifestPath).toMatch(/^\{CARGO_HOME\}\/registry\//)
    })

    it('crate types seen across each file match the README table', () => {
      const seen = (file: string, membersOnly: boolean): string[] => {
        const m = corpus(file)
        const pkgs = membersOnly ? m.workspaceMembers.map(id => m.packages.get(id)!) : [...m.packages.values()]
        return [...new Set(pkgs.flatMap(p => p.targets.flatMap(t => t.crateTypes)))].sort()
      }
      expect(seen('guppy-libra-9ffd93b.json', false)).toEqual(['bin', 'cdylib', 'lib', 'proc-macro', 'staticlib'])
      expect(seen('guppy-libra-9ffd93b.json', true)).toEqual(['bin', 'cdylib', 'lib', 'proc-macro', 'staticlib'])
      expect(seen('rules_rust-aliases.json', false)).toEqual(['bin', 'cdylib', 'lib', 'proc-macro', 'rlib'])
      expect(seen('rules_rust-aliases.json', true)).toEqual(['lib'])
      expect(seen('rules_rust-workspace-build-scripts-deps.json', false)).toEqual(['bin', 'cdylib', 'lib', 'proc-macro'])
      expect(seen('rules_rust-crate-types.json', false)).toEqual(['bin', 'cdylib', 'lib', 'rlib'])
      expect(seen('guppy-proc-macro1.json', true)).toEqual(['lib', 'proc-macro'])
    })
  })
})

// ---------------------------------------------------------------------------------------------------------
// Invalid input

const APP = 'path+file:///w/app#0.1.0'
const DEP = 'registry+https://github.com/rust-lang/crates.io-index#dep@1.0.0'

type Doc = any

/** A small valid document: workspace `app` (lib + bin) depending on registry crate `dep`. */
function validDoc(): Doc {
  return {
    version: 1,
    packages: [
      {
        name: 'app',
        version: '0.1.0',
        id: APP,
        source: null,
        dependencies: [{ name: 'dep', source: 'registry+https://github.com/rust-lang/crates.io-index', req: '^1', kind: null, rename: null, target: null }],
        targets: [
          { kind: ['lib'], crate_types: ['lib'], name: 'app', src_path: '/w/app/src/lib.rs', test: true },
          { kind: ['bin'], crate_types: ['bin'], name: 'app', src_path: '/w/app/src/main.rs', test: true }
        ],
        manifest_path: '/w/app/Cargo.toml',
        rust_version: null,
        publish: null
      },
      {
        name: 'dep',
        version: '1.0.0',
        id: DEP,
        source: 'registry+https://github.com/rust-lang/crates.io-index',
        dependencies: [],
        targets: [{ kind: ['lib'], crate_types: ['lib'], name: 'dep', src_path: '/r/dep/src/lib.rs' }],
        manifest_path: '/r/dep/Cargo.toml'
      }
    ],
    workspace_members: [APP],
    workspace_default_members: [APP],
    resolve: {
      nodes: [
        { id: APP, deps: [{ name: 'dep', pkg: DEP, dep_kinds: [{ kind: null, target: null }] }], features: [] },
        { id: DEP, deps: [], features: [] }
      ],
      root: APP
    },
    workspace_root: '/w/app',
    target_directory: '/w/app/target'
  }
}

function mutated(change: (d: Doc) => void): Doc {
  const d = validDoc()
  change(d)
  return d
}

const SOURCE = 'bad-metadata.json'

interface InvalidCase {
  name: string
  /** The raw text to parse, or a change to the valid document. */
  input: string | ((d: Doc) => void)
  /** The JSON path the message must name ('' for the document as a whole). */
  path: string
  /** The expected message: exact when `exact`, otherwise a substring of the part after the path. */
  expect: string
  exact?: boolean
}

const lib = (name: string, kind: string[], crateTypes: unknown): Doc => ({ kind, crate_types: crateTypes, name, src_path: `/w/app/src/${name}.rs` })

const INVALID: InvalidCase[] = [
  // Not a cargo metadata document at all.
  { name: 'empty text', input: '', path: '', expect: 'not valid JSON (Unexpected end of JSON input)', exact: true },
  { name: 'truncated JSON', input: '{"version": 1, "packages": [', path: '', expect: 'not valid JSON (' },
  { name: 'trailing garbage', input: '{"version": 1} x', path: '', expect: 'not valid JSON (' },
  { name: 'single quotes', input: "{'version': 1}", path: '', expect: 'not valid JSON (' },
  {
    name: 'JSON null',
    input: 'null',
    path: '',
    expect: 'the top level must be a JSON object from `cargo metadata --format-version 1`',
    exact: true
  },
  { name: 'JSON array', input: '[]', path: '', expect: 'the top level must be a JSON object from `cargo metadata --format-version 1`' },
  { name: 'JSON string', input: '"metadata"', path: '', expect: 'the top level must be a JSON object' },
  { name: 'JSON number', input: '1', path: '', expect: 'the top level must be a JSON object' },
  // Top-level fields.
  { name: 'format version 2', input: d => (d.version = 2), path: 'version', expect: 'expected format version 1, got 2', exact: true },
  { name: 'version missing', input: d => delete d.version, path: 'version', expect: 'expected format version 1, got undefined', exact: true },
  { name: 'version as a string', input: d => (d.version = '1'), path: 'version', expect: 'expected format version 1, got "1"', exact: true },
  { name: 'packages missing', input: d => delete d.packages, path: 'packages', expect: 'missing (expected an array)', exact: true },
  { name: 'packages not an array', input: d => (d.packages = {}), path: 'packages', expect: 'expected an array, got an object', exact: true },
  { name: 'packages a string', input: d => (d.packages = 'app'), path: 'packages', expect: 'expected an array, got string "app"', exact: true },
  { name: 'workspace_members missing', input: d => delete d.workspace_members, path: 'workspace_members', expect: 'missing (expected an array)', exact: true },
  { name: 'workspace_members an object', input: d => (d.workspace_members = {}), path: 'workspace_members', expect: 'expected an array, got an object' },
  { name: 'workspace_members with a number', input: d => (d.workspace_members = [1]), path: 'workspace_members[0]', expect: 'expected a string, got number 1', exact: true },
  {
    name: 'workspace_members naming an unknown id',
    input: d => d.workspace_members.push('ghost 0.1.0 (path+file:///w/ghost)'),
    path: 'workspace_members[1]',
    expect: 'unknown package id `ghost 0.1.0 (path+file:///w/ghost)`',
    exact: true
  },
  {
    name: 'workspace_default_members naming an unknown id',
    input: d => (d.workspace_default_members = ['ghost']),
    path: 'workspace_default_members[0]',
    expect: 'unknown package id `ghost`',
    exact: true
  },
  { name: 'workspace_default_members null', input: d => (d.workspace_default_members = null), path: 'workspace_default_members', expect: 'expected an array, got null', exact: true },
  { name: 'workspace_root missing', input: d => delete d.workspace_root, path: 'workspace_root', expect: 'missing (expected a string)', exact: true },
  { name: 'workspace_root a number', input: d => (d.workspace_root = 5), path: 'workspace_root', expect: 'expected a string, got number 5', exact: true },
  { name: 'target_directory an array', input: d => (d.target_directory = []), path: 'target_directory', expect: 'expected a string, got an array', exact: true },
  // Packages.
  { name: 'package not an object', input: d => (d.packages[0] = 5), path: 'packages[0]', expect: 'expected an object, got number 5', exact: true },
  { name: 'package null', input: d => (d.packages[1] = null), path: 'packages[1]', expect: 'expected an object, got null', exact: true },
  { name: 'package without id', input: d => delete d.packages[0].id, path: 'packages[0].id', expect: 'missing (expected a string)', exact: true },
  { name: 'package id a number', input: d => (d.packages[1].id = 7), path: 'packages[1].id', expect: 'expected a string, got number 7', exact: true },
  {
    name: 'duplicate package ids',
    input: d => (d.packages[1].id = APP),
    path: 'packages[1].id',
    expect: `duplicate package id \`${APP}\``,
    exact: true
  },
  { name: 'package without name', input: d => delete d.packages[0].name, path: 'packages[0].name', expect: 'missing (expected a string)', exact: true },
  { name: 'package version null', input: d => (d.packages[0].version = null), path: 'packages[0].version', expect: 'expected a string, got null', exact: true },
  { name: 'package source a boolean', input: d => (d.packages[1].source = true), path: 'packages[1].source', expect: 'expected a string, got boolean true', exact: true },
  { name: 'package without manifest_path', input: d => delete d.packages[1].manifest_path, path: 'packages[1].manifest_path', expect: 'missing (expected a string)', exact: true },
  { name: 'rust_version a number', input: d => (d.packages[0].rust_version = 1.7), path: 'packages[0].rust_version', expect: 'expected a string, got number 1.7', exact: true },
  { name: 'publish true', input: d => (d.packages[0].publish = true), path: 'packages[0].publish', expect: 'expected an array, got boolean true', exact: true },
  { name: 'publish with a number', input: d => (d.packages[0].publish = ['crates-io', 3]), path: 'packages[0].publish[1]', expect: 'expected a string, got number 3', exact: true },
  // Declared dependencies.
  { name: 'dependencies an object', input: d => (d.packages[0].dependencies = {}), path: 'packages[0].dependencies', expect: 'expected an array, got an object', exact: true },
  { name: 'dependency a string', input: d => (d.packages[0].dependencies = ['dep']), path: 'packages[0].dependencies[0]', expect: 'expected an object, got string "dep"', exact: true },
  { name: 'dependency without name', input: d => delete d.packages[0].dependencies[0].name, path: 'packages[0].dependencies[0].name', expect: 'missing (expected a string)', exact: true },
  {
    name: 'dependency kind "weird"',
    input: d => (d.packages[0].dependencies[0].kind = 'weird'),
    path: 'packages[0].dependencies[0].kind',
    expect: 'unknown dependency kind "weird", expected null, "dev" or "build"',
    exact: true
  },
  { name: 'dependency rename a number', input: d => (d.packages[0].dependencies[0].rename = 1), path: 'packages[0].dependencies[0].rename', expect: 'expected a string, got number 1', exact: true },
  { name: 'dependency target an object', input: d => (d.packages[0].dependencies[0].target = {}), path: 'packages[0].dependencies[0].target', expect: 'expected a string, got an object', exact: true },
  // Targets.
  { name: 'targets missing', input: d => delete d.packages[1].targets, path: 'packages[1].targets', expect: 'missing (expected an array)', exact: true },
  { name: 'targets an object', input: d => (d.packages[1].targets = {}), path: 'packages[1].targets', expect: 'expected an array, got an object', exact: true },
  { name: 'target a string', input: d => (d.packages[0].targets[1] = 'main'), path: 'packages[0].targets[1]', expect: 'expected an object, got string "main"', exact: true },
  { name: 'target without name', input: d => delete d.packages[0].targets[0].name, path: 'packages[0].targets[0].name', expect: 'missing (expected a string)', exact: true },
  { name: 'target kind a string', input: d => (d.packages[0].targets[0].kind = 'lib'), path: 'packages[0].targets[0].kind', expect: 'expected an array, got string "lib"', exact: true },
  { name: 'target kind empty', input: d => (d.packages[0].targets[1].kind = []), path: 'packages[0].targets[1].kind', expect: 'target `app` of package `app` has no kind', exact: true },
  { name: 'target kind with a number', input: d => (d.packages[0].targets[0].kind = [1]), path: 'packages[0].targets[0].kind[0]', expect: 'expected a string, got number 1', exact: true },
  { name: 'target crate_types missing', input: d => delete d.packages[0].targets[1].crate_types, path: 'packages[0].targets[1].crate_types', expect: 'missing (expected an array)', exact: true },
  { name: 'target crate_types empty', input: d => (d.packages[0].targets[0].crate_types = []), path: 'packages[0].targets[0].crate_types', expect: 'target `app` of package `app` has no crate types', exact: true },
  {
    name: 'library with `crate-type = []`',
    input: d => {
      d.packages[0].targets[0].kind = []
      d.packages[0].targets[0].crate_types = []
    },
    path: 'packages[0].targets[0].crate_types',
    expect:
      'library `app` of package `app` has no crate types (`crate-type = []` in its manifest): cargo refuses to build it ("does not support any of the output crate types"); list the crate types to build, or remove the key',
    exact: true
  },
  { name: 'target crate_types with null', input: d => (d.packages[0].targets[0].crate_types = [null]), path: 'packages[0].targets[0].crate_types[0]', expect: 'expected a string, got null', exact: true },
  {
    name: 'unknown crate type `foo`',
    input: d => (d.packages[0].targets[0].crate_types = ['foo']),
    path: 'packages[0].targets[0].crate_types',
    expect: 'unknown crate type `foo` in target `app` of package `app`',
    exact: true
  },
  {
    name: 'bin target with crate type cdylib',
    input: d => (d.packages[0].targets[1].crate_types = ['cdylib']),
    path: 'packages[0].targets[1].crate_types',
    expect: 'bin target `app` of package `app` must have crate type `bin`, got cdylib',
    exact: true
  },
  {
    name: 'test target with crate types bin + lib',
    input: d => d.packages[0].targets.push({ kind: ['test'], crate_types: ['bin', 'lib'], name: 'it', src_path: '/w/app/tests/it.rs' }),
    path: 'packages[0].targets[2].crate_types',
    expect: 'test target `it` of package `app` must have crate type `bin`, got bin, lib',
    exact: true
  },
  {
    name: 'build script with crate type staticlib',
    input: d => d.packages[1].targets.push({ kind: ['custom-build'], crate_types: ['staticlib'], name: 'build-script-build', src_path: '/r/dep/build.rs' }),
    path: 'packages[1].targets[1].crate_types',
    expect: 'custom-build target `build-script-build` of package `dep` must have crate type `bin`, got staticlib',
    exact: true
  },
  {
    name: 'unknown target kind `plugin`',
    input: d => (d.packages[1].targets[0].kind = ['plugin']),
    path: 'packages[1].targets[0].kind',
    expect: 'unknown target kind `plugin` in target `dep` of package `dep`',
    exact: true
  },
  {
    name: 'two lib targets',
    input: d => d.packages[0].targets.push(lib('app2', ['lib'], ['lib'])),
    path: 'packages[0].targets',
    expect: 'package `app` has more than one library target',
    exact: true
  },
  {
    name: 'a lib and a proc-macro target',
    input: d => d.packages[1].targets.push(lib('dep_macros', ['proc-macro'], ['proc-macro'])),
    path: 'packages[1].targets',
    expect: 'package `dep` has more than one library target',
    exact: true
  },
  {
    name: 'proc-macro mixed with rlib',
    input: d => (d.packages[1].targets[0] = lib('dep', ['proc-macro'], ['proc-macro', 'rlib'])),
    path: 'packages[1].targets[0].crate_types',
    expect: 'cannot mix `proc-macro` crate type with others in target `dep` of package `dep`',
    exact: true
  },
  {
    name: 'lib kinds rlib + proc-macro',
    input: d => (d.packages[1].targets[0] = lib('dep', ['rlib', 'proc-macro'], ['rlib', 'proc-macro'])),
    path: 'packages[1].targets[0].crate_types',
    expect: 'cannot mix `proc-macro` crate type with others in target `dep` of package `dep`',
    exact: true
  },
  {
    name: 'dylib and cdylib together',
    input: d => (d.packages[1].targets[0] = lib('dep', ['dylib', 'cdylib'], ['dylib', 'cdylib'])),
    path: 'packages[1].targets[0].crate_types',
    expect: 'library `dep` of package `dep` cannot set the crate type of both `dylib` and `cdylib`',
    exact: true
  },
  { name: 'target test a string', input: d => (d.packages[0].targets[0].test = 'yes'), path: 'packages[0].targets[0].test', expect: 'expected true or false, got string "yes"', exact: true },
  {
    name: 'required-features a string',
    input: d => (d.packages[0].targets[1]['required-features'] = 'cli'),
    path: 'packages[0].targets[1].required-features',
    expect: 'expected an array, got string "cli"',
    exact: true
  },
  { name: 'target without src_path', input: d => delete d.packages[1].targets[0].src_path, path: 'packages[1].targets[0].src_path', expect: 'missing (expected a string)', exact: true },
  // The resolve graph.
  {
    name: 'resolve missing',
    input: d => delete d.resolve,
    path: 'resolve',
    expect: 'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`)'
  },
  { name: 'resolve null', input: d => (d.resolve = null), path: 'resolve', expect: '`cargo metadata --no-deps`' },
  { name: 'resolve an array', input: d => (d.resolve = []), path: 'resolve', expect: 'expected an object, got an array', exact: true },
  { name: 'resolve.nodes missing', input: d => delete d.resolve.nodes, path: 'resolve.nodes', expect: 'missing (expected an array)', exact: true },
  { name: 'resolve node a number', input: d => (d.resolve.nodes[1] = 3), path: 'resolve.nodes[1]', expect: 'expected an object, got number 3', exact: true },
  { name: 'resolve node without id', input: d => delete d.resolve.nodes[0].id, path: 'resolve.nodes[0].id', expect: 'missing (expected a string)', exact: true },
  { name: 'resolve node with an unknown id', input: d => (d.resolve.nodes[1].id = 'ghost'), path: 'resolve.nodes[1].id', expect: 'unknown package id `ghost`', exact: true },
  {
    name: 'duplicate resolve node',
    input: d => d.resolve.nodes.push({ id: DEP, deps: [], features: [] }),
    path: 'resolve.nodes[2].id',
    expect: `duplicate resolve node for \`${DEP}\``,
    exact: true
  },
  { name: 'resolve node features a string', input: d => (d.resolve.nodes[0].features = 'default'), path: 'resolve.nodes[0].features', expect: 'expected an array, got string "default"', exact: true },
  { name: 'resolve node deps an object', input: d => (d.resolve.nodes[0].deps = {}), path: 'resolve.nodes[0].deps', expect: 'expected an array, got an object', exact: true },
  {
    name: 'resolve node with neither deps nor dependencies',
    input: d => delete d.resolve.nodes[1].deps,
    path: 'resolve.nodes[1].dependencies',
    expect: 'missing (expected an array)',
    exact: true
  },
  { name: 'resolve dep a string', input: d => (d.resolve.nodes[0].deps = [DEP]), path: 'resolve.nodes[0].deps[0]', expect: 'expected an object, got string', exact: false },
  { name: 'resolve dep without pkg', input: d => delete d.resolve.nodes[0].deps[0].pkg, path: 'resolve.nodes[0].deps[0].pkg', expect: 'missing (expected a string)', exact: true },
  {
    name: 'dangling resolve.nodes[].deps[].pkg',
    input: d => (d.resolve.nodes[0].deps[0].pkg = 'registry+https://github.com/rust-lang/crates.io-index#ghost@1.0.0'),
    path: 'resolve.nodes[0].deps[0].pkg',
    expect: 'unknown package id `registry+https://github.com/rust-lang/crates.io-index#ghost@1.0.0`',
    exact: true
  },
  { name: 'resolve dep without name', input: d => delete d.resolve.nodes[0].deps[0].name, path: 'resolve.nodes[0].deps[0].name', expect: 'missing (expected a string)', exact: true },
  { name: 'dep_kinds an object', input: d => (d.resolve.nodes[0].deps[0].dep_kinds = {}), path: 'resolve.nodes[0].deps[0].dep_kinds', expect: 'expected an array, got an object', exact: true },
  { name: 'dep_kinds entry a string', input: d => (d.resolve.nodes[0].deps[0].dep_kinds = ['dev']), path: 'resolve.nodes[0].deps[0].dep_kinds[0]', expect: 'expected an object, got string "dev"', exact: true },
  {
    name: 'dependency kind "weird" in dep_kinds',
    input: d => (d.resolve.nodes[0].deps[0].dep_kinds[0].kind = 'weird'),
    path: 'resolve.nodes[0].deps[0].dep_kinds[0].kind',
    expect: 'unknown dependency kind "weird", expected null, "dev" or "build"',
    exact: true
  },
  { name: 'dep_kinds kind a number', input: d => (d.resolve.nodes[0].deps[0].dep_kinds[0].kind = 0), path: 'resolve.nodes[0].deps[0].dep_kinds[0].kind', expect: 'unknown dependency kind 0', exact: false },
  { name: 'dep_kinds target a number', input: d => (d.resolve.nodes[0].deps[0].dep_kinds[0].target = 5), path: 'resolve.nodes[0].deps[0].dep_kinds[0].target', expect: 'expected a string, got number 5', exact: true },
  {
    name: 'old-form dependencies with an unknown id',
    input: d => {
      delete d.resolve.nodes[0].deps
      d.resolve.nodes[0].dependencies = [DEP, 'ghost 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)']
    },
    path: 'resolve.nodes[0].dependencies[1]',
    expect: 'unknown package id `ghost 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)`',
    exact: true
  },
  {
    name: 'old-form dependencies with a number',
    input: d => {
      delete d.resolve.nodes[0].deps
      d.resolve.nodes[0].dependencies = [42]
    },
    path: 'resolve.nodes[0].dependencies[0]',
    expect: 'expected a string, got number 42',
    exact: true
  },
  {
    name: 'a workspace member missing from resolve',
    input: d => d.resolve.nodes.shift(),
    path: 'resolve.nodes',
    expect: `workspace member \`${APP}\` has no resolve node`,
    exact: true
  },
  { name: 'resolve.root unknown', input: d => (d.resolve.root = 'ghost'), path: 'resolve.root', expect: 'unknown package id `ghost`', exact: true },
  { name: 'resolve.root a number', input: d => (d.resolve.root = 1), path: 'resolve.root', expect: 'expected a string, got number 1', exact: true },
  // Every field the feature resolver reads is checked too, each message naming its field or element.
  { name: 'features table an array', input: d => (d.packages[1].features = ['std']), path: 'packages[1].features', expect: 'expected an object, got an array', exact: true },
  { name: 'feature entry a string', input: d => (d.packages[1].features = { default: 'std' }), path: 'packages[1].features.default', expect: 'expected an array, got string "std"', exact: true },
  {
    name: 'feature entry with a number',
    input: d => (d.packages[1].features = { default: ['std'], std: ['dep:x', 2] }),
    path: 'packages[1].features.std[1]',
    expect: 'expected a string, got number 2',
    exact: true
  },
  { name: 'edition a number', input: d => (d.packages[0].edition = 2021), path: 'packages[0].edition', expect: 'expected a string, got number 2021', exact: true },
  { name: 'dependency optional a string', input: d => (d.packages[0].dependencies[0].optional = 'yes'), path: 'packages[0].dependencies[0].optional', expect: 'expected true or false, got string "yes"', exact: true },
  {
    name: 'dependency uses_default_features a number',
    input: d => (d.packages[0].dependencies[0].uses_default_features = 0),
    path: 'packages[0].dependencies[0].uses_default_features',
    expect: 'expected true or false, got number 0',
    exact: true
  },
  { name: 'dependency features a string', input: d => (d.packages[0].dependencies[0].features = 'std'), path: 'packages[0].dependencies[0].features', expect: 'expected an array, got string "std"', exact: true },
  { name: 'dependency features with null', input: d => (d.packages[0].dependencies[0].features = ['std', null]), path: 'packages[0].dependencies[0].features[1]', expect: 'expected a string, got null', exact: true },
  {
    name: 'required-features with a number',
    input: d => (d.packages[0].targets[1]['required-features'] = ['cli', 7]),
    path: 'packages[0].targets[1].required-features[1]',
    expect: 'expected a string, got number 7',
    exact: true
  },
  { name: 'target test null', input: d => (d.packages[0].targets[0].test = null), path: 'packages[0].targets[0].test', expect: 'expected true or false, got null', exact: true },
  { name: 'resolve node features with an array', input: d => (d.resolve.nodes[1].features = [[]]), path: 'resolve.nodes[1].features[0]', expect: 'expected a string, got an array', exact: true },
  { name: 'dep_kinds empty', input: d => (d.resolve.nodes[0].deps[0].dep_kinds = []), path: 'resolve.nodes[0].deps[0].dep_kinds', expect: 'is empty: every dependency edge has at least one kind', exact: true },
  { name: 'dep_kinds entry null', input: d => (d.resolve.nodes[0].deps[0].dep_kinds = [{ kind: null, target: null }, null]), path: 'resolve.nodes[0].deps[0].dep_kinds[1]', expect: 'expected an object, got null', exact: true },
  // With several faults, the first in document order is the one reported.
  {
    name: 'a duplicate id before a fault of the same package',
    input: d => d.packages.push({ ...d.packages[0], name: 3, targets: null }),
    path: 'packages[2].id',
    expect: `duplicate package id \`${APP}\``,
    exact: true
  },
  {
    name: 'a bad target after two library targets',
    input: d => d.packages[0].targets.push(lib('app2', ['lib'], ['lib']), { kind: ['bin'], crate_types: ['bin'], name: 'x' }),
    path: 'packages[0].targets[3].src_path',
    expect: 'missing (expected a string)',
    exact: true
  },
  {
    name: 'a bad declaration before a bad version',
    input: d => {
      d.packages[0].dependencies[0].rename = false
      d.packages[0].version = 1
    },
    path: 'packages[0].dependencies[0].rename',
    expect: 'expected a string, got boolean false',
    exact: true
  },
  {
    name: 'a bad workspace member entry before a bad package',
    input: d => {
      d.workspace_members = [APP, 5]
      d.packages[0] = null
    },
    path: 'workspace_members[1]',
    expect: 'expected a string, got number 5',
    exact: true
  },
  {
    name: 'an unknown workspace member before a missing resolve',
    input: d => {
      d.workspace_members = ['ghost']
      delete d.resolve
    },
    path: 'workspace_members[0]',
    expect: 'unknown package id `ghost`',
    exact: true
  },
  {
    name: 'a dependency cycle before an unknown resolve.root',
    input: d => {
      d.resolve.nodes[1].deps = [{ name: 'app', pkg: APP, dep_kinds: [{ kind: 'build', target: null }] }]
      d.resolve.root = 'ghost'
    },
    path: 'resolve.nodes[1].deps[0]',
    expect: 'cyclic package dependency: package `app v0.1.0` depends on itself (`app v0.1.0` → `dep v1.0.0` → `app v0.1.0`)',
    exact: false
  },
  // A real file, cut short.
  { name: 'a corpus file truncated', input: corpusText('guppy-proc-macro1.json').slice(0, 1000), path: '', expect: 'not valid JSON (' }
]

describe('invalid metadata', () => {
  it('the base document of the table is valid', () => {
    const m = validateMetadata(validDoc(), SOURCE)
    expect([...m.packages.keys()]).toEqual([APP, DEP])
    // The edge carries the declaration it stands for: what the feature resolver reads.
    const declared = { nameInToml: 'dep', optional: false, features: [], defaultFeatures: true }
    expect(m.packages.get(APP)!.deps).toEqual([{ pkg: DEP, externName: 'dep', kinds: [{ kind: 'normal', platform: null, declared }] }])
    expect(m.graphQuality).toBe('full')
    expect(m.resolveRoot).toBe(APP)
    // And through the text entry point.
    expect(parseMetadata(JSON.stringify(validDoc()), SOURCE).packages.size).toBe(2)
  })

  it('has at least 40 cases with distinct names', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(40)
    expect(new Set(INVALID.map(c => c.name)).size).toBe(INVALID.length)
  })

  it.each(INVALID.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const text = typeof c.input === 'string' ? c.input : JSON.stringify(mutated(c.input))
    const error = errorOf(() => parseMetadata(text, SOURCE))
    expect(error).toBeInstanceOf(UserError)
    expect(error.name).toBe('MetadataError')
    const prefix = c.path === '' ? `${SOURCE}: ` : `${SOURCE}: ${c.path}: `
    expect(error.message.startsWith(prefix)).toBe(true)
    const rest = error.message.slice(prefix.length)
    if (c.exact) expect(rest).toBe(c.expect)
    else expect(rest).toContain(c.expect)
    expectOneLine(error.message)
    // The same value, already parsed, gives the same message.
    if (typeof c.input !== 'string') expect(errorOf(() => validateMetadata(mutated(c.input as (d: Doc) => void), SOURCE)).message).toBe(error.message)
  })

  it('validateMetadata on non-JSON values still gives a one-line MetadataError', () => {
    for (const value of [undefined, null, 0, 'x', [], () => 1]) {
      const error = errorOf(() => validateMetadata(value, 'value'))
      expect(error.message).toBe('value: the top level must be a JSON object from `cargo metadata --format-version 1`')
    }
  })

  it('accepts what cargo really prints: dylib libraries, examples with library crate types, null dependency targets', () => {
    const m = validateMetadata(
      mutated(d => {
        d.packages[1].targets[0] = lib('dep', ['dylib'], ['dylib'])
        d.packages[0].targets.push({ kind: ['example'], crate_types: ['staticlib'], name: 'ffi', src_path: '/w/app/examples/ffi.rs' })
        // Cargo refuses `dylib` with `cdylib` in `[lib]` only; an example builds with both.
        d.packages[0].targets.push({ kind: ['example'], crate_types: ['dylib', 'cdylib'], name: 'both', src_path: '/w/app/examples/both.rs' })
        d.packages[0].publish = []
        d.packages[0].rust_version = '1.70'
      }),
      SOURCE
    )
    expect(m.packages.get(DEP)!.targets[0]).toMatchObject({ kind: 'lib', crateTypes: ['dylib'], test: true })
    expect(m.packages.get(APP)!.targets[2]).toMatchObject({ kind: 'example', crateTypes: ['staticlib'], test: false })
    expect(m.packages.get(APP)!.targets[3]).toMatchObject({ kind: 'example', crateTypes: ['dylib', 'cdylib'] })
    // `publish = false` is written as `[]` by cargo metadata.
    expect(m.packages.get(APP)!.publish).toBe(false)
    expect(m.packages.get(APP)!.rustVersion).toBe('1.70')
  })

  it('old-form `dependencies` ids (no `deps`) give recovered kinds and no-dep-kinds quality', () => {
    const m = validateMetadata(
      mutated(d => {
        delete d.resolve.nodes[0].deps
        d.resolve.nodes[0].dependencies = [DEP]
        d.packages[0].dependencies[0].kind = 'build'
        d.packages[0].dependencies[0].rename = 'renamed-dep'
      }),
      SOURCE
    )
    expect(m.graphQuality).toBe('no-dep-kinds')
    const declared = { nameInToml: 'renamed-dep', optional: false, features: [], defaultFeatures: true }
    expect(m.packages.get(APP)!.deps).toEqual([{ pkg: DEP, externName: 'renamed_dep', kinds: [{ kind: 'build', platform: null, declared }] }])
  })

  it('repeated dep_kinds entries are kept once', () => {
    const m = validateMetadata(
      mutated(d => {
        d.resolve.nodes[0].deps[0].dep_kinds = [
          { kind: null, target: null },
          { kind: 'normal', target: null },
          { kind: 'dev', target: 'cfg(unix)' },
          { kind: 'dev', target: 'cfg(unix)' }
        ]
      }),
      SOURCE
    )
    expect(kindsOf(m.packages.get(APP)!.deps[0]!)).toEqual([
      { kind: 'normal', platform: null },
      { kind: 'dev', platform: 'cfg(unix)' }
    ])
  })

  describe('subtle malformed inputs', () => {
    it('a JSON syntax error next to a line break gives a one-line message', () => {
      const error = errorOf(() => parseMetadata('{\n  "version": 1,\n  "packages": [\n    {"id": x}\n  ]\n}', SOURCE))
      expectOneLine(error.message)
    })

    it('an id containing a line break is not echoed raw into the message', () => {
      const error = errorOf(() => validateMetadata(mutated(d => d.workspace_members.push('ghost\n0.1.0')), SOURCE))
      expectOneLine(error.message)
    })

    it('a lib target with crate type `bin` is rejected', () => {
      errorOf(() => validateMetadata(mutated(d => (d.packages[1].targets[0] = lib('dep', ['lib'], ['bin']))), SOURCE))
    })

    it('a proc-macro target whose crate_types is `lib` is rejected', () => {
      errorOf(() => validateMetadata(mutated(d => (d.packages[1].targets[0] = lib('dep', ['proc-macro'], ['lib']))), SOURCE))
    })

    it('a `lib` kind target whose crate_types is `proc-macro` is rejected', () => {
      errorOf(() => validateMetadata(mutated(d => (d.packages[1].targets[0] = lib('dep', ['lib'], ['proc-macro']))), SOURCE))
    })

    it('a target kind list mixing `bin` and `lib` names `bin` as misplaced, not as unknown', () => {
      const error = errorOf(() => validateMetadata(mutated(d => (d.packages[0].targets[1].kind = ['bin', 'lib'])), SOURCE))
      expect(error.message).not.toContain('unknown target kind `bin`')
    })

    it('a graph where only some edges have dep_kinds is not reported as full', () => {
      const m = validateMetadata(
        mutated(d => {
          d.packages.push({
            name: 'extra',
            version: '0.1.0',
            id: 'extra 0.1.0',
            source: null,
            targets: [lib('extra', ['lib'], ['lib'])],
            manifest_path: '/w/extra/Cargo.toml'
          })
          d.packages[1].dependencies = [{ name: 'extra', kind: 'dev', rename: null, target: null }]
          d.resolve.nodes[1].deps = [{ name: 'extra', pkg: 'extra 0.1.0' }]
          d.resolve.nodes.push({ id: 'extra 0.1.0', deps: [], features: [] })
        }),
        SOURCE
      )
      expect(kindsOf(m.packages.get(DEP)!.deps[0]!)).toEqual([{ kind: 'dev', platform: null }])
      expect(m.graphQuality).toBe('no-dep-kinds')
    })

    it('an edge with an empty dep_kinds list is rejected', () => {
      errorOf(() => validateMetadata(mutated(d => (d.resolve.nodes[0].deps[0].dep_kinds = [])), SOURCE))
    })
  })
})

describe('what validation keeps', () => {
  it('copies the lists it keeps: changing the input afterwards changes nothing', () => {
    const doc = mutated(d => {
      d.packages[0].targets[0] = lib('app', ['cdylib', 'rlib'], ['cdylib', 'rlib'])
      d.packages[0].targets[1]['required-features'] = ['cli']
      d.packages[0].dependencies[0].features = ['std']
      d.packages[1].features = { default: ['std'], std: [] }
      d.resolve.nodes[1].features = ['default', 'std']
      d.workspace_members = [APP]
    })
    const m = validateMetadata(doc, SOURCE)
    const app = m.packages.get(APP)!
    const dep = m.packages.get(DEP)!
    doc.packages[0].targets[0].crate_types.push('dylib')
    doc.packages[0].targets[1]['required-features'].push('extra')
    doc.packages[0].dependencies[0].features.push('alloc')
    doc.packages[1].features.default.push('alloc')
    doc.resolve.nodes[1].features.push('alloc')
    doc.workspace_members.push(DEP)
    expect(app.targets[0]!.crateTypes).toEqual(['cdylib', 'rlib'])
    expect(app.targets[1]!.requiredFeatures).toEqual(['cli'])
    expect(app.deps[0]!.kinds[0]!.declared!.features).toEqual(['std'])
    expect(dep.featureMap).toEqual(new Map([['default', ['std']], ['std', []]]))
    expect(dep.features).toEqual(['default', 'std'])
    expect(m.workspaceMembers).toEqual([APP])
  })

  it('the lists many packages share (empty lists, a single crate type) are frozen, so that no one can change them for all', () => {
    const m = validateMetadata(
      mutated(d => {
        d.packages[1].features = { default: [] }
        d.packages[0].dependencies[0].features = []
      }),
      SOURCE
    )
    const app = m.packages.get(APP)!
    const dep = m.packages.get(DEP)!
    const shared = [app.targets[0]!.crateTypes, app.targets[1]!.requiredFeatures, app.features, dep.deps, dep.featureMap.get('default')!, app.deps[0]!.kinds[0]!.declared!.features]
    for (const list of shared) expect(Object.isFrozen(list)).toBe(true)
    expect(app.targets[0]!.crateTypes).toEqual(['lib'])
    expect(app.targets[1]!.crateTypes).toEqual(['bin'])
    expect(dep.deps).toEqual([])
    expect(app.features).toEqual([])
  })

  it('a package without a resolve node keeps no edges and no features', () => {
    const m = validateMetadata(
      mutated(d => {
        d.packages.push({ name: 'loose', version: '0.1.0', id: 'loose 0.1.0', targets: [lib('loose', ['lib'], ['lib'])], manifest_path: '/w/loose/Cargo.toml' })
      }),
      SOURCE
    )
    const loose = m.packages.get('loose 0.1.0')!
    expect(loose).toMatchObject({ deps: [], features: [], featureMap: new Map(), edition: '2015', source: null, rustVersion: null, publish: null })
    expect([...m.packages.keys()]).toEqual([APP, DEP, 'loose 0.1.0'])
  })

  it('edges name their package by its id, and repeated platforms read as equal strings', () => {
    const m = validateMetadata(
      mutated(d => {
        d.packages[0].dependencies.push({ name: 'dep', kind: 'dev', rename: null, target: 'cfg(unix)', optional: false, uses_default_features: false, features: ['x'] })
        d.resolve.nodes[0].deps[0].dep_kinds.push({ kind: 'dev', target: 'cfg(unix)' })
      }),
      SOURCE
    )
    const edge = m.packages.get(APP)!.deps[0]!
    expect(edge.pkg).toBe(DEP)
    expect(edge.kinds).toEqual([
      { kind: 'normal', platform: null, declared: { nameInToml: 'dep', optional: false, features: [], defaultFeatures: true } },
      { kind: 'dev', platform: 'cfg(unix)', declared: { nameInToml: 'dep', optional: false, features: ['x'], defaultFeatures: false } }
    ])
  })

  describe('extern names of edges recovered without dep_kinds', () => {
    const recovered = (change: (d: Doc) => void): DependencyEdge => {
      const m = validateMetadata(
        mutated(d => {
          delete d.resolve.nodes[0].deps
          d.resolve.nodes[0].dependencies = [DEP]
          change(d)
        }),
        SOURCE
      )
      expect(m.graphQuality).toBe('no-dep-kinds')
      return m.packages.get(APP)!.deps[0]!
    }

    it('the library target name, with underscores', () => {
      expect(recovered(d => (d.packages[1].targets[0].name = 'dep-core')).externName).toBe('dep_core')
    })

    it('the package name, with underscores, when the package has no library target', () => {
      const edge = recovered(d => {
        d.packages[1].name = 'dep-tool'
        d.packages[0].dependencies[0].name = 'dep-tool'
        d.packages[1].targets = [{ kind: ['bin'], crate_types: ['bin'], name: 'dep-tool', src_path: '/r/dep/src/main.rs' }]
      })
      expect(edge.externName).toBe('dep_tool')
      expect(edge.kinds).toEqual([{ kind: 'normal', platform: null, declared: { nameInToml: 'dep-tool', optional: false, features: [], defaultFeatures: true } }])
    })

    it('the first non-empty rename among the declarations of the package, and every kind they declare', () => {
      const edge = recovered(d => {
        d.packages[0].dependencies = [
          { name: 'dep', kind: null, rename: '', target: null },
          { name: 'other', kind: null, rename: 'other-name', target: null },
          { name: 'dep', kind: 'build', rename: 'dep-b', target: null },
          { name: 'dep', kind: 'dev', rename: 'dep-d', target: 'cfg(unix)' }
        ]
      })
      expect(edge.externName).toBe('dep_b')
      expect(edge.kinds.map(k => [k.kind, k.platform, k.declared?.nameInToml])).toEqual([
        ['normal', null, ''],
        ['build', null, 'dep-b'],
        ['dev', 'cfg(unix)', 'dep-d']
      ])
    })

    it('a package declaring nothing by that name gets a normal edge without a declaration', () => {
      const edge = recovered(d => (d.packages[0].dependencies = []))
      expect(edge).toEqual({ pkg: DEP, externName: 'dep', kinds: [{ kind: 'normal', platform: null, declared: null }] })
    })
  })
})

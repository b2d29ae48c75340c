import { describe, expect, it } from '@jest/globals'
import { mergeCargoConfig } from '../src/config/cargo-config.js'
import { profileNameFor, resolveProfile } from '../src/config/profiles.js'
import { type LinkageResult, resolveLinkage } from '../src/linkage/resolve.js'
import { compilerBehaviour } from '../src/model/compiler-behaviour.js'
import { MetadataError, validateMetadata } from '../src/metadata/parse.js'
import type { BuildContext } from '../src/model/build-context.js'
import { parseCfgLines } from '../src/model/cfg.js'
import { CRATE_TYPES } from '../src/model/crate-type.js'
import { type Command, defaultInvocation } from '../src/model/invocation.js'
import type { Metadata } from '../src/model/metadata.js'
import { selectPackages } from '../src/model/selection.js'
import type { TargetInfo } from '../src/model/target-info.js'
import { buildUnitGraph, type UnitGraph } from '../src/model/unit-graph.js'

/**
 * Cargo's resolver refuses every package cycle except one closed by a dev-dependency ("cyclic package
 * dependency: package `a v0.1.0 (…)` depends on itself"), whatever the platform of its edges; cargo 1.95
 * accepts `a` dev-depending on `b` while `b` depends on `a`, in `cargo metadata`, `cargo build` and
 * `cargo test`. The engine refuses what cargo refuses, while the metadata is validated, and analyses the
 * rest; dependency chains deeper than the call stack are analysed too.
 */

const SOURCE = 'metadata.json'

/** A dependency kind of an edge, as `dep_kinds` has it. */
interface Kind {
  kind: 'dev' | 'build' | null
  target?: string
}
/** From, to, then the edge's kinds (a normal dependency when none are given). */
type Edge = [string, string, ...Kind[]]

interface DocOptions {
  members?: string[]
  /** Packages with a bin target `app` besides their library. */
  bins?: string[]
  /** Old metadata: each node lists `dependencies` (ids) only, without `deps` and their kinds. */
  withoutDepKinds?: boolean
}

/** `cargo metadata` output for path packages `/w/<name>`, each with a library (and a build script when it has build-dependencies). */
function metadataDoc(names: readonly string[], edges: readonly Edge[], options: DocOptions = {}): unknown {
  const id = (name: string): string => `path+file:///w/${name}#0.1.0`
  const kindsOf = ([, , ...kinds]: Edge): Kind[] => (kinds.length > 0 ? kinds : [{ kind: null }])
  const byFrom = new Map<string, Edge[]>()
  for (const e of edges) {
    const list = byFrom.get(e[0])
    if (list) list.push(e)
    else byFrom.set(e[0], [e])
  }
  const from = (name: string): Edge[] => byFrom.get(name) ?? []
  const packages = names.map(name => ({
    name,
    version: '0.1.0',
    id: id(name),
    source: null,
    dependencies: from(name).flatMap(e => kindsOf(e).map(k => ({ name: e[1], source: null, req: '*', kind: k.kind, rename: null, target: k.target ?? null }))),
    targets: [
      { kind: ['lib'], crate_types: ['lib'], name, src_path: `/w/${name}/src/lib.rs`, test: true },
      ...(options.bins?.includes(name) ? [{ kind: ['bin'], crate_types: ['bin'], name: 'app', src_path: `/w/${name}/src/main.rs`, test: true }] : []),
      ...(from(name).some(e => kindsOf(e).some(k => k.kind === 'build'))
        ? [{ kind: ['custom-build'], crate_types: ['bin'], name: 'build-script-build', src_path: `/w/${name}/build.rs`, test: false }]
        : [])
    ],
    manifest_path: `/w/${name}/Cargo.toml`
  }))
  const nodes = names.map(name =>
    options.withoutDepKinds
      ? { id: id(name), dependencies: from(name).map(e => id(e[1])), features: [] }
      : {
          id: id(name),
          deps: from(name).map(e => ({ name: e[1], pkg: id(e[1]), dep_kinds: kindsOf(e).map(k => ({ kind: k.kind, target: k.target ?? null })) })),
          features: []
        }
  )
  const members = options.members ?? [names[0]!]
  return { version: 1, packages, workspace_members: members.map(id), resolve: { nodes, root: null }, workspace_root: '/w', target_directory: '/w/target' }
}

/** The line a refused document ends the run with. */
function refusal(doc: unknown): string {
  try {
    validateMetadata(doc, SOURCE)
  } catch (e) {
    expect(e).toBeInstanceOf(MetadataError)
    return (e as Error).message
  }
  throw new Error('the metadata was accepted')
}

const linux: TargetInfo = {
  triple: 'x86_64-unknown-linux-gnu',
  cfg: parseCfgLines('debug_assertions\npanic="unwind"\ntarget_arch="x86_64"\ntarget_env="gnu"\ntarget_family="unix"\ntarget_os="linux"\nunix\n'),
  stdInstalled: true,
  supportedCrateTypes: new Set(CRATE_TYPES),
  fileNames: { bin: '___', lib: 'lib___.rlib', rlib: 'lib___.rlib', dylib: 'lib___.so', cdylib: 'lib___.so', staticlib: 'lib___.a', 'proc-macro': 'lib___.so' },
  sysroot: '/toolchain',
  targetLibdir: '/toolchain/lib/rustlib/x86_64-unknown-linux-gnu/lib',
  crtStaticExecutables: false,
  stdDylib: 'libstd-0123456789abcdef.so',
  rustflags: [],
  rustflagsSource: null,
  rustdocflags: [],
  rustdocflagsSource: null
}

function contextFor(command: Command): BuildContext {
  const names = profileNameFor(command, false, null)
  const options = { manifest: null, manifestFile: 'Cargo.toml', config: mergeCargoConfig([]), env: {} }
  return {
    rustc: { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860', commitDate: '2026-04-14', host: linux.triple },
    host: linux,
    target: linux,
    profile: resolveProfile(names.main, options),
    testProfile: resolveProfile(names.test, options)
  }
}

/** `cargo <command> --workspace` up to the linkage of every unit. */
function analyse(metadata: Metadata, command: Command): { graph: UnitGraph; linkage: LinkageResult } {
  const invocation = defaultInvocation({ command, workspace: true })
  const selected = selectPackages(metadata, invocation, '/w/Cargo.toml').packages
  const context = contextFor(command)
  const graph = buildUnitGraph(metadata, context, invocation, selected)
  return { graph, linkage: resolveLinkage(graph, compilerBehaviour(context.rustc, context.host)) }
}

/** Each unit as `package/target mode kind: status`. */
function verdicts({ linkage }: { linkage: LinkageResult }): string[] {
  return linkage.results.map(r => `${r.unit.pkg.name}/${r.unit.target.name} ${r.unit.mode} ${r.unit.kind}: ${r.status}`).sort()
}

describe('cycles cargo allows: closed by a dev-dependency', () => {
  const devCycle = metadataDoc(['a', 'b'], [['a', 'b', { kind: 'dev' }], ['b', 'a']], { members: ['a', 'b'] })

  it.each<[string, unknown]>([
    ['`a` dev-depends on `b`, which depends on `a`', devCycle],
    ['a package dev-depends on itself', metadataDoc(['a'], [['a', 'a', { kind: 'dev' }]])],
    ['a three-package cycle closed by a dev-dependency', metadataDoc(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a', { kind: 'dev' }]])],
    ['a dev-dependency cycle in metadata without dep_kinds', metadataDoc(['a', 'b'], [['a', 'b', { kind: 'dev' }], ['b', 'a']], { withoutDepKinds: true })]
  ])('%s: accepted', (_name, doc) => {
    expect(() => validateMetadata(doc, SOURCE)).not.toThrow()
  })

  it('`cargo build`: each library once, `a` without `b`', () => {
    expect(verdicts(analyse(validateMetadata(devCycle, SOURCE), 'build'))).toEqual(['a/a build target: ok', 'b/b build target: ok'])
  })

  it('`cargo test`: the test harness of `a` links `b`, which links the library `a`, a unit of its own', () => {
    const analysis = analyse(validateMetadata(devCycle, SOURCE), 'test')
    // Without sources, each library's doc examples are taken to run: rustdoc links them like a harness.
    expect(verdicts(analysis)).toEqual(['a/a build target: ok', 'a/a doctest target: ok', 'a/a test target: ok', 'b/b build target: ok', 'b/b doctest target: ok', 'b/b test target: ok'])
    const harness = analysis.linkage.results.find(r => r.unit.pkg.name === 'a' && r.unit.mode === 'test')!
    expect(harness.unit.crates.map(c => `${c.unit.pkg.name} ${c.unit.mode}`)).toEqual(['b build'])
    expect(harness.crates.filter(c => !c.key.startsWith('sys:')).map(c => c.name)).toEqual(['b', 'a'])
  })
})

describe('cycles cargo refuses: one line naming the file, the edge closing the cycle and its packages', () => {
  it.each<[string, unknown, string]>([
    ['a normal-dependency cycle', metadataDoc(['a', 'b'], [['a', 'b'], ['b', 'a']]), 'resolve.nodes[1].deps[0]: cyclic package dependency: package `a v0.1.0` depends on itself (`a v0.1.0` → `b v0.1.0` → `a v0.1.0`)'],
    ['a package depending on itself', metadataDoc(['a'], [['a', 'a']]), 'resolve.nodes[0].deps[0]: cyclic package dependency: package `a v0.1.0` depends on itself (`a v0.1.0` → `a v0.1.0`)'],
    ['a three-package cycle', metadataDoc(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]), '(`a v0.1.0` → `b v0.1.0` → `c v0.1.0` → `a v0.1.0`)'],
    ['a cycle through a build-dependency', metadataDoc(['a', 'b'], [['a', 'b', { kind: 'build' }], ['b', 'a']]), '(`a v0.1.0` → `b v0.1.0` → `a v0.1.0`)'],
    ['a cycle through an edge for another platform', metadataDoc(['a', 'b'], [['a', 'b', { kind: null, target: 'cfg(windows)' }], ['b', 'a']]), '(`a v0.1.0` → `b v0.1.0` → `a v0.1.0`)'],
    ['an edge that is a dev- and a normal dependency', metadataDoc(['a', 'b'], [['a', 'b', { kind: 'dev' }, { kind: null }], ['b', 'a']]), '(`a v0.1.0` → `b v0.1.0` → `a v0.1.0`)'],
    ['a cycle among dependencies of the workspace', metadataDoc(['w', 'x', 'y'], [['w', 'x'], ['x', 'y'], ['y', 'x']]), 'resolve.nodes[2].deps[0]: cyclic package dependency: package `x v0.1.0` depends on itself'],
    ['a cycle in metadata without dep_kinds', metadataDoc(['a', 'b'], [['a', 'b'], ['b', 'a']], { withoutDepKinds: true }), 'resolve.nodes[1].dependencies[0]: cyclic package dependency']
  ])('%s', (_name, doc, expected) => {
    const message = refusal(doc)
    expect(message).toContain(`${SOURCE}: `)
    expect(message).toContain(expected)
    expect(message).toMatch(/cargo refuses every dependency cycle that does not go through a dev-dependency$/)
  })

  it('a long cycle is shown by its first packages and the one that closes it', () => {
    const names = Array.from({ length: 100 }, (_, i) => `p${i}`)
    const message = refusal(metadataDoc(names, names.map((n, i) => [n, names[(i + 1) % names.length]!] as Edge)))
    expect(message).toContain('(`p0 v0.1.0` → `p1 v0.1.0` → `p2 v0.1.0` → `p3 v0.1.0` → `p4 v0.1.0` → `p5 v0.1.0` → `p6 v0.1.0` → `p7 v0.1.0` → `p8 v0.1.0` → `p9 v0.1.0` → … 89 more → `p99 v0.1.0` → `p0 v0.1.0`)')
  })
})

describe('dependency chains deeper than the call stack', () => {
  it('a bin over a chain of 50,000 libraries links all of them, in load order', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `p${i}`)
    const doc = metadataDoc(names, names.slice(1).map((n, i) => [names[i]!, n] as Edge), { bins: ['p0'] })
    const { graph, linkage } = analyse(validateMetadata(doc, SOURCE), 'build')
    expect(graph.units).toHaveLength(50_001)
    expect(linkage.results.every(r => r.status === 'ok')).toBe(true)
    const app = linkage.results.find(r => r.unit.target.name === 'app')!
    expect(app.crates.filter(c => !c.key.startsWith('sys:')).map(c => c.name)).toEqual(names)
  })

  it('a 50,000-package cycle is refused, not overflowing the stack', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `p${i}`)
    expect(refusal(metadataDoc(names, names.map((n, i) => [n, names[(i + 1) % names.length]!] as Edge)))).toContain('… 49989 more')
  })
})

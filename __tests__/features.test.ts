/**
 * The feature resolver on small in-memory workspaces: the rules of cargo's `resolver/features.rs` that the
 * recorded fixture workspaces (features-*) do not each pin, checked one by one.
 */
import { describe, expect, it } from '@jest/globals'
import { parseCfgLines } from '../src/model/cfg.js'
import { UserError } from '../src/errors.js'
import { checkCommandLineFeatures } from '../src/model/feature-refusals.js'
import { causeChain, type CommandLineFeatures, type FeatureRequest, featureValue, resolveFeatures } from '../src/model/features.js'
import type { Declaration, DeclaredDependency, DependencyKind, Metadata, Package } from '../src/model/metadata.js'
import type { TargetInfo } from '../src/model/target-info.js'
import { featuresSatisfied } from '../src/model/unit-dependencies.js'

interface Dep {
  on: string
  kind?: DependencyKind
  platform?: string
  optional?: boolean
  features?: string[]
  defaultFeatures?: boolean
  rename?: string
}

/** A package `name` with a lib (or a proc-macro), its `[features]` and its dependencies on other packages by name. */
function pkg(name: string, features: Record<string, string[]> = {}, deps: Dep[] = [], procMacro = false): Package & { declaredDeps: Dep[] } {
  return {
    id: `path+file:///w/${name}#0.1.0`,
    name,
    version: '0.1.0',
    source: null,
    manifestPath: `/w/${name}/Cargo.toml`,
    targets: [{ name, kind: procMacro ? 'proc-macro' : 'lib', crateTypes: [procMacro ? 'proc-macro' : 'lib'], srcPath: `/w/${name}/src/lib.rs`, test: true, doctest: true, requiredFeatures: [] }],
    features: [],
    featureMap: new Map(Object.entries(features)),
    edition: '2021',
    deps: [],
    declarations: [],
    rustVersion: null,
    publish: false,
    description: null,
    license: null,
    licenseFile: null,
    declaredDeps: deps
  }
}

function workspace(members: string[], packages: ReturnType<typeof pkg>[]): Metadata {
  const byName = new Map(packages.map(p => [p.name, p]))
  for (const p of packages) {
    const edges = new Map<string, Package['deps'][number]>()
    const declarations: Declaration[] = []
    for (const d of p.declaredDeps) {
      const target = byName.get(d.on)!
      const declared: DeclaredDependency = { nameInToml: d.rename ?? d.on, optional: d.optional ?? false, features: d.features ?? [], defaultFeatures: d.defaultFeatures ?? true }
      declarations.push({ kind: d.kind ?? 'normal', platform: d.platform ?? null, declared })
      const edge = edges.get(target.id) ?? { pkg: target.id, externName: (d.rename ?? d.on).replace(/-/g, '_'), kinds: [] }
      edge.kinds.push({ kind: d.kind ?? 'normal', platform: d.platform ?? null, declared })
      edges.set(target.id, edge)
    }
    p.deps = [...edges.values()]
    p.declarations = declarations
  }
  return {
    packages: new Map(packages.map(p => [p.id, p])),
    workspaceMembers: members.map(m => byName.get(m)!.id),
    workspaceDefaultMembers: null,
    workspaceRoot: '/w',
    targetDirectory: '/w/target',
    resolveRoot: null,
    graphQuality: 'full'
  }
}

const LINUX: TargetInfo = {
  triple: 'x86_64-unknown-linux-gnu',
  cfg: parseCfgLines('unix\ntarget_os="linux"\ntarget_family="unix"\n'),
  stdInstalled: true,
  supportedCrateTypes: new Set(['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']),
  fileNames: {},
  sysroot: '/rust',
  targetLibdir: '/rust/lib',
  crtStaticExecutables: false,
  stdDylib: null,
  rustflags: [],
  rustflagsSource: null,
  rustdocflags: [],
  rustdocflagsSource: null
}

function resolve(metadata: Metadata, selected: string[], request: Partial<FeatureRequest> = {}) {
  const byName = (n: string) => [...metadata.packages.values()].find(p => p.name === n)!
  const features = resolveFeatures(metadata, {
    resolver: 2,
    selected: selected.map(byName),
    current: null,
    features: [],
    allFeatures: false,
    noDefaultFeatures: false,
    hasDevUnits: false,
    host: LINUX,
    target: LINUX,
    procMacroDependencyByAnyTarget: false,
    ...request
  })
  return {
    on: (name: string, side: 'normal' | 'host' = 'normal') => [...features.activatedFeatures(byName(name).id, side).keys()].sort(),
    reached: (name: string, side: 'normal' | 'host') => features.isActivated(byName(name).id, side),
    dep: (name: string, dep: string, side: 'normal' | 'host' = 'normal') => features.isDepActivated(byName(name).id, side, dep),
    /** Why an optional dependency is on, nearest cause first: `pkg: feature = value` or `pkg: --cli value`. */
    why: (name: string, dep: string) => {
      const cause = features.dependencyCause(byName(name).id, 'normal', dep)
      return cause === null
        ? null
        : causeChain(features, cause).map(({ origin, value }) =>
            origin.by === 'feature' ? `${origin.pkg.name}: ${origin.feature} = ${value}` : origin.by === 'dependency' ? `${origin.pkg.name}: ${origin.nameInToml} = { ${value} }` : `${origin.pkg.name}: --cli ${value}`
          )
    }
  }
}

describe('featureValue', () => {
  it('reads cargo’s four forms', () => {
    expect(['std', 'dep:serde', 'serde/derive', 'serde?/derive'].map(featureValue)).toEqual([
      { kind: 'feature', feature: 'std' },
      { kind: 'dep', depName: 'serde' },
      { kind: 'dep-feature', depName: 'serde', depFeature: 'derive', weak: false },
      { kind: 'dep-feature', depName: 'serde', depFeature: 'derive', weak: true }
    ])
  })
})

describe('resolveFeatures', () => {
  // `engine` has an optional dylib behind `dynamic`; `game` uses engine plainly, `tools` turns `dynamic` on.
  const bevy = () =>
    workspace(
      ['game', 'tools', 'engine'],
      [
        pkg('game', {}, [{ on: 'engine' }]),
        pkg('tools', {}, [{ on: 'engine', features: ['dynamic'] }]),
        pkg('engine', { dynamic: ['dep:engine_dylib'] }, [{ on: 'engine_dylib', optional: true }]),
        pkg('engine_dylib')
      ]
    )

  it('activates only what the selected packages ask for', () => {
    expect(resolve(bevy(), ['game']).dep('engine', 'engine_dylib')).toBe(false)
    expect(resolve(bevy(), ['tools']).dep('engine', 'engine_dylib')).toBe(true)
    expect(resolve(bevy(), ['game', 'tools']).on('engine')).toEqual(['dynamic'])
  })

  it('records what turned each optional dependency on, up to a manifest line or the command line', () => {
    expect(resolve(bevy(), ['tools']).why('engine', 'engine_dylib')).toEqual(['engine: dynamic = dep:engine_dylib', 'tools: engine = { dynamic }'])
    expect(resolve(bevy(), ['game'], { features: ['engine/dynamic'] }).why('engine', 'engine_dylib')).toEqual([
      'engine: dynamic = dep:engine_dylib',
      'game: --cli engine/dynamic'
    ])
    expect(resolve(bevy(), ['game']).why('engine', 'engine_dylib')).toBeNull()
    // A weak request waits for the dependency; its cause is the entry that asked, not what activated the dependency.
    const weak = workspace(
      ['app', 'other'],
      [
        pkg('app', {}, [{ on: 'lib', features: ['extra'] }]),
        pkg('other', {}, [{ on: 'lib', features: ['with_opt'] }]),
        pkg('lib', { with_opt: ['dep:opt'], extra: ['opt?/dy'] }, [{ on: 'opt', optional: true }]),
        pkg('opt', { dy: ['dep:dy'] }, [{ on: 'dy', optional: true }]),
        pkg('dy')
      ]
    )
    expect(resolve(weak, ['app', 'other']).why('opt', 'dy')).toEqual(['opt: dy = dep:dy', 'lib: extra = opt?/dy', 'app: lib = { extra }'])
    expect(resolve(weak, ['other']).why('opt', 'dy')).toBeNull()
  })

  it('`member/feature` and plain features on the command line reach the members that have them', () => {
    expect(resolve(bevy(), ['game'], { features: ['engine/dynamic'] }).dep('engine', 'engine_dylib')).toBe(true)
    // `game` has no feature `dynamic`: resolver 2 gives it to no one (cargo refuses that command line first).
    expect(resolve(bevy(), ['game'], { features: ['dynamic'] }).dep('engine', 'engine_dylib')).toBe(false)
    expect(resolve(bevy(), ['engine'], { features: ['dynamic'] }).dep('engine', 'engine_dylib')).toBe(true)
  })

  it('resolver 1 in a package workspace gives plain features to the package cargo runs in', () => {
    const m = bevy()
    const engine = [...m.packages.values()].find(p => p.name === 'engine')!
    const r = resolve(m, ['game', 'engine'], { resolver: 1, current: engine, features: ['dynamic'] })
    expect(r.dep('engine', 'engine_dylib')).toBe(true)
  })

  it('resolver 1 on a member’s manifest resolves that member too, selected or not; resolver 2 does not', () => {
    const m = bevy()
    const tools = [...m.packages.values()].find(p => p.name === 'tools')!
    // `cargo build -p game` in tools' directory: tools asks for engine's `dynamic`, and resolver 1 unifies it.
    expect(resolve(m, ['game'], { resolver: 1, current: tools }).dep('engine', 'engine_dylib')).toBe(true)
    expect(resolve(m, ['game'], { resolver: 2, current: tools }).dep('engine', 'engine_dylib')).toBe(false)
    expect(resolve(m, ['game'], { resolver: 1, current: null }).dep('engine', 'engine_dylib')).toBe(false)
  })

  it('a weak `dep?/feature` waits until something else activates the dependency, whatever the order', () => {
    const weak = (select: string[]) =>
      resolve(
        workspace(
          ['a', 'b'],
          [
            pkg('a', {}, [{ on: 'lib', features: ['extra'] }]),
            pkg('b', {}, [{ on: 'lib', features: ['with_opt'] }]),
            pkg('lib', { extra: ['opt?/dy'], with_opt: ['dep:opt'] }, [{ on: 'opt', optional: true }]),
            pkg('opt', { dy: [] })
          ]
        ),
        select
      )
    expect(weak(['a']).dep('lib', 'opt')).toBe(false)
    expect(weak(['b']).on('opt')).toEqual([])
    expect(weak(['a', 'b']).on('opt')).toEqual(['dy'])
    expect(weak(['b', 'a']).on('opt')).toEqual(['dy'])
  })

  it('a non-weak `dep/feature` activates the optional dependency and its implicit feature', () => {
    const r = resolve(
      workspace(['a'], [pkg('a', { fast: ['opt/dy'], opt: ['dep:opt'] }, [{ on: 'opt', optional: true }]), pkg('opt', { dy: [] })]),
      ['a'],
      { features: ['fast'] }
    )
    expect(r.dep('a', 'opt')).toBe(true)
    expect(r.on('a')).toEqual(['fast', 'opt'])
    expect(r.on('opt')).toEqual(['dy'])
  })

  it('default features: on unless the declaration or the command line turns them off', () => {
    const m = () =>
      workspace(['a'], [pkg('a', { default: ['x'], x: [] }, [{ on: 'b', defaultFeatures: false }]), pkg('b', { default: ['y'], y: [] })])
    expect(resolve(m(), ['a']).on('a')).toEqual(['default', 'x'])
    expect(resolve(m(), ['a']).on('b')).toEqual([])
    expect(resolve(m(), ['a'], { noDefaultFeatures: true }).on('a')).toEqual([])
  })

  it('resolver 2 keeps build-dependency and proc-macro features on the host side; resolver 1 unifies them', () => {
    const m = () =>
      workspace(
        ['app'],
        [
          pkg('app', {}, [{ on: 'helper' }, { on: 'helper', kind: 'build', features: ['dy'] }, { on: 'mac' }]),
          pkg('helper', { dy: [] }),
          pkg('mac', {}, [{ on: 'helper', features: ['dy'] }], true)
        ]
      )
    const v2 = resolve(m(), ['app'])
    expect([v2.on('helper'), v2.on('helper', 'host')]).toEqual([[], ['dy']])
    const v1 = resolve(m(), ['app'], { resolver: 1 })
    expect([v1.on('helper'), v1.on('helper', 'host')]).toEqual([['dy'], ['dy']])
  })

  it('resolver 2 resolves a member with a proc-macro example for the host too; a dependency with one only where it is used', () => {
    // cargo's `Package::proc_macro` counts every target: the example `pm` makes `helper` a proc-macro package.
    const m = () => {
      const helper = pkg('helper', { extra: ['common/b'] }, [{ on: 'common', features: ['a'] }])
      helper.targets.push({ name: 'pm', kind: 'example', crateTypes: ['proc-macro'], srcPath: '/w/helper/examples/pm.rs', test: false, doctest: false, requiredFeatures: [] })
      return workspace(['helper', 'app'], [pkg('app', {}, [{ on: 'helper', features: ['extra'] }]), helper, pkg('common', { a: [], b: [] })])
    }
    const both = resolve(m(), ['helper', 'app'])
    expect([both.reached('helper', 'host'), both.on('helper'), both.on('helper', 'host')]).toEqual([true, ['extra'], []])
    expect([both.on('common'), both.on('common', 'host')]).toEqual([['a', 'b'], ['a']])
    const onlyApp = resolve(m(), ['app'])
    expect([onlyApp.on('helper'), onlyApp.reached('helper', 'host'), onlyApp.reached('common', 'host')]).toEqual([['extra'], false, false])
    // Cargo before 1.80 took `helper` for a proc-macro dependency: the host side only, and its library panicked cargo.
    const old = resolve(m(), ['app'], { procMacroDependencyByAnyTarget: true })
    expect([old.reached('helper', 'normal'), old.reached('helper', 'host'), old.on('helper', 'host')]).toEqual([false, true, ['extra']])
  })

  it('resolver 2 leaves dev-dependency features off unless tests, examples or benches are built', () => {
    const m = () => workspace(['app'], [pkg('app', {}, [{ on: 'core' }, { on: 'core', kind: 'dev', features: ['dy'] }]), pkg('core', { dy: [] })])
    expect(resolve(m(), ['app']).on('core')).toEqual([])
    expect(resolve(m(), ['app'], { hasDevUnits: true }).on('core')).toEqual(['dy'])
    expect(resolve(m(), ['app'], { resolver: 1 }).on('core')).toEqual(['dy'])
  })

  it('dev-dependencies count only for the resolve’s roots, the selected members, whatever the resolver', () => {
    // `mid` is a dependency of `app`; its dev-dependency asks for `lib/dy`.
    const m = () => workspace(['app', 'mid'], [pkg('app', {}, [{ on: 'mid' }]), pkg('mid', {}, [{ on: 'lib' }, { on: 'lib', kind: 'dev', features: ['dy'] }]), pkg('lib', { dy: [] })])
    expect(resolve(m(), ['app'], { hasDevUnits: true }).on('lib')).toEqual([])
    expect(resolve(m(), ['app'], { resolver: 1 }).on('lib')).toEqual([])
    expect(resolve(m(), ['app', 'mid'], { hasDevUnits: true }).on('lib')).toEqual(['dy'])
    expect(resolve(m(), ['app', 'mid'], { resolver: 1 }).on('lib')).toEqual(['dy'])
  })

  it('resolver 2 ignores a dependency for another platform; resolver 1 does not', () => {
    const m = () => workspace(['app'], [pkg('app', {}, [{ on: 'lib' }, { on: 'lib', platform: 'cfg(windows)', features: ['dy'] }]), pkg('lib', { dy: [] })])
    expect(resolve(m(), ['app']).on('lib')).toEqual([])
    expect(resolve(m(), ['app'], { resolver: 1 }).on('lib')).toEqual(['dy'])
  })

  it('`-p` of a package outside the workspace resolves every member with its default features', () => {
    const r = resolve(bevy(), ['engine_dylib'])
    expect(r.dep('engine', 'engine_dylib')).toBe(true)
  })

  it('required-features may name a dependency’s feature as `name/feature`, never weakly', () => {
    const m = workspace(['a'], [pkg('a', {}, [{ on: 'b', features: ['x'] }]), pkg('b', { x: [], y: [] })])
    const a = [...m.packages.values()].find(p => p.name === 'a')!
    const features = resolveFeatures(m, { resolver: 2, selected: [a], current: null, features: [], allFeatures: false, noDefaultFeatures: false, hasDevUnits: false, host: LINUX, target: LINUX, procMacroDependencyByAnyTarget: false })
    const needs = (requiredFeatures: string[]) => featuresSatisfied({ metadata: m, features, hasDevUnits: false, platforms: [LINUX] }, { ...a.targets[0]!, requiredFeatures }, a)
    expect([needs(['b/x']), needs(['b?/x']), needs(['b/y']), needs(['dep:b']), needs([])]).toEqual([true, false, false, false, true])
  })

  it('required-features count `name/feature` only through the edges cargo keeps: dev ones when tests are built, ones for this platform', () => {
    // Resolver 1 turns on the features of dev-dependencies and of dependencies for other platforms all the same.
    const m = workspace(['a'], [pkg('a', {}, [{ on: 'b', kind: 'dev', features: ['x'] }, { on: 'c', platform: 'cfg(windows)', features: ['x'] }]), pkg('b', { x: [] }), pkg('c', { x: [] })])
    const a = [...m.packages.values()].find(p => p.name === 'a')!
    const request = { resolver: 1 as const, selected: [a], current: a, features: [], allFeatures: false, noDefaultFeatures: false, host: LINUX, target: LINUX, procMacroDependencyByAnyTarget: false }
    const needs = (hasDevUnits: boolean, required: string) =>
      featuresSatisfied({ metadata: m, features: resolveFeatures(m, { ...request, hasDevUnits }), hasDevUnits, platforms: [LINUX] }, { ...a.targets[0]!, requiredFeatures: [required] }, a)
    expect([needs(false, 'b/x'), needs(true, 'b/x'), needs(true, 'c/x')]).toEqual([false, true, false])
  })

  it('a dependency chain deeper than the call stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => pkg(`p${i}`, { default: ['x'], x: [] }, i + 1 < 20_000 ? [{ on: `p${i + 1}` }] : []))
    expect(resolve(workspace(['p0'], chain), ['p0']).on('p19999')).toEqual(['default', 'x'])
  })
})

describe('checkCommandLineFeatures: cargo build refuses what the selected members do not have, in its words', () => {
  // game and tools are members; `tools` has `dynamic` and an optional dependency `extras` nothing turns on.
  const m = () =>
    workspace(
      ['game', 'tools'],
      [
        pkg('game', { dynamic: [] }, [{ on: 'engine' }]),
        pkg('tools', { verbose: [], dynamic: [] }, [{ on: 'engine' }, { on: 'extras', optional: true, features: ['fast'] }]),
        pkg('engine', { dynamic: [] }),
        pkg('extras', { fast: [] })
      ]
    )
  /** `current`: the package of the manifest cargo runs on, by name; none for the virtual root manifest. */
  const refusal = (selected: string[], { current, ...cli }: Partial<Omit<CommandLineFeatures, 'current'>> & { current?: string } = {}): string | null => {
    const metadata = m()
    const byName = (name: string) => [...metadata.packages.values()].find(p => p.name === name)!
    const members = selected.map(byName)
    try {
      checkCommandLineFeatures(metadata, members, { resolver: 2, current: current === undefined ? null : byName(current), features: [], allFeatures: false, noDefaultFeatures: false, ...cli })
      return null
    } catch (e) {
      expect(e).toBeInstanceOf(UserError)
      return (e as Error).message
    }
  }

  it('accepts a member’s own features, its dependencies’ (`dep/feature`), and `member/feature`', () => {
    expect(refusal(['tools'], { features: ['verbose', 'engine/dynamic', 'extras?/fast', 'extras', 'tools/verbose'] })).toBeNull()
  })

  it('names the other members that have the feature', () => {
    expect(refusal(['game'], { features: ['verbose'] })).toBe("the package 'game' does not contain this feature: verbose; help: package with the missing feature: tools")
    expect(refusal(['game'], { features: ['verbose', 'zzz'] })).toBe("the package 'game' does not contain these features: verbose, zzz; help: package with the missing features: tools")
  })

  it('lists the selected packages when several are, and suggests similarly named features', () => {
    expect(refusal(['game', 'tools'], { features: ['dynamc'] })).toBe(
      'none of the selected packages contains this feature: dynamc; selected packages: game, tools; help: there is a similarly named feature: dynamic'
    )
    expect(refusal(['tools'], { features: ['extra'] })).toBe("the package 'tools' does not contain this feature: extra; help: there is a similarly named feature: extras")
    expect(refusal(['tools'], { features: ['engin/dynamic'] })).toBe("the package 'tools' does not contain this feature: engin/dynamic")
  })

  it('refuses any feature flag for a selection of no member, and nothing under resolver 1 in a package workspace', () => {
    expect(refusal([], { features: ['dynamic'] })).toBe('cannot specify features for packages outside of workspace')
    expect(refusal([], { noDefaultFeatures: true })).toBe('cannot specify features for packages outside of workspace')
    expect(refusal([], {})).toBeNull()
    expect(refusal(['game'], { features: ['nope'], resolver: 1, current: 'game' })).toBeNull()
  })
})

describe('isActivated: the packages the feature resolver reaches on each side', () => {
  // `gen` is only a build dependency of `app`: resolver 2 reaches it on the host side alone.
  const m = () => workspace(['app'], [pkg('app', {}, [{ on: 'gen', kind: 'build' }]), pkg('gen')])
  const activated = (resolver: 1 | 2) => {
    const metadata = m()
    const byName = (n: string) => [...metadata.packages.values()].find(p => p.name === n)!
    const features = resolveFeatures(metadata, { resolver, selected: [byName('app')], current: null, features: [], allFeatures: false, noDefaultFeatures: false, hasDevUnits: false, host: LINUX, target: LINUX, procMacroDependencyByAnyTarget: false })
    return [features.isActivated(byName('gen').id, 'normal'), features.isActivated(byName('gen').id, 'host')]
  }

  it('resolver 2 reaches a build dependency on the host side only (cargo panics on `-p` of it); resolver 1 on both', () => {
    expect(activated(2)).toEqual([false, true])
    expect(activated(1)).toEqual([true, true])
  })
})

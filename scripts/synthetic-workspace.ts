/**
 * Deterministic generator of synthetic `cargo metadata --format-version 1` documents for benchmarks.
 *
 *   npx tsx scripts/synthetic-workspace.ts --packages N [--seed S] [--stats] > metadata.json
 *
 * The shape follows large real workspaces (the libra snapshot in the corpus was used to calibrate it):
 *
 * - ~10% workspace members (path packages), the rest registry packages; about 8% of registry names
 *   occur twice with different versions.
 * - A layered DAG. Registry packages sit in layers whose size shrinks upwards (many leaf crates,
 *   few large frameworks); each picks its dependencies from lower layers, 30% from the layer just
 *   below and 70% by popularity (low-level crates are used by nearly everything). Members sit in layers
 *   above the registry and depend on lower members and on registry crates. About 3.5 to 4 dependencies
 *   per package on average (about 3 for registry packages, about 10 for members).
 * - Targets: libraries (a few `["cdylib", "rlib"]`, a few `["dylib", "rlib"]`, one pure `dylib`
 *   with two dependents and a `["staticlib", "cdylib"]` member nobody depends on), proc-macros,
 *   bins (some with `required-features`), build scripts with build dependencies, and the tests,
 *   examples and benches cargo lists for every package.
 * - Dev dependencies on members (cargo resolves them only for members), and about 8% of normal edges
 *   conditional on a platform (`cfg(...)` expressions and target triples).
 *
 * Paths are absolute but do not exist: the metadata describes a workspace that was never written out.
 */
import { pathToFileURL } from 'node:url'

export interface SyntheticOptions {
  /** Total number of packages (members and registry packages). */
  packages: number
  /** PRNG seed; the same options always give the same document. */
  seed?: number
}

export interface SyntheticStats {
  packages: number
  members: number
  edges: number
  edgeKinds: { normal: number; dev: number; build: number; platform: number }
  targets: Record<string, number>
  libraryCrateTypes: Record<string, number>
  /** Longest chain of normal dependencies. */
  depth: number
  /** Median and maximum number of packages a member depends on, transitively through normal edges. */
  memberClosure: { median: number; max: number }
}

export interface SyntheticWorkspace {
  /** The `cargo metadata` value, ready for `JSON.stringify`. */
  metadata: Record<string, unknown>
  stats: SyntheticStats
}

const WORKSPACE_ROOT = '/synthetic/workspace'
const REGISTRY_SOURCE = 'registry+https://github.com/rust-lang/crates.io-index'
const REGISTRY_SRC = '/home/user/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f'

/** Platform conditions seen in real metadata, most frequent first (duplicates weight the draw). */
const PLATFORMS = [
  'cfg(not(target_arch = "wasm32"))',
  'cfg(not(target_arch = "wasm32"))',
  'cfg(windows)',
  'cfg(windows)',
  'cfg(unix)',
  'cfg(unix)',
  'x86_64-pc-windows-gnu',
  'i686-pc-windows-gnu',
  'cfg(target_arch = "wasm32")',
  'cfg(target_os = "linux")',
  'cfg(any(target_os = "macos", target_os = "ios"))',
  'cfg(all(target_arch = "x86_64", not(target_env = "msvc")))',
  'cfg(not(any(target_os = "windows", target_os = "macos", target_os = "ios")))',
  'cfg(target_env = "msvc")',
  'cfg(any(unix, target_os = "wasi"))'
]

const FEATURE_NAMES = ['std', 'alloc', 'serde', 'derive', 'full', 'rt', 'macros', 'async', 'tls', 'log']

const SYLLABLES = [
  'ab', 'ar', 'ba', 'be', 'bo', 'ca', 'ci', 'da', 'de', 'do', 'el', 'en', 'fa', 'fi', 'ga', 'go', 'ha', 'hi',
  'io', 'ka', 'ki', 'la', 'li', 'lo', 'ma', 'mi', 'mo', 'na', 'ne', 'no', 'or', 'pa', 'pi', 'po', 'ra', 're',
  'ri', 'ro', 'sa', 'se', 'si', 'so', 'ta', 'te', 'ti', 'to', 'un', 'va', 've', 'xa', 'yo', 'za', 'ze', 'zo'
]
const SUFFIXES = ['', '', '', '-core', '-sys', '-util', '-derive', '-macros', '-rs', '-types', '-impl', '-codec', '-proto']
const MEMBER_AREAS = ['core', 'types', 'storage', 'net', 'crypto', 'consensus', 'vm', 'json-rpc', 'mempool', 'state', 'config', 'client', 'tools', 'sdk']

type DepKind = 'normal' | 'dev' | 'build'

interface Edge {
  to: number
  kinds: { kind: DepKind; platform: string | null }[]
}

interface TargetSpec {
  kind: string[]
  crateTypes: string[]
  name: string
  srcPath: string
  test: boolean
  requiredFeatures?: string[]
}

interface Pkg {
  index: number
  name: string
  version: string
  member: boolean
  layer: number
  /** Library crate types; null for packages without a library (bin-only tools). */
  lib: string[] | null
  procMacro: boolean
  bins: number
  buildScript: boolean
  edges: Map<number, Edge>
  features: string[]
  /** Bins needing a feature (`required-features = ["cli"]`). */
  cliBins: boolean
  /** Nobody may depend on it (cdylib-only and staticlib members, bin-only tools). */
  leaf: boolean
}

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateWorkspace(options: SyntheticOptions): SyntheticWorkspace {
  const total = Math.max(10, Math.floor(options.packages))
  const rand = prng(options.seed ?? 1)
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1))
  const chance = (p: number): boolean => rand() < p
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!

  const memberCount = Math.max(4, Math.round(total * 0.1))
  const registryCount = total - memberCount

  // Registry layers: sizes shrink geometrically upwards (layer 0: leaf crates such as libc or cfg-if).
  const registryLayers = 16
  const weights = Array.from({ length: registryLayers }, (_, l) => 0.8 ** l)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  const layerOfRegistry: number[] = []
  {
    let layer = 0
    let filled = 0
    let limit = Math.round((weights[0]! / weightSum) * registryCount)
    for (let i = 0; i < registryCount; i++) {
      while (filled >= limit && layer < registryLayers - 1) {
        layer++
        filled = 0
        limit = Math.max(1, Math.round((weights[layer]! / weightSum) * registryCount))
      }
      layerOfRegistry.push(layer)
      filled++
    }
  }
  const memberLayers = 12

  // Names: unique per package, except deliberate second versions of registry crates.
  const usedNames = new Set<string>()
  const freshName = (member: boolean): string => {
    for (let attempt = 0; ; attempt++) {
      const base = member
        ? `ws-${pick(MEMBER_AREAS)}-${pick(SYLLABLES)}${pick(SYLLABLES)}`
        : `${pick(SYLLABLES)}${pick(SYLLABLES)}${chance(0.5) ? pick(SYLLABLES) : ''}${pick(SUFFIXES)}`
      const name = attempt > 20 ? `${base}${attempt}` : base
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return name
      }
    }
  }

  const pkgs: Pkg[] = []
  const byLayer = new Map<string, number[]>()
  const addToLayer = (member: boolean, layer: number, index: number): void => {
    const key = `${member ? 'm' : 'r'}${layer}`
    let list = byLayer.get(key)
    if (!list) byLayer.set(key, (list = []))
    list.push(index)
  }
  const layerList = (member: boolean, layer: number): number[] => byLayer.get(`${member ? 'm' : 'r'}${layer}`) ?? []

  // Registry packages, in layer order: every package of a lower layer has a lower index.
  const usedVersions = new Set<string>()
  let layerStart = 0
  for (let i = 0; i < registryCount; i++) {
    const layer = layerOfRegistry[i]!
    if (i > 0 && layer !== layerOfRegistry[i - 1]) layerStart = i
    let name = ''
    let version = ''
    if (layerStart > 0 && chance(0.08)) {
      // A second version of a crate from a lower layer (rand 0.7 and rand 0.8).
      const original = pkgs[Math.floor(rand() * layerStart)]!
      const [major, minor] = original.version.split('.').map(Number) as [number, number]
      name = original.name
      version = major === 0 ? `0.${minor + int(1, 3)}.${int(0, 20)}` : `${major + int(1, 2)}.${int(0, 9)}.${int(0, 20)}`
      if (usedVersions.has(`${name}@${version}`)) name = ''
    }
    if (name === '') {
      name = freshName(false)
      version = chance(0.3) ? `${int(1, 4)}.${int(0, 40)}.${int(0, 20)}` : `0.${int(1, 30)}.${int(0, 20)}`
    }
    usedVersions.add(`${name}@${version}`)
    const procMacro = layer >= 2 && chance(0.045)
    const lib = procMacro ? ['proc-macro'] : chance(0.004) ? ['cdylib', 'rlib'] : chance(0.003) ? ['rlib'] : ['lib']
    pkgs.push({
      index: i,
      name,
      version,
      member: false,
      layer,
      lib,
      procMacro,
      bins: !procMacro && chance(0.03) ? 1 : 0,
      buildScript: chance(layer === 0 ? 0.25 : 0.13),
      edges: new Map(),
      features: features(),
      cliBins: false,
      leaf: false
    })
    addToLayer(false, layer, i)
  }

  // Members, in layers above the registry: 0 core … 4 applications.
  // Members: a few core crates at the bottom, applications (the largest layer) at the top.
  const memberShare = [...Array.from({ length: memberLayers - 1 }, () => 0.8 / (memberLayers - 1)), 0.2]
  const memberLayerEnds = memberShare.map((_, l) => Math.round(memberShare.slice(0, l + 1).reduce((a, b) => a + b, 0) * memberCount))
  for (let m = 0; m < memberCount; m++) {
    const layer = memberLayerEnds.findIndex(end => m < end)
    const index = registryCount + m
    const top = layer === memberLayers - 1
    let lib: string[] | null = ['lib']
    let procMacro = false
    let bins = 0
    let leaf = false
    if (top && chance(0.6)) {
      lib = null
      bins = int(1, 2)
      leaf = true
    } else if (layer >= 1 && layer <= memberLayers / 2 && chance(0.06)) {
      lib = ['proc-macro']
      procMacro = true
    } else {
      if (chance(0.25)) bins = int(1, 2)
      if (chance(0.02)) lib = ['cdylib', 'rlib']
      else if (layer >= 1 && layer < memberLayers - 1 && chance(0.01)) lib = ['dylib', 'rlib']
    }
    pkgs.push({
      index,
      name: freshName(true),
      version: '0.1.0',
      member: true,
      layer,
      lib,
      procMacro,
      bins,
      buildScript: chance(0.2),
      edges: new Map(),
      features: features(),
      cliBins: bins > 0 && chance(0.1),
      leaf
    })
    addToLayer(true, layer, index)
  }
  // The special cases every large workspace seems to have one of: a C library (staticlib + cdylib)
  // and a cdylib plugin nobody depends on, and a plain Rust dylib with a couple of dependents.
  const topMembers = layerList(true, memberLayers - 1)
  const libTop = topMembers.filter(i => pkgs[i]!.lib !== null)
  if (libTop.length >= 2) {
    Object.assign(pkgs[libTop[0]!]!, { lib: ['staticlib', 'cdylib'], leaf: true, buildScript: true })
    Object.assign(pkgs[libTop[1]!]!, { lib: ['cdylib'], leaf: true })
  }
  const plainDylib = layerList(true, memberLayers >> 1).find(i => pkgs[i]!.lib?.[0] === 'lib')
  if (plainDylib !== undefined) pkgs[plainDylib]!.lib = ['dylib']

  // Popularity: a Zipf-like weight per package, by a random rank.
  // Foundations are the popular ones: the weight falls with the registry layer.
  const popularity = pkgs.map(p => (1 / (1 + Math.floor(rand() * pkgs.length * 0.2)) ** 1.1) * (p.member ? 1 : 0.6 ** p.layer))
  const weighted = (candidates: readonly number[]): number | null => {
    if (candidates.length === 0) return null
    let sum = 0
    for (const c of candidates) sum += popularity[c]!
    let x = rand() * sum
    for (const c of candidates) {
      x -= popularity[c]!
      if (x <= 0) return c
    }
    return candidates[candidates.length - 1]!
  }
  const registryBelow = (layer: number): number[] => {
    const out: number[] = []
    for (let l = 0; l < Math.min(layer, registryLayers); l++) out.push(...layerList(false, l))
    return out
  }
  const registryCumulative = Array.from({ length: registryLayers + 1 }, (_, l) => registryBelow(l))
  const membersBelow = (layer: number): number[] => {
    const out: number[] = []
    for (let l = 0; l < layer; l++) out.push(...layerList(true, l).filter(i => !pkgs[i]!.leaf))
    return out
  }
  const memberCumulative = Array.from({ length: memberLayers + 1 }, (_, l) => membersBelow(l))

  const linkable = (i: number): boolean => {
    const p = pkgs[i]!
    return p.lib !== null && !p.leaf
  }
  const addEdge = (from: Pkg, to: number, kind: DepKind, platform: string | null): void => {
    if (to === from.index || !linkable(to)) return
    const target = pkgs[to]!
    // One version of a name per dependent (two would need a rename).
    for (const [other] of from.edges) if (other !== to && pkgs[other]!.name === target.name) return
    let edge = from.edges.get(to)
    if (!edge) from.edges.set(to, (edge = { to, kinds: [] }))
    if (!edge.kinds.some(k => k.kind === kind && k.platform === platform)) edge.kinds.push({ kind, platform })
  }
  const platformFor = (): string | null => (chance(0.08) ? pick(PLATFORMS) : null)
  const registryDepCount = (): number => {
    const x = rand()
    return x < 0.08 ? 0 : x < 0.2 ? 1 : x < 0.36 ? 2 : x < 0.52 ? 3 : x < 0.66 ? 4 : int(5, 10)
  }

  for (const p of pkgs) {
    if (!p.member) {
      if (p.layer === 0) continue
      const below = layerList(false, p.layer - 1)
      const all = registryCumulative[p.layer]!
      const wanted = registryDepCount()
      for (let k = 0; k < wanted * 2 && p.edges.size < wanted; k++) {
        const to = chance(0.3) ? pick(below) : weighted(all)
        if (to !== null) addEdge(p, to, 'normal', platformFor())
      }
      if (p.buildScript) {
        const low = registryCumulative[Math.min(p.layer, 2)]!
        for (let k = int(1, 2); k > 0; k--) {
          const to = weighted(low)
          if (to !== null) addEdge(p, to, 'build', null)
        }
      }
      continue
    }
    const registry = registryCumulative[registryLayers]!
    const lower = memberCumulative[p.layer]!
    const onRegistry = int(3, 9)
    for (let k = 0; k < onRegistry; k++) {
      const to = weighted(registry)
      if (to !== null) addEdge(p, to, 'normal', platformFor())
    }
    const onMembers = p.layer === 0 ? 0 : int(1, 8)
    const justBelow = layerList(true, p.layer - 1).filter(linkable)
    for (let k = 0; k < onMembers; k++) {
      const to = chance(0.4) && justBelow.length > 0 ? pick(justBelow) : weighted(lower)
      if (to !== null) addEdge(p, to, 'normal', null)
    }
    for (let k = int(0, 3); k > 0; k--) {
      const to = chance(0.7) ? weighted(registry) : weighted(lower)
      if (to !== null) addEdge(p, to, 'dev', null)
    }
    if (p.buildScript) {
      for (let k = int(1, 2); k > 0; k--) {
        const to = weighted(registryCumulative[2]!)
        if (to !== null) addEdge(p, to, 'build', null)
      }
    }
  }
  // The pure dylib gets exactly two dependents among the applications.
  if (plainDylib !== undefined) {
    for (const p of pkgs) for (const [to] of p.edges) if (to === plainDylib) p.edges.delete(to)
    for (const i of topMembers.slice(2, 4)) addEdge(pkgs[i]!, plainDylib, 'normal', null)
  }

  function features(): string[] {
    const out: string[] = []
    if (chance(0.55)) out.push('default')
    for (let k = int(0, 3); k > 0; k--) {
      const f = pick(FEATURE_NAMES)
      if (!out.includes(f)) out.push(f)
    }
    return out.sort()
  }
  for (const p of pkgs) if (p.cliBins && chance(0.7)) p.features = [...p.features, 'cli'].sort()

  const metadata = toMetadata(pkgs, rand)
  return { metadata, stats: statsOf(pkgs, metadata) }
}

function packageId(p: Pkg): string {
  return p.member ? `path+file://${WORKSPACE_ROOT}/crates/${p.name}#${p.version}` : `${REGISTRY_SOURCE}#${p.name}@${p.version}`
}

function packageDir(p: Pkg): string {
  return p.member ? `${WORKSPACE_ROOT}/crates/${p.name}` : `${REGISTRY_SRC}/${p.name}-${p.version}`
}

function libName(p: Pkg): string {
  return p.name.replace(/-/g, '_')
}

function targetsOf(p: Pkg, rand: () => number): TargetSpec[] {
  const dir = packageDir(p)
  const out: TargetSpec[] = []
  if (p.lib !== null) {
    const kind = p.procMacro ? ['proc-macro'] : p.lib
    out.push({ kind, crateTypes: p.lib, name: libName(p), srcPath: `${dir}/src/lib.rs`, test: true })
  }
  for (let b = 0; b < p.bins; b++) {
    const name = b === 0 ? p.name : `${p.name}-cli`
    const bin: TargetSpec = { kind: ['bin'], crateTypes: ['bin'], name, srcPath: b === 0 ? `${dir}/src/main.rs` : `${dir}/src/bin/${name}.rs`, test: true }
    if (p.cliBins && b === p.bins - 1) bin.requiredFeatures = ['cli']
    out.push(bin)
  }
  const extra = (kind: string, count: number, file: (n: number) => string, test: boolean): void => {
    for (let n = 0; n < count; n++) {
      const name = `${kind}_${n}`
      out.push({ kind: [kind], crateTypes: ['bin'], name, srcPath: `${dir}/${file(n)}`, test })
    }
  }
  const scale = p.member ? 1 : 0.6
  extra('example', Math.floor(rand() * 2.2 * scale), n => `examples/example_${n}.rs`, false)
  extra('test', Math.floor(rand() * 3.5 * scale), n => `tests/test_${n}.rs`, true)
  extra('bench', rand() < 0.25 * scale ? 1 : 0, () => 'benches/bench_0.rs', false)
  if (p.buildScript) out.push({ kind: ['custom-build'], crateTypes: ['bin'], name: 'build-script-build', srcPath: `${dir}/build.rs`, test: false })
  return out
}

function toMetadata(pkgs: Pkg[], rand: () => number): Record<string, unknown> {
  const packages = pkgs.map(p => {
    const dir = packageDir(p)
    const dependencies: Record<string, unknown>[] = []
    for (const edge of p.edges.values()) {
      const dep = pkgs[edge.to]!
      for (const k of edge.kinds) {
        const entry: Record<string, unknown> = {
          name: dep.name,
          source: dep.member ? null : REGISTRY_SOURCE,
          req: dep.member ? '*' : `^${dep.version}`,
          kind: k.kind === 'normal' ? null : k.kind,
          rename: null,
          optional: false,
          uses_default_features: true,
          features: dep.features.filter(f => f !== 'default').slice(0, 2),
          target: k.platform,
          registry: null
        }
        if (dep.member) entry.path = packageDir(dep)
        dependencies.push(entry)
      }
    }
    const featureTable: Record<string, string[]> = {}
    for (const f of p.features) featureTable[f] = f === 'default' ? p.features.filter(x => x !== 'default').slice(0, 2) : []
    return {
      name: p.name,
      version: p.version,
      id: packageId(p),
      license: p.member ? 'Apache-2.0' : 'MIT OR Apache-2.0',
      license_file: null,
      description: p.member ? null : `The ${p.name} crate: a synthetic package generated for benchmarks.`,
      source: p.member ? null : REGISTRY_SOURCE,
      dependencies,
      targets: targetsOf(p, rand).map(t => {
        const json: Record<string, unknown> = {
          kind: t.kind,
          crate_types: t.crateTypes,
          name: t.name,
          src_path: t.srcPath,
          edition: '2021',
          doc: t.kind[0] !== 'custom-build' && t.kind[0] !== 'test' && t.kind[0] !== 'bench' && t.kind[0] !== 'example',
          doctest: t.kind.includes('lib') || t.kind.includes('proc-macro'),
          test: t.test
        }
        if (t.requiredFeatures) json['required-features'] = t.requiredFeatures
        return json
      }),
      features: featureTable,
      manifest_path: `${dir}/Cargo.toml`,
      metadata: !p.member && rand() < 0.3 ? { docs: { rs: { 'all-features': true, 'rustdoc-args': ['--cfg', 'docsrs'] } } } : null,
      publish: p.member ? [] : null,
      authors: p.member ? ['Synthetic Workspace Authors'] : [`${p.name} developers`],
      categories: p.member ? [] : ['development-tools'],
      keywords: p.member ? [] : ['synthetic', 'benchmark'],
      readme: p.member ? null : 'README.md',
      repository: p.member ? null : `https://example.invalid/${p.name}`,
      homepage: null,
      documentation: p.member ? null : `https://docs.rs/${p.name}`,
      edition: '2021',
      links: p.buildScript && p.name.endsWith('-sys') ? p.name.slice(0, -4) : null,
      default_run: null,
      rust_version: p.member ? '1.74' : null
    }
  })
  const nodes = pkgs.map(p => {
    const edges = [...p.edges.values()]
    return {
      id: packageId(p),
      dependencies: [...new Set(edges.map(e => packageId(pkgs[e.to]!)))].sort(),
      deps: edges
        .map(e => ({
          name: libName(pkgs[e.to]!),
          pkg: packageId(pkgs[e.to]!),
          dep_kinds: e.kinds.map(k => ({ kind: k.kind === 'normal' ? null : k.kind, target: k.platform }))
        }))
        .sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0)),
      features: p.features
    }
  })
  const members = pkgs.filter(p => p.member).map(packageId)
  return {
    packages,
    workspace_members: members,
    workspace_default_members: members,
    resolve: { nodes, root: null },
    target_directory: `${WORKSPACE_ROOT}/target`,
    version: 1,
    workspace_root: WORKSPACE_ROOT,
    metadata: null
  }
}

function statsOf(pkgs: Pkg[], metadata: Record<string, unknown>): SyntheticStats {
  const edgeKinds = { normal: 0, dev: 0, build: 0, platform: 0 }
  let edges = 0
  for (const p of pkgs) {
    for (const e of p.edges.values()) {
      edges++
      for (const k of e.kinds) {
        edgeKinds[k.kind]++
        if (k.platform !== null) edgeKinds.platform++
      }
    }
  }
  const targets: Record<string, number> = {}
  const libraryCrateTypes: Record<string, number> = {}
  for (const p of metadata.packages as { targets: { kind: string[]; crate_types: string[] }[] }[]) {
    for (const t of p.targets) {
      const kind = t.kind.length === 1 && !['cdylib', 'dylib', 'rlib', 'staticlib'].includes(t.kind[0]!) ? t.kind[0]! : 'lib'
      targets[kind] = (targets[kind] ?? 0) + 1
      if (kind === 'lib' || kind === 'proc-macro') {
        const key = t.crate_types.join('+')
        libraryCrateTypes[key] = (libraryCrateTypes[key] ?? 0) + 1
      }
    }
  }
  const normalDeps = (p: Pkg): number[] => [...p.edges.values()].filter(e => e.kinds.some(k => k.kind === 'normal')).map(e => e.to)
  const depth: number[] = []
  const closure: (Set<number> | undefined)[] = []
  for (const p of pkgs) {
    // Dependencies always have a lower index, so one pass in index order suffices.
    let d = 0
    const set = new Set<number>()
    for (const to of normalDeps(p)) {
      d = Math.max(d, depth[to]! + 1)
      set.add(to)
      for (const x of closure[to]!) set.add(x)
    }
    depth[p.index] = d
    closure[p.index] = set
  }
  const memberSizes = pkgs.filter(p => p.member).map(p => closure[p.index]!.size).sort((a, b) => a - b)
  return {
    packages: pkgs.length,
    members: memberSizes.length,
    edges,
    edgeKinds,
    targets,
    libraryCrateTypes,
    depth: Math.max(0, ...depth),
    memberClosure: { median: memberSizes[memberSizes.length >> 1] ?? 0, max: memberSizes[memberSizes.length - 1] ?? 0 }
  }
}

function main(argv: string[]): void {
  let packages = 1000
  let seed = 1
  let stats = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--packages') packages = Number(value())
    else if (arg === '--seed') seed = Number(value())
    else if (arg === '--stats') stats = true
    else throw new Error(`unknown argument \`${arg}\` (usage: --packages N [--seed S] [--stats])`)
  }
  if (!Number.isInteger(packages) || packages < 10) throw new Error('--packages must be an integer of at least 10')
  const workspace = generateWorkspace({ packages, seed })
  if (stats) process.stderr.write(`${JSON.stringify(workspace.stats, null, 2)}\n`)
  process.stdout.write(JSON.stringify(workspace.metadata))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`synthetic-workspace: ${(e as Error).message}\n`)
    process.exit(2)
  }
}

/**
 * Generators of the categories other than `linkage`: each draws a small workspace aimed at one part
 * of cargo's behaviour (per-invocation feature resolution, package and target selection, rustflags,
 * unused dependencies, two versions of one package, the release, test and custom profiles, the target tables'
 * `test`, `bench` and `required-features`) and the invocations
 * that exercise it.
 */
import { generateLinkageGraph, isLinkable } from './linkage.js'
import {
  type CargoCommand,
  type Category,
  type ExtraTarget,
  type GeneratedDependency,
  type GeneratedInvocation,
  type GeneratedPackage,
  type GeneratedProfile,
  type GeneratedWorkspace,
  type LibCrateType,
  type MacroStyle,
  type NamedProfile,
  Rng,
  type RustflagsConfig,
  type TargetFlags
} from './workspace-model.js'

type CrateTypeChoices = readonly { value: readonly LibCrateType[]; weight: number }[]

/** Crate types of a dependency that a feature turns on: mostly shared libraries, where linking it matters most. */
const OPTIONAL_TARGET_TYPES: CrateTypeChoices = [
  { value: ['dylib'], weight: 35 },
  { value: ['dylib', 'rlib'], weight: 30 },
  { value: ['lib'], weight: 12 },
  { value: ['rlib'], weight: 5 },
  { value: ['cdylib', 'rlib'], weight: 6 },
  { value: ['staticlib', 'rlib'], weight: 6 },
  { value: ['cdylib'], weight: 3 },
  { value: ['staticlib'], weight: 3 }
]

/** Crate types of a library in the middle of a graph: usually a plain rlib. */
const MIDDLE_TYPES: CrateTypeChoices = [
  { value: ['lib'], weight: 50 },
  { value: ['rlib'], weight: 10 },
  { value: ['dylib'], weight: 20 },
  { value: ['dylib', 'rlib'], weight: 20 }
]

/** Crate types of the libraries of the `targets` category. */
const TARGETS_LIB_TYPES: CrateTypeChoices = [
  { value: ['lib'], weight: 25 },
  { value: ['dylib'], weight: 25 },
  { value: ['dylib', 'rlib'], weight: 20 },
  { value: ['rlib'], weight: 10 },
  { value: ['cdylib', 'rlib'], weight: 10 },
  { value: ['staticlib', 'rlib'], weight: 10 }
]

const VERSION_TYPES: CrateTypeChoices = [
  { value: ['rlib'], weight: 30 },
  { value: ['lib'], weight: 10 },
  { value: ['dylib'], weight: 30 },
  { value: ['dylib', 'rlib'], weight: 30 }
]

export function generateCategoryWorkspace(seed: number, category: Exclude<Category, 'linkage'>, host: string | undefined): GeneratedWorkspace {
  const rng = new Rng(seed)
  const needsHost = (): string => {
    if (host === undefined) throw new Error(`category ${category} needs the host triple`)
    return host
  }
  switch (category) {
    case 'features-members':
      return featuresMembers(rng, seed)
    case 'features-defaults':
      return featuresDefaults(rng, seed)
    case 'features-kinds':
      return featuresKinds(rng, seed)
    case 'selection':
      return selection(rng, seed, needsHost())
    case 'rustflags':
      return rustflags(rng, seed, needsHost())
    case 'targets':
      return targets(rng, seed)
    case 'unused':
      return unused(rng, seed)
    case 'versions':
      return versions(rng, seed)
    case 'profiles':
      return profiles(rng, seed)
    case 'target-flags':
      return targetFlags(rng, seed)
  }
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function lib(index: number, crateTypes: readonly LibCrateType[], deps: GeneratedDependency[] = [], extra: Partial<GeneratedPackage> = {}): GeneratedPackage {
  return { name: `l${index}`, index, lib: { kind: 'lib', crateTypes }, bin: false, deps, ...extra }
}

function procMacro(index: number, style: MacroStyle, deps: GeneratedDependency[] = []): GeneratedPackage {
  return { name: `pm${index}`, index, lib: { kind: 'proc-macro', style }, bin: false, deps }
}

function app(index: number, deps: GeneratedDependency[], extra: Partial<GeneratedPackage> = {}): GeneratedPackage {
  return { name: `app${index}`, index, lib: null, bin: true, deps, ...extra }
}

function normal(pkg: GeneratedPackage, extra: Partial<GeneratedDependency> = {}): GeneratedDependency {
  return { package: pkg.name, sections: ['normal'], ...extra }
}

function macroStyle(rng: Rng): MacroStyle {
  return rng.chance(0.5) ? 'function' : 'derive'
}

/** The resolver key of a workspace aimed at feature resolution: both resolvers, and sometimes no key (resolver 1). */
function pickResolver(rng: Rng, pV2: number): GeneratedWorkspace['resolver'] {
  if (rng.chance(pV2)) return '2'
  return rng.chance(0.5) ? '1' : null
}

/** Collects invocations with unique, directory-safe ids; a repeated command line is dropped. */
class InvocationList {
  readonly list: GeneratedInvocation[] = []

  add(shape: string, args: readonly string[], options: { command?: CargoCommand; env?: Record<string, string>; id?: string } = {}): void {
    const command = options.command ?? 'build'
    const env = options.env ?? {}
    const same = this.list.some(i => i.command === command && JSON.stringify(i.args) === JSON.stringify(args) && JSON.stringify(i.env) === JSON.stringify(env))
    if (same) return
    const base = options.id ?? slug([...(command === 'build' ? [] : [command]), ...args])
    let id = base === '' ? 'default' : base
    for (let n = 2; this.list.some(i => i.id === id); n++) id = `${base}-${n}`
    this.list.push({ id, shape, command, args: [...args], env })
  }
}

function slug(words: readonly string[]): string {
  return words
    .map(w => w.replace(/^-+/, '').replace(/[^A-Za-z0-9._]+/g, '-'))
    .filter(w => w !== '')
    .join('-')
}

/** The workspace of its packages and settings (resolver 2 unless given), with its invocations drawn last. */
function finish(
  category: Category,
  seed: number,
  rng: Rng,
  packages: GeneratedPackage[],
  invocations: (ws: { binPackages: string[]; selectedBin: string }) => InvocationList,
  settings: Partial<Pick<GeneratedWorkspace, 'resolver' | 'defaultMembers' | 'rustflagsConfig' | 'host' | 'profile' | 'profiles'>> = {}
): GeneratedWorkspace {
  const binPackages = packages.filter(p => p.bin).map(p => p.name)
  const selectedBin = rng.pick(binPackages)
  const list = invocations({ binPackages, selectedBin })
  return {
    category,
    seed,
    packages,
    profile: settings.profile ?? {},
    ...(settings.profiles === undefined ? {} : { profiles: settings.profiles }),
    binPackages,
    selectedBin,
    resolver: settings.resolver === undefined ? '2' : settings.resolver,
    ...(settings.defaultMembers === undefined ? {} : { defaultMembers: settings.defaultMembers }),
    ...(settings.rustflagsConfig === undefined ? {} : { rustflagsConfig: settings.rustflagsConfig }),
    ...(settings.host === undefined ? {} : { host: settings.host }),
    invocations: list.list
  }
}

/** A feature value that turns on the optional dependency `dep`: `dep:dep`, or `dep` (its implicit feature). */
function enablingValue(rng: Rng, dep: GeneratedPackage): string {
  return rng.chance(0.5) ? `dep:${dep.name}` : dep.name
}

/** A dependency that some feature turns on: a library, now and then a proc-macro. */
function optionalTarget(rng: Rng, index: number, deps: GeneratedDependency[] = []): GeneratedPackage {
  return rng.chance(0.1) ? procMacro(index, macroStyle(rng), deps) : lib(index, rng.weighted(OPTIONAL_TARGET_TYPES), deps)
}

// ---------------------------------------------------------------------------------------------
// features-members: a feature of one member, turned on by another member, links a library

function featuresMembers(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const base = rng.chance(0.4) ? lib(index++, rng.pick<readonly LibCrateType[]>([['lib'], ['rlib']])) : null
  if (base !== null) packages.push(base)
  const target = optionalTarget(rng, index++, base !== null && rng.chance(0.5) ? [normal(base)] : [])
  packages.push(target)

  const feature = rng.pick(['dyn', 'fast', 'plugin'])
  const features: [string, string[]][] = [[feature, [enablingValue(rng, target)]]]
  let requested = feature
  if (rng.chance(0.4)) {
    features.push(['extra', [feature]])
    requested = rng.pick([feature, 'extra'])
  }
  const featureLibDeps = [normal(target, { optional: true })]
  if (base !== null && rng.chance(0.5)) featureLibDeps.unshift(normal(base))
  const featureLib = lib(index++, rng.weighted(MIDDLE_TYPES), featureLibDeps, { features })
  packages.push(featureLib)

  const forwarder = rng.chance(0.35) ? lib(index++, ['lib'], [normal(featureLib, { features: [requested] })]) : null
  if (forwarder !== null) packages.push(forwarder)

  const enabling = app(index++, [forwarder !== null ? normal(forwarder) : normal(featureLib, { features: [requested] })])
  packages.push(enabling)
  const plainFeatures: [string, string[]][] = rng.chance(0.6) ? [['dyn', [`${featureLib.name}/${feature}`]]] : []
  const plain = app(index++, [normal(featureLib)], plainFeatures.length > 0 ? { features: plainFeatures } : {})
  packages.push(plain)
  if (rng.chance(0.3)) packages.push(app(index++, [normal(base ?? featureLib)]))

  const resolver = pickResolver(rng, 0.7)
  return finish('features-members', seed, rng, packages, ({ binPackages }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'])
    for (const bin of binPackages) list.add('-p BIN', ['-p', bin])
    if (plainFeatures.length > 0) list.add('-p BIN --features F', ['-p', plain.name, '--features', 'dyn'])
    if (rng.chance(0.5)) list.add('-p BIN --features DEP/F', ['-p', plain.name, '--features', `${featureLib.name}/${feature}`])
    list.add('--workspace --all-features', ['--workspace', '--all-features'])
    list.add('--workspace --no-default-features', ['--workspace', '--no-default-features'])
    list.add('--workspace --features PKG/F', ['--workspace', '--features', `${featureLib.name}/${requested}`])
    if (rng.chance(0.3)) list.add('-p LIB --features F', ['-p', featureLib.name, '--features', requested])
    return list
  }, { resolver })
}

// ---------------------------------------------------------------------------------------------
// features-defaults: default features, `default-features = false`, `dep/feature`, weak `dep?/feature`

function featuresDefaults(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const target = optionalTarget(rng, index++)
  packages.push(target)
  const second = rng.chance(0.5) ? optionalTarget(rng, index++) : null
  if (second !== null) packages.push(second)

  // The middle library: `fast` turns the target on, maybe by default.
  const middleFeatures: [string, string[]][] = [['fast', [enablingValue(rng, target)]]]
  if (rng.chance(0.5)) middleFeatures.unshift(['default', ['fast']])
  const middle = lib(index++, rng.weighted(MIDDLE_TYPES), [normal(target, { optional: true })], { features: middleFeatures })
  packages.push(middle)

  // The top library asks for `fast` strongly (`middle/fast`) or weakly (`middle?/fast`).
  const style = rng.pick(['strong', 'weak', 'strong-optional'] as const)
  const topDeps: GeneratedDependency[] = []
  const topFeatures: [string, string[]][] = []
  const noDefault: Partial<GeneratedDependency> = rng.chance(0.5) ? { defaultFeatures: false } : {}
  if (style === 'strong') {
    topDeps.push(normal(middle, noDefault))
    topFeatures.push(['speed', [`${middle.name}/fast`]])
  } else if (style === 'weak') {
    topDeps.push(normal(middle, { optional: true, ...noDefault }))
    topFeatures.push(['mdep', [`dep:${middle.name}`]], ['speed', [`${middle.name}?/fast`]])
  } else {
    topDeps.push(normal(middle, { optional: true, ...noDefault }))
    topFeatures.push(['speed', [`${middle.name}/fast`]])
  }
  if (second !== null) {
    topDeps.push(normal(second, { optional: true }))
    topFeatures.push(['more', [enablingValue(rng, second)]])
  }
  const defaults = rng.pick<string[]>(style === 'weak' ? [[], ['speed'], ['mdep', 'speed'], ['mdep']] : [[], ['speed']])
  if (second !== null && rng.chance(0.4)) defaults.push('more')
  if (defaults.length > 0) topFeatures.unshift(['default', defaults])
  const top = lib(index++, ['lib'], topDeps, { features: topFeatures })
  packages.push(top)

  const topRequest: Partial<GeneratedDependency> = {}
  if (rng.chance(0.5)) topRequest.defaultFeatures = false
  if (rng.chance(0.35)) topRequest.features = [rng.pick(style === 'weak' ? ['speed', 'mdep'] : ['speed'])]
  const turbo = rng.chance(0.5)
  const appFeatures: [string, string[]][] = []
  if (turbo) {
    appFeatures.push(['turbo', [`${top.name}/speed`]])
    if (rng.chance(0.4)) appFeatures.unshift(['default', ['turbo']])
  }
  const first = app(index++, [normal(top, topRequest)], appFeatures.length > 0 ? { features: appFeatures } : {})
  packages.push(first)
  const secondApp = app(index++, [rng.chance(0.5) ? normal(top) : normal(middle, rng.chance(0.5) ? { defaultFeatures: false } : {})])
  packages.push(secondApp)

  const resolver = pickResolver(rng, 0.7)
  return finish('features-defaults', seed, rng, packages, ({ binPackages }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'])
    for (const bin of binPackages) list.add('-p BIN', ['-p', bin])
    list.add('--workspace --no-default-features', ['--workspace', '--no-default-features'])
    list.add('--workspace --all-features', ['--workspace', '--all-features'])
    list.add('-p BIN --no-default-features', ['-p', first.name, '--no-default-features'])
    if (turbo) list.add('-p BIN --features F', ['-p', first.name, '--features', 'turbo'])
    list.add('--workspace --features PKG/F', ['--workspace', '--features', `${top.name}/speed`])
    if (rng.chance(0.4)) list.add('-p BIN --no-default-features', ['-p', secondApp.name, '--no-default-features'])
    return list
  }, { resolver })
}

// ---------------------------------------------------------------------------------------------
// features-kinds: a feature asked for only by dev-, build-, proc-macro or platform-specific dependencies

type FeatureRoute = 'dev' | 'build' | 'proc-macro' | 'cfg-unix' | 'cfg-windows' | 'cfg-none'

const ROUTE_PLATFORMS: Readonly<Record<'cfg-unix' | 'cfg-windows' | 'cfg-none', string>> = {
  'cfg-unix': 'cfg(unix)',
  'cfg-windows': 'cfg(windows)',
  'cfg-none': 'cfg(target_os = "none")'
}

function featuresKinds(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const target = optionalTarget(rng, index++)
  packages.push(target)
  const keyed = lib(
    index++,
    rng.weighted(MIDDLE_TYPES),
    [normal(target, { optional: true, ...(rng.chance(0.25) ? { platform: 'cfg(unix)' } : {}) })],
    { features: [['dyn', [enablingValue(rng, target)]]] }
  )
  packages.push(keyed)
  const macro = rng.chance(0.5) ? procMacro(index++, macroStyle(rng), [normal(keyed, { features: ['dyn'] })]) : null
  if (macro !== null) packages.push(macro)

  const routes: FeatureRoute[] = ['dev', 'build', 'cfg-unix', 'cfg-windows', 'cfg-none', ...(macro !== null ? (['proc-macro', 'proc-macro'] as const) : [])]
  const chosen = new Set<FeatureRoute>([rng.pick(routes)])
  if (rng.chance(0.5)) chosen.add(rng.pick(routes))
  const deps: GeneratedDependency[] = [normal(keyed)]
  // Now and then the dev-dependency is a library's that the app depends on: cargo's resolve gives dev-dependencies
  // to its roots only. Drawn from a stream of its own, so that the rest of a seed's workspace is what it was.
  const viaLibrary = new Rng(seed ^ 0x2545f491).chance(0.4)
  for (const route of chosen) {
    if (route === 'dev' && viaLibrary) {
      const middle = lib(index++, ['lib'], [normal(keyed), { package: keyed.name, sections: ['dev'], features: ['dyn'] }])
      packages.push(middle)
      deps.push(normal(middle))
    } else if (route === 'dev') deps.push({ package: keyed.name, sections: ['dev'], features: ['dyn'] })
    else if (route === 'build') deps.push({ package: keyed.name, sections: ['build'], features: ['dyn'] })
    else if (route === 'proc-macro' && macro !== null) deps.push(normal(macro))
    else if (route !== 'proc-macro') deps.push(normal(keyed, { platform: ROUTE_PLATFORMS[route], features: ['dyn'] }))
  }
  const main = app(index++, deps)
  packages.push(main)
  if (rng.chance(0.4)) {
    const other: GeneratedDependency[] = [normal(keyed)]
    // Built only on Windows: never on this host, whatever the resolver.
    if (rng.chance(0.5)) other.push(normal(target, { platform: 'cfg(windows)' }))
    packages.push(app(index++, other))
  }

  const resolver = pickResolver(rng, 0.5)
  return finish('features-kinds', seed, rng, packages, ({ binPackages }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'])
    for (const bin of binPackages) list.add('-p BIN', ['-p', bin])
    list.add('--workspace --tests', ['--workspace', '--tests'])
    list.add('--workspace --all-targets', ['--workspace', '--all-targets'])
    list.add('-p BIN --tests', ['-p', main.name, '--tests'])
    if (rng.chance(0.4)) list.add('test --workspace', ['--workspace'], { command: 'test' })
    return list
  }, { resolver })
}

// ---------------------------------------------------------------------------------------------
// target-flags: which targets `--tests`, `--benches`, `--all-targets`, `cargo test` and `cargo bench` select
// when the target tables say `test`, `bench` or `required-features`; target names as glob patterns; the test
// and release profiles' `panic = "abort"`, which cargo drops for what those commands propose; `-C panic=abort` in
// RUSTFLAGS over `harness = false` benches

/** `test`/`bench` flags that differ from cargo's defaults now and then, and a required feature. */
function drawFlags(rng: Rng, pTestFalse: number, pBenchFlip: number, benchDefault: boolean, pRequires: number): TargetFlags | undefined {
  const flags: TargetFlags = {}
  if (rng.chance(pTestFalse)) flags.test = false
  if (rng.chance(pBenchFlip)) flags.bench = !benchDefault
  if (rng.chance(pRequires)) flags.requiredFeatures = ['extra']
  return Object.keys(flags).length === 0 ? undefined : flags
}

function targetFlags(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const libs: GeneratedPackage[] = []
  for (let i = rng.int(1, 2); i > 0; i--) {
    const l = lib(index++, rng.weighted(TARGETS_LIB_TYPES))
    libs.push(l)
    packages.push(l)
  }
  const linkable = libs.filter(l => l.lib !== null && isLinkable(l.lib))
  const deps = linkable.filter(() => rng.chance(0.7))
  if (deps.length === 0 && linkable.length > 0) deps.push(rng.pick(linkable))

  const mainIndex = index++
  const extra: ExtraTarget[] = []
  const withFlags = (target: ExtraTarget, flags: TargetFlags | undefined): ExtraTarget => (flags === undefined ? target : { ...target, flags })
  for (let e = rng.int(1, 2); e > 0; e--) {
    const crateTypes = rng.chance(0.25) ? { crateTypes: rng.pick<readonly LibCrateType[]>([['dylib'], ['cdylib'], ['staticlib']]) } : {}
    // An example is neither tested nor benched unless its table says so.
    const flags = drawFlags(rng, 0, 0.35, false, 0.25)
    extra.push(withFlags({ kind: 'example', name: `ex${mainIndex}${String.fromCharCode(97 + e)}`, ...crateTypes }, rng.chance(0.3) ? { ...flags, test: true } : flags))
  }
  for (let t = rng.int(1, 2); t > 0; t--) extra.push(withFlags({ kind: 'test', name: `it${mainIndex}${String.fromCharCode(97 + t)}` }, drawFlags(rng, 0.2, 0.35, false, 0.2)))
  for (let b = rng.int(1, 2); b > 0; b--) {
    const flags = drawFlags(rng, 0, 0.35, true, 0.2)
    extra.push(withFlags({ kind: 'bench', name: `bench${mainIndex}${String.fromCharCode(97 + b)}`, harness: false }, rng.chance(0.2) ? { ...flags, test: true } : flags))
  }
  const hasBin = rng.chance(0.75)
  const mainPkg: GeneratedPackage = {
    name: hasBin ? `app${mainIndex}` : `l${mainIndex}`,
    index: mainIndex,
    lib: { kind: 'lib', crateTypes: rng.weighted(TARGETS_LIB_TYPES) },
    bin: hasBin,
    deps: deps.map(l => normal(l)),
    features: [['extra', []]],
    targets: extra
  }
  const libFlags = drawFlags(rng, 0.25, 0.4, true, 0)
  if (libFlags !== undefined) mainPkg.libFlags = libFlags
  const binFlags = hasBin ? drawFlags(rng, 0.3, 0.4, true, 0.3) : undefined
  if (binFlags !== undefined) mainPkg.binFlags = binFlags
  packages.push(mainPkg)
  // A second package with a bin, so that the workspace always has one and `--workspace` selects two packages.
  if (!hasBin || rng.chance(0.4)) {
    const userIndex = index++
    packages.push(app(userIndex, [normal(mainPkg)], { targets: [withFlags({ kind: 'bench', name: `bench${userIndex}a`, harness: false }, drawFlags(rng, 0, 0.4, true, 0))] }))
  }

  procMacroExample(seed, extra)
  return finish('target-flags', seed, rng, packages, () => {
    const list = new InvocationList()
    const main = mainPkg.name
    list.add('--workspace --all-targets', ['--workspace', '--all-targets'])
    list.add('--workspace --benches', ['--workspace', '--benches'])
    list.add('--workspace --tests', ['--workspace', '--tests'])
    list.add('test --workspace', ['--workspace'], { command: 'test' })
    list.add('bench --workspace', ['--workspace'], { command: 'bench' })
    list.add('bench -p MAIN', ['-p', main], { command: 'bench' })
    if (rng.chance(0.5)) list.add('bench --workspace --all-targets', ['--workspace', '--all-targets'], { command: 'bench' })
    if (rng.chance(0.4)) list.add('test --workspace --benches', ['--workspace', '--benches'], { command: 'test' })
    if (rng.chance(0.5)) list.add('bench -p MAIN --features extra', ['-p', main, '--features', 'extra'], { command: 'bench' })
    // Named targets: a pattern, or a name whose required features may be off (cargo then refuses).
    list.add('-p MAIN --example PATTERN', ['-p', main, '--example', rng.pick(['ex*', `ex${mainIndex}?`, `ex${mainIndex}[ab]`])])
    list.add('bench -p MAIN --bench PATTERN', ['-p', main, '--bench', rng.pick(['bench*', `bench${mainIndex}?`])], { command: 'bench' })
    const named = rng.pick(extra)
    list.add('-p MAIN --KIND NAME', ['-p', main, `--${named.kind}`, named.name])
    if (hasBin && rng.chance(0.5)) list.add('-p MAIN --bin NAME', ['-p', main, '--bin', main])
    // Its dependencies are not primary: a dylib among them gets `-C prefer-dynamic`, which links with `unwind` only.
    list.add('test -p MAIN', ['-p', main], { command: 'test' })
    abortingRustflags(seed, list, main)
    return list
  }, { profiles: abortingProfiles(seed) })
}

/**
 * Now and then `cargo bench` or `cargo test` of the main package's benches under `RUSTFLAGS=-C panic=abort`: rustc
 * refuses that flag for a test harness, not for these benches, which have `harness = false` and which cargo
 * compiles with `--cfg test` instead of `--test`. Only the benches are selected: `cargo bench` and `cargo test`
 * stop at the first failure, so a refused harness beside them would leave them unbuilt. Drawn from a stream of
 * its own, so that the rest of a seed's workspace and invocations are what they were before.
 */
function abortingRustflags(seed: number, list: InvocationList, main: string): void {
  const rng = new Rng(seed ^ 0x165667b1)
  const env = { RUSTFLAGS: '-C panic=abort' }
  const benches = ['-p', main, '--bench', 'bench*']
  if (rng.chance(0.4)) list.add('bench -p MAIN --bench bench*, RUSTFLAGS=-C panic=abort', benches, { command: 'bench', env, id: 'bench-p-main-benches-panic-abort' })
  if (rng.chance(0.25)) list.add('test -p MAIN --bench bench*, RUSTFLAGS=-C panic=abort', benches, { command: 'test', env, id: 'test-p-main-benches-panic-abort' })
}

/**
 * Now and then one example becomes a proc-macro (`crate-type = ["proc-macro"]`), which cargo builds for the host
 * with `-C prefer-dynamic` and unwind, whatever the profile. Drawn from a stream of its own, so that the rest of a
 * seed's workspace is what it was before.
 */
function procMacroExample(seed: number, extra: ExtraTarget[]): void {
  const rng = new Rng(seed ^ 0x27d4eb2f)
  const examples = extra.filter(t => t.kind === 'example')
  if (examples.length === 0 || !rng.chance(0.35)) return
  const chosen = rng.pick(examples)
  extra[extra.indexOf(chosen)] = { ...chosen, crateTypes: ['proc-macro'] }
}

/**
 * `panic = "abort"` in the test or release profile now and then, which cargo drops for everything `cargo test`
 * and `cargo bench` propose and what they link, examples built as plain binaries included. Drawn from a stream of
 * its own, so that the rest of a seed's workspace is what it was before profiles were added.
 */
function abortingProfiles(seed: number): NamedProfile[] {
  const rng = new Rng(seed ^ 0x5bd1e995)
  const named: NamedProfile[] = []
  if (rng.chance(0.35)) named.push({ name: 'test', settings: { panic: 'abort' } })
  if (rng.chance(0.25)) named.push({ name: 'release', settings: { panic: 'abort' } })
  return named
}

// ---------------------------------------------------------------------------------------------
// selection: default-members, -p, --exclude, no selection flag, --target <host>

function selection(rng: Rng, seed: number, host: string): GeneratedWorkspace {
  const { packages, profile } = generateLinkageGraph(rng)
  const names = packages.map(p => p.name)
  let defaultMembers: string[] | undefined
  if (rng.chance(0.7)) {
    defaultMembers = rng.subset(names, 0.5)
    if (defaultMembers.length === 0) defaultMembers = [rng.pick(names)]
  }
  return finish('selection', seed, rng, packages, ({ selectedBin }) => {
    const list = new InvocationList()
    list.add('(no selection)', [])
    list.add('-p BIN', ['-p', selectedBin])
    if (rng.chance(0.5)) {
      const other = rng.pick(names.filter(n => n !== selectedBin))
      list.add('-p BIN -p PKG', ['-p', selectedBin, '-p', other])
    }
    list.add('--workspace --exclude PKG', ['--workspace', '--exclude', rng.pick(names)])
    list.add('--target HOST', ['--target', host], { id: 'target-host' })
    list.add('--workspace --target HOST', ['--workspace', '--target', host], { id: 'workspace-target-host' })
    if (rng.chance(0.4)) list.add('-p BIN --target HOST', ['-p', selectedBin, '--target', host], { id: `p-${selectedBin}-target-host` })
    if (rng.chance(0.3)) list.add('--workspace --target HOST, RUSTFLAGS', ['--workspace', '--target', host], { env: { RUSTFLAGS: '-C prefer-dynamic' }, id: 'workspace-target-prefer-dynamic' })
    return list
  }, { profile, host, ...(defaultMembers === undefined ? {} : { defaultMembers }) })
}

// ---------------------------------------------------------------------------------------------
// rustflags: from RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS and the tables of .cargo/config.toml

const PREFER_DYNAMIC: readonly string[] = ['-C', 'prefer-dynamic']
const CRT_STATIC: readonly string[] = ['-C', 'target-feature=+crt-static']

function pickFlags(rng: Rng): readonly string[] {
  // cargo refuses a whole invocation under +crt-static as soon as it would build a dylib or proc-macro
  // (nothing is then compared), so it is the rarer flag.
  const flags = rng.chance(0.75) ? PREFER_DYNAMIC : CRT_STATIC
  // rustc takes `-Cprefer-dynamic` as well as `-C prefer-dynamic`.
  return rng.chance(0.2) ? [flags.join('')] : flags
}

function rustflags(rng: Rng, seed: number, host: string): GeneratedWorkspace {
  const { packages, profile } = generateLinkageGraph(rng)
  let config: RustflagsConfig | undefined
  if (rng.chance(0.8)) {
    const tables: { build?: readonly string[]; host?: readonly string[]; cfgUnix?: readonly string[] } = {}
    if (rng.chance(0.6)) tables.build = pickFlags(rng)
    if (rng.chance(0.4)) tables.host = pickFlags(rng)
    if (rng.chance(0.4)) tables.cfgUnix = pickFlags(rng)
    if (tables.build === undefined && tables.host === undefined && tables.cfgUnix === undefined) tables.build = pickFlags(rng)
    config = tables
  }
  return finish('rustflags', seed, rng, packages, ({ selectedBin }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'], { id: 'workspace' })
    if (config !== undefined) list.add('--workspace, RUSTFLAGS=""', ['--workspace'], { env: { RUSTFLAGS: '' }, id: 'rustflags-empty' })
    list.add('--workspace, RUSTFLAGS', ['--workspace'], { env: { RUSTFLAGS: pickFlags(rng).join(' ') }, id: 'rustflags-env' })
    if (rng.chance(0.6)) {
      const env: Record<string, string> = { CARGO_ENCODED_RUSTFLAGS: pickFlags(rng).join('\x1f') }
      // The encoded variable wins over RUSTFLAGS.
      if (rng.chance(0.3)) env.RUSTFLAGS = pickFlags(rng).join(' ')
      list.add('--workspace, CARGO_ENCODED_RUSTFLAGS', ['--workspace'], { env, id: 'encoded-rustflags' })
    }
    if (rng.chance(0.6)) list.add('--workspace --target HOST', ['--workspace', '--target', host], { id: 'workspace-target-host' })
    list.add('-p BIN', ['-p', selectedBin])
    return list
  }, { profile, host, ...(config === undefined ? {} : { rustflagsConfig: config }) })
}

// ---------------------------------------------------------------------------------------------
// targets: examples (executable, dylib, cdylib), integration tests, benches without harness

function targets(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const libs: GeneratedPackage[] = []
  const libCount = rng.int(1, 3)
  for (let i = 0; i < libCount; i++) {
    const deps = libs.filter(l => l.lib !== null && isLinkable(l.lib) && rng.chance(0.4)).map(l => normal(l))
    const l = lib(index++, rng.weighted(TARGETS_LIB_TYPES), deps)
    libs.push(l)
    packages.push(l)
  }
  const linkable = libs.filter(l => l.lib !== null && isLinkable(l.lib))
  const normalDeps = linkable.filter(() => rng.chance(0.5))
  if (normalDeps.length === 0 && linkable.length > 0) normalDeps.push(rng.pick(linkable))
  const devDeps = linkable.filter(l => !normalDeps.includes(l) && rng.chance(0.6))

  const mainIndex = index++
  const extra: ExtraTarget[] = []
  const exampleCount = rng.int(1, 2)
  for (let e = 0; e < exampleCount; e++) {
    const kind = rng.weighted<readonly LibCrateType[] | null>([
      { value: null, weight: 50 },
      { value: ['dylib'], weight: 25 },
      { value: ['cdylib'], weight: 25 }
    ])
    extra.push({ kind: 'example', name: `ex${mainIndex}${String.fromCharCode(97 + e)}`, ...(kind === null ? {} : { crateTypes: kind }) })
  }
  extra.push({ kind: 'test', name: `it${mainIndex}` })
  if (rng.chance(0.3)) extra.push({ kind: 'test', name: `plain${mainIndex}`, namesNothing: true })
  if (rng.chance(0.6)) extra.push({ kind: 'bench', name: `bench${mainIndex}`, harness: false })
  const hasBin = rng.chance(0.5)
  const mainDeps = [...normalDeps.map(l => normal(l)), ...devDeps.map((l): GeneratedDependency => ({ package: l.name, sections: ['dev'] }))]
  const mainPkg: GeneratedPackage = {
    name: hasBin ? `app${mainIndex}` : `l${mainIndex}`,
    index: mainIndex,
    lib: { kind: 'lib', crateTypes: rng.weighted(TARGETS_LIB_TYPES) },
    bin: hasBin,
    deps: mainDeps,
    targets: extra
  }
  packages.push(mainPkg)
  if (!hasBin || rng.chance(0.4)) {
    const userIndex = index++
    packages.push(app(userIndex, [normal(mainPkg)], { targets: [{ kind: 'example', name: `ex${userIndex}a` }, { kind: 'test', name: `it${userIndex}` }] }))
  }
  const examples = extra.filter(t => t.kind === 'example')

  return finish('targets', seed, rng, packages, () => {
    const list = new InvocationList()
    list.add('--workspace --examples', ['--workspace', '--examples'])
    list.add('--workspace --tests', ['--workspace', '--tests'])
    list.add('--workspace --all-targets', ['--workspace', '--all-targets'])
    list.add('--workspace --benches', ['--workspace', '--benches'])
    list.add('test --workspace', ['--workspace'], { command: 'test' })
    if (rng.chance(0.4)) list.add('-p PKG --example EX', ['-p', mainPkg.name, '--example', rng.pick(examples).name])
    if (rng.chance(0.3)) list.add('--workspace', ['--workspace'])
    return list
  })
}

// ---------------------------------------------------------------------------------------------
// unused: dependencies no source names (rustc never loads them)

function unused(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  let index = 0
  const cdylibOnly = lib(index++, rng.chance(0.8) ? ['cdylib'] : ['staticlib'])
  packages.push(cdylibOnly)
  const staticOnly = rng.chance(0.6) ? lib(index++, ['staticlib']) : null
  if (staticOnly !== null) packages.push(staticOnly)
  const shared = lib(index++, rng.pick<readonly LibCrateType[]>([['dylib'], ['dylib', 'rlib']]))
  packages.push(shared)
  const macroDeps: GeneratedDependency[] = [normal(shared, { unnamed: true })]
  if (rng.chance(0.3)) macroDeps.push(normal(cdylibOnly, { unnamed: true }))
  const macro = procMacro(index++, macroStyle(rng), macroDeps)
  packages.push(macro)

  const testedDeps: GeneratedDependency[] = []
  if (rng.chance(0.5)) testedDeps.push(normal(shared))
  if (rng.chance(0.4)) testedDeps.push(normal(cdylibOnly, { unnamed: true }))
  // A plain rlib over a dylib: a test that names nothing loads neither.
  const tested = lib(index++, rng.pick<readonly LibCrateType[]>([['dylib'], ['dylib'], ['dylib', 'rlib'], ['lib']]), testedDeps, {
    targets: [{ kind: 'test', name: 'x', namesNothing: true }, ...(rng.chance(0.3) ? [{ kind: 'test' as const, name: `uses${index}` }] : [])]
  })
  packages.push(tested)

  const appDeps: GeneratedDependency[] = [normal(cdylibOnly, { unnamed: true })]
  if (staticOnly !== null) appDeps.push(normal(staticOnly, { unnamed: true }))
  if (rng.chance(0.3)) appDeps.push(normal(shared, rng.chance(0.5) ? { unnamed: true } : {}))
  appDeps.push(normal(macro))
  appDeps.push(normal(tested, rng.chance(0.3) ? { unnamed: true } : {}))
  if (rng.chance(0.3)) appDeps.push({ package: cdylibOnly.name, sections: ['dev'], unnamed: true })
  packages.push(app(index++, appDeps))

  return finish('unused', seed, rng, packages, ({ selectedBin }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'])
    list.add('-p BIN', ['-p', selectedBin])
    list.add('--workspace --tests', ['--workspace', '--tests'])
    list.add('test --workspace', ['--workspace'], { command: 'test' })
    if (rng.chance(0.4)) list.add('--workspace, RUSTFLAGS', ['--workspace'], { env: { RUSTFLAGS: '-C prefer-dynamic' }, id: 'prefer-dynamic' })
    return list
  })
}

// ---------------------------------------------------------------------------------------------
// versions: two path packages named `dup` (0.1.0 and 0.2.0), used under renamed dependencies

function versions(rng: Rng, seed: number): GeneratedWorkspace {
  const packages: GeneratedPackage[] = []
  // Two members may not share a name, so both are path dependencies outside the members.
  const dup = (index: number, version: string): GeneratedPackage => ({
    name: `dup${index + 1}`,
    index,
    lib: { kind: 'lib', crateTypes: rng.weighted(VERSION_TYPES) },
    bin: false,
    deps: [],
    packageName: 'dup',
    version,
    excluded: true
  })
  const first = dup(0, '0.1.0')
  const second = dup(1, '0.2.0')
  packages.push(first, second)
  let index = 2
  const middle = rng.chance(0.6) ? lib(index++, rng.weighted(MIDDLE_TYPES), [normal(rng.chance(0.5) ? first : second)]) : null
  if (middle !== null) packages.push(middle)
  const mainDeps: GeneratedDependency[] = [normal(first)]
  if (rng.chance(0.6) || middle === null) mainDeps.push(normal(second))
  if (middle !== null && rng.chance(0.7)) mainDeps.push(normal(middle))
  packages.push(app(index++, mainDeps))
  if (rng.chance(0.4)) packages.push(app(index++, [normal(rng.chance(0.5) ? second : first), ...(middle !== null ? [normal(middle)] : [])]))

  const used = (dep: GeneratedPackage): boolean => packages.some(p => p.deps.some(d => d.package === dep.name))
  return finish('versions', seed, rng, packages, ({ selectedBin }) => {
    const list = new InvocationList()
    list.add('--workspace', ['--workspace'])
    list.add('-p BIN', ['-p', selectedBin])
    const reachable = [first, second].filter(used)
    if (reachable.length > 0 && rng.chance(0.5)) {
      const spec = rng.pick(reachable)
      list.add('-p NAME@VERSION', ['-p', `dup@${spec.version ?? '0.1.0'}`])
    }
    if (rng.chance(0.5)) list.add('--workspace, RUSTFLAGS', ['--workspace'], { env: { RUSTFLAGS: '-C prefer-dynamic' }, id: 'prefer-dynamic' })
    return list
  })
}

// ---------------------------------------------------------------------------------------------
// profiles: the release, test and a custom profile, each changing panic, LTO or rpath, in the manifest, in
// .cargo/config.toml and through CARGO_PROFILE_* variables

const LTO_VALUES: readonly NonNullable<GeneratedProfile['lto']>[] = [true, false, 'thin', 'fat', 'off']

/** Settings drawn with the chance of each key; `panic` takes either value, so a profile can undo what it inherits. */
function profileSettings(rng: Rng, chances: { panic: number; lto: number; rpath: number }): GeneratedProfile {
  const settings: GeneratedProfile = {}
  if (rng.chance(chances.panic)) settings.panic = rng.chance(0.75) ? 'abort' : 'unwind'
  if (rng.chance(chances.lto)) settings.lto = rng.pick(LTO_VALUES)
  if (rng.chance(chances.rpath)) settings.rpath = rng.chance(0.8)
  return settings
}

function profiles(rng: Rng, seed: number): GeneratedWorkspace {
  const { packages, profile } = generateLinkageGraph(rng)
  const named: NamedProfile[] = [{ name: 'release', settings: profileSettings(rng, { panic: 0.5, lto: 0.5, rpath: 0.3 }) }]
  // cargo ignores `panic` in the test profile, with a warning: the engine must too.
  if (rng.chance(0.5)) named.push({ name: 'test', settings: profileSettings(rng, { panic: 0.2, lto: 0.6, rpath: 0.3 }) })
  named.push({ name: 'dist', inherits: rng.chance(0.7) ? 'release' : 'dev', settings: profileSettings(rng, { panic: 0.4, lto: 0.5, rpath: 0.4 }) })
  const ws = finish('profiles', seed, rng, packages, ({ selectedBin }) => {
    const list = new InvocationList()
    list.add('--release --workspace', ['--release', '--workspace'])
    list.add('--release -p BIN', ['--release', '-p', selectedBin])
    list.add('--profile dist --workspace', ['--profile', 'dist', '--workspace'])
    list.add('--profile dist -p BIN', ['--profile', 'dist', '-p', selectedBin])
    list.add('test -p BIN', ['-p', selectedBin], { command: 'test' })
    list.add('test --release -p BIN', ['--release', '-p', selectedBin], { command: 'test' })
    if (rng.chance(0.5)) list.add('test --profile dist --workspace', ['--profile', 'dist', '--workspace'], { command: 'test' })
    else list.add('test --profile dist -p BIN', ['--profile', 'dist', '-p', selectedBin], { command: 'test' })
    // The variables win over every file. Drawn last, as the config tables below, so that the seeds this category
    // had without them keep their packages, manifest profiles and invocations.
    const overridden = rng.pick(['RELEASE', 'DIST'] as const)
    const overrides = profileVariables(rng, overridden)
    if (Object.keys(overrides).length > 0) {
      const profileArgs = overridden === 'RELEASE' ? ['--release'] : ['--profile', 'dist']
      list.add('-p BIN, CARGO_PROFILE_*', [...profileArgs, '-p', selectedBin], { env: overrides, id: 'profile-variables' })
    }
    return list
  }, { profile, profiles: named })
  // `.cargo/config.toml` profile tables, which win over the manifest's.
  if (!rng.chance(0.4)) return ws
  const configProfiles: NamedProfile[] = [{ name: 'release', settings: profileSettings(rng, { panic: 0.6, lto: 0.4, rpath: 0.4 }) }]
  if (rng.chance(0.5)) configProfiles.push({ name: 'dist', settings: profileSettings(rng, { panic: 0.5, lto: 0.4, rpath: 0.4 }) })
  return { ...ws, configProfiles }
}

/** `CARGO_PROFILE_<NAME>_*` variables for one profile, each drawn on its own. */
function profileVariables(rng: Rng, name: 'RELEASE' | 'DIST'): Record<string, string> {
  const settings = profileSettings(rng, { panic: 0.5, lto: 0.3, rpath: 0.3 })
  const env: Record<string, string> = {}
  if (settings.panic !== undefined) env[`CARGO_PROFILE_${name}_PANIC`] = settings.panic
  if (settings.lto !== undefined) env[`CARGO_PROFILE_${name}_LTO`] = String(settings.lto)
  if (settings.rpath !== undefined) env[`CARGO_PROFILE_${name}_RPATH`] = String(settings.rpath)
  return env
}

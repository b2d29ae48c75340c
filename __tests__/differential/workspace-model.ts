/**
 * The model of a generated workspace, shared by the generators of every category (`generate.ts` for
 * `linkage`, `categories.ts` for the others) and by the renderer: packages, their dependency
 * declarations and feature tables, the workspace settings, and the cargo invocations that exercise it.
 */

/** What a generated workspace is meant to exercise; `linkage` is the original generator. */
export const CATEGORIES = [
  'linkage',
  'features-members',
  'features-defaults',
  'features-kinds',
  'selection',
  'rustflags',
  'targets',
  'unused',
  'versions',
  'profiles',
  'target-flags'
] as const

export type Category = (typeof CATEGORIES)[number]

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value)
}

/** A library crate type as written in `[lib] crate-type`. */
export type LibCrateType = 'lib' | 'rlib' | 'dylib' | 'cdylib' | 'staticlib'

export type MacroStyle = 'function' | 'derive'

export type LibraryShape =
  | { kind: 'lib'; crateTypes: readonly LibCrateType[] }
  | { kind: 'proc-macro'; style: MacroStyle }

export type DependencySection = 'normal' | 'build' | 'dev'

export interface GeneratedDependency {
  /**
   * Key of the depended-upon package in the workspace (its directory), which is also the name the
   * dependent declares it under and its sources use: names have no dashes.
   */
  package: string
  sections: readonly DependencySection[]
  /** `optional = true` (only in normal and build sections). */
  optional?: true
  /** `features = [...]` of the declaration. */
  features?: readonly string[]
  /** `default-features = false`. */
  defaultFeatures?: false
  /** `cfg(...)` of a `[target.'cfg(...)'.<section>]` table; absent for the plain sections. */
  platform?: string
  /** Declared but named by no source of the package, so rustc never loads it. */
  unnamed?: true
}

/** An example, integration test or bench target (`examples/`, `tests/`, `benches/`). */
export interface ExtraTarget {
  kind: 'example' | 'test' | 'bench'
  name: string
  /**
   * For an example: a library-like example with these crate types instead of an executable; `proc-macro`
   * makes it a proc-macro, which cargo builds for the host.
   */
  crateTypes?: readonly LibCrateType[] | readonly ['proc-macro']
  /** For a bench: `harness = false`, a plain `main`. */
  harness?: false
  /** The source names no crate at all, not even the package's own library. */
  namesNothing?: true
  /** `test = …`, `bench = …` and `required-features = […]` of its table, when written. */
  flags?: TargetFlags
}

/** The target-selection keys of a target's table (`[lib]`, `[[bin]]`, …), each written only when set. */
export interface TargetFlags {
  test?: boolean
  bench?: boolean
  requiredFeatures?: readonly string[]
}

export interface GeneratedPackage {
  /** The package's key: its directory, and the name dependents declare and use it by. */
  name: string
  /** Position in the workspace; dependencies always point to a lower index. */
  index: number
  lib: LibraryShape | null
  bin: boolean
  deps: readonly GeneratedDependency[]
  /** `[package] name` when it differs from `name` (two versions of one package); dependents then rename it. */
  packageName?: string
  /** `[package] version`; 0.1.0 when absent. */
  version?: string
  /** `[features]`, in order. */
  features?: readonly (readonly [string, readonly string[]])[]
  targets?: readonly ExtraTarget[]
  /** `test`/`bench`/`required-features` of `[lib]` and of the package's `[[bin]]`. */
  libFlags?: TargetFlags
  binFlags?: TargetFlags
  /** Not a workspace member: listed in `[workspace] exclude` (a path dependency only). */
  excluded?: true
}

export type LtoSetting = true | 'thin' | 'fat'

/** The settings of a `[profile.*]` table that change how an artifact links. */
export interface GeneratedProfile {
  panic?: 'abort' | 'unwind'
  rpath?: boolean
  lto?: LtoSetting | false | 'off'
}

/** A `[profile.<name>]` table other than `dev`: cargo's `release` and `test`, or the custom `dist`. */
export interface NamedProfile {
  name: 'release' | 'test' | 'dist'
  /** `inherits`, which a custom profile must have. */
  inherits?: 'dev' | 'release'
  settings: GeneratedProfile
}

/** `rustflags` in the workspace's `.cargo/config.toml`, by table. */
export interface RustflagsConfig {
  /** `[build] rustflags`. */
  build?: readonly string[]
  /** `[target.<host triple>] rustflags`. */
  host?: readonly string[]
  /** `[target.'cfg(unix)'] rustflags`. */
  cfgUnix?: readonly string[]
}

/** `test` and `bench` run with `--no-run`. */
export type CargoCommand = 'build' | 'test' | 'bench'

/** One cargo command line run on the workspace, and given to the engine as is. */
export interface GeneratedInvocation {
  /** Unique within the workspace, usable as a directory name. */
  id: string
  /** The invocation with names left out (`-p BIN --features F`), for grouping in summaries. */
  shape: string
  /** `test` and `bench` run as `cargo test --no-run` and `cargo bench --no-run`. */
  command: CargoCommand
  /** Package, target and feature selection flags, as given to cargo and to the engine. */
  args: readonly string[]
  /** Variables set on top of the sanitized environment (RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS). */
  env: Readonly<Record<string, string>>
}

export interface GeneratedWorkspace {
  category: Category
  seed: number
  packages: readonly GeneratedPackage[]
  /** `[profile.dev]` settings; empty for most workspaces. */
  profile: GeneratedProfile
  /** The other `[profile.*]` tables, in order (the `profiles` category). */
  profiles?: readonly NamedProfile[]
  /** `[profile.*]` tables of `.cargo/config.toml`, which win over the manifest's. */
  configProfiles?: readonly NamedProfile[]
  /** Packages with a `bin` target, in index order. */
  binPackages: readonly string[]
  /** The bin package to select with `-p`. */
  selectedBin: string
  /** `[workspace] resolver`; null when the key is absent, which is resolver 1 in a virtual workspace. */
  resolver: '1' | '2' | null
  /** `[workspace] default-members`. */
  defaultMembers?: readonly string[]
  rustflagsConfig?: RustflagsConfig
  /** The host triple, for `[target.<host>]` tables and `--target`. */
  host?: string
  invocations: readonly GeneratedInvocation[]
}

/** mulberry32: small, fast, and identical on every platform. */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  weighted<T>(items: readonly { value: T; weight: number }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0)
    let r = this.next() * total
    for (const item of items) {
      r -= item.weight
      if (r < 0) return item.value
    }
    const last = items[items.length - 1]
    if (last === undefined) throw new Error('weighted pick from an empty list')
    return last.value
  }

  /** A random subset, each item kept with probability `p`, in the original order. */
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p))
  }
}

// ---------------------------------------------------------------------------------------------
// Features: which features turn an optional dependency on, so that its uses can be guarded

/** A feature value of a `[features]` table, as cargo reads it. */
type FeatureValue = { kind: 'feature'; name: string } | { kind: 'dep'; dep: string } | { kind: 'dep-feature'; dep: string; feature: string; weak: boolean }

function featureValue(text: string): FeatureValue {
  const slash = text.indexOf('/')
  if (slash >= 0) {
    const dep = text.slice(0, slash)
    return dep.endsWith('?') ? { kind: 'dep-feature', dep: dep.slice(0, -1), feature: text.slice(slash + 1), weak: true } : { kind: 'dep-feature', dep, feature: text.slice(slash + 1), weak: false }
  }
  if (text.startsWith('dep:')) return { kind: 'dep', dep: text.slice('dep:'.length) }
  return { kind: 'feature', name: text }
}

/** Whether cargo makes an implicit feature for an optional dependency: no `dep:` value names it. */
export function hasImplicitFeature(pkg: GeneratedPackage, dep: string): boolean {
  return !(pkg.features ?? []).some(([, values]) => values.some(v => v === `dep:${dep}`))
}

/**
 * The features of `pkg` whose `--cfg feature=...` is set whenever the optional dependency `dep` is on:
 * the implicit feature, and every feature that names it directly (`dep:d`, `d` as the implicit
 * feature, or a non-weak `d/x`). A feature reaching one of these through other features turns it on
 * too, so its own cfg is set as well; the direct ones are enough.
 */
export function enablingFeatures(pkg: GeneratedPackage, dep: string): string[] {
  const implicit = hasImplicitFeature(pkg, dep)
  const out: string[] = []
  for (const [name, values] of pkg.features ?? []) {
    const enables = values.some(text => {
      const fv = featureValue(text)
      if (fv.kind === 'dep') return fv.dep === dep
      if (fv.kind === 'feature') return implicit && fv.name === dep
      return fv.dep === dep && !fv.weak
    })
    if (enables) out.push(name)
  }
  if (implicit && !out.includes(dep)) out.push(dep)
  return out
}

/** The `cfg` predicate inside a `cfg(...)` platform string. */
export function platformPredicate(platform: string): string {
  const match = /^cfg\((.*)\)$/.exec(platform)
  if (match?.[1] === undefined) throw new Error(`not a cfg platform: ${platform}`)
  return match[1]
}

/** The cfg predicate under which a declaration's crate is passed to rustc, or null when it always is. */
export function dependencyGuard(pkg: GeneratedPackage, dep: GeneratedDependency): string | null {
  const parts: string[] = []
  if (dep.platform !== undefined) parts.push(platformPredicate(dep.platform))
  if (dep.optional === true) {
    const features = enablingFeatures(pkg, dep.package).map(f => `feature = ${JSON.stringify(f)}`)
    if (features.length === 0) throw new Error(`optional dependency ${dep.package} of ${pkg.name} is turned on by no feature`)
    parts.push(features.length === 1 ? (features[0] as string) : `any(${features.join(', ')})`)
  }
  if (parts.length === 0) return null
  return parts.length === 1 ? (parts[0] as string) : `all(${parts.join(', ')})`
}

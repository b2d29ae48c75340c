/**
 * The vocabulary of the engine, in cargo's and rustc's own words.
 *
 * Raw `cargo metadata` JSON is parsed into these types once, at the boundary (src/metadata/parse.ts);
 * everything after that works on trusted values.
 */

/** A crate type as cargo passes it to rustc (`--crate-type`). `lib` means rlib to rustc. */
export type CrateType = 'bin' | 'lib' | 'rlib' | 'dylib' | 'cdylib' | 'staticlib' | 'proc-macro'

export const CRATE_TYPES: readonly CrateType[] = ['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']

/** Cargo's target kind: `lib` for every library target whatever its crate types. */
export type TargetKind = 'lib' | 'bin' | 'example' | 'test' | 'bench' | 'custom-build' | 'proc-macro'

/** The manifest section a dependency comes from. */
export type DependencyKind = 'normal' | 'dev' | 'build'

/** How rustc links one crate into one artifact (rustc's `Linkage`). */
export type Linkage = 'static' | 'dynamic' | 'included-from-dylib' | 'not-linked'

/** The panic strategy a unit is compiled with (`-C panic`). */
export type PanicStrategy = 'unwind' | 'abort'

/** Host units (build scripts, proc-macros and their dependencies) versus units for the requested target. */
export type CompileKind = 'host' | 'target'

/** `build`, or `test` for a target compiled as a test harness (`rustc --test`). */
export type CompileMode = 'build' | 'test'

/** A package id exactly as `cargo metadata` prints it; an opaque key. */
export type PackageId = string

/** One `[lib]`, `[[bin]]`, `[[example]]`, `[[test]]`, `[[bench]]` or build script of a package. */
export interface Target {
  /** Target name as in the manifest (`name`); for libs the crate name uses underscores (see crateName). */
  name: string
  kind: TargetKind
  /** Crate types from `crate_types` (never from `kind`: an example may be a cdylib). */
  crateTypes: CrateType[]
  srcPath: string
  /** `test = …` in the manifest (metadata `test`; defaulted by kind when absent). */
  test: boolean
  requiredFeatures: string[]
}

/** One dependency edge between two packages, possibly of several kinds and platforms at once. */
export interface DependencyEdge {
  /** The package depended upon. */
  pkg: PackageId
  /** The extern crate name in the dependent (after renames), with underscores. */
  externName: string
  /** Each kind with an optional platform condition: a `cfg(...)` expression or a target triple. */
  kinds: { kind: DependencyKind; platform: string | null }[]
}

export interface Package {
  id: PackageId
  name: string
  version: string
  /** null for path packages (the workspace and other local crates). */
  source: string | null
  manifestPath: string
  targets: Target[]
  /** Activated features of this package, from the resolve graph. */
  features: string[]
  deps: DependencyEdge[]
  /** `rust-version`, when declared. */
  rustVersion: string | null
  /** False when `publish = false`; otherwise the registries it may go to (null = any). */
  publish: string[] | null | false
}

/** A validated `cargo metadata` document. */
export interface Metadata {
  packages: Map<PackageId, Package>
  workspaceMembers: PackageId[]
  /** cargo's default members for the manifest cargo was run on; null when the metadata predates the field. */
  workspaceDefaultMembers: PackageId[] | null
  workspaceRoot: string
  targetDirectory: string
  /** The root package of the resolve (`resolve.root`), if any. */
  resolveRoot: PackageId | null
  /**
   * How trustworthy the dependency graph is: `full` when every edge has its kinds; `no-dep-kinds` when
   * the metadata predates `dep_kinds` and kinds were recovered from `packages[].dependencies` by name.
   */
  graphQuality: 'full' | 'no-dep-kinds'
}

/** What rustc reports about one compilation target (host or `--target`), for the flags in effect. */
export interface TargetInfo {
  triple: string
  /** `cfg` lines from `--print=cfg`: bare names map to `true`, key="value" pairs are collected per key. */
  cfg: CfgSet
  /** Whether the target libdir holds the standard library (`libstd-*.rlib`): false for a target not installed. */
  stdInstalled: boolean
  /** Crate types rustc accepts for this target with these flags (from the `--print=file-names` probe). */
  supportedCrateTypes: Set<CrateType>
  /** File name pattern per crate type, from the probe (e.g. `lib___.so` for dylib). */
  fileNames: Partial<Record<CrateType, string>>
  /** `rustc --print sysroot`. */
  sysroot: string
  /** `rustc --print target-libdir`. */
  targetLibdir: string
  /** Whether executables link the C runtime statically (`crt-static`) with these flags. */
  crtStaticExecutables: boolean
  /**
   * Whether crt-static executables may still link Rust dylibs (the target option `crt_static_allows_dylibs`),
   * read from the probe. Undefined when these flags leave executables without crt-static: rustc then never
   * asks, and the probe cannot tell.
   */
  crtStaticAllowsDylibs?: boolean
  /** The shared-library form of `std` in the target libdir (e.g. `libstd-d1237ef7159db0a2.so`), if any. */
  stdDylib: string | null
  /** The rustflags these facts were probed with (the effective rustflags of units for this target). */
  rustflags: string[]
  /** Where those rustflags came from, when from a config file or the environment. */
  rustflagsSource: SettingSource | null
}

/** A parsed `--print=cfg` set. */
export interface CfgSet {
  names: Set<string>
  values: Map<string, Set<string>>
}

/** `rustc -vV`. */
export interface RustcVersion {
  release: string
  commitHash: string
  /** `commit-date` (YYYY-MM-DD); null when rustc does not print it. */
  commitDate: string | null
  host: string
}

export type LtoSetting = 'false' | 'true' | 'thin' | 'fat' | 'off'

/** The profile settings that decide linkage. */
export interface ProfileSettings {
  name: string
  panic: PanicStrategy
  lto: LtoSetting
  rpath: boolean
  /** Where each setting came from, for locations in findings. */
  sources: Partial<Record<'panic' | 'lto' | 'rpath', SettingSource>>
}

/** A file and line a setting was read from (repository-relative when possible), or an environment variable. */
export type SettingSource = { file: string; line: number } | { env: string }

/** Everything the engine needs besides the metadata: the toolchain and the effective configuration. */
export interface BuildContext {
  rustc: RustcVersion
  host: TargetInfo
  /** Facts for `--target`; equal to `host` when no `--target` was given. */
  target: TargetInfo
  /** Effective profile for the command (e.g. `dev`, `release`, `test`, `bench`). */
  profile: ProfileSettings
  /** The profile test harnesses use (`test`, or `bench` with --release). */
  testProfile: ProfileSettings
}

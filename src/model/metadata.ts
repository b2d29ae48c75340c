import type { CrateType } from './crate-type.js'

/**
 * A `cargo metadata` document in cargo's own words: packages, their targets and dependency edges, the
 * workspace. The raw JSON is parsed into these types once, at the boundary (src/metadata/parse.ts);
 * everything after that works on trusted values.
 */

/** A package id exactly as `cargo metadata` prints it; an opaque key. */
export type PackageId = string

/** Cargo's target kind: `lib` for every library target whatever its crate types. */
export type TargetKind = 'lib' | 'bin' | 'example' | 'test' | 'bench' | 'custom-build' | 'proc-macro'

/** The manifest section a dependency comes from. */
export type DependencyKind = 'normal' | 'dev' | 'build'

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
  /** `doctest = …` in the manifest (metadata `doctest`; cargo's default, true for libraries, when absent). */
  doctest: boolean
  requiredFeatures: string[]
}

/** One dependency as the manifest declares it (cargo's `Dependency`), from `packages[].dependencies`. */
export interface DeclaredDependency {
  /** The name features and `dep:` refer to it by: `rename` if given, else the package name (`name_in_toml`). */
  nameInToml: string
  optional: boolean
  /** `features = […]` of the declaration. */
  features: string[]
  /** `default-features` (metadata `uses_default_features`). */
  defaultFeatures: boolean
}

/** One kind of a dependency edge: the section it is declared in, its platform, and the declaration. */
export interface EdgeKind {
  kind: DependencyKind
  /** A `cfg(...)` expression or a target triple, for `[target.….dependencies]`; null for every platform. */
  platform: string | null
  /** The declaration this kind comes from; null when the metadata does not tell (a non-optional dependency). */
  declared: DeclaredDependency | null
}

/** One entry of `packages[].dependencies`: what the manifest declares, activated or not (cargo's `Summary::dependencies`). */
export interface Declaration {
  kind: DependencyKind
  /** A `cfg(...)` expression or a target triple, for `[target.….dependencies]`; null for every platform. */
  platform: string | null
  declared: DeclaredDependency
}

/** One dependency edge between two packages, possibly of several kinds and platforms at once. */
export interface DependencyEdge {
  /** The package depended upon. */
  pkg: PackageId
  /** The extern crate name in the dependent (after renames), with underscores. */
  externName: string
  kinds: EdgeKind[]
}

export interface Package {
  id: PackageId
  name: string
  version: string
  /** null for path packages (the workspace and other local crates). */
  source: string | null
  manifestPath: string
  targets: Target[]
  /** Activated features of this package in `cargo metadata`'s own resolve (all members, every platform). */
  features: string[]
  /** The `[features]` table, with the implicit feature of each optional dependency (metadata `features`). */
  featureMap: ReadonlyMap<string, readonly string[]>
  /** `edition`: the root package's decides the default feature resolver; a library's, how rustdoc builds its doc examples. */
  edition: string
  deps: DependencyEdge[]
  /**
   * Every dependency the manifest declares, of every kind and platform, including optional ones nothing
   * activates: what cargo checks command-line features against. Empty when the metadata omits the list.
   */
  declarations: readonly Declaration[]
  /** `rust-version`, when declared. */
  rustVersion: string | null
  /** False when `publish = false`; otherwise the registries it may go to (null = any). */
  publish: string[] | null | false
  /** `description`, `license` and `license-file` of `[package]`, when set: what crates.io requires to publish. */
  description: string | null
  license: string | null
  licenseFile: string | null
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

/** The workspace members' packages, in `workspace_members` order. */
export function memberPackages(metadata: Metadata): Package[] {
  return metadata.workspaceMembers.map(id => metadata.packages.get(id)!)
}

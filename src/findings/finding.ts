/**
 * What the analysis finds, below the rules that produce findings and the reports that show them: a finding,
 * its severity, where it points and how its crates get in.
 */
import type { CompileKind, CompileMode } from '../model/build-context.js'
import type { CrateType } from '../model/crate-type.js'
import type { Package, TargetKind } from '../model/metadata.js'
import type { Unit } from '../model/unit-graph.js'

export type Severity = 'error' | 'warning' | 'note'

/** How a finding names an artifact of a `harness = false` target in test mode, after its name. */
export const WITHOUT_HARNESS = ' (without a test harness)'

/**
 * One finding. The artifact fields (`package` … `platform`) are present for findings about one artifact and
 * absent for findings about the workspace or the policy file.
 */
export interface Finding {
  rule: string
  severity: Severity
  /**
   * Stable identity across runs and line moves: a hash of the rule, the artifact and the crates, never of the
   * line or the wording. Baselines and SARIF `partialFingerprints` use it.
   */
  fingerprint: string
  package?: string
  target?: string
  kind?: TargetKind
  mode?: CompileMode
  /**
   * `false` for a `test`-mode artifact of a `harness = false` target, which cargo compiles with `--cfg test`
   * instead of `--test`: no test harness. Absent otherwise.
   */
  harness?: false
  crateType?: CrateType
  platform?: CompileKind
  /** The crates at fault; for `runtime-dylib`, the missing shared-library file names. */
  crates: string[]
  message: string
  /**
   * How to fix it, verified fixes first (smallest change first), then advice the engine has not proven.
   * Every error finding's verified fixes were applied to the engine's model of the workspace and re-analysed.
   */
  fixes: Fix[]
  /** How the crates at fault get into the artifact: one chain per way in (both ways, for a duplicate). */
  inclusion?: InclusionPath[]
  /** For `runtime-dylib`: the shared libraries the executable misses, by where it is started. */
  startup?: StartupMissing
  /** The manifest or config file at fault, relative to the workspace root, and its 1-based line. */
  file: string
  line: number
  /** Other lines involved, e.g. the `[workspace.dependencies]` entry that a `workspace = true` dependency uses. */
  related?: RelatedLocation[]
  /** The rule's own severity, when the policy changed it. */
  defaultSeverity?: Severity
  /** Set when an allow entry of the policy matches: the finding is reported but never fails the run. */
  allowed?: { reason: string; file: string; line: number }
  /** Set when a baseline was given: `existing` findings were already in it and do not fail the run. */
  baseline?: 'new' | 'existing'
}

/**
 * The shared-library file names an executable misses: started where cargo put it, copied alone into another
 * directory of the same machine, and under `cargo run`/`cargo test`.
 */
export interface StartupMissing {
  inPlace: string[]
  copiedAlone: string[]
  underCargo: string[]
}

/**
 * A way to fix a finding. `manifest-edit`: change manifest or config lines (`edits`); `command`: run cargo
 * differently (`command`); `flag`: change rustflags set outside the repository's files (the environment);
 * `advice`: prose the engine has not checked.
 */
export type FixKind = 'manifest-edit' | 'command' | 'flag' | 'advice'

export interface Fix {
  title: string
  kind: FixKind
  /**
   * True when the engine applied the fix to its model of the workspace and analysed the invocation again:
   * the artifact then links (or the finding is gone) and no new error appears anywhere in the invocation.
   */
  verified: boolean
  /** For `manifest-edit`: the lines to change, each as a whole line before and after. */
  edits?: Edit[]
  /** For `command`: the cargo command line to run instead, e.g. `["cargo", "build", "-p", "host"]`. */
  command?: string[]
}

/**
 * One line of a file, relative to the workspace root, as it is (`before`) and as the fix writes it
 * (`after`, which may span several lines when the fix inserts some).
 */
export interface Edit {
  file: string
  line: number
  before: string
  after: string
}

/** Advice text as a fix the engine has not verified. */
export function adviceFix(title: string): Fix {
  return { title, kind: 'advice', verified: false }
}

/**
 * One way a crate gets into an artifact: `chain` runs from the artifact's crate to the crate that brings
 * `crate` in, which links it `static`ally (as an rlib), `dynamic`ally (as a dylib), or contains it inside
 * itself (`inside-dylib`: a dylib with `crate` compiled in). `["app", "plugin_a"]`, `engine_api`,
 * `inside-dylib` reads "`app` → `plugin_a` (dylib, contains `engine_api` statically)".
 */
export interface InclusionPath {
  chain: string[]
  crate: string
  how: 'static' | 'dynamic' | 'inside-dylib'
  /** For `dynamic`: the shared library file, e.g. `libstd-<hash>.so`. */
  file?: string
  /** The optional dependencies along the chain, each with what turned it on. */
  features?: FeatureStep[]
}

/**
 * An optional dependency on an inclusion chain and what turned it on: the manifest line of the repository that
 * asks for it first — a `[features]` entry or a dependency's `features` — or the command line when only it asks.
 * `{ from: 1, by: 'feature', package: 'game', name: 'dev', text: 'dev = ["engine/dynamic_linking"]', file:
 * 'game/Cargo.toml', line: 9 }` on the chain `game`, `engine` reads "`engine` → … via feature `dev`".
 */
export interface FeatureStep {
  /** Index in `chain` of the dependent: its edge to the next crate (or to `crate`) is the optional one. */
  from: number
  by: 'feature' | 'dependency' | 'command-line'
  /** The package whose manifest asks, or which the command line selects. */
  package: string
  /** The `[features]` entry, the dependency's name in the manifest, or the feature asked for on the command line. */
  name: string
  /** The entry as written: `dev = ["engine/dynamic_linking"]`, `features = ["dynamic_linking"]`, `default-features`. */
  text: string
  /** The manifest line, relative to the workspace root (absent for the command line). */
  file?: string
  line?: number
  /** The command-line request behind the manifest entry, e.g. `--features engine/dynamic_linking`. */
  commandLine?: string
}

export interface RelatedLocation {
  file: string
  line: number
  /** What this line is, e.g. "`[workspace.dependencies]` entry". */
  message: string
}

/** The artifact a finding is about. */
export type FindingArtifact = Required<Pick<Finding, 'package' | 'target' | 'kind' | 'mode' | 'crateType' | 'platform'>>

/** The artifact a finding is about, or null for findings about the workspace or the policy. */
export function findingArtifact(f: Finding): FindingArtifact | null {
  const { package: pkg, target, kind, mode, crateType, platform } = f
  if (pkg === undefined || target === undefined || kind === undefined || mode === undefined || crateType === undefined || platform === undefined) return null
  return { package: pkg, target, kind, mode, crateType, platform }
}

/** A file and 1-based line, relative to the workspace root, and other lines involved. */
export interface Location {
  file: string
  line: number
  related?: RelatedLocation[]
}

/** Finds the manifest or config line behind a finding. Implementations read files; rules stay pure. */
export interface Locator {
  /** The `crate-type` line of a package's library (or its `[lib]` table, or the manifest's first line). */
  crateType(unit: Unit): Location
  /** The entry for `dep` in `dependent`'s manifest (the section matching the edge kind). */
  dependency(dependent: Unit, dep: Unit | { pkgName: string; externName: string }, edge: string, platform: string | null): Location
  /** Where a profile setting or flag was set (profile key, config line), or the root manifest. */
  setting(setting: 'panic' | 'lto' | 'rpath' | 'rustflags', unit: Unit): Location
  /** A line of any file, given by its absolute path (a source file, a toolchain file, a config file). */
  file(absolute: string, line: number): Location
  /** The first of `paths` that a package's manifest has (e.g. `['package', 'rust-version']`), else its first line. */
  manifestKey(pkg: Package, ...paths: (string | number)[][]): Location
  /** The entry for the dependency `name` in any dependency table of a package's manifest. */
  dependencyNamed(pkg: Package, name: string): Location
}

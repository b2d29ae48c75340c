import type { CompileKind, CompileMode, CrateType, Linkage, TargetKind } from '../model/types.js'

/**
 * The JSON report: a contract. Fields may be added; none is ever renamed or removed.
 */
export interface Report {
  version: 1
  toolchain: { release: string; commitHash: string; host: string; target: string }
  /** Absolute path of the workspace root; finding files are relative to it. */
  workspaceRoot: string
  /** What was predicted: the cargo command line equivalent and the profile in effect. */
  invocation: { command: string; args: string[]; profile: string }
  artifacts: ArtifactReport[]
  findings: FindingReport[]
  /** Notes about the analysis itself (reduced modes, assumptions), one sentence each. */
  notes: string[]
}

export type ArtifactStatus = 'ok' | 'error' | 'blocked'

export interface LinkageEntry {
  crate: string
  how: Linkage
  /** For `included-from-dylib`: the dylib crate that contains it. */
  via?: string
  /** Package name@version for workspace and registry crates; absent for the standard library. */
  package?: string
}

export interface ArtifactReport {
  package: string
  version: string
  target: string
  kind: TargetKind
  mode: CompileMode
  crateType: CrateType
  /** `host` for build scripts, proc-macros and their dependencies. */
  platform: CompileKind
  status: ArtifactStatus
  /** For `blocked`: the dependency artifacts whose failure stops this one. */
  blockedBy?: { package: string; target: string; kind: TargetKind; mode: CompileMode }[]
  /** Whether cargo passes `-C prefer-dynamic` (from cargo itself or from rustflags). */
  preferDynamic: boolean
  panic: 'unwind' | 'abort'
  /** Every Rust crate in the artifact and how it links; empty for crate types that do not link (rlib). */
  linkage: LinkageEntry[]
  /** For executables and shared libraries: Rust shared libraries needed at run time, transitively. */
  runtimeLibraries?: string[]
  rpath?: boolean
}

export type Severity = 'error' | 'warning' | 'note'

export interface FindingReport {
  rule: string
  severity: Severity
  package: string
  target: string
  kind: TargetKind
  mode: CompileMode
  crateType: CrateType
  platform: CompileKind
  /** The crates at fault; for `runtime-dylib`, the missing shared-library file names. */
  crates: string[]
  message: string
  /** How to fix it, one suggestion per entry. */
  fixes: string[]
  /** The manifest or config file at fault, relative to the workspace root, and its 1-based line. */
  file: string
  line: number
}

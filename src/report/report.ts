import type { Finding, Severity } from '../findings/finding.js'
import type { Linkage } from '../linkage/dependency-format.js'
import type { CompileKind, CompileMode } from '../model/build-context.js'
import type { CrateType } from '../model/crate-type.js'
import type { TargetKind } from '../model/metadata.js'

/**
 * The JSON report: a contract. Fields may be added; none is ever renamed or removed.
 */
export interface Report extends Analysis {
  /** The policy file applied, when there was one. */
  policy?: PolicySummary
  /** The baseline report compared against, when one was given. */
  baseline?: BaselineSummary
  /** Whether the findings fail the run, and why. */
  gate: Gate
}

/** What the analysis finds, before the gate (policy, baseline, `fail-on`) is applied: the report less its gate. */
export interface Analysis {
  version: 2
  toolchain: ToolchainReport
  /** The artifacts that form Rust-ABI dynamic or plugin boundaries, and what must match across them. */
  boundaries: BoundaryReport[]
  /** Absolute path of the workspace root; finding files are relative to it. */
  workspaceRoot: string
  /** What was predicted: the cargo command line equivalent and the profile in effect. */
  invocation: { command: string; args: string[]; profile: string }
  artifacts: ArtifactReport[]
  findings: Finding[]
  /** Notes about the analysis itself (reduced modes, assumptions), one sentence each. */
  notes: string[]
}

export interface ToolchainReport {
  release: string
  commitHash: string
  /** `commit-date` of the compiler in use, when rustc prints it. */
  commitDate?: string
  host: string
  target: string
  /** Whether the target's standard library is installed in this toolchain. */
  stdInstalled: boolean
  /** The repository's `rust-toolchain.toml` / `rust-toolchain`, relative to the workspace root. */
  pin?: { file: string; line: number; channel: string | null; path: string | null; kind: 'exact' | 'dated' | 'floating' | 'path' }
  /** `exact-toolchain` of the policy file, which overrides the pin. */
  expected?: string
}

export interface BoundaryReport {
  package: string
  target: string
  kind: TargetKind
  platform: CompileKind
  /**
   * `rust-dylib`: a Rust dylib; `prefer-dynamic`: given `-C prefer-dynamic` by rustflags; `links-dynamically`:
   * links Rust crates dynamically; `plugin`: a cdylib no Rust crate links; `plugin-host`: an executable that loads plugins.
   */
  role: 'rust-dylib' | 'prefer-dynamic' | 'links-dynamically' | 'plugin' | 'plugin-host'
  panic: 'unwind' | 'abort'
  /** Flags that change layouts or calling conventions and that rustc does not compare across crates. */
  abiFlags: string[]
}

/** When the run fails: `fail-on` and the findings that count against it. */
export type FailOn = 'error' | 'warning' | 'never'

export interface Gate {
  failOn: FailOn
  verdict: 'pass' | 'fail'
  /** Findings at or above `failOn` that are neither allowed by the policy nor already in the baseline. */
  failing: number
}

export interface PolicySummary {
  /** Relative to the workspace root. */
  file: string
  /** Rule id → severity (or `off`) set by the policy. */
  severities: Record<string, Severity | 'off'>
  /** How many allow entries the policy has, and how many findings they allowed. */
  allowEntries: number
  allowed: number
}

export interface BaselineSummary {
  /** As given (input `baseline` / `--baseline`). */
  file: string
  new: number
  existing: number
  /** Findings of the baseline that are gone. */
  fixed: number
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
  /** `false` for a `test`-mode artifact of a `harness = false` target (`--cfg test`, no test harness); absent otherwise. */
  harness?: false
  crateType: CrateType
  /** `host` for build scripts, proc-macros and their dependencies. */
  platform: CompileKind
  /** The package's features the artifact is compiled with, sorted (cargo's unit `features`); always written, absent only in reports of earlier versions. */
  features?: string[]
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

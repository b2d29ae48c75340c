/** The repository's toolchain pin and the compiler it is compared with; reading the pin is `toolchain/pin.ts`. */

/** What `rustc -vV` says about a compiler (structurally the project's `RustcVersion`). */
export interface RustcIdentity {
  release: string
  commitHash: string
  commitDate: string | null
  host: string
}

export type PinKind =
  /** A full release: `1.95.0`, `1.96.0-beta.3`. */
  | 'exact'
  /** A dated channel: `nightly-2026-05-20`, `beta-2026-05-01`, `stable-2026-04-16`. */
  | 'dated'
  /**
   * `stable`, `beta`, `nightly`, a minor-only release `1.95` (latest patch), `1.96.0-beta` (latest beta of 1.96.0),
   * a custom toolchain name, or a `[toolchain]` table without `channel` (rustup then uses the default toolchain).
   */
  | 'floating'
  /** `path = "/opt/rust"`: a toolchain taken from a directory of the repository's choosing. */
  | 'path'

export interface ToolchainPin {
  /** The absolute path of the file. */
  file: string
  /** 1-based line of `channel`/`path` (or line 1 for a one-line legacy file; the `[toolchain]` line when neither is set). */
  line: number
  kind: PinKind
  /** As written, host suffix kept (e.g. `1.95.0-x86_64-unknown-linux-gnu`). */
  channel: string | null
  path: string | null
  /** `targets = [...]` with the line of the key, for "target not installed" checks. */
  targets: string[]
  targetsLine: number | null
}

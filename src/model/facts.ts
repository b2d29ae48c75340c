import type { Package } from './metadata.js'
import type { SettingSource } from './profile.js'
import type { ToolchainPin } from './toolchain-pin.js'

/** A line of a file, by absolute path. */
export interface SourceLine {
  file: string
  line: number
}

/** A `#[global_allocator]` in a package's sources. */
export interface AllocatorDeclaration extends SourceLine {
  /** The item the attribute applies to, e.g. `static GLOBAL: MiMalloc = MiMalloc;`. */
  item: string
}

/**
 * What the analysis knows beyond `cargo metadata` and rustc's probes, read from the repository as data:
 * the toolchain pin, the policy's expected toolchain, where `--target` came from, and `#[global_allocator]`s.
 */
export interface WorkspaceFacts {
  /** The `rust-toolchain.toml` / `rust-toolchain` file rustup would use for the workspace, if any. */
  pin: ToolchainPin | null
  /** `exact-toolchain` of the policy file: overrides the pin. */
  expectedToolchain: (SourceLine & { channel: string }) | null
  /** The config line that set `build.target`, when the target came from one. */
  targetSource: SettingSource | null
  /** The `#[global_allocator]`s in a local package's sources; read only for the packages a rule asks about. */
  globalAllocators(pkg: Package): AllocatorDeclaration[]
  /** Whether a local package's sources load libraries at run time (`dlopen`, `LoadLibrary`); read on demand. */
  loadsLibraries(pkg: Package): boolean
}

/** No facts: no pin, no expectation, no allocators (metadata recorded elsewhere, benchmarks). */
export function noFacts(): WorkspaceFacts {
  return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => false }
}

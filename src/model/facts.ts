import type { Package, Target } from './metadata.js'
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
 * An unmangled symbol a library defines (`#[no_mangle]`, `#[export_name = "…"]`, either inside `unsafe(…)`):
 * every static copy of the library linked into one executable defines it again. The line is that of the
 * attribute.
 */
export interface ExportedSymbol extends SourceLine {
  /** The linker symbol: the item's name, or the `export_name` value. */
  symbol: string
  attribute: 'no_mangle' | 'export_name'
  /** Defined when the library is compiled normally: the rlib its dependents link. */
  library: boolean
  /** Defined in the library's unit-test harness (its source compiled with `--test`, where `cfg(test)` holds). */
  harness: boolean
}

/**
 * What the analysis knows beyond `cargo metadata` and rustc's probes, read from the repository as data:
 * the toolchain pin, the policy's expected toolchain, where `--target` came from, `#[global_allocator]`s and
 * unmangled exports.
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
  /**
   * The unmangled symbols a library target's module tree defines, in source order; read on demand. Absent:
   * none are known (metadata recorded elsewhere, benchmarks).
   */
  exportedSymbols?(target: Target): ExportedSymbol[]
}

/** No facts: no pin, no expectation, no allocators (metadata recorded elsewhere, benchmarks). */
export function noFacts(): WorkspaceFacts {
  return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => false, exportedSymbols: () => [] }
}

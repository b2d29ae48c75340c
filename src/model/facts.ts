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
  /** The item's signature; null when it could not be read. Absent: not scanned (facts recorded elsewhere). */
  signature?: ExportSignature | null
  /**
   * The declarations, in the target's module tree and the local packages it depends on, of the types its
   * signature names by path (and of the types those aliases name), matched by name.
   */
  types?: TypeDeclaration[]
  /** False when a module file of the target could not be found or read: other exports may be unseen. */
  sourcesComplete?: boolean
}

/**
 * A type as written in an exported signature, parsed as far as telling C-compatible types apart needs;
 * `text` is the type as written, `line` where it starts.
 */
export type SignatureType = { text: string; line: number } & (
  | { kind: 'path'; segments: string[]; args: SignatureType[] }
  | { kind: 'pointer' | 'reference'; mutable: boolean; to: SignatureType }
  | { kind: 'fn'; abi: string | null; params: SignatureType[]; returns: SignatureType | null }
  | { kind: 'tuple'; items: SignatureType[] }
  | { kind: 'array' | 'slice'; of: SignatureType }
  /** `!`; `dyn Trait`, `impl Trait`; anything else (a qualified path, a macro, `_`, `self`, `...`). */
  | { kind: 'never' | 'dyn' | 'impl' | 'other' }
)

/** The signature of an exported function or static. */
export type ExportSignature =
  | {
      item: 'fn'
      /** The ABI: `"C"` for `extern "C"` and a bare `extern`, null for none (the Rust ABI). */
      abi: string | null
      /** Type or const parameters (lifetimes do not count). */
      generic: boolean
      params: SignatureType[]
      /** Null for `()`. */
      returns: SignatureType | null
      line: number
    }
  | { item: 'static'; type: SignatureType; line: number }

/** A `struct`, `enum`, `union` or `type` alias declared at module level in a Rust source. */
export interface TypeDeclaration extends SourceLine {
  name: string
  item: 'struct' | 'enum' | 'union' | 'type'
  /** The hints of its `#[repr(…)]` attributes (`C`, `transparent`, `u8`, `packed`, `align`), in order. */
  repr: string[]
  /** What a `type` alias stands for; null for the other items. */
  aliasOf: SignatureType | null
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

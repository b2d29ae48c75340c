/**
 * Every size limit on what the analysis reads: the files it parses and the output of the programs it runs.
 * A larger input ends the run with one line naming it and the limit; nothing is read past a limit.
 */
const KiB = 1024
const MiB = 1024 * KiB

/**
 * Report files larger than this are refused before they are parsed (UTF-8 bytes). A 10,000-package workspace
 * built with `-C prefer-dynamic` writes a 198 MiB report (824,000 linkage entries); V8 cannot hold a string
 * of more than 512 Mi code units at all.
 */
export const MAX_REPORT_BYTES = 256 * MiB

/**
 * The most `cargo metadata` may print, and the largest `--metadata-file`. Real metadata takes 4–10 KB per
 * package (the corpus: libra 606 packages in 2.4 MB, rules_rust 386 in 3.7 MB) and the synthetic
 * 10,000-package workspace of the benchmark 33 MB; a crate with thousands of features (`web-sys`,
 * `windows`) adds a few hundred KB. This leaves room for 25 KB a package at 10,000 packages while the text
 * stays far below V8's longest string (2^29 − 24 code units).
 */
export const MAX_METADATA_BYTES = 256 * MiB

/**
 * The most `rustc -vV`, `rustc --print` and `rustup which` may print: a few KB (`--print cfg` is the
 * largest, about 60 lines).
 */
export const MAX_TOOL_STDOUT_BYTES = 1 * MiB

/**
 * The most standard error any program may print. It is only read for an error message (cargo prints a line
 * per downloaded crate: some 400 KB for 10,000 crates); a program printing more is stopped.
 */
export const MAX_STDERR_BYTES = 16 * MiB

/** What is kept of standard error for messages: its beginning and its end (the error line may be in either). */
export const STDERR_KEPT = { head: 64 * KiB, tail: 64 * KiB } as const

/** The kinds of input file, each with its size limit. */
export type InputKind = 'manifest' | 'cargo-config' | 'toolchain-file' | 'policy' | 'baseline' | 'report' | 'event-payload' | 'metadata' | 'rust-source' | 'rustc-cache' | 'code-cache'

export interface InputLimit {
  /** Largest size accepted, in bytes. */
  bytes: number
  /** What the file is, after "the limit for". */
  what: string
}

/**
 * The largest file of each kind that is read. TOML files are bounded so that the largest one accepted parses
 * quickly and no array in them has two million elements (the smallest such array, `[1,1,…]`, takes 4 MB).
 */
export const INPUT_LIMITS: Readonly<Record<InputKind, InputLimit>> = {
  // The largest published manifests (`web-sys`, `embassy-stm32`: thousands of features, normalized one
  // per line by `cargo publish`) are a few hundred KB. The slowest 1 MiB of TOML to read (350,000 empty
  // inline tables) takes about half a second.
  manifest: { bytes: 1 * MiB, what: 'a manifest' },
  // Real ones are a few KB; vendoring and `[patch]` tables for hundreds of crates stay under 100 KB.
  'cargo-config': { bytes: 1 * MiB, what: 'a cargo config file' },
  // A channel and a few lists of components and targets.
  'toolchain-file': { bytes: 1 * MiB, what: 'a toolchain file' },
  // A few hundred `[[allow]]` entries of a few lines each.
  policy: { bytes: 1 * MiB, what: 'a policy file' },
  // A baseline is the JSON report of an earlier run, so it has the report's limit.
  baseline: { bytes: MAX_REPORT_BYTES, what: 'a baseline report' },
  report: { bytes: MAX_REPORT_BYTES, what: 'a JSON report' },
  // GitHub delivers no webhook payload over 25 MB, and the runner writes it indented, which can double it.
  'event-payload': { bytes: 64 * MiB, what: 'an event payload' },
  metadata: { bytes: MAX_METADATA_BYTES, what: 'cargo metadata output' },
  // Read only to add findings (allocators, library loading): larger sources are skipped, never refused.
  'rust-source': { bytes: 4 * MiB, what: 'a Rust source file' },
  // 64 answers of at most 64 Ki characters each (`rustc/output-cache.ts`), each at most 6 bytes as JSON.
  'rustc-cache': { bytes: 32 * MiB, what: 'the rustc answer cache' },
  // The CLI's V8 code cache is some hundreds of KB.
  'code-cache': { bytes: 16 * MiB, what: 'the code cache' }
}

/** Rust source files read per package at most when a rule needs a package's sources; the rest are skipped. */
export const MAX_SOURCE_FILES = 2000

/**
 * Bytes of Rust source read per package, or per target's module tree, at most: files linked many times to one
 * large file cannot make a scan read gigabytes. The largest crates (`windows`, `web-sys`) stay below it.
 */
export const MAX_SOURCE_BYTES = 64 * MiB

/** Directory entries listed per package at most while looking for its sources under its targets' directories. */
export const MAX_SOURCE_WALK_ENTRIES = 20_000

/** A size for messages: `1 MiB`, `5.1 MiB`, `64 KiB`; rounded up, so that a size just over a limit never reads as the limit. */
export function formatSize(bytes: number): string {
  const [unit, name] = bytes >= MiB ? [MiB, 'MiB'] : bytes >= KiB ? [KiB, 'KiB'] : [1, 'bytes']
  if (bytes % unit === 0) return `${bytes / unit} ${name}`
  return `${(Math.ceil((bytes / unit) * 10) / 10).toFixed(1)} ${name}`
}

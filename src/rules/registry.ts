import type { Severity } from '../report/report.js'

/** Every rule id the engine reports. Ids are stable: never renamed, never reused. */
export type RuleId =
  | 'duplicate-linkage'
  | 'rlib-required'
  | 'dylib-required'
  | 'no-linkable-lib'
  | 'panic-strategy'
  | 'lto-conflict'
  | 'unsupported-crate-type'
  | 'proc-macro-dylib'
  | 'runtime-dylib'
  | 'unused-allow'

export interface RuleInfo {
  id: RuleId
  severity: Severity
  /** One line: what goes wrong. */
  title: string
  /** One paragraph, at most 1024 characters (SARIF `fullDescription`): what goes wrong and why. */
  description: string
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'duplicate-linkage',
    severity: 'error',
    title: 'A crate would be linked into one artifact twice ("only shows up once")',
    description:
      'rustc links every crate into an artifact exactly once. When some upstream crate exists only as a Rust `dylib`, it links every crate that has a dylib dynamically, including `std` (`libstd-<hash>.so`). A `dylib` built without `-C prefer-dynamic` contains its own static copy of `std`, so linking it next to `libstd-<hash>.so` puts `std` in twice and rustc fails with "cannot satisfy dependencies so `std` only shows up once". Cargo passes `-C prefer-dynamic` to a dylib only when its package is not selected on the command line, so `cargo build -p app` links while `cargo build --workspace` fails. Two dylibs that both contain the same rlib cannot be linked together either.'
  },
  {
    id: 'rlib-required',
    severity: 'error',
    title: 'An artifact needs every upstream crate as an rlib, and one is not',
    description:
      'A `staticlib` (and a `+crt-static` executable on targets that forbid dylibs with it) must contain every upstream crate, so each one must exist as an rlib. When a dependency is built only as a `dylib`, rustc fails with "crate `x` required to be available in rlib format, but was not found in this form".'
  },
  {
    id: 'dylib-required',
    severity: 'error',
    title: 'A crate must be linked dynamically but no dylib of it exists',
    description:
      'A Rust dylib records that it linked an upstream crate dynamically; when that crate\'s dylib is not available, rustc fails with "crate `x` required to be available in dylib format". With clean builds of path dependencies cargo always provides the dylib, so this mostly comes from prebuilt or stale dylibs.'
  },
  {
    id: 'no-linkable-lib',
    severity: 'error',
    title: 'A dependency whose library is only a cdylib or staticlib cannot be used from Rust',
    description:
      'A library whose only crate types are `cdylib` and/or `staticlib` cannot be used from Rust: cargo still builds it but passes no `--extern`, and the dependent fails with `error[E0433]` or `E0463` (cargo may warn that the package provides no linkable target). A package\'s own bins and tests do not get such a library either; they fail when their source uses it.'
  },
  {
    id: 'panic-strategy',
    severity: 'error',
    title: 'The panic runtime or a linked crate does not match the artifact’s panic strategy',
    description:
      '`libstd-<hash>.so` contains the `panic_unwind` runtime, so an artifact that links `std` dynamically cannot use `panic = "abort"`: rustc fails with "the linked panic runtime `panic_unwind` is not compiled with this crate\'s panic strategy `abort`". A crate compiled with `abort` linked into an `unwind` artifact, or two panic runtimes in one artifact, fail the same check. Cargo builds test harnesses, build scripts, proc-macros and their dependencies with `unwind` whatever the profile says.'
  },
  {
    id: 'lto-conflict',
    severity: 'error',
    title: 'LTO is requested where rustc refuses it',
    description:
      'rustc refuses `-C prefer-dynamic` together with fat or thin LTO on bins, cdylibs and staticlibs ("cannot prefer dynamic linking when performing LTO"), LTO on `dylib` and `proc-macro` crate types, and `-C lto` together with cargo\'s `-C embed-bitcode=no` ("options `-C embed-bitcode=no` and `-C lto` are incompatible"). Cargo itself only asks for LTO where rustc allows it, so these come from rustflags.'
  },
  {
    id: 'unsupported-crate-type',
    severity: 'warning',
    title: 'The target cannot produce a requested crate type',
    description:
      'Targets without dynamic linking, `crt-static` targets (musl, or `+crt-static` on gnu) and wasm drop `dylib`, `cdylib` or `proc-macro` with "warning: dropping unsupported crate type". When every crate type of a unit is dropped, cargo stops before compiling anything ("cannot produce proc-macro for `mac` as the target does not support these crate types"), and the finding is an error. A common cause is `RUSTFLAGS="-C target-feature=+crt-static"` without `--target`, which also reaches proc-macros.'
  },
  {
    id: 'proc-macro-dylib',
    severity: 'error',
    title: 'A proc-macro links a Rust dylib dynamically, so rustc cannot load it',
    description:
      'A proc-macro that depends on a Rust dylib links it dynamically; rustc then cannot load the proc-macro for its users, because that dylib is not on the compiler\'s library path, and every user fails with "error[E0463]: can\'t find crate for `mac`".'
  },
  {
    id: 'runtime-dylib',
    severity: 'warning',
    title: 'An executable needs Rust shared libraries that will not be found outside cargo',
    description:
      'An executable that links any Rust dylib (its own workspace dylibs, or `libstd-<hash>.so` under `-C prefer-dynamic`) records `NEEDED` entries without a run path. `cargo run` and `cargo test` set the library path, so it works there, but started directly, from an IDE, after `cargo install` or on another machine it fails with "error while loading shared libraries". The finding lists every file needed, transitively. With `rpath = true` the executable finds them in place and nothing is reported.'
  },
  {
    id: 'unused-allow',
    severity: 'warning',
    title: 'An allow entry of the policy file matches no finding (or has expired)',
    description:
      'An `[[allow]]` entry of the policy file matched no finding of this run, has no effect because its rule is turned off, or has passed its `expires` date, in which case the findings it covered fail the run again. A stale entry could silently allow an unrelated finding later: remove it, correct its `package`, `target` or `crate` fields, or set a later `expires` date if its reason still holds.'
  }
]

/** The project page; rule help links are anchors of its README. */
export const INFORMATION_URI = 'https://github.com/rust-linkage-guard/rust-linkage-guard'

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES.find(r => r.id === id)!
}

/** The README section documenting a rule. */
export function ruleHelpUri(id: RuleId): string {
  return `${INFORMATION_URI}#${id}`
}

import type { Severity } from '../findings/finding.js'
import { VERSION } from '../version.js'

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
  | 'duplicate-symbol'
  | 'runtime-dylib'
  | 'doctest-runtime'
  | 'static-pie-rpath'
  | 'output-filename-collision'
  | 'toolchain-unpinned'
  | 'toolchain-mismatch'
  | 'panic-strategy-mixed'
  | 'abi-flags-divergent'
  | 'multiple-rust-runtimes'
  | 'global-allocator-ignored'
  | 'global-allocator-split'
  | 'published-dylib'
  | 'lto-dynamic-unsound'
  | 'hot-reload-layout'
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
      'rustc links every crate into an artifact exactly once. When some upstream crate exists only as a Rust `dylib`, it links every crate that has a dylib dynamically, including `std` (`libstd-<hash>.so`). A `dylib` built without `-C prefer-dynamic` contains its own static copy of `std`, so linking it next to `libstd-<hash>.so` puts `std` in twice and rustc fails with "cannot satisfy dependencies so `std` only shows up once". Cargo passes `-C prefer-dynamic` to a dylib only when its package is not among the packages it builds targets of (not selected, or selected with `--examples` and no examples), so `cargo build -p app` links while `cargo build --workspace` fails. Two dylibs that both contain the same rlib cannot be linked together either.'
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
    id: 'duplicate-symbol',
    severity: 'warning',
    title: 'A unit-test harness may link two copies of a library that exports unmangled symbols',
    description:
      'A library\'s unit-test harness is its own source compiled with `--test`. When a dev-dependency depends back on the library, the harness also links the library\'s rlib: two static copies in one executable. Mangled symbols differ between the copies, but a `#[no_mangle]` or `#[export_name]` symbol is defined by both, and the link fails with "multiple definition of `sym`" (lld: "duplicate symbol") when the linker pulls in the rlib\'s object file that defines it, that is when code reached through the dev-dependency calls a mangled function of the library in the same codegen unit. That depends on how rustc partitions the crate into codegen units, which cannot be known before compiling. Move the exports into a crate of their own, break the dev-dependency cycle, or gate the exports with `#[cfg(not(test))]`.'
  },
  {
    id: 'runtime-dylib',
    severity: 'warning',
    title: 'An executable needs Rust shared libraries that will not be found outside cargo',
    description:
      'An executable that links any Rust dylib (its own workspace dylibs, or `libstd-<hash>.so` under `-C prefer-dynamic`) records `NEEDED` entries without a run path. `cargo run` and `cargo test` set the library path, so it works there, but started directly, from an IDE, after `cargo install` or on another machine it fails with "error while loading shared libraries". The finding lists every file needed, transitively. With `rpath = true` the executable finds them in place and nothing is reported.'
  },
  {
    id: 'doctest-runtime',
    severity: 'error',
    title: 'Doc examples link a Rust shared library that `cargo test` does not put on their library path',
    description:
      'Cargo runs a library\'s doc examples through `rustdoc --test` with only `target/<profile>/deps` (and build scripts\' native directories) on the library path, not the toolchain\'s library directory that `cargo run` and test harnesses get. An example that links `libstd-<hash>.so` — because the library depends on a Rust dylib built with `-C prefer-dynamic`, as Bevy\'s `dynamic_linking` does, or because `RUSTDOCFLAGS` (or `build.rustdocflags`) give rustdoc `-C prefer-dynamic` — compiles, then fails with exit status 127 ("error while loading shared libraries"), and `cargo test` fails. With `--target`, the workspace\'s own dylibs are outside that directory and are missing too. Only examples that run count: a library without doc examples, or with only `no_run`, `ignore` or `compile_fail` ones, is not reported, and neither is a toolchain whose `libstd` is in a directory the loader searches by default (distribution packages).'
  },
  {
    id: 'static-pie-rpath',
    severity: 'error',
    title: 'A static-pie executable has a run path and crashes before `main`',
    description:
      'With `-C target-feature=+crt-static` on `x86_64-unknown-linux-gnu`, rustc links executables as static-pie, and `rpath = true` gives them a `RUNPATH`. glibc\'s start-up code for static-pie executables requires that there be none, so the executable dies with SIGSEGV before `main`: a bin under `cargo run` as well as started directly, a test harness under `cargo test`, and a build script when cargo runs it, which fails the build and blocks its package. `rpath = false`, or `-C relocation-model=static` for a non-PIE static executable, avoids it.'
  },
  {
    id: 'output-filename-collision',
    severity: 'warning',
    title: 'Two units of one build write the same file, and the last one to finish wins',
    description:
      'Cargo names the files of a path package\'s `dylib` or `cdylib` without its metadata hash, and copies every dylib, bin and requested artifact into `target/<profile>/` under its plain name. When one build has two units that write the same name, cargo only warns "output filename collision", and the file holds whichever unit finishes last: a dylib used by a build script or proc-macro and by the target in a `release` or `panic = "abort"` build (host units get `opt-level = 0` and always `panic = "unwind"`, so cargo compiles it twice), two versions of one `dylib` crate, or two bins of one name. Dependents may link or load the other copy: an undefined symbol, a panic-strategy error, or a binary that silently runs the wrong version, changing from one build to the next.'
  },
  {
    id: 'toolchain-unpinned',
    severity: 'warning',
    title: 'A Rust dylib crosses a build boundary, but no toolchain file pins an exact compiler',
    description:
      'Rust has no stable ABI: a Rust `dylib` only works with code built by the exact same compiler build and ABI-relevant flags. That matters where a dylib crosses a build boundary: a member `dylib` that no package of the build links, next to an executable that loads libraries at run time (a loader crate such as `libloading`, or `dlopen` in its sources), is rebuilt and shipped on its own and nothing checks it when it is loaded; a published dylib (the `published-dylib` shape: meant for other projects) is used by code its users build with their own compiler. Then, without a `rust-toolchain.toml` or `rust-toolchain` file pinning an exact release (`1.95.0`) or a dated nightly (`nightly-2026-05-20`), the two sides may come from different compilers: E0514, "undefined symbol", or a crash. A dylib linked by the executables it is built with, and `-C prefer-dynamic`, are not reported: one cargo invocation builds both sides with one compiler.'
  },
  {
    id: 'toolchain-mismatch',
    severity: 'error',
    title: 'The toolchain in use is not the one the workspace requires',
    description:
      'The compiler that runs (`rustc -vV`) is not the release or dated nightly that `rust-toolchain.toml` (or the policy\'s `exact-toolchain`) pins; or a package\'s `rust-version` is newer than that compiler, so cargo refuses to build it ("package requires rustc X or newer"); or the target the workspace builds for has no standard library installed, so every crate fails with "can\'t find crate for `std`". Predictions made with the wrong toolchain describe a build that will not happen.'
  },
  {
    id: 'panic-strategy-mixed',
    severity: 'warning',
    title: 'Panic strategies differ across a dynamic boundary',
    description:
      'An `abort` unit and an `unwind` unit on the two sides of one dynamic boundary: a host and a `cdylib` or Rust `dylib` of the build it loads at run time, or a Rust `dylib` and a unit linking it. rustc compares strategies only across what it links; across a library loaded at run time a panic unwinding out of the `unwind` side into `abort` code is undefined behaviour. All `abort` or all `unwind` is sound. Within one cargo invocation the sides differ where cargo forces `unwind` (everything a test harness, a build script or a proc-macro links): under `cargo test` with `panic = "abort"`, the binaries integration tests run are `abort` and a plugin built for its own tests is `unwind`. Where rustc links both sides it refuses the mix itself (`panic-strategy`).'
  },
  {
    id: 'abi-flags-divergent',
    severity: 'warning',
    title: 'Units linked across a dylib boundary are built with different ABI-relevant flags',
    description:
      'rustc checks a few "target modifier" flags across crates, but not `-C target-feature`, `-C target-cpu`, `-Z randomize-layout` or `-Z layout-seed`: type layouts and calling conventions can then differ between a Rust `dylib` and its users without any diagnostic. A dylib built twice with different flags (for example once for the host, for build scripts and proc-macros, and once for `--target` with target-specific rustflags) or layout randomization across separately built dylibs leads to memory corruption rather than a build error.'
  },
  {
    id: 'multiple-rust-runtimes',
    severity: 'warning',
    title: 'Libraries loaded at run time carry their own std, allocator and statics, and cross a boundary rustc does not check',
    description:
      'An executable of the workspace loads, at run time, `cdylib`s or Rust `dylib`s that the same build produces and no other package links. Every `cdylib` links its own copy of `std` and of every dependency: its own allocator, statics and thread-locals (a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s, so only `#[repr(C)]` data and `extern "C"` functions are sound across the boundary: the rule is quiet when every unmangled export of the plugins is such a C interface, and otherwise names the first that is not (a `String`, `Vec`, `Box`, trait object, slice, Rust-ABI function, or a type without a C representation). A Rust `dylib` loaded at run time must come from the same compiler with the same ABI-relevant flags as the host, is a second copy of the crates it contains, and cannot be unloaded. abi_stable and stabby check layouts when a library is loaded; with them the finding is informational.'
  },
  {
    id: 'global-allocator-ignored',
    severity: 'warning',
    title: 'A #[global_allocator] is silently ignored because std links dynamically',
    description:
      'When an artifact links any crate dynamically (for example `libstd-<hash>.so` under `-C prefer-dynamic`), rustc generates no allocator shim in it and uses the one inside the upstream dylib, so a `#[global_allocator]` declared in the executable is never called (rust-lang/rust#100781). Nothing fails at build time; allocations silently go to the default allocator.'
  },
  {
    id: 'global-allocator-split',
    severity: 'warning',
    title: 'A #[global_allocator] on one side of a plugin boundary splits the heap',
    description:
      'A `cdylib` plugin uses its own allocator (the system allocator unless it declares one), independently of the host. When the host or a plugin declares a `#[global_allocator]`, memory allocated on one side and freed on the other (a `Box` or `String` passed across, `Box::from_raw` of a plugin pointer) goes to a different heap: heap corruption, not an error. Free memory on the side that allocated it, or make every side use the same underlying allocator.'
  },
  {
    id: 'published-dylib',
    severity: 'warning',
    title: 'A library meant for other projects offers no rlib, forcing its users into dynamic linking',
    description:
      'A package meant for other projects — not `publish = false`, and a `description` and a `license` or `license-file` (what crates.io requires), or `publish` naming its registries — whose `[lib]` declares the Rust `dylib` crate type without `rlib` or `lib` forces every crate that depends on it into dynamic linking: each downstream artifact links `std` dynamically, inherits panic-strategy conflicts and duplicate-linkage errors, and needs the shared library at run time. An application\'s own engine crate, without that metadata, is not reported; nor are `cdylib` and `staticlib` libraries, built for C, Python or a plugin host. Add `"rlib"` to `crate-type`, or set `publish = false`.'
  },
  {
    id: 'lto-dynamic-unsound',
    severity: 'warning',
    title: 'LTO together with Rust dynamic linking on Windows',
    description:
      'On Windows targets, thin or fat LTO combined with Rust `dylib`s or `-C prefer-dynamic` is known to produce missing or mismatched symbols and crashes at run time (bevy#17130, rust-lang/rust#127979): LTO may internalize or drop symbols that another DLL imports. Use `lto = false` in profiles that link Rust crates dynamically on Windows (for example Bevy\'s `dynamic_linking` development builds).'
  },
  {
    id: 'hot-reload-layout',
    severity: 'note',
    title: 'A crate is built both as an rlib linked into an executable and as a dylib (the hot-reload shape)',
    description:
      'With `crate-type = ["rlib", "dylib"]` used by an executable, the executable links the rlib statically while the dylib is a second, separate copy of the crate and of `std`. Reloading the dylib then meets two copies of every static (a `tracing` callsite registry, a `log` logger, thread-locals), `TypeId`s that differ between the copies, and types whose layout may have changed since the executable was built. Keep the reloadable part behind a small `#[repr(C)]`/`extern "C"` interface, keep state in the executable, and rebuild the executable when shared types change.'
  },
  {
    id: 'unused-allow',
    severity: 'warning',
    title: 'An allow entry of the policy file matches no finding (or has expired)',
    description:
      'An `[[allow]]` entry of the policy file matched no finding of this run, has no effect because its rule is turned off, or has passed its `expires` date, in which case the findings it covered fail the run again. A stale entry could silently allow an unrelated finding later: remove it, correct its `package`, `target` or `crate` fields, or set a later `expires` date if its reason still holds.'
  }
]

/** The project's repository on GitHub (SARIF `informationUri`). */
export const INFORMATION_URI = 'https://github.com/rust-linkage-guard/rust-linkage-guard'

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES.find(r => r.id === id)!
}

/**
 * The rule's page, `docs/rules/<id>.md`, at the release tag of this version: a report links the
 * documentation of the version that produced it.
 */
export function ruleHelpUri(id: RuleId): string {
  return `${INFORMATION_URI}/blob/v${VERSION}/docs/rules/${id}.md`
}

import type { PanicStrategy } from '../model/profile.js'

/**
 * rustc's dependency-format algorithm, replayed over plain data: for one output crate type of one rustc
 * invocation, how each upstream crate links.
 *
 * Follows `compiler/rustc_metadata/src/dependency_format.rs` of rust-lang/rust at tag 1.95.0 (commit
 * 59807616e1fa2540724bfbac14d7976d7e4a3860), function by function and in the same order:
 *
 *   calculate             `calculate`, for one crate type of its loop over `tcx.crate_types()`
 *   calculateType         `calculate_type`
 *   addLibrary            `add_library`
 *   attemptStatic         `attempt_static`
 *   activateInjectedDep   `activate_injected_dep`
 *   verifyOk              `verify_ok`
 *   recordedFormats       `EncodeContext::encode_dylib_dependency_formats` (`rustc_metadata/src/rmeta/encoder.rs`)
 *
 * The algorithm, in rustc's five steps:
 *   1. If static linking is required (a staticlib; an executable linked with crt-static on a target that
 *      does not allow dylibs with it), every upstream crate must be available as an rlib: an error for each
 *      one that is not.
 *   2. If static linking is preferred (no `-C prefer-dynamic`, a crt-static executable, a proc-macro), try
 *      linking every upstream crate from its rlib (`attempt_static`); if one has none, go on.
 *   3. Static linking failed, so at least one library links dynamically: greedily link every library
 *      available as a dylib dynamically.
 *   4. Register each such dylib, and the formats it recorded for its own dependencies, in one map
 *      (`add_library`): a crate may be registered twice only if dynamically both times; anything else would
 *      put two copies of it in the output, and is an error.
 *   5. Link every remaining explicit dependency statically. Then activate the injected panic runtime unless
 *      one is linked already, check that each crate exists in the format chosen for it, and check the panic
 *      runtime and strategies of everything linked (`verify_ok`).
 *
 * Not replayed, and why that does not matter here:
 *   - `upstream_in_dylibs`: with `#![feature(rustc_private)]`, dylibs that another dylib links statically are
 *     skipped. Nightly only, for linking `rustc_driver`.
 *   - The `sdylib` crate type and `sdylib_interface` crate sources: unstable (`-Z unstable-options`); cargo
 *     never asks for them, so no crate here has one.
 *   - `should_link()`: without a link output (`--emit=metadata`) rustc computes nothing; the predicted commands
 *     (`cargo build`, `cargo test`) link.
 *   - Wording of the errors: the `non_static_deps` and `rustc_driver_help` notes of the "only shows up once"
 *     error, and the `RustcLibRequired` variant of "required to be available" for crates named `rustc_*`.
 *     Same errors, other text.
 *   - `verify_ok`'s `-Z panic-in-drop` check: a nightly option not modelled (without it every crate agrees).
 *   - `-C panic=immediate-abort` (unstable; no injected panic runtime, and `verify_ok` then wants every crate
 *     built with it): `LinkSession.panic` knows `unwind` and `abort` only, and the profile reader refuses
 *     `panic = "immediate-abort"` (`config/profiles.ts`).
 *   - `tcx.is_compiler_builtins` reads the `#![compiler_builtins]` attribute; here it is the crate named
 *     `compiler_builtins`, the only crate in a sysroot that has it.
 *   - The local crate (`LOCAL_CRATE`, always `Static` in rustc's list): it is compiled with the session's own
 *     panic strategy, so `verify_ok` never objects to it; lists here hold upstream crates only.
 *   - Everything the algorithm reads rather than decides — which crates rustc loads and in which order, how
 *     each was loaded, which panic runtime is injected, the session settings — is the caller's
 *     (`linkage/resolve.ts`, from cargo's unit graph and the probed target).
 */

/** How rustc links one crate into one artifact (rustc's `Linkage`, from `rustc_middle/src/middle/dependency_format.rs`). */
export type Linkage = 'static' | 'dynamic' | 'included-from-dylib' | 'not-linked'

/** How a crate was loaded into the crate graph (rustc's `CrateDepKind`). */
export type CrateDepKind = 'macros-only' | 'implicit' | 'explicit'

/** rustc's `LinkagePreference`, as recorded in a Rust dylib's metadata. */
export type Preference = 'static' | 'dynamic'

/** The output crate types rustc computes linkage for (`lib` is passed to rustc as `rlib`). */
export type OutputCrateType = 'bin' | 'dylib' | 'cdylib' | 'staticlib' | 'proc-macro' | 'rlib'

/** One upstream crate as rustc sees it in a crate graph. */
export interface CrateNode {
  /** A key unique across all crate graphs of one analysis (the same crate has the same key everywhere). */
  key: string
  /** The crate name, as rustc prints it. */
  name: string
  rlib: boolean
  dylib: boolean
  depKind: CrateDepKind
  isPanicRuntime: boolean
  /** The panic strategy this crate forces on whatever links it (`required_panic_strategy`), if any. */
  requiredPanic: PanicStrategy | null
  /** For a Rust dylib: what it linked statically and dynamically itself (`dylib_dependency_formats`). */
  dylibFormats: ReadonlyMap<string, Preference> | null
}

/** The session settings that enter the algorithm. */
export interface LinkSession {
  preferDynamic: boolean
  /** `crt-static` for executables (`sess.crt_static(Some(CrateType::Executable))`). */
  crtStatic: boolean
  /** The target lets crt-static executables link dylibs (the target option `crt_static_allows_dylibs`). */
  crtStaticAllowsDylibs: boolean
  panic: PanicStrategy
  /** `-Z staticlib-prefer-dynamic` (nightly): a staticlib prefers dynamic linking. */
  staticlibPreferDynamic?: boolean
  /** `-Z staticlib-allow-rdylib-deps` (nightly): a staticlib may link Rust dylibs. */
  staticlibAllowRdylibDeps?: boolean
}

/** How a crate got into the artifact: directly, or through a Rust dylib that contains or links it. */
export interface Origin {
  preference: Preference
  /** The key of the dylib whose recorded formats brought it in; null when added for itself. */
  via: string | null
}

export type DependencyFormatError =
  | { kind: 'crate-dep-multiple'; crate: string; existing: Origin; incoming: Origin }
  | { kind: 'rlib-required'; crate: string }
  | { kind: 'lib-required'; crate: string; format: 'rlib' | 'dylib' }
  | { kind: 'two-panic-runtimes'; first: string; second: string }
  | { kind: 'bad-panic-strategy'; runtime: string; strategy: PanicStrategy }
  | { kind: 'required-panic-strategy'; crate: string; found: PanicStrategy; desired: PanicStrategy }

export interface DependencyFormats {
  /**
   * rustc's `DependencyList`, an `IndexVec` over crate numbers: the linkage of `crates[i]` (the crate graph the
   * formats were calculated over) at `i`; empty when nothing links.
   */
  linkage: readonly Linkage[]
  /** For `included-from-dylib` (and dynamic crates reached through a dylib): the dylib that brought it. */
  via: Map<string, string>
  errors: DependencyFormatError[]
}

/** rustc's `DependencyList`: a linkage per upstream crate, indexed like `Tcx.crates`. */
type DependencyList = Linkage[]

/** What the algorithm asks of rustc's `tcx` and `sess`; `errors` stands for `sess.dcx()`. */
interface Tcx {
  session: LinkSession
  /** `tcx.crates(())`: the upstream crates in load order. */
  crates: readonly CrateNode[]
  /** The panic runtime crate loading injected (`CStore::injected_panic_runtime`), by key. */
  injectedPanicRuntime: string | null
  errors: DependencyFormatError[]
  /** Only an error message needs a crate by key: built on first use. */
  byKey: Map<string, CrateNode> | null
}

/** `tcx.crate_name(cnum)`. */
function crateName(tcx: Tcx, key: string): string {
  tcx.byKey ??= new Map(tcx.crates.map(c => [c.key, c]))
  return tcx.byKey.get(key)?.name ?? key
}

/**
 * rustc: `calculate`, for one output crate type — `calculate_type`, then `verify_ok` on its list.
 * `crates` must be in rustc's load order (the standard library first); `injectedPanicRuntime` is the
 * key of the panic runtime rustc injects (`panic_unwind` or `panic_abort`), if any.
 */
export function calculate(
  crateType: OutputCrateType,
  session: LinkSession,
  crates: readonly CrateNode[],
  injectedPanicRuntime: string | null
): DependencyFormats {
  const tcx: Tcx = { session, crates, injectedPanicRuntime, errors: [], byKey: null }
  const { linkage, via } = calculateType(tcx, crateType)
  verifyOk(tcx, linkage)
  return { linkage, via, errors: tcx.errors }
}

/** rustc: `calculate_type`. */
function calculateType(tcx: Tcx, ty: OutputCrateType): { linkage: DependencyList; via: Map<string, string> } {
  const sess = tcx.session
  const nothing = () => ({ linkage: [], via: new Map<string, string>() })

  let preferredLinkage: Linkage
  switch (ty) {
    // Without `-C prefer-dynamic`, a dylib or cdylib links everything statically it can.
    case 'dylib':
    case 'cdylib':
      preferredLinkage = sess.preferDynamic ? 'dynamic' : 'static'
      break
    case 'staticlib':
      preferredLinkage = sess.staticlibPreferDynamic ? 'dynamic' : 'static'
      break
    // An executable prefers static linkage unless `-C prefer-dynamic`, and always when crt-static.
    case 'bin':
      preferredLinkage = !sess.preferDynamic || sess.crtStatic ? 'static' : 'dynamic'
      break
    // rustc ignores `-C prefer-dynamic` for proc-macros.
    case 'proc-macro':
      preferredLinkage = 'static'
      break
    // An rlib does not link.
    case 'rlib':
      preferredLinkage = 'not-linked'
      break
  }

  switch (preferredLinkage) {
    case 'not-linked':
      return nothing()
    case 'static': {
      const linkage = attemptStatic(tcx)
      if (linkage !== null) return { linkage, via: new Map() }
      // Staticlibs and static executables must have all static dependencies.
      if ((ty === 'staticlib' && !sess.staticlibAllowRdylibDeps) || (ty === 'bin' && sess.crtStatic && !sess.crtStaticAllowsDylibs)) {
        for (const c of tcx.crates) {
          if (c.depKind === 'macros-only' || c.rlib) continue
          tcx.errors.push({ kind: 'rlib-required', crate: c.name })
        }
        return nothing()
      }
      break
    }
  }

  // Every dylib, and what it recorded for its own dependencies.
  const formats = new Map<string, Origin>()
  for (const c of tcx.crates) {
    if (c.depKind === 'macros-only' || !c.dylib) continue
    addLibrary(tcx, c.key, { preference: 'dynamic', via: null }, formats)
    for (const [dep, style] of c.dylibFormats ?? []) addLibrary(tcx, dep, { preference: style, via: c.key }, formats)
  }

  // Collect what we've got so far.
  const ret: DependencyList = []
  const via = new Map<string, string>()
  for (const c of tcx.crates) {
    const f = formats.get(c.key)
    ret.push(f === undefined ? 'not-linked' : f.preference === 'dynamic' ? 'dynamic' : 'included-from-dylib')
    if (f?.via) via.set(c.key, f.via)
  }

  // Add any missing explicit dependencies as static libraries.
  for (const [cnum, c] of tcx.crates.entries()) {
    if (!c.dylib && !formats.has(c.key) && c.depKind === 'explicit') {
      addLibrary(tcx, c.key, { preference: 'static', via: null }, formats)
      ret[cnum] = 'static'
    }
  }

  activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates)

  // Everything must be available in the format chosen for it.
  for (const [cnum, c] of tcx.crates.entries()) {
    const kind = ret[cnum]
    if (kind === 'static' && !c.rlib) tcx.errors.push({ kind: 'lib-required', crate: c.name, format: 'rlib' })
    if (kind === 'dynamic' && !c.dylib) tcx.errors.push({ kind: 'lib-required', crate: c.name, format: 'dylib' })
  }

  return { linkage: ret, via }
}

/** rustc: `add_library`. */
function addLibrary(tcx: Tcx, cnum: string, link: Origin, m: Map<string, Origin>): void {
  const link2 = m.get(cnum)
  if (link2 === undefined) {
    m.set(cnum, link)
    return
  }
  // Different linkages, or static twice: two copies of the library.
  if (link2.preference !== link.preference || link.preference === 'static') {
    tcx.errors.push({ kind: 'crate-dep-multiple', crate: crateName(tcx, cnum), existing: link2, incoming: link })
  }
}

/** rustc: `attempt_static`. */
function attemptStatic(tcx: Tcx): DependencyList | null {
  const allCratesAvailableAsRlib = tcx.crates.every(c => c.depKind === 'macros-only' || c.rlib)
  if (!allCratesAvailableAsRlib) return null

  const ret: DependencyList = tcx.crates.map(c => (c.depKind === 'explicit' ? 'static' : 'not-linked'))
  activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates)
  return ret
}

/**
 * rustc: `activate_injected_dep`, whose `replaces_injected` is `is_panic_runtime`. The injected runtime is one
 * of the crates: crate loading loaded it (`inject_panic_runtime`).
 */
function activateInjectedDep(injected: string | null, list: DependencyList, crates: readonly CrateNode[]): void {
  for (let cnum = 0; cnum < crates.length; cnum++) {
    if (crates[cnum]!.isPanicRuntime && list[cnum] !== 'not-linked') return
  }
  if (injected === null) return
  const cnum = crates.findIndex(c => c.key === injected)
  if (cnum < 0) throw new Error(`the injected panic runtime \`${injected}\` is not in the crate graph`)
  list[cnum] = 'static'
}

/** rustc: `verify_ok`. One panic runtime, and every linked crate compatible with the session's strategy. */
function verifyOk(tcx: Tcx, list: DependencyList): void {
  if (list.length === 0) return
  const linked = (cnum: number): boolean => list[cnum] !== 'not-linked'

  // The last panic runtime linked is the one checked below, as in rustc.
  let panicRuntime: CrateNode | null = null
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    const c = tcx.crates[cnum]!
    if (!linked(cnum) || !c.isPanicRuntime) continue
    if (panicRuntime !== null) tcx.errors.push({ kind: 'two-panic-runtimes', first: panicRuntime.name, second: c.name })
    panicRuntime = c
  }
  if (panicRuntime === null) return

  const desiredStrategy = tcx.session.panic
  if (panicRuntime.requiredPanic !== desiredStrategy) {
    tcx.errors.push({ kind: 'bad-panic-strategy', runtime: panicRuntime.name, strategy: desiredStrategy })
  }
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    const c = tcx.crates[cnum]!
    if (!linked(cnum)) continue
    if (c === panicRuntime || c.name === 'compiler_builtins') continue
    if (c.requiredPanic !== null && c.requiredPanic !== desiredStrategy) {
      tcx.errors.push({ kind: 'required-panic-strategy', crate: c.name, found: c.requiredPanic, desired: desiredStrategy })
    }
  }
}

/**
 * rustc: `encode_dylib_dependency_formats` — what a Rust dylib records about its own linkage for later
 * consumers, by crate key; `crates` is the graph `result` was calculated over.
 */
export function recordedFormats(crates: readonly CrateNode[], result: DependencyFormats): Map<string, Preference> {
  const out = new Map<string, Preference>()
  result.linkage.forEach((l, cnum) => {
    if (l === 'static' || l === 'dynamic') out.set(crates[cnum]!.key, l)
  })
  return out
}

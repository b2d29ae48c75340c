import type { Linkage, PanicStrategy } from '../model/types.js'

/**
 * rustc's dependency-format algorithm (`compiler/rustc_metadata/src/dependency_format.rs`), replayed
 * over plain data: for one output crate type of one rustc invocation, how each upstream crate links.
 */

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
  /** `crt-static` for executables. */
  crtStatic: boolean
  /** The target lets crt-static executables link dylibs (`crt_static_allows_dylibs`: Windows MSVC, WASI). */
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
  /** Linkage of every crate in the graph, by key. */
  linkage: Map<string, Linkage>
  /** For `included-from-dylib` (and dynamic crates reached through a dylib): the dylib that brought it. */
  via: Map<string, string>
  errors: DependencyFormatError[]
  /** Whether static linkage of everything succeeded (`attempt_static`). */
  allStatic: boolean
}

/**
 * `calculate_type` followed by `verify_ok` for one output crate type.
 * `crates` must be in rustc's load order (the standard library first); `injectedPanicRuntime` is the
 * key of the panic runtime rustc injects (`panic_unwind` or `panic_abort`), if any.
 */
export function calculateType(
  crateType: OutputCrateType,
  session: LinkSession,
  crates: readonly CrateNode[],
  injectedPanicRuntime: string | null
): DependencyFormats {
  const empty = (errors: DependencyFormatError[] = []): DependencyFormats => ({
    linkage: new Map(),
    via: new Map(),
    errors,
    allStatic: false
  })
  if (crateType === 'rlib') return empty()

  let preferStatic: boolean
  switch (crateType) {
    case 'dylib':
    case 'cdylib':
      preferStatic = !session.preferDynamic
      break
    case 'staticlib':
      preferStatic = !session.staticlibPreferDynamic
      break
    case 'bin':
      preferStatic = !session.preferDynamic || session.crtStatic
      break
    case 'proc-macro':
      // rustc ignores -C prefer-dynamic for proc-macros.
      preferStatic = true
      break
  }

  // Only an error message needs a crate's name by key: build the index then.
  let byKey: Map<string, CrateNode> | null = null
  const nameOf = (key: string): string => (byKey ??= new Map(crates.map(c => [c.key, c]))).get(key)?.name ?? key
  const unavailable: string[] = []
  if (preferStatic) {
    const firstNonRlib = crates.find(c => c.depKind !== 'macros-only' && !c.rlib)
    if (!firstNonRlib) {
      const linkage = new Map<string, Linkage>()
      for (const c of crates) linkage.set(c.key, c.depKind === 'explicit' ? 'static' : 'not-linked')
      activateInjected(linkage, crates, injectedPanicRuntime)
      return { linkage, via: new Map(), errors: verify(linkage, crates, session), allStatic: true }
    }
    unavailable.push(firstNonRlib.key)
    if ((crateType === 'staticlib' && !session.staticlibAllowRdylibDeps) || (crateType === 'bin' && session.crtStatic && !session.crtStaticAllowsDylibs)) {
      return empty(
        crates.filter(c => c.depKind !== 'macros-only' && !c.rlib).map(c => ({ kind: 'rlib-required' as const, crate: c.name }))
      )
    }
  }

  const errors: DependencyFormatError[] = []
  const formats = new Map<string, Origin>()
  const add = (key: string, origin: Origin): void => {
    const existing = formats.get(key)
    if (existing) {
      if (existing.preference !== origin.preference || origin.preference === 'static') {
        errors.push({ kind: 'crate-dep-multiple', crate: nameOf(key), existing, incoming: origin })
      }
    } else {
      formats.set(key, origin)
    }
  }
  for (const c of crates) {
    if (c.depKind === 'macros-only' || !c.dylib) continue
    add(c.key, { preference: 'dynamic', via: null })
    for (const [dep, preference] of c.dylibFormats ?? []) add(dep, { preference, via: c.key })
  }
  const linkage = new Map<string, Linkage>()
  const via = new Map<string, string>()
  for (const c of crates) {
    const f = formats.get(c.key)
    linkage.set(c.key, f === undefined ? 'not-linked' : f.preference === 'dynamic' ? 'dynamic' : 'included-from-dylib')
    if (f?.via) via.set(c.key, f.via)
  }
  for (const c of crates) {
    if (!c.dylib && !formats.has(c.key) && c.depKind === 'explicit') {
      add(c.key, { preference: 'static', via: null })
      linkage.set(c.key, 'static')
    }
  }
  activateInjected(linkage, crates, injectedPanicRuntime)
  for (const c of crates) {
    const l = linkage.get(c.key)
    if (l === 'static' && !c.rlib) errors.push({ kind: 'lib-required', crate: c.name, format: 'rlib' })
    if (l === 'dynamic' && !c.dylib) errors.push({ kind: 'lib-required', crate: c.name, format: 'dylib' })
  }
  errors.push(...verify(linkage, crates, session))
  return { linkage, via, errors, allStatic: false }
}

function activateInjected(linkage: Map<string, Linkage>, crates: readonly CrateNode[], injected: string | null): void {
  if (crates.some(c => c.isPanicRuntime && linkage.get(c.key) !== 'not-linked')) return
  if (injected !== null) linkage.set(injected, 'static')
}

/** `verify_ok`: one panic runtime, and every linked crate compatible with the artifact's strategy. */
function verify(linkage: Map<string, Linkage>, crates: readonly CrateNode[], session: LinkSession): DependencyFormatError[] {
  const errors: DependencyFormatError[] = []
  const linked = crates.filter(c => (linkage.get(c.key) ?? 'not-linked') !== 'not-linked')
  let runtime: CrateNode | null = null
  for (const c of linked) {
    if (!c.isPanicRuntime) continue
    if (runtime) errors.push({ kind: 'two-panic-runtimes', first: runtime.name, second: c.name })
    else runtime = c
  }
  if (!runtime) return errors
  if (runtime.requiredPanic !== session.panic) {
    errors.push({ kind: 'bad-panic-strategy', runtime: runtime.name, strategy: session.panic })
  }
  for (const c of linked) {
    if (c === runtime || c.name === 'compiler_builtins') continue
    if (c.requiredPanic !== null && c.requiredPanic !== session.panic) {
      errors.push({ kind: 'required-panic-strategy', crate: c.name, found: c.requiredPanic, desired: session.panic })
    }
  }
  return errors
}

/** What a Rust dylib records about its own linkage, for the crates that link it later. */
export function recordedFormats(result: DependencyFormats): Map<string, Preference> {
  const out = new Map<string, Preference>()
  for (const [key, l] of result.linkage) {
    if (l === 'static') out.set(key, 'static')
    else if (l === 'dynamic') out.set(key, 'dynamic')
  }
  return out
}

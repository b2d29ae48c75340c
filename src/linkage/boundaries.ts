import type { Metadata, Package } from '../model/metadata.js'
import { isProcMacro } from '../model/target-roles.js'
import type { Unit, UnitGraph } from '../model/unit-graph.js'
import type { LinkageResult } from './resolve.js'

/** How a unit takes part in a Rust-ABI dynamic boundary. */
export type BoundaryKind = 'rust-dylib' | 'prefer-dynamic' | 'links-dynamically'

export interface Boundary {
  unit: Unit
  kind: BoundaryKind
}

/**
 * The units that form Rust-ABI dynamic boundaries, where compiler build and flags must match exactly:
 * Rust `dylib`s, units given `-C prefer-dynamic` by rustflags, and artifacts that link a Rust crate
 * dynamically. Proc-macros are left out: cargo always passes them `-C prefer-dynamic`, yet they link `std`
 * statically and are loaded only by the compiler that built them.
 */
export function rustAbiBoundaries(graph: UnitGraph, linkage: LinkageResult): Boundary[] {
  const known = boundariesOf.get(linkage)
  if (known) return known
  const out: Boundary[] = []
  for (const unit of graph.units) {
    if (isProcMacro(unit.target)) continue
    if (unit.crateTypes.includes('dylib')) out.push({ unit, kind: 'rust-dylib' })
    else if (unit.preferDynamic === 'rustflags') out.push({ unit, kind: 'prefer-dynamic' })
    // A unit that needs Rust shared libraries at run time links some Rust crate dynamically.
    else if ((linkage.byUnit.get(unit)?.runtimeLibraries.length ?? 0) > 0) out.push({ unit, kind: 'links-dynamically' })
  }
  boundariesOf.set(linkage, out)
  return out
}

/** Several rules and the report ask for the same boundaries: computed once per analysis. */
const boundariesOf = new WeakMap<LinkageResult, Boundary[]>()

/** Crates that load libraries at run time, and those that also check their layout at load time. */
export const LOADER_CRATES = ['libloading', 'dlopen2', 'dlopen', 'abi_stable', 'stabby'] as const
export const CHECKED_LOADERS = new Set(['abi_stable', 'stabby'])

/** Crates whose cdylibs are extensions of a foreign host (Python, Node, the JVM, the browser), not Rust plugins. */
const FOREIGN_HOST_CRATES = new Set(['pyo3', 'napi', 'neon', 'jni', 'wasm-bindgen', 'uniffi', 'cpython', 'rustler', 'magnus', 'rutie'])

export interface PluginSystem {
  /** Executables of the workspace that load libraries at run time, and the loader crates they use. */
  hosts: { unit: Unit; loaders: string[] }[]
  /** `cdylib` units of the workspace that no other package links and that serve no foreign host: the plugins. */
  plugins: Unit[]
  /**
   * Rust `dylib` units of the workspace that no other package links: only loaded, by the hosts. Unlike a
   * plugin `cdylib` it shares the Rust ABI with the host — the same compiler and ABI-relevant flags or nothing.
   */
  dylibs: Unit[]
}

/**
 * The workspace's plugin system, if any: its executables that load libraries at run time — they depend on a
 * loader crate, or their sources call `dlopen`/`LoadLibrary` — and its `cdylib`s and Rust `dylib`s that no
 * other package links (a package's own test harnesses and doc tests linking its rlib do not count). A `cdylib`
 * next to executables that load nothing is a library for C or another language, not a plugin. Null without a
 * host; a host may have no plugins in the build (it loads system libraries, or plugins built elsewhere).
 */
export function pluginSystem(graph: UnitGraph, metadata: Metadata, loadsLibraries: (pkg: Package) => boolean): PluginSystem | null {
  const members = new Set<string>(metadata.workspaceMembers)
  const hosts = graph.units
    .filter(u => u.mode === 'build' && u.kind === 'target' && u.target.kind === 'bin' && members.has(u.pkg.id))
    .map(unit => ({ unit, loaders: loadersOf(unit.pkg, metadata) }))
    .filter(h => h.loaders.length > 0 || loadsLibraries(h.unit.pkg))
  if (hosts.length === 0) return null
  const linkedByOthers = new Set<string>()
  for (const unit of graph.units) for (const dep of unit.crates) if (dep.unit.pkg.id !== unit.pkg.id) linkedByOthers.add(dep.unit.pkg.id)
  const loadable = graph.units.filter(u => u.mode === 'build' && u.kind === 'target' && members.has(u.pkg.id) && !linkedByOthers.has(u.pkg.id))
  const plugins = loadable.filter(u => u.crateTypes.includes('cdylib') && !servesForeignHost(u.pkg, metadata))
  const dylibs = loadable.filter(u => u.crateTypes.includes('dylib') && !plugins.includes(u))
  return { hosts, plugins, dylibs }
}

/**
 * Whether a package is meant to be built against by other projects, as far as its manifest tells: not
 * `publish = false`, and either `publish` names the registries it goes to, or it has what crates.io requires of
 * every upload — a `description`, and a `license` or `license-file` (cargo's `check_metadata`,
 * src/cargo/ops/cargo_package/mod.rs at 0.96.0, warns when they are missing or empty; crates.io refuses the upload). An
 * application's own engine or plugin crate, used by its own executables, usually has neither.
 */
export function meantForOtherProjects(pkg: Package): boolean {
  if (pkg.publish === false) return false
  if (Array.isArray(pkg.publish)) return true
  const set = (v: string | null): boolean => v !== null && v !== ''
  return set(pkg.description) && (set(pkg.license) || set(pkg.licenseFile))
}

/** The loader crates a package depends on directly (normal dependencies). */
export function loadersOf(pkg: Package, metadata: Metadata): string[] {
  const names = new Set(dependencyNames(pkg, metadata, true))
  return LOADER_CRATES.filter(name => names.has(name))
}

/** A cdylib for Python, Node, the JVM or the browser: an extension of a foreign host, not a Rust plugin. */
function servesForeignHost(pkg: Package, metadata: Metadata): boolean {
  return dependencyNames(pkg, metadata, false).some(name => FOREIGN_HOST_CRATES.has(name))
}

function dependencyNames(pkg: Package, metadata: Metadata, normalOnly: boolean): string[] {
  return pkg.deps.filter(d => !normalOnly || d.kinds.some(k => k.kind === 'normal')).flatMap(d => metadata.packages.get(d.pkg)?.name ?? [])
}

import { cfgHas } from '../model/cfg.js'
import { type CrateType, providesDylib, providesRlib, requiresUpstreamObjects } from '../model/crate-type.js'
import { codegenOptions, flagEnabled, unstableOptions } from '../model/rustc-flags.js'
import type { CompilerBehaviour } from '../model/compiler-behaviour.js'
import { isLikeWindows } from '../model/platform.js'
import type { TargetInfo } from '../model/target-info.js'
import { type CargoLto, dependenciesOf, jobDependenciesOf, type Unit, type UnitGraph, type UnlinkableDep } from '../model/unit-graph.js'
import { calculate, type CrateNode, type DependencyFormatError, type DependencyFormats, type Linkage, type OutputCrateType, type Preference, recordedFormats } from './dependency-format.js'
import { staticPieWithRunPath } from './static-pie.js'

/** Why a unit fails, in the order rustc (or cargo) would stop on it. */
export type UnitProblem =
  | { kind: 'embed-bitcode-lto' }
  | { kind: 'panic-abort-test' }
  | { kind: 'unsupported-crate-types'; dropped: CrateType[]; allDropped: boolean }
  | { kind: 'unlinkable-dependency'; dep: UnlinkableDep }
  | { kind: 'proc-macro-unloadable'; procMacro: Unit; libraries: string[] }
  | { kind: 'dependency-format'; crateType: OutputCrateType; error: DependencyFormatError }
  | { kind: 'lto'; crateType: OutputCrateType | null; gate: 'prefer-dynamic' | 'dylib' | 'proc-macro' | 'mixed' | 'linker-plugin-windows' }

/** How one crate type of a unit links. */
export interface ArtifactLinkage {
  crateType: CrateType
  /** null for crate types that do not link (`lib`, `rlib`). */
  formats: DependencyFormats | null
}

export interface UnitResult {
  unit: Unit
  status: 'ok' | 'error' | 'blocked'
  /** The failed or blocked dependencies that stop this unit. */
  blockedBy: Unit[]
  /** The reasons for an `error` status (empty otherwise). */
  problems: UnitProblem[]
  /** Crate types rustc drops while others remain (a warning, not an error). */
  droppedCrateTypes: CrateType[]
  artifacts: ArtifactLinkage[]
  /** The crates of this unit's crate graph, in rustc's load order. */
  crates: CrateNode[]
  /** Rust shared libraries needed at run time, transitively (file names). */
  runtimeLibraries: string[]
  /** For units producing a Rust dylib: its recorded linkage of upstream crates. */
  dylibFormats: Map<string, Preference> | null
}

export interface LinkageResult {
  results: UnitResult[]
  byUnit: Map<Unit, UnitResult>
  /** Crate keys to display names and owning units, for reports. */
  crateNames: Map<string, { name: string; unit: Unit | null }>
}

const SYSROOT_INTERNALS = ['core', 'alloc', 'compiler_builtins']

/** Computes the linkage of every unit of the graph, dependencies first, as the given compiler decides it. */
export function resolveLinkage(graph: UnitGraph, compiler: CompilerBehaviour): LinkageResult {
  const byUnit = new Map<Unit, UnitResult>()
  const crateNames = new Map<string, { name: string; unit: Unit | null }>()
  for (const name of ['std', ...SYSROOT_INTERNALS, 'panic_unwind', 'panic_abort', 'test', 'proc_macro']) {
    crateNames.set(sysKey(name), { name, unit: null })
  }
  // Cargo refuses a unit whose every crate type the target drops while preparing the build, before it
  // compiles anything: that unit fails, whatever its dependencies, and every other one is never attempted.
  const unbuildable = graph.units.filter(u => u.crateTypes.length === 0)
  const walks = newWalks(graph.units)
  for (const unit of topologicalOrder(graph)) {
    crateNames.set(unitKey(unit), { name: crateName(unit), unit })
    if (unbuildable.length === 0) byUnit.set(unit, resolveUnit(unit, byUnit, compiler, walks))
    else if (unbuildable.includes(unit)) byUnit.set(unit, refusedResult(unit))
    else byUnit.set(unit, { ...emptyResult(unit, []), status: 'blocked', blockedBy: unbuildable })
  }
  const results = graph.units.map(u => byUnit.get(u)!)
  return { results, byUnit, crateNames }
}

export function unitKey(unit: Unit): string {
  return `u${unit.index}`
}

function unitOfKey(key: string, units: readonly Unit[]): Unit | undefined {
  return key.startsWith('u') ? units[Number(key.slice(1))] : undefined
}

function sysKey(name: string): string {
  return `sys:${name}`
}

/** The crate name rustc uses for a unit (`-` becomes `_`). */
export function crateName(unit: Unit): string {
  return unit.target.name.replace(/-/g, '_')
}

/**
 * The units, each after everything it depends on (depth first, without recursion: a dependency chain can
 * be deeper than the call stack). The metadata parser refuses the package cycles a unit cycle needs.
 */
function topologicalOrder(graph: UnitGraph): Unit[] {
  const order: Unit[] = []
  const state = new Map<Unit, 'visiting' | 'done'>()
  const stack: { unit: Unit; deps: readonly Unit[]; next: number }[] = []
  const enter = (unit: Unit): void => {
    const s = state.get(unit)
    if (s === 'done') return
    if (s === 'visiting') throw new Error(`dependency cycle through \`${unit.pkg.name}\` (${unit.target.kind} \`${unit.target.name}\`)`)
    state.set(unit, 'visiting')
    stack.push({ unit, deps: dependenciesOf(unit), next: 0 })
  }
  for (const root of graph.units) {
    enter(root)
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      const dep = frame.deps[frame.next++]
      if (dep !== undefined) {
        enter(dep)
        continue
      }
      stack.pop()
      state.set(frame.unit, 'done')
      order.push(frame.unit)
    }
  }
  return order
}

function resolveUnit(unit: Unit, done: Map<Unit, UnitResult>, compiler: CompilerBehaviour, walks: Walks): UnitResult {
  // A build script that crashes when cargo runs it stops its package as a failed compile would.
  const blockedBy = jobDependenciesOf(unit).filter(d => done.get(d)!.status !== 'ok' || staticPieWithRunPath(d) === 'build-script')
  // rustdoc compiles nothing for a library without doc examples.
  if (unit.docTests?.examples === 'none' && blockedBy.length === 0) return emptyResult(unit, [])
  // Only linking units need their whole crate graph and a panic runtime; an rlib never links.
  const links = unit.crateTypes.some(requiresUpstreamObjects)
  const crates = links && blockedBy.length === 0 ? crateGraph(unit, done, compiler, walks) : []
  const base = emptyResult(unit, crates)
  if (blockedBy.length > 0) {
    return { ...base, status: 'blocked', blockedBy: [...new Set(blockedBy)] }
  }

  // Phases in rustc's order: option parsing, name resolution and crate loading,
  // dependency formats and panic runtimes, then the LTO gate. Only the first failing phase reports.
  const phases: (() => UnitProblem[])[] = [
    () => (windowsLinkerPluginLto(unit) ? [{ kind: 'lto', crateType: null, gate: 'linker-plugin-windows' }] : []),
    () => (ltoRequested(unit) && embedBitcodeOff(unit) ? [{ kind: 'embed-bitcode-lto' }] : []),
    () => (panicAbortTestRefused(unit) ? [{ kind: 'panic-abort-test' }] : []),
    () => [
      ...unit.unlinkable.map(dep => ({ kind: 'unlinkable-dependency' as const, dep })),
      ...(compiler.loadsProcMacrosWithDynamicStd ? [] : unloadableProcMacros(unit, done))
    ]
  ]
  for (const phase of phases) {
    const problems = phase()
    if (problems.length > 0) return { ...base, status: 'error', problems, droppedCrateTypes: unit.droppedCrateTypes }
  }

  const session = {
    preferDynamic: unit.preferDynamic !== null,
    crtStatic: unit.crtStatic,
    crtStaticAllowsDylibs: unit.targetInfo.crtStaticAllowsDylibs ?? false,
    panic: unit.panic,
    staticlibPreferDynamic: flagEnabled(unstableOptions(unit.rustflags, 'staticlib-prefer-dynamic')),
    staticlibAllowRdylibDeps: flagEnabled(unstableOptions(unit.rustflags, 'staticlib-allow-rdylib-deps'))
  }
  const injected = links ? sysKey(unit.panic === 'abort' ? 'panic_abort' : 'panic_unwind') : null
  const artifacts: ArtifactLinkage[] = []
  const problems: UnitProblem[] = []
  let dylibFormats: Map<string, Preference> | null = null
  for (const crateType of unit.crateTypes) {
    if (crateType === 'lib' || crateType === 'rlib') {
      artifacts.push({ crateType, formats: null })
      continue
    }
    const formats = calculate(crateType, session, crates, injected)
    artifacts.push({ crateType, formats })
    for (const error of formats.errors) problems.push({ kind: 'dependency-format', crateType, error })
    if (crateType === 'dylib') dylibFormats = recordedFormats(crates, formats)
  }
  if (problems.length === 0) problems.push(...ltoGate(unit))
  return {
    ...base,
    status: problems.length > 0 ? 'error' : 'ok',
    problems,
    droppedCrateTypes: unit.droppedCrateTypes,
    artifacts,
    runtimeLibraries: runtimeLibraries(unit, crates, artifacts, done, walks.units),
    dylibFormats
  }
}

/**
 * rustc's test harness (`rustc_builtin_macros/src/test_harness.rs`, `inject`) refuses `-C panic=abort` without
 * `-Zpanic-abort-tests`, unless abort is the target's own default (wasm). Cargo builds harnesses with unwind,
 * so only rustflags can ask for it; or, under cargo's own `-Zpanic-abort-tests`, the profile, and cargo then
 * passes rustc the flag itself (`build_base_args`). A `harness = false` target is compiled without `--test`:
 * nothing is injected, and nothing refused.
 */
function panicAbortTestRefused(unit: Unit): boolean {
  if (!unit.harness || unit.panic !== 'abort' || unit.panicSource === 'profile') return false
  if (flagEnabled(unstableOptions(unit.rustflags, 'panic-abort-tests'))) return false
  return !cfgHas(unit.targetInfo.cfg, 'target_family', 'wasm')
}

/** A unit cargo refuses to build: the target supports none of its crate types (cargo's `cannot produce …`). */
function refusedResult(unit: Unit): UnitResult {
  const problem: UnitProblem = { kind: 'unsupported-crate-types', dropped: unit.droppedCrateTypes, allDropped: true }
  return { ...emptyResult(unit, []), status: 'error', problems: [problem], droppedCrateTypes: unit.droppedCrateTypes }
}

function emptyResult(unit: Unit, crates: CrateNode[]): UnitResult {
  return {
    unit,
    status: 'ok',
    blockedBy: [],
    problems: [],
    droppedCrateTypes: [],
    artifacts: [],
    crates,
    runtimeLibraries: [],
    dylibFormats: null
  }
}

/**
 * The node of a library unit is the same in every crate graph it appears in (its dylib formats are
 * final once it is resolved, and graphs are built dependencies first), and so are the standard
 * library nodes of a target: built once, shared. CrateNodes are never mutated.
 */
const stdNodes = new WeakMap<TargetInfo, Map<string, CrateNode[]>>()

/**
 * What the crate graphs of one analysis share, by unit index: each unit's node and the indices of the crates it
 * loads, and a mark per unit that says it is loaded in the walk numbered `walk` (a large workspace walks
 * millions of crates in all, so the walk follows numbers, not objects).
 */
interface Walks {
  units: readonly Unit[]
  nodes: (CrateNode | undefined)[]
  /** The unit indices of each unit's `crates`, in order; built on a unit's first visit. */
  loads: (Int32Array | undefined)[]
  loaded: Uint32Array
  walk: number
  /**
   * One walk's working space, reused by the next: the graph as it grows (copied out at its final length) and
   * the stack of crates still to load, with whether each was reached through another crate.
   */
  graph: CrateNode[]
  stack: number[]
  transitive: boolean[]
}

function newWalks(units: readonly Unit[]): Walks {
  return { units, nodes: new Array(units.length), loads: new Array(units.length), loaded: new Uint32Array(units.length), walk: 0, graph: [], stack: [], transitive: [] }
}

function loadsOf(walks: Walks, unit: Unit): Int32Array {
  let loads = walks.loads[unit.index]
  if (loads === undefined) walks.loads[unit.index] = loads = Int32Array.from(unit.crates, c => c.unit.index)
  return loads
}

/** The crates rustc loads for a unit, standard library first, then upstream crates depth-first. */
function crateGraph(unit: Unit, done: Map<Unit, UnitResult>, compiler: CompilerBehaviour, walks: Walks): CrateNode[] {
  const info = unit.targetInfo
  const shape = `${unit.harness ? 'test' : 'build'}${unit.crateTypes.includes('proc-macro') ? '+proc-macro' : ''}`
  let perTarget = stdNodes.get(info)
  if (!perTarget) stdNodes.set(info, (perTarget = new Map()))
  let std = perTarget.get(shape)
  if (!std) perTarget.set(shape, (std = stdCrates(unit)))
  const walk = ++walks.walk
  const { units, loaded, nodes, graph, stack, transitive } = walks
  let length = 0
  for (const c of std) graph[length++] = c
  // Depth first in dependency order, without recursion: the next crate to load is on top. The unit's own
  // dependencies are loaded through `--extern`; theirs through the library search path.
  // `transitive[i]` says whether `stack[i]` was reached through another crate. A crate already loaded is not
  // pushed again: popping it would load nothing.
  const own = loadsOf(walks, unit)
  for (let i = own.length - 1; i >= 0; i--) {
    stack.push(own[i]!)
    transitive.push(false)
  }
  while (stack.length > 0) {
    const index = stack.pop()!
    const throughAnother = transitive.pop()!
    if (loaded[index] === walk) continue
    loaded[index] = walk
    const dep = units[index]!
    const macrosOnly = dep.target.kind === 'proc-macro'
    let node = nodes[index]
    if (!node) {
      node = {
        key: unitKey(dep),
        name: crateName(dep),
        rlib: providesRlib(dep.crateTypes),
        dylib: providesDylib(dep.crateTypes),
        depKind: macrosOnly ? 'macros-only' : 'explicit',
        isPanicRuntime: false,
        requiredPanic: dep.panic === 'abort' ? 'abort' : null,
        dylibFormats: done.get(dep)?.dylibFormats ?? null
      }
      nodes[index] = node
    }
    graph[length++] = throughAnother && readsCdylibAsDylib(dep, compiler) ? cdylibAsDylibNode(dep, node) : node
    // A proc-macro's own dependencies are never loaded into its user's crate graph.
    if (macrosOnly) continue
    const next = loadsOf(walks, dep)
    for (let i = next.length - 1; i >= 0; i--) {
      if (loaded[next[i]!] === walk) continue
      stack.push(next[i]!)
      transitive.push(true)
    }
  }
  return graph.slice(0, length)
}

/**
 * Before 1.73 rustc's locator (`CrateLocator::extract_one`) read the metadata of one file of a crate found on
 * the library search path and took the other candidate file unread: the `cdylib` cargo writes beside the
 * rlib (`libl2.so`, `l2.dll`) became the crate's "dylib". A crate first loaded that way — as a dependency of
 * another crate, not through the unit's own `--extern` — is then linked dynamically wherever rustc links
 * dylibs (rust-lang/rust#113695 reads every candidate since).
 */
function readsCdylibAsDylib(dep: Unit, compiler: CompilerBehaviour): boolean {
  return compiler.readsCdylibAsDylib && dep.crateTypes.includes('cdylib') && providesRlib(dep.crateTypes) && !providesDylib(dep.crateTypes)
}

const cdylibNodes = new WeakMap<Unit, CrateNode>()

/** The crate as rustc before 1.73 saw it: an rlib and a "dylib" without metadata, so without dylib formats. */
function cdylibAsDylibNode(dep: Unit, node: CrateNode): CrateNode {
  let fake = cdylibNodes.get(dep)
  if (!fake) cdylibNodes.set(dep, (fake = { ...node, dylib: true, dylibFormats: new Map() }))
  return fake
}

/** The standard library crates rustc loads for a unit, in load order. */
function stdCrates(unit: Unit): CrateNode[] {
  const info = unit.targetInfo
  const std: CrateNode[] = []
  const sys = (name: string, extra: Partial<CrateNode> = {}): CrateNode => ({
    key: sysKey(name),
    name,
    rlib: true,
    dylib: false,
    depKind: 'explicit',
    isPanicRuntime: false,
    requiredPanic: null,
    dylibFormats: null,
    ...extra
  })
  const internals = [...SYSROOT_INTERNALS.map(n => sys(n)), sys('panic_unwind', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'unwind' })]
  let stdFormats: Map<string, Preference> | null = null
  if (info.stdDylib !== null) {
    stdFormats = new Map(internals.map(c => [c.key, 'static' as Preference]))
  }
  std.push(sys('std', { dylib: info.stdDylib !== null, dylibFormats: stdFormats }), ...internals)
  std.push(sys('panic_abort', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'abort' }))
  if (unit.harness) std.push(sys('test'))
  if (unit.crateTypes.includes('proc-macro')) std.push(sys('proc_macro'))

  return std
}

/**
 * A proc-macro that links a Rust dylib dynamically builds, but rustc cannot load it for its users (E0463): the
 * proc-macro then links `libstd-<hash>.so` too, which is not on rustc's library path (see
 * `CompilerBehaviour.loadsProcMacrosWithDynamicStd`; cargo's path covers the workspace dylib itself) — unless
 * `rpath` gave the proc-macro a run path.
 */
function unloadableProcMacros(unit: Unit, done: Map<Unit, UnitResult>): UnitProblem[] {
  const problems: UnitProblem[] = []
  for (const dep of unit.crates) {
    if (dep.unit.target.kind !== 'proc-macro' || dep.unit.rpath) continue
    const result = done.get(dep.unit)!
    const std = dep.unit.targetInfo.stdDylib
    const libraries = result.runtimeLibraries.filter(l => l !== std)
    if (libraries.length > 0) problems.push({ kind: 'proc-macro-unloadable', procMacro: dep.unit, libraries })
  }
  return problems
}

function runtimeLibraries(unit: Unit, crates: CrateNode[], artifacts: ArtifactLinkage[], done: Map<Unit, UnitResult>, units: readonly Unit[]): string[] {
  const out = new Set<string>()
  const std = sysKey('std')
  for (const key of dynamicCrates({ crates, artifacts })) {
    if (key === std) {
      if (unit.targetInfo.stdDylib) out.add(unit.targetInfo.stdDylib)
      continue
    }
    const dep = unitOfKey(key, units)
    if (!dep) continue
    out.add(dylibFileName(dep))
    for (const lib of done.get(dep)?.runtimeLibraries ?? []) out.add(lib)
  }
  return [...out].sort()
}

/** The keys of the crates an artifact of the unit links dynamically, in load order. */
export function dynamicCrates({ crates, artifacts }: Pick<UnitResult, 'crates' | 'artifacts'>): string[] {
  const keys: string[] = []
  for (const a of artifacts) {
    // An index loop: every artifact of a large workspace lists hundreds of crates, and few link any dynamically.
    const linkage = a.formats?.linkage ?? []
    for (let cnum = 0; cnum < linkage.length; cnum++) {
      if (linkage[cnum] === 'dynamic' && !keys.includes(crates[cnum]!.key)) keys.push(crates[cnum]!.key)
    }
  }
  return keys
}

/** Whether an artifact of the unit links the crate `key` the way `how` says. */
export function linksAs(result: UnitResult, key: string, how: Linkage): boolean {
  const cnum = result.crates.findIndex(c => c.key === key)
  return cnum >= 0 && result.artifacts.some(a => a.formats?.linkage[cnum] === how)
}

/** The file name of a Rust dylib: no hash for path packages, `-<hash>` (unknown before building) otherwise. */
export function dylibFileName(unit: Unit): string {
  const pattern = unit.targetInfo.fileNames.dylib ?? 'lib___.so'
  const name = crateName(unit) + (unit.pkg.source === null ? '' : '-<hash>')
  return pattern.replace('___', name)
}

/**
 * The codegen options cargo passes for its LTO decision (`lto.rs`, `build_base_args`), as name and value:
 * `-C lto`, `-C lto=<v>`, `-C lto=off`, `-C linker-plugin-lto`, `-C embed-bitcode=no`. Rustflags follow them
 * and win.
 */
function cargoLtoOption(lto: CargoLto): readonly [name: string, value: string] | null {
  switch (lto.kind) {
    case 'run':
      return ['lto', lto.value ?? '']
    case 'off':
      return ['lto', 'off']
    case 'only-bitcode':
      return ['linker-plugin-lto', '']
    case 'only-object':
      return ['embed-bitcode', 'no']
    case 'object-and-bitcode':
      return null
  }
}

const OFF = new Set(['no', 'n', 'off', 'false'])

/** The value rustc uses of a codegen option cargo's LTO decision may set: the last, rustflags after cargo's. */
function ltoCodegenOption(unit: Unit, name: string): string | undefined {
  const values = codegenOptions(unit.rustflags, name)
  if (values.length > 0) return values[values.length - 1]
  const cargo = cargoLtoOption(unit.lto)
  return cargo !== null && cargo[0] === name ? cargo[1] : undefined
}

/** The effective `-C lto` value: `fat`, `thin`, or null when LTO across crates is not requested. */
function effectiveLto(unit: Unit): 'fat' | 'thin' | null {
  const last = ltoCodegenOption(unit, 'lto')
  if (last === undefined || OFF.has(last)) return null
  return last === 'thin' ? 'thin' : 'fat'
}

function ltoRequested(unit: Unit): boolean {
  return effectiveLto(unit) !== null
}

function embedBitcodeOff(unit: Unit): boolean {
  const last = ltoCodegenOption(unit, 'embed-bitcode')
  return last !== undefined && OFF.has(last)
}

/**
 * rustc's `validate_commandline_args_with_session_available` (rustc_session/src/session.rs, the same from 1.63 to
 * 1.95): linker-plugin LTO with `-C prefer-dynamic` on a Windows-like target stops the session, whatever the
 * crate type ("linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting
 * Windows-like targets"). Cargo passes `-C linker-plugin-lto` to the libraries that only feed an LTO'd
 * artifact (`lto.rs`, `Lto::OnlyBitcode`), so `RUSTFLAGS=-C prefer-dynamic` with `lto = true` stops them first.
 */
function windowsLinkerPluginLto(unit: Unit): boolean {
  if (unit.preferDynamic === null || !isLikeWindows(unit.targetInfo)) return false
  const last = ltoCodegenOption(unit, 'linker-plugin-lto')
  return last !== undefined && !OFF.has(last.toLowerCase())
}

/** rustc's `check_lto_allowed`: which crate types and flags cannot take part in fat or thin LTO. */
function ltoGate(unit: Unit): UnitProblem[] {
  if (effectiveLto(unit) === null) return []
  const types = unit.crateTypes
  if (types.every(t => t === 'lib' || t === 'rlib')) return []
  for (const t of types) {
    if (t === 'lib' || t === 'rlib') return [{ kind: 'lto', crateType: 'rlib', gate: 'mixed' }]
    if (t === 'dylib') return [{ kind: 'lto', crateType: 'dylib', gate: 'dylib' }]
    if (t === 'proc-macro') return [{ kind: 'lto', crateType: 'proc-macro', gate: 'proc-macro' }]
  }
  if (unit.preferDynamic !== null) return [{ kind: 'lto', crateType: null, gate: 'prefer-dynamic' }]
  return []
}

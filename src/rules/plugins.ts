import { CHECKED_LOADERS, type PluginSystem, pluginSystem } from '../linkage/boundaries.js'
import { crateName, type LinkageResult, linksAs } from '../linkage/resolve.js'
import type { AllocatorDeclaration, ExportedSymbol } from '../model/facts.js'
import type { Unit } from '../model/unit-graph.js'
import { interfaceProblem } from '../rust-source/c-interface.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'

const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench'])

/** `multiple-rust-runtimes`, `global-allocator-ignored`, `global-allocator-split`, `hot-reload-layout`. */
export function pluginFindings(ctx: RuleContext): Draft[] {
  const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries)
  return [...(system ? runtimeFindings(ctx, system) : []), ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)]
}

/** Why a `cdylib` plugin's exports are not a C interface, and where. */
interface PluginProblem {
  plugin: Unit
  /** The export at fault; absent when the plugin's exports could not be told (none found, a file not read). */
  exported?: ExportedSymbol
  text: string
  file: string | null
  line: number
}

/**
 * `multiple-rust-runtimes`: a host of the workspace loads, at run time, libraries the same build produces.
 * Quiet when they are `cdylib`s whose every unmangled export is a C interface (`rust-source/c-interface.ts`):
 * then the copies of `std` on each side never meet. Otherwise a warning naming the first export that is not —
 * or, for a Rust `dylib` loaded at run time, what loading Rust code into Rust code requires. A note for hosts
 * whose loader checks layouts at load time (abi_stable, stabby), whose interfaces their macros generate.
 */
function runtimeFindings(ctx: RuleContext, system: PluginSystem): Draft[] {
  // A host with nothing of this build to load loads system libraries, or plugins built elsewhere.
  if (system.plugins.length === 0 && system.dylibs.length === 0) return []
  const problem = system.plugins.length > 0 ? firstPluginProblem(ctx, system.plugins) : null
  const out: Draft[] = []
  for (const { unit, loaders } of system.hosts) {
    const checked = loaders.filter(l => CHECKED_LOADERS.has(l))
    if (checked.length === 0 && problem === null && system.dylibs.length === 0) continue
    const how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : 'calls the system loader (`dlopen`/`LoadLibrary`)'
    const parts: string[] = []
    if (system.dylibs.length > 0) parts.push(dylibHazards(ctx, unit, system.dylibs))
    if (system.plugins.length > 0 && (checked.length > 0 || problem !== null)) parts.push(cdylibHazards(system.plugins, checked, problem, ctx))
    const location =
      problem !== null && checked.length === 0 && problem.file !== null
        ? ctx.locator.file(problem.file, problem.line)
        : problem !== null && checked.length === 0
          ? ctx.locator.crateType(problem.plugin)
          : loaders.length > 0
            ? ctx.locator.dependencyNamed(unit.pkg, loaders[0]!)
            : ctx.locator.crateType(system.dylibs[0] ?? system.plugins[0]!)
    out.push({
      ...base(unit, 'multiple-rust-runtimes', 'bin'),
      ...(checked.length > 0 ? { severity: 'note' as const } : {}),
      crates: [...system.plugins, ...system.dylibs].map(crateName),
      message: `${describeUnit(unit)} ${how}, and this build produces what it loads. ${parts.join(' ')}`,
      fixes: fixesFor(system, checked, problem),
      ...location
    })
  }
  return out
}

function cdylibHazards(plugins: Unit[], checked: string[], problem: PluginProblem | null, ctx: RuleContext): string {
  const copies =
    `Each \`cdylib\` plugin (${listCrates(plugins.map(crateName))}) carries its own copy of \`std\` and of every dependency — its own allocator, statics and thread-locals ` +
    '(a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s.'
  if (checked.length > 0) return `${copies} ${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`
  const where = problem!.file === null ? '' : ` (${ctx.locator.file(problem!.file, problem!.line).file}:${problem!.line})`
  const what = problem!.exported ? `\`${crateName(problem!.plugin)}\` exports \`${problem!.exported.symbol}\`${where}, which ${problem!.text}` : `\`${crateName(problem!.plugin)}\` ${problem!.text}`
  return `${copies} So only \`#[repr(C)]\` data and \`extern "C"\` functions may cross the boundary, but ${what}.`
}

/** A Rust `dylib` loaded at run time shares the Rust ABI with its host, not merely the C one. */
function dylibHazards(ctx: RuleContext, host: Unit, dylibs: Unit[]): string {
  const names = listCrates(dylibs.map(crateName))
  const shared = stdIsDynamic(host, ctx.linkage) && dylibs.every(d => stdIsDynamic(d, ctx.linkage))
  const std = shared
    ? 'Both link `libstd` dynamically, so they share it;'
    : `Each side links \`std\` statically, so ${dylibs.length === 1 ? 'it has' : 'they have'} a copy of its own (allocator, panic runtime, thread-locals);`
  return (
    `The Rust dylib${dylibs.length === 1 ? '' : 's'} ${names} ${dylibs.length === 1 ? 'is' : 'are'} loaded, not linked, so rustc checks nothing between ${dylibs.length === 1 ? 'it' : 'them'} and the host: ` +
    'whatever crosses has the Rust ABI and must come from the same compiler build with the same ABI-relevant flags (`-C target-cpu`, `-C target-feature`, layout randomization) as the host. ' +
    `${std} every crate the dylib contains statically is a second copy of that crate — its statics (a \`log\` logger, a \`tracing\` dispatcher) are not the host's — and a Rust dylib cannot be unloaded safely (thread-local destructors, \`'static\` data handed out).`
  )
}

function fixesFor(system: PluginSystem, checked: string[], problem: PluginProblem | null): string[] {
  const fixes: string[] = []
  if (system.dylibs.length > 0) {
    fixes.push('Pin the exact compiler in `rust-toolchain.toml` and build the host and the dylibs in one `cargo` invocation with the same flags; never `dlclose` a Rust dylib.')
    fixes.push('Or make the loaded libraries `cdylib`s with an `extern "C"` interface of `#[repr(C)]` types.')
  }
  if (system.plugins.length > 0 && (checked.length > 0 || problem !== null)) {
    fixes.push(
      'Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.',
      'Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.',
      checked.length > 0 ? 'Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library.' : 'Or use abi_stable or stabby, which check the layout of every type at load time.'
    )
  }
  return fixes
}

/**
 * The first plugin, in build order, whose exports are not all a C interface: an export that is not, no export
 * found at all (generated by a macro, or in a file that was not read), or module files that could not be read.
 */
function firstPluginProblem(ctx: RuleContext, plugins: Unit[]): PluginProblem | null {
  const exportsOf = ctx.facts.exportedSymbols
  for (const plugin of plugins) {
    const exported = exportsOf === undefined ? [] : exportsOf(plugin.target).filter(e => e.library)
    if (exported.length === 0) {
      return { plugin, text: 'has no `#[no_mangle]` or `#[export_name]` export in its sources that could be read, so its interface is unknown (exports a macro generates are not seen)', file: null, line: 0 }
    }
    for (const e of exported) {
      const found = interfaceProblem(e)
      if (found !== null) return { plugin, exported: e, text: found.reason, file: e.file, line: found.line }
    }
    if (exported.some(e => e.sourcesComplete === false)) {
      return { plugin, text: 'has module files that could not be read, so other exports may be unseen', file: null, line: 0 }
    }
  }
  return null
}

function allocatorFindings(ctx: RuleContext, system: PluginSystem | null): Draft[] {
  const out: Draft[] = []
  const sides = new Set<Unit>([...(system?.hosts.map(h => h.unit) ?? []), ...(system?.plugins ?? [])])
  for (const result of ctx.linkage.results) {
    const unit = result.unit
    if (unit.kind !== 'target' || result.status === 'blocked') continue
    const executable = unit.mode !== 'build' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'))
    const ignored = executable && stdIsDynamic(unit, ctx.linkage)
    // Sources are read only for the units where an allocator would matter.
    if (!ignored && !sides.has(unit)) continue
    const allocators = allocatorsIn(unit, ctx)
    if (ignored) {
      // `System` is what the default allocator uses anyway: ignoring it changes nothing.
      for (const a of allocators.filter(a => !usesSystemAllocator(a))) {
        out.push({
          ...base(unit, 'global-allocator-ignored', 'bin'),
          crates: [crateName(unit)],
          message: `${describeUnit(unit)} links \`std\` dynamically, so rustc generates no allocator shim in it and uses the one inside \`libstd\`: the \`#[global_allocator]\` \`${a.item}\` is silently never called (rust-lang/rust#100781).`,
          fixes: [
            'Link `std` statically in builds that need the allocator: no `-C prefer-dynamic`, and no Rust `dylib` dependencies.',
            'Or replace the allocator process-wide instead (e.g. `LD_PRELOAD` or a `malloc` interposer), which also reaches dynamically linked Rust code.'
          ],
          ...ctx.locator.file(a.file, a.line)
        })
      }
    }
    if (sides.has(unit)) {
      for (const a of allocators.filter(a => !usesSystemAllocator(a))) {
        const plugin = system!.plugins.includes(unit)
        out.push({
          ...base(unit, 'global-allocator-split', plugin ? 'cdylib' : 'bin'),
          crates: [crateName(unit)],
          message: `${describeUnit(unit)} declares \`${a.item}\` as its global allocator, while ${plugin ? 'the host and the other plugins use their own' : 'its `cdylib` plugins use their own (the system allocator unless they declare one)'}: memory allocated on one side of the boundary and freed on the other goes to a different heap — heap corruption, not an error.`,
          fixes: [
            'Free memory on the side that allocated it: export `destroy`/`free` functions from each plugin and never `Box::from_raw` a pointer from the other side.',
            'Or make every side use the same underlying heap: the system allocator everywhere, or replace `malloc` process-wide instead of declaring `#[global_allocator]`.'
          ],
          ...ctx.locator.file(a.file, a.line)
        })
      }
    }
  }
  return out
}

/**
 * The allocators declared in the unit's own package or in the local crates it depends on directly, where a
 * `#[global_allocator]` lives in practice; deeper crates are not read, to keep large workspaces fast.
 */
function allocatorsIn(unit: Unit, ctx: RuleContext): AllocatorDeclaration[] {
  const packages = new Set([unit.pkg, ...unit.crates.map(d => d.unit.pkg)].filter(p => p.source === null))
  return [...packages].flatMap(pkg => ctx.facts.globalAllocators(pkg))
}

/** `std::alloc::System` is the process's `malloc`: one heap, shared by every side. */
function usesSystemAllocator(a: AllocatorDeclaration): boolean {
  return /:\s*(?:(?:std|alloc)::alloc::)?System\s*=/.test(a.item)
}

function stdIsDynamic(unit: Unit, linkage: LinkageResult): boolean {
  const result = linkage.byUnit.get(unit)
  return result !== undefined && linksAs(result, 'sys:std', 'dynamic')
}

function hotReloadFindings(ctx: RuleContext): Draft[] {
  const out: Draft[] = []
  const executables = ctx.graph.units.filter(u => u.kind === 'target' && u.mode === 'build' && EXECUTABLE_KINDS.has(u.target.kind))
  const members = new Set(ctx.metadata.workspaceMembers)
  for (const unit of ctx.graph.units) {
    if (unit.kind !== 'target' || unit.mode !== 'build' || unit.target.kind !== 'lib') continue
    // A registry crate's crate types are its authors' choice, not a hot-reload setup of this workspace.
    if (!members.has(unit.pkg.id)) continue
    const types = unit.crateTypes
    if (!types.includes('dylib') || !(types.includes('rlib') || types.includes('lib'))) continue
    const users = executables.filter(e => e.crates.some(d => d.unit === unit))
    if (users.length === 0) continue
    const name = crateName(unit)
    out.push({
      ...base(unit, 'hot-reload-layout', 'dylib'),
      crates: [name],
      message:
        `\`${name}\` is built both as an rlib, which ${listCrates(users.map(u => u.target.name))} link${users.length === 1 ? 's' : ''} statically, and as a dylib: the hot-reload shape. ` +
        `A reloaded \`lib${name}\` is a second copy of the crate and of \`std\`: its statics (a \`tracing\` callsite registry, a \`log\` logger, thread-locals) are not the executable's, its \`TypeId\`s differ, and types whose layout changed since the executable was built are read with the old layout.`,
      fixes: [
        'Keep the reloadable code behind a small `#[repr(C)]` / `extern "C"` interface, and keep all state in the executable.',
        'Rebuild and restart the executable whenever types shared with the dylib change; reload only function bodies.',
        'Initialise logging and tracing in the executable and pass what the dylib needs through the interface (the dylib’s own `tracing` statics are separate).'
      ],
      ...ctx.locator.crateType(unit)
    })
  }
  return out
}

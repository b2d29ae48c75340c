import { CHECKED_LOADERS, type PluginSystem, pluginSystem } from '../linkage/boundaries.js'
import { crateName, type LinkageResult } from '../linkage/resolve.js'
import type { AllocatorDeclaration } from '../model/facts.js'
import type { Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'

const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench'])

/** `multiple-rust-runtimes`, `global-allocator-ignored`, `global-allocator-split`, `hot-reload-layout`. */
export function pluginFindings(ctx: RuleContext): Draft[] {
  const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries)
  return [...(system ? runtimeFindings(ctx, system) : []), ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)]
}

function runtimeFindings(ctx: RuleContext, system: PluginSystem): Draft[] {
  const plugins = system.plugins.map(p => crateName(p))
  return system.hosts.map(({ unit, loaders }) => {
    const checked = loaders.filter(l => CHECKED_LOADERS.has(l))
    const loaded = plugins.length > 0 ? `the \`cdylib\` plugins ${listCrates(plugins)}` : 'its plugins'
    const how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : `is built next to ${loaded}, which no Rust crate links`
    const message =
      `${describeUnit(unit)} ${how}: each \`cdylib\` carries its own copy of \`std\` and of every dependency — its own allocator, statics and thread-locals ` +
      '(a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s. ' +
      (checked.length > 0
        ? `${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`
        : 'Only `#[repr(C)]` data and `extern "C"` functions may cross the boundary: no `String`, `Vec`, `Box`, trait objects or references to Rust types, no freeing on one side what the other allocated, no panic unwinding across.')
    const location = loaders.length > 0 ? ctx.locator.dependencyNamed(unit.pkg, loaders[0]!) : ctx.locator.crateType(system.plugins[0]!)
    return {
      ...base(unit, 'multiple-rust-runtimes', 'bin'),
      ...(checked.length > 0 ? { severity: 'note' as const } : {}),
      crates: plugins,
      message,
      fixes: [
        'Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.',
        'Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.',
        checked.length > 0
          ? 'Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library.'
          : 'Or use abi_stable or stabby, which check the layout of every type at load time.'
      ],
      ...location
    }
  })
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
  return linkage.byUnit.get(unit)?.artifacts.some(a => a.formats?.linkage.get('sys:std') === 'dynamic') ?? false
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

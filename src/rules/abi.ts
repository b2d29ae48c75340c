import { pluginSystem, rustAbiBoundaries } from '../linkage/boundaries.js'
import { crateName } from '../linkage/resolve.js'
import { abiFlags } from '../model/rustc-flags.js'
import type { Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'

/** `panic-strategy-mixed`, `abi-flags-divergent`, `lto-dynamic-unsound`. */
export function abiFindings(ctx: RuleContext): Draft[] {
  const boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map(b => b.unit)
  const plugins = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries)
  const pluginUnits = plugins ? [...plugins.hosts.map(h => h.unit), ...plugins.plugins] : []
  return [...panicFindings(ctx, boundaryUnits, pluginUnits), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)]
}

function panicFindings(ctx: RuleContext, boundary: Unit[], pluginUnits: Unit[]): Draft[] {
  // rustc's own panic-strategy errors already explain artifacts that cannot link.
  const rustcReports = ctx.linkage.results.some(r => r.problems.some(p => p.kind === 'dependency-format' && /panic/.test(p.error.kind)))
  if (rustcReports) return []
  const involved = [...new Set([...boundary, ...pluginUnits])].filter(u => u.kind === 'target')
  const abort = involved.find(u => u.panic === 'abort')
  if (!abort) return []
  const unwind = involved.filter(u => u.panic === 'unwind')
  const dylibs = boundary.filter(u => u.crateTypes.includes('dylib')).map(crateName)
  const sides =
    unwind.length > 0
      ? `while ${listCrates(unwind.map(u => u.target.name))} ${unwind.length === 1 ? 'is' : 'are'} built with \`panic = "unwind"\``
      : pluginUnits.length > 0
        ? 'for a host and plugins that share no panic runtime'
        : `next to \`libstd\` and Rust dylibs (${listCrates(dylibs)}), which are always compiled with \`panic = "unwind"\``
  return [
    {
      ...base(abort, 'panic-strategy-mixed'),
      crates: [crateName(abort)],
      message: `${describeUnit(abort)} is built with \`panic = "abort"\` ${sides}: an unwinding panic that reaches an \`extern "C"\` function aborts the process, a panic from another copy of \`std\` is a foreign exception, and an artifact that links \`libstd\` dynamically cannot use \`panic = "abort"\` at all.`,
      fixes: [
        'Use one panic strategy for everything that shares a dynamic boundary: `panic = "unwind"` wherever Rust dylibs or `-C prefer-dynamic` are involved.',
        'Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary.'
      ],
      ...ctx.locator.setting(abort.panicSource === 'rustflags' ? 'rustflags' : 'panic', abort)
    }
  ]
}

const LAYOUT_FLAGS = /^-Z(?:randomize-layout|layout-seed=)/

function flagFindings(ctx: RuleContext, boundary: Unit[]): Draft[] {
  const out: Draft[] = []
  const layout = boundary.find(u => abiFlags(u.rustflags).some(f => LAYOUT_FLAGS.test(f)))
  if (layout) {
    const flags = abiFlags(layout.rustflags).filter(f => LAYOUT_FLAGS.test(f))
    out.push({
      ...base(layout, 'abi-flags-divergent'),
      crates: [crateName(layout)],
      message: `${describeUnit(layout)} takes part in a Rust dynamic boundary and is built with ${listCrates(flags)}: type layouts then depend on the build, and rustc does not check that a dylib and its users agree on them. Anything built separately (a dylib rebuilt alone, a plugin, the host) reads the other side's types with the wrong layout.`,
      fixes: ['Build everything that shares the boundary in one `cargo` invocation with the same flags, or drop layout randomization from builds with Rust dylibs.'],
      ...ctx.locator.setting('rustflags', layout)
    })
  }
  // The same dylib compiled twice in one build, with different unchecked ABI flags (typically for the host,
  // for build scripts and proc-macros, and for `--target` with target-specific rustflags).
  const byPackage = new Map<string, Unit[]>()
  for (const u of boundary.filter(u => u.crateTypes.includes('dylib') && u.mode === 'build')) byPackage.set(u.pkg.id, [...(byPackage.get(u.pkg.id) ?? []), u])
  for (const units of byPackage.values()) {
    const signatures = new Map(units.map(u => [u, abiFlags(u.rustflags).join(' ')]))
    if (new Set(signatures.values()).size < 2) continue
    const target = units.find(u => u.kind === 'target') ?? units[0]!
    const others = units.filter(u => signatures.get(u) !== signatures.get(target))
    const show = (u: Unit): string => `${u.kind === 'host' ? 'for the host' : `for \`${u.targetInfo.triple}\``} with ${signatures.get(u) === '' ? 'no such flags' : listCrates(signatures.get(u)!.split(' '))}`
    out.push({
      ...base(target, 'abi-flags-divergent', 'dylib'),
      crates: [crateName(target)],
      message: `dylib \`${crateName(target)}\` is built twice with different ABI-relevant flags — ${[target, ...others].map(show).join(' and ')} — and both copies are written to the same file; whichever is linked or loaded last, code built against one may run against the other, and rustc does not compare these flags across crates.`,
      fixes: [
        'Apply the flag to every unit: put it in `build.rustflags` (which cargo also applies to host units when no `--target` is given), or build without `--target`.',
        'Or keep the dylib out of build scripts and proc-macros, so it is built only once.'
      ],
      ...ctx.locator.setting('rustflags', target)
    })
  }
  return out
}

function ltoFindings(ctx: RuleContext, boundary: Unit[]): Draft[] {
  const windows = boundary.filter(u => u.kind === 'target' && /windows/.test(u.targetInfo.triple))
  const profile = ctx.invocation.command === 'test' ? ctx.build.testProfile : ctx.build.profile
  const inProfile = profile.lto === 'thin' || profile.lto === 'fat' || profile.lto === 'true'
  const inFlags = (u: Unit): boolean => u.lto.kind === 'run' && !inProfile
  const lto = windows.find(u => inProfile || inFlags(u))
  if (!lto) return []
  const setting = inFlags(lto) ? 'rustflags' : 'lto'
  return [
    {
      ...base(lto, 'lto-dynamic-unsound'),
      crates: [crateName(lto)],
      message: `${describeUnit(lto)} is built for \`${lto.targetInfo.triple}\` with LTO (${setting === 'lto' ? `\`lto = ${JSON.stringify(profile.lto)}\`` : '`-C lto` in rustflags'}) and links Rust crates dynamically: on Windows this combination is known to drop or mismatch symbols that another DLL imports, which shows up as link errors or crashes at run time (bevy#17130, rust-lang/rust#127979).`,
      fixes: [
        'Set `lto = false` in the profile used with Rust dylibs or `-C prefer-dynamic` on Windows (for example a `dev`/`dynamic` profile), and keep LTO for statically linked release builds.'
      ],
      ...ctx.locator.setting(setting, lto)
    }
  ]
}

import { pluginSystem, rustAbiBoundaries } from '../linkage/boundaries.js'
import { crateName, dynamicCrates, unitKey } from '../linkage/resolve.js'
import { commandProfile } from '../model/build-context.js'
import { abiFlags } from '../model/rustc-flags.js'
import type { Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft, type RuleContext } from './context.js'

/** `panic-strategy-mixed`, `abi-flags-divergent`, `lto-dynamic-unsound`. */
export function abiFindings(ctx: RuleContext): Draft[] {
  const boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map(b => b.unit)
  return [...panicFindings(ctx), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)]
}

/** Two units that meet across a dynamic boundary: a host and what it loads, or a Rust dylib and a unit linking it. */
interface Sides {
  abort: Unit
  unwind: Unit
  how: 'loads' | 'loaded-by' | 'links' | 'linked-by'
}

/**
 * `panic-strategy-mixed`: an `abort` unit and an `unwind` unit on the two sides of one dynamic boundary: a host
 * and the `cdylib`s and `dylib`s of the build it loads, which rustc never compares, or a Rust `dylib` and a
 * unit that links it, where rustc usually refuses the mix itself (then `panic-strategy` is reported instead).
 * All `abort` or all `unwind` is sound. Within one cargo invocation every unit for the target gets the
 * profile's strategy — cargo refuses `panic` in `[profile.*.package.*]` ("`panic` may not be specified in a
 * `package` profile", src/cargo/util/toml/mod.rs at 0.96.0) — but for the units cargo forces to `unwind`
 * (`PanicSetting::AlwaysUnwind`, src/cargo/core/profiles.rs): build scripts, proc-macros and what they link,
 * and whatever a test harness links (`UnitFor::new_test`). The sides differ, for example, under `cargo test`
 * with `panic = "abort"`: the binaries integration tests run are built with the profile's `abort`
 * (`UnitFor::new_normal`, src/cargo/core/compiler/unit_dependencies.rs), while a plugin with an rlib, built
 * for its own tests, is `unwind`.
 */
function panicFindings(ctx: RuleContext): Draft[] {
  // rustc's own panic-strategy errors already explain artifacts that cannot link.
  const rustcReports = ctx.linkage.results.some(r => r.problems.some(p => p.kind === 'dependency-format' && /panic/.test(p.error.kind)))
  if (rustcReports) return []
  const sides = mixedSides(ctx)
  const first = sides[0]
  if (first === undefined) return []
  const abort = first.abort
  const others = sides.filter(s => s.abort === abort).map(s => s.unwind)
  const unwindNames = [...new Set(others.map(u => describeUnit(u)))].join(', ')
  const relation = { loads: 'loads', 'loaded-by': 'is loaded by', links: 'links', 'linked-by': 'is linked by' }[first.how]
  const forced = others.some(u => u.panicSource === 'forced-unwind')
    ? ' (cargo builds it with `unwind` whatever the profile says, as it does everything a test harness, a build script or a proc-macro links)'
    : ''
  return [
    {
      ...base(abort, 'panic-strategy-mixed'),
      crates: [crateName(abort), ...others.map(crateName).filter((n, i, all) => all.indexOf(n) === i)],
      message:
        `${describeUnit(abort)} is built with \`panic = "abort"\` and ${relation} ${unwindNames}, built with \`panic = "unwind"\`${forced}: ` +
        (first.how === 'loads' || first.how === 'loaded-by' ? 'rustc does not compare strategies across a library loaded at run time, so ' : '') +
        'a panic unwinding out of the `unwind` side into code built with `abort` is undefined behaviour, and `catch_unwind` on the `unwind` side never sees a panic of the `abort` side.',
      fixes: [
        'Build everything that shares a dynamic boundary with one panic strategy, in one `cargo` invocation and profile: the host and what it loads both `abort` or both `unwind`.',
        'Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary.'
      ],
      ...ctx.locator.setting(abort.panicSource === 'rustflags' ? 'rustflags' : 'panic', abort)
    }
  ]
}

/** The pairs of units across one boundary whose panic strategies differ, hosts and plugins first. */
function mixedSides(ctx: RuleContext): Sides[] {
  const out: Sides[] = []
  const pair = (a: Unit, b: Unit, how: Sides['how'], reverse: Sides['how']): void => {
    if (a.panic === 'abort' && b.panic === 'unwind') out.push({ abort: a, unwind: b, how })
    else if (a.panic === 'unwind' && b.panic === 'abort') out.push({ abort: b, unwind: a, how: reverse })
  }
  const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries)
  for (const { unit: host } of system?.hosts ?? []) for (const loaded of [...(system?.plugins ?? []), ...(system?.dylibs ?? [])]) pair(host, loaded, 'loads', 'loaded-by')
  for (const unit of ctx.graph.units) {
    const result = ctx.linkage.byUnit.get(unit)
    const dynamic = result === undefined ? [] : dynamicCrates(result)
    if (dynamic.length === 0) continue
    for (const dep of unit.crates) {
      if (dynamic.includes(unitKey(dep.unit))) pair(unit, dep.unit, 'links', 'linked-by')
    }
  }
  return out
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
  const profile = commandProfile(ctx.build, ctx.invocation.command)
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

/**
 * `output-filename-collision`: two units of one build that write the same file, replayed from cargo 0.96.0
 * (the cargo of Rust 1.95):
 *
 *  - which units cargo really has: without `--target`, `rebuild_unit_graph_shared` / `traverse_and_share`
 *    (src/cargo/ops/cargo_compile/mod.rs) turn every unit for the host triple into `CompileKind::Host`, so the
 *    host copy of a target (for build scripts and proc-macros) and its target copy are one unit when their
 *    profiles (`Profiles::get_profile`, src/cargo/core/profiles.rs: host units get `opt-level = 0`, no
 *    `codegen-units`, the `build-override` table and always `panic = "unwind"`), features and dependency
 *    units (`dep_hash`) are equal, and two units otherwise;
 *  - which files each unit writes: `CompilationFiles::calc_outputs_rustc`, `uplift_to` and
 *    `use_extra_filename` (src/cargo/core/compiler/build_runner/compilation_files.rs), `FileType` and
 *    `TargetInfo::file_types` / `calc_rustc_outputs` (src/cargo/core/compiler/build_context/target_info.rs);
 *  - which files collide: `BuildRunner::check_collisions` (src/cargo/core/compiler/build_runner/mod.rs) warns
 *    "output filename collision at <path>" for every path that two units of the graph write: the file rustc
 *    writes in `deps/` (or `examples/`) and the copy cargo uplifts into `target/<profile>/`.
 *
 * Cargo only warns, and what ends up in the file depends on which unit finishes last, so no unit's verdict
 * changes. Not replayed: doc and check units (not modelled), `--artifact-dir`, `-Zbuild-dir-new-layout`,
 * artifact dependencies and `[[bin]] filename`; host and target copies are taken to have the same features.
 * The profile's `opt-level`, `codegen-units` and `build-override` are not known here: a profile named
 * `release` or `bench` separates host and target copies (opt-level 3 against the host's 0), `dev` and `test`
 * do not, and for a custom profile only a `panic` difference does.
 */
import type { RelatedLocation } from '../findings/finding.js'
import { crateName } from '../linkage/resolve.js'
import { commandProfile } from '../model/build-context.js'
import { type CrateType, isDynamic, requiresUpstreamObjects } from '../model/crate-type.js'
import { type OutputLayout, profileDirName, unitProfileDir } from '../model/output-layout.js'
import type { PanicStrategy, ProfileSettings } from '../model/profile.js'
import { isForHost, isProcMacro } from '../model/target-roles.js'
import { type CrateDep, dependenciesOf, type Unit, type UnitGraph } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import { base, describeUnit, type Draft, invocationLayout, type RuleContext } from './context.js'

export interface CollisionOptions {
  /**
   * `__CARGO_DEFAULT_LIB_METADATA` is set: cargo then puts its metadata hash into the file names of path
   * dylibs, cdylibs and executables too (`use_extra_filename`), and only uplifted copies can collide.
   */
  defaultLibMetadata?: boolean
}

/** One file cargo writes for a unit. */
export interface OutputFile {
  /** Relative to the target directory: `release/deps/libdy.so`. */
  path: string
  crateType: CrateType
  /** Written by rustc in `deps/` (or `examples/`), where dependents link it; false for an uplifted copy. */
  linked: boolean
  /** A debug-info companion (`.dwp`, `.pdb`, `.dSYM`). */
  debugInfo: boolean
  /** The name carries the unit's `-<hash>`: only another crate type of the same unit can write it too. */
  hashed: boolean
}

/** Units of one build that write the same files. */
export interface OutputCollision {
  /** One engine unit per cargo unit involved, the target copy first. */
  units: Unit[]
  /** Every path two of them write, relative to the target directory, sorted. */
  paths: string[]
  /** The colliding files, per writer. */
  files: OutputFile[]
}

/** The findings: one per group of units that write the same files. */
export function collisionFindings(ctx: RuleContext, options: CollisionOptions = {}): Draft[] {
  const collisions = outputCollisions(ctx, options)
  if (collisions.length === 0) return []
  const layout = invocationLayout(ctx)
  return collisions.map(c => collisionFinding(ctx, c, layout))
}

/** The groups of units that write the same files, as `check_collisions` finds them. */
export function outputCollisions(ctx: Pick<RuleContext, 'graph' | 'build' | 'invocation'>, options: CollisionOptions = {}): OutputCollision[] {
  const profile = commandProfile(ctx.build, ctx.invocation.command)
  const explicitTarget = ctx.invocation.target !== null
  const { units, root } = cargoUnits(ctx.graph, profile, !explicitTarget)
  const profileDir = profileDirName(profile.name)
  const writers = new Map<string, { unit: Unit; file: OutputFile }[]>()
  for (const unit of units) {
    for (const file of outputsOf(unit, root.has(unit), profileDir, explicitTarget, options.defaultLibMetadata === true)) {
      const key = file.hashed ? `${unit.index}\0${file.path}` : file.path
      const list = writers.get(key)
      if (list) list.push({ unit, file })
      else writers.set(key, [{ unit, file }])
    }
  }
  // A unit's own crate types count too: `check_collisions` warns for every second write of a path, and an
  // `[[example]]` may be both a `dylib` and a `cdylib` (a `[lib]` may not: cargo refuses that manifest).
  const shared = [...writers.values()].filter(w => w.length > 1)
  // Units that share any path form one group.
  const parent = new Map<Unit, Unit>()
  const find = (u: Unit): Unit => {
    let r = u
    while (parent.has(r)) r = parent.get(r)!
    return r
  }
  for (const w of shared) {
    for (const { unit } of w.slice(1)) {
      const a = find(unit)
      const b = find(w[0]!.unit)
      if (a !== b) parent.set(a, b)
    }
  }
  const groups = new Map<Unit, OutputCollision>()
  for (const w of shared) {
    const key = find(w[0]!.unit)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { units: [], paths: [], files: [] }))
    for (const { unit, file } of w) {
      if (!group.units.includes(unit)) group.units.push(unit)
      group.files.push(file)
    }
    group.paths.push(w[0]!.file.path)
  }
  return [...groups.values()]
    .map(g => ({ ...g, units: g.units.sort(compareCopies), paths: g.paths.sort() }))
    .sort((a, b) => compareCopies(a.units[0]!, b.units[0]!))
}

/**
 * Whether the host copy of a unit gets another profile than its target copy: `get_profile` gives host units
 * `opt-level = 0` and no `codegen-units`, which the built-in `release` (opt-level 3) does not have and `dev`
 * does. The `build-override` and `opt-level` keys themselves are not read (see the top of this file).
 */
function hostProfileDiffers(profile: ProfileSettings): boolean {
  return profile.name === 'release' || profile.name === 'bench'
}

/** The panic strategy of the unit's profile (`PanicSetting::AlwaysUnwind` for host and test units), before rustflags. */
function profilePanic(u: Unit, profile: ProfileSettings): PanicStrategy {
  if (u.panicSource === 'forced-unwind') return 'unwind'
  if (u.panicSource !== 'rustflags') return profile.panic
  const forced = u.kind === 'host' || u.mode === 'test' || isForHost(u.target)
  return forced ? 'unwind' : profile.panic
}

/**
 * One engine unit per unit cargo builds. The engine keeps a target's host and target copies apart (and a
 * test harness's `unwind` copy of a library apart from a bin's); cargo merges them into one unit when their
 * layout, profile and dependency units are the same (`traverse_and_share`). Build scripts are left out: each
 * is built in a `build/<pkg>-<hash>/` directory of its own.
 */
function cargoUnits(graph: UnitGraph, profile: ProfileSettings, sharedLayout: boolean): { units: Unit[]; root: Set<Unit> } {
  const hostDiffers = hostProfileDiffers(profile)
  const memo = new Map<string, boolean>()
  const sameTarget = (a: Unit, b: Unit): boolean => a.pkg === b.pkg && a.target === b.target && a.mode === b.mode
  const same = (a: Unit, b: Unit): boolean => {
    if (a === b) return true
    if (!sameTarget(a, b)) return false
    if (a.kind !== b.kind && (!sharedLayout || hostDiffers)) return false
    if (profilePanic(a, profile) !== profilePanic(b, profile)) return false
    const key = a.index < b.index ? `${a.index},${b.index}` : `${b.index},${a.index}`
    const known = memo.get(key)
    if (known !== undefined) return known
    // `dep_hash`: a unit whose dependencies are other units is another unit.
    const da = dependenciesOf(a)
    const db = dependenciesOf(b)
    const result = da.length === db.length && da.every(x => db.some(y => same(x, y)))
    memo.set(key, result)
    return result
  }
  const byTarget = new Map<string, Unit[]>()
  const units: Unit[] = []
  const root = new Set<Unit>()
  for (const unit of graph.units) {
    if (unit.target.kind === 'custom-build' || unit.crateTypes.length === 0) continue
    const key = `${unit.pkg.id}\0${unit.target.kind}\0${unit.target.name}\0${unit.mode}`
    const seen = byTarget.get(key)
    const merged = seen?.find(s => same(s, unit))
    const representative = merged ?? unit
    if (!merged) {
      if (seen) seen.push(unit)
      else byTarget.set(key, [unit])
      units.push(unit)
    }
    if (unit.root) root.add(representative)
  }
  return { units, root }
}

/** `FileType`: how rustc names one output of a crate type (`<prefix><name><suffix>`). */
interface FileType {
  prefix: string
  suffix: string
  crateType: CrateType
  rmeta: boolean
  debugInfo: boolean
  /** `should_replace_hyphens`: the uplifted copy uses the crate name (`_`), not the target name. */
  replaceHyphens: boolean
}

/** `TargetInfo::file_types` for one crate type, from the target's `--print=file-names` pattern. */
function fileTypes(crateType: CrateType, pattern: string, triple: string): FileType[] {
  const cut = pattern.indexOf('___')
  if (cut < 0) return []
  const prefix = pattern.slice(0, cut)
  const suffix = pattern.slice(cut + 3)
  const file = (p: string, s: string, replaceHyphens: boolean, debugInfo = false): FileType => ({ prefix: p, suffix: s, crateType, rmeta: false, debugInfo, replaceHyphens })
  const out = [file(prefix, suffix, crateType !== 'bin')]
  if (isDynamic(crateType)) {
    if (triple.endsWith('-windows-msvc') && suffix === '.dll') out.push(file(prefix, '.dll.lib', true), file(prefix, '.dll.exp', true))
    else if (suffix === '.dll' && /(?:windows-gnu|windows-gnullvm|cygwin)$/.test(triple)) out.push(file('lib', '.dll.a', true))
  }
  if (triple.startsWith('wasm32-') && crateType === 'bin' && suffix === '.js') out.push(file(prefix, '.wasm', true), file(prefix, '.wasm.map', true, true))
  if (crateType === 'bin' || crateType === 'dylib' || crateType === 'cdylib' || crateType === 'proc-macro') {
    if (triple.includes('-apple-')) out.push(file(prefix, crateType === 'bin' ? '.dSYM' : '.dylib.dSYM', false, true))
    else if (triple.endsWith('-msvc') || triple.endsWith('-uefi')) out.push(file(prefix, '.pdb', true, true))
    else out.push(file(prefix, `${suffix}.dwp`, crateType !== 'bin', true))
  }
  return out
}

/** `use_extra_filename` (the layout cargo 1.95 uses by default): whether the unit's file names carry `-<hash>`. */
function useExtraFilename(unit: Unit, defaultLibMetadata: boolean): boolean {
  if (unit.mode === 'test') return true
  const { target } = unit
  const triple = unit.targetInfo.triple
  const lib = target.kind === 'lib'
  // `TargetKind::ExampleBin`: an example whose only crate type is `bin`.
  const executable = target.kind === 'bin' || (target.kind === 'example' && target.crateTypes.every(t => t === 'bin'))
  const unhashedKind =
    (lib && (target.crateTypes.includes('dylib') || target.crateTypes.includes('cdylib'))) ||
    (executable && (triple === 'wasm32-unknown-emscripten' || triple.includes('msvc')))
  return !(unhashedKind && unit.pkg.source === null && !defaultLibMetadata)
}

/**
 * The files `calc_outputs_rustc` and `uplift_to` name for a unit whose paths can collide: those without
 * `-<hash>` in `deps/` (or `examples/`), and the uplifted copies (bins, dylibs, root units).
 */
function outputsOf(unit: Unit, root: boolean, profileDir: string, explicitTarget: boolean, defaultLibMetadata: boolean): OutputFile[] {
  // rustdoc compiles doc tests in a temporary directory of its own.
  if (unit.mode === 'doctest') return []
  const triple = unit.targetInfo.triple
  const layout = unitProfileDir(unit, profileDir, explicitTarget)
  const example = unit.target.kind === 'example'
  const outDir = example ? `${layout}/examples` : `${layout}/deps`
  const hashed = useExtraFilename(unit, defaultLibMetadata)
  const name = crateName(unit)
  const types = unit.mode === 'build' ? unit.crateTypes : (['bin'] as CrateType[])
  const fileTypesOf = types.flatMap(t => fileTypes(t, unit.targetInfo.fileNames[t === 'lib' ? 'rlib' : t] ?? '', triple))
  // Only pure rlibs get an `.rmeta` of their own (pipelining).
  if (unit.mode === 'build' && !types.some(requiresUpstreamObjects)) {
    fileTypesOf.push({ prefix: 'lib', suffix: '.rmeta', crateType: 'rlib', rmeta: true, debugInfo: false, replaceHyphens: true })
  }
  const out: OutputFile[] = []
  for (const ft of fileTypesOf) {
    const path = `${outDir}/${ft.prefix}${name}${hashed ? '-<hash>' : ''}${ft.suffix}`
    // A hashed file can only collide with another crate type of the same unit.
    if (!hashed || types.length > 1) out.push({ path, crateType: ft.crateType, linked: true, debugInfo: ft.debugInfo, hashed })
    // `uplift_to`: bins, dylibs and what the command line asked for, never tests or `.rmeta` files.
    if (unit.mode !== 'build' || ft.rmeta) continue
    if (unit.target.kind !== 'bin' && ft.crateType !== 'dylib' && !root) continue
    const fileName = `${ft.prefix}${ft.replaceHyphens ? name : unit.target.name}${ft.suffix}`
    const uplifted = example ? `${layout}/examples/${fileName}` : `${layout}/${fileName}`
    if (uplifted !== path) out.push({ path: uplifted, crateType: ft.crateType, linked: false, debugInfo: ft.debugInfo, hashed: false })
  }
  return out
}

/** Target copies before host copies; then by package, version and target. */
function compareCopies(a: Unit, b: Unit): number {
  const order = (u: Unit): string => [u.kind === 'target' ? '0' : '1', u.pkg.name, u.pkg.version, u.target.kind, u.target.name, u.mode, u.panic].join('\0')
  const x = order(a)
  const y = order(b)
  return x < y ? -1 : x > y ? 1 : a.index - b.index
}

const LINKED_BY_RUST = new Set<CrateType>(['dylib', 'rlib', 'lib'])

function collisionFinding(ctx: RuleContext, c: OutputCollision, layout: OutputLayout): Draft {
  if (c.units.length === 1) return crateTypesCollision(ctx, c, layout)
  const profile = commandProfile(ctx.build, ctx.invocation.command)
  const rep = c.units[0]!
  const samePackage = c.units.every(u => u.pkg === rep.pkg)
  const kindsDiffer = samePackage && c.units.some(u => u.kind !== rep.kind)
  const panics = new Set(c.units.map(u => profilePanic(u, profile)))
  const main = c.files.filter(f => !f.debugInfo)
  const collidingTypes = new Set(main.map(f => f.crateType))
  const crateType = rep.crateTypes.find(t => collidingTypes.has(t)) ?? rep.crateTypes[0]
  const linkedTypes = new Set(main.filter(f => f.linked).map(f => f.crateType))
  const linkedByRust = [...linkedTypes].some(t => LINKED_BY_RUST.has(t))
  const { files, fileWord, shown } = collidingFiles(c, layout)

  const describe = (u: Unit): string => {
    let d = describeUnit(u)
    if (samePackage) {
      if (kindsDiffer && u.kind === 'target') d += ' (built for the target)'
      if (panics.size > 1) d += ` with \`panic = "${profilePanic(u, profile)}"\``
    } else if (c.units.some(o => o !== u && o.pkg.name === u.pkg.name)) d += ` of \`${u.pkg.name} ${u.pkg.version}\``
    else d += ` of package \`${u.pkg.name}\``
    return d
  }
  const units = c.units.map(describe)
  const who = `${units.slice(0, -1).join(', ')} and ${units.at(-1)}`

  let what: string
  if (samePackage) {
    const why =
      panics.size > 1
        ? kindsDiffer
          ? 'host units are always built with `panic = "unwind"` and target units with the profile\'s `panic = "abort"`'
          : 'test harnesses and what they link are always built with `panic = "unwind"` and the other units with the profile\'s `panic = "abort"`'
        : kindsDiffer && hostProfileDiffers(profile)
          ? `host units get \`opt-level = 0\` and \`[profile.${profile.name}.build-override]\` where target units get the \`${profile.name}\` profile`
          : 'they link different copies of their dependencies'
    what = `\`${rep.target.name}\` is compiled twice in this build, as ${who}, because ${why}; both copies write the same ${fileWord}, ${files} (cargo warns "output filename collision")`
  } else {
    what = `${who} write the same ${fileWord}: ${files} (cargo warns "output filename collision")`
  }
  let outcome: string
  if (linkedByRust) {
    outcome = samePackage
      ? `a unit that links \`${crateName(rep)}\` may get the copy built with the other settings, and fail to link (an undefined symbol, a crate compiled with another panic strategy) or silently run that copy${linkedTypes.has('dylib') ? `; executables load \`${shown.split('/').pop()}\` from \`deps/\` at run time, whichever copy it is` : ''}`
      : `everything that links either gets whichever was written last: a binary that uses both silently runs one of them in place of the other, or fails to link`
  } else if (linkedTypes.size > 0) {
    outcome = `the library left in \`deps/\` is either one`
  } else if (c.units.some(u => u.target.kind === 'bin' || u.target.kind === 'example')) {
    outcome = `\`cargo run\` and anything that starts or ships \`${shown}\` may get the other one`
  } else {
    outcome = `anything that loads or ships \`${shown}\` may get the other one`
  }
  const message = `${what}. What ends up there depends on which unit finishes last: ${outcome}.`

  const fixes: string[] = []
  if (kindsDiffer) {
    fixes.push(
      `Build with \`--target ${rep.targetInfo.triple}\`: host units then go to \`${layout.shownTargetDir}/${layout.profileDir}/\` and target units to \`${layout.shownTargetDir}/${rep.targetInfo.triple}/${layout.profileDir}/\`, so the two copies no longer share a file.`
    )
    if (panics.size > 1) fixes.push('Or build with `panic = "unwind"` when build scripts or proc-macros use this library.')
    else if (hostProfileDiffers(profile)) {
      fixes.push(`Or give host units the target's settings (\`[profile.${profile.name}.build-override]\` with \`opt-level\` and the other settings of \`[profile.${profile.name}]\`), so cargo builds one copy.`)
    }
    fixes.push(`Or keep \`${rep.target.name}\` out of build scripts and proc-macros: move what they need into a plain library (\`rlib\`) crate.`)
  } else if (samePackage && panics.size > 1) {
    fixes.push('Build with `panic = "unwind"`, or build the test harnesses and the other artifacts in separate cargo invocations.')
  } else if (samePackage) {
    fixes.push('Build the artifacts that need the two copies in separate cargo invocations.')
  } else {
    const executables = c.units.every(u => u.target.kind === 'bin' || u.target.kind === 'example')
    const versions = c.units.every(u => u.pkg.name === rep.pkg.name)
    if (executables) fixes.push('Rename one of them (`name` in its `[[bin]]` or `[[example]]` table).')
    else if (versions) fixes.push(`Depend on one version of \`${rep.pkg.name}\` only (\`cargo tree -d\` shows which packages pull in which), or give one of them another library name (\`name\` in its \`[lib]\` table).`)
    else fixes.push('Rename one of the libraries (`name` in its `[lib]` table).')
    fixes.push('Or build them in separate cargo invocations (`-p`).')
  }

  return { ...base(rep, 'output-filename-collision', crateType), crates: [...new Set(c.units.map(crateName))], message, fixes, ...locate(ctx, c, rep, panics.size > 1, kindsDiffer) }
}

/**
 * How a collision's files read in its message: all of them, the word for their number, and the one to name as
 * what is loaded or shipped (the first that is neither debug info nor named with the unit's hash).
 */
function collidingFiles(c: OutputCollision, layout: OutputLayout): { files: string; fileWord: string; shown: string } {
  const shown = c.paths.find(p => !/\.(dwp|pdb|dSYM)$/.test(p) && !p.includes('-<hash>')) ?? c.paths[0]!
  return {
    files: listCrates(c.paths.map(p => `${layout.shownTargetDir}/${p}`), 8),
    fileWord: c.paths.length === 1 ? 'file' : 'files',
    shown: `${layout.shownTargetDir}/${shown}`
  }
}

/**
 * One unit whose crate types share a file name. Either the same library twice (`lib` is rustc's `rlib`, and a
 * `crate-type` may repeat an entry), or an `[[example]]` that is both a `dylib` and a `cdylib` (both
 * `lib<name>.so`, `.dylib` or `.dll`; a `[lib]` may not be both, cargo refuses that manifest). rustc links the
 * crate types one after the other, in the order `crate-type` lists them, so the file holds the last one (seen
 * with rustc 1.95 in both orders).
 */
function crateTypesCollision(ctx: RuleContext, c: OutputCollision, layout: OutputLayout): Draft {
  const unit = c.units[0]!
  const types = unit.crateTypes.filter(t => c.files.some(f => f.crateType === t && !f.debugInfo))
  const { files, fileWord, shown } = collidingFiles(c, layout)
  const collision = `rustc writes them to the same ${fileWord}: ${files} (cargo warns "output filename collision")`
  const sameLibrary = new Set(types.map(t => (t === 'lib' ? 'rlib' : t))).size === 1
  let message: string
  let fix: string
  if (sameLibrary) {
    const kept = [...new Set(unit.crateTypes.map(t => (t === 'lib' && unit.crateTypes.includes('rlib') ? 'rlib' : t)))]
    message = `${describeUnit(unit)} lists ${listCrates(types, 8)} in its \`crate-type\`, one library built twice: ${collision}. Both writes hold the same library, so nothing is lost, but the warning stays.`
    fix = `List each crate type once${types.includes('lib') ? ' (`lib` is the `rlib`)' : ''}: \`crate-type = [${kept.map(t => `"${t}"`).join(', ')}]\`.`
  } else {
    const last = types.at(-1)!
    const lost = types.slice(0, -1)
    message =
      `${describeUnit(unit)} is built as ${listCrates(types, 8)} at once (its \`crate-type\`), and ${collision}. ` +
      `rustc links them one after the other, so the ${fileWord} ${c.paths.length === 1 ? 'holds' : 'hold'} the \`${last}\`: anything that loads or ships \`${shown}\` gets it, and the ${listCrates(lost, 8)} ${lost.length === 1 ? 'is' : 'are'} lost.`
    fix = `Keep one of ${listCrates(types, 8)} in the \`crate-type\` of \`${unit.target.name}\`, and build the other from an \`[[example]]\` of another name with the same \`path\`.`
  }
  return { ...base(unit, 'output-filename-collision', types.at(-1)!), crates: [crateName(unit)], message, fixes: [fix], ...ctx.locator.crateType(unit) }
}

/**
 * Where the collision comes from: the `panic` setting when it separates the copies; the dependency entry
 * that brings the host copy in (a build script's or proc-macro's); for units of different packages, each
 * one's `crate-type` line (or package name, for bins), the first as the location.
 */
function locate(ctx: RuleContext, c: OutputCollision, rep: Unit, panicSplit: boolean, kindsDiffer: boolean) {
  const { locator } = ctx
  const nameLine = (u: Unit) => (u.target.kind === 'lib' || u.target.kind === 'proc-macro' ? locator.crateType(u) : locator.manifestKey(u.pkg, ['package', 'name']))
  // The files in `deps/` collide because the library's file names carry no hash.
  const unhashed: RelatedLocation[] = c.files.some(f => f.linked && !f.hashed && !f.debugInfo)
    ? [{ ...nameLine(rep), message: `\`crate-type\` of \`${rep.pkg.name}\`: cargo names the files of a path package's dylib or cdylib without a hash` }]
    : []
  if (panicSplit) {
    const abort = c.units.find(u => u.panic === 'abort') ?? rep
    const { related = [], ...at } = locator.setting('panic', abort)
    return { ...at, related: [...related, ...unhashed] }
  }
  if (kindsDiffer) {
    const entry = hostEntry(ctx.graph, c.units.find(u => u.kind === 'host')!)
    if (entry === null) return locator.crateType(rep)
    const { related = [], ...at } = locator.dependency(entry.from, entry.dep.unit, entry.dep.edge, entry.dep.platform)
    return { ...at, related: [...related, ...unhashed] }
  }
  const related = c.units.slice(1).map(u => ({ ...nameLine(u), message: `${describeUnit(u)} of \`${u.pkg.name} ${u.pkg.version}\`` }))
  return { ...nameLine(rep), related }
}

/** Each unit's dependents, built once per graph (only when a host copy collides). */
const dependentsOf = new WeakMap<UnitGraph, Map<Unit, { from: Unit; dep: CrateDep }[]>>()

/**
 * The dependency entry through which a host copy gets into the build: the nearest build script or proc-macro
 * (or target unit) above it, following host libraries up (breadth first, so the shortest chain wins).
 */
function hostEntry(graph: UnitGraph, host: Unit): { from: Unit; dep: CrateDep } | null {
  let dependents = dependentsOf.get(graph)
  if (dependents === undefined) {
    dependents = new Map()
    for (const from of graph.units) {
      for (const dep of from.crates) {
        const list = dependents.get(dep.unit)
        if (list) list.push({ from, dep })
        else dependents.set(dep.unit, [{ from, dep }])
      }
    }
    dependentsOf.set(graph, dependents)
  }
  const seen = new Set<Unit>([host])
  let level: Unit[] = [host]
  while (level.length > 0) {
    const next: Unit[] = []
    for (const unit of level) {
      const edges = dependents.get(unit) ?? []
      const entry = edges.find(e => e.from.target.kind === 'custom-build') ?? edges.find(e => e.from.kind === 'target' || isProcMacro(e.from.target))
      if (entry) return entry
      for (const e of edges) {
        if (seen.has(e.from)) continue
        seen.add(e.from)
        next.push(e.from)
      }
    }
    level = next
  }
  return null
}

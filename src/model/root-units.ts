/**
 * The root units of an invocation, as cargo's `UnitGenerator` makes them (src/cargo/ops/cargo_compile/
 * unit_generator.rs): which targets of the selected packages the command and its target flags select, and in
 * which compile mode (`create_proposals`, `filter_default_targets`, `find_named_targets`, `new_units`), with
 * cargo's refusals of target names that match nothing and its no-op warning.
 */
import { UserError } from '../errors.js'
import type { CompileMode } from './build-context.js'
import { similarNameHelp } from './edit-distance.js'
import { globToRegExp, isGlob } from './glob.js'
import { selectsTargets, type Invocation } from './invocation.js'
import type { Package, Target } from './metadata.js'
import { isProcMacro } from './target-roles.js'
import { type FeatureState, featuresSatisfied, type UnitSpec } from './unit-dependencies.js'

/** The library target (`lib` or `proc-macro`) of a package, if any. */
export function libTarget(pkg: Package): Target | undefined {
  return pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
}

/**
 * Whether `cargo bench` and `--benches` select a target (`bench = …` in its manifest table, which `cargo
 * metadata` does not print); `defaultBenched` when the manifest does not say.
 */
export type TargetBenched = (pkg: Package, target: Target) => boolean

/**
 * Cargo's `benched` default by kind (`Target::lib_target`, `bin_target`, `bench_target`, `example_target`,
 * `test_target`, `custom_build_target` in src/cargo/core/manifest.rs): libraries, binaries and benches.
 */
export function defaultBenched(target: Target): boolean {
  return target.kind === 'lib' || target.kind === 'proc-macro' || target.kind === 'bin' || target.kind === 'bench'
}

/**
 * Follows `UnitGenerator::generate_root_units`: the root units of the selected packages, package after
 * package, each target for the host if it is a proc-macro, else for the target (`UnitGenerator::new_units`,
 * `CompileKind::for_target`).
 */
export function generateRootUnits(
  state: FeatureState,
  selected: readonly Package[],
  invocation: Invocation,
  selection: TargetSelection,
  warnings: string[]
): UnitSpec[] {
  const roots: UnitSpec[] = []
  for (const pkg of selected) {
    for (const { target, mode, proposedForTest } of createProposals(state, pkg, invocation, selection, warnings)) {
      // `CompileKind::for_target`: a proc-macro is built for the host in every mode, its test harness too;
      // `deps_of_roots` gives it and what it depends on the host side's features (`UnitFor::new_host(true)`,
      // `new_host_test`), as `generate_root_units` does for its own (`FeaturesFor::from_for_host`).
      const procMacro = isProcMacro(target)
      if (procMacro && mode === 'build' && target.crateTypes.length > 1) throw mixedProcMacro(pkg, target)
      if (!state.features.isActivated(pkg.id, procMacro ? 'host' : 'normal')) throw notActivated(pkg, procMacro ? target : null, selection.activationPanic)
      // `new_units` gives a unit proposed in a test mode `UnitFor::new_test`, even an example it then builds as
      // a plain binary: it and what it links get `panic = "unwind"` whatever the profile says.
      const unitFor = { host: procMacro, hostFeatures: procMacro, test: proposedForTest }
      roots.push({ pkg, target, mode, kind: procMacro ? 'host' : 'target', unitFor })
    }
  }
  // `create_proposals`: `--lib` (or `--doc`) without `--all-targets` needs a library among the selected packages.
  const t = invocation.targets
  if ((invocation.doc && roots.length === 0) || (t.lib && !t.allTargets && !selected.some(p => libTarget(p) !== undefined))) {
    const names = selected.map(p => p.name)
    throw new UserError(names.length === 1 ? `no library targets found in package \`${names[0]}\`` : `no library targets found in packages: ${names.join(', ')}`)
  }
  if (roots.length === 0 && selectsTargets(invocation)) warnings.push(unmatchedFilters(invocation))
  return roots
}

/**
 * `generate_root_units` looks up a root's features on the target side (`FeaturesFor::NormalOrDev`), or on the
 * host side for a proc-macro (`FeaturesFor::HostDep`), and panics when the feature resolver never got there:
 * `-p` of a package that resolver "2" builds only for build scripts and proc-macros, only for tests, or only
 * for another platform; or of a package it builds only for the target when the selected target is a
 * proc-macro (an example with crate type `proc-macro` of a dependency).
 */
function notActivated(pkg: Package, procMacro: Target | null, panic: string): UserError {
  const why =
    procMacro === null
      ? 'builds it only for a build script or proc-macro, for tests, or for another platform'
      : `builds it only for the target, and its ${procMacro.kind} \`${procMacro.name}\` is a proc-macro, built for the host`
  return new UserError(
    `cargo cannot build \`${pkg.name}\` as a selected package here: feature resolver "2" ${why}, and cargo stops with an internal error ("${panic}"); select a package that depends on it instead`
  )
}

/**
 * rustc refuses `proc-macro` beside other crate types. Cargo refuses it in `[lib]` before resolving anything
 * (`cargo metadata` too); an example gets as far as rustc, and only when it is built.
 */
function mixedProcMacro(pkg: Package, target: Target): UserError {
  const types = target.crateTypes.map(t => `"${t}"`).join(', ')
  return new UserError(
    `${pkg.manifestPath}: ${target.kind} \`${target.name}\` of package \`${pkg.name}\` has \`crate-type = [${types}]\`, and rustc refuses to compile it: "cannot mix \`proc-macro\` crate type with others"`
  )
}

/** `UnitGenerator::unmatched_target_filters`: cargo's warning when target flags select nothing at all. */
function unmatchedFilters(invocation: Invocation): string {
  const t = invocation.targets
  const missed = t.allTargets ? [] : (['bins', 'tests', 'examples', 'benches'] as const).filter(flag => t[flag])
  const filters = t.allTargets ? ' `all-targets`' : missed.map(flag => ` \`${flag}\``).join(',')
  return `target ${missed.length > 1 ? 'filters' : 'filter'}${filters} specified, but no targets matched; this is a no-op`
}

/** A root unit: the target, its compile mode, and whether cargo proposed it in a test mode (`is_any_test`). */
type Proposal = { target: Target; mode: CompileMode; proposedForTest: boolean }

/** What decides the root units beyond the invocation. */
export interface TargetSelection {
  benched: TargetBenched
  /**
   * Whether `cargo bench` builds the examples it proposes without `test = true` as plain binaries, as
   * `cargo test` does: from cargo 0.90 (Rust 1.89), where rust-lang/cargo@2fc7e6ed8 compiles `cargo bench` in
   * `CompileMode::Test`. Before, `new_units` turned `CompileMode::Bench` into `Test` without that rule, and
   * such an example was compiled as a test harness. Cargo's release is taken to be rustc's.
   */
  benchBuildsExamples: boolean
  /**
   * How cargo words the panic of `activated_features` on a root its feature resolver never reached: `did not find
   * features for … within activated_features` from cargo 0.84 (Rust 1.83, rust-lang/cargo@1623c414a),
   * `activated_features for invalid package: features did not find …` before.
   */
  activationPanic: string
}

/**
 * Follows `UnitGenerator::create_proposals` and `proposals_to_units` for one selected package: the targets
 * the command selects, with the compile mode cargo uses for each. A target whose required features are not
 * enabled is skipped with a note, or, when it was named on the command line (`--bin NAME`), refused as cargo
 * refuses it; a library never is.
 *
 * `cargo bench` compiles what it selects as test harnesses, as `cargo test` does: cargo 1.95 has no mode of
 * its own for benches (`to_compile_mode` gives `CompileMode::Test` for `UserIntent::Bench`).
 */
function createProposals(state: FeatureState, pkg: Package, inv: Invocation, selection: TargetSelection, warnings: string[]): Proposal[] {
  const t = inv.targets
  const out: Proposal[] = []
  const lib = libTarget(pkg)
  const add = (target: Target, mode: CompileMode, named = false): void => {
    if (target !== lib && !featuresSatisfied(state, target, pkg)) {
      const features = target.requiredFeatures.map(f => `\`${f}\``).join(', ')
      if (named) {
        throw new UserError(
          `target \`${target.name}\` in package \`${pkg.name}\` requires the features: ${features}; enable them with \`--features="${target.requiredFeatures.join(' ')}"\``
        )
      }
      warnings.push(`target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${features}`)
      return
    }
    // `new_units`: without target flags, an example without `test = true` that `cargo test` (or `cargo bench`,
    // see `benchBuildsExamples`) proposes is built as a plain binary, to check that it compiles.
    const asBinary = inv.command === 'test' || (inv.command === 'bench' && selection.benchBuildsExamples)
    const as = asBinary && mode === 'test' && target.kind === 'example' && !target.test && !selectsTargets(inv) ? 'build' : mode
    if (!out.some(s => s.target === target && s.mode === as)) out.push({ target, mode: as, proposedForTest: mode !== 'build' })
  }
  const of = (kind: Target['kind']): Target[] => pkg.targets.filter(x => x.kind === kind)
  const addNamed = (patterns: readonly string[], kind: Target['kind'], mode: CompileMode): void => {
    for (const pattern of patterns) for (const x of of(kind)) if (nameMatches(pattern, x.name)) add(x, mode, true)
  }
  const isBenched = (x: Target): boolean => x.kind !== 'custom-build' && selection.benched(pkg, x)
  if (inv.doc) {
    // `cargo test --doc` is `CompileFilter::lib_only` with the doctest intent.
    if (lib && isDoctestable(lib)) add(lib, 'doctest')
    else if (lib) warnings.push(`doc tests are not supported for crate type(s) \`${lib.crateTypes.join(', ')}\` in package \`${pkg.name}\``)
    return out
  }
  if (!selectsTargets(inv)) {
    // `UnitGenerator::filter_default_targets`.
    if (inv.command === 'build') {
      if (lib) add(lib, 'build')
      for (const b of of('bin')) add(b, 'build')
    } else if (inv.command === 'bench') {
      for (const x of pkg.targets) if (isBenched(x)) add(x, 'test')
    } else {
      if (lib && lib.test) add(lib, 'test')
      for (const b of of('bin')) if (b.test) add(b, 'test')
      for (const e of of('example')) add(e, 'test')
      for (const x of of('test')) if (x.test) add(x, 'test')
      for (const x of of('bench')) if (x.test) add(x, 'test')
      // Cargo proposes the doc tests too, even with `--no-run`: their dependencies are built, while rustdoc
      // compiles the examples only when the tests run (`run_doc_tests`).
      if (lib && lib.doctest && isDoctestable(lib)) out.push({ target: lib, mode: 'doctest', proposedForTest: true })
    }
    return out
  }
  // `CompileFilter::Only`: `cargo build` builds the libraries, binaries and examples it names and compiles the
  // tests and benches as test harnesses; `cargo test` and `cargo bench` compile everything as test harnesses.
  const mode: CompileMode = inv.command === 'build' ? 'build' : 'test'
  const all = t.allTargets
  if ((t.lib || all) && lib) add(lib, mode)
  if (t.bins || all) for (const b of of('bin')) add(b, mode)
  addNamed(t.bin, 'bin', mode)
  if (t.examples || all) for (const e of of('example')) add(e, mode)
  addNamed(t.example, 'example', mode)
  // `--tests`: every target with `test = true` (`Target::tested`); `--benches`: every one with `bench = true`
  // (`Target::benched`), which `cargo metadata` does not print and the manifest says.
  if (t.tests || all) for (const x of pkg.targets) if (x.test && x.kind !== 'custom-build') add(x, 'test')
  addNamed(t.test, 'test', 'test')
  if (t.benches || all) for (const x of pkg.targets) if (isBenched(x)) add(x, 'test')
  addNamed(t.bench, 'bench', 'test')
  return out
}

/** A target name on the command line: the name itself, or a glob pattern (`find_named_targets`). */
function nameMatches(pattern: string, name: string): boolean {
  return isGlob(pattern) ? globToRegExp(pattern, 'a target name').test(name) : pattern === name
}

/** `Target::doctestable`: rustdoc can test a `lib`, `rlib` or `proc-macro` library, not a dylib-only one. */
function isDoctestable(lib: Target): boolean {
  return lib.crateTypes.some(t => t === 'lib' || t === 'rlib' || t === 'proc-macro')
}

/**
 * The error of `UnitGenerator::find_named_targets` when a target name or pattern on the command line matches
 * no target of the selected packages, in cargo's words, with its help: a similarly named target of that kind,
 * else the targets of that kind there are.
 */
export function checkNamedTargets(inv: Invocation, selected: Package[]): void {
  const check = (patterns: string[], kind: Target['kind']): void => {
    for (const pattern of patterns) {
      const ofKind = selected.flatMap(p => p.targets.filter(t => t.kind === kind).map(t => t.name))
      if (ofKind.some(name => nameMatches(pattern, name))) continue
      const what = isGlob(pattern) ? `matches pattern \`${pattern}\`` : `named \`${pattern}\``
      const among =
        inv.workspace || inv.packages.length === 0
          ? ' in default-run packages'
          : inv.packages.length === 1
            ? ` in \`${inv.packages[0]}\` package`
            : ` in \`${inv.packages[0]}\`, ... packages`
      // cargo's help: the nearest name when one is near, else the targets of that kind there are.
      const names = [...new Set(ofKind)].sort()
      const suggestion = similarNameHelp(pattern, names, 'target')
      const available = names.map(name => `\`${name}\``)
      const help = suggestion !== '' ? suggestion : available.length > 0 ? `; help: available ${kind} targets: ${available.join(', ')}` : ''
      throw new UserError(`no ${kind} target ${what}${among}${help}`)
    }
  }
  check(inv.targets.bin, 'bin')
  check(inv.targets.example, 'example')
  check(inv.targets.test, 'test')
  check(inv.targets.bench, 'bench')
}


/**
 * The fixes worth trying for an error finding, as changes to the model: what the user controls (the crate
 * types of the workspace's own libraries, the packages and features on the command line, the profile, the
 * rustflags). Each is only a candidate until verify.ts has analysed the invocation with it applied.
 */
import type { Finding, FixKind } from '../findings/finding.js'
import type { DependencyFormatError } from '../linkage/dependency-format.js'
import { crateName, type LinkageResult, type UnitResult } from '../linkage/resolve.js'
import { type CrateType, providesRlib } from '../model/crate-type.js'
import { codegenOptions, flagEnabled } from '../model/rustc-flags.js'
import type { Package } from '../model/metadata.js'
import type { Unit } from '../model/unit-graph.js'
import { listCrates } from '../text.js'
import type { Model, ModelChange } from './changes.js'

export interface Candidate {
  title: string
  kind: FixKind
  changes: ModelChange[]
}

/** What candidates are drawn from: the finding, its unit's linkage, and the model it was found in. */
export interface CandidateInput {
  finding: Finding
  /** The failing unit's result, when the finding is about an artifact. */
  result: UnitResult | null
  linkage: LinkageResult
  model: Model
}

export function candidatesFor(input: CandidateInput): Candidate[] {
  const { finding, result } = input
  if (result === null) return []
  switch (finding.rule) {
    case 'duplicate-linkage':
      return duplicateCandidates(input, result)
    case 'rlib-required':
      return addRlib(input, finding.crates.map(c => unitNamed(result, input.linkage, c)))
    case 'no-linkable-lib':
      return addRlib(input, result.problems.flatMap(p => (p.kind === 'unlinkable-dependency' ? [p.dep] : [])))
    case 'proc-macro-dylib':
      return addRlib(input, result.problems.flatMap(p => (p.kind === 'proc-macro-unloadable' ? dylibsOf(p.procMacro, input.linkage) : [])))
    case 'unsupported-crate-type':
      return result.unit.target.kind === 'lib' ? addRlib(input, [result.unit]) : []
    case 'panic-strategy':
      return panicCandidates(result.unit)
    case 'lto-conflict':
      return ltoCandidates(result)
    case 'static-pie-rpath':
      return [profileCandidate(result.unit, { setting: 'rpath', value: false }, 'Set `rpath = false` in the profile: a statically linked executable loads no Rust shared library.')]
    default:
      return []
  }
}

function duplicateCandidates(input: CandidateInput, result: UnitResult): Candidate[] {
  const { finding, linkage, model } = input
  const unit = result.unit
  const errors = result.problems.flatMap(p =>
    p.kind === 'dependency-format' && p.crateType === finding.crateType && p.error.kind === 'crate-dep-multiple' ? [p.error] : []
  ) as Extract<DependencyFormatError, { kind: 'crate-dep-multiple' }>[]
  // The dylibs that contain a duplicated crate statically: with an rlib as well, Rust dependents link them
  // statically and nothing is included twice.
  const containing = new Set<Unit>()
  for (const e of errors) {
    for (const origin of [e.existing, e.incoming]) {
      const via = origin.via === null ? null : (linkage.crateNames.get(origin.via)?.unit ?? null)
      if (via !== null && origin.preference === 'static') containing.add(via)
    }
  }
  const out = addRlib(input, [...containing])
  const selected = model.invocation.packages
  if (unit.kind === 'target' && !(selected.length === 1 && selected[0] === unit.pkg.name)) {
    out.push({
      title: `Build only the package you ship: \`cargo ${model.invocation.command} -p ${unit.pkg.name}\` (its dylib dependencies are then built with \`-C prefer-dynamic\`).`,
      kind: 'command',
      changes: [{ kind: 'select', packages: [unit.pkg.name] }]
    })
  }
  const excluded = [...containing].filter(u => u.pkg.source === null && u !== unit).map(u => u.pkg.name)
  if (excluded.length > 0 && selected.length === 0) {
    out.push({
      title: `Leave ${listCrates(excluded)} out of the workspace build: \`--workspace ${excluded.map(n => `--exclude ${n}`).join(' ')}\`.`,
      kind: 'command',
      changes: [{ kind: 'exclude', packages: excluded }]
    })
  }
  for (const feature of commandLineFeatures(finding, model)) {
    out.push({
      title: `Build without \`--features ${feature}\`: it is what turns on the dylib. Enable it only where it is meant for, e.g. \`cargo run --features ${feature}\` during development.`,
      kind: 'command',
      changes: [{ kind: 'drop-feature', feature }]
    })
  }
  if (finding.crates.includes('std') && !flagEnabled(codegenOptions(unit.rustflags, 'prefer-dynamic'))) {
    out.push({
      title: 'Build everything with `RUSTFLAGS="-C prefer-dynamic"`: every dylib then links `std` dynamically and shares `libstd` with the executable.',
      kind: 'flag',
      changes: [{ kind: 'add-prefer-dynamic' }]
    })
  }
  return out
}

/** The features on the command line that turn on an optional dependency along the finding's inclusion paths. */
function commandLineFeatures(finding: Finding, model: Model): string[] {
  const asked = new Set(model.invocation.features)
  const out = new Set<string>()
  for (const path of finding.inclusion ?? []) {
    for (const step of path.features ?? []) {
      const request = step.by === 'command-line' ? step.name : (step.commandLine?.replace(/^--features\s+/, '') ?? null)
      if (request !== null && asked.has(request)) out.add(request)
    }
  }
  return [...out]
}

/** One candidate adding `"rlib"` to every workspace library of `units` that lacks one. */
function addRlib(input: CandidateInput, units: readonly (Unit | { pkg: Package } | null)[]): Candidate[] {
  const packages = [...new Set(units.filter((u): u is Unit | { pkg: Package } => u !== null).map(u => u.pkg))].filter(
    pkg => pkg.source === null && input.model.metadata.packages.has(pkg.id)
  )
  const changes: ModelChange[] = []
  for (const pkg of packages) {
    const lib = pkg.targets.find(t => t.kind === 'lib')
    if (!lib || providesRlib(lib.crateTypes)) continue
    changes.push({ kind: 'crate-types', pkg, types: [...lib.crateTypes, 'rlib' as CrateType] })
  }
  if (changes.length === 0) return []
  return [{ title: rlibTitle(changes.map(c => (c.kind === 'crate-types' ? c.pkg.name : ''))), kind: 'manifest-edit', changes }]
}

export function rlibTitle(names: readonly string[]): string {
  return `Add \`"rlib"\` to \`crate-type\` of ${listCrates(names)}: Rust dependents then link ${names.length === 1 ? 'it' : 'them'} statically, and the dylib is still built.`
}

function panicCandidates(unit: Unit): Candidate[] {
  if (unit.panic !== 'abort') return []
  if (unit.panicSource === 'rustflags') {
    return [{ title: 'Drop `-C panic=abort` from rustflags for this build.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'panic' }] }]
  }
  return [profileCandidate(unit, { setting: 'panic', value: 'unwind' }, 'Set `panic = "unwind"` in the profile: `libstd` and Rust dylibs are always built with unwinding.')]
}

function ltoCandidates(result: UnitResult): Candidate[] {
  const unit = result.unit
  const out: Candidate[] = []
  for (const p of result.problems) {
    if (p.kind === 'lto' && (p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows')) {
      if (unit.preferDynamic === 'rustflags') {
        out.push({ title: 'Drop `-C prefer-dynamic` from rustflags for LTO builds.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'prefer-dynamic' }] })
      }
      if (unit.lto.kind === 'run' || unit.lto.kind === 'only-bitcode') {
        out.push(profileCandidate(unit, { setting: 'lto', value: 'false' }, 'Set `lto = false` in the profile of builds that link dynamically.'))
      }
    }
    if ((p.kind === 'lto' && p.gate !== 'linker-plugin-windows' && unit.lto.kind !== 'run') || p.kind === 'embed-bitcode-lto') {
      out.push({ title: 'Drop `-C lto` from rustflags; `lto = true` in the profile applies LTO only where rustc allows it.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'lto' }] })
    }
  }
  return out
}

function profileCandidate(unit: Unit, change: Extract<ModelChange, { kind: 'profile' }>['change'], title: string): Candidate {
  return { title, kind: 'manifest-edit', changes: [{ kind: 'profile', profile: unit.mode === 'build' ? 'build' : 'test', change }] }
}

/** The unit of the crate named `name` in the unit's crate graph. */
function unitNamed(result: UnitResult, linkage: LinkageResult, name: string): Unit | null {
  const node = result.crates.find(c => c.name === name)
  return node === undefined ? null : (linkage.crateNames.get(node.key)?.unit ?? null)
}

/** The Rust dylibs a proc-macro links, directly or through other crates. */
function dylibsOf(procMacro: Unit, linkage: LinkageResult): Unit[] {
  const crates = linkage.byUnit.get(procMacro)?.crates ?? []
  return crates.map(c => linkage.crateNames.get(c.key)?.unit ?? null).filter((u): u is Unit => u !== null && u.crateTypes.includes('dylib') && crateName(u) !== crateName(procMacro))
}

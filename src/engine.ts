import type { Locator } from './findings/finding.js'
import { withVerifiedFixes } from './fixes/verify.js'
import { compareText } from './findings/order.js'
import { pluginSystem, rustAbiBoundaries } from './linkage/boundaries.js'
import { crateName, type LinkageResult, resolveLinkage, type UnitResult } from './linkage/resolve.js'
import { type BuildContext, commandProfile } from './model/build-context.js'
import { compilerBehaviour } from './model/compiler-behaviour.js'
import { loaderFamily } from './model/platform.js'
import { noFacts, type WorkspaceFacts } from './model/facts.js'
import { checkCommandLineFeatures } from './model/feature-refusals.js'
import { type CommandLineFeatures, commandLineFeatures, metadataFeatures, procMacroDependencyByAnyTarget, resolveFeatures, type ResolvedFeatures, type ResolverVersion } from './model/features.js'
import { type Invocation, needsDevDependencies } from './model/invocation.js'
import type { Metadata, Package } from './model/metadata.js'
import { relativeOrAbsolute } from './model/paths.js'
import { abiFlags } from './model/rustc-flags.js'
import { currentPackage, selectPackages } from './model/selection.js'
import type { TargetBenched } from './model/root-units.js'
import { buildUnitGraph, type LibraryDocTests, type SourceUsesCrate, type TargetHarness, type Unit, type UnitGraph } from './model/unit-graph.js'
import type { Analysis, ArtifactReport, BoundaryReport, LinkageEntry, ToolchainReport } from './report/report.js'
import { withoutHarness } from './rules/context.js'
import { evaluateRules } from './rules/evaluate.js'

export interface AnalysisInput {
  metadata: Metadata
  context: BuildContext
  invocation: Invocation
  /** Absolute path of the manifest cargo runs on (decides the default package selection). */
  currentManifest: string
  locator: Locator
  /** The cargo command line being predicted, for the report. */
  commandLine: string[]
  /** Reads target sources where linkage depends on them; by default every use is assumed. */
  sourceUsesCrate?: SourceUsesCrate
  /** What rustdoc compiles and runs of each library's doc examples; without it, every library's examples run. */
  docTestsOf?: LibraryDocTests
  /** Which targets `cargo bench` and `--benches` select, from the manifests; without it, cargo's defaults by kind. */
  benched?: TargetBenched
  /** Which targets are test harnesses in `test` mode, from the manifests; without it, all of them (cargo's default). */
  harness?: TargetHarness
  /** The toolchain pin, the policy's expectation, `#[global_allocator]`s and unmangled exports; none by default. */
  facts?: WorkspaceFacts
  /** Notes about how the inputs were gathered, for the report. */
  notes?: string[]
  /**
   * The workspace's feature resolver, from its root manifest: features are then resolved for this
   * invocation as cargo does. Null when it is not known: the features of `cargo metadata`'s resolve are used.
   */
  resolver: ResolverVersion | null
  /**
   * Reads a manifest or config file of the repository by absolute path (null when it cannot be read): the
   * text that verified fixes edit. Without it, fixes that edit files are offered unverified.
   */
  readText?: (absolute: string) => string | null
}

/**
 * Selection → unit graph → linkage → findings → verified fixes: the report less its gate (`policy/gate.ts`
 * adds it). Pure but for `sourceUsesCrate`, `facts` and `readText`, which read files the first time they are
 * asked about one.
 */
export function analyze(input: AnalysisInput): Analysis {
  const { analysis, linkage } = analyzeOnce(input)
  const { findings, note } = withVerifiedFixes({
    model: { metadata: input.metadata, context: input.context, invocation: input.invocation },
    analysis,
    linkage,
    // What a fix changes is read from the errors and the artifacts' statuses, not from warnings or linkage lists.
    reanalyse: model => analyzeOnce({ ...input, ...model }, 'verify'),
    readText: input.readText ?? null
  })
  return { ...analysis, findings, notes: note === null ? analysis.notes : [...analysis.notes, note] }
}

/** One analysis: for the report, or (`verify`) with only what verifying a fix reads — errors, statuses. */
function analyzeOnce(input: AnalysisInput, purpose: 'report' | 'verify' = 'report'): { analysis: Analysis; linkage: LinkageResult } {
  const { metadata, context, invocation } = input
  // Null when the workspace manifest could not be read: features are then those of `cargo metadata`'s resolve.
  const cli = input.resolver === null ? null : commandLineFeatures(input.resolver, currentPackage(metadata, input.currentManifest), invocation)
  const selection = selectPackages(metadata, invocation, input.currentManifest, {
    checkFeatures: cli === null ? undefined : members => checkCommandLineFeatures(metadata, members, cli),
    cargoRelease: context.rustc.release
  })
  const features = cli === null ? metadataFeatures(metadata) : featuresOf(input, cli, selection.packages)
  const graph = buildUnitGraph(metadata, context, invocation, selection.packages, {
    sourceUsesCrate: input.sourceUsesCrate,
    features,
    docTestsOf: input.docTestsOf,
    benched: input.benched,
    harness: input.harness
  })
  const linkage = resolveLinkage(graph, compilerBehaviour(context.rustc, context.host))
  const facts = input.facts ?? noFacts()
  const findings = evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator: input.locator }, purpose === 'verify' ? 'errors' : 'all')
  const notes = [...(input.notes ?? []), ...selection.warnings, ...graph.warnings]
  if (input.resolver === null) {
    notes.push(
      "The workspace manifest could not be read, so features are those of `cargo metadata`'s resolve of the whole workspace: an optional dependency another member enables counts as enabled here too."
    )
  }
  if (metadata.graphQuality === 'no-dep-kinds') {
    notes.push(
      'The metadata predates `dep_kinds` (cargo before 1.41): dependency kinds and platforms were recovered from the declared dependencies by name, so a dependency may be counted in more sections than it is.'
    )
  }
  const unmodelled = [...new Set([context.host, context.target].filter(t => loaderFamily(t) === 'unmodelled').map(t => t.triple))]
  for (const triple of unmodelled) {
    notes.push(
      `How executables find Rust shared libraries at run time is not modelled for target \`${triple}\`: \`runtime-dylib\` counts every one as missing outside cargo unless an rpath is set. Linkage verdicts are exact.`
    )
  }
  // Only a dylib's build depends on `-C prefer-dynamic` in a way cargo's fingerprint misses.
  if (graph.units.some(u => u.crateTypes.includes('dylib'))) {
    notes.push('Verdicts describe a clean build: cargo does not rebuild a dylib when only `-C prefer-dynamic` changes, so a stale target directory can behave differently.')
  }
  const profile = commandProfile(context, invocation.command)
  const analysis: Analysis = {
    version: 2,
    toolchain: toolchainReport(context, facts, metadata.workspaceRoot),
    boundaries: boundaryReports(graph, linkage, metadata, facts),
    workspaceRoot: metadata.workspaceRoot,
    invocation: { command: invocation.command, args: input.commandLine, profile: profile.name },
    artifacts: artifactReports(linkage, purpose === 'report'),
    findings,
    notes
  }
  return { analysis, linkage }
}

/** The features and optional dependencies cargo activates for the invocation (`resolver/features.rs`). */
function featuresOf(input: AnalysisInput, cli: CommandLineFeatures, selected: readonly Package[]): ResolvedFeatures {
  const { context, invocation } = input
  return resolveFeatures(input.metadata, {
    ...cli,
    selected,
    hasDevUnits: needsDevDependencies(invocation),
    host: context.host,
    target: context.target,
    procMacroDependencyByAnyTarget: procMacroDependencyByAnyTarget(context.rustc.release)
  })
}

function toolchainReport(context: BuildContext, facts: WorkspaceFacts, workspaceRoot: string): ToolchainReport {
  const report: ToolchainReport = {
    release: context.rustc.release,
    commitHash: context.rustc.commitHash,
    ...(context.rustc.commitDate === null ? {} : { commitDate: context.rustc.commitDate }),
    host: context.rustc.host,
    target: context.target.triple,
    stdInstalled: context.target.stdInstalled
  }
  const pin = facts.pin
  if (pin !== null) {
    report.pin = { file: relativeOrAbsolute(workspaceRoot, pin.file), line: pin.line, channel: pin.channel, path: pin.path, kind: pin.kind }
  }
  if (facts.expectedToolchain !== null) report.expected = facts.expectedToolchain.channel
  return report
}

function boundaryReports(graph: UnitGraph, linkage: LinkageResult, metadata: Metadata, facts: WorkspaceFacts): BoundaryReport[] {
  const entry = (unit: Unit, role: BoundaryReport['role']): BoundaryReport => ({
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    platform: unit.kind,
    role,
    panic: unit.panic,
    abiFlags: abiFlags(unit.rustflags)
  })
  const plugins = pluginSystem(graph, metadata, facts.loadsLibraries)
  return [
    ...rustAbiBoundaries(graph, linkage).map(b => entry(b.unit, b.kind)),
    ...(plugins?.plugins.map(u => entry(u, 'plugin')) ?? []),
    ...(plugins?.hosts.map(h => entry(h.unit, 'plugin-host')) ?? [])
  ]
}

function artifactReports(linkage: LinkageResult, linkageLists: boolean): ArtifactReport[] {
  const out: ArtifactReport[] = []
  const sorted = [...linkage.results].sort((a, b) => compareUnits(a.unit, b.unit))
  for (const result of sorted) {
    const unit = result.unit
    // Doc tests rustdoc compiles nothing for (no examples, or `--no-run`) produce no artifact.
    if (unit.docTests?.examples === 'none') continue
    const types = unit.crateTypes.length > 0 ? unit.crateTypes : unit.droppedCrateTypes
    for (const crateType of types) {
      const artifact = result.artifacts.find(a => a.crateType === crateType)
      const entry: ArtifactReport = {
        package: unit.pkg.name,
        version: unit.pkg.version,
        target: unit.target.name,
        kind: unit.target.kind,
        mode: unit.mode,
        ...withoutHarness(unit),
        crateType,
        platform: unit.kind,
        features: [...unit.features],
        status: result.status,
        preferDynamic: unit.preferDynamic !== null,
        panic: unit.panic,
        linkage: artifact?.formats && linkageLists ? linkageEntries(result, artifact.formats, linkage) : []
      }
      if (result.status === 'blocked') {
        entry.blockedBy = result.blockedBy.map(b => ({ package: b.pkg.name, target: b.target.name, kind: b.target.kind, mode: b.mode }))
      }
      if (artifact?.formats && crateType !== 'staticlib') {
        entry.runtimeLibraries = result.runtimeLibraries
        entry.rpath = unit.rpath
      }
      out.push(entry)
    }
  }
  return out
}

/**
 * The same crate linked the same way is one shared, frozen entry in every artifact: a 10,000-package
 * workspace has millions of (artifact, crate) pairs but only thousands of distinct entries.
 */
function linkageEntries(result: UnitResult, formats: NonNullable<UnitResult['artifacts'][number]['formats']>, linkage: LinkageResult): LinkageEntry[] {
  let interned = entriesOf.get(linkage)
  if (interned === undefined) entriesOf.set(linkage, (interned = new Map()))
  // Sized once: a large workspace's lists hold hundreds of entries each, and close to a million in all.
  const entries: LinkageEntry[] = new Array(result.crates.length)
  let length = 0
  for (let cnum = 0; cnum < result.crates.length; cnum++) {
    const crate = result.crates[cnum]!
    const how = formats.linkage[cnum] ?? 'not-linked'
    if (how === 'not-linked' && crate.key.startsWith('sys:')) continue
    const via = how === 'included-from-dylib' ? formats.via.get(crate.key) : undefined
    const viaName = via === undefined ? undefined : (linkage.crateNames.get(via)?.name ?? via)
    // A crate is linked in at most a few ways across all artifacts: a short list per crate is enough.
    let variants = interned.get(crate.key)
    if (variants === undefined) interned.set(crate.key, (variants = []))
    let entry: LinkageEntry | undefined
    // Indexed: most of a short run is not optimised, and there `for…of` allocates a result per step.
    for (let v = 0; v < variants.length && entry === undefined; v++) if (variants[v]!.how === how && variants[v]!.via === viaName) entry = variants[v]
    if (entry === undefined) {
      const owner = linkage.crateNames.get(crate.key)?.unit
      entry = Object.freeze({
        crate: crate.name,
        how,
        ...(viaName === undefined ? {} : { via: viaName }),
        ...(owner ? { package: `${owner.pkg.name}@${owner.pkg.version}` } : {})
      })
      variants.push(entry)
    }
    entries[length++] = entry
  }
  entries.length = length
  return entries
}

const entriesOf = new WeakMap<LinkageResult, Map<string, LinkageEntry[]>>()

function compareUnits(a: Unit, b: Unit): number {
  return (
    compareText(a.pkg.name, b.pkg.name) ||
    compareText(a.pkg.version, b.pkg.version) ||
    compareText(a.target.kind, b.target.kind) ||
    compareText(a.target.name, b.target.name) ||
    compareText(a.mode, b.mode) ||
    compareText(a.kind, b.kind) ||
    compareText(a.panic, b.panic) ||
    compareText(crateName(a), crateName(b))
  )
}

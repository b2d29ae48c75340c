import { type Finding, type Locator, type Severity, WITHOUT_HARNESS } from '../findings/finding.js'
import type { LinkageResult } from '../linkage/resolve.js'
import { type BuildContext, commandProfile } from '../model/build-context.js'
import type { CrateType } from '../model/crate-type.js'
import type { WorkspaceFacts } from '../model/facts.js'
import type { Invocation } from '../model/invocation.js'
import type { Metadata } from '../model/metadata.js'
import { type OutputLayout, outputLayout } from '../model/output-layout.js'
import type { Unit, UnitGraph } from '../model/unit-graph.js'
import { type RuleId, ruleInfo } from './registry.js'

/** Everything a rule may look at: the unit graph, its linkage, the inputs, and where to point. */
export interface RuleContext {
  graph: UnitGraph
  linkage: LinkageResult
  metadata: Metadata
  build: BuildContext
  invocation: Invocation
  facts: WorkspaceFacts
  locator: Locator
}

/** A finding before its fingerprint is computed, with its fixes as advice text. */
export type Draft = Omit<Finding, 'fingerprint' | 'fixes'> & { fixes: string[] }

/** The artifact fields and default severity of a finding about `unit`. */
export function base(unit: Unit, rule: RuleId, crateType: CrateType = unit.crateTypes[0] ?? unit.target.crateTypes[0]!) {
  return {
    rule,
    severity: ruleInfo(rule).severity as Severity,
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    mode: unit.mode,
    ...withoutHarness(unit),
    crateType: unit.mode === 'build' ? crateType : ('bin' as const),
    platform: unit.kind
  }
}

/** `harness: false` for a `test`-mode unit of a `harness = false` target, as findings and artifacts carry it. */
export function withoutHarness(unit: Unit): { harness?: false } {
  return lacksHarness(unit) ? { harness: false } : {}
}

/** A `test`-mode unit compiled with `--cfg test` instead of `--test`. */
function lacksHarness(unit: Unit): boolean {
  return unit.mode === 'test' && !unit.harness
}

/** The command that runs the invocation's test harnesses, for messages: `cargo bench` runs its own. */
export function harnessRunner(invocation: Invocation): string {
  return invocation.command === 'bench' ? '`cargo bench`' : '`cargo test`'
}

/**
 * "bin `app`", "dylib `plugin_a`", "test harness of lib `util`", "bench `speed` (without a test harness)", "doc
 * tests of lib `util`".
 */
export function describeUnit(unit: Unit, crateType?: string): string {
  const libTypes = unit.target.kind === 'lib' ? unit.target.crateTypes.join('+') : unit.target.kind
  const noHarness = lacksHarness(unit)
  const what = noHarness ? unit.target.kind : unit.mode === 'test' ? `test harness of ${unit.target.kind}` : unit.mode === 'doctest' ? `doc tests of ${unit.target.kind}` : (crateType ?? libTypes)
  const host = unit.kind === 'host' && unit.target.kind !== 'proc-macro' && unit.target.kind !== 'custom-build' ? ' (built for the host)' : ''
  const name = unit.target.kind === 'custom-build' ? `build script of \`${unit.pkg.name}\`${featureList(unit.features)}` : `${what} \`${unit.target.name}\``
  return `${name}${noHarness ? WITHOUT_HARNESS : ''}${host}`
}

/** A package built with different features for target and host has one build script per feature set. */
function featureList(features: readonly string[]): string {
  if (features.length === 0) return ''
  return ` (with ${features.length === 1 ? 'feature' : 'features'} ${features.map(f => `\`${f}\``).join(', ')})`
}

/** Where the invocation's units write their files under the target directory. */
export function invocationLayout(ctx: Pick<RuleContext, 'metadata' | 'build' | 'invocation'>): OutputLayout {
  const profile = commandProfile(ctx.build, ctx.invocation.command)
  const { workspaceRoot, targetDirectory } = ctx.metadata
  return outputLayout({ workspaceRoot, targetDirectory, buildDirectory: ctx.build.buildDirectory ?? null }, profile.name, ctx.invocation.target !== null)
}

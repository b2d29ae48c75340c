import type { LinkageResult } from '../linkage/resolve.js'
import type { WorkspaceFacts } from '../model/facts.js'
import type { BuildContext, CrateType, Invocation, Metadata, Package } from '../model/types.js'
import type { Unit, UnitGraph } from '../model/unit-graph.js'
import type { FindingReport, RelatedLocation, Severity } from '../report/report.js'
import { ruleInfo, type RuleId } from './registry.js'

/** A file and 1-based line, relative to the workspace root, and other lines involved. */
export interface Location {
  file: string
  line: number
  related?: RelatedLocation[]
}

/** Finds the manifest or config line behind a finding. Implementations read files; rules stay pure. */
export interface Locator {
  /** The `crate-type` line of a package's library (or its `[lib]` table, or the manifest's first line). */
  crateType(unit: Unit): Location
  /** The entry for `dep` in `dependent`'s manifest (the section matching the edge kind). */
  dependency(dependent: Unit, dep: Unit | { pkgName: string; externName: string }, edge: string, platform: string | null): Location
  /** Where a profile setting or flag was set (profile key, config line), or the root manifest. */
  setting(setting: 'panic' | 'lto' | 'rpath' | 'rustflags', unit: Unit): Location
  /** A line of any file, given by its absolute path (a source file, a toolchain file, a config file). */
  file(absolute: string, line: number): Location
  /** The first of `paths` that a package's manifest has (e.g. `['package', 'rust-version']`), else its first line. */
  manifestKey(pkg: Package, ...paths: (string | number)[][]): Location
  /** The entry for the dependency `name` in any dependency table of a package's manifest. */
  dependencyNamed(pkg: Package, name: string): Location
}

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

/** A finding before its fingerprint is computed. */
export type Draft = Omit<FindingReport, 'fingerprint'>

/** The artifact fields and default severity of a finding about `unit`. */
export function base(unit: Unit, rule: RuleId, crateType: CrateType = unit.crateTypes[0] ?? unit.target.crateTypes[0]!) {
  return {
    rule,
    severity: ruleInfo(rule).severity as Severity,
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    mode: unit.mode,
    crateType: unit.mode === 'test' ? ('bin' as const) : crateType,
    platform: unit.kind
  }
}

/** "bin `app`", "dylib `plugin_a`", "test harness of lib `util`". */
export function describeUnit(unit: Unit, crateType?: string): string {
  const libTypes = unit.target.kind === 'lib' ? unit.target.crateTypes.join('+') : unit.target.kind
  const what = unit.mode === 'test' ? `test harness of ${unit.target.kind}` : (crateType ?? libTypes)
  const host = unit.kind === 'host' && unit.target.kind !== 'proc-macro' && unit.target.kind !== 'custom-build' ? ' (built for the host)' : ''
  const name = unit.target.kind === 'custom-build' ? `build script of \`${unit.pkg.name}\`` : `${what} \`${unit.target.name}\``
  return `${name}${host}`
}

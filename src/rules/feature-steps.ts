/**
 * What turned on the optional dependencies a finding's crates come in through, said as the manifest line a
 * user of the repository can change: the `[features]` entry or dependency declaration of a workspace member
 * that asks first, else the command line.
 */
import type { FeatureStep, Location, Locator } from '../findings/finding.js'
import type { FeatureCause } from '../model/features.js'
import type { Metadata } from '../model/metadata.js'
import type { Unit } from '../model/unit-graph.js'

/** The optional edges of a chain of units (each links the next), each with what turned it on. */
export function featureSteps(chain: readonly Unit[], metadata: Metadata, locator: Locator): FeatureStep[] {
  const steps: FeatureStep[] = []
  for (let i = 0; i + 1 < chain.length; i++) {
    const edge = chain[i]!.crates.find(c => c.unit === chain[i + 1])
    if (edge?.activatedBy == null) continue
    steps.push(featureStep(i, edge.activatedBy, metadata, locator))
  }
  return steps
}

/**
 * The step for one optional edge, from its causes (nearest first): the outermost workspace member whose
 * manifest asks, at its entry nearest the edge; the command line when nothing in the repository asks; else the
 * nearest cause.
 */
function featureStep(from: number, causes: readonly FeatureCause[], metadata: Metadata, locator: Locator): FeatureStep {
  const inManifest = (c: FeatureCause): boolean => c.origin.by !== 'command-line'
  const isMember = (c: FeatureCause): boolean => inManifest(c) && metadata.workspaceMembers.includes(c.origin.pkg.id)
  let k = causes.length - 1
  while (k >= 0 && !isMember(causes[k]!)) k--
  // Within that package, the entry nearest the dependency: `audio = ["dep:plugin"]` rather than the
  // `default = ["audio"]` that turns `audio` on.
  while (k > 0 && inManifest(causes[k - 1]!) && causes[k - 1]!.origin.pkg === causes[k]!.origin.pkg) k--
  const root = causes[causes.length - 1]!
  const chosen = k >= 0 ? causes[k]! : root.origin.by === 'command-line' ? root : causes[0]!
  const { origin, value } = chosen
  if (origin.by === 'command-line') return { from, by: 'command-line', package: origin.pkg.name, name: value, text: `--features ${value}` }
  // A feature asked for by name on the command line, not merely by default, is worth saying.
  const asked = root !== chosen && root.origin.by === 'command-line' && root.value !== 'default' ? { commandLine: `--features ${root.value}` } : {}
  if (origin.by === 'feature') {
    const values = origin.pkg.featureMap.get(origin.feature) ?? []
    const text = `${origin.feature} = [${values.map(v => JSON.stringify(v)).join(', ')}]`
    const line = lineOf(locator.manifestKey(origin.pkg, ['features', origin.feature]))
    return { from, by: 'feature', package: origin.pkg.name, name: origin.feature, text, ...line, ...asked }
  }
  const text = value === 'default' ? 'default-features' : `features = [${JSON.stringify(value)}]`
  return { from, by: 'dependency', package: origin.pkg.name, name: origin.nameInToml, text, ...lineOf(locator.dependencyNamed(origin.pkg, origin.nameInToml)), ...asked }
}

function lineOf(location: Location): { file: string; line: number } {
  return { file: location.file, line: location.line }
}

/**
 * Where a finding whose crates come in through `steps` points: the first step's manifest line, with the
 * finding's own location kept as a related line (`ownIs` says what it is; null drops it). Without such a
 * step, the finding's own location.
 */
export function locateByFeature(steps: readonly FeatureStep[], own: Location, ownIs: string | null): Location {
  const step = steps.find(s => s.file !== undefined && s.line !== undefined)
  if (step === undefined) return own
  const related = ownIs === null ? (own.related ?? []) : [{ file: own.file, line: own.line, message: ownIs }, ...(own.related ?? [])]
  return { file: step.file!, line: step.line!, ...(related.length > 0 ? { related } : {}) }
}

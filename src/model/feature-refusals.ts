/**
 * What `cargo build` refuses on the command line's features before it builds anything, in cargo's words: the
 * refusals of `Workspace::members_with_features` and, under resolver "1", of the dependency resolver for the
 * package of the manifest. The features themselves are resolved in `features.ts`.
 */
import { UserError } from '../errors.js'
import { editDistance } from './edit-distance.js'
import {
  allowsNewCliFeatureBehavior,
  collectMatchingFeatures,
  type CommandLineFeatures,
  declaredNames,
  featureValue,
  type FeatureValue,
  featureValueText,
  splitOldFeatures
} from './features.js'
import { memberPackages, type Metadata, type Package } from './metadata.js'
import { pathModuleFor } from './paths.js'

/**
 * The refusals of `Workspace::members_with_features_new` (resolver "2", or cargo run on a virtual root manifest),
 * in cargo's words: features for a `-p` that names no member (`cannot specify features for packages outside
 * of workspace`), and features none of the selected members has (`report_unknown_features_error`), with
 * cargo's help: the other members that have them, else similarly named features. Resolver "1" on a package's
 * manifest gives unknown features to that package, whose resolve refuses them; `cargo metadata` does that
 * before the analysis starts, except for a `member/feature` it gives the member (`refuseMissingDependencies`).
 */
export function checkCommandLineFeatures(metadata: Metadata, selected: readonly Package[], cli: CommandLineFeatures): void {
  if (!allowsNewCliFeatureBehavior(cli)) return refuseMissingDependencies(metadata, selected, cli)
  if (selected.length === 0) {
    // Cargo 1.97 adds a similarly named member as help (rust-lang/cargo@d4660ffff); the line is the same.
    if (cli.features.length > 0 || cli.allFeatures || cli.noDefaultFeatures) throw new UserError('cannot specify features for packages outside of workspace')
    return
  }
  if (cli.features.length === 0) return
  const requested = uniqueFeatureValues(cli.features)
  const found = new Set<string>()
  for (const member of selected) collectMatchingFeatures(member, requested, found)
  const unknown = requested.map(featureValueText).filter(text => !found.has(text)).sort()
  if (unknown.length === 0) return
  const these = unknown.length === 1 ? 'this feature' : 'these features'
  const lines = [
    selected.length === 1
      ? `the package '${selected[0]!.name}' does not contain ${these}: ${unknown.join(', ')}`
      : `none of the selected packages contains ${these}: ${unknown.join(', ')}`
  ]
  if (selected.length !== 1) lines.push(`selected packages: ${selected.map(m => m.name).join(', ')}`)
  const members = memberPackages(metadata)
  const others = members.filter(m => !selected.includes(m) && unknown.some(f => m.featureMap.has(f))).map(m => m.name)
  if (others.length > 0) {
    lines.push(`help: package${others.length !== 1 ? 's' : ''} with the missing feature${unknown.length !== 1 ? 's' : ''}: ${others.join(', ')}`)
  } else {
    const suggestions = spellingSuggestions(selected, requested.filter(fv => !found.has(featureValueText(fv))), requested)
    if (suggestions.length > 0) {
      lines.push(`help: there ${suggestions.length === 1 ? 'is a similarly named feature' : 'are similarly named features'}: ${suggestions.join(', ')}`)
    }
  }
  throw new UserError(lines.join('; '))
}

/** The command line's features as cargo's `CliFeatures` keeps them: a set. */
function uniqueFeatureValues(features: readonly string[]): FeatureValue[] {
  const byText = new Map<string, FeatureValue>()
  for (const text of features) {
    const fv = featureValue(text)
    byText.set(featureValueText(fv), fv)
  }
  return [...byText.values()]
}

/**
 * `missing_feature_spelling_suggestions`: for each unknown feature, the selected members' features and
 * optional dependencies within an edit distance of 3; for `dep/feature`, the features the members' declarations
 * of a similarly named dependency ask for, and the similarly named optional dependencies and features of a
 * similarly named member. At most five, sorted, none of them already requested.
 */
function spellingSuggestions(selected: readonly Package[], unknown: readonly FeatureValue[], requested: readonly FeatureValue[]): string[] {
  const near = (a: string, b: string): boolean => editDistance(a, b, 3) !== null
  const declarationFeatures = new Map<string, readonly string[]>()
  for (const member of selected) {
    for (const d of member.declarations) declarationFeatures.set(d.declared.nameInToml, d.declared.features)
  }
  const optionalOf = new Map(selected.map(member => [member, declaredNames(member).optional]))
  const out = new Set<string>()
  for (const fv of unknown) {
    if (fv.kind === 'feature') {
      for (const member of selected) {
        for (const feature of member.featureMap.keys()) if (near(feature, fv.feature)) out.add(feature)
        for (const name of optionalOf.get(member)!) if (near(name, fv.feature)) out.add(name)
      }
    } else if (fv.kind === 'dep-feature') {
      for (const [name, features] of declarationFeatures) {
        if (near(name, fv.depName)) for (const feature of features) if (near(feature, fv.depFeature)) out.add(`${name}/${feature}`)
      }
      for (const member of selected) {
        if (!near(member.name, fv.depName)) continue
        for (const name of optionalOf.get(member)!) if (near(name, fv.depName)) out.add(`${member.name}/${name}`)
        for (const feature of member.featureMap.keys()) if (near(feature, fv.depFeature)) out.add(`${member.name}/${feature}`)
      }
    }
  }
  const asked = new Set(requested.map(featureValueText))
  return [...out].filter(s => !asked.has(s)).sort().slice(0, 5)
}

/**
 * Under the old behaviour, the dependency resolver's refusal of a command-line `dep/feature` that the package of
 * the manifest has no dependency for, of any kind (`resolve_features` for a root,
 * `RequirementError::MissingDependency`): a `member/feature` for a member that is not selected lands there.
 * `cargo metadata`, which selects every member, takes it for the member and does not refuse it.
 */
function refuseMissingDependencies(metadata: Metadata, selected: readonly Package[], cli: CommandLineFeatures): void {
  const current = cli.current
  if (current === null || cli.features.length === 0) return
  const members = memberPackages(metadata)
  const { cwdFeatures } = splitOldFeatures(members, current, selected, cli.features.map(featureValue))
  const names = declaredNames(current).names
  const missing = cwdFeatures.find(fv => fv.kind === 'dep-feature' && !names.has(fv.depName))
  if (missing?.kind !== 'dep-feature') return
  const id = `${current.name} v${current.version}${current.source === null ? ` (${pathModuleFor(current.manifestPath).dirname(current.manifestPath)})` : ''}`
  throw new UserError(`package \`${id}\` does not have a dependency named \`${missing.depName}\``)
}

/**
 * Changes a fix makes to the engine's model of the workspace — the metadata, the build context and the
 * invocation — so that the invocation can be analysed again as if the fix had been applied. Pure: each change
 * gives new objects and leaves the model it was given untouched.
 */
import type { BuildContext } from '../model/build-context.js'
import type { CrateType } from '../model/crate-type.js'
import type { Invocation } from '../model/invocation.js'
import type { Metadata, Package } from '../model/metadata.js'
import { optionKey, readRustflags } from '../model/rustc-flags.js'
import type { ProfileSettings, SettingSource } from '../model/profile.js'
import type { TargetInfo } from '../model/target-info.js'

/** What is analysed: the metadata, the build context and the invocation. */
export interface Model {
  metadata: Metadata
  context: BuildContext
  invocation: Invocation
}

/** A profile setting a fix changes, and the value it writes. */
export type ProfileChange = { setting: 'panic'; value: 'unwind' } | { setting: 'lto'; value: 'false' } | { setting: 'rpath'; value: false }

export type ModelChange =
  /** The package's library gets these crate types (`[lib] crate-type`). */
  | { kind: 'crate-types'; pkg: Package; types: CrateType[] }
  /** Only these packages are selected (`-p`). */
  | { kind: 'select'; packages: string[] }
  /** The workspace is selected without these packages (`--workspace --exclude`). */
  | { kind: 'exclude'; packages: string[] }
  /** This feature is no longer asked for on the command line. */
  | { kind: 'drop-feature'; feature: string }
  /** rustflags gain `-C prefer-dynamic`, or lose every codegen option named `option` (`-C <option>[=…]`). */
  | { kind: 'add-prefer-dynamic' }
  | { kind: 'drop-codegen-option'; option: 'prefer-dynamic' | 'panic' | 'lto' }
  /** A setting of the profile the unit is built with. */
  | { kind: 'profile'; profile: 'build' | 'test'; change: ProfileChange }

/** A stable key for a list of changes, to analyse each distinct list once. */
export function changesKey(changes: readonly ModelChange[]): string {
  return JSON.stringify(changes.map(c => (c.kind === 'crate-types' ? { ...c, pkg: c.pkg.id } : c)))
}

export function applyChanges(model: Model, changes: readonly ModelChange[]): Model {
  return changes.reduce(applyChange, model)
}

function applyChange(model: Model, change: ModelChange): Model {
  const { metadata, context, invocation } = model
  switch (change.kind) {
    case 'crate-types': {
      const pkg = metadata.packages.get(change.pkg.id)
      if (!pkg) return model
      const targets = pkg.targets.map(t => (t.kind === 'lib' ? { ...t, crateTypes: [...change.types] } : t))
      const packages = new Map(metadata.packages)
      packages.set(pkg.id, { ...pkg, targets })
      return { ...model, metadata: { ...metadata, packages } }
    }
    case 'select':
      return { ...model, invocation: { ...invocation, packages: [...change.packages], workspace: false, exclude: [] } }
    case 'exclude':
      return { ...model, invocation: { ...invocation, packages: [], workspace: true, exclude: [...invocation.exclude, ...change.packages] } }
    case 'drop-feature':
      return { ...model, invocation: { ...invocation, features: invocation.features.filter(f => f !== change.feature) } }
    case 'add-prefer-dynamic':
      return { ...model, context: withRustflags(context, flags => [...flags, '-C', 'prefer-dynamic']) }
    case 'drop-codegen-option':
      return { ...model, context: withRustflags(context, flags => withoutCodegenOption(flags, change.option)) }
    case 'profile': {
      // The line the fix edits sets the setting of every profile that reads it (`test` inherits `dev`).
      const { setting, value } = change.change
      const edited = context[change.profile === 'build' ? 'profile' : 'testProfile']
      const same = (p: ProfileSettings): boolean => p === edited || sameSource(p.sources[setting], edited.sources[setting])
      const set = (p: ProfileSettings): ProfileSettings => (same(p) ? { ...p, [setting]: value } : p)
      return { ...model, context: { ...context, profile: set(context.profile), testProfile: set(context.testProfile) } }
    }
  }
}

function sameSource(a: SettingSource | undefined, b: SettingSource | undefined): boolean {
  if (a === undefined || b === undefined) return false
  return 'file' in a ? 'file' in b && a.file === b.file && a.line === b.line : 'env' in b && a.env === b.env
}

function withRustflags(context: BuildContext, edit: (flags: string[]) => string[]): BuildContext {
  const info = (t: TargetInfo): TargetInfo => ({ ...t, rustflags: edit(t.rustflags) })
  const target = info(context.target)
  return { ...context, target, host: context.host === context.target ? target : info(context.host) }
}

/**
 * The flags without every `-C <option>[=…]`, read as rustc reads a flag list (`readRustflags`: `-Cx`, `-C x`,
 * `--codegen x`, `_` for `-`). An option that shares its token with others (`-gCopt-level=1`) is left in place.
 */
export function withoutCodegenOption(flags: readonly string[], option: string): string[] {
  const options = readRustflags(flags)
  const dropped = new Set<number>()
  for (const o of options) {
    if (o.name !== '-C' || optionKey(o.value) !== option) continue
    if (options.some(other => other !== o && other.token === o.token)) continue
    dropped.add(o.token)
    if (o.separateValue) dropped.add(o.token + 1)
  }
  return flags.filter((_, i) => !dropped.has(i))
}

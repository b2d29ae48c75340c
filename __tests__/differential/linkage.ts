/**
 * The `linkage` category: the original generator of the differential test (crate types, proc-macros,
 * normal/build/dev dependencies, profile panic/rpath/lto), unchanged, so that its seeds reproduce the
 * same workspaces. `selection` and `rustflags` start from the same graph.
 */
import {
  type DependencySection,
  type GeneratedDependency,
  type GeneratedInvocation,
  type GeneratedPackage,
  type GeneratedProfile,
  type GeneratedWorkspace,
  type LibCrateType,
  type LibraryShape,
  type LtoSetting,
  Rng
} from './workspace-model.js'

/** Crate-type choices for a plain library, with relative weights. */
const LIB_CRATE_TYPES: readonly { value: readonly LibCrateType[]; weight: number }[] = [
  { value: ['lib'], weight: 18 },
  { value: ['rlib'], weight: 8 },
  { value: ['dylib'], weight: 22 },
  { value: ['dylib', 'rlib'], weight: 12 },
  { value: ['cdylib'], weight: 6 },
  { value: ['staticlib'], weight: 6 },
  { value: ['cdylib', 'rlib'], weight: 9 },
  { value: ['staticlib', 'rlib'], weight: 9 }
]

/** Weight of a proc-macro among library packages, against the total of LIB_CRATE_TYPES. */
const PROC_MACRO_WEIGHT = 16

/** A library that other crates can name in `--extern` (has an rlib, a dylib or is a proc-macro). */
export function isLinkable(shape: LibraryShape): boolean {
  return shape.kind === 'proc-macro' || shape.crateTypes.some(t => t === 'lib' || t === 'rlib' || t === 'dylib')
}

function isPlainRlib(shape: LibraryShape): boolean {
  return shape.kind === 'lib' && shape.crateTypes.every(t => t === 'lib' || t === 'rlib')
}

function pickSections(rng: Rng): DependencySection[] {
  const r = rng.next()
  if (r < 0.7) return ['normal']
  if (r < 0.83) return ['build']
  if (r < 0.93) return ['dev']
  return ['normal', 'build']
}

/**
 * The packages and profile of a `linkage` workspace, drawn from `rng`. Other categories (`selection`,
 * `rustflags`) start from the same graph with their own seeds.
 */
export function generateLinkageGraph(rng: Rng): { packages: GeneratedPackage[]; profile: GeneratedProfile } {
  const total = rng.int(2, 7)
  const binCount = total >= 4 && rng.chance(0.35) ? 2 : 1
  const libCount = total - binCount
  const packages: GeneratedPackage[] = []

  const libWeightTotal = LIB_CRATE_TYPES.reduce((sum, c) => sum + c.weight, 0)
  for (let index = 0; index < libCount; index++) {
    const lib: LibraryShape = rng.chance(PROC_MACRO_WEIGHT / (PROC_MACRO_WEIGHT + libWeightTotal))
      ? { kind: 'proc-macro', style: rng.chance(0.5) ? 'function' : 'derive' }
      : { kind: 'lib', crateTypes: rng.weighted(LIB_CRATE_TYPES) }
    const deps: GeneratedDependency[] = []
    for (const dep of packages) {
      if (dep.lib === null) continue
      // Depending on a cdylib- or staticlib-only package is a plain error in the dependent; keep it rare.
      // Plain rlibs are favoured so that diamonds (one rlib inside two dylibs) are common enough.
      const p = !isLinkable(dep.lib) ? 0.1 : isPlainRlib(dep.lib) ? 0.6 : 0.45
      if (rng.chance(p)) deps.push({ package: dep.name, sections: pickSections(rng) })
    }
    const name = lib.kind === 'proc-macro' ? `pm${index}` : `l${index}`
    packages.push({ name, index, lib, bin: false, deps })
  }

  const libPackages = [...packages]
  for (let b = 0; b < binCount; b++) {
    const index = libCount + b
    const ownLib: LibraryShape | null = rng.chance(0.2) ? { kind: 'lib', crateTypes: rng.weighted(LIB_CRATE_TYPES) } : null
    const deps: GeneratedDependency[] = []
    for (const dep of libPackages) {
      if (dep.lib === null) continue
      const p = isLinkable(dep.lib) ? 0.6 : 0.1
      if (rng.chance(p)) deps.push({ package: dep.name, sections: pickSections(rng) })
    }
    if (!deps.some(d => d.sections.includes('normal'))) {
      const linkable = libPackages.filter(p => p.lib !== null && isLinkable(p.lib))
      const target = linkable.length > 0 ? rng.pick(linkable) : rng.pick(libPackages)
      const existing = deps.findIndex(d => d.package === target.name)
      if (existing >= 0) deps.splice(existing, 1)
      deps.push({ package: target.name, sections: ['normal'] })
      deps.sort((x, y) => packageIndex(x.package) - packageIndex(y.package))
    }
    packages.push({ name: `app${index}`, index, lib: ownLib, bin: true, deps })
  }

  const profile: GeneratedProfile = {}
  if (rng.chance(0.15)) profile.panic = 'abort'
  if (rng.chance(0.15)) profile.rpath = true
  if (rng.chance(0.08)) profile.lto = rng.pick<LtoSetting>([true, 'thin', 'fat'])
  return { packages, profile }
}

/** The three invocations of a `linkage` workspace. */
export function linkageInvocations(selectedBin: string): GeneratedInvocation[] {
  return [
    { id: 'workspace', shape: 'workspace', command: 'build', args: ['--workspace'], env: {} },
    { id: 'package', shape: 'package', command: 'build', args: ['-p', selectedBin], env: {} },
    { id: 'prefer-dynamic', shape: 'prefer-dynamic', command: 'build', args: ['--workspace'], env: { RUSTFLAGS: '-C prefer-dynamic' } }
  ]
}

export function generateLinkageWorkspace(seed: number): GeneratedWorkspace {
  const rng = new Rng(seed)
  const { packages, profile } = generateLinkageGraph(rng)
  const binPackages = packages.filter(p => p.bin).map(p => p.name)
  const selectedBin = rng.pick(binPackages)
  return { category: 'linkage', seed, packages, profile, binPackages, selectedBin, resolver: '2', invocations: linkageInvocations(selectedBin) }
}

function packageIndex(name: string): number {
  const match = /(\d+)$/.exec(name)
  if (match === null || match[1] === undefined) throw new Error(`package name without index: ${name}`)
  return Number(match[1])
}

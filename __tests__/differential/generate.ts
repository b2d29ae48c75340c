/**
 * Deterministic generator of small random Cargo workspaces for the differential test.
 *
 * Every workspace is a virtual workspace of path packages forming an acyclic graph. Every declared
 * dependency is used by the code of the section it is declared for (a function call, a macro
 * invocation or a derive), so rustc really needs each one.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'

/** A library crate type as written in `[lib] crate-type`. */
export type LibCrateType = 'lib' | 'rlib' | 'dylib' | 'cdylib' | 'staticlib'

export type MacroStyle = 'function' | 'derive'

export type LibraryShape =
  | { kind: 'lib'; crateTypes: readonly LibCrateType[] }
  | { kind: 'proc-macro'; style: MacroStyle }

export type DependencySection = 'normal' | 'build' | 'dev'

export interface GeneratedDependency {
  /** Name of the depended-upon workspace package (also its crate name: names have no dashes). */
  package: string
  sections: readonly DependencySection[]
}

export interface GeneratedPackage {
  name: string
  /** Position in the workspace; dependencies always point to a lower index. */
  index: number
  lib: LibraryShape | null
  bin: boolean
  deps: readonly GeneratedDependency[]
}

export type LtoSetting = true | 'thin' | 'fat'

export interface GeneratedProfile {
  panic?: 'abort'
  rpath?: true
  lto?: LtoSetting
}

export interface GeneratedWorkspace {
  seed: number
  packages: readonly GeneratedPackage[]
  /** `[profile.dev]` settings; empty for most workspaces. */
  profile: GeneratedProfile
  /** Packages with a `bin` target, in index order. */
  binPackages: readonly string[]
  /** The bin package to select with `-p`. */
  selectedBin: string
}

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

/** mulberry32: small, fast, and identical on every platform. */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  weighted<T>(items: readonly { value: T; weight: number }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0)
    let r = this.next() * total
    for (const item of items) {
      r -= item.weight
      if (r < 0) return item.value
    }
    const last = items[items.length - 1]
    if (last === undefined) throw new Error('weighted pick from an empty list')
    return last.value
  }
}

/** The seeds of `count` workspaces derived from one run seed (stable: workspace i is the same for any count > i). */
export function workspaceSeeds(runSeed: number, count: number): number[] {
  const rng = new Rng(runSeed)
  const seeds: number[] = []
  for (let i = 0; i < count; i++) seeds.push(Math.floor(rng.next() * 0x7fffffff))
  return seeds
}

/** A library that other crates can name in `--extern` (has an rlib, a dylib or is a proc-macro). */
function isLinkable(shape: LibraryShape): boolean {
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

export function generateWorkspace(seed: number): GeneratedWorkspace {
  const rng = new Rng(seed)
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

  const binPackages = packages.filter(p => p.bin).map(p => p.name)
  const selectedBin = rng.pick(binPackages)
  return { seed, packages, profile, binPackages, selectedBin }
}

function packageIndex(name: string): number {
  const match = /(\d+)$/.exec(name)
  if (match === null || match[1] === undefined) throw new Error(`package name without index: ${name}`)
  return Number(match[1])
}

// ---------------------------------------------------------------------------------------------
// Rendering

function tomlString(value: string): string {
  return JSON.stringify(value)
}

function renderRootManifest(ws: GeneratedWorkspace): string {
  const lines = ['[workspace]', `members = [${ws.packages.map(p => tomlString(p.name)).join(', ')}]`, 'resolver = "2"']
  const { panic, rpath, lto } = ws.profile
  if (panic !== undefined || rpath !== undefined || lto !== undefined) {
    lines.push('', '[profile.dev]')
    if (panic !== undefined) lines.push(`panic = ${tomlString(panic)}`)
    if (rpath !== undefined) lines.push('rpath = true')
    if (lto !== undefined) lines.push(`lto = ${lto === true ? 'true' : tomlString(lto)}`)
  }
  return lines.join('\n') + '\n'
}

function renderManifest(pkg: GeneratedPackage): string {
  const lines = ['[package]', `name = ${tomlString(pkg.name)}`, 'version = "0.1.0"', 'edition = "2021"', 'publish = false']
  if (pkg.deps.some(d => d.sections.includes('build'))) lines.push('build = "build.rs"')
  if (pkg.lib !== null) {
    lines.push('', '[lib]', 'path = "src/lib.rs"')
    if (pkg.lib.kind === 'proc-macro') lines.push('proc-macro = true')
    else lines.push(`crate-type = [${pkg.lib.crateTypes.map(tomlString).join(', ')}]`)
  }
  if (pkg.bin) lines.push('', '[[bin]]', `name = ${tomlString(pkg.name)}`, 'path = "src/main.rs"')
  const sections: readonly [DependencySection, string][] = [
    ['normal', 'dependencies'],
    ['build', 'build-dependencies'],
    ['dev', 'dev-dependencies']
  ]
  for (const [section, header] of sections) {
    const deps = pkg.deps.filter(d => d.sections.includes(section))
    if (deps.length === 0) continue
    lines.push('', `[${header}]`)
    for (const d of deps) lines.push(`${d.package} = { path = ${tomlString(`../${d.package}`)} }`)
  }
  return lines.join('\n') + '\n'
}

/** Items and an expression that use a set of dependencies from one crate root (or test module). */
interface Usage {
  items: string[]
  terms: string[]
}

function usageOf(deps: readonly GeneratedPackage[]): Usage {
  const items: string[] = []
  const terms: string[] = []
  for (const dep of deps) {
    const n = dep.index
    if (dep.lib?.kind === 'proc-macro') {
      if (dep.lib.style === 'function') {
        items.push(`${dep.name}::make${n}!();`)
        terms.push(`made${n}()`)
      } else {
        items.push(`#[allow(dead_code)]\n#[derive(${dep.name}::Value${n})]\nstruct Use${n};`)
        terms.push(`Use${n}::value${n}()`)
      }
    } else {
      terms.push(`${dep.name}::f()`)
    }
  }
  return { items, terms }
}

/** Items followed by a blank line, or nothing. */
function separated(items: readonly string[]): string[] {
  return items.length > 0 ? [...items, ''] : []
}

function sum(base: string, terms: readonly string[]): string {
  return [base, ...terms].join(' + ')
}

function depsIn(pkg: GeneratedPackage, section: DependencySection, byName: ReadonlyMap<string, GeneratedPackage>): GeneratedPackage[] {
  return pkg.deps
    .filter(d => d.sections.includes(section))
    .map(d => {
      const dep = byName.get(d.package)
      if (dep === undefined) throw new Error(`unknown dependency ${d.package} of ${pkg.name}`)
      return dep
    })
}

function renderTestModule(devDeps: readonly GeneratedPackage[]): string[] {
  if (devDeps.length === 0) return []
  const usage = usageOf(devDeps)
  return [
    '',
    '#[cfg(test)]',
    'mod tests {',
    ...usage.items.map(item => indent(item)),
    '    #[test]',
    '    fn uses_dev_dependencies() {',
    `        assert!(${sum('0', usage.terms)} > 0);`,
    '    }',
    '}'
  ]
}

function indent(text: string): string {
  return text
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n')
}

function renderLibSource(pkg: GeneratedPackage, shape: LibraryShape, normal: Usage, devDeps: readonly GeneratedPackage[]): string {
  const n = pkg.index
  const lines: string[] = []
  if (shape.kind === 'proc-macro') {
    lines.push('use proc_macro::TokenStream;', '', ...separated(normal.items))
    const value = sum(String(n + 1), normal.terms)
    if (shape.style === 'function') {
      lines.push(
        '#[proc_macro]',
        `pub fn make${n}(_input: TokenStream) -> TokenStream {`,
        `    let value: u32 = ${value};`,
        `    format!("fn made${n}() -> u32 {{ {value} }}").parse().unwrap()`,
        '}'
      )
    } else {
      lines.push(
        `#[proc_macro_derive(Value${n})]`,
        `pub fn derive_value${n}(input: TokenStream) -> TokenStream {`,
        `    let value: u32 = ${value};`,
        '    let mut name = None;',
        '    let mut after_struct = false;',
        '    for token in input {',
        '        let text = token.to_string();',
        '        if after_struct {',
        '            name = Some(text);',
        '            break;',
        '        }',
        '        after_struct = text == "struct";',
        '    }',
        '    let name = name.expect("derive input is a struct");',
        `    format!("impl {name} {{ fn value${n}() -> u32 {{ {value} }} }}").parse().unwrap()`,
        '}'
      )
    }
  } else {
    lines.push(...separated(normal.items), 'pub fn f() -> u32 {', `    ${sum(String(n + 1), normal.terms)}`, '}')
  }
  lines.push(...renderTestModule(devDeps))
  return lines.join('\n') + '\n'
}

function renderMainSource(pkg: GeneratedPackage, normal: Usage, devDeps: readonly GeneratedPackage[]): string {
  const terms = [...normal.terms]
  if (pkg.lib !== null) terms.unshift(`${pkg.name}::f()`)
  return (
    [
      ...separated(normal.items),
      'fn main() {',
      `    let value: u32 = ${sum('0', terms)};`,
      '    println!("value {value}");',
      '}',
      ...renderTestModule(devDeps)
    ].join('\n') + '\n'
  )
}

function renderBuildScript(build: Usage): string {
  return [...separated(build.items), 'fn main() {', `    assert!(std::hint::black_box(${sum('0', build.terms)}) > 0);`, '}'].join('\n') + '\n'
}

/** Every file of the workspace, keyed by path relative to the workspace root (sorted). */
export function renderWorkspace(ws: GeneratedWorkspace): Map<string, string> {
  const files = new Map<string, string>()
  const byName = new Map(ws.packages.map(p => [p.name, p] as const))
  files.set('Cargo.toml', renderRootManifest(ws))
  for (const pkg of ws.packages) {
    files.set(`${pkg.name}/Cargo.toml`, renderManifest(pkg))
    const normal = usageOf(depsIn(pkg, 'normal', byName))
    const dev = depsIn(pkg, 'dev', byName)
    const build = depsIn(pkg, 'build', byName)
    // Cargo gives a package's lib and bin the same dependencies, so both use all of them.
    if (pkg.lib !== null) files.set(`${pkg.name}/src/lib.rs`, renderLibSource(pkg, pkg.lib, normal, dev))
    if (pkg.bin) files.set(`${pkg.name}/src/main.rs`, renderMainSource(pkg, normal, dev))
    if (build.length > 0) files.set(`${pkg.name}/build.rs`, renderBuildScript(usageOf(build)))
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Writes the workspace under `dir` (created if needed) and returns the root manifest path. */
export async function writeWorkspace(ws: GeneratedWorkspace, dir: string): Promise<string> {
  for (const [relative, content] of renderWorkspace(ws)) {
    const file = path.join(dir, relative)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  return path.join(dir, 'Cargo.toml')
}

/** One line per package, for reports: `l2 [dylib,rlib] <- l0, pm1(build)`. */
export function describeWorkspace(ws: GeneratedWorkspace): string[] {
  const lines: string[] = []
  const profile = Object.entries(ws.profile).map(([k, v]) => `${k}=${String(v)}`)
  lines.push(`seed ${ws.seed}${profile.length > 0 ? ` [profile.dev ${profile.join(' ')}]` : ''}`)
  for (const pkg of ws.packages) {
    const targets: string[] = []
    if (pkg.lib?.kind === 'proc-macro') targets.push(`proc-macro(${pkg.lib.style})`)
    else if (pkg.lib) targets.push(`[${pkg.lib.crateTypes.join(',')}]`)
    if (pkg.bin) targets.push('bin')
    const deps = pkg.deps.map(d => (d.sections.length === 1 && d.sections[0] === 'normal' ? d.package : `${d.package}(${d.sections.join('+')})`))
    lines.push(`  ${pkg.name} ${targets.join(' + ')}${deps.length > 0 ? ` <- ${deps.join(', ')}` : ''}`)
  }
  return lines
}

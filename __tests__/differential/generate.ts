/**
 * Deterministic generator of small random Cargo workspaces for the differential test.
 *
 * Every workspace is a virtual workspace of path packages forming an acyclic graph. Every declared
 * dependency is used by the code of the section it is declared for (a function call, a macro
 * invocation or a derive), so rustc really needs each one — except those declared `unnamed`, which
 * no source names. A use of an optional or platform-specific dependency is guarded by the `cfg`
 * under which cargo passes the crate (computed from the feature table), so the workspace compiles
 * whatever features are on.
 *
 * Category `linkage` is the original generator (crate types, proc-macros, normal/build/dev
 * dependencies, profiles); its seeds reproduce the same workspaces as before the other categories
 * existed. The other categories are in `categories.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { generateCategoryWorkspace } from './categories.js'
import { generateLinkageWorkspace } from './linkage.js'
import {
  type Category,
  dependencyGuard,
  type DependencySection,
  type ExtraTarget,
  type TargetFlags,
  type GeneratedDependency,
  type GeneratedInvocation,
  type GeneratedPackage,
  type GeneratedProfile,
  type GeneratedWorkspace,
  type LibraryShape,
  Rng
} from './workspace-model.js'

export * from './workspace-model.js'
export { generateLinkageGraph, isLinkable, linkageInvocations } from './linkage.js'

/** The seeds of `count` workspaces derived from one run seed (stable: workspace i is the same for any count > i). */
export function workspaceSeeds(runSeed: number, count: number): number[] {
  const rng = new Rng(runSeed)
  const seeds: number[] = []
  for (let i = 0; i < count; i++) seeds.push(Math.floor(rng.next() * 0x7fffffff))
  return seeds
}

export interface GenerateOptions {
  /** `linkage` unless given. */
  category?: Category
  /** The host triple (`rustc -vV`): needed by `selection` (`--target`) and `rustflags` (`[target.<host>]`). */
  host?: string
}

export function generateWorkspace(seed: number, options: GenerateOptions = {}): GeneratedWorkspace {
  const category = options.category ?? 'linkage'
  if (category === 'linkage') return generateLinkageWorkspace(seed)
  return generateCategoryWorkspace(seed, category, options.host)
}

// ---------------------------------------------------------------------------------------------
// Rendering

function tomlString(value: string): string {
  return JSON.stringify(value)
}

function tomlArray(values: readonly string[]): string {
  return `[${values.map(tomlString).join(', ')}]`
}

function renderRootManifest(ws: GeneratedWorkspace): string {
  const members = ws.packages.filter(p => p.excluded !== true).map(p => p.name)
  const excluded = ws.packages.filter(p => p.excluded === true).map(p => p.name)
  const lines = ['[workspace]', `members = ${tomlArray(members)}`]
  if (ws.defaultMembers !== undefined) lines.push(`default-members = ${tomlArray(ws.defaultMembers)}`)
  if (excluded.length > 0) lines.push(`exclude = ${tomlArray(excluded)}`)
  if (ws.resolver !== null) lines.push(`resolver = ${tomlString(ws.resolver)}`)
  if (Object.keys(ws.profile).length > 0) lines.push('', ...profileTable('dev', undefined, ws.profile))
  for (const named of ws.profiles ?? []) lines.push('', ...profileTable(named.name, named.inherits, named.settings))
  return lines.join('\n') + '\n'
}

function profileTable(name: string, inherits: string | undefined, { panic, rpath, lto }: GeneratedProfile): string[] {
  const lines = [`[profile.${name}]`]
  if (inherits !== undefined) lines.push(`inherits = ${tomlString(inherits)}`)
  if (panic !== undefined) lines.push(`panic = ${tomlString(panic)}`)
  if (rpath !== undefined) lines.push(`rpath = ${String(rpath)}`)
  if (lto !== undefined) lines.push(`lto = ${typeof lto === 'boolean' ? String(lto) : tomlString(lto)}`)
  return lines
}

function renderCargoConfig(ws: GeneratedWorkspace): string | null {
  const config = ws.rustflagsConfig
  const profiles = (ws.configProfiles ?? []).map(p => profileTable(p.name, p.inherits, p.settings).join('\n'))
  if (config === undefined) return profiles.length === 0 ? null : profiles.join('\n\n') + '\n'
  const tables: string[] = [...profiles]
  if (config.build !== undefined) tables.push(['[build]', `rustflags = ${tomlArray(config.build)}`].join('\n'))
  if (config.host !== undefined) {
    if (ws.host === undefined) throw new Error('a [target.<host>] table needs the host triple')
    tables.push([`[target.${ws.host}]`, `rustflags = ${tomlArray(config.host)}`].join('\n'))
  }
  if (config.cfgUnix !== undefined) tables.push([`[target.'cfg(unix)']`, `rustflags = ${tomlArray(config.cfgUnix)}`].join('\n'))
  return tables.join('\n\n') + '\n'
}

const SECTION_HEADERS: readonly [DependencySection, string][] = [
  ['normal', 'dependencies'],
  ['build', 'build-dependencies'],
  ['dev', 'dev-dependencies']
]

function dependencyLine(dep: GeneratedDependency, byName: ReadonlyMap<string, GeneratedPackage>): string {
  const target = byName.get(dep.package)
  if (target === undefined) throw new Error(`unknown dependency ${dep.package}`)
  const fields: string[] = []
  if (target.packageName !== undefined) fields.push(`package = ${tomlString(target.packageName)}`)
  fields.push(`path = ${tomlString(`../${dep.package}`)}`)
  if (dep.optional === true) fields.push('optional = true')
  if (dep.defaultFeatures === false) fields.push('default-features = false')
  if (dep.features !== undefined) fields.push(`features = ${tomlArray(dep.features)}`)
  return `${dep.package} = { ${fields.join(', ')} }`
}

function extraTargetPath(target: ExtraTarget): string {
  const dir = target.kind === 'example' ? 'examples' : target.kind === 'test' ? 'tests' : 'benches'
  return `${dir}/${target.name}.rs`
}

function flagLines(flags: TargetFlags | undefined): string[] {
  const lines: string[] = []
  if (flags?.test !== undefined) lines.push(`test = ${flags.test}`)
  if (flags?.bench !== undefined) lines.push(`bench = ${flags.bench}`)
  if (flags?.requiredFeatures !== undefined) lines.push(`required-features = ${tomlArray(flags.requiredFeatures)}`)
  return lines
}

function renderManifest(pkg: GeneratedPackage, byName: ReadonlyMap<string, GeneratedPackage>): string {
  const lines = ['[package]', `name = ${tomlString(pkg.packageName ?? pkg.name)}`, `version = ${tomlString(pkg.version ?? '0.1.0')}`, 'edition = "2021"', 'publish = false']
  if (pkg.deps.some(d => d.sections.includes('build'))) lines.push('build = "build.rs"')
  if (pkg.lib !== null) {
    lines.push('', '[lib]', 'path = "src/lib.rs"')
    if (pkg.lib.kind === 'proc-macro') lines.push('proc-macro = true')
    else lines.push(`crate-type = ${tomlArray(pkg.lib.crateTypes)}`)
    lines.push(...flagLines(pkg.libFlags))
  }
  if (pkg.bin) lines.push('', '[[bin]]', `name = ${tomlString(pkg.name)}`, 'path = "src/main.rs"', ...flagLines(pkg.binFlags))
  for (const target of pkg.targets ?? []) {
    lines.push('', `[[${target.kind}]]`, `name = ${tomlString(target.name)}`, `path = ${tomlString(extraTargetPath(target))}`)
    if (target.crateTypes !== undefined) lines.push(`crate-type = ${tomlArray(target.crateTypes)}`)
    if (target.harness === false) lines.push('harness = false')
    lines.push(...flagLines(target.flags))
  }
  if (pkg.features !== undefined && pkg.features.length > 0) {
    lines.push('', '[features]')
    for (const [name, values] of pkg.features) lines.push(`${name} = ${tomlArray(values)}`)
  }
  const platforms = [...new Set(pkg.deps.map(d => d.platform ?? null))].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0))
  for (const platform of platforms) {
    for (const [section, header] of SECTION_HEADERS) {
      const deps = pkg.deps.filter(d => d.sections.includes(section) && (d.platform ?? null) === platform)
      if (deps.length === 0) continue
      lines.push('', platform === null ? `[${header}]` : `[target.'${platform}'.${header}]`)
      for (const d of deps) lines.push(dependencyLine(d, byName))
    }
  }
  return lines.join('\n') + '\n'
}

/** A crate a source names, with the cfg under which it is there (null: always). */
interface CrateUse {
  dep: GeneratedPackage
  guard: string | null
}

/** A value term, added to the sum under its guard. */
interface Term {
  text: string
  guard: string | null
}

/** Items and terms that use a set of dependencies from one crate root (or test module). */
interface Usage {
  items: string[]
  terms: Term[]
}

function guarded(guard: string | null, item: string): string {
  return guard === null ? item : `#[cfg(${guard})]\n${item}`
}

function usageOf(uses: readonly CrateUse[]): Usage {
  const items: string[] = []
  const terms: Term[] = []
  for (const { dep, guard } of uses) {
    const n = dep.index
    if (dep.lib?.kind === 'proc-macro') {
      if (dep.lib.style === 'function') {
        items.push(guarded(guard, `${dep.name}::make${n}!();`))
        terms.push({ text: `made${n}()`, guard })
      } else {
        items.push(guarded(guard, `#[allow(dead_code)]\n#[derive(${dep.name}::Value${n})]\nstruct Use${n};`))
        terms.push({ text: `Use${n}::value${n}()`, guard })
      }
    } else {
      terms.push({ text: `${dep.name}::f()`, guard })
    }
  }
  return { items, terms }
}

/** Items followed by a blank line, or nothing. */
function separated(items: readonly string[]): string[] {
  return items.length > 0 ? [...items, ''] : []
}

function sum(base: string, terms: readonly Term[]): string {
  return [base, ...terms.map(t => t.text)].join(' + ')
}

function unguardedTerms(terms: readonly Term[]): Term[] {
  return terms.filter(t => t.guard === null)
}

function hasGuardedTerms(terms: readonly Term[]): boolean {
  return terms.some(t => t.guard !== null)
}

/** `let value: u32 = base + …;` and one guarded addition per guarded term, unindented. */
function valueStatements(base: string, terms: readonly Term[]): string[] {
  const lines = [`let value: u32 = ${sum(base, unguardedTerms(terms))};`]
  for (const term of terms) if (term.guard !== null) lines.push(`#[cfg(${term.guard})]`, `let value = value + ${term.text};`)
  return lines
}

/**
 * The crates a package's targets of the given sections name, each once, with the cfg under which cargo
 * passes it: a crate declared in several tables is there when any of them applies.
 */
function usesIn(pkg: GeneratedPackage, sections: readonly DependencySection[], byName: ReadonlyMap<string, GeneratedPackage>): CrateUse[] {
  const guards = new Map<string, (string | null)[]>()
  for (const d of pkg.deps) {
    if (d.unnamed === true || !d.sections.some(s => sections.includes(s))) continue
    guards.set(d.package, [...(guards.get(d.package) ?? []), dependencyGuard(pkg, d)])
  }
  return [...guards].map(([name, list]) => {
    const dep = byName.get(name)
    if (dep === undefined) throw new Error(`unknown dependency ${name} of ${pkg.name}`)
    const unique = [...new Set(list)]
    const guard = unique.includes(null) ? null : unique.length === 1 ? (unique[0] as string) : `any(${unique.join(', ')})`
    return { dep, guard }
  })
}

function renderTestModule(devUses: readonly CrateUse[]): string[] {
  if (devUses.length === 0) return []
  const usage = usageOf(devUses)
  const body = hasGuardedTerms(usage.terms) ? [...valueStatements('1', usage.terms), 'assert!(value > 0);'] : [`assert!(${sum('0', usage.terms)} > 0);`]
  return ['', '#[cfg(test)]', 'mod tests {', ...usage.items.map(item => indent(item)), '    #[test]', '    fn uses_dev_dependencies() {', ...body.map(line => `        ${line}`), '    }', '}']
}

function indent(text: string): string {
  return text
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n')
}

/** `pub fn NAME() -> u32` returning `base` plus every term. */
function valueFunction(name: string, base: string, terms: readonly Term[]): string[] {
  if (!hasGuardedTerms(terms)) return [`pub fn ${name}() -> u32 {`, `    ${sum(base, terms)}`, '}']
  return [`pub fn ${name}() -> u32 {`, ...valueStatements(base, terms).map(line => `    ${line}`), '    value', '}']
}

function renderLibSource(pkg: GeneratedPackage, shape: LibraryShape, normal: Usage, devUses: readonly CrateUse[]): string {
  const n = pkg.index
  const lines: string[] = []
  if (shape.kind === 'proc-macro') {
    lines.push('use proc_macro::TokenStream;', '', ...separated(normal.items))
    const value = valueStatements(String(n + 1), normal.terms).map(line => `    ${line}`)
    if (shape.style === 'function') {
      lines.push(
        '#[proc_macro]',
        `pub fn make${n}(_input: TokenStream) -> TokenStream {`,
        ...value,
        `    format!("fn made${n}() -> u32 {{ {value} }}").parse().unwrap()`,
        '}'
      )
    } else {
      lines.push(
        `#[proc_macro_derive(Value${n})]`,
        `pub fn derive_value${n}(input: TokenStream) -> TokenStream {`,
        ...value,
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
    lines.push(...separated(normal.items), ...valueFunction('f', String(n + 1), normal.terms))
  }
  lines.push(...renderTestModule(devUses))
  return lines.join('\n') + '\n'
}

/** The term naming the package's own library from its other targets, if it has a non-proc-macro one. */
function ownLibTerms(pkg: GeneratedPackage): Term[] {
  return pkg.lib !== null && pkg.lib.kind === 'lib' ? [{ text: `${pkg.name}::f()`, guard: null }] : []
}

function renderMainSource(pkg: GeneratedPackage, normal: Usage, devUses: readonly CrateUse[]): string {
  // The bin names its own library whatever its crate types, as the `linkage` generator always did.
  const terms = [...(pkg.lib !== null ? [{ text: `${pkg.name}::f()`, guard: null }] : []), ...normal.terms]
  return (
    [
      ...separated(normal.items),
      'fn main() {',
      ...valueStatements('0', terms).map(line => `    ${line}`),
      '    println!("value {value}");',
      '}',
      ...renderTestModule(devUses)
    ].join('\n') + '\n'
  )
}

function renderBuildScript(build: Usage): string {
  if (build.terms.length === 0) return ['fn main() {', '    println!("cargo:rerun-if-changed=build.rs");', '}'].join('\n') + '\n'
  if (!hasGuardedTerms(build.terms)) {
    return [...separated(build.items), 'fn main() {', `    assert!(std::convert::identity(${sum('0', build.terms)}) > 0);`, '}'].join('\n') + '\n'
  }
  return (
    [...separated(build.items), 'fn main() {', ...valueStatements('1', build.terms).map(line => `    ${line}`), '    assert!(std::convert::identity(value) > 0);', '}'].join('\n') + '\n'
  )
}

/** An example, integration test or bench: names the package's library, its normal and its dev-dependencies. */
function renderExtraTarget(pkg: GeneratedPackage, target: ExtraTarget, uses: readonly CrateUse[]): string {
  const procMacro = target.crateTypes?.[0] === 'proc-macro'
  if (target.namesNothing === true) {
    if (target.kind === 'test') return ['#[test]', 'fn names_nothing() {', '    assert_eq!(1 + 1, 2);', '}'].join('\n') + '\n'
    if (procMacro) return macroExpandingTo([], '7').join('\n') + '\n'
    if (target.crateTypes !== undefined) return ['pub fn example_value() -> u32 {', '    7', '}'].join('\n') + '\n'
    return ['fn main() {', '    println!("names nothing");', '}'].join('\n') + '\n'
  }
  const usage = usageOf(uses)
  const terms = [...ownLibTerms(pkg), ...usage.terms]
  const lines = [...separated(usage.items)]
  if (procMacro) {
    // A proc-macro crate exports its macros only: the value is computed where the macro expands.
    lines.push(...macroExpandingTo(valueStatements('1', terms), 'value'))
  } else if (target.kind === 'example' && target.crateTypes !== undefined) {
    lines.push(...valueFunction('example_value', '1', terms))
  } else if (target.kind === 'test') {
    lines.push('#[test]', 'fn uses_dependencies() {', ...valueStatements('1', terms).map(line => `    ${line}`), '    assert!(value > 0);', '}')
  } else {
    lines.push('fn main() {', ...valueStatements('0', terms).map(line => `    ${line}`), '    println!("value {value}");', '}')
  }
  return lines.join('\n') + '\n'
}

/** A proc-macro crate's one macro, `example_value!()`, which expands to `value` as computed after `statements`. */
function macroExpandingTo(statements: readonly string[], value: string): string[] {
  return [
    'extern crate proc_macro;',
    '',
    '#[proc_macro]',
    'pub fn example_value(_input: proc_macro::TokenStream) -> proc_macro::TokenStream {',
    ...statements.map(line => `    ${line}`),
    `    let value: u32 = ${value};`,
    '    value.to_string().parse().unwrap()',
    '}'
  ]
}

/** Every file of the workspace, keyed by path relative to the workspace root (sorted). */
export function renderWorkspace(ws: GeneratedWorkspace): Map<string, string> {
  const files = new Map<string, string>()
  const byName = new Map(ws.packages.map(p => [p.name, p] as const))
  files.set('Cargo.toml', renderRootManifest(ws))
  const config = renderCargoConfig(ws)
  if (config !== null) files.set('.cargo/config.toml', config)
  for (const pkg of ws.packages) {
    files.set(`${pkg.name}/Cargo.toml`, renderManifest(pkg, byName))
    const normal = usageOf(usesIn(pkg, ['normal'], byName))
    const dev = usesIn(pkg, ['dev'], byName)
    const build = usesIn(pkg, ['build'], byName)
    // Cargo gives a package's lib and bin the same dependencies, so both use all of them.
    if (pkg.lib !== null) files.set(`${pkg.name}/src/lib.rs`, renderLibSource(pkg, pkg.lib, normal, dev))
    if (pkg.bin) files.set(`${pkg.name}/src/main.rs`, renderMainSource(pkg, normal, dev))
    if (pkg.deps.some(d => d.sections.includes('build'))) files.set(`${pkg.name}/build.rs`, renderBuildScript(usageOf(build)))
    const extraUses = usesIn(pkg, ['normal', 'dev'], byName)
    for (const target of pkg.targets ?? []) files.set(`${pkg.name}/${extraTargetPath(target)}`, renderExtraTarget(pkg, target, extraUses))
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

// ---------------------------------------------------------------------------------------------
// Descriptions

/** The invocation as a command line: `cargo test --no-run --workspace` with its variables first. */
export function formatInvocation(invocation: GeneratedInvocation): string {
  const env = Object.entries(invocation.env).map(([key, value]) => `${key}=${/^[\w@%+=:,./-]*$/.test(value) && value !== '' ? value : JSON.stringify(value)}`)
  const command = invocation.command === 'build' ? ['cargo', 'build'] : ['cargo', invocation.command, '--no-run']
  return [...env, ...command, ...invocation.args].join(' ')
}

function describeDependency(d: GeneratedDependency): string {
  const sections = d.sections.length === 1 && d.sections[0] === 'normal' ? '' : `(${d.sections.join('+')})`
  const attributes: string[] = []
  if (d.platform !== undefined) attributes.push(d.platform)
  if (d.optional === true) attributes.push('optional')
  if (d.defaultFeatures === false) attributes.push('default-features=false')
  if (d.features !== undefined) attributes.push(`features=[${d.features.join(',')}]`)
  if (d.unnamed === true) attributes.push('unnamed')
  return `${d.package}${sections}${attributes.length > 0 ? `{${attributes.join('; ')}}` : ''}`
}

function describeExtraTarget(t: ExtraTarget): string {
  const notes: string[] = []
  if (t.crateTypes !== undefined) notes.push(`[${t.crateTypes.join(',')}]`)
  if (t.harness === false) notes.push('harness=false')
  if (t.namesNothing === true) notes.push('names nothing')
  notes.push(...describeFlags(t.flags))
  return `${t.kind} ${t.name}${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`
}

function describeFlags(flags: TargetFlags | undefined): string[] {
  const notes: string[] = []
  if (flags?.test !== undefined) notes.push(`test=${flags.test}`)
  if (flags?.bench !== undefined) notes.push(`bench=${flags.bench}`)
  if (flags?.requiredFeatures !== undefined) notes.push(`required-features=[${flags.requiredFeatures.join(',')}]`)
  return notes
}

/**
 * The workspace in a few lines, enough to rebuild it by hand: settings, then one line per package
 * (`l2 [dylib,rlib] <- l0, pm1(build)`), its features and extra targets, then the invocations.
 */
export function describeWorkspace(ws: GeneratedWorkspace): string[] {
  const lines: string[] = []
  const settings: string[] = []
  const describeProfile = (name: string, inherits: string | undefined, values: GeneratedProfile): string => {
    const entries = [...(inherits === undefined ? [] : [['inherits', inherits]]), ...Object.entries(values)].map(([k, v]) => `${k}=${String(v)}`)
    return `[profile.${name}${entries.length > 0 ? ` ${entries.join(' ')}` : ''}]`
  }
  if (Object.keys(ws.profile).length > 0) settings.push(describeProfile('dev', undefined, ws.profile))
  for (const named of ws.profiles ?? []) settings.push(describeProfile(named.name, named.inherits, named.settings))
  for (const named of ws.configProfiles ?? []) settings.push(`config ${describeProfile(named.name, named.inherits, named.settings)}`)
  if (ws.category !== 'linkage') {
    settings.push(`[resolver ${ws.resolver ?? 'absent'}]`)
    if (ws.defaultMembers !== undefined) settings.push(`[default-members ${ws.defaultMembers.join(',')}]`)
    const config = ws.rustflagsConfig
    if (config !== undefined) {
      const tables: string[] = []
      if (config.build !== undefined) tables.push(`build.rustflags=${JSON.stringify(config.build)}`)
      if (config.host !== undefined) tables.push(`target.${ws.host ?? '<host>'}.rustflags=${JSON.stringify(config.host)}`)
      if (config.cfgUnix !== undefined) tables.push(`target.'cfg(unix)'.rustflags=${JSON.stringify(config.cfgUnix)}`)
      settings.push(`[.cargo/config.toml ${tables.join(' ')}]`)
    }
  }
  lines.push(`seed ${ws.seed}${ws.category === 'linkage' ? '' : ` ${ws.category}`}${settings.length > 0 ? ` ${settings.join(' ')}` : ''}`)
  for (const pkg of ws.packages) {
    const targets: string[] = []
    if (pkg.lib?.kind === 'proc-macro') targets.push(`proc-macro(${pkg.lib.style})`)
    else if (pkg.lib) targets.push([`[${pkg.lib.crateTypes.join(',')}]`, ...describeFlags(pkg.libFlags)].join(' '))
    if (pkg.bin) targets.push(['bin', ...describeFlags(pkg.binFlags)].join(' '))
    const identity = pkg.packageName !== undefined || pkg.version !== undefined ? ` (${pkg.packageName ?? pkg.name} ${pkg.version ?? '0.1.0'})` : ''
    const deps = pkg.deps.map(describeDependency)
    lines.push(`  ${pkg.name}${identity}${pkg.excluded === true ? ' excluded' : ''} ${targets.join(' + ')}${deps.length > 0 ? ` <- ${deps.join(', ')}` : ''}`)
    if (pkg.features !== undefined && pkg.features.length > 0) {
      lines.push(`      features: ${pkg.features.map(([name, values]) => `${name}=[${values.join(',')}]`).join(' ')}`)
    }
    if (pkg.targets !== undefined && pkg.targets.length > 0) lines.push(`      targets: ${pkg.targets.map(describeExtraTarget).join(', ')}`)
  }
  if (ws.category !== 'linkage') for (const inv of ws.invocations) lines.push(`  ${inv.id}: ${formatInvocation(inv)}`)
  return lines
}

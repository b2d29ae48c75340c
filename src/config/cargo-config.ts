/**
 * Cargo's configuration (`.cargo/config.toml` and friends) as data, merged the way cargo 1.95 merges it.
 *
 * Pure: reading the files is `gather/cargo-config.ts`.
 */
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { SettingSource } from '../model/profile.js'
import { parseTomlDocument, type TomlContainer, type TomlDocument, type TomlTable, type TomlValue } from '../toml/document.js'

/**
 * Where a configuration value was defined: a config file and line, an environment variable, or a
 * `--config KEY=VALUE` argument. Precedence, lowest first: file, environment, `--config`.
 */
export type ConfigSource = { file: string; line: number } | { env: string } | { cli: string }

/** A string, number or boolean and where it was defined. */
export interface ConfigScalar {
  kind: 'scalar'
  value: string | number | boolean
  source: ConfigSource
}

/** One array element and where it was defined (merged arrays mix elements from several places). */
export interface ConfigItem {
  value: TomlValue
  source: ConfigSource
}

/** An array, its elements in cargo's order: files (outermost first), then environment, then `--config`. */
export interface ConfigArray {
  kind: 'array'
  items: ConfigItem[]
  /** The highest-precedence definition that contributed. */
  source: ConfigSource
}

export interface ConfigTable {
  kind: 'table'
  entries: Map<string, ConfigNode>
  /** The first definition of the table. */
  source: ConfigSource
}

export type ConfigNode = ConfigScalar | ConfigArray | ConfigTable

/** A string and where it was defined. */
export interface ConfigString {
  value: string
  source: ConfigSource
}

/** A cargo "string or list of strings" value (`StringList`), split and merged. */
export interface ConfigStringList {
  items: ConfigString[]
  /** The highest-precedence definition that contributed. */
  source: ConfigSource
}

/**
 * `build.target`: one target when configured as a string, several when configured as an array
 * (arrays from several files are merged; an empty array means no target).
 */
export type ConfigBuildTarget =
  | { kind: 'single'; target: ConfigString }
  | { kind: 'multi'; targets: ConfigString[]; source: ConfigSource }

/** The merged configuration. */
export interface CargoConfig {
  /** Files that were merged (including `include`d ones), lowest precedence first. */
  files: string[]
  /** Everything from files and `--config`, merged; the environment is not in here. */
  tree: ConfigTable
  buildTarget: ConfigBuildTarget | null
  buildRustflags: ConfigStringList | null
  /**
   * `target.<key>.rustflags` from files and `--config`, keyed by a target triple or a `cfg(...)` string.
   * A triple containing dots is found only when written unquoted (`[target.thumbv8m.main-none-eabi]`),
   * because cargo 1.95 splits the triple into key parts when it looks it up.
   */
  targetRustflags: Map<string, ConfigStringList>
  /** `CARGO_TARGET_<TRIPLE>_RUSTFLAGS`, keyed by the `<TRIPLE>` part as spelled in the variable name. */
  envTargetRustflags: Map<string, ConfigStringList>
  /** `build.rustdocflags`: the flags of `rustdoc`, which compiles doc tests. */
  buildRustdocflags: ConfigStringList | null
  /** `target.<triple>.rustdocflags`, keyed by triple as `targetRustflags` (cargo reads no `cfg(…)` table for them). */
  targetRustdocflags: Map<string, ConfigStringList>
  /** `CARGO_TARGET_<TRIPLE>_RUSTDOCFLAGS`, keyed as `envTargetRustflags`. */
  envTargetRustdocflags: Map<string, ConfigStringList>
  /** The `[profile.<name>]` tables from files and `--config` (profile environment variables are not in here). */
  profiles: Map<string, ConfigTable>
}

/** A config file's contents. */
export interface ConfigFileInput {
  /** Absolute path. */
  path: string
  text: string
}

export interface MergeOptions {
  /** `--config KEY=VALUE` arguments in command-line order (later ones win). */
  cli?: readonly string[]
  /** Texts of files reachable through `include`, by absolute path; a missing entry means the file does not exist. */
  includes?: ReadonlyMap<string, string>
}

/**
 * Candidate config files in cargo's precedence order, highest first: `.cargo/config` then
 * `.cargo/config.toml` in `cwd` and each parent up to the root, then the same two in `cargoHome` unless
 * that directory was already visited. Cargo reads at most one file per directory: the legacy `config`
 * wins when both exist (cargo warns), so a reader takes the first existing file of each directory.
 *
 * Discovery starts at the directory cargo runs in, not at `--manifest-path`.
 */
export function configFilePaths(cwd: string, cargoHome: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  let dir = path.resolve(cwd)
  for (;;) {
    const configDir = path.join(dir, '.cargo')
    out.push(path.join(configDir, 'config'), path.join(configDir, 'config.toml'))
    seen.add(configDir)
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  const home = path.resolve(cwd, cargoHome)
  if (!seen.has(home)) out.push(path.join(home, 'config'), path.join(home, 'config.toml'))
  return out
}

/**
 * Merges config files as cargo does. `files` are the files that exist, in `configFilePaths` order
 * (highest precedence first). A deeper directory wins for scalars; arrays are concatenated with the
 * higher-precedence elements later; tables merge key by key. A file's `include`s sit just below the
 * file itself, later includes above earlier ones. `--config` arguments come last and win.
 */
export function mergeCargoConfig(files: readonly ConfigFileInput[], options: MergeOptions = {}): CargoConfig {
  const loaded: string[] = []
  const root: ConfigTable = { kind: 'table', entries: new Map(), source: { file: files[0]?.path ?? '', line: 0 } }
  const seen = new Set<string>()
  const includes = options.includes ?? new Map<string, string>()

  const load = (file: string, text: string, includedFrom: ConfigSource | null): void => {
    if (seen.has(file)) {
      throw new UserError(`${where(includedFrom)}config \`include\` cycle detected with path \`${file}\``)
    }
    seen.add(file)
    const doc = parseTomlDocument(text, file)
    const table = configTable(doc.value, { file, line: 1 }, (container, key) => ({ file, line: doc.lineIn(container, key) ?? 0 }))
    for (const include of takeIncludes(table, file)) {
      if (seen.has(include.path)) {
        throw new UserError(`${where(include.source)}config \`include\` cycle detected with path \`${include.path}\``)
      }
      const includedText = includes.get(include.path)
      if (includedText === undefined) {
        if (include.optional) continue
        throw new UserError(`${where(include.source)}config include \`${include.written}\` not found (looked for \`${include.path}\`)`)
      }
      load(include.path, includedText, include.source)
    }
    mergeTable(root, table)
    loaded.push(file)
  }

  for (const file of [...files].reverse()) load(file.path, file.text, null)
  for (const arg of options.cli ?? []) mergeTable(root, parseCliOverride(arg))
  return summarise(root, loaded)
}

/** The `include` entries of a parsed file, resolved against the file's directory; removes the key. */
function takeIncludes(table: ConfigTable, file: string): { path: string; written: string; optional: boolean; source: ConfigSource }[] {
  const node = table.entries.get('include')
  if (node === undefined) return []
  table.entries.delete('include')
  if (node.kind !== 'array') {
    throw new UserError(`${where(node.source)}\`include\` must be an array of paths or of tables with a \`path\`, found ${describe(node)}`)
  }
  return node.items.map(item => {
    let written: TomlValue | undefined = item.value
    let optional: TomlValue | undefined = false
    if (typeof item.value === 'object' && !Array.isArray(item.value)) {
      written = item.value.path
      optional = item.value.optional ?? false
    }
    if (typeof written !== 'string' || typeof optional !== 'boolean') {
      throw new UserError(`${where(item.source)}\`include\` entries must be paths or \`{ path = "…", optional = true|false }\``)
    }
    if (!written.endsWith('.toml')) {
      throw new UserError(`${where(item.source)}config include \`${written}\` must be a path ending with \`.toml\``)
    }
    return { path: path.resolve(path.dirname(file), written), written, optional, source: item.source }
  })
}

/** Parses one `--config KEY=VALUE` argument (a TOML dotted key and a value, on one line). */
function parseCliOverride(arg: string): ConfigTable {
  const invalid = (): UserError =>
    new UserError(`--config argument \`${arg}\` is not a \`KEY=VALUE\` TOML expression (e.g. \`profile.release.lto=true\`)`)
  // One line of TOML holds at most one key/value pair; a header (`[a]`) or nothing at all is not an override.
  if (/[\r\n]/.test(arg) || arg.trim().startsWith('[')) throw invalid()
  let doc: TomlDocument
  try {
    doc = parseTomlDocument(arg, '--config')
  } catch {
    throw invalid()
  }
  if (Object.keys(doc.value).length !== 1) throw invalid()
  const source: ConfigSource = { cli: arg }
  return configTable(doc.value, source, () => source)
}

/**
 * A parsed table as a config table, each node with the source `sourceOf` gives for its key or index. Iterative:
 * a table can nest as deep as a key has parts, tens of thousands.
 */
function configTable(value: TomlTable, source: ConfigSource, sourceOf: (container: TomlContainer, key: string | number) => ConfigSource): ConfigTable {
  const top: ConfigTable = { kind: 'table', entries: new Map(), source }
  const pending: [TomlTable, ConfigTable][] = [[value, top]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [from, to] = next
    for (const [key, child] of Object.entries(from)) {
      const at = sourceOf(from, key)
      let node: ConfigNode
      if (Array.isArray(child)) {
        node = { kind: 'array', items: child.map((item, i) => ({ value: item, source: sourceOf(child, i) })), source: at }
      } else if (typeof child === 'object') {
        node = { kind: 'table', entries: new Map(), source: at }
        pending.push([child, node])
      } else {
        node = { kind: 'scalar', value: child, source: at }
      }
      to.entries.set(key, node)
    }
  }
  return top
}

/**
 * Visits the entries of a config table depth-first, in order. `keys` is the path of the entry, valid only during
 * the call; `visit` returns true to descend into a table. Iterative: tables can nest tens of thousands deep.
 */
export function walkConfig(table: ConfigTable, visit: (keys: readonly string[], node: ConfigNode) => boolean): void {
  const keys: string[] = []
  const stack = [table.entries.entries()]
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next()
    if (next.done) {
      stack.pop()
      keys.pop()
      continue
    }
    const [key, node] = next.value
    keys.push(key)
    if (visit(keys, node) && node.kind === 'table') stack.push(node.entries.entries())
    else keys.pop()
  }
}

const RANK = { file: 0, env: 1, cli: 2 } as const

/** The precedence class of a source: files < environment < `--config`. */
export function sourceRank(source: ConfigSource): number {
  return 'file' in source ? RANK.file : 'env' in source ? RANK.env : RANK.cli
}

/** Merges `higher` (higher precedence) into `lower` in place. */
function mergeTable(lower: ConfigTable, higher: ConfigTable): void {
  // receivers[d]: the table of `lower` that takes the entries of `higher` at depth d.
  const receivers = [lower]
  walkConfig(higher, (keys, node) => {
    const receiver = receivers[keys.length - 1]!
    const key = keys[keys.length - 1]!
    const existing = receiver.entries.get(key)
    if (existing?.kind === 'table' && node.kind === 'table') {
      receivers[keys.length] = existing
      return true
    }
    receiver.entries.set(key, existing === undefined ? node : mergeLeaf(existing, node, keys))
    return false
  })
}

/** Merges two definitions of a key that are not both tables. */
function mergeLeaf(lower: ConfigNode, higher: ConfigNode, keys: readonly string[]): ConfigNode {
  if (lower.kind === 'array' && higher.kind === 'array') {
    return { kind: 'array', items: sortByRank([...lower.items, ...higher.items]), source: higher.source }
  }
  if (lower.kind !== 'scalar' || higher.kind !== 'scalar') {
    throw new UserError(
      `${where(higher.source)}cannot merge config key \`${keys.join('.')}\`: ${describe(higher)} here, but ${describe(lower)} at ${describeSource(lower.source)}`
    )
  }
  return higher
}

/** Cargo sorts merged lists by where elements were defined: files, then environment, then `--config`. */
function sortByRank<T extends { source: ConfigSource }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => sourceRank(a.item.source) - sourceRank(b.item.source) || a.index - b.index)
    .map(x => x.item)
}

function describe(node: ConfigNode): string {
  if (node.kind === 'table') return 'a table'
  if (node.kind === 'array') return 'an array'
  return `a ${typeof node.value === 'string' ? 'string' : typeof node.value === 'boolean' ? 'boolean' : 'number'}`
}

/** A source as shown in messages: `file:line`, `environment variable X`, or `--config X`. */
export function describeSource(source: ConfigSource): string {
  if ('file' in source) return `${source.file}:${source.line}`
  if ('env' in source) return `environment variable \`${source.env}\``
  return `\`--config ${source.cli}\``
}

/**
 * A config source as a finding location. `SettingSource` has no form for a command-line argument, so a
 * `--config` value is reported as `{ env: '--config KEY=VALUE' }`.
 */
export function settingSource(source: ConfigSource): SettingSource {
  if ('cli' in source) return { env: `--config ${source.cli}` }
  return source
}

/** Message prefix for a source: `file:line: ` for files, otherwise a phrase. */
function where(source: ConfigSource | null): string {
  if (source === null) return ''
  if ('file' in source) return `${source.file}:${source.line}: `
  return `${describeSource(source)}: `
}

/** Looks up a node by key path in the merged tree. */
export function configNode(config: CargoConfig, keys: readonly string[]): ConfigNode | null {
  let node: ConfigNode = config.tree
  for (const key of keys) {
    if (node.kind !== 'table') return null
    const next = node.entries.get(key)
    if (next === undefined) return null
    node = next
  }
  return node
}

/**
 * Reads a cargo `StringList` (`"a b"` or `["a", "b"]`; a string is split on whitespace).
 * Throws a UserError naming the key for any other type.
 */
export function stringListOf(node: ConfigNode, key: string): ConfigStringList {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    return { items: splitWhitespace(node.value).map(value => ({ value, source: node.source })), source: node.source }
  }
  if (node.kind === 'array') {
    const items = node.items.map(item => {
      if (typeof item.value !== 'string') {
        throw new UserError(`${where(item.source)}\`${key}\` must be a string or an array of strings`)
      }
      return { value: item.value, source: item.source }
    })
    return { items, source: node.source }
  }
  throw new UserError(`${where(node.source)}\`${key}\` must be a string or an array of strings, found ${describe(node)}`)
}

function splitWhitespace(text: string): string[] {
  return text.split(/\s+/).filter(s => s !== '')
}

/** Derives the typed views from the merged tree. */
function summarise(tree: ConfigTable, files: string[]): CargoConfig {
  const config: CargoConfig = {
    files,
    tree,
    buildTarget: null,
    buildRustflags: null,
    targetRustflags: new Map(),
    envTargetRustflags: new Map(),
    buildRustdocflags: null,
    targetRustdocflags: new Map(),
    envTargetRustdocflags: new Map(),
    profiles: new Map()
  }
  const rustflags = configNode(config, ['build', 'rustflags'])
  if (rustflags) config.buildRustflags = stringListOf(rustflags, 'build.rustflags')
  const rustdocflags = configNode(config, ['build', 'rustdocflags'])
  if (rustdocflags) config.buildRustdocflags = stringListOf(rustdocflags, 'build.rustdocflags')
  const target = configNode(config, ['build', 'target'])
  if (target) config.buildTarget = buildTargetOf(target)
  const targets = configNode(config, ['target'])
  if (targets?.kind === 'table') collectTargetFlags(targets, 'rustflags', config.targetRustflags)
  if (targets?.kind === 'table') collectTargetFlags(targets, 'rustdocflags', config.targetRustdocflags)
  const profiles = configNode(config, ['profile'])
  if (profiles) {
    if (profiles.kind !== 'table') throw new UserError(`${where(profiles.source)}\`profile\` must be a table`)
    for (const [name, table] of profiles.entries) {
      if (table.kind !== 'table') throw new UserError(`${where(table.source)}\`profile.${name}\` must be a table`)
      config.profiles.set(name, table)
    }
  }
  return config
}

function buildTargetOf(node: ConfigNode): ConfigBuildTarget | null {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    return { kind: 'single', target: { value: node.value, source: node.source } }
  }
  if (node.kind === 'array') {
    const targets: ConfigString[] = []
    for (const item of node.items) {
      if (typeof item.value !== 'string') throw new UserError(`${where(item.source)}\`build.target\` must be a string or an array of strings`)
      // Cargo builds each distinct target once.
      if (!targets.some(t => t.value === item.value)) targets.push({ value: item.value, source: item.source })
    }
    return targets.length === 0 ? null : { kind: 'multi', targets, source: node.source }
  }
  throw new UserError(`${where(node.source)}\`build.target\` must be a string or an array of strings, found ${describe(node)}`)
}

/**
 * Collects `target.<key>.rustflags` (or `rustdocflags`). `cfg(...)` keys are taken as written, for rustflags
 * only (cargo 1.95's `rustflags_from_target` reads no `target.'cfg(…)'.rustdocflags`); other keys are triples,
 * which cargo looks up as dotted key paths, so a nested `target.a.b.rustflags` serves the triple `a.b` while a
 * quoted `target."a.b".rustflags` is never consulted.
 */
function collectTargetFlags(table: ConfigTable, name: 'rustflags' | 'rustdocflags', out: Map<string, ConfigStringList>): void {
  walkConfig(table, (keys, node) => {
    if (node.kind !== 'table') return false
    const key = keys[keys.length - 1]!
    const flags = node.entries.get(name)
    if (keys.length === 1 && key.startsWith('cfg(')) {
      if (flags && name === 'rustflags') out.set(key, stringListOf(flags, `target.'${key}'.${name}`))
      return false
    }
    if (key.includes('.')) return false
    if (flags) {
      const triple = keys.join('.')
      out.set(triple, stringListOf(flags, `target.${triple}.${name}`))
    }
    return true
  })
}

/** The environment-variable spelling of a triple or profile name, as in `CARGO_TARGET_<X>_RUSTFLAGS`. */
export function envKeyPart(name: string): string {
  return name.toUpperCase().replace(/[-.]/g, '_')
}

/**
 * Applies the configuration environment variables cargo reads for these keys: `CARGO_BUILD_TARGET`,
 * `CARGO_BUILD_RUSTFLAGS`, `CARGO_TARGET_<TRIPLE>_RUSTFLAGS` and their `RUSTDOCFLAGS` forms. A list-valued
 * key gets the variable's whitespace-separated words appended after the file values and before `--config` values; a string
 * `build.target` (or none) is replaced by `CARGO_BUILD_TARGET` unless it came from `--config`.
 */
export function applyConfigEnv(config: CargoConfig, env: Readonly<Record<string, string | undefined>>): CargoConfig {
  const out: CargoConfig = { ...config, envTargetRustflags: new Map(config.envTargetRustflags), envTargetRustdocflags: new Map(config.envTargetRustdocflags) }

  const rustflags = env.CARGO_BUILD_RUSTFLAGS
  if (rustflags !== undefined) out.buildRustflags = appendEnvList(config.buildRustflags, 'CARGO_BUILD_RUSTFLAGS', rustflags)
  const rustdocflags = env.CARGO_BUILD_RUSTDOCFLAGS
  if (rustdocflags !== undefined) out.buildRustdocflags = appendEnvList(config.buildRustdocflags, 'CARGO_BUILD_RUSTDOCFLAGS', rustdocflags)

  const target = env.CARGO_BUILD_TARGET
  if (target !== undefined) {
    const source: ConfigSource = { env: 'CARGO_BUILD_TARGET' }
    const current = config.buildTarget
    if (current?.kind === 'multi') {
      const targets = [...current.targets]
      for (const value of splitWhitespace(target)) if (!targets.some(t => t.value === value)) targets.push({ value, source })
      out.buildTarget = { kind: 'multi', targets: sortByRank(targets), source: current.source }
    } else if (current === null || sourceRank(current.target.source) < RANK.env) {
      out.buildTarget = target === '' ? null : { kind: 'single', target: { value: target, source } }
    }
  }

  for (const [name, value] of Object.entries(env)) {
    const m = /^CARGO_TARGET_(.+)_RUST(DOC)?FLAGS$/.exec(name)
    if (!m || value === undefined) continue
    ;(m[2] === undefined ? out.envTargetRustflags : out.envTargetRustdocflags).set(m[1]!, appendEnvList(null, name, value))
  }
  return out
}

function appendEnvList(list: ConfigStringList | null, name: string, value: string): ConfigStringList {
  const source: ConfigSource = { env: name }
  const added = splitWhitespace(value).map(v => ({ value: v, source }))
  const items = sortByRank([...(list?.items ?? []), ...added])
  const top = list && sourceRank(list.source) > RANK.env ? list.source : source
  return { items, source: top }
}

/**
 * The `target.<triple>.rustflags` (or `rustdocflags`) list for a triple: the config value (files and `--config`)
 * merged with `CARGO_TARGET_<TRIPLE>_RUSTFLAGS` (`_RUSTDOCFLAGS`), or null when neither is set.
 */
export function tripleRustflags(config: CargoConfig, triple: string, name: 'rustflags' | 'rustdocflags' = 'rustflags'): ConfigStringList | null {
  const [files, env] = name === 'rustflags' ? [config.targetRustflags, config.envTargetRustflags] : [config.targetRustdocflags, config.envTargetRustdocflags]
  const fromConfig = files.get(triple) ?? null
  const fromEnv = env.get(envKeyPart(triple)) ?? null
  if (fromEnv === null) return fromConfig
  if (fromConfig === null) return fromEnv
  const items = sortByRank([...fromConfig.items, ...fromEnv.items])
  const source = sourceRank(fromConfig.source) > RANK.env ? fromConfig.source : fromEnv.source
  return { items, source }
}

/**
 * The one target a single-target analysis should use: `--target` when given, else `build.target`.
 * A `.json` target-spec path is resolved as cargo resolves it (relative to the directory holding the
 * `.cargo` directory of the file that set it, or to `cwd` for environment and `--config` values).
 *
 * Cargo builds every target of a `build.target` array separately and each may link differently, so
 * picking one would silently analyse part of the build: several targets are a UserError asking for
 * `--target`. A one-element array is the same as a string.
 */
export function requestedTarget(config: CargoConfig, cliTarget: string | null, cwd: string): string | null {
  if (cliTarget !== null) return cliTarget.endsWith('.json') ? path.resolve(cwd, cliTarget) : cliTarget
  const bt = config.buildTarget
  if (bt === null) return null
  if (bt.kind === 'single') return resolveTargetPath(bt.target, cwd)
  if (bt.targets.length === 1) return resolveTargetPath(bt.targets[0]!, cwd)
  const listed = bt.targets.map(t => `\`${t.value}\` (${describeSource(t.source)})`).join(', ')
  throw new UserError(`build.target lists ${bt.targets.length} targets: ${listed}; this analysis covers one target at a time, pass --target to choose one`)
}

function resolveTargetPath(target: ConfigString, cwd: string): string {
  if (!target.value.endsWith('.json')) return target.value
  return path.resolve(configRelativeBase(target.source, cwd), target.value)
}

/** What a path in cargo's configuration is relative to (`Definition::root`): the directory holding its file's `.cargo` directory, else the working directory. */
function configRelativeBase(source: ConfigSource, cwd: string): string {
  return 'file' in source ? configFileRoot(source.file) : cwd
}

/** The directory holding a configuration file's `.cargo` directory: what paths in that file are relative to. */
export function configFileRoot(file: string): string {
  return path.dirname(path.dirname(file))
}

/** The build's directories where the environment or configuration moves them, absolute; null where they do not. */
export interface BuildDirectories {
  /** Where final artifacts go (`CARGO_TARGET_DIR`, `build.target-dir`); null: the workspace's `target/`. */
  targetDir: string | null
  /**
   * Where intermediate artifacts go, test harnesses among them (`build.build-dir`, cargo 1.91 and later); null:
   * the target directory. `{workspace-root}` and `{cargo-cache-home}` are filled in; `{workspace-path-hash}`
   * (a hash of the manifest's real path) is left as written.
   */
  buildDir: string | null
}

/**
 * The directories cargo 1.95 builds in for this configuration and environment (`GlobalContext::target_dir`,
 * `GlobalContext::custom_build_dir`, src/cargo/util/context/mod.rs): `CARGO_TARGET_DIR`, relative to the
 * working directory, else `build.target-dir` (from `--config`, `CARGO_BUILD_TARGET_DIR` or a file); and
 * `build.build-dir` the same way. A path from a file is relative to the directory holding its `.cargo`
 * directory, one from the environment or `--config` to the working directory (`ConfigRelativePath`). An empty
 * value is refused with cargo's words.
 */
export function buildDirectories(
  config: CargoConfig,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  places: { workspaceRoot: string; cargoHome: string; buildDirKnown: boolean }
): BuildDirectories {
  const fromEnv = env.CARGO_TARGET_DIR
  if (fromEnv === '') throw new UserError('the target directory is set to an empty string in the `CARGO_TARGET_DIR` environment variable')
  const targetDir = fromEnv !== undefined ? path.resolve(cwd, fromEnv) : configuredPath(config, env, cwd, 'target-dir')
  if (!places.buildDirKnown) return { targetDir, buildDir: null }
  const template = configuredPath(config, env, cwd, 'build-dir', raw => raw.replaceAll('{workspace-root}', places.workspaceRoot).replaceAll('{cargo-cache-home}', places.cargoHome))
  return { targetDir, buildDir: template }
}

/** `build.<key>` as a path: the highest-precedence of `--config`, `CARGO_BUILD_<KEY>` and the files. */
function configuredPath(config: CargoConfig, env: Readonly<Record<string, string | undefined>>, cwd: string, key: 'target-dir' | 'build-dir', fill = (raw: string) => raw): string | null {
  const variable = `CARGO_BUILD_${envKeyPart(key)}`
  const node = configNode(config, ['build', key])
  let value: ConfigString | null = null
  if (node !== null) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string') throw new UserError(`${where(node.source)}\`build.${key}\` must be a string, found ${describe(node)}`)
    value = { value: node.value, source: node.source }
  }
  const envValue = env[variable]
  if (envValue !== undefined && (value === null || sourceRank(value.source) < RANK.env)) value = { value: envValue, source: { env: variable } }
  if (value === null) return null
  if (value.value === '') {
    throw new UserError(key === 'target-dir' ? `the target directory is set to an empty string in ${definition(value.source)}` : `${where(value.source)}\`build.build-dir\` is an empty path`)
  }
  return path.resolve(configRelativeBase(value.source, cwd), fill(value.value))
}

/** A definition as cargo's `Definition` displays it: the file, `environment variable X`, or `--config cli option`. */
function definition(source: ConfigSource): string {
  if ('file' in source) return source.file
  if ('env' in source) return `environment variable \`${source.env}\``
  return '--config cli option'
}

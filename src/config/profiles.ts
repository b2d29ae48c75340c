/**
 * Cargo profiles: which profile a command uses, and the linkage-relevant settings it resolves to.
 *
 * Per setting, cargo 1.95 takes the first of: `--config profile.<name>.<key>`, the environment variable
 * `CARGO_PROFILE_<NAME>_<KEY>`, `[profile.<name>]` in config files, `[profile.<name>]` in the workspace
 * root manifest; then the same for the profile it inherits from, up to `dev`'s or `release`'s built-in
 * defaults. `test` inherits `dev` and `bench` inherits `release` unless they say otherwise.
 */
import { UserError } from '../errors.js'
import type { Command } from '../model/invocation.js'
import type { LtoSetting, PanicStrategy, ProfileSettings, SettingSource } from '../model/profile.js'
import type { TomlDocument, TomlTable, TomlValue } from '../toml/document.js'
import { type CargoConfig, type ConfigNode, type ConfigSource, describeSource, envKeyPart, settingSource } from './cargo-config.js'

export interface ResolveProfileOptions {
  /** The workspace root manifest (profiles elsewhere are ignored by cargo), or null. */
  manifest: TomlDocument | null
  /** The manifest's path as findings should show it (e.g. repository-relative). */
  manifestFile: string
  config: CargoConfig
  env: Readonly<Record<string, string | undefined>>
}

type Field = 'panic' | 'lto' | 'rpath' | 'inherits'

/** One definition of a profile key, before validation. */
interface RawSetting {
  value: TomlValue
  source: SettingSource
  /** Message prefix naming where it was set (`Cargo.toml:12: `). */
  where: string
  /** The config key (`profile.dev.panic`). */
  key: string
}

const BUILT_IN = new Set(['dev', 'release', 'test', 'bench'])

/** Keys of a profile table, as spelled in `CARGO_PROFILE_<NAME>_<KEY>` (an env-only profile exists if one is set). */
const ENV_KEYS = [
  'OPT_LEVEL', 'LTO', 'CODEGEN_BACKEND', 'CODEGEN_UNITS', 'DEBUG', 'SPLIT_DEBUGINFO', 'DEBUG_ASSERTIONS', 'RPATH',
  'PANIC', 'OVERFLOW_CHECKS', 'INCREMENTAL', 'DIR_NAME', 'STRIP', 'INHERITS', 'TRIM_PATHS', 'RUSTFLAGS', 'FRAME_POINTERS'
]
const ENV_TABLE_PREFIXES = ['PACKAGE_', 'BUILD_OVERRIDE_']

/**
 * The profile cargo 1.95 uses for a command: `main` for ordinary units and `test` for test harnesses.
 *
 * Cargo uses one profile for every unit of a command: `cargo build` → `dev`, `cargo test` → `test`,
 * `cargo bench` → `bench`, `--release` → `release` (also for `cargo test --release`, which does not use
 * `bench`; `cargo bench` has no `--release`), `--profile X` → X.
 * Test harnesses differ only in that cargo forces `panic = "unwind"` on them and on what they link,
 * which the unit graph applies per unit; `main` and `test` are therefore always the same name.
 */
export function profileNameFor(command: Command, release: boolean, profile: string | null): { main: string; test: string } {
  if (release && profile !== null) throw new UserError("the argument '--release' cannot be used with '--profile <PROFILE-NAME>'")
  if (release && command === 'bench') throw new UserError('`--release` is not a flag of `cargo bench`, which uses the `bench` profile (it inherits `release`)')
  const name = profile ?? (release ? 'release' : command === 'bench' ? 'bench' : command === 'test' ? 'test' : 'dev')
  return { main: name, test: name }
}

/**
 * Resolves the linkage-relevant settings (`panic`, `lto`, `rpath`) of a profile. Throws a one-line
 * UserError for an unknown or reserved profile, a custom profile without `inherits`, an unknown parent,
 * an inheritance loop, and invalid values (naming file, line and key).
 *
 * `lto` keeps cargo's distinction between `true` (`-C lto`) and `"fat"` (`-C lto=fat`); both mean fat
 * LTO. The strings cargo treats as off (`"off"`, `"n"`, `"no"`, `"none"`) become `'off'`; the other
 * strings rustc accepts as "yes" (`"y"`, `"yes"`, `"on"`) become `'fat'`, which is what rustc does with them.
 */
export function resolveProfile(name: string, opts: ResolveProfileOptions): ProfileSettings {
  if (name === 'doc') throw new UserError('profile `doc` is reserved and not allowed to be explicitly specified')
  validateProfileName(name, '')
  const layers = new Layers(opts)
  layers.validateAll()

  const chain = [name]
  for (let current = name; current !== 'dev' && current !== 'release'; ) {
    const inherits = layers.get(current, 'inherits')
    let parent: string
    if (inherits !== null) {
      parent = inheritsValue(inherits)
      if (chain.includes(parent)) {
        throw new UserError(`${inherits.where}profile inheritance loop detected with profile \`${current}\` inheriting \`${parent}\``)
      }
      if (!layers.exists(parent)) {
        throw new UserError(`${inherits.where}profile \`${current}\` inherits from \`${parent}\`, but that profile is not defined`)
      }
    } else if (current === 'test' || current === 'bench') {
      parent = current === 'test' ? 'dev' : 'release'
    } else if (!layers.exists(current)) {
      throw new UserError(`profile \`${current}\` is not defined`)
    } else {
      const at = layers.definedAt(current)
      throw new UserError(
        `${at}profile \`${current}\` is missing an \`inherits\` directive (\`inherits\` is required for all profiles except \`dev\` or \`release\`)`
      )
    }
    chain.push(parent)
    current = parent
  }
  const root = chain[chain.length - 1]!
  const rootInherits = layers.get(root, 'inherits')
  if (rootInherits !== null) throw new UserError(`${rootInherits.where}\`inherits\` must not be specified in root profile \`${root}\``)

  const settings: ProfileSettings = { name, panic: 'unwind', lto: 'false', rpath: false, sources: {} }
  const first = (field: Field): RawSetting | null => {
    for (const profile of chain) {
      const found = layers.get(profile, field)
      if (found !== null) return found
    }
    return null
  }
  const panic = first('panic')
  if (panic) {
    settings.panic = panicValue(panic)
    settings.sources.panic = panic.source
  }
  const lto = first('lto')
  if (lto) {
    settings.lto = ltoValue(lto)
    settings.sources.lto = lto.source
  }
  const rpath = first('rpath')
  if (rpath) {
    settings.rpath = rpathValue(rpath)
    settings.sources.rpath = rpath.source
  }
  return settings
}

/** Cargo's profile-name rules (`validate_profile_name`). */
function validateProfileName(name: string, where: string): void {
  const bad = [...name].find(ch => !/[\p{L}\p{N}_-]/u.test(ch))
  if (name === '' || bad !== undefined) {
    throw new UserError(
      `${where}invalid profile name \`${name}\`: allowed characters are letters, numbers, underscore and hyphen`
    )
  }
  const lower = name.toLowerCase()
  if (lower === 'debug') throw new UserError(`${where}profile name \`debug\` is reserved; the development profile is called \`dev\``)
  if (lower === 'build-override') {
    throw new UserError(`${where}profile name \`build-override\` is reserved; use [profile.<name>.build-override]`)
  }
  const reserved = ['build', 'check', 'clean', 'config', 'fetch', 'fix', 'install', 'metadata', 'package', 'publish', 'report']
  reserved.push('root', 'run', 'rust', 'rustc', 'rustdoc', 'target', 'tmp', 'uninstall')
  if (reserved.includes(lower) || lower.startsWith('cargo')) {
    throw new UserError(`${where}profile name \`${name}\` is reserved; please choose a different name`)
  }
}

/** The manifest, config and environment definitions of profiles. */
class Layers {
  private readonly manifestProfiles: TomlTable | null

  constructor(private readonly opts: ResolveProfileOptions) {
    const profiles = opts.manifest?.value.profile
    if (profiles !== undefined && !isTable(profiles)) {
      throw new UserError(`${this.manifestWhere(['profile'])}\`profile\` must be a table`)
    }
    this.manifestProfiles = profiles ?? null
  }

  /** Whether a profile is built in or defined anywhere. */
  exists(name: string): boolean {
    if (BUILT_IN.has(name)) return true
    if (this.manifestProfile(name) !== undefined || this.opts.config.profiles.has(name)) return true
    const prefix = `CARGO_PROFILE_${envKeyPart(name)}_`
    return Object.entries(this.opts.env).some(
      ([key, value]) =>
        value !== undefined &&
        key.startsWith(prefix) &&
        (ENV_KEYS.includes(key.slice(prefix.length)) || ENV_TABLE_PREFIXES.some(p => key.slice(prefix.length).startsWith(p)))
    )
  }

  /** Where a profile is defined, for messages (`Cargo.toml:12: `), or '' if only in the environment. */
  definedAt(name: string): string {
    const table = this.opts.config.profiles.get(name)
    if (table) return whereOf(table.source)
    if (this.manifestProfile(name) !== undefined) return this.manifestWhere(['profile', name])
    return ''
  }

  /** The highest-precedence definition of one key of one profile (not following `inherits`). */
  get(profile: string, field: Field): RawSetting | null {
    const key = `profile.${profile}.${field}`
    const configNode = this.configNode(profile, field)
    if (configNode && 'cli' in configNode.source) return this.fromConfig(configNode, key)
    const envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`
    const envValue = this.opts.env[envName]
    if (envValue !== undefined) {
      return { value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key }
    }
    if (configNode) return this.fromConfig(configNode, key)
    const table = this.manifestProfile(profile)
    if (table === undefined) return null
    if (!isTable(table)) throw new UserError(`${this.manifestWhere(['profile', profile])}\`profile.${profile}\` must be a table`)
    const value = table[field]
    if (value === undefined) return null
    const path = ['profile', profile, field]
    return { value, source: { file: this.opts.manifestFile, line: this.manifestLine(path) }, where: this.manifestWhere(path), key }
  }

  /**
   * Validates what cargo validates even when unused: every manifest profile (name and values), and the
   * config and environment definitions of the profiles cargo loads (built-ins and manifest profiles).
   */
  validateAll(): void {
    const names = new Set(BUILT_IN)
    for (const name of Object.keys(this.manifestProfiles ?? {})) {
      validateProfileName(name, this.manifestWhere(['profile', name]))
      names.add(name)
    }
    for (const name of names) {
      for (const field of ['panic', 'lto', 'rpath'] as const) {
        for (const raw of this.allDefinitions(name, field)) {
          if (field === 'panic') panicValue(raw)
          else if (field === 'lto') ltoValue(raw)
          else rpathValue(raw)
        }
      }
      for (const raw of this.allDefinitions(name, 'inherits')) inheritsValue(raw)
    }
  }

  private allDefinitions(profile: string, field: Field): RawSetting[] {
    const out: RawSetting[] = []
    const key = `profile.${profile}.${field}`
    const configNode = this.configNode(profile, field)
    if (configNode) out.push(this.fromConfig(configNode, key))
    const envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`
    const envValue = this.opts.env[envName]
    if (envValue !== undefined) out.push({ value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key })
    const table = this.manifestProfile(profile)
    if (isTable(table) && table[field] !== undefined) {
      const path = ['profile', profile, field]
      out.push({ value: table[field], source: { file: this.opts.manifestFile, line: this.manifestLine(path) }, where: this.manifestWhere(path), key })
    }
    return out
  }

  /** `[profile.<name>]` of the manifest; a profile name is the user's, so never a property of a prototype. */
  private manifestProfile(name: string): TomlValue | undefined {
    const profiles = this.manifestProfiles
    return profiles !== null && Object.hasOwn(profiles, name) ? profiles[name] : undefined
  }

  private configNode(profile: string, field: Field): ConfigNode | null {
    return this.opts.config.profiles.get(profile)?.entries.get(field) ?? null
  }

  private fromConfig(node: ConfigNode, key: string): RawSetting {
    const where = whereOf(node.source)
    if (node.kind !== 'scalar') throw new UserError(`${where}invalid \`${key}\`: expected a string or boolean, found ${node.kind === 'table' ? 'a table' : 'an array'}`)
    return { value: node.value, source: settingSource(node.source), where, key }
  }

  private manifestLine(path: string[]): number {
    return this.opts.manifest?.lineOf(path) ?? this.opts.manifest?.lineOf(path.slice(0, -1)) ?? 1
  }

  private manifestWhere(path: string[]): string {
    return `${this.opts.manifestFile}:${this.manifestLine(path)}: `
  }
}

function whereOf(source: ConfigSource): string {
  if ('file' in source) return `${source.file}:${source.line}: `
  return `${describeSource(source)}: `
}

/** How cargo reads a scalar from an environment variable: `true`/`false`, then an integer, else a string. */
function parseEnvScalar(value: string): TomlValue {
  if (value === 'true' || value === 'false') return value === 'true'
  if (/^[+-]?\d+$/.test(value)) return Number(value)
  return value
}

function show(value: TomlValue): string {
  return typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? JSON.stringify(value) : String(value)
}

function panicValue(raw: RawSetting): PanicStrategy {
  if (raw.value === 'unwind' || raw.value === 'abort') return raw.value
  if (raw.value === 'immediate-abort') {
    throw new UserError(`${raw.where}\`${raw.key} = "immediate-abort"\` needs the nightly-only \`panic-immediate-abort\` feature`)
  }
  throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected "unwind" or "abort"`)
}

function ltoValue(raw: RawSetting): LtoSetting {
  const v = raw.value
  if (v === true) return 'true'
  if (v === false) return 'false'
  if (v === 'fat' || v === 'thin') return v
  if (v === 'off' || v === 'n' || v === 'no' || v === 'none') return 'off'
  if (v === 'y' || v === 'yes' || v === 'on') return 'fat'
  throw new UserError(
    `${raw.where}invalid \`${raw.key}\` value ${show(v)}: expected true, false, "fat", "thin" or "off"`
  )
}

function rpathValue(raw: RawSetting): boolean {
  if (typeof raw.value === 'boolean') return raw.value
  throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected true or false`)
}

function inheritsValue(raw: RawSetting): string {
  if (typeof raw.value === 'string') return raw.value
  throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected a profile name`)
}

function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value)
}

/**
 * What of the repository's cargo configuration may reach our own `cargo` runs.
 *
 * `cargo metadata` runs from a directory outside the repository, so cargo reads none of the repository's
 * config files; the keys that only carry data and change its result are passed back with `--config`. Keys
 * that would make cargo run a program the repository chooses are refused (or, for wrappers and `[env]`,
 * left out: they do not change what is analysed).
 */
import * as path from 'node:path'
import { configFileRoot, walkConfig } from './cargo-config.js'
import type { CargoConfig, ConfigNode, ConfigSource } from './cargo-config.js'

export interface ConfigKey {
  /** Dotted key, e.g. `build.rustc-wrapper`. */
  key: string
  source: ConfigSource
}

export interface RepositoryConfigPlan {
  /** `--config KEY=VALUE` arguments carrying the repository's data keys, paths made absolute. */
  args: string[]
  /** Keys naming a program cargo would run: refused unless the repository's configuration is trusted. */
  refused: (ConfigKey & { why: string })[]
  /** Keys left out of our runs because they only change how cargo runs rustc, not what it resolves. */
  ignored: ConfigKey[]
}

/** Tables whose every key is data that changes what `cargo metadata` resolves. */
const DATA_TABLES = ['patch', 'source', 'resolver', 'unstable']
/** Single data keys elsewhere. */
const DATA_KEYS = new Set(['net.offline', 'net.retry', 'net.git-fetch-with-cli', 'registry.default', 'registry.index', 'paths'])
/**
 * Whether a key's value (or, for `paths`, each element) is a path, relative to the directory that holds the
 * `.cargo` directory: `patch.<source>.<name>.path`, `source.<name>.directory` and `.local-registry`, `paths`.
 * Asked of the key's parts, not its dotted form: a source URL or name has dots of its own.
 */
function isPathKey(keys: readonly string[]): boolean {
  const [table, , leaf, detail] = keys
  if (table === 'patch') return keys.length === 4 && detail === 'path'
  if (table === 'source') return keys.length === 3 && (leaf === 'directory' || leaf === 'local-registry')
  return table === 'paths' && keys.length === 1
}

/**
 * Sorts the configuration that came from the repository's files (not from `CARGO_HOME`, which belongs to
 * the runner and which cargo reads itself) into data to pass on, programs to refuse, and keys to leave out.
 */
export function repositoryConfigPlan(
  config: CargoConfig,
  isRepositoryFile: (file: string) => boolean,
  /** Whether a path value (absolute) written in `file` may be passed on: false for a checkout's file naming a place outside it. */
  pathAllowed: (file: string, value: string) => boolean = () => true
): RepositoryConfigPlan {
  const plan: RepositoryConfigPlan = { args: [], refused: [], ignored: [] }
  const fromRepository = (source: ConfigSource): boolean => 'file' in source && isRepositoryFile(source.file)
  // Leaves are scalars and arrays; `env` entries are taken as whole tables.
  walkConfig(config.tree, (keys, node) => {
    if (node.kind === 'table' && !(keys.length === 2 && keys[0] === 'env')) return true
    const key = keys.join('.')
    if (!fromRepository(node.source)) return false
    const refusal = refusedBecause(keys)
    if (refusal !== null) {
      plan.refused.push({ key, source: node.source, why: refusal })
    } else if (key === 'build.rustc-wrapper' || key === 'build.rustc-workspace-wrapper' || keys[0] === 'env') {
      plan.ignored.push({ key, source: node.source })
    } else if (DATA_TABLES.includes(keys[0]!) || DATA_KEYS.has(key) || (keys[0] === 'registries' && (keys[2] === 'index' || keys[2] === 'protocol'))) {
      const outside = pathValues(node, keys).find(p => 'file' in p.source && !pathAllowed(p.source.file, p.path))
      if (outside !== undefined) plan.refused.push({ key, source: outside.source, why: `names \`${outside.path}\`, a directory outside the repository whose manifests cargo would read` })
      else plan.args.push(`${tomlKey(keys)}=${tomlValue(node, keys)}`)
    }
    return false
  })
  return plan
}

const NOT_RUN = 'a program chosen by the repository is not run'

function refusedBecause(keys: readonly string[]): string | null {
  const key = keys.join('.')
  if (key === 'build.rustc') return `names the rustc that cargo runs; ${NOT_RUN}`
  if (keys.at(-1) === 'credential-provider' || key === 'registry.global-credential-providers' || keys[0] === 'credential-alias') {
    return `names a credential provider, a program cargo runs to authenticate; ${NOT_RUN}`
  }
  return null
}

/** The path values of a data key (`patch.*.*.path`, `source.*.directory`, `paths`), made absolute, and where each was written. */
function pathValues(node: ConfigNode, keys: readonly string[]): { path: string; source: ConfigSource }[] {
  if (!isPathKey(keys)) return []
  const values = node.kind === 'scalar' ? [node] : node.kind === 'array' ? node.items : []
  return values.filter(v => typeof v.value === 'string').map(v => ({ path: String(absolutePath(v.source, v.value)), source: v.source }))
}

/** A path value as cargo reads it: relative to the directory that holds the `.cargo` directory of its file. */
function absolutePath(source: ConfigSource, value: unknown): unknown {
  return typeof value === 'string' && 'file' in source && !path.isAbsolute(value) ? path.resolve(configFileRoot(source.file), value) : value
}

/** A dotted TOML key, quoting the parts that are not bare keys (`patch."https://example.com".foo`). */
function tomlKey(keys: readonly string[]): string {
  return keys.map(k => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.')
}

function tomlValue(node: ConfigNode, keys: readonly string[]): string {
  const paths = isPathKey(keys)
  if (node.kind === 'scalar') return toml(paths ? absolutePath(node.source, node.value) : node.value)
  if (node.kind === 'array') return `[${node.items.map(item => toml(paths ? absolutePath(item.source, item.value) : item.value)).join(', ')}]`
  throw new Error(`unexpected table at \`${keys.join('.')}\``)
}

/** A TOML value: JSON's string escapes are valid TOML basic strings. */
function toml(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(toml).join(', ')}]`
  // A table read from TOML has no prototype, hence no `toString`.
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey([k])} = ${toml(v)}`).join(', ')} }`
  return String(value)
}

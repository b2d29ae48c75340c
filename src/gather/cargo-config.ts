/**
 * The cargo configuration files cargo would read, read from disk: the hierarchy above the working directory,
 * `CARGO_HOME`, their `include`s (confined to the repository when there is one), then the environment.
 * Merging and reading the merged configuration are `config/cargo-config.ts`.
 */
import { existsSync, statSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { applyConfigEnv, type CargoConfig, type ConfigFileInput, configFilePaths, mergeCargoConfig } from '../config/cargo-config.js'
import { UserError } from '../errors.js'
import { InputFileError, readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { parseTomlDocument } from '../toml/document.js'

/** Cargo's home: `CARGO_HOME` (a relative one against the working directory, as cargo takes it), else `~/.cargo`. */
export function cargoHomeOf(env: Record<string, string | undefined>): string {
  return env.CARGO_HOME ? path.resolve(env.CARGO_HOME) : path.join(env.HOME ?? env.USERPROFILE ?? os.homedir(), '.cargo')
}

/**
 * Reads and merges the config files cargo would read when run in `cwd` (with their `include`s), then
 * applies the environment. `CARGO_HOME` defaults to `~/.cargo`. `cli` are `--config KEY=VALUE` arguments.
 *
 * With a `scope`, a config file that lies in the repository, and every file such a file includes, is read
 * only if its real path is inside the repository; an include that names a path outside it is refused. The
 * files of the runner (`CARGO_HOME`, parent directories of the checkout) are read as they are.
 */
export function readCargoConfig(cwd: string, env: NodeJS.ProcessEnv, cli: readonly string[] = [], scope: RepositoryScope | null = null): CargoConfig {
  const cargoHome = cargoHomeOf(env)
  const files: ConfigFileInput[] = []
  /** The files read as the repository's: what they include must stay inside it. */
  const ofRepository = new Set<string>()
  const dirsTaken = new Set<string>()
  for (const candidate of configFilePaths(cwd, cargoHome)) {
    const dir = path.dirname(candidate)
    if (dirsTaken.has(dir) || !isFile(candidate)) continue
    dirsTaken.add(dir)
    const within = scopeFor(scope, candidate)
    files.push({ path: candidate, text: readText(candidate, within) })
    if (within !== null) ofRepository.add(candidate)
  }
  const includes = new Map<string, string>()
  const pending = files.map(f => f)
  while (pending.length > 0) {
    const file = pending.pop()!
    const fromRepository = ofRepository.has(file.path)
    for (const include of includeTargets(file)) {
      if (fromRepository && scopeFor(scope, include.path) === null) {
        throw new UserError(
          `${file.path}:${include.line}: config include \`${include.written}\` names a file outside the repository; it is not read (set trust-repository-config to read it)`
        )
      }
      if (includes.has(include.path) || !isFile(include.path)) continue
      const within = fromRepository ? scope : scopeFor(scope, include.path)
      const text = readText(include.path, within)
      includes.set(include.path, text)
      if (within !== null) ofRepository.add(include.path)
      pending.push({ path: include.path, text })
    }
  }
  return applyConfigEnv(mergeCargoConfig(files, { cli, includes }), env)
}

/** Include paths named by a file, for loading; malformed includes are reported by the merge. */
function includeTargets(file: ConfigFileInput): { path: string; written: string; line: number }[] {
  const doc = parseTomlDocument(file.text, file.path)
  const include = doc.value.include
  if (!Array.isArray(include)) return []
  const out: { path: string; written: string; line: number }[] = []
  include.forEach((entry, index) => {
    const written = typeof entry === 'string' ? entry : typeof entry === 'object' && !Array.isArray(entry) ? entry.path : undefined
    if (typeof written === 'string' && written.endsWith('.toml')) {
      out.push({ path: path.resolve(path.dirname(file.path), written), written, line: doc.lineIn(include, index) ?? 1 })
    }
  })
  return out
}

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile()
  } catch {
    return false
  }
}

function readText(p: string, within: RepositoryScope | null): string {
  try {
    return readInputFile(p, 'cargo-config', { within })
  } catch (error) {
    if (error instanceof InputFileError) throw new UserError(`could not read cargo config file ${p}: ${error.reason}`)
    throw error
  }
}

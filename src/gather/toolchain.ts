/** The compiler to run: chosen by name through rustup, from the input, the repository's pin or rustup's default. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../errors.js'
import { childEnvironment } from '../exec/child-env.js'
import { type CommandRunner, processRunner } from '../exec/runner.js'
import { readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { MAX_TOOL_STDOUT_BYTES } from '../limits.js'
import { isAtOrBelow } from '../model/paths.js'
import { findToolchainFile, parseToolchainFile } from '../toolchain/pin.js'
import { parseRustupSettings, toolchainDirectory } from '../toolchain/rustup-settings.js'
import { isExecutable, isFile } from './sources.js'
import { lastLine } from './tools.js'

export interface ToolchainOptions {
  /** The toolchain asked for by name (the action's `rust-toolchain`, the CLI's `+toolchain`), or null. */
  requested: string | null
  /** Where to look for the repository's `rust-toolchain.toml`: the manifest's directory. */
  dir: string
  env: Record<string, string | undefined>
  /** Run a `path` toolchain named by the repository. */
  trustRepositoryConfig?: boolean
  /** The repository: a toolchain file in it is read only if its real path stays inside it (see `RunOptions.scope`). */
  scope?: RepositoryScope | null
  /** Let rustup download a toolchain that is not installed (otherwise `RUSTUP_AUTO_INSTALL=0`). */
  allowInstall?: boolean
  timeoutMs?: number
  runner?: CommandRunner
}

/**
 * The toolchain cargo and rustc run with, always chosen by name through rustup's environment: the one
 * asked for, else the one already in `RUSTUP_TOOLCHAIN`, else the channel the repository pins. A `path`
 * toolchain — a compiler the repository chooses — is refused unless trusted. `RUSTC` is pinned to the
 * absolute path of that toolchain's rustc, so no configuration can substitute another, and `CARGO` to its
 * cargo when it has one.
 */
export async function selectToolchain(options: ToolchainOptions): Promise<Record<string, string>> {
  const runner = options.runner ?? processRunner(options.timeoutMs)
  const env = options.env
  const out: Record<string, string> = options.allowInstall === true ? {} : { RUSTUP_AUTO_INSTALL: '0' }
  let name = options.requested ?? (env.RUSTUP_TOOLCHAIN ? null : undefined)
  if (name === undefined) {
    const pinFile = findToolchainFile(path.resolve(options.dir), isFile)
    const pin = pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, 'toolchain-file', { within: scopeFor(options.scope ?? null, pinFile) }), pinFile)
    if (pin?.kind === 'path') {
      if (options.trustRepositoryConfig !== true) {
        throw new UserError(
          `${pin.file}:${pin.line}: \`toolchain.path\` names the compiler directory \`${pin.path}\`, chosen by the repository; it is not run (set trust-repository-config to allow it, or name a toolchain with rust-toolchain)`
        )
      }
      return out
    }
    name = pin?.channel ?? null
  }
  // Outside the repository, rustup no longer sees its toolchain file, so the pinned channel is named here.
  const rustupEnv = { ...childEnvironment(env, process.platform), ...out, ...(name ? { RUSTUP_TOOLCHAIN: name } : {}) }
  const which = await rustupWhich(runner, rustupEnv)
  if (which.kind === 'no-rustup') {
    if (options.requested !== null) {
      throw new UserError(`the toolchain \`${options.requested}\` is chosen through rustup, but \`rustup\` could not be run; install rustup or leave the toolchain to the runner`)
    }
    return {}
  }
  if (which.kind === 'failed') {
    const what = name ? `the toolchain \`${name}\`` : "rustup's default toolchain"
    throw new UserError(`${what} cannot be used: ${which.reason}; install it before this step${options.allowInstall === true ? '' : ' (or allow rustup to install it)'}`)
  }
  if (name) out.RUSTUP_TOOLCHAIN = name
  if (!env.RUSTC) out.RUSTC = which.rustc
  // The toolchain's own cargo, as rustup's proxy would run it, without the proxy's start-up on every call.
  const cargo = path.join(path.dirname(which.rustc), `cargo${path.extname(which.rustc)}`)
  if (!env.CARGO && isFile(cargo)) out.CARGO = cargo
  return out
}

/**
 * The absolute path of the rustc rustup would run, from a directory no toolchain file applies to: read from
 * rustup's own files when they settle it (`installedRustc`), else asked of `rustup which rustc`.
 */
async function rustupWhich(
  runner: CommandRunner,
  env: Record<string, string>
): Promise<{ kind: 'found'; rustc: string } | { kind: 'no-rustup' } | { kind: 'failed'; reason: string }> {
  const cwd = os.tmpdir()
  const installed = installedRustc(env, cwd)
  if (installed !== null) return { kind: 'found', rustc: installed }
  let result
  try {
    result = await runner.run('rustup', ['which', 'rustc'], { cwd, env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES })
  } catch {
    return { kind: 'no-rustup' }
  }
  const rustc = result.stdout.trim()
  if (result.exitCode !== 0 || !path.isAbsolute(rustc)) return { kind: 'failed', reason: lastLine(result.stderr) || 'rustup which rustc failed' }
  return { kind: 'found', rustc }
}

/**
 * What `rustup which rustc` prints when run from `cwd` with `env`, worked out from rustup's files without
 * starting it (which costs tens of milliseconds on every run): the toolchain `RUSTUP_TOOLCHAIN` names, or
 * else, when no override or toolchain file applies to `cwd`, the default one; its directory as
 * `toolchainDirectory` resolves the name, and a `bin/rustc` in it. Null whenever any of this is not certain
 * (rustup not on `PATH`, a relative or unknown home, settings of another format, a name only rustup can
 * resolve, a toolchain not installed): rustup then answers, and says what is wrong.
 */
export function installedRustc(env: Record<string, string>, cwd: string): string | null {
  if (process.platform === 'win32' || !onPath('rustup', env.PATH)) return null
  const home = 'RUSTUP_HOME' in env ? env.RUSTUP_HOME! : env.HOME ? path.join(env.HOME, '.rustup') : ''
  if (!path.isAbsolute(home)) return null
  const file = path.join(home, 'settings.toml')
  let text
  try {
    text = readInputFile(file, 'toolchain-file')
  } catch {
    return null
  }
  const settings = parseRustupSettings(text, file)
  if (settings === null) return null
  let name = env.RUSTUP_TOOLCHAIN ?? null
  if (name === null) {
    let dir
    try {
      dir = fs.realpathSync(cwd)
    } catch {
      return null
    }
    if (settings.overrides.some(o => isAtOrBelow(o, dir)) || findToolchainFile(dir, isFile) !== null) return null
    name = settings.defaultToolchain
  }
  const directory = name === null ? null : toolchainDirectory(name, settings)
  if (directory === null) return null
  const rustc = path.join(home, 'toolchains', directory, 'bin', 'rustc')
  return isFile(rustc) ? rustc : null
}

/**
 * Whether `spawn` finds `program` on `PATH` in an absolute directory: false too when a relative entry (`.`,
 * an empty one) comes first, since which program that finds depends on the working directory.
 */
function onPath(program: string, searchPath: string | undefined): boolean {
  return findOnPath(program, searchPath) !== null
}

/** Where `spawn` finds `program` on `PATH`, or null when not there or only past a relative entry (see `onPath`). */
export function findOnPath(program: string, searchPath: string | undefined): string | null {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(dir)) return null
    const file = path.join(dir, program)
    if (isExecutable(file)) return file
  }
  return null
}

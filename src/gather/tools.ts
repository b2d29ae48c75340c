/**
 * The programs the analysis runs and the files it reads as cargo would: `cargo metadata` (or a recorded
 * `--metadata-file`), `rustc -vV` and one `rustc --print` probe per target.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CargoConfig } from '../config/cargo-config.js'
import { probeRustflags } from '../config/rustflag-policy.js'
import { resolveRustflags } from '../config/rustflags.js'
import { CommandError, UserError } from '../errors.js'
import { describeCargoFailure, FAULT } from '../exec/cargo-failure.js'
import type { CommandRunner } from '../exec/runner.js'
import { InputFileError, readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { MAX_TOOL_STDOUT_BYTES } from '../limits.js'
import type { CompileKind } from '../model/build-context.js'
import type { Invocation } from '../model/invocation.js'
import type { RustcVersion, TargetInfo } from '../model/target-info.js'
import { parseProbe, parseRustcVersion, probeArgs, toTargetInfo } from '../rustc/probe.js'
import { parseTomlDocument, type TomlDocument } from '../toml/document.js'
import { cargoHomeOf } from './cargo-config.js'
import { refuseRustflags } from './isolation.js'

export function findManifest(cwd: string, metadataFile: string | null): string | null {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'Cargo.toml')
    if (fs.existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) break
  }
  if (metadataFile !== null) return null
  throw new UserError(`could not find \`Cargo.toml\` in \`${cwd}\` or any parent directory; pass \`--manifest-path\``)
}

/** The text of a `--metadata-file`. */
export function readMetadataText(file: string): string {
  try {
    // `--metadata-file /dev/stdin` and `<(cargo metadata …)` are pipes.
    return readInputFile(file, 'metadata', { allowPipe: true })
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(`cannot read metadata file \`${file}\`: ${e.reason}`)
    throw e
  }
}

/** `cargo metadata`'s output, as cargo printed it; the caller parses it (see `analyzeWith`). */
export async function runCargoMetadata(
  runner: CommandRunner,
  cargo: string,
  manifestPath: string,
  inv: Invocation,
  cwd: string,
  env: Record<string, string>,
  configArgs: string[],
  { noDeps = false }: { noDeps?: boolean } = {}
): Promise<string> {
  const args = ['metadata', '--format-version', '1', '--manifest-path', manifestPath, ...configArgs]
  if (noDeps) args.push('--no-deps')
  if (inv.features.length > 0) args.push('--features', inv.features.join(','))
  if (inv.allFeatures) args.push('--all-features')
  if (inv.noDefaultFeatures) args.push('--no-default-features')
  if (inv.locked) args.push('--locked')
  if (inv.offline) args.push('--offline')
  if (inv.frozen) args.push('--frozen')
  // cargo probes rustc with the rustflags it finds (its `TargetInfo`, as in `config/rustflags.ts`) even for
  // `cargo metadata`, whose output does not depend on them (no `--filter-platform`): an empty
  // CARGO_ENCODED_RUSTFLAGS, which cargo reads first, keeps every config file's and variable's flags from it.
  const result = await runner.run(cargo, args, { cwd, env: { ...env, CARGO_ENCODED_RUSTFLAGS: '' } })
  if (result.exitCode !== 0) {
    const context = { exitCode: result.exitCode, offline: inv.offline, frozen: inv.frozen, cwd, cargoHome: cargoHomeOf(env) }
    const failure = describeCargoFailure(result.stderr, context)
    const message = `\`cargo metadata\` failed (exit code ${result.exitCode}): ${failure.message}`
    throw new CommandError(message, cargo, args, result.stderr, FAULT[failure.kind])
  }
  return result.stdout
}

export async function runRustcVersion(runner: CommandRunner, rustc: string, cwd: string, env: Record<string, string>): Promise<RustcVersion> {
  const result = await runner.run(rustc, ['-vV'], { cwd, env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES })
  if (result.exitCode !== 0) {
    throw new CommandError(`\`rustc -vV\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, rustc, ['-vV'], result.stderr)
  }
  return parseRustcVersion(result.stdout)
}

/**
 * One combined probe for a target, with the rustflags cargo settles on for it (see `resolveRustflags`).
 * `triple` selects `target.<triple>` tables; the caller sets the info's triple once `rustc -vV` is known.
 * Unless `trusted`, the flags of each round are refused if any names a file or program (before rustc sees
 * them), and rustc gets only the options that change its answer; the analysis reads the full list.
 */
export async function probeTarget(
  runner: CommandRunner,
  rustc: string,
  cwd: string,
  env: Record<string, string>,
  config: CargoConfig,
  rawEnv: Record<string, string | undefined>,
  kind: CompileKind,
  requested: string | null,
  triple: string,
  trusted: boolean
): Promise<TargetInfo> {
  // The host probe runs without `--target`: that is what the host is.
  const probeTriple = kind === 'host' ? null : requested
  const rustflags = await resolveRustflags({ env: rawEnv, config, kind, requestedTarget: requested, triple }, async (flags, effective) => {
    if (!trusted) refuseRustflags(effective)
    // Reading the null device instead of stdin: writing to a rustc that already exited fails with EPIPE.
    const viaStdin = process.platform === 'win32'
    const args = probeArgs(probeTriple, trusted ? flags : probeRustflags(flags), viaStdin ? '-' : os.devNull)
    const result = await runner.run(rustc, args, { cwd, env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES, ...(viaStdin ? { input: '' } : {}) })
    if (result.exitCode !== 0) {
      throw new CommandError(
        `\`rustc --print\` for ${probeTriple ? `target \`${probeTriple}\`` : 'the host'} failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`,
        rustc,
        args,
        result.stderr
      )
    }
    return parseProbe(result.stdout, result.stderr, probeTriple ?? 'host')
  })
  let entries: string[] = []
  try {
    entries = fs.readdirSync(rustflags.probe.targetLibdir)
  } catch {
    // A target whose standard library is not installed: no std dylib to link against.
  }
  const info = toTargetInfo(triple, rustflags.probe, entries, rustflags.flags)
  info.rustflagsSource = rustflags.source
  if (info.stdDylib !== null) {
    try {
      const dir = path.dirname(fs.realpathSync(path.join(info.targetLibdir, info.stdDylib)))
      if (dir !== path.resolve(info.targetLibdir)) info.stdDylibDir = dir
    } catch {
      // Listed but not resolvable: taken to be where it is listed.
    }
  }
  return info
}


/**
 * A manifest, or null when there is none to read; one that is not a regular file, is too large, or lies in
 * the repository but leads outside it is refused.
 */
export function readToml(file: string, scope: RepositoryScope | null): TomlDocument | null {
  let text: string
  try {
    text = readInputFile(file, 'manifest', { within: scopeFor(scope, file) })
  } catch (e) {
    if (e instanceof InputFileError && e.code !== null) return null
    throw e
  }
  return parseTomlDocument(text, file)
}

/** A manifest or config file's text, or null when it cannot be read (missing, or outside the repository). */
export function readRepositoryText(file: string, scope: RepositoryScope | null): string | null {
  try {
    return readInputFile(file, 'manifest', { within: scopeFor(scope, file) })
  } catch (e) {
    if (e instanceof InputFileError) return null
    throw e
  }
}

export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '')
  const error = lines.find(l => l.startsWith('error'))
  return (error ?? lines[lines.length - 1] ?? 'no output').slice(0, 500)
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs, toCargoArgs } from './cli/args.js'
import { readCargoConfig, requestedTarget, type CargoConfig } from './config/cargo-config.js'
import { profileNameFor, resolveProfile } from './config/profiles.js'
import { resolveRustflags } from './config/rustflags.js'
import { analyze } from './engine.js'
import { CommandError, UserError } from './errors.js'
import { execRunner, type CommandRunner } from './exec/runner.js'
import { createLocator } from './manifest/locator.js'
import { parseMetadata } from './metadata/parse.js'
import type { BuildContext, CompileKind, Invocation, Metadata, RustcVersion, TargetInfo } from './model/types.js'
import { applyGate, type GateInputs } from './policy/gate.js'
import { parseBaseline } from './policy/baseline.js'
import { DEFAULT_POLICY_FILE, parsePolicy } from './policy/policy.js'
import type { FailOn, Report } from './report/report.js'
import { parseProbe, parseRustcVersion, probeArgs, toTargetInfo } from './rustc/probe.js'
import { parseTomlDocument, type TomlDocument } from './toml/document.js'

export interface RunOptions {
  /** `--manifest-path`; null for the `Cargo.toml` cargo would find from `cwd`. */
  manifestPath: string | null
  invocation: Invocation
  /** Read `cargo metadata` output from this file instead of running cargo. */
  metadataFile?: string | null
  configOverrides?: string[]
  env: Record<string, string | undefined>
  cwd: string
  runner?: CommandRunner
}

/** Convenience for tests and scripts: cargo-style flags in, report out. */
export async function runAnalysis(options: {
  manifestPath: string
  args: string[]
  env: Record<string, string | undefined>
  cwd?: string
}): Promise<Report> {
  const cli = parseCliArgs(options.args)
  return analyzeWorkspace({
    manifestPath: options.manifestPath,
    invocation: cli.invocation,
    metadataFile: cli.metadataFile,
    configOverrides: cli.configOverrides,
    env: options.env,
    cwd: options.cwd ?? path.dirname(path.resolve(options.manifestPath))
  })
}

/**
 * Gathers everything cargo would see — `cargo metadata`, `rustc -vV`, one combined `rustc --print` probe
 * per target, the target libdir, `.cargo/config.toml`, profiles — then runs the pure analysis.
 * The rustc probes run while `cargo metadata` is still working.
 */
export async function analyzeWorkspace(options: RunOptions): Promise<Report> {
  const runner = options.runner ?? execRunner
  const env = options.env
  const cwd = path.resolve(options.cwd)
  const config = readCargoConfig(cwd, env, options.configOverrides ?? [])
  const invocation: Invocation = { ...options.invocation }
  invocation.target = requestedTarget(config, invocation.target, cwd)
  const childEnv = childEnvironment(env)
  const tools = { cargo: env.CARGO ?? 'cargo', rustc: env.RUSTC ?? 'rustc' }

  const manifestPath = options.manifestPath !== null ? path.resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null)
  const metadataPromise: Promise<Metadata> = options.metadataFile
    ? readMetadataFile(options.metadataFile)
    : runCargoMetadata(runner, tools.cargo, manifestPath!, invocation, cwd, childEnv)
  // A rejected promise must not go unhandled while the probes are awaited.
  metadataPromise.catch(() => undefined)

  const rustcPromise = runRustcVersion(runner, tools.rustc, cwd, childEnv)
  rustcPromise.catch(() => undefined)
  // The host triple only matters for rustflags tables keyed by triple or cfg; without them, probe at once.
  const needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0)
  const knownTriple = invocation.target ?? (needsHostTriple ? (await rustcPromise).host : null)
  const probe = (kind: CompileKind, triple: string | null) =>
    probeTarget(runner, tools.rustc, cwd, childEnv, config, env, kind, invocation.target, triple ?? '')
  const [rustc, targetInfo, hostInfo] = await Promise.all([
    rustcPromise,
    probe('target', knownTriple),
    invocation.target === null ? null : probe('host', null)
  ])
  targetInfo.triple = invocation.target ?? rustc.host
  if (hostInfo) hostInfo.triple = rustc.host
  const metadata = await metadataPromise

  const rootManifestFile = path.join(metadata.workspaceRoot, 'Cargo.toml')
  const rootManifest = readToml(rootManifestFile)
  const names = profileNameFor(invocation.command, invocation.release, invocation.profile)
  const profileOptions = { manifest: rootManifest, manifestFile: 'Cargo.toml', config, env }
  const context: BuildContext = {
    rustc,
    host: hostInfo ?? targetInfo,
    target: targetInfo,
    profile: resolveProfile(names.main, profileOptions),
    testProfile: resolveProfile(names.test, profileOptions)
  }
  return analyze({
    metadata,
    context,
    invocation,
    currentManifest: manifestPath ?? rootManifestFile,
    locator: createLocator(metadata, context, readToml),
    commandLine: ['cargo', invocation.command, ...toCargoArgs(invocation)],
    sourceUsesCrate
  })
}

/** The environment for cargo and rustc: ours, minus what would make cargo's output differ from a build. */
function childEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  return out
}

function findManifest(cwd: string, metadataFile: string | null): string | null {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'Cargo.toml')
    if (fs.existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) break
  }
  if (metadataFile !== null) return null
  throw new UserError(`could not find \`Cargo.toml\` in \`${cwd}\` or any parent directory; pass \`--manifest-path\``)
}

async function readMetadataFile(file: string): Promise<Metadata> {
  let text: string
  try {
    text = await fs.promises.readFile(file, 'utf8')
  } catch (e) {
    throw new UserError(`cannot read metadata file \`${file}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  return parseMetadata(text, file)
}

async function runCargoMetadata(
  runner: CommandRunner,
  cargo: string,
  manifestPath: string,
  inv: Invocation,
  cwd: string,
  env: Record<string, string>
): Promise<Metadata> {
  const args = ['metadata', '--format-version', '1', '--manifest-path', manifestPath]
  if (inv.features.length > 0) args.push('--features', inv.features.join(','))
  if (inv.allFeatures) args.push('--all-features')
  if (inv.noDefaultFeatures) args.push('--no-default-features')
  if (inv.locked) args.push('--locked')
  if (inv.offline) args.push('--offline')
  if (inv.frozen) args.push('--frozen')
  const result = await runner.run(cargo, args, { cwd, env })
  if (result.exitCode !== 0) {
    throw new CommandError(`\`cargo metadata\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, cargo, args, result.stderr)
  }
  return parseMetadata(result.stdout, 'cargo metadata')
}

async function runRustcVersion(runner: CommandRunner, rustc: string, cwd: string, env: Record<string, string>): Promise<RustcVersion> {
  const result = await runner.run(rustc, ['-vV'], { cwd, env })
  if (result.exitCode !== 0) {
    throw new CommandError(`\`rustc -vV\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, rustc, ['-vV'], result.stderr)
  }
  return parseRustcVersion(result.stdout)
}

/**
 * One combined probe for a target, with the rustflags cargo settles on for it (see `resolveRustflags`).
 * `triple` selects `target.<triple>` tables; the caller sets the info's triple once `rustc -vV` is known.
 */
async function probeTarget(
  runner: CommandRunner,
  rustc: string,
  cwd: string,
  env: Record<string, string>,
  config: CargoConfig,
  rawEnv: Record<string, string | undefined>,
  kind: CompileKind,
  requested: string | null,
  triple: string
): Promise<TargetInfo> {
  // The host probe runs without `--target`: that is what the host is.
  const probeTriple = kind === 'host' ? null : requested
  const rustflags = await resolveRustflags({ env: rawEnv, config, kind, requestedTarget: requested, triple }, async flags => {
    // Reading the null device instead of stdin: writing to a rustc that already exited fails with EPIPE.
    const viaStdin = process.platform === 'win32'
    const args = probeArgs(probeTriple, flags, viaStdin ? '-' : os.devNull)
    const result = await runner.run(rustc, args, viaStdin ? { cwd, env, input: '' } : { cwd, env })
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
  return info
}

/**
 * Whether a target's root source file names a crate (`name::`, `use name`, `extern crate name`). Unreadable
 * sources count as using it: a missed error is worse than a false one here, and cargo metadata recorded on
 * another machine has no sources to read.
 */
function sourceUsesCrate(srcPath: string, crate: string): boolean {
  let text: string
  try {
    text = fs.readFileSync(srcPath, 'utf8')
  } catch {
    return true
  }
  const code = text.replace(/\/\/[^\n]*/g, '')
  return new RegExp(`(^|[^A-Za-z0-9_:])(${crate}::|use\\s+${crate}\\b|extern\\s+crate\\s+${crate}\\b)`).test(code)
}

function readToml(file: string): TomlDocument | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
  return parseTomlDocument(text, file)
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '')
  const error = lines.find(l => l.startsWith('error'))
  return (error ?? lines[lines.length - 1] ?? 'no output').slice(0, 500)
}

export interface GateFiles {
  failOn: FailOn
  /** A policy file given explicitly: it must exist. Relative paths are resolved against `cwd`. */
  policy: string | null
  /** Where to look for the policy when none is given: a path, or `search` for the nearest `.github/rust-linkage.toml`. */
  defaultPolicy: string | 'search' | null
  baseline: string | null
  cwd: string
}

/** Reads the policy and baseline files and applies them to the report. */
export function gateReport(report: Report, files: GateFiles): Report {
  const display = (abs: string): string => {
    const rel = path.relative(files.cwd, abs)
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel
  }
  const policyPath = files.policy !== null ? path.resolve(files.cwd, files.policy) : defaultPolicyPath(report.workspaceRoot, files)
  let policy: GateInputs['policy'] = null
  if (policyPath !== null) {
    const text = readTextFile(policyPath, 'policy file', display(policyPath))
    const file = path.relative(report.workspaceRoot, policyPath).split(path.sep).join('/')
    policy = { policy: parsePolicy(text, display(policyPath)), file }
  }
  const baseline = files.baseline === null ? null : parseBaseline(readTextFile(path.resolve(files.cwd, files.baseline), 'baseline', files.baseline), files.baseline)
  return applyGate(report, { failOn: files.failOn, policy, baseline, today: new Date().toISOString().slice(0, 10) })
}

function defaultPolicyPath(workspaceRoot: string, files: GateFiles): string | null {
  if (files.defaultPolicy === null) return null
  if (files.defaultPolicy !== 'search') {
    const file = path.resolve(files.cwd, files.defaultPolicy)
    return fs.existsSync(file) ? file : null
  }
  // The nearest `.github/rust-linkage.toml` from the workspace root up to the repository root.
  for (let dir = workspaceRoot; ; dir = path.dirname(dir)) {
    const file = path.join(dir, DEFAULT_POLICY_FILE)
    if (fs.existsSync(file)) return file
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null
  }
}

function readTextFile(file: string, what: string, shown: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UserError(`cannot read ${what} \`${shown}\`: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`)
  }
}

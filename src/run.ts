import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs, toCargoArgs } from './cli/args.js'
import { describeSource, readCargoConfig, requestedTarget, settingSource, type CargoConfig } from './config/cargo-config.js'
import { repositoryConfigPlan } from './config/trust.js'
import { profileNameFor, resolveProfile } from './config/profiles.js'
import { probeRustflags, rustflagsRefusal, targetRefusal } from './config/rustflag-policy.js'
import { effectiveRustflags, resolveRustflags, type EffectiveRustflags } from './config/rustflags.js'
import { analyze } from './engine.js'
import { CommandError, UserError } from './errors.js'
import { describeCargoFailure, FAULT } from './exec/cargo-failure.js'
import { childEnvironment } from './exec/child-env.js'
import { cancellable, processRunner, type CommandRunner } from './exec/runner.js'
import { InputFileError, isInsideRepository, readInputFile, scopeFor, type RepositoryScope } from './input-file.js'
import { MAX_SOURCE_FILES, MAX_TOOL_STDOUT_BYTES } from './limits.js'
import { createLocator } from './manifest/locator.js'
import { parseMetadata } from './metadata/parse.js'
import { isBelow } from './model/paths.js'
import type { AllocatorDeclaration, WorkspaceFacts } from './model/facts.js'
import type { BuildContext, CompileKind, Invocation, Metadata, Package, RustcVersion, TargetInfo } from './model/types.js'
import { scanGlobalAllocators } from './toolchain/allocator.js'
import { findToolchainFile, parseToolchainFile } from './toolchain/pin.js'
import { applyGate, type GateInputs } from './policy/gate.js'
import { parseBaseline, type Baseline } from './policy/baseline.js'
import { DEFAULT_POLICY_FILE, parsePolicy, type Policy } from './policy/policy.js'
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
  /** The policy file, for its `exact-toolchain`. */
  policy?: LoadedPolicy | null
  /** How long one cargo or rustc call may take (default `DEFAULT_TIMEOUT_MS`); ignored with `runner`. */
  timeoutMs?: number
  /**
   * Let cargo read the repository's config files itself, wrappers, `build.rustc` and `[env]` included. By
   * default cargo runs outside the repository and gets only the keys that carry data (see `config/trust.ts`).
   */
  trustRepositoryConfig?: boolean
  /**
   * The repository whose files are read on its behalf (the action's workspace): its config files, toolchain
   * file, manifests and sources are read only where their real paths stay inside it (see `RepositoryScope`).
   * Absent or null (the CLI, or a trusted repository), any file is read.
   */
  scope?: RepositoryScope | null
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
  // Whatever still runs when the analysis ends (a probe, after `cargo metadata` failed) is stopped.
  const runner = cancellable(options.runner ?? processRunner(options.timeoutMs))
  const env = options.env
  const cwd = path.resolve(options.cwd)
  const config = readCargoConfig(cwd, env, options.configOverrides ?? [], options.scope ?? null)
  const invocation: Invocation = { ...options.invocation }
  const trusted = options.trustRepositoryConfig === true
  if (!trusted) refuseTarget(config, invocation.target)
  invocation.target = requestedTarget(config, invocation.target, cwd)
  if (!trusted) refuseRustflagsKnownNow(config, env, invocation.target)
  const tools = { cargo: env.CARGO ?? 'cargo', rustc: env.RUSTC ?? 'rustc' }

  const isolation = isolate(config, env, options)
  const childEnv = { ...childEnvironment(env, process.platform), ...isolation.env }
  try {
    return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation })
  } finally {
    runner.cancel()
    if (isolation.dir !== cwd) fs.rmSync(isolation.dir, { recursive: true, force: true })
  }
}

/** A `build.target` from the repository or the environment that names a file; the user's own `--target` wins over it. */
function refuseTarget(config: CargoConfig, userTarget: string | null): void {
  const bt = config.buildTarget
  if (userTarget !== null || bt === null) return
  for (const target of bt.kind === 'single' ? [bt.target] : bt.targets) {
    const refusal = targetRefusal(target)
    if (refusal !== null) throw new UserError(refusal)
  }
}

/**
 * Refuses, before anything runs, the rustflags cargo would use when they can be known without rustc: those of
 * an environment variable, or of the configuration when the target is known or no table is keyed by a target.
 * Otherwise (`target.<host>` or `target.'cfg(…)'` tables) the flags of each round are checked just before
 * the probe that would get them (`probeTarget`). Only the flags in effect are refused, exactly those cargo
 * would pass: a `target.wasm32-unknown-unknown.rustflags` does not stop an analysis for Linux.
 */
function refuseRustflagsKnownNow(config: CargoConfig, env: Record<string, string | undefined>, target: string | null): void {
  const tables = config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0
  const flags = effectiveRustflags({ env, config, kind: 'target', requestedTarget: target, triple: target ?? '', cfg: null })
  if (target !== null || !tables || flags.origin === 'RUSTFLAGS' || flags.origin === 'CARGO_ENCODED_RUSTFLAGS') refuseRustflags(flags)
}

function refuseRustflags(flags: EffectiveRustflags): void {
  const refusal = rustflagsRefusal(flags.flags, flags.flagSettings)
  if (refusal !== null) throw new UserError(refusal)
}

interface Isolation {
  /** Where cargo and rustc run: an empty directory outside the repository, or the repository when trusted. */
  dir: string
  env: Record<string, string>
  /** `--config` arguments for `cargo metadata`: the repository's data keys and the caller's overrides. */
  configArgs: string[]
  notes: string[]
}

/**
 * Decides how cargo may see the repository's configuration: refuses keys that name programs (unless
 * trusted), and otherwise runs cargo from an empty directory with the data keys passed as `--config`.
 */
function isolate(config: CargoConfig, env: Record<string, string | undefined>, options: RunOptions): Isolation {
  const overrides = (options.configOverrides ?? []).flatMap(c => ['--config', c])
  if (options.trustRepositoryConfig === true) return { dir: path.resolve(options.cwd), env: {}, configArgs: overrides, notes: [] }
  const cargoHome = cargoHomeOf(env)
  const scope = options.scope ?? null
  // A path a checkout's config file names (`[patch]`, `[source]`, `paths`) must stay in the checkout.
  const pathAllowed = (file: string, dir: string): boolean => scope === null || scopeFor(scope, file) === null || isInsideRepository(scope, dir)
  const plan = repositoryConfigPlan(config, file => !isBelow(cargoHome, file), pathAllowed)
  const refused = plan.refused[0]
  if (refused !== undefined) throw new UserError(`${describeSource(refused.source)}: \`${refused.key}\` ${refused.why} (set trust-repository-config to allow it)`)
  const notes = plan.ignored.map(
    k => `\`${k.key}\` (${describeSource(k.source)}) was not applied to \`cargo metadata\` and \`rustc --print\`: it changes how cargo runs rustc, not what it builds, and a program or environment chosen by the repository is not used here.`
  )
  return {
    dir: fs.mkdtempSync(path.join(isolationParent(env), 'rust-linkage-guard-')),
    // cargo still reads the config files above the empty directory and in CARGO_HOME: empty wrappers (which
    // cargo treats as unset) and an explicit RUSTC (which wins over `build.rustc`) keep programs named there out.
    env: { RUSTC_WRAPPER: '', RUSTC_WORKSPACE_WRAPPER: '', RUSTC: env.RUSTC ?? 'rustc' },
    configArgs: [...plan.args.flatMap(a => ['--config', a]), ...overrides],
    notes
  }
}

/**
 * Where the empty directory cargo runs from is made. cargo reads `.cargo/config.toml` in every directory above
 * it, and the system's temporary directory is writable by every user of the machine; the runner's own
 * temporary directory (`RUNNER_TEMP`) belongs to the job, so it is preferred when there is one.
 */
function isolationParent(env: Record<string, string | undefined>): string {
  const runnerTemp = env.RUNNER_TEMP
  if (runnerTemp && path.isAbsolute(runnerTemp)) {
    try {
      if (fs.statSync(runnerTemp).isDirectory()) return runnerTemp
    } catch {
      // Not there: the system's temporary directory.
    }
  }
  return os.tmpdir()
}

function cargoHomeOf(env: Record<string, string | undefined>): string {
  return env.CARGO_HOME ? path.resolve(env.CARGO_HOME) : path.join(env.HOME ?? env.USERPROFILE ?? os.homedir(), '.cargo')
}


interface AnalysisSetup {
  runner: CommandRunner
  env: Record<string, string | undefined>
  cwd: string
  config: CargoConfig
  invocation: Invocation
  tools: { cargo: string; rustc: string }
  childEnv: Record<string, string>
  isolation: Isolation
}

async function analyzeWith(options: RunOptions, setup: AnalysisSetup): Promise<Report> {
  const { runner, env, cwd, config, invocation, tools, childEnv, isolation } = setup
  const runDir = isolation.dir
  const manifestPath = options.manifestPath !== null ? path.resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null)
  if (manifestPath !== null && !options.metadataFile && !isFile(manifestPath)) {
    throw new UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`)
  }
  const metadataPromise: Promise<Metadata> = options.metadataFile
    ? readMetadataFile(options.metadataFile)
    : runCargoMetadata(runner, tools.cargo, manifestPath!, invocation, runDir, childEnv, isolation.configArgs)
  // A rejected promise must not go unhandled while the probes are awaited.
  metadataPromise.catch(() => undefined)

  const rustcPromise = runRustcVersion(runner, tools.rustc, runDir, childEnv)
  rustcPromise.catch(() => undefined)
  // The host triple only matters for rustflags tables keyed by triple or cfg; without them, probe at once.
  const needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0)
  const knownTriple = invocation.target ?? (needsHostTriple ? (await rustcPromise).host : null)
  const probe = (kind: CompileKind, triple: string | null) =>
    probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? '', options.trustRepositoryConfig === true)
  const [rustc, targetInfo, hostInfo] = await Promise.all([
    rustcPromise,
    probe('target', knownTriple),
    invocation.target === null ? null : probe('host', null)
  ])
  targetInfo.triple = invocation.target ?? rustc.host
  if (hostInfo) hostInfo.triple = rustc.host
  const metadata = await metadataPromise

  const scope = options.scope ?? null
  const manifestOf = (file: string): TomlDocument | null => readToml(file, scope)
  const rootManifestFile = path.join(metadata.workspaceRoot, 'Cargo.toml')
  const rootManifest = manifestOf(rootManifestFile)
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
    locator: createLocator(metadata, context, manifestOf),
    commandLine: ['cargo', invocation.command, ...toCargoArgs(invocation)],
    sourceUsesCrate: sourceReader(metadata, scope),
    facts: gatherFacts(metadata, config, options),
    notes: isolation.notes
  })
}

/** What the rules need from the repository beyond metadata and probes, read as data. */
function gatherFacts(metadata: Metadata, config: CargoConfig, options: RunOptions): WorkspaceFacts {
  const scope = options.scope ?? null
  const pinFile = findToolchainFile(metadata.workspaceRoot, isFile)
  const exact = options.policy?.policy.exactToolchain ?? null
  const buildTarget = options.invocation.target === null ? config.buildTarget : null
  const allocators = new Map<string, AllocatorDeclaration[]>()
  const loaders = new Map<string, boolean>()
  return {
    pin: pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, 'toolchain-file', { within: scopeFor(scope, pinFile) }), pinFile),
    expectedToolchain: exact === null ? null : { channel: exact.channel, file: options.policy!.path, line: exact.line },
    targetSource: buildTarget?.kind === 'single' ? settingSource(buildTarget.target.source) : null,
    globalAllocators(pkg) {
      let found = allocators.get(pkg.id)
      if (found === undefined) allocators.set(pkg.id, (found = scanAllocators(pkg, scope)))
      return found
    },
    loadsLibraries(pkg) {
      let found = loaders.get(pkg.id)
      if (found === undefined) loaders.set(pkg.id, (found = packageSources(pkg, scope).some(s => LOADS_LIBRARIES.test(stripComments(s.text)))))
      return found
    }
  }
}

/** Calls that load a shared library at run time, on Unix and Windows. */
const LOADS_LIBRARIES = /\b(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?)\s*\(/

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '')
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The Rust sources under each target's directory (`MAX_SOURCE_FILES`, each within its limit), read once per
 * package. A package of the repository may name no source outside it: such a file is skipped.
 */
function packageSources(pkg: Package, scope: RepositoryScope | null): { file: string; text: string }[] {
  let found = sourcesOf.get(pkg)
  if (found !== undefined) return found
  const dirs = [...new Set(pkg.targets.map(t => path.dirname(t.srcPath)))]
  const files = new Set<string>()
  const walk = (dir: string): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (files.size >= MAX_SOURCE_FILES) return
      const full = path.join(dir, e.name)
      if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.')) walk(full)
      // A symlinked source is compiled by cargo, so it is read too (within `scope`); a symlinked directory is not walked.
      else if (e.name.endsWith('.rs') && (e.isFile() || (e.isSymbolicLink() && isFile(full)))) files.add(full)
    }
  }
  for (const dir of dirs) walk(dir)
  found = []
  const within = scopeFor(scope, pkg.manifestPath)
  for (const file of [...files].sort()) {
    try {
      found.push({ file, text: readInputFile(file, 'rust-source', { within }) })
    } catch {
      // An unreadable, oversized or escaping file is skipped: these scans only add findings, never remove them.
    }
  }
  sourcesOf.set(pkg, found)
  return found
}

const sourcesOf = new WeakMap<Package, { file: string; text: string }[]>()

/** The `#[global_allocator]`s in a package's Rust sources. */
function scanAllocators(pkg: Package, scope: RepositoryScope | null): AllocatorDeclaration[] {
  return packageSources(pkg, scope)
    .filter(s => s.text.includes('global_allocator'))
    .flatMap(s => scanGlobalAllocators(s.text).map(found => ({ file: s.file, line: found.line, item: found.item })))
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
    // `--metadata-file /dev/stdin` and `<(cargo metadata …)` are pipes.
    text = readInputFile(file, 'metadata', { allowPipe: true })
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(`cannot read metadata file \`${file}\`: ${e.reason}`)
    throw e
  }
  return parseMetadata(text, file)
}

async function runCargoMetadata(
  runner: CommandRunner,
  cargo: string,
  manifestPath: string,
  inv: Invocation,
  cwd: string,
  env: Record<string, string>,
  configArgs: string[]
): Promise<Metadata> {
  const args = ['metadata', '--format-version', '1', '--manifest-path', manifestPath, ...configArgs]
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
  return parseMetadata(result.stdout, 'cargo metadata')
}

async function runRustcVersion(runner: CommandRunner, rustc: string, cwd: string, env: Record<string, string>): Promise<RustcVersion> {
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
async function probeTarget(
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
  return info
}

/**
 * Whether a target's root source file names a crate (`name::`, `use name`, `extern crate name`). Unreadable
 * sources count as using it: a missed error is worse than a false one here, and cargo metadata recorded on
 * another machine has no sources to read. A source of a repository package that leads outside the repository
 * is not read, and so counts as using it too.
 */
function sourceReader(metadata: Metadata, scope: RepositoryScope | null): (srcPath: string, crate: string) => boolean {
  const ofRepository = new Set<string>()
  if (scope !== null) {
    for (const pkg of metadata.packages.values()) {
      if (scopeFor(scope, pkg.manifestPath) !== null) for (const t of pkg.targets) ofRepository.add(t.srcPath)
    }
  }
  return (srcPath, crate) => sourceUsesCrate(srcPath, crate, ofRepository.has(srcPath) ? scope : scopeFor(scope, srcPath))
}

function sourceUsesCrate(srcPath: string, crate: string, within: RepositoryScope | null): boolean {
  let text: string
  try {
    text = readInputFile(srcPath, 'rust-source', { within })
  } catch {
    return true
  }
  const code = text.replace(/\/\/[^\n]*/g, '')
  // `[lib] name` is checked by cargo only loosely: it may hold any regular-expression syntax.
  const name = crate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^A-Za-z0-9_:])(${name}::|use\\s+${name}\\b|extern\\s+crate\\s+${name}\\b)`).test(code)
}

/**
 * A manifest, or null when there is none to read; one that is not a regular file, is too large, or lies in
 * the repository but leads outside it is refused.
 */
function readToml(file: string, scope: RepositoryScope | null): TomlDocument | null {
  let text: string
  try {
    text = readInputFile(file, 'manifest', { within: scopeFor(scope, file) })
  } catch (e) {
    if (e instanceof InputFileError && e.code !== null) return null
    throw e
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

/** A policy file, read and parsed. */
export interface LoadedPolicy {
  policy: Policy
  /** Absolute path. */
  path: string
}

export interface PolicyLocation {
  /** A policy file given explicitly: it must exist. Relative paths are resolved against `cwd`. */
  policy: string | null
  /** Where to look when none is given: a path (used when it exists), or `search` for the nearest `.github/rust-linkage.toml`. */
  defaultPolicy: string | 'search' | null
  cwd: string
  /** Where `search` starts: the manifest's directory. It stops at a directory holding `.git`. */
  searchFrom: string
  /**
   * The repository (the action's workspace): a policy file that lies in it, named or found, is read only if
   * its real path stays inside it. One outside it, named by an absolute path, is the workflow's choice.
   */
  scope?: RepositoryScope | null
}

/** Reads the policy file, if there is one. Read before the analysis: `exact-toolchain` is an input to it. */
export function loadPolicy(where: PolicyLocation): LoadedPolicy | null {
  const file = where.policy !== null ? path.resolve(where.cwd, where.policy) : defaultPolicyPath(where)
  if (file === null) return null
  const shown = displayPath(file, where.cwd)
  return { policy: parsePolicy(readTextFile(file, 'policy', 'policy file', shown, scopeFor(where.scope ?? null, file)), shown), path: file }
}

function defaultPolicyPath(where: PolicyLocation): string | null {
  if (where.defaultPolicy === null) return null
  if (where.defaultPolicy !== 'search') {
    const file = path.resolve(where.cwd, where.defaultPolicy)
    return fs.existsSync(file) ? file : null
  }
  for (let dir = path.resolve(where.searchFrom); ; dir = path.dirname(dir)) {
    const file = path.join(dir, DEFAULT_POLICY_FILE)
    if (fs.existsSync(file)) return file
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel
}

export interface GateFiles {
  failOn: FailOn
  policy: LoadedPolicy | null
  baseline: string | null
  cwd: string
  /** The repository: a baseline that lies in it is read only if its real path stays inside it. */
  scope?: RepositoryScope | null
}

/** Applies the policy and the baseline file to the report and decides the verdict. */
export function gateReport(report: Report, files: GateFiles): Report {
  const policy: GateInputs['policy'] =
    files.policy === null ? null : { policy: files.policy.policy, file: path.relative(report.workspaceRoot, files.policy.path).split(path.sep).join('/') }
  const baseline = files.baseline === null ? null : readBaseline(files.baseline, files)
  return applyGate(report, { failOn: files.failOn, policy, baseline, today: new Date().toISOString().slice(0, 10) })
}

function readBaseline(given: string, files: GateFiles): Baseline {
  const file = path.resolve(files.cwd, given)
  return parseBaseline(readTextFile(file, 'baseline', 'baseline', given, scopeFor(files.scope ?? null, file)), given)
}

function readTextFile(file: string, kind: 'policy' | 'baseline', what: string, shown: string, within: RepositoryScope | null): string {
  try {
    return readInputFile(file, kind, { shown, within })
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(`cannot read ${what} \`${shown}\`: ${e.reason}`)
    throw e
  }
}


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
 * absolute path of that toolchain's rustc, so no configuration can substitute another.
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
  return out
}

/** The absolute path of the rustc rustup would run, from a directory no toolchain file applies to. */
async function rustupWhich(
  runner: CommandRunner,
  env: Record<string, string>
): Promise<{ kind: 'found'; rustc: string } | { kind: 'no-rustup' } | { kind: 'failed'; reason: string }> {
  let result
  try {
    result = await runner.run('rustup', ['which', 'rustc'], { cwd: os.tmpdir(), env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES })
  } catch {
    return { kind: 'no-rustup' }
  }
  const rustc = result.stdout.trim()
  if (result.exitCode !== 0 || !path.isAbsolute(rustc)) return { kind: 'failed', reason: lastLine(result.stderr) || 'rustup which rustc failed' }
  return { kind: 'found', rustc }
}

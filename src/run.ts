import fs from 'node:fs'
import path from 'node:path'
import { buildDirectories, type CargoConfig, configNode, requestedTarget, settingSource } from './config/cargo-config.js'
import { profileNameFor, resolveProfile } from './config/profiles.js'
import { effectiveRustdocflags } from './config/rustflags.js'
import { analyze } from './engine.js'
import { CommandError, UserError } from './errors.js'
import { childEnvironment } from './exec/child-env.js'
import { onInterrupt } from './exec/interrupt.js'
import { cancellable, type CommandRunner, processRunner } from './exec/runner.js'
import { cargoHomeOf, readCargoConfig } from './gather/cargo-config.js'
import { inheritedLibraryPath } from './gather/library-path.js'
import { isolate, type Isolation, refuseRustflagsKnownNow, refuseTarget } from './gather/isolation.js'
import { candidateLockfiles, refuseUnsafeLockfiles } from './gather/lockfile.js'
import { refuseOutsidePathPackages } from './gather/path-packages.js'
import { gateReport, type LoadedPolicy, loadPolicy, type PolicyLocation } from './gather/policy-files.js'
import { withRustcCache } from './gather/rustc-cache.js'
import { callsSystemLoader, docTestsReader, exportReader, isFile, scanAllocators, sourceReader } from './gather/sources.js'
import { selectToolchain } from './gather/toolchain.js'
import { findManifest, probeTarget, readMetadataText, readRepositoryText, readToml, runCargoMetadata, runRustcVersion } from './gather/tools.js'
import { readInputFile, type RepositoryScope, scopeFor } from './input-file.js'
import { parseMetadata } from './metadata/parse.js'
import { createLocator } from './manifest/locator.js'
import { benchedReader, harnessReader } from './manifest/target-flags.js'
import { manifestDefaultMembers } from './manifest/default-members.js'
import { resolverVersion } from './manifest/resolver.js'
import type { BuildContext, CompileKind } from './model/build-context.js'
import { releaseAtLeast } from './model/compiler-behaviour.js'
import type { AllocatorDeclaration, WorkspaceFacts } from './model/facts.js'
import { type Invocation, toCargoArgs } from './model/invocation.js'
import type { Metadata, Package } from './model/metadata.js'
import { checkCommandLineFeatures } from './model/feature-refusals.js'
import { commandLineFeatures } from './model/features.js'
import { currentPackage, packageIdSpecs, rootPackage } from './model/selection.js'
import type { Analysis, FailOn, Report } from './report/report.js'
import type { TomlDocument } from './toml/document.js'
import { findToolchainFile, parseToolchainFile } from './toolchain/pin.js'
import { warmUpAnalysis } from './warm-up.js'

/**
 * One check, as the action and the CLI run it: the policy file (its `exact-toolchain` is an input), the
 * compiler chosen by name, the analysis, then the gate (policy, baseline, `fail-on`).
 */
export interface CheckSettings extends Omit<RunOptions, 'policy'> {
  /** Where the policy file is; `cwd` and `scope` are the check's own. */
  policy: Omit<PolicyLocation, 'cwd' | 'scope'>
  /** The toolchain asked for by name (the action's `rust-toolchain`, the CLI's `+toolchain`), or null. */
  rustToolchain: string | null
  /** Where to look for the repository's `rust-toolchain.toml`: the manifest's directory. */
  toolchainDir: string
  /** Let rustup download a toolchain that is not installed. */
  installToolchain: boolean
  failOn: FailOn
  /** A JSON report whose findings do not fail the check. */
  baseline: string | null
}

/** Runs one check and returns the gated report. */
export async function check(settings: CheckSettings): Promise<Report> {
  const { cwd, scope = null, trustRepositoryConfig = false, timeoutMs } = settings
  const policy = loadPolicy({ ...settings.policy, cwd, scope })
  const toolchainChoice = selectToolchain({
    requested: settings.rustToolchain,
    dir: settings.toolchainDir,
    env: settings.env,
    trustRepositoryConfig,
    allowInstall: settings.installToolchain,
    timeoutMs,
    scope,
    runner: settings.runner
  })
  // A recorded metadata file is read while rustup answers; its parse overlaps the rustc probes (`analyzeWith`).
  const metadataText = settings.metadataFile ? readNow(settings.metadataFile) : undefined
  const toolchain = await toolchainChoice
  const analysed = await analyzeWorkspace({ ...settings, env: { ...settings.env, ...toolchain }, policy, metadataText })
  return gateReport(analysed, { failOn: settings.failOn, policy, baseline: settings.baseline, cwd, scope })
}

export interface RunOptions {
  /** `--manifest-path`; null for the `Cargo.toml` cargo would find from `cwd`. */
  manifestPath: string | null
  invocation: Invocation
  /** Read `cargo metadata` output from this file instead of running cargo. */
  metadataFile?: string | null
  /**
   * The file's text when already read (see `check`): returned, or what reading it threw thrown, once, so that
   * the options do not keep a text of tens of megabytes alive while the analysis runs.
   */
  metadataText?: () => string
  /** Called with the metadata's length before it is parsed: the entry points tune V8 by it (`metadataTuning`). */
  beforeParse?: (metadataChars: number) => void
  /** Called once the metadata is parsed and neither its text nor its JSON is referenced any more. */
  afterParse?: () => void
  /**
   * Work the caller needs done later, done instead while `cargo metadata` and the rustc probes run, before the
   * warm-up (the action loads its GitHub client there when it will talk to GitHub). Not called once cargo has
   * answered, nor for a recorded metadata file; where it fails, only the work is lost.
   */
  whileCargoRuns?: () => Promise<void>
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

/**
 * Gathers everything cargo would see — `cargo metadata`, `rustc -vV`, one combined `rustc --print` probe
 * per target, the target libdir, `.cargo/config.toml`, profiles — then runs the pure analysis.
 * The rustc probes run while `cargo metadata` is still working.
 */
export async function analyzeWorkspace(options: RunOptions): Promise<Analysis> {
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
  const programs = options.runner ?? processRunner(options.timeoutMs)
  // rustc's answers are kept between runs, except for a trusted repository, where rustc runs in the checkout
  // with flags that may name its files. Whatever still runs when the analysis ends (a probe, after
  // `cargo metadata` failed) is stopped.
  const runner = cancellable(trusted ? programs : withRustcCache(programs, tools.rustc, env, childEnv.PATH))
  const removeIsolation = (): void => {
    if (isolation.dir !== cwd) fs.rmSync(isolation.dir, { recursive: true, force: true })
  }
  const forget = onInterrupt(removeIsolation)
  try {
    return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation })
  } finally {
    forget()
    runner.cancel()
    removeIsolation()
  }
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

async function analyzeWith(options: RunOptions, setup: AnalysisSetup): Promise<Analysis> {
  const { runner, env, cwd, config, invocation, tools, childEnv, isolation } = setup
  const runDir = isolation.dir
  const manifestPath = options.manifestPath !== null ? path.resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null)
  if (manifestPath !== null && !options.metadataFile && !isFile(manifestPath)) {
    throw new UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`)
  }
  const scope = options.scope ?? null
  // One parse per manifest, shared by the root's settings, the target flags and the locator.
  const manifests = new Map<string, TomlDocument | null>()
  const manifestOf = (file: string): TomlDocument | null => {
    let doc = manifests.get(file)
    if (doc === undefined) manifests.set(file, (doc = readToml(file, scope)))
    return doc
  }
  if (!options.metadataFile && options.trustRepositoryConfig !== true) {
    let manifest: TomlDocument | null = null
    try {
      manifest = manifestOf(manifestPath!)
    } catch {
      // cargo says what is wrong with it.
    }
    refuseUnsafeLockfiles(candidateLockfiles(manifestPath!, manifest, dir => isFile(path.join(dir, 'Cargo.toml'))), scope)
  }
  const needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0)
  const probe = (kind: CompileKind, triple: string | null) =>
    probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? '', options.trustRepositoryConfig === true)
  // The program that takes longest starts first: cargo, unless its own rustc probes are cached from an earlier
  // run; then our target probe, rustc's slowest answer, goes before it.
  const targetFirst = isolation.cargoProbesCached && !needsHostTriple ? probe('target', invocation.target) : null
  const cargoMetadata = options.metadataFile
    ? null
    : runCargoMetadata(runner, tools.cargo, manifestPath!, invocation, runDir, childEnv, isolation.configArgs).then(
        text => parseSized(text, 'cargo metadata', options),
        async (e: unknown) => {
          throw (await buildsFeatureRefusal(e, { runner, cargo: tools.cargo, manifestPath: manifestPath!, invocation, runDir, childEnv, isolation, scope: options.scope ?? null })) ?? e
        }
      )
  // cargo refusing the repository's manifest, lock file or config ends the analysis at once (and
  // `analyzeWorkspace` stops the probes). Any other failure of cargo waits for the probes: cargo runs the same
  // rustc, so a compiler that cannot run is the cause to name.
  const refused: Promise<never> =
    cargoMetadata === null ? NEVER : cargoMetadata.then(() => NEVER, (e: unknown) => (e instanceof CommandError && e.fault === 'input' ? Promise.reject(e) : NEVER))
  // Raced below; it must not go unhandled while the caller's work is awaited.
  refused.catch(() => undefined)
  let cargoSettled = false
  cargoMetadata?.then(
    () => (cargoSettled = true),
    () => (cargoSettled = true)
  )
  const rustcPromise = runRustcVersion(runner, tools.rustc, runDir, childEnv)
  rustcPromise.catch(() => undefined)
  // The host triple only matters for rustflags tables keyed by triple or cfg. Beside a cargo that runs its own
  // probes, one rustc at a time, the probes wait for `rustc -vV` too: two cores then serve cargo and one rustc.
  const besideCargoProbes = cargoMetadata !== null && !isolation.cargoProbesCached
  const version = besideCargoProbes || needsHostTriple ? await Promise.race([rustcPromise, refused]) : null
  const knownTriple = invocation.target ?? (needsHostTriple ? version!.host : null)
  const probes = Promise.all([rustcPromise, targetFirst ?? probe('target', knownTriple), invocation.target === null ? null : probe('host', null)])
  // A recorded file is parsed while the probes run.
  const metadataPromise: Promise<Metadata> = cargoMetadata ?? parseRecordedMetadata(options)
  // A rejected promise must not go unhandled while the probes are awaited.
  metadataPromise.catch(() => undefined)
  // The caller's work, once every probe has started (it holds the main thread): unlike the warm-up's, none of it
  // is lost, so it goes first.
  if (cargoMetadata !== null && !cargoSettled && options.whileCargoRuns) await options.whileCargoRuns().catch(() => undefined)
  const [rustc, targetInfo, hostInfo] = await Promise.race([probes, refused])
  targetInfo.triple = invocation.target ?? rustc.host
  // Doc tests' flags select `target.<triple>.rustdocflags` by the triple, known only once rustc has answered.
  const rustdocflags = effectiveRustdocflags(env, config, targetInfo.triple)
  targetInfo.rustdocflags = rustdocflags.flags
  targetInfo.rustdocflagsSource = rustdocflags.source
  if (hostInfo) hostInfo.triple = rustc.host
  // While cargo works, the analysis is compiled on a workspace of its own (`warm-up.ts`); only the warm-up is lost
  // where it fails.
  if (cargoMetadata !== null && !cargoSettled) {
    const inputs = { rustc, target: targetInfo, host: hostInfo ?? targetInfo, command: invocation.command, config, env }
    await warmUpAnalysis(inputs, () => cargoSettled).catch(() => null)
  }
  const gathered = await metadataPromise
  options.afterParse?.()
  if (scope !== null) refuseOutsidePathPackages(gathered, scope)

  const rootManifestFile = path.join(gathered.workspaceRoot, 'Cargo.toml')
  const rootManifest = manifestOf(rootManifestFile)
  // The build runs with the user's environment and the repository's configuration, which cargo metadata ran
  // without (`isolate`): where they move the target directory, the build's files are there.
  const directories = buildDirectories(config, env, cwd, {
    workspaceRoot: gathered.workspaceRoot,
    cargoHome: cargoHomeOf(env),
    buildDirKnown: releaseAtLeast(rustc.release, 1, 91)
  })
  const metadata: Metadata = {
    ...gathered,
    // Where cargo metadata ran with ours (`isolate`), the build's default is the workspace's `target/`.
    targetDirectory: directories.targetDir ?? (cargoMetadata !== null && isolation.env.CARGO_TARGET_DIR !== undefined ? path.join(gathered.workspaceRoot, 'target') : gathered.targetDirectory),
    // cargo before 1.71 prints no `workspace_default_members`: they are read from the root manifest.
    workspaceDefaultMembers: gathered.workspaceDefaultMembers ?? manifestDefaultMembers(rootManifest, gathered)
  }
  // A manifest cargo accepted but we cannot parse only costs its `bench` and `harness` flags: cargo's defaults apply.
  const targetFlagsManifest = (pkg: Package): TomlDocument | null => {
    try {
      return manifestOf(pkg.manifestPath)
    } catch {
      return null
    }
  }
  const names = profileNameFor(invocation.command, invocation.release, invocation.profile)
  const profileOptions = { manifest: rootManifest, manifestFile: 'Cargo.toml', config, env }
  const context: BuildContext = {
    rustc,
    host: hostInfo ?? targetInfo,
    target: targetInfo,
    profile: resolveProfile(names.main, profileOptions),
    testProfile: resolveProfile(names.test, profileOptions),
    buildDirectory: directories.buildDir,
    inheritedLibraryPath: inheritedLibraryPath(env, hostInfo ?? targetInfo, cwd),
    panicAbortTests: panicAbortTests(config, env, rustc.release)
  }
  return analyze({
    metadata,
    context,
    invocation,
    currentManifest: manifestPath ?? rootManifestFile,
    locator: createLocator(metadata, context, manifestOf),
    commandLine: ['cargo', invocation.command, ...toCargoArgs(invocation)],
    sourceUsesCrate: sourceReader(metadata, scope),
    docTestsOf: docTestsReader(metadata, scope),
    benched: benchedReader(targetFlagsManifest),
    harness: harnessReader(targetFlagsManifest),
    facts: gatherFacts(metadata, config, options),
    notes: isolation.notes,
    resolver: resolverVersion(rootManifest, rootPackage(metadata)),
    readText: file => readRepositoryText(file, scope)
  })
}

const NEVER = new Promise<never>(() => undefined)

/**
 * Cargo's `-Zpanic-abort-tests` from `[unstable] panic-abort-tests` or `CARGO_UNSTABLE_PANIC_ABORT_TESTS`, which
 * only a cargo that allows nightly features reads (a nightly or dev toolchain, or `RUSTC_BOOTSTRAP=1`).
 */
function panicAbortTests(config: CargoConfig, env: Record<string, string | undefined>, release: string): boolean {
  if (!/-(nightly|dev)\b/.test(release) && env.RUSTC_BOOTSTRAP !== '1') return false
  const node = configNode(config, ['unstable', 'panic-abort-tests'])
  return env.CARGO_UNSTABLE_PANIC_ABORT_TESTS === 'true' || (node?.kind === 'scalar' && node.value === true)
}

/** Reads a metadata file now; the function returns its text, or throws what reading it threw, once. */
function readNow(file: string): () => string {
  let read: { text: string } | { error: unknown } | null
  try {
    read = { text: readMetadataText(file) }
  } catch (error) {
    read = { error }
  }
  return () => {
    const taken = read
    read = null
    if (taken === null) throw new Error(`\`${file}\` was handed over twice`)
    if ('error' in taken) throw taken.error
    return taken.text
  }
}

/** What asking cargo again about a refused command line needs. */
interface RefusalQuery {
  runner: CommandRunner
  cargo: string
  manifestPath: string
  invocation: Invocation
  runDir: string
  childEnv: Record<string, string>
  isolation: Isolation
  scope: RepositoryScope | null
}

/**
 * `cargo metadata` checks `--features` against every member, `cargo build` against the members it selects (`-p`,
 * the package of the manifest, default members), and refuses in other words (or not at all, where metadata
 * does). When metadata refuses features, cargo build's refusal is worked out from the members alone (`cargo
 * metadata --no-deps`, without features). Null when metadata failed for another reason, or the members do not
 * settle it.
 */
async function buildsFeatureRefusal(error: unknown, query: RefusalQuery): Promise<UserError | null> {
  const { runner, cargo, manifestPath, invocation, runDir, childEnv, isolation, scope } = query
  const refusedFeatures = /(does not contain (this|these) features?|none of the selected packages contains|does not have the feature)/
  if (!(error instanceof CommandError) || !refusedFeatures.test(error.message)) return null
  const withoutFeatures: Invocation = { ...invocation, features: [], allFeatures: false, noDefaultFeatures: false }
  let metadata: Metadata
  try {
    const text = await runCargoMetadata(runner, cargo, manifestPath, withoutFeatures, runDir, childEnv, isolation.configArgs, { noDeps: true })
    metadata = parseMetadata(text, 'cargo metadata --no-deps', { membersOnly: true })
  } catch {
    return null
  }
  const resolver = resolverVersion(readToml(path.join(metadata.workspaceRoot, 'Cargo.toml'), scope), rootPackage(metadata))
  if (resolver === null) return null
  try {
    checkCommandLineFeatures(metadata, packageIdSpecs(metadata, invocation, manifestPath).members, commandLineFeatures(resolver, currentPackage(metadata, manifestPath), invocation))
  } catch (e) {
    if (e instanceof UserError) return e
    throw e
  }
  return null
}

async function parseRecordedMetadata(options: RunOptions): Promise<Metadata> {
  const file = options.metadataFile!
  const text = options.metadataText ? options.metadataText() : readMetadataText(file)
  return parseSized(text, file, options)
}

function parseSized(text: string, source: string, options: RunOptions): Metadata {
  options.beforeParse?.(text.length)
  return parseMetadata(text, source)
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
      if (found === undefined) loaders.set(pkg.id, (found = callsSystemLoader(pkg, scope)))
      return found
    },
    exportedSymbols: exportReader(metadata, scope)
  }
}

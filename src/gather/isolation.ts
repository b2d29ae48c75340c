/**
 * Where cargo runs and what of the repository's configuration it sees: the checkout's cargo configuration is read
 * as data, refused flags and targets stop the run before any process starts, and cargo runs from an empty
 * directory outside the checkout.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type CargoConfig, describeSource } from '../config/cargo-config.js'
import { rustflagsRefusal, targetRefusal } from '../config/rustflag-policy.js'
import { effectiveRustflags, type EffectiveRustflags } from '../config/rustflags.js'
import { repositoryConfigPlan } from '../config/trust.js'
import { UserError } from '../errors.js'
import { userCacheDirectory } from '../exec/cache-dir.js'
import { isInsideRepository, type RepositoryScope, scopeFor } from '../input-file.js'
import { isBelow } from '../model/paths.js'
import { cargoHomeOf } from './cargo-config.js'
import { isExecutable, isFile } from './sources.js'

/** A `build.target` from the repository or the environment that names a file; the user's own `--target` wins over it. */
export function refuseTarget(config: CargoConfig, userTarget: string | null): void {
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
export function refuseRustflagsKnownNow(config: CargoConfig, env: Record<string, string | undefined>, target: string | null): void {
  const tables = config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0
  const flags = effectiveRustflags({ env, config, kind: 'target', requestedTarget: target, triple: target ?? '', cfg: null })
  if (target !== null || !tables || flags.origin === 'RUSTFLAGS' || flags.origin === 'CARGO_ENCODED_RUSTFLAGS') refuseRustflags(flags)
}

export function refuseRustflags(flags: EffectiveRustflags): void {
  const refusal = rustflagsRefusal(flags.flags, flags.flagSettings)
  if (refusal !== null) throw new UserError(refusal)
}

export interface Isolation {
  /** Where cargo and rustc run: an empty directory outside the repository, or the repository when trusted. */
  dir: string
  env: Record<string, string>
  /** `--config` arguments for `cargo metadata`: the repository's data keys and the caller's overrides. */
  configArgs: string[]
  notes: string[]
  /**
   * Whether cargo's rustc info cache (`CARGO_BUILD_BUILD_DIR`, see `cargoRustcInfoCache`) holds answers from an
   * earlier run: cargo then most likely runs no rustc of its own.
   */
  cargoProbesCached: boolean
}

/**
 * Decides how cargo may see the repository's configuration: refuses keys that name programs (unless
 * trusted), and otherwise runs cargo from an empty directory with the data keys passed as `--config`.
 */
/** What `isolate` needs of the analysis settings (see `RunOptions` in `run.ts`). */
export interface IsolationOptions {
  configOverrides?: string[]
  trustRepositoryConfig?: boolean
  cwd: string
  scope?: RepositoryScope | null
}

export function isolate(config: CargoConfig, env: Record<string, string | undefined>, options: IsolationOptions): Isolation {
  const overrides = (options.configOverrides ?? []).flatMap(c => ['--config', c])
  if (options.trustRepositoryConfig === true) return { dir: path.resolve(options.cwd), env: {}, configArgs: overrides, notes: [], cargoProbesCached: false }
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
  const rustc = env.RUSTC ?? 'rustc'
  const wrapper = noWrapper(rustc)
  const infoCache = cargoRustcInfoCache(env)
  const dir = fs.mkdtempSync(path.join(isolationParent(env), 'rust-linkage-guard-'))
  return {
    dir,
    // cargo still reads the config files above the empty directory and in CARGO_HOME: wrappers of our own and an
    // explicit RUSTC (which wins over `build.rustc`) keep programs named there out. cargo before 1.91 writes its
    // rustc info cache in the target directory, through a `target` symlink the repository may have committed:
    // the target directory is ours too (the analysis works out the build's own, `buildDirectories`).
    env: {
      RUSTC_WRAPPER: wrapper,
      RUSTC_WORKSPACE_WRAPPER: wrapper,
      CARGO_TARGET_DIR: infoCache ?? dir,
      ...(infoCache === null ? {} : { CARGO_BUILD_BUILD_DIR: infoCache }),
      RUSTC: rustc
    },
    configArgs: [...plan.args.flatMap(a => ['--config', a]), ...overrides],
    notes,
    cargoProbesCached: infoCache !== null && isFile(path.join(infoCache, '.rustc_info.json'))
  }
}

/** A program that runs the command it is given, with its arguments, and does nothing else. */
const PASS_THROUGH = '/usr/bin/env'

/**
 * The wrapper cargo gets, so that no config file can name one: `/usr/bin/env`, which runs the compiler it is
 * handed. An empty one is cargo's documented "no wrapper", but cargo fingerprints its compiler by the mtime of
 * every wrapper (`rustc_fingerprint` in `src/cargo/util/rustc.rs`), fails to on an empty path, and so runs
 * `rustc -vV` and its target probe again on every call instead of reading its cache. Empty where `env` is not
 * there (Windows) or would take the compiler's path for a variable (`NAME=VALUE`) or an option (`-…`).
 */
function noWrapper(rustc: string): string {
  return process.platform !== 'win32' && !rustc.includes('=') && !rustc.startsWith('-') && isExecutable(PASS_THROUGH) ? PASS_THROUGH : ''
}

/**
 * Where cargo keeps its rustc info cache (`.rustc_info.json`, `rustc -vV` and the target probe's answers keyed
 * by the compiler's fingerprint): cargo writes it in the build directory: `build.build-dir` (cargo 1.91 and
 * later), else the target directory (`CARGO_TARGET_DIR`, which older cargo reads). A directory of
 * this user's cache, made here, serves every workspace and run, so `cargo metadata` starts no rustc after the
 * first run; `cargo metadata` writes nothing else there, and its output does not depend on these answers. Null
 * when there is no such directory or it cannot be made: cargo then writes it in the empty directory it runs from.
 */
function cargoRustcInfoCache(env: Record<string, string | undefined>): string | null {
  const base = userCacheDirectory(env, process.platform)
  if (base === null) return null
  const dir = path.join(base, 'cargo-build-dir')
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    return dir
  } catch {
    return null
  }
}

/**
 * Where the empty directory cargo runs from is made. cargo reads `.cargo/config.toml` in every directory above
 * it, and the system's temporary directory is writable by every user of the machine; the runner's own
 * temporary directory (`RUNNER_TEMP`) belongs to the job, so it is preferred when there is one.
 */
export function isolationParent(env: Record<string, string | undefined>): string {
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

/**
 * The extra rustc flags cargo 1.95 passes to every unit of one compile kind ("rustflags").
 *
 * Cargo computes them once per kind in `TargetInfo::new` (`src/cargo/core/compiler/build_context/target_info.rs`,
 * `extra_args`), taking the first source that yields a value:
 *
 * 1. `CARGO_ENCODED_RUSTFLAGS`, split on `\x1f` (an empty value means no flags);
 * 2. `RUSTFLAGS`, split on spaces (an empty value means no flags);
 * 3. `target.<triple>.rustflags` followed by every matching `target.'cfg(…)'.rustflags` (cfg keys in sorted
 *    order), skipped when that list is empty;
 * 4. `build.rustflags`.
 *
 * Without `--target` (and without `build.target`) host units (build scripts, proc-macros and their
 * dependencies) get the same flags; with a target they get none at all.
 */
import type { CompileKind } from '../model/build-context.js'
import { type CfgSet, CfgSyntaxError, evalCfg, parseCfgExpr } from '../model/cfg.js'
import type { SettingSource } from '../model/profile.js'
import { type CargoConfig, type ConfigSource, type ConfigString, type ConfigStringList, settingSource, tripleRustflags } from './cargo-config.js'

export interface RustflagsOptions {
  env: Readonly<Record<string, string | undefined>>
  /** The configuration with its environment layer applied (`readCargoConfig` or `applyConfigEnv`). */
  config: CargoConfig
  kind: CompileKind
  /** The target cargo was asked for (`--target`, `build.target` or `CARGO_BUILD_TARGET`), or null for none. */
  requestedTarget: string | null
  /** The triple of this kind: the host triple for `host`, the requested target for `target`. */
  triple: string
  /**
   * The `--print=cfg` of this kind, probed with the flags in effect, or null when not probed yet
   * (`target.'cfg(…)'` tables cannot be evaluated then).
   */
  cfg: CfgSet | null
}

/** Where one flag was set: a config key or an environment variable (then `key` is its name). */
export interface FlagSetting {
  key: string
  source: ConfigSource
}

/** Which rule produced the flags. */
export type RustflagsOrigin = 'CARGO_ENCODED_RUSTFLAGS' | 'RUSTFLAGS' | 'target' | 'build' | 'none' | 'host-with-target'

export interface EffectiveRustflags {
  flags: string[]
  /** Where the flags were set: the environment variable, or the first config entry that contributed. */
  source: SettingSource | null
  /** Where each flag was set, parallel to `flags`. */
  flagSources: SettingSource[]
  /**
   * The setting each flag came from, parallel to `flags`: the config key (`build.rustflags`,
   * `target.<triple>.rustflags`, `target.'cfg(…)'.rustflags`) or the environment variable, and where it was set.
   */
  flagSettings: FlagSetting[]
  origin: RustflagsOrigin
  /**
   * True when `cfg` was null and `target.'cfg(…)'` tables with rustflags exist that could change the
   * result: probe rustc with `flags` and call again with the probed cfg (see `resolveRustflags`).
   */
  needsCfg: boolean
}

/** Reproduces cargo 1.95's choice of rustflags for one compile kind. */
export function effectiveRustflags(opts: RustflagsOptions): EffectiveRustflags {
  const { env, config } = opts
  if (opts.kind === 'host' && opts.requestedTarget !== null) {
    return { flags: [], source: null, flagSources: [], flagSettings: [], origin: 'host-with-target', needsCfg: false }
  }

  const set = flagsFromEnv(env, 'RUSTFLAGS')
  if (set !== null) return fromEnv(set.variable, set.flags)

  const items: KeyedItem[] = keyed(`target.${opts.triple}.rustflags`, tripleRustflags(config, opts.triple)?.items ?? [])
  const cfgTables = [...config.targetRustflags].filter(([key]) => isCfgKey(key)).sort(([a], [b]) => compareUtf8(a, b))
  let needsCfg = false
  if (opts.cfg === null) {
    needsCfg = cfgTables.length > 0
  } else {
    const cfg = withoutProcMacro(opts.cfg)
    for (const [key, list] of cfgTables) if (cfgKeyMatches(key, cfg)) items.push(...keyed(`target.'${key}'.rustflags`, list.items))
  }
  if (items.length > 0) return fromConfig('target', items, needsCfg)

  const build = config.buildRustflags
  if (build !== null && build.items.length > 0) return fromConfig('build', keyed('build.rustflags', build.items), needsCfg)
  if (build !== null) return { flags: [], source: settingSource(build.source), flagSources: [], flagSettings: [], origin: 'build', needsCfg }
  return { flags: [], source: null, flagSources: [], flagSettings: [], origin: 'none', needsCfg }
}

/** The flags cargo passes to `rustdoc` for doc tests of one target, and where they were set. */
export interface EffectiveRustdocflags {
  flags: string[]
  /** The environment variable, or the first config entry that contributed; null when none is set. */
  source: SettingSource | null
}

/**
 * Reproduces cargo 1.95's choice of rustdocflags for a target (`extra_args` with `Flags::Rustdoc`, the same
 * sources as rustflags under their `RUSTDOCFLAGS` names): `CARGO_ENCODED_RUSTDOCFLAGS`, `RUSTDOCFLAGS`,
 * `target.<triple>.rustdocflags`, `build.rustdocflags`. Doc tests are target units, so `--target` changes
 * nothing but the triple.
 */
export function effectiveRustdocflags(env: Readonly<Record<string, string | undefined>>, config: CargoConfig, triple: string): EffectiveRustdocflags {
  const set = flagsFromEnv(env, 'RUSTDOCFLAGS')
  if (set !== null) return { flags: set.flags, source: { env: set.variable } }
  const list = [tripleRustflags(config, triple, 'rustdocflags'), config.buildRustdocflags].find((l): l is ConfigStringList => l !== null && l.items.length > 0)
  if (list === undefined) return { flags: [], source: null }
  return { flags: list.items.map(i => i.value), source: settingSource(list.items[0]!.source) }
}

/**
 * Cargo's `rustflags_from_env`: `CARGO_ENCODED_<NAME>` split on `\x1f` (empty: no flags), else `<NAME>` split
 * on spaces (empty: no flags); null when neither is set, and the config decides.
 */
function flagsFromEnv<N extends 'RUSTFLAGS' | 'RUSTDOCFLAGS'>(
  env: Readonly<Record<string, string | undefined>>,
  name: N
): { variable: N | `CARGO_ENCODED_${N}`; flags: string[] } | null {
  const encoded = env[`CARGO_ENCODED_${name}`]
  // Cargo keeps empty pieces (a trailing \x1f passes an empty argument, which rustc rejects).
  if (encoded !== undefined) return { variable: `CARGO_ENCODED_${name}`, flags: encoded === '' ? [] : encoded.split('\x1f') }
  const plain = env[name]
  // Split on the space character only; tabs and newlines stay inside a flag (trimmed at its ends).
  if (plain !== undefined) return { variable: name, flags: plain.split(' ').map(s => s.trim()).filter(s => s !== '') }
  return null
}

interface KeyedItem extends ConfigString {
  key: string
}

/** Items of a list with the key they were set under; an item from an environment variable is keyed by the variable. */
function keyed(key: string, items: readonly ConfigString[]): KeyedItem[] {
  return items.map(item => ({ ...item, key: 'env' in item.source ? item.source.env : key }))
}

function fromEnv(name: 'CARGO_ENCODED_RUSTFLAGS' | 'RUSTFLAGS', flags: string[]): EffectiveRustflags {
  const source: SettingSource = { env: name }
  const setting: FlagSetting = { key: name, source }
  return { flags, source, flagSources: flags.map(() => source), flagSettings: flags.map(() => setting), origin: name, needsCfg: false }
}

function fromConfig(origin: 'target' | 'build', items: KeyedItem[], needsCfg: boolean): EffectiveRustflags {
  const flagSources = items.map(i => settingSource(i.source))
  const flagSettings = items.map(i => ({ key: i.key, source: i.source }))
  return { flags: items.map(i => i.value), source: flagSources[0] ?? null, flagSources, flagSettings, origin, needsCfg }
}

function isCfgKey(key: string): boolean {
  return key.startsWith('cfg(') && key.endsWith(')')
}

/** Cargo's `CfgExpr::matches_key`: a key that does not parse never matches (and is not an error). */
function cfgKeyMatches(key: string, cfg: CfgSet): boolean {
  try {
    return evalCfg(parseCfgExpr(key.slice(4, -1)), cfg)
  } catch (error) {
    if (error instanceof CfgSyntaxError) return false
    throw error
  }
}

/** Cargo drops the `proc_macro` name from rustc's cfg before matching (`not_user_specific_cfg`). */
function withoutProcMacro(cfg: CfgSet): CfgSet {
  if (!cfg.names.has('proc_macro')) return cfg
  const names = new Set(cfg.names)
  names.delete('proc_macro')
  return { names, values: cfg.values }
}

/** Rust's `String` ordering (a `BTreeMap` key order): by UTF-8 bytes. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

export interface ResolvedRustflags<P> extends EffectiveRustflags {
  /** The probe made with `flags` (its cfg is the one cfg tables were matched against last). */
  probe: P
  /** False when cargo would warn "non-trivial mutual dependency between target-specific configuration and RUSTFLAGS". */
  converged: boolean
}

/**
 * Rustflags and cfg depend on each other: flags change rustc's cfg (`-C target-feature=+crt-static`),
 * and cfg selects `target.'cfg(…)'` tables. Cargo resolves this in `TargetInfo::new` with at most two
 * rounds: it probes rustc with the flags computed without cfg (cfg tables skipped, so `build.rustflags`
 * applies when no triple table has flags), recomputes the flags with the probed cfg, and if they changed,
 * probes once more with the new flags and recomputes; if they changed again it warns and keeps the
 * second-round flags (with the cfg probed for them). This function performs the same rounds with the
 * caller's probe, which also gets where each flag of the round was set.
 */
export async function resolveRustflags<P extends { cfg: CfgSet }>(
  opts: Omit<RustflagsOptions, 'cfg'>,
  probe: (flags: readonly string[], effective: EffectiveRustflags) => Promise<P>
): Promise<ResolvedRustflags<P>> {
  const first = effectiveRustflags({ ...opts, cfg: null })
  const firstProbe = await probe(first.flags, first)
  const second = effectiveRustflags({ ...opts, cfg: firstProbe.cfg })
  if (sameFlags(first.flags, second.flags)) return { ...second, probe: firstProbe, converged: true }
  const secondProbe = await probe(second.flags, second)
  const third = effectiveRustflags({ ...opts, cfg: secondProbe.cfg })
  return { ...second, probe: secondProbe, converged: sameFlags(second.flags, third.flags) }
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((flag, i) => flag === b[i])
}

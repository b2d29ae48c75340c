/**
 * rustup's `settings.toml` and its toolchain names, read only as far as they decide with certainty which
 * directory under `$RUSTUP_HOME/toolchains` rustup would run: what `rustup which rustc` answers, without
 * starting rustup. Any case this does not settle is left to rustup itself.
 */
import { parseTomlDocument } from '../toml/document.js'

export interface RustupSettings {
  /** `default_toolchain`, as rustup stored it (`rustup default`), or null when there is none. */
  defaultToolchain: string | null
  /** `default_host_triple`, or null: rustup then takes the triple it was built for, which is not known here. */
  defaultHostTriple: string | null
  /** The directories of `rustup override set`. */
  overrides: string[]
}

/** The settings of rustup's file format version 12 (rustup 1.20 and later), or null for any other file. */
export function parseRustupSettings(text: string, file: string): RustupSettings | null {
  let value
  try {
    value = parseTomlDocument(text, file).value
  } catch {
    return null
  }
  const { version, default_toolchain: toolchain, default_host_triple: host, overrides } = value
  if (version !== '12') return null
  if (toolchain !== undefined && typeof toolchain !== 'string') return null
  if (host !== undefined && typeof host !== 'string') return null
  if (overrides !== undefined && (typeof overrides !== 'object' || Array.isArray(overrides))) return null
  return { defaultToolchain: toolchain ?? null, defaultHostTriple: host ?? null, overrides: Object.keys(overrides ?? {}) }
}

// rustup's `PartialToolchainDesc` (`src/dist/mod.rs`): a channel, an optional date, an optional target.
const CHANNEL = String.raw`(?:nightly|beta|stable|\d{1}\.\d{1,3}(?:\.\d{1,2})?)(?:-\d{4}-\d{2}-\d{2})?`
const BARE_CHANNEL = new RegExp(`^${CHANNEL}$`)
/** A channel with a whole target triple (arch-vendor-os, optionally -env): nothing left for rustup to fill in. */
const FULL_CHANNEL = new RegExp(`^${CHANNEL}-[a-z0-9_.]+-[a-z0-9_.]+-[a-z0-9_.]+(?:-[a-z0-9_.]+)?$`)
/** Anything that starts like a channel is read by rustup as one, never as the name of a linked toolchain. */
const CHANNEL_LIKE = /^(?:nightly|beta|stable|\d)/
const CUSTOM = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/**
 * The directory under `toolchains/` that rustup resolves `name` to, or null where that takes more than is
 * known here: a bare channel (`stable`, `1.95.0`, `nightly-2026-05-20`) gets the default host triple,
 * which only the settings may give; a channel with a whole triple and a linked toolchain's name stand as
 * they are. Partial triples (`stable-x86_64`) and anything unusual are rustup's to resolve.
 */
export function toolchainDirectory(name: string, settings: RustupSettings): string | null {
  if (BARE_CHANNEL.test(name)) return settings.defaultHostTriple === null ? null : `${name}-${settings.defaultHostTriple}`
  if (FULL_CHANNEL.test(name)) return name
  if (!CHANNEL_LIKE.test(name) && CUSTOM.test(name)) return name
  return null
}

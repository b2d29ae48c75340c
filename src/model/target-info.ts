import { type CfgSet, cfgHas } from './cfg.js'
import type { CrateType } from './crate-type.js'
import type { SettingSource } from './profile.js'

/** `rustc -vV`. */
export interface RustcVersion {
  release: string
  commitHash: string
  /** `commit-date` (YYYY-MM-DD); null when rustc does not print it. */
  commitDate: string | null
  host: string
}

/** What rustc reports about one compilation target (host or `--target`), for the flags in effect. */
export interface TargetInfo {
  triple: string
  /** `cfg` lines from `--print=cfg`: bare names map to `true`, key="value" pairs are collected per key. */
  cfg: CfgSet
  /** Whether the target libdir holds the standard library (`libstd-*.rlib`): false for a target not installed. */
  stdInstalled: boolean
  /** Crate types rustc accepts for this target with these flags (from the `--print=file-names` probe). */
  supportedCrateTypes: Set<CrateType>
  /** File name pattern per crate type, from the probe (e.g. `lib___.so` for dylib). */
  fileNames: Partial<Record<CrateType, string>>
  /** `rustc --print sysroot`. */
  sysroot: string
  /** `rustc --print target-libdir`. */
  targetLibdir: string
  /** Whether executables link the C runtime statically (`crt-static`) with these flags. */
  crtStaticExecutables: boolean
  /**
   * Whether crt-static executables may still link Rust dylibs (the target option `crt_static_allows_dylibs`),
   * read from the probe. Undefined when these flags leave executables without crt-static: rustc then never
   * asks, and the probe cannot tell.
   */
  crtStaticAllowsDylibs?: boolean
  /** The shared-library form of `std` in the target libdir (e.g. `libstd-d1237ef7159db0a2.so`), if any. */
  stdDylib: string | null
  /**
   * The directory `stdDylib` really is in, symlinks resolved, when that is not `targetLibdir`: Debian's rustc
   * links `/usr/lib/rustlib/<triple>/lib/libstd-<hash>.so` to `/usr/lib/<multiarch>/`, where the dynamic
   * loader finds it without a library path.
   */
  stdDylibDir?: string
  /** The rustflags these facts were probed with (the effective rustflags of units for this target). */
  rustflags: string[]
  /** Where those rustflags came from, when from a config file or the environment. */
  rustflagsSource: SettingSource | null
  /** The flags cargo passes to `rustdoc` for this target's doc tests instead (`RUSTDOCFLAGS` and its config keys). */
  rustdocflags: string[]
  /** Where those came from. */
  rustdocflagsSource: SettingSource | null
}

/**
 * Whether executables find the target's `std` dylib without being told where: on Linux, its file is in a
 * directory `ld.so` searches by default (`/lib`, `/usr/lib`, their `64` variants and Debian's multiarch
 * `<triple>` subdirectories, where distribution toolchains install `libstd-<hash>.so`). Additions of
 * `/etc/ld.so.conf` are not counted: the machines that run the executables are not known.
 */
export function stdOnDefaultLoaderPath(info: TargetInfo): boolean {
  if (info.stdDylib === null || !cfgHas(info.cfg, 'target_os', 'linux')) return false
  return /^\/(usr\/)?lib(64)?(\/[a-z0-9_]+-linux-[a-z0-9_]+)?\/?$/.test(info.stdDylibDir ?? info.targetLibdir)
}

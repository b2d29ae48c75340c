import { UserError } from '../errors.js'
import { type CfgSet, cfgHas, parseCfgLines } from '../model/cfg.js'
import type { CrateType } from '../model/crate-type.js'
import { targetFeatures } from '../model/rustc-flags.js'
import type { RustcVersion, TargetInfo } from '../model/target-info.js'

/** The crate types cargo's own target-info probe asks about, in its order. */
export const PROBED_CRATE_TYPES = ['bin', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'] as const

/**
 * Arguments of the one combined rustc call per target, the same request cargo's target-info probe
 * makes (`src/cargo/core/compiler/build_context/target_info.rs`), plus `target-libdir`. `input` is the source rustc
 * reads: cargo uses `-` (stdin); the null device gives the same answers without writing to a pipe.
 * `rustflags` go last, as cargo passes them; unless the repository is trusted they are only the options
 * `probeRustflags` lets through.
 */
export function probeArgs(target: string | null, rustflags: readonly string[], input = '-'): string[] {
  const args = [input, '--crate-name', '___', '--print=file-names']
  for (const t of PROBED_CRATE_TYPES) args.push('--crate-type', t)
  args.push('--print=sysroot', '--print=target-libdir', '--print=cfg')
  if (target !== null) args.push('--target', target)
  args.push(...rustflags)
  return args
}

/** The raw facts of one probe, before the target libdir has been listed. */
export interface ProbeResult {
  supportedCrateTypes: Set<CrateType>
  fileNames: Partial<Record<CrateType, string>>
  sysroot: string
  targetLibdir: string
  cfg: CfgSet
}

/** Parses the combined probe's stdout and stderr (rustc reports dropped crate types as warnings). */
export function parseProbe(stdout: string, stderr: string, target: string): ProbeResult {
  const dropped = new Set<string>()
  for (const m of stderr.matchAll(/dropping unsupported crate type `([a-z-]+)`/g)) dropped.add(m[1]!)
  const lines = stdout.split(/\r?\n/)
  const supported = PROBED_CRATE_TYPES.filter(t => !dropped.has(t))
  if (lines.length < supported.length + 2) {
    throw new UserError(`rustc --print for target \`${target}\` printed too little output to be understood: ${JSON.stringify(stdout.slice(0, 200))}`)
  }
  const fileNames: Partial<Record<CrateType, string>> = {}
  supported.forEach((t, i) => (fileNames[t] = lines[i]!.trim()))
  const sysroot = lines[supported.length]!.trim()
  const targetLibdir = lines[supported.length + 1]!.trim()
  const cfg = parseCfgLines(lines.slice(supported.length + 2).join('\n'))
  const supportedCrateTypes = new Set<CrateType>(supported)
  if (supportedCrateTypes.has('rlib')) supportedCrateTypes.add('lib')
  return { supportedCrateTypes, fileNames, sysroot, targetLibdir, cfg }
}

/** Finds the shared-library form of `std` among the file names of a target libdir. */
export function findStdDylib(entries: readonly string[]): string | null {
  const found = entries.filter(e => /^(lib)?std-[0-9a-f]+\.(so|dylib|dll)$/.test(e)).sort()
  return found[0] ?? null
}

/**
 * Whether executables are linked with a static C runtime (`crt-static`).
 *
 * The combined probe asks for proc-macro output, and rustc's `--print=cfg` then reports `crt-static` only
 * when it is given explicitly in the flags (a proc-macro never defaults to it). So with an explicit
 * `±crt-static` the cfg answers (targets that ignore the flag do not report it); otherwise the target
 * defaults to crt-static exactly when rustc dropped `dylib` (crt-static forbids it) while still accepting
 * `proc-macro` (so the target links dynamically):
 * the musl targets.
 */
export function executablesCrtStatic(rustflags: readonly string[], probe: ProbeResult): boolean {
  const features = targetFeatures(rustflags)
  // When given explicitly, rustc reports crt-static in cfg exactly when the target honours the flag.
  if (features.includes('+crt-static') || features.includes('-crt-static')) {
    return cfgHas(probe.cfg, 'target_feature', 'crt-static')
  }
  return !probe.supportedCrateTypes.has('dylib') && probe.supportedCrateTypes.has('proc-macro')
}

/** Parses `rustc -vV`. */
export function parseRustcVersion(stdout: string): RustcVersion {
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}: (.+)$`, 'm').exec(stdout)
    return m ? m[1]!.trim() : null
  }
  const release = field('release')
  const host = field('host')
  if (release === null || host === null) {
    throw new UserError(`\`rustc -vV\` printed unexpected output: ${JSON.stringify(stdout.slice(0, 120))}`)
  }
  const date = field('commit-date')
  return { release, commitHash: field('commit-hash') ?? 'unknown', commitDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, host }
}

/**
 * The target option `crt_static_allows_dylibs`, as far as the probe shows it. rustc drops a `cdylib` (as well
 * as `dylib` and `proc-macro`) when it would link with crt-static and the target does not allow dylibs with
 * it, or when the target has no dynamic linking (`rustc_session::output::invalid_output_for_target`); and
 * crt-static applies to a cdylib exactly when it applies to an executable (`Session::crt_static` sets apart
 * proc-macros only). So when executables are crt-static, `cdylib` survives the probe exactly when the target
 * allows dylibs with crt-static — a target without dynamic linking reads as not allowing them, which changes
 * nothing, since none of its crates can be a dylib. Without crt-static the probe cannot tell, and rustc never
 * asks: undefined.
 */
export function crtStaticAllowsDylibs(crtStaticExecutables: boolean, probe: ProbeResult): boolean | undefined {
  return crtStaticExecutables ? probe.supportedCrateTypes.has('cdylib') : undefined
}

export function toTargetInfo(triple: string, probe: ProbeResult, libdirEntries: readonly string[], rustflags: string[]): TargetInfo {
  const crtStaticExecutables = executablesCrtStatic(rustflags, probe)
  return {
    triple,
    cfg: probe.cfg,
    supportedCrateTypes: probe.supportedCrateTypes,
    fileNames: probe.fileNames,
    sysroot: probe.sysroot,
    targetLibdir: probe.targetLibdir,
    crtStaticExecutables,
    crtStaticAllowsDylibs: crtStaticAllowsDylibs(crtStaticExecutables, probe),
    stdDylib: findStdDylib(libdirEntries),
    stdInstalled: libdirEntries.some(e => /^libstd-[0-9a-f]+\.rlib$/.test(e)),
    rustflags,
    rustflagsSource: null,
    rustdocflags: [],
    rustdocflagsSource: null
  }
}

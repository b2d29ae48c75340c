/**
 * How a target's executables find Rust shared libraries at run time, from the probed `cfg`, not from the
 * triple's spelling. Facts per family, with their sources, in docs/platforms.md.
 */
import type { TargetInfo } from './target-info.js'

/**
 * `elf`: Linux, Android and the BSDs (ld.so, `$ORIGIN` rpaths). `darwin`: Apple targets (dyld, `@rpath`
 * install names). `windows`: the DLL search order (the executable's directory, then `PATH`); no rpath.
 * `wasm`: no Rust dylibs at all. `unmodelled`: anything else — AIX (XCOFF, `LIBPATH`), Cygwin (PE DLLs under
 * a Unix family), windows-gnullvm (whose unwinder DLL changed between releases), UEFI, bare metal.
 */
export type LoaderFamily = 'elf' | 'darwin' | 'windows' | 'wasm' | 'unmodelled'

function cfgValue(info: TargetInfo, key: string): ReadonlySet<string> {
  return info.cfg.values.get(key) ?? new Set()
}

export function loaderFamily(info: TargetInfo): LoaderFamily {
  if (cfgValue(info, 'target_family').has('wasm')) return 'wasm'
  const os = cfgValue(info, 'target_os')
  if (os.has('windows')) return cfgValue(info, 'target_abi').has('llvm') ? 'unmodelled' : 'windows'
  if (cfgValue(info, 'target_vendor').has('apple')) return 'darwin'
  if (cfgValue(info, 'target_family').has('unix') && !os.has('aix') && !os.has('cygwin')) return 'elf'
  return 'unmodelled'
}

/**
 * rustc's `is_like_windows`: the Windows targets, UEFI (PE images through the MSVC-style linker) and Cygwin
 * (`rustc_target::spec::base::{windows_gnu, windows_msvc, uefi_msvc, cygwin}`).
 */
export function isLikeWindows(info: TargetInfo): boolean {
  const os = cfgValue(info, 'target_os')
  return os.has('windows') || os.has('uefi') || os.has('cygwin')
}

/**
 * The C unwinder DLL a windows-gnu executable or DLL imports when it links any crate dynamically or is itself
 * a Rust `dylib`: rustc then links `late_link_args_dynamic` (`-lgcc_s`) instead of `-lgcc_eh`
 * (`rustc_codegen_ssa::back::link::add_late_link_args`, `any_dynamic_crate`; the libraries in
 * `rustc_target::spec::base::windows_gnu::opts`). MinGW-w64's import library names `libgcc_s_seh-1.dll` on
 * x86_64 and `libgcc_s_dw2-1.dll` on i686. Null for every other target.
 */
export function dynamicUnwinderDll(info: TargetInfo): string | null {
  if (loaderFamily(info) !== 'windows' || !cfgValue(info, 'target_env').has('gnu')) return null
  return cfgValue(info, 'target_arch').has('x86') ? 'libgcc_s_dw2-1.dll' : 'libgcc_s_seh-1.dll'
}

/** The variable cargo sets for `cargo run` and `cargo test` (cargo-util `paths::dylib_path_envvar`). */
export function libraryPathVariable(family: LoaderFamily): string {
  return family === 'windows' ? 'PATH' : family === 'darwin' ? 'DYLD_FALLBACK_LIBRARY_PATH' : 'LD_LIBRARY_PATH'
}

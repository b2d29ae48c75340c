/**
 * How a target's executables find Rust shared libraries at run time, from the probed `cfg`, not from the
 * triple's spelling. Facts per family, with their sources, in docs/platforms.md.
 */
import { cfgHas } from './cfg.js'
import type { TargetInfo } from './target-info.js'

/**
 * `elf`: Linux, Android and the BSDs (ld.so, `$ORIGIN` rpaths). `darwin`: Apple targets (dyld, `@rpath`
 * install names). `windows`: the DLL search order (the executable's directory, then `PATH`); no rpath.
 * `wasm`: no Rust dylibs at all. `unmodelled`: anything else — AIX (XCOFF, `LIBPATH`), Cygwin (PE DLLs under
 * a Unix family), windows-gnullvm (whose unwinder DLL changed between releases), UEFI, bare metal.
 */
export type LoaderFamily = 'elf' | 'darwin' | 'windows' | 'wasm' | 'unmodelled'

export function loaderFamily(info: TargetInfo): LoaderFamily {
  // Asked for every unit by several rules; a target's cfg does not change.
  let family = families.get(info)
  if (family === undefined) families.set(info, (family = familyOf(info)))
  return family
}

const families = new WeakMap<TargetInfo, LoaderFamily>()

function familyOf(info: TargetInfo): LoaderFamily {
  const has = (key: string, value: string): boolean => cfgHas(info.cfg, key, value)
  if (has('target_family', 'wasm')) return 'wasm'
  if (has('target_os', 'windows')) return has('target_abi', 'llvm') ? 'unmodelled' : 'windows'
  if (has('target_vendor', 'apple')) return 'darwin'
  if (has('target_family', 'unix') && !has('target_os', 'aix') && !has('target_os', 'cygwin')) return 'elf'
  return 'unmodelled'
}

/**
 * rustc's `is_like_windows`: the Windows targets, UEFI (PE images through the MSVC-style linker) and Cygwin
 * (`rustc_target::spec::base::{windows_gnu, windows_msvc, uefi_msvc, cygwin}`).
 */
export function isLikeWindows(info: TargetInfo): boolean {
  return ['windows', 'uefi', 'cygwin'].some(os => cfgHas(info.cfg, 'target_os', os))
}

/** windows-gnu: MinGW-w64's linker, import libraries `lib<name>.dll.a` and unwinder DLL. */
export function isMingw(info: TargetInfo): boolean {
  return loaderFamily(info) === 'windows' && cfgHas(info.cfg, 'target_env', 'gnu')
}

/**
 * The C unwinder DLL a windows-gnu executable or DLL imports when it links any crate dynamically or is itself
 * a Rust `dylib`: rustc then links `late_link_args_dynamic` (`-lgcc_s`) instead of `-lgcc_eh`
 * (`rustc_codegen_ssa::back::link::add_late_link_args`, `any_dynamic_crate`; the libraries in
 * `rustc_target::spec::base::windows_gnu::opts`). MinGW-w64's import library names `libgcc_s_seh-1.dll` on
 * x86_64 and `libgcc_s_dw2-1.dll` on i686. Null for every other target.
 */
export function dynamicUnwinderDll(info: TargetInfo): string | null {
  if (!isMingw(info)) return null
  return cfgHas(info.cfg, 'target_arch', 'x86') ? 'libgcc_s_dw2-1.dll' : 'libgcc_s_seh-1.dll'
}

/** The variable cargo sets for `cargo run` and `cargo test` (cargo-util `paths::dylib_path_envvar`). */
export function libraryPathVariable(family: LoaderFamily): string {
  return family === 'windows' ? 'PATH' : family === 'darwin' ? 'DYLD_FALLBACK_LIBRARY_PATH' : 'LD_LIBRARY_PATH'
}

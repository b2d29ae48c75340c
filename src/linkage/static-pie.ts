/**
 * Executables that crash before `main`: a static-pie executable with a run path.
 *
 * With `+crt-static`, rustc links an executable for `x86_64-unknown-linux-gnu` as static-pie
 * (`static_position_independent_executables` in the target spec) unless the relocation model is not PIC,
 * and `-C rpath` (cargo's `rpath = true`) gives it a `RUNPATH` (holding the toolchain's target libdir even
 * when no Rust dylib is linked). glibc's static-pie start-up requires that an executable have no
 * `RPATH`/`RUNPATH` (elf/get-dynamic-info.h, `assert (info[DT_RUNPATH] == NULL)` under
 * `STATIC_PIE_BOOTSTRAP`), so it dies with SIGSEGV before anything runs: a bin under `cargo run` and
 * started directly, a test harness under `cargo test`, and a build script when cargo runs it, which fails
 * the build. Verified with cargo 1.95 on glibc 2.36; other gnu targets are static-pie only on newer
 * compilers and are not reported.
 */
import { codegenOptions } from '../model/rustc-flags.js'
import type { Unit } from '../model/unit-graph.js'

/** What the unit is when it crashes: cargo compiles it, then starting it fails. */
export type CrashingExecutable = 'build-script' | 'test-harness' | 'program'

export function staticPieWithRunPath(unit: Unit): CrashingExecutable | null {
  if (!unit.crtStatic || !unit.rpath) return null
  const what: CrashingExecutable | null =
    unit.target.kind === 'custom-build' ? 'build-script' : unit.mode === 'test' ? 'test-harness' : unit.mode === 'build' && unit.crateTypes.includes('bin') ? 'program' : null
  if (what === null) return null
  const cfg = unit.targetInfo.cfg.values
  const gnuX86 =
    cfg.get('target_os')?.has('linux') && cfg.get('target_env')?.has('gnu') && cfg.get('target_arch')?.has('x86_64') && cfg.get('target_pointer_width')?.has('64')
  if (!gnuX86) return null
  const model = codegenOptions(unit.rustflags, 'relocation-model').at(-1) ?? 'default'
  return model === 'default' || model === 'pic' || model === 'pie' ? what : null
}

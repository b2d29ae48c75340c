/**
 * The engine against real builds for other targets and another compiler: Debian's rustc (1.63) and
 * cargo, selected as the rustup toolchain `debian` (`rustup toolchain link debian /usr`), building for
 * x86_64-pc-windows-gnu (executables started under wine, where cargo put them and copied alone), for
 * wasm32-unknown-unknown and wasm32-wasi, and for the host. Each platform is skipped, with the reason,
 * where its toolchain is not installed; `.ci/run` installs them.
 */
import { describe, expect, it } from '@jest/globals'
import { type ChosenWorkspace, formatMismatchesByCase, runDifferential } from '../scripts/differential.js'
import type { BuildPlatform } from './differential/cargo-outcome.js'
import { crossToolchainMissing } from './support/cross-toolchains.js'

interface CrossPlatform {
  name: string
  platform: BuildPlatform
  /** Programs the platform needs besides the toolchain. */
  programs: string[]
  workspaces: readonly ChosenWorkspace[]
}

/** Chosen from `scripts/differential.ts --toolchain debian --target …` runs for what they reach. */
const PLATFORMS: readonly CrossPlatform[] = [
  {
    name: 'x86_64-pc-windows-gnu',
    platform: { toolchain: 'debian', target: 'x86_64-pc-windows-gnu' },
    programs: ['wine', 'x86_64-w64-mingw32-gcc'],
    workspaces: [
      // Bins over dylibs under -C prefer-dynamic: std-<hash>.dll and libgcc_s_seh-1.dll missing in place, the
      // workspace DLLs too when copied alone; l2 (cdylib+rlib) read as a dylib by rustc 1.63.
      { category: 'linkage', seed: 1915531980, invocations: ['prefer-dynamic'] },
      { category: 'linkage', seed: 608347824, invocations: ['prefer-dynamic'] },
      // Copied alone, app4.exe imports l1.dll, which imports l0.dll: wine stops at l1.dll and never looks
      // for l0.dll, which the engine lists too (it is needed all the same).
      { category: 'linkage', seed: 1731780402, invocations: ['prefer-dynamic'] },
      // +crt-static from the environment.
      { category: 'rustflags', seed: 2103546817, invocations: ['rustflags-env'] }
    ]
  },
  {
    name: 'wasm32-unknown-unknown',
    platform: { toolchain: 'debian', target: 'wasm32-unknown-unknown' },
    programs: [],
    workspaces: [
      // A dylib-only library with a dependency, which cargo refuses for wasm before building anything.
      { category: 'linkage', seed: 1915531980, invocations: ['workspace'] },
      // dylib+rlib libraries, whose dylib rustc drops with a warning.
      { category: 'linkage', seed: 608347824, invocations: ['package'] }
    ]
  },
  {
    name: 'wasm32-wasi',
    platform: { toolchain: 'debian', target: 'wasm32-wasi' },
    programs: [],
    workspaces: [{ category: 'linkage', seed: 608347824, invocations: ['workspace'] }]
  },
  {
    name: 'the host, with a distribution compiler',
    platform: { toolchain: 'debian', target: null },
    programs: [],
    workspaces: [
      // libstd in /usr/lib/<multiarch>: bins with dynamic std start; a proc-macro over a dylib loads (1.63).
      { category: 'linkage', seed: 1915531980, invocations: ['prefer-dynamic'] },
      { category: 'unused', seed: 1135522287, invocations: ['prefer-dynamic'] },
      // cargo 1.63 compiles the example `cargo bench` proposes (`bench = true`, no `test = true`) as a test
      // harness; cargo 1.89 and later build it as a plain binary.
      { category: 'target-flags', seed: 2120312681, invocations: ['bench-p-app2-features-extra'] }
    ]
  }
]

describe.each(PLATFORMS)('differential against cargo: $name', cross => {
  const reason = crossToolchainMissing(cross.platform.toolchain, cross.platform.target, cross.programs)
  const invocations = cross.workspaces.reduce((n, w) => n + (w.invocations?.length ?? 0), 0)
  if (reason !== null) {
    it.skip(`skipped: ${reason}`, () => undefined)
    return
  }
  it(`agrees with cargo on ${invocations} invocations`, async () => {
    const result = await runDifferential({ count: cross.workspaces.length, seed: 0, workspaces: cross.workspaces, jobs: 2, platform: cross.platform })
    expect(result.cases).toHaveLength(invocations)
    const compared = result.cases.reduce((n, c) => n + (c.comparison?.compared ?? 0), 0)
    expect(compared).toBeGreaterThan(0)
    expect(formatMismatchesByCase(result)).toEqual([])
  }, 300_000)
})

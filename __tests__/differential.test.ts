/**
 * The engine against the real compiler: 40 generated workspaces, each built with `--workspace`,
 * `-p <bin>` and `--workspace` under `RUSTFLAGS="-C prefer-dynamic"`, in fresh target directories
 * under the system temporary directory (removed afterwards). Two builds run at once.
 */
import { describe, expect, it } from '@jest/globals'
import { allMismatches, runDifferential } from '../scripts/differential.js'
import { formatMismatch } from './differential/compare.js'

const WORKSPACES = 40
// Chosen because its workspaces reach every failure seen in larger runs: duplicate `std`, a rlib
// duplicated through two dylibs, rlib-required staticlibs, panic-runtime conflicts, LTO with
// prefer-dynamic, unusable cdylib dependencies, proc-macros over dylibs, and rpath binaries.
const SEED = 5

describe('differential against cargo', () => {
  it(`agrees with cargo on ${WORKSPACES} generated workspaces x 3 invocations`, async () => {
    const result = await runDifferential({ count: WORKSPACES, seed: SEED, jobs: 2 })
    expect(result.cases).toHaveLength(WORKSPACES * 3)
    const compared = result.cases.reduce((n, c) => n + (c.comparison?.compared ?? 0), 0)
    expect(compared).toBeGreaterThan(WORKSPACES * 3)
    // Compared as text so that a failure prints every mismatch readably.
    expect(allMismatches(result).flatMap(formatMismatch)).toEqual([])
  }, 600_000)
})

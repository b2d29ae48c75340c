/**
 * The engine against the real compiler: 21 generated workspaces, each built with `--workspace`,
 * `-p <bin>` and `--workspace` under `RUSTFLAGS="-C prefer-dynamic"`, in fresh target directories
 * under the system temporary directory (removed afterwards). Every bin is started where cargo put it
 * and copied alone. Two builds run at once.
 */
import { describe, expect, it } from '@jest/globals'
import { allMismatches, drawWorkspaces, runDifferential } from '../scripts/differential.js'
import { formatMismatch } from './differential/compare.js'

// The first 20 workspaces of seed 5 reach every failure its first 40 do — duplicate `std`, a rlib
// duplicated through two dylibs, rlib-required staticlibs, panic-runtime conflicts, LTO with
// prefer-dynamic, unusable cdylib dependencies, bins that fail to start, rpath bins — but one: its 36th
// has a proc-macro over a dylib (E0463).
const CHOSEN = [...drawWorkspaces({ count: 20, seed: 5 }), { category: 'linkage' as const, seed: 829148661 }]
const WORKSPACES = CHOSEN.length

describe('differential against cargo', () => {
  it(`agrees with cargo on ${WORKSPACES} generated workspaces x 3 invocations`, async () => {
    const result = await runDifferential({ count: WORKSPACES, seed: 5, workspaces: CHOSEN, jobs: 2 })
    expect(result.cases).toHaveLength(WORKSPACES * 3)
    const compared = result.cases.reduce((n, c) => n + (c.comparison?.compared ?? 0), 0)
    expect(compared).toBeGreaterThan(WORKSPACES * 3)
    // Compared as text so that a failure prints every mismatch readably.
    expect(allMismatches(result).flatMap(formatMismatch)).toEqual([])
  }, 600_000)
})

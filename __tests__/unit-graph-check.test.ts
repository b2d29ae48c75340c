/**
 * `scripts/unit-graph-check.ts`, the check of the engine against cargo's own unit graph on any workspace: it
 * passes where the engine agrees with cargo, refusals included, and reports a command line cargo and the engine
 * see differently.
 */
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { unitGraphCheck } from './support/unit-graph-check.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const WORKSPACE = path.join(ROOT, '__tests__', 'fixtures', 'workspaces', 'features-dev-dep-of-dependency')

const check = (...lines: string[]) => unitGraphCheck(WORKSPACE, lines)

describe('scripts/unit-graph-check.ts', () => {
  it('agrees with cargo on units, features and refusals, and says where it ran', () => {
    const r = check('cwd:r1/base build -p app', 'test --no-run -p app', 'build -p nope')
    expect(r.stdout).toContain('same  r1/base: cargo build -p app: 4 units')
    expect(r.stdout).toContain('same  .: cargo build -p nope')
    expect({ status: r.status, last: r.stdout.trim().split('\n').pop() }).toEqual({ status: 0, last: '3 of 3 command lines agree' })
  }, 60_000)

  it('reports a command line cargo and the engine see differently, and exits 1; no command line is a usage error', () => {
    // The engine predicts build, test and bench; cargo also answers `check`.
    const r = check('check', 'build -p app')
    expect(r.stdout).toContain('DIFFERENT  .: cargo check\n  cargo:  ')
    expect({ status: r.status, last: r.stdout.trim().split('\n').pop() }).toEqual({ status: 1, last: '1 of 2 command lines agree' })
    expect(check().status).toBe(2)
  }, 60_000)
})

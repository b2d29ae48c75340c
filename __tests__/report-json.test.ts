import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { reportJson } from '../src/report/json.js'
import { analyzeWorkspace } from '../src/run.js'
import { gated, makeFinding, makeReport } from './support/reports.js'

describe('the JSON report written in chunks', () => {
  it('is byte for byte what JSON.stringify(report, null, 2) writes, for a real report and for empty arrays', async () => {
    const example = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')
    const report = gated(await analyzeWorkspace({ manifestPath: path.join(example, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: example }))
    expect([...reportJson(report)].join('')).toBe(`${JSON.stringify(report, null, 2)}\n`)
    const empty = makeReport({ findings: [makeFinding({ message: 'line one\nline "two"' })], baseline: undefined })
    expect([...reportJson(empty)].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`)
  })

  it('is the same across the batches a long array is written in, at and around their edges', () => {
    for (const count of [255, 256, 257, 513]) {
      const many = makeReport({ findings: Array.from({ length: count }, (_, i) => makeFinding({ message: `finding ${i}\nsecond line` })) })
      expect([...reportJson(many)].join('')).toBe(`${JSON.stringify(many, null, 2)}\n`)
    }
  })
})

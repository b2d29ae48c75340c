import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { reportJson } from '../src/report/json.js'
import type { Report } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'
import { gated, makeFinding, makeReport } from './support/reports.js'

/** `JSON.stringify(report, null, 2)`, but each artifact on one compact line. */
function expectedText(report: Report): string {
  const artifacts = report.artifacts.length === 0 ? '[]' : `[\n${report.artifacts.map(a => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]`
  return `${JSON.stringify({ ...report, artifacts: '\0' }, null, 2).replace('"\\u0000"', () => artifacts)}\n`
}

describe('the JSON report written in chunks', () => {
  it('is JSON.stringify(report, null, 2) with one line per artifact, for a real report and for empty arrays', async () => {
    const example = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')
    const report = gated(await analyzeWorkspace({ manifestPath: path.join(example, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: example }))
    const text = [...reportJson(report)].join('')
    expect(report.artifacts.length).toBeGreaterThan(3)
    expect(text).toBe(expectedText(report))
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)))
    // Every artifact is a line of its own, findings keep the indented layout.
    const lines = text.split('\n')
    expect(lines.filter(l => l.startsWith('    {"package":')).length).toBe(report.artifacts.length)
    expect(lines).toContain('      "rule": "duplicate-linkage",')
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

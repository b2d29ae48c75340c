import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { reportJsonText } from '../src/report/json.js'
import type { Report } from '../src/report/report.js'
import { analyzeWorkspace } from '../src/run.js'
import { gated, makeArtifact, makeFinding, makeReport } from './support/reports.js'

/** `JSON.stringify(report, null, 2)`, but each artifact on one compact line. */
function expectedText(report: Report): string {
  const artifacts = report.artifacts.length === 0 ? '[]' : `[\n${report.artifacts.map(a => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]`
  return `${JSON.stringify({ ...report, artifacts: '\0' }, null, 2).replace('"\\u0000"', () => artifacts)}\n`
}

describe('the JSON report written in chunks', () => {
  it('is JSON.stringify(report, null, 2) with one line per artifact, for a real report and for empty arrays', async () => {
    const example = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')
    const report = gated(await analyzeWorkspace({ manifestPath: path.join(example, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: example }))
    const text = reportJsonText(report)
    expect(report.artifacts.length).toBeGreaterThan(3)
    expect(text).toBe(expectedText(report))
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)))
    // Every artifact is a line of its own, findings keep the indented layout.
    const lines = text.split('\n')
    expect(lines.filter(l => l.startsWith('    {"package":')).length).toBe(report.artifacts.length)
    expect(lines).toContain('      "rule": "duplicate-linkage",')
    const empty = makeReport({ findings: [makeFinding({ message: 'line one\nline "two"' })], baseline: undefined })
    expect(reportJsonText(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`)
  })

  it('writes linkage lists byte for byte as JSON.stringify would: shared entries, non-ASCII text, look-alike values', () => {
    const shared = Object.freeze({ crate: 'std', how: 'static' as const })
    const artifacts = [
      makeArtifact({ package: 'plain', linkage: [shared, { crate: 'dy', how: 'dynamic' }, shared] }),
      makeArtifact({ package: 'empty', linkage: [] }),
      // A feature that reads like the list's key, and text of two, three and four UTF-8 bytes per character.
      makeArtifact({ package: 'édition', features: ['"linkage":[]', 'ünïcödé'], linkage: [shared, { crate: 'ß', how: 'included-from-dylib', via: '€', package: 'ß@1.0.0' }, { crate: 'x', how: 'static', package: 'emoji-😀@0.1.0' }], runtimeLibraries: ['libdy.so'], rpath: false }),
      makeArtifact({ package: 'last', linkage: [shared] })
    ]
    const report = makeReport({ artifacts })
    expect(reportJsonText(report)).toBe(expectedText(report))
  })

  it('is the same across the batches a long array is written in, at and around their edges', () => {
    for (const count of [255, 256, 257, 513]) {
      const many = makeReport({ findings: Array.from({ length: count }, (_, i) => makeFinding({ message: `finding ${i}\nsecond line` })) })
      expect(reportJsonText(many)).toBe(`${JSON.stringify(many, null, 2)}\n`)
    }
  })
})

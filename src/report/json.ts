import type { Report } from './report.js'

/** Array elements stringified together: large enough that the native stringifier does the work, small enough to bound each chunk. */
const BATCH = 16

/**
 * The JSON report as chunks of text: `JSON.stringify(report, null, 2)`'s layout, except that each element of
 * `artifacts` is one compact line. Artifacts are nearly all of a large report (a 10,000-package workspace
 * links millions of crates into its artifacts), and one line each halves the file and the time to write it
 * and keeps it greppable. Chunks are a line or a batch of elements at a time: building the report as one
 * string would double the memory the analysis needs.
 */
export function* reportJson(report: Report): Generator<string> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined)
  yield '{\n'
  for (const [i, [key, value]] of fields.entries()) {
    const name = JSON.stringify(key)
    if (key === 'artifacts' && Array.isArray(value) && value.length > 0) {
      yield `  ${name}: [\n`
      const last = value.length - 1
      for (let j = 0; j <= last; j++) yield `    ${JSON.stringify(value[j])}${j < last ? ',\n' : '\n'}`
      yield '  ]'
    } else if (Array.isArray(value) && value.length > 0) {
      yield `  ${name}: [\n`
      for (let start = 0; start < value.length; start += BATCH) {
        // `{"k": [a, b]}` with a two-space indent puts each element at four spaces, as in the whole report;
        // its first two lines and last two lines are the wrapper's.
        const text = JSON.stringify({ [key]: value.slice(start, start + BATCH) }, null, 2)
        const elements = text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1, text.lastIndexOf('\n', text.lastIndexOf('\n') - 1))
        yield start + BATCH < value.length ? `${elements},\n` : `${elements}\n`
      }
      yield '  ]'
    } else {
      yield `  ${name}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`
    }
    yield i === fields.length - 1 ? '\n' : ',\n'
  }
  yield '}\n'
}

import type { Report } from './report.js'

/** Array elements stringified together: large enough that the native stringifier does the work, small enough to bound each chunk. */
const BATCH = 16

/**
 * The JSON report as chunks of text, identical to `JSON.stringify(report, null, 2)` once joined, but
 * produced a batch of array elements at a time: a 10,000-package workspace's report is hundreds of
 * megabytes, and building it as one string would double the memory the analysis needs.
 */
export function* reportJson(report: Report): Generator<string> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined)
  yield '{\n'
  for (const [i, [key, value]] of fields.entries()) {
    const name = JSON.stringify(key)
    if (Array.isArray(value) && value.length > 0) {
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

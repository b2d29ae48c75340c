import type { TextChunk } from '../write-file.js'
import type { Report } from './report.js'

/** Array elements stringified together: large enough that the native stringifier does the work, small enough to bound each chunk. */
const BATCH = 16

/**
 * The JSON report as chunks: `JSON.stringify(report, null, 2)`'s layout, except that each element of
 * `artifacts` is one compact line. Artifacts are nearly all of a large report (a 10,000-package workspace
 * links close to a million crates into its artifacts); one line each halves the file and keeps it greppable.
 * An artifact's linkage list is written as bytes: each distinct entry (the engine shares one object per crate
 * and way of linking it) is encoded once, and every list hands those same bytes to the writer, instead of a
 * string per list to build, flatten and encode. Building the report as one string would double the memory
 * the analysis needs.
 */
export function* reportJson(report: Report): Generator<TextChunk> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined)
  yield '{\n'
  for (const [i, [key, value]] of fields.entries()) {
    const name = JSON.stringify(key)
    if (key === 'artifacts' && Array.isArray(value) && value.length > 0) {
      yield `  ${name}: [\n`
      const encoded = new Map<unknown, readonly [Uint8Array, Uint8Array]>()
      const last = value.length - 1
      for (let j = 0; j <= last; j++) {
        const artifact = value[j] as Report['artifacts'][number]
        const end = j < last ? ',\n' : '\n'
        if (artifact.linkage.length === 0) {
          yield `    ${JSON.stringify(artifact)}${end}`
          continue
        }
        // No string value can hold `"linkage":[` unescaped, and no field before the list has a key of that name.
        const line = JSON.stringify({ ...artifact, linkage: [] })
        const at = line.indexOf('"linkage":[]') + '"linkage":['.length
        yield `    ${line.slice(0, at)}`
        const entries: Uint8Array[] = new Array(artifact.linkage.length)
        for (let k = 0; k < entries.length; k++) entries[k] = entryBytes(artifact.linkage[k]!, k > 0, encoded)
        yield entries
        yield `${line.slice(at)}${end}`
      }
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

/** The report as one string: `reportJson`'s chunks, decoded. */
export function reportJsonText(report: Report): string {
  const decode = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  return Array.from(reportJson(report), chunk => (typeof chunk === 'string' ? chunk : Array.isArray(chunk) ? chunk.map(decode).join('') : decode(chunk as Uint8Array))).join('')
}

/**
 * A linkage entry as compact JSON in UTF-8, after a comma when `comma`; `encoded` keeps both forms of each
 * entry, which are never changed: the writer may hold on to them.
 */
function entryBytes(entry: object, comma: boolean, encoded: Map<unknown, readonly [Uint8Array, Uint8Array]>): Uint8Array {
  let forms = encoded.get(entry)
  if (forms === undefined) {
    const bytes = Buffer.from(`,${JSON.stringify(entry)}`, 'utf8')
    encoded.set(entry, (forms = [bytes.subarray(1), bytes]))
  }
  return forms[comma ? 1 : 0]
}

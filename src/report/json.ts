import type { Report } from './report.js'

/**
 * The JSON report as chunks of text, identical to `JSON.stringify(report, null, 2)` once joined, but
 * produced one array element at a time: a 10,000-package workspace's report is hundreds of megabytes, and
 * building it as one string would double the memory the analysis needs.
 */
export function* reportJson(report: Report): Generator<string> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined)
  yield '{\n'
  for (const [i, [key, value]] of fields.entries()) {
    const last = i === fields.length - 1
    yield `  ${JSON.stringify(key)}: `
    if (Array.isArray(value) && value.length > 0) {
      yield '[\n'
      for (const [j, item] of value.entries()) yield `${indent(JSON.stringify(item, null, 2), '    ')}${j === value.length - 1 ? '' : ','}\n`
      yield '  ]'
    } else {
      yield indent(JSON.stringify(value, null, 2), '  ').trimStart()
    }
    yield last ? '\n' : ',\n'
  }
  yield '}\n'
}

function indent(text: string, prefix: string): string {
  return prefix + text.replace(/\n/g, `\n${prefix}`)
}

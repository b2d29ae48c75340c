#!/usr/bin/env node
import fs from 'node:fs'
import path from 'node:path'
import { describeError } from '../errors.js'
import { analyzeWorkspace } from '../run.js'
import { countFindings, renderMarkdown, renderText } from '../report/render.js'
import { HELP_TEXT, parseCliArgs } from './args.js'

declare const __VERSION__: string | undefined

/** `rust-linkage-guard`: exit 0 when nothing fails, 1 with error findings, 2 for usage or input errors. */
async function main(argv: string[]): Promise<number> {
  const options = parseCliArgs(argv, { colorTerminal: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR })
  if (options.help) {
    process.stdout.write(HELP_TEXT.endsWith('\n') ? HELP_TEXT : `${HELP_TEXT}\n`)
    return 0
  }
  if (options.version) {
    process.stdout.write(`rust-linkage-guard ${typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0'}\n`)
    return 0
  }
  const report = await analyzeWorkspace({
    manifestPath: options.manifestPath,
    invocation: options.invocation,
    metadataFile: options.metadataFile,
    configOverrides: options.configOverrides,
    env: process.env,
    cwd: process.cwd()
  })
  const text =
    options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'markdown' ? renderMarkdown(report) : renderText(report)
  if (options.output !== null) writeAtomically(options.output, text)
  else process.stdout.write(text)
  return countFindings(report).errors > 0 ? 1 : 0
}

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`)
  fs.writeFileSync(tmp, text)
  fs.renameSync(tmp, file)
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  (error: unknown) => {
    const { message } = describeError(error)
    process.stderr.write(`error: ${message}\n`)
    process.exitCode = 2
  }
)

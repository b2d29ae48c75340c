import path from 'node:path'
import { describeError, UserError } from '../errors.js'
import { exitOnceFlushed } from '../exec/exit.js'
import { cleanUpOnSignals } from '../exec/interrupt.js'
import { metadataTuning } from '../exec/v8-tuning.js'
import { selectAnnotations, workflowCommand } from '../report/annotations.js'
import { reportJson } from '../report/json.js'
import { renderText, verdictLine } from '../report/render.js'
import type { Report } from '../report/report.js'
import { renderSarif } from '../report/sarif.js'
import { painter } from '../report/sgr.js'
import { renderSummary } from '../report/summary.js'
import { check } from '../run.js'
import { VERSION } from '../version.js'
import { inBatches, type TextChunk, writeAtomically } from '../write-file.js'
import { colorFlagIn, HELP_TEXT, parseCliArgs, type ReportFormat, splitCommandLine } from './args.js'
import { decideErrorColor, terminalShowsColor } from './color.js'
import { applyReportFixes, checkWorkingTree } from './fix.js'

/**
 * `rust-linkage-guard`, also installed as `cargo-linkage-guard` for `cargo linkage-guard`: exit 0 when the
 * check passes, 1 when findings fail it, 2 for usage or input errors, 3 when cargo or rustc could not be
 * run, failed, or took longer than `--timeout`.
 */
async function main(argv: string[]): Promise<number> {
  const { toolchain: requested, args } = splitCommandLine(argv)
  const options = parseCliArgs(args, {
    colorTerminal: terminalShowsColor(Boolean(process.stdout.isTTY), process.env),
    cargoTermColor: process.env.CARGO_TERM_COLOR
  })
  if (options.help) {
    process.stdout.write(HELP_TEXT.endsWith('\n') ? HELP_TEXT : `${HELP_TEXT}\n`)
    return 0
  }
  if (options.version) {
    process.stdout.write(`rust-linkage-guard ${VERSION}\n`)
    return 0
  }
  if (requested !== null && !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/u.test(requested)) {
    throw new UserError(`\`+${requested}\` must name a rustup toolchain such as \`+stable\` or \`+1.95.0\``)
  }
  const cwd = process.cwd()
  const searchFrom = options.manifestPath === null ? cwd : path.dirname(path.resolve(cwd, options.manifestPath))
  if (options.fix && !options.allowDirty) await checkWorkingTree(searchFrom, process.env)
  const run = () => check({
    manifestPath: options.manifestPath,
    invocation: options.invocation,
    metadataFile: options.metadataFile,
    configOverrides: options.configOverrides,
    env: process.env,
    cwd,
    policy: { policy: options.policy, defaultPolicy: options.noPolicy ? null : 'search', searchFrom },
    rustToolchain: requested,
    toolchainDir: searchFrom,
    // A developer's own environment may install toolchains as rustup is configured to.
    installToolchain: true,
    trustRepositoryConfig: options.trustRepositoryConfig,
    timeoutMs: options.timeoutMs ?? undefined,
    failOn: options.failOn,
    baseline: options.baseline,
    ...metadataTuning()
  })
  const report = await run()
  if (options.fix) {
    const outcome = applyReportFixes(report)
    await writeStdout(outcome.text)
    // What the build does now, as analysed again from the edited files.
    const after = outcome.written.length > 0 ? await run() : report
    await writeStdout(`${verdictLine(after)}\n`)
    return after.gate.verdict === 'fail' ? 1 : 0
  }
  const text = render(report, options.format, options.color)
  if (options.output !== null) writeAtomically(options.output, text, '`--output`', { flush: false })
  else await writeStdout(text)
  return report.gate.verdict === 'fail' ? 1 : 0
}

/** Writes in batches of chunks, waiting whenever the pipe is full; stops once the reader has gone (`| head`). */
async function writeStdout(text: string | Iterable<TextChunk>): Promise<void> {
  const stdout = process.stdout
  // The stream may hold on to a batch until it is written: each is a buffer of its own.
  for (const batch of typeof text === 'string' ? [text] : inBatches(text, false)) {
    if (stdout.destroyed) return
    if (!stdout.write(batch)) {
      await new Promise<void>(resolve => {
        const writable = (): void => {
          stdout.off('drain', writable).off('close', writable)
          resolve()
        }
        stdout.on('drain', writable).on('close', writable)
      })
    }
  }
}

function render(report: Report, format: ReportFormat, color: boolean): string | Iterable<TextChunk> {
  // Repository-relative paths for SARIF and annotations, taking the working directory as the repository root.
  const workspacePrefix = path.relative(process.cwd(), report.workspaceRoot).split(path.sep).join('/')
  switch (format) {
    case 'json':
      return reportJson(report)
    case 'markdown':
      return renderSummary(report)
    case 'sarif':
      return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, workspacePrefix }), null, 2)}\n`
    case 'github':
      return selectAnnotations(report, { workspacePrefix })
        .annotations.map(a => `${workflowCommand(a)}\n`)
        .join('')
    case 'text':
      return renderText(report, { color })
  }
}

// A reader that stops reading (`| head`) closes the pipe: what is left to write is dropped without a stack trace,
// and the exit status is still the verdict's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

// For the entry, which makes its code cache as the process exits (`code-cache.ts`).
export { restoreStartFlags } from '../exec/v8-tuning.js'

cleanUpOnSignals()
const argv = process.argv.slice(2)
main(argv).then(code => exitOnceFlushed(code), (error: unknown) => {
  const { message } = describeError(error)
  const paint = painter(decideErrorColor(colorFlagIn(argv), process.env, Boolean(process.stderr.isTTY)))
  process.stderr.write(`${paint('error', 'error')}: ${message}\n`)
  exitOnceFlushed(error instanceof UserError ? error.exitCode : 2)
})

import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { describeError } from './errors.js'
import { parseActionInputs, type FailOn } from './inputs.js'
import { countFindings, renderMarkdown, renderText } from './report/render.js'
import type { FindingReport, Report } from './report/report.js'
import { analyzeWorkspace } from './run.js'

/** GitHub records at most this many annotations of each type per step. */
const ANNOTATIONS_PER_TYPE = 10

/** The action: inputs → analysis → report file, job summary, annotations, outputs, status. */
export async function run(): Promise<void> {
  try {
    const settings = parseActionInputs(name => core.getInput(name))
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
    const report = await analyzeWorkspace({
      manifestPath: settings.manifestPath,
      invocation: settings.invocation,
      env: process.env,
      cwd: workspace
    })
    const reportPath = path.resolve(workspace, settings.reportPath)
    writeAtomically(reportPath, `${JSON.stringify(report, null, 2)}\n`)
    logUntrusted(renderText(report))
    annotate(report, path.relative(workspace, report.workspaceRoot))
    await core.summary.addRaw(renderMarkdown(report)).write()

    const { errors, warnings } = countFindings(report)
    const failed = fails(settings.failOn, errors, warnings)
    core.setOutput('errors', errors)
    core.setOutput('warnings', warnings)
    core.setOutput('report', reportPath)
    core.setOutput('verdict', failed ? 'fail' : 'pass')
    if (failed) core.setFailed(`${errors} error(s) and ${warnings} warning(s) in the linkage of this workspace; see the job summary.`)
  } catch (error) {
    const { message } = describeError(error)
    core.setOutput('verdict', 'error')
    core.setFailed(message)
  }
}

function fails(failOn: FailOn, errors: number, warnings: number): boolean {
  if (failOn === 'never') return false
  return errors > 0 || (failOn === 'warning' && warnings > 0)
}

/** Annotations on the manifest lines at fault; the runner keeps only 10 per type per step. */
function annotate(report: Report, workspaceDir: string): void {
  const shown: Record<string, number> = {}
  let hidden = 0
  for (const f of report.findings) {
    const type = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice'
    shown[type] = (shown[type] ?? 0) + 1
    if (shown[type]! > ANNOTATIONS_PER_TYPE || (type === 'notice' && shown[type]! >= ANNOTATIONS_PER_TYPE)) {
      hidden++
      continue
    }
    annotation(type, f, workspaceDir)
  }
  if (hidden > 0) core.notice(`${hidden} more finding(s) in the job summary and the JSON report.`)
}

function annotation(type: 'error' | 'warning' | 'notice', f: FindingReport, workspaceDir: string): void {
  const file = path.join(workspaceDir, f.file).split(path.sep).join('/')
  const properties = { title: `${f.rule}: ${f.package} (${f.kind} ${f.target})`, file, startLine: f.line }
  const message = `${f.message}\nFix: ${f.fixes[0] ?? ''}`
  if (type === 'error') core.error(message, properties)
  else if (type === 'warning') core.warning(message, properties)
  else core.notice(message, properties)
}

/** Prints text from the repository with workflow commands switched off, so it cannot forge any. */
function logUntrusted(text: string): void {
  const token = crypto.randomUUID()
  core.info(`::stop-commands::${token}`)
  core.info(text)
  core.info(`::${token}::`)
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, text)
  fs.renameSync(tmp, file)
}

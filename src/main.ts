import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { describeError, UserError } from './errors.js'
import { metadataTuning } from './exec/v8-tuning.js'
import { createGitHubClient, type GitHubClient, loadGitHubModule } from './github/client.js'
import { commentMarker, type CommentOutcome, fitCommentBody, upsertStickyComment } from './github/comment.js'
import { type PullRequestContext, readEventContext, readPullRequestContext, runUrl } from './github/context.js'
import { type ChangedLines, fetchChangedLines, isLineChanged } from './github/diff.js'
import { annotation, getInput, info, setFailed, setOutputCommand } from './github/workflow-commands.js'
import { keepSuggestionReview, reviewMarker, type ReviewOutcome } from './github/review.js'
import { findRunPullRequests } from './github/workflow-run.js'
import { InputFileError, readInputFile, repositoryScope } from './input-file.js'
import { type ActionSettings, checkTrigger, parseActionInputs } from './inputs.js'
import { DEFAULT_POLICY_FILE } from './policy/policy.js'
import { type Annotation, type AnnotateMode, type AnnotationOptions, selectAnnotations } from './report/annotations.js'
import { renderComment, suggestedChanges } from './report/comment.js'
import { reportJson } from './report/json.js'
import { parseReport } from './report/parse-report.js'
import { countFindings, md, renderText } from './report/render.js'
import type { Report } from './report/report.js'
import { restateReport } from './report/restate.js'
import { renderSarif } from './report/sarif.js'
import { type FileLinks, renderSummary } from './report/summary.js'
import { check } from './run.js'
import { plural } from './text.js'
import { VERSION } from './version.js'
import { appendToFile, resolveOutputPath, writeAtomically } from './write-file.js'

/**
 * The action: inputs → analysis → policy and baseline → report files, job summary, sticky comment,
 * annotations, outputs and the step's status; or, with `publish-report`, an earlier run's report posted
 * to its pull request.
 */
export async function run(): Promise<void> {
  try {
    const settings = parseActionInputs(name => getInput(name))
    if (settings.publishReport !== null) await publish(settings, settings.publishReport)
    else await analyse(settings)
  } catch (error) {
    // Nothing here may throw: whatever else fails, the step ends with this one error line and exit code 1.
    process.exitCode = 1
    const { message } = describeError(error)
    const lost = attempt(() => setOutputs({ verdict: 'error' }))
    const line = lost === null || lost === message ? message : `${message}; the output \`verdict\` was not set: ${lost}`
    attempt(() => setFailed(line))
    writeErrorSummary(message)
  }
}

async function analyse(settings: ActionSettings): Promise<void> {
  checkTrigger(process.env.GITHUB_EVENT_NAME, settings.allowPrivilegedTrigger)
  const env = process.env
  const repository = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const trust = settings.trustRepositoryConfig
  // The pull request chooses every file in the checkout, symlinks included: none it names may lead outside.
  const scope = trust ? null : repositoryScope(repository)
  const manifestDir = path.dirname(path.resolve(repository, settings.manifestPath))
  // Read before the analysis, so that a pull request's GitHub client loads while cargo works; @actions/github
  // reads the payload itself as it loads, so only one read here as a pull request gets to it. A payload that
  // cannot be read is reported where it was without this, once the report is written.
  let pr: PullRequestContext | null = null
  let unreadablePayload: unknown
  try {
    pr = readPullRequestContext(env, readEventPayload)
  } catch (error) {
    unreadablePayload = error
  }
  const talksToGitHub = pr !== null && settings.token !== ''
  const report = await check({
    manifestPath: settings.manifestPath,
    invocation: settings.invocation,
    env,
    cwd: repository,
    policy: { policy: settings.policy, defaultPolicy: DEFAULT_POLICY_FILE, searchFrom: repository },
    rustToolchain: settings.rustToolchain,
    toolchainDir: manifestDir,
    installToolchain: settings.installToolchain,
    trustRepositoryConfig: trust,
    timeoutMs: settings.timeoutMs,
    failOn: settings.failOn,
    baseline: settings.baseline,
    scope,
    ...metadataTuning(),
    ...(talksToGitHub ? { whileCargoRuns: loadGitHubModule } : {})
  })
  const workspacePrefix = path.relative(repository, report.workspaceRoot).split(path.sep).join('/')

  // A relative path must stay inside the workspace or the runner's temporary directory, through any symlink.
  const roots = [repository, ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [])]
  const reportPath = path.resolve(repository, settings.reportPath)
  const reportTarget = resolveOutputPath(settings.reportPath, 'report-path', repository, roots)
  const sarifPath = settings.sarifFile === null ? null : path.resolve(repository, settings.sarifFile)
  const sarifTarget = settings.sarifFile === null ? null : resolveOutputPath(settings.sarifFile, 'sarif-file', repository, roots)
  writeAtomically(reportTarget, reportJson(report), 'input `report-path`', { flush: false })
  if (sarifTarget !== null) writeAtomically(sarifTarget, `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, workspacePrefix }), null, 2)}\n`, 'input `sarif-file`', { flush: false })
  logUntrusted(renderText(report))

  if (unreadablePayload !== undefined) throw unreadablePayload
  const client = talksToGitHub ? createGitHubClient(settings.token, {}) : null
  const links = fileLinks(env, pr?.headSha ?? null, workspacePrefix)
  const comment = client !== null && pr !== null ? await keepComment(client, pr, report, settings, runUrl(env), links) : null
  // Read once: the ranking and the filter of annotations and the suggested changes all use it.
  const changes = client !== null && pr !== null ? await fetchChangedLines(client, pr) : null
  const review = client !== null && pr !== null && changes?.ok && settings.suggest ? await keepReview(client, pr, report, settings, workspacePrefix, changes) : null

  const notices: string[] = []
  if (comment?.outcome === 'failed') notices.push(`The pull-request comment was not posted: ${comment.failure.message}. The job summary has the full report.`)
  if (pr !== null && changes?.ok !== true) {
    const why = changes === null ? 'input `github-token` is empty' : `cannot read the pull request's changed lines: ${changes.failure.message}`
    if (settings.suggest) notices.push(`The suggested changes were not posted: ${why}.`)
    if (settings.annotate !== 'all') notices.push(`Every finding is annotated, not only those on the pull request's changed ${settings.annotate === 'changed-files' ? 'files' : 'lines'}: ${why}.`)
    else if (changes !== null) info(`Could not read the pull request's changed lines (${changes.failure.message}); annotations are ordered by severity only.`)
  }
  if (pr === null && settings.suggest) info('Nothing is suggested: this run is not for a pull request.')
  if (review?.outcome === 'failed') notices.push(`The suggested changes were not posted: ${review.failure.message}. The job summary has every fix.`)
  else if (review !== null && review.outcome !== 'skipped') info(`Suggested changes: ${review.posted} posted, ${review.kept} kept, ${review.removed} removed.`)

  const changedScope = changes?.ok ? annotationScope(changes, settings.annotate) : {}
  const { annotations } = selectAnnotations(report, { workspacePrefix, ...changedScope, reservedNotices: notices.length })
  for (const notice of notices) annotation('notice', notice)
  for (const a of annotations) annotate(a)
  writeSummary(renderSummary(report, links === null ? {} : { links }))

  setReportOutputs(report, reportPath, sarifPath, comment)
  if (report.gate.verdict === 'fail') {
    setFailed(`${plural(report.gate.failing, 'finding')} at or above \`${report.gate.failOn}\` in the linkage of this workspace; see the job summary.`)
  }
}

/**
 * Posts the report of an earlier run to its pull request and writes its job summary. Nothing of the
 * repository runs, and the report is untrusted data: it is checked field by field, everything in it is
 * escaped, and it cannot choose the pull request. The report's verdict is an output; the step fails only
 * when the comment cannot be posted.
 */
async function publish(settings: ActionSettings, reportFile: string): Promise<void> {
  const env = process.env
  const event = readEventContext(env, readEventPayload)
  if (event.kind === 'other') {
    throw new UserError(`input \`publish-report\` posts to the pull request of a \`workflow_run\` or \`pull_request\` event, and this run's event is ${event.event === null ? 'not set' : `\`${event.event}\``}`)
  }
  if (settings.token === '') throw new UserError('input `publish-report` needs `github-token` to post the comment')
  const reportPath = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), reportFile)
  // Its prose is never posted: messages, fixes and reasons are written again from its checked fields.
  const report = restateReport(readReport(reportPath, reportFile))
  writeSummary(renderSummary(report))

  const client = createGitHubClient(settings.token, {})
  let target: { owner: string; repo: string; numbers: number[]; runUrl: string | null }
  if (event.kind === 'pull-request') {
    target = { owner: event.pr.owner, repo: event.pr.repo, numbers: [event.pr.number], runUrl: runUrl(env) }
  } else {
    const run = event.run
    if (run.event !== 'pull_request' && run.event !== 'pull_request_target') {
      annotation('notice', `The run that made the report was started by \`${run.event}\`, not by a pull request: there is no pull request to comment on.`)
      return setReportOutputs(report, reportPath, null, null)
    }
    const found = await findRunPullRequests(client, run)
    if (!found.ok) throw new UserError(`cannot find the pull request of ${run.headOwner}:${run.headBranch}: ${found.failure.message}`)
    if (found.numbers.length === 0) {
      annotation('notice', `No open pull request from ${run.headOwner}:${run.headBranch} points at ${run.headSha.slice(0, 12)} any more (closed, or newer commits were pushed): nothing was posted.`)
      return setReportOutputs(report, reportPath, null, null)
    }
    target = { owner: run.owner, repo: run.repo, numbers: found.numbers, runUrl: run.runUrl }
  }

  let comment: CommentOutcome | null = null
  for (const number of target.numbers) {
    comment = await keepComment(client, { owner: target.owner, repo: target.repo, number }, report, settings, target.runUrl, null)
    if (comment?.outcome === 'failed') throw new UserError(`the pull-request comment on #${number} was not posted: ${comment.failure.message}`)
  }
  setReportOutputs(report, reportPath, null, comment)
}

/** An earlier run's JSON report (input `publish-report`), read whole and checked before anything uses it. */
function readReport(file: string, given: string): Report {
  let text: string
  try {
    text = readInputFile(file, 'report', { shown: given })
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error
    const reason = error.code === 'ENOENT' ? `${error.reason} (was the artifact downloaded to this path?)` : error.reason
    throw new UserError(`input \`publish-report\`: cannot read ${given}: ${reason}`)
  }
  return parseReport(text, given)
}

/** The payload at `GITHUB_EVENT_PATH`, within its limit; `readEventContext` words the error and names the variable. */
function readEventPayload(file: string): string {
  try {
    return readInputFile(file, 'event-payload')
  } catch (error) {
    throw error instanceof InputFileError ? new Error(error.reason) : error
  }
}

function setReportOutputs(report: Report, reportPath: string, sarifPath: string | null, comment: CommentOutcome | null): void {
  const { errors, warnings } = countFindings(report)
  setOutputs({
    errors: String(errors),
    warnings: String(warnings),
    report: reportPath,
    sarif: sarifPath ?? '',
    'comment-url': comment !== null && 'url' in comment ? (comment.url ?? '') : '',
    verdict: report.gate.verdict
  })
}

/**
 * Sets step outputs in one append to `GITHUB_OUTPUT`, in the runner's `name<<delimiter` form (as
 * the toolkit's `setOutput` writes it), so that a full or unwritable file leaves no half-written
 * block and fails with one line naming it. Without `GITHUB_OUTPUT`, the toolkit's workflow command.
 */
function setOutputs(values: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    for (const [name, value] of Object.entries(values)) setOutputCommand(name, value)
    return
  }
  let text = ''
  for (const [name, value] of Object.entries(values)) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`
    text += `${name}<<${delimiter}${os.EOL}${value}${os.EOL}${delimiter}${os.EOL}`
  }
  appendToFile(file, text, 'GITHUB_OUTPUT, the step outputs')
}

/** Appends to the job summary; a summary that cannot be written is one line naming GITHUB_STEP_SUMMARY. */
function writeSummary(text: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendToFile(file, text, 'GITHUB_STEP_SUMMARY, the job summary')
}

/** The job summary of a run that could not analyse: what happened, escaped like every repository string. */
function writeErrorSummary(message: string): void {
  // The failure itself is already reported; a summary file that cannot be written changes nothing.
  attempt(() => writeSummary(`## ⚠️ Rust Linkage Guard could not run\n\n${md(message)}\n`))
}

/** Runs `action`; what it threw, as the one line a user would see, or null. */
function attempt(action: () => void): string | null {
  try {
    action()
    return null
  } catch (error) {
    try {
      return describeError(error).message
    } catch {
      return 'unknown error'
    }
  }
}

/**
 * Where the summary and the comment link file references: the file at the pull request's head commit (the
 * commit pushed, on other events), from the runner's `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA`;
 * null, and plain references, when one of them is missing or malformed.
 */
function fileLinks(env: NodeJS.ProcessEnv, headSha: string | null, workspacePrefix: string): FileLinks | null {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY ?? ''
  const sha = headSha ?? env.GITHUB_SHA ?? ''
  if (!/^https?:\/\/[^\s/"<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{40}$/.test(sha)) return null
  if (workspacePrefix.startsWith('..') || path.isAbsolute(workspacePrefix)) return null
  return { blobUrl: `${server}/${repository}/blob/${sha}`, workspacePrefix }
}

/** Creates or updates the sticky comment as `comment` says; failures come back as an outcome, never thrown. */
async function keepComment(
  client: GitHubClient,
  pr: { owner: string; repo: string; number: number },
  report: Report,
  settings: ActionSettings,
  summaryUrl: string | null,
  links: FileLinks | null
): Promise<CommentOutcome | null> {
  if (settings.comment === 'off') return null
  const marker = commentMarker(settings.commentKey)
  const needsAttention = report.findings.some(f => f.allowed === undefined && f.baseline !== 'existing')
  const body = fitCommentBody(renderComment(report, { runUrl: summaryUrl, links }), { runUrl: summaryUrl, marker })
  // `on-findings` still updates an earlier comment, so that it never keeps reporting fixed problems.
  return upsertStickyComment(client, pr, body, { marker, createIfMissing: settings.comment === 'always' || needsAttention })
}

/**
 * Posts the verified fixes on lines the pull request changed as suggested changes, keeping one review per
 * `comment-key`; failures come back as an outcome, never thrown.
 */
async function keepReview(client: GitHubClient, pr: PullRequestContext, report: Report, settings: ActionSettings, workspacePrefix: string, changes: ChangedLines & { ok: true }): Promise<ReviewOutcome> {
  const suggestions = suggestedChanges(report, { workspacePrefix, changedLineText: (file, line) => changes.texts.get(file)?.get(line) })
  return keepSuggestionReview(client, pr, suggestions, { marker: reviewMarker(settings.commentKey) })
}

/**
 * Which lines and files the pull request changed, for ranking annotations and for `annotate`. Past GitHub's cap
 * of listed files, a file that is not listed may be changed too: a filter keeps its findings.
 */
function annotationScope(changes: ChangedLines & { ok: true }, only: AnnotateMode): Pick<AnnotationOptions, 'isChanged' | 'isChangedFile' | 'only'> {
  const unlisted = (file: string): boolean => only !== 'all' && !changes.complete && !changes.files.has(file)
  return {
    isChanged: (file, line) => isLineChanged(changes.files, file, line) || unlisted(file),
    isChangedFile: file => changes.files.has(file) || unlisted(file),
    only
  }
}

function annotate(a: Annotation): void {
  const properties = { title: a.title, ...(a.file === undefined ? {} : { file: a.file, startLine: a.line }) }
  annotation(a.level, a.message, properties)
}

/** Prints text from the repository with workflow commands switched off, so it cannot forge any. */
function logUntrusted(text: string): void {
  const token = crypto.randomUUID()
  info(`::stop-commands::${token}`)
  info(text)
  info(`::${token}::`)
}

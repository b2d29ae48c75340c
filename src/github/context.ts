/**
 * The pull request a workflow run is about, read from the runner's environment and webhook payload.
 * Pure: the environment and the file reader are parameters.
 */
import { UserError } from '../errors.js'
import { isJsonObject } from '../json.js'

export interface PullRequestContext {
  owner: string
  repo: string
  number: number
  baseSha: string
  headSha: string
}

type Env = Record<string, string | undefined>

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** The analysing run a `workflow_run` event is about, and the commit it analysed. */
export interface WorkflowRunContext {
  /** The repository this workflow runs in, which the pull request targets. */
  owner: string
  repo: string
  /** The event that started the analysing run: `pull_request` when it ran for a pull request. */
  event: string
  headSha: string
  /** Owner of the repository the commit was pushed to: a fork's owner for a pull request from a fork. */
  headOwner: string
  /** `owner/name` of that repository (`head_repository.full_name`). */
  headRepository: string
  headBranch: string
  /** The analysing run's page, whose job summary has the full report; null when the payload has none. */
  runUrl: string | null
}

/** What a run was started for: a pull request, another workflow's run, or neither (a local run, a push). */
export type EventContext = { kind: 'pull-request'; pr: PullRequestContext } | { kind: 'workflow-run'; run: WorkflowRunContext } | { kind: 'other'; event: string | null }

/**
 * The pull request of a `pull_request` or `pull_request_target` run; null for any other event, or
 * when `GITHUB_EVENT_NAME`/`GITHUB_EVENT_PATH` are not set (a local run).
 *
 * @throws UserError naming `GITHUB_EVENT_PATH` and the field when the event file cannot be read or
 *   lacks what a pull-request event always carries.
 */
export function readPullRequestContext(env: Env, readFile: (file: string) => string): PullRequestContext | null {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return null
  const context = readEventContext(env, readFile)
  return context.kind === 'pull-request' ? context.pr : null
}

/**
 * What this run was started for, from `GITHUB_EVENT_NAME` and the payload at `GITHUB_EVENT_PATH`; the payload
 * is read only for the events that need it.
 *
 * @throws UserError naming `GITHUB_EVENT_PATH` and the field when the payload cannot be read or lacks what
 *   the event always carries.
 */
export function readEventContext(env: Env, readFile: (file: string) => string): EventContext {
  const eventName = env.GITHUB_EVENT_NAME
  const eventPath = env.GITHUB_EVENT_PATH
  const other: EventContext = { kind: 'other', event: eventName || null }
  if (!eventName || !eventPath || !(PULL_REQUEST_EVENTS.has(eventName) || eventName === 'workflow_run')) return other

  let text: string
  try {
    text = readFile(eventPath)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${reason}`)
  }
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`the event payload at GITHUB_EVENT_PATH (${eventPath}) is not valid JSON: ${reason}`)
  }

  const bad = (name: string, expected: string): UserError =>
    new UserError(`the ${eventName} event payload at GITHUB_EVENT_PATH (${eventPath}) has no valid \`${name}\` (expected ${expected})`)
  const base = (): [string, string] => {
    const found = repository(env, payload)
    if (found === null) throw bad('repository.owner.login', 'the owner, or GITHUB_REPOSITORY set to owner/repo')
    return found
  }

  if (eventName === 'workflow_run') {
    const run = field(payload, 'workflow_run')
    const event = field(run, 'event')
    if (typeof event !== 'string' || event === '') throw bad('workflow_run.event', 'an event name')
    const headSha = field(run, 'head_sha')
    if (!isSha(headSha)) throw bad('workflow_run.head_sha', 'a commit SHA')
    const headOwner = field(field(field(run, 'head_repository'), 'owner'), 'login')
    if (typeof headOwner !== 'string' || headOwner === '') throw bad('workflow_run.head_repository.owner.login', 'the owner of the pushed-to repository')
    const headBranch = field(run, 'head_branch')
    if (typeof headBranch !== 'string' || headBranch === '') throw bad('workflow_run.head_branch', 'a branch name')
    const headRepository = field(field(run, 'head_repository'), 'full_name')
    if (typeof headRepository !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(headRepository) || headRepository.split('/')[0]!.toLowerCase() !== headOwner.toLowerCase()) {
      throw bad('workflow_run.head_repository.full_name', 'owner/name of the pushed-to repository, owned by `workflow_run.head_repository.owner.login`')
    }
    const htmlUrl = field(run, 'html_url')
    const runUrl = typeof htmlUrl === 'string' && /^https?:\/\//.test(htmlUrl) ? htmlUrl : null
    const [owner, repo] = base()
    return { kind: 'workflow-run', run: { owner, repo, event, headSha, headOwner, headRepository, headBranch, runUrl } }
  }

  const pr = field(payload, 'pull_request')
  const number = field(pr, 'number')
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
    throw bad('pull_request.number', 'a positive integer')
  }
  const baseSha = field(field(pr, 'base'), 'sha')
  if (!isSha(baseSha)) throw bad('pull_request.base.sha', 'a commit SHA')
  const headSha = field(field(pr, 'head'), 'sha')
  if (!isSha(headSha)) throw bad('pull_request.head.sha', 'a commit SHA')
  const [owner, repo] = base()
  return { kind: 'pull-request', pr: { owner, repo, number, baseSha, headSha } }
}

/** The link to this workflow run (and attempt, after a re-run); null when the runner variables are missing. */
export function runUrl(env: Env): string | null {
  const server = env.GITHUB_SERVER_URL
  const repository = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!server || !repository || !runId) return null
  const base = `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
  const attempt = Number(env.GITHUB_RUN_ATTEMPT)
  return Number.isInteger(attempt) && attempt > 1 ? `${base}/attempts/${attempt}` : base
}

/** `GITHUB_REPOSITORY` wins, as it does for @actions/github; the payload's repository is the fallback. */
function repository(env: Env, payload: unknown): [string, string] | null {
  const fromEnv = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  if (fromEnv) return [fromEnv[1]!, fromEnv[2]!]
  const repo = field(payload, 'repository')
  const owner = field(field(repo, 'owner'), 'login')
  const name = field(repo, 'name')
  if (typeof owner === 'string' && owner !== '' && typeof name === 'string' && name !== '') return [owner, name]
  return null
}

function field(value: unknown, key: string): unknown {
  return isJsonObject(value) ? value[key] : undefined
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)
}

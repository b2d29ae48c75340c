/**
 * The pull request a workflow run is about, read from the runner's environment and webhook payload.
 * Pure: the environment and the file reader are parameters.
 */
import { UserError } from '../errors.js'

export interface PullRequestContext {
  owner: string
  repo: string
  number: number
  baseSha: string
  headSha: string
}

type Env = Record<string, string | undefined>

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * The pull request of a `pull_request` or `pull_request_target` run; null for any other event, or
 * when `GITHUB_EVENT_NAME`/`GITHUB_EVENT_PATH` are not set (a local run).
 *
 * @throws UserError naming `GITHUB_EVENT_PATH` and the field when the event file cannot be read or
 *   lacks what a pull-request event always carries.
 */
export function readPullRequestContext(env: Env, readFile: (file: string) => string): PullRequestContext | null {
  const eventName = env.GITHUB_EVENT_NAME
  const eventPath = env.GITHUB_EVENT_PATH
  if (!eventName || !PULL_REQUEST_EVENTS.has(eventName) || !eventPath) return null

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

  const bad = (field: string, expected: string): UserError =>
    new UserError(`the ${eventName} event payload at GITHUB_EVENT_PATH (${eventPath}) has no valid \`${field}\` (expected ${expected})`)

  const pr = field(payload, 'pull_request')
  const number = field(pr, 'number')
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
    throw bad('pull_request.number', 'a positive integer')
  }
  const baseSha = field(field(pr, 'base'), 'sha')
  if (!isSha(baseSha)) throw bad('pull_request.base.sha', 'a commit SHA')
  const headSha = field(field(pr, 'head'), 'sha')
  if (!isSha(headSha)) throw bad('pull_request.head.sha', 'a commit SHA')

  const [owner, repo] = repository(env, payload) ?? [null, null]
  if (owner === null || repo === null) throw bad('repository.owner.login', 'the owner, or GITHUB_REPOSITORY set to owner/repo')

  return { owner, repo, number, baseSha, headSha }
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
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)
}

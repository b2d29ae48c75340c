/**
 * The only code that talks to the GitHub REST API: the few calls the sticky comment, the review of suggested
 * changes and the changed-line lookup need, made through @actions/github's Octokit (which brings GHES base URLs and the runner's proxy
 * settings), plus the translation of any failure into one actionable line.
 */
import v8 from 'node:v8'
import type { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

export interface IssueComment {
  id: number
  body: string
  htmlUrl: string
  /** null for a comment whose author's account was deleted ("ghost"). */
  user: { login: string; type: string } | null
}

export interface PullRequestFile {
  /** Repository-relative path on the head side. */
  filename: string
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`. */
  status: string
  /** Unified-diff hunks; absent for binary files and diffs GitHub considers too large. */
  patch?: string
  /** Added plus deleted lines. */
  changes: number
  previousFilename?: string
}

/** A review of a pull request, as far as keeping our own needs. */
export interface PullRequestReview {
  id: number
  body: string
  htmlUrl: string
  /** `COMMENTED`, `APPROVED`, `CHANGES_REQUESTED`, `DISMISSED` or `PENDING`. */
  state: string
  /** null for a review whose author's account was deleted ("ghost"). */
  user: { login: string; type: string } | null
}

/** A comment on a line of a pull request's diff (a review comment). */
export interface ReviewComment {
  id: number
  /** The review it was posted in; null when GitHub names none. */
  reviewId: number | null
  body: string
  /** Repository-relative path. */
  path: string
  /** The head-side line it is on now; null once new commits changed that line (GitHub shows it as outdated). */
  line: number | null
  htmlUrl: string
  user: { login: string; type: string } | null
}

/** A comment of a new review: on `line` of `path` on the head side (`RIGHT`). */
export interface NewReviewComment {
  path: string
  line: number
  body: string
}

/** An open pull request, as far as finding the one a commit belongs to needs (`head` of GitHub's answer). */
export interface PullRequestHead {
  number: number
  /** The commit the pull request's branch points at now (`head.sha`). */
  headSha: string
  /** The branch, in the head repository (`head.ref`). */
  headRef: string
  /** `owner/name` of the repository the branch is in (`head.repo.full_name`); null once that fork is deleted. */
  headRepo: string | null
  /** Owner of that repository (`head.user.login`); null when GitHub gives none. */
  headUser: string | null
}

/**
 * Exactly the calls this project makes. Methods reject with the underlying error on failure; callers
 * turn it into a result with `describeApiFailure` rather than letting it escape.
 */
export interface GitHubClient {
  /** The API root requests go to, without a trailing slash. */
  readonly baseUrl: string
  /** Every comment on an issue or pull request, oldest first, across all pages. */
  listIssueComments(owner: string, repo: string, issue: number): Promise<IssueComment[]>
  createIssueComment(owner: string, repo: string, issue: number, body: string): Promise<IssueComment>
  updateIssueComment(owner: string, repo: string, commentId: number, body: string): Promise<IssueComment>
  /** Every file of a pull request across all pages; GitHub lists at most 3000. */
  listPullRequestFiles(owner: string, repo: string, number: number): Promise<PullRequestFile[]>
  /** Every review of a pull request, oldest first, across all pages. */
  listPullRequestReviews(owner: string, repo: string, number: number): Promise<PullRequestReview[]>
  /** Every review comment of a pull request, across all pages. */
  listReviewComments(owner: string, repo: string, number: number): Promise<ReviewComment[]>
  /** Submits a review (`COMMENT`, neither approving nor requesting changes) of `commitId` with line comments. */
  createPullRequestReview(owner: string, repo: string, number: number, review: { commitId: string; body: string; comments: NewReviewComment[] }): Promise<PullRequestReview>
  /** Replaces the body of a submitted review; its comments stay. */
  updatePullRequestReview(owner: string, repo: string, number: number, reviewId: number, body: string): Promise<PullRequestReview>
  updateReviewComment(owner: string, repo: string, commentId: number, body: string): Promise<ReviewComment>
  deleteReviewComment(owner: string, repo: string, commentId: number): Promise<void>
  /** The open pull requests into `owner/repo` from the branch `head` (`fork-owner:branch`), across all pages. */
  listOpenPullRequests(owner: string, repo: string, head: string): Promise<PullRequestHead[]>
  /**
   * The login the token acts as: `github-actions[bot]` for the Actions token, `<app>[bot]` for an app's
   * installation token, the user for a personal token. Asked once per client (a failure too is kept), through
   * GraphQL's `viewer`, because REST `GET /user` answers 403 to installation tokens.
   */
  tokenLogin(): Promise<string>
}

export interface GitHubClientOptions {
  /** API root; defaults to `GITHUB_API_URL` (set by the runner, also on GHES), then `https://api.github.com`. */
  baseUrl?: string
  /** Limit for each request, including reading the response; default 10 s. */
  timeoutMs?: number
  /** Pause before the single retry of a GET or PATCH that got a 5xx or lost its connection; default 1 s. */
  retryDelayMs?: number
}

export const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_RETRY_DELAY_MS = 1_000
const PER_PAGE = 100
const RETRIED_STATUSES = new Set([500, 502, 503, 504])
// POST is left out: a retried create whose first attempt did land would leave two comments. DELETE too: a retry
// of one that landed answers 404.
const RETRIED_METHODS = new Set(['GET', 'PATCH', 'PUT'])

export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const baseUrl = (options.baseUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS
  let loaded: Promise<Octokit> | undefined
  const octokit = (): Promise<Octokit> => (loaded ??= loadOctokit(token, baseUrl, timeoutMs, retryDelayMs))
  let login: Promise<string> | undefined

  return {
    baseUrl,
    async listIssueComments(owner, repo, issue) {
      const api = await octokit()
      const comments = await api.paginate(api.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: PER_PAGE })
      return comments.map(toComment)
    },
    async createIssueComment(owner, repo, issue, body) {
      const api = await octokit()
      const { data } = await api.rest.issues.createComment({ owner, repo, issue_number: issue, body })
      return toComment(data)
    },
    async updateIssueComment(owner, repo, commentId, body) {
      const api = await octokit()
      const { data } = await api.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
      return toComment(data)
    },
    async listPullRequestFiles(owner, repo, number) {
      const api = await octokit()
      const files = await api.paginate(api.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: PER_PAGE })
      return files.map(file => ({
        filename: file.filename,
        status: file.status,
        changes: file.changes,
        ...(typeof file.patch === 'string' ? { patch: file.patch } : {}),
        ...(file.previous_filename ? { previousFilename: file.previous_filename } : {})
      }))
    },
    async listPullRequestReviews(owner, repo, number) {
      const api = await octokit()
      const reviews = await api.paginate(api.rest.pulls.listReviews, { owner, repo, pull_number: number, per_page: PER_PAGE })
      return reviews.map(toReview)
    },
    async listReviewComments(owner, repo, number) {
      const api = await octokit()
      const comments = await api.paginate(api.rest.pulls.listReviewComments, { owner, repo, pull_number: number, per_page: PER_PAGE })
      return comments.map(toReviewComment)
    },
    async createPullRequestReview(owner, repo, number, review) {
      const api = await octokit()
      const comments = review.comments.map(c => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body }))
      const { data } = await api.rest.pulls.createReview({ owner, repo, pull_number: number, commit_id: review.commitId, body: review.body, event: 'COMMENT', comments })
      return toReview(data)
    },
    async updatePullRequestReview(owner, repo, number, reviewId, body) {
      const api = await octokit()
      const { data } = await api.rest.pulls.updateReview({ owner, repo, pull_number: number, review_id: reviewId, body })
      return toReview(data)
    },
    async updateReviewComment(owner, repo, commentId, body) {
      const api = await octokit()
      const { data } = await api.rest.pulls.updateReviewComment({ owner, repo, comment_id: commentId, body })
      return toReviewComment(data)
    },
    async deleteReviewComment(owner, repo, commentId) {
      const api = await octokit()
      await api.rest.pulls.deleteReviewComment({ owner, repo, comment_id: commentId })
    },
    async listOpenPullRequests(owner, repo, head) {
      const api = await octokit()
      const pulls = await api.paginate(api.rest.pulls.list, { owner, repo, head, state: 'open', per_page: PER_PAGE })
      return pulls.map(pull => toPullRequestHead(pull.number, pull.head))
    },
    tokenLogin() {
      login ??= (async () => {
        const api = await octokit()
        const data = await api.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }')
        const name = data?.viewer?.login
        if (typeof name !== 'string' || name.trim() === '') throw new Error('GitHub named no account for the token (GraphQL viewer)')
        return name
      })()
      return login
    }
  }
}

/**
 * GitHub's typings call `head.repo` and `head.user` non-null, but both are null once the head fork is deleted
 * (github/rest-api-description#1811), so they are read as unknown.
 */
function toPullRequestHead(number: number, head: unknown): PullRequestHead {
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
  return {
    number,
    headSha: text(prop(head, 'sha')) ?? '',
    headRef: text(prop(head, 'ref')) ?? '',
    headRepo: text(prop(prop(head, 'repo'), 'full_name')),
    headUser: text(prop(prop(head, 'user'), 'login'))
  }
}

/**
 * Loads @actions/github ahead of its first use, where a run has time to spare (`RunOptions.whileCargoRuns`):
 * with Octokit, undici and the node modules they load (http, tls, http2, zlib, worker_threads), it takes
 * 60-70 ms of a pull-request run. Resolves either way: a module that fails to load throws again where it is
 * used, and is reported there.
 */
export function loadGitHubModule(): Promise<void> {
  return importGitHubModule().then(
    () => undefined,
    () => undefined
  )
}

function importGitHubModule(): Promise<typeof import('@actions/github')> {
  // undici, the HTTP client under Octokit, compiles its HTTP parser (a WebAssembly module) as it loads, and V8
  // then optimises it again in the background; the process does not exit before that is done. For the few
  // responses a run reads, V8's baseline code does: a pull request run took 120 ms less on node 20
  // (`npm run bench`, action pull_request).
  v8.setFlagsFromString('--liftoff-only')
  return import('@actions/github')
}

/**
 * Imported on first use, or ahead of it by `loadGitHubModule`: @actions/github parses the file at
 * GITHUB_EVENT_PATH when it is loaded and throws a bare SyntaxError if it is malformed, which would end the
 * action before it could say which file is bad.
 */
async function loadOctokit(token: string, baseUrl: string, timeoutMs: number, retryDelayMs: number): Promise<Octokit> {
  const { getOctokit } = await importGitHubModule()
  // No `request` option here: Octokit merges options shallowly, so passing one would drop the proxy-aware
  // `fetch` that @actions/github installs. The timeout is added per request by the hook instead.
  const api = getOctokit(token, { baseUrl, userAgent: 'rust-linkage-guard' })
  api.hook.wrap('request', async (request, options) => {
    const method = String(options.method).toUpperCase()
    const attempt = async (): Promise<Awaited<ReturnType<typeof request>>> => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), timeoutMs)
      try {
        // Inner hooks (the token auth) are bound to this very options object and ignore arguments passed
        // here, so the signal has to go on it. The object is this request's own; its `request` member may
        // be the shared defaults, hence a copy rather than an assignment into it.
        options.request = { ...options.request, signal: controller.signal }
        return await request(options)
      } catch (error) {
        if (controller.signal.aborted) throw new GitHubTimeoutError(method, requestUrl(api, options), timeoutMs)
        throw error
      } finally {
        clearTimeout(timer)
      }
    }
    try {
      return await attempt()
    } catch (error) {
      if (!RETRIED_METHODS.has(method) || !transient(error)) throw error
      await new Promise(resolve => setTimeout(resolve, retryDelayMs))
      return attempt()
    }
  })
  return api
}

/** A 5xx answer, or a connection that failed or dropped (often a stale keep-alive socket); not a timeout. */
function transient(error: unknown): boolean {
  if (error instanceof GitHubTimeoutError) return false
  const status = responseStatus(error)
  return status === null ? requestOf(error) !== null : RETRIED_STATUSES.has(status)
}

function requestUrl(api: Octokit, options: unknown): string {
  try {
    return api.request.endpoint.parse(options as never).url
  } catch {
    return String((options as { url?: unknown }).url ?? '')
  }
}

interface RawComment {
  id: number
  body?: string | null
  html_url: string
  user: { login: string; type: string } | null
}

function toComment(raw: RawComment): IssueComment {
  return {
    id: raw.id,
    body: raw.body ?? '',
    htmlUrl: raw.html_url,
    user: raw.user ? { login: raw.user.login, type: raw.user.type } : null
  }
}

function toReview(raw: { id: number; body?: string | null; html_url: string; state: string; user: { login: string; type: string } | null }): PullRequestReview {
  return { id: raw.id, body: raw.body ?? '', htmlUrl: raw.html_url, state: raw.state, user: raw.user ? { login: raw.user.login, type: raw.user.type } : null }
}

/**
 * GitHub's typings give `line` as a number, but it is null for an outdated comment, as is the older `position`;
 * both are read as unknown.
 */
function toReviewComment(raw: { id: number; pull_request_review_id: number | bigint | null; body: string; path: string; html_url: string; user: { login: string; type: string } | null }): ReviewComment {
  const line = prop(raw, 'line')
  const position = prop(raw, 'position')
  const review = raw.pull_request_review_id
  return {
    id: raw.id,
    reviewId: review === null ? null : Number(review),
    body: raw.body,
    path: raw.path,
    line: typeof line === 'number' && position !== null ? line : null,
    htmlUrl: raw.html_url,
    user: raw.user ? { login: raw.user.login, type: raw.user.type } : null
  }
}

/** A request that got no complete answer within the client's per-request limit. */
export class GitHubTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number
  ) {
    super(`no answer from GitHub within ${formatSeconds(timeoutMs)} for ${method} ${url}`)
    this.name = 'GitHubTimeoutError'
  }
}

export type ApiFailure = {
  /** The HTTP status GitHub answered with; null when no answer came (timeout, network). */
  status: number | null
  kind: 'forbidden' | 'not-found' | 'validation' | 'server' | 'timeout' | 'network' | 'other'
  /** One line: what was attempted, what GitHub said, and what to do about it. */
  message: string
}

/** Turns anything a GitHubClient call rejected with into one actionable line. */
export function describeApiFailure(error: unknown): ApiFailure {
  if (error instanceof GitHubTimeoutError) {
    return {
      status: null,
      kind: 'timeout',
      message: oneLine(`GitHub gave no answer within ${formatSeconds(error.timeoutMs)} to ${error.method} ${pathOf(error.url)}; the API may be slow or unreachable from this runner — re-run the job`)
    }
  }
  const request = requestOf(error)
  const operation = request ? `${request.method} ${pathOf(request.url)}` : 'a GitHub API request'
  const status = responseStatus(error)
  if (status === null) {
    if (request) {
      const code = errorCode(error)
      const reason = code && !(errorMessage(error) ?? '').includes(code) ? `${code}: ${errorMessage(error)}` : (errorMessage(error) ?? 'unknown error')
      return {
        status: null,
        kind: 'network',
        message: oneLine(`cannot reach GitHub at ${originOf(request.url)} for ${operation} (${reason}); check GITHUB_API_URL and the runner's network or proxy settings`)
      }
    }
    return { status: null, kind: 'other', message: oneLine(`${operation} failed: ${errorMessage(error) ?? String(error)}`) }
  }

  const said = githubMessage(error)
  const quoted = said ? `: "${said}"` : ''
  const write = request !== null && request.method !== 'GET' && request.method !== 'HEAD'
  // Reviews and their line comments (`/pulls/7/reviews`, `/pulls/comments/12`): the suggested changes.
  const aboutReviews = request !== null && /\/pulls\/(?:\d+\/reviews|comments)(\/|$|\?)/.test(request.url)
  const aboutComments = !aboutReviews && request !== null && /\/comments(\/|$|\?)/.test(request.url)
  const headers = responseHeaders(error)

  if (status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said ?? '')))) {
    const reset = Number(headers['x-ratelimit-reset'])
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : ''
    return {
      status,
      kind: status === 403 ? 'forbidden' : 'other',
      message: oneLine(`GitHub's API rate limit stops ${operation} (${status}${quoted})${when}; re-run the job later`)
    }
  }
  if (status === 401) {
    return {
      status,
      kind: 'forbidden',
      message: oneLine(`GitHub rejected the token for ${operation} (401${quoted}); the token is missing, invalid or expired — pass \`github.token\` or a valid personal access token`)
    }
  }
  if (status === 403) {
    const advice = write && aboutComments
      ? 'the token cannot write pull-request comments — on pull requests from forks GitHub gives a read-only token; grant `permissions: pull-requests: write` for same-repository PRs, or post from a `workflow_run` workflow'
      : write && aboutReviews
        ? 'the token cannot write pull-request reviews — on pull requests from forks GitHub gives a read-only token, so suggested changes are posted on same-repository PRs only; grant them `permissions: pull-requests: write`'
        : write
        ? 'the token lacks the write permission this needs — check the workflow\'s `permissions:`'
        : 'the token cannot read this — grant `permissions: pull-requests: read` (and `contents: read` for a private repository)'
    return { status, kind: 'forbidden', message: oneLine(`GitHub refused ${operation} (403${quoted}); ${advice}`) }
  }
  if (status === 404) {
    const advice = request?.method === 'PATCH' && aboutComments
      ? 'the comment no longer exists (deleted while this job ran?); the next run will post a new one'
      : write && aboutReviews
        ? 'the review or its comment no longer exists (deleted while this job ran?); the next run will post the suggestions again'
        : 'the repository or pull request does not exist, or the token cannot see it (a private repository needs `contents: read`)'
    return { status, kind: 'not-found', message: oneLine(`GitHub answered 404 to ${operation}${quoted}; ${advice}`) }
  }
  if (status === 422) {
    const advice = write && aboutComments
      ? '; the comment body may be too long, or the conversation locked'
      : write && aboutReviews
        ? '; a suggested line may have left the pull request\'s diff (new commits pushed while this job ran?), or the conversation is locked'
        : ''
    return {
      status,
      kind: 'validation',
      message: oneLine(`GitHub rejected ${operation} as invalid (422${quoted}${validationDetails(error)})${advice}`)
    }
  }
  if (status >= 500) {
    return {
      status,
      kind: 'server',
      message: oneLine(`GitHub failed with a server error on ${operation} (${status}${quoted}); this is usually transient — re-run the job`)
    }
  }
  return { status, kind: 'other', message: oneLine(`GitHub answered ${status} to ${operation}${quoted}`) }
}

function responseStatus(error: unknown): number | null {
  const response = prop(error, 'response')
  const status = prop(response, 'status') ?? (response !== undefined ? prop(error, 'status') : undefined)
  return typeof status === 'number' && status > 0 ? status : null
}

function requestOf(error: unknown): { method: string; url: string } | null {
  const request = prop(error, 'request')
  const method = prop(request, 'method')
  const url = prop(request, 'url')
  return typeof method === 'string' && typeof url === 'string' ? { method: method.toUpperCase(), url } : null
}

function responseHeaders(error: unknown): Record<string, string> {
  const headers = prop(prop(error, 'response'), 'headers')
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, string>) : {}
}

function githubMessage(error: unknown): string | null {
  const message = prop(prop(prop(error, 'response'), 'data'), 'message')
  if (typeof message === 'string' && message.trim() !== '') return message.trim()
  const data = prop(prop(error, 'response'), 'data')
  if (typeof data === 'string' && data.trim() !== '' && data.length < 200) return data.trim()
  return null
}

/** GitHub's 422 bodies put the useful part ("body is too long …") in `errors[].message`. */
function validationDetails(error: unknown): string {
  const errors = prop(prop(prop(error, 'response'), 'data'), 'errors')
  if (!Array.isArray(errors)) return ''
  const messages = errors
    .map(e => (typeof e === 'string' ? e : prop(e, 'message') ?? prop(e, 'code')))
    .filter((m): m is string => typeof m === 'string' && m !== '')
  return messages.length > 0 ? ` — ${messages.join('; ')}` : ''
}

/** The first `code` (ECONNREFUSED, ENOTFOUND, UND_ERR_…) along the error's cause chain. */
function errorCode(error: unknown): string | null {
  let current = error
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = prop(current, 'code')
    if (typeof code === 'string' && code !== '') return code
    current = prop(current, 'cause')
  }
  return null
}

function errorMessage(error: unknown): string | null {
  const message = prop(error, 'message')
  return typeof message === 'string' && message !== '' ? message : null
}

function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.replace(/\?.*$/, '')
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

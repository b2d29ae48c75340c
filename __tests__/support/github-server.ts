/**
 * A fake GitHub REST API on 127.0.0.1 for the handful of endpoints this project calls, so the real
 * Octokit client can be exercised end to end: pagination with Link headers, token checks, GitHub's error
 * bodies, and failures on demand. No test-framework imports, so scripts can use it too.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeComment {
  id: number
  owner: string
  repo: string
  issue: number
  body: string
  user: { login: string; type: 'Bot' | 'User' }
  html_url: string
  created_at: string
  updated_at: string
}

export interface FakePullFile {
  filename: string
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  /** Omit for a binary or too-large file, as GitHub does. */
  patch?: string
  additions?: number
  deletions?: number
  previous_filename?: string
}

/** A submitted pull-request review. */
export interface FakeReview {
  id: number
  owner: string
  repo: string
  pull: number
  body: string
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED'
  commit_id: string
  user: { login: string; type: 'Bot' | 'User' }
  html_url: string
}

/** A comment on a line of a pull request's diff, in a review. */
export interface FakeReviewComment {
  id: number
  owner: string
  repo: string
  pull: number
  reviewId: number
  path: string
  /** null once the line is outdated (set it to simulate a push that changed the line). */
  line: number | null
  body: string
  user: { login: string; type: 'Bot' | 'User' }
  html_url: string
}

/** A pull request into the fake repository, from `headOwner:headRef` (a fork's owner for a fork). */
export interface FakePull {
  number: number
  headOwner: string
  headRef: string
  headSha: string
  state?: 'open' | 'closed'
  /** `head.repo.full_name`; default `headOwner/<the base repository's name>`; null for a deleted fork. */
  headRepo?: string | null
  /** `head.user.login`; default `headOwner`. */
  headUser?: string
}

export interface RecordedRequest {
  method: string
  /** Path without the query, including any base path prefix. */
  path: string
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body, the raw text if it is not JSON, or null without a body. */
  body: unknown
}

export interface GitHubServerOptions {
  /** The token requests must carry; default `test-token`. */
  token?: string
  /** Answer every write with GitHub's 403 for a read-only `GITHUB_TOKEN` (fork pull requests). */
  readOnlyToken?: boolean
  /** The token's account: author of comments created through the API, and GraphQL's `viewer`; default `github-actions[bot]`. */
  login?: string
  /** The type of that account; default `Bot` (`User` for a personal access token). */
  userType?: 'Bot' | 'User'
  /** A GHES-style base path such as `/api/v3`; default none. */
  basePath?: string
}

export interface FakeGitHub {
  /** Base URL to give the client, e.g. `http://127.0.0.1:54321` (plus the base path, if any). */
  url: string
  token: string
  readOnlyToken: boolean
  /** GraphQL answers `viewer` with an error, as for a token that may not read it. */
  viewerHidden: boolean
  /** `GET …/pulls` ignores its `head` filter, as GitHub does with one it cannot parse. */
  ignoreHeadFilter: boolean
  comments: FakeComment[]
  reviews: FakeReview[]
  reviewComments: FakeReviewComment[]
  requests: RecordedRequest[]
  /** Adds a comment as if someone had posted it; returns it. */
  addComment(owner: string, repo: string, issue: number, body: string, user?: { login: string; type: 'Bot' | 'User' }): FakeComment
  /** Comments of one issue, oldest first. */
  commentsOn(owner: string, repo: string, issue: number): FakeComment[]
  /** Reviews of one pull request, oldest first. */
  reviewsOn(owner: string, repo: string, pull: number): FakeReview[]
  /** Review comments of one pull request, oldest first. */
  reviewCommentsOn(owner: string, repo: string, pull: number): FakeReviewComment[]
  /** Adds a submitted review with line comments as if someone had posted it; returns it. */
  addReview(owner: string, repo: string, pull: number, body: string, comments?: { path: string; line: number | null; body: string }[], user?: { login: string; type: 'Bot' | 'User' }): FakeReview
  setPullFiles(owner: string, repo: string, number: number, files: FakePullFile[]): void
  /** Adds a pull request into `owner/repo`, listed by `GET /repos/{owner}/{repo}/pulls`. */
  addPull(owner: string, repo: string, pull: FakePull): void
  /** The next request matching `method` and `pathPattern` (tested against the path without base path or query) fails. */
  failNext(method: string, pathPattern: string | RegExp, status: number, body?: unknown): void
  /** The next request matching `method` and `pathPattern` loses its connection without an answer. */
  dropNext(method: string, pathPattern: string | RegExp): void
  /** Every request fails with `status` until `reset()`. */
  failAll(status: number, body?: unknown): void
  /** Every request from now on gets no answer at all, until `reset()` or `close()`. */
  hang(): void
  /** Clears failures and hanging (not comments, files or recorded requests). */
  reset(): void
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<FakeGitHub> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const comments: FakeComment[] = []
  const reviews: FakeReview[] = []
  const reviewComments: FakeReviewComment[] = []
  const requests: RecordedRequest[] = []
  const pullFiles = new Map<string, FakePullFile[]>()
  const pulls: (FakePull & { owner: string; repo: string })[] = []
  const oneShot: { method: string; pattern: string | RegExp; status: number | 'drop'; body?: unknown }[] = []
  let always: { status: number; body?: unknown } | null = null
  let hanging = false
  let nextId = 1_000_001
  let origin = ''
  const sockets = new Set<import('node:net').Socket>()
  const login = options.login ?? 'github-actions[bot]'
  const userType = options.userType ?? 'Bot'
  // Octokit sends GraphQL to `/graphql`, or on GHES from `…/api/v3` to `…/api/graphql`.
  const graphqlPath = `${basePath.replace(/\/api\/v3$/, '/api')}/graphql`

  const fake: FakeGitHub = {
    url: '',
    token: options.token ?? 'test-token',
    readOnlyToken: options.readOnlyToken ?? false,
    viewerHidden: false,
    ignoreHeadFilter: false,
    comments,
    reviews,
    reviewComments,
    requests,
    addComment(owner, repo, issue, body, user = { login: 'someone', type: 'User' }) {
      const now = new Date().toISOString()
      const id = nextId++
      const comment: FakeComment = {
        id,
        owner,
        repo,
        issue,
        body,
        user,
        html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
        created_at: now,
        updated_at: now
      }
      comments.push(comment)
      return comment
    },
    commentsOn(owner, repo, issue) {
      return comments.filter(c => c.owner === owner && c.repo === repo && c.issue === issue)
    },
    reviewsOn(owner, repo, pull) {
      return reviews.filter(r => r.owner === owner && r.repo === repo && r.pull === pull)
    },
    reviewCommentsOn(owner, repo, pull) {
      return reviewComments.filter(c => c.owner === owner && c.repo === repo && c.pull === pull)
    },
    addReview(owner, repo, pull, body, lineComments = [], user = { login: 'someone', type: 'User' }) {
      const id = nextId++
      const review: FakeReview = { id, owner, repo, pull, body, state: 'COMMENTED', commit_id: 'b'.repeat(40), user, html_url: `https://github.com/${owner}/${repo}/pull/${pull}#pullrequestreview-${id}` }
      reviews.push(review)
      for (const c of lineComments) {
        const cid = nextId++
        reviewComments.push({ id: cid, owner, repo, pull, reviewId: id, path: c.path, line: c.line, body: c.body, user, html_url: `https://github.com/${owner}/${repo}/pull/${pull}#discussion_r${cid}` })
      }
      return review
    },
    setPullFiles(owner, repo, number, files) {
      pullFiles.set(`${owner}/${repo}#${number}`, files)
    },
    addPull(owner, repo, pull) {
      pulls.push({ owner, repo, ...pull })
    },
    failNext(method, pattern, status, body) {
      oneShot.push({ method: method.toUpperCase(), pattern, status, body })
    },
    dropNext(method, pattern) {
      oneShot.push({ method: method.toUpperCase(), pattern, status: 'drop' })
    },
    failAll(status, body) {
      always = { status, body }
    },
    hang() {
      hanging = true
    },
    reset() {
      oneShot.length = 0
      always = null
      hanging = false
    },
    close() {
      return new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown = null
      if (text !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          body = text
        }
      }
      const method = (req.method ?? 'GET').toUpperCase()
      requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body })
      if (hanging) return
      handle(method, url, req.headers, body, res, req)
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function handle(method: string, url: URL, headers: http.IncomingHttpHeaders, body: unknown, res: http.ServerResponse, req: http.IncomingMessage): void {
    const isGraphql = url.pathname === graphqlPath
    if (!isGraphql && basePath !== '' && !url.pathname.startsWith(`${basePath}/`)) return send(res, 404, notFound())
    const path = isGraphql ? '/graphql' : url.pathname.slice(basePath.length)

    const failure = oneShot.findIndex(f => f.method === method && (typeof f.pattern === 'string' ? path.includes(f.pattern) : f.pattern.test(path)))
    if (failure >= 0) {
      const f = oneShot.splice(failure, 1)[0]!
      if (f.status === 'drop') return void req.socket.destroy()
      return send(res, f.status, f.body ?? errorBody(f.status))
    }
    if (always) return send(res, always.status, always.body ?? errorBody(always.status))

    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(String(headers.authorization ?? ''))
    if (!auth || auth[1] !== fake.token) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
    }
    if (fake.readOnlyToken && method !== 'GET' && method !== 'HEAD') {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403'
      })
    }

    if (path === '/graphql' && method === 'POST') {
      // Only the query this project sends. GitHub reports GraphQL errors with status 200.
      const query = typeof body === 'object' && body !== null ? String((body as Record<string, unknown>).query ?? '') : ''
      if (!/\bviewer\s*\{\s*login\s*\}/.test(query)) return send(res, 200, { errors: [{ message: 'unsupported query in the fake' }] })
      if (fake.viewerHidden) {
        return send(res, 200, { data: null, errors: [{ type: 'FORBIDDEN', path: ['viewer'], message: 'Resource not accessible by integration' }] })
      }
      return send(res, 200, { data: { viewer: { login } } })
    }

    let m: RegExpExecArray | null
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [owner, repo, issue] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), Number(m[3])]
      if (method === 'GET') {
        return sendPage(res, url, fake.commentsOn(owner, repo, issue).map(publicComment))
      }
      if (method === 'POST') {
        const text = bodyText(body)
        if (text === null) return send(res, 422, validation('body', 'missing_field'))
        if (text.length > 65_536) return send(res, 422, tooLong())
        return send(res, 201, publicComment(fake.addComment(owner, repo, issue, text, { login, type: userType })))
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const comment = comments.find(c => c.id === Number(m![3]) && c.owner === decodeURIComponent(m![1]!) && c.repo === decodeURIComponent(m![2]!))
      if (!comment) return send(res, 404, notFound('issues/comments#update-an-issue-comment'))
      const text = bodyText(body)
      if (text === null) return send(res, 422, validation('body', 'missing_field'))
      if (text.length > 65_536) return send(res, 422, tooLong())
      comment.body = text
      comment.updated_at = new Date().toISOString()
      return send(res, 200, publicComment(comment))
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/.exec(path))) {
      const [owner, repo, pull] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), Number(m[3])]
      if (method === 'GET') return sendPage(res, url, fake.reviewsOn(owner, repo, pull).map(publicReview))
      if (method === 'POST') return createReview(owner, repo, pull, body, res)
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews\/(\d+)$/.exec(path)) && method === 'PUT') {
      const review = reviews.find(r => r.id === Number(m![4]) && r.owner === decodeURIComponent(m![1]!) && r.repo === decodeURIComponent(m![2]!) && r.pull === Number(m![3]))
      if (!review) return send(res, 404, notFound('pulls/reviews#update-a-review-for-a-pull-request'))
      const text = bodyText(body)
      if (text === null) return send(res, 422, validation('body', 'missing_field'))
      review.body = text
      return send(res, 200, publicReview(review))
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/comments$/.exec(path)) && method === 'GET') {
      return sendPage(res, url, fake.reviewCommentsOn(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), Number(m[3])).map(publicReviewComment))
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/comments\/(\d+)$/.exec(path)) && (method === 'PATCH' || method === 'DELETE')) {
      const index = reviewComments.findIndex(c => c.id === Number(m![3]) && c.owner === decodeURIComponent(m![1]!) && c.repo === decodeURIComponent(m![2]!))
      if (index < 0) return send(res, 404, notFound('pulls/comments'))
      if (method === 'DELETE') {
        reviewComments.splice(index, 1)
        return send(res, 204, '')
      }
      const text = bodyText(body)
      if (text === null) return send(res, 422, validation('body', 'missing_field'))
      if (text.length > 65_536) return send(res, 422, tooLong())
      reviewComments[index]!.body = text
      return send(res, 200, publicReviewComment(reviewComments[index]!))
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(path)) && method === 'GET') {
      // GitHub's filters: `state` (default open) and `head` as `owner:branch`.
      const [owner, repo] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)]
      const state = url.searchParams.get('state') ?? 'open'
      const head = url.searchParams.get('head')
      const listed = pulls.filter(
        p => p.owner === owner && p.repo === repo && (state === 'all' || (p.state ?? 'open') === state) && (head === null || fake.ignoreHeadFilter || `${p.headOwner}:${p.headRef}` === head)
      )
      return sendPage(res, url, listed.map(publicPull))
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(path)) && method === 'GET') {
      const files = pullFiles.get(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}#${Number(m[3])}`)
      if (!files) return send(res, 404, notFound('pulls/pulls#list-pull-requests-files'))
      return sendPage(res, url, files.slice(0, 3000).map(publicFile))
    }
    send(res, 404, notFound())
  }

  /** GitHub's checks for a submitted `COMMENT` review: each comment on a new-side line inside a hunk of its file. */
  function createReview(owner: string, repo: string, pull: number, body: unknown, res: http.ServerResponse): void {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
    if (fields.event !== 'COMMENT') return send(res, 422, validation('event', 'invalid'))
    if (typeof fields.commit_id !== 'string' || typeof fields.body !== 'string') return send(res, 422, validation('commit_id', 'missing_field'))
    const lineComments = Array.isArray(fields.comments) ? (fields.comments as Record<string, unknown>[]) : []
    const files = pullFiles.get(`${owner}/${repo}#${pull}`) ?? []
    for (const c of lineComments) {
      const file = files.find(f => f.filename === c.path)
      if (typeof c.body !== 'string' || typeof c.line !== 'number' || c.side !== 'RIGHT' || file?.patch === undefined || !inHunk(file.patch, c.line)) {
        return send(res, 422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`, status: '422' })
      }
      if (c.body.length > 65_536) return send(res, 422, tooLong())
    }
    const review = fake.addReview(owner, repo, pull, fields.body, lineComments.map(c => ({ path: String(c.path), line: Number(c.line), body: String(c.body) })), { login, type: userType })
    review.commit_id = fields.commit_id
    return send(res, 200, publicReview(review))
  }

  function sendPage(res: http.ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30))
    const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number): string => {
      const target = new URL(url.pathname, origin)
      for (const [k, v] of url.searchParams) target.searchParams.set(k, v)
      target.searchParams.set('page', String(p))
      return target.toString()
    }
    const rels: string[] = []
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`)
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`)
    send(res, 200, items.slice((page - 1) * perPage, page * perPage), rels.length > 0 ? { link: rels.join(', ') } : {})
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.url = `${origin}${basePath}`
  return fake
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`,
    ...headers
  })
  res.end(text)
}

function publicComment(c: FakeComment): unknown {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `https://api.github.com/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: c.html_url,
    issue_url: `https://api.github.com/repos/${c.owner}/${c.repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.user.login, id: 41898282, type: c.user.type },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

function publicReview(r: FakeReview): unknown {
  return {
    id: r.id,
    node_id: `PRR_${r.id}`,
    user: { login: r.user.login, id: 41898282, type: r.user.type },
    body: r.body,
    state: r.state,
    html_url: r.html_url,
    pull_request_url: `https://api.github.com/repos/${r.owner}/${r.repo}/pulls/${r.pull}`,
    commit_id: r.commit_id,
    submitted_at: new Date().toISOString(),
    author_association: r.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

function publicReviewComment(c: FakeReviewComment): unknown {
  return {
    id: c.id,
    node_id: `PRRC_${c.id}`,
    pull_request_review_id: c.reviewId,
    path: c.path,
    // GitHub answers null for both once the line is outdated.
    line: c.line,
    position: c.line === null ? null : 1,
    original_line: c.line ?? 1,
    side: 'RIGHT',
    body: c.body,
    user: { login: c.user.login, id: 41898282, type: c.user.type },
    html_url: c.html_url,
    commit_id: 'b'.repeat(40),
    original_commit_id: 'b'.repeat(40),
    diff_hunk: '@@',
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

/** Whether new-side `line` lies in a hunk of the patch, where GitHub lets a review comment go. */
function inHunk(patch: string, line: number): boolean {
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1])
    const count = m[2] === undefined ? 1 : Number(m[2])
    if (line >= start && line < start + count) return true
  }
  return false
}

function publicPull(p: FakePull & { owner: string; repo: string }): unknown {
  const headRepo = p.headRepo === undefined ? `${p.headOwner}/${p.repo}` : p.headRepo
  return {
    number: p.number,
    state: p.state ?? 'open',
    html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
    head: {
      ref: p.headRef,
      sha: p.headSha,
      label: `${p.headOwner}:${p.headRef}`,
      user: { login: p.headUser ?? p.headOwner, type: 'User' },
      repo: headRepo === null ? null : { full_name: headRepo, name: headRepo.split('/')[1], owner: { login: headRepo.split('/')[0] }, fork: headRepo !== `${p.owner}/${p.repo}` }
    },
    base: { ref: 'main', repo: { full_name: `${p.owner}/${p.repo}` } }
  }
}

function publicFile(f: FakePullFile): unknown {
  const additions = f.additions ?? (f.patch ? f.patch.split('\n').filter(l => l.startsWith('+')).length : 0)
  const deletions = f.deletions ?? (f.patch ? f.patch.split('\n').filter(l => l.startsWith('-')).length : 0)
  return {
    sha: '0'.repeat(40),
    filename: f.filename,
    status: f.status ?? 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/o/r/blob/HEAD/${f.filename}`,
    raw_url: `https://github.com/o/r/raw/HEAD/${f.filename}`,
    contents_url: `https://api.github.com/repos/o/r/contents/${f.filename}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {})
  }
}

function bodyText(body: unknown): string | null {
  const text = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).body : undefined
  return typeof text === 'string' ? text : null
}

function notFound(docs = ''): unknown {
  return { message: 'Not Found', documentation_url: docs ? `${DOCS}/${docs}` : DOCS, status: '404' }
}

function validation(field: string, code: string): unknown {
  return { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code, field }], documentation_url: DOCS, status: '422' }
}

function tooLong(): unknown {
  return {
    message: 'Validation Failed',
    errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
    documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`,
    status: '422'
  }
}

/** GitHub's body for an error status with no body given to `failNext`/`failAll`. */
function errorBody(status: number): unknown {
  if (status === 403) return { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' }
  if (status === 404) return notFound()
  if (status === 422) return tooLong()
  if (status === 502) return 'Bad Gateway'
  if (status >= 500) return { message: 'Server Error', status: String(status) }
  return { message: `HTTP ${status}`, status: String(status) }
}

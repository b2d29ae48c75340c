import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { createGitHubClient, describeApiFailure, type GitHubClient } from '../src/github/client.js'
import { commentMarker, fitCommentBody, upsertStickyComment, type CommentOutcome } from '../src/github/comment.js'
import { readEventContext, readPullRequestContext, runUrl } from '../src/github/context.js'
import { findRunPullRequests } from '../src/github/workflow-run.js'
import { startGitHubServer, type FakeGitHub } from './support/github-server.js'

const PR = { owner: 'octo', repo: 'engine', number: 7 }
const MARKER = commentMarker('default')
const TOKEN = 'test-token'

let server: FakeGitHub
let client: GitHubClient

beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN })
  client = createGitHubClient(TOKEN, { baseUrl: server.url, timeoutMs: 2_000, retryDelayMs: 10 })
})

afterEach(async () => {
  await server.close()
})

const upsert = (body: string, createIfMissing = true, c: GitHubClient = client): Promise<CommentOutcome> =>
  upsertStickyComment(c, PR, fitCommentBody(body, { runUrl: null, marker: MARKER }), { marker: MARKER, createIfMissing })

const marked = (): number => server.commentsOn(PR.owner, PR.repo, PR.number).filter(c => c.body.includes(MARKER)).length
const writes = (): string[] => server.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').map(r => `${r.method} ${r.path}`)
/** How often the token's login was asked (GraphQL `viewer`). */
const lookups = (s: FakeGitHub = server): number => s.requests.filter(r => r.path.endsWith('/graphql')).length

function failure(outcome: CommentOutcome) {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`)
  expect(outcome.failure.message).not.toMatch(/[\r\n]/)
  return outcome.failure
}

describe('upsertStickyComment against a fake GitHub', () => {
  it('creates the comment on the first run, then updates that same comment', async () => {
    const first = await upsert('## Report\n\n2 errors')
    expect(first).toMatchObject({ outcome: 'created', id: expect.any(Number), url: expect.stringContaining('#issuecomment-') })
    expect(marked()).toBe(1)

    const second = await upsert('## Report\n\n1 error')
    expect(second).toMatchObject({ outcome: 'updated', id: (first as { id: number }).id })
    expect(marked()).toBe(1)
    expect(server.commentsOn(PR.owner, PR.repo, PR.number)[0]!.body).toBe(`${MARKER}\n## Report\n\n1 error`)
    expect(writes()).toEqual([`POST /repos/octo/engine/issues/7/comments`, `PATCH /repos/octo/engine/issues/comments/${(first as { id: number }).id}`])
  })

  it('leaves an identical comment alone', async () => {
    await upsert('same')
    const again = await upsert('same')
    expect(again.outcome).toBe('unchanged')
    expect(writes().filter(w => w.startsWith('PATCH'))).toEqual([])
  })

  it('does not touch other people’s comments, and keeps separate comments per key', async () => {
    const other = server.addComment(PR.owner, PR.repo, PR.number, 'LGTM, but see the linkage report', { login: 'reviewer', type: 'User' })
    await upsert('report')
    const matrixMarker = commentMarker('matrix/x86_64-pc-windows-msvc')
    const matrix = await upsertStickyComment(client, PR, fitCommentBody('windows report', { runUrl: null, marker: matrixMarker }), {
      marker: matrixMarker,
      createIfMissing: true
    })
    expect(matrix.outcome).toBe('created')
    await upsert('report, second run')
    const all = server.commentsOn(PR.owner, PR.repo, PR.number)
    expect(all).toHaveLength(3)
    expect(all[0]).toMatchObject({ id: other.id, body: 'LGTM, but see the linkage report' })
    expect(all[2]!.body).toBe(`${matrixMarker}\nwindows report`)
  })

  it('updates its own bot comment when several carry the marker, and never adds another', async () => {
    const human = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nquoted by a human`, { login: 'someone', type: 'User' })
    const bot = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
    const outcome = await upsert('new')
    expect(outcome).toMatchObject({ outcome: 'updated', id: bot.id })
    expect(server.commentsOn(PR.owner, PR.repo, PR.number).map(c => c.body)).toEqual([`${MARKER}\nquoted by a human`, `${MARKER}\nnew`])
    expect(writes()).toEqual([`PATCH /repos/octo/engine/issues/comments/${bot.id}`])
    expect(writes()).not.toContain(`PATCH /repos/octo/engine/issues/comments/${human.id}`)
    expect(lookups()).toBe(1)
  })

  it('follows pagination to find the comment on a later page', async () => {
    for (let i = 0; i < 120; i++) server.addComment(PR.owner, PR.repo, PR.number, `comment ${i}`)
    const existing = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
    for (let i = 0; i < 29; i++) server.addComment(PR.owner, PR.repo, PR.number, `later ${i}`)
    const outcome = await upsert('new')
    expect(outcome).toMatchObject({ outcome: 'updated', id: existing.id })
    const pages = server.requests.filter(r => r.method === 'GET').map(r => r.query)
    expect(pages).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }])
    expect(marked()).toBe(1)
  })

  it('skips when there is no comment and creating is not wanted', async () => {
    expect(await upsert('report', false)).toEqual({ outcome: 'skipped' })
    expect(writes()).toEqual([])
    server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
    expect((await upsert('report', false)).outcome).toBe('updated')
  })

  it('sends the token and uses GITHUB_API_URL as the base, including a GHES path', async () => {
    const ghes = await startGitHubServer({ token: 'ghs_abc123', basePath: '/api/v3' })
    const saved = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = ghes.url
    try {
      const envClient = createGitHubClient('ghs_abc123', {})
      expect(envClient.baseUrl).toBe(ghes.url)
      expect((await upsert('report', true, envClient)).outcome).toBe('created')
      expect(ghes.requests.map(r => `${r.method} ${r.path}`)).toEqual(['GET /api/v3/repos/octo/engine/issues/7/comments', 'POST /api/v3/repos/octo/engine/issues/7/comments'])
      // The login lookup goes to GHES's GraphQL root, `/api/graphql`.
      const second = await upsert('report 2', true, envClient)
      expect(second.outcome).toBe('updated')
      expect(ghes.requests.slice(2).map(r => `${r.method} ${r.path}`)).toEqual([
        'GET /api/v3/repos/octo/engine/issues/7/comments',
        'POST /api/graphql',
        `PATCH /api/v3/repos/octo/engine/issues/comments/${(second as { id: number }).id}`
      ])
      for (const r of ghes.requests) {
        expect(r.headers.authorization).toBe('token ghs_abc123')
        expect(r.headers['user-agent']).toMatch(/^rust-linkage-guard /)
      }
      expect(server.requests).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
      await ghes.close()
    }
  })
})

describe('comment ownership: only a comment of the token’s own account is adopted', () => {
  const patchOf = (id: number): string => `PATCH /repos/octo/engine/issues/comments/${id}`

  it('a person’s comment carrying the marker is never edited: a new bot comment is posted and theirs is left alone', async () => {
    // The pull request's author pastes the marker before the action ever commented.
    const planted = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nLooks fine to me!`, { login: 'pr-author', type: 'User' })
    const ghost = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nfrom a deleted account`, { login: 'ghost', type: 'User' })
    const first = await upsert('## Report\n\n2 errors')
    expect(first).toMatchObject({ outcome: 'created' })
    const all = server.commentsOn(PR.owner, PR.repo, PR.number)
    expect(all.map(c => [c.user.login, c.body])).toEqual([
      ['pr-author', `${MARKER}\nLooks fine to me!`],
      ['ghost', `${MARKER}\nfrom a deleted account`],
      ['github-actions[bot]', `${MARKER}\n## Report\n\n2 errors`]
    ])
    expect(writes()).toEqual(['POST /repos/octo/engine/issues/7/comments'])

    // The next run updates the action's comment, still not theirs.
    const second = await upsert('## Report\n\n1 error')
    expect(second).toMatchObject({ outcome: 'updated', id: (first as { id: number }).id })
    expect(writes()).not.toContain(patchOf(planted.id))
    expect(writes()).not.toContain(patchOf(ghost.id))
    expect(server.commentsOn(PR.owner, PR.repo, PR.number)[0]!.body).toBe(`${MARKER}\nLooks fine to me!`)
  })

  it('with `on-findings` and only a person’s marker comment, nothing is written at all', async () => {
    server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nhijack me`, { login: 'pr-author', type: 'User' })
    expect(await upsert('report', false)).toEqual({ outcome: 'skipped' })
    expect(writes()).toEqual([])
  })

  it('a personal token (its login readable) adopts its own comment, even a `User` one, and no other bot’s', async () => {
    const pat = await startGitHubServer({ token: 'ghp_machine', login: 'release-bot', userType: 'User' })
    try {
      const patClient = createGitHubClient('ghp_machine', { baseUrl: pat.url, timeoutMs: 2_000, retryDelayMs: 10 })
      const other = pat.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nby another app`, { login: 'renovate[bot]', type: 'Bot' })
      const actions = pat.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nby the Actions token`, { login: 'github-actions[bot]', type: 'Bot' })
      const first = await upsert('report', true, patClient)
      expect(first).toMatchObject({ outcome: 'created' })
      const second = await upsert('report, again', true, patClient)
      expect(second).toMatchObject({ outcome: 'updated', id: (first as { id: number }).id })
      const all = pat.commentsOn(PR.owner, PR.repo, PR.number)
      expect(all.map(c => [c.user.login, c.body])).toEqual([
        ['renovate[bot]', `${MARKER}\nby another app`],
        ['github-actions[bot]', `${MARKER}\nby the Actions token`],
        ['release-bot', `${MARKER}\nreport, again`]
      ])
      const patched = pat.requests.filter(r => r.method === 'PATCH').map(r => r.path)
      expect(patched).toEqual([`/repos/octo/engine/issues/comments/${(first as { id: number }).id}`])
      expect(patched).not.toContain(`/repos/octo/engine/issues/comments/${other.id}`)
      expect(patched).not.toContain(`/repos/octo/engine/issues/comments/${actions.id}`)
      // Asked once per client, however many comments are kept.
      expect(lookups(pat)).toBe(1)
    } finally {
      await pat.close()
    }
  })

  it('an app token’s login is read too: another app’s bot comment is not adopted', async () => {
    const app = await startGitHubServer({ token: 'ghs_app', login: 'linkage-app[bot]' })
    try {
      const appClient = createGitHubClient('ghs_app', { baseUrl: app.url, timeoutMs: 2_000, retryDelayMs: 10 })
      const actions = app.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
      expect(await upsert('report', true, appClient)).toMatchObject({ outcome: 'created' })
      expect(app.comments.find(c => c.id === actions.id)!.body).toBe(`${MARKER}\nold`)
      expect(app.requests.filter(r => r.method === 'PATCH')).toEqual([])
    } finally {
      await app.close()
    }
  })

  for (const [name, refuse] of [
    ['answered with a GraphQL error', (s: FakeGitHub) => void (s.viewerHidden = true)],
    ['refused with 403', (s: FakeGitHub) => s.failNext('POST', '/graphql', 403)],
    ['failed with 500', (s: FakeGitHub) => s.failNext('POST', '/graphql', 500)]
  ] as const) {
    it(`the login lookup ${name}: bots only, github-actions[bot] first, and the run goes on`, async () => {
      refuse(server)
      const human = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nmine`, { login: 'pr-author', type: 'User' })
      const otherBot = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nquoted`, { login: 'codecov[bot]', type: 'Bot' })
      const ours = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
      expect(await upsert('new')).toMatchObject({ outcome: 'updated', id: ours.id })
      expect(writes()).toEqual([patchOf(ours.id)])
      expect(server.comments.find(c => c.id === human.id)!.body).toBe(`${MARKER}\nmine`)
      expect(server.comments.find(c => c.id === otherBot.id)!.body).toBe(`${MARKER}\nquoted`)
      // The failed lookup is not repeated for the next comment of the same run.
      expect(await upsert('newer')).toMatchObject({ outcome: 'updated', id: ours.id })
      expect(lookups()).toBe(1)
    })
  }

  it('the login lookup fails and only a person carries the marker: a new comment, theirs untouched', async () => {
    server.viewerHidden = true
    const human = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nmine`, { login: 'pr-author', type: 'User' })
    expect(await upsert('report')).toMatchObject({ outcome: 'created' })
    expect(writes()).toEqual(['POST /repos/octo/engine/issues/7/comments'])
    expect(server.comments.find(c => c.id === human.id)!.body).toBe(`${MARKER}\nmine`)
  })

  it('no marker anywhere: the login is not asked', async () => {
    server.addComment(PR.owner, PR.repo, PR.number, 'LGTM')
    expect((await upsert('report')).outcome).toBe('created')
    expect(lookups()).toBe(0)
  })
})

describe('upsertStickyComment failures are results, never exceptions', () => {
  it('403 from a read-only token (fork pull request)', async () => {
    server.readOnlyToken = true
    const f = failure(await upsert('report'))
    expect(f).toMatchObject({ status: 403, kind: 'forbidden' })
    expect(f.message).toContain('Resource not accessible by integration')
    expect(f.message).toContain('POST /repos/octo/engine/issues/7/comments')
    expect(f.message).toContain('pull-requests: write')
    expect(f.message).toContain('workflow_run')
  })

  it('401 from a bad token', async () => {
    const bad = createGitHubClient('wrong', { baseUrl: server.url })
    const f = failure(await upsert('report', true, bad))
    expect(f).toMatchObject({ status: 401, kind: 'forbidden' })
    expect(f.message).toContain('Bad credentials')
  })

  it('404 for a repository the token cannot see', async () => {
    server.failNext('GET', '/issues/7/comments', 404)
    const f = failure(await upsert('report'))
    expect(f).toMatchObject({ status: 404, kind: 'not-found' })
    expect(f.message).toMatch(/404 to GET \/repos\/octo\/engine\/issues\/7\/comments.*does not exist/)
  })

  it('404 when the comment was deleted between listing and editing', async () => {
    const existing = server.addComment(PR.owner, PR.repo, PR.number, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' })
    server.failNext('PATCH', `/issues/comments/${existing.id}`, 404)
    const f = failure(await upsert('new'))
    expect(f.kind).toBe('not-found')
    expect(f.message).toContain('no longer exists')
  })

  it('422 with GitHub’s validation detail', async () => {
    server.failNext('POST', '/comments', 422)
    const f = failure(await upsert('report'))
    expect(f).toMatchObject({ status: 422, kind: 'validation' })
    expect(f.message).toContain('Validation Failed')
    expect(f.message).toContain('body is too long')
  })

  it('500 and 502 are server failures after one retry of the read', async () => {
    for (const status of [500, 502]) {
      server.requests.length = 0
      server.failAll(status)
      const f = failure(await upsert('report'))
      expect(f).toMatchObject({ status, kind: 'server' })
      expect(f.message).toContain(`(${status}`)
      expect(f.message).toContain('transient')
      expect(server.requests.map(r => r.method)).toEqual(['GET', 'GET'])
      server.reset()
    }
  })

  it('a single 502 is absorbed by the retry; a failed POST is not retried', async () => {
    server.failNext('GET', '/comments', 502)
    expect((await upsert('report')).outcome).toBe('created')
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'GET', 'POST'])

    server.requests.length = 0
    server.comments.length = 0
    server.failNext('POST', '/comments', 503)
    expect(failure(await upsert('report')).kind).toBe('server')
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'POST'])
  })

  it('a dropped connection is retried for reads, not for creates', async () => {
    server.dropNext('GET', '/comments')
    expect((await upsert('report')).outcome).toBe('created')
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'GET', 'POST'])

    server.requests.length = 0
    server.comments.length = 0
    server.dropNext('POST', '/comments')
    const f = failure(await upsert('report'))
    expect(f).toMatchObject({ status: null, kind: 'network' })
    expect(f.message).toContain('POST /repos/octo/engine/issues/7/comments')
    expect(server.requests.map(r => r.method)).toEqual(['GET', 'POST'])
  })

  it('a server that never answers times out', async () => {
    server.hang()
    const slow = createGitHubClient(TOKEN, { baseUrl: server.url, timeoutMs: 300 })
    const started = Date.now()
    const f = failure(await upsert('report', true, slow))
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(f).toMatchObject({ status: null, kind: 'timeout' })
    expect(f.message).toContain('no answer within 0.3 s')
    expect(f.message).toContain('GET /repos/octo/engine/issues/7/comments')
  })

  it('a closed port is a network failure', async () => {
    const gone = await startGitHubServer()
    const url = gone.url
    await gone.close()
    const f = failure(await upsert('report', true, createGitHubClient(TOKEN, { baseUrl: url, timeoutMs: 2_000, retryDelayMs: 10 })))
    expect(f).toMatchObject({ status: null, kind: 'network' })
    expect(f.message).toContain('ECONNREFUSED')
    expect(f.message).toContain(url)
  })

  it('describeApiFailure copes with anything', () => {
    expect(describeApiFailure(new Error('boom'))).toEqual({ status: null, kind: 'other', message: 'a GitHub API request failed: boom' })
    expect(describeApiFailure('weird')).toMatchObject({ kind: 'other' })
    expect(describeApiFailure(undefined)).toMatchObject({ kind: 'other' })
  })
})

describe('fitCommentBody', () => {
  const RUN = 'https://github.com/octo/engine/actions/runs/42'

  it('only prepends the marker to a body that fits', () => {
    expect(fitCommentBody('## Report\nall good', { runUrl: RUN, marker: MARKER })).toBe(`${MARKER}\n## Report\nall good`)
    expect(fitCommentBody(`${MARKER}\nalready`, { runUrl: RUN, marker: MARKER })).toBe(`${MARKER}\nalready`)
  })

  it('cuts a 200 KB body at a line, closing <details> and the code fence, linking the job summary', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `error[E${i}]: crate \`c${i}\` links \`std\` twice — ${'x'.repeat(20)}`)
    const body = ['## Report', '', '<details><summary>All findings</summary>', '', '```text', ...rows, '```', '', '</details>'].join('\n')
    expect(body.length).toBeGreaterThan(200_000)
    const fitted = fitCommentBody(body, { runUrl: RUN, marker: MARKER })
    expect(fitted.startsWith(`${MARKER}\n## Report\n`)).toBe(true)
    expect(fitted.length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(65_536)
    expect(fitted.length).toBeGreaterThan(60_000)
    expect(fitted).toMatch(/\n```\n\n<\/details>\n\n… truncated: the full report is in the \[job summary\]\(https:\/\/github\.com\/octo\/engine\/actions\/runs\/42\)\n$/)
    // Every kept line is a whole line of the original.
    const kept = fitted.split('\n').slice(1, fitted.split('\n').indexOf('```', 5))
    for (const line of kept) expect(body.split('\n')).toContain(line)
  })

  it('counts UTF-8 bytes too, and works without a run URL', () => {
    const body = Array.from({ length: 100 }, () => 'é'.repeat(50)).join('\n')
    const fitted = fitCommentBody(body, { runUrl: null, marker: MARKER, limit: 2_000 })
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(2_000)
    expect(fitted.endsWith('\n… truncated: the full report is in the job summary\n')).toBe(true)
  })

  it('does not count <details> inside code, nor close an already closed fence', () => {
    const body = ['```html', '<details>', '```', 'a'.repeat(80), 'b'.repeat(80)].join('\n')
    const fitted = fitCommentBody(body, { runUrl: null, marker: MARKER, limit: 200 })
    expect(fitted).not.toContain('</details>')
    expect(fitted.match(/```/g)).toHaveLength(2)
    expect(fitted.length).toBeLessThanOrEqual(200)
  })

  it('sanitises marker keys', () => {
    expect(commentMarker()).toBe('<!-- rust-linkage-guard:default -->')
    expect(commentMarker('build (ubuntu, --release) -->')).toBe('<!-- rust-linkage-guard:build--ubuntu----release----- -->')
    expect(commentMarker('matrix/x86_64-pc-windows-msvc')).toBe('<!-- rust-linkage-guard:matrix/x86_64-pc-windows-msvc -->')
    expect(commentMarker('  ')).toBe('<!-- rust-linkage-guard:default -->')
  })
})

describe('readPullRequestContext', () => {
  const SHA_A = 'a'.repeat(40)
  const SHA_B = 'b'.repeat(40)
  const payload = JSON.stringify({
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, base: { sha: SHA_A, ref: 'main' }, head: { sha: SHA_B, ref: 'feature' } },
    repository: { name: 'engine', owner: { login: 'octo' } }
  })
  const files = (content: string) => (file: string) => {
    if (file !== '/tmp/event.json') throw new Error(`ENOENT: no such file or directory, open '${file}'`)
    return content
  }

  it('reads a pull_request payload', () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/tmp/event.json' }
    expect(readPullRequestContext(env, files(payload))).toEqual({ owner: 'octo', repo: 'engine', number: 7, baseSha: SHA_A, headSha: SHA_B })
    const target = { ...env, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REPOSITORY: 'fork-base/engine2' }
    expect(readPullRequestContext(target, files(payload))).toMatchObject({ owner: 'fork-base', repo: 'engine2' })
  })

  it('is null for other events and local runs', () => {
    const push = JSON.stringify({ ref: 'refs/heads/main', after: SHA_B, repository: { name: 'engine', owner: { login: 'octo' } } })
    expect(readPullRequestContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/tmp/event.json' }, files(push))).toBeNull()
    expect(readPullRequestContext({}, files(payload))).toBeNull()
    expect(readPullRequestContext({ GITHUB_EVENT_NAME: 'pull_request' }, files(payload))).toBeNull()
    // An analysis allowed under workflow_run reads no pull request from its payload, whatever that holds.
    expect(readPullRequestContext({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '/tmp/event.json' }, files('{}'))).toBeNull()
  })

  it('names GITHUB_EVENT_PATH for unreadable or malformed payloads', () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/tmp/event.json' }
    const read = (content: string) => () => readPullRequestContext(env, files(content))
    expect(read('{"pull_request": ')).toThrow(UserError)
    expect(read('{"pull_request": ')).toThrow(/GITHUB_EVENT_PATH \(\/tmp\/event\.json\) is not valid JSON/)
    expect(() => readPullRequestContext({ ...env, GITHUB_EVENT_PATH: '/nope.json' }, files(payload))).toThrow(/cannot read the event payload at GITHUB_EVENT_PATH \(\/nope\.json\)/)
    expect(read('{"pull_request": {"number": "7"}}')).toThrow(/`pull_request\.number`/)
    expect(read(JSON.stringify({ pull_request: { number: 7, base: { sha: SHA_A }, head: {} } }))).toThrow(/`pull_request\.head\.sha`/)
    expect(read(JSON.stringify({ pull_request: { number: 7, base: { sha: SHA_A }, head: { sha: SHA_B } } }))).toThrow(/repository/)
    try {
      read('[1, 2')()
    } catch (error) {
      expect((error as Error).message).not.toMatch(/\n/)
    }
  })

  it('builds the run URL, with the attempt after a re-run', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/engine', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }
    expect(runUrl(env)).toBe('https://github.com/octo/engine/actions/runs/42')
    expect(runUrl({ ...env, GITHUB_RUN_ATTEMPT: '3' })).toBe('https://github.com/octo/engine/actions/runs/42/attempts/3')
    expect(runUrl({ ...env, GITHUB_RUN_ID: undefined })).toBeNull()
  })
})

describe('findRunPullRequests: the pull request of a workflow_run, from the event alone', () => {
  const HEAD = 'c'.repeat(40)
  const run = { owner: 'octo', repo: 'engine', event: 'pull_request', headSha: HEAD, headOwner: 'forker', headRepository: 'forker/engine', headBranch: 'feature', runUrl: null }

  it('finds the open pull request from the fork’s branch whose head is the analysed commit', async () => {
    for (let n = 1; n <= 150; n++) server.addPull('octo', 'engine', { number: n, headOwner: 'someone', headRef: 'feature', headSha: HEAD })
    server.addPull('octo', 'engine', { number: 151, headOwner: 'forker', headRef: 'other', headSha: HEAD })
    server.addPull('octo', 'engine', { number: 152, headOwner: 'forker', headRef: 'feature', headSha: HEAD.toUpperCase() })
    server.addPull('octo', 'engine', { number: 153, headOwner: 'forker', headRef: 'feature', headSha: HEAD, state: 'closed' })
    expect(await findRunPullRequests(client, run)).toEqual({ ok: true, numbers: [152] })
    const listed = server.requests.filter(r => r.path === '/repos/octo/engine/pulls')
    expect(listed.map(r => r.query)).toEqual([{ head: 'forker:feature', state: 'open', per_page: '100' }])
  })

  it('finds none when the branch has moved on to a newer commit', async () => {
    server.addPull('octo', 'engine', { number: 12, headOwner: 'forker', headRef: 'feature', headSha: 'd'.repeat(40) })
    expect(await findRunPullRequests(client, run)).toEqual({ ok: true, numbers: [] })
  })

  it('a pull request at the same commit from another fork, branch or owner is not the run’s', async () => {
    // GitHub ignores a `head` filter it cannot parse, and has listed other branches at the same commit; the
    // fake does the same here, so every pull request below is listed.
    server.ignoreHeadFilter = true
    server.addPull('octo', 'engine', { number: 20, headOwner: 'mallory', headRef: 'feature', headSha: HEAD })
    server.addPull('octo', 'engine', { number: 21, headOwner: 'forker', headRef: 'other', headSha: HEAD })
    server.addPull('octo', 'engine', { number: 22, headOwner: 'forker', headRef: 'feature', headSha: HEAD, headRepo: 'forker/engine-copy' })
    server.addPull('octo', 'engine', { number: 23, headOwner: 'forker', headRef: 'feature', headSha: HEAD, headUser: 'mallory' })
    server.addPull('octo', 'engine', { number: 24, headOwner: 'forker', headRef: 'feature', headSha: HEAD, headRepo: null })
    server.addPull('octo', 'engine', { number: 25, headOwner: 'forker', headRef: 'Feature', headSha: HEAD })
    server.addPull('octo', 'engine', { number: 26, headOwner: 'octo', headRef: 'feature', headSha: HEAD })
    expect(await findRunPullRequests(client, run)).toEqual({ ok: true, numbers: [] })
    // The control: the run's own pull request among them is found; owner and repository without case.
    server.addPull('octo', 'engine', { number: 27, headOwner: 'Forker', headRef: 'feature', headSha: HEAD, headRepo: 'Forker/Engine' })
    expect(await findRunPullRequests(client, run)).toEqual({ ok: true, numbers: [27] })
  })

  it('the listing’s own `head` filter is not trusted either: the head repository must be the run’s', async () => {
    server.addPull('octo', 'engine', { number: 30, headOwner: 'forker', headRef: 'feature', headSha: HEAD, headRepo: 'forker/engine-copy' })
    server.addPull('octo', 'engine', { number: 31, headOwner: 'forker', headRef: 'feature', headSha: HEAD, headRepo: null })
    expect(await findRunPullRequests(client, run)).toEqual({ ok: true, numbers: [] })
    expect(await findRunPullRequests(client, { ...run, headRepository: 'forker/engine-copy' })).toEqual({ ok: true, numbers: [30] })
  })

  it('an API failure is a result with GitHub’s reason, never an exception', async () => {
    server.failNext('GET', '/pulls', 403)
    const found = await findRunPullRequests(client, run)
    expect(found).toMatchObject({ ok: false, failure: { status: 403, kind: 'forbidden' } })
  })
})

describe('readEventContext: the workflow_run fields publish mode matches a pull request against', () => {
  const SHA = 'e'.repeat(40)
  const env = { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: '/tmp/event.json' }
  const payload = (headRepository: unknown): string =>
    JSON.stringify({
      workflow_run: { event: 'pull_request', head_sha: SHA, head_branch: 'feature', head_repository: { full_name: headRepository, owner: { login: 'forker' } } },
      repository: { name: 'engine', owner: { login: 'octo' } }
    })
  const read = (text: string) => () => readEventContext(env, () => text)

  it('reads the head repository, branch, owner and commit', () => {
    expect(read(payload('forker/engine'))()).toEqual({
      kind: 'workflow-run',
      run: { owner: 'octo', repo: 'engine', event: 'pull_request', headSha: SHA, headOwner: 'forker', headRepository: 'forker/engine', headBranch: 'feature', runUrl: null }
    })
  })

  it('refuses a missing or malformed head_repository.full_name in one line naming the field', () => {
    for (const bad of [undefined, '', 'engine', 'forker/', 'forker/engine/x', 'forker /engine', 7, 'mallory/engine']) {
      let message = ''
      try {
        read(payload(bad))()
      } catch (error) {
        expect(error).toBeInstanceOf(UserError)
        message = (error as Error).message
      }
      expect(message).toContain('`workflow_run.head_repository.full_name`')
      expect(message).toContain('GITHUB_EVENT_PATH (/tmp/event.json)')
      expect(message).not.toMatch(/\n/)
    }
  })
})

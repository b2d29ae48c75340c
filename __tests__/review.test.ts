import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Finding, Fix } from '../src/findings/finding.js'
import { createGitHubClient, type GitHubClient, type ReviewComment } from '../src/github/client.js'
import { addedLineTexts, fetchChangedLines } from '../src/github/diff.js'
import { keepSuggestionReview, planReview, reviewBody, reviewMarker, staleReviewBody, type ReviewOutcome } from '../src/github/review.js'
import { renderComment, suggestedChanges, suggestionKey, suggestionMarker, type SuggestedChange } from '../src/report/comment.js'
import { type FakeGitHub, startGitHubServer } from './support/github-server.js'
import { makeFinding, makeReport } from './support/reports.js'

const BEFORE = 'crate-type = ["dylib"]'
const AFTER = 'crate-type = ["dylib", "rlib"]'

/** The example's verified fix: `rlib` for both plugins, line 7 of each manifest. */
function rlibFix(overrides: Partial<Fix> = {}): Fix {
  return {
    title: 'Add `"rlib"` to `crate-type` of `plugin_audio` and `plugin_render`.',
    kind: 'manifest-edit',
    verified: true,
    edits: [
      { file: 'plugin_audio/Cargo.toml', line: 7, before: BEFORE, after: AFTER },
      { file: 'plugin_render/Cargo.toml', line: 7, before: BEFORE, after: AFTER }
    ],
    ...overrides
  }
}

function hostFinding(overrides: Partial<Finding> = {}): Finding {
  return makeFinding({ package: 'host', target: 'host', file: 'host/Cargo.toml', line: 8, fixes: [rlibFix(), { title: 'Make `engine_api` a dylib.', kind: 'advice', verified: false }], ...overrides })
}

/** The pull request's `+` lines, repository-relative. */
const BOTH_CHANGED: Record<string, Record<number, string>> = { 'rust/plugin_audio/Cargo.toml': { 7: BEFORE }, 'rust/plugin_render/Cargo.toml': { 7: BEFORE } }

function suggest(findings: Finding[], changed: Record<string, Record<number, string>> = BOTH_CHANGED): SuggestedChange[] {
  return suggestedChanges(makeReport({ findings }), { workspacePrefix: 'rust', changedLineText: (file, line) => changed[file]?.[line] })
}

describe('the text of the lines a pull request added, which a suggestion must start from', () => {
  it('maps new-side line numbers to the added text, without the `+` or a `\\r`; a number two hunks claim has none', () => {
    expect(addedLineTexts('@@ -4,3 +4,6 @@\n edition = "2021"\n \n+[lib]\r\n+crate-type = ["dylib"]\n+\n [dependencies]')).toEqual(
      new Map([
        [6, '[lib]'],
        [7, 'crate-type = ["dylib"]'],
        [8, '']
      ])
    )
    expect(addedLineTexts('@@ -1,3 +1,3 @@\n+a\n@@ -1 +1,2 @@\n+b\n+c')).toEqual(new Map([[2, 'c']]))
  })

  it('fetchChangedLines keeps them per file, and none for a file without a patch', async () => {
    const server = await startGitHubServer()
    try {
      server.setPullFiles('octo', 'engine', 7, [
        { filename: 'a/Cargo.toml', patch: '@@ -1 +1 @@\n-x\n+y' },
        { filename: 'Cargo.lock', additions: 9000, deletions: 10 }
      ])
      const result = await fetchChangedLines(createGitHubClient(server.token, { baseUrl: server.url }), { owner: 'octo', repo: 'engine', number: 7 })
      if (!result.ok) throw new Error(result.failure.message)
      expect(result.texts).toEqual(new Map([['a/Cargo.toml', new Map([[1, 'y']])]]))
    } finally {
      await server.close()
    }
  })
})

describe('suggestedChanges: which verified fixes become suggested changes', () => {
  it('a verified manifest edit on lines the pull request changed: one suggestion per line, naming the finding and the fix', () => {
    const [audio, render, ...rest] = suggest([hostFinding()])
    expect(rest).toEqual([])
    expect([audio!.path, audio!.line, render!.path, render!.line]).toEqual(['rust/plugin_audio/Cargo.toml', 7, 'rust/plugin_render/Cargo.toml', 7])
    expect(audio!.body.split('\n')[0]).toBe(suggestionMarker(audio!.key))
    expect(suggestionKey(audio!.body)).toBe(audio!.key)
    expect(audio!.body).toContain('🔴 <code>duplicate-linkage</code> · **bin <code>host</code>**: Add <code>&#34;rlib&#34;</code> to <code>crate-type</code> of <code>plugin_audio</code> and <code>plugin_render</code>.')
    expect(audio!.body).toContain('Apply it together with the suggestion on <code>rust/plugin_render/Cargo.toml:7</code>.')
    expect(audio!.body).toContain(`\n\`\`\`suggestion\n${AFTER}\n\`\`\`\n`)
    expect(audio!.body).not.toContain('engine_api')
  })

  it('nothing when any edit of the fix is on a line the pull request did not change, or reads otherwise in the diff', () => {
    expect(suggest([hostFinding()], { 'rust/plugin_audio/Cargo.toml': { 7: BEFORE } })).toEqual([])
    // The diff's line 7 is another line: the checkout's merge moved it.
    expect(suggest([hostFinding()], { ...BOTH_CHANGED, 'rust/plugin_render/Cargo.toml': { 7: '[lib]' } })).toEqual([])
  })

  it('nothing for unverified fixes, other kinds, allowed findings or findings already in the baseline', () => {
    expect(suggest([hostFinding({ fixes: [rlibFix({ verified: false })] })])).toEqual([])
    expect(suggest([hostFinding({ fixes: [rlibFix({ kind: 'command', command: ['cargo', 'build', '-p', 'host'] })] })])).toEqual([])
    expect(suggest([hostFinding({ allowed: { reason: 'loaded with dlopen', file: '.github/rust-linkage.toml', line: 2 } })])).toEqual([])
    expect(suggest([hostFinding({ baseline: 'existing' })])).toEqual([])
    expect(suggest([hostFinding({ baseline: 'new' })])).toHaveLength(2)
  })

  it('a file outside the repository is never suggested', () => {
    const fix = rlibFix({ edits: [{ file: '../../outside/Cargo.toml', line: 7, before: BEFORE, after: AFTER }] })
    expect(suggestedChanges(makeReport({ findings: [hostFinding({ fixes: [fix] })] }), { workspacePrefix: '', changedLineText: () => BEFORE })).toEqual([])
  })

  it('findings fixed by the same edit share one suggestion; a fix that changes a taken line differently is left for its next verified fix', () => {
    const tool = hostFinding({ package: 'tool', target: 'tool' })
    const shared = suggest([hostFinding(), tool])
    expect(shared).toHaveLength(2)
    expect(shared[0]!.body).toContain('**bin <code>host</code>**')
    expect(shared[0]!.body).toContain('**bin <code>tool</code>**')

    const other = 'crate-type = ["cdylib"]'
    const conflicting = rlibFix({ title: 'Make it a cdylib.', edits: [{ file: 'plugin_audio/Cargo.toml', line: 7, before: BEFORE, after: other }] })
    const fallback = rlibFix({ title: 'rlib for the render plugin only.', edits: [{ file: 'plugin_render/Cargo.toml', line: 7, before: BEFORE, after: AFTER }] })
    const second = suggest([hostFinding(), hostFinding({ package: 'b', target: 'b', fixes: [conflicting, fallback] })])
    expect(second.map(s => [s.path, s.body.includes('Make it a cdylib'), s.body.includes('render plugin only')])).toEqual([
      ['rust/plugin_audio/Cargo.toml', false, false],
      ['rust/plugin_render/Cargo.toml', false, true]
    ])
  })

  it('a fix with hidden characters in its lines is not suggested (committed as written, it must read as what it is); a tab is fine', () => {
    for (const hidden of ['\u202e', '\u200b', '\u0007', '\r']) {
      const fix = rlibFix({ edits: [{ file: 'plugin_audio/Cargo.toml', line: 7, before: BEFORE, after: `crate-type = ["dylib", "rlib"] # ${hidden}x` }] })
      expect(suggest([hostFinding({ fixes: [fix] })])).toEqual([])
    }
    const tabbed = rlibFix({ edits: [{ file: 'plugin_audio/Cargo.toml', line: 7, before: `\t${BEFORE}`, after: `\t${AFTER}` }] })
    expect(suggest([hostFinding({ fixes: [tabbed] })], { 'rust/plugin_audio/Cargo.toml': { 7: `\t${BEFORE}` } })).toHaveLength(1)
  })

  it('the suggestion block holds the replacement as written, inserted lines too, in a fence no line of it can close', () => {
    const after = '[lib]\ncrate-type = ["dylib", "rlib"] # ```` not a fence'
    const fix = rlibFix({ edits: [{ file: 'plugin_audio/Cargo.toml', line: 7, before: BEFORE, after }] })
    const [s] = suggest([hostFinding({ fixes: [fix] })])
    expect(s!.body).toContain(`\n\`\`\`\`\`suggestion\n${after}\n\`\`\`\`\`\n`)
  })

  it('the key follows the file, the line as it is and its replacement, not the wording around it', () => {
    const [a] = suggest([hostFinding()])
    const [b] = suggest([hostFinding({ package: 'other', target: 'other' })])
    expect(a!.key).toBe(b!.key)
    expect(a!.body).not.toBe(b!.body)
    const [c] = suggest([hostFinding({ fixes: [rlibFix({ edits: [{ file: 'plugin_audio/Cargo.toml', line: 7, before: BEFORE, after: 'crate-type = ["rlib", "dylib"]' }] })] })])
    expect(c!.key).not.toBe(a!.key)
  })
})

describe('the sticky comment', () => {
  it('shows a verified fix with its edits as a small diff, as the job summary does, and unverified advice as such', () => {
    const comment = renderComment(makeReport({ findings: [hostFinding()] }), { runUrl: null })
    expect(comment).toContain('<details><summary>How to fix</summary>')
    expect(comment).toContain('- ✅ **verified:** Add <code>&#34;rlib&#34;</code> to <code>crate-type</code> of <code>plugin_audio</code> and <code>plugin_render</code>.')
    expect(comment).toContain(
      ['  ```diff', '  --- a/plugin_audio/Cargo.toml', '  +++ b/plugin_audio/Cargo.toml', '  @@ -7,1 +7,1 @@', `  -${BEFORE}`, `  +${AFTER}`, '  --- a/plugin_render/Cargo.toml'].join('\n')
    )
    expect(comment).toContain('- *not verified:* Make <code>engine_api</code> a dylib.')
  })
})

describe('planReview', () => {
  const s = (key: string, line: number, body = `${suggestionMarker(key)}\ntext`): SuggestedChange => ({ key, path: 'a/Cargo.toml', line, body })
  const c = (id: number, key: string, line: number | null, body = `${suggestionMarker(key)}\ntext`): ReviewComment => ({ id, reviewId: 1, body, path: 'a/Cargo.toml', line, htmlUrl: '', user: null })

  it('keeps a comment with the same key on the same current line, edits its text if it changed, removes the rest, posts what is new', () => {
    const k = (n: number) => String(n).repeat(16)
    const plan = planReview(
      [c(1, k(1), 7), c(2, k(2), 9, `${suggestionMarker(k(2))}\nold text`), c(3, k(3), 3), c(4, k(4), 12), c(5, k(1), 7), c(6, k(6), null)],
      [s(k(1), 7), s(k(2), 9), s(k(4), 13), s(k(7), 20)]
    )
    expect(plan.keep.map(x => x.id)).toEqual([1, 2])
    expect(plan.edit.map(x => [x.comment.id, x.body])).toEqual([[2, `${suggestionMarker(k(2))}\ntext`]])
    // 3: nothing suggested there any more; 4: moved to another line; 5: a second copy. 6 is outdated: left alone.
    expect(plan.remove.map(x => x.id)).toEqual([3, 4, 5])
    expect(plan.post.map(x => x.line)).toEqual([13, 20])
  })
})

describe('keepSuggestionReview against a fake GitHub', () => {
  const PR = { owner: 'octo', repo: 'engine', number: 7, headSha: 'b'.repeat(40) }
  const MARKER = reviewMarker('default')
  let server: FakeGitHub
  let client: GitHubClient

  beforeEach(async () => {
    server = await startGitHubServer()
    client = createGitHubClient(server.token, { baseUrl: server.url, timeoutMs: 2_000, retryDelayMs: 10 })
    server.setPullFiles(PR.owner, PR.repo, PR.number, [
      { filename: 'rust/plugin_audio/Cargo.toml', patch: `@@ -4,3 +4,6 @@ edition = "2021"\n \n+[lib]\n+${BEFORE}\n+\n [dependencies]` },
      { filename: 'rust/plugin_render/Cargo.toml', patch: `@@ -4,3 +4,6 @@ edition = "2021"\n \n+[lib]\n+${BEFORE}\n+\n [dependencies]` }
    ])
  })
  afterEach(async () => {
    await server.close()
  })

  const keep = (suggestions: readonly SuggestedChange[], c: GitHubClient = client): Promise<ReviewOutcome> => keepSuggestionReview(c, PR, suggestions, { marker: MARKER })
  const writes = (): string[] => server.requests.filter(r => r.method !== 'GET' && !r.path.endsWith('/graphql')).map(r => `${r.method} ${r.path}`)
  const reviews = () => server.reviewsOn(PR.owner, PR.repo, PR.number)
  const comments = () => server.reviewCommentsOn(PR.owner, PR.repo, PR.number)

  it('posts one COMMENT review of the head commit with a comment on each line, then leaves it alone when nothing changed', async () => {
    const suggestions = suggest([hostFinding()])
    const first = await keep(suggestions)
    expect(first).toMatchObject({ outcome: 'created', posted: 2, kept: 0, removed: 0, url: expect.stringContaining('#pullrequestreview-') })
    const post = server.requests.find(r => r.method === 'POST' && r.path.endsWith('/reviews'))!.body as Record<string, unknown>
    expect(post).toMatchObject({ event: 'COMMENT', commit_id: PR.headSha, body: reviewBody(MARKER) })
    expect(post.comments).toEqual(suggestions.map(s => ({ path: s.path, line: s.line, side: 'RIGHT', body: s.body })))
    expect(reviews()).toHaveLength(1)

    const second = await keep(suggestions)
    expect(second).toMatchObject({ outcome: 'unchanged', posted: 0, kept: 2, removed: 0, url: reviews()[0]!.html_url })
    expect(writes()).toEqual([`POST /repos/octo/engine/pulls/7/reviews`])
    expect(reviews()).toHaveLength(1)
  })

  it('edits a kept comment whose text changed, deletes one that no longer applies, and says so in a review left without suggestions', async () => {
    await keep(suggest([hostFinding()]))
    const [audio, render] = comments()
    const renamed = suggest([hostFinding({ package: 'game', target: 'game' })])
    expect(await keep(renamed)).toMatchObject({ outcome: 'updated', kept: 2, posted: 0 })
    expect(comments().map(c => c.body)).toEqual(renamed.map(s => s.body))
    expect(writes().slice(1)).toEqual([`PATCH /repos/octo/engine/pulls/comments/${audio!.id}`, `PATCH /repos/octo/engine/pulls/comments/${render!.id}`])

    expect(await keep([])).toMatchObject({ outcome: 'updated', kept: 0, removed: 2 })
    expect(comments()).toEqual([])
    expect(reviews().map(r => r.body)).toEqual([staleReviewBody(MARKER)])
    expect(await keep([])).toMatchObject({ outcome: 'unchanged' })
    expect(reviews()).toHaveLength(1)
  })

  it('only suggestions that are new go into a new review; the kept ones stay where they are', async () => {
    const both = suggest([hostFinding()])
    await keep([both[0]!])
    const outcome = await keep(both)
    expect(outcome).toMatchObject({ outcome: 'created', posted: 1, kept: 1, removed: 0 })
    expect(reviews()).toHaveLength(2)
    expect(reviews().map(r => r.body)).toEqual([reviewBody(MARKER), reviewBody(MARKER)])
    expect(comments().map(c => [c.reviewId, c.path])).toEqual([
      [reviews()[0]!.id, 'rust/plugin_audio/Cargo.toml'],
      [reviews()[1]!.id, 'rust/plugin_render/Cargo.toml']
    ])
  })

  it('an outdated comment (its line changed, e.g. the suggestion was committed) is left as GitHub shows it', async () => {
    const both = suggest([hostFinding()])
    await keep(both)
    for (const c of comments()) c.line = null
    expect(await keep([])).toMatchObject({ outcome: 'updated', removed: 0 })
    expect(comments()).toHaveLength(2)
    expect(reviews().map(r => r.body)).toEqual([staleReviewBody(MARKER)])
  })

  it('a person’s review carrying the markers is never edited: ours is posted beside it', async () => {
    const [s] = suggest([hostFinding()])
    const theirs = server.addReview(PR.owner, PR.repo, PR.number, `${MARKER}\nquoted`, [{ path: s!.path, line: s!.line, body: `${suggestionMarker(s!.key)}\nmine` }], { login: 'someone', type: 'User' })
    expect(await keep([s!])).toMatchObject({ outcome: 'created', posted: 1 })
    expect(reviews()[0]).toMatchObject({ id: theirs.id, body: `${MARKER}\nquoted` })
    expect(comments()[0]!.body).toBe(`${suggestionMarker(s!.key)}\nmine`)
    expect(writes()).toEqual([`POST /repos/octo/engine/pulls/7/reviews`])
  })

  it('nothing to suggest and no review of ours: one listing, no other call', async () => {
    expect(await keep([])).toEqual({ outcome: 'skipped', posted: 0, kept: 0, removed: 0 })
    expect(server.requests.map(r => `${r.method} ${r.path}`)).toEqual(['GET /repos/octo/engine/pulls/7/reviews'])
  })

  it('a read-only token (a pull request from a fork): a failure naming the permission, nothing posted', async () => {
    const readOnly = await startGitHubServer({ readOnlyToken: true })
    try {
      readOnly.setPullFiles(PR.owner, PR.repo, PR.number, [{ filename: 'rust/plugin_audio/Cargo.toml', patch: `@@ -7 +7 @@\n-x\n+${BEFORE}` }])
      const outcome = await keep(suggest([hostFinding()]), createGitHubClient(readOnly.token, { baseUrl: readOnly.url, retryDelayMs: 10 }))
      if (outcome.outcome !== 'failed') throw new Error(JSON.stringify(outcome))
      expect(outcome.failure).toMatchObject({ status: 403, kind: 'forbidden' })
      expect(outcome.failure.message).toBe(
        'GitHub refused POST /repos/octo/engine/pulls/7/reviews (403: "Resource not accessible by integration"); the token cannot write pull-request reviews — on pull requests from forks GitHub gives a read-only token, so suggested changes are posted on same-repository PRs only; grant them `permissions: pull-requests: write`'
      )
      expect(readOnly.reviewsOn(PR.owner, PR.repo, PR.number)).toEqual([])
    } finally {
      await readOnly.close()
    }
  })

  it('a line that left the diff (pushed while the job ran): a one-line failure with the advice', async () => {
    const [s] = suggest([hostFinding()])
    const outcome = await keep([{ ...s!, line: 40 }])
    if (outcome.outcome !== 'failed') throw new Error(JSON.stringify(outcome))
    expect(outcome.failure.kind).toBe('validation')
    expect(outcome.failure.message).toContain("a suggested line may have left the pull request's diff")
    expect(outcome.failure.message).not.toMatch(/[\r\n]/)
  })

  it('a comment deleted while the job ran: 404 with the advice for reviews', async () => {
    await keep(suggest([hostFinding()]))
    server.failNext('DELETE', '/pulls/comments/', 404)
    const outcome = await keep([])
    if (outcome.outcome !== 'failed') throw new Error(JSON.stringify(outcome))
    expect(outcome.failure.message).toContain('the review or its comment no longer exists')
  })
})

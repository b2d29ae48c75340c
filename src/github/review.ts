/**
 * The verified fixes as suggested changes: one pull-request review per job (`comment-key`), found again on the
 * next run by a hidden marker and its author, like the sticky comment.
 *
 * GitHub cannot add a comment to a submitted review, move one, or delete a submitted review. So the comments,
 * not the review, are kept up to date, each found again by the key in its own hidden marker:
 * - a suggestion that is still current on the same line keeps its comment, whose text is edited if it changed;
 * - a comment of ours on a line where nothing (or something else) is suggested now is deleted;
 * - a comment GitHub shows as outdated (new commits changed its line, for example by committing the suggestion)
 *   is left as it is: it can no longer be applied, and it keeps the record of what was suggested;
 * - only suggestions that are new since the last run are posted, in one new review; a run that suggests nothing
 *   new adds no review;
 * - a review of ours left with no current suggestion says so in its body.
 */
import { type SuggestedChange, suggestionKey } from '../report/comment.js'
import { describeApiFailure, type ApiFailure, type GitHubClient, type PullRequestReview, type ReviewComment } from './client.js'
import { ownComment } from './comment.js'

export type ReviewOutcome =
  | {
      outcome: 'created' | 'updated' | 'unchanged' | 'skipped'
      /** Suggestions posted in a new review, kept from an earlier one, and comments deleted. */
      posted: number
      kept: number
      removed: number
      /** The new review, else the latest review of ours that holds a current suggestion. */
      url?: string
    }
  | { outcome: 'failed'; failure: ApiFailure }

/**
 * The hidden line that identifies the suggestion review of one job; distinct from the sticky comment's marker.
 * Characters outside `[A-Za-z0-9._/-]` become `-`.
 */
export function reviewMarker(key = 'default'): string {
  const safe = key.trim().replace(/[^A-Za-z0-9._/-]/g, '-').slice(0, 100)
  return `<!-- rust-linkage-guard-review:${safe === '' ? 'default' : safe} -->`
}

/** The body of a review holding current suggestions. */
export function reviewBody(marker: string): string {
  return `${marker}\n**Rust Linkage Guard** suggests the verified fixes of its findings on lines this pull request changed. Each fix was applied to the analysis's model of the workspace and analysed again: the artifact then links and no new error appears. The job summary has every finding and fix.`
}

/** The body of a review of ours whose suggestions all went away. */
export function staleReviewBody(marker: string): string {
  return `${marker}\nThe suggestions of this review no longer apply: their lines changed, or the findings they fixed are gone.`
}

/** What to do with our existing suggestion comments, given this run's suggestions. Pure. */
export interface ReviewPlan {
  /** Current comments that still suggest the same change on the same line. */
  keep: ReviewComment[]
  /** Kept comments whose text changed (the findings or the fix's wording). */
  edit: { comment: ReviewComment; body: string }[]
  /** Current comments whose suggestion is gone, or a second one of the same suggestion. */
  remove: ReviewComment[]
  /** Suggestions no comment holds yet. */
  post: SuggestedChange[]
}

/**
 * Matches this run's suggestions to our existing suggestion comments by key, path and current line. A comment
 * GitHub shows as outdated (`line` null) matches nothing and is neither kept nor removed.
 */
export function planReview(existing: readonly ReviewComment[], suggestions: readonly SuggestedChange[]): ReviewPlan {
  const plan: ReviewPlan = { keep: [], edit: [], remove: [], post: [] }
  const used = new Set<number>()
  for (const s of suggestions) {
    const match = existing.find(c => !used.has(c.id) && c.line !== null && c.line === s.line && c.path === s.path && suggestionKey(c.body) === s.key)
    if (match === undefined) {
      plan.post.push(s)
      continue
    }
    used.add(match.id)
    plan.keep.push(match)
    if (normalise(match.body) !== normalise(s.body)) plan.edit.push({ comment: match, body: s.body })
  }
  plan.remove = existing.filter(c => !used.has(c.id) && c.line !== null)
  return plan
}

/**
 * Brings our suggestion review up to date with `suggestions` (see the top of this file). Reviews are ours when
 * they carry `options.marker` and were written by the token's account (`ownComment`'s rule, the login asked only
 * when some review carries the marker); only comments in those reviews that carry a suggestion marker are
 * edited or deleted. Nothing is listed beyond the reviews when there is neither a review of ours nor anything to
 * suggest. Never throws: an API failure is returned as `{ outcome: 'failed' }`.
 */
export async function keepSuggestionReview(
  client: GitHubClient,
  pr: { owner: string; repo: string; number: number; headSha: string },
  suggestions: readonly SuggestedChange[],
  options: { marker: string }
): Promise<ReviewOutcome> {
  const { owner, repo, number } = pr
  try {
    const marked = (await client.listPullRequestReviews(owner, repo, number)).filter(r => r.body.includes(options.marker))
    if (marked.length === 0 && suggestions.length === 0) return { outcome: 'skipped', posted: 0, kept: 0, removed: 0 }
    const login = marked.length === 0 ? null : await client.tokenLogin().catch(() => null)
    const author = ownComment(marked, login)?.user?.login.toLowerCase()
    const own = author === undefined ? [] : marked.filter(r => r.user?.login.toLowerCase() === author)
    const ids = new Set(own.map(r => r.id))
    const existing = own.length === 0 ? [] : (await client.listReviewComments(owner, repo, number)).filter(c => c.reviewId !== null && ids.has(c.reviewId) && suggestionKey(c.body) !== null)
    const plan = planReview(existing, suggestions)

    for (const c of plan.remove) await client.deleteReviewComment(owner, repo, c.id)
    for (const { comment, body } of plan.edit) await client.updateReviewComment(owner, repo, comment.id, body)
    let created: PullRequestReview | null = null
    if (plan.post.length > 0) {
      const comments = plan.post.map(s => ({ path: s.path, line: s.line, body: s.body }))
      created = await client.createPullRequestReview(owner, repo, number, { commitId: pr.headSha, body: reviewBody(options.marker), comments })
    }
    const live = new Set(plan.keep.map(c => c.reviewId))
    let bodies = 0
    for (const review of own) {
      const body = live.has(review.id) ? reviewBody(options.marker) : staleReviewBody(options.marker)
      if (normalise(review.body) === normalise(body)) continue
      await client.updatePullRequestReview(owner, repo, number, review.id, body)
      bodies++
    }

    const url = created?.htmlUrl ?? own.filter(r => live.has(r.id)).at(-1)?.htmlUrl
    const counts = { posted: plan.post.length, kept: plan.keep.length, removed: plan.remove.length, ...(url === undefined ? {} : { url }) }
    if (created !== null) return { outcome: 'created', ...counts }
    return { outcome: plan.remove.length + plan.edit.length + bodies > 0 ? 'updated' : 'unchanged', ...counts }
  } catch (error) {
    return { outcome: 'failed', failure: describeApiFailure(error) }
  }
}

/** Bodies edited in the web UI come back with CRLF line ends; that alone is no reason to rewrite. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd()
}

/**
 * One pull-request comment per job (or matrix entry), found again on the next run by a hidden marker and
 * its author, and edited in place instead of piling up new comments.
 */
import { describeApiFailure, type ApiFailure, type GitHubClient, type IssueComment } from './client.js'

/** GitHub's limit for an issue or pull-request comment body. */
export const COMMENT_BODY_LIMIT = 65_536

export type CommentOutcome =
  | { outcome: 'created' | 'updated' | 'unchanged' | 'skipped'; id?: number; url?: string }
  | { outcome: 'failed'; failure: ApiFailure }

/**
 * The hidden line that identifies the comment of one job. Distinct keys let several jobs or matrix entries
 * each keep their own comment; characters outside `[A-Za-z0-9._/-]` become `-`.
 */
export function commentMarker(key = 'default'): string {
  const safe = key.trim().replace(/[^A-Za-z0-9._/-]/g, '-').slice(0, 100)
  return `<!-- rust-linkage-guard:${safe === '' ? 'default' : safe} -->`
}

/**
 * The comment body: the marker on the first line, then `body`, cut to fit GitHub's limit. A cut falls on a
 * line boundary, closes a code fence and any `<details>` left open, and ends with a pointer to the job summary
 * holding the full report. The limit is applied both to UTF-16 code units (what GitHub counts) and to
 * UTF-8 bytes, which is never less, so non-ASCII text cannot push the result over.
 */
export function fitCommentBody(body: string, options: { limit?: number; runUrl: string | null; marker: string }): string {
  const limit = options.limit ?? COMMENT_BODY_LIMIT
  const header = body.startsWith(options.marker) ? '' : `${options.marker}\n`
  const fits = (text: string): boolean => text.length <= limit && Buffer.byteLength(text, 'utf8') <= limit
  if (fits(header + body)) return header + body

  const notice = options.runUrl
    ? `\n… truncated: the full report is in the [job summary](${options.runUrl})\n`
    : '\n… truncated: the full report is in the job summary\n'
  const lines = body.split('\n')
  const state: MarkdownState = { fence: null, details: 0 }
  let chars = header.length
  let bytes = Buffer.byteLength(header, 'utf8')
  let best = { lineCount: 0, closing: closingFor(state) + notice }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    chars += line.length + 1
    bytes += Buffer.byteLength(line, 'utf8') + 1
    if (chars > limit || bytes > limit) break
    advance(state, line)
    const closing = closingFor(state) + notice
    if (chars + closing.length <= limit && bytes + Buffer.byteLength(closing, 'utf8') <= limit) {
      best = { lineCount: i + 1, closing }
    }
  }
  const kept = lines.slice(0, best.lineCount)
  return `${header}${kept.length > 0 ? `${kept.join('\n')}\n` : ''}${best.closing}`
}

interface MarkdownState {
  /** The fence that opened the code block we are in, e.g. "```" or "~~~~"; null outside one. */
  fence: string | null
  /** `<details>` elements opened and not yet closed, counted outside code blocks only. */
  details: number
}

function advance(state: MarkdownState, rawLine: string): void {
  const line = rawLine.replace(/\r$/, '')
  const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
  if (state.fence !== null) {
    if (fence && fence[1]![0] === state.fence[0] && fence[1]!.length >= state.fence.length && fence[2]!.trim() === '') {
      state.fence = null
    }
    return
  }
  // An opening backtick fence's info string cannot contain a backtick (CommonMark), so that is inline code.
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
    state.fence = fence[1]!
    return
  }
  const opened = line.match(/<details(\s[^>]*)?>/gi)?.length ?? 0
  const closed = line.match(/<\/details\s*>/gi)?.length ?? 0
  state.details = Math.max(0, state.details + opened - closed)
}

function closingFor(state: MarkdownState): string {
  let text = state.fence !== null ? `${state.fence}\n` : ''
  // A blank line first so the closing tag is not swallowed by a table or paragraph left open.
  for (let i = 0; i < state.details; i++) text += '\n</details>\n'
  return text
}

/**
 * Creates or updates our comment carrying `options.marker` on the pull request (`ownComment` says which is
 * ours; the token's login is asked only when some comment carries the marker, and a failed lookup falls back
 * to bots). Never throws: an API failure is returned as `{ outcome: 'failed' }` so the caller can warn and
 * carry on. `body` should come from `fitCommentBody`; the marker is prepended if it is missing so the comment
 * can be found next time.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: { owner: string; repo: string; number: number },
  body: string,
  options: { marker: string; createIfMissing: boolean }
): Promise<CommentOutcome> {
  const text = body.includes(options.marker) ? body : `${options.marker}\n${body}`
  try {
    const marked = (await client.listIssueComments(pr.owner, pr.repo, pr.number)).filter(c => c.body.includes(options.marker))
    // Whose token this is matters only when there is a comment to adopt; a failed lookup is not a failed run.
    const login = marked.length === 0 ? null : await client.tokenLogin().catch(() => null)
    const existing = ownComment(marked, login)
    if (existing) {
      if (normalise(existing.body) === normalise(text)) return { outcome: 'unchanged', id: existing.id, url: existing.htmlUrl }
      const updated = await client.updateIssueComment(pr.owner, pr.repo, existing.id, text)
      return { outcome: 'updated', id: updated.id, url: updated.htmlUrl }
    }
    if (!options.createIfMissing) return { outcome: 'skipped' }
    const created = await client.createIssueComment(pr.owner, pr.repo, pr.number, text)
    return { outcome: 'created', id: created.id, url: created.htmlUrl }
  } catch (error) {
    return { outcome: 'failed', failure: describeApiFailure(error) }
  }
}

/** The Actions token's account, the author of our comments when the token's own login cannot be learnt. */
const ACTIONS_BOT = 'github-actions[bot]'

/**
 * Which of the comments carrying the marker is ours to edit: the oldest one written by the token's account
 * (`login`), or, when that is unknown (null), by a bot, `github-actions[bot]` first. Anyone can paste the
 * marker into a comment of their own; such a comment is never adopted, so a new one is posted instead and
 * theirs is left alone. Logins are compared without case, as GitHub treats them.
 */
export function ownComment<T extends Pick<IssueComment, 'user'>>(marked: readonly T[], login: string | null): T | null {
  const is = (c: T, name: string): boolean => c.user !== null && c.user.login.toLowerCase() === name.toLowerCase()
  if (login !== null) return marked.find(c => is(c, login)) ?? null
  const bots = marked.filter(c => c.user?.type === 'Bot')
  return bots.find(c => is(c, ACTIONS_BOT)) ?? bots[0] ?? null
}

/** Bodies edited in the web UI come back with CRLF line ends; that alone is no reason to rewrite. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd()
}

/** The pull request a `workflow_run` is about, found through the API from what GitHub itself put in the event. */
import { describeApiFailure, type ApiFailure, type GitHubClient, type PullRequestHead } from './client.js'
import type { WorkflowRunContext } from './context.js'

export type RunPullRequests = { ok: true; numbers: number[] } | { ok: false; failure: ApiFailure }

/**
 * The open pull requests whose branch still points at the commit the analysing run checked: listed by the
 * head branch (`fork-owner:branch`), which works for forks, where the event's own `pull_requests` is empty.
 * Only the event's fields are used, never the report, which a pull request can forge: a report can be
 * posted to its own pull request and no other. A pull request that has moved on to a newer commit is left
 * to the run of that commit. Never throws.
 */
export async function findRunPullRequests(client: GitHubClient, run: WorkflowRunContext): Promise<RunPullRequests> {
  try {
    const pulls = await client.listOpenPullRequests(run.owner, run.repo, `${run.headOwner}:${run.headBranch}`)
    return { ok: true, numbers: pulls.filter(p => isRunHead(p, run)).map(p => p.number) }
  } catch (error) {
    return { ok: false, failure: describeApiFailure(error) }
  }
}

/**
 * Whether the pull request's head is the run's: same repository, branch, owner and commit. The `head` filter
 * of the listing is not relied on: GitHub ignores a filter it cannot parse and has answered with pull requests
 * of another branch at the same commit (octokit/octokit.js#2056), and anyone can push the analysed commit to a
 * fork of their own. A pull request whose fork was deleted (`head.repo` null) is nobody's. Logins and
 * repository names are compared without case, as GitHub treats them; branch names are case-sensitive in git.
 */
export function isRunHead(pull: PullRequestHead, run: Pick<WorkflowRunContext, 'headRepository' | 'headBranch' | 'headOwner' | 'headSha'>): boolean {
  const same = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase()
  return same(pull.headRepo, run.headRepository) && pull.headRef === run.headBranch && same(pull.headUser, run.headOwner) && same(pull.headSha, run.headSha)
}

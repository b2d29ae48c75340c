/** The pull request a `workflow_run` is about, found through the API from what GitHub itself put in the event. */
import { describeApiFailure, type ApiFailure, type GitHubClient } from './client.js'
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
    return { ok: true, numbers: pulls.filter(p => p.headSha.toLowerCase() === run.headSha.toLowerCase()).map(p => p.number) }
  } catch (error) {
    return { ok: false, failure: describeApiFailure(error) }
  }
}

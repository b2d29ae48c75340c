/** Which lines a pull request touches, from the `patch` hunks of GitHub's pull-request files API. */
import { describeApiFailure, type ApiFailure, type GitHubClient } from './client.js'

/**
 * How one file changed on the head side:
 * - `lines`: the new-side line numbers (1-based) that were added or modified; empty for a pure rename.
 * - `whole`: GitHub sent no patch (binary file, or a diff too large for the API), so every line counts
 *   as changed.
 */
export type FileChange = { kind: 'lines'; lines: ReadonlySet<number> } | { kind: 'whole' }

export type ChangedLines =
  | {
      ok: true
      /** By repository-relative path (head side). Files deleted by the pull request are absent. */
      files: Map<string, FileChange>
      /**
       * The text of each added line, by path and new-side line number, for files GitHub sent a patch for: what
       * the pull request's head has on that line, which a suggested change must start from.
       */
      texts: Map<string, ReadonlyMap<number, string>>
      /** False when GitHub's cap of 3000 listed files was reached, so some changed files may be missing. */
      complete: boolean
    }
  | { ok: false; failure: ApiFailure }

/** GitHub's pull-request files API lists no more than this many files. */
export const PULL_REQUEST_FILES_CAP = 3000

const CHANGED_STATUSES = new Set(['added', 'modified', 'renamed', 'copied', 'changed'])

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * The new-side line numbers of the added (`+`) lines of a unified diff, ascending and distinct. A modified
 * line is a deletion plus an addition, so it is included. Text outside hunks (file headers) is ignored, and
 * a hunk header ends the hunk before it even when that hunk's counts say otherwise (no body line of a
 * well-formed hunk starts with `@`).
 */
export function addedLines(patch: string): number[] {
  return [...new Set(addedLineEntries(patch).map(([line]) => line))].sort((a, b) => a - b)
}

/**
 * The added lines of a unified diff as new-side line number → text (without the `+` and any `\r`). A number
 * that two hunks claim (a malformed patch) has no text: which one the head holds is unknown.
 */
export function addedLineTexts(patch: string): Map<number, string> {
  const texts = new Map<number, string>()
  const claimed = new Set<number>()
  for (const [line, text] of addedLineEntries(patch)) {
    if (claimed.has(line)) texts.delete(line)
    else texts.set(line, text)
    claimed.add(line)
  }
  return texts
}

function addedLineEntries(patch: string): [number, string][] {
  const added: [number, string][] = []
  let oldLeft = 0
  let newLeft = 0
  let next = 0
  for (const rawLine of patch.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    const hunk = HUNK_HEADER.exec(line)
    if (hunk) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2])
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4])
      next = Number(hunk[3])
      continue
    }
    if (oldLeft <= 0 && newLeft <= 0) continue
    const tag = line[0]
    if (tag === '+') {
      added.push([next++, line.slice(1)])
      newLeft--
    } else if (tag === '-') {
      oldLeft--
    } else if (tag === '\\') {
      // "\ No newline at end of file" annotates the line before it.
    } else {
      // A context line; an empty one is a context line whose leading space was stripped along the way.
      next++
      oldLeft--
      newLeft--
    }
  }
  return added
}

/** Whether `line` of `path` is among the pull request's changes. */
export function isLineChanged(files: ReadonlyMap<string, FileChange>, path: string, line: number): boolean {
  const change = files.get(path)
  if (!change) return false
  return change.kind === 'whole' || change.lines.has(line)
}

/** The changed lines of every file the pull request adds or modifies. Never throws. */
export async function fetchChangedLines(client: GitHubClient, pr: { owner: string; repo: string; number: number }): Promise<ChangedLines> {
  let listed
  try {
    listed = await client.listPullRequestFiles(pr.owner, pr.repo, pr.number)
  } catch (error) {
    return { ok: false, failure: describeApiFailure(error) }
  }
  const files = new Map<string, FileChange>()
  const texts = new Map<string, ReadonlyMap<number, string>>()
  for (const file of listed) {
    if (!CHANGED_STATUSES.has(file.status)) continue
    if (typeof file.patch === 'string') {
      files.set(file.filename, { kind: 'lines', lines: new Set(addedLines(file.patch)) })
      texts.set(file.filename, addedLineTexts(file.patch))
    } else if (file.status === 'renamed' && file.changes === 0) {
      files.set(file.filename, { kind: 'lines', lines: new Set() })
    } else {
      files.set(file.filename, { kind: 'whole' })
    }
  }
  return { ok: true, files, texts, complete: listed.length < PULL_REQUEST_FILES_CAP }
}

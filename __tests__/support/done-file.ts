/**
 * Waiting for a job `.ci/run` runs in the background while the suites run: it names, in an environment
 * variable, a file it writes once the job has ended, whatever its outcome.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const waited = new Set<string>()

/**
 * Waits until the file named in `variable` exists, at most `limitMs`; only the first call for a variable waits.
 * Returns at once where the variable is not set (outside `.ci/run`).
 */
export function waitForDoneFile(variable: string, limitMs: number): void {
  const done = process.env[variable]
  if (waited.has(variable) || done === undefined || done === '') return
  waited.add(variable)
  const deadline = Date.now() + limitMs
  while (!fs.existsSync(done) && Date.now() < deadline) spawnSync('sleep', ['2'])
}

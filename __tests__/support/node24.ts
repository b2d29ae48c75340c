/**
 * A node 24, the runtime that `action.yml` names (`runs.using: node24`), for the suite that runs the bundles on it.
 * `.ci/run` fetches one from the npm registry while the other suites run, names its binary in `RLG_NODE24`, and
 * names in `RLG_NODE24_DONE` a file it writes once the fetch has ended: the first caller waits for that file (at
 * most five minutes). Elsewhere, `RLG_NODE24` may name any node 24 binary.
 */
import { spawnSync } from 'node:child_process'
import { waitForDoneFile } from './done-file.js'

/** The node 24 binary to run the bundles with, or why there is none. */
export function findNode24(): { node: string } | { missing: string } {
  waitForDoneFile('RLG_NODE24_DONE', 300_000)
  const node = process.env.RLG_NODE24
  if (node === undefined || node === '') return { missing: 'RLG_NODE24 names no node binary (.ci/run fetches one from the npm registry)' }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' })
  if (version.status !== 0) return { missing: `RLG_NODE24 (${node}) does not run` }
  if (!version.stdout.startsWith('v24.')) return { missing: `RLG_NODE24 (${node}) is node ${version.stdout.trim()}, not 24` }
  return { node }
}

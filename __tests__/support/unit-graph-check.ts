import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

/** `scripts/unit-graph-check.ts` on a workspace and command lines, without the test's rustflags or cargo settings. */
export function unitGraphCheck(workspace: string, lines: readonly string[]) {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('RUSTFLAGS') && !k.startsWith('CARGO_')) env[k] = v
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'unit-graph-check.ts'), workspace, ...lines], {
    cwd: ROOT,
    env,
    encoding: 'utf8'
  })
}

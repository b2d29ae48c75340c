import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

describe('npm run e2e', () => {
  it('the bundled action, run as the runner runs it on a pull request, passes every end-to-end check', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'e2e.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    })
    expect(r.stdout).toMatch(/\n\d+ passed, 0 failed\n$/)
    expect(r.status).toBe(0)
  })
})

/**
 * The CLI as a user installs it without cloning: `npm run smoke` packs the package, installs the tarball
 * into an empty project with the network off, and runs both bins (see scripts/smoke-cli.ts). CI runs the
 * same script on macOS and Windows.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VERSION } from '../src/version.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

describe('the packed CLI', () => {
  it('installs as exactly one package, ships no sources, prints its version and reports the example', () => {
    const run = spawnSync('npm', ['run', '--silent', 'smoke'], { cwd: ROOT, encoding: 'utf8' })
    const lines = run.stdout.split('\n').filter(l => l !== '')
    expect({ failed: lines.filter(l => l.startsWith('FAIL')), stderr: run.stderr.slice(-2000) }).toEqual({ failed: [], stderr: expect.any(String) })
    expect(lines).toEqual(
      expect.arrayContaining([
        'ok   the tarball has no tests, TypeScript sources, scripts or examples',
        'ok   exactly one package is installed',
        `ok   \`rust-linkage-guard --version\` prints ${VERSION}`,
        'ok   the example reports duplicate-linkage of engine_api',
        'ok   `cargo linkage-guard` runs the installed CLI',
        'all checks passed'
      ])
    )
    expect(run.status).toBe(0)
  })
})

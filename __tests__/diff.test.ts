import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../src/github/client.js'
import { addedLines, fetchChangedLines, isLineChanged } from '../src/github/diff.js'
import { startGitHubServer, type FakeGitHub, type FakePullFile } from './support/github-server.js'

describe('addedLines', () => {
  it('is empty for an empty patch', () => {
    expect(addedLines('')).toEqual([])
  })

  it('numbers added lines on the new side across hunks, skipping deletions', () => {
    // Cargo.toml: a dependency replaced in the first hunk, a crate-type line added in the second.
    const patch = [
      '@@ -5,7 +5,8 @@ edition = "2021"',
      ' ',
      ' [dependencies]',
      ' serde = "1"',
      '-libloading = "0.7"',
      '+libloading = "0.8"',
      '+engine_api = { path = "../engine_api" }',
      ' ',
      ' [dev-dependencies]',
      ' tempfile = "3"',
      '@@ -20,4 +21,5 @@ name = "plugin"',
      ' [lib]',
      '-crate-type = ["rlib"]',
      '+crate-type = ["cdylib", "rlib"]',
      '+path = "src/lib.rs"',
      ' ',
      ' [features]'
    ].join('\n')
    expect(addedLines(patch)).toEqual([8, 9, 22, 23])
  })

  it('handles hunks without counts and the no-newline marker', () => {
    expect(addedLines('@@ -1 +1 @@\n-[package]\n\\ No newline at end of file\n+[workspace]\n\\ No newline at end of file')).toEqual([1])
    const appended = ['@@ -3,2 +3,3 @@', ' b', '-c', '\\ No newline at end of file', '+c', '+d', '\\ No newline at end of file'].join('\n')
    expect(addedLines(appended)).toEqual([4, 5])
  })

  it('handles a new file, a pure deletion, and lines that look like headers', () => {
    expect(addedLines('@@ -0,0 +1,3 @@\n+[package]\n+name = "x"\n+version = "0.1.0"')).toEqual([1, 2, 3])
    expect(addedLines('@@ -1,2 +0,0 @@\n-a\n-b')).toEqual([])
    expect(addedLines('@@ -1,2 +1,3 @@\n a\n++++ not a header\n---- not a header either\n+b\n')).toEqual([2, 3])
  })

  it('a hunk header ends a hunk shorter than its counts, and line numbers stay ascending and distinct', () => {
    // The first hunk claims three new lines and has one; the second starts over at line 1.
    expect(addedLines('@@ -1,3 +1,3 @@\n+a\n@@ -1 +1,2 @@\n+a\n+b')).toEqual([1, 2])
  })

  it('ignores file headers before the first hunk and tolerates CRLF and stripped context lines', () => {
    const patch = '--- a/Cargo.toml\r\n+++ b/Cargo.toml\r\n@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+B\r\n'
    expect(addedLines(patch)).toEqual([3])
  })
})

describe('fetchChangedLines against a fake GitHub', () => {
  let server: FakeGitHub
  beforeEach(async () => {
    server = await startGitHubServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('pages through the files, keeps only changed ones, and treats patchless files as wholly changed', async () => {
    const files: FakePullFile[] = Array.from({ length: 230 }, (_, i) => ({
      filename: `crates/c${i}/Cargo.toml`,
      status: 'modified',
      patch: `@@ -1,2 +1,2 @@\n [package]\n-name = "old${i}"\n+name = "c${i}"`
    }))
    files.push(
      // No patch: too large for the API, as GitHub does for big lock files.
      { filename: 'crates/big/Cargo.lock', status: 'modified', additions: 4000, deletions: 3000 },
      { filename: 'crates/gone/Cargo.toml', status: 'removed', patch: '@@ -1 +0,0 @@\n-[package]' },
      { filename: 'crates/moved/Cargo.toml', status: 'renamed', previous_filename: 'crates/old/Cargo.toml' },
      { filename: 'crates/new/Cargo.toml', status: 'added', patch: '@@ -0,0 +1,2 @@\n+[package]\n+name = "new"' }
    )
    server.setPullFiles('octo', 'engine', 7, files)
    const client = createGitHubClient('test-token', { baseUrl: server.url })

    const result = await fetchChangedLines(client, { owner: 'octo', repo: 'engine', number: 7 })
    if (!result.ok) throw new Error(result.failure.message)
    expect(result.complete).toBe(true)
    expect(result.files.size).toBe(233)
    expect(result.files.get('crates/c150/Cargo.toml')).toEqual({ kind: 'lines', lines: new Set([2]) })
    expect(result.files.get('crates/big/Cargo.lock')).toEqual({ kind: 'whole' })
    expect(result.files.get('crates/moved/Cargo.toml')).toEqual({ kind: 'lines', lines: new Set() })
    expect(result.files.get('crates/new/Cargo.toml')).toEqual({ kind: 'lines', lines: new Set([1, 2]) })
    expect(result.files.has('crates/gone/Cargo.toml')).toBe(false)
    expect(isLineChanged(result.files, 'crates/big/Cargo.lock', 999)).toBe(true)
    expect(isLineChanged(result.files, 'crates/c3/Cargo.toml', 1)).toBe(false)
    expect(isLineChanged(result.files, 'crates/c3/Cargo.toml', 2)).toBe(true)
    expect(server.requests.map(r => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    expect(server.requests.every(r => r.path === '/repos/octo/engine/pulls/7/files' && r.query.per_page === '100')).toBe(true)
  })

  it('reports a failure instead of throwing', async () => {
    const client = createGitHubClient('test-token', { baseUrl: server.url })
    const missing = await fetchChangedLines(client, { owner: 'octo', repo: 'engine', number: 8 })
    expect(missing).toMatchObject({ ok: false, failure: { status: 404, kind: 'not-found' } })

    server.setPullFiles('octo', 'engine', 7, [])
    server.failNext('GET', '/pulls/7/files', 403, { message: 'Resource not accessible by integration', status: '403' })
    const forbidden = await fetchChangedLines(client, { owner: 'octo', repo: 'engine', number: 7 })
    expect(forbidden).toMatchObject({ ok: false, failure: { status: 403, kind: 'forbidden' } })
    if (!forbidden.ok) expect(forbidden.failure.message).toContain('pull-requests: read')
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * `rust-linkage-guard --fix` as a user runs it: on a clean git checkout of the example it edits both plugin
 * manifests and nothing else, prints the diff, and real cargo then builds the workspace; it refuses over
 * uncommitted changes or outside git unless `--allow-dirty`.
 */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const EXAMPLE = path.join(REPO, 'examples', 'plugin-engine')
const GIT = ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false']

let dir: string
const env = { ...process.env, RUSTFLAGS: '', CARGO_ENCODED_RUSTFLAGS: undefined, NO_COLOR: '1' }
const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' })
const git = (...args: string[]) => spawnSync('git', [...GIT, ...args], { cwd: dir, encoding: 'utf8' })

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-fix-'))
  fs.cpSync(EXAMPLE, dir, { recursive: true, filter: source => !source.includes(`${path.sep}target`) })
  fs.writeFileSync(path.join(dir, '.gitignore'), 'target/\n')
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'example')
})

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('--fix', () => {
  it('adds "rlib" to both plugin dylibs, keeps every other line, prints the diff, and cargo then builds', () => {
    const before = ['plugin_audio', 'plugin_render'].map(p => fs.readFileSync(path.join(dir, p, 'Cargo.toml'), 'utf8'))
    const fixed = run(['--fix'])
    expect({ status: fixed.status, stderr: fixed.stderr }).toEqual({ status: 0, stderr: '' })
    expect(fixed.stdout).toContain('--- a/plugin_audio/Cargo.toml\n+++ b/plugin_audio/Cargo.toml\n')
    expect(fixed.stdout).toContain('-crate-type = ["dylib"]\n+crate-type = ["dylib", "rlib"]\n')
    expect(fixed.stdout).toContain('Fixed 1 of 1 error in 2 files.')
    expect(fixed.stdout).toContain('`cargo build` links: 6 artifacts')
    ;['plugin_audio', 'plugin_render'].forEach((p, i) => {
      expect(fs.readFileSync(path.join(dir, p, 'Cargo.toml'), 'utf8')).toBe(before[i]!.replace('crate-type = ["dylib"]', 'crate-type = ["dylib", "rlib"]'))
    })
    expect(git('status', '--porcelain').stdout.split('\n').filter(Boolean).sort()).toEqual([' M plugin_audio/Cargo.toml', ' M plugin_render/Cargo.toml'])

    const build = spawnSync('cargo', ['build', '--offline', '--quiet'], { cwd: dir, env: { ...env, CARGO_TARGET_DIR: path.join(dir, 'target') }, encoding: 'utf8' })
    expect({ status: build.status, stderr: build.stderr }).toEqual({ status: 0, stderr: '' })
  })

  it('refuses over uncommitted changes, and with --allow-dirty has nothing left to fix', () => {
    const refused = run(['--fix'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toBe(
      'error: `--fix` refuses to edit a working tree with uncommitted changes (2 files: `plugin_audio/Cargo.toml`, `plugin_render/Cargo.toml`); commit or stash them, or pass `--allow-dirty`\n'
    )
    const again = run(['--fix', '--allow-dirty'])
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/^No error to fix\.\n`cargo build` links: 6 artifacts, /)
  })

  it('refuses outside a git working tree', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-fix-nogit-'))
    try {
      fs.cpSync(EXAMPLE, outside, { recursive: true, filter: source => !source.includes(`${path.sep}target`) })
      const refused = run(['--fix'], outside)
      expect(refused.status).toBe(2)
      expect(refused.stderr).toContain('`--fix` edits files only in a git working tree')
      expect(fs.readFileSync(path.join(outside, 'plugin_audio', 'Cargo.toml'), 'utf8')).toContain('crate-type = ["dylib"]\n')
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { analyzeWorkspace, selectToolchain } from '../src/run.js'

/** Which toolchain cargo and rustc run with: by name through rustup, never a path from the repository. */
const rustup = spawnSync('rustup', ['--version'], { stdio: 'ignore' }).status === 0
const withRustup = rustup ? it : it.skip
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-toolchain-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A workspace whose rust-toolchain.toml names a "toolchain" directory of scripts that leave a marker when run. */
function workspaceWithPathToolchain(): { dir: string; marker: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'ws-'))
  const toolchain = path.join(dir, 'evil-toolchain')
  const marker = path.join(dir, 'ran')
  fs.mkdirSync(path.join(toolchain, 'bin'), { recursive: true })
  for (const tool of ['cargo', 'rustc']) {
    fs.writeFileSync(path.join(toolchain, 'bin', tool), `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 1\n`, { mode: 0o755 })
  }
  fs.writeFileSync(path.join(dir, 'rust-toolchain.toml'), `[toolchain]\npath = "${toolchain}"\n`)
  fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
  fs.mkdirSync(path.join(dir, 'src'))
  fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  return { dir, marker }
}

const cleanEnv = (): Record<string, string | undefined> => ({ ...process.env, RUSTUP_TOOLCHAIN: undefined, RUSTFLAGS: undefined })

describe('selectToolchain', () => {
  withRustup('a path toolchain in rust-toolchain.toml is never run: the runner’s default toolchain is named instead', async () => {
    const { dir, marker } = workspaceWithPathToolchain()
    // The canary is live: left to rustup, cargo runs the repository's script.
    spawnSync('cargo', ['metadata', '--format-version', '1', '--offline'], { cwd: dir, env: { ...process.env, RUSTUP_TOOLCHAIN: '' }, stdio: 'ignore' })
    expect(fs.existsSync(marker)).toBe(true)
    fs.rmSync(marker)

    const selection = await selectToolchain(null, dir, cleanEnv())
    const fallback = execFileSync('rustup', ['default'], { encoding: 'utf8' }).trim().split(/\s+/)[0]
    expect(selection.env).toEqual({ RUSTUP_TOOLCHAIN: fallback })
    expect(selection.note).toContain('a compiler chosen by the repository; it is not run')
    const report = await analyzeWorkspace({
      manifestPath: path.join(dir, 'Cargo.toml'),
      invocation: parseCliArgs([]).invocation,
      env: { ...cleanEnv(), ...selection.env },
      cwd: dir
    })
    expect(report.artifacts.map(a => a.target)).toEqual(['app'])
    expect(report.toolchain.pin).toMatchObject({ kind: 'path', line: 2 })
    expect(fs.existsSync(marker)).toBe(false)
  })

  withRustup('a toolchain asked for by name is passed to rustup', async () => {
    expect(await selectToolchain('nightly', tmp, cleanEnv())).toEqual({ env: { RUSTUP_TOOLCHAIN: 'nightly' }, note: null })
  })

  it('a channel pin, or no pin, is left to rustup', async () => {
    const pinned = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'policy-rules', 'pinned-nightly')
    expect(await selectToolchain(null, pinned, cleanEnv())).toEqual({ env: {}, note: null })
    expect(await selectToolchain(null, tmp, cleanEnv())).toEqual({ env: {}, note: null })
  })

  it('asking for a toolchain without rustup is a one-line error', async () => {
    // Programs are looked up on this process's PATH.
    const saved = process.env.PATH
    process.env.PATH = '/usr/bin:/bin'
    try {
      const failure = selectToolchain('stable', tmp, cleanEnv())
      await expect(failure).rejects.toThrow(UserError)
      await expect(failure).rejects.toThrow(/^the toolchain `stable` is chosen through rustup, but `rustup` could not be run/)
    } finally {
      process.env.PATH = saved
    }
  })
})

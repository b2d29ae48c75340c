import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../src/errors.js'
import { selectToolchain } from '../src/gather/toolchain.js'

/** Which toolchain cargo and rustc run with: by name through rustup, `RUSTC` pinned to its absolute path. */
const rustup = spawnSync('rustup', ['--version'], { stdio: 'ignore' }).status === 0
const withRustup = rustup ? it : it.skip
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-toolchain-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const cleanEnv = (): Record<string, string | undefined> => ({ ...process.env, RUSTUP_TOOLCHAIN: undefined, RUSTC: undefined, CARGO: undefined })
const PINNED = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'policy-rules', 'pinned-nightly')

describe('selectToolchain', () => {
  withRustup('a toolchain asked for by name: RUSTUP_TOOLCHAIN, RUSTC and CARGO at their absolute paths, no automatic install', async () => {
    const env = await selectToolchain({ requested: 'nightly', dir: tmp, env: cleanEnv() })
    const which = (tool: string): string => execFileSync('rustup', ['which', tool, '--toolchain', 'nightly'], { encoding: 'utf8' }).trim()
    expect(env).toEqual({ RUSTUP_AUTO_INSTALL: '0', RUSTUP_TOOLCHAIN: 'nightly', RUSTC: which('rustc'), CARGO: which('cargo') })
  })

  withRustup('a CARGO already in the environment (`cargo linkage-guard`) is kept', async () => {
    const env = await selectToolchain({ requested: 'nightly', dir: tmp, env: { ...cleanEnv(), CARGO: '/opt/cargo/bin/cargo' } })
    expect(env.CARGO).toBeUndefined()
  })

  withRustup('the repository’s channel pin is named explicitly, since cargo runs outside the repository', async () => {
    // The pinned nightly is installed here as `nightly`, not under its dated name, and nothing may be downloaded.
    await expect(selectToolchain({ requested: null, dir: PINNED, env: cleanEnv() })).rejects.toThrow(/^the toolchain `nightly-2026-05-20` cannot be used: .*not installed/)
  })

  withRustup('a toolchain already chosen in the environment is kept', async () => {
    const env = await selectToolchain({ requested: null, dir: PINNED, env: { ...cleanEnv(), RUSTUP_TOOLCHAIN: 'stable' } })
    expect(env.RUSTUP_TOOLCHAIN).toBeUndefined()
    expect(env.RUSTC).toBe(execFileSync('rustup', ['which', 'rustc', '--toolchain', 'stable'], { encoding: 'utf8' }).trim())
  })

  it('asking for a toolchain without rustup is a one-line error', async () => {
    // Programs are looked up on this process's PATH.
    const saved = process.env.PATH
    process.env.PATH = '/usr/bin:/bin'
    try {
      const failure = selectToolchain({ requested: 'stable', dir: tmp, env: cleanEnv() })
      await expect(failure).rejects.toThrow(UserError)
      await expect(failure).rejects.toThrow(/^the toolchain `stable` is chosen through rustup, but `rustup` could not be run/)
    } finally {
      process.env.PATH = saved
    }
  })
})

import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../src/errors.js'
import { installedRustc, selectToolchain } from '../src/gather/toolchain.js'

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

describe("the rustc rustup would run, read from rustup's files", () => {
  // A rustup home of this test's own, its toolchains linked to the installed ones; every answer is checked
  // against `rustup which rustc` run with the same environment and directory.
  const installed = rustup ? path.dirname(path.dirname(path.dirname(execFileSync('rustup', ['which', 'rustc', '--toolchain', 'stable'], { encoding: 'utf8' }).trim()))) : ''
  const host = rustup ? /^host: (.+)$/m.exec(execFileSync('rustc', ['+stable', '-vV'], { encoding: 'utf8' }))![1]! : ''
  const toolchains = rustup ? fs.readdirSync(installed).filter(n => n.startsWith('stable-') || n.startsWith('nightly-')) : []
  const cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'))

  function rustupHome(settings: string): string {
    const home = fs.mkdtempSync(path.join(tmp, 'rustup-'))
    fs.mkdirSync(path.join(home, 'toolchains'))
    for (const name of toolchains) fs.symlinkSync(path.join(installed, name), path.join(home, 'toolchains', name))
    // A linked toolchain, as `rustup toolchain link mine <dir>` makes.
    fs.symlinkSync(path.join(installed, `stable-${host}`), path.join(home, 'toolchains', 'mine'))
    fs.writeFileSync(path.join(home, 'settings.toml'), settings)
    return home
  }

  /** Both answers, for `RUSTUP_TOOLCHAIN` = `name` (none when null). */
  function answers(home: string, name: string | null, dir = cwd, searchPath = process.env.PATH!): { read: string | null; rustup: string | null } {
    const env: Record<string, string> = { PATH: searchPath, HOME: process.env.HOME!, RUSTUP_HOME: home, RUSTUP_AUTO_INSTALL: '0', ...(name === null ? {} : { RUSTUP_TOOLCHAIN: name }) }
    const r = spawnSync('rustup', ['which', 'rustc'], { cwd: dir, env, encoding: 'utf8' })
    return { read: installedRustc(env, dir), rustup: r.status === 0 ? r.stdout.trim() : null }
  }

  withRustup('names the same rustc as rustup, without running it, wherever the settings settle it', () => {
    const home = rustupHome(`version = "12"\ndefault_host_triple = "${host}"\ndefault_toolchain = "stable-${host}"\nprofile = "default"\n\n[overrides]\n`)
    for (const name of [null, 'stable', 'nightly', `stable-${host}`, `nightly-${host}`, 'mine']) {
      const both = answers(home, name)
      expect({ name, ...both }).toEqual({ name, read: both.rustup, rustup: expect.stringMatching(/\/bin\/rustc$/) })
    }
  })

  withRustup('leaves to rustup what only it can settle, and never names a different rustc', () => {
    const noHost = rustupHome(`version = "12"\ndefault_toolchain = "nightly-${host}"\n`)
    const overridden = rustupHome(`version = "12"\ndefault_host_triple = "${host}"\ndefault_toolchain = "stable-${host}"\n\n[overrides]\n${JSON.stringify(fs.realpathSync(cwd))} = "nightly-${host}"\n`)
    const pinnedDir = fs.mkdtempSync(path.join(tmp, 'pinned-'))
    fs.writeFileSync(path.join(pinnedDir, 'rust-toolchain.toml'), '[toolchain]\nchannel = "nightly"\n')
    const plain = rustupHome(`version = "12"\ndefault_host_triple = "${host}"\ndefault_toolchain = "stable-${host}"\n`)
    const cases = [
      // A bare channel takes rustup's own host triple when the settings name none.
      { what: 'no default_host_triple', both: answers(noHost, 'stable') },
      { what: 'a directory override', both: answers(overridden, null) },
      { what: 'a toolchain file in the directory', both: answers(plain, null, pinnedDir) },
      { what: 'a partial triple', both: answers(plain, 'stable-x86_64') },
      { what: 'a relative PATH entry first', both: answers(plain, 'stable', cwd, `.${path.delimiter}${process.env.PATH}`) },
      { what: 'a toolchain not installed', both: answers(plain, '1.70.0') },
      { what: 'another settings format', both: answers(rustupHome(`version = "13"\ndefault_toolchain = "stable-${host}"\n`), null) }
    ]
    for (const { what, both } of cases) expect({ what, read: both.read }).toEqual({ what, read: null })
    // Settings that are a FIFO are refused by the bounded reader, not waited on (rustup is not asked here: it would wait).
    const fifo = fs.mkdtempSync(path.join(tmp, 'rustup-fifo-'))
    execFileSync('mkfifo', [path.join(fifo, 'settings.toml')])
    expect(installedRustc({ PATH: process.env.PATH!, HOME: process.env.HOME!, RUSTUP_HOME: fifo, RUSTUP_TOOLCHAIN: 'stable' }, cwd)).toBeNull()
    // Where the default would have been the wrong answer: rustup runs the nightly the override and the file name.
    expect(cases.slice(1, 3).map(c => c.both.rustup)).toEqual([path.join(overridden, 'toolchains', `nightly-${host}`, 'bin', 'rustc'), path.join(plain, 'toolchains', `nightly-${host}`, 'bin', 'rustc')])
  })
})

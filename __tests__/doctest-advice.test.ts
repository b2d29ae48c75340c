/**
 * `doctest-runtime`'s advice, held against real `cargo test`: marking the examples as the finding says makes
 * the doc tests pass, in edition 2021, where `no_run` is enough, and in 2024, where rustdoc runs the program
 * it merges `no_run` examples into, so they must also be standalone.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { analyzeWorkspace } from '../src/run.js'
import { tempWorkspace } from './support/temp-workspace.js'

const library = (name: string, edition: string, info: string): Record<string, string> => ({
  [`${name}/Cargo.toml`]: `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "${edition}"\n\n[dependencies]\nd = { path = "../d" }\n`,
  [`${name}/src/lib.rs`]: `/// \`\`\`${info}\n/// assert_eq!(${name}::h(), 2);\n/// \`\`\`\npub fn h() -> u32 {\n    d::f() + 1\n}\n`
})

const ws = tempWorkspace(
  'rlg-doctest-advice-',
  {
    'Cargo.toml': '[workspace]\nmembers = ["d", "classic", "merged"]\nresolver = "2"\n',
    'd/Cargo.toml': '[package]\nname = "d"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n',
    'd/src/lib.rs': 'pub fn f() -> u32 {\n    1\n}\n',
    ...library('classic', '2021', ''),
    ...library('merged', '2024', 'no_run')
  },
  { ...process.env, RUSTFLAGS: undefined, RUSTDOCFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined }
)
afterAll(() => ws.remove())

const ARGS = ['test', '--doc', '-p', 'classic', '-p', 'merged']

describe('doctest-runtime: the advice makes `cargo test` pass', () => {
  it('says no_run before edition 2024 and no_run,standalone_crate from it, and each works', async () => {
    expect(ws.cargo([...ARGS, '--no-fail-fast']).status).toBe(101)
    const before = await ws.analyse(['--command', ...ARGS])
    const advice = (pkg: string): string[] => before.findings.filter(f => f.rule === 'doctest-runtime' && f.package === pkg).flatMap(f => f.fixes.map(x => x.title))
    expect(advice('classic')).toContain('Or mark the examples `no_run`: rustdoc still compiles them but does not run them.')
    expect(advice('merged').some(f => f.startsWith('Or mark the examples that use it `no_run,standalone_crate`'))).toBe(true)

    for (const [pkg, info] of [['classic', ''], ['merged', 'no_run']] as const) {
      const file = path.join(ws.dir, pkg, 'src', 'lib.rs')
      const marked = pkg === 'classic' ? 'no_run' : 'no_run,standalone_crate'
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`/// \`\`\`${info}\n`, `/// \`\`\`${marked}\n`))
    }
    const after = ws.cargo([...ARGS, '--no-fail-fast'])
    expect({ status: after.status, stderr: after.stderr.includes('error while loading shared libraries') }).toEqual({ status: 0, stderr: false })
    expect((await ws.analyse(['--command', ...ARGS])).findings.filter(f => f.rule === 'doctest-runtime')).toEqual([])
  })
})

describe('doctest-runtime: the library path the environment sets', () => {
  it('is where cargo test finds std when it holds the toolchain\'s library directory, so nothing is reported', async () => {
    const libdir = spawnSync('rustc', ['--print', 'target-libdir'], { encoding: 'utf8' }).stdout.trim()
    const withPath = tempWorkspace(
      'rlg-doctest-path-',
      {
        'Cargo.toml': '[workspace]\nmembers = ["d", "classic"]\nresolver = "2"\n',
        'd/Cargo.toml': '[package]\nname = "d"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n',
        'd/src/lib.rs': 'pub fn f() -> u32 {\n    1\n}\n',
        ...library('classic', '2021', '')
      },
      { ...process.env, RUSTFLAGS: undefined, RUSTDOCFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, LD_LIBRARY_PATH: libdir }
    )
    try {
      const args = ['test', '--doc', '-p', 'classic']
      expect(withPath.cargo(args).status).toBe(0)
      expect((await withPath.analyse(['--command', ...args])).findings.map(f => f.rule)).toEqual([])
      // The same run without it: cargo fails, and the finding is there.
      const without = { ...process.env, RUSTFLAGS: undefined, RUSTDOCFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined, LD_LIBRARY_PATH: undefined }
      expect(spawnSync('cargo', [...args, '--offline'], { cwd: withPath.dir, env: { ...without, CARGO_TARGET_DIR: path.join(withPath.dir, 'target') } }).status).toBe(101)
      const report = await analyzeWorkspace({ manifestPath: withPath.manifestPath, invocation: parseCliArgs(['--command', ...args, '--offline']).invocation, env: without, cwd: withPath.dir })
      expect(report.findings.map(f => f.rule)).toEqual(['doctest-runtime'])
    } finally {
      withPath.remove()
    }
  })
})

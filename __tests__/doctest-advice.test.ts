/**
 * `doctest-runtime`'s advice, held against real `cargo test`: marking the examples as the finding says makes
 * the doc tests pass, in edition 2021, where `no_run` is enough, and in 2024, where rustdoc runs the program
 * it merges `no_run` examples into, so they must also be standalone.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
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

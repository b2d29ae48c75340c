import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { analyzeWorkspace } from '../src/run.js'
import { writeTree } from './support/files.js'

const WORKSPACE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'locations')

async function findingFor(pkg: string) {
  const report = await analyzeWorkspace({
    manifestPath: path.join(WORKSPACE, 'Cargo.toml'),
    invocation: parseCliArgs(['-p', pkg]).invocation,
    env: { ...process.env, RUSTFLAGS: undefined },
    cwd: WORKSPACE
  })
  const found = report.findings.filter(f => f.package === pkg)
  expect(found.map(f => f.rule)).toEqual(['runtime-dylib'])
  return found[0]!
}

describe('finding locations in manifests', () => {
  it('a `workspace = true` dependency points at its own line and at the `[workspace.dependencies]` entry', async () => {
    const f = await findingFor('app')
    expect(f).toMatchObject({ file: 'app/Cargo.toml', line: 7 })
    expect(f.related).toEqual([{ file: 'Cargo.toml', line: 6, message: '`dy` in `[workspace.dependencies]`' }])
  })

  it('a renamed dependency under a `[target.cfg(…)]` table spelled with other spacing than cargo’s is found', async () => {
    const f = await findingFor('app2')
    expect(f).toMatchObject({ file: 'app2/Cargo.toml', line: 7 })
    expect(f.related).toBeUndefined()
  })
})

describe('findings about packages outside the workspace', () => {
  it('point at the workspace manifest line that brings the package in, never at its manifest by absolute path', async () => {
    // `ext_a` and `ext_b` are dylibs outside the workspace root (as a registry or git dependency is), each
    // containing `common`: `app` would link `common` twice, and the culprit's crate-type line is not ours.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-outside-'))
    try {
      const pkg = (name: string, extra: string) => `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n${extra}`
      writeTree(root, {
        'ws/Cargo.toml': '[workspace]\nresolver = "2"\nmembers = ["app"]\n',
        'ws/app/Cargo.toml': pkg('app', '\n[dependencies]\next_a = { path = "../../ext/ext_a" }\next_b = { path = "../../ext/ext_b" }\n'),
        'ws/app/src/main.rs': 'use ext_a as _;\nuse ext_b as _;\nfn main() {}\n',
        'ext/common/Cargo.toml': pkg('common', ''),
        'ext/common/src/lib.rs': 'pub fn f() {}\n',
        'ext/ext_a/Cargo.toml': pkg('ext_a', '\n[lib]\ncrate-type = ["dylib"]\n\n[dependencies]\ncommon = { path = "../common" }\n'),
        'ext/ext_a/src/lib.rs': 'pub use common::f;\n',
        'ext/ext_b/Cargo.toml': pkg('ext_b', '\n[lib]\ncrate-type = ["dylib"]\n\n[dependencies]\ncommon = { path = "../common" }\n'),
        'ext/ext_b/src/lib.rs': 'pub use common::f;\n'
      })
      const ws = path.join(root, 'ws')
      const report = await analyzeWorkspace({ manifestPath: path.join(ws, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: ws })
      const f = report.findings.find(x => x.rule === 'duplicate-linkage')!
      expect(f).toMatchObject({ crates: ['common'], file: 'app/Cargo.toml', line: 7 })
      for (const x of report.findings) {
        expect([x.file, ...(x.related ?? []).map(r => r.file)].filter(file => path.isAbsolute(file) || file.startsWith('..'))).toEqual([])
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { analyzeWorkspace } from '../src/run.js'

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

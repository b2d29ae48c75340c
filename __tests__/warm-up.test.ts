import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { mergeCargoConfig } from '../src/config/cargo-config.js'
import { reportJson } from '../src/report/json.js'
import { renderText } from '../src/report/render.js'
import { parseProbe, parseRustcVersion, toTargetInfo } from '../src/rustc/probe.js'
import { warmUpAnalysis, type WarmUpInputs, warmUpWorkspace } from '../src/warm-up.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const PROBES = path.join(ROOT, '__tests__', 'fixtures', 'portability')
const EXAMPLE = path.join(ROOT, 'examples', 'plugin-engine')

/** What the warm-up shares with a run, from the recorded probes of a target. */
function inputsFor(triple: string, command: 'build' | 'test'): WarmUpInputs {
  const read = (file: string): string => fs.readFileSync(path.join(PROBES, triple, file), 'utf8')
  const libdir = read('libdir.txt').split('\n').filter(l => l !== '')
  const target = toTargetInfo(triple, parseProbe(read('probe.stdout'), read('probe.stderr'), triple), libdir, [])
  return { rustc: parseRustcVersion(read('rustc-vV.txt')), target, host: target, command, config: mergeCargoConfig([]), env: {} }
}

/** The warm-up on the recorded probes of a target. */
async function warmUp(triple: string, command: 'build' | 'test') {
  const report = await warmUpAnalysis(inputsFor(triple, command))
  if (report === null) throw new Error('the warm-up stopped unasked')
  return report
}

describe('the warm-up analysis', () => {
  it('runs the whole analysis on every platform: the host fails to link, with a verified fix that edits both plugins', async () => {
    for (const triple of ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin', 'x86_64-pc-windows-msvc', 'x86_64-pc-windows-gnu']) {
      for (const command of ['build', 'test'] as const) {
        const report = await warmUp(triple, command)
        expect({ triple, command, verdict: report.gate.verdict, findings: report.findings.map(f => `${f.rule} ${f.kind} ${f.target}`) }).toEqual({
          triple,
          command,
          verdict: 'fail',
          findings: ['duplicate-linkage bin host']
        })
        const [fix] = report.findings[0]!.fixes
        expect(fix).toMatchObject({ verified: true })
        expect(fix!.edits?.map(e => e.file)).toEqual(['plugin_audio/Cargo.toml', 'plugin_render/Cargo.toml'])
        expect(renderText(report, { color: false })).toContain('--> host/Cargo.toml:8')
        expect([...reportJson(report)].length).toBeGreaterThan(0)
      }
    }
  })

  it('stops at the next step once told (cargo has answered), and asks before each', async () => {
    const inputs = inputsFor('x86_64-unknown-linux-gnu', 'build')
    for (const answerAfter of [0, 1, 2]) {
      let asked = 0
      expect(await warmUpAnalysis(inputs, () => asked++ >= answerAfter)).toBeNull()
      expect(asked).toBe(answerAfter + 1)
    }
    let asked = 0
    expect(await warmUpAnalysis(inputs, () => (asked++, false))).not.toBeNull()
    expect(asked).toBe(3)
  })

  it('analyses the metadata cargo prints for examples/plugin-engine, field for field', () => {
    const cargo = spawnSync('cargo', ['metadata', '--format-version', '1', '--offline', '--manifest-path', path.join(EXAMPLE, 'Cargo.toml')], { encoding: 'utf8' })
    expect(cargo.status).toBe(0)
    const [builtIn, printed] = [JSON.parse(warmUpWorkspace().metadata), JSON.parse(cargo.stdout)].map(m => {
      const root: string = m.workspace_root
      const placed = JSON.parse(JSON.stringify(m).split(root).join('<root>'))
      placed.packages.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))
      placed.resolve.nodes.sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))
      return placed
    })
    expect(builtIn).toEqual(printed)
  })

  it("holds the example's manifests byte for byte: findings and fixes point at the lines cargo reads", () => {
    const manifests = warmUpWorkspace().manifests
    expect(manifests.size).toBe(5)
    for (const [file, text] of manifests) {
      const relative = path.posix.relative('/rust-linkage-guard/warm-up', file)
      expect({ relative, text }).toEqual({ relative, text: fs.readFileSync(path.join(EXAMPLE, relative), 'utf8') })
    }
  })
})

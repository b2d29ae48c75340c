/**
 * The structure of `src/` as docs/architecture.md describes it: its top-level folders import one way, only
 * the gathering layer and the entry points reach processes and files, and no module outgrows one job.
 */
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cycles, importsOf, layerEdges, layerOf, readModules } from '../scripts/import-graph.js'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src')
const modules = readModules(SRC)

/** The layers of docs/architecture.md, top first. A layer may import only layers below it. */
const LAYERS = [
  ['index', 'action'],
  ['main', 'cli'],
  ['run'],
  ['warm-up'],
  ['gather', 'github', 'inputs'],
  ['engine'],
  ['fixes'],
  ['policy'],
  ['report'],
  ['rules'],
  ['manifest'],
  ['linkage'],
  ['findings'],
  ['config', 'metadata', 'rustc', 'toolchain', 'rust-source'],
  ['exec', 'input-file', 'write-file'],
  ['model', 'toml'],
  ['errors', 'limits', 'version'],
  ['text', 'json']
]
const rank = new Map(LAYERS.flatMap((names, i) => names.map(n => [n, i] as const)))

/** Modules that may use the file system, processes or the network: the gathering layer and the shell. */
const IO_LAYERS = new Set(['index', 'main', 'cli', 'run', 'gather', 'github', 'exec', 'input-file', 'write-file'])

describe('src/', () => {
  it('has no cycle between its top-level folders', () => {
    expect(cycles(layerEdges(modules))).toEqual([])
  })

  it('every top-level folder and file is in a layer of docs/architecture.md, and the document names each', () => {
    const architecture = fs.readFileSync(path.join(SRC, '..', 'docs', 'architecture.md'), 'utf8')
    for (const layer of new Set(modules.map(m => layerOf(m.module)))) {
      expect({ layer, ranked: rank.has(layer) }).toEqual({ layer, ranked: true })
      expect({ layer, documented: architecture.includes(`\`${layer}`) }).toEqual({ layer, documented: true })
    }
  })

  it('imports point down the layers', () => {
    const upward: string[] = []
    for (const [from, out] of layerEdges(modules)) {
      for (const to of out.keys()) if (rank.get(to)! <= rank.get(from)!) upward.push(`${from} -> ${to}`)
    }
    expect(upward).toEqual([])
  })

  it('only the gathering layer and the entry points use the file system and processes', () => {
    const io = modules
      .filter(m => /from 'node:(?:fs|fs\/promises|child_process|net|http|https)'/.test(fs.readFileSync(path.join(SRC, `${m.module}.ts`), 'utf8')))
      .map(m => m.module)
      .filter(m => !IO_LAYERS.has(layerOf(m)))
    expect(io).toEqual([])
  })

  it('has no source file over 600 lines', () => {
    const long = modules
      .map(m => ({ module: m.module, lines: fs.readFileSync(path.join(SRC, `${m.module}.ts`), 'utf8').split('\n').length }))
      .filter(m => m.lines > 600)
    expect(long).toEqual([])
  })
})

describe('the import graph reader', () => {
  it('resolves relative imports, type-only and re-exports included, and leaves packages out', () => {
    const source = "import fs from 'node:fs'\nimport type { A } from '../model/types.js'\nimport { b } from './b.js'\nexport { c } from '../findings/order.js'\n"
    expect(importsOf('rules/evaluate', source)).toEqual(['model/types', 'rules/b', 'findings/order'])
  })

  it('finds a cycle through three layers, and none in a chain', () => {
    const edges = layerEdges([
      { module: 'a/x', imports: ['b/y'] },
      { module: 'b/y', imports: ['c'] },
      { module: 'c', imports: ['a/x'] },
      { module: 'd', imports: ['a/x'] }
    ])
    expect(cycles(edges)).toEqual([['a', 'b', 'c']])
    expect(cycles(layerEdges([{ module: 'a/x', imports: ['b/y'] }, { module: 'b/y', imports: [] }]))).toEqual([])
  })
})

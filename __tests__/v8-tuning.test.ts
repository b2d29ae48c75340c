import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { afterAll, describe, expect, it } from '@jest/globals'
import { processRunner } from '../src/exec/runner.js'
import { COLLECT_FROM_CHARS, fullCollection, metadataTuning, tuneV8, v8Flags } from '../src/exec/v8-tuning.js'
import { corpusFile } from './support/corpus.js'

const CLI = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'cli', 'index.js')

const EXAMPLE_CHARS = 6_257
const LIBRA_CHARS = 2_428_300
const SYNTHETIC_10K_CHARS = 33_277_138
const MIB_8 = 8 * 1024 * 1024

describe('V8 tuned by the metadata and the node version', () => {
  it('keeps the young generation at its first size up to 8 MiB on node 20 and 22, and lets it grow above', () => {
    for (const node of ['20.20.2', '22.23.5']) {
      expect(v8Flags(LIBRA_CHARS, node)).toEqual(['--semi-space-growth-factor=1'])
      expect(v8Flags(MIB_8, node)).toEqual(['--semi-space-growth-factor=1'])
      expect(v8Flags(MIB_8 + 1, node)).toEqual(['--semi-space-growth-factor=2'])
      expect(v8Flags(SYNTHETIC_10K_CHARS, node)).toEqual(['--semi-space-growth-factor=2'])
    }
  })

  it('keeps the young generation at its first size on node 24 and 26, and turns Maglev off from 256 KiB to 8 MiB', () => {
    for (const node of ['24.22.3', '26.12.1']) {
      expect(v8Flags(EXAMPLE_CHARS, node)).toEqual(['--semi-space-growth-factor=1', '--maglev'])
      expect(v8Flags(256 * 1024 - 1, node)).toEqual(['--semi-space-growth-factor=1', '--maglev'])
      expect(v8Flags(256 * 1024, node)).toEqual(['--semi-space-growth-factor=1', '--no-maglev'])
      expect(v8Flags(LIBRA_CHARS, node)).toEqual(['--semi-space-growth-factor=1', '--no-maglev'])
      expect(v8Flags(MIB_8, node)).toEqual(['--semi-space-growth-factor=1', '--no-maglev'])
      expect(v8Flags(MIB_8 + 1, node)).toEqual(['--semi-space-growth-factor=1', '--maglev'])
    }
  })

  it('leaves runtimes it was not measured on to their own policy', () => {
    for (const node of ['21.7.3', '23.11.1', '25.0.0', '27.0.0', '']) expect(v8Flags(LIBRA_CHARS, node)).toEqual([])
  })

  it('names only flags that the running V8 knows', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })
    const names = new Set(
      ['20.0.0', '22.0.0', '24.0.0', '26.0.0']
        .flatMap(node => [...v8Flags(LIBRA_CHARS, node), ...v8Flags(SYNTHETIC_10K_CHARS, node)])
        .map(flag => flag.replace(/^--(no-)?/u, '').replace(/=.*$/u, ''))
    )
    expect([...names].sort()).toEqual(['maglev', 'semi-space-growth-factor'])
    for (const name of names) expect(known).toContain(`  --${name} (`)
  })
})

describe('the memory of a large metadata text, given back once it is parsed', () => {
  const MiB = 1024 * 1024
  // An array this large goes straight to the old generation, which only a full collection empties.
  const oldGarbage = (): void => {
    new Array(4 * MiB).fill(0)
  }
  const heapUsed = (): number => v8.getHeapStatistics().used_heap_size
  const afterParse = (metadataChars: number): number => {
    const tuning = metadataTuning()
    tuning.beforeParse(metadataChars)
    oldGarbage()
    const before = heapUsed()
    tuning.afterParse()
    return before - heapUsed()
  }
  // The flags `beforeParse` set stay in this worker for the suites after this one: back to V8's own growth
  // (node 20 and 22, where the suites run).
  afterAll(() => tuneV8(SYNTHETIC_10K_CHARS))

  it('after metadata of 1 MiB or more, a full collection frees what is no longer referenced', () => {
    expect(afterParse(COLLECT_FROM_CHARS)).toBeGreaterThan(16 * MiB)
    expect(afterParse(LIBRA_CHARS)).toBeGreaterThan(16 * MiB)
  })

  it('after smaller metadata nothing is collected: too little to give back for the time a collection takes', () => {
    expect(afterParse(EXAMPLE_CHARS)).toBeLessThan(MiB)
    expect(afterParse(COLLECT_FROM_CHARS - 1)).toBeLessThan(MiB)
  })

  it("keeps none of cargo's output once the runner has handed it over, though node still holds the finished child", async () => {
    const collect = fullCollection()
    expect(collect).not.toBeNull()
    const handedOver = await (async () => {
      const result = await processRunner().run(process.execPath, ['-e', "process.stdout.write('x'.repeat(4 << 20))"])
      expect(result.stdout).toHaveLength(4 << 20)
      return new WeakRef(result)
    })()
    // A task of its own: a WeakRef keeps its target until the end of the task that made it. Node releases the
    // ChildProcess, and the listeners the runner gave it, only later in this turn of the event loop.
    await new Promise(resolve => setImmediate(resolve))
    collect!()
    expect(handedOver.deref()).toBeUndefined()
  })
})

describe("the CLI gives back a large metadata's memory before its analysis", () => {
  it("frees libra's text and JSON (2.4 MB, 606 packages) in the one collection it asks for", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-v8-'))
    try {
      const args = ['--trace-gc', CLI, '--metadata-file', corpusFile('guppy-libra-9ffd93b.json'), '--workspace', '--format', 'json', '--output', path.join(tmp, 'r.json')]
      const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: tmp } })
      expect(run.status).toBe(0)
      // V8 names the collection `gc()` asks for "testing".
      const asked = run.stdout.split('\n').filter(line => /Mark-Compact.*testing/.test(line))
      expect(asked).toHaveLength(1)
      const [, before, after] = /([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(asked[0]!)!
      // About 9 MB here: the text, 4.9 MB (one character outside Latin-1 makes every one two bytes), and its JSON.
      // Called while the text was still referenced, the collection freed 4.2 MB.
      expect(Number(before) - Number(after)).toBeGreaterThan(7)
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})

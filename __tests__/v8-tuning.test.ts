import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { v8Flags } from '../src/exec/v8-tuning.js'

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

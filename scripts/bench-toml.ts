/**
 * The TOML reader against its floor: each shape is about 1 MiB of TOML (the manifest limit), read by
 * `parseTomlDocument` and, as the floor, the same value as JSON read by `JSON.parse`, in one process, with
 * medians of `runs` reads after a warm-up. Used by `scripts/bench.ts`.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

interface TomlModule {
  parseTomlDocument(text: string, file: string): { value: unknown }
}

export interface TomlCase {
  shape: string
  bytes: number
  tomlMs: number
  jsonMs: number
  ratio: number
}

const MIB = 1024 * 1024

/** Shapes that are cheap to write and expensive to read: many small values, many tables, many containers. */
const SHAPES: { shape: string; toml: () => string }[] = [
  { shape: 'array of 1s', toml: () => `a = [${Array(MIB / 2).fill('1').join(',')}]\n` },
  { shape: '[[bin]] tables', toml: () => repeat(i => `[[bin]]\nname = "b${i}"\npath = "src/bin/b${i}.rs"\n`) },
  { shape: 'key = "value" lines', toml: () => repeat(i => `k${i} = "v${i}"\n`) },
  { shape: 'empty inline tables', toml: () => `a = [${Array(Math.floor(MIB / 3)).fill('{}').join(',')}]\n` },
  { shape: 'dotted keys', toml: () => repeat(i => `a.b${i}.c = ${i}\n`) }
]

function repeat(line: (i: number) => string): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < MIB; i++) {
    const l = line(i)
    parts.push(l)
    size += l.length
  }
  return parts.join('')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(run: () => unknown, runs: number): number {
  run()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    run()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(samples)
}

export async function benchToml(src: string, runs: number): Promise<TomlCase[]> {
  const { parseTomlDocument } = (await import(pathToFileURL(path.join(src, 'toml', 'document.ts')).href)) as TomlModule
  return SHAPES.map(({ shape, toml }) => {
    const text = toml()
    const json = JSON.stringify(parseTomlDocument(text, 'bench.toml').value)
    const tomlMs = time(() => parseTomlDocument(text, 'bench.toml'), runs)
    const jsonMs = time(() => JSON.parse(json), runs)
    return { shape, bytes: Buffer.byteLength(text), tomlMs, jsonMs, ratio: tomlMs / jsonMs }
  })
}

export function tomlReport(cases: readonly TomlCase[]): string {
  const lines = ['TOML reader, about 1 MiB a shape (median ms; floor: JSON.parse of the same value):']
  for (const c of cases) {
    lines.push(`  ${c.shape.padEnd(22)} ${(c.bytes / MIB).toFixed(2)} MiB  toml ${c.tomlMs.toFixed(1).padStart(6)}  json ${c.jsonMs.toFixed(1).padStart(6)}  ratio ${c.ratio.toFixed(1)}`)
  }
  return `${lines.join('\n')}\n`
}

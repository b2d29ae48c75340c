import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const SCRIPT = path.join(ROOT, '__tests__', 'support', 'write-then-exit.ts')

/** Runs the script with both outputs on pipes that are first read `lateMs` after it starts. */
function runReadLate(kib: number, code: number, lateMs: number): Promise<{ status: number | null; stdout: number; stderr: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, String(kib), String(code)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const counts = { stdout: 0, stderr: 0 }
    for (const name of ['stdout', 'stderr'] as const) {
      const stream = child[name]
      stream.pause()
      setTimeout(() => stream.on('data', (chunk: Buffer) => (counts[name] += chunk.length)).resume(), lateMs)
    }
    child.on('error', reject)
    child.on('close', status => resolve({ status, ...counts }))
  })
}

describe('exitOnceFlushed', () => {
  // 1 MiB is far more than a pipe holds: most of it is still queued in the process when the script ends.
  it('ends with the code only after a reader that starts late has every byte of both outputs', async () => {
    const r = await runReadLate(1024, 3, 1500)
    expect(r).toEqual({ status: 3, stdout: 1024 * 1024, stderr: 1024 * 1024 })
  }, 30_000)

  it('ends at once with nothing to write', async () => {
    expect(await runReadLate(0, 0, 0)).toEqual({ status: 0, stdout: 0, stderr: 0 })
  }, 30_000)
})

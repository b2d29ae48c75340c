/**
 * Writes `<kib>` KiB to standard output and standard error in 1 KiB writes, waiting for none of them, then ends
 * with `exitOnceFlushed(<code>)`: what the action does with its log lines and annotations.
 *
 *   tsx __tests__/support/write-then-exit.ts <kib> <code>
 */
import { exitOnceFlushed } from '../../src/exec/exit.js'

const [kib, code] = process.argv.slice(2).map(Number) as [number, number]
const line = `${'x'.repeat(1023)}\n`
for (let i = 0; i < kib; i++) {
  process.stdout.write(line)
  process.stderr.write(line)
}
exitOnceFlushed(code)

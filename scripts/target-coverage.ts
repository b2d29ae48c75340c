/**
 * How the engine models every target the installed rustc knows:
 *
 *   npx tsx scripts/target-coverage.ts [--toolchain NAME]
 *
 * Probes `rustc --print cfg --target <triple>` for each line of `rustc --print target-list` and prints, per
 * loader family (src/model/platform.ts), how many targets fall in it and a few examples. Targets in
 * `unmodelled` get a note in every report instead of run-time library predictions; linkage verdicts are the
 * same for all.
 */
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { parseCfgLines } from '../src/model/cfg.js'
import { dynamicUnwinderDll, loaderFamily } from '../src/model/platform.js'
import type { TargetInfo } from '../src/model/target-info.js'

function rustc(args: string[], toolchain: string | null): string {
  const env = toolchain === null ? process.env : { ...process.env, RUSTUP_TOOLCHAIN: toolchain }
  return execFileSync('rustc', args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] })
}

function main(): void {
  const args = process.argv.slice(2)
  const at = args.indexOf('--toolchain')
  const toolchain = at >= 0 ? (args[at + 1] ?? null) : null
  const triples = rustc(['--print', 'target-list'], toolchain).trim().split('\n')
  const families = new Map<string, string[]>()
  for (const triple of triples) {
    let row: string
    try {
      // Only the cfg enters the family: the rest of the probe is not needed here.
      const info = { triple, cfg: parseCfgLines(rustc(['--print', 'cfg', '--target', triple], toolchain)) } as TargetInfo
      const unwinder = dynamicUnwinderDll(info)
      row = `${loaderFamily(info)}${unwinder === null ? '' : ` (imports ${unwinder})`}`
    } catch {
      row = 'not probed (rustc --print cfg failed)'
    }
    families.set(row, [...(families.get(row) ?? []), triple])
  }
  process.stdout.write(`${triples.length} targets\n`)
  for (const [family, list] of [...families].sort((a, b) => b[1].length - a[1].length)) {
    process.stdout.write(`${String(list.length).padStart(4)}  ${family}: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}\n`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()

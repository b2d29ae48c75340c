// Compares the engine's units with cargo's own unit graph on any workspace, for a list of command lines.
//
//   npx tsx scripts/unit-graph-check.ts <workspace dir> '<cargo command and flags>'... [--toolchain NAME]
//
// A command line may start with `cwd:<dir>` to run in a directory of the workspace, e.g. 'cwd:crates/app build -p lib'.
// For each, cargo prints its unit graph (`--unit-graph`, RUSTC_BOOTSTRAP=1, nothing is compiled) and the engine
// analyses the same command line; every unit is compared by package, target, mode, features and panic strategy
// (a target built for the host and for the target counts once per distinct set), and, with `--target`, by
// whether it is built for the host or the target. A command line cargo refuses
// must be refused by the engine with a message that contains cargo's first error line (as the fixture test asks).
// `--offline` is added to both. Exits 1 on any difference, so it can check a real workspace the fixtures and the
// differential do not reach.

import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { analyzeWorkspace } from '../src/run.js'

interface CargoUnit {
  pkg_id: string
  target: { name: string }
  mode: string
  features: string[]
  profile: { panic: string }
  platform: string | null
}

/** The package name in a unit's `pkg_id`, in each form cargo prints it. */
function packageName(pkgId: string): string {
  if (pkgId.includes(' ')) return pkgId.split(' ')[0]!
  const [url, fragment = ''] = pkgId.split('#')
  if (fragment.includes('@')) return fragment.split('@')[0]!
  if (!/^\d/.test(fragment) && fragment !== '') return fragment
  return url!.replace(/\/+$/, '').split('/').pop()!
}

/** A unit's key; with `--target`, where it is built too (cargo prints no platform for any unit without one). */
const key = (pkg: string, target: string, mode: string, features: readonly string[], panic: string, platform: string | null): string =>
  `${pkg}/${target} ${mode} [${[...features].sort().join(',')}] panic=${panic}${platform === null ? '' : ` for ${platform}`}`

const hasTarget = (args: string[]): boolean => args.some(a => a === '--target' || a.startsWith('--target='))

function cargoUnits(cwd: string, args: string[], toolchain: string | null): { units: Set<string> } | { refusal: string } {
  const argv = [...(toolchain ? [`+${toolchain}`] : []), ...args, '--offline', '--unit-graph', '-Z', 'unstable-options']
  const r = spawnSync('cargo', argv, { cwd, env: { ...process.env, RUSTC_BOOTSTRAP: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (r.status !== 0) {
    const lines = r.stderr.split('\n')
    // A panic says what went wrong on the line after `thread 'main' … panicked at <file>:…`, or before Rust 1.73
    // on that line, quoted (`panicked at '<message>', <file>`); its first words count.
    const panic = lines.findIndex(l => /^thread '[^']*'.* panicked at /.test(l))
    if (panic >= 0) {
      const message = /panicked at '(.*)', \S+$/.exec(lines[panic]!)?.[1] ?? lines[panic + 1] ?? ''
      return { refusal: message.trim().split(/ \(|: /)[0]! }
    }
    const line = lines.find(l => l.startsWith('error: ')) ?? lines[0] ?? ''
    return { refusal: line.replace(/^error: /, '') }
  }
  const graph = JSON.parse(r.stdout) as { units: CargoUnit[] }
  const units = graph.units.filter(u => u.mode !== 'run-custom-build' && u.mode !== 'doctest')
  const platform = (u: CargoUnit): string | null => (hasTarget(args) ? (u.platform === null ? 'host' : 'target') : null)
  return { units: new Set(units.map(u => key(packageName(u.pkg_id), u.target.name, u.mode, u.features, u.profile.panic, platform(u)))) }
}

async function engineUnits(cwd: string, args: string[], toolchain: string | null): Promise<{ units: Set<string> } | { refusal: string }> {
  const [command, ...rest] = args
  const env = { ...process.env, ...(toolchain ? { RUSTUP_TOOLCHAIN: toolchain } : {}) }
  try {
    const cli = parseCliArgs([...rest, '--offline', '--command', command!])
    const report = await analyzeWorkspace({ manifestPath: cli.manifestPath, invocation: cli.invocation, env, cwd })
    const artifacts = report.artifacts.filter(a => a.mode !== 'doctest')
    return { units: new Set(artifacts.map(a => key(a.package, a.target, a.mode, a.features ?? [], a.panic, hasTarget(args) ? a.platform : null))) }
  } catch (e) {
    return { refusal: e instanceof Error ? e.message : String(e) }
  }
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--toolchain')
  const toolchain = at >= 0 ? argv[at + 1]! : null
  const [dir, ...cases] = argv.filter((_, i) => at < 0 || (i !== at && i !== at + 1))
  if (dir === undefined || cases.length === 0) {
    process.stderr.write("usage: npx tsx scripts/unit-graph-check.ts <workspace dir> '<command and flags>'... [--toolchain NAME]\n")
    return 2
  }
  let differing = 0
  for (const line of cases) {
    const words = line.split(/\s+/).filter(w => w !== '')
    const cwd = path.resolve(dir, words[0]!.startsWith('cwd:') ? words.shift()!.slice(4) : '.')
    const label = `${path.relative(path.resolve(dir), cwd) || '.'}: cargo ${words.join(' ')}`
    const [cargo, engine] = [cargoUnits(cwd, words, toolchain), await engineUnits(cwd, words, toolchain)]
    if ('refusal' in cargo || 'refusal' in engine) {
      const agree = 'refusal' in cargo && 'refusal' in engine && engine.refusal.includes(cargo.refusal)
      if (!agree) differing++
      process.stdout.write(`${agree ? 'same' : 'DIFFERENT'}  ${label}\n  cargo:  ${'refusal' in cargo ? cargo.refusal : `${cargo.units.size} units`}\n  engine: ${'refusal' in engine ? engine.refusal : `${engine.units.size} units`}\n`)
      continue
    }
    const onlyCargo = [...cargo.units].filter(u => !engine.units.has(u)).sort()
    const onlyEngine = [...engine.units].filter(u => !cargo.units.has(u)).sort()
    const same = onlyCargo.length === 0 && onlyEngine.length === 0
    if (!same) differing++
    process.stdout.write(`${same ? 'same' : 'DIFFERENT'}  ${label}: ${cargo.units.size} units\n`)
    for (const u of onlyCargo) process.stdout.write(`  cargo only:  ${u}\n`)
    for (const u of onlyEngine) process.stdout.write(`  engine only: ${u}\n`)
  }
  process.stdout.write(`${cases.length - differing} of ${cases.length} command lines agree\n`)
  return differing === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))

// Checks the crate-name scan (`rust-source/crate-names.ts`, through `gather/sources.ts`) against rustc's own
// `unused_crate_dependencies` lint on real crates.
//
//   npx tsx scripts/crate-name-check.ts [--registry DIR] <package dir>...
//
// Each package directory (one with a `Cargo.toml`: a crate from a directory source such as Debian's
// /usr/share/cargo/registry, or a member of a workspace you have) is copied into a workspace of its own, its
// dev-dependencies dropped (the library does not need them, and a directory source may not hold them), and
// its library checked with `cargo check -v --lib --offline` under `-W unused-crate-dependencies --cap-lints warn`;
// `--registry DIR` makes DIR the directory source that replaces crates.io. For every crate rustc is given with
// `--extern`, rustc's lint says whether the library loads it; the scan must then find its name (or, as the
// engine counts it, the name of a companion proc-macro crate). A crate rustc loads whose name the scan does not
// find is a miss: the engine would take a dylib as not linked. A name the scan finds for a crate rustc does not
// load is an over-count, which the scan allows (code behind `cfg`). Exits 1 on a miss.

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sourceReader } from '../src/gather/sources.js'
import { parseMetadata } from '../src/metadata/parse.js'
import { COMPANION_MACRO_SUFFIXES } from '../src/model/unit-dependencies.js'

interface Options {
  registry: string | null
  packages: string[]
}

function parseOptions(argv: string[]): Options {
  const options: Options = { registry: null, packages: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--registry') {
      const dir = argv[++i]
      if (dir === undefined) throw new Error('--registry needs a directory')
      options.registry = path.resolve(dir)
    } else if (arg.startsWith('-')) throw new Error(`unknown option \`${arg}\``)
    else options.packages.push(path.resolve(arg))
  }
  if (options.packages.length === 0) throw new Error('give at least one package directory')
  return options
}

/** The manifest without its `[dev-dependencies]` and `[target.….dev-dependencies]` tables. */
function withoutDevDependencies(manifest: string): string {
  let keep = true
  return manifest
    .split('\n')
    .filter(line => {
      if (/^\s*\[/.test(line)) keep = !/^\s*\[+[^\]]*\bdev[-_]dependencies\b/.test(line)
      return keep
    })
    .join('\n')
}

interface Outcome {
  externs: number
  unused: number
  misses: string[]
  overCounts: string[]
}

function checkPackage(dir: string, options: Options, work: string, targetDir: string): Outcome | string {
  const ws = fs.mkdtempSync(path.join(work, 'ws-'))
  fs.writeFileSync(path.join(ws, 'Cargo.toml'), '[workspace]\nmembers = ["c"]\nresolver = "2"\n')
  fs.cpSync(dir, path.join(ws, 'c'), { recursive: true, filter: src => path.basename(src) !== 'target' })
  const manifest = path.join(ws, 'c', 'Cargo.toml')
  fs.writeFileSync(manifest, withoutDevDependencies(fs.readFileSync(manifest, 'utf8')))
  if (options.registry !== null) {
    fs.mkdirSync(path.join(ws, '.cargo'))
    fs.writeFileSync(path.join(ws, '.cargo', 'config.toml'), `[source.crates-io]\nreplace-with = "local"\n[source.local]\ndirectory = ${JSON.stringify(options.registry)}\n`)
  }
  const env = { ...process.env, RUSTFLAGS: '-W unused-crate-dependencies --cap-lints warn', CARGO_TARGET_DIR: targetDir }
  const lastError = (stderr: string): string => stderr.split('\n').filter(l => l.startsWith('error')).slice(0, 2).join(' | ') || 'failed'
  const meta = spawnSync('cargo', ['metadata', '--format-version', '1', '--offline'], { cwd: ws, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (meta.status !== 0) return `cargo metadata: ${lastError(meta.stderr)}`
  const metadata = parseMetadata(meta.stdout, 'cargo metadata')
  const member = metadata.packages.get(metadata.workspaceMembers[0]!)!
  const lib = member.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro')
  if (lib === undefined) return 'no library'
  const check = spawnSync('cargo', ['check', '-v', '--lib', '--offline', '--message-format', 'json'], { cwd: ws, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (check.status !== 0) return `cargo check: ${lastError(check.stderr)}`
  // The library's own rustc command line: its `--crate-name` and its source under the copied package.
  const crateName = lib.name.replace(/-/g, '_')
  const command = check.stderr.split('\n').find(l => l.includes('Running `') && l.includes(`--crate-name ${crateName} `) && l.includes(' c/'))
  if (command === undefined) return 'no rustc command line for the library'
  const externs = [...command.matchAll(/--extern '?([A-Za-z0-9_:]+)=/g)].map(m => m[1]!).filter(n => !n.startsWith('noprelude:')).map(n => n.replace(/^priv:/, ''))
  const unused = new Set<string>()
  for (const line of check.stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    const message = JSON.parse(line) as { reason?: string; target?: { name?: string }; message?: { message?: string } }
    if (message.reason !== 'compiler-message' || message.target?.name !== lib.name) continue
    const found = /^extern crate `([^`]+)` is unused in crate/.exec(message.message?.message ?? '')
    if (found) unused.add(found[1]!)
  }
  const uses = sourceReader(metadata, null)
  const named = (name: string): boolean => uses(lib.srcPath, name, false) || COMPANION_MACRO_SUFFIXES.some(suffix => uses(lib.srcPath, name + suffix, false))
  const outcome: Outcome = { externs: externs.length, unused: unused.size, misses: [], overCounts: [] }
  for (const name of externs) {
    if (!unused.has(name) && !named(name)) outcome.misses.push(name)
    if (unused.has(name) && named(name)) outcome.overCounts.push(name)
  }
  return outcome
}

function main(): number {
  const options = parseOptions(process.argv.slice(2))
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-crate-names-'))
  const total = { packages: 0, skipped: 0, externs: 0, misses: 0, overCounts: 0 }
  try {
    const targetDir = path.join(work, 'target')
    for (const dir of options.packages) {
      const outcome = checkPackage(dir, options, work, targetDir)
      const name = path.basename(dir)
      if (typeof outcome === 'string') {
        total.skipped++
        console.log(`${name}: skipped (${outcome})`)
        continue
      }
      total.packages++
      total.externs += outcome.externs
      total.misses += outcome.misses.length
      total.overCounts += outcome.overCounts.length
      console.log(`${name}: ${outcome.externs} crates given, ${outcome.unused} unused`)
      for (const miss of outcome.misses) console.log(`  MISS ${miss}: rustc loads it, the scan finds no name for it`)
      for (const over of outcome.overCounts) console.log(`  over-count ${over}: rustc does not load it, the scan finds a name`)
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  console.log(`${total.packages} packages (${total.skipped} skipped), ${total.externs} crates given: ${total.misses} misses, ${total.overCounts} over-counts`)
  return total.misses > 0 ? 1 : 0
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
}

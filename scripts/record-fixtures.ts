// Records ground truth for the workspaces under __tests__/fixtures/workspaces/.
//
//   npx tsx scripts/record-fixtures.ts [name...]
//
// Each fixture directory holds a small Cargo workspace (path dependencies only, with Cargo.lock) and an
// expected.json. The recorder reads the *inputs* of every case from expected.json (`args`, optional
// `env`, `cwd`, `toolchain`, `setup`), runs the real cargo for each case and rewrites the *outcomes*:
//
//   * one run with `--offline --keep-going --message-format json` (`--no-fail-fast` for test/bench)
//     in a fresh CARGO_TARGET_DIR under the OS temp dir, giving per-unit status and rustc errors;
//   * one human-readable run of the same command in another fresh target dir, used to cross-check the
//     exit code and cargo's "could not compile ... due to N previous errors" lines;
//   * the unit list from `cargo <args> --unit-graph -Z unstable-options` (RUSTC_BOOTSTRAP=1, nothing is
//     compiled), so units that never compiled because something they need failed show up as "blocked";
//   * for every built executable (bin, example, test harness): NEEDED entries and RUNPATH (readelf), a
//     direct start of the file itself with LD_LIBRARY_PATH unset (not via cargo or a rustup proxy), and a
//     start with cargo's run-time search path (target/<profile>, target/<profile>/deps, the sysroot's
//     target libdir). Test harnesses are started with `--list`, so no test runs.
//
// Case inputs:
//   args       cargo arguments, without --offline/--keep-going/--message-format (added here)
//   env        extra environment (e.g. RUSTFLAGS); RUSTFLAGS & co. from the calling shell are removed
//   cwd        directory, relative to the fixture, to run cargo in (default: the fixture root)
//   toolchain  rustup toolchain name (e.g. "nightly"), passed as `cargo +<toolchain>`
//   setup      commands ({args, env}) run first in the same target dir (incremental-build cases)
//   note       free text, kept as is
//   racy       true when the outcome is known to vary between runs (only the parts named in the note
//              are reproducible); kept as is
//
// Case outcomes: exitCode; cargoErrors / cargoWarnings (cargo's own `error:` / `warning:` headlines from
// stderr, e.g. unsupported crate types, "provides no linkable target", output filename collisions);
// cargoPanic (the first line of cargo's message when cargo itself panicked);
// couldNotCompile (cargo's per-unit summary lines from the human-readable run); units, one per unit of
// cargo's unit graph except doctests:
//   package, target, kind      kind is lib | proc-macro | bin | example | test | bench | custom-build
//   crateTypes, mode           mode is cargo's: build | test | check | run-custom-build | ...
//   status                     ok | error | blocked (never compiled: something it needs failed, or cargo
//                              stopped before compiling anything) | not-attempted (`cargo test`, which has no
//                              --keep-going, stopped at another unit's failure before starting this one)
//   errors, errorCount, codes  distinct rustc/cargo error headlines, at most 3 per message template
//                              (the ~20 "only shows up once" duplicates of the standard-library crates
//                              collapse to 3, a different error after them is kept); errorCount counts
//                              all of them; codes are rustc error codes (E0433, ...)
//   linkerErrors               the linker's own `error:` lines when rustc reports a failed link
//   warnings                   rustc warnings for the unit (fixtures are written to have none otherwise)
//   optLevel, panic            only when several units share package, target and mode
//   host                       only when cross-compiling (--target): the unit is built for the host
//   fresh                      reused from a previous build (cases with setup)
//   needed, runpath            executables, build scripts and built .so files (dylib, cdylib,
//                              proc-macro): DT_NEEDED entries other than libc/libgcc_s/ld.so
//   startsDirectly, startError, directExitCode, startsWithCargoPath, stdout   executables only
//
//   doctests                   `cargo test` without --no-run: per library, examples passed and failed, and why
//                              they failed (rustc's error, or the exit status and the loader's message)
//
// Paths in recorded text are replaced by <ws> (fixture dir), <target> (target dir), <sysroot>, and
// libstd's file-name hash by <hash>, so files do not depend on the machine they were recorded on.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const fixturesRoot = join(repoRoot, '__tests__', 'fixtures', 'workspaces')

// ---------------------------------------------------------------------------------------------------
// Types

interface Command {
  args: string[]
  env?: Record<string, string>
}

interface CaseInput extends Command {
  cwd?: string
  toolchain?: string
  setup?: Command[]
  note?: string
  racy?: boolean
}

interface UnitRecord {
  package: string
  target: string
  kind: string
  crateTypes: string[]
  mode: string
  status: 'ok' | 'error' | 'blocked' | 'not-attempted'
  host?: boolean
  optLevel?: string
  panic?: string
  fresh?: boolean
  errors?: string[]
  errorCount?: number
  codes?: string[]
  linkerErrors?: string[]
  warnings?: string[]
  needed?: string[]
  runpath?: string
  startsDirectly?: boolean
  startError?: string
  directExitCode?: number
  startsWithCargoPath?: boolean
  stdout?: string
}

interface CaseRecord extends CaseInput {
  toolchainVersion?: string
  exitCode: number | null
  cargoErrors?: string[]
  /** The first line of cargo's own panic message, when cargo crashed instead of refusing. */
  cargoPanic?: string
  cargoWarnings?: string[]
  couldNotCompile?: string[]
  units: UnitRecord[]
  /** `cargo test` without `--no-run`: what rustdoc did with each library's doc examples. */
  doctests?: DoctestRecord[]
}

/** The doc tests of one library, from the human-readable run's test output. */
interface DoctestRecord {
  package: string
  target: string
  passed: number
  failed: number
  /** Why examples failed: the first line of each distinct reason (`exit status: 127 …`, rustc's error). */
  failures?: string[]
}

interface Expected {
  description: string
  generatedBy?: string
  recordedWith?: Record<string, string>
  cases: CaseRecord[]
}

interface GraphUnit {
  pkg_id: string
  target: { name: string; kind: string[]; crate_types: string[] }
  profile: { opt_level: string; panic: string; name: string }
  platform: string | null
  mode: string
  dependencies?: { index: number }[]
  /** The units of `dependencies`, kept when doctests are filtered out of the list (indices then shift). */
  dependsOn?: GraphUnit[]
}

interface CargoTarget {
  name: string
  kind: string[]
  crate_types: string[]
}

interface CargoMessage {
  reason: string
  package_id?: string
  target?: CargoTarget
  profile?: { opt_level: string; test: boolean }
  executable?: string | null
  filenames?: string[]
  fresh?: boolean
  message?: Diagnostic
}

interface Diagnostic {
  level: string
  message: string
  code?: { code: string } | null
  children?: Diagnostic[]
}

// ---------------------------------------------------------------------------------------------------
// Process helpers (argument arrays only, never a shell)

const CLEARED_ENV = [
  'RUSTFLAGS',
  'CARGO_ENCODED_RUSTFLAGS',
  'RUSTDOCFLAGS',
  'CARGO_ENCODED_RUSTDOCFLAGS',
  'CARGO_TARGET_DIR',
  'CARGO_BUILD_TARGET',
  'CARGO_BUILD_TARGET_DIR',
  'CARGO_BUILD_RUSTFLAGS',
  'CARGO_INCREMENTAL',
  'RUSTC_WRAPPER',
  'RUSTC_WORKSPACE_WRAPPER',
  'RUSTC_BOOTSTRAP',
  'RUSTC',
  'LD_LIBRARY_PATH',
  'CARGO_TERM_COLOR'
]

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env)) {
    if (CLEARED_ENV.includes(key) || key.startsWith('CARGO_PROFILE_') || key.startsWith('CARGO_TARGET_')) {
      delete env[key]
    }
  }
  env.CARGO_TERM_COLOR = 'never'
  return { ...env, ...extra }
}

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 600_000
  })
}

function cargoArgs(toolchain: string | undefined, args: string[]): string[] {
  return toolchain ? [`+${toolchain}`, ...args] : [...args]
}

/** Inserts flags right after the subcommand so that a trailing `-- ...` stays last. */
function withFlags(args: string[], flags: string[]): string[] {
  const [sub, ...rest] = args
  if (sub === undefined) throw new Error('empty cargo args')
  return [sub, ...flags, ...rest]
}

function failFastFlag(args: string[]): string {
  return args[0] === 'test' || args[0] === 'bench' ? '--no-fail-fast' : '--keep-going'
}

function freshTargetDir(): string {
  return mkdtempSync(join(tmpdir(), 'rlg-fixture-'))
}

// ---------------------------------------------------------------------------------------------------
// Text normalisation

interface Paths {
  ws: string
  target: string
  sysroot: string
}

function sanitize(text: string, paths: Paths): string {
  let out = text
  const pairs: [string, string][] = [
    [paths.target, '<target>'],
    [paths.ws, '<ws>'],
    [paths.sysroot, '<sysroot>']
  ]
  for (const [from, to] of pairs) {
    if (from) out = out.split(from).join(to)
  }
  out = out.replace(/(lib)?std-[0-9a-f]{16}\.(so|dylib|dll)/g, (_m, lib: string | undefined, ext: string) => `${lib ?? ''}std-<hash>.${ext}`)
  // RUNPATH entries climb from target/<profile>/deps to `/` with one `..` per path component.
  out = out.replace(/\$ORIGIN\/(\.\.\/)*\.\.(?=<sysroot>|\/)/g, '$ORIGIN/<up>')
  return out
}

function uniq<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/**
 * Keeps at most `limit` messages per message template (text with every `quoted` part blanked), in order
 * of appearance: the ~20 "only shows up once" duplicates of the standard-library crates collapse to 3,
 * while a different error that follows them (e.g. a panic-runtime error) is still listed.
 */
function firstPerTemplate(messages: string[], limit: number): string[] {
  const seen = new Map<string, number>()
  const out: string[] = []
  for (const m of messages) {
    const template = m.replace(/`[^`]*`/g, '``')
    const n = seen.get(template) ?? 0
    if (n < limit) out.push(m)
    seen.set(template, n + 1)
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// Unit bookkeeping

function kindOf(target: CargoTarget): string {
  const k = target.kind
  if (k.includes('proc-macro')) return 'proc-macro'
  if (k.some(x => ['lib', 'rlib', 'dylib', 'cdylib', 'staticlib'].includes(x))) return 'lib'
  return k[0] ?? 'unknown'
}

/**
 * `cargo test` has no `--keep-going`: after a failure it starts no new unit. A unit it never compiled although
 * nothing it depends on failed is `not-attempted`, not `blocked`; which units those are depends on scheduling.
 */
function markNotAttempted(recordOf: ReadonlyMap<GraphUnit, UnitRecord>): void {
  if (![...recordOf.values()].some(u => u.status === 'error')) return
  const failing = new Map<GraphUnit, boolean>()
  const fails = (g: GraphUnit): boolean => {
    const known = failing.get(g)
    if (known !== undefined) return known
    const status = recordOf.get(g)?.status
    // Cargo waits for what a unit links, not for the bins and tests an integration test only runs: "Binaries
    // aren't actually needed to *compile* tests, just to run them" (`JobQueue::enqueue`).
    const waitsFor = (g.dependsOn ?? []).filter(d => !d.target.kind.includes('bin') && !d.target.kind.includes('test'))
    const result = status === 'error' || (status === 'blocked' && waitsFor.some(fails))
    failing.set(g, result)
    return result
  }
  for (const [g, u] of recordOf) if (u.status === 'blocked' && !fails(g)) u.status = 'not-attempted'
}

function unitKey(pkgId: string, target: CargoTarget): string {
  return `${pkgId}\u0000${target.name}\u0000${target.kind.join(',')}`
}

interface Slot {
  graph: GraphUnit
  key: string
  artifacts: CargoMessage[]
}

function packageNames(ws: string, cwd: string, toolchain: string | undefined): Map<string, string> {
  // Every feature: a package reached only through a feature the case turns on is named too.
  const res = run('cargo', cargoArgs(toolchain, ['metadata', '--format-version', '1', '--offline', '--all-features']), { cwd, env: baseEnv() })
  if (res.status !== 0) throw new Error(`cargo metadata failed in ${ws}:\n${res.stderr}`)
  const meta = JSON.parse(res.stdout) as { packages: { id: string; name: string }[] }
  return new Map(meta.packages.map(p => [p.id, p.name]))
}

function unitGraph(c: CaseInput, cwd: string, env: NodeJS.ProcessEnv): GraphUnit[] | null {
  const targetDir = freshTargetDir()
  try {
    const args = withFlags(c.args, ['--offline', '--unit-graph', '-Z', 'unstable-options'])
    const res = run('cargo', cargoArgs(c.toolchain, args), {
      cwd,
      env: { ...env, RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: targetDir }
    })
    if (res.status !== 0) return null
    const graph = JSON.parse(res.stdout) as { units: GraphUnit[] }
    for (const u of graph.units) u.dependsOn = (u.dependencies ?? []).map(d => graph.units[d.index]!).filter(d => d !== undefined)
    // Doctests are compiled by rustdoc while tests run and report nothing in cargo's JSON stream.
    return graph.units.filter(u => u.mode !== 'doctest')
  } finally {
    rmSync(targetDir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------
// Executables

const SYSTEM_LIBS = /^(libc\.so|libm\.so|libgcc_s\.so|ld-linux|libpthread\.so|libdl\.so|librt\.so|libutil\.so)/

function readDynamic(exe: string): { needed: string[]; runpath?: string } {
  const res = run('readelf', ['-d', '-W', exe], { cwd: dirname(exe), env: baseEnv() })
  const needed: string[] = []
  let runpath: string | undefined
  for (const line of res.stdout.split('\n')) {
    const n = /\(NEEDED\)\s+Shared library: \[(.+)\]/.exec(line)
    if (n?.[1] && !SYSTEM_LIBS.test(n[1])) needed.push(n[1])
    const r = /\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[(.+)\]/.exec(line)
    if (r?.[1]) runpath = r[1]
  }
  return runpath === undefined ? { needed } : { needed, runpath }
}

/** target/<profile> for an executable in target/<profile>, target/<profile>/deps or .../examples. */
function profileDir(exe: string): string {
  let dir = dirname(exe)
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'deps')) && statSync(join(dir, 'deps')).isDirectory()) return dir
    dir = dirname(dir)
  }
  return dirname(exe)
}

function probeExecutable(exe: string, isTest: boolean, sysrootLibdir: string, paths: Paths): Partial<UnitRecord> {
  const out: Partial<UnitRecord> = {}
  const dyn = readDynamic(exe)
  out.needed = dyn.needed.map(n => sanitize(n, paths))
  if (dyn.runpath !== undefined) out.runpath = sanitize(dyn.runpath, paths)
  const args = isTest ? ['--list'] : []
  const scratch = mkdtempSync(join(tmpdir(), 'rlg-run-'))
  try {
    const direct = run(exe, args, { cwd: scratch, env: baseEnv(), timeoutMs: 60_000 })
    const loaderError = /error while loading shared libraries|symbol lookup error|Library not loaded/.exec(direct.stderr ?? '')
    out.startsDirectly = !loaderError && direct.error === undefined && direct.signal === null
    if (!out.startsDirectly) {
      const line = (direct.stderr ?? '').split('\n').find(l => l.trim() !== '') ?? String(direct.error ?? direct.signal)
      out.startError = sanitize(line.replace(exe, '<exe>'), paths)
    } else if (direct.status !== 0) {
      out.directExitCode = direct.status ?? -1
    }
    const pdir = profileDir(exe)
    const searchPath = [pdir, join(pdir, 'deps'), sysrootLibdir].join(':')
    const viaCargoPath = run(exe, args, { cwd: scratch, env: baseEnv({ LD_LIBRARY_PATH: searchPath }), timeoutMs: 60_000 })
    out.startsWithCargoPath = viaCargoPath.status === 0
    if (!isTest && viaCargoPath.status === 0) out.stdout = sanitize(viaCargoPath.stdout.trim(), paths)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// One case

const toolInfoCache = new Map<string, { sysroot: string; libdir: string; cargo: string; rustc: string }>()

function toolInfo(toolchain: string | undefined, cwd: string) {
  const key = toolchain ?? ''
  const cached = toolInfoCache.get(key)
  if (cached) return cached
  const rustc = (args: string[]) => run('rustc', cargoArgs(toolchain, args), { cwd, env: baseEnv() }).stdout.trim()
  const info = {
    sysroot: rustc(['--print', 'sysroot']),
    libdir: rustc(['--print', 'target-libdir']),
    rustc: rustc(['--version']),
    cargo: run('cargo', cargoArgs(toolchain, ['--version']), { cwd, env: baseEnv() }).stdout.trim()
  }
  toolInfoCache.set(key, info)
  return info
}

function runSetup(c: CaseInput, cwd: string, targetDir: string, extraFlags: string[]): void {
  for (const step of c.setup ?? []) {
    const args = withFlags(step.args, ['--offline', failFastFlag(step.args), ...extraFlags])
    run('cargo', cargoArgs(c.toolchain, args), { cwd, env: baseEnv({ ...(step.env ?? {}), CARGO_TARGET_DIR: targetDir }) })
  }
}

function parseJsonLines(stdout: string): CargoMessage[] {
  const out: CargoMessage[] = []
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue // test/doctest output interleaved on stdout
    try {
      out.push(JSON.parse(line) as CargoMessage)
    } catch {
      // not a cargo message
    }
  }
  return out
}

function cargoStderrHeadlines(stderr: string, paths: Paths): { errors: string[]; warnings: string[]; couldNotCompile: string[] } {
  const errors: string[] = []
  const warnings: string[] = []
  const couldNotCompile: string[] = []
  for (const raw of stderr.split('\n')) {
    const line = sanitize(raw.trimEnd(), paths)
    if (/^error: could not compile /.test(line)) couldNotCompile.push(line.replace(/^error: /, ''))
    else if (/^error: \d+ targets? failed:?$/.test(line)) continue
    else if (line.startsWith('error: ') || line.startsWith('error[')) errors.push(line.replace(/^error: /, ''))
    else if (line.startsWith('warning: ')) {
      if (/^warning: build failed, waiting for other jobs to finish/.test(line)) continue
      // A unit's own `-<hash>` is in a collision's path when two of its crate types write one file.
      const warning = line.replace(/^warning: /, '')
      warnings.push(warning.startsWith('output filename collision at ') ? warning.replace(/-[0-9a-f]{16}(?=\.)/g, '-<hash>') : warning)
    }
  }
  return { errors: uniq(errors), warnings: uniq(warnings), couldNotCompile: uniq(couldNotCompile) }
}

/** The line after cargo's `thread 'main' … panicked at <file>:<line>:<column>:`, which says what went wrong. */
function cargoPanic(stderr: string): string | null {
  const lines = stderr.split('\n')
  const at = lines.findIndex(line => /^thread '[^']*'.* panicked at /.test(line))
  return at < 0 ? null : (lines[at + 1] ?? '').trim()
}

function recordCase(ws: string, c: CaseInput): CaseRecord {
  const cwd = c.cwd ? join(ws, c.cwd) : ws
  const tools = toolInfo(c.toolchain, cwd)
  const env = baseEnv(c.env ?? {})
  const names = packageNames(ws, cwd, c.toolchain)
  const graph = unitGraph(c, cwd, env)

  // JSON run
  const targetDir = freshTargetDir()
  const paths: Paths = { ws, target: targetDir, sysroot: tools.sysroot }
  const rec: CaseRecord = { ...c, exitCode: null, units: [] }
  if (c.toolchain) rec.toolchainVersion = `${tools.cargo} / ${tools.rustc}`
  try {
    runSetup(c, cwd, targetDir, ['--message-format', 'json'])
    const args = withFlags(c.args, ['--offline', failFastFlag(c.args), '--message-format', 'json'])
    const res = run('cargo', cargoArgs(c.toolchain, args), { cwd, env: { ...env, CARGO_TARGET_DIR: targetDir } })
    rec.exitCode = res.status
    const messages = parseJsonLines(res.stdout)
    const stderr = cargoStderrHeadlines(res.stderr, paths)
    if (stderr.errors.length) rec.cargoErrors = stderr.errors
    if (stderr.warnings.length) rec.cargoWarnings = stderr.warnings
    const panic = cargoPanic(res.stderr)
    if (panic !== null) rec.cargoPanic = sanitize(panic, paths)

    const slots = new Map<string, Slot[]>()
    for (const g of graph ?? []) {
      const key = unitKey(g.pkg_id, g.target)
      const list = slots.get(key) ?? []
      list.push({ graph: g, key, artifacts: [] })
      slots.set(key, list)
    }
    const diagnostics = new Map<string, { errors: string[]; codes: string[]; linker: string[]; warnings: string[]; count: number }>()
    const executed = new Set<string>()
    for (const m of messages) {
      if (!m.package_id) continue
      if (m.reason === 'build-script-executed') {
        executed.add(m.package_id)
        continue
      }
      if (!m.target) continue
      if (m.reason === 'compiler-artifact') {
        // Artifacts name package and target but not the mode (build/check/test): match them to a
        // compiled unit of that target, test harnesses to test-mode units.
        const key = unitKey(m.package_id, m.target)
        const isTest = m.profile?.test === true
        const list = (slots.get(key) ?? []).filter(s => s.graph.mode !== 'run-custom-build' && s.artifacts.length === 0)
        const sameKind = list.filter(s => (s.graph.mode === 'test') === isTest)
        const free = sameKind.find(s => matchesArtifact(s.graph, m)) ?? sameKind[0] ?? list[0]
        if (free) {
          free.artifacts.push(m)
        } else if (graph === null) {
          slots.set(key, [...(slots.get(key) ?? []), { graph: graphFromArtifact(m), key, artifacts: [m] }])
        }
      } else if (m.reason === 'compiler-message' && m.message) {
        const level = m.message.level
        if (level !== 'error' && level !== 'warning' && level !== 'error: internal compiler error') continue
        const text = sanitize(m.message.message, paths)
        if (/^aborting due to/.test(text) || /^\d+ warnings? emitted/.test(text)) continue
        const dkey = `${m.package_id}\u0000${m.target.name}\u0000${m.target.kind.join(',')}`
        const d = diagnostics.get(dkey) ?? { errors: [], codes: [], linker: [], warnings: [], count: 0 }
        if (level === 'warning') d.warnings.push(text)
        else {
          d.errors.push(text)
          d.count++
          if (m.message.code?.code) d.codes.push(m.message.code.code)
          // "linking with `cc` failed" carries the linker's own error lines in its notes
          for (const child of m.message.children ?? []) {
            for (const line of child.message.split('\n')) {
              if (/(^|: )error: /.test(line) && !line.startsWith('"')) d.linker.push(sanitize(line.trim(), paths))
            }
          }
        }
        diagnostics.set(dkey, d)
      }
    }

    const units: UnitRecord[] = []
    const recordOf = new Map<GraphUnit, UnitRecord>()
    // Units that share package, target and mode (e.g. a lib built once for a build script and once for
    // the bin in release) are told apart by profile and platform.
    const byMode = new Map<string, number>()
    for (const g of graph ?? []) byMode.set(`${unitKey(g.pkg_id, g.target)}\u0000${g.mode}`, (byMode.get(`${unitKey(g.pkg_id, g.target)}\u0000${g.mode}`) ?? 0) + 1)
    const crossCompiling = (graph ?? []).some(g => g.platform !== null)
    // Diagnostics name the target but not the unit: when several units of one target fail (e.g. a
    // proc-macro built both as a root and as a dependency), their identical messages are shared out.
    const failingPerTarget = new Map<string, number>()
    for (const list of slots.values()) {
      for (const slot of list) {
        if (slot.graph.mode !== 'run-custom-build' && slot.artifacts.length === 0) {
          failingPerTarget.set(slot.key, (failingPerTarget.get(slot.key) ?? 0) + 1)
        }
      }
    }
    for (const list of slots.values()) {
      for (const slot of list) {
        const g = slot.graph
        const name = names.get(g.pkg_id) ?? g.pkg_id
        const u: UnitRecord = {
          package: name,
          target: g.target.name,
          kind: kindOf(g.target),
          crateTypes: g.target.crate_types,
          mode: g.mode,
          status: 'blocked'
        }
        if ((byMode.get(`${slot.key}\u0000${g.mode}`) ?? 0) > 1) {
          u.optLevel = g.profile.opt_level
          u.panic = g.profile.panic
        }
        if (crossCompiling && g.platform === null) u.host = true
        const dkey = `${g.pkg_id}\u0000${g.target.name}\u0000${g.target.kind.join(',')}`
        const d = g.mode === 'run-custom-build' ? undefined : diagnostics.get(dkey)
        if (g.mode === 'run-custom-build') {
          u.status = executed.has(g.pkg_id) ? 'ok' : 'blocked'
        } else if (slot.artifacts.length > 0) {
          u.status = 'ok'
          if (slot.artifacts[0]?.fresh) u.fresh = true
        } else if (d && d.errors.length > 0) {
          u.status = 'error'
        }
        if (d && u.status === 'error') {
          u.errors = firstPerTemplate(uniq(d.errors), 3)
          u.errorCount = Math.round(d.count / Math.max(1, failingPerTarget.get(slot.key) ?? 1))
          const linker = uniq(d.linker)
          if (linker.length) u.linkerErrors = linker.slice(0, 3)
          const codes = uniq(d.codes)
          if (codes.length) u.codes = codes
        }
        if (d && d.warnings.length) u.warnings = uniq(d.warnings)
        const art = slot.artifacts[0]
        const runnable = ['bin', 'example', 'test', 'bench'].includes(u.kind) || u.mode === 'test'
        if (u.status === 'ok' && art?.executable && runnable) {
          Object.assign(u, probeExecutable(art.executable, u.mode === 'test', tools.libdir, paths))
        } else if (u.status === 'ok' && u.kind === 'custom-build' && u.mode === 'build' && art?.filenames?.[0]) {
          // build scripts are started by cargo with its own library path: record what they link only
          u.needed = readDynamic(art.filenames[0]).needed.map(n => sanitize(n, paths))
        } else if (u.status === 'ok' && art && u.mode === 'build') {
          // shared objects built from dylib / cdylib / proc-macro targets: what they link dynamically
          const so = (art.filenames ?? []).find(f => /\.so$/.test(f))
          if (so) u.needed = readDynamic(so).needed.map(n => sanitize(n, paths))
        }
        units.push(u)
        recordOf.set(g, u)
      }
    }
    // cargo-level failures (e.g. a crate type the target does not support) stop the build before any
    // unit compiles: attribute the message to the unit it names.
    for (const err of rec.cargoErrors ?? []) {
      const m = /`([A-Za-z0-9_-]+) v[^`]* \(/.exec(err)
      if (!m) continue
      // A build script that compiled but failed when cargo ran it: the run fails, its package is blocked.
      const scriptRun = err.startsWith('failed to run custom build command for')
      // `cannot produce proc-macro for `foo v…`` names the crate types too: only foo's units that have them.
      const produced = /^cannot produce ([a-z-]+(?:, [a-z-]+)*) for /.exec(err)?.[1]?.split(', ') ?? null
      for (const u of units) {
        const named = scriptRun
          ? u.mode === 'run-custom-build'
          : u.kind !== 'bin' && u.mode === 'build' && (produced === null || u.crateTypes.some(t => produced.includes(t)))
        if (u.package === m[1] && u.status === 'blocked' && named) {
          u.status = 'error'
          u.errors = [err]
          u.errorCount = 1
        }
      }
    }
    if (c.args[0] === 'test' || c.args[0] === 'bench') markNotAttempted(recordOf)
    units.sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0))
    rec.units = units
  } finally {
    rmSync(targetDir, { recursive: true, force: true })
  }

  // Human-readable run, cross-checked against the JSON run.
  const humanDir = freshTargetDir()
  try {
    const hpaths: Paths = { ...paths, target: humanDir }
    runSetup(c, cwd, humanDir, [])
    const args = withFlags(c.args, ['--offline', failFastFlag(c.args)])
    const res = run('cargo', cargoArgs(c.toolchain, args), { cwd, env: { ...env, CARGO_TARGET_DIR: humanDir } })
    const h = cargoStderrHeadlines(res.stderr, hpaths)
    if (res.status !== rec.exitCode) {
      // e.g. a racy case: keep the JSON run's outcome only
      console.warn(`  ! exit code differs: json run ${rec.exitCode}, human run ${res.status}`)
      return rec
    }
    if (h.couldNotCompile.length) rec.couldNotCompile = h.couldNotCompile.sort()
    const doctests = doctestOutcomes(res.stdout, res.stderr, cwd, hpaths)
    if (doctests.length > 0) rec.doctests = doctests
    for (const line of h.couldNotCompile) {
      const m = /^could not compile `([^`]+)` \(([^)]*)\) due to (\d+) previous errors?/.exec(line)
      if (!m) continue
      const count = Number(m[3])
      const hit = rec.units.find(u => u.package === m[1] && u.errorCount === count)
      if (!hit) console.warn(`  ! no JSON unit of ${m[1]} with ${count} errors (${m[2]})`)
    }
  } finally {
    rmSync(humanDir, { recursive: true, force: true })
  }
  return rec
}

/**
 * Doc tests in `cargo test` output: each example's line (`test l/src/lib.rs - h (line 1) ... FAILED`) names the
 * file relative to the directory cargo ran in, which tells the package; a failed example's `---- … stdout ----`
 * section says why (rustc's error, or the exit status and the loader's message). From edition 2024 rustdoc
 * merges examples into one program; when that program cannot start, no example line is printed, only the
 * loader's message on stderr after cargo's `Doc-tests <crate>` line: it counts as one failure.
 */
function doctestOutcomes(stdout: string, stderr: string, cwd: string, paths: Paths): DoctestRecord[] {
  const meta = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd, env: baseEnv() }).stdout) as {
    packages: { name: string; manifest_path: string; targets: { name: string; kind: string[] }[] }[]
  }
  const owners = meta.packages.map(p => ({ pkg: p, dir: dirname(p.manifest_path) + '/' })).sort((a, b) => b.dir.length - a.dir.length)
  const byLib = new Map<string, DoctestRecord>()
  const recordFor = (file: string): DoctestRecord | null => {
    const owner = owners.find(o => join(cwd, file).startsWith(o.dir))
    const lib = owner?.pkg.targets.find(t => t.kind.includes('lib') || t.kind.includes('proc-macro') || t.kind.some(k => k.endsWith('lib')))
    if (!owner || !lib) return null
    const key = `${owner.pkg.name}/${lib.name}`
    if (!byLib.has(key)) byLib.set(key, { package: owner.pkg.name, target: lib.name, passed: 0, failed: 0 })
    return byLib.get(key)!
  }
  const lines = stdout.split('\n')
  for (const line of lines) {
    const m = /^test (\S+\.rs) - .* \.\.\. (ok|FAILED)$/.exec(line)
    if (!m) continue
    const rec = recordFor(m[1]!)
    if (rec) rec[m[2] === 'ok' ? 'passed' : 'failed']++
  }
  for (let i = 0; i < lines.length; i++) {
    const m = /^---- (\S+\.rs) - .* stdout ----$/.exec(lines[i]!)
    const rec = m ? recordFor(m[1]!) : null
    if (!rec) continue
    let reason: string | null = null
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith('---- ') && lines[j] !== 'failures:'; j++) {
      const l = lines[j]!
      const status = /^Test executable failed \((.*)\)\.$/.exec(l)
      if (status) reason = status[1]!
      else if (reason !== null && /error while loading shared libraries/.test(l)) reason += `: ${l.replace(/^.*error while loading/, 'error while loading')}`
      else if (reason === null && /^error(\[E\d+\])?: /.test(l)) reason = l
    }
    if (reason !== null) (rec.failures ??= []).push(sanitize(reason, paths))
  }
  let merged: DoctestRecord | null = null
  for (const line of stderr.split('\n')) {
    const header = /^\s+Doc-tests (\S+)$/.exec(line)
    if (header) {
      const owner = owners.find(o => o.pkg.targets.some(t => t.kind.includes('lib') && t.name.replace(/-/g, '_') === header[1]))
      const lib = owner?.pkg.targets.find(t => t.kind.includes('lib'))
      merged = null
      if (!owner || !lib) continue
      const key = `${owner.pkg.name}/${lib.name}`
      if (!byLib.has(key)) byLib.set(key, { package: owner.pkg.name, target: lib.name, passed: 0, failed: 0 })
      merged = byLib.get(key)!
    } else if (merged !== null && merged.passed + merged.failed === 0 && /error while loading shared libraries/.test(line)) {
      merged.failed = 1
      ;(merged.failures ??= []).push(sanitize(`merged program: ${line.replace(/^.*error while loading/, 'error while loading')}`, paths))
    }
  }
  for (const [key, rec] of byLib) if (rec.passed + rec.failed === 0) byLib.delete(key)
  for (const rec of byLib.values()) if (rec.failures) rec.failures = uniq(rec.failures)
  return [...byLib.values()].sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0))
}

function matchesArtifact(g: GraphUnit, m: CargoMessage): boolean {
  if (m.profile && m.profile.opt_level !== g.profile.opt_level) return false
  const underTriple = (m.filenames ?? []).some(f => g.platform !== null && f.includes(`/${g.platform}/`))
  return g.platform === null ? !underTriple : underTriple
}

function graphFromArtifact(m: CargoMessage): GraphUnit {
  return {
    pkg_id: m.package_id!,
    target: m.target!,
    profile: { opt_level: m.profile?.opt_level ?? '0', panic: 'unwind', name: '' },
    platform: null,
    mode: m.profile?.test ? 'test' : 'build'
  }
}

function orderKey(u: UnitRecord): string {
  return [u.package, u.kind, u.target, u.mode, u.host ? '0' : '1', u.optLevel ?? ''].join('\u0000')
}

// ---------------------------------------------------------------------------------------------------
// Main

function fixtureNames(requested: string[]): string[] {
  const all = readdirSync(fixturesRoot)
    .filter(n => existsSync(join(fixturesRoot, n, 'Cargo.toml')))
    .sort()
  if (requested.length === 0) return all
  for (const n of requested) if (!all.includes(n)) throw new Error(`no fixture named ${n} under ${fixturesRoot}`)
  return requested
}

function stripOutcome(c: CaseRecord | CaseInput): CaseInput {
  const input: CaseInput = { args: c.args }
  if (c.env) input.env = c.env
  if (c.cwd) input.cwd = c.cwd
  if (c.toolchain) input.toolchain = c.toolchain
  if (c.setup) input.setup = c.setup
  if (c.note) input.note = c.note
  if (c.racy) input.racy = c.racy
  return input
}

function main(): void {
  const names = fixtureNames(process.argv.slice(2))
  for (const name of names) {
    const ws = join(fixturesRoot, name)
    const file = join(ws, 'expected.json')
    const current = JSON.parse(readFileSync(file, 'utf8')) as Expected
    console.log(`${name}`)
    const cases: CaseRecord[] = []
    for (const c of current.cases) {
      const input = stripOutcome(c)
      console.log(`  cargo ${input.toolchain ? `+${input.toolchain} ` : ''}${input.args.join(' ')}${input.env ? ` ${JSON.stringify(input.env)}` : ''}${input.cwd ? ` (in ${input.cwd})` : ''}`)
      const rec = recordCase(ws, input)
      const summary = rec.units.map(u => `${u.package}/${u.target}[${u.mode}]=${u.status}${u.startsDirectly === false ? '(no start)' : ''}`).join(' ')
      console.log(`    exit ${rec.exitCode}: ${summary}`)
      cases.push(rec)
    }
    const tools = toolInfo(undefined, ws)
    const out: Expected = {
      description: current.description,
      generatedBy: `npx tsx scripts/record-fixtures.ts ${name}`,
      recordedWith: { cargo: tools.cargo, rustc: tools.rustc, host: hostTriple(ws) },
      cases
    }
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
    if (existsSync(join(ws, 'target'))) rmSync(join(ws, 'target'), { recursive: true, force: true })
  }
}

function hostTriple(cwd: string): string {
  const res = run('rustc', ['-vV'], { cwd, env: baseEnv() })
  return /^host: (.+)$/m.exec(res.stdout)?.[1] ?? 'unknown'
}

main()

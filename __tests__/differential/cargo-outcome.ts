/**
 * Runs real cargo on a generated workspace and records what happened to every unit it would build.
 *
 * Units are enumerated with cargo's own `--unit-graph` (unstable, enabled on the installed stable
 * cargo with RUSTC_BOOTSTRAP=1, in a throwaway target directory): it is the exact cargo that then
 * builds, so the list cannot drift from the build, and it gives the dependency edges needed to tell
 * "failed" from "never attempted". The build itself runs with `--keep-going --message-format json`
 * in a fresh target directory; each `compiler-artifact` is matched back to its unit. `cargo test
 * --no-run` has no `--keep-going`: after a failure it starts nothing new, and the units it never
 * started are told apart (`not-attempted`) instead of being counted as failures.
 */
import { execFile, spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { CompileKind, CompileMode } from '../../src/model/build-context.js'
import type { TargetKind } from '../../src/model/metadata.js'
import { crossToolchainMissing } from '../support/cross-toolchains.js'
import type { CargoCommand, GeneratedWorkspace } from './generate.js'

/** Names an invocation within its workspace (`workspace`, `p-app3-features-dyn`, …). */
export type InvocationId = string

export interface CargoInvocation {
  id: InvocationId
  /** The invocation with names left out, for grouping in summaries. */
  shape: string
  /** `test` and `bench` run with `--no-run`; the engine is told with `--command test` or `--command bench`. */
  command: CargoCommand
  /** Package, target and feature selection flags, as given to cargo and to the engine. */
  args: string[]
  /** Variables set on top of the sanitized environment: BUILD_ENV and the invocation's own (RUSTFLAGS, …). */
  env: Record<string, string>
}

/** Variables that would change what cargo builds; never inherited from the caller. */
const CLEARED_ENV = [
  'RUSTFLAGS',
  'CARGO_ENCODED_RUSTFLAGS',
  'CARGO_BUILD_RUSTFLAGS',
  'RUSTC_WRAPPER',
  'RUSTC_WORKSPACE_WRAPPER',
  'CARGO_BUILD_RUSTC_WRAPPER',
  'CARGO_BUILD_TARGET',
  'CARGO_BUILD_TARGET_DIR',
  'CARGO_TARGET_DIR',
  'CARGO_BUILD_JOBS',
  'CARGO_INCREMENTAL',
  'RUSTC_BOOTSTRAP',
  'LD_LIBRARY_PATH'
]
const CLEARED_ENV_PREFIXES = ['CARGO_PROFILE_', 'CARGO_TERM_']

/**
 * Settings shared by every build; the engine is given the same environment. Incremental
 * compilation is off because nothing is ever rebuilt; debuginfo is left at the profile default
 * because it is what tells a host-only copy of a crate (debuginfo 0) from its target copy.
 */
export const BUILD_ENV: Readonly<Record<string, string>> = { CARGO_INCREMENTAL: '0', CARGO_TERM_COLOR: 'never' }

/** The workspace's invocations, each with BUILD_ENV under its own variables. */
export function invocationsFor(ws: GeneratedWorkspace): CargoInvocation[] {
  return ws.invocations.map(i => ({ id: i.id, shape: i.shape, command: i.command, args: [...i.args], env: { ...BUILD_ENV, ...i.env } }))
}

/** The flags that give the engine the same command as cargo: the selection flags, and `--no-run --command test|bench`. */
export function engineArgs(invocation: CargoInvocation): string[] {
  return invocation.command === 'build' ? [...invocation.args] : [...invocation.args, '--no-run', '--command', invocation.command]
}

/**
 * Where the builds run: a rustup toolchain by name (`debian` once `rustup toolchain link debian /usr`), and a
 * `--target` added to every invocation. Null fields: rustup's default toolchain, the host.
 */
export interface BuildPlatform {
  toolchain: string | null
  target: string | null
}

export const HOST_PLATFORM: BuildPlatform = { toolchain: null, target: null }

/** The invocation on the platform: `--target` added unless it names one, and the toolchain in `RUSTUP_TOOLCHAIN`. */
export function onPlatform(invocation: CargoInvocation, platform: BuildPlatform): CargoInvocation {
  const args = platform.target === null || invocation.args.includes('--target') ? invocation.args : [...invocation.args, '--target', platform.target]
  const env = platform.toolchain === null ? invocation.env : { ...invocation.env, RUSTUP_TOOLCHAIN: platform.toolchain }
  return { ...invocation, args, env }
}

/** `rustc -vV` of the platform's toolchain: the host triple and the release. */
export async function toolchainFacts(platform: BuildPlatform = HOST_PLATFORM): Promise<{ host: string; release: string }> {
  const text = await rustcOutput(platform, ['-vV'])
  const host = /^host: (\S+)$/m.exec(text)?.[1]
  const release = /^release: (\S+)$/m.exec(text)?.[1]
  if (host === undefined || release === undefined) throw new Error(`no host or release line in rustc -vV:\n${text}`)
  return { host, release }
}

/** A platform the differential cannot build for on this machine: said in one line, without a stack. */
export class PlatformError extends Error {
  override name = 'PlatformError'
}

/**
 * Refuses a `--target` whose standard library the toolchain does not have: cargo would fail every build with
 * "can't find crate for `std`", and each failure would count as a mismatch.
 */
export function requireTargetStd(platform: BuildPlatform): void {
  if (platform.target === null) return
  const missing = crossToolchainMissing(platform.toolchain, platform.target)
  if (missing !== null) throw new PlatformError(`${missing}; install it (\`rustup target add ${platform.target}\`) or choose another --toolchain`)
}

/** The host triple, from `rustc -vV`. */
export async function hostTriple(): Promise<string> {
  return (await toolchainFacts()).host
}

/** What the platform's rustc prints with `args`. */
function rustcOutput(platform: BuildPlatform, args: string[]): Promise<string> {
  const env = platform.toolchain === null ? process.env : { ...process.env, RUSTUP_TOOLCHAIN: platform.toolchain }
  return new Promise((resolve, reject) => {
    execFile('rustc', args, { env }, (error, stdout) => {
      if (error !== null) return reject(error)
      resolve(stdout)
    })
  })
}

/** The caller's environment without anything that changes cargo's plan, plus the invocation's variables. */
export function cargoEnvironment(invocation: CargoInvocation, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue
    if (CLEARED_ENV.includes(key) || CLEARED_ENV_PREFIXES.some(prefix => key.startsWith(prefix))) continue
    env[key] = value
  }
  return { ...env, ...invocation.env }
}

// ---------------------------------------------------------------------------------------------
// Outcome types

export type UnitStatus = 'ok' | 'error' | 'blocked'

export type Doubt = 'ambiguous-copy' | 'failed-after-dependency' | 'not-attempted' | 'cargo-refused'

export const DOUBT_TEXT: Readonly<Record<Doubt, string>> = {
  'ambiguous-copy': 'built twice with the same visible profile; which copy is which is a guess',
  'failed-after-dependency': 'failed on its own although a dependency failed too',
  'not-attempted': 'never started: cargo test and cargo bench stop at the first failure (they have no --keep-going)',
  'cargo-refused': 'cargo stopped before building anything'
}

export interface RunResult {
  /**
   * `failed-to-start`: the loader refused it (Linux: exit 127, "error while loading shared libraries";
   * Windows under wine: status 0xc0000135, STATUS_DLL_NOT_FOUND).
   */
  outcome: 'started' | 'failed-to-start' | 'crashed' | 'timed-out'
  exitCode: number | null
  signal: string | null
  /**
   * The libraries the loader named as not found, without those it reported only because one of their own
   * imports failed (a file of that name is in the executable's directory). Linux names the first only.
   */
  missing: string[]
  /**
   * Windows: the DLLs a missing one imports, directly or through another missing one, that are not in the
   * executable's directory either. The loader never looks for them: it stops at the DLL that needs them.
   * Read from the import tables of the missing DLLs' files where cargo wrote them.
   */
  unsought: string[]
  /** First lines of stderr. */
  stderr: string
}

export interface UnitOutcome {
  /** Index in cargo's unit graph. */
  index: number
  package: string
  version: string
  packageId: string
  target: string
  kind: TargetKind
  /** Crate types as cargo passes them to rustc. */
  crateTypes: string[]
  mode: CompileMode
  /** The package's features the unit is compiled with, as the unit graph lists them. */
  features: string[]
  /** Whether the unit serves the host (build scripts, proc-macros and their dependencies), the target, or both. */
  roles: CompileKind[]
  panic: string
  debuginfo: string
  /** The profile's `opt-level`, as cargo's unit graph gives it (`"0"`, `"3"`, `"s"`, …). */
  optLevel: string
  status: UnitStatus
  /**
   * `ambiguous-copy`: the target was built twice with the same visible profile, so which copy an
   * artifact belongs to is a guess. `failed-after-dependency`: cargo named it as failed although a
   * dependency failed too (it started on that dependency's metadata). `not-attempted`: `cargo test`
   * stopped after another unit failed, before starting this one (or one it waits for). `cargo-refused`:
   * cargo stopped before compiling anything (see `CargoOutcome.refusal`).
   */
  doubt?: Doubt
  /** Distinct rustc error messages attributed to this unit, in order. */
  errors: string[]
  /** Graph indices of direct dependencies (compile units, through build-script runs) that did not build. */
  blockedBy: number[]
  executable: string | null
  /** Another unit writes the same output file (cargo's "output filename collision"). */
  collision: boolean
  /** Depends, directly or not, on a unit with a colliding output: its inputs depend on which copy won. */
  raceAffected: boolean
  /** The executable started from where cargo put it (`target/[<triple>/]<profile>/`). */
  run?: RunResult
  /** The executable copied alone into an empty directory and started there. */
  runCopied?: RunResult
  /**
   * An ELF executable's DT_NEEDED entries and, through the libraries cargo built beside it, theirs: every
   * library the loader will look for. The linker records only libraries something references (`--as-needed`).
   */
  loads?: string[]
}

export interface CargoOutcome {
  invocation: CargoInvocation
  workspaceDir: string
  /** Compile units (build scripts included); build-script runs are folded into their dependents. */
  units: UnitOutcome[]
  /** `build-finished.success`. */
  success: boolean
  /** `could not compile` lines from cargo, e.g. "l3 (lib)". */
  couldNotCompile: string[]
  /** Cargo's own warnings (first line each), e.g. output filename collisions. */
  cargoWarnings: string[]
  /**
   * Set when cargo stopped while planning, before compiling anything (no `build-finished` message,
   * no compiler output): its error line, and the package it names (e.g. "cannot produce dylib for
   * `l0 v0.1.0 (…)` as the target … does not support these crate types" under `+crt-static`).
   */
  refusal?: { message: string; package: string | null }
  /** Inconsistencies between the unit graph and the build messages. */
  anomalies: string[]
  buildMs: number
}

// ---------------------------------------------------------------------------------------------
// Processes

interface ProcessResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
}

interface ProcessOptions {
  cwd: string
  env: Record<string, string>
  timeoutMs: number
}

/**
 * Runs a program to its end. An executable that is still open for writing somewhere cannot be started
 * (ETXTBSY): a process forked while one was being written holds it until that process execs. That passes in
 * moments, so such a start is tried again a few times before it counts.
 */
async function runProcess(file: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce(file, args, options)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ETXTBSY' || attempt === 4) throw error
      await new Promise(resolve => setTimeout(resolve, 25 << attempt))
    }
  }
}

function runOnce(file: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    // Own process group, so that a timeout also stops the rustc processes cargo started.
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
    }, options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut
      })
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Parsing cargo's JSON

interface UnitGraphTarget {
  kind: string[]
  crate_types: string[]
  name: string
}

interface UnitGraphUnit {
  pkg_id: string
  target: UnitGraphTarget
  profile: { opt_level: string; debuginfo: unknown; debug_assertions: boolean; overflow_checks: boolean; panic: string }
  mode: string
  /** The `--target` triple the unit is built for; null for host units (and for every unit without `--target`). */
  platform: string | null
  dependencies: { index: number }[]
  features: string[]
}

interface UnitGraph {
  units: UnitGraphUnit[]
  roots: number[]
}

interface ArtifactMessage {
  reason: 'compiler-artifact'
  package_id: string
  target: UnitGraphTarget
  profile: { opt_level: string; debuginfo: unknown; debug_assertions: boolean; overflow_checks: boolean; test: boolean }
  filenames: string[]
  executable: string | null
}

interface CompilerMessage {
  reason: 'compiler-message'
  package_id: string
  target: UnitGraphTarget
  message: { level: string; message: string }
}

interface BuildScriptExecuted {
  reason: 'build-script-executed'
  package_id: string
}

interface BuildFinished {
  reason: 'build-finished'
  success: boolean
}

type CargoMessage = ArtifactMessage | CompilerMessage | BuildScriptExecuted | BuildFinished

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string')
}

function isTarget(value: unknown): value is UnitGraphTarget {
  return isRecord(value) && isStringArray(value.kind) && isStringArray(value.crate_types) && typeof value.name === 'string'
}

function parseUnitGraph(text: string): UnitGraph {
  const parsed: unknown = JSON.parse(text)
  if (!isRecord(parsed) || !Array.isArray(parsed.units) || !Array.isArray(parsed.roots)) throw new Error('unexpected --unit-graph output')
  const units = parsed.units.map((u: unknown, i: number): UnitGraphUnit => {
    if (!isRecord(u) || typeof u.pkg_id !== 'string' || !isTarget(u.target) || typeof u.mode !== 'string' || !isRecord(u.profile) || !Array.isArray(u.dependencies) || !isStringArray(u.features)) {
      throw new Error(`unexpected unit ${i} in --unit-graph output`)
    }
    const p = u.profile
    return {
      pkg_id: u.pkg_id,
      target: u.target,
      profile: {
        opt_level: String(p.opt_level),
        debuginfo: p.debuginfo,
        debug_assertions: p.debug_assertions === true,
        overflow_checks: p.overflow_checks === true,
        panic: String(p.panic)
      },
      mode: u.mode,
      platform: typeof u.platform === 'string' ? u.platform : null,
      features: u.features,
      dependencies: u.dependencies.map((d: unknown) => {
        if (!isRecord(d) || typeof d.index !== 'number') throw new Error(`unexpected dependency of unit ${i}`)
        return { index: d.index }
      })
    }
  })
  const roots = parsed.roots.filter((r: unknown): r is number => typeof r === 'number')
  return { units, roots }
}

function parseMessages(stdout: string, anomalies: string[]): CargoMessage[] {
  const messages: CargoMessage[] = []
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      anomalies.push(`non-JSON line on cargo's stdout: ${line.slice(0, 200)}`)
      continue
    }
    if (!isRecord(value)) continue
    switch (value.reason) {
      case 'compiler-artifact':
        if (typeof value.package_id === 'string' && isTarget(value.target) && isRecord(value.profile) && isStringArray(value.filenames)) {
          const p = value.profile
          messages.push({
            reason: 'compiler-artifact',
            package_id: value.package_id,
            target: value.target,
            profile: {
              opt_level: String(p.opt_level),
              debuginfo: p.debuginfo,
              debug_assertions: p.debug_assertions === true,
              overflow_checks: p.overflow_checks === true,
              test: p.test === true
            },
            filenames: value.filenames,
            executable: typeof value.executable === 'string' ? value.executable : null
          })
        }
        break
      case 'compiler-message':
        if (typeof value.package_id === 'string' && isTarget(value.target) && isRecord(value.message)) {
          const m = value.message
          if (typeof m.level === 'string' && typeof m.message === 'string') {
            messages.push({ reason: 'compiler-message', package_id: value.package_id, target: value.target, message: { level: m.level, message: m.message } })
          }
        }
        break
      case 'build-script-executed':
        if (typeof value.package_id === 'string') messages.push({ reason: 'build-script-executed', package_id: value.package_id })
        break
      case 'build-finished':
        messages.push({ reason: 'build-finished', success: value.success === true })
        break
      default:
        break
    }
  }
  return messages
}

// ---------------------------------------------------------------------------------------------
// Attribution

/** Cargo's target kind reduced to the engine's vocabulary: every library crate type is `lib`. */
export function targetKind(kind: readonly string[]): TargetKind {
  const first = kind[0]
  switch (first) {
    case 'bin':
    case 'example':
    case 'test':
    case 'bench':
    case 'custom-build':
    case 'proc-macro':
      return first
    default:
      return 'lib'
  }
}

function unitMode(mode: string): CompileMode | null {
  if (mode === 'build') return 'build'
  if (mode === 'test') return 'test'
  return null
}

/**
 * `name@version` parts of a package id (`path+file:///dir/name#0.1.0`, `path+file:///dir#name@0.1.0`, and
 * cargo before 1.77's `name 0.1.0 (path+file:///dir)`).
 */
export function packageFromId(id: string): { name: string; version: string } {
  const old = /^(\S+) (\S+) \(/.exec(id)
  if (old !== null) return { name: old[1] as string, version: old[2] as string }
  const fragment = id.slice(id.lastIndexOf('#') + 1)
  const at = fragment.lastIndexOf('@')
  if (at >= 0) return { name: fragment.slice(0, at), version: fragment.slice(at + 1) }
  const base = id.slice(0, id.lastIndexOf('#'))
  return { name: base.slice(base.lastIndexOf('/') + 1), version: fragment }
}

function targetKey(packageId: string, target: UnitGraphTarget): string {
  return `${packageId}\u0000${target.kind.join(',')}\u0000${target.name}`
}

/** The parenthesised part of cargo's "could not compile `pkg` (…)" for a unit. */
function cargoDescription(kind: TargetKind, target: string, mode: CompileMode): string {
  const base = kind === 'lib' || kind === 'proc-macro' ? 'lib' : kind === 'custom-build' ? 'build script' : `${kind} "${target}"`
  // cargo's descriptive_pkg_name: tests and benches are not called "test" twice.
  return mode === 'test' && kind !== 'test' && kind !== 'bench' ? `${base} test` : base
}

/** The `--target` triple whose output directory holds the artifact's files, or null for the host's. */
function artifactPlatform(artifact: ArtifactMessage, platforms: readonly string[]): string | null {
  for (const triple of platforms) {
    if (artifact.filenames.some(file => file.split(/[\\/]/).includes(triple))) return triple
  }
  return null
}

function sameVisibleProfile(unit: UnitGraphUnit, artifact: ArtifactMessage): boolean {
  return (
    unit.profile.opt_level === artifact.profile.opt_level &&
    JSON.stringify(unit.profile.debuginfo) === JSON.stringify(artifact.profile.debuginfo) &&
    unit.profile.debug_assertions === artifact.profile.debug_assertions &&
    unit.profile.overflow_checks === artifact.profile.overflow_checks &&
    (unit.mode === 'test') === artifact.profile.test
  )
}

/**
 * Roles of every unit: a build script or proc-macro, and everything below it, serves the host. A proc-macro is
 * any target whose crate types list `proc-macro`, an example too (cargo's `Target::for_host`).
 */
function computeRoles(graph: UnitGraph): Set<CompileKind>[] {
  const roles = graph.units.map(() => new Set<CompileKind>())
  const visit = (index: number, role: CompileKind): void => {
    const unit = graph.units[index]
    if (unit === undefined) return
    const kind = targetKind(unit.target.kind)
    const effective: CompileKind = kind === 'custom-build' || unit.target.crate_types.includes('proc-macro') ? 'host' : role
    const set = roles[index]
    if (set === undefined || set.has(effective)) return
    set.add(effective)
    for (const dep of unit.dependencies) visit(dep.index, effective)
  }
  for (const root of graph.roots) visit(root, 'target')
  return roles
}

/** `… collision at <file>` since cargo 1.78; `… collision.` before, its note on the next line. */
const COLLISION = /^warning: output filename collision( at (.+)|\.)$/
const COLLISION_NOTE = /the (?:\S+ )?target `([^`]+)` in package `([^ ]+) v/gi
/** Cargo before 1.72 names no target: "could not compile `app` due to 2 previous errors". */
const COULD_NOT_COMPILE = /^error: could not compile `([^`]+)`(?: \((.+?)\))?(?: due to|;|$)/
const SCRIPT_FAILED = /^error: failed to run custom build command for `([^ `]+) v/

interface StderrFacts {
  /** The package, and the target's description when cargo names it (`bin "app"`, `lib test`). */
  couldNotCompile: { package: string; description: string | null }[]
  /** Package and target name of every unit named in a collision warning. */
  collisions: { package: string; target: string }[]
  /** Packages whose build script ran and failed. */
  scriptFailures: string[]
  warnings: string[]
}

function parseStderr(stderr: string): StderrFacts {
  const facts: StderrFacts = { couldNotCompile: [], collisions: [], scriptFailures: [], warnings: [] }
  const lines = stderr.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const failed = COULD_NOT_COMPILE.exec(line)
    if (failed?.[1] !== undefined) {
      facts.couldNotCompile.push({ package: failed[1], description: failed[2] ?? null })
      continue
    }
    const script = SCRIPT_FAILED.exec(line)?.[1]
    if (script !== undefined) facts.scriptFailures.push(script)
    if (line.startsWith('warning: ')) facts.warnings.push(line.slice('warning: '.length))
    const collision = COLLISION.exec(line)
    if (collision !== null) {
      // "= note: the lib target `a` in package `a v0.1.0 (…)` has the same output filename as the lib target `a` in …",
      // two lines down (one, before cargo 1.78).
      for (const note of (lines[collision[1] === '.' ? i + 1 : i + 2] ?? '').matchAll(COLLISION_NOTE)) {
        if (note[1] !== undefined && note[2] !== undefined) facts.collisions.push({ package: note[2], target: note[1] })
      }
    }
  }
  facts.warnings = [...new Set(facts.warnings)]
  return facts
}

// ---------------------------------------------------------------------------------------------
// Running executables

/** PATH without directories that only exist because cargo or rustup started us. */
function plainPath(value: string | undefined): string {
  return (value ?? '')
    .split(path.delimiter)
    .filter(dir => dir !== '' && !/[/\\]\.rustup[/\\]toolchains[/\\]/.test(dir) && !/[/\\]target[/\\](debug|release)([/\\]|$)/.test(dir))
    .join(path.delimiter)
}

/** The environment a user's shell would give the binary: no library path from cargo or rustup. */
export function directRunEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue
    if (key === 'LD_LIBRARY_PATH' || key === 'LD_PRELOAD' || key.startsWith('DYLD_') || key.startsWith('RUSTUP_') || key.startsWith('CARGO')) continue
    env[key] = value
  }
  env.PATH = plainPath(base.PATH)
  return env
}

/** How the executables of a target are started: directly, under wine (Windows), or not at all (wasm). */
export type Launcher = 'direct' | 'wine' | null

/** Debian's `wine` wrapper explains at length that wine32 is missing; none of it is the program's. */
const WINE_WRAPPER_HINT = /^(it looks like wine32 is missing|multiarch needs to be enabled|execute "dpkg --add-architecture|apt-get install wine32|as root, please)/
const WINE_ENV = { WINEDEBUG: 'err+module', WINEDLLOVERRIDES: 'mscoree,mshtml=' }

/**
 * Starts a wineserver that outlives each program for a while and creates wine's prefix once, before any
 * executable is timed: on a fresh machine the first start builds the prefix, which takes longer than any
 * program's time limit.
 */
export async function prepareWine(): Promise<void> {
  const env = directRunEnvironment()
  await new Promise<void>((resolve, reject) => {
    const child = spawn('wineserver', ['-p60'], { stdio: 'ignore', detached: true, env })
    child.on('error', error => reject(new Error(`executables run under wine, whose server could not be started: ${error.message}`)))
    child.on('spawn', () => {
      child.unref()
      resolve()
    })
  })
  const boot = await runProcess('wineboot', ['--init'], { cwd: os.tmpdir(), env: { ...env, ...WINE_ENV, WINEDEBUG: '-all' }, timeoutMs: 300_000 })
  if (boot.timedOut || boot.code !== 0) throw new Error(`wineboot --init failed (${boot.timedOut ? 'timed out' : `exit ${String(boot.code)}`}): ${boot.stderr.trim().split('\n')[0] ?? ''}`)
}

export function launcherFor(executable: string): Launcher {
  if (executable.endsWith('.exe')) return 'wine'
  if (executable.endsWith('.wasm') || executable.endsWith('.js')) return null
  return 'direct'
}

/** A library cargo built, from `buildDir` or its `deps/`; null when it built none of that name. */
async function readBuilt(buildDir: string, file: string): Promise<Buffer | null> {
  for (const dir of [buildDir, path.join(buildDir, 'deps')]) {
    const bytes = await readFile(path.join(dir, file)).catch(() => null)
    if (bytes !== null) return bytes
  }
  return null
}

/**
 * The DLLs that `missing` import, directly or through one another, found neither among `present` nor among
 * `missing`: each missing DLL's import table is read from cargo's copy of it (in `buildDir` or its `deps/`);
 * a DLL cargo did not build (the toolchain's, the system's) is not followed.
 */
async function importedBehind(missing: readonly string[], buildDir: string, present: ReadonlySet<string>): Promise<string[]> {
  const seen = new Set(missing.map(m => m.toLowerCase()))
  const found: string[] = []
  const queue = [...missing]
  while (queue.length > 0) {
    const bytes = await readBuilt(buildDir, queue.shift()!)
    for (const imported of bytes === null ? [] : peImports(bytes)) {
      const lower = imported.toLowerCase()
      if (seen.has(lower) || present.has(lower)) continue
      seen.add(lower)
      found.push(imported)
      queue.push(imported)
    }
  }
  return found.sort()
}

/** The DLL names in a PE file's import directory (PE32 or PE32+), or none when it is not one. */
export function peImports(bytes: Buffer): string[] {
  if (bytes.length < 0x40 || bytes.toString('latin1', 0, 2) !== 'MZ') return []
  const pe = bytes.readUInt32LE(0x3c)
  if (pe + 24 > bytes.length || bytes.toString('latin1', pe, pe + 4) !== 'PE\0\0') return []
  const sections = bytes.readUInt16LE(pe + 6)
  const optional = pe + 24
  const sectionTable = optional + bytes.readUInt16LE(pe + 20)
  // The data directories follow the optional header's fixed fields: 96 bytes in PE32, 112 in PE32+.
  const importDirectory = optional + (bytes.readUInt16LE(optional) === 0x20b ? 112 : 96) + 8
  if (importDirectory + 4 > bytes.length || sectionTable + sections * 40 > bytes.length) return []
  const offsetOf = (rva: number): number => {
    for (let i = 0; i < sections; i++) {
      const header = sectionTable + i * 40
      const start = bytes.readUInt32LE(header + 12)
      const size = Math.max(bytes.readUInt32LE(header + 8), bytes.readUInt32LE(header + 16))
      if (rva >= start && rva < start + size) return rva - start + bytes.readUInt32LE(header + 20)
    }
    return -1
  }
  const names: string[] = []
  // Import descriptors of 20 bytes each, ended by one whose name is 0.
  for (let at = offsetOf(bytes.readUInt32LE(importDirectory)); at >= 0 && at + 20 <= bytes.length; at += 20) {
    const name = offsetOf(bytes.readUInt32LE(at + 12))
    if (name < 0) break
    names.push(bytes.toString('latin1', name, bytes.indexOf(0, name)))
  }
  return names
}

/**
 * The libraries an ELF executable's loader will look for: its DT_NEEDED entries and, for each one cargo built
 * (in `buildDir` or its `deps/`), that library's, transitively. Null for a file that is not a 64-bit
 * little-endian ELF file.
 */
export async function elfLoads(executable: string, buildDir: string): Promise<string[] | null> {
  const own = elfNeeded(await readFile(executable))
  if (own === null) return null
  const seen = new Set(own)
  const queue = [...own]
  while (queue.length > 0) {
    const bytes = await readBuilt(buildDir, queue.shift()!)
    for (const needed of bytes === null ? [] : (elfNeeded(bytes) ?? [])) {
      if (seen.has(needed)) continue
      seen.add(needed)
      queue.push(needed)
    }
  }
  return [...seen].sort()
}

/** The DT_NEEDED entries of a 64-bit little-endian ELF file's dynamic section, or null for any other file. */
export function elfNeeded(bytes: Buffer): string[] | null {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 2 || bytes[5] !== 1) return null
  const sectionTable = Number(bytes.readBigUInt64LE(0x28))
  const entrySize = bytes.readUInt16LE(0x3a)
  const count = bytes.readUInt16LE(0x3c)
  const section = (i: number): { type: number; offset: number; size: number; link: number } => {
    const at = sectionTable + i * entrySize
    return { type: bytes.readUInt32LE(at + 4), offset: Number(bytes.readBigUInt64LE(at + 0x18)), size: Number(bytes.readBigUInt64LE(at + 0x20)), link: bytes.readUInt32LE(at + 0x28) }
  }
  const SHT_DYNAMIC = 6
  const DT_NEEDED = 1n
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const dynamic = section(i)
    if (dynamic.type !== SHT_DYNAMIC) continue
    const strings = section(dynamic.link).offset
    // Entries of 16 bytes (tag, value), ended by DT_NULL.
    for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.size; at += 16) {
      const tag = bytes.readBigInt64LE(at)
      if (tag === 0n) break
      if (tag !== DT_NEEDED) continue
      const name = strings + Number(bytes.readBigUInt64LE(at + 8))
      names.push(bytes.toString('latin1', name, bytes.indexOf(0, name)))
    }
  }
  return names
}

/** Runs the executable as a user would, without a library path; `copiedAlone` first copies it into an empty directory. */
export async function runExecutable(executable: string, cwd: string, copiedAlone: boolean): Promise<RunResult | undefined> {
  const launcher = launcherFor(executable)
  if (launcher === null) return undefined
  // Wine's start-up shares two cores with the parallel builds and suites.
  const timeoutMs = launcher === 'wine' ? 60_000 : 10_000
  let file = executable
  let scratch: string | null = null
  if (copiedAlone) {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'rlg-alone-'))
    file = path.join(scratch, path.basename(executable))
    // Copied synchronously: copied on a pool thread while other tasks start processes, about one copy in 300 of a
    // 6 MB executable could not be started (ETXTBSY, see `runProcess`); none in 1,800 copied on this thread.
    copyFileSync(executable, file)
  }
  try {
    const env = directRunEnvironment()
    const result =
      launcher === 'wine'
        ? await runProcess('wine', [file], { cwd, env: { ...env, ...WINE_ENV }, timeoutMs })
        : await runProcess(file, [], { cwd, env, timeoutMs })
    const lines = result.stderr.split('\n')
    const stderr = lines
      .filter(l => !/^[0-9a-f]{4}:(err|fixme):(winediag|ole|explorer)/.test(l) && !WINE_WRAPPER_HINT.test(l))
      .slice(0, 6)
      .join('\n')
      .trim()
    const dir = path.dirname(file)
    let outcome: RunResult['outcome']
    let missing: string[] = []
    let unsought: string[] = []
    if (result.timedOut) outcome = 'timed-out'
    else if (launcher === 'wine' && /status c0000135/.test(result.stderr)) {
      outcome = 'failed-to-start'
      const named = [...result.stderr.matchAll(/import_dll Library (\S+) \(which is needed by/g)].map(m => m[1] as string)
      const present = new Set((await readdir(dir)).map(f => f.toLowerCase()))
      missing = [...new Set(named)].filter(n => !present.has(n.toLowerCase())).sort()
      unsought = await importedBehind(missing, path.dirname(executable), present)
    } else if (result.code === 0) outcome = 'started'
    else if (launcher === 'direct' && result.code === 127 && stderr.includes('error while loading shared libraries')) {
      outcome = 'failed-to-start'
      const named = /error while loading shared libraries: ([^:]+):/.exec(stderr)?.[1]
      missing = named === undefined ? [] : [named]
    } else outcome = 'crashed'
    return { outcome, exitCode: result.code, signal: result.signal, missing, unsought, stderr }
  } finally {
    if (scratch !== null) await rm(scratch, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// The whole run

export interface CargoRunOptions {
  manifestPath: string
  invocation: CargoInvocation
  /** A directory that does not exist yet; the build's target directory. */
  targetDir: string
  /** `-j` for cargo. */
  jobs: number
  /** Cargo before 1.74 has `--keep-going` only behind `-Z unstable-options`. */
  unstableKeepGoing?: boolean
  timeoutMs?: number
}

export async function runCargo(options: CargoRunOptions): Promise<CargoOutcome> {
  const { manifestPath, invocation } = options
  const workspaceDir = path.dirname(manifestPath)
  const env = cargoEnvironment(invocation)
  const timeoutMs = options.timeoutMs ?? 600_000
  const anomalies: string[] = []

  // `cargo test` and `cargo bench` have no --keep-going: they stop starting units at the first failure (see
  // `not-attempted`).
  const command = invocation.command === 'build' ? ['build'] : [invocation.command, '--no-run']
  const keepGoing = invocation.command !== 'build' ? [] : options.unstableKeepGoing === true ? ['-Z', 'unstable-options', '--keep-going'] : ['--keep-going']
  // Lets an old stable cargo take `-Z unstable-options` without telling rustc anything (RUSTC_BOOTSTRAP would).
  const channel: Record<string, string> = options.unstableKeepGoing === true && keepGoing.length > 1 ? { __CARGO_TEST_CHANNEL_OVERRIDE_DO_NOT_USE_THIS: 'nightly' } : {}
  const graphDir = `${options.targetDir}-unit-graph`
  const graphRun = await runProcess(
    'cargo',
    [...command, '--offline', '--manifest-path', manifestPath, ...invocation.args, '--unit-graph', '-Z', 'unstable-options'],
    { cwd: workspaceDir, env: { ...env, RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: graphDir }, timeoutMs }
  )
  await rm(graphDir, { recursive: true, force: true })
  if (graphRun.code !== 0) {
    // Cargo refusing the command line (a named target whose required features are off, say) refuses it before
    // the unit graph too: nothing is built, and the refusal is the outcome.
    const refusal = graphRun.timedOut ? null : refusalOf(graphRun.stderr)
    if (refusal === null) throw new Error(`cargo --unit-graph failed for ${manifestPath}:\n${graphRun.stderr}`)
    const message = refusal.message.split(workspaceDir).join('<workspace>')
    return { invocation, workspaceDir, units: [], success: false, couldNotCompile: [], refusal: { message, package: refusal.package }, cargoWarnings: [], anomalies: [], buildMs: 0 }
  }
  const graph = parseUnitGraph(graphRun.stdout)

  await mkdir(path.dirname(options.targetDir), { recursive: true })
  const started = Date.now()
  const build = await runProcess(
    'cargo',
    [...command, '--offline', '--manifest-path', manifestPath, ...invocation.args, ...keepGoing, '--message-format', 'json', '-j', String(options.jobs)],
    { cwd: workspaceDir, env: { ...env, ...channel, CARGO_TARGET_DIR: options.targetDir }, timeoutMs }
  )
  const buildMs = Date.now() - started
  if (build.timedOut) throw new Error(`cargo build timed out after ${timeoutMs} ms for ${manifestPath} (${invocation.id})`)

  const messages = parseMessages(build.stdout, anomalies)
  const stderrFacts = parseStderr(build.stderr)
  const finished = messages.find((m): m is BuildFinished => m.reason === 'build-finished')
  const compiled = messages.some(m => m.reason === 'compiler-artifact' || m.reason === 'compiler-message')
  const refusal = finished === undefined && !compiled ? refusalOf(build.stderr) : null
  const outcome = attribute(graph, messages, stderrFacts, refusal === null ? anomalies : [], invocation.command !== 'build')
  if (refusal !== null) for (const unit of outcome) unit.doubt = 'cargo-refused'
  else if (finished === undefined) anomalies.push(`no build-finished message (exit ${String(build.code)}): ${build.stderr.split('\n').slice(-5).join(' | ')}`)

  for (const unit of outcome) {
    if (unit.status === 'ok' && unit.kind === 'bin' && unit.mode === 'build' && unit.executable !== null) {
      const run = await runExecutable(unit.executable, workspaceDir, false)
      if (run !== undefined) unit.run = run
      const copied = await runExecutable(unit.executable, workspaceDir, true)
      if (copied !== undefined) unit.runCopied = copied
      const loads = await elfLoads(unit.executable, path.dirname(unit.executable))
      if (loads !== null) unit.loads = loads
    }
  }

  // Temporary directories in texts would make reports differ from run to run.
  const placeholders = (text: string): string => text.split(options.targetDir).join('<target-dir>').split(workspaceDir).join('<workspace>')
  for (const unit of outcome) {
    unit.errors = unit.errors.map(placeholders)
    if (unit.run !== undefined) unit.run.stderr = placeholders(unit.run.stderr)
    if (unit.runCopied !== undefined) unit.runCopied.stderr = placeholders(unit.runCopied.stderr)
  }
  return {
    invocation,
    workspaceDir,
    units: outcome,
    success: finished?.success ?? false,
    couldNotCompile: stderrFacts.couldNotCompile.map(c => (c.description === null ? c.package : `${c.package} (${c.description})`)),
    ...(refusal === null ? {} : { refusal: { message: placeholders(refusal.message), package: refusal.package } }),
    cargoWarnings: [...new Set(stderrFacts.warnings.map(placeholders))],
    anomalies: anomalies.map(placeholders),
    buildMs
  }
}

/** cargo's first error line, and the package it names (`… for \`name v0.1.0 (…)\``), or null when it printed none. */
function refusalOf(stderr: string): { message: string; package: string | null } | null {
  const message = stderr.split('\n').find(line => line.startsWith('error: '))
  if (message === undefined) return null
  return { message: message.slice('error: '.length), package: /`([^ `]+) v\d/.exec(message)?.[1] ?? null }
}

/** Turns the unit graph plus the build's messages into one outcome per compile unit. */
function attribute(graph: UnitGraph, messages: readonly CargoMessage[], stderr: StderrFacts, anomalies: string[], stopsAtFailure: boolean): UnitOutcome[] {
  const roles = computeRoles(graph)
  const byTarget = new Map<string, number[]>()
  graph.units.forEach((unit, index) => {
    const key = targetKey(unit.pkg_id, unit.target)
    byTarget.set(key, [...(byTarget.get(key) ?? []), index])
  })

  // Artifacts: a target built twice (host and target copies) is told apart by its output directory
  // (with --target, target units write under target/<triple>/), then by the visible profile.
  const platforms = [...new Set(graph.units.map(u => u.platform).filter((p): p is string => p !== null))]
  const artifactOf = new Map<number, ArtifactMessage>()
  const doubts = new Map<number, Doubt>()
  const ambiguous: number[][] = []
  for (const message of messages) {
    if (message.reason !== 'compiler-artifact') continue
    const platform = artifactPlatform(message, platforms)
    const candidates = (byTarget.get(targetKey(message.package_id, message.target)) ?? []).filter(i => {
      const unit = graph.units[i]
      return unit !== undefined && unitMode(unit.mode) !== null && !artifactOf.has(i) && unit.platform === platform && sameVisibleProfile(unit, message)
    })
    const first = candidates[0]
    if (first === undefined) {
      anomalies.push(`artifact of ${message.target.name} (${message.package_id}) matches no unit of the unit graph`)
      continue
    }
    if (candidates.length > 1) ambiguous.push(candidates)
    artifactOf.set(first, message)
  }
  for (const group of ambiguous) {
    // When every copy produced an artifact, it does not matter which artifact went to which copy.
    if (!group.every(i => artifactOf.has(i))) for (const i of group) doubts.set(i, 'ambiguous-copy')
  }

  const errorsOf = new Map<string, string[]>()
  for (const message of messages) {
    if (message.reason !== 'compiler-message' || !message.message.level.startsWith('error')) continue
    const key = targetKey(message.package_id, message.target)
    const list = errorsOf.get(key) ?? []
    if (!list.includes(message.message.message)) list.push(message.message.message)
    errorsOf.set(key, list)
  }
  const scriptRuns = new Map<string, number>()
  for (const message of messages) {
    if (message.reason === 'build-script-executed') scriptRuns.set(message.package_id, (scriptRuns.get(message.package_id) ?? 0) + 1)
  }

  const waitedFor = (index: number): boolean => {
    const kind = graph.units[index]?.target.kind[0]
    return kind !== 'bin' && kind !== 'test'
  }
  // Status of every graph unit, build-script runs included, dependencies first.
  const status = new Map<number, UnitStatus>()
  const blockers = new Map<number, number[]>()
  const resolve = (index: number, stack: Set<number>): UnitStatus => {
    const known = status.get(index)
    if (known !== undefined) return known
    const unit = graph.units[index]
    if (unit === undefined || stack.has(index)) throw new Error(`bad unit graph at ${index}`)
    stack.add(index)
    // cargo's job queue does not wait for bins and tests a unit depends on (JobQueue::enqueue: they are
    // needed to run integration tests, not to compile them), so their failure blocks nothing.
    const failedDeps = unit.dependencies.filter(d => waitedFor(d.index) && resolve(d.index, stack) !== 'ok').map(d => d.index)
    stack.delete(index)
    let result: UnitStatus
    if (unit.mode === 'run-custom-build') {
      result = failedDeps.length > 0 ? 'blocked' : (scriptRuns.get(unit.pkg_id) ?? 0) > 0 ? 'ok' : 'error'
    } else if (artifactOf.has(index)) {
      result = 'ok'
    } else {
      result = failedDeps.length === 0 ? 'error' : 'blocked'
    }
    status.set(index, result)
    blockers.set(index, failedDeps)
    return result
  }
  graph.units.forEach((_, i) => resolve(i, new Set()))

  const notAttempted = new Set<number>()
  const stopped = stopsAtFailure && (stderr.couldNotCompile.length > 0 || stderr.scriptFailures.length > 0)
  graph.units.forEach((unit, index) => {
    if (stopped && unit.mode === 'run-custom-build' && status.get(index) === 'error' && !stderr.scriptFailures.includes(packageFromId(unit.pkg_id).name)) notAttempted.add(index)
  })
  // A unit may start on a dependency's metadata and then fail on its own before or after that
  // dependency fails; cargo names every unit that failed, so the names left over after the units
  // that must have been attempted are such units (which copy, when a target is built twice, is a guess).
  // Names without a description (cargo before 1.72) stand for any target of their package.
  const failureNames = new Map<string, number>()
  for (const c of stderr.couldNotCompile) {
    const name = `${c.package}\u0000${c.description ?? '*'}`
    failureNames.set(name, (failureNames.get(name) ?? 0) + 1)
  }
  const nameOf = (unit: UnitGraphUnit, mode: CompileMode): string => {
    const pkg = packageFromId(unit.pkg_id).name
    const exact = `${pkg}\u0000${cargoDescription(targetKind(unit.target.kind), unit.target.name, mode)}`
    return failureNames.has(exact) ? exact : `${pkg}\u0000*`
  }
  // A name without a description goes to a target with diagnostics of its own first.
  const diagnosed = (index: number): boolean => (errorsOf.get(targetKey(graph.units[index]!.pkg_id, graph.units[index]!.target))?.length ?? 0) > 0
  const order = graph.units.map((_, i) => i).sort((a, b) => Number(diagnosed(b)) - Number(diagnosed(a)) || a - b)
  for (const pass of ['error', 'blocked'] as const) {
    order.forEach(index => {
      const unit = graph.units[index]!
      const mode = unitMode(unit.mode)
      if (mode === null || status.get(index) !== pass) return
      const name = nameOf(unit, mode)
      const left = failureNames.get(name) ?? 0
      if (left > 0) {
        failureNames.set(name, left - 1)
        if (pass === 'blocked') {
          status.set(index, 'error')
          doubts.set(index, 'failed-after-dependency')
        }
      } else if (pass === 'error') {
        if (stopped) notAttempted.add(index)
        else anomalies.push(`${unit.target.name} (${unit.pkg_id}) did not build and was not blocked, yet cargo did not report it as failed`)
      }
    })
  }
  for (const [name, left] of failureNames) {
    if (left > 0) anomalies.push(`cargo reported ${left} failure(s) of ${name.replace('\u0000', ' ')} not matched to a unit`)
  }

  // A unit blocked only by units that were never started was never started either.
  const neverStarted = new Map<number, boolean>()
  const isNeverStarted = (index: number): boolean => {
    const known = neverStarted.get(index)
    if (known !== undefined) return known
    let value = notAttempted.has(index)
    if (!value && status.get(index) === 'blocked' && !doubts.has(index)) {
      const failed = blockers.get(index) ?? []
      value = failed.length > 0 && failed.every(isNeverStarted)
    }
    neverStarted.set(index, value)
    return value
  }
  graph.units.forEach((_, index) => {
    if (isNeverStarted(index)) doubts.set(index, 'not-attempted')
  })

  // Blockers seen through build-script runs: report the compile unit behind the run.
  const compileBlockers = (index: number): number[] => {
    const out = new Set<number>()
    for (const dep of blockers.get(index) ?? []) {
      const unit = graph.units[dep]
      if (unit?.mode === 'run-custom-build') for (const inner of compileBlockers(dep)) out.add(inner)
      else out.add(dep)
    }
    return [...out].sort((a, b) => a - b)
  }

  const colliding = new Set<number>()
  graph.units.forEach((unit, index) => {
    const pkg = packageFromId(unit.pkg_id).name
    if (unitMode(unit.mode) !== null && stderr.collisions.some(c => c.package === pkg && c.target === unit.target.name)) colliding.add(index)
  })
  const affected = new Map<number, boolean>()
  const raceAffected = (index: number): boolean => {
    const known = affected.get(index)
    if (known !== undefined) return known
    const unit = graph.units[index]
    const value = unit?.dependencies.some(d => colliding.has(d.index) || raceAffected(d.index)) ?? false
    affected.set(index, value)
    return value
  }

  const outcomes: UnitOutcome[] = []
  graph.units.forEach((unit, index) => {
    const mode = unitMode(unit.mode)
    if (mode === null) return
    const { name, version } = packageFromId(unit.pkg_id)
    const unitStatus = status.get(index) ?? 'blocked'
    const artifact = artifactOf.get(index)
    const outcome: UnitOutcome = {
      index,
      package: name,
      version,
      packageId: unit.pkg_id,
      target: unit.target.name,
      kind: targetKind(unit.target.kind),
      crateTypes: unit.target.crate_types,
      mode,
      features: unit.features,
      roles: (['host', 'target'] as const).filter(r => roles[index]?.has(r)),
      panic: unit.profile.panic,
      debuginfo: JSON.stringify(unit.profile.debuginfo),
      optLevel: unit.profile.opt_level,
      status: unitStatus,
      // A target's errors are those of its units together; a unit never started has none of its own.
      errors: unitStatus === 'error' && doubts.get(index) !== 'not-attempted' ? (errorsOf.get(targetKey(unit.pkg_id, unit.target)) ?? []) : [],
      blockedBy: unitStatus === 'blocked' ? compileBlockers(index) : [],
      executable: artifact?.executable ?? null,
      collision: colliding.has(index),
      raceAffected: raceAffected(index)
    }
    const doubt = doubts.get(index)
    if (doubt !== undefined) outcome.doubt = doubt
    outcomes.push(outcome)
  })
  return outcomes
}

/** One line per unit, for reports and the `--outcomes-only` mode. */
export function describeUnit(unit: UnitOutcome): string {
  const what = `${unit.package}/${unit.target} ${unit.kind}${unit.mode === 'test' ? ' test' : ''} [${unit.crateTypes.join(',')}] ${unit.roles.join('+')}`
  const extra: string[] = []
  if (unit.panic !== 'unwind') extra.push(`panic=${unit.panic}`)
  if (unit.collision) extra.push('output collision')
  if (unit.raceAffected) extra.push('race-affected')
  if (unit.doubt !== undefined) extra.push(DOUBT_TEXT[unit.doubt])
  const describeRun = (label: string, run: RunResult): string =>
    `${label}: ${run.outcome}${run.missing.length > 0 ? `, missing ${[...run.missing, ...run.unsought].join(' ')}` : run.outcome === 'started' ? '' : ` (${run.stderr.split('\n')[0] ?? ''})`}`
  if (unit.run !== undefined) extra.push(describeRun('run', unit.run))
  if (unit.runCopied !== undefined) extra.push(describeRun('copied alone', unit.runCopied))
  if (unit.status === 'error') extra.push(`errors: ${summarizeErrors(unit.errors).join(' | ')}`)
  return `${unit.status.padEnd(7)} ${what}${extra.length > 0 ? `  ${extra.join('; ')}` : ''}`
}

/**
 * Error messages with the per-crate repetitions of one failure collapsed: a duplicate `std` names
 * every standard-library crate in turn ("cannot satisfy dependencies so `core` only shows up once", …).
 */
export function summarizeErrors(errors: readonly string[]): string[] {
  const out: string[] = []
  const groups = new Map<string, string[]>()
  for (const error of errors) {
    const shape = error.replace(/`[^`]*`/, '`_`')
    const crate = /`([^`]*)`/.exec(error)?.[1]
    if (shape !== error && crate !== undefined) {
      const list = groups.get(shape)
      if (list === undefined) {
        groups.set(shape, [crate])
        out.push(shape)
      } else list.push(crate)
    } else if (!out.includes(error)) out.push(error)
  }
  return out.map(shape => {
    const crates = groups.get(shape)
    if (crates === undefined) return shape
    const shown = crates.length > 3 ? `${crates.slice(0, 3).join('`, `')}\` and ${crates.length - 3} more` : `${crates.join('`, `')}\``
    return shape.replace('`_`', `\`${shown}`)
  })
}

import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../src/cli/args.js'
import { type ConfigFileInput, mergeCargoConfig } from '../src/config/cargo-config.js'
import { resolveProfile } from '../src/config/profiles.js'
import { describeError, UserError } from '../src/errors.js'
import { readCargoConfig } from '../src/gather/cargo-config.js'
import { gateReport, loadPolicy } from '../src/gather/policy-files.js'
import { readEventContext, readPullRequestContext } from '../src/github/context.js'
import { parseActionInputs } from '../src/inputs.js'
import { formatSize, INPUT_LIMITS, MAX_METADATA_BYTES, MAX_STDERR_BYTES } from '../src/limits.js'
import { parseMetadata } from '../src/metadata/parse.js'
import { parseBaseline } from '../src/policy/baseline.js'
import { parsePolicy } from '../src/policy/policy.js'
import { parseTomlDocument } from '../src/toml/document.js'
import { parseToolchainFile } from '../src/toolchain/pin.js'
import { actionStep } from './support/action-step.js'
import { withBuiltinsGuarded } from './support/builtins.js'
import { corpusFile } from './support/corpus.js'
import { makeFinding, makeReport } from './support/reports.js'

/**
 * Bad input never crashes: each malformed file, flag or input below ends the run with one line that names
 * the file, field or input at fault (a `UserError`; exit code 2 from the CLI, `::error::` and exit 1 from the
 * action), never a stack trace or an "internal error". Most cases call the parser directly; every category
 * also goes through the bundled CLI or action at least once.
 */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const ACTION = path.join(REPO, 'dist', 'index.js')
const FIXTURES = path.join(REPO, '__tests__', 'fixtures', 'workspaces')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-malformed-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

type Json = any

/** A line of a Node.js stack trace. */
const STACK_FRAME = /^\s+at .+/m

interface Case {
  name: string
  run: () => unknown
  /** What the one line must name: the file, the field (JSON or TOML path), the flag or the input. */
  names: readonly (string | RegExp)[]
}

const NOT_THROWN = Symbol('not thrown')

/** Runs a case and checks it fails the way a user should see it; returns the line shown to the user. */
function expectUserError(run: () => unknown, names: readonly (string | RegExp)[]): string {
  // A parser must never write onto a built-in object (a TOML key `__proto__`, say); the guard undoes it.
  const { error, threw, changed } = withBuiltinsGuarded(run)
  expect({ builtinsChanged: changed }).toEqual({ builtinsChanged: [] })
  const thrown: unknown = threw ? error : NOT_THROWN
  if (thrown === NOT_THROWN) throw new Error('the input was accepted; expected a UserError naming the problem')
  if (!(thrown instanceof UserError)) {
    const e = thrown instanceof Error ? thrown : new Error(String(thrown))
    const frame = e.stack?.split('\n').find(l => STACK_FRAME.test(l))?.trim() ?? ''
    throw new Error(`expected a UserError, got ${e.name}: ${e.message.slice(0, 300)} (${frame})`)
  }
  expect(thrown.message).not.toMatch(STACK_FRAME)
  const line = describeError(thrown).message
  expect(line).not.toMatch(/[\r\n]/)
  expect(line).not.toMatch(/^internal error/)
  for (const name of names) {
    if (typeof name === 'string') expect(line).toContain(name)
    else expect(line).toMatch(name)
  }
  return line
}

function runCases(cases: readonly Case[]): void {
  it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
    expectUserError(c.run, c.names)
  })
}

/** Every table of this file, counted for the size of the corpus. */
const COUNTS: Record<string, number> = {}
function register(category: string, cases: readonly Case[], endToEnd = 0): readonly Case[] {
  COUNTS[category] = (COUNTS[category] ?? 0) + cases.length + endToEnd
  return cases
}

// ---------------------------------------------------------------------------------------------------------
// Running the bundles

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const k of Object.keys(env)) {
    if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('CARGO_') || k === 'RUSTFLAGS' || k === 'RUSTUP_TOOLCHAIN') delete env[k]
  }
  return env
}

interface Outcome {
  status: number | null
  stdout: string
  stderr: string
  /** How long the bundle ran, and its peak memory (resident, KiB) where GNU time can measure it. */
  ms: number
  peakKiB: number | null
}

/** GNU time, for the peak memory of a bundle (the largest of it and the programs it waited for). */
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null

/** Runs a bundle with node, timed and measured. */
function runBundle(bundle: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Outcome {
  settled(bundle)
  const peakFile = path.join(tmp, `peak-${Math.random().toString(36).slice(2)}.txt`)
  const [command, argv] = GNU_TIME === null ? [process.execPath, [bundle, ...args]] : [GNU_TIME, ['-f', '%M', '-o', peakFile, process.execPath, bundle, ...args]]
  const started = Date.now()
  const r = spawnSync(command, argv, { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 })
  const ms = Date.now() - started
  // GNU time ends its report with the peak, after a line about a non-zero exit status.
  const peak = GNU_TIME === null || !fs.existsSync(peakFile) ? null : Number(fs.readFileSync(peakFile, 'utf8').trim().split('\n').pop())
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms, peakKiB: peak !== null && Number.isFinite(peak) ? peak : null }
}

/** The bounds every oversized input and output flood must end within. */
function expectBounded(r: Outcome): void {
  expect({ ms: r.ms, withinFiveSeconds: r.ms < 5000 }).toEqual({ ms: r.ms, withinFiveSeconds: true })
  if (r.peakKiB !== null) expect({ peakMiB: Math.round(r.peakKiB / 1024), under512MiB: r.peakKiB < 512 * 1024 }).toEqual({ peakMiB: Math.round(r.peakKiB / 1024), under512MiB: true })
}

/** Waits (up to a minute) while a bundle is being rebuilt: missing, or written less than a second ago. */
function settled(bundle: string): string {
  const until = Date.now() + 60_000
  for (;;) {
    const stat = fs.statSync(bundle, { throwIfNoEntry: false })
    if ((stat !== undefined && Date.now() - stat.mtimeMs > 1000) || Date.now() > until) return bundle
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
  }
}

function cli(args: string[], cwd = tmp, extraEnv: Record<string, string> = {}): Outcome {
  return runBundle(CLI, args, cwd, { ...cleanEnv(), ...extraEnv })
}

/** A usage or input error of the CLI: exit code 2 (3 for a tool) and exactly one line `error: …` naming what is at fault. */
function expectCliError(r: Outcome, names: readonly (string | RegExp)[], status = 2): string {
  const lines = r.stderr.split('\n').filter(l => l !== '')
  expect(lines).toHaveLength(1)
  const line = lines[0]!
  expect(line).toMatch(/^error: /)
  expect(line).not.toContain('internal error')
  expect(r.stderr).not.toMatch(STACK_FRAME)
  for (const name of names) {
    if (typeof name === 'string') expect(line).toContain(name)
    else expect(line).toMatch(name)
  }
  expect(r.status).toBe(status)
  return line
}

interface ActionOutcome extends Outcome {
  outputs: Record<string, string>
}

function runAction(inputs: Record<string, string>, workspace: string, extraEnv: Record<string, string> = {}): ActionOutcome {
  const step = actionStep({ workspace, inputs, scratch: tmp, base: cleanEnv(), env: extraEnv })
  const r = runBundle(ACTION, [], workspace, step.env)
  return { ...r, outputs: step.written().outputs }
}

/** An input error of the action: exit code 1, `verdict=error`, and one `::error::` line naming what is at fault. */
function expectActionError(r: ActionOutcome, names: readonly (string | RegExp)[]): string {
  const errors = r.stdout.split('\n').filter(l => l.startsWith('::error'))
  expect(errors).toHaveLength(1)
  const line = errors[0]!
  expect(line).toMatch(/^::error::/)
  expect(line).not.toContain('internal error')
  expect(r.stdout).not.toMatch(STACK_FRAME)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  for (const name of names) {
    if (typeof name === 'string') expect(line).toContain(name)
    else expect(line).toMatch(name)
  }
  expect(r.status).toBe(1)
  expect(r.outputs.verdict).toBe('error')
  return line
}

function write(file: string, content: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

// ---------------------------------------------------------------------------------------------------------
// 1. Metadata

const HYPER_FILE = corpusFile('guppy-hyper-util-7afb1ed.json')
const HYPER_TEXT = fs.readFileSync(HYPER_FILE, 'utf8')
const HYPER: Json = JSON.parse(HYPER_TEXT)
const SRC = 'hyper-util.json'

const pkgIndex = (name: string): number => {
  const i = HYPER.packages.findIndex((p: Json) => p.name === name)
  if (i < 0) throw new Error(`no package ${name} in the corpus file`)
  return i
}
const nodeIndex = (name: string): number => HYPER.resolve.nodes.findIndex((n: Json) => n.id === HYPER.packages[pkgIndex(name)].id)

const TOKIO = pkgIndex('tokio')
const HTTPARSE = pkgIndex('httparse')
const ROOT = pkgIndex('hyper-util')
const P = `packages[${TOKIO}]`
const N_TOKIO = nodeIndex('tokio')
const N_ROOT = nodeIndex('hyper-util')
const NT = `resolve.nodes[${N_TOKIO}]`
const NR = `resolve.nodes[${N_ROOT}]`
const ROOT_ID: string = HYPER.packages[ROOT].id

/** The corpus file with one change, parsed from text. */
function hyper(change: (d: Json) => void): () => unknown {
  return () => {
    const d = structuredClone(HYPER)
    change(d)
    return parseMetadata(JSON.stringify(d), SRC)
  }
}

const metaCase = (name: string, change: (d: Json) => void, field: string, problem?: string): Case => ({
  name,
  run: hyper(change),
  names: [`${SRC}: ${field}: `, ...(problem === undefined ? [] : [problem])]
})

// Cut at 34 points spread over the file (never at its end), plus a few chosen spots.
const CUTS = [
  ...Array.from({ length: 34 }, (_, k) => Math.floor((HYPER_TEXT.length * (k + 1)) / 36)),
  1,
  HYPER_TEXT.indexOf('"packages"') + 5,
  HYPER_TEXT.indexOf('"resolve"') + 12,
  HYPER_TEXT.indexOf('\\') + 1,
  HYPER_TEXT.trimEnd().length - 1
]

const METADATA_TRUNCATED: Case[] = CUTS.map(at => ({
  name: `the corpus file cut at byte ${at} of ${HYPER_TEXT.length}`,
  run: () => parseMetadata(HYPER_TEXT.slice(0, at), SRC),
  names: [`${SRC}: not valid JSON (`]
}))

const invalidJson = (name: string, text: string): Case => ({ name, run: () => parseMetadata(text, SRC), names: [`${SRC}: not valid JSON (`] })

const METADATA_INVALID_JSON: Case[] = [
  invalidJson('a trailing comma after the last member', HYPER_TEXT.replace(/}\s*$/, ',}')),
  invalidJson('a // comment before the document', `// cargo metadata\n${HYPER_TEXT}`),
  invalidJson('a byte-order mark before the document', `\ufeff${HYPER_TEXT}`),
  invalidJson('NaN as the format version', HYPER_TEXT.replace('"version":1', '"version":NaN').replace('"version": 1', '"version": NaN')),
  invalidJson('a raw line break inside a string', '{"version": 1, "workspace_root": "/a\nb"}'),
  invalidJson('a raw NUL inside a string', '{"version": 1, "workspace_root": "/a\u0000b"}'),
  invalidJson('a bad escape inside a string', '{"version": 1, "workspace_root": "C:\\work"}'),
  invalidJson('two documents back to back (cargo metadata run twice)', `${HYPER_TEXT}${HYPER_TEXT}`),
  invalidJson('hexadecimal number', '{"version": 0x1}'),
  invalidJson('cargo warnings printed before the JSON', `warning: unused manifest key: package.foo\n${HYPER_TEXT}`),
  invalidJson('only whitespace', ' \n\t\r\n '),
  invalidJson('binary garbage', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')
]

const METADATA_TYPES: Case[] = [
  metaCase('version 1.5', d => (d.version = 1.5), 'version', 'expected format version 1, got 1.5'),
  metaCase('version [1]', d => (d.version = [1]), 'version', 'expected format version 1'),
  metaCase('version 0 (an old format)', d => (d.version = 0), 'version', 'expected format version 1, got 0'),
  metaCase('version null', d => (d.version = null), 'version', 'got null'),
  metaCase('version "1.0"', d => (d.version = '1.0'), 'version', 'got "1.0"'),
  metaCase('packages null', d => (d.packages = null), 'packages', 'expected an array, got null'),
  metaCase('packages a number', d => (d.packages = 87), 'packages', 'got number 87'),
  metaCase('packages keyed by id (an object)', d => (d.packages = Object.fromEntries(d.packages.map((p: Json) => [p.id, p]))), 'packages', 'got an object'),
  metaCase('a package that is an array', d => (d.packages[TOKIO] = []), P, 'expected an object, got an array'),
  metaCase('a package that is true', d => (d.packages[TOKIO] = true), P, 'got boolean true'),
  metaCase('targets null', d => (d.packages[TOKIO].targets = null), `${P}.targets`, 'got null'),
  metaCase('targets a string', d => (d.packages[TOKIO].targets = 'lib'), `${P}.targets`, 'got string "lib"'),
  metaCase('a target that is null', d => (d.packages[TOKIO].targets[2] = null), `${P}.targets[2]`, 'got null'),
  metaCase('a target that is an array', d => (d.packages[TOKIO].targets[2] = [d.packages[TOKIO].targets[2]]), `${P}.targets[2]`, 'got an array'),
  metaCase('kind null', d => (d.packages[TOKIO].targets[1].kind = null), `${P}.targets[1].kind`, 'got null'),
  metaCase('kind nested in an array', d => (d.packages[TOKIO].targets[1].kind = [['test']]), `${P}.targets[1].kind[0]`, 'got an array'),
  metaCase('kind an object', d => (d.packages[TOKIO].targets[0].kind = { lib: true }), `${P}.targets[0].kind`, 'got an object'),
  metaCase('crate_types a string', d => (d.packages[TOKIO].targets[0].crate_types = 'lib'), `${P}.targets[0].crate_types`, 'got string "lib"'),
  metaCase('crate_types an array-like object', d => (d.packages[TOKIO].targets[0].crate_types = { 0: 'lib', length: 1 }), `${P}.targets[0].crate_types`, 'got an object'),
  metaCase('crate_types with a number', d => (d.packages[TOKIO].targets[0].crate_types = ['lib', 2]), `${P}.targets[0].crate_types[1]`, 'got number 2'),
  metaCase('src_path a number', d => (d.packages[TOKIO].targets[0].src_path = 42), `${P}.targets[0].src_path`, 'got number 42'),
  metaCase('src_path null', d => (d.packages[TOKIO].targets[3].src_path = null), `${P}.targets[3].src_path`, 'got null'),
  metaCase('target name an array', d => (d.packages[TOKIO].targets[0].name = ['tokio']), `${P}.targets[0].name`, 'got an array'),
  metaCase('target test 1', d => (d.packages[TOKIO].targets[0].test = 1), `${P}.targets[0].test`, 'expected true or false, got number 1'),
  metaCase('target test "false"', d => (d.packages[TOKIO].targets[1].test = 'false'), `${P}.targets[1].test`, 'got string "false"'),
  metaCase('required-features with true', d => (d.packages[TOKIO].targets[1]['required-features'] = [true]), `${P}.targets[1].required-features[0]`, 'got boolean true'),
  metaCase('required-features null', d => (d.packages[TOKIO].targets[1]['required-features'] = null), `${P}.targets[1].required-features`, 'got null'),
  metaCase('dependencies a string', d => (d.packages[TOKIO].dependencies = 'tokio-macros'), `${P}.dependencies`, 'got string'),
  metaCase('dependencies null', d => (d.packages[TOKIO].dependencies = null), `${P}.dependencies`, 'got null'),
  metaCase('a declared dependency null', d => (d.packages[TOKIO].dependencies[0] = null), `${P}.dependencies[0]`, 'got null'),
  metaCase('a declared dependency kind 1', d => (d.packages[TOKIO].dependencies[0].kind = 1), `${P}.dependencies[0].kind`, 'unknown dependency kind 1'),
  metaCase('a declared dependency kind "Dev"', d => (d.packages[TOKIO].dependencies[0].kind = 'Dev'), `${P}.dependencies[0].kind`, 'unknown dependency kind "Dev"'),
  metaCase('a declared dependency kind "normal " with a space', d => (d.packages[TOKIO].dependencies[0].kind = 'normal '), `${P}.dependencies[0].kind`, 'unknown dependency kind "normal "'),
  metaCase('a declared dependency name null', d => (d.packages[TOKIO].dependencies[1].name = null), `${P}.dependencies[1].name`, 'got null'),
  metaCase('a declared dependency rename true', d => (d.packages[TOKIO].dependencies[1].rename = true), `${P}.dependencies[1].rename`, 'got boolean true'),
  metaCase('a declared dependency target a number', d => (d.packages[TOKIO].dependencies[1].target = 7), `${P}.dependencies[1].target`, 'got number 7'),
  metaCase('package name a number', d => (d.packages[TOKIO].name = 62), `${P}.name`, 'got number 62'),
  metaCase('package id null', d => (d.packages[TOKIO].id = null), `${P}.id`, 'got null'),
  metaCase('package version a number', d => (d.packages[TOKIO].version = 1.7), `${P}.version`, 'got number 1.7'),
  metaCase('manifest_path an object', d => (d.packages[TOKIO].manifest_path = {}), `${P}.manifest_path`, 'got an object'),
  metaCase('source an array', d => (d.packages[TOKIO].source = []), `${P}.source`, 'got an array'),
  metaCase('rust_version true', d => (d.packages[TOKIO].rust_version = true), `${P}.rust_version`, 'got boolean true'),
  metaCase('publish a string', d => (d.packages[TOKIO].publish = 'crates-io'), `${P}.publish`, 'got string "crates-io"'),
  metaCase('publish an object', d => (d.packages[TOKIO].publish = {}), `${P}.publish`, 'got an object'),
  metaCase('workspace_members a string', d => (d.workspace_members = ROOT_ID), 'workspace_members', 'got string'),
  metaCase('workspace_members with null', d => (d.workspace_members = [null]), 'workspace_members[0]', 'got null'),
  metaCase('workspace_default_members a string', d => (d.workspace_default_members = ROOT_ID), 'workspace_default_members', 'got string'),
  metaCase('workspace_root null', d => (d.workspace_root = null), 'workspace_root', 'got null'),
  metaCase('workspace_root an array', d => (d.workspace_root = ['/']), 'workspace_root', 'got an array'),
  metaCase('target_directory false', d => (d.target_directory = false), 'target_directory', 'got boolean false'),
  metaCase('resolve a string', d => (d.resolve = 'graph'), 'resolve', 'got string "graph"'),
  metaCase('resolve a number', d => (d.resolve = 1), 'resolve', 'got number 1'),
  metaCase('resolve false', d => (d.resolve = false), 'resolve', 'got boolean false'),
  metaCase('resolve.nodes null', d => (d.resolve.nodes = null), 'resolve.nodes', 'got null'),
  metaCase('resolve.nodes an object', d => (d.resolve.nodes = {}), 'resolve.nodes', 'got an object'),
  metaCase('a resolve node that is a string', d => (d.resolve.nodes[N_TOKIO] = 'tokio'), NT, 'got string "tokio"'),
  metaCase('a resolve node id a number', d => (d.resolve.nodes[N_TOKIO].id = 5), `${NT}.id`, 'got number 5'),
  metaCase('deps a string', d => (d.resolve.nodes[N_TOKIO].deps = 'bytes'), `${NT}.deps`, 'got string "bytes"'),
  metaCase('deps null', d => (d.resolve.nodes[N_TOKIO].deps = null), `${NT}.deps`, 'got null'),
  metaCase('a dep that is null', d => (d.resolve.nodes[N_TOKIO].deps[0] = null), `${NT}.deps[0]`, 'got null'),
  metaCase('a dep pkg a number', d => (d.resolve.nodes[N_TOKIO].deps[0].pkg = 5), `${NT}.deps[0].pkg`, 'got number 5'),
  metaCase('a dep name null', d => (d.resolve.nodes[N_TOKIO].deps[0].name = null), `${NT}.deps[0].name`, 'got null'),
  metaCase('dep_kinds null', d => (d.resolve.nodes[N_ROOT].deps[0].dep_kinds = null), `${NR}.deps[0].dep_kinds`, 'got null'),
  metaCase('dep_kinds empty', d => (d.resolve.nodes[N_ROOT].deps[0].dep_kinds = []), `${NR}.deps[0].dep_kinds`, 'is empty'),
  metaCase('a dep_kinds entry null', d => (d.resolve.nodes[N_ROOT].deps[0].dep_kinds[1] = null), `${NR}.deps[0].dep_kinds[1]`, 'got null'),
  metaCase('a dep_kinds kind "test"', d => (d.resolve.nodes[N_ROOT].deps[0].dep_kinds[1].kind = 'test'), `${NR}.deps[0].dep_kinds[1].kind`, 'unknown dependency kind "test"'),
  metaCase('a dep_kinds target an array', d => (d.resolve.nodes[N_ROOT].deps[7].dep_kinds[0].target = []), `${NR}.deps[7].dep_kinds[0].target`, 'got an array'),
  metaCase('a dep_kinds target a number', d => (d.resolve.nodes[N_ROOT].deps[7].dep_kinds[0].target = 64), `${NR}.deps[7].dep_kinds[0].target`, 'got number 64'),
  metaCase('node features with a number', d => (d.resolve.nodes[N_TOKIO].features = ['rt', 1]), `${NT}.features[1]`, 'got number 1'),
  metaCase('node features an object', d => (d.resolve.nodes[N_TOKIO].features = { default: [] }), `${NT}.features`, 'got an object'),
  metaCase('resolve.root an array', d => (d.resolve.root = [ROOT_ID]), 'resolve.root', 'got an array'),
  metaCase('resolve.root false', d => (d.resolve.root = false), 'resolve.root', 'got boolean false')
]

const METADATA_MISSING: Case[] = [
  metaCase('no version', d => delete d.version, 'version', 'got undefined'),
  metaCase('a target without kind', d => delete d.packages[TOKIO].targets[0].kind, `${P}.targets[0].kind`, 'missing (expected an array)'),
  metaCase('a target without crate_types', d => delete d.packages[TOKIO].targets[2].crate_types, `${P}.targets[2].crate_types`, 'missing'),
  metaCase('a target without src_path', d => delete d.packages[TOKIO].targets[0].src_path, `${P}.targets[0].src_path`, 'missing (expected a string)'),
  metaCase('a target without name', d => delete d.packages[TOKIO].targets[4].name, `${P}.targets[4].name`, 'missing'),
  metaCase('a package without version', d => delete d.packages[TOKIO].version, `${P}.version`, 'missing'),
  metaCase('a package without name', d => delete d.packages[HTTPARSE].name, `packages[${HTTPARSE}].name`, 'missing'),
  metaCase('a package without id', d => delete d.packages[HTTPARSE].id, `packages[${HTTPARSE}].id`, 'missing'),
  metaCase('a package without manifest_path', d => delete d.packages[ROOT].manifest_path, `packages[${ROOT}].manifest_path`, 'missing'),
  metaCase('no workspace_members', d => delete d.workspace_members, 'workspace_members', 'missing'),
  metaCase('no workspace_root', d => delete d.workspace_root, 'workspace_root', 'missing'),
  metaCase('no target_directory', d => delete d.target_directory, 'target_directory', 'missing'),
  metaCase('a resolve node without id', d => delete d.resolve.nodes[N_TOKIO].id, `${NT}.id`, 'missing'),
  metaCase('a resolve node without deps or dependencies', d => {
    delete d.resolve.nodes[N_TOKIO].deps
    delete d.resolve.nodes[N_TOKIO].dependencies
  }, `${NT}.dependencies`, 'missing (expected an array)'),
  metaCase('a dep without pkg', d => delete d.resolve.nodes[N_ROOT].deps[2].pkg, `${NR}.deps[2].pkg`, 'missing'),
  metaCase('a dep without name', d => delete d.resolve.nodes[N_ROOT].deps[2].name, `${NR}.deps[2].name`, 'missing'),
  metaCase('no resolve node for the workspace member', d => d.resolve.nodes.splice(N_ROOT, 1), 'resolve.nodes', 'has no resolve node'),
  metaCase('no resolve.nodes', d => delete d.resolve.nodes, 'resolve.nodes', 'missing')
]

const METADATA_KINDS: Case[] = [
  metaCase('crate type "rlib " with a trailing space', d => (d.packages[TOKIO].targets[0].crate_types = ['rlib ']), `${P}.targets[0].crate_types`, 'unknown crate type `rlib `'),
  metaCase('crate type "RLIB"', d => (d.packages[TOKIO].targets[0].crate_types = ['RLIB']), `${P}.targets[0].crate_types`, 'unknown crate type `RLIB`'),
  metaCase('crate type ""', d => (d.packages[TOKIO].targets[0].crate_types = ['']), `${P}.targets[0].crate_types`, 'unknown crate type ``'),
  metaCase('crate type with a line break', d => (d.packages[TOKIO].targets[0].crate_types = ['lib\nbin']), `${P}.targets[0].crate_types`, 'unknown crate type `lib\\nbin`'),
  metaCase('target kind "library"', d => (d.packages[TOKIO].targets[0].kind = ['library']), `${P}.targets[0].kind`, 'unknown target kind `library`'),
  metaCase('target kind "proc_macro"', d => (d.packages[TOKIO].targets[0].kind = ['proc_macro']), `${P}.targets[0].kind`, 'unknown target kind `proc_macro`'),
  metaCase('target kind ""', d => (d.packages[TOKIO].targets[0].kind = ['']), `${P}.targets[0].kind`, 'unknown target kind ``'),
  metaCase('target kinds lib + bin', d => (d.packages[TOKIO].targets[0].kind = ['lib', 'bin']), `${P}.targets[0].kind`, 'target kind `bin` cannot be combined'),
  metaCase('target kinds example + test', d => (d.packages[TOKIO].targets[1].kind = ['example', 'test']), `${P}.targets[1].kind`, 'cannot be combined'),
  metaCase('a test target with crate types bin, bin', d => (d.packages[TOKIO].targets[1].crate_types = ['bin', 'bin']), `${P}.targets[1].crate_types`, 'must have crate type `bin`'),
  metaCase('a build script with crate type lib', d => (d.packages[HTTPARSE].targets[3].crate_types = ['lib']), `packages[${HTTPARSE}].targets[3].crate_types`, 'custom-build target'),
  metaCase('a cdylib kind with crate type bin', d => {
    d.packages[TOKIO].targets[0].kind = ['cdylib']
    d.packages[TOKIO].targets[0].crate_types = ['bin']
  }, `${P}.targets[0].crate_types`, 'cannot have crate type `bin`'),
  metaCase('two library targets in the workspace member', d => d.packages[ROOT].targets.push({ ...d.packages[ROOT].targets[0], name: 'second' }), `packages[${ROOT}].targets`, 'more than one library target')
]

const METADATA_DANGLING: Case[] = [
  metaCase('a workspace member of another version', d => (d.workspace_members[0] = ROOT_ID.replace('0.1.6', '0.1.7')), 'workspace_members[0]', 'unknown package id'),
  metaCase('a default member with a trailing space', d => (d.workspace_default_members = [`${ROOT_ID} `]), 'workspace_default_members[0]', 'unknown package id'),
  metaCase('a resolve node for a version not in packages', d => (d.resolve.nodes[N_TOKIO].id = 'registry+https://github.com/rust-lang/crates.io-index#tokio@9.9.9'), `${NT}.id`, 'unknown package id'),
  metaCase('a dep on the empty id', d => (d.resolve.nodes[N_ROOT].deps[3].pkg = ''), `${NR}.deps[3].pkg`, 'unknown package id ``'),
  metaCase('a dep on an id in the old `name version (source)` form', d => (d.resolve.nodes[N_ROOT].deps[3].pkg = 'tokio 1.38.0 (registry+https://github.com/rust-lang/crates.io-index)'), `${NR}.deps[3].pkg`, 'unknown package id'),
  metaCase('resolve.root upper-cased', d => (d.resolve.root = ROOT_ID.toUpperCase()), 'resolve.root', 'unknown package id'),
  metaCase('old-form dependencies naming a removed package', d => {
    delete d.resolve.nodes[N_TOKIO].deps
    d.resolve.nodes[N_TOKIO].dependencies = ['registry+https://github.com/rust-lang/crates.io-index#gone@1.0.0']
  }, `${NT}.dependencies[0]`, 'unknown package id'),
  metaCase('a package listed twice', d => d.packages.push(structuredClone(d.packages[TOKIO])), `packages[${HYPER.packages.length}].id`, 'duplicate package id'),
  metaCase('a resolve node listed twice', d => d.resolve.nodes.push(structuredClone(d.resolve.nodes[N_TOKIO])), `resolve.nodes[${HYPER.resolve.nodes.length}].id`, 'duplicate resolve node'),
  {
    name: 'a package removed but still depended on',
    run: hyper(d => {
      d.packages.splice(pkgIndex('bytes'), 1)
      d.resolve.nodes.splice(nodeIndex('bytes'), 1)
    }),
    names: [`${SRC}: resolve.nodes[`, '.pkg: unknown package id `registry+https://github.com/rust-lang/crates.io-index#bytes@']
  }
]

const BIG = 'x'.repeat(10 * 1024 * 1024)
const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n)

const METADATA_SIZES: Case[] = [
  { name: 'a package that is a 10 MB string', run: hyper(d => (d.packages[TOKIO] = BIG)), names: [`${SRC}: ${P}: expected an object, got string "xxxx`] },
  { name: 'a 10 MB string as the format version', run: hyper(d => (d.version = BIG)), names: [`${SRC}: version: expected format version 1`] },
  { name: 'a 10 MB id in workspace_members', run: hyper(d => (d.workspace_members = [BIG])), names: [`${SRC}: workspace_members[0]: unknown package id`] },
  { name: 'packages nested 100,000 arrays deep', run: () => parseMetadata(`{"version":1,"workspace_members":[],"workspace_root":"/w","target_directory":"/w/t","packages":${deep(100_000)}}`, SRC), names: [`${SRC}: packages[0]: expected an object, got an array`] },
  { name: 'a document nested 100,000 objects deep', run: () => parseMetadata('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), SRC), names: [`${SRC}: version: `] },
  { name: '1,000,000 unclosed brackets', run: () => parseMetadata('['.repeat(1_000_000), SRC), names: [`${SRC}: not valid JSON (`] },
  {
    name: 'a dep_kinds target nested 100,000 arrays deep',
    run: () => {
      const d = structuredClone(HYPER)
      d.resolve.nodes[N_ROOT].deps[7].dep_kinds[0].target = '@@DEEP@@'
      return parseMetadata(JSON.stringify(d).replace('"@@DEEP@@"', deep(100_000)), SRC)
    },
    names: [`${SRC}: ${NR}.deps[7].dep_kinds[0].target: expected a string, got an array`]
  },
  { name: '100,000 packages, the last depending on a missing one', run: () => parseMetadata(JSON.stringify(manyPackages(100_000, true)), SRC), names: [`${SRC}: resolve.nodes[99999].deps[0].pkg: unknown package id`] }
]

function manyPackages(n: number, dangling: boolean): Json {
  const id = (i: number) => `path+file:///w/p${i}#0.1.0`
  const packages = Array.from({ length: n }, (_, i) => ({
    name: `p${i}`,
    version: '0.1.0',
    id: id(i),
    source: null,
    dependencies: [],
    targets: [{ kind: ['lib'], crate_types: ['lib'], name: `p${i}`, src_path: `/w/p${i}/src/lib.rs` }],
    manifest_path: `/w/p${i}/Cargo.toml`
  }))
  const nodes = packages.map((p, i) => ({
    id: p.id,
    deps: dangling && i === n - 1 ? [{ name: 'gone', pkg: 'path+file:///w/gone#0.1.0', dep_kinds: [{ kind: null, target: null }] }] : [],
    features: []
  }))
  return { version: 1, packages, workspace_members: [id(0)], resolve: { nodes, root: null }, workspace_root: '/w', target_directory: '/w/target' }
}

/** A small workspace: each package has a lib; `deps` lists normal (or dev/build) edges between them. */
function workspaceDoc(names: string[], edges: [string, string, ('dev' | 'build' | null)?][], members = [names[0]!]): Json {
  const id = (n: string) => `path+file:///w/${n}#0.1.0`
  const packages = names.map(name => ({
    name,
    version: '0.1.0',
    id: id(name),
    source: null,
    dependencies: edges
      .filter(([from]) => from === name)
      .map(([, to, kind]) => ({ name: to, source: null, req: '*', kind: kind ?? null, rename: null, target: null })),
    targets: [
      { kind: ['lib'], crate_types: ['lib'], name, src_path: `/w/${name}/src/lib.rs`, test: true },
      ...(edges.some(([from, , kind]) => from === name && kind === 'build')
        ? [{ kind: ['custom-build'], crate_types: ['bin'], name: 'build-script-build', src_path: `/w/${name}/build.rs`, test: false }]
        : [])
    ],
    manifest_path: `/w/${name}/Cargo.toml`
  }))
  const nodes = names.map(name => ({
    id: id(name),
    deps: edges.filter(([from]) => from === name).map(([, to, kind]) => ({ name: to.replace(/-/g, '_'), pkg: id(to), dep_kinds: [{ kind: kind ?? null, target: null }] })),
    features: []
  }))
  return { version: 1, packages, workspace_members: members.map(id), resolve: { nodes, root: null }, workspace_root: '/w', target_directory: '/w/target' }
}

describe('1. metadata (--metadata-file)', () => {
  runCases(register('metadata', METADATA_TRUNCATED))
  runCases(register('metadata', METADATA_INVALID_JSON))
  runCases(register('metadata', METADATA_TYPES))
  runCases(register('metadata', METADATA_MISSING))
  runCases(register('metadata', METADATA_KINDS))
  runCases(register('metadata', METADATA_DANGLING))
  runCases(register('metadata', METADATA_SIZES))

  it('the unchanged corpus file, and 100,000 packages without dependencies, are accepted', () => {
    expect(parseMetadata(HYPER_TEXT, SRC).packages.size).toBe(HYPER.packages.length)
    const started = Date.now()
    expect(parseMetadata(JSON.stringify(manyPackages(100_000, false)), SRC).packages.size).toBe(100_000)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('a 100,000-level deep value in a field the loader does not read is accepted', () => {
    const text = HYPER_TEXT.replace(/}\s*$/, `,"unread":${deep(100_000)}}`)
    expect(parseMetadata(text, SRC).packages.size).toBe(HYPER.packages.length)
  })

  describe('through the CLI', () => {
    const file = (name: string, doc: Json | string): string => write(path.join(tmp, 'metadata', name), typeof doc === 'string' ? doc : JSON.stringify(doc))
    register('metadata', [], 12)

    it('a truncated corpus file: exit 2, one line naming the file', () => {
      const f = file('truncated.json', HYPER_TEXT.slice(0, 100_000))
      expectCliError(cli(['--metadata-file', f]), [f, 'not valid JSON'])
    })

    it('`resolve: null` in the corpus file: exit 2, one line naming `resolve` and --no-deps', () => {
      const d = structuredClone(HYPER)
      d.resolve = null
      const f = file('no-deps.json', d)
      expectCliError(cli(['--metadata-file', f]), [f, 'resolve', '--no-deps'])
    })

    it('a wrong type deep in the corpus file: exit 2, one line naming the JSON path', () => {
      const d = structuredClone(HYPER)
      d.packages[TOKIO].targets[0].crate_types = 'lib'
      const f = file('wrong-type.json', d)
      expectCliError(cli(['--metadata-file', f]), [f, `${P}.targets[0].crate_types`])
    })

    it('a metadata file that does not exist, and one that is a directory: exit 2, one line naming it', () => {
      expectCliError(cli(['--metadata-file', path.join(tmp, 'nope.json')]), ['nope.json'])
      const dir = path.join(tmp, 'metadata-dir.json')
      fs.mkdirSync(dir, { recursive: true })
      expectCliError(cli(['--metadata-file', dir]), ['metadata-dir.json'])
    })

    it('an invalid cfg() in a dep_kinds target: exit 2, one line naming the manifest and the platform', () => {
      const d = structuredClone(HYPER)
      d.resolve.nodes[N_ROOT].deps[7].dep_kinds[0].target = 'cfg(any(target_os = "linux"'
      d.resolve.nodes[N_ROOT].deps[7].dep_kinds[0].kind = null
      const f = file('bad-cfg.json', d)
      expectCliError(cli(['--metadata-file', f, '--workspace']), [HYPER.packages[ROOT].manifest_path, 'invalid platform'])
    })

    it('metadata without dep_kinds (cargo before 1.41) runs in the documented reduced mode, with a note in the report', () => {
      const d = structuredClone(HYPER)
      for (const node of d.resolve.nodes) for (const dep of node.deps) delete dep.dep_kinds
      const f = file('no-dep-kinds.json', d)
      const r = cli(['--metadata-file', f, '--workspace', '--format', 'json'])
      expect(r.stderr).toBe('')
      expect([0, 1]).toContain(r.status)
      const report = JSON.parse(r.stdout)
      expect(report.notes.join('\n')).toContain('predates `dep_kinds`')
    })

    it('a dev-dependency cycle (which cargo allows) is analysed', () => {
      const f = file('dev-cycle.json', workspaceDoc(['a', 'b'], [['a', 'b', 'dev'], ['b', 'a']], ['a', 'b']))
      for (const command of ['build', 'test']) {
        const r = cli(['--metadata-file', f, '--workspace', '--command', command, '--format', 'json'])
        expect(r.stderr).toBe('')
        expect(r.status).toBe(0)
      }
    })

    // cargo refuses these graphs ("cyclic package dependency"), so only a hand-made file has them; the
    // analysis must still end with one line naming the metadata file, not an internal error.
    it.each([
      ['a normal-dependency cycle a → b → a', workspaceDoc(['a', 'b'], [['a', 'b'], ['b', 'a']])],
      ['a package depending on itself', workspaceDoc(['a'], [['a', 'a']])],
      ['a three-package cycle', workspaceDoc(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']])],
      ['a build-dependency cycle through the build script', workspaceDoc(['a', 'b'], [['a', 'b', 'build'], ['b', 'a']])]
    ])('%s: exit 2, one line naming the metadata file', (name, doc) => {
      const f = file(`cycle-${name.replace(/\W+/g, '-')}.json`, doc)
      expectCliError(cli(['--metadata-file', f, '--workspace']), [path.basename(f)])
    })

    it('a dependency chain 5,000 packages deep is analysed, or refused in one line naming the file', () => {
      const names = Array.from({ length: 5000 }, (_, i) => `p${i}`)
      const f = file('chain.json', workspaceDoc(names, names.slice(1).map((n, i) => [names[i]!, n] as [string, string])))
      const r = cli(['--metadata-file', f, '--workspace', '--format', 'json'])
      expect(r.stderr).not.toContain('internal error')
      if (r.status === 2) expectCliError(r, [path.basename(f)])
      else expect([0, 1]).toContain(r.status)
    })
  })
})

// ---------------------------------------------------------------------------------------------------------
// 2. Policy files

const POLICY = 'policy.toml'
const allow = (extra: string): string => `[[allow]]\nrule = "runtime-dylib"\nreason = "loaded at run time"\n${extra}`
const policyCase = (name: string, text: string, ...names: (string | RegExp)[]): Case => ({ name, run: () => parsePolicy(text, POLICY), names })
const invalidUtf8 = (bytes: number[]): string => Buffer.from(bytes).toString('utf8')

const POLICY_CASES: Case[] = [
  policyCase('exact-toolchain a number', 'exact-toolchain = 1.95\n', `${POLICY}:1: exact-toolchain: expected a string, got 1.95`),
  policyCase('exact-toolchain empty', 'exact-toolchain = ""\n', `${POLICY}:1: exact-toolchain: must not be empty`),
  policyCase('exact-toolchain blank', 'exact-toolchain = "   "\n', `${POLICY}:1: exact-toolchain: must not be empty`),
  policyCase('exact-toolchain "stable" (moves)', 'exact-toolchain = "stable"\n', `${POLICY}:1: exact-toolchain: expected an exact release`),
  policyCase('exact-toolchain "nightly" (moves)', 'exact-toolchain = "nightly"\n', `${POLICY}:1: exact-toolchain:`, '"nightly"'),
  policyCase('exact-toolchain "1.95" (a minor release)', '\nexact-toolchain = "1.95"\n', `${POLICY}:2: exact-toolchain:`, '"1.95"'),
  policyCase('exact-toolchain with four numbers', 'exact-toolchain = "1.95.0.1"\n', `${POLICY}:1: exact-toolchain:`, '"1.95.0.1"'),
  policyCase('exact-toolchain with a line break inside', 'exact-toolchain = "1.95.0\\nnightly"\n', `${POLICY}:1: exact-toolchain:`, '"1.95.0\\nnightly"'),
  policyCase('exact-toolchain a TOML date', 'exact-toolchain = 2026-05-20\n', `${POLICY}:1: exact-toolchain:`, '"2026-05-20"'),
  policyCase('exact-toolchain true', 'exact-toolchain = true\n', `${POLICY}:1: exact-toolchain: expected a string, got true`),
  policyCase('exact-toolchain an array', 'exact-toolchain = ["1.95.0"]\n', `${POLICY}:1: exact-toolchain: expected a string, got an array`),
  policyCase('exact-toolchain a table', '[exact-toolchain]\nchannel = "1.95.0"\n', `${POLICY}:1: exact-toolchain: expected a string, got a table`),
  policyCase('exact-toolchain "v1.95.0"', 'exact-toolchain = "v1.95.0"\n', `${POLICY}:1: exact-toolchain:`),
  policyCase('a severity in an array', '[rules]\nruntime-dylib = ["error"]\n', `${POLICY}:2: rules.runtime-dylib:`, 'got an array'),
  policyCase('a severity true', '[rules]\nruntime-dylib = true\n', `${POLICY}:2: rules.runtime-dylib:`, 'got true'),
  policyCase('a severity "Error" (case)', '[rules]\nruntime-dylib = "Error"\n', `${POLICY}:2: rules.runtime-dylib:`, 'got "Error"'),
  policyCase('a severity ""', '[rules]\nruntime-dylib = ""\n', `${POLICY}:2: rules.runtime-dylib:`, 'got ""'),
  policyCase('a severity as a table', '[rules.runtime-dylib]\nseverity = "error"\n', `${POLICY}:1: rules.runtime-dylib:`, 'got a table'),
  policyCase('rules an array', 'rules = []\n', `${POLICY}:1: rules: expected a table`),
  policyCase('[[rules]] instead of [rules]', '[[rules]]\nruntime-dylib = "error"\n', `${POLICY}:1: rules: expected a table`, 'got an array'),
  policyCase('an empty rule id', '[rules]\n"" = "off"\n', `${POLICY}:2: rules."": unknown rule id`),
  policyCase('a rule id with a space', '[rules]\n"runtime dylib" = "off"\n', `${POLICY}:2: rules."runtime dylib": unknown rule id`),
  policyCase('a rule id in upper case', '[rules]\nRUNTIME-DYLIB = "off"\n', `${POLICY}:2: rules.RUNTIME-DYLIB: unknown rule id`),
  policyCase('allow a string', 'allow = "runtime-dylib"\n', `${POLICY}:1: allow: expected an array of tables`),
  policyCase('allow an array of numbers', 'allow = [1, 2]\n', `${POLICY}:1: allow[0]: expected a table, got 1`),
  policyCase('allow an array of arrays', 'allow = [[]]\n', `${POLICY}:1: allow[0]: expected a table, got an array`),
  policyCase('allow rule a number', '[[allow]]\nrule = 5\nreason = "x"\n', `${POLICY}:2: allow[0].rule: expected a string, got 5`),
  policyCase('allow rule empty', '[[allow]]\nrule = ""\nreason = "x"\n', `${POLICY}:2: allow[0].rule: must not be empty`),
  policyCase('allow reason a number', '[[allow]]\nrule = "runtime-dylib"\nreason = 5\n', `${POLICY}:3: allow[0].reason: expected a string, got 5`),
  policyCase('allow reason an array', '[[allow]]\nrule = "runtime-dylib"\nreason = ["a", "b"]\n', `${POLICY}:3: allow[0].reason: expected a string, got an array`),
  policyCase('allow target true', allow('target = true\n'), `${POLICY}:4: allow[0].target: expected a string, got true`),
  policyCase('allow package an array', allow('package = ["host"]\n'), `${POLICY}:4: allow[0].package: expected a string, got an array`),
  policyCase('allow crate a table', allow('crate = {}\n'), `${POLICY}:4: allow[0].crate: expected a string, got a table`),
  policyCase('allow key `Rule` (case)', '[[allow]]\nRule = "runtime-dylib"\n', `${POLICY}:2: allow[0].Rule: unknown key`),
  policyCase('expires an offset date-time', allow('expires = 2027-06-30T00:00:00Z\n'), `${POLICY}:4: allow[0].expires: expected a date such as 2027-06-30`),
  policyCase('expires a local time', allow('expires = 12:00:00\n'), `${POLICY}:4: allow[0].expires:`, '"12:00:00"'),
  policyCase('expires "2027-6-30"', allow('expires = "2027-6-30"\n'), `${POLICY}:4: allow[0].expires:`, '"2027-6-30"'),
  policyCase('expires month 00', allow('expires = "2027-00-10"\n'), `${POLICY}:4: allow[0].expires: "2027-00-10" is not a calendar date`),
  policyCase('expires month 13', allow('expires = "2027-13-01"\n'), `${POLICY}:4: allow[0].expires: "2027-13-01" is not a calendar date`),
  policyCase('expires on 31 April', allow('expires = "2027-04-31"\n'), `${POLICY}:4: allow[0].expires: "2027-04-31" is not a calendar date`),
  policyCase('expires on 29 February of a common year', allow('expires = 2027-02-29\n'), `${POLICY}:4:20: invalid TOML`),
  policyCase('expires a number', allow('expires = 20270630\n'), `${POLICY}:4: allow[0].expires: expected a date such as 2027-06-30, got 20270630`),
  policyCase('expires with full-width digits', allow('expires = "２０２７-06-30"\n'), `${POLICY}:4: allow[0].expires:`),
  policyCase('a duplicate key', '[rules]\nruntime-dylib = "error"\nruntime-dylib = "off"\n', `${POLICY}:3:`, 'invalid TOML'),
  policyCase('a duplicate table', '[rules]\nruntime-dylib = "error"\n[rules]\nduplicate-linkage = "off"\n', `${POLICY}:3:`, 'invalid TOML'),
  policyCase('a key redefined as a table', 'rules = {}\n[rules]\n', `${POLICY}:2:`, 'invalid TOML'),
  policyCase('an unterminated string', '[rules]\nruntime-dylib = "error\n', `${POLICY}:2:`, 'invalid TOML'),
  policyCase('an unterminated multi-line string', `[[allow]]\nrule = "runtime-dylib"\nreason = """\n${'because\n'.repeat(100)}`, `${POLICY}:`, 'invalid TOML'),
  policyCase('an invalid escape', allow('package = "a\\qb"\n'), `${POLICY}:4:`, 'invalid TOML'),
  policyCase('an escaped lone surrogate', allow('package = "\\uD800"\n'), `${POLICY}:4:`, 'invalid TOML'),
  policyCase('an unclosed table header', '[rules\nruntime-dylib = "off"\n', `${POLICY}:2:1: invalid TOML`),
  policyCase('a value without a key', '= "off"\n', `${POLICY}:1:`, 'invalid TOML'),
  policyCase('a NUL byte in a comment', '# owner\u0000\n[rules]\n', `${POLICY}:1:`, 'invalid TOML'),
  policyCase('a raw DEL inside a string', allow('package = "a\u007fb"\n'), `${POLICY}:4:`, 'invalid TOML'),
  policyCase('binary garbage', '\u0000\u0001\u0002\u00ff\u00fe\u0089PNG\r\n\u001a\n', POLICY, 'invalid TOML'),
  policyCase('invalid UTF-8 in a key', invalidUtf8([0x5b, 0x72, 0x75, 0x6c, 0x65, 0x73, 0x5d, 0x0a, 0xff, 0xfe, 0x20, 0x3d, 0x20, 0x22, 0x6f, 0x66, 0x66, 0x22, 0x0a]), `${POLICY}:2:`, 'invalid TOML'),
  policyCase('invalid UTF-8 in a string (read as U+FFFD)', invalidUtf8([...Buffer.from('[rules]\n"runtime-dylib'), 0xc3, 0x28, ...Buffer.from('" = "off"\n')]), `${POLICY}:2: rules."runtime-dylib`, 'unknown rule id'),
  policyCase('a byte-order mark before an invalid file', '\ufeff[rules]\nruntime-dylib = "fatal"\n', `${POLICY}:1:1: invalid TOML`),
  policyCase('a UTF-16 file (read as UTF-8)', Buffer.from('\ufeff[rules]\n', 'utf16le').toString('utf8'), POLICY, 'invalid TOML'),
  policyCase('a lone carriage return as a line break', '[rules]\rruntime-dylib = "off"\r', `${POLICY}:1:`, 'invalid TOML'),
  policyCase('a 1 MB file whose last entry is wrong', `${allow('package = "a"\n\n').repeat(20_000)}[[allow]]\nrule = "runtime-dylib"\n`, `${POLICY}:100001: allow[20000]: \`reason\` is required`),
  policyCase('a 1 MB line', `exact-toolchain = "${'9'.repeat(1_000_000)}"\n`, `${POLICY}:1: exact-toolchain:`),
  policyCase('JSON instead of TOML', '{"rules": {"runtime-dylib": "off"}}\n', `${POLICY}:1:`, 'invalid TOML'),
  policyCase('YAML instead of TOML', 'rules:\n  runtime-dylib: off\n', `${POLICY}:1:`, 'invalid TOML'),
  policyCase('a `__proto__` top-level table (names the key)', '[__proto__]\nrules = 1\n', `${POLICY}:1: __proto__: unknown key`),
  policyCase('a `constructor` table inside [rules] (names the key)', '[rules.constructor]\nname = "x"\n', `${POLICY}:1: rules.constructor: unknown rule id`),
  policyCase('a `__proto__` key in an allow entry (names the key)', allow('__proto__ = "x"\n'), `${POLICY}:4: allow[0].__proto__: unknown key`),
  policyCase('a `__proto__.__proto__` dotted key (names the file)', '__proto__.__proto__.rules = 1\n', `${POLICY}:1: __proto__`)
]

describe('2. policy files', () => {
  runCases(register('policy', POLICY_CASES))

  register('policy', [], 3)
  it('through the CLI: binary garbage, invalid UTF-8 and a directory given as --policy each end in one line naming the file', () => {
    const meta = corpusFile('guppy-proc-macro1.json')
    const garbage = write(path.join(tmp, 'policy', 'garbage.toml'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))
    expectCliError(cli(['--metadata-file', meta, '--policy', garbage]), ['garbage.toml', 'invalid TOML'])
    const utf8 = write(path.join(tmp, 'policy', 'latin1.toml'), Buffer.from('[[allow]]\nrule = "runtime-dylib"\nreason = "caf\xe9"\nexpires = "soon"\n', 'latin1'))
    expectCliError(cli(['--metadata-file', meta, '--policy', utf8]), ['latin1.toml:4: allow[0].expires'])
    const dir = path.join(tmp, 'policy', 'dir.toml')
    fs.mkdirSync(dir, { recursive: true })
    expectCliError(cli(['--metadata-file', meta, '--policy', dir]), ['policy file', 'dir.toml'])
  })
})

// ---------------------------------------------------------------------------------------------------------
// 3. Baselines

const BASE = 'base.json'
const REPORT_TEXT = JSON.stringify(makeReport({ findings: [makeFinding(), makeFinding({ rule: 'runtime-dylib', severity: 'warning', crates: ['libdy.so'] })] }), null, 2)
const baselineCase = (name: string, text: string, ...names: (string | RegExp)[]): Case => ({ name, run: () => parseBaseline(text, BASE), names })
const report = (findings: unknown): string => JSON.stringify({ version: 1, findings })

const BASELINE_CASES: Case[] = [
  ...[0.1, 0.3, 0.5, 0.7, 0.95].map(f =>
    baselineCase(`a JSON report cut at ${Math.round(f * 100)}%`, REPORT_TEXT.slice(0, Math.floor(REPORT_TEXT.length * f)), `${BASE}: not a JSON report (invalid JSON`)
  ),
  baselineCase('an empty file', '', `${BASE}: not a JSON report (invalid JSON`),
  baselineCase('only whitespace', '  \n\n', `${BASE}: not a JSON report (invalid JSON`),
  baselineCase('two byte-order marks', '\ufeff\ufeff{"version": 1, "findings": []}', `${BASE}: not a JSON report (invalid JSON at position 0`),
  baselineCase('a // comment', '// base\n{"version": 1, "findings": []}', `${BASE}: not a JSON report (invalid JSON at position 0: line 1, column 1)`),
  baselineCase('a trailing comma', '{"version": 1, "findings": [],}', `${BASE}: not a JSON report (invalid JSON at position 30`),
  baselineCase('JSON null', 'null', `${BASE}: not a JSON report (expected an object at the top level, got null)`),
  baselineCase('JSON true', 'true', `${BASE}: not a JSON report (expected an object at the top level, got true)`),
  baselineCase('a JSON string', '"report"', `${BASE}: not a JSON report (expected an object at the top level, got "report")`),
  baselineCase('version "1"', '{"version": "1", "findings": []}', `${BASE}: \`version\` is "1", and only 1 and 2 are supported`),
  baselineCase('version null', '{"version": null, "findings": []}', `${BASE}: \`version\` is null, and only 1 and 2 are supported`),
  baselineCase('version 0', '{"version": 0, "findings": []}', `${BASE}: \`version\` is 0, and only 1 and 2 are supported`),
  baselineCase('a SARIF log with runs as an object', '{"version": "2.1.0", "runs": {}}', `${BASE}: \`version\` is "2.1.0", and only 1 and 2 are supported`),
  baselineCase('no findings', '{"version": 1}', `${BASE}: findings: expected an array, got nothing`),
  baselineCase('findings null', '{"version": 1, "findings": null}', `${BASE}: findings: expected an array, got null`),
  baselineCase('findings a string', '{"version": 1, "findings": "none"}', `${BASE}: findings: expected an array, got "none"`),
  baselineCase('a finding null', report([null]), `${BASE}: findings[0]: expected an object, got null`),
  baselineCase('a finding an array', report([{ rule: 'r', fingerprint: 'a' }, []]), `${BASE}: findings[1]: expected an object, got an array`),
  baselineCase('a finding without rule', report([{ fingerprint: 'a' }]), `${BASE}: findings[0].rule: expected a string, got nothing`),
  baselineCase('a rule null', report([{ rule: null, fingerprint: 'a' }]), `${BASE}: findings[0].rule: expected a string, got null`),
  baselineCase('a fingerprint null', report([{ rule: 'r', fingerprint: null }]), `${BASE}: findings[0].fingerprint: expected a string, got null`),
  baselineCase('a fingerprint an object', report([{ rule: 'r', fingerprint: {} }]), `${BASE}: findings[0].fingerprint: expected a string, got an object`),
  baselineCase('crates a string', report([{ rule: 'r', crates: 'std' }]), `${BASE}: findings[0].crates: expected an array of strings, got "std"`),
  baselineCase('crates an object', report([{ rule: 'r', crates: { 0: 'std' } }]), `${BASE}: findings[0].crates: expected an array of strings, got an object`),
  baselineCase('a crate null', report([{ rule: 'r', crates: [null] }]), `${BASE}: findings[0].crates[0]: expected a string, got null`),
  baselineCase('kind a number', report([{ rule: 'r', crates: [], kind: 3 }]), `${BASE}: findings[0].kind: expected a string, got 3`),
  baselineCase('mode an array', report([{ rule: 'r', crates: [], mode: [] }]), `${BASE}: findings[0].mode: expected a string, got an array`),
  baselineCase('crateType true', report([{ rule: 'r', crates: [], crateType: true }]), `${BASE}: findings[0].crateType: expected a string, got true`),
  baselineCase('platform null', report([{ rule: 'r', crates: [], platform: null }]), `${BASE}: findings[0].platform: expected a string, got null`),
  baselineCase('target a number', report([{ rule: 'r', crates: [], target: 1 }]), `${BASE}: findings[0].target: expected a string, got 1`),
  baselineCase('1,000,000 unclosed brackets', '['.repeat(1_000_000), `${BASE}: not a JSON report (invalid JSON: the file ends too early)`),
  baselineCase('findings nested 100,000 arrays deep', `{"version":1,"findings":[${deep(100_000)}]}`, `${BASE}: findings[0]: expected an object, got an array`),
  baselineCase('a 10 MB rule name that is not a string', `{"version":1,"findings":[{"rule":[${JSON.stringify(BIG)}]}]}`, `${BASE}: findings[0].rule: expected a string, got an array`),
  baselineCase('a 10 MB version string', `{"version":${JSON.stringify(BIG)},"findings":[]}`, `${BASE}: \`version\` is a string, and only 1 and 2 are supported`),
  baselineCase('the finding 50,000 of a long report is wrong', report([...Array.from({ length: 50_000 }, (_, i) => ({ rule: 'r', fingerprint: String(i) })), { rule: 'r', fingerprint: 7 }]), `${BASE}: findings[50000].fingerprint`)
]

describe('3. baselines', () => {
  runCases(register('baseline', BASELINE_CASES))

  register('baseline', [], 1)
  it('through the CLI: a truncated --baseline ends in one line naming it', () => {
    const file = write(path.join(tmp, 'baseline', 'cut.json'), REPORT_TEXT.slice(0, 200))
    expectCliError(cli(['--metadata-file', corpusFile('guppy-proc-macro1.json'), '--baseline', file]), ['cut.json', 'not a JSON report'])
  })
})

// ---------------------------------------------------------------------------------------------------------
// 4. Toolchain files

const TOML_PIN = '/repo/rust-toolchain.toml'
const LEGACY_PIN = '/repo/rust-toolchain'
const pinCase = (name: string, text: string, file: string, ...names: (string | RegExp)[]): Case => ({ name, run: () => parseToolchainFile(text, file), names })

const TOOLCHAIN_CASES: Case[] = [
  pinCase('components a string', '[toolchain]\nchannel = "stable"\ncomponents = "rustfmt"\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.components\` must be an array of strings`),
  pinCase('components with a number', '[toolchain]\nchannel = "stable"\ncomponents = ["rustfmt", 1]\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.components\``, 'at index 1'),
  pinCase('targets a string', '[toolchain]\nchannel = "stable"\ntargets = "wasm32-unknown-unknown"\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.targets\` must be an array of strings`),
  pinCase('targets nested', '[toolchain]\nchannel = "stable"\ntargets = [["wasm32-unknown-unknown"]]\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.targets\``, 'found an array at index 0'),
  pinCase('channel true', '[toolchain]\nchannel = true\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\` must be a string, found the boolean true`),
  pinCase('channel a table', '[toolchain.channel]\nname = "stable"\n', TOML_PIN, `${TOML_PIN}:1: \`toolchain.channel\` must be a string, found a table`),
  pinCase('channel with a comment inside the quotes', '[toolchain]\nchannel = "1.95.0 # pinned"\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\``, 'contains whitespace'),
  pinCase('channel with a line break', '[toolchain]\nchannel = "1.95.0\\nnightly"\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\``, 'contains whitespace'),
  pinCase('channel "../x"', '[toolchain]\nchannel = "../x"\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\` \`../x\` is not a valid toolchain name`),
  pinCase('channel "/"', '[toolchain]\nchannel = "/"\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\` \`/\` is not a valid toolchain name`),
  pinCase('channel "none/"', '[toolchain]\nchannel = "none/"\n', TOML_PIN, `${TOML_PIN}:2:`, 'is not a valid toolchain name'),
  pinCase('path a number', '[toolchain]\npath = 5\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.path\` must be a string, found the number 5`),
  pinCase('path relative with ./', '[toolchain]\npath = "./toolchains/rust"\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.path\` must be an absolute path`),
  pinCase('path with profile', '[toolchain]\npath = "/opt/rust"\nprofile = "minimal"\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.profile\` cannot be used with \`toolchain.path\``),
  pinCase('path with components', '[toolchain]\npath = "/opt/rust"\ncomponents = ["clippy"]\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.components\` cannot be used with \`toolchain.path\``),
  pinCase('profile a number', '[toolchain]\nchannel = "stable"\nprofile = 3\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.profile\` must be a string, found the number 3`),
  pinCase('profile "full"', '[toolchain]\nchannel = "stable"\nprofile = "full"\n', TOML_PIN, `${TOML_PIN}:3: unknown \`toolchain.profile\` \`full\``),
  pinCase('toolchain an array', 'toolchain = ["stable"]\n', TOML_PIN, `${TOML_PIN}:1: \`toolchain\` must be a table, found an array`),
  pinCase('[[toolchain]]', '[[toolchain]]\nchannel = "stable"\n', TOML_PIN, `${TOML_PIN}:1: \`toolchain\` must be a table, found an array`),
  pinCase('only comments', '# pinned by CI\n# channel = "stable"\n', TOML_PIN, `${TOML_PIN}:1: missing the \`[toolchain]\` table`),
  pinCase('only blank lines', '\n\n\n', TOML_PIN, `${TOML_PIN}:1: missing the \`[toolchain]\` table`),
  pinCase('an empty [toolchain]', '[toolchain]\n', TOML_PIN, `${TOML_PIN}:1: \`[toolchain]\` sets none of`),
  pinCase('invalid TOML', '[toolchain\nchannel = "stable"\n', TOML_PIN, `${TOML_PIN}:2:1: invalid TOML`),
  pinCase('a one-line name in rust-toolchain.toml', 'stable\n', TOML_PIN, `${TOML_PIN}:2:1: invalid TOML`),
  pinCase('binary garbage', '\u0000\u0001\u00ff\n\u0089PNG\n', TOML_PIN, TOML_PIN, 'invalid TOML'),
  pinCase('channel an inline table', '[toolchain]\nchannel = { name = "stable" }\n', TOML_PIN, `${TOML_PIN}:2: \`toolchain.channel\` must be a string, found a table`),
  pinCase('legacy: two names on one line', 'stable beta\n', LEGACY_PIN, `${LEGACY_PIN}:1: toolchain name \`stable beta\` contains whitespace`),
  pinCase('legacy: a relative path', 'toolchains/rust\n', LEGACY_PIN, `${LEGACY_PIN}:1: toolchain name \`toolchains/rust\` is not a valid toolchain name`),
  pinCase('legacy: none', 'none', LEGACY_PIN, `${LEGACY_PIN}:1: toolchain name \`none\` is not a valid toolchain name`),
  pinCase('legacy: two lines of names (read as TOML)', 'stable\nbeta\n', LEGACY_PIN, `${LEGACY_PIN}:`, 'invalid TOML'),
  pinCase('legacy: only whitespace on one line', ' \t ', LEGACY_PIN, `${LEGACY_PIN}:1: the toolchain file is empty`),
  pinCase('legacy: a Windows relative path', 'toolchains\\rust\r\n', LEGACY_PIN, `${LEGACY_PIN}:1:`, 'is not a valid toolchain name'),
  pinCase('targets with an inline table', '[toolchain]\nchannel = "stable"\ntargets = [{ triple = "x" }]\n', TOML_PIN, `${TOML_PIN}:3: \`toolchain.targets\``, 'found a table at index 0')
]

describe('4. toolchain files', () => {
  runCases(register('toolchain', TOOLCHAIN_CASES))

  register('toolchain', [], 1)
  it('through the CLI: an invalid rust-toolchain.toml next to the manifest ends in one line naming it', () => {
    const ws = path.join(tmp, 'pinned')
    write(path.join(ws, 'Cargo.toml'), '[package]\nname = "pinned"\nversion = "0.1.0"\nedition = "2021"\n')
    write(path.join(ws, 'src', 'lib.rs'), '')
    write(path.join(ws, 'rust-toolchain.toml'), '[toolchain]\nchannel = "1.95.0"\ntargets = "wasm32-unknown-unknown"\n')
    expectCliError(cli(['--manifest-path', path.join(ws, 'Cargo.toml')]), ['rust-toolchain.toml:3', '`toolchain.targets`'])
  })
})

// ---------------------------------------------------------------------------------------------------------
// 5. .cargo/config.toml

const CFG = '/w/.cargo/config.toml'
const merge = (text: string, options: { cli?: string[]; includes?: Record<string, string>; parent?: string } = {}): (() => unknown) => () => {
  const files: ConfigFileInput[] = [{ path: CFG, text }]
  if (options.parent !== undefined) files.push({ path: '/.cargo/config.toml', text: options.parent })
  return mergeCargoConfig(files, { cli: options.cli ?? [], includes: new Map(Object.entries(options.includes ?? {})) })
}
const configCase = (name: string, run: () => unknown, ...names: (string | RegExp)[]): Case => ({ name, run, names })

const profileWith = (text: string, profile = 'release'): (() => unknown) => () =>
  resolveProfile(profile, { manifest: null, manifestFile: 'Cargo.toml', config: mergeCargoConfig([{ path: CFG, text }]), env: {} })

function onDisk(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'cfg-'))
  for (const [name, text] of Object.entries(files)) write(path.join(dir, name), text)
  return dir
}
const read = (files: Record<string, string>): (() => unknown) => {
  return () => {
    const dir = onDisk(files)
    return readCargoConfig(path.join(dir, 'ws'), { HOME: path.join(dir, 'home'), CARGO_HOME: path.join(dir, 'cargo-home') })
  }
}

const CONFIG_CASES: Case[] = [
  configCase('invalid TOML', merge('[build\ntarget = "x"\n'), `${CFG}:2:1: invalid TOML`),
  configCase('binary garbage', merge('\u0000\u00ff\u00fe\n'), CFG, 'invalid TOML'),
  configCase('build.target a number', merge('[build]\ntarget = 5\n'), `${CFG}:2: \`build.target\` must be a string or an array of strings, found a number`),
  configCase('build.target with a number in the array', merge('[build]\ntarget = ["x86_64-unknown-linux-gnu", 1]\n'), `${CFG}:2: \`build.target\` must be a string or an array of strings`),
  configCase('build.target a table', merge('[build.target]\ntriple = "x"\n'), `${CFG}:1: \`build.target\``, 'found a table'),
  configCase('build.target false', merge('build.target = false\n'), `${CFG}:1: \`build.target\``, 'found a boolean'),
  configCase('build.rustflags a number', merge('[build]\nrustflags = 5\n'), `${CFG}:2: \`build.rustflags\` must be a string or an array of strings, found a number`),
  configCase('build.rustflags with a boolean', merge('[build]\nrustflags = ["-C", true]\n'), `${CFG}:2: \`build.rustflags\` must be a string or an array of strings`),
  configCase('build.rustflags an inline table', merge('build.rustflags = { flags = "-Cx" }\n'), `${CFG}:1: \`build.rustflags\``, 'found a table'),
  configCase('target.<triple>.rustflags true', merge('[target.x86_64-unknown-linux-gnu]\nrustflags = true\n'), `${CFG}:2: \`target.x86_64-unknown-linux-gnu.rustflags\``, 'found a boolean'),
  configCase("target.'cfg(unix)'.rustflags with a number", merge("[target.'cfg(unix)']\nrustflags = [1]\n"), `${CFG}:2: \`target.'cfg(unix)'.rustflags\``),
  configCase('profile a string', merge('profile = "release"\n'), `${CFG}:1: \`profile\` must be a table`),
  configCase('profile.release a number', merge('[profile]\nrelease = 3\n'), `${CFG}:2: \`profile.release\` must be a table`),
  configCase('profile.release.panic "explode"', profileWith('[profile.release]\npanic = "explode"\n'), `${CFG}:2: invalid \`profile.release.panic\` value`, 'expected "unwind" or "abort"'),
  configCase('profile.release.lto an array', profileWith('[profile.release]\nlto = ["fat"]\n'), `${CFG}:2: invalid \`profile.release.lto\``, 'found an array'),
  configCase('profile.release.rpath "maybe"', profileWith('[profile.release]\nrpath = "maybe"\n'), `${CFG}:2: invalid \`profile.release.rpath\``, 'expected true or false'),
  configCase('profile.dev.panic a table', profileWith('[profile.dev.panic]\nstrategy = "abort"\n', 'dev'), `${CFG}:1: invalid \`profile.dev.panic\``, 'found a table'),
  configCase('a custom profile inheriting a number', profileWith('[profile.ci]\ninherits = 5\n', 'ci'), `${CFG}:2: invalid \`profile.ci.inherits\``),
  configCase('a profile named `constructor`, not defined, with a [profile] table in the manifest', () =>
    resolveProfile('constructor', { manifest: parseTomlDocument('[package]\nname = "a"\n[profile.release]\nlto = true\n', 'Cargo.toml'), manifestFile: 'Cargo.toml', config: mergeCargoConfig([]), env: {} }),
    'profile `constructor` is not defined'),
  configCase('a profile inheritance loop', profileWith('[profile.a]\ninherits = "b"\n[profile.b]\ninherits = "a"\n', 'a'), `${CFG}:`, 'profile inheritance loop'),
  configCase('include a string', merge('include = "other.toml"\n'), `${CFG}:1: \`include\` must be an array`),
  configCase('include with a number', merge('include = [5]\n'), `${CFG}:1: \`include\` entries must be paths`),
  configCase('include of a .json file', merge('include = ["other.json"]\n'), `${CFG}:1: config include \`other.json\` must be a path ending with \`.toml\``),
  configCase('include with a path that is a number', merge('include = [{ path = 1 }]\n'), `${CFG}:1: \`include\` entries must be paths`),
  configCase('include with optional "yes"', merge('include = [{ path = "a.toml", optional = "yes" }]\n'), `${CFG}:1: \`include\` entries must be paths`),
  configCase('a missing include', merge('\ninclude = ["missing.toml"]\n'), `${CFG}:2: config include \`missing.toml\` not found`),
  configCase('an include of itself', merge('include = ["config.toml"]\n', { includes: { [CFG]: '' } }), 'config `include` cycle detected with path `/w/.cargo/config.toml`'),
  configCase('an include cycle a → b → a', merge('include = ["a.toml"]\n', { includes: { '/w/.cargo/a.toml': 'include = ["b.toml"]\n', '/w/.cargo/b.toml': 'include = ["a.toml"]\n' } }), '/w/.cargo/b.toml:1: config `include` cycle detected with path `/w/.cargo/a.toml`'),
  configCase('an included file with invalid TOML', merge('include = ["a.toml"]\n', { includes: { '/w/.cargo/a.toml': 'build.target = \n' } }), '/w/.cargo/a.toml:2:1: invalid TOML'),
  configCase('a string here, a table in the parent directory', merge('build = "x"\n', { parent: '[build]\ntarget = "y"\n' }), `${CFG}:1: cannot merge config key \`build\``, '/.cargo/config.toml:'),
  configCase('an array here, a string in the parent directory', merge('build.rustflags = ["-Cx"]\n', { parent: 'build.rustflags = "-Cy"\n' }), `${CFG}:1: cannot merge config key \`build.rustflags\``),
  configCase('--config without a value', merge('', { cli: ['build.target='] }), '--config argument `build.target=`'),
  configCase('--config with two assignments', merge('', { cli: ['build.target="a" build.jobs=1'] }), '--config argument'),
  configCase('--config with a line break', merge('', { cli: ['build.jobs=1\nbuild.target="x"'] }), '--config argument'),
  configCase('--config empty', merge('', { cli: [''] }), '--config argument ``'),
  configCase('--config that conflicts with the file', merge('[build]\nrustflags = ["-Cx"]\n', { cli: ['build.rustflags="-Cy"'] }), 'cannot merge config key `build.rustflags`'),
  configCase('on disk: invalid TOML in the workspace config', read({ 'ws/.cargo/config.toml': '[build]\ntarget = x86_64\n' }), /cfg-\w+\/ws\/\.cargo\/config\.toml:2:\d+: invalid TOML/),
  configCase('on disk: invalid TOML in the legacy `config` file', read({ 'ws/.cargo/config': 'build.target = [\n' }), /ws\/\.cargo\/config:\d+:\d+: invalid TOML/),
  configCase('on disk: a wrong type in CARGO_HOME', read({ 'cargo-home/config.toml': 'build.rustflags = 1\n' }), /cargo-home\/config\.toml:1: `build\.rustflags`/),
  configCase('on disk: an include cycle between two files', read({ 'ws/.cargo/config.toml': 'include = ["a.toml"]\n', 'ws/.cargo/a.toml': 'include = ["b.toml"]\n', 'ws/.cargo/b.toml': 'include = ["a.toml"]\n' }), 'config `include` cycle detected', /ws\/\.cargo\/a\.toml/),
  configCase('on disk: a missing include', read({ 'ws/.cargo/config.toml': 'include = ["../../elsewhere/cargo.toml"]\n' }), /ws\/\.cargo\/config\.toml:1: config include `\.\.\/\.\.\/elsewhere\/cargo\.toml` not found/),
  configCase('on disk: an include that is a directory', read({ 'ws/.cargo/config.toml': 'include = ["dir.toml"]\n', 'ws/.cargo/dir.toml/keep': '' }), 'config include `dir.toml` not found'),
  configCase('on disk: invalid UTF-8 in a key', read({ 'ws/.cargo/config.toml': invalidUtf8([0x5b, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x5d, 0x0a, 0xc3, 0x28, 0x20, 0x3d, 0x20, 0x31, 0x0a]) }), /ws\/\.cargo\/config\.toml:2:\d+: invalid TOML/)
]

describe('5. .cargo/config.toml', () => {
  runCases(register('cargo-config', CONFIG_CASES))

  register('cargo-config', [], 2)
  it('through the CLI: an invalid config file in the working directory ends in one line naming it', () => {
    const dir = onDisk({ 'ws/.cargo/config.toml': '[build]\nrustflags = 42\n' })
    expectCliError(cli(['--metadata-file', corpusFile('guppy-proc-macro1.json')], path.join(dir, 'ws'), { CARGO_HOME: path.join(dir, 'cargo-home') }), ['ws/.cargo/config.toml:2', '`build.rustflags`'])
  })

  it('through the action: an include cycle ends in one ::error:: line naming the file', () => {
    const dir = onDisk({ 'ws/.cargo/config.toml': 'include = ["loop.toml"]\n', 'ws/.cargo/loop.toml': 'include = ["config.toml"]\n' })
    const ws = path.join(dir, 'ws')
    fs.cpSync(path.join(FIXTURES, 'plain'), ws, { recursive: true })
    const report = path.join(ws, 'report.json')
    const r = runAction({ 'report-path': report }, ws, { CARGO_HOME: path.join(dir, 'cargo-home') })
    expectActionError(r, ['include` cycle detected', 'config.toml'])
    expect(fs.existsSync(report)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------------
// 6. Action inputs and CLI arguments

const inputs = (values: Record<string, string>): (() => unknown) => () => parseActionInputs(name => values[name] ?? '')
const inputCase = (name: string, values: Record<string, string>, ...names: (string | RegExp)[]): Case => ({ name, run: inputs(values), names })

const BOOLEAN_INPUTS = ['workspace', 'release', 'all-features', 'no-default-features', 'locked', 'offline', 'allow-privileged-trigger', 'trust-repository-config', 'install-toolchain']
const BAD_BOOLEANS = ['yes', '1', 'on', 'tRue', 'false!', 'no', 'y', '0', 'null']

const INPUT_CASES: Case[] = [
  ...BOOLEAN_INPUTS.map((name, i) => inputCase(`input ${name}: \`${BAD_BOOLEANS[i]}\``, { [name]: BAD_BOOLEANS[i]! }, `input \`${name}\` must be true or false, got \`${BAD_BOOLEANS[i]}\``)),
  inputCase('input command: check', { command: 'check' }, 'input `command` must be one of build, test, bench, got `check`'),
  inputCase('input command: Build (case)', { command: 'Build' }, 'input `command`', '`Build`'),
  inputCase('input fail-on: errors', { 'fail-on': 'errors' }, 'input `fail-on` must be one of error, warning, never, got `errors`'),
  inputCase('input fail-on: none', { 'fail-on': 'none' }, 'input `fail-on`'),
  inputCase('input comment: true', { comment: 'true' }, 'input `comment` must be one of off, always, on-findings, got `true`'),
  inputCase('input comment: on_findings', { comment: 'on_findings' }, 'input `comment`'),
  inputCase('input comment-key with a space', { 'comment-key': 'linux job' }, 'input `comment-key`', '`linux job`'),
  inputCase('input comment-key of 101 characters', { 'comment-key': 'k'.repeat(101) }, 'input `comment-key`', 'at most 100'),
  inputCase('input comment-key closing the HTML comment', { 'comment-key': 'x-->' }, 'input `comment-key`'),
  inputCase('input comment-key over two lines', { 'comment-key': 'linux\nwindows' }, 'input `comment-key`', 'linux windows'),
  inputCase('input rust-toolchain an absolute path', { 'rust-toolchain': '/usr/local/rust' }, 'input `rust-toolchain` must name a rustup toolchain'),
  inputCase('input rust-toolchain a relative path', { 'rust-toolchain': '../toolchains/rust' }, 'input `rust-toolchain`', '`../toolchains/rust`'),
  inputCase('input rust-toolchain with a leading +', { 'rust-toolchain': '+stable' }, 'input `rust-toolchain`', '`+stable`'),
  inputCase('input rust-toolchain with a leading -', { 'rust-toolchain': '-stable' }, 'input `rust-toolchain`'),
  inputCase('input rust-toolchain two names', { 'rust-toolchain': 'stable nightly' }, 'input `rust-toolchain`', '`stable nightly`'),
  inputCase('input rust-toolchain with shell characters', { 'rust-toolchain': 'stable;rm' }, 'input `rust-toolchain`'),
  inputCase('input target two triples', { target: 'x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu' }, 'input `target` must be a single target triple'),
  inputCase('input target two lines', { target: 'x86_64-unknown-linux-gnu\naarch64-apple-darwin' }, 'input `target`'),
  inputCase('input profile doc', { profile: 'doc' }, 'input `profile`', 'reserved'),
  inputCase('input profile debug', { profile: 'debug' }, 'input `profile`', '`dev`'),
  inputCase('input profile with a dot', { profile: 'release.lto' }, 'input `profile`: invalid character `.`'),
  inputCase('input profile cargo-ci', { profile: 'cargo-ci' }, 'input `profile`', 'reserved'),
  inputCase('input profile build', { profile: 'build' }, 'input `profile`', 'reserved'),
  inputCase('inputs release and profile', { release: 'true', profile: 'dev' }, 'inputs `release` and `profile` cannot be used together'),
  inputCase('input exclude without workspace', { exclude: 'a, b', packages: 'c' }, 'input `exclude` can only be used together with `workspace: true`'),
  inputCase('input exclude with workspace false', { exclude: 'a', workspace: 'false' }, 'input `exclude`'),
  inputCase('input exclude with a bad workspace value', { exclude: 'a', workspace: 'True ' + 'x' }, 'input `workspace`')
]

const cliCase = (name: string, argv: string[], ...names: (string | RegExp)[]): Case => ({ name, run: () => parseCliArgs(argv), names })

const CLI_CASES: Case[] = [
  cliCase('--format ""', ['--format', ''], '`--format` must be one of'),
  cliCase('--format=JSON (case)', ['--format=JSON'], '`--format`', '`JSON`'),
  cliCase('--fail-on none', ['--fail-on', 'none'], '`--fail-on` must be one of error, warning, never, got `none`'),
  cliCase('--color yes', ['--color', 'yes'], '`--color` must be one of auto, always, never'),
  cliCase('--command check', ['--command', 'check'], '`--command` must be one of build, test, bench, got `check`'),
  cliCase('-p ""', ['-p', ''], '`-p` must not be empty'),
  cliCase('--package=a,b', ['--package=a,b'], '`--package` takes one package per flag'),
  cliCase('--exclude without --workspace', ['--exclude', 'a', '-p', 'b'], '`--exclude` can only be used together with `--workspace`'),
  cliCase('--profile doc', ['--profile', 'doc'], '`--profile`', 'reserved'),
  cliCase('--profile with a slash', ['--profile', 'release/x'], '`--profile`: invalid character `/`'),
  cliCase('-r with --profile dev', ['-r', '--profile', 'dev'], '`--release` cannot be used with `--profile`'),
  cliCase('two different --target', ['--target', 'a', '--target=b'], '`--target` given twice'),
  cliCase('--policy with --no-policy', ['--no-policy', '--policy', 'p.toml'], '`--policy` cannot be used with `--no-policy`'),
  cliCase('--lib=1', ['--lib=1'], '`--lib` takes no value, got `--lib=1`'),
  cliCase('--manifest-path without a value', ['--manifest-path'], '`--manifest-path` requires a value'),
  cliCase('--metadata-file followed by a flag', ['--metadata-file', '--workspace'], '`--metadata-file` requires a value'),
  cliCase('--metadata-file=', ['--metadata-file='], '`--metadata-file` must not be empty'),
  cliCase('--output ""', ['--output', ''], '`--output` must not be empty'),
  cliCase('--jobs 4 (cargo only)', ['--jobs', '4'], "cargo's `--jobs` is not supported"),
  cliCase('-Z unstable', ['-Zbuild-std'], "cargo's `-Z` is not supported"),
  cliCase('an unknown short flag', ['-x'], 'unknown flag `-x`'),
  cliCase('--Workspace (case)', ['--Workspace'], 'unknown flag `--Workspace`', 'did you mean `--workspace`'),
  cliCase('a positional argument', ['build'], 'unexpected argument `build`'),
  cliCase('an argument after --', ['--', '--workspace'], 'unexpected argument `--workspace`'),
  cliCase('-F followed by a flag', ['-F', '--all-features'], '`-F` requires a value'),
  cliCase('--baseline twice', ['--baseline', 'a.json', '--baseline', 'b.json'], '`--baseline` cannot be used more than once'),
  cliCase('-rr', ['-rr'], '`--release` cannot be used more than once'),
  cliCase('a non-ASCII short flag', ['-é'], 'unknown flag `-é`'),
  cliCase('--bin ""', ['--bin', ''], '`--bin` must not be empty'),
  cliCase('--test=', ['--test='], '`--test` must not be empty'),
  cliCase('a flag with a line break', ['--format', 'json\ntext'], '`--format`', '`json text`'),
  cliCase('a 100,000-character unknown flag', [`--${'w'.repeat(100_000)}`], 'unknown flag `--www')
]

describe('6. action inputs and CLI arguments', () => {
  runCases(register('inputs-and-args', INPUT_CASES))
  runCases(register('inputs-and-args', CLI_CASES))

  describe('through the bundles', () => {
    register('inputs-and-args', [], 10)
    const plain = path.join(FIXTURES, 'plain')

    it('the CLI: an invalid +toolchain and an unknown flag each end in one line naming them', () => {
      expectCliError(cli(['+../rust', '--metadata-file', corpusFile('guppy-proc-macro1.json')]), ['`+../rust`'])
      expectCliError(cli(['--metadata-file', corpusFile('guppy-proc-macro1.json'), '--formt', 'json']), ['`--formt`', '--format'])
    })

    it('the CLI: --output inside a path that is a regular file ends in one line naming --output or the path', () => {
      const blocker = write(path.join(tmp, 'cli-output', 'file'), '')
      const out = path.join(blocker, 'report.txt')
      const r = cli(['--metadata-file', corpusFile('guppy-proc-macro1.json'), '--output', out])
      expectCliError(r, [/--output|cli-output\/file/])
      expect(fs.readdirSync(path.dirname(blocker))).toEqual(['file'])
    })

    it('the action: fail-on always ends in one ::error:: line naming the input, before anything is written', () => {
      const report = path.join(tmp, 'action', 'fail-on.json')
      const r = runAction({ 'fail-on': 'always', 'report-path': report }, plain)
      expectActionError(r, ['input `fail-on`', '`always`'])
      expect(fs.existsSync(report)).toBe(false)
    })

    it('the action: rust-toolchain naming a path ends in one ::error:: line naming the input', () => {
      expectActionError(runAction({ 'rust-toolchain': '/opt/rust' }, plain), ['input `rust-toolchain`'])
    })

    it('the action: exclude without workspace ends in one ::error:: line naming both inputs', () => {
      expectActionError(runAction({ exclude: 'util' }, plain), ['input `exclude`', '`workspace: true`'])
    })

    it('the action: report-path in a directory that does not exist yet creates it and writes the whole report', () => {
      const report = path.join(tmp, 'action', 'new', 'deeper', 'report.json')
      const r = runAction({ 'report-path': report }, plain)
      expect(r.status).toBe(0)
      expect(JSON.parse(fs.readFileSync(report, 'utf8')).version).toBe(2)
      expect(fs.readdirSync(path.dirname(report))).toEqual(['report.json'])
    })

    it('the action: report-path inside a path that is a regular file ends in one ::error:: line naming the input or path', () => {
      const blocker = write(path.join(tmp, 'action', 'blocker'), '')
      const r = runAction({ 'report-path': path.join(blocker, 'sub', 'report.json') }, plain)
      expectActionError(r, [/report-path|action\/blocker/])
    })

    it('the action: publish-report under a push event ends in one ::error:: line naming the input and the event', () => {
      const r = runAction({ 'publish-report': 'linkage.json', comment: 'always' }, plain, { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'o/r' })
      expectActionError(r, ['input `publish-report`', '`push`'])
    })

    it('the action: publish-report naming a file that is not there ends in one ::error:: line naming the input and the file', () => {
      const payload = write(path.join(tmp, 'publish', 'event.json'), JSON.stringify({ pull_request: { number: 7, base: { sha: SHA }, head: { sha: SHA } } }))
      const r = runAction({ 'publish-report': 'missing/linkage.json', comment: 'always', 'github-token': 't' }, plain, {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: payload,
        GITHUB_REPOSITORY: 'o/r'
      })
      expectActionError(r, ['input `publish-report`', 'missing/linkage.json', 'no such file'])
    })

    it('the action: sarif-file inside a path that is a regular file fails in one line, with nothing half-written', () => {
      const blocker = write(path.join(tmp, 'action', 'sarif-blocker'), '')
      const report = path.join(tmp, 'action', 'with-sarif.json')
      const r = runAction({ 'report-path': report, 'sarif-file': path.join(blocker, 'out.sarif') }, plain)
      expectActionError(r, [/sarif-file|action\/sarif-blocker/])
      // No temporary file is left behind, and a report that was written is whole.
      expect(fs.readdirSync(path.join(tmp, 'action')).filter(f => f.endsWith('.tmp'))).toEqual([])
      if (fs.existsSync(report)) expect(JSON.parse(fs.readFileSync(report, 'utf8')).version).toBe(2)
    })
  })
})

// ---------------------------------------------------------------------------------------------------------
// 7. Event payloads

const EVENT = '/runner/event.json'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const event = (name: string, payload: string | object, eventName = 'pull_request', extraEnv: Record<string, string> = {}): Case => ({
  name,
  run: () =>
    readPullRequestContext({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: EVENT, ...extraEnv }, () => (typeof payload === 'string' ? payload : JSON.stringify(payload))),
  names: ['GITHUB_EVENT_PATH', EVENT]
})
const pr = (over: object = {}): object => ({ pull_request: { number: 7, base: { sha: SHA }, head: { sha: SHA }, ...over }, repository: { name: 'r', owner: { login: 'o' } } })

/** The `workflow_run` payloads a `publish-report` run reads; each field it uses, missing or wrong. */
function WORKFLOW_RUN_CASES(): Case[] {
  const run = (over: object): object => ({
    workflow_run: { event: 'pull_request', head_sha: SHA, head_branch: 'feature', head_repository: { owner: { login: 'forker' } }, ...over },
    repository: { name: 'r', owner: { login: 'o' } }
  })
  const runEvent = (name: string, payload: object, field: string): Case => ({
    name: `workflow_run: ${name}`,
    run: () => readEventContext({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: EVENT }, () => JSON.stringify(payload)),
    names: ['GITHUB_EVENT_PATH', EVENT, field]
  })
  return [
    runEvent('no workflow_run', { repository: { name: 'r', owner: { login: 'o' } } }, 'workflow_run.event'),
    runEvent('event not a string', run({ event: 7 }), 'workflow_run.event'),
    runEvent('head_sha abbreviated', run({ head_sha: SHA.slice(0, 12) }), 'workflow_run.head_sha'),
    runEvent('head_sha missing', run({ head_sha: undefined }), 'workflow_run.head_sha'),
    runEvent('no head_repository', run({ head_repository: null }), 'workflow_run.head_repository.owner.login'),
    runEvent('head_branch empty', run({ head_branch: '' }), 'workflow_run.head_branch')
  ]
}

const EVENT_CASES: Case[] = [
  event('an empty payload', ''),
  event('a truncated payload', JSON.stringify(pr()).slice(0, 40)),
  event('a payload with a line break before the error', '{\n"pull_request":\n\nnope}'),
  event('a byte-order mark before the payload', `\ufeff${JSON.stringify(pr())}`),
  event('JSON null', 'null'),
  event('a JSON array', '[]'),
  event('no pull_request', { action: 'opened' }),
  event('pull_request.number a string', pr({ number: '7' })),
  event('pull_request.number 0', pr({ number: 0 })),
  event('pull_request.number 1.5', pr({ number: 1.5 })),
  event('pull_request.number beyond 2^53', pr({ number: 2 ** 60 })),
  event('base.sha abbreviated', pr({ base: { sha: SHA.slice(0, 7) } })),
  event('head.sha missing', pr({ head: { ref: 'main' } })),
  event('head.sha with a line break', pr({ head: { sha: `${SHA}\n` } })),
  event('no repository and no GITHUB_REPOSITORY', { pull_request: (pr() as Json).pull_request }),
  event('GITHUB_REPOSITORY without a slash and no repository', { pull_request: (pr() as Json).pull_request }, 'pull_request_target', { GITHUB_REPOSITORY: 'owner-only' }),
  ...WORKFLOW_RUN_CASES(),
  {
    name: 'an unreadable payload file',
    run: () =>
      readPullRequestContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: EVENT }, () => {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${EVENT}'`), { code: 'ENOENT' })
      }),
    names: ['GITHUB_EVENT_PATH', EVENT, 'ENOENT']
  }
]

describe('7. event payloads', () => {
  runCases(register('event', EVENT_CASES))

  register('event', [], 1)
  it('through the action: a truncated pull_request payload ends in one ::error:: line naming GITHUB_EVENT_PATH', () => {
    const payload = write(path.join(tmp, 'event', 'event.json'), JSON.stringify(pr()).slice(0, 30))
    const r = runAction({ 'report-path': path.join(tmp, 'event', 'report.json') }, path.join(FIXTURES, 'plain'), {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payload,
      GITHUB_REPOSITORY: 'o/r'
    })
    expectActionError(r, ['GITHUB_EVENT_PATH', payload])
  })

  register('event', [], 1)
  it('through the action on a pull request with a token: a payload that is a FIFO nobody writes ends at once, once the report is written', () => {
    // The GitHub client, loaded while cargo works on a pull request, reads the payload itself: only a payload
    // read here first as a pull request may get to it, or this run would wait on the FIFO forever.
    const payload = fifo(path.join(mkdir('event'), 'event.json'))
    const report = path.join(tmp, 'event', 'fifo-report.json')
    const r = runAction({ 'report-path': report, 'github-token': 't' }, path.join(FIXTURES, 'plain'), {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payload,
      GITHUB_REPOSITORY: 'o/r'
    })
    expectActionError(r, ['GITHUB_EVENT_PATH', payload, 'a FIFO'])
    expectBounded(r)
    expect(JSON.parse(fs.readFileSync(report, 'utf8')).artifacts.length).toBeGreaterThan(0)
  })
})

// ---------------------------------------------------------------------------------------------------------
// TOML keys that name JavaScript built-ins

describe('TOML keys named after JavaScript built-ins', () => {
  it.each([
    ['[__proto__]', '[__proto__]\npolluted = 1\n'],
    ['a dotted constructor.prototype key', 'constructor.prototype.polluted = 1\n'],
    ['[constructor]', '[constructor]\npolluted = 1\n'],
    ['[[__proto__]]', '[[__proto__]]\npolluted = 1\n'],
    ['[toString]', '[toString]\npolluted = 1\n'],
    ['a key under [a.constructor.prototype]', '[a.constructor.prototype]\npolluted = 1\n']
  ])('%s is read as a key of the document, never written onto a built-in object', (_name, text) => {
    const { error, changed } = withBuiltinsGuarded(() => parseTomlDocument(text, 'Cargo.toml'))
    expect(changed).toEqual([])
    if (error !== undefined) expectUserError(() => { throw error }, ['Cargo.toml'])
  })

  it('__proto__.__proto__ is valid TOML: read as nested tables with their lines, not a TypeError', () => {
    const { result, error, changed } = withBuiltinsGuarded(() => parseTomlDocument('\n__proto__.__proto__.x = 1\n', 'Cargo.toml'))
    expect(changed).toEqual([])
    expect(error).toBeUndefined()
    expect(JSON.parse(JSON.stringify(result!.value))).toEqual(JSON.parse('{"__proto__":{"__proto__":{"x":1}}}'))
    expect(result!.lineOf(['__proto__', '__proto__', 'x'])).toBe(2)
  })

  it('a toolchain file and a cargo config with such keys are accepted (unknown keys are ignored) and change nothing', () => {
    const pin = withBuiltinsGuarded(() => parseToolchainFile('[toolchain]\nchannel = "1.95.0"\n[__proto__]\nchannel = "nightly"\n', TOML_PIN))
    expect(pin.changed).toEqual([])
    expect(pin.error).toBeUndefined()
    const config = withBuiltinsGuarded(() => mergeCargoConfig([{ path: CFG, text: '[constructor.prototype]\nrustflags = ["-Cx"]\n' }]))
    expect(config.changed).toEqual([])
    expect(config.error).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------------------
// Deeply nested and very long TOML

describe('deeply nested and very long TOML', () => {
  const tomlCases = register('deep-toml', [
    { name: 'a policy with an array nested 5,000 deep', run: () => parsePolicy(`exact-toolchain = ${deep(5000)}\n`, POLICY), names: [POLICY] },
    { name: 'a policy with an inline table nested 5,000 deep', run: () => parsePolicy(`rules = ${'{a = '.repeat(5000)}1${'}'.repeat(5000)}\n`, POLICY), names: [POLICY] },
    { name: 'a toolchain file with targets nested 100,000 deep', run: () => parseToolchainFile(`[toolchain]\nchannel = "stable"\ntargets = ${deep(100_000)}\n`, TOML_PIN), names: [TOML_PIN] },
    { name: 'a cargo config with rustflags nested 10,000 deep', run: merge(`build.rustflags = ${deep(10_000)}\n`), names: [CFG] }
  ])
  runCases(tomlCases)

  // Run through the CLI with a 1 GB heap and a time limit: running out of memory aborts the process, which a
  // test inside this worker could not survive.
  register('deep-toml', [], 2)
  const limits = { NODE_OPTIONS: '--max-old-space-size=1024' }
  const parts = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}`).join('.')

  it('a policy whose one dotted key has 40,000 parts (a 290 KB file) ends in one line naming the file', () => {
    const policy = write(path.join(tmp, 'long-key', 'policy.toml'), `${parts(40_000)} = 1\n`)
    const started = Date.now()
    const r = cli(['--metadata-file', corpusFile('guppy-proc-macro1.json'), '--policy', policy], tmp, limits)
    expect({ signal: r.status === null ? 'killed' : 'exited', stderr: r.stderr.slice(0, 300) }).toEqual({ signal: 'exited', stderr: expect.stringContaining('policy.toml') })
    expectCliError(r, ['policy.toml:1'])
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('a cargo config whose one table header has 40,000 parts ends in one line naming the file, or is read', () => {
    const dir = onDisk({ 'ws/.cargo/config.toml': `[${parts(40_000)}]\nx = 1\n[build]\nrustflags = 1\n` })
    const r = cli(['--metadata-file', corpusFile('guppy-proc-macro1.json')], path.join(dir, 'ws'), { ...limits, CARGO_HOME: path.join(dir, 'cargo-home') })
    expect({ signal: r.status === null ? 'killed' : 'exited', stderr: r.stderr.slice(0, 300) }).toEqual({ signal: 'exited', stderr: expect.stringContaining('config.toml') })
    expectCliError(r, ['ws/.cargo/config.toml:4', '`build.rustflags`'])
  })
})

// ---------------------------------------------------------------------------------------------------------
// 8. Oversized files and output floods

/** `… is over the 1 MiB limit for a policy file`: the documented limit, as the message words it. */
const overLimit = (kind: keyof typeof INPUT_LIMITS): string => `limit for ${INPUT_LIMITS[kind].what}`
const limitOf = (kind: keyof typeof INPUT_LIMITS): string => `the ${formatSize(INPUT_LIMITS[kind].bytes)} ${overLimit(kind)}`
/** The smallest TOML array of two million elements: 4 MB, which the parser must never see. */
const TWO_MILLION = `[${'1,'.repeat(2_000_000)}]`

function mkdir(name: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`))
  return dir
}
/** A file of `bytes` bytes that takes no disk space (a sparse file: its size is real, its content zeros). */
function sparse(file: string, bytes: number): string {
  write(file, '')
  fs.truncateSync(file, bytes)
  return file
}
function fifo(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  expect(spawnSync('mkfifo', [file]).status).toBe(0)
  return file
}
function symlink(target: string, file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.symlinkSync(target, file)
  return file
}
const policyAt = (file: string): (() => unknown) => () => loadPolicy({ policy: file, defaultPolicy: null, cwd: path.dirname(file), searchFrom: path.dirname(file) })
const baselineAt = (file: string): (() => unknown) => () => gateReport(makeReport(), { failOn: 'error', policy: null, baseline: file, cwd: path.dirname(file) })

const OVERSIZED_CASES: Case[] = [
  {
    name: 'a policy of 4 MB (an array of two million elements)',
    run: () => policyAt(write(path.join(mkdir('policy'), 'huge.toml'), `exact-toolchain = ${TWO_MILLION}\n`))(),
    names: ['policy file', 'huge.toml', `3.9 MiB is over ${limitOf('policy')}`]
  },
  { name: 'a policy that is a FIFO', run: () => policyAt(fifo(path.join(mkdir('policy'), 'fifo.toml')))(), names: ['policy file', 'fifo.toml', 'a FIFO'] },
  { name: 'a policy that is a symlink to /dev/zero', run: () => policyAt(symlink('/dev/zero', path.join(mkdir('policy'), 'zero.toml')))(), names: ['policy file', 'zero.toml', 'a character device, not a regular file'] },
  {
    name: 'a baseline of 300 MiB',
    run: () => baselineAt(sparse(path.join(mkdir('baseline'), 'huge.json'), 300 * 2 ** 20))(),
    names: ['baseline', 'huge.json', `300 MiB is over ${limitOf('baseline')}`]
  },
  { name: 'a baseline that is a FIFO', run: () => baselineAt(fifo(path.join(mkdir('baseline'), 'fifo.json')))(), names: ['baseline', 'fifo.json', 'a FIFO'] },
  {
    name: 'a .cargo/config.toml of 4 MB (an array of two million elements)',
    run: read({ 'ws/.cargo/config.toml': `build.rustflags = ${TWO_MILLION}\n` }),
    names: [/ws\/\.cargo\/config\.toml: 3\.9 MiB is over/, overLimit('cargo-config')]
  },
  {
    name: 'an included cargo config of 4 MB',
    run: read({ 'ws/.cargo/config.toml': 'include = ["big.toml"]\n', 'ws/.cargo/big.toml': `# ${'x'.repeat(4_000_000)}\n` }),
    names: [/ws\/\.cargo\/big\.toml: 3\.9 MiB is over/, overLimit('cargo-config')]
  }
]

describe('8. oversized files and output floods', () => {
  // Each ends within 5 s and 512 MiB (checked around every bundle run below) with one line and its exit code.
  runCases(register('oversized', OVERSIZED_CASES))
  const meta = corpusFile('guppy-proc-macro1.json')

  describe('through the bundles', () => {
    register('oversized', [], 13)

    it('a Cargo.toml of 4 MB: exit 2, one line naming it and the limit, before the TOML parser sees it', () => {
      // Recorded by cargo while the manifest was small; cargo itself reads a large one slowly, with no limit.
      const ws = mkdir('manifest')
      write(path.join(ws, 'Cargo.toml'), '[package]\nname = "big"\nversion = "0.1.0"\nedition = "2021"\n')
      write(path.join(ws, 'src', 'lib.rs'), '')
      const recorded = spawnSync('cargo', ['metadata', '--format-version', '1', '--offline', '--manifest-path', path.join(ws, 'Cargo.toml')], { encoding: 'utf8', env: cleanEnv() })
      expect(recorded.status).toBe(0)
      const metadata = write(path.join(ws, 'metadata.json'), recorded.stdout)
      write(path.join(ws, 'Cargo.toml'), `[package]\nname = "big"\nversion = "0.1.0"\nedition = "2021"\n\n[package.metadata]\nx = ${TWO_MILLION}\n`)
      const r = cli(['--metadata-file', metadata, '--manifest-path', path.join(ws, 'Cargo.toml')], ws)
      expectCliError(r, [`${path.join(ws, 'Cargo.toml')}: 3.9 MiB is over ${limitOf('manifest')}`])
      expectBounded(r)
    })

    it('a .cargo/config.toml of 4 MB in the working directory: exit 2, one line naming it', () => {
      const dir = onDisk({ 'ws/.cargo/config.toml': `build.rustflags = ${TWO_MILLION}\n` })
      const r = cli(['--metadata-file', meta], path.join(dir, 'ws'), { CARGO_HOME: path.join(dir, 'cargo-home') })
      expectCliError(r, ['could not read cargo config file', 'ws/.cargo/config.toml: 3.9 MiB is over', limitOf('cargo-config')])
      expectBounded(r)
    })

    it('a rust-toolchain.toml of 2 MB: exit 2, one line naming it', () => {
      const ws = mkdir('pin')
      const pin = write(path.join(ws, 'rust-toolchain.toml'), `[toolchain]\nchannel = "stable"\n# ${'x'.repeat(2_000_000)}\n`)
      const r = cli(['--metadata-file', meta], ws)
      expectCliError(r, [`${pin}: ${formatSize(fs.statSync(pin).size)} is over ${limitOf('toolchain-file')}`])
      expectBounded(r)
    })

    it('the policy the repository keeps, a symlink to /dev/zero: exit 2, one line naming it (never read)', () => {
      const ws = mkdir('zero-policy')
      fs.mkdirSync(path.join(ws, '.git'))
      symlink('/dev/zero', path.join(ws, '.github', 'rust-linkage.toml'))
      const r = cli(['--metadata-file', meta], ws)
      expectCliError(r, ['policy file', '.github/rust-linkage.toml', 'a character device, not a regular file'])
      expectBounded(r)
    })

    it('a --policy of 4 MB and a --baseline of 300 MiB: exit 2, one line each naming the file and the limit', () => {
      const dir = mkdir('gate')
      const policy = write(path.join(dir, 'policy.toml'), `exact-toolchain = ${TWO_MILLION}\n`)
      const r = cli(['--metadata-file', meta, '--policy', policy], dir)
      expectCliError(r, ['policy file', 'policy.toml', `is over ${limitOf('policy')}`])
      expectBounded(r)
      const baseline = sparse(path.join(dir, 'baseline.json'), 300 * 2 ** 20)
      const b = cli(['--metadata-file', meta, '--baseline', baseline], dir)
      expectCliError(b, ['baseline', 'baseline.json', `300 MiB is over ${limitOf('baseline')}`])
      expectBounded(b)
    })

    it('a --metadata-file of 300 MiB: exit 2, one line naming it and the limit', () => {
      const file = sparse(path.join(mkdir('metadata'), 'huge.json'), 300 * 2 ** 20)
      const r = cli(['--metadata-file', file])
      expectCliError(r, ['metadata file', 'huge.json', `300 MiB is over ${limitOf('metadata')}`])
      expectBounded(r)
    })

    it('a --metadata-file that is a pipe streaming forever: read up to the limit, then exit 2 in one line', () => {
      const pipe = fifo(path.join(mkdir('metadata'), 'stream.json'))
      // As fast a writer as there is: the test measures the reader, not the writer.
      const writer = spawn('sh', ['-c', 'exec cat /dev/zero > "$0"', pipe], { stdio: 'ignore' })
      try {
        const r = cli(['--metadata-file', pipe])
        expectCliError(r, ['metadata file', 'stream.json', `more than the ${formatSize(MAX_METADATA_BYTES)} ${overLimit('metadata')}`])
        expectBounded(r)
      } finally {
        writer.kill('SIGKILL')
      }
    })

    const publishInputs = (report: string): Record<string, string> => ({ 'publish-report': report, comment: 'always', 'github-token': 't' })
    const pullRequestEvent = (payloadFile: string): Record<string, string> => ({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payloadFile, GITHUB_REPOSITORY: 'o/r' })
    const plain = path.join(FIXTURES, 'plain')

    it('the action: an event payload of 70 MiB ends in one ::error:: line naming GITHUB_EVENT_PATH and the limit', () => {
      const payload = sparse(path.join(mkdir('event'), 'event.json'), 70 * 2 ** 20)
      const r = runAction(publishInputs('linkage.json'), plain, pullRequestEvent(payload))
      expectActionError(r, ['GITHUB_EVENT_PATH', payload, `70 MiB is over ${limitOf('event-payload')}`])
      expectBounded(r)
    })

    it('the action: an event payload that is a FIFO nobody writes ends at once in one ::error:: line', () => {
      const payload = fifo(path.join(mkdir('event'), 'event.json'))
      const r = runAction(publishInputs('linkage.json'), plain, pullRequestEvent(payload))
      expectActionError(r, ['GITHUB_EVENT_PATH', payload, 'a FIFO'])
      expectBounded(r)
    })

    it('the action: a published report of 300 MiB ends in one ::error:: line naming the input and the limit', () => {
      const dir = mkdir('publish')
      const payload = write(path.join(dir, 'event.json'), JSON.stringify(pr()))
      const report = sparse(path.join(dir, 'linkage.json'), 300 * 2 ** 20)
      const r = runAction(publishInputs(report), plain, pullRequestEvent(payload))
      expectActionError(r, ['input `publish-report`', 'linkage.json', `300 MiB is over ${limitOf('report')}`])
      expectBounded(r)
    })

    /** A stand-in for cargo: a shell script printing forever (zeros from `cat`, as fast a writer as there is). */
    const flooding = (name: string, script: string): string => {
      const file = path.join(mkdir('flood'), name)
      fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 })
      return file
    }

    it('cargo printing without end on stdout: stopped at the limit, exit 3, one line', () => {
      const r = cli(['--manifest-path', path.join(FIXTURES, 'plain', 'Cargo.toml')], tmp, { CARGO: flooding('flood-cargo', 'exec cat /dev/zero') })
      expectCliError(r, [`\`flood-cargo metadata\` printed more than ${formatSize(MAX_METADATA_BYTES)} on standard output and was stopped`], 3)
      expectBounded(r)
    })

    it('cargo printing without end on stderr: stopped at the limit, exit 3, one line', () => {
      const r = cli(['--manifest-path', path.join(FIXTURES, 'plain', 'Cargo.toml')], tmp, { CARGO: flooding('flood-cargo', 'exec cat /dev/zero >&2') })
      expectCliError(r, [`\`flood-cargo metadata\` printed more than ${formatSize(MAX_STDERR_BYTES)} on standard error and was stopped`], 3)
      expectBounded(r)
    })
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('the corpus', () => {
  const total = (): number => Object.values(COUNTS).reduce((a, b) => a + b, 0)
  it(`has at least 200 cases (${total()}: ${Object.entries(COUNTS).map(([k, v]) => `${k} ${v}`).join(', ')}), with distinct names within each table`, () => {
    expect(total()).toBeGreaterThanOrEqual(200)
    for (const table of [
      METADATA_TRUNCATED, METADATA_INVALID_JSON, METADATA_TYPES, METADATA_MISSING, METADATA_KINDS, METADATA_DANGLING, METADATA_SIZES,
      POLICY_CASES, BASELINE_CASES, TOOLCHAIN_CASES, CONFIG_CASES, INPUT_CASES, CLI_CASES, EVENT_CASES, OVERSIZED_CASES
    ]) {
      expect(new Set(table.map(c => c.name)).size).toBe(table.length)
    }
    expect(COUNTS.policy).toBeGreaterThanOrEqual(30)
    expect(COUNTS.baseline).toBeGreaterThanOrEqual(20)
    expect(COUNTS.toolchain).toBeGreaterThanOrEqual(20)
    expect(COUNTS['cargo-config']).toBeGreaterThanOrEqual(20)
    expect(COUNTS['inputs-and-args']).toBeGreaterThanOrEqual(40)
    expect(COUNTS.event).toBeGreaterThanOrEqual(10)
    expect(METADATA_TRUNCATED.length).toBeGreaterThanOrEqual(30)
  })
})

import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'

/**
 * The bundled action reads some files of the repository itself: the toolchain file, the policy file, cargo
 * config files and their includes, manifests and Rust sources. A pull request can commit any of them as a
 * symlink to a file of the runner, or name one in an `include`; what is read from it could then reach the
 * job summary, the report or an error line. A secret outside the repository holds a unique string: it must
 * appear nowhere, each attempt stops the run in one line (or, for sources, is skipped), and the controls
 * show that the same files are read when trusted — the canaries are live.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-symlink-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const SECRET = `ghs_${randomBytes(12).toString('hex')}`
const OUTSIDE = 'leads outside the repository through a symlink'

/** Files outside every repository, each shaped so that reading it would show the secret. */
const outside = path.join(tmp, 'outside')
const secret = {
  /** A legacy `rust-toolchain`, or a token file: one line. */
  token: path.join(outside, 'token'),
  toolchain: path.join(outside, 'toolchain.toml'),
  policy: path.join(outside, 'policy.toml'),
  config: path.join(outside, 'config.toml'),
  manifest: path.join(outside, 'Cargo.toml'),
  /** A directory of sources, and a lone source, each declaring an allocator named by the secret. */
  sourceDir: path.join(outside, 'src'),
  source: path.join(outside, 'lib.rs')
}
const ALLOCATOR = `#[global_allocator]\nstatic ${SECRET}: Counting = Counting;\n`
fs.mkdirSync(secret.sourceDir, { recursive: true })
fs.writeFileSync(secret.token, `${SECRET}\n`)
fs.writeFileSync(secret.toolchain, `[toolchain]\nchannel = "${SECRET}"\n`)
fs.writeFileSync(secret.policy, `${SECRET} = true\n`)
fs.writeFileSync(secret.config, `[build]\ntarget = "${SECRET}"\n`)
fs.writeFileSync(secret.manifest, `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\ndescription = "${SECRET}"\n`)
fs.writeFileSync(path.join(secret.sourceDir, 'main.rs'), `${ALLOCATOR}fn main() {}\n`)
fs.writeFileSync(secret.source, ALLOCATOR)

let n = 0
/** A one-package checkout, a sibling of `outside`. */
function checkout(): string {
  const dir = path.join(tmp, `ws${n++}`)
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n')
  fs.writeFileSync(path.join(dir, 'src', 'main.rs'), 'fn main() {}\n')
  return dir
}

function link(ws: string, name: string, target: string): void {
  fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
  fs.symlinkSync(target, path.join(ws, name))
}

function write(ws: string, name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true })
  fs.writeFileSync(path.join(ws, name), text)
}

interface Run {
  status: number | null
  /** The step's own `::error::` lines. */
  errors: string[]
  summary: string
  report: string
  /** Everything the step left: stdout, stderr, summary, report and outputs. */
  all: string
}

/** Runs the bundled action in `ws` as a `pull_request` job would; nothing of the test's own environment leaks in. */
function action(ws: string, inputs: Record<string, string> = {}, extra: Record<string, string> = {}): Run {
  const files = { summary: path.join(tmp, `summary-${n}`), output: path.join(tmp, `output-${n}`), report: path.join(tmp, `report-${n++}.json`) }
  fs.writeFileSync(files.summary, '')
  fs.writeFileSync(files.output, '')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(?:INPUT_|GITHUB_|RUNNER_|RUSTFLAGS$|CARGO_ENCODED_RUSTFLAGS$|CARGO_BUILD_|CARGO_TARGET_|RUSTUP_TOOLCHAIN$|RUSTC)/.test(k)) env[k] = v
  }
  Object.assign(env, { GITHUB_WORKSPACE: ws, GITHUB_EVENT_NAME: 'pull_request', GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary })
  const all = { offline: 'true', 'fail-on': 'never', 'report-path': files.report, ...inputs }
  for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v
  Object.assign(env, extra)
  const r = spawnSync(process.execPath, [ACTION], { cwd: ws, env, encoding: 'utf8' })
  const read = (f: string): string => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')
  const summary = read(files.summary)
  const report = read(files.report)
  return {
    status: r.status,
    errors: r.stdout.split('\n').filter(line => line.startsWith('::error::')),
    summary,
    report,
    all: [r.stdout, r.stderr, summary, report, read(files.output)].join('\n')
  }
}

const trusted = { 'trust-repository-config': 'true' }

/** The run stopped with one error line holding every part, and the secret is nowhere. */
function expectStop(r: Run, ...parts: string[]): void {
  expect(r.all).not.toContain(SECRET)
  expect(r.status).toBe(1)
  expect(r.errors).toHaveLength(1)
  for (const part of parts) expect(r.errors[0]).toContain(part)
  expect(r.all).not.toMatch(/internal error|\n\s+at \S+ \(/)
}

/** The run went through, and the secret is nowhere. */
function expectQuiet(r: Run): void {
  expect(r.all).not.toContain(SECRET)
  expect(r.errors).toEqual([])
  expect(r.status).toBe(0)
  expect(JSON.parse(r.report).artifacts.length).toBeGreaterThan(0)
}

describe('a toolchain file that is a symlink out of the repository', () => {
  it('legacy `rust-toolchain`: one line naming it, whether rustup or the analysis would read it; trusted, its line reaches the summary', () => {
    const ws = checkout()
    link(ws, 'rust-toolchain', secret.token)
    expectStop(action(ws), `${ws}/rust-toolchain: it ${OUTSIDE}`)
    // With a toolchain input, rustup needs no pin; the analysis still reads it for the summary and findings.
    expectStop(action(ws, { 'rust-toolchain': 'stable' }), `${ws}/rust-toolchain: it ${OUTSIDE}`, 'trust-repository-config')

    const live = action(ws, { 'rust-toolchain': 'stable', ...trusted })
    expect(live.status).toBe(0)
    expect(live.summary).toContain(SECRET)
    expect(JSON.parse(live.report).toolchain.pin.channel).toBe(SECRET)
  })

  it('`rust-toolchain.toml`: one line naming it; trusted, its channel is read', () => {
    const ws = checkout()
    link(ws, 'rust-toolchain.toml', secret.toolchain)
    expectStop(action(ws), `${ws}/rust-toolchain.toml: it ${OUTSIDE}`)
    expectStop(action(ws, { 'rust-toolchain': 'stable' }), `${ws}/rust-toolchain.toml: it ${OUTSIDE}`)
    const live = action(ws, trusted)
    expect(live.status).toBe(1)
    expect(live.errors.join('\n')).toContain(`the toolchain \`${SECRET}\` cannot be used`)
  })

  it('control: a symlink that stays inside the repository is read', () => {
    const ws = checkout()
    write(ws, 'config/toolchain.toml', '[toolchain]\nchannel = "stable"\n')
    link(ws, 'rust-toolchain.toml', path.join('config', 'toolchain.toml'))
    const r = action(ws)
    expectQuiet(r)
    expect(JSON.parse(r.report).toolchain.pin).toMatchObject({ channel: 'stable', file: 'rust-toolchain.toml' })
  })
})

describe('the policy file', () => {
  it('`.github/rust-linkage.toml` as a symlink out: one line naming it; trusted, it is parsed', () => {
    const ws = checkout()
    link(ws, '.github/rust-linkage.toml', secret.policy)
    expectStop(action(ws), `cannot read policy file \`.github/rust-linkage.toml\`: it ${OUTSIDE}`)
    expect(action(ws, trusted).errors.join('\n')).toContain(SECRET)
  })

  it('a relative `policy` input that leaves through a directory symlink is refused; an absolute one is the workflow’s choice', () => {
    const ws = checkout()
    link(ws, 'ci', outside)
    expectStop(action(ws, { policy: 'ci/policy.toml' }), `cannot read policy file \`ci/policy.toml\`: it ${OUTSIDE}`)
    // The same file named absolutely is read: the workflow, not the pull request, chose it.
    expect(action(ws, { policy: secret.policy }).errors.join('\n')).toContain(SECRET)
  })

  it('control: a policy file symlinked inside the repository is read', () => {
    const ws = checkout()
    write(ws, 'config/policy.toml', 'inside_marker = true\n')
    link(ws, '.github/rust-linkage.toml', path.join('..', 'config', 'policy.toml'))
    const r = action(ws)
    expect(r.status).toBe(1)
    expect(r.errors.join('\n')).toContain('inside_marker')
  })
})

describe('the baseline input', () => {
  it('a relative baseline through a directory symlink is refused; absolute, or really inside, it is read', () => {
    const ws = checkout()
    const first = action(ws)
    expectQuiet(first)
    const store = path.join(tmp, `baselines${n++}`)
    fs.mkdirSync(store)
    fs.writeFileSync(path.join(store, 'base.json'), first.report)
    link(ws, 'base', store)
    expectStop(action(ws, { baseline: 'base/base.json' }), `cannot read baseline \`base/base.json\`: it ${OUTSIDE}`)
    expectQuiet(action(ws, { baseline: path.join(store, 'base.json') }))
    write(ws, 'inside/base.json', first.report)
    expectQuiet(action(ws, { baseline: 'inside/base.json' }))
  })
})

describe('cargo config files and their includes', () => {
  it('`.cargo/config.toml` as a symlink out, or under a `.cargo` directory symlink: one line naming it; trusted, it is read', () => {
    const ws = checkout()
    link(ws, '.cargo/config.toml', secret.config)
    const config = path.join(ws, '.cargo', 'config.toml')
    expectStop(action(ws), `could not read cargo config file ${config}: it ${OUTSIDE}`)
    expect(action(ws, trusted).errors.join('\n')).toContain(SECRET)

    const dir = checkout()
    link(dir, '.cargo', outside)
    expectStop(action(dir), `could not read cargo config file ${path.join(dir, '.cargo', 'config.toml')}: it ${OUTSIDE}`)
  })

  for (const [kind, written] of [
    ['relative', '../../outside/config.toml'],
    ['absolute', secret.config]
  ] as const) {
    it(`an include naming a file outside the repository (${kind}) stops the run at its line; trusted, it is read`, () => {
      const ws = checkout()
      write(ws, '.cargo/config.toml', `# shared settings\ninclude = [${JSON.stringify(written)}]\n\n[build]\njobs = 1\n`)
      expect(path.resolve(ws, '.cargo', written)).toBe(secret.config)
      expectStop(action(ws), `${path.join(ws, '.cargo', 'config.toml')}:2: config include \`${written}\` names a file outside the repository`)
      expect(action(ws, trusted).errors.join('\n')).toContain(SECRET)
    })
  }

  it('an optional include outside the repository is refused whether or not it exists', () => {
    const ws = checkout()
    write(ws, '.cargo/config.toml', 'include = [{ path = "../../nowhere/x.toml", optional = true }]\n')
    expectStop(action(ws), 'config include `../../nowhere/x.toml` names a file outside the repository')
  })

  it('an include inside the repository that is a symlink out: one line naming the included file', () => {
    const ws = checkout()
    write(ws, '.cargo/config.toml', 'include = ["extra.toml"]\n')
    link(ws, '.cargo/extra.toml', secret.config)
    expectStop(action(ws), `could not read cargo config file ${path.join(ws, '.cargo', 'extra.toml')}: it ${OUTSIDE}`)
  })

  it('control: a config file and an include symlinked inside the repository are read', () => {
    const ws = checkout()
    const marker = `inside${randomBytes(4).toString('hex')}`
    write(ws, 'config/cargo.toml', 'include = ["../config/more.toml"]\n')
    write(ws, 'config/more.toml', `[build]\ntarget = "${marker}"\n`)
    link(ws, '.cargo/config.toml', path.join('..', 'config', 'cargo.toml'))
    const r = action(ws)
    expect(r.status).toBe(1)
    expect(r.errors.join('\n')).toContain(marker)
  })
})

describe('manifests', () => {
  it('a `Cargo.toml` that is a symlink out stops the run in one line naming it; one symlinked inside is read', () => {
    const ws = checkout()
    fs.unlinkSync(path.join(ws, 'Cargo.toml'))
    link(ws, 'Cargo.toml', secret.manifest)
    expectStop(action(ws), `${ws}/Cargo.toml: it ${OUTSIDE}`)

    const inside = checkout()
    fs.renameSync(path.join(inside, 'Cargo.toml'), path.join(inside, 'app.toml'))
    link(inside, 'Cargo.toml', 'app.toml')
    expectQuiet(action(inside))
  })
})

describe('Rust sources read by the rules', () => {
  // With `std` linked dynamically, a `#[global_allocator]` in an executable's package is reported with its item.
  const dynamic = { RUSTFLAGS: '-C prefer-dynamic' }
  const allocatorItems = (r: Run): string[] =>
    (JSON.parse(r.report).findings as { rule: string; message: string }[]).filter(f => f.rule === 'global-allocator-ignored').map(f => f.message)

  function cases(): [string, string][] {
    const dir = checkout()
    fs.rmSync(path.join(dir, 'src'), { recursive: true })
    link(dir, 'src', secret.sourceDir)

    const file = checkout()
    link(file, 'src/lib.rs', secret.source)

    // A manifest can name a target anywhere; cargo metadata does not read it.
    const named = checkout()
    fs.rmSync(path.join(named, 'src'), { recursive: true })
    write(named, 'Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[[bin]]\nname = "app"\npath = "../outside/src/main.rs"\n')
    expect(path.resolve(named, '../outside/src/main.rs')).toBe(path.join(secret.sourceDir, 'main.rs'))
    return [
      ['`src` as a directory symlink out', dir],
      ['`src/lib.rs` as a symlink out', file],
      ['a `[[bin]] path` outside the repository', named]
    ]
  }

  it('are skipped silently when they lead outside; trusted, the allocator item reaches the report', () => {
    for (const [, ws] of cases()) {
      const r = action(ws, {}, dynamic)
      expectQuiet(r)
      expect(allocatorItems(r)).toEqual([])
      const live = action(ws, trusted, dynamic)
      expect(live.status).toBe(0)
      expect(allocatorItems(live).join('\n')).toContain(SECRET)
    }
  })

  it('one large source linked 1,999 times is read once: the run ends in its usual time, its allocator reported once', () => {
    const ws = checkout()
    // 4 MiB less a little, the most a source file may have: 1,999 reads of it would hold 8 GB of text.
    write(ws, 'big.rs', `#[global_allocator]\nstatic BIG_ALLOC: Counting = Counting;\n${'// padding padding padding padding padding padding padding padding padding\n'.repeat(55_000)}`)
    for (let i = 1; i < 2000; i++) link(ws, `src/many/f${i}.rs`, path.join('..', '..', 'big.rs'))
    const started = Date.now()
    const r = action(ws, {}, dynamic)
    expect(r.status).toBe(0)
    expect(allocatorItems(r).filter(m => m.includes('BIG_ALLOC'))).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('control: a source symlinked inside the repository is read', () => {
    const ws = checkout()
    write(ws, 'common/lib.rs', '#[global_allocator]\nstatic INSIDE_ALLOC: Counting = Counting;\n')
    link(ws, 'src/lib.rs', path.join('..', 'common', 'lib.rs'))
    expect(allocatorItems(action(ws, {}, dynamic)).join('\n')).toContain('INSIDE_ALLOC')
  })
})

describe('directories that the data keys of a cargo config name', () => {
  // A crates.io dependency patched to a crate outside the repository: cargo metadata would read its manifest.
  const foreign = path.join(outside, 'foo')
  fs.mkdirSync(path.join(foreign, 'src'), { recursive: true })
  fs.writeFileSync(path.join(foreign, 'Cargo.toml'), `[package]\nname = "foo"\nversion = "1.0.0"\nedition = "2021"\ndescription = "${SECRET}"\n`)
  fs.writeFileSync(path.join(foreign, 'src', 'lib.rs'), '')

  function patched(patchPath: string): string {
    const ws = checkout()
    write(ws, 'Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfoo = "1.0"\n')
    write(ws, '.cargo/config.toml', `[patch.crates-io]\nfoo = { path = ${JSON.stringify(patchPath)} }\n`)
    return ws
  }
  const packages = (r: Run): string[] => (JSON.parse(r.report) as { artifacts: { package: string }[] }).artifacts.map(a => a.package).sort()

  it('a [patch] path outside the repository stops the run at its line; trusted, cargo reads that crate', () => {
    for (const patchPath of [path.relative(path.join(tmp, `ws${n}`), foreign), foreign]) {
      const ws = patched(patchPath)
      expectStop(action(ws), '.cargo/config.toml:2: `patch.crates-io.foo.path` names', 'a directory outside the repository')
      const live = action(ws, trusted)
      expect(live.status).toBe(0)
      expect(packages(live)).toEqual(['app', 'foo'])
    }
  })

  it('a [patch] path through a directory symlink out of the repository is refused too', () => {
    const ws = patched('vendor/foo')
    link(ws, 'vendor', outside)
    expectStop(action(ws), '`patch.crates-io.foo.path` names', 'a directory outside the repository')
  })

  it('a source URL or name with dots of its own is no way around the check', () => {
    const git = checkout()
    write(git, '.cargo/config.toml', `[patch."https://example.com/o/foo.git"]\nfoo = { path = ${JSON.stringify(foreign)} }\n`)
    expectStop(action(git), '`patch.https://example.com/o/foo.git.foo.path` names', 'a directory outside the repository')
    const vendored = checkout()
    write(vendored, '.cargo/config.toml', `[source.crates-io]\nreplace-with = "vendored.sources"\n\n[source."vendored.sources"]\ndirectory = ${JSON.stringify(outside)}\n`)
    expectStop(action(vendored), '`source.vendored.sources.directory` names', 'a directory outside the repository')
  })

  it('control: a [patch] path inside the repository is passed to cargo', () => {
    const ws = patched('vendor/foo')
    fs.cpSync(foreign, path.join(ws, 'vendor', 'foo'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'vendor', 'foo', 'Cargo.toml'), '[package]\nname = "foo"\nversion = "1.0.0"\nedition = "2021"\n')
    const r = action(ws)
    expectQuiet(r)
    expect(packages(r)).toEqual(['app', 'foo'])
  })
})

describe('path packages that the manifests name', () => {
  // A package outside every checkout, named by the secret: listed in the report if cargo's metadata of it is used.
  const foreign = path.join(outside, 'named')
  fs.mkdirSync(path.join(foreign, 'src'), { recursive: true })
  fs.writeFileSync(path.join(foreign, 'Cargo.toml'), `[package]\nname = "${SECRET}"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n`)
  fs.writeFileSync(path.join(foreign, 'src', 'lib.rs'), 'pub fn f() {}\n')

  function depending(manifestTail: string): string {
    const ws = checkout()
    write(ws, 'Cargo.toml', `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n${manifestTail}`)
    write(ws, 'src/main.rs', 'fn main() {\n    leak::f();\n}\n')
    return ws
  }
  const dependency = (p: string): string => `[dependencies]\nleak = { path = ${JSON.stringify(p)}, package = "${SECRET}" }\n`

  it('a path dependency outside the repository, relative or absolute, stops the run naming its path; trusted, the package is analysed', () => {
    for (const p of [path.relative(path.join(tmp, `ws${n}`), foreign), foreign]) {
      const ws = depending(dependency(p))
      expectStop(action(ws), '`Cargo.toml` depends on the path package at `../outside/named/Cargo.toml`, which is outside the repository')
      const live = action(ws, trusted)
      expect(live.status).toBe(0)
      expect(live.report).toContain(SECRET)
    }
  })

  it('through a directory symlink of the checkout, or patched in by the manifest, it is refused too', () => {
    const linked = depending(dependency('vendor/named'))
    link(linked, 'vendor', outside)
    expectStop(action(linked), '`Cargo.toml` depends on the path package at `vendor/named/Cargo.toml`, which is outside the repository')
    const patched = depending(`[dependencies]\nfoo = "1.0"\n\n[patch.crates-io]\nfoo = { path = ${JSON.stringify(path.join(outside, 'foo'))} }\n`)
    write(patched, 'src/main.rs', 'fn main() {}\n')
    expectStop(action(patched), '`Cargo.toml` depends on the path package at `../outside/foo/Cargo.toml`, which is outside the repository')
  })

  it('a `package.workspace` outside the repository stops the run naming the root', () => {
    const ws = checkout()
    const root = path.join(outside, `root${n}`)
    write(root, 'Cargo.toml', `[workspace]\nmembers = [${JSON.stringify(path.relative(root, ws))}]\nresolver = "2"\n`)
    write(ws, 'Cargo.toml', `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\nworkspace = ${JSON.stringify(path.relative(ws, root))}\n`)
    expectStop(action(ws), `the workspace root \`../outside/${path.basename(root)}\` is outside the repository`)
  })

  it('control: a path dependency inside the repository is analysed', () => {
    const ws = depending(dependency('named'))
    fs.cpSync(foreign, path.join(ws, 'named'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'named', 'Cargo.toml'), '[package]\nname = "named"\nversion = "1.0.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["dylib"]\n')
    write(ws, 'Cargo.toml', `[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nleak = { path = "named", package = "named" }\n`)
    const r = action(ws)
    expectQuiet(r)
    expect(r.report).toContain('libnamed.so')
  })
})

describe('the lock file cargo writes', () => {
  /** A runner file that parses as a lock file, as `~/.cargo/credentials.toml` does: cargo would overwrite it. */
  function credentials(): string {
    const file = path.join(outside, `credentials-${n++}.toml`)
    fs.writeFileSync(file, `[registry]\ntoken = "${SECRET}"\n`)
    return file
  }

  it('a Cargo.lock symlinked out of the repository stops the run before cargo reads or writes it; trusted, cargo overwrites it', () => {
    const ws = checkout()
    const target = credentials()
    link(ws, 'Cargo.lock', target)
    expectStop(action(ws), `${ws}/Cargo.lock`, 'is a symlink')
    expect(fs.readFileSync(target, 'utf8')).toContain(SECRET)
    const live = action(ws, trusted)
    expect(live.status).toBe(0)
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^# This file is automatically @generated by Cargo/)
  })

  it('a dangling Cargo.lock symlink creates nothing', () => {
    const ws = checkout()
    const target = path.join(outside, `created-${n++}`)
    link(ws, 'Cargo.lock', target)
    expectStop(action(ws), `${ws}/Cargo.lock`, 'is a symlink')
    expect(fs.existsSync(target)).toBe(false)
  })

  it("the workspace root's lock file counts, whether above the manifest or named by `package.workspace`", () => {
    const above = checkout()
    write(above, 'Cargo.toml', '[workspace]\nmembers = ["member"]\nresolver = "2"\n')
    write(above, 'member/Cargo.toml', '[package]\nname = "member"\nversion = "0.1.0"\nedition = "2021"\n')
    write(above, 'member/src/lib.rs', '')
    link(above, 'Cargo.lock', credentials())
    expectStop(action(above, { 'manifest-path': 'member/Cargo.toml' }), `${above}/Cargo.lock`, 'is a symlink')

    const named = checkout()
    write(named, 'Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\nworkspace = "root"\n')
    write(named, 'root/Cargo.toml', '[workspace]\nmembers = [".."]\nresolver = "2"\n')
    link(named, 'root/Cargo.lock', credentials())
    expectStop(action(named), `${named}/root/Cargo.lock`, 'is a symlink')
  })

  it('control: a lock file of its own is read and kept', () => {
    const ws = checkout()
    expectQuiet(action(ws))
    expect(fs.lstatSync(path.join(ws, 'Cargo.lock')).isFile()).toBe(true)
    expectQuiet(action(ws))
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { applyConfigEnv, type CargoConfig, mergeCargoConfig } from '../../src/config/cargo-config.js'
import { effectiveRustdocflags, effectiveRustflags, resolveRustflags, type RustflagsOptions } from '../../src/config/rustflags.js'
import { readCargoConfig } from '../../src/gather/cargo-config.js'
import { type CfgSet, parseCfgLines } from '../../src/model/cfg.js'

const HOST = 'x86_64-unknown-linux-gnu'
const linuxCfg = parseCfgLines('debug_assertions\npanic="unwind"\ntarget_arch="x86_64"\ntarget_family="unix"\ntarget_os="linux"\nunix\n')
const FILE = '/w/.cargo/config.toml'

function config(text: string, env: Record<string, string> = {}, cli: string[] = []): CargoConfig {
  return applyConfigEnv(mergeCargoConfig([{ path: FILE, text }], { cli }), env)
}

function flags(cfgText: string, overrides: Partial<RustflagsOptions> = {}): string[] {
  return effectiveRustflags({ env: {}, config: config(cfgText), kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg, ...overrides }).flags
}

const everything = [
  'build.rustflags = ["--cfg=build"]',
  "[target.'cfg(unix)']",
  'rustflags = ["--cfg=cfg_unix"]',
  "[target.'cfg(all())']",
  'rustflags = ["--cfg=cfg_all"]',
  `[target.${HOST}]`,
  'rustflags = ["--cfg=triple"]'
].join('\n')

describe('effectiveRustflags precedence (as observed with cargo 1.95)', () => {
  it('uses target.<triple>.rustflags then matching cfg tables in key order, ignoring build.rustflags', () => {
    expect(flags(everything)).toEqual(['--cfg=triple', '--cfg=cfg_all', '--cfg=cfg_unix'])
  })

  it('lets RUSTFLAGS replace all config, split on spaces only', () => {
    expect(flags(everything, { env: { RUSTFLAGS: ' --cfg=a   -C\tx ' } })).toEqual(['--cfg=a', '-C\tx'])
  })

  it('treats an empty RUSTFLAGS as "no flags", hiding build.rustflags', () => {
    const result = effectiveRustflags({ env: { RUSTFLAGS: '' }, config: config(everything), kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg })
    expect(result).toMatchObject({ flags: [], origin: 'RUSTFLAGS', source: { env: 'RUSTFLAGS' } })
  })

  it('prefers CARGO_ENCODED_RUSTFLAGS over RUSTFLAGS, split on \\x1f only', () => {
    const env = { CARGO_ENCODED_RUSTFLAGS: '--cfg=k="a b"\x1f-Cprefer-dynamic', RUSTFLAGS: '--cfg=plain' }
    expect(flags(everything, { env })).toEqual(['--cfg=k="a b"', '-Cprefer-dynamic'])
    expect(flags(everything, { env: { CARGO_ENCODED_RUSTFLAGS: '', RUSTFLAGS: '--cfg=plain' } })).toEqual([])
    // A trailing separator passes an empty argument (rustc then fails), as cargo does.
    expect(flags('', { env: { CARGO_ENCODED_RUSTFLAGS: '--cfg=a\x1f' } })).toEqual(['--cfg=a', ''])
  })

  it('falls back to build.rustflags when no target table applies, or when the triple’s list is empty', () => {
    expect(flags('build.rustflags = ["--cfg=build"]\n[target.\'cfg(windows)\']\nrustflags = ["--cfg=win"]\n')).toEqual(['--cfg=build'])
    expect(flags(`build.rustflags = ["--cfg=build"]\n[target.${HOST}]\nrustflags = []\n`)).toEqual(['--cfg=build'])
  })

  it('includes CARGO_TARGET_<TRIPLE>_RUSTFLAGS and CARGO_BUILD_RUSTFLAGS from the config layer', () => {
    const cfg = config('build.rustflags = ["--cfg=file"]\n', { CARGO_BUILD_RUSTFLAGS: '--cfg=env' })
    expect(effectiveRustflags({ env: {}, config: cfg, kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg }).flags).toEqual([
      '--cfg=file',
      '--cfg=env'
    ])
    const triple = config('build.rustflags = ["--cfg=file"]\n', { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS: '--cfg=t' })
    expect(effectiveRustflags({ env: {}, config: triple, kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg }).flags).toEqual(['--cfg=t'])
  })

  it('gives host units the same flags without a requested target, and none with one', () => {
    expect(flags(everything, { kind: 'host' })).toEqual(['--cfg=triple', '--cfg=cfg_all', '--cfg=cfg_unix'])
    const withTarget = effectiveRustflags({
      env: { RUSTFLAGS: '-C prefer-dynamic' },
      config: config(everything),
      kind: 'host',
      requestedTarget: HOST,
      triple: HOST,
      cfg: linuxCfg
    })
    expect(withTarget).toMatchObject({ flags: [], origin: 'host-with-target', source: null })
    expect(flags(everything, { requestedTarget: HOST })).toEqual(['--cfg=triple', '--cfg=cfg_all', '--cfg=cfg_unix'])
  })

  it('silently skips cfg keys that do not parse or are not exactly `cfg(…)`', () => {
    const text = "[target.'cfg(foo bar)']\nrustflags = [\"--cfg=bad\"]\n[target.'cfg(unix) ']\nrustflags = [\"--cfg=trailing\"]\n[target.'cfg(unix)']\nrustflags = [\"--cfg=good\"]\n"
    expect(flags(text)).toEqual(['--cfg=good'])
  })

  it('does not let rustc’s `proc_macro` cfg select a table', () => {
    const cfg: CfgSet = { names: new Set([...linuxCfg.names, 'proc_macro']), values: linuxCfg.values }
    expect(flags("[target.'cfg(proc_macro)']\nrustflags = [\"--cfg=pm\"]\n", { cfg })).toEqual([])
  })

  it('points each flag at the line that set it', () => {
    const result = effectiveRustflags({ env: {}, config: config(everything), kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg })
    expect(result.origin).toBe('target')
    expect(result.source).toEqual({ file: FILE, line: 7 })
    expect(result.flagSources).toEqual([
      { file: FILE, line: 7 },
      { file: FILE, line: 5 },
      { file: FILE, line: 3 }
    ])
  })

  it('asks for a cfg probe when cfg tables exist but no cfg is known, using what cargo uses before probing', () => {
    const result = effectiveRustflags({ env: {}, config: config(everything), kind: 'target', requestedTarget: null, triple: HOST, cfg: null })
    expect(result).toMatchObject({ flags: ['--cfg=triple'], needsCfg: true })
    const noTriple = effectiveRustflags({ env: {}, config: config('build.rustflags = ["--cfg=b"]\n[target.\'cfg(unix)\']\nrustflags = ["--cfg=u"]\n'), kind: 'target', requestedTarget: null, triple: HOST, cfg: null })
    expect(noTriple).toMatchObject({ flags: ['--cfg=b'], needsCfg: true })
    const env = effectiveRustflags({ env: { RUSTFLAGS: '' }, config: config(everything), kind: 'target', requestedTarget: null, triple: HOST, cfg: null })
    expect(env.needsCfg).toBe(false)
  })
})

describe('resolveRustflags (cargo’s two-round cfg fixed point)', () => {
  /** A fake rustc: every `--cfg=x` flag shows up in the printed cfg, like real rustc. */
  const probe = async (flagList: readonly string[]): Promise<{ cfg: CfgSet; flags: string[] }> => {
    const cfg = parseCfgLines([...linuxCfg.names].join('\n'))
    cfg.values = linuxCfg.values
    for (const f of flagList) if (f.startsWith('--cfg=')) cfg.names.add(f.slice('--cfg='.length))
    return { cfg, flags: [...flagList] }
  }
  const base = { env: {}, kind: 'target' as const, requestedTarget: null, triple: HOST }

  it('probes again with the flags a matching cfg table adds, and stops when they are stable', async () => {
    let probes = 0
    const result = await resolveRustflags({ ...base, config: config("[target.'cfg(unix)']\nrustflags = [\"--cfg=u\"]\n") }, async f => {
      probes++
      return probe(f)
    })
    expect(result).toMatchObject({ flags: ['--cfg=u'], converged: true })
    expect(probes).toBe(2)
    expect(result.probe.flags).toEqual(['--cfg=u'])
  })

  it('keeps the second-round flags and reports non-convergence, like cargo’s warning', async () => {
    // Observed: cargo builds with `--cfg=foo` only and warns "non-trivial mutual dependency".
    const chained = config("[target.'cfg(all())']\nrustflags = [\"--cfg=foo\"]\n[target.'cfg(foo)']\nrustflags = [\"--cfg=bar\"]\n")
    const result = await resolveRustflags({ ...base, config: chained }, probe)
    expect(result).toMatchObject({ flags: ['--cfg=foo'], converged: false })
    // Observed: the paradox `cfg(not(foo))` ends with both flags.
    const paradox = config("[target.'cfg(all())']\nrustflags = [\"--cfg=foo\"]\n[target.'cfg(not(foo))']\nrustflags = [\"--cfg=bar\"]\n")
    expect(await resolveRustflags({ ...base, config: paradox }, probe)).toMatchObject({ flags: ['--cfg=foo', '--cfg=bar'], converged: false })
  })

  it('probes once with build.rustflags first when only cfg tables could apply', async () => {
    const seen: string[][] = []
    await resolveRustflags({ ...base, config: config("build.rustflags = [\"--cfg=b\"]\n[target.'cfg(windows)']\nrustflags = [\"--cfg=w\"]\n") }, async f => {
      seen.push([...f])
      return probe(f)
    })
    expect(seen).toEqual([['--cfg=b']])
  })
})

describe('effectiveRustdocflags (the flags of rustdoc, which compiles doc tests)', () => {
  const docs = [
    'build.rustdocflags = ["--cfg=doc_build"]',
    "[target.'cfg(unix)']",
    'rustdocflags = ["--cfg=doc_cfg"]',
    `[target.${HOST}]`,
    'rustflags = ["--cfg=triple"]'
  ].join('\n')
  const rustdoc = (text: string, env: Record<string, string> = {}) => effectiveRustdocflags(env, config(text, env), HOST)

  it('reads build.rustdocflags, never a cfg table, and never the rustflags', () => {
    expect(rustdoc(docs)).toEqual({ flags: ['--cfg=doc_build'], source: { file: FILE, line: 1 } })
    expect(rustdoc(everything)).toEqual({ flags: [], source: null })
  })

  it('prefers target.<triple>.rustdocflags (with CARGO_TARGET_<TRIPLE>_RUSTDOCFLAGS) to build.rustdocflags', () => {
    expect(rustdoc(`${docs}\nrustdocflags = ["--cfg=doc_triple"]\n`).flags).toEqual(['--cfg=doc_triple'])
    expect(rustdoc(docs, { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTDOCFLAGS: '--cfg=doc_env_triple' }).flags).toEqual(['--cfg=doc_env_triple'])
    expect(rustdoc(docs, { CARGO_BUILD_RUSTDOCFLAGS: '-C prefer-dynamic' }).flags).toEqual(['--cfg=doc_build', '-C', 'prefer-dynamic'])
  })

  it('lets CARGO_ENCODED_RUSTDOCFLAGS, then RUSTDOCFLAGS, replace all config; RUSTFLAGS change nothing', () => {
    expect(rustdoc(docs, { RUSTDOCFLAGS: ' -C  prefer-dynamic ' })).toEqual({ flags: ['-C', 'prefer-dynamic'], source: { env: 'RUSTDOCFLAGS' } })
    expect(rustdoc(docs, { CARGO_ENCODED_RUSTDOCFLAGS: '-C\x1fprefer-dynamic', RUSTDOCFLAGS: '--cfg=plain' }).flags).toEqual(['-C', 'prefer-dynamic'])
    expect(rustdoc(docs, { RUSTDOCFLAGS: '' }).flags).toEqual([])
    expect(rustdoc(docs, { RUSTFLAGS: '-C prefer-dynamic' }).flags).toEqual(['--cfg=doc_build'])
  })
})

const cargoAvailable = spawnSync('cargo', ['--version'], { encoding: 'utf8' }).status === 0

/** Runs real cargo; slow (a few seconds). */
describe('integration with real cargo 1.95 (runs `cargo build -v --offline`)', () => {
  let dir = ''
  beforeAll(() => {
    if (!cargoAvailable) return
    dir = mkdtempSync(path.join(os.tmpdir(), 'rlg-rustflags-'))
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    write('ws/Cargo.toml', '[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\n[lib]\npath = "lib.rs"\n')
    write('ws/lib.rs', '')
    write('home/config.toml', '')
    write(
      'ws/.cargo/config.toml',
      'build.rustflags = ["--cfg=from_build"]\nbuild.rustdocflags = ["--cfg=doc_build"]\n[target.\'cfg(target_os = "linux")\']\nrustflags = ["--cfg=from_cfg"]\nrustdocflags = ["--cfg=doc_cfg"]\n[target.\'cfg(windows)\']\nrustflags = ["--cfg=never"]\n'
    )
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** The flags cargo passed to rustc for the `probe` crate, restricted to our `--cfg=` markers. */
  const cargoFlags = (env: Record<string, string>): string[] => {
    const run = spawnSync('cargo', ['build', '-v', '--offline'], {
      cwd: path.join(dir, 'ws'),
      encoding: 'utf8',
      env: { ...process.env, CARGO_HOME: path.join(dir, 'home'), CARGO_TARGET_DIR: path.join(dir, `target-${Object.keys(env).join('-') || 'plain'}`), ...env }
    })
    const line = run.stderr.split('\n').find(l => l.includes('Running `') && l.includes('--crate-name probe'))
    if (!line) throw new Error(`cargo did not compile the crate:\n${run.stderr}`)
    return [...line.matchAll(/--cfg=(from_\w+|never|env\w*)/g)].map(m => m[0])
  }
  const predicted = (env: Record<string, string>): string[] => {
    const cfg = readCargoConfig(path.join(dir, 'ws'), { ...process.env, CARGO_HOME: path.join(dir, 'home'), ...env })
    return effectiveRustflags({ env, config: cfg, kind: 'target', requestedTarget: null, triple: HOST, cfg: linuxCfg }).flags
  }

  const maybe = cargoAvailable && process.platform === 'linux' && process.arch === 'x64' ? it : it.skip
  maybe('RUSTFLAGS beats target.<cfg>.rustflags, which beats build.rustflags', () => {
    expect(cargoFlags({})).toEqual(['--cfg=from_cfg'])
    expect(predicted({})).toEqual(['--cfg=from_cfg'])
    expect(cargoFlags({ RUSTFLAGS: '--cfg=env_plain' })).toEqual(['--cfg=env_plain'])
    expect(predicted({ RUSTFLAGS: '--cfg=env_plain' })).toEqual(['--cfg=env_plain'])
    expect(cargoFlags({ RUSTFLAGS: '' })).toEqual([])
    expect(predicted({ RUSTFLAGS: '' })).toEqual([])
  })

  /** The `--cfg=doc…` flags cargo passes to `rustdoc --test` (`cargo test --doc -v`). */
  const rustdocFlags = (env: Record<string, string>): string[] => {
    const run = spawnSync('cargo', ['test', '--doc', '-v', '--offline'], {
      cwd: path.join(dir, 'ws'),
      encoding: 'utf8',
      env: { ...process.env, CARGO_HOME: path.join(dir, 'home'), CARGO_TARGET_DIR: path.join(dir, 'target'), ...env }
    })
    const line = run.stderr.split('\n').find(l => l.includes('Running `') && l.includes('--test'))
    if (!line) throw new Error(`cargo ran no doc tests:\n${run.stderr}`)
    return [...line.matchAll(/--cfg=(doc_\w+)/g)].map(m => m[0])
  }
  const predictedDoc = (env: Record<string, string>): string[] => {
    const cfg = readCargoConfig(path.join(dir, 'ws'), { ...process.env, CARGO_HOME: path.join(dir, 'home'), ...env })
    return effectiveRustdocflags(env, cfg, HOST).flags
  }

  maybe('rustdoc gets RUSTDOCFLAGS, else target.<triple>.rustdocflags, else build.rustdocflags, never a cfg table', () => {
    const envs: Record<string, string>[] = [{}, { RUSTDOCFLAGS: '--cfg=doc_env' }, { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTDOCFLAGS: '--cfg=doc_triple' }, { RUSTFLAGS: '--cfg=doc_rustflags' }]
    for (const env of envs) {
      expect({ env, flags: predictedDoc(env) }).toEqual({ env, flags: rustdocFlags(env) })
    }
    expect(rustdocFlags({})).toEqual(['--cfg=doc_build'])
  })
})

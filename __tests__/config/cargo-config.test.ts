import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { applyConfigEnv, buildDirectories, type CargoConfig, configFilePaths, type ConfigStringList, mergeCargoConfig, requestedTarget, tripleRustflags } from '../../src/config/cargo-config.js'
import { UserError } from '../../src/errors.js'
import { readCargoConfig } from '../../src/gather/cargo-config.js'

const values = (list: ConfigStringList | null): string[] => list?.items.map(i => i.value) ?? []

describe('configFilePaths', () => {
  it('lists cwd and every parent, legacy `config` before `config.toml`, then CARGO_HOME', () => {
    expect(configFilePaths('/w/ws/member', '/home/u/.cargo')).toEqual([
      '/w/ws/member/.cargo/config',
      '/w/ws/member/.cargo/config.toml',
      '/w/ws/.cargo/config',
      '/w/ws/.cargo/config.toml',
      '/w/.cargo/config',
      '/w/.cargo/config.toml',
      '/.cargo/config',
      '/.cargo/config.toml',
      '/home/u/.cargo/config',
      '/home/u/.cargo/config.toml'
    ])
  })

  it('does not list CARGO_HOME twice when it is the .cargo directory of a parent', () => {
    const paths = configFilePaths('/home/u/project', '/home/u/.cargo')
    expect(paths.filter(p => p === '/home/u/.cargo/config.toml')).toHaveLength(1)
    expect(paths.at(-1)).toBe('/.cargo/config.toml')
  })

  it('resolves a relative CARGO_HOME against cwd', () => {
    expect(configFilePaths('/w', 'home').slice(-2)).toEqual(['/w/home/config', '/w/home/config.toml'])
  })
})

describe('mergeCargoConfig', () => {
  const ws = { path: '/w/ws/.cargo/config.toml', text: '[build]\nrustflags = ["--cfg=ws"]\ntarget-dir = "ws-target"\n' }
  const parent = { path: '/w/.cargo/config.toml', text: '[build]\nrustflags = ["--cfg=parent"]\ntarget-dir = "parent-target"\njobs = 2\n' }
  const home = { path: '/home/u/.cargo/config.toml', text: 'build.rustflags = ["--cfg=home"]\n' }

  it('lets the deeper directory win for scalars and merges tables key by key', () => {
    const config = mergeCargoConfig([ws, parent, home])
    const build = config.tree.entries.get('build')
    expect(build?.kind).toBe('table')
    if (build?.kind !== 'table') return
    expect(build.entries.get('target-dir')).toMatchObject({ value: 'ws-target', source: { file: ws.path, line: 3 } })
    expect(build.entries.get('jobs')).toMatchObject({ value: 2, source: { file: parent.path, line: 4 } })
  })

  it('concatenates arrays outermost first (CARGO_HOME, then parents, then cwd), with each element’s line', () => {
    const config = mergeCargoConfig([ws, parent, home])
    expect(values(config.buildRustflags)).toEqual(['--cfg=home', '--cfg=parent', '--cfg=ws'])
    expect(config.buildRustflags?.items.map(i => i.source)).toEqual([
      { file: home.path, line: 1 },
      { file: parent.path, line: 2 },
      { file: ws.path, line: 2 }
    ])
    expect(config.files).toEqual([home.path, parent.path, ws.path])
  })

  it('splits a string `build.rustflags` on whitespace', () => {
    const config = mergeCargoConfig([{ path: '/w/.cargo/config.toml', text: 'build.rustflags = "-C  prefer-dynamic\\t--cfg=x"\n' }])
    expect(values(config.buildRustflags)).toEqual(['-C', 'prefer-dynamic', '--cfg=x'])
  })

  it('rejects a string in one file and an array in another, as cargo does', () => {
    const str = { path: '/w/.cargo/config.toml', text: 'build.rustflags = "--cfg=a"\n' }
    expect(() => mergeCargoConfig([ws, str])).toThrow(UserError)
    expect(() => mergeCargoConfig([ws, str])).toThrow(/^\/w\/ws\/\.cargo\/config\.toml:2: cannot merge config key `build\.rustflags`: an array here, but a string at \/w\/\.cargo\/config\.toml:1$/)
  })

  it('collects target rustflags by triple and by cfg, with the dotted-triple lookup cargo uses', () => {
    const config = mergeCargoConfig([
      {
        path: '/w/.cargo/config.toml',
        text: [
          "[target.'cfg(unix)']",
          'rustflags = ["--cfg=unix"]',
          '[target.x86_64-unknown-linux-gnu]',
          'rustflags = "--cfg=a --cfg=b"',
          'linker = "cc"',
          '[target.thumbv8m.main-none-eabi]',
          'rustflags = ["--cfg=dotted"]',
          '[target."thumbv7em.none-eabi"]',
          'rustflags = ["--cfg=quoted-never-read"]'
        ].join('\n')
      }
    ])
    expect([...config.targetRustflags.keys()].sort()).toEqual(['cfg(unix)', 'thumbv8m.main-none-eabi', 'x86_64-unknown-linux-gnu'])
    expect(values(config.targetRustflags.get('x86_64-unknown-linux-gnu') ?? null)).toEqual(['--cfg=a', '--cfg=b'])
  })

  it('exposes raw profile tables with their sources', () => {
    const config = mergeCargoConfig([{ path: '/w/.cargo/config.toml', text: '[profile.release]\nlto = "thin"\n' }])
    expect(config.profiles.get('release')?.entries.get('lto')).toMatchObject({ value: 'thin', source: { file: '/w/.cargo/config.toml', line: 2 } })
  })

  describe('include', () => {
    const main = {
      path: '/w/.cargo/config.toml',
      text: 'include = ["sub/a.toml", { path = "b.toml" }, { path = "gone.toml", optional = true }]\n[build]\nrustflags = ["--cfg=main"]\n'
    }
    const includes = new Map([
      ['/w/.cargo/sub/a.toml', 'include = ["../c.toml"]\nbuild.rustflags = ["--cfg=a"]\nbuild.target-dir = "a"\nbuild.jobs = 1\n'],
      ['/w/.cargo/b.toml', 'build.rustflags = ["--cfg=b"]\nbuild.target-dir = "b"\n'],
      ['/w/.cargo/c.toml', 'build.rustflags = ["--cfg=c"]\n']
    ])

    it('merges included files below the including file, later includes above earlier ones, paths relative to the includer', () => {
      const config = mergeCargoConfig([main], { includes })
      expect(values(config.buildRustflags)).toEqual(['--cfg=c', '--cfg=a', '--cfg=b', '--cfg=main'])
      expect(config.files).toEqual(['/w/.cargo/c.toml', '/w/.cargo/sub/a.toml', '/w/.cargo/b.toml', '/w/.cargo/config.toml'])
      const build = config.tree.entries.get('build')
      if (build?.kind !== 'table') throw new Error('no build table')
      expect(build.entries.get('target-dir')).toMatchObject({ value: 'b', source: { file: '/w/.cargo/b.toml', line: 2 } })
      expect(build.entries.get('jobs')).toMatchObject({ value: 1 })
      expect(config.tree.entries.has('include')).toBe(false)
    })

    it('fails for a missing non-optional include, naming the line', () => {
      const text = 'include = ["nope.toml"]\n'
      expect(() => mergeCargoConfig([{ path: '/w/.cargo/config.toml', text }])).toThrow(
        /^\/w\/\.cargo\/config\.toml:1: config include `nope\.toml` not found/
      )
    })

    it('accepts only arrays of `.toml` paths or tables', () => {
      expect(() => mergeCargoConfig([{ path: '/w/.cargo/config.toml', text: 'include = "a.toml"\n' }])).toThrow(/`include` must be an array/)
      expect(() => mergeCargoConfig([{ path: '/w/.cargo/config.toml', text: 'include = ["a.conf"]\n' }])).toThrow(/must be a path ending with `\.toml`/)
    })

    it('rejects loading a file twice, as cargo’s cycle check does', () => {
      const twice = { path: '/w/.cargo/config.toml', text: 'include = ["x.toml", "x.toml"]\n' }
      expect(() => mergeCargoConfig([twice], { includes: new Map([['/w/.cargo/x.toml', '']]) })).toThrow(/cycle detected with path `\/w\/\.cargo\/x\.toml`/)
      const loop = { path: '/w/.cargo/config.toml', text: 'include = ["x.toml"]\n' }
      expect(() => mergeCargoConfig([loop], { includes: new Map([['/w/.cargo/x.toml', 'include = ["config.toml"]\n']]) })).toThrow(/cycle detected/)
    })
  })

  describe('--config overrides', () => {
    it('win over files for scalars and append to arrays', () => {
      const config = mergeCargoConfig([ws], { cli: ['build.target-dir="cli"', 'build.rustflags=["--cfg=cli"]', 'profile.release.lto=true'] })
      const build = config.tree.entries.get('build')
      if (build?.kind !== 'table') throw new Error('no build table')
      expect(build.entries.get('target-dir')).toMatchObject({ value: 'cli', source: { cli: 'build.target-dir="cli"' } })
      expect(values(config.buildRustflags)).toEqual(['--cfg=ws', '--cfg=cli'])
      expect(config.profiles.get('release')?.entries.get('lto')).toMatchObject({ value: true })
    })

    it('rejects anything but KEY=VALUE', () => {
      expect(() => mergeCargoConfig([], { cli: ['build.jobs'] })).toThrow(/^--config argument `build\.jobs` is not a `KEY=VALUE` TOML expression/)
      expect(() => mergeCargoConfig([], { cli: ['[build]'] })).toThrow(UserError)
    })
  })
})

describe('applyConfigEnv', () => {
  const base = (text: string, cli: string[] = []): CargoConfig => mergeCargoConfig([{ path: '/w/.cargo/config.toml', text }], { cli })

  it('appends CARGO_BUILD_RUSTFLAGS after file values and before --config values', () => {
    const config = applyConfigEnv(base('build.rustflags = ["--cfg=file"]\n', ['build.rustflags=["--cfg=cli"]']), {
      CARGO_BUILD_RUSTFLAGS: '--cfg=e1  --cfg=e2'
    })
    expect(values(config.buildRustflags)).toEqual(['--cfg=file', '--cfg=e1', '--cfg=e2', '--cfg=cli'])
    expect(config.buildRustflags?.items[1]?.source).toEqual({ env: 'CARGO_BUILD_RUSTFLAGS' })
  })

  it('appends CARGO_TARGET_<TRIPLE>_RUSTFLAGS to target.<triple>.rustflags', () => {
    const config = applyConfigEnv(base('target.x86_64-unknown-linux-gnu.rustflags = ["--cfg=file"]\n'), {
      CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS: '--cfg=env'
    })
    expect(values(tripleRustflags(config, 'x86_64-unknown-linux-gnu'))).toEqual(['--cfg=file', '--cfg=env'])
    expect(values(tripleRustflags(config, 'thumbv8m.main-none-eabi'))).toEqual([])
    const dotted = applyConfigEnv(base(''), { CARGO_TARGET_THUMBV8M_MAIN_NONE_EABI_RUSTFLAGS: '--cfg=env' })
    expect(values(tripleRustflags(dotted, 'thumbv8m.main-none-eabi'))).toEqual(['--cfg=env'])
  })

  it('lets CARGO_BUILD_TARGET replace a string build.target but not a --config one', () => {
    const fromFile = applyConfigEnv(base('build.target = "x86_64-unknown-linux-gnu"\n'), { CARGO_BUILD_TARGET: 'i686-unknown-linux-gnu' })
    expect(fromFile.buildTarget).toEqual({ kind: 'single', target: { value: 'i686-unknown-linux-gnu', source: { env: 'CARGO_BUILD_TARGET' } } })
    const fromCli = applyConfigEnv(base('', ['build.target="wasm32-unknown-unknown"']), { CARGO_BUILD_TARGET: 'i686-unknown-linux-gnu' })
    expect(fromCli.buildTarget).toMatchObject({ kind: 'single', target: { value: 'wasm32-unknown-unknown' } })
  })

  it('adds CARGO_BUILD_TARGET to an array build.target (each target once)', () => {
    const config = applyConfigEnv(base('build.target = ["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-gnu"]\n'), {
      CARGO_BUILD_TARGET: 'wasm32-unknown-unknown'
    })
    expect(config.buildTarget?.kind === 'multi' && config.buildTarget.targets.map(t => t.value)).toEqual([
      'x86_64-unknown-linux-gnu',
      'wasm32-unknown-unknown'
    ])
  })
})

describe('requestedTarget', () => {
  const config = (text: string): CargoConfig => mergeCargoConfig([{ path: '/w/ws/.cargo/config.toml', text }])

  it('prefers --target, then build.target; an empty array means the host', () => {
    expect(requestedTarget(config('build.target = "a-b-c"\n'), 'x-y-z', '/w')).toBe('x-y-z')
    expect(requestedTarget(config('build.target = "a-b-c"\n'), null, '/w')).toBe('a-b-c')
    expect(requestedTarget(config('build.target = ["a-b-c"]\n'), null, '/w')).toBe('a-b-c')
    expect(requestedTarget(config('build.target = []\n'), null, '/w')).toBeNull()
    expect(requestedTarget(config(''), null, '/w')).toBeNull()
  })

  it('resolves a .json target spec against the directory holding the .cargo directory', () => {
    expect(requestedTarget(config('build.target = "specs/my.json"\n'), null, '/elsewhere')).toBe('/w/ws/specs/my.json')
    expect(requestedTarget(config(''), 'my.json', '/elsewhere')).toBe('/elsewhere/my.json')
  })

  it('refuses several targets, since each would link differently', () => {
    const multi = config('build.target = ["a-b-c", "x-y-z"]\n')
    expect(() => requestedTarget(multi, null, '/w')).toThrow(UserError)
    expect(() => requestedTarget(multi, null, '/w')).toThrow(/build\.target lists 2 targets: `a-b-c` \(\/w\/ws\/\.cargo\/config\.toml:1\).*pass --target/)
  })
})

describe('buildDirectories', () => {
  const config = (text: string, cli: string[] = []): CargoConfig => mergeCargoConfig([{ path: '/w/ws/.cargo/config.toml', text }], { cli })
  const places = { workspaceRoot: '/w/ws/app', cargoHome: '/home/u/.cargo', buildDirKnown: true }
  const dirs = (text: string, env: Record<string, string> = {}, cli: string[] = []) => buildDirectories(config(text, cli), env, '/w/ws/app/sub', places)

  it('takes CARGO_TARGET_DIR first, then build.target-dir from --config, CARGO_BUILD_TARGET_DIR, and files, as cargo does', () => {
    const file = 'build.target-dir = "out"\n'
    expect(dirs('').targetDir).toBeNull()
    expect(dirs(file).targetDir).toBe('/w/ws/out')
    expect(dirs(file, { CARGO_BUILD_TARGET_DIR: 'env-out' }).targetDir).toBe('/w/ws/app/sub/env-out')
    expect(dirs(file, { CARGO_BUILD_TARGET_DIR: 'env-out' }, ['build.target-dir="cli-out"']).targetDir).toBe('/w/ws/app/sub/cli-out')
    expect(dirs(file, { CARGO_TARGET_DIR: '../t', CARGO_BUILD_TARGET_DIR: 'env-out' }, ['build.target-dir="cli-out"']).targetDir).toBe('/w/ws/app/t')
    expect(dirs('build.target-dir = "/abs/t"\n').targetDir).toBe('/abs/t')
  })

  it("refuses an empty target directory in cargo's words, naming where it was set", () => {
    expect(() => dirs('', { CARGO_TARGET_DIR: '' })).toThrow('the target directory is set to an empty string in the `CARGO_TARGET_DIR` environment variable')
    expect(() => dirs('build.target-dir = ""\n')).toThrow('the target directory is set to an empty string in /w/ws/.cargo/config.toml')
    expect(() => dirs('', { CARGO_BUILD_TARGET_DIR: '' })).toThrow('the target directory is set to an empty string in environment variable `CARGO_BUILD_TARGET_DIR`')
    expect(() => dirs('build.target-dir = 3\n')).toThrow('/w/ws/.cargo/config.toml:1: `build.target-dir` must be a string, found a number')
  })

  it('fills in the build directory\'s templates but the hash, and reads none before cargo 1.91', () => {
    expect(dirs('build.build-dir = "{workspace-root}/bd"\n').buildDir).toBe('/w/ws/app/bd')
    expect(dirs('build.build-dir = "{cargo-cache-home}/build/{workspace-path-hash}"\n').buildDir).toBe('/home/u/.cargo/build/{workspace-path-hash}')
    expect(dirs('', { CARGO_BUILD_BUILD_DIR: 'bd' }).buildDir).toBe('/w/ws/app/sub/bd')
    expect(buildDirectories(config('build.build-dir = "bd"\n'), {}, '/w', { ...places, buildDirKnown: false }).buildDir).toBeNull()
  })
})

describe('readCargoConfig', () => {
  let dir: string | null = null
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = null
  })

  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
  }

  it('reads one file per directory (legacy `config` wins), includes, CARGO_HOME and the environment', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rlg-config-'))
    const home = path.join(dir, 'cargo-home')
    write(path.join(home, 'config.toml'), 'build.rustflags = ["--cfg=home"]\n')
    write(path.join(dir, 'ws/.cargo/config'), 'include = ["extra.toml"]\nbuild.rustflags = ["--cfg=legacy"]\n')
    write(path.join(dir, 'ws/.cargo/config.toml'), 'build.rustflags = ["--cfg=ignored"]\n')
    write(path.join(dir, 'ws/.cargo/extra.toml'), 'build.rustflags = ["--cfg=included"]\n')
    mkdirSync(path.join(dir, 'ws/member'), { recursive: true })

    const config = readCargoConfig(path.join(dir, 'ws/member'), { CARGO_HOME: home, CARGO_BUILD_RUSTFLAGS: '--cfg=env' }, ['build.rustflags=["--cfg=cli"]'])
    const flags = values(config.buildRustflags)
    expect(flags.slice(0, 1)).toEqual(['--cfg=home'])
    expect(flags.slice(-4)).toEqual(['--cfg=included', '--cfg=legacy', '--cfg=env', '--cfg=cli'])
    expect(flags).not.toContain('--cfg=ignored')
    expect(config.files).toContain(path.join(dir, 'ws/.cargo/extra.toml'))
  })
})

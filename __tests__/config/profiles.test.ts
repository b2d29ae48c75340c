import { describe, expect, it } from '@jest/globals'
import { mergeCargoConfig } from '../../src/config/cargo-config.js'
import type { CargoConfig } from '../../src/config/cargo-config.js'
import { profileNameFor, resolveProfile } from '../../src/config/profiles.js'
import { UserError } from '../../src/errors.js'
import { parseTomlDocument } from '../../src/toml/document.js'

const CONFIG_FILE = '/w/.cargo/config.toml'

function resolve(
  name: string,
  { manifest = '', config = '', env = {}, cli = [] }: { manifest?: string; config?: string; env?: Record<string, string>; cli?: string[] } = {}
): ReturnType<typeof resolveProfile> {
  const cargoConfig: CargoConfig = mergeCargoConfig(config === '' ? [] : [{ path: CONFIG_FILE, text: config }], { cli })
  return resolveProfile(name, { manifest: parseTomlDocument(manifest, '/w/Cargo.toml'), manifestFile: 'Cargo.toml', config: cargoConfig, env })
}

describe('profileNameFor (cargo 1.95: one profile per command)', () => {
  it('maps the command line to the profile every unit uses', () => {
    expect(profileNameFor('build', false, null)).toEqual({ main: 'dev', test: 'dev' })
    expect(profileNameFor('build', true, null)).toEqual({ main: 'release', test: 'release' })
    expect(profileNameFor('test', false, null)).toEqual({ main: 'test', test: 'test' })
    // `cargo test --release` finishes with "`release` profile", not bench.
    expect(profileNameFor('test', true, null)).toEqual({ main: 'release', test: 'release' })
    expect(profileNameFor('test', false, 'ci')).toEqual({ main: 'ci', test: 'ci' })
  })

  it('rejects --release together with --profile', () => {
    expect(() => profileNameFor('build', true, 'release')).toThrow(UserError)
  })
})

describe('resolveProfile', () => {
  it('has the built-in defaults, test inheriting dev and bench inheriting release', () => {
    for (const name of ['dev', 'release', 'test', 'bench']) {
      expect(resolve(name)).toEqual({ name, panic: 'unwind', lto: 'false', rpath: false, sources: {} })
    }
    const manifest = '[profile.dev]\npanic = "abort"\n[profile.release]\nlto = "thin"\nrpath = true\n'
    expect(resolve('test', { manifest })).toMatchObject({ panic: 'abort', lto: 'false', sources: { panic: { file: 'Cargo.toml', line: 2 } } })
    expect(resolve('bench', { manifest })).toMatchObject({ panic: 'unwind', lto: 'thin', rpath: true })
  })

  it('applies environment over config files over the manifest, and --config over the environment', () => {
    const manifest = '[profile.release]\npanic = "abort"\nlto = true\nrpath = true\n'
    const config = '[profile.release]\npanic = "unwind"\nlto = "thin"\n'
    const env = { CARGO_PROFILE_RELEASE_LTO: 'fat' }
    expect(resolve('release', { manifest, config, env })).toEqual({
      name: 'release',
      panic: 'unwind',
      lto: 'fat',
      rpath: true,
      sources: { panic: { file: CONFIG_FILE, line: 2 }, lto: { env: 'CARGO_PROFILE_RELEASE_LTO' }, rpath: { file: 'Cargo.toml', line: 4 } }
    })
    const cli = ['profile.release.lto=false']
    expect(resolve('release', { manifest, config, env, cli })).toMatchObject({ lto: 'false', sources: { lto: { env: '--config profile.release.lto=false' } } })
  })

  it('reads environment values the way cargo does (true/false are booleans)', () => {
    expect(resolve('dev', { env: { CARGO_PROFILE_DEV_RPATH: 'true', CARGO_PROFILE_DEV_LTO: 'false' } })).toMatchObject({ rpath: true, lto: 'false' })
    expect(() => resolve('dev', { env: { CARGO_PROFILE_DEV_RPATH: 'yes' } })).toThrow(
      /^environment variable `CARGO_PROFILE_DEV_RPATH`: invalid `profile\.dev\.rpath` value "yes": expected true or false$/
    )
    expect(() => resolve('release', { env: { CARGO_PROFILE_RELEASE_LTO: '1' } })).toThrow(/invalid `profile\.release\.lto` value 1/)
  })

  it('keeps true and "fat" apart and normalises the strings cargo and rustc treat as off or on', () => {
    const lto = (value: string): string => resolve('release', { manifest: `[profile.release]\nlto = ${value}\n` }).lto
    expect(lto('true')).toBe('true')
    expect(lto('"fat"')).toBe('fat')
    expect(lto('"thin"')).toBe('thin')
    expect(lto('false')).toBe('false')
    expect(lto('"off"')).toBe('off')
    expect(lto('"no"')).toBe('off')
    expect(lto('"none"')).toBe('off')
    expect(lto('"yes"')).toBe('fat')
    expect(() => lto('"true"')).toThrow(/^Cargo\.toml:2: invalid `profile\.release\.lto` value "true"/)
  })

  it('resolves custom profiles through inherits; a child’s manifest setting beats its parent’s config', () => {
    const manifest = '[profile.ci]\ninherits = "release"\npanic = "abort"\n[profile.ci2]\ninherits = "ci"\n'
    const config = '[profile.release]\npanic = "unwind"\nlto = true\n'
    expect(resolve('ci2', { manifest, config })).toMatchObject({ name: 'ci2', panic: 'abort', lto: 'true', sources: { panic: { file: 'Cargo.toml', line: 3 } } })
  })

  it('finds profiles defined only in config or only in the environment', () => {
    expect(resolve('cc', { config: '[profile.cc]\ninherits = "release"\npanic = "abort"\n' })).toMatchObject({ panic: 'abort' })
    expect(resolve('envp', { env: { CARGO_PROFILE_ENVP_INHERITS: 'release', CARGO_PROFILE_ENVP_LTO: 'thin' } })).toMatchObject({ lto: 'thin' })
    expect(resolve('my-prof', { manifest: '[profile.my-prof]\ninherits = "dev"\n', env: { CARGO_PROFILE_MY_PROF_PANIC: 'abort' } })).toMatchObject({
      panic: 'abort',
      sources: { panic: { env: 'CARGO_PROFILE_MY_PROF_PANIC' } }
    })
  })

  it('explains inheritance mistakes in one line naming the profile and file', () => {
    expect(() => resolve('nope')).toThrow(/^profile `nope` is not defined$/)
    expect(() => resolve('custom', { manifest: '\n[profile.custom]\nopt-level = 1\n' })).toThrow(
      /^Cargo\.toml:2: profile `custom` is missing an `inherits` directive/
    )
    expect(() => resolve('custom', { manifest: '[profile.custom]\ninherits = "nope"\n' })).toThrow(
      /^Cargo\.toml:2: profile `custom` inherits from `nope`, but that profile is not defined$/
    )
    expect(() => resolve('a', { manifest: '[profile.a]\ninherits = "b"\n[profile.b]\ninherits = "a"\n' })).toThrow(
      /^Cargo\.toml:4: profile inheritance loop detected with profile `b` inheriting `a`$/
    )
    expect(() => resolve('dev', { config: '[profile.dev]\ninherits = "release"\n' })).toThrow(
      /^\/w\/\.cargo\/config\.toml:2: `inherits` must not be specified in root profile `dev`$/
    )
  })

  it('rejects reserved profile names', () => {
    expect(() => resolve('debug')).toThrow(/profile name `debug` is reserved/)
    expect(() => resolve('doc')).toThrow(/profile `doc` is reserved/)
    expect(() => resolve('check')).toThrow(/profile name `check` is reserved/)
    expect(() => resolve('dev', { manifest: '[profile.cargo-x]\ninherits = "dev"\n' })).toThrow(/^Cargo\.toml:1: profile name `cargo-x` is reserved/)
  })

  it('rejects invalid values wherever cargo checks them, naming file, line and key', () => {
    expect(() => resolve('dev', { manifest: '[profile.dev]\n\npanic = "maybe"\n' })).toThrow(
      /^Cargo\.toml:3: invalid `profile\.dev\.panic` value "maybe": expected "unwind" or "abort"$/
    )
    // Cargo validates every manifest profile and the built-ins' config, even when building another profile.
    expect(() => resolve('dev', { manifest: '[profile.zzz]\ninherits = "dev"\npanic = "maybe"\n' })).toThrow(/Cargo\.toml:3/)
    expect(() => resolve('dev', { env: { CARGO_PROFILE_RELEASE_PANIC: 'maybe' } })).toThrow(/CARGO_PROFILE_RELEASE_PANIC/)
    expect(() => resolve('dev', { config: '[profile.dev]\nrpath = "yes"\n' })).toThrow(/^\/w\/\.cargo\/config\.toml:2: invalid `profile\.dev\.rpath`/)
    expect(() => resolve('dev', { cli: ['profile.dev.panic="immediate-abort"'] })).toThrow(/nightly-only `panic-immediate-abort`/)
  })
})

import { describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { parseActionInputs } from '../src/inputs.js'
import { benchedReader, harnessReader } from '../src/manifest/target-flags.js'
import { checkNamedTargets } from '../src/model/root-units.js'
import { globToRegExp } from '../src/model/glob.js'
import type { Package, Target } from '../src/model/metadata.js'
import { parseTomlDocument, type TomlDocument } from '../src/toml/document.js'

// Which targets `cargo bench` and `--benches` select is checked against real cargo builds in the
// `target-flags-bench` fixture workspace; these tests pin the pieces cargo's own output cannot show.

const MANIFEST = `
[package]
name = "app"
version = "0.1.0"

[lib]
bench = false

[[bin]]
name = "quiet"
bench = false

[[bin]]
path = "src/bin/unnamed.rs"
bench = false

[[example]]
name = "demo"
bench = true

[[test]]
name = "it"
`

function target(kind: Target['kind'], name: string, srcPath: string): Target {
  return { name, kind, crateTypes: kind === 'lib' ? ['lib'] : ['bin'], srcPath, test: true, doctest: kind === 'lib', requiredFeatures: [] }
}

const pkg = (targets: Target[]): Package => ({
  id: 'path+file:///ws#app@0.1.0',
  name: 'app',
  version: '0.1.0',
  source: null,
  manifestPath: '/ws/Cargo.toml',
  targets,
  features: [],
  featureMap: new Map(),
  edition: '2021',
  deps: [],
  declarations: [],
  rustVersion: null,
  publish: null,
  description: null,
  license: null,
  licenseFile: null
})

type TargetFlagReader = (pkg: Package, target: Target) => boolean

/** The targets (`kind name`) a manifest reader says yes to, for the manifest `doc` (null: cannot be read). */
function saidOf(reader: (manifestOf: () => TomlDocument | null) => TargetFlagReader, targets: Target[], doc: string | null): string[] {
  const app = pkg(targets)
  const read = reader(() => (doc === null ? null : parseTomlDocument(doc, '/ws/Cargo.toml')))
  return targets.filter(t => read(app, t)).map(t => `${t.kind} ${t.name}`)
}

const negated =
  (read: TargetFlagReader): TargetFlagReader =>
  (pkg, target) =>
    !read(pkg, target)

describe('benchedReader', () => {
  const targets = [
    target('lib', 'app', '/ws/src/lib.rs'),
    target('bin', 'quiet', '/ws/src/bin/quiet.rs'),
    target('bin', 'unnamed', '/ws/src/bin/unnamed.rs'),
    target('bin', 'loud', '/ws/src/main.rs'),
    target('example', 'demo', '/ws/examples/demo.rs'),
    target('example', 'plain', '/ws/examples/plain.rs'),
    target('test', 'it', '/ws/tests/it.rs'),
    target('bench', 'speed', '/ws/benches/speed.rs'),
    target('custom-build', 'build-script-build', '/ws/build.rs')
  ]
  const benched = (doc: string | null): string[] => saidOf(benchedReader, targets, doc)

  it('reads `bench` from the target tables, by name or, for a table without one, by path', () => {
    expect(benched(MANIFEST)).toEqual(['bin loud', 'example demo', 'bench speed'])
  })

  it("uses cargo's defaults by kind where the manifest cannot be read", () => {
    expect(benched(null)).toEqual(['lib app', 'bin quiet', 'bin unnamed', 'bin loud', 'bench speed'])
  })
})

describe('harnessReader', () => {
  // Whether cargo compiles a test-mode unit with `--test` or with `--cfg test` is checked against real cargo
  // builds in the `harness-false` fixture workspace.
  const targets = [
    target('lib', 'app', '/ws/src/lib.rs'),
    target('bin', 'app', '/ws/src/main.rs'),
    target('test', 'it', '/ws/tests/it.rs'),
    target('test', 'plain', '/ws/tests/plain.rs'),
    target('bench', 'speed', '/ws/benches/speed.rs')
  ]
  const withoutHarness = (doc: string | null): string[] => saidOf(manifestOf => negated(harnessReader(manifestOf)), targets, doc)

  it('reads `harness = false` from the target tables, by name or, for a table without one, by path', () => {
    const manifest = ['[package]', 'name = "app"', '', '[lib]', 'harness = false', '', '[[test]]', 'name = "it"', 'harness = false', '', '[[test]]', 'name = "plain"', 'harness = true', '', '[[bench]]', 'path = "benches/speed.rs"', 'harness = false', ''].join('\n')
    expect(withoutHarness(manifest)).toEqual(['lib app', 'test it', 'bench speed'])
  })

  it('takes every target for a harness where the manifest does not say or cannot be read', () => {
    expect(withoutHarness(MANIFEST)).toEqual([])
    expect(withoutHarness(null)).toEqual([])
  })
})

describe('target name patterns', () => {
  it('match whole names with `*`, `?` and sets, as cargo does', () => {
    const names = ['tool-a', 'tool-b', 'tools', 'other']
    const matching = (pattern: string): string[] => names.filter(n => globToRegExp(pattern, 'a target name').test(n))
    expect(matching('tool-*')).toEqual(['tool-a', 'tool-b'])
    expect(matching('tool?')).toEqual(['tools'])
    expect(matching('tool-[!a]')).toEqual(['tool-b'])
    expect(matching('o*r')).toEqual(['other'])
  })

  it('refuse a set that is not closed or runs backwards, in one line', () => {
    expect(() => globToRegExp('tool-[a', 'a target name')).toThrow(new UserError('invalid glob pattern `tool-[a` in a target name: unclosed `[`'))
    expect(() => globToRegExp('tool-[z-a]', 'a target name')).toThrow(new UserError('invalid glob pattern `tool-[z-a]` in a target name'))
  })
})

describe('`cargo bench` on the command line and in the action', () => {
  it('takes `--no-run`, and refuses what `cargo bench` has no flag for', () => {
    expect(parseCliArgs(['--command', 'bench', '--no-run']).invocation).toMatchObject({ command: 'bench', noRun: true })
    expect(() => parseCliArgs(['--command', 'bench', '--release'])).toThrow('`--release` is not a flag of `cargo bench`')
    expect(() => parseCliArgs(['--command', 'bench', '--doc'])).toThrow('`--doc` is a flag of `cargo test`')
    expect(() => parseCliArgs(['--no-run'])).toThrow('`--no-run` is a flag of `cargo test` and `cargo bench`')
  })

  it('refuses the `release` input with `command: bench`', () => {
    const inputs: Record<string, string> = { command: 'bench', release: 'true' }
    expect(() => parseActionInputs(name => inputs[name] ?? '')).toThrow('input `release` cannot be used with `command: bench`')
    expect(parseActionInputs(name => ({ command: 'bench' })[name] ?? '').invocation.command).toBe('bench')
  })
})

describe('a target name that matches nothing', () => {
  const app = pkg([target('lib', 'app', '/ws/src/lib.rs'), target('bin', 'host', '/ws/src/main.rs'), target('bin', 'tool', '/ws/src/bin/tool.rs')])
  const refusal = (args: string[]): string => {
    try {
      checkNamedTargets(parseCliArgs(args).invocation, [app])
    } catch (e) {
      expect(e).toBeInstanceOf(UserError)
      return (e as Error).message
    }
    return 'accepted'
  }

  it('is refused in cargo’s words, with a similarly named target as help, else the targets of that kind', () => {
    expect(refusal(['-p', 'app', '--bin', 'hots'])).toBe('no bin target named `hots` in `app` package; help: a target with a similar name exists: `host`')
    expect(refusal(['--bin', 'zzzzzz'])).toBe('no bin target named `zzzzzz` in default-run packages; help: available bin targets: `host`, `tool`')
    expect(refusal(['--workspace', '-p', 'app', '--bin', 'zzz*'])).toBe('no bin target matches pattern `zzz*` in default-run packages; help: available bin targets: `host`, `tool`')
    expect(refusal(['--example', 'demo'])).toBe('no example target named `demo` in default-run packages')
    expect(refusal(['--bin', 't*'])).toBe('accepted')
  })
})

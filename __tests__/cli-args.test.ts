import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { defaultInvocation } from '../src/model/invocation.js'
import { HELP_TEXT, parseCliArgs } from '../src/cli/args.js'
import { checkProfileName, formatCargoCommand, splitFeatures, toCargoArgs } from '../src/model/invocation.js'

/** The message a user sees for `argv`, or a failure when it parses. */
function errorFor(argv: string[]): string {
  try {
    parseCliArgs(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as UserError).message
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be rejected`)
}

describe('parseCliArgs', () => {
  it('parseCliArgs with no arguments selects cargo build defaults', () => {
    expect(parseCliArgs([])).toEqual({
      invocation: defaultInvocation(),
      manifestPath: null,
      metadataFile: null,
      format: 'text',
      output: null,
      help: false,
      version: false,
      color: false,
      configOverrides: [],
      policy: null,
      noPolicy: false,
      baseline: null,
      failOn: 'error',
      trustRepositoryConfig: false,
      timeoutMs: null,
      fix: false,
      allowDirty: false
    })
  })

  it('parseCliArgs reads every flag in both `--flag value` and `--flag=value` forms', () => {
    const spaced = parseCliArgs([
      '--manifest-path', 'ws/Cargo.toml',
      '--package', 'app',
      '--workspace',
      '--exclude', 'xtask',
      '--lib', '--bins', '--bin', 'cli',
      '--tests', '--test', 'smoke',
      '--examples', '--example', 'demo',
      '--benches', '--bench', 'speed',
      '--all-targets',
      '--profile', 'dist',
      '--target', 'x86_64-unknown-linux-musl',
      '--features', 'simd',
      '--all-features', '--no-default-features',
      '--locked', '--offline', '--frozen',
      '--command', 'test',
      '--metadata-file', 'meta.json',
      '--format', 'json',
      '--output', 'report.json',
      '--config', 'profile.dev.panic="abort"',
      '--policy', 'ci/policy.toml',
      '--baseline', 'base.json',
      '--fail-on', 'warning',
      '--timeout', '30'
    ])
    const joined = parseCliArgs([
      '--manifest-path=ws/Cargo.toml',
      '--package=app',
      '--workspace',
      '--exclude=xtask',
      '--lib', '--bins', '--bin=cli',
      '--tests', '--test=smoke',
      '--examples', '--example=demo',
      '--benches', '--bench=speed',
      '--all-targets',
      '--profile=dist',
      '--target=x86_64-unknown-linux-musl',
      '--features=simd',
      '--all-features', '--no-default-features',
      '--locked', '--offline', '--frozen',
      '--command=test',
      '--metadata-file=meta.json',
      '--format=json',
      '--output=report.json',
      '--config=profile.dev.panic="abort"',
      '--policy=ci/policy.toml',
      '--baseline=base.json',
      '--fail-on=warning',
      '--timeout=30'
    ])
    const expected = {
      invocation: {
        command: 'test',
        packages: ['app'],
        workspace: true,
        exclude: ['xtask'],
        targets: {
          lib: true,
          bins: true,
          bin: ['cli'],
          tests: true,
          test: ['smoke'],
          examples: true,
          example: ['demo'],
          benches: true,
          bench: ['speed'],
          allTargets: true
        },
        doc: false,
        noRun: false,
        release: false,
        profile: 'dist',
        target: 'x86_64-unknown-linux-musl',
        features: ['simd'],
        allFeatures: true,
        noDefaultFeatures: true,
        locked: true,
        offline: true,
        frozen: true
      },
      manifestPath: 'ws/Cargo.toml',
      metadataFile: 'meta.json',
      format: 'json',
      output: 'report.json',
      help: false,
      version: false,
      color: false,
      configOverrides: ['profile.dev.panic="abort"'],
      policy: 'ci/policy.toml',
      noPolicy: false,
      baseline: 'base.json',
      failOn: 'warning',
      trustRepositoryConfig: false,
      timeoutMs: 30000,
      fix: false,
      allowDirty: false
    }
    expect(spaced).toEqual(expected)
    expect(joined).toEqual(expected)
  })

  it('`--fix` edits what cargo reads and prints a diff: no recorded metadata, no other format, `--allow-dirty` only with it', () => {
    expect(parseCliArgs(['--fix', '--allow-dirty'])).toMatchObject({ fix: true, allowDirty: true })
    expect(() => parseCliArgs(['--allow-dirty'])).toThrow('`--allow-dirty` only applies with `--fix`')
    expect(() => parseCliArgs(['--fix', '--metadata-file', 'm.json'])).toThrow('`--fix` cannot be used with `--metadata-file`')
    expect(() => parseCliArgs(['--fix', '--format', 'json'])).toThrow('`--fix` prints a diff, not a report: it cannot be used with `--format json`')
    expect(() => parseCliArgs(['--fix', '--output', 'x'])).toThrow('cannot be used with `--output`')
  })

  it('parseCliArgs takes one package per -p, repeatable, like cargo', () => {
    expect(parseCliArgs(['-p', 'a', '--package', 'b', '-p', 'a']).invocation.packages).toEqual(['a', 'b'])
    // cargo: "invalid character `,` in package name: `a,b`"
    expect(errorFor(['-p', 'a,b'])).toBe('`-p` takes one package per flag, got `a,b`; write `-p a -p b`')
    expect(errorFor(['--workspace', '--exclude', 'a,b'])).toBe(
      '`--exclude` takes one package per flag, got `a,b`; write `--exclude a --exclude b`'
    )
  })

  it('parseCliArgs passes package ID specs through untouched', () => {
    const specs = ['serde@1.0.200', 'https://github.com/rust-lang/cargo#0.52.0', 'registry+https://a.b/index#x@1', 'plugin-*']
    expect(parseCliArgs(specs.flatMap(s => ['-p', s])).invocation.packages).toEqual(specs)
  })

  it('parseCliArgs accepts short flags clustered and with attached values, as clap does', () => {
    expect(parseCliArgs(['-rp', 'a']).invocation).toMatchObject({ release: true, packages: ['a'] })
    expect(parseCliArgs(['-rpa']).invocation).toMatchObject({ release: true, packages: ['a'] })
    expect(parseCliArgs(['-p=a']).invocation.packages).toEqual(['a'])
    expect(parseCliArgs(['-Fx', '-p', 'a']).invocation.features).toEqual(['x'])
  })

  it('parseCliArgs treats --all as --workspace and accepts both together, as cargo does', () => {
    expect(parseCliArgs(['--all']).invocation.workspace).toBe(true)
    expect(parseCliArgs(['--workspace', '--all']).invocation.workspace).toBe(true)
    expect(parseCliArgs(['--all', '--exclude', 'x']).invocation.exclude).toEqual(['x'])
  })

  it('parseCliArgs splits features on commas and whitespace and accepts -F repeatedly', () => {
    expect(parseCliArgs(['-F', 'x', '-F', 'y,z', '--features', 'w v', '-F', 'a/b,\nx']).invocation.features).toEqual([
      'x',
      'y',
      'z',
      'w',
      'v',
      'a/b'
    ])
    expect(parseCliArgs(['--features=']).invocation.features).toEqual([])
  })

  it('parseCliArgs keeps bin, test, example and bench names in order without duplicates', () => {
    const { targets } = parseCliArgs(['--bin', 'b', '--bin', 'a', '--bin', 'b', '--test', 't', '--example', 'e', '--bench', 'x'])
      .invocation
    expect(targets.bin).toEqual(['b', 'a'])
    expect([targets.test, targets.example, targets.bench]).toEqual([['t'], ['e'], ['x']])
  })

  it('parseCliArgs reads -r as --release', () => {
    expect(parseCliArgs(['-r']).invocation.release).toBe(true)
    expect(parseCliArgs(['--release']).invocation.release).toBe(true)
  })

  it('parseCliArgs rejects --release with any --profile, as cargo 1.95 does', () => {
    expect(errorFor(['--release', '--profile', 'dev'])).toBe(
      '`--release` cannot be used with `--profile`; `--release` is the same as `--profile release`'
    )
    expect(errorFor(['-r', '--profile', 'release'])).toBe(
      '`--release` cannot be used with `--profile`; `--release` is the same as `--profile release`'
    )
    expect(errorFor(['--profile=release', '--release'])).toBe(
      '`--profile` cannot be used with `--release`; `--release` is the same as `--profile release`'
    )
  })

  it('parseCliArgs validates profile names as cargo does', () => {
    expect(parseCliArgs(['--profile', 'test']).invocation.profile).toBe('test')
    expect(parseCliArgs(['--profile', 'bench']).invocation.profile).toBe('bench')
    expect(parseCliArgs(['--profile', 'release-lto_2']).invocation.profile).toBe('release-lto_2')
    expect(errorFor(['--profile', 'a.b'])).toBe(
      '`--profile`: invalid character `.` in profile name `a.b`; allowed characters are letters, numbers, underscore, and hyphen'
    )
    expect(errorFor(['--profile', 'doc'])).toBe('`--profile`: profile `doc` is reserved and not allowed to be explicitly specified')
    expect(errorFor(['--profile', 'build'])).toBe('`--profile`: profile name `build` is reserved; please choose a different name')
    expect(errorFor(['--profile', 'Cargo_x'])).toBe('`--profile`: profile name `Cargo_x` is reserved; please choose a different name')
    expect(errorFor(['--profile', 'debug'])).toBe(
      '`--profile`: profile name `debug` is reserved; the default development profile is `dev`'
    )
    expect(errorFor(['--profile='])).toBe('`--profile` must not be empty')
  })

  it('parseCliArgs requires --workspace for --exclude, with cargo\'s wording', () => {
    expect(errorFor(['--exclude', 'a'])).toBe('`--exclude` can only be used together with `--workspace`')
    expect(errorFor(['-p', 'b', '--exclude', 'a'])).toBe('`--exclude` can only be used together with `--workspace`')
  })

  it('parseCliArgs accepts a repeated --target only when it names the same triple', () => {
    expect(parseCliArgs(['--target', 'wasm32-wasip1', '--target=wasm32-wasip1']).invocation.target).toBe('wasm32-wasip1')
    expect(errorFor(['--target', 'wasm32-wasip1', '--target', 'aarch64-apple-darwin'])).toBe(
      '`--target` given twice (`wasm32-wasip1`, `aarch64-apple-darwin`); rust-linkage-guard predicts one target per run'
    )
  })

  it('parseCliArgs rejects a single-use flag given twice, as cargo does', () => {
    expect(errorFor(['--release', '-r'])).toBe('`--release` cannot be used more than once')
    expect(errorFor(['--lib', '--lib'])).toBe('`--lib` cannot be used more than once')
    expect(errorFor(['--all', '--all'])).toBe('`--all` cannot be used more than once')
    expect(errorFor(['--manifest-path', 'a/Cargo.toml', '--manifest-path=b/Cargo.toml'])).toBe(
      '`--manifest-path` cannot be used more than once'
    )
    expect(errorFor(['--format', 'json', '--format', 'text'])).toBe('`--format` cannot be used more than once')
  })

  it('parseCliArgs names the flag whose value is missing', () => {
    expect(errorFor(['--features'])).toBe('`--features` requires a value: `--features <FEATURES>`')
    expect(errorFor(['-p'])).toBe('`-p` requires a value: `-p <SPEC>`')
    // Like clap, a following flag is not taken as the value.
    expect(errorFor(['--manifest-path', '--lib'])).toBe('`--manifest-path` requires a value: `--manifest-path <PATH>`')
    expect(errorFor(['--profile', '-x'])).toBe('`--profile` requires a value: `--profile <PROFILE-NAME>`')
  })

  it('parseCliArgs rejects empty values where cargo does', () => {
    expect(errorFor(['--target='])).toBe('`--target` must not be empty')
    expect(errorFor(['-p', ''])).toBe('`-p` must not be empty')
    expect(errorFor(['--bin='])).toBe('`--bin` must not be empty')
    expect(errorFor(['--output='])).toBe('`--output` must not be empty')
  })

  it('parseCliArgs rejects values given to switches', () => {
    expect(errorFor(['--release=true'])).toBe('`--release` takes no value, got `--release=true`')
  })

  it('parseCliArgs names the allowed values of an enum flag', () => {
    expect(errorFor(['--format', 'xml'])).toBe('`--format` must be one of text, json, markdown, sarif, github, got `xml`')
    expect(errorFor(['--fail-on', 'fatal'])).toBe('`--fail-on` must be one of error, warning, never, got `fatal`')
    expect(errorFor(['--policy', 'a.toml', '--no-policy'])).toBe('`--policy` cannot be used with `--no-policy`')
    expect(errorFor(['--command=run'])).toBe('`--command` must be one of build, test, bench, got `run`')
    expect(errorFor(['--color', 'yes'])).toBe('`--color` must be one of auto, always, never, got `yes`')
  })

  it('parseCliArgs rejects unknown flags and arguments with a pointer to --help', () => {
    expect(errorFor(['--bogus'])).toBe('unknown flag `--bogus`; run `rust-linkage-guard --help`')
    expect(errorFor(['-x'])).toBe('unknown flag `-x`; run `rust-linkage-guard --help`')
    expect(errorFor(['-rx'])).toBe('unknown flag `-x`; run `rust-linkage-guard --help`')
    expect(errorFor(['build'])).toBe('unexpected argument `build`; run `rust-linkage-guard --help`')
    expect(errorFor(['--', 'foo'])).toBe('unexpected argument `foo`; run `rust-linkage-guard --help`')
  })

  it('parseCliArgs suggests the flag that was probably meant', () => {
    expect(errorFor(['--relase'])).toBe('unknown flag `--relase` (did you mean `--release`?); run `rust-linkage-guard --help`')
    expect(errorFor(['--Workspace'])).toBe(
      'unknown flag `--Workspace` (did you mean `--workspace`?); run `rust-linkage-guard --help`'
    )
    expect(errorFor(['--feature', 'x'])).toBe(
      'unknown flag `--feature` (did you mean `--features`?); run `rust-linkage-guard --help`'
    )
  })

  it('parseCliArgs explains cargo flags it does not take', () => {
    expect(errorFor(['-j', '8'])).toBe("cargo's `-j` is not supported by rust-linkage-guard; remove it")
    expect(errorFor(['--target-dir=t'])).toBe("cargo's `--target-dir` is not supported by rust-linkage-guard; remove it")
    expect(errorFor(['-Zbuild-std'])).toBe("cargo's `-Z` is not supported by rust-linkage-guard; remove it")
  })

  it('parseCliArgs stops at --help or --version, as cargo does', () => {
    expect(parseCliArgs(['--help', '--bogus']).help).toBe(true)
    expect(parseCliArgs(['-h']).help).toBe(true)
    expect(parseCliArgs(['-V']).version).toBe(true)
    expect(parseCliArgs(['--version']).version).toBe(true)
    // cross-flag rules are not checked when only help is wanted
    expect(parseCliArgs(['--exclude', 'a', '-h']).help).toBe(true)
    expect(errorFor(['--bogus', '--help'])).toBe('unknown flag `--bogus`; run `rust-linkage-guard --help`')
  })

  it('parseCliArgs accepts `-` as a value', () => {
    expect(parseCliArgs(['--metadata-file', '-']).metadataFile).toBe('-')
  })

  it('parseCliArgs collects --config overrides in order', () => {
    expect(parseCliArgs(['--config', 'a.b=1', '--config=c.d="x"', '--config', 'extra.toml']).configOverrides).toEqual([
      'a.b=1',
      'c.d="x"',
      'extra.toml'
    ])
  })

  it('parseCliArgs resolves --color against the terminal', () => {
    const tty = { colorTerminal: true }
    expect(parseCliArgs([], tty).color).toBe(true)
    expect(parseCliArgs(['--color', 'never'], tty).color).toBe(false)
    expect(parseCliArgs(['--output', 'r.txt'], tty).color).toBe(false)
    expect(parseCliArgs(['--color=always', '--output', 'r.txt']).color).toBe(true)
    expect(parseCliArgs([]).color).toBe(false)
    expect(parseCliArgs(['--format', 'json'], tty).color).toBe(false)
    expect(parseCliArgs([], { colorTerminal: false, cargoTermColor: 'always' }).color).toBe(true)
  })
})

describe('cargo test --doc and --no-run', () => {
  it('`--doc` selects the doc tests only, and refuses what cargo test refuses', () => {
    expect(parseCliArgs(['--command', 'test', '--doc', '-p', 'l']).invocation).toMatchObject({ command: 'test', doc: true, noRun: false, packages: ['l'] })
    expect(parseCliArgs(['--command', 'test', '--no-run']).invocation).toMatchObject({ doc: false, noRun: true })
    expect(() => parseCliArgs(['--doc'])).toThrow('`--doc` is a flag of `cargo test`: add `--command test`')
    expect(() => parseCliArgs(['--no-run', '--command', 'build'])).toThrow('`--no-run` is a flag of `cargo test`')
    expect(() => parseCliArgs(['--command', 'test', '--doc', '--lib'])).toThrow("can't mix --doc with other target selecting options")
    expect(() => parseCliArgs(['--command', 'test', '--doc', '--no-run'])).toThrow("can't skip running doc tests with --no-run")
  })
})

describe('HELP_TEXT', () => {
  it('HELP_TEXT lists every flag the parser accepts', () => {
    const flags = [
      '--manifest-path', '-p, --package', '--workspace', '--exclude', '--all', '--lib', '--bins', '--bin',
      '--tests', '--test', '--examples', '--example', '--benches', '--bench', '--all-targets', '-r, --release',
      '--profile', '--target', '-F, --features', '--all-features', '--no-default-features', '--locked', '--offline',
      '--frozen', '--command', '--metadata-file', '--format', '--output', '--color', '--config', '-h, --help',
      '-V, --version'
    ]
    for (const flag of flags) expect(HELP_TEXT).toContain(`  ${flag} `)
    // every documented long flag parses (help/version stop early, the rest need a value or none)
    for (const long of HELP_TEXT.matchAll(/^ {2}(?:-\w, )?\s*(--[\w-]+)/gmu)) {
      expect(() => parseCliArgs([long[1]!, 'x'])).not.toThrow(/unknown flag/u)
    }
  })

  it('HELP_TEXT groups flags like cargo and fits in 100 columns', () => {
    const headings = HELP_TEXT.split('\n').filter(line => /^[A-Z][\w ]+:$/u.test(line))
    expect(headings).toEqual([
      'Options:',
      'Package Selection:',
      'Target Selection:',
      'Feature Selection:',
      'Compilation Options:',
      'Manifest Options:',
      'Output:',
      'Gating:',
      'Fixing:',
      'Security:',
      'Exit Status:'
    ])
    for (const line of HELP_TEXT.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })
})

describe('toCargoArgs', () => {
  it('toCargoArgs renders the default invocation as no flags', () => {
    expect(toCargoArgs(defaultInvocation())).toEqual([])
    expect(formatCargoCommand(defaultInvocation())).toBe('cargo build')
  })

  it('toCargoArgs renders flags in the order of cargo help, long forms only', () => {
    const { invocation } = parseCliArgs([
      '--frozen', '-F', 'b a', '--target', 'wasm32-unknown-unknown', '-p', 'app', '--bin', 'x', '--lib', '-r',
      '--all-features', '--exclude', 'xtask', '--all'
    ])
    expect(toCargoArgs(invocation)).toEqual([
      '--package', 'app', '--workspace', '--exclude', 'xtask', '--lib', '--bin', 'x', '--features', 'b,a',
      '--all-features', '--release', '--target', 'wasm32-unknown-unknown', '--frozen'
    ])
  })

  it('toCargoArgs round-trips through parseCliArgs', () => {
    const argv = [
      '--command', 'test', '-p', 'a', '-p', 'b', '--bins', '--tests', '--test', 't', '--examples', '--example', 'e',
      '--benches', '--bench', 'x', '--all-targets', '--no-default-features', '--profile', 'dist', '--locked',
      '--offline'
    ]
    const { invocation } = parseCliArgs(argv)
    expect(parseCliArgs(['--command', 'test', ...toCargoArgs(invocation)]).invocation).toEqual(invocation)
  })

  it('formatCargoCommand quotes words the shell would change', () => {
    const invocation = defaultInvocation({ workspace: true, release: true })
    expect(formatCargoCommand(invocation)).toBe('cargo build --workspace --release')
    expect(formatCargoCommand(defaultInvocation({ command: 'test', packages: ['plugin-*', "it's"] }))).toBe(
      "cargo test --package 'plugin-*' --package 'it'\\''s'"
    )
  })
})

describe('helpers', () => {
  it('splitFeatures splits like cargo and drops empty items', () => {
    expect(splitFeatures(' a, b\tc,,d\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitFeatures('')).toEqual([])
  })

  it('checkProfileName accepts letters of any script, as cargo does', () => {
    expect(checkProfileName('prod-é', '`--profile`')).toBe('prod-é')
  })
})

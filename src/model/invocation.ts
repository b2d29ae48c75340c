/**
 * The cargo command being predicted, as cargo's command line spells it: the subcommand and its package,
 * target, feature, profile and manifest flags. Shared by the CLI, the action's inputs and the analysis.
 */
import { UserError } from '../errors.js'

/** The cargo subcommand being predicted. */
export type Command = 'build' | 'test' | 'bench'

/** Which packages and targets the command selects, as on cargo's command line. */
export interface Invocation {
  command: Command
  packages: string[]
  workspace: boolean
  exclude: string[]
  /** Target-selection flags; all false means cargo's default for the command. */
  targets: {
    lib: boolean
    bins: boolean
    bin: string[]
    tests: boolean
    test: string[]
    examples: boolean
    example: string[]
    benches: boolean
    bench: string[]
    allTargets: boolean
  }
  /** `cargo test --doc`: only the libraries' doc tests. */
  doc: boolean
  /** `cargo test --no-run` (or `cargo bench --no-run`): the targets are built, nothing runs, so no doc test is compiled. */
  noRun: boolean
  release: boolean
  profile: string | null
  /** `--target` triple, or null for the host. */
  target: string | null
  features: string[]
  allFeatures: boolean
  noDefaultFeatures: boolean
  locked: boolean
  offline: boolean
  frozen: boolean
}

export function defaultInvocation(overrides: Partial<Invocation> = {}): Invocation {
  return {
    command: 'build',
    packages: [],
    workspace: false,
    exclude: [],
    targets: {
      lib: false,
      bins: false,
      bin: [],
      tests: false,
      test: [],
      examples: false,
      example: [],
      benches: false,
      bench: [],
      allTargets: false
    },
    doc: false,
    noRun: false,
    release: false,
    profile: null,
    target: null,
    features: [],
    allFeatures: false,
    noDefaultFeatures: false,
    locked: false,
    offline: false,
    frozen: false,
    ...overrides
  }
}

/**
 * Whether the invocation builds tests, examples or benches, and so their dev-dependencies (cargo's
 * `CompileFilter::need_dev_deps`, src/cargo/ops/cargo_compile/compile_filter.rs).
 */
export function needsDevDependencies(inv: Invocation): boolean {
  if (inv.command !== 'build') return true
  const t = inv.targets
  return t.allTargets || t.tests || t.examples || t.benches || t.test.length + t.example.length + t.bench.length > 0
}

/**
 * Whether any target-selection flag is given (`CompileFilter::Only` rather than `Default`,
 * src/cargo/ops/cargo_compile/compile_filter.rs `CompileFilter::from_raw_arguments`).
 */
export function selectsTargets(inv: Invocation): boolean {
  const t = inv.targets
  return t.lib || t.bins || t.tests || t.examples || t.benches || t.allTargets || t.bin.length + t.test.length + t.example.length + t.bench.length > 0
}

/**
 * Splits a `--features` value the way cargo does: on whitespace and commas, dropping empty items
 * (`-F "a b"`, `-F a,b` and `-F a -F b` all select `a` and `b`).
 */
export function splitFeatures(value: string): string[] {
  return value.split(/[\s,]+/u).filter(feature => feature !== '')
}

/** Profile names cargo refuses on the command line whatever the manifest says (besides `debug` and `cargo*`). */
const RESERVED_PROFILE_NAMES = new Set([
  'build-override',
  'build',
  'check',
  'clean',
  'config',
  'fetch',
  'fix',
  'install',
  'metadata',
  'package',
  'publish',
  'report',
  'root',
  'run',
  'rust',
  'rustc',
  'rustdoc',
  'target',
  'tmp',
  'uninstall'
])

/**
 * Validates a profile name as cargo does for `--profile` (cargo-util-schemas `validate_profile_name`): letters,
 * numbers, `_` and `-` only; `doc`, `debug`, `build-override`, names starting with `cargo` and a few reserved
 * words are refused. Whether the profile is defined is left to the manifest reader.
 *
 * @param what how to name the source in the message, e.g. "`--profile`" or "input `profile`".
 */
export function checkProfileName(name: string, what: string): string {
  if (name === '') throw new UserError(`${what} must not be empty`)
  const bad = Array.from(name).find(ch => !/^[\p{Alphabetic}\p{N}_-]$/u.test(ch))
  if (bad !== undefined) {
    throw new UserError(
      `${what}: invalid character \`${bad}\` in profile name \`${name}\`; allowed characters are letters, numbers, underscore, and hyphen`
    )
  }
  if (name === 'doc') throw new UserError(`${what}: profile \`doc\` is reserved and not allowed to be explicitly specified`)
  const lower = name.toLowerCase()
  if (lower === 'debug') {
    throw new UserError(`${what}: profile name \`${name}\` is reserved; the default development profile is \`dev\``)
  }
  if (RESERVED_PROFILE_NAMES.has(lower) || lower.startsWith('cargo')) {
    throw new UserError(`${what}: profile name \`${name}\` is reserved; please choose a different name`)
  }
  return name
}

/**
 * Renders an invocation as the cargo flags that select the same packages, targets, features and profile, in
 * the order of cargo's help, long forms only (`--package app --features a,b --release`). The subcommand itself
 * is `invocation.command`; see `formatCargoCommand` for the whole line.
 */
export function toCargoArgs(invocation: Invocation): string[] {
  const args: string[] = []
  const repeat = (flag: string, values: readonly string[]): void => {
    for (const value of values) args.push(flag, value)
  }
  const when = (flag: string, on: boolean): void => {
    if (on) args.push(flag)
  }
  const { targets } = invocation

  repeat('--package', invocation.packages)
  when('--workspace', invocation.workspace)
  repeat('--exclude', invocation.exclude)

  when('--lib', targets.lib)
  when('--bins', targets.bins)
  repeat('--bin', targets.bin)
  when('--examples', targets.examples)
  repeat('--example', targets.example)
  when('--tests', targets.tests)
  repeat('--test', targets.test)
  when('--benches', targets.benches)
  repeat('--bench', targets.bench)
  when('--all-targets', targets.allTargets)
  when('--doc', invocation.doc)
  when('--no-run', invocation.noRun)

  if (invocation.features.length > 0) args.push('--features', invocation.features.join(','))
  when('--all-features', invocation.allFeatures)
  when('--no-default-features', invocation.noDefaultFeatures)

  when('--release', invocation.release)
  if (invocation.profile !== null) args.push('--profile', invocation.profile)
  if (invocation.target !== null) args.push('--target', invocation.target)

  when('--locked', invocation.locked)
  when('--offline', invocation.offline)
  when('--frozen', invocation.frozen)
  return args
}

/** The whole cargo command line for an invocation, quoted for a POSIX shell: `cargo build --workspace --release`. */
export function formatCargoCommand(invocation: Invocation): string {
  return ['cargo', invocation.command, ...toCargoArgs(invocation)].map(quoteForShell).join(' ')
}

function quoteForShell(word: string): string {
  if (/^[\w@%+=:,./-]+$/u.test(word)) return word
  return `'${word.replaceAll("'", `'\\''`)}'`
}

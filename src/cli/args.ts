/**
 * The command line of `rust-linkage-guard`: cargo's own package, target, feature and compilation flags,
 * spelled exactly as `cargo build --help` spells them, plus a few flags for the report.
 *
 * Parsing is pure: argv in, options out, or a one-line `UserError` naming the flag at fault.
 */
import { UserError } from '../errors.js'
import { checkProfileName, defaultInvocation, selectsTargets, splitFeatures, type Command, type Invocation } from '../model/invocation.js'
import type { FailOn } from '../report/report.js'
import { COLOR_CHOICES, colorsStream, isColorChoice, resolveColorChoice, type ColorChoice } from './color.js'

export type { ColorChoice } from './color.js'

/** The report formats the CLI can print. */
export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'github'

/** Everything the command line selects. */
export interface CliOptions {
  /** The cargo command being predicted, with its package, target, feature and profile selection. */
  invocation: Invocation
  /** `--manifest-path`, or null for cargo's default (the `Cargo.toml` found from the working directory). */
  manifestPath: string | null
  /** `--metadata-file`: read `cargo metadata --format-version 1` output from this file instead of running cargo. */
  metadataFile: string | null
  /** `--format`; `text` unless given. */
  format: ReportFormat
  /** `--output FILE`: write the report there; null for standard output. */
  output: string | null
  /** `-h`/`--help` was given: print `HELP_TEXT` and exit. Other fields then hold whatever came before it. */
  help: boolean
  /** `-V`/`--version` was given: print the version and exit. */
  version: boolean
  /**
   * Whether to colour the report: only `--format text`, chosen by `--color`, else `CARGO_TERM_COLOR`, else
   * `auto`, which colours standard output on a colour terminal and never a file (see `CliEnvironment`).
   */
  color: boolean
  /** `--config KEY=VALUE` overrides for cargo's configuration, in order (cargo also accepts a path to a file). */
  configOverrides: string[]
  /** `--policy FILE`; null for the nearest `.github/rust-linkage.toml`, if any. */
  policy: string | null
  /** `--no-policy`: apply no policy file. */
  noPolicy: boolean
  /** `--baseline FILE`: a JSON report whose findings do not fail the run. */
  baseline: string | null
  /** `--fail-on`: the lowest severity that makes the exit status 1. */
  failOn: FailOn
  /** `--trust-repository-config`: let cargo run wrappers, `build.rustc`, `[env]` and path toolchains. */
  trustRepositoryConfig: boolean
  /** `--timeout SECONDS`, as milliseconds; null for the default. */
  timeoutMs: number | null
  /** `--fix`: apply the first verified manifest edit of every error, and print the diff. */
  fix: boolean
  /** `--allow-dirty`: let `--fix` edit a working tree with uncommitted changes, or one not under git. */
  allowDirty: boolean
}

/** Facts about the process that colour depends on, supplied by the caller to keep parsing pure. */
export interface CliEnvironment {
  /** Standard output is a terminal that shows colour (`terminalShowsColor`): what `auto` colours. */
  colorTerminal: boolean
  /** `CARGO_TERM_COLOR`, which chooses when `--color` is not given; undefined when unset. */
  cargoTermColor?: string | undefined
}

const PROGRAM = 'rust-linkage-guard'
/** The first argument cargo passes when it runs this program as `cargo linkage-guard`. */
export const CARGO_SUBCOMMAND = 'linkage-guard'
const HELP_HINT = `run \`${PROGRAM} --help\``

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'sarif', 'github']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const COMMANDS: readonly Command[] = ['build', 'test', 'bench']

/** Usage text for `--help`, grouped like cargo's own help. */
export const HELP_TEXT = `Predict how each artifact of a Cargo workspace links, before anything is compiled.

Usage: ${PROGRAM} [+toolchain] [OPTIONS]
       cargo [+toolchain] ${CARGO_SUBCOMMAND} [OPTIONS]

  +toolchain  The rustup toolchain to run cargo and rustc with, as with cargo (e.g. +1.95.0)

Options:
      --command <COMMAND>     Cargo command to predict: build, test, bench [default: build]
      --config <KEY=VALUE>    Override a cargo configuration value (repeatable)
  -h, --help                  Print help
  -V, --version               Print version

Package Selection:
  -p, --package <SPEC>  Package to check, one per flag (see \`cargo help pkgid\`)
      --workspace       Check all packages in the workspace
      --exclude <SPEC>  Exclude packages from the check (requires --workspace)
      --all             Alias for --workspace (deprecated)

Target Selection:
      --lib             Check only this package's library
      --bins            Check all binaries
      --bin <NAME>      Check only the specified binary (a name or a glob pattern, as are the
                        names of --example, --test and --bench)
      --examples        Check all examples
      --example <NAME>  Check only the specified example
      --tests           Check all targets that have \`test = true\` set
      --test <NAME>     Check only the specified test target
      --benches         Check all targets that have \`bench = true\` set
      --bench <NAME>    Check only the specified bench target
      --all-targets     Check all targets
      --doc             Check only the libraries' doc tests (with --command test)

Feature Selection:
  -F, --features <FEATURES>  Space or comma separated list of features to activate
      --all-features         Activate all available features
      --no-default-features  Do not activate the \`default\` feature

Compilation Options:
  -r, --release                 Predict release-mode artifacts (same as --profile release)
      --profile <PROFILE-NAME>  Predict artifacts of the specified profile
      --target <TRIPLE>         Predict for the target triple (one per run)
      --no-run                  No doc test is compiled, as with cargo (with --command test, bench)
      --no-fail-fast, --keep-going
                                Accepted for cargo compatibility; nothing is ever run

Manifest Options:
      --manifest-path <PATH>  Path to Cargo.toml
      --metadata-file <PATH>  Read \`cargo metadata\` JSON from PATH instead of running cargo
      --locked                Assert that \`Cargo.lock\` will remain unchanged
      --offline               Run without accessing the network
      --frozen                Equivalent to specifying both --locked and --offline

Output:
      --format <FORMAT>  Report format: text, json, markdown (the job summary), sarif,
                         or github (annotations as workflow commands) [default: text]
      --output <FILE>    Write the report to FILE instead of standard output
      --color <WHEN>     Coloring: auto, always or never [default: CARGO_TERM_COLOR, or auto];
                         auto colours the text report and errors on a terminal, unless
                         NO_COLOR is set or TERM is dumb; always colours even with NO_COLOR

Gating:
      --fail-on <LEVEL>  Exit with 1 for findings at or above LEVEL: error, warning
                         or never [default: error]
      --policy <FILE>    Policy file [default: the nearest .github/rust-linkage.toml]
      --no-policy        Apply no policy file
      --baseline <FILE>  A JSON report from the base branch: its findings do not fail

Fixing:
      --fix          Apply the first verified manifest edit of every error finding (edits
                     the repository's Cargo.toml files in place) and print the diff
      --allow-dirty  Let --fix edit files with uncommitted changes in the working tree,
                     or outside a git working tree

Security:
      --trust-repository-config  Let cargo run what the repository's configuration names
                                 (wrappers, build.rustc, [env], a path toolchain) and pass
                                 every rustflag to rustc (@file, --sysroot, -Z options)
      --timeout <SECONDS>        Stop a cargo or rustc call after SECONDS [default: 300]

Exit Status:
  0  The check passed
  1  Findings fail the check (those at or above --fail-on)
  2  Usage or input error: a flag, a file, or an invalid manifest, policy or cargo configuration
  3  cargo or rustc could not be run, failed, or ran longer than --timeout
`

/** Mutable state while parsing; folded into `CliOptions` at the end. */
interface Draft {
  options: CliOptions
  /** `--color`, or null when not given. */
  colorFlag: ColorChoice | null
}

/** One flag of the command line. */
interface FlagSpec {
  /** Long name without the leading `--`. */
  long: string
  /** Single-letter alias without the leading `-`. */
  short?: string
  /** Placeholder of the value as shown in the help (`SPEC`, `NAME`, …); absent for switches. */
  value?: string
  /** May be given more than once. Cargo rejects every other flag when repeated. */
  repeatable?: boolean
  /** Records the flag; `spelled` is the flag as the user typed it (`-p`, `--package`). */
  apply(draft: Draft, value: string, spelled: string): void
}

function switchFlag(long: string, set: (draft: Draft) => void, short?: string): FlagSpec {
  return { long, ...(short === undefined ? {} : { short }), apply: draft => set(draft) }
}

function listFlag(long: string, value: string, push: (draft: Draft, item: string) => void): FlagSpec {
  return {
    long,
    value,
    repeatable: true,
    apply: (draft, item, spelled) => push(draft, requireNonEmpty(item, spelled))
  }
}

const FLAG_SPECS: readonly FlagSpec[] = [
  // Package selection
  {
    long: 'package',
    short: 'p',
    value: 'SPEC',
    repeatable: true,
    apply: (d, v, spelled) => pushUnique(d.options.invocation.packages, checkPackageSpec(v, spelled))
  },
  switchFlag('workspace', d => (d.options.invocation.workspace = true)),
  // cargo keeps `--all` as a separate argument: `--workspace --all` is accepted, `--all --all` is not.
  switchFlag('all', d => (d.options.invocation.workspace = true)),
  {
    long: 'exclude',
    value: 'SPEC',
    repeatable: true,
    apply: (d, v, spelled) => pushUnique(d.options.invocation.exclude, checkPackageSpec(v, spelled))
  },
  // Target selection
  switchFlag('lib', d => (d.options.invocation.targets.lib = true)),
  switchFlag('bins', d => (d.options.invocation.targets.bins = true)),
  listFlag('bin', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.bin, v)),
  switchFlag('examples', d => (d.options.invocation.targets.examples = true)),
  listFlag('example', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.example, v)),
  switchFlag('tests', d => (d.options.invocation.targets.tests = true)),
  listFlag('test', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.test, v)),
  switchFlag('benches', d => (d.options.invocation.targets.benches = true)),
  listFlag('bench', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.bench, v)),
  switchFlag('all-targets', d => (d.options.invocation.targets.allTargets = true)),
  // Feature selection
  {
    long: 'features',
    short: 'F',
    value: 'FEATURES',
    repeatable: true,
    apply: (d, v) => {
      for (const feature of splitFeatures(v)) pushUnique(d.options.invocation.features, feature)
    }
  },
  switchFlag('all-features', d => (d.options.invocation.allFeatures = true)),
  switchFlag('no-default-features', d => (d.options.invocation.noDefaultFeatures = true)),
  // Compilation options
  switchFlag('release', d => (d.options.invocation.release = true), 'r'),
  {
    long: 'profile',
    value: 'PROFILE-NAME',
    apply: (d, v, spelled) => (d.options.invocation.profile = checkProfileName(v, `\`${spelled}\``))
  },
  {
    long: 'target',
    value: 'TRIPLE',
    // cargo accepts several `--target`s; one prediction covers one target, so only a repeat of the same one is fine.
    repeatable: true,
    apply: (d, v, spelled) => {
      const triple = requireNonEmpty(v, spelled)
      const previous = d.options.invocation.target
      if (previous !== null && previous !== triple) {
        throw new UserError(
          `\`${spelled}\` given twice (\`${previous}\`, \`${triple}\`); ${PROGRAM} predicts one target per run`
        )
      }
      d.options.invocation.target = triple
    }
  },
  // Manifest options
  {
    long: 'manifest-path',
    value: 'PATH',
    apply: (d, v, spelled) => (d.options.manifestPath = requireNonEmpty(v, spelled))
  },
  {
    long: 'metadata-file',
    value: 'PATH',
    apply: (d, v, spelled) => (d.options.metadataFile = requireNonEmpty(v, spelled))
  },
  switchFlag('locked', d => (d.options.invocation.locked = true)),
  switchFlag('offline', d => (d.options.invocation.offline = true)),
  switchFlag('frozen', d => (d.options.invocation.frozen = true)),
  // Everything else
  {
    long: 'command',
    value: 'COMMAND',
    apply: (d, v, spelled) => (d.options.invocation.command = oneOf(v, COMMANDS, `\`${spelled}\``))
  },
  listFlag('config', 'KEY=VALUE', (d, v) => d.options.configOverrides.push(v)),
  { long: 'format', value: 'FORMAT', apply: (d, v, spelled) => (d.options.format = oneOf(v, FORMATS, `\`${spelled}\``)) },
  { long: 'output', value: 'FILE', apply: (d, v, spelled) => (d.options.output = requireNonEmpty(v, spelled)) },
  { long: 'color', value: 'WHEN', apply: (d, v, spelled) => (d.colorFlag = oneOf(v, COLOR_CHOICES, `\`${spelled}\``)) },
  { long: 'policy', value: 'FILE', apply: (d, v, spelled) => (d.options.policy = requireNonEmpty(v, spelled)) },
  switchFlag('no-policy', d => (d.options.noPolicy = true)),
  switchFlag('trust-repository-config', d => (d.options.trustRepositoryConfig = true)),
  {
    long: 'timeout',
    value: 'SECONDS',
    apply: (d, v, spelled) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 86_400) throw new UserError(`\`${spelled}\` must be a whole number of seconds from 1 to 86400, got \`${v}\``)
      d.options.timeoutMs = Number(v) * 1000
    }
  },
  { long: 'baseline', value: 'FILE', apply: (d, v, spelled) => (d.options.baseline = requireNonEmpty(v, spelled)) },
  { long: 'fail-on', value: 'LEVEL', apply: (d, v, spelled) => (d.options.failOn = oneOf(v, FAIL_ON, `\`${spelled}\``)) },
  switchFlag('fix', d => (d.options.fix = true)),
  switchFlag('allow-dirty', d => (d.options.allowDirty = true)),
  switchFlag('doc', d => (d.options.invocation.doc = true)),
  switchFlag('no-run', d => (d.options.invocation.noRun = true)),
  // A prediction never runs anything, so these only confirm what is analysed anyway.
  switchFlag('no-fail-fast', () => undefined),
  switchFlag('keep-going', () => undefined),
  switchFlag('help', d => (d.options.help = true), 'h'),
  switchFlag('version', d => (d.options.version = true), 'V')
]

const BY_LONG = new Map(FLAG_SPECS.map(spec => [spec.long, spec]))
const BY_SHORT = new Map(FLAG_SPECS.flatMap(spec => (spec.short === undefined ? [] : [[spec.short, spec] as const])))

/**
 * Flags of `cargo build`/`cargo test` that are deliberately not accepted, so that a pasted cargo command line
 * gets a clearer message than "unknown flag".
 */
const CARGO_ONLY_FLAGS = new Set([
  '--jobs',
  '-j',
  '--target-dir',
  '--artifact-dir',
  '--unit-graph',
  '--timings',
  '--message-format',
  '--future-incompat-report',
  '--ignore-rust-version',
  '--verbose',
  '-v',
  '--quiet',
  '-q',
  '-Z'
])

/**
 * Parses the command line: the flags, after the node and script paths and `splitCommandLine`.
 *
 * Follows cargo's conventions: `--flag value` and `--flag=value`; short flags may be clustered and take their
 * value attached (`-rp app`, `-papp`, `-p=app`); a value may not start with `-` unless attached with `=` (a lone `-` is a value);
 * every flag except the list-valued ones may be given once. Parsing stops at `-h`/`--help` or `-V`/`--version`,
 * as cargo's does.
 *
 * @throws UserError with a one-line message naming the flag at fault, or `CARGO_TERM_COLOR` when it is
 *   invalid and `--color` is not given.
 */
export function parseCliArgs(argv: readonly string[], env: CliEnvironment = { colorTerminal: false }): CliOptions {
  const draft: Draft = {
    options: {
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
    },
    colorFlag: null
  }
  const seen = new Set<FlagSpec>()
  const order: FlagSpec[] = []

  /** Applies one flag; returns true when parsing must stop (help or version). */
  const handle = (spec: FlagSpec, spelled: string, value: string): boolean => {
    if (seen.has(spec) && spec.repeatable !== true) {
      throw new UserError(`\`${canonical(spec)}\` cannot be used more than once`)
    }
    seen.add(spec)
    order.push(spec)
    spec.apply(draft, value, spelled)
    return draft.options.help || draft.options.version
  }

  let i = 0
  /** The next argv entry as the value of `spelled`, refusing anything that looks like a flag (as clap does). */
  const takeValue = (spec: FlagSpec, spelled: string): string => {
    const next = argv[i + 1]
    if (next === undefined || (next.startsWith('-') && next !== '-')) {
      throw new UserError(`\`${spelled}\` requires a value: \`${spelled} <${spec.value ?? 'VALUE'}>\``)
    }
    i++
    return next
  }

  parsing: for (; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      const rest = argv[i + 1]
      if (rest !== undefined) throw new UserError(`unexpected argument \`${rest}\`; ${HELP_HINT}`)
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const spelled = eq < 0 ? arg : arg.slice(0, eq)
      const spec = BY_LONG.get(spelled.slice(2))
      if (spec === undefined) throw unknownFlag(spelled)
      let value = ''
      if (spec.value === undefined) {
        if (eq >= 0) throw new UserError(`\`${spelled}\` takes no value, got \`${arg}\``)
      } else {
        value = eq >= 0 ? arg.slice(eq + 1) : takeValue(spec, spelled)
      }
      if (handle(spec, spelled, value)) break parsing
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // A cluster of short flags; the first one that takes a value takes the rest of the cluster.
      const letters = Array.from(arg.slice(1))
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j]!
        const spelled = `-${letter}`
        const spec = BY_SHORT.get(letter)
        if (spec === undefined) throw unknownFlag(spelled)
        if (spec.value === undefined) {
          if (handle(spec, spelled, '')) break parsing
          continue
        }
        const attached = letters.slice(j + 1).join('')
        const value = attached === '' ? takeValue(spec, spelled) : attached.replace(/^=/, '')
        if (handle(spec, spelled, value)) break parsing
        continue parsing
      }
      continue
    }
    throw new UserError(`unexpected argument \`${arg}\`; ${HELP_HINT}`)
  }

  const { options } = draft
  // As with cargo, help and version are printed whatever `CARGO_TERM_COLOR` holds.
  if (options.help || options.version) return options
  checkCombinations(options.invocation, order)
  checkFixFlags(options)
  const choice = resolveColorChoice(draft.colorFlag, env.cargoTermColor)
  options.color = options.format === 'text' && colorsStream(choice, env.colorTerminal && options.output === null)
  return options
}

/**
 * Splits the program's arguments into the rustup toolchain and the flags for `parseCliArgs`. cargo runs an
 * external subcommand as `cargo-linkage-guard linkage-guard …`, so a leading `linkage-guard` is dropped (a
 * bare argument is never valid otherwise); then a leading `+toolchain` is taken, as with cargo.
 */
export function splitCommandLine(argv: readonly string[]): { toolchain: string | null; args: string[] } {
  const args = argv[0] === CARGO_SUBCOMMAND ? argv.slice(1) : [...argv]
  const first = args[0]
  if (first?.startsWith('+')) return { toolchain: first.slice(1), args: args.slice(1) }
  return { toolchain: null, args }
}

/**
 * The valid `--color` of a command line, found without parsing the rest: for colouring the error about a
 * command line that does not parse. On one that does, it is the value `parseCliArgs` takes.
 */
export function colorFlagIn(argv: readonly string[]): ColorChoice | null {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!
    const value = arg === '--color' ? argv[i + 1] : arg.startsWith('--color=') ? arg.slice('--color='.length) : undefined
    if (isColorChoice(value)) return value
  }
  return null
}

/** `--fix` edits the manifests it analysed and prints a diff: not of recorded metadata, not as a report format. */
function checkFixFlags(options: CliOptions): void {
  if (options.allowDirty && !options.fix) throw new UserError('`--allow-dirty` only applies with `--fix`')
  if (!options.fix) return
  if (options.metadataFile !== null) throw new UserError('`--fix` cannot be used with `--metadata-file`: it edits the manifests cargo reads, so cargo must read them')
  if (options.format !== 'text') throw new UserError(`\`--fix\` prints a diff, not a report: it cannot be used with \`--format ${options.format}\``)
  if (options.output !== null) throw new UserError('`--fix` prints a diff on standard output: it cannot be used with `--output`')
}

/** Cross-flag rules cargo enforces, checked once every flag is known. */
function checkCombinations(invocation: Invocation, order: readonly FlagSpec[]): void {
  if (invocation.exclude.length > 0 && !invocation.workspace) {
    throw new UserError('`--exclude` can only be used together with `--workspace`')
  }
  // cargo 1.95 declares `--release` and `--profile` as conflicting arguments, so even `--release --profile release`
  // is refused before any profile is looked at.
  if (invocation.release && invocation.profile !== null) {
    const releaseFirst = order.findIndex(s => s.long === 'release') < order.findIndex(s => s.long === 'profile')
    const [first, second] = releaseFirst ? ['--release', '--profile'] : ['--profile', '--release']
    throw new UserError(`\`${first}\` cannot be used with \`${second}\`; \`--release\` is the same as \`--profile release\``)
  }
  // `cargo test`'s own checks (src/bin/cargo/commands/test.rs); `cargo build` has neither flag, `cargo bench`
  // only `--no-run` and no `--release` (src/bin/cargo/commands/bench.rs).
  if (invocation.command !== 'test' && order.some(s => s.long === 'doc')) throw new UserError('`--doc` is a flag of `cargo test`: add `--command test`')
  if (invocation.command === 'build' && order.some(s => s.long === 'no-run')) {
    throw new UserError('`--no-run` is a flag of `cargo test` and `cargo bench`: add `--command test` or `--command bench`')
  }
  if (invocation.command === 'bench' && invocation.release) {
    throw new UserError('`--release` is not a flag of `cargo bench`, which uses the `bench` profile (it inherits `release`)')
  }
  if (invocation.doc && selectsTargets(invocation)) throw new UserError("`--doc`: can't mix --doc with other target selecting options")
  if (invocation.doc && invocation.noRun) throw new UserError("`--doc`: can't skip running doc tests with --no-run")
  if (order.some(s => s.long === 'policy') && order.some(s => s.long === 'no-policy')) {
    throw new UserError('`--policy` cannot be used with `--no-policy`')
  }
}

function canonical(spec: FlagSpec): string {
  return `--${spec.long}`
}

function unknownFlag(spelled: string): UserError {
  if (CARGO_ONLY_FLAGS.has(spelled)) {
    return new UserError(`cargo's \`${spelled}\` is not supported by ${PROGRAM}; remove it`)
  }
  const suggestion = spelled.startsWith('--') ? closestLongFlag(spelled.slice(2)) : undefined
  const hint = suggestion === undefined ? '' : ` (did you mean \`--${suggestion}\`?)`
  return new UserError(`unknown flag \`${spelled}\`${hint}; ${HELP_HINT}`)
}

/** The known long flag closest to `name` (ignoring case), when it is a likely typo: one edit per three letters. */
function closestLongFlag(name: string): string | undefined {
  let best: string | undefined
  let bestDistance = Math.min(2, Math.max(1, Math.floor(name.length / 3))) + 1
  for (const long of BY_LONG.keys()) {
    const distance = editDistance(name.toLowerCase(), long)
    if (distance < bestDistance) {
      best = long
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

function requireNonEmpty(value: string, spelled: string): string {
  if (value === '') throw new UserError(`\`${spelled}\` must not be empty`)
  return value
}

function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item)
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  const found = allowed.find(a => a === value)
  if (found === undefined) throw new UserError(`${what} must be one of ${allowed.join(', ')}, got \`${value}\``)
  return found
}

/**
 * Checks one package ID spec given to `-p`/`--package`/`--exclude`. cargo takes one spec per flag and rejects
 * `-p a,b` (a comma is not valid in a package name), so a comma outside a URL-style spec gets a pointed message.
 */
export function checkPackageSpec(spec: string, spelled: string): string {
  requireNonEmpty(spec, spelled)
  if (spec.includes(',') && !spec.includes('://')) {
    const parts = spec.split(',').filter(p => p !== '')
    const rewrite = parts.map(p => `${spelled} ${p}`).join(' ')
    throw new UserError(`\`${spelled}\` takes one package per flag, got \`${spec}\`; write \`${rewrite}\``)
  }
  return spec
}

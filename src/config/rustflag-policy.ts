/**
 * Rustflags read as rustc reads them, and sorted by what they may do here.
 *
 * Rustflags come from the repository (`.cargo/config.toml` in the checkout and its parent directories) and
 * from the environment. Our only use of rustc with them is the `rustc --print` probe, and every option there
 * is a request to a program. So each option is one of:
 *
 * - `probe`: it changes what the probe answers (`--print=cfg`, `--print=file-names`) or is an option the
 *   analysis reads and rustc validates as cargo's own probe would; it names no file or program.
 * - `data`: harmless, read by the analysis from the flag list but never given to any process (nothing is
 *   compiled here, so lints, debuginfo, link arguments and the like change nothing we ask rustc).
 * - `refused`: it names a file or a program, or makes rustc write; the run stops unless the repository's
 *   configuration is trusted.
 *
 * Measured with rustc 1.95.0 and nightly 1.97.0 (x86_64-unknown-linux-gnu), comparing the probe's output with
 * and without each option: `--cfg`, `-C target-feature`, `-C target-cpu`, `-C panic`, `-C debug-assertions`,
 * `-O` and `-C opt-level` (`debug_assertions`) change `--print=cfg`; `+crt-static` also drops `dylib` and
 * `cdylib` from `--print=file-names`; on nightly `-Z sanitizer`, `-Z fmt-debug`, `-Z ub-checks` and
 * `-Z contract-checks` change `--print=cfg` too. `-C relocation-model`, `-C prefer-dynamic`, `-C lto`,
 * `-C embed-bitcode`, `-C overflow-checks` and the `-Z` options the rules read leave the output as it is, but
 * rustc rejects bad values and bad combinations of them (`-C lto -C embed-bitcode=no`, any `-Z` on stable)
 * in the probe exactly as in cargo's, so they go there too. `--test` changes both outputs as well, but so that
 * neither cargo's probe nor ours can read them (it drops the crate types asked for); it is data.
 *
 * Nothing here touches a process or a file.
 */
import { describeSource } from './cargo-config.js'
import type { ConfigString } from './cargo-config.js'
import type { FlagSetting } from './rustflags.js'

/** How an option may be used. */
export type FlagUse = 'probe' | 'data' | 'refused'

/** One option of a rustflags list, as rustc's `getopts` reads it. */
export interface RustcOption {
  /** Index of the token the option starts in (options of a short cluster such as `-gO` share one). */
  token: number
  /**
   * `--cfg`, `--print`, …; a short option by its short form (`-C`, `-Z`, `-L`, `-O`), also when written as
   * `--codegen` or `--C`; `@` for an argument file; the empty string for an argument that is not an option.
   */
  name: string
  /** The option's value (for `-C` and `-Z`: `key=value`); null for a flag, or when the value is missing. */
  value: string | null
  /** Whether the value is an argument of its own (`-C x`, not `-Cx` or `--cfg=x`): rustc expands it if it starts with `@`. */
  separateValue: boolean
  /** The option as written: its token, or its two tokens joined by a space. */
  written: string
}

export interface ClassifiedOption extends RustcOption {
  use: FlagUse
  /** For a refused option: what it does, completing "…, which ". */
  why: string | null
}

/**
 * rustc's command-line options (`rustc_session::config::rustc_optgroups`, rustc 1.95 and nightly 1.97; the
 * same list as `rustc --help -v` plus the hidden `-Z` and `--env-set`) and whether each takes a value.
 */
const SHORT_WITH_VALUE = new Set(['L', 'l', 'o', 'A', 'W', 'D', 'F', 'C', 'Z'])
const SHORT_FLAGS = new Set(['h', 'g', 'O', 'V', 'v'])
const LONG_WITH_VALUE = new Map<string, string>([
  ...['cfg', 'check-cfg', 'crate-type', 'crate-name', 'edition', 'emit', 'print', 'out-dir', 'explain', 'target', 'force-warn', 'cap-lints'].map(n => [n, `--${n}`] as const),
  ...['extern', 'sysroot', 'error-format', 'json', 'color', 'diagnostic-width', 'remap-path-prefix', 'remap-path-scope', 'env-set'].map(n => [n, `--${n}`] as const),
  ['allow', '-A'],
  ['warn', '-W'],
  ['deny', '-D'],
  ['forbid', '-F'],
  ['codegen', '-C']
])
const LONG_FLAGS = new Map([
  ['help', '-h'],
  ['test', '--test'],
  ['version', '-V'],
  ['verbose', '-v']
])

/** `-C` options that may reach the probe (see the module comment for what each changes). */
const PROBE_CODEGEN = new Set(['target-feature', 'target-cpu', 'relocation-model', 'panic', 'prefer-dynamic', 'lto', 'embed-bitcode', 'debug-assertions', 'overflow-checks', 'opt-level'])
/**
 * `-Z` options that may reach the probe: the ones the rules read (`staticlib-prefer-dynamic`,
 * `staticlib-allow-rdylib-deps` in `linkage/resolve.ts`, `randomize-layout`, `layout-seed` in `rules/abi.ts`)
 * and the ones that change `--print=cfg`. Every other `-Z` option is refused: the unstable options include
 * many that name files and programs (`codegen-backend`, `llvm-plugins`, `dump-*`, `self-profile`, …).
 */
const PROBE_UNSTABLE = new Set(['staticlib-prefer-dynamic', 'staticlib-allow-rdylib-deps', 'randomize-layout', 'layout-seed', 'sanitizer', 'fmt-debug', 'ub-checks', 'contract-checks'])

const WRITES = 'makes rustc write files'
const REFUSED_OPTIONS = new Map<string, string>([
  ['--print', 'makes rustc print more than the probe asks for, or write a file (`--print KIND=PATH`)'],
  ['--sysroot', 'names the directory rustc loads its standard library from'],
  ['-o', WRITES],
  ['--out-dir', WRITES],
  ['--emit', WRITES],
  ['-L', 'names a directory rustc searches for libraries'],
  ['--extern', 'names a crate file rustc loads'],
  ['--target', "chooses the target behind cargo's back, and can name a target-specification file rustc reads"]
])
const ARGFILE = 'names a file whose lines rustc reads as more arguments'
const LOADS_BACKEND = 'names a shared library rustc loads and runs as its code generator'

/**
 * Reads a rustflags list as rustc does. rustc first replaces every argument that starts with `@` by the lines
 * of that file (`rustc_driver_impl::args::arg_expand_all`: in any position, also where an option's value is
 * expected), then parses with `getopts` (floating free arguments): `--name=value` or `--name value` (the next
 * argument, whatever it looks like); a one-letter long name is the short option (`--C=x` is `-C x`); a short
 * cluster `-gOC x=y` is `-g -O -C x=y` — a short option taking a value takes the rest of its token or the next
 * argument; after `--` every argument is free. An unknown option takes no value (rustc stops at it anyway).
 */
export function readRustflags(flags: readonly string[]): RustcOption[] {
  const out: RustcOption[] = []
  let free = false
  for (let i = 0; i < flags.length; i++) {
    const token = flags[i]!
    const start = i
    const add = (name: string, value: string | null, separateValue = false): void => {
      out.push({ token: start, name, value, separateValue, written: flags.slice(start, i + 1).join(' ') })
    }
    // The value of an option that takes one: inline, else the next argument (none at the end of the list).
    const withValue = (name: string, inline: string | null): void => {
      if (inline !== null || i + 1 >= flags.length) return add(name, inline)
      i++
      add(name, flags[i]!, true)
    }
    if (token.startsWith('@')) add('@', token.slice(1))
    else if (free || token.length < 2 || !token.startsWith('-')) add('', token)
    else if (token === '--') free = true
    else if (token.startsWith('--')) {
      const eq = token.indexOf('=')
      const name = eq < 0 ? token.slice(2) : token.slice(2, eq)
      const inline = eq < 0 ? null : token.slice(eq + 1)
      // getopts' `Name::from_str`: a name one byte long is a short option.
      const short = Buffer.byteLength(name) === 1 ? name : null
      if (short !== null && SHORT_WITH_VALUE.has(short)) withValue(`-${short}`, inline)
      else if (short !== null && SHORT_FLAGS.has(short)) add(`-${short}`, inline)
      else if (LONG_WITH_VALUE.has(name)) withValue(LONG_WITH_VALUE.get(name)!, inline)
      else add(LONG_FLAGS.get(name) ?? `--${name}`, inline)
    } else {
      // A short cluster: flags until one that takes a value, which takes the rest of the token or the next argument.
      const letters = [...token.slice(1)]
      for (let j = 0; j < letters.length; j++) {
        const letter = letters[j]!
        if (SHORT_WITH_VALUE.has(letter)) {
          const rest = letters.slice(j + 1).join('')
          withValue(`-${letter}`, rest === '' ? null : rest)
          break
        }
        add(`-${letter}`, null)
        // An unknown letter ends the cluster: getopts stops there with an error.
        if (!SHORT_FLAGS.has(letter)) break
      }
    }
  }
  return out
}

/** The key of a `-C`/`-Z` value (`key=value`), with `_` read as `-` as rustc does (`build_options`). */
export function optionKey(value: string | null): string {
  if (value === null) return ''
  const eq = value.indexOf('=')
  return (eq < 0 ? value : value.slice(0, eq)).replace(/_/g, '-')
}

/** Classifies one option (see the module comment). */
export function classifyOption(option: RustcOption): ClassifiedOption {
  const is = (use: FlagUse, why: string | null = null): ClassifiedOption => ({ ...option, use, why })
  if (option.separateValue && option.value!.startsWith('@')) return is('refused', ARGFILE)
  switch (option.name) {
    case '@':
      return is('refused', ARGFILE)
    case '':
      return is('refused', 'is not an option, so rustc reads it as an input file')
    case '--cfg':
      return is('probe')
    case '-O':
      // `--O=x` gives a flag a value, which rustc rejects; it is not passed on in any form.
      return is(option.value === null ? 'probe' : 'data')
    case '-C': {
      const key = optionKey(option.value)
      if (PROBE_CODEGEN.has(key)) return is('probe')
      if (key === 'linker') return is('refused', 'names the program rustc runs as the linker')
      if (key === 'codegen-backend') return is('refused', LOADS_BACKEND)
      return is('data')
    }
    case '-Z': {
      const key = optionKey(option.value)
      if (PROBE_UNSTABLE.has(key)) return is('probe')
      if (key === 'codegen-backend') return is('refused', LOADS_BACKEND)
      return is('refused', 'is an unstable option; many of them name files and programs rustc reads, loads or runs')
    }
  }
  const why = REFUSED_OPTIONS.get(option.name)
  return why === undefined ? is('data') : is('refused', why)
}

/** Reads and classifies a rustflags list. */
export function classifyRustflags(flags: readonly string[]): ClassifiedOption[] {
  return readRustflags(flags).map(classifyOption)
}

/** The first refused option of a list, or null. */
export function firstRefused(flags: readonly string[]): ClassifiedOption | null {
  return classifyRustflags(flags).find(o => o.use === 'refused') ?? null
}

/**
 * The arguments that may reach the probe: the `probe` options in their order (so the last of a repeated option
 * still wins), each as one token with its value attached (`--cfg=x`, `-Cpanic=abort`): whatever a value looks
 * like, it cannot then be read as an option of its own. Meant for lists without refused options; refused and
 * data options are left out either way.
 */
export function probeRustflags(flags: readonly string[]): string[] {
  const out: string[] = []
  for (const option of classifyRustflags(flags)) {
    if (option.use !== 'probe') continue
    if (option.value === null) out.push(option.name)
    else out.push(option.name.startsWith('--') ? `${option.name}=${option.value}` : `${option.name}${option.value}`)
  }
  return out
}

/**
 * Why a `build.target` (or `CARGO_BUILD_TARGET`) from the repository or the environment is refused, or null:
 * a `.json` name is a target-specification file (cargo's `CompileTarget::new`), and a name with a path
 * separator makes rustc look for `<name>.json` and `lib/rustlib/<name>/target.json` outside its own
 * directories (`rustc_target::spec::Target::search`). A target-specification file chooses the linker and more.
 */
export function refusedTarget(target: string): string | null {
  if (/\.json$/i.test(target)) return 'names a target-specification file, which rustc reads and which chooses programs such as the linker'
  if (/[\\/]/.test(target)) return 'is a path, and rustc looks for a target-specification file along it'
  return null
}

const TRUST =
  'flags from the repository and the environment reach rustc only as data (set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)'

/**
 * The one-line refusal for the first refused option of a list, or null when nothing is refused. `settings`
 * says where each flag was set (parallel to `flags`, as `EffectiveRustflags.flagSettings`).
 */
export function rustflagsRefusal(flags: readonly string[], settings: readonly FlagSetting[]): string | null {
  const refused = firstRefused(flags)
  if (refused === null) return null
  const setting = settings[refused.token]
  let where = 'rustflags'
  if (setting !== undefined) {
    const { key, source } = setting
    where = 'file' in source ? `${source.file}:${source.line}: \`${key}\`` : 'env' in source ? `environment variable \`${key}\`` : `${describeSource(source)}: \`${key}\``
  }
  return `${where} passes \`${shownFlag(refused.written)}\` to rustc, which ${refused.why}; ${TRUST}`
}

/**
 * The one-line refusal for a `build.target` value, or null. A target from `--config` is the user's own, like
 * the action's `target` input and the CLI's `--target`, and is not refused.
 */
export function targetRefusal(target: ConfigString): string | null {
  if ('cli' in target.source) return null
  const why = refusedTarget(target.value)
  if (why === null) return null
  const where = 'file' in target.source ? `${target.source.file}:${target.source.line}: \`build.target\`` : `environment variable \`${target.source.env}\``
  return `${where} is \`${shownFlag(target.value)}\`, which ${why}; a target chosen by the repository or the environment must be a target name (give a target-specification file with the target input or --target, or set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)`
}

/** Every value of one `-C name=value` codegen option in a flag list, as rustc reads the list. */
export function codegenValues(flags: readonly string[], name: string): string[] {
  return optionValues(flags, '-C', name)
}

/** Every value of one `-Z name=value` unstable option in a flag list, as rustc reads the list. */
export function unstableValues(flags: readonly string[], name: string): string[] {
  return optionValues(flags, '-Z', name)
}

function optionValues(flags: readonly string[], option: '-C' | '-Z', name: string): string[] {
  const out: string[] = []
  for (const o of readRustflags(flags)) {
    if (o.name !== option || o.value === null || optionKey(o.value) !== name) continue
    const eq = o.value.indexOf('=')
    out.push(eq < 0 ? '' : o.value.slice(eq + 1))
  }
  return out
}

/** A flag as shown in a message: control characters replaced, at most 120 characters. */
export function shownFlag(flag: string): string {
  const clean = flag.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069`]/g, '?')
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean
}

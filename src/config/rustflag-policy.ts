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
import { optionKey, readRustflags, type RustcOption } from '../model/rustc-flags.js'
import { type ConfigString, describeSource } from './cargo-config.js'
import type { FlagSetting } from './rustflags.js'

/** How an option may be used. */
export type FlagUse = 'probe' | 'data' | 'refused'

export interface ClassifiedOption extends RustcOption {
  use: FlagUse
  /** For a refused option: what it does, completing "…, which ". */
  why: string | null
}

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

/** A flag as shown in a message: control characters replaced, at most 120 characters. */
export function shownFlag(flag: string): string {
  const clean = flag.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069`]/g, '?')
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean
}

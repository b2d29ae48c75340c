/**
 * Rustflags read as rustc reads them: rustc's option grammar (`getopts` over the expanded argument list) and
 * the values of the `-C` and `-Z` options the analysis needs. What each option may do here is
 * `config/rustflag-policy.ts`. Nothing here touches a process or a file.
 */

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

/** Every value of one `-C name=value` codegen option in a flag list, as rustc reads the list. */
export function codegenOptions(flags: readonly string[], name: string): string[] {
  return optionValues(flags, '-C', name)
}

/** Every value of one `-Z name=value` unstable option in a flag list, as rustc reads the list. */
export function unstableOptions(flags: readonly string[], name: string): string[] {
  return optionValues(flags, '-Z', name)
}

/** Each unit's flag list is read for several options; units of one kind share the list. */
const readLists = new WeakMap<readonly string[], readonly RustcOption[]>()

function optionValues(flags: readonly string[], option: '-C' | '-Z', name: string): string[] {
  const out: string[] = []
  if (flags.length === 0) return out
  let options = readLists.get(flags)
  if (options === undefined) readLists.set(flags, (options = readRustflags(flags)))
  for (const o of options) {
    if (o.name !== option || o.value === null || optionKey(o.value) !== name) continue
    const eq = o.value.indexOf('=')
    out.push(eq < 0 ? '' : o.value.slice(eq + 1))
  }
  return out
}

/** The `-C target-feature` entries of a flag list, in order. */
export function targetFeatures(rustflags: readonly string[]): string[] {
  const out: string[] = []
  for (const value of codegenOptions(rustflags, 'target-feature')) out.push(...value.split(',').map(s => s.trim()))
  return out
}

/** A boolean `-C`/`-Z` option: present without a value or with yes/on/true; the last occurrence wins. */
export function flagEnabled(values: readonly string[]): boolean {
  if (values.length === 0) return false
  const last = values[values.length - 1]!.toLowerCase()
  return last === '' || last === 'y' || last === 'yes' || last === 'on' || last === 'true'
}

/** Flags that change type layouts or calling conventions and that rustc does not compare across crates. */
const UNCHECKED_ABI_FLAGS = /^-(?:Ctarget-feature=|Ctarget-cpu=|Zrandomize-layout|Zlayout-seed=)/

/** `-C target-feature=+avx2` and `-Ctarget-feature=+avx2` alike, as `-Ctarget-feature=+avx2`. */
export function abiFlags(rustflags: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < rustflags.length; i++) {
    let flag = rustflags[i]!
    if ((flag === '-C' || flag === '-Z') && i + 1 < rustflags.length) flag = `${flag}${rustflags[++i]}`
    else if (flag.startsWith('--codegen=')) flag = `-C${flag.slice('--codegen='.length)}`
    if (UNCHECKED_ABI_FLAGS.test(flag)) out.push(flag)
  }
  return out
}

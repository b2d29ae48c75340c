import type { CommandFault } from '../errors.js'
import { isAbsolutePath, isAtOrBelow, isBelow, resolveFrom } from '../model/paths.js'

/**
 * What a failed `cargo metadata` said, as one line, and whose fault it is. A failure is the input's when the
 * same checkout and flags fail the same way on any machine with this cargo (a manifest, a lock file, a
 * config file of the checkout); it is the environment's when it depends on the machine: the network, the
 * cache, the disk, the toolchain's version, a crash. Message shapes are cargo 1.95's (comments name the files
 * of rust-lang/cargo's `src/cargo/` that print them); an unknown shape is the environment's.
 */

/**
 * - `manifest`: a manifest of the workspace or of a path dependency does not parse or is invalid (TOML, a
 *   key's type, targets, crate types, features, inheritance, a path dependency's version).
 * - `workspace`: members missing, outside the root, duplicated or in another workspace; a dependency cycle;
 *   a `[patch]` whose path holds no matching package.
 * - `missing-path`: a path dependency, `[patch]` or member whose `Cargo.toml` does not exist.
 * - `lockfile`: `Cargo.lock` does not parse.
 * - `stale-lockfile`: `Cargo.lock` needs changing and `--locked`/`--frozen` forbids it.
 * - `config`: a config file in the directory cargo ran from, or a `--config` value, does not parse.
 * - `offline-cache`: offline, and a dependency is not in the cargo cache.
 * - `network`: a registry or git source could not be reached.
 * - `toolchain`: the repository needs a newer or a nightly cargo.
 * - `crash`: cargo panicked.
 * - `other`: anything else, cargo's command line included.
 */
export type CargoFailureKind =
  | 'manifest'
  | 'workspace'
  | 'missing-path'
  | 'lockfile'
  | 'stale-lockfile'
  | 'config'
  | 'offline-cache'
  | 'network'
  | 'toolchain'
  | 'crash'
  | 'other'

export const FAULT: Readonly<Record<CargoFailureKind, CommandFault>> = {
  manifest: 'input',
  workspace: 'input',
  'missing-path': 'input',
  lockfile: 'input',
  'stale-lockfile': 'input',
  config: 'input',
  'offline-cache': 'environment',
  network: 'environment',
  toolchain: 'environment',
  crash: 'environment',
  other: 'environment'
}

export interface CargoFailureContext {
  exitCode: number
  /** Flags cargo was given: `--frozen` is `--locked` and `--offline`. */
  offline: boolean
  frozen: boolean
  /** Where cargo ran: its `-->` locations are relative to it, and it reads the config files in and above it. */
  cwd: string
  /** cargo's home: the files under it (downloaded sources, its own config) belong to the environment. */
  cargoHome: string
}

export interface CargoFailure {
  /** One line: cargo's error, its last cause, and what to do where that is known. */
  message: string
  kind: CargoFailureKind
}

/** Room for a long path and a sentence in each part; the whole stays readable as one line. */
const PART_MAX = 300

export function describeCargoFailure(stderr: string, context: CargoFailureContext): CargoFailure {
  const parsed = parseStderr(stderr, context.cwd)
  const kind = classify(parsed, context)
  return { message: `${summary(parsed)}${HINTS[kind](parsed.errorText)}`, kind }
}

interface ErrorBlock {
  /** The `error:` line and the lines that continue it, joined. */
  head: string
  /** An absolute path with `:line:col`, from a ` --> ` line. */
  location: string | null
  /** Each `Caused by:` entry: its first line (with a TOML error's explanation below its snippet). */
  causes: string[]
}

interface Parsed {
  blocks: ErrorBlock[]
  /** stderr from the first `error:` line on: what the shapes are matched against (earlier warnings are not). */
  errorText: string
  /** The line of a panic, or null. */
  panic: string | null
  /** What to show when there is no `error:` line: the first line starting with `error`, else the last line. */
  fallback: string
}

const ERROR_LINE = /^error(?:\[[A-Za-z0-9]+\])?:\s?(.*)$/
const LOCATION = /^\s*--> (.+):(\d+):(\d+)\s*$/
/** annotate-snippets' art: `  |`, `3 | version =`, `  |  ^^^`, `...`. */
const SNIPPET = /^\s*(?:\d+\s*)?\|(?:\s|$)|^\s*\.\.\.\s*$/
const CAUSED_BY = /^\s*Caused by:\s*$/
/** cargo's reminder under every offline resolution error (`core/resolver/errors.rs`); our hint replaces it. */
const OFFLINE_REMINDER = /^As a reminder, you're using offline mode/
/** Our runner's mark where it left out the middle of a long stderr. */
const LEFT_OUT = /^\[[\d.]+ [KMG]?i?B of output left out\]$/
const NOT_FOUND = /No such file or directory|cannot find the (?:file|path) specified/
const OS_ERROR = /\(os error \d+\)$/

interface OpenBlock {
  headLines: string[]
  location: string | null
  causes: string[][]
  /** Still on the `error:` line's paragraph. */
  inHead: boolean
}

function parseStderr(stderr: string, cwd: string): Parsed {
  const lines = stderr
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .map(l => l.trimEnd())
    .filter(l => !LEFT_OUT.test(l))
  const open: OpenBlock[] = []
  let block: OpenBlock | null = null
  let firstError = -1
  for (const [i, line] of lines.entries()) {
    const error = ERROR_LINE.exec(line)
    if (error) {
      if (firstError < 0) firstError = i
      block = { headLines: [error[1]!.trim()], location: null, causes: [], inHead: true }
      open.push(block)
      continue
    }
    if (block === null) continue
    const location = LOCATION.exec(line)
    if (/^warning(?:\[[^\]]*\])?:/.test(line)) {
      block = null
    } else if (location) {
      block.location ??= `${resolveFrom(cwd, location[1]!)}:${location[2]}:${location[3]}`
      block.inHead = false
    } else if (CAUSED_BY.test(line)) {
      block.causes.push([])
      block.inHead = false
    } else if (line.trim() === '' || /^help:/.test(line)) {
      block.inHead = false
    } else if (block.inHead) {
      if (!OFFLINE_REMINDER.test(line.trim())) block.headLines.push(line.trim())
    } else if (!SNIPPET.test(line)) {
      block.causes[block.causes.length - 1]?.push(line.trim())
    }
  }
  const panicAt = lines.findIndex(l => /^thread '.*' panicked at /.test(l))
  const shown = lines.map(l => l.trim()).filter(l => l !== '')
  return {
    blocks: open.map(b => ({ head: joinHead(b.headLines), location: b.location, causes: b.causes.map(causeLine).filter(c => c !== '') })),
    errorText: firstError < 0 ? '' : lines.slice(firstError).join('\n'),
    panic: panicAt < 0 ? null : cap(lines.slice(panicAt, panicAt + 2).join(' ')),
    fallback: shown.find(l => /^error/i.test(l)) ?? shown[shown.length - 1] ?? 'no output'
  }
}

/** A head and its continuation lines (`referenced by workspace at …`, `- path` lists, `current: …`). */
function joinHead(lines: string[]): string {
  let head = ''
  for (const raw of lines) {
    const line = raw.replace(/^- /, '').replace(/\s+/g, ' ')
    head = head === '' ? line : `${head}${head.endsWith(':') ? ' ' : '; '}${line}`
  }
  return head
}

/** A cause's first line; a TOML error's first line says only where, so the explanation below its snippet follows. */
function causeLine(lines: string[]): string {
  const text = lines.filter(l => l !== '')
  const first = text[0] ?? ''
  const last = text[text.length - 1]
  return /^TOML parse error at /.test(first) && last !== undefined && last !== first ? `${first}: ${last}` : first
}

/** `error: <head> (at <location>) — <last cause> (at <location>)`, each part capped. */
function summary(parsed: Parsed): string {
  const primary = parsed.blocks[parsed.blocks.length - 1]
  if (primary === undefined) return cap(parsed.panic ?? parsed.fallback)
  const at = (b: ErrorBlock): string => (b.location === null ? '' : ` (at ${b.location})`)
  // A manifest that does not parse is reported on its own, where it is (`util/toml/mod.rs`,
  // `emit_toml_diagnostic`); the error it caused follows, its chain ending above it. It is the cause.
  const diagnostic = parsed.blocks.slice(0, -1).findLast(b => b.location !== null)
  const causes = primary.causes
  const last = causes[causes.length - 1]
  let cause: string | null = null
  if (diagnostic !== undefined) {
    cause = `${cap(diagnostic.head)}${at(diagnostic)}`
  } else if (last !== undefined) {
    // An OS error or a TOML position names no file, and a failed inheritance no key: the cause before does.
    const previous = causes[causes.length - 2]
    const partial = OS_ERROR.test(last) || /^TOML parse error at /.test(last) || /^error inheriting /.test(previous ?? '')
    cause = previous !== undefined && partial ? `${previous}: ${last}` : last
  }
  const head = `error: ${cap(primary.head)}${at(primary)}`
  return cause === null || primary.head.includes(cause) ? head : `${head} — ${cap(cause)}`
}

function cap(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= PART_MAX ? line : `${line.slice(0, PART_MAX - 1).trimEnd()}…`
}

function classify(parsed: Parsed, context: CargoFailureContext): CargoFailureKind {
  if (parsed.panic !== null) return 'crash'
  // 101 is every error of cargo (and a panic's); anything else is its command line (1), a signal or rustup.
  if (context.exitCode !== 101 || parsed.blocks.length === 0) return 'other'
  const text = parsed.errorText
  /** A file of the checkout or beside it: not one cargo downloaded or keeps in its home. */
  const local = (file: string | undefined): boolean => file !== undefined && isAbsolutePath(file) && !isAtOrBelow(context.cargoHome, file)

  // `ops/lockfile.rs` (`write_pkg_lockfile`); cargo before 1.84: "the lock file … needs to be updated but --locked was passed".
  if (/cannot (?:update|create) the lock file .* because --(?:locked|frozen) was passed|needs to be updated but --(?:locked|frozen) was passed/.test(text)) return 'stale-lockfile'

  // The repository asks more of cargo than this one has: `core/features.rs` (editions, `cargo-features`; an
  // unknown one may be a typo, or newer than this cargo), `core/resolver/encode.rs` (lock file versions).
  if (
    /this version of Cargo is older than the `[^`]*` edition|requires a nightly version of Cargo|unknown Cargo\.toml feature|feature `[^`]*` is required|[Cc]onsider trying a (?:newer version of Cargo|more recent nightly)|perhaps Cargo needs to be updated|requires `-Z/.test(
      text
    )
  ) {
    return 'toolchain'
  }

  // `crates/cargo-util/src/paths.rs` (`read`) under `sources/path.rs` or `core/workspace.rs`: a path that is not there.
  // Any other reason a file cannot be read (permissions, the disk) is the environment's.
  const lastCause = parsed.blocks.flatMap(b => b.causes).pop() ?? ''
  if (OS_ERROR.test(lastCause)) return NOT_FOUND.test(lastCause) && local(/failed to read `([^`]+)`/.exec(text)?.[1]) ? 'missing-path' : 'other'
  if (local(/could not find `Cargo\.toml` in `([^`]+)`/.exec(text)?.[1])) return 'missing-path'

  // `util/toml/mod.rs` (`read_manifest`; `emit_toml_diagnostic` for TOML errors, with the path relative to cargo's
  // working directory), `core/workspace.rs` (`load_workspace_config`).
  // A manifest under cargo's home is a dependency it downloaded, and one reached through a registry's source (a
  // directory replacing crates.io, vendored in the checkout or installed on the machine) may be either's.
  const manifests = [
    ...[...text.matchAll(/failed to parse manifest at `([^`]+)`/g)].map(m => m[1]!),
    ...parsed.blocks.flatMap(b => (b.location !== null && /(?:^|[\\/])Cargo\.toml:\d+:\d+$/.test(b.location) ? [b.location.replace(/:\d+:\d+$/, '')] : []))
  ]
  if (manifests.length > 0) return manifests.every(local) && !/unable to update registry `|replaced source/.test(text) ? 'manifest' : 'other'
  // `core/resolver/errors.rs`: a path dependency whose version does not meet the requirement. A registry's
  // (`location searched: crates.io index`) depends on the state of the cache and the index instead.
  if (/failed to select a version for the requirement/.test(text) && local(/^location searched: (.+)$/m.exec(text)?.[1]?.trim())) return 'manifest'

  // `core/workspace.rs` (`validate_*`, `find_members`, `expand_member_paths`), `core/resolver/mod.rs` (`check_cycles`),
  // `ops/cargo_compile/packages.rs`.
  if (
    /two packages named `|multiple workspace roots found|is a member of the wrong workspace|is not hierarchically below the workspace root|current package believes it's in a workspace when it's not|`package\.workspace` configuration points to a crate which is not configured with \[workspace\]|is listed in default-members.* but is not a member|root of a workspace inferred but wasn't a root|could not parse pattern `|contains no package: The manifest is virtual|cyclic package dependency/.test(
      text
    )
  ) {
    return 'workspace'
  }
  // `core/registry.rs` (`summary_for_patch`): a `[patch]` path holding no such package, or another version of it.
  if (local(/patch location `([^`]+)`/.exec(text)?.[1])) return 'workspace'

  // `ops/lockfile.rs` (`load_pkg_lockfile`).
  if (local(/failed to parse lock file at: (.+)$/m.exec(text)?.[1]?.trim())) return 'lockfile'

  // `util/context/mod.rs`: a `--config` value (the user's, or the repository's data passed on), or a config file
  // cargo read from the checkout (only when it runs there: the files above an empty directory are the runner's).
  if (/failed to parse value from --config argument/.test(text)) return 'config'
  const config = /could not parse TOML configuration in `([^`]+)`/.exec(text)?.[1]
  if (config !== undefined && local(config) && isBelow(context.cwd, config)) return 'config'

  const offline = context.offline || context.frozen || /offline mode|--offline was specified/.test(text)
  if (offline && /no matching package|failed to (?:download|load source|select a version|get `)|attempting to make an HTTP request/.test(text)) return 'offline-cache'

  // `util/network/retry.rs`, `sources/git/utils.rs`, `sources/registry/http_remote.rs`, `sources/replaced.rs`,
  // `core/package.rs`, `util/errors.rs` (`HttpNotSuccessful`), and curl's and libgit2's own words.
  if (
    /spurious network error|network failure seems to have happened|failed to (?:resolve address|connect to)|could not (?:resolve host|connect to server)|couldn't (?:resolve|connect)|connection (?:refused|reset|timed out)|operation timed out|timeout was reached|failed to download (?:from|any data)|download of .* failed|failed to fetch |failed to get successful HTTP response|failed to (?:query|download|update) replaced source|\bSSL\b|certificate/i.test(
      text
    )
  ) {
    return 'network'
  }
  return 'other'
}

/** What to do, from cargo's error text. */
type Hint = (errorText: string) => string

const none: Hint = () => ''

const HINTS: Readonly<Record<CargoFailureKind, Hint>> = {
  manifest: none,
  workspace: none,
  'missing-path': none,
  lockfile: none,
  'stale-lockfile': text => {
    const flag = /--frozen was passed/.test(text) ? 'frozen' : 'locked'
    return /cannot create the lock file/.test(text)
      ? ` — there is no Cargo.lock: run \`cargo generate-lockfile\` and commit it, or drop \`${flag}\``
      : ` — Cargo.lock is out of date: run \`cargo update -w\` (or \`cargo generate-lockfile\`) and commit it, or drop \`${flag}\``
  },
  config: none,
  'offline-cache': () => ' — with `offline`, every dependency must already be in the cargo cache or vendored: fetch it first (`cargo fetch`), or drop `offline`',
  network: () =>
    ' — cargo could not reach a registry or git source: fill the cargo cache before this step (`cargo fetch`, or a cache of `~/.cargo/registry` and `~/.cargo/git` in the workflow) and run with `offline`',
  toolchain: none,
  crash: none,
  other: none
}

/**
 * The repository's toolchain pin (`rust-toolchain.toml` or `rust-toolchain`), read the way rustup reads it,
 * and whether the rustc on the runner is the pinned one.
 */
import * as nodePath from 'node:path'
import { UserError } from '../errors.js'
import type { PinKind, RustcIdentity, ToolchainPin } from '../model/toolchain-pin.js'
import { parseTomlDocument, type TomlDocument, type TomlValue } from '../toml/document.js'

const LEGACY_FILE = 'rust-toolchain'
const TOML_FILE = 'rust-toolchain.toml'

/**
 * The toolchain file that rustup would use for `dir`: the nearest directory (dir, then its parents up to `stopAt`
 * inclusive or the filesystem root) holding `rust-toolchain` or `rust-toolchain.toml`. In one directory the legacy
 * `rust-toolchain` wins when both exist (rustup warns and uses it). `exists` should be true only for files that can
 * be read: rustup treats a directory named `rust-toolchain` as absent. Directory overrides set with
 * `rustup override set` live in rustup's settings, not in the repository, and are not considered.
 */
export function findToolchainFile(dir: string, exists: (file: string) => boolean, stopAt?: string): string | null {
  const stop = stopAt === undefined ? null : trimSeparators(nodePath.normalize(stopAt))
  let current = trimSeparators(nodePath.normalize(dir))
  for (;;) {
    for (const name of [LEGACY_FILE, TOML_FILE]) {
      const candidate = nodePath.join(current, name)
      if (exists(candidate)) return candidate
    }
    if (current === stop) return null
    const parent = nodePath.dirname(current)
    if (parent === current) return null
    current = parent
  }
}

function trimSeparators(p: string): string {
  const root = nodePath.parse(p).root
  let end = p.length
  while (end > root.length && (p[end - 1] === '/' || p[end - 1] === nodePath.sep)) end--
  return p.slice(0, end)
}

/**
 * Parses a toolchain file as rustup does. A `rust-toolchain.toml` is always TOML; a legacy `rust-toolchain` of
 * exactly one line (a trailing newline is allowed, as in Rust's `str::lines`) is a bare toolchain name or an
 * absolute path, and TOML otherwise. Files rustup refuses throw a one-line UserError naming file, line and key.
 * Unknown keys are accepted, as rustup accepts them.
 */
export function parseToolchainFile(text: string, file: string): ToolchainPin {
  const onlyToml = nodePath.basename(file).endsWith('.toml')
  const lines = rustLineCount(text)
  if (lines === 0) throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`)
  if (lines === 1 && !onlyToml) return parseLegacyLine(text, file)
  return parseTomlPin(parseTomlDocument(text, file), file)
}

/** `str::lines().count()`: lines end at `\n`, and a final `\n` does not start another line. */
function rustLineCount(text: string): number {
  if (text.length === 0) return 0
  let count = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i < text.length - 1) count++
  }
  return count
}

/** Rust's `str::trim` (Unicode White_Space). Unlike JS `trim`, a byte-order mark is not whitespace to rustup. */
function rustTrim(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '')
}

function parseLegacyLine(text: string, file: string): ToolchainPin {
  const name = rustTrim(text)
  if (name.startsWith('\ufeff')) {
    throw new UserError(`${file}:1: the toolchain file starts with a byte-order mark, which rustup reads as part of the toolchain name; save it as plain ASCII`)
  }
  if (name === '') throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`)
  const base = { file, line: 1, targets: [], targetsLine: null }
  if (isAbsolutePath(name)) return { ...base, kind: 'path', channel: null, path: name }
  checkChannelName(name, file, 1, 'toolchain name')
  return { ...base, kind: channelKind(name), channel: name, path: null }
}

function parseTomlPin(doc: TomlDocument, file: string): ToolchainPin {
  const at = (path: (string | number)[]): number => doc.lineOf(path) ?? doc.lineOf(path.slice(0, -1)) ?? 1
  const section = doc.value.toolchain
  if (section === undefined) throw new UserError(`${file}:1: missing the \`[toolchain]\` table`)
  if (!isTable(section)) throw new UserError(`${file}:${at(['toolchain'])}: \`toolchain\` must be a table, found ${describe(section)}`)

  const stringKey = (key: string): string | null => {
    const value = section[key]
    if (value === undefined) return null
    if (typeof value !== 'string') throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be a string, found ${describe(value)}`)
    return value
  }
  const listKey = (key: string): string[] | null => {
    const value = section[key]
    if (value === undefined) return null
    if (!Array.isArray(value)) throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be an array of strings, found ${describe(value)}`)
    return value.map((item, index) => {
      if (typeof item !== 'string') {
        throw new UserError(`${file}:${at(['toolchain', key, index])}: \`toolchain.${key}\` must be an array of strings, found ${describe(item)} at index ${index}`)
      }
      return item
    })
  }

  const channel = stringKey('channel')
  const path = stringKey('path')
  const profile = stringKey('profile')
  const components = listKey('components')
  const targets = listKey('targets')
  const sectionLine = at(['toolchain'])

  if (channel === null && path === null && components === null && targets === null) {
    throw new UserError(`${file}:${sectionLine}: \`[toolchain]\` sets none of \`channel\`, \`path\`, \`components\` or \`targets\``)
  }
  if (channel !== null) checkChannelName(channel, file, at(['toolchain', 'channel']), '`toolchain.channel`')
  if (channel !== null && path !== null) {
    throw new UserError(`${file}:${at(['toolchain', 'path'])}: \`toolchain.channel\` and \`toolchain.path\` cannot both be set`)
  }
  const targetsLine = targets === null ? null : at(['toolchain', 'targets'])

  if (path !== null) {
    const line = at(['toolchain', 'path'])
    for (const key of ['components', 'targets', 'profile']) {
      if (section[key] !== undefined) {
        throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` cannot be used with \`toolchain.path\` (a path toolchain is used as it is)`)
      }
    }
    if (!isAbsolutePath(path)) throw new UserError(`${file}:${line}: \`toolchain.path\` must be an absolute path, found \`${path}\``)
    return { file, line, kind: 'path', channel: null, path, targets: [], targetsLine: null }
  }

  if (profile !== null && !PROFILES.has(profile)) {
    throw new UserError(`${file}:${at(['toolchain', 'profile'])}: unknown \`toolchain.profile\` \`${profile}\`; valid profiles are minimal, default, complete`)
  }
  return {
    file,
    line: channel === null ? sectionLine : at(['toolchain', 'channel']),
    kind: channel === null ? 'floating' : channelKind(channel),
    channel,
    path: null,
    targets: targets ?? [],
    targetsLine
  }
}

/** rustup also accepts the one-letter forms and the empty string. */
const PROFILES = new Set(['minimal', 'm', 'default', 'd', '', 'complete', 'c'])

function isTable(value: TomlValue): value is Record<string, TomlValue> {
  return typeof value === 'object' && !Array.isArray(value)
}

function describe(value: TomlValue): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'a table'
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  return `${typeof value === 'boolean' ? 'the boolean' : 'the number'} ${String(value)}`
}

/** Absolute on either Unix or Windows: the file may be meant for runners of both kinds. */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')
}

/** Names rustup refuses outright, plus names with whitespace, which are almost always a comment written after the name. */
function checkChannelName(name: string, file: string, line: number, what: string): void {
  const trimmed = name.replace(/\/+$/, '')
  if (trimmed === '' || (parseOfficial(trimmed) === null && (trimmed === 'none' || /[/\\]/.test(trimmed)))) {
    throw new UserError(`${file}:${line}: ${what} \`${name}\` is not a valid toolchain name`)
  }
  if (/\s/.test(name)) {
    throw new UserError(`${file}:${line}: ${what} \`${name}\` contains whitespace; a toolchain file holds only the name, without comments`)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Channel names

/** The target-tuple parts rustup recognises in a toolchain name's host suffix (rustup `src/dist/tuple/known.rs`). */
const ARCHS = 'aarch64 aarch64_be amdgcn arm arm64_32 arm64e arm64ec armeb armebv7r armv4t armv5te armv6 armv6k armv7 armv7a armv7k armv7r armv7s armv8r avr bpfeb bpfel csky hexagon i386 i586 i686 loongarch32 loongarch64 m68k mips mips64 mips64el mipsel mipsisa32r6 mipsisa32r6el mipsisa64r6 mipsisa64r6el msp430 nvptx64 powerpc powerpc64 powerpc64le riscv32 riscv32e riscv32em riscv32emc riscv32gc riscv32i riscv32im riscv32ima riscv32imac riscv32imafc riscv32imc riscv64 riscv64a23 riscv64gc riscv64imac s390x sparc sparc64 sparcv9 thumbv4t thumbv5te thumbv6m thumbv7a thumbv7em thumbv7m thumbv7neon thumbv8m.base thumbv8m.main wasm32 wasm32v1 wasm64 x86_64 x86_64h xtensa'
const OSES = 'amd-amdhsa apple-darwin apple-ios apple-tvos apple-visionos apple-watchos esp-espidf esp32-espidf esp32-none esp32s2-espidf esp32s2-none esp32s3-espidf esp32s3-none fortanix-unknown ibm-aix kmc-solid_asp3 linux lynx-lynxos178 mti-none nintendo-3ds nintendo-switch none nuttx-eabi nuttx-eabihf nvidia-cuda openwrt-linux pc-cygwin pc-nto pc-solaris pc-windows risc0-zkvm rtems-eabihf sony-psp sony-psx sony-vita sun-solaris unikraft-linux unknown-dragonfly unknown-emscripten unknown-freebsd unknown-fuchsia unknown-haiku unknown-hermit unknown-hurd unknown-illumos unknown-l4re unknown-linux unknown-managarm unknown-motor unknown-netbsd unknown-none unknown-nto unknown-nuttx unknown-openbsd unknown-redox unknown-teeos unknown-trusty unknown-uefi unknown-unknown unknown-xous uwp-windows vex-v5 wali-linux wasip1 wasip1-threads wasip2 wasip3 win7-windows wrs-vxworks'
const ENVS = 'android androideabi eabi eabihf elf freestanding gnu gnu_ilp32 gnuabi64 gnuabiv2 gnuabiv2hf gnueabi gnueabihf gnullvm gnuspe gnux32 macabi mlibc msvc musl muslabi64 musleabi musleabihf muslspe newlibeabihf none ohos qnx700 qnx710 qnx710_iosock qnx800 sgx sim softfloat spe uclibc uclibceabi uclibceabihf'

const alternatives = (list: string): string => list.split(' ').map(s => s.replace(/\./g, '\\.')).join('|')
const HOST_RE = new RegExp(`^(?:-(${alternatives(ARCHS)}))?(?:-(${alternatives(OSES)}))?(?:-(${alternatives(ENVS)}))?$`)
/** rustup's toolchain-name pattern: channel, optional archive date, optional host. */
const CHANNEL_RE = /^(nightly|beta|stable|[0-9]\.[0-9]{1,3}(?:\.[0-9]{1,2})?(?:-beta(?:\.[0-9]{1,2})?)?)(?:-([0-9]{4}-[0-9]{2}-[0-9]{2}))?(?:-(.+))?$/

interface OfficialName {
  /** `stable`, `beta`, `nightly` or a version such as `1.95.0`, `1.95`, `1.96.0-beta.3`. */
  channel: string
  date: string | null
  host: { arch: string | null; os: string | null; env: string | null } | null
  /** The name without the host suffix. */
  name: string
}

/** An official toolchain name, or null for a custom one (a name rustup resolves to a linked toolchain). */
function parseOfficial(name: string): OfficialName | null {
  const m = CHANNEL_RE.exec(name)
  if (m === null) return null
  const [, channel, date, suffix] = m
  let host: OfficialName['host'] = null
  if (suffix !== undefined) {
    const h = HOST_RE.exec(`-${suffix}`)
    if (h === null) return null
    host = { arch: h[1] ?? null, os: h[2] ?? null, env: h[3] ?? null }
  }
  const nameEnd = suffix === undefined ? name.length : name.length - suffix.length - 1
  return { channel: channel!, date: date ?? null, host, name: name.slice(0, nameEnd) }
}

interface Version {
  major: number
  minor: number
  patch: number | null
  /** `''`, `'beta'` (the latest beta of that release) or `'beta.N'`. */
  pre: string
}

function parseVersion(channel: string): Version | null {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(channel)
  if (m === null) return null
  const major = Number(m[1])
  const minor = Number(m[2])
  let patch = m[3] === undefined ? null : Number(m[3])
  // rustup reads `1.0` … `1.8` as `1.x.0`: those releases have no point releases.
  if (patch === null && major === 1 && minor <= 8 && m[4] === undefined) patch = 0
  return { major, minor, patch, pre: m[4] ?? '' }
}

function versionString(v: Version): string {
  return `${v.major}.${v.minor}${v.patch === null ? '' : `.${v.patch}`}${v.pre === '' ? '' : `-${v.pre}`}`
}

function channelKind(name: string): PinKind {
  const official = parseOfficial(name)
  if (official === null) return 'floating'
  const version = parseVersion(official.channel)
  if (version === null) return official.date === null ? 'floating' : 'dated'
  // A version with an archive date is still that version.
  return version.patch !== null && version.pre !== 'beta' ? 'exact' : 'floating'
}

/**
 * A pin for a channel named somewhere other than a toolchain file (a policy setting, an action input), so it can be
 * given to `compareToolchain`. The name is not validated: a name rustup would not accept is a custom name, 'floating'.
 */
export function pinForChannel(channel: string, file: string, line: number): ToolchainPin {
  return { file, line, kind: channelKind(channel), channel, path: null, targets: [], targetsLine: null }
}

/** A channel string as rustup names it, without the host suffix: "1.95.0-x86_64-unknown-linux-gnu" → "1.95.0". */
export function channelName(channel: string): string {
  return parseOfficial(channel)?.name ?? channel
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing with the runner's rustc

type Verdict = { verdict: 'match' | 'mismatch' | 'unknown'; reason: string }

/**
 * Whether the rustc that `rustc -vV` describes is the pinned toolchain: 'match', 'mismatch' (with a one-line reason
 * such as "pinned 1.94.0, runner has 1.95.0 (59807616e 2026-04-14)"), or 'unknown' when the pin cannot be checked
 * offline (path and custom toolchains, moving channels whose channel kind agrees, dated stable/beta close in time).
 */
export function compareToolchain(pin: ToolchainPin, rustc: RustcIdentity): Verdict {
  const runner = `runner has ${describeRustc(rustc)}`
  if (pin.kind === 'path' || pin.channel === null) {
    const what = pin.kind === 'path' ? `the toolchain at ${pin.path}` : 'no channel (rustup uses its default toolchain)'
    return { verdict: 'unknown', reason: `pinned ${what}; ${runner}` }
  }
  const pinned = `pinned ${pin.channel}`
  const official = parseOfficial(pin.channel)
  if (official === null) return { verdict: 'unknown', reason: `${pinned}, a custom toolchain; ${runner}` }

  const host = official.host
  if (host !== null && !hostMatches(host, rustc.host)) {
    return { verdict: 'mismatch', reason: `${pinned}, runner's rustc is for host ${rustc.host}: ${describeRustc(rustc)}` }
  }

  const release = parseVersion(rustc.release)
  const runnerChannel = release === null ? 'other' : release.pre === '' ? 'stable' : release.pre.startsWith('beta') ? 'beta' : release.pre === 'nightly' ? 'nightly' : 'other'
  const version = parseVersion(official.channel)

  if (version !== null) {
    if (version.patch !== null && version.pre !== 'beta') {
      const wanted = versionString(version)
      return rustc.release === wanted
        ? { verdict: 'match', reason: `${pinned}, ${runner}` }
        : { verdict: 'mismatch', reason: `${pinned}, ${runner}` }
    }
    // `1.95` (latest 1.95.x) or `1.96.0-beta` (latest 1.96.0 beta): the series can be checked, not the latest-ness.
    const inSeries =
      release !== null &&
      release.major === version.major &&
      release.minor === version.minor &&
      (version.pre === 'beta' ? release.patch === version.patch && release.pre.startsWith('beta') : release.pre === '')
    return inSeries
      ? { verdict: 'unknown', reason: `${pinned}, which follows the newest release of its series; ${runner}` }
      : { verdict: 'mismatch', reason: `${pinned}, ${runner}` }
  }

  if (runnerChannel !== official.channel) return { verdict: 'mismatch', reason: `${pinned}, ${runner}, a ${runnerChannel === 'other' ? 'non-rustup' : runnerChannel} build` }
  if (official.date === null) return { verdict: 'unknown', reason: `${pinned}, which moves; ${runner}` }
  if (rustc.commitDate === null) return { verdict: 'unknown', reason: `${pinned}, but the runner's rustc reports no commit date: ${describeRustc(rustc)}` }
  const pinDay = dayNumber(official.date)
  const commitDay = dayNumber(rustc.commitDate)
  if (pinDay === null || commitDay === null) return { verdict: 'unknown', reason: `${pinned}, ${runner}` }

  if (official.channel === 'nightly') {
    // nightly-D is built from the previous day's master, so its commit date is D-1; D itself is accepted for
    // nightlies whose build ran past midnight UTC.
    const delta = pinDay - commitDay
    return delta === 0 || delta === 1
      ? { verdict: 'match', reason: `${pinned}, ${runner}` }
      : { verdict: 'mismatch', reason: `${pinned} (built from ${formatDay(pinDay - 1)}), ${runner}` }
  }

  // stable-D / beta-D is whatever that channel served on day D: a release cut up to one six-week cycle earlier (plus
  // the days between its commit and its publication). Without the release calendar the exact release is unknown, so a
  // commit date inside that window is 'unknown' and only one outside it (after D, or more than eight weeks before)
  // is a mismatch. A one-week window would flag the correct compiler for most of each cycle.
  if (commitDay > pinDay) return { verdict: 'mismatch', reason: `${pinned}, ${runner}, committed after the pinned date` }
  if (pinDay - commitDay > STABLE_WINDOW_DAYS) {
    return { verdict: 'mismatch', reason: `${pinned}, ${runner}, committed more than eight weeks before the pinned date` }
  }
  return { verdict: 'unknown', reason: `${pinned}, ${runner}: plausible, but the ${official.channel} release of that day cannot be determined offline` }
}

const STABLE_WINDOW_DAYS = 56

function hostMatches(host: NonNullable<OfficialName['host']>, actual: string): boolean {
  if (host.arch !== null && !actual.startsWith(`${host.arch}-`)) return false
  if (host.os !== null && !`${actual}-`.includes(`-${host.os}-`)) return false
  if (host.env !== null && !actual.endsWith(`-${host.env}`)) return false
  return true
}

/** As `rustc -V` prints it: `1.95.0 (59807616e 2026-04-14)`. */
function describeRustc(rustc: RustcIdentity): string {
  const hash = rustc.commitHash === '' || rustc.commitHash === 'unknown' ? null : rustc.commitHash.slice(0, 9)
  const inside = [hash, rustc.commitDate].filter((s): s is string => s !== null && s !== '')
  return inside.length === 0 ? rustc.release : `${rustc.release} (${inside.join(' ')})`
}

function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m === null) return null
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const back = new Date(ms)
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null
  return ms / 86_400_000
}

function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

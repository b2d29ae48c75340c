import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { channelName, compareToolchain, findToolchainFile, parseToolchainFile, pinForChannel } from '../src/toolchain/pin.js'
import type { RustcIdentity, ToolchainPin } from '../src/model/toolchain-pin.js'

const TOML = '/repo/rust-toolchain.toml'
const LEGACY = '/repo/rust-toolchain'

function errorOf(run: () => unknown): UserError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    const message = (error as UserError).message
    expect(message).not.toMatch(/\n/)
    return error as UserError
  }
  throw new Error('expected a UserError')
}

describe('parseToolchainFile', () => {
  it('reads an exact channel with its components, targets and the lines of channel and targets', () => {
    const pin = parseToolchainFile(
      `# pinned for reproducible builds
[toolchain]
profile = "minimal"
channel = "1.95.0"
components = ["rustfmt", "clippy"]
targets = [
  "wasm32-unknown-unknown",
  "aarch64-unknown-linux-gnu",
]
`,
      TOML
    )
    expect(pin).toEqual({
      file: TOML,
      line: 4,
      kind: 'exact',
      channel: '1.95.0',
      path: null,
      targets: ['wasm32-unknown-unknown', 'aarch64-unknown-linux-gnu'],
      targetsLine: 6
    })
  })

  it.each([
    ['nightly-2026-05-20', 'dated'],
    ['beta-2026-05-01', 'dated'],
    ['stable-2026-04-16', 'dated'],
    ['stable', 'floating'],
    ['beta', 'floating'],
    ['nightly', 'floating'],
    ['1.95', 'floating'],
    ['1.96.0-beta', 'floating'],
    ['1.96.0-beta.3', 'exact'],
    ['1.95.0', 'exact'],
    ['1.95.0-2026-04-14', 'exact'],
    ['1.8', 'exact'],
    ['my-linked-toolchain', 'floating'],
    ['1.95.0-x86_64-unknown-linux-gnu', 'exact'],
    ['1.95.0-aarch64-apple-darwin', 'exact'],
    ['nightly-2026-05-20-x86_64-unknown-linux-gnu', 'dated'],
    ['stable-msvc', 'floating']
  ] as const)('classifies channel %s as %s', (channel, kind) => {
    const pin = parseToolchainFile(`[toolchain]\nchannel = "${channel}"\n`, TOML)
    expect(pin.kind).toBe(kind)
    expect(pin.channel).toBe(channel)
    expect(pin.line).toBe(2)
  })

  it('reads a path toolchain', () => {
    const pin = parseToolchainFile('[toolchain]\n\npath = "/opt/rust"\n', TOML)
    expect(pin).toEqual({ file: TOML, line: 3, kind: 'path', channel: null, path: '/opt/rust', targets: [], targetsLine: null })
  })

  it('reads a table without channel as floating (rustup uses its default toolchain), on the [toolchain] line', () => {
    const pin = parseToolchainFile('\n[toolchain]\ntargets = ["wasm32-unknown-unknown"]\n', TOML)
    expect(pin).toMatchObject({ kind: 'floating', channel: null, line: 2, targets: ['wasm32-unknown-unknown'], targetsLine: 3 })
  })

  it('accepts unknown keys and tables, as rustup does', () => {
    const pin = parseToolchainFile('x = 1\n[toolchain]\nchannel = "1.95.0"\nfuture-key = true\n[other]\ny = 2\n', TOML)
    expect(pin.kind).toBe('exact')
  })

  it('reads a legacy one-line file, with trailing newline, CRLF or surrounding whitespace', () => {
    for (const text of ['nightly-2026-05-20', 'nightly-2026-05-20\n', 'nightly-2026-05-20\r\n', '  nightly-2026-05-20  \n']) {
      expect(parseToolchainFile(text, LEGACY)).toEqual({
        file: LEGACY,
        line: 1,
        kind: 'dated',
        channel: 'nightly-2026-05-20',
        path: null,
        targets: [],
        targetsLine: null
      })
    }
    expect(parseToolchainFile('1.95.0\n', LEGACY).kind).toBe('exact')
    expect(parseToolchainFile('/opt/rust\n', LEGACY)).toMatchObject({ kind: 'path', path: '/opt/rust', channel: null })
  })

  it('reads a legacy file holding TOML', () => {
    const pin = parseToolchainFile('[toolchain]\nchannel = "stable"\ntargets = ["x86_64-unknown-linux-musl"]\n', LEGACY)
    expect(pin).toMatchObject({ kind: 'floating', channel: 'stable', line: 2, targets: ['x86_64-unknown-linux-musl'], targetsLine: 3 })
  })

  it('does not accept the one-line form in rust-toolchain.toml', () => {
    expect(errorOf(() => parseToolchainFile('nightly\n', TOML)).message).toMatch(/^\/repo\/rust-toolchain\.toml:\d+:\d+: invalid TOML/)
  })

  it('treats a legacy file of more than one line as TOML, so a comment line is an error', () => {
    expect(errorOf(() => parseToolchainFile('nightly\n# pinned\n', LEGACY)).message).toMatch(/^\/repo\/rust-toolchain:\d+:\d+: invalid TOML/)
    expect(errorOf(() => parseToolchainFile('stable\n\n', LEGACY)).message).toMatch(/^\/repo\/rust-toolchain:\d+:\d+: invalid TOML/)
  })

  it('rejects a comment on the line of a one-line file', () => {
    expect(errorOf(() => parseToolchainFile('nightly # pinned\n', LEGACY)).message).toBe(
      '/repo/rust-toolchain:1: toolchain name `nightly # pinned` contains whitespace; a toolchain file holds only the name, without comments'
    )
  })

  it('rejects a byte-order mark before a one-line name, which rustup would read as part of the name', () => {
    expect(errorOf(() => parseToolchainFile('\ufeffnightly\n', LEGACY)).message).toBe(
      '/repo/rust-toolchain:1: the toolchain file starts with a byte-order mark, which rustup reads as part of the toolchain name; save it as plain ASCII'
    )
  })

  it('rejects empty files', () => {
    for (const text of ['', '\n', '   \n']) {
      expect(errorOf(() => parseToolchainFile(text, LEGACY)).message).toBe(
        '/repo/rust-toolchain:1: the toolchain file is empty; name a toolchain or remove the file'
      )
    }
    expect(errorOf(() => parseToolchainFile('', TOML)).message).toMatch(/^\/repo\/rust-toolchain\.toml:1: the toolchain file is empty/)
  })

  it('reports invalid TOML with its line', () => {
    expect(errorOf(() => parseToolchainFile('[toolchain]\nchannel = "1.95.0"\ntargets = [\n', TOML)).message).toMatch(
      /^\/repo\/rust-toolchain\.toml:4:\d+: invalid TOML: /
    )
  })

  it('rejects channel and path together, naming the line of path', () => {
    expect(errorOf(() => parseToolchainFile('[toolchain]\nchannel = "stable"\npath = "/opt/rust"\n', TOML)).message).toBe(
      '/repo/rust-toolchain.toml:3: `toolchain.channel` and `toolchain.path` cannot both be set'
    )
  })

  it('rejects targets that are not an array of strings, naming file, line and key', () => {
    expect(errorOf(() => parseToolchainFile('[toolchain]\nchannel = "stable"\ntargets = "wasm32-unknown-unknown"\n', TOML)).message).toBe(
      '/repo/rust-toolchain.toml:3: `toolchain.targets` must be an array of strings, found the string "wasm32-unknown-unknown"'
    )
    expect(errorOf(() => parseToolchainFile('[toolchain]\nchannel = "stable"\ntargets = [\n  "a",\n  1,\n]\n', TOML)).message).toBe(
      '/repo/rust-toolchain.toml:5: `toolchain.targets` must be an array of strings, found the number 1 at index 1'
    )
  })

  it('rejects other values rustup refuses', () => {
    const cases: [string, string][] = [
      ['channel = "stable"\n', '/repo/rust-toolchain.toml:1: missing the `[toolchain]` table'],
      ['toolchain = "stable"\n', '/repo/rust-toolchain.toml:1: `toolchain` must be a table, found the string "stable"'],
      ['[toolchain]\nprofile = "minimal"\n', '/repo/rust-toolchain.toml:1: `[toolchain]` sets none of `channel`, `path`, `components` or `targets`'],
      ['[toolchain]\nchannel = 195\n', '/repo/rust-toolchain.toml:2: `toolchain.channel` must be a string, found the number 195'],
      ['[toolchain]\nchannel = "stable"\nprofile = "huge"\n', '/repo/rust-toolchain.toml:3: unknown `toolchain.profile` `huge`; valid profiles are minimal, default, complete'],
      ['[toolchain]\npath = "rel/rust"\n', '/repo/rust-toolchain.toml:2: `toolchain.path` must be an absolute path, found `rel/rust`'],
      ['[toolchain]\npath = "/opt/rust"\ntargets = []\n', '/repo/rust-toolchain.toml:3: `toolchain.targets` cannot be used with `toolchain.path` (a path toolchain is used as it is)'],
      ['[toolchain]\nchannel = ""\n', '/repo/rust-toolchain.toml:2: `toolchain.channel` `` is not a valid toolchain name'],
      ['[toolchain]\nchannel = "none"\n', '/repo/rust-toolchain.toml:2: `toolchain.channel` `none` is not a valid toolchain name'],
      ['[toolchain]\nchannel = "a/b"\n', '/repo/rust-toolchain.toml:2: `toolchain.channel` `a/b` is not a valid toolchain name']
    ]
    for (const [text, message] of cases) expect(errorOf(() => parseToolchainFile(text, TOML)).message).toBe(message)
  })
})

describe('channelName', () => {
  it('drops a host suffix rustup recognises and keeps everything else', () => {
    expect(channelName('1.95.0-x86_64-unknown-linux-gnu')).toBe('1.95.0')
    expect(channelName('nightly-2026-05-20-aarch64-apple-darwin')).toBe('nightly-2026-05-20')
    expect(channelName('stable-x86_64-pc-windows-msvc')).toBe('stable')
    expect(channelName('stable-msvc')).toBe('stable')
    expect(channelName('1.96.0-beta.3')).toBe('1.96.0-beta.3')
    expect(channelName('nightly-2026-05-20')).toBe('nightly-2026-05-20')
    expect(channelName('1.95.0-mybuild')).toBe('1.95.0-mybuild')
  })
})

describe('pinForChannel', () => {
  it('builds a comparable pin for a channel named elsewhere, without validating it', () => {
    expect(pinForChannel('1.95.0', '/repo/.github/rust-linkage.toml', 3)).toEqual({
      file: '/repo/.github/rust-linkage.toml',
      line: 3,
      kind: 'exact',
      channel: '1.95.0',
      path: null,
      targets: [],
      targetsLine: null
    })
    expect(pinForChannel('nightly-2026-05-20', 'p', 1).kind).toBe('dated')
    expect(pinForChannel('not a toolchain', 'p', 1).kind).toBe('floating')
  })
})

describe('findToolchainFile', () => {
  const existing = (...files: string[]) => {
    const set = new Set(files)
    const asked: string[] = []
    return { exists: (file: string) => (asked.push(file), set.has(file)), asked }
  }

  it('prefers the legacy rust-toolchain when both files are in one directory', () => {
    const { exists } = existing('/r/rust-toolchain', '/r/rust-toolchain.toml')
    expect(findToolchainFile('/r', exists)).toBe(path.join('/r', 'rust-toolchain'))
  })

  it('finds rust-toolchain.toml alone', () => {
    const { exists } = existing('/r/rust-toolchain.toml')
    expect(findToolchainFile('/r/', exists)).toBe('/r/rust-toolchain.toml')
  })

  it('takes the nearest directory, whichever file form it holds', () => {
    const { exists } = existing('/r/rust-toolchain', '/r/crates/app/rust-toolchain.toml')
    expect(findToolchainFile('/r/crates/app/src', exists)).toBe('/r/crates/app/rust-toolchain.toml')
    expect(findToolchainFile('/r/crates/lib', exists)).toBe('/r/rust-toolchain')
  })

  it('stops at stopAt inclusive, and at the root without it', () => {
    const { exists, asked } = existing('/rust-toolchain.toml', '/r/rust-toolchain.toml')
    expect(findToolchainFile('/r/a/b', exists, '/r/a')).toBeNull()
    expect(asked).toEqual(['/r/a/b/rust-toolchain', '/r/a/b/rust-toolchain.toml', '/r/a/rust-toolchain', '/r/a/rust-toolchain.toml'])
    expect(findToolchainFile('/r/a/b', exists, '/r')).toBe('/r/rust-toolchain.toml')
    expect(findToolchainFile('/x/y', exists)).toBe('/rust-toolchain.toml')
    expect(findToolchainFile('/x/y', existing().exists)).toBeNull()
  })
})

function pinOf(channel: string): ToolchainPin {
  return parseToolchainFile(`[toolchain]\nchannel = "${channel}"\n`, TOML)
}

const stable195: RustcIdentity = { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860', commitDate: '2026-04-14', host: 'x86_64-unknown-linux-gnu' }
const nightly: RustcIdentity = { release: '1.97.0-nightly', commitHash: 'e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a', commitDate: '2026-05-19', host: 'x86_64-unknown-linux-gnu' }
const beta: RustcIdentity = { release: '1.96.0-beta.3', commitHash: '0123456789abcdef0123456789abcdef01234567', commitDate: '2026-05-08', host: 'x86_64-unknown-linux-gnu' }

describe('compareToolchain (recorded rustc -vV values)', () => {
  it('compares exact releases, including pre-release suffixes', () => {
    expect(compareToolchain(pinOf('1.95.0'), stable195)).toEqual({ verdict: 'match', reason: 'pinned 1.95.0, runner has 1.95.0 (59807616e 2026-04-14)' })
    expect(compareToolchain(pinOf('1.94.0'), stable195)).toEqual({ verdict: 'mismatch', reason: 'pinned 1.94.0, runner has 1.95.0 (59807616e 2026-04-14)' })
    expect(compareToolchain(pinOf('1.97.0'), nightly).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('1.96.0-beta.3'), beta).verdict).toBe('match')
    expect(compareToolchain(pinOf('1.96.0-beta.2'), beta).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('1.96.0'), beta).verdict).toBe('mismatch')
  })

  it('compares the host of a host-suffixed channel', () => {
    expect(compareToolchain(pinOf('1.95.0-x86_64-unknown-linux-gnu'), stable195).verdict).toBe('match')
    expect(compareToolchain(pinOf('1.95.0-aarch64-apple-darwin'), stable195)).toEqual({
      verdict: 'mismatch',
      reason: "pinned 1.95.0-aarch64-apple-darwin, runner's rustc is for host x86_64-unknown-linux-gnu: 1.95.0 (59807616e 2026-04-14)"
    })
  })

  it('matches nightly-D to the nightly committed on D-1 (or D) and nothing else', () => {
    expect(compareToolchain(pinOf('nightly-2026-05-20'), nightly).verdict).toBe('match')
    expect(compareToolchain(pinOf('nightly-2026-05-19'), nightly).verdict).toBe('match')
    expect(compareToolchain(pinOf('nightly-2026-05-21'), nightly)).toEqual({
      verdict: 'mismatch',
      reason: 'pinned nightly-2026-05-21 (built from 2026-05-20), runner has 1.97.0-nightly (e50aa6fba 2026-05-19)'
    })
    expect(compareToolchain(pinOf('nightly-2026-05-18'), nightly).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('nightly-2026-05-20'), stable195).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('nightly-2026-05-20'), { ...nightly, commitDate: null }).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('nightly-2026-03-01'), { ...nightly, commitDate: '2026-02-28' }).verdict).toBe('match')
  })

  it('checks the channel kind and a date window for dated stable and beta', () => {
    expect(compareToolchain(pinOf('stable-2026-04-16'), stable195).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('stable-2026-05-20'), stable195).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('stable-2026-04-10'), stable195).reason).toMatch(/committed after the pinned date$/)
    expect(compareToolchain(pinOf('stable-2026-09-01'), stable195).reason).toMatch(/more than eight weeks before/)
    expect(compareToolchain(pinOf('stable-2026-05-20'), nightly).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('beta-2026-05-10'), beta).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('beta-2026-05-10'), stable195).verdict).toBe('mismatch')
  })

  it('says unknown for moving channels of the right kind and mismatch for the wrong kind', () => {
    expect(compareToolchain(pinOf('stable'), stable195).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('stable'), nightly)).toEqual({
      verdict: 'mismatch',
      reason: 'pinned stable, runner has 1.97.0-nightly (e50aa6fba 2026-05-19), a nightly build'
    })
    expect(compareToolchain(pinOf('nightly'), nightly).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('nightly'), stable195).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('beta'), beta).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('1.95'), stable195).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('1.94'), stable195).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf('1.96.0-beta'), beta).verdict).toBe('unknown')
    expect(compareToolchain(pinOf('1.96.0-beta'), stable195).verdict).toBe('mismatch')
  })

  it('says unknown for path, custom and channel-less pins', () => {
    expect(compareToolchain(parseToolchainFile('[toolchain]\npath = "/opt/rust"\n', TOML), stable195)).toEqual({
      verdict: 'unknown',
      reason: 'pinned the toolchain at /opt/rust; runner has 1.95.0 (59807616e 2026-04-14)'
    })
    expect(compareToolchain(pinOf('my-toolchain'), stable195).verdict).toBe('unknown')
    expect(compareToolchain(parseToolchainFile('[toolchain]\ncomponents = ["rustfmt"]\n', TOML), stable195).verdict).toBe('unknown')
  })

  it('describes a rustc without commit information by its release alone', () => {
    expect(compareToolchain(pinOf('1.94.0'), { release: '1.95.0-dev', commitHash: 'unknown', commitDate: null, host: 'x86_64-unknown-linux-gnu' }).reason).toBe(
      'pinned 1.94.0, runner has 1.95.0-dev'
    )
  })
})

function rustcVV(args: string[]): RustcIdentity | null {
  let out: string
  try {
    out = execFileSync('rustc', [...args, '-vV'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, RUSTUP_AUTO_INSTALL: '0' } })
  } catch {
    return null
  }
  const field = (name: string): string | null => new RegExp(`^${name}: (.+)$`, 'm').exec(out)?.[1]?.trim() ?? null
  const release = field('release')
  const host = field('host')
  if (release === null || host === null) return null
  const date = field('commit-date')
  return { release, commitHash: field('commit-hash') ?? 'unknown', commitDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, host }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

const runner = rustcVV([])
const runnerNightly = rustcVV(['+nightly'])
const withNightly = runnerNightly !== null && runnerNightly.commitDate !== null && runnerNightly.release.endsWith('-nightly') ? it : it.skip

describe('compareToolchain against the rustc on this machine', () => {
  it('finds rustc', () => {
    expect(runner).not.toBeNull()
  })

  it('matches a pin of its own release and mismatches the previous minor release, naming both', () => {
    const release = runner!.release
    // A nightly or locally built rustc has no release a toolchain file can name.
    if (/^\d+\.\d+\.\d+(-beta\.\d+)?$/.test(release)) {
      expect(compareToolchain(pinOf(release), runner!)).toEqual({ verdict: 'match', reason: `pinned ${release}, runner has ${release} (${runner!.commitHash.slice(0, 9)} ${runner!.commitDate})` })
    }
    const [major, minor] = release.split('.').map(Number) as [number, number]
    const older = `${major}.${minor - 1}.0`
    const verdict = compareToolchain(pinOf(older), runner!)
    expect(verdict.verdict).toBe('mismatch')
    expect(verdict.reason).toContain(`pinned ${older}`)
    expect(verdict.reason).toContain(`runner has ${release}`)
    expect(verdict.reason).toContain(runner!.commitHash.slice(0, 9))
  })

  withNightly('matches nightly-<commit-date + 1> to `rustc +nightly` and not to the default rustc', () => {
    const pin = pinOf(`nightly-${nextDay(runnerNightly!.commitDate!)}`)
    expect(compareToolchain(pin, runnerNightly!)).toMatchObject({ verdict: 'match' })
    if (!runner!.release.endsWith('-nightly')) expect(compareToolchain(pin, runner!).verdict).toBe('mismatch')
    expect(compareToolchain(pinOf(`nightly-${nextDay(nextDay(runnerNightly!.commitDate!))}`), runnerNightly!).verdict).toBe('mismatch')
  })
})

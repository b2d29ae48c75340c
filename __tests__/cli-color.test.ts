import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { colorFlagIn, parseCliArgs, splitCommandLine } from '../src/cli/args.js'
import { decideColor, decideErrorColor, terminalShowsColor, type ColorChoice, type ColorVariables } from '../src/cli/color.js'
import { painter, stripSgr } from '../src/report/sgr.js'
import { UserError } from '../src/errors.js'
import { renderText } from '../src/report/render.js'
import { VERSION } from '../src/version.js'
import { makeArtifact, makeFinding, makeReport } from './support/reports.js'

/**
 * Colour as cargo chooses it (`--color`, `CARGO_TERM_COLOR`, `NO_COLOR`, `TERM`, each stream's own terminal)
 * and as rustc 1.95 shows it, and the CLI run by cargo as `cargo linkage-guard`.
 */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const EXAMPLE = path.join(REPO, 'examples', 'plugin-engine', 'Cargo.toml')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-color-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

// The escape sequences rustc and cargo 1.95 write, as measured from `cargo build --color always`.
const ESC = '\u001b'
const RESET = `${ESC}[0m`
const BOLD = `${ESC}[1m`
const ERROR = `${BOLD}${ESC}[91m`
const WARNING = `${BOLD}${ESC}[33m`
const NOTE = `${BOLD}${ESC}[92m`
const GUTTER = `${BOLD}${ESC}[94m`
const GOOD = `${BOLD}${ESC}[92m`

/** No variable that chooses colour, whatever the environment of the test run holds. */
function childEnv(set: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of Object.keys(env)) {
    if (/^(INPUT_|GITHUB_)/.test(name) || ['RUSTFLAGS', 'CARGO_TERM_COLOR', 'NO_COLOR', 'CLICOLOR', 'CLICOLOR_FORCE', 'NODE_OPTIONS'].includes(name)) delete env[name]
  }
  return { ...env, TERM: 'xterm-256color', ...set }
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function finished(r: SpawnSyncReturns<string>): Run {
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The bundled CLI with standard output and standard error on pipes. */
function cli(args: string[], env: Record<string, string> = {}): Run {
  return finished(spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, env: childEnv(env), encoding: 'utf8' }))
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`
}

/** util-linux `script` (BSD's takes other flags). */
const HAS_SCRIPT =
  spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0 && /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '')

/**
 * The bundled CLI under a real pseudo-terminal (util-linux `script`), with `redirect` applied by the shell
 * inside it (e.g. `2>file`). The terminal turns line feeds into CR LF; they are turned back.
 */
function cliInTerminal(args: string[], env: Record<string, string> = {}, redirect = ''): Run {
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ')
  const r = spawnSync('script', ['-qec', `${command} ${redirect}`, '/dev/null'], {
    cwd: REPO,
    env: childEnv({ SHELL: '/bin/sh', ...env }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const run = finished(r)
  return { ...run, stdout: run.stdout.replaceAll('\r\n', '\n') }
}

describe('choosing colour', () => {
  // flag, CARGO_TERM_COLOR, NO_COLOR, TERM, is a terminal → coloured
  const table: [ColorChoice | null, string | undefined, string | undefined, string | undefined, boolean, boolean][] = [
    [null, undefined, undefined, 'xterm', true, true],
    [null, undefined, undefined, 'xterm', false, false],
    [null, undefined, undefined, undefined, true, true],
    [null, undefined, undefined, 'dumb', true, false],
    [null, undefined, '1', 'xterm', true, false],
    [null, undefined, '', 'xterm', true, true],
    [null, 'auto', undefined, 'xterm', true, true],
    [null, 'auto', '1', 'xterm', true, false],
    [null, 'always', undefined, 'xterm', false, true],
    [null, 'always', '1', 'dumb', false, true],
    [null, 'never', undefined, 'xterm', true, false],
    ['auto', 'always', undefined, 'xterm', false, false],
    ['auto', 'never', undefined, 'xterm', true, true],
    ['auto', undefined, '1', 'xterm', true, false],
    ['always', 'never', '1', 'dumb', false, true],
    ['never', 'always', undefined, 'xterm', true, false],
    ['never', undefined, undefined, 'xterm', true, false],
    // A flag overrides even a `CARGO_TERM_COLOR` that is invalid, as with cargo.
    ['always', 'sometimes', undefined, 'xterm', false, true],
    ['never', '', undefined, 'xterm', true, false]
  ]
  it.each(table)('--color %s, CARGO_TERM_COLOR=%s, NO_COLOR=%s, TERM=%s, terminal %s → %s', (flag, cargoTermColor, noColor, term, isTTY, colored) => {
    const variables: ColorVariables = { CARGO_TERM_COLOR: cargoTermColor, NO_COLOR: noColor, TERM: term }
    expect(decideColor(flag, variables, isTTY)).toBe(colored)
  })

  it('every combination: the flag wins, then CARGO_TERM_COLOR, then auto (a terminal, TERM not dumb, NO_COLOR unset or empty)', () => {
    const choices = ['auto', 'always', 'never'] as const
    for (const flag of [null, ...choices]) {
      for (const cargoTermColor of [undefined, ...choices]) {
        for (const noColor of [undefined, '', '0', '1']) {
          for (const term of [undefined, '', 'xterm-256color', 'dumb']) {
            for (const isTTY of [false, true]) {
              const choice = flag ?? cargoTermColor ?? 'auto'
              const terminal = isTTY && term !== 'dumb' && (noColor === undefined || noColor === '')
              const expected = choice === 'always' || (choice === 'auto' && terminal)
              expect([flag, cargoTermColor, noColor, term, isTTY, decideColor(flag, { CARGO_TERM_COLOR: cargoTermColor, NO_COLOR: noColor, TERM: term }, isTTY)])
                .toEqual([flag, cargoTermColor, noColor, term, isTTY, expected])
            }
          }
        }
      }
    }
  })

  it('an invalid CARGO_TERM_COLOR is one line naming it and the accepted values, unless --color is given', () => {
    for (const value of ['sometimes', '', 'ALWAYS', 'yes', ' always']) {
      expect(() => decideColor(null, { CARGO_TERM_COLOR: value }, true)).toThrow(
        new UserError(`\`CARGO_TERM_COLOR\` must be one of auto, always, never, got \`${value}\``)
      )
      expect(() => parseCliArgs([], { colorTerminal: true, cargoTermColor: value })).toThrow(/^`CARGO_TERM_COLOR` must be one of auto, always, never, got `/)
      expect(parseCliArgs(['--color', 'never'], { colorTerminal: true, cargoTermColor: value }).color).toBe(false)
    }
    try {
      parseCliArgs([], { colorTerminal: false, cargoTermColor: 'bad' })
      throw new Error('expected a UserError')
    } catch (error) {
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).exitCode).toBe(2)
    }
  })

  it('as with cargo, help and version ignore an invalid CARGO_TERM_COLOR, and a usage error is reported first', () => {
    expect(parseCliArgs(['--help'], { colorTerminal: true, cargoTermColor: 'bad' }).help).toBe(true)
    expect(parseCliArgs(['-V'], { colorTerminal: true, cargoTermColor: 'bad' }).version).toBe(true)
    expect(() => parseCliArgs(['--bogus'], { colorTerminal: true, cargoTermColor: 'bad' })).toThrow(/^unknown flag `--bogus`/)
  })

  it('the report is coloured only as text, and `auto` never colours a file', () => {
    const terminal = { colorTerminal: true }
    expect(parseCliArgs([], terminal).color).toBe(true)
    expect(parseCliArgs(['--output', 'r.txt'], terminal).color).toBe(false)
    expect(parseCliArgs(['--output', 'r.txt', '--color', 'always']).color).toBe(true)
    expect(parseCliArgs(['--output', 'r.txt'], { colorTerminal: false, cargoTermColor: 'always' }).color).toBe(true)
    for (const format of ['json', 'markdown', 'sarif', 'github']) {
      expect(parseCliArgs(['--format', format, '--color', 'always'], terminal).color).toBe(false)
      expect(parseCliArgs(['--format', format], { colorTerminal: true, cargoTermColor: 'always' }).color).toBe(false)
    }
    expect(parseCliArgs([], { colorTerminal: true, cargoTermColor: 'never' }).color).toBe(false)
    expect(parseCliArgs(['--color', 'auto'], { colorTerminal: false, cargoTermColor: 'always' }).color).toBe(false)
  })

  it('terminalShowsColor: a terminal, TERM other than dumb, NO_COLOR unset or empty', () => {
    expect(terminalShowsColor(true, {})).toBe(true)
    expect(terminalShowsColor(false, {})).toBe(false)
    expect(terminalShowsColor(true, { TERM: 'dumb' })).toBe(false)
    expect(terminalShowsColor(true, { NO_COLOR: '' })).toBe(true)
    expect(terminalShowsColor(true, { NO_COLOR: '0' })).toBe(false)
  })

  it('errors on standard error: decided by standard error’s own terminal; an invalid CARGO_TERM_COLOR counts as auto', () => {
    expect(decideErrorColor(null, { TERM: 'xterm' }, true)).toBe(true)
    expect(decideErrorColor(null, { TERM: 'xterm' }, false)).toBe(false)
    expect(decideErrorColor(null, { TERM: 'xterm', CARGO_TERM_COLOR: 'bad' }, true)).toBe(true)
    expect(decideErrorColor(null, { TERM: 'xterm', CARGO_TERM_COLOR: 'bad' }, false)).toBe(false)
    expect(decideErrorColor(null, { CARGO_TERM_COLOR: 'always', NO_COLOR: '1' }, false)).toBe(true)
    expect(decideErrorColor('never', { CARGO_TERM_COLOR: 'always' }, true)).toBe(false)
  })

  it('colorFlagIn finds --color in a command line that does not parse', () => {
    expect(colorFlagIn(['--bogus', '--color', 'always'])).toBe('always')
    expect(colorFlagIn(['--color=never', '--format', 'xml'])).toBe('never')
    expect(colorFlagIn(['--color', 'sometimes'])).toBeNull()
    expect(colorFlagIn(['--color'])).toBeNull()
    expect(colorFlagIn(['--', '--color', 'always'])).toBeNull()
    expect(colorFlagIn(['--workspace'])).toBeNull()
  })
})

describe('cargo linkage-guard', () => {
  it('a leading `linkage-guard`, the argument cargo passes to an external subcommand, is dropped', () => {
    expect(splitCommandLine(['linkage-guard', '--workspace'])).toEqual({ toolchain: null, args: ['--workspace'] })
    expect(splitCommandLine(['linkage-guard'])).toEqual({ toolchain: null, args: [] })
    expect(splitCommandLine(['linkage-guard', '+nightly', '-p', 'app'])).toEqual({ toolchain: 'nightly', args: ['-p', 'app'] })
    expect(splitCommandLine(['+1.95.0', '--workspace'])).toEqual({ toolchain: '1.95.0', args: ['--workspace'] })
    expect(splitCommandLine(['--workspace'])).toEqual({ toolchain: null, args: ['--workspace'] })
    expect(splitCommandLine([])).toEqual({ toolchain: null, args: [] })
    // Only the first argument, and only once: anywhere else it is a bare argument, which is rejected.
    expect(splitCommandLine(['linkage-guard', 'linkage-guard']).args).toEqual(['linkage-guard'])
    expect(splitCommandLine(['+nightly', 'linkage-guard']).args).toEqual(['linkage-guard'])
    expect(() => parseCliArgs(splitCommandLine(['--workspace', 'linkage-guard']).args)).toThrow('unexpected argument `linkage-guard`; run `rust-linkage-guard --help`')
    expect(parseCliArgs(splitCommandLine(['linkage-guard', '--version']).args).version).toBe(true)
  })
})

describe('renderText with colour', () => {
  const report = makeReport({
    findings: [
      makeFinding({ related: [{ file: 'app/Cargo.toml', line: 3, message: 'depends on `dy`' }], inclusion: [{ crate: 'std', chain: ['app'], how: 'dynamic', file: 'libstd.so' }] }),
      makeFinding({ rule: 'published-dylib', severity: 'warning', message: 'a `dy` warning', allowed: { reason: 'shipped as a plugin', file: '.github/rust-linkage.toml', line: 2 } }),
      makeFinding({ rule: 'runtime-dylib', severity: 'note', message: 'a note', baseline: 'new' })
    ],
    artifacts: [makeArtifact({ status: 'error', runtimeLibraries: ['libstd.so'] }), makeArtifact({ package: 'dy', target: 'dy', kind: 'lib', crateType: 'dylib' }), makeArtifact({ target: 'tool', status: 'blocked' })],
    notes: ['Verdicts describe a clean build.'],
    gate: { failOn: 'error', verdict: 'fail', failing: 1 }
  })

  it('without the option, or with color false, the report is the same text as before', () => {
    expect(renderText(report, {})).toBe(renderText(report))
    expect(renderText(report, { color: false })).toBe(renderText(report))
    expect(renderText(report)).not.toContain(ESC)
  })

  it('styles each part as rustc does, and stripping the styles gives exactly the uncoloured report', () => {
    const colored = renderText(report, { color: true })
    expect(stripSgr(colored)).toBe(renderText(report))
    const lines = colored.split('\n')
    expect(lines).toContain(`${ERROR}error[duplicate-linkage]${RESET}${BOLD}: bin \`app\` cannot link: \`std\` would be included twice.${RESET}`)
    expect(lines).toContain(`  ${GUTTER}--> ${RESET}dy/Cargo.toml:7`)
    expect(lines).toContain(`  ${GUTTER}::: ${RESET}app/Cargo.toml:3 (depends on dy)`)
    expect(lines).toContain(`  ${GUTTER}= ${RESET}${BOLD}via${RESET}: app links std dynamically as libstd.so`)
    expect(lines).toContain(`  ${GUTTER}= ${RESET}${BOLD}fix${RESET}: Add \`"rlib"\` to \`crate-type\` of \`dy\`.`)
    expect(lines).toContain(`${WARNING}warning[published-dylib]${RESET}${BOLD} (allowed: shipped as a plugin): a \`dy\` warning${RESET}`)
    expect(lines).toContain(`${NOTE}note[runtime-dylib]${RESET}${BOLD} (new): a note${RESET}`)
    expect(lines).toContain(`${BOLD}Artifacts:${RESET}`)
    expect(lines).toContain(`  app/app bin   ${ERROR}error${RESET}    std —  libstd.so`)
    expect(lines).toContain(`  dy/dy dylib   ${GOOD}ok${RESET}       std —`)
    expect(lines).toContain(`  app/tool bin  ${WARNING}blocked${RESET}  std —`)
    expect(lines).toContain(`${NOTE}note${RESET}: Verdicts describe a clean build.`)
    expect(lines.at(-2)).toMatch(new RegExp(`^${escapeRegExp(BOLD)}\`cargo build\` fails: [^${ESC}]*${escapeRegExp(RESET)}$`))
  })

  it('only SGR sequences, each styled span reset before the line ends', () => {
    const colored = renderText(report, { color: true })
    expect(colored.match(/\u001b[^[]|\u001b\[[^m]*[^0-9;m]/g)).toBeNull()
    for (const line of colored.split('\n')) {
      const codes = line.match(/\u001b\[[0-9;]*m/g) ?? []
      if (codes.length > 0) expect(codes.at(-1)).toBe(RESET)
    }
  })

  it('painter(false) is the identity and painter(true) wraps without splitting', () => {
    expect(painter(false)('error', 'a `b` c')).toBe('a `b` c')
    expect(painter(true)('error', 'a `b` c')).toBe(`${ERROR}a \`b\` c${RESET}`)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('the bundled CLI', () => {
  const args = ['--manifest-path', EXAMPLE, '--offline']
  let plain: Run
  beforeAll(() => {
    plain = cli(args)
  })

  it('colours nothing on a pipe by default, and exits 1 for the example', () => {
    expect(plain.status).toBe(1)
    expect(plain.stderr).toBe('')
    expect(plain.stdout).toContain('error[duplicate-linkage]: bin `host` cannot link')
    expect(plain.stdout).not.toContain(ESC)
  })

  it('--color always: the codes of rustc around `error[duplicate-linkage]`, the bold message and the `-->`', () => {
    const r = cli([...args, '--color', 'always'])
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: '' })
    const lines = r.stdout.split('\n')
    const at = lines.findIndex(line => line.startsWith(`${ERROR}error[duplicate-linkage]${RESET}`))
    expect(at).toBeGreaterThan(0)
    expect(lines[at]).toMatch(new RegExp(`^${escapeRegExp(`${ERROR}error[duplicate-linkage]${RESET}${BOLD}: bin \`host\` cannot link: `)}[^${ESC}]+${escapeRegExp(RESET)}$`))
    expect(lines[at + 1]).toBe(`  ${GUTTER}--> ${RESET}host/Cargo.toml:8`)
    // The verified fix: its label bold, its edit's location in the gutter's colour, removed and added lines as rustc's diffs.
    const fix = lines.findIndex(line => line.startsWith(`  ${GUTTER}= ${RESET}${BOLD}fix (verified)${RESET}: Add \`"rlib"\``))
    expect(fix).toBeGreaterThan(at)
    expect(lines.slice(fix + 1, fix + 4)).toEqual([
      `      ${GUTTER}plugin_audio/Cargo.toml:7${RESET}`,
      `      \u001b[91m- crate-type = ["dylib"]${RESET}`,
      `      \u001b[92m+ crate-type = ["dylib", "rlib"]${RESET}`
    ])
    expect(stripSgr(r.stdout)).toBe(plain.stdout)
  })

  it('--color never, and --color never over CARGO_TERM_COLOR=always: no colour', () => {
    for (const r of [cli([...args, '--color', 'never']), cli([...args, '--color', 'never'], { CARGO_TERM_COLOR: 'always' })]) {
      expect(r).toEqual(plain)
    }
  })

  it('CARGO_TERM_COLOR=always alone colours, even with NO_COLOR set; --output with it colours the file', () => {
    const always = cli([...args, '--color', 'always'])
    expect(cli(args, { CARGO_TERM_COLOR: 'always' })).toEqual(always)
    expect(cli(args, { CARGO_TERM_COLOR: 'always', NO_COLOR: '1' })).toEqual(always)
    const file = path.join(tmp, 'report.txt')
    expect(cli([...args, '--output', file], { CARGO_TERM_COLOR: 'always' })).toEqual({ status: 1, stdout: '', stderr: '' })
    expect(fs.readFileSync(file, 'utf8')).toBe(always.stdout)
  })

  it('only the text format is coloured', () => {
    const json = cli([...args, '--format', 'json', '--color', 'always'])
    expect(json.status).toBe(1)
    expect(json.stdout).not.toContain(ESC)
    expect(json.stdout).toBe(cli([...args, '--format', 'json']).stdout)
  })

  it('an invalid CARGO_TERM_COLOR: one line naming it, exit 2; --color overrides it', () => {
    expect(cli(args, { CARGO_TERM_COLOR: 'sometimes' })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: `CARGO_TERM_COLOR` must be one of auto, always, never, got `sometimes`\n'
    })
    expect(cli([...args, '--color', 'never'], { CARGO_TERM_COLOR: 'sometimes' })).toEqual(plain)
    expect(cli(['--version'], { CARGO_TERM_COLOR: 'sometimes' })).toEqual({ status: 0, stdout: `rust-linkage-guard ${VERSION}\n`, stderr: '' })
  })

  it('the error line on standard error is coloured as cargo colours its own: bold bright red `error`, plain message', () => {
    const missing = ['--manifest-path', path.join(tmp, 'none', 'Cargo.toml')]
    const coloured = cli([...missing, '--color', 'always'])
    expect(coloured.status).toBe(2)
    expect(coloured.stderr).toMatch(new RegExp(`^${escapeRegExp(`${ERROR}error${RESET}: `)}[^${ESC}\n]+\n$`))
    const uncoloured = cli(missing)
    expect(uncoloured.stderr).toMatch(/^error: [^\u001b\n]+\n$/)
    expect(stripSgr(coloured.stderr)).toBe(uncoloured.stderr)
    // A usage error is coloured by the --color found on the same command line.
    expect(cli(['--bogus', '--color', 'always']).stderr).toBe(`${ERROR}error${RESET}: unknown flag \`--bogus\`; run \`rust-linkage-guard --help\`\n`)
    expect(cli(['--bogus'], { CARGO_TERM_COLOR: 'always' }).stderr).toBe(`${ERROR}error${RESET}: unknown flag \`--bogus\`; run \`rust-linkage-guard --help\`\n`)
    expect(cli(['--bogus', '--color=never'], { CARGO_TERM_COLOR: 'always' }).stderr).toBe('error: unknown flag `--bogus`; run `rust-linkage-guard --help`\n')
  })

  it('--help lists the exit codes and the variables that choose colour', () => {
    const r = cli(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Exit Status:\n {2}0 {2}The check passed\n {2}1 {2}Findings fail the check[^\n]*--fail-on[^\n]*\n {2}2 {2}Usage or input error[^\n]*manifest[^\n]*\n {2}3 {2}cargo or rustc could not be run, failed, or ran longer than --timeout\n/m)
    expect(r.stdout).toMatch(/--color <WHEN> [^\n]*CARGO_TERM_COLOR[^\n]*\n[^\n]*\n[^\n]*NO_COLOR/)
  })

  const inTerminal = HAS_SCRIPT ? it : it.skip
  inTerminal('under a real terminal, auto colours; with NO_COLOR=1 or TERM=dumb it does not', () => {
    const auto = cliInTerminal([...args, '--color', 'auto'])
    expect(auto.status).toBe(1)
    expect(auto.stdout).toContain(`${ERROR}error[duplicate-linkage]${RESET}${BOLD}: bin \`host\` cannot link`)
    expect(stripSgr(auto.stdout)).toBe(plain.stdout)
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      const r = cliInTerminal([...args, '--color', 'auto'], env)
      expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 1, stdout: plain.stdout })
    }
    // Without --color, the default is auto too; `always` still colours with NO_COLOR.
    expect(cliInTerminal(args).stdout).toBe(auto.stdout)
    expect(cliInTerminal([...args, '--color', 'always'], { NO_COLOR: '1' }).stdout).toBe(auto.stdout)
  })

  inTerminal('under a real terminal, standard output and standard error are decided separately', () => {
    const missing = ['--manifest-path', path.join(tmp, 'none', 'Cargo.toml')]
    // Standard error to a file, standard output still the terminal: the error line is not coloured.
    const errFile = path.join(tmp, 'stderr.txt')
    expect(cliInTerminal(missing, {}, `2>${shellQuote(errFile)}`).status).toBe(2)
    expect(fs.readFileSync(errFile, 'utf8')).toMatch(/^error: manifest `[^\u001b]*\n$/)
    // Standard output to a file, standard error the terminal: the report is plain, the error line coloured.
    const outFile = path.join(tmp, 'stdout.txt')
    expect(cliInTerminal(args, {}, `>${shellQuote(outFile)}`).status).toBe(1)
    expect(fs.readFileSync(outFile, 'utf8')).toBe(plain.stdout)
    expect(cliInTerminal(missing, {}, `>${shellQuote(outFile)}`).stdout).toMatch(new RegExp(`^${escapeRegExp(`${ERROR}error${RESET}: manifest \``)}`))
  })
})

describe('run by cargo as `cargo linkage-guard`', () => {
  const bin = path.join(tmp, 'bin')
  beforeAll(() => {
    fs.mkdirSync(bin)
    fs.symlinkSync(CLI, path.join(bin, 'cargo-linkage-guard'))
  })
  const cargo = (args: string[], env: Record<string, string> = {}): Run => {
    const base = childEnv(env)
    return finished(spawnSync('cargo', args, { cwd: REPO, env: { ...base, PATH: `${bin}${path.delimiter}${base.PATH ?? ''}` }, encoding: 'utf8' }))
  }

  it('cargo linkage-guard --version', () => {
    expect(cargo(['linkage-guard', '--version'])).toEqual({ status: 0, stdout: `rust-linkage-guard ${VERSION}\n`, stderr: '' })
  })

  it('cargo linkage-guard --help and cargo help linkage-guard print the help', () => {
    const help = cli(['--help']).stdout
    expect(help).toContain('cargo [+toolchain] linkage-guard [OPTIONS]')
    expect(cargo(['linkage-guard', '--help'])).toEqual({ status: 0, stdout: help, stderr: '' })
    expect(cargo(['help', 'linkage-guard'])).toEqual({ status: 0, stdout: help, stderr: '' })
  })

  it('cargo linkage-guard --manifest-path … --offline -p host: the report of the CLI, exit 1', () => {
    const args = ['--manifest-path', EXAMPLE, '--offline', '-p', 'host']
    const r = cargo(['linkage-guard', ...args])
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^cargo build --package host --offline {2}\(profile dev, rustc /)
    expect(r.stdout).toContain('error[duplicate-linkage]: bin `host` cannot link: `engine_api` would be included twice')
    expect(r.stdout).toContain('  ::: plugin_audio/Cargo.toml:7 (crate-type of plugin_audio)\n')
    expect(r).toEqual(cli(args))
    expect(cargo(['linkage-guard', ...args, '--color', 'always'])).toEqual(cli([...args, '--color', 'always']))
  })

  it('a usage error through cargo: one line, exit 2', () => {
    expect(cargo(['linkage-guard', '--format', 'xml'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: `--format` must be one of text, json, markdown, sarif, github, got `xml`\n'
    })
  })
})

describe('repository text cannot drive the terminal', () => {
  // A member directory whose name clears the screen, sets the window title and starts a new line.
  const hostile = `plugin${ESC}[2J${ESC}]0;pwned\u0007\n_audio`
  const shown = 'plugin<U+001B>[2J<U+001B>]0;pwned<U+0007><U+000A>_audio'
  let manifest = ''

  beforeAll(() => {
    const root = path.join(tmp, 'hostile-dir')
    fs.cpSync(path.dirname(EXAMPLE), root, { recursive: true, filter: source => !source.includes(`${path.sep}target`) })
    fs.renameSync(path.join(root, 'plugin_audio'), path.join(root, hostile))
    const toml = (text: string): string => text.replace('"plugin_audio"', JSON.stringify(hostile)).replace('"../plugin_audio"', JSON.stringify(`../${hostile}`))
    for (const file of ['Cargo.toml', 'host/Cargo.toml']) fs.writeFileSync(path.join(root, file), toml(fs.readFileSync(path.join(root, file), 'utf8')))
    manifest = path.join(root, 'Cargo.toml')
  })

  it('a control character in a path is shown as its code point, coloured or not', () => {
    const plain = cli(['--manifest-path', manifest, '--offline', '-p', 'host', '--color', 'never'])
    expect(plain.status).toBe(1)
    expect(plain.stdout).toContain(`  ::: ${shown}/Cargo.toml:7 (crate-type of plugin_audio)\n`)
    expect(plain.stdout).toContain(`      ${shown}/Cargo.toml:7\n`)
    expect(plain.stdout).not.toContain(ESC)
    const coloured = cli(['--manifest-path', manifest, '--offline', '-p', 'host', '--color', 'always'])
    expect(coloured.stdout).toContain(`${GUTTER}::: ${RESET}${shown}/Cargo.toml:7 (crate-type of plugin_audio)\n`)
    // Every escape left is one of ours: a complete SGR sequence.
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain(ESC)
    expect(stripSgr(coloured.stdout)).toBe(plain.stdout)
  })

  it('a control character in an error line is shown as its code point', () => {
    const missing = path.join(tmp, `nowhere${ESC}]0;pwned\u0007`, 'Cargo.toml')
    const r = cli(['--manifest-path', missing, '--color', 'never'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('nowhere<U+001B>]0;pwned<U+0007>')
    expect(r.stderr).not.toContain(ESC)
    expect(r.stderr.split('\n')).toHaveLength(2)
  })
})

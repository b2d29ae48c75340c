import { adviceFix } from '../src/findings/finding.js'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commentMarker, fitCommentBody } from '../src/github/comment.js'
import { selectAnnotations, workflowCommand, type Annotation } from '../src/report/annotations.js'
import { renderComment } from '../src/report/comment.js'
import { escapeHtml } from '../src/report/render.js'
import type { Report } from '../src/report/report.js'
import { renderSarif, type SarifLog } from '../src/report/sarif.js'
import { SUMMARY_BUDGET, renderSummary } from '../src/report/summary.js'
import { parseToolchainFile } from '../src/toolchain/pin.js'
import { actionStep } from './support/action-step.js'
import { startGitHubServer, type FakeGitHub } from './support/github-server.js'
import { HOSTILE_STRINGS, acceptedAs, hostile, isToolchainChannel, lineTails, liveText, shownAs, shownText, tomlString, withoutBreaks, type CargoAcceptance } from './support/hostile-strings.js'
import { makeArtifact, makeFinding, makeReport } from './support/reports.js'
import { sarifSchemaErrors } from './support/sarif-schema.js'
import { writeTree } from './support/files.js'

/**
 * Every string a repository controls, in every place it can put one, run through the real things: cargo
 * metadata on real workspaces, the bundled action the way the runner starts it (with a fake GitHub API for
 * the pull-request comment), the bundled CLI, and the renderers with hand-built reports. The checks follow
 * the runner's own parsing (actions/runner `ActionCommand.cs`) and GitHub-flavoured markdown.
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = path.join(REPO, 'dist', 'index.js')
const CLI = path.join(REPO, 'dist', 'cli', 'index.js')
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-hostile-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const MARKER = commentMarker('default')
const OWNER = 'octo'
const NAME = 'engine'
const PR = 17
const SERVER_URL = 'https://github.example'

// ---------------------------------------------------------------------------------------------------------------
// Running things

/** The toolchain rustup runs outside any toolchain file, so that a hostile pin is read but not used. */
function activeToolchain(): string {
  if (process.env.RUSTUP_TOOLCHAIN) return process.env.RUSTUP_TOOLCHAIN
  const r = spawnSync('rustup', ['show', 'active-toolchain'], { cwd: os.tmpdir(), encoding: 'utf8' })
  return r.status === 0 ? (r.stdout.trim().split(/\s+/)[0] ?? 'stable') : 'stable'
}
const hasRustup = spawnSync('rustup', ['--version'], { encoding: 'utf8' }).status === 0
const TOOLCHAIN = activeToolchain()

function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && k !== 'RUSTFLAGS' && k !== 'CARGO_ENCODED_RUSTFLAGS') env[k] = v
  }
  return { ...env, RUSTUP_TOOLCHAIN: TOOLCHAIN, ...extra }
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function spawnNode(script: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

interface ActionRun extends Run {
  summary: string
  /** The raw `GITHUB_OUTPUT` file. */
  outputFile: string
}

/** The bundled action, started as the runner starts it (and asynchronously, so that the fake API can answer). */
async function runAction(repo: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const step = actionStep({ workspace: repo, inputs, scratch: fs.mkdtempSync(path.join(tmp, 'run-')), base: cleanEnv(), env: extraEnv })
  const r = await spawnNode(ACTION, [], repo, step.env)
  const { summary, outputFile } = step.written()
  return { ...r, summary, outputFile }
}

function runCli(args: string[], cwd: string): Promise<Run> {
  return spawnNode(CLI, args, cwd, cleanEnv())
}

/** `cargo metadata` on a manifest; async so that many run at once. */
function cargoMetadata(manifest: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', ['metadata', '--format-version', '1', '--offline', '--manifest-path', manifest], { env: cleanEnv() })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

async function inBatches<T, R>(items: readonly T[], size: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(f))))
  return out
}

function packageToml(name: string, extra = ''): string {
  return `[package]\nname = ${tomlString(name)}\nversion = "0.1.0"\nedition = "2021"\n${extra}`
}

// ---------------------------------------------------------------------------------------------------------------
// The runner's view of a log (actions/runner ActionCommand.cs, ActionCommandManager.cs)

/** Lines as the runner reads them: .NET's ReadLine ends a line at `\r\n`, `\r` or `\n`. */
function runnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  data: string
  line: string
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

/** `TryParseV2`: after TrimStart, `::name props::data`; null when the line is no such command. */
function parseCommandV2(line: string): { name: string; rawProperties: string; data: string } | null {
  const message = line.trimStart()
  if (!message.startsWith('::')) return null
  const end = message.indexOf('::', 2)
  if (end < 0) return null
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  return { name: space < 0 ? info : info.slice(0, space), rawProperties: space < 0 ? '' : info.slice(space + 1).trim(), data: message.slice(end + 2) }
}

/** The commands this tool writes itself (in the toolkit's command format), and what their properties may be. */
const OWN_COMMANDS = new Set(['error', 'warning', 'notice'])
const ANNOTATION_PROPERTIES = new Set(['title', 'file', 'line', 'endLine', 'col', 'endColumn'])

/**
 * Reads a log the way the runner does and returns the commands it would run, plus every line that would
 * be a command this tool did not mean to write: outside a `::stop-commands::` block, a line that starts
 * with `::` and is not an annotation, or any line holding the legacy `##[` marker (which the runner looks
 * for anywhere in a line that is no `::` command). Annotations are returned, unescaped as the runner
 * unescapes them, for the tests to compare with the ones this tool meant to write: a forged one shows there.
 */
function readLog(text: string, stopCommands: 'allowed' | 'none'): { commands: WorkflowCommand[]; problems: string[] } {
  const commands: WorkflowCommand[] = []
  const problems: string[] = []
  let stopToken: string | null = null
  for (const line of runnerLines(text)) {
    const v2 = parseCommandV2(line)
    if (stopToken !== null) {
      if (v2 !== null && v2.name.toLowerCase() === stopToken.toLowerCase()) stopToken = null
      continue
    }
    if (v2 !== null && v2.name === 'stop-commands' && stopCommands === 'allowed') {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v2.data)) problems.push(`stop-commands with a guessable token: ${JSON.stringify(line)}`)
      stopToken = v2.data
      continue
    }
    if (v2 !== null && OWN_COMMANDS.has(v2.name)) {
      const properties: Record<string, string> = {}
      for (const p of v2.rawProperties.split(',').filter(s => s !== '')) {
        const eq = p.indexOf('=')
        const key = eq < 0 ? p : p.slice(0, eq)
        if (eq <= 0 || !ANNOTATION_PROPERTIES.has(key) || key in properties) problems.push(`annotation property ${JSON.stringify(p)} in ${JSON.stringify(line)}`)
        else properties[key] = unescapeProperty(p.slice(eq + 1))
      }
      commands.push({ name: v2.name, properties, data: unescapeData(v2.data), line })
      continue
    }
    if (line.trimStart().startsWith('::')) problems.push(`a line outside stop-commands starts with "::": ${JSON.stringify(line.slice(0, 200))}`)
    if (line.includes('##[')) problems.push(`a line outside stop-commands holds "##[": ${JSON.stringify(line.slice(0, 200))}`)
  }
  if (stopToken !== null) problems.push('stop-commands was never resumed')
  return { commands, problems }
}

/** Both streams of an action run; stop-commands only on stdout, where the action writes it. */
function readActionLog(run: Run): { commands: WorkflowCommand[]; problems: string[] } {
  const out = readLog(run.stdout, 'allowed')
  const err = readLog(run.stderr, 'none')
  return { commands: [...out.commands, ...err.commands], problems: [...out.problems, ...err.problems] }
}

/** The annotation an `::error`/`::warning`/`::notice` command makes, in the `Annotation` shape. */
function asAnnotation(c: WorkflowCommand): Annotation {
  return {
    level: c.name as Annotation['level'],
    ...(c.properties.file === undefined ? {} : { file: c.properties.file }),
    ...(c.properties.line === undefined ? {} : { line: Number(c.properties.line) }),
    title: c.properties.title ?? '',
    message: c.data
  }
}

/** `GITHUB_OUTPUT` read strictly: nothing but `name<<delimiter` records, each name once. */
function readOutputFile(text: string): { outputs: Record<string, string>; problems: string[] } {
  const outputs: Record<string, string> = {}
  const problems: string[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z0-9_-]+)<<(ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(lines[i]!)
    if (!m) {
      problems.push(`not a heredoc record: ${JSON.stringify(lines[i])}`)
      continue
    }
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    if (i >= lines.length) problems.push(`${m[1]}: the delimiter never comes`)
    if (m[1]! in outputs) problems.push(`${m[1]} written twice`)
    outputs[m[1]!] = value.join('\n')
  }
  return { outputs, problems }
}

const ACTION_OUTPUTS = ['comment-url', 'errors', 'report', 'sarif', 'verdict', 'warnings']

// ---------------------------------------------------------------------------------------------------------------
// GitHub-flavoured markdown, as GitHub renders the job summary and the comment

/** The tags this tool writes; anything else is markup from the repository. */
function isOwnTag(tag: string, index: number): boolean {
  if (tag === MARKER) return index === 0
  return /^<(?:\/?(?:code|sub|summary)|\/details|details(?: open)?|\/a|br\/|wbr)>$/.test(tag) || /^<a href="https:\/\/[^"<>\s]*">$/.test(tag)
}

/** Raw HTML: every `<` that starts a tag, a closing tag, a comment or a declaration must be one of ours. */
function rawHtml(text: string): string[] {
  const problems: string[] = []
  for (const m of text.matchAll(/<(?=[A-Za-z/!?])/g)) {
    const tag = /^<!--[\s\S]*?-->|^<[^<>]*>/.exec(text.slice(m.index))?.[0] ?? text.slice(m.index, m.index + 40)
    if (!isOwnTag(tag, m.index)) problems.push(`raw HTML ${JSON.stringify(tag.slice(0, 80))}`)
  }
  return problems
}

/** Markdown links and link reference definitions: only our own, to https URLs. */
function links(text: string): string[] {
  const problems: string[] = []
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)/g)) if (!/^https:\/\//.test(m[1]!)) problems.push(`markdown link to ${JSON.stringify(m[1])}`)
  for (const line of text.split('\n')) if (/^ {0,3}\[[^\]]+\]:/.test(line)) problems.push(`link reference definition ${JSON.stringify(line.slice(0, 80))}`)
  return problems
}

/** The lines outside code fences, as GitHub-flavoured markdown reads fences (backtick or tilde, any info string). */
function outsideFences(text: string): string[] {
  const out: string[] = []
  let fence: string | null = null
  for (const line of text.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (fence !== null) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && m[2]!.trim() === '') fence = null
    } else if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) fence = m[1]!
    else out.push(line)
  }
  return out
}

/** `<details>` opened and closed in order, outside code fences (inside one they are text). */
function detailsBalance(text: string): string[] {
  let depth = 0
  for (const m of outsideFences(text).join('\n').matchAll(/<details(?:\s[^>]*)?>|<\/details\s*>/gi)) {
    depth += m[0].startsWith('</') ? -1 : 1
    if (depth < 0) return ['`</details>` before its `<details>`']
  }
  return depth === 0 ? [] : [`${depth} <details> left open`]
}

/**
 * Code fences: only our own mermaid blocks and the diffs of verified fixes (inside a list item, with a fence
 * longer than any backtick run they hold), each closed by its own fence. A fence from the repository swallows
 * the rest.
 */
function fences(text: string): string[] {
  const problems: string[] = []
  let closing: string | null = null
  for (const line of text.split('\n')) {
    if (closing !== null) {
      if (/^ {0,3}`{3,}\s*$/.test(line)) {
        if (line !== closing) problems.push(`fence closed by ${JSON.stringify(line)}`)
        closing = null
      }
      continue
    }
    if (/^ {0,3}(?:`{3,}|~{3,})/.test(line)) {
      const diff = /^( {2})(`{3,})diff$/.exec(line)
      if (line === '```mermaid') closing = '```'
      else if (diff) closing = `${diff[1]}${diff[2]}`
      else problems.push(`code fence opened by ${JSON.stringify(line.slice(0, 80))}`)
    }
  }
  if (closing !== null) problems.push('a code block is never closed')
  return problems
}

/** Every table: each row (up to the blank line that ends it) has the header's number of pipes. */
function tables(text: string): { problems: string[]; artifactRows: number } {
  const problems: string[] = []
  let artifactRows = 0
  const lines = text.split('\n')
  for (let i = 1; i < lines.length; i++) {
    if (!/^\|(?:\s*:?-+:?\s*\|)+\s*$/.test(lines[i]!) || !lines[i - 1]!.startsWith('|')) continue
    const header = lines[i - 1]!
    const pipes = header.split('|').length - 1
    const artifacts = header.startsWith('| package | target | crate type |')
    for (i++; i < lines.length && lines[i] !== ''; i++) {
      const row = lines[i]!
      if (!row.startsWith('| ') || !row.endsWith(' |') || row.split('|').length - 1 !== pipes) {
        problems.push(`table row with ${row.split('|').length - 1} pipes instead of ${pipes}: ${JSON.stringify(row.slice(0, 120))}`)
      } else if (artifacts) artifactRows++
    }
  }
  return { problems, artifactRows }
}

/** Lines that repository text starts, through a line break it carried in. */
function injectedLines(text: string): string[] {
  const tails = [...new Set(HOSTILE_STRINGS.flatMap(h => lineTails(h.value)))].filter(t => t.length >= 3 && !/^(?:`{3,}|~{3,})/.test(t))
  return runnerLines(text)
    .map(l => l.trimStart())
    .filter(l => l.startsWith('::') || tails.some(t => l.startsWith(t)))
    .map(l => `a line starts with repository text: ${JSON.stringify(l.slice(0, 80))}`)
}

/** The mermaid blocks: plain labels, and nothing but nodes, edges and classes. */
function mermaid(text: string): string[] {
  const problems: string[] = []
  for (const [, block] of text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)) {
    for (const line of block!.split('\n').slice(1)) {
      if (!/^ {2}(n\d+\["[^"]*"\]|n\d+ (-->\|[a-z ]+\||==>\|[a-z ]+\||-\. inside dylib \.->) n\d+|classDef .*|class [n\d,]+ (artifact|fault))$/.test(line)) {
        problems.push(`mermaid line ${JSON.stringify(line.slice(0, 80))}`)
      }
      const label = /^ {2}n\d+\["([^"]*)"\]$/.exec(line)?.[1]
      if (label !== undefined && !/^[A-Za-z0-9 _.@/+#;-]*$/.test(label.replace(/<br\/>/g, ''))) problems.push(`mermaid label ${JSON.stringify(label.slice(0, 80))}`)
    }
  }
  return problems
}

interface MarkdownChecks {
  rawHtml: string[]
  /** Mentions, references, autolinks and hidden characters GitHub would find (`liveText`). */
  live: string[]
  links: string[]
  details: string[]
  fences: string[]
  tables: string[]
  lineBreaks: string[]
  mermaid: string[]
}

/** Each way repository text could change the structure of a summary or comment, with what was found. */
function checkMarkdown(text: string, options: { artifactRows?: number } = {}): MarkdownChecks {
  const t = tables(text)
  const tableProblems = [...t.problems]
  if (options.artifactRows !== undefined && t.artifactRows !== options.artifactRows) {
    tableProblems.push(`${t.artifactRows} intact artifact rows for ${options.artifactRows} artifacts`)
  }
  const carriageReturns = (text.match(/\r/g) ?? []).length
  return {
    rawHtml: rawHtml(text),
    live: liveText(text),
    links: links(text),
    details: detailsBalance(text),
    fences: fences(text),
    tables: tableProblems,
    lineBreaks: [...(carriageReturns > 0 ? [`${carriageReturns} raw carriage returns`] : []), ...injectedLines(text)],
    mermaid: mermaid(text)
  }
}

/** Jest prints at most this many problems of one kind, so that a failure stays readable. */
const shown = (problems: string[]): string[] => (problems.length <= 8 ? problems : [...problems.slice(0, 8), `… and ${problems.length - 8} more`])

/** The tests every rendered summary passes: what the repository wrote stays text, and the structure stays ours. */
function itKeepsMarkdownStructure(checks: () => MarkdownChecks): void {
  it('holds no HTML but its own tags', () => expect(shown(checks().rawHtml)).toEqual([]))
  it('opens and closes its <details> in order', () => expect(checks().details).toEqual([]))
  it('draws diagrams whose labels and lines are plain', () => expect(shown(checks().mermaid)).toEqual([]))
  it('keeps every table row whole (7 pipes per artifact row, one row per artifact)', () => expect(shown(checks().tables)).toEqual([]))
  it('opens no code fence but its own mermaid blocks', () => expect(shown(checks().fences)).toEqual([]))
  it('lets no line break from the repository through', () => expect(shown(checks().lineBreaks)).toEqual([]))
  it('holds no markdown link but its own', () => expect(shown(checks().links)).toEqual([]))
  it('holds no live mention, reference, autolink or hidden character', () => expect(shown(checks().live)).toEqual([]))
}

/** Code spans of CommonMark (backtick strings of equal length), whose content is literal. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '')
}

/** SARIF `message.markdown` of the results: no raw HTML and no links, outside code spans. */
function sarifMarkdownProblems(log: SarifLog): string[] {
  const problems: string[] = []
  for (const r of log.runs[0].results) {
    const markdown = withoutCodeSpans(r.message.markdown ?? '')
    for (const m of markdown.matchAll(/<[A-Za-z/!?][^<>\n]*>?/g)) problems.push(`${r.ruleId}: raw HTML ${JSON.stringify(m[0].slice(0, 60))}`)
    for (const m of markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) problems.push(`${r.ruleId}: link to ${JSON.stringify(m[1])}`)
  }
  return [...new Set(problems)]
}

/** Every artifact location of every result: a valid URI reference that decodes to the file it names. */
function sarifLocations(log: SarifLog): { uri: string; uriBaseId?: string }[] {
  return log.runs[0].results.flatMap(r => [
    ...r.locations,
    ...(r.relatedLocations ?? []),
    ...(r.suppressions ?? []).flatMap(s => (s.location ? [s.location] : []))
  ]).map(l => l.physicalLocation.artifactLocation)
}

// ---------------------------------------------------------------------------------------------------------------
// The checks themselves

describe('the checks of this file', () => {
  it('read a log as the runner does: commands after any line break, legacy markers anywhere, injected properties', () => {
    const forged = ['x\n  ::set-output name=verdict::pass', 'x\r::add-mask::a', 'text ##[warning]b', '::warning file=a,line=1,title=t,col=9::c']
    expect(forged.map(text => readLog(text, 'none').problems.length > 0)).toEqual([true, true, true, false])
    // An annotation after a bare carriage return is a command too; the tests compare the commands with ours.
    expect(readLog('x\r::error::a', 'none').commands.map(c => c.data)).toEqual(['a'])
    expect(readLog('::warning file=a,line=1,title=t,bogus=9::c', 'none').problems).toHaveLength(1)
    const token = '0b0c0d0e-0000-4000-8000-000000000000'
    expect(readLog(`::stop-commands::${token}\n::error::quiet\n##[error]quiet\n::${token}::\n`, 'allowed')).toEqual({ commands: [], problems: [] })
    expect(readLog('::stop-commands::abc\n::error::x\n', 'allowed').problems).toContain('stop-commands was never resumed')
    const [command] = readLog(`${workflowCommand({ level: 'error', file: 'a,b:c', line: 3, title: 't%0A', message: 'm\r\nn%25' })}\n`, 'none').commands
    expect(command && asAnnotation(command)).toEqual({ level: 'error', file: 'a,b:c', line: 3, title: 't%0A', message: 'm\r\nn%25' })
  })

  it('find markup, links, broken rows, stray fences and line breaks in markdown', () => {
    const table = '| package | target | crate type | status | std | shared libraries at run time |\n|---|---|---|---|---|---|\n'
    expect(checkMarkdown('<code>x</code> <script>y</script>').rawHtml).toHaveLength(2)
    expect(checkMarkdown('a [b](javascript:alert(1)) [c](https://github.com)').links).toHaveLength(1)
    expect(checkMarkdown('<details><summary>x</summary>\n\n```\n</details>\n').details).toEqual(['1 <details> left open'])
    expect(checkMarkdown(`${table}| a | b\nc | d | e | f | g |\n`, { artifactRows: 1 }).tables).toHaveLength(3)
    expect(checkMarkdown(`${table}| a | b | c | d | e | f |\n`, { artifactRows: 1 }).tables).toEqual([])
    expect(checkMarkdown('```mermaid\nflowchart LR\n```\n~~~ x\n').fences).toHaveLength(1)
    expect(checkMarkdown('a\r::error::x\n# heading\n').lineBreaks).toHaveLength(3)
    expect(checkMarkdown('```mermaid\nflowchart LR\n  n0["a<b"]\n```\n').mermaid).toHaveLength(1)
    const inert = '@<wbr>user #<wbr>12 GH-<wbr>1 https:<wbr>//x www<wbr>.x &#60;U+202E&#62; <code>a@<wbr>b.c</code> [job](https://x)\n```mermaid\n  n0["@a"]\n```\n'
    expect(checkMarkdown(inert).live).toEqual([])
    expect(checkMarkdown(withoutBreaks(inert)).live).toHaveLength(7)
    expect(checkMarkdown('&#64;user &#35;1').live).toHaveLength(2)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The catalogue

describe('the catalogue of hostile strings', () => {
  it('holds at least 20 strings with unique ids, including every required attack', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(20)
    expect(new Set(HOSTILE_STRINGS.map(h => h.id)).size).toBe(HOSTILE_STRINGS.length)
    const values = HOSTILE_STRINGS.map(h => h.value)
    for (const required of [
      '::error::forged',
      '::set-output name=verdict::pass',
      '::add-mask::x',
      '::stop-commands::abc',
      '##[error]forged',
      'text ##[warning]x',
      '%0A::error::x',
      '%25',
      'a\r\n::error::x',
      'a\n::warning::y',
      '\r',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '</details>',
      '</td></tr></table>',
      '`',
      '```',
      '|',
      'a|b|c',
      '"quoted"',
      "'single'",
      '&amp;',
      '&lt;',
      '[link](javascript:alert(1))',
      MARKER,
      '@user',
      '@org/team',
      'https://evil.example/x',
      'www.evil.example',
      'owner/repo#12',
      '#12',
      'GH-12',
      'a@b.example'
    ]) {
      expect(values).toContain(required)
    }
    expect(values.some(v => v.length === 5000)).toBe(true)
    expect(values.some(v => v.includes('\u202e'))).toBe(true)
    expect(values.some(v => v.includes('\u2066'))).toBe(true)
    expect(values.some(v => v.includes('\u200b'))).toBe(true)
    expect(values.some(v => v.includes('\u0007') && !v.includes('\0'))).toBe(true)
    expect(values.some(v => /\p{Extended_Pictographic}/u.test(v))).toBe(true)
  })

  it('records what cargo 1.95 accepts as a directory, package, bin, lib and feature name', async () => {
    const root = fs.mkdtempSync(path.join(tmp, 'cargo-'))
    const accepted = (place: keyof CargoAcceptance) => acceptedAs(place).map(h => h.value)
    const rejected = (place: keyof CargoAcceptance) => HOSTILE_STRINGS.filter(h => !h.cargo[place]).map(h => h.value)
    const lib = (name: string) => `[lib]\nname = ${tomlString(name)}\npath = "src/lib.rs"\n`
    const bin = (name: string) => `[[bin]]\nname = ${tomlString(name)}\npath = "src/main.rs"\n`

    // Everything accepted in one workspace per place; cargo stops at the first error, so each refusal alone.
    const dirs = accepted('directory')
    writeTree(path.join(root, 'dirs'), {
      'Cargo.toml': packageToml('app', `[dependencies]\n${dirs.map((d, i) => `d${i} = { path = ${tomlString(d)} }\n`).join('')}`),
      'src/lib.rs': '',
      ...Object.fromEntries(dirs.flatMap((d, i) => [[`${d}/Cargo.toml`, packageToml(`d${i}`)], [`${d}/src/lib.rs`, '']]))
    })
    const members = (place: string, values: string[], manifest: (v: string, i: number) => string) =>
      writeTree(path.join(root, place), {
        'Cargo.toml': `[workspace]\nresolver = "2"\nmembers = [${values.map((_, i) => `"m${i}"`).join(', ')}]\n`,
        ...Object.fromEntries(values.flatMap((v, i) => [[`m${i}/Cargo.toml`, manifest(v, i)], [`m${i}/src/lib.rs`, ''], [`m${i}/src/main.rs`, 'fn main() {}\n']]))
      })
    members('packages', accepted('package'), v => packageToml(v))
    members('libs', accepted('lib'), (v, i) => packageToml(`l${i}`, lib(v)))
    writeTree(path.join(root, 'bins'), { 'Cargo.toml': packageToml('app', accepted('bin').map(bin).join('')), 'src/main.rs': 'fn main() {}\n' })
    writeTree(path.join(root, 'features'), { 'Cargo.toml': packageToml('app', `[features]\n${accepted('feature').map(f => `${tomlString(f)} = []\n`).join('')}`), 'src/lib.rs': '' })

    const single = (place: string, values: string[], manifest: (v: string) => string) =>
      values.map((v, i) => writeTree(path.join(root, `${place}-${i}`), { 'Cargo.toml': manifest(v), 'src/lib.rs': '', 'src/main.rs': 'fn main() {}\n' }))
    const refusals = [
      ...single('package', rejected('package'), v => packageToml(v)),
      ...single('lib', rejected('lib'), v => packageToml('app', lib(v))),
      ...single('bin', rejected('bin'), v => packageToml('app', bin(v))),
      ...single('feature', rejected('feature'), v => packageToml('app', `[features]\n${tomlString(v)} = []\n`))
    ]
    const acceptances = ['dirs', 'packages', 'libs', 'bins', 'features'].map(p => path.join(root, p))
    const results = await inBatches([...acceptances, ...refusals], 12, dir => cargoMetadata(path.join(dir, 'Cargo.toml')))

    const ok = results.slice(0, acceptances.length)
    for (const [i, r] of ok.entries()) expect({ place: acceptances[i], status: r.status, stderr: r.stderr.slice(0, 300) }).toMatchObject({ status: 0 })
    const meta = ok.map(r => JSON.parse(r.stdout) as { packages: { name: string; manifest_path: string; targets: { name: string; kind: string[] }[] }[] })
    expect(meta[0]!.packages.map(p => path.basename(path.dirname(p.manifest_path))).sort()).toEqual([...dirs, 'dirs'].sort())
    expect(meta[1]!.packages.map(p => p.name).sort()).toEqual([...accepted('package')].sort())
    expect(meta[2]!.packages.flatMap(p => p.targets.filter(t => t.kind.includes('lib')).map(t => t.name)).sort()).toEqual([...accepted('lib')].sort())
    expect(meta[3]!.packages[0]!.targets.map(t => t.name).sort()).toEqual([...accepted('bin')].sort())
    for (const [i, r] of results.slice(acceptances.length).entries()) {
      expect({ manifest: refusals[i], refused: r.status !== 0 }).toEqual({ manifest: refusals[i], refused: true })
    }
    // No directory name is refused by cargo: only the file system refuses `/` and names over 255 bytes.
    for (const h of HOSTILE_STRINGS.filter(x => !x.cargo.directory)) expect(h.value.includes('/') || Buffer.byteLength(h.value) > 255).toBe(true)
  })

  it('records which strings this tool accepts as a rust-toolchain.toml channel', () => {
    for (const h of HOSTILE_STRINGS) {
      let parsed: boolean
      try {
        parseToolchainFile(`[toolchain]\nchannel = ${tomlString(h.value)}\n`, '/r/rust-toolchain.toml')
        parsed = true
      } catch {
        parsed = false
      }
      expect({ id: h.id, channel: parsed }).toEqual({ id: h.id, channel: isToolchainChannel(h.value) })
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// A workspace with every hostile name cargo accepts, analysed by the bundled action and CLI

/**
 * `app` has a bin for every hostile bin name and fails to link each of them (std twice, through the dylib
 * `dy0`); `hub` depends on a dylib in a directory of every hostile directory name, each dylib's lib carrying
 * a hostile lib name, and on a package with a 5,000-character name. The toolchain pin is floating, with a
 * hostile channel; `.cargo/config.toml` has hostile `[env]` keys; the policy allows every other published
 * dylib with a hostile reason and has an unused entry with hostile fields for each catalogue string.
 */
function hostileWorkspace(root: string): { dylibDirs: string[] } {
  const dylibDirs = acceptedAs('directory').map(h => h.value)
  const libNames = acceptedAs('lib').map(h => h.value)
  const longName = hostile('long')
  const unicodeName = hostile('non-ascii')
  const channel = HOSTILE_STRINGS.filter(h => isToolchainChannel(h.value) && h.id !== 'long').map(h => h.value).join('')
  // The policy refuses blank strings (the lone carriage return); markup and line breaks go first.
  const featured = ['fence-line', 'js-link', 'close-details', 'crlf-command', 'tilde-fence', 'heading-line', 'table-line', 'script', 'img-onerror', 'comment-marker']
  const reasons = [...featured.map(hostile), ...HOSTILE_STRINGS.filter(h => !featured.includes(h.id)).map(h => h.value)].filter(v => v.trim() !== '')
  // rustc links only the dylibs a bin names: every bin names its dependencies by their extern names (those
  // that are no identifier cannot be named, and are not linked), and each links the unicode-named dylib.
  const externOf = (i: number): string => (libNames[i] ?? `dy${i}`).replace(/-/g, '_')
  const naming = (names: string[]): string =>
    `${names
      .filter(name => /^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(name))
      .map(name => `use ${name} as _;\n`)
      .join('')}\nfn main() {}\n`
  const allow = (fields: Record<string, string>) => `[[allow]]\n${Object.entries(fields).map(([k, v]) => `${k} = ${tomlString(v)}\n`).join('')}\n`
  const files: Record<string, string> = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    // The non-ASCII package name is also a `[workspace.dependencies]` key and a dependency key.
    'Cargo.toml': `[workspace]\nresolver = "2"\nmembers = ["app", "hub"]\n\n[workspace.dependencies]\n${tomlString(unicodeName)} = { path = "unicode" }\n`,
    'app/Cargo.toml': packageToml(
      'app',
      `${acceptedAs('bin').map(h => `[[bin]]\nname = ${tomlString(h.value)}\npath = "src/main.rs"\n`).join('')}\n[dependencies]\ndy0 = { path = ${tomlString(`../${dylibDirs[0]}`)} }\n` +
        `${tomlString(unicodeName)} = { workspace = true }\n`
    ),
    'app/src/main.rs': naming([externOf(0), unicodeName.replace(/-/g, '_')]),
    'hub/Cargo.toml': packageToml(
      'hub',
      `[features]\n${acceptedAs('feature').map(h => `${tomlString(h.value)} = []\n`).join('')}\n[dependencies]\n` +
        `${dylibDirs.map((d, i) => `dy${i} = { path = ${tomlString(`../${d}`)} }\n`).join('')}long = { path = "../long", package = ${tomlString(longName)} }\n` +
        `${tomlString(unicodeName)} = { workspace = true }\n`
    ),
    'hub/src/main.rs': naming([...dylibDirs.map((_, i) => externOf(i)), 'long', unicodeName.replace(/-/g, '_')]),
    'unicode/Cargo.toml': packageToml(unicodeName, 'publish = ["crates-io"]\n[lib]\ncrate-type = ["dylib"]\n'),
    'unicode/src/lib.rs': '',
    'long/Cargo.toml': packageToml(longName, 'publish = ["crates-io"]\n[lib]\ncrate-type = ["dylib"]\n'),
    'long/src/lib.rs': '',
    'rust-toolchain.toml': `[toolchain]\nchannel = ${tomlString(channel)}\n`,
    // rustc only warns about an unknown target feature; the flag is shown as ABI-relevant.
    '.cargo/config.toml':
      `[build]\nrustflags = [${tomlString(`-Ctarget-feature=+x${hostile('lf-command')}${hostile('img-onerror')}${hostile('pipes')}${hostile('js-link')}`)}]\n\n` +
      `[env]\n${HOSTILE_STRINGS.map(h => `${tomlString(h.value)} = "1"\n`).join('')}`,
    '.github/rust-linkage.toml':
      dylibDirs.flatMap((_, i) => (i % 2 === 0 ? [allow({ rule: 'published-dylib', package: `dy${i}`, reason: reasons[(i / 2) % reasons.length]! })] : [])).join('') +
      reasons.map(r => allow({ rule: 'duplicate-linkage', target: r, crate: r, reason: r })).join('')
  }
  for (const [i, dir] of dylibDirs.entries()) {
    // Line 7 is the crate-type line, which the findings point at; `publish` names a registry, so each is a
    // published dylib (`published-dylib`).
    files[`${dir}/Cargo.toml`] = packageToml(`dy${i}`, `publish = ["crates-io"]\n[lib]\ncrate-type = ["dylib"]\nname = ${tomlString(libNames[i] ?? `dy${i}`)}\n`)
    files[`${dir}/src/lib.rs`] = ''
  }
  writeTree(root, files)
  return { dylibDirs }
}

describe('a workspace full of hostile names, through the bundled action', () => {
  const repo = path.join(tmp, 'repo')
  let dylibDirs: string[] = []
  let plain: ActionRun
  let pull: ActionRun
  let report: Report
  let server: FakeGitHub

  beforeAll(async () => {
    ;({ dylibDirs } = hostileWorkspace(repo))
    server = await startGitHubServer()
    // The pull request changed the crate-type line of a few hostile manifests.
    server.setPullFiles(
      OWNER,
      NAME,
      PR,
      dylibDirs.slice(1, 13).map(d => ({ filename: `${d}/Cargo.toml`, status: 'modified' as const, patch: '@@ -6,2 +6,3 @@\n [lib]\n+crate-type = ["dylib"]\n name = "x"' }))
    )
    const event = path.join(tmp, 'event.json')
    fs.writeFileSync(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: PR,
        pull_request: { number: PR, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'feature' } },
        repository: { name: NAME, owner: { login: OWNER } }
      })
    )
    const inputs = { workspace: 'true', 'all-features': 'true', 'sarif-file': 'out/linkage.sarif', 'report-path': 'out/linkage.json' }
    plain = await runAction(repo, inputs)
    if (!fs.existsSync(path.join(repo, 'out', 'linkage.json'))) throw new Error(`the action did not analyse the workspace:\n${plain.stdout.slice(-2000)}\n${plain.stderr.slice(-2000)}`)
    report = JSON.parse(fs.readFileSync(path.join(repo, 'out', 'linkage.json'), 'utf8')) as Report
    // On the pull request only `hub`: the comment then holds the findings about the hostile dylibs and the policy.
    pull = await runAction(
      repo,
      { packages: 'hub', 'sarif-file': 'out/pull.sarif', 'report-path': 'out/pull.json', 'github-token': server.token, comment: 'always' },
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: `${OWNER}/${NAME}`,
        GITHUB_API_URL: server.url,
        GITHUB_SERVER_URL: SERVER_URL,
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1'
      }
    )
  })
  afterAll(async () => server?.close())

  it('analyses the workspace: the hostile names are in the report, and every bin fails to link', () => {
    expect({ status: plain.status, stderr: plain.stderr }).toEqual({ status: 1, stderr: '' })
    const bins = report.artifacts.filter(a => a.kind === 'bin').map(a => a.target)
    expect(bins.sort()).toEqual([...acceptedAs('bin').map(h => h.value), 'hub'].sort())
    expect(report.findings.filter(f => f.rule === 'duplicate-linkage')).toHaveLength(bins.length)
    expect(Buffer.byteLength(plain.summary)).toBeLessThan(SUMMARY_BUDGET)
    const files = new Set(report.findings.map(f => f.file))
    for (const dir of dylibDirs) expect(files).toContain(`${dir}/Cargo.toml`)
    expect(report.toolchain.pin?.channel).toContain(hostile('js-link'))
    expect(report.findings.some(f => f.allowed?.reason === hostile('fence-line'))).toBe(true)
    expect(report.notes.some(n => n.includes(hostile('lf-command')))).toBe(true)
    expect(report.boundaries.some(b => b.abiFlags.some(f => f.includes(hostile('img-onerror'))))).toBe(true)
    expect(report.findings.some(f => f.rule === 'published-dylib' && f.package === hostile('non-ascii'))).toBe(true)
    expect(report.findings.some(f => f.rule === 'published-dylib' && f.package === hostile('long'))).toBe(true)
  })

  it('the log: repository text cannot forge a workflow command, and ours survive it intact', () => {
    for (const run of [plain, pull]) {
      const log = readActionLog(run)
      expect(shown(log.problems)).toEqual([])
      // The text report carries the forgeries; only stop-commands keeps the runner from running them.
      const withoutStop = run.stdout.replace(/^::stop-commands::.*$/m, '')
      expect(readLog(withoutStop, 'none').problems.length).toBeGreaterThan(0)
    }
  })

  /** The annotations of a run, after checking that the last command is the step's failure when it failed. */
  function annotationsOf(run: ActionRun, of: Report): Annotation[] {
    const annotations = readActionLog(run).commands.map(asAnnotation)
    if (of.gate.verdict === 'fail') expect(annotations.pop()).toMatchObject({ level: 'error', title: '' })
    return annotations
  }

  it('annotations: each command carries exactly the annotation, file and title included, however hostile', () => {
    const annotations = annotationsOf(plain, report)
    expect(annotations).toEqual(selectAnnotations(report, { workspacePrefix: '' }).annotations)
    const hostileFiles = new Set(dylibDirs.map(d => `${d}/Cargo.toml`))
    expect(annotations.filter(a => a.file !== undefined && hostileFiles.has(a.file)).length).toBeGreaterThanOrEqual(3)
    expect(annotations.some(a => acceptedAs('bin').some(h => a.title.includes(h.value) && /[\r\n%:,]/.test(h.value)))).toBe(true)
  })

  it('annotations on the pull request: as many, and changed lines of hostile files are recognised as changed', () => {
    const pullReport = JSON.parse(fs.readFileSync(path.join(repo, 'out', 'pull.json'), 'utf8')) as Report
    const onPull = annotationsOf(pull, pullReport)
    const unchanged = selectAnnotations(pullReport, { workspacePrefix: '' }).annotations
    expect(onPull).toHaveLength(unchanged.length)
    expect(onPull).toEqual(expect.arrayContaining(unchanged.filter(a => a.level === 'error')))
    const changed = dylibDirs.slice(1, 13).map(d => `${d}/Cargo.toml`)
    const warnings = onPull.filter(a => a.level === 'warning')
    expect(warnings.slice(0, 3).map(a => changed.includes(a.file ?? ''))).toEqual([true, true, true])
    // Without the pull request's changes the order differs: the changes were read for these hostile paths.
    expect(unchanged.filter(a => a.level === 'warning').slice(0, 3).every(a => changed.includes(a.file ?? ''))).toBe(false)
  })

  it('outputs: exactly the action’s six, in well-formed records, and the verdict is the real one', () => {
    const pullReport = JSON.parse(fs.readFileSync(path.join(repo, 'out', 'pull.json'), 'utf8')) as Report
    for (const [run, of] of [[plain, report], [pull, pullReport]] as const) {
      const { outputs, problems } = readOutputFile(run.outputFile)
      expect(problems).toEqual([])
      expect(Object.keys(outputs).sort()).toEqual(ACTION_OUTPUTS)
      expect(outputs.verdict).toBe(of.gate.verdict)
      expect(outputs.errors).toBe(String(of.findings.filter(f => f.severity === 'error').length))
    }
    expect(readOutputFile(plain.outputFile).outputs).toMatchObject({ verdict: 'fail', report: path.join(repo, 'out', 'linkage.json'), sarif: path.join(repo, 'out', 'linkage.sarif') })
  })

  describe('the job summary', () => {
    const summary = (): MarkdownChecks => checkMarkdown(plain.summary, { artifactRows: report.artifacts.length })
    it('is written, with the hostile names in it', () => {
      expect(plain.summary).toContain('Rust Linkage Guard')
      expect(plain.summary).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    })
    itKeepsMarkdownStructure(summary)
  })

  describe('the pull-request comment', () => {
    const comment = () => server.commentsOn(OWNER, NAME, PR)
    it('is posted once, starts with exactly one marker, and its URL is the comment-url output', () => {
      expect(comment()).toHaveLength(1)
      const body = comment()[0]!.body
      expect(body.startsWith(`${MARKER}\n`)).toBe(true)
      expect(body.split(MARKER)).toHaveLength(2)
      expect(body.indexOf('<!--', 1)).toBe(-1)
      expect(readOutputFile(pull.outputFile).outputs['comment-url']).toBe(comment()[0]!.html_url)
      // The comment writes out 20 findings; which hostile names they carry depends on the catalogue's order.
      expect(['img-onerror', 'close-table', 'close-details', 'script'].filter(id => body.includes(escapeHtml(hostile(id)))).length).toBeGreaterThan(0)
    })
    const checks = (): MarkdownChecks => checkMarkdown(comment()[0]!.body)
    it('holds no HTML but its own tags', () => expect(shown(checks().rawHtml)).toEqual([]))
    it('opens and closes its <details> in order', () => expect(checks().details).toEqual([]))
    it('opens no code fence', () => expect(shown(checks().fences)).toEqual([]))
    it('lets no line break from the repository through', () => expect(shown(checks().lineBreaks)).toEqual([]))
    it('holds no markdown link but its own', () => expect(shown(checks().links)).toEqual([]))
    it('holds no live mention, reference, autolink or hidden character', () => expect(shown(checks().live)).toEqual([]))
  })

  describe('the SARIF file', () => {
    const sarif = (): SarifLog => JSON.parse(fs.readFileSync(path.join(repo, 'out', 'linkage.sarif'), 'utf8')) as SarifLog
    it('is valid SARIF 2.1.0 whose URIs decode to the hostile paths', () => {
      expect(sarifSchemaErrors(sarif())).toBe('')
      const uris = sarifLocations(sarif()).filter(l => l.uriBaseId === '%SRCROOT%').map(l => decodeURIComponent(l.uri))
      for (const dir of dylibDirs) expect(uris).toContain(`${dir}/Cargo.toml`)
      expect(sarif().runs[0].results.flatMap(r => r.suppressions ?? []).map(s => s.justification)).toContain(hostile('script'))
    })
    it('puts no raw HTML or link from the repository into a markdown message', () => expect(shown(sarifMarkdownProblems(sarif()))).toEqual([]))
  })

  it('the CLI’s --format github prints one well-formed line per annotation', async () => {
    const args = ['--workspace', '--all-features']
    const [github, json] = await Promise.all([runCli([...args, '--format', 'github'], repo), runCli([...args, '--format', 'json'], repo)])
    const expected = selectAnnotations(JSON.parse(json.stdout) as Report, { workspacePrefix: '' }).annotations
    expect(runnerLines(github.stdout)).toHaveLength(expected.length)
    const log = readLog(github.stdout, 'none')
    expect(log.problems).toEqual([])
    expect(log.commands.map(asAnnotation)).toEqual(expected)
    expect(github.stdout).toBe(expected.map(a => `${workflowCommand(a)}\n`).join(''))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Metadata recorded elsewhere: any string in any name

describe('a metadata file with the whole catalogue as package names (the CLI’s --metadata-file)', () => {
  const dir = path.join(tmp, 'recorded')
  const outputs: Record<string, Run> = {}
  let names: string[] = []

  beforeAll(async () => {
    // A real workspace with placeholder names, recorded by cargo, then every placeholder replaced.
    names = HOSTILE_STRINGS.map(h => h.value)
    const placeholder = (i: number) => `zzhostile${i}zz`
    writeTree(dir, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'Cargo.toml': '[workspace]\nresolver = "2"\nmembers = ["app"]\n',
      'app/Cargo.toml': packageToml('app', `[dependencies]\n${names.map((_, i) => `${placeholder(i)} = { path = "../d${i}" }\n`).join('')}`),
      'app/src/main.rs': 'fn main() {}\n',
      ...Object.fromEntries(names.flatMap((_, i) => [[`d${i}/Cargo.toml`, packageToml(placeholder(i), '\n[lib]\ncrate-type = ["dylib"]\n')], [`d${i}/src/lib.rs`, '']]))
    })
    const recorded = await cargoMetadata(path.join(dir, 'Cargo.toml'))
    if (recorded.status !== 0) throw new Error(`cargo metadata failed:\n${recorded.stderr}`)
    const text = recorded.stdout.replace(/zzhostile(\d+)zz/g, (_, i: string) => JSON.stringify(names[Number(i)]!).slice(1, -1))
    fs.writeFileSync(path.join(dir, 'metadata.json'), text)
    const formats = ['json', 'markdown', 'github', 'sarif']
    const runs = await Promise.all(formats.map(f => runCli(['--metadata-file', 'metadata.json', '--workspace', '--format', f], dir)))
    for (const [i, f] of formats.entries()) outputs[f] = runs[i]!
  })

  it('analyses the recorded workspace with the hostile names', () => {
    expect(outputs.json!.stderr).toBe('')
    const report = JSON.parse(outputs.json!.stdout) as Report
    expect(report.artifacts.map(a => a.package)).toEqual(expect.arrayContaining(names))
  })

  it('--format github: one well-formed line per annotation, nothing forged', () => {
    const report = JSON.parse(outputs.json!.stdout) as Report
    const expected = selectAnnotations(report, { workspacePrefix: '' }).annotations
    expect(runnerLines(outputs.github!.stdout)).toHaveLength(expected.length)
    const log = readLog(outputs.github!.stdout, 'none')
    expect(log.problems).toEqual([])
    expect(log.commands.map(asAnnotation)).toEqual(expected)
  })

  it('--format sarif: valid SARIF 2.1.0', () => {
    expect(sarifSchemaErrors(JSON.parse(outputs.sarif!.stdout))).toBe('')
  })

  describe('--format markdown', () => {
    const checks = (): MarkdownChecks => checkMarkdown(outputs.markdown!.stdout, { artifactRows: (JSON.parse(outputs.json!.stdout) as Report).artifacts.length })
    itKeepsMarkdownStructure(checks)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The renderers, with the whole catalogue in every string field of a hand-built report

/** A report whose every repository string is a catalogue entry: names, paths, messages, reasons, notes. */
function hostileReport(): Report {
  const all = HOSTILE_STRINGS.map(h => h.value)
  const artifacts = all.map((s, i) =>
    makeArtifact({
      package: s,
      target: s,
      status: i < 12 ? 'error' : 'ok',
      runtimeLibraries: [`lib${s}.so`],
      linkage: [
        { crate: 'std', how: 'dynamic' },
        { crate: s, how: 'dynamic', package: `${s}@0.1.0` },
        { crate: `${s}-inner`, how: 'included-from-dylib', via: s }
      ]
    })
  )
  const findings = all.map((s, i) =>
    makeFinding({
      package: s,
      target: s,
      crates: [s, 'std'],
      // As the rules write them: names in code spans, or in quotes after cargo's wording.
      message: `bin \`${s}\` cannot link: \`std\` would be included twice ("${s}@0.1.0 requires rustc 1.99").`,
      fixes: [adviceFix(`Add \`"rlib"\` to \`crate-type\` of \`${s}\`.`)],
      file: `${s}/Cargo.toml`,
      line: i + 1,
      inclusion: [
        { chain: [s, s], crate: 'std', how: 'inside-dylib' },
        { chain: [s], crate: s, how: 'dynamic', file: `lib${s}.so` }
      ],
      related: [{ file: `${s}/src/lib.rs`, line: 2, message: `declared in \`${s}\`` }],
      ...(i % 3 === 0 ? { allowed: { reason: s, file: `.github/${s}.toml`, line: i + 1 } } : {}),
      ...(i % 3 === 1 ? { baseline: 'new' as const } : {})
    })
  )
  return makeReport({
    workspaceRoot: '/repo',
    toolchain: {
      release: '1.95.0',
      commitHash: '59807616e1fb7ae8f0b0c9ad4ab8e9c4c1d6b0f7',
      host: 'x86_64-unknown-linux-gnu',
      target: 'x86_64-unknown-linux-gnu',
      stdInstalled: true,
      pin: { file: 'rust-toolchain.toml', line: 2, channel: all.join(''), path: null, kind: 'floating' }
    },
    boundaries: all.map(s => ({ package: s, target: s, kind: 'lib' as const, platform: 'target' as const, role: 'rust-dylib' as const, panic: 'unwind' as const, abiFlags: [s] })),
    artifacts,
    findings,
    notes: all.map(s => `\`env.${s}\` was not applied.`),
    policy: { file: `.github/${hostile('js-link')}.toml`, severities: {}, allowEntries: 13, allowed: 13 },
    gate: { failOn: 'error', verdict: 'fail', failing: 26 }
  })
}

describe('the renderers, fed the whole catalogue in every field', () => {
  const report = hostileReport()

  describe('renderSummary', () => {
    const summary = renderSummary(report)
    const checks = checkMarkdown(summary, { artifactRows: report.artifacts.length })
    itKeepsMarkdownStructure(() => checks)
    it('shows each one-line name as it is, once its entities are decoded and its breaks dropped (no double escaping)', () => {
      const rows = summary.split('\n').filter(l => l.startsWith('| '))
      // Hidden characters are shown as their code point: the only change a reader sees.
      for (const s of HOSTILE_STRINGS.map(h => h.value).filter(v => !/[\r\n]/.test(v))) {
        expect({ s, shown: rows.some(r => shownText(r.split(' | ')[0]!.slice(2)) === shownAs(s)) }).toEqual({ s, shown: true })
      }
    })
  })

  describe('renderComment, fitted with its marker', () => {
    const runUrl = `${SERVER_URL}/${OWNER}/${NAME}/actions/runs/1`
    const full = fitCommentBody(renderComment(report, { runUrl }), { runUrl, marker: MARKER })
    const cut = fitCommentBody(renderComment(report, { runUrl }), { runUrl, marker: MARKER, limit: 20_000 })
    it('starts with exactly one marker, also when cut to fit', () => {
      for (const body of [full, cut]) {
        expect(body.startsWith(`${MARKER}\n`)).toBe(true)
        expect(body.split(MARKER)).toHaveLength(2)
        expect(body.indexOf('<!--', 1)).toBe(-1)
      }
      expect(cut.length).toBeLessThanOrEqual(20_000)
    })
    it('holds no HTML but its own tags', () => expect(shown([...rawHtml(full), ...rawHtml(cut)])).toEqual([]))
    it('opens and closes its <details> in order', () => expect([...detailsBalance(full), ...detailsBalance(cut)]).toEqual([]))
    it('opens no code fence', () => expect(shown([...fences(full), ...fences(cut)])).toEqual([]))
    it('lets no line break from the repository through', () => expect(shown(checkMarkdown(full).lineBreaks)).toEqual([]))
    it('holds no markdown link but its own', () => expect(shown(links(full))).toEqual([]))
    it('holds no live mention, reference, autolink or hidden character', () => expect(shown([...liveText(full), ...liveText(cut)])).toEqual([]))
  })

  it('selectAnnotations + workflowCommand: one line per annotation, which the runner reads back exactly', () => {
    const { annotations } = selectAnnotations(report, { workspacePrefix: hostile('pipes') })
    const text = annotations.map(a => `${workflowCommand(a)}\n`).join('')
    expect(runnerLines(text)).toHaveLength(annotations.length)
    const log = readLog(text, 'none')
    expect(log.problems).toEqual([])
    expect(log.commands.map(asAnnotation)).toEqual(annotations)
    expect(annotations.some(a => a.file === `${hostile('pipes')}/${hostile('crlf-command')}/Cargo.toml`)).toBe(true)
  })

  describe('renderSarif', () => {
    const log = renderSarif(report, { toolVersion: '0.1.0', workspacePrefix: hostile('emoji') })
    it('is valid SARIF 2.1.0 after a JSON round trip, and every URI decodes to the file it names', () => {
      expect(sarifSchemaErrors(log)).toBe('')
      const decoded = sarifLocations(log).map(l => decodeURIComponent(l.uri))
      for (const s of HOSTILE_STRINGS.map(h => h.value).filter(v => !v.includes('/'))) {
        expect(decoded).toContain(`${hostile('emoji')}/${s}/Cargo.toml`)
      }
    })
    it('puts no raw HTML or link from the repository into a markdown message', () => expect(shown(sarifMarkdownProblems(log))).toEqual([]))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Runs that cannot analyse: the hostile text is in the error

describe('failures whose message carries repository text', () => {
  const bad = (name: string, files: Record<string, string>) => ({ name, files })
  const cases = [
    bad('cargo metadata refuses a hostile package name', {
      'Cargo.toml': packageToml(`${hostile('img-onerror')}${hostile('legacy-command')}`),
      'src/lib.rs': ''
    }),
    bad('cargo metadata refuses a package name with a line break and a command', { 'Cargo.toml': packageToml(hostile('crlf-command')), 'src/lib.rs': '' }),
    bad('a path dependency names a missing hostile directory', {
      'Cargo.toml': packageToml('app', `[dependencies]\ndy = { path = ${tomlString(`${hostile('error-command')}${hostile('js-link')}`)} }\n`),
      'src/lib.rs': ''
    }),
    bad('a Cargo.toml with a hostile key that is no TOML', { 'Cargo.toml': `[package]\nname = "app"\n${hostile('error-command')} = 1\n`, 'src/lib.rs': '' }),
    bad('cargo passes hostile crate types through, which the metadata reader refuses', {
      'Cargo.toml': packageToml('app', `[lib]\ncrate-type = [${tomlString(hostile('img-onerror'))}, ${tomlString(hostile('crlf-command'))}]\n`),
      'src/lib.rs': ''
    }),
    bad('a refused .cargo/config.toml key with a hostile name', {
      'Cargo.toml': packageToml('app'),
      'src/lib.rs': '',
      '.cargo/config.toml': `[credential-alias]\n${tomlString(`${hostile('crlf-command')}${hostile('script')}`)} = "x"\n`
    }),
    bad('a policy file with a hostile rule id', {
      'Cargo.toml': packageToml('app'),
      'src/lib.rs': '',
      '.github/rust-linkage.toml': `[rules]\n${tomlString(`${hostile('lf-command')}${hostile('img-onerror')}`)} = "warning"\n`
    }),
    bad('a policy allow entry for a hostile rule', {
      'Cargo.toml': packageToml('app'),
      'src/lib.rs': '',
      '.github/rust-linkage.toml': `[[allow]]\nrule = ${tomlString(`${hostile('set-output')}${hostile('js-link')}`)}\nreason = "x"\n`
    }),
    ...(hasRustup
      ? [
          bad('a rust-toolchain.toml channel rustup cannot use', {
            'Cargo.toml': packageToml('app'),
            'src/lib.rs': '',
            'rust-toolchain.toml': `[toolchain]\nchannel = ${tomlString(`${hostile('error-command')}${hostile('js-link')}`)}\n`
          })
        ]
      : [])
  ]
  const runs: ActionRun[] = []
  const runOf = (name: string): ActionRun => runs[cases.findIndex(c => c.name === name)]!

  beforeAll(async () => {
    const results = await Promise.all(
      cases.map((c, i) => {
        const repo = writeTree(path.join(tmp, `failing-${i}`), { '.git/HEAD': 'ref: refs/heads/main\n', ...c.files })
        // The channel case needs rustup to read the pin; the others name the toolchain in use.
        return runAction(repo, {}, c.name.startsWith('a rust-toolchain.toml') ? { RUSTUP_TOOLCHAIN: '' } : {})
      })
    )
    runs.push(...results)
  })

  it.each(cases.map((c, i) => [c.name, i] as const))('%s: one escaped error, verdict `error`, a summary without markup', (_name, i) => {
    const run = runs[i]!
    expect(run.status).not.toBe(0)
    const log = readActionLog(run)
    expect(log.problems).toEqual([])
    expect(log.commands.map(c => [c.name, Object.keys(c.properties).length])).toEqual([['error', 0]])
    expect(log.commands[0]!.data).not.toMatch(/[\r\n]/)
    expect(log.commands[0]!.data).not.toMatch(/^internal error/)
    const { outputs, problems } = readOutputFile(run.outputFile)
    expect(problems).toEqual([])
    expect(outputs).toEqual({ verdict: 'error' })
    if (run.summary !== '') {
      const checks = checkMarkdown(run.summary)
      expect({ rawHtml: checks.rawHtml, lineBreaks: checks.lineBreaks, fences: checks.fences, details: checks.details, live: checks.live }).toEqual({
        rawHtml: [],
        lineBreaks: [],
        fences: [],
        details: [],
        live: []
      })
    }
  })

  it('the error message names the hostile text, folded onto one line', () => {
    const data = (name: string): string => readActionLog(runOf(name)).commands[0]?.data ?? ''
    expect(data('cargo metadata refuses a hostile package name')).toContain(hostile('img-onerror'))
    expect(data('cargo passes hostile crate types through, which the metadata reader refuses')).toContain(hostile('img-onerror'))
    expect(data('a refused .cargo/config.toml key with a hostile name')).toContain(`a ::error::x${hostile('script')}`)
    expect(data('a policy file with a hostile rule id')).toContain(`::warning::y${hostile('img-onerror')}`)
    expect(data('a policy allow entry for a hostile rule')).toContain(hostile('js-link'))
  })

  it('summaries of failed runs hold no markdown link from the repository', () => {
    expect(runs.flatMap(r => links(r.summary))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Names used in a regular expression

describe('a lib name with regular-expression syntax', () => {
  /** A package whose lib is only a cdylib and whose bin does not use it: cargo builds it without complaint. */
  const analyse = async (libName: string) => {
    const dir = writeTree(fs.mkdtempSync(path.join(tmp, 'regex-')), {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'Cargo.toml': packageToml('app', `\n[lib]\ncrate-type = ["cdylib"]\nname = ${tomlString(libName)}\n`),
      'src/lib.rs': '',
      'src/main.rs': 'fn main() {}\n'
    })
    const r = await runCli(['--format', 'json', '--fail-on', 'never'], dir)
    return { status: r.status, stderr: r.stderr, rules: r.status === 0 ? (JSON.parse(r.stdout) as Report).findings.map(f => f.rule).sort() : null }
  }

  it('an unbalanced parenthesis does not crash the analysis', async () => {
    const plain = await analyse('plain')
    expect(plain).toMatchObject({ status: 0, stderr: '' })
    expect(await analyse('x(')).toEqual(plain)
  })

  it('an alternation does not invent a finding the plain name does not get', async () => {
    const plain = await analyse('plain')
    expect(plain.rules).not.toContain('no-linkable-lib')
    expect(await analyse('a|fn')).toEqual(plain)
  })
})

import { adviceFix } from '../src/findings/finding.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCliArgs } from '../src/cli/args.js'
import { UserError } from '../src/errors.js'
import { gateReport, loadPolicy } from '../src/gather/policy-files.js'
import { reviewBody, reviewMarker, staleReviewBody } from '../src/github/review.js'
import { renderComment, suggestedChanges } from '../src/report/comment.js'
import { reportJsonText } from '../src/report/json.js'
import { parseReport } from '../src/report/parse-report.js'
import { escapeAttribute, md, plainMarkdown } from '../src/report/render.js'
import type { Report } from '../src/report/report.js'
import { restateReport, SEE_ANALYSING_RUN } from '../src/report/restate.js'
import { renderSummary } from '../src/report/summary.js'
import { analyzeWorkspace } from '../src/run.js'
import { writeTree } from './support/files.js'
import { type FakeGitHub, startGitHubServer } from './support/github-server.js'
import { hostile, liveText, shownAs, shownText, tomlString, withoutBreaks } from './support/hostile-strings.js'
import { makeFinding, makeReport } from './support/reports.js'

/**
 * Text that did not come from us stays text in the job summary and the pull-request comment: no mention, issue
 * reference, autolink, or reordered or hidden text, whether it comes from the repository (a policy `reason`, the
 * path of an `include`d cargo config) or from an uploaded report (`publish-report`). Each attack goes through a
 * real analysis or the real parser, and `liveText` reads the rendering as GitHub would; each check has its
 * control, the same rendering without the `<wbr>` breaks, where `liveText` finds the attack.
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = path.join(REPO, 'dist', 'index.js')
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-inert-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const ATTACK_IDS = ['mention', 'team-mention', 'url', 'www', 'cross-reference', 'issue-reference', 'gh-reference', 'email', 'rtl-override', 'isolate', 'zero-width'] as const
const ATTACKS = ATTACK_IDS.map(id => ({ id, value: hostile(id) }))

const env = (): Record<string, string | undefined> => ({ ...process.env, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined })

/** The lines of `markdown` whose shown text holds `needle`. */
function linesShowing(markdown: string, needle: string): string[] {
  return markdown.split('\n').filter(l => shownText(l).includes(needle))
}

describe('liveText, the checker', () => {
  it.each(ATTACKS)('finds $id in text escaped with entities only, and nothing once it is broken', ({ value }) => {
    const entitiesOnly = escapeAttribute(value)
    expect(liveText(entitiesOnly).length).toBeGreaterThan(0)
    expect(liveText(`<code>${entitiesOnly}</code>`).length).toBeGreaterThan(0)
    expect(liveText(md(value))).toEqual([])
    expect(liveText(md(`\`${value}\``))).toEqual([])
    expect(shownText(md(`${value} and ${value}`))).toBe(`${shownAs(value)} and ${shownAs(value)}`)
  })

  it('finds what entities do not hide, and leaves our own link destinations and diagrams alone', () => {
    expect(liveText('&#64;user &#x23;12 https&#58;//x')).toHaveLength(3)
    expect(liveText('see the [job summary](https://github.com/o/r/actions/runs/1)')).toEqual([])
    expect(liveText('```mermaid\nflowchart LR\n  n0["@user #12"]\n```')).toEqual([])
  })
})

describe('SARIF markdown, which allows no HTML', () => {
  it.each(ATTACKS)('$id: hidden characters shown, autolinks escaped, the same characters once rendered', ({ value }) => {
    const markdown = plainMarkdown(`\`${value}\` in ${value}`)
    expect(markdown).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/)
    // Outside code spans: no bare `://`, `www.` or `@` (the e-mail autolinker merges escaped text back).
    const prose = markdown.replace(/(`+)[^`]*?\1/g, '')
    expect(prose).not.toMatch(/(?<!\\):\/\/|www(?!\\)\.|@/i)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// From the repository: a policy reason and an included config file's path, through a real analysis

describe('a workspace whose policy reasons and included config paths carry every attack', () => {
  const ws = path.join(tmp, 'ws')
  /** Include paths as written in `.cargo/config.toml`, one per attack; a `/` makes a directory. */
  const includes = ATTACKS.map(a => `${a.value}.toml`)
  let report: Report
  let summary: string
  let comment: string

  beforeAll(async () => {
    // One published dylib per attack, each allowed by its own entry whose reason is the attack.
    const members = ATTACKS.map((_, i) => `p${i}`)
    const files: Record<string, string> = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'Cargo.toml': `[workspace]\nresolver = "2"\nmembers = [${members.map(m => `"${m}"`).join(', ')}]\n`,
      '.github/rust-linkage.toml': ATTACKS.map((a, i) => `[[allow]]\nrule = "published-dylib"\npackage = "p${i}"\nreason = ${tomlString(a.value)}\n`).join('\n'),
      // `[env]` in an included file is left out of our runs, with a note naming the file and line.
      '.cargo/config.toml': `include = [${includes.map(tomlString).join(', ')}]\n`,
      ...Object.fromEntries(includes.map((file, i) => [path.join('.cargo', file), `[env]\nINERT_${i} = "1"\n`]))
    }
    for (const m of members) {
      files[`${m}/Cargo.toml`] = `[package]\nname = "${m}"\nversion = "0.1.0"\nedition = "2021"\ndescription = "A dylib for other projects"\nlicense = "MIT"\n\n[lib]\ncrate-type = ["dylib"]\n`
      files[`${m}/src/lib.rs`] = ''
    }
    writeTree(ws, files)
    const policy = loadPolicy({ policy: null, defaultPolicy: 'search', cwd: ws, searchFrom: ws })
    const analysed = await analyzeWorkspace({ manifestPath: path.join(ws, 'Cargo.toml'), invocation: parseCliArgs(['--workspace']).invocation, env: env(), cwd: ws, policy })
    report = gateReport(analysed, { failOn: 'error', policy, baseline: null, cwd: ws })
    summary = renderSummary(report)
    comment = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' })
  })

  it('the canaries are live: every reason and every included path is in the report as written', () => {
    const reasons = report.findings.filter(f => f.allowed !== undefined).map(f => f.allowed!.reason)
    expect(reasons.sort()).toEqual(ATTACKS.map(a => a.value).sort())
    // The path is resolved (`https://` becomes `https:/`), but each file name is there.
    for (const file of includes) expect({ file, noted: report.notes.some(n => n.includes(path.basename(file))) }).toEqual({ file, noted: true })
  })

  it.each(ATTACKS)('$id as a policy reason: shown as written, and inert', ({ value }) => {
    const lines = linesShowing(summary, `: ${shownAs(value)} <sub>(.github/rust-linkage.toml:`)
    expect(lines).toHaveLength(1)
    expect(liveText(lines[0]!)).toEqual([])
    expect(liveText(withoutBreaks(lines[0]!)).length).toBeGreaterThan(0)
  })

  it.each(ATTACKS)('$id in an included config path: shown in its note, and inert', ({ value }) => {
    // As resolved: `https://evil.example/x` loses a slash to the file system and is no URL any more.
    const file = path.resolve(ws, '.cargo', `${value}.toml`)
    const lines = linesShowing(summary, shownAs(file)).filter(l => l.startsWith('> '))
    expect(lines).toHaveLength(1)
    expect(liveText(lines[0]!)).toEqual([])
    const live = liveText(escapeAttribute(file)).length > 0
    expect(live).toBe(value !== hostile('url'))
    if (live) expect(liveText(withoutBreaks(lines[0]!)).length).toBeGreaterThan(0)
  })

  it('the whole summary and the comment hold nothing live', () => {
    expect(liveText(summary)).toEqual([])
    expect(liveText(comment)).toEqual([])
    expect(liveText(withoutBreaks(summary)).length).toBeGreaterThanOrEqual(ATTACKS.length * 2)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Suggested changes (`suggest`): the review's body and its comments, from names and manifest lines of the repository

describe('suggested changes: the review and its comments hold nothing live', () => {
  const HIDDEN_IDS = new Set(['rtl-override', 'isolate', 'zero-width'])
  const BEFORE = 'crate-type = ["dylib"]'
  /** One finding per attack: its bin name, the fix's title and a comment on the manifest line carry it. */
  const findings = ATTACKS.map((a, i) =>
    makeFinding({
      package: 'host',
      target: a.value,
      fixes: [
        {
          title: `Add \`"rlib"\` to \`crate-type\` of \`${a.value}\` (${a.value}).`,
          kind: 'manifest-edit',
          verified: true,
          edits: [{ file: `p${i}/Cargo.toml`, line: 7, before: BEFORE, after: `crate-type = ["dylib", "rlib"] # ${a.value}` }]
        }
      ]
    })
  )
  const suggestions = suggestedChanges(makeReport({ findings }), { workspacePrefix: '', changedLineText: () => BEFORE })
  /** A comment without its suggestion block, which GitHub shows as code (no mention, link or reference in it). */
  const prose = (body: string): string => body.replace(/^(`{3,})suggestion\n[\s\S]*?\n\1$/m, '')

  it('the canary is live: every attack without a hidden character is suggested, and without the breaks its prose would be live', () => {
    expect(suggestions.map(s => s.path)).toEqual(ATTACKS.flatMap((a, i) => (HIDDEN_IDS.has(a.id) ? [] : [`p${i}/Cargo.toml`])))
    for (const s of suggestions) expect(liveText(withoutBreaks(prose(s.body))).length).toBeGreaterThan(0)
  })

  it.each(ATTACKS.filter(a => !HIDDEN_IDS.has(a.id)))('$id: the name and the title shown as written and inert; the suggestion is the line as written, in a code block', ({ value }) => {
    const s = suggestions.find(x => x.body.includes(`# ${value}\n`))!
    expect(shownText(prose(s.body))).toContain(`**bin <code>${shownAs(value)}</code> of <code>host</code>**: Add <code>"rlib"</code> to <code>crate-type</code> of <code>${shownAs(value)}</code> (${shownAs(value)}).`)
    expect(liveText(prose(s.body))).toEqual([])
    expect(s.body).toMatch(new RegExp(`\\n(\`{3,})suggestion\\ncrate-type = \\["dylib", "rlib"\\] # ${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n\\1\\n$`))
    expect(liveText(s.body)).toEqual([])
  })

  it('a line with a hidden character is never suggested: accepted, it would be committed as written', () => {
    for (const [i, a] of ATTACKS.entries()) if (HIDDEN_IDS.has(a.id)) expect(suggestions.some(s => s.path === `p${i}/Cargo.toml`)).toBe(false)
  })

  it('the review bodies are our own text', () => {
    for (const body of [reviewBody(reviewMarker('default')), staleReviewBody(reviewMarker('a/b'))]) expect(liveText(body)).toEqual([])
  })

  it('a report restated from an upload carries no edits: nothing of a forged report is ever suggested', () => {
    const forged = makeReport({ findings: [findings[0]!], gate: { failOn: 'error', verdict: 'fail', failing: 1 } })
    const restated = restateReport(parseReport(reportJsonText(forged), 'report.json'))
    expect(restated.findings[0]!.fixes.every(f => f.edits === undefined && !f.verified)).toBe(true)
    expect(suggestedChanges(restated, { workspacePrefix: '', changedLineText: () => BEFORE })).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// From an uploaded report: `publish-report` posts a file a pull request may have forged

/** A report as the analysis writes it, with every attack in every free-text field. */
function forgedReport(): Report {
  const prose = ATTACKS.map(a => a.value).join(' ')
  const finding = (rule: string, extra: Partial<Report['findings'][number]> = {}): Report['findings'][number] => ({
    rule,
    severity: 'error',
    fingerprint: 'f'.repeat(16),
    package: 'host',
    target: 'host',
    kind: 'bin',
    mode: 'build',
    crateType: 'bin',
    platform: 'target',
    crates: ['std'],
    message: `bin \`host\` cannot link: ${prose} \`${prose}\``,
    fixes: [prose, `Run \`${prose}\`.`].map(adviceFix),
    related: [{ file: 'Cargo.toml', line: 6, message: prose }],
    file: 'plugin/Cargo.toml',
    line: 7,
    ...extra
  })
  return {
    version: 2,
    toolchain: { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860', host: 'x86_64-unknown-linux-gnu', target: 'x86_64-unknown-linux-gnu', stdInstalled: true },
    boundaries: [],
    workspaceRoot: '/repo',
    invocation: { command: 'build', args: ['cargo', 'build', '--workspace'], profile: 'dev' },
    artifacts: [],
    findings: [
      finding('duplicate-linkage', { inclusion: [{ chain: ['host', 'plugin'], crate: 'std', how: 'inside-dylib' }] }),
      finding('runtime-dylib', { severity: 'warning', crates: ['libplugin.so', 'libstd-<hash>.so'] }),
      finding('published-dylib', { severity: 'warning', package: 'plugin', target: 'plugin', kind: 'lib', crateType: 'dylib', crates: ['plugin'], allowed: { reason: prose, file: '.github/rust-linkage.toml', line: 3 } }),
      finding('unused-allow', { severity: 'warning', package: undefined, target: undefined, kind: undefined, mode: undefined, crateType: undefined, platform: undefined, crates: ['@evil'], file: '.github/rust-linkage.toml', line: 9 })
    ].map(f => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Report['findings'][number]),
    notes: [prose, `\`${prose}\``],
    gate: { failOn: 'error', verdict: 'fail', failing: 1 }
  }
}

const forgedText = (): string => reportJsonText(forgedReport())

describe('a forged report, parsed and restated as publish-report does', () => {
  const parsed = parseReport(forgedText(), 'report.json')
  const restated = restateReport(parsed)
  const summary = renderSummary(restated)
  const comment = renderComment(restated, { runUrl: 'https://github.com/o/r/actions/runs/1' })

  it('the canary is live: without restating, the prose reaches the summary, and without the breaks it would be live', () => {
    const unrestated = renderSummary(parsed)
    for (const a of ATTACKS) expect({ id: a.id, shown: shownText(unrestated).includes(shownAs(a.value)) }).toEqual({ id: a.id, shown: true })
    expect(liveText(unrestated)).toEqual([])
    expect(liveText(withoutBreaks(unrestated)).length).toBeGreaterThan(ATTACKS.length)
  })

  it('no message, fix, related line, reason or note of the report is posted', () => {
    for (const text of [summary, comment]) {
      for (const a of ATTACKS) expect({ id: a.id, shown: shownText(text).includes(shownAs(a.value)) }).toEqual({ id: a.id, shown: false })
      expect(liveText(text)).toEqual([])
    }
    // The crate an unused allow entry names is any string a policy holds: shown, and broken.
    expect(summary).toContain('crate named by the entry: <code>@<wbr>evil</code>')
  })

  it('messages and fixes are written from the fields: the rule’s title, the subject, the crates', () => {
    const [dup, runtime, published, unused] = restated.findings
    expect(dup!.message).toBe('A crate would be linked into one artifact twice ("only shows up once"): bin `host`; crates at fault: `std`.')
    expect(dup!.fixes).toEqual([adviceFix(SEE_ANALYSING_RUN)])
    expect(dup!.related).toEqual([{ file: 'Cargo.toml', line: 6, message: 'related line' }])
    expect(runtime!.message).toBe('An executable needs Rust shared libraries that will not be found outside cargo: bin `host`; shared libraries needed at run time: `libplugin.so` and `libstd-<hash>.so`.')
    expect(published!.fixes[0]!.title).toBe('Add `"rlib"` to `crate-type` of the library of `plugin`: dependents then link it statically as usual.')
    expect(published!.allowed).toEqual({ reason: 'see the allow entry', file: '.github/rust-linkage.toml', line: 3 })
    expect(unused!.fixes).toEqual([adviceFix('Remove the allow entry at `.github/rust-linkage.toml:9`, correct its fields, or set a later `expires` date.')])
    expect(restated.notes).toEqual(['2 notes about the analysis: see the job summary of the run that analysed the workspace.'])
  })

  it('the verdict, counts, severities, locations and inclusion paths stay', () => {
    const strip = (r: Report) => ({ ...r, notes: [], findings: r.findings.map(({ message, fixes, related, allowed, ...f }) => ({ ...f, related: related?.map(x => [x.file, x.line]), allowed: allowed && [allowed.file, allowed.line] })) })
    expect(strip(restated)).toEqual(strip(parsed))
  })

  it.each(ATTACKS.filter(a => a.id !== 'gh-reference'))('$id as a package name is refused in one line naming the field', ({ value }) => {
    const data = JSON.parse(forgedText())
    data.findings[0].package = value
    let error: unknown
    try {
      parseReport(JSON.stringify(data), 'report.json')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/^report\.json: findings\[0\]\.package: (?:not a package name|character U\+)/)
    expect((error as Error).message).not.toContain(value)
  })

  it('GH-12 is a package name cargo accepts: parsed, then posted broken', () => {
    const data = JSON.parse(forgedText())
    data.findings[0].package = hostile('gh-reference')
    const rendered = renderSummary(restateReport(parseReport(JSON.stringify(data), 'report.json')))
    expect(rendered).toContain('of <code>GH-<wbr>12</code>')
    expect(liveText(rendered)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The bundled action in publish-report mode, posting to a fake GitHub API

describe('the bundled action posts a forged report: summary and comment inert', () => {
  let server: FakeGitHub
  let run: { status: number | null; stdout: string; stderr: string; summary: string }

  beforeAll(async () => {
    server = await startGitHubServer()
    const dir = writeTree(path.join(tmp, 'publish'), { 'linkage.json': forgedText() })
    const event = path.join(dir, 'event.json')
    fs.writeFileSync(
      event,
      JSON.stringify({
        number: 5,
        pull_request: { number: 5, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'feature' } },
        repository: { name: 'r', owner: { login: 'o' } }
      })
    )
    const summaryFile = path.join(dir, 'summary.md')
    fs.writeFileSync(summaryFile, '')
    fs.writeFileSync(path.join(dir, 'output'), '')
    const childEnv: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')) childEnv[k] = v
    Object.assign(childEnv, {
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '7',
      'INPUT_PUBLISH-REPORT': 'linkage.json',
      'INPUT_GITHUB-TOKEN': server.token,
      INPUT_COMMENT: 'always'
    })
    run = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [ACTION], { cwd: dir, env: childEnv })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      child.on('error', reject)
      child.on('close', status => resolve({ status, stdout, stderr, summary: fs.readFileSync(summaryFile, 'utf8') }))
    })
  })
  afterAll(async () => server?.close())

  it('posts one comment and writes the summary, with none of the report’s prose and nothing live', () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
    const comments = server.commentsOn('o', 'r', 5)
    expect(comments).toHaveLength(1)
    for (const text of [run.summary, comments[0]!.body]) {
      expect(text).toContain('Rust Linkage Guard')
      expect(text).toContain(SEE_ANALYSING_RUN.slice(0, 40))
      for (const a of ATTACKS) expect({ id: a.id, shown: shownText(text).includes(shownAs(a.value)) }).toEqual({ id: a.id, shown: false })
      expect(liveText(text)).toEqual([])
    }
  })
})

/**
 * End-to-end run of the bundled action, the way the runner starts it.
 *
 *   npm run e2e
 *
 * Copies `examples/plugin-engine` into a temporary repository (as `rust/`), serves a fake GitHub REST API
 * on 127.0.0.1, and runs `node dist/index.js` with `INPUT_*`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`,
 * `GITHUB_EVENT_PATH` (a pull_request payload) and `GITHUB_API_URL` set. Six runs check the annotations,
 * the summary, the SARIF file, the sticky comment (created, then updated), the exit status under
 * `fail-on`, a baseline run, a policy file, and a read-only token; three more post the read-only run's
 * report from a `workflow_run` workflow (`publish-report`), with cargo, rustc and rustup replaced by
 * programs that leave a marker if they are run; five more post the verified fix as suggested changes
 * (`suggest`: one review, kept up to date, and a read-only token) and annotate only changed lines or files
 * (`annotate`). Exits 1 if any check fails.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubServer, type FakeGitHub } from '../__tests__/support/github-server.js'
import { actionStep } from '../__tests__/support/action-step.js'
import { sarifSchemaErrors } from '../__tests__/support/sarif-schema.js'
import { SUMMARY_BUDGET } from '../src/report/summary.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OWNER = 'octo'
const REPO = 'engine'
const PR = 7
const MARKER = '<!-- rust-linkage-guard:default -->'

interface ActionRun {
  status: number | null
  stdout: string
  summary: string
  outputs: Record<string, string>
}

const failures: string[] = []
let checks = 0

function check(what: string, ok: boolean, detail = ''): void {
  checks++
  if (ok) {
    process.stdout.write(`  ok   ${what}\n`)
  } else {
    failures.push(what)
    process.stdout.write(`  FAIL ${what}${detail === '' ? '' : `\n       ${detail.split('\n').join('\n       ')}`}\n`)
  }
}

/** The event a run is started by: a pull_request on PR by default. */
interface Event {
  name: string
  payload: unknown
  /** Replaces PATH, e.g. with a directory of marker-writing stand-ins for cargo and rustc. */
  path?: string
}

const PULL_REQUEST_EVENT: Event = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'feature' } },
    repository: { name: REPO, owner: { login: OWNER } }
  }
}

async function runAction(repo: string, server: FakeGitHub, inputs: Record<string, string>, label: string, event: Event = PULL_REQUEST_EVENT): Promise<ActionRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-${label}-`))
  const eventFile = path.join(scratch, 'event.json')
  fs.writeFileSync(eventFile, JSON.stringify(event.payload))
  const base = { ...process.env, RUSTFLAGS: undefined }
  const step = actionStep({
    workspace: repo,
    inputs: {
      'manifest-path': 'rust/Cargo.toml',
      'github-token': server.token,
      'sarif-file': 'out/linkage.sarif',
      'report-path': 'out/linkage.json',
      comment: 'on-findings',
      ...inputs
    },
    scratch,
    base,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      ...(event.path === undefined ? {} : { PATH: event.path })
    }
  })
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { cwd: repo, env: step.env })
  let stdout = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stdout += chunk))
  const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  const { summary, outputs } = step.written()
  return { status, stdout, summary, outputs }
}

/** The properties of a workflow command line, still escaped: `::error file=a,line=7::…` → { file, line }. */
function propertiesOf(command: string): Record<string, string> {
  const m = /^::\w+ ([^:]*)::/.exec(command)
  return Object.fromEntries((m?.[1] ?? '').split(',').map(p => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]))
}

function commandsOf(stdout: string): string[] {
  return stdout.split('\n').filter(l => /^::(error|warning|notice)/.test(l))
}

async function main(): Promise<void> {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-repo-'))
  fs.cpSync(path.join(ROOT, 'examples', 'plugin-engine'), path.join(repo, 'rust'), { recursive: true, filter: src => !src.split(path.sep).includes('target') })
  const server = await startGitHubServer()
  // The pull request adds the dylib crate type of plugin_audio: line 7 of its manifest.
  server.setPullFiles(OWNER, REPO, PR, [
    { filename: 'rust/plugin_audio/Cargo.toml', status: 'modified', patch: '@@ -4,3 +4,6 @@\n edition = "2021"\n \n+[lib]\n+crate-type = ["dylib"]\n+\n [dependencies]' },
    { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-old\n+new' }
  ])
  try {
    process.stdout.write('run 1: the example on a pull request (fail-on: error, comment: on-findings)\n')
    const first = await runAction(repo, server, {}, 'first')
    check('exit status 1: an error finding fails the step', first.status === 1, first.stdout)
    const errors = commandsOf(first.stdout).filter(l => l.startsWith('::error'))
    check(
      'the error annotation names rust/plugin_audio/Cargo.toml line 7 (the crate-type line the pull request changed)',
      errors.some(l => {
        const props = propertiesOf(l)
        return props.file === 'rust/plugin_audio/Cargo.toml' && props.line === '7' && props.title === 'duplicate-linkage%3A bin host'
      }),
      errors.join('\n')
    )
    check('the summary has the verdict', first.summary.includes('## ❌ Rust Linkage Guard fails'))
    check('the summary has the artifact table', /\| host \| host \| bin \| ❌ error \| dynamic \|/.test(first.summary))
    check('the summary has a mermaid diagram', first.summary.includes('```mermaid\nflowchart LR'))
    check(
      'the summary links the finding’s line at the pull request’s head commit, under the workspace prefix',
      first.summary.includes(`<a href="https://github.example/${OWNER}/${REPO}/blob/${'b'.repeat(40)}/rust/host/Cargo.toml#L8"><code>host/Cargo.toml:8</code></a>`)
    )
    check(`the summary is under ${SUMMARY_BUDGET} bytes`, Buffer.byteLength(first.summary) < SUMMARY_BUDGET)
    const sarifFile = path.join(repo, 'out', 'linkage.sarif')
    type SarifLocation = { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; locations: SarifLocation[]; relatedLocations?: SarifLocation[] }[] }[] }
    const schema = sarifSchemaErrors(sarif)
    check('the SARIF file validates against the SARIF 2.1.0 schema', schema === '', schema)
    const result = sarif.runs[0]?.results[0]
    const at = (l: SarifLocation | undefined, uri: string, line: number): boolean => l?.physicalLocation.artifactLocation.uri === uri && l.physicalLocation.region.startLine === line
    check(
      'the SARIF result points at rust/host/Cargo.toml line 8 (the feature that turns plugin_audio on), with the crate-type line related',
      result?.ruleId === 'duplicate-linkage' && at(result.locations[0], 'rust/host/Cargo.toml', 8) && (result.relatedLocations ?? []).some(l => at(l, 'rust/plugin_audio/Cargo.toml', 7)),
      JSON.stringify(result?.locations) + JSON.stringify(result?.relatedLocations)
    )
    check('outputs: verdict fail, 1 error, the SARIF path', first.outputs.verdict === 'fail' && first.outputs.errors === '1' && first.outputs.sarif === sarifFile, JSON.stringify(first.outputs))
    const created = server.commentsOn(OWNER, REPO, PR)
    check('the comment is created once, with the hidden marker', created.length === 1 && created[0]!.body.startsWith(MARKER), JSON.stringify(created.map(c => c.body.slice(0, 80))))
    check('the comment-url output is the comment', first.outputs['comment-url'] === created[0]?.html_url)
    const firstBody = created[0]?.body ?? ''

    process.stdout.write('run 2: `packages: host` changes the findings; the same comment is updated\n')
    const second = await runAction(repo, server, { packages: 'host' }, 'second')
    const comments = server.commentsOn(OWNER, REPO, PR)
    const patched = server.requests.filter(r => r.method === 'PATCH')
    check('still exactly one comment, updated in place (PATCH)', comments.length === 1 && patched.length === 1 && comments[0]!.id === created[0]?.id && comments[0]!.body !== firstBody)
    check('exit status 1 again', second.status === 1)

    process.stdout.write('run 3: fail-on: never\n')
    const never = await runAction(repo, server, { 'fail-on': 'never' }, 'never')
    check('exit status 0 with fail-on: never, verdict pass', never.status === 0 && never.outputs.verdict === 'pass', never.stdout)

    process.stdout.write('run 4: the first run’s report as the baseline\n')
    const baseline = path.join(repo, 'base-report.json')
    fs.copyFileSync(path.join(repo, 'out', 'linkage.json'), baseline)
    const fourth = await runAction(repo, server, { baseline: 'base-report.json' }, 'baseline')
    check('a baseline run with the same findings passes', fourth.status === 0 && fourth.outputs.verdict === 'pass', fourth.stdout)
    check('the summary marks the finding as already in the baseline', fourth.summary.includes('already in the baseline'))

    process.stdout.write('run 5: .github/rust-linkage.toml allows the finding\n')
    fs.mkdirSync(path.join(repo, '.github'))
    fs.writeFileSync(
      path.join(repo, '.github', 'rust-linkage.toml'),
      '[[allow]]\nrule = "duplicate-linkage"\npackage = "host"\nreason = "plugins are loaded with dlopen"\n\n[[allow]]\nrule = "runtime-dylib"\nreason = "nothing of the kind here"\n'
    )
    const allowed = await runAction(repo, server, {}, 'policy')
    fs.rmSync(path.join(repo, '.github'), { recursive: true })
    check('the allowed finding does not fail the step', allowed.status === 0 && allowed.outputs.verdict === 'pass', allowed.stdout)
    check('the summary lists it with its reason', allowed.summary.includes('allowed by the policy') && allowed.summary.includes('plugins are loaded with dlopen'))
    const unused = commandsOf(allowed.stdout).filter(l => l.startsWith('::warning'))
    check(
      'the allow entry that matched nothing is a warning on its line of .github/rust-linkage.toml',
      unused.some(l => propertiesOf(l).file === '.github/rust-linkage.toml' && propertiesOf(l).line === '6' && l.includes('unused-allow')),
      unused.join('\n')
    )

    process.stdout.write('run 6: a read-only token (a pull request from a fork)\n')
    const readOnly = await startGitHubServer({ readOnlyToken: true })
    try {
      const fork = await runAction(repo, readOnly, { 'github-token': readOnly.token }, 'fork')
      check('the verdict is unchanged: exit status 1', fork.status === 1)
      check(
        'a notice says the comment could not be posted and why',
        commandsOf(fork.stdout).some(l => l.startsWith('::notice') && l.includes('comment was not posted') && l.includes('read-only')),
        commandsOf(fork.stdout).join('\n')
      )
      check('no comment was created', readOnly.commentsOn(OWNER, REPO, PR).length === 0)
    } finally {
      await readOnly.close()
    }
    await publishFromWorkflowRun(repo)
    await suggestAndFilter(repo)
  } finally {
    await server.close()
    fs.rmSync(repo, { recursive: true, force: true })
  }
  process.stdout.write(`\n${checks - failures.length} passed, ${failures.length} failed\n`)
  if (failures.length > 0) process.exitCode = 1
}

/**
 * Runs 7–9: the fork run's report, downloaded as an artifact, posted by a privileged `workflow_run` workflow.
 * The workflow's checkout holds nothing of the pull request and no tool of it may run: cargo, rustc and rustup
 * are stand-ins that leave a marker.
 */
async function publishFromWorkflowRun(repo: string): Promise<void> {
  const FORK_PR = 12
  const headSha = 'c'.repeat(40)
  const server = await startGitHubServer()
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-bin-'))
  const marker = path.join(bin, 'ran')
  for (const tool of ['cargo', 'rustc', 'rustup']) fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\necho ${tool} >> '${marker}'\nexit 1\n`, { mode: 0o755 })
  const artifact = path.join(repo, 'artifact', 'linkage.json')
  fs.mkdirSync(path.dirname(artifact))
  fs.copyFileSync(path.join(repo, 'out', 'linkage.json'), artifact)
  // Two forks with a branch of the same name at the same commit; only the run's own fork gets the comment, even
  // when GitHub's `head` filter lists both.
  server.addPull(OWNER, REPO, { number: FORK_PR, headOwner: 'forker', headRef: 'feature', headSha })
  server.addPull(OWNER, REPO, { number: 13, headOwner: 'other', headRef: 'feature', headSha })
  server.ignoreHeadFilter = true
  const workflowRun = (sha: string): Event => ({
    name: 'workflow_run',
    path: bin,
    payload: {
      action: 'completed',
      workflow_run: { id: 99, event: 'pull_request', head_sha: sha, head_branch: 'feature', head_repository: { full_name: `forker/${REPO}`, owner: { login: 'forker' } }, html_url: 'https://github.example/octo/engine/actions/runs/99' },
      repository: { name: REPO, owner: { login: OWNER } }
    }
  })
  const inputs = { 'publish-report': 'artifact/linkage.json', comment: 'always', 'github-token': server.token }
  try {
    process.stdout.write('run 7: a workflow_run workflow posts the fork run’s report (publish-report)\n')
    const posted = await runAction(repo, server, inputs, 'publish', workflowRun(headSha))
    const comments = server.commentsOn(OWNER, REPO, FORK_PR)
    check('exit status 0: the report is posted, whatever its verdict', posted.status === 0, posted.stdout)
    check('one comment on the fork’s pull request, none on the other fork’s', comments.length === 1 && server.commentsOn(OWNER, REPO, 13).length === 0)
    check('the comment has the marker, the finding, and links to the analysing run', (comments[0]?.body ?? '').startsWith(MARKER) && comments[0]!.body.includes('duplicate-linkage') && comments[0]!.body.includes('actions/runs/99'))
    check('outputs: the report’s verdict and the comment URL', posted.outputs.verdict === 'fail' && posted.outputs['comment-url'] === comments[0]?.html_url, JSON.stringify(posted.outputs))
    check('the job summary is the report’s', posted.summary.includes('## ❌ Rust Linkage Guard fails'))
    check('no cargo, rustc or rustup ran', !fs.existsSync(marker), fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '')
    check('nothing is suggested from a published report: no review endpoint was called', server.requests.every(r => !/\/pulls\/(?:\d+\/reviews|\d+\/comments|comments)/.test(r.path)))

    process.stdout.write('run 8: the pull request has moved on to a newer commit\n')
    const stale = await runAction(repo, server, inputs, 'stale', workflowRun('d'.repeat(40)))
    check('exit status 0 and a notice; nothing more is posted', stale.status === 0 && commandsOf(stale.stdout).some(l => l.startsWith('::notice') && l.includes('nothing was posted')) && server.commentsOn(OWNER, REPO, FORK_PR).length === 1, stale.stdout)

    process.stdout.write('run 9: a forged report\n')
    const report = JSON.parse(fs.readFileSync(artifact, 'utf8')) as { findings: { severity: string }[] }
    report.findings[0]!.severity = '<img src=x onerror=alert(1)>'
    fs.writeFileSync(artifact, JSON.stringify(report))
    const forged = await runAction(repo, server, inputs, 'forged', workflowRun(headSha))
    const errors = commandsOf(forged.stdout).filter(l => l.startsWith('::error'))
    check('exit status 1 with one error naming the file and the field', forged.status === 1 && errors.length === 1 && errors[0]!.includes('artifact/linkage.json') && errors[0]!.includes('findings[0].severity'), forged.stdout)
    check('the comment is left as it was', server.commentsOn(OWNER, REPO, FORK_PR).length === 1 && server.requests.filter(r => r.method === 'PATCH').length === 0)
    check('still no cargo, rustc or rustup ran', !fs.existsSync(marker))
  } finally {
    await server.close()
    fs.rmSync(bin, { recursive: true, force: true })
  }
}

/** A pull_request event on pull request `number` of octo/engine, at `headSha`. */
function pullRequestEvent(number: number, headSha: string): Event {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: headSha, ref: 'plugins' } },
      repository: { name: REPO, owner: { login: OWNER } }
    }
  }
}

/**
 * Runs 10–14: a pull request that makes both plugins dylibs (line 7 of each manifest), the lines the example's
 * verified fix edits. `suggest: true` posts the fix as two suggested changes in one review, which the next run
 * keeps up to date instead of adding a second; a read-only token degrades to a notice; `annotate` keeps only
 * the annotations of changed lines or files.
 */
async function suggestAndFilter(repo: string): Promise<void> {
  const NUMBER = 21
  const headSha = 'e'.repeat(40)
  const event = pullRequestEvent(NUMBER, headSha)
  // Lines 6–8 of each manifest are new: `[lib]`, `crate-type = ["dylib"]` and a blank line.
  const pluginPatch = '@@ -4,3 +4,6 @@\n edition = "2021"\n \n+[lib]\n+crate-type = ["dylib"]\n+\n [dependencies]'
  const pullFiles = [
    { filename: 'rust/plugin_audio/Cargo.toml', status: 'modified' as const, patch: pluginPatch },
    { filename: 'rust/plugin_render/Cargo.toml', status: 'modified' as const, patch: pluginPatch }
  ]
  const changed = new Set(['6', '7', '8'].flatMap(line => pullFiles.map(f => `${f.filename}:${line}`)))
  const REVIEW_MARKER = '<!-- rust-linkage-guard-review:default -->'
  const SUGGESTION = '```suggestion\ncrate-type = ["dylib", "rlib"]\n```'
  const server = await startGitHubServer()
  server.setPullFiles(OWNER, REPO, NUMBER, pullFiles)
  const inputs = { suggest: 'true', annotate: 'changed-lines', 'github-token': server.token }
  const reviewPosts = (s: FakeGitHub): number => s.requests.filter(r => r.method === 'POST' && r.path.endsWith(`/pulls/${NUMBER}/reviews`)).length
  try {
    process.stdout.write('run 10: suggest: true and annotate: changed-lines on a pull request that adds the plugins’ crate-type lines\n')
    const first = await runAction(repo, server, inputs, 'suggest', event)
    check('exit status 1: the finding still fails the step', first.status === 1, first.stdout)
    const reviews = server.reviewsOn(OWNER, REPO, NUMBER)
    const comments = server.reviewCommentsOn(OWNER, REPO, NUMBER)
    check('one review, with the hidden marker, of the head commit', reviews.length === 1 && reviews[0]!.body.startsWith(REVIEW_MARKER) && reviews[0]!.commit_id === headSha, JSON.stringify(reviews))
    check(
      'two suggested changes, on line 7 of each plugin manifest, in that review',
      comments.length === 2 && comments.every(c => c.reviewId === reviews[0]?.id && c.line === 7) && comments.map(c => c.path).join() === 'rust/plugin_audio/Cargo.toml,rust/plugin_render/Cargo.toml',
      JSON.stringify(comments.map(c => [c.path, c.line]))
    )
    check(
      'each names the finding (rule, subject) and the fix, and replaces the line with the fix’s',
      comments.every(c => c.body.includes('<code>duplicate-linkage</code> · **bin <code>host</code>**') && c.body.includes('Add <code>&#34;rlib&#34;</code> to <code>crate-type</code>') && c.body.includes(SUGGESTION)),
      comments.map(c => c.body).join('\n----\n')
    )
    const located = commandsOf(first.stdout).filter(l => propertiesOf(l).file !== undefined)
    check(
      'annotate: changed-lines — every annotation with a file is on a changed line, and the error is on rust/plugin_audio/Cargo.toml:7',
      located.length > 0 && located.every(l => changed.has(`${propertiesOf(l).file}:${propertiesOf(l).line}`)) && located.some(l => l.startsWith('::error') && propertiesOf(l).file === 'rust/plugin_audio/Cargo.toml'),
      located.join('\n')
    )
    const sticky = server.commentsOn(OWNER, REPO, NUMBER)[0]?.body ?? ''
    check('the sticky comment shows the verified fix as a diff', sticky.includes('```diff\n  --- a/plugin_audio/Cargo.toml') && sticky.includes('  +crate-type = ["dylib", "rlib"]'), sticky)

    process.stdout.write('run 11: the next run updates that review (one comment reworded, one of ours no longer applies)\n')
    const [audio, render] = comments
    const reworded = audio!.body
    audio!.body = reworded.replace('Verified fix', 'Older wording')
    server.addReview(OWNER, REPO, NUMBER, 'unrelated review by a person', [], { login: 'reviewer', type: 'User' })
    const stale = { id: 9_999_001, owner: OWNER, repo: REPO, pull: NUMBER, reviewId: reviews[0]!.id, path: 'rust/plugin_audio/Cargo.toml', line: 6, body: '<!-- rust-linkage-guard-suggestion:0123456789abcdef -->\nold', user: render!.user, html_url: '' }
    server.reviewComments.push(stale)
    const second = await runAction(repo, server, inputs, 'suggest-again', event)
    const after = server.reviewCommentsOn(OWNER, REPO, NUMBER)
    check('exit status 1 again', second.status === 1, second.stdout)
    check('no second review: one POST of a review in both runs', reviewPosts(server) === 1 && server.reviewsOn(OWNER, REPO, NUMBER).filter(r => r.body.includes(REVIEW_MARKER)).length === 1)
    check('the reworded comment is edited in place, the other left alone', after.find(c => c.id === audio!.id)?.body === reworded && server.requests.filter(r => r.method === 'PATCH' && r.path.includes('/pulls/comments/')).map(r => r.path).join() === `/repos/${OWNER}/${REPO}/pulls/comments/${audio!.id}`)
    check('the comment that no longer applies is deleted', !after.some(c => c.id === stale.id) && after.length === 2, JSON.stringify(after.map(c => [c.id, c.line])))
  } finally {
    await server.close()
  }

  process.stdout.write('run 12–13: suggest: true with a read-only token (403 on the review endpoints)\n')
  const readOnly = await startGitHubServer({ readOnlyToken: true })
  readOnly.setPullFiles(OWNER, REPO, NUMBER, pullFiles)
  try {
    const fork = await runAction(repo, readOnly, { ...inputs, 'github-token': readOnly.token }, 'suggest-fork', event)
    const notice = commandsOf(fork.stdout).find(l => l.startsWith('::notice') && l.includes('suggested changes were not posted'))
    check('a notice says the suggestions were not posted, and why', notice !== undefined && notice.includes('read-only') && notice.includes('pull-requests: write'), commandsOf(fork.stdout).join('\n'))
    check('the verdict is the findings’: exit status 1, verdict fail', fork.status === 1 && fork.outputs.verdict === 'fail', fork.stdout)
    check('no review was created', readOnly.reviewsOn(OWNER, REPO, NUMBER).length === 0 && reviewPosts(readOnly) === 1)
    const passing = await runAction(repo, readOnly, { ...inputs, 'github-token': readOnly.token, 'fail-on': 'never' }, 'suggest-fork-never', event)
    check('with fail-on: never the same run passes: exit status 0, verdict pass', passing.status === 0 && passing.outputs.verdict === 'pass', passing.stdout)
  } finally {
    await readOnly.close()
  }

  process.stdout.write('run 14: annotate on a pull request that changes only the README, then only host/Cargo.toml\n')
  const other = await startGitHubServer()
  try {
    other.setPullFiles(OWNER, REPO, NUMBER, [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-old\n+new' }])
    const readme = await runAction(repo, other, { annotate: 'changed-lines', comment: 'off', 'github-token': other.token }, 'annotate-lines', event)
    const commands = commandsOf(readme.stdout)
    check(
      'changed-lines: no annotation on a file, one notice saying the finding is left out; the step still fails on it',
      readme.status === 1 && commands.every(l => propertiesOf(l).file === undefined) && commands.some(l => l.startsWith('::notice') && l.includes('1 finding outside the lines this pull request changed is not annotated')),
      commands.join('\n')
    )
    other.setPullFiles(OWNER, REPO, NUMBER, [{ filename: 'rust/host/Cargo.toml', status: 'modified', patch: '@@ -1,2 +1,2 @@\n-[package]\n+[package] # edited\n name = "host"' }])
    const files = await runAction(repo, other, { annotate: 'changed-files', comment: 'off', 'github-token': other.token }, 'annotate-files', event)
    const located = commandsOf(files.stdout).filter(l => propertiesOf(l).file !== undefined)
    check(
      'changed-files: the finding in host/Cargo.toml is annotated there, on its own line',
      located.length === 1 && located[0]!.startsWith('::error') && propertiesOf(located[0]!).file === 'rust/host/Cargo.toml' && propertiesOf(located[0]!).line === '8',
      commandsOf(files.stdout).join('\n')
    )
  } finally {
    await other.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})

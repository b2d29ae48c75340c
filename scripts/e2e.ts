/**
 * End-to-end run of the bundled action, the way the runner starts it.
 *
 *   npm run e2e
 *
 * Copies `examples/plugin-engine` into a temporary repository (as `rust/`), serves a fake GitHub REST API
 * on 127.0.0.1, and runs `node dist/index.js` with `INPUT_*`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`,
 * `GITHUB_EVENT_PATH` (a pull_request payload) and `GITHUB_API_URL` set. Six runs check the annotations,
 * the summary, the SARIF file, the sticky comment (created, then updated), the exit status under
 * `fail-on`, a baseline run, a policy file, and a read-only token. Exits 1 if any check fails.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubServer, type FakeGitHub } from '../__tests__/support/github-server.js'
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

/** Parses `GITHUB_OUTPUT`'s `name<<delimiter … delimiter` records. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    outputs[m[1]!] = value.join('\n')
  }
  return outputs
}

async function runAction(repo: string, server: FakeGitHub, inputs: Record<string, string>, label: string): Promise<ActionRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-${label}-`))
  const summary = path.join(scratch, 'summary.md')
  const output = path.join(scratch, 'output')
  const event = path.join(scratch, 'event.json')
  fs.writeFileSync(summary, '')
  fs.writeFileSync(output, '')
  fs.writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'feature' } },
      repository: { name: REPO, owner: { login: OWNER } }
    })
  )
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && k !== 'RUSTFLAGS') env[k] = v
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    'INPUT_MANIFEST-PATH': 'rust/Cargo.toml',
    'INPUT_GITHUB-TOKEN': server.token,
    'INPUT_SARIF-FILE': 'out/linkage.sarif',
    'INPUT_REPORT-PATH': 'out/linkage.json',
    INPUT_COMMENT: 'on-findings'
  })
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { cwd: repo, env })
  let stdout = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stdout += chunk))
  const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return { status, stdout, summary: fs.readFileSync(summary, 'utf8'), outputs: readOutputs(output) }
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
    { filename: 'rust/plugin_audio/Cargo.toml', status: 'modified', patch: '@@ -4,3 +4,6 @@ edition = "2021"\n \n+[lib]\n+crate-type = ["dylib"]\n+\n [dependencies]' },
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
    check(`the summary is under ${SUMMARY_BUDGET} bytes`, Buffer.byteLength(first.summary) < SUMMARY_BUDGET)
    const sarifFile = path.join(repo, 'out', 'linkage.sarif')
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }
    const schema = sarifSchemaErrors(sarif)
    check('the SARIF file validates against the SARIF 2.1.0 schema', schema === '', schema)
    const result = sarif.runs[0]?.results[0]
    check(
      'the SARIF result points at rust/plugin_audio/Cargo.toml line 7',
      result?.ruleId === 'duplicate-linkage' &&
        result.locations[0]?.physicalLocation.artifactLocation.uri === 'rust/plugin_audio/Cargo.toml' &&
        result.locations[0]?.physicalLocation.region.startLine === 7
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
  } finally {
    await server.close()
    fs.rmSync(repo, { recursive: true, force: true })
  }
  process.stdout.write(`\n${checks - failures.length} passed, ${failures.length} failed\n`)
  if (failures.length > 0) process.exitCode = 1
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})

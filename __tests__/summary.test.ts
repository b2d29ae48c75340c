import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { adviceFix } from '../src/findings/finding.js'
import { parseCliArgs } from '../src/cli/args.js'
import { applyGate } from '../src/policy/gate.js'
import { parseBaseline } from '../src/policy/baseline.js'
import { parsePolicy } from '../src/policy/policy.js'
import { renderComment } from '../src/report/comment.js'
import { SUMMARY_BUDGET, renderSummary } from '../src/report/summary.js'
import { RULES, ruleHelpUri } from '../src/rules/registry.js'
import { VERSION } from '../src/version.js'
import { analyzeWorkspace } from '../src/run.js'
import { gated, makeArtifact, makeFinding, makeReport } from './support/reports.js'

const EXAMPLE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'plugin-engine')

async function exampleReport(args: string[] = []) {
  return gated(await analyzeWorkspace({ manifestPath: path.join(EXAMPLE, 'Cargo.toml'), invocation: parseCliArgs(args).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: EXAMPLE }))
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map(m => m[1]!)
}

/** The rows of the artifact table. */
function tableRows(markdown: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex(l => l.startsWith('| package | target | crate type |'))
  const rows: string[] = []
  for (let i = start + 2; start >= 0 && i < lines.length && lines[i]!.startsWith('| '); i++) rows.push(lines[i]!)
  return rows
}

function count(text: string, needle: RegExp): number {
  return (text.match(needle) ?? []).length
}

describe('job summary', () => {
  it('the example: verdict, the finding with both ways std gets in, a diagram with the duplicates highlighted, the artifact table', async () => {
    const summary = renderSummary(await exampleReport())
    expect(summary).toContain('## ❌ Rust Linkage Guard fails')
    expect(summary).toContain('<code>cargo build</code> fails: 1 artifact cannot be built')
    expect(summary).toContain(`#### 🔴 [\`duplicate-linkage\`](${ruleHelpUri('duplicate-linkage')}): `)
    expect(summary).toContain(
      '- <code>host</code> via feature <code>audio</code> (<code>host/Cargo.toml:8</code>: <code>audio = &#91;&#34;dep:plugin_audio&#34;&#93;</code>) → <code>plugin_audio</code> (dylib, contains <code>std</code> and <code>engine_api</code> statically)'
    )
    expect(summary).toMatch(/- <code>host<\/code> links <code>std<\/code> dynamically as <code>libstd-[0-9a-f]+\.so<\/code>/)
    const [diagram, ...others] = mermaidBlocks(summary)
    expect(others).toEqual([])
    expect(diagram).toContain('flowchart LR')
    // std and engine_api each come in twice: once per plugin dylib that contains them.
    expect(count(diagram!, /-\. inside dylib \.->/g)).toBe(4)
    const ids = Object.fromEntries([...diagram!.matchAll(/ (n\d+)\["([a-z_]+)/g)].map(m => [m[2], m[1]]))
    expect(diagram).toContain(`class ${[ids.std, ids.engine_api].sort().join(',')} fault`)
    const host = tableRows(summary).find(r => r.startsWith('| host | host |'))
    expect(host).toMatch(/^\| host \| host \| bin \| ❌ error \| dynamic \| libplugin_audio\.so, libplugin_render\.so, libstd-[0-9a-f]+\.so \|$/)
    expect(tableRows(summary)[0]).toBe(host)
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_BUDGET)
  })

  it('the toolchain section lists the compiler, the pin and the target, with no empty table header', async () => {
    const summary = renderSummary(await exampleReport())
    const section = summary.slice(summary.indexOf('### Toolchain'))
    expect(section).toMatch(/^- rustc in use: <code>\d+\.\d+\.\d+<\/code>/m)
    expect(section).toMatch(/^- pinned by the repository: /m)
    expect(section).toMatch(/^- target: <code>[a-z0-9_-]+<\/code>/m)
    expect(summary).not.toContain('| | |')
  })

  it('a passing build says so and draws no diagram', async () => {
    const plain = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'workspaces', 'plain')
    const report = gated(await analyzeWorkspace({ manifestPath: path.join(plain, 'Cargo.toml'), invocation: parseCliArgs([]).invocation, env: { ...process.env, RUSTFLAGS: undefined }, cwd: plain }))
    const summary = renderSummary(report)
    expect(summary).toContain('## ✅ Rust Linkage Guard passes')
    expect(mermaidBlocks(summary)).toEqual([])
  })

  it('each rule heading links the rule id to its page at this version; an id the registry does not know stays text', () => {
    const report = makeReport({
      findings: [
        makeFinding({}),
        makeFinding({ rule: 'runtime-dylib', severity: 'warning', crates: ['libdy.so'] }),
        makeFinding({ rule: 'some-future-rule', severity: 'note' }),
        makeFinding({ rule: 'x](https://evil.example)<b>', severity: 'note' })
      ]
    })
    const headings = renderSummary(report).split('\n').filter(l => l.startsWith('#### '))
    const page = (id: string): string => `https://github.com/rust-linkage-guard/rust-linkage-guard/blob/v${VERSION}/docs/rules/${id}.md`
    expect(headings).toHaveLength(4)
    expect(headings[0]).toBe(`#### 🔴 [\`duplicate-linkage\`](${page('duplicate-linkage')}): A crate would be linked into one artifact twice (&#34;only shows up once&#34;)`)
    expect(headings[1]).toBe(`#### 🟠 [\`runtime-dylib\`](${page('runtime-dylib')}): ${RULES.find(r => r.id === 'runtime-dylib')!.title}`)
    expect(headings[2]).toBe('#### 🔵 <code>some-future-rule</code>')
    expect(headings[3]).not.toContain('](')
    expect(headings[3]).not.toContain('<b>')
    // One link per rule: the heading's.
    expect(count(renderSummary(report), /\]\(https:/g)).toBe(2)
  })

  it('strings from the repository cannot inject HTML, break a table row or leave the diagram', () => {
    const evil = 'x<script>alert(1)</script>|`</details>```'
    const report = makeReport({
      artifacts: [
        makeArtifact({
          package: evil,
          target: evil,
          status: 'error',
          runtimeLibraries: [`lib${evil}.so`],
          linkage: [
            { crate: 'std', how: 'dynamic' },
            { crate: evil, how: 'included-from-dylib', via: 'dy"]; click n0 call alert()' }
          ]
        })
      ],
      findings: [makeFinding({ package: evil, target: evil, crates: [evil], message: `bad ${evil}`, fixes: [adviceFix(evil)], file: `${evil}/Cargo.toml`, inclusion: [{ chain: [evil, 'dy'], crate: evil, how: 'inside-dylib' }] })]
    })
    const summary = renderSummary(report)
    expect(summary).not.toContain('<script')
    expect(count(summary, /<details/g)).toBe(count(summary, /<\/details>/g))
    for (const row of tableRows(summary)) expect(count(row, /\|/g)).toBe(7)
    const [diagram] = mermaidBlocks(summary)
    const labels = [...diagram!.matchAll(/\["([^"]*)"\]/g)].map(m => m[1]!.replace(/<br\/>/g, ''))
    expect(labels.join('')).toMatch(/^[A-Za-z0-9 _.@/+#;-]+$/)
    for (const line of diagram!.split('\n').slice(1)) {
      expect(line).toMatch(/^ {2}(n\d+\["[^"]*"\]|n\d+ (-->\|[a-z ]+\||==>\|[a-z ]+\||-\. inside dylib \.->) n\d+|classDef .*|class [n\d,]+ (artifact|fault))$/)
    }
  })

  it('a huge report stays under the budget, ends with the truncation note and never inside a block', () => {
    const artifacts = Array.from({ length: 20_000 }, (_, i) => makeArtifact({ package: `pkg${i}`, target: `pkg${i}` }))
    const findings = Array.from({ length: 3_000 }, (_, i) => makeFinding({ package: `pkg${i}`, target: `pkg${i}`, message: 'x'.repeat(300) }))
    const summary = renderSummary(makeReport({ artifacts, findings }))
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(summary).toContain('**Truncated** to stay under GitHub’s summary size limit')
    expect(count(summary, /<details/g)).toBe(count(summary, /<\/details>/g))
    expect(count(summary, /```/g) % 2).toBe(0)
  })

  it('with a policy and a baseline: new findings are marked, allowed ones listed with their reason, and the verdict explains the pass', () => {
    const allowed = makeFinding({ package: 'plugin', target: 'plugin', crates: ['engine_api'] })
    const existing = makeFinding({ package: 'old', target: 'old' })
    const fresh = makeFinding({ package: 'new', target: 'new', severity: 'warning', rule: 'runtime-dylib', crates: ['libdy.so'] })
    const base = makeReport({ findings: [existing, allowed] })
    const policy = parsePolicy('[[allow]]\nrule = "duplicate-linkage"\npackage = "plugin"\nreason = "loaded with dlopen"\n', 'policy.toml')
    const report = applyGate(makeReport({ findings: [allowed, existing, fresh] }), {
      failOn: 'error',
      policy: { policy, file: '.github/rust-linkage.toml' },
      baseline: parseBaseline(JSON.stringify(base), 'base.json'),
      today: '2026-11-21'
    })
    expect(report.gate).toEqual({ failOn: 'error', verdict: 'pass', failing: 0 })
    const summary = renderSummary(report)
    expect(summary).toContain('## ⚠️ Rust Linkage Guard passes')
    expect(summary).toContain('The check passes: 1 allowed by the policy, 1 already in the baseline.')
    expect(summary).toContain('**1** new · 1 already in the baseline')
    expect(summary).toMatch(/\*\*bin <code>new<\/code>\*\* · <code>dy\/Cargo.toml:7<\/code> · 🆕 \*\*new\*\*/)
    expect(summary).toMatch(/\*\*bin <code>old<\/code>\*\* · <code>dy\/Cargo.toml:7<\/code> · already in the baseline/)
    expect(summary).toContain('1 finding allowed by the policy')
    expect(summary).toContain('loaded with dlopen')
    const comment = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' })
    expect(comment).toContain('### New findings')
    expect(comment).toContain('<code>new</code>')
    expect(comment).not.toContain('<code>old</code>')
    expect(comment).toContain('[job summary](https://github.com/o/r/actions/runs/1)')
  })
})

describe('file references', () => {
  const links = { blobUrl: 'https://github.com/o/r/blob/0123abc', workspacePrefix: 'rust' }
  const finding = makeFinding({
    file: 'dy lib/Cargo.toml',
    line: 7,
    related: [{ file: '/home/u/.cargo/config.toml', line: 2, message: 'rustflags' }],
    fixes: [{ title: 'Add `"rlib"`.', kind: 'manifest-edit', verified: true, edits: [{ file: 'dy lib/Cargo.toml', line: 7, before: 'crate-type = ["dylib"]', after: 'crate-type = ["dylib", "rlib"]' }] }]
  })

  it('link to the line at the analysed commit, under the workspace prefix; files outside the repository stay text', () => {
    const summary = renderSummary(gated(makeReport({ findings: [finding] })), { links })
    expect(summary).toContain('<a href="https://github.com/o/r/blob/0123abc/rust/dy%20lib/Cargo.toml#L7"><code>dy lib/Cargo.toml:7</code></a>')
    expect(summary).toContain('rustflags <code>/home/u/.cargo/config.toml:2</code>')
    expect(renderSummary(gated(makeReport({ findings: [finding] })))).toContain('<code>dy lib/Cargo.toml:7</code>, rustflags')
  })

  it('a verified fix is shown with its edit as a diff under its title', () => {
    const summary = renderSummary(gated(makeReport({ findings: [finding] })))
    expect(summary).toContain('- ✅ **verified:** Add <code>&#34;rlib&#34;</code>.\n\n  ```diff\n  --- a/dy lib/Cargo.toml\n  +++ b/dy lib/Cargo.toml\n  @@ -7,1 +7,1 @@\n  -crate-type = ["dylib"]\n  +crate-type = ["dylib", "rlib"]\n  ```')
  })
})

describe('advice shared by every finding of a rule', () => {
  it('is said once after them, while each finding keeps its own fixes', () => {
    const shared = 'Or set `rpath = true` in the profile.'
    const findings = ['a', 'b', 'c'].map(name =>
      makeFinding({ rule: 'runtime-dylib', severity: 'warning', package: name, target: name, crates: ['libdy.so'], fixes: [adviceFix(`Ship \`${name}\` with its libraries.`), adviceFix(shared)] })
    )
    const summary = renderSummary(gated(makeReport({ findings })))
    expect(summary.split('Or set <code>rpath = true</code> in the profile.')).toHaveLength(2)
    expect(summary).toContain('<details><summary>How to fix each of these 3 findings</summary>')
    for (const name of ['a', 'b', 'c']) expect(summary).toContain(`Ship <code>${name}</code> with its libraries.`)
  })
})

describe('large artifacts', () => {
  it('two dylibs that each contain 300 crates: one line per way in, and a diagram that counts what it does not draw', () => {
    const crates = ['std', ...Array.from({ length: 299 }, (_, i) => `dep${i}`)]
    const inclusion = ['da', 'db'].flatMap(dylib => crates.map(crate => ({ chain: ['app', dylib], crate, how: 'inside-dylib' as const })))
    const linkage = [
      { crate: 'da', how: 'dynamic' as const },
      { crate: 'db', how: 'dynamic' as const },
      ...crates.map(crate => ({ crate, how: 'included-from-dylib' as const, via: 'da' }))
    ]
    const report = makeReport({
      artifacts: [makeArtifact({ status: 'error', linkage })],
      findings: [makeFinding({ crates, inclusion })]
    })
    const summary = renderSummary(report)
    expect(summary).toContain('- <code>app</code> → <code>da</code> (dylib, contains <code>std</code>, <code>dep0</code>, <code>dep1</code>, <code>dep2</code>, <code>dep3</code> and 295 more statically)')
    expect(summary.split('\n').filter(l => l.startsWith('- <code>app</code> → '))).toHaveLength(2)
    const [diagram] = mermaidBlocks(summary)
    expect(diagram).toContain('["292 more crates at fault"]')
    expect(diagram!.split('\n').filter(l => l.includes('["')).length).toBeLessThanOrEqual(45)
  })
})

/**
 * Renders the job summary of the bundled example as GitHub would show it, and takes a screenshot.
 *
 *   npm run screenshot [-- --out docs/summary.png] [-- --args "-p host"]
 *
 * The summary is produced by the real CLI (`--format markdown`), turned into HTML with marked (GitHub
 * flavoured) and github-markdown-css, its mermaid blocks drawn by mermaid, and the page photographed by
 * Debian's Chromium through playwright-core. These tools are installed on first use into
 * `.cache/screenshot` (not project dependencies: only this script needs them).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const TOOLS = path.join(ROOT, '.cache', 'screenshot')
const PACKAGES = ['marked@18', 'mermaid@12', 'github-markdown-css@5', 'playwright-core@1']
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** The parts of marked and playwright-core used here (they are not project dependencies, so no types). */
interface CodeToken {
  text: string
  lang?: string
}
interface Marked {
  Renderer: new () => { code(token: CodeToken): string }
  parse(markdown: string, options: { gfm: boolean; renderer: unknown }): string | Promise<string>
}
interface Tab {
  goto(url: string): Promise<unknown>
  waitForFunction(expression: string): Promise<unknown>
  evaluate<T>(expression: string): Promise<T>
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>
}
interface Chromium {
  launch(options: { executablePath: string; args: string[] }): Promise<{
    newPage(options: { viewport: { width: number; height: number }; deviceScaleFactor: number }): Promise<Tab>
    close(): Promise<void>
  }>
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback
}

function installTools(): void {
  if (fs.existsSync(path.join(TOOLS, 'node_modules', 'playwright-core'))) return
  fs.mkdirSync(TOOLS, { recursive: true })
  fs.writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...PACKAGES], { cwd: TOOLS, stdio: 'inherit' })
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's \`chromium\` package or set CHROMIUM`)
  installTools()
  const out = path.resolve(ROOT, option('out', 'docs/summary.png'))
  const args = option('args', '').split(' ').filter(Boolean)
  const cli = path.join(ROOT, 'dist', 'cli', 'index.js')
  const manifest = path.join(ROOT, 'examples', 'plugin-engine', 'Cargo.toml')
  let markdown: string
  try {
    markdown = execFileSync(process.execPath, [cli, '--manifest-path', manifest, '--format', 'markdown', ...args], { encoding: 'utf8' })
  } catch (error) {
    // Exit status 1 only means the check fails; the summary is on stdout all the same.
    markdown = (error as { stdout?: string }).stdout ?? ''
    if (markdown === '') throw error
  }

  const require = createRequire(path.join(TOOLS, 'package.json'))
  const { marked } = (await import(pathToFileURL(require.resolve('marked')).href)) as { marked: Marked }
  const renderer = new marked.Renderer()
  const code = renderer.code.bind(renderer)
  renderer.code = token => (token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` : code(token))
  const body = await marked.parse(markdown, { gfm: true, renderer })
  const css = pathToFileURL(require.resolve('github-markdown-css/github-markdown-light.css')).href
  const mermaid = pathToFileURL(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js')).href
  const page = path.join(TOOLS, 'summary.html')
  fs.writeFileSync(
    page,
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${css}">
<style>body{background:#fff;margin:0}.markdown-body{box-sizing:border-box;max-width:1012px;margin:0 auto;padding:32px 24px}</style>
<script src="${mermaid}"></script></head>
<body><article class="markdown-body">${body}</article>
<script>mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
mermaid.run().then(() => { document.body.dataset.ready = 'yes' }, e => { document.body.dataset.ready = 'error: ' + e })</script>
</body></html>`
  )

  const { chromium } = require('playwright-core') as { chromium: Chromium }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const tab = await browser.newPage({ viewport: { width: 1060, height: 800 }, deviceScaleFactor: 1 })
    await tab.goto(pathToFileURL(page).href)
    // Expressions evaluated in the page, where the script records mermaid's outcome.
    await tab.waitForFunction('document.body.dataset.ready !== undefined')
    const ready = await tab.evaluate<string>('document.body.dataset.ready')
    if (ready !== 'yes') throw new Error(`mermaid failed: ${ready}`)
    fs.mkdirSync(path.dirname(out), { recursive: true })
    await tab.screenshot({ path: out, fullPage: true })
  } finally {
    await browser.close()
  }
  process.stdout.write(`${path.relative(ROOT, out)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshot: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})

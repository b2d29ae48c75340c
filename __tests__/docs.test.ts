/**
 * The documentation a newcomer reads first: the README starts with the two set-up commands, lists every
 * rule with its page, and no relative link of the README, the policies or docs/ leads nowhere.
 */
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { RULES } from '../src/rules/registry.js'
import { anchors, isAbsoluteLink, links, relativeLinks, section } from './support/markdown.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string): string => fs.readFileSync(path.join(REPO, file), 'utf8')
const README = read('README.md')

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []
  )
}

describe('the README', () => {
  it('starts with the command that runs the example and the command that runs the tests', () => {
    expect(README.split('\n').slice(0, 6)).toEqual([
      '# Rust Linkage Guard',
      '',
      '```sh',
      'npm ci && npm start   # install, then analyse the bundled example workspace (examples/plugin-engine)',
      'npm ci && npm test    # install, then run the test suite (needs cargo and rustc)',
      '```'
    ])
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
    expect(scripts.start).toContain('examples/plugin-engine/Cargo.toml')
    expect(scripts.test).toMatch(/\bjest$/)
  })

  it('has a quick start for the action and the CLI before anything else', () => {
    const headings = [...README.matchAll(/^## (.+)$/gm)].map(m => m[1])
    expect(headings[0]).toBe('Quick start')
    const quick = section(README, 'Quick start')
    expect(quick).toContain('uses: rust-linkage-guard/rust-linkage-guard@v1')
    expect(quick).toMatch(/npx github:rust-linkage-guard\/rust-linkage-guard#v\d+\.\d+\.\d+ /)
  })

  it('links every rule once, in registry order, to its page', () => {
    const links = [...section(README, 'Rules').matchAll(/\[`([^`]+)`\]\(([^)]+)\)/g)].map(m => [m[1], m[2]])
    expect(links).toEqual([['docs/rules', 'docs/rules/README.md'], ...RULES.map(r => [r.id, `docs/rules/${r.id}.md`])])
  })
})

describe('links between documents', () => {
  const files = ['README.md', 'SECURITY.md', 'CHANGELOG.md', ...markdownFiles('docs')]

  it.each(files)('%s: every relative link leads to a file of the repository, every anchor to a heading, every other link is https', file => {
    for (const target of links(read(file))) {
      if (isAbsoluteLink(target)) {
        expect(target).toMatch(/^https:\/\//)
        continue
      }
      const [relative, anchor] = target.split('#') as [string, string | undefined]
      const resolved = relative === '' ? path.join(REPO, file) : path.resolve(REPO, path.dirname(file), relative)
      expect({ target, inRepository: resolved.startsWith(`${REPO}${path.sep}`), exists: fs.existsSync(resolved) }).toEqual({ target, inRepository: true, exists: true })
      if (anchor !== undefined) {
        expect({ target, markdown: resolved.endsWith('.md') }).toEqual({ target, markdown: true })
        expect({ target, anchor: anchors(fs.readFileSync(resolved, 'utf8')).has(anchor) }).toEqual({ target, anchor: true })
      }
    }
  })

  it('the rule pages link to each other and to the rest of the documentation', () => {
    const ruleLinks = markdownFiles('docs/rules').flatMap(file => relativeLinks(read(file)))
    expect(ruleLinks.length).toBeGreaterThan(RULES.length)
  })

  it('the README links every document of docs/', () => {
    const linked = new Set(relativeLinks(README).map(t => t.split('#')[0]))
    for (const doc of fs.readdirSync(path.join(REPO, 'docs')).filter(f => f.endsWith('.md'))) expect(linked).toContain(`docs/${doc}`)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { parsePolicy } from '../src/policy/policy.js'
import { INFORMATION_URI, RULES, ruleHelpUri } from '../src/rules/registry.js'
import { VERSION } from '../src/version.js'
import { codeBlocks, section } from './support/markdown.js'

/** docs/rules: one page per rule of the registry and an index; reports link the pages, so they must not drift. */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DOCS = path.join(REPO, 'docs', 'rules')
const INDEX = 'README.md'

const read = (file: string): string => fs.readFileSync(path.join(DOCS, file), 'utf8')
const pages = fs.readdirSync(DOCS).filter(f => f.endsWith('.md') && f !== INDEX)

describe('docs/rules', () => {
  it('has one page per rule of the registry, and none for any other id', () => {
    expect(pages.map(p => p.replace(/\.md$/, '')).sort()).toEqual(RULES.map(r => r.id).sort())
  })

  describe.each(RULES.map(r => [r.id, r] as const))('%s.md', (id, rule) => {
    const page = read(`${id}.md`)
    const lines = page.split('\n')

    it('starts with the rule id as its title', () => {
      expect(lines[0]).toBe(`# \`${id}\``)
    })

    it('states the registry’s default severity, and a linkage error exactly when it is an error', () => {
      const stated = /^Default severity: \*\*(error|warning|note)\*\*/.exec(lines[2] ?? '')
      expect(stated?.[1]).toBe(rule.severity)
      const kind = page.split('\n\n')[1]!
      if (rule.severity === 'error') expect(kind).toMatch(/ Linkage error: /)
      else expect(kind).toMatch(/ (Policy|Linkage) rule: /)
    })

    it('has its sections, in order', () => {
      const headings = lines.filter(l => l.startsWith('## '))
      expect(headings).toEqual(['## What it means', '## Example', '## How to fix', '## Allowing it'])
    })

    it('shows in its example what the report says, at the default severity', () => {
      const report = codeBlocks(section(page, 'Example'), 'text').flatMap(b => b.split('\n'))
      expect(report.some(l => l.startsWith(`${rule.severity}[${id}]: `))).toBe(true)
    })

    it('gives policy-file snippets that parse and name this rule', () => {
      const snippets = codeBlocks(section(page, 'Allowing it'), 'toml')
      expect(snippets.length).toBeGreaterThan(0)
      for (const snippet of snippets) {
        const policy = parsePolicy(snippet, `${id}.md`)
        const rules = [...policy.allow.map(a => a.rule), ...policy.severities.keys()]
        expect(rules.length).toBeGreaterThan(0)
        expect(new Set(rules)).toEqual(new Set([id]))
        for (const entry of policy.allow) expect(entry.reason.length).toBeGreaterThan(10)
      }
    })
  })

  it('the index lists every rule once, in registry order, linked to its page, with its default severity', () => {
    const rows = [...read(INDEX).matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| (\w+)\b[^|]* \| [^|]+ \|$/gm)]
    expect(rows.map(m => m[1])).toEqual(RULES.map(r => r.id))
    for (const [, id, target, severity] of rows) {
      expect(target).toBe(`${id}.md`)
      expect(severity).toBe(RULES.find(r => r.id === id)!.severity)
    }
  })

  it('the index explains severities, the policy file, allow entries and baselines', () => {
    const index = read(INDEX)
    for (const heading of ['Severities', 'Changing a severity', 'Allowing a finding', 'Fingerprints and baselines']) expect(index).toContain(`\n## ${heading}\n`)
    for (const snippet of codeBlocks(index, 'toml')) expect(() => parsePolicy(snippet, INDEX)).not.toThrow()
  })
})

describe('ruleHelpUri', () => {
  it('is the page in the repository at the release tag of this version', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
    for (const rule of RULES) {
      const uri = ruleHelpUri(rule.id)
      expect(uri).toBe(`${INFORMATION_URI}/blob/v${VERSION}/docs/rules/${rule.id}.md`)
      const inRepository = uri.slice(`${INFORMATION_URI}/blob/v${VERSION}/`.length)
      expect(fs.existsSync(path.join(REPO, inRepository))).toBe(true)
      expect(new URL(uri).href).toBe(uri)
    }
  })
})

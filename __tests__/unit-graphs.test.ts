/**
 * Workspaces in `fixtures/unit-graph/`, each held against cargo's own unit graph (`--unit-graph`, nothing is
 * compiled) by `scripts/unit-graph-check.ts` on the command lines its `commands.json` lists: the same units, with
 * the same features and panic strategy, and the same refusals (`{WS}` in a command line is the workspace's absolute
 * path). Each reproduces a difference found on real workspaces, shrunk.
 */
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { unitGraphCheck } from './support/unit-graph-check.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const DIR = path.join(ROOT, '__tests__', 'fixtures', 'unit-graph')

describe("the engine's units against cargo's --unit-graph", () => {
  for (const name of fs.readdirSync(DIR).sort()) {
    const { description, commands } = JSON.parse(fs.readFileSync(path.join(DIR, name, 'commands.json'), 'utf8')) as { description: string; commands: string[] }
    it(`${name}: ${description}`, () => {
      const workspace = path.join(DIR, name)
      const r = unitGraphCheck(workspace, commands.map(line => line.replaceAll('{WS}', workspace)))
      const lines = r.stdout.split('\n')
      expect(lines.filter((line, i) => line.startsWith('DIFFERENT') || (line.startsWith('  ') && lines.slice(0, i).reverse().find(l => !l.startsWith('  '))?.startsWith('DIFFERENT')))).toEqual([])
      expect({ status: r.status, last: r.stdout.trim().split('\n').pop() }).toEqual({ status: 0, last: `${commands.length} of ${commands.length} command lines agree` })
    }, 120_000)
  }
})

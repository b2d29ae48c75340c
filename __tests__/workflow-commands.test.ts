import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { annotation, getInput, info, setFailed, setOutputCommand } from '../src/github/workflow-commands.js'

/**
 * The runner reads what the action writes as actions/toolkit's core writes it (`command.ts`, `core.ts`,
 * `utils.ts`): these are the toolkit's own outputs for the same calls.
 */
describe('workflow commands, written as the toolkit writes them', () => {
  let written: string[]
  beforeEach(() => {
    written = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.exitCode = undefined
  })

  it('reads an input as core.getInput does: spaces as underscores, upper case, trimmed, empty when unset', () => {
    const env = { 'INPUT_MANIFEST-PATH': '  rust/Cargo.toml \n', INPUT_FAIL_ON: 'warning' }
    expect(getInput('manifest-path', env)).toBe('rust/Cargo.toml')
    expect(getInput('fail on', env)).toBe('warning')
    expect(getInput('policy', env)).toBe('')
  })

  it('writes annotations with title, file and line in that order, escaped, and leaves empty properties out', () => {
    annotation('error', 'one\r\ntwo 100%', { title: 'a: b, c', file: 'x,y/Cargo.toml', startLine: 7 })
    annotation('warning', 'plain', { title: 'T', file: '' })
    annotation('notice', 'no properties')
    expect(written.join('')).toBe(
      '::error title=a%3A b%2C c,file=x%2Cy/Cargo.toml,line=7::one%0D%0Atwo 100%25\n' + '::warning title=T::plain\n' + '::notice::no properties\n'
    )
  })

  it('fails the step with exit code 1 and an error line, logs lines as they are, and sets an output without GITHUB_OUTPUT', () => {
    setFailed('it broke\nhere')
    info('::not-a-command:: stays text')
    setOutputCommand('verdict', 'fail\n')
    expect(process.exitCode).toBe(1)
    expect(written.join('')).toBe('::error::it broke%0Ahere\n' + '::not-a-command:: stays text\n' + '\n::set-output name=verdict::fail%0A\n')
  })
})

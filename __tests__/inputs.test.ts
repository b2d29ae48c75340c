import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { UserError } from '../src/errors.js'
import { INPUT_DEFAULTS, parseActionInputs } from '../src/inputs.js'
import { defaultInvocation } from '../src/model/invocation.js'

/** A `core.getInput` stand-in: unset inputs read as '' and every name asked for is recorded. */
function inputs(values: Record<string, string>): { getInput: (name: string) => string; asked: Set<string> } {
  const asked = new Set<string>()
  return {
    asked,
    getInput: name => {
      asked.add(name)
      return values[name] ?? ''
    }
  }
}

function errorFor(values: Record<string, string>): string {
  try {
    parseActionInputs(inputs(values).getInput)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as UserError).message
  }
  throw new Error(`expected ${JSON.stringify(values)} to be rejected`)
}

describe('parseActionInputs', () => {
  it('parseActionInputs with no inputs set uses the documented defaults', () => {
    expect(parseActionInputs(inputs({}).getInput)).toEqual({
      invocation: defaultInvocation(),
      manifestPath: 'Cargo.toml',
      failOn: 'error',
      reportPath: 'rust-linkage-report.json',
      policy: null,
      baseline: null,
      sarifFile: null,
      comment: 'off',
      commentKey: 'default',
      annotate: 'all',
      suggest: false,
      token: '',
      rustToolchain: null,
      allowPrivilegedTrigger: false,
      trustRepositoryConfig: false,
      installToolchain: false,
      timeoutMs: 300000,
      publishReport: null
    })
  })

  it('parseActionInputs reads every input', () => {
    const settings = parseActionInputs(
      inputs({
        'manifest-path': 'crates/Cargo.toml',
        packages: 'app',
        workspace: 'true',
        exclude: 'xtask',
        target: 'aarch64-unknown-linux-gnu',
        profile: 'dist',
        release: 'false',
        features: 'simd',
        'all-features': 'TRUE',
        'no-default-features': 'True',
        command: 'test',
        locked: 'true',
        offline: 'true',
        'fail-on': 'warning',
        'report-path': 'out/linkage.json',
        policy: 'ci/linkage.toml',
        baseline: 'base/report.json',
        'sarif-file': 'out/linkage.sarif',
        comment: 'on-findings',
        'comment-key': 'linux/stable',
        annotate: 'changed-lines',
        'github-token': 'ghs_token',
        'rust-toolchain': 'nightly-2026-05-20',
        'allow-privileged-trigger': 'true',
        'trust-repository-config': 'true',
        'install-toolchain': 'true',
        timeout: '60',
        'publish-report': 'artifact/linkage.json'
      }).getInput
    )
    expect(settings).toEqual({
      invocation: defaultInvocation({
        command: 'test',
        packages: ['app'],
        workspace: true,
        exclude: ['xtask'],
        target: 'aarch64-unknown-linux-gnu',
        profile: 'dist',
        features: ['simd'],
        allFeatures: true,
        noDefaultFeatures: true,
        locked: true,
        offline: true
      }),
      manifestPath: 'crates/Cargo.toml',
      failOn: 'warning',
      reportPath: 'out/linkage.json',
      policy: 'ci/linkage.toml',
      baseline: 'base/report.json',
      sarifFile: 'out/linkage.sarif',
      comment: 'on-findings',
      commentKey: 'linux/stable',
      annotate: 'changed-lines',
      suggest: false,
      token: 'ghs_token',
      rustToolchain: 'nightly-2026-05-20',
      allowPrivilegedTrigger: true,
      trustRepositoryConfig: true,
      installToolchain: true,
      timeoutMs: 60000,
      publishReport: 'artifact/linkage.json'
    })
  })

  it('parseActionInputs reads lists one per line or separated by commas or spaces', () => {
    const settings = parseActionInputs(
      inputs({ packages: 'core\nplugin-a, plugin-b\n\n  cli  cli', features: 'a, b\nserde/std c' }).getInput
    )
    expect(settings.invocation.packages).toEqual(['core', 'plugin-a', 'plugin-b', 'cli'])
    expect(settings.invocation.features).toEqual(['a', 'b', 'serde/std', 'c'])
  })

  it('parseActionInputs accepts the YAML 1.2 core boolean forms only', () => {
    for (const yes of ['true', 'True', 'TRUE', ' true\n']) {
      expect(parseActionInputs(inputs({ workspace: yes }).getInput).invocation.workspace).toBe(true)
    }
    for (const no of ['false', 'False', 'FALSE', '']) {
      expect(parseActionInputs(inputs({ workspace: no }).getInput).invocation.workspace).toBe(false)
    }
    expect(errorFor({ workspace: 'yes' })).toBe('input `workspace` must be true or false, got `yes`')
    expect(errorFor({ release: '1' })).toBe('input `release` must be true or false, got `1`')
    expect(errorFor({ 'all-features': 'tRUE' })).toBe('input `all-features` must be true or false, got `tRUE`')
  })

  it('parseActionInputs names the allowed values of enum inputs', () => {
    expect(errorFor({ command: 'run' })).toBe('input `command` must be one of build, test, bench, got `run`')
    expect(errorFor({ 'fail-on': 'fatal' })).toBe('input `fail-on` must be one of error, warning, never, got `fatal`')
    expect(parseActionInputs(inputs({ 'fail-on': 'never' }).getInput).failOn).toBe('never')
    expect(errorFor({ comment: 'yes' })).toBe('input `comment` must be one of off, always, on-findings, got `yes`')
    expect(errorFor({ annotate: 'changed' })).toBe('input `annotate` must be one of all, changed-lines, changed-files, got `changed`')
    expect(parseActionInputs(inputs({ annotate: 'changed-files' }).getInput).annotate).toBe('changed-files')
  })

  it('parseActionInputs takes suggest as a boolean, never together with publish-report', () => {
    expect(parseActionInputs(inputs({ suggest: 'true' }).getInput).suggest).toBe(true)
    expect(errorFor({ suggest: 'on' })).toBe('input `suggest` must be true or false, got `on`')
    expect(errorFor({ suggest: 'true', 'publish-report': 'linkage.json', comment: 'always' })).toBe(
      "input `suggest` posts the fixes of this run's own analysis and cannot be used with `publish-report`, which analyses nothing"
    )
    expect(parseActionInputs(inputs({ suggest: 'false', 'publish-report': 'linkage.json', comment: 'always' }).getInput).suggest).toBe(false)
  })

  it('parseActionInputs takes a rustup toolchain name, never a path', () => {
    expect(errorFor({ 'rust-toolchain': '/opt/rust/bin' })).toBe(
      'input `rust-toolchain` must name a rustup toolchain such as `stable`, `1.95.0` or `nightly-2026-05-20`, got `/opt/rust/bin`'
    )
    expect(errorFor({ 'rust-toolchain': '../toolchain' })).toContain('must name a rustup toolchain')
  })

  it('parseActionInputs keeps comment keys to characters that cannot break the hidden marker', () => {
    expect(errorFor({ 'comment-key': 'a --> b' })).toBe(
      'input `comment-key` may only contain letters, digits, `.`, `_`, `/` and `-` (at most 100), got `a --> b`'
    )
  })

  it('parseActionInputs takes publish-report only with a comment to post', () => {
    expect(errorFor({ 'publish-report': 'linkage.json' })).toBe('input `publish-report` posts the report as a pull-request comment: set `comment` to `always` or `on-findings`')
    expect(parseActionInputs(inputs({ 'publish-report': 'linkage.json', comment: 'on-findings' }).getInput)).toMatchObject({ publishReport: 'linkage.json', comment: 'on-findings' })
    expect(parseActionInputs(inputs({}).getInput).publishReport).toBeNull()
  })

  it('parseActionInputs requires workspace for exclude, as cargo does', () => {
    expect(errorFor({ exclude: 'xtask' })).toBe('input `exclude` can only be used together with `workspace: true`')
  })

  it('parseActionInputs rejects release with profile, as cargo 1.95 does even for profile release', () => {
    const message = 'inputs `release` and `profile` cannot be used together; `release: true` is the same as `profile: release`'
    expect(errorFor({ release: 'true', profile: 'release' })).toBe(message)
    expect(errorFor({ release: 'true', profile: 'dev' })).toBe(message)
    expect(parseActionInputs(inputs({ release: 'true' }).getInput).invocation).toMatchObject({ release: true, profile: null })
  })

  it('parseActionInputs validates the profile name as cargo does', () => {
    expect(errorFor({ profile: 'my.profile' })).toBe(
      'input `profile`: invalid character `.` in profile name `my.profile`; allowed characters are letters, numbers, underscore, and hyphen'
    )
    expect(errorFor({ profile: 'doc' })).toBe(
      'input `profile`: profile `doc` is reserved and not allowed to be explicitly specified'
    )
  })

  it('parseActionInputs takes a single target triple', () => {
    expect(errorFor({ target: 'x86_64-pc-windows-msvc wasm32-wasip1' })).toBe(
      'input `target` must be a single target triple, got `x86_64-pc-windows-msvc wasm32-wasip1`'
    )
  })
})

describe('action.yml', () => {
  // Read by a YAML 1.2 parser as the runner reads it: a plain scalar holding `: ` is an error there.
  const action = parseYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'), { strict: true, uniqueKeys: true }) as {
    inputs: Record<string, { description: string; required?: boolean; default?: string }>
    outputs: Record<string, { description: string }>
    runs: Record<string, string>
  }

  it('action.yml declares exactly the inputs parseActionInputs reads, each with a description', () => {
    const { getInput, asked } = inputs({})
    parseActionInputs(getInput)
    expect(Object.keys(action.inputs).sort()).toEqual([...asked].sort())
    for (const input of Object.values(action.inputs)) expect(typeof input.description).toBe('string')
  })

  it('action.yml defaults match the parser defaults', () => {
    const defaultOf = (name: string): string | undefined => action.inputs[name]?.default
    expect(defaultOf('manifest-path')).toBe(INPUT_DEFAULTS.manifestPath)
    expect(defaultOf('command')).toBe(INPUT_DEFAULTS.command)
    expect(defaultOf('fail-on')).toBe(INPUT_DEFAULTS.failOn)
    expect(defaultOf('report-path')).toBe(INPUT_DEFAULTS.reportPath)
    expect(defaultOf('annotate')).toBe(INPUT_DEFAULTS.annotate)
    for (const name of ['workspace', 'release', 'all-features', 'no-default-features', 'locked', 'offline', 'suggest']) {
      expect(defaultOf(name)).toBe('false')
    }
  })

  it('action.yml declares the outputs and runs on node24', () => {
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'report', 'sarif', 'comment-url', 'verdict'])
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})

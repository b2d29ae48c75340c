/**
 * Action inputs (see action.yml) -> typed settings. All input validation happens here; every error is a
 * one-line `UserError` naming the input.
 */
import { checkProfileName, splitFeatures } from './cli/args.js'
import { UserError } from './errors.js'
import { defaultInvocation, type Command, type Invocation } from './model/types.js'

/** The lowest finding severity that fails the run; `never` reports without failing. */
export type FailOn = 'error' | 'warning' | 'never'

/** Everything the action's inputs select. */
export interface ActionSettings {
  /** The cargo command being predicted, with its package, target, feature and profile selection. */
  invocation: Invocation
  /** Path to the workspace's `Cargo.toml` (input `manifest-path`, default `Cargo.toml`). */
  manifestPath: string
  /** Input `fail-on`, default `error`. */
  failOn: FailOn
  /** Where to write the JSON report (input `report-path`, default `rust-linkage-report.json`). */
  reportPath: string
}

/** Input defaults, as declared in action.yml. */
export const INPUT_DEFAULTS = {
  manifestPath: 'Cargo.toml',
  command: 'build',
  failOn: 'error',
  reportPath: 'rust-linkage-report.json'
} as const satisfies { manifestPath: string; command: Command; failOn: FailOn; reportPath: string }

const COMMANDS: readonly Command[] = ['build', 'test']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']

/**
 * Reads and validates the action inputs.
 *
 * @param getInput returns an input's value, `''` when it is not set (`core.getInput` does exactly this).
 * @throws UserError naming the input at fault.
 */
export function parseActionInputs(getInput: (name: string) => string): ActionSettings {
  const read = (name: string): string => getInput(name).trim()

  const packages = readList(read('packages'))
  const workspace = readBoolean('workspace', read('workspace'))
  const exclude = readList(read('exclude'))
  if (exclude.length > 0 && !workspace) {
    throw new UserError('input `exclude` can only be used together with `workspace: true`')
  }

  const target = read('target')
  if (/\s/u.test(target)) {
    throw new UserError(`input \`target\` must be a single target triple, got \`${target}\``)
  }

  const release = readBoolean('release', read('release'))
  const profileInput = read('profile')
  const profile = profileInput === '' ? null : checkProfileName(profileInput, 'input `profile`')
  // cargo refuses `--release` together with any `--profile`, even `--profile release`.
  if (release && profile !== null) {
    throw new UserError('inputs `release` and `profile` cannot be used together; `release: true` is the same as `profile: release`')
  }

  const invocation = defaultInvocation({
    command: readChoice('command', read('command'), COMMANDS, INPUT_DEFAULTS.command),
    packages,
    workspace,
    exclude,
    release,
    profile,
    target: target === '' ? null : target,
    features: unique(splitFeatures(read('features'))),
    allFeatures: readBoolean('all-features', read('all-features')),
    noDefaultFeatures: readBoolean('no-default-features', read('no-default-features')),
    locked: readBoolean('locked', read('locked')),
    offline: readBoolean('offline', read('offline'))
  })

  return {
    invocation,
    manifestPath: read('manifest-path') || INPUT_DEFAULTS.manifestPath,
    failOn: readChoice('fail-on', read('fail-on'), FAIL_ON, INPUT_DEFAULTS.failOn),
    reportPath: read('report-path') || INPUT_DEFAULTS.reportPath
  }
}

/**
 * A boolean input in the YAML 1.2 core schema forms that `core.getBooleanInput` accepts; empty means false
 * (every boolean input defaults to false).
 */
function readBoolean(name: string, value: string): boolean {
  if (value === '') return false
  if (value === 'true' || value === 'True' || value === 'TRUE') return true
  if (value === 'false' || value === 'False' || value === 'FALSE') return false
  throw new UserError(`input \`${name}\` must be true or false, got \`${value}\``)
}

function readChoice<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback
  const found = allowed.find(a => a === value)
  if (found === undefined) throw new UserError(`input \`${name}\` must be one of ${allowed.join(', ')}, got \`${value}\``)
  return found
}

/** A list input: one item per line, or separated by commas or spaces. Duplicates are dropped, order is kept. */
function readList(value: string): string[] {
  return unique(value.split(/[\s,]+/u).filter(item => item !== ''))
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

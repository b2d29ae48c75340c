/**
 * Action inputs (see action.yml) -> typed settings. All input validation happens here; every error is a
 * one-line `UserError` naming the input.
 */
import { checkProfileName, splitFeatures } from './model/invocation.js'
import { UserError } from './errors.js'
import { defaultInvocation, type Command, type Invocation } from './model/invocation.js'
import type { AnnotateMode } from './report/annotations.js'
import type { FailOn } from './report/report.js'

/** When to keep a sticky comment on the pull request. */
export type CommentMode = 'off' | 'always' | 'on-findings'

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
  /** Input `policy`: the policy file, or null for `.github/rust-linkage.toml` when it exists. */
  policy: string | null
  /** Input `baseline`: a JSON report from the base branch, or null. */
  baseline: string | null
  /** Input `sarif-file`: where to write SARIF, or null for none. */
  sarifFile: string | null
  /** Input `comment`, default `off`. */
  comment: CommentMode
  /** Input `comment-key`: tells apart the comments of several jobs on one pull request. */
  commentKey: string
  /**
   * Input `annotate`, default `all`: on a pull request, annotate only the findings on its changed lines
   * (`changed-lines`) or in its changed files (`changed-files`).
   */
  annotate: AnnotateMode
  /** Input `suggest`: post the verified fixes on lines the pull request changed as suggested changes of one review. */
  suggest: boolean
  /** Input `github-token`, for the comment, the review and the pull request's changed lines. */
  token: string
  /** Input `rust-toolchain`: the rustup toolchain cargo and rustc run with; null for what the repository pins. */
  rustToolchain: string | null
  /** Input `allow-privileged-trigger`: run under `pull_request_target`, `workflow_run` or `issue_comment`. */
  allowPrivilegedTrigger: boolean
  /** Input `trust-repository-config`: let cargo run what the repository's config and toolchain file name. */
  trustRepositoryConfig: boolean
  /** Input `install-toolchain`: let rustup download a toolchain that is not installed. */
  installToolchain: boolean
  /** Input `timeout` (seconds), as milliseconds: how long one cargo or rustc call may take. */
  timeoutMs: number
  /**
   * Input `publish-report`: a JSON report of an earlier run to post to its pull request, instead of analysing;
   * null to analyse.
   */
  publishReport: string | null
}

/** Input defaults, as declared in action.yml. */
export const INPUT_DEFAULTS = {
  manifestPath: 'Cargo.toml',
  command: 'build',
  failOn: 'error',
  reportPath: 'rust-linkage-report.json',
  comment: 'off',
  commentKey: 'default',
  annotate: 'all',
  timeoutSeconds: 300
} as const satisfies {
  manifestPath: string
  command: Command
  failOn: FailOn
  reportPath: string
  comment: CommentMode
  commentKey: string
  annotate: AnnotateMode
  timeoutSeconds: number
}

const COMMANDS: readonly Command[] = ['build', 'test', 'bench']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const COMMENT: readonly CommentMode[] = ['off', 'always', 'on-findings']
const ANNOTATE: readonly AnnotateMode[] = ['all', 'changed-lines', 'changed-files']

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

  const command = readChoice('command', read('command'), COMMANDS, INPUT_DEFAULTS.command)
  if (command === 'bench' && release) {
    throw new UserError('input `release` cannot be used with `command: bench`, which uses the `bench` profile (it inherits `release`)')
  }

  const invocation = defaultInvocation({
    command,
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

  const comment = readChoice('comment', read('comment'), COMMENT, INPUT_DEFAULTS.comment)
  const publishReport = read('publish-report') || null
  if (publishReport !== null && comment === 'off') {
    throw new UserError('input `publish-report` posts the report as a pull-request comment: set `comment` to `always` or `on-findings`')
  }
  const suggest = readBoolean('suggest', read('suggest'))
  // A published report may be forged: its fixes are never offered as changes to commit.
  if (publishReport !== null && suggest) {
    throw new UserError('input `suggest` posts the fixes of this run\'s own analysis and cannot be used with `publish-report`, which analyses nothing')
  }

  return {
    invocation,
    manifestPath: read('manifest-path') || INPUT_DEFAULTS.manifestPath,
    failOn: readChoice('fail-on', read('fail-on'), FAIL_ON, INPUT_DEFAULTS.failOn),
    reportPath: read('report-path') || INPUT_DEFAULTS.reportPath,
    policy: read('policy') || null,
    baseline: read('baseline') || null,
    sarifFile: read('sarif-file') || null,
    comment,
    commentKey: readCommentKey(read('comment-key')),
    annotate: readChoice('annotate', read('annotate'), ANNOTATE, INPUT_DEFAULTS.annotate),
    suggest,
    token: read('github-token'),
    rustToolchain: readToolchainName(read('rust-toolchain')),
    allowPrivilegedTrigger: readBoolean('allow-privileged-trigger', read('allow-privileged-trigger')),
    trustRepositoryConfig: readBoolean('trust-repository-config', read('trust-repository-config')),
    installToolchain: readBoolean('install-toolchain', read('install-toolchain')),
    timeoutMs: readSeconds('timeout', read('timeout'), INPUT_DEFAULTS.timeoutSeconds) * 1000,
    publishReport
  }
}

/** Events whose jobs hold a write token and secrets while they may look at pull-request code. */
export const PRIVILEGED_EVENTS = ['pull_request_target', 'workflow_run', 'issue_comment'] as const

/**
 * Refuses privileged events unless the workflow opted in: cargo can run programs a pull request names, and
 * under these events they would run with the repository's write token and secrets.
 */
export function checkTrigger(event: string | undefined, allowed: boolean): void {
  if (allowed || event === undefined || !(PRIVILEGED_EVENTS as readonly string[]).includes(event)) return
  throw new UserError(
    `refusing to run under \`${event}\`: that job has a write token and secrets, and pull-request code it checks out could use them; run this action in a \`pull_request\` workflow and post its report from a \`workflow_run\` workflow with \`publish-report\`, or set \`allow-privileged-trigger: true\` if the checkout is trusted`
  )
}

/** A whole number of seconds, 1 to 86400. */
export function readSeconds(name: string, value: string, fallback: number): number {
  if (value === '') return fallback
  const seconds = Number(value)
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > 86_400) {
    throw new UserError(`input \`${name}\` must be a whole number of seconds from 1 to 86400, got \`${value}\``)
  }
  return seconds
}

/** A rustup toolchain name (`stable`, `1.95.0`, `nightly-2026-05-20-x86_64-unknown-linux-gnu`), never a path. */
function readToolchainName(value: string): string | null {
  if (value === '') return null
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/u.test(value)) {
    throw new UserError(`input \`rust-toolchain\` must name a rustup toolchain such as \`stable\`, \`1.95.0\` or \`nightly-2026-05-20\`, got \`${value}\``)
  }
  return value
}

function readCommentKey(value: string): string {
  if (value === '') return INPUT_DEFAULTS.commentKey
  if (!/^[A-Za-z0-9._/-]{1,100}$/u.test(value)) {
    throw new UserError(`input \`comment-key\` may only contain letters, digits, \`.\`, \`_\`, \`/\` and \`-\` (at most 100), got \`${value}\``)
  }
  return value
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

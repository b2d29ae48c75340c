/** The policy file and the baseline report: found, read within the repository and limits, and applied to a report. */
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors.js'
import { InputFileError, readInputFile, type RepositoryScope, scopeFor } from '../input-file.js'
import { type Baseline, parseBaseline } from '../policy/baseline.js'
import { applyGate, type GateInputs } from '../policy/gate.js'
import { DEFAULT_POLICY_FILE, parsePolicy, type Policy } from '../policy/policy.js'
import type { Analysis, FailOn, Report } from '../report/report.js'

/** A policy file, read and parsed. */
export interface LoadedPolicy {
  policy: Policy
  /** Absolute path. */
  path: string
}

export interface PolicyLocation {
  /** A policy file given explicitly: it must exist. Relative paths are resolved against `cwd`. */
  policy: string | null
  /** Where to look when none is given: a path (used when it exists), or `search` for the nearest `.github/rust-linkage.toml`. */
  defaultPolicy: string | 'search' | null
  cwd: string
  /** Where `search` starts: the manifest's directory. It stops at a directory holding `.git`. */
  searchFrom: string
  /**
   * The repository (the action's workspace): a policy file that lies in it, named or found, is read only if
   * its real path stays inside it. One outside it, named by an absolute path, is the workflow's choice.
   */
  scope?: RepositoryScope | null
}

/** Reads the policy file, if there is one. Read before the analysis: `exact-toolchain` is an input to it. */
export function loadPolicy(where: PolicyLocation): LoadedPolicy | null {
  const file = where.policy !== null ? path.resolve(where.cwd, where.policy) : defaultPolicyPath(where)
  if (file === null) return null
  const shown = displayPath(file, where.cwd)
  return { policy: parsePolicy(readTextFile(file, 'policy', 'policy file', shown, scopeFor(where.scope ?? null, file)), shown), path: file }
}

function defaultPolicyPath(where: PolicyLocation): string | null {
  if (where.defaultPolicy === null) return null
  if (where.defaultPolicy !== 'search') {
    const file = path.resolve(where.cwd, where.defaultPolicy)
    return fs.existsSync(file) ? file : null
  }
  for (let dir = path.resolve(where.searchFrom); ; dir = path.dirname(dir)) {
    const file = path.join(dir, DEFAULT_POLICY_FILE)
    if (fs.existsSync(file)) return file
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel
}

export interface GateFiles {
  failOn: FailOn
  policy: LoadedPolicy | null
  baseline: string | null
  cwd: string
  /** The repository: a baseline that lies in it is read only if its real path stays inside it. */
  scope?: RepositoryScope | null
}

/** Applies the policy and the baseline file to the report and decides the verdict. */
export function gateReport(analysis: Analysis, files: GateFiles): Report {
  const policy: GateInputs['policy'] =
    files.policy === null ? null : { policy: files.policy.policy, file: path.relative(analysis.workspaceRoot, files.policy.path).split(path.sep).join('/') }
  const baseline = files.baseline === null ? null : readBaseline(files.baseline, files)
  return applyGate(analysis, { failOn: files.failOn, policy, baseline, today: new Date().toISOString().slice(0, 10) })
}

function readBaseline(given: string, files: GateFiles): Baseline {
  const file = path.resolve(files.cwd, given)
  return parseBaseline(readTextFile(file, 'baseline', 'baseline', given, scopeFor(files.scope ?? null, file)), given)
}

function readTextFile(file: string, kind: 'policy' | 'baseline', what: string, shown: string, within: RepositoryScope | null): string {
  try {
    return readInputFile(file, kind, { shown, within })
  } catch (e) {
    if (e instanceof InputFileError) throw new UserError(`cannot read ${what} \`${shown}\`: ${e.reason}`)
    throw e
  }
}

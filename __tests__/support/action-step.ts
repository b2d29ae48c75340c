import fs from 'node:fs'
import path from 'node:path'
import { parseStepOutputs } from './step-outputs.js'

/** One step that runs the action (`node dist/index.js`, which the caller starts), set up as the runner sets it up. */
export interface ActionStep {
  /** The step's whole environment. */
  env: Record<string, string>
  /** What the step wrote to its summary and outputs files, read once it has ended. */
  written(): { summary: string; outputs: Record<string, string>; outputFile: string }
}

export interface ActionStepOptions {
  /** The checkout: `GITHUB_WORKSPACE`, and the step's working directory. */
  workspace: string
  /** The step's `with:` inputs, by name as `action.yml` spells them. */
  inputs?: Record<string, string>
  /** A directory of the test's own, where the step's files are made. */
  scratch: string
  /**
   * The environment the step starts from (default this process's), without what the runner sets: `INPUT_*`,
   * `GITHUB_*` and `RUNNER_*` are dropped from it.
   */
  base?: Record<string, string | undefined>
  /** Variables set last, over everything else. */
  env?: Record<string, string>
  /** The step's files, when the test made them itself (empty files are made otherwise). */
  files?: { summary?: string; output?: string }
}

let steps = 0

/**
 * The environment and files of one action step: the inputs as `INPUT_<NAME>` (upper-cased, as the runner does),
 * `GITHUB_WORKSPACE`, and empty `GITHUB_STEP_SUMMARY` and `GITHUB_OUTPUT` files of its own.
 */
export function actionStep(options: ActionStepOptions): ActionStep {
  const id = `${process.pid}-${steps++}`
  const summaryFile = options.files?.summary ?? path.join(options.scratch, `step-${id}-summary.md`)
  const outputFile = options.files?.output ?? path.join(options.scratch, `step-${id}-output.txt`)
  if (options.files?.summary === undefined) fs.writeFileSync(summaryFile, '')
  if (options.files?.output === undefined) fs.writeFileSync(outputFile, '')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(options.base ?? process.env)) {
    if (v !== undefined && !/^(?:INPUT|GITHUB|RUNNER)_/.test(k)) env[k] = v
  }
  for (const [k, v] of Object.entries(options.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v
  Object.assign(env, { GITHUB_WORKSPACE: options.workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile }, options.env)
  return {
    env,
    written: () => {
      const output = fs.readFileSync(outputFile, 'utf8')
      return { summary: fs.readFileSync(summaryFile, 'utf8'), outputs: parseStepOutputs(output), outputFile: output }
    }
  }
}

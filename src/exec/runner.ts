import * as exec from '@actions/exec'
import { CommandError } from '../errors.js'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** The complete environment of the child process. */
  env?: Record<string, string>
  /** Standard input, closed after it (rustc's `-` reads to end of file); none when absent. */
  input?: string
}

/** Runs a program with an argument array (never through a shell) and captures its output. */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>
}

/** The runner used by the action and the CLI: `@actions/exec`, silent, output captured, never streamed. */
export const execRunner: CommandRunner = {
  async run(command, args, options = {}) {
    try {
      const result = await exec.getExecOutput(command, [...args], {
        cwd: options.cwd,
        env: options.env,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: true,
        ignoreReturnCode: true
      })
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
    } catch (error) {
      // @actions/exec throws when the program cannot be found or started.
      const reason = error instanceof Error ? error.message : String(error)
      throw new CommandError(`could not run \`${command}\`: ${reason}`, command, args, '')
    }
  }
}

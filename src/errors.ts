/**
 * Errors that end a run without a verdict. Findings are values, never exceptions: these are only for
 * "could not analyse". Each message is one line that names the file, field, flag or input at fault.
 */
import { withCodePoints } from './text.js'

/** Bad input from the user: a flag, an action input, a file we were pointed at. Exit code 2. */
export class UserError extends Error {
  readonly exitCode: number = 2
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/** Whose fault a failed command is: the input it was given (exit code 2) or the environment (exit code 3). */
export type CommandFault = 'input' | 'environment'

/**
 * A command failed: it could not be started, failed, or took too long (the environment's fault, exit code 3),
 * or it refused the input it was given, such as cargo rejecting the repository's manifest, lock file or
 * config (the input's fault, exit code 2, like any bad input). The command's own output is kept.
 */
export class CommandError extends UserError {
  override readonly exitCode: number
  constructor(
    message: string,
    readonly command: string,
    readonly args: readonly string[],
    readonly stderr: string,
    readonly fault: CommandFault = 'environment'
  ) {
    super(message)
    this.name = 'CommandError'
    this.exitCode = fault === 'input' ? 2 : 3
  }
}

/** Formats any thrown value as the single line shown to users; non-UserErrors are internal bugs. */
export function describeError(error: unknown): { message: string; internal: boolean } {
  if (error instanceof UserError) return { message: oneLine(error.message), internal: false }
  const message = error instanceof Error ? error.message : String(error)
  return { message: `internal error: ${oneLine(message)} (please report this with the command line you used)`, internal: true }
}

/**
 * Folds line breaks (e.g. from an excerpt of bad input) so an error is always one line, and shows every
 * other control, bidi and zero-width character as its code point, so a name quoted in an error cannot send
 * escape sequences to a terminal or a log.
 */
function oneLine(message: string): string {
  return withCodePoints(message.replace(/\s*[\r\n]+\s*/g, ' ').trim())
}

import { spawn } from 'node:child_process'
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

/** How long one `cargo` or `rustc` call may take by default: `cargo metadata` may download sources. */
export const DEFAULT_TIMEOUT_MS = 300_000

/**
 * Runs programs directly (no shell), output captured and never streamed. A call that outlives `timeoutMs`
 * is killed with its whole process group (cargo's rustc children included) and fails with a CommandError.
 */
export function processRunner(timeoutMs = DEFAULT_TIMEOUT_MS): CommandRunner {
  return {
    run(command, args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
          cwd: options.cwd,
          env: options.env,
          stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
          // Its own process group, so that a timeout can end everything it started.
          detached: process.platform !== 'win32',
          windowsHide: true
        })
        const stdout: Buffer[] = []
        const stderr: Buffer[] = []
        child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk))
        child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk))
        if (options.input !== undefined) child.stdin?.end(options.input)
        let timedOut = false
        const timer = setTimeout(() => {
          timedOut = true
          kill(child.pid)
        }, timeoutMs)
        child.on('error', error => {
          clearTimeout(timer)
          const code = (error as NodeJS.ErrnoException).code
          const reason = code === 'ENOENT' ? 'it was not found; install it or put it on PATH' : code === 'EACCES' ? 'it is not executable' : error.message
          reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ''))
        })
        child.on('close', (code, signal) => {
          clearTimeout(timer)
          const text = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }
          if (timedOut) {
            const shown = [command.split(/[\\/]/).pop(), ...args.slice(0, 1)].join(' ')
            reject(new CommandError(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`, command, args, text.stderr))
            return
          }
          resolve({ exitCode: code ?? (signal === null ? 1 : 128), ...text })
        })
      })
    }
  }
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}

/** The runner used by the action and the CLI unless a timeout is given. */
export const execRunner: CommandRunner = processRunner()

import { spawn } from 'node:child_process'
import { CommandError } from '../errors.js'
import { formatSize, MAX_METADATA_BYTES, MAX_STDERR_BYTES, STDERR_KEPT } from '../limits.js'
import { onInterrupt } from './interrupt.js'

export interface CommandResult {
  exitCode: number
  stdout: string
  /** Its beginning and end when it was long (`STDERR_KEPT`), with a line saying how much was left out. */
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** The complete environment of the child process. */
  env?: Record<string, string>
  /** Standard input, closed after it (rustc's `-` reads to end of file); none when absent. */
  input?: string
  /** The most standard output to accept (default: the runner's); a program printing more is stopped. */
  maxStdoutBytes?: number
  /** Stops the program (its whole process group) when aborted; the call then fails. */
  signal?: AbortSignal
}

/** Runs a program with an argument array (never through a shell) and captures its output. */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>
}

/** How long one `cargo` or `rustc` call may take by default: `cargo metadata` may download sources. */
export const DEFAULT_TIMEOUT_MS = 300_000

export interface OutputLimits {
  /** Default `MAX_METADATA_BYTES`: `cargo metadata` prints the most of any program run. */
  maxStdoutBytes?: number
  /** Default `MAX_STDERR_BYTES`. */
  maxStderrBytes?: number
}

/**
 * Runs programs directly (no shell), output captured and never streamed. A call that outlives `timeoutMs`, or
 * prints more than its limit on stdout or stderr, is killed with its whole process group (cargo's rustc
 * children included) and fails with a one-line CommandError. No more than the limit is ever held in memory,
 * and of stderr only its beginning and end.
 */
export function processRunner(timeoutMs = DEFAULT_TIMEOUT_MS, limits: OutputLimits = {}): CommandRunner {
  return {
    run(command, args, options = {}) {
      const maxStdout = options.maxStdoutBytes ?? limits.maxStdoutBytes ?? MAX_METADATA_BYTES
      const maxStderr = limits.maxStderrBytes ?? MAX_STDERR_BYTES
      return new Promise((resolve, reject) => {
        // The child's listeners reach the promise only through this, cleared once it is settled: node keeps the
        // ChildProcess, and so its listeners, a while after its exit, and the promise holds all of stdout.
        let settle: { resolve: typeof resolve; reject: typeof reject } | null = { resolve, reject }
        const settled = (): { resolve: typeof resolve; reject: typeof reject } => {
          const once = settle ?? { resolve: () => undefined, reject: () => undefined }
          settle = null
          return once
        }
        if (options.signal?.aborted) {
          reject(new CommandError(`\`${shownCommand(command, args)}\` was not run: the analysis had already stopped`, command, args, ''))
          return
        }
        const child = spawn(command, [...args], {
          cwd: options.cwd,
          env: options.env,
          stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
          // Its own process group, so that a timeout can end everything it started.
          detached: process.platform !== 'win32',
          windowsHide: true
        })
        // A signal that ends the run ends the program's group too: Ctrl-C reaches only the terminal's group.
        const forget = onInterrupt(() => kill(child.pid))
        const stdout = new Capture()
        const stderr = new HeadAndTail(STDERR_KEPT.head, STDERR_KEPT.tail)
        const shown = shownCommand(command, args)
        /** Why the program was stopped: the message of the call's error. */
        let stopped: string | null = null
        const stop = (message: string): void => {
          if (stopped !== null) return
          stopped = message
          kill(child.pid)
          // Nothing more is read (what the pipes still hold is dropped), and a process that left the group
          // holding them open cannot keep the call waiting.
          child.stdout!.destroy()
          child.stderr!.destroy()
        }
        child.stdout!.on('data', (chunk: Buffer) => {
          if (stopped !== null) return
          if (stdout.size + chunk.length > maxStdout) stop(`\`${shown}\` printed more than ${formatSize(maxStdout)} on standard output and was stopped`)
          else stdout.add(chunk)
        })
        child.stderr!.on('data', (chunk: Buffer) => {
          if (stopped !== null) return
          if (stderr.total + chunk.length > maxStderr) stop(`\`${shown}\` printed more than ${formatSize(maxStderr)} on standard error and was stopped`)
          else stderr.add(chunk)
        })
        const onAbort = (): void => stop(`\`${shown}\` was no longer needed (another step of the analysis failed) and was stopped`)
        options.signal?.addEventListener('abort', onAbort, { once: true })
        if (options.input !== undefined) child.stdin?.end(options.input)
        const timer = setTimeout(() => {
          stop(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`)
        }, timeoutMs)
        child.on('error', error => {
          clearTimeout(timer)
          forget()
          options.signal?.removeEventListener('abort', onAbort)
          const code = (error as NodeJS.ErrnoException).code
          const reason = code === 'ENOENT' ? 'it was not found; install it or put it on PATH' : code === 'EACCES' ? 'it is not executable' : error.message
          settled().reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ''))
        })
        child.on('close', (code, signal) => {
          clearTimeout(timer)
          forget()
          options.signal?.removeEventListener('abort', onAbort)
          const errors = stderr.text()
          const { resolve, reject } = settled()
          if (stopped !== null) {
            reject(new CommandError(stopped, command, args, errors))
            return
          }
          resolve({ exitCode: code ?? (signal === null ? 1 : 128), stdout: stdout.text(), stderr: errors })
        })
      })
    }
  }
}

/**
 * A runner whose calls that are still running are stopped, with their process groups, by `cancel()`: once one
 * step of an analysis fails, nothing it started in parallel keeps running (or keeps the process alive).
 */
export function cancellable(runner: CommandRunner): CommandRunner & { cancel(): void } {
  const controller = new AbortController()
  return {
    run(command, args, options = {}) {
      const signal = options.signal === undefined ? controller.signal : AbortSignal.any([options.signal, controller.signal])
      return runner.run(command, args, { ...options, signal })
    },
    cancel: () => controller.abort()
  }
}

/** All of a stream, in the chunks it came in. */
class Capture {
  private chunks: Buffer[] = []
  size = 0

  add(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
  }

  text(): string {
    const whole = Buffer.concat(this.chunks, this.size)
    this.chunks = []
    return whole.toString('utf8')
  }
}

/** The first `headBytes` and the last `tailBytes` of a stream, and how long it was. */
class HeadAndTail {
  private head: Buffer[] = []
  private headSize = 0
  private tail: Buffer[] = []
  private tailSize = 0
  total = 0

  constructor(
    private readonly headBytes: number,
    private readonly tailBytes: number
  ) {}

  add(chunk: Buffer): void {
    this.total += chunk.length
    if (this.headSize < this.headBytes) {
      const taken = chunk.subarray(0, this.headBytes - this.headSize)
      this.head.push(taken)
      this.headSize += taken.length
      chunk = chunk.subarray(taken.length)
      if (chunk.length === 0) return
    }
    this.tail.push(chunk)
    this.tailSize += chunk.length
    while (this.tailSize - this.tail[0]!.length >= this.tailBytes) this.tailSize -= this.tail.shift()!.length
  }

  /** The text kept; when some was left out, cut at line breaks, with a line in between saying how much. */
  text(): string {
    let tail = Buffer.concat(this.tail, this.tailSize)
    if (tail.length > this.tailBytes) tail = tail.subarray(tail.length - this.tailBytes)
    const head = Buffer.concat(this.head, this.headSize).toString('utf8')
    const left = this.total - this.headSize - tail.length
    if (left === 0) return head + tail.toString('utf8')
    const end = tail.toString('utf8')
    // A line cut in two is dropped, unless it is all there is.
    const headEnd = head.lastIndexOf('\n')
    const headLines = headEnd < 0 ? `${head}\n` : head.slice(0, headEnd + 1)
    const tailLines = end.slice(end.indexOf('\n') + 1)
    const cut = this.total - Buffer.byteLength(headLines) - Buffer.byteLength(tailLines)
    return `${headLines}[${formatSize(Math.max(cut, 0))} of output left out]\n${tailLines}`
  }
}

/** How a command is named in messages: the program and its subcommand or main option (`cargo metadata`, `rustc --print`). */
function shownCommand(command: string, args: readonly string[]): string {
  const name = command.split(/[\\/]/).pop()
  // The probe's first argument is its input file (the null device): name what it does instead.
  const main = args.some(a => a.startsWith('--print')) ? '--print' : args[0]
  return main === undefined ? `${name}` : `${name} ${main}`
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

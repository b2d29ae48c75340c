/**
 * A `CommandRunner` that runs nothing: each call is recorded and answered by a script, so the gathering layer
 * and `check()` can be tested without cargo, rustc or rustup. It keeps the real runner's contract: a call
 * whose signal is aborted, before or while it waits for its answer, fails with a `CommandError`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CommandError } from '../../src/errors.js'
import type { CommandResult, CommandRunner, RunOptions } from '../../src/exec/runner.js'

/** One call the code under test made, with the options it passed. */
export interface Call {
  command: string
  args: readonly string[]
  options: RunOptions
  /** Whether the call was stopped through its signal before it was answered. */
  aborted: boolean
}

/** What a call gets: the program's output (exit code 0 and empty streams unless given), or an error to throw. */
export type Answer = Partial<CommandResult> | Error

/** Answers one call; may wait (e.g. for another call to arrive) before answering. */
export type Script = (call: Call) => Answer | Promise<Answer>

export type FakeRunner = CommandRunner & { calls: Call[] }

export function fakeRunner(script: Script): FakeRunner {
  const calls: Call[] = []
  return {
    calls,
    run(command, args, options = {}) {
      const call: Call = { command, args: [...args], options, aborted: false }
      calls.push(call)
      const signal = options.signal
      const stopped = (): CommandError => {
        call.aborted = true
        return new CommandError(`\`${path.basename(command)} ${args[0] ?? ''}\` was stopped`, command, args, '')
      }
      if (signal?.aborted) return Promise.reject(stopped())
      return new Promise<CommandResult>((resolve, reject) => {
        const onAbort = (): void => reject(stopped())
        signal?.addEventListener('abort', onAbort, { once: true })
        Promise.resolve()
          .then(() => script(call))
          .then(
            answer => {
              signal?.removeEventListener('abort', onAbort)
              if (answer instanceof Error) reject(answer)
              else resolve({ exitCode: 0, stdout: '', stderr: '', ...answer })
            },
            (error: unknown) => reject(error)
          )
      })
    }
  }
}

/** The program a call ran, with its subcommand: `cargo metadata`, `rustc -vV`, `rustc --print`, `rustup which`. */
export function describeCall(call: Call): string {
  const program = path.basename(call.command)
  return `${program} ${call.args.some(a => a.startsWith('--print')) ? '--print' : call.args[0]}`
}

/**
 * rustup, rustc and cargo as the recording of one toolchain (`rustc -vV`, the probe's stdout and stderr, the
 * target libdir's file names) shows them, with its sysroot moved to `sysroot` (created, libdir populated):
 * `rustup which rustc` names `<sysroot>/bin/rustc`, and `cargo metadata` prints `metadata`.
 */
export function recordedToolchain(recording: string, sysroot: string, metadata: () => string | Answer | Promise<string | Answer>): Script {
  const read = (file: string): string => fs.readFileSync(path.join(recording, file), 'utf8')
  const probeStdout = read('probe.stdout')
  // The first absolute path the probe prints is the sysroot (`--print=sysroot`), the next the target libdir.
  const recordedSysroot = probeStdout.split('\n').find(line => line.startsWith('/'))!
  const libdir = path.join(sysroot, 'lib', 'rustlib', 'x86_64-unknown-linux-gnu', 'lib')
  fs.mkdirSync(libdir, { recursive: true })
  for (const name of read('libdir.txt').split('\n').filter(l => l !== '')) fs.writeFileSync(path.join(libdir, name), '')
  return async call => {
    switch (describeCall(call)) {
      case 'rustup which':
        return { stdout: `${path.join(sysroot, 'bin', 'rustc')}\n` }
      case 'rustc -vV':
        return { stdout: read('rustc-vV.txt') }
      case 'rustc --print':
        return { stdout: probeStdout.split(recordedSysroot).join(sysroot), stderr: read('probe.stderr') }
      case 'cargo metadata': {
        const answer = await metadata()
        return typeof answer === 'string' ? { stdout: answer } : answer
      }
      default:
        return new Error(`the fake toolchain has no answer for \`${call.command} ${call.args.join(' ')}\``)
    }
  }
}

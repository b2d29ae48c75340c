/**
 * The step's side of the runner protocol, written as @actions/core writes it (`core.ts`, `command.ts`,
 * `utils.ts` of actions/toolkit): inputs from `INPUT_*`, log lines, annotations and the failed status.
 * Importing the toolkit's core evaluates its OIDC client, and with it an HTTP stack, on every start: more
 * than the whole analysis of a small workspace costs.
 */
import os from 'node:os'
import { commandLine } from '../report/annotations.js'

/** `core.getInput`: `INPUT_<NAME>`, spaces as underscores, upper case, trimmed; `''` when it is not set. */
export function getInput(name: string, env: Record<string, string | undefined> = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `core.info`: one line of the log. */
export function info(text: string): void {
  process.stdout.write(`${text}${os.EOL}`)
}

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

/** `core.error`, `core.warning`, `core.notice`: properties in `toCommandProperties`' order, empty ones left out. */
export function annotation(level: 'error' | 'warning' | 'notice', message: string, properties: AnnotationProperties = {}): void {
  const { title, file, startLine } = properties
  // The toolkit leaves out every property whose value is falsy.
  process.stdout.write(`${commandLine(level, [['title', title || undefined], ['file', file || undefined], ['line', startLine || undefined]], message)}${os.EOL}`)
}

/** `core.setFailed`: exit code 1 and an error line. */
export function setFailed(message: string): void {
  process.exitCode = 1
  annotation('error', message)
}

/** `core.setOutput` on a runner without `GITHUB_OUTPUT`: the `set-output` command, after an empty line. */
export function setOutputCommand(name: string, value: string): void {
  process.stdout.write(`${os.EOL}${commandLine('set-output', [['name', name]], value)}${os.EOL}`)
}

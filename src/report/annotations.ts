import path from 'node:path'
import type { Finding } from '../findings/finding.js'
import { isAbsolutePath } from '../model/paths.js'
import { plural } from '../text.js'
import { describeInclusion, findingSubject, groupInclusion } from './render.js'
import type { Report } from './report.js'

/** GitHub records at most this many annotations of each type per step; the rest only reach the log. */
export const ANNOTATIONS_PER_TYPE = 10

/** The runner truncates annotation messages to this many characters. */
const MAX_MESSAGE = 4096

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  /** Repository-relative, forward slashes; absent when the file is outside the repository. */
  file?: string
  line?: number
  title: string
  message: string
}

/** Which findings are annotated (input `annotate`): all, or only those on the pull request's changed lines or files. */
export type AnnotateMode = 'all' | 'changed-lines' | 'changed-files'

export interface AnnotationOptions {
  /** The workspace root relative to the repository root, posix ('' when they are the same). */
  workspacePrefix: string
  /** Whether the pull request changed this repository-relative file and line; absent outside pull requests. */
  isChanged?: (file: string, line: number) => boolean
  /** Whether the pull request changed this repository-relative file; absent outside pull requests. */
  isChangedFile?: (file: string) => boolean
  /**
   * `changed-lines`: only findings whose line, or a related line, the pull request changed (needs `isChanged`);
   * `changed-files`: only findings whose file, or a related line's file, it changed (needs `isChangedFile`).
   * Without the function it needs, every finding is annotated. Default `all`.
   */
  only?: AnnotateMode
  /** Notice slots kept free for other notices of the step (e.g. a comment that could not be posted). */
  reservedNotices?: number
}

/**
 * The annotations to emit, best first, within GitHub's 10 per type: findings on lines the pull request
 * changed, then new before already-known ones, then by severity. Allowed findings are not annotated;
 * findings already in the baseline are notices; findings outside what `only` keeps are left out (`filtered`).
 * When some are hidden or left out, a final notice says how many and where they are.
 */
export function selectAnnotations(report: Report, options: AnnotationOptions): { annotations: Annotation[]; hidden: number; filtered: number } {
  const shown = report.findings.filter(f => f.allowed === undefined)
  const kept = shown.filter(f => keeps(f, options))
  const candidates = kept
    .map((f, order) => {
      const at = annotatedLocation(f, options)
      return { f, order, at, changed: at.file !== undefined && options.isChanged?.(at.file, at.line) === true }
    })
    .sort(
      (a, b) =>
        Number(b.changed) - Number(a.changed) ||
        Number(a.f.baseline === 'existing') - Number(b.f.baseline === 'existing') ||
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.order - b.order
    )
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: options.reservedNotices ?? 0 }
  const annotations: Annotation[] = []
  let hidden = 0
  for (const { f, at } of candidates) {
    const level = levelOf(f)
    // One notice slot stays free for the overflow notice.
    const cap = level === 'notice' ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE
    if (used[level] >= cap) {
      hidden++
      continue
    }
    used[level]++
    annotations.push({ level, ...(at.file === undefined ? {} : { file: at.file, line: at.line }), title: titleOf(f), message: messageOf(f, at.note) })
  }
  const filtered = shown.length - kept.length
  if (hidden > 0 || filtered > 0) {
    const where = options.only === 'changed-files' ? 'files' : 'lines'
    const parts = [
      ...(hidden > 0 ? [`${plural(hidden, 'more finding')} in the job summary and the JSON report.`] : []),
      ...(filtered > 0 ? [`${plural(filtered, 'finding')} outside the ${where} this pull request changed ${filtered === 1 ? 'is' : 'are'} not annotated (\`annotate: ${options.only}\`); the job summary has ${filtered === 1 ? 'it' : 'them'}.`] : [])
    ]
    annotations.push({ level: 'notice', title: 'Rust Linkage Guard', message: parts.join(' ') })
  }
  return { annotations, hidden, filtered }
}

/** Whether `only` keeps the finding: its own location or a related one is on a changed line, or in a changed file. */
function keeps(f: Finding, options: AnnotationOptions): boolean {
  const locations = [{ file: f.file, line: f.line }, ...(f.related ?? [])].flatMap(l => {
    const file = repositoryPath(options.workspacePrefix, l.file)
    return file === null ? [] : [{ file, line: l.line }]
  })
  if (options.only === 'changed-lines' && options.isChanged !== undefined) return locations.some(l => options.isChanged!(l.file, l.line))
  if (options.only === 'changed-files' && options.isChangedFile !== undefined) return locations.some(l => options.isChangedFile!(l.file))
  return true
}

const SEVERITY_RANK = { error: 0, warning: 1, note: 2 } as const

function levelOf(f: Finding): AnnotationLevel {
  if (f.baseline === 'existing') return 'notice'
  return f.severity === 'note' ? 'notice' : f.severity
}

/**
 * Where to annotate: the finding's own line, or a related line (such as the `[workspace.dependencies]`
 * entry) when only that one changed in the pull request.
 */
function annotatedLocation(f: Finding, options: AnnotationOptions): { file?: string; line: number; note: string | null } {
  const primary = repositoryPath(options.workspacePrefix, f.file)
  if (primary !== null && options.isChanged?.(primary, f.line) !== false) return { file: primary, line: f.line, note: null }
  for (const r of f.related ?? []) {
    const file = repositoryPath(options.workspacePrefix, r.file)
    if (file !== null && options.isChanged?.(file, r.line)) return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` }
  }
  // Kept for a changed file: annotated in it, where the pull request's diff shows it.
  if (options.only === 'changed-files' && options.isChangedFile !== undefined && !(primary !== null && options.isChangedFile(primary))) {
    for (const r of f.related ?? []) {
      const file = repositoryPath(options.workspacePrefix, r.file)
      if (file !== null && options.isChangedFile(file)) return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` }
    }
  }
  return primary === null ? { line: f.line, note: `At ${f.file}:${f.line}.` } : { file: primary, line: f.line, note: null }
}

/**
 * A workspace-relative path as a repository-relative one, or null when it lies outside the repository:
 * above it, or absolute in either form (`/home/u/.cargo/config.toml`, `C:/Users/…`, `\\server\share\…`),
 * which is also what a workspace prefix is when the workspace sits on another drive.
 */
export function repositoryPath(workspacePrefix: string, file: string): string | null {
  if (isAbsolutePath(file) || isAbsolutePath(workspacePrefix)) return null
  const joined = path.posix.normalize(path.posix.join(workspacePrefix.split(path.sep).join('/'), file.split(path.sep).join('/')))
  if (joined.startsWith('../') || joined === '..') return null
  return joined.replace(/^\.\//, '')
}

function titleOf(f: Finding): string {
  const subject = findingSubject(f).replace(/`/g, '')
  return `${f.rule}: ${subject}${f.baseline === 'existing' ? ' (already in the baseline)' : ''}`
}

function messageOf(f: Finding, note: string | null): string {
  const parts = [f.message]
  if (note !== null) parts.push(note)
  const inclusion = f.inclusion ?? []
  if (inclusion.length > 0) parts.push(`How it gets in:\n${groupInclusion(inclusion).map(g => `- ${describeInclusion(g)}`).join('\n')}`)
  const fix = f.fixes[0]
  if (fix !== undefined) parts.push(`Fix${fix.verified ? ' (verified)' : ''}: ${fix.title}`)
  const text = parts.join('\n\n')
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`
}

/** An annotation as a workflow command (`--format github`). */
export function workflowCommand(a: Annotation): string {
  return commandLine(a.level, [['file', a.file], ['line', a.line], ['title', a.title]], a.message)
}

/**
 * A workflow command as the toolkit writes it (`command.ts`), without the line break: the properties that have
 * a value, escaped so that none can add a property, and data that cannot end the command or start another line.
 */
export function commandLine(command: string, properties: readonly (readonly [string, string | number | undefined])[], message: string): string {
  const props = properties
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

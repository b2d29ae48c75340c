import type { Finding, Fix, Severity } from '../findings/finding.js'
import { forwardSlashes, isAbsolutePath, isWindowsPath } from '../model/paths.js'
import { INFORMATION_URI, ruleHelpUri, RULES } from '../rules/registry.js'
import { fixLabel } from './fix-text.js'
import { plainMarkdown } from './render.js'
import type { Report } from './report.js'

/** SARIF 2.1.0 (OASIS), the subset this tool writes. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none'

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: [SarifRun]
}

export interface SarifRun {
  tool: { driver: SarifToolDriver }
  /** GitHub's `runAutomationDetails`: the analysis category. */
  automationDetails?: { id: string }
  invocations: SarifInvocation[]
  originalUriBaseIds?: Record<string, SarifArtifactLocation>
  results: SarifResult[]
}

export interface SarifToolDriver {
  name: string
  informationUri: string
  version: string
  semanticVersion?: string
  rules: SarifReportingDescriptor[]
}

export interface SarifMessageString {
  text: string
  markdown?: string
}

export interface SarifReportingDescriptor {
  id: string
  name: string
  shortDescription: SarifMessageString
  fullDescription: SarifMessageString
  defaultConfiguration: { level: SarifLevel }
  helpUri: string
  help: { text: string; markdown: string }
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low' }
}

export interface SarifInvocation {
  executionSuccessful: boolean
  toolExecutionNotifications?: SarifNotification[]
  properties?: Record<string, string>
}

export interface SarifNotification {
  level: SarifLevel
  message: { text: string }
}

export interface SarifArtifactLocation {
  uri: string
  uriBaseId?: string
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation
  region?: { startLine: number }
}

export interface SarifLocation {
  id?: number
  physicalLocation: SarifPhysicalLocation
  message?: { text: string }
}

export interface SarifSuppression {
  kind: 'inSource' | 'external'
  status?: 'accepted' | 'underReview' | 'rejected'
  justification?: string
  location?: SarifLocation
}

export interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: SarifLevel
  message: SarifMessageString
  locations: SarifLocation[]
  relatedLocations?: SarifLocation[]
  partialFingerprints: Record<string, string>
  suppressions?: SarifSuppression[]
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent'
  properties: SarifResultProperties
}

export interface SarifResultProperties {
  package?: string
  target?: string
  kind?: string
  mode?: string
  /** `false` for an artifact of a `harness = false` target in test mode; absent otherwise. */
  harness?: false
  crateType?: string
  platform?: string
  crates: string[]
  defaultSeverity?: Severity
}

export interface SarifOptions {
  /** Tool version for tool.driver.version / semanticVersion. */
  toolVersion: string
  /** The workspace root relative to the repository root, posix, '' when they are the same. Finding files are relative to the workspace root; SARIF uris must be repository-relative. */
  workspacePrefix: string
  /** runAutomationDetails.id category, e.g. 'rust-linkage-guard/' or with the job/matrix key; optional. */
  category?: string
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
export const SARIF_TOOL_NAME = 'Rust Linkage Guard'
/** Key of `partialFingerprints`; the suffix changes if the fingerprint's definition ever does. */
export const SARIF_FINGERPRINT_KEY = 'rustLinkageGuard/v1'
/** The uriBaseId every repository-relative uri is relative to, as GitHub code scanning expects. */
export const SARIF_SRCROOT = '%SRCROOT%'

/** What GitHub code scanning accepts (hard limits), and caps of our own that keep uploads small. */
export const SARIF_LIMITS = {
  /** GitHub rejects a run with more results. */
  resultsPerRun: 25_000,
  /** GitHub rejects a result with more; counts `locations` and `relatedLocations` together. */
  locationsPerResult: 1_000,
  /** `message.text` and `message.markdown`, in UTF-8 bytes (our own cap). */
  messageBytes: 8 * 1024,
  /** `fullDescription.text` of a rule, in characters. */
  ruleDescriptionChars: 1_024
} as const

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 }
const RULE_TAGS = ['linkage', 'rust']
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

/** The SARIF 2.1.0 log for GitHub code scanning: one run, every rule of the registry, one result per finding. */
export function renderSarif(report: Report, options: SarifOptions): SarifLog {
  // An absolute prefix (the workspace on another drive than the repository) is kept: uris become `file:` uris.
  const prefix = isAbsolutePath(options.workspacePrefix) ? options.workspacePrefix : normalizePath(options.workspacePrefix)
  const notifications: SarifNotification[] = report.notes.map(text => ({ level: 'note', message: { text } }))

  let findings = report.findings
  if (findings.length > SARIF_LIMITS.resultsPerRun) {
    findings = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, SARIF_LIMITS.resultsPerRun)
    const left = report.findings.length - findings.length
    notifications.push({
      level: 'warning',
      message: { text: `${left} finding${left === 1 ? '' : 's'} of lowest severity left out: GitHub code scanning accepts at most ${SARIF_LIMITS.resultsPerRun} results per run; the JSON report has them all.` }
    })
  }

  const semanticVersion = options.toolVersion.replace(/^v/, '')
  const driver = withoutUndefined<SarifToolDriver>({
    name: SARIF_TOOL_NAME,
    informationUri: INFORMATION_URI,
    version: options.toolVersion,
    semanticVersion: SEMVER.test(semanticVersion) ? semanticVersion : undefined,
    rules: RULES.map(ruleDescriptor)
  })

  const invocation = withoutUndefined<SarifInvocation>({
    executionSuccessful: true,
    toolExecutionNotifications: notifications.length > 0 ? notifications : undefined,
    properties: {
      cargoCommand: report.invocation.command,
      profile: report.invocation.profile,
      rustc: report.toolchain.release,
      target: report.toolchain.target
    }
  })
  const root = repositoryRoot(report.workspaceRoot, prefix)
  const run = withoutUndefined<SarifRun>({
    tool: { driver },
    automationDetails: options.category ? { id: options.category } : undefined,
    invocations: [invocation],
    originalUriBaseIds: root !== null ? { [SARIF_SRCROOT]: { uri: root } } : undefined,
    results: findings.map(f => result(f, prefix))
  })
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }
}

function ruleDescriptor(rule: (typeof RULES)[number]): SarifReportingDescriptor {
  const helpUri = ruleHelpUri(rule.id)
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: truncateChars(rule.description, SARIF_LIMITS.ruleDescriptionChars) },
    defaultConfiguration: { level: rule.severity },
    helpUri,
    help: {
      text: `${rule.description}\n\nSee ${helpUri}`,
      markdown: `${rule.description}\n\nSee [the \`${rule.id}\` rule](${helpUri}).`
    },
    properties: { tags: [...RULE_TAGS], precision: 'very-high' }
  }
}

function result(f: Finding, prefix: string): SarifResult {
  const ruleIndex = RULES.findIndex(r => r.id === f.rule)
  const locations = [location(prefix, f.file, f.line)]
  const related = (f.related ?? []).slice(0, SARIF_LIMITS.locationsPerResult - locations.length)
  return withoutUndefined<SarifResult>({
    ruleId: f.rule,
    ruleIndex: ruleIndex >= 0 ? ruleIndex : undefined,
    level: f.severity,
    message: findingMessage(f),
    locations,
    relatedLocations:
      related.length > 0 ? related.map((r, i) => ({ id: i + 1, ...location(prefix, r.file, r.line), message: { text: r.message } })) : undefined,
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    suppressions:
      f.allowed !== undefined
        ? [{ kind: 'external', status: 'accepted', justification: f.allowed.reason, location: location(prefix, f.allowed.file, f.allowed.line) }]
        : undefined,
    baselineState: f.baseline === undefined ? undefined : f.baseline === 'new' ? 'new' : 'unchanged',
    properties: withoutUndefined<SarifResultProperties>({
      package: f.package,
      target: f.target,
      kind: f.kind,
      mode: f.mode,
      harness: f.harness,
      crateType: f.crateType,
      platform: f.platform,
      crates: [...f.crates],
      defaultSeverity: f.defaultSeverity
    })
  })
}

/** Drops keys whose value is undefined, so that the object is what JSON.stringify writes and the schema sees. */
function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

function findingMessage(f: Finding): SarifMessageString {
  const label = (x: Fix): string => fixLabel(f, x).replace(/^f/, 'F')
  const text = [f.message, ...(f.fixes.length > 0 ? ['', ...f.fixes.map(x => `${label(x)}: ${x.title}`)] : [])].join('\n')
  // Repository names inside the messages may hold markdown or HTML: escaped, with no HTML of our own.
  const markdown = [plainMarkdown(f.message)]
  if (f.fixes.length > 0) markdown.push('', '**Fix:**', '', ...f.fixes.map(x => `- ${x.verified ? '(verified) ' : ''}${plainMarkdown(x.title)}`))
  return { text: truncateBytes(text, SARIF_LIMITS.messageBytes), markdown: truncateBytes(markdown.join('\n'), SARIF_LIMITS.messageBytes) }
}

function location(prefix: string, file: string, line: number): SarifLocation {
  return { physicalLocation: { artifactLocation: artifactLocation(prefix, file), region: { startLine: Number.isInteger(line) && line >= 1 ? line : 1 } } }
}

/**
 * A file relative to the workspace root → a repository-relative uri under `%SRCROOT%`. Absolute paths (files
 * outside the workspace, such as a user-level cargo config), in POSIX or Windows form, become `file:` uris
 * without a base; so does every file when the workspace prefix itself is absolute.
 */
export function artifactLocation(workspacePrefix: string, file: string): SarifArtifactLocation {
  if (isAbsolutePath(file)) return { uri: fileUri(file) }
  if (isAbsolutePath(workspacePrefix)) return { uri: fileUri(`${forwardSlashes(workspacePrefix)}/${file}`, false, isWindowsPath(workspacePrefix)) }
  return { uri: encodePath(normalizePath(`${workspacePrefix}/${file}`)), uriBaseId: SARIF_SRCROOT }
}

/** Resolves `.`, `..`, empty segments and trailing slashes; `..` above the start is kept. No leading slash. */
export function normalizePath(p: string): string {
  const out: string[] = []
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else out.push(segment)
  }
  return out.join('/')
}

/**
 * `file:` uri of an absolute path, with a trailing slash when asked: `/x` → `file:///x`, `C:\x` → `file:///C:/x`,
 * `\\server\share\x` → `file://server/share/x` (RFC 8089's form for UNC paths). `windows` tells a UNC path
 * already written with forward slashes from a POSIX `//x`.
 */
export function fileUri(absolute: string, directory = false, windows = isWindowsPath(absolute)): string {
  const p = forwardSlashes(absolute)
  const unc = /^\/\/([^/]+)(\/.*)?$/.exec(p)
  const drive = /^[A-Za-z]:/.exec(p)?.[0]
  const authority = unc !== null && windows ? unc[1]! : ''
  const rest = authority !== '' ? (unc![2] ?? '') : drive !== undefined ? p.slice(2) : p
  const segments = normalizePath(rest).split('/').filter(s => s !== '..').join('/')
  const uriPath = `${drive !== undefined ? `/${drive}` : ''}/${encodePath(segments)}`
  return `file://${authority === '' ? '' : encodePath(authority)}${uriPath}${directory && !uriPath.endsWith('/') ? '/' : ''}`
}

/** The repository root as an absolute `file:` uri, when the workspace root ends with the prefix. */
function repositoryRoot(workspaceRoot: string, prefix: string): string | null {
  if (!isAbsolutePath(workspaceRoot) || isAbsolutePath(prefix) || prefix.startsWith('..')) return null
  const windows = isWindowsPath(workspaceRoot)
  const root = forwardSlashes(workspaceRoot).replace(/\/+$/, '')
  if (prefix === '') return fileUri(root, true, windows)
  if (!root.endsWith(`/${prefix}`)) return null
  return fileUri(root.slice(0, root.length - prefix.length - 1) || '/', true, windows)
}

// RFC 3986 pchar minus ':' (which would make a first segment look like a scheme): unreserved, sub-delims, '@'.
const URI_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/
const encoder = new TextEncoder()

/** Percent-encodes each segment of a posix path so that it is a valid URI reference. */
export function encodePath(p: string): string {
  return p
    .split('/')
    .map(segment => {
      let out = ''
      for (const ch of segment) {
        if (URI_SAFE.test(ch)) out += ch
        else for (const byte of encoder.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
      }
      return out
    })
    .join('/')
}

/** `duplicate-linkage` → `DuplicateLinkage`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(w => w !== '')
    .map(w => w[0]!.toUpperCase() + w.slice(1))
    .join('')
}

const ELLIPSIS = '…'

function truncateChars(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - ELLIPSIS.length)}${ELLIPSIS}`
}

/** Cuts to at most `max` UTF-8 bytes, never inside a code point, ending with an ellipsis when cut. */
function truncateBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text
  const budget = max - encoder.encode(ELLIPSIS).length
  let used = 0
  let out = ''
  for (const ch of text) {
    const size = encoder.encode(ch).length
    if (used + size > budget) break
    used += size
    out += ch
  }
  return `${out}${ELLIPSIS}`
}

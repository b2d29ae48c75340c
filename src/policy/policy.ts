import { UserError } from '../errors.js'
import { adviceFix, type Finding, type Severity } from '../findings/finding.js'
import { findingFingerprint } from '../findings/fingerprint.js'
import { compareFindings } from '../findings/order.js'
import type { PolicySummary } from '../report/report.js'
import { type RuleId, ruleInfo, RULES } from '../rules/registry.js'
import { formatTomlPath, parseTomlDocument, type TomlDocument, type TomlPath, type TomlTable, type TomlValue } from '../toml/document.js'

/** Where the policy file is looked for when none is given. */
export const DEFAULT_POLICY_FILE = '.github/rust-linkage.toml'

/** One `[[allow]]` entry: findings of `rule` that match every given field are reported but never fail the run. */
export interface AllowEntry {
  rule: RuleId
  package?: string
  target?: string
  crate?: string
  reason: string
  /** YYYY-MM-DD; the entry applies up to and including this day. */
  expires?: string
  /** 1-based line of the `[[allow]]` entry. */
  line: number
}

export interface Policy {
  file: string
  /** `exact-toolchain = "1.95.0"`: the toolchain the workspace must be built with; overrides `rust-toolchain.toml`. */
  exactToolchain: { channel: string; line: number } | null
  /** `[rules]`: rule id → severity, or `off` to drop the rule's findings. */
  severities: Map<RuleId, Severity | 'off'>
  severityLines: Map<RuleId, number>
  allow: AllowEntry[]
}

const SEVERITY_VALUES = ['error', 'warning', 'note', 'off'] as const
const RULE_IDS: ReadonlySet<string> = new Set(RULES.map(r => r.id))
const ALLOW_KEYS = ['rule', 'package', 'target', 'crate', 'reason', 'expires'] as const

/**
 * The top-level keys and how each is read. New keys (e.g. toolchain requirements) are added here; anything
 * else is an error, so a typo never silently does nothing.
 */
const TOP_LEVEL = new Map<string, (doc: TomlDocument, value: TomlValue, policy: Policy) => void>([
  ['exact-toolchain', readExactToolchain],
  ['rules', readRules],
  ['allow', readAllow]
])

/** Reads a policy file. Throws a one-line UserError `<file>:<line>: <key>: <problem>` for anything invalid. */
export function parsePolicy(text: string, file: string): Policy {
  const doc = parseTomlDocument(text, file)
  const policy: Policy = { file, exactToolchain: null, severities: new Map(), severityLines: new Map(), allow: [] }
  for (const [key, value] of Object.entries(doc.value)) {
    const read = TOP_LEVEL.get(key)
    if (read === undefined) fail(doc, [key], `unknown key (known: ${[...TOP_LEVEL.keys()].join(', ')})`)
    read(doc, value, policy)
  }
  return policy
}

function readExactToolchain(doc: TomlDocument, value: TomlValue, policy: Policy): void {
  const channel = nonEmptyString(doc, ['exact-toolchain'], value).trim()
  if (!/^(?:\d+\.\d+\.\d+(?:-beta\.\d+)?|(?:stable|beta|nightly)-\d{4}-\d{2}-\d{2})(?:-[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)?$/.test(channel)) {
    fail(doc, ['exact-toolchain'], `expected an exact release such as "1.95.0" or a dated channel such as "nightly-2026-05-20", got ${JSON.stringify(channel)}`)
  }
  policy.exactToolchain = { channel, line: lineOf(doc, ['exact-toolchain']) }
}

function readRules(doc: TomlDocument, value: TomlValue, policy: Policy): void {
  const rules = expectTable(doc, ['rules'], value, 'a table `[rules]` of rule id = severity')
  for (const [id, severity] of Object.entries(rules)) {
    const path = ['rules', id]
    if (!RULE_IDS.has(id)) fail(doc, path, `unknown rule id (known: ${RULES.map(r => r.id).join(', ')})`)
    if (typeof severity !== 'string' || !(SEVERITY_VALUES as readonly string[]).includes(severity)) {
      fail(doc, path, `expected "error", "warning", "note" or "off", got ${describe(severity)}`)
    }
    policy.severities.set(id as RuleId, severity as Severity | 'off')
    policy.severityLines.set(id as RuleId, lineOf(doc, path))
  }
}

function readAllow(doc: TomlDocument, value: TomlValue, policy: Policy): void {
  if (!Array.isArray(value)) fail(doc, ['allow'], `expected an array of tables (\`[[allow]]\`), got ${describe(value)}`)
  value.forEach((element, index) => {
    const at: TomlPath = ['allow', index]
    const table = expectTable(doc, at, element, 'a table')
    for (const key of Object.keys(table)) {
      if (!(ALLOW_KEYS as readonly string[]).includes(key)) fail(doc, [...at, key], `unknown key (known: ${ALLOW_KEYS.join(', ')})`)
    }
    if (table.rule === undefined) fail(doc, at, '`rule` is required')
    const rule = nonEmptyString(doc, [...at, 'rule'], table.rule)
    if (!RULE_IDS.has(rule)) fail(doc, [...at, 'rule'], `unknown rule id \`${rule}\` (known: ${RULES.map(r => r.id).join(', ')})`)
    if (rule === 'unused-allow') fail(doc, [...at, 'rule'], '`unused-allow` findings cannot be allowed; set `[rules] unused-allow = "off"` instead')
    if (table.reason === undefined) fail(doc, at, '`reason` is required: say why the finding is acceptable')
    const entry: AllowEntry = { rule: rule as RuleId, reason: nonEmptyString(doc, [...at, 'reason'], table.reason), line: lineOf(doc, at) }
    for (const key of ['package', 'target', 'crate'] as const) {
      if (table[key] !== undefined) entry[key] = nonEmptyString(doc, [...at, key], table[key])
    }
    if (table.expires !== undefined) entry.expires = calendarDate(doc, [...at, 'expires'], table.expires)
    policy.allow.push(entry)
  })
}

/**
 * Applies the severities and allow entries of a policy to findings (which must not have been through a
 * policy already) and adds an `unused-allow` finding for each entry that matched nothing or has expired.
 * `policyFile` is the policy file relative to the workspace root; `today` is YYYY-MM-DD.
 */
export function applyPolicy(
  findings: readonly Finding[],
  policy: Policy,
  options: { policyFile: string; today: string }
): { findings: Finding[]; summary: PolicySummary } {
  const out: Finding[] = []
  for (const finding of findings) {
    const changed = withSeverity(finding, policy.severities.get(finding.rule as RuleId))
    if (changed !== null) out.push(changed)
  }

  const matched = policy.allow.map(() => false)
  const active = policy.allow.map(entry => entry.expires === undefined || options.today <= entry.expires)
  let allowed = 0
  for (let i = 0; i < out.length; i++) {
    const finding = out[i]!
    let winner: AllowEntry | null = null
    for (let e = 0; e < policy.allow.length; e++) {
      const entry = policy.allow[e]!
      if (!active[e] || !matches(entry, finding)) continue
      // An entry shadowed by an earlier one still counts as used: its fields are right, so it is not stale.
      matched[e] = true
      winner ??= entry
    }
    if (winner !== null) {
      out[i] = { ...finding, allowed: { reason: winner.reason, file: options.policyFile, line: winner.line } }
      allowed++
    }
  }

  policy.allow.forEach((entry, index) => {
    if (active[index] && matched[index]) return
    const finding = unusedAllowFinding(entry, policy, options.policyFile, !active[index])
    if (finding !== null) out.push(finding)
  })

  return {
    findings: out.sort(compareFindings),
    summary: {
      file: options.policyFile,
      severities: Object.fromEntries(policy.severities),
      allowEntries: policy.allow.length,
      allowed
    }
  }
}

function withSeverity(finding: Finding, level: Severity | 'off' | undefined): Finding | null {
  if (level === 'off') return null
  if (level === undefined || level === finding.severity) return finding
  return { ...finding, severity: level, defaultSeverity: finding.defaultSeverity ?? finding.severity }
}

function matches(entry: AllowEntry, finding: Finding): boolean {
  return (
    entry.rule === finding.rule &&
    (entry.package === undefined || entry.package === finding.package) &&
    (entry.target === undefined || entry.target === finding.target) &&
    (entry.crate === undefined || finding.crates.includes(entry.crate))
  )
}

function unusedAllowFinding(entry: AllowEntry, policy: Policy, policyFile: string, expired: boolean): Finding | null {
  const own = ruleInfo('unused-allow').severity
  const level = policy.severities.get('unused-allow') ?? own
  if (level === 'off') return null
  const what = describeEntry(entry)
  const ruleOff = policy.severities.get(entry.rule) === 'off'
  let message: string
  let fixes: string[]
  if (expired) {
    message = `${what} expired on ${entry.expires} and no longer applies: the findings it allowed count again.`
    fixes = ['Fix the findings it covered and remove the entry.', 'Or, if the reason still holds, set a later `expires` date.']
  } else if (ruleOff) {
    message = `${what} has no effect: \`[rules] ${entry.rule} = "off"\` already drops every finding of that rule.`
    fixes = ['Remove the entry, or turn the rule back on.']
  } else {
    message = `${what} matched no finding: remove it, or correct its fields.`
    fixes = [
      'Remove the entry if the finding it was written for is fixed.',
      'Otherwise correct `package`, `target` or `crate` so they name the finding (`package` and `target` are names, not paths; `crate` is one of the finding’s crates).'
    ]
  }
  const crates = entry.crate !== undefined ? [entry.crate] : []
  const finding: Finding = {
    rule: 'unused-allow',
    severity: level,
    // The entry's identity (not its line, reason or expiry) so that the finding survives edits around it.
    fingerprint: findingFingerprint({ rule: 'unused-allow', package: entry.package, target: entry.target, crates: [`rule:${entry.rule}`, ...crates] }),
    crates,
    message,
    fixes: fixes.map(adviceFix),
    file: policyFile,
    line: entry.line
  }
  if (level !== own) finding.defaultSeverity = own
  return finding
}

/** "allow entry for `duplicate-linkage` (package `host`, crate `engine_api`)". */
function describeEntry(entry: AllowEntry): string {
  const fields = (['package', 'target', 'crate'] as const).filter(k => entry[k] !== undefined).map(k => `${k} \`${entry[k]}\``)
  return `allow entry for \`${entry.rule}\`${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`
}

function expectTable(doc: TomlDocument, path: TomlPath, value: TomlValue, expected: string): TomlTable {
  if (typeof value !== 'object' || Array.isArray(value)) fail(doc, path, `expected ${expected}, got ${describe(value)}`)
  return value
}

function nonEmptyString(doc: TomlDocument, path: TomlPath, value: TomlValue): string {
  if (typeof value !== 'string') fail(doc, path, `expected a string, got ${describe(value)}`)
  if (value.trim() === '') fail(doc, path, 'must not be empty')
  return value
}

/** A TOML local date (kept as its source text by the TOML reader) or the same as a string. */
function calendarDate(doc: TomlDocument, path: TomlPath, value: TomlValue): string {
  const expected = 'a date such as 2027-06-30'
  if (typeof value !== 'string') fail(doc, path, `expected ${expected}, got ${describe(value)}`)
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value)
  if (m === null) fail(doc, path, `expected ${expected}, got ${JSON.stringify(value)}`)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(doc, path, `${JSON.stringify(value)} is not a calendar date`)
  }
  return value
}

function describe(value: TomlValue): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'a table'
  return JSON.stringify(value)
}

function lineOf(doc: TomlDocument, path: TomlPath): number {
  // Every path handed in was read from the document, so it has a line; 1 is only a fallback.
  return doc.lineOf(path) ?? 1
}

function fail(doc: TomlDocument, path: TomlPath, problem: string): never {
  throw new UserError(`${doc.file}:${lineOf(doc, path)}: ${formatTomlPath(path)}: ${problem}`)
}

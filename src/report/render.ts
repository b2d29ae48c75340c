import { type FeatureStep, type Finding, type InclusionPath, WITHOUT_HARNESS } from '../findings/finding.js'
import { codePoint, HIDDEN, listCrates, plural, withCodePoints } from '../text.js'
import { editLines, fixLabel } from './fix-text.js'
import type { ArtifactReport, Report } from './report.js'
import { painter, type Style } from './sgr.js'

/** Counts that decide the exit status and the outputs. */
export function countFindings(report: Report): { errors: number; warnings: number; notes: number } {
  let errors = 0
  let warnings = 0
  let notes = 0
  for (const f of report.findings) {
    if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
    else notes++
  }
  return { errors, warnings, notes }
}

/** A one-line verdict: what cargo would do, then whether the check passes and why. */
export function verdictLine(report: Report): string {
  const { errors, warnings } = countFindings(report)
  const failing = report.artifacts.filter(a => a.status === 'error').length
  const blocked = report.artifacts.filter(a => a.status === 'blocked').length
  const command = report.invocation.args.join(' ')
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
  const build =
    errors === 0
      ? `\`${command}\` links: ${plural(report.artifacts.length, 'artifact')}, ${plural(warnings, 'warning')}.`
      : `\`${command}\` fails: ${plural(failing, 'artifact')} cannot be built${blocked > 0 ? ` and ${blocked} more ${blocked === 1 ? 'is' : 'are'} blocked by ${failing === 1 ? 'it' : 'them'}` : ''} (${counts}).`
  const gate = report.gate
  if (gate.verdict === 'fail') return `${build} The check fails: ${plural(gate.failing, 'finding')} at or above \`${gate.failOn}\`${report.baseline ? ', new since the baseline' : ''}.`
  const excused = report.findings.filter(f => f.allowed !== undefined || f.baseline === 'existing').length
  if (errors + warnings > 0 && gate.failOn !== 'never' && excused > 0) {
    return `${build} The check passes: ${[
      allowedCount(report) > 0 ? `${allowedCount(report)} allowed by the policy` : '',
      existingCount(report) > 0 ? `${existingCount(report)} already in the baseline` : ''
    ]
      .filter(Boolean)
      .join(', ')}.`
  }
  return gate.failOn === 'never' && errors + warnings > 0 ? `${build} The check passes (\`fail-on: never\`).` : build
}

function allowedCount(report: Report): number {
  return report.findings.filter(f => f.allowed !== undefined).length
}

function existingCount(report: Report): number {
  return report.findings.filter(f => f.allowed === undefined && f.baseline === 'existing').length
}


/** Ways in that share a chain and a kind of link, with all the crates they bring. */
export interface InclusionGroup {
  chain: string[]
  how: InclusionPath['how']
  file?: string
  features?: FeatureStep[]
  crates: string[]
}

/** Groups inclusion paths by chain, so a dylib that contains 300 crates is one line, not 300. */
export function groupInclusion(paths: readonly InclusionPath[]): InclusionGroup[] {
  const groups = new Map<string, InclusionGroup>()
  for (const p of paths) {
    const key = JSON.stringify([p.chain, p.how, p.file ?? null, p.features ?? null])
    const group = groups.get(key)
    if (group) group.crates.push(p.crate)
    else {
      groups.set(key, {
        chain: p.chain,
        how: p.how,
        ...(p.file === undefined ? {} : { file: p.file }),
        ...(p.features === undefined ? {} : { features: p.features }),
        crates: [p.crate]
      })
    }
  }
  return [...groups.values()]
}

/**
 * "`host` → `plugin_audio` (dylib, contains `std` statically)", in markdown; an optional dependency says what
 * turned it on: "`game` → `engine` via feature `dev` (`game/Cargo.toml:9`: `dev = ["engine/dynamic_linking"]`) → …".
 */
export function describeInclusion(g: InclusionGroup): string {
  const chain = g.chain.map((c, i) => `\`${c}\`${(g.features ?? []).filter(s => s.from === i).map(s => ` ${describeFeatureStep(s)}`).join('')}`).join(' → ')
  const crates = listCrates(g.crates)
  if (g.how === 'inside-dylib') return `${chain} (dylib, contains ${crates} statically)`
  const file = g.file === undefined ? '' : ` as \`${g.file}\``
  if (g.chain.length === 1) return `${chain} links ${crates} ${g.how === 'dynamic' ? `dynamically${file}` : 'statically (rlib)'}`
  return `${chain} → ${crates} (${g.how === 'dynamic' ? `dylib, linked dynamically${file}` : 'rlib, linked statically'})`
}

/** "via feature `dev` (`game/Cargo.toml:9`: `dev = ["engine/dynamic_linking"]`)", "via `--features dev`". */
export function describeFeatureStep(s: FeatureStep): string {
  const where = s.file === undefined ? '' : `\`${s.file}:${s.line ?? 1}\`: `
  const asked = s.commandLine === undefined ? '' : `, asked for by \`${s.commandLine}\``
  if (s.by === 'command-line') return `via \`${s.text}\` on the command line`
  if (s.by === 'feature') return `via feature \`${s.name}\` (${where}\`${s.text}\`${asked})`
  return `via dependency \`${s.name}\` (${where}${s.text === 'default-features' ? 'its default features' : `\`${s.text}\``}${asked})`
}

/**
 * What the finding is about: "bin `host`", "dylib `plugin_a`", "test harness of lib `util`", "bench `speed`
 * (without a test harness)", or the workspace.
 */
export function findingSubject(f: Finding): string {
  if (f.target === undefined) return f.rule === 'unused-allow' ? 'policy' : 'workspace'
  const noHarness = f.harness === false
  const what = noHarness ? f.kind : f.mode === 'test' ? `test harness of ${f.kind}` : f.mode === 'doctest' ? `doc tests of ${f.kind}` : f.kind === 'custom-build' ? 'build script' : f.crateType
  const host = f.platform === 'host' && f.kind !== 'proc-macro' && f.kind !== 'custom-build' ? ' (host)' : ''
  return `${what} \`${f.target}\`${f.package !== undefined && f.package !== f.target ? ` of \`${f.package}\`` : ''}${noHarness ? WITHOUT_HARNESS : ''}${host}`
}

/** How a finding counts: allowed by the policy, already in the baseline, new, or plainly reported. */
export function findingStanding(f: Finding): 'allowed' | 'existing' | 'new' | 'reported' {
  if (f.allowed !== undefined) return 'allowed'
  return f.baseline ?? 'reported'
}

function artifactLabel(a: Pick<ArtifactReport, 'package' | 'target' | 'kind' | 'mode' | 'crateType' | 'platform' | 'features'>): string {
  const mode = a.mode === 'build' ? '' : ` (${a.mode})`
  const host = a.platform === 'host' && a.kind !== 'proc-macro' && a.kind !== 'custom-build' ? ' [host]' : ''
  const features = buildScriptFeatures(a)
  return `${a.package}/${a.target} ${a.crateType}${mode}${host}${features === '' ? '' : ` [${features}]`}`
}

/**
 * `features: a, b` for a build script built with features, else empty: a package built with different
 * features for target and host has one build script per feature set, told apart only by them.
 */
export function buildScriptFeatures(a: Pick<ArtifactReport, 'kind' | 'features'>): string {
  return a.kind === 'custom-build' && a.features !== undefined && a.features.length > 0 ? `features: ${a.features.join(', ')}` : ''
}

/** How `std` links into an artifact, in a word. */
export function stdLinkage(a: ArtifactReport): string {
  const std = a.linkage.find(l => l.crate === 'std')
  if (!std) return a.linkage.length === 0 ? '—' : 'not linked'
  return std.how === 'included-from-dylib' ? `inside ${std.via ?? 'a dylib'}` : std.how
}

/** How `renderText` styles its text. */
export interface TextStyle {
  /** Colour as rustc and cargo do (SGR sequences); the text is the same with or without. Default: none. */
  color?: boolean
}

const STATUS_STYLES: Record<ArtifactReport['status'], Style> = { ok: 'good', error: 'error', blocked: 'warning' }

/**
 * The plain-text report for terminals, laid out and, with `color`, coloured like rustc's diagnostics.
 * Repository text is shown with every control, bidi and zero-width character as its code point,
 * line breaks included: a name can neither send escape sequences to the terminal nor start a line.
 */
export function renderText(report: Report, style: TextStyle = {}): string {
  const color = painter(style.color === true)
  const paint = (s: Style, text: string): string => color(s, withCodePoints(text))
  /** A footer line of a finding, as rustc's `= note: …`. */
  const footer = (label: string, text: string): string => `  ${paint('gutter', '= ')}${paint('bold', label)}: ${withCodePoints(text)}`
  const lines: string[] = []
  const t = report.toolchain
  lines.push(withCodePoints(`${report.invocation.args.join(' ')}  (profile ${report.invocation.profile}, rustc ${t.release}, target ${t.target})`), '')
  for (const f of report.findings) {
    const standing = findingStanding(f)
    const tag = standing === 'allowed' ? ` (allowed: ${f.allowed!.reason})` : standing === 'existing' ? ' (already in the baseline)' : standing === 'new' ? ' (new)' : ''
    lines.push(`${paint(f.severity, `${f.severity}[${f.rule}]`)}${paint('bold', `${tag}: ${f.message}`)}`)
    lines.push(`  ${paint('gutter', '--> ')}${withCodePoints(`${f.file}:${f.line}`)}`)
    for (const r of f.related ?? []) lines.push(`  ${paint('gutter', '::: ')}${withCodePoints(`${r.file}:${r.line} (${r.message.replace(/`/g, '')})`)}`)
    for (const g of groupInclusion(f.inclusion ?? [])) lines.push(footer('via', describeInclusion(g).replace(/`/g, '')))
    for (const fix of f.fixes) {
      lines.push(footer(fixLabel(f, fix), fix.title))
      for (const d of editLines(fix.edits ?? [])) lines.push(`      ${paint(d.kind === 'location' ? 'gutter' : d.kind, withCodePoints(d.text))}`)
    }
    lines.push('')
  }
  const rows = report.artifacts.map(a => [withCodePoints(artifactLabel(a)), a.status, `std ${stdLinkage(a)}`, withCodePoints((a.runtimeLibraries ?? []).join(' '))] as const)
  if (rows.length > 0) {
    lines.push(paint('bold', 'Artifacts:'))
    const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i]!.length)))
    const pad = (text: string, column: number): string => ' '.repeat(widths[column]! - text.length)
    for (const [label, status, std, libraries] of rows) {
      // Only the status word is painted; the padding after it stays plain.
      lines.push(`  ${label}${pad(label, 0)}  ${paint(STATUS_STYLES[status], status)}${pad(status, 1)}  ${std}${pad(std, 2)}  ${libraries}`.trimEnd())
    }
    lines.push('')
  }
  for (const note of report.notes) lines.push(`${paint('note', 'note')}: ${withCodePoints(note)}`)
  lines.push(paint('bold', verdictLine(report)))
  return `${lines.join('\n')}\n`
}

/** Line breaks as spaces: text from a repository never starts a line of its own in markdown. */
function withoutLineBreaks(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ')
}

/** Every hidden character and control but tab and line feed (`HIDDEN`; line breaks become spaces first). */
const SHOWN = new RegExp(`(?![\t\n])${HIDDEN.source}`, 'g')

/** Every hidden character (see `HIDDEN`) shown as its code point, `<U+202E>`, so that it reorders and hides nothing. */
export function showHidden(text: string): string {
  return text.replace(SHOWN, c => `<${codePoint(c)}>`)
}


/**
 * Escapes text for HTML and for markdown, which GitHub still parses inside inline HTML such as `<code>`:
 * `<`, `&`, quotes and `|` (table cells), and every character that opens markdown syntax (links and images
 * need `[`, code spans, emphasis, strikethrough, backslash escapes) become entities; line breaks become
 * spaces, so that no line can start a code fence, a heading or a table row. Parentheses stay: without `[`
 * they start nothing. The toolkit's summary does not escape at all.
 *
 * Entities alone do not keep text inert: GitHub finds mentions, issue references and autolinks in the decoded
 * text. So hidden characters are shown (`showHidden`), and an empty `<wbr>` element, which the sanitizer keeps
 * and which splits the text node, breaks every token that could become one, in code spans too (cmark-gfm
 * autolinks inside raw `<code>` HTML):
 * - `@` followed by anything: a mention (html-pipeline `mention_filter.rb` `MentionPattern`, `@` then
 *   `[a-z0-9]`; teams are `@org/team`) or an e-mail address (cmark-gfm `extensions/autolink.c`
 *   `postprocess_text`, which scans merged text nodes for `@`): `@<wbr>user`.
 * - `#` or `GH-` before a digit: an issue reference, `#12`, `owner/repo#12`, `user#12`, `GH-12`
 *   (`issue_mention_filter.rb`, case-insensitive `(gh-|#)(\d+)`): `#<wbr>12`, `GH-<wbr>12`.
 * - `:` before `//`: a URL (autolink.c `url_match` starts at a `:` followed by `//`): `https:<wbr>//x`.
 * - `www` before `.`: autolink.c `www_match` needs the four bytes `www.`: `www<wbr>.x`.
 * `<wbr>` is in html-pipeline's sanitization allow-list (`lib/html_pipeline/sanitization_filter.rb`
 * `DEFAULT_CONFIG[:elements]`), renders as nothing, and copies as nothing: the text reads and pastes as the
 * same characters. Text inside `<code>`, `<pre>` and `<a>` is skipped by the mention and reference filters
 * anyway; the breaks there are for the autolinker.
 */
export function escapeHtml(text: string): string {
  return withoutLineBreaks(text).replace(ESCAPED, (c, token: string | undefined, hidden: string | undefined) =>
    token !== undefined ? `${token}<wbr>` : hidden !== undefined ? `&#60;${codePoint(hidden)}&#62;` : `&#${c.codePointAt(0)};`
  )
}

/** One pass for `escapeHtml`: a token to break, a hidden character, or a character to write as an entity. */
const ESCAPED = new RegExp(
  `(@(?=\\S)|#(?=\\d)|[Gg][Hh]-(?=\\d)|:(?=//)|[Ww]{3}(?=\\.))|(${SHOWN.source})|[&<>"'|[\\]\`*~\\\\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])`,
  'g'
)

/** An HTML attribute value (an `href` we build): entities only, since an attribute cannot hold `<wbr>`. Never for text. */
export function escapeAttribute(text: string): string {
  return withoutLineBreaks(text).replace(/[&<>"'`]/g, c => `&#${c.codePointAt(0)};`)
}

/** Our messages mark code as `x`: each code span's content through `code`, the text between through `prose`. */
function mapCodeSpans(text: string, code: (content: string) => string, prose: (text: string) => string): string {
  return text
    .split(/(`[^`]+`)/)
    .map(part => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : prose(part)))
    .join('')
}

/** Markdown from our messages: `x` becomes <code>x</code>, and everything, code included, is escaped. */
export function md(text: string): string {
  return mapCodeSpans(text, content => `<code>${escapeHtml(content)}</code>`, escapeHtml)
}

/**
 * Markdown without any HTML, for renderers that allow none (SARIF): `x` becomes a code span fenced by more
 * backticks than it contains, and outside code spans every character that starts markdown syntax is
 * backslash-escaped and `<`, `>`, `&` become entities. Line breaks become spaces, hidden characters are shown
 * (`showHidden`), in code spans too.
 *
 * Without `<wbr>`, autolinks are stopped as far as markdown alone can: a backslash before the `:` of `://` and
 * the `.` of `www.` (cmark-gfm's `url_match` and `www_match` start at those characters of the source, and a
 * backslash escape consumes them first), and `@` in a code span of its own, since the e-mail autolinker runs
 * after escaped text is merged back into one text node but never enters code. `#12` keeps its backslash only:
 * code scanning alerts are no conversation, so a reference there makes no cross-reference event and a mention
 * notifies nobody (GitHub notifies mentions in issues, pull requests, discussions and commit comments).
 */
export function plainMarkdown(text: string): string {
  return mapCodeSpans(text, codeSpan, escapeMarkdown)
}

function codeSpan(content: string): string {
  const text = showHidden(withoutLineBreaks(content))
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length)) + 1)
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text
  return `${fence}${padded}${fence}`
}

const MARKDOWN_REPLACEMENTS: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '@': '`@`' }

function escapeMarkdown(text: string): string {
  return showHidden(withoutLineBreaks(text)).replace(/[\\`*_[\]()~!|<>&#@]|:(?=\/\/)|(?<=www)\./gi, c => MARKDOWN_REPLACEMENTS[c] ?? `\\${c}`)
}

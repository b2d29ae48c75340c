/**
 * Strings a repository can use to attack the outputs of this tool: workflow commands in the log, markdown
 * and HTML in the job summary and the pull-request comment, URIs in SARIF. No test-framework imports, so
 * scripts and other tests can use the catalogue too.
 *
 * `cargo` records what cargo 1.95 does with the string in each place a repository names things (checked
 * by `__tests__/hostile.test.ts`, which runs `cargo metadata` on every claim):
 *
 * - `directory`: a directory name, e.g. of a path dependency (`dep = { path = "../<name>" }`). Linux allows
 *   any byte but `/` and NUL, at most 255 bytes; cargo accepts every such name. It reaches manifest paths,
 *   finding `file` fields, annotation `file=` properties, SARIF URIs and the summary.
 * - `package`: `[package] name`. Only Unicode XID characters, `-` and `_` (any length: 5,000 characters pass).
 * - `bin`: `[[bin]] name` (and `[[example]]`, `[[test]]`, `[[bench]]`). Anything that is not blank after
 *   trimming: markup, quotes, line breaks, control characters.
 * - `lib`: `[lib] name`. Like `bin`, except that a hyphen is refused.
 * - `feature`: a `[features]` key. XID characters, digits, `_`, `-`, `+` and `.`; never `/` or `:`.
 * - in the report a published report carries (`publish-report`), names are checked against these grammars
 *   (`parseReport`), bin names without control, line-break or bidi characters.
 *
 * Elsewhere (not checked by cargo, or checked by this tool):
 * - `[lib] crate-type`: cargo metadata passes any string through; this tool refuses unknown crate types
 *   while reading the metadata, so they only reach the error message.
 * - `rust-version`: cargo refuses anything but a version (`1.32`, `1.95.0`); no hostile string gets through.
 * - dependency keys (renames) and `[workspace.dependencies]` keys: cargo checks them as package names.
 * - `rust-toolchain.toml` `channel`: this tool refuses whitespace, `/` and `\`; every other string passes
 *   (`toolchainChannel`). It appears in the toolchain table and in `toolchain-unpinned` findings.
 * - policy `reason`, `package`, `target`, `crate` and `.cargo/config.toml` keys (e.g. `[env]` names, shown
 *   in notes): any string TOML can hold.
 * - `.cargo/config.toml` `build.rustflags`: rustc only warns about an unknown `-Ctarget-feature`, so any
 *   string reaches the ABI-relevant flags of the summary's boundary table.
 * - metadata recorded elsewhere (`--metadata-file`): any string in any name.
 */

export interface CargoAcceptance {
  directory: boolean
  package: boolean
  bin: boolean
  lib: boolean
  feature: boolean
}

export interface HostileString {
  /** A short, unique name for test titles and lookups. */
  id: string
  value: string
  /** What the string tries to do. */
  attack: string
  cargo: CargoAcceptance
}

const none: CargoAcceptance = { directory: false, package: false, bin: false, lib: false, feature: false }
/** Any name that is no valid package name: a directory, a bin or a lib name. */
const names: CargoAcceptance = { ...none, directory: true, bin: true, lib: true }

function entry(id: string, value: string, attack: string, cargo: Partial<CargoAcceptance>): HostileString {
  return { id, value, attack, cargo: { ...none, ...cargo } }
}

export const HOSTILE_STRINGS: readonly HostileString[] = [
  // Workflow commands.
  entry('error-command', '::error::forged', 'an error annotation, when a line starts with it', names),
  entry('set-output', '::set-output name=verdict::pass', 'an output (old runners), forging `verdict`', { directory: true, bin: true }),
  entry('add-mask', '::add-mask::x', 'masking a string in the rest of the log', { directory: true, bin: true }),
  entry('stop-commands', '::stop-commands::abc', 'switching workflow commands off (or, with our token, back on)', { directory: true, bin: true }),
  entry('legacy-command', '##[error]forged', 'the legacy command syntax, recognised anywhere in a line', names),
  entry('legacy-inline', 'text ##[warning]x', 'the legacy syntax after other text', names),
  entry('pre-escaped', '%0A::error::x', 'text that an unescaping step turns into a line break and a command', names),
  entry('percent', '%25', 'double unescaping', names),
  entry('crlf-command', 'a\r\n::error::x', 'a line break followed by a command', names),
  entry('lf-command', 'a\n::warning::y', 'a line break followed by a command', names),
  entry('lone-cr', '\r', 'a bare carriage return, a line break to the runner and to markdown', { directory: true }),
  entry('cr-command', 'a\r::notice::z', 'a bare carriage return followed by a command', names),
  // HTML.
  entry('script', '<script>alert(1)</script>', 'a script element', { bin: true, lib: true }),
  entry('img-onerror', '<img src=x onerror=alert(1)>', 'an element with an event handler', names),
  entry('close-details', '</details>', 'closing our `<details>` early', { bin: true, lib: true }),
  entry('close-table', '</td></tr></table>', 'closing HTML table cells', { bin: true, lib: true }),
  entry('comment-marker', '<!-- rust-linkage-guard:default -->', 'our sticky-comment marker, to hijack or duplicate the comment', {
    directory: true,
    bin: true
  }),
  // Markdown.
  entry('backtick', '`', 'ending an inline code span', names),
  entry('fence', '```', 'opening a code fence', names),
  entry('code-span-escape', 'x`<img src=x onerror=alert(1)>`y', 'closing the code span a name is put in, HTML, then reopening it', names),
  entry('pipe', '|', 'a table cell separator', names),
  entry('pipes', 'a|b|c', 'extra table cells', names),
  entry('escaped-pipe', '\\|', 'a backslash before a pipe', names),
  entry('js-link', '[link](javascript:alert(1))', 'a markdown link with a script URL', names),
  entry('phishing-link', '[approve](https:evil.example)', 'a live link without a slash (browsers read `https:host` as `https://host/`)', names),
  entry('fence-line', 'a\n```\nb', 'a code fence on a line of its own, swallowing the rest', names),
  entry('tilde-fence', 'a\n~~~ x', 'a tilde fence, whose info string may hold anything', names),
  entry('heading-line', 'a\n# heading', 'a heading on a line of its own', names),
  entry('table-line', 'a\n| x | y |', 'a table row on a line of its own', names),
  // Quoting and entities.
  entry('double-quoted', '"quoted"', 'ending an HTML attribute or a mermaid label', names),
  entry('single-quoted', "'single'", 'ending an HTML attribute', names),
  entry('amp-entity', '&amp;', 'an entity that must stay literal', names),
  entry('lt-entity', '&lt;', 'an entity that decodes to `<`', names),
  entry('mermaid-label', 'dy"]; click n0 call alert()', 'leaving a mermaid label and adding a click handler', names),
  // Size, Unicode and control characters.
  entry('long', 'a'.repeat(5000), 'a 5,000-character name, past every length limit', { package: true, bin: true, lib: true, feature: true }),
  entry('rtl-override', 'abc\u202edcba', 'a right-to-left override, reversing what follows', names),
  entry('bell', 'a\u0007b', 'a control character', names),
  entry('emoji', '🦀💥', 'characters outside the Basic Multilingual Plane', names),
  entry('non-ascii', 'naïve_日本', 'non-ASCII letters, which are valid in package names', { directory: true, package: true, bin: true, lib: true, feature: true }),
  entry('feature-chars', 'a+b.c', 'the punctuation cargo allows in feature names', { directory: true, bin: true, lib: true, feature: true }),
  // Mentions, references and autolinks, which GitHub finds in the decoded text of the summary and the comment.
  entry('mention', '@user', 'a mention, notifying that user', names),
  entry('team-mention', '@org/team', 'a team mention, notifying every member', { bin: true, lib: true }),
  entry('url', 'https://evil.example/x', 'a bare URL, autolinked', { bin: true, lib: true }),
  entry('www', 'www.evil.example', 'a `www.` link, autolinked', { ...names, feature: true }),
  entry('cross-reference', 'owner/repo#12', 'a cross-reference, listed on the other repository’s issue', { bin: true, lib: true }),
  entry('issue-reference', '#12', 'a reference to an issue of this repository', names),
  entry('gh-reference', 'GH-12', 'the other spelling of an issue reference', { directory: true, package: true, bin: true, feature: true }),
  entry('email', 'a@b.example', 'an e-mail address, autolinked as mailto:', names),
  entry('isolate', 'abc\u2066dcba', 'a left-to-right isolate, never closed', names),
  entry('zero-width', 'a\u200bb', 'a zero-width space, two names that look the same', names)
]

/** The catalogue entry with this id. */
export function hostile(id: string): string {
  const found = HOSTILE_STRINGS.find(h => h.id === id)
  if (found === undefined) throw new Error(`no hostile string \`${id}\``)
  return found.value
}

/** Entries cargo accepts at `place`. */
export function acceptedAs(place: keyof CargoAcceptance): HostileString[] {
  return HOSTILE_STRINGS.filter(h => h.cargo[place])
}

/** Whether this tool accepts the string as a `rust-toolchain.toml` channel (no whitespace, `/` or `\`). */
export function isToolchainChannel(value: string): boolean {
  return value !== '' && !/[\s/\\]/u.test(value) && value !== 'none'
}

/** A TOML basic string holding `value` exactly (JSON's escapes are TOML's; DEL must be escaped too). */
export function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007F')
}

/** The strings after each line break of `value`: what would start a line if the break got through. */
export function lineTails(value: string): string[] {
  return value
    .split(/\r\n|\r|\n/)
    .slice(1)
    .map(s => s.trim())
    .filter(s => s !== '')
}

/** Named entities our escapers write, and numeric ones. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' }

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi, e =>
    ENTITIES[e] ?? String.fromCodePoint(e[2] === 'x' || e[2] === 'X' ? parseInt(e.slice(3, -1), 16) : Number(e.slice(2, -1)))
  )
}

/** C0 and C1 controls but line feed and tab, and what reorders or hides text: bidi, zero-width, separators. */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u

/** What GitHub would make of decoded text: each kind of live token, in the order checked. */
const LIVE: [string, RegExp][] = [
  ['a mention or e-mail address', /@[\p{L}\p{N}_]/u],
  ['an issue reference', /#\d|\bgh-\d/i],
  ['a URL', /:\/\//],
  ['a www. link', /www\./i],
  ['a hidden character', HIDDEN]
]

/**
 * Every place in rendered markdown (a job summary, a comment) where GitHub would find a mention, an issue
 * reference or an autolink, or where text is reordered or hidden. GitHub's filters and cmark-gfm's e-mail
 * autolinker see the decoded text of one text node at a time, and every element (an empty `<wbr>` too) ends a
 * text node: so each run of text between two tags is decoded and searched on its own. Left out, as ours or
 * inert: fenced code blocks (mermaid diagrams: GitHub links nothing in `<pre>`), and markdown link destinations
 * (`[`, `]` from text are entities, so every `](` is ours). Code spans are searched: cmark-gfm autolinks inside
 * raw `<code>`.
 */
export function liveText(markdown: string): string[] {
  const problems: string[] = []
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?\n```$/gm, '').replace(/\]\([^)\s]*\)/g, ']')
  for (const run of prose.split(/<[^<>]*>/)) {
    const text = decodeEntities(run)
    for (const [what, pattern] of LIVE) {
      for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
        problems.push(`${what}: ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20))}`)
      }
    }
  }
  return problems
}

/** Rendered markdown as a reader sees and copies it: entities decoded, `<wbr>` gone. */
export function shownText(markdown: string): string {
  return decodeEntities(markdown.replace(/<wbr>/g, ''))
}

/** How the renderers show a string: hidden characters as `<U+202E>`, line breaks as spaces. */
export function shownAs(value: string): string {
  return value.replace(/\r\n|[\r\n]/g, ' ').replace(new RegExp(HIDDEN.source, 'gu'), c => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
}

/**
 * The same markdown as an escaper that only wrote entities would have rendered it: `<wbr>` removed and hidden
 * characters put back. The control for `liveText`: what it finds here is what the breaks prevent.
 */
export function withoutBreaks(markdown: string): string {
  return markdown.replace(/<wbr>/g, '').replace(/&#60;U\+([0-9A-F]{4,6})&#62;/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
}

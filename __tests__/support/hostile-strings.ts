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
  entry('feature-chars', 'a+b.c', 'the punctuation cargo allows in feature names', { directory: true, bin: true, lib: true, feature: true })
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

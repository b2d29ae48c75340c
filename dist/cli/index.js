#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/text.ts
/** Wording helpers shared by findings and reports. */
/** "1 finding", "2 findings". */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** "`a`, `b` and `c`", or "`a`, `b`, `c`, `d`, `e` and 12 more". */
function listCrates(crates, shown = 5) {
    const names = crates.map(c => `\`${c}\``);
    if (names.length <= 1)
        return names.join('');
    if (names.length <= shown)
        return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
/**
 * Characters that reorder text or hide in it: bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
 * U+2066–U+2069, U+200E, U+200F, U+061C), zero-width and other invisible characters (U+200B–U+200D,
 * U+2060–U+2064, U+FEFF, U+00AD, U+180E), the line and paragraph separators U+2028 and U+2029, deprecated
 * format characters (U+206A–U+206F), interlinear annotations (U+FFF9–U+FFFB), and the C0 and C1 controls.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;
/** A character as its code point, `U+202E`. */
function codePoint(c) {
    return `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
const EVERY_HIDDEN = new RegExp(HIDDEN.source, 'gu');
/** Every `HIDDEN` character, line breaks and tabs included, shown as its code point: `<U+001B>`. */
function withCodePoints(text) {
    return text.replace(EVERY_HIDDEN, c => `<${codePoint(c)}>`);
}

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors that end a run without a verdict. Findings are values, never exceptions: these are only for
 * "could not analyse". Each message is one line that names the file, field, flag or input at fault.
 */

/** Bad input from the user: a flag, an action input, a file we were pointed at. Exit code 2. */
class errors_UserError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
/**
 * A command failed: it could not be started, failed, or took too long (the environment's fault, exit code 3),
 * or it refused the input it was given, such as cargo rejecting the repository's manifest, lock file or
 * config (the input's fault, exit code 2, like any bad input). The command's own output is kept.
 */
class CommandError extends errors_UserError {
    command;
    args;
    stderr;
    fault;
    exitCode;
    constructor(message, command, args, stderr, fault = 'environment') {
        super(message);
        this.command = command;
        this.args = args;
        this.stderr = stderr;
        this.fault = fault;
        this.name = 'CommandError';
        this.exitCode = fault === 'input' ? 2 : 3;
    }
}
/** Formats any thrown value as the single line shown to users; non-UserErrors are internal bugs. */
function describeError(error) {
    if (error instanceof errors_UserError)
        return { message: oneLine(error.message), internal: false };
    const message = error instanceof Error ? error.message : String(error);
    return { message: `internal error: ${oneLine(message)} (please report this with the command line you used)`, internal: true };
}
/**
 * Folds line breaks (e.g. from an excerpt of bad input) so an error is always one line, and shows every
 * other control, bidi and zero-width character as its code point, so a name quoted in an error cannot send
 * escape sequences to a terminal or a log.
 */
function oneLine(message) {
    return withCodePoints(message.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

;// CONCATENATED MODULE: ./src/model/paths.ts

/**
 * Paths from `cargo metadata`, rustc and the repository, handled by their own form rather than by the
 * platform this process runs on: metadata recorded on Windows (`C:\…`) is analysed on Linux, and the same
 * code runs on Windows runners. Relative results always use forward slashes.
 */
const DRIVE = /^[A-Za-z]:(?:[\\/]|$)/;
const VERBATIM_DISK = /^\\\\\?\\([A-Za-z]:(?:\\|$))/;
const VERBATIM_UNC = /^\\\\\?\\UNC\\/i;
/**
 * Whether a path is written the Windows way: a drive letter (`C:\`, `c:/`), a UNC or verbatim prefix
 * (`\\server\share`, `\\?\C:\`), or a backslash in a path that is not POSIX-absolute. A POSIX path may
 * hold a backslash in a file name, so `/home/u/a\b` stays POSIX.
 */
function isWindowsPath(p) {
    if (DRIVE.test(p) || p.startsWith('\\\\'))
        return true;
    return !p.startsWith('/') && p.includes('\\');
}
/** `path.win32` for a Windows-form path, `path.posix` otherwise. */
function pathModuleFor(p) {
    return isWindowsPath(p) ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** Absolute in either form: `/x`, `C:\x`, `C:/x`, `\\server\share\x`, `\\?\C:\x`. */
function isAbsolutePath(p) {
    return p.startsWith('/') || DRIVE.test(p) || p.startsWith('\\\\');
}
/** Drops the verbatim prefix Windows APIs may add: `\\?\C:\x` → `C:\x`, `\\?\UNC\server\share` → `\\server\share`. */
function stripVerbatim(p) {
    if (VERBATIM_UNC.test(p))
        return `\\\\${p.slice(8)}`;
    return p.replace(VERBATIM_DISK, '$1');
}
/** A path with forward slashes: Windows-form paths get `/` for `\` (and lose a verbatim prefix); POSIX paths are unchanged. */
function forwardSlashes(p) {
    return isWindowsPath(p) ? stripVerbatim(p).replace(/\\/g, '/') : p;
}
/** `base` joined with relative segments, in `base`'s form (`C:\ws` + `Cargo.toml` → `C:\ws\Cargo.toml`). */
function joinPath(base, ...segments) {
    return pathModuleFor(base).join(base, ...segments);
}
/** `p` taken from `base` when relative; an absolute `p` of either form is kept as it is. */
function resolveFrom(base, p) {
    return isAbsolutePath(p) ? p : pathModuleFor(base).resolve(base, p);
}
/**
 * `file` relative to the directory `root`, with forward slashes (`dy/Cargo.toml`), or null when `file`
 * is not inside `root`: above it, on another drive or share, or written in the other form. `''` for
 * `root` itself. Windows paths compare case-insensitively, and mixed separators are accepted.
 */
function relativePosix(root, file) {
    const rel = relation(root, file);
    if (rel === null || rel === '..' || rel.startsWith('../'))
        return null;
    return rel;
}
/** Whether `file` is `dir` itself or lies below it, by `relativePosix`'s rules. */
function isAtOrBelow(dir, file) {
    return relativePosix(dir, file) !== null;
}
/** Whether `file` lies below `dir`, `dir` itself excluded. */
function paths_isBelow(dir, file) {
    const rel = relativePosix(dir, file);
    return rel !== null && rel !== '';
}
/**
 * `file` relative to `root` with forward slashes, `../` allowed (a toolchain file above a workspace in a
 * subdirectory); when no relative path exists (another drive or share, or the other form), `file`
 * itself with forward slashes.
 */
function relativeOrAbsolute(root, file) {
    return relation(root, file) ?? forwardSlashes(file);
}
function relation(root, file) {
    const a = stripVerbatim(root);
    const b = stripVerbatim(file);
    const windows = isWindowsPath(a);
    if (windows !== isWindowsPath(b) || isAbsolutePath(a) !== isAbsolutePath(b))
        return null;
    const module = windows ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const rel = module.relative(a, b);
    // path.win32.relative answers with `file` itself when the two have no common root.
    if (module.isAbsolute(rel))
        return null;
    return windows ? rel.replace(/\\/g, '/') : rel;
}

;// CONCATENATED MODULE: ./src/report/fix-text.ts
/**
 * "fix (verified)" for a fix the engine proved; "fix (not verified)" for advice on an error, whose reader
 * must be able to tell it from the proven ones; plain "fix" for advice on warnings and notes.
 */
function fixLabel(f, fix) {
    if (fix.verified)
        return 'fix (verified)';
    return f.severity === 'error' ? 'fix (not verified)' : 'fix';
}
/** A fix's edits as a unified diff per file without context lines, as the job summary shows them. */
function editDiff(edits) {
    const byFile = new Map();
    for (const e of edits)
        byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    return [...byFile].flatMap(([file, fileEdits]) => unifiedDiff(file, [], fileEdits, 0));
}
/**
 * A unified diff of one file's edits with up to `context` unchanged lines around each, as `diff -u` writes it;
 * `lines` is the file before the edits, without line endings.
 */
function unifiedDiff(file, lines, edits, context = 2) {
    const out = [`--- a/${file}`, `+++ b/${file}`];
    const sorted = [...edits].sort((a, b) => a.line - b.line);
    let shift = 0;
    let i = 0;
    while (i < sorted.length) {
        // Edits whose context overlaps form one hunk.
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1].line - sorted[j].line <= 2 * context)
            j++;
        const first = Math.max(1, sorted[i].line - context);
        const last = Math.max(sorted[j].line, Math.min(lines.length, sorted[j].line + context));
        const body = [];
        let added = 0;
        for (let line = first; line <= last; line++) {
            const edit = sorted.slice(i, j + 1).find(e => e.line === line);
            if (edit === undefined) {
                body.push(` ${lines[line - 1] ?? ''}`);
                continue;
            }
            const after = edit.after.split('\n');
            body.push(`-${edit.before}`, ...after.map(l => `+${l}`));
            added += after.length - 1;
        }
        const oldCount = last - first + 1;
        out.push(`@@ -${first},${oldCount} +${first + shift},${oldCount + added} @@`, ...body);
        shift += added;
        i = j + 1;
    }
    return out;
}
/** A fix's edits for the text report, as rustc shows a suggestion: `file:line`, then `- before` and `+ after`. */
function editLines(edits) {
    return edits.flatMap(e => [
        { kind: 'location', text: `${e.file}:${e.line}` },
        { kind: 'removed', text: `- ${e.before}` },
        ...e.after.split('\n').map(l => ({ kind: 'added', text: `+ ${l}` }))
    ]);
}

;// CONCATENATED MODULE: ./src/report/sgr.ts
/**
 * Colour as rustc and cargo show it: plain SGR sequences, each styled span closed by a reset. Whether to
 * colour at all is the caller's choice (`cli/color.ts`).
 */
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';
/**
 * The styles of rustc 1.95 and cargo 1.95 diagnostics, byte for byte: bold, then a 16-colour foreground,
 * each its own sequence.
 */
const STYLES = {
    /** `error`, `error[E0382]`: bold bright red. */
    error: `${BOLD}\u001b[91m`,
    /** `warning`: bold yellow (not bright). */
    warning: `${BOLD}\u001b[33m`,
    /** `note`: bold bright green. */
    note: `${BOLD}\u001b[92m`,
    /** `help`: bold bright cyan. */
    help: `${BOLD}\u001b[96m`,
    /** `-->`, `:::`, `=` and the line-number gutter: bold bright blue. */
    gutter: `${BOLD}\u001b[94m`,
    /** A diagnostic's message, the label of a `= note:` line, headings. */
    bold: BOLD,
    /** Success, as cargo's `Compiling` and `Finished`: bold bright green. */
    good: `${BOLD}\u001b[92m`,
    /** A line a fix adds, as rustc's diff-style suggestions: bright green. */
    added: '\u001b[92m',
    /** A line a fix removes: bright red. */
    removed: '\u001b[91m'
};
/** A `Paint` that styles when `color` is true and is the identity otherwise. */
function painter(color) {
    return color ? (style, text) => `${STYLES[style]}${text}${RESET}` : (_style, text) => text;
}
/** Every SGR sequence (`ESC [ … m`) removed. */
function stripSgr(text) {
    return text.replace(/\u001b\[[0-9;]*m/g, '');
}

;// CONCATENATED MODULE: ./src/report/render.ts



/** Counts that decide the exit status and the outputs. */
function countFindings(report) {
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    for (const f of report.findings) {
        if (f.severity === 'error')
            errors++;
        else if (f.severity === 'warning')
            warnings++;
        else
            notes++;
    }
    return { errors, warnings, notes };
}
/** A one-line verdict: what cargo would do, then whether the check passes and why. */
function verdictLine(report) {
    const { errors, warnings } = countFindings(report);
    const failing = report.artifacts.filter(a => a.status === 'error').length;
    const blocked = report.artifacts.filter(a => a.status === 'blocked').length;
    const command = report.invocation.args.join(' ');
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    const build = errors === 0
        ? `\`${command}\` links: ${plural(report.artifacts.length, 'artifact')}, ${plural(warnings, 'warning')}.`
        : `\`${command}\` fails: ${plural(failing, 'artifact')} cannot be built${blocked > 0 ? ` and ${blocked} more ${blocked === 1 ? 'is' : 'are'} blocked by ${failing === 1 ? 'it' : 'them'}` : ''} (${counts}).`;
    const gate = report.gate;
    if (gate.verdict === 'fail')
        return `${build} The check fails: ${plural(gate.failing, 'finding')} at or above \`${gate.failOn}\`${report.baseline ? ', new since the baseline' : ''}.`;
    const excused = report.findings.filter(f => f.allowed !== undefined || f.baseline === 'existing').length;
    if (errors + warnings > 0 && gate.failOn !== 'never' && excused > 0) {
        return `${build} The check passes: ${[
            allowedCount(report) > 0 ? `${allowedCount(report)} allowed by the policy` : '',
            existingCount(report) > 0 ? `${existingCount(report)} already in the baseline` : ''
        ]
            .filter(Boolean)
            .join(', ')}.`;
    }
    return gate.failOn === 'never' && errors + warnings > 0 ? `${build} The check passes (\`fail-on: never\`).` : build;
}
function allowedCount(report) {
    return report.findings.filter(f => f.allowed !== undefined).length;
}
function existingCount(report) {
    return report.findings.filter(f => f.allowed === undefined && f.baseline === 'existing').length;
}
/** Groups inclusion paths by chain, so a dylib that contains 300 crates is one line, not 300. */
function groupInclusion(paths) {
    const groups = new Map();
    for (const p of paths) {
        const key = JSON.stringify([p.chain, p.how, p.file ?? null, p.features ?? null]);
        const group = groups.get(key);
        if (group)
            group.crates.push(p.crate);
        else {
            groups.set(key, {
                chain: p.chain,
                how: p.how,
                ...(p.file === undefined ? {} : { file: p.file }),
                ...(p.features === undefined ? {} : { features: p.features }),
                crates: [p.crate]
            });
        }
    }
    return [...groups.values()];
}
/**
 * "`host` → `plugin_audio` (dylib, contains `std` statically)", in markdown; an optional dependency says what
 * turned it on: "`game` → `engine` via feature `dev` (`game/Cargo.toml:9`: `dev = ["engine/dynamic_linking"]`) → …".
 */
function describeInclusion(g) {
    const chain = g.chain.map((c, i) => `\`${c}\`${(g.features ?? []).filter(s => s.from === i).map(s => ` ${describeFeatureStep(s)}`).join('')}`).join(' → ');
    const crates = listCrates(g.crates);
    if (g.how === 'inside-dylib')
        return `${chain} (dylib, contains ${crates} statically)`;
    const file = g.file === undefined ? '' : ` as \`${g.file}\``;
    if (g.chain.length === 1)
        return `${chain} links ${crates} ${g.how === 'dynamic' ? `dynamically${file}` : 'statically (rlib)'}`;
    return `${chain} → ${crates} (${g.how === 'dynamic' ? `dylib, linked dynamically${file}` : 'rlib, linked statically'})`;
}
/** "via feature `dev` (`game/Cargo.toml:9`: `dev = ["engine/dynamic_linking"]`)", "via `--features dev`". */
function describeFeatureStep(s) {
    const where = s.file === undefined ? '' : `\`${s.file}:${s.line ?? 1}\`: `;
    const asked = s.commandLine === undefined ? '' : `, asked for by \`${s.commandLine}\``;
    if (s.by === 'command-line')
        return `via \`${s.text}\` on the command line`;
    if (s.by === 'feature')
        return `via feature \`${s.name}\` (${where}\`${s.text}\`${asked})`;
    return `via dependency \`${s.name}\` (${where}${s.text === 'default-features' ? 'its default features' : `\`${s.text}\``}${asked})`;
}
/** What the finding is about: "bin `host`", "dylib `plugin_a`", "test harness of lib `util`", or the workspace. */
function findingSubject(f) {
    if (f.target === undefined)
        return f.rule === 'unused-allow' ? 'policy' : 'workspace';
    const what = f.mode === 'test' ? `test harness of ${f.kind}` : f.mode === 'doctest' ? `doc tests of ${f.kind}` : f.kind === 'custom-build' ? 'build script' : f.crateType;
    const host = f.platform === 'host' && f.kind !== 'proc-macro' && f.kind !== 'custom-build' ? ' (host)' : '';
    return `${what} \`${f.target}\`${f.package !== undefined && f.package !== f.target ? ` of \`${f.package}\`` : ''}${host}`;
}
/** How a finding counts: allowed by the policy, already in the baseline, new, or plainly reported. */
function findingStanding(f) {
    if (f.allowed !== undefined)
        return 'allowed';
    return f.baseline ?? 'reported';
}
function artifactLabel(a) {
    const mode = a.mode === 'build' ? '' : ` (${a.mode})`;
    const host = a.platform === 'host' && a.kind !== 'proc-macro' && a.kind !== 'custom-build' ? ' [host]' : '';
    const features = buildScriptFeatures(a);
    return `${a.package}/${a.target} ${a.crateType}${mode}${host}${features === '' ? '' : ` [${features}]`}`;
}
/**
 * `features: a, b` for a build script built with features, else empty: a package built with different
 * features for target and host has one build script per feature set, told apart only by them.
 */
function buildScriptFeatures(a) {
    return a.kind === 'custom-build' && a.features !== undefined && a.features.length > 0 ? `features: ${a.features.join(', ')}` : '';
}
/** How `std` links into an artifact, in a word. */
function stdLinkage(a) {
    const std = a.linkage.find(l => l.crate === 'std');
    if (!std)
        return a.linkage.length === 0 ? '—' : 'not linked';
    return std.how === 'included-from-dylib' ? `inside ${std.via ?? 'a dylib'}` : std.how;
}
const STATUS_STYLES = { ok: 'good', error: 'error', blocked: 'warning' };
/**
 * The plain-text report for terminals, laid out and, with `color`, coloured like rustc's diagnostics.
 * Repository text is shown with every control, bidi and zero-width character as its code point,
 * line breaks included: a name can neither send escape sequences to the terminal nor start a line.
 */
function renderText(report, style = {}) {
    const color = painter(style.color === true);
    const paint = (s, text) => color(s, withCodePoints(text));
    /** A footer line of a finding, as rustc's `= note: …`. */
    const footer = (label, text) => `  ${paint('gutter', '= ')}${paint('bold', label)}: ${withCodePoints(text)}`;
    const lines = [];
    const t = report.toolchain;
    lines.push(withCodePoints(`${report.invocation.args.join(' ')}  (profile ${report.invocation.profile}, rustc ${t.release}, target ${t.target})`), '');
    for (const f of report.findings) {
        const standing = findingStanding(f);
        const tag = standing === 'allowed' ? ` (allowed: ${f.allowed.reason})` : standing === 'existing' ? ' (already in the baseline)' : standing === 'new' ? ' (new)' : '';
        lines.push(`${paint(f.severity, `${f.severity}[${f.rule}]`)}${paint('bold', `${tag}: ${f.message}`)}`);
        lines.push(`  ${paint('gutter', '--> ')}${withCodePoints(`${f.file}:${f.line}`)}`);
        for (const r of f.related ?? [])
            lines.push(`  ${paint('gutter', '::: ')}${withCodePoints(`${r.file}:${r.line} (${r.message.replace(/`/g, '')})`)}`);
        for (const g of groupInclusion(f.inclusion ?? []))
            lines.push(footer('via', describeInclusion(g).replace(/`/g, '')));
        for (const fix of f.fixes) {
            lines.push(footer(fixLabel(f, fix), fix.title));
            for (const d of editLines(fix.edits ?? []))
                lines.push(`      ${paint(d.kind === 'location' ? 'gutter' : d.kind, withCodePoints(d.text))}`);
        }
        lines.push('');
    }
    const rows = report.artifacts.map(a => [withCodePoints(artifactLabel(a)), a.status, `std ${stdLinkage(a)}`, withCodePoints((a.runtimeLibraries ?? []).join(' '))]);
    if (rows.length > 0) {
        lines.push(paint('bold', 'Artifacts:'));
        const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i].length)));
        const pad = (text, column) => ' '.repeat(widths[column] - text.length);
        for (const [label, status, std, libraries] of rows) {
            // Only the status word is painted; the padding after it stays plain.
            lines.push(`  ${label}${pad(label, 0)}  ${paint(STATUS_STYLES[status], status)}${pad(status, 1)}  ${std}${pad(std, 2)}  ${libraries}`.trimEnd());
        }
        lines.push('');
    }
    for (const note of report.notes)
        lines.push(`${paint('note', 'note')}: ${withCodePoints(note)}`);
    lines.push(paint('bold', verdictLine(report)));
    return `${lines.join('\n')}\n`;
}
/** Line breaks as spaces: text from a repository never starts a line of its own in markdown. */
function withoutLineBreaks(text) {
    return text.replace(/\r\n|[\r\n]/g, ' ');
}
/** Every hidden character and control but tab and line feed (`HIDDEN`; line breaks become spaces first). */
const SHOWN = new RegExp(`(?![\t\n])${HIDDEN.source}`, 'g');
/** Every hidden character (see `HIDDEN`) shown as its code point, `<U+202E>`, so that it reorders and hides nothing. */
function showHidden(text) {
    return text.replace(SHOWN, c => `<${codePoint(c)}>`);
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
function escapeHtml(text) {
    return withoutLineBreaks(text).replace(ESCAPED, (c, token, hidden) => token !== undefined ? `${token}<wbr>` : hidden !== undefined ? `&#60;${codePoint(hidden)}&#62;` : `&#${c.codePointAt(0)};`);
}
/** One pass for `escapeHtml`: a token to break, a hidden character, or a character to write as an entity. */
const ESCAPED = new RegExp(`(@(?=\\S)|#(?=\\d)|[Gg][Hh]-(?=\\d)|:(?=//)|[Ww]{3}(?=\\.))|(${SHOWN.source})|[&<>"'|[\\]\`*~\\\\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])`, 'g');
/** An HTML attribute value (an `href` we build): entities only, since an attribute cannot hold `<wbr>`. Never for text. */
function escapeAttribute(text) {
    return withoutLineBreaks(text).replace(/[&<>"'`]/g, c => `&#${c.codePointAt(0)};`);
}
/** Our messages mark code as `x`: each code span's content through `code`, the text between through `prose`. */
function mapCodeSpans(text, code, prose) {
    return text
        .split(/(`[^`]+`)/)
        .map(part => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? code(part.slice(1, -1)) : prose(part)))
        .join('');
}
/** Markdown from our messages: `x` becomes <code>x</code>, and everything, code included, is escaped. */
function md(text) {
    return mapCodeSpans(text, content => `<code>${escapeHtml(content)}</code>`, escapeHtml);
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
function plainMarkdown(text) {
    return mapCodeSpans(text, codeSpan, escapeMarkdown);
}
function codeSpan(content) {
    const text = showHidden(withoutLineBreaks(content));
    const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length)) + 1);
    const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
    return `${fence}${padded}${fence}`;
}
const MARKDOWN_REPLACEMENTS = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '@': '`@`' };
function escapeMarkdown(text) {
    return showHidden(withoutLineBreaks(text)).replace(/[\\`*_[\]()~!|<>&#@]|:(?=\/\/)|(?<=www)\./gi, c => MARKDOWN_REPLACEMENTS[c] ?? `\\${c}`);
}

;// CONCATENATED MODULE: ./src/report/annotations.ts




/** GitHub records at most this many annotations of each type per step; the rest only reach the log. */
const ANNOTATIONS_PER_TYPE = 10;
/** The runner truncates annotation messages to this many characters. */
const MAX_MESSAGE = 4096;
/**
 * The annotations to emit, best first, within GitHub's 10 per type: findings on lines the pull request
 * changed, then new before already-known ones, then by severity. Allowed findings are not annotated;
 * findings already in the baseline are notices; findings outside what `only` keeps are left out (`filtered`).
 * When some are hidden or left out, a final notice says how many and where they are.
 */
function selectAnnotations(report, options) {
    const shown = report.findings.filter(f => f.allowed === undefined);
    const kept = shown.filter(f => keeps(f, options));
    const candidates = kept
        .map((f, order) => {
        const at = annotatedLocation(f, options);
        return { f, order, at, changed: at.file !== undefined && options.isChanged?.(at.file, at.line) === true };
    })
        .sort((a, b) => Number(b.changed) - Number(a.changed) ||
        Number(a.f.baseline === 'existing') - Number(b.f.baseline === 'existing') ||
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.order - b.order);
    const used = { error: 0, warning: 0, notice: options.reservedNotices ?? 0 };
    const annotations = [];
    let hidden = 0;
    for (const { f, at } of candidates) {
        const level = levelOf(f);
        // One notice slot stays free for the overflow notice.
        const cap = level === 'notice' ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE;
        if (used[level] >= cap) {
            hidden++;
            continue;
        }
        used[level]++;
        annotations.push({ level, ...(at.file === undefined ? {} : { file: at.file, line: at.line }), title: titleOf(f), message: messageOf(f, at.note) });
    }
    const filtered = shown.length - kept.length;
    if (hidden > 0 || filtered > 0) {
        const where = options.only === 'changed-files' ? 'files' : 'lines';
        const parts = [
            ...(hidden > 0 ? [`${plural(hidden, 'more finding')} in the job summary and the JSON report.`] : []),
            ...(filtered > 0 ? [`${plural(filtered, 'finding')} outside the ${where} this pull request changed ${filtered === 1 ? 'is' : 'are'} not annotated (\`annotate: ${options.only}\`); the job summary has ${filtered === 1 ? 'it' : 'them'}.`] : [])
        ];
        annotations.push({ level: 'notice', title: 'Rust Linkage Guard', message: parts.join(' ') });
    }
    return { annotations, hidden, filtered };
}
/** Whether `only` keeps the finding: its own location or a related one is on a changed line, or in a changed file. */
function keeps(f, options) {
    const locations = [{ file: f.file, line: f.line }, ...(f.related ?? [])].flatMap(l => {
        const file = repositoryPath(options.workspacePrefix, l.file);
        return file === null ? [] : [{ file, line: l.line }];
    });
    if (options.only === 'changed-lines' && options.isChanged !== undefined)
        return locations.some(l => options.isChanged(l.file, l.line));
    if (options.only === 'changed-files' && options.isChangedFile !== undefined)
        return locations.some(l => options.isChangedFile(l.file));
    return true;
}
const SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
function levelOf(f) {
    if (f.baseline === 'existing')
        return 'notice';
    return f.severity === 'note' ? 'notice' : f.severity;
}
/**
 * Where to annotate: the finding's own line, or a related line (such as the `[workspace.dependencies]`
 * entry) when only that one changed in the pull request.
 */
function annotatedLocation(f, options) {
    const primary = repositoryPath(options.workspacePrefix, f.file);
    if (primary !== null && options.isChanged?.(primary, f.line) !== false)
        return { file: primary, line: f.line, note: null };
    for (const r of f.related ?? []) {
        const file = repositoryPath(options.workspacePrefix, r.file);
        if (file !== null && options.isChanged?.(file, r.line))
            return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` };
    }
    // Kept for a changed file: annotated in it, where the pull request's diff shows it.
    if (options.only === 'changed-files' && options.isChangedFile !== undefined && !(primary !== null && options.isChangedFile(primary))) {
        for (const r of f.related ?? []) {
            const file = repositoryPath(options.workspacePrefix, r.file);
            if (file !== null && options.isChangedFile(file))
                return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` };
        }
    }
    return primary === null ? { line: f.line, note: `At ${f.file}:${f.line}.` } : { file: primary, line: f.line, note: null };
}
/**
 * A workspace-relative path as a repository-relative one, or null when it lies outside the repository:
 * above it, or absolute in either form (`/home/u/.cargo/config.toml`, `C:/Users/…`, `\\server\share\…`),
 * which is also what a workspace prefix is when the workspace sits on another drive.
 */
function repositoryPath(workspacePrefix, file) {
    if (isAbsolutePath(file) || isAbsolutePath(workspacePrefix))
        return null;
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(workspacePrefix.split((external_node_path_default()).sep).join('/'), file.split((external_node_path_default()).sep).join('/')));
    if (joined.startsWith('../') || joined === '..')
        return null;
    return joined.replace(/^\.\//, '');
}
function titleOf(f) {
    const subject = findingSubject(f).replace(/`/g, '');
    return `${f.rule}: ${subject}${f.baseline === 'existing' ? ' (already in the baseline)' : ''}`;
}
function messageOf(f, note) {
    const parts = [f.message];
    if (note !== null)
        parts.push(note);
    const inclusion = f.inclusion ?? [];
    if (inclusion.length > 0)
        parts.push(`How it gets in:\n${groupInclusion(inclusion).map(g => `- ${describeInclusion(g)}`).join('\n')}`);
    const fix = f.fixes[0];
    if (fix !== undefined)
        parts.push(`Fix${fix.verified ? ' (verified)' : ''}: ${fix.title}`);
    const text = parts.join('\n\n');
    return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}
/**
 * An annotation as a workflow command (`--format github`), escaped as the toolkit escapes: data cannot end
 * the command, and properties cannot add properties.
 */
function workflowCommand(a) {
    const properties = [
        ['file', a.file],
        ['line', a.line],
        ['title', a.title]
    ];
    const props = properties
        .filter((p) => p[1] !== undefined)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${a.level}${props === '' ? '' : ` ${props}`}::${escapeData(a.message)}`;
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/report/json.ts
/**
 * The JSON report as chunks of text, identical to `JSON.stringify(report, null, 2)` once joined, but
 * produced one array element at a time: a 10,000-package workspace's report is hundreds of megabytes, and
 * building it as one string would double the memory the analysis needs.
 */
function* reportJson(report) {
    const fields = Object.entries(report).filter(([, value]) => value !== undefined);
    yield '{\n';
    for (const [i, [key, value]] of fields.entries()) {
        const last = i === fields.length - 1;
        yield `  ${JSON.stringify(key)}: `;
        if (Array.isArray(value) && value.length > 0) {
            yield '[\n';
            for (const [j, item] of value.entries())
                yield `${indent(JSON.stringify(item, null, 2), '    ')}${j === value.length - 1 ? '' : ','}\n`;
            yield '  ]';
        }
        else {
            yield indent(JSON.stringify(value, null, 2), '  ').trimStart();
        }
        yield last ? '\n' : ',\n';
    }
    yield '}\n';
}
function indent(text, prefix) {
    return prefix + text.replace(/\n/g, `\n${prefix}`);
}

;// CONCATENATED MODULE: ./src/version.ts
/** The release of this tool; a test keeps it equal to package.json's `version`. */
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/rules/registry.ts

const RULES = [
    {
        id: 'duplicate-linkage',
        severity: 'error',
        title: 'A crate would be linked into one artifact twice ("only shows up once")',
        description: 'rustc links every crate into an artifact exactly once. When some upstream crate exists only as a Rust `dylib`, it links every crate that has a dylib dynamically, including `std` (`libstd-<hash>.so`). A `dylib` built without `-C prefer-dynamic` contains its own static copy of `std`, so linking it next to `libstd-<hash>.so` puts `std` in twice and rustc fails with "cannot satisfy dependencies so `std` only shows up once". Cargo passes `-C prefer-dynamic` to a dylib only when its package is not among the packages it builds targets of (not selected, or selected with `--examples` and no examples), so `cargo build -p app` links while `cargo build --workspace` fails. Two dylibs that both contain the same rlib cannot be linked together either.'
    },
    {
        id: 'rlib-required',
        severity: 'error',
        title: 'An artifact needs every upstream crate as an rlib, and one is not',
        description: 'A `staticlib` (and a `+crt-static` executable on targets that forbid dylibs with it) must contain every upstream crate, so each one must exist as an rlib. When a dependency is built only as a `dylib`, rustc fails with "crate `x` required to be available in rlib format, but was not found in this form".'
    },
    {
        id: 'dylib-required',
        severity: 'error',
        title: 'A crate must be linked dynamically but no dylib of it exists',
        description: 'A Rust dylib records that it linked an upstream crate dynamically; when that crate\'s dylib is not available, rustc fails with "crate `x` required to be available in dylib format". With clean builds of path dependencies cargo always provides the dylib, so this mostly comes from prebuilt or stale dylibs.'
    },
    {
        id: 'no-linkable-lib',
        severity: 'error',
        title: 'A dependency whose library is only a cdylib or staticlib cannot be used from Rust',
        description: 'A library whose only crate types are `cdylib` and/or `staticlib` cannot be used from Rust: cargo still builds it but passes no `--extern`, and the dependent fails with `error[E0433]` or `E0463` (cargo may warn that the package provides no linkable target). A package\'s own bins and tests do not get such a library either; they fail when their source uses it.'
    },
    {
        id: 'panic-strategy',
        severity: 'error',
        title: 'The panic runtime or a linked crate does not match the artifact’s panic strategy',
        description: '`libstd-<hash>.so` contains the `panic_unwind` runtime, so an artifact that links `std` dynamically cannot use `panic = "abort"`: rustc fails with "the linked panic runtime `panic_unwind` is not compiled with this crate\'s panic strategy `abort`". A crate compiled with `abort` linked into an `unwind` artifact, or two panic runtimes in one artifact, fail the same check. Cargo builds test harnesses, build scripts, proc-macros and their dependencies with `unwind` whatever the profile says.'
    },
    {
        id: 'lto-conflict',
        severity: 'error',
        title: 'LTO is requested where rustc refuses it',
        description: 'rustc refuses `-C prefer-dynamic` together with fat or thin LTO on bins, cdylibs and staticlibs ("cannot prefer dynamic linking when performing LTO"), LTO on `dylib` and `proc-macro` crate types, and `-C lto` together with cargo\'s `-C embed-bitcode=no` ("options `-C embed-bitcode=no` and `-C lto` are incompatible"). Cargo itself only asks for LTO where rustc allows it, so these come from rustflags.'
    },
    {
        id: 'unsupported-crate-type',
        severity: 'warning',
        title: 'The target cannot produce a requested crate type',
        description: 'Targets without dynamic linking, `crt-static` targets (musl, or `+crt-static` on gnu) and wasm drop `dylib`, `cdylib` or `proc-macro` with "warning: dropping unsupported crate type". When every crate type of a unit is dropped, cargo stops before compiling anything ("cannot produce proc-macro for `mac` as the target does not support these crate types"), and the finding is an error. A common cause is `RUSTFLAGS="-C target-feature=+crt-static"` without `--target`, which also reaches proc-macros.'
    },
    {
        id: 'proc-macro-dylib',
        severity: 'error',
        title: 'A proc-macro links a Rust dylib dynamically, so rustc cannot load it',
        description: 'A proc-macro that depends on a Rust dylib links it dynamically; rustc then cannot load the proc-macro for its users, because that dylib is not on the compiler\'s library path, and every user fails with "error[E0463]: can\'t find crate for `mac`".'
    },
    {
        id: 'duplicate-symbol',
        severity: 'warning',
        title: 'A unit-test harness may link two copies of a library that exports unmangled symbols',
        description: 'A library\'s unit-test harness is its own source compiled with `--test`. When a dev-dependency depends back on the library, the harness also links the library\'s rlib: two static copies in one executable. Mangled symbols differ between the copies, but a `#[no_mangle]` or `#[export_name]` symbol is defined by both, and the link fails with "multiple definition of `sym`" (lld: "duplicate symbol") when the linker pulls in the rlib\'s object file that defines it, that is when code reached through the dev-dependency calls a mangled function of the library in the same codegen unit. That depends on how rustc partitions the crate into codegen units, which cannot be known before compiling. Move the exports into a crate of their own, break the dev-dependency cycle, or gate the exports with `#[cfg(not(test))]`.'
    },
    {
        id: 'runtime-dylib',
        severity: 'warning',
        title: 'An executable needs Rust shared libraries that will not be found outside cargo',
        description: 'An executable that links any Rust dylib (its own workspace dylibs, or `libstd-<hash>.so` under `-C prefer-dynamic`) records `NEEDED` entries without a run path. `cargo run` and `cargo test` set the library path, so it works there, but started directly, from an IDE, after `cargo install` or on another machine it fails with "error while loading shared libraries". The finding lists every file needed, transitively. With `rpath = true` the executable finds them in place and nothing is reported.'
    },
    {
        id: 'doctest-runtime',
        severity: 'error',
        title: 'Doc examples link a Rust shared library that `cargo test` does not put on their library path',
        description: 'Cargo runs a library\'s doc examples through `rustdoc --test` with only `target/<profile>/deps` (and build scripts\' native directories) on the library path, not the toolchain\'s library directory that `cargo run` and test harnesses get. An example that links `libstd-<hash>.so` — because the library depends on a Rust dylib built with `-C prefer-dynamic`, as Bevy\'s `dynamic_linking` does — compiles, then fails with exit status 127 ("error while loading shared libraries"), and `cargo test` fails. With `--target`, the workspace\'s own dylibs are outside that directory and are missing too. Only examples that run count: a library without doc examples, or with only `no_run`, `ignore` or `compile_fail` ones, is not reported, and neither is a toolchain whose `libstd` is in a directory the loader searches by default (distribution packages).'
    },
    {
        id: 'static-pie-rpath',
        severity: 'error',
        title: 'A static-pie executable has a run path and crashes before `main`',
        description: 'With `-C target-feature=+crt-static` on `x86_64-unknown-linux-gnu`, rustc links executables as static-pie, and `rpath = true` gives them a `RUNPATH`. glibc\'s start-up code for static-pie executables requires that there be none, so the executable dies with SIGSEGV before `main`: a bin under `cargo run` as well as started directly, a test harness under `cargo test`, and a build script when cargo runs it, which fails the build and blocks its package. `rpath = false`, or `-C relocation-model=static` for a non-PIE static executable, avoids it.'
    },
    {
        id: 'output-filename-collision',
        severity: 'warning',
        title: 'Two units of one build write the same file, and the last one to finish wins',
        description: 'Cargo names the files of a path package\'s `dylib` or `cdylib` without its metadata hash, and copies every dylib, bin and requested artifact into `target/<profile>/` under its plain name. When one build has two units that write the same name, cargo only warns "output filename collision", and the file holds whichever unit finishes last: a dylib used by a build script or proc-macro and by the target in a `release` or `panic = "abort"` build (host units get `opt-level = 0` and always `panic = "unwind"`, so cargo compiles it twice), two versions of one `dylib` crate, or two bins of one name. Dependents may link or load the other copy: an undefined symbol, a panic-strategy error, or a binary that silently runs the wrong version, changing from one build to the next.'
    },
    {
        id: 'toolchain-unpinned',
        severity: 'warning',
        title: 'A Rust dylib crosses a build boundary, but no toolchain file pins an exact compiler',
        description: 'Rust has no stable ABI: a Rust `dylib` only works with code built by the exact same compiler build and ABI-relevant flags. That matters where a dylib crosses a build boundary: a member `dylib` that no package of the build links, next to an executable that loads libraries at run time (a loader crate such as `libloading`, or `dlopen` in its sources), is rebuilt and shipped on its own and nothing checks it when it is loaded; a published dylib (the `published-dylib` shape: meant for other projects) is used by code its users build with their own compiler. Then, without a `rust-toolchain.toml` or `rust-toolchain` file pinning an exact release (`1.95.0`) or a dated nightly (`nightly-2026-05-20`), the two sides may come from different compilers: E0514, "undefined symbol", or a crash. A dylib linked by the executables it is built with, and `-C prefer-dynamic`, are not reported: one cargo invocation builds both sides with one compiler.'
    },
    {
        id: 'toolchain-mismatch',
        severity: 'error',
        title: 'The toolchain in use is not the one the workspace requires',
        description: 'The compiler that runs (`rustc -vV`) is not the release or dated nightly that `rust-toolchain.toml` (or the policy\'s `exact-toolchain`) pins; or a package\'s `rust-version` is newer than that compiler, so cargo refuses to build it ("package requires rustc X or newer"); or the target the workspace builds for has no standard library installed, so every crate fails with "can\'t find crate for `std`". Predictions made with the wrong toolchain describe a build that will not happen.'
    },
    {
        id: 'panic-strategy-mixed',
        severity: 'warning',
        title: 'Panic strategies differ across a dynamic boundary',
        description: 'An `abort` unit and an `unwind` unit on the two sides of one dynamic boundary: a host and a `cdylib` or Rust `dylib` of the build it loads at run time, or a Rust `dylib` and a unit linking it. rustc compares strategies only across what it links; across a library loaded at run time a panic unwinding out of the `unwind` side into `abort` code is undefined behaviour. All `abort` or all `unwind` is sound. Within one cargo invocation the sides differ where cargo forces `unwind` (everything a test harness, a build script or a proc-macro links): under `cargo test` with `panic = "abort"`, the binaries integration tests run are `abort` and a plugin built for its own tests is `unwind`. Where rustc links both sides it refuses the mix itself (`panic-strategy`).'
    },
    {
        id: 'abi-flags-divergent',
        severity: 'warning',
        title: 'Units linked across a dylib boundary are built with different ABI-relevant flags',
        description: 'rustc checks a few "target modifier" flags across crates, but not `-C target-feature`, `-C target-cpu`, `-Z randomize-layout` or `-Z layout-seed`: type layouts and calling conventions can then differ between a Rust `dylib` and its users without any diagnostic. A dylib built twice with different flags (for example once for the host, for build scripts and proc-macros, and once for `--target` with target-specific rustflags) or layout randomization across separately built dylibs leads to memory corruption rather than a build error.'
    },
    {
        id: 'multiple-rust-runtimes',
        severity: 'warning',
        title: 'Libraries loaded at run time carry their own std, allocator and statics, and cross a boundary rustc does not check',
        description: 'An executable of the workspace loads, at run time, `cdylib`s or Rust `dylib`s that the same build produces and no other package links. Every `cdylib` links its own copy of `std` and of every dependency: its own allocator, statics and thread-locals (a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s, so only `#[repr(C)]` data and `extern "C"` functions are sound across the boundary: the rule is quiet when every unmangled export of the plugins is such a C interface, and otherwise names the first that is not (a `String`, `Vec`, `Box`, trait object, slice, Rust-ABI function, or a type without a C representation). A Rust `dylib` loaded at run time must come from the same compiler with the same ABI-relevant flags as the host, is a second copy of the crates it contains, and cannot be unloaded. abi_stable and stabby check layouts when a library is loaded; with them the finding is informational.'
    },
    {
        id: 'global-allocator-ignored',
        severity: 'warning',
        title: 'A #[global_allocator] is silently ignored because std links dynamically',
        description: 'When an artifact links any crate dynamically (for example `libstd-<hash>.so` under `-C prefer-dynamic`), rustc generates no allocator shim in it and uses the one inside the upstream dylib, so a `#[global_allocator]` declared in the executable is never called (rust-lang/rust#100781). Nothing fails at build time; allocations silently go to the default allocator.'
    },
    {
        id: 'global-allocator-split',
        severity: 'warning',
        title: 'A #[global_allocator] on one side of a plugin boundary splits the heap',
        description: 'A `cdylib` plugin uses its own allocator (the system allocator unless it declares one), independently of the host. When the host or a plugin declares a `#[global_allocator]`, memory allocated on one side and freed on the other (a `Box` or `String` passed across, `Box::from_raw` of a plugin pointer) goes to a different heap: heap corruption, not an error. Free memory on the side that allocated it, or make every side use the same underlying allocator.'
    },
    {
        id: 'published-dylib',
        severity: 'warning',
        title: 'A library meant for other projects offers no rlib, forcing its users into dynamic linking',
        description: 'A package meant for other projects — not `publish = false`, and a `description` and a `license` or `license-file` (what crates.io requires), or `publish` naming its registries — whose `[lib]` declares the Rust `dylib` crate type without `rlib` or `lib` forces every crate that depends on it into dynamic linking: each downstream artifact links `std` dynamically, inherits panic-strategy conflicts and duplicate-linkage errors, and needs the shared library at run time. An application\'s own engine crate, without that metadata, is not reported; nor are `cdylib` and `staticlib` libraries, built for C, Python or a plugin host. Add `"rlib"` to `crate-type`, or set `publish = false`.'
    },
    {
        id: 'lto-dynamic-unsound',
        severity: 'warning',
        title: 'LTO together with Rust dynamic linking on Windows',
        description: 'On Windows targets, thin or fat LTO combined with Rust `dylib`s or `-C prefer-dynamic` is known to produce missing or mismatched symbols and crashes at run time (bevy#17130, rust-lang/rust#127979): LTO may internalize or drop symbols that another DLL imports. Use `lto = false` in profiles that link Rust crates dynamically on Windows (for example Bevy\'s `dynamic_linking` development builds).'
    },
    {
        id: 'hot-reload-layout',
        severity: 'note',
        title: 'A crate is built both as an rlib linked into an executable and as a dylib (the hot-reload shape)',
        description: 'With `crate-type = ["rlib", "dylib"]` used by an executable, the executable links the rlib statically while the dylib is a second, separate copy of the crate and of `std`. Reloading the dylib then meets two copies of every static (a `tracing` callsite registry, a `log` logger, thread-locals), `TypeId`s that differ between the copies, and types whose layout may have changed since the executable was built. Keep the reloadable part behind a small `#[repr(C)]`/`extern "C"` interface, keep state in the executable, and rebuild the executable when shared types change.'
    },
    {
        id: 'unused-allow',
        severity: 'warning',
        title: 'An allow entry of the policy file matches no finding (or has expired)',
        description: 'An `[[allow]]` entry of the policy file matched no finding of this run, has no effect because its rule is turned off, or has passed its `expires` date, in which case the findings it covered fail the run again. A stale entry could silently allow an unrelated finding later: remove it, correct its `package`, `target` or `crate` fields, or set a later `expires` date if its reason still holds.'
    }
];
/** The project's repository on GitHub (SARIF `informationUri`). */
const INFORMATION_URI = 'https://github.com/rust-linkage-guard/rust-linkage-guard';
function ruleInfo(id) {
    return RULES.find(r => r.id === id);
}
/**
 * The rule's page, `docs/rules/<id>.md`, at the release tag of this version: a report links the
 * documentation of the version that produced it.
 */
function ruleHelpUri(id) {
    return `${INFORMATION_URI}/blob/v${VERSION}/docs/rules/${id}.md`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts




const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_TOOL_NAME = 'Rust Linkage Guard';
/** Key of `partialFingerprints`; the suffix changes if the fingerprint's definition ever does. */
const SARIF_FINGERPRINT_KEY = 'rustLinkageGuard/v1';
/** The uriBaseId every repository-relative uri is relative to, as GitHub code scanning expects. */
const SARIF_SRCROOT = '%SRCROOT%';
/** What GitHub code scanning accepts (hard limits), and caps of our own that keep uploads small. */
const SARIF_LIMITS = {
    /** GitHub rejects a run with more results. */
    resultsPerRun: 25_000,
    /** GitHub rejects a result with more; counts `locations` and `relatedLocations` together. */
    locationsPerResult: 1_000,
    /** `message.text` and `message.markdown`, in UTF-8 bytes (our own cap). */
    messageBytes: 8 * 1024,
    /** `fullDescription.text` of a rule, in characters. */
    ruleDescriptionChars: 1_024
};
const sarif_SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
const RULE_TAGS = ['linkage', 'rust'];
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** The SARIF 2.1.0 log for GitHub code scanning: one run, every rule of the registry, one result per finding. */
function renderSarif(report, options) {
    // An absolute prefix (the workspace on another drive than the repository) is kept: uris become `file:` uris.
    const prefix = isAbsolutePath(options.workspacePrefix) ? options.workspacePrefix : normalizePath(options.workspacePrefix);
    const notifications = report.notes.map(text => ({ level: 'note', message: { text } }));
    let findings = report.findings;
    if (findings.length > SARIF_LIMITS.resultsPerRun) {
        findings = [...findings].sort((a, b) => sarif_SEVERITY_RANK[a.severity] - sarif_SEVERITY_RANK[b.severity]).slice(0, SARIF_LIMITS.resultsPerRun);
        const left = report.findings.length - findings.length;
        notifications.push({
            level: 'warning',
            message: { text: `${left} finding${left === 1 ? '' : 's'} of lowest severity left out: GitHub code scanning accepts at most ${SARIF_LIMITS.resultsPerRun} results per run; the JSON report has them all.` }
        });
    }
    const semanticVersion = options.toolVersion.replace(/^v/, '');
    const driver = withoutUndefined({
        name: SARIF_TOOL_NAME,
        informationUri: INFORMATION_URI,
        version: options.toolVersion,
        semanticVersion: SEMVER.test(semanticVersion) ? semanticVersion : undefined,
        rules: RULES.map(ruleDescriptor)
    });
    const invocation = withoutUndefined({
        executionSuccessful: true,
        toolExecutionNotifications: notifications.length > 0 ? notifications : undefined,
        properties: {
            cargoCommand: report.invocation.command,
            profile: report.invocation.profile,
            rustc: report.toolchain.release,
            target: report.toolchain.target
        }
    });
    const root = repositoryRoot(report.workspaceRoot, prefix);
    const run = withoutUndefined({
        tool: { driver },
        automationDetails: options.category ? { id: options.category } : undefined,
        invocations: [invocation],
        originalUriBaseIds: root !== null ? { [SARIF_SRCROOT]: { uri: root } } : undefined,
        results: findings.map(f => result(f, prefix))
    });
    return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}
function ruleDescriptor(rule) {
    const helpUri = ruleHelpUri(rule.id);
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
    };
}
function result(f, prefix) {
    const ruleIndex = RULES.findIndex(r => r.id === f.rule);
    const locations = [sarif_location(prefix, f.file, f.line)];
    const related = (f.related ?? []).slice(0, SARIF_LIMITS.locationsPerResult - locations.length);
    return withoutUndefined({
        ruleId: f.rule,
        ruleIndex: ruleIndex >= 0 ? ruleIndex : undefined,
        level: f.severity,
        message: findingMessage(f),
        locations,
        relatedLocations: related.length > 0 ? related.map((r, i) => ({ id: i + 1, ...sarif_location(prefix, r.file, r.line), message: { text: r.message } })) : undefined,
        partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
        suppressions: f.allowed !== undefined
            ? [{ kind: 'external', status: 'accepted', justification: f.allowed.reason, location: sarif_location(prefix, f.allowed.file, f.allowed.line) }]
            : undefined,
        baselineState: f.baseline === undefined ? undefined : f.baseline === 'new' ? 'new' : 'unchanged',
        properties: withoutUndefined({
            package: f.package,
            target: f.target,
            kind: f.kind,
            mode: f.mode,
            crateType: f.crateType,
            platform: f.platform,
            crates: [...f.crates],
            defaultSeverity: f.defaultSeverity
        })
    });
}
/** Drops keys whose value is undefined, so that the object is what JSON.stringify writes and the schema sees. */
function withoutUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function findingMessage(f) {
    const label = (x) => fixLabel(f, x).replace(/^f/, 'F');
    const text = [f.message, ...(f.fixes.length > 0 ? ['', ...f.fixes.map(x => `${label(x)}: ${x.title}`)] : [])].join('\n');
    // Repository names inside the messages may hold markdown or HTML: escaped, with no HTML of our own.
    const markdown = [plainMarkdown(f.message)];
    if (f.fixes.length > 0)
        markdown.push('', '**Fix:**', '', ...f.fixes.map(x => `- ${x.verified ? '(verified) ' : ''}${plainMarkdown(x.title)}`));
    return { text: truncateBytes(text, SARIF_LIMITS.messageBytes), markdown: truncateBytes(markdown.join('\n'), SARIF_LIMITS.messageBytes) };
}
function sarif_location(prefix, file, line) {
    return { physicalLocation: { artifactLocation: artifactLocation(prefix, file), region: { startLine: Number.isInteger(line) && line >= 1 ? line : 1 } } };
}
/**
 * A file relative to the workspace root → a repository-relative uri under `%SRCROOT%`. Absolute paths (files
 * outside the workspace, such as a user-level cargo config), in POSIX or Windows form, become `file:` uris
 * without a base; so does every file when the workspace prefix itself is absolute.
 */
function artifactLocation(workspacePrefix, file) {
    if (isAbsolutePath(file))
        return { uri: fileUri(file) };
    if (isAbsolutePath(workspacePrefix))
        return { uri: fileUri(`${forwardSlashes(workspacePrefix)}/${file}`, false, isWindowsPath(workspacePrefix)) };
    return { uri: encodePath(normalizePath(`${workspacePrefix}/${file}`)), uriBaseId: SARIF_SRCROOT };
}
/** Resolves `.`, `..`, empty segments and trailing slashes; `..` above the start is kept. No leading slash. */
function normalizePath(p) {
    const out = [];
    for (const segment of p.split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..')
            out.pop();
        else
            out.push(segment);
    }
    return out.join('/');
}
/**
 * `file:` uri of an absolute path, with a trailing slash when asked: `/x` → `file:///x`, `C:\x` → `file:///C:/x`,
 * `\\server\share\x` → `file://server/share/x` (RFC 8089's form for UNC paths). `windows` tells a UNC path
 * already written with forward slashes from a POSIX `//x`.
 */
function fileUri(absolute, directory = false, windows = isWindowsPath(absolute)) {
    const p = forwardSlashes(absolute);
    const unc = /^\/\/([^/]+)(\/.*)?$/.exec(p);
    const drive = /^[A-Za-z]:/.exec(p)?.[0];
    const authority = unc !== null && windows ? unc[1] : '';
    const rest = authority !== '' ? (unc[2] ?? '') : drive !== undefined ? p.slice(2) : p;
    const segments = normalizePath(rest).split('/').filter(s => s !== '..').join('/');
    const uriPath = `${drive !== undefined ? `/${drive}` : ''}/${encodePath(segments)}`;
    return `file://${authority === '' ? '' : encodePath(authority)}${uriPath}${directory && !uriPath.endsWith('/') ? '/' : ''}`;
}
/** The repository root as an absolute `file:` uri, when the workspace root ends with the prefix. */
function repositoryRoot(workspaceRoot, prefix) {
    if (!isAbsolutePath(workspaceRoot) || isAbsolutePath(prefix) || prefix.startsWith('..'))
        return null;
    const windows = isWindowsPath(workspaceRoot);
    const root = forwardSlashes(workspaceRoot).replace(/\/+$/, '');
    if (prefix === '')
        return fileUri(root, true, windows);
    if (!root.endsWith(`/${prefix}`))
        return null;
    return fileUri(root.slice(0, root.length - prefix.length - 1) || '/', true, windows);
}
// RFC 3986 pchar minus ':' (which would make a first segment look like a scheme): unreserved, sub-delims, '@'.
const URI_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/;
const encoder = new TextEncoder();
/** Percent-encodes each segment of a posix path so that it is a valid URI reference. */
function encodePath(p) {
    return p
        .split('/')
        .map(segment => {
        let out = '';
        for (const ch of segment) {
            if (URI_SAFE.test(ch))
                out += ch;
            else
                for (const byte of encoder.encode(ch))
                    out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        }
        return out;
    })
        .join('/');
}
/** `duplicate-linkage` → `DuplicateLinkage`. */
function pascalCase(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(w => w !== '')
        .map(w => w[0].toUpperCase() + w.slice(1))
        .join('');
}
const ELLIPSIS = '…';
function truncateChars(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - ELLIPSIS.length)}${ELLIPSIS}`;
}
/** Cuts to at most `max` UTF-8 bytes, never inside a code point, ending with an ellipsis when cut. */
function truncateBytes(text, max) {
    if (encoder.encode(text).length <= max)
        return text;
    const budget = max - encoder.encode(ELLIPSIS).length;
    let used = 0;
    let out = '';
    for (const ch of text) {
        const size = encoder.encode(ch).length;
        if (used + size > budget)
            break;
        used += size;
        out += ch;
    }
    return `${out}${ELLIPSIS}`;
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/** Standard-library crates other than `std` itself: drawn as part of `std`. */
const STD_INTERNALS = new Set(['core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro', 'unwind', 'libc']);
/** Crates at fault drawn one by one; the rest share one node. */
const MAX_FAULT_NODES = 8;
/** Edges beyond the inclusion paths: past this, statically linked crates are only counted. */
const MAX_EDGES = 40;
const MORE_FAULTS = '\0more-faults';
const MORE_STATIC = '\0more-static';
/**
 * A mermaid flowchart of how one artifact links: nodes are crates, edges are labelled `static`, `dynamic`
 * or `inside dylib` (a dylib that contains the crate), and the crates at fault are highlighted. Large
 * artifacts keep the ways in of the first crates at fault and every dylib, and count the rest.
 * Every label is entity-encoded, so crate names cannot break out of the diagram or the code fence.
 */
function linkageDiagram(artifact, findings) {
    const root = artifact.target.replace(/-/g, '_');
    const faults = new Set(findings.flatMap(f => f.crates));
    const drawn = new Set([...faults].slice(0, MAX_FAULT_NODES));
    const moreFaults = faults.size - drawn.size;
    const nodeFor = (crate) => (faults.has(crate) && !drawn.has(crate) ? MORE_FAULTS : crate);
    const edges = new Map();
    const addEdge = (from, to, style, onPath) => {
        const key = `${from}\0${to}\0${style}`;
        const existing = edges.get(key);
        if (existing)
            existing.onPath ||= onPath;
        else
            edges.set(key, { from, to, style, onPath });
    };
    for (const path of findings.flatMap(f => f.inclusion ?? [])) {
        const chain = path.chain[0] === root ? path.chain : [root, ...path.chain];
        for (let i = 1; i < chain.length; i++)
            addEdge(chain[i - 1], chain[i], 'dynamic', true);
        addEdge(chain.at(-1), nodeFor(path.crate), path.how === 'inside-dylib' ? 'inside dylib' : path.how, true);
    }
    const rest = [];
    for (const entry of artifact.linkage) {
        if (STD_INTERNALS.has(entry.crate) || entry.how === 'not-linked')
            continue;
        const to = nodeFor(entry.crate);
        if (entry.how === 'included-from-dylib') {
            if (entry.via !== undefined)
                rest.push({ from: entry.via, to, style: 'inside dylib', onPath: false });
        }
        else
            rest.push({ from: root, to, style: entry.how === 'dynamic' ? 'dynamic' : 'static', onPath: false });
    }
    // Dylibs linked dynamically always show; other edges while there is room.
    let omitted = 0;
    for (const e of rest) {
        const room = edges.size < MAX_EDGES || (e.style === 'dynamic' && e.from === root);
        if (room || edges.has(`${e.from}\0${e.to}\0${e.style}`))
            addEdge(e.from, e.to, e.style, false);
        else if (e.style === 'static')
            omitted++;
    }
    if (omitted > 0)
        addEdge(root, MORE_STATIC, 'static', false);
    const dylibs = new Set([...artifact.linkage.filter(l => l.how === 'dynamic').map(l => l.crate), ...artifact.linkage.flatMap(l => (l.via === undefined ? [] : [l.via]))]);
    const label = (name) => {
        if (name === MORE_FAULTS)
            return `${moreFaults} more crates at fault`;
        if (name === MORE_STATIC)
            return `${omitted} more crates linked statically`;
        const kind = name === root ? artifact.crateType : dylibs.has(name) ? 'dylib' : null;
        return `${mermaidText(name)}${kind === null ? '' : `<br/>${mermaidText(kind)}`}`;
    };
    const ids = new Map();
    const lines = ['flowchart LR'];
    for (const name of [root, ...[...edges.values()].flatMap(e => [e.from, e.to])]) {
        if (ids.has(name))
            continue;
        ids.set(name, `n${ids.size}`);
        lines.push(`  ${ids.get(name)}["${label(name)}"]`);
    }
    for (const e of edges.values()) {
        const arrow = e.style === 'inside dylib' ? `-. ${e.style} .->` : e.onPath ? `==>|${e.style}|` : `-->|${e.style}|`;
        lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`);
    }
    lines.push('  classDef artifact fill:#ddf4ff,stroke:#0969da,stroke-width:2px,color:#1f2328');
    lines.push('  classDef fault fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328');
    lines.push('  class n0 artifact');
    const faulty = [...drawn, MORE_FAULTS].filter(c => ids.has(c)).map(c => ids.get(c));
    if (faulty.length > 0)
        lines.push(`  class ${faulty.join(',')} fault`);
    return lines.join('\n');
}
/** Mermaid label text: anything but plain name characters becomes a `#code;` entity. */
function mermaidText(text) {
    return text.replace(/[^A-Za-z0-9 _.@/+-]/g, c => `#${c.codePointAt(0)};`);
}

;// CONCATENATED MODULE: ./src/report/summary.ts






/** GitHub drops a step summary above 1 MiB; this leaves room for other writers and for GitHub's own markup. */
const SUMMARY_BUDGET = 768 * 1024;
/** Diagrams drawn: one per failing artifact, up to this many. */
const MAX_DIAGRAMS = 10;
/** Artifact rows shown outside a `<details>` block. */
const OPEN_ARTIFACT_ROWS = 30;
const ICONS = { error: '🔴', warning: '🟠', note: '🔵' };
/**
 * The job summary (and `--format markdown`): the verdict, the findings grouped by rule with how each crate
 * gets in and how to fix it, a diagram of each failing artifact's linkage, and the table of artifacts.
 * Every string from the repository goes through `escapeHtml` or `md`: escaped, hidden characters shown, and
 * mentions, references and autolinks broken. Sections are added whole until the budget is reached,
 * so a truncated summary never ends inside a table or a `<details>` block.
 */
function renderSummary(report, options = {}) {
    const budget = options.budget ?? SUMMARY_BUDGET;
    const blocks = [header(report), ...findingBlocks(report, options.links ?? null), ...diagramBlocks(report), ...artifactBlocks(report), toolchainBlock(report), ...allowedBlocks(report), footer(report)];
    const truncation = '\n> **Truncated** to stay under GitHub’s summary size limit: the JSON report has every artifact and finding.\n';
    const out = [];
    let size = 0;
    for (const [i, block] of blocks.entries()) {
        const bytes = Buffer.byteLength(block) + 1;
        const last = i === blocks.length - 1;
        if (size + bytes + (last ? 0 : Buffer.byteLength(truncation)) > budget) {
            out.push(truncation);
            break;
        }
        out.push(block);
        size += bytes;
    }
    return `${out.join('\n')}\n`;
}
function header(report) {
    const { errors, warnings } = countFindings(report);
    const icon = report.gate.verdict === 'fail' ? '❌' : errors + warnings > 0 ? '⚠️' : '✅';
    const title = report.gate.verdict === 'fail' ? 'fails' : 'passes';
    const lines = [`## ${icon} Rust Linkage Guard ${title}`, '', md(verdictLine(report)), ''];
    const facts = [];
    if (report.baseline) {
        const counted = report.findings.filter(f => f.allowed === undefined);
        facts.push(`**${counted.filter(f => f.baseline === 'new').length}** new`, `${counted.filter(f => f.baseline === 'existing').length} already in the baseline`, ...(report.baseline.fixed > 0 ? [`${report.baseline.fixed} fixed since the baseline`] : []));
    }
    if (report.policy && report.policy.allowed > 0)
        facts.push(`${report.policy.allowed} allowed by ${md(`\`${report.policy.file}\``)}`);
    if (facts.length > 0)
        lines.push(facts.join(' · '), '');
    return lines.join('\n');
}
function findingBlocks(report, links) {
    const shown = report.findings.filter(f => f.allowed === undefined);
    if (shown.length === 0)
        return [];
    const byRule = new Map();
    for (const f of shown) {
        const same = byRule.get(f.rule);
        if (same === undefined)
            byRule.set(f.rule, [f]);
        else
            same.push(f);
    }
    const blocks = ['### Findings\n'];
    for (const [rule, findings] of byRule) {
        const info = RULES.find(r => r.id === rule);
        const icon = ICONS[findings[0].severity];
        // A registry id and a URL built here are ours: the link needs none of the escaping of repository text.
        const id = info ? `[\`${info.id}\`](${ruleHelpUri(info.id)})` : `<code>${escapeHtml(rule)}</code>`;
        const title = info ? `: ${escapeHtml(info.title)}` : '';
        blocks.push(`#### ${icon} ${id}${title}\n\n<sub>${plural(findings.length, 'finding')}</sub>\n`);
        // Advice every finding of the rule shares is said once, after them, not once per finding.
        const shared = findings.length > 1 ? sharedAdvice(findings) : [];
        const omit = new Set(shared.map(x => x.title));
        for (const f of findings)
            blocks.push(findingBlock(f, links, omit));
        if (shared.length > 0) {
            blocks.push(`<details><summary>How to fix each of these ${findings.length} findings</summary>\n\n${shared.map(x => fixItem(findings[0], x)).join('\n')}\n\n</details>\n`);
        }
    }
    return blocks;
}
/** The unverified advice that every one of the findings gives, word for word. */
function sharedAdvice(findings) {
    return findings[0].fixes.filter(x => !x.verified && findings.every(f => f.fixes.some(y => !y.verified && y.title === x.title)));
}
/**
 * `file:line` as code, linked to that line at the analysed commit when the file is in the repository; files
 * outside it (a user-level cargo config) stay plain text.
 */
function fileReference(file, line, links) {
    const code = `<code>${escapeHtml(file)}:${line}</code>`;
    const inRepository = links === null ? null : repositoryPath(links.workspacePrefix, file);
    if (inRepository === null)
        return code;
    const url = `${links.blobUrl}/${inRepository.split('/').map(encodeURIComponent).join('/')}#L${line}`;
    return `<a href="${escapeAttribute(url)}">${code}</a>`;
}
function findingBlock(f, links = null, omit = new Set()) {
    const standing = findingStanding(f);
    const badge = standing === 'new' ? ' · 🆕 **new**' : standing === 'existing' ? ' · already in the baseline' : '';
    const where = [fileReference(f.file, f.line, links), ...(f.related ?? []).map(r => `${md(r.message)} ${fileReference(r.file, r.line, links)}`)].join(', ');
    const lines = [`**${md(findingSubject(f))}** · ${where}${badge}`, '', md(f.message), ''];
    const inclusion = f.inclusion ?? [];
    if (inclusion.length > 0) {
        lines.push('How it gets in:', '', ...groupInclusion(inclusion).map(g => `- ${md(describeInclusion(g))}`), '');
    }
    const fixes = f.fixes.filter(x => x.verified || !omit.has(x.title));
    if (fixes.length > 0) {
        lines.push(`<details><summary>How to fix</summary>\n\n${fixes.map(x => fixItem(f, x)).join('\n')}\n\n</details>`, '');
    }
    return lines.join('\n');
}
/** A fix as a list item: its label, its title, and its edits as a small diff. */
function fixItem(f, fix) {
    const label = fix.verified ? '✅ **verified:** ' : f.severity === 'error' ? '*not verified:* ' : '';
    const diff = editDiff(fix.edits ?? []);
    return `- ${label}${md(fix.title)}${diff.length > 0 ? `\n\n${fencedBlock('diff', diff.map(withCodePoints), '  ')}` : ''}`;
}
/** A fenced code block whose fence is longer than any run of backticks in the lines, so none can close it. */
function fencedBlock(language, lines, indent = '') {
    const longest = Math.max(0, ...lines.map(l => Math.max(0, ...(l.match(/`+/g) ?? []).map(run => run.length))));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}${language}`, ...lines, fence].map(l => `${indent}${l}`).join('\n');
}
function diagramBlocks(report) {
    const failing = report.artifacts.filter(a => a.status === 'error' && a.linkage.length > 0);
    if (failing.length === 0)
        return [];
    const blocks = ['### Linkage of failing artifacts\n'];
    for (const [i, artifact] of failing.slice(0, MAX_DIAGRAMS).entries()) {
        const findings = report.findings.filter(f => sameArtifact(f, artifact));
        const of = artifact.package === artifact.target ? '' : ` of <code>${escapeHtml(artifact.package)}</code>`;
        const label = `${escapeHtml(artifact.crateType)} <code>${escapeHtml(artifact.target)}</code>${of}${artifact.mode === 'build' ? '' : ` (${artifact.mode})`}`;
        blocks.push(`<details${i === 0 ? ' open' : ''}><summary>${label}</summary>\n\n\`\`\`mermaid\n${linkageDiagram(artifact, findings)}\n\`\`\`\n\n</details>\n`);
    }
    if (failing.length > MAX_DIAGRAMS)
        blocks.push(`${failing.length - MAX_DIAGRAMS} more failing artifacts are in the JSON report.\n`);
    return blocks;
}
function sameArtifact(f, a) {
    return f.package === a.package && f.target === a.target && f.kind === a.kind && f.mode === a.mode && f.platform === a.platform && (f.crateType === a.crateType || a.mode !== 'build');
}
const STATUS_ORDER = { error: 0, blocked: 1, ok: 2 };
function artifactBlocks(report) {
    if (report.artifacts.length === 0)
        return [];
    const sorted = [...report.artifacts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    const head = '| package | target | crate type | status | std | shared libraries at run time |\n|---|---|---|---|---|---|';
    const row = (a) => {
        const status = a.status === 'error' ? '❌ error' : a.status === 'blocked' ? '⛔ blocked' : '✅ ok';
        const features = buildScriptFeatures(a);
        const cells = [
            a.package,
            `${a.target}${a.mode === 'build' ? '' : ` (${a.mode})`}${a.platform === 'host' ? ' (host)' : ''}${features === '' ? '' : ` (${features})`}`,
            a.crateType,
            status,
            stdLinkage(a),
            (a.runtimeLibraries ?? []).join(', ') || '—'
        ];
        return `| ${cells.map(escapeHtml).join(' | ')} |`;
    };
    const open = sorted.slice(0, OPEN_ARTIFACT_ROWS);
    const rest = sorted.slice(OPEN_ARTIFACT_ROWS);
    const blocks = [`### Artifacts\n\n${head}\n${open.map(row).join('\n')}\n`];
    // Rows go in chunks so that the budget can cut between them.
    for (let i = 0; i < rest.length; i += 500) {
        const chunk = rest.slice(i, i + 500);
        blocks.push(`<details><summary>${plural(rest.length, 'more artifact')}${rest.length > 500 ? ` (${i + 1}–${i + chunk.length})` : ''}</summary>\n\n${head}\n${chunk.map(row).join('\n')}\n\n</details>\n`);
    }
    return blocks;
}
const ROLES = {
    'rust-dylib': 'Rust dylib',
    'prefer-dynamic': '`-C prefer-dynamic`',
    'links-dynamically': 'links Rust crates dynamically',
    plugin: 'cdylib plugin',
    'plugin-host': 'loads plugins'
};
/** The compiler in use, the pin, the target, and the artifacts whose compiler and flags must match. */
function toolchainBlock(report) {
    const t = report.toolchain;
    const rows = [
        ['rustc in use', md(`\`${t.release}\` (${t.commitHash.slice(0, 9)}${t.commitDate ? ` ${t.commitDate}` : ''}), host \`${t.host}\``)],
        [
            'pinned by the repository',
            t.pin ? md(`\`${t.pin.channel ?? t.pin.path ?? '—'}\` (${t.pin.kind}) in \`${t.pin.file}:${t.pin.line}\``) : 'nothing (no <code>rust-toolchain.toml</code>)'
        ],
        ...(t.expected ? [['required by the policy', md(`\`${t.expected}\` (\`exact-toolchain\`)`)]] : []),
        ['target', md(`\`${t.target}\``) + (t.stdInstalled ? ', standard library installed' : ', **standard library not installed**')]
    ];
    // A list, not a table: a two-column table would need a header row with nothing to say.
    const lines = ['### Toolchain', '', ...rows.map(([k, v]) => `- ${k}: ${v}`), ''];
    if (report.boundaries.length > 0) {
        lines.push('Artifacts at a dynamic boundary (everything across it must come from the same compiler and flags):', '', '| package | target | role | panic | ABI-relevant flags |', '|---|---|---|---|---|', ...report.boundaries.map(b => {
            const target = `${b.target}${b.platform === 'host' ? ' (host)' : ''}`;
            return `| ${escapeHtml(b.package)} | ${escapeHtml(target)} | ${md(ROLES[b.role])} | ${b.panic} | ${b.abiFlags.length > 0 ? b.abiFlags.map(f => `<code>${escapeHtml(f)}</code>`).join(' ') : '—'} |`;
        }), '');
    }
    return lines.join('\n');
}
function allowedBlocks(report) {
    const allowed = report.findings.filter(f => f.allowed !== undefined);
    if (allowed.length === 0)
        return [];
    const items = allowed.map(f => `- <code>${escapeHtml(f.rule)}</code> ${md(findingSubject(f))}: ${md(f.allowed.reason)} <sub>(${escapeHtml(f.allowed.file)}:${f.allowed.line})</sub>`);
    return [`<details><summary>${plural(allowed.length, 'finding')} allowed by the policy</summary>\n\n${items.join('\n')}\n\n</details>\n`];
}
function footer(report) {
    const t = report.toolchain;
    const notes = report.notes.map(n => `> ${md(n)}`).join('\n');
    const facts = md(`rustc ${t.release} (${t.commitHash.slice(0, 9)}), host ${t.host}, target ${t.target}, profile ${report.invocation.profile}`);
    return `${notes === '' ? '' : `${notes}\n\n`}<sub>${facts}</sub>\n`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: ./src/toml/chars.ts
/** The character codes the TOML reader compares against, and the classes of characters it tells apart. */
/**
 * The codes by name. A module that compares against them binds the ones it uses to constants of its own
 * (`const { LF } = CHAR`): V8 compiles a module's own constants into its code, where it would load an imported
 * binding at each use.
 */
const CHAR = {
    TAB: 0x09,
    LF: 0x0a,
    CR: 0x0d,
    SPACE: 0x20,
    QUOTE: 0x22,
    HASH: 0x23,
    APOSTROPHE: 0x27,
    PLUS: 0x2b,
    COMMA: 0x2c,
    MINUS: 0x2d,
    DOT: 0x2e,
    DIGIT_0: 0x30,
    DIGIT_9: 0x39,
    COLON: 0x3a,
    EQUALS: 0x3d,
    LEFT_BRACKET: 0x5b,
    BACKSLASH: 0x5c,
    RIGHT_BRACKET: 0x5d,
    UNDERSCORE: 0x5f,
    LEFT_BRACE: 0x7b,
    RIGHT_BRACE: 0x7d,
    DEL: 0x7f
};
const { CR, DIGIT_0, DIGIT_9, HASH, LF } = CHAR;
/** `A-Za-z0-9_-`, the characters of a bare key. */
const BARE = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')
    BARE[c.charCodeAt(0)] = 1;
function isBare(c) {
    return c < 128 && BARE[c] === 1;
}
function isDigit(c) {
    return c >= DIGIT_0 && c <= DIGIT_9;
}
function isDigitOf(c, radix) {
    if (radix === 16)
        return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
    return c >= DIGIT_0 && c < DIGIT_0 + radix;
}
/** A line break or a comment: where a line ends early. */
function endsLine(c) {
    return c === LF || c === CR || c === HASH;
}

;// CONCATENATED MODULE: ./src/toml/container-book.ts
/**
 * The kinds of container: what may still be added to one (TOML 1.0, "Table", "Inline Table" and "Array of
 * Tables"). Bound to constants of their own where used, as the character codes are.
 */
const KIND = {
    /** Named only on the way to a header (`a` in `[a.b]`): `[a]` may still define it, dotted keys may add to it. */
    IMPLICIT: 0,
    /** Defined by its own `[header]`, as an `[[array]]` element, or the document itself. */
    DEFINED: 1,
    /** Created by dotted keys (`a` in `a.b = 1`): more dotted keys and sub-table headers may add to it, `[a]` may not. */
    DOTTED: 2,
    /** An inline table `{ … }`: complete once written. */
    INLINE: 3,
    /** An array value `[ … ]`: complete once written. */
    STATIC_ARRAY: 4,
    /** An array of tables, which each `[[header]]` of its name extends. */
    TABLE_ARRAY: 5,
    /** For messages: a string, number, boolean or date-time; nothing at all. */
    VALUE: 6,
    NONE: 7
};
/**
 * What is known of each container, by id: its kind, and the lines of its keys or elements as a list of entries.
 * A table has an entry per key, with the line that first mentioned it; an array one per element whose line
 * differs from the element before it, with that line. All of it is kept in a few shared arrays, so that a
 * container or an entry costs no allocation of its own: a file can hold hundreds of thousands of tables.
 */
class Book {
    kinds = new Int32Array(64);
    heads = new Int32Array(64);
    tails = new Int32Array(64);
    count = 0;
    /** Per entry: the key (a table key, or the index of an array element), its line, the next entry or -1. */
    keys = [];
    lines = new Int32Array(256);
    nexts = new Int32Array(256);
    add(kind) {
        const id = this.count++;
        if (id === this.kinds.length) {
            this.kinds = grown(this.kinds);
            this.heads = grown(this.heads);
            this.tails = grown(this.tails);
        }
        this.kinds[id] = kind;
        this.heads[id] = -1;
        this.tails[id] = -1;
        return id;
    }
    kind(id) {
        return this.kinds[id];
    }
    setKind(id, kind) {
        this.kinds[id] = kind;
    }
    /** Records `key` of container `id` at `line`. */
    mark(id, key, line) {
        const entry = this.keys.length;
        this.keys.push(key);
        if (entry === this.lines.length) {
            this.lines = grown(this.lines);
            this.nexts = grown(this.nexts);
        }
        this.lines[entry] = line;
        this.nexts[entry] = -1;
        const tail = this.tails[id];
        if (tail < 0)
            this.heads[id] = entry;
        else
            this.nexts[tail] = entry;
        this.tails[id] = entry;
    }
    /** The line of the last entry of container `id`, or -1. */
    lastLine(id) {
        const tail = this.tails[id];
        return tail < 0 ? -1 : this.lines[tail];
    }
    /** The entries of container `id`, in order, as `[key, line]` pairs. */
    *entries(id) {
        for (let e = this.heads[id]; e >= 0; e = this.nexts[e])
            yield [this.keys[e], this.lines[e]];
    }
    /**
     * The line of table key `name` of container `id`, or null if it has none; undefined when `limit` entries
     * were scanned without finding it.
     */
    keyLine(id, name, limit = Infinity) {
        let steps = 0;
        for (let e = this.heads[id]; e >= 0; e = this.nexts[e]) {
            if (steps++ >= limit)
                return undefined;
            if (this.keys[e] === name)
                return this.lines[e];
        }
        return null;
    }
}
function grown(array) {
    const bigger = new Int32Array(array.length * 2);
    bigger.set(array);
    return bigger;
}
/**
 * The line of `key` of `container`, or null: its id is looked up in `ids`, and `indexes` keeps the indexes
 * built from the book for containers asked about before.
 */
function lineIn(ids, book, indexes, container, key) {
    const id = ids.get(container);
    if (id === undefined)
        return null;
    if (Array.isArray(container)) {
        const index = typeof key === 'number' ? key : /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : -1;
        if (!Number.isInteger(index) || index < 0 || index >= container.length)
            return null;
        // The last change of line at or before `index`, found by halving the changes (`[index, line, …]`).
        let runs = indexes.get(container);
        if (runs === undefined) {
            runs = [];
            for (const [at, line] of book.entries(id))
                runs.push(at, line);
            indexes.set(container, runs);
        }
        let low = 0;
        let high = runs.length / 2 - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (runs[2 * mid] <= index)
                low = mid;
            else
                high = mid - 1;
        }
        return runs[2 * low + 1];
    }
    const name = String(key);
    let byKey = indexes.get(container);
    if (byKey === undefined) {
        // A few keys are scanned; a table asked about more often gets an index.
        const line = book.keyLine(id, name, 16);
        if (line !== undefined)
            return line;
        indexes.set(container, (byKey = new Map()));
        for (const [at, line] of book.entries(id))
            byKey.set(at, line);
    }
    return byKey.get(name) ?? null;
}

;// CONCATENATED MODULE: ./src/toml/limits.ts
/**
 * What the TOML reader refuses to hold, whatever the size of the file: both keep every value small enough
 * for the code that walks, prints and matches it.
 */
/** Deepest nesting of arrays and inline tables that is read, as in toml_edit's parser (which cargo has used). */
const MAX_NESTING = 127;
/** Longest string (source characters between its quotes) that is read. */
const MAX_STRING = 65_536;
/** The problem with a long string, as the end of a message (`a string of 1000000 characters …`). */
function longStringProblem(what, length) {
    return `a ${what} of ${length} characters is too long to read (at most ${MAX_STRING})`;
}
/** The problem with an array or inline table nested one level too deep, as the end of a message. */
function nestingProblem() {
    return `too deeply nested: arrays and inline tables may nest at most ${MAX_NESTING} levels`;
}

;// CONCATENATED MODULE: ./src/toml/messages.ts
/** How the TOML reader's messages name a character, a key and a key path. */

const { DEL } = CHAR;
/** `rules.duplicate-linkage`, `allow[1].reason`, `rules."odd key"`. */
function formatTomlPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += `${out === '' ? '' : '.'}${/^[A-Za-z0-9_-]+$/u.test(segment) ? segment : JSON.stringify(segment)}`;
    }
    return out;
}
/** A character as it reads in a message. */
function describe(c) {
    if (c >= 0x21 && c < DEL)
        return `\`${String.fromCharCode(c)}\``;
    return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
/** `name` for a message, shortened when a file makes it very long. */
function showKey(name) {
    const shown = formatTomlPath([name]);
    return `\`${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}\``;
}

;// CONCATENATED MODULE: ./src/toml/scanner.ts
/**
 * The character-level cursor of the TOML reader: the text, the offset and line reached, the steps over blanks,
 * line breaks and comments that every part of the syntax shares, and the error at an offset, with its line and
 * column.
 */



const { CR: scanner_CR, DEL: scanner_DEL, HASH: scanner_HASH, LF: scanner_LF, SPACE, TAB } = CHAR;
/** The bottom layer of the reader, which each part of the syntax extends. */
class Scanner {
    text;
    file;
    pos = 0;
    line = 1;
    lineStart = 0;
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    // ---- Blanks, comments, line ends ------------------------------------------------------------------
    skipWs() {
        const text = this.text;
        let pos = this.pos;
        for (let c = text.charCodeAt(pos); c === SPACE || c === TAB; c = text.charCodeAt(++pos))
            ;
        this.pos = pos;
    }
    /** Skips spaces, tabs, line breaks and comments. */
    skipBlank() {
        const text = this.text;
        let pos = this.pos;
        for (;;) {
            const c = text.charCodeAt(pos);
            if (c === SPACE || c === TAB)
                pos++;
            else if (c === scanner_LF)
                this.newLine(++pos);
            else if (c === scanner_CR)
                pos = this.crlf(pos);
            else if (c === scanner_HASH)
                pos = this.comment(pos);
            else
                break;
        }
        this.pos = pos;
    }
    newLine(start) {
        this.line++;
        this.lineStart = start;
    }
    /** A carriage return at `pos` that must start a CRLF line break; returns the offset after it. */
    crlf(pos) {
        if (this.text.charCodeAt(pos + 1) !== scanner_LF)
            this.fail(pos, 'a carriage return must be followed by a line feed');
        this.newLine(pos + 2);
        return pos + 2;
    }
    /** Checks the comment starting at `pos`; returns the offset of the line break (or end of text) after it. */
    comment(pos) {
        const text = this.text;
        const end = text.length;
        for (pos++; pos < end; pos++) {
            const c = text.charCodeAt(pos);
            if ((c >= SPACE && c < scanner_DEL) || c === TAB)
                continue;
            if (c === scanner_LF || c === scanner_CR)
                break;
            if (c < 0x80)
                this.fail(pos, `a comment may not contain the control character ${describe(c)}`);
            if (c >= 0xd800 && c <= 0xdfff) {
                const next = text.charCodeAt(pos + 1);
                if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)
                    pos++;
                else
                    this.fail(pos, 'a comment may not contain an unpaired surrogate');
            }
        }
        return pos;
    }
    /** Whether the `quote` at `pos` is the first of three: `"""` or `'''`. */
    tripleAt(pos, quote) {
        return this.text.charCodeAt(pos + 1) === quote && this.text.charCodeAt(pos + 2) === quote;
    }
    // ---- Errors -----------------------------------------------------------------------------------------
    /** Throws the UserError `"<file>:<line>:<col>: invalid TOML: <reason>"` for offset `at`. */
    fail(at, reason) {
        const { line, column } = this.locate(at);
        throw new errors_UserError(`${this.file}:${line}:${column}: invalid TOML: ${reason}`);
    }
    /** Line and column (1-based, in UTF-16 code units) of offset `at`. */
    locate(at) {
        const text = this.text;
        let line = 1;
        let start = 0;
        if (at >= this.lineStart) {
            line = this.line;
            start = this.lineStart;
        }
        for (let i = text.indexOf('\n', start); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
            line++;
            start = i + 1;
        }
        return { line, column: at - start + 1 };
    }
}

;// CONCATENATED MODULE: ./src/toml/strings.ts
/**
 * The TOML reader's strings: basic `"…"`, literal `'…'` and the multi-line forms of both, their escapes, and the
 * limit on their length. Also the error at a token, which reads a string that starts there first.
 */





const { APOSTROPHE, BACKSLASH, CR: strings_CR, DEL: strings_DEL, LF: strings_LF, QUOTE, SPACE: strings_SPACE, TAB: strings_TAB } = CHAR;
/** The scanner, reading strings and string keys too. */
class StringReader extends Scanner {
    /** The opening quote and line of the string being read (-1 when none), for the length limit. */
    stringStart = -1;
    stringLine = 0;
    stringIsKey = false;
    /** Set by `escape`: the offset after the escape sequence. */
    escapeEnd = 0;
    enterString(start, isKey) {
        this.stringStart = start;
        this.stringLine = this.line;
        this.stringIsKey = isKey;
    }
    /** Ends the string read; `length` is its source characters between the quotes. */
    leaveString(length) {
        if (length > MAX_STRING)
            this.tooLong(length);
        this.stringStart = -1;
    }
    tooLong(length) {
        const line = this.stringLine;
        const problem = this.stringIsKey ? longStringProblem('quoted key', length) : `${formatTomlPath(this.valuePath())}: ${longStringProblem('string', length)}`;
        throw new errors_UserError(`${this.file}:${line}: ${problem}`);
    }
    /** A character that may not appear in a string as written, at `at`. */
    badStringChar(at, c) {
        if (at >= this.text.length)
            this.fail(at, 'unterminated string');
        if (c === strings_LF || (c === strings_CR && this.text.charCodeAt(at + 1) === strings_LF))
            this.fail(at, 'unterminated string: a line break in a single-line string');
        if (c === strings_CR)
            this.fail(at, 'a carriage return must be followed by a line feed');
        this.fail(at, `a string may not contain the control character ${describe(c)}; write it as an escape`);
    }
    /** A `"…"` string (not multi-line) at the current offset. */
    basicString(isKey) {
        const text = this.text;
        const start = this.pos;
        this.enterString(start, isKey);
        let out = '';
        let run = start + 1;
        let i = run;
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === QUOTE)
                break;
            if (c === BACKSLASH) {
                out += text.slice(run, i) + this.escape(i, false);
                i = run = this.escapeEnd;
            }
            else if ((c >= strings_SPACE && c !== strings_DEL) || c === strings_TAB) {
                i++;
            }
            else {
                this.badStringChar(i, c);
            }
        }
        out = run === start + 1 ? text.slice(run, i) : out + text.slice(run, i);
        this.leaveString(i - start - 1);
        this.pos = i + 1;
        return out;
    }
    /** A `'…'` string (not multi-line) at the current offset. */
    literalString(isKey) {
        const text = this.text;
        const start = this.pos;
        this.enterString(start, isKey);
        let i = start + 1;
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === APOSTROPHE)
                break;
            if ((c >= strings_SPACE && c !== strings_DEL) || c === strings_TAB)
                i++;
            else
                this.badStringChar(i, c);
        }
        this.leaveString(i - start - 1);
        this.pos = i + 1;
        return text.slice(start + 1, i);
    }
    /** A `"""…"""` or `'''…'''` string at the current offset. Line breaks in it read as `\n`. */
    multiLineString(quote) {
        const text = this.text;
        const start = this.pos;
        this.enterString(start, false);
        let i = start + 3;
        // A line break right after the opening delimiter is not part of the string.
        if (text.charCodeAt(i) === strings_LF)
            this.newLine(++i);
        else if (text.charCodeAt(i) === strings_CR && text.charCodeAt(i + 1) === strings_LF)
            this.newLine((i += 2));
        let out = '';
        let run = i;
        for (;;) {
            const c = text.charCodeAt(i);
            if (c === quote) {
                if (!this.tripleAt(i, quote)) {
                    i++;
                    continue;
                }
                // Up to two quotes right before the closing delimiter belong to the string.
                let n = 3;
                while (n < 5 && text.charCodeAt(i + n) === quote)
                    n++;
                if (n === 5 && text.charCodeAt(i + 5) === quote)
                    this.fail(i, 'three or more quotes in a row must be escaped in a multi-line string');
                out += text.slice(run, i + n - 3);
                this.leaveString(i + n - 3 - (start + 3));
                this.pos = i + n;
                return out;
            }
            if (c === BACKSLASH && quote === QUOTE) {
                out += text.slice(run, i) + this.escape(i, true);
                i = run = this.escapeEnd;
            }
            else if (c === strings_LF) {
                this.newLine(++i);
            }
            else if (c === strings_CR) {
                if (text.charCodeAt(i + 1) !== strings_LF)
                    this.fail(i, 'a carriage return must be followed by a line feed');
                out += text.slice(run, i);
                run = i + 1;
                this.newLine((i += 2));
            }
            else if ((c >= strings_SPACE && c !== strings_DEL) || c === strings_TAB) {
                i++;
            }
            else {
                this.fail(i, i >= text.length ? 'unterminated multi-line string' : `a string may not contain the control character ${describe(c)}; write it as an escape`);
            }
        }
    }
    /** The escape sequence whose backslash is at `at`; sets `escapeEnd`. */
    escape(at, multiLine) {
        const text = this.text;
        const c = text.charCodeAt(at + 1);
        this.escapeEnd = at + 2;
        switch (c) {
            case 0x62 /* b */:
                return '\b';
            case 0x74 /* t */:
                return '\t';
            case 0x6e /* n */:
                return '\n';
            case 0x66 /* f */:
                return '\f';
            case 0x72 /* r */:
                return '\r';
            case 0x65 /* e */:
                return '\x1b';
            case QUOTE:
                return '"';
            case BACKSLASH:
                return '\\';
            case 0x75 /* u */:
                return this.codePoint(at + 1, 4);
            case 0x55 /* U */:
                return this.codePoint(at + 1, 8);
            case 0x78 /* x */:
                return this.codePoint(at + 1, 2);
        }
        if (multiLine && (c === strings_SPACE || c === strings_TAB || c === strings_LF || c === strings_CR))
            return this.lineEndingBackslash(at);
        if (at + 1 >= text.length)
            this.fail(at + 1, 'unterminated string');
        this.fail(at + 1, `invalid escape sequence \\${String.fromCodePoint(text.codePointAt(at + 1))}`);
    }
    /** `\u`, `\U` or `\x` at `at`, with `count` hexadecimal digits. */
    codePoint(at, count) {
        const text = this.text;
        for (let k = 1; k <= count; k++) {
            const c = text.charCodeAt(at + k);
            if (at + k >= text.length)
                this.fail(text.length, 'unterminated string');
            if (!isDigitOf(c, 16))
                this.fail(at, `\\${text[at]} needs ${count} hexadecimal digits`);
        }
        const hex = text.slice(at + 1, at + 1 + count);
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            this.fail(at + count, `\\${text[at]}${hex} is not a Unicode scalar value`);
        this.escapeEnd = at + 1 + count;
        return String.fromCodePoint(code);
    }
    /** A backslash at `at` that ends a line: it, the line break and the blanks after it read as nothing. */
    lineEndingBackslash(at) {
        const text = this.text;
        let i = at + 1;
        while (text.charCodeAt(i) === strings_SPACE || text.charCodeAt(i) === strings_TAB)
            i++;
        const c = text.charCodeAt(i);
        if (i >= text.length)
            this.fail(i, 'unterminated multi-line string');
        if (c !== strings_LF && c !== strings_CR)
            this.fail(at + 1, 'a backslash can only end a line when nothing but blanks follow it on the line');
        for (;;) {
            const d = text.charCodeAt(i);
            if (d === strings_SPACE || d === strings_TAB)
                i++;
            else if (d === strings_LF)
                this.newLine(++i);
            else if (d === strings_CR)
                i = this.crlf(i);
            else
                break;
        }
        this.escapeEnd = i;
        return '';
    }
    // ---- Errors -----------------------------------------------------------------------------------------
    /**
     * Fails on the token at `token` (at `at` within it or before it). A string there is read first, as the old
     * parser's tokenizer did, so that a string left open, which may run over many lines, is reported as such.
     */
    unexpected(token, reason, at = token) {
        const c = this.text.charCodeAt(token);
        if (c === QUOTE || c === APOSTROPHE) {
            this.pos = token;
            if (this.tripleAt(token, c))
                this.multiLineString(c);
            else if (c === QUOTE)
                this.basicString(false);
            else
                this.literalString(false);
        }
        this.fail(at, reason);
    }
    /** Fails as the scanner does, unless the string being read is over the length limit: that is reported instead. */
    fail(at, reason) {
        // Like the reader before this one, a string over the length limit is reported as such, even if invalid.
        if (this.stringStart >= 0) {
            const length = stringExtent(this.text, this.stringStart);
            if (length > MAX_STRING)
                this.tooLong(length);
        }
        return super.fail(at, reason);
    }
}
/**
 * Source characters between the quotes of the string that opens at `start`, as far as it goes: an unclosed
 * single-line string ends at its line, an unclosed multi-line one at the end of the text.
 */
function stringExtent(text, start) {
    const quote = text.charCodeAt(start);
    const multiLine = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote;
    const contentStart = start + (multiLine ? 3 : 1);
    for (let j = contentStart; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === BACKSLASH && quote === QUOTE && text.charCodeAt(j + 1) !== strings_LF)
            j++;
        else if (c === strings_LF && !multiLine)
            return j - contentStart;
        else if (c === quote && !multiLine)
            return j - contentStart;
        else if (c === quote && text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) {
            let close = j;
            while (close < j + 2 && text.charCodeAt(close + 3) === quote)
                close++;
            return close - contentStart;
        }
    }
    return text.length - contentStart;
}

;// CONCATENATED MODULE: ./src/toml/scalars.ts
/**
 * The TOML reader's values other than strings, arrays and inline tables: booleans, integers (decimal,
 * hexadecimal, octal, binary), floats with `inf` and `nan`, and local or offset dates, times and date-times,
 * which are kept as their source text.
 */



const { APOSTROPHE: scalars_APOSTROPHE, COLON, DIGIT_0: scalars_DIGIT_0, DOT, MINUS, PLUS, QUOTE: scalars_QUOTE, SPACE: scalars_SPACE, UNDERSCORE } = CHAR;
const I64_MAX = '9223372036854775807';
const I64_MIN_ABS = '9223372036854775808';
function isValidDate(year, month, day) {
    if (month < 1 || month > 12 || day < 1)
        return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return day <= days;
}
/** Seconds up to 60 for a leap second, as RFC 3339 allows. */
function isValidTime(hour, minute, second) {
    return hour < 24 && minute < 60 && second <= 60;
}
/** The string reader, reading every value other than an array or inline table too. */
class ScalarReader extends StringReader {
    /** Set by `digits`: digits read, whether underscores separated them, and their value when short and decimal. */
    digitCount = 0;
    digitUnderscore = false;
    digitValue = 0;
    /** A string, number, boolean or date-time at the current offset. */
    scalar() {
        const text = this.text;
        const start = this.pos;
        const c = text.charCodeAt(start);
        if (c === scalars_QUOTE)
            return this.tripleAt(start, scalars_QUOTE) ? this.multiLineString(scalars_QUOTE) : this.basicString(false);
        if (c === scalars_APOSTROPHE)
            return this.tripleAt(start, scalars_APOSTROPHE) ? this.multiLineString(scalars_APOSTROPHE) : this.literalString(false);
        if (isDigit(c))
            return this.number(start, start);
        if (c === 0x74 /* t */ && text.startsWith('true', start)) {
            this.pos += 4;
            return true;
        }
        if (c === 0x66 /* f */ && text.startsWith('false', start)) {
            this.pos += 5;
            return false;
        }
        if (c === 0x69 /* i */ || c === 0x6e /* n */)
            return this.special(start, start);
        if (c === PLUS || c === MINUS) {
            const next = text.charCodeAt(start + 1);
            if (next === 0x69 || next === 0x6e)
                return this.special(start, start + 1);
            if (isDigit(next))
                return this.number(start, start + 1);
            this.fail(start + 1, `expected a number after ${describe(c)}`);
        }
        this.fail(start, this.pos >= text.length ? 'expected a value' : `expected a value, found ${describe(c)}`);
    }
    /** `inf` or `nan` at `at`, after the sign (if any) at `start`. */
    special(start, at) {
        const text = this.text;
        if (text.startsWith('inf', at)) {
            this.pos = at + 3;
            return text.charCodeAt(start) === MINUS ? -Infinity : Infinity;
        }
        if (text.startsWith('nan', at)) {
            this.pos = at + 3;
            return NaN;
        }
        this.fail(at, 'expected a value');
    }
    /**
     * Reads digits of `radix` (with single underscores between them) from `pos`; returns the offset after them
     * and sets `digitCount`, `digitUnderscore` and, for up to 15 decimal digits, `digitValue`.
     */
    digits(pos, radix) {
        const text = this.text;
        let c = text.charCodeAt(pos);
        if (c === UNDERSCORE)
            this.fail(pos, 'an underscore must be between two digits');
        if (!isDigitOf(c, radix))
            this.fail(pos, pos >= text.length ? 'expected a digit' : `expected a digit, found ${describe(c)}`);
        let count = 0;
        let value = 0;
        let underscore = false;
        let before = 0;
        for (; isDigitOf(c, radix) || c === UNDERSCORE; c = text.charCodeAt(++pos)) {
            if (c === UNDERSCORE) {
                if (before === UNDERSCORE)
                    this.fail(pos, 'an underscore must be between two digits');
                underscore = true;
            }
            else {
                count++;
                value = value * 10 + (c - scalars_DIGIT_0);
            }
            before = c;
        }
        if (before === UNDERSCORE)
            this.fail(pos, 'an underscore must be between two digits');
        this.digitCount = count;
        this.digitUnderscore = underscore;
        this.digitValue = value;
        return pos;
    }
    /** A number, date or time starting at `start`, whose first digit is at `at` (after a sign). */
    number(start, at) {
        const text = this.text;
        const signed = at !== start;
        if (text.charCodeAt(at) === scalars_DIGIT_0) {
            const next = text.charCodeAt(at + 1);
            if (!signed && isDigit(next)) {
                // Only a time or a date may start with 0 and another digit.
                const third = text.charCodeAt(at + 2);
                if (third === COLON)
                    return this.minute(start, false, Number(text.slice(at, at + 2)), at + 3);
                if (isDigit(third) && isDigit(text.charCodeAt(at + 3)) && text.charCodeAt(at + 4) === MINUS)
                    return this.date(start, Number(text.slice(at, at + 4)), at + 5);
                this.fail(at, 'a number may not start with a leading zero');
            }
            if (next === 0x78 /* x */ || next === 0x6f /* o */ || next === 0x62 /* b */) {
                if (signed)
                    this.fail(at + 1, 'a hexadecimal, octal or binary integer may not have a sign');
                return this.radixInteger(start, at + 2, next === 0x78 ? 16 : next === 0x6f ? 8 : 2);
            }
            if (next === 0x65 /* e */ || next === 0x45 /* E */)
                return this.exponent(start, at + 2);
            if (next === DOT)
                return this.fraction(start, at + 2);
            this.pos = at + 1;
            return 0;
        }
        const end = this.digits(at, 10);
        const next = text.charCodeAt(end);
        if (!signed && !this.digitUnderscore) {
            if (next === MINUS && this.digitCount === 4)
                return this.date(start, Number(text.slice(at, end)), end + 1);
            if (next === COLON && this.digitCount === 2)
                return this.minute(start, false, Number(text.slice(at, end)), end + 1);
        }
        if (next === 0x65 || next === 0x45)
            return this.exponent(start, end + 1);
        if (next === DOT)
            return this.fraction(start, end + 1);
        this.pos = end;
        const count = this.digitCount;
        const negative = text.charCodeAt(start) === MINUS;
        if (count <= 15)
            return negative ? -this.digitValue : this.digitValue;
        const digits = text.slice(at, end).replace(/_/g, '');
        if (count > 19 || (count === 19 && digits > (negative ? I64_MIN_ABS : I64_MAX)))
            this.fail(start, 'the integer does not fit in 64 bits');
        // As toml-eslint-parser read it: integers beyond 2^53 lose precision.
        return parseInt(negative ? `-${digits}` : digits, 10);
    }
    radixInteger(start, at, radix) {
        const end = this.digits(at, radix);
        this.pos = end;
        const digits = this.text.slice(at, end).replace(/_/g, '');
        const significant = digits.replace(/^0+/, '');
        // 2^63 - 1 is 7fffffffffffffff, 777777777777777777777 and 63 ones.
        const fits = radix === 16 ? significant.length < 16 || (significant.length === 16 && significant[0] <= '7') : significant.length <= (radix === 8 ? 21 : 63);
        if (!fits)
            this.fail(start, 'the integer does not fit in 64 bits');
        return parseInt(digits, radix);
    }
    /** The digits after the `.` of a float, at `at`. */
    fraction(start, at) {
        const end = this.digits(at, 10);
        const next = this.text.charCodeAt(end);
        if (next === 0x65 || next === 0x45)
            return this.exponent(start, end + 1);
        return this.float(start, end);
    }
    /** The exponent of a float, after its `e` at `at`. */
    exponent(start, at) {
        const c = this.text.charCodeAt(at);
        return this.float(start, this.digits(c === PLUS || c === MINUS ? at + 1 : at, 10));
    }
    float(start, end) {
        this.pos = end;
        let source = this.text.slice(start, end);
        if (source.includes('_'))
            source = source.replace(/_/g, '');
        const value = Number(source);
        if (!Number.isFinite(value))
            this.fail(start, 'the float is too large for 64 bits');
        return value;
    }
    // ---- Dates and times -------------------------------------------------------------------------------
    /** Two digits at `at`, as a number. */
    twoDigits(at) {
        const text = this.text;
        const first = text.charCodeAt(at);
        if (!isDigit(first))
            this.fail(at, 'expected a digit in the date-time');
        const second = text.charCodeAt(at + 1);
        if (!isDigit(second))
            this.fail(at + 1, 'expected a digit in the date-time');
        return (first - scalars_DIGIT_0) * 10 + (second - scalars_DIGIT_0);
    }
    expect(at, c) {
        if (this.text.charCodeAt(at) !== c)
            this.fail(at, `expected ${describe(c)} in the date-time`);
    }
    /** A date-time is kept as its source text, from `start`. `at` is the first digit of the month. */
    date(start, year, at) {
        const text = this.text;
        const month = this.twoDigits(at);
        this.expect(at + 2, MINUS);
        const day = this.twoDigits(at + 3);
        if (!isValidDate(year, month, day))
            this.fail(at + 4, 'not a date in the calendar');
        const end = at + 5;
        const c = text.charCodeAt(end);
        if (c === 0x54 /* T */ || c === 0x74 /* t */ || (c === scalars_SPACE && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2)))) {
            const hour = this.twoDigits(end + 1);
            this.expect(end + 3, COLON);
            return this.minute(start, true, hour, end + 4);
        }
        this.pos = end;
        return text.slice(start, end);
    }
    /** The minutes (at `at`) and what follows of a time whose hour is read. */
    minute(start, hasDate, hour, at) {
        const text = this.text;
        const minute = this.twoDigits(at);
        let end = at + 2;
        if (text.charCodeAt(end) === COLON) {
            const second = this.twoDigits(end + 1);
            if (!isValidTime(hour, minute, second))
                this.fail(end + 2, 'not a valid time of day');
            end += 3;
            if (text.charCodeAt(end) === DOT) {
                end++;
                if (!isDigit(text.charCodeAt(end)))
                    this.fail(end, 'expected a digit in the date-time');
                while (isDigit(text.charCodeAt(end)))
                    end++;
            }
        }
        else if (!isValidTime(hour, minute, 0)) {
            this.fail(end, 'not a valid time of day');
        }
        if (hasDate) {
            const c = text.charCodeAt(end);
            if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
                end++;
            }
            else if (c === PLUS || c === MINUS) {
                const hours = this.twoDigits(end + 1);
                this.expect(end + 3, COLON);
                const minutes = this.twoDigits(end + 4);
                if (!isValidTime(hours, minutes, 0))
                    this.fail(end + 5, 'not a valid time offset');
                end += 6;
            }
        }
        this.pos = end;
        return text.slice(start, end);
    }
}

;// CONCATENATED MODULE: ./src/toml/tables.ts
/**
 * The TOML reader's keys and tables: bare, quoted and dotted keys, the `=` of a key/value pair, `[table]` and
 * `[[array of tables]]` headers, and what a header or a dotted key may define or add to.
 */




const { APOSTROPHE: tables_APOSTROPHE, DOT: tables_DOT, EQUALS, LEFT_BRACKET, QUOTE: tables_QUOTE, RIGHT_BRACKET } = CHAR;
const { DEFINED, DOTTED, IMPLICIT, INLINE, NONE, STATIC_ARRAY, TABLE_ARRAY, VALUE } = KIND;
const RECENT_KEYS = 256;
/** The kind of a value without an id: arrays and inline tables get theirs only when a line is asked for. */
function kindOf(value) {
    return typeof value !== 'object' ? VALUE : Array.isArray(value) ? STATIC_ARRAY : INLINE;
}
/** A table as the reader makes it: without a prototype. */
function newTable() {
    return Object.create(null);
}
/** The value reader, reading keys and headers too, and building the tables they name. */
class TableReader extends ScalarReader {
    /** The id of each container in the book. */
    ids = new Map();
    book = new Book();
    root = newTable();
    /** The table that the current section's key/value pairs go into, and its id. */
    table;
    id = 0;
    /** For messages: the offset of the current section's header key (-1 for the top), and of the pair's key. */
    sectionAt = -1;
    keyAt = 0;
    /** Bare keys read lately, by a hash of their characters. */
    recentKeys = new Array(RECENT_KEYS).fill('');
    /** The parts of the last key read, and their offsets. */
    keyParts = [];
    partAt = [];
    constructor(text, file) {
        super(text, file);
        this.table = this.root;
        this.id = this.add(this.root, DEFINED);
    }
    // ---- Line ends --------------------------------------------------------------------------------------
    /** After a key/value pair or a header, only a comment may follow on the line. */
    endLine() {
        this.skipWs();
        const c = this.text.charCodeAt(this.pos);
        if (this.pos < this.text.length && !endsLine(c))
            this.unexpected(this.pos, `expected the end of the line, found ${describe(c)}`);
    }
    /**
     * The line ends (at the current offset) where `what` must continue on it: the error names the next token,
     * or says `atEnd` when the text ends first.
     */
    brokenLine(what, atEnd) {
        this.skipBlank();
        if (this.pos >= this.text.length)
            this.fail(this.pos, atEnd);
        this.unexpected(this.pos, `${what} must be on one line`);
    }
    // ---- Keys, headers, key/value pairs -------------------------------------------------------------------
    /** A bare key character or a quote that does not open a multi-line string. */
    isKeyStart(pos) {
        const c = this.text.charCodeAt(pos);
        if (c === tables_QUOTE || c === tables_APOSTROPHE)
            return !this.tripleAt(pos, c);
        return isBare(c);
    }
    /**
     * A (dotted) key starting at a key start, in `keyParts` (valid until the next key is read); `partAt` gets
     * the offset of each part. Stops on the same line at what follows the key (after spaces), or at the end.
     */
    key(atEnd) {
        const text = this.text;
        const parts = this.keyParts;
        parts.length = 0;
        const partAt = this.partAt;
        partAt.length = 0;
        for (;;) {
            const start = this.pos;
            const c = text.charCodeAt(start);
            if (isBare(c)) {
                let end = start + 1;
                let hash = c;
                for (let d = text.charCodeAt(end); isBare(d); d = text.charCodeAt(++end))
                    hash = (Math.imul(hash, 31) + d) | 0;
                // Files repeat the same few keys: reusing the string read before saves copying it and looking it up.
                const slot = (hash ^ (end - start)) & (RECENT_KEYS - 1);
                let part = this.recentKeys[slot];
                if (part.length !== end - start || !text.startsWith(part, start))
                    this.recentKeys[slot] = part = text.slice(start, end);
                parts.push(part);
                this.pos = end;
            }
            else {
                parts.push(c === tables_QUOTE ? this.basicString(true) : this.literalString(true));
            }
            partAt.push(start);
            this.skipWs();
            const next = text.charCodeAt(this.pos);
            if (endsLine(next))
                this.brokenLine('a key', atEnd);
            if (next !== tables_DOT)
                return parts;
            const dot = this.pos;
            this.pos++;
            this.skipWs();
            const after = text.charCodeAt(this.pos);
            if (endsLine(after)) {
                this.skipBlank();
                if (this.pos < text.length)
                    this.unexpected(this.pos, 'a key must be on one line');
            }
            if (after === tables_DOT)
                this.fail(dot, 'a key may not contain two dots in a row');
            if (!this.isKeyStart(this.pos))
                this.unexpected(this.pos, 'a key may not end with a dot', dot);
        }
    }
    /** Expects `=` (after a key that ends on its line) and steps over it. */
    equals() {
        if (this.text.charCodeAt(this.pos) !== EQUALS) {
            const found = this.pos >= this.text.length ? 'the end of the text' : describe(this.text.charCodeAt(this.pos));
            this.unexpected(this.pos, `expected \`=\` after the key, found ${found}`);
        }
        this.pos++;
    }
    /** Steps to the value after `=`, which must start on the same line. */
    startValue() {
        this.skipWs();
        if (this.pos >= this.text.length)
            this.fail(this.pos, 'expected a value after `=`');
        if (endsLine(this.text.charCodeAt(this.pos)))
            this.brokenLine('a key, its `=` and its value', 'expected a value after `=`');
    }
    /** Gives `container` an id in the book. */
    add(container, kind) {
        const id = this.book.add(kind);
        this.ids.set(container, id);
        return id;
    }
    /** The line recorded for key `name` of table `id`, for messages. */
    first(id, name) {
        return this.book.keyLine(id, name) ?? undefined;
    }
    /**
     * Walks the dotted key `parts` from `table` (of id `id`), creating the tables it names, and returns the table
     * that takes the last part, which must be new.
     */
    dotted(table, id, parts, line) {
        const book = this.book;
        const last = parts.length - 1;
        for (let i = 0; i < last; i++) {
            const name = parts[i];
            const child = table[name];
            if (child === undefined) {
                ;
                [table, id] = this.newChild(table, id, name, line, DOTTED);
                continue;
            }
            const found = typeof child === 'object' ? this.ids.get(child) : undefined;
            const kind = found === undefined ? kindOf(child) : book.kind(found);
            if (kind !== DOTTED && kind !== IMPLICIT)
                this.fail(this.partAt[i], `${this.what(name, kind, this.first(id, name))}; a dotted key cannot add to it`);
            book.setKind(found, DOTTED);
            table = child;
            id = found;
        }
        const name = parts[last];
        if (table[name] !== undefined)
            this.fail(this.partAt[last], `duplicate key ${showKey(name)}: already defined on line ${this.first(id, name)}`);
        book.mark(id, name, line);
        return table;
    }
    /** A new table of `kind` at `name` of `table` (of id `id`), first mentioned on `line`; it and its id. */
    newChild(table, id, name, line, kind) {
        const created = newTable();
        this.book.mark(id, name, line);
        table[name] = created;
        return [created, this.add(created, kind)];
    }
    /** `[a.b]` or `[[a.b]]`, from its `[` up to the line's end. */
    header() {
        const text = this.text;
        const line = this.line;
        const open = this.pos;
        this.pos++;
        this.skipWs();
        let array = false;
        if (endsLine(text.charCodeAt(this.pos)))
            this.brokenLine('a table header', 'unterminated table header');
        if (text.charCodeAt(this.pos) === LEFT_BRACKET) {
            if (this.pos !== open + 1)
                this.fail(this.pos, 'no space is allowed between the brackets of `[[`');
            array = true;
            this.pos++;
            this.skipWs();
            if (endsLine(text.charCodeAt(this.pos)))
                this.brokenLine('a table header', 'unterminated table header');
        }
        const c = text.charCodeAt(this.pos);
        if (this.pos >= text.length)
            this.fail(this.pos, 'unterminated table header');
        if (c === RIGHT_BRACKET)
            this.fail(this.pos, 'a table header needs a key');
        if (c === tables_DOT)
            this.fail(this.pos, 'a key may not start with a dot');
        if (!this.isKeyStart(this.pos))
            this.unexpected(this.pos, `expected a key in the table header, found ${describe(c)}`);
        const keyAt = this.pos;
        const parts = this.key('unterminated table header');
        if (text.charCodeAt(this.pos) !== RIGHT_BRACKET) {
            this.unexpected(this.pos, this.pos >= text.length ? 'unterminated table header' : `expected \`]\` after the key, found ${describe(text.charCodeAt(this.pos))}`);
        }
        this.pos++;
        if (array) {
            const close = this.pos;
            this.skipWs();
            if (endsLine(text.charCodeAt(this.pos)))
                this.brokenLine('a table header', 'unterminated table header');
            if (text.charCodeAt(this.pos) !== RIGHT_BRACKET)
                this.unexpected(this.pos, 'expected `]]` to end the header of an array of tables');
            if (this.pos !== close)
                this.fail(this.pos, 'no space is allowed between the brackets of `]]`');
            this.pos++;
        }
        this.define(parts, line, array);
        this.sectionAt = keyAt;
    }
    /** Makes the table a header names the current section, creating what it names. */
    define(parts, line, array) {
        const book = this.book;
        let table = this.root;
        let id = this.ids.get(table);
        const last = parts.length - 1;
        for (let i = 0; i < last; i++) {
            const name = parts[i];
            const child = table[name];
            if (child === undefined) {
                ;
                [table, id] = this.newChild(table, id, name, line, IMPLICIT);
                continue;
            }
            const found = typeof child === 'object' ? this.ids.get(child) : undefined;
            const kind = found === undefined ? kindOf(child) : book.kind(found);
            if (kind === TABLE_ARRAY) {
                // A header below an array of tables adds to its last element.
                const elements = child;
                table = elements[elements.length - 1];
                id = this.ids.get(table);
                continue;
            }
            if (kind === VALUE || kind === INLINE || kind === STATIC_ARRAY)
                this.fail(this.partAt[i], `${this.what(name, kind, this.first(id, name))}; a table header cannot add to it`);
            table = child;
            id = found;
        }
        const name = parts[last];
        const existing = table[name];
        const found = typeof existing === 'object' ? this.ids.get(existing) : undefined;
        const kind = found === undefined ? (existing === undefined ? NONE : kindOf(existing)) : book.kind(found);
        if (!array && kind === IMPLICIT) {
            book.setKind(found, DEFINED);
            this.table = existing;
            this.id = found;
            return;
        }
        if (!array && kind !== NONE) {
            const first = this.first(id, name);
            const problem = kind === DEFINED ? `table ${showKey(name)} defined twice (first on line ${first})` : `${this.what(name, kind, first)}; a table header cannot define it again`;
            this.fail(this.partAt[last], problem);
        }
        if (array && kind !== NONE && kind !== TABLE_ARRAY)
            this.fail(this.partAt[last], `${this.what(name, kind, this.first(id, name))}, not an array of tables`);
        const section = newTable();
        if (!array) {
            book.mark(id, name, line);
            table[name] = section;
        }
        else if (kind === NONE) {
            const elements = [section];
            book.mark(id, name, line);
            book.mark(this.add(elements, TABLE_ARRAY), 0, line);
            table[name] = elements;
        }
        else {
            const elements = existing;
            book.mark(found, elements.length, line);
            elements.push(section);
        }
        this.table = section;
        this.id = this.add(section, DEFINED);
    }
    /** What the existing value at `name` is, for a message: "`b` is an inline table (line 3)". */
    what(name, kind, line) {
        const what = kind === VALUE
            ? 'a value'
            : kind === INLINE
                ? 'an inline table'
                : kind === STATIC_ARRAY
                    ? 'an array'
                    : kind === TABLE_ARRAY
                        ? 'an array of tables'
                        : kind === DOTTED
                            ? 'a table defined by dotted keys'
                            : kind === DEFINED
                                ? 'a table defined by a header'
                                : 'a table';
        return `${showKey(name)} is ${what}${line === undefined ? '' : ` (line ${line})`}`;
    }
    /** The parts of the (valid) key at `offset`, read again for a message. */
    partsAt(offset) {
        const { pos, line, lineStart } = this;
        this.pos = offset;
        const parts = this.key('').slice();
        this.pos = pos;
        this.line = line;
        this.lineStart = lineStart;
        return parts;
    }
}

;// CONCATENATED MODULE: ./src/toml/reader.ts
/**
 * The TOML reader's pass over a document: its key/value pairs and headers line by line, and the arrays and
 * inline tables of a value, followed on an explicit stack rather than by recursion; then the line of each key
 * or element of what it read, on demand.
 */






const { COMMA, LEFT_BRACE, LEFT_BRACKET: reader_LEFT_BRACKET, RIGHT_BRACE, RIGHT_BRACKET: reader_RIGHT_BRACKET } = CHAR;
const { INLINE: reader_INLINE, STATIC_ARRAY: reader_STATIC_ARRAY } = KIND;
/** An array or inline table being read. Frames are reused, one per depth. */
class Frame {
    /** The inline table, or null for an array, whose elements are on the reader's stack of values from `base`. */
    table = null;
    base = 0;
    /** Where the container goes when it closes: `target[name]`, or (target null) the enclosing array. */
    target = null;
    name = '';
    /** Its id in the book. */
    id = 0;
    /** Whether an element or entry has been read, so that a separator or the end comes next. */
    filled = false;
    /** For messages: the index of the element being read, or the offset of the key of the entry being read. */
    index = 0;
    keyAt = 0;
}
/** The whole reader: `read` reads the document once. */
class Reader extends TableReader {
    frames = [];
    depth = 0;
    /**
     * The elements of the arrays being read, innermost last, up to `top`: an array is made when it closes, at
     * its size (growing each array element by element would allocate it again and again).
     */
    values = [];
    top = 0;
    /** Arrays and inline tables with their ids, given to `ids` only when a line is asked for. */
    late = [];
    read() {
        const text = this.text;
        for (;;) {
            this.skipBlank();
            if (this.pos >= text.length)
                break;
            const c = text.charCodeAt(this.pos);
            if (c === reader_LEFT_BRACKET)
                this.header();
            else if (this.isKeyStart(this.pos))
                this.keyValue();
            else
                this.unexpected(this.pos, `expected a key or a [table] header, found ${describe(c)}`);
            this.endLine();
        }
        const { ids, book, late } = this;
        const indexes = new Map();
        let registered = false;
        const lineInDocument = (container, key) => {
            if (!registered) {
                for (let i = 0; i < late.length; i += 2)
                    ids.set(late[i], late[i + 1]);
                late.length = 0;
                registered = true;
            }
            return lineIn(ids, book, indexes, container, key);
        };
        return { value: this.root, lineIn: lineInDocument };
    }
    /** A key/value pair of the current section, from its key up to the end of its value. */
    keyValue() {
        const line = this.line;
        this.keyAt = this.pos;
        const parts = this.key('expected `=` after the key');
        this.equals();
        const table = this.dotted(this.table, this.id, parts, line);
        this.startValue();
        const name = parts[parts.length - 1];
        const c = this.text.charCodeAt(this.pos);
        if (c === reader_LEFT_BRACKET || c === LEFT_BRACE) {
            this.open(c, table, name);
            this.nested();
        }
        else {
            table[name] = this.scalar();
        }
    }
    // ---- Arrays and inline tables ---------------------------------------------------------------------
    /**
     * Opens the array or inline table whose bracket or brace is at the current offset; when it closes, it goes
     * to `target[name]`, or (target null) to the enclosing array.
     */
    open(c, target, name) {
        if (this.depth >= MAX_NESTING) {
            const { line, column } = this.locate(this.pos);
            throw new errors_UserError(`${this.file}:${line}:${column}: ${nestingProblem()}`);
        }
        this.pos++;
        let frame = this.frames[this.depth];
        if (frame === undefined)
            this.frames.push((frame = new Frame()));
        this.depth++;
        frame.filled = false;
        frame.target = target;
        frame.name = name;
        frame.id = this.book.add(c === reader_LEFT_BRACKET ? reader_STATIC_ARRAY : reader_INLINE);
        frame.table = c === reader_LEFT_BRACKET ? null : newTable();
        frame.base = this.top;
    }
    /** Closes the innermost array or inline table (at its bracket or brace) and puts it where it goes. */
    close(frame) {
        this.pos++;
        this.depth--;
        let value;
        if (frame.table === null) {
            value = this.values.slice(frame.base, this.top);
            this.top = frame.base;
        }
        else {
            value = frame.table;
        }
        // An empty one has no line to give.
        if (this.book.lastLine(frame.id) >= 0)
            this.late.push(value, frame.id);
        if (frame.target !== null)
            frame.target[frame.name] = value;
        else
            this.push(value);
    }
    /** Adds an element to the innermost array. */
    push(value) {
        if (this.top < this.values.length)
            this.values[this.top] = value;
        else
            this.values.push(value);
        this.top++;
    }
    /** Reads what the arrays and inline tables opened by `open` hold, until the outermost one closes. */
    nested() {
        const text = this.text;
        while (this.depth > 0) {
            const frame = this.frames[this.depth - 1];
            this.skipBlank();
            let c = text.charCodeAt(this.pos);
            const end = this.pos >= text.length;
            if (frame.table === null) {
                if (frame.filled) {
                    if (c === COMMA) {
                        this.pos++;
                        this.skipBlank();
                        c = text.charCodeAt(this.pos);
                    }
                    else if (c !== reader_RIGHT_BRACKET) {
                        this.unexpected(this.pos, end ? 'unterminated array' : `expected \`,\` or \`]\` after an array element, found ${describe(c)}`);
                    }
                }
                if (c === reader_RIGHT_BRACKET) {
                    this.close(frame);
                    continue;
                }
                if (this.pos >= text.length)
                    this.fail(this.pos, 'unterminated array');
                frame.filled = true;
                const index = this.top - frame.base;
                frame.index = index;
                if (this.book.lastLine(frame.id) !== this.line)
                    this.book.mark(frame.id, index, this.line);
                if (c === reader_LEFT_BRACKET || c === LEFT_BRACE)
                    this.open(c, null, '');
                else
                    this.push(this.scalar());
            }
            else {
                if (frame.filled) {
                    if (c === COMMA) {
                        this.pos++;
                        this.skipBlank();
                        c = text.charCodeAt(this.pos);
                    }
                    else if (c !== RIGHT_BRACE) {
                        this.unexpected(this.pos, end ? 'unterminated inline table' : `expected \`,\` or \`}\` after a value in an inline table, found ${describe(c)}`);
                    }
                }
                if (c === RIGHT_BRACE) {
                    this.close(frame);
                    continue;
                }
                if (this.pos >= text.length)
                    this.fail(this.pos, 'unterminated inline table');
                if (!this.isKeyStart(this.pos))
                    this.unexpected(this.pos, `expected a key or \`}\` in an inline table, found ${describe(c)}`);
                frame.filled = true;
                const line = this.line;
                frame.keyAt = this.pos;
                const parts = this.key('expected `=` after the key');
                this.equals();
                const table = this.dotted(frame.table, frame.id, parts, line);
                this.startValue();
                const name = parts[parts.length - 1];
                c = text.charCodeAt(this.pos);
                if (c === reader_LEFT_BRACKET || c === LEFT_BRACE)
                    this.open(c, table, name);
                else
                    table[name] = this.scalar();
            }
        }
    }
    valuePath() {
        const path = [];
        if (this.sectionAt >= 0) {
            // Each array of tables on the way is at its last element: a later header would have ended the section.
            let value = this.root;
            for (const part of this.partsAt(this.sectionAt)) {
                path.push(part);
                value = value[part];
                if (Array.isArray(value)) {
                    path.push(value.length - 1);
                    value = value[value.length - 1];
                }
            }
        }
        path.push(...this.partsAt(this.keyAt));
        for (let d = 0; d < this.depth; d++) {
            const frame = this.frames[d];
            if (frame.table === null)
                path.push(frame.index);
            else
                path.push(...this.partsAt(frame.keyAt));
        }
        return path;
    }
}

;// CONCATENATED MODULE: ./src/toml/parse.ts


/** Reads `text`; invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. */
function parseToml(text, file) {
    return new Reader(text, file).read();
}

;// CONCATENATED MODULE: ./src/toml/document.ts


/**
 * Parses TOML (1.0, plus what cargo 1.95 accepts of 1.1: line breaks, comments and trailing commas in inline
 * tables, `\e` and `\xHH` escapes, times without seconds) in time and memory linear in the text.
 * Invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. What the reader does not
 * take (arrays and inline tables nested too deeply, strings too long, named by their key) throws a UserError
 * naming the file and line.
 */
function parseTomlDocument(text, file) {
    const { value, lineIn } = parseToml(text, file);
    return {
        file,
        value,
        lineOf: (path) => {
            if (path.length === 0)
                return null;
            let container = value;
            for (let i = 0; i < path.length - 1; i++) {
                const child = childOf(container, path[i]);
                if (!isContainer(child))
                    return null;
                container = child;
            }
            return lineIn(container, path[path.length - 1]);
        },
        lineIn
    };
}
/** The value at `key`, never one inherited from a prototype (`length` of an array is not a value either). */
function childOf(container, key) {
    if (Array.isArray(container))
        return typeof key === 'number' || /^\d+$/.test(key) ? container[Number(key)] : undefined;
    return Object.hasOwn(container, key) ? container[key] : undefined;
}
function isContainer(value) {
    return typeof value === 'object';
}

;// CONCATENATED MODULE: ./src/config/cargo-config.ts
/**
 * Cargo's configuration (`.cargo/config.toml` and friends) as data, merged the way cargo 1.95 merges it.
 *
 * Pure: reading the files is `gather/cargo-config.ts`.
 */



/**
 * Candidate config files in cargo's precedence order, highest first: `.cargo/config` then
 * `.cargo/config.toml` in `cwd` and each parent up to the root, then the same two in `cargoHome` unless
 * that directory was already visited. Cargo reads at most one file per directory: the legacy `config`
 * wins when both exist (cargo warns), so a reader takes the first existing file of each directory.
 *
 * Discovery starts at the directory cargo runs in, not at `--manifest-path`.
 */
function configFilePaths(cwd, cargoHome) {
    const out = [];
    const seen = new Set();
    let dir = external_node_path_namespaceObject.resolve(cwd);
    for (;;) {
        const configDir = external_node_path_namespaceObject.join(dir, '.cargo');
        out.push(external_node_path_namespaceObject.join(configDir, 'config'), external_node_path_namespaceObject.join(configDir, 'config.toml'));
        seen.add(configDir);
        const parent = external_node_path_namespaceObject.dirname(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    const home = external_node_path_namespaceObject.resolve(cwd, cargoHome);
    if (!seen.has(home))
        out.push(external_node_path_namespaceObject.join(home, 'config'), external_node_path_namespaceObject.join(home, 'config.toml'));
    return out;
}
/**
 * Merges config files as cargo does. `files` are the files that exist, in `configFilePaths` order
 * (highest precedence first). A deeper directory wins for scalars; arrays are concatenated with the
 * higher-precedence elements later; tables merge key by key. A file's `include`s sit just below the
 * file itself, later includes above earlier ones. `--config` arguments come last and win.
 */
function mergeCargoConfig(files, options = {}) {
    const loaded = [];
    const root = { kind: 'table', entries: new Map(), source: { file: files[0]?.path ?? '', line: 0 } };
    const seen = new Set();
    const includes = options.includes ?? new Map();
    const load = (file, text, includedFrom) => {
        if (seen.has(file)) {
            throw new errors_UserError(`${where(includedFrom)}config \`include\` cycle detected with path \`${file}\``);
        }
        seen.add(file);
        const doc = parseTomlDocument(text, file);
        const table = configTable(doc.value, { file, line: 1 }, (container, key) => ({ file, line: doc.lineIn(container, key) ?? 0 }));
        for (const include of takeIncludes(table, file)) {
            if (seen.has(include.path)) {
                throw new errors_UserError(`${where(include.source)}config \`include\` cycle detected with path \`${include.path}\``);
            }
            const includedText = includes.get(include.path);
            if (includedText === undefined) {
                if (include.optional)
                    continue;
                throw new errors_UserError(`${where(include.source)}config include \`${include.written}\` not found (looked for \`${include.path}\`)`);
            }
            load(include.path, includedText, include.source);
        }
        mergeTable(root, table);
        loaded.push(file);
    };
    for (const file of [...files].reverse())
        load(file.path, file.text, null);
    for (const arg of options.cli ?? [])
        mergeTable(root, parseCliOverride(arg));
    return summarise(root, loaded, new Map());
}
/** The `include` entries of a parsed file, resolved against the file's directory; removes the key. */
function takeIncludes(table, file) {
    const node = table.entries.get('include');
    if (node === undefined)
        return [];
    table.entries.delete('include');
    if (node.kind !== 'array') {
        throw new errors_UserError(`${where(node.source)}\`include\` must be an array of paths or of tables with a \`path\`, found ${cargo_config_describe(node)}`);
    }
    return node.items.map(item => {
        let written = item.value;
        let optional = false;
        if (typeof item.value === 'object' && !Array.isArray(item.value)) {
            written = item.value.path;
            optional = item.value.optional ?? false;
        }
        if (typeof written !== 'string' || typeof optional !== 'boolean') {
            throw new errors_UserError(`${where(item.source)}\`include\` entries must be paths or \`{ path = "…", optional = true|false }\``);
        }
        if (!written.endsWith('.toml')) {
            throw new errors_UserError(`${where(item.source)}config include \`${written}\` must be a path ending with \`.toml\``);
        }
        return { path: external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(file), written), written, optional, source: item.source };
    });
}
/** Parses one `--config KEY=VALUE` argument (a TOML dotted key and a value, on one line). */
function parseCliOverride(arg) {
    const invalid = () => new errors_UserError(`--config argument \`${arg}\` is not a \`KEY=VALUE\` TOML expression (e.g. \`profile.release.lto=true\`)`);
    // One line of TOML holds at most one key/value pair; a header (`[a]`) or nothing at all is not an override.
    if (/[\r\n]/.test(arg) || arg.trim().startsWith('['))
        throw invalid();
    let doc;
    try {
        doc = parseTomlDocument(arg, '--config');
    }
    catch {
        throw invalid();
    }
    if (Object.keys(doc.value).length !== 1)
        throw invalid();
    const source = { cli: arg };
    return configTable(doc.value, source, () => source);
}
/**
 * A parsed table as a config table, each node with the source `sourceOf` gives for its key or index. Iterative:
 * a table can nest as deep as a key has parts, tens of thousands.
 */
function configTable(value, source, sourceOf) {
    const top = { kind: 'table', entries: new Map(), source };
    const pending = [[value, top]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [from, to] = next;
        for (const [key, child] of Object.entries(from)) {
            const at = sourceOf(from, key);
            let node;
            if (Array.isArray(child)) {
                node = { kind: 'array', items: child.map((item, i) => ({ value: item, source: sourceOf(child, i) })), source: at };
            }
            else if (typeof child === 'object') {
                node = { kind: 'table', entries: new Map(), source: at };
                pending.push([child, node]);
            }
            else {
                node = { kind: 'scalar', value: child, source: at };
            }
            to.entries.set(key, node);
        }
    }
    return top;
}
/**
 * Visits the entries of a config table depth-first, in order. `keys` is the path of the entry, valid only during
 * the call; `visit` returns true to descend into a table. Iterative: tables can nest tens of thousands deep.
 */
function walkConfig(table, visit) {
    const keys = [];
    const stack = [table.entries.entries()];
    while (stack.length > 0) {
        const next = stack[stack.length - 1].next();
        if (next.done) {
            stack.pop();
            keys.pop();
            continue;
        }
        const [key, node] = next.value;
        keys.push(key);
        if (visit(keys, node) && node.kind === 'table')
            stack.push(node.entries.entries());
        else
            keys.pop();
    }
}
const RANK = { file: 0, env: 1, cli: 2 };
/** The precedence class of a source: files < environment < `--config`. */
function sourceRank(source) {
    return 'file' in source ? RANK.file : 'env' in source ? RANK.env : RANK.cli;
}
/** Merges `higher` (higher precedence) into `lower` in place. */
function mergeTable(lower, higher) {
    // receivers[d]: the table of `lower` that takes the entries of `higher` at depth d.
    const receivers = [lower];
    walkConfig(higher, (keys, node) => {
        const receiver = receivers[keys.length - 1];
        const key = keys[keys.length - 1];
        const existing = receiver.entries.get(key);
        if (existing?.kind === 'table' && node.kind === 'table') {
            receivers[keys.length] = existing;
            return true;
        }
        receiver.entries.set(key, existing === undefined ? node : mergeLeaf(existing, node, keys));
        return false;
    });
}
/** Merges two definitions of a key that are not both tables. */
function mergeLeaf(lower, higher, keys) {
    if (lower.kind === 'array' && higher.kind === 'array') {
        return { kind: 'array', items: sortByRank([...lower.items, ...higher.items]), source: higher.source };
    }
    if (lower.kind !== 'scalar' || higher.kind !== 'scalar') {
        throw new errors_UserError(`${where(higher.source)}cannot merge config key \`${keys.join('.')}\`: ${cargo_config_describe(higher)} here, but ${cargo_config_describe(lower)} at ${describeSource(lower.source)}`);
    }
    return higher;
}
/** Cargo sorts merged lists by where elements were defined: files, then environment, then `--config`. */
function sortByRank(items) {
    return items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => sourceRank(a.item.source) - sourceRank(b.item.source) || a.index - b.index)
        .map(x => x.item);
}
function cargo_config_describe(node) {
    if (node.kind === 'table')
        return 'a table';
    if (node.kind === 'array')
        return 'an array';
    return `a ${typeof node.value === 'string' ? 'string' : typeof node.value === 'boolean' ? 'boolean' : 'number'}`;
}
/** A source as shown in messages: `file:line`, `environment variable X`, or `--config X`. */
function describeSource(source) {
    if ('file' in source)
        return `${source.file}:${source.line}`;
    if ('env' in source)
        return `environment variable \`${source.env}\``;
    return `\`--config ${source.cli}\``;
}
/**
 * A config source as a finding location. `SettingSource` has no form for a command-line argument, so a
 * `--config` value is reported as `{ env: '--config KEY=VALUE' }`.
 */
function settingSource(source) {
    if ('cli' in source)
        return { env: `--config ${source.cli}` };
    return source;
}
/** Message prefix for a source: `file:line: ` for files, otherwise a phrase. */
function where(source) {
    if (source === null)
        return '';
    if ('file' in source)
        return `${source.file}:${source.line}: `;
    return `${describeSource(source)}: `;
}
/** Looks up a node by key path in the merged tree. */
function configNode(config, keys) {
    let node = config.tree;
    for (const key of keys) {
        if (node.kind !== 'table')
            return null;
        const next = node.entries.get(key);
        if (next === undefined)
            return null;
        node = next;
    }
    return node;
}
/**
 * Reads a cargo `StringList` (`"a b"` or `["a", "b"]`; a string is split on whitespace).
 * Throws a UserError naming the key for any other type.
 */
function stringListOf(node, key) {
    if (node.kind === 'scalar' && typeof node.value === 'string') {
        return { items: splitWhitespace(node.value).map(value => ({ value, source: node.source })), source: node.source };
    }
    if (node.kind === 'array') {
        const items = node.items.map(item => {
            if (typeof item.value !== 'string') {
                throw new errors_UserError(`${where(item.source)}\`${key}\` must be a string or an array of strings`);
            }
            return { value: item.value, source: item.source };
        });
        return { items, source: node.source };
    }
    throw new errors_UserError(`${where(node.source)}\`${key}\` must be a string or an array of strings, found ${cargo_config_describe(node)}`);
}
function splitWhitespace(text) {
    return text.split(/\s+/).filter(s => s !== '');
}
/** Derives the typed views from the merged tree. */
function summarise(tree, files, envTargetRustflags) {
    const config = {
        files,
        tree,
        buildTarget: null,
        buildRustflags: null,
        targetRustflags: new Map(),
        envTargetRustflags,
        profiles: new Map()
    };
    const rustflags = configNode(config, ['build', 'rustflags']);
    if (rustflags)
        config.buildRustflags = stringListOf(rustflags, 'build.rustflags');
    const target = configNode(config, ['build', 'target']);
    if (target)
        config.buildTarget = buildTargetOf(target);
    const targets = configNode(config, ['target']);
    if (targets?.kind === 'table')
        collectTargetRustflags(targets, config.targetRustflags);
    const profiles = configNode(config, ['profile']);
    if (profiles) {
        if (profiles.kind !== 'table')
            throw new errors_UserError(`${where(profiles.source)}\`profile\` must be a table`);
        for (const [name, table] of profiles.entries) {
            if (table.kind !== 'table')
                throw new errors_UserError(`${where(table.source)}\`profile.${name}\` must be a table`);
            config.profiles.set(name, table);
        }
    }
    return config;
}
function buildTargetOf(node) {
    if (node.kind === 'scalar' && typeof node.value === 'string') {
        return { kind: 'single', target: { value: node.value, source: node.source } };
    }
    if (node.kind === 'array') {
        const targets = [];
        for (const item of node.items) {
            if (typeof item.value !== 'string')
                throw new errors_UserError(`${where(item.source)}\`build.target\` must be a string or an array of strings`);
            // Cargo builds each distinct target once.
            if (!targets.some(t => t.value === item.value))
                targets.push({ value: item.value, source: item.source });
        }
        return targets.length === 0 ? null : { kind: 'multi', targets, source: node.source };
    }
    throw new errors_UserError(`${where(node.source)}\`build.target\` must be a string or an array of strings, found ${cargo_config_describe(node)}`);
}
/**
 * Collects `target.<key>.rustflags`. `cfg(...)` keys are taken as written; other keys are triples, which
 * cargo looks up as dotted key paths, so a nested `target.a.b.rustflags` serves the triple `a.b` while a
 * quoted `target."a.b".rustflags` is never consulted.
 */
function collectTargetRustflags(table, out) {
    walkConfig(table, (keys, node) => {
        if (node.kind !== 'table')
            return false;
        const key = keys[keys.length - 1];
        const flags = node.entries.get('rustflags');
        if (keys.length === 1 && key.startsWith('cfg(')) {
            if (flags)
                out.set(key, stringListOf(flags, `target.'${key}'.rustflags`));
            return false;
        }
        if (key.includes('.'))
            return false;
        if (flags) {
            const triple = keys.join('.');
            out.set(triple, stringListOf(flags, `target.${triple}.rustflags`));
        }
        return true;
    });
}
/** The environment-variable spelling of a triple or profile name, as in `CARGO_TARGET_<X>_RUSTFLAGS`. */
function envKeyPart(name) {
    return name.toUpperCase().replace(/[-.]/g, '_');
}
/**
 * Applies the configuration environment variables cargo reads for these keys: `CARGO_BUILD_TARGET`,
 * `CARGO_BUILD_RUSTFLAGS` and `CARGO_TARGET_<TRIPLE>_RUSTFLAGS`. A list-valued key gets the variable's
 * whitespace-separated words appended after the file values and before `--config` values; a string
 * `build.target` (or none) is replaced by `CARGO_BUILD_TARGET` unless it came from `--config`.
 */
function applyConfigEnv(config, env) {
    const out = { ...config, targetRustflags: new Map(config.targetRustflags), envTargetRustflags: new Map(config.envTargetRustflags) };
    const rustflags = env.CARGO_BUILD_RUSTFLAGS;
    if (rustflags !== undefined)
        out.buildRustflags = appendEnvList(config.buildRustflags, 'CARGO_BUILD_RUSTFLAGS', rustflags);
    const target = env.CARGO_BUILD_TARGET;
    if (target !== undefined) {
        const source = { env: 'CARGO_BUILD_TARGET' };
        const current = config.buildTarget;
        if (current?.kind === 'multi') {
            const targets = [...current.targets];
            for (const value of splitWhitespace(target))
                if (!targets.some(t => t.value === value))
                    targets.push({ value, source });
            out.buildTarget = { kind: 'multi', targets: sortByRank(targets), source: current.source };
        }
        else if (current === null || sourceRank(current.target.source) < RANK.env) {
            out.buildTarget = target === '' ? null : { kind: 'single', target: { value: target, source } };
        }
    }
    for (const [name, value] of Object.entries(env)) {
        const m = /^CARGO_TARGET_(.+)_RUSTFLAGS$/.exec(name);
        if (!m || value === undefined)
            continue;
        out.envTargetRustflags.set(m[1], appendEnvList(null, name, value));
    }
    return out;
}
function appendEnvList(list, name, value) {
    const source = { env: name };
    const added = splitWhitespace(value).map(v => ({ value: v, source }));
    const items = sortByRank([...(list?.items ?? []), ...added]);
    const top = list && sourceRank(list.source) > RANK.env ? list.source : source;
    return { items, source: top };
}
/**
 * The `target.<triple>.rustflags` list for a triple: the config value (files and `--config`) merged with
 * `CARGO_TARGET_<TRIPLE>_RUSTFLAGS`, or null when neither is set.
 */
function tripleRustflags(config, triple) {
    const fromConfig = config.targetRustflags.get(triple) ?? null;
    const fromEnv = config.envTargetRustflags.get(envKeyPart(triple)) ?? null;
    if (fromEnv === null)
        return fromConfig;
    if (fromConfig === null)
        return fromEnv;
    const items = sortByRank([...fromConfig.items, ...fromEnv.items]);
    const source = sourceRank(fromConfig.source) > RANK.env ? fromConfig.source : fromEnv.source;
    return { items, source };
}
/**
 * The one target a single-target analysis should use: `--target` when given, else `build.target`.
 * A `.json` target-spec path is resolved as cargo resolves it (relative to the directory holding the
 * `.cargo` directory of the file that set it, or to `cwd` for environment and `--config` values).
 *
 * Cargo builds every target of a `build.target` array separately and each may link differently, so
 * picking one would silently analyse part of the build: several targets are a UserError asking for
 * `--target`. A one-element array is the same as a string.
 */
function requestedTarget(config, cliTarget, cwd) {
    if (cliTarget !== null)
        return cliTarget.endsWith('.json') ? external_node_path_namespaceObject.resolve(cwd, cliTarget) : cliTarget;
    const bt = config.buildTarget;
    if (bt === null)
        return null;
    if (bt.kind === 'single')
        return resolveTargetPath(bt.target, cwd);
    if (bt.targets.length === 1)
        return resolveTargetPath(bt.targets[0], cwd);
    const listed = bt.targets.map(t => `\`${t.value}\` (${describeSource(t.source)})`).join(', ');
    throw new errors_UserError(`build.target lists ${bt.targets.length} targets: ${listed}; this analysis covers one target at a time, pass --target to choose one`);
}
function resolveTargetPath(target, cwd) {
    if (!target.value.endsWith('.json'))
        return target.value;
    const base = 'file' in target.source ? external_node_path_namespaceObject.dirname(external_node_path_namespaceObject.dirname(target.source.file)) : cwd;
    return external_node_path_namespaceObject.resolve(base, target.value);
}

;// CONCATENATED MODULE: ./src/config/profiles.ts
/**
 * Cargo profiles: which profile a command uses, and the linkage-relevant settings it resolves to.
 *
 * Per setting, cargo 1.95 takes the first of: `--config profile.<name>.<key>`, the environment variable
 * `CARGO_PROFILE_<NAME>_<KEY>`, `[profile.<name>]` in config files, `[profile.<name>]` in the workspace
 * root manifest; then the same for the profile it inherits from, up to `dev`'s or `release`'s built-in
 * defaults. `test` inherits `dev` and `bench` inherits `release` unless they say otherwise.
 */


const BUILT_IN = new Set(['dev', 'release', 'test', 'bench']);
/** Keys of a profile table, as spelled in `CARGO_PROFILE_<NAME>_<KEY>` (an env-only profile exists if one is set). */
const ENV_KEYS = [
    'OPT_LEVEL', 'LTO', 'CODEGEN_BACKEND', 'CODEGEN_UNITS', 'DEBUG', 'SPLIT_DEBUGINFO', 'DEBUG_ASSERTIONS', 'RPATH',
    'PANIC', 'OVERFLOW_CHECKS', 'INCREMENTAL', 'DIR_NAME', 'STRIP', 'INHERITS', 'TRIM_PATHS', 'RUSTFLAGS', 'FRAME_POINTERS'
];
const ENV_TABLE_PREFIXES = ['PACKAGE_', 'BUILD_OVERRIDE_'];
/**
 * The profile cargo 1.95 uses for a command: `main` for ordinary units and `test` for test harnesses.
 *
 * Cargo uses one profile for every unit of a command: `cargo build` → `dev`, `cargo test` → `test`,
 * `--release` → `release` (also for `cargo test --release`, which does not use `bench`), `--profile X` → X.
 * Test harnesses differ only in that cargo forces `panic = "unwind"` on them and on what they link,
 * which the unit graph applies per unit; `main` and `test` are therefore always the same name.
 */
function profileNameFor(command, release, profile) {
    if (release && profile !== null)
        throw new errors_UserError("the argument '--release' cannot be used with '--profile <PROFILE-NAME>'");
    const name = profile ?? (release ? 'release' : command === 'test' ? 'test' : 'dev');
    return { main: name, test: name };
}
/**
 * Resolves the linkage-relevant settings (`panic`, `lto`, `rpath`) of a profile. Throws a one-line
 * UserError for an unknown or reserved profile, a custom profile without `inherits`, an unknown parent,
 * an inheritance loop, and invalid values (naming file, line and key).
 *
 * `lto` keeps cargo's distinction between `true` (`-C lto`) and `"fat"` (`-C lto=fat`); both mean fat
 * LTO. The strings cargo treats as off (`"off"`, `"n"`, `"no"`, `"none"`) become `'off'`; the other
 * strings rustc accepts as "yes" (`"y"`, `"yes"`, `"on"`) become `'fat'`, which is what rustc does with them.
 */
function resolveProfile(name, opts) {
    if (name === 'doc')
        throw new errors_UserError('profile `doc` is reserved and not allowed to be explicitly specified');
    validateProfileName(name, '');
    const layers = new Layers(opts);
    layers.validateAll();
    const chain = [name];
    for (let current = name; current !== 'dev' && current !== 'release';) {
        const inherits = layers.get(current, 'inherits');
        let parent;
        if (inherits !== null) {
            parent = inheritsValue(inherits);
            if (chain.includes(parent)) {
                throw new errors_UserError(`${inherits.where}profile inheritance loop detected with profile \`${current}\` inheriting \`${parent}\``);
            }
            if (!layers.exists(parent)) {
                throw new errors_UserError(`${inherits.where}profile \`${current}\` inherits from \`${parent}\`, but that profile is not defined`);
            }
        }
        else if (current === 'test' || current === 'bench') {
            parent = current === 'test' ? 'dev' : 'release';
        }
        else if (!layers.exists(current)) {
            throw new errors_UserError(`profile \`${current}\` is not defined`);
        }
        else {
            const at = layers.definedAt(current);
            throw new errors_UserError(`${at}profile \`${current}\` is missing an \`inherits\` directive (\`inherits\` is required for all profiles except \`dev\` or \`release\`)`);
        }
        chain.push(parent);
        current = parent;
    }
    const root = chain[chain.length - 1];
    const rootInherits = layers.get(root, 'inherits');
    if (rootInherits !== null)
        throw new errors_UserError(`${rootInherits.where}\`inherits\` must not be specified in root profile \`${root}\``);
    const settings = { name, panic: 'unwind', lto: 'false', rpath: false, sources: {} };
    const first = (field) => {
        for (const profile of chain) {
            const found = layers.get(profile, field);
            if (found !== null)
                return found;
        }
        return null;
    };
    const panic = first('panic');
    if (panic) {
        settings.panic = panicValue(panic);
        settings.sources.panic = panic.source;
    }
    const lto = first('lto');
    if (lto) {
        settings.lto = ltoValue(lto);
        settings.sources.lto = lto.source;
    }
    const rpath = first('rpath');
    if (rpath) {
        settings.rpath = rpathValue(rpath);
        settings.sources.rpath = rpath.source;
    }
    return settings;
}
/** Cargo's profile-name rules (`validate_profile_name`). */
function validateProfileName(name, where) {
    const bad = [...name].find(ch => !/[\p{L}\p{N}_-]/u.test(ch));
    if (name === '' || bad !== undefined) {
        throw new errors_UserError(`${where}invalid profile name \`${name}\`: allowed characters are letters, numbers, underscore and hyphen`);
    }
    const lower = name.toLowerCase();
    if (lower === 'debug')
        throw new errors_UserError(`${where}profile name \`debug\` is reserved; the development profile is called \`dev\``);
    if (lower === 'build-override') {
        throw new errors_UserError(`${where}profile name \`build-override\` is reserved; use [profile.<name>.build-override]`);
    }
    const reserved = ['build', 'check', 'clean', 'config', 'fetch', 'fix', 'install', 'metadata', 'package', 'publish', 'report'];
    reserved.push('root', 'run', 'rust', 'rustc', 'rustdoc', 'target', 'tmp', 'uninstall');
    if (reserved.includes(lower) || lower.startsWith('cargo')) {
        throw new errors_UserError(`${where}profile name \`${name}\` is reserved; please choose a different name`);
    }
}
/** The manifest, config and environment definitions of profiles. */
class Layers {
    opts;
    manifestProfiles;
    constructor(opts) {
        this.opts = opts;
        const profiles = opts.manifest?.value.profile;
        if (profiles !== undefined && !isTable(profiles)) {
            throw new errors_UserError(`${this.manifestWhere(['profile'])}\`profile\` must be a table`);
        }
        this.manifestProfiles = profiles ?? null;
    }
    /** Whether a profile is built in or defined anywhere. */
    exists(name) {
        if (BUILT_IN.has(name))
            return true;
        if (this.manifestProfile(name) !== undefined || this.opts.config.profiles.has(name))
            return true;
        const prefix = `CARGO_PROFILE_${envKeyPart(name)}_`;
        return Object.entries(this.opts.env).some(([key, value]) => value !== undefined &&
            key.startsWith(prefix) &&
            (ENV_KEYS.includes(key.slice(prefix.length)) || ENV_TABLE_PREFIXES.some(p => key.slice(prefix.length).startsWith(p))));
    }
    /** Where a profile is defined, for messages (`Cargo.toml:12: `), or '' if only in the environment. */
    definedAt(name) {
        const table = this.opts.config.profiles.get(name);
        if (table)
            return whereOf(table.source);
        if (this.manifestProfile(name) !== undefined)
            return this.manifestWhere(['profile', name]);
        return '';
    }
    /** The highest-precedence definition of one key of one profile (not following `inherits`). */
    get(profile, field) {
        const key = `profile.${profile}.${field}`;
        const configNode = this.configNode(profile, field);
        if (configNode && 'cli' in configNode.source)
            return this.fromConfig(configNode, key);
        const envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`;
        const envValue = this.opts.env[envName];
        if (envValue !== undefined) {
            return { value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key };
        }
        if (configNode)
            return this.fromConfig(configNode, key);
        const table = this.manifestProfile(profile);
        if (table === undefined)
            return null;
        if (!isTable(table))
            throw new errors_UserError(`${this.manifestWhere(['profile', profile])}\`profile.${profile}\` must be a table`);
        const value = table[field];
        if (value === undefined)
            return null;
        const path = ['profile', profile, field];
        return { value, source: { file: this.opts.manifestFile, line: this.manifestLine(path) }, where: this.manifestWhere(path), key };
    }
    /**
     * Validates what cargo validates even when unused: every manifest profile (name and values), and the
     * config and environment definitions of the profiles cargo loads (built-ins and manifest profiles).
     */
    validateAll() {
        const names = new Set(BUILT_IN);
        for (const name of Object.keys(this.manifestProfiles ?? {})) {
            validateProfileName(name, this.manifestWhere(['profile', name]));
            names.add(name);
        }
        for (const name of names) {
            for (const field of ['panic', 'lto', 'rpath']) {
                for (const raw of this.allDefinitions(name, field)) {
                    if (field === 'panic')
                        panicValue(raw);
                    else if (field === 'lto')
                        ltoValue(raw);
                    else
                        rpathValue(raw);
                }
            }
            for (const raw of this.allDefinitions(name, 'inherits'))
                inheritsValue(raw);
        }
    }
    allDefinitions(profile, field) {
        const out = [];
        const key = `profile.${profile}.${field}`;
        const configNode = this.configNode(profile, field);
        if (configNode)
            out.push(this.fromConfig(configNode, key));
        const envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`;
        const envValue = this.opts.env[envName];
        if (envValue !== undefined)
            out.push({ value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key });
        const table = this.manifestProfile(profile);
        if (isTable(table) && table[field] !== undefined) {
            const path = ['profile', profile, field];
            out.push({ value: table[field], source: { file: this.opts.manifestFile, line: this.manifestLine(path) }, where: this.manifestWhere(path), key });
        }
        return out;
    }
    /** `[profile.<name>]` of the manifest; a profile name is the user's, so never a property of a prototype. */
    manifestProfile(name) {
        const profiles = this.manifestProfiles;
        return profiles !== null && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    }
    configNode(profile, field) {
        return this.opts.config.profiles.get(profile)?.entries.get(field) ?? null;
    }
    fromConfig(node, key) {
        const where = whereOf(node.source);
        if (node.kind !== 'scalar')
            throw new errors_UserError(`${where}invalid \`${key}\`: expected a string or boolean, found ${node.kind === 'table' ? 'a table' : 'an array'}`);
        return { value: node.value, source: settingSource(node.source), where, key };
    }
    manifestLine(path) {
        return this.opts.manifest?.lineOf(path) ?? this.opts.manifest?.lineOf(path.slice(0, -1)) ?? 1;
    }
    manifestWhere(path) {
        return `${this.opts.manifestFile}:${this.manifestLine(path)}: `;
    }
}
function whereOf(source) {
    if ('file' in source)
        return `${source.file}:${source.line}: `;
    return `${describeSource(source)}: `;
}
/** How cargo reads a scalar from an environment variable: `true`/`false`, then an integer, else a string. */
function parseEnvScalar(value) {
    if (value === 'true' || value === 'false')
        return value === 'true';
    if (/^[+-]?\d+$/.test(value))
        return Number(value);
    return value;
}
function show(value) {
    return typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
function panicValue(raw) {
    if (raw.value === 'unwind' || raw.value === 'abort')
        return raw.value;
    if (raw.value === 'immediate-abort') {
        throw new errors_UserError(`${raw.where}\`${raw.key} = "immediate-abort"\` needs the nightly-only \`panic-immediate-abort\` feature`);
    }
    throw new errors_UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected "unwind" or "abort"`);
}
function ltoValue(raw) {
    const v = raw.value;
    if (v === true)
        return 'true';
    if (v === false)
        return 'false';
    if (v === 'fat' || v === 'thin')
        return v;
    if (v === 'off' || v === 'n' || v === 'no' || v === 'none')
        return 'off';
    if (v === 'y' || v === 'yes' || v === 'on')
        return 'fat';
    throw new errors_UserError(`${raw.where}invalid \`${raw.key}\` value ${show(v)}: expected true, false, "fat", "thin" or "off"`);
}
function rpathValue(raw) {
    if (typeof raw.value === 'boolean')
        return raw.value;
    throw new errors_UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected true or false`);
}
function inheritsValue(raw) {
    if (typeof raw.value === 'string')
        return raw.value;
    throw new errors_UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected a profile name`);
}
function isTable(value) {
    return typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/findings/finding.ts
/** Advice text as a fix the engine has not verified. */
function adviceFix(title) {
    return { title, kind: 'advice', verified: false };
}
/** The artifact a finding is about, or null for findings about the workspace or the policy. */
function findingArtifact(f) {
    const { package: pkg, target, kind, mode, crateType, platform } = f;
    if (pkg === undefined || target === undefined || kind === undefined || mode === undefined || crateType === undefined || platform === undefined)
        return null;
    return { package: pkg, target, kind, mode, crateType, platform };
}

;// CONCATENATED MODULE: ./src/manifest/edits.ts

function sourceFile(text, file) {
    try {
        return { file, lines: text.split('\n').map(l => l.replace(/\r$/, '')), doc: parseTomlDocument(text, file) };
    }
    catch {
        return null;
    }
}
/**
 * Edits that make `crate-type` of a package's library (`[lib]`) list `types`, keeping the order and quoting
 * of what is already there and appending what is new. A `[lib]` table without `crate-type` gets the key on
 * the line after its header; a manifest without `[lib]` gets the table at its end.
 */
function crateTypeEdits(text, file, types) {
    const src = sourceFile(text, file);
    if (src === null)
        return null;
    const lib = src.doc.value.lib;
    if (lib !== undefined && (typeof lib !== 'object' || Array.isArray(lib)))
        return null;
    const key = lib === undefined ? null : 'crate-type' in lib ? 'crate-type' : 'crate_type' in lib ? 'crate_type' : null;
    if (key !== null) {
        const existing = lib[key];
        if (!Array.isArray(existing) || existing.some(t => typeof t !== 'string'))
            return null;
        const added = types.filter(t => !existing.includes(t));
        const removed = existing.filter(t => !types.includes(t));
        if (removed.length > 0)
            return null;
        if (added.length === 0)
            return [];
        const line = src.doc.lineOf(['lib', key]);
        return line === null ? null : appendToArray(src, line, added);
    }
    const entry = `crate-type = [${types.map(t => `"${t}"`).join(', ')}]`;
    const header = src.doc.lineOf(['lib']);
    if (lib !== undefined) {
        if (header === null)
            return null;
        // Only a `[lib]` header line takes a key after it; dotted `lib.name = …` keys or an inline table do not.
        if (!/^\s*\[\s*lib\s*\]\s*(?:#.*)?$/.test(src.lines[header - 1] ?? ''))
            return null;
        return [{ file, line: header, before: src.lines[header - 1], after: `${src.lines[header - 1]}\n${entry}` }];
    }
    let last = src.lines.length;
    while (last > 1 && src.lines[last - 1].trim() === '')
        last--;
    const before = src.lines[last - 1] ?? '';
    return [{ file, line: last, before, after: `${before}${before.trim() === '' ? '' : '\n'}\n[lib]\n${entry}` }];
}
/**
 * Appends string elements to the array that starts on `line` (after its `=`). A one-line array is rewritten
 * on its line; a multi-line array gets one new element line before its closing bracket, indented like the
 * elements above.
 */
function appendToArray(src, line, values) {
    const span = arraySpan(src.lines, line);
    if (span === null)
        return null;
    const quoted = values.map(v => `"${v}"`);
    const text = src.lines[line - 1];
    if (span.endLine === line) {
        const inner = text.slice(span.openColumn + 1, span.closeColumn);
        const trimmed = inner.replace(/\s+$/, '');
        const separator = trimmed.trim() === '' ? '' : trimmed.endsWith(',') ? ' ' : ', ';
        const after = `${text.slice(0, span.openColumn + 1)}${trimmed}${separator}${quoted.join(', ')}${inner.slice(trimmed.length)}${text.slice(span.closeColumn)}`;
        return [{ file: src.file, line, before: text, after }];
    }
    // The last line before the closing bracket that holds an element.
    let previous = span.endLine - 1;
    while (previous > line && /^\s*(?:#.*)?$/.test(src.lines[previous - 1]))
        previous--;
    const closing = src.lines[span.endLine - 1];
    if (closing.slice(0, span.closeColumn).trim() !== '' || previous === line)
        return null;
    const prevText = src.lines[previous - 1];
    const indent = /^\s*/.exec(prevText)[0];
    const withComma = endsWithComma(prevText) ? prevText : addComma(prevText);
    if (withComma === null)
        return null;
    return [{ file: src.file, line: previous, before: prevText, after: `${withComma}\n${quoted.map(q => `${indent}${q},`).join('\n')}` }];
}
/** Where the array value of the key on `line` opens and closes, skipping strings and comments. */
function arraySpan(lines, line) {
    const first = lines[line - 1];
    const eq = first.indexOf('=');
    if (eq < 0)
        return null;
    const open = first.indexOf('[', eq);
    if (open < 0 || first.slice(eq + 1, open).trim() !== '')
        return null;
    let depth = 0;
    for (let l = line; l <= lines.length; l++) {
        const text = lines[l - 1];
        for (let c = l === line ? open : 0; c < text.length; c++) {
            const ch = text[c];
            if (ch === '#')
                break;
            if (ch === '"' || ch === "'") {
                const end = closingQuote(text, c);
                if (end < 0)
                    return null;
                c = end;
            }
            else if (ch === '[')
                depth++;
            else if (ch === ']' && --depth === 0)
                return { openColumn: open, endLine: l, closeColumn: c };
        }
    }
    return null;
}
/** The index of the quote that ends the one-line string starting at `start`, or -1. */
function closingQuote(text, start) {
    const quote = text[start];
    if (text.startsWith(quote.repeat(3), start))
        return -1;
    for (let i = start + 1; i < text.length; i++) {
        if (quote === '"' && text[i] === '\\')
            i++;
        else if (text[i] === quote)
            return i;
    }
    return -1;
}
function endsWithComma(line) {
    return /,\s*$/.test(codeOf(line));
}
/** The line with a comma after its last element, before any comment. */
function addComma(line) {
    const code = codeOf(line);
    const end = code.replace(/\s+$/, '').length;
    if (end === 0)
        return null;
    return `${line.slice(0, end)},${line.slice(end)}`;
}
/** The line up to its comment, if any. */
function codeOf(line) {
    for (let c = 0; c < line.length; c++) {
        if (line[c] === '#')
            return line.slice(0, c);
        if (line[c] === '"' || line[c] === "'") {
            const end = closingQuote(line, c);
            if (end < 0)
                return line;
            c = end;
        }
    }
    return line;
}
/**
 * Sets the value of `key` on `line` (a `key = value` line, as the profile and config readers record them) to
 * `value`, written as TOML (a string in double quotes, a boolean bare). Null when the line is not that key's.
 */
function settingEdit(text, file, line, key, value) {
    const src = sourceFile(text, file);
    const before = src?.lines[line - 1];
    if (before === undefined)
        return null;
    const keys = [key, key.replace(/-/g, '_')].map(k => k.replace(/[-]/g, '\\-'));
    const m = new RegExp(`^(\\s*(?:${keys.join('|')}|"(?:${keys.join('|')})")\\s*=\\s*)("[^"\\\\]*"|'[^']*'|true|false)(.*)$`).exec(before);
    if (m === null)
        return null;
    const written = typeof value === 'boolean' ? String(value) : `"${value}"`;
    return { file, line, before, after: `${m[1]}${written}${m[3]}` };
}
/** The file's text with the edits applied, line endings kept; null when a line no longer reads as `before`. */
function applyEdits(text, edits) {
    const crlf = /\r\n/.test(text);
    const lines = text.split('\n');
    for (const e of [...edits].sort((a, b) => b.line - a.line)) {
        const current = lines[e.line - 1];
        if (current === undefined || current.replace(/\r$/, '') !== e.before)
            return null;
        const replaced = e.after.split('\n').map(l => (crlf ? `${l}\r` : l));
        if (!current.endsWith('\r'))
            replaced[replaced.length - 1] = replaced[replaced.length - 1].replace(/\r$/, '');
        lines.splice(e.line - 1, 1, ...replaced);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/model/invocation.ts
/**
 * The cargo command being predicted, as cargo's command line spells it: the subcommand and its package,
 * target, feature, profile and manifest flags. Shared by the CLI, the action's inputs and the analysis.
 */

function defaultInvocation(overrides = {}) {
    return {
        command: 'build',
        packages: [],
        workspace: false,
        exclude: [],
        targets: {
            lib: false,
            bins: false,
            bin: [],
            tests: false,
            test: [],
            examples: false,
            example: [],
            benches: false,
            bench: [],
            allTargets: false
        },
        doc: false,
        noRun: false,
        release: false,
        profile: null,
        target: null,
        features: [],
        allFeatures: false,
        noDefaultFeatures: false,
        locked: false,
        offline: false,
        frozen: false,
        ...overrides
    };
}
/**
 * Whether the invocation builds tests, examples or benches, and so their dev-dependencies (cargo's
 * `CompileFilter::need_dev_deps`, src/cargo/ops/cargo_compile/compile_filter.rs).
 */
function needsDevDependencies(inv) {
    if (inv.command === 'test')
        return true;
    const t = inv.targets;
    return t.allTargets || t.tests || t.examples || t.benches || t.test.length + t.example.length + t.bench.length > 0;
}
/**
 * Whether any target-selection flag is given (`CompileFilter::Only` rather than `Default`,
 * src/cargo/ops/cargo_compile/compile_filter.rs `CompileFilter::from_raw_arguments`).
 */
function selectsTargets(inv) {
    const t = inv.targets;
    return t.lib || t.bins || t.tests || t.examples || t.benches || t.allTargets || t.bin.length + t.test.length + t.example.length + t.bench.length > 0;
}
/**
 * Splits a `--features` value the way cargo does: on whitespace and commas, dropping empty items
 * (`-F "a b"`, `-F a,b` and `-F a -F b` all select `a` and `b`).
 */
function splitFeatures(value) {
    return value.split(/[\s,]+/u).filter(feature => feature !== '');
}
/** Profile names cargo refuses on the command line whatever the manifest says (besides `debug` and `cargo*`). */
const RESERVED_PROFILE_NAMES = new Set([
    'build-override',
    'build',
    'check',
    'clean',
    'config',
    'fetch',
    'fix',
    'install',
    'metadata',
    'package',
    'publish',
    'report',
    'root',
    'run',
    'rust',
    'rustc',
    'rustdoc',
    'target',
    'tmp',
    'uninstall'
]);
/**
 * Validates a profile name as cargo does for `--profile` (cargo-util-schemas `validate_profile_name`): letters,
 * numbers, `_` and `-` only; `doc`, `debug`, `build-override`, names starting with `cargo` and a few reserved
 * words are refused. Whether the profile is defined is left to the manifest reader.
 *
 * @param what how to name the source in the message, e.g. "`--profile`" or "input `profile`".
 */
function checkProfileName(name, what) {
    if (name === '')
        throw new errors_UserError(`${what} must not be empty`);
    const bad = Array.from(name).find(ch => !/^[\p{Alphabetic}\p{N}_-]$/u.test(ch));
    if (bad !== undefined) {
        throw new errors_UserError(`${what}: invalid character \`${bad}\` in profile name \`${name}\`; allowed characters are letters, numbers, underscore, and hyphen`);
    }
    if (name === 'doc')
        throw new errors_UserError(`${what}: profile \`doc\` is reserved and not allowed to be explicitly specified`);
    const lower = name.toLowerCase();
    if (lower === 'debug') {
        throw new errors_UserError(`${what}: profile name \`${name}\` is reserved; the default development profile is \`dev\``);
    }
    if (RESERVED_PROFILE_NAMES.has(lower) || lower.startsWith('cargo')) {
        throw new errors_UserError(`${what}: profile name \`${name}\` is reserved; please choose a different name`);
    }
    return name;
}
/**
 * Renders an invocation as the cargo flags that select the same packages, targets, features and profile, in
 * the order of cargo's help, long forms only (`--package app --features a,b --release`). The subcommand itself
 * is `invocation.command`; see `formatCargoCommand` for the whole line.
 */
function toCargoArgs(invocation) {
    const args = [];
    const repeat = (flag, values) => {
        for (const value of values)
            args.push(flag, value);
    };
    const when = (flag, on) => {
        if (on)
            args.push(flag);
    };
    const { targets } = invocation;
    repeat('--package', invocation.packages);
    when('--workspace', invocation.workspace);
    repeat('--exclude', invocation.exclude);
    when('--lib', targets.lib);
    when('--bins', targets.bins);
    repeat('--bin', targets.bin);
    when('--examples', targets.examples);
    repeat('--example', targets.example);
    when('--tests', targets.tests);
    repeat('--test', targets.test);
    when('--benches', targets.benches);
    repeat('--bench', targets.bench);
    when('--all-targets', targets.allTargets);
    when('--doc', invocation.doc);
    when('--no-run', invocation.noRun);
    if (invocation.features.length > 0)
        args.push('--features', invocation.features.join(','));
    when('--all-features', invocation.allFeatures);
    when('--no-default-features', invocation.noDefaultFeatures);
    when('--release', invocation.release);
    if (invocation.profile !== null)
        args.push('--profile', invocation.profile);
    if (invocation.target !== null)
        args.push('--target', invocation.target);
    when('--locked', invocation.locked);
    when('--offline', invocation.offline);
    when('--frozen', invocation.frozen);
    return args;
}
/** The whole cargo command line for an invocation, quoted for a POSIX shell: `cargo build --workspace --release`. */
function formatCargoCommand(invocation) {
    return ['cargo', invocation.command, ...toCargoArgs(invocation)].map(quoteForShell).join(' ');
}
function quoteForShell(word) {
    if (/^[\w@%+=:,./-]+$/u.test(word))
        return word;
    return `'${word.replaceAll("'", `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/model/cfg.ts
/** Whether the cfg set has `key="value"` (`target_os="windows"`). */
function cfgHas(cfg, key, value) {
    return cfg.values.get(key)?.has(value) ?? false;
}
/** Thrown for a malformed cfg expression; the caller adds where it came from. */
class CfgSyntaxError extends Error {
}
/** Parses the `--print=cfg` output of rustc into a set. */
function parseCfgLines(text) {
    const names = new Set();
    const values = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '')
            continue;
        const eq = line.indexOf('=');
        if (eq < 0) {
            names.add(line);
            continue;
        }
        const key = line.slice(0, eq);
        const value = line.slice(eq + 1).replace(/^"(.*)"$/, '$1');
        let set = values.get(key);
        if (!set)
            values.set(key, (set = new Set()));
        set.add(value);
    }
    return { names, values };
}
/** Parses the inside or the whole of `cfg(...)`. */
function parseCfgExpr(text) {
    const tokens = tokenize(text);
    let pos = 0;
    const peek = () => tokens[pos];
    const next = () => {
        const t = tokens[pos++];
        if (t === undefined)
            throw new CfgSyntaxError(`unexpected end of cfg expression \`${text}\``);
        return t;
    };
    const expect = (t) => {
        const got = next();
        if (got !== t)
            throw new CfgSyntaxError(`expected \`${t}\` but found \`${got}\` in \`${text}\``);
    };
    const parseExpr = () => {
        const ident = next();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ident))
            throw new CfgSyntaxError(`unexpected \`${ident}\` in \`${text}\``);
        if ((ident === 'all' || ident === 'any' || ident === 'not') && peek() === '(') {
            next();
            const args = [];
            while (peek() !== ')') {
                args.push(parseExpr());
                if (peek() === ',')
                    next();
                else
                    break;
            }
            expect(')');
            if (ident === 'not') {
                if (args.length !== 1)
                    throw new CfgSyntaxError(`\`not\` takes exactly one predicate in \`${text}\``);
                return { op: 'not', arg: args[0] };
            }
            return { op: ident, args };
        }
        if (peek() === '=') {
            next();
            const value = next();
            if (!value.startsWith('"'))
                throw new CfgSyntaxError(`expected a string after \`${ident} =\` in \`${text}\``);
            return { op: 'eq', key: ident, value: value.slice(1, -1) };
        }
        return { op: 'name', name: ident };
    };
    const trimmed = text.trim();
    const isWrapped = /^cfg\s*\(/.test(trimmed);
    if (isWrapped) {
        expect('cfg');
        expect('(');
    }
    const expr = parseExpr();
    if (isWrapped)
        expect(')');
    if (pos !== tokens.length)
        throw new CfgSyntaxError(`unexpected \`${tokens[pos]}\` in \`${text}\``);
    return expr;
}
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        }
        else if (c === '(' || c === ')' || c === ',' || c === '=') {
            tokens.push(c);
            i++;
        }
        else if (c === '"') {
            const end = text.indexOf('"', i + 1);
            if (end < 0)
                throw new CfgSyntaxError(`unterminated string in \`${text}\``);
            tokens.push(text.slice(i, end + 1));
            i = end + 1;
        }
        else {
            const m = /^[A-Za-z0-9_\-.]+/.exec(text.slice(i));
            if (!m)
                throw new CfgSyntaxError(`unexpected character \`${c}\` in \`${text}\``);
            tokens.push(m[0]);
            i += m[0].length;
        }
    }
    return tokens;
}
function evalCfg(expr, cfg) {
    switch (expr.op) {
        case 'name':
            // `cfg(true)` and `cfg(false)` are boolean literals (stable since Rust 1.88).
            if (expr.name === 'true' || expr.name === 'false')
                return expr.name === 'true';
            return cfg.names.has(expr.name);
        case 'eq':
            return cfgHas(cfg, expr.key, expr.value);
        case 'all':
            return expr.args.every(a => evalCfg(a, cfg));
        case 'any':
            return expr.args.some(a => evalCfg(a, cfg));
        case 'not':
            return !evalCfg(expr.arg, cfg);
    }
}
/**
 * Whether a dependency's platform condition (`cfg(...)` or a target triple, as in `dep_kinds[].target`)
 * holds for a compilation target. Malformed conditions throw CfgSyntaxError.
 */
function platformMatches(platform, triple, cfg) {
    if (/^\s*cfg\s*\(/.test(platform))
        return evalCfg(parsedCfg(platform), cfg);
    return platform.trim() === triple;
}
// The same few platform strings recur on thousands of edges: parse each once.
const parsedCfgCache = new Map();
function parsedCfg(text) {
    let expr = parsedCfgCache.get(text);
    if (!expr) {
        expr = parseCfgExpr(text);
        parsedCfgCache.set(text, expr);
    }
    return expr;
}

;// CONCATENATED MODULE: ./src/model/crate-type.ts
const CRATE_TYPES = ['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'];
// The truth tables below are cargo's own (`src/cargo/core/compiler/crate_type.rs`); keep them identical.
/** Outputs a Rust crate can be linked against: `lib`, `rlib`, `dylib`, `proc-macro`. */
function isLinkable(t) {
    return t === 'lib' || t === 'rlib' || t === 'dylib' || t === 'proc-macro';
}
/** Outputs that are shared objects: `dylib`, `cdylib`, `proc-macro`. */
function isDynamic(t) {
    return t === 'dylib' || t === 'cdylib' || t === 'proc-macro';
}
/** Crate types that may take part in LTO: `bin`, `staticlib`, `cdylib`. */
function canLto(t) {
    return t === 'bin' || t === 'staticlib' || t === 'cdylib';
}
/** Crate types whose rustc invocation links (everything except `lib`/`rlib`). */
function requiresUpstreamObjects(t) {
    return t !== 'lib' && t !== 'rlib';
}
/** Whether a library built with these crate types is available to Rust dependents as an rlib. */
function providesRlib(types) {
    return types.includes('lib') || types.includes('rlib');
}
/** Whether a library built with these crate types is available to Rust dependents as a Rust dylib. */
function providesDylib(types) {
    return types.includes('dylib');
}
function isCrateType(s) {
    return (s === 'bin' || s === 'lib' || s === 'rlib' || s === 'dylib' || s === 'cdylib' || s === 'staticlib' || s === 'proc-macro');
}

;// CONCATENATED MODULE: ./src/model/rustc-flags.ts
/**
 * Rustflags read as rustc reads them: rustc's option grammar (`getopts` over the expanded argument list) and
 * the values of the `-C` and `-Z` options the analysis needs. What each option may do here is
 * `config/rustflag-policy.ts`. Nothing here touches a process or a file.
 */
/**
 * rustc's command-line options (`rustc_session::config::rustc_optgroups`, rustc 1.95 and nightly 1.97; the
 * same list as `rustc --help -v` plus the hidden `-Z` and `--env-set`) and whether each takes a value.
 */
const SHORT_WITH_VALUE = new Set(['L', 'l', 'o', 'A', 'W', 'D', 'F', 'C', 'Z']);
const SHORT_FLAGS = new Set(['h', 'g', 'O', 'V', 'v']);
const LONG_WITH_VALUE = new Map([
    ...['cfg', 'check-cfg', 'crate-type', 'crate-name', 'edition', 'emit', 'print', 'out-dir', 'explain', 'target', 'force-warn', 'cap-lints'].map(n => [n, `--${n}`]),
    ...['extern', 'sysroot', 'error-format', 'json', 'color', 'diagnostic-width', 'remap-path-prefix', 'remap-path-scope', 'env-set'].map(n => [n, `--${n}`]),
    ['allow', '-A'],
    ['warn', '-W'],
    ['deny', '-D'],
    ['forbid', '-F'],
    ['codegen', '-C']
]);
const LONG_FLAGS = new Map([
    ['help', '-h'],
    ['test', '--test'],
    ['version', '-V'],
    ['verbose', '-v']
]);
/**
 * Reads a rustflags list as rustc does. rustc first replaces every argument that starts with `@` by the lines
 * of that file (`rustc_driver_impl::args::arg_expand_all`: in any position, also where an option's value is
 * expected), then parses with `getopts` (floating free arguments): `--name=value` or `--name value` (the next
 * argument, whatever it looks like); a one-letter long name is the short option (`--C=x` is `-C x`); a short
 * cluster `-gOC x=y` is `-g -O -C x=y` — a short option taking a value takes the rest of its token or the next
 * argument; after `--` every argument is free. An unknown option takes no value (rustc stops at it anyway).
 */
function readRustflags(flags) {
    const out = [];
    let free = false;
    for (let i = 0; i < flags.length; i++) {
        const token = flags[i];
        const start = i;
        const add = (name, value, separateValue = false) => {
            out.push({ token: start, name, value, separateValue, written: flags.slice(start, i + 1).join(' ') });
        };
        // The value of an option that takes one: inline, else the next argument (none at the end of the list).
        const withValue = (name, inline) => {
            if (inline !== null || i + 1 >= flags.length)
                return add(name, inline);
            i++;
            add(name, flags[i], true);
        };
        if (token.startsWith('@'))
            add('@', token.slice(1));
        else if (free || token.length < 2 || !token.startsWith('-'))
            add('', token);
        else if (token === '--')
            free = true;
        else if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
            const inline = eq < 0 ? null : token.slice(eq + 1);
            // getopts' `Name::from_str`: a name one byte long is a short option.
            const short = Buffer.byteLength(name) === 1 ? name : null;
            if (short !== null && SHORT_WITH_VALUE.has(short))
                withValue(`-${short}`, inline);
            else if (short !== null && SHORT_FLAGS.has(short))
                add(`-${short}`, inline);
            else if (LONG_WITH_VALUE.has(name))
                withValue(LONG_WITH_VALUE.get(name), inline);
            else
                add(LONG_FLAGS.get(name) ?? `--${name}`, inline);
        }
        else {
            // A short cluster: flags until one that takes a value, which takes the rest of the token or the next argument.
            const letters = [...token.slice(1)];
            for (let j = 0; j < letters.length; j++) {
                const letter = letters[j];
                if (SHORT_WITH_VALUE.has(letter)) {
                    const rest = letters.slice(j + 1).join('');
                    withValue(`-${letter}`, rest === '' ? null : rest);
                    break;
                }
                add(`-${letter}`, null);
                // An unknown letter ends the cluster: getopts stops there with an error.
                if (!SHORT_FLAGS.has(letter))
                    break;
            }
        }
    }
    return out;
}
/** The key of a `-C`/`-Z` value (`key=value`), with `_` read as `-` as rustc does (`build_options`). */
function optionKey(value) {
    if (value === null)
        return '';
    const eq = value.indexOf('=');
    return (eq < 0 ? value : value.slice(0, eq)).replace(/_/g, '-');
}
/** Every value of one `-C name=value` codegen option in a flag list, as rustc reads the list. */
function codegenOptions(flags, name) {
    return optionValues(flags, '-C', name);
}
/** Every value of one `-Z name=value` unstable option in a flag list, as rustc reads the list. */
function unstableOptions(flags, name) {
    return optionValues(flags, '-Z', name);
}
function optionValues(flags, option, name) {
    const out = [];
    for (const o of readRustflags(flags)) {
        if (o.name !== option || o.value === null || optionKey(o.value) !== name)
            continue;
        const eq = o.value.indexOf('=');
        out.push(eq < 0 ? '' : o.value.slice(eq + 1));
    }
    return out;
}
/** The `-C target-feature` entries of a flag list, in order. */
function targetFeatures(rustflags) {
    const out = [];
    for (const value of codegenOptions(rustflags, 'target-feature'))
        out.push(...value.split(',').map(s => s.trim()));
    return out;
}
/** A boolean `-C`/`-Z` option: present without a value or with yes/on/true; the last occurrence wins. */
function flagEnabled(values) {
    if (values.length === 0)
        return false;
    const last = values[values.length - 1].toLowerCase();
    return last === '' || last === 'y' || last === 'yes' || last === 'on' || last === 'true';
}
/** Flags that change type layouts or calling conventions and that rustc does not compare across crates. */
const UNCHECKED_ABI_FLAGS = /^-(?:Ctarget-feature=|Ctarget-cpu=|Zrandomize-layout|Zlayout-seed=)/;
/** `-C target-feature=+avx2` and `-Ctarget-feature=+avx2` alike, as `-Ctarget-feature=+avx2`. */
function abiFlags(rustflags) {
    const out = [];
    for (let i = 0; i < rustflags.length; i++) {
        let flag = rustflags[i];
        if ((flag === '-C' || flag === '-Z') && i + 1 < rustflags.length)
            flag = `${flag}${rustflags[++i]}`;
        else if (flag.startsWith('--codegen='))
            flag = `-C${flag.slice('--codegen='.length)}`;
        if (UNCHECKED_ABI_FLAGS.test(flag))
            out.push(flag);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/platform.ts
/**
 * How a target's executables find Rust shared libraries at run time, from the probed `cfg`, not from the
 * triple's spelling. Facts per family, with their sources, in docs/platforms.md.
 */

function loaderFamily(info) {
    const has = (key, value) => cfgHas(info.cfg, key, value);
    if (has('target_family', 'wasm'))
        return 'wasm';
    if (has('target_os', 'windows'))
        return has('target_abi', 'llvm') ? 'unmodelled' : 'windows';
    if (has('target_vendor', 'apple'))
        return 'darwin';
    if (has('target_family', 'unix') && !has('target_os', 'aix') && !has('target_os', 'cygwin'))
        return 'elf';
    return 'unmodelled';
}
/**
 * rustc's `is_like_windows`: the Windows targets, UEFI (PE images through the MSVC-style linker) and Cygwin
 * (`rustc_target::spec::base::{windows_gnu, windows_msvc, uefi_msvc, cygwin}`).
 */
function isLikeWindows(info) {
    return ['windows', 'uefi', 'cygwin'].some(os => cfgHas(info.cfg, 'target_os', os));
}
/** windows-gnu: MinGW-w64's linker, import libraries `lib<name>.dll.a` and unwinder DLL. */
function isMingw(info) {
    return loaderFamily(info) === 'windows' && cfgHas(info.cfg, 'target_env', 'gnu');
}
/**
 * The C unwinder DLL a windows-gnu executable or DLL imports when it links any crate dynamically or is itself
 * a Rust `dylib`: rustc then links `late_link_args_dynamic` (`-lgcc_s`) instead of `-lgcc_eh`
 * (`rustc_codegen_ssa::back::link::add_late_link_args`, `any_dynamic_crate`; the libraries in
 * `rustc_target::spec::base::windows_gnu::opts`). MinGW-w64's import library names `libgcc_s_seh-1.dll` on
 * x86_64 and `libgcc_s_dw2-1.dll` on i686. Null for every other target.
 */
function dynamicUnwinderDll(info) {
    if (!isMingw(info))
        return null;
    return cfgHas(info.cfg, 'target_arch', 'x86') ? 'libgcc_s_dw2-1.dll' : 'libgcc_s_seh-1.dll';
}
/** The variable cargo sets for `cargo run` and `cargo test` (cargo-util `paths::dylib_path_envvar`). */
function libraryPathVariable(family) {
    return family === 'windows' ? 'PATH' : family === 'darwin' ? 'DYLD_FALLBACK_LIBRARY_PATH' : 'LD_LIBRARY_PATH';
}

;// CONCATENATED MODULE: ./src/model/features.ts
/**
 * Cargo's feature resolver, replayed for one invocation: which features of each package are on, and which of
 * its optional dependencies, for what the invocation selects — not `cargo metadata`'s resolve, which unifies
 * every member, every platform and dev-dependencies.
 *
 * Follows `src/cargo/core/resolver/features.rs` of cargo 0.96.0 (rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850,
 * the cargo of Rust 1.95), function by function:
 *
 *   resolveFeatures        `FeatureResolver::resolve` and `do_resolve`
 *   membersWithFeatures    `Workspace::members_with_features` (src/cargo/core/workspace.rs), new and old CLI behaviour
 *   activatePkg            `activate_pkg`
 *   activateFv             `activate_fv`
 *   activateRec            `activate_rec`
 *   activateDependency     `activate_dependency`
 *   activateDepFeature     `activate_dep_feature`
 *   fvsFromDependency      `fvs_from_dependency`
 *   fvsFromRequested       `fvs_from_requested`
 *   deps                   `deps` and its `platform_activated`
 *
 * The dependency edges are those of the metadata's resolve, which (run on the whole workspace with the same
 * feature flags) holds every edge the invocation can activate. Not replayed: artifact dependencies
 * (`FeaturesFor::ArtifactDep`), `-Zfeatures`, and the errors cargo reports for unknown features, which
 * `cargo metadata` has already reported for the workspace.
 *
 * The recursion of cargo's functions is a work list here (a dependency chain can be deeper than the call
 * stack); the result is the same fixed point, since activation only ever adds.
 */

/**
 * The causes behind a cause, nearest first: a value of a `[features]` entry is there because that entry is on,
 * which has a cause of its own, up to a dependency declaration or the command line.
 */
function causeChain(features, cause) {
    const chain = [cause];
    for (let c = cause; c.origin.by === 'feature';) {
        const { pkg, featuresFor, feature } = c.origin;
        c = features.featureCause(pkg.id, featuresFor, feature);
        // Each cause was recorded before what it caused, so the chain ends; the bound only guards that.
        if (c === null || chain.length > 256)
            break;
        chain.push(c);
    }
    return chain;
}
/**
 * The features of `cargo metadata`'s own resolve, on both sides, with every resolved edge active: what the
 * analysis uses when the feature resolver cannot be replayed (the workspace manifest is not readable).
 */
function metadataFeatures(metadata) {
    const sets = new Map([...metadata.packages.values()].map(p => [p.id, new Set(p.features)]));
    return {
        activatedFeatures: pkg => sets.get(pkg) ?? EMPTY,
        isDepActivated: () => true,
        featureCause: () => null,
        dependencyCause: () => null
    };
}
/** The text of a feature value, as written in a manifest or on the command line. */
function featureValueText(fv) {
    if (fv.kind === 'feature')
        return fv.feature;
    if (fv.kind === 'dep')
        return `dep:${fv.depName}`;
    return `${fv.depName}${fv.weak ? '?' : ''}/${fv.depFeature}`;
}
/** `FeatureValue::new`: `dep:name`, `name/feature`, `name?/feature`, or a feature. */
function featureValue(text) {
    const slash = text.indexOf('/');
    if (slash >= 0) {
        const name = text.slice(0, slash);
        const weak = name.endsWith('?');
        return { kind: 'dep-feature', depName: weak ? name.slice(0, -1) : name, depFeature: text.slice(slash + 1), weak };
    }
    if (text.startsWith('dep:'))
        return { kind: 'dep', depName: text.slice('dep:'.length) };
    return { kind: 'feature', feature: text };
}
/** A declaration as the resolver reads it: the metadata's, or a plain required one when the metadata has none. */
function declarationOf(edge, kind) {
    return kind.declared ?? { nameInToml: edge.externName, optional: false, features: [], defaultFeatures: true };
}
/** `FeatureResolver::resolve`: every selected member, then everything its features and dependencies reach. */
function resolveFeatures(metadata, request) {
    // `FeatureOpts::new_behavior`.
    const v2 = request.resolver === 2;
    const opts = { decoupleHostDeps: v2, decoupleDevDeps: v2 && !request.hasDevUnits, ignoreInactiveTargets: v2 };
    const trackForHost = opts.decoupleHostDeps || opts.ignoreInactiveTargets;
    /** `FeaturesFor::apply_opts`: one namespace for everything unless host dependencies are decoupled. */
    const applied = (fk) => (opts.decoupleHostDeps ? fk : 'normal');
    const sides = new Map();
    const sideOf = (pkg, fk) => {
        let both = sides.get(pkg);
        if (both === undefined)
            sides.set(pkg, (both = { normal: newSide(), host: newSide() }));
        return both[fk];
    };
    const parsedFeatures = new Map();
    /** The package's feature table, each value parsed once. */
    const featureMapOf = (pkg) => {
        if (pkg.featureMap.size === 0)
            return NO_FEATURES;
        let map = parsedFeatures.get(pkg);
        if (map === undefined)
            parsedFeatures.set(pkg, (map = new Map([...pkg.featureMap].map(([name, values]) => [name, values.map(featureValue)]))));
        return map;
    };
    const tasks = [];
    /** `deps`: the dependencies of a package that apply on one side, each with the side its features go to. */
    const deps = (pkg, fk) => {
        const side = sideOf(pkg, fk);
        if (side.deps !== null)
            return side.deps;
        const out = [];
        for (const edge of pkg.deps) {
            const dep = metadata.packages.get(edge.pkg);
            for (const kind of edge.kinds) {
                if (kind.platform !== null && opts.ignoreInactiveTargets && !platformActivated(kind, fk, request))
                    continue;
                if (opts.decoupleDevDeps && kind.kind === 'dev')
                    continue;
                const depFk = fk !== 'host' && trackForHost && (kind.kind === 'build' || hasProcMacroLib(dep)) ? 'host' : fk;
                const declared = declarationOf(edge, kind);
                out.push({ dep, declared, depFk, origin: { by: 'dependency', pkg, nameInToml: declared.nameInToml } });
            }
        }
        return (side.deps = out);
    };
    const featuresOf = (pkg, fk) => {
        const side = sideOf(pkg, applied(fk));
        return (side.features ??= new Map());
    };
    // Each function takes, besides cargo's arguments, the cause of the value it activates.
    const activatePkg = (pkg, fk, fvs, origin) => {
        featuresOf(pkg, fk);
        for (const fv of fvs)
            activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) });
        const side = sideOf(pkg, fk);
        if (side.processed)
            return;
        side.processed = true;
        for (const { dep, declared, depFk, origin: declaration } of deps(pkg, fk)) {
            if (declared.optional)
                continue;
            tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
        }
    };
    const activateFv = (pkg, fk, fv, cause) => {
        if (fv.kind === 'feature')
            activateRec(pkg, fk, fv.feature, cause);
        else if (fv.kind === 'dep')
            activateDependency(pkg, fk, fv.depName, cause);
        else
            activateDepFeature(pkg, fk, fv.depName, fv.depFeature, fv.weak, cause);
    };
    const activateRec = (pkg, fk, feature, cause) => {
        const enabled = featuresOf(pkg, fk);
        if (enabled.has(feature))
            return;
        enabled.set(feature, cause);
        const fvs = featureMapOf(pkg).get(feature);
        if (fvs === undefined)
            return;
        const origin = { by: 'feature', pkg, featuresFor: applied(fk), feature };
        for (const fv of fvs)
            tasks.push(() => activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) }));
    };
    const activateDependency = (pkg, fk, depName, cause) => {
        const appliedSide = sideOf(pkg, applied(fk));
        const activated = (appliedSide.dependencies ??= new Map());
        if (!activated.has(depName))
            activated.set(depName, cause);
        const side = sideOf(pkg, fk);
        const toEnable = side.deferredWeak?.get(depName);
        side.deferredWeak?.delete(depName);
        for (const { dep, declared, depFk, origin: declaration } of deps(pkg, fk)) {
            if (declared.nameInToml !== depName)
                continue;
            for (const [depFeature, weakCause] of toEnable ?? [])
                tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), weakCause));
            tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
        }
    };
    const activateDepFeature = (pkg, fk, depName, depFeature, weak, cause) => {
        for (const { dep, declared, depFk } of deps(pkg, fk)) {
            if (declared.nameInToml !== depName)
                continue;
            if (declared.optional) {
                if (weak && sideOf(pkg, applied(fk)).dependencies?.has(depName) !== true) {
                    const side = sideOf(pkg, fk);
                    const deferred = (side.deferredWeak ??= new Map());
                    const features = deferred.get(depName) ?? new Map();
                    if (!features.has(depFeature))
                        features.set(depFeature, cause);
                    deferred.set(depName, features);
                    continue;
                }
                activateFv(pkg, fk, { kind: 'dep', depName }, cause);
                if (!weak && pkg.featureMap.has(depName))
                    activateRec(pkg, fk, depName, cause);
            }
            tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), cause));
        }
    };
    // `do_resolve`: each selected member with its command-line features; a member with a proc-macro is
    // resolved for both sides when the host is tracked.
    for (const [member, cli] of membersWithFeatures(metadata, request)) {
        const fvs = fvsFromRequested(member, cli);
        const origin = { by: 'command-line', pkg: member };
        if (trackForHost && hasAnyProcMacro(member))
            tasks.push(() => activatePkg(member, 'host', fvs, origin));
        tasks.push(() => activatePkg(member, 'normal', fvs, origin));
        while (tasks.length > 0)
            tasks.pop()();
    }
    const byId = (id, fk) => {
        const pkg = metadata.packages.get(id);
        return pkg === undefined ? undefined : sides.get(pkg)?.[applied(fk)];
    };
    return {
        activatedFeatures: (pkg, featuresFor) => byId(pkg, featuresFor)?.features ?? EMPTY,
        isDepActivated: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.has(name) ?? false,
        featureCause: (pkg, featuresFor, feature) => byId(pkg, featuresFor)?.features?.get(feature) ?? null,
        dependencyCause: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.get(name) ?? null
    };
}
function newSide() {
    return { features: null, dependencies: null, processed: false, deferredWeak: null, deps: null };
}
const EMPTY = new Set();
/** `fvs_from_dependency`: the features a declaration asks for, and `default` unless it opts out. */
function fvsFromDependency(dep, declared, featureMap) {
    const withDefault = declared.defaultFeatures && featureMap.has('default');
    // Most declarations ask for nothing but the defaults: one shared list for them.
    if (declared.features.length === 0)
        return withDefault ? DEFAULT_ONLY : features_NONE;
    const fvs = declared.features.map(featureValue);
    if (withDefault)
        fvs.push(DEFAULT);
    return fvs;
}
const DEFAULT = { kind: 'feature', feature: 'default' };
const DEFAULT_ONLY = [DEFAULT];
const features_NONE = [];
const NO_FEATURES = new Map();
/** `fvs_from_requested`: the command line's features for a member, `default` unless turned off, or all of them. */
function fvsFromRequested(member, cli) {
    const fvs = [...cli.features];
    if (cli.usesDefaultFeatures && member.featureMap.has('default'))
        fvs.push(DEFAULT);
    if (cli.allFeatures)
        for (const feature of member.featureMap.keys())
            fvs.push({ kind: 'feature', feature });
    return fvs;
}
/**
 * `Workspace::members_with_features`: the selected members, each with the command line's features that
 * apply to it. Resolver 2 and virtual workspaces (`members_with_features_new`) give each selected member the
 * features it has; resolver 1 in a package's workspace (`members_with_features_old`) gives plain features
 * to the package cargo runs in, and `member/feature` to the members named. When no workspace member is
 * selected (`-p` of a dependency), every member is resolved with its default features.
 */
function membersWithFeatures(metadata, request) {
    const members = metadata.workspaceMembers.map(id => metadata.packages.get(id));
    const selected = new Set(request.selected.map(p => p.id));
    const requested = request.features.map(featureValue);
    const usesDefaultFeatures = !request.noDefaultFeatures;
    if (request.resolver === 2 || request.virtualWorkspace) {
        const chosen = members.filter(m => selected.has(m.id));
        if (chosen.length === 0)
            return members.map(m => [m, { features: [], allFeatures: false, usesDefaultFeatures: true }]);
        return chosen.map(m => [m, { features: collectMatchingFeatures(m, requested), allFeatures: request.allFeatures, usesDefaultFeatures }]);
    }
    const memberSpecific = new Map();
    const cwdFeatures = [];
    for (const fv of requested) {
        if (fv.kind === 'dep-feature') {
            const isMember = members.some(m => m !== request.current && m.name === fv.depName);
            if (isMember && request.selected.some(p => p.name === fv.depName)) {
                const list = memberSpecific.get(fv.depName) ?? [];
                list.push({ kind: 'feature', feature: fv.depFeature });
                memberSpecific.set(fv.depName, list);
                continue;
            }
        }
        cwdFeatures.push(fv);
    }
    const out = [];
    for (const member of members) {
        if (member === request.current)
            out.push([member, { features: cwdFeatures, allFeatures: request.allFeatures, usesDefaultFeatures }]);
        else if (selected.has(member.id)) {
            out.push([member, { features: memberSpecific.get(member.name) ?? [], allFeatures: request.allFeatures, usesDefaultFeatures: true }]);
        }
    }
    return out;
}
/** `Workspace::collect_matching_features`: the requested features a member has (its own or its dependencies'). */
function collectMatchingFeatures(member, requested) {
    const declared = new Map();
    for (const edge of member.deps) {
        for (const kind of edge.kinds) {
            const declaration = declarationOf(edge, kind);
            declared.set(declaration.nameInToml, declaration);
        }
    }
    const hasFeature = (f) => member.featureMap.has(f) || declared.get(f)?.optional === true;
    const out = [];
    for (const fv of requested) {
        if (fv.kind === 'feature' && hasFeature(fv.feature))
            out.push(fv);
        else if (fv.kind === 'dep-feature') {
            if (declared.has(fv.depName))
                out.push(fv);
            else if (fv.depName === member.name && hasFeature(fv.depFeature))
                out.push({ kind: 'feature', feature: fv.depFeature });
        }
    }
    return out;
}
/** `platform_activated`: build dependencies and the host side are checked against the host, the rest against the target. */
function platformActivated(kind, fk, request) {
    const info = kind.kind === 'build' || fk === 'host' ? request.host : request.target;
    return platformMatches(kind.platform, info.triple, info.cfg);
}
/** `has_proc_macro_lib`: the package's library is a proc-macro. */
function hasProcMacroLib(pkg) {
    return pkg.targets.some(t => t.kind === 'proc-macro' || (t.kind === 'lib' && t.crateTypes.includes('proc-macro')));
}
/** `has_any_proc_macro` (`Package::proc_macro`): only a library can be a proc-macro, so the same question. */
const hasAnyProcMacro = hasProcMacroLib;

;// CONCATENATED MODULE: ./src/model/unit-dependencies.ts
/**
 * The dependencies of each unit, after cargo's `src/cargo/core/compiler/unit_dependencies.rs` at cargo 0.96.0
 * (rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850, the cargo of Rust 1.95). The steps around it,
 * and what is not replayed, are described at the top of `unit-graph.ts`.
 *
 * Cargo sorts each unit's dependency list once the graph is built, so the order in which it collects them
 * does not matter there. Here the order of a unit's needs fixes the depth-first numbering of the units:
 * dependencies' libraries, the package's own library, the binaries an integration test needs, then the
 * build script (cargo collects the build script before the own library).
 */




/**
 * Follows `deps_of_roots`: creates each root unit and everything it depends on, root after root. Returns
 * the root units in order, each once.
 */
function depsOfRoots(state, roots) {
    const out = [];
    for (const spec of roots) {
        const unit = depsOf(state, spec, true);
        if (!out.includes(unit))
            out.push(unit);
    }
    return out;
}
/**
 * Follows `deps_of`: finds or creates the unit and, when it is new, computes its dependencies once and
 * recurses into them. A stack rather than recursion, as a dependency chain can be far deeper than the call
 * stack; a unit's dependencies are all created before its next sibling, so units are numbered depth first.
 */
function depsOf(state, spec, root) {
    const pending = [];
    const visit = (s, isRoot) => {
        const count = state.units.length;
        const unit = state.intern(s, isRoot);
        if (state.units.length !== count)
            pending.push({ unit, needs: computeDeps(state, unit, s.unitFor), next: 0 });
        return unit;
    };
    const unit = visit(spec, root);
    while (pending.length > 0) {
        const frame = pending[pending.length - 1];
        const need = frame.needs[frame.next++];
        if (need === undefined) {
            pending.pop();
            continue;
        }
        const { crates, buildsAfter } = frame.unit;
        const dep = visit(need, false);
        if (need.link === null)
            buildsAfter.push(dep);
        // The package's own library is needed after the dependencies' libraries but passed to rustc first.
        else if (need.link.edge === 'own-lib')
            crates.unshift({ unit: dep, ...need.link });
        else
            crates.push({ unit: dep, ...need.link });
    }
    return unit;
}
/**
 * Follows `compute_deps`: what a new unit needs, in this module's order (see the top of the file). Records
 * on the unit the dependencies cargo cannot pass to rustc.
 */
function computeDeps(state, unit, unitFor) {
    const { pkg, target, mode } = unit;
    const needs = [];
    for (const { pkg: dep, edge, kinds, activatedBy } of deps(state, unit, unitFor)) {
        // `calc_artifact_deps` without artifact dependencies: the library target of the dependency, if any.
        const lib = state.libOf(dep);
        if (!lib)
            continue;
        const first = kinds[0];
        const named = loadedByRustc(state, unit, dep, lib, edge.externName);
        if (!lib.crateTypes.some(isLinkable)) {
            // Cargo still builds the library first, but passes no `--extern` for it: an error if the source names it.
            if (named)
                unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes });
            needs.push(newUnitDep(dep, lib, unit, unitFor, null));
            continue;
        }
        // A dependency the source never names is still built first, but rustc does not load or link it.
        needs.push(newUnitDep(dep, lib, unit, unitFor, named ? { externName: edge.externName, edge: first.kind, platform: first.platform, activatedBy } : null));
    }
    // Compiling a build script needs its build-dependencies and nothing else.
    if (target.kind === 'custom-build')
        return needs;
    // A library's doc tests link the library itself.
    if ((target.kind !== 'lib' && target.kind !== 'proc-macro') || mode === 'doctest') {
        const lib = maybeLib(state, unit, unitFor);
        if (lib)
            needs.push(lib);
        // Integration tests and benches run the package's binaries, so cargo builds them first.
        if ((target.kind === 'test' || target.kind === 'bench') && mode === 'test') {
            for (const bin of pkg.targets) {
                if (bin.kind !== 'bin' || !featuresSatisfied(state, bin, pkg))
                    continue;
                // `UnitFor::new_normal` and `CompileKind::for_target`: not a dependency of the harness itself.
                needs.push({ pkg, target: bin, mode: 'build', kind: unit.kind, unitFor: { host: unitFor.host, hostFeatures: false, test: false }, link: null });
            }
        }
    }
    const script = depBuildScript(unit, unitFor);
    if (script)
        needs.push(script);
    return needs;
}
/**
 * Follows `State::deps`: the dependency edges of the unit's package that apply to it. A build script gets
 * the build-dependencies and only it does; dev-dependencies apply to tests, examples, benches and anything
 * compiled as a test harness; a platform-specific dependency applies when its platform matches the unit's
 * (`RustcTargetData::dep_platform_activated`); an optional dependency applies when the invocation's features
 * activate it for the unit's side (`is_dep_activated`).
 */
function deps(state, unit, unitFor) {
    const { pkg, target, mode, kind } = unit;
    const featuresFor = featuresForUnit(unitFor);
    const info = state.infoFor(kind);
    const isBuildScript = target.kind === 'custom-build';
    const includeDev = !isBuildScript && (target.kind === 'test' || target.kind === 'example' || target.kind === 'bench' || mode !== 'build');
    const out = [];
    for (const edge of pkg.deps) {
        const kinds = edge.kinds.filter(k => {
            if (isBuildScript ? k.kind !== 'build' : k.kind === 'build')
                return false;
            if (k.kind === 'dev' && !includeDev)
                return false;
            if (k.platform !== null && !matchesPlatform(k.platform, info, pkg))
                return false;
            return !k.declared?.optional || state.features.isDepActivated(pkg.id, featuresFor, k.declared.nameInToml);
        });
        if (kinds.length === 0)
            continue;
        const optional = kinds.every(k => k.declared?.optional === true);
        const cause = optional ? state.features.dependencyCause(pkg.id, featuresFor, kinds[0].declared.nameInToml) : null;
        const activatedBy = cause === null ? null : causeChain(state.features, cause);
        out.push({ pkg: edge.pkg === pkg.id ? pkg : state.metadata.packages.get(edge.pkg), edge, kinds, activatedBy });
    }
    return out;
}
/**
 * Follows `maybe_lib`: a bin, test, example or bench links its own package's library when the library is
 * Rust-linkable. When it is not, cargo passes nothing, and that breaks the target only if its source uses
 * the library; that case is recorded on the unit.
 */
function maybeLib(state, unit, unitFor) {
    const { pkg } = unit;
    const lib = state.libOf(pkg);
    if (!lib)
        return null;
    const libName = lib.name.replace(/-/g, '_');
    const named = loadedByRustc(state, unit, pkg, lib, libName);
    if (lib.crateTypes.some(isLinkable))
        return newUnitDep(pkg, lib, unit, unitFor, named ? { externName: libName, edge: 'own-lib', platform: null, activatedBy: null } : null);
    if (named)
        unit.unlinkable.push({ pkg, externName: libName, edge: 'own-lib', crateTypes: lib.crateTypes });
    return null;
}
/**
 * Whether rustc loads a library for the unit: only a crate the target's source names is loaded
 * (`CrateLoader`, on `extern crate`, a `use` or a path), and with it what it depends on. The sources are read
 * only where that decides linkage — a library with a `dylib`, `cdylib` or `staticlib` crate type, or one that
 * depends on a Rust dylib; any other is taken as used.
 */
function loadedByRustc(state, unit, libPkg, lib, externName) {
    // Doc examples live in comments, which the source scan does not read; rustdoc also injects the library.
    if (unit.mode === 'doctest')
        return true;
    const decides = lib.crateTypes.some(t => t === 'dylib' || t === 'cdylib' || t === 'staticlib') || reachesRustDylib(state, libPkg);
    return !decides || state.sourceUsesCrate(unit.target.srcPath, externName);
}
const dylibReachers = new WeakMap();
/**
 * Whether a package depends, through normal dependencies on any platform, on a package whose library is a Rust
 * `dylib`: loading its library then brings that dylib (and how it links `std`) into the dependent. One walk
 * per metadata, backwards from the dylibs; none at all in most workspaces.
 */
function reachesRustDylib(state, pkg) {
    let reachers = dylibReachers.get(state.metadata);
    if (reachers === undefined) {
        reachers = new Set();
        const queue = [...state.metadata.packages.values()].filter(p => state.libOf(p)?.crateTypes.includes('dylib'));
        const dependents = new Map();
        for (const p of queue.length > 0 ? state.metadata.packages.values() : []) {
            for (const edge of p.deps) {
                const dep = state.metadata.packages.get(edge.pkg);
                if (dep === undefined || dep === p || !edge.kinds.some(k => k.kind === 'normal'))
                    continue;
                const list = dependents.get(dep);
                if (list)
                    list.push(p);
                else
                    dependents.set(dep, [p]);
            }
        }
        for (let i = 0; i < queue.length; i++) {
            for (const dependent of dependents.get(queue[i]) ?? []) {
                if (reachers.has(dependent))
                    continue;
                reachers.add(dependent);
                queue.push(dependent);
            }
        }
        dylibReachers.set(state.metadata, reachers);
    }
    return reachers.has(pkg);
}
/**
 * Follows `dep_build_script`: a package's build script runs before any other target of the package is
 * compiled. The run is not a unit of its own here; the dependent waits for what the run needs.
 */
function depBuildScript(unit, unitFor) {
    const script = unit.pkg.targets.find(t => t.kind === 'custom-build');
    return script ? computeDepsCustomBuild(unit.pkg, script, unitFor) : null;
}
/**
 * Follows `compute_deps_custom_build`: running a build script needs the script compiled, for the host
 * (`UnitFor::for_custom_build`). Cargo's links overrides and artifact build-dependencies are not replayed.
 */
function computeDepsCustomBuild(pkg, script, unitFor) {
    return { pkg, target: script, mode: 'build', kind: 'host', unitFor: { host: true, hostFeatures: unitFor.hostFeatures, test: false }, link: null };
}
/**
 * Follows `new_unit_dep` for a library a unit links: built as a library (`check_or_build_mode`), for the host
 * once the dependent or the library is for the host (`UnitFor::with_dependency`, `CompileKind::for_target`).
 */
function newUnitDep(pkg, lib, parent, unitFor, link) {
    const depFor = withDependency(unitFor, parent, lib);
    return { pkg, target: lib, mode: 'build', kind: depFor.host ? 'host' : parent.kind, unitFor: depFor, link };
}
/**
 * Follows `UnitFor::with_dependency` (src/cargo/core/profiles.rs): `host` is sticky, and set for a proc-macro
 * library and for whatever a build script or proc-macro depends on (cargo carries that in the parent's own
 * `UnitFor`); `test`, cargo's `PanicSetting::AlwaysUnwind` of `UnitFor::new_test`, is sticky and set below a
 * test harness.
 */
function withDependency(unitFor, parent, dep) {
    const parentKind = parent.target.kind;
    return {
        host: unitFor.host || parentKind === 'custom-build' || parentKind === 'proc-macro' || dep.kind === 'proc-macro',
        hostFeatures: unitFor.hostFeatures || parentKind === 'custom-build' || dep.kind === 'proc-macro',
        test: unitFor.test || parent.mode === 'test' || parent.mode === 'doctest'
    };
}
/** Follows `RustcTargetData::dep_platform_activated` (src/cargo/core/compiler/build_context/target_info.rs). */
function matchesPlatform(platform, info, pkg) {
    try {
        return platformMatches(platform, info.triple, info.cfg);
    }
    catch (e) {
        throw new errors_UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${e.message}`);
    }
}
/** `UnitFor::map_to_features_for`, without artifact dependencies. */
function featuresForUnit(unitFor) {
    return unitFor.hostFeatures ? 'host' : 'normal';
}
/**
 * The `required-features` check of `proposals_to_units` and `compute_deps`: each is among the package's
 * features for normal units, or a `dep/feature` among its dependencies' (`resolve_all_features`,
 * src/cargo/core/compiler/unit_dependencies.rs).
 */
function featuresSatisfied(state, target, pkg) {
    if (target.requiredFeatures.length === 0)
        return true;
    const own = state.features.activatedFeatures(pkg.id, 'normal');
    return target.requiredFeatures.every(f => {
        if (own.has(f))
            return true;
        // `resolve_all_features` writes each dependency feature as `name/feature`: a weak `name?/feature` is none.
        const fv = featureValue(f);
        if (fv.kind !== 'dep-feature' || fv.weak)
            return false;
        return pkg.deps.some(edge => edge.kinds.some(k => {
            if (declarationOf(edge, k).nameInToml !== fv.depName)
                return false;
            const dep = state.metadata.packages.get(edge.pkg);
            const host = k.kind === 'build' || hasProcMacroLib(dep);
            return state.features.activatedFeatures(dep.id, host ? 'host' : 'normal').has(fv.depFeature);
        }));
    });
}

;// CONCATENATED MODULE: ./src/model/unit-graph.ts
/**
 * The unit graph cargo would build for an invocation, replayed from cargo 0.96.0 (the cargo of Rust 1.95,
 * rust-lang/cargo f2d3ce0bd7f24a49f8f72d9000448f8838c4e850). Cargo:
 *
 *  1. generates the root units (`UnitGenerator::generate_root_units`, src/cargo/ops/cargo_compile/unit_generator.rs):
 *     the targets the command selects in each selected package, each with a compile mode, skipping those
 *     whose required features are not enabled;
 *  2. computes each unit's dependencies once, recursively from the roots (`build_unit_dependencies`,
 *     `deps_of_roots`, `deps_of`, `compute_deps`, src/cargo/core/compiler/unit_dependencies.rs; here in
 *     `unit-dependencies.ts`): the libraries of the dependencies that apply to the unit, the package's build
 *     script, its own library, and for integration tests and benches its binaries;
 *  3. gives each unit, as it interns it, its profile (`Profiles::get_profile`, src/cargo/core/profiles.rs),
 *     from which rustc's arguments follow (`build_base_args`, src/cargo/core/compiler/mod.rs);
 *  4. decides LTO from each root down (`lto::generate`, src/cargo/core/compiler/lto.rs).
 *
 * Not replayed: documentation units (`compute_deps_doc`, `cargo doc`, doctests, scrape-examples) and
 * `check_or_build_mode`'s check mode; `-Zbuild-std` (`calc_deps_of_std`, `attach_std_deps`); artifact
 * dependencies (`calc_artifact_deps`, `artifact_targets_to_unit_deps`); `-Zdual-proc-macros`; a build
 * script's run as a unit of its own, hence `connect_run_custom_build_deps` and links overrides; the check
 * of duplicate `links` keys (`validate_links`, src/cargo/core/compiler/links.rs); several `--target`s,
 * `forced-target` and `default-target`; `cargo rustc --crate-type`; and the merging of host and target
 * units of a build without `--target` (`rebuild_unit_graph_shared`, src/cargo/ops/cargo_compile/mod.rs).
 */






/** The units a unit depends on: the libraries it links, then the units built before it. */
function dependenciesOf(unit) {
    return [...unit.crates.map(c => c.unit), ...unit.buildsAfter];
}
const parentsByUnit = new WeakMap();
/** The units along the shortest chain of linked crates from `from` to `to` (both included), or none. */
function linkChain(from, to) {
    // One breadth-first search per artifact, shared by all its inclusion paths.
    let previous = parentsByUnit.get(from);
    if (previous === undefined) {
        previous = new Map([[from, null]]);
        const queue = [from];
        for (let i = 0; i < queue.length; i++) {
            for (const dep of queue[i].crates) {
                if (previous.has(dep.unit))
                    continue;
                previous.set(dep.unit, queue[i]);
                queue.push(dep.unit);
            }
        }
        parentsByUnit.set(from, previous);
    }
    if (!previous.has(to))
        return [];
    const chain = [];
    for (let u = to; u !== null; u = previous.get(u) ?? null)
        chain.unshift(u);
    return chain;
}
/**
 * The units that must finish before cargo starts this one. Follows `JobQueue::enqueue`
 * (cargo/src/cargo/core/compiler/job_queue/mod.rs): "Binaries aren't actually needed to *compile*
 * tests, just to run them", so an integration test's edges to its package's bins are not waited on,
 * and a bin that fails does not stop the test from compiling and linking on its own.
 */
function jobDependenciesOf(unit) {
    return dependenciesOf(unit).filter(dep => dep.target.kind !== 'test' && dep.target.kind !== 'bin');
}
/**
 * Builds cargo's unit graph for an invocation: the root units for the selected packages and targets, and
 * everything they depend on, each with the settings cargo passes to rustc.
 */
function buildUnitGraph(metadata, context, invocation, selected, sourceUsesCrate = () => true, features = metadataFeatures(metadata), docExamplesOf = () => 'run') {
    const units = [];
    const libs = new Map();
    const warnings = [];
    const profile = invocation.command === 'test' ? context.testProfile : context.profile;
    const infoFor = (kind) => (kind === 'host' ? context.host : context.target);
    const rootSpecs = generateRootUnits({ metadata, features }, selected, invocation, warnings);
    // Cargo's primary packages are the packages of the root units (`BuildRunner::prepare_units`), not the
    // selected ones: with `--examples`, a selected package without examples is not primary.
    const primary = new Set(rootSpecs.map(s => s.pkg.id));
    const state = {
        metadata,
        units,
        infoFor,
        libOf: pkg => {
            if (!libs.has(pkg))
                libs.set(pkg, libTarget(pkg));
            return libs.get(pkg);
        },
        sourceUsesCrate,
        features,
        intern: unitInterner(units, infoFor, profile, primary, features, invocation.noRun ? () => 'none' : docExamplesOf)
    };
    const roots = depsOfRoots(state, rootSpecs);
    checkNamedTargets(invocation, selected);
    assignLto(roots, profile);
    return { units, roots, warnings };
}
/**
 * Follows `UnitInterner::intern` (src/cargo/core/compiler/unit.rs): one unit per package × target × mode ×
 * host/target × panic setting × features, created on first request with the settings of
 * `Profiles::get_profile` and `build_base_args`; a later request returns the same unit (and, as in
 * `deps_of`, the dependencies computed for the first).
 */
function unitInterner(units, infoFor, profile, primary, features, docExamplesOf) {
    const byKey = new Map();
    const targetIds = new Map();
    const featuresByPackage = new Map();
    return ({ pkg, target, mode, kind, unitFor }, root) => {
        // `UnitFor`'s `PanicSetting::AlwaysUnwind`.
        const panicForced = unitFor.host || unitFor.test || mode !== 'build' || target.kind === 'custom-build' || target.kind === 'proc-macro';
        // A unit's features are its package's on its side (`FeaturesFor::from_for_host`). The side follows
        // host/target except for build scripts, built for the host with either side's features: a package
        // whose sides differ gets one build script per side, as cargo builds it.
        let sides = featuresByPackage.get(pkg);
        if (sides === undefined)
            featuresByPackage.set(pkg, (sides = packageFeatures(features, pkg)));
        const featureSide = sides.differ && unitFor.hostFeatures ? 1 : 0;
        // Targets are unique objects per package: a small integer identifies package × target.
        let targetId = targetIds.get(target);
        if (targetId === undefined)
            targetIds.set(target, (targetId = targetIds.size));
        const key = targetId * 32 + featureSide * 16 + MODE_KEY[mode] * 4 + (kind === 'host' ? 2 : 0) + (panicForced ? 1 : 0);
        const existing = byKey.get(key);
        if (existing) {
            existing.root ||= root;
            return existing;
        }
        const info = infoFor(kind);
        // `TargetInfo::rustc_outputs` (src/cargo/core/compiler/build_context/target_info.rs) drops the crate
        // types the target does not support.
        const requested = mode === 'build' ? target.crateTypes : ['bin'];
        const crateTypes = requested.filter(t => info.supportedCrateTypes.has(t));
        const droppedCrateTypes = requested.filter(t => !info.supportedCrateTypes.has(t));
        // rustdoc compiles doc tests with RUSTDOCFLAGS, which are not read here, never with RUSTFLAGS.
        const rustflags = mode === 'doctest' ? [] : info.rustflags;
        let preferDynamic = null;
        if (target.kind === 'proc-macro')
            preferDynamic = 'proc-macro';
        else if (mode === 'build' && target.crateTypes.includes('dylib') && !primary.has(pkg.id))
            preferDynamic = 'non-primary-dylib';
        else if (flagEnabled(codegenOptions(rustflags, 'prefer-dynamic')))
            preferDynamic = 'rustflags';
        const { panic, panicSource } = panicOf(profile, panicForced, rustflags);
        const unit = {
            index: units.length,
            pkg,
            target,
            mode,
            kind,
            features: unitFor.hostFeatures ? sides.host : sides.normal,
            crateTypes,
            droppedCrateTypes,
            preferDynamic,
            panic,
            panicSource,
            lto: { kind: 'object-and-bitcode' },
            // `run_doc_tests` passes no `-C rpath`.
            rpath: mode !== 'doctest' && profile.rpath,
            crtStatic: target.kind === 'proc-macro' ? false : info.crtStaticExecutables,
            rustflags,
            targetInfo: info,
            crates: [],
            unlinkable: [],
            buildsAfter: [],
            docExamples: mode === 'doctest' ? docExamplesOf(target) : null,
            root,
            primary: primary.has(pkg.id)
        };
        units.push(unit);
        byKey.set(key, unit);
        return unit;
    };
}
/** The package's features on the normal and the host side, sorted. */
function packageFeatures(features, pkg) {
    const normal = Object.freeze([...features.activatedFeatures(pkg.id, 'normal').keys()].sort());
    const host = Object.freeze([...features.activatedFeatures(pkg.id, 'host').keys()].sort());
    const differ = normal.length !== host.length || normal.some((f, i) => f !== host[i]);
    return { normal, host: differ ? host : normal, differ };
}
const MODE_KEY = { build: 0, test: 1, doctest: 2 };
/** The library target (`lib` or `proc-macro`) of a package, if any. */
function libTarget(pkg) {
    return pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro');
}
/** `Profiles::get_profile`'s panic strategy, then rustflags' `-C panic`. */
function panicOf(profile, forcedUnwind, rustflags) {
    // Cargo's own `-C panic` comes first on the command line; rustflags come last and so win.
    const fromFlags = codegenOptions(rustflags, 'panic');
    const last = fromFlags[fromFlags.length - 1];
    if (last === 'abort' || last === 'unwind')
        return { panic: last, panicSource: 'rustflags' };
    if (forcedUnwind)
        return { panic: 'unwind', panicSource: 'forced-unwind' };
    return { panic: profile.panic, panicSource: profile.sources.panic ? 'profile' : 'default' };
}
/**
 * Follows `UnitGenerator::generate_root_units`: the root units of the selected packages, package after
 * package, each target for the host if it is a proc-macro, else for the target (`UnitGenerator::new_units`,
 * `CompileKind::for_target`).
 */
function generateRootUnits(state, selected, invocation, warnings) {
    const roots = [];
    for (const pkg of selected) {
        for (const { target, mode } of createProposals(state, pkg, invocation, warnings)) {
            // `CompileKind::for_target`: a proc-macro is built for the host in every mode, its test harness too;
            // `deps_of_roots` gives it and what it depends on the host side's features (`UnitFor::new_host(true)`,
            // `new_host_test`), as `generate_root_units` does for its own (`FeaturesFor::from_for_host`).
            const procMacro = target.kind === 'proc-macro';
            roots.push({ pkg, target, mode, kind: procMacro ? 'host' : 'target', unitFor: { host: procMacro, hostFeatures: procMacro, test: false } });
        }
    }
    if (invocation.doc && roots.length === 0) {
        const names = selected.map(p => p.name);
        throw new errors_UserError(names.length === 1 ? `no library targets found in package \`${names[0]}\`` : `no library targets found in packages: ${names.join(', ')}`);
    }
    return roots;
}
/**
 * Follows `UnitGenerator::create_proposals` and `proposals_to_units` for one selected package: the targets
 * the command selects, with the compile mode cargo uses for each; a target whose required features are not
 * enabled is skipped with a warning.
 */
function createProposals(state, pkg, inv, warnings) {
    const t = inv.targets;
    const out = [];
    const add = (target, mode) => {
        if (!featuresSatisfied(state, target, pkg)) {
            warnings.push(`target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${target.requiredFeatures.map(f => `\`${f}\``).join(', ')}`);
            return;
        }
        if (!out.some(s => s.target === target && s.mode === mode))
            out.push({ target, mode });
    };
    const lib = libTarget(pkg);
    const of = (kind) => pkg.targets.filter(x => x.kind === kind);
    if (inv.doc) {
        // `cargo test --doc` is `CompileFilter::lib_only` with the doctest intent.
        if (lib && isDoctestable(lib))
            add(lib, 'doctest');
        else if (lib)
            warnings.push(`doc tests are not supported for crate type(s) \`${lib.crateTypes.join(', ')}\` in package \`${pkg.name}\``);
        return out;
    }
    const testMode = inv.command === 'test' ? 'test' : 'build';
    if (!selectsTargets(inv)) {
        // `UnitGenerator::filter_default_targets`.
        if (inv.command === 'build') {
            if (lib)
                add(lib, 'build');
            for (const b of of('bin'))
                add(b, 'build');
        }
        else {
            if (lib && lib.test)
                add(lib, 'test');
            for (const b of of('bin'))
                if (b.test)
                    add(b, 'test');
            for (const e of of('example'))
                add(e, e.test ? 'test' : 'build');
            for (const x of of('test'))
                if (x.test)
                    add(x, 'test');
            for (const x of of('bench'))
                if (x.test)
                    add(x, 'test');
            // Cargo proposes the doc tests too, even with `--no-run`: their dependencies are built, while rustdoc
            // compiles the examples only when the tests run (`run_doc_tests`).
            if (lib && lib.doctest && isDoctestable(lib))
                out.push({ target: lib, mode: 'doctest' });
        }
        return out;
    }
    const all = t.allTargets;
    if ((t.lib || all) && lib)
        add(lib, testMode);
    if (t.bins || all)
        for (const b of of('bin'))
            add(b, testMode);
    for (const name of t.bin)
        for (const b of of('bin').filter(b => b.name === name))
            add(b, testMode);
    if (t.examples || all)
        for (const e of of('example'))
            add(e, testMode);
    for (const name of t.example)
        for (const e of of('example').filter(e => e.name === name))
            add(e, testMode);
    if (t.tests || all) {
        // `--tests`: every target with `test = true`, compiled as a test harness.
        if (lib && lib.test)
            add(lib, 'test');
        for (const x of pkg.targets)
            if (x.test && x.kind !== 'lib' && x.kind !== 'proc-macro' && x.kind !== 'custom-build')
                add(x, 'test');
    }
    for (const name of t.test)
        for (const x of of('test').filter(x => x.name === name))
            add(x, 'test');
    if (t.benches || all) {
        if (lib)
            add(lib, 'test');
        for (const b of of('bin'))
            add(b, 'test');
        for (const x of of('bench'))
            add(x, 'test');
    }
    for (const name of t.bench)
        for (const x of of('bench').filter(x => x.name === name))
            add(x, 'test');
    return out;
}
/** `Target::doctestable`: rustdoc can test a `lib`, `rlib` or `proc-macro` library, not a dylib-only one. */
function isDoctestable(lib) {
    return lib.crateTypes.some(t => t === 'lib' || t === 'rlib' || t === 'proc-macro');
}
/** The error of `UnitGenerator::find_named_targets` when a target named on the command line does not exist. */
function checkNamedTargets(inv, selected) {
    const check = (names, kind, flag) => {
        for (const name of names) {
            if (!selected.some(p => p.targets.some(t => t.kind === kind && t.name === name))) {
                throw new errors_UserError(`no ${kind} target named \`${name}\` in the selected packages (\`${flag} ${name}\`)`);
            }
        }
    };
    check(inv.targets.bin, 'bin', '--bin');
    check(inv.targets.example, 'example', '--example');
    check(inv.targets.test, 'test', '--test');
    check(inv.targets.bench, 'bench', '--bench');
}
/** Follows `lto::generate` and `calculate` (src/cargo/core/compiler/lto.rs): LTO from each root unit down. */
function assignLto(roots, profile) {
    const assigned = new Map();
    const forHost = (u) => u.target.kind === 'proc-macro' || u.target.kind === 'custom-build';
    const requestedTypes = (u) => (u.mode === 'build' ? u.target.crateTypes : ['bin']);
    const needsObject = (types) => types.some(t => canLto(t) || isDynamic(t));
    const whenNeedsObject = (types) => types.every(t => t === 'dylib') ? { kind: 'only-object' } : { kind: 'object-and-bitcode' };
    const fromProfile = () => {
        switch (profile.lto) {
            case 'false':
                return { kind: 'only-object' };
            case 'off':
                return { kind: 'off' };
            case 'true':
                return { kind: 'run', value: null };
            default:
                return { kind: 'run', value: profile.lto };
        }
    };
    const merge = (a, b) => {
        if (a.kind === 'run')
            return a;
        if (b.kind === 'run')
            return b;
        if (a.kind === 'off' || b.kind === 'off')
            return { kind: 'off' };
        if (a.kind === b.kind)
            return a;
        return { kind: 'object-and-bitcode' };
    };
    // Cargo's recursion, with an explicit stack (a dependency chain can be deeper than the call stack): a
    // unit whose decision changes passes the new one on to its dependencies, in the same depth-first order.
    const stack = [];
    const calculate = (unit, parent) => {
        const types = requestedTypes(unit);
        let lto;
        if (forHost(unit))
            lto = { kind: 'only-object' };
        else if (types.every(canLto))
            lto = fromProfile();
        else if (parent.kind === 'run')
            lto = needsObject(types) ? whenNeedsObject(types) : { kind: 'only-bitcode' };
        else if (parent.kind === 'only-bitcode' && needsObject(types))
            lto = whenNeedsObject(types);
        else if (parent.kind === 'off')
            lto = { kind: 'off' };
        else
            lto = parent;
        const previous = assigned.get(unit);
        const merged = previous ? merge(previous, lto) : lto;
        if (previous && previous.kind === merged.kind)
            return;
        assigned.set(unit, merged);
        unit.lto = merged;
        stack.push({ deps: dependenciesOf(unit), lto: merged, next: 0 });
    };
    for (const root of roots) {
        const types = requestedTypes(root);
        let rootLto;
        if (profile.lto === 'false')
            rootLto = { kind: 'only-object' };
        else if (profile.lto === 'off')
            rootLto = { kind: 'off' };
        else if (forHost(root))
            rootLto = { kind: 'only-object' };
        else if (needsObject(types))
            rootLto = whenNeedsObject(types);
        else
            rootLto = { kind: 'only-bitcode' };
        calculate(root, rootLto);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const dep = frame.deps[frame.next++];
            if (dep === undefined)
                stack.pop();
            else
                calculate(dep, frame.lto);
        }
    }
}

;// CONCATENATED MODULE: ./src/linkage/dependency-format.ts
/** `tcx.crate_name(cnum)`. */
function crateName(tcx, key) {
    tcx.byKey ??= new Map(tcx.crates.map(c => [c.key, c]));
    return tcx.byKey.get(key)?.name ?? key;
}
/**
 * rustc: `calculate`, for one output crate type — `calculate_type`, then `verify_ok` on its list.
 * `crates` must be in rustc's load order (the standard library first); `injectedPanicRuntime` is the
 * key of the panic runtime rustc injects (`panic_unwind` or `panic_abort`), if any.
 */
function calculate(crateType, session, crates, injectedPanicRuntime) {
    const tcx = { session, crates, injectedPanicRuntime, errors: [], byKey: null };
    const { linkage, via } = calculateType(tcx, crateType);
    verifyOk(tcx, linkage);
    return { linkage, via, errors: tcx.errors };
}
/** rustc: `calculate_type`. */
function calculateType(tcx, ty) {
    const sess = tcx.session;
    const nothing = () => ({ linkage: new Map(), via: new Map() });
    let preferredLinkage;
    switch (ty) {
        // Without `-C prefer-dynamic`, a dylib or cdylib links everything statically it can.
        case 'dylib':
        case 'cdylib':
            preferredLinkage = sess.preferDynamic ? 'dynamic' : 'static';
            break;
        case 'staticlib':
            preferredLinkage = sess.staticlibPreferDynamic ? 'dynamic' : 'static';
            break;
        // An executable prefers static linkage unless `-C prefer-dynamic`, and always when crt-static.
        case 'bin':
            preferredLinkage = !sess.preferDynamic || sess.crtStatic ? 'static' : 'dynamic';
            break;
        // rustc ignores `-C prefer-dynamic` for proc-macros.
        case 'proc-macro':
            preferredLinkage = 'static';
            break;
        // An rlib does not link.
        case 'rlib':
            preferredLinkage = 'not-linked';
            break;
    }
    switch (preferredLinkage) {
        case 'not-linked':
            return nothing();
        case 'static': {
            const linkage = attemptStatic(tcx);
            if (linkage !== null)
                return { linkage, via: new Map() };
            // Staticlibs and static executables must have all static dependencies.
            if ((ty === 'staticlib' && !sess.staticlibAllowRdylibDeps) || (ty === 'bin' && sess.crtStatic && !sess.crtStaticAllowsDylibs)) {
                for (const c of tcx.crates) {
                    if (c.depKind === 'macros-only' || c.rlib)
                        continue;
                    tcx.errors.push({ kind: 'rlib-required', crate: c.name });
                }
                return nothing();
            }
            break;
        }
    }
    // Every dylib, and what it recorded for its own dependencies.
    const formats = new Map();
    for (const c of tcx.crates) {
        if (c.depKind === 'macros-only' || !c.dylib)
            continue;
        addLibrary(tcx, c.key, { preference: 'dynamic', via: null }, formats);
        for (const [dep, style] of c.dylibFormats ?? [])
            addLibrary(tcx, dep, { preference: style, via: c.key }, formats);
    }
    // Collect what we've got so far.
    const ret = new Map();
    const via = new Map();
    for (const c of tcx.crates) {
        const f = formats.get(c.key);
        ret.set(c.key, f === undefined ? 'not-linked' : f.preference === 'dynamic' ? 'dynamic' : 'included-from-dylib');
        if (f?.via)
            via.set(c.key, f.via);
    }
    // Add any missing explicit dependencies as static libraries.
    for (const c of tcx.crates) {
        if (!c.dylib && !formats.has(c.key) && c.depKind === 'explicit') {
            addLibrary(tcx, c.key, { preference: 'static', via: null }, formats);
            ret.set(c.key, 'static');
        }
    }
    activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates);
    // Everything must be available in the format chosen for it.
    for (const c of tcx.crates) {
        const kind = ret.get(c.key);
        if (kind === 'static' && !c.rlib)
            tcx.errors.push({ kind: 'lib-required', crate: c.name, format: 'rlib' });
        if (kind === 'dynamic' && !c.dylib)
            tcx.errors.push({ kind: 'lib-required', crate: c.name, format: 'dylib' });
    }
    return { linkage: ret, via };
}
/** rustc: `add_library`. */
function addLibrary(tcx, cnum, link, m) {
    const link2 = m.get(cnum);
    if (link2 === undefined) {
        m.set(cnum, link);
        return;
    }
    // Different linkages, or static twice: two copies of the library.
    if (link2.preference !== link.preference || link.preference === 'static') {
        tcx.errors.push({ kind: 'crate-dep-multiple', crate: crateName(tcx, cnum), existing: link2, incoming: link });
    }
}
/** rustc: `attempt_static`. */
function attemptStatic(tcx) {
    const allCratesAvailableAsRlib = tcx.crates.every(c => c.depKind === 'macros-only' || c.rlib);
    if (!allCratesAvailableAsRlib)
        return null;
    const ret = new Map();
    for (const c of tcx.crates)
        ret.set(c.key, c.depKind === 'explicit' ? 'static' : 'not-linked');
    activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates);
    return ret;
}
/**
 * rustc: `activate_injected_dep`, whose `replaces_injected` is `is_panic_runtime`. The list is walked
 * through `crates`, which holds the same keys in the same order.
 */
function activateInjectedDep(injected, list, crates) {
    for (const c of crates) {
        if (!c.isPanicRuntime)
            continue;
        if (list.get(c.key) !== 'not-linked')
            return;
    }
    if (injected !== null)
        list.set(injected, 'static');
}
/** rustc: `verify_ok`. One panic runtime, and every linked crate compatible with the session's strategy. */
function verifyOk(tcx, list) {
    if (list.size === 0)
        return;
    const linked = (c) => (list.get(c.key) ?? 'not-linked') !== 'not-linked';
    // The last panic runtime linked is the one checked below, as in rustc.
    let panicRuntime = null;
    for (const c of tcx.crates) {
        if (!linked(c) || !c.isPanicRuntime)
            continue;
        if (panicRuntime !== null)
            tcx.errors.push({ kind: 'two-panic-runtimes', first: panicRuntime.name, second: c.name });
        panicRuntime = c;
    }
    if (panicRuntime === null)
        return;
    const desiredStrategy = tcx.session.panic;
    if (panicRuntime.requiredPanic !== desiredStrategy) {
        tcx.errors.push({ kind: 'bad-panic-strategy', runtime: panicRuntime.name, strategy: desiredStrategy });
    }
    for (const c of tcx.crates) {
        if (!linked(c))
            continue;
        if (c === panicRuntime || c.name === 'compiler_builtins')
            continue;
        if (c.requiredPanic !== null && c.requiredPanic !== desiredStrategy) {
            tcx.errors.push({ kind: 'required-panic-strategy', crate: c.name, found: c.requiredPanic, desired: desiredStrategy });
        }
    }
}
/** rustc: `encode_dylib_dependency_formats` — what a Rust dylib records about its own linkage for later consumers. */
function recordedFormats(result) {
    const out = new Map();
    for (const [key, l] of result.linkage) {
        if (l === 'static')
            out.set(key, 'static');
        else if (l === 'dynamic')
            out.set(key, 'dynamic');
    }
    return out;
}

;// CONCATENATED MODULE: ./src/linkage/static-pie.ts
/**
 * Executables that crash before `main`: a static-pie executable with a run path.
 *
 * With `+crt-static`, rustc links an executable for `x86_64-unknown-linux-gnu` as static-pie
 * (`static_position_independent_executables` in the target spec) unless the relocation model is not PIC,
 * and `-C rpath` (cargo's `rpath = true`) gives it a `RUNPATH` (holding the toolchain's target libdir even
 * when no Rust dylib is linked). glibc's static-pie start-up requires that an executable have no
 * `RPATH`/`RUNPATH` (elf/get-dynamic-info.h, `assert (info[DT_RUNPATH] == NULL)` under
 * `STATIC_PIE_BOOTSTRAP`), so it dies with SIGSEGV before anything runs: a bin under `cargo run` and
 * started directly, a test harness under `cargo test`, and a build script when cargo runs it, which fails
 * the build. Verified with cargo 1.95 on glibc 2.36; other gnu targets are static-pie only on newer
 * compilers and are not reported.
 */

function staticPieWithRunPath(unit) {
    if (!unit.crtStatic || !unit.rpath)
        return null;
    const what = unit.target.kind === 'custom-build' ? 'build-script' : unit.mode === 'test' ? 'test-harness' : unit.mode === 'build' && unit.crateTypes.includes('bin') ? 'program' : null;
    if (what === null)
        return null;
    const cfg = unit.targetInfo.cfg.values;
    const gnuX86 = cfg.get('target_os')?.has('linux') && cfg.get('target_env')?.has('gnu') && cfg.get('target_arch')?.has('x86_64') && cfg.get('target_pointer_width')?.has('64');
    if (!gnuX86)
        return null;
    const model = codegenOptions(unit.rustflags, 'relocation-model').at(-1) ?? 'default';
    return model === 'default' || model === 'pic' || model === 'pie' ? what : null;
}

;// CONCATENATED MODULE: ./src/linkage/resolve.ts







const SYSROOT_INTERNALS = ['core', 'alloc', 'compiler_builtins'];
/** Computes the linkage of every unit of the graph, dependencies first, as the given compiler decides it. */
function resolveLinkage(graph, compiler) {
    const byUnit = new Map();
    const crateNames = new Map();
    for (const name of ['std', ...SYSROOT_INTERNALS, 'panic_unwind', 'panic_abort', 'test', 'proc_macro']) {
        crateNames.set(sysKey(name), { name, unit: null });
    }
    // Cargo refuses a unit whose every crate type the target drops while preparing the build, before it
    // compiles anything: that unit fails, whatever its dependencies, and every other one is never attempted.
    const unbuildable = graph.units.filter(u => u.crateTypes.length === 0);
    for (const unit of topologicalOrder(graph)) {
        crateNames.set(unitKey(unit), { name: resolve_crateName(unit), unit });
        if (unbuildable.length === 0)
            byUnit.set(unit, resolveUnit(unit, byUnit, graph.units, compiler));
        else if (unbuildable.includes(unit))
            byUnit.set(unit, refusedResult(unit));
        else
            byUnit.set(unit, { ...emptyResult(unit, []), status: 'blocked', blockedBy: unbuildable });
    }
    const results = graph.units.map(u => byUnit.get(u));
    return { results, byUnit, crateNames };
}
function unitKey(unit) {
    return `u${unit.index}`;
}
function unitOfKey(key, units) {
    return key.startsWith('u') ? units[Number(key.slice(1))] : undefined;
}
function sysKey(name) {
    return `sys:${name}`;
}
/** The crate name rustc uses for a unit (`-` becomes `_`). */
function resolve_crateName(unit) {
    return unit.target.name.replace(/-/g, '_');
}
/**
 * The units, each after everything it depends on (depth first, without recursion: a dependency chain can
 * be deeper than the call stack). The metadata parser refuses the package cycles a unit cycle needs.
 */
function topologicalOrder(graph) {
    const order = [];
    const state = new Map();
    const stack = [];
    const enter = (unit) => {
        const s = state.get(unit);
        if (s === 'done')
            return;
        if (s === 'visiting')
            throw new Error(`dependency cycle through \`${unit.pkg.name}\` (${unit.target.kind} \`${unit.target.name}\`)`);
        state.set(unit, 'visiting');
        stack.push({ unit, deps: dependenciesOf(unit), next: 0 });
    };
    for (const root of graph.units) {
        enter(root);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const dep = frame.deps[frame.next++];
            if (dep !== undefined) {
                enter(dep);
                continue;
            }
            stack.pop();
            state.set(frame.unit, 'done');
            order.push(frame.unit);
        }
    }
    return order;
}
function resolveUnit(unit, done, units, compiler) {
    // A build script that crashes when cargo runs it stops its package as a failed compile would.
    const blockedBy = jobDependenciesOf(unit).filter(d => done.get(d).status !== 'ok' || staticPieWithRunPath(d) === 'build-script');
    // rustdoc compiles nothing for a library without doc examples.
    if (unit.docExamples === 'none' && blockedBy.length === 0)
        return emptyResult(unit, []);
    // Only linking units need their whole crate graph and a panic runtime; an rlib never links.
    const links = unit.crateTypes.some(requiresUpstreamObjects);
    const crates = links && blockedBy.length === 0 ? crateGraph(unit, done, compiler) : [];
    const base = emptyResult(unit, crates);
    if (blockedBy.length > 0) {
        return { ...base, status: 'blocked', blockedBy: [...new Set(blockedBy)] };
    }
    // Phases in rustc's order: option parsing, name resolution and crate loading,
    // dependency formats and panic runtimes, then the LTO gate. Only the first failing phase reports.
    const phases = [
        () => (windowsLinkerPluginLto(unit) ? [{ kind: 'lto', crateType: null, gate: 'linker-plugin-windows' }] : []),
        () => (ltoRequested(unit) && embedBitcodeOff(unit) ? [{ kind: 'embed-bitcode-lto' }] : []),
        () => (panicAbortTestRefused(unit) ? [{ kind: 'panic-abort-test' }] : []),
        () => [
            ...unit.unlinkable.map(dep => ({ kind: 'unlinkable-dependency', dep })),
            ...(compiler.loadsProcMacrosWithDynamicStd ? [] : unloadableProcMacros(unit, done))
        ]
    ];
    for (const phase of phases) {
        const problems = phase();
        if (problems.length > 0)
            return { ...base, status: 'error', problems, droppedCrateTypes: unit.droppedCrateTypes };
    }
    const session = {
        preferDynamic: unit.preferDynamic !== null,
        crtStatic: unit.crtStatic,
        crtStaticAllowsDylibs: unit.targetInfo.crtStaticAllowsDylibs ?? false,
        panic: unit.panic,
        staticlibPreferDynamic: flagEnabled(unstableOptions(unit.rustflags, 'staticlib-prefer-dynamic')),
        staticlibAllowRdylibDeps: flagEnabled(unstableOptions(unit.rustflags, 'staticlib-allow-rdylib-deps'))
    };
    const injected = links ? sysKey(unit.panic === 'abort' ? 'panic_abort' : 'panic_unwind') : null;
    const artifacts = [];
    const problems = [];
    let dylibFormats = null;
    for (const crateType of unit.crateTypes) {
        if (crateType === 'lib' || crateType === 'rlib') {
            artifacts.push({ crateType, formats: null });
            continue;
        }
        const formats = calculate(crateType, session, crates, injected);
        artifacts.push({ crateType, formats });
        for (const error of formats.errors)
            problems.push({ kind: 'dependency-format', crateType, error });
        if (crateType === 'dylib')
            dylibFormats = recordedFormats(formats);
    }
    if (problems.length === 0)
        problems.push(...ltoGate(unit));
    return {
        ...base,
        status: problems.length > 0 ? 'error' : 'ok',
        problems,
        droppedCrateTypes: unit.droppedCrateTypes,
        artifacts,
        runtimeLibraries: runtimeLibraries(unit, artifacts, done, units),
        dylibFormats
    };
}
/**
 * rustc's test harness (`rustc_builtin_macros/src/test_harness.rs`, `inject`) refuses `-C panic=abort` without
 * `-Zpanic-abort-tests`, unless abort is the target's own default (wasm). Cargo builds harnesses with unwind,
 * so only rustflags can ask for it.
 */
function panicAbortTestRefused(unit) {
    if (unit.mode !== 'test' || unit.panic !== 'abort')
        return false;
    if (flagEnabled(unstableOptions(unit.rustflags, 'panic-abort-tests')))
        return false;
    return !cfgHas(unit.targetInfo.cfg, 'target_family', 'wasm');
}
/** A unit cargo refuses to build: the target supports none of its crate types (cargo's `cannot produce …`). */
function refusedResult(unit) {
    const problem = { kind: 'unsupported-crate-types', dropped: unit.droppedCrateTypes, allDropped: true };
    return { ...emptyResult(unit, []), status: 'error', problems: [problem], droppedCrateTypes: unit.droppedCrateTypes };
}
function emptyResult(unit, crates) {
    return {
        unit,
        status: 'ok',
        blockedBy: [],
        problems: [],
        droppedCrateTypes: [],
        artifacts: [],
        crates,
        runtimeLibraries: [],
        dylibFormats: null
    };
}
/**
 * The node of a library unit is the same in every crate graph it appears in (its dylib formats are
 * final once it is resolved, and graphs are built dependencies first), and so are the standard
 * library nodes of a target: built once, shared. CrateNodes are never mutated.
 */
const unitNodes = new WeakMap();
const stdNodes = new WeakMap();
/** The crates rustc loads for a unit, standard library first, then upstream crates depth-first. */
function crateGraph(unit, done, compiler) {
    const info = unit.targetInfo;
    const shape = `${unit.mode === 'test' ? 'test' : 'build'}${unit.crateTypes.includes('proc-macro') ? '+proc-macro' : ''}`;
    let perTarget = stdNodes.get(info);
    if (!perTarget)
        stdNodes.set(info, (perTarget = new Map()));
    let std = perTarget.get(shape);
    if (!std)
        perTarget.set(shape, (std = stdCrates(unit)));
    const graph = [...std];
    const seen = new Set();
    // Depth first in dependency order, without recursion: the next crate to load is on top. The unit's own
    // dependencies are loaded through `--extern`; theirs through the library search path.
    const stack = unit.crates.map(d => ({ unit: d.unit, transitive: false })).reverse();
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        const dep = next.unit;
        if (seen.has(dep))
            continue;
        seen.add(dep);
        const macrosOnly = dep.target.kind === 'proc-macro';
        let node = unitNodes.get(dep);
        if (!node) {
            node = {
                key: unitKey(dep),
                name: resolve_crateName(dep),
                rlib: providesRlib(dep.crateTypes),
                dylib: providesDylib(dep.crateTypes),
                depKind: macrosOnly ? 'macros-only' : 'explicit',
                isPanicRuntime: false,
                requiredPanic: dep.panic === 'abort' ? 'abort' : null,
                dylibFormats: done.get(dep)?.dylibFormats ?? null
            };
            unitNodes.set(dep, node);
        }
        graph.push(next.transitive && readsCdylibAsDylib(dep, compiler) ? cdylibAsDylibNode(dep, node) : node);
        // A proc-macro's own dependencies are never loaded into its user's crate graph.
        if (!macrosOnly)
            for (let i = dep.crates.length - 1; i >= 0; i--)
                stack.push({ unit: dep.crates[i].unit, transitive: true });
    }
    return graph;
}
/**
 * Before 1.73 rustc's locator (`CrateLocator::extract_one`) read the metadata of one file of a crate found on
 * the library search path and took the other candidate file unread: the `cdylib` cargo writes beside the
 * rlib (`libl2.so`, `l2.dll`) became the crate's "dylib". A crate first loaded that way — as a dependency of
 * another crate, not through the unit's own `--extern` — is then linked dynamically wherever rustc links
 * dylibs (rust-lang/rust#113695 reads every candidate since).
 */
function readsCdylibAsDylib(dep, compiler) {
    return compiler.readsCdylibAsDylib && dep.crateTypes.includes('cdylib') && providesRlib(dep.crateTypes) && !providesDylib(dep.crateTypes);
}
const cdylibNodes = new WeakMap();
/** The crate as rustc before 1.73 saw it: an rlib and a "dylib" without metadata, so without dylib formats. */
function cdylibAsDylibNode(dep, node) {
    let fake = cdylibNodes.get(dep);
    if (!fake)
        cdylibNodes.set(dep, (fake = { ...node, dylib: true, dylibFormats: new Map() }));
    return fake;
}
/** The standard library crates rustc loads for a unit, in load order. */
function stdCrates(unit) {
    const info = unit.targetInfo;
    const std = [];
    const sys = (name, extra = {}) => ({
        key: sysKey(name),
        name,
        rlib: true,
        dylib: false,
        depKind: 'explicit',
        isPanicRuntime: false,
        requiredPanic: null,
        dylibFormats: null,
        ...extra
    });
    const internals = [...SYSROOT_INTERNALS.map(n => sys(n)), sys('panic_unwind', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'unwind' })];
    let stdFormats = null;
    if (info.stdDylib !== null) {
        stdFormats = new Map(internals.map(c => [c.key, 'static']));
    }
    std.push(sys('std', { dylib: info.stdDylib !== null, dylibFormats: stdFormats }), ...internals);
    std.push(sys('panic_abort', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'abort' }));
    if (unit.mode === 'test')
        std.push(sys('test'));
    if (unit.crateTypes.includes('proc-macro'))
        std.push(sys('proc_macro'));
    return std;
}
/**
 * A proc-macro that links a Rust dylib dynamically builds, but rustc cannot load it for its users (E0463): the
 * proc-macro then links `libstd-<hash>.so` too, which is not on rustc's library path (see
 * `CompilerBehaviour.loadsProcMacrosWithDynamicStd`; cargo's path covers the workspace dylib itself) — unless
 * `rpath` gave the proc-macro a run path.
 */
function unloadableProcMacros(unit, done) {
    const problems = [];
    for (const dep of unit.crates) {
        if (dep.unit.target.kind !== 'proc-macro' || dep.unit.rpath)
            continue;
        const result = done.get(dep.unit);
        const std = dep.unit.targetInfo.stdDylib;
        const libraries = result.runtimeLibraries.filter(l => l !== std);
        if (libraries.length > 0)
            problems.push({ kind: 'proc-macro-unloadable', procMacro: dep.unit, libraries });
    }
    return problems;
}
function runtimeLibraries(unit, artifacts, done, units) {
    const out = new Set();
    for (const a of artifacts) {
        for (const [key, how] of a.formats?.linkage ?? new Map()) {
            if (how !== 'dynamic')
                continue;
            if (key === sysKey('std')) {
                if (unit.targetInfo.stdDylib)
                    out.add(unit.targetInfo.stdDylib);
                continue;
            }
            const dep = unitOfKey(key, units);
            if (!dep)
                continue;
            out.add(dylibFileName(dep));
            for (const lib of done.get(dep)?.runtimeLibraries ?? [])
                out.add(lib);
        }
    }
    return [...out].sort();
}
/** The file name of a Rust dylib: no hash for path packages, `-<hash>` (unknown before building) otherwise. */
function dylibFileName(unit) {
    const pattern = unit.targetInfo.fileNames.dylib ?? 'lib___.so';
    const name = resolve_crateName(unit) + (unit.pkg.source === null ? '' : '-<hash>');
    return pattern.replace('___', name);
}
/** The rustc arguments cargo passes for its LTO decision; rustflags follow them and win. */
function cargoLtoArgs(lto) {
    switch (lto.kind) {
        case 'run':
            return ['-C', lto.value === null ? 'lto' : `lto=${lto.value}`];
        case 'off':
            return ['-C', 'lto=off'];
        case 'only-bitcode':
            return ['-C', 'linker-plugin-lto'];
        case 'only-object':
            return ['-C', 'embed-bitcode=no'];
        case 'object-and-bitcode':
            return [];
    }
}
const OFF = new Set(['no', 'n', 'off', 'false']);
/** The effective `-C lto` value: `fat`, `thin`, or null when LTO across crates is not requested. */
/** The value rustc uses of a codegen option cargo's LTO decision may set: the last, rustflags after cargo's. */
function ltoCodegenOption(unit, name) {
    const values = codegenOptions([...cargoLtoArgs(unit.lto), ...unit.rustflags], name);
    return values[values.length - 1];
}
function effectiveLto(unit) {
    const last = ltoCodegenOption(unit, 'lto');
    if (last === undefined || OFF.has(last))
        return null;
    return last === 'thin' ? 'thin' : 'fat';
}
function ltoRequested(unit) {
    return effectiveLto(unit) !== null;
}
function embedBitcodeOff(unit) {
    const last = ltoCodegenOption(unit, 'embed-bitcode');
    return last !== undefined && OFF.has(last);
}
/**
 * rustc's `validate_commandline_args_with_session_available` (rustc_session/src/session.rs, the same from 1.63 to
 * 1.95): linker-plugin LTO with `-C prefer-dynamic` on a Windows-like target stops the session, whatever the
 * crate type ("linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting
 * Windows-like targets"). Cargo passes `-C linker-plugin-lto` to the libraries that only feed an LTO'd
 * artifact (`lto.rs`, `Lto::OnlyBitcode`), so `RUSTFLAGS=-C prefer-dynamic` with `lto = true` stops them first.
 */
function windowsLinkerPluginLto(unit) {
    if (unit.preferDynamic === null || !isLikeWindows(unit.targetInfo))
        return false;
    const last = ltoCodegenOption(unit, 'linker-plugin-lto');
    return last !== undefined && !OFF.has(last.toLowerCase());
}
/** rustc's `check_lto_allowed`: which crate types and flags cannot take part in fat or thin LTO. */
function ltoGate(unit) {
    if (effectiveLto(unit) === null)
        return [];
    const types = unit.crateTypes;
    if (types.every(t => t === 'lib' || t === 'rlib'))
        return [];
    for (const t of types) {
        if (t === 'lib' || t === 'rlib')
            return [{ kind: 'lto', crateType: 'rlib', gate: 'mixed' }];
        if (t === 'dylib')
            return [{ kind: 'lto', crateType: 'dylib', gate: 'dylib' }];
        if (t === 'proc-macro')
            return [{ kind: 'lto', crateType: 'proc-macro', gate: 'proc-macro' }];
    }
    if (unit.preferDynamic !== null)
        return [{ kind: 'lto', crateType: null, gate: 'prefer-dynamic' }];
    return [];
}

;// CONCATENATED MODULE: ./src/fixes/candidates.ts




function candidatesFor(input) {
    const { finding, result } = input;
    if (result === null)
        return [];
    switch (finding.rule) {
        case 'duplicate-linkage':
            return duplicateCandidates(input, result);
        case 'rlib-required':
            return addRlib(input, finding.crates.map(c => unitNamed(result, input.linkage, c)));
        case 'no-linkable-lib':
            return addRlib(input, result.problems.flatMap(p => (p.kind === 'unlinkable-dependency' ? [p.dep] : [])));
        case 'proc-macro-dylib':
            return addRlib(input, result.problems.flatMap(p => (p.kind === 'proc-macro-unloadable' ? dylibsOf(p.procMacro, input.linkage) : [])));
        case 'unsupported-crate-type':
            return result.unit.target.kind === 'lib' ? addRlib(input, [result.unit]) : [];
        case 'panic-strategy':
            return panicCandidates(result.unit);
        case 'lto-conflict':
            return ltoCandidates(result);
        case 'static-pie-rpath':
            return [profileCandidate(result.unit, { setting: 'rpath', value: false }, 'Set `rpath = false` in the profile: a statically linked executable loads no Rust shared library.')];
        default:
            return [];
    }
}
function duplicateCandidates(input, result) {
    const { finding, linkage, model } = input;
    const unit = result.unit;
    const errors = result.problems.flatMap(p => p.kind === 'dependency-format' && p.crateType === finding.crateType && p.error.kind === 'crate-dep-multiple' ? [p.error] : []);
    // The dylibs that contain a duplicated crate statically: with an rlib as well, Rust dependents link them
    // statically and nothing is included twice.
    const containing = new Set();
    for (const e of errors) {
        for (const origin of [e.existing, e.incoming]) {
            const via = origin.via === null ? null : (linkage.crateNames.get(origin.via)?.unit ?? null);
            if (via !== null && origin.preference === 'static')
                containing.add(via);
        }
    }
    const out = addRlib(input, [...containing]);
    const selected = model.invocation.packages;
    if (unit.kind === 'target' && !(selected.length === 1 && selected[0] === unit.pkg.name)) {
        out.push({
            title: `Build only the package you ship: \`cargo ${model.invocation.command} -p ${unit.pkg.name}\` (its dylib dependencies are then built with \`-C prefer-dynamic\`).`,
            kind: 'command',
            changes: [{ kind: 'select', packages: [unit.pkg.name] }]
        });
    }
    const excluded = [...containing].filter(u => u.pkg.source === null && u !== unit).map(u => u.pkg.name);
    if (excluded.length > 0 && selected.length === 0) {
        out.push({
            title: `Leave ${listCrates(excluded)} out of the workspace build: \`--workspace ${excluded.map(n => `--exclude ${n}`).join(' ')}\`.`,
            kind: 'command',
            changes: [{ kind: 'exclude', packages: excluded }]
        });
    }
    for (const feature of commandLineFeatures(finding, model)) {
        out.push({
            title: `Build without \`--features ${feature}\`: it is what turns on the dylib. Enable it only where it is meant for, e.g. \`cargo run --features ${feature}\` during development.`,
            kind: 'command',
            changes: [{ kind: 'drop-feature', feature }]
        });
    }
    if (finding.crates.includes('std') && !flagEnabled(codegenOptions(unit.rustflags, 'prefer-dynamic'))) {
        out.push({
            title: 'Build everything with `RUSTFLAGS="-C prefer-dynamic"`: every dylib then links `std` dynamically and shares `libstd` with the executable.',
            kind: 'flag',
            changes: [{ kind: 'add-prefer-dynamic' }]
        });
    }
    return out;
}
/** The features on the command line that turn on an optional dependency along the finding's inclusion paths. */
function commandLineFeatures(finding, model) {
    const asked = new Set(model.invocation.features);
    const out = new Set();
    for (const path of finding.inclusion ?? []) {
        for (const step of path.features ?? []) {
            const request = step.by === 'command-line' ? step.name : (step.commandLine?.replace(/^--features\s+/, '') ?? null);
            if (request !== null && asked.has(request))
                out.add(request);
        }
    }
    return [...out];
}
/** One candidate adding `"rlib"` to every workspace library of `units` that lacks one. */
function addRlib(input, units) {
    const packages = [...new Set(units.filter((u) => u !== null).map(u => u.pkg))].filter(pkg => pkg.source === null && input.model.metadata.packages.has(pkg.id));
    const changes = [];
    for (const pkg of packages) {
        const lib = pkg.targets.find(t => t.kind === 'lib');
        if (!lib || providesRlib(lib.crateTypes))
            continue;
        changes.push({ kind: 'crate-types', pkg, types: [...lib.crateTypes, 'rlib'] });
    }
    if (changes.length === 0)
        return [];
    return [{ title: rlibTitle(changes.map(c => (c.kind === 'crate-types' ? c.pkg.name : ''))), kind: 'manifest-edit', changes }];
}
function rlibTitle(names) {
    return `Add \`"rlib"\` to \`crate-type\` of ${listCrates(names)}: Rust dependents then link ${names.length === 1 ? 'it' : 'them'} statically, and the dylib is still built.`;
}
function panicCandidates(unit) {
    if (unit.panic !== 'abort')
        return [];
    if (unit.panicSource === 'rustflags') {
        return [{ title: 'Drop `-C panic=abort` from rustflags for this build.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'panic' }] }];
    }
    return [profileCandidate(unit, { setting: 'panic', value: 'unwind' }, 'Set `panic = "unwind"` in the profile: `libstd` and Rust dylibs are always built with unwinding.')];
}
function ltoCandidates(result) {
    const unit = result.unit;
    const out = [];
    for (const p of result.problems) {
        if (p.kind === 'lto' && (p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows')) {
            if (unit.preferDynamic === 'rustflags') {
                out.push({ title: 'Drop `-C prefer-dynamic` from rustflags for LTO builds.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'prefer-dynamic' }] });
            }
            if (unit.lto.kind === 'run' || unit.lto.kind === 'only-bitcode') {
                out.push(profileCandidate(unit, { setting: 'lto', value: 'false' }, 'Set `lto = false` in the profile of builds that link dynamically.'));
            }
        }
        if ((p.kind === 'lto' && p.gate !== 'linker-plugin-windows' && unit.lto.kind !== 'run') || p.kind === 'embed-bitcode-lto') {
            out.push({ title: 'Drop `-C lto` from rustflags; `lto = true` in the profile applies LTO only where rustc allows it.', kind: 'flag', changes: [{ kind: 'drop-codegen-option', option: 'lto' }] });
        }
    }
    return out;
}
function profileCandidate(unit, change, title) {
    return { title, kind: 'manifest-edit', changes: [{ kind: 'profile', profile: unit.mode === 'build' ? 'build' : 'test', change }] };
}
/** The unit of the crate named `name` in the unit's crate graph. */
function unitNamed(result, linkage, name) {
    const node = result.crates.find(c => c.name === name);
    return node === undefined ? null : (linkage.crateNames.get(node.key)?.unit ?? null);
}
/** The Rust dylibs a proc-macro links, directly or through other crates. */
function dylibsOf(procMacro, linkage) {
    const crates = linkage.byUnit.get(procMacro)?.crates ?? [];
    return crates.map(c => linkage.crateNames.get(c.key)?.unit ?? null).filter((u) => u !== null && u.crateTypes.includes('dylib') && resolve_crateName(u) !== resolve_crateName(procMacro));
}

;// CONCATENATED MODULE: ./src/fixes/changes.ts

/** A stable key for a list of changes, to analyse each distinct list once. */
function changesKey(changes) {
    return JSON.stringify(changes.map(c => (c.kind === 'crate-types' ? { ...c, pkg: c.pkg.id } : c)));
}
function applyChanges(model, changes) {
    return changes.reduce(applyChange, model);
}
function applyChange(model, change) {
    const { metadata, context, invocation } = model;
    switch (change.kind) {
        case 'crate-types': {
            const pkg = metadata.packages.get(change.pkg.id);
            if (!pkg)
                return model;
            const targets = pkg.targets.map(t => (t.kind === 'lib' ? { ...t, crateTypes: [...change.types] } : t));
            const packages = new Map(metadata.packages);
            packages.set(pkg.id, { ...pkg, targets });
            return { ...model, metadata: { ...metadata, packages } };
        }
        case 'select':
            return { ...model, invocation: { ...invocation, packages: [...change.packages], workspace: false, exclude: [] } };
        case 'exclude':
            return { ...model, invocation: { ...invocation, packages: [], workspace: true, exclude: [...invocation.exclude, ...change.packages] } };
        case 'drop-feature':
            return { ...model, invocation: { ...invocation, features: invocation.features.filter(f => f !== change.feature) } };
        case 'add-prefer-dynamic':
            return { ...model, context: withRustflags(context, flags => [...flags, '-C', 'prefer-dynamic']) };
        case 'drop-codegen-option':
            return { ...model, context: withRustflags(context, flags => withoutCodegenOption(flags, change.option)) };
        case 'profile': {
            // The line the fix edits sets the setting of every profile that reads it (`test` inherits `dev`).
            const { setting, value } = change.change;
            const edited = context[change.profile === 'build' ? 'profile' : 'testProfile'];
            const same = (p) => p === edited || sameSource(p.sources[setting], edited.sources[setting]);
            const set = (p) => (same(p) ? { ...p, [setting]: value } : p);
            return { ...model, context: { ...context, profile: set(context.profile), testProfile: set(context.testProfile) } };
        }
    }
}
function sameSource(a, b) {
    if (a === undefined || b === undefined)
        return false;
    return 'file' in a ? 'file' in b && a.file === b.file && a.line === b.line : 'env' in b && a.env === b.env;
}
function withRustflags(context, edit) {
    const info = (t) => ({ ...t, rustflags: edit(t.rustflags) });
    const target = info(context.target);
    return { ...context, target, host: context.host === context.target ? target : info(context.host) };
}
/**
 * The flags without every `-C <option>[=…]`, read as rustc reads a flag list (`readRustflags`: `-Cx`, `-C x`,
 * `--codegen x`, `_` for `-`). An option that shares its token with others (`-gCopt-level=1`) is left in place.
 */
function withoutCodegenOption(flags, option) {
    const options = readRustflags(flags);
    const dropped = new Set();
    for (const o of options) {
        if (o.name !== '-C' || optionKey(o.value) !== option)
            continue;
        if (options.some(other => other !== o && other.token === o.token))
            continue;
        dropped.add(o.token);
        if (o.separateValue)
            dropped.add(o.token + 1);
    }
    return flags.filter((_, i) => !dropped.has(i));
}

;// CONCATENATED MODULE: ./src/fixes/verify.ts
/**
 * Verified fixes: every candidate fix of an error finding is applied to the model and the invocation is
 * analysed again. A fix is offered as verified only when the finding's artifact then links and no error
 * appears that was not there before; a candidate that fails is dropped, as it is known not to work.
 */






/**
 * The most distinct changes analysed again per run: a few fixes shared by many findings, so that a workspace
 * with thousands of failing artifacts costs a bounded number of analyses. Candidates beyond it are offered
 * as unverified advice.
 */
const MAX_REANALYSES = 12;
/**
 * The most units analysed again per run, all analyses together (each costs about as much as the first): an
 * invocation of a few thousand units gets fewer analyses, so that verifying costs at most a few analyses.
 */
const MAX_REANALYSED_UNITS = 20_000;
/** Above this many units, an invocation's fixes are not verified at all: one more analysis already costs seconds. */
const MAX_VERIFIED_UNITS = 5_000;
/**
 * How many times a crate-type fix is widened: when adding `"rlib"` to the dylibs that contain a crate only
 * moves the duplicate to an artifact that was blocked before, the dylibs the new errors name get one too.
 */
const MAX_WIDENINGS = 3;
/**
 * The analysis's findings, each error finding with its verified fixes first, and a note when the invocation
 * is too large for its fixes to be verified.
 */
function withVerifiedFixes(input) {
    const { analysis } = input;
    const errors = new Set(analysis.findings.filter(f => f.severity === 'error').map(f => f.fingerprint));
    if (errors.size === 0)
        return { findings: analysis.findings, note: null };
    const units = input.linkage.results.length;
    const tooLarge = units > MAX_VERIFIED_UNITS;
    const note = tooLarge
        ? `Fixes are not verified: the invocation builds ${units} units, and the engine analyses an invocation again with a fix applied only up to ${MAX_VERIFIED_UNITS} units. Select fewer packages (\`-p\`) to get verified fixes.`
        : null;
    const outcomes = new Map();
    const analysed = (changes) => {
        const key = changesKey(changes);
        if (!outcomes.has(key)) {
            if (tooLarge || outcomes.size >= MAX_REANALYSES || (outcomes.size + 1) * units > MAX_REANALYSED_UNITS)
                return null;
            outcomes.set(key, input.reanalyse(applyChanges(input.model, changes)));
        }
        return outcomes.get(key);
    };
    // An artifact with several errors links only when all are fixed: each error is also tried with the
    // candidates of the others on the same artifact, its own first.
    const own = new Map();
    const byArtifact = new Map();
    const results = resultsByArtifact(input.linkage);
    for (const finding of analysis.findings) {
        if (finding.severity !== 'error')
            continue;
        const candidates = candidatesFor({ finding, result: resultOf(finding, results), linkage: input.linkage, model: input.model });
        own.set(finding, candidates);
        const key = artifactKey(finding);
        if (key !== null)
            byArtifact.set(key, [...(byArtifact.get(key) ?? []), ...candidates]);
    }
    const findings = analysis.findings.map(finding => {
        const mine = own.get(finding);
        if (mine === undefined)
            return finding;
        const key = artifactKey(finding);
        const candidates = distinctChanges([...mine, ...(key === null ? [] : (byArtifact.get(key) ?? []))]);
        if (candidates.length === 0)
            return finding;
        const verified = [];
        const unverified = [];
        for (const first of candidates) {
            // Without the files, a manifest edit cannot be written down: it stays advice, and is not analysed.
            if (first.kind === 'manifest-edit' && input.readText === null) {
                if (mine.includes(first))
                    unverified.push(adviceFix(first.title));
                continue;
            }
            let candidate = first;
            let after = analysed(candidate.changes);
            for (let round = 0; round < MAX_WIDENINGS && after !== null && !repairs(finding, after.analysis, errors); round++) {
                const wider = widened(candidate, after, errors, input.model);
                if (wider === null)
                    break;
                candidate = wider;
                after = analysed(candidate.changes);
            }
            const edits = candidate.kind === 'manifest-edit' ? editsFor(candidate, input) : [];
            if (after === null || edits === null) {
                if (mine.includes(first))
                    unverified.push(adviceFix(candidate.title));
            }
            else if (repairs(finding, after.analysis, errors)) {
                verified.push({ fix: fixOf(candidate, edits, input.model), cost: costOf(candidate, edits) });
            }
        }
        verified.sort((a, b) => a.cost - b.cost);
        return { ...finding, fixes: [...verified.map(v => v.fix), ...unverified, ...finding.fixes] };
    });
    return { findings, note };
}
/**
 * A crate-type candidate with the crate-type changes the new errors of its analysis call for added, or null
 * when they call for none it does not already make.
 */
function widened(candidate, after, errorsBefore, model) {
    if (!candidate.changes.every(c => c.kind === 'crate-types'))
        return null;
    const changed = applyChanges(model, candidate.changes);
    const results = resultsByArtifact(after.linkage);
    const extra = [];
    for (const finding of after.analysis.findings) {
        if (finding.severity !== 'error' || errorsBefore.has(finding.fingerprint))
            continue;
        const more = candidatesFor({ finding, result: resultOf(finding, results), linkage: after.linkage, model: changed }).find(c => c.changes.every(x => x.kind === 'crate-types'));
        for (const change of more?.changes ?? []) {
            if (change.kind !== 'crate-types')
                continue;
            const seen = [...candidate.changes, ...extra].some(c => c.kind === 'crate-types' && c.pkg.id === change.pkg.id);
            if (!seen)
                extra.push(change);
        }
    }
    if (extra.length === 0)
        return null;
    const changes = [...candidate.changes, ...extra];
    const names = changes.map(c => (c.kind === 'crate-types' ? c.pkg.name : ''));
    return { ...candidate, changes, title: rlibTitle(names) };
}
/**
 * The finding is gone, its artifact (if it is about one) is built and links, and every error of the
 * analysis was already an error before the change.
 */
function repairs(finding, after, errorsBefore) {
    for (const f of after.findings) {
        if (f.fingerprint === finding.fingerprint)
            return false;
        if (f.severity === 'error' && !errorsBefore.has(f.fingerprint))
            return false;
    }
    const artifact = findingArtifact(finding);
    if (artifact === null)
        return true;
    const same = (a) => a.package === artifact.package && a.target === artifact.target && a.kind === artifact.kind && a.mode === artifact.mode && a.platform === artifact.platform;
    const rows = after.artifacts.filter(same);
    return rows.length > 0 && rows.every(a => a.status === 'ok');
}
/** The first candidate of each distinct list of changes. */
function distinctChanges(candidates) {
    const seen = new Set();
    return candidates.filter(c => {
        const key = changesKey(c.changes);
        return !seen.has(key) && Boolean(seen.add(key));
    });
}
function artifactKey(finding) {
    const a = findingArtifact(finding);
    return a === null ? null : [a.package, a.target, a.kind, a.mode, a.platform].join('\0');
}
function resultOf(finding, results) {
    const key = artifactKey(finding);
    return key === null ? null : (results.get(key) ?? null);
}
/** The results that are not blocked, by the artifact key of their unit (the first, for a unit built twice). */
function resultsByArtifact(linkage) {
    const out = new Map();
    for (const r of linkage.results) {
        if (r.status === 'blocked')
            continue;
        const u = r.unit;
        const key = [u.pkg.name, u.target.name, u.target.kind, u.mode, u.kind].join('\0');
        if (!out.has(key))
            out.set(key, r);
    }
    return out;
}
/** The text edits a manifest-edit candidate makes, or null when one of its files cannot be read or edited. */
function editsFor(candidate, input) {
    const read = input.readText;
    if (read === null)
        return null;
    const root = input.model.metadata.workspaceRoot;
    const edits = [];
    for (const change of candidate.changes) {
        let made = null;
        if (change.kind === 'crate-types') {
            const file = relativePosix(root, change.pkg.manifestPath);
            const text = file === null ? null : read(change.pkg.manifestPath);
            made = text === null ? null : crateTypeEdits(text, file, change.types);
        }
        else if (change.kind === 'profile') {
            const profile = change.profile === 'build' ? input.model.context.profile : input.model.context.testProfile;
            const source = profile.sources[change.change.setting];
            if (source && 'file' in source) {
                const absolute = resolveFrom(root, source.file);
                const file = relativePosix(root, absolute);
                const text = file === null ? null : read(absolute);
                const value = change.change.setting === 'lto' ? false : change.change.value;
                const edit = text === null ? null : settingEdit(text, file, source.line, change.change.setting, value);
                made = edit === null ? null : [edit];
            }
        }
        if (made === null)
            return null;
        edits.push(...made);
    }
    return edits;
}
function fixOf(candidate, edits, model) {
    const fix = { title: candidate.title, kind: candidate.kind, verified: true };
    if (candidate.kind === 'manifest-edit')
        fix.edits = edits;
    if (candidate.kind === 'command') {
        const next = applyChanges(model, candidate.changes).invocation;
        fix.command = ['cargo', next.command, ...toCargoArgs(next)];
    }
    return fix;
}
/** Smaller changes first: one line edited, a different command line, then more lines, then the environment. */
function costOf(candidate, edits) {
    if (candidate.kind === 'manifest-edit')
        return edits.length;
    return candidate.kind === 'command' ? 1.5 : 3;
}

;// CONCATENATED MODULE: ./src/findings/order.ts
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareText(a.rule, b.rule) ||
        compareText(a.package ?? '', b.package ?? '') ||
        compareText(a.target ?? '', b.target ?? '') ||
        compareText(a.kind ?? '', b.kind ?? '') ||
        compareText(a.mode ?? '', b.mode ?? '') ||
        compareText(a.crateType ?? '', b.crateType ?? '') ||
        compareText(a.platform ?? '', b.platform ?? '') ||
        compareText(a.message, b.message));
}
/** Orders strings by UTF-16 code units: deterministic in every locale, and far cheaper than `localeCompare`. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/linkage/boundaries.ts
/**
 * The units that form Rust-ABI dynamic boundaries, where compiler build and flags must match exactly:
 * Rust `dylib`s, units given `-C prefer-dynamic` by rustflags, and artifacts that link a Rust crate
 * dynamically. Proc-macros are left out: cargo always passes them `-C prefer-dynamic`, yet they link `std`
 * statically and are loaded only by the compiler that built them.
 */
function rustAbiBoundaries(graph, linkage) {
    const known = boundariesOf.get(linkage);
    if (known)
        return known;
    const out = [];
    for (const unit of graph.units) {
        if (unit.target.kind === 'proc-macro')
            continue;
        if (unit.crateTypes.includes('dylib'))
            out.push({ unit, kind: 'rust-dylib' });
        else if (unit.preferDynamic === 'rustflags')
            out.push({ unit, kind: 'prefer-dynamic' });
        // A unit that needs Rust shared libraries at run time links some Rust crate dynamically.
        else if ((linkage.byUnit.get(unit)?.runtimeLibraries.length ?? 0) > 0)
            out.push({ unit, kind: 'links-dynamically' });
    }
    boundariesOf.set(linkage, out);
    return out;
}
/** Several rules and the report ask for the same boundaries: computed once per analysis. */
const boundariesOf = new WeakMap();
/** Crates that load libraries at run time, and those that also check their layout at load time. */
const LOADER_CRATES = ['libloading', 'dlopen2', 'dlopen', 'abi_stable', 'stabby'];
const CHECKED_LOADERS = new Set(['abi_stable', 'stabby']);
/** Crates whose cdylibs are extensions of a foreign host (Python, Node, the JVM, the browser), not Rust plugins. */
const FOREIGN_HOST_CRATES = new Set(['pyo3', 'napi', 'neon', 'jni', 'wasm-bindgen', 'uniffi', 'cpython', 'rustler', 'magnus', 'rutie']);
/**
 * The workspace's plugin system, if any: its executables that load libraries at run time — they depend on a
 * loader crate, or their sources call `dlopen`/`LoadLibrary` — and its `cdylib`s and Rust `dylib`s that no
 * other package links (a package's own test harnesses and doc tests linking its rlib do not count). A `cdylib`
 * next to executables that load nothing is a library for C or another language, not a plugin. Null without a
 * host; a host may have no plugins in the build (it loads system libraries, or plugins built elsewhere).
 */
function pluginSystem(graph, metadata, loadsLibraries) {
    const members = new Set(metadata.workspaceMembers);
    const hosts = graph.units
        .filter(u => u.mode === 'build' && u.kind === 'target' && u.target.kind === 'bin' && members.has(u.pkg.id))
        .map(unit => ({ unit, loaders: loadersOf(unit.pkg, metadata) }))
        .filter(h => h.loaders.length > 0 || loadsLibraries(h.unit.pkg));
    if (hosts.length === 0)
        return null;
    const linkedByOthers = new Set();
    for (const unit of graph.units)
        for (const dep of unit.crates)
            if (dep.unit.pkg.id !== unit.pkg.id)
                linkedByOthers.add(dep.unit.pkg.id);
    const loadable = graph.units.filter(u => u.mode === 'build' && u.kind === 'target' && members.has(u.pkg.id) && !linkedByOthers.has(u.pkg.id));
    const plugins = loadable.filter(u => u.crateTypes.includes('cdylib') && !servesForeignHost(u.pkg, metadata));
    const dylibs = loadable.filter(u => u.crateTypes.includes('dylib') && !plugins.includes(u));
    return { hosts, plugins, dylibs };
}
/**
 * Whether a package is meant to be built against by other projects, as far as its manifest tells: not
 * `publish = false`, and either `publish` names the registries it goes to, or it has what crates.io requires of
 * every upload — a `description`, and a `license` or `license-file` (cargo's `check_metadata`,
 * src/cargo/ops/cargo_package/mod.rs at 0.96.0, warns when they are missing or empty; crates.io refuses the upload). An
 * application's own engine or plugin crate, used by its own executables, usually has neither.
 */
function meantForOtherProjects(pkg) {
    if (pkg.publish === false)
        return false;
    if (Array.isArray(pkg.publish))
        return true;
    const set = (v) => v !== null && v !== '';
    return set(pkg.description) && (set(pkg.license) || set(pkg.licenseFile));
}
/** The loader crates a package depends on directly (normal dependencies). */
function loadersOf(pkg, metadata) {
    const names = new Set(dependencyNames(pkg, metadata, true));
    return LOADER_CRATES.filter(name => names.has(name));
}
/** A cdylib for Python, Node, the JVM or the browser: an extension of a foreign host, not a Rust plugin. */
function servesForeignHost(pkg, metadata) {
    return dependencyNames(pkg, metadata, false).some(name => FOREIGN_HOST_CRATES.has(name));
}
function dependencyNames(pkg, metadata, normalOnly) {
    return pkg.deps.filter(d => !normalOnly || d.kinds.some(k => k.kind === 'normal')).flatMap(d => metadata.packages.get(d.pkg)?.name ?? []);
}

;// CONCATENATED MODULE: ./src/model/target-info.ts

/**
 * Whether executables find the target's `std` dylib without being told where: on Linux, its file is in a
 * directory `ld.so` searches by default (`/lib`, `/usr/lib`, their `64` variants and Debian's multiarch
 * `<triple>` subdirectories, where distribution toolchains install `libstd-<hash>.so`). Additions of
 * `/etc/ld.so.conf` are not counted: the machines that run the executables are not known.
 */
function stdOnDefaultLoaderPath(info) {
    if (info.stdDylib === null || !cfgHas(info.cfg, 'target_os', 'linux'))
        return false;
    return /^\/(usr\/)?lib(64)?(\/[a-z0-9_]+-linux-[a-z0-9_]+)?\/?$/.test(info.stdDylibDir ?? info.targetLibdir);
}

;// CONCATENATED MODULE: ./src/model/compiler-behaviour.ts
/**
 * What changed between the compilers the engine supports — rustc 1.63 to the current stable and nightly —
 * keyed on the probed `rustc -vV`. Each fact names the release where it changed and why.
 */


/**
 * Whether a `rustc -vV` (or `cargo -V`) release — `1.63.0`, `1.97.0-nightly`, `1.95.0-beta.3` — is at least
 * `major.minor`; an unreadable release counts as current.
 */
function releaseAtLeast(release, major, minor) {
    const m = /^(\d+)\.(\d+)\./.exec(release);
    if (m === null)
        return true;
    const [r, n] = [Number(m[1]), Number(m[2])];
    return r > major || (r === major && n >= minor);
}
function compilerBehaviour(rustc, host) {
    return {
        loadsProcMacrosWithDynamicStd: !releaseAtLeast(rustc.release, 1, 83) || loaderFamily(host) === 'windows' || stdOnDefaultLoaderPath(host),
        readsCdylibAsDylib: !releaseAtLeast(rustc.release, 1, 73)
    };
}

;// CONCATENATED MODULE: ./src/model/facts.ts
/** No facts: no pin, no expectation, no allocators (metadata recorded elsewhere, benchmarks). */
function noFacts() {
    return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => false, exportedSymbols: () => [] };
}

;// CONCATENATED MODULE: ./src/model/selection.ts


/**
 * Selects packages exactly as cargo does for `-p`, `--workspace`/`--exclude`, or neither: the package of
 * the manifest cargo runs on, or the workspace's default members when that manifest is the root.
 * `currentManifest` is the absolute path of that manifest.
 */
function selectPackages(metadata, invocation, currentManifest) {
    const members = metadata.workspaceMembers.map(id => metadata.packages.get(id));
    const warnings = [];
    if (invocation.exclude.length > 0 && !invocation.workspace) {
        throw new errors_UserError('`--exclude` can only be used together with `--workspace`');
    }
    if (invocation.workspace) {
        const excluded = new Set();
        for (const spec of invocation.exclude) {
            const matched = members.filter(p => specMatches(spec, p));
            if (matched.length === 0)
                warnings.push(`excluded package(s) \`${spec}\` not found in workspace \`${metadata.workspaceRoot}\``);
            for (const p of matched)
                excluded.add(p.id);
        }
        return { packages: sortById(members.filter(p => !excluded.has(p.id))), warnings };
    }
    if (invocation.packages.length > 0) {
        const all = [...metadata.packages.values()];
        const chosen = new Map();
        for (const spec of invocation.packages) {
            const matched = all.filter(p => specMatches(spec, p));
            if (matched.length === 0) {
                throw new errors_UserError(`package ID specification \`${spec}\` did not match any packages`);
            }
            if (matched.length > 1 && !isGlob(spec)) {
                const list = matched.map(p => `${p.name}@${p.version}`).join(', ');
                throw new errors_UserError(`the specification \`${spec}\` is ambiguous: it matches ${list}; add a version (\`name@version\`)`);
            }
            for (const p of matched)
                chosen.set(p.id, p);
        }
        return { packages: sortById([...chosen.values()]), warnings };
    }
    return { packages: sortById(defaultMembers(metadata, currentManifest)), warnings };
}
function defaultMembers(metadata, currentManifest) {
    const rootManifest = external_node_path_default().join(external_node_path_default().resolve(metadata.workspaceRoot), 'Cargo.toml');
    if (external_node_path_default().resolve(currentManifest) !== rootManifest) {
        // Run on a member's manifest: that package alone (default-members only apply at the root).
        const own = currentPackage(metadata, currentManifest);
        if (own)
            return [own];
    }
    if (metadata.workspaceDefaultMembers !== null) {
        return metadata.workspaceDefaultMembers.map(id => metadata.packages.get(id));
    }
    // Metadata without `workspace_default_members`: the root package, or all members of a virtual workspace.
    const root = rootPackage(metadata);
    return root ? [root] : metadata.workspaceMembers.map(id => metadata.packages.get(id));
}
/** The workspace member whose manifest cargo runs on (cargo's `Workspace::current_opt`), if it is one. */
function currentPackage(metadata, currentManifest) {
    const current = external_node_path_default().resolve(currentManifest);
    return metadata.workspaceMembers.map(id => metadata.packages.get(id)).find(p => external_node_path_default().resolve(p.manifestPath) === current) ?? null;
}
/** The package of the workspace root manifest; null for a virtual workspace. */
function rootPackage(metadata) {
    return currentPackage(metadata, external_node_path_default().join(metadata.workspaceRoot, 'Cargo.toml'));
}
function sortById(packages) {
    return packages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
function isGlob(spec) {
    return /[*?[]/.test(spec);
}
/** Whether a package id specification (`name`, `name@1.2`, `name:1.2.3`, a full id, or a glob) matches. */
function specMatches(spec, pkg) {
    if (spec === pkg.id)
        return true;
    if (isGlob(spec))
        return globToRegExp(spec).test(pkg.name);
    let name = spec;
    let version = null;
    let url = null;
    const hash = spec.indexOf('#');
    if (hash >= 0) {
        const fragment = spec.slice(hash + 1);
        url = spec.slice(0, hash);
        const at = fragment.indexOf('@');
        if (at >= 0) {
            name = fragment.slice(0, at);
            version = fragment.slice(at + 1);
        }
        else if (/^\d/.test(fragment)) {
            name = url.replace(/\/+$/, '').split('/').pop() ?? '';
            version = fragment;
        }
        else {
            name = fragment;
        }
    }
    else {
        const m = /^([^@:]+)[@:](.+)$/.exec(spec);
        if (m) {
            name = m[1];
            version = m[2];
        }
    }
    if (name !== pkg.name)
        return false;
    if (url !== null && stripScheme(url) !== stripScheme(sourceUrl(pkg)))
        return false;
    return version === null || partialVersionMatches(version, pkg.version);
}
function stripScheme(url) {
    return url.replace(/^(registry|sparse|path|git)\+/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}
/** The URL cargo uses for a package's source: its registry or git URL, or `file://` + its directory. */
function sourceUrl(pkg) {
    if (pkg.source !== null)
        return pkg.source;
    return `file://${external_node_path_default().dirname(pkg.manifestPath)}`;
}
/**
 * Cargo's `PartialVersion::matches`: the fields given must be equal; a pre-release version only matches
 * a spec that names a pre-release; build metadata only counts when the spec gives it.
 */
function partialVersionMatches(spec, version) {
    const parse = (v) => {
        const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(v.trim());
        return m ? { major: m[1], minor: m[2], patch: m[3], pre: m[4], build: m[5] } : null;
    };
    const want = parse(spec);
    const have = parse(version);
    if (!want || !have)
        return spec === version;
    if (have.pre !== undefined && want.pre === undefined)
        return false;
    return (want.major === have.major &&
        (want.minor === undefined || want.minor === have.minor) &&
        (want.patch === undefined || want.patch === have.patch) &&
        (want.pre === undefined || want.pre === have.pre) &&
        (want.build === undefined || want.build === have.build));
}
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*')
            re += '.*';
        else if (c === '?')
            re += '.';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0)
                throw new errors_UserError(`invalid glob pattern \`${glob}\` in a package specification: unclosed \`[\``);
            const body = glob.slice(i + 1, end);
            re += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
            i = end;
        }
        else
            re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
function escapeClass(body) {
    return body.replace(/[\\\]^]/g, '\\$&');
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
var external_node_crypto_default = /*#__PURE__*/__nccwpck_require__.n(external_node_crypto_namespaceObject);
;// CONCATENATED MODULE: ./src/findings/fingerprint.ts

/**
 * A finding's stable identity: the rule, the artifact and the crates at fault. Lines, wording and the hash in
 * `libstd-<hash>.so` (which changes with every toolchain) stay out, so a finding keeps its fingerprint when a
 * manifest is edited above it or the toolchain is updated.
 */
function findingFingerprint(f) {
    const crates = f.crates.map(c => c.replace(/-[0-9a-f]{16}(?=\.(?:so|dylib|dll)$)/u, '')).sort();
    const identity = [f.rule, f.package ?? '', f.target ?? '', f.kind ?? '', f.mode ?? '', f.crateType ?? '', f.platform ?? '', ...crates];
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./src/rules/context.ts

/** The artifact fields and default severity of a finding about `unit`. */
function base(unit, rule, crateType = unit.crateTypes[0] ?? unit.target.crateTypes[0]) {
    return {
        rule,
        severity: ruleInfo(rule).severity,
        package: unit.pkg.name,
        target: unit.target.name,
        kind: unit.target.kind,
        mode: unit.mode,
        crateType: unit.mode === 'build' ? crateType : 'bin',
        platform: unit.kind
    };
}
/** "bin `app`", "dylib `plugin_a`", "test harness of lib `util`", "doc tests of lib `util`". */
function describeUnit(unit, crateType) {
    const libTypes = unit.target.kind === 'lib' ? unit.target.crateTypes.join('+') : unit.target.kind;
    const what = unit.mode === 'test' ? `test harness of ${unit.target.kind}` : unit.mode === 'doctest' ? `doc tests of ${unit.target.kind}` : (crateType ?? libTypes);
    const host = unit.kind === 'host' && unit.target.kind !== 'proc-macro' && unit.target.kind !== 'custom-build' ? ' (built for the host)' : '';
    const name = unit.target.kind === 'custom-build' ? `build script of \`${unit.pkg.name}\`${featureList(unit.features)}` : `${what} \`${unit.target.name}\``;
    return `${name}${host}`;
}
/** A package built with different features for target and host has one build script per feature set. */
function featureList(features) {
    if (features.length === 0)
        return '';
    return ` (with ${features.length === 1 ? 'feature' : 'features'} ${features.map(f => `\`${f}\``).join(', ')})`;
}

;// CONCATENATED MODULE: ./src/rules/abi.ts





/** `panic-strategy-mixed`, `abi-flags-divergent`, `lto-dynamic-unsound`. */
function abiFindings(ctx) {
    const boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map(b => b.unit);
    return [...panicFindings(ctx), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)];
}
/**
 * `panic-strategy-mixed`: an `abort` unit and an `unwind` unit on the two sides of one dynamic boundary: a host
 * and the `cdylib`s and `dylib`s of the build it loads, which rustc never compares, or a Rust `dylib` and a
 * unit that links it, where rustc usually refuses the mix itself (then `panic-strategy` is reported instead).
 * All `abort` or all `unwind` is sound. Within one cargo invocation every unit for the target gets the
 * profile's strategy — cargo refuses `panic` in `[profile.*.package.*]` ("`panic` may not be specified in a
 * `package` profile", src/cargo/util/toml/mod.rs at 0.96.0) — but for the units cargo forces to `unwind`
 * (`PanicSetting::AlwaysUnwind`, src/cargo/core/profiles.rs): build scripts, proc-macros and what they link,
 * and whatever a test harness links (`UnitFor::new_test`). The sides differ, for example, under `cargo test`
 * with `panic = "abort"`: the binaries integration tests run are built with the profile's `abort`
 * (`UnitFor::new_normal`, src/cargo/core/compiler/unit_dependencies.rs), while a plugin with an rlib, built
 * for its own tests, is `unwind`.
 */
function panicFindings(ctx) {
    // rustc's own panic-strategy errors already explain artifacts that cannot link.
    const rustcReports = ctx.linkage.results.some(r => r.problems.some(p => p.kind === 'dependency-format' && /panic/.test(p.error.kind)));
    if (rustcReports)
        return [];
    const sides = mixedSides(ctx);
    const first = sides[0];
    if (first === undefined)
        return [];
    const abort = first.abort;
    const others = sides.filter(s => s.abort === abort).map(s => s.unwind);
    const unwindNames = [...new Set(others.map(u => describeUnit(u)))].join(', ');
    const relation = { loads: 'loads', 'loaded-by': 'is loaded by', links: 'links', 'linked-by': 'is linked by' }[first.how];
    const forced = others.some(u => u.panicSource === 'forced-unwind')
        ? ' (cargo builds it with `unwind` whatever the profile says, as it does everything a test harness, a build script or a proc-macro links)'
        : '';
    return [
        {
            ...base(abort, 'panic-strategy-mixed'),
            crates: [resolve_crateName(abort), ...others.map(resolve_crateName).filter((n, i, all) => all.indexOf(n) === i)],
            message: `${describeUnit(abort)} is built with \`panic = "abort"\` and ${relation} ${unwindNames}, built with \`panic = "unwind"\`${forced}: ` +
                (first.how === 'loads' || first.how === 'loaded-by' ? 'rustc does not compare strategies across a library loaded at run time, so ' : '') +
                'a panic unwinding out of the `unwind` side into code built with `abort` is undefined behaviour, and `catch_unwind` on the `unwind` side never sees a panic of the `abort` side.',
            fixes: [
                'Build everything that shares a dynamic boundary with one panic strategy, in one `cargo` invocation and profile: the host and what it loads both `abort` or both `unwind`.',
                'Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary.'
            ],
            ...ctx.locator.setting(abort.panicSource === 'rustflags' ? 'rustflags' : 'panic', abort)
        }
    ];
}
/** The pairs of units across one boundary whose panic strategies differ, hosts and plugins first. */
function mixedSides(ctx) {
    const out = [];
    const pair = (a, b, how, reverse) => {
        if (a.panic === 'abort' && b.panic === 'unwind')
            out.push({ abort: a, unwind: b, how });
        else if (a.panic === 'unwind' && b.panic === 'abort')
            out.push({ abort: b, unwind: a, how: reverse });
    };
    const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
    for (const { unit: host } of system?.hosts ?? [])
        for (const loaded of [...(system?.plugins ?? []), ...(system?.dylibs ?? [])])
            pair(host, loaded, 'loads', 'loaded-by');
    for (const unit of ctx.graph.units) {
        const artifacts = ctx.linkage.byUnit.get(unit)?.artifacts ?? [];
        for (const dep of unit.crates) {
            if (artifacts.some(a => a.formats?.linkage.get(unitKey(dep.unit)) === 'dynamic'))
                pair(unit, dep.unit, 'links', 'linked-by');
        }
    }
    return out;
}
const LAYOUT_FLAGS = /^-Z(?:randomize-layout|layout-seed=)/;
function flagFindings(ctx, boundary) {
    const out = [];
    const layout = boundary.find(u => abiFlags(u.rustflags).some(f => LAYOUT_FLAGS.test(f)));
    if (layout) {
        const flags = abiFlags(layout.rustflags).filter(f => LAYOUT_FLAGS.test(f));
        out.push({
            ...base(layout, 'abi-flags-divergent'),
            crates: [resolve_crateName(layout)],
            message: `${describeUnit(layout)} takes part in a Rust dynamic boundary and is built with ${listCrates(flags)}: type layouts then depend on the build, and rustc does not check that a dylib and its users agree on them. Anything built separately (a dylib rebuilt alone, a plugin, the host) reads the other side's types with the wrong layout.`,
            fixes: ['Build everything that shares the boundary in one `cargo` invocation with the same flags, or drop layout randomization from builds with Rust dylibs.'],
            ...ctx.locator.setting('rustflags', layout)
        });
    }
    // The same dylib compiled twice in one build, with different unchecked ABI flags (typically for the host,
    // for build scripts and proc-macros, and for `--target` with target-specific rustflags).
    const byPackage = new Map();
    for (const u of boundary.filter(u => u.crateTypes.includes('dylib') && u.mode === 'build'))
        byPackage.set(u.pkg.id, [...(byPackage.get(u.pkg.id) ?? []), u]);
    for (const units of byPackage.values()) {
        const signatures = new Map(units.map(u => [u, abiFlags(u.rustflags).join(' ')]));
        if (new Set(signatures.values()).size < 2)
            continue;
        const target = units.find(u => u.kind === 'target') ?? units[0];
        const others = units.filter(u => signatures.get(u) !== signatures.get(target));
        const show = (u) => `${u.kind === 'host' ? 'for the host' : `for \`${u.targetInfo.triple}\``} with ${signatures.get(u) === '' ? 'no such flags' : listCrates(signatures.get(u).split(' '))}`;
        out.push({
            ...base(target, 'abi-flags-divergent', 'dylib'),
            crates: [resolve_crateName(target)],
            message: `dylib \`${resolve_crateName(target)}\` is built twice with different ABI-relevant flags — ${[target, ...others].map(show).join(' and ')} — and both copies are written to the same file; whichever is linked or loaded last, code built against one may run against the other, and rustc does not compare these flags across crates.`,
            fixes: [
                'Apply the flag to every unit: put it in `build.rustflags` (which cargo also applies to host units when no `--target` is given), or build without `--target`.',
                'Or keep the dylib out of build scripts and proc-macros, so it is built only once.'
            ],
            ...ctx.locator.setting('rustflags', target)
        });
    }
    return out;
}
function ltoFindings(ctx, boundary) {
    const windows = boundary.filter(u => u.kind === 'target' && /windows/.test(u.targetInfo.triple));
    const profile = ctx.invocation.command === 'test' ? ctx.build.testProfile : ctx.build.profile;
    const inProfile = profile.lto === 'thin' || profile.lto === 'fat' || profile.lto === 'true';
    const inFlags = (u) => u.lto.kind === 'run' && !inProfile;
    const lto = windows.find(u => inProfile || inFlags(u));
    if (!lto)
        return [];
    const setting = inFlags(lto) ? 'rustflags' : 'lto';
    return [
        {
            ...base(lto, 'lto-dynamic-unsound'),
            crates: [resolve_crateName(lto)],
            message: `${describeUnit(lto)} is built for \`${lto.targetInfo.triple}\` with LTO (${setting === 'lto' ? `\`lto = ${JSON.stringify(profile.lto)}\`` : '`-C lto` in rustflags'}) and links Rust crates dynamically: on Windows this combination is known to drop or mismatch symbols that another DLL imports, which shows up as link errors or crashes at run time (bevy#17130, rust-lang/rust#127979).`,
            fixes: [
                'Set `lto = false` in the profile used with Rust dylibs or `-C prefer-dynamic` on Windows (for example a `dev`/`dynamic` profile), and keep LTO for statically linked release builds.'
            ],
            ...ctx.locator.setting(setting, lto)
        }
    ];
}

;// CONCATENATED MODULE: ./src/rules/collision.ts






/** The findings: one per group of units that write the same files. */
function collisionFindings(ctx, options = {}) {
    const collisions = outputCollisions(ctx, options);
    if (collisions.length === 0)
        return [];
    const { workspaceRoot, targetDirectory } = ctx.metadata;
    const targetDir = relativePosix(workspaceRoot, targetDirectory) || forwardSlashes(targetDirectory);
    return collisions.map(c => collisionFinding(ctx, c, targetDir));
}
/** The groups of units that write the same files, as `check_collisions` finds them. */
function outputCollisions(ctx, options = {}) {
    const profile = profileOf(ctx);
    const explicitTarget = ctx.invocation.target !== null;
    const { units, root } = cargoUnits(ctx.graph, profile, !explicitTarget);
    const writers = new Map();
    for (const unit of units) {
        for (const file of outputsOf(unit, root.has(unit), profile, explicitTarget, options.defaultLibMetadata === true)) {
            const list = writers.get(file.path);
            if (list)
                list.push({ unit, file });
            else
                writers.set(file.path, [{ unit, file }]);
        }
    }
    const shared = [...writers.values()].filter(w => w.some(x => x.unit !== w[0].unit));
    // Units that share any path form one group.
    const parent = new Map();
    const find = (u) => {
        let r = u;
        while (parent.has(r))
            r = parent.get(r);
        return r;
    };
    for (const w of shared) {
        for (const { unit } of w.slice(1)) {
            const a = find(unit);
            const b = find(w[0].unit);
            if (a !== b)
                parent.set(a, b);
        }
    }
    const groups = new Map();
    for (const w of shared) {
        const key = find(w[0].unit);
        let group = groups.get(key);
        if (!group)
            groups.set(key, (group = { units: [], paths: [], files: [] }));
        for (const { unit, file } of w) {
            if (!group.units.includes(unit))
                group.units.push(unit);
            group.files.push(file);
        }
        group.paths.push(w[0].file.path);
    }
    return [...groups.values()]
        .map(g => ({ ...g, units: g.units.sort(compareCopies), paths: g.paths.sort() }))
        .sort((a, b) => compareCopies(a.units[0], b.units[0]));
}
function profileOf(ctx) {
    return ctx.invocation.command === 'test' ? ctx.build.testProfile : ctx.build.profile;
}
/**
 * Whether the host copy of a unit gets another profile than its target copy: `get_profile` gives host units
 * `opt-level = 0` and no `codegen-units`, which the built-in `release` (opt-level 3) does not have and `dev`
 * does. The `build-override` and `opt-level` keys themselves are not read (see the top of this file).
 */
function hostProfileDiffers(profile) {
    return profile.name === 'release' || profile.name === 'bench';
}
/** The panic strategy of the unit's profile (`PanicSetting::AlwaysUnwind` for host and test units), before rustflags. */
function profilePanic(u, profile) {
    if (u.panicSource === 'forced-unwind')
        return 'unwind';
    if (u.panicSource !== 'rustflags')
        return profile.panic;
    const forced = u.kind === 'host' || u.mode === 'test' || u.target.kind === 'proc-macro' || u.target.kind === 'custom-build';
    return forced ? 'unwind' : profile.panic;
}
/**
 * One engine unit per unit cargo builds. The engine keeps a target's host and target copies apart (and a
 * test harness's `unwind` copy of a library apart from a bin's); cargo merges them into one unit when their
 * layout, profile and dependency units are the same (`traverse_and_share`). Build scripts are left out: each
 * is built in a `build/<pkg>-<hash>/` directory of its own.
 */
function cargoUnits(graph, profile, sharedLayout) {
    const hostDiffers = hostProfileDiffers(profile);
    const memo = new Map();
    const sameTarget = (a, b) => a.pkg === b.pkg && a.target === b.target && a.mode === b.mode;
    const same = (a, b) => {
        if (a === b)
            return true;
        if (!sameTarget(a, b))
            return false;
        if (a.kind !== b.kind && (!sharedLayout || hostDiffers))
            return false;
        if (profilePanic(a, profile) !== profilePanic(b, profile))
            return false;
        const key = a.index < b.index ? `${a.index},${b.index}` : `${b.index},${a.index}`;
        const known = memo.get(key);
        if (known !== undefined)
            return known;
        // `dep_hash`: a unit whose dependencies are other units is another unit.
        const da = dependenciesOf(a);
        const db = dependenciesOf(b);
        const result = da.length === db.length && da.every(x => db.some(y => same(x, y)));
        memo.set(key, result);
        return result;
    };
    const byTarget = new Map();
    const units = [];
    const root = new Set();
    for (const unit of graph.units) {
        if (unit.target.kind === 'custom-build' || unit.crateTypes.length === 0)
            continue;
        const key = `${unit.pkg.id}\0${unit.target.kind}\0${unit.target.name}\0${unit.mode}`;
        const seen = byTarget.get(key);
        const merged = seen?.find(s => same(s, unit));
        const representative = merged ?? unit;
        if (!merged) {
            if (seen)
                seen.push(unit);
            else
                byTarget.set(key, [unit]);
            units.push(unit);
        }
        if (unit.root)
            root.add(representative);
    }
    return { units, root };
}
/** `TargetInfo::file_types` for one crate type, from the target's `--print=file-names` pattern. */
function fileTypes(crateType, pattern, triple) {
    const cut = pattern.indexOf('___');
    if (cut < 0)
        return [];
    const prefix = pattern.slice(0, cut);
    const suffix = pattern.slice(cut + 3);
    const file = (p, s, replaceHyphens, debugInfo = false) => ({ prefix: p, suffix: s, crateType, rmeta: false, debugInfo, replaceHyphens });
    const out = [file(prefix, suffix, crateType !== 'bin')];
    if (isDynamic(crateType)) {
        if (triple.endsWith('-windows-msvc') && suffix === '.dll')
            out.push(file(prefix, '.dll.lib', true), file(prefix, '.dll.exp', true));
        else if (suffix === '.dll' && /(?:windows-gnu|windows-gnullvm|cygwin)$/.test(triple))
            out.push(file('lib', '.dll.a', true));
    }
    if (triple.startsWith('wasm32-') && crateType === 'bin' && suffix === '.js')
        out.push(file(prefix, '.wasm', true), file(prefix, '.wasm.map', true, true));
    if (crateType === 'bin' || crateType === 'dylib' || crateType === 'cdylib' || crateType === 'proc-macro') {
        if (triple.includes('-apple-'))
            out.push(file(prefix, crateType === 'bin' ? '.dSYM' : '.dylib.dSYM', false, true));
        else if (triple.endsWith('-msvc') || triple.endsWith('-uefi'))
            out.push(file(prefix, '.pdb', true, true));
        else
            out.push(file(prefix, `${suffix}.dwp`, crateType !== 'bin', true));
    }
    return out;
}
/** `use_extra_filename` (the layout cargo 1.95 uses by default): whether the unit's file names carry `-<hash>`. */
function useExtraFilename(unit, defaultLibMetadata) {
    if (unit.mode === 'test')
        return true;
    const { target } = unit;
    const triple = unit.targetInfo.triple;
    const lib = target.kind === 'lib';
    // `TargetKind::ExampleBin`: an example whose only crate type is `bin`.
    const executable = target.kind === 'bin' || (target.kind === 'example' && target.crateTypes.every(t => t === 'bin'));
    const unhashedKind = (lib && (target.crateTypes.includes('dylib') || target.crateTypes.includes('cdylib'))) ||
        (executable && (triple === 'wasm32-unknown-emscripten' || triple.includes('msvc')));
    return !(unhashedKind && unit.pkg.source === null && !defaultLibMetadata);
}
/** The directory name of a profile under the target directory. */
function profileDir(profile) {
    if (profile.name === 'dev' || profile.name === 'test')
        return 'debug';
    if (profile.name === 'bench')
        return 'release';
    return profile.name;
}
/**
 * The files `calc_outputs_rustc` and `uplift_to` name for a unit whose paths can collide: those without
 * `-<hash>` in `deps/` (or `examples/`), and the uplifted copies (bins, dylibs, root units).
 */
function outputsOf(unit, root, profile, explicitTarget, defaultLibMetadata) {
    // rustdoc compiles doc tests in a temporary directory of its own.
    if (unit.mode === 'doctest')
        return [];
    const triple = unit.targetInfo.triple;
    const layout = explicitTarget && unit.kind === 'target' ? `${triple}/${profileDir(profile)}` : profileDir(profile);
    const example = unit.target.kind === 'example';
    const outDir = example ? `${layout}/examples` : `${layout}/deps`;
    const hashed = useExtraFilename(unit, defaultLibMetadata);
    const name = resolve_crateName(unit);
    const types = unit.mode === 'build' ? unit.crateTypes : ['bin'];
    const fileTypesOf = types.flatMap(t => fileTypes(t, unit.targetInfo.fileNames[t === 'lib' ? 'rlib' : t] ?? '', triple));
    // Only pure rlibs get an `.rmeta` of their own (pipelining).
    if (unit.mode === 'build' && !types.some(requiresUpstreamObjects)) {
        fileTypesOf.push({ prefix: 'lib', suffix: '.rmeta', crateType: 'rlib', rmeta: true, debugInfo: false, replaceHyphens: true });
    }
    const out = [];
    for (const ft of fileTypesOf) {
        const path = `${outDir}/${ft.prefix}${name}${hashed ? '-<hash>' : ''}${ft.suffix}`;
        if (!hashed)
            out.push({ path, crateType: ft.crateType, linked: true, debugInfo: ft.debugInfo });
        // `uplift_to`: bins, dylibs and what the command line asked for, never tests or `.rmeta` files.
        if (unit.mode !== 'build' || ft.rmeta)
            continue;
        if (unit.target.kind !== 'bin' && ft.crateType !== 'dylib' && !root)
            continue;
        const fileName = `${ft.prefix}${ft.replaceHyphens ? name : unit.target.name}${ft.suffix}`;
        const uplifted = example ? `${layout}/examples/${fileName}` : `${layout}/${fileName}`;
        if (uplifted !== path)
            out.push({ path: uplifted, crateType: ft.crateType, linked: false, debugInfo: ft.debugInfo });
    }
    return out;
}
/** Target copies before host copies; then by package, version and target. */
function compareCopies(a, b) {
    const order = (u) => [u.kind === 'target' ? '0' : '1', u.pkg.name, u.pkg.version, u.target.kind, u.target.name, u.mode, u.panic].join('\0');
    const x = order(a);
    const y = order(b);
    return x < y ? -1 : x > y ? 1 : a.index - b.index;
}
const LINKED_BY_RUST = new Set(['dylib', 'rlib', 'lib']);
function collisionFinding(ctx, c, targetDir) {
    const profile = profileOf(ctx);
    const rep = c.units[0];
    const samePackage = c.units.every(u => u.pkg === rep.pkg);
    const kindsDiffer = samePackage && c.units.some(u => u.kind !== rep.kind);
    const panics = new Set(c.units.map(u => profilePanic(u, profile)));
    const main = c.files.filter(f => !f.debugInfo);
    const collidingTypes = new Set(main.map(f => f.crateType));
    const crateType = rep.crateTypes.find(t => collidingTypes.has(t)) ?? rep.crateTypes[0];
    const linkedTypes = new Set(main.filter(f => f.linked).map(f => f.crateType));
    const linkedByRust = [...linkedTypes].some(t => LINKED_BY_RUST.has(t));
    const files = listCrates(c.paths.map(p => `${targetDir}/${p}`), 8);
    const fileWord = c.paths.length === 1 ? 'file' : 'files';
    const shown = `${targetDir}/${c.paths.find(p => !/\.(dwp|pdb|dSYM)$/.test(p)) ?? c.paths[0]}`;
    const describe = (u) => {
        let d = describeUnit(u);
        if (samePackage) {
            if (kindsDiffer && u.kind === 'target')
                d += ' (built for the target)';
            if (panics.size > 1)
                d += ` with \`panic = "${profilePanic(u, profile)}"\``;
        }
        else if (c.units.some(o => o !== u && o.pkg.name === u.pkg.name))
            d += ` of \`${u.pkg.name} ${u.pkg.version}\``;
        else
            d += ` of package \`${u.pkg.name}\``;
        return d;
    };
    const units = c.units.map(describe);
    const who = `${units.slice(0, -1).join(', ')} and ${units.at(-1)}`;
    let what;
    if (samePackage) {
        const why = panics.size > 1
            ? kindsDiffer
                ? 'host units are always built with `panic = "unwind"` and target units with the profile\'s `panic = "abort"`'
                : 'test harnesses and what they link are always built with `panic = "unwind"` and the other units with the profile\'s `panic = "abort"`'
            : kindsDiffer && hostProfileDiffers(profile)
                ? `host units get \`opt-level = 0\` and \`[profile.${profile.name}.build-override]\` where target units get the \`${profile.name}\` profile`
                : 'they link different copies of their dependencies';
        what = `\`${rep.target.name}\` is compiled twice in this build, as ${who}, because ${why}; both copies write the same ${fileWord}, ${files} (cargo warns "output filename collision")`;
    }
    else {
        what = `${who} write the same ${fileWord}: ${files} (cargo warns "output filename collision")`;
    }
    let outcome;
    if (linkedByRust) {
        outcome = samePackage
            ? `a unit that links \`${resolve_crateName(rep)}\` may get the copy built with the other settings, and fail to link (an undefined symbol, a crate compiled with another panic strategy) or silently run that copy${linkedTypes.has('dylib') ? `; executables load \`${shown.split('/').pop()}\` from \`deps/\` at run time, whichever copy it is` : ''}`
            : `everything that links either gets whichever was written last: a binary that uses both silently runs one of them in place of the other, or fails to link`;
    }
    else if (linkedTypes.size > 0) {
        outcome = `the library left in \`deps/\` is either one`;
    }
    else if (c.units.some(u => u.target.kind === 'bin' || u.target.kind === 'example')) {
        outcome = `\`cargo run\` and anything that starts or ships \`${shown}\` may get the other one`;
    }
    else {
        outcome = `anything that loads or ships \`${shown}\` may get the other one`;
    }
    const message = `${what}. What ends up there depends on which unit finishes last: ${outcome}.`;
    const fixes = [];
    if (kindsDiffer) {
        fixes.push(`Build with \`--target ${rep.targetInfo.triple}\`: host units then go to \`${targetDir}/${profileDir(profile)}/\` and target units to \`${targetDir}/${rep.targetInfo.triple}/${profileDir(profile)}/\`, so the two copies no longer share a file.`);
        if (panics.size > 1)
            fixes.push('Or build with `panic = "unwind"` when build scripts or proc-macros use this library.');
        else if (hostProfileDiffers(profile)) {
            fixes.push(`Or give host units the target's settings (\`[profile.${profile.name}.build-override]\` with \`opt-level\` and the other settings of \`[profile.${profile.name}]\`), so cargo builds one copy.`);
        }
        fixes.push(`Or keep \`${rep.target.name}\` out of build scripts and proc-macros: move what they need into a plain library (\`rlib\`) crate.`);
    }
    else if (samePackage && panics.size > 1) {
        fixes.push('Build with `panic = "unwind"`, or build the test harnesses and the other artifacts in separate cargo invocations.');
    }
    else if (samePackage) {
        fixes.push('Build the artifacts that need the two copies in separate cargo invocations.');
    }
    else {
        const executables = c.units.every(u => u.target.kind === 'bin' || u.target.kind === 'example');
        const versions = c.units.every(u => u.pkg.name === rep.pkg.name);
        if (executables)
            fixes.push('Rename one of them (`name` in its `[[bin]]` or `[[example]]` table).');
        else if (versions)
            fixes.push(`Depend on one version of \`${rep.pkg.name}\` only (\`cargo tree -d\` shows which packages pull in which), or give one of them another library name (\`name\` in its \`[lib]\` table).`);
        else
            fixes.push('Rename one of the libraries (`name` in its `[lib]` table).');
        fixes.push('Or build them in separate cargo invocations (`-p`).');
    }
    return { ...base(rep, 'output-filename-collision', crateType), crates: [...new Set(c.units.map(resolve_crateName))], message, fixes, ...locate(ctx, c, rep, panics.size > 1, kindsDiffer) };
}
/**
 * Where the collision comes from: the `panic` setting when it separates the copies; the dependency entry
 * that brings the host copy in (a build script's or proc-macro's); for units of different packages, each
 * one's `crate-type` line (or package name, for bins), the first as the location.
 */
function locate(ctx, c, rep, panicSplit, kindsDiffer) {
    const { locator } = ctx;
    const nameLine = (u) => (u.target.kind === 'lib' || u.target.kind === 'proc-macro' ? locator.crateType(u) : locator.manifestKey(u.pkg, ['package', 'name']));
    // The files in `deps/` collide because the library's file names carry no hash.
    const unhashed = c.files.some(f => f.linked && !f.debugInfo)
        ? [{ ...nameLine(rep), message: `\`crate-type\` of \`${rep.pkg.name}\`: cargo names the files of a path package's dylib or cdylib without a hash` }]
        : [];
    if (panicSplit) {
        const abort = c.units.find(u => u.panic === 'abort') ?? rep;
        const { related = [], ...at } = locator.setting('panic', abort);
        return { ...at, related: [...related, ...unhashed] };
    }
    if (kindsDiffer) {
        const entry = hostEntry(ctx.graph, c.units.find(u => u.kind === 'host'));
        if (entry === null)
            return locator.crateType(rep);
        const { related = [], ...at } = locator.dependency(entry.from, entry.dep.unit, entry.dep.edge, entry.dep.platform);
        return { ...at, related: [...related, ...unhashed] };
    }
    const related = c.units.slice(1).map(u => ({ ...nameLine(u), message: `${describeUnit(u)} of \`${u.pkg.name} ${u.pkg.version}\`` }));
    return { ...nameLine(rep), related };
}
/** Each unit's dependents, built once per graph (only when a host copy collides). */
const dependentsOf = new WeakMap();
/**
 * The dependency entry through which a host copy gets into the build: the nearest build script or proc-macro
 * (or target unit) above it, following host libraries up (breadth first, so the shortest chain wins).
 */
function hostEntry(graph, host) {
    let dependents = dependentsOf.get(graph);
    if (dependents === undefined) {
        dependents = new Map();
        for (const from of graph.units) {
            for (const dep of from.crates) {
                const list = dependents.get(dep.unit);
                if (list)
                    list.push({ from, dep });
                else
                    dependents.set(dep.unit, [{ from, dep }]);
            }
        }
        dependentsOf.set(graph, dependents);
    }
    const seen = new Set([host]);
    let level = [host];
    while (level.length > 0) {
        const next = [];
        for (const unit of level) {
            const edges = dependents.get(unit) ?? [];
            const entry = edges.find(e => e.from.target.kind === 'custom-build') ?? edges.find(e => e.from.kind === 'target' || e.from.target.kind === 'proc-macro');
            if (entry)
                return entry;
            for (const e of edges) {
                if (seen.has(e.from))
                    continue;
                seen.add(e.from);
                next.push(e.from);
            }
        }
        level = next;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/rules/feature-steps.ts
/** The optional edges of a chain of units (each links the next), each with what turned it on. */
function featureSteps(chain, metadata, locator) {
    const steps = [];
    for (let i = 0; i + 1 < chain.length; i++) {
        const edge = chain[i].crates.find(c => c.unit === chain[i + 1]);
        if (edge?.activatedBy == null)
            continue;
        steps.push(featureStep(i, edge.activatedBy, metadata, locator));
    }
    return steps;
}
/**
 * The step for one optional edge, from its causes (nearest first): the outermost workspace member whose
 * manifest asks, at its entry nearest the edge; the command line when nothing in the repository asks; else the
 * nearest cause.
 */
function featureStep(from, causes, metadata, locator) {
    const inManifest = (c) => c.origin.by !== 'command-line';
    const isMember = (c) => inManifest(c) && metadata.workspaceMembers.includes(c.origin.pkg.id);
    let k = causes.length - 1;
    while (k >= 0 && !isMember(causes[k]))
        k--;
    // Within that package, the entry nearest the dependency: `audio = ["dep:plugin"]` rather than the
    // `default = ["audio"]` that turns `audio` on.
    while (k > 0 && inManifest(causes[k - 1]) && causes[k - 1].origin.pkg === causes[k].origin.pkg)
        k--;
    const root = causes[causes.length - 1];
    const chosen = k >= 0 ? causes[k] : root.origin.by === 'command-line' ? root : causes[0];
    const { origin, value } = chosen;
    if (origin.by === 'command-line')
        return { from, by: 'command-line', package: origin.pkg.name, name: value, text: `--features ${value}` };
    // A feature asked for by name on the command line, not merely by default, is worth saying.
    const asked = root !== chosen && root.origin.by === 'command-line' && root.value !== 'default' ? { commandLine: `--features ${root.value}` } : {};
    if (origin.by === 'feature') {
        const values = origin.pkg.featureMap.get(origin.feature) ?? [];
        const text = `${origin.feature} = [${values.map(v => JSON.stringify(v)).join(', ')}]`;
        const line = lineOf(locator.manifestKey(origin.pkg, ['features', origin.feature]));
        return { from, by: 'feature', package: origin.pkg.name, name: origin.feature, text, ...line, ...asked };
    }
    const text = value === 'default' ? 'default-features' : `features = [${JSON.stringify(value)}]`;
    return { from, by: 'dependency', package: origin.pkg.name, name: origin.nameInToml, text, ...lineOf(locator.dependencyNamed(origin.pkg, origin.nameInToml)), ...asked };
}
function lineOf(location) {
    return { file: location.file, line: location.line };
}
/**
 * Where a finding whose crates come in through `steps` points: the first step's manifest line, with the
 * finding's own location kept as a related line (`ownIs` says what it is; null drops it). Without such a
 * step, the finding's own location.
 */
function locateByFeature(steps, own, ownIs) {
    const step = steps.find(s => s.file !== undefined && s.line !== undefined);
    if (step === undefined)
        return own;
    const related = ownIs === null ? (own.related ?? []) : [{ file: own.file, line: own.line, message: ownIs }, ...(own.related ?? [])];
    return { file: step.file, line: step.line, ...(related.length > 0 ? { related } : {}) };
}

;// CONCATENATED MODULE: ./src/linkage/startup.ts
/**
 * Which Rust shared libraries an executable misses when it is started outside cargo: from where cargo put
 * it, and copied alone into another directory of the same machine. Under `cargo run` and `cargo test` the
 * library path cargo sets covers the build's own directories and the toolchain's target libdir
 * (`Compilation::fill_env`), so only the Windows unwinder DLL can be missing there (`underCargo`). Sources
 * in docs/platforms.md.
 */



function placeOf(unit) {
    if (unit.mode !== 'build')
        return 'deps';
    return unit.target.kind === 'example' ? 'examples' : 'profile-dir';
}
/** A dylib of a registry or git package: its file carries cargo's metadata hash, and the uplifted copy does not. */
function hashed(file) {
    return file.includes('-<hash>');
}
/** Whether a library file is in the executable's directory when it is started in place. */
function besideInPlace(place, file) {
    return place === 'deps' || (place === 'profile-dir' && !hashed(file));
}
/**
 * Whether the `$ORIGIN`/`@loader_path` rpath rustc computes from `deps/` to the toolchain's library directory
 * (rustc's `rpath::get_rpath_relative_to_output`) climbs to the root: it does when the two paths share nothing
 * but the root. Extra `..` are then absorbed at `/`, so the path still reaches the toolchain from the profile
 * directory one level up, and from a copy in any directory no deeper than `deps/`; otherwise it misses by as
 * many levels as the executable moved.
 */
function rpathClimbsToRoot(targetDir, libDir) {
    const a = external_node_path_default().resolve(targetDir).split((external_node_path_default()).sep).filter(Boolean);
    const b = external_node_path_default().resolve(libDir).split((external_node_path_default()).sep).filter(Boolean);
    return a.length === 0 || b.length === 0 || a[0] !== b[0];
}
/**
 * The startup of an executable unit that links `libraries` (file names, `std`'s among them) dynamically, or
 * null when the target's loader is not modelled or nothing is missing anywhere.
 */
function startupOf(unit, libraries, targetDir) {
    const info = unit.targetInfo;
    const family = loaderFamily(info);
    if (family === 'unmodelled' || family === 'wasm' || libraries.length === 0)
        return null;
    const std = info.stdDylib;
    const place = placeOf(unit);
    const own = libraries.filter(l => l !== std);
    const toolchain = libraries.filter(l => l === std);
    let inPlace;
    let copiedAlone;
    let underCargo = [];
    if (family === 'windows') {
        // The loader searches the executable's directory, then PATH; Windows has no rpath (`has_rpath` is false).
        const unwinder = dynamicUnwinderDll(info);
        if (unwinder !== null) {
            toolchain.push(unwinder);
            underCargo = [unwinder];
        }
        inPlace = [...toolchain, ...own.filter(l => !besideInPlace(place, l))];
        copiedAlone = [...toolchain, ...own];
    }
    else {
        const stdFound = family === 'elf' && stdOnDefaultLoaderPath(info);
        const needed = stdFound ? own : libraries;
        copiedAlone = [...needed];
        if (!unit.rpath) {
            // macOS: a workspace dylib's install name is the absolute path rustc wrote it to, so dyld finds it while the
            // target directory exists; std's is `@rpath/libstd-<hash>.dylib` (`GccLinker::build_dylib`, bootstrap's
            // `-Zosx-rpath-install-name`).
            inPlace = family === 'darwin' ? needed.filter(l => l === std) : [...needed];
            if (family === 'darwin')
                copiedAlone = [...inPlace];
        }
        else {
            // rpaths point from rustc's output directory: `deps/` for bins and tests, `examples/` for examples.
            const climbs = rpathClimbsToRoot(targetDir, info.stdDylibDir ?? info.targetLibdir);
            inPlace = needed.filter(l => (l === std ? place === 'profile-dir' && !climbs : !besideInPlace(place, l) && place !== 'examples'));
            copiedAlone = needed.filter(l => !(l === std && climbs));
        }
    }
    const sorted = (list) => [...new Set(list)].sort();
    if (inPlace.length === 0 && copiedAlone.length === 0)
        return null;
    return { inPlace: sorted(inPlace), copiedAlone: sorted(copiedAlone), underCargo: sorted(underCargo) };
}

;// CONCATENATED MODULE: ./src/rules/dependency-format.ts





const STD_CRATES = new Set(['std', 'core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro']);
/** One finding per kind of dependency-format error of an artifact, in rustc's order. */
function formatFindings(result, crateType, errors, linkage, locator, metadata) {
    const unit = result.unit;
    const f = {
        result,
        crateType,
        errors,
        linkage,
        locator,
        metadata,
        unit,
        what: describeUnit(unit, crateType),
        ct: crateType,
        nameOf: key => linkage.crateNames.get(key)?.name ?? key,
        unitOf: key => linkage.crateNames.get(key)?.unit ?? null
    };
    return [duplicateLinkageFinding(f), rlibRequiredFinding(f), dylibRequiredFinding(f), panicStrategyFinding(f)].filter((d) => d !== null);
}
/** `duplicate-linkage`: rustc's "cannot satisfy dependencies so `x` only shows up once". */
function duplicateLinkageFinding(f) {
    const { result, errors, linkage, locator, unit, what, ct, nameOf, unitOf } = f;
    const pathOf = (crate, origin) => inclusionPath(f, crate, origin);
    const duplicates = errors.filter((e) => e.kind === 'crate-dep-multiple');
    if (duplicates.length > 0) {
        // Report the crate the user can act on: std stands for the whole standard library.
        const names = [...new Set(duplicates.map(d => d.crate))];
        const shown = names.filter(n => !STD_CRATES.has(n) || n === 'std');
        const crates = shown.length > 0 ? shown : ['std'];
        const primary = duplicates.find(d => d.crate === crates[0]) ?? duplicates[0];
        const describe = (o, crate) => {
            if (o.via !== null) {
                const viaName = nameOf(o.via);
                return o.preference === 'static' ? `statically inside dylib \`${viaName}\`` : `dynamically, as a dependency of dylib \`${viaName}\``;
            }
            if (o.preference === 'dynamic') {
                const owner = crate === 'std' ? null : findCrateUnit(result, linkage, crate);
                const file = crate === 'std' ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null;
                return `dynamically${file ? ` as \`${file}\`` : ''}`;
            }
            return 'statically as an rlib';
        };
        const staticVia = [primary.existing, primary.incoming].map(o => o.via).filter((v) => v !== null);
        const culprit = staticVia.map(unitOf).find((u) => u !== null) ?? null;
        const extra = crates.includes('std') && names.length > crates.length ? ' (with the rest of the standard library)' : '';
        const others = crates.filter(c => c !== primary.crate);
        const also = others.length > 0 ? ` ${listCrates(others)} would be included twice as well.` : '';
        const message = `${what} cannot link: \`${primary.crate}\` would be included twice${extra} — ${describe(primary.existing, primary.crate)} and ${describe(primary.incoming, primary.crate)}.${also} ` +
            `rustc: "cannot satisfy dependencies so \`${primary.crate}\` only shows up once".`;
        const inclusion = uniqueBy(duplicates.filter(d => crates.includes(d.crate)).flatMap(d => [pathOf(d.crate, d.existing), pathOf(d.crate, d.incoming)]), p => JSON.stringify(p));
        return {
            ...base(unit, 'duplicate-linkage', ct),
            crates,
            message,
            fixes: duplicateFixes(unit, primary, culprit, nameOf),
            inclusion,
            ...locateByFeature(inclusion.flatMap(p => p.features ?? []), culprit ? locator.crateType(culprit) : locator.crateType(unit), `\`crate-type\` of \`${(culprit ?? unit).target.name}\``)
        };
    }
    return null;
}
/** `rlib-required`: a staticlib or crt-static executable over a crate available only as a dylib. */
function rlibRequiredFinding(f) {
    const { result, crateType, errors, linkage, locator, unit, what, ct } = f;
    const rlibRequired = errors.filter(e => e.kind === 'rlib-required' || (e.kind === 'lib-required' && e.format === 'rlib'));
    if (rlibRequired.length > 0) {
        const names = [...new Set(rlibRequired.map(e => e.crate))];
        const culprit = findCrateUnit(result, linkage, names[0]);
        const inclusion = names.map(n => inclusionPath(f, n, { preference: 'dynamic', via: null }));
        const why = crateType === 'staticlib' ? 'a staticlib must contain every upstream crate' : 'a statically linked (crt-static) executable must contain every upstream crate';
        return {
            ...base(unit, 'rlib-required', ct),
            crates: names,
            inclusion,
            message: `${what} cannot link: ${why}, but ${names.map(n => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
            fixes: [crateType === 'staticlib' ? 'Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs.' : 'Or drop `+crt-static` for this executable.'],
            ...locateByFeature(inclusion.flatMap(p => p.features ?? []), culprit ? locator.crateType(culprit) : locator.crateType(unit), `\`crate-type\` of \`${(culprit ?? unit).target.name}\``)
        };
    }
    return null;
}
/** `dylib-required`: a crate an upstream dylib links dynamically has no dylib. */
function dylibRequiredFinding(f) {
    const { errors, locator, unit, what, ct } = f;
    const dylibRequired = errors.filter(e => e.kind === 'lib-required' && e.format === 'dylib');
    if (dylibRequired.length > 0) {
        const names = [...new Set(dylibRequired.map(e => e.crate))];
        return {
            ...base(unit, 'dylib-required', ct),
            crates: names,
            message: `${what} cannot link: ${names.map(n => `\`${n}\``).join(', ')} must be linked dynamically (an upstream dylib was built against its dylib) but no dylib of it is available. rustc: "crate \`${names[0]}\` required to be available in dylib format, but was not found in this form".`,
            fixes: ['Rebuild the dylibs that depend on it from a clean target directory, with the same flags.', `Or add \`"dylib"\` to \`crate-type\` of ${names.map(n => `\`${n}\``).join(', ')}.`],
            ...locator.crateType(unit)
        };
    }
    return null;
}
/** `panic-strategy`: a panic runtime or crate that does not match the artifact's strategy. */
function panicStrategyFinding(f) {
    const { result, errors, locator, unit, what, ct } = f;
    const panic = errors.filter(e => e.kind === 'bad-panic-strategy' || e.kind === 'required-panic-strategy' || e.kind === 'two-panic-runtimes');
    if (panic.length > 0) {
        const first = panic[0];
        let text;
        let crates;
        if (first.kind === 'bad-panic-strategy') {
            text = `the linked panic runtime \`${first.runtime}\` is not compiled with this crate's panic strategy \`${first.strategy}\``;
            crates = [first.runtime];
        }
        else if (first.kind === 'required-panic-strategy') {
            text = `the crate \`${first.crate}\` requires panic strategy \`${first.found}\` which is incompatible with this crate's strategy of \`${first.desired}\``;
            crates = [first.crate];
        }
        else {
            text = `cannot link together two panic runtimes: ${first.first} and ${first.second}`;
            crates = [first.first, first.second];
        }
        const stdDynamic = result.artifacts.some(a => a.formats?.linkage.get('sys:std') === 'dynamic');
        const fixes = stdDynamic
            ? ['`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.']
            : ['Build every crate linked into this artifact with the same panic strategy (one profile `panic` setting, no `-C panic` in rustflags for some crates only).'];
        return {
            ...base(unit, 'panic-strategy', ct),
            crates,
            message: `${what} cannot link with \`panic = "${unit.panic}"\`: rustc: "${text}".`,
            fixes,
            ...locator.setting(unit.panicSource === 'rustflags' ? 'rustflags' : 'panic', unit)
        };
    }
    return null;
}
/**
 * The way `crate` gets into the unit's artifact through `origin`, as a chain of crate names, with what turned
 * on the optional dependencies along it.
 */
function inclusionPath(f, crate, origin) {
    const { result, linkage, locator, metadata, unit } = f;
    let units = [];
    let chain;
    if (origin.via !== null) {
        const bringer = linkage.crateNames.get(origin.via);
        units = bringer?.unit ? linkChain(unit, bringer.unit) : [];
        chain = units.length > 0 ? units.map(resolve_crateName) : [resolve_crateName(unit), bringer?.name ?? origin.via];
    }
    else {
        // Added for itself: the chain runs to the crate's dependent, so the crate itself is not repeated.
        const own = findCrateUnit(result, linkage, crate);
        units = own ? linkChain(unit, own) : [];
        chain = units.length > 0 ? units.slice(0, -1).map(resolve_crateName) : [resolve_crateName(unit)];
    }
    const dynamic = origin.preference === 'dynamic';
    const path = { chain, crate, how: origin.via !== null && !dynamic ? 'inside-dylib' : dynamic ? 'dynamic' : 'static' };
    const steps = featureSteps(units, metadata, locator);
    if (steps.length > 0)
        path.features = steps;
    if (dynamic) {
        const owner = crate === 'std' ? null : findCrateUnit(result, linkage, crate);
        const file = crate === 'std' ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null;
        if (file)
            path.file = file;
    }
    return path;
}
function findCrateUnit(result, linkage, name) {
    for (const c of result.crates) {
        if (c.name !== name)
            continue;
        return linkage.crateNames.get(c.key)?.unit ?? null;
    }
    return null;
}
function duplicateFixes(unit, primary, culprit, nameOf) {
    const fixes = [];
    const staticVias = [primary.existing, primary.incoming].filter(o => o.preference === 'static' && o.via !== null).map(o => nameOf(o.via));
    // Adding `"rlib"`, `-p`, `--exclude`, a command-line feature and `-C prefer-dynamic` are fixes/candidates.ts's
    // candidates, offered once verified; what stays here is advice the engine does not try.
    if (primary.crate === 'std' && culprit)
        return fixes;
    if (staticVias.length > 0) {
        fixes.push(`Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map(v => `\`${v}\``).join(' and ')} share one copy instead of each containing it.`);
        fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`);
    }
    else {
        fixes.push('Make every upstream crate available in one format (all rlib, or all dylib).');
    }
    return fixes;
}
function uniqueBy(items, key) {
    const seen = new Set();
    return items.filter(item => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

;// CONCATENATED MODULE: ./src/rules/linkage.ts







/** The findings rustc and cargo would produce for each unit's linkage, and `runtime-dylib`. */
function linkageFindings(linkage, locator, metadata) {
    const findings = [];
    for (const result of linkage.results) {
        if (result.status === 'blocked')
            continue;
        if (result.status === 'error')
            findings.push(...problemFindings(result, linkage, locator, metadata));
        if (result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0) {
            findings.push(unsupportedFinding(result, 'warning', locator));
        }
        if (result.status === 'ok') {
            const runtime = runtimeFinding(result, linkage, locator, metadata);
            if (runtime)
                findings.push(runtime);
        }
    }
    return findings;
}
/** The findings of a unit rustc or cargo would refuse: one per problem, the dependency-format errors per artifact. */
function problemFindings(result, linkage, locator, metadata) {
    const out = [];
    const formatErrors = new Map();
    for (const p of result.problems) {
        if (p.kind === 'dependency-format')
            formatErrors.set(p.crateType, [...(formatErrors.get(p.crateType) ?? []), p.error]);
        else
            out.push(problemFinding(result, p, locator));
    }
    for (const [crateType, errors] of formatErrors)
        out.push(...formatFindings(result, crateType, errors, linkage, locator, metadata));
    return out;
}
function problemFinding(result, p, locator) {
    switch (p.kind) {
        case 'embed-bitcode-lto':
            return embedBitcodeFinding(result.unit, locator);
        case 'panic-abort-test':
            return panicAbortTestFinding(result.unit, locator);
        case 'unsupported-crate-types':
            return unsupportedFinding(result, 'error', locator);
        case 'unlinkable-dependency':
            return unlinkableFinding(result.unit, p, locator);
        case 'proc-macro-unloadable':
            return procMacroFinding(result.unit, p, locator);
        case 'lto':
            return ltoFinding(result.unit, p, locator);
    }
}
/** `lto-conflict`: `-C lto` from rustflags on a unit cargo compiles with `-C embed-bitcode=no`. */
function embedBitcodeFinding(unit, locator) {
    return {
        ...base(unit, 'lto-conflict'),
        crates: [resolve_crateName(unit)],
        message: `${describeUnit(unit)} fails: rustflags ask for \`-C lto\` but cargo compiles this unit with \`-C embed-bitcode=no\` ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
        fixes: ['Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'],
        ...locator.setting('rustflags', unit)
    };
}
/** `panic-strategy`: a test harness that rustflags build with `-C panic=abort`. */
function panicAbortTestFinding(unit, locator) {
    return {
        ...base(unit, 'panic-strategy'),
        crates: [resolve_crateName(unit)],
        message: `${describeUnit(unit)} fails: rustflags ask for \`-C panic=abort\`, and rustc does not build a test harness with it ("building tests with panic=abort is not supported without \`-Zpanic_abort_tests\`").`,
        fixes: [
            'Drop `-C panic=abort` from rustflags when running tests, and set `panic = "abort"` in the profile instead: cargo builds test harnesses with unwind whatever the profile says.',
            'Or, on a nightly compiler, add `-Zpanic-abort-tests`.'
        ],
        ...locator.setting('rustflags', unit)
    };
}
/** `no-linkable-lib`: a dependency (or the package's own library) that is only a cdylib or staticlib. */
function unlinkableFinding(unit, p, locator) {
    return {
        ...base(unit, 'no-linkable-lib'),
        crates: [p.dep.pkg.name],
        message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map(t => `\`${t}\``).join(' and ')}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
        fixes: [`Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`],
        ...(p.dep.edge === 'own-lib'
            ? locator.crateType(unit)
            : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null))
    };
}
/** `proc-macro-dylib`: a proc-macro that links Rust dylibs rustc cannot find when it loads the macro. */
function procMacroFinding(unit, p, locator) {
    const pm = p.procMacro;
    return {
        ...base(unit, 'proc-macro-dylib'),
        crates: [resolve_crateName(pm), ...p.libraries],
        message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map(l => `\`${l}\``).join(', ')} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${resolve_crateName(pm)}\`).`,
        fixes: [`Or move the code the proc-macro needs into a plain library crate.`],
        ...locator.dependency(unit, pm, 'normal', null)
    };
}
/** `unsupported-crate-type`: crate types the target cannot produce; an error when none is left. */
function unsupportedFinding(result, severity, locator) {
    const unit = result.unit;
    const dropped = result.droppedCrateTypes;
    const triple = unit.targetInfo.triple;
    const types = dropped.map(t => `\`${t}\``).join(', ');
    const crtStatic = unit.rustflags.some(f => f.includes('crt-static'));
    const message = severity === 'error'
        ? `${describeUnit(unit)} cannot be built: target \`${triple}\` does not support any of its crate types (${types}) with the flags in effect; cargo stops with "cannot produce ${dropped.join(', ')} for \`${unit.pkg.name}\`".`
        : `${describeUnit(unit)}: target \`${triple}\` cannot produce ${types}; rustc drops ${dropped.length === 1 ? 'it' : 'them'} with a warning and builds only ${unit.crateTypes.map(t => `\`${t}\``).join(', ')}.`;
    const fixes = crtStatic
        ? ['`-C target-feature=+crt-static` forbids dynamic crate types: pass it only with `--target <triple>` (so build scripts and proc-macros are built without it), or drop it.']
        : [`Remove ${types} from \`crate-type\` for this target, or build for a target that supports ${dropped.length === 1 ? 'it' : 'them'}.`];
    return {
        ...base(unit, 'unsupported-crate-type', dropped[0]),
        severity,
        crates: [resolve_crateName(unit)],
        message,
        fixes,
        ...(crtStatic ? locator.setting('rustflags', unit) : locator.crateType(unit))
    };
}
/** `lto-conflict`: LTO where rustc's LTO checks refuse it. */
function ltoFinding(unit, p, locator) {
    const texts = {
        'prefer-dynamic': 'cannot prefer dynamic linking when performing LTO',
        dylib: 'lto cannot be used for `dylib` crate type without `-Zdylib-lto`',
        'proc-macro': 'lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`',
        mixed: 'lto can only be run for executables, cdylibs and static library outputs',
        'linker-plugin-windows': 'linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting Windows-like targets'
    };
    const fromRustflags = unit.lto.kind !== 'run';
    const fixes = p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows'
        ? ['Use LTO only in profiles that link statically, with no `-C prefer-dynamic`.']
        : ['Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it.'];
    return {
        ...base(unit, 'lto-conflict', p.crateType === 'rlib' || p.crateType === null ? undefined : p.crateType),
        crates: [resolve_crateName(unit)],
        message: p.gate === 'linker-plugin-windows'
            ? `${describeUnit(unit)} fails before compiling: cargo passes it \`-C linker-plugin-lto\` because it only feeds artifacts built with LTO, and with \`-C prefer-dynamic\` rustc refuses that on \`${unit.targetInfo.triple}\` ("${texts[p.gate]}").`
            : `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
        fixes,
        ...locator.setting(fromRustflags || p.gate === 'prefer-dynamic' || p.gate === 'linker-plugin-windows' ? 'rustflags' : 'lto', unit)
    };
}
const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench']);
/**
 * `runtime-dylib`: an executable that misses Rust shared libraries (or the Windows unwinder DLL) when started
 * outside cargo. A warning when it does not start where cargo put it; a note when it only fails copied alone
 * (an rpath, or a DLL cargo put next to it).
 */
function runtimeFinding(result, linkage, locator, metadata) {
    const unit = result.unit;
    const executable = unit.mode === 'test' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'));
    if (!executable || result.runtimeLibraries.length === 0)
        return null;
    const family = loaderFamily(unit.targetInfo);
    const startup = family === 'unmodelled' ? genericStartup(unit, result.runtimeLibraries) : startupOf(unit, result.runtimeLibraries, metadata.targetDirectory);
    if (startup === null)
        return null;
    // Point at the first workspace dylib this executable depends on directly, else at what made std dynamic;
    // at the feature that turned on a dylib, when one did.
    const dynamic = (dep) => result.artifacts.some(a => a.formats?.linkage.get(unitKey(dep)) === 'dynamic');
    const direct = unit.crates.find(d => d.unit.crateTypes.includes('dylib') && dynamic(d.unit));
    const inclusion = dynamicDylibs(result, linkage).map(dylib => {
        const chain = linkChain(unit, dylib);
        const steps = featureSteps(chain, metadata, locator);
        const path = { chain: chain.slice(0, -1).map(resolve_crateName), crate: resolve_crateName(dylib), how: 'dynamic', file: dylibFileName(dylib) };
        if (steps.length > 0)
            path.features = steps;
        return path;
    });
    // Else the dependency that leads to the nearest dylib (`engine`, which turns on `engine_dylib`); else what made
    // std dynamic.
    const nearest = dynamicDylibs(result, linkage)[0];
    const firstHop = nearest === undefined ? undefined : linkChain(unit, nearest)[1];
    const via = direct ?? unit.crates.find(d => d.unit === firstHop);
    const own = via ? locator.dependency(unit, via.unit, via.edge, via.platform) : locator.setting('rustflags', unit);
    const location = locateByFeature(inclusion.flatMap(p => p.features ?? []), own, via ? `dependency \`${via.externName}\`` : null);
    // A proc-macro's test harness links `libstd` dynamically like the proc-macro, but nobody ships it and only
    // `cargo test` runs it, with the library path set: worth knowing, not a warning.
    const quiet = (unit.mode === 'test' && unit.target.kind === 'proc-macro') || startup.inPlace.length === 0;
    return {
        ...base(unit, 'runtime-dylib', 'bin'),
        ...(quiet ? { severity: 'note' } : {}),
        crates: missingAnywhere(startup),
        message: startupMessage(unit, family, startup, result.runtimeLibraries),
        fixes: startupFixes(unit, family, startup),
        startup,
        ...(inclusion.length > 0 ? { inclusion } : {}),
        ...location
    };
}
/** A target whose loader is not modelled: every library counts as missing outside cargo, unless an rpath is set. */
function genericStartup(unit, libraries) {
    if (unit.rpath)
        return null;
    return { inPlace: [...libraries], copiedAlone: [...libraries], underCargo: [] };
}
/** What the executable misses in place or copied alone: the finding's crates. */
function missingAnywhere(startup) {
    return [...new Set([...startup.inPlace, ...startup.copiedAlone])].sort();
}
function listed(files) {
    return files.map(f => `\`${f}\``).join(', ');
}
function startupMessage(unit, family, startup, libraries) {
    const runner = unit.mode === 'test' ? '`cargo test`' : unit.target.kind === 'example' ? '`cargo run --example`' : '`cargo run`';
    const where = unit.mode !== 'build' ? '`deps/`' : unit.target.kind === 'example' ? '`examples/`' : '`target/`';
    const failure = family === 'windows' ? 'STATUS_DLL_NOT_FOUND (0xc0000135)' : family === 'darwin' ? '"dyld: Library not loaded"' : '"error while loading shared libraries"';
    const all = missingAnywhere(startup);
    const noRpath = family !== 'windows' && !unit.rpath;
    const underCargo = startup.underCargo.length > 0
        ? `it starts under ${runner} only if ${listed(startup.underCargo)} is on \`PATH\` (it comes with the MinGW-w64 toolchain; rustup 1.28.2 and later add their toolchain's \`bin\` for cargo)`
        : `it starts under ${runner}, which sets \`${libraryPathVariable(family)}\``;
    const extra = startup.copiedAlone.filter(l => !startup.inPlace.includes(l));
    let direct;
    if (startup.inPlace.length === 0) {
        direct = `and from ${where}${unit.rpath && family !== 'windows' ? ' through its rpath' : ''}, but copied elsewhere it fails with ${failure}, missing ${listed(startup.copiedAlone)}`;
    }
    else if (extra.length === 0 && startup.inPlace.length === all.length) {
        direct = `but run directly, from ${where} or copied elsewhere, it fails with ${failure}`;
    }
    else {
        direct = `but run from ${where} it fails with ${failure}, missing ${listed(startup.inPlace)}${extra.length > 0 ? `, and copied elsewhere it also misses ${listed(extra)}` : ''}`;
    }
    const parts = [`${describeUnit(unit)} needs ${listed(all)} at run time${noRpath ? ' and has no rpath (`rpath = false`)' : ''}: ${underCargo}, ${direct}.`];
    if (family === 'windows')
        parts.push('Windows has no rpath: DLLs are found next to the executable or on `PATH`.');
    const found = libraries.filter(l => !all.includes(l) && l !== unit.targetInfo.stdDylib);
    if (family === 'darwin' && !unit.rpath && found.length > 0) {
        parts.push(`${listed(found)} ${found.length === 1 ? 'is' : 'are'} found through the absolute path rustc gave ${found.length === 1 ? 'it' : 'them'}: only on this machine, while \`target/\` exists.`);
    }
    if (all.some(l => l.includes('-<hash>') && !/^(lib)?std-/.test(l)))
        parts.push("`<hash>` stands for cargo's metadata hash of the package, known once it is built.");
    return parts.join(' ');
}
function startupFixes(unit, family, startup) {
    const info = unit.targetInfo;
    const missing = missingAnywhere(startup);
    const std = info.stdDylib;
    const stays = 'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.';
    if (family === 'windows') {
        const unwinder = startup.underCargo[0];
        const sources = [
            ...(std !== null && missing.includes(std) ? [`\`${std}\` is in \`${info.targetLibdir}\``] : []),
            ...(unwinder !== undefined ? [`\`${unwinder}\` comes from the MinGW-w64 toolchain that linked it (with \`libwinpthread-1.dll\` for its POSIX-threads build)`] : [])
        ];
        return [
            stays,
            `Or ship ${listed(missing)} in the executable's directory${sources.length > 0 ? ` (${sources.join('; ')})` : ''}.`,
            'Or put the directories that hold them on `PATH` when starting it.'
        ];
    }
    return [
        stays,
        unit.rpath
            ? `Or ship ${listed(missing)} beside the executable with an rpath that names that directory (\`-C link-arg=-Wl,-rpath,${family === 'darwin' ? '@loader_path' : '$ORIGIN'}\`)${std !== null && missing.includes(std) ? `; \`${std}\` is in \`${info.targetLibdir}\`` : ''}.`
            : `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${listed(missing)} beside it${std !== null && missing.includes(std) ? ` (\`${std}\` is in \`${info.targetLibdir}\`)` : ''}.`,
        `Or set the library path (\`${libraryPathVariable(family)}\`) when starting it.`
    ];
}
/** The Rust dylibs an artifact of the unit links dynamically, nearest first. */
function dynamicDylibs(result, linkage) {
    const keys = new Set();
    for (const a of result.artifacts)
        for (const [key, how] of a.formats?.linkage ?? [])
            if (how === 'dynamic')
                keys.add(key);
    const units = [...keys].map(k => linkage.crateNames.get(k)?.unit).filter((u) => u != null);
    return units
        .map(u => ({ u, depth: linkChain(result.unit, u).length }))
        .filter(e => e.depth > 0)
        .sort((a, b) => a.depth - b.depth || a.u.index - b.u.index)
        .map(e => e.u);
}

;// CONCATENATED MODULE: ./src/rules/doctests.ts






/** One finding per library whose running doc examples need a Rust shared library cargo does not provide. */
function doctestFindings(linkage, locator, metadata, crossTarget) {
    const out = [];
    for (const result of linkage.results) {
        if (result.unit.mode !== 'doctest' || result.unit.docExamples !== 'run' || result.status !== 'ok')
            continue;
        const finding = doctestRuntimeFinding(result, linkage, locator, metadata, crossTarget);
        if (finding)
            out.push(finding);
    }
    return out;
}
function doctestRuntimeFinding(result, linkage, locator, metadata, crossTarget) {
    const unit = result.unit;
    const std = unit.targetInfo.stdDylib;
    const stdMissing = std !== null && result.runtimeLibraries.includes(std) && !stdOnDefaultLoaderPath(unit.targetInfo);
    const missing = result.runtimeLibraries.filter(l => (l === std ? stdMissing : crossTarget));
    if (missing.length === 0)
        return null;
    // The dylib that makes std dynamic, or the first one not found: the nearest dylib the examples link.
    const dylib = dynamicDylibs(result, linkage)[0] ?? null;
    const chain = dylib ? linkChain(unit, dylib) : [];
    const steps = featureSteps(chain, metadata, locator);
    const own = dylib ? locator.dependencyNamed(chain[chain.length - 2]?.pkg ?? unit.pkg, resolve_crateName(dylib)) : locator.crateType(unit);
    const through = dylib ? ` (through dylib \`${resolve_crateName(dylib)}\`)` : '';
    const libdir = unit.targetInfo.targetLibdir;
    return {
        ...base(unit, 'doctest-runtime', 'bin'),
        crates: missing,
        message: `${describeUnit(unit)} fail when \`cargo test\` runs them: each example links ${missing.map(l => `\`${l}\``).join(', ')}${through}, and cargo runs doc tests with only ` +
            `${crossTarget ? 'the host\'s `target/<profile>/deps`' : '`target/<profile>/deps`'} on the library path, not the toolchain's library directory — every example fails with exit status 127 ("error while loading shared libraries").`,
        fixes: [
            'Link statically when testing: do not enable the feature or flag that brings the Rust dylib in for `cargo test` (Bevy-style `dynamic_linking` only for `cargo run`), or add `"rlib"` to the dylib\'s `crate-type`.',
            `Or put the toolchain's libraries on the path for \`cargo test\`: \`LD_LIBRARY_PATH="${libdir}" cargo test\` (\`DYLD_FALLBACK_LIBRARY_PATH\` on macOS, \`PATH\` on Windows); cargo adds its own directories in front.`,
            'Or mark the examples `no_run`: rustdoc still compiles them but does not run them.'
        ],
        ...(chain.length > 1 ? { inclusion: [{ chain: chain.slice(0, -1).map(resolve_crateName), crate: resolve_crateName(dylib), how: 'dynamic', file: dylibFileName(dylib), ...(steps.length > 0 ? { features: steps } : {}) }] } : {}),
        ...locateByFeature(steps, own, null)
    };
}

;// CONCATENATED MODULE: ./src/rules/duplicate-symbol.ts
/**
 * `duplicate-symbol`, two shapes. A library's unit-test harness is the library's own source compiled with `--test`. When a
 * dev-dependency depends back on the library, the harness also links the library's rlib: two static copies of
 * the same code in one executable. Mangled symbols differ between the copies (each copy has its own crate
 * hash), but an unmangled one — `#[no_mangle]`, `#[export_name]` — is defined by both, and the link fails with
 * "multiple definition of `sym`" once the linker pulls in the rlib's object file that defines it. It does so
 * when code linked into the harness calls a mangled function of the rlib that sits in that same codegen unit:
 * a fact of rustc's codegen-unit partitioning, which the sources cannot tell. Hence a warning, not an error.
 * And on windows-gnu, an unmangled symbol defined in an artifact and exported by a dylib it links dynamically.
 */





function duplicateSymbolFindings(ctx) {
    const exportsOf = ctx.facts.exportedSymbols;
    if (exportsOf === undefined)
        return [];
    return [...harnessFindings(ctx, exportsOf), ...importLibraryFindings(ctx, exportsOf)];
}
function harnessFindings(ctx, exportsOf) {
    const out = [];
    for (const result of ctx.linkage.results) {
        const unit = result.unit;
        if (unit.mode !== 'test' || unit.target.kind !== 'lib' || result.status === 'blocked')
            continue;
        const copy = staticCopy(result, ctx);
        if (copy === null)
            continue;
        // Sources are read only for the harnesses that link a copy of their own library.
        const exported = exportsOf(unit.target).filter(e => e.library && e.harness);
        if (exported.length === 0)
            continue;
        const chain = linkChain(unit, copy);
        const dep = unit.crates.find(d => d.unit === chain[1]);
        if (dep === undefined)
            continue;
        out.push(finding(ctx, unit, copy, chain, dep, exported));
    }
    return out;
}
/** The unit of the harness's own library that its executable links statically (an rlib), if any. */
function staticCopy(result, ctx) {
    const unit = result.unit;
    for (const crate of result.crates) {
        const owner = ctx.linkage.crateNames.get(crate.key)?.unit;
        if (owner == null || owner === unit || owner.pkg.id !== unit.pkg.id || owner.target.kind !== 'lib' || owner.target.name !== unit.target.name)
            continue;
        if (result.artifacts.some(a => a.formats?.linkage.get(unitKey(owner)) === 'static'))
            return owner;
    }
    return null;
}
function finding(ctx, unit, copy, chain, dep, exported) {
    const name = resolve_crateName(copy);
    const first = exported[0];
    const at = ctx.locator.file(first.file, first.line);
    const attribute = first.attribute === 'export_name' ? `#[export_name = "${first.symbol}"]` : '#[no_mangle]';
    const others = exported.length - 1;
    const symbols = `\`${first.symbol}\` (\`${attribute}\` at ${at.file}:${at.line})${others > 0 ? ` and ${others} more unmangled symbol${others === 1 ? '' : 's'}` : ''}`;
    const section = dep.edge === 'dev' ? 'dev-dependency' : dep.edge === 'build' ? 'build-dependency' : 'dependency';
    const via = chain.map(u => `\`${resolve_crateName(u)}\``).join(' → ');
    const message = `${describeUnit(unit)} links a second, static copy of \`${name}\`: the ${section} \`${dep.externName}\` depends back on it (${via}), ` +
        `so the harness (\`${name}\`'s source compiled with \`--test\`) and \`${name}\`'s rlib both define the unmangled symbol ${symbols}. ` +
        `The link fails with "multiple definition of \`${first.symbol}\`" (lld: "duplicate symbol: ${first.symbol}") when the linker pulls in the rlib's object file that defines it, ` +
        `that is when code reached through \`${dep.externName}\` calls a mangled function of \`${name}\` in the same codegen unit: this depends on rustc's codegen-unit partitioning, which cannot be known before compiling.`;
    const steps = featureSteps(chain, ctx.metadata, ctx.locator);
    const location = ctx.locator.dependency(unit, dep.unit, dep.edge, dep.platform);
    return {
        ...base(unit, 'duplicate-symbol'),
        crates: [name],
        message,
        fixes: [
            `Move the exported functions into a separate crate that both \`${name}\` and \`${dep.externName}\` depend on, so that one copy defines \`${first.symbol}\`.`,
            `Or make the ${section} \`${dep.externName}\` not depend back on \`${name}\` (move what it uses from \`${name}\` into it or into a shared crate), so the harness links no second copy.`,
            `Or gate the export with \`#[cfg(not(test))]\`, or keep the function and export it only outside tests with \`#[cfg_attr(not(test), unsafe(no_mangle))]\`, so the harness does not define \`${first.symbol}\`.`
        ],
        inclusion: [{ chain: chain.slice(0, -1).map(resolve_crateName), crate: name, how: 'static', ...(steps.length > 0 ? { features: steps } : {}) }],
        ...location,
        related: [...(location.related ?? []), { file: at.file, line: at.line, message: `\`${attribute}\` on \`${first.symbol}\`, defined by both copies` }]
    };
}
/**
 * On windows-gnu, an artifact that links a Rust dylib dynamically gets every symbol the dylib exports from its
 * import library (`lib<name>.dll.a`), the unmangled ones of the crates inside it included. When a crate the
 * artifact links statically (or the artifact itself) defines one of those unmangled names too, the MinGW linker
 * resolves the name from the import library first (rustc's `symbols.o` asks for every export) and fails with
 * "multiple definition" once it pulls in that crate's object file for anything else — or, if it never does,
 * silently calls the dylib's function. ELF linkers accept both definitions. Checked with Debian's rustc 1.63
 * and MinGW-w64 12 under wine (docs/platforms.md).
 */
function importLibraryFindings(ctx, exportsOf) {
    const out = [];
    for (const result of ctx.linkage.results) {
        const unit = result.unit;
        if (result.status !== 'ok' || !isMingw(unit.targetInfo))
            continue;
        for (const artifact of result.artifacts) {
            const linkage = artifact.formats?.linkage;
            if (linkage === undefined)
                continue;
            const statics = [unit, ...[...linkage].filter(([, how]) => how === 'static').map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null)];
            const dylibs = [...linkage].filter(([, how]) => how === 'dynamic').map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null);
            const clash = firstClash(ctx, exportsOf, statics, dylibs);
            if (clash !== null) {
                out.push(importLibraryFinding(ctx, result, artifact.crateType, clash));
                break;
            }
        }
    }
    return out;
}
/** The first unmangled symbol defined both by a crate linked statically and by a crate inside a dynamic dylib. */
function firstClash(ctx, exportsOf, statics, dylibs) {
    const defined = new Map();
    for (const local of statics) {
        if (local == null)
            continue;
        for (const e of exportsOf(local.target))
            if (e.library && !defined.has(e.symbol))
                defined.set(e.symbol, { symbol: e, unit: local });
    }
    if (defined.size === 0)
        return null;
    for (const dylib of dylibs) {
        if (dylib == null)
            continue;
        const inside = [...(ctx.linkage.byUnit.get(dylib)?.dylibFormats ?? [])].filter(([, how]) => how === 'static').map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null);
        for (const owner of [dylib, ...inside]) {
            if (owner == null)
                continue;
            for (const e of exportsOf(owner.target)) {
                const local = defined.get(e.symbol);
                if (e.library && local !== undefined && local.unit !== owner)
                    return { symbol: local.symbol, local: local.unit, dylib, owner };
            }
        }
    }
    return null;
}
function importLibraryFinding(ctx, result, crateType, clash) {
    const unit = result.unit;
    const { symbol, local, dylib, owner } = clash;
    const at = ctx.locator.file(symbol.file, symbol.line);
    const attribute = symbol.attribute === 'export_name' ? `#[export_name = "${symbol.symbol}"]` : '#[no_mangle]';
    const importLibrary = dylibFileName(dylib).replace(/\.dll$/, '.dll.a').replace(/^/, 'lib');
    const definer = local === unit ? `${describeUnit(unit)} itself` : `\`${resolve_crateName(local)}\`, which it links statically,`;
    const inside = owner === dylib ? '' : ` (from \`${resolve_crateName(owner)}\`, which it contains)`;
    const message = `${describeUnit(unit)} gets the unmangled symbol \`${symbol.symbol}\` twice on \`${unit.targetInfo.triple}\`: ${definer} defines it (\`${attribute}\` at ${at.file}:${at.line}), ` +
        `and dylib \`${resolve_crateName(dylib)}\` exports it${inside} through its import library \`${importLibrary}\`. The MinGW linker takes \`${symbol.symbol}\` from the import library, ` +
        `then fails with "multiple definition of \`${symbol.symbol}\`" if it pulls in the object file of \`${resolve_crateName(local)}\` that defines it for anything else; if it does not, calls to \`${symbol.symbol}\` reach \`${resolve_crateName(dylib)}\`'s. ELF targets link both definitions.`;
    const hop = local === unit ? null : unit.crates.find(d => d.unit === linkChain(unit, local)[1]);
    const location = hop == null ? ctx.locator.crateType(unit) : ctx.locator.dependency(unit, hop.unit, hop.edge, hop.platform);
    return {
        ...base(unit, 'duplicate-symbol', crateType),
        crates: [resolve_crateName(local), resolve_crateName(owner)],
        message,
        fixes: [
            `Give one of the two definitions another name (\`#[export_name = "…"]\`), or keep the symbol in one crate that both use.`,
            `Or link \`${resolve_crateName(dylib)}\` statically here (an \`rlib\` beside its \`dylib\`, no \`-C prefer-dynamic\`), so the import library is not linked.`
        ],
        ...location,
        related: [...(location.related ?? []), { file: at.file, line: at.line, message: `\`${attribute}\` on \`${symbol.symbol}\`` }]
    };
}

;// CONCATENATED MODULE: ./src/rust-source/c-interface.ts
/** ABIs that follow the platform's C calling conventions (rustc's `ExternAbi`, the C family). */
const C_ABIS = new Set([
    'C',
    'C-unwind',
    'system',
    'system-unwind',
    'cdecl',
    'cdecl-unwind',
    'stdcall',
    'stdcall-unwind',
    'fastcall',
    'fastcall-unwind',
    'thiscall',
    'thiscall-unwind',
    'vectorcall',
    'vectorcall-unwind',
    'win64',
    'win64-unwind',
    'sysv64',
    'sysv64-unwind',
    'aapcs',
    'aapcs-unwind',
    'efiapi'
]);
const PRIMITIVES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool']);
/** The C types of `core::ffi` (re-exported by `std::ffi` and `std::os::raw`), and libc's usual size types. */
const C_TYPES = new Set([
    'c_char',
    'c_schar',
    'c_uchar',
    'c_short',
    'c_ushort',
    'c_int',
    'c_uint',
    'c_long',
    'c_ulong',
    'c_longlong',
    'c_ulonglong',
    'c_float',
    'c_double',
    'c_void',
    'c_size_t',
    'c_ssize_t',
    'c_ptrdiff_t',
    'size_t',
    'ssize_t',
    'ptrdiff_t',
    'intptr_t',
    'uintptr_t'
]);
const C_TYPE_MODULES = ['std::ffi', 'core::ffi', 'std::os::raw'];
/** Integer representations: a field-less or data-carrying enum with one has a defined, C-compatible layout. */
const INTEGER_REPRS = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize']);
/** Aliases nest a few levels in practice; a cycle (which rustc rejects) must not loop. */
const MAX_ALIASES = 8;
/** Null when the export is a C interface; otherwise the first problem, in source order. */
function interfaceProblem(exported) {
    const signature = exported.signature;
    if (signature === undefined)
        return { reason: 'has a signature that was not read', line: exported.line };
    if (signature === null)
        return { reason: 'has a signature that could not be read', line: exported.line };
    const types = exported.types ?? [];
    if (signature.item === 'static') {
        const problem = typeProblem(signature.type, 'static', types, 0);
        return problem === null ? null : { reason: `is a static of type \`${signature.type.text}\`: ${problem.why}`, line: problem.line };
    }
    if (signature.abi === null)
        return { reason: 'has the Rust ABI: it is exported unmangled but not declared `extern "C"`', line: signature.line };
    if (!C_ABIS.has(signature.abi))
        return { reason: `uses the \`extern "${signature.abi}"\` ABI, not a C one`, line: signature.line };
    if (signature.generic)
        return { reason: 'is generic', line: signature.line };
    for (const param of signature.params) {
        const problem = typeProblem(param, 'param', types, 0);
        if (problem !== null)
            return { reason: `takes \`${param.text}\`: ${problem.why}`, line: problem.line };
    }
    if (signature.returns !== null) {
        const problem = typeProblem(signature.returns, 'return', types, 0);
        if (problem !== null)
            return { reason: `returns \`${signature.returns.text}\`: ${problem.why}`, line: problem.line };
    }
    return null;
}
function typeProblem(type, position, types, aliases) {
    const bad = (why) => ({ why, line: type.line });
    switch (type.kind) {
        case 'never':
            return position === 'return' ? null : bad('`!` has no C equivalent');
        case 'tuple':
            if (type.items.length === 0 && position === 'return')
                return null;
            return bad(type.items.length === 0 ? '`()` has no C equivalent as a value' : 'tuples have no defined layout');
        case 'dyn':
            return bad('a trait object has a Rust layout and vtable');
        case 'impl':
            return bad('`impl Trait` is a Rust type chosen by the compiler');
        case 'other':
            return bad('this type is not known to be C-compatible');
        case 'slice':
            return bad('slices have no C equivalent');
        case 'array':
            return position === 'static' ? typeProblem(type.of, 'inner', types, aliases) : bad('arrays cannot be passed by value in C');
        case 'pointer':
            return thin(type.to) ? null : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
        case 'reference':
            if (!thin(type.to))
                return bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
            return typeProblem(type.to, 'inner', types, aliases);
        case 'fn':
            if (type.abi === null)
                return bad('a Rust-ABI function pointer (no `extern "C"`)');
            if (!C_ABIS.has(type.abi))
                return bad(`a function pointer with the \`extern "${type.abi}"\` ABI`);
            for (const p of type.params) {
                const problem = typeProblem(p, 'param', types, aliases);
                if (problem !== null)
                    return problem;
            }
            return type.returns === null ? null : typeProblem(type.returns, 'return', types, aliases);
        case 'path':
            return pathProblem(type, types, aliases);
    }
}
function pathProblem(type, types, aliases) {
    const bad = (why) => ({ why, line: type.line });
    const name = type.segments[type.segments.length - 1];
    const module = type.segments.slice(0, -1).join('::');
    const bare = type.segments.length === 1;
    if (type.args.length === 0 && bare && PRIMITIVES.has(name))
        return null;
    if (type.args.length === 0 && (module === 'libc' || (C_TYPES.has(name) && (bare || C_TYPE_MODULES.includes(module)))))
        return null;
    const arg = type.args[0];
    if (name === 'NonNull' && type.args.length === 1 && (bare || module === 'std::ptr' || module === 'core::ptr')) {
        return thin(arg) ? null : bad(`\`${type.text}\` is a fat pointer`);
    }
    if (name === 'Option' && type.args.length === 1 && (bare || module === 'std::option' || module === 'core::option')) {
        // The null-pointer optimisation: `None` is the null pointer, guaranteed for these.
        const inner = resolved(arg, types);
        const nullable = inner.kind === 'reference' || inner.kind === 'fn' || (inner.kind === 'path' && inner.segments[inner.segments.length - 1] === 'NonNull' && inner.args.length === 1);
        if (!nullable)
            return bad(`\`Option<${arg.text}>\` has no C layout (only \`Option\` of a reference, \`NonNull\` or an \`extern "C" fn\` is a nullable pointer)`);
        return typeProblem(inner, 'inner', types, aliases);
    }
    if ((name === 'Box' || name === 'Arc' || name === 'Rc') && arg?.kind === 'dyn') {
        return bad(`a boxed trait object is a fat pointer to a vtable laid out by this side's compiler, and the side that drops it frees it with its own allocator`);
    }
    const declared = types.filter(d => d.name === name);
    if (declared.length === 0)
        return bad(RUST_TYPES.has(name) ? `\`${name}\` is a Rust type with no C layout` : `no \`#[repr(C)]\` declaration of \`${name}\` was found in the workspace`);
    for (const d of declared) {
        if (d.item === 'type') {
            if (aliases >= MAX_ALIASES || d.aliasOf === null)
                return bad(`the alias \`${name}\` could not be followed`);
            const problem = typeProblem(d.aliasOf, 'inner', types, aliases + 1);
            if (problem !== null)
                return { why: `\`${name}\` is \`${d.aliasOf.text}\`: ${problem.why}`, line: type.line };
            continue;
        }
        if (!d.repr.some(r => r === 'C' || r === 'transparent' || INTEGER_REPRS.has(r))) {
            return bad(`\`${name}\` (a ${d.item} of the workspace) has no \`#[repr(C)]\`, \`#[repr(transparent)]\` or integer representation, so its layout is the compiler's choice`);
        }
    }
    for (const a of type.args) {
        const problem = typeProblem(a, 'inner', types, aliases);
        if (problem !== null)
            return problem;
    }
    return null;
}
/** The type an alias stands for, aliases followed (one declaration of the name, and a `type` item). */
function resolved(type, types) {
    let current = type;
    for (let i = 0; i < MAX_ALIASES && current.kind === 'path' && current.args.length === 0; i++) {
        const name = current.segments[current.segments.length - 1];
        const declared = types.filter(d => d.name === name);
        if (declared.length !== 1 || declared[0].aliasOf === null)
            break;
        current = declared[0].aliasOf;
    }
    return current;
}
/** Standard Rust types that are often passed across a plugin boundary by mistake. */
const RUST_TYPES = new Set(['String', 'Vec', 'Box', 'Rc', 'Arc', 'HashMap', 'BTreeMap', 'HashSet', 'Result', 'Option', 'str', 'char', 'CString', 'CStr', 'OsString', 'PathBuf', 'Path', 'Cow', 'RefCell', 'Cell', 'Mutex', 'RwLock']);
/** A pointer to it is one machine word: not `dyn`, a slice, `str` or `CStr`. */
function thin(pointee) {
    if (pointee.kind === 'dyn' || pointee.kind === 'slice')
        return false;
    if (pointee.kind === 'path') {
        const name = pointee.segments[pointee.segments.length - 1];
        return !(pointee.args.length === 0 && (name === 'str' || name === 'CStr' || name === 'OsStr' || name === 'Path'));
    }
    return true;
}

;// CONCATENATED MODULE: ./src/rules/plugins.ts





const plugins_EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench']);
/** `multiple-rust-runtimes`, `global-allocator-ignored`, `global-allocator-split`, `hot-reload-layout`. */
function pluginFindings(ctx) {
    const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
    return [...(system ? runtimeFindings(ctx, system) : []), ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)];
}
/**
 * `multiple-rust-runtimes`: a host of the workspace loads, at run time, libraries the same build produces.
 * Quiet when they are `cdylib`s whose every unmangled export is a C interface (`rust-source/c-interface.ts`):
 * then the copies of `std` on each side never meet. Otherwise a warning naming the first export that is not —
 * or, for a Rust `dylib` loaded at run time, what loading Rust code into Rust code requires. A note for hosts
 * whose loader checks layouts at load time (abi_stable, stabby), whose interfaces their macros generate.
 */
function runtimeFindings(ctx, system) {
    // A host with nothing of this build to load loads system libraries, or plugins built elsewhere.
    if (system.plugins.length === 0 && system.dylibs.length === 0)
        return [];
    const problem = system.plugins.length > 0 ? firstPluginProblem(ctx, system.plugins) : null;
    const out = [];
    for (const { unit, loaders } of system.hosts) {
        const checked = loaders.filter(l => CHECKED_LOADERS.has(l));
        if (checked.length === 0 && problem === null && system.dylibs.length === 0)
            continue;
        const how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : 'calls the system loader (`dlopen`/`LoadLibrary`)';
        const parts = [];
        if (system.dylibs.length > 0)
            parts.push(dylibHazards(ctx, unit, system.dylibs));
        if (system.plugins.length > 0 && (checked.length > 0 || problem !== null))
            parts.push(cdylibHazards(system.plugins, checked, problem, ctx));
        const location = problem !== null && checked.length === 0 && problem.file !== null
            ? ctx.locator.file(problem.file, problem.line)
            : problem !== null && checked.length === 0
                ? ctx.locator.crateType(problem.plugin)
                : loaders.length > 0
                    ? ctx.locator.dependencyNamed(unit.pkg, loaders[0])
                    : ctx.locator.crateType(system.dylibs[0] ?? system.plugins[0]);
        out.push({
            ...base(unit, 'multiple-rust-runtimes', 'bin'),
            ...(checked.length > 0 ? { severity: 'note' } : {}),
            crates: [...system.plugins, ...system.dylibs].map(resolve_crateName),
            message: `${describeUnit(unit)} ${how}, and this build produces what it loads. ${parts.join(' ')}`,
            fixes: fixesFor(system, checked, problem),
            ...location
        });
    }
    return out;
}
function cdylibHazards(plugins, checked, problem, ctx) {
    const copies = `Each \`cdylib\` plugin (${listCrates(plugins.map(resolve_crateName))}) carries its own copy of \`std\` and of every dependency — its own allocator, statics and thread-locals ` +
        '(a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s.';
    if (checked.length > 0)
        return `${copies} ${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`;
    const where = problem.file === null ? '' : ` (${ctx.locator.file(problem.file, problem.line).file}:${problem.line})`;
    const what = problem.exported ? `\`${resolve_crateName(problem.plugin)}\` exports \`${problem.exported.symbol}\`${where}, which ${problem.text}` : `\`${resolve_crateName(problem.plugin)}\` ${problem.text}`;
    return `${copies} So only \`#[repr(C)]\` data and \`extern "C"\` functions may cross the boundary, but ${what}.`;
}
/** A Rust `dylib` loaded at run time shares the Rust ABI with its host, not merely the C one. */
function dylibHazards(ctx, host, dylibs) {
    const names = listCrates(dylibs.map(resolve_crateName));
    const shared = stdIsDynamic(host, ctx.linkage) && dylibs.every(d => stdIsDynamic(d, ctx.linkage));
    const std = shared
        ? 'Both link `libstd` dynamically, so they share it;'
        : `Each side links \`std\` statically, so ${dylibs.length === 1 ? 'it has' : 'they have'} a copy of its own (allocator, panic runtime, thread-locals);`;
    return (`The Rust dylib${dylibs.length === 1 ? '' : 's'} ${names} ${dylibs.length === 1 ? 'is' : 'are'} loaded, not linked, so rustc checks nothing between ${dylibs.length === 1 ? 'it' : 'them'} and the host: ` +
        'whatever crosses has the Rust ABI and must come from the same compiler build with the same ABI-relevant flags (`-C target-cpu`, `-C target-feature`, layout randomization) as the host. ' +
        `${std} every crate the dylib contains statically is a second copy of that crate — its statics (a \`log\` logger, a \`tracing\` dispatcher) are not the host's — and a Rust dylib cannot be unloaded safely (thread-local destructors, \`'static\` data handed out).`);
}
function fixesFor(system, checked, problem) {
    const fixes = [];
    if (system.dylibs.length > 0) {
        fixes.push('Pin the exact compiler in `rust-toolchain.toml` and build the host and the dylibs in one `cargo` invocation with the same flags; never `dlclose` a Rust dylib.');
        fixes.push('Or make the loaded libraries `cdylib`s with an `extern "C"` interface of `#[repr(C)]` types.');
    }
    if (system.plugins.length > 0 && (checked.length > 0 || problem !== null)) {
        fixes.push('Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.', 'Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.', checked.length > 0 ? 'Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library.' : 'Or use abi_stable or stabby, which check the layout of every type at load time.');
    }
    return fixes;
}
/**
 * The first plugin, in build order, whose exports are not all a C interface: an export that is not, no export
 * found at all (generated by a macro, or in a file that was not read), or module files that could not be read.
 */
function firstPluginProblem(ctx, plugins) {
    const exportsOf = ctx.facts.exportedSymbols;
    for (const plugin of plugins) {
        const exported = exportsOf === undefined ? [] : exportsOf(plugin.target).filter(e => e.library);
        if (exported.length === 0) {
            return { plugin, text: 'has no `#[no_mangle]` or `#[export_name]` export in its sources that could be read, so its interface is unknown (exports a macro generates are not seen)', file: null, line: 0 };
        }
        for (const e of exported) {
            const found = interfaceProblem(e);
            if (found !== null)
                return { plugin, exported: e, text: found.reason, file: e.file, line: found.line };
        }
        if (exported.some(e => e.sourcesComplete === false)) {
            return { plugin, text: 'has module files that could not be read, so other exports may be unseen', file: null, line: 0 };
        }
    }
    return null;
}
function allocatorFindings(ctx, system) {
    const out = [];
    const sides = new Set([...(system?.hosts.map(h => h.unit) ?? []), ...(system?.plugins ?? [])]);
    for (const result of ctx.linkage.results) {
        const unit = result.unit;
        if (unit.kind !== 'target' || result.status === 'blocked')
            continue;
        const executable = unit.mode !== 'build' || (plugins_EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'));
        const ignored = executable && stdIsDynamic(unit, ctx.linkage);
        // Sources are read only for the units where an allocator would matter.
        if (!ignored && !sides.has(unit))
            continue;
        const allocators = allocatorsIn(unit, ctx);
        if (ignored) {
            // `System` is what the default allocator uses anyway: ignoring it changes nothing.
            for (const a of allocators.filter(a => !usesSystemAllocator(a))) {
                out.push({
                    ...base(unit, 'global-allocator-ignored', 'bin'),
                    crates: [resolve_crateName(unit)],
                    message: `${describeUnit(unit)} links \`std\` dynamically, so rustc generates no allocator shim in it and uses the one inside \`libstd\`: the \`#[global_allocator]\` \`${a.item}\` is silently never called (rust-lang/rust#100781).`,
                    fixes: [
                        'Link `std` statically in builds that need the allocator: no `-C prefer-dynamic`, and no Rust `dylib` dependencies.',
                        'Or replace the allocator process-wide instead (e.g. `LD_PRELOAD` or a `malloc` interposer), which also reaches dynamically linked Rust code.'
                    ],
                    ...ctx.locator.file(a.file, a.line)
                });
            }
        }
        if (sides.has(unit)) {
            for (const a of allocators.filter(a => !usesSystemAllocator(a))) {
                const plugin = system.plugins.includes(unit);
                out.push({
                    ...base(unit, 'global-allocator-split', plugin ? 'cdylib' : 'bin'),
                    crates: [resolve_crateName(unit)],
                    message: `${describeUnit(unit)} declares \`${a.item}\` as its global allocator, while ${plugin ? 'the host and the other plugins use their own' : 'its `cdylib` plugins use their own (the system allocator unless they declare one)'}: memory allocated on one side of the boundary and freed on the other goes to a different heap — heap corruption, not an error.`,
                    fixes: [
                        'Free memory on the side that allocated it: export `destroy`/`free` functions from each plugin and never `Box::from_raw` a pointer from the other side.',
                        'Or make every side use the same underlying heap: the system allocator everywhere, or replace `malloc` process-wide instead of declaring `#[global_allocator]`.'
                    ],
                    ...ctx.locator.file(a.file, a.line)
                });
            }
        }
    }
    return out;
}
/**
 * The allocators declared in the unit's own package or in the local crates it depends on directly, where a
 * `#[global_allocator]` lives in practice; deeper crates are not read, to keep large workspaces fast.
 */
function allocatorsIn(unit, ctx) {
    const packages = new Set([unit.pkg, ...unit.crates.map(d => d.unit.pkg)].filter(p => p.source === null));
    return [...packages].flatMap(pkg => ctx.facts.globalAllocators(pkg));
}
/** `std::alloc::System` is the process's `malloc`: one heap, shared by every side. */
function usesSystemAllocator(a) {
    return /:\s*(?:(?:std|alloc)::alloc::)?System\s*=/.test(a.item);
}
function stdIsDynamic(unit, linkage) {
    return linkage.byUnit.get(unit)?.artifacts.some(a => a.formats?.linkage.get('sys:std') === 'dynamic') ?? false;
}
function hotReloadFindings(ctx) {
    const out = [];
    const executables = ctx.graph.units.filter(u => u.kind === 'target' && u.mode === 'build' && plugins_EXECUTABLE_KINDS.has(u.target.kind));
    const members = new Set(ctx.metadata.workspaceMembers);
    for (const unit of ctx.graph.units) {
        if (unit.kind !== 'target' || unit.mode !== 'build' || unit.target.kind !== 'lib')
            continue;
        // A registry crate's crate types are its authors' choice, not a hot-reload setup of this workspace.
        if (!members.has(unit.pkg.id))
            continue;
        const types = unit.crateTypes;
        if (!types.includes('dylib') || !(types.includes('rlib') || types.includes('lib')))
            continue;
        const users = executables.filter(e => e.crates.some(d => d.unit === unit));
        if (users.length === 0)
            continue;
        const name = resolve_crateName(unit);
        out.push({
            ...base(unit, 'hot-reload-layout', 'dylib'),
            crates: [name],
            message: `\`${name}\` is built both as an rlib, which ${listCrates(users.map(u => u.target.name))} link${users.length === 1 ? 's' : ''} statically, and as a dylib: the hot-reload shape. ` +
                `A reloaded \`lib${name}\` is a second copy of the crate and of \`std\`: its statics (a \`tracing\` callsite registry, a \`log\` logger, thread-locals) are not the executable's, its \`TypeId\`s differ, and types whose layout changed since the executable was built are read with the old layout.`,
            fixes: [
                'Keep the reloadable code behind a small `#[repr(C)]` / `extern "C"` interface, and keep all state in the executable.',
                'Rebuild and restart the executable whenever types shared with the dylib change; reload only function bodies.',
                'Initialise logging and tracing in the executable and pass what the dylib needs through the interface (the dylib’s own `tracing` statics are separate).'
            ],
            ...ctx.locator.crateType(unit)
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/publish.ts


const LINKABLE_FROM_RUST = new Set(['lib', 'rlib']);
/**
 * `published-dylib`: a workspace library meant for other projects (`meantForOtherProjects`: not
 * `publish = false`, and a `description` and a `license` or `license-file`, or registries named in `publish`)
 * that is a Rust `dylib` without an rlib. An application's own engine crate, linked by its own executables, has
 * no such metadata and is not reported. Checked on every member, selected or not: it is a property of the
 * manifest, not of this build.
 */
function publishFindings(ctx) {
    const out = [];
    for (const pkg of publishedDylibs(ctx.metadata)) {
        const lib = pkg.targets.find(t => t.kind === 'lib');
        const types = lib.crateTypes.map(t => `"${t}"`).join(', ');
        out.push({
            rule: 'published-dylib',
            severity: ruleInfo('published-dylib').severity,
            package: pkg.name,
            target: lib.name,
            kind: 'lib',
            mode: 'build',
            crateType: lib.crateTypes[0],
            platform: 'target',
            crates: [lib.name.replace(/-/g, '_')],
            message: `\`${pkg.name}\` is published for other projects (${publishedBecause(pkg)}), but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
            fixes: [
                `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
                'Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`.'
            ],
            ...ctx.locator.manifestKey(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib'])
        });
    }
    return out;
}
/** What makes the package look published, for the message. */
function publishedBecause(pkg) {
    if (Array.isArray(pkg.publish))
        return `\`publish\` names ${pkg.publish.map(r => `\`${r}\``).join(', ')}`;
    return `it has a \`description\` and a \`${pkg.license !== null && pkg.license !== '' ? 'license' : 'license-file'}\`, as crates.io requires, and no \`publish = false\``;
}
/** The members `published-dylib` reports: meant for other projects, and a Rust `dylib` without an rlib. */
function publishedDylibs(metadata) {
    const out = [];
    for (const id of metadata.workspaceMembers) {
        const pkg = metadata.packages.get(id);
        if (!pkg || !meantForOtherProjects(pkg))
            continue;
        const lib = pkg.targets.find(t => t.kind === 'lib');
        // Only a Rust `dylib` is a trap for dependents: a `cdylib` or `staticlib` library is built for C, Python
        // or a plugin host, and a Rust crate that depends on it by mistake fails at once with a clear error.
        if (lib && !lib.crateTypes.some(t => LINKABLE_FROM_RUST.has(t)) && lib.crateTypes.includes('dylib'))
            out.push(pkg);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/static-pie.ts


function staticPieFindings(linkage, locator) {
    const out = [];
    for (const result of linkage.results) {
        const unit = result.unit;
        const what = result.status === 'ok' ? staticPieWithRunPath(unit) : null;
        if (what === null)
            continue;
        const outcome = what === 'build-script'
            ? 'cargo fails running it ("failed to run custom build command", SIGSEGV) and nothing that waits for it is built'
            : what === 'test-harness'
                ? '`cargo test` fails on it with SIGSEGV'
                : 'it dies with SIGSEGV before `main`, under `cargo run` as well as started directly';
        // `+crt-static` from the environment has no line to point at; from a config file it does.
        const source = unit.targetInfo.rustflagsSource;
        const fromEnv = source !== null && 'env' in source ? ` from \`${source.env}\`` : '';
        const flags = source !== null && !('env' in source) ? locator.setting('rustflags', unit) : null;
        out.push({
            ...base(unit, 'static-pie-rpath', 'bin'),
            crates: [],
            message: `${describeUnit(unit)} is linked as a static-pie executable (\`-C target-feature=+crt-static\`${fromEnv}) with a run path (\`rpath = true\`): ` +
                `glibc's start-up code for static-pie executables requires that there be no RUNPATH, so ${outcome}.`,
            fixes: [
                'Or link it as a non-PIE static executable: add `-C relocation-model=static` next to `+crt-static`.',
                ...(what === 'build-script' ? ['Or pass `--target <triple>`: `RUSTFLAGS` then stop applying to build scripts, and only the target\'s executables are linked statically.'] : [])
            ],
            ...locator.setting('rpath', unit),
            ...(flags !== null ? { related: [{ file: flags.file, line: flags.line, message: '`+crt-static`' }] } : {})
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/toolchain/pin.ts
/**
 * The repository's toolchain pin (`rust-toolchain.toml` or `rust-toolchain`), read the way rustup reads it,
 * and whether the rustc on the runner is the pinned one.
 */



const LEGACY_FILE = 'rust-toolchain';
const TOML_FILE = 'rust-toolchain.toml';
/**
 * The toolchain file that rustup would use for `dir`: the nearest directory (dir, then its parents up to `stopAt`
 * inclusive or the filesystem root) holding `rust-toolchain` or `rust-toolchain.toml`. In one directory the legacy
 * `rust-toolchain` wins when both exist (rustup warns and uses it). `exists` should be true only for files that can
 * be read: rustup treats a directory named `rust-toolchain` as absent. Directory overrides set with
 * `rustup override set` live in rustup's settings, not in the repository, and are not considered.
 */
function findToolchainFile(dir, exists, stopAt) {
    const stop = stopAt === undefined ? null : trimSeparators(external_node_path_namespaceObject.normalize(stopAt));
    let current = trimSeparators(external_node_path_namespaceObject.normalize(dir));
    for (;;) {
        for (const name of [LEGACY_FILE, TOML_FILE]) {
            const candidate = external_node_path_namespaceObject.join(current, name);
            if (exists(candidate))
                return candidate;
        }
        if (current === stop)
            return null;
        const parent = external_node_path_namespaceObject.dirname(current);
        if (parent === current)
            return null;
        current = parent;
    }
}
function trimSeparators(p) {
    const root = external_node_path_namespaceObject.parse(p).root;
    let end = p.length;
    while (end > root.length && (p[end - 1] === '/' || p[end - 1] === external_node_path_namespaceObject.sep))
        end--;
    return p.slice(0, end);
}
/**
 * Parses a toolchain file as rustup does. A `rust-toolchain.toml` is always TOML; a legacy `rust-toolchain` of
 * exactly one line (a trailing newline is allowed, as in Rust's `str::lines`) is a bare toolchain name or an
 * absolute path, and TOML otherwise. Files rustup refuses throw a one-line UserError naming file, line and key.
 * Unknown keys are accepted, as rustup accepts them.
 */
function parseToolchainFile(text, file) {
    const onlyToml = external_node_path_namespaceObject.basename(file).endsWith('.toml');
    const lines = rustLineCount(text);
    if (lines === 0)
        throw new errors_UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
    if (lines === 1 && !onlyToml)
        return parseLegacyLine(text, file);
    return parseTomlPin(parseTomlDocument(text, file), file);
}
/** `str::lines().count()`: lines end at `\n`, and a final `\n` does not start another line. */
function rustLineCount(text) {
    if (text.length === 0)
        return 0;
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (i < text.length - 1)
            count++;
    }
    return count;
}
/** Rust's `str::trim` (Unicode White_Space). Unlike JS `trim`, a byte-order mark is not whitespace to rustup. */
function rustTrim(s) {
    return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}
function parseLegacyLine(text, file) {
    const name = rustTrim(text);
    if (name.startsWith('\ufeff')) {
        throw new errors_UserError(`${file}:1: the toolchain file starts with a byte-order mark, which rustup reads as part of the toolchain name; save it as plain ASCII`);
    }
    if (name === '')
        throw new errors_UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
    const base = { file, line: 1, targets: [], targetsLine: null };
    if (pin_isAbsolutePath(name))
        return { ...base, kind: 'path', channel: null, path: name };
    checkChannelName(name, file, 1, 'toolchain name');
    return { ...base, kind: channelKind(name), channel: name, path: null };
}
function parseTomlPin(doc, file) {
    const at = (path) => doc.lineOf(path) ?? doc.lineOf(path.slice(0, -1)) ?? 1;
    const section = doc.value.toolchain;
    if (section === undefined)
        throw new errors_UserError(`${file}:1: missing the \`[toolchain]\` table`);
    if (!pin_isTable(section))
        throw new errors_UserError(`${file}:${at(['toolchain'])}: \`toolchain\` must be a table, found ${pin_describe(section)}`);
    const stringKey = (key) => {
        const value = section[key];
        if (value === undefined)
            return null;
        if (typeof value !== 'string')
            throw new errors_UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be a string, found ${pin_describe(value)}`);
        return value;
    };
    const listKey = (key) => {
        const value = section[key];
        if (value === undefined)
            return null;
        if (!Array.isArray(value))
            throw new errors_UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be an array of strings, found ${pin_describe(value)}`);
        return value.map((item, index) => {
            if (typeof item !== 'string') {
                throw new errors_UserError(`${file}:${at(['toolchain', key, index])}: \`toolchain.${key}\` must be an array of strings, found ${pin_describe(item)} at index ${index}`);
            }
            return item;
        });
    };
    const channel = stringKey('channel');
    const path = stringKey('path');
    const profile = stringKey('profile');
    const components = listKey('components');
    const targets = listKey('targets');
    const sectionLine = at(['toolchain']);
    if (channel === null && path === null && components === null && targets === null) {
        throw new errors_UserError(`${file}:${sectionLine}: \`[toolchain]\` sets none of \`channel\`, \`path\`, \`components\` or \`targets\``);
    }
    if (channel !== null)
        checkChannelName(channel, file, at(['toolchain', 'channel']), '`toolchain.channel`');
    if (channel !== null && path !== null) {
        throw new errors_UserError(`${file}:${at(['toolchain', 'path'])}: \`toolchain.channel\` and \`toolchain.path\` cannot both be set`);
    }
    const targetsLine = targets === null ? null : at(['toolchain', 'targets']);
    if (path !== null) {
        const line = at(['toolchain', 'path']);
        for (const key of ['components', 'targets', 'profile']) {
            if (section[key] !== undefined) {
                throw new errors_UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` cannot be used with \`toolchain.path\` (a path toolchain is used as it is)`);
            }
        }
        if (!pin_isAbsolutePath(path))
            throw new errors_UserError(`${file}:${line}: \`toolchain.path\` must be an absolute path, found \`${path}\``);
        return { file, line, kind: 'path', channel: null, path, targets: [], targetsLine: null };
    }
    if (profile !== null && !PROFILES.has(profile)) {
        throw new errors_UserError(`${file}:${at(['toolchain', 'profile'])}: unknown \`toolchain.profile\` \`${profile}\`; valid profiles are minimal, default, complete`);
    }
    return {
        file,
        line: channel === null ? sectionLine : at(['toolchain', 'channel']),
        kind: channel === null ? 'floating' : channelKind(channel),
        channel,
        path: null,
        targets: targets ?? [],
        targetsLine
    };
}
/** rustup also accepts the one-letter forms and the empty string. */
const PROFILES = new Set(['minimal', 'm', 'default', 'd', '', 'complete', 'c']);
function pin_isTable(value) {
    return typeof value === 'object' && !Array.isArray(value);
}
function pin_describe(value) {
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'a table';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value)}`;
    return `${typeof value === 'boolean' ? 'the boolean' : 'the number'} ${String(value)}`;
}
/** Absolute on either Unix or Windows: the file may be meant for runners of both kinds. */
function pin_isAbsolutePath(p) {
    return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
/** Names rustup refuses outright, plus names with whitespace, which are almost always a comment written after the name. */
function checkChannelName(name, file, line, what) {
    const trimmed = name.replace(/\/+$/, '');
    if (trimmed === '' || (parseOfficial(trimmed) === null && (trimmed === 'none' || /[/\\]/.test(trimmed)))) {
        throw new errors_UserError(`${file}:${line}: ${what} \`${name}\` is not a valid toolchain name`);
    }
    if (/\s/.test(name)) {
        throw new errors_UserError(`${file}:${line}: ${what} \`${name}\` contains whitespace; a toolchain file holds only the name, without comments`);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Channel names
/** The target-tuple parts rustup recognises in a toolchain name's host suffix (rustup `src/dist/tuple/known.rs`). */
const ARCHS = 'aarch64 aarch64_be amdgcn arm arm64_32 arm64e arm64ec armeb armebv7r armv4t armv5te armv6 armv6k armv7 armv7a armv7k armv7r armv7s armv8r avr bpfeb bpfel csky hexagon i386 i586 i686 loongarch32 loongarch64 m68k mips mips64 mips64el mipsel mipsisa32r6 mipsisa32r6el mipsisa64r6 mipsisa64r6el msp430 nvptx64 powerpc powerpc64 powerpc64le riscv32 riscv32e riscv32em riscv32emc riscv32gc riscv32i riscv32im riscv32ima riscv32imac riscv32imafc riscv32imc riscv64 riscv64a23 riscv64gc riscv64imac s390x sparc sparc64 sparcv9 thumbv4t thumbv5te thumbv6m thumbv7a thumbv7em thumbv7m thumbv7neon thumbv8m.base thumbv8m.main wasm32 wasm32v1 wasm64 x86_64 x86_64h xtensa';
const OSES = 'amd-amdhsa apple-darwin apple-ios apple-tvos apple-visionos apple-watchos esp-espidf esp32-espidf esp32-none esp32s2-espidf esp32s2-none esp32s3-espidf esp32s3-none fortanix-unknown ibm-aix kmc-solid_asp3 linux lynx-lynxos178 mti-none nintendo-3ds nintendo-switch none nuttx-eabi nuttx-eabihf nvidia-cuda openwrt-linux pc-cygwin pc-nto pc-solaris pc-windows risc0-zkvm rtems-eabihf sony-psp sony-psx sony-vita sun-solaris unikraft-linux unknown-dragonfly unknown-emscripten unknown-freebsd unknown-fuchsia unknown-haiku unknown-hermit unknown-hurd unknown-illumos unknown-l4re unknown-linux unknown-managarm unknown-motor unknown-netbsd unknown-none unknown-nto unknown-nuttx unknown-openbsd unknown-redox unknown-teeos unknown-trusty unknown-uefi unknown-unknown unknown-xous uwp-windows vex-v5 wali-linux wasip1 wasip1-threads wasip2 wasip3 win7-windows wrs-vxworks';
const ENVS = 'android androideabi eabi eabihf elf freestanding gnu gnu_ilp32 gnuabi64 gnuabiv2 gnuabiv2hf gnueabi gnueabihf gnullvm gnuspe gnux32 macabi mlibc msvc musl muslabi64 musleabi musleabihf muslspe newlibeabihf none ohos qnx700 qnx710 qnx710_iosock qnx800 sgx sim softfloat spe uclibc uclibceabi uclibceabihf';
const alternatives = (list) => list.split(' ').map(s => s.replace(/\./g, '\\.')).join('|');
const HOST_RE = new RegExp(`^(?:-(${alternatives(ARCHS)}))?(?:-(${alternatives(OSES)}))?(?:-(${alternatives(ENVS)}))?$`);
/** rustup's toolchain-name pattern: channel, optional archive date, optional host. */
const CHANNEL_RE = /^(nightly|beta|stable|[0-9]\.[0-9]{1,3}(?:\.[0-9]{1,2})?(?:-beta(?:\.[0-9]{1,2})?)?)(?:-([0-9]{4}-[0-9]{2}-[0-9]{2}))?(?:-(.+))?$/;
/** An official toolchain name, or null for a custom one (a name rustup resolves to a linked toolchain). */
function parseOfficial(name) {
    const m = CHANNEL_RE.exec(name);
    if (m === null)
        return null;
    const [, channel, date, suffix] = m;
    let host = null;
    if (suffix !== undefined) {
        const h = HOST_RE.exec(`-${suffix}`);
        if (h === null)
            return null;
        host = { arch: h[1] ?? null, os: h[2] ?? null, env: h[3] ?? null };
    }
    const nameEnd = suffix === undefined ? name.length : name.length - suffix.length - 1;
    return { channel: channel, date: date ?? null, host, name: name.slice(0, nameEnd) };
}
function parseVersion(channel) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(channel);
    if (m === null)
        return null;
    const major = Number(m[1]);
    const minor = Number(m[2]);
    let patch = m[3] === undefined ? null : Number(m[3]);
    // rustup reads `1.0` … `1.8` as `1.x.0`: those releases have no point releases.
    if (patch === null && major === 1 && minor <= 8 && m[4] === undefined)
        patch = 0;
    return { major, minor, patch, pre: m[4] ?? '' };
}
function versionString(v) {
    return `${v.major}.${v.minor}${v.patch === null ? '' : `.${v.patch}`}${v.pre === '' ? '' : `-${v.pre}`}`;
}
function channelKind(name) {
    const official = parseOfficial(name);
    if (official === null)
        return 'floating';
    const version = parseVersion(official.channel);
    if (version === null)
        return official.date === null ? 'floating' : 'dated';
    // A version with an archive date is still that version.
    return version.patch !== null && version.pre !== 'beta' ? 'exact' : 'floating';
}
/**
 * A pin for a channel named somewhere other than a toolchain file (a policy setting, an action input), so it can be
 * given to `compareToolchain`. The name is not validated: a name rustup would not accept is a custom name, 'floating'.
 */
function pinForChannel(channel, file, line) {
    return { file, line, kind: channelKind(channel), channel, path: null, targets: [], targetsLine: null };
}
/** A channel string as rustup names it, without the host suffix: "1.95.0-x86_64-unknown-linux-gnu" → "1.95.0". */
function channelName(channel) {
    return parseOfficial(channel)?.name ?? channel;
}
/**
 * Whether the rustc that `rustc -vV` describes is the pinned toolchain: 'match', 'mismatch' (with a one-line reason
 * such as "pinned 1.94.0, runner has 1.95.0 (59807616e 2026-04-14)"), or 'unknown' when the pin cannot be checked
 * offline (path and custom toolchains, moving channels whose channel kind agrees, dated stable/beta close in time).
 */
function compareToolchain(pin, rustc) {
    const runner = `runner has ${describeRustc(rustc)}`;
    if (pin.kind === 'path' || pin.channel === null) {
        const what = pin.kind === 'path' ? `the toolchain at ${pin.path}` : 'no channel (rustup uses its default toolchain)';
        return { verdict: 'unknown', reason: `pinned ${what}; ${runner}` };
    }
    const pinned = `pinned ${pin.channel}`;
    const official = parseOfficial(pin.channel);
    if (official === null)
        return { verdict: 'unknown', reason: `${pinned}, a custom toolchain; ${runner}` };
    const host = official.host;
    if (host !== null && !hostMatches(host, rustc.host)) {
        return { verdict: 'mismatch', reason: `${pinned}, runner's rustc is for host ${rustc.host}: ${describeRustc(rustc)}` };
    }
    const release = parseVersion(rustc.release);
    const runnerChannel = release === null ? 'other' : release.pre === '' ? 'stable' : release.pre.startsWith('beta') ? 'beta' : release.pre === 'nightly' ? 'nightly' : 'other';
    const version = parseVersion(official.channel);
    if (version !== null) {
        if (version.patch !== null && version.pre !== 'beta') {
            const wanted = versionString(version);
            return rustc.release === wanted
                ? { verdict: 'match', reason: `${pinned}, ${runner}` }
                : { verdict: 'mismatch', reason: `${pinned}, ${runner}` };
        }
        // `1.95` (latest 1.95.x) or `1.96.0-beta` (latest 1.96.0 beta): the series can be checked, not the latest-ness.
        const inSeries = release !== null &&
            release.major === version.major &&
            release.minor === version.minor &&
            (version.pre === 'beta' ? release.patch === version.patch && release.pre.startsWith('beta') : release.pre === '');
        return inSeries
            ? { verdict: 'unknown', reason: `${pinned}, which follows the newest release of its series; ${runner}` }
            : { verdict: 'mismatch', reason: `${pinned}, ${runner}` };
    }
    if (runnerChannel !== official.channel)
        return { verdict: 'mismatch', reason: `${pinned}, ${runner}, a ${runnerChannel === 'other' ? 'non-rustup' : runnerChannel} build` };
    if (official.date === null)
        return { verdict: 'unknown', reason: `${pinned}, which moves; ${runner}` };
    if (rustc.commitDate === null)
        return { verdict: 'unknown', reason: `${pinned}, but the runner's rustc reports no commit date: ${describeRustc(rustc)}` };
    const pinDay = dayNumber(official.date);
    const commitDay = dayNumber(rustc.commitDate);
    if (pinDay === null || commitDay === null)
        return { verdict: 'unknown', reason: `${pinned}, ${runner}` };
    if (official.channel === 'nightly') {
        // nightly-D is built from the previous day's master, so its commit date is D-1; D itself is accepted for
        // nightlies whose build ran past midnight UTC.
        const delta = pinDay - commitDay;
        return delta === 0 || delta === 1
            ? { verdict: 'match', reason: `${pinned}, ${runner}` }
            : { verdict: 'mismatch', reason: `${pinned} (built from ${formatDay(pinDay - 1)}), ${runner}` };
    }
    // stable-D / beta-D is whatever that channel served on day D: a release cut up to one six-week cycle earlier (plus
    // the days between its commit and its publication). Without the release calendar the exact release is unknown, so a
    // commit date inside that window is 'unknown' and only one outside it (after D, or more than eight weeks before)
    // is a mismatch. A one-week window would flag the correct compiler for most of each cycle.
    if (commitDay > pinDay)
        return { verdict: 'mismatch', reason: `${pinned}, ${runner}, committed after the pinned date` };
    if (pinDay - commitDay > STABLE_WINDOW_DAYS) {
        return { verdict: 'mismatch', reason: `${pinned}, ${runner}, committed more than eight weeks before the pinned date` };
    }
    return { verdict: 'unknown', reason: `${pinned}, ${runner}: plausible, but the ${official.channel} release of that day cannot be determined offline` };
}
const STABLE_WINDOW_DAYS = 56;
function hostMatches(host, actual) {
    if (host.arch !== null && !actual.startsWith(`${host.arch}-`))
        return false;
    if (host.os !== null && !`${actual}-`.includes(`-${host.os}-`))
        return false;
    if (host.env !== null && !actual.endsWith(`-${host.env}`))
        return false;
    return true;
}
/** As `rustc -V` prints it: `1.95.0 (59807616e 2026-04-14)`. */
function describeRustc(rustc) {
    const hash = rustc.commitHash === '' || rustc.commitHash === 'unknown' ? null : rustc.commitHash.slice(0, 9);
    const inside = [hash, rustc.commitDate].filter((s) => s !== null && s !== '');
    return inside.length === 0 ? rustc.release : `${rustc.release} (${inside.join(' ')})`;
}
function dayNumber(date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m === null)
        return null;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const back = new Date(ms);
    if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3]))
        return null;
    return ms / 86_400_000;
}
function formatDay(day) {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/rules/toolchain.ts






/** `toolchain-unpinned` and `toolchain-mismatch`: findings about the workspace, not one artifact. */
function toolchainFindings(ctx) {
    return [...unpinnedFindings(ctx), ...mismatchFindings(ctx), ...rustVersionFindings(ctx), ...targetFindings(ctx)];
}
/**
 * The Rust dylibs that cross a build boundary, where nothing makes both sides come from the same compiler:
 * (a) a member `dylib` no other package of the build links, next to an executable of the workspace that loads
 * libraries at run time (a loader crate, or `dlopen` in its sources) — it is only loaded, and rebuilt on its
 * own; (b) a member library that `published-dylib` reports — a Rust `dylib` without an rlib, meant for
 * other projects — whose users build their side with their own compiler. A dylib linked by the
 * executables it is built with, and `-C prefer-dynamic`, are not: one cargo invocation uses one compiler for
 * both sides, and rustc refuses a dylib from another (E0514).
 */
function buildBoundaryCrossings(ctx) {
    const out = [];
    const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
    for (const unit of system?.dylibs ?? []) {
        if (!out.some(c => c.pkg === unit.pkg))
            out.push({ pkg: unit.pkg, crate: resolve_crateName(unit), why: 'loaded' });
    }
    for (const pkg of publishedDylibs(ctx.metadata)) {
        if (!out.some(c => c.pkg === pkg))
            out.push({ pkg, crate: pkg.targets.find(t => t.kind === 'lib').name.replace(/-/g, '_'), why: 'published' });
    }
    return out;
}
/** `toolchain-unpinned`: a Rust dylib crosses a build boundary, and no exact compiler is pinned. */
function unpinnedFindings(ctx) {
    const { pin, expectedToolchain } = ctx.facts;
    if (expectedToolchain !== null || (pin !== null && pin.kind !== 'floating'))
        return [];
    const crossings = buildBoundaryCrossings(ctx);
    if (crossings.length === 0)
        return [];
    const first = crossings[0];
    const location = pin !== null ? ctx.locator.file(pin.file, pin.line) : ctx.locator.manifestKey(first.pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib']);
    const floating = pin !== null ? `\`${pin.file.split(/[\\/]/).pop()}\` names \`${pin.channel ?? 'no channel'}\`, which moves with every release` : 'no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler';
    const loaded = crossings.filter(c => c.why === 'loaded').map(c => c.crate);
    const published = crossings.filter(c => c.why === 'published').map(c => c.crate);
    const parts = [];
    if (loaded.length > 0)
        parts.push(`dylib ${listCrates(loaded, 3)} ${loaded.length === 1 ? 'is' : 'are'} loaded at run time, not linked, so ${loaded.length === 1 ? 'it is' : 'they are'} rebuilt and shipped apart from the executable that loads ${loaded.length === 1 ? 'it' : 'them'}`);
    if (published.length > 0)
        parts.push(`dylib ${listCrates(published, 3)} ${published.length === 1 ? 'is' : 'are'} published for other projects, which build their side with their own compiler`);
    return [
        {
            rule: 'toolchain-unpinned',
            severity: ruleInfo('toolchain-unpinned').severity,
            crates: crossings.map(c => c.crate),
            message: `A Rust dylib crosses a build boundary (${parts.join('; ')}), but ${floating}. Rust has no stable ABI: a dylib works only with code from the very same compiler build, and nothing checks that when it is loaded, so a dylib built with one toolchain and a host built with another fail with E0514 or "undefined symbol", or crash.`,
            fixes: [
                `Pin the exact compiler in \`rust-toolchain.toml\`: \`[toolchain]\` then \`channel = "${suggestedChannel(ctx.build.rustc)}"\`.`,
                'Or set `exact-toolchain` in `.github/rust-linkage.toml` if the toolchain is chosen elsewhere (a CI image, `dtolnay/rust-toolchain@1.95.0`).'
            ],
            ...location
        }
    ];
}
/** The channel that names the compiler in use: its release, or for a nightly the dated nightly it came from. */
function suggestedChannel(rustc) {
    if (!rustc.release.endsWith('-nightly') || rustc.commitDate === null)
        return rustc.release;
    const next = new Date(`${rustc.commitDate}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return `nightly-${next.toISOString().slice(0, 10)}`;
}
function mismatchFindings(ctx) {
    const { pin, expectedToolchain } = ctx.facts;
    const expected = expectedToolchain !== null ? pinForChannel(expectedToolchain.channel, expectedToolchain.file, expectedToolchain.line) : pin;
    if (expected === null)
        return [];
    const { verdict, reason } = compareToolchain(expected, ctx.build.rustc);
    if (verdict !== 'mismatch')
        return [];
    const source = expectedToolchain !== null ? '`exact-toolchain` in the policy file' : `\`${expected.file.split(/[\\/]/).pop()}\``;
    return [
        {
            rule: 'toolchain-mismatch',
            severity: ruleInfo('toolchain-mismatch').severity,
            crates: [expected.channel ?? expected.path ?? ''],
            message: `The compiler in use is not the one ${source} requires (${reason}): what this run predicts, and what it builds, is not what the pinned toolchain would do, and Rust dylibs or plugins built with the pinned toolchain cannot be mixed with this one.`,
            fixes: [
                `Install and select the pinned toolchain before this step (for example \`rustup toolchain install ${expected.channel ?? '<channel>'}\`, or the action's \`rust-toolchain\` input).`,
                'Or update the pin to the toolchain you mean to use.'
            ],
            ...ctx.locator.file(expected.file, expected.line)
        }
    ];
}
function rustVersionFindings(ctx) {
    const runner = parseRelease(ctx.build.rustc.release);
    if (runner === null)
        return [];
    const out = [];
    const packages = new Map(ctx.graph.units.filter(u => u.pkg.source === null).map(u => [u.pkg.id, u.pkg]));
    for (const pkg of packages.values()) {
        const wanted = pkg.rustVersion === null ? null : parseRelease(pkg.rustVersion);
        if (wanted === null || compareRelease(wanted, runner) <= 0)
            continue;
        out.push({
            rule: 'toolchain-mismatch',
            severity: ruleInfo('toolchain-mismatch').severity,
            package: pkg.name,
            crates: [pkg.name],
            message: `\`${pkg.name}\` declares \`rust-version = "${pkg.rustVersion}"\`, newer than the compiler in use (rustc ${ctx.build.rustc.release}): cargo refuses to build it ("${pkg.name}@${pkg.version} requires rustc ${pkg.rustVersion}").`,
            fixes: [`Use rustc ${pkg.rustVersion} or newer (pin it in \`rust-toolchain.toml\`).`, 'Or lower `rust-version` if the package does not need the newer compiler.'],
            ...ctx.locator.manifestKey(pkg, ['package', 'rust-version'], ['package', 'rust_version'], ['package'])
        });
    }
    return out;
}
function targetFindings(ctx) {
    const target = ctx.build.target;
    if (target.stdInstalled)
        return [];
    const { pin, targetSource } = ctx.facts;
    const location = targetSource !== null && 'file' in targetSource
        ? ctx.locator.file(targetSource.file, targetSource.line)
        : pin !== null && pin.targetsLine !== null
            ? ctx.locator.file(pin.file, pin.targetsLine)
            : ctx.locator.file(`${ctx.metadata.workspaceRoot}/Cargo.toml`, 1);
    return [
        {
            rule: 'toolchain-mismatch',
            severity: ruleInfo('toolchain-mismatch').severity,
            crates: [target.triple],
            message: `The target \`${target.triple}\` has no standard library in this toolchain (\`${target.targetLibdir}\` holds no \`libstd\`): every crate fails with "error[E0463]: can't find crate for \`std\`".`,
            fixes: [
                `Install it: \`rustup target add ${target.triple}\`, or list it under \`targets\` in \`rust-toolchain.toml\` so rustup installs it with the toolchain.`,
                'Or build for a target this toolchain has.'
            ],
            ...location
        }
    ];
}
/** `1.95.0`, `1.95`, `1.97.0-nightly` → numbers; pre-release suffixes are ignored. */
function parseRelease(text) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
    return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null;
}
function compareRelease(a, b) {
    return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

;// CONCATENATED MODULE: ./src/rules/evaluate.ts













/**
 * Every rule over the analysed workspace: the linkage rules (what rustc and cargo would refuse or what fails
 * at run time) and the toolchain and plugin-safety rules; deduplicated, fingerprinted, sorted.
 */
function evaluateRules(ctx) {
    const drafts = [...linkageFindings(ctx.linkage, ctx.locator, ctx.metadata), ...doctestFindings(ctx.linkage, ctx.locator, ctx.metadata, ctx.invocation.target !== null), ...staticPieFindings(ctx.linkage, ctx.locator), ...collisionFindings(ctx), ...duplicateSymbolFindings(ctx), ...toolchainFindings(ctx), ...abiFindings(ctx), ...pluginFindings(ctx), ...publishFindings(ctx)];
    return dedupe(drafts.map(d => inRepository(d, ctx)))
        .map(f => ({ ...f, fixes: f.fixes.map(adviceFix), fingerprint: findingFingerprint(f) }))
        .sort(compareFindings);
}
/**
 * A finding located in the manifest of a package outside the workspace (a registry or git dependency, whose
 * manifest sits in cargo's home) points instead at the workspace manifest line that brings that package in:
 * the dependency entry of the last workspace package on its inclusion path, else the root manifest. Related
 * lines outside the workspace are dropped; the message names the crate already.
 */
function inRepository(draft, ctx) {
    const index = packageIndex(ctx.metadata);
    const outside = (file) => isAbsolutePath(file) && index.externalManifests.has(forwardSlashes(file));
    const related = draft.related?.filter(r => !outside(r.file));
    const kept = related === undefined || related.length === draft.related.length ? draft : { ...draft, ...(related.length > 0 ? { related } : { related: undefined }) };
    if (!outside(draft.file))
        return kept;
    for (const path of draft.inclusion ?? []) {
        const names = [...path.chain, path.crate];
        for (let i = 1; i < names.length; i++) {
            const dependent = index.members.get(names[i - 1]) ?? (i === 1 && draft.package !== undefined ? index.memberNamed.get(draft.package) : undefined);
            const external = index.external.get(names[i]);
            if (dependent !== undefined && external !== undefined)
                return { ...kept, ...ctx.locator.dependencyNamed(dependent, external.name) };
        }
    }
    return { ...kept, file: 'Cargo.toml', line: 1 };
}
function packageIndex(metadata) {
    let index = packageIndexes.get(metadata);
    if (index === undefined) {
        const local = new Set(metadata.workspaceMembers);
        index = { members: new Map(), memberNamed: new Map(), external: new Map(), externalManifests: new Set() };
        for (const pkg of metadata.packages.values()) {
            const member = local.has(pkg.id);
            if (member)
                index.memberNamed.set(pkg.name, pkg);
            else
                index.externalManifests.add(forwardSlashes(pkg.manifestPath));
            const lib = pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro');
            if (lib)
                (member ? index.members : index.external).set(lib.name.replace(/-/g, '_'), pkg);
        }
        packageIndexes.set(metadata, index);
    }
    return index;
}
const packageIndexes = new WeakMap();
function dedupe(findings) {
    const seen = new Set();
    return findings.filter(f => {
        const key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join('\0');
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/engine.ts














/**
 * Selection → unit graph → linkage → findings → verified fixes: the report less its gate (`policy/gate.ts`
 * adds it). Pure but for `sourceUsesCrate`, `facts` and `readText`, which read files the first time they are
 * asked about one.
 */
function analyze(input) {
    const { analysis, linkage } = analyzeOnce(input);
    const { findings, note } = withVerifiedFixes({
        model: { metadata: input.metadata, context: input.context, invocation: input.invocation },
        analysis,
        linkage,
        reanalyse: model => analyzeOnce({ ...input, ...model }),
        readText: input.readText ?? null
    });
    return { ...analysis, findings, notes: note === null ? analysis.notes : [...analysis.notes, note] };
}
function analyzeOnce(input) {
    const { metadata, context, invocation } = input;
    const selection = selectPackages(metadata, invocation, input.currentManifest);
    const features = featuresOf(input, selection.packages);
    const graph = buildUnitGraph(metadata, context, invocation, selection.packages, input.sourceUsesCrate, features, input.docExamplesOf);
    const linkage = resolveLinkage(graph, compilerBehaviour(context.rustc, context.host));
    const facts = input.facts ?? noFacts();
    const findings = evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator: input.locator });
    const notes = [...(input.notes ?? []), ...selection.warnings, ...graph.warnings];
    if (input.resolver === null) {
        notes.push("The workspace manifest could not be read, so features are those of `cargo metadata`'s resolve of the whole workspace: an optional dependency another member enables counts as enabled here too.");
    }
    if (metadata.graphQuality === 'no-dep-kinds') {
        notes.push('The metadata predates `dep_kinds` (cargo before 1.41): dependency kinds and platforms were recovered from the declared dependencies by name, so a dependency may be counted in more sections than it is.');
    }
    const unmodelled = [...new Set([context.host, context.target].filter(t => loaderFamily(t) === 'unmodelled').map(t => t.triple))];
    for (const triple of unmodelled) {
        notes.push(`How executables find Rust shared libraries at run time is not modelled for target \`${triple}\`: \`runtime-dylib\` counts every one as missing outside cargo unless an rpath is set. Linkage verdicts are exact.`);
    }
    // Only a dylib's build depends on `-C prefer-dynamic` in a way cargo's fingerprint misses.
    if (graph.units.some(u => u.crateTypes.includes('dylib'))) {
        notes.push('Verdicts describe a clean build: cargo does not rebuild a dylib when only `-C prefer-dynamic` changes, so a stale target directory can behave differently.');
    }
    const profile = invocation.command === 'test' ? context.testProfile : context.profile;
    const analysis = {
        version: 2,
        toolchain: toolchainReport(context, facts, metadata.workspaceRoot),
        boundaries: boundaryReports(graph, linkage, metadata, facts),
        workspaceRoot: metadata.workspaceRoot,
        invocation: { command: invocation.command, args: input.commandLine, profile: profile.name },
        artifacts: artifactReports(linkage),
        findings,
        notes
    };
    return { analysis, linkage };
}
/** The features and optional dependencies cargo activates for the invocation (`resolver/features.rs`). */
function featuresOf(input, selected) {
    const { metadata, invocation, context } = input;
    if (input.resolver === null)
        return metadataFeatures(metadata);
    return resolveFeatures(metadata, {
        resolver: input.resolver,
        selected,
        current: currentPackage(metadata, input.currentManifest),
        virtualWorkspace: rootPackage(metadata) === null,
        features: invocation.features,
        allFeatures: invocation.allFeatures,
        noDefaultFeatures: invocation.noDefaultFeatures,
        hasDevUnits: needsDevDependencies(invocation),
        host: context.host,
        target: context.target
    });
}
function toolchainReport(context, facts, workspaceRoot) {
    const report = {
        release: context.rustc.release,
        commitHash: context.rustc.commitHash,
        ...(context.rustc.commitDate === null ? {} : { commitDate: context.rustc.commitDate }),
        host: context.rustc.host,
        target: context.target.triple,
        stdInstalled: context.target.stdInstalled
    };
    const pin = facts.pin;
    if (pin !== null) {
        report.pin = { file: relativeOrAbsolute(workspaceRoot, pin.file), line: pin.line, channel: pin.channel, path: pin.path, kind: pin.kind };
    }
    if (facts.expectedToolchain !== null)
        report.expected = facts.expectedToolchain.channel;
    return report;
}
function boundaryReports(graph, linkage, metadata, facts) {
    const entry = (unit, role) => ({
        package: unit.pkg.name,
        target: unit.target.name,
        kind: unit.target.kind,
        platform: unit.kind,
        role,
        panic: unit.panic,
        abiFlags: abiFlags(unit.rustflags)
    });
    const plugins = pluginSystem(graph, metadata, facts.loadsLibraries);
    return [
        ...rustAbiBoundaries(graph, linkage).map(b => entry(b.unit, b.kind)),
        ...(plugins?.plugins.map(u => entry(u, 'plugin')) ?? []),
        ...(plugins?.hosts.map(h => entry(h.unit, 'plugin-host')) ?? [])
    ];
}
function artifactReports(linkage) {
    const out = [];
    const sorted = [...linkage.results].sort((a, b) => compareUnits(a.unit, b.unit));
    for (const result of sorted) {
        const unit = result.unit;
        // Doc tests rustdoc compiles nothing for (no examples, or `--no-run`) produce no artifact.
        if (unit.docExamples === 'none')
            continue;
        const types = unit.crateTypes.length > 0 ? unit.crateTypes : unit.droppedCrateTypes;
        for (const crateType of types) {
            const artifact = result.artifacts.find(a => a.crateType === crateType);
            const entry = {
                package: unit.pkg.name,
                version: unit.pkg.version,
                target: unit.target.name,
                kind: unit.target.kind,
                mode: unit.mode,
                crateType,
                platform: unit.kind,
                features: [...unit.features],
                status: result.status,
                preferDynamic: unit.preferDynamic !== null,
                panic: unit.panic,
                linkage: artifact?.formats ? linkageEntries(result, artifact.formats, linkage) : []
            };
            if (result.status === 'blocked') {
                entry.blockedBy = result.blockedBy.map(b => ({ package: b.pkg.name, target: b.target.name, kind: b.target.kind, mode: b.mode }));
            }
            if (artifact?.formats && crateType !== 'staticlib') {
                entry.runtimeLibraries = result.runtimeLibraries;
                entry.rpath = unit.rpath;
            }
            out.push(entry);
        }
    }
    return out;
}
/**
 * The same crate linked the same way is one shared, frozen entry in every artifact: a 10,000-package
 * workspace has millions of (artifact, crate) pairs but only thousands of distinct entries.
 */
function linkageEntries(result, formats, linkage) {
    let interned = entriesOf.get(linkage);
    if (interned === undefined)
        entriesOf.set(linkage, (interned = new Map()));
    const entries = [];
    for (const crate of result.crates) {
        const how = formats.linkage.get(crate.key) ?? 'not-linked';
        if (how === 'not-linked' && crate.key.startsWith('sys:'))
            continue;
        const via = how === 'included-from-dylib' ? formats.via.get(crate.key) : undefined;
        const viaName = via === undefined ? undefined : (linkage.crateNames.get(via)?.name ?? via);
        // A crate is linked in at most a few ways across all artifacts: a short list per crate is enough.
        let variants = interned.get(crate.key);
        if (variants === undefined)
            interned.set(crate.key, (variants = []));
        let entry = variants.find(e => e.how === how && e.via === viaName);
        if (entry === undefined) {
            const owner = linkage.crateNames.get(crate.key)?.unit;
            entry = Object.freeze({
                crate: crate.name,
                how,
                ...(viaName === undefined ? {} : { via: viaName }),
                ...(owner ? { package: `${owner.pkg.name}@${owner.pkg.version}` } : {})
            });
            variants.push(entry);
        }
        entries.push(entry);
    }
    return entries;
}
const entriesOf = new WeakMap();
function compareUnits(a, b) {
    return (compareText(a.pkg.name, b.pkg.name) ||
        compareText(a.pkg.version, b.pkg.version) ||
        compareText(a.target.kind, b.target.kind) ||
        compareText(a.target.name, b.target.name) ||
        compareText(a.mode, b.mode) ||
        compareText(a.kind, b.kind) ||
        compareText(a.panic, b.panic) ||
        compareText(resolve_crateName(a), resolve_crateName(b)));
}

;// CONCATENATED MODULE: ./src/exec/child-env.ts
/**
 * The environment of the programs we run (`cargo metadata`, `rustc`, `rustup which`): an allow-list of what
 * they need to find their toolchain, their caches and the network, and nothing else. The job's token
 * (`INPUT_GITHUB-TOKEN`, `GITHUB_TOKEN`), the runner's own credentials (`ACTIONS_RUNTIME_TOKEN`,
 * `ACTIONS_ID_TOKEN_REQUEST_*`) and every other variable of the step stay with us.
 *
 * Left out on purpose, though cargo or rustc would read them:
 * - `RUSTFLAGS`, `CARGO_ENCODED_RUSTFLAGS`, `CARGO_BUILD_*` (rustflags, `target`, `rustc`, wrappers),
 *   `CARGO_TARGET_*` (per-target rustflags, linker, runner), `CARGO_PROFILE_*`: the analysis reads them
 *   as data from our own environment; our probe gets only the flags it may have.
 * - `RUSTC_WRAPPER`, `RUSTC_WORKSPACE_WRAPPER`: they change how cargo runs rustc, not what is analysed.
 * - `LD_PRELOAD`, `LD_LIBRARY_PATH`, `LD_AUDIT`, `DYLD_*`: libraries loaded into every child; rustup's
 *   compilers find their own libraries through their run path.
 * - `RUST_TARGET_PATH`, `RUSTC_ICE` and other rustc variables that name files to read or write.
 * - `CARGO_TERM_*`, `CARGO_LOG`, `TERM`: output is captured and parsed, not shown.
 * - `GIT_DIR`, `GIT_WORK_TREE`, `GIT_EXEC_PATH` and the like, which redirect git; the variables that let git
 *   reach private git dependencies (ssh command, askpass, `GIT_CONFIG_*`) are kept.
 */
/** Variables passed by exact name. */
const NAMES = [
    // Finding programs, the home directory and a temporary directory; the user's locale.
    'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'TZ',
    // The toolchain: cargo's home, the rustc pinned by us (or by the workflow), `-Z` on a stable compiler as the build would allow it.
    'CARGO_HOME', 'RUSTC', 'RUSTC_BOOTSTRAP',
    // The network: proxies (curl reads the lower-case forms), certificates, the ssh agent for git dependencies.
    'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
    'SSL_CERT_FILE', 'SSL_CERT_DIR', 'SSH_AUTH_SOCK',
    // git run by cargo for git dependencies (`net.git-fetch-with-cli`): how it authenticates.
    'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_TERMINAL_PROMPT',
    'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS',
    // Windows: what programs need to start, find their profile and load system libraries.
    'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'PATHEXT', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH'
];
/** Variables passed by prefix. */
const PREFIXES = [
    'LC_',
    // rustup's own settings: its home, the toolchain, whether it may install, where it downloads from.
    'RUSTUP_',
    // cargo configuration that changes what `cargo metadata` resolves or how it reaches registries.
    'CARGO_NET_', 'CARGO_HTTP_', 'CARGO_REGISTRIES_', 'CARGO_REGISTRY_', 'CARGO_SOURCE_', 'CARGO_RESOLVER_', 'CARGO_UNSTABLE_',
    'GIT_CONFIG_KEY_', 'GIT_CONFIG_VALUE_'
];
const EXACT = new Set(NAMES);
const EXACT_UPPER = new Set(NAMES.map(n => n.toUpperCase()));
/**
 * Whether a variable reaches child processes. Windows variable names are case-insensitive (`Path`,
 * `SystemRoot`, `ComSpec`), so there they are compared in upper case.
 */
function passesToChildren(name, platform) {
    const key = platform === 'win32' ? name.toUpperCase() : name;
    if ((platform === 'win32' ? EXACT_UPPER : EXACT).has(key))
        return true;
    return PREFIXES.some(p => key.startsWith(p));
}
/** The environment for cargo, rustc and rustup: the allowed variables of `env`, unset ones dropped. */
function childEnvironment(env, platform) {
    const out = {};
    for (const [name, value] of Object.entries(env))
        if (value !== undefined && passesToChildren(name, platform))
            out[name] = value;
    return out;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/limits.ts
/**
 * Every size limit on what the analysis reads: the files it parses and the output of the programs it runs.
 * A larger input ends the run with one line naming it and the limit; nothing is read past a limit.
 */
const KiB = 1024;
const MiB = 1024 * KiB;
/**
 * Report files larger than this are refused before they are parsed (UTF-8 bytes). A 10,000-package workspace
 * built with `-C prefer-dynamic` writes a 198 MiB report (824,000 linkage entries); V8 cannot hold a string
 * of more than 512 Mi code units at all.
 */
const MAX_REPORT_BYTES = 256 * MiB;
/**
 * The most `cargo metadata` may print, and the largest `--metadata-file`. Real metadata takes 4–10 KB per
 * package (the corpus: libra 606 packages in 2.4 MB, rules_rust 386 in 3.7 MB) and the synthetic
 * 10,000-package workspace of the benchmark 33 MB; a crate with thousands of features (`web-sys`,
 * `windows`) adds a few hundred KB. This leaves room for 25 KB a package at 10,000 packages while the text
 * stays far below V8's longest string (2^29 − 24 code units).
 */
const MAX_METADATA_BYTES = 256 * MiB;
/**
 * The most `rustc -vV`, `rustc --print` and `rustup which` may print: a few KB (`--print cfg` is the
 * largest, about 60 lines).
 */
const MAX_TOOL_STDOUT_BYTES = 1 * MiB;
/**
 * The most standard error any program may print. It is only read for an error message (cargo prints a line
 * per downloaded crate: some 400 KB for 10,000 crates); a program printing more is stopped.
 */
const MAX_STDERR_BYTES = 16 * MiB;
/** What is kept of standard error for messages: its beginning and its end (the error line may be in either). */
const STDERR_KEPT = { head: 64 * KiB, tail: 64 * KiB };
/**
 * The largest file of each kind that is read. TOML files are bounded so that the largest one accepted parses
 * quickly and no array in them has two million elements (the smallest such array, `[1,1,…]`, takes 4 MB).
 */
const INPUT_LIMITS = {
    // The largest published manifests (`web-sys`, `embassy-stm32`: thousands of features, normalized one
    // per line by `cargo publish`) are a few hundred KB. The slowest 1 MiB of TOML to read (350,000 empty
    // inline tables) takes about half a second.
    manifest: { bytes: 1 * MiB, what: 'a manifest' },
    // Real ones are a few KB; vendoring and `[patch]` tables for hundreds of crates stay under 100 KB.
    'cargo-config': { bytes: 1 * MiB, what: 'a cargo config file' },
    // A channel and a few lists of components and targets.
    'toolchain-file': { bytes: 1 * MiB, what: 'a toolchain file' },
    // A few hundred `[[allow]]` entries of a few lines each.
    policy: { bytes: 1 * MiB, what: 'a policy file' },
    // A baseline is the JSON report of an earlier run, so it has the report's limit.
    baseline: { bytes: MAX_REPORT_BYTES, what: 'a baseline report' },
    report: { bytes: MAX_REPORT_BYTES, what: 'a JSON report' },
    // GitHub delivers no webhook payload over 25 MB, and the runner writes it indented, which can double it.
    'event-payload': { bytes: 64 * MiB, what: 'an event payload' },
    metadata: { bytes: MAX_METADATA_BYTES, what: 'cargo metadata output' },
    // Read only to add findings (allocators, library loading): larger sources are skipped, never refused.
    'rust-source': { bytes: 4 * MiB, what: 'a Rust source file' }
};
/** Rust source files read per package at most when a rule needs a package's sources; the rest are skipped. */
const MAX_SOURCE_FILES = 2000;
/** A size for messages: `1 MiB`, `5.1 MiB`, `64 KiB`; rounded up, so that a size just over a limit never reads as the limit. */
function formatSize(bytes) {
    const [unit, name] = bytes >= MiB ? [MiB, 'MiB'] : bytes >= KiB ? [KiB, 'KiB'] : [1, 'bytes'];
    if (bytes % unit === 0)
        return `${bytes / unit} ${name}`;
    return `${(Math.ceil((bytes / unit) * 10) / 10).toFixed(1)} ${name}`;
}

;// CONCATENATED MODULE: ./src/exec/runner.ts



/** How long one `cargo` or `rustc` call may take by default: `cargo metadata` may download sources. */
const DEFAULT_TIMEOUT_MS = 300_000;
/**
 * Runs programs directly (no shell), output captured and never streamed. A call that outlives `timeoutMs`, or
 * prints more than its limit on stdout or stderr, is killed with its whole process group (cargo's rustc
 * children included) and fails with a one-line CommandError. No more than the limit is ever held in memory,
 * and of stderr only its beginning and end.
 */
function processRunner(timeoutMs = DEFAULT_TIMEOUT_MS, limits = {}) {
    return {
        run(command, args, options = {}) {
            const maxStdout = options.maxStdoutBytes ?? limits.maxStdoutBytes ?? MAX_METADATA_BYTES;
            const maxStderr = limits.maxStderrBytes ?? MAX_STDERR_BYTES;
            return new Promise((resolve, reject) => {
                if (options.signal?.aborted) {
                    reject(new CommandError(`\`${shownCommand(command, args)}\` was not run: the analysis had already stopped`, command, args, ''));
                    return;
                }
                const child = (0,external_node_child_process_namespaceObject.spawn)(command, [...args], {
                    cwd: options.cwd,
                    env: options.env,
                    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                    // Its own process group, so that a timeout can end everything it started.
                    detached: process.platform !== 'win32',
                    windowsHide: true
                });
                const stdout = new Capture();
                const stderr = new HeadAndTail(STDERR_KEPT.head, STDERR_KEPT.tail);
                const shown = shownCommand(command, args);
                /** Why the program was stopped: the message of the call's error. */
                let stopped = null;
                const stop = (message) => {
                    if (stopped !== null)
                        return;
                    stopped = message;
                    kill(child.pid);
                    // Nothing more is read (what the pipes still hold is dropped), and a process that left the group
                    // holding them open cannot keep the call waiting.
                    child.stdout.destroy();
                    child.stderr.destroy();
                };
                child.stdout.on('data', (chunk) => {
                    if (stopped !== null)
                        return;
                    if (stdout.size + chunk.length > maxStdout)
                        stop(`\`${shown}\` printed more than ${formatSize(maxStdout)} on standard output and was stopped`);
                    else
                        stdout.add(chunk);
                });
                child.stderr.on('data', (chunk) => {
                    if (stopped !== null)
                        return;
                    if (stderr.total + chunk.length > maxStderr)
                        stop(`\`${shown}\` printed more than ${formatSize(maxStderr)} on standard error and was stopped`);
                    else
                        stderr.add(chunk);
                });
                const onAbort = () => stop(`\`${shown}\` was no longer needed (another step of the analysis failed) and was stopped`);
                options.signal?.addEventListener('abort', onAbort, { once: true });
                if (options.input !== undefined)
                    child.stdin?.end(options.input);
                const timer = setTimeout(() => {
                    stop(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`);
                }, timeoutMs);
                child.on('error', error => {
                    clearTimeout(timer);
                    options.signal?.removeEventListener('abort', onAbort);
                    const code = error.code;
                    const reason = code === 'ENOENT' ? 'it was not found; install it or put it on PATH' : code === 'EACCES' ? 'it is not executable' : error.message;
                    reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ''));
                });
                child.on('close', (code, signal) => {
                    clearTimeout(timer);
                    options.signal?.removeEventListener('abort', onAbort);
                    const errors = stderr.text();
                    if (stopped !== null) {
                        reject(new CommandError(stopped, command, args, errors));
                        return;
                    }
                    resolve({ exitCode: code ?? (signal === null ? 1 : 128), stdout: stdout.text(), stderr: errors });
                });
            });
        }
    };
}
/**
 * A runner whose calls that are still running are stopped, with their process groups, by `cancel()`: once one
 * step of an analysis fails, nothing it started in parallel keeps running (or keeps the process alive).
 */
function cancellable(runner) {
    const controller = new AbortController();
    return {
        run(command, args, options = {}) {
            const signal = options.signal === undefined ? controller.signal : AbortSignal.any([options.signal, controller.signal]);
            return runner.run(command, args, { ...options, signal });
        },
        cancel: () => controller.abort()
    };
}
/** All of a stream, in the chunks it came in. */
class Capture {
    chunks = [];
    size = 0;
    add(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
    }
    text() {
        const whole = Buffer.concat(this.chunks, this.size);
        this.chunks = [];
        return whole.toString('utf8');
    }
}
/** The first `headBytes` and the last `tailBytes` of a stream, and how long it was. */
class HeadAndTail {
    headBytes;
    tailBytes;
    head = [];
    headSize = 0;
    tail = [];
    tailSize = 0;
    total = 0;
    constructor(headBytes, tailBytes) {
        this.headBytes = headBytes;
        this.tailBytes = tailBytes;
    }
    add(chunk) {
        this.total += chunk.length;
        if (this.headSize < this.headBytes) {
            const taken = chunk.subarray(0, this.headBytes - this.headSize);
            this.head.push(taken);
            this.headSize += taken.length;
            chunk = chunk.subarray(taken.length);
            if (chunk.length === 0)
                return;
        }
        this.tail.push(chunk);
        this.tailSize += chunk.length;
        while (this.tailSize - this.tail[0].length >= this.tailBytes)
            this.tailSize -= this.tail.shift().length;
    }
    /** The text kept; when some was left out, cut at line breaks, with a line in between saying how much. */
    text() {
        let tail = Buffer.concat(this.tail, this.tailSize);
        if (tail.length > this.tailBytes)
            tail = tail.subarray(tail.length - this.tailBytes);
        const head = Buffer.concat(this.head, this.headSize).toString('utf8');
        const left = this.total - this.headSize - tail.length;
        if (left === 0)
            return head + tail.toString('utf8');
        const end = tail.toString('utf8');
        // A line cut in two is dropped, unless it is all there is.
        const headEnd = head.lastIndexOf('\n');
        const headLines = headEnd < 0 ? `${head}\n` : head.slice(0, headEnd + 1);
        const tailLines = end.slice(end.indexOf('\n') + 1);
        const cut = this.total - Buffer.byteLength(headLines) - Buffer.byteLength(tailLines);
        return `${headLines}[${formatSize(Math.max(cut, 0))} of output left out]\n${tailLines}`;
    }
}
/** How a command is named in messages: the program and its subcommand or main option (`cargo metadata`, `rustc --print`). */
function shownCommand(command, args) {
    const name = command.split(/[\\/]/).pop();
    // The probe's first argument is its input file (the null device): name what it does instead.
    const main = args.some(a => a.startsWith('--print')) ? '--print' : args[0];
    return main === undefined ? `${name}` : `${name} ${main}`;
}
function kill(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
/** The runner used by the action and the CLI unless a timeout is given. */
const execRunner = processRunner();

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/input-file.ts





/**
 * The one reader of every file the analysis parses. A repository can make any of them huge, or a symlink to
 * `/dev/zero` or a FIFO; none of them may stream forever, block the run or exhaust memory.
 */
/** A file that could not be read, or was refused. `message` names the file; `reason` is the rest. */
class InputFileError extends errors_UserError {
    file;
    code;
    reason;
    constructor(file, 
    /** The errno code when opening or reading failed (`ENOENT`, …); null when the file was refused. */
    code, reason) {
        super(`${file}: ${reason}`);
        this.file = file;
        this.code = code;
        this.reason = reason;
        this.name = 'InputFileError';
    }
}
/** The scope of the repository at `root`. */
function repositoryScope(root) {
    const resolved = external_node_path_default().resolve(root);
    let realRoot = resolved;
    try {
        realRoot = external_node_fs_default().realpathSync(resolved);
    }
    catch {
        // A repository that cannot be resolved has no file to read either.
    }
    return { root: resolved, realRoot };
}
/**
 * The scope `file` is read in: `scope` when the file lies in the repository as named (before any symlink is
 * followed), else null — the runner's own files (`CARGO_HOME`, configs in parent directories) are read as they are.
 */
function scopeFor(scope, file) {
    if (scope === null)
        return null;
    const absolute = external_node_path_default().resolve(file);
    return isAtOrBelow(scope.root, absolute) || isAtOrBelow(scope.realRoot, absolute) ? scope : null;
}
/**
 * Whether the absolute path `p` lies in the repository: as named, and, when it exists, by its real path (a
 * directory symlink in the checkout can point anywhere).
 */
function isInsideRepository(scope, p) {
    if (!isAtOrBelow(scope.root, p) && !isAtOrBelow(scope.realRoot, p))
        return false;
    try {
        return isAtOrBelow(scope.realRoot, external_node_fs_default().realpathSync(p));
    }
    catch {
        // Nothing there yet: cargo finds nothing to read either, and says so.
        return true;
    }
}
/** The reason given when a file of the repository leads outside it. */
const OUTSIDE_REPOSITORY = 'it leads outside the repository through a symlink (set trust-repository-config to read it)';
// Opening a FIFO for reading blocks until a writer comes, unless non-blocking; regular files ignore the flag.
const O_NONBLOCK = (external_node_fs_default()).constants.O_NONBLOCK ?? 0;
/** Where bytes past the size a file had when opened are read, a MiB at a time (reads are synchronous: one is enough). */
let scratch = null;
/**
 * Reads `file` as UTF-8, as `fs.readFileSync` would, but only a regular file (a directory, device, FIFO or
 * socket is refused: its type is checked on the opened descriptor, so a swap after a check changes
 * nothing), and never more than the limit of its `kind` plus one byte, whatever the file's size said.
 *
 * @throws InputFileError naming the file: what it is, or its size and the limit, or why it cannot be read.
 */
function readInputFile(file, kind, options = {}) {
    const shown = options.shown ?? file;
    const limit = INPUT_LIMITS[kind];
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, (external_node_fs_default()).constants.O_RDONLY | O_NONBLOCK);
    }
    catch (error) {
        throw failed(shown, error);
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (options.within)
            checkWithin(file, stat, options.within, shown);
        if (stat.isFIFO() && options.allowPipe === true) {
            // Read it blocking, as the user asked; the limit still bounds what is kept.
            external_node_fs_default().closeSync(fd);
            fd = -1;
            try {
                fd = external_node_fs_default().openSync(file, 'r');
            }
            catch (error) {
                throw failed(shown, error);
            }
        }
        else if (!stat.isFile()) {
            throw new InputFileError(shown, null, `${fileType(stat)}, not a regular file; ${limit.what} must be one`);
        }
        else if (stat.size > limit.bytes) {
            throw new InputFileError(shown, null, `${formatSize(stat.size)} is over the ${formatSize(limit.bytes)} limit for ${limit.what}`);
        }
        const chunks = [];
        let total = 0;
        // The size the file had when opened is read into one buffer of that size; anything after it (a file that
        // grows, a pipe) through a scratch buffer, copying only what came, one byte past the limit at most.
        const first = stat.isFile() ? Math.min(stat.size, limit.bytes) + 1 : 0;
        for (;;) {
            const room = limit.bytes + 1 - total;
            const buffer = total === 0 && first > 0 ? Buffer.allocUnsafe(first) : (scratch ??= Buffer.allocUnsafe(1024 * 1024));
            let n;
            try {
                n = external_node_fs_default().readSync(fd, buffer, 0, Math.min(buffer.length, room), null);
            }
            catch (error) {
                throw failed(shown, error);
            }
            if (n === 0)
                break;
            chunks.push(buffer === scratch ? Buffer.from(buffer.subarray(0, n)) : buffer.subarray(0, n));
            total += n;
            if (total > limit.bytes) {
                const growing = stat.isFile() ? ' (it grew while being read)' : '';
                throw new InputFileError(shown, null, `more than the ${formatSize(limit.bytes)} limit for ${limit.what}${growing}`);
            }
        }
        return (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString('utf8');
    }
    finally {
        if (fd >= 0)
            external_node_fs_default().closeSync(fd);
    }
}
/**
 * Refuses the opened file unless its real path is inside the repository's real path. The real path is taken
 * after opening and must name the very file opened (same device and inode), so what is checked is what is read.
 */
function checkWithin(file, opened, scope, shown) {
    let real;
    let named;
    try {
        real = external_node_fs_default().realpathSync(file);
        named = external_node_fs_default().statSync(real);
    }
    catch (error) {
        throw failed(shown, error);
    }
    if (named.dev !== opened.dev || named.ino !== opened.ino)
        throw new InputFileError(shown, null, 'it was replaced while being read');
    if (!isAtOrBelow(scope.realRoot, real))
        throw new InputFileError(shown, null, OUTSIDE_REPOSITORY);
}
const REASONS = {
    ENOENT: 'no such file',
    ENOTDIR: 'a part of its path is a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'its path has too many levels of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    ENXIO: 'a socket or a device with nothing behind it, not a regular file',
    EISDIR: 'a directory, not a regular file',
    EIO: 'an input/output error occurred',
    EMFILE: 'too many files are open',
    ENFILE: 'too many files are open'
};
function failed(shown, error) {
    const code = error.code ?? null;
    const reason = (code !== null ? REASONS[code] : undefined) ?? code ?? (error instanceof Error ? error.message : String(error));
    return new InputFileError(shown, code, reason);
}
function fileType(stat) {
    if (stat.isDirectory())
        return 'a directory';
    if (stat.isFIFO())
        return 'a FIFO (named pipe)';
    if (stat.isCharacterDevice())
        return 'a character device';
    if (stat.isBlockDevice())
        return 'a block device';
    if (stat.isSocket())
        return 'a socket';
    return 'a special file';
}

;// CONCATENATED MODULE: ./src/gather/cargo-config.ts
/**
 * The cargo configuration files cargo would read, read from disk: the hierarchy above the working directory,
 * `CARGO_HOME`, their `include`s (confined to the repository when there is one), then the environment.
 * Merging and reading the merged configuration are `config/cargo-config.ts`.
 */







/** Cargo's home: `CARGO_HOME` (a relative one against the working directory, as cargo takes it), else `~/.cargo`. */
function cargoHomeOf(env) {
    return env.CARGO_HOME ? external_node_path_namespaceObject.resolve(env.CARGO_HOME) : external_node_path_namespaceObject.join(env.HOME ?? env.USERPROFILE ?? external_node_os_namespaceObject.homedir(), '.cargo');
}
/**
 * Reads and merges the config files cargo would read when run in `cwd` (with their `include`s), then
 * applies the environment. `CARGO_HOME` defaults to `~/.cargo`. `cli` are `--config KEY=VALUE` arguments.
 *
 * With a `scope`, a config file that lies in the repository, and every file such a file includes, is read
 * only if its real path is inside the repository; an include that names a path outside it is refused. The
 * files of the runner (`CARGO_HOME`, parent directories of the checkout) are read as they are.
 */
function readCargoConfig(cwd, env, cli = [], scope = null) {
    const cargoHome = cargoHomeOf(env);
    const files = [];
    /** The files read as the repository's: what they include must stay inside it. */
    const ofRepository = new Set();
    const dirsTaken = new Set();
    for (const candidate of configFilePaths(cwd, cargoHome)) {
        const dir = external_node_path_namespaceObject.dirname(candidate);
        if (dirsTaken.has(dir) || !isFile(candidate))
            continue;
        dirsTaken.add(dir);
        const within = scopeFor(scope, candidate);
        files.push({ path: candidate, text: readText(candidate, within) });
        if (within !== null)
            ofRepository.add(candidate);
    }
    const includes = new Map();
    const pending = files.map(f => f);
    while (pending.length > 0) {
        const file = pending.pop();
        const fromRepository = ofRepository.has(file.path);
        for (const include of includeTargets(file)) {
            if (fromRepository && scopeFor(scope, include.path) === null) {
                throw new errors_UserError(`${file.path}:${include.line}: config include \`${include.written}\` names a file outside the repository; it is not read (set trust-repository-config to read it)`);
            }
            if (includes.has(include.path) || !isFile(include.path))
                continue;
            const within = fromRepository ? scope : scopeFor(scope, include.path);
            const text = readText(include.path, within);
            includes.set(include.path, text);
            if (within !== null)
                ofRepository.add(include.path);
            pending.push({ path: include.path, text });
        }
    }
    return applyConfigEnv(mergeCargoConfig(files, { cli, includes }), env);
}
/** Include paths named by a file, for loading; malformed includes are reported by the merge. */
function includeTargets(file) {
    const doc = parseTomlDocument(file.text, file.path);
    const include = doc.value.include;
    if (!Array.isArray(include))
        return [];
    const out = [];
    include.forEach((entry, index) => {
        const written = typeof entry === 'string' ? entry : typeof entry === 'object' && !Array.isArray(entry) ? entry.path : undefined;
        if (typeof written === 'string' && written.endsWith('.toml')) {
            out.push({ path: external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(file.path), written), written, line: doc.lineIn(include, index) ?? 1 });
        }
    });
    return out;
}
function isFile(p) {
    try {
        return (0,external_node_fs_namespaceObject.existsSync)(p) && (0,external_node_fs_namespaceObject.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function readText(p, within) {
    try {
        return readInputFile(p, 'cargo-config', { within });
    }
    catch (error) {
        if (error instanceof InputFileError)
            throw new errors_UserError(`could not read cargo config file ${p}: ${error.reason}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/config/rustflag-policy.ts
/**
 * Rustflags read as rustc reads them, and sorted by what they may do here.
 *
 * Rustflags come from the repository (`.cargo/config.toml` in the checkout and its parent directories) and
 * from the environment. Our only use of rustc with them is the `rustc --print` probe, and every option there
 * is a request to a program. So each option is one of:
 *
 * - `probe`: it changes what the probe answers (`--print=cfg`, `--print=file-names`) or is an option the
 *   analysis reads and rustc validates as cargo's own probe would; it names no file or program.
 * - `data`: harmless, read by the analysis from the flag list but never given to any process (nothing is
 *   compiled here, so lints, debuginfo, link arguments and the like change nothing we ask rustc).
 * - `refused`: it names a file or a program, or makes rustc write; the run stops unless the repository's
 *   configuration is trusted.
 *
 * Measured with rustc 1.95.0 and nightly 1.97.0 (x86_64-unknown-linux-gnu), comparing the probe's output with
 * and without each option: `--cfg`, `-C target-feature`, `-C target-cpu`, `-C panic`, `-C debug-assertions`,
 * `-O` and `-C opt-level` (`debug_assertions`) change `--print=cfg`; `+crt-static` also drops `dylib` and
 * `cdylib` from `--print=file-names`; on nightly `-Z sanitizer`, `-Z fmt-debug`, `-Z ub-checks` and
 * `-Z contract-checks` change `--print=cfg` too. `-C relocation-model`, `-C prefer-dynamic`, `-C lto`,
 * `-C embed-bitcode`, `-C overflow-checks` and the `-Z` options the rules read leave the output as it is, but
 * rustc rejects bad values and bad combinations of them (`-C lto -C embed-bitcode=no`, any `-Z` on stable)
 * in the probe exactly as in cargo's, so they go there too. `--test` changes both outputs as well, but so that
 * neither cargo's probe nor ours can read them (it drops the crate types asked for); it is data.
 *
 * Nothing here touches a process or a file.
 */


/** `-C` options that may reach the probe (see the module comment for what each changes). */
const PROBE_CODEGEN = new Set(['target-feature', 'target-cpu', 'relocation-model', 'panic', 'prefer-dynamic', 'lto', 'embed-bitcode', 'debug-assertions', 'overflow-checks', 'opt-level']);
/**
 * `-Z` options that may reach the probe: the ones the rules read (`staticlib-prefer-dynamic`,
 * `staticlib-allow-rdylib-deps` in `linkage/resolve.ts`, `randomize-layout`, `layout-seed` in `rules/abi.ts`)
 * and the ones that change `--print=cfg`. Every other `-Z` option is refused: the unstable options include
 * many that name files and programs (`codegen-backend`, `llvm-plugins`, `dump-*`, `self-profile`, …).
 */
const PROBE_UNSTABLE = new Set(['staticlib-prefer-dynamic', 'staticlib-allow-rdylib-deps', 'randomize-layout', 'layout-seed', 'sanitizer', 'fmt-debug', 'ub-checks', 'contract-checks']);
const WRITES = 'makes rustc write files';
const REFUSED_OPTIONS = new Map([
    ['--print', 'makes rustc print more than the probe asks for, or write a file (`--print KIND=PATH`)'],
    ['--sysroot', 'names the directory rustc loads its standard library from'],
    ['-o', WRITES],
    ['--out-dir', WRITES],
    ['--emit', WRITES],
    ['-L', 'names a directory rustc searches for libraries'],
    ['--extern', 'names a crate file rustc loads'],
    ['--target', "chooses the target behind cargo's back, and can name a target-specification file rustc reads"]
]);
const ARGFILE = 'names a file whose lines rustc reads as more arguments';
const LOADS_BACKEND = 'names a shared library rustc loads and runs as its code generator';
/** Classifies one option (see the module comment). */
function classifyOption(option) {
    const is = (use, why = null) => ({ ...option, use, why });
    if (option.separateValue && option.value.startsWith('@'))
        return is('refused', ARGFILE);
    switch (option.name) {
        case '@':
            return is('refused', ARGFILE);
        case '':
            return is('refused', 'is not an option, so rustc reads it as an input file');
        case '--cfg':
            return is('probe');
        case '-O':
            // `--O=x` gives a flag a value, which rustc rejects; it is not passed on in any form.
            return is(option.value === null ? 'probe' : 'data');
        case '-C': {
            const key = optionKey(option.value);
            if (PROBE_CODEGEN.has(key))
                return is('probe');
            if (key === 'linker')
                return is('refused', 'names the program rustc runs as the linker');
            if (key === 'codegen-backend')
                return is('refused', LOADS_BACKEND);
            return is('data');
        }
        case '-Z': {
            const key = optionKey(option.value);
            if (PROBE_UNSTABLE.has(key))
                return is('probe');
            if (key === 'codegen-backend')
                return is('refused', LOADS_BACKEND);
            return is('refused', 'is an unstable option; many of them name files and programs rustc reads, loads or runs');
        }
    }
    const why = REFUSED_OPTIONS.get(option.name);
    return why === undefined ? is('data') : is('refused', why);
}
/** Reads and classifies a rustflags list. */
function classifyRustflags(flags) {
    return readRustflags(flags).map(classifyOption);
}
/** The first refused option of a list, or null. */
function firstRefused(flags) {
    return classifyRustflags(flags).find(o => o.use === 'refused') ?? null;
}
/**
 * The arguments that may reach the probe: the `probe` options in their order (so the last of a repeated option
 * still wins), each as one token with its value attached (`--cfg=x`, `-Cpanic=abort`): whatever a value looks
 * like, it cannot then be read as an option of its own. Meant for lists without refused options; refused and
 * data options are left out either way.
 */
function probeRustflags(flags) {
    const out = [];
    for (const option of classifyRustflags(flags)) {
        if (option.use !== 'probe')
            continue;
        if (option.value === null)
            out.push(option.name);
        else
            out.push(option.name.startsWith('--') ? `${option.name}=${option.value}` : `${option.name}${option.value}`);
    }
    return out;
}
/**
 * Why a `build.target` (or `CARGO_BUILD_TARGET`) from the repository or the environment is refused, or null:
 * a `.json` name is a target-specification file (cargo's `CompileTarget::new`), and a name with a path
 * separator makes rustc look for `<name>.json` and `lib/rustlib/<name>/target.json` outside its own
 * directories (`rustc_target::spec::Target::search`). A target-specification file chooses the linker and more.
 */
function refusedTarget(target) {
    if (/\.json$/i.test(target))
        return 'names a target-specification file, which rustc reads and which chooses programs such as the linker';
    if (/[\\/]/.test(target))
        return 'is a path, and rustc looks for a target-specification file along it';
    return null;
}
const TRUST = 'flags from the repository and the environment reach rustc only as data (set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)';
/**
 * The one-line refusal for the first refused option of a list, or null when nothing is refused. `settings`
 * says where each flag was set (parallel to `flags`, as `EffectiveRustflags.flagSettings`).
 */
function rustflagsRefusal(flags, settings) {
    const refused = firstRefused(flags);
    if (refused === null)
        return null;
    const setting = settings[refused.token];
    let where = 'rustflags';
    if (setting !== undefined) {
        const { key, source } = setting;
        where = 'file' in source ? `${source.file}:${source.line}: \`${key}\`` : 'env' in source ? `environment variable \`${key}\`` : `${describeSource(source)}: \`${key}\``;
    }
    return `${where} passes \`${shownFlag(refused.written)}\` to rustc, which ${refused.why}; ${TRUST}`;
}
/**
 * The one-line refusal for a `build.target` value, or null. A target from `--config` is the user's own, like
 * the action's `target` input and the CLI's `--target`, and is not refused.
 */
function targetRefusal(target) {
    if ('cli' in target.source)
        return null;
    const why = refusedTarget(target.value);
    if (why === null)
        return null;
    const where = 'file' in target.source ? `${target.source.file}:${target.source.line}: \`build.target\`` : `environment variable \`${target.source.env}\``;
    return `${where} is \`${shownFlag(target.value)}\`, which ${why}; a target chosen by the repository or the environment must be a target name (give a target-specification file with the target input or --target, or set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)`;
}
/** A flag as shown in a message: control characters replaced, at most 120 characters. */
function shownFlag(flag) {
    const clean = flag.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069`]/g, '?');
    return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

;// CONCATENATED MODULE: ./src/config/rustflags.ts


/** Reproduces cargo 1.95's choice of rustflags for one compile kind. */
function effectiveRustflags(opts) {
    const { env, config } = opts;
    if (opts.kind === 'host' && opts.requestedTarget !== null) {
        return { flags: [], source: null, flagSources: [], flagSettings: [], origin: 'host-with-target', needsCfg: false };
    }
    const encoded = env.CARGO_ENCODED_RUSTFLAGS;
    if (encoded !== undefined) {
        // Cargo keeps empty pieces (a trailing \x1f passes an empty argument, which rustc rejects).
        const flags = encoded === '' ? [] : encoded.split('\x1f');
        return fromEnv('CARGO_ENCODED_RUSTFLAGS', flags);
    }
    const plain = env.RUSTFLAGS;
    if (plain !== undefined) {
        // Split on the space character only; tabs and newlines stay inside a flag (trimmed at its ends).
        const flags = plain.split(' ').map(s => s.trim()).filter(s => s !== '');
        return fromEnv('RUSTFLAGS', flags);
    }
    const items = keyed(`target.${opts.triple}.rustflags`, tripleRustflags(config, opts.triple)?.items ?? []);
    const cfgTables = [...config.targetRustflags].filter(([key]) => isCfgKey(key)).sort(([a], [b]) => compareUtf8(a, b));
    let needsCfg = false;
    if (opts.cfg === null) {
        needsCfg = cfgTables.length > 0;
    }
    else {
        const cfg = withoutProcMacro(opts.cfg);
        for (const [key, list] of cfgTables)
            if (cfgKeyMatches(key, cfg))
                items.push(...keyed(`target.'${key}'.rustflags`, list.items));
    }
    if (items.length > 0)
        return fromConfig('target', items, needsCfg);
    const build = config.buildRustflags;
    if (build !== null && build.items.length > 0)
        return fromConfig('build', keyed('build.rustflags', build.items), needsCfg);
    if (build !== null)
        return { flags: [], source: settingSource(build.source), flagSources: [], flagSettings: [], origin: 'build', needsCfg };
    return { flags: [], source: null, flagSources: [], flagSettings: [], origin: 'none', needsCfg };
}
/** Items of a list with the key they were set under; an item from an environment variable is keyed by the variable. */
function keyed(key, items) {
    return items.map(item => ({ ...item, key: 'env' in item.source ? item.source.env : key }));
}
function fromEnv(name, flags) {
    const source = { env: name };
    const setting = { key: name, source };
    return { flags, source, flagSources: flags.map(() => source), flagSettings: flags.map(() => setting), origin: name, needsCfg: false };
}
function fromConfig(origin, items, needsCfg) {
    const flagSources = items.map(i => settingSource(i.source));
    const flagSettings = items.map(i => ({ key: i.key, source: i.source }));
    return { flags: items.map(i => i.value), source: flagSources[0] ?? null, flagSources, flagSettings, origin, needsCfg };
}
function isCfgKey(key) {
    return key.startsWith('cfg(') && key.endsWith(')');
}
/** Cargo's `CfgExpr::matches_key`: a key that does not parse never matches (and is not an error). */
function cfgKeyMatches(key, cfg) {
    try {
        return evalCfg(parseCfgExpr(key.slice(4, -1)), cfg);
    }
    catch (error) {
        if (error instanceof CfgSyntaxError)
            return false;
        throw error;
    }
}
/** Cargo drops the `proc_macro` name from rustc's cfg before matching (`not_user_specific_cfg`). */
function withoutProcMacro(cfg) {
    if (!cfg.names.has('proc_macro'))
        return cfg;
    const names = new Set(cfg.names);
    names.delete('proc_macro');
    return { names, values: cfg.values };
}
/** Rust's `String` ordering (a `BTreeMap` key order): by UTF-8 bytes. */
function compareUtf8(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/**
 * Rustflags and cfg depend on each other: flags change rustc's cfg (`-C target-feature=+crt-static`),
 * and cfg selects `target.'cfg(…)'` tables. Cargo resolves this in `TargetInfo::new` with at most two
 * rounds: it probes rustc with the flags computed without cfg (cfg tables skipped, so `build.rustflags`
 * applies when no triple table has flags), recomputes the flags with the probed cfg, and if they changed,
 * probes once more with the new flags and recomputes; if they changed again it warns and keeps the
 * second-round flags (with the cfg probed for them). This function performs the same rounds with the
 * caller's probe, which also gets where each flag of the round was set.
 */
async function resolveRustflags(opts, probe) {
    const first = effectiveRustflags({ ...opts, cfg: null });
    const firstProbe = await probe(first.flags, first);
    const second = effectiveRustflags({ ...opts, cfg: firstProbe.cfg });
    if (sameFlags(first.flags, second.flags))
        return { ...second, probe: firstProbe, converged: true };
    const secondProbe = await probe(second.flags, second);
    const third = effectiveRustflags({ ...opts, cfg: secondProbe.cfg });
    return { ...second, probe: secondProbe, converged: sameFlags(second.flags, third.flags) };
}
function sameFlags(a, b) {
    return a.length === b.length && a.every((flag, i) => flag === b[i]);
}

;// CONCATENATED MODULE: ./src/config/trust.ts
/**
 * What of the repository's cargo configuration may reach our own `cargo` runs.
 *
 * `cargo metadata` runs from a directory outside the repository, so cargo reads none of the repository's
 * config files; the keys that only carry data and change its result are passed back with `--config`. Keys
 * that would make cargo run a program the repository chooses are refused (or, for wrappers and `[env]`,
 * left out: they do not change what is analysed).
 */


/** Tables whose every key is data that changes what `cargo metadata` resolves. */
const DATA_TABLES = ['patch', 'source', 'resolver', 'unstable'];
/** Single data keys elsewhere. */
const DATA_KEYS = new Set(['net.offline', 'net.retry', 'net.git-fetch-with-cli', 'registry.default', 'registry.index', 'paths']);
/** Keys whose value is a path, relative to the directory that holds the `.cargo` directory. */
const PATH_KEYS = /^(?:patch\.[^.]+\.[^.]+\.path|source\.[^.]+\.(?:directory|local-registry)|paths\.\d+)$/;
/**
 * Sorts the configuration that came from the repository's files (not from `CARGO_HOME`, which belongs to
 * the runner and which cargo reads itself) into data to pass on, programs to refuse, and keys to leave out.
 */
function repositoryConfigPlan(config, isRepositoryFile, 
/** Whether a path value (absolute) written in `file` may be passed on: false for a checkout's file naming a place outside it. */
pathAllowed = () => true) {
    const plan = { args: [], refused: [], ignored: [] };
    const fromRepository = (source) => 'file' in source && isRepositoryFile(source.file);
    // Leaves are scalars and arrays; `env` entries are taken as whole tables.
    walkConfig(config.tree, (keys, node) => {
        if (node.kind === 'table' && !(keys.length === 2 && keys[0] === 'env'))
            return true;
        const key = keys.join('.');
        if (!fromRepository(node.source))
            return false;
        const refusal = refusedBecause(keys);
        if (refusal !== null) {
            plan.refused.push({ key, source: node.source, why: refusal });
        }
        else if (key === 'build.rustc-wrapper' || key === 'build.rustc-workspace-wrapper' || keys[0] === 'env') {
            plan.ignored.push({ key, source: node.source });
        }
        else if (DATA_TABLES.includes(keys[0]) || DATA_KEYS.has(key) || (keys[0] === 'registries' && (keys[2] === 'index' || keys[2] === 'protocol'))) {
            const source = node.source;
            const outside = 'file' in source ? pathValues(node, key).find(p => !pathAllowed(source.file, p)) : undefined;
            if (outside !== undefined)
                plan.refused.push({ key, source: node.source, why: `names \`${outside}\`, a directory outside the repository whose manifests cargo would read` });
            else
                plan.args.push(`${tomlKey(keys)}=${tomlValue(node, keys, key)}`);
        }
        return false;
    });
    return plan;
}
const NOT_RUN = 'a program chosen by the repository is not run';
function refusedBecause(keys) {
    const key = keys.join('.');
    if (key === 'build.rustc')
        return `names the rustc that cargo runs; ${NOT_RUN}`;
    if (keys.at(-1) === 'credential-provider' || key === 'registry.global-credential-providers' || keys[0] === 'credential-alias') {
        return `names a credential provider, a program cargo runs to authenticate; ${NOT_RUN}`;
    }
    return null;
}
/** The path values of a data key (`patch.*.*.path`, `source.*.directory`, `paths`), made absolute. */
function pathValues(node, key) {
    const values = node.kind === 'scalar' ? (PATH_KEYS.test(key) ? [node.value] : []) : node.kind === 'array' ? node.items.filter((_, i) => PATH_KEYS.test(`${key}.${i}`)).map(i => i.value) : [];
    return values.filter((v) => typeof v === 'string').map(v => String(absolutePath(node, v)));
}
/** A path value as cargo reads it: relative to the directory that holds the `.cargo` directory of its file. */
function absolutePath(node, value) {
    return typeof value === 'string' && 'file' in node.source && !external_node_path_namespaceObject.isAbsolute(value) ? external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(external_node_path_namespaceObject.dirname(node.source.file)), value) : value;
}
/** A dotted TOML key, quoting the parts that are not bare keys (`patch."https://example.com".foo`). */
function tomlKey(keys) {
    return keys.map(k => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}
function tomlValue(node, keys, key) {
    if (node.kind === 'scalar')
        return toml(PATH_KEYS.test(key) ? absolutePath(node, node.value) : node.value);
    if (node.kind === 'array')
        return `[${node.items.map((item, i) => toml(PATH_KEYS.test(`${key}.${i}`) ? absolutePath(node, item.value) : item.value)).join(', ')}]`;
    throw new Error(`unexpected table at \`${keys.join('.')}\``);
}
/** A TOML value: JSON's string escapes are valid TOML basic strings. */
function toml(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(toml).join(', ')}]`;
    // A table read from TOML has no prototype, hence no `toString`.
    if (typeof value === 'object' && value !== null)
        return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey([k])} = ${toml(v)}`).join(', ')} }`;
    return String(value);
}

;// CONCATENATED MODULE: ./src/gather/isolation.ts
/**
 * Where cargo runs and what of the repository's configuration it sees: the checkout's cargo configuration is read
 * as data, refused flags and targets stop the run before any process starts, and cargo runs from an empty
 * directory outside the checkout.
 */











/** A `build.target` from the repository or the environment that names a file; the user's own `--target` wins over it. */
function refuseTarget(config, userTarget) {
    const bt = config.buildTarget;
    if (userTarget !== null || bt === null)
        return;
    for (const target of bt.kind === 'single' ? [bt.target] : bt.targets) {
        const refusal = targetRefusal(target);
        if (refusal !== null)
            throw new errors_UserError(refusal);
    }
}
/**
 * Refuses, before anything runs, the rustflags cargo would use when they can be known without rustc: those of
 * an environment variable, or of the configuration when the target is known or no table is keyed by a target.
 * Otherwise (`target.<host>` or `target.'cfg(…)'` tables) the flags of each round are checked just before
 * the probe that would get them (`probeTarget`). Only the flags in effect are refused, exactly those cargo
 * would pass: a `target.wasm32-unknown-unknown.rustflags` does not stop an analysis for Linux.
 */
function refuseRustflagsKnownNow(config, env, target) {
    const tables = config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0;
    const flags = effectiveRustflags({ env, config, kind: 'target', requestedTarget: target, triple: target ?? '', cfg: null });
    if (target !== null || !tables || flags.origin === 'RUSTFLAGS' || flags.origin === 'CARGO_ENCODED_RUSTFLAGS')
        refuseRustflags(flags);
}
function refuseRustflags(flags) {
    const refusal = rustflagsRefusal(flags.flags, flags.flagSettings);
    if (refusal !== null)
        throw new errors_UserError(refusal);
}
function isolate(config, env, options) {
    const overrides = (options.configOverrides ?? []).flatMap(c => ['--config', c]);
    if (options.trustRepositoryConfig === true)
        return { dir: external_node_path_default().resolve(options.cwd), env: {}, configArgs: overrides, notes: [] };
    const cargoHome = cargoHomeOf(env);
    const scope = options.scope ?? null;
    // A path a checkout's config file names (`[patch]`, `[source]`, `paths`) must stay in the checkout.
    const pathAllowed = (file, dir) => scope === null || scopeFor(scope, file) === null || isInsideRepository(scope, dir);
    const plan = repositoryConfigPlan(config, file => !paths_isBelow(cargoHome, file), pathAllowed);
    const refused = plan.refused[0];
    if (refused !== undefined)
        throw new errors_UserError(`${describeSource(refused.source)}: \`${refused.key}\` ${refused.why} (set trust-repository-config to allow it)`);
    const notes = plan.ignored.map(k => `\`${k.key}\` (${describeSource(k.source)}) was not applied to \`cargo metadata\` and \`rustc --print\`: it changes how cargo runs rustc, not what it builds, and a program or environment chosen by the repository is not used here.`);
    return {
        dir: external_node_fs_default().mkdtempSync(external_node_path_default().join(isolationParent(env), 'rust-linkage-guard-')),
        // cargo still reads the config files above the empty directory and in CARGO_HOME: empty wrappers (which
        // cargo treats as unset) and an explicit RUSTC (which wins over `build.rustc`) keep programs named there out.
        env: { RUSTC_WRAPPER: '', RUSTC_WORKSPACE_WRAPPER: '', RUSTC: env.RUSTC ?? 'rustc' },
        configArgs: [...plan.args.flatMap(a => ['--config', a]), ...overrides],
        notes
    };
}
/**
 * Where the empty directory cargo runs from is made. cargo reads `.cargo/config.toml` in every directory above
 * it, and the system's temporary directory is writable by every user of the machine; the runner's own
 * temporary directory (`RUNNER_TEMP`) belongs to the job, so it is preferred when there is one.
 */
function isolationParent(env) {
    const runnerTemp = env.RUNNER_TEMP;
    if (runnerTemp && external_node_path_default().isAbsolute(runnerTemp)) {
        try {
            if (external_node_fs_default().statSync(runnerTemp).isDirectory())
                return runnerTemp;
        }
        catch {
            // Not there: the system's temporary directory.
        }
    }
    return external_node_os_default().tmpdir();
}

;// CONCATENATED MODULE: ./src/report/json-checks.ts
/**
 * Checks shared by the readers of JSON that a user or an earlier run gave us (the baseline, the report):
 * what a value is, in a few words, and where JSON.parse gave up.
 */

/**
 * The top level of a JSON report of this tool: parsed (a leading BOM allowed), an object, version 1 or 2
 * (version 2 writes fixes as objects; reports of version 1 are read too). A SARIF
 * log is named as such, with `sarifAdvice` saying what to give instead.
 */
function readReportObject(text, file, sarifAdvice) {
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        throw new errors_UserError(`${file}: not a JSON report (${jsonProblem(json)})`);
    }
    if (!isObject(data))
        throw new errors_UserError(`${file}: not a JSON report (expected an object at the top level, got ${json_checks_describe(data)})`);
    if (data.version !== 1 && data.version !== 2) {
        if (Array.isArray(data.runs))
            throw new errors_UserError(`${file}: a SARIF log, not a JSON report: ${sarifAdvice}`);
        if (data.version === undefined)
            throw new errors_UserError(`${file}: not a JSON report (no \`version\`)`);
        throw new errors_UserError(`${file}: \`version\` is ${json_checks_describe(data.version)}, and only 1 and 2 are supported`);
    }
    return data;
}
/** A JSON object: not null, not an array. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A value in a few words for an error message: short strings quoted, longer ones and containers by kind. */
function json_checks_describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return value.length > 40 ? 'a string' : JSON.stringify(value);
    return String(value);
}
/**
 * Where JSON.parse gave up, as "invalid JSON at position 12: line 1, column 13". V8's own message has no
 * position in every Node version and may quote the input across lines, so the text is scanned again (only
 * on failure) without recursion, to survive deeply nested garbage.
 */
function jsonProblem(text) {
    const at = jsonErrorOffset(text);
    if (at < 0)
        return 'invalid JSON';
    if (at >= text.length)
        return 'invalid JSON: the file ends too early';
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return `invalid JSON at position ${at}: line ${line}, column ${column}`;
}
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/uy;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/uy;
const LITERAL = /true|false|null/uy;
/** The offset of the first syntax error in `text`, or -1 if there is none. */
function jsonErrorOffset(text) {
    let i = 0;
    const space = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    };
    const token = (re) => {
        re.lastIndex = i;
        if (!re.test(text))
            return false;
        i = re.lastIndex;
        return true;
    };
    const key = () => {
        space();
        if (!token(STRING))
            return false;
        space();
        if (text[i] !== ':')
            return false;
        i++;
        return true;
    };
    const stack = [];
    for (;;) {
        space();
        const c = text[i];
        if (c === '{' || c === '[') {
            i++;
            space();
            if (text[i] === (c === '{' ? '}' : ']'))
                i++;
            else {
                stack.push(c);
                if (c === '{' && !key())
                    return i;
                continue;
            }
        }
        else if (!token(STRING) && !token(NUMBER) && !token(LITERAL))
            return i;
        for (;;) {
            space();
            const top = stack[stack.length - 1];
            if (top === undefined)
                return i < text.length ? i : -1;
            if (text[i] === (top === '{' ? '}' : ']')) {
                i++;
                stack.pop();
                continue;
            }
            if (text[i] !== ',')
                return i;
            i++;
            if (top === '{' && !key())
                return i;
            break;
        }
    }
}

;// CONCATENATED MODULE: ./src/policy/baseline.ts



const ARTIFACT_FIELDS = ['package', 'target', 'kind', 'mode', 'crateType', 'platform'];
/**
 * Reads a JSON report written by an earlier run. Only what matching needs is checked; findings without a
 * `fingerprint` (reports from before it existed) get one computed from their rule, artifact and crates.
 */
function parseBaseline(text, file) {
    const data = readReportObject(text, file, 'give the JSON report of an earlier run as the baseline');
    const findings = data.findings;
    if (!Array.isArray(findings))
        throw new errors_UserError(`${file}: findings: expected an array, got ${json_checks_describe(findings)}`);
    const fingerprints = new Array(findings.length);
    for (let i = 0; i < findings.length; i++) {
        const at = `${file}: findings[${i}]`;
        const f = findings[i];
        if (!isObject(f))
            throw new errors_UserError(`${at}: expected an object, got ${json_checks_describe(f)}`);
        if (typeof f.rule !== 'string')
            throw new errors_UserError(`${at}.rule: expected a string, got ${json_checks_describe(f.rule)}`);
        if (f.fingerprint !== undefined) {
            if (typeof f.fingerprint !== 'string')
                throw new errors_UserError(`${at}.fingerprint: expected a string, got ${json_checks_describe(f.fingerprint)}`);
            fingerprints[i] = f.fingerprint;
            continue;
        }
        const crates = f.crates;
        if (!Array.isArray(crates))
            throw new errors_UserError(`${at}.crates: expected an array of strings, got ${json_checks_describe(crates)}`);
        crates.forEach((c, j) => {
            if (typeof c !== 'string')
                throw new errors_UserError(`${at}.crates[${j}]: expected a string, got ${json_checks_describe(c)}`);
        });
        for (const key of ARTIFACT_FIELDS) {
            const value = f[key];
            if (value !== undefined && typeof value !== 'string')
                throw new errors_UserError(`${at}.${key}: expected a string, got ${json_checks_describe(value)}`);
        }
        fingerprints[i] = findingFingerprint(f);
    }
    return { file, fingerprints };
}
/**
 * Marks each finding `existing` when the baseline has it and `new` otherwise. Fingerprints are counted: a
 * baseline with a finding twice covers two such findings now, and a third is new. Order is kept.
 */
function applyBaseline(findings, baseline) {
    const remaining = new Map();
    for (const fp of baseline.fingerprints)
        remaining.set(fp, (remaining.get(fp) ?? 0) + 1);
    let existing = 0;
    const out = findings.map(finding => {
        const left = remaining.get(finding.fingerprint) ?? 0;
        if (left === 0)
            return { ...finding, baseline: 'new' };
        remaining.set(finding.fingerprint, left - 1);
        existing++;
        return { ...finding, baseline: 'existing' };
    });
    let fixed = 0;
    for (const left of remaining.values())
        fixed += left;
    return { findings: out, summary: { file: baseline.file, new: out.length - existing, existing, fixed } };
}

;// CONCATENATED MODULE: ./src/policy/policy.ts






/** Where the policy file is looked for when none is given. */
const DEFAULT_POLICY_FILE = '.github/rust-linkage.toml';
const SEVERITY_VALUES = ['error', 'warning', 'note', 'off'];
const RULE_IDS = new Set(RULES.map(r => r.id));
const ALLOW_KEYS = ['rule', 'package', 'target', 'crate', 'reason', 'expires'];
/**
 * The top-level keys and how each is read. New keys (e.g. toolchain requirements) are added here; anything
 * else is an error, so a typo never silently does nothing.
 */
const TOP_LEVEL = new Map([
    ['exact-toolchain', readExactToolchain],
    ['rules', readRules],
    ['allow', readAllow]
]);
/** Reads a policy file. Throws a one-line UserError `<file>:<line>: <key>: <problem>` for anything invalid. */
function parsePolicy(text, file) {
    const doc = parseTomlDocument(text, file);
    const policy = { file, exactToolchain: null, severities: new Map(), severityLines: new Map(), allow: [] };
    for (const [key, value] of Object.entries(doc.value)) {
        const read = TOP_LEVEL.get(key);
        if (read === undefined)
            fail(doc, [key], `unknown key (known: ${[...TOP_LEVEL.keys()].join(', ')})`);
        read(doc, value, policy);
    }
    return policy;
}
function readExactToolchain(doc, value, policy) {
    const channel = nonEmptyString(doc, ['exact-toolchain'], value).trim();
    if (!/^(?:\d+\.\d+\.\d+(?:-beta\.\d+)?|(?:stable|beta|nightly)-\d{4}-\d{2}-\d{2})(?:-[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)?$/.test(channel)) {
        fail(doc, ['exact-toolchain'], `expected an exact release such as "1.95.0" or a dated channel such as "nightly-2026-05-20", got ${JSON.stringify(channel)}`);
    }
    policy.exactToolchain = { channel, line: policy_lineOf(doc, ['exact-toolchain']) };
}
function readRules(doc, value, policy) {
    const rules = expectTable(doc, ['rules'], value, 'a table `[rules]` of rule id = severity');
    for (const [id, severity] of Object.entries(rules)) {
        const path = ['rules', id];
        if (!RULE_IDS.has(id))
            fail(doc, path, `unknown rule id (known: ${RULES.map(r => r.id).join(', ')})`);
        if (typeof severity !== 'string' || !SEVERITY_VALUES.includes(severity)) {
            fail(doc, path, `expected "error", "warning", "note" or "off", got ${policy_describe(severity)}`);
        }
        policy.severities.set(id, severity);
        policy.severityLines.set(id, policy_lineOf(doc, path));
    }
}
function readAllow(doc, value, policy) {
    if (!Array.isArray(value))
        fail(doc, ['allow'], `expected an array of tables (\`[[allow]]\`), got ${policy_describe(value)}`);
    value.forEach((element, index) => {
        const at = ['allow', index];
        const table = expectTable(doc, at, element, 'a table');
        for (const key of Object.keys(table)) {
            if (!ALLOW_KEYS.includes(key))
                fail(doc, [...at, key], `unknown key (known: ${ALLOW_KEYS.join(', ')})`);
        }
        if (table.rule === undefined)
            fail(doc, at, '`rule` is required');
        const rule = nonEmptyString(doc, [...at, 'rule'], table.rule);
        if (!RULE_IDS.has(rule))
            fail(doc, [...at, 'rule'], `unknown rule id \`${rule}\` (known: ${RULES.map(r => r.id).join(', ')})`);
        if (rule === 'unused-allow')
            fail(doc, [...at, 'rule'], '`unused-allow` findings cannot be allowed; set `[rules] unused-allow = "off"` instead');
        if (table.reason === undefined)
            fail(doc, at, '`reason` is required: say why the finding is acceptable');
        const entry = { rule: rule, reason: nonEmptyString(doc, [...at, 'reason'], table.reason), line: policy_lineOf(doc, at) };
        for (const key of ['package', 'target', 'crate']) {
            if (table[key] !== undefined)
                entry[key] = nonEmptyString(doc, [...at, key], table[key]);
        }
        if (table.expires !== undefined)
            entry.expires = calendarDate(doc, [...at, 'expires'], table.expires);
        policy.allow.push(entry);
    });
}
/**
 * Applies the severities and allow entries of a policy to findings (which must not have been through a
 * policy already) and adds an `unused-allow` finding for each entry that matched nothing or has expired.
 * `policyFile` is the policy file relative to the workspace root; `today` is YYYY-MM-DD.
 */
function applyPolicy(findings, policy, options) {
    const out = [];
    for (const finding of findings) {
        const changed = withSeverity(finding, policy.severities.get(finding.rule));
        if (changed !== null)
            out.push(changed);
    }
    const matched = policy.allow.map(() => false);
    const active = policy.allow.map(entry => entry.expires === undefined || options.today <= entry.expires);
    let allowed = 0;
    for (let i = 0; i < out.length; i++) {
        const finding = out[i];
        let winner = null;
        for (let e = 0; e < policy.allow.length; e++) {
            const entry = policy.allow[e];
            if (!active[e] || !matches(entry, finding))
                continue;
            // An entry shadowed by an earlier one still counts as used: its fields are right, so it is not stale.
            matched[e] = true;
            winner ??= entry;
        }
        if (winner !== null) {
            out[i] = { ...finding, allowed: { reason: winner.reason, file: options.policyFile, line: winner.line } };
            allowed++;
        }
    }
    policy.allow.forEach((entry, index) => {
        if (active[index] && matched[index])
            return;
        const finding = unusedAllowFinding(entry, policy, options.policyFile, !active[index]);
        if (finding !== null)
            out.push(finding);
    });
    return {
        findings: out.sort(compareFindings),
        summary: {
            file: options.policyFile,
            severities: Object.fromEntries(policy.severities),
            allowEntries: policy.allow.length,
            allowed
        }
    };
}
function withSeverity(finding, level) {
    if (level === 'off')
        return null;
    if (level === undefined || level === finding.severity)
        return finding;
    return { ...finding, severity: level, defaultSeverity: finding.defaultSeverity ?? finding.severity };
}
function matches(entry, finding) {
    return (entry.rule === finding.rule &&
        (entry.package === undefined || entry.package === finding.package) &&
        (entry.target === undefined || entry.target === finding.target) &&
        (entry.crate === undefined || finding.crates.includes(entry.crate)));
}
function unusedAllowFinding(entry, policy, policyFile, expired) {
    const own = ruleInfo('unused-allow').severity;
    const level = policy.severities.get('unused-allow') ?? own;
    if (level === 'off')
        return null;
    const what = describeEntry(entry);
    const ruleOff = policy.severities.get(entry.rule) === 'off';
    let message;
    let fixes;
    if (expired) {
        message = `${what} expired on ${entry.expires} and no longer applies: the findings it allowed count again.`;
        fixes = ['Fix the findings it covered and remove the entry.', 'Or, if the reason still holds, set a later `expires` date.'];
    }
    else if (ruleOff) {
        message = `${what} has no effect: \`[rules] ${entry.rule} = "off"\` already drops every finding of that rule.`;
        fixes = ['Remove the entry, or turn the rule back on.'];
    }
    else {
        message = `${what} matched no finding: remove it, or correct its fields.`;
        fixes = [
            'Remove the entry if the finding it was written for is fixed.',
            'Otherwise correct `package`, `target` or `crate` so they name the finding (`package` and `target` are names, not paths; `crate` is one of the finding’s crates).'
        ];
    }
    const crates = entry.crate !== undefined ? [entry.crate] : [];
    const finding = {
        rule: 'unused-allow',
        severity: level,
        // The entry's identity (not its line, reason or expiry) so that the finding survives edits around it.
        fingerprint: findingFingerprint({ rule: 'unused-allow', package: entry.package, target: entry.target, crates: [`rule:${entry.rule}`, ...crates] }),
        crates,
        message,
        fixes: fixes.map(adviceFix),
        file: policyFile,
        line: entry.line
    };
    if (level !== own)
        finding.defaultSeverity = own;
    return finding;
}
/** "allow entry for `duplicate-linkage` (package `host`, crate `engine_api`)". */
function describeEntry(entry) {
    const fields = ['package', 'target', 'crate'].filter(k => entry[k] !== undefined).map(k => `${k} \`${entry[k]}\``);
    return `allow entry for \`${entry.rule}\`${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}
function expectTable(doc, path, value, expected) {
    if (typeof value !== 'object' || Array.isArray(value))
        fail(doc, path, `expected ${expected}, got ${policy_describe(value)}`);
    return value;
}
function nonEmptyString(doc, path, value) {
    if (typeof value !== 'string')
        fail(doc, path, `expected a string, got ${policy_describe(value)}`);
    if (value.trim() === '')
        fail(doc, path, 'must not be empty');
    return value;
}
/** A TOML local date (kept as its source text by the TOML reader) or the same as a string. */
function calendarDate(doc, path, value) {
    const expected = 'a date such as 2027-06-30';
    if (typeof value !== 'string')
        fail(doc, path, `expected ${expected}, got ${policy_describe(value)}`);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
    if (m === null)
        fail(doc, path, `expected ${expected}, got ${JSON.stringify(value)}`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        fail(doc, path, `${JSON.stringify(value)} is not a calendar date`);
    }
    return value;
}
function policy_describe(value) {
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'a table';
    return JSON.stringify(value);
}
function policy_lineOf(doc, path) {
    // Every path handed in was read from the document, so it has a line; 1 is only a fallback.
    return doc.lineOf(path) ?? 1;
}
function fail(doc, path, problem) {
    throw new errors_UserError(`${doc.file}:${policy_lineOf(doc, path)}: ${formatTomlPath(path)}: ${problem}`);
}

;// CONCATENATED MODULE: ./src/policy/gate.ts


/**
 * Whether the findings fail the run. Findings allowed by the policy and findings already in the baseline are
 * reported but never count.
 */
function gateFindings(findings, failOn) {
    let failing = 0;
    if (failOn !== 'never') {
        for (const f of findings) {
            if (f.allowed !== undefined || f.baseline === 'existing')
                continue;
            if (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'))
                failing++;
        }
    }
    return { failOn, verdict: failing > 0 ? 'fail' : 'pass', failing };
}
/** Applies the policy, then the baseline, then decides the verdict: the only place a report gets its gate. */
function applyGate(analysis, inputs) {
    let findings = analysis.findings;
    let policy;
    let baseline;
    if (inputs.policy !== null) {
        const applied = applyPolicy(findings, inputs.policy.policy, { policyFile: inputs.policy.file, today: inputs.today });
        findings = applied.findings;
        policy = applied.summary;
    }
    if (inputs.baseline !== null) {
        const applied = applyBaseline(findings, inputs.baseline);
        findings = applied.findings;
        baseline = applied.summary;
    }
    // The report's keys in the order the JSON contract has always written them.
    return {
        ...analysis,
        findings,
        gate: gateFindings(findings, inputs.failOn),
        ...(policy === undefined ? {} : { policy }),
        ...(baseline === undefined ? {} : { baseline })
    };
}

;// CONCATENATED MODULE: ./src/gather/policy-files.ts
/** The policy file and the baseline report: found, read within the repository and limits, and applied to a report. */







/** Reads the policy file, if there is one. Read before the analysis: `exact-toolchain` is an input to it. */
function loadPolicy(where) {
    const file = where.policy !== null ? external_node_path_default().resolve(where.cwd, where.policy) : defaultPolicyPath(where);
    if (file === null)
        return null;
    const shown = displayPath(file, where.cwd);
    return { policy: parsePolicy(readTextFile(file, 'policy', 'policy file', shown, scopeFor(where.scope ?? null, file)), shown), path: file };
}
function defaultPolicyPath(where) {
    if (where.defaultPolicy === null)
        return null;
    if (where.defaultPolicy !== 'search') {
        const file = external_node_path_default().resolve(where.cwd, where.defaultPolicy);
        return external_node_fs_default().existsSync(file) ? file : null;
    }
    for (let dir = external_node_path_default().resolve(where.searchFrom);; dir = external_node_path_default().dirname(dir)) {
        const file = external_node_path_default().join(dir, DEFAULT_POLICY_FILE);
        if (external_node_fs_default().existsSync(file))
            return file;
        if (external_node_fs_default().existsSync(external_node_path_default().join(dir, '.git')) || external_node_path_default().dirname(dir) === dir)
            return null;
    }
}
function displayPath(file, cwd) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? file : rel;
}
/** Applies the policy and the baseline file to the report and decides the verdict. */
function gateReport(analysis, files) {
    const policy = files.policy === null ? null : { policy: files.policy.policy, file: external_node_path_default().relative(analysis.workspaceRoot, files.policy.path).split((external_node_path_default()).sep).join('/') };
    const baseline = files.baseline === null ? null : readBaseline(files.baseline, files);
    return applyGate(analysis, { failOn: files.failOn, policy, baseline, today: new Date().toISOString().slice(0, 10) });
}
function readBaseline(given, files) {
    const file = external_node_path_default().resolve(files.cwd, given);
    return parseBaseline(readTextFile(file, 'baseline', 'baseline', given, scopeFor(files.scope ?? null, file)), given);
}
function readTextFile(file, kind, what, shown, within) {
    try {
        return readInputFile(file, kind, { shown, within });
    }
    catch (e) {
        if (e instanceof InputFileError)
            throw new errors_UserError(`cannot read ${what} \`${shown}\`: ${e.reason}`);
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/rust-source/lexer.ts
/**
 * A small Rust lexer: comments (nested block comments and doc comments included), string, byte-string,
 * C-string and raw-string literals and char literals are single tokens or skipped, so only real code is
 * seen. One pass, linear in the length of the source.
 */
const NL = 10;
const lexer_QUOTE = 34;
const APOS = 39;
const lexer_HASH = 35;
const SLASH = 47;
const STAR = 42;
const lexer_BACKSLASH = 92;
const BANG = 33;
function isIdentStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && !isWhitespace(c));
}
function isIdentContinue(c) {
    return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isWhitespace(c) {
    return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029;
}
/** Rust tokens, skipping whitespace and comments; literals are single tokens. */
class Lexer {
    src;
    docComments;
    pos = 0;
    line = 1;
    // `docComments`: return doc comments (line `///` and `//!`, block `/**` and `/*!`) as `doc` tokens instead of skipping them.
    constructor(src, docComments = false) {
        this.src = src;
        this.docComments = docComments;
        if (src.charCodeAt(0) === 0xfeff)
            this.pos = 1;
        // A shebang line is not an inner attribute unless `[` follows the `#!`.
        if (src.startsWith('#!', this.pos) && !/^#!\s*\[/.test(src.slice(this.pos, this.pos + 256))) {
            const end = src.indexOf('\n', this.pos);
            this.pos = end < 0 ? src.length : end;
        }
    }
    next() {
        const t = this.lex();
        if (t !== null)
            t.end = this.pos;
        return t;
    }
    lex() {
        const src = this.src;
        const n = src.length;
        for (;;) {
            if (this.pos >= n)
                return null;
            const c = src.charCodeAt(this.pos);
            if (c === NL) {
                this.line++;
                this.pos++;
                continue;
            }
            if (isWhitespace(c)) {
                this.pos++;
                continue;
            }
            if (c === SLASH) {
                const d = src.charCodeAt(this.pos + 1);
                if (d === SLASH) {
                    const start = this.pos;
                    const end = src.indexOf('\n', this.pos);
                    this.pos = end < 0 ? n : end;
                    // `///` but not `////`, and `//!`, are doc comments (the reference's OUTER_LINE_DOC and INNER_LINE_DOC).
                    const e = src.charCodeAt(start + 2);
                    if (this.docComments && ((e === SLASH && src.charCodeAt(start + 3) !== SLASH) || e === BANG)) {
                        return { kind: 'doc', text: src.slice(start + 3, this.pos), line: this.line, start, end: 0 };
                    }
                    continue;
                }
                if (d === STAR) {
                    const start = this.pos;
                    const line = this.line;
                    this.skipBlockComment();
                    // `/**` (not `/***` or `/**/`) and `/*!` open doc comments.
                    const e = src.charCodeAt(start + 2);
                    const f = src.charCodeAt(start + 3);
                    if (this.docComments && ((e === STAR && f !== STAR && f !== SLASH) || e === BANG) && this.pos - start >= 5) {
                        return { kind: 'doc', text: src.slice(start + 3, this.pos - 2), line, start, end: 0 };
                    }
                    continue;
                }
            }
            break;
        }
        const start = this.pos;
        const line = this.line;
        const c = src.charCodeAt(start);
        if (c === lexer_QUOTE) {
            this.skipQuoted(start + 1);
            return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 };
        }
        if (c === APOS)
            return this.charOrLifetime(start, line);
        if (isIdentStart(c)) {
            let i = start + 1;
            while (i < n && isIdentContinue(src.charCodeAt(i)))
                i++;
            const word = src.slice(start, i);
            const next = src.charCodeAt(i);
            if (word === 'r' || word === 'br' || word === 'cr') {
                let j = i;
                while (src.charCodeAt(j) === lexer_HASH)
                    j++;
                if (src.charCodeAt(j) === lexer_QUOTE) {
                    this.skipRaw(j + 1, j - i);
                    return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 };
                }
                if (word === 'r' && j === i + 1 && isIdentStart(src.charCodeAt(j))) {
                    // A raw identifier: `r#type`.
                    let k = j + 1;
                    while (k < n && isIdentContinue(src.charCodeAt(k)))
                        k++;
                    this.pos = k;
                    return { kind: 'ident', text: src.slice(j, k), line, start, end: 0 };
                }
            }
            if ((word === 'b' || word === 'c') && next === lexer_QUOTE) {
                this.skipQuoted(i + 1);
                return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 };
            }
            if (word === 'b' && next === APOS) {
                const t = this.charOrLifetime(i, line);
                return { kind: 'literal', text: src.slice(start, this.pos), line: t.line, start, end: 0 };
            }
            this.pos = i;
            return { kind: 'ident', text: word, line, start, end: 0 };
        }
        if (c >= 48 && c <= 57) {
            let i = start + 1;
            while (i < n && isIdentContinue(src.charCodeAt(i)))
                i++;
            this.pos = i;
            return { kind: 'literal', text: src.slice(start, i), line, start, end: 0 };
        }
        this.pos = start + 1;
        return { kind: 'punct', text: src[start], line, start, end: 0 };
    }
    skipBlockComment() {
        const src = this.src;
        const n = src.length;
        let depth = 0;
        let i = this.pos;
        while (i < n) {
            const c = src.charCodeAt(i);
            if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
                depth++;
                i += 2;
            }
            else if (c === STAR && src.charCodeAt(i + 1) === SLASH) {
                i += 2;
                if (--depth === 0)
                    break;
            }
            else {
                if (c === NL)
                    this.line++;
                i++;
            }
        }
        this.pos = i;
    }
    /** A `"…"` body with escapes, from just after the opening quote. */
    skipQuoted(from) {
        const src = this.src;
        const n = src.length;
        let i = from;
        while (i < n) {
            const c = src.charCodeAt(i);
            if (c === lexer_QUOTE) {
                i++;
                break;
            }
            if (c === lexer_BACKSLASH) {
                if (src.charCodeAt(i + 1) === NL)
                    this.line++;
                i += 2;
                continue;
            }
            if (c === NL)
                this.line++;
            i++;
        }
        this.pos = Math.min(i, n);
    }
    /** A raw string body from just after the opening quote: it ends at `"` followed by `hashes` `#`. */
    skipRaw(from, hashes) {
        const src = this.src;
        const n = src.length;
        let i = from;
        while (i < n) {
            const c = src.charCodeAt(i);
            if (c === lexer_QUOTE) {
                let k = 0;
                while (k < hashes && src.charCodeAt(i + 1 + k) === lexer_HASH)
                    k++;
                if (k === hashes) {
                    i += 1 + hashes;
                    this.pos = i;
                    return;
                }
            }
            else if (c === NL)
                this.line++;
            i++;
        }
        this.pos = n;
    }
    /** At a `'`: a char literal (`'a'`, `'\''`, `'\u{1F600}'`, `'😀'`) or a lifetime or label (`'a`, `'static`). */
    charOrLifetime(start, line) {
        const src = this.src;
        const n = src.length;
        const c1 = src.charCodeAt(start + 1);
        if (c1 === lexer_BACKSLASH) {
            // An escape: the char literal closes at the next `'` on this line.
            let i = start + 3;
            while (i < n && src.charCodeAt(i) !== APOS && src.charCodeAt(i) !== NL)
                i++;
            if (src.charCodeAt(i) === APOS) {
                this.pos = i + 1;
                return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 };
            }
            this.pos = start + 1;
            return { kind: 'punct', text: "'", line, start, end: 0 };
        }
        const cp = src.codePointAt(start + 1);
        if (cp !== undefined && c1 !== APOS && c1 !== NL) {
            const width = cp > 0xffff ? 2 : 1;
            if (src.charCodeAt(start + 1 + width) === APOS) {
                this.pos = start + 2 + width;
                return { kind: 'literal', text: src.slice(start, this.pos), line, start, end: 0 };
            }
        }
        let i = start + 1;
        while (i < n && isIdentContinue(src.charCodeAt(i)))
            i++;
        this.pos = i;
        return { kind: 'lifetime', text: src.slice(start, i), line, start, end: 0 };
    }
}

;// CONCATENATED MODULE: ./src/rust-source/tokens.ts
/** Helpers over lexed tokens shared by the source scans: delimiter groups, comma lists, string literals. */
const CLOSING = { '(': ')', '[': ']', '{': '}' };
function isOpening(t) {
    return t.kind === 'punct' && CLOSING[t.text] !== undefined;
}
function isClosing(t) {
    return t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}');
}
/** The delimiter that closes `open`: `)` for `(`. */
function closingOf(open) {
    return CLOSING[open];
}
function isPunct(t, text) {
    return t?.kind === 'punct' && t.text === text;
}
function isIdent(t, text) {
    return t?.kind === 'ident' && t.text === text;
}
/** The index of the token that closes the group opened at `open`, or the end of the tokens. */
function closingIndex(tokens, open) {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
        const t = tokens[i];
        if (isOpening(t))
            depth++;
        else if (isClosing(t) && --depth === 0)
            return i;
    }
    return tokens.length;
}
/** Whether the tokens are exactly one parenthesised group: `(a, b(c))`. */
function isParenGroup(tokens) {
    return tokens.length >= 2 && isPunct(tokens[0], '(') && isPunct(tokens[tokens.length - 1], ')') && closingIndex(tokens, 0) === tokens.length - 1;
}
/** The tokens split at the commas outside any group. */
function splitTopLevel(tokens) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (isOpening(t))
            depth++;
        else if (isClosing(t))
            depth--;
        else if (depth === 0 && isPunct(t, ',')) {
            parts.push(tokens.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(tokens.slice(start));
    return parts;
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };
/**
 * The value of a string or raw string literal, escapes decoded as rustc decodes them (a `\` before a line
 * break skips the break and the whitespace after it); null for anything else (byte and C strings, chars).
 */
function stringValue(literal) {
    const raw = /^r(#*)"([\s\S]*)"\1$/.exec(literal);
    if (raw)
        return raw[2];
    if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"'))
        return null;
    return literal.slice(1, -1).replace(/\\(?:u\{([0-9a-fA-F_]{1,8})\}|x([0-7][0-9a-fA-F])|\r?\n\s*|(.))/g, (whole, unicode, hex, simple) => {
        if (unicode !== undefined) {
            const code = parseInt(unicode.replace(/_/g, ''), 16);
            return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        if (hex !== undefined)
            return String.fromCharCode(parseInt(hex, 16));
        if (simple === undefined)
            return '';
        return ESCAPES[simple] ?? whole;
    });
}

;// CONCATENATED MODULE: ./src/rust-source/crate-names.ts
/**
 * Which crates one Rust source file can name, and which module files it pulls in. rustc loads a dependency
 * only when the crate names it (`extern crate`, a `use`, or a path that starts with it), so a dependency no
 * file of a target names is never loaded, and never linked. The scan over-approximates: every identifier
 * that starts a path or follows `use` or `extern crate` counts, in code behind any `cfg`, in macro bodies,
 * anywhere; `include!` pulls in code the scan cannot see.
 */


function scanSourceNames(source) {
    const lexer = new Lexer(source);
    const names = new Set();
    const modules = [];
    let includes = false;
    // The last few tokens, for looking back from `mod` at the attributes before it.
    const recent = [];
    let current = lexer.next();
    while (current !== null) {
        const next = lexer.next();
        const previous = recent[recent.length - 1];
        if (current.kind === 'ident') {
            if (next?.kind === 'punct' && next.text === ':' && source.charCodeAt(next.end) === 58)
                names.add(current.text);
            else if (previous?.kind === 'ident' && (previous.text === 'use' || (previous.text === 'crate' && precededByExtern(recent))))
                names.add(current.text);
            if (current.text === 'include' && next?.kind === 'punct' && next.text === '!')
                includes = true;
            if (previous?.kind === 'ident' && previous.text === 'mod' && next?.kind === 'punct' && next.text === ';') {
                modules.push({ name: current.text, path: pathAttribute(recent.slice(0, -1)) });
            }
        }
        recent.push(current);
        if (recent.length > 24)
            recent.shift();
        current = next;
    }
    return { names, modules, includes };
}
/** `extern crate`: the token before `crate` is `extern`. */
function precededByExtern(recent) {
    const before = recent[recent.length - 2];
    return before?.kind === 'ident' && before.text === 'extern';
}
/**
 * The `#[path = "…"]` among the attributes right before `mod` (its visibility skipped), or null. `tokens`
 * ends just before `mod`.
 */
function pathAttribute(tokens) {
    let i = tokens.length - 1;
    // `pub`, `pub(crate)`, `pub(in path)`.
    if (tokens[i]?.text === ')') {
        while (i >= 0 && tokens[i].text !== '(')
            i--;
        i--;
    }
    if (tokens[i]?.text === 'pub')
        i--;
    while (tokens[i]?.text === ']') {
        let j = i;
        while (j >= 0 && tokens[j].text !== '[')
            j--;
        if (j < 1 || tokens[j - 1].text !== '#')
            return null;
        const inner = tokens.slice(j + 1, i);
        if (inner.length === 3 && inner[0].text === 'path' && inner[1].text === '=' && inner[2].kind === 'literal')
            return stringValue(inner[2].text);
        i = j - 2;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/rust-source/doc-examples.ts


const doc_examples_RANK = { none: 0, compile: 1, run: 2 };
/** The larger of two: a crate runs doctests when any of its files has one that runs. */
function mergeDocExamples(a, b) {
    return doc_examples_RANK[a] >= doc_examples_RANK[b] ? a : b;
}
/** The doc examples of one source file. */
function docExamples(source) {
    let found = 'none';
    let lines = [];
    const flush = () => {
        if (lines.length > 0)
            found = mergeDocExamples(found, examplesInMarkdown(lines));
        lines = [];
    };
    const lexer = new Lexer(source, true);
    // The last tokens outside doc comments, enough to see `# [ doc =` and `# ! [ doc =`.
    const recent = [];
    for (let t = lexer.next(); t !== null && found !== 'run'; t = lexer.next()) {
        if (t.kind === 'doc') {
            lines.push(...t.text.split('\n'));
            continue;
        }
        recent.push(t.text);
        if (recent.length > 5)
            recent.shift();
        const n = recent.length;
        const docAttribute = t.text === '=' && recent[n - 2] === 'doc' && recent[n - 3] === '[' && (recent[n - 4] === '#' || (recent[n - 4] === '!' && recent[n - 5] === '#'));
        if (docAttribute) {
            const value = lexer.next();
            if (value === null)
                break;
            const text = value.kind === 'literal' ? stringValue(value.text) : null;
            if (text !== null)
                lines.push(...text.split('\n'));
            else
                found = 'run';
            continue;
        }
        // One item's docs end where its code starts; attributes between doc comments do not end them.
        if ((t.kind === 'ident' && t.text !== 'doc') || t.text === '{' || t.text === ';')
            flush();
    }
    flush();
    return found;
}
/** The examples of one doc comment, as markdown lines. */
function examplesInMarkdown(lines) {
    let found = 'none';
    let fence = null;
    let blankBefore = true;
    let inList = false;
    for (const rawLine of lines) {
        // Line doc comments usually start with one space, which is not part of the markdown.
        const line = rawLine.startsWith(' ') ? rawLine.slice(1) : rawLine;
        if (fence !== null) {
            const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
            if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
                found = mergeDocExamples(found, fence.kind);
                fence = null;
                blankBefore = false;
            }
            continue;
        }
        const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
            fence = { char: open[1][0], length: open[1].length, kind: blockKind(open[2]) };
            continue;
        }
        if (line.trim() === '') {
            blankBefore = true;
            continue;
        }
        if (/^ {0,3}([-*+]|\d+[.)])\s/.test(line))
            inList = true;
        else if (!/^\s/.test(line))
            inList = false;
        if (blankBefore && !inList && /^( {4}|\t)/.test(line))
            found = 'run';
        blankBefore = false;
    }
    // An unclosed fence runs to the end of the comment.
    if (fence !== null)
        found = mergeDocExamples(found, fence.kind);
    return found;
}
/** What rustdoc does with a fenced block, from its info string (`LangString::parse`). */
function blockKind(info) {
    let rust = false;
    let other = false;
    let ignore = false;
    let noRun = false;
    let compileFail = false;
    for (const token of info.split(/[\s,]+/).filter(t => t !== '')) {
        const word = token.replace(/^\{?\.?/, '').replace(/\}$/, '');
        if (word === 'rust')
            rust = true;
        else if (word === 'ignore' || word.startsWith('ignore-'))
            ignore = true;
        else if (word === 'no_run')
            noRun = true;
        else if (word === 'compile_fail')
            compileFail = true;
        else if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word))
            continue;
        else
            other = true;
    }
    if ((other && !rust) || ignore || compileFail)
        return 'none';
    return noRun ? 'compile' : 'run';
}
/** Info-string words rustdoc reads as attributes of a Rust block, not as a language. */
const RUSTDOC_ATTRIBUTES = new Set(['should_panic', 'test_harness', 'standalone_crate', 'allow_fail']);

;// CONCATENATED MODULE: ./src/rust-source/signatures.ts

/** Types nest a few levels in real signatures; the bound keeps hostile input off the call stack. */
const MAX_DEPTH = 32;
/**
 * The signature of the item whose name is `tokens[name]`: `fn name<…>(…) -> …` or `static [mut] NAME: T`.
 * Null when the tokens around the name are neither.
 */
function readSignature(tokens, name, source) {
    const line = tokens[name].line;
    const before = tokens[name - 1];
    if (isIdent(before, 'static') || (isIdent(before, 'mut') && isIdent(tokens[name - 2], 'static'))) {
        if (!isColon(tokens, name + 1))
            return null;
        const end = scanTo(tokens, name + 2, t => isPunct(t, '=') || isPunct(t, ';'));
        return { item: 'static', type: parseType(tokens.slice(name + 2, end), source, 0), line };
    }
    if (!isIdent(before, 'fn'))
        return null;
    // `extern "C-unwind" fn`, `extern fn` (the C ABI), or neither (the Rust ABI).
    let abi = null;
    if (isIdent(tokens[name - 2], 'extern'))
        abi = 'C';
    else if (tokens[name - 2]?.kind === 'literal' && isIdent(tokens[name - 3], 'extern'))
        abi = stringValue(tokens[name - 2].text) ?? tokens[name - 2].text;
    let at = name + 1;
    let generic = false;
    if (isPunct(tokens[at], '<')) {
        const close = angleClose(tokens, at);
        generic = splitTop(tokens.slice(at + 1, close)).some(p => p.length > 0 && p[0].kind !== 'lifetime');
        at = close + 1;
    }
    if (!isPunct(tokens[at], '('))
        return null;
    const close = closingIndex(tokens, at);
    const params = splitTop(tokens.slice(at + 1, close))
        .filter(p => p.length > 0)
        .map(p => parameter(p, source));
    at = close + 1;
    let returns = null;
    if (isArrow(tokens, at)) {
        const end = scanTo(tokens, at + 2, t => isPunct(t, '{') || isPunct(t, ';') || isIdent(t, 'where'));
        returns = parseType(tokens.slice(at + 2, end), source, 0);
        if (returns.kind === 'tuple' && returns.items.length === 0)
            returns = null;
    }
    return { item: 'fn', abi, generic, params, returns, line };
}
/** What `type Name<…> = T;` stands for, `tokens[name]` being its name; null without `=`. */
function readAlias(tokens, name, source) {
    let at = name + 1;
    if (isPunct(tokens[at], '<'))
        at = angleClose(tokens, at) + 1;
    const eq = scanTo(tokens, at, t => isPunct(t, '=') || isPunct(t, ';'));
    if (!isPunct(tokens[eq], '='))
        return null;
    const end = scanTo(tokens, eq + 1, t => isPunct(t, ';'));
    return parseType(tokens.slice(eq + 1, end), source, 0);
}
/** A parameter `pattern: Type` (attributes skipped); `self` forms, `...` and bare patterns are `other`. */
function parameter(tokens, source) {
    let start = 0;
    while (isPunct(tokens[start], '#') && isPunct(tokens[start + 1], '['))
        start = closingIndex(tokens, start + 1) + 1;
    const rest = tokens.slice(start);
    const colon = topLevelColon(rest);
    if (colon < 0 || rest.slice(0, colon).some(t => isIdent(t, 'self')))
        return other(rest, source);
    return parseType(rest.slice(colon + 1), source, 0);
}
/** A type in a `fn` pointer's parameter list: `name: T`, `_: T` or just `T`. */
function fnPointerParameter(tokens, source, depth) {
    const colon = topLevelColon(tokens);
    const named = colon === 1 && (tokens[0].kind === 'ident' || tokens[0].text === '_');
    return parseType(named ? tokens.slice(2) : tokens, source, depth);
}
function parseType(tokens, source, depth) {
    const first = tokens[0];
    if (first === undefined || depth > MAX_DEPTH)
        return other(tokens, source);
    const base = { text: textOf(tokens, source), line: first.line };
    const last = tokens.length - 1;
    if (isPunct(first, '&')) {
        let at = 1;
        if (tokens[at]?.kind === 'lifetime')
            at++;
        const mutable = isIdent(tokens[at], 'mut');
        return { ...base, kind: 'reference', mutable, to: parseType(tokens.slice(mutable ? at + 1 : at), source, depth + 1) };
    }
    if (isPunct(first, '*')) {
        const mutable = isIdent(tokens[1], 'mut');
        if (!mutable && !isIdent(tokens[1], 'const'))
            return { ...base, kind: 'other' };
        return { ...base, kind: 'pointer', mutable, to: parseType(tokens.slice(2), source, depth + 1) };
    }
    if (isPunct(first, '(') && closingIndex(tokens, 0) === last) {
        const parts = splitTop(tokens.slice(1, last));
        if (parts.length === 1 && parts[0].length > 0)
            return parseType(parts[0], source, depth + 1);
        return { ...base, kind: 'tuple', items: parts.filter(p => p.length > 0).map(p => parseType(p, source, depth + 1)) };
    }
    if (isPunct(first, '[') && closingIndex(tokens, 0) === last) {
        const inner = tokens.slice(1, last);
        const semi = scanTo(inner, 0, t => isPunct(t, ';'));
        const of = parseType(inner.slice(0, semi), source, depth + 1);
        return semi < inner.length ? { ...base, kind: 'array', of } : { ...base, kind: 'slice', of };
    }
    if (isPunct(first, '!') && tokens.length === 1)
        return { ...base, kind: 'never' };
    if (isIdent(first, 'dyn'))
        return { ...base, kind: 'dyn' };
    if (isIdent(first, 'impl'))
        return { ...base, kind: 'impl' };
    const fn = fnPointer(tokens, source, depth);
    if (fn !== undefined)
        return fn === null ? { ...base, kind: 'other' } : { ...base, ...fn };
    return signatures_path(tokens, source, depth) ?? { ...base, kind: 'other' };
}
/** `[for<'a>] [unsafe] [extern ["abi"]] fn(…) [-> T]`: undefined when the tokens do not start so, null when malformed. */
function fnPointer(tokens, source, depth) {
    let at = 0;
    if (isIdent(tokens[at], 'for') && isPunct(tokens[at + 1], '<'))
        at = angleClose(tokens, at + 1) + 1;
    if (isIdent(tokens[at], 'unsafe'))
        at++;
    let abi = null;
    if (isIdent(tokens[at], 'extern')) {
        abi = 'C';
        if (tokens[at + 1]?.kind === 'literal')
            abi = stringValue(tokens[++at].text) ?? tokens[at].text;
        at++;
    }
    if (!isIdent(tokens[at], 'fn'))
        return at === 0 ? undefined : null;
    if (!isPunct(tokens[at + 1], '('))
        return null;
    const close = closingIndex(tokens, at + 1);
    const params = splitTop(tokens.slice(at + 2, close))
        .filter(p => p.length > 0)
        .map(p => fnPointerParameter(p, source, depth + 1));
    let returns = null;
    if (isArrow(tokens, close + 1)) {
        returns = parseType(tokens.slice(close + 3), source, depth + 1);
        if (returns.kind === 'tuple' && returns.items.length === 0)
            returns = null;
    }
    else if (close + 1 !== tokens.length)
        return null;
    return { kind: 'fn', abi, params, returns };
}
/** `a::b::C<T, U>` (`::<` too, a leading `::` allowed): null when the tokens are not exactly a path. */
function signatures_path(tokens, source, depth) {
    const segments = [];
    const args = [];
    let at = isColon(tokens, 0) && isColon(tokens, 1) ? 2 : 0;
    for (;;) {
        const t = tokens[at];
        if (t?.kind !== 'ident')
            return null;
        segments.push(t.text);
        at++;
        if (isColon(tokens, at) && isColon(tokens, at + 1) && isPunct(tokens[at + 2], '<'))
            at += 2;
        if (isPunct(tokens[at], '<')) {
            const close = angleClose(tokens, at);
            if (close >= tokens.length)
                return null;
            for (const arg of splitTop(tokens.slice(at + 1, close))) {
                if (arg.length === 0 || (arg.length === 1 && arg[0].kind === 'lifetime'))
                    continue;
                // `Item = T` bindings, const arguments: never part of a C interface.
                const binding = arg.length > 1 && arg[0].kind === 'ident' && isPunct(arg[1], '=');
                args.push(binding || arg[0].kind === 'literal' || isPunct(arg[0], '{') ? other(arg, source) : parseType(arg, source, depth + 1));
            }
            at = close + 1;
        }
        if (at === tokens.length)
            return { text: textOf(tokens, source), line: tokens[0].line, kind: 'path', segments, args };
        if (!(isColon(tokens, at) && isColon(tokens, at + 1)))
            return null;
        at += 2;
    }
}
function other(tokens, source) {
    return { text: textOf(tokens, source), line: tokens[0]?.line ?? 0, kind: 'other' };
}
/** The type as written, whitespace collapsed. */
function textOf(tokens, source) {
    if (tokens.length === 0)
        return '';
    return source.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ');
}
function isColon(tokens, at) {
    return isPunct(tokens[at], ':');
}
/** `->`: the lexer gives one token per punctuation character, adjacent. */
function isArrow(tokens, at) {
    return isPunct(tokens[at], '-') && isPunct(tokens[at + 1], '>') && tokens[at].end === tokens[at + 1].start;
}
/** A `>` that closes angle brackets: not the tip of `->`. */
function isAngleClose(tokens, at) {
    return isPunct(tokens[at], '>') && !(isPunct(tokens[at - 1], '-') && tokens[at - 1].end === tokens[at].start);
}
/** The index of the `>` matching the `<` at `open` (delimiters and other angle brackets nested), or the end. */
function angleClose(tokens, open) {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
        const t = tokens[i];
        if (isPunct(t, '<') || isOpening(t))
            depth++;
        else if (isAngleClose(tokens, i) || isClosing(t)) {
            if (--depth === 0)
                return i;
        }
    }
    return tokens.length;
}
/** The first index from `from` where `stop` holds outside any group (angle brackets included), or the end. */
function scanTo(tokens, from, stop) {
    let depth = 0;
    for (let i = from; i < tokens.length; i++) {
        const t = tokens[i];
        if (depth === 0 && stop(t))
            return i;
        if (isPunct(t, '<') || isOpening(t))
            depth++;
        else if (isAngleClose(tokens, i) || isClosing(t))
            depth = Math.max(0, depth - 1);
    }
    return tokens.length;
}
/** The tokens split at the commas outside any group, angle brackets included. */
function splitTop(tokens) {
    const parts = [];
    let start = 0;
    for (;;) {
        const comma = scanTo(tokens, start, t => isPunct(t, ','));
        parts.push(tokens.slice(start, comma));
        if (comma >= tokens.length)
            return parts;
        start = comma + 1;
    }
}
/** The index of the first `:` outside any group that is not half of `::`, or -1. */
function topLevelColon(tokens) {
    let from = 0;
    for (;;) {
        const at = scanTo(tokens, from, t => isPunct(t, ':'));
        if (at >= tokens.length)
            return -1;
        if (!isColon(tokens, at + 1))
            return at;
        from = at + 2;
    }
}

;// CONCATENATED MODULE: ./src/rust-source/exports.ts



const DECLARATION_ITEMS = new Set(['struct', 'enum', 'union', 'type']);
const EVERYWHERE = { library: true, harness: true };
/** Out-of-line modules deeper inside inline modules than this are not followed (real code nests two or three). */
const MAX_INLINE_MODULES = 16;
function scanExports(source) {
    const tokens = lexAll(source);
    const exports = [];
    const modules = [];
    const declarations = [];
    const frames = [{ close: '', kind: 'other', presence: EVERYWHERE, item: null }];
    // The names of the inline modules around the current token, outermost first.
    const inline = [];
    // The outer attributes read since the last other token: they belong to the item that starts next.
    let run = null;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        let frame = frames[frames.length - 1];
        if (isPunct(t, '#')) {
            const inner = isPunct(tokens[i + 1], '!');
            const open = inner ? i + 2 : i + 1;
            if (isPunct(tokens[open], '[')) {
                const end = closingIndex(tokens, open);
                const meaning = analyseAttribute(tokens.slice(open + 1, end));
                if (inner)
                    frame.presence = both(frame.presence, meaning.cfg);
                else {
                    run ??= { presence: EVERYWHERE, exports: [], path: null, repr: [] };
                    run.presence = both(run.presence, meaning.cfg);
                    for (const e of meaning.exports)
                        run.exports.push({ line: t.line, ...e });
                    if (meaning.path !== null)
                        run.path = meaning.path;
                    run.repr.push(...meaning.repr);
                }
                i = end;
                continue;
            }
        }
        if (isClosing(t)) {
            run = null;
            if (frames.length === 1 || t.text !== frame.close)
                continue;
            if (frames.pop().kind === 'module')
                inline.pop();
            frame = frames[frames.length - 1];
            // A block ends its item (`fn f() { … }`, `mod m { … }`, `impl T { … }`); other groups do not.
            if (t.text === '}')
                frame.item = null;
            else if (frame.item !== null)
                step(frame.item, t);
            continue;
        }
        if (run !== null || frame.item === null) {
            frame.item = { ...(run ?? { presence: EVERYWHERE, exports: [], path: null, repr: [] }), expectName: false, prev: null, prev2: null };
            run = null;
        }
        const item = frame.item;
        const named = exportName(item, t, frame);
        if (named !== null) {
            const site = resolve(item, named, both(frame.presence, item.presence));
            if (site !== null)
                exports.push({ ...site, signature: readSignature(tokens, i, source) });
        }
        if (t.kind === 'ident' && item.prev?.kind === 'ident' && DECLARATION_ITEMS.has(item.prev.text) && frames.every((f, k) => k === 0 || f.kind === 'module')) {
            const kind = item.prev.text;
            declarations.push({ name: t.text, item: kind, repr: item.repr, aliasOf: kind === 'type' ? readAlias(tokens, i, source) : null, line: t.line });
        }
        if (isOpening(t)) {
            const brace = t.text === '{';
            const foreign = brace && (isIdent(item.prev, 'extern') || (item.prev?.kind === 'literal' && isIdent(item.prev2, 'extern')));
            const module = brace && item.prev?.kind === 'ident' && isIdent(item.prev2, 'mod');
            if (module)
                inline.push(item.prev.text);
            frames.push({ close: closingOf(t.text), kind: foreign ? 'foreign' : module ? 'module' : 'other', presence: both(frame.presence, item.presence), item: null });
            step(item, t);
            continue;
        }
        if (isPunct(t, ';')) {
            if (item.prev?.kind === 'ident' && isIdent(item.prev2, 'mod')) {
                const presence = both(frame.presence, item.presence);
                if ((presence.library || presence.harness) && inline.length <= MAX_INLINE_MODULES) {
                    modules.push({ name: item.prev.text, path: item.path, inline: [...inline], ...presence });
                }
            }
            frame.item = null;
            continue;
        }
        step(item, t);
    }
    return { exports, modules, declarations };
}
function step(item, t) {
    item.prev2 = item.prev;
    item.prev = t;
}
/**
 * Follows the item's header while it has export attributes: the identifier after `fn` or `static` (`mut`
 * skipped) is its name. A block, `;` or `=` first means the attributes mark something else, and they are
 * dropped; so are those on the declarations of an `extern` block.
 */
function exportName(item, t, frame) {
    if (item.exports.length === 0)
        return null;
    if (frame.kind === 'foreign') {
        item.exports = [];
        return null;
    }
    if (item.expectName) {
        if (isIdent(t, 'mut'))
            return null;
        item.expectName = false;
        if (t.kind === 'ident')
            return t.text;
        item.exports = [];
        return null;
    }
    if (isIdent(t, 'fn') || isIdent(t, 'static'))
        item.expectName = true;
    else if (isPunct(t, '{') || isPunct(t, ';') || isPunct(t, '='))
        item.exports = [];
    return null;
}
/**
 * The item's one symbol: the `export_name` when it has one (rustc uses it over `no_mangle`), else its name;
 * present wherever one of its export attributes is. Null when it exists in neither compilation.
 */
function resolve(item, name, where) {
    const pending = item.exports;
    item.exports = [];
    const named = pending.filter(e => e.symbol !== null);
    const attributes = { library: pending.some(e => e.presence.library), harness: pending.some(e => e.presence.harness) };
    const presence = both(where, attributes);
    if (!presence.library && !presence.harness)
        return null;
    const symbol = named.length > 0 ? named[named.length - 1].symbol : name;
    return { symbol, attribute: named.length > 0 ? 'export_name' : 'no_mangle', line: pending[0].line, ...presence };
}
/** Real code nests `cfg_attr` and `cfg` predicates a few levels deep; the bound keeps hostile input off the call stack. */
const exports_MAX_DEPTH = 16;
function analyseAttribute(tokens, depth = 0) {
    const meaning = { cfg: null, exports: [], path: null, repr: [] };
    const head = tokens[0];
    if (head?.kind !== 'ident' || depth > exports_MAX_DEPTH)
        return meaning;
    const rest = tokens.slice(1);
    if (head.text === 'no_mangle' && rest.length === 0)
        meaning.exports.push({ symbol: null, presence: EVERYWHERE });
    else if ((head.text === 'export_name' || head.text === 'path') && rest.length === 2 && isPunct(rest[0], '=') && rest[1].kind === 'literal') {
        const value = stringValue(rest[1].text);
        if (value !== null && head.text === 'path')
            meaning.path = value;
        else if (value !== null)
            meaning.exports.push({ symbol: value, presence: EVERYWHERE });
    }
    else if (isParenGroup(rest)) {
        const args = splitTopLevel(rest.slice(1, -1)).filter(a => a.length > 0);
        if (head.text === 'unsafe' && args.length === 1) {
            // `#[unsafe(no_mangle)]`, `#[unsafe(export_name = "…")]`.
            meaning.exports.push(...analyseAttribute(args[0], depth + 1).exports);
        }
        else if (head.text === 'repr') {
            for (const arg of args)
                if (arg[0]?.kind === 'ident')
                    meaning.repr.push(arg[0].text);
        }
        else if (head.text === 'cfg' && args.length === 1) {
            meaning.cfg = presenceOf(args[0]);
        }
        else if (head.text === 'cfg_attr' && args.length >= 2) {
            const when = presenceOf(args[0]);
            const decidedTrue = { library: evaluate(args[0], false, 0) === true, harness: evaluate(args[0], true, 0) === true };
            for (const attr of args.slice(1)) {
                const inner = analyseAttribute(attr, depth + 1);
                for (const e of inner.exports)
                    meaning.exports.push({ symbol: e.symbol, presence: both(e.presence, when) });
                meaning.repr.push(...inner.repr);
                // A `cfg` the predicate applies for certain removes the item; one it may not apply leaves it possible.
                if (inner.cfg !== null) {
                    meaning.cfg = both(meaning.cfg ?? EVERYWHERE, { library: inner.cfg.library || !decidedTrue.library, harness: inner.cfg.harness || !decidedTrue.harness });
                }
            }
        }
    }
    return meaning;
}
/** Where a cfg predicate may hold: everywhere but where it is decided false. */
function presenceOf(predicate) {
    return { library: evaluate(predicate, false, 0) !== false, harness: evaluate(predicate, true, 0) !== false };
}
/** A cfg predicate with only `test` known: true, false, or null when something else decides it. */
function evaluate(tokens, test, depth) {
    const head = tokens[0];
    if (head?.kind !== 'ident' || depth > exports_MAX_DEPTH)
        return null;
    if (tokens.length === 1)
        return head.text === 'test' ? test : head.text === 'true' ? true : head.text === 'false' ? false : null;
    const rest = tokens.slice(1);
    if (!isParenGroup(rest))
        return null;
    const values = splitTopLevel(rest.slice(1, -1))
        .filter(a => a.length > 0)
        .map(a => evaluate(a, test, depth + 1));
    switch (head.text) {
        case 'not':
            return values.length === 1 && values[0] !== null ? !values[0] : null;
        case 'all':
            return values.includes(false) ? false : values.every(v => v === true) ? true : null;
        case 'any':
            return values.includes(true) ? true : values.every(v => v === false) ? false : null;
        default:
            return null;
    }
}
function both(a, b) {
    return b === null ? a : { library: a.library && b.library, harness: a.harness && b.harness };
}
function lexAll(source) {
    const lexer = new Lexer(source);
    const tokens = [];
    for (let t = lexer.next(); t !== null; t = lexer.next())
        tokens.push(t);
    return tokens;
}

;// CONCATENATED MODULE: ./src/rust-source/global-allocators.ts


/** 1-based lines where a `#[global_allocator]` attribute starts, ignoring comments, strings and doc text. */
function findGlobalAllocators(source) {
    return scanGlobalAllocators(source).map(site => site.line);
}
/** Every `#[global_allocator]`, including those behind `cfg_attr` or `cfg`, with its condition and the item it marks. */
function scanGlobalAllocators(source) {
    const lexer = new Lexer(source);
    const found = [];
    const fileConditions = [];
    let seenItem = false;
    // The attributes of one item: consecutive `#[…]` with nothing else between them.
    let runConditions = [];
    let runSites = [];
    const item = new ItemText(source);
    const endRun = () => {
        if (runSites.length > 0) {
            for (const site of item.finish())
                found.push(site);
            item.start(runSites.map(site => ({ line: site.line, conditions: [...runConditions, ...site.conditions] })));
        }
        runConditions = [];
        runSites = [];
        seenItem = true;
    };
    let tok = lexer.next();
    while (tok !== null) {
        if (tok.kind === 'punct' && tok.text === '#') {
            const hash = tok;
            const line = tok.line;
            let after = lexer.next();
            let inner = false;
            let bang = null;
            if (after !== null && after.kind === 'punct' && after.text === '!') {
                inner = true;
                bang = after;
                after = lexer.next();
            }
            if (after !== null && after.kind === 'punct' && after.text === '[') {
                const meaning = global_allocators_analyseAttribute(readGroup(lexer, ']'));
                if (inner) {
                    // Only inner attributes before the first item apply to the whole file.
                    if (!seenItem && meaning.cfg !== null)
                        fileConditions.push(meaning.cfg);
                }
                else {
                    if (meaning.cfg !== null)
                        runConditions.push(meaning.cfg);
                    for (const conditions of meaning.allocators)
                        runSites.push({ line, conditions });
                }
                tok = lexer.next();
                continue;
            }
            endRun();
            item.observe(hash);
            if (bang !== null)
                item.observe(bang);
            tok = after;
            continue;
        }
        endRun();
        item.observe(tok);
        tok = lexer.next();
    }
    endRun();
    for (const site of item.finish())
        found.push(site);
    return found.map(site => {
        const all = [...fileConditions, ...site.conditions];
        return { line: site.line, condition: all.length === 0 ? null : all.length === 1 ? all[0] : `all(${all.join(', ')})`, item: site.item };
    });
}
const MAX_ITEM_TOKENS = 64;
/**
 * Collects the text of the item after an attribute run: up to `;` at nesting depth 0, or up to the end of a
 * `{ … }` block at depth 0 (keeping a `;` right after it). The tokens are only observed, never consumed, so a
 * malformed item cannot hide the attributes that follow it.
 */
class ItemText {
    source;
    sites = [];
    tokens = [];
    depth = 0;
    closedBlock = false;
    truncated = false;
    open = false;
    constructor(source) {
        this.source = source;
    }
    start(sites) {
        this.sites = sites;
        this.tokens = [];
        this.depth = 0;
        this.closedBlock = false;
        this.truncated = false;
        this.open = true;
    }
    observe(t) {
        if (!this.open)
            return;
        const punct = t.kind === 'punct' ? t.text : '';
        if (this.closedBlock && punct !== ';') {
            this.open = false;
            return;
        }
        if (isClosing(t) && this.depth === 0) {
            this.open = false;
            return;
        }
        if (this.tokens.length === MAX_ITEM_TOKENS) {
            this.truncated = true;
            this.open = false;
            return;
        }
        this.tokens.push(t);
        if (isOpening(t))
            this.depth++;
        else if (isClosing(t)) {
            if (--this.depth === 0 && punct === '}')
                this.closedBlock = true;
        }
        else if (punct === ';' && this.depth === 0)
            this.open = false;
    }
    /** The sites started last, with their item text; afterwards there are none. */
    finish() {
        let text = '';
        let previous = null;
        for (const t of this.tokens) {
            text += previous === null ? '' : previous.end === t.start ? '' : ' ';
            text += this.source.slice(t.start, t.end);
            previous = t;
        }
        if (this.truncated)
            text += ' …';
        const out = this.sites.map(site => ({ ...site, item: text }));
        this.sites = [];
        this.tokens = [];
        this.open = false;
        return out;
    }
}
/** Real code nests `cfg_attr` once or twice; the bound keeps hostile input linear and off the call stack. */
const MAX_CFG_ATTR_DEPTH = 8;
function global_allocators_analyseAttribute(tokens, depth = 0) {
    const meaning = { cfg: null, allocators: [] };
    const path = readPath(tokens);
    if (path === null)
        return meaning;
    const rest = tokens.slice(path.end);
    const last = path.segments[path.segments.length - 1];
    const simple = path.segments.length === 1 && !path.leadingColons;
    if (last === 'global_allocator' && rest.length === 0) {
        const first = path.segments[0];
        if (simple || first === 'core' || first === 'std')
            meaning.allocators.push([]);
        return meaning;
    }
    if (!simple || !isParenGroup(rest))
        return meaning;
    const args = splitTopLevel(rest.slice(1, -1));
    if (last === 'cfg' && args.length >= 1 && args[0].length > 0) {
        meaning.cfg = joinTokens(args[0]);
    }
    else if (last === 'cfg_attr' && args.length >= 2 && args[0].length > 0 && depth < MAX_CFG_ATTR_DEPTH) {
        const predicate = joinTokens(args[0]);
        for (const attr of args.slice(1)) {
            if (attr.length === 0)
                continue;
            for (const conditions of global_allocators_analyseAttribute(attr, depth + 1).allocators)
                meaning.allocators.push([predicate, ...conditions]);
        }
    }
    return meaning;
}
function readPath(tokens) {
    let i = 0;
    const colons = (at) => tokens[at]?.text === ':' && tokens[at + 1]?.text === ':' && tokens[at].kind === 'punct';
    const leadingColons = colons(0);
    if (leadingColons)
        i = 2;
    const segments = [];
    for (;;) {
        const t = tokens[i];
        if (t === undefined || t.kind !== 'ident')
            return null;
        segments.push(t.text);
        i++;
        if (!colons(i))
            break;
        i += 2;
    }
    return { segments, leadingColons, end: i };
}
/** Token text with conventional spacing: `all(unix, feature = "x")`. */
function joinTokens(tokens) {
    let out = '';
    let previous = null;
    for (const t of tokens) {
        const tight = previous === null ||
            (previous.kind === 'punct' && (previous.text === '(' || previous.text === ':')) ||
            (t.kind === 'punct' && (t.text === ')' || t.text === ',' || t.text === '(' || t.text === ':'));
        out += tight ? t.text : ` ${t.text}`;
        previous = t;
    }
    return out;
}
/** The tokens up to the delimiter that closes the group just opened (not included), keeping nesting. */
function readGroup(lexer, close) {
    const tokens = [];
    let depth = 0;
    for (let t = lexer.next(); t !== null; t = lexer.next()) {
        if (t.kind === 'punct') {
            if (isOpening(t))
                depth++;
            else if (isClosing(t)) {
                if (depth === 0) {
                    if (t.text === close)
                        return tokens;
                }
                else
                    depth--;
            }
        }
        tokens.push(t);
    }
    return tokens;
}

;// CONCATENATED MODULE: ./src/gather/sources.ts
/**
 * What the rules need from a package's Rust sources, read only inside the repository and within limits: the
 * global allocators it declares, whether it loads libraries at run time, whether it names a crate, and the
 * unmangled symbols a library exports.
 */








/** Calls that load a shared library at run time, on Unix and Windows. */
const LOADS_LIBRARIES = /\b(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?)\s*\(/;
function stripComments(text) {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
function sources_isFile(file) {
    try {
        return external_node_fs_default().statSync(file).isFile();
    }
    catch {
        return false;
    }
}
/**
 * The Rust sources under each target's directory (`MAX_SOURCE_FILES`, each within its limit), read once per
 * package. A package of the repository may name no source outside it: such a file is skipped.
 */
function packageSources(pkg, scope) {
    let found = sourcesOf.get(pkg);
    if (found !== undefined)
        return found;
    const dirs = [...new Set(pkg.targets.map(t => external_node_path_default().dirname(t.srcPath)))];
    const files = new Set();
    const walk = (dir) => {
        let entries;
        try {
            entries = external_node_fs_default().readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            if (files.size >= MAX_SOURCE_FILES)
                return;
            const full = external_node_path_default().join(dir, e.name);
            if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.'))
                walk(full);
            // A symlinked source is compiled by cargo, so it is read too (within `scope`); a symlinked directory is not walked.
            else if (e.name.endsWith('.rs') && (e.isFile() || (e.isSymbolicLink() && sources_isFile(full))))
                files.add(full);
        }
    };
    for (const dir of dirs)
        walk(dir);
    found = [];
    const within = scopeFor(scope, pkg.manifestPath);
    for (const file of [...files].sort()) {
        try {
            found.push({ file, text: readInputFile(file, 'rust-source', { within }) });
        }
        catch {
            // An unreadable, oversized or escaping file is skipped: these scans only add findings, never remove them.
        }
    }
    sourcesOf.set(pkg, found);
    return found;
}
const sourcesOf = new WeakMap();
/** The `#[global_allocator]`s in a package's Rust sources. */
function scanAllocators(pkg, scope) {
    return packageSources(pkg, scope)
        .filter(s => s.text.includes('global_allocator'))
        .flatMap(s => scanGlobalAllocators(s.text).map(found => ({ file: s.file, line: found.line, item: found.item })));
}
/** Whether a package's Rust sources call the system loader (`dlopen`, `LoadLibrary`), outside comments. */
function callsSystemLoader(pkg, scope) {
    return packageSources(pkg, scope).some(s => LOADS_LIBRARIES.test(stripComments(s.text)));
}
/**
 * Whether a target names a crate anywhere in its module tree (see `rust-source/crate-names.ts`): its root file
 * and every `mod name;` file it pulls in, read once per target. Undecided counts as named — a missed error is
 * worse than a false one: a file that cannot be read (recorded metadata from another machine, a `cfg`-gated
 * module that is not there), `include!`, more than `MAX_SOURCE_FILES` files, or a file of a repository package
 * that leads outside the repository. A name that is no identifier (`cargo metadata` allows more than rustc)
 * cannot be written in a source, so no file names it.
 */
function sourceReader(metadata, scope) {
    const within = targetScope(metadata, scope);
    const namesOf = new Map();
    return (srcPath, crate) => {
        let names = namesOf.get(srcPath);
        if (names === undefined)
            namesOf.set(srcPath, (names = moduleTreeNames(srcPath, within(srcPath))));
        return names === null || names.has(crate);
    };
}
/**
 * The unmangled symbols (`#[no_mangle]`, `#[export_name]`) a target defines over its module tree (see
 * `rust-source/exports.ts`), root file first, read once per target, each with its signature. A module whose
 * file cannot be found or read (a `cfg`-gated module that is not there) is skipped, and so is code behind
 * `include!`: a missed export only loses a warning, and `sourcesComplete` says when a file was skipped. A
 * module inside `#[cfg(test)]` contributes only to the test harness, one inside `#[cfg(not(test))]` only to the
 * library. The types a signature names are looked up by name among the module-level declarations of the
 * target's own module tree and of the libraries of the local packages its package depends on directly — where
 * a plugin interface lives in practice; a type re-exported from further away is not found.
 */
function exportReader(metadata, scope) {
    const within = targetScope(metadata, scope);
    const trees = new Map();
    const treeOf = (srcPath) => {
        let found = trees.get(srcPath);
        if (found === undefined)
            trees.set(srcPath, (found = moduleTreeScan(srcPath, within(srcPath))));
        return found;
    };
    const exportsOf = new Map();
    let packageOf = null;
    return target => {
        let found = exportsOf.get(target.srcPath);
        if (found !== undefined)
            return found;
        const tree = treeOf(target.srcPath);
        found = tree.exports.map(e => ({ ...e, sourcesComplete: tree.complete }));
        if (found.some(e => e.signature != null && namedTypes(e.signature).length > 0)) {
            packageOf ??= new Map([...metadata.packages.values()].flatMap(p => p.targets.map(t => [t.srcPath, p])));
            const libraries = interfaceLibraries(packageOf.get(target.srcPath), metadata);
            const declarations = [tree, ...libraries.map(lib => treeOf(lib.srcPath))].flatMap(t => t.declarations);
            found = found.map(e => (e.signature == null ? e : { ...e, types: declarationsFor(namedTypes(e.signature), declarations) }));
        }
        exportsOf.set(target.srcPath, found);
        return found;
    };
}
/** The library targets of the local packages `pkg` depends on directly (normal dependencies). */
function interfaceLibraries(pkg, metadata) {
    if (pkg === undefined)
        return [];
    return pkg.deps
        .filter(d => d.kinds.some(k => k.kind === 'normal'))
        .flatMap(d => metadata.packages.get(d.pkg) ?? [])
        .filter(p => p.source === null)
        .flatMap(p => p.targets.filter(t => t.kind === 'lib'));
}
/** The declarations of `names`, and of the types the aliases among them name, transitively. */
function declarationsFor(names, declarations) {
    const wanted = new Set(names);
    const out = [];
    for (let i = 0; i < declarations.length; i++) {
        const d = declarations[i];
        if (!wanted.has(d.name) || out.includes(d))
            continue;
        out.push(d);
        const more = d.aliasOf === null ? [] : typeNames(d.aliasOf).filter(n => !wanted.has(n));
        if (more.length === 0)
            continue;
        for (const n of more)
            wanted.add(n);
        // A newly wanted name may be declared earlier in the list: start over.
        i = -1;
    }
    return out;
}
/** The last segment of every path type in a signature, generic arguments included. */
function namedTypes(signature) {
    const types = signature.item === 'static' ? [signature.type] : [...signature.params, ...(signature.returns === null ? [] : [signature.returns])];
    return [...new Set(types.flatMap(typeNames))];
}
function typeNames(type) {
    switch (type.kind) {
        case 'path':
            return [type.segments[type.segments.length - 1], ...type.args.flatMap(typeNames)];
        case 'pointer':
        case 'reference':
            return typeNames(type.to);
        case 'fn':
            return [...type.params, ...(type.returns === null ? [] : [type.returns])].flatMap(typeNames);
        case 'tuple':
            return type.items.flatMap(typeNames);
        case 'array':
        case 'slice':
            return typeNames(type.of);
        default:
            return [];
    }
}
/**
 * What `rustdoc --test` does with a library's doc examples over its module tree (see
 * `rust-source/doc-examples.ts`), read once per library. Undecided counts as examples that run — a file that
 * cannot be read, `include!`, more than `MAX_SOURCE_FILES` files — as for crate names.
 */
function docExamplesReader(metadata, scope) {
    const within = targetScope(metadata, scope);
    const examplesOf = new Map();
    return lib => {
        let found = examplesOf.get(lib.srcPath);
        if (found === undefined)
            examplesOf.set(lib.srcPath, (found = moduleTreeDocExamples(lib.srcPath, within(lib.srcPath))));
        return found;
    };
}
function moduleTreeDocExamples(root, within) {
    let found = 'none';
    const complete = readModuleTree(root, null, within, 'stop', text => {
        found = mergeDocExamples(found, docExamples(text));
        // Once an example runs, the other files cannot change the answer.
        if (found === 'run')
            return [];
        const scanned = scanSourceNames(text);
        return scanned.includes ? null : scanned.modules.map(m => ({ ...m, context: null }));
    });
    return complete ? found : 'run';
}
/**
 * Where a target's files may be read from: a target of a repository package only inside the repository (its
 * module files may not lead out of it), any other target — a dependency outside the checkout — anywhere.
 */
function targetScope(metadata, scope) {
    const ofRepository = new Set();
    if (scope !== null) {
        for (const pkg of metadata.packages.values()) {
            if (scopeFor(scope, pkg.manifestPath) !== null)
                for (const t of pkg.targets)
                    ofRepository.add(t.srcPath);
        }
    }
    return srcPath => (ofRepository.has(srcPath) ? scope : scopeFor(scope, srcPath));
}
/** The names every file of a target's module tree may give a crate, or null when that cannot be decided. */
function moduleTreeNames(root, within) {
    const names = new Set();
    const complete = readModuleTree(root, null, within, 'stop', text => {
        const scanned = scanSourceNames(text);
        if (scanned.includes)
            return null;
        for (const name of scanned.names)
            names.add(name);
        return scanned.modules.map(m => ({ ...m, context: null }));
    });
    return complete ? names : null;
}
function moduleTreeScan(root, within) {
    const exports = [];
    const declarations = [];
    const everywhere = { library: true, harness: true };
    const complete = readModuleTree(root, everywhere, within, 'skip', (text, file, outer) => {
        const scanned = scanExports(text);
        for (const e of scanned.exports) {
            const site = { ...e, file, library: e.library && outer.library, harness: e.harness && outer.harness };
            if (site.library || site.harness)
                exports.push(site);
        }
        for (const d of scanned.declarations)
            declarations.push({ ...d, file });
        return scanned.modules.map(m => ({ name: m.name, path: m.path, inline: m.inline, context: { library: m.library && outer.library, harness: m.harness && outer.harness } }));
    });
    return { exports, declarations, complete };
}
/**
 * Reads a target's module tree from its root file, as rustc finds module files: `mod name;` in a file whose
 * children live in directory D (the root's and a `mod.rs`'s own directory, `D/name/` for `name.rs`) is
 * `D/name.rs` or `D/name/mod.rs`, below the directories of the inline modules around it; `#[path]` is
 * relative to the file's directory (or, inside inline modules, to their directories). `visit` scans one file
 * and returns its modules, or null when the file leaves the tree undecided. Returns whether the whole tree
 * was read: not when a visit gave null, when a module file cannot be found or read, or past
 * `MAX_SOURCE_FILES` files. `stop` ends the reading at the first such file; `skip` reads on past a file
 * that cannot be found or read.
 */
function readModuleTree(root, rootContext, within, onMissing, visit) {
    // Each file with the directory its `mod name;` children are looked for in (rustc's module paths).
    const queue = [{ file: root, childDir: external_node_path_default().dirname(root), context: rootContext }];
    const seen = new Set();
    let complete = true;
    while (queue.length > 0) {
        const { file, childDir, context } = queue.shift();
        if (seen.has(file))
            continue;
        seen.add(file);
        if (seen.size > MAX_SOURCE_FILES)
            return false;
        let text;
        try {
            text = readInputFile(file, 'rust-source', { within });
        }
        catch {
            if (onMissing === 'stop')
                return false;
            complete = false;
            continue;
        }
        const modules = visit(text, file, context);
        if (modules === null) {
            if (onMissing === 'stop')
                return false;
            complete = false;
            continue;
        }
        for (const mod of modules) {
            const dir = external_node_path_default().join(childDir, ...(mod.inline ?? []));
            if (mod.path !== null) {
                const target = external_node_path_default().resolve((mod.inline ?? []).length > 0 ? dir : external_node_path_default().dirname(file), mod.path);
                queue.push({ file: target, childDir: external_node_path_default().dirname(target), context: mod.context });
                continue;
            }
            const flat = external_node_path_default().join(dir, `${mod.name}.rs`);
            const nested = external_node_path_default().join(dir, mod.name, 'mod.rs');
            if (sources_isFile(flat))
                queue.push({ file: flat, childDir: external_node_path_default().join(dir, mod.name), context: mod.context });
            else if (sources_isFile(nested))
                queue.push({ file: nested, childDir: external_node_path_default().join(dir, mod.name), context: mod.context });
            else if (onMissing === 'stop')
                return false;
            else
                complete = false;
        }
    }
    return complete;
}

;// CONCATENATED MODULE: ./src/exec/cargo-failure.ts

const FAULT = {
    manifest: 'input',
    workspace: 'input',
    'missing-path': 'input',
    lockfile: 'input',
    'stale-lockfile': 'input',
    config: 'input',
    'offline-cache': 'environment',
    network: 'environment',
    toolchain: 'environment',
    crash: 'environment',
    other: 'environment'
};
/** Room for a long path and a sentence in each part; the whole stays readable as one line. */
const PART_MAX = 300;
function describeCargoFailure(stderr, context) {
    const parsed = parseStderr(stderr, context.cwd);
    const kind = classify(parsed, context);
    return { message: `${summary(parsed)}${HINTS[kind](parsed.errorText)}`, kind };
}
const ERROR_LINE = /^error(?:\[[A-Za-z0-9]+\])?:\s?(.*)$/;
const LOCATION = /^\s*--> (.+):(\d+):(\d+)\s*$/;
/** annotate-snippets' art: `  |`, `3 | version =`, `  |  ^^^`, `...`. */
const SNIPPET = /^\s*(?:\d+\s*)?\|(?:\s|$)|^\s*\.\.\.\s*$/;
const CAUSED_BY = /^\s*Caused by:\s*$/;
/** cargo's reminder under every offline resolution error (`core/resolver/errors.rs`); our hint replaces it. */
const OFFLINE_REMINDER = /^As a reminder, you're using offline mode/;
/** Our runner's mark where it left out the middle of a long stderr. */
const LEFT_OUT = /^\[[\d.]+ [KMG]?i?B of output left out\]$/;
const NOT_FOUND = /No such file or directory|cannot find the (?:file|path) specified/;
const OS_ERROR = /\(os error \d+\)$/;
function parseStderr(stderr, cwd) {
    const lines = stderr
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split(/\r?\n/)
        .map(l => l.trimEnd())
        .filter(l => !LEFT_OUT.test(l));
    const open = [];
    let block = null;
    let firstError = -1;
    for (const [i, line] of lines.entries()) {
        const error = ERROR_LINE.exec(line);
        if (error) {
            if (firstError < 0)
                firstError = i;
            block = { headLines: [error[1].trim()], location: null, causes: [], inHead: true };
            open.push(block);
            continue;
        }
        if (block === null)
            continue;
        const location = LOCATION.exec(line);
        if (/^warning(?:\[[^\]]*\])?:/.test(line)) {
            block = null;
        }
        else if (location) {
            block.location ??= `${resolveFrom(cwd, location[1])}:${location[2]}:${location[3]}`;
            block.inHead = false;
        }
        else if (CAUSED_BY.test(line)) {
            block.causes.push([]);
            block.inHead = false;
        }
        else if (line.trim() === '' || /^help:/.test(line)) {
            block.inHead = false;
        }
        else if (block.inHead) {
            if (!OFFLINE_REMINDER.test(line.trim()))
                block.headLines.push(line.trim());
        }
        else if (!SNIPPET.test(line)) {
            block.causes[block.causes.length - 1]?.push(line.trim());
        }
    }
    const panicAt = lines.findIndex(l => /^thread '.*' panicked at /.test(l));
    const shown = lines.map(l => l.trim()).filter(l => l !== '');
    return {
        blocks: open.map(b => ({ head: joinHead(b.headLines), location: b.location, causes: b.causes.map(causeLine).filter(c => c !== '') })),
        errorText: firstError < 0 ? '' : lines.slice(firstError).join('\n'),
        panic: panicAt < 0 ? null : cap(lines.slice(panicAt, panicAt + 2).join(' ')),
        fallback: shown.find(l => /^error/i.test(l)) ?? shown[shown.length - 1] ?? 'no output'
    };
}
/** A head and its continuation lines (`referenced by workspace at …`, `- path` lists, `current: …`). */
function joinHead(lines) {
    let head = '';
    for (const raw of lines) {
        const line = raw.replace(/^- /, '').replace(/\s+/g, ' ');
        head = head === '' ? line : `${head}${head.endsWith(':') ? ' ' : '; '}${line}`;
    }
    return head;
}
/** A cause's first line; a TOML error's first line says only where, so the explanation below its snippet follows. */
function causeLine(lines) {
    const text = lines.filter(l => l !== '');
    const first = text[0] ?? '';
    const last = text[text.length - 1];
    return /^TOML parse error at /.test(first) && last !== undefined && last !== first ? `${first}: ${last}` : first;
}
/** `error: <head> (at <location>) — <last cause> (at <location>)`, each part capped. */
function summary(parsed) {
    const primary = parsed.blocks[parsed.blocks.length - 1];
    if (primary === undefined)
        return cap(parsed.panic ?? parsed.fallback);
    const at = (b) => (b.location === null ? '' : ` (at ${b.location})`);
    // A manifest that does not parse is reported on its own, where it is (`util/toml/mod.rs`,
    // `emit_toml_diagnostic`); the error it caused follows, its chain ending above it. It is the cause.
    const diagnostic = parsed.blocks.slice(0, -1).findLast(b => b.location !== null);
    const causes = primary.causes;
    const last = causes[causes.length - 1];
    let cause = null;
    if (diagnostic !== undefined) {
        cause = `${cap(diagnostic.head)}${at(diagnostic)}`;
    }
    else if (last !== undefined) {
        // An OS error or a TOML position names no file, and a failed inheritance no key: the cause before does.
        const previous = causes[causes.length - 2];
        const partial = OS_ERROR.test(last) || /^TOML parse error at /.test(last) || /^error inheriting /.test(previous ?? '');
        cause = previous !== undefined && partial ? `${previous}: ${last}` : last;
    }
    const head = `error: ${cap(primary.head)}${at(primary)}`;
    return cause === null || primary.head.includes(cause) ? head : `${head} — ${cap(cause)}`;
}
function cap(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= PART_MAX ? line : `${line.slice(0, PART_MAX - 1).trimEnd()}…`;
}
function classify(parsed, context) {
    if (parsed.panic !== null)
        return 'crash';
    // 101 is every error of cargo (and a panic's); anything else is its command line (1), a signal or rustup.
    if (context.exitCode !== 101 || parsed.blocks.length === 0)
        return 'other';
    const text = parsed.errorText;
    /** A file of the checkout or beside it: not one cargo downloaded or keeps in its home. */
    const local = (file) => file !== undefined && isAbsolutePath(file) && !isAtOrBelow(context.cargoHome, file);
    // `ops/lockfile.rs` (`write_pkg_lockfile`); cargo before 1.84: "the lock file … needs to be updated but --locked was passed".
    if (/cannot (?:update|create) the lock file .* because --(?:locked|frozen) was passed|needs to be updated but --(?:locked|frozen) was passed/.test(text))
        return 'stale-lockfile';
    // The repository asks more of cargo than this one has: `core/features.rs` (editions, `cargo-features`; an
    // unknown one may be a typo, or newer than this cargo), `core/resolver/encode.rs` (lock file versions).
    if (/this version of Cargo is older than the `[^`]*` edition|requires a nightly version of Cargo|unknown Cargo\.toml feature|feature `[^`]*` is required|[Cc]onsider trying a (?:newer version of Cargo|more recent nightly)|perhaps Cargo needs to be updated|requires `-Z/.test(text)) {
        return 'toolchain';
    }
    // `crates/cargo-util/src/paths.rs` (`read`) under `sources/path.rs` or `core/workspace.rs`: a path that is not there.
    // Any other reason a file cannot be read (permissions, the disk) is the environment's.
    const lastCause = parsed.blocks.flatMap(b => b.causes).pop() ?? '';
    if (OS_ERROR.test(lastCause))
        return NOT_FOUND.test(lastCause) && local(/failed to read `([^`]+)`/.exec(text)?.[1]) ? 'missing-path' : 'other';
    if (local(/could not find `Cargo\.toml` in `([^`]+)`/.exec(text)?.[1]))
        return 'missing-path';
    // `util/toml/mod.rs` (`read_manifest`; `emit_toml_diagnostic` for TOML errors, with the path relative to cargo's
    // working directory), `core/workspace.rs` (`load_workspace_config`).
    // A manifest under cargo's home is a dependency it downloaded, and one reached through a registry's source (a
    // directory replacing crates.io, vendored in the checkout or installed on the machine) may be either's.
    const manifests = [
        ...[...text.matchAll(/failed to parse manifest at `([^`]+)`/g)].map(m => m[1]),
        ...parsed.blocks.flatMap(b => (b.location !== null && /(?:^|[\\/])Cargo\.toml:\d+:\d+$/.test(b.location) ? [b.location.replace(/:\d+:\d+$/, '')] : []))
    ];
    if (manifests.length > 0)
        return manifests.every(local) && !/unable to update registry `|replaced source/.test(text) ? 'manifest' : 'other';
    // `core/resolver/errors.rs`: a path dependency whose version does not meet the requirement. A registry's
    // (`location searched: crates.io index`) depends on the state of the cache and the index instead.
    if (/failed to select a version for the requirement/.test(text) && local(/^location searched: (.+)$/m.exec(text)?.[1]?.trim()))
        return 'manifest';
    // `core/workspace.rs` (`validate_*`, `find_members`, `expand_member_paths`), `core/resolver/mod.rs` (`check_cycles`),
    // `ops/cargo_compile/packages.rs`.
    if (/two packages named `|multiple workspace roots found|is a member of the wrong workspace|is not hierarchically below the workspace root|current package believes it's in a workspace when it's not|`package\.workspace` configuration points to a crate which is not configured with \[workspace\]|is listed in default-members.* but is not a member|root of a workspace inferred but wasn't a root|could not parse pattern `|contains no package: The manifest is virtual|cyclic package dependency/.test(text)) {
        return 'workspace';
    }
    // `core/registry.rs` (`summary_for_patch`): a `[patch]` path holding no such package, or another version of it.
    if (local(/patch location `([^`]+)`/.exec(text)?.[1]))
        return 'workspace';
    // `ops/lockfile.rs` (`load_pkg_lockfile`).
    if (local(/failed to parse lock file at: (.+)$/m.exec(text)?.[1]?.trim()))
        return 'lockfile';
    // `util/context/mod.rs`: a `--config` value (the user's, or the repository's data passed on), or a config file
    // cargo read from the checkout (only when it runs there: the files above an empty directory are the runner's).
    if (/failed to parse value from --config argument/.test(text))
        return 'config';
    const config = /could not parse TOML configuration in `([^`]+)`/.exec(text)?.[1];
    if (config !== undefined && local(config) && paths_isBelow(context.cwd, config))
        return 'config';
    const offline = context.offline || context.frozen || /offline mode|--offline was specified/.test(text);
    if (offline && /no matching package|failed to (?:download|load source|select a version|get `)|attempting to make an HTTP request/.test(text))
        return 'offline-cache';
    // `util/network/retry.rs`, `sources/git/utils.rs`, `sources/registry/http_remote.rs`, `sources/replaced.rs`,
    // `core/package.rs`, `util/errors.rs` (`HttpNotSuccessful`), and curl's and libgit2's own words.
    if (/spurious network error|network failure seems to have happened|failed to (?:resolve address|connect to)|could not (?:resolve host|connect to server)|couldn't (?:resolve|connect)|connection (?:refused|reset|timed out)|operation timed out|timeout was reached|failed to download (?:from|any data)|download of .* failed|failed to fetch |failed to get successful HTTP response|failed to (?:query|download|update) replaced source|\bSSL\b|certificate/i.test(text)) {
        return 'network';
    }
    return 'other';
}
const none = () => '';
const HINTS = {
    manifest: none,
    workspace: none,
    'missing-path': none,
    lockfile: none,
    'stale-lockfile': text => {
        const flag = /--frozen was passed/.test(text) ? 'frozen' : 'locked';
        return /cannot create the lock file/.test(text)
            ? ` — there is no Cargo.lock: run \`cargo generate-lockfile\` and commit it, or drop \`${flag}\``
            : ` — Cargo.lock is out of date: run \`cargo update -w\` (or \`cargo generate-lockfile\`) and commit it, or drop \`${flag}\``;
    },
    config: none,
    'offline-cache': () => ' — with `offline`, every dependency must already be in the cargo cache or vendored: fetch it first (`cargo fetch`), or drop `offline`',
    network: () => ' — cargo could not reach a registry or git source: fill the cargo cache before this step (`cargo fetch`, or a cache of `~/.cargo/registry` and `~/.cargo/git` in the workflow) and run with `offline`',
    toolchain: none,
    crash: none,
    other: none
};

;// CONCATENATED MODULE: ./src/metadata/checks.ts
/**
 * The checks the metadata validation is made of: a value's JSON type, and for each wrong value the failure
 * that names its JSON path, built only then.
 */
/** A value from the input, quoted for a one-line message (control characters escaped). */
function q(value) {
    return `\`${JSON.stringify(value).slice(1, -1)}\``;
}
/**
 * What is wrong with the input and where (a JSON path), thrown by the validation and turned into a
 * MetadataError naming the source by validateMetadata. The validation runs over every package, target,
 * declaration and edge, so it builds a path or a label only once it has something to report: the checks
 * are inline `typeof` tests, and each failing branch builds its path from the indices it has.
 */
class Invalid {
    path;
    message;
    constructor(path, message) {
        this.path = path;
        this.message = message;
    }
}
// Shared by the many lists that are empty: frozen, since every package, target and declaration may hold it.
const NO_STRINGS = Object.freeze([]);
function checks_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `v` when it is a string; `path` names it in the message otherwise. */
function string(v, path) {
    if (typeof v !== 'string')
        throw notString(v, path);
    return v;
}
function isStringArray(v) {
    if (!Array.isArray(v))
        return false;
    for (let k = 0; k < v.length; k++)
        if (typeof v[k] !== 'string')
            return false;
    return true;
}
/** A copy of `v` (the shared empty list when it is empty) when it is an array of strings; else the failure naming the field at `path` or its element. */
function stringList(v, path) {
    if (!isStringArray(v))
        badStringList(v, path);
    return v.length === 0 ? NO_STRINGS : v.slice();
}
// The failures: cold, each builds its message from the value.
function checks_describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
function notObject(v, path) {
    return new Invalid(path, `expected an object, got ${checks_describe(v)}`);
}
function notArray(v, path) {
    return new Invalid(path, v === undefined ? 'missing (expected an array)' : `expected an array, got ${checks_describe(v)}`);
}
function notString(v, path) {
    return new Invalid(path, v === undefined ? 'missing (expected a string)' : `expected a string, got ${checks_describe(v)}`);
}
function notBoolean(v, path) {
    return new Invalid(path, `expected true or false, got ${checks_describe(v)}`);
}
function unknownKind(v, path) {
    return new Invalid(path, `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`);
}
/** Throws what is wrong with `v` as an array of strings: not an array, or its first element that is no string. */
function badStringList(v, path) {
    if (!Array.isArray(v))
        throw notArray(v, path);
    for (let k = 0; k < v.length; k++) {
        if (typeof v[k] !== 'string')
            throw notString(v[k], `${path}[${k}]`);
    }
    throw new Error(`${path}: not a list of strings, but no element is wrong`);
}

;// CONCATENATED MODULE: ./src/metadata/cycle.ts

const UNSEEN = -2;
const DONE = -1;
/**
 * The first dependency cycle that cargo's resolver refuses (`check_cycles`), as the edges around it, or
 * null. Every edge with a normal or build kind counts, whatever its platform; an edge that is only a
 * dev-dependency does not, since cargo follows dev-dependencies only from tests, examples and benches,
 * which nothing depends on. `edgeEnds` has, from each package's `firstEdge` on, the package index each of
 * its edges leads to, -1 for a dev-only edge. Iterative: a dependency chain can be far deeper than the call stack.
 */
function dependencyCycle(list, edgeEnds) {
    // The index of each package on the current path, DONE once everything it reaches has been searched.
    const position = new Int32Array(list.length).fill(UNSEEN);
    // The current path: packages (by index) and the edge of each being followed.
    const onPath = [];
    const edgeOf = [];
    for (let start = 0; start < list.length; start++) {
        if (position[start] !== UNSEEN)
            continue;
        position[start] = 0;
        onPath.push(start);
        edgeOf.push(-1);
        while (onPath.length > 0) {
            const top = onPath.length - 1;
            const from = list[onPath[top]];
            const edge = ++edgeOf[top];
            if (edge >= from.pkg.deps.length) {
                position[onPath[top]] = DONE;
                onPath.pop();
                edgeOf.pop();
                continue;
            }
            const to = edgeEnds[from.firstEdge + edge];
            if (to < 0)
                continue;
            const at = position[to];
            if (at === UNSEEN) {
                position[to] = onPath.length;
                onPath.push(to);
                edgeOf.push(-1);
            }
            else if (at >= 0) {
                const cycle = [];
                for (let x = at; x < onPath.length; x++)
                    cycle.push({ from: list[onPath[x]].pkg, edge: edgeOf[x] });
                return cycle;
            }
        }
    }
    return null;
}
/** Cargo's words for a cycle, on one line; a long cycle shows its first packages and the one closing it. */
function describeCycle(cycle) {
    const name = (pkg) => q(`${pkg.name} v${pkg.version}`);
    const shown = 10;
    const names = cycle.map(s => name(s.from));
    const around = names.length > shown + 1 ? [...names.slice(0, shown), `… ${names.length - shown - 1} more`, names[names.length - 1]] : names;
    return `cyclic package dependency: package ${names[0]} depends on itself (${[...around, names[0]].join(' → ')}); cargo refuses every dependency cycle that does not go through a dev-dependency`;
}

;// CONCATENATED MODULE: ./src/metadata/target.ts


/** `packages[i].targets[j]`, for messages. */
const targetPath = (i, j) => `packages[${i}].targets[${j}]`;
/** A package as messages name it. */
const label = (packageName) => `package ${q(packageName)}`;
// The lists of one crate type, which nearly every target has: one frozen list each.
const ONE_CRATE_TYPE = Object.fromEntries(CRATE_TYPES.map(t => [t, Object.freeze([t])]));
/** Whether a target kind names a target that is not a library. */
function isTargetKind(k) {
    return k === 'bin' || k === 'example' || k === 'test' || k === 'bench' || k === 'custom-build';
}
/** Target `j` of package `i` (`packages[i].targets[j]`), named `packageName`. */
function parseTarget(value, i, j, packageName) {
    if (!checks_isObject(value))
        throw notObject(value, targetPath(i, j));
    const name = value.name;
    if (typeof name !== 'string')
        throw notString(name, `${targetPath(i, j)}.name`);
    // Both lists are only read here; crate types are kept, as one of the shared lists when there is one.
    const kinds = value.kind;
    if (!isStringArray(kinds))
        badStringList(kinds, `${targetPath(i, j)}.kind`);
    const crateTypeNames = value.crate_types;
    if (!isStringArray(crateTypeNames))
        badStringList(crateTypeNames, `${targetPath(i, j)}.crate_types`);
    if (kinds.length === 0)
        throw new Invalid(`${targetPath(i, j)}.kind`, `target ${q(name)} of ${label(packageName)} has no kind`);
    if (crateTypeNames.length === 0)
        throw new Invalid(`${targetPath(i, j)}.crate_types`, `target ${q(name)} of ${label(packageName)} has no crate types`);
    for (let c = 0; c < crateTypeNames.length; c++) {
        const crateType = crateTypeNames[c];
        if (!isCrateType(crateType)) {
            throw new Invalid(`${targetPath(i, j)}.crate_types`, `unknown crate type ${q(crateType)} in target ${q(name)} of ${label(packageName)}`);
        }
    }
    const crateTypes = crateTypeNames.length === 1 ? ONE_CRATE_TYPE[crateTypeNames[0]] : crateTypeNames.slice();
    let kind;
    const single = kinds.length === 1 ? kinds[0] : null;
    if (single !== null && isTargetKind(single)) {
        kind = single;
        // Only examples may have crate types other than `bin` (an example can be a library).
        if (kind !== 'example' && (crateTypes.length !== 1 || crateTypes[0] !== 'bin')) {
            throw new Invalid(`${targetPath(i, j)}.crate_types`, `${kind} target ${q(name)} of ${label(packageName)} must have crate type \`bin\`, got ${crateTypes.join(', ')}`);
        }
    }
    else {
        // Any other kind list names the crate types of a library target.
        for (let k = 0; k < kinds.length; k++) {
            const kindName = kinds[k];
            if (isTargetKind(kindName)) {
                throw new Invalid(`${targetPath(i, j)}.kind`, `target kind ${q(kindName)} cannot be combined with other kinds in target ${q(name)} of ${label(packageName)}`);
            }
            if (!isCrateType(kindName))
                throw new Invalid(`${targetPath(i, j)}.kind`, `unknown target kind ${q(kindName)} in target ${q(name)} of ${label(packageName)}`);
        }
        kind = single === 'proc-macro' ? 'proc-macro' : 'lib';
        const procMacro = crateTypes.includes('proc-macro');
        if (crateTypes.includes('bin')) {
            throw new Invalid(`${targetPath(i, j)}.crate_types`, `library target ${q(name)} of ${label(packageName)} cannot have crate type \`bin\``);
        }
        if (procMacro && crateTypes.length > 1) {
            throw new Invalid(`${targetPath(i, j)}.crate_types`, `cannot mix \`proc-macro\` crate type with others in target ${q(name)} of ${label(packageName)}`);
        }
        if ((kind === 'proc-macro') !== procMacro) {
            throw new Invalid(`${targetPath(i, j)}.crate_types`, `a proc-macro target must have kind and crate types exactly \`proc-macro\`, got kind ${kinds.join(', ')} and crate types ${crateTypes.join(', ')} in target ${q(name)} of ${label(packageName)}`);
        }
    }
    if (crateTypes.length > 1 && crateTypes.includes('dylib') && crateTypes.includes('cdylib')) {
        throw new Invalid(`${targetPath(i, j)}.crate_types`, `library ${q(name)} of ${label(packageName)} cannot set the crate type of both \`dylib\` and \`cdylib\``);
    }
    const rawRequired = value['required-features'];
    const requiredFeatures = rawRequired === undefined ? NO_STRINGS : stringList(rawRequired, `${targetPath(i, j)}.required-features`);
    // Metadata from older cargos has no `test` key; cargo's defaults are true except for benches, examples and build scripts.
    const rawTest = value.test;
    if (rawTest !== undefined && typeof rawTest !== 'boolean')
        throw notBoolean(rawTest, `${targetPath(i, j)}.test`);
    const test = rawTest === undefined ? kind !== 'bench' && kind !== 'example' && kind !== 'custom-build' : rawTest;
    const rawDoctest = value.doctest;
    if (rawDoctest !== undefined && typeof rawDoctest !== 'boolean')
        throw notBoolean(rawDoctest, `${targetPath(i, j)}.doctest`);
    const doctest = rawDoctest === undefined ? kind === 'lib' || kind === 'proc-macro' : rawDoctest;
    const srcPath = value.src_path;
    if (typeof srcPath !== 'string')
        throw notString(srcPath, `${targetPath(i, j)}.src_path`);
    return { name, kind, crateTypes, srcPath, test, doctest, requiredFeatures };
}

;// CONCATENATED MODULE: ./src/metadata/parse.ts




/** A `cargo metadata` document that cannot be analysed; the message names the source and the JSON path. */
class MetadataError extends errors_UserError {
    constructor(source, path, message) {
        super(`${source}: ${path ? `${path}: ` : ''}${message}`);
        this.name = 'MetadataError';
    }
}
/**
 * Parses `cargo metadata --format-version 1` output into a validated `Metadata`.
 * `source` names the input in messages (a file path, or "cargo metadata").
 */
function parseMetadata(text, source) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
        throw new MetadataError(source, '', `not valid JSON (${reason})`);
    }
    return validateMetadata(raw, source);
}
/** Validates an already-parsed `cargo metadata` value. */
function validateMetadata(raw, source) {
    try {
        return validate(raw);
    }
    catch (e) {
        if (e instanceof Invalid)
            throw new MetadataError(source, e.path, e.message);
        throw e;
    }
}
// JSON paths, built only for messages.
const packagePath = (i) => `packages[${i}]`;
const declarationPath = (i, j) => `packages[${i}].dependencies[${j}]`;
const nodePath = (i) => `resolve.nodes[${i}]`;
const depPath = (i, j) => `resolve.nodes[${i}].deps[${j}]`;
const kindPath = (i, j, m) => `resolve.nodes[${i}].deps[${j}].dep_kinds[${m}]`;
/** What the validation keeps of one package beyond the Package itself. */
class Entry {
    index;
    /**
     * The validated package. The entry is in the map from its first field on (a duplicate id shows as a map
     * that does not grow); its package is set once every field is checked, before anything looks it up.
     */
    pkg = null;
    /** `packages[].dependencies`, in order. */
    declarations = NO_DECLARATIONS;
    /** The name of the package's library or proc-macro target (at most one), or null. */
    libName = null;
    /** The resolve node's index, once it has been read; -1 before. */
    node = -1;
    /** Whether the node lists its edges in the old `dependencies` form (no `deps`), for messages. */
    oldForm = false;
    /** Where the package's edges start in the list of edge ends that the cycle search follows. */
    firstEdge = 0;
    constructor(index) {
        this.index = index;
    }
}
// Shared by the many packages without edges or declarations (frozen, as NO_STRINGS is).
const NO_EDGES = Object.freeze([]);
const NO_DECLARATIONS = Object.freeze([]);
const parse_NO_FEATURES = new Map();
function validate(raw) {
    if (!checks_isObject(raw))
        throw new Invalid('', 'the top level must be a JSON object from `cargo metadata --format-version 1`');
    const root = raw;
    if (root.version !== 1) {
        throw new Invalid('version', `expected format version 1, got ${JSON.stringify(root.version)}`);
    }
    const rawPackages = root.packages;
    if (!Array.isArray(rawPackages))
        throw notArray(rawPackages, 'packages');
    const rawMembers = stringList(root.workspace_members, 'workspace_members');
    const workspaceRoot = string(root.workspace_root, 'workspace_root');
    const targetDirectory = string(root.target_directory, 'target_directory');
    const rawDefaultMembers = root.workspace_default_members === undefined ? null : stringList(root.workspace_default_members, 'workspace_default_members');
    // Platform strings (`cfg(...)`, triples) recur on thousands of declarations and edges: one string each.
    const platforms = new Map();
    const intern = (s) => {
        const known = platforms.get(s);
        if (known !== undefined)
            return known;
        platforms.set(s, s);
        return s;
    };
    const entries = new Map();
    const list = [];
    // Each package's targets, declarations and edges are collected here and copied out at their exact
    // length: an array grown by push keeps room for 17 elements, and most of these lists have one to four.
    const targetScratch = [];
    const declarationScratch = [];
    const edgeScratch = [];
    for (let i = 0; i < rawPackages.length; i++) {
        const p = rawPackages[i];
        if (!checks_isObject(p))
            throw notObject(p, packagePath(i));
        const id = p.id;
        if (typeof id !== 'string')
            throw notString(id, `${packagePath(i)}.id`);
        const entry = new Entry(i);
        entries.set(id, entry);
        if (entries.size === i)
            throw new Invalid(`${packagePath(i)}.id`, `duplicate package id ${q(id)}`);
        const name = p.name;
        if (typeof name !== 'string')
            throw notString(name, `${packagePath(i)}.name`);
        const rawTargets = p.targets;
        if (!Array.isArray(rawTargets))
            throw notArray(rawTargets, `${packagePath(i)}.targets`);
        let lib = null;
        let libraries = 0;
        for (let j = 0; j < rawTargets.length; j++) {
            const target = parseTarget(rawTargets[j], i, j, name);
            targetScratch[j] = target;
            if (target.kind === 'lib' || target.kind === 'proc-macro') {
                if (lib === null)
                    lib = target;
                libraries++;
            }
        }
        if (libraries > 1)
            throw new Invalid(`${packagePath(i)}.targets`, `${label(name)} has more than one library target`);
        const targets = targetScratch.slice(0, rawTargets.length);
        const rawDeclarations = p.dependencies;
        if (rawDeclarations !== undefined) {
            if (!Array.isArray(rawDeclarations))
                throw notArray(rawDeclarations, `${packagePath(i)}.dependencies`);
            if (rawDeclarations.length > 0) {
                for (let j = 0; j < rawDeclarations.length; j++)
                    declarationScratch[j] = parseDeclaration(rawDeclarations[j], i, j, intern);
                entry.declarations = declarationScratch.slice(0, rawDeclarations.length);
            }
        }
        const version = p.version;
        if (typeof version !== 'string')
            throw notString(version, `${packagePath(i)}.version`);
        const source = p.source;
        if (source != null && typeof source !== 'string')
            throw notString(source, `${packagePath(i)}.source`);
        const manifestPath = p.manifest_path;
        if (typeof manifestPath !== 'string')
            throw notString(manifestPath, `${packagePath(i)}.manifest_path`);
        const featureMap = p.features == null ? parse_NO_FEATURES : parseFeatureMap(p.features, i);
        const edition = p.edition;
        if (edition != null && typeof edition !== 'string')
            throw notString(edition, `${packagePath(i)}.edition`);
        const rustVersion = p.rust_version;
        if (rustVersion != null && typeof rustVersion !== 'string')
            throw notString(rustVersion, `${packagePath(i)}.rust_version`);
        const publish = p.publish == null ? null : parsePublish(p.publish, i);
        const description = p.description;
        if (description != null && typeof description !== 'string')
            throw notString(description, `${packagePath(i)}.description`);
        const license = p.license;
        if (license != null && typeof license !== 'string')
            throw notString(license, `${packagePath(i)}.license`);
        const licenseFile = p.license_file;
        if (licenseFile != null && typeof licenseFile !== 'string')
            throw notString(licenseFile, `${packagePath(i)}.license_file`);
        entry.pkg = {
            id,
            name,
            version,
            source: source ?? null,
            manifestPath,
            targets,
            features: NO_STRINGS,
            featureMap,
            edition: edition ?? '2015',
            deps: NO_EDGES,
            rustVersion: rustVersion ?? null,
            publish,
            description: description ?? null,
            license: license ?? null,
            licenseFile: licenseFile ?? null
        };
        entry.libName = lib === null ? null : lib.name;
        list.push(entry);
    }
    // Members and the root name packages by the package's own id string: later lookups compare one string.
    const workspaceMembers = [];
    for (let i = 0; i < rawMembers.length; i++) {
        const id = rawMembers[i];
        const entry = entries.get(id);
        if (entry === undefined)
            throw new Invalid(`workspace_members[${i}]`, `unknown package id ${q(id)}`);
        workspaceMembers.push(entry.pkg.id);
    }
    let workspaceDefaultMembers = null;
    if (rawDefaultMembers !== null) {
        workspaceDefaultMembers = [];
        for (let i = 0; i < rawDefaultMembers.length; i++) {
            const id = rawDefaultMembers[i];
            const entry = entries.get(id);
            if (entry === undefined)
                throw new Invalid(`workspace_default_members[${i}]`, `unknown package id ${q(id)}`);
            workspaceDefaultMembers.push(entry.pkg.id);
        }
    }
    if (root.resolve === null || root.resolve === undefined) {
        throw new Invalid('resolve', 'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`');
    }
    const resolve = root.resolve;
    if (!checks_isObject(resolve))
        throw notObject(resolve, 'resolve');
    const nodes = resolve.nodes;
    if (!Array.isArray(nodes))
        throw notArray(nodes, 'resolve.nodes');
    let sawDepWithoutKinds = false;
    // For every edge, in package and edge order, the index of the package it leads to, or -1 when the edge
    // is only a dev-dependency: what the cycle search follows.
    const edgeEnds = [];
    for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (!checks_isObject(n))
            throw notObject(n, nodePath(i));
        const id = n.id;
        if (typeof id !== 'string')
            throw notString(id, `${nodePath(i)}.id`);
        const entry = entries.get(id);
        if (entry === undefined)
            throw new Invalid(`${nodePath(i)}.id`, `unknown package id ${q(id)}`);
        if (entry.node >= 0)
            throw new Invalid(`${nodePath(i)}.id`, `duplicate resolve node for ${q(id)}`);
        const pkg = entry.pkg;
        pkg.features = n.features === undefined ? NO_STRINGS : stringList(n.features, `${nodePath(i)}.features`);
        const deps = n.deps;
        if (deps !== undefined && !Array.isArray(deps))
            throw notArray(deps, `${nodePath(i)}.deps`);
        entry.node = i;
        entry.firstEdge = edgeEnds.length;
        let edgeCount = 0;
        if (deps === undefined) {
            // Metadata from before `deps` existed: only `dependencies` (ids) is there.
            entry.oldForm = true;
            const ids = n.dependencies;
            if (!isStringArray(ids))
                badStringList(ids, `${nodePath(i)}.dependencies`);
            if (ids.length > 0)
                sawDepWithoutKinds = true;
            for (let j = 0; j < ids.length; j++) {
                const depId = ids[j];
                const dep = entries.get(depId);
                if (dep === undefined)
                    throw new Invalid(`${nodePath(i)}.dependencies[${j}]`, `unknown package id ${q(depId)}`);
                const kinds = recoveredKinds(entry, dep);
                edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName: recoveredExternName(entry, dep), kinds };
                edgeEnds.push(anyNonDev(kinds) ? dep.index : -1);
            }
        }
        else {
            for (let j = 0; j < deps.length; j++) {
                const d = deps[j];
                if (!checks_isObject(d))
                    throw notObject(d, depPath(i, j));
                const depId = d.pkg;
                if (typeof depId !== 'string')
                    throw notString(depId, `${depPath(i, j)}.pkg`);
                const dep = entries.get(depId);
                if (dep === undefined)
                    throw new Invalid(`${depPath(i, j)}.pkg`, `unknown package id ${q(depId)}`);
                const externName = d.name;
                if (typeof externName !== 'string')
                    throw notString(externName, `${depPath(i, j)}.name`);
                const rawKinds = d.dep_kinds;
                let kinds = null;
                if (rawKinds === undefined) {
                    sawDepWithoutKinds = true;
                    kinds = recoveredKinds(entry, dep);
                }
                else {
                    if (!Array.isArray(rawKinds))
                        throw notArray(rawKinds, `${depPath(i, j)}.dep_kinds`);
                    const depName = dep.pkg.name;
                    for (let m = 0; m < rawKinds.length; m++) {
                        const k = rawKinds[m];
                        if (!checks_isObject(k))
                            throw notObject(k, kindPath(i, j, m));
                        const kind = dependencyKind(k.kind);
                        if (kind === null)
                            throw unknownKind(k.kind, `${kindPath(i, j, m)}.kind`);
                        const target = k.target;
                        if (target != null && typeof target !== 'string')
                            throw notString(target, `${kindPath(i, j, m)}.target`);
                        const platform = target == null ? null : intern(target);
                        // Some cargo versions repeated entries (rust-lang/cargo#7752).
                        if (kinds === null)
                            kinds = [{ kind, platform, declared: parse_declarationOf(entry.declarations, depName, externName, kind, platform) }];
                        else if (!hasKind(kinds, kind, platform))
                            kinds.push({ kind, platform, declared: parse_declarationOf(entry.declarations, depName, externName, kind, platform) });
                    }
                    if (kinds === null)
                        throw new Invalid(`${depPath(i, j)}.dep_kinds`, 'is empty: every dependency edge has at least one kind');
                }
                edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName, kinds };
                edgeEnds.push(anyNonDev(kinds) ? dep.index : -1);
            }
        }
        pkg.deps = edgeCount === 0 ? NO_EDGES : edgeScratch.slice(0, edgeCount);
    }
    for (const id of workspaceMembers) {
        if (entries.get(id).node < 0)
            throw new Invalid('resolve.nodes', `workspace member ${q(id)} has no resolve node`);
    }
    const cycle = dependencyCycle(list, edgeEnds);
    if (cycle !== null) {
        const closing = cycle[cycle.length - 1];
        const from = entries.get(closing.from.id);
        throw new Invalid(`${nodePath(from.node)}.${from.oldForm ? 'dependencies' : 'deps'}[${closing.edge}]`, describeCycle(cycle));
    }
    let resolveRoot = null;
    if (resolve.root != null) {
        const id = string(resolve.root, 'resolve.root');
        const entry = entries.get(id);
        if (entry === undefined)
            throw new Invalid('resolve.root', `unknown package id ${q(id)}`);
        resolveRoot = entry.pkg.id;
    }
    const packages = new Map();
    for (const entry of list)
        packages.set(entry.pkg.id, entry.pkg);
    return {
        packages,
        workspaceMembers,
        workspaceDefaultMembers,
        workspaceRoot,
        targetDirectory,
        resolveRoot,
        graphQuality: sawDepWithoutKinds ? 'no-dep-kinds' : 'full'
    };
}
function parseDeclaration(value, i, j, intern) {
    if (!checks_isObject(value))
        throw notObject(value, declarationPath(i, j));
    const name = value.name;
    if (typeof name !== 'string')
        throw notString(name, `${declarationPath(i, j)}.name`);
    const rename = value.rename;
    if (rename != null && typeof rename !== 'string')
        throw notString(rename, `${declarationPath(i, j)}.rename`);
    const kind = dependencyKind(value.kind);
    if (kind === null)
        throw unknownKind(value.kind, `${declarationPath(i, j)}.kind`);
    const target = value.target;
    if (target != null && typeof target !== 'string')
        throw notString(target, `${declarationPath(i, j)}.target`);
    const optional = value.optional;
    if (optional != null && typeof optional !== 'boolean')
        throw notBoolean(optional, `${declarationPath(i, j)}.optional`);
    const features = value.features == null ? NO_STRINGS : stringList(value.features, `${declarationPath(i, j)}.features`);
    const defaultFeatures = value.uses_default_features;
    if (defaultFeatures != null && typeof defaultFeatures !== 'boolean')
        throw notBoolean(defaultFeatures, `${declarationPath(i, j)}.uses_default_features`);
    return {
        name,
        rename: rename ?? null,
        externRename: rename == null ? null : underscores(rename),
        kind,
        target: target == null ? null : intern(target),
        declared: {
            nameInToml: rename ?? name,
            optional: optional ?? false,
            features,
            defaultFeatures: defaultFeatures ?? true
        }
    };
}
/** Whether `kinds` already has this kind and platform. */
function hasKind(kinds, kind, platform) {
    for (let x = 0; x < kinds.length; x++) {
        const k = kinds[x];
        if (k.kind === kind && k.platform === platform)
            return true;
    }
    return false;
}
/** Whether an edge with these kinds counts for cargo's cycle check: one of them is not a dev-dependency. */
function anyNonDev(kinds) {
    for (let x = 0; x < kinds.length; x++)
        if (kinds[x].kind !== 'dev')
            return true;
    return false;
}
/**
 * The declaration a resolved edge of one kind and platform stands for: the dependency of that section
 * whose extern name (after `rename`) or, without a rename, whose package name is the edge's.
 */
function parse_declarationOf(declarations, depName, externName, kind, platform) {
    for (let x = 0; x < declarations.length; x++) {
        const d = declarations[x];
        if (d.kind === kind && d.target === platform && (d.externRename === null ? d.name === depName : d.externRename === externName))
            return d.declared;
    }
    return null;
}
// Without `dep_kinds` (cargo before 1.41), an edge's kinds are recovered from the dependent's
// declared dependencies, matched by package name. Renamed or duplicated names make that ambiguous,
// so the edge keeps every kind that could apply: a superset, never a silent omission.
function recoveredKinds(from, dep) {
    const depName = dep.pkg.name;
    let kinds = null;
    for (const d of from.declarations) {
        if (d.name !== depName)
            continue;
        if (kinds === null)
            kinds = [{ kind: d.kind, platform: d.target, declared: d.declared }];
        else if (!hasKind(kinds, d.kind, d.target))
            kinds.push({ kind: d.kind, platform: d.target, declared: d.declared });
    }
    return kinds ?? [{ kind: 'normal', platform: null, declared: null }];
}
/** The extern name of a recovered edge: the first non-empty rename among the package's declarations of that dependency, else its library's name, else its name. */
function recoveredExternName(from, dep) {
    const depName = dep.pkg.name;
    for (const d of from.declarations) {
        if (d.name === depName && d.rename)
            return underscores(d.rename);
    }
    return underscores(dep.libName ?? depName);
}
/** A crate name as rustc sees it: `-` becomes `_`. */
function underscores(name) {
    return name.includes('-') ? name.replaceAll('-', '_') : name;
}
/** A package's `features` table: feature name to the features, `dep:` names and `dep/feature`s it enables. */
function parseFeatureMap(value, i) {
    if (!checks_isObject(value))
        throw notObject(value, `${packagePath(i)}.features`);
    const names = Object.keys(value);
    if (names.length === 0)
        return parse_NO_FEATURES;
    const map = new Map();
    for (let k = 0; k < names.length; k++) {
        const name = names[k];
        map.set(name, stringList(value[name], `${packagePath(i)}.features.${name}`));
    }
    return map;
}
/** `kind` of a declaration or an edge: null and `"normal"` are normal; null for anything else. */
function dependencyKind(v) {
    if (v === null || v === undefined || v === 'normal')
        return 'normal';
    if (v === 'dev')
        return 'dev';
    if (v === 'build')
        return 'build';
    return null;
}
/** cargo metadata writes `publish = false` as `[]` (no registry may have it); both read as false. */
function parsePublish(v, i) {
    if (v === false)
        return false;
    const registries = stringList(v, `${packagePath(i)}.publish`);
    return registries.length === 0 ? false : registries;
}

;// CONCATENATED MODULE: ./src/rustc/probe.ts



/** The crate types cargo's own target-info probe asks about, in its order. */
const PROBED_CRATE_TYPES = ['bin', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'];
/**
 * Arguments of the one combined rustc call per target, the same request cargo's target-info probe
 * makes (`src/cargo/core/compiler/build_context/target_info.rs`), plus `target-libdir`. `input` is the source rustc
 * reads: cargo uses `-` (stdin); the null device gives the same answers without writing to a pipe.
 * `rustflags` go last, as cargo passes them; unless the repository is trusted they are only the options
 * `probeRustflags` lets through.
 */
function probeArgs(target, rustflags, input = '-') {
    const args = [input, '--crate-name', '___', '--print=file-names'];
    for (const t of PROBED_CRATE_TYPES)
        args.push('--crate-type', t);
    args.push('--print=sysroot', '--print=target-libdir', '--print=cfg');
    if (target !== null)
        args.push('--target', target);
    args.push(...rustflags);
    return args;
}
/** Parses the combined probe's stdout and stderr (rustc reports dropped crate types as warnings). */
function parseProbe(stdout, stderr, target) {
    const dropped = new Set();
    for (const m of stderr.matchAll(/dropping unsupported crate type `([a-z-]+)`/g))
        dropped.add(m[1]);
    const lines = stdout.split(/\r?\n/);
    const supported = PROBED_CRATE_TYPES.filter(t => !dropped.has(t));
    if (lines.length < supported.length + 2) {
        throw new errors_UserError(`rustc --print for target \`${target}\` printed too little output to be understood: ${JSON.stringify(stdout.slice(0, 200))}`);
    }
    const fileNames = {};
    supported.forEach((t, i) => (fileNames[t] = lines[i].trim()));
    const sysroot = lines[supported.length].trim();
    const targetLibdir = lines[supported.length + 1].trim();
    const cfg = parseCfgLines(lines.slice(supported.length + 2).join('\n'));
    const supportedCrateTypes = new Set(supported);
    if (supportedCrateTypes.has('rlib'))
        supportedCrateTypes.add('lib');
    return { supportedCrateTypes, fileNames, sysroot, targetLibdir, cfg };
}
/** Finds the shared-library form of `std` among the file names of a target libdir. */
function findStdDylib(entries) {
    const found = entries.filter(e => /^(lib)?std-[0-9a-f]+\.(so|dylib|dll)$/.test(e)).sort();
    return found[0] ?? null;
}
/**
 * Whether executables are linked with a static C runtime (`crt-static`).
 *
 * The combined probe asks for proc-macro output, and rustc's `--print=cfg` then reports `crt-static` only
 * when it is given explicitly in the flags (a proc-macro never defaults to it). So with an explicit
 * `±crt-static` the cfg answers (targets that ignore the flag do not report it); otherwise the target
 * defaults to crt-static exactly when rustc dropped `dylib` (crt-static forbids it) while still accepting
 * `proc-macro` (so the target links dynamically):
 * the musl targets.
 */
function executablesCrtStatic(rustflags, probe) {
    const features = targetFeatures(rustflags);
    // When given explicitly, rustc reports crt-static in cfg exactly when the target honours the flag.
    if (features.includes('+crt-static') || features.includes('-crt-static')) {
        return cfgHas(probe.cfg, 'target_feature', 'crt-static');
    }
    return !probe.supportedCrateTypes.has('dylib') && probe.supportedCrateTypes.has('proc-macro');
}
/** Parses `rustc -vV`. */
function parseRustcVersion(stdout) {
    const field = (name) => {
        const m = new RegExp(`^${name}: (.+)$`, 'm').exec(stdout);
        return m ? m[1].trim() : null;
    };
    const release = field('release');
    const host = field('host');
    if (release === null || host === null) {
        throw new errors_UserError(`\`rustc -vV\` printed unexpected output: ${JSON.stringify(stdout.slice(0, 120))}`);
    }
    const date = field('commit-date');
    return { release, commitHash: field('commit-hash') ?? 'unknown', commitDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, host };
}
/**
 * The target option `crt_static_allows_dylibs`, as far as the probe shows it. rustc drops a `cdylib` (as well
 * as `dylib` and `proc-macro`) when it would link with crt-static and the target does not allow dylibs with
 * it, or when the target has no dynamic linking (`rustc_session::output::invalid_output_for_target`); and
 * crt-static applies to a cdylib exactly when it applies to an executable (`Session::crt_static` sets apart
 * proc-macros only). So when executables are crt-static, `cdylib` survives the probe exactly when the target
 * allows dylibs with crt-static — a target without dynamic linking reads as not allowing them, which changes
 * nothing, since none of its crates can be a dylib. Without crt-static the probe cannot tell, and rustc never
 * asks: undefined.
 */
function crtStaticAllowsDylibs(crtStaticExecutables, probe) {
    return crtStaticExecutables ? probe.supportedCrateTypes.has('cdylib') : undefined;
}
function toTargetInfo(triple, probe, libdirEntries, rustflags) {
    const crtStaticExecutables = executablesCrtStatic(rustflags, probe);
    return {
        triple,
        cfg: probe.cfg,
        supportedCrateTypes: probe.supportedCrateTypes,
        fileNames: probe.fileNames,
        sysroot: probe.sysroot,
        targetLibdir: probe.targetLibdir,
        crtStaticExecutables,
        crtStaticAllowsDylibs: crtStaticAllowsDylibs(crtStaticExecutables, probe),
        stdDylib: findStdDylib(libdirEntries),
        stdInstalled: libdirEntries.some(e => /^libstd-[0-9a-f]+\.rlib$/.test(e)),
        rustflags,
        rustflagsSource: null
    };
}

;// CONCATENATED MODULE: ./src/gather/tools.ts
/**
 * The programs the analysis runs and the files it reads as cargo would: `cargo metadata` (or a recorded
 * `--metadata-file`), `rustc -vV` and one `rustc --print` probe per target.
 */














function findManifest(cwd, metadataFile) {
    for (let dir = cwd;; dir = external_node_path_default().dirname(dir)) {
        const candidate = external_node_path_default().join(dir, 'Cargo.toml');
        if (external_node_fs_default().existsSync(candidate))
            return candidate;
        if (external_node_path_default().dirname(dir) === dir)
            break;
    }
    if (metadataFile !== null)
        return null;
    throw new errors_UserError(`could not find \`Cargo.toml\` in \`${cwd}\` or any parent directory; pass \`--manifest-path\``);
}
async function readMetadataFile(file) {
    let text;
    try {
        // `--metadata-file /dev/stdin` and `<(cargo metadata …)` are pipes.
        text = readInputFile(file, 'metadata', { allowPipe: true });
    }
    catch (e) {
        if (e instanceof InputFileError)
            throw new errors_UserError(`cannot read metadata file \`${file}\`: ${e.reason}`);
        throw e;
    }
    return parseMetadata(text, file);
}
async function runCargoMetadata(runner, cargo, manifestPath, inv, cwd, env, configArgs) {
    const args = ['metadata', '--format-version', '1', '--manifest-path', manifestPath, ...configArgs];
    if (inv.features.length > 0)
        args.push('--features', inv.features.join(','));
    if (inv.allFeatures)
        args.push('--all-features');
    if (inv.noDefaultFeatures)
        args.push('--no-default-features');
    if (inv.locked)
        args.push('--locked');
    if (inv.offline)
        args.push('--offline');
    if (inv.frozen)
        args.push('--frozen');
    // cargo probes rustc with the rustflags it finds (its `TargetInfo`, as in `config/rustflags.ts`) even for
    // `cargo metadata`, whose output does not depend on them (no `--filter-platform`): an empty
    // CARGO_ENCODED_RUSTFLAGS, which cargo reads first, keeps every config file's and variable's flags from it.
    const result = await runner.run(cargo, args, { cwd, env: { ...env, CARGO_ENCODED_RUSTFLAGS: '' } });
    if (result.exitCode !== 0) {
        const context = { exitCode: result.exitCode, offline: inv.offline, frozen: inv.frozen, cwd, cargoHome: cargoHomeOf(env) };
        const failure = describeCargoFailure(result.stderr, context);
        const message = `\`cargo metadata\` failed (exit code ${result.exitCode}): ${failure.message}`;
        throw new CommandError(message, cargo, args, result.stderr, FAULT[failure.kind]);
    }
    return parseMetadata(result.stdout, 'cargo metadata');
}
async function runRustcVersion(runner, rustc, cwd, env) {
    const result = await runner.run(rustc, ['-vV'], { cwd, env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES });
    if (result.exitCode !== 0) {
        throw new CommandError(`\`rustc -vV\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, rustc, ['-vV'], result.stderr);
    }
    return parseRustcVersion(result.stdout);
}
/**
 * One combined probe for a target, with the rustflags cargo settles on for it (see `resolveRustflags`).
 * `triple` selects `target.<triple>` tables; the caller sets the info's triple once `rustc -vV` is known.
 * Unless `trusted`, the flags of each round are refused if any names a file or program (before rustc sees
 * them), and rustc gets only the options that change its answer; the analysis reads the full list.
 */
async function probeTarget(runner, rustc, cwd, env, config, rawEnv, kind, requested, triple, trusted) {
    // The host probe runs without `--target`: that is what the host is.
    const probeTriple = kind === 'host' ? null : requested;
    const rustflags = await resolveRustflags({ env: rawEnv, config, kind, requestedTarget: requested, triple }, async (flags, effective) => {
        if (!trusted)
            refuseRustflags(effective);
        // Reading the null device instead of stdin: writing to a rustc that already exited fails with EPIPE.
        const viaStdin = process.platform === 'win32';
        const args = probeArgs(probeTriple, trusted ? flags : probeRustflags(flags), viaStdin ? '-' : (external_node_os_default()).devNull);
        const result = await runner.run(rustc, args, { cwd, env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES, ...(viaStdin ? { input: '' } : {}) });
        if (result.exitCode !== 0) {
            throw new CommandError(`\`rustc --print\` for ${probeTriple ? `target \`${probeTriple}\`` : 'the host'} failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, rustc, args, result.stderr);
        }
        return parseProbe(result.stdout, result.stderr, probeTriple ?? 'host');
    });
    let entries = [];
    try {
        entries = external_node_fs_default().readdirSync(rustflags.probe.targetLibdir);
    }
    catch {
        // A target whose standard library is not installed: no std dylib to link against.
    }
    const info = toTargetInfo(triple, rustflags.probe, entries, rustflags.flags);
    info.rustflagsSource = rustflags.source;
    if (info.stdDylib !== null) {
        try {
            const dir = external_node_path_default().dirname(external_node_fs_default().realpathSync(external_node_path_default().join(info.targetLibdir, info.stdDylib)));
            if (dir !== external_node_path_default().resolve(info.targetLibdir))
                info.stdDylibDir = dir;
        }
        catch {
            // Listed but not resolvable: taken to be where it is listed.
        }
    }
    return info;
}
/**
 * A manifest, or null when there is none to read; one that is not a regular file, is too large, or lies in
 * the repository but leads outside it is refused.
 */
function readToml(file, scope) {
    let text;
    try {
        text = readInputFile(file, 'manifest', { within: scopeFor(scope, file) });
    }
    catch (e) {
        if (e instanceof InputFileError && e.code !== null)
            return null;
        throw e;
    }
    return parseTomlDocument(text, file);
}
/** A manifest or config file's text, or null when it cannot be read (missing, or outside the repository). */
function readRepositoryText(file, scope) {
    try {
        return readInputFile(file, 'manifest', { within: scopeFor(scope, file) });
    }
    catch (e) {
        if (e instanceof InputFileError)
            return null;
        throw e;
    }
}
function lastLine(text) {
    const lines = text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '');
    const error = lines.find(l => l.startsWith('error'));
    return (error ?? lines[lines.length - 1] ?? 'no output').slice(0, 500);
}

;// CONCATENATED MODULE: ./src/gather/toolchain.ts
/** The compiler to run: chosen by name through rustup, from the input, the repository's pin or rustup's default. */










/**
 * The toolchain cargo and rustc run with, always chosen by name through rustup's environment: the one
 * asked for, else the one already in `RUSTUP_TOOLCHAIN`, else the channel the repository pins. A `path`
 * toolchain — a compiler the repository chooses — is refused unless trusted. `RUSTC` is pinned to the
 * absolute path of that toolchain's rustc, so no configuration can substitute another.
 */
async function selectToolchain(options) {
    const runner = options.runner ?? processRunner(options.timeoutMs);
    const env = options.env;
    const out = options.allowInstall === true ? {} : { RUSTUP_AUTO_INSTALL: '0' };
    let name = options.requested ?? (env.RUSTUP_TOOLCHAIN ? null : undefined);
    if (name === undefined) {
        const pinFile = findToolchainFile(external_node_path_default().resolve(options.dir), sources_isFile);
        const pin = pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, 'toolchain-file', { within: scopeFor(options.scope ?? null, pinFile) }), pinFile);
        if (pin?.kind === 'path') {
            if (options.trustRepositoryConfig !== true) {
                throw new errors_UserError(`${pin.file}:${pin.line}: \`toolchain.path\` names the compiler directory \`${pin.path}\`, chosen by the repository; it is not run (set trust-repository-config to allow it, or name a toolchain with rust-toolchain)`);
            }
            return out;
        }
        name = pin?.channel ?? null;
    }
    // Outside the repository, rustup no longer sees its toolchain file, so the pinned channel is named here.
    const rustupEnv = { ...childEnvironment(env, process.platform), ...out, ...(name ? { RUSTUP_TOOLCHAIN: name } : {}) };
    const which = await rustupWhich(runner, rustupEnv);
    if (which.kind === 'no-rustup') {
        if (options.requested !== null) {
            throw new errors_UserError(`the toolchain \`${options.requested}\` is chosen through rustup, but \`rustup\` could not be run; install rustup or leave the toolchain to the runner`);
        }
        return {};
    }
    if (which.kind === 'failed') {
        const what = name ? `the toolchain \`${name}\`` : "rustup's default toolchain";
        throw new errors_UserError(`${what} cannot be used: ${which.reason}; install it before this step${options.allowInstall === true ? '' : ' (or allow rustup to install it)'}`);
    }
    if (name)
        out.RUSTUP_TOOLCHAIN = name;
    if (!env.RUSTC)
        out.RUSTC = which.rustc;
    return out;
}
/** The absolute path of the rustc rustup would run, from a directory no toolchain file applies to. */
async function rustupWhich(runner, env) {
    let result;
    try {
        result = await runner.run('rustup', ['which', 'rustc'], { cwd: external_node_os_default().tmpdir(), env, maxStdoutBytes: MAX_TOOL_STDOUT_BYTES });
    }
    catch {
        return { kind: 'no-rustup' };
    }
    const rustc = result.stdout.trim();
    if (result.exitCode !== 0 || !external_node_path_default().isAbsolute(rustc))
        return { kind: 'failed', reason: lastLine(result.stderr) || 'rustup which rustc failed' };
    return { kind: 'found', rustc };
}

;// CONCATENATED MODULE: ./src/manifest/locator.ts

const SECTIONS = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' };
/**
 * Finds the manifest line behind each finding. `readToml` returns a parsed document or null when the file
 * cannot be read (e.g. metadata recorded elsewhere); the first line of the root manifest is the fallback.
 */
function createLocator(metadata, context, readToml) {
    const root = metadata.workspaceRoot;
    const cache = new Map();
    const doc = (file) => {
        if (!cache.has(file)) {
            let parsed = null;
            try {
                parsed = readToml(file);
            }
            catch {
                // A manifest cargo accepted but we cannot parse only costs the exact line.
            }
            cache.set(file, parsed);
        }
        return cache.get(file);
    };
    // Manifests outside the workspace root keep their absolute path; paths are read by their own form, so
    // metadata recorded on Windows gives the same locations on any platform.
    const relative = (file) => relativePosix(root, file) ?? forwardSlashes(file);
    const at = (pkg, ...paths) => {
        const d = doc(pkg.manifestPath);
        for (const p of paths) {
            const line = d?.lineOf(p) ?? null;
            if (line !== null)
                return { file: relative(pkg.manifestPath), line };
        }
        return { file: relative(pkg.manifestPath), line: 1 };
    };
    const fromSource = (source) => {
        if (!source || !('file' in source))
            return null;
        return { file: relative(resolveFrom(root, source.file)), line: source.line };
    };
    const rootManifest = () => ({ file: 'Cargo.toml', line: 1 });
    return {
        crateType(unit) {
            const pkg = unit.pkg;
            if (unit.target.kind === 'example') {
                const index = exampleIndex(doc(pkg.manifestPath), unit.target.name);
                if (index !== null)
                    return at(pkg, ['example', index, 'crate-type'], ['example', index, 'crate_type'], ['example', index]);
            }
            return at(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib', 'proc-macro'], ['lib'], ['package']);
        },
        dependency(dependent, dep, edge, platform) {
            const pkg = dependent.pkg;
            if (edge === 'own-lib')
                return this.crateType(dep);
            const names = 'pkgName' in dep ? [dep.pkgName, dep.externName] : [dep.pkg.name, dep.target.name.replace(/-/g, '_')];
            const keys = [...new Set(names.flatMap(n => [n, n.replace(/_/g, '-'), n.replace(/-/g, '_')]))];
            const section = SECTIONS[edge] ?? 'dependencies';
            const d = doc(pkg.manifestPath);
            const platformKey = platform === null ? null : targetTableKey(d, platform);
            const table = platformKey === null ? [section] : ['target', platformKey, section];
            // The same package may also sit under a renamed key: look for `package = "<name>"`.
            const renamed = renamedKey(d, table, names[0]);
            if (renamed)
                keys.unshift(renamed);
            const key = keys.find(k => d?.lineOf([...table, k]) != null);
            const location = at(pkg, ...keys.map(k => [...table, k]), table);
            if (key === undefined || !inheritsFromWorkspace(d, [...table, key]))
                return location;
            // `dep = { workspace = true }`: the version, path and features live in the root's `[workspace.dependencies]`.
            const rootManifest = joinPath(root, 'Cargo.toml');
            const line = doc(rootManifest)?.lineOf(['workspace', 'dependencies', key]) ?? null;
            if (line === null)
                return location;
            return { ...location, related: [{ file: relative(rootManifest), line, message: `\`${key}\` in \`[workspace.dependencies]\`` }] };
        },
        file(absolute, line) {
            // Toolchain and policy files may sit above a workspace in a subdirectory: keep them relative.
            return { file: relativeOrAbsolute(root, absolute), line };
        },
        manifestKey(pkg, ...paths) {
            return at(pkg, ...paths);
        },
        dependencyNamed(pkg, name) {
            const d = doc(pkg.manifestPath);
            const value = d?.value;
            const tables = Object.values(SECTIONS).map(section => [section]);
            const targets = value?.target;
            if (targets && typeof targets === 'object') {
                for (const platform of Object.keys(targets))
                    tables.push(...Object.values(SECTIONS).map(section => ['target', platform, section]));
            }
            const keys = [...new Set([name, name.replace(/_/g, '-'), name.replace(/-/g, '_')])];
            const renamed = tables.map(t => renamedKey(d, t, name)).filter((k) => k !== null);
            return at(pkg, ...tables.flatMap(t => [...keys, ...renamed].map(k => [...t, k])));
        },
        setting(setting, unit) {
            if (setting === 'rustflags')
                return fromSource(unit.targetInfo.rustflagsSource) ?? rootManifest();
            const profile = unit.mode === 'build' ? context.profile : context.testProfile;
            return fromSource(profile.sources[setting]) ?? rootManifest();
        }
    };
}
/**
 * The `[target.<key>]` table a dependency's platform came from. cargo reports `cfg(...)` expressions in its
 * own spelling, which may differ from the manifest's in spacing.
 */
function targetTableKey(doc, platform) {
    const targets = doc?.value?.target;
    if (!targets || typeof targets !== 'object')
        return platform;
    const squeeze = (s) => s.replace(/\s+/g, '');
    return Object.keys(targets).find(k => k === platform) ?? Object.keys(targets).find(k => squeeze(k) === squeeze(platform)) ?? platform;
}
function inheritsFromWorkspace(doc, keyPath) {
    let node = doc?.value;
    for (const k of keyPath)
        node = node && typeof node === 'object' ? node[k] : undefined;
    return Boolean(node && typeof node === 'object' && node.workspace === true);
}
function exampleIndex(doc, name) {
    const examples = doc?.value?.example;
    if (!Array.isArray(examples))
        return null;
    const i = examples.findIndex(e => e?.name === name);
    return i < 0 ? null : i;
}
function renamedKey(doc, table, pkgName) {
    let node = doc?.value;
    for (const k of table)
        node = node && typeof node === 'object' ? node[k] : undefined;
    if (!node || typeof node !== 'object')
        return null;
    for (const [key, value] of Object.entries(node)) {
        if (value && typeof value === 'object' && value.package === pkgName)
            return key;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/manifest/default-members.ts

/**
 * `[workspace] default-members` of the root manifest as package ids, for metadata of cargo before 1.71, which
 * has no `workspace_default_members`: each entry names a member's directory relative to the root, `*` and `?`
 * matching within one path component (cargo's `Workspace::find_members` expands them as globs). Null when the
 * manifest has no such list, or an entry matches no member (cargo then refuses the workspace).
 */
function manifestDefaultMembers(rootManifest, metadata) {
    const workspace = rootManifest?.value.workspace;
    if (typeof workspace !== 'object' || workspace === null || Array.isArray(workspace))
        return null;
    const entries = workspace['default-members'];
    if (!Array.isArray(entries) || !entries.every((e) => typeof e === 'string'))
        return null;
    const root = external_node_path_default().resolve(metadata.workspaceRoot);
    const members = metadata.workspaceMembers.map(id => ({ id, dir: external_node_path_default().relative(root, external_node_path_default().dirname(external_node_path_default().resolve(metadata.packages.get(id).manifestPath))).split((external_node_path_default()).sep).join('/') }));
    const chosen = new Set();
    for (const entry of entries) {
        const pattern = globPattern(external_node_path_default().posix.normalize(entry.replace(/\\/g, '/')).replace(/\/$/, '').replace(/^\.$/, ''));
        const matched = members.filter(m => pattern.test(m.dir));
        if (matched.length === 0)
            return null;
        for (const m of matched)
            chosen.add(m.id);
    }
    return metadata.workspaceMembers.filter(id => chosen.has(id));
}
function globPattern(glob) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}

;// CONCATENATED MODULE: ./src/manifest/resolver.ts
/**
 * The feature resolver of a workspace, as cargo's `Workspace::resolve_behavior` decides it: `resolver` of
 * `[workspace]`, else of the root `[package]`, else the root package's edition (2021 and later resolve as
 * "2"); a virtual workspace without the key uses "1", whatever its members' editions. Resolver "3" resolves
 * features as "2". Null when the root manifest could not be read.
 */
function resolverVersion(rootManifest, rootPackage) {
    if (rootManifest === null)
        return null;
    const { workspace, package: pkg } = rootManifest.value;
    const declared = tableKey(workspace, 'resolver') ?? tableKey(pkg, 'resolver');
    if (declared !== undefined)
        return declared === '1' ? 1 : 2;
    if (rootPackage === null)
        return 1;
    return rootPackage.edition === '2015' || rootPackage.edition === '2018' ? 1 : 2;
}
function tableKey(table, key) {
    return typeof table === 'object' && table !== null && !Array.isArray(table) ? table[key] : undefined;
}

;// CONCATENATED MODULE: ./src/run.ts





















/** Runs one check and returns the gated report. */
async function check(settings) {
    const { cwd, scope = null, trustRepositoryConfig = false, timeoutMs } = settings;
    const policy = loadPolicy({ ...settings.policy, cwd, scope });
    const toolchain = await selectToolchain({
        requested: settings.rustToolchain,
        dir: settings.toolchainDir,
        env: settings.env,
        trustRepositoryConfig,
        allowInstall: settings.installToolchain,
        timeoutMs,
        scope,
        runner: settings.runner
    });
    const analysed = await analyzeWorkspace({ ...settings, env: { ...settings.env, ...toolchain }, policy });
    return gateReport(analysed, { failOn: settings.failOn, policy, baseline: settings.baseline, cwd, scope });
}
/**
 * Gathers everything cargo would see — `cargo metadata`, `rustc -vV`, one combined `rustc --print` probe
 * per target, the target libdir, `.cargo/config.toml`, profiles — then runs the pure analysis.
 * The rustc probes run while `cargo metadata` is still working.
 */
async function analyzeWorkspace(options) {
    // Whatever still runs when the analysis ends (a probe, after `cargo metadata` failed) is stopped.
    const runner = cancellable(options.runner ?? processRunner(options.timeoutMs));
    const env = options.env;
    const cwd = external_node_path_default().resolve(options.cwd);
    const config = readCargoConfig(cwd, env, options.configOverrides ?? [], options.scope ?? null);
    const invocation = { ...options.invocation };
    const trusted = options.trustRepositoryConfig === true;
    if (!trusted)
        refuseTarget(config, invocation.target);
    invocation.target = requestedTarget(config, invocation.target, cwd);
    if (!trusted)
        refuseRustflagsKnownNow(config, env, invocation.target);
    const tools = { cargo: env.CARGO ?? 'cargo', rustc: env.RUSTC ?? 'rustc' };
    const isolation = isolate(config, env, options);
    const childEnv = { ...childEnvironment(env, process.platform), ...isolation.env };
    try {
        return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation });
    }
    finally {
        runner.cancel();
        if (isolation.dir !== cwd)
            external_node_fs_default().rmSync(isolation.dir, { recursive: true, force: true });
    }
}
async function analyzeWith(options, setup) {
    const { runner, env, cwd, config, invocation, tools, childEnv, isolation } = setup;
    const runDir = isolation.dir;
    const manifestPath = options.manifestPath !== null ? external_node_path_default().resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null);
    if (manifestPath !== null && !options.metadataFile && !sources_isFile(manifestPath)) {
        throw new errors_UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`);
    }
    const metadataPromise = options.metadataFile
        ? readMetadataFile(options.metadataFile)
        : runCargoMetadata(runner, tools.cargo, manifestPath, invocation, runDir, childEnv, isolation.configArgs);
    // A rejected promise must not go unhandled while the probes are awaited.
    metadataPromise.catch(() => undefined);
    const rustcPromise = runRustcVersion(runner, tools.rustc, runDir, childEnv);
    rustcPromise.catch(() => undefined);
    // The host triple only matters for rustflags tables keyed by triple or cfg; without them, probe at once.
    const needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0);
    const knownTriple = invocation.target ?? (needsHostTriple ? (await rustcPromise).host : null);
    const probe = (kind, triple) => probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? '', options.trustRepositoryConfig === true);
    const probes = Promise.all([rustcPromise, probe('target', knownTriple), invocation.target === null ? null : probe('host', null)]);
    // cargo refusing the repository's manifest, lock file or config ends the analysis at once (and
    // `analyzeWorkspace` stops the probes). Any other failure of cargo waits for the probes: cargo runs the same
    // rustc, so a compiler that cannot run is the cause to name.
    const refused = metadataPromise.then(() => NEVER, (e) => (e instanceof CommandError && e.fault === 'input' ? Promise.reject(e) : NEVER));
    const [rustc, targetInfo, hostInfo] = await Promise.race([probes, refused]);
    targetInfo.triple = invocation.target ?? rustc.host;
    if (hostInfo)
        hostInfo.triple = rustc.host;
    const gathered = await metadataPromise;
    const scope = options.scope ?? null;
    const manifestOf = (file) => readToml(file, scope);
    const rootManifestFile = external_node_path_default().join(gathered.workspaceRoot, 'Cargo.toml');
    const rootManifest = manifestOf(rootManifestFile);
    // cargo before 1.71 prints no `workspace_default_members`: they are read from the root manifest.
    const metadata = gathered.workspaceDefaultMembers === null ? { ...gathered, workspaceDefaultMembers: manifestDefaultMembers(rootManifest, gathered) } : gathered;
    const names = profileNameFor(invocation.command, invocation.release, invocation.profile);
    const profileOptions = { manifest: rootManifest, manifestFile: 'Cargo.toml', config, env };
    const context = {
        rustc,
        host: hostInfo ?? targetInfo,
        target: targetInfo,
        profile: resolveProfile(names.main, profileOptions),
        testProfile: resolveProfile(names.test, profileOptions)
    };
    return analyze({
        metadata,
        context,
        invocation,
        currentManifest: manifestPath ?? rootManifestFile,
        locator: createLocator(metadata, context, manifestOf),
        commandLine: ['cargo', invocation.command, ...toCargoArgs(invocation)],
        sourceUsesCrate: sourceReader(metadata, scope),
        docExamplesOf: docExamplesReader(metadata, scope),
        facts: gatherFacts(metadata, config, options),
        notes: isolation.notes,
        resolver: resolverVersion(rootManifest, rootPackage(metadata)),
        readText: file => readRepositoryText(file, scope)
    });
}
const NEVER = new Promise(() => undefined);
/** What the rules need from the repository beyond metadata and probes, read as data. */
function gatherFacts(metadata, config, options) {
    const scope = options.scope ?? null;
    const pinFile = findToolchainFile(metadata.workspaceRoot, sources_isFile);
    const exact = options.policy?.policy.exactToolchain ?? null;
    const buildTarget = options.invocation.target === null ? config.buildTarget : null;
    const allocators = new Map();
    const loaders = new Map();
    return {
        pin: pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, 'toolchain-file', { within: scopeFor(scope, pinFile) }), pinFile),
        expectedToolchain: exact === null ? null : { channel: exact.channel, file: options.policy.path, line: exact.line },
        targetSource: buildTarget?.kind === 'single' ? settingSource(buildTarget.target.source) : null,
        globalAllocators(pkg) {
            let found = allocators.get(pkg.id);
            if (found === undefined)
                allocators.set(pkg.id, (found = scanAllocators(pkg, scope)));
            return found;
        },
        loadsLibraries(pkg) {
            let found = loaders.get(pkg.id);
            if (found === undefined)
                loaders.set(pkg.id, (found = callsSystemLoader(pkg, scope)));
            return found;
        },
        exportedSymbols: exportReader(metadata, scope)
    };
}

;// CONCATENATED MODULE: ./src/write-file.ts





/**
 * The one writer of every output file (the report, the SARIF file, the CLI's `--output`, the job summary and
 * the step outputs). A repository can plant symlinks and directories where an output goes; none of them may
 * redirect a write, replace a device node, or leave a truncated file behind a success.
 */
const write_file_REASONS = {
    ENOTDIR: 'a part of its directory is a file',
    ENOENT: 'a part of its directory does not exist',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space is left on the device',
    EDQUOT: 'the disk quota is exceeded',
    EFBIG: 'the file would be larger than the file system allows',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'its path has too many levels of symbolic links',
    EIO: 'an input/output error occurred',
    EPIPE: 'the reading end was closed',
    ENXIO: 'there is no device or reader behind it',
    EBUSY: 'it is busy',
    ETXTBSY: 'it is a running program',
    EMFILE: 'too many files are open',
    ENFILE: 'too many files are open',
    ESHORTWRITE: 'the device accepted no more bytes'
};
const { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = (external_node_fs_default()).constants;
// Absent on Windows, whose open has no such flags.
const O_NOFOLLOW = (external_node_fs_default()).constants.O_NOFOLLOW ?? 0;
const O_NOCTTY = (external_node_fs_default()).constants.O_NOCTTY ?? 0;
const O_DIRECTORY = (external_node_fs_default()).constants.O_DIRECTORY ?? 0;
/** Characters encoded and written at a time, so that a report that comes in chunks is never one buffer in memory. */
const BATCH_CHARS = 1 << 20;
/** Something to wait on between tries of a full non-blocking pipe (Atomics.wait is a synchronous sleep). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/**
 * Writes `text` to `file`, which is `name` to the user (`input \`report-path\``, `` `--output` ``). What is
 * at `file` decides how (by `lstat`, never following it):
 * - nothing, a regular file, or a symlink: a new file with a random name, created exclusively and without
 *   following symlinks in the same directory, gets every byte, is flushed to disk and renamed over `file`.
 *   A symlink is replaced, never followed; a reader never sees half a file; on failure the previous file
 *   is untouched and the temporary file is gone.
 * - a character or block device or a FIFO (`/dev/null`, a pipe): written in place, never replaced. So is
 *   what a symlink inside `/dev` or `/proc` names: those links are the system's. `/dev/stdout`,
 *   `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are this process's descriptor N, written as it is
 *   (it may be a socket, which cannot be opened by name).
 * - a directory or a socket: refused.
 * Missing parent directories are created one at a time, never through a symlink at a missing name.
 * Every failure is a one-line UserError naming the file, `name` and the reason.
 */
function writeAtomically(file, text, name) {
    const absolute = external_node_path_default().resolve(file);
    const fail = (error, overrides = {}) => {
        throw writeError(file, name, error, overrides);
    };
    const descriptor = descriptorAlias(absolute);
    if (descriptor !== null)
        return writeToDescriptor(descriptor, text, fail);
    let stat = null;
    try {
        stat = external_node_fs_default().lstatSync(absolute);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            fail(error);
    }
    if (stat?.isSymbolicLink() && isSystemLink(absolute)) {
        try {
            stat = external_node_fs_default().statSync(absolute);
        }
        catch (error) {
            fail(error, { ENOENT: 'the link names nothing' });
        }
        return writeInPlace(absolute, text, stat, true, fail);
    }
    if (stat !== null && !stat.isFile() && !stat.isSymbolicLink())
        return writeInPlace(absolute, text, stat, false, fail);
    const dir = external_node_path_default().dirname(absolute);
    try {
        makeDirectories(dir);
    }
    catch (error) {
        fail(error);
    }
    const tmp = external_node_path_default().join(dir, temporaryName());
    let fd = null;
    let created = false;
    try {
        fd = createExclusive(tmp);
        created = true;
        if (stat?.isFile())
            external_node_fs_default().fchmodSync(fd, stat.mode & 0o777);
        writeText(fd, text);
        external_node_fs_default().fsyncSync(fd);
        external_node_fs_default().closeSync(fd);
        fd = null;
        external_node_fs_default().renameSync(tmp, absolute);
    }
    catch (error) {
        if (fd !== null)
            closeQuietly(fd);
        // Only a file this call created: an EEXIST means something else holds the name, left as it is.
        if (created)
            removeQuietly(tmp);
        fail(error, { EEXIST: `its temporary file ${tmp} already exists` });
    }
    syncDirectory(dir);
}
/**
 * Creates `file` for writing, failing with EEXIST when anything is there, a symlink included: with
 * O_CREAT|O_EXCL (and O_NOFOLLOW) the kernel never follows a link at the final name.
 */
function createExclusive(file, mode = 0o644) {
    return external_node_fs_default().openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
}
/**
 * Writes every byte of `data`: `write` may write fewer bytes than asked (a pipe, a nearly full disk), or
 * none for now on a non-blocking pipe or socket (EAGAIN), when it waits a moment for the reader.
 */
function writeAll(fd, data, write = (f, b, o, l) => external_node_fs_default().writeSync(f, b, o, l)) {
    let offset = 0;
    while (offset < data.length) {
        let written;
        try {
            written = write(fd, data, offset, data.length - offset);
        }
        catch (error) {
            if (error.code !== 'EAGAIN')
                throw error;
            Atomics.wait(PAUSE, 0, 0, 2);
            continue;
        }
        if (!(written > 0))
            throw Object.assign(new Error('write accepted no bytes'), { code: 'ESHORTWRITE' });
        offset += written;
    }
}
/**
 * Appends `text` to a file the runner made (the job summary, `GITHUB_OUTPUT`), never creating it. On a
 * failure a regular file is cut back to its old length, so that no half-written block is left in it.
 */
function appendToFile(file, text, name) {
    let fd = null;
    try {
        fd = fs.openSync(file, O_WRONLY | O_APPEND | O_NOCTTY);
        const before = fs.fstatSync(fd);
        try {
            writeAll(fd, Buffer.from(text, 'utf8'));
        }
        catch (error) {
            if (before.isFile()) {
                try {
                    fs.ftruncateSync(fd, before.size);
                }
                catch {
                    // The write's own error is the one to report.
                }
            }
            throw error;
        }
    }
    catch (error) {
        throw writeError(file, name, error, { ENOENT: 'the file does not exist' });
    }
    finally {
        if (fd !== null)
            closeQuietly(fd);
    }
}
/**
 * Where an output the action writes really goes: `given` (input `input`) resolved against `workspace`, with
 * every existing directory on the way replaced by its real path. A relative path must end up inside one of
 * `roots` (the workspace, the runner's temporary directory), so that a directory symlink from the pull
 * request cannot send it elsewhere. An absolute path is the workflow's deliberate choice and is kept as is.
 */
function resolveOutputPath(given, input, workspace, roots) {
    const lexical = path.resolve(workspace, given);
    if (path.isAbsolute(given))
        return lexical;
    let existing = path.dirname(lexical);
    const missing = [];
    while (!lexists(existing)) {
        const up = path.dirname(existing);
        if (up === existing)
            break;
        missing.unshift(path.basename(existing));
        existing = up;
    }
    const link = firstSymlink(workspace, existing);
    const through = link === null ? '' : ` through the symlink \`${link}\``;
    let real;
    try {
        real = path.join(fs.realpathSync(existing), ...missing, path.basename(lexical));
    }
    catch {
        throw new UserError(`input \`${input}\`: ${given} cannot be resolved${through}; name an existing directory in the workspace`);
    }
    const realRoots = roots.flatMap(root => {
        try {
            return [fs.realpathSync(root)];
        }
        catch {
            return [];
        }
    });
    if (!realRoots.some(root => isBelow(root, real))) {
        const where = link === null ? 'is outside the workspace' : `leaves the workspace${through}`;
        throw new UserError(`input \`${input}\`: ${given} ${where}; only an absolute path may name a place outside the workspace and the runner's temporary directory`);
    }
    return real;
}
function writeInPlace(file, text, stat, viaSystemLink, fail) {
    const kind = refusedKind(stat, viaSystemLink);
    if (kind !== null)
        fail(refusal(kind));
    let fd = null;
    try {
        // No O_CREAT and no O_TRUNC: what is there is written to, never made or replaced. A regular file behind
        // /dev/stdout is the shell's redirection, appended to as the shell opened it.
        const append = stat.isFile() ? O_APPEND : 0;
        fd = external_node_fs_default().openSync(file, O_WRONLY | O_NOCTTY | append | (viaSystemLink ? 0 : O_NOFOLLOW));
        const opened = external_node_fs_default().fstatSync(fd);
        const changed = refusedKind(opened, viaSystemLink);
        if (changed !== null)
            throw refusal(changed);
        writeText(fd, text);
    }
    catch (error) {
        fail(error);
    }
    finally {
        if (fd !== null)
            closeQuietly(fd);
    }
}
/** The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` stands for, or null. */
function descriptorAlias(file) {
    if (process.platform === 'win32')
        return null;
    if (file === '/dev/stdout')
        return 1;
    if (file === '/dev/stderr')
        return 2;
    const m = /^(?:\/dev\/fd|\/proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/u.exec(file);
    if (m === null || (m[1] !== undefined && Number(m[1]) !== process.pid))
        return null;
    return Number(m[2]);
}
/** Writes to a descriptor this process already holds; it stays open, as it was given. */
function writeToDescriptor(fd, text, fail) {
    try {
        if (external_node_fs_default().fstatSync(fd).isDirectory())
            throw refusal('it is a directory');
        writeText(fd, text);
    }
    catch (error) {
        fail(error, { EBADF: 'that descriptor is not open for writing' });
    }
}
/** Why a file that is not replaced cannot be written in place, or null when it can. */
function refusedKind(stat, viaSystemLink) {
    if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isFIFO())
        return null;
    if (stat.isFile() && viaSystemLink)
        return null;
    if (stat.isDirectory())
        return 'it is a directory';
    if (stat.isSocket())
        return 'it is a socket';
    return 'it is not a regular file, a device or a FIFO';
}
function refusal(reason) {
    return Object.assign(new Error(reason), { reason });
}
function writeText(fd, text) {
    if (typeof text === 'string')
        return writeAll(fd, Buffer.from(text, 'utf8'));
    let pending = [];
    let size = 0;
    for (const chunk of text) {
        pending.push(chunk);
        size += chunk.length;
        if (size >= BATCH_CHARS) {
            writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
            pending = [];
            size = 0;
        }
    }
    if (size > 0)
        writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
}
/** A name no one can plant ahead of time: 96 random bits, not the pid. */
function temporaryName() {
    return `.rust-linkage-guard-${external_node_crypto_default().randomBytes(12).toString('hex')}.tmp`;
}
/**
 * Creates the missing directories of `dir` one at a time. mkdir never follows a symlink at the name it
 * creates, so a dangling link on the way fails instead of creating its target.
 */
function makeDirectories(dir) {
    const missing = [];
    let existing = dir;
    while (!lexists(existing)) {
        missing.unshift(existing);
        const up = external_node_path_default().dirname(existing);
        if (up === existing)
            break;
        existing = up;
    }
    if (!external_node_fs_default().statSync(existing).isDirectory())
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    for (const d of missing)
        external_node_fs_default().mkdirSync(d);
}
/** Symlinks inside /dev and /proc are the system's (`/dev/stdout`, `/dev/fd/N`); no repository plants them. */
function isSystemLink(file) {
    let parent;
    try {
        parent = external_node_fs_default().realpathSync(external_node_path_default().dirname(file));
    }
    catch {
        return false;
    }
    return ['/dev', '/proc'].some(root => parent === root || parent.startsWith(`${root}/`));
}
function lexists(file) {
    try {
        external_node_fs_default().lstatSync(file);
        return true;
    }
    catch {
        return false;
    }
}
/** The first symlink on the way from `root` down to `dir`, relative to `root`, or null. */
function firstSymlink(root, dir) {
    const relative = path.relative(root, dir);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
        return null;
    let current = root;
    for (const part of relative.split(path.sep)) {
        current = path.join(current, part);
        try {
            if (fs.lstatSync(current).isSymbolicLink())
                return path.relative(root, current).split(path.sep).join('/');
        }
        catch {
            return null;
        }
    }
    return null;
}
function writeError(file, name, error, overrides) {
    if (error instanceof errors_UserError)
        return error;
    const e = error;
    const reason = e.reason ?? overrides[e.code ?? ''] ?? write_file_REASONS[e.code ?? ''] ?? (e.code === undefined ? undefined : `${e.code}: ${e.message}`);
    if (reason === undefined)
        throw error;
    return new errors_UserError(`cannot write ${file} (${name}): ${reason}`);
}
function syncDirectory(dir) {
    let fd = null;
    try {
        fd = external_node_fs_default().openSync(dir, (external_node_fs_default()).constants.O_RDONLY | O_DIRECTORY);
        external_node_fs_default().fsyncSync(fd);
    }
    catch {
        // Durability of the rename is best effort: some file systems cannot sync a directory.
    }
    finally {
        if (fd !== null)
            closeQuietly(fd);
    }
}
function closeQuietly(fd) {
    try {
        external_node_fs_default().closeSync(fd);
    }
    catch {
        // Already reporting the error that led here.
    }
}
function removeQuietly(file) {
    try {
        external_node_fs_default().unlinkSync(file);
    }
    catch {
        // Nothing more can be done; the error that led here is the one reported.
    }
}

;// CONCATENATED MODULE: ./src/cli/color.ts
/**
 * Colour as cargo chooses it. Pure: the `--color` flag, the variables cargo reads and whether a stream is a
 * terminal in, a yes or no out. How colour looks is `report/sgr.ts`.
 */

const COLOR_CHOICES = ['auto', 'always', 'never'];
/**
 * `--color` when given, else `CARGO_TERM_COLOR` when set, else `auto`.
 *
 * @throws UserError for a `CARGO_TERM_COLOR` other than `auto`, `always` or `never` (empty and other cases
 *   too), which cargo rejects as well.
 */
function resolveColorChoice(flag, cargoTermColor) {
    if (flag !== null)
        return flag;
    if (cargoTermColor === undefined)
        return 'auto';
    if (isColorChoice(cargoTermColor))
        return cargoTermColor;
    throw new errors_UserError(`\`CARGO_TERM_COLOR\` must be one of ${COLOR_CHOICES.join(', ')}, got \`${cargoTermColor}\``);
}
function isColorChoice(value) {
    return COLOR_CHOICES.some(choice => choice === value);
}
/** Whether `auto` colours a stream: it is a terminal, `TERM` is not `dumb`, and `NO_COLOR` is unset or empty. */
function terminalShowsColor(isTTY, variables) {
    return isTTY && variables.TERM !== 'dumb' && (variables.NO_COLOR ?? '') === '';
}
/** Whether a stream is coloured under `choice`; `always` colours even where `NO_COLOR` is set, as cargo does. */
function colorsStream(choice, showsColor) {
    return choice === 'always' || (choice === 'auto' && showsColor);
}
/**
 * The whole decision for one stream: `flag` (null when `--color` is not given), then `CARGO_TERM_COLOR`,
 * then the terminal. Standard output and standard error are each decided by their own `isTTY`.
 *
 * @throws UserError for an invalid `CARGO_TERM_COLOR` when no flag overrides it.
 */
function decideColor(flag, variables, isTTY) {
    return colorsStream(resolveColorChoice(flag, variables.CARGO_TERM_COLOR), terminalShowsColor(isTTY, variables));
}
/**
 * Whether our own messages on standard error are coloured, even for a command line that does not parse:
 * `flag` is the `--color` found in it, if any. An invalid `CARGO_TERM_COLOR`, itself the error then being
 * reported, counts as `auto`.
 */
function decideErrorColor(flag, variables, isTTY) {
    const choice = flag ?? (isColorChoice(variables.CARGO_TERM_COLOR) ? variables.CARGO_TERM_COLOR : 'auto');
    return colorsStream(choice, terminalShowsColor(isTTY, variables));
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The command line of `rust-linkage-guard`: cargo's own package, target, feature and compilation flags,
 * spelled exactly as `cargo build --help` spells them, plus a few flags for the report.
 *
 * Parsing is pure: argv in, options out, or a one-line `UserError` naming the flag at fault.
 */



const PROGRAM = 'rust-linkage-guard';
/** The first argument cargo passes when it runs this program as `cargo linkage-guard`. */
const CARGO_SUBCOMMAND = 'linkage-guard';
const HELP_HINT = `run \`${PROGRAM} --help\``;
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'];
const FAIL_ON = ['error', 'warning', 'never'];
const COMMANDS = ['build', 'test'];
/** Usage text for `--help`, grouped like cargo's own help. */
const HELP_TEXT = `Predict how each artifact of a Cargo workspace links, before anything is compiled.

Usage: ${PROGRAM} [+toolchain] [OPTIONS]
       cargo [+toolchain] ${CARGO_SUBCOMMAND} [OPTIONS]

  +toolchain  The rustup toolchain to run cargo and rustc with, as with cargo (e.g. +1.95.0)

Options:
      --command <COMMAND>     Cargo command to predict: build or test [default: build]
      --config <KEY=VALUE>    Override a cargo configuration value (repeatable)
  -h, --help                  Print help
  -V, --version               Print version

Package Selection:
  -p, --package <SPEC>  Package to check, one per flag (see \`cargo help pkgid\`)
      --workspace       Check all packages in the workspace
      --exclude <SPEC>  Exclude packages from the check (requires --workspace)
      --all             Alias for --workspace (deprecated)

Target Selection:
      --lib             Check only this package's library
      --bins            Check all binaries
      --bin <NAME>      Check only the specified binary
      --examples        Check all examples
      --example <NAME>  Check only the specified example
      --tests           Check all targets that have \`test = true\` set
      --test <NAME>     Check only the specified test target
      --benches         Check all targets that have \`bench = true\` set
      --bench <NAME>    Check only the specified bench target
      --all-targets     Check all targets
      --doc             Check only the libraries' doc tests (with --command test)

Feature Selection:
  -F, --features <FEATURES>  Space or comma separated list of features to activate
      --all-features         Activate all available features
      --no-default-features  Do not activate the \`default\` feature

Compilation Options:
  -r, --release                 Predict release-mode artifacts (same as --profile release)
      --profile <PROFILE-NAME>  Predict artifacts of the specified profile
      --target <TRIPLE>         Predict for the target triple (one per run)
      --no-run                  No doc test is compiled, as with cargo (with --command test)
      --no-fail-fast, --keep-going
                                Accepted for cargo compatibility; nothing is ever run

Manifest Options:
      --manifest-path <PATH>  Path to Cargo.toml
      --metadata-file <PATH>  Read \`cargo metadata\` JSON from PATH instead of running cargo
      --locked                Assert that \`Cargo.lock\` will remain unchanged
      --offline               Run without accessing the network
      --frozen                Equivalent to specifying both --locked and --offline

Output:
      --format <FORMAT>  Report format: text, json, markdown (the job summary), sarif,
                         or github (annotations as workflow commands) [default: text]
      --output <FILE>    Write the report to FILE instead of standard output
      --color <WHEN>     Coloring: auto, always or never [default: CARGO_TERM_COLOR, or auto];
                         auto colours the text report and errors on a terminal, unless
                         NO_COLOR is set or TERM is dumb; always colours even with NO_COLOR

Gating:
      --fail-on <LEVEL>  Exit with 1 for findings at or above LEVEL: error, warning
                         or never [default: error]
      --policy <FILE>    Policy file [default: the nearest .github/rust-linkage.toml]
      --no-policy        Apply no policy file
      --baseline <FILE>  A JSON report from the base branch: its findings do not fail

Fixing:
      --fix          Apply the first verified manifest edit of every error finding (edits
                     the repository's Cargo.toml files in place) and print the diff
      --allow-dirty  Let --fix edit files with uncommitted changes in the working tree,
                     or outside a git working tree

Security:
      --trust-repository-config  Let cargo run what the repository's configuration names
                                 (wrappers, build.rustc, [env], a path toolchain) and pass
                                 every rustflag to rustc (@file, --sysroot, -Z options)
      --timeout <SECONDS>        Stop a cargo or rustc call after SECONDS [default: 300]

Exit Status:
  0  The check passed
  1  Findings fail the check (those at or above --fail-on)
  2  Usage or input error: a flag, a file, or an invalid manifest, policy or cargo configuration
  3  cargo or rustc could not be run, failed, or ran longer than --timeout
`;
function switchFlag(long, set, short) {
    return { long, ...(short === undefined ? {} : { short }), apply: draft => set(draft) };
}
function listFlag(long, value, push) {
    return {
        long,
        value,
        repeatable: true,
        apply: (draft, item, spelled) => push(draft, requireNonEmpty(item, spelled))
    };
}
const FLAG_SPECS = [
    // Package selection
    {
        long: 'package',
        short: 'p',
        value: 'SPEC',
        repeatable: true,
        apply: (d, v, spelled) => pushUnique(d.options.invocation.packages, checkPackageSpec(v, spelled))
    },
    switchFlag('workspace', d => (d.options.invocation.workspace = true)),
    // cargo keeps `--all` as a separate argument: `--workspace --all` is accepted, `--all --all` is not.
    switchFlag('all', d => (d.options.invocation.workspace = true)),
    {
        long: 'exclude',
        value: 'SPEC',
        repeatable: true,
        apply: (d, v, spelled) => pushUnique(d.options.invocation.exclude, checkPackageSpec(v, spelled))
    },
    // Target selection
    switchFlag('lib', d => (d.options.invocation.targets.lib = true)),
    switchFlag('bins', d => (d.options.invocation.targets.bins = true)),
    listFlag('bin', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.bin, v)),
    switchFlag('examples', d => (d.options.invocation.targets.examples = true)),
    listFlag('example', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.example, v)),
    switchFlag('tests', d => (d.options.invocation.targets.tests = true)),
    listFlag('test', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.test, v)),
    switchFlag('benches', d => (d.options.invocation.targets.benches = true)),
    listFlag('bench', 'NAME', (d, v) => pushUnique(d.options.invocation.targets.bench, v)),
    switchFlag('all-targets', d => (d.options.invocation.targets.allTargets = true)),
    // Feature selection
    {
        long: 'features',
        short: 'F',
        value: 'FEATURES',
        repeatable: true,
        apply: (d, v) => {
            for (const feature of splitFeatures(v))
                pushUnique(d.options.invocation.features, feature);
        }
    },
    switchFlag('all-features', d => (d.options.invocation.allFeatures = true)),
    switchFlag('no-default-features', d => (d.options.invocation.noDefaultFeatures = true)),
    // Compilation options
    switchFlag('release', d => (d.options.invocation.release = true), 'r'),
    {
        long: 'profile',
        value: 'PROFILE-NAME',
        apply: (d, v, spelled) => (d.options.invocation.profile = checkProfileName(v, `\`${spelled}\``))
    },
    {
        long: 'target',
        value: 'TRIPLE',
        // cargo accepts several `--target`s; one prediction covers one target, so only a repeat of the same one is fine.
        repeatable: true,
        apply: (d, v, spelled) => {
            const triple = requireNonEmpty(v, spelled);
            const previous = d.options.invocation.target;
            if (previous !== null && previous !== triple) {
                throw new errors_UserError(`\`${spelled}\` given twice (\`${previous}\`, \`${triple}\`); ${PROGRAM} predicts one target per run`);
            }
            d.options.invocation.target = triple;
        }
    },
    // Manifest options
    {
        long: 'manifest-path',
        value: 'PATH',
        apply: (d, v, spelled) => (d.options.manifestPath = requireNonEmpty(v, spelled))
    },
    {
        long: 'metadata-file',
        value: 'PATH',
        apply: (d, v, spelled) => (d.options.metadataFile = requireNonEmpty(v, spelled))
    },
    switchFlag('locked', d => (d.options.invocation.locked = true)),
    switchFlag('offline', d => (d.options.invocation.offline = true)),
    switchFlag('frozen', d => (d.options.invocation.frozen = true)),
    // Everything else
    {
        long: 'command',
        value: 'COMMAND',
        apply: (d, v, spelled) => (d.options.invocation.command = oneOf(v, COMMANDS, `\`${spelled}\``))
    },
    listFlag('config', 'KEY=VALUE', (d, v) => d.options.configOverrides.push(v)),
    { long: 'format', value: 'FORMAT', apply: (d, v, spelled) => (d.options.format = oneOf(v, FORMATS, `\`${spelled}\``)) },
    { long: 'output', value: 'FILE', apply: (d, v, spelled) => (d.options.output = requireNonEmpty(v, spelled)) },
    { long: 'color', value: 'WHEN', apply: (d, v, spelled) => (d.colorFlag = oneOf(v, COLOR_CHOICES, `\`${spelled}\``)) },
    { long: 'policy', value: 'FILE', apply: (d, v, spelled) => (d.options.policy = requireNonEmpty(v, spelled)) },
    switchFlag('no-policy', d => (d.options.noPolicy = true)),
    switchFlag('trust-repository-config', d => (d.options.trustRepositoryConfig = true)),
    {
        long: 'timeout',
        value: 'SECONDS',
        apply: (d, v, spelled) => {
            if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 86_400)
                throw new errors_UserError(`\`${spelled}\` must be a whole number of seconds from 1 to 86400, got \`${v}\``);
            d.options.timeoutMs = Number(v) * 1000;
        }
    },
    { long: 'baseline', value: 'FILE', apply: (d, v, spelled) => (d.options.baseline = requireNonEmpty(v, spelled)) },
    { long: 'fail-on', value: 'LEVEL', apply: (d, v, spelled) => (d.options.failOn = oneOf(v, FAIL_ON, `\`${spelled}\``)) },
    switchFlag('fix', d => (d.options.fix = true)),
    switchFlag('allow-dirty', d => (d.options.allowDirty = true)),
    switchFlag('doc', d => (d.options.invocation.doc = true)),
    switchFlag('no-run', d => (d.options.invocation.noRun = true)),
    // A prediction never runs anything, so these only confirm what is analysed anyway.
    switchFlag('no-fail-fast', () => undefined),
    switchFlag('keep-going', () => undefined),
    switchFlag('help', d => (d.options.help = true), 'h'),
    switchFlag('version', d => (d.options.version = true), 'V')
];
const BY_LONG = new Map(FLAG_SPECS.map(spec => [spec.long, spec]));
const BY_SHORT = new Map(FLAG_SPECS.flatMap(spec => (spec.short === undefined ? [] : [[spec.short, spec]])));
/**
 * Flags of `cargo build`/`cargo test` that are deliberately not accepted, so that a pasted cargo command line
 * gets a clearer message than "unknown flag".
 */
const CARGO_ONLY_FLAGS = new Set([
    '--jobs',
    '-j',
    '--target-dir',
    '--artifact-dir',
    '--unit-graph',
    '--timings',
    '--message-format',
    '--future-incompat-report',
    '--ignore-rust-version',
    '--verbose',
    '-v',
    '--quiet',
    '-q',
    '-Z'
]);
/**
 * Parses the command line: the flags, after the node and script paths and `splitCommandLine`.
 *
 * Follows cargo's conventions: `--flag value` and `--flag=value`; short flags may be clustered and take their
 * value attached (`-rp app`, `-papp`, `-p=app`); a value may not start with `-` unless attached with `=` (a lone `-` is a value);
 * every flag except the list-valued ones may be given once. Parsing stops at `-h`/`--help` or `-V`/`--version`,
 * as cargo's does.
 *
 * @throws UserError with a one-line message naming the flag at fault, or `CARGO_TERM_COLOR` when it is
 *   invalid and `--color` is not given.
 */
function parseCliArgs(argv, env = { colorTerminal: false }) {
    const draft = {
        options: {
            invocation: defaultInvocation(),
            manifestPath: null,
            metadataFile: null,
            format: 'text',
            output: null,
            help: false,
            version: false,
            color: false,
            configOverrides: [],
            policy: null,
            noPolicy: false,
            baseline: null,
            failOn: 'error',
            trustRepositoryConfig: false,
            timeoutMs: null,
            fix: false,
            allowDirty: false
        },
        colorFlag: null
    };
    const seen = new Set();
    const order = [];
    /** Applies one flag; returns true when parsing must stop (help or version). */
    const handle = (spec, spelled, value) => {
        if (seen.has(spec) && spec.repeatable !== true) {
            throw new errors_UserError(`\`${canonical(spec)}\` cannot be used more than once`);
        }
        seen.add(spec);
        order.push(spec);
        spec.apply(draft, value, spelled);
        return draft.options.help || draft.options.version;
    };
    let i = 0;
    /** The next argv entry as the value of `spelled`, refusing anything that looks like a flag (as clap does). */
    const takeValue = (spec, spelled) => {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('-') && next !== '-')) {
            throw new errors_UserError(`\`${spelled}\` requires a value: \`${spelled} <${spec.value ?? 'VALUE'}>\``);
        }
        i++;
        return next;
    };
    parsing: for (; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            const rest = argv[i + 1];
            if (rest !== undefined)
                throw new errors_UserError(`unexpected argument \`${rest}\`; ${HELP_HINT}`);
            break;
        }
        if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const spelled = eq < 0 ? arg : arg.slice(0, eq);
            const spec = BY_LONG.get(spelled.slice(2));
            if (spec === undefined)
                throw unknownFlag(spelled);
            let value = '';
            if (spec.value === undefined) {
                if (eq >= 0)
                    throw new errors_UserError(`\`${spelled}\` takes no value, got \`${arg}\``);
            }
            else {
                value = eq >= 0 ? arg.slice(eq + 1) : takeValue(spec, spelled);
            }
            if (handle(spec, spelled, value))
                break parsing;
            continue;
        }
        if (arg.startsWith('-') && arg.length > 1) {
            // A cluster of short flags; the first one that takes a value takes the rest of the cluster.
            const letters = Array.from(arg.slice(1));
            for (let j = 0; j < letters.length; j++) {
                const letter = letters[j];
                const spelled = `-${letter}`;
                const spec = BY_SHORT.get(letter);
                if (spec === undefined)
                    throw unknownFlag(spelled);
                if (spec.value === undefined) {
                    if (handle(spec, spelled, ''))
                        break parsing;
                    continue;
                }
                const attached = letters.slice(j + 1).join('');
                const value = attached === '' ? takeValue(spec, spelled) : attached.replace(/^=/, '');
                if (handle(spec, spelled, value))
                    break parsing;
                continue parsing;
            }
            continue;
        }
        throw new errors_UserError(`unexpected argument \`${arg}\`; ${HELP_HINT}`);
    }
    const { options } = draft;
    // As with cargo, help and version are printed whatever `CARGO_TERM_COLOR` holds.
    if (options.help || options.version)
        return options;
    checkCombinations(options.invocation, order);
    checkFixFlags(options);
    const choice = resolveColorChoice(draft.colorFlag, env.cargoTermColor);
    options.color = options.format === 'text' && colorsStream(choice, env.colorTerminal && options.output === null);
    return options;
}
/**
 * Splits the program's arguments into the rustup toolchain and the flags for `parseCliArgs`. cargo runs an
 * external subcommand as `cargo-linkage-guard linkage-guard …`, so a leading `linkage-guard` is dropped (a
 * bare argument is never valid otherwise); then a leading `+toolchain` is taken, as with cargo.
 */
function splitCommandLine(argv) {
    const args = argv[0] === CARGO_SUBCOMMAND ? argv.slice(1) : [...argv];
    const first = args[0];
    if (first?.startsWith('+'))
        return { toolchain: first.slice(1), args: args.slice(1) };
    return { toolchain: null, args };
}
/**
 * The valid `--color` of a command line, found without parsing the rest: for colouring the error about a
 * command line that does not parse. On one that does, it is the value `parseCliArgs` takes.
 */
function colorFlagIn(argv) {
    for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
        const arg = argv[i];
        const value = arg === '--color' ? argv[i + 1] : arg.startsWith('--color=') ? arg.slice('--color='.length) : undefined;
        if (isColorChoice(value))
            return value;
    }
    return null;
}
/** `--fix` edits the manifests it analysed and prints a diff: not of recorded metadata, not as a report format. */
function checkFixFlags(options) {
    if (options.allowDirty && !options.fix)
        throw new errors_UserError('`--allow-dirty` only applies with `--fix`');
    if (!options.fix)
        return;
    if (options.metadataFile !== null)
        throw new errors_UserError('`--fix` cannot be used with `--metadata-file`: it edits the manifests cargo reads, so cargo must read them');
    if (options.format !== 'text')
        throw new errors_UserError(`\`--fix\` prints a diff, not a report: it cannot be used with \`--format ${options.format}\``);
    if (options.output !== null)
        throw new errors_UserError('`--fix` prints a diff on standard output: it cannot be used with `--output`');
}
/** Cross-flag rules cargo enforces, checked once every flag is known. */
function checkCombinations(invocation, order) {
    if (invocation.exclude.length > 0 && !invocation.workspace) {
        throw new errors_UserError('`--exclude` can only be used together with `--workspace`');
    }
    // cargo 1.95 declares `--release` and `--profile` as conflicting arguments, so even `--release --profile release`
    // is refused before any profile is looked at.
    if (invocation.release && invocation.profile !== null) {
        const releaseFirst = order.findIndex(s => s.long === 'release') < order.findIndex(s => s.long === 'profile');
        const [first, second] = releaseFirst ? ['--release', '--profile'] : ['--profile', '--release'];
        throw new errors_UserError(`\`${first}\` cannot be used with \`${second}\`; \`--release\` is the same as \`--profile release\``);
    }
    // `cargo test`'s own checks (src/bin/cargo/commands/test.rs); `cargo build` has neither flag.
    for (const flag of ['doc', 'no-run']) {
        if (invocation.command !== 'test' && order.some(s => s.long === flag))
            throw new errors_UserError(`\`--${flag}\` is a flag of \`cargo test\`: add \`--command test\``);
    }
    if (invocation.doc && selectsTargets(invocation))
        throw new errors_UserError("`--doc`: can't mix --doc with other target selecting options");
    if (invocation.doc && invocation.noRun)
        throw new errors_UserError("`--doc`: can't skip running doc tests with --no-run");
    if (order.some(s => s.long === 'policy') && order.some(s => s.long === 'no-policy')) {
        throw new errors_UserError('`--policy` cannot be used with `--no-policy`');
    }
}
function canonical(spec) {
    return `--${spec.long}`;
}
function unknownFlag(spelled) {
    if (CARGO_ONLY_FLAGS.has(spelled)) {
        return new errors_UserError(`cargo's \`${spelled}\` is not supported by ${PROGRAM}; remove it`);
    }
    const suggestion = spelled.startsWith('--') ? closestLongFlag(spelled.slice(2)) : undefined;
    const hint = suggestion === undefined ? '' : ` (did you mean \`--${suggestion}\`?)`;
    return new errors_UserError(`unknown flag \`${spelled}\`${hint}; ${HELP_HINT}`);
}
/** The known long flag closest to `name` (ignoring case), when it is a likely typo: one edit per three letters. */
function closestLongFlag(name) {
    let best;
    let bestDistance = Math.min(2, Math.max(1, Math.floor(name.length / 3))) + 1;
    for (const long of BY_LONG.keys()) {
        const distance = editDistance(name.toLowerCase(), long);
        if (distance < bestDistance) {
            best = long;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
function requireNonEmpty(value, spelled) {
    if (value === '')
        throw new errors_UserError(`\`${spelled}\` must not be empty`);
    return value;
}
function pushUnique(list, item) {
    if (!list.includes(item))
        list.push(item);
}
function oneOf(value, allowed, what) {
    const found = allowed.find(a => a === value);
    if (found === undefined)
        throw new errors_UserError(`${what} must be one of ${allowed.join(', ')}, got \`${value}\``);
    return found;
}
/**
 * Checks one package ID spec given to `-p`/`--package`/`--exclude`. cargo takes one spec per flag and rejects
 * `-p a,b` (a comma is not valid in a package name), so a comma outside a URL-style spec gets a pointed message.
 */
function checkPackageSpec(spec, spelled) {
    requireNonEmpty(spec, spelled);
    if (spec.includes(',') && !spec.includes('://')) {
        const parts = spec.split(',').filter(p => p !== '');
        const rewrite = parts.map(p => `${spelled} ${p}`).join(' ');
        throw new errors_UserError(`\`${spelled}\` takes one package per flag, got \`${spec}\`; write \`${rewrite}\``);
    }
    return spec;
}

;// CONCATENATED MODULE: ./src/fixes/plan.ts
function planFixes(findings) {
    const edits = new Map();
    const fixed = [];
    const unfixed = [];
    for (const finding of findings) {
        if (finding.severity !== 'error' || finding.allowed !== undefined || finding.baseline === 'existing')
            continue;
        const fix = finding.fixes.find((f) => f.verified && f.kind === 'manifest-edit' && (f.edits?.length ?? 0) > 0);
        if (fix === undefined) {
            const other = finding.fixes.find(f => f.verified);
            unfixed.push({ finding, reason: other ? `no verified manifest edit; verified instead: ${other.title}` : 'no verified fix' });
            continue;
        }
        const clash = fix.edits.find(e => (edits.get(e.file) ?? []).some(o => o.line === e.line && (o.before !== e.before || o.after !== e.after)));
        if (clash !== undefined) {
            unfixed.push({ finding, reason: `its edit of ${clash.file}:${clash.line} differs from another fix's; run \`--fix\` again after this one` });
            continue;
        }
        for (const e of fix.edits) {
            const list = edits.get(e.file) ?? [];
            if (!list.some(o => o.line === e.line))
                list.push(e);
            edits.set(e.file, list);
        }
        fixed.push({ finding, fix });
    }
    for (const list of edits.values())
        list.sort((a, b) => a.line - b.line);
    return { edits, fixed, unfixed };
}

;// CONCATENATED MODULE: ./src/gather/git.ts
/**
 * Whether a directory's git working tree has uncommitted changes, for `--fix`, which refuses to edit files
 * over them (as `cargo fix` does) unless `--allow-dirty` is given.
 */

/**
 * The paths `git status` reports as changed or untracked (ignored files left out), or null when `dir` is not
 * in a git working tree or git cannot be run. The repository's own configuration may name programs that git
 * runs while reading the tree (`core.fsmonitor`): it is switched off on the command line, and git is asked
 * not to take locks or refresh the index.
 */
async function uncommittedChanges(runner, dir, env) {
    const childEnv = { ...childEnvironment(env, process.platform), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
    try {
        const result = await runner.run('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'status', '--porcelain=v1', '-z', '--untracked-files=normal'], { cwd: dir, env: childEnv });
        if (result.exitCode !== 0)
            return null;
        return result.stdout
            .split('\0')
            .filter(entry => entry.length > 3)
            .map(entry => entry.slice(3));
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/cli/fix.ts
/**
 * `rust-linkage-guard --fix`: applies the first verified manifest edit of every error finding to the files
 * it was computed from, as `cargo fix` does, and says what it changed and what it could not fix.
 */










/** Refuses to go on over uncommitted changes or outside git, unless `--allow-dirty`; as `cargo fix`. */
async function checkWorkingTree(dir, env) {
    const changes = await uncommittedChanges(processRunner(30_000), dir, env);
    if (changes === null) {
        throw new errors_UserError(`\`--fix\` edits files only in a git working tree, so that its changes can be reviewed and undone, and \`${dir}\` is not in one; pass \`--allow-dirty\` to edit anyway`);
    }
    if (changes.length > 0) {
        const shown = changes.slice(0, 3).map(f => `\`${f}\``).join(', ');
        throw new errors_UserError(`\`--fix\` refuses to edit a working tree with uncommitted changes (${changes.length} ${changes.length === 1 ? 'file' : 'files'}: ${shown}${changes.length > 3 ? ', …' : ''}); commit or stash them, or pass \`--allow-dirty\``);
    }
}
/**
 * Applies the plan to the files under the report's workspace root. Every file is read again, and each edited
 * line must still read as the analysis saw it: if one does not, nothing is written.
 */
function applyReportFixes(report) {
    const plan = planFixes(report.findings);
    const scope = repositoryScope(report.workspaceRoot);
    const files = [];
    for (const [file, edits] of plan.edits) {
        const absolute = external_node_path_default().resolve(report.workspaceRoot, file);
        const before = readInputFile(absolute, 'manifest', { within: scope });
        const after = applyEdits(before, edits);
        if (after === null)
            throw new errors_UserError(`\`${file}\` changed since it was analysed; nothing was fixed, run \`--fix\` again`);
        files.push({ file, absolute, before, after });
    }
    const lines = [];
    for (const { file, absolute, before, after } of files) {
        writeAtomically(absolute, after, '`--fix`');
        lines.push(...unifiedDiff(file, before.split('\n').map(l => l.replace(/\r$/, '')), plan.edits.get(file)));
    }
    if (files.length > 0)
        lines.push('');
    const total = plan.fixed.length + plan.unfixed.length;
    const where = files.length > 0 ? ` in ${files.length} ${files.length === 1 ? 'file' : 'files'}` : '';
    lines.push(total === 0 ? 'No error to fix.' : `Fixed ${plan.fixed.length} of ${total} ${total === 1 ? 'error' : 'errors'}${where}.`);
    for (const { finding, reason } of plan.unfixed)
        lines.push(`  not fixed: ${finding.rule}: ${findingSubject(finding).replace(/`/g, '')}: ${reason}`);
    return { text: `${lines.join('\n')}\n`, written: files.map(f => f.file), fixed: plan.fixed.length, unfixed: plan.unfixed.length };
}

;// CONCATENATED MODULE: ./src/cli/index.ts














/**
 * `rust-linkage-guard`, also installed as `cargo-linkage-guard` for `cargo linkage-guard`: exit 0 when the
 * check passes, 1 when findings fail it, 2 for usage or input errors, 3 when cargo or rustc could not be
 * run, failed, or took longer than `--timeout`.
 */
async function main(argv) {
    const { toolchain: requested, args } = splitCommandLine(argv);
    const options = parseCliArgs(args, {
        colorTerminal: terminalShowsColor(Boolean(process.stdout.isTTY), process.env),
        cargoTermColor: process.env.CARGO_TERM_COLOR
    });
    if (options.help) {
        process.stdout.write(HELP_TEXT.endsWith('\n') ? HELP_TEXT : `${HELP_TEXT}\n`);
        return 0;
    }
    if (options.version) {
        process.stdout.write(`rust-linkage-guard ${VERSION}\n`);
        return 0;
    }
    if (requested !== null && !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/u.test(requested)) {
        throw new errors_UserError(`\`+${requested}\` must name a rustup toolchain such as \`+stable\` or \`+1.95.0\``);
    }
    const cwd = process.cwd();
    const searchFrom = options.manifestPath === null ? cwd : external_node_path_default().dirname(external_node_path_default().resolve(cwd, options.manifestPath));
    if (options.fix && !options.allowDirty)
        await checkWorkingTree(searchFrom, process.env);
    const run = () => check({
        manifestPath: options.manifestPath,
        invocation: options.invocation,
        metadataFile: options.metadataFile,
        configOverrides: options.configOverrides,
        env: process.env,
        cwd,
        policy: { policy: options.policy, defaultPolicy: options.noPolicy ? null : 'search', searchFrom },
        rustToolchain: requested,
        toolchainDir: searchFrom,
        // A developer's own environment may install toolchains as rustup is configured to.
        installToolchain: true,
        trustRepositoryConfig: options.trustRepositoryConfig,
        timeoutMs: options.timeoutMs ?? undefined,
        failOn: options.failOn,
        baseline: options.baseline
    });
    const report = await run();
    if (options.fix) {
        const outcome = applyReportFixes(report);
        await writeStdout(outcome.text);
        // What the build does now, as analysed again from the edited files.
        const after = outcome.written.length > 0 ? await run() : report;
        await writeStdout(`${verdictLine(after)}\n`);
        return after.gate.verdict === 'fail' ? 1 : 0;
    }
    const text = render(report, options.format, options.color);
    if (options.output !== null)
        writeAtomically(options.output, text, '`--output`');
    else
        await writeStdout(text);
    return report.gate.verdict === 'fail' ? 1 : 0;
}
/** Writes chunk by chunk, waiting whenever the pipe is full. */
async function writeStdout(text) {
    for (const chunk of typeof text === 'string' ? [text] : text) {
        if (!process.stdout.write(chunk))
            await new Promise(resolve => process.stdout.once('drain', resolve));
    }
}
function render(report, format, color) {
    // Repository-relative paths for SARIF and annotations, taking the working directory as the repository root.
    const workspacePrefix = external_node_path_default().relative(process.cwd(), report.workspaceRoot).split((external_node_path_default()).sep).join('/');
    switch (format) {
        case 'json':
            return reportJson(report);
        case 'markdown':
            return renderSummary(report);
        case 'sarif':
            return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, workspacePrefix }), null, 2)}\n`;
        case 'github':
            return selectAnnotations(report, { workspacePrefix })
                .annotations.map(a => `${workflowCommand(a)}\n`)
                .join('');
        case 'text':
            return renderText(report, { color });
    }
}
const argv = process.argv.slice(2);
main(argv).then(code => {
    process.exitCode = code;
}, (error) => {
    const { message } = describeError(error);
    const paint = painter(decideErrorColor(colorFlagIn(argv), process.env, Boolean(process.stderr.isTTY)));
    process.stderr.write(`${paint('error', 'error')}: ${message}\n`);
    process.exitCode = error instanceof errors_UserError ? error.exitCode : 2;
});


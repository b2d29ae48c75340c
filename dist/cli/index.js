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
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors that end a run without a verdict. Findings are values, never exceptions: these are only for
 * "could not analyse". Each message is one line that names the file, field, flag or input at fault.
 */
/** Bad input from the user: a flag, an action input, a file we were pointed at. Exit code 2. */
class UserError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
/** The environment failed us: a command could not be started, failed, or took too long. Exit code 3. */
class CommandError extends UserError {
    command;
    args;
    stderr;
    exitCode = 3;
    constructor(message, command, args, stderr) {
        super(message);
        this.command = command;
        this.args = args;
        this.stderr = stderr;
        this.name = 'CommandError';
    }
}
/** Formats any thrown value as the single line shown to users; non-UserErrors are internal bugs. */
function describeError(error) {
    if (error instanceof UserError)
        return { message: oneLine(error.message), internal: false };
    const message = error instanceof Error ? error.message : String(error);
    return { message: `internal error: ${oneLine(message)} (please report this with the command line you used)`, internal: true };
}
/** Folds line breaks (e.g. from an excerpt of bad input) so an error is always one line. */
function oneLine(message) {
    return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
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
        const key = JSON.stringify([p.chain, p.how, p.file ?? null]);
        const group = groups.get(key);
        if (group)
            group.crates.push(p.crate);
        else
            groups.set(key, { chain: p.chain, how: p.how, ...(p.file === undefined ? {} : { file: p.file }), crates: [p.crate] });
    }
    return [...groups.values()];
}
/** "`host` → `plugin_audio` (dylib, contains `std` statically)", in markdown. */
function describeInclusion(g) {
    const chain = g.chain.map(c => `\`${c}\``).join(' → ');
    const crates = listCrates(g.crates);
    if (g.how === 'inside-dylib')
        return `${chain} (dylib, contains ${crates} statically)`;
    const file = g.file === undefined ? '' : ` as \`${g.file}\``;
    if (g.chain.length === 1)
        return `${chain} links ${crates} ${g.how === 'dynamic' ? `dynamically${file}` : 'statically (rlib)'}`;
    return `${chain} → ${crates} (${g.how === 'dynamic' ? `dylib, linked dynamically${file}` : 'rlib, linked statically'})`;
}
/** What the finding is about: "bin `host`", "dylib `plugin_a`", "test harness of lib `util`", or the workspace. */
function findingSubject(f) {
    if (f.target === undefined)
        return f.rule === 'unused-allow' ? 'policy' : 'workspace';
    const what = f.mode === 'test' ? `test harness of ${f.kind}` : f.kind === 'custom-build' ? 'build script' : f.crateType;
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
    const mode = a.mode === 'test' ? ' (test)' : '';
    const host = a.platform === 'host' && a.kind !== 'proc-macro' && a.kind !== 'custom-build' ? ' [host]' : '';
    return `${a.package}/${a.target} ${a.crateType}${mode}${host}`;
}
/** How `std` links into an artifact, in a word. */
function stdLinkage(a) {
    const std = a.linkage.find(l => l.crate === 'std');
    if (!std)
        return a.linkage.length === 0 ? '—' : 'not linked';
    return std.how === 'included-from-dylib' ? `inside ${std.via ?? 'a dylib'}` : std.how;
}
/** The plain-text report for terminals. */
function renderText(report) {
    const lines = [];
    const t = report.toolchain;
    lines.push(`${report.invocation.args.join(' ')}  (profile ${report.invocation.profile}, rustc ${t.release}, target ${t.target})`, '');
    for (const f of report.findings) {
        const standing = findingStanding(f);
        const tag = standing === 'allowed' ? ` (allowed: ${f.allowed.reason})` : standing === 'existing' ? ' (already in the baseline)' : standing === 'new' ? ' (new)' : '';
        lines.push(`${f.severity}[${f.rule}]${tag}: ${f.message}`);
        lines.push(`  --> ${f.file}:${f.line}`);
        for (const r of f.related ?? [])
            lines.push(`  ::: ${r.file}:${r.line} (${r.message.replace(/`/g, '')})`);
        for (const g of groupInclusion(f.inclusion ?? []))
            lines.push(`  = via: ${describeInclusion(g).replace(/`/g, '')}`);
        for (const fix of f.fixes)
            lines.push(`  = fix: ${fix}`);
        lines.push('');
    }
    const rows = report.artifacts.map(a => [artifactLabel(a), a.status, `std ${stdLinkage(a)}`, (a.runtimeLibraries ?? []).join(' ')]);
    if (rows.length > 0) {
        lines.push('Artifacts:');
        const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i].length)));
        for (const r of rows)
            lines.push(`  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ')}`.trimEnd());
        lines.push('');
    }
    for (const note of report.notes)
        lines.push(`note: ${note}`);
    lines.push(verdictLine(report));
    return `${lines.join('\n')}\n`;
}
/** Line breaks as spaces: text from a repository never starts a line of its own in markdown. */
function withoutLineBreaks(text) {
    return text.replace(/\r\n|[\r\n]/g, ' ');
}
/**
 * Escapes text for HTML and for markdown, which GitHub still parses inside inline HTML such as `<code>`:
 * `<`, `&`, quotes and `|` (table cells), and every character that opens markdown syntax (links and images
 * need `[`, code spans, emphasis, strikethrough, backslash escapes) become entities; line breaks become
 * spaces, so that no line can start a code fence, a heading or a table row. Parentheses stay: without `[`
 * they start nothing. The toolkit's summary does not escape at all.
 */
function escapeHtml(text) {
    return withoutLineBreaks(text).replace(/[&<>"'|[\]`*~\\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, c => `&#${c.codePointAt(0)};`);
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
 * backslash-escaped and `<`, `>`, `&` become entities. Line breaks become spaces.
 */
function plainMarkdown(text) {
    return mapCodeSpans(text, codeSpan, escapeMarkdown);
}
function codeSpan(content) {
    const text = withoutLineBreaks(content);
    const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length)) + 1);
    const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
    return `${fence}${padded}${fence}`;
}
const MARKDOWN_ENTITIES = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
function escapeMarkdown(text) {
    return withoutLineBreaks(text).replace(/[\\`*_[\]()~!|<>&#]/g, c => MARKDOWN_ENTITIES[c] ?? `\\${c}`);
}

;// CONCATENATED MODULE: ./src/report/annotations.ts




/** GitHub records at most this many annotations of each type per step; the rest only reach the log. */
const ANNOTATIONS_PER_TYPE = 10;
/** The runner truncates annotation messages to this many characters. */
const MAX_MESSAGE = 4096;
/**
 * The annotations to emit, best first, within GitHub's 10 per type: findings on lines the pull request
 * changed, then new before already-known ones, then by severity. Allowed findings are not annotated;
 * findings already in the baseline are notices. When some do not fit, a final notice says how many.
 */
function selectAnnotations(report, options) {
    const candidates = report.findings
        .filter(f => f.allowed === undefined)
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
    if (hidden > 0) {
        annotations.push({ level: 'notice', title: 'Rust Linkage Guard', message: `${plural(hidden, 'more finding')} in the job summary and the JSON report.` });
    }
    return { annotations, hidden };
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
    if (f.fixes.length > 0)
        parts.push(`Fix: ${f.fixes[0]}`);
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

;// CONCATENATED MODULE: ./src/rules/registry.ts
const RULES = [
    {
        id: 'duplicate-linkage',
        severity: 'error',
        title: 'A crate would be linked into one artifact twice ("only shows up once")',
        description: 'rustc links every crate into an artifact exactly once. When some upstream crate exists only as a Rust `dylib`, it links every crate that has a dylib dynamically, including `std` (`libstd-<hash>.so`). A `dylib` built without `-C prefer-dynamic` contains its own static copy of `std`, so linking it next to `libstd-<hash>.so` puts `std` in twice and rustc fails with "cannot satisfy dependencies so `std` only shows up once". Cargo passes `-C prefer-dynamic` to a dylib only when its package is not selected on the command line, so `cargo build -p app` links while `cargo build --workspace` fails. Two dylibs that both contain the same rlib cannot be linked together either.'
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
        id: 'runtime-dylib',
        severity: 'warning',
        title: 'An executable needs Rust shared libraries that will not be found outside cargo',
        description: 'An executable that links any Rust dylib (its own workspace dylibs, or `libstd-<hash>.so` under `-C prefer-dynamic`) records `NEEDED` entries without a run path. `cargo run` and `cargo test` set the library path, so it works there, but started directly, from an IDE, after `cargo install` or on another machine it fails with "error while loading shared libraries". The finding lists every file needed, transitively. With `rpath = true` the executable finds them in place and nothing is reported.'
    },
    {
        id: 'toolchain-unpinned',
        severity: 'warning',
        title: 'Rust-ABI dylibs are built, but no toolchain file pins an exact compiler',
        description: 'Rust has no stable ABI: a Rust `dylib` (and `libstd-<hash>.so`) only works with code built by the exact same compiler build and ABI-relevant flags. The workspace builds a Rust-ABI dynamic boundary (a `dylib` crate type, `-C prefer-dynamic`, or an artifact that links Rust crates dynamically), but no `rust-toolchain.toml` or `rust-toolchain` file pins an exact release (`1.95.0`) or a dated nightly (`nightly-2026-05-20`). A bare `stable`, `beta`, `nightly` or `1.95` floats: a dylib built yesterday and a host built today may come from different compilers, which fails with E0514 at build time or "undefined symbol" at run time.'
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
        title: 'panic = "abort" together with a Rust dynamic boundary or plugins',
        description: '`libstd-<hash>.so` and every Rust `dylib` are compiled with `panic = "unwind"`; an artifact built with `panic = "abort"` cannot link them (rustc\'s panic-strategy errors), and a host and its `cdylib` plugins built with different strategies disagree on what a panic at the boundary does: an unwinding panic reaching an `extern "C"` function aborts the process, and one plugin\'s panic is a foreign exception to another\'s `std`. Keep one panic strategy for everything that shares a dynamic boundary, and never let a panic cross it.'
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
        title: 'Plugins loaded at run time each carry their own std, allocator, statics and panic runtime',
        description: 'Every `cdylib` links its own copy of `std` and of every dependency: its own allocator (the system allocator by default), its own statics and thread-locals (a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s. Across a `dlopen` boundary only `#[repr(C)]` data and `extern "C"` functions are sound: do not pass `String`, `Vec`, `Box`, trait objects or references to Rust types, do not free on one side what the other allocated, and do not let panics unwind across. abi_stable and stabby check layouts when a library is loaded; with them the finding is informational.'
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
        title: 'A publishable library offers no rlib, forcing its users into dynamic linking',
        description: 'A package that can be published and whose `[lib]` declares only `dylib`, `cdylib` or `staticlib` (no `rlib` or `lib`) cannot be used as a normal Rust dependency: with `cdylib`/`staticlib` only, dependents cannot link it at all; with `dylib`, every downstream artifact links `std` dynamically, inherits panic-strategy conflicts and duplicate-linkage errors, and needs the shared library at run time. Add `"rlib"` to `crate-type`, or set `publish = false` for an internal plugin.'
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
/** The project page; rule help links are anchors of its README. */
const INFORMATION_URI = 'https://github.com/rust-linkage-guard/rust-linkage-guard';
function ruleInfo(id) {
    return RULES.find(r => r.id === id);
}
/** The README section documenting a rule. */
function ruleHelpUri(id) {
    return `${INFORMATION_URI}#${id}`;
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
            markdown: `${rule.description}\n\nSee [\`${rule.id}\` in the README](${helpUri}).`
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
    const text = [f.message, ...(f.fixes.length > 0 ? ['', ...f.fixes.map(x => `Fix: ${x}`)] : [])].join('\n');
    // Repository names inside the messages may hold markdown or HTML: escaped, with no HTML of our own.
    const markdown = [plainMarkdown(f.message)];
    if (f.fixes.length > 0)
        markdown.push('', '**Fix:**', '', ...f.fixes.map(x => `- ${plainMarkdown(x)}`));
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
 * Every string from the repository is HTML-escaped. Sections are added whole until the budget is reached,
 * so a truncated summary never ends inside a table or a `<details>` block.
 */
function renderSummary(report, options = {}) {
    const budget = options.budget ?? SUMMARY_BUDGET;
    const blocks = [header(report), ...findingBlocks(report), ...diagramBlocks(report), ...artifactBlocks(report), toolchainBlock(report), ...allowedBlocks(report), footer(report)];
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
function findingBlocks(report) {
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
        const title = info ? `: ${escapeHtml(info.title)}` : '';
        const link = info ? ` · <a href="${escapeHtml(ruleHelpUri(info.id))}">what this rule checks</a>` : '';
        blocks.push(`#### ${icon} <code>${escapeHtml(rule)}</code>${title}\n\n<sub>${plural(findings.length, 'finding')}${link}</sub>\n`);
        for (const f of findings)
            blocks.push(findingBlock(f));
    }
    return blocks;
}
function findingBlock(f) {
    const standing = findingStanding(f);
    const badge = standing === 'new' ? ' · 🆕 **new**' : standing === 'existing' ? ' · already in the baseline' : '';
    const where = [`<code>${escapeHtml(f.file)}:${f.line}</code>`, ...(f.related ?? []).map(r => `${md(r.message)} <code>${escapeHtml(r.file)}:${r.line}</code>`)].join(', ');
    const lines = [`**${md(findingSubject(f))}** · ${where}${badge}`, '', md(f.message), ''];
    const inclusion = f.inclusion ?? [];
    if (inclusion.length > 0) {
        lines.push('How it gets in:', '', ...groupInclusion(inclusion).map(g => `- ${md(describeInclusion(g))}`), '');
    }
    if (f.fixes.length > 0) {
        lines.push(`<details><summary>How to fix</summary>\n\n${f.fixes.map(x => `- ${md(x)}`).join('\n')}\n\n</details>`, '');
    }
    return lines.join('\n');
}
function diagramBlocks(report) {
    const failing = report.artifacts.filter(a => a.status === 'error' && a.linkage.length > 0);
    if (failing.length === 0)
        return [];
    const blocks = ['### Linkage of failing artifacts\n'];
    for (const [i, artifact] of failing.slice(0, MAX_DIAGRAMS).entries()) {
        const findings = report.findings.filter(f => sameArtifact(f, artifact));
        const of = artifact.package === artifact.target ? '' : ` of <code>${escapeHtml(artifact.package)}</code>`;
        const label = `${escapeHtml(artifact.crateType)} <code>${escapeHtml(artifact.target)}</code>${of}${artifact.mode === 'test' ? ' (test)' : ''}`;
        blocks.push(`<details${i === 0 ? ' open' : ''}><summary>${label}</summary>\n\n\`\`\`mermaid\n${linkageDiagram(artifact, findings)}\n\`\`\`\n\n</details>\n`);
    }
    if (failing.length > MAX_DIAGRAMS)
        blocks.push(`${failing.length - MAX_DIAGRAMS} more failing artifacts are in the JSON report.\n`);
    return blocks;
}
function sameArtifact(f, a) {
    return f.package === a.package && f.target === a.target && f.kind === a.kind && f.mode === a.mode && f.platform === a.platform && (f.crateType === a.crateType || a.mode === 'test');
}
const STATUS_ORDER = { error: 0, blocked: 1, ok: 2 };
function artifactBlocks(report) {
    if (report.artifacts.length === 0)
        return [];
    const sorted = [...report.artifacts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    const head = '| package | target | crate type | status | std | shared libraries at run time |\n|---|---|---|---|---|---|';
    const row = (a) => {
        const status = a.status === 'error' ? '❌ error' : a.status === 'blocked' ? '⛔ blocked' : '✅ ok';
        const cells = [
            a.package,
            `${a.target}${a.mode === 'test' ? ' (test)' : ''}${a.platform === 'host' ? ' (host)' : ''}`,
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
    const lines = ['### Toolchain', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''];
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
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/model/types.ts
/**
 * The vocabulary of the engine, in cargo's and rustc's own words.
 *
 * Raw `cargo metadata` JSON is parsed into these types once, at the boundary (src/metadata/parse.ts);
 * everything after that works on trusted values.
 */
const CRATE_TYPES = (/* unused pure expression or super */ null && (['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']));
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

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The command line of `rust-linkage-guard`: cargo's own package, target, feature and compilation flags,
 * spelled exactly as `cargo build --help` spells them, plus a few flags for the report.
 *
 * Parsing is pure: argv in, options out, or a one-line `UserError` naming the flag at fault.
 */


const PROGRAM = 'rust-linkage-guard';
const HELP_HINT = `run \`${PROGRAM} --help\``;
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'];
const FAIL_ON = ['error', 'warning', 'never'];
const COMMANDS = ['build', 'test'];
const COLOR_CHOICES = ['auto', 'always', 'never'];
/** Usage text for `--help`, grouped like cargo's own help. */
const HELP_TEXT = `Predict how each artifact of a Cargo workspace links, before anything is compiled.

Usage: ${PROGRAM} [+toolchain] [OPTIONS]

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

Feature Selection:
  -F, --features <FEATURES>  Space or comma separated list of features to activate
      --all-features         Activate all available features
      --no-default-features  Do not activate the \`default\` feature

Compilation Options:
  -r, --release                 Predict release-mode artifacts (same as --profile release)
      --profile <PROFILE-NAME>  Predict artifacts of the specified profile
      --target <TRIPLE>         Predict for the target triple (one per run)
      --no-run, --no-fail-fast, --keep-going
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
      --color <WHEN>     Coloring: auto, always or never [default: auto]

Gating:
      --fail-on <LEVEL>  Exit with 1 for findings at or above LEVEL: error, warning
                         or never [default: error]
      --policy <FILE>    Policy file [default: the nearest .github/rust-linkage.toml]
      --no-policy        Apply no policy file
      --baseline <FILE>  A JSON report from the base branch: its findings do not fail

Security:
      --trust-repository-config  Let cargo run what the repository's configuration names
                                 (wrappers, build.rustc, [env], a path toolchain)
      --timeout <SECONDS>        Stop a cargo or rustc call after SECONDS [default: 300]
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
                throw new UserError(`\`${spelled}\` given twice (\`${previous}\`, \`${triple}\`); ${PROGRAM} predicts one target per run`);
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
    { long: 'color', value: 'WHEN', apply: (d, v, spelled) => (d.colorChoice = oneOf(v, COLOR_CHOICES, `\`${spelled}\``)) },
    { long: 'policy', value: 'FILE', apply: (d, v, spelled) => (d.options.policy = requireNonEmpty(v, spelled)) },
    switchFlag('no-policy', d => (d.options.noPolicy = true)),
    switchFlag('trust-repository-config', d => (d.options.trustRepositoryConfig = true)),
    {
        long: 'timeout',
        value: 'SECONDS',
        apply: (d, v, spelled) => {
            if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 86_400)
                throw new UserError(`\`${spelled}\` must be a whole number of seconds from 1 to 86400, got \`${v}\``);
            d.options.timeoutMs = Number(v) * 1000;
        }
    },
    { long: 'baseline', value: 'FILE', apply: (d, v, spelled) => (d.options.baseline = requireNonEmpty(v, spelled)) },
    { long: 'fail-on', value: 'LEVEL', apply: (d, v, spelled) => (d.options.failOn = oneOf(v, FAIL_ON, `\`${spelled}\``)) },
    // A prediction never runs anything, so these only confirm what is analysed anyway.
    switchFlag('no-run', () => undefined),
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
    '-Z',
    '--doc'
]);
/**
 * Parses the command line (without the node and script paths).
 *
 * Follows cargo's conventions: `--flag value` and `--flag=value`; short flags may be clustered and take their
 * value attached (`-rp app`, `-papp`, `-p=app`); a value may not start with `-` unless attached with `=` (a lone `-` is a value);
 * every flag except the list-valued ones may be given once. Parsing stops at `-h`/`--help` or `-V`/`--version`,
 * as cargo's does.
 *
 * @throws UserError with a one-line message naming the flag at fault.
 */
function args_parseCliArgs(argv, env = { colorTerminal: false }) {
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
            timeoutMs: null
        },
        colorChoice: 'auto'
    };
    const seen = new Set();
    const order = [];
    /** Applies one flag; returns true when parsing must stop (help or version). */
    const handle = (spec, spelled, value) => {
        if (seen.has(spec) && spec.repeatable !== true) {
            throw new UserError(`\`${canonical(spec)}\` cannot be used more than once`);
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
            throw new UserError(`\`${spelled}\` requires a value: \`${spelled} <${spec.value ?? 'VALUE'}>\``);
        }
        i++;
        return next;
    };
    parsing: for (; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            const rest = argv[i + 1];
            if (rest !== undefined)
                throw new UserError(`unexpected argument \`${rest}\`; ${HELP_HINT}`);
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
                    throw new UserError(`\`${spelled}\` takes no value, got \`${arg}\``);
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
        throw new UserError(`unexpected argument \`${arg}\`; ${HELP_HINT}`);
    }
    const { options } = draft;
    if (!options.help && !options.version)
        checkCombinations(options.invocation, order);
    options.color = draft.colorChoice === 'always' || (draft.colorChoice === 'auto' && env.colorTerminal && options.output === null);
    return options;
}
/** Cross-flag rules cargo enforces, checked once every flag is known. */
function checkCombinations(invocation, order) {
    if (invocation.exclude.length > 0 && !invocation.workspace) {
        throw new UserError('`--exclude` can only be used together with `--workspace`');
    }
    // cargo 1.95 declares `--release` and `--profile` as conflicting arguments, so even `--release --profile release`
    // is refused before any profile is looked at.
    if (invocation.release && invocation.profile !== null) {
        const releaseFirst = order.findIndex(s => s.long === 'release') < order.findIndex(s => s.long === 'profile');
        const [first, second] = releaseFirst ? ['--release', '--profile'] : ['--profile', '--release'];
        throw new UserError(`\`${first}\` cannot be used with \`${second}\`; \`--release\` is the same as \`--profile release\``);
    }
    if (order.some(s => s.long === 'policy') && order.some(s => s.long === 'no-policy')) {
        throw new UserError('`--policy` cannot be used with `--no-policy`');
    }
}
function canonical(spec) {
    return `--${spec.long}`;
}
function unknownFlag(spelled) {
    if (CARGO_ONLY_FLAGS.has(spelled)) {
        return new UserError(`cargo's \`${spelled}\` is not supported by ${PROGRAM}; remove it`);
    }
    const suggestion = spelled.startsWith('--') ? closestLongFlag(spelled.slice(2)) : undefined;
    const hint = suggestion === undefined ? '' : ` (did you mean \`--${suggestion}\`?)`;
    return new UserError(`unknown flag \`${spelled}\`${hint}; ${HELP_HINT}`);
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
        throw new UserError(`\`${spelled}\` must not be empty`);
    return value;
}
function pushUnique(list, item) {
    if (!list.includes(item))
        list.push(item);
}
function oneOf(value, allowed, what) {
    const found = allowed.find(a => a === value);
    if (found === undefined)
        throw new UserError(`${what} must be one of ${allowed.join(', ')}, got \`${value}\``);
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
        throw new UserError(`\`${spelled}\` takes one package per flag, got \`${spec}\`; write \`${rewrite}\``);
    }
    return spec;
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
        throw new UserError(`${what} must not be empty`);
    const bad = Array.from(name).find(ch => !/^[\p{Alphabetic}\p{N}_-]$/u.test(ch));
    if (bad !== undefined) {
        throw new UserError(`${what}: invalid character \`${bad}\` in profile name \`${name}\`; allowed characters are letters, numbers, underscore, and hyphen`);
    }
    if (name === 'doc')
        throw new UserError(`${what}: profile \`doc\` is reserved and not allowed to be explicitly specified`);
    const lower = name.toLowerCase();
    if (lower === 'debug') {
        throw new UserError(`${what}: profile name \`${name}\` is reserved; the default development profile is \`dev\``);
    }
    if (RESERVED_PROFILE_NAMES.has(lower) || lower.startsWith('cargo')) {
        throw new UserError(`${what}: profile name \`${name}\` is reserved; please choose a different name`);
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

;// CONCATENATED MODULE: ./node_modules/toml-eslint-parser/lib/chunk-15K8U1wQ.mjs
//#region rolldown:runtime
var __defProp = Object.defineProperty;
var __exportAll = (all, symbols) => {
	let target = {};
	for (var name in all) {
		__defProp(target, name, {
			get: all[name],
			enumerable: true
		});
	}
	if (symbols) {
		__defProp(target, Symbol.toStringTag, { value: "Module" });
	}
	return target;
};

//#endregion

;// CONCATENATED MODULE: ./node_modules/eslint-visitor-keys/lib/visitor-keys.js
/* eslint-disable jsdoc/valid-types -- doesn't allow `readonly`.
   TODO: remove eslint-disable when https://github.com/jsdoc-type-pratt-parser/jsdoc-type-pratt-parser/issues/164 is fixed
*/
/**
 * @typedef {{ readonly [type: string]: ReadonlyArray<string> }} VisitorKeys
 */
/* eslint-enable jsdoc/valid-types -- doesn't allow `readonly string[]`. TODO: check why */

/**
 * @type {VisitorKeys}
 */
const KEYS = {
	ArrayExpression: ["elements"],
	ArrayPattern: ["elements"],
	ArrowFunctionExpression: ["params", "body"],
	AssignmentExpression: ["left", "right"],
	AssignmentPattern: ["left", "right"],
	AwaitExpression: ["argument"],
	BinaryExpression: ["left", "right"],
	BlockStatement: ["body"],
	BreakStatement: ["label"],
	CallExpression: ["callee", "arguments"],
	CatchClause: ["param", "body"],
	ChainExpression: ["expression"],
	ClassBody: ["body"],
	ClassDeclaration: ["id", "superClass", "body"],
	ClassExpression: ["id", "superClass", "body"],
	ConditionalExpression: ["test", "consequent", "alternate"],
	ContinueStatement: ["label"],
	DebuggerStatement: [],
	DoWhileStatement: ["body", "test"],
	EmptyStatement: [],
	ExperimentalRestProperty: ["argument"],
	ExperimentalSpreadProperty: ["argument"],
	ExportAllDeclaration: ["exported", "source", "attributes"],
	ExportDefaultDeclaration: ["declaration"],
	ExportNamedDeclaration: [
		"declaration",
		"specifiers",
		"source",
		"attributes",
	],
	ExportSpecifier: ["local", "exported"],
	ExpressionStatement: ["expression"],
	ForInStatement: ["left", "right", "body"],
	ForOfStatement: ["left", "right", "body"],
	ForStatement: ["init", "test", "update", "body"],
	FunctionDeclaration: ["id", "params", "body"],
	FunctionExpression: ["id", "params", "body"],
	Identifier: [],
	IfStatement: ["test", "consequent", "alternate"],
	ImportAttribute: ["key", "value"],
	ImportDeclaration: ["specifiers", "source", "attributes"],
	ImportDefaultSpecifier: ["local"],
	ImportExpression: ["source", "options"],
	ImportNamespaceSpecifier: ["local"],
	ImportSpecifier: ["imported", "local"],
	JSXAttribute: ["name", "value"],
	JSXClosingElement: ["name"],
	JSXClosingFragment: [],
	JSXElement: ["openingElement", "children", "closingElement"],
	JSXEmptyExpression: [],
	JSXExpressionContainer: ["expression"],
	JSXFragment: ["openingFragment", "children", "closingFragment"],
	JSXIdentifier: [],
	JSXMemberExpression: ["object", "property"],
	JSXNamespacedName: ["namespace", "name"],
	JSXOpeningElement: ["name", "attributes"],
	JSXOpeningFragment: [],
	JSXSpreadAttribute: ["argument"],
	JSXSpreadChild: ["expression"],
	JSXText: [],
	LabeledStatement: ["label", "body"],
	Literal: [],
	LogicalExpression: ["left", "right"],
	MemberExpression: ["object", "property"],
	MetaProperty: ["meta", "property"],
	MethodDefinition: ["key", "value"],
	NewExpression: ["callee", "arguments"],
	ObjectExpression: ["properties"],
	ObjectPattern: ["properties"],
	PrivateIdentifier: [],
	Program: ["body"],
	Property: ["key", "value"],
	PropertyDefinition: ["key", "value"],
	RestElement: ["argument"],
	ReturnStatement: ["argument"],
	SequenceExpression: ["expressions"],
	SpreadElement: ["argument"],
	StaticBlock: ["body"],
	Super: [],
	SwitchCase: ["test", "consequent"],
	SwitchStatement: ["discriminant", "cases"],
	TaggedTemplateExpression: ["tag", "quasi"],
	TemplateElement: [],
	TemplateLiteral: ["quasis", "expressions"],
	ThisExpression: [],
	ThrowStatement: ["argument"],
	TryStatement: ["block", "handler", "finalizer"],
	UnaryExpression: ["argument"],
	UpdateExpression: ["argument"],
	VariableDeclaration: ["declarations"],
	VariableDeclarator: ["id", "init"],
	WhileStatement: ["test", "body"],
	WithStatement: ["object", "body"],
	YieldExpression: ["argument"],
};

// Types.
const NODE_TYPES = Object.keys(KEYS);

// Freeze the keys.
for (const type of NODE_TYPES) {
	Object.freeze(KEYS[type]);
}
Object.freeze(KEYS);

/* harmony default export */ const visitor_keys = (KEYS);

;// CONCATENATED MODULE: ./node_modules/eslint-visitor-keys/lib/index.js
/**
 * @author Toru Nagashima <https://github.com/mysticatea>
 * See LICENSE file in root directory for full license.
 */


/**
 * @typedef {import('./visitor-keys.js').VisitorKeys} VisitorKeys
 */

// List to ignore keys.
const KEY_BLACKLIST = new Set([
	"parent",
	"leadingComments",
	"trailingComments",
]);

/**
 * Check whether a given key should be used or not.
 * @param {string} key The key to check.
 * @returns {boolean} `true` if the key should be used.
 */
function filterKey(key) {
	return !KEY_BLACKLIST.has(key) && key[0] !== "_";
}

/* eslint-disable jsdoc/valid-types -- doesn't allow `readonly`.
   TODO: remove eslint-disable when https://github.com/jsdoc-type-pratt-parser/jsdoc-type-pratt-parser/issues/164 is fixed
*/
/**
 * Get visitor keys of a given node.
 * @param {Object} node The AST node to get keys.
 * @returns {readonly string[]} Visitor keys of the node.
 */
function getKeys(node) {
	return Object.keys(node).filter(filterKey);
}
/* eslint-enable jsdoc/valid-types -- doesn't allow `readonly` */

/**
 * Make the union set with `KEYS` and given keys.
 * @param {VisitorKeys} additionalKeys The additional keys.
 * @returns {VisitorKeys} The union set.
 */
function unionWith(additionalKeys) {
	const retv =
		/** @type {{ [type: string]: ReadonlyArray<string> }} */
		(Object.assign({}, visitor_keys));

	for (const type of Object.keys(additionalKeys)) {
		if (Object.hasOwn(retv, type)) {
			const keys = new Set(additionalKeys[type]);

			for (const key of retv[type]) {
				keys.add(key);
			}

			retv[type] = Object.freeze(Array.from(keys));
		} else {
			retv[type] = Object.freeze(Array.from(additionalKeys[type]));
		}
	}

	return Object.freeze(retv);
}



;// CONCATENATED MODULE: ./node_modules/toml-eslint-parser/lib/index.mjs



//#region src/internal-utils/index.ts
/**
* Get the last element from given array
*/
function last(arr) {
	return arr[arr.length - 1] ?? null;
}
/**
* Node to key name
*/
function toKeyName(node) {
	return node.type === "TOMLBare" ? node.name : node.value;
}

//#endregion
//#region src/parser-options.ts
var TOMLVerImpl = class {
	constructor(major, minor) {
		this.major = major;
		this.minor = minor;
	}
	lt(major, minor) {
		return this.major < major || this.major === major && this.minor < minor;
	}
	gte(major, minor) {
		return this.major > major || this.major === major && this.minor >= minor;
	}
};
const TOML_VERSION_1_0 = new TOMLVerImpl(1, 0);
const TOML_VERSION_1_1 = new TOMLVerImpl(1, 1);
const DEFAULT_TOML_VERSION = TOML_VERSION_1_1;
const SUPPORTED_TOML_VERSIONS = {
	"1.0": TOML_VERSION_1_0,
	"1.0.0": TOML_VERSION_1_0,
	"1.1": TOML_VERSION_1_1,
	"1.1.0": TOML_VERSION_1_1,
	latest: TOML_VERSION_1_1,
	next: TOML_VERSION_1_1
};
/**
* Get TOML version object from given TOML version string.
*/
function getTOMLVer(v) {
	return v && SUPPORTED_TOML_VERSIONS[v] || DEFAULT_TOML_VERSION;
}

//#endregion
//#region src/errors.ts
const MESSAGES = {
	"unterminated-string": "Unterminated string constant",
	"unterminated-table-key": "Unterminated table-key",
	"unterminated-array": "Unterminated array",
	"unterminated-inline-table": "Unterminated inline table",
	"missing-key": "Empty bare keys are not allowed",
	"missing-newline": "Must be a newline",
	"missing-equals-sign": "Expected equal (=) token",
	"missing-value": "Unspecified values are invalid",
	"missing-comma": "Expected comma (,) token",
	"dupe-keys": "Defining a key multiple times is invalid",
	"unexpected-char": "Unexpected character",
	"unexpected-token": "Unexpected token",
	"invalid-control-character": "Control characters (codes < 0x1f and 0x7f) are not allowed",
	"invalid-comment-character": "Invalid code point {{cp}} within comments",
	"invalid-key-value-newline": "The key, equals sign, and value must be on the same line",
	"invalid-inline-table-newline": "No newlines are allowed between the curly braces unless they are valid within a value",
	"invalid-underscore": "Underscores are allowed between digits",
	"invalid-space": "Unexpected spaces",
	"invalid-three-quotes": "Three or more quotes are not permitted",
	"invalid-date": "Unexpected invalid date",
	"invalid-time": "Unexpected invalid time",
	"invalid-leading-zero": "Leading zeros are not allowed",
	"invalid-trailing-comma-in-inline-table": "Trailing comma is not permitted in an inline table",
	"invalid-char-in-escape-sequence": "Invalid character in escape sequence",
	"invalid-consecutive-dots-in-key": "Consecutive dots are not permitted in keys",
	"invalid-code-point": "Invalid code point {{cp}}",
	"invalid-trailing-dot-in-key": "Keys cannot end with a dot",
	"invalid-leading-dot-in-key": "Keys cannot start with a dot"
};
/**
* Get message from error code
*/
function getMessage(code, data) {
	if (data) return MESSAGES[code].replace(/\{\{(.*?)\}\}/gu, (_, name$2) => {
		if (name$2 in data) return data[name$2];
		return `{{${name$2}}}`;
	});
	return MESSAGES[code];
}
/**
* TOML parse errors.
*/
var ParseError = class extends SyntaxError {
	/**
	* Initialize this ParseError instance.
	*
	*/
	constructor(code, offset, line, column, data) {
		super(getMessage(code, data));
		this.index = offset;
		this.lineNumber = line;
		this.column = column;
	}
};

//#endregion
//#region src/tokenizer/code-point.ts
const CodePoint = {
	EOF: -1,
	NULL: 0,
	SOH: 1,
	BACKSPACE: 8,
	TABULATION: 9,
	LINE_FEED: 10,
	FORM_FEED: 12,
	CARRIAGE_RETURN: 13,
	ESCAPE: 27,
	SO: 14,
	US: 31,
	SPACE: 32,
	QUOTATION_MARK: 34,
	HASH: 35,
	SINGLE_QUOTE: 39,
	PLUS_SIGN: 43,
	COMMA: 44,
	DASH: 45,
	DOT: 46,
	DIGIT_0: 48,
	DIGIT_1: 49,
	DIGIT_2: 50,
	DIGIT_3: 51,
	DIGIT_7: 55,
	DIGIT_9: 57,
	COLON: 58,
	EQUALS_SIGN: 61,
	LATIN_CAPITAL_A: 65,
	LATIN_CAPITAL_E: 69,
	LATIN_CAPITAL_F: 70,
	LATIN_CAPITAL_T: 84,
	LATIN_CAPITAL_U: 85,
	LATIN_CAPITAL_Z: 90,
	LEFT_BRACKET: 91,
	BACKSLASH: 92,
	RIGHT_BRACKET: 93,
	UNDERSCORE: 95,
	LATIN_SMALL_A: 97,
	LATIN_SMALL_B: 98,
	LATIN_SMALL_E: 101,
	LATIN_SMALL_F: 102,
	LATIN_SMALL_I: 105,
	LATIN_SMALL_L: 108,
	LATIN_SMALL_N: 110,
	LATIN_SMALL_O: 111,
	LATIN_SMALL_R: 114,
	LATIN_SMALL_S: 115,
	LATIN_SMALL_T: 116,
	LATIN_SMALL_U: 117,
	LATIN_SMALL_X: 120,
	LATIN_SMALL_Z: 122,
	LEFT_BRACE: 123,
	RIGHT_BRACE: 125,
	TILDE: 126,
	DELETE: 127,
	PAD: 128,
	SUPERSCRIPT_TWO: 178,
	SUPERSCRIPT_THREE: 179,
	SUPERSCRIPT_ONE: 185,
	VULGAR_FRACTION_ONE_QUARTER: 188,
	VULGAR_FRACTION_THREE_QUARTERS: 190,
	LATIN_CAPITAL_LETTER_A_WITH_GRAVE: 192,
	LATIN_CAPITAL_LETTER_O_WITH_DIAERESIS: 214,
	LATIN_CAPITAL_LETTER_O_WITH_STROKE: 216,
	LATIN_SMALL_LETTER_O_WITH_DIAERESIS: 246,
	LATIN_SMALL_LETTER_O_WITH_STROKE: 248,
	GREEK_SMALL_REVERSED_DOTTED_LUNATE_SIGMA_SYMBOL: 891,
	GREEK_CAPITAL_LETTER_YOT: 895,
	CP_1FFF: 8191,
	ZERO_WIDTH_NON_JOINER: 8204,
	ZERO_WIDTH_JOINER: 8205,
	UNDERTIE: 8255,
	CHARACTER_TIE: 8256,
	SUPERSCRIPT_ZERO: 8304,
	CP_218F: 8591,
	CIRCLED_DIGIT_ONE: 9312,
	NEGATIVE_CIRCLED_DIGIT_ZERO: 9471,
	GLAGOLITIC_CAPITAL_LETTER_AZU: 11264,
	CP_2FEF: 12271,
	IDEOGRAPHIC_COMMA: 12289,
	CP_D7FF: 55295,
	CP_E000: 57344,
	CJK_COMPATIBILITY_IDEOGRAPH_F900: 63744,
	ARABIC_LIGATURE_SALAAMUHU_ALAYNAA: 64975,
	ARABIC_LIGATURE_SALLA_USED_AS_KORANIC_STOP_SIGN_ISOLATED_FORM: 65008,
	REPLACEMENT_CHARACTER: 65533,
	LINEAR_B_SYLLABLE_B008_A: 65536,
	CP_EFFFF: 983039,
	CP_10FFFF: 1114111
};
/**
* Check whether the code point is a control character.
*/
function isControl(cp) {
	return cp >= CodePoint.NULL && cp <= CodePoint.US;
}
/**
* Check whether the code point is a whitespace.
*/
function isWhitespace(cp) {
	return cp === CodePoint.TABULATION || cp === CodePoint.SPACE;
}
/**
* Check whether the code point is a end of line.
*/
function isEOL(cp) {
	return cp === CodePoint.LINE_FEED || cp === CodePoint.CARRIAGE_RETURN;
}
/**
* Check whether the code point is an uppercase letter character.
*/
function isUpperLetter(cp) {
	return cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_Z;
}
/**
* Check whether the code point is a lowercase letter character.
*/
function isLowerLetter(cp) {
	return cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_Z;
}
/**
* Check whether the code point is a letter character.
*/
function isLetter(cp) {
	return isLowerLetter(cp) || isUpperLetter(cp);
}
/**
* Check whether the code point is a digit character.
*/
function isDigit(cp) {
	return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_9;
}
/**
* Check whether the code point is a hex digit character.
*/
function isHexDig(cp) {
	return isDigit(cp) || cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_F || cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_F;
}
/**
* Check whether the code point is a octal digit character.
*/
function isOctalDig(cp) {
	return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_7;
}
/**
* Check whether the code point is valid code point.
*
* see
* - https://unicode.org/glossary/#unicode_scalar_value
* - https://toml.io/en/v1.0.0#string
*/
function isUnicodeScalarValue(cp) {
	return cp >= 0 && cp <= 55295 || cp >= 57344 && cp <= 1114111;
}

//#endregion
//#region src/tokenizer/locs.ts
/**
* Find the last index of the array that is less than or equal to the value.
*/
function sortedLastIndex(array, value) {
	let low = 0;
	let high = array.length;
	while (low < high) {
		const mid = low + high >>> 1;
		const val = array[mid];
		if (val === value) return mid + 1;
		if (val < value) low = mid + 1;
		else high = mid;
	}
	return low;
}
/**
* A class for getting lines and columns location.
*/
var Locations = class {
	constructor() {
		this.offsets = [];
	}
	addOffset(offset) {
		for (let i = this.offsets.length - 1; i >= 0; i--) {
			const element = this.offsets[i];
			if (element === offset) return;
			if (element < offset) break;
		}
		this.offsets.push(offset);
	}
	/**
	* Calculate the location of the given index.
	* @param index The index to calculate their location.
	* @returns The location of the index.
	*/
	getLocFromIndex(offset) {
		const line = sortedLastIndex(this.offsets, offset) + 1;
		return {
			line,
			column: offset - (line === 1 ? 0 : this.offsets[line - 2])
		};
	}
};

//#endregion
//#region src/tokenizer/code-point-iterator.ts
var CodePointIterator = class {
	/**
	* Initialize this char iterator.
	*/
	constructor(text) {
		this.locs = new Locations();
		this.lastCodePoint = CodePoint.NULL;
		this.start = -1;
		this.end = 0;
		this.text = text;
	}
	next() {
		if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
		return this.lastCodePoint = this.moveAt(this.end);
	}
	getLocFromIndex(index) {
		return this.locs.getLocFromIndex(index);
	}
	eat(cp) {
		if (this.text.codePointAt(this.end) === cp) {
			this.next();
			return true;
		}
		return false;
	}
	moveAt(offset) {
		this.start = this.end = offset;
		const cp = this.text.codePointAt(this.start) ?? CodePoint.EOF;
		if (cp === CodePoint.EOF) {
			this.end = this.start;
			return cp;
		}
		this.end += cp >= 65536 ? 2 : 1;
		if (cp === CodePoint.LINE_FEED) this.locs.addOffset(this.end);
		else if (cp === CodePoint.CARRIAGE_RETURN) {
			if (this.text.codePointAt(this.end) === CodePoint.LINE_FEED) {
				this.end++;
				this.locs.addOffset(this.end);
			}
			return CodePoint.LINE_FEED;
		}
		return cp;
	}
};

//#endregion
//#region src/tokenizer/tokenizer.ts
const HAS_BIGINT = typeof BigInt !== "undefined";
const RADIX_PREFIXES = {
	16: "0x",
	10: "",
	8: "0o",
	2: "0b"
};
const ESCAPES_1_0 = {
	[CodePoint.QUOTATION_MARK]: CodePoint.QUOTATION_MARK,
	[CodePoint.BACKSLASH]: CodePoint.BACKSLASH,
	[CodePoint.LATIN_SMALL_B]: CodePoint.BACKSPACE,
	[CodePoint.LATIN_SMALL_F]: CodePoint.FORM_FEED,
	[CodePoint.LATIN_SMALL_N]: CodePoint.LINE_FEED,
	[CodePoint.LATIN_SMALL_R]: CodePoint.CARRIAGE_RETURN,
	[CodePoint.LATIN_SMALL_T]: CodePoint.TABULATION
};
const ESCAPES_LATEST = {
	...ESCAPES_1_0,
	[CodePoint.LATIN_SMALL_E]: CodePoint.ESCAPE
};
/**
* Tokenizer for TOML.
*/
var Tokenizer = class {
	/**
	* Initialize this tokenizer.
	*/
	constructor(text, parserOptions) {
		this.backCode = false;
		this.lastCodePoint = CodePoint.NULL;
		this.state = "DATA";
		this.token = null;
		this.tokenStart = -1;
		this.valuesEnabled = false;
		this.text = text;
		this.parserOptions = parserOptions || {};
		this.codePointIterator = new CodePointIterator(text);
		this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
		this.ESCAPES = this.tomlVersion.gte(1, 1) ? ESCAPES_LATEST : ESCAPES_1_0;
	}
	get start() {
		return this.codePointIterator.start;
	}
	get end() {
		return this.codePointIterator.end;
	}
	getLocFromIndex(index) {
		return this.codePointIterator.getLocFromIndex(index);
	}
	/**
	* Report an invalid character error.
	*/
	reportParseError(code, data) {
		const offset = this.codePointIterator.start;
		const loc = this.codePointIterator.getLocFromIndex(offset);
		throw new ParseError(code, offset, loc.line, loc.column, data);
	}
	/**
	* Get the next token.
	*/
	nextToken() {
		let token = this.token;
		if (token != null) {
			this.token = null;
			return token;
		}
		let cp = this.lastCodePoint;
		while (cp !== CodePoint.EOF && !this.token) {
			cp = this.nextCode();
			const nextState = this[this.state](cp);
			if (!nextState) throw new Error(`Unknown error: pre state=${this.state}`);
			this.state = nextState;
		}
		token = this.token;
		this.token = null;
		return token;
	}
	/**
	* Get the next code point.
	*/
	nextCode() {
		if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
		if (this.backCode) {
			this.backCode = false;
			return this.lastCodePoint;
		}
		return this.lastCodePoint = this.codePointIterator.next();
	}
	/**
	* Eat the next code point.
	*/
	eatCode(cp) {
		if (this.lastCodePoint === CodePoint.EOF) return false;
		if (this.backCode) {
			if (this.lastCodePoint === cp) {
				this.backCode = false;
				return true;
			}
			return false;
		}
		return this.codePointIterator.eat(cp);
	}
	/**
	* Moves the character position to the given position.
	*/
	moveAt(loc) {
		if (this.backCode) this.backCode = false;
		this.lastCodePoint = this.codePointIterator.moveAt(loc);
	}
	/**
	* Back the current code point as the given state.
	*/
	back(state) {
		this.backCode = true;
		return state;
	}
	punctuatorToken() {
		this.startToken();
		this.endToken("Punctuator", "end");
	}
	startToken() {
		this.tokenStart = this.codePointIterator.start;
	}
	/**
	* Commit the current token.
	*/
	endToken(type, pos, option1, option2) {
		const { tokenStart } = this;
		const end = this.codePointIterator[pos];
		const range = [tokenStart, end];
		const loc = {
			start: this.codePointIterator.getLocFromIndex(tokenStart),
			end: this.codePointIterator.getLocFromIndex(end)
		};
		if (type === "Block") this.token = {
			type,
			value: this.text.slice(tokenStart + 1, end),
			range,
			loc
		};
		else {
			let token;
			const value = this.text.slice(tokenStart, end);
			if (type === "BasicString" || type === "LiteralString" || type === "MultiLineBasicString" || type === "MultiLineLiteralString") token = {
				type,
				value,
				string: option1,
				range,
				loc
			};
			else if (type === "Integer") {
				const text = option1;
				token = {
					type,
					value,
					number: parseInt(text, option2),
					bigint: HAS_BIGINT ? BigInt(RADIX_PREFIXES[option2] + text) : null,
					range,
					loc
				};
			} else if (type === "Float") token = {
				type,
				value,
				number: option1,
				range,
				loc
			};
			else if (type === "Boolean") token = {
				type,
				value,
				boolean: option1,
				range,
				loc
			};
			else if (type === "LocalDate" || type === "LocalTime" || type === "LocalDateTime" || type === "OffsetDateTime") token = {
				type,
				value,
				date: option1,
				range,
				loc
			};
			else token = {
				type,
				value,
				range,
				loc
			};
			this.token = token;
		}
	}
	DATA(cp) {
		while (isWhitespace(cp) || isEOL(cp)) cp = this.nextCode();
		if (cp === CodePoint.HASH) {
			this.startToken();
			return "COMMENT";
		}
		if (cp === CodePoint.QUOTATION_MARK) {
			this.startToken();
			return "BASIC_STRING";
		}
		if (cp === CodePoint.SINGLE_QUOTE) {
			this.startToken();
			return "LITERAL_STRING";
		}
		if (cp === CodePoint.DOT || cp === CodePoint.EQUALS_SIGN || cp === CodePoint.LEFT_BRACKET || cp === CodePoint.RIGHT_BRACKET || cp === CodePoint.LEFT_BRACE || cp === CodePoint.RIGHT_BRACE || cp === CodePoint.COMMA) {
			this.punctuatorToken();
			return "DATA";
		}
		if (this.valuesEnabled) {
			if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
				this.startToken();
				return "SIGN";
			}
			if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) {
				this.startToken();
				return this.back("NAN_OR_INF");
			}
			if (isDigit(cp)) {
				this.startToken();
				return this.back("NUMBER");
			}
			if (cp === CodePoint.LATIN_SMALL_T || cp === CodePoint.LATIN_SMALL_F) {
				this.startToken();
				return this.back("BOOLEAN");
			}
		} else if (isUnquotedKeyChar(cp, this.tomlVersion)) {
			this.startToken();
			return "BARE";
		}
		if (cp === CodePoint.EOF) return "DATA";
		return this.reportParseError("unexpected-char");
	}
	COMMENT(cp) {
		const processCommentChar = this.tomlVersion.gte(1, 1) ? (c) => {
			if (!isNonEOL(c)) this.reportParseError("invalid-comment-character", { cp: JSON.stringify(String.fromCodePoint(c)).slice(1, -1) });
		} : (c) => {
			if (isControlOtherThanTab(c)) this.reportParseErrorControlChar();
		};
		while (!isEOL(cp) && cp !== CodePoint.EOF) {
			processCommentChar(cp);
			cp = this.nextCode();
		}
		this.endToken("Block", "start");
		return "DATA";
	}
	BARE(cp) {
		while (isUnquotedKeyChar(cp, this.tomlVersion)) cp = this.nextCode();
		this.endToken("Bare", "start");
		return this.back("DATA");
	}
	BASIC_STRING(cp) {
		if (cp === CodePoint.QUOTATION_MARK) {
			cp = this.nextCode();
			if (cp === CodePoint.QUOTATION_MARK) return "MULTI_LINE_BASIC_STRING";
			this.endToken("BasicString", "start", "");
			return this.back("DATA");
		}
		const out = [];
		while (cp !== CodePoint.QUOTATION_MARK && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
			if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.BACKSLASH) {
				cp = this.nextCode();
				const ecp = this.ESCAPES[cp];
				if (ecp) {
					out.push(ecp);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_U) {
					const code = this.parseUnicode(4);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_CAPITAL_U) {
					const code = this.parseUnicode(8);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
					const code = this.parseUnicode(2);
					out.push(code);
					cp = this.nextCode();
					continue;
				}
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			out.push(cp);
			cp = this.nextCode();
		}
		if (cp !== CodePoint.QUOTATION_MARK) return this.reportParseError("unterminated-string");
		this.endToken("BasicString", "end", String.fromCodePoint(...out));
		return "DATA";
	}
	MULTI_LINE_BASIC_STRING(cp) {
		const out = [];
		if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
		while (cp !== CodePoint.EOF) {
			if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.QUOTATION_MARK) {
				const startPos = this.codePointIterator.start;
				if (this.eatCode(CodePoint.QUOTATION_MARK) && this.eatCode(CodePoint.QUOTATION_MARK)) {
					if (this.eatCode(CodePoint.QUOTATION_MARK)) {
						out.push(CodePoint.QUOTATION_MARK);
						if (this.eatCode(CodePoint.QUOTATION_MARK)) {
							out.push(CodePoint.QUOTATION_MARK);
							if (this.eatCode(CodePoint.QUOTATION_MARK)) {
								this.moveAt(startPos);
								return this.reportParseError("invalid-three-quotes");
							}
						}
					}
					this.endToken("MultiLineBasicString", "end", String.fromCodePoint(...out));
					return "DATA";
				}
				this.moveAt(startPos);
			}
			if (cp === CodePoint.BACKSLASH) {
				cp = this.nextCode();
				const ecp = this.ESCAPES[cp];
				if (ecp) {
					out.push(ecp);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_U) {
					const code = this.parseUnicode(4);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_CAPITAL_U) {
					const code = this.parseUnicode(8);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
					const code = this.parseUnicode(2);
					out.push(code);
					cp = this.nextCode();
					continue;
				} else if (cp === CodePoint.LINE_FEED) {
					cp = this.nextCode();
					while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
					continue;
				} else if (isWhitespace(cp)) {
					let valid = true;
					const startPos = this.codePointIterator.start;
					let nextCp;
					while ((nextCp = this.nextCode()) !== CodePoint.EOF) {
						if (nextCp === CodePoint.LINE_FEED) break;
						if (!isWhitespace(nextCp)) {
							this.moveAt(startPos);
							valid = false;
							break;
						}
					}
					if (valid) {
						cp = this.nextCode();
						while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
						continue;
					}
				}
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			out.push(cp);
			cp = this.nextCode();
		}
		return this.reportParseError("unterminated-string");
	}
	LITERAL_STRING(cp) {
		if (cp === CodePoint.SINGLE_QUOTE) {
			cp = this.nextCode();
			if (cp === CodePoint.SINGLE_QUOTE) return "MULTI_LINE_LITERAL_STRING";
			this.endToken("LiteralString", "start", "");
			return this.back("DATA");
		}
		const out = [];
		while (cp !== CodePoint.SINGLE_QUOTE && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
			if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			out.push(cp);
			cp = this.nextCode();
		}
		if (cp !== CodePoint.SINGLE_QUOTE) return this.reportParseError("unterminated-string");
		this.endToken("LiteralString", "end", String.fromCodePoint(...out));
		return "DATA";
	}
	MULTI_LINE_LITERAL_STRING(cp) {
		const out = [];
		if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
		while (cp !== CodePoint.EOF) {
			if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
			if (cp === CodePoint.SINGLE_QUOTE) {
				const startPos = this.codePointIterator.start;
				if (this.eatCode(CodePoint.SINGLE_QUOTE) && this.eatCode(CodePoint.SINGLE_QUOTE)) {
					if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
						out.push(CodePoint.SINGLE_QUOTE);
						if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
							out.push(CodePoint.SINGLE_QUOTE);
							if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
								this.moveAt(startPos);
								return this.reportParseError("invalid-three-quotes");
							}
						}
					}
					this.endToken("MultiLineLiteralString", "end", String.fromCodePoint(...out));
					return "DATA";
				}
				this.moveAt(startPos);
			}
			out.push(cp);
			cp = this.nextCode();
		}
		return this.reportParseError("unterminated-string");
	}
	SIGN(cp) {
		if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) return this.back("NAN_OR_INF");
		if (isDigit(cp)) return this.back("NUMBER");
		return this.reportParseError("unexpected-char");
	}
	NAN_OR_INF(cp) {
		if (cp === CodePoint.LATIN_SMALL_N) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_N)) {
				this.endToken("Float", "end", NaN);
				return "DATA";
			}
			this.moveAt(startPos);
		} else if (cp === CodePoint.LATIN_SMALL_I) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_N) && this.eatCode(CodePoint.LATIN_SMALL_F)) {
				this.endToken("Float", "end", this.text[this.tokenStart] === "-" ? -Infinity : Infinity);
				return "DATA";
			}
			this.moveAt(startPos);
		}
		return this.reportParseError("unexpected-char");
	}
	NUMBER(cp) {
		const start = this.text[this.tokenStart];
		const sign = start === "+" ? CodePoint.PLUS_SIGN : start === "-" ? CodePoint.DASH : CodePoint.NULL;
		if (cp === CodePoint.DIGIT_0) {
			if (sign === CodePoint.NULL) {
				const startPos = this.codePointIterator.start;
				const nextCp$1 = this.nextCode();
				if (isDigit(nextCp$1)) {
					const nextNextCp = this.nextCode();
					if (nextNextCp === CodePoint.COLON) {
						this.data = {
							hasDate: false,
							year: 0,
							month: 0,
							day: 0,
							hour: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1)),
							minute: 0,
							second: 0
						};
						return "TIME_MINUTE";
					}
					if (isDigit(nextNextCp)) {
						const nextNextNextCp = this.nextCode();
						if (isDigit(nextNextNextCp) && this.eatCode(CodePoint.DASH)) {
							this.data = {
								hasDate: true,
								year: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1, nextNextCp, nextNextNextCp)),
								month: 0,
								day: 0,
								hour: 0,
								minute: 0,
								second: 0
							};
							return "DATE_MONTH";
						}
					}
					this.moveAt(startPos);
					return this.reportParseError("invalid-leading-zero");
				}
				this.moveAt(startPos);
			}
			cp = this.nextCode();
			if (cp === CodePoint.LATIN_SMALL_X || cp === CodePoint.LATIN_SMALL_O || cp === CodePoint.LATIN_SMALL_B) {
				if (sign !== CodePoint.NULL) return this.reportParseError("unexpected-char");
				return cp === CodePoint.LATIN_SMALL_X ? "HEX" : cp === CodePoint.LATIN_SMALL_O ? "OCTAL" : "BINARY";
			}
			if (cp === CodePoint.LATIN_SMALL_E || cp === CodePoint.LATIN_CAPITAL_E) {
				this.data = {
					minus: sign === CodePoint.DASH,
					left: [CodePoint.DIGIT_0]
				};
				return "EXPONENT_RIGHT";
			}
			if (cp === CodePoint.DOT) {
				this.data = {
					minus: sign === CodePoint.DASH,
					absInt: [CodePoint.DIGIT_0]
				};
				return "FRACTIONAL_RIGHT";
			}
			this.endToken("Integer", "start", "0", 10);
			return this.back("DATA");
		}
		const { out, nextCp, hasUnderscore } = this.parseDigits(cp, isDigit);
		if (nextCp === CodePoint.DASH && sign === CodePoint.NULL && !hasUnderscore && out.length === 4) {
			this.data = {
				hasDate: true,
				year: Number(String.fromCodePoint(...out)),
				month: 0,
				day: 0,
				hour: 0,
				minute: 0,
				second: 0
			};
			return "DATE_MONTH";
		}
		if (nextCp === CodePoint.COLON && sign === CodePoint.NULL && !hasUnderscore && out.length === 2) {
			this.data = {
				hasDate: false,
				year: 0,
				month: 0,
				day: 0,
				hour: Number(String.fromCodePoint(...out)),
				minute: 0,
				second: 0
			};
			return "TIME_MINUTE";
		}
		if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
			this.data = {
				minus: sign === CodePoint.DASH,
				left: out
			};
			return "EXPONENT_RIGHT";
		}
		if (nextCp === CodePoint.DOT) {
			this.data = {
				minus: sign === CodePoint.DASH,
				absInt: out
			};
			return "FRACTIONAL_RIGHT";
		}
		this.endToken("Integer", "start", sign === CodePoint.DASH ? String.fromCodePoint(CodePoint.DASH, ...out) : String.fromCodePoint(...out), 10);
		return this.back("DATA");
	}
	HEX(cp) {
		const { out } = this.parseDigits(cp, isHexDig);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 16);
		return this.back("DATA");
	}
	OCTAL(cp) {
		const { out } = this.parseDigits(cp, isOctalDig);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 8);
		return this.back("DATA");
	}
	BINARY(cp) {
		const { out } = this.parseDigits(cp, (c) => c === CodePoint.DIGIT_0 || c === CodePoint.DIGIT_1);
		this.endToken("Integer", "start", String.fromCodePoint(...out), 2);
		return this.back("DATA");
	}
	FRACTIONAL_RIGHT(cp) {
		const { minus, absInt } = this.data;
		const { out, nextCp } = this.parseDigits(cp, isDigit);
		const absNum = [
			...absInt,
			CodePoint.DOT,
			...out
		];
		if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
			this.data = {
				minus,
				left: absNum
			};
			return "EXPONENT_RIGHT";
		}
		const value = Number(minus ? String.fromCodePoint(CodePoint.DASH, ...absNum) : String.fromCodePoint(...absNum));
		this.endToken("Float", "start", value);
		return this.back("DATA");
	}
	EXPONENT_RIGHT(cp) {
		const { left, minus: leftMinus } = this.data;
		let minus = false;
		if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
			minus = cp === CodePoint.DASH;
			cp = this.nextCode();
		}
		const { out } = this.parseDigits(cp, isDigit);
		const right = out;
		if (minus) right.unshift(CodePoint.DASH);
		const value = Number(leftMinus ? String.fromCodePoint(CodePoint.DASH, ...left, CodePoint.LATIN_SMALL_E, ...right) : String.fromCodePoint(...left, CodePoint.LATIN_SMALL_E, ...right));
		this.endToken("Float", "start", value);
		return this.back("DATA");
	}
	BOOLEAN(cp) {
		if (cp === CodePoint.LATIN_SMALL_T) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_R) && this.eatCode(CodePoint.LATIN_SMALL_U) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
				this.endToken("Boolean", "end", true);
				return "DATA";
			}
			this.moveAt(startPos);
		} else if (cp === CodePoint.LATIN_SMALL_F) {
			const startPos = this.codePointIterator.start;
			if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_L) && this.eatCode(CodePoint.LATIN_SMALL_S) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
				this.endToken("Boolean", "end", false);
				return "DATA";
			}
			this.moveAt(startPos);
		}
		return this.reportParseError("unexpected-char");
	}
	DATE_MONTH(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.DASH) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.start;
		const data = this.data;
		data.month = Number(this.text.slice(start, end));
		return "DATE_DAY";
	}
	DATE_DAY(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.day = Number(this.text.slice(start, end));
		if (!isValidDate(data.year, data.month, data.day)) return this.reportParseError("invalid-date");
		cp = this.nextCode();
		if (cp === CodePoint.LATIN_CAPITAL_T || cp === CodePoint.LATIN_SMALL_T) return "TIME_HOUR";
		if (cp === CodePoint.SPACE) {
			const startPos = this.codePointIterator.start;
			if (isDigit(this.nextCode()) && isDigit(this.nextCode())) {
				this.moveAt(startPos);
				return "TIME_HOUR";
			}
			this.moveAt(startPos);
		}
		const dateValue = getDateFromDateTimeData(data, "");
		this.endToken("LocalDate", "start", dateValue);
		return this.back("DATA");
	}
	TIME_HOUR(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.start;
		const data = this.data;
		data.hour = Number(this.text.slice(start, end));
		return "TIME_MINUTE";
	}
	TIME_MINUTE(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.minute = Number(this.text.slice(start, end));
		cp = this.nextCode();
		if (cp === CodePoint.COLON) return "TIME_SECOND";
		if (this.tomlVersion.lt(1, 1)) return this.reportParseError("unexpected-char");
		if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
		return this.processTimeEnd(cp, data);
	}
	TIME_SECOND(cp) {
		const start = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const end = this.codePointIterator.end;
		const data = this.data;
		data.second = Number(this.text.slice(start, end));
		if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
		cp = this.nextCode();
		if (cp === CodePoint.DOT) return "TIME_SEC_FRAC";
		return this.processTimeEnd(cp, data);
	}
	TIME_SEC_FRAC(cp) {
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const start = this.codePointIterator.start;
		while (isDigit(cp)) cp = this.nextCode();
		const end = this.codePointIterator.start;
		const data = this.data;
		data.frac = this.text.slice(start, end);
		return this.processTimeEnd(cp, data);
	}
	processTimeEnd(cp, data) {
		if (data.hasDate) {
			if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
				data.offsetSign = cp;
				return "TIME_OFFSET";
			}
			if (cp === CodePoint.LATIN_CAPITAL_Z || cp === CodePoint.LATIN_SMALL_Z) {
				const dateValue$2 = getDateFromDateTimeData(data, "Z");
				this.endToken("OffsetDateTime", "end", dateValue$2);
				return "DATA";
			}
			const dateValue$1 = getDateFromDateTimeData(data, "");
			this.endToken("LocalDateTime", "start", dateValue$1);
			return this.back("DATA");
		}
		const dateValue = getDateFromDateTimeData(data, "");
		this.endToken("LocalTime", "start", dateValue);
		return this.back("DATA");
	}
	TIME_OFFSET(cp) {
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const hourStart = this.codePointIterator.start;
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
		const hourEnd = this.codePointIterator.start;
		cp = this.nextCode();
		const minuteStart = this.codePointIterator.start;
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		cp = this.nextCode();
		if (!isDigit(cp)) return this.reportParseError("unexpected-char");
		const minuteEnd = this.codePointIterator.end;
		const hour = Number(this.text.slice(hourStart, hourEnd));
		const minute = Number(this.text.slice(minuteStart, minuteEnd));
		if (!isValidTime(hour, minute, 0)) return this.reportParseError("invalid-time");
		const data = this.data;
		const dateValue = getDateFromDateTimeData(data, `${String.fromCodePoint(data.offsetSign)}${padStart(hour, 2)}:${padStart(minute, 2)}`);
		this.endToken("OffsetDateTime", "end", dateValue);
		return "DATA";
	}
	parseDigits(cp, checkDigit) {
		if (cp === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
		if (!checkDigit(cp)) return this.reportParseError("unexpected-char");
		const out = [];
		let before = CodePoint.NULL;
		let hasUnderscore = false;
		while (checkDigit(cp) || cp === CodePoint.UNDERSCORE) {
			if (cp === CodePoint.UNDERSCORE) {
				hasUnderscore = true;
				if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
			} else out.push(cp);
			before = cp;
			cp = this.nextCode();
		}
		if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
		return {
			out,
			nextCp: cp,
			hasUnderscore
		};
	}
	parseUnicode(count) {
		const startLoc = this.codePointIterator.start;
		const start = this.codePointIterator.end;
		let charCount = 0;
		let cp;
		while ((cp = this.nextCode()) !== CodePoint.EOF) {
			if (!isHexDig(cp)) {
				this.moveAt(startLoc);
				return this.reportParseError("invalid-char-in-escape-sequence");
			}
			charCount++;
			if (charCount >= count) break;
		}
		const end = this.codePointIterator.end;
		const code = this.text.slice(start, end);
		const codePoint = parseInt(code, 16);
		if (!isUnicodeScalarValue(codePoint)) return this.reportParseError("invalid-code-point", { cp: code });
		return codePoint;
	}
	reportParseErrorControlChar() {
		return this.reportParseError("invalid-control-character");
	}
};
/**
* Check whether the code point is unquoted-key-char
*/
function isUnquotedKeyChar(cp, tomlVersion) {
	if (isLetter(cp) || isDigit(cp) || cp === CodePoint.UNDERSCORE || cp === CodePoint.DASH) return true;
	if (tomlVersion.lt(1, 1)) return false;
	return false;
}
/**
* Check whether the code point is control character other than tab
*/
function isControlOtherThanTab(cp) {
	return isControl(cp) && cp !== CodePoint.TABULATION || cp === CodePoint.DELETE;
}
/**
* Check whether the code point is non-eol for TOML 1.1
*/
function isNonEOL(cp) {
	return cp === CodePoint.TABULATION || CodePoint.SPACE <= cp && cp <= CodePoint.TILDE || isNonAscii(cp);
}
/**
* Check whether the code point is a non-ascii character.
*/
function isNonAscii(cp) {
	return CodePoint.PAD <= cp && cp <= CodePoint.CP_D7FF || CodePoint.CP_E000 <= cp && cp <= CodePoint.CP_10FFFF;
}
/**
* Check whether the given values is valid date
*/
function isValidDate(y, m, d) {
	if (y >= 0 && m <= 12 && m >= 1 && d >= 1) return d <= (m === 2 ? y & 3 || !(y % 25) && y & 15 ? 28 : 29 : 30 + (m + (m >> 3) & 1));
	return false;
}
/**
* Check whether the given values is valid time
*/
function isValidTime(h, m, s) {
	if (h >= 24 || h < 0 || m > 59 || m < 0 || s > 60 || s < 0) return false;
	return true;
}
/**
* Get date from DateTimeData
*/
function getDateFromDateTimeData(data, timeZone) {
	const year = padStart(data.year, 4);
	const month = data.month ? padStart(data.month, 2) : "01";
	const day = data.day ? padStart(data.day, 2) : "01";
	const hour = padStart(data.hour, 2);
	const minute = padStart(data.minute, 2);
	const second = padStart(data.second, 2);
	const textDate = `${year}-${month}-${day}`;
	const frac = data.frac ? `.${data.frac}` : "";
	const dateValue = /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:${second}${frac}${timeZone}`);
	if (!isNaN(dateValue.getTime()) || data.second !== 60) return dateValue;
	return /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:59${frac}${timeZone}`);
}
/**
* Pad with zeros.
*/
function padStart(num, maxLength) {
	return String(num).padStart(maxLength, "0");
}

//#endregion
//#region src/toml-parser/keys-resolver.ts
const VALUE_KIND_VALUE = Symbol("VALUE_KIND_VALUE");
const VALUE_KIND_INTERMEDIATE = Symbol("VALUE_KIND_INTERMEDIATE");
var KeysResolver = class {
	constructor(ctx) {
		this.rootKeys = /* @__PURE__ */ new Map();
		this.tables = [];
		this.ctx = ctx;
	}
	applyResolveKeyForTable(node) {
		let keys = this.rootKeys;
		const peekKeyIndex = node.key.keys.length - 1;
		for (let index = 0; index < peekKeyIndex; index++) {
			const keyNode = node.key.keys[index];
			const keyName = toKeyName(keyNode);
			node.resolvedKey.push(keyName);
			let keyStore = keys.get(keyName);
			if (!keyStore) {
				keyStore = {
					node: keyNode,
					keys: /* @__PURE__ */ new Map()
				};
				keys.set(keyName, keyStore);
			} else if (keyStore.table === "array") {
				const peekIndex = keyStore.peekIndex;
				node.resolvedKey.push(peekIndex);
				keyStore = keyStore.keys.get(peekIndex);
			}
			keys = keyStore.keys;
		}
		const lastKeyNode = node.key.keys[peekKeyIndex];
		const lastKeyName = toKeyName(lastKeyNode);
		node.resolvedKey.push(lastKeyName);
		const lastKeyStore = keys.get(lastKeyName);
		if (!lastKeyStore) if (node.kind === "array") {
			node.resolvedKey.push(0);
			const newKeyStore = {
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(lastKeyName, {
				table: node.kind,
				node: lastKeyNode,
				keys: new Map([[0, newKeyStore]]),
				peekIndex: 0
			});
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		} else {
			const newKeyStore = {
				table: node.kind,
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(lastKeyName, newKeyStore);
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		}
		else if (!lastKeyStore.table) if (node.kind === "array") this.ctx.reportParseError("dupe-keys", lastKeyNode);
		else {
			const transformKey = {
				table: node.kind,
				node: lastKeyNode,
				keys: lastKeyStore.keys
			};
			keys.set(lastKeyName, transformKey);
			this.tables.push({
				node,
				keys: transformKey.keys
			});
		}
		else if (lastKeyStore.table === "array") if (node.kind === "array") {
			const newKeyStore = {
				node: lastKeyNode,
				keys: /* @__PURE__ */ new Map()
			};
			const newIndex = lastKeyStore.peekIndex + 1;
			node.resolvedKey.push(newIndex);
			lastKeyStore.keys.set(newIndex, newKeyStore);
			lastKeyStore.peekIndex = newIndex;
			this.tables.push({
				node,
				keys: newKeyStore.keys
			});
		} else this.ctx.reportParseError("dupe-keys", lastKeyNode);
		else this.ctx.reportParseError("dupe-keys", lastKeyNode);
	}
	verifyDuplicateKeys(node) {
		for (const body of node.body) if (body.type === "TOMLKeyValue") verifyDuplicateKeysForKeyValue(this.ctx, this.rootKeys, body);
		for (const { node: tableNode, keys } of this.tables) for (const body of tableNode.body) verifyDuplicateKeysForKeyValue(this.ctx, keys, body);
	}
};
/**
* Verify duplicate keys from TOMLKeyValue
*/
function verifyDuplicateKeysForKeyValue(ctx, defineKeys, node) {
	let keys = defineKeys;
	const lastKey = last(node.key.keys);
	for (const keyNode of node.key.keys) {
		const key = toKeyName(keyNode);
		let defineKey = keys.get(key);
		if (defineKey) {
			if (defineKey.value === VALUE_KIND_VALUE) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			else if (lastKey === keyNode) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			else if (defineKey.table) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
			defineKey.value = VALUE_KIND_INTERMEDIATE;
		} else {
			if (lastKey === keyNode) defineKey = {
				value: VALUE_KIND_VALUE,
				node: keyNode,
				keys: /* @__PURE__ */ new Map()
			};
			else defineKey = {
				value: VALUE_KIND_INTERMEDIATE,
				node: keyNode,
				keys: /* @__PURE__ */ new Map()
			};
			keys.set(key, defineKey);
		}
		keys = defineKey.keys;
	}
	if (node.value.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, keys, node.value);
	else if (node.value.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, keys, node.value);
}
/**
* Verify duplicate keys from TOMLInlineTable
*/
function verifyDuplicateKeysForInlineTable(ctx, defineKeys, node) {
	for (const body of node.body) verifyDuplicateKeysForKeyValue(ctx, defineKeys, body);
}
/**
* Verify duplicate keys from TOMLArray
*/
function verifyDuplicateKeysForArray(ctx, defineKeys, node) {
	const keys = defineKeys;
	for (let index = 0; index < node.elements.length; index++) {
		const element = node.elements[index];
		let defineKey = keys.get(index);
		if (defineKey) ctx.reportParseError("dupe-keys", getAfterNode(element, defineKey.node));
		else {
			defineKey = {
				value: VALUE_KIND_VALUE,
				node: element,
				keys: /* @__PURE__ */ new Map()
			};
			defineKeys.set(index, defineKey);
			if (element.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, defineKey.keys, element);
			else if (element.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, defineKey.keys, element);
		}
	}
}
/**
* Get the after node
*/
function getAfterNode(a, b) {
	return a.range[0] <= b.range[0] ? b : a;
}

//#endregion
//#region src/toml-parser/context.ts
var Context = class {
	constructor(data) {
		this.tokens = [];
		this.comments = [];
		this.back = null;
		this.stateStack = [];
		this.needNewLine = false;
		this.needSameLine = false;
		this.currToken = null;
		this.prevToken = null;
		this.valueContainerStack = [];
		this.tokenizer = new Tokenizer(data.text, data.parserOptions);
		this.topLevelTable = data.topLevelTable;
		this.table = data.topLevelTable;
		this.keysResolver = new KeysResolver(this);
	}
	/**
	* Get the next token.
	*/
	nextToken(option) {
		this.prevToken = this.currToken;
		if (this.back) {
			this.currToken = this.back;
			this.back = null;
		} else this.currToken = this._nextTokenFromTokenizer(option);
		if ((this.needNewLine || this.needSameLine || option?.needSameLine) && this.prevToken && this.currToken) if (this.prevToken.loc.end.line === this.currToken.loc.start.line) {
			if (this.needNewLine) return this.reportParseError("missing-newline", this.currToken);
		} else {
			const needSameLine = this.needSameLine || option?.needSameLine;
			if (needSameLine) return this.reportParseError(needSameLine, this.currToken);
		}
		this.needNewLine = false;
		this.needSameLine = false;
		return this.currToken;
	}
	_nextTokenFromTokenizer(option) {
		const valuesEnabled = this.tokenizer.valuesEnabled;
		if (option?.valuesEnabled) this.tokenizer.valuesEnabled = option.valuesEnabled;
		let token = this.tokenizer.nextToken();
		while (token && token.type === "Block") {
			this.comments.push(token);
			token = this.tokenizer.nextToken();
		}
		if (token) this.tokens.push(token);
		this.tokenizer.valuesEnabled = valuesEnabled;
		return token;
	}
	backToken() {
		if (this.back) throw new Error("Illegal state");
		this.back = this.currToken;
		this.currToken = this.prevToken;
	}
	addValueContainer(valueContainer) {
		this.valueContainerStack.push(valueContainer);
		this.tokenizer.valuesEnabled = true;
	}
	consumeValueContainer() {
		const valueContainer = this.valueContainerStack.pop();
		this.tokenizer.valuesEnabled = this.valueContainerStack.length > 0;
		return valueContainer;
	}
	applyResolveKeyForTable(node) {
		this.keysResolver.applyResolveKeyForTable(node);
	}
	verifyDuplicateKeys() {
		this.keysResolver.verifyDuplicateKeys(this.topLevelTable);
	}
	/**
	* Report an invalid token error.
	*/
	reportParseError(code, token) {
		let offset, line, column;
		if (token) {
			offset = token.range[0];
			line = token.loc.start.line;
			column = token.loc.start.column;
		} else {
			offset = this.tokenizer.start;
			const startPos = this.tokenizer.getLocFromIndex(offset);
			line = startPos.line;
			column = startPos.column;
		}
		throw new ParseError(code, offset, line, column);
	}
};

//#endregion
//#region src/toml-parser/index.ts
const STATE_FOR_ERROR = { VALUE: "missing-value" };
const STRING_VALUE_STYLE_MAP = {
	BasicString: "basic",
	MultiLineBasicString: "basic",
	LiteralString: "literal",
	MultiLineLiteralString: "literal"
};
const STRING_KEY_STYLE_MAP = {
	BasicString: "basic",
	LiteralString: "literal"
};
const DATETIME_VALUE_KIND_MAP = {
	OffsetDateTime: "offset-date-time",
	LocalDateTime: "local-date-time",
	LocalDate: "local-date",
	LocalTime: "local-time"
};
var TOMLParser = class {
	/**
	* Initialize this parser.
	*/
	constructor(text, parserOptions) {
		this.text = text;
		this.parserOptions = parserOptions || {};
		this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
	}
	/**
	* Parse TOML
	*/
	parse() {
		const ast = {
			type: "Program",
			body: [],
			sourceType: "module",
			tokens: [],
			comments: [],
			parent: null,
			range: [0, 0],
			loc: {
				start: {
					line: 1,
					column: 0
				},
				end: {
					line: 1,
					column: 0
				}
			}
		};
		const node = {
			type: "TOMLTopLevelTable",
			body: [],
			parent: ast,
			range: cloneRange(ast.range),
			loc: cloneLoc(ast.loc)
		};
		ast.body = [node];
		const ctx = new Context({
			text: this.text,
			parserOptions: this.parserOptions,
			topLevelTable: node
		});
		let token = ctx.nextToken();
		if (token) {
			node.range[0] = token.range[0];
			node.loc.start = clonePos(token.loc.start);
			while (token) {
				const state$1 = ctx.stateStack.pop() || "TABLE";
				ctx.stateStack.push(...this[state$1](token, ctx));
				token = ctx.nextToken();
			}
			const state = ctx.stateStack.pop() || "TABLE";
			if (state in STATE_FOR_ERROR) return ctx.reportParseError(STATE_FOR_ERROR[state], null);
			if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
			applyEndLoc(node, last(node.body));
		}
		ctx.verifyDuplicateKeys();
		ast.tokens = ctx.tokens;
		ast.comments = ctx.comments;
		const endOffset = ctx.tokenizer.end;
		const endPos = ctx.tokenizer.getLocFromIndex(endOffset);
		ast.range[1] = endOffset;
		ast.loc.end = {
			line: endPos.line,
			column: endPos.column
		};
		return ast;
	}
	TABLE(token, ctx) {
		if (isBare(token) || isString(token)) return this.processKeyValue(token, ctx.table, ctx);
		if (isLeftBracket(token)) return this.processTable(token, ctx.topLevelTable, ctx);
		return ctx.reportParseError("unexpected-token", token);
	}
	VALUE(token, ctx) {
		if (isString(token) || isMultiLineString(token)) return this.processStringValue(token, ctx);
		if (isNumber(token)) return this.processNumberValue(token, ctx);
		if (isBoolean(token)) return this.processBooleanValue(token, ctx);
		if (isDateTime(token)) return this.processDateTimeValue(token, ctx);
		if (isLeftBracket(token)) return this.processArray(token, ctx);
		if (isLeftBrace(token)) return this.processInlineTable(token, ctx);
		return ctx.reportParseError("unexpected-token", token);
	}
	processTable(token, topLevelTableNode, ctx) {
		const tableNode = {
			type: "TOMLTable",
			kind: "standard",
			key: null,
			resolvedKey: [],
			body: [],
			parent: topLevelTableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
		topLevelTableNode.body.push(tableNode);
		ctx.table = tableNode;
		let targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		if (isLeftBracket(targetToken)) {
			if (token.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
			tableNode.kind = "array";
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		}
		if (isRightBracket(targetToken)) return ctx.reportParseError("missing-key", targetToken);
		if (!targetToken) return ctx.reportParseError("unterminated-table-key", null);
		targetToken = this.processKeyNode(targetToken, tableNode, ctx).nextToken;
		if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
		if (tableNode.kind === "array") {
			const rightBracket = targetToken;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
			if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
			if (rightBracket.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
		}
		applyEndLoc(tableNode, targetToken);
		ctx.applyResolveKeyForTable(tableNode);
		ctx.needNewLine = true;
		return [];
	}
	processKeyValue(token, tableNode, ctx) {
		const keyValueNode = {
			type: "TOMLKeyValue",
			key: null,
			value: null,
			parent: tableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		tableNode.body.push(keyValueNode);
		const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
		if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
		ctx.addValueContainer({
			parent: keyValueNode,
			set: (valNode) => {
				keyValueNode.value = valNode;
				applyEndLoc(keyValueNode, valNode);
				ctx.needNewLine = true;
				return [];
			}
		});
		ctx.needSameLine = "invalid-key-value-newline";
		return ["VALUE"];
	}
	processKeyNode(token, parent, ctx) {
		if (isDot(token)) ctx.reportParseError("invalid-leading-dot-in-key", token);
		const keyNode = {
			type: "TOMLKey",
			keys: [],
			parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		parent.key = keyNode;
		let targetToken = token;
		let dotToken = null;
		do {
			if (isBare(targetToken)) this.processBareKey(targetToken, keyNode);
			else if (isString(targetToken)) this.processStringKey(targetToken, keyNode);
			else break;
			dotToken = null;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
			if (!isDot(targetToken)) break;
			dotToken = targetToken;
			targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
		} while (targetToken);
		if (dotToken) ctx.reportParseError(isDot(targetToken) ? "invalid-consecutive-dots-in-key" : "invalid-trailing-dot-in-key", dotToken);
		applyEndLoc(keyNode, last(keyNode.keys));
		return {
			keyNode,
			nextToken: targetToken
		};
	}
	processBareKey(token, keyNode) {
		const node = {
			type: "TOMLBare",
			name: token.value,
			parent: keyNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		keyNode.keys.push(node);
	}
	processStringKey(token, keyNode) {
		const node = {
			type: "TOMLQuoted",
			kind: "string",
			value: token.string,
			style: STRING_KEY_STYLE_MAP[token.type],
			multiline: false,
			parent: keyNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		keyNode.keys.push(node);
	}
	processStringValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: "string",
			value: token.string,
			style: STRING_VALUE_STYLE_MAP[token.type],
			multiline: isMultiLineString(token),
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processNumberValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const text = this.text;
		const [startRange, endRange] = token.range;
		let numberString = null;
		/**
		* Get the text of number
		*/
		const getNumberText = () => {
			return numberString ?? (numberString = text.slice(startRange, endRange).replace(/_/g, ""));
		};
		let node;
		if (token.type === "Integer") node = {
			type: "TOMLValue",
			kind: "integer",
			value: token.number,
			bigint: token.bigint,
			get number() {
				return getNumberText();
			},
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		else node = {
			type: "TOMLValue",
			kind: "float",
			value: token.number,
			get number() {
				return getNumberText();
			},
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processBooleanValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: "boolean",
			value: token.boolean,
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processDateTimeValue(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLValue",
			kind: DATETIME_VALUE_KIND_MAP[token.type],
			value: token.date,
			datetime: token.value,
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		return valueContainer.set(node);
	}
	processArray(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLArray",
			elements: [],
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		const nextToken = ctx.nextToken({ valuesEnabled: true });
		if (isRightBracket(nextToken)) {
			applyEndLoc(node, nextToken);
			return valueContainer.set(node);
		}
		ctx.backToken();
		return this.processArrayValue(node, valueContainer, ctx);
	}
	processArrayValue(node, valueContainer, ctx) {
		ctx.addValueContainer({
			parent: node,
			set: (valNode) => {
				node.elements.push(valNode);
				let nextToken = ctx.nextToken({ valuesEnabled: true });
				const hasComma = isComma(nextToken);
				if (hasComma) nextToken = ctx.nextToken({ valuesEnabled: true });
				if (isRightBracket(nextToken)) {
					applyEndLoc(node, nextToken);
					return valueContainer.set(node);
				}
				if (hasComma) {
					ctx.backToken();
					return this.processArrayValue(node, valueContainer, ctx);
				}
				return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-array", nextToken);
			}
		});
		return ["VALUE"];
	}
	processInlineTable(token, ctx) {
		const valueContainer = ctx.consumeValueContainer();
		const node = {
			type: "TOMLInlineTable",
			body: [],
			parent: valueContainer.parent,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
		const nextToken = ctx.nextToken({ needSameLine });
		if (nextToken) {
			if (isBare(nextToken) || isString(nextToken)) return this.processInlineTableKeyValue(nextToken, node, valueContainer, ctx);
			if (isRightBrace(nextToken)) {
				applyEndLoc(node, nextToken);
				return valueContainer.set(node);
			}
		}
		return ctx.reportParseError("unexpected-token", nextToken);
	}
	processInlineTableKeyValue(token, inlineTableNode, valueContainer, ctx) {
		const keyValueNode = {
			type: "TOMLKeyValue",
			key: null,
			value: null,
			parent: inlineTableNode,
			range: cloneRange(token.range),
			loc: cloneLoc(token.loc)
		};
		inlineTableNode.body.push(keyValueNode);
		const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
		if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
		const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
		ctx.addValueContainer({
			parent: keyValueNode,
			set: (valNode) => {
				keyValueNode.value = valNode;
				applyEndLoc(keyValueNode, valNode);
				let nextToken = ctx.nextToken({ needSameLine });
				if (isComma(nextToken)) {
					nextToken = ctx.nextToken({ needSameLine });
					if (nextToken && (isBare(nextToken) || isString(nextToken))) return this.processInlineTableKeyValue(nextToken, inlineTableNode, valueContainer, ctx);
					if (isRightBrace(nextToken)) {
						if (this.tomlVersion.lt(1, 1)) return ctx.reportParseError("invalid-trailing-comma-in-inline-table", nextToken);
					} else return ctx.reportParseError(nextToken ? "unexpected-token" : "unterminated-inline-table", nextToken);
				}
				if (isRightBrace(nextToken)) {
					applyEndLoc(inlineTableNode, nextToken);
					return valueContainer.set(inlineTableNode);
				}
				return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-inline-table", nextToken);
			}
		});
		ctx.needSameLine = "invalid-key-value-newline";
		return ["VALUE"];
	}
};
/**
* Check whether the given token is a dot.
*/
function isDot(token) {
	return isPunctuator(token) && token.value === ".";
}
/**
* Check whether the given token is an equal sign.
*/
function isEq(token) {
	return isPunctuator(token) && token.value === "=";
}
/**
* Check whether the given token is a left bracket.
*/
function isLeftBracket(token) {
	return isPunctuator(token) && token.value === "[";
}
/**
* Check whether the given token is a right bracket.
*/
function isRightBracket(token) {
	return isPunctuator(token) && token.value === "]";
}
/**
* Check whether the given token is a left brace.
*/
function isLeftBrace(token) {
	return isPunctuator(token) && token.value === "{";
}
/**
* Check whether the given token is a right brace.
*/
function isRightBrace(token) {
	return isPunctuator(token) && token.value === "}";
}
/**
* Check whether the given token is a comma.
*/
function isComma(token) {
	return isPunctuator(token) && token.value === ",";
}
/**
* Check whether the given token is a punctuator.
*/
function isPunctuator(token) {
	return Boolean(token && token.type === "Punctuator");
}
/**
* Check whether the given token is a bare token.
*/
function isBare(token) {
	return token.type === "Bare";
}
/**
* Check whether the given token is a string.
*/
function isString(token) {
	return token.type === "BasicString" || token.type === "LiteralString";
}
/**
* Check whether the given token is a multi-line string.
*/
function isMultiLineString(token) {
	return token.type === "MultiLineBasicString" || token.type === "MultiLineLiteralString";
}
/**
* Check whether the given token is a number.
*/
function isNumber(token) {
	return token.type === "Integer" || token.type === "Float";
}
/**
* Check whether the given token is a boolean.
*/
function isBoolean(token) {
	return token.type === "Boolean";
}
/**
* Check whether the given token is a date time.
*/
function isDateTime(token) {
	return token.type === "OffsetDateTime" || token.type === "LocalDateTime" || token.type === "LocalDate" || token.type === "LocalTime";
}
/**
* Apply end locations
*/
function applyEndLoc(node, child) {
	if (child) {
		node.range[1] = child.range[1];
		node.loc.end = clonePos(child.loc.end);
	}
}
/**
* clone the location.
*/
function cloneRange(range) {
	return [range[0], range[1]];
}
/**
* clone the location.
*/
function cloneLoc(loc) {
	return {
		start: clonePos(loc.start),
		end: clonePos(loc.end)
	};
}
/**
* clone the location.
*/
function clonePos(pos) {
	return {
		line: pos.line,
		column: pos.column
	};
}

//#endregion
//#region src/visitor-keys.ts
const tomlKeys = {
	Program: ["body"],
	TOMLTopLevelTable: ["body"],
	TOMLTable: ["key", "body"],
	TOMLKeyValue: ["key", "value"],
	TOMLKey: ["keys"],
	TOMLArray: ["elements"],
	TOMLInlineTable: ["body"],
	TOMLBare: [],
	TOMLQuoted: [],
	TOMLValue: []
};
const lib_KEYS = unionWith(tomlKeys);

//#endregion
//#region src/parser.ts
/**
* Parse source code
*/
function parseForESLint(code, options) {
	return {
		ast: new TOMLParser(code, options).parse(),
		visitorKeys: lib_KEYS,
		services: { isTOML: true }
	};
}

//#endregion
//#region src/traverse.ts
/**
* Check that the given key should be traversed or not.
* @this {Traversable}
* @param key The key to check.
* @returns `true` if the key should be traversed.
*/
function fallbackKeysFilter(key) {
	let value = null;
	return key !== "comments" && key !== "leadingComments" && key !== "loc" && key !== "parent" && key !== "range" && key !== "tokens" && key !== "trailingComments" && (value = this[key]) !== null && typeof value === "object" && (typeof value.type === "string" || Array.isArray(value));
}
/**
* Get the keys of the given node to traverse it.
* @param node The node to get.
* @returns The keys to traverse.
*/
function getFallbackKeys(node) {
	return Object.keys(node).filter(fallbackKeysFilter, node);
}
/**
* Get the keys of the given node to traverse it.
* @param node The node to get.
* @returns The keys to traverse.
*/
function lib_getKeys(node, visitorKeys) {
	return ((visitorKeys || lib_KEYS)[node.type] || getFallbackKeys(node)).filter((key) => !getNodes(node, key).next().done);
}
/**
* Get the nodes of the given node.
* @param node The node to get.
*/
function* getNodes(node, key) {
	const child = node[key];
	if (Array.isArray(child)) {
		for (const c of child) if (isNode(c)) yield c;
	} else if (isNode(child)) yield child;
}
/**
* Check whether a given value is a node.
* @param x The value to check.
* @returns `true` if the value is a node.
*/
function isNode(x) {
	return x !== null && typeof x === "object" && typeof x.type === "string";
}
/**
* Traverse the given node.
* @param node The node to traverse.
* @param parent The parent node.
* @param visitor The node visitor.
*/
function traverse(node, parent, visitor) {
	visitor.enterNode(node, parent);
	const keys = lib_getKeys(node, visitor.visitorKeys);
	for (const key of keys) for (const child of getNodes(node, key)) traverse(child, node, visitor);
	visitor.leaveNode(node, parent);
}
/**
* Traverse the given AST tree.
* @param node Root node to traverse.
* @param visitor Visitor.
*/
function traverseNodes(node, visitor) {
	traverse(node, null, visitor);
}

//#endregion
//#region src/utils.ts
/**
* Gets the static value for the given node.
*/
const getStaticTOMLValue = generateConvertTOMLValue((node) => node.value);
/** Generates a converter to convert from a node. */
function generateConvertTOMLValue(convertValue) {
	/**
	* Resolve TOML value
	*/
	function resolveValue(node, baseTable) {
		return resolver[node.type](node, baseTable);
	}
	const resolver = {
		Program(node, baseTable = {}) {
			return resolveValue(node.body[0], baseTable);
		},
		TOMLTopLevelTable(node, baseTable = {}) {
			for (const body of node.body) resolveValue(body, baseTable);
			return baseTable;
		},
		TOMLKeyValue(node, baseTable = {}) {
			const value = resolveValue(node.value);
			set(baseTable, resolveValue(node.key), value);
			return baseTable;
		},
		TOMLTable(node, baseTable = {}) {
			const table = getTable(baseTable, resolveValue(node.key), node.kind === "array");
			for (const body of node.body) resolveValue(body, table);
			return baseTable;
		},
		TOMLArray(node) {
			return node.elements.map((e) => resolveValue(e));
		},
		TOMLInlineTable(node) {
			const table = {};
			for (const body of node.body) resolveValue(body, table);
			return table;
		},
		TOMLKey(node) {
			return node.keys.map((key) => resolveValue(key));
		},
		TOMLBare(node) {
			return node.name;
		},
		TOMLQuoted(node) {
			return node.value;
		},
		TOMLValue(node) {
			return convertValue(node);
		}
	};
	return (node) => resolveValue(node);
}
/**
* Get the table from the table.
*/
function getTable(baseTable, keys, array) {
	let target = baseTable;
	for (let index = 0; index < keys.length - 1; index++) {
		const key = keys[index];
		target = getNextTargetFromKey(target, key);
	}
	const lastKey = last(keys);
	const lastTarget = target[lastKey];
	if (lastTarget == null) {
		const tableValue$1 = {};
		target[lastKey] = array ? [tableValue$1] : tableValue$1;
		return tableValue$1;
	}
	if (isValue(lastTarget)) {
		const tableValue$1 = {};
		target[lastKey] = array ? [tableValue$1] : tableValue$1;
		return tableValue$1;
	}
	if (!array) {
		if (Array.isArray(lastTarget)) {
			const tableValue$1 = {};
			target[lastKey] = tableValue$1;
			return tableValue$1;
		}
		return lastTarget;
	}
	if (Array.isArray(lastTarget)) {
		const tableValue$1 = {};
		lastTarget.push(tableValue$1);
		return tableValue$1;
	}
	const tableValue = {};
	target[lastKey] = [tableValue];
	return tableValue;
	/** Get next target from key */
	function getNextTargetFromKey(currTarget, key) {
		const nextTarget = currTarget[key];
		if (nextTarget == null) {
			const val = {};
			currTarget[key] = val;
			return val;
		}
		if (isValue(nextTarget)) {
			const val = {};
			currTarget[key] = val;
			return val;
		}
		let resultTarget = nextTarget;
		while (Array.isArray(resultTarget)) {
			const lastIndex = resultTarget.length - 1;
			const nextElement = resultTarget[lastIndex];
			if (isValue(nextElement)) {
				const val = {};
				resultTarget[lastIndex] = val;
				return val;
			}
			resultTarget = nextElement;
		}
		return resultTarget;
	}
}
/**
* Set the value to the table.
*/
function set(baseTable, keys, value) {
	let target = baseTable;
	for (let index = 0; index < keys.length - 1; index++) {
		const key = keys[index];
		const nextTarget = target[key];
		if (nextTarget == null) {
			const val = {};
			target[key] = val;
			target = val;
		} else if (isValue(nextTarget) || Array.isArray(nextTarget)) {
			const val = {};
			target[key] = val;
			target = val;
		} else target = nextTarget;
	}
	target[last(keys)] = value;
}
/**
* Check whether the given value is a value.
*/
function isValue(value) {
	return typeof value !== "object" || value instanceof Date;
}

//#endregion
//#region package.json
var name$1 = "toml-eslint-parser";
var version$1 = "1.0.3";

//#endregion
//#region src/meta.ts
var meta_exports = /* @__PURE__ */ __exportAll({
	name: () => lib_name,
	version: () => version
});
const lib_name = name$1;
const version = version$1;

//#endregion
//#region src/index.ts
const VisitorKeys = (/* unused pure expression or super */ null && (lib_KEYS));
/**
* Parse TOML source code
*/
function parseTOML(code, options) {
	return parseForESLint(code, options).ast;
}

//#endregion

;// CONCATENATED MODULE: ./src/toml/limits.ts
/**
 * What the TOML parser (toml-eslint-parser) cannot take, found before it runs: it descends recursively into
 * arrays and inline tables, and builds each string with one call that takes a code point per argument, so deep
 * nesting and long strings exhaust the call stack.
 */

/** Deepest nesting of arrays and inline tables that is read, as in toml_edit's parser (which cargo has used). */
const MAX_NESTING = 127;
/** Longest string (source characters between its quotes) that is read; the parser fails somewhere above 100,000. */
const MAX_STRING = 65_536;
/**
 * Checks the nesting of arrays and inline tables and leaves out the contents of strings longer than
 * `MAX_STRING`, so that the parser can read the rest and the reader can say which key holds the long string.
 * Only comments and strings can hold characters that are not TOML syntax, so brackets and braces outside them
 * are arrays, inline tables and table headers. Throws a UserError naming file, line and column for nesting
 * deeper than `MAX_NESTING`. Invalid TOML is left for the parser to report.
 */
function prepareToml(text, file) {
    const long = new Map();
    const kept = [];
    let copied = 0;
    let removed = 0;
    let line = 1;
    let lineStart = 0;
    let depth = 0;
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '\n') {
            line++;
            lineStart = ++i;
        }
        else if (c === '#') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
        }
        else if (c === '[' || c === '{') {
            if (++depth > MAX_NESTING) {
                throw new UserError(`${file}:${line}:${i - lineStart + 1}: too deeply nested: arrays and inline tables may nest at most ${MAX_NESTING} levels`);
            }
            i++;
        }
        else if (c === ']' || c === '}') {
            depth = Math.max(0, depth - 1);
            i++;
        }
        else if (c === '"' || c === "'") {
            const s = stringAt(text, i);
            const length = s.contentEnd - s.contentStart;
            if (length > MAX_STRING) {
                kept.push(text.slice(copied, s.contentStart), '\n'.repeat(s.breaks));
                long.set(i - removed, { line, length });
                removed += length - s.breaks;
                copied = s.contentEnd;
            }
            if (s.breaks > 0) {
                line += s.breaks;
                lineStart = s.lastBreak + 1;
            }
            i = s.end;
        }
        else {
            i++;
        }
    }
    if (long.size === 0)
        return { text, long };
    kept.push(text.slice(copied));
    return { text: kept.join(''), long };
}
/** The extent of the string whose opening quote is at `start`; an unterminated string ends where the parser gives up on it. */
function stringAt(text, start) {
    const quote = text[start];
    const delimiter = quote.repeat(3);
    const multiline = text.startsWith(delimiter, start);
    const contentStart = start + (multiline ? 3 : 1);
    let breaks = 0;
    let lastBreak = -1;
    for (let j = contentStart; j < text.length; j++) {
        const c = text[j];
        if (c === '\\' && quote === '"' && text[j + 1] !== '\n') {
            j++;
        }
        else if (c === '\n') {
            if (!multiline)
                return { contentStart, contentEnd: j, end: j, breaks, lastBreak };
            breaks++;
            lastBreak = j;
        }
        else if (c === quote && !multiline) {
            return { contentStart, contentEnd: j, end: j + 1, breaks, lastBreak };
        }
        else if (c === quote && text.startsWith(delimiter, j)) {
            // Up to two quotes right before the closing delimiter belong to the string.
            let close = j;
            while (close < j + 2 && text[close + 3] === quote)
                close++;
            return { contentStart, contentEnd: close, end: close + 3, breaks, lastBreak };
        }
    }
    return { contentStart, contentEnd: text.length, end: text.length, breaks, lastBreak };
}
/** The problem with a long string, as the end of a message (`a string of 1000000 characters …`). */
function longStringProblem(what, length) {
    return `a ${what} of ${length} characters is too long to read (at most ${MAX_STRING})`;
}

;// CONCATENATED MODULE: ./src/toml/document.ts



/**
 * Parses TOML (1.1, as cargo 1.95 accepts it: newlines and trailing commas in inline tables).
 * Invalid TOML throws a UserError `"<file>:<line>:<col>: invalid TOML: <reason>"`. What the parser cannot take
 * (arrays and inline tables nested too deeply, strings too long, named by their key) throws a UserError naming
 * the file and line.
 */
function parseTomlDocument(text, file) {
    const prepared = prepareToml(text, file);
    let ast;
    try {
        ast = parseTOML(prepared.text);
    }
    catch (error) {
        if (error instanceof ParseError) {
            // A left-out string shifts the columns after it: if one comes before the error, it is reported instead.
            const long = [...prepared.long].find(([at]) => at <= error.index)?.[1];
            if (long !== undefined)
                throw new UserError(`${file}:${long.line}: ${longStringProblem('string', long.length)}`);
            const reason = error.message.replace(/\s+/g, ' ').trim();
            throw new UserError(`${file}:${error.lineNumber}:${error.column + 1}: invalid TOML: ${reason}`);
        }
        // Other tokens of some 100,000 characters (a number) still exhaust the parser's call stack.
        if (error instanceof RangeError)
            throw new UserError(`${file}: a key or value is too long to read`);
        throw error;
    }
    return new Builder(file, prepared.long).build(ast);
}
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
function newTable() {
    return Object.create(null);
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
function pathOf(trail) {
    const path = [];
    for (let step = trail; step !== null; step = step.up)
        path.push(step.key);
    return path.reverse();
}
class Builder {
    file;
    long;
    /** Per table or array, the line of each of its keys or indices (as strings). */
    lines = new Map();
    constructor(file, long) {
        this.file = file;
        this.long = long;
    }
    build(ast) {
        const root = newTable();
        const top = ast.body[0];
        for (const node of top.body) {
            if (node.type === 'TOMLKeyValue') {
                this.assign(root, null, node);
                continue;
            }
            for (const key of node.key.keys)
                this.keyName(key);
            const { table, trail } = this.ensure(root, node.resolvedKey, node.loc.start.line);
            for (const kv of node.body)
                this.assign(table, trail, kv);
        }
        const lines = this.lines;
        const lineIn = (container, key) => lines.get(container)?.get(String(key)) ?? null;
        return {
            file: this.file,
            value: root,
            lineOf: (path) => {
                if (path.length === 0)
                    return null;
                let container = root;
                for (const segment of path.slice(0, -1)) {
                    const child = childOf(container, segment);
                    if (!isContainer(child))
                        return null;
                    container = child;
                }
                return lineIn(container, path[path.length - 1]);
            },
            lineIn
        };
    }
    mark(container, key, line) {
        let keys = this.lines.get(container);
        if (keys === undefined)
            this.lines.set(container, (keys = new Map()));
        const name = String(key);
        if (!keys.has(name))
            keys.set(name, line);
    }
    /** Walks to the table at a header's resolved key (indices select array-of-tables elements), creating it. */
    ensure(root, path, line) {
        let current = root;
        let trail = null;
        for (let i = 0; i < path.length; i++) {
            const segment = path[i];
            let child = childOf(current, segment);
            if (child === undefined) {
                child = typeof path[i + 1] === 'number' ? [] : newTable();
                current[segment] = child;
            }
            this.mark(current, segment, line);
            current = child;
            trail = { up: trail, key: segment };
        }
        return { table: current, trail };
    }
    assign(table, trail, kv) {
        const keys = kv.key.keys.map(k => this.keyName(k));
        const line = kv.key.loc.start.line;
        let target = table;
        let at = trail;
        for (const key of keys.slice(0, -1)) {
            this.mark(target, key, line);
            let child = childOf(target, key);
            if (child === undefined)
                target[key] = child = newTable();
            target = child;
            at = { up: at, key };
        }
        const last = keys[keys.length - 1];
        this.mark(target, last, line);
        target[last] = this.convert(kv.value, { up: at, key: last });
    }
    /** Recursive: `prepareToml` has limited the nesting of arrays and inline tables. */
    convert(node, trail) {
        switch (node.type) {
            case 'TOMLValue':
                switch (node.kind) {
                    case 'offset-date-time':
                    case 'local-date-time':
                    case 'local-date':
                    case 'local-time':
                        return node.datetime;
                    case 'string':
                        this.refuseLong(node, trail);
                        return node.value;
                    default:
                        return node.value;
                }
            case 'TOMLArray': {
                const array = [];
                node.elements.forEach((element, index) => {
                    this.mark(array, index, element.loc.start.line);
                    array.push(this.convert(element, { up: trail, key: index }));
                });
                return array;
            }
            case 'TOMLInlineTable': {
                const table = newTable();
                for (const kv of node.body)
                    this.assign(table, trail, kv);
                return table;
            }
        }
    }
    keyName(key) {
        if (key.type === 'TOMLBare')
            return key.name;
        this.refuseLong(key, null);
        return key.value;
    }
    /** Throws for a string whose contents `prepareToml` left out; a string value is named by its key path. */
    refuseLong(node, trail) {
        const long = this.long.get(node.range[0]);
        if (long === undefined)
            return;
        const problem = node.type === 'TOMLValue' ? `${formatTomlPath(pathOf(trail))}: ${longStringProblem('string', long.length)}` : longStringProblem('quoted key', long.length);
        throw new UserError(`${this.file}:${node.loc.start.line}: ${problem}`);
    }
}

;// CONCATENATED MODULE: ./src/config/cargo-config.ts
/**
 * Cargo's configuration (`.cargo/config.toml` and friends) as data, merged the way cargo 1.95 merges it.
 *
 * Only `readCargoConfig` touches the file system; it never runs anything.
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
            throw new UserError(`${where(includedFrom)}config \`include\` cycle detected with path \`${file}\``);
        }
        seen.add(file);
        const doc = parseTomlDocument(text, file);
        const table = configTable(doc.value, { file, line: 1 }, (container, key) => ({ file, line: doc.lineIn(container, key) ?? 0 }));
        for (const include of takeIncludes(table, file)) {
            if (seen.has(include.path)) {
                throw new UserError(`${where(include.source)}config \`include\` cycle detected with path \`${include.path}\``);
            }
            const includedText = includes.get(include.path);
            if (includedText === undefined) {
                if (include.optional)
                    continue;
                throw new UserError(`${where(include.source)}config include \`${include.written}\` not found (looked for \`${include.path}\`)`);
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
        throw new UserError(`${where(node.source)}\`include\` must be an array of paths or of tables with a \`path\`, found ${describe(node)}`);
    }
    return node.items.map(item => {
        let written = item.value;
        let optional = false;
        if (typeof item.value === 'object' && !Array.isArray(item.value)) {
            written = item.value.path;
            optional = item.value.optional ?? false;
        }
        if (typeof written !== 'string' || typeof optional !== 'boolean') {
            throw new UserError(`${where(item.source)}\`include\` entries must be paths or \`{ path = "…", optional = true|false }\``);
        }
        if (!written.endsWith('.toml')) {
            throw new UserError(`${where(item.source)}config include \`${written}\` must be a path ending with \`.toml\``);
        }
        return { path: external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(file), written), written, optional, source: item.source };
    });
}
/** Parses one `--config KEY=VALUE` argument (a TOML dotted key and a value, on one line). */
function parseCliOverride(arg) {
    const invalid = () => new UserError(`--config argument \`${arg}\` is not a \`KEY=VALUE\` TOML expression (e.g. \`profile.release.lto=true\`)`);
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
        throw new UserError(`${where(higher.source)}cannot merge config key \`${keys.join('.')}\`: ${describe(higher)} here, but ${describe(lower)} at ${describeSource(lower.source)}`);
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
function describe(node) {
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
                throw new UserError(`${where(item.source)}\`${key}\` must be a string or an array of strings`);
            }
            return { value: item.value, source: item.source };
        });
        return { items, source: node.source };
    }
    throw new UserError(`${where(node.source)}\`${key}\` must be a string or an array of strings, found ${describe(node)}`);
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
            throw new UserError(`${where(profiles.source)}\`profile\` must be a table`);
        for (const [name, table] of profiles.entries) {
            if (table.kind !== 'table')
                throw new UserError(`${where(table.source)}\`profile.${name}\` must be a table`);
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
                throw new UserError(`${where(item.source)}\`build.target\` must be a string or an array of strings`);
            // Cargo builds each distinct target once.
            if (!targets.some(t => t.value === item.value))
                targets.push({ value: item.value, source: item.source });
        }
        return targets.length === 0 ? null : { kind: 'multi', targets, source: node.source };
    }
    throw new UserError(`${where(node.source)}\`build.target\` must be a string or an array of strings, found ${describe(node)}`);
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
    throw new UserError(`build.target lists ${bt.targets.length} targets: ${listed}; this analysis covers one target at a time, pass --target to choose one`);
}
function resolveTargetPath(target, cwd) {
    if (!target.value.endsWith('.json'))
        return target.value;
    const base = 'file' in target.source ? external_node_path_namespaceObject.dirname(external_node_path_namespaceObject.dirname(target.source.file)) : cwd;
    return external_node_path_namespaceObject.resolve(base, target.value);
}
/**
 * Reads and merges the config files cargo would read when run in `cwd` (with their `include`s), then
 * applies the environment. `CARGO_HOME` defaults to `~/.cargo`. `cli` are `--config KEY=VALUE` arguments.
 */
function readCargoConfig(cwd, env, cli = []) {
    const home = env.HOME ?? env.USERPROFILE ?? external_node_os_namespaceObject.homedir();
    const cargoHome = env.CARGO_HOME !== undefined && env.CARGO_HOME !== '' ? env.CARGO_HOME : external_node_path_namespaceObject.join(home, '.cargo');
    const files = [];
    const dirsTaken = new Set();
    for (const candidate of configFilePaths(cwd, cargoHome)) {
        const dir = external_node_path_namespaceObject.dirname(candidate);
        if (dirsTaken.has(dir) || !isFile(candidate))
            continue;
        dirsTaken.add(dir);
        files.push({ path: candidate, text: readText(candidate) });
    }
    const includes = new Map();
    const pending = files.map(f => f);
    while (pending.length > 0) {
        const file = pending.pop();
        for (const target of includeTargets(file)) {
            if (includes.has(target) || !isFile(target))
                continue;
            const text = readText(target);
            includes.set(target, text);
            pending.push({ path: target, text });
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
    for (const entry of include) {
        const written = typeof entry === 'string' ? entry : typeof entry === 'object' && !Array.isArray(entry) ? entry.path : undefined;
        if (typeof written === 'string' && written.endsWith('.toml'))
            out.push(external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(file.path), written));
    }
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
function readText(p) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(p, 'utf8');
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new UserError(`could not read cargo config file ${p}: ${reason}`);
    }
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
function repositoryConfigPlan(config, isRepositoryFile) {
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
            plan.args.push(`${tomlKey(keys)}=${tomlValue(node, keys, key)}`);
        }
        return false;
    });
    return plan;
}
function refusedBecause(keys) {
    const key = keys.join('.');
    if (key === 'build.rustc')
        return 'names the rustc that cargo runs';
    if (keys.at(-1) === 'credential-provider' || key === 'registry.global-credential-providers' || keys[0] === 'credential-alias') {
        return 'names a credential provider, a program cargo runs to authenticate';
    }
    return null;
}
/** A dotted TOML key, quoting the parts that are not bare keys (`patch."https://example.com".foo`). */
function tomlKey(keys) {
    return keys.map(k => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}
function tomlValue(node, keys, key) {
    const absolute = (value) => typeof value === 'string' && 'file' in node.source && !external_node_path_namespaceObject.isAbsolute(value) ? external_node_path_namespaceObject.resolve(external_node_path_namespaceObject.dirname(external_node_path_namespaceObject.dirname(node.source.file)), value) : value;
    if (node.kind === 'scalar')
        return toml(PATH_KEYS.test(key) ? absolute(node.value) : node.value);
    if (node.kind === 'array')
        return `[${node.items.map((item, i) => toml(PATH_KEYS.test(`${key}.${i}`) ? absolute(item.value) : item.value)).join(', ')}]`;
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
        throw new UserError("the argument '--release' cannot be used with '--profile <PROFILE-NAME>'");
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
        throw new UserError('profile `doc` is reserved and not allowed to be explicitly specified');
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
                throw new UserError(`${inherits.where}profile inheritance loop detected with profile \`${current}\` inheriting \`${parent}\``);
            }
            if (!layers.exists(parent)) {
                throw new UserError(`${inherits.where}profile \`${current}\` inherits from \`${parent}\`, but that profile is not defined`);
            }
        }
        else if (current === 'test' || current === 'bench') {
            parent = current === 'test' ? 'dev' : 'release';
        }
        else if (!layers.exists(current)) {
            throw new UserError(`profile \`${current}\` is not defined`);
        }
        else {
            const at = layers.definedAt(current);
            throw new UserError(`${at}profile \`${current}\` is missing an \`inherits\` directive (\`inherits\` is required for all profiles except \`dev\` or \`release\`)`);
        }
        chain.push(parent);
        current = parent;
    }
    const root = chain[chain.length - 1];
    const rootInherits = layers.get(root, 'inherits');
    if (rootInherits !== null)
        throw new UserError(`${rootInherits.where}\`inherits\` must not be specified in root profile \`${root}\``);
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
        throw new UserError(`${where}invalid profile name \`${name}\`: allowed characters are letters, numbers, underscore and hyphen`);
    }
    const lower = name.toLowerCase();
    if (lower === 'debug')
        throw new UserError(`${where}profile name \`debug\` is reserved; the development profile is called \`dev\``);
    if (lower === 'build-override') {
        throw new UserError(`${where}profile name \`build-override\` is reserved; use [profile.<name>.build-override]`);
    }
    const reserved = ['build', 'check', 'clean', 'config', 'fetch', 'fix', 'install', 'metadata', 'package', 'publish', 'report'];
    reserved.push('root', 'run', 'rust', 'rustc', 'rustdoc', 'target', 'tmp', 'uninstall');
    if (reserved.includes(lower) || lower.startsWith('cargo')) {
        throw new UserError(`${where}profile name \`${name}\` is reserved; please choose a different name`);
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
            throw new UserError(`${this.manifestWhere(['profile'])}\`profile\` must be a table`);
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
            throw new UserError(`${this.manifestWhere(['profile', profile])}\`profile.${profile}\` must be a table`);
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
            throw new UserError(`${where}invalid \`${key}\`: expected a string or boolean, found ${node.kind === 'table' ? 'a table' : 'an array'}`);
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
        throw new UserError(`${raw.where}\`${raw.key} = "immediate-abort"\` needs the nightly-only \`panic-immediate-abort\` feature`);
    }
    throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected "unwind" or "abort"`);
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
    throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(v)}: expected true, false, "fat", "thin" or "off"`);
}
function rpathValue(raw) {
    if (typeof raw.value === 'boolean')
        return raw.value;
    throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected true or false`);
}
function inheritsValue(raw) {
    if (typeof raw.value === 'string')
        return raw.value;
    throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected a profile name`);
}
function isTable(value) {
    return typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/model/cfg.ts
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
            return cfg.values.get(expr.key)?.has(expr.value) ?? false;
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

;// CONCATENATED MODULE: ./src/config/rustflags.ts
/**
 * The extra rustc flags cargo 1.95 passes to every unit of one compile kind ("rustflags").
 *
 * Cargo computes them once per kind in `TargetInfo::new` (`src/cargo/core/compiler/build_context/target_info.rs`,
 * `extra_args`), taking the first source that yields a value:
 *
 * 1. `CARGO_ENCODED_RUSTFLAGS`, split on `\x1f` (an empty value means no flags);
 * 2. `RUSTFLAGS`, split on spaces (an empty value means no flags);
 * 3. `target.<triple>.rustflags` followed by every matching `target.'cfg(…)'.rustflags` (cfg keys in sorted
 *    order), skipped when that list is empty;
 * 4. `build.rustflags`.
 *
 * Without `--target` (and without `build.target`) host units (build scripts, proc-macros and their
 * dependencies) get the same flags; with a target they get none at all.
 */


/** Reproduces cargo 1.95's choice of rustflags for one compile kind. */
function effectiveRustflags(opts) {
    const { env, config } = opts;
    if (opts.kind === 'host' && opts.requestedTarget !== null) {
        return { flags: [], source: null, flagSources: [], origin: 'host-with-target', needsCfg: false };
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
    const items = [...(tripleRustflags(config, opts.triple)?.items ?? [])];
    const cfgTables = [...config.targetRustflags].filter(([key]) => isCfgKey(key)).sort(([a], [b]) => compareUtf8(a, b));
    let needsCfg = false;
    if (opts.cfg === null) {
        needsCfg = cfgTables.length > 0;
    }
    else {
        const cfg = withoutProcMacro(opts.cfg);
        for (const [key, list] of cfgTables)
            if (cfgKeyMatches(key, cfg))
                items.push(...list.items);
    }
    if (items.length > 0)
        return fromConfig('target', items, needsCfg);
    const build = config.buildRustflags;
    if (build !== null && build.items.length > 0)
        return fromConfig('build', build.items, needsCfg);
    if (build !== null)
        return { flags: [], source: settingSource(build.source), flagSources: [], origin: 'build', needsCfg };
    return { flags: [], source: null, flagSources: [], origin: 'none', needsCfg };
}
function fromEnv(name, flags) {
    const source = { env: name };
    return { flags, source, flagSources: flags.map(() => source), origin: name, needsCfg: false };
}
function fromConfig(origin, items, needsCfg) {
    const flagSources = items.map(i => settingSource(i.source));
    return { flags: items.map(i => i.value), source: flagSources[0] ?? null, flagSources, origin, needsCfg };
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
 * caller's probe.
 */
async function resolveRustflags(opts, probe) {
    const first = effectiveRustflags({ ...opts, cfg: null });
    const firstProbe = await probe(first.flags);
    const second = effectiveRustflags({ ...opts, cfg: firstProbe.cfg });
    if (sameFlags(first.flags, second.flags))
        return { ...second, probe: firstProbe, converged: true };
    const secondProbe = await probe(second.flags);
    const third = effectiveRustflags({ ...opts, cfg: secondProbe.cfg });
    return { ...second, probe: secondProbe, converged: sameFlags(second.flags, third.flags) };
}
function sameFlags(a, b) {
    return a.length === b.length && a.every((flag, i) => flag === b[i]);
}

;// CONCATENATED MODULE: ./src/model/crate-type.ts
// The truth tables below are cargo's own (`src/compiler/crate_type.rs`); keep them identical.
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

;// CONCATENATED MODULE: ./src/rustc/probe.ts


/** The crate types cargo's own target-info probe asks about, in its order. */
const PROBED_CRATE_TYPES = ['bin', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro'];
/**
 * Arguments of the one combined rustc call per target, the same request cargo's target-info probe
 * makes (`src/compiler/build_context/target_info.rs`), plus `target-libdir`. `input` is the source rustc
 * reads: cargo uses `-` (stdin); the null device gives the same answers without writing to a pipe.
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
        throw new UserError(`rustc --print for target \`${target}\` printed too little output to be understood: ${JSON.stringify(stdout.slice(0, 200))}`);
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
        return probe.cfg.values.get('target_feature')?.has('crt-static') ?? false;
    }
    return !probe.supportedCrateTypes.has('dylib') && probe.supportedCrateTypes.has('proc-macro');
}
/** The `-C target-feature` entries of a flag list, in order. */
function targetFeatures(rustflags) {
    const out = [];
    for (const value of codegenOptions(rustflags, 'target-feature'))
        out.push(...value.split(',').map(s => s.trim()));
    return out;
}
/** All values of one `-C name=value` codegen option in a flag list (`-C x=y`, `-Cx=y`, `--codegen x=y`). */
function codegenOptions(rustflags, name) {
    return optionValues(rustflags, '-C', '--codegen', name);
}
/** All values of one `-Z name=value` unstable option in a flag list (`-Z x=y`, `-Zx=y`). */
function unstableOptions(rustflags, name) {
    return optionValues(rustflags, '-Z', null, name);
}
function optionValues(rustflags, short, long, name) {
    const values = [];
    for (let i = 0; i < rustflags.length; i++) {
        const flag = rustflags[i];
        let opt;
        if (flag === short || flag === long)
            opt = rustflags[++i];
        else if (flag.startsWith(short))
            opt = flag.slice(short.length);
        else if (long !== null && flag.startsWith(`${long}=`))
            opt = flag.slice(long.length + 1);
        if (opt === undefined)
            continue;
        const eq = opt.indexOf('=');
        const key = (eq < 0 ? opt : opt.slice(0, eq)).replace(/_/g, '-');
        if (key === name)
            values.push(eq < 0 ? '' : opt.slice(eq + 1));
    }
    return values;
}
/** A boolean `-C`/`-Z` option: present without a value or with yes/on/true; the last occurrence wins. */
function flagEnabled(values) {
    if (values.length === 0)
        return false;
    const last = values[values.length - 1].toLowerCase();
    return last === '' || last === 'y' || last === 'yes' || last === 'on' || last === 'true';
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
        throw new UserError(`\`rustc -vV\` printed unexpected output: ${JSON.stringify(stdout.slice(0, 120))}`);
    }
    const date = field('commit-date');
    return { release, commitHash: field('commit-hash') ?? 'unknown', commitDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, host };
}
function toTargetInfo(triple, probe, libdirEntries, rustflags) {
    return {
        triple,
        cfg: probe.cfg,
        supportedCrateTypes: probe.supportedCrateTypes,
        fileNames: probe.fileNames,
        sysroot: probe.sysroot,
        targetLibdir: probe.targetLibdir,
        crtStaticExecutables: executablesCrtStatic(rustflags, probe),
        stdDylib: findStdDylib(libdirEntries),
        stdInstalled: libdirEntries.some(e => /^libstd-[0-9a-f]+\.rlib$/.test(e)),
        rustflags,
        rustflagsSource: null
    };
}

;// CONCATENATED MODULE: ./src/model/unit-graph.ts




/** The units a unit depends on: the libraries it links, then the units built before it. */
function dependenciesOf(unit) {
    return [...unit.crates.map(c => c.unit), ...unit.buildsAfter];
}
/**
 * Builds cargo's unit graph for an invocation: the root units for the selected packages and targets, and
 * everything they depend on, each with the settings cargo passes to rustc.
 */
function buildUnitGraph(metadata, context, invocation, selected, sourceUsesCrate = () => true) {
    const units = [];
    const byKey = new Map();
    const targetIds = new Map();
    const libs = new Map();
    const libOf = (pkg) => {
        if (!libs.has(pkg))
            libs.set(pkg, libTarget(pkg));
        return libs.get(pkg);
    };
    const primary = new Set(selected.map(p => p.id));
    const warnings = [];
    const profile = invocation.command === 'test' ? context.testProfile : context.profile;
    // Units created and not yet given their dependencies: a stack rather than recursion, as a dependency
    // chain can be far deeper than the call stack. A unit's dependencies are all created before its next
    // sibling, so units are numbered depth first.
    const pending = [];
    const infoFor = (kind) => (kind === 'host' ? context.host : context.target);
    const makeUnit = ({ pkg, target, mode, kind, unitFor }, root) => {
        const panicForced = unitFor.host || unitFor.test || mode === 'test' || target.kind === 'custom-build' || target.kind === 'proc-macro';
        // Targets are unique objects per package: a small integer identifies package × target.
        let targetId = targetIds.get(target);
        if (targetId === undefined)
            targetIds.set(target, (targetId = targetIds.size));
        const key = targetId * 8 + (mode === 'test' ? 4 : 0) + (kind === 'host' ? 2 : 0) + (panicForced ? 1 : 0);
        const existing = byKey.get(key);
        if (existing) {
            existing.root ||= root;
            return existing;
        }
        const info = infoFor(kind);
        const requested = mode === 'test' ? ['bin'] : target.crateTypes;
        const crateTypes = requested.filter(t => info.supportedCrateTypes.has(t));
        const droppedCrateTypes = requested.filter(t => !info.supportedCrateTypes.has(t));
        const rustflags = info.rustflags;
        let preferDynamic = null;
        if (target.kind === 'proc-macro')
            preferDynamic = 'proc-macro';
        else if (mode !== 'test' && target.crateTypes.includes('dylib') && !primary.has(pkg.id))
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
            crateTypes,
            droppedCrateTypes,
            preferDynamic,
            panic,
            panicSource,
            lto: { kind: 'object-and-bitcode' },
            rpath: profile.rpath,
            crtStatic: target.kind === 'proc-macro' ? false : info.crtStaticExecutables,
            rustflags,
            targetInfo: info,
            crates: [],
            unlinkable: [],
            buildsAfter: [],
            root,
            primary: primary.has(pkg.id)
        };
        units.push(unit);
        byKey.set(key, unit);
        pending.push({ unit, needs: needsOf(unit, unitFor), next: 0 });
        return unit;
    };
    /** Creates the units pending ones need, depth first, and links each to its dependent. */
    const completePending = () => {
        while (pending.length > 0) {
            const frame = pending[pending.length - 1];
            const need = frame.needs[frame.next++];
            if (need === undefined) {
                pending.pop();
                continue;
            }
            const { crates, buildsAfter } = frame.unit;
            const dep = makeUnit(need, false);
            if (need.link === null)
                buildsAfter.push(dep);
            // The package's own library is needed last but passed to rustc first.
            else if (need.link.edge === 'own-lib')
                crates.unshift({ unit: dep, ...need.link });
            else
                crates.push({ unit: dep, ...need.link });
        }
    };
    /** What a new unit needs, in cargo's order; records the dependencies cargo cannot pass to rustc. */
    const needsOf = (unit, unitFor) => {
        const { pkg, target, mode, kind } = unit;
        const info = infoFor(kind);
        const needs = [];
        const isBuildScript = target.kind === 'custom-build';
        const includeDev = !isBuildScript && (target.kind === 'test' || target.kind === 'example' || target.kind === 'bench' || mode === 'test');
        const childFor = { host: unitFor.host || isBuildScript || target.kind === 'proc-macro', test: unitFor.test || mode === 'test' };
        const childKind = childFor.host ? 'host' : kind;
        for (const edge of pkg.deps) {
            const applicable = edge.kinds.filter(k => {
                if (isBuildScript ? k.kind !== 'build' : k.kind === 'build')
                    return false;
                if (k.kind === 'dev' && !includeDev)
                    return false;
                return k.platform === null || matchesPlatform(k.platform, info, pkg);
            });
            if (applicable.length === 0)
                continue;
            const dep = edge.pkg === pkg.id ? pkg : metadata.packages.get(edge.pkg);
            const lib = libOf(dep);
            if (!lib)
                continue;
            const first = applicable[0];
            if (!lib.crateTypes.some(isLinkable)) {
                // Cargo still builds the library first, but passes no `--extern` for it.
                unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes });
                needs.push(libNeed(dep, lib, childKind, childFor, null));
                continue;
            }
            needs.push(libNeed(dep, lib, childKind, childFor, { externName: edge.externName, edge: first.kind, platform: first.platform }));
        }
        if (!isBuildScript && target.kind !== 'lib' && target.kind !== 'proc-macro') {
            const lib = libOf(pkg);
            if (lib) {
                const libName = lib.name.replace(/-/g, '_');
                if (lib.crateTypes.some(isLinkable)) {
                    needs.push(libNeed(pkg, lib, childKind, childFor, { externName: libName, edge: 'own-lib', platform: null }));
                }
                else if (sourceUsesCrate(target.srcPath, libName)) {
                    unit.unlinkable.push({ pkg, externName: libName, edge: 'own-lib', crateTypes: lib.crateTypes });
                }
            }
            if ((target.kind === 'test' || target.kind === 'bench') && mode === 'test') {
                for (const bin of pkg.targets.filter(t => t.kind === 'bin' && featuresSatisfied(t, pkg))) {
                    needs.push({ pkg, target: bin, mode: 'build', kind, unitFor: { host: unitFor.host, test: false }, link: null });
                }
            }
        }
        const script = pkg.targets.find(t => t.kind === 'custom-build');
        if (script && !isBuildScript)
            needs.push({ pkg, target: script, mode: 'build', kind: 'host', unitFor: { host: true, test: false }, link: null });
        return needs;
    };
    const roots = [];
    for (const pkg of selected) {
        for (const { target, mode } of rootTargets(pkg, invocation, warnings)) {
            const kind = target.kind === 'proc-macro' && mode === 'build' ? 'host' : 'target';
            const unit = makeUnit({ pkg, target, mode, kind, unitFor: { host: kind === 'host', test: false } }, true);
            completePending();
            if (!roots.includes(unit))
                roots.push(unit);
        }
    }
    checkNamedTargets(invocation, selected);
    assignLto(roots, profile);
    return { units, roots, warnings };
}
/** A dependent's need for the library `lib` of `dep`: proc-macros, like everything under a host unit, are built for the host. */
function libNeed(dep, lib, kind, unitFor, link) {
    const host = unitFor.host || lib.kind === 'proc-macro';
    return { pkg: dep, target: lib, mode: 'build', kind: host ? 'host' : kind, unitFor: { host, test: unitFor.test }, link };
}
function matchesPlatform(platform, info, pkg) {
    try {
        return platformMatches(platform, info.triple, info.cfg);
    }
    catch (e) {
        throw new UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${e.message}`);
    }
}
/** The library target (`lib` or `proc-macro`) of a package, if any. */
function libTarget(pkg) {
    return pkg.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro');
}
function featuresSatisfied(target, pkg) {
    return target.requiredFeatures.every(f => pkg.features.includes(f));
}
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
/** The root targets of one selected package, with the compile mode cargo uses for each. */
function rootTargets(pkg, inv, warnings) {
    const t = inv.targets;
    const out = [];
    const add = (target, mode) => {
        if (!featuresSatisfied(target, pkg)) {
            warnings.push(`target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${target.requiredFeatures.map(f => `\`${f}\``).join(', ')}`);
            return;
        }
        if (!out.some(s => s.target === target && s.mode === mode))
            out.push({ target, mode });
    };
    const lib = libTarget(pkg);
    const of = (kind) => pkg.targets.filter(x => x.kind === kind);
    const testMode = inv.command === 'test' ? 'test' : 'build';
    const specific = t.lib || t.bins || t.tests || t.examples || t.benches || t.allTargets || t.bin.length + t.test.length + t.example.length + t.bench.length > 0;
    if (!specific) {
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
function checkNamedTargets(inv, selected) {
    const check = (names, kind, flag) => {
        for (const name of names) {
            if (!selected.some(p => p.targets.some(t => t.kind === kind && t.name === name))) {
                throw new UserError(`no ${kind} target named \`${name}\` in the selected packages (\`${flag} ${name}\`)`);
            }
        }
    };
    check(inv.targets.bin, 'bin', '--bin');
    check(inv.targets.example, 'example', '--example');
    check(inv.targets.test, 'test', '--test');
    check(inv.targets.bench, 'bench', '--bench');
}
/** Cargo's LTO assignment, from each root unit down (`src/compiler/lto.rs`). */
function assignLto(roots, profile) {
    const assigned = new Map();
    const forHost = (u) => u.target.kind === 'proc-macro' || u.target.kind === 'custom-build';
    const requestedTypes = (u) => (u.mode === 'test' ? ['bin'] : u.target.crateTypes);
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
/**
 * `calculate_type` followed by `verify_ok` for one output crate type.
 * `crates` must be in rustc's load order (the standard library first); `injectedPanicRuntime` is the
 * key of the panic runtime rustc injects (`panic_unwind` or `panic_abort`), if any.
 */
function calculateType(crateType, session, crates, injectedPanicRuntime) {
    const empty = (errors = []) => ({
        linkage: new Map(),
        via: new Map(),
        errors,
        allStatic: false
    });
    if (crateType === 'rlib')
        return empty();
    let preferStatic;
    switch (crateType) {
        case 'dylib':
        case 'cdylib':
            preferStatic = !session.preferDynamic;
            break;
        case 'staticlib':
            preferStatic = !session.staticlibPreferDynamic;
            break;
        case 'bin':
            preferStatic = !session.preferDynamic || session.crtStatic;
            break;
        case 'proc-macro':
            // rustc ignores -C prefer-dynamic for proc-macros.
            preferStatic = true;
            break;
    }
    // Only an error message needs a crate's name by key: build the index then.
    let byKey = null;
    const nameOf = (key) => (byKey ??= new Map(crates.map(c => [c.key, c]))).get(key)?.name ?? key;
    const unavailable = [];
    if (preferStatic) {
        const firstNonRlib = crates.find(c => c.depKind !== 'macros-only' && !c.rlib);
        if (!firstNonRlib) {
            const linkage = new Map();
            for (const c of crates)
                linkage.set(c.key, c.depKind === 'explicit' ? 'static' : 'not-linked');
            activateInjected(linkage, crates, injectedPanicRuntime);
            return { linkage, via: new Map(), errors: verify(linkage, crates, session), allStatic: true };
        }
        unavailable.push(firstNonRlib.key);
        if ((crateType === 'staticlib' && !session.staticlibAllowRdylibDeps) || (crateType === 'bin' && session.crtStatic && !session.crtStaticAllowsDylibs)) {
            return empty(crates.filter(c => c.depKind !== 'macros-only' && !c.rlib).map(c => ({ kind: 'rlib-required', crate: c.name })));
        }
    }
    const errors = [];
    const formats = new Map();
    const add = (key, origin) => {
        const existing = formats.get(key);
        if (existing) {
            if (existing.preference !== origin.preference || origin.preference === 'static') {
                errors.push({ kind: 'crate-dep-multiple', crate: nameOf(key), existing, incoming: origin });
            }
        }
        else {
            formats.set(key, origin);
        }
    };
    for (const c of crates) {
        if (c.depKind === 'macros-only' || !c.dylib)
            continue;
        add(c.key, { preference: 'dynamic', via: null });
        for (const [dep, preference] of c.dylibFormats ?? [])
            add(dep, { preference, via: c.key });
    }
    const linkage = new Map();
    const via = new Map();
    for (const c of crates) {
        const f = formats.get(c.key);
        linkage.set(c.key, f === undefined ? 'not-linked' : f.preference === 'dynamic' ? 'dynamic' : 'included-from-dylib');
        if (f?.via)
            via.set(c.key, f.via);
    }
    for (const c of crates) {
        if (!c.dylib && !formats.has(c.key) && c.depKind === 'explicit') {
            add(c.key, { preference: 'static', via: null });
            linkage.set(c.key, 'static');
        }
    }
    activateInjected(linkage, crates, injectedPanicRuntime);
    for (const c of crates) {
        const l = linkage.get(c.key);
        if (l === 'static' && !c.rlib)
            errors.push({ kind: 'lib-required', crate: c.name, format: 'rlib' });
        if (l === 'dynamic' && !c.dylib)
            errors.push({ kind: 'lib-required', crate: c.name, format: 'dylib' });
    }
    errors.push(...verify(linkage, crates, session));
    return { linkage, via, errors, allStatic: false };
}
function activateInjected(linkage, crates, injected) {
    if (crates.some(c => c.isPanicRuntime && linkage.get(c.key) !== 'not-linked'))
        return;
    if (injected !== null)
        linkage.set(injected, 'static');
}
/** `verify_ok`: one panic runtime, and every linked crate compatible with the artifact's strategy. */
function verify(linkage, crates, session) {
    const errors = [];
    const linked = crates.filter(c => (linkage.get(c.key) ?? 'not-linked') !== 'not-linked');
    let runtime = null;
    for (const c of linked) {
        if (!c.isPanicRuntime)
            continue;
        if (runtime)
            errors.push({ kind: 'two-panic-runtimes', first: runtime.name, second: c.name });
        else
            runtime = c;
    }
    if (!runtime)
        return errors;
    if (runtime.requiredPanic !== session.panic) {
        errors.push({ kind: 'bad-panic-strategy', runtime: runtime.name, strategy: session.panic });
    }
    for (const c of linked) {
        if (c === runtime || c.name === 'compiler_builtins')
            continue;
        if (c.requiredPanic !== null && c.requiredPanic !== session.panic) {
            errors.push({ kind: 'required-panic-strategy', crate: c.name, found: c.requiredPanic, desired: session.panic });
        }
    }
    return errors;
}
/** What a Rust dylib records about its own linkage, for the crates that link it later. */
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

;// CONCATENATED MODULE: ./src/linkage/resolve.ts




const SYSROOT_INTERNALS = ['core', 'alloc', 'compiler_builtins'];
/** Computes the linkage of every unit of the graph, dependencies first. */
function resolveLinkage(graph) {
    const byUnit = new Map();
    const crateNames = new Map();
    for (const name of ['std', ...SYSROOT_INTERNALS, 'panic_unwind', 'panic_abort', 'test', 'proc_macro']) {
        crateNames.set(sysKey(name), { name, unit: null });
    }
    // Cargo refuses a unit whose every crate type the target drops while preparing the build, before it
    // compiles anything: that unit fails and every other one is never attempted.
    const unbuildable = graph.units.filter(u => u.crateTypes.length === 0);
    for (const unit of topologicalOrder(graph)) {
        crateNames.set(unitKey(unit), { name: crateName(unit), unit });
        if (unbuildable.length > 0 && !unbuildable.includes(unit)) {
            byUnit.set(unit, { ...emptyResult(unit, []), status: 'blocked', blockedBy: unbuildable });
        }
        else {
            byUnit.set(unit, resolveUnit(unit, byUnit, graph.units));
        }
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
function crateName(unit) {
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
function resolveUnit(unit, done, units) {
    const blockedBy = dependenciesOf(unit).filter(d => done.get(d).status !== 'ok');
    // Only linking units need their whole crate graph and a panic runtime; an rlib never links.
    const links = unit.crateTypes.some(requiresUpstreamObjects);
    const crates = links && blockedBy.length === 0 ? crateGraph(unit, done) : [];
    const base = emptyResult(unit, crates);
    if (blockedBy.length > 0) {
        return { ...base, status: 'blocked', blockedBy: [...new Set(blockedBy)] };
    }
    // Phases in rustc's order: option parsing, crate types, name resolution and crate loading,
    // dependency formats and panic runtimes, then the LTO gate. Only the first failing phase reports.
    const phases = [
        () => (ltoRequested(unit) && embedBitcodeOff(unit) ? [{ kind: 'embed-bitcode-lto' }] : []),
        () => (unit.crateTypes.length === 0 ? [{ kind: 'unsupported-crate-types', dropped: unit.droppedCrateTypes, allDropped: true }] : []),
        () => [
            ...unit.unlinkable.map(dep => ({ kind: 'unlinkable-dependency', dep })),
            ...unloadableProcMacros(unit, done)
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
        crtStaticAllowsDylibs: /-windows-msvc$|^wasm32-wasi/.test(unit.targetInfo.triple),
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
        const formats = calculateType(crateType, session, crates, injected);
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
function crateGraph(unit, done) {
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
    // Depth first in dependency order, without recursion: the next crate to load is on top.
    const stack = unit.crates.map(d => d.unit).reverse();
    for (let dep = stack.pop(); dep !== undefined; dep = stack.pop()) {
        if (seen.has(dep))
            continue;
        seen.add(dep);
        const macrosOnly = dep.target.kind === 'proc-macro';
        let node = unitNodes.get(dep);
        if (!node) {
            node = {
                key: unitKey(dep),
                name: crateName(dep),
                rlib: providesRlib(dep.crateTypes),
                dylib: providesDylib(dep.crateTypes),
                depKind: macrosOnly ? 'macros-only' : 'explicit',
                isPanicRuntime: false,
                requiredPanic: dep.panic === 'abort' ? 'abort' : null,
                dylibFormats: done.get(dep)?.dylibFormats ?? null
            };
            unitNodes.set(dep, node);
        }
        graph.push(node);
        // A proc-macro's own dependencies are never loaded into its user's crate graph.
        if (!macrosOnly)
            for (let i = dep.crates.length - 1; i >= 0; i--)
                stack.push(dep.crates[i].unit);
    }
    return graph;
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
 * A proc-macro that links a Rust dylib dynamically builds, but rustc cannot load it for its users: the
 * dylib is not on rustc's library search path (E0463) — unless `rpath` gave the proc-macro a run path.
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
    const name = crateName(unit) + (unit.pkg.source === null ? '' : '-<hash>');
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
function effectiveLto(unit) {
    const values = codegenOptions([...cargoLtoArgs(unit.lto), ...unit.rustflags], 'lto');
    const last = values[values.length - 1];
    if (last === undefined || OFF.has(last))
        return null;
    return last === 'thin' ? 'thin' : 'fat';
}
function ltoRequested(unit) {
    return effectiveLto(unit) !== null;
}
function embedBitcodeOff(unit) {
    const values = codegenOptions([...cargoLtoArgs(unit.lto), ...unit.rustflags], 'embed-bitcode');
    const last = values[values.length - 1];
    return last !== undefined && OFF.has(last);
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

;// CONCATENATED MODULE: ./src/model/facts.ts
/** No facts: no pin, no expectation, no allocators (metadata recorded elsewhere, benchmarks). */
function noFacts() {
    return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => false };
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
        throw new UserError('`--exclude` can only be used together with `--workspace`');
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
                throw new UserError(`package ID specification \`${spec}\` did not match any packages`);
            }
            if (matched.length > 1 && !isGlob(spec)) {
                const list = matched.map(p => `${p.name}@${p.version}`).join(', ');
                throw new UserError(`the specification \`${spec}\` is ambiguous: it matches ${list}; add a version (\`name@version\`)`);
            }
            for (const p of matched)
                chosen.set(p.id, p);
        }
        return { packages: sortById([...chosen.values()]), warnings };
    }
    return { packages: sortById(defaultMembers(metadata, currentManifest)), warnings };
}
function defaultMembers(metadata, currentManifest) {
    const members = metadata.workspaceMembers.map(id => metadata.packages.get(id));
    const current = external_node_path_default().resolve(currentManifest);
    const rootManifest = external_node_path_default().join(external_node_path_default().resolve(metadata.workspaceRoot), 'Cargo.toml');
    if (current !== rootManifest) {
        // Run on a member's manifest: that package alone (default-members only apply at the root).
        const own = members.find(p => external_node_path_default().resolve(p.manifestPath) === current);
        if (own)
            return [own];
    }
    if (metadata.workspaceDefaultMembers !== null) {
        return metadata.workspaceDefaultMembers.map(id => metadata.packages.get(id));
    }
    // Metadata without `workspace_default_members`: the root package, or all members of a virtual workspace.
    const root = members.find(p => external_node_path_default().resolve(p.manifestPath) === rootManifest);
    return root ? [root] : members;
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
                throw new UserError(`invalid glob pattern \`${glob}\` in a package specification: unclosed \`[\``);
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
;// CONCATENATED MODULE: ./src/report/fingerprint.ts

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

;// CONCATENATED MODULE: ./src/report/json-checks.ts
/**
 * Checks shared by the readers of JSON that a user or an earlier run gave us (the baseline, the report):
 * what a value is, in a few words, and where JSON.parse gave up.
 */

/**
 * The top level of a JSON report of this tool: parsed (a leading BOM allowed), an object, version 1. A SARIF
 * log is named as such, with `sarifAdvice` saying what to give instead.
 */
function readReportObject(text, file, sarifAdvice) {
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        throw new UserError(`${file}: not a JSON report (${jsonProblem(json)})`);
    }
    if (!isObject(data))
        throw new UserError(`${file}: not a JSON report (expected an object at the top level, got ${json_checks_describe(data)})`);
    if (data.version !== 1) {
        if (Array.isArray(data.runs))
            throw new UserError(`${file}: a SARIF log, not a JSON report: ${sarifAdvice}`);
        if (data.version === undefined)
            throw new UserError(`${file}: not a JSON report (no \`version\`)`);
        throw new UserError(`${file}: \`version\` is ${json_checks_describe(data.version)}, and only 1 is supported`);
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
        throw new UserError(`${file}: findings: expected an array, got ${json_checks_describe(findings)}`);
    const fingerprints = new Array(findings.length);
    for (let i = 0; i < findings.length; i++) {
        const at = `${file}: findings[${i}]`;
        const f = findings[i];
        if (!isObject(f))
            throw new UserError(`${at}: expected an object, got ${json_checks_describe(f)}`);
        if (typeof f.rule !== 'string')
            throw new UserError(`${at}.rule: expected a string, got ${json_checks_describe(f.rule)}`);
        if (f.fingerprint !== undefined) {
            if (typeof f.fingerprint !== 'string')
                throw new UserError(`${at}.fingerprint: expected a string, got ${json_checks_describe(f.fingerprint)}`);
            fingerprints[i] = f.fingerprint;
            continue;
        }
        const crates = f.crates;
        if (!Array.isArray(crates))
            throw new UserError(`${at}.crates: expected an array of strings, got ${json_checks_describe(crates)}`);
        crates.forEach((c, j) => {
            if (typeof c !== 'string')
                throw new UserError(`${at}.crates[${j}]: expected a string, got ${json_checks_describe(c)}`);
        });
        for (const key of ARTIFACT_FIELDS) {
            const value = f[key];
            if (value !== undefined && typeof value !== 'string')
                throw new UserError(`${at}.${key}: expected a string, got ${json_checks_describe(value)}`);
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

;// CONCATENATED MODULE: ./src/rules/boundaries.ts
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
 * loader crate, or their sources call `dlopen`/`LoadLibrary` — and its `cdylib`s that no package links. A
 * `cdylib` next to executables that load nothing is a library for C or another language, not a plugin.
 */
function pluginSystem(graph, metadata, loadsLibraries) {
    const members = new Set(metadata.workspaceMembers);
    const hosts = graph.units
        .filter(u => u.mode === 'build' && u.kind === 'target' && u.target.kind === 'bin' && members.has(u.pkg.id))
        .map(unit => ({ unit, loaders: loadersOf(unit.pkg, metadata) }))
        .filter(h => h.loaders.length > 0 || loadsLibraries(h.unit.pkg));
    if (hosts.length === 0)
        return null;
    const depended = new Set();
    for (const unit of graph.units)
        for (const dep of unit.crates)
            depended.add(dep.unit.pkg.id);
    const plugins = graph.units.filter(u => u.mode === 'build' && u.kind === 'target' && u.crateTypes.includes('cdylib') && members.has(u.pkg.id) && !depended.has(u.pkg.id) && !servesForeignHost(u.pkg, metadata));
    return { hosts, plugins };
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
        crateType: unit.mode === 'test' ? 'bin' : crateType,
        platform: unit.kind
    };
}
/** "bin `app`", "dylib `plugin_a`", "test harness of lib `util`". */
function describeUnit(unit, crateType) {
    const libTypes = unit.target.kind === 'lib' ? unit.target.crateTypes.join('+') : unit.target.kind;
    const what = unit.mode === 'test' ? `test harness of ${unit.target.kind}` : (crateType ?? libTypes);
    const host = unit.kind === 'host' && unit.target.kind !== 'proc-macro' && unit.target.kind !== 'custom-build' ? ' (built for the host)' : '';
    const name = unit.target.kind === 'custom-build' ? `build script of \`${unit.pkg.name}\`` : `${what} \`${unit.target.name}\``;
    return `${name}${host}`;
}

;// CONCATENATED MODULE: ./src/rules/abi.ts




/** `panic-strategy-mixed`, `abi-flags-divergent`, `lto-dynamic-unsound`. */
function abiFindings(ctx) {
    const boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map(b => b.unit);
    const plugins = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
    const pluginUnits = plugins ? [...plugins.hosts.map(h => h.unit), ...plugins.plugins] : [];
    return [...panicFindings(ctx, boundaryUnits, pluginUnits), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)];
}
function panicFindings(ctx, boundary, pluginUnits) {
    // rustc's own panic-strategy errors already explain artifacts that cannot link.
    const rustcReports = ctx.linkage.results.some(r => r.problems.some(p => p.kind === 'dependency-format' && /panic/.test(p.error.kind)));
    if (rustcReports)
        return [];
    const involved = [...new Set([...boundary, ...pluginUnits])].filter(u => u.kind === 'target');
    const abort = involved.find(u => u.panic === 'abort');
    if (!abort)
        return [];
    const unwind = involved.filter(u => u.panic === 'unwind');
    const dylibs = boundary.filter(u => u.crateTypes.includes('dylib')).map(crateName);
    const sides = unwind.length > 0
        ? `while ${listCrates(unwind.map(u => u.target.name))} ${unwind.length === 1 ? 'is' : 'are'} built with \`panic = "unwind"\``
        : pluginUnits.length > 0
            ? 'for a host and plugins that share no panic runtime'
            : `next to \`libstd\` and Rust dylibs (${listCrates(dylibs)}), which are always compiled with \`panic = "unwind"\``;
    return [
        {
            ...base(abort, 'panic-strategy-mixed'),
            crates: [crateName(abort)],
            message: `${describeUnit(abort)} is built with \`panic = "abort"\` ${sides}: an unwinding panic that reaches an \`extern "C"\` function aborts the process, a panic from another copy of \`std\` is a foreign exception, and an artifact that links \`libstd\` dynamically cannot use \`panic = "abort"\` at all.`,
            fixes: [
                'Use one panic strategy for everything that shares a dynamic boundary: `panic = "unwind"` wherever Rust dylibs or `-C prefer-dynamic` are involved.',
                'Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary.'
            ],
            ...ctx.locator.setting(abort.panicSource === 'rustflags' ? 'rustflags' : 'panic', abort)
        }
    ];
}
/** Flags that change type layouts or calling conventions and that rustc does not compare across crates. */
const UNCHECKED_ABI_FLAGS = /^-(?:Ctarget-feature=|Ctarget-cpu=|Zrandomize-layout|Zlayout-seed=)/;
const LAYOUT_FLAGS = /^-Z(?:randomize-layout|layout-seed=)/;
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
function flagFindings(ctx, boundary) {
    const out = [];
    const layout = boundary.find(u => abiFlags(u.rustflags).some(f => LAYOUT_FLAGS.test(f)));
    if (layout) {
        const flags = abiFlags(layout.rustflags).filter(f => LAYOUT_FLAGS.test(f));
        out.push({
            ...base(layout, 'abi-flags-divergent'),
            crates: [crateName(layout)],
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
            crates: [crateName(target)],
            message: `dylib \`${crateName(target)}\` is built twice with different ABI-relevant flags — ${[target, ...others].map(show).join(' and ')} — and both copies are written to the same file; whichever is linked or loaded last, code built against one may run against the other, and rustc does not compare these flags across crates.`,
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
            crates: [crateName(lto)],
            message: `${describeUnit(lto)} is built for \`${lto.targetInfo.triple}\` with LTO (${setting === 'lto' ? `\`lto = ${JSON.stringify(profile.lto)}\`` : '`-C lto` in rustflags'}) and links Rust crates dynamically: on Windows this combination is known to drop or mismatch symbols that another DLL imports, which shows up as link errors or crashes at run time (bevy#17130, rust-lang/rust#127979).`,
            fixes: [
                'Set `lto = false` in the profile used with Rust dylibs or `-C prefer-dynamic` on Windows (for example a `dev`/`dynamic` profile), and keep LTO for statically linked release builds.'
            ],
            ...ctx.locator.setting(setting, lto)
        }
    ];
}

;// CONCATENATED MODULE: ./src/rules/plugins.ts




const EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench']);
/** `multiple-rust-runtimes`, `global-allocator-ignored`, `global-allocator-split`, `hot-reload-layout`. */
function pluginFindings(ctx) {
    const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
    return [...(system ? runtimeFindings(ctx, system) : []), ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)];
}
function runtimeFindings(ctx, system) {
    const plugins = system.plugins.map(p => crateName(p));
    return system.hosts.map(({ unit, loaders }) => {
        const checked = loaders.filter(l => CHECKED_LOADERS.has(l));
        const loaded = plugins.length > 0 ? `the \`cdylib\` plugins ${listCrates(plugins)}` : 'its plugins';
        const how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : `is built next to ${loaded}, which no Rust crate links`;
        const message = `${describeUnit(unit)} ${how}: each \`cdylib\` carries its own copy of \`std\` and of every dependency — its own allocator, statics and thread-locals ` +
            '(a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s. ' +
            (checked.length > 0
                ? `${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`
                : 'Only `#[repr(C)]` data and `extern "C"` functions may cross the boundary: no `String`, `Vec`, `Box`, trait objects or references to Rust types, no freeing on one side what the other allocated, no panic unwinding across.');
        const location = loaders.length > 0 ? ctx.locator.dependencyNamed(unit.pkg, loaders[0]) : ctx.locator.crateType(system.plugins[0]);
        return {
            ...base(unit, 'multiple-rust-runtimes', 'bin'),
            ...(checked.length > 0 ? { severity: 'note' } : {}),
            crates: plugins,
            message,
            fixes: [
                'Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.',
                'Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.',
                checked.length > 0
                    ? 'Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library.'
                    : 'Or use abi_stable or stabby, which check the layout of every type at load time.'
            ],
            ...location
        };
    });
}
function allocatorFindings(ctx, system) {
    const out = [];
    const sides = new Set([...(system?.hosts.map(h => h.unit) ?? []), ...(system?.plugins ?? [])]);
    for (const result of ctx.linkage.results) {
        const unit = result.unit;
        if (unit.kind !== 'target' || result.status === 'blocked')
            continue;
        const executable = unit.mode === 'test' || (EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'));
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
                    crates: [crateName(unit)],
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
                    crates: [crateName(unit)],
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
    const executables = ctx.graph.units.filter(u => u.kind === 'target' && u.mode === 'build' && EXECUTABLE_KINDS.has(u.target.kind));
    for (const unit of ctx.graph.units) {
        if (unit.kind !== 'target' || unit.mode !== 'build' || unit.target.kind !== 'lib')
            continue;
        const types = unit.crateTypes;
        if (!types.includes('dylib') || !(types.includes('rlib') || types.includes('lib')))
            continue;
        const users = executables.filter(e => e.crates.some(d => d.unit === unit));
        if (users.length === 0)
            continue;
        const name = crateName(unit);
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
const FOREIGN = new Set(['dylib', 'cdylib', 'staticlib']);
/**
 * `published-dylib`: a workspace library that may be published but offers no rlib. Checked on every member,
 * selected or not: it is a property of the manifest, not of this build.
 */
function publishFindings(ctx) {
    const out = [];
    for (const id of ctx.metadata.workspaceMembers) {
        const pkg = ctx.metadata.packages.get(id);
        if (!pkg || pkg.publish === false)
            continue;
        const lib = pkg.targets.find(t => t.kind === 'lib');
        if (!lib || lib.crateTypes.some(t => LINKABLE_FROM_RUST.has(t)) || !lib.crateTypes.some(t => FOREIGN.has(t)))
            continue;
        // A Python or Node extension is consumed by its foreign host, never as a Rust dependency.
        if (!lib.crateTypes.includes('dylib') && servesForeignHost(pkg, ctx.metadata))
            continue;
        const types = lib.crateTypes.map(t => `"${t}"`).join(', ');
        const onlyForeign = !lib.crateTypes.includes('dylib');
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
            message: onlyForeign
                ? `\`${pkg.name}\` can be published, but its library is only ${types}: no crate that depends on it can link it (cargo passes no \`--extern\` for it), so as a dependency it is unusable.`
                : `\`${pkg.name}\` can be published, but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
            fixes: [
                `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
                'Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`.'
            ],
            ...ctx.locator.manifestKey(pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib'])
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
        throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
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
        throw new UserError(`${file}:1: the toolchain file starts with a byte-order mark, which rustup reads as part of the toolchain name; save it as plain ASCII`);
    }
    if (name === '')
        throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
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
        throw new UserError(`${file}:1: missing the \`[toolchain]\` table`);
    if (!pin_isTable(section))
        throw new UserError(`${file}:${at(['toolchain'])}: \`toolchain\` must be a table, found ${pin_describe(section)}`);
    const stringKey = (key) => {
        const value = section[key];
        if (value === undefined)
            return null;
        if (typeof value !== 'string')
            throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be a string, found ${pin_describe(value)}`);
        return value;
    };
    const listKey = (key) => {
        const value = section[key];
        if (value === undefined)
            return null;
        if (!Array.isArray(value))
            throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` must be an array of strings, found ${pin_describe(value)}`);
        return value.map((item, index) => {
            if (typeof item !== 'string') {
                throw new UserError(`${file}:${at(['toolchain', key, index])}: \`toolchain.${key}\` must be an array of strings, found ${pin_describe(item)} at index ${index}`);
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
        throw new UserError(`${file}:${sectionLine}: \`[toolchain]\` sets none of \`channel\`, \`path\`, \`components\` or \`targets\``);
    }
    if (channel !== null)
        checkChannelName(channel, file, at(['toolchain', 'channel']), '`toolchain.channel`');
    if (channel !== null && path !== null) {
        throw new UserError(`${file}:${at(['toolchain', 'path'])}: \`toolchain.channel\` and \`toolchain.path\` cannot both be set`);
    }
    const targetsLine = targets === null ? null : at(['toolchain', 'targets']);
    if (path !== null) {
        const line = at(['toolchain', 'path']);
        for (const key of ['components', 'targets', 'profile']) {
            if (section[key] !== undefined) {
                throw new UserError(`${file}:${at(['toolchain', key])}: \`toolchain.${key}\` cannot be used with \`toolchain.path\` (a path toolchain is used as it is)`);
            }
        }
        if (!pin_isAbsolutePath(path))
            throw new UserError(`${file}:${line}: \`toolchain.path\` must be an absolute path, found \`${path}\``);
        return { file, line, kind: 'path', channel: null, path, targets: [], targetsLine: null };
    }
    if (profile !== null && !PROFILES.has(profile)) {
        throw new UserError(`${file}:${at(['toolchain', 'profile'])}: unknown \`toolchain.profile\` \`${profile}\`; valid profiles are minimal, default, complete`);
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
        throw new UserError(`${file}:${line}: ${what} \`${name}\` is not a valid toolchain name`);
    }
    if (/\s/.test(name)) {
        throw new UserError(`${file}:${line}: ${what} \`${name}\` contains whitespace; a toolchain file holds only the name, without comments`);
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
function unpinnedFindings(ctx) {
    const { pin, expectedToolchain } = ctx.facts;
    if (expectedToolchain !== null || (pin !== null && pin.kind !== 'floating'))
        return [];
    const order = ['rust-dylib', 'prefer-dynamic', 'links-dynamically'];
    const boundaries = rustAbiBoundaries(ctx.graph, ctx.linkage).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    if (boundaries.length === 0)
        return [];
    const shown = describeBoundaries(boundaries);
    const dylib = boundaries.find(b => b.kind === 'rust-dylib');
    const location = pin !== null ? ctx.locator.file(pin.file, pin.line) : dylib ? ctx.locator.crateType(dylib.unit) : ctx.locator.setting('rustflags', boundaries[0].unit);
    const floating = pin !== null ? `\`${pin.file.split(/[\\/]/).pop()}\` names \`${pin.channel ?? 'no channel'}\`, which moves with every release` : 'no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler';
    return [
        {
            rule: 'toolchain-unpinned',
            severity: ruleInfo('toolchain-unpinned').severity,
            crates: boundaries.map(b => crateName(b.unit)).filter((n, i, all) => all.indexOf(n) === i),
            message: `The workspace builds a Rust-ABI dynamic boundary (${shown}), but ${floating}. Rust has no stable ABI: a dylib and \`libstd-<hash>.so\` work only with code from the very same compiler build, so a dylib built with one toolchain and a host built with another fails with E0514 or "undefined symbol" at run time.`,
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
function describeBoundaries(boundaries) {
    const by = (kind) => [...new Set(boundaries.filter(b => b.kind === kind).map(b => crateName(b.unit)))];
    const parts = [];
    if (by('rust-dylib').length > 0)
        parts.push(`dylib ${listCrates(by('rust-dylib'), 3)}`);
    if (by('prefer-dynamic').length > 0)
        parts.push('`-C prefer-dynamic` in rustflags');
    if (by('links-dynamically').length > 0)
        parts.push(`${listCrates(by('links-dynamically'), 3)} linking Rust crates dynamically`);
    return parts.join('; ');
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








const STD_CRATES = new Set(['std', 'core', 'alloc', 'compiler_builtins', 'panic_unwind', 'panic_abort', 'test', 'proc_macro']);
/**
 * Every rule over the analysed workspace: the linkage rules (what rustc and cargo would refuse or what fails
 * at run time) and the toolchain and plugin-safety rules; deduplicated, fingerprinted, sorted.
 */
function evaluateRules(ctx) {
    const drafts = [...linkageFindings(ctx.linkage, ctx.locator), ...toolchainFindings(ctx), ...abiFindings(ctx), ...pluginFindings(ctx), ...publishFindings(ctx)];
    return dedupe(drafts)
        .map(f => ({ ...f, fingerprint: findingFingerprint(f) }))
        .sort(compareFindings);
}
/** The findings rustc and cargo would produce for each unit's linkage, and `runtime-dylib`. */
function linkageFindings(linkage, locator) {
    const findings = [];
    for (const result of linkage.results) {
        if (result.status === 'blocked')
            continue;
        const problems = result.problems;
        if (result.status === 'error') {
            findings.push(...problemFindings(result, problems, linkage, locator));
        }
        if (result.droppedCrateTypes.length > 0 && result.unit.crateTypes.length > 0) {
            findings.push(unsupportedFinding(result, 'warning', locator));
        }
        if (result.status === 'ok') {
            const runtime = runtimeFinding(result, locator);
            if (runtime)
                findings.push(runtime);
        }
    }
    return findings;
}
function problemFindings(result, problems, linkage, locator) {
    const unit = result.unit;
    const out = [];
    const byCrateType = new Map();
    for (const p of problems) {
        switch (p.kind) {
            case 'embed-bitcode-lto':
                out.push({
                    ...base(unit, 'lto-conflict'),
                    crates: [crateName(unit)],
                    message: `${describeUnit(unit)} fails: rustflags ask for \`-C lto\` but cargo compiles this unit with \`-C embed-bitcode=no\` ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
                    fixes: ['Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.'],
                    ...locator.setting('rustflags', unit)
                });
                break;
            case 'unsupported-crate-types':
                out.push(unsupportedFinding(result, 'error', locator));
                break;
            case 'unlinkable-dependency':
                out.push({
                    ...base(unit, 'no-linkable-lib'),
                    crates: [p.dep.pkg.name],
                    message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map(t => `\`${t}\``).join(' and ')}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
                    fixes: [
                        `Add \`"rlib"\` to \`crate-type\` in \`${p.dep.pkg.name}\`'s \`[lib]\` (e.g. \`crate-type = ["${p.dep.crateTypes[0]}", "rlib"]\`).`,
                        `Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`
                    ],
                    ...(p.dep.edge === 'own-lib'
                        ? locator.crateType(unit)
                        : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null))
                });
                break;
            case 'proc-macro-unloadable': {
                const pm = p.procMacro;
                out.push({
                    ...base(unit, 'proc-macro-dylib'),
                    crates: [crateName(pm), ...p.libraries],
                    message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map(l => `\`${l}\``).join(', ')} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${crateName(pm)}\`).`,
                    fixes: [
                        `Give the Rust dylib(s) that \`${pm.pkg.name}\` depends on an \`"rlib"\` crate type, so the proc-macro links them statically.`,
                        `Or move the code the proc-macro needs into a plain library crate.`
                    ],
                    ...locator.dependency(unit, pm, 'normal', null)
                });
                break;
            }
            case 'dependency-format': {
                const list = byCrateType.get(p.crateType) ?? [];
                list.push(p.error);
                byCrateType.set(p.crateType, list);
                break;
            }
            case 'lto':
                out.push(ltoFinding(unit, p, locator));
                break;
        }
    }
    for (const [crateType, errors] of byCrateType)
        out.push(...formatFindings(result, crateType, errors, linkage, locator));
    return out;
}
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
        crates: [crateName(unit)],
        message,
        fixes,
        ...(crtStatic ? locator.setting('rustflags', unit) : locator.crateType(unit))
    };
}
function ltoFinding(unit, p, locator) {
    const texts = {
        'prefer-dynamic': 'cannot prefer dynamic linking when performing LTO',
        dylib: 'lto cannot be used for `dylib` crate type without `-Zdylib-lto`',
        'proc-macro': 'lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`',
        mixed: 'lto can only be run for executables, cdylibs and static library outputs'
    };
    const fromRustflags = unit.lto.kind !== 'run';
    const fixes = p.gate === 'prefer-dynamic'
        ? ['Drop `-C prefer-dynamic` from rustflags for LTO builds, or set `lto = false` in the profile.', 'Use `lto = "thin"` only in profiles that link statically.']
        : ['Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it.'];
    return {
        ...base(unit, 'lto-conflict', p.crateType === 'rlib' || p.crateType === null ? undefined : p.crateType),
        crates: [crateName(unit)],
        message: `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
        fixes,
        ...locator.setting(fromRustflags || p.gate === 'prefer-dynamic' ? 'rustflags' : 'lto', unit)
    };
}
function formatFindings(result, crateType, errors, linkage, locator) {
    const unit = result.unit;
    const out = [];
    const nameOf = (key) => linkage.crateNames.get(key)?.name ?? key;
    const unitOf = (key) => linkage.crateNames.get(key)?.unit ?? null;
    const what = describeUnit(unit, crateType);
    const ct = crateType;
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
        const inclusion = uniqueBy(duplicates.filter(d => crates.includes(d.crate)).flatMap(d => [inclusionPath(result, linkage, d.crate, d.existing), inclusionPath(result, linkage, d.crate, d.incoming)]), p => JSON.stringify(p));
        out.push({
            ...base(unit, 'duplicate-linkage', ct),
            crates,
            message,
            fixes: duplicateFixes(unit, primary, culprit, nameOf),
            inclusion,
            ...(culprit ? locator.crateType(culprit) : locator.crateType(unit))
        });
    }
    const rlibRequired = errors.filter(e => e.kind === 'rlib-required' || (e.kind === 'lib-required' && e.format === 'rlib'));
    if (rlibRequired.length > 0) {
        const names = [...new Set(rlibRequired.map(e => e.crate))];
        const culprit = findCrateUnit(result, linkage, names[0]);
        const why = crateType === 'staticlib' ? 'a staticlib must contain every upstream crate' : 'a statically linked (crt-static) executable must contain every upstream crate';
        out.push({
            ...base(unit, 'rlib-required', ct),
            crates: names,
            inclusion: names.map(n => inclusionPath(result, linkage, n, { preference: 'dynamic', via: null })),
            message: `${what} cannot link: ${why}, but ${names.map(n => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
            fixes: [
                `Add \`"rlib"\` to \`crate-type\` of ${names.map(n => `\`${n}\``).join(', ')}.`,
                crateType === 'staticlib' ? 'Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs.' : 'Or drop `+crt-static` for this executable.'
            ],
            ...(culprit ? locator.crateType(culprit) : locator.crateType(unit))
        });
    }
    const dylibRequired = errors.filter(e => e.kind === 'lib-required' && e.format === 'dylib');
    if (dylibRequired.length > 0) {
        const names = [...new Set(dylibRequired.map(e => e.crate))];
        out.push({
            ...base(unit, 'dylib-required', ct),
            crates: names,
            message: `${what} cannot link: ${names.map(n => `\`${n}\``).join(', ')} must be linked dynamically (an upstream dylib was built against its dylib) but no dylib of it is available. rustc: "crate \`${names[0]}\` required to be available in dylib format, but was not found in this form".`,
            fixes: ['Rebuild the dylibs that depend on it from a clean target directory, with the same flags.', `Or add \`"dylib"\` to \`crate-type\` of ${names.map(n => `\`${n}\``).join(', ')}.`],
            ...locator.crateType(unit)
        });
    }
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
            ? [
                '`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: use `panic = "unwind"` for builds with Rust dylibs.',
                'Or link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.'
            ]
            : ['Build every crate linked into this artifact with the same panic strategy (one profile `panic` setting, no `-C panic` in rustflags for some crates only).'];
        out.push({
            ...base(unit, 'panic-strategy', ct),
            crates,
            message: `${what} cannot link with \`panic = "${unit.panic}"\`: rustc: "${text}".`,
            fixes,
            ...locator.setting(unit.panicSource === 'rustflags' ? 'rustflags' : 'panic', unit)
        });
    }
    return out;
}
/** The way `crate` gets into the unit's artifact through `origin`, as a chain of crate names. */
function inclusionPath(result, linkage, crate, origin) {
    const unit = result.unit;
    let chain;
    if (origin.via !== null) {
        const bringer = linkage.crateNames.get(origin.via);
        chain = bringer?.unit ? chainOfCrates(unit, bringer.unit) : [crateName(unit), bringer?.name ?? origin.via];
    }
    else {
        // Added for itself: the chain runs to the crate's dependent, so the crate itself is not repeated.
        const own = findCrateUnit(result, linkage, crate);
        chain = own ? chainOfCrates(unit, own).slice(0, -1) : [crateName(unit)];
    }
    const dynamic = origin.preference === 'dynamic';
    const path = { chain, crate, how: origin.via !== null && !dynamic ? 'inside-dylib' : dynamic ? 'dynamic' : 'static' };
    if (dynamic) {
        const owner = crate === 'std' ? null : findCrateUnit(result, linkage, crate);
        const file = crate === 'std' ? unit.targetInfo.stdDylib : owner ? dylibFileName(owner) : null;
        if (file)
            path.file = file;
    }
    return path;
}
const parentsByUnit = new WeakMap();
/** Crate names along the shortest dependency chain from `from` to `to` (both included). */
function chainOfCrates(from, to) {
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
        return [crateName(from), crateName(to)];
    const chain = [];
    for (let u = to; u !== null; u = previous.get(u) ?? null)
        chain.unshift(crateName(u));
    return chain;
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
    if (primary.crate === 'std' && culprit) {
        fixes.push(`Select only the packages you ship, e.g. \`cargo build -p ${unit.pkg.name}\`: cargo then builds dylib \`${culprit.target.name}\` with \`-C prefer-dynamic\` (it is a dependency, not a selected package), so it shares \`libstd\` instead of containing a copy.`);
        fixes.push(`Add \`"rlib"\` to \`crate-type\` of \`${culprit.pkg.name}\` (\`["dylib", "rlib"]\`): Rust dependents then link the rlib statically.`);
        fixes.push('Or build everything with `RUSTFLAGS="-C prefer-dynamic"`, so every dylib links `std` dynamically.');
        fixes.push(`Or keep \`${culprit.pkg.name}\` out of \`default-members\` / use \`--exclude ${culprit.pkg.name}\` when building the workspace.`);
    }
    else if (staticVias.length > 0) {
        fixes.push(`Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map(v => `\`${v}\``).join(' and ')} share one copy instead of each containing it.`);
        fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`);
        fixes.push(`Or add \`"rlib"\` to the dylibs' \`crate-type\` so this artifact links everything statically.`);
    }
    else {
        fixes.push('Make every upstream crate available in one format (all rlib, or all dylib).');
    }
    return fixes;
}
const evaluate_EXECUTABLE_KINDS = new Set(['bin', 'example', 'test', 'bench']);
function runtimeFinding(result, locator) {
    const unit = result.unit;
    if (result.runtimeLibraries.length === 0 || unit.rpath)
        return null;
    const executable = unit.mode === 'test' || (evaluate_EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes('bin'));
    if (!executable)
        return null;
    const libs = result.runtimeLibraries;
    const runner = unit.mode === 'test' ? '`cargo test`' : unit.target.kind === 'example' ? '`cargo run --example`' : '`cargo run`';
    // Point at the first workspace dylib this executable depends on directly, else at what made std dynamic.
    const direct = unit.crates.find(d => d.unit.crateTypes.includes('dylib') && result.artifacts.some(a => a.formats?.linkage.get(unitKey(d.unit)) === 'dynamic'));
    const location = direct ? locator.dependency(unit, direct.unit, direct.edge, direct.platform) : locator.setting('rustflags', unit);
    return {
        ...base(unit, 'runtime-dylib', 'bin'),
        crates: libs,
        message: `${describeUnit(unit)} needs ${libs.map(l => `\`${l}\``).join(', ')} at run time and has no rpath (\`rpath = false\`): it starts under ${runner}, which sets the library path, but run directly or shipped it fails with "error while loading shared libraries".`,
        fixes: [
            'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.',
            `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${libs.map(l => `\`${l}\``).join(', ')} beside it (\`${unit.targetInfo.stdDylib ?? 'libstd'}\` is in \`${unit.targetInfo.targetLibdir}\`).`,
            'Or set the library path (`LD_LIBRARY_PATH`, `DYLD_FALLBACK_LIBRARY_PATH`, `PATH` on Windows) when starting it.'
        ],
        ...location
    };
}
function uniqueBy(items, key) {
    const seen = new Set();
    return items.filter(item => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}
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
    policy.exactToolchain = { channel, line: lineOf(doc, ['exact-toolchain']) };
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
        policy.severityLines.set(id, lineOf(doc, path));
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
        const entry = { rule: rule, reason: nonEmptyString(doc, [...at, 'reason'], table.reason), line: lineOf(doc, at) };
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
        fixes,
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
function lineOf(doc, path) {
    // Every path handed in was read from the document, so it has a line; 1 is only a fallback.
    return doc.lineOf(path) ?? 1;
}
function fail(doc, path, problem) {
    throw new UserError(`${doc.file}:${lineOf(doc, path)}: ${formatTomlPath(path)}: ${problem}`);
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
/** Applies the policy, then the baseline, then decides the verdict. */
function applyGate(report, inputs) {
    let findings = report.findings;
    const out = { ...report };
    if (inputs.policy !== null) {
        const applied = applyPolicy(findings, inputs.policy.policy, { policyFile: inputs.policy.file, today: inputs.today });
        findings = applied.findings;
        out.policy = applied.summary;
    }
    if (inputs.baseline !== null) {
        const applied = applyBaseline(findings, inputs.baseline);
        findings = applied.findings;
        out.baseline = applied.summary;
    }
    return { ...out, findings, gate: gateFindings(findings, inputs.failOn) };
}

;// CONCATENATED MODULE: ./src/engine.ts









/** The whole pure pipeline: selection → unit graph → linkage → findings → report. */
function analyze(input) {
    const { metadata, context, invocation } = input;
    const selection = selectPackages(metadata, invocation, input.currentManifest);
    const graph = buildUnitGraph(metadata, context, invocation, selection.packages, input.sourceUsesCrate);
    const linkage = resolveLinkage(graph);
    const facts = input.facts ?? noFacts();
    const findings = evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator: input.locator });
    const notes = [...(input.notes ?? []), ...selection.warnings, ...graph.warnings];
    if (metadata.graphQuality === 'no-dep-kinds') {
        notes.push('The metadata predates `dep_kinds` (cargo before 1.41): dependency kinds and platforms were recovered from the declared dependencies by name, so a dependency may be counted in more sections than it is.');
    }
    notes.push('Verdicts describe a clean build: cargo does not rebuild a dylib when only `-C prefer-dynamic` changes, so a stale target directory can behave differently.');
    const profile = invocation.command === 'test' ? context.testProfile : context.profile;
    return {
        version: 1,
        toolchain: toolchainReport(context, facts, metadata.workspaceRoot),
        boundaries: boundaryReports(graph, linkage, metadata, facts),
        workspaceRoot: metadata.workspaceRoot,
        invocation: { command: invocation.command, args: input.commandLine, profile: profile.name },
        artifacts: artifactReports(linkage),
        findings,
        notes,
        gate: gateFindings(findings, 'error')
    };
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
        compareText(crateName(a), crateName(b)));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec/runner.ts


/** How long one `cargo` or `rustc` call may take by default: `cargo metadata` may download sources. */
const DEFAULT_TIMEOUT_MS = 300_000;
/**
 * Runs programs directly (no shell), output captured and never streamed. A call that outlives `timeoutMs`
 * is killed with its whole process group (cargo's rustc children included) and fails with a CommandError.
 */
function processRunner(timeoutMs = DEFAULT_TIMEOUT_MS) {
    return {
        run(command, args, options = {}) {
            return new Promise((resolve, reject) => {
                const child = (0,external_node_child_process_namespaceObject.spawn)(command, [...args], {
                    cwd: options.cwd,
                    env: options.env,
                    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                    // Its own process group, so that a timeout can end everything it started.
                    detached: process.platform !== 'win32',
                    windowsHide: true
                });
                const stdout = [];
                const stderr = [];
                child.stdout.on('data', (chunk) => stdout.push(chunk));
                child.stderr.on('data', (chunk) => stderr.push(chunk));
                if (options.input !== undefined)
                    child.stdin?.end(options.input);
                let timedOut = false;
                const timer = setTimeout(() => {
                    timedOut = true;
                    kill(child.pid);
                }, timeoutMs);
                child.on('error', error => {
                    clearTimeout(timer);
                    const code = error.code;
                    const reason = code === 'ENOENT' ? 'it was not found; install it or put it on PATH' : code === 'EACCES' ? 'it is not executable' : error.message;
                    reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ''));
                });
                child.on('close', (code, signal) => {
                    clearTimeout(timer);
                    const text = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
                    if (timedOut) {
                        const shown = [command.split(/[\\/]/).pop(), ...args.slice(0, 1)].join(' ');
                        reject(new CommandError(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`, command, args, text.stderr));
                        return;
                    }
                    resolve({ exitCode: code ?? (signal === null ? 1 : 128), ...text });
                });
            });
        }
    };
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
            const profile = unit.mode === 'test' ? context.testProfile : context.profile;
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

;// CONCATENATED MODULE: ./src/metadata/parse.ts


/** A `cargo metadata` document that cannot be analysed; the message names the source and the JSON path. */
class MetadataError extends UserError {
    constructor(source, path, message) {
        super(`${source}: ${path ? `${path}: ` : ''}${message}`);
        this.name = 'MetadataError';
    }
}
/** A value from the input, quoted for a one-line message (control characters escaped). */
function q(value) {
    return `\`${JSON.stringify(value).slice(1, -1)}\``;
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
    const fail = (path, message) => {
        throw new MetadataError(source, path, message);
    };
    const root = asObject(raw, '', null, fail, 'the top level must be a JSON object from `cargo metadata --format-version 1`');
    if (root.version !== 1) {
        fail('version', `expected format version 1, got ${JSON.stringify(root.version)}`);
    }
    const rawPackages = asArray(root.packages, '', 'packages', fail);
    const workspaceMembers = asStringArray(root.workspace_members, '', 'workspace_members', fail);
    const workspaceRoot = asString(root.workspace_root, '', 'workspace_root', fail);
    const targetDirectory = asString(root.target_directory, '', 'target_directory', fail);
    const workspaceDefaultMembers = root.workspace_default_members === undefined
        ? null
        : asStringArray(root.workspace_default_members, '', 'workspace_default_members', fail);
    const packages = new Map();
    const rawDeclared = new Map();
    rawPackages.forEach((value, i) => {
        const path = `packages[${i}]`;
        const p = asObject(value, path, null, fail);
        const id = asString(p.id, path, 'id', fail);
        if (packages.has(id))
            fail(`${path}.id`, `duplicate package id ${q(id)}`);
        const name = asString(p.name, path, 'name', fail);
        const label = `package ${q(name)}`;
        const targets = asArray(p.targets, path, 'targets', fail).map((t, j) => parseTarget(t, `${path}.targets[${j}]`, label, fail));
        if (targets.filter(t => t.kind === 'lib' || t.kind === 'proc-macro').length > 1) {
            fail(`${path}.targets`, `${label} has more than one library target`);
        }
        const declared = p.dependencies === undefined ? [] : asArray(p.dependencies, path, 'dependencies', fail);
        rawDeclared.set(id, declared.map((d, j) => {
            const dp = `${path}.dependencies[${j}]`;
            const o = asObject(d, dp, null, fail);
            return {
                name: asString(o.name, dp, 'name', fail),
                rename: o.rename == null ? null : asString(o.rename, dp, 'rename', fail),
                kind: parseDepKind(o.kind, dp, 'kind', fail),
                target: o.target == null ? null : asString(o.target, dp, 'target', fail)
            };
        }));
        packages.set(id, {
            id,
            name,
            version: asString(p.version, path, 'version', fail),
            source: p.source == null ? null : asString(p.source, path, 'source', fail),
            manifestPath: asString(p.manifest_path, path, 'manifest_path', fail),
            targets,
            features: [],
            deps: [],
            rustVersion: p.rust_version == null ? null : asString(p.rust_version, path, 'rust_version', fail),
            publish: p.publish === undefined || p.publish === null ? null : parsePublish(p.publish, path, 'publish', fail)
        });
    });
    for (const [i, id] of workspaceMembers.entries()) {
        if (!packages.has(id))
            fail(`workspace_members[${i}]`, `unknown package id ${q(id)}`);
    }
    for (const [i, id] of (workspaceDefaultMembers ?? []).entries()) {
        if (!packages.has(id))
            fail(`workspace_default_members[${i}]`, `unknown package id ${q(id)}`);
    }
    if (root.resolve === null || root.resolve === undefined) {
        fail('resolve', 'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`');
    }
    const resolve = asObject(root.resolve, '', 'resolve', fail);
    const nodes = asArray(resolve.nodes, '', 'resolve.nodes', fail);
    let sawDepWithoutKinds = false;
    // The JSON path of each package's edge list (`pkg.deps[j]` is its element j), for messages.
    const edgesPath = new Map();
    nodes.forEach((value, i) => {
        const path = `resolve.nodes[${i}]`;
        const n = asObject(value, path, null, fail);
        const id = asString(n.id, path, 'id', fail);
        const pkg = packages.get(id);
        if (!pkg)
            return fail(`${path}.id`, `unknown package id ${q(id)}`);
        if (edgesPath.has(id))
            fail(`${path}.id`, `duplicate resolve node for ${q(id)}`);
        pkg.features = n.features === undefined ? [] : asStringArray(n.features, path, 'features', fail);
        const deps = n.deps === undefined ? null : asArray(n.deps, path, 'deps', fail);
        edgesPath.set(id, `${path}.${deps === null ? 'dependencies' : 'deps'}`);
        if (deps === null) {
            // Metadata from before `deps` existed: only `dependencies` (ids) is there.
            const ids = asStringArray(n.dependencies, path, 'dependencies', fail);
            sawDepWithoutKinds ||= ids.length > 0;
            pkg.deps = ids.map((depId, j) => recoverEdge(pkg, depId, `${path}.dependencies[${j}]`));
            return;
        }
        pkg.deps = deps.map((d, j) => {
            const dp = `${path}.deps[${j}]`;
            const o = asObject(d, dp, null, fail);
            const depId = asString(o.pkg, dp, 'pkg', fail);
            if (!packages.has(depId))
                fail(`${dp}.pkg`, `unknown package id ${q(depId)}`);
            const externName = asString(o.name, dp, 'name', fail);
            if (o.dep_kinds === undefined) {
                sawDepWithoutKinds = true;
                return { ...recoverEdge(pkg, depId, dp), externName };
            }
            const kinds = [];
            asArray(o.dep_kinds, dp, 'dep_kinds', fail).forEach((k, m) => {
                const kp = `${dp}.dep_kinds[${m}]`;
                const ko = asObject(k, kp, null, fail);
                const kind = parseDepKind(ko.kind, kp, 'kind', fail);
                const platform = ko.target == null ? null : asString(ko.target, kp, 'target', fail);
                // Some cargo versions repeated entries (rust-lang/cargo#7752).
                if (!kinds.some(x => x.kind === kind && x.platform === platform))
                    kinds.push({ kind, platform });
            });
            if (kinds.length === 0)
                fail(`${dp}.dep_kinds`, 'is empty: every dependency edge has at least one kind');
            return { pkg: depId, externName, kinds };
        });
    });
    // Without `dep_kinds` (cargo before 1.41), an edge's kinds are recovered from the dependent's
    // declared dependencies, matched by package name. Renamed or duplicated names make that ambiguous,
    // so the edge keeps every kind that could apply: a superset, never a silent omission.
    function recoverEdge(pkg, depId, path) {
        const dep = packages.get(depId);
        if (!dep)
            return fail(path, `unknown package id ${q(depId)}`);
        const declared = (rawDeclared.get(pkg.id) ?? []).filter(d => d.name === dep.name);
        const kinds = [];
        for (const d of declared) {
            if (!kinds.some(x => x.kind === d.kind && x.platform === d.target))
                kinds.push({ kind: d.kind, platform: d.target });
        }
        if (kinds.length === 0)
            kinds.push({ kind: 'normal', platform: null });
        const lib = dep.targets.find(t => t.kind === 'lib' || t.kind === 'proc-macro');
        const rename = declared.find(d => d.rename)?.rename;
        return { pkg: depId, externName: (rename ?? lib?.name ?? dep.name).replace(/-/g, '_'), kinds };
    }
    for (const id of workspaceMembers) {
        if (!edgesPath.has(id))
            fail('resolve.nodes', `workspace member ${q(id)} has no resolve node`);
    }
    const cycle = dependencyCycle(packages);
    if (cycle !== null) {
        const closing = cycle[cycle.length - 1];
        fail(`${edgesPath.get(closing.from.id)}[${closing.edge}]`, describeCycle(cycle));
    }
    const resolveRoot = resolve.root == null ? null : asString(resolve.root, '', 'resolve.root', fail);
    if (resolveRoot !== null && !packages.has(resolveRoot))
        fail('resolve.root', `unknown package id ${q(resolveRoot)}`);
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
/**
 * The first dependency cycle that cargo's resolver refuses (`check_cycles`), as the edges around it, or
 * null. Every edge with a normal or build kind counts, whatever its platform; an edge that is only a
 * dev-dependency does not, since cargo follows dev-dependencies only from tests, examples and benches,
 * which nothing depends on. Iterative: a dependency chain can be far deeper than the call stack.
 */
function dependencyCycle(packages) {
    // The index of each package on the current path, or -1 once everything it reaches has been searched.
    const position = new Map();
    for (const start of packages.values()) {
        if (position.has(start.id))
            continue;
        position.set(start.id, 0);
        const path = [{ from: start, edge: -1 }];
        while (path.length > 0) {
            const step = path[path.length - 1];
            const edge = step.from.deps[++step.edge];
            if (edge === undefined) {
                position.set(step.from.id, -1);
                path.pop();
            }
            else if (edge.kinds.some(k => k.kind !== 'dev')) {
                const at = position.get(edge.pkg);
                if (at === undefined) {
                    position.set(edge.pkg, path.length);
                    path.push({ from: packages.get(edge.pkg), edge: -1 });
                }
                else if (at >= 0) {
                    return path.slice(at);
                }
            }
        }
    }
    return null;
}
/** Cargo's words for a cycle, on one line; a long cycle shows its first packages and the one closing it. */
function describeCycle(cycle) {
    const label = (pkg) => q(`${pkg.name} v${pkg.version}`);
    const shown = 10;
    const names = cycle.map(s => label(s.from));
    const around = names.length > shown + 1 ? [...names.slice(0, shown), `… ${names.length - shown - 1} more`, names[names.length - 1]] : names;
    return `cyclic package dependency: package ${names[0]} depends on itself (${[...around, names[0]].join(' → ')}); cargo refuses every dependency cycle that does not go through a dev-dependency`;
}
const TARGET_KINDS = new Set(['bin', 'example', 'test', 'bench', 'custom-build']);
function parseTarget(value, path, label, fail) {
    const t = asObject(value, path, null, fail);
    const name = asString(t.name, path, 'name', fail);
    const kinds = asStringArray(t.kind, path, 'kind', fail);
    const crateTypeNames = asStringArray(t.crate_types, path, 'crate_types', fail);
    if (kinds.length === 0)
        fail(`${path}.kind`, `target ${q(name)} of ${label} has no kind`);
    if (crateTypeNames.length === 0)
        fail(`${path}.crate_types`, `target ${q(name)} of ${label} has no crate types`);
    const crateTypes = crateTypeNames.map(c => {
        if (!isCrateType(c)) {
            return fail(`${path}.crate_types`, `unknown crate type ${q(c)} in target ${q(name)} of ${label}`);
        }
        return c;
    });
    let kind;
    const single = kinds.length === 1 ? kinds[0] : null;
    if (single !== null && TARGET_KINDS.has(single)) {
        kind = single;
        // Only examples may have crate types other than `bin` (an example can be a library).
        if (kind !== 'example' && (crateTypes.length !== 1 || crateTypes[0] !== 'bin')) {
            fail(`${path}.crate_types`, `${kind} target ${q(name)} of ${label} must have crate type \`bin\`, got ${crateTypes.join(', ')}`);
        }
    }
    else {
        // Any other kind list names the crate types of a library target.
        for (const k of kinds) {
            if (TARGET_KINDS.has(k))
                fail(`${path}.kind`, `target kind ${q(k)} cannot be combined with other kinds in target ${q(name)} of ${label}`);
            if (!isCrateType(k))
                fail(`${path}.kind`, `unknown target kind ${q(k)} in target ${q(name)} of ${label}`);
        }
        kind = single === 'proc-macro' ? 'proc-macro' : 'lib';
        if (crateTypes.includes('bin')) {
            fail(`${path}.crate_types`, `library target ${q(name)} of ${label} cannot have crate type \`bin\``);
        }
        if (crateTypes.includes('proc-macro') && crateTypes.length > 1) {
            fail(`${path}.crate_types`, `cannot mix \`proc-macro\` crate type with others in target ${q(name)} of ${label}`);
        }
        if ((kind === 'proc-macro') !== crateTypes.includes('proc-macro')) {
            fail(`${path}.crate_types`, `a proc-macro target must have kind and crate types exactly \`proc-macro\`, got kind ${kinds.join(', ')} and crate types ${crateTypes.join(', ')} in target ${q(name)} of ${label}`);
        }
    }
    if (crateTypes.includes('dylib') && crateTypes.includes('cdylib')) {
        fail(`${path}.crate_types`, `library ${q(name)} of ${label} cannot set the crate type of both \`dylib\` and \`cdylib\``);
    }
    const requiredFeatures = t['required-features'] === undefined ? [] : asStringArray(t['required-features'], path, 'required-features', fail);
    // Metadata from older cargos has no `test` key; cargo's defaults are true except for benches, examples and build scripts.
    const test = t.test === undefined ? kind !== 'bench' && kind !== 'example' && kind !== 'custom-build' : asBoolean(t.test, path, 'test', fail);
    return {
        name,
        kind,
        crateTypes,
        srcPath: asString(t.src_path, path, 'src_path', fail),
        test,
        requiredFeatures
    };
}
function parseDepKind(v, base, key, fail) {
    if (v === null || v === undefined || v === 'normal')
        return 'normal';
    if (v === 'dev' || v === 'build')
        return v;
    return fail(join(base, key), `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`);
}
/** cargo metadata writes `publish = false` as `[]` (no registry may have it); both read as false. */
function parsePublish(v, base, key, fail) {
    if (v === false)
        return false;
    const registries = asStringArray(v, base, key, fail);
    return registries.length === 0 ? false : registries;
}
function parse_describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
function join(base, key) {
    if (key === null)
        return base;
    if (typeof key === 'number')
        return `${base}[${key}]`;
    return base === '' ? key : `${base}.${key}`;
}
function asObject(v, base, key, fail, message) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        return fail(join(base, key), message ?? `expected an object, got ${parse_describe(v)}`);
    }
    return v;
}
function asArray(v, base, key, fail) {
    if (!Array.isArray(v))
        return fail(join(base, key), v === undefined ? 'missing (expected an array)' : `expected an array, got ${parse_describe(v)}`);
    return v;
}
function asString(v, base, key, fail) {
    if (typeof v !== 'string')
        return fail(join(base, key), v === undefined ? 'missing (expected a string)' : `expected a string, got ${parse_describe(v)}`);
    return v;
}
function asBoolean(v, base, key, fail) {
    if (typeof v !== 'boolean')
        return fail(join(base, key), `expected true or false, got ${parse_describe(v)}`);
    return v;
}
function asStringArray(v, base, key, fail) {
    const items = asArray(v, base, key, fail);
    const out = [];
    for (let i = 0; i < items.length; i++) {
        const x = items[i];
        out.push(typeof x === 'string' ? x : asString(x, join(base, key), i, fail));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/toolchain/allocator.ts
/**
 * Finds `#[global_allocator]` in Rust source text with a small lexer: comments (nested block comments and doc
 * comments included), string, byte-string, C-string and raw-string literals and char literals are skipped, so only
 * real attributes count. One pass, linear in the length of the source.
 */
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
                const meaning = analyseAttribute(readGroup(lexer, ']'));
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
        if (CLOSE.has(punct) && this.depth === 0) {
            this.open = false;
            return;
        }
        if (this.tokens.length === MAX_ITEM_TOKENS) {
            this.truncated = true;
            this.open = false;
            return;
        }
        this.tokens.push(t);
        if (OPEN.has(punct))
            this.depth++;
        else if (CLOSE.has(punct)) {
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
function analyseAttribute(tokens, depth = 0) {
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
            for (const conditions of analyseAttribute(attr, depth + 1).allocators)
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
function isParenGroup(tokens) {
    if (tokens.length < 2 || tokens[0].text !== '(' || tokens[tokens.length - 1].text !== ')')
        return false;
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind !== 'punct')
            continue;
        if (OPEN.has(t.text))
            depth++;
        else if (CLOSE.has(t.text) && --depth === 0 && i !== tokens.length - 1)
            return false;
    }
    return depth === 0;
}
function splitTopLevel(tokens) {
    const parts = [[]];
    let depth = 0;
    for (const t of tokens) {
        if (t.kind === 'punct') {
            if (OPEN.has(t.text))
                depth++;
            else if (CLOSE.has(t.text))
                depth--;
            else if (t.text === ',' && depth === 0) {
                parts.push([]);
                continue;
            }
        }
        parts[parts.length - 1].push(t);
    }
    return parts;
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
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
/** The tokens up to the delimiter that closes the group just opened (not included), keeping nesting. */
function readGroup(lexer, close) {
    const tokens = [];
    let depth = 0;
    for (let t = lexer.next(); t !== null; t = lexer.next()) {
        if (t.kind === 'punct') {
            if (OPEN.has(t.text))
                depth++;
            else if (CLOSE.has(t.text)) {
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
const NL = 10;
const QUOTE = 34;
const APOS = 39;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
function isIdentStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && !allocator_isWhitespace(c));
}
function isIdentContinue(c) {
    return isIdentStart(c) || (c >= 48 && c <= 57);
}
function allocator_isWhitespace(c) {
    return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029;
}
/** Rust tokens, skipping whitespace and comments; literals are single tokens. */
class Lexer {
    src;
    pos = 0;
    line = 1;
    constructor(src) {
        this.src = src;
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
            if (allocator_isWhitespace(c)) {
                this.pos++;
                continue;
            }
            if (c === SLASH) {
                const d = src.charCodeAt(this.pos + 1);
                if (d === SLASH) {
                    const end = src.indexOf('\n', this.pos);
                    this.pos = end < 0 ? n : end;
                    continue;
                }
                if (d === STAR) {
                    this.skipBlockComment();
                    continue;
                }
            }
            break;
        }
        const start = this.pos;
        const line = this.line;
        const c = src.charCodeAt(start);
        if (c === QUOTE) {
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
                while (src.charCodeAt(j) === HASH)
                    j++;
                if (src.charCodeAt(j) === QUOTE) {
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
            if ((word === 'b' || word === 'c') && next === QUOTE) {
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
            if (c === QUOTE) {
                i++;
                break;
            }
            if (c === BACKSLASH) {
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
            if (c === QUOTE) {
                let k = 0;
                while (k < hashes && src.charCodeAt(i + 1 + k) === HASH)
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
        if (c1 === BACKSLASH) {
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

;// CONCATENATED MODULE: ./src/run.ts




















/** Convenience for tests and scripts: cargo-style flags in, report out. */
async function runAnalysis(options) {
    const cli = parseCliArgs(options.args);
    return analyzeWorkspace({
        manifestPath: options.manifestPath,
        invocation: cli.invocation,
        metadataFile: cli.metadataFile,
        configOverrides: cli.configOverrides,
        env: options.env,
        cwd: options.cwd ?? path.dirname(path.resolve(options.manifestPath))
    });
}
/**
 * Gathers everything cargo would see — `cargo metadata`, `rustc -vV`, one combined `rustc --print` probe
 * per target, the target libdir, `.cargo/config.toml`, profiles — then runs the pure analysis.
 * The rustc probes run while `cargo metadata` is still working.
 */
async function analyzeWorkspace(options) {
    const runner = options.runner ?? processRunner(options.timeoutMs);
    const env = options.env;
    const cwd = external_node_path_default().resolve(options.cwd);
    const config = readCargoConfig(cwd, env, options.configOverrides ?? []);
    const invocation = { ...options.invocation };
    invocation.target = requestedTarget(config, invocation.target, cwd);
    const tools = { cargo: env.CARGO ?? 'cargo', rustc: env.RUSTC ?? 'rustc' };
    const isolation = isolate(config, env, options);
    const childEnv = { ...childEnvironment(env), ...isolation.env };
    try {
        return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation });
    }
    finally {
        if (isolation.dir !== cwd)
            external_node_fs_default().rmSync(isolation.dir, { recursive: true, force: true });
    }
}
/**
 * Decides how cargo may see the repository's configuration: refuses keys that name programs (unless
 * trusted), and otherwise runs cargo from an empty directory with the data keys passed as `--config`.
 */
function isolate(config, env, options) {
    const overrides = (options.configOverrides ?? []).flatMap(c => ['--config', c]);
    if (options.trustRepositoryConfig === true)
        return { dir: external_node_path_default().resolve(options.cwd), env: {}, configArgs: overrides, notes: [] };
    const cargoHome = cargoHomeOf(env);
    const plan = repositoryConfigPlan(config, file => !isWithin(file, cargoHome));
    const refused = plan.refused[0];
    if (refused !== undefined) {
        throw new UserError(`${describeSource(refused.source)}: \`${refused.key}\` ${refused.why}; a program chosen by the repository is not run (set trust-repository-config to allow it)`);
    }
    const notes = plan.ignored.map(k => `\`${k.key}\` (${describeSource(k.source)}) was not applied to \`cargo metadata\` and \`rustc --print\`: it changes how cargo runs rustc, not what it builds, and a program or environment chosen by the repository is not used here.`);
    return {
        dir: external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'rust-linkage-guard-')),
        // Empty values switch off wrappers from any config cargo still reads (cargo treats them as unset).
        env: { RUSTC_WRAPPER: '', RUSTC_WORKSPACE_WRAPPER: '' },
        configArgs: [...plan.args.flatMap(a => ['--config', a]), ...overrides],
        notes
    };
}
function cargoHomeOf(env) {
    return env.CARGO_HOME ? external_node_path_default().resolve(env.CARGO_HOME) : external_node_path_default().join(env.HOME ?? env.USERPROFILE ?? external_node_os_default().homedir(), '.cargo');
}
function isWithin(file, dir) {
    const rel = external_node_path_default().relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel);
}
async function analyzeWith(options, setup) {
    const { runner, env, cwd, config, invocation, tools, childEnv, isolation } = setup;
    const runDir = isolation.dir;
    const manifestPath = options.manifestPath !== null ? external_node_path_default().resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null);
    if (manifestPath !== null && !options.metadataFile && !run_isFile(manifestPath)) {
        throw new UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`);
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
    const probe = (kind, triple) => probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? '');
    const [rustc, targetInfo, hostInfo] = await Promise.all([
        rustcPromise,
        probe('target', knownTriple),
        invocation.target === null ? null : probe('host', null)
    ]);
    targetInfo.triple = invocation.target ?? rustc.host;
    if (hostInfo)
        hostInfo.triple = rustc.host;
    const metadata = await metadataPromise;
    const rootManifestFile = external_node_path_default().join(metadata.workspaceRoot, 'Cargo.toml');
    const rootManifest = readToml(rootManifestFile);
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
        locator: createLocator(metadata, context, readToml),
        commandLine: ['cargo', invocation.command, ...toCargoArgs(invocation)],
        sourceUsesCrate,
        facts: gatherFacts(metadata, config, options),
        notes: isolation.notes
    });
}
/** What the rules need from the repository beyond metadata and probes, read as data. */
function gatherFacts(metadata, config, options) {
    const pinFile = findToolchainFile(metadata.workspaceRoot, run_isFile);
    const exact = options.policy?.policy.exactToolchain ?? null;
    const buildTarget = options.invocation.target === null ? config.buildTarget : null;
    const allocators = new Map();
    const loaders = new Map();
    return {
        pin: pinFile === null ? null : parseToolchainFile(external_node_fs_default().readFileSync(pinFile, 'utf8'), pinFile),
        expectedToolchain: exact === null ? null : { channel: exact.channel, file: options.policy.path, line: exact.line },
        targetSource: buildTarget?.kind === 'single' ? settingSource(buildTarget.target.source) : null,
        globalAllocators(pkg) {
            let found = allocators.get(pkg.id);
            if (found === undefined)
                allocators.set(pkg.id, (found = scanAllocators(pkg)));
            return found;
        },
        loadsLibraries(pkg) {
            let found = loaders.get(pkg.id);
            if (found === undefined)
                loaders.set(pkg.id, (found = packageSources(pkg).some(s => LOADS_LIBRARIES.test(stripComments(s.text)))));
            return found;
        }
    };
}
/** Calls that load a shared library at run time, on Unix and Windows. */
const LOADS_LIBRARIES = /\b(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?)\s*\(/;
function stripComments(text) {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
function run_isFile(file) {
    try {
        return external_node_fs_default().statSync(file).isFile();
    }
    catch {
        return false;
    }
}
/** Files read per package at most, and the largest file read, when a rule needs a package's sources. */
const SCAN_LIMITS = { files: 2000, bytes: 4 * 1024 * 1024 };
/** The Rust sources under each target's directory (within `SCAN_LIMITS`), read once per package. */
function packageSources(pkg) {
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
            if (files.size >= SCAN_LIMITS.files)
                return;
            const full = external_node_path_default().join(dir, e.name);
            if (e.isDirectory() && e.name !== 'target' && !e.name.startsWith('.'))
                walk(full);
            else if (e.isFile() && e.name.endsWith('.rs'))
                files.add(full);
        }
    };
    for (const dir of dirs)
        walk(dir);
    found = [];
    for (const file of [...files].sort()) {
        try {
            if (external_node_fs_default().statSync(file).size <= SCAN_LIMITS.bytes)
                found.push({ file, text: external_node_fs_default().readFileSync(file, 'utf8') });
        }
        catch {
            // An unreadable file is skipped: these scans only add findings, never remove them.
        }
    }
    sourcesOf.set(pkg, found);
    return found;
}
const sourcesOf = new WeakMap();
/** The `#[global_allocator]`s in a package's Rust sources. */
function scanAllocators(pkg) {
    return packageSources(pkg)
        .filter(s => s.text.includes('global_allocator'))
        .flatMap(s => scanGlobalAllocators(s.text).map(found => ({ file: s.file, line: found.line, item: found.item })));
}
/** The environment for cargo and rustc: ours, minus what would make cargo's output differ from a build. */
function childEnvironment(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    return out;
}
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
    throw new UserError(`could not find \`Cargo.toml\` in \`${cwd}\` or any parent directory; pass \`--manifest-path\``);
}
async function readMetadataFile(file) {
    let text;
    try {
        text = await external_node_fs_default().promises.readFile(file, 'utf8');
    }
    catch (e) {
        throw new UserError(`cannot read metadata file \`${file}\`: ${e.code ?? e.message}`);
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
    const result = await runner.run(cargo, args, { cwd, env });
    if (result.exitCode !== 0) {
        throw new CommandError(`\`cargo metadata\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}${cargoHint(result.stderr)}`, cargo, args, result.stderr);
    }
    return parseMetadata(result.stdout, 'cargo metadata');
}
async function runRustcVersion(runner, rustc, cwd, env) {
    const result = await runner.run(rustc, ['-vV'], { cwd, env });
    if (result.exitCode !== 0) {
        throw new CommandError(`\`rustc -vV\` failed (exit code ${result.exitCode}): ${lastLine(result.stderr)}`, rustc, ['-vV'], result.stderr);
    }
    return parseRustcVersion(result.stdout);
}
/**
 * One combined probe for a target, with the rustflags cargo settles on for it (see `resolveRustflags`).
 * `triple` selects `target.<triple>` tables; the caller sets the info's triple once `rustc -vV` is known.
 */
async function probeTarget(runner, rustc, cwd, env, config, rawEnv, kind, requested, triple) {
    // The host probe runs without `--target`: that is what the host is.
    const probeTriple = kind === 'host' ? null : requested;
    const rustflags = await resolveRustflags({ env: rawEnv, config, kind, requestedTarget: requested, triple }, async (flags) => {
        // Reading the null device instead of stdin: writing to a rustc that already exited fails with EPIPE.
        const viaStdin = process.platform === 'win32';
        const args = probeArgs(probeTriple, flags, viaStdin ? '-' : (external_node_os_default()).devNull);
        const result = await runner.run(rustc, args, viaStdin ? { cwd, env, input: '' } : { cwd, env });
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
    return info;
}
/**
 * Whether a target's root source file names a crate (`name::`, `use name`, `extern crate name`). Unreadable
 * sources count as using it: a missed error is worse than a false one here, and cargo metadata recorded on
 * another machine has no sources to read.
 */
function sourceUsesCrate(srcPath, crate) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(srcPath, 'utf8');
    }
    catch {
        return true;
    }
    const code = text.replace(/\/\/[^\n]*/g, '');
    // `[lib] name` is checked by cargo only loosely: it may hold any regular-expression syntax.
    const name = crate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^A-Za-z0-9_:])(${name}::|use\\s+${name}\\b|extern\\s+crate\\s+${name}\\b)`).test(code);
}
function readToml(file) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
    return parseTomlDocument(text, file);
}
/** What to do about the cargo failures a CI run meets most. */
function cargoHint(stderr) {
    if (/(?:needs to be updated but|cannot update the lock file .* because) --(?:locked|frozen) was passed/.test(stderr)) {
        return ' — Cargo.lock is out of date: run `cargo update -w` (or `cargo generate-lockfile`) and commit it, or drop `locked`';
    }
    if (/--offline|offline mode/.test(stderr) && /(?:no matching package|failed to (?:download|load source)|attempting to make an HTTP request)/.test(stderr)) {
        return ' — with `offline`, every dependency must already be in the cargo cache or vendored: fetch it first (`cargo fetch`), or drop `offline`';
    }
    const at = /^\s*--> (.+:\d+:\d+)\s*$/m.exec(stderr);
    if (at)
        return ` (at ${at[1]})`;
    return '';
}
function lastLine(text) {
    const lines = text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '');
    const error = lines.find(l => l.startsWith('error'));
    return (error ?? lines[lines.length - 1] ?? 'no output').slice(0, 500);
}
/** Reads the policy file, if there is one. Read before the analysis: `exact-toolchain` is an input to it. */
function loadPolicy(where) {
    const file = where.policy !== null ? external_node_path_default().resolve(where.cwd, where.policy) : defaultPolicyPath(where);
    if (file === null)
        return null;
    const shown = displayPath(file, where.cwd);
    return { policy: parsePolicy(readTextFile(file, 'policy file', shown), shown), path: file };
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
function gateReport(report, files) {
    const policy = files.policy === null ? null : { policy: files.policy.policy, file: external_node_path_default().relative(report.workspaceRoot, files.policy.path).split((external_node_path_default()).sep).join('/') };
    const baseline = files.baseline === null ? null : parseBaseline(readTextFile(external_node_path_default().resolve(files.cwd, files.baseline), 'baseline', files.baseline), files.baseline);
    return applyGate(report, { failOn: files.failOn, policy, baseline, today: new Date().toISOString().slice(0, 10) });
}
function readTextFile(file, what, shown) {
    try {
        return external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new UserError(`cannot read ${what} \`${shown}\`: ${code === 'ENOENT' ? 'no such file' : (code ?? e.message)}`);
    }
}
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
        const pinFile = findToolchainFile(external_node_path_default().resolve(options.dir), run_isFile);
        const pin = pinFile === null ? null : parseToolchainFile(external_node_fs_default().readFileSync(pinFile, 'utf8'), pinFile);
        if (pin?.kind === 'path') {
            if (options.trustRepositoryConfig !== true) {
                throw new UserError(`${pin.file}:${pin.line}: \`toolchain.path\` names the compiler directory \`${pin.path}\`, chosen by the repository; it is not run (set trust-repository-config to allow it, or name a toolchain with rust-toolchain)`);
            }
            return out;
        }
        name = pin?.channel ?? null;
    }
    // Outside the repository, rustup no longer sees its toolchain file, so the pinned channel is named here.
    const rustupEnv = { ...childEnvironment(env), ...out, ...(name ? { RUSTUP_TOOLCHAIN: name } : {}) };
    const which = await rustupWhich(runner, rustupEnv);
    if (which.kind === 'no-rustup') {
        if (options.requested !== null) {
            throw new UserError(`the toolchain \`${options.requested}\` is chosen through rustup, but \`rustup\` could not be run; install rustup or leave the toolchain to the runner`);
        }
        return {};
    }
    if (which.kind === 'failed') {
        const what = name ? `the toolchain \`${name}\`` : "rustup's default toolchain";
        throw new UserError(`${what} cannot be used: ${which.reason}; install it before this step${options.allowInstall === true ? '' : ' (or allow rustup to install it)'}`);
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
        result = await runner.run('rustup', ['which', 'rustc'], { cwd: external_node_os_default().tmpdir(), env });
    }
    catch {
        return { kind: 'no-rustup' };
    }
    const rustc = result.stdout.trim();
    if (result.exitCode !== 0 || !external_node_path_default().isAbsolute(rustc))
        return { kind: 'failed', reason: lastLine(result.stderr) || 'rustup which rustc failed' };
    return { kind: 'found', rustc };
}

;// CONCATENATED MODULE: ./src/version.ts
/** The release of this tool; a test keeps it equal to package.json's `version`. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/write-file.ts



const REASONS = {
    ENOTDIR: 'a part of its directory is a file',
    EEXIST: 'a part of its directory is a file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space is left on the device',
    EDQUOT: 'the disk quota is exceeded',
    ENAMETOOLONG: 'the name is too long'
};
/**
 * Writes through a temporary file and a rename, so a reader never sees half a file. `text` may come in
 * chunks, so that a large report is never one string in memory. A file that cannot be written is the
 * user's to fix: a one-line UserError naming the file and `name`, what the file is to the user (the input
 * `report-path`, the flag `--output`).
 */
function writeAtomically(file, text, name) {
    const absolute = external_node_path_default().resolve(file);
    const tmp = external_node_path_default().join(external_node_path_default().dirname(absolute), `.${external_node_path_default().basename(absolute)}.${process.pid}.tmp`);
    let fd = null;
    let created = false;
    try {
        external_node_fs_default().mkdirSync(external_node_path_default().dirname(absolute), { recursive: true });
        fd = external_node_fs_default().openSync(tmp, 'w');
        created = true;
        for (const chunk of typeof text === 'string' ? [text] : text)
            external_node_fs_default().writeSync(fd, chunk);
        external_node_fs_default().closeSync(fd);
        fd = null;
        external_node_fs_default().renameSync(tmp, absolute);
    }
    catch (error) {
        if (fd !== null)
            external_node_fs_default().closeSync(fd);
        if (created)
            external_node_fs_default().rmSync(tmp, { force: true });
        const reason = REASONS[error.code ?? ''];
        if (reason !== undefined)
            throw new UserError(`cannot write ${file} (${name}): ${reason}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts











/**
 * `rust-linkage-guard`: exit 0 when the check passes, 1 when findings fail it, 2 for usage or input errors,
 * 3 when cargo or rustc could not be run, failed, or took longer than `--timeout`.
 */
async function main(argv) {
    // `+toolchain` first, as with cargo: the rustup toolchain to run cargo and rustc with.
    const requested = argv[0]?.startsWith('+') ? argv[0].slice(1) : null;
    const options = args_parseCliArgs(requested === null ? argv : argv.slice(1), { colorTerminal: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
    if (options.help) {
        process.stdout.write(HELP_TEXT.endsWith('\n') ? HELP_TEXT : `${HELP_TEXT}\n`);
        return 0;
    }
    if (options.version) {
        process.stdout.write(`rust-linkage-guard ${VERSION}\n`);
        return 0;
    }
    const cwd = process.cwd();
    const searchFrom = options.manifestPath === null ? cwd : external_node_path_default().dirname(external_node_path_default().resolve(cwd, options.manifestPath));
    const policy = loadPolicy({ policy: options.policy, defaultPolicy: options.noPolicy ? null : 'search', cwd, searchFrom });
    if (requested !== null && !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/u.test(requested)) {
        throw new UserError(`\`+${requested}\` must name a rustup toolchain such as \`+stable\` or \`+1.95.0\``);
    }
    const trust = options.trustRepositoryConfig;
    // A developer's own environment may install toolchains as rustup is configured to.
    const timeoutMs = options.timeoutMs ?? undefined;
    const toolchain = await selectToolchain({ requested, dir: searchFrom, env: process.env, trustRepositoryConfig: trust, allowInstall: true, timeoutMs });
    const analysed = await analyzeWorkspace({
        manifestPath: options.manifestPath,
        invocation: options.invocation,
        metadataFile: options.metadataFile,
        configOverrides: options.configOverrides,
        env: { ...process.env, ...toolchain },
        cwd,
        policy,
        trustRepositoryConfig: trust,
        timeoutMs
    });
    const report = gateReport(analysed, { failOn: options.failOn, policy, baseline: options.baseline, cwd });
    const text = render(report, options.format);
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
function render(report, format) {
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
            return renderText(report);
    }
}
main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, (error) => {
    const { message } = describeError(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = error instanceof UserError ? error.exitCode : 2;
});


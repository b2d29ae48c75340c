"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __modules = {}, __module = (id) => __modules[id] ??= __toESM(require(id), 1);
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
)), __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  restoreStartFlags: () => restoreStartFlags
});
module.exports = __toCommonJS(main_exports);
var import_node_path21 = __module("node:path");

// src/text.ts
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function listCrates(crates, shown = 5) {
  let names = crates.map((c) => `\`${c}\``);
  return names.length <= 1 ? names.join("") : names.length <= shown ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}
var HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;
function codePoint(c) {
  return `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}
var EVERY_HIDDEN = new RegExp(HIDDEN.source, "gu");
function withCodePoints(text) {
  return text.replace(EVERY_HIDDEN, (c) => `<${codePoint(c)}>`);
}

// src/errors.ts
var UserError = class extends Error {
  exitCode = 2;
  constructor(message) {
    super(message), this.name = "UserError";
  }
}, CommandError = class extends UserError {
  constructor(message, command, args, stderr, fault = "environment") {
    super(message);
    this.command = command;
    this.args = args;
    this.stderr = stderr;
    this.fault = fault;
    this.name = "CommandError", this.exitCode = fault === "input" ? 2 : 3;
  }
  command;
  args;
  stderr;
  fault;
  exitCode;
};
function describeError(error) {
  if (error instanceof UserError) return { message: oneLine(error.message), internal: !1 };
  let message = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${oneLine(message)} (please report this with the command line you used)`, internal: !0 };
}
function oneLine(message) {
  return withCodePoints(message.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

// src/exec/exit.ts
function exitOnceFlushed(code) {
  let streams = [process.stdout, process.stderr], pending = streams.length, flushed = () => {
    --pending === 0 && process.exit(code);
  };
  for (let stream of streams)
    stream.writableLength === 0 || stream.destroyed ? flushed() : stream.write("", () => flushed());
}

// src/exec/interrupt.ts
var import_node_os = __module("node:os"), cleanups = /* @__PURE__ */ new Set(), SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function onInterrupt(cleanup) {
  return cleanups.add(cleanup), () => {
    cleanups.delete(cleanup);
  };
}
function cleanUpOnSignals() {
  let handlers = SIGNALS.map((signal) => {
    let handler = () => {
      for (let cleanup of cleanups)
        try {
          cleanup();
        } catch {
        }
      for (let [s, h] of handlers) process.off(s, h);
      try {
        process.kill(process.pid, signal);
      } catch {
        process.exit(128 + import_node_os.default.constants.signals[signal]);
      }
    };
    return process.on(signal, handler), [signal, handler];
  });
}

// src/exec/v8-tuning.ts
var import_node_v8 = __module("node:v8"), import_node_vm = __module("node:vm"), SMALL_METADATA_CHARS = 8 * 1024 * 1024, MAGLEV_OFF_FROM_CHARS = 256 * 1024;
function v8Flags(metadataChars, nodeVersion) {
  let short = metadataChars <= SMALL_METADATA_CHARS;
  switch (nodeVersion.split(".")[0]) {
    case "20":
    case "22":
      return [`--semi-space-growth-factor=${short ? 1 : 2}`];
    case "24":
    case "26":
      return ["--semi-space-growth-factor=1", short && metadataChars >= MAGLEV_OFF_FROM_CHARS ? "--no-maglev" : "--maglev"];
    default:
      return [];
  }
}
function tuneV8(metadataChars) {
  tunedForMetadata = !0;
  for (let flag of v8Flags(metadataChars, process.versions.node)) setFlag(flag);
}
var AT_START = {
  "semi-space-growth-factor": "--semi-space-growth-factor=2",
  maglev: "--maglev",
  "expose-gc": "--no-expose-gc"
}, changedFlags = /* @__PURE__ */ new Set(), tunedForMetadata = !1;
function setFlag(flag) {
  let name = /^--(?:no-)?([\w-]+)/u.exec(flag)[1];
  if (!(name in AT_START)) throw new Error(`v8-tuning: no value at start is known for \`${flag}\``);
  changedFlags.add(name), import_node_v8.default.setFlagsFromString(flag);
}
function restoreStartFlags() {
  for (let name of changedFlags) import_node_v8.default.setFlagsFromString(AT_START[name]);
  return changedFlags.clear(), { analysedMetadata: tunedForMetadata };
}
var COLLECT_FROM_CHARS = 1024 * 1024;
function metadataTuning() {
  let parsedChars = 0;
  return {
    beforeParse: (metadataChars) => {
      parsedChars = metadataChars, tuneV8(metadataChars);
    },
    afterParse: () => {
      parsedChars >= COLLECT_FROM_CHARS && fullCollection()?.();
    }
  };
}
var collector;
function fullCollection() {
  if (collector === void 0)
    try {
      setFlag("--expose-gc");
      let gc = import_node_vm.default.runInNewContext("gc");
      collector = typeof gc == "function" ? gc : null;
    } catch {
      collector = null;
    }
  return collector;
}

// src/report/annotations.ts
var import_node_path2 = __module("node:path");

// src/model/paths.ts
var import_node_path = __module("node:path"), DRIVE = /^[A-Za-z]:(?:[\\/]|$)/, VERBATIM_DISK = /^\\\\\?\\([A-Za-z]:(?:\\|$))/, VERBATIM_UNC = /^\\\\\?\\UNC\\/i;
function isWindowsPath(p) {
  return DRIVE.test(p) || p.startsWith("\\\\") ? !0 : !p.startsWith("/") && p.includes("\\");
}
function pathModuleFor(p) {
  return isWindowsPath(p) ? import_node_path.default.win32 : import_node_path.default.posix;
}
function isAbsolutePath(p) {
  return p.startsWith("/") || DRIVE.test(p) || p.startsWith("\\\\");
}
function stripVerbatim(p) {
  return VERBATIM_UNC.test(p) ? `\\\\${p.slice(8)}` : p.replace(VERBATIM_DISK, "$1");
}
function forwardSlashes(p) {
  return isWindowsPath(p) ? stripVerbatim(p).replace(/\\/g, "/") : p;
}
function joinPath(base2, ...segments) {
  return pathModuleFor(base2).join(base2, ...segments);
}
function resolveFrom(base2, p) {
  return isAbsolutePath(p) ? p : pathModuleFor(base2).resolve(base2, p);
}
function relativePosix(root, file) {
  let rel = relation(root, file);
  return rel === null || rel === ".." || rel.startsWith("../") ? null : rel;
}
function isAtOrBelow(dir, file) {
  return relativePosix(dir, file) !== null;
}
function isBelow(dir, file) {
  let rel = relativePosix(dir, file);
  return rel !== null && rel !== "";
}
function relativeOrAbsolute(root, file) {
  return relation(root, file) ?? forwardSlashes(file);
}
function relation(root, file) {
  let a = stripVerbatim(root), b = stripVerbatim(file), windows = isWindowsPath(a);
  if (windows !== isWindowsPath(b) || isAbsolutePath(a) !== isAbsolutePath(b)) return null;
  let module2 = windows ? import_node_path.default.win32 : import_node_path.default.posix, rel = module2.relative(a, b);
  return module2.isAbsolute(rel) ? null : windows ? rel.replace(/\\/g, "/") : rel;
}

// src/findings/finding.ts
var WITHOUT_HARNESS = " (without a test harness)";
function adviceFix(title) {
  return { title, kind: "advice", verified: !1 };
}
function findingArtifact(f) {
  let { package: pkg, target, kind, mode, crateType, platform } = f;
  return pkg === void 0 || target === void 0 || kind === void 0 || mode === void 0 || crateType === void 0 || platform === void 0 ? null : { package: pkg, target, kind, mode, crateType, platform };
}

// src/report/fix-text.ts
function fixLabel(f, fix) {
  return fix.verified ? "fix (verified)" : f.severity === "error" ? "fix (not verified)" : "fix";
}
function editDiff(edits) {
  let byFile = /* @__PURE__ */ new Map();
  for (let e of edits) byFile.set(e.file, [...byFile.get(e.file) ?? [], e]);
  return [...byFile].flatMap(([file, fileEdits]) => unifiedDiff(file, [], fileEdits, 0));
}
function unifiedDiff(file, lines, edits, context = 2) {
  let out = [`--- a/${file}`, `+++ b/${file}`], sorted = [...edits].sort((a, b) => a.line - b.line), shift = 0, i = 0;
  for (; i < sorted.length; ) {
    let j = i;
    for (; j + 1 < sorted.length && sorted[j + 1].line - sorted[j].line <= 2 * context; ) j++;
    let first = Math.max(1, sorted[i].line - context), last = Math.max(sorted[j].line, Math.min(lines.length, sorted[j].line + context)), body = [], added = 0;
    for (let line = first; line <= last; line++) {
      let edit = sorted.slice(i, j + 1).find((e) => e.line === line);
      if (edit === void 0) {
        body.push(` ${lines[line - 1] ?? ""}`);
        continue;
      }
      let after = edit.after.split(`
`);
      body.push(`-${edit.before}`, ...after.map((l) => `+${l}`)), added += after.length - 1;
    }
    let oldCount = last - first + 1;
    out.push(`@@ -${first},${oldCount} +${first + shift},${oldCount + added} @@`, ...body), shift += added, i = j + 1;
  }
  return out;
}
function editLines(edits) {
  return edits.flatMap((e) => [
    { kind: "location", text: `${e.file}:${e.line}` },
    { kind: "removed", text: `- ${e.before}` },
    ...e.after.split(`
`).map((l) => ({ kind: "added", text: `+ ${l}` }))
  ]);
}

// src/report/sgr.ts
var BOLD = "\x1B[1m", RESET = "\x1B[0m", STYLES = {
  /** `error`, `error[E0382]`: bold bright red. */
  error: `${BOLD}\x1B[91m`,
  /** `warning`: bold yellow (not bright). */
  warning: `${BOLD}\x1B[33m`,
  /** `note`: bold bright green. */
  note: `${BOLD}\x1B[92m`,
  /** `help`: bold bright cyan. */
  help: `${BOLD}\x1B[96m`,
  /** `-->`, `:::`, `=` and the line-number gutter: bold bright blue. */
  gutter: `${BOLD}\x1B[94m`,
  /** A diagnostic's message, the label of a `= note:` line, headings. */
  bold: BOLD,
  /** Success, as cargo's `Compiling` and `Finished`: bold bright green. */
  good: `${BOLD}\x1B[92m`,
  /** A line a fix adds, as rustc's diff-style suggestions: bright green. */
  added: "\x1B[92m",
  /** A line a fix removes: bright red. */
  removed: "\x1B[91m"
};
function painter(color) {
  return color ? (style, text) => `${STYLES[style]}${text}${RESET}` : (_style, text) => text;
}

// src/report/render.ts
function countFindings(report) {
  let errors = 0, warnings = 0, notes = 0;
  for (let f of report.findings)
    f.severity === "error" ? errors++ : f.severity === "warning" ? warnings++ : notes++;
  return { errors, warnings, notes };
}
function verdictLine(report) {
  let { errors, warnings } = countFindings(report), failing = report.artifacts.filter((a) => a.status === "error").length, blocked = report.artifacts.filter((a) => a.status === "blocked").length, command = report.invocation.args.join(" "), counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}`, build = errors === 0 ? `\`${command}\` links: ${plural(report.artifacts.length, "artifact")}, ${plural(warnings, "warning")}.` : `\`${command}\` fails: ${plural(failing, "artifact")} cannot be built${blocked > 0 ? ` and ${blocked} more ${blocked === 1 ? "is" : "are"} blocked by ${failing === 1 ? "it" : "them"}` : ""} (${counts}).`, gate = report.gate;
  if (gate.verdict === "fail") return `${build} The check fails: ${plural(gate.failing, "finding")} at or above \`${gate.failOn}\`${report.baseline ? ", new since the baseline" : ""}.`;
  let excused = report.findings.filter((f) => f.allowed !== void 0 || f.baseline === "existing").length;
  return errors + warnings > 0 && gate.failOn !== "never" && excused > 0 ? `${build} The check passes: ${[
    allowedCount(report) > 0 ? `${allowedCount(report)} allowed by the policy` : "",
    existingCount(report) > 0 ? `${existingCount(report)} already in the baseline` : ""
  ].filter(Boolean).join(", ")}.` : gate.failOn === "never" && errors + warnings > 0 ? `${build} The check passes (\`fail-on: never\`).` : build;
}
function allowedCount(report) {
  return report.findings.filter((f) => f.allowed !== void 0).length;
}
function existingCount(report) {
  return report.findings.filter((f) => f.allowed === void 0 && f.baseline === "existing").length;
}
function groupInclusion(paths) {
  let groups = /* @__PURE__ */ new Map();
  for (let p of paths) {
    let key = JSON.stringify([p.chain, p.how, p.file ?? null, p.features ?? null]), group = groups.get(key);
    group ? group.crates.push(p.crate) : groups.set(key, {
      chain: p.chain,
      how: p.how,
      ...p.file === void 0 ? {} : { file: p.file },
      ...p.features === void 0 ? {} : { features: p.features },
      crates: [p.crate]
    });
  }
  return [...groups.values()];
}
function describeInclusion(g) {
  let chain = g.chain.map((c, i) => `\`${c}\`${(g.features ?? []).filter((s) => s.from === i).map((s) => ` ${describeFeatureStep(s)}`).join("")}`).join(" \u2192 "), crates = listCrates(g.crates);
  if (g.how === "inside-dylib") return `${chain} (dylib, contains ${crates} statically)`;
  let file = g.file === void 0 ? "" : ` as \`${g.file}\``;
  return g.chain.length === 1 ? `${chain} links ${crates} ${g.how === "dynamic" ? `dynamically${file}` : "statically (rlib)"}` : `${chain} \u2192 ${crates} (${g.how === "dynamic" ? `dylib, linked dynamically${file}` : "rlib, linked statically"})`;
}
function describeFeatureStep(s) {
  let where2 = s.file === void 0 ? "" : `\`${s.file}:${s.line ?? 1}\`: `, asked = s.commandLine === void 0 ? "" : `, asked for by \`${s.commandLine}\``;
  return s.by === "command-line" ? `via \`${s.text}\` on the command line` : s.by === "feature" ? `via feature \`${s.name}\` (${where2}\`${s.text}\`${asked})` : `via dependency \`${s.name}\` (${where2}${s.text === "default-features" ? "its default features" : `\`${s.text}\``}${asked})`;
}
function findingSubject(f) {
  if (f.target === void 0) return f.rule === "unused-allow" ? "policy" : "workspace";
  let noHarness = f.harness === !1, what = noHarness ? f.kind : f.mode === "test" ? `test harness of ${f.kind}` : f.mode === "doctest" ? `doc tests of ${f.kind}` : f.kind === "custom-build" ? "build script" : f.crateType, host = f.platform === "host" && f.kind !== "proc-macro" && f.kind !== "custom-build" ? " (host)" : "";
  return `${what} \`${f.target}\`${f.package !== void 0 && f.package !== f.target ? ` of \`${f.package}\`` : ""}${noHarness ? WITHOUT_HARNESS : ""}${host}`;
}
function findingStanding(f) {
  return f.allowed !== void 0 ? "allowed" : f.baseline ?? "reported";
}
function artifactLabel(a) {
  let mode = a.mode === "build" ? "" : ` (${a.mode})`, host = a.platform === "host" && a.kind !== "proc-macro" && a.kind !== "custom-build" ? " [host]" : "", features = buildScriptFeatures(a);
  return `${a.package}/${a.target} ${a.crateType}${mode}${host}${features === "" ? "" : ` [${features}]`}`;
}
function buildScriptFeatures(a) {
  return a.kind === "custom-build" && a.features !== void 0 && a.features.length > 0 ? `features: ${a.features.join(", ")}` : "";
}
function stdLinkage(a) {
  let std = a.linkage.find((l) => l.crate === "std");
  return std ? std.how === "included-from-dylib" ? `inside ${std.via ?? "a dylib"}` : std.how : a.linkage.length === 0 ? "\u2014" : "not linked";
}
var STATUS_STYLES = { ok: "good", error: "error", blocked: "warning" };
function renderText(report, style = {}) {
  let color = painter(style.color === !0), paint = (s, text) => color(s, withCodePoints(text)), footer2 = (label2, text) => `  ${paint("gutter", "= ")}${paint("bold", label2)}: ${withCodePoints(text)}`, lines = [], t = report.toolchain;
  lines.push(withCodePoints(`${report.invocation.args.join(" ")}  (profile ${report.invocation.profile}, rustc ${t.release}, target ${t.target})`), "");
  for (let f of report.findings) {
    let standing = findingStanding(f), tag = standing === "allowed" ? ` (allowed: ${f.allowed.reason})` : standing === "existing" ? " (already in the baseline)" : standing === "new" ? " (new)" : "";
    lines.push(`${paint(f.severity, `${f.severity}[${f.rule}]`)}${paint("bold", `${tag}: ${f.message}`)}`), lines.push(`  ${paint("gutter", "--> ")}${withCodePoints(`${f.file}:${f.line}`)}`);
    for (let r of f.related ?? []) lines.push(`  ${paint("gutter", "::: ")}${withCodePoints(`${r.file}:${r.line} (${r.message.replace(/`/g, "")})`)}`);
    for (let g of groupInclusion(f.inclusion ?? [])) lines.push(footer2("via", describeInclusion(g).replace(/`/g, "")));
    for (let fix of f.fixes) {
      lines.push(footer2(fixLabel(f, fix), fix.title));
      for (let d of editLines(fix.edits ?? [])) lines.push(`      ${paint(d.kind === "location" ? "gutter" : d.kind, withCodePoints(d.text))}`);
    }
    lines.push("");
  }
  let rows = report.artifacts.map((a) => [withCodePoints(artifactLabel(a)), a.status, `std ${stdLinkage(a)}`, withCodePoints((a.runtimeLibraries ?? []).join(" "))]);
  if (rows.length > 0) {
    lines.push(paint("bold", "Artifacts:"));
    let widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length))), pad = (text, column) => " ".repeat(widths[column] - text.length);
    for (let [label2, status, std, libraries] of rows)
      lines.push(`  ${label2}${pad(label2, 0)}  ${paint(STATUS_STYLES[status], status)}${pad(status, 1)}  ${std}${pad(std, 2)}  ${libraries}`.trimEnd());
    lines.push("");
  }
  for (let note of report.notes) lines.push(`${paint("note", "note")}: ${withCodePoints(note)}`);
  return lines.push(paint("bold", verdictLine(report))), `${lines.join(`
`)}
`;
}
function withoutLineBreaks(text) {
  return text.replace(/\r\n|[\r\n]/g, " ");
}
var SHOWN = new RegExp(`(?![	
])${HIDDEN.source}`, "g");
function showHidden(text) {
  return text.replace(SHOWN, (c) => `<${codePoint(c)}>`);
}
function escapeHtml(text) {
  return withoutLineBreaks(text).replace(
    ESCAPED,
    (c, token, hidden) => token !== void 0 ? `${token}<wbr>` : hidden !== void 0 ? `&#60;${codePoint(hidden)}&#62;` : `&#${c.codePointAt(0)};`
  );
}
var ESCAPED = new RegExp(
  `(@(?=\\S)|#(?=\\d)|[Gg][Hh]-(?=\\d)|:(?=//)|[Ww]{3}(?=\\.))|(${SHOWN.source})|[&<>"'|[\\]\`*~\\\\]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])`,
  "g"
);
function escapeAttribute(text) {
  return withoutLineBreaks(text).replace(/[&<>"'`]/g, (c) => `&#${c.codePointAt(0)};`);
}
function mapCodeSpans(text, code, prose) {
  return text.split(/(`[^`]+`)/).map((part) => part.length > 2 && part.startsWith("`") && part.endsWith("`") ? code(part.slice(1, -1)) : prose(part)).join("");
}
function md(text) {
  return mapCodeSpans(text, (content) => `<code>${escapeHtml(content)}</code>`, escapeHtml);
}
function plainMarkdown(text) {
  return mapCodeSpans(text, codeSpan, escapeMarkdown);
}
function codeSpan(content) {
  let text = showHidden(withoutLineBreaks(content)), fence = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1), padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}
var MARKDOWN_REPLACEMENTS = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "`@`" };
function escapeMarkdown(text) {
  return showHidden(withoutLineBreaks(text)).replace(/[\\`*_[\]()~!|<>&#@]|:(?=\/\/)|(?<=www)\./gi, (c) => MARKDOWN_REPLACEMENTS[c] ?? `\\${c}`);
}

// src/report/annotations.ts
var ANNOTATIONS_PER_TYPE = 10, MAX_MESSAGE = 4096;
function selectAnnotations(report, options) {
  let shown = report.findings.filter((f) => f.allowed === void 0), kept = shown.filter((f) => keeps(f, options)), candidates = kept.map((f, order) => {
    let at = annotatedLocation(f, options);
    return { f, order, at, changed: at.file !== void 0 && options.isChanged?.(at.file, at.line) === !0 };
  }).sort(
    (a, b) => Number(b.changed) - Number(a.changed) || +(a.f.baseline === "existing") - +(b.f.baseline === "existing") || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.order - b.order
  ), used = { error: 0, warning: 0, notice: options.reservedNotices ?? 0 }, annotations = [], hidden = 0;
  for (let { f, at } of candidates) {
    let level = levelOf(f), cap2 = level === "notice" ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE;
    if (used[level] >= cap2) {
      hidden++;
      continue;
    }
    used[level]++, annotations.push({ level, ...at.file === void 0 ? {} : { file: at.file, line: at.line }, title: titleOf(f), message: messageOf(f, at.note) });
  }
  let filtered = shown.length - kept.length;
  if (hidden > 0 || filtered > 0) {
    let where2 = options.only === "changed-files" ? "files" : "lines", parts = [
      ...hidden > 0 ? [`${plural(hidden, "more finding")} in the job summary and the JSON report.`] : [],
      ...filtered > 0 ? [`${plural(filtered, "finding")} outside the ${where2} this pull request changed ${filtered === 1 ? "is" : "are"} not annotated (\`annotate: ${options.only}\`); the job summary has ${filtered === 1 ? "it" : "them"}.`] : []
    ];
    annotations.push({ level: "notice", title: "Rust Linkage Guard", message: parts.join(" ") });
  }
  return { annotations, hidden, filtered };
}
function keeps(f, options) {
  let locations = [{ file: f.file, line: f.line }, ...f.related ?? []].flatMap((l) => {
    let file = repositoryPath(options.workspacePrefix, l.file);
    return file === null ? [] : [{ file, line: l.line }];
  });
  return options.only === "changed-lines" && options.isChanged !== void 0 ? locations.some((l) => options.isChanged(l.file, l.line)) : options.only === "changed-files" && options.isChangedFile !== void 0 ? locations.some((l) => options.isChangedFile(l.file)) : !0;
}
var SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
function levelOf(f) {
  return f.baseline === "existing" || f.severity === "note" ? "notice" : f.severity;
}
function annotatedLocation(f, options) {
  let primary = repositoryPath(options.workspacePrefix, f.file);
  if (primary !== null && options.isChanged?.(primary, f.line) !== !1) return { file: primary, line: f.line, note: null };
  for (let r of f.related ?? []) {
    let file = repositoryPath(options.workspacePrefix, r.file);
    if (file !== null && options.isChanged?.(file, r.line)) return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` };
  }
  if (options.only === "changed-files" && options.isChangedFile !== void 0 && !(primary !== null && options.isChangedFile(primary)))
    for (let r of f.related ?? []) {
      let file = repositoryPath(options.workspacePrefix, r.file);
      if (file !== null && options.isChangedFile(file)) return { file, line: r.line, note: `Reported for ${f.file}:${f.line}.` };
    }
  return primary === null ? { line: f.line, note: `At ${f.file}:${f.line}.` } : { file: primary, line: f.line, note: null };
}
function repositoryPath(workspacePrefix, file) {
  if (isAbsolutePath(file) || isAbsolutePath(workspacePrefix)) return null;
  let joined = import_node_path2.default.posix.normalize(import_node_path2.default.posix.join(workspacePrefix.split(import_node_path2.default.sep).join("/"), file.split(import_node_path2.default.sep).join("/")));
  return joined.startsWith("../") || joined === ".." ? null : joined.replace(/^\.\//, "");
}
function titleOf(f) {
  let subject = findingSubject(f).replace(/`/g, "");
  return `${f.rule}: ${subject}${f.baseline === "existing" ? " (already in the baseline)" : ""}`;
}
function messageOf(f, note) {
  let parts = [f.message];
  note !== null && parts.push(note);
  let inclusion = f.inclusion ?? [];
  inclusion.length > 0 && parts.push(`How it gets in:
${groupInclusion(inclusion).map((g) => `- ${describeInclusion(g)}`).join(`
`)}`);
  let fix = f.fixes[0];
  fix !== void 0 && parts.push(`Fix${fix.verified ? " (verified)" : ""}: ${fix.title}`);
  let text = parts.join(`

`);
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}\u2026`;
}
function workflowCommand(a) {
  return commandLine(a.level, [["file", a.file], ["line", a.line], ["title", a.title]], a.message);
}
function commandLine(command, properties, message) {
  let props = properties.filter(([, value]) => value !== void 0).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${command}${props === "" ? "" : ` ${props}`}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/report/json.ts
function* reportJson(report) {
  let fields = Object.entries(report).filter(([, value]) => value !== void 0);
  yield `{
`;
  for (let [i, [key, value]] of fields.entries()) {
    let name = JSON.stringify(key);
    if (key === "artifacts" && Array.isArray(value) && value.length > 0) {
      yield `  ${name}: [
`;
      let encoded = /* @__PURE__ */ new Map(), last = value.length - 1;
      for (let j = 0; j <= last; j++) {
        let artifact = value[j], end = j < last ? `,
` : `
`;
        if (artifact.linkage.length === 0) {
          yield `    ${JSON.stringify(artifact)}${end}`;
          continue;
        }
        let line = JSON.stringify({ ...artifact, linkage: [] }), at = line.indexOf('"linkage":[]') + 11;
        yield `    ${line.slice(0, at)}`;
        let entries = new Array(artifact.linkage.length);
        for (let k = 0; k < entries.length; k++) entries[k] = entryBytes(artifact.linkage[k], k > 0, encoded);
        yield entries, yield `${line.slice(at)}${end}`;
      }
      yield "  ]";
    } else if (Array.isArray(value) && value.length > 0) {
      yield `  ${name}: [
`;
      for (let start = 0; start < value.length; start += 16) {
        let text = JSON.stringify({ [key]: value.slice(start, start + 16) }, null, 2), elements = text.slice(text.indexOf(`
`, text.indexOf(`
`) + 1) + 1, text.lastIndexOf(`
`, text.lastIndexOf(`
`) - 1));
        yield start + 16 < value.length ? `${elements},
` : `${elements}
`;
      }
      yield "  ]";
    } else
      yield `  ${name}: ${JSON.stringify(value, null, 2).replace(/\n/g, `
  `)}`;
    yield i === fields.length - 1 ? `
` : `,
`;
  }
  yield `}
`;
}
function entryBytes(entry, comma, encoded) {
  let forms = encoded.get(entry);
  if (forms === void 0) {
    let bytes = Buffer.from(`,${JSON.stringify(entry)}`, "utf8");
    encoded.set(entry, forms = [bytes.subarray(1), bytes]);
  }
  return forms[comma ? 1 : 0];
}

// src/version.ts
var VERSION = "1.0.0";

// src/rules/registry.ts
var RULES = [
  {
    id: "duplicate-linkage",
    severity: "error",
    title: 'A crate would be linked into one artifact twice ("only shows up once")',
    description: 'rustc links every crate into an artifact exactly once. When some upstream crate exists only as a Rust `dylib`, it links every crate that has a dylib dynamically, including `std` (`libstd-<hash>.so`). A `dylib` built without `-C prefer-dynamic` contains its own static copy of `std`, so linking it next to `libstd-<hash>.so` puts `std` in twice and rustc fails with "cannot satisfy dependencies so `std` only shows up once". Cargo passes `-C prefer-dynamic` to a dylib only when its package is not among the packages it builds targets of (not selected, or selected with `--examples` and no examples), so `cargo build -p app` links while `cargo build --workspace` fails. Two dylibs that both contain the same rlib cannot be linked together either.'
  },
  {
    id: "rlib-required",
    severity: "error",
    title: "An artifact needs every upstream crate as an rlib, and one is not",
    description: 'A `staticlib` (and a `+crt-static` executable on targets that forbid dylibs with it) must contain every upstream crate, so each one must exist as an rlib. When a dependency is built only as a `dylib`, rustc fails with "crate `x` required to be available in rlib format, but was not found in this form".'
  },
  {
    id: "dylib-required",
    severity: "error",
    title: "A crate must be linked dynamically but no dylib of it exists",
    description: 'A Rust dylib records that it linked an upstream crate dynamically; when that crate\'s dylib is not available, rustc fails with "crate `x` required to be available in dylib format". With clean builds of path dependencies cargo always provides the dylib, so this mostly comes from prebuilt or stale dylibs.'
  },
  {
    id: "no-linkable-lib",
    severity: "error",
    title: "A dependency whose library is only a cdylib or staticlib cannot be used from Rust",
    description: "A library whose only crate types are `cdylib` and/or `staticlib` cannot be used from Rust: cargo still builds it but passes no `--extern`, and the dependent fails with `error[E0433]` or `E0463` (cargo may warn that the package provides no linkable target). A package's own bins and tests do not get such a library either; they fail when their source uses it."
  },
  {
    id: "panic-strategy",
    severity: "error",
    title: "The panic runtime or a linked crate does not match the artifact\u2019s panic strategy",
    description: '`libstd-<hash>.so` contains the `panic_unwind` runtime, so an artifact that links `std` dynamically cannot use `panic = "abort"`: rustc fails with "the linked panic runtime `panic_unwind` is not compiled with this crate\'s panic strategy `abort`". A crate compiled with `abort` linked into an `unwind` artifact, or two panic runtimes in one artifact, fail the same check. Cargo builds test harnesses, build scripts, proc-macros and their dependencies with `unwind` whatever the profile says.'
  },
  {
    id: "lto-conflict",
    severity: "error",
    title: "LTO is requested where rustc refuses it",
    description: 'rustc refuses `-C prefer-dynamic` together with fat or thin LTO on bins, cdylibs and staticlibs ("cannot prefer dynamic linking when performing LTO"), LTO on `dylib` and `proc-macro` crate types, and `-C lto` together with cargo\'s `-C embed-bitcode=no` ("options `-C embed-bitcode=no` and `-C lto` are incompatible"). Cargo itself only asks for LTO where rustc allows it, so these come from rustflags.'
  },
  {
    id: "unsupported-crate-type",
    severity: "warning",
    title: "The target cannot produce a requested crate type",
    description: 'Targets without dynamic linking, `crt-static` targets (musl, or `+crt-static` on gnu) and wasm drop `dylib`, `cdylib` or `proc-macro` with "warning: dropping unsupported crate type". When every crate type of a unit is dropped, cargo stops before compiling anything ("cannot produce proc-macro for `mac` as the target does not support these crate types"), and the finding is an error. A common cause is `RUSTFLAGS="-C target-feature=+crt-static"` without `--target`, which also reaches proc-macros.'
  },
  {
    id: "proc-macro-dylib",
    severity: "error",
    title: "A proc-macro links a Rust dylib dynamically, so rustc cannot load it",
    description: "A proc-macro that depends on a Rust dylib links it dynamically; rustc then cannot load the proc-macro for its users, because that dylib is not on the compiler's library path, and every user fails with \"error[E0463]: can't find crate for `mac`\"."
  },
  {
    id: "duplicate-symbol",
    severity: "warning",
    title: "A unit-test harness may link two copies of a library that exports unmangled symbols",
    description: 'A library\'s unit-test harness is its own source compiled with `--test`. When a dev-dependency depends back on the library, the harness also links the library\'s rlib: two static copies in one executable. Mangled symbols differ between the copies, but a `#[no_mangle]` or `#[export_name]` symbol is defined by both, and the link fails with "multiple definition of `sym`" (lld: "duplicate symbol") when the linker pulls in the rlib\'s object file that defines it, that is when code reached through the dev-dependency calls a mangled function of the library in the same codegen unit. That depends on how rustc partitions the crate into codegen units, which cannot be known before compiling. Move the exports into a crate of their own, break the dev-dependency cycle, or gate the exports with `#[cfg(not(test))]`.'
  },
  {
    id: "runtime-dylib",
    severity: "warning",
    title: "An executable needs Rust shared libraries that will not be found outside cargo",
    description: 'An executable that links any Rust dylib (its own workspace dylibs, or `libstd-<hash>.so` under `-C prefer-dynamic`) records `NEEDED` entries without a run path. `cargo run` and `cargo test` set the library path, so it works there, but started directly, from an IDE, after `cargo install` or on another machine it fails with "error while loading shared libraries". The finding lists every file needed, transitively. With `rpath = true` the executable finds them in place and nothing is reported.'
  },
  {
    id: "doctest-runtime",
    severity: "error",
    title: "Doc examples link a Rust shared library that `cargo test` does not put on their library path",
    description: "Cargo runs a library's doc examples through `rustdoc --test` with only `target/<profile>/deps` (and build scripts' native directories) on the library path, not the toolchain's library directory that `cargo run` and test harnesses get. An example that links `libstd-<hash>.so` \u2014 because the library depends on a Rust dylib built with `-C prefer-dynamic`, as Bevy's `dynamic_linking` does, or because `RUSTDOCFLAGS` (or `build.rustdocflags`) give rustdoc `-C prefer-dynamic` \u2014 compiles, then fails with exit status 127 (\"error while loading shared libraries\"), and `cargo test` fails. With `--target`, the workspace's own dylibs are outside that directory and are missing too. Only examples that run count: a library without doc examples, or with only `no_run`, `ignore` or `compile_fail` ones, is not reported, and neither is a toolchain whose `libstd` is in a directory the loader searches by default (distribution packages)."
  },
  {
    id: "static-pie-rpath",
    severity: "error",
    title: "A static-pie executable has a run path and crashes before `main`",
    description: "With `-C target-feature=+crt-static` on `x86_64-unknown-linux-gnu`, rustc links executables as static-pie, and `rpath = true` gives them a `RUNPATH`. glibc's start-up code for static-pie executables requires that there be none, so the executable dies with SIGSEGV before `main`: a bin under `cargo run` as well as started directly, a test harness under `cargo test`, and a build script when cargo runs it, which fails the build and blocks its package. `rpath = false`, or `-C relocation-model=static` for a non-PIE static executable, avoids it."
  },
  {
    id: "output-filename-collision",
    severity: "warning",
    title: "Two units of one build write the same file, and the last one to finish wins",
    description: 'Cargo names the files of a path package\'s `dylib` or `cdylib` without its metadata hash, and copies every dylib, bin and requested artifact into `target/<profile>/` under its plain name. When one build has two units that write the same name, cargo only warns "output filename collision", and the file holds whichever unit finishes last: a dylib used by a build script or proc-macro and by the target in a `release` or `panic = "abort"` build (host units get `opt-level = 0` and always `panic = "unwind"`, so cargo compiles it twice), two versions of one `dylib` crate, or two bins of one name. Dependents may link or load the other copy: an undefined symbol, a panic-strategy error, or a binary that silently runs the wrong version, changing from one build to the next.'
  },
  {
    id: "toolchain-unpinned",
    severity: "warning",
    title: "A Rust dylib crosses a build boundary, but no toolchain file pins an exact compiler",
    description: 'Rust has no stable ABI: a Rust `dylib` only works with code built by the exact same compiler build and ABI-relevant flags. That matters where a dylib crosses a build boundary: a member `dylib` that no package of the build links, next to an executable that loads libraries at run time (a loader crate such as `libloading`, or `dlopen` in its sources), is rebuilt and shipped on its own and nothing checks it when it is loaded; a published dylib (the `published-dylib` shape: meant for other projects) is used by code its users build with their own compiler. Then, without a `rust-toolchain.toml` or `rust-toolchain` file pinning an exact release (`1.95.0`) or a dated nightly (`nightly-2026-05-20`), the two sides may come from different compilers: E0514, "undefined symbol", or a crash. A dylib linked by the executables it is built with, and `-C prefer-dynamic`, are not reported: one cargo invocation builds both sides with one compiler.'
  },
  {
    id: "toolchain-mismatch",
    severity: "error",
    title: "The toolchain in use is not the one the workspace requires",
    description: 'The compiler that runs (`rustc -vV`) is not the release or dated nightly that `rust-toolchain.toml` (or the policy\'s `exact-toolchain`) pins; or a package\'s `rust-version` is newer than that compiler, so cargo refuses to build it ("package requires rustc X or newer"); or the target the workspace builds for has no standard library installed, so every crate fails with "can\'t find crate for `std`". Predictions made with the wrong toolchain describe a build that will not happen.'
  },
  {
    id: "panic-strategy-mixed",
    severity: "warning",
    title: "Panic strategies differ across a dynamic boundary",
    description: 'An `abort` unit and an `unwind` unit on the two sides of one dynamic boundary: a host and a `cdylib` or Rust `dylib` of the build it loads at run time, or a Rust `dylib` and a unit linking it. rustc compares strategies only across what it links; across a library loaded at run time a panic unwinding out of the `unwind` side into `abort` code is undefined behaviour. All `abort` or all `unwind` is sound. Within one cargo invocation the sides differ where cargo forces `unwind` (everything a test harness, a build script or a proc-macro links): under `cargo test` with `panic = "abort"`, the binaries integration tests run are `abort` and a plugin built for its own tests is `unwind`. Where rustc links both sides it refuses the mix itself (`panic-strategy`).'
  },
  {
    id: "abi-flags-divergent",
    severity: "warning",
    title: "Units linked across a dylib boundary are built with different ABI-relevant flags",
    description: 'rustc checks a few "target modifier" flags across crates, but not `-C target-feature`, `-C target-cpu`, `-Z randomize-layout` or `-Z layout-seed`: type layouts and calling conventions can then differ between a Rust `dylib` and its users without any diagnostic. A dylib built twice with different flags (for example once for the host, for build scripts and proc-macros, and once for `--target` with target-specific rustflags) or layout randomization across separately built dylibs leads to memory corruption rather than a build error.'
  },
  {
    id: "multiple-rust-runtimes",
    severity: "warning",
    title: "Libraries loaded at run time carry their own std, allocator and statics, and cross a boundary rustc does not check",
    description: 'An executable of the workspace loads, at run time, `cdylib`s or Rust `dylib`s that the same build produces and no other package links. Every `cdylib` links its own copy of `std` and of every dependency: its own allocator, statics and thread-locals (a `log` logger, a `tracing` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different `TypeId`s, so only `#[repr(C)]` data and `extern "C"` functions are sound across the boundary: the rule is quiet when every unmangled export of the plugins is such a C interface, and otherwise names the first that is not (a `String`, `Vec`, `Box`, trait object, slice, Rust-ABI function, or a type without a C representation). A Rust `dylib` loaded at run time must come from the same compiler with the same ABI-relevant flags as the host, is a second copy of the crates it contains, and cannot be unloaded. abi_stable and stabby check layouts when a library is loaded; with them the finding is informational.'
  },
  {
    id: "global-allocator-ignored",
    severity: "warning",
    title: "A #[global_allocator] is silently ignored because std links dynamically",
    description: "When an artifact links any crate dynamically (for example `libstd-<hash>.so` under `-C prefer-dynamic`), rustc generates no allocator shim in it and uses the one inside the upstream dylib, so a `#[global_allocator]` declared in the executable is never called (rust-lang/rust#100781). Nothing fails at build time; allocations silently go to the default allocator."
  },
  {
    id: "global-allocator-split",
    severity: "warning",
    title: "A #[global_allocator] on one side of a plugin boundary splits the heap",
    description: "A `cdylib` plugin uses its own allocator (the system allocator unless it declares one), independently of the host. When the host or a plugin declares a `#[global_allocator]`, memory allocated on one side and freed on the other (a `Box` or `String` passed across, `Box::from_raw` of a plugin pointer) goes to a different heap: heap corruption, not an error. Free memory on the side that allocated it, or make every side use the same underlying allocator."
  },
  {
    id: "published-dylib",
    severity: "warning",
    title: "A library meant for other projects offers no rlib, forcing its users into dynamic linking",
    description: 'A package meant for other projects \u2014 not `publish = false`, and a `description` and a `license` or `license-file` (what crates.io requires), or `publish` naming its registries \u2014 whose `[lib]` declares the Rust `dylib` crate type without `rlib` or `lib` forces every crate that depends on it into dynamic linking: each downstream artifact links `std` dynamically, inherits panic-strategy conflicts and duplicate-linkage errors, and needs the shared library at run time. An application\'s own engine crate, without that metadata, is not reported; nor are `cdylib` and `staticlib` libraries, built for C, Python or a plugin host. Add `"rlib"` to `crate-type`, or set `publish = false`.'
  },
  {
    id: "lto-dynamic-unsound",
    severity: "warning",
    title: "LTO together with Rust dynamic linking on Windows",
    description: "On Windows targets, thin or fat LTO combined with Rust `dylib`s or `-C prefer-dynamic` is known to produce missing or mismatched symbols and crashes at run time (bevy#17130, rust-lang/rust#127979): LTO may internalize or drop symbols that another DLL imports. Use `lto = false` in profiles that link Rust crates dynamically on Windows (for example Bevy's `dynamic_linking` development builds)."
  },
  {
    id: "hot-reload-layout",
    severity: "note",
    title: "A crate is built both as an rlib linked into an executable and as a dylib (the hot-reload shape)",
    description: 'With `crate-type = ["rlib", "dylib"]` used by an executable, the executable links the rlib statically while the dylib is a second, separate copy of the crate and of `std`. Reloading the dylib then meets two copies of every static (a `tracing` callsite registry, a `log` logger, thread-locals), `TypeId`s that differ between the copies, and types whose layout may have changed since the executable was built. Keep the reloadable part behind a small `#[repr(C)]`/`extern "C"` interface, keep state in the executable, and rebuild the executable when shared types change.'
  },
  {
    id: "unused-allow",
    severity: "warning",
    title: "An allow entry of the policy file matches no finding (or has expired)",
    description: "An `[[allow]]` entry of the policy file matched no finding of this run, has no effect because its rule is turned off, or has passed its `expires` date, in which case the findings it covered fail the run again. A stale entry could silently allow an unrelated finding later: remove it, correct its `package`, `target` or `crate` fields, or set a later `expires` date if its reason still holds."
  }
], INFORMATION_URI = "https://github.com/rust-linkage-guard/rust-linkage-guard";
function ruleInfo(id) {
  return RULES.find((r) => r.id === id);
}
function ruleHelpUri(id) {
  return `${INFORMATION_URI}/blob/v${VERSION}/docs/rules/${id}.md`;
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json", SARIF_TOOL_NAME = "Rust Linkage Guard", SARIF_FINGERPRINT_KEY = "rustLinkageGuard/v1", SARIF_SRCROOT = "%SRCROOT%", SARIF_LIMITS = {
  /** GitHub rejects a run with more results. */
  resultsPerRun: 25e3,
  /** GitHub rejects a result with more; counts `locations` and `relatedLocations` together. */
  locationsPerResult: 1e3,
  /** `message.text` and `message.markdown`, in UTF-8 bytes (our own cap). */
  messageBytes: 8 * 1024,
  /** `fullDescription.text` of a rule, in characters. */
  ruleDescriptionChars: 1024
}, SEVERITY_RANK2 = { error: 0, warning: 1, note: 2 }, RULE_TAGS = ["linkage", "rust"], SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function renderSarif(report, options) {
  let prefix = isAbsolutePath(options.workspacePrefix) ? options.workspacePrefix : normalizePath(options.workspacePrefix), notifications = report.notes.map((text) => ({ level: "note", message: { text } })), findings = report.findings;
  if (findings.length > SARIF_LIMITS.resultsPerRun) {
    findings = [...findings].sort((a, b) => SEVERITY_RANK2[a.severity] - SEVERITY_RANK2[b.severity]).slice(0, SARIF_LIMITS.resultsPerRun);
    let left = report.findings.length - findings.length;
    notifications.push({
      level: "warning",
      message: { text: `${left} finding${left === 1 ? "" : "s"} of lowest severity left out: GitHub code scanning accepts at most ${SARIF_LIMITS.resultsPerRun} results per run; the JSON report has them all.` }
    });
  }
  let semanticVersion = options.toolVersion.replace(/^v/, ""), driver = withoutUndefined({
    name: SARIF_TOOL_NAME,
    informationUri: INFORMATION_URI,
    version: options.toolVersion,
    semanticVersion: SEMVER.test(semanticVersion) ? semanticVersion : void 0,
    rules: RULES.map(ruleDescriptor)
  }), invocation = withoutUndefined({
    executionSuccessful: !0,
    toolExecutionNotifications: notifications.length > 0 ? notifications : void 0,
    properties: {
      cargoCommand: report.invocation.command,
      profile: report.invocation.profile,
      rustc: report.toolchain.release,
      target: report.toolchain.target
    }
  }), root = repositoryRoot(report.workspaceRoot, prefix), run = withoutUndefined({
    tool: { driver },
    automationDetails: options.category ? { id: options.category } : void 0,
    invocations: [invocation],
    originalUriBaseIds: root !== null ? { [SARIF_SRCROOT]: { uri: root } } : void 0,
    results: findings.map((f) => result(f, prefix))
  });
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}
function ruleDescriptor(rule) {
  let helpUri = ruleHelpUri(rule.id);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: truncateChars(rule.description, SARIF_LIMITS.ruleDescriptionChars) },
    defaultConfiguration: { level: rule.severity },
    helpUri,
    help: {
      text: `${rule.description}

See ${helpUri}`,
      markdown: `${rule.description}

See [the \`${rule.id}\` rule](${helpUri}).`
    },
    properties: { tags: [...RULE_TAGS], precision: "very-high" }
  };
}
function result(f, prefix) {
  let ruleIndex = RULES.findIndex((r) => r.id === f.rule), locations = [location(prefix, f.file, f.line)], related = (f.related ?? []).slice(0, SARIF_LIMITS.locationsPerResult - locations.length);
  return withoutUndefined({
    ruleId: f.rule,
    ruleIndex: ruleIndex >= 0 ? ruleIndex : void 0,
    level: f.severity,
    message: findingMessage(f),
    locations,
    relatedLocations: related.length > 0 ? related.map((r, i) => ({ id: i + 1, ...location(prefix, r.file, r.line), message: { text: r.message } })) : void 0,
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    suppressions: f.allowed !== void 0 ? [{ kind: "external", status: "accepted", justification: f.allowed.reason, location: location(prefix, f.allowed.file, f.allowed.line) }] : void 0,
    baselineState: f.baseline === void 0 ? void 0 : f.baseline === "new" ? "new" : "unchanged",
    properties: withoutUndefined({
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
  });
}
function withoutUndefined(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function findingMessage(f) {
  let label2 = (x) => fixLabel(f, x).replace(/^f/, "F"), text = [f.message, ...f.fixes.length > 0 ? ["", ...f.fixes.map((x) => `${label2(x)}: ${x.title}`)] : []].join(`
`), markdown = [plainMarkdown(f.message)];
  return f.fixes.length > 0 && markdown.push("", "**Fix:**", "", ...f.fixes.map((x) => `- ${x.verified ? "(verified) " : ""}${plainMarkdown(x.title)}`)), { text: truncateBytes(text, SARIF_LIMITS.messageBytes), markdown: truncateBytes(markdown.join(`
`), SARIF_LIMITS.messageBytes) };
}
function location(prefix, file, line) {
  return { physicalLocation: { artifactLocation: artifactLocation(prefix, file), region: { startLine: Number.isInteger(line) && line >= 1 ? line : 1 } } };
}
function artifactLocation(workspacePrefix, file) {
  return isAbsolutePath(file) ? { uri: fileUri(file) } : isAbsolutePath(workspacePrefix) ? { uri: fileUri(`${forwardSlashes(workspacePrefix)}/${file}`, !1, isWindowsPath(workspacePrefix)) } : { uri: encodePath(normalizePath(`${workspacePrefix}/${file}`)), uriBaseId: SARIF_SRCROOT };
}
function normalizePath(p) {
  let out = [];
  for (let segment of p.split("/"))
    segment === "" || segment === "." || (segment === ".." && out.length > 0 && out[out.length - 1] !== ".." ? out.pop() : out.push(segment));
  return out.join("/");
}
function fileUri(absolute, directory = !1, windows = isWindowsPath(absolute)) {
  let p = forwardSlashes(absolute), unc = /^\/\/([^/]+)(\/.*)?$/.exec(p), drive = /^[A-Za-z]:/.exec(p)?.[0], authority = unc !== null && windows ? unc[1] : "", rest = authority !== "" ? unc[2] ?? "" : drive !== void 0 ? p.slice(2) : p, segments = normalizePath(rest).split("/").filter((s) => s !== "..").join("/"), uriPath = `${drive !== void 0 ? `/${drive}` : ""}/${encodePath(segments)}`;
  return `file://${authority === "" ? "" : encodePath(authority)}${uriPath}${directory && !uriPath.endsWith("/") ? "/" : ""}`;
}
function repositoryRoot(workspaceRoot, prefix) {
  if (!isAbsolutePath(workspaceRoot) || isAbsolutePath(prefix) || prefix.startsWith("..")) return null;
  let windows = isWindowsPath(workspaceRoot), root = forwardSlashes(workspaceRoot).replace(/\/+$/, "");
  return prefix === "" ? fileUri(root, !0, windows) : root.endsWith(`/${prefix}`) ? fileUri(root.slice(0, root.length - prefix.length - 1) || "/", !0, windows) : null;
}
var URI_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/, encoder = new TextEncoder();
function encodePath(p) {
  return p.split("/").map((segment) => {
    let out = "";
    for (let ch of segment)
      if (URI_SAFE.test(ch)) out += ch;
      else for (let byte of encoder.encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return out;
  }).join("/");
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
var ELLIPSIS = "\u2026";
function truncateChars(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - ELLIPSIS.length)}${ELLIPSIS}`;
}
function truncateBytes(text, max) {
  if (encoder.encode(text).length <= max) return text;
  let budget = max - encoder.encode(ELLIPSIS).length, used = 0, out = "";
  for (let ch of text) {
    let size = encoder.encode(ch).length;
    if (used + size > budget) break;
    used += size, out += ch;
  }
  return `${out}${ELLIPSIS}`;
}

// src/report/mermaid.ts
var STD_INTERNALS = /* @__PURE__ */ new Set(["core", "alloc", "compiler_builtins", "panic_unwind", "panic_abort", "test", "proc_macro", "unwind", "libc"]), MAX_FAULT_NODES = 8, MAX_EDGES = 40, MORE_FAULTS = "\0more-faults", MORE_STATIC = "\0more-static";
function linkageDiagram(artifact, findings) {
  let root = artifact.target.replace(/-/g, "_"), faults = new Set(findings.flatMap((f) => f.crates)), drawn = new Set([...faults].slice(0, MAX_FAULT_NODES)), moreFaults = faults.size - drawn.size, nodeFor = (crate) => faults.has(crate) && !drawn.has(crate) ? MORE_FAULTS : crate, edges = /* @__PURE__ */ new Map(), addEdge = (from, to, style, onPath2) => {
    let key = `${from}\0${to}\0${style}`, existing = edges.get(key);
    existing ? existing.onPath ||= onPath2 : edges.set(key, { from, to, style, onPath: onPath2 });
  };
  for (let path26 of findings.flatMap((f) => f.inclusion ?? [])) {
    let chain = path26.chain[0] === root ? path26.chain : [root, ...path26.chain];
    for (let i = 1; i < chain.length; i++) addEdge(chain[i - 1], chain[i], "dynamic", !0);
    addEdge(chain.at(-1), nodeFor(path26.crate), path26.how === "inside-dylib" ? "inside dylib" : path26.how, !0);
  }
  let rest = [];
  for (let entry of artifact.linkage) {
    if (STD_INTERNALS.has(entry.crate) || entry.how === "not-linked") continue;
    let to = nodeFor(entry.crate);
    entry.how === "included-from-dylib" ? entry.via !== void 0 && rest.push({ from: entry.via, to, style: "inside dylib", onPath: !1 }) : rest.push({ from: root, to, style: entry.how === "dynamic" ? "dynamic" : "static", onPath: !1 });
  }
  let omitted = 0;
  for (let e of rest)
    edges.size < MAX_EDGES || e.style === "dynamic" && e.from === root || edges.has(`${e.from}\0${e.to}\0${e.style}`) ? addEdge(e.from, e.to, e.style, !1) : e.style === "static" && omitted++;
  omitted > 0 && addEdge(root, MORE_STATIC, "static", !1);
  let dylibs = /* @__PURE__ */ new Set([...artifact.linkage.filter((l) => l.how === "dynamic").map((l) => l.crate), ...artifact.linkage.flatMap((l) => l.via === void 0 ? [] : [l.via])]), label2 = (name) => {
    if (name === MORE_FAULTS) return `${moreFaults} more crates at fault`;
    if (name === MORE_STATIC) return `${omitted} more crates linked statically`;
    let kind = name === root ? artifact.crateType : dylibs.has(name) ? "dylib" : null;
    return `${mermaidText(name)}${kind === null ? "" : `<br/>${mermaidText(kind)}`}`;
  }, ids = /* @__PURE__ */ new Map(), lines = ["flowchart LR"];
  for (let name of [root, ...[...edges.values()].flatMap((e) => [e.from, e.to])])
    ids.has(name) || (ids.set(name, `n${ids.size}`), lines.push(`  ${ids.get(name)}["${label2(name)}"]`));
  for (let e of edges.values()) {
    let arrow = e.style === "inside dylib" ? `-. ${e.style} .->` : e.onPath ? `==>|${e.style}|` : `-->|${e.style}|`;
    lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`);
  }
  lines.push("  classDef artifact fill:#ddf4ff,stroke:#0969da,stroke-width:2px,color:#1f2328"), lines.push("  classDef fault fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328"), lines.push("  class n0 artifact");
  let faulty = [...drawn, MORE_FAULTS].filter((c) => ids.has(c)).map((c) => ids.get(c));
  return faulty.length > 0 && lines.push(`  class ${faulty.join(",")} fault`), lines.join(`
`);
}
function mermaidText(text) {
  return text.replace(/[^A-Za-z0-9 _.@/+-]/g, (c) => `#${c.codePointAt(0)};`);
}

// src/report/summary.ts
var SUMMARY_BUDGET = 768 * 1024, MAX_DIAGRAMS = 10, OPEN_ARTIFACT_ROWS = 30, ICONS = { error: "\u{1F534}", warning: "\u{1F7E0}", note: "\u{1F535}" };
function renderSummary(report, options = {}) {
  let budget = options.budget ?? SUMMARY_BUDGET, blocks = [header(report), ...findingBlocks(report, options.links ?? null), ...diagramBlocks(report), ...artifactBlocks(report), toolchainBlock(report), ...allowedBlocks(report), footer(report)], truncation = `
> **Truncated** to stay under GitHub\u2019s summary size limit: the JSON report has every artifact and finding.
`, out = [], size = 0;
  for (let [i, block] of blocks.entries()) {
    let bytes = Buffer.byteLength(block) + 1, last = i === blocks.length - 1;
    if (size + bytes + (last ? 0 : Buffer.byteLength(truncation)) > budget) {
      out.push(truncation);
      break;
    }
    out.push(block), size += bytes;
  }
  return `${out.join(`
`)}
`;
}
function header(report) {
  let { errors, warnings } = countFindings(report), icon = report.gate.verdict === "fail" ? "\u274C" : errors + warnings > 0 ? "\u26A0\uFE0F" : "\u2705", title = report.gate.verdict === "fail" ? "fails" : "passes", lines = [`## ${icon} Rust Linkage Guard ${title}`, "", md(verdictLine(report)), ""], facts = [];
  if (report.baseline) {
    let counted = report.findings.filter((f) => f.allowed === void 0);
    facts.push(
      `**${counted.filter((f) => f.baseline === "new").length}** new`,
      `${counted.filter((f) => f.baseline === "existing").length} already in the baseline`,
      ...report.baseline.fixed > 0 ? [`${report.baseline.fixed} fixed since the baseline`] : []
    );
  }
  return report.policy && report.policy.allowed > 0 && facts.push(`${report.policy.allowed} allowed by ${md(`\`${report.policy.file}\``)}`), facts.length > 0 && lines.push(facts.join(" \xB7 "), ""), lines.join(`
`);
}
function findingBlocks(report, links) {
  let shown = report.findings.filter((f) => f.allowed === void 0);
  if (shown.length === 0) return [];
  let byRule = /* @__PURE__ */ new Map();
  for (let f of shown) {
    let same = byRule.get(f.rule);
    same === void 0 ? byRule.set(f.rule, [f]) : same.push(f);
  }
  let blocks = [`### Findings
`];
  for (let [rule, findings] of byRule) {
    let info = RULES.find((r) => r.id === rule), icon = ICONS[findings[0].severity], id = info ? `[\`${info.id}\`](${ruleHelpUri(info.id)})` : `<code>${escapeHtml(rule)}</code>`, title = info ? `: ${escapeHtml(info.title)}` : "";
    blocks.push(`#### ${icon} ${id}${title}

<sub>${plural(findings.length, "finding")}</sub>
`);
    let shared = findings.length > 1 ? sharedAdvice(findings) : [], omit = new Set(shared.map((x) => x.title));
    for (let f of findings) blocks.push(findingBlock(f, links, omit));
    shared.length > 0 && blocks.push(`<details><summary>How to fix each of these ${findings.length} findings</summary>

${shared.map((x) => fixItem(findings[0], x)).join(`
`)}

</details>
`);
  }
  return blocks;
}
function sharedAdvice(findings) {
  return findings[0].fixes.filter((x) => !x.verified && findings.every((f) => f.fixes.some((y) => !y.verified && y.title === x.title)));
}
function fileReference(file, line, links) {
  let code = `<code>${escapeHtml(file)}:${line}</code>`, inRepository2 = links === null ? null : repositoryPath(links.workspacePrefix, file);
  if (inRepository2 === null) return code;
  let url = `${links.blobUrl}/${inRepository2.split("/").map(encodeURIComponent).join("/")}#L${line}`;
  return `<a href="${escapeAttribute(url)}">${code}</a>`;
}
function findingBlock(f, links = null, omit = /* @__PURE__ */ new Set()) {
  let standing = findingStanding(f), badge = standing === "new" ? " \xB7 \u{1F195} **new**" : standing === "existing" ? " \xB7 already in the baseline" : "", where2 = [fileReference(f.file, f.line, links), ...(f.related ?? []).map((r) => `${md(r.message)} ${fileReference(r.file, r.line, links)}`)].join(", "), lines = [`**${md(findingSubject(f))}** \xB7 ${where2}${badge}`, "", md(f.message), ""], inclusion = f.inclusion ?? [];
  inclusion.length > 0 && lines.push("How it gets in:", "", ...groupInclusion(inclusion).map((g) => `- ${md(describeInclusion(g))}`), "");
  let fixes = f.fixes.filter((x) => x.verified || !omit.has(x.title));
  return fixes.length > 0 && lines.push(`<details><summary>How to fix</summary>

${fixes.map((x) => fixItem(f, x)).join(`
`)}

</details>`, ""), lines.join(`
`);
}
function fixItem(f, fix) {
  let label2 = fix.verified ? "\u2705 **verified:** " : f.severity === "error" ? "*not verified:* " : "", diff = editDiff(fix.edits ?? []);
  return `- ${label2}${md(fix.title)}${diff.length > 0 ? `

${fencedBlock("diff", diff.map(withCodePoints), "  ")}` : ""}`;
}
function fencedBlock(language, lines, indent = "") {
  let longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length)))), fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, ...lines, fence].map((l) => `${indent}${l}`).join(`
`);
}
function diagramBlocks(report) {
  let failing = report.artifacts.filter((a) => a.status === "error" && a.linkage.length > 0);
  if (failing.length === 0) return [];
  let blocks = [`### Linkage of failing artifacts
`];
  for (let [i, artifact] of failing.slice(0, MAX_DIAGRAMS).entries()) {
    let findings = report.findings.filter((f) => sameArtifact(f, artifact)), of = artifact.package === artifact.target ? "" : ` of <code>${escapeHtml(artifact.package)}</code>`, label2 = `${escapeHtml(artifact.crateType)} <code>${escapeHtml(artifact.target)}</code>${of}${artifact.mode === "build" ? "" : ` (${artifact.mode})`}`;
    blocks.push(`<details${i === 0 ? " open" : ""}><summary>${label2}</summary>

\`\`\`mermaid
${linkageDiagram(artifact, findings)}
\`\`\`

</details>
`);
  }
  return failing.length > MAX_DIAGRAMS && blocks.push(`${failing.length - MAX_DIAGRAMS} more failing artifacts are in the JSON report.
`), blocks;
}
function sameArtifact(f, a) {
  return f.package === a.package && f.target === a.target && f.kind === a.kind && f.mode === a.mode && f.platform === a.platform && (f.crateType === a.crateType || a.mode !== "build");
}
var STATUS_ORDER = { error: 0, blocked: 1, ok: 2 };
function artifactBlocks(report) {
  if (report.artifacts.length === 0) return [];
  let sorted = [...report.artifacts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]), head = `| package | target | crate type | status | std | shared libraries at run time |
|---|---|---|---|---|---|`, row = (a) => {
    let status = a.status === "error" ? "\u274C error" : a.status === "blocked" ? "\u26D4 blocked" : "\u2705 ok", features = buildScriptFeatures(a);
    return `| ${[
      a.package,
      `${a.target}${a.mode === "build" ? "" : ` (${a.mode})`}${a.platform === "host" ? " (host)" : ""}${features === "" ? "" : ` (${features})`}`,
      a.crateType,
      status,
      stdLinkage(a),
      (a.runtimeLibraries ?? []).join(", ") || "\u2014"
    ].map(escapeHtml).join(" | ")} |`;
  }, open = sorted.slice(0, OPEN_ARTIFACT_ROWS), rest = sorted.slice(OPEN_ARTIFACT_ROWS), blocks = [`### Artifacts

${head}
${open.map(row).join(`
`)}
`];
  for (let i = 0; i < rest.length; i += 500) {
    let chunk = rest.slice(i, i + 500);
    blocks.push(`<details><summary>${plural(rest.length, "more artifact")}${rest.length > 500 ? ` (${i + 1}\u2013${i + chunk.length})` : ""}</summary>

${head}
${chunk.map(row).join(`
`)}

</details>
`);
  }
  return blocks;
}
var ROLES = {
  "rust-dylib": "Rust dylib",
  "prefer-dynamic": "`-C prefer-dynamic`",
  "links-dynamically": "links Rust crates dynamically",
  plugin: "cdylib plugin",
  "plugin-host": "loads plugins"
};
function toolchainBlock(report) {
  let t = report.toolchain, lines = ["### Toolchain", "", ...[
    ["rustc in use", md(`\`${t.release}\` (${t.commitHash.slice(0, 9)}${t.commitDate ? ` ${t.commitDate}` : ""}), host \`${t.host}\``)],
    [
      "pinned by the repository",
      t.pin ? md(`\`${t.pin.channel ?? t.pin.path ?? "\u2014"}\` (${t.pin.kind}) in \`${t.pin.file}:${t.pin.line}\``) : "nothing (no <code>rust-toolchain.toml</code>)"
    ],
    ...t.expected ? [["required by the policy", md(`\`${t.expected}\` (\`exact-toolchain\`)`)]] : [],
    ["target", md(`\`${t.target}\``) + (t.stdInstalled ? ", standard library installed" : ", **standard library not installed**")]
  ].map(([k, v]) => `- ${k}: ${v}`), ""];
  return report.boundaries.length > 0 && lines.push(
    "Artifacts at a dynamic boundary (everything across it must come from the same compiler and flags):",
    "",
    "| package | target | role | panic | ABI-relevant flags |",
    "|---|---|---|---|---|",
    ...report.boundaries.map((b) => {
      let target = `${b.target}${b.platform === "host" ? " (host)" : ""}`;
      return `| ${escapeHtml(b.package)} | ${escapeHtml(target)} | ${md(ROLES[b.role])} | ${b.panic} | ${b.abiFlags.length > 0 ? b.abiFlags.map((f) => `<code>${escapeHtml(f)}</code>`).join(" ") : "\u2014"} |`;
    }),
    ""
  ), lines.join(`
`);
}
function allowedBlocks(report) {
  let allowed = report.findings.filter((f) => f.allowed !== void 0);
  if (allowed.length === 0) return [];
  let items = allowed.map((f) => `- <code>${escapeHtml(f.rule)}</code> ${md(findingSubject(f))}: ${md(f.allowed.reason)} <sub>(${escapeHtml(f.allowed.file)}:${f.allowed.line})</sub>`);
  return [`<details><summary>${plural(allowed.length, "finding")} allowed by the policy</summary>

${items.join(`
`)}

</details>
`];
}
function footer(report) {
  let t = report.toolchain, notes = report.notes.map((n) => `> ${md(n)}`).join(`
`), facts = md(`rustc ${t.release} (${t.commitHash.slice(0, 9)}), host ${t.host}, target ${t.target}, profile ${report.invocation.profile}`);
  return `${notes === "" ? "" : `${notes}

`}<sub>${facts}</sub>
`;
}

// src/run.ts
var import_node_fs11 = __module("node:fs"), import_node_path19 = __module("node:path");

// src/config/cargo-config.ts
var path3 = __module("node:path");

// src/toml/chars.ts
var CHAR = {
  TAB: 9,
  LF: 10,
  CR: 13,
  SPACE: 32,
  QUOTE: 34,
  HASH: 35,
  APOSTROPHE: 39,
  PLUS: 43,
  COMMA: 44,
  MINUS: 45,
  DOT: 46,
  DIGIT_0: 48,
  DIGIT_9: 57,
  COLON: 58,
  EQUALS: 61,
  LEFT_BRACKET: 91,
  BACKSLASH: 92,
  RIGHT_BRACKET: 93,
  UNDERSCORE: 95,
  LEFT_BRACE: 123,
  RIGHT_BRACE: 125,
  DEL: 127
}, { CR, DIGIT_0, DIGIT_9, HASH, LF } = CHAR, BARE = new Uint8Array(128);
for (let c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") BARE[c.charCodeAt(0)] = 1;
function isBare(c) {
  return c < 128 && BARE[c] === 1;
}
function isDigit(c) {
  return c >= DIGIT_0 && c <= DIGIT_9;
}
function isDigitOf(c, radix) {
  return radix === 16 ? c >= DIGIT_0 && c <= DIGIT_9 || c >= 97 && c <= 102 || c >= 65 && c <= 70 : c >= DIGIT_0 && c < DIGIT_0 + radix;
}
function endsLine(c) {
  return c === LF || c === CR || c === HASH;
}

// src/toml/container-book.ts
var KIND = {
  /** Named only on the way to a header (`a` in `[a.b]`): `[a]` may still define it, dotted keys may add to it. */
  IMPLICIT: 0,
  /** Defined by its own `[header]`, as an `[[array]]` element, or the document itself. */
  DEFINED: 1,
  /** Created by dotted keys (`a` in `a.b = 1`): more dotted keys and sub-table headers may add to it, `[a]` may not. */
  DOTTED: 2,
  /** An inline table `{ ? }`: complete once written. */
  INLINE: 3,
  /** An array value `[ ? ]`: complete once written. */
  STATIC_ARRAY: 4,
  /** An array of tables, which each `[[header]]` of its name extends. */
  TABLE_ARRAY: 5,
  /** For messages: a string, number, boolean or date-time; nothing at all. */
  VALUE: 6,
  NONE: 7
}, Book = class {
  kinds = new Int32Array(64);
  heads = new Int32Array(64);
  tails = new Int32Array(64);
  count = 0;
  /** Per entry: the key (a table key, or the index of an array element), its line, the next entry or -1. */
  keys = [];
  lines = new Int32Array(256);
  nexts = new Int32Array(256);
  add(kind) {
    let id = this.count++;
    return id === this.kinds.length && (this.kinds = grown(this.kinds), this.heads = grown(this.heads), this.tails = grown(this.tails)), this.kinds[id] = kind, this.heads[id] = -1, this.tails[id] = -1, id;
  }
  kind(id) {
    return this.kinds[id];
  }
  setKind(id, kind) {
    this.kinds[id] = kind;
  }
  /** Records `key` of container `id` at `line`. */
  mark(id, key, line) {
    let entry = this.keys.length;
    this.keys.push(key), entry === this.lines.length && (this.lines = grown(this.lines), this.nexts = grown(this.nexts)), this.lines[entry] = line, this.nexts[entry] = -1;
    let tail = this.tails[id];
    tail < 0 ? this.heads[id] = entry : this.nexts[tail] = entry, this.tails[id] = entry;
  }
  /** The line of the last entry of container `id`, or -1. */
  lastLine(id) {
    let tail = this.tails[id];
    return tail < 0 ? -1 : this.lines[tail];
  }
  /** The entries of container `id`, in order, as `[key, line]` pairs. */
  *entries(id) {
    for (let e = this.heads[id]; e >= 0; e = this.nexts[e]) yield [this.keys[e], this.lines[e]];
  }
  /**
   * The line of table key `name` of container `id`, or null if it has none; undefined when `limit` entries
   * were scanned without finding it.
   */
  keyLine(id, name, limit = 1 / 0) {
    let steps = 0;
    for (let e = this.heads[id]; e >= 0; e = this.nexts[e]) {
      if (steps++ >= limit) return;
      if (this.keys[e] === name) return this.lines[e];
    }
    return null;
  }
};
function grown(array) {
  let bigger = new Int32Array(array.length * 2);
  return bigger.set(array), bigger;
}
function lineIn(ids, book, indexes, container, key) {
  let id = ids.get(container);
  if (id === void 0) return null;
  if (Array.isArray(container)) {
    let index = typeof key == "number" ? key : /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : -1;
    if (!Number.isInteger(index) || index < 0 || index >= container.length) return null;
    let runs = indexes.get(container);
    if (runs === void 0) {
      runs = [];
      for (let [at, line] of book.entries(id)) runs.push(at, line);
      indexes.set(container, runs);
    }
    let low = 0, high = runs.length / 2 - 1;
    for (; low < high; ) {
      let mid = low + high + 1 >> 1;
      runs[2 * mid] <= index ? low = mid : high = mid - 1;
    }
    return runs[2 * low + 1];
  }
  let name = String(key), byKey = indexes.get(container);
  if (byKey === void 0) {
    let line = book.keyLine(id, name, 16);
    if (line !== void 0) return line;
    indexes.set(container, byKey = /* @__PURE__ */ new Map());
    for (let [at, line2] of book.entries(id)) byKey.set(at, line2);
  }
  return byKey.get(name) ?? null;
}

// src/toml/limits.ts
function longStringProblem(what, length) {
  return `a ${what} of ${length} characters is too long to read (at most 65536)`;
}
function nestingProblem() {
  return "too deeply nested: arrays and inline tables may nest at most 127 levels";
}

// src/toml/messages.ts
var { DEL } = CHAR;
function formatTomlPath(path26) {
  let out = "";
  for (let segment of path26)
    typeof segment == "number" ? out += `[${segment}]` : out += `${out === "" ? "" : "."}${/^[A-Za-z0-9_-]+$/u.test(segment) ? segment : JSON.stringify(segment)}`;
  return out;
}
function describe(c) {
  return c >= 33 && c < DEL ? `\`${String.fromCharCode(c)}\`` : `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
}
function showKey(name) {
  let shown = formatTomlPath([name]);
  return `\`${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}\``;
}

// src/toml/scanner.ts
var { CR: CR2, DEL: DEL2, HASH: HASH2, LF: LF2, SPACE, TAB } = CHAR, Scanner = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
  }
  text;
  file;
  pos = 0;
  line = 1;
  lineStart = 0;
  // ---- Blanks, comments, line ends ------------------------------------------------------------------
  skipWs() {
    let text = this.text, pos = this.pos;
    for (let c = text.charCodeAt(pos); c === SPACE || c === TAB; c = text.charCodeAt(++pos)) ;
    this.pos = pos;
  }
  /** Skips spaces, tabs, line breaks and comments. */
  skipBlank() {
    let text = this.text, pos = this.pos;
    for (; ; ) {
      let c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB) pos++;
      else if (c === LF2) this.newLine(++pos);
      else if (c === CR2) pos = this.crlf(pos);
      else if (c === HASH2) pos = this.comment(pos);
      else break;
    }
    this.pos = pos;
  }
  newLine(start) {
    this.line++, this.lineStart = start;
  }
  /** A carriage return at `pos` that must start a CRLF line break; returns the offset after it. */
  crlf(pos) {
    return this.text.charCodeAt(pos + 1) !== LF2 && this.fail(pos, "a carriage return must be followed by a line feed"), this.newLine(pos + 2), pos + 2;
  }
  /** Checks the comment starting at `pos`; returns the offset of the line break (or end of text) after it. */
  comment(pos) {
    let text = this.text, end = text.length;
    for (pos++; pos < end; pos++) {
      let c = text.charCodeAt(pos);
      if (!(c >= SPACE && c < DEL2 || c === TAB)) {
        if (c === LF2 || c === CR2) break;
        if (c < 128 && this.fail(pos, `a comment may not contain the control character ${describe(c)}`), c >= 55296 && c <= 57343) {
          let next = text.charCodeAt(pos + 1);
          c <= 56319 && next >= 56320 && next <= 57343 ? pos++ : this.fail(pos, "a comment may not contain an unpaired surrogate");
        }
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
    let { line, column } = this.locate(at);
    throw new UserError(`${this.file}:${line}:${column}: invalid TOML: ${reason}`);
  }
  /** Line and column (1-based, in UTF-16 code units) of offset `at`. */
  locate(at) {
    let text = this.text, line = 1, start = 0;
    at >= this.lineStart && (line = this.line, start = this.lineStart);
    for (let i = text.indexOf(`
`, start); i >= 0 && i < at; i = text.indexOf(`
`, i + 1))
      line++, start = i + 1;
    return { line, column: at - start + 1 };
  }
};

// src/toml/strings.ts
var { APOSTROPHE, BACKSLASH, CR: CR3, DEL: DEL3, LF: LF3, QUOTE, SPACE: SPACE2, TAB: TAB2 } = CHAR, StringReader = class extends Scanner {
  /** The opening quote and line of the string being read (-1 when none), for the length limit. */
  stringStart = -1;
  stringLine = 0;
  stringIsKey = !1;
  /** Set by `escape`: the offset after the escape sequence. */
  escapeEnd = 0;
  enterString(start, isKey) {
    this.stringStart = start, this.stringLine = this.line, this.stringIsKey = isKey;
  }
  /** Ends the string read; `length` is its source characters between the quotes. */
  leaveString(length) {
    length > 65536 && this.tooLong(length), this.stringStart = -1;
  }
  tooLong(length) {
    let line = this.stringLine, problem = this.stringIsKey ? longStringProblem("quoted key", length) : `${formatTomlPath(this.valuePath())}: ${longStringProblem("string", length)}`;
    throw new UserError(`${this.file}:${line}: ${problem}`);
  }
  /** A character that may not appear in a string as written, at `at`. */
  badStringChar(at, c) {
    at >= this.text.length && this.fail(at, "unterminated string"), (c === LF3 || c === CR3 && this.text.charCodeAt(at + 1) === LF3) && this.fail(at, "unterminated string: a line break in a single-line string"), c === CR3 && this.fail(at, "a carriage return must be followed by a line feed"), this.fail(at, `a string may not contain the control character ${describe(c)}; write it as an escape`);
  }
  /** A `"?"` string (not multi-line) at the current offset. */
  basicString(isKey) {
    let text = this.text, start = this.pos;
    this.enterString(start, isKey);
    let out = "", run = start + 1, i = run;
    for (; ; ) {
      let c = text.charCodeAt(i);
      if (c === QUOTE) break;
      c === BACKSLASH ? (out += text.slice(run, i) + this.escape(i, !1), i = run = this.escapeEnd) : c >= SPACE2 && c !== DEL3 || c === TAB2 ? i++ : this.badStringChar(i, c);
    }
    return out = run === start + 1 ? text.slice(run, i) : out + text.slice(run, i), this.leaveString(i - start - 1), this.pos = i + 1, out;
  }
  /** A `'?'` string (not multi-line) at the current offset. */
  literalString(isKey) {
    let text = this.text, start = this.pos;
    this.enterString(start, isKey);
    let i = start + 1;
    for (; ; ) {
      let c = text.charCodeAt(i);
      if (c === APOSTROPHE) break;
      c >= SPACE2 && c !== DEL3 || c === TAB2 ? i++ : this.badStringChar(i, c);
    }
    return this.leaveString(i - start - 1), this.pos = i + 1, text.slice(start + 1, i);
  }
  /** A `"""?"""` or `'''?'''` string at the current offset. Line breaks in it read as `\n`. */
  multiLineString(quote) {
    let text = this.text, start = this.pos;
    this.enterString(start, !1);
    let i = start + 3;
    text.charCodeAt(i) === LF3 ? this.newLine(++i) : text.charCodeAt(i) === CR3 && text.charCodeAt(i + 1) === LF3 && this.newLine(i += 2);
    let out = "", run = i;
    for (; ; ) {
      let c = text.charCodeAt(i);
      if (c === quote) {
        if (!this.tripleAt(i, quote)) {
          i++;
          continue;
        }
        let n = 3;
        for (; n < 5 && text.charCodeAt(i + n) === quote; ) n++;
        return n === 5 && text.charCodeAt(i + 5) === quote && this.fail(i, "three or more quotes in a row must be escaped in a multi-line string"), out += text.slice(run, i + n - 3), this.leaveString(i + n - 3 - (start + 3)), this.pos = i + n, out;
      }
      c === BACKSLASH && quote === QUOTE ? (out += text.slice(run, i) + this.escape(i, !0), i = run = this.escapeEnd) : c === LF3 ? this.newLine(++i) : c === CR3 ? (text.charCodeAt(i + 1) !== LF3 && this.fail(i, "a carriage return must be followed by a line feed"), out += text.slice(run, i), run = i + 1, this.newLine(i += 2)) : c >= SPACE2 && c !== DEL3 || c === TAB2 ? i++ : this.fail(i, i >= text.length ? "unterminated multi-line string" : `a string may not contain the control character ${describe(c)}; write it as an escape`);
    }
  }
  /** The escape sequence whose backslash is at `at`; sets `escapeEnd`. */
  escape(at, multiLine) {
    let text = this.text, c = text.charCodeAt(at + 1);
    switch (this.escapeEnd = at + 2, c) {
      case 98:
        return "\b";
      case 116:
        return "	";
      case 110:
        return `
`;
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case QUOTE:
        return '"';
      case BACKSLASH:
        return "\\";
      case 117:
        return this.codePoint(at + 1, 4);
      case 85:
        return this.codePoint(at + 1, 8);
      case 120:
        return this.codePoint(at + 1, 2);
    }
    if (multiLine && (c === SPACE2 || c === TAB2 || c === LF3 || c === CR3)) return this.lineEndingBackslash(at);
    at + 1 >= text.length && this.fail(at + 1, "unterminated string"), this.fail(at + 1, `invalid escape sequence \\${String.fromCodePoint(text.codePointAt(at + 1))}`);
  }
  /** `\u`, `\U` or `\x` at `at`, with `count` hexadecimal digits. */
  codePoint(at, count) {
    let text = this.text;
    for (let k = 1; k <= count; k++) {
      let c = text.charCodeAt(at + k);
      at + k >= text.length && this.fail(text.length, "unterminated string"), isDigitOf(c, 16) || this.fail(at, `\\${text[at]} needs ${count} hexadecimal digits`);
    }
    let hex = text.slice(at + 1, at + 1 + count), code = parseInt(hex, 16);
    return (code > 1114111 || code >= 55296 && code <= 57343) && this.fail(at + count, `\\${text[at]}${hex} is not a Unicode scalar value`), this.escapeEnd = at + 1 + count, String.fromCodePoint(code);
  }
  /** A backslash at `at` that ends a line: it, the line break and the blanks after it read as nothing. */
  lineEndingBackslash(at) {
    let text = this.text, i = at + 1;
    for (; text.charCodeAt(i) === SPACE2 || text.charCodeAt(i) === TAB2; ) i++;
    let c = text.charCodeAt(i);
    for (i >= text.length && this.fail(i, "unterminated multi-line string"), c !== LF3 && c !== CR3 && this.fail(at + 1, "a backslash can only end a line when nothing but blanks follow it on the line"); ; ) {
      let d = text.charCodeAt(i);
      if (d === SPACE2 || d === TAB2) i++;
      else if (d === LF3) this.newLine(++i);
      else if (d === CR3) i = this.crlf(i);
      else break;
    }
    return this.escapeEnd = i, "";
  }
  // ---- Errors -----------------------------------------------------------------------------------------
  /**
   * Fails on the token at `token` (at `at` within it or before it). A string there is read first, as the old
   * parser's tokenizer did, so that a string left open, which may run over many lines, is reported as such.
   */
  unexpected(token, reason, at = token) {
    let c = this.text.charCodeAt(token);
    (c === QUOTE || c === APOSTROPHE) && (this.pos = token, this.tripleAt(token, c) ? this.multiLineString(c) : c === QUOTE ? this.basicString(!1) : this.literalString(!1)), this.fail(at, reason);
  }
  /** Fails as the scanner does, unless the string being read is over the length limit: that is reported instead. */
  fail(at, reason) {
    if (this.stringStart >= 0) {
      let length = stringExtent(this.text, this.stringStart);
      length > 65536 && this.tooLong(length);
    }
    return super.fail(at, reason);
  }
};
function stringExtent(text, start) {
  let quote = text.charCodeAt(start), multiLine = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote, contentStart = start + (multiLine ? 3 : 1);
  for (let j = contentStart; j < text.length; j++) {
    let c = text.charCodeAt(j);
    if (c === BACKSLASH && quote === QUOTE && text.charCodeAt(j + 1) !== LF3) j++;
    else {
      if (c === LF3 && !multiLine) return j - contentStart;
      if (c === quote && !multiLine) return j - contentStart;
      if (c === quote && text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) {
        let close = j;
        for (; close < j + 2 && text.charCodeAt(close + 3) === quote; ) close++;
        return close - contentStart;
      }
    }
  }
  return text.length - contentStart;
}

// src/toml/scalars.ts
var { APOSTROPHE: APOSTROPHE2, COLON, DIGIT_0: DIGIT_02, DOT, MINUS, PLUS, QUOTE: QUOTE2, SPACE: SPACE3, UNDERSCORE } = CHAR, I64_MAX = "9223372036854775807", I64_MIN_ABS = "9223372036854775808";
function isValidDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return !1;
  let leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? leap ? 29 : 28 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}
function isValidTime(hour, minute, second) {
  return hour < 24 && minute < 60 && second <= 60;
}
var ScalarReader = class extends StringReader {
  /** Set by `digits`: digits read, whether underscores separated them, and their value when short and decimal. */
  digitCount = 0;
  digitUnderscore = !1;
  digitValue = 0;
  /** A string, number, boolean or date-time at the current offset. */
  scalar() {
    let text = this.text, start = this.pos, c = text.charCodeAt(start);
    if (c === QUOTE2) return this.tripleAt(start, QUOTE2) ? this.multiLineString(QUOTE2) : this.basicString(!1);
    if (c === APOSTROPHE2) return this.tripleAt(start, APOSTROPHE2) ? this.multiLineString(APOSTROPHE2) : this.literalString(!1);
    if (isDigit(c)) return this.number(start, start);
    if (c === 116 && text.startsWith("true", start))
      return this.pos += 4, !0;
    if (c === 102 && text.startsWith("false", start))
      return this.pos += 5, !1;
    if (c === 105 || c === 110) return this.special(start, start);
    if (c === PLUS || c === MINUS) {
      let next = text.charCodeAt(start + 1);
      if (next === 105 || next === 110) return this.special(start, start + 1);
      if (isDigit(next)) return this.number(start, start + 1);
      this.fail(start + 1, `expected a number after ${describe(c)}`);
    }
    this.fail(start, this.pos >= text.length ? "expected a value" : `expected a value, found ${describe(c)}`);
  }
  /** `inf` or `nan` at `at`, after the sign (if any) at `start`. */
  special(start, at) {
    let text = this.text;
    if (text.startsWith("inf", at))
      return this.pos = at + 3, text.charCodeAt(start) === MINUS ? -1 / 0 : 1 / 0;
    if (text.startsWith("nan", at))
      return this.pos = at + 3, NaN;
    this.fail(at, "expected a value");
  }
  /**
   * Reads digits of `radix` (with single underscores between them) from `pos`; returns the offset after them
   * and sets `digitCount`, `digitUnderscore` and, for up to 15 decimal digits, `digitValue`.
   */
  digits(pos, radix) {
    let text = this.text, c = text.charCodeAt(pos);
    c === UNDERSCORE && this.fail(pos, "an underscore must be between two digits"), isDigitOf(c, radix) || this.fail(pos, pos >= text.length ? "expected a digit" : `expected a digit, found ${describe(c)}`);
    let count = 0, value = 0, underscore = !1, before = 0;
    for (; isDigitOf(c, radix) || c === UNDERSCORE; c = text.charCodeAt(++pos))
      c === UNDERSCORE ? (before === UNDERSCORE && this.fail(pos, "an underscore must be between two digits"), underscore = !0) : (count++, value = value * 10 + (c - DIGIT_02)), before = c;
    return before === UNDERSCORE && this.fail(pos, "an underscore must be between two digits"), this.digitCount = count, this.digitUnderscore = underscore, this.digitValue = value, pos;
  }
  /** A number, date or time starting at `start`, whose first digit is at `at` (after a sign). */
  number(start, at) {
    let text = this.text, signed = at !== start;
    if (text.charCodeAt(at) === DIGIT_02) {
      let next2 = text.charCodeAt(at + 1);
      if (!signed && isDigit(next2)) {
        let third = text.charCodeAt(at + 2);
        if (third === COLON) return this.minute(start, !1, Number(text.slice(at, at + 2)), at + 3);
        if (isDigit(third) && isDigit(text.charCodeAt(at + 3)) && text.charCodeAt(at + 4) === MINUS) return this.date(start, Number(text.slice(at, at + 4)), at + 5);
        this.fail(at, "a number may not start with a leading zero");
      }
      return next2 === 120 || next2 === 111 || next2 === 98 ? (signed && this.fail(at + 1, "a hexadecimal, octal or binary integer may not have a sign"), this.radixInteger(start, at + 2, next2 === 120 ? 16 : next2 === 111 ? 8 : 2)) : next2 === 101 || next2 === 69 ? this.exponent(start, at + 2) : next2 === DOT ? this.fraction(start, at + 2) : (this.pos = at + 1, 0);
    }
    let end = this.digits(at, 10), next = text.charCodeAt(end);
    if (!signed && !this.digitUnderscore) {
      if (next === MINUS && this.digitCount === 4) return this.date(start, Number(text.slice(at, end)), end + 1);
      if (next === COLON && this.digitCount === 2) return this.minute(start, !1, Number(text.slice(at, end)), end + 1);
    }
    if (next === 101 || next === 69) return this.exponent(start, end + 1);
    if (next === DOT) return this.fraction(start, end + 1);
    this.pos = end;
    let count = this.digitCount, negative = text.charCodeAt(start) === MINUS;
    if (count <= 15) return negative ? -this.digitValue : this.digitValue;
    let digits = text.slice(at, end).replace(/_/g, "");
    return (count > 19 || count === 19 && digits > (negative ? I64_MIN_ABS : I64_MAX)) && this.fail(start, "the integer does not fit in 64 bits"), parseInt(negative ? `-${digits}` : digits, 10);
  }
  radixInteger(start, at, radix) {
    let end = this.digits(at, radix);
    this.pos = end;
    let digits = this.text.slice(at, end).replace(/_/g, ""), significant = digits.replace(/^0+/, "");
    return (radix === 16 ? significant.length < 16 || significant.length === 16 && significant[0] <= "7" : significant.length <= (radix === 8 ? 21 : 63)) || this.fail(start, "the integer does not fit in 64 bits"), parseInt(digits, radix);
  }
  /** The digits after the `.` of a float, at `at`. */
  fraction(start, at) {
    let end = this.digits(at, 10), next = this.text.charCodeAt(end);
    return next === 101 || next === 69 ? this.exponent(start, end + 1) : this.float(start, end);
  }
  /** The exponent of a float, after its `e` at `at`. */
  exponent(start, at) {
    let c = this.text.charCodeAt(at);
    return this.float(start, this.digits(c === PLUS || c === MINUS ? at + 1 : at, 10));
  }
  float(start, end) {
    this.pos = end;
    let source = this.text.slice(start, end);
    source.includes("_") && (source = source.replace(/_/g, ""));
    let value = Number(source);
    return Number.isFinite(value) || this.fail(start, "the float is too large for 64 bits"), value;
  }
  // ---- Dates and times -------------------------------------------------------------------------------
  /** Two digits at `at`, as a number. */
  twoDigits(at) {
    let text = this.text, first = text.charCodeAt(at);
    isDigit(first) || this.fail(at, "expected a digit in the date-time");
    let second = text.charCodeAt(at + 1);
    return isDigit(second) || this.fail(at + 1, "expected a digit in the date-time"), (first - DIGIT_02) * 10 + (second - DIGIT_02);
  }
  expect(at, c) {
    this.text.charCodeAt(at) !== c && this.fail(at, `expected ${describe(c)} in the date-time`);
  }
  /** A date-time is kept as its source text, from `start`. `at` is the first digit of the month. */
  date(start, year, at) {
    let text = this.text, month = this.twoDigits(at);
    this.expect(at + 2, MINUS);
    let day = this.twoDigits(at + 3);
    isValidDate(year, month, day) || this.fail(at + 4, "not a date in the calendar");
    let end = at + 5, c = text.charCodeAt(end);
    if (c === 84 || c === 116 || c === SPACE3 && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2))) {
      let hour = this.twoDigits(end + 1);
      return this.expect(end + 3, COLON), this.minute(start, !0, hour, end + 4);
    }
    return this.pos = end, text.slice(start, end);
  }
  /** The minutes (at `at`) and what follows of a time whose hour is read. */
  minute(start, hasDate, hour, at) {
    let text = this.text, minute = this.twoDigits(at), end = at + 2;
    if (text.charCodeAt(end) === COLON) {
      let second = this.twoDigits(end + 1);
      if (isValidTime(hour, minute, second) || this.fail(end + 2, "not a valid time of day"), end += 3, text.charCodeAt(end) === DOT)
        for (end++, isDigit(text.charCodeAt(end)) || this.fail(end, "expected a digit in the date-time"); isDigit(text.charCodeAt(end)); ) end++;
    } else isValidTime(hour, minute, 0) || this.fail(end, "not a valid time of day");
    if (hasDate) {
      let c = text.charCodeAt(end);
      if (c === 90 || c === 122)
        end++;
      else if (c === PLUS || c === MINUS) {
        let hours = this.twoDigits(end + 1);
        this.expect(end + 3, COLON);
        let minutes = this.twoDigits(end + 4);
        isValidTime(hours, minutes, 0) || this.fail(end + 5, "not a valid time offset"), end += 6;
      }
    }
    return this.pos = end, text.slice(start, end);
  }
};

// src/toml/tables.ts
var { APOSTROPHE: APOSTROPHE3, DOT: DOT2, EQUALS, LEFT_BRACKET, QUOTE: QUOTE3, RIGHT_BRACKET } = CHAR, { DEFINED, DOTTED, IMPLICIT, INLINE, NONE, STATIC_ARRAY, TABLE_ARRAY, VALUE } = KIND, RECENT_KEYS = 256;
function kindOf(value) {
  return typeof value != "object" ? VALUE : Array.isArray(value) ? STATIC_ARRAY : INLINE;
}
function newTable() {
  return /* @__PURE__ */ Object.create(null);
}
var TableReader = class extends ScalarReader {
  /** The id of each container in the book. */
  ids = /* @__PURE__ */ new Map();
  book = new Book();
  root = newTable();
  /** The table that the current section's key/value pairs go into, and its id. */
  table;
  id = 0;
  /** For messages: the offset of the current section's header key (-1 for the top), and of the pair's key. */
  sectionAt = -1;
  keyAt = 0;
  /** Bare keys read lately, by a hash of their characters. */
  recentKeys = new Array(RECENT_KEYS).fill("");
  /** The parts of the last key read, and their offsets. */
  keyParts = [];
  partAt = [];
  constructor(text, file) {
    super(text, file), this.table = this.root, this.id = this.add(this.root, DEFINED);
  }
  // ---- Line ends --------------------------------------------------------------------------------------
  /** After a key/value pair or a header, only a comment may follow on the line. */
  endLine() {
    this.skipWs();
    let c = this.text.charCodeAt(this.pos);
    this.pos < this.text.length && !endsLine(c) && this.unexpected(this.pos, `expected the end of the line, found ${describe(c)}`);
  }
  /**
   * The line ends (at the current offset) where `what` must continue on it: the error names the next token,
   * or says `atEnd` when the text ends first.
   */
  brokenLine(what, atEnd) {
    this.skipBlank(), this.pos >= this.text.length && this.fail(this.pos, atEnd), this.unexpected(this.pos, `${what} must be on one line`);
  }
  // ---- Keys, headers, key/value pairs -------------------------------------------------------------------
  /** A bare key character or a quote that does not open a multi-line string. */
  isKeyStart(pos) {
    let c = this.text.charCodeAt(pos);
    return c === QUOTE3 || c === APOSTROPHE3 ? !this.tripleAt(pos, c) : isBare(c);
  }
  /**
   * A (dotted) key starting at a key start, in `keyParts` (valid until the next key is read); `partAt` gets
   * the offset of each part. Stops on the same line at what follows the key (after spaces), or at the end.
   */
  key(atEnd) {
    let text = this.text, parts = this.keyParts;
    parts.length = 0;
    let partAt = this.partAt;
    for (partAt.length = 0; ; ) {
      let start = this.pos, c = text.charCodeAt(start);
      if (isBare(c)) {
        let end = start + 1, hash = c;
        for (let d = text.charCodeAt(end); isBare(d); d = text.charCodeAt(++end)) hash = Math.imul(hash, 31) + d | 0;
        let slot = (hash ^ end - start) & RECENT_KEYS - 1, part = this.recentKeys[slot];
        (part.length !== end - start || !text.startsWith(part, start)) && (this.recentKeys[slot] = part = text.slice(start, end)), parts.push(part), this.pos = end;
      } else
        parts.push(c === QUOTE3 ? this.basicString(!0) : this.literalString(!0));
      partAt.push(start), this.skipWs();
      let next = text.charCodeAt(this.pos);
      if (endsLine(next) && this.brokenLine("a key", atEnd), next !== DOT2) return parts;
      let dot = this.pos;
      this.pos++, this.skipWs();
      let after = text.charCodeAt(this.pos);
      endsLine(after) && (this.skipBlank(), this.pos < text.length && this.unexpected(this.pos, "a key must be on one line")), after === DOT2 && this.fail(dot, "a key may not contain two dots in a row"), this.isKeyStart(this.pos) || this.unexpected(this.pos, "a key may not end with a dot", dot);
    }
  }
  /** Expects `=` (after a key that ends on its line) and steps over it. */
  equals() {
    if (this.text.charCodeAt(this.pos) !== EQUALS) {
      let found = this.pos >= this.text.length ? "the end of the text" : describe(this.text.charCodeAt(this.pos));
      this.unexpected(this.pos, `expected \`=\` after the key, found ${found}`);
    }
    this.pos++;
  }
  /** Steps to the value after `=`, which must start on the same line. */
  startValue() {
    this.skipWs(), this.pos >= this.text.length && this.fail(this.pos, "expected a value after `=`"), endsLine(this.text.charCodeAt(this.pos)) && this.brokenLine("a key, its `=` and its value", "expected a value after `=`");
  }
  /** Gives `container` an id in the book. */
  add(container, kind) {
    let id = this.book.add(kind);
    return this.ids.set(container, id), id;
  }
  /** The line recorded for key `name` of table `id`, for messages. */
  first(id, name) {
    return this.book.keyLine(id, name) ?? void 0;
  }
  /**
   * Walks the dotted key `parts` from `table` (of id `id`), creating the tables it names, and returns the table
   * that takes the last part, which must be new.
   */
  dotted(table, id, parts, line) {
    let book = this.book, last = parts.length - 1;
    for (let i = 0; i < last; i++) {
      let name2 = parts[i], child = table[name2];
      if (child === void 0) {
        [table, id] = this.newChild(table, id, name2, line, DOTTED);
        continue;
      }
      let found = typeof child == "object" ? this.ids.get(child) : void 0, kind = found === void 0 ? kindOf(child) : book.kind(found);
      kind !== DOTTED && kind !== IMPLICIT && this.fail(this.partAt[i], `${this.what(name2, kind, this.first(id, name2))}; a dotted key cannot add to it`), book.setKind(found, DOTTED), table = child, id = found;
    }
    let name = parts[last];
    return table[name] !== void 0 && this.fail(this.partAt[last], `duplicate key ${showKey(name)}: already defined on line ${this.first(id, name)}`), book.mark(id, name, line), table;
  }
  /** A new table of `kind` at `name` of `table` (of id `id`), first mentioned on `line`; it and its id. */
  newChild(table, id, name, line, kind) {
    let created = newTable();
    return this.book.mark(id, name, line), table[name] = created, [created, this.add(created, kind)];
  }
  /** `[a.b]` or `[[a.b]]`, from its `[` up to the line's end. */
  header() {
    let text = this.text, line = this.line, open = this.pos;
    this.pos++, this.skipWs();
    let array = !1;
    endsLine(text.charCodeAt(this.pos)) && this.brokenLine("a table header", "unterminated table header"), text.charCodeAt(this.pos) === LEFT_BRACKET && (this.pos !== open + 1 && this.fail(this.pos, "no space is allowed between the brackets of `[[`"), array = !0, this.pos++, this.skipWs(), endsLine(text.charCodeAt(this.pos)) && this.brokenLine("a table header", "unterminated table header"));
    let c = text.charCodeAt(this.pos);
    this.pos >= text.length && this.fail(this.pos, "unterminated table header"), c === RIGHT_BRACKET && this.fail(this.pos, "a table header needs a key"), c === DOT2 && this.fail(this.pos, "a key may not start with a dot"), this.isKeyStart(this.pos) || this.unexpected(this.pos, `expected a key in the table header, found ${describe(c)}`);
    let keyAt = this.pos, parts = this.key("unterminated table header");
    if (text.charCodeAt(this.pos) !== RIGHT_BRACKET && this.unexpected(this.pos, this.pos >= text.length ? "unterminated table header" : `expected \`]\` after the key, found ${describe(text.charCodeAt(this.pos))}`), this.pos++, array) {
      let close = this.pos;
      this.skipWs(), endsLine(text.charCodeAt(this.pos)) && this.brokenLine("a table header", "unterminated table header"), text.charCodeAt(this.pos) !== RIGHT_BRACKET && this.unexpected(this.pos, "expected `]]` to end the header of an array of tables"), this.pos !== close && this.fail(this.pos, "no space is allowed between the brackets of `]]`"), this.pos++;
    }
    this.define(parts, line, array), this.sectionAt = keyAt;
  }
  /** Makes the table a header names the current section, creating what it names. */
  define(parts, line, array) {
    let book = this.book, table = this.root, id = this.ids.get(table), last = parts.length - 1;
    for (let i = 0; i < last; i++) {
      let name2 = parts[i], child = table[name2];
      if (child === void 0) {
        [table, id] = this.newChild(table, id, name2, line, IMPLICIT);
        continue;
      }
      let found2 = typeof child == "object" ? this.ids.get(child) : void 0, kind2 = found2 === void 0 ? kindOf(child) : book.kind(found2);
      if (kind2 === TABLE_ARRAY) {
        let elements = child;
        table = elements[elements.length - 1], id = this.ids.get(table);
        continue;
      }
      (kind2 === VALUE || kind2 === INLINE || kind2 === STATIC_ARRAY) && this.fail(this.partAt[i], `${this.what(name2, kind2, this.first(id, name2))}; a table header cannot add to it`), table = child, id = found2;
    }
    let name = parts[last], existing = table[name], found = typeof existing == "object" ? this.ids.get(existing) : void 0, kind = found === void 0 ? existing === void 0 ? NONE : kindOf(existing) : book.kind(found);
    if (!array && kind === IMPLICIT) {
      book.setKind(found, DEFINED), this.table = existing, this.id = found;
      return;
    }
    if (!array && kind !== NONE) {
      let first = this.first(id, name), problem = kind === DEFINED ? `table ${showKey(name)} defined twice (first on line ${first})` : `${this.what(name, kind, first)}; a table header cannot define it again`;
      this.fail(this.partAt[last], problem);
    }
    array && kind !== NONE && kind !== TABLE_ARRAY && this.fail(this.partAt[last], `${this.what(name, kind, this.first(id, name))}, not an array of tables`);
    let section = newTable();
    if (!array)
      book.mark(id, name, line), table[name] = section;
    else if (kind === NONE) {
      let elements = [section];
      book.mark(id, name, line), book.mark(this.add(elements, TABLE_ARRAY), 0, line), table[name] = elements;
    } else {
      let elements = existing;
      book.mark(found, elements.length, line), elements.push(section);
    }
    this.table = section, this.id = this.add(section, DEFINED);
  }
  /** What the existing value at `name` is, for a message: "`b` is an inline table (line 3)". */
  what(name, kind, line) {
    let what = kind === VALUE ? "a value" : kind === INLINE ? "an inline table" : kind === STATIC_ARRAY ? "an array" : kind === TABLE_ARRAY ? "an array of tables" : kind === DOTTED ? "a table defined by dotted keys" : kind === DEFINED ? "a table defined by a header" : "a table";
    return `${showKey(name)} is ${what}${line === void 0 ? "" : ` (line ${line})`}`;
  }
  /** The parts of the (valid) key at `offset`, read again for a message. */
  partsAt(offset) {
    let { pos, line, lineStart } = this;
    this.pos = offset;
    let parts = this.key("").slice();
    return this.pos = pos, this.line = line, this.lineStart = lineStart, parts;
  }
};

// src/toml/reader.ts
var { COMMA, LEFT_BRACE, LEFT_BRACKET: LEFT_BRACKET2, RIGHT_BRACE, RIGHT_BRACKET: RIGHT_BRACKET2 } = CHAR, { INLINE: INLINE2, STATIC_ARRAY: STATIC_ARRAY2 } = KIND, Frame = class {
  /** The inline table, or null for an array, whose elements are on the reader's stack of values from `base`. */
  table = null;
  base = 0;
  /** Where the container goes when it closes: `target[name]`, or (target null) the enclosing array. */
  target = null;
  name = "";
  /** Its id in the book. */
  id = 0;
  /** Whether an element or entry has been read, so that a separator or the end comes next. */
  filled = !1;
  /** For messages: the index of the element being read, or the offset of the key of the entry being read. */
  index = 0;
  keyAt = 0;
}, Reader = class extends TableReader {
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
    let text = this.text;
    for (; this.skipBlank(), !(this.pos >= text.length); ) {
      let c = text.charCodeAt(this.pos);
      c === LEFT_BRACKET2 ? this.header() : this.isKeyStart(this.pos) ? this.keyValue() : this.unexpected(this.pos, `expected a key or a [table] header, found ${describe(c)}`), this.endLine();
    }
    let { ids, book, late } = this, indexes = /* @__PURE__ */ new Map(), registered = !1, lineInDocument = (container, key) => {
      if (!registered) {
        for (let i = 0; i < late.length; i += 2) ids.set(late[i], late[i + 1]);
        late.length = 0, registered = !0;
      }
      return lineIn(ids, book, indexes, container, key);
    };
    return { value: this.root, lineIn: lineInDocument };
  }
  /** A key/value pair of the current section, from its key up to the end of its value. */
  keyValue() {
    let line = this.line;
    this.keyAt = this.pos;
    let parts = this.key("expected `=` after the key");
    this.equals();
    let table = this.dotted(this.table, this.id, parts, line);
    this.startValue();
    let name = parts[parts.length - 1], c = this.text.charCodeAt(this.pos);
    c === LEFT_BRACKET2 || c === LEFT_BRACE ? (this.open(c, table, name), this.nested()) : table[name] = this.scalar();
  }
  // ---- Arrays and inline tables ---------------------------------------------------------------------
  /**
   * Opens the array or inline table whose bracket or brace is at the current offset; when it closes, it goes
   * to `target[name]`, or (target null) to the enclosing array.
   */
  open(c, target, name) {
    if (this.depth >= 127) {
      let { line, column } = this.locate(this.pos);
      throw new UserError(`${this.file}:${line}:${column}: ${nestingProblem()}`);
    }
    this.pos++;
    let frame = this.frames[this.depth];
    frame === void 0 && this.frames.push(frame = new Frame()), this.depth++, frame.filled = !1, frame.target = target, frame.name = name, frame.id = this.book.add(c === LEFT_BRACKET2 ? STATIC_ARRAY2 : INLINE2), frame.table = c === LEFT_BRACKET2 ? null : newTable(), frame.base = this.top;
  }
  /** Closes the innermost array or inline table (at its bracket or brace) and puts it where it goes. */
  close(frame) {
    this.pos++, this.depth--;
    let value;
    frame.table === null ? (value = this.values.slice(frame.base, this.top), this.top = frame.base) : value = frame.table, this.book.lastLine(frame.id) >= 0 && this.late.push(value, frame.id), frame.target !== null ? frame.target[frame.name] = value : this.push(value);
  }
  /** Adds an element to the innermost array. */
  push(value) {
    this.top < this.values.length ? this.values[this.top] = value : this.values.push(value), this.top++;
  }
  /** Reads what the arrays and inline tables opened by `open` hold, until the outermost one closes. */
  nested() {
    let text = this.text;
    for (; this.depth > 0; ) {
      let frame = this.frames[this.depth - 1];
      this.skipBlank();
      let c = text.charCodeAt(this.pos), end = this.pos >= text.length;
      if (frame.table === null) {
        if (frame.filled && (c === COMMA ? (this.pos++, this.skipBlank(), c = text.charCodeAt(this.pos)) : c !== RIGHT_BRACKET2 && this.unexpected(this.pos, end ? "unterminated array" : `expected \`,\` or \`]\` after an array element, found ${describe(c)}`)), c === RIGHT_BRACKET2) {
          this.close(frame);
          continue;
        }
        this.pos >= text.length && this.fail(this.pos, "unterminated array"), frame.filled = !0;
        let index = this.top - frame.base;
        frame.index = index, this.book.lastLine(frame.id) !== this.line && this.book.mark(frame.id, index, this.line), c === LEFT_BRACKET2 || c === LEFT_BRACE ? this.open(c, null, "") : this.push(this.scalar());
      } else {
        if (frame.filled && (c === COMMA ? (this.pos++, this.skipBlank(), c = text.charCodeAt(this.pos)) : c !== RIGHT_BRACE && this.unexpected(this.pos, end ? "unterminated inline table" : `expected \`,\` or \`}\` after a value in an inline table, found ${describe(c)}`)), c === RIGHT_BRACE) {
          this.close(frame);
          continue;
        }
        this.pos >= text.length && this.fail(this.pos, "unterminated inline table"), this.isKeyStart(this.pos) || this.unexpected(this.pos, `expected a key or \`}\` in an inline table, found ${describe(c)}`), frame.filled = !0;
        let line = this.line;
        frame.keyAt = this.pos;
        let parts = this.key("expected `=` after the key");
        this.equals();
        let table = this.dotted(frame.table, frame.id, parts, line);
        this.startValue();
        let name = parts[parts.length - 1];
        c = text.charCodeAt(this.pos), c === LEFT_BRACKET2 || c === LEFT_BRACE ? this.open(c, table, name) : table[name] = this.scalar();
      }
    }
  }
  valuePath() {
    let path26 = [];
    if (this.sectionAt >= 0) {
      let value = this.root;
      for (let part of this.partsAt(this.sectionAt))
        path26.push(part), value = value[part], Array.isArray(value) && (path26.push(value.length - 1), value = value[value.length - 1]);
    }
    path26.push(...this.partsAt(this.keyAt));
    for (let d = 0; d < this.depth; d++) {
      let frame = this.frames[d];
      frame.table === null ? path26.push(frame.index) : path26.push(...this.partsAt(frame.keyAt));
    }
    return path26;
  }
};

// src/toml/parse.ts
function parseToml(text, file) {
  return new Reader(text, file).read();
}

// src/toml/document.ts
function parseTomlDocument(text, file) {
  let { value, lineIn: lineIn2 } = parseToml(text, file);
  return {
    file,
    value,
    lineOf: (path26) => {
      if (path26.length === 0) return null;
      let container = value;
      for (let i = 0; i < path26.length - 1; i++) {
        let child = childOf(container, path26[i]);
        if (!isContainer(child)) return null;
        container = child;
      }
      return lineIn2(container, path26[path26.length - 1]);
    },
    lineIn: lineIn2
  };
}
function childOf(container, key) {
  return Array.isArray(container) ? typeof key == "number" || /^\d+$/.test(key) ? container[Number(key)] : void 0 : Object.hasOwn(container, key) ? container[key] : void 0;
}
function isContainer(value) {
  return typeof value == "object";
}

// src/config/cargo-config.ts
function configFilePaths(cwd, cargoHome) {
  let out = [], seen = /* @__PURE__ */ new Set(), dir = path3.resolve(cwd);
  for (; ; ) {
    let configDir = path3.join(dir, ".cargo");
    out.push(path3.join(configDir, "config"), path3.join(configDir, "config.toml")), seen.add(configDir);
    let parent = path3.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let home = path3.resolve(cwd, cargoHome);
  return seen.has(home) || out.push(path3.join(home, "config"), path3.join(home, "config.toml")), out;
}
function mergeCargoConfig(files, options = {}) {
  let loaded = [], root = { kind: "table", entries: /* @__PURE__ */ new Map(), source: { file: files[0]?.path ?? "", line: 0 } }, seen = /* @__PURE__ */ new Set(), includes = options.includes ?? /* @__PURE__ */ new Map(), load = (file, text, includedFrom) => {
    if (seen.has(file))
      throw new UserError(`${where(includedFrom)}config \`include\` cycle detected with path \`${file}\``);
    seen.add(file);
    let doc = parseTomlDocument(text, file), table = configTable(doc.value, { file, line: 1 }, (container, key) => ({ file, line: doc.lineIn(container, key) ?? 0 }));
    for (let include of takeIncludes(table, file)) {
      if (seen.has(include.path))
        throw new UserError(`${where(include.source)}config \`include\` cycle detected with path \`${include.path}\``);
      let includedText2 = includes.get(include.path);
      if (includedText2 === void 0) {
        if (include.optional) continue;
        throw new UserError(`${where(include.source)}config include \`${include.written}\` not found (looked for \`${include.path}\`)`);
      }
      load(include.path, includedText2, include.source);
    }
    mergeTable(root, table), loaded.push(file);
  };
  for (let file of [...files].reverse()) load(file.path, file.text, null);
  for (let arg of options.cli ?? []) mergeTable(root, parseCliOverride(arg));
  return summarise(root, loaded);
}
function takeIncludes(table, file) {
  let node = table.entries.get("include");
  if (node === void 0) return [];
  if (table.entries.delete("include"), node.kind !== "array")
    throw new UserError(`${where(node.source)}\`include\` must be an array of paths or of tables with a \`path\`, found ${describe2(node)}`);
  return node.items.map((item) => {
    let written = item.value, optional = !1;
    if (typeof item.value == "object" && !Array.isArray(item.value) && (written = item.value.path, optional = item.value.optional ?? !1), typeof written != "string" || typeof optional != "boolean")
      throw new UserError(`${where(item.source)}\`include\` entries must be paths or \`{ path = "\u2026", optional = true|false }\``);
    if (!written.endsWith(".toml"))
      throw new UserError(`${where(item.source)}config include \`${written}\` must be a path ending with \`.toml\``);
    return { path: path3.resolve(path3.dirname(file), written), written, optional, source: item.source };
  });
}
function parseCliOverride(arg) {
  let invalid = () => new UserError(`--config argument \`${arg}\` is not a \`KEY=VALUE\` TOML expression (e.g. \`profile.release.lto=true\`)`);
  if (/[\r\n]/.test(arg) || arg.trim().startsWith("[")) throw invalid();
  let doc;
  try {
    doc = parseTomlDocument(arg, "--config");
  } catch {
    throw invalid();
  }
  if (Object.keys(doc.value).length !== 1) throw invalid();
  let source = { cli: arg };
  return configTable(doc.value, source, () => source);
}
function configTable(value, source, sourceOf) {
  let top = { kind: "table", entries: /* @__PURE__ */ new Map(), source }, pending = [[value, top]];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    let [from, to] = next;
    for (let [key, child] of Object.entries(from)) {
      let at = sourceOf(from, key), node;
      Array.isArray(child) ? node = { kind: "array", items: child.map((item, i) => ({ value: item, source: sourceOf(child, i) })), source: at } : typeof child == "object" ? (node = { kind: "table", entries: /* @__PURE__ */ new Map(), source: at }, pending.push([child, node])) : node = { kind: "scalar", value: child, source: at }, to.entries.set(key, node);
    }
  }
  return top;
}
function walkConfig(table, visit) {
  let keys = [], stack = [table.entries.entries()];
  for (; stack.length > 0; ) {
    let next = stack[stack.length - 1].next();
    if (next.done) {
      stack.pop(), keys.pop();
      continue;
    }
    let [key, node] = next.value;
    keys.push(key), visit(keys, node) && node.kind === "table" ? stack.push(node.entries.entries()) : keys.pop();
  }
}
var RANK = { file: 0, env: 1, cli: 2 };
function sourceRank(source) {
  return "file" in source ? RANK.file : "env" in source ? RANK.env : RANK.cli;
}
function mergeTable(lower, higher) {
  let receivers = [lower];
  walkConfig(higher, (keys, node) => {
    let receiver = receivers[keys.length - 1], key = keys[keys.length - 1], existing = receiver.entries.get(key);
    return existing?.kind === "table" && node.kind === "table" ? (receivers[keys.length] = existing, !0) : (receiver.entries.set(key, existing === void 0 ? node : mergeLeaf(existing, node, keys)), !1);
  });
}
function mergeLeaf(lower, higher, keys) {
  if (lower.kind === "array" && higher.kind === "array")
    return { kind: "array", items: sortByRank([...lower.items, ...higher.items]), source: higher.source };
  if (lower.kind !== "scalar" || higher.kind !== "scalar")
    throw new UserError(
      `${where(higher.source)}cannot merge config key \`${keys.join(".")}\`: ${describe2(higher)} here, but ${describe2(lower)} at ${describeSource(lower.source)}`
    );
  return higher;
}
function sortByRank(items) {
  return items.map((item, index) => ({ item, index })).sort((a, b) => sourceRank(a.item.source) - sourceRank(b.item.source) || a.index - b.index).map((x) => x.item);
}
function describe2(node) {
  return node.kind === "table" ? "a table" : node.kind === "array" ? "an array" : `a ${typeof node.value == "string" ? "string" : typeof node.value == "boolean" ? "boolean" : "number"}`;
}
function describeSource(source) {
  return "file" in source ? `${source.file}:${source.line}` : "env" in source ? `environment variable \`${source.env}\`` : `\`--config ${source.cli}\``;
}
function settingSource(source) {
  return "cli" in source ? { env: `--config ${source.cli}` } : source;
}
function where(source) {
  return source === null ? "" : "file" in source ? `${source.file}:${source.line}: ` : `${describeSource(source)}: `;
}
function configNode(config, keys) {
  let node = config.tree;
  for (let key of keys) {
    if (node.kind !== "table") return null;
    let next = node.entries.get(key);
    if (next === void 0) return null;
    node = next;
  }
  return node;
}
function stringListOf(node, key) {
  if (node.kind === "scalar" && typeof node.value == "string")
    return { items: splitWhitespace(node.value).map((value) => ({ value, source: node.source })), source: node.source };
  if (node.kind === "array")
    return { items: node.items.map((item) => {
      if (typeof item.value != "string")
        throw new UserError(`${where(item.source)}\`${key}\` must be a string or an array of strings`);
      return { value: item.value, source: item.source };
    }), source: node.source };
  throw new UserError(`${where(node.source)}\`${key}\` must be a string or an array of strings, found ${describe2(node)}`);
}
function splitWhitespace(text) {
  return text.split(/\s+/).filter((s) => s !== "");
}
function summarise(tree, files) {
  let config = {
    files,
    tree,
    buildTarget: null,
    buildRustflags: null,
    targetRustflags: /* @__PURE__ */ new Map(),
    envTargetRustflags: /* @__PURE__ */ new Map(),
    buildRustdocflags: null,
    targetRustdocflags: /* @__PURE__ */ new Map(),
    envTargetRustdocflags: /* @__PURE__ */ new Map(),
    profiles: /* @__PURE__ */ new Map()
  }, rustflags = configNode(config, ["build", "rustflags"]);
  rustflags && (config.buildRustflags = stringListOf(rustflags, "build.rustflags"));
  let rustdocflags = configNode(config, ["build", "rustdocflags"]);
  rustdocflags && (config.buildRustdocflags = stringListOf(rustdocflags, "build.rustdocflags"));
  let target = configNode(config, ["build", "target"]);
  target && (config.buildTarget = buildTargetOf(target));
  let targets = configNode(config, ["target"]);
  targets?.kind === "table" && collectTargetFlags(targets, "rustflags", config.targetRustflags), targets?.kind === "table" && collectTargetFlags(targets, "rustdocflags", config.targetRustdocflags);
  let profiles = configNode(config, ["profile"]);
  if (profiles) {
    if (profiles.kind !== "table") throw new UserError(`${where(profiles.source)}\`profile\` must be a table`);
    for (let [name, table] of profiles.entries) {
      if (table.kind !== "table") throw new UserError(`${where(table.source)}\`profile.${name}\` must be a table`);
      config.profiles.set(name, table);
    }
  }
  return config;
}
function buildTargetOf(node) {
  if (node.kind === "scalar" && typeof node.value == "string")
    return { kind: "single", target: { value: node.value, source: node.source } };
  if (node.kind === "array") {
    let targets = [];
    for (let item of node.items) {
      if (typeof item.value != "string") throw new UserError(`${where(item.source)}\`build.target\` must be a string or an array of strings`);
      targets.some((t) => t.value === item.value) || targets.push({ value: item.value, source: item.source });
    }
    return targets.length === 0 ? null : { kind: "multi", targets, source: node.source };
  }
  throw new UserError(`${where(node.source)}\`build.target\` must be a string or an array of strings, found ${describe2(node)}`);
}
function collectTargetFlags(table, name, out) {
  walkConfig(table, (keys, node) => {
    if (node.kind !== "table") return !1;
    let key = keys[keys.length - 1], flags = node.entries.get(name);
    if (keys.length === 1 && key.startsWith("cfg("))
      return flags && name === "rustflags" && out.set(key, stringListOf(flags, `target.'${key}'.${name}`)), !1;
    if (key.includes(".")) return !1;
    if (flags) {
      let triple = keys.join(".");
      out.set(triple, stringListOf(flags, `target.${triple}.${name}`));
    }
    return !0;
  });
}
function envKeyPart(name) {
  return name.toUpperCase().replace(/[-.]/g, "_");
}
function applyConfigEnv(config, env) {
  let out = { ...config, envTargetRustflags: new Map(config.envTargetRustflags), envTargetRustdocflags: new Map(config.envTargetRustdocflags) }, rustflags = env.CARGO_BUILD_RUSTFLAGS;
  rustflags !== void 0 && (out.buildRustflags = appendEnvList(config.buildRustflags, "CARGO_BUILD_RUSTFLAGS", rustflags));
  let rustdocflags = env.CARGO_BUILD_RUSTDOCFLAGS;
  rustdocflags !== void 0 && (out.buildRustdocflags = appendEnvList(config.buildRustdocflags, "CARGO_BUILD_RUSTDOCFLAGS", rustdocflags));
  let target = env.CARGO_BUILD_TARGET;
  if (target !== void 0) {
    let source = { env: "CARGO_BUILD_TARGET" }, current = config.buildTarget;
    if (current?.kind === "multi") {
      let targets = [...current.targets];
      for (let value of splitWhitespace(target)) targets.some((t) => t.value === value) || targets.push({ value, source });
      out.buildTarget = { kind: "multi", targets: sortByRank(targets), source: current.source };
    } else (current === null || sourceRank(current.target.source) < RANK.env) && (out.buildTarget = target === "" ? null : { kind: "single", target: { value: target, source } });
  }
  for (let [name, value] of Object.entries(env)) {
    let m = /^CARGO_TARGET_(.+)_RUST(DOC)?FLAGS$/.exec(name);
    !m || value === void 0 || (m[2] === void 0 ? out.envTargetRustflags : out.envTargetRustdocflags).set(m[1], appendEnvList(null, name, value));
  }
  return out;
}
function appendEnvList(list, name, value) {
  let source = { env: name }, added = splitWhitespace(value).map((v) => ({ value: v, source })), items = sortByRank([...list?.items ?? [], ...added]), top = list && sourceRank(list.source) > RANK.env ? list.source : source;
  return { items, source: top };
}
function tripleRustflags(config, triple, name = "rustflags") {
  let [files, env] = name === "rustflags" ? [config.targetRustflags, config.envTargetRustflags] : [config.targetRustdocflags, config.envTargetRustdocflags], fromConfig2 = files.get(triple) ?? null, fromEnv2 = env.get(envKeyPart(triple)) ?? null;
  if (fromEnv2 === null) return fromConfig2;
  if (fromConfig2 === null) return fromEnv2;
  let items = sortByRank([...fromConfig2.items, ...fromEnv2.items]), source = sourceRank(fromConfig2.source) > RANK.env ? fromConfig2.source : fromEnv2.source;
  return { items, source };
}
function requestedTarget(config, cliTarget, cwd) {
  if (cliTarget !== null) return cliTarget.endsWith(".json") ? path3.resolve(cwd, cliTarget) : cliTarget;
  let bt = config.buildTarget;
  if (bt === null) return null;
  if (bt.kind === "single") return resolveTargetPath(bt.target, cwd);
  if (bt.targets.length === 1) return resolveTargetPath(bt.targets[0], cwd);
  let listed2 = bt.targets.map((t) => `\`${t.value}\` (${describeSource(t.source)})`).join(", ");
  throw new UserError(`build.target lists ${bt.targets.length} targets: ${listed2}; this analysis covers one target at a time, pass --target to choose one`);
}
function resolveTargetPath(target, cwd) {
  return target.value.endsWith(".json") ? path3.resolve(configRelativeBase(target.source, cwd), target.value) : target.value;
}
function configRelativeBase(source, cwd) {
  return "file" in source ? configFileRoot(source.file) : cwd;
}
function configFileRoot(file) {
  return path3.dirname(path3.dirname(file));
}
function buildDirectories(config, env, cwd, places) {
  let fromEnv2 = env.CARGO_TARGET_DIR;
  if (fromEnv2 === "") throw new UserError("the target directory is set to an empty string in the `CARGO_TARGET_DIR` environment variable");
  let targetDir = fromEnv2 !== void 0 ? path3.resolve(cwd, fromEnv2) : configuredPath(config, env, cwd, "target-dir");
  if (!places.buildDirKnown) return { targetDir, buildDir: null };
  let template = configuredPath(config, env, cwd, "build-dir", (raw) => raw.replaceAll("{workspace-root}", places.workspaceRoot).replaceAll("{cargo-cache-home}", places.cargoHome));
  return { targetDir, buildDir: template };
}
function configuredPath(config, env, cwd, key, fill = (raw) => raw) {
  let variable = `CARGO_BUILD_${envKeyPart(key)}`, node = configNode(config, ["build", key]), value = null;
  if (node !== null) {
    if (node.kind !== "scalar" || typeof node.value != "string") throw new UserError(`${where(node.source)}\`build.${key}\` must be a string, found ${describe2(node)}`);
    value = { value: node.value, source: node.source };
  }
  let envValue = env[variable];
  if (envValue !== void 0 && (value === null || sourceRank(value.source) < RANK.env) && (value = { value: envValue, source: { env: variable } }), value === null) return null;
  if (value.value === "")
    throw new UserError(key === "target-dir" ? `the target directory is set to an empty string in ${definition(value.source)}` : `${where(value.source)}\`build.build-dir\` is an empty path`);
  return path3.resolve(configRelativeBase(value.source, cwd), fill(value.value));
}
function definition(source) {
  return "file" in source ? source.file : "env" in source ? `environment variable \`${source.env}\`` : "--config cli option";
}

// src/config/profiles.ts
var BUILT_IN = /* @__PURE__ */ new Set(["dev", "release", "test", "bench"]), ENV_KEYS = [
  "OPT_LEVEL",
  "LTO",
  "CODEGEN_BACKEND",
  "CODEGEN_UNITS",
  "DEBUG",
  "SPLIT_DEBUGINFO",
  "DEBUG_ASSERTIONS",
  "RPATH",
  "PANIC",
  "OVERFLOW_CHECKS",
  "INCREMENTAL",
  "DIR_NAME",
  "STRIP",
  "INHERITS",
  "TRIM_PATHS",
  "RUSTFLAGS",
  "FRAME_POINTERS"
], ENV_TABLE_PREFIXES = ["PACKAGE_", "BUILD_OVERRIDE_"];
function profileNameFor(command, release, profile) {
  if (release && profile !== null) throw new UserError("the argument '--release' cannot be used with '--profile <PROFILE-NAME>'");
  if (release && command === "bench") throw new UserError("`--release` is not a flag of `cargo bench`, which uses the `bench` profile (it inherits `release`)");
  let name = profile ?? (release ? "release" : command === "bench" ? "bench" : command === "test" ? "test" : "dev");
  return { main: name, test: name };
}
function resolveProfile(name, opts) {
  if (name === "doc") throw new UserError("profile `doc` is reserved and not allowed to be explicitly specified");
  validateProfileName(name, "");
  let layers = new Layers(opts);
  layers.validateAll();
  let chain = [name];
  for (let current = name; current !== "dev" && current !== "release"; ) {
    let inherits = layers.get(current, "inherits"), parent;
    if (inherits !== null) {
      if (parent = inheritsValue(inherits), chain.includes(parent))
        throw new UserError(`${inherits.where}profile inheritance loop detected with profile \`${current}\` inheriting \`${parent}\``);
      if (!layers.exists(parent))
        throw new UserError(`${inherits.where}profile \`${current}\` inherits from \`${parent}\`, but that profile is not defined`);
    } else if (current === "test" || current === "bench")
      parent = current === "test" ? "dev" : "release";
    else if (layers.exists(current)) {
      let at = layers.definedAt(current);
      throw new UserError(
        `${at}profile \`${current}\` is missing an \`inherits\` directive (\`inherits\` is required for all profiles except \`dev\` or \`release\`)`
      );
    } else
      throw new UserError(`profile \`${current}\` is not defined`);
    chain.push(parent), current = parent;
  }
  let root = chain[chain.length - 1], rootInherits = layers.get(root, "inherits");
  if (rootInherits !== null) throw new UserError(`${rootInherits.where}\`inherits\` must not be specified in root profile \`${root}\``);
  let settings = { name, panic: "unwind", lto: "false", rpath: !1, sources: {} }, first = (field) => {
    for (let profile of chain) {
      let found = layers.get(profile, field);
      if (found !== null) return found;
    }
    return null;
  }, panic = first("panic");
  panic && (settings.panic = panicValue(panic), settings.sources.panic = panic.source);
  let lto = first("lto");
  lto && (settings.lto = ltoValue(lto), settings.sources.lto = lto.source);
  let rpath = first("rpath");
  return rpath && (settings.rpath = rpathValue(rpath), settings.sources.rpath = rpath.source), settings;
}
function validateProfileName(name, where2) {
  let bad = [...name].find((ch) => !/[\p{L}\p{N}_-]/u.test(ch));
  if (name === "" || bad !== void 0)
    throw new UserError(
      `${where2}invalid profile name \`${name}\`: allowed characters are letters, numbers, underscore and hyphen`
    );
  let lower = name.toLowerCase();
  if (lower === "debug") throw new UserError(`${where2}profile name \`debug\` is reserved; the development profile is called \`dev\``);
  if (lower === "build-override")
    throw new UserError(`${where2}profile name \`build-override\` is reserved; use [profile.<name>.build-override]`);
  let reserved = ["build", "check", "clean", "config", "fetch", "fix", "install", "metadata", "package", "publish", "report"];
  if (reserved.push("root", "run", "rust", "rustc", "rustdoc", "target", "tmp", "uninstall"), reserved.includes(lower) || lower.startsWith("cargo"))
    throw new UserError(`${where2}profile name \`${name}\` is reserved; please choose a different name`);
}
var Layers = class {
  constructor(opts) {
    this.opts = opts;
    let profiles = opts.manifest?.value.profile;
    if (profiles !== void 0 && !isTable(profiles))
      throw new UserError(`${this.manifestWhere(["profile"])}\`profile\` must be a table`);
    this.manifestProfiles = profiles ?? null;
  }
  opts;
  manifestProfiles;
  /** Whether a profile is built in or defined anywhere. */
  exists(name) {
    if (BUILT_IN.has(name) || this.manifestProfile(name) !== void 0 || this.opts.config.profiles.has(name)) return !0;
    let prefix = `CARGO_PROFILE_${envKeyPart(name)}_`;
    return Object.entries(this.opts.env).some(
      ([key, value]) => value !== void 0 && key.startsWith(prefix) && (ENV_KEYS.includes(key.slice(prefix.length)) || ENV_TABLE_PREFIXES.some((p) => key.slice(prefix.length).startsWith(p)))
    );
  }
  /** Where a profile is defined, for messages (`Cargo.toml:12: `), or '' if only in the environment. */
  definedAt(name) {
    let table = this.opts.config.profiles.get(name);
    return table ? whereOf(table.source) : this.manifestProfile(name) !== void 0 ? this.manifestWhere(["profile", name]) : "";
  }
  /** The highest-precedence definition of one key of one profile (not following `inherits`). */
  get(profile, field) {
    let key = `profile.${profile}.${field}`, configNode2 = this.configNode(profile, field);
    if (configNode2 && "cli" in configNode2.source) return this.fromConfig(configNode2, key);
    let envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`, envValue = this.opts.env[envName];
    if (envValue !== void 0)
      return { value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key };
    if (configNode2) return this.fromConfig(configNode2, key);
    let table = this.manifestProfile(profile);
    if (table === void 0) return null;
    if (!isTable(table)) throw new UserError(`${this.manifestWhere(["profile", profile])}\`profile.${profile}\` must be a table`);
    let value = table[field];
    if (value === void 0) return null;
    let path26 = ["profile", profile, field];
    return { value, source: { file: this.opts.manifestFile, line: this.manifestLine(path26) }, where: this.manifestWhere(path26), key };
  }
  /**
   * Validates what cargo validates even when unused: every manifest profile (name and values), and the
   * config and environment definitions of the profiles cargo loads (built-ins and manifest profiles).
   */
  validateAll() {
    let names = new Set(BUILT_IN);
    for (let name of Object.keys(this.manifestProfiles ?? {}))
      validateProfileName(name, this.manifestWhere(["profile", name])), names.add(name);
    for (let name of names) {
      for (let field of ["panic", "lto", "rpath"])
        for (let raw of this.allDefinitions(name, field))
          field === "panic" ? panicValue(raw) : field === "lto" ? ltoValue(raw) : rpathValue(raw);
      for (let raw of this.allDefinitions(name, "inherits")) inheritsValue(raw);
    }
  }
  allDefinitions(profile, field) {
    let out = [], key = `profile.${profile}.${field}`, configNode2 = this.configNode(profile, field);
    configNode2 && out.push(this.fromConfig(configNode2, key));
    let envName = `CARGO_PROFILE_${envKeyPart(profile)}_${field.toUpperCase()}`, envValue = this.opts.env[envName];
    envValue !== void 0 && out.push({ value: parseEnvScalar(envValue), source: { env: envName }, where: `environment variable \`${envName}\`: `, key });
    let table = this.manifestProfile(profile);
    if (isTable(table) && table[field] !== void 0) {
      let path26 = ["profile", profile, field];
      out.push({ value: table[field], source: { file: this.opts.manifestFile, line: this.manifestLine(path26) }, where: this.manifestWhere(path26), key });
    }
    return out;
  }
  /** `[profile.<name>]` of the manifest; a profile name is the user's, so never a property of a prototype. */
  manifestProfile(name) {
    let profiles = this.manifestProfiles;
    return profiles !== null && Object.hasOwn(profiles, name) ? profiles[name] : void 0;
  }
  configNode(profile, field) {
    return this.opts.config.profiles.get(profile)?.entries.get(field) ?? null;
  }
  fromConfig(node, key) {
    let where2 = whereOf(node.source);
    if (node.kind !== "scalar") throw new UserError(`${where2}invalid \`${key}\`: expected a string or boolean, found ${node.kind === "table" ? "a table" : "an array"}`);
    return { value: node.value, source: settingSource(node.source), where: where2, key };
  }
  manifestLine(path26) {
    return this.opts.manifest?.lineOf(path26) ?? this.opts.manifest?.lineOf(path26.slice(0, -1)) ?? 1;
  }
  manifestWhere(path26) {
    return `${this.opts.manifestFile}:${this.manifestLine(path26)}: `;
  }
};
function whereOf(source) {
  return "file" in source ? `${source.file}:${source.line}: ` : `${describeSource(source)}: `;
}
function parseEnvScalar(value) {
  return value === "true" || value === "false" ? value === "true" : /^[+-]?\d+$/.test(value) ? Number(value) : value;
}
function show(value) {
  return typeof value == "string" ? `"${value}"` : typeof value == "object" ? JSON.stringify(value) : String(value);
}
function panicValue(raw) {
  if (raw.value === "unwind" || raw.value === "abort") return raw.value;
  throw raw.value === "immediate-abort" ? new UserError(`${raw.where}\`${raw.key} = "immediate-abort"\` needs the nightly-only \`panic-immediate-abort\` feature`) : new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected "unwind" or "abort"`);
}
function ltoValue(raw) {
  let v = raw.value;
  if (v === !0) return "true";
  if (v === !1) return "false";
  if (v === "fat" || v === "thin") return v;
  if (v === "off" || v === "n" || v === "no" || v === "none") return "off";
  if (v === "y" || v === "yes" || v === "on") return "fat";
  throw new UserError(
    `${raw.where}invalid \`${raw.key}\` value ${show(v)}: expected true, false, "fat", "thin" or "off"`
  );
}
function rpathValue(raw) {
  if (typeof raw.value == "boolean") return raw.value;
  throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected true or false`);
}
function inheritsValue(raw) {
  if (typeof raw.value == "string") return raw.value;
  throw new UserError(`${raw.where}invalid \`${raw.key}\` value ${show(raw.value)}: expected a profile name`);
}
function isTable(value) {
  return typeof value == "object" && !Array.isArray(value);
}

// src/model/cfg.ts
function cfgHas(cfg, key, value) {
  return cfg.values.get(key)?.has(value) ?? !1;
}
var CfgSyntaxError = class extends Error {
};
function parseCfgLines(text) {
  let names = /* @__PURE__ */ new Set(), values = /* @__PURE__ */ new Map();
  for (let raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === "") continue;
    let eq = line.indexOf("=");
    if (eq < 0) {
      names.add(line);
      continue;
    }
    let key = line.slice(0, eq), value = line.slice(eq + 1).replace(/^"(.*)"$/, "$1"), set = values.get(key);
    set || values.set(key, set = /* @__PURE__ */ new Set()), set.add(value);
  }
  return { names, values };
}
function parseCfgExpr(text) {
  let tokens = tokenize(text), pos = 0, peek = () => tokens[pos], next = () => {
    let t = tokens[pos++];
    if (t === void 0) throw new CfgSyntaxError(`unexpected end of cfg expression \`${text}\``);
    return t;
  }, expect = (t) => {
    let got = next();
    if (got !== t) throw new CfgSyntaxError(`expected \`${t}\` but found \`${got}\` in \`${text}\``);
  }, parseExpr = () => {
    let ident = next();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(ident)) throw new CfgSyntaxError(`unexpected \`${ident}\` in \`${text}\``);
    if ((ident === "all" || ident === "any" || ident === "not") && peek() === "(") {
      next();
      let args = [];
      for (; peek() !== ")" && (args.push(parseExpr()), peek() === ","); )
        next();
      if (expect(")"), ident === "not") {
        if (args.length !== 1) throw new CfgSyntaxError(`\`not\` takes exactly one predicate in \`${text}\``);
        return { op: "not", arg: args[0] };
      }
      return { op: ident, args };
    }
    if (peek() === "=") {
      next();
      let value = next();
      if (!value.startsWith('"')) throw new CfgSyntaxError(`expected a string after \`${ident} =\` in \`${text}\``);
      return { op: "eq", key: ident, value: value.slice(1, -1) };
    }
    return { op: "name", name: ident };
  }, trimmed = text.trim(), isWrapped = /^cfg\s*\(/.test(trimmed);
  isWrapped && (expect("cfg"), expect("("));
  let expr = parseExpr();
  if (isWrapped && expect(")"), pos !== tokens.length) throw new CfgSyntaxError(`unexpected \`${tokens[pos]}\` in \`${text}\``);
  return expr;
}
function tokenize(text) {
  let tokens = [], i = 0;
  for (; i < text.length; ) {
    let c = text[i];
    if (/\s/.test(c))
      i++;
    else if (c === "(" || c === ")" || c === "," || c === "=")
      tokens.push(c), i++;
    else if (c === '"') {
      let end = text.indexOf('"', i + 1);
      if (end < 0) throw new CfgSyntaxError(`unterminated string in \`${text}\``);
      tokens.push(text.slice(i, end + 1)), i = end + 1;
    } else {
      let m = /^[A-Za-z0-9_\-.]+/.exec(text.slice(i));
      if (!m) throw new CfgSyntaxError(`unexpected character \`${c}\` in \`${text}\``);
      tokens.push(m[0]), i += m[0].length;
    }
  }
  return tokens;
}
function evalCfg(expr, cfg) {
  switch (expr.op) {
    case "name":
      return expr.name === "true" || expr.name === "false" ? expr.name === "true" : cfg.names.has(expr.name);
    case "eq":
      return cfgHas(cfg, expr.key, expr.value);
    case "all":
      return expr.args.every((a) => evalCfg(a, cfg));
    case "any":
      return expr.args.some((a) => evalCfg(a, cfg));
    case "not":
      return !evalCfg(expr.arg, cfg);
  }
}
function platformMatches(platform, triple, cfg) {
  return /^\s*cfg\s*\(/.test(platform) ? evalCfg(parsedCfg(platform), cfg) : platform.trim() === triple;
}
var parsedCfgCache = /* @__PURE__ */ new Map();
function parsedCfg(text) {
  let expr = parsedCfgCache.get(text);
  return expr || (expr = parseCfgExpr(text), parsedCfgCache.set(text, expr)), expr;
}

// src/config/rustflags.ts
function effectiveRustflags(opts) {
  let { env, config } = opts;
  if (opts.kind === "host" && opts.requestedTarget !== null)
    return { flags: [], source: null, flagSources: [], flagSettings: [], origin: "host-with-target", needsCfg: !1 };
  let set = flagsFromEnv(env, "RUSTFLAGS");
  if (set !== null) return fromEnv(set.variable, set.flags);
  let items = keyed(`target.${opts.triple}.rustflags`, tripleRustflags(config, opts.triple)?.items ?? []), cfgTables = [...config.targetRustflags].filter(([key]) => isCfgKey(key)).sort(([a], [b]) => compareUtf8(a, b)), needsCfg = !1;
  if (opts.cfg === null)
    needsCfg = cfgTables.length > 0;
  else {
    let cfg = withoutProcMacro(opts.cfg);
    for (let [key, list] of cfgTables) cfgKeyMatches(key, cfg) && items.push(...keyed(`target.'${key}'.rustflags`, list.items));
  }
  if (items.length > 0) return fromConfig("target", items, needsCfg);
  let build = config.buildRustflags;
  return build !== null && build.items.length > 0 ? fromConfig("build", keyed("build.rustflags", build.items), needsCfg) : build !== null ? { flags: [], source: settingSource(build.source), flagSources: [], flagSettings: [], origin: "build", needsCfg } : { flags: [], source: null, flagSources: [], flagSettings: [], origin: "none", needsCfg };
}
function effectiveRustdocflags(env, config, triple) {
  let set = flagsFromEnv(env, "RUSTDOCFLAGS");
  if (set !== null) return { flags: set.flags, source: { env: set.variable } };
  let list = [tripleRustflags(config, triple, "rustdocflags"), config.buildRustdocflags].find((l) => l !== null && l.items.length > 0);
  return list === void 0 ? { flags: [], source: null } : { flags: list.items.map((i) => i.value), source: settingSource(list.items[0].source) };
}
function flagsFromEnv(env, name) {
  let encoded = env[`CARGO_ENCODED_${name}`];
  if (encoded !== void 0) return { variable: `CARGO_ENCODED_${name}`, flags: encoded === "" ? [] : encoded.split("") };
  let plain = env[name];
  return plain !== void 0 ? { variable: name, flags: plain.split(" ").map((s) => s.trim()).filter((s) => s !== "") } : null;
}
function keyed(key, items) {
  return items.map((item) => ({ ...item, key: "env" in item.source ? item.source.env : key }));
}
function fromEnv(name, flags) {
  let source = { env: name }, setting = { key: name, source };
  return { flags, source, flagSources: flags.map(() => source), flagSettings: flags.map(() => setting), origin: name, needsCfg: !1 };
}
function fromConfig(origin, items, needsCfg) {
  let flagSources = items.map((i) => settingSource(i.source)), flagSettings = items.map((i) => ({ key: i.key, source: i.source }));
  return { flags: items.map((i) => i.value), source: flagSources[0] ?? null, flagSources, flagSettings, origin, needsCfg };
}
function isCfgKey(key) {
  return key.startsWith("cfg(") && key.endsWith(")");
}
function cfgKeyMatches(key, cfg) {
  try {
    return evalCfg(parseCfgExpr(key.slice(4, -1)), cfg);
  } catch (error) {
    if (error instanceof CfgSyntaxError) return !1;
    throw error;
  }
}
function withoutProcMacro(cfg) {
  if (!cfg.names.has("proc_macro")) return cfg;
  let names = new Set(cfg.names);
  return names.delete("proc_macro"), { names, values: cfg.values };
}
function compareUtf8(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
async function resolveRustflags(opts, probe) {
  let first = effectiveRustflags({ ...opts, cfg: null }), firstProbe = await probe(first.flags, first), second = effectiveRustflags({ ...opts, cfg: firstProbe.cfg });
  if (sameFlags(first.flags, second.flags)) return { ...second, probe: firstProbe, converged: !0 };
  let secondProbe = await probe(second.flags, second), third = effectiveRustflags({ ...opts, cfg: secondProbe.cfg });
  return { ...second, probe: secondProbe, converged: sameFlags(second.flags, third.flags) };
}
function sameFlags(a, b) {
  return a.length === b.length && a.every((flag, i) => flag === b[i]);
}

// src/manifest/edits.ts
function sourceFile(text, file) {
  try {
    return { file, lines: text.split(`
`).map((l) => l.replace(/\r$/, "")), doc: parseTomlDocument(text, file) };
  } catch {
    return null;
  }
}
function crateTypeEdits(text, file, types) {
  let src = sourceFile(text, file);
  if (src === null) return null;
  let lib = src.doc.value.lib;
  if (lib !== void 0 && (typeof lib != "object" || Array.isArray(lib))) return null;
  let key = lib === void 0 ? null : "crate-type" in lib ? "crate-type" : "crate_type" in lib ? "crate_type" : null;
  if (key !== null) {
    let existing = lib[key];
    if (!Array.isArray(existing) || existing.some((t) => typeof t != "string")) return null;
    let added = types.filter((t) => !existing.includes(t));
    if (existing.filter((t) => !types.includes(t)).length > 0) return null;
    if (added.length === 0) return [];
    let line = src.doc.lineOf(["lib", key]);
    return line === null ? null : appendToArray(src, line, added);
  }
  let entry = `crate-type = [${types.map((t) => `"${t}"`).join(", ")}]`, header2 = src.doc.lineOf(["lib"]);
  if (lib !== void 0)
    return header2 === null || !/^\s*\[\s*lib\s*\]\s*(?:#.*)?$/.test(src.lines[header2 - 1] ?? "") ? null : [{ file, line: header2, before: src.lines[header2 - 1], after: `${src.lines[header2 - 1]}
${entry}` }];
  let last = src.lines.length;
  for (; last > 1 && src.lines[last - 1].trim() === ""; ) last--;
  let before = src.lines[last - 1] ?? "";
  return [{ file, line: last, before, after: `${before}${before.trim() === "" ? "" : `
`}
[lib]
${entry}` }];
}
function appendToArray(src, line, values) {
  let span = arraySpan(src.lines, line);
  if (span === null) return null;
  let quoted = values.map((v) => `"${v}"`), text = src.lines[line - 1];
  if (span.endLine === line) {
    let inner = text.slice(span.openColumn + 1, span.closeColumn), trimmed = inner.replace(/\s+$/, ""), separator = trimmed.trim() === "" ? "" : trimmed.endsWith(",") ? " " : ", ", after = `${text.slice(0, span.openColumn + 1)}${trimmed}${separator}${quoted.join(", ")}${inner.slice(trimmed.length)}${text.slice(span.closeColumn)}`;
    return [{ file: src.file, line, before: text, after }];
  }
  let previous = span.endLine - 1;
  for (; previous > line && /^\s*(?:#.*)?$/.test(src.lines[previous - 1]); ) previous--;
  if (src.lines[span.endLine - 1].slice(0, span.closeColumn).trim() !== "" || previous === line) return null;
  let prevText = src.lines[previous - 1], indent = /^\s*/.exec(prevText)[0], withComma = endsWithComma(prevText) ? prevText : addComma(prevText);
  return withComma === null ? null : [{ file: src.file, line: previous, before: prevText, after: `${withComma}
${quoted.map((q2) => `${indent}${q2},`).join(`
`)}` }];
}
function arraySpan(lines, line) {
  let first = lines[line - 1], eq = first.indexOf("=");
  if (eq < 0) return null;
  let open = first.indexOf("[", eq);
  if (open < 0 || first.slice(eq + 1, open).trim() !== "") return null;
  let depth = 0;
  for (let l = line; l <= lines.length; l++) {
    let text = lines[l - 1];
    for (let c = l === line ? open : 0; c < text.length; c++) {
      let ch = text[c];
      if (ch === "#") break;
      if (ch === '"' || ch === "'") {
        let end = closingQuote(text, c);
        if (end < 0) return null;
        c = end;
      } else if (ch === "[") depth++;
      else if (ch === "]" && --depth === 0) return { openColumn: open, endLine: l, closeColumn: c };
    }
  }
  return null;
}
function closingQuote(text, start) {
  let quote = text[start];
  if (text.startsWith(quote.repeat(3), start)) return -1;
  for (let i = start + 1; i < text.length; i++)
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  return -1;
}
function endsWithComma(line) {
  return /,\s*$/.test(codeOf(line));
}
function addComma(line) {
  let end = codeOf(line).replace(/\s+$/, "").length;
  return end === 0 ? null : `${line.slice(0, end)},${line.slice(end)}`;
}
function codeOf(line) {
  for (let c = 0; c < line.length; c++) {
    if (line[c] === "#") return line.slice(0, c);
    if (line[c] === '"' || line[c] === "'") {
      let end = closingQuote(line, c);
      if (end < 0) return line;
      c = end;
    }
  }
  return line;
}
function settingEdit(text, file, line, key, value) {
  let before = sourceFile(text, file)?.lines[line - 1];
  if (before === void 0) return null;
  let keys = [key, key.replace(/-/g, "_")].map((k) => k.replace(/[-]/g, "\\-")), m = new RegExp(`^(\\s*(?:${keys.join("|")}|"(?:${keys.join("|")})")\\s*=\\s*)("[^"\\\\]*"|'[^']*'|true|false)(.*)$`).exec(before);
  if (m === null) return null;
  let written = typeof value == "boolean" ? String(value) : `"${value}"`;
  return { file, line, before, after: `${m[1]}${written}${m[3]}` };
}
function applyEdits(text, edits) {
  let crlf = /\r\n/.test(text), lines = text.split(`
`);
  for (let e of [...edits].sort((a, b) => b.line - a.line)) {
    let current = lines[e.line - 1];
    if (current === void 0 || current.replace(/\r$/, "") !== e.before) return null;
    let replaced = e.after.split(`
`).map((l) => crlf ? `${l}\r` : l);
    current.endsWith("\r") || (replaced[replaced.length - 1] = replaced[replaced.length - 1].replace(/\r$/, "")), lines.splice(e.line - 1, 1, ...replaced);
  }
  return lines.join(`
`);
}

// src/model/invocation.ts
function defaultInvocation(overrides = {}) {
  return {
    command: "build",
    packages: [],
    workspace: !1,
    exclude: [],
    targets: {
      lib: !1,
      bins: !1,
      bin: [],
      tests: !1,
      test: [],
      examples: !1,
      example: [],
      benches: !1,
      bench: [],
      allTargets: !1
    },
    doc: !1,
    noRun: !1,
    release: !1,
    profile: null,
    target: null,
    features: [],
    allFeatures: !1,
    noDefaultFeatures: !1,
    locked: !1,
    offline: !1,
    frozen: !1,
    ...overrides
  };
}
function needsDevDependencies(inv) {
  if (inv.command !== "build") return !0;
  let t = inv.targets;
  return t.allTargets || t.tests || t.examples || t.benches || t.test.length + t.example.length + t.bench.length > 0;
}
function selectsTargets(inv) {
  let t = inv.targets;
  return t.lib || t.bins || t.tests || t.examples || t.benches || t.allTargets || t.bin.length + t.test.length + t.example.length + t.bench.length > 0;
}
function splitFeatures(value) {
  return value.split(/[\s,]+/u).filter((feature) => feature !== "");
}
var RESERVED_PROFILE_NAMES = /* @__PURE__ */ new Set([
  "build-override",
  "build",
  "check",
  "clean",
  "config",
  "fetch",
  "fix",
  "install",
  "metadata",
  "package",
  "publish",
  "report",
  "root",
  "run",
  "rust",
  "rustc",
  "rustdoc",
  "target",
  "tmp",
  "uninstall"
]);
function checkProfileName(name, what) {
  if (name === "") throw new UserError(`${what} must not be empty`);
  let bad = Array.from(name).find((ch) => !/^[\p{Alphabetic}\p{N}_-]$/u.test(ch));
  if (bad !== void 0)
    throw new UserError(
      `${what}: invalid character \`${bad}\` in profile name \`${name}\`; allowed characters are letters, numbers, underscore, and hyphen`
    );
  if (name === "doc") throw new UserError(`${what}: profile \`doc\` is reserved and not allowed to be explicitly specified`);
  let lower = name.toLowerCase();
  if (lower === "debug")
    throw new UserError(`${what}: profile name \`${name}\` is reserved; the default development profile is \`dev\``);
  if (RESERVED_PROFILE_NAMES.has(lower) || lower.startsWith("cargo"))
    throw new UserError(`${what}: profile name \`${name}\` is reserved; please choose a different name`);
  return name;
}
function toCargoArgs(invocation) {
  let args = [], repeat = (flag, values) => {
    for (let value of values) args.push(flag, value);
  }, when = (flag, on) => {
    on && args.push(flag);
  }, { targets } = invocation;
  return repeat("--package", invocation.packages), when("--workspace", invocation.workspace), repeat("--exclude", invocation.exclude), when("--lib", targets.lib), when("--bins", targets.bins), repeat("--bin", targets.bin), when("--examples", targets.examples), repeat("--example", targets.example), when("--tests", targets.tests), repeat("--test", targets.test), when("--benches", targets.benches), repeat("--bench", targets.bench), when("--all-targets", targets.allTargets), when("--doc", invocation.doc), when("--no-run", invocation.noRun), invocation.features.length > 0 && args.push("--features", invocation.features.join(",")), when("--all-features", invocation.allFeatures), when("--no-default-features", invocation.noDefaultFeatures), when("--release", invocation.release), invocation.profile !== null && args.push("--profile", invocation.profile), invocation.target !== null && args.push("--target", invocation.target), when("--locked", invocation.locked), when("--offline", invocation.offline), when("--frozen", invocation.frozen), args;
}

// src/model/crate-type.ts
var CRATE_TYPES = ["bin", "lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];
function isLinkable(t) {
  return t === "lib" || t === "rlib" || t === "dylib" || t === "proc-macro";
}
function isDynamic(t) {
  return t === "dylib" || t === "cdylib" || t === "proc-macro";
}
function canLto(t) {
  return t === "bin" || t === "staticlib" || t === "cdylib";
}
function requiresUpstreamObjects(t) {
  return t !== "lib" && t !== "rlib";
}
function providesRlib(types) {
  return types.includes("lib") || types.includes("rlib");
}
function providesDylib(types) {
  return types.includes("dylib");
}
function isCrateType(s) {
  return s === "bin" || s === "lib" || s === "rlib" || s === "dylib" || s === "cdylib" || s === "staticlib" || s === "proc-macro";
}

// src/model/rustc-flags.ts
var SHORT_WITH_VALUE = /* @__PURE__ */ new Set(["L", "l", "o", "A", "W", "D", "F", "C", "Z"]), SHORT_FLAGS = /* @__PURE__ */ new Set(["h", "g", "O", "V", "v"]), LONG_WITH_VALUE = new Map([
  ...["cfg", "check-cfg", "crate-type", "crate-name", "edition", "emit", "print", "out-dir", "explain", "target", "force-warn", "cap-lints"].map((n) => [n, `--${n}`]),
  ...["extern", "sysroot", "error-format", "json", "color", "diagnostic-width", "remap-path-prefix", "remap-path-scope", "env-set"].map((n) => [n, `--${n}`]),
  ["allow", "-A"],
  ["warn", "-W"],
  ["deny", "-D"],
  ["forbid", "-F"],
  ["codegen", "-C"]
]), LONG_FLAGS = /* @__PURE__ */ new Map([
  ["help", "-h"],
  ["test", "--test"],
  ["version", "-V"],
  ["verbose", "-v"]
]);
function readRustflags(flags) {
  let out = [], free = !1;
  for (let i = 0; i < flags.length; i++) {
    let token = flags[i], start = i, add = (name, value, separateValue = !1) => {
      out.push({ token: start, name, value, separateValue, written: flags.slice(start, i + 1).join(" ") });
    }, withValue = (name, inline) => {
      if (inline !== null || i + 1 >= flags.length) return add(name, inline);
      i++, add(name, flags[i], !0);
    };
    if (token.startsWith("@")) add("@", token.slice(1));
    else if (free || token.length < 2 || !token.startsWith("-")) add("", token);
    else if (token === "--") free = !0;
    else if (token.startsWith("--")) {
      let eq = token.indexOf("="), name = eq < 0 ? token.slice(2) : token.slice(2, eq), inline = eq < 0 ? null : token.slice(eq + 1), short = Buffer.byteLength(name) === 1 ? name : null;
      short !== null && SHORT_WITH_VALUE.has(short) ? withValue(`-${short}`, inline) : short !== null && SHORT_FLAGS.has(short) ? add(`-${short}`, inline) : LONG_WITH_VALUE.has(name) ? withValue(LONG_WITH_VALUE.get(name), inline) : add(LONG_FLAGS.get(name) ?? `--${name}`, inline);
    } else {
      let letters = [...token.slice(1)];
      for (let j = 0; j < letters.length; j++) {
        let letter = letters[j];
        if (SHORT_WITH_VALUE.has(letter)) {
          let rest = letters.slice(j + 1).join("");
          withValue(`-${letter}`, rest === "" ? null : rest);
          break;
        }
        if (add(`-${letter}`, null), !SHORT_FLAGS.has(letter)) break;
      }
    }
  }
  return out;
}
function optionKey(value) {
  if (value === null) return "";
  let eq = value.indexOf("=");
  return (eq < 0 ? value : value.slice(0, eq)).replace(/_/g, "-");
}
function codegenOptions(flags, name) {
  return optionValues(flags, "-C", name);
}
function unstableOptions(flags, name) {
  return optionValues(flags, "-Z", name);
}
var readLists = /* @__PURE__ */ new WeakMap();
function optionValues(flags, option, name) {
  let out = [];
  if (flags.length === 0) return out;
  let options = readLists.get(flags);
  options === void 0 && readLists.set(flags, options = readRustflags(flags));
  for (let o of options) {
    if (o.name !== option || o.value === null || optionKey(o.value) !== name) continue;
    let eq = o.value.indexOf("=");
    out.push(eq < 0 ? "" : o.value.slice(eq + 1));
  }
  return out;
}
function targetFeatures(rustflags) {
  let out = [];
  for (let value of codegenOptions(rustflags, "target-feature")) out.push(...value.split(",").map((s) => s.trim()));
  return out;
}
function flagEnabled(values) {
  if (values.length === 0) return !1;
  let last = values[values.length - 1].toLowerCase();
  return last === "" || last === "y" || last === "yes" || last === "on" || last === "true";
}
var UNCHECKED_ABI_FLAGS = /^-(?:Ctarget-feature=|Ctarget-cpu=|Zrandomize-layout|Zlayout-seed=)/;
function abiFlags(rustflags) {
  let out = [];
  for (let i = 0; i < rustflags.length; i++) {
    let flag = rustflags[i];
    (flag === "-C" || flag === "-Z") && i + 1 < rustflags.length ? flag = `${flag}${rustflags[++i]}` : flag.startsWith("--codegen=") && (flag = `-C${flag.slice(10)}`), UNCHECKED_ABI_FLAGS.test(flag) && out.push(flag);
  }
  return out;
}

// src/model/platform.ts
function loaderFamily(info) {
  let family2 = families.get(info);
  return family2 === void 0 && families.set(info, family2 = familyOf(info)), family2;
}
var families = /* @__PURE__ */ new WeakMap();
function familyOf(info) {
  let has = (key, value) => cfgHas(info.cfg, key, value);
  return has("target_family", "wasm") ? "wasm" : has("target_os", "windows") ? has("target_abi", "llvm") ? "unmodelled" : "windows" : has("target_vendor", "apple") ? "darwin" : has("target_family", "unix") && !has("target_os", "aix") && !has("target_os", "cygwin") ? "elf" : "unmodelled";
}
function isLikeWindows(info) {
  return ["windows", "uefi", "cygwin"].some((os7) => cfgHas(info.cfg, "target_os", os7));
}
function isMingw(info) {
  return loaderFamily(info) === "windows" && cfgHas(info.cfg, "target_env", "gnu");
}
function dynamicUnwinderDll(info) {
  return isMingw(info) ? cfgHas(info.cfg, "target_arch", "x86") ? "libgcc_s_dw2-1.dll" : "libgcc_s_seh-1.dll" : null;
}
function libraryPathVariable(family2) {
  return family2 === "windows" ? "PATH" : family2 === "darwin" ? "DYLD_FALLBACK_LIBRARY_PATH" : "LD_LIBRARY_PATH";
}

// src/model/build-context.ts
function commandProfile(context, command) {
  return command === "build" ? context.profile : context.testProfile;
}

// src/model/target-info.ts
function stdOnDefaultLoaderPath(info) {
  return info.stdDylib === null || !cfgHas(info.cfg, "target_os", "linux") ? !1 : /^\/(usr\/)?lib(64)?(\/[a-z0-9_]+-linux-[a-z0-9_]+)?\/?$/.test(info.stdDylibDir ?? info.targetLibdir);
}

// src/model/compiler-behaviour.ts
function releaseAtLeast(release, major, minor) {
  let m = /^(\d+)\.(\d+)\./.exec(release);
  if (m === null) return !0;
  let [r, n] = [Number(m[1]), Number(m[2])];
  return r > major || r === major && n >= minor;
}
function compilerBehaviour(rustc, host) {
  return {
    loadsProcMacrosWithDynamicStd: !releaseAtLeast(rustc.release, 1, 83) || loaderFamily(host) === "windows" || stdOnDefaultLoaderPath(host),
    readsCdylibAsDylib: !releaseAtLeast(rustc.release, 1, 73)
  };
}

// src/model/metadata.ts
function memberPackages(metadata) {
  return metadata.workspaceMembers.map((id) => metadata.packages.get(id));
}

// src/model/target-roles.ts
function isProcMacro(target) {
  return target.crateTypes.includes("proc-macro");
}
function isForHost(target) {
  return target.kind === "custom-build" || isProcMacro(target);
}

// src/model/features.ts
function causeChain(features, cause) {
  let chain = [cause];
  for (let c = cause; c.origin.by === "feature"; ) {
    let { pkg, featuresFor, feature } = c.origin;
    if (c = features.featureCause(pkg.id, featuresFor, feature), c === null || chain.length > 256) break;
    chain.push(c);
  }
  return chain;
}
function procMacroDependencyByAnyTarget(release) {
  return !releaseAtLeast(release, 1, 80);
}
function metadataFeatures(metadata) {
  let sets = new Map([...metadata.packages.values()].map((p) => [p.id, new Set(p.features)]));
  return {
    activatedFeatures: (pkg) => sets.get(pkg) ?? EMPTY,
    isActivated: () => !0,
    isDepActivated: () => !0,
    featureCause: () => null,
    dependencyCause: () => null
  };
}
function featureValueText(fv) {
  return fv.kind === "feature" ? fv.feature : fv.kind === "dep" ? `dep:${fv.depName}` : `${fv.depName}${fv.weak ? "?" : ""}/${fv.depFeature}`;
}
function featureValue(text) {
  let slash = text.indexOf("/");
  if (slash >= 0) {
    let name = text.slice(0, slash), weak = name.endsWith("?");
    return { kind: "dep-feature", depName: weak ? name.slice(0, -1) : name, depFeature: text.slice(slash + 1), weak };
  }
  return text.startsWith("dep:") ? { kind: "dep", depName: text.slice(4) } : { kind: "feature", feature: text };
}
function declarationOf(edge, kind) {
  return kind.declared ?? { nameInToml: edge.externName, optional: !1, features: [], defaultFeatures: !0 };
}
function resolveFeatures(metadata, request) {
  let v2 = request.resolver === 2, opts = { decoupleHostDeps: v2, decoupleDevDeps: v2 && !request.hasDevUnits, ignoreInactiveTargets: v2 }, trackForHost = opts.decoupleHostDeps || opts.ignoreInactiveTargets, applied = (fk) => opts.decoupleHostDeps ? fk : "normal", roots = membersWithFeatures(metadata, request), withDevDependencies = new Set(roots.map(([member]) => member)), sides = /* @__PURE__ */ new Map(), sideOf = (pkg, fk) => {
    let both2 = sides.get(pkg);
    return both2 === void 0 && sides.set(pkg, both2 = { normal: newSide(), host: newSide() }), both2[fk];
  }, parsedFeatures = /* @__PURE__ */ new Map(), featureMapOf = (pkg) => {
    if (pkg.featureMap.size === 0) return NO_FEATURES;
    let map = parsedFeatures.get(pkg);
    return map === void 0 && parsedFeatures.set(pkg, map = new Map([...pkg.featureMap].map(([name, values]) => [name, values.map(featureValue)]))), map;
  }, tasks = [], deps2 = (pkg, fk) => {
    let side = sideOf(pkg, fk);
    if (side.deps !== null) return side.deps;
    let out = [];
    for (let edge of pkg.deps) {
      let dep = metadata.packages.get(edge.pkg);
      for (let kind of edge.kinds) {
        if (kind.platform !== null && opts.ignoreInactiveTargets && !platformActivated(kind, fk, request) || kind.kind === "dev" && (opts.decoupleDevDeps || !withDevDependencies.has(pkg))) continue;
        let procMacro = request.procMacroDependencyByAnyTarget ? hasAnyProcMacro(dep) : hasProcMacroLib(dep), depFk = fk !== "host" && trackForHost && (kind.kind === "build" || procMacro) ? "host" : fk, declared = declarationOf(edge, kind);
        out.push({ dep, declared, depFk, origin: { by: "dependency", pkg, nameInToml: declared.nameInToml } });
      }
    }
    return side.deps = out;
  }, featuresOf2 = (pkg, fk) => {
    let side = sideOf(pkg, applied(fk));
    return side.features ??= /* @__PURE__ */ new Map();
  }, activatePkg = (pkg, fk, fvs, origin) => {
    featuresOf2(pkg, fk);
    for (let fv of fvs) activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) });
    let side = sideOf(pkg, fk);
    if (!side.processed) {
      side.processed = !0;
      for (let { dep, declared, depFk, origin: declaration } of deps2(pkg, fk))
        declared.optional || tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
    }
  }, activateFv = (pkg, fk, fv, cause) => {
    fv.kind === "feature" ? activateRec(pkg, fk, fv.feature, cause) : fv.kind === "dep" ? activateDependency(pkg, fk, fv.depName, cause) : activateDepFeature(pkg, fk, fv.depName, fv.depFeature, fv.weak, cause);
  }, activateRec = (pkg, fk, feature, cause) => {
    let enabled = featuresOf2(pkg, fk);
    if (enabled.has(feature)) return;
    enabled.set(feature, cause);
    let fvs = featureMapOf(pkg).get(feature);
    if (fvs === void 0) return;
    let origin = { by: "feature", pkg, featuresFor: applied(fk), feature };
    for (let fv of fvs) tasks.push(() => activateFv(pkg, fk, fv, { origin, value: featureValueText(fv) }));
  }, activateDependency = (pkg, fk, depName, cause) => {
    let appliedSide = sideOf(pkg, applied(fk)), activated = appliedSide.dependencies ??= /* @__PURE__ */ new Map();
    activated.has(depName) || activated.set(depName, cause);
    let side = sideOf(pkg, fk), toEnable = side.deferredWeak?.get(depName);
    side.deferredWeak?.delete(depName);
    for (let { dep, declared, depFk, origin: declaration } of deps2(pkg, fk))
      if (declared.nameInToml === depName) {
        for (let [depFeature, weakCause] of toEnable ?? []) tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), weakCause));
        tasks.push(() => activatePkg(dep, depFk, fvsFromDependency(dep, declared, featureMapOf(dep)), declaration));
      }
  }, activateDepFeature = (pkg, fk, depName, depFeature, weak, cause) => {
    for (let { dep, declared, depFk } of deps2(pkg, fk))
      if (declared.nameInToml === depName) {
        if (declared.optional) {
          if (weak && sideOf(pkg, applied(fk)).dependencies?.has(depName) !== !0) {
            let side = sideOf(pkg, fk), deferred = side.deferredWeak ??= /* @__PURE__ */ new Map(), features = deferred.get(depName) ?? /* @__PURE__ */ new Map();
            features.has(depFeature) || features.set(depFeature, cause), deferred.set(depName, features);
            continue;
          }
          activateFv(pkg, fk, { kind: "dep", depName }, cause), !weak && pkg.featureMap.has(depName) && activateRec(pkg, fk, depName, cause);
        }
        tasks.push(() => activateFv(dep, depFk, featureValue(depFeature), cause));
      }
  };
  for (let [member, cli] of roots) {
    let fvs = fvsFromRequested(member, cli), origin = { by: "command-line", pkg: member };
    for (trackForHost && hasAnyProcMacro(member) && tasks.push(() => activatePkg(member, "host", fvs, origin)), tasks.push(() => activatePkg(member, "normal", fvs, origin)); tasks.length > 0; ) tasks.pop()();
  }
  let byId = (id, fk) => {
    let pkg = metadata.packages.get(id);
    return pkg === void 0 ? void 0 : sides.get(pkg)?.[applied(fk)];
  };
  return {
    activatedFeatures: (pkg, featuresFor) => byId(pkg, featuresFor)?.features ?? EMPTY,
    isActivated: (pkg, featuresFor) => (byId(pkg, featuresFor)?.features ?? null) !== null,
    isDepActivated: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.has(name) ?? !1,
    featureCause: (pkg, featuresFor, feature) => byId(pkg, featuresFor)?.features?.get(feature) ?? null,
    dependencyCause: (pkg, featuresFor, name) => byId(pkg, featuresFor)?.dependencies?.get(name) ?? null
  };
}
function newSide() {
  return { features: null, dependencies: null, processed: !1, deferredWeak: null, deps: null };
}
var EMPTY = /* @__PURE__ */ new Set();
function fvsFromDependency(dep, declared, featureMap) {
  let withDefault = declared.defaultFeatures && featureMap.has("default");
  if (declared.features.length === 0) return withDefault ? DEFAULT_ONLY : NONE2;
  let fvs = declared.features.map(featureValue);
  return withDefault && fvs.push(DEFAULT), fvs;
}
var DEFAULT = { kind: "feature", feature: "default" }, DEFAULT_ONLY = [DEFAULT], NONE2 = [], NO_FEATURES = /* @__PURE__ */ new Map();
function fvsFromRequested(member, cli) {
  let fvs = [...cli.features];
  if (cli.usesDefaultFeatures && member.featureMap.has("default") && fvs.push(DEFAULT), cli.allFeatures) for (let feature of member.featureMap.keys()) fvs.push({ kind: "feature", feature });
  return fvs;
}
function membersWithFeatures(metadata, request) {
  let members = memberPackages(metadata), selected = new Set(request.selected.map((p) => p.id)), requested = request.features.map(featureValue), usesDefaultFeatures = !request.noDefaultFeatures;
  if (allowsNewCliFeatureBehavior(request)) {
    let chosen = members.filter((m) => selected.has(m.id));
    return chosen.length === 0 ? members.map((m) => [m, { features: [], allFeatures: !1, usesDefaultFeatures: !0 }]) : chosen.map((m) => [m, { features: collectMatchingFeatures(m, requested), allFeatures: request.allFeatures, usesDefaultFeatures }]);
  }
  let { memberSpecific, cwdFeatures } = splitOldFeatures(members, request.current, request.selected, requested), out = [];
  for (let member of members)
    member === request.current ? out.push([member, { features: cwdFeatures, allFeatures: request.allFeatures, usesDefaultFeatures }]) : selected.has(member.id) && out.push([member, { features: memberSpecific.get(member.name) ?? [], allFeatures: request.allFeatures, usesDefaultFeatures: !0 }]);
  return out;
}
function splitOldFeatures(members, current, selected, requested) {
  let memberSpecific = /* @__PURE__ */ new Map(), cwdFeatures = [];
  for (let fv of requested) {
    if (fv.kind === "dep-feature" && members.some((m) => m !== current && m.name === fv.depName) && selected.some((p) => p.name === fv.depName)) {
      let list = memberSpecific.get(fv.depName) ?? [];
      list.push({ kind: "feature", feature: fv.depFeature }), memberSpecific.set(fv.depName, list);
      continue;
    }
    cwdFeatures.push(fv);
  }
  return { memberSpecific, cwdFeatures };
}
function collectMatchingFeatures(member, requested, found) {
  if (requested.length === 0) return [];
  let { names, optional } = declaredNames(member), hasFeature = (f) => member.featureMap.has(f) || optional.has(f), out = [];
  for (let fv of requested) {
    let matched = null;
    fv.kind === "feature" && hasFeature(fv.feature) ? matched = fv : fv.kind === "dep-feature" && (names.has(fv.depName) ? matched = fv : fv.depName === member.name && hasFeature(fv.depFeature) && (matched = { kind: "feature", feature: fv.depFeature })), matched !== null && (out.push(matched), found?.add(featureValueText(fv)));
  }
  return out;
}
function declaredNames(pkg) {
  let names = /* @__PURE__ */ new Set(), optional = /* @__PURE__ */ new Set(), add = (declared) => {
    names.add(declared.nameInToml), declared.optional && optional.add(declared.nameInToml);
  };
  for (let d of pkg.declarations) add(d.declared);
  for (let edge of pkg.deps) for (let kind of edge.kinds) add(declarationOf(edge, kind));
  return { names, optional };
}
function commandLineFeatures(resolver, current, invocation) {
  let { features, allFeatures, noDefaultFeatures } = invocation;
  return { resolver, current, features, allFeatures, noDefaultFeatures };
}
function allowsNewCliFeatureBehavior(cli) {
  return cli.resolver === 2 || cli.current === null;
}
function platformActivated(kind, fk, request) {
  let info = kind.kind === "build" || fk === "host" ? request.host : request.target;
  return platformMatches(kind.platform, info.triple, info.cfg);
}
function hasProcMacroLib(pkg) {
  return pkg.targets.some((t) => t.kind === "proc-macro");
}
function hasAnyProcMacro(pkg) {
  return pkg.targets.some(isProcMacro);
}

// src/model/edit-distance.ts
function editDistance(a, b, limit) {
  let long = Array.from(a.toLowerCase()), short = Array.from(b.toLowerCase());
  long.length < short.length && ([long, short] = [short, long]);
  let minDistance = long.length - short.length;
  if (minDistance > limit) return null;
  let start = 0;
  for (; start < short.length && long[start] === short[start]; ) start++;
  let endLong = long.length, endShort = short.length;
  for (; endShort > start && long[endLong - 1] === short[endShort - 1]; )
    endLong--, endShort--;
  let x = long.slice(start, endLong), y = short.slice(start, endShort);
  if (y.length === 0) return minDistance;
  let prevPrev = new Array(y.length + 1).fill(Number.MAX_SAFE_INTEGER), prev = Array.from({ length: y.length + 1 }, (_, j) => j), current = new Array(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      let substitution = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + substitution), i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] && (current[j] = Math.min(current[j], prevPrev[j - 2] + 1));
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  let distance = prev[y.length];
  return distance <= limit ? distance : null;
}
function closest(choice, candidates) {
  let best = null, bestDistance = 1 / 0;
  for (let candidate of candidates) {
    let distance = editDistance(choice, candidate, 3);
    distance !== null && distance < bestDistance && (best = candidate, bestDistance = distance);
  }
  return best;
}
function similarNameHelp(choice, candidates, kind) {
  let near = closest(choice, candidates);
  return near === null ? "" : `; help: a ${kind} with a similar name exists: \`${near}\``;
}

// src/model/glob.ts
function isGlob(name) {
  return /[*?[]/.test(name);
}
function globToRegExp(glob, what) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    let c = glob[i];
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      let end = glob.indexOf("]", i + 2);
      if (end < 0) throw new UserError(`invalid glob pattern \`${glob}\` in ${what}: unclosed \`[\``);
      let body = glob.slice(i + 1, end);
      re += `[${body.startsWith("!") ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`, i = end;
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`, "su");
  } catch {
    throw new UserError(`invalid glob pattern \`${glob}\` in ${what}`);
  }
}
function escapeClass(body) {
  return body.replace(/[\\\]^]/g, "\\$&");
}

// src/model/unit-dependencies.ts
function depsOfRoots(state, roots) {
  let out = [];
  for (let spec of roots) {
    let unit = depsOf(state, spec, !0);
    out.includes(unit) || out.push(unit);
  }
  return out;
}
function depsOf(state, spec, root) {
  let pending = [], visit = (s, isRoot) => {
    let count = state.units.length, unit2 = state.intern(s, isRoot);
    return state.units.length !== count && pending.push({ unit: unit2, needs: computeDeps(state, unit2, s.unitFor), next: 0 }), unit2;
  }, unit = visit(spec, root);
  for (; pending.length > 0; ) {
    let frame = pending[pending.length - 1], need = frame.needs[frame.next++];
    if (need === void 0) {
      pending.pop();
      continue;
    }
    let { crates, buildsAfter } = frame.unit, dep = visit(need, !1);
    need.link === null ? buildsAfter.push(dep) : need.link.edge === "own-lib" ? crates.unshift({ unit: dep, ...need.link }) : crates.push({ unit: dep, ...need.link });
  }
  return unit;
}
function computeDeps(state, unit, unitFor) {
  let { pkg, target, mode } = unit, needs = [];
  for (let { pkg: dep, edge, kinds, activatedBy } of deps(state, unit, unitFor)) {
    let lib = state.libOf(dep);
    if (!lib) continue;
    let first = kinds[0], named = loadedByRustc(state, unit, dep, lib, edge.externName);
    if (!lib.crateTypes.some(isLinkable)) {
      named && unit.unlinkable.push({ pkg: dep, externName: edge.externName, edge: first.kind, crateTypes: lib.crateTypes }), needs.push(newUnitDep(dep, lib, unit, unitFor, null));
      continue;
    }
    needs.push(newUnitDep(dep, lib, unit, unitFor, named ? { externName: edge.externName, edge: first.kind, platform: first.platform, activatedBy } : null));
  }
  if (target.kind === "custom-build") return needs;
  if (target.kind !== "lib" && target.kind !== "proc-macro" || mode === "doctest") {
    let lib = maybeLib(state, unit, unitFor);
    if (lib && needs.push(lib), (target.kind === "test" || target.kind === "bench") && mode === "test")
      for (let bin of pkg.targets)
        bin.kind !== "bin" || !featuresSatisfied(state, bin, pkg) || needs.push({ pkg, target: bin, mode: "build", kind: unit.kind, unitFor: { host: unitFor.host, hostFeatures: !1, test: !1 }, link: null });
  }
  let script = depBuildScript(unit, unitFor);
  return script && needs.push(script), needs;
}
function deps(state, unit, unitFor) {
  let { pkg, target, mode, kind } = unit, featuresFor = featuresForUnit(unitFor), info = state.infoFor(kind), isBuildScript = target.kind === "custom-build", includeDev = !isBuildScript && (target.kind === "test" || target.kind === "example" || target.kind === "bench" || mode !== "build"), out = [];
  for (let edge of pkg.deps) {
    let kinds = edge.kinds.filter((k) => (isBuildScript ? k.kind !== "build" : k.kind === "build") || k.kind === "dev" && !includeDev || k.platform !== null && !matchesPlatform(k.platform, info, pkg) ? !1 : !k.declared?.optional || state.features.isDepActivated(pkg.id, featuresFor, k.declared.nameInToml));
    if (kinds.length === 0) continue;
    let cause = kinds.every((k) => k.declared?.optional === !0) ? state.features.dependencyCause(pkg.id, featuresFor, kinds[0].declared.nameInToml) : null, activatedBy = cause === null ? null : causeChain(state.features, cause);
    out.push({ pkg: edge.pkg === pkg.id ? pkg : state.metadata.packages.get(edge.pkg), edge, kinds, activatedBy });
  }
  return out;
}
function maybeLib(state, unit, unitFor) {
  let { pkg } = unit, lib = state.libOf(pkg);
  if (!lib) return null;
  let libName = lib.name.replace(/-/g, "_"), named = loadedByRustc(state, unit, pkg, lib, libName);
  return lib.crateTypes.some(isLinkable) ? newUnitDep(pkg, lib, unit, unitFor, named ? { externName: libName, edge: "own-lib", platform: null, activatedBy: null } : null) : (named && unit.unlinkable.push({ pkg, externName: libName, edge: "own-lib", crateTypes: lib.crateTypes }), null);
}
function loadedByRustc(state, unit, libPkg, lib, externName) {
  if (!(lib.crateTypes.some((t) => t === "dylib" || t === "cdylib" || t === "staticlib") || reachesRustDylib(state, libPkg))) return !0;
  if (unit.docTests !== null) return unit.docTests.compiledNames === null || unit.docTests.compiledNames.includes(externName);
  let src = unit.target.srcPath, test = unit.mode === "test";
  return state.sourceUsesCrate(src, externName, test) || COMPANION_MACRO_SUFFIXES.some((suffix) => state.sourceUsesCrate(src, externName + suffix, test));
}
var COMPANION_MACRO_SUFFIXES = ["_derive", "_derives", "_macros", "_macro", "_attributes", "_impl", "_codegen"], dylibReachers = /* @__PURE__ */ new WeakMap();
function reachesRustDylib(state, pkg) {
  let reachers = dylibReachers.get(state.metadata);
  if (reachers === void 0) {
    reachers = /* @__PURE__ */ new Set();
    let queue = [...state.metadata.packages.values()].filter((p) => state.libOf(p)?.crateTypes.includes("dylib")), dependents = /* @__PURE__ */ new Map();
    for (let p of queue.length > 0 ? state.metadata.packages.values() : [])
      for (let edge of p.deps) {
        let dep = state.metadata.packages.get(edge.pkg);
        if (dep === void 0 || dep === p || !edge.kinds.some((k) => k.kind === "normal")) continue;
        let list = dependents.get(dep);
        list ? list.push(p) : dependents.set(dep, [p]);
      }
    for (let i = 0; i < queue.length; i++)
      for (let dependent of dependents.get(queue[i]) ?? [])
        reachers.has(dependent) || (reachers.add(dependent), queue.push(dependent));
    dylibReachers.set(state.metadata, reachers);
  }
  return reachers.has(pkg);
}
function depBuildScript(unit, unitFor) {
  let script = unit.pkg.targets.find((t) => t.kind === "custom-build");
  return script ? computeDepsCustomBuild(unit.pkg, script, unitFor) : null;
}
function computeDepsCustomBuild(pkg, script, unitFor) {
  return { pkg, target: script, mode: "build", kind: "host", unitFor: { host: !0, hostFeatures: unitFor.hostFeatures, test: !1 }, link: null };
}
function newUnitDep(pkg, lib, parent, unitFor, link) {
  let depFor = withDependency(unitFor, parent, lib);
  return { pkg, target: lib, mode: "build", kind: depFor.host ? "host" : parent.kind, unitFor: depFor, link };
}
function withDependency(unitFor, parent, dep) {
  return {
    host: unitFor.host || isForHost(parent.target) || isForHost(dep),
    hostFeatures: unitFor.hostFeatures || parent.target.kind === "custom-build" || isProcMacro(dep),
    test: unitFor.test || parent.mode === "test" || parent.mode === "doctest"
  };
}
function matchesPlatform(platform, info, pkg) {
  try {
    return platformMatches(platform, info.triple, info.cfg);
  } catch (e) {
    throw new UserError(`${pkg.manifestPath}: invalid platform \`${platform}\` in a dependency of \`${pkg.name}\`: ${e.message}`);
  }
}
function featuresForUnit(unitFor) {
  return unitFor.hostFeatures ? "host" : "normal";
}
function featuresSatisfied(state, target, pkg) {
  if (target.requiredFeatures.length === 0) return !0;
  let own = state.features.activatedFeatures(pkg.id, "normal");
  return target.requiredFeatures.every((f) => {
    if (own.has(f)) return !0;
    let fv = featureValue(f);
    return fv.kind !== "dep-feature" || fv.weak ? !1 : pkg.deps.some(
      (edge) => edge.kinds.some((k) => {
        if (declarationOf(edge, k).nameInToml !== fv.depName || k.kind === "dev" && !state.hasDevUnits || k.platform !== null && !state.platforms.some((info) => matchesPlatform(k.platform, info, pkg))) return !1;
        let dep = state.metadata.packages.get(edge.pkg), host = k.kind === "build" || hasProcMacroLib(dep);
        return state.features.activatedFeatures(dep.id, host ? "host" : "normal").has(fv.depFeature);
      })
    );
  });
}

// src/model/root-units.ts
function libTarget(pkg) {
  return pkg.targets.find((t) => t.kind === "lib" || t.kind === "proc-macro");
}
function defaultBenched(target) {
  return target.kind === "lib" || target.kind === "proc-macro" || target.kind === "bin" || target.kind === "bench";
}
function generateRootUnits(state, selected, invocation, selection, warnings) {
  let roots = [];
  for (let pkg of selected)
    for (let { target, mode, proposedForTest } of createProposals(state, pkg, invocation, selection, warnings)) {
      let procMacro = isProcMacro(target);
      if (procMacro && mode === "build" && target.crateTypes.length > 1) throw mixedProcMacro(pkg, target);
      if (!state.features.isActivated(pkg.id, procMacro ? "host" : "normal")) throw notActivated(pkg, procMacro ? target : null, selection.activationPanic);
      let unitFor = { host: procMacro, hostFeatures: procMacro, test: proposedForTest };
      roots.push({ pkg, target, mode, kind: procMacro ? "host" : "target", unitFor });
    }
  let t = invocation.targets;
  if (invocation.doc && roots.length === 0 || t.lib && !t.allTargets && !selected.some((p) => libTarget(p) !== void 0)) {
    let names = selected.map((p) => p.name);
    throw new UserError(names.length === 1 ? `no library targets found in package \`${names[0]}\`` : `no library targets found in packages: ${names.join(", ")}`);
  }
  return roots.length === 0 && selectsTargets(invocation) && warnings.push(unmatchedFilters(invocation)), roots;
}
function notActivated(pkg, procMacro, panic) {
  let why = procMacro === null ? "builds it only for a build script or proc-macro, for tests, or for another platform" : `builds it only for the target, and its ${procMacro.kind} \`${procMacro.name}\` is a proc-macro, built for the host`;
  return new UserError(
    `cargo cannot build \`${pkg.name}\` as a selected package here: feature resolver "2" ${why}, and cargo stops with an internal error ("${panic}"); select a package that depends on it instead`
  );
}
function mixedProcMacro(pkg, target) {
  let types = target.crateTypes.map((t) => `"${t}"`).join(", ");
  return new UserError(
    `${pkg.manifestPath}: ${target.kind} \`${target.name}\` of package \`${pkg.name}\` has \`crate-type = [${types}]\`, and rustc refuses to compile it: "cannot mix \`proc-macro\` crate type with others"`
  );
}
function unmatchedFilters(invocation) {
  let t = invocation.targets, missed = t.allTargets ? [] : ["bins", "tests", "examples", "benches"].filter((flag) => t[flag]), filters = t.allTargets ? " `all-targets`" : missed.map((flag) => ` \`${flag}\``).join(",");
  return `target ${missed.length > 1 ? "filters" : "filter"}${filters} specified, but no targets matched; this is a no-op`;
}
function createProposals(state, pkg, inv, selection, warnings) {
  let t = inv.targets, out = [], lib = libTarget(pkg), add = (target, mode2, named = !1) => {
    if (target !== lib && !featuresSatisfied(state, target, pkg)) {
      let features = target.requiredFeatures.map((f) => `\`${f}\``).join(", ");
      if (named)
        throw new UserError(
          `target \`${target.name}\` in package \`${pkg.name}\` requires the features: ${features}; enable them with \`--features="${target.requiredFeatures.join(" ")}"\``
        );
      warnings.push(`target \`${target.name}\` in package \`${pkg.name}\` is skipped: it requires the features ${features}`);
      return;
    }
    let as = (inv.command === "test" || inv.command === "bench" && selection.benchBuildsExamples) && mode2 === "test" && target.kind === "example" && !target.test && !selectsTargets(inv) ? "build" : mode2;
    out.some((s) => s.target === target && s.mode === as) || out.push({ target, mode: as, proposedForTest: mode2 !== "build" });
  }, of = (kind) => pkg.targets.filter((x) => x.kind === kind), addNamed = (patterns, kind, mode2) => {
    for (let pattern of patterns) for (let x of of(kind)) nameMatches(pattern, x.name) && add(x, mode2, !0);
  }, isBenched = (x) => x.kind !== "custom-build" && selection.benched(pkg, x);
  if (inv.doc)
    return lib && isDoctestable(lib) ? add(lib, "doctest") : lib && warnings.push(`doc tests are not supported for crate type(s) \`${lib.crateTypes.join(", ")}\` in package \`${pkg.name}\``), out;
  if (!selectsTargets(inv)) {
    if (inv.command === "build") {
      lib && add(lib, "build");
      for (let b of of("bin")) add(b, "build");
    } else if (inv.command === "bench")
      for (let x of pkg.targets) isBenched(x) && add(x, "test");
    else {
      lib && lib.test && add(lib, "test");
      for (let b of of("bin")) b.test && add(b, "test");
      for (let e of of("example")) add(e, "test");
      for (let x of of("test")) x.test && add(x, "test");
      for (let x of of("bench")) x.test && add(x, "test");
      lib && lib.doctest && isDoctestable(lib) && out.push({ target: lib, mode: "doctest", proposedForTest: !0 });
    }
    return out;
  }
  let mode = inv.command === "build" ? "build" : "test", all = t.allTargets;
  if ((t.lib || all) && lib && add(lib, mode), t.bins || all) for (let b of of("bin")) add(b, mode);
  if (addNamed(t.bin, "bin", mode), t.examples || all) for (let e of of("example")) add(e, mode);
  if (addNamed(t.example, "example", mode), t.tests || all) for (let x of pkg.targets) x.test && x.kind !== "custom-build" && add(x, "test");
  if (addNamed(t.test, "test", "test"), t.benches || all) for (let x of pkg.targets) isBenched(x) && add(x, "test");
  return addNamed(t.bench, "bench", "test"), out;
}
function nameMatches(pattern, name) {
  return isGlob(pattern) ? globToRegExp(pattern, "a target name").test(name) : pattern === name;
}
function isDoctestable(lib) {
  return lib.crateTypes.some((t) => t === "lib" || t === "rlib" || t === "proc-macro");
}
function checkNamedTargets(inv, selected) {
  let check2 = (patterns, kind) => {
    for (let pattern of patterns) {
      let ofKind = selected.flatMap((p) => p.targets.filter((t) => t.kind === kind).map((t) => t.name));
      if (ofKind.some((name) => nameMatches(pattern, name))) continue;
      let what = isGlob(pattern) ? `matches pattern \`${pattern}\`` : `named \`${pattern}\``, among = inv.workspace || inv.packages.length === 0 ? " in default-run packages" : inv.packages.length === 1 ? ` in \`${inv.packages[0]}\` package` : ` in \`${inv.packages[0]}\`, ... packages`, names = [...new Set(ofKind)].sort(), suggestion = similarNameHelp(pattern, names, "target"), available = names.map((name) => `\`${name}\``), help = suggestion !== "" ? suggestion : available.length > 0 ? `; help: available ${kind} targets: ${available.join(", ")}` : "";
      throw new UserError(`no ${kind} target ${what}${among}${help}`);
    }
  };
  check2(inv.targets.bin, "bin"), check2(inv.targets.example, "example"), check2(inv.targets.test, "test"), check2(inv.targets.bench, "bench");
}

// src/model/unit-graph.ts
var ANY_DOC_TESTS = { examples: "run", compiledNames: null, runNames: null }, NO_DOC_TESTS = { examples: "none", compiledNames: [], runNames: [] }, dependencyLists = /* @__PURE__ */ new WeakMap();
function dependenciesOf(unit) {
  let deps2 = dependencyLists.get(unit);
  return deps2 === void 0 && dependencyLists.set(unit, deps2 = [...unit.crates.map((c) => c.unit), ...unit.buildsAfter]), deps2;
}
var parentsByUnit = /* @__PURE__ */ new WeakMap();
function linkChain(from, to) {
  let previous = parentsByUnit.get(from);
  if (previous === void 0) {
    previous = /* @__PURE__ */ new Map([[from, null]]);
    let queue = [from];
    for (let i = 0; i < queue.length; i++)
      for (let dep of queue[i].crates)
        previous.has(dep.unit) || (previous.set(dep.unit, queue[i]), queue.push(dep.unit));
    parentsByUnit.set(from, previous);
  }
  if (!previous.has(to)) return [];
  let chain = [];
  for (let u = to; u !== null; u = previous.get(u) ?? null) chain.unshift(u);
  return chain;
}
function jobDependenciesOf(unit) {
  return dependenciesOf(unit).filter((dep) => dep.target.kind !== "test" && dep.target.kind !== "bin");
}
function buildUnitGraph(metadata, context, invocation, selected, options = {}) {
  let {
    sourceUsesCrate = () => !0,
    features = metadataFeatures(metadata),
    docTestsOf = () => ANY_DOC_TESTS,
    benched = (_pkg, target) => defaultBenched(target),
    harness = () => !0
  } = options, units = [], libs = /* @__PURE__ */ new Map(), warnings = [], profile = commandProfile(context, invocation.command), infoFor = (kind) => kind === "host" ? context.host : context.target;
  checkNamedTargets(invocation, selected);
  let release = context.rustc.release, selection = {
    benched,
    benchBuildsExamples: releaseAtLeast(release, 1, 89),
    activationPanic: releaseAtLeast(release, 1, 83) ? "did not find features for \u2026 within activated_features" : "activated_features for invalid package: features did not find \u2026"
  }, featureState = { metadata, features, hasDevUnits: needsDevDependencies(invocation), platforms: [context.target, context.host] }, rootSpecs = generateRootUnits(featureState, selected, invocation, selection, warnings), primary = new Set(rootSpecs.map((s) => s.pkg.id)), state = {
    ...featureState,
    units,
    infoFor,
    libOf: (pkg) => (libs.has(pkg) || libs.set(pkg, libTarget(pkg)), libs.get(pkg)),
    sourceUsesCrate,
    intern: unitInterner(units, infoFor, profile, primary, features, { docTestsOf: invocation.noRun ? () => NO_DOC_TESTS : docTestsOf, harness }, procMacroDependencyByAnyTarget(release), context.panicAbortTests === !0)
  }, roots = depsOfRoots(state, rootSpecs);
  return assignLto(roots, profile), { units, roots, warnings };
}
function unitInterner(units, infoFor, profile, primary, features, targets, hostOnlyProcMacroDependencies, panicAbortTests2) {
  let byKey = /* @__PURE__ */ new Map(), targetIds = /* @__PURE__ */ new Map(), featuresByPackage = /* @__PURE__ */ new Map();
  return ({ pkg, target, mode, kind, unitFor }, root) => {
    let panicForced = unitFor.host || isForHost(target) || !panicAbortTests2 && (unitFor.test || mode !== "build"), sides = featuresByPackage.get(pkg);
    if (sides === void 0 && featuresByPackage.set(pkg, sides = packageFeatures(features, pkg)), hostOnlyProcMacroDependencies && !root && !features.isActivated(pkg.id, unitFor.hostFeatures ? "host" : "normal")) throw resolvedForHostOnly(pkg);
    let featureSide = sides.differ && unitFor.hostFeatures ? 1 : 0, targetId = targetIds.get(target);
    targetId === void 0 && targetIds.set(target, targetId = targetIds.size);
    let unwindsInstead = panicForced && profile.panic !== "unwind", key = targetId * 32 + featureSide * 16 + MODE_KEY[mode] * 4 + (kind === "host" ? 2 : 0) + (unwindsInstead ? 1 : 0), existing = byKey.get(key);
    if (existing)
      return existing.root ||= root, existing;
    let info = infoFor(kind), requested = mode === "build" ? target.crateTypes : ["bin"], crateTypes = requested.filter((t) => info.supportedCrateTypes.has(t)), droppedCrateTypes = requested.filter((t) => !info.supportedCrateTypes.has(t)), rustflags = mode === "doctest" ? [] : info.rustflags, preferDynamic = null;
    isProcMacro(target) ? preferDynamic = "proc-macro" : mode === "build" && target.crateTypes.includes("dylib") && !primary.has(pkg.id) ? preferDynamic = "non-primary-dylib" : flagEnabled(codegenOptions(rustflags, "prefer-dynamic")) ? preferDynamic = "rustflags" : mode === "doctest" && flagEnabled(codegenOptions(info.rustdocflags, "prefer-dynamic")) && (preferDynamic = "rustdocflags");
    let { panic, panicSource } = panicOf(profile, unwindsInstead, rustflags), unit = {
      index: units.length,
      pkg,
      target,
      mode,
      kind,
      harness: mode === "test" && targets.harness(pkg, target),
      features: unitFor.hostFeatures ? sides.host : sides.normal,
      crateTypes,
      droppedCrateTypes,
      preferDynamic,
      panic,
      panicSource,
      lto: { kind: "object-and-bitcode" },
      // The profile's `-C rpath` comes before the rustflags, which can turn it on or off (`build_base_args`,
      // then `prepare_rustc`); `run_doc_tests` passes neither.
      rpath: mode !== "doctest" && flagEnabled([...profile.rpath ? [""] : [], ...codegenOptions(rustflags, "rpath")]),
      crtStatic: isProcMacro(target) ? !1 : info.crtStaticExecutables,
      rustflags,
      targetInfo: info,
      crates: [],
      unlinkable: [],
      buildsAfter: [],
      docTests: mode === "doctest" ? targets.docTestsOf(pkg, target) : null,
      root,
      primary: primary.has(pkg.id)
    };
    return units.push(unit), byKey.set(key, unit), unit;
  };
}
function packageFeatures(features, pkg) {
  let normal = Object.freeze([...features.activatedFeatures(pkg.id, "normal").keys()].sort()), host = Object.freeze([...features.activatedFeatures(pkg.id, "host").keys()].sort()), differ = normal.length !== host.length || normal.some((f, i) => f !== host[i]);
  return { normal, host: differ ? host : normal, differ };
}
var MODE_KEY = { build: 0, test: 1, doctest: 2 };
function panicOf(profile, forcedUnwind, rustflags) {
  let fromFlags = codegenOptions(rustflags, "panic"), last = fromFlags[fromFlags.length - 1];
  return last === "abort" || last === "unwind" ? { panic: last, panicSource: "rustflags" } : forcedUnwind ? { panic: "unwind", panicSource: "forced-unwind" } : { panic: profile.panic, panicSource: profile.sources.panic ? "profile" : "default" };
}
function resolvedForHostOnly(pkg) {
  return new UserError(
    `cargo before 1.80 cannot build \`${pkg.name}\` here: it takes a dependency with a proc-macro example for a proc-macro and resolves its features for the host only, so its library has none for the target, and cargo stops with an internal error ("activated_features for invalid package"); cargo 1.80 and later build it (rust-lang/cargo#13726)`
  );
}
function assignLto(roots, profile) {
  let assigned = /* @__PURE__ */ new Map(), requestedTypes = (u) => u.mode === "build" ? u.target.crateTypes : ["bin"], needsObject = (types) => types.some((t) => canLto(t) || isDynamic(t)), whenNeedsObject = (types) => types.every((t) => t === "dylib") ? { kind: "only-object" } : { kind: "object-and-bitcode" }, fromProfile = () => {
    switch (profile.lto) {
      case "false":
        return { kind: "only-object" };
      case "off":
        return { kind: "off" };
      case "true":
        return { kind: "run", value: null };
      default:
        return { kind: "run", value: profile.lto };
    }
  }, merge = (a, b) => a.kind === "run" ? a : b.kind === "run" ? b : a.kind === "off" || b.kind === "off" ? { kind: "off" } : a.kind === b.kind ? a : { kind: "object-and-bitcode" }, stack = [], calculate2 = (unit, parent) => {
    let types = requestedTypes(unit), lto;
    isForHost(unit.target) ? lto = { kind: "only-object" } : types.every(canLto) ? lto = fromProfile() : parent.kind === "run" ? lto = needsObject(types) ? whenNeedsObject(types) : { kind: "only-bitcode" } : parent.kind === "only-bitcode" && needsObject(types) ? lto = whenNeedsObject(types) : parent.kind === "off" ? lto = { kind: "off" } : lto = parent;
    let previous = assigned.get(unit), merged = previous ? merge(previous, lto) : lto;
    previous && previous.kind === merged.kind || (assigned.set(unit, merged), unit.lto = merged, stack.push({ deps: dependenciesOf(unit), lto: merged, next: 0 }));
  };
  for (let root of roots) {
    let types = requestedTypes(root), rootLto;
    for (profile.lto === "false" ? rootLto = { kind: "only-object" } : profile.lto === "off" ? rootLto = { kind: "off" } : isForHost(root.target) ? rootLto = { kind: "only-object" } : needsObject(types) ? rootLto = whenNeedsObject(types) : rootLto = { kind: "only-bitcode" }, calculate2(root, rootLto); stack.length > 0; ) {
      let frame = stack[stack.length - 1], dep = frame.deps[frame.next++];
      dep === void 0 ? stack.pop() : calculate2(dep, frame.lto);
    }
  }
}

// src/linkage/dependency-format.ts
function crateName(tcx, key) {
  return tcx.byKey ??= new Map(tcx.crates.map((c) => [c.key, c])), tcx.byKey.get(key)?.name ?? key;
}
function calculate(crateType, session, crates, injectedPanicRuntime) {
  let tcx = { session, crates, injectedPanicRuntime, errors: [], byKey: null }, { linkage, via } = calculateType(tcx, crateType);
  return verifyOk(tcx, linkage), { linkage, via, errors: tcx.errors };
}
function calculateType(tcx, ty) {
  let sess = tcx.session, nothing = () => ({ linkage: [], via: /* @__PURE__ */ new Map() }), preferredLinkage;
  switch (ty) {
    // Without `-C prefer-dynamic`, a dylib or cdylib links everything statically it can.
    case "dylib":
    case "cdylib":
      preferredLinkage = sess.preferDynamic ? "dynamic" : "static";
      break;
    case "staticlib":
      preferredLinkage = sess.staticlibPreferDynamic ? "dynamic" : "static";
      break;
    // An executable prefers static linkage unless `-C prefer-dynamic`, and always when crt-static.
    case "bin":
      preferredLinkage = !sess.preferDynamic || sess.crtStatic ? "static" : "dynamic";
      break;
    // rustc ignores `-C prefer-dynamic` for proc-macros.
    case "proc-macro":
      preferredLinkage = "static";
      break;
    // An rlib does not link.
    case "rlib":
      preferredLinkage = "not-linked";
      break;
  }
  switch (preferredLinkage) {
    case "not-linked":
      return nothing();
    case "static": {
      let linkage = attemptStatic(tcx);
      if (linkage !== null) return { linkage, via: /* @__PURE__ */ new Map() };
      if (ty === "staticlib" && !sess.staticlibAllowRdylibDeps || ty === "bin" && sess.crtStatic && !sess.crtStaticAllowsDylibs) {
        for (let c of tcx.crates)
          c.depKind === "macros-only" || c.rlib || tcx.errors.push({ kind: "rlib-required", crate: c.name });
        return nothing();
      }
      break;
    }
  }
  let formats = /* @__PURE__ */ new Map();
  for (let c of tcx.crates)
    if (!(c.depKind === "macros-only" || !c.dylib)) {
      addLibrary(tcx, c.key, { preference: "dynamic", via: null }, formats);
      for (let [dep, style] of c.dylibFormats ?? []) addLibrary(tcx, dep, { preference: style, via: c.key }, formats);
    }
  let ret = [], via = /* @__PURE__ */ new Map();
  for (let c of tcx.crates) {
    let f = formats.get(c.key);
    ret.push(f === void 0 ? "not-linked" : f.preference === "dynamic" ? "dynamic" : "included-from-dylib"), f?.via && via.set(c.key, f.via);
  }
  for (let [cnum, c] of tcx.crates.entries())
    !c.dylib && !formats.has(c.key) && c.depKind === "explicit" && (addLibrary(tcx, c.key, { preference: "static", via: null }, formats), ret[cnum] = "static");
  activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates);
  for (let [cnum, c] of tcx.crates.entries()) {
    let kind = ret[cnum];
    kind === "static" && !c.rlib && tcx.errors.push({ kind: "lib-required", crate: c.name, format: "rlib" }), kind === "dynamic" && !c.dylib && tcx.errors.push({ kind: "lib-required", crate: c.name, format: "dylib" });
  }
  return { linkage: ret, via };
}
function addLibrary(tcx, cnum, link, m) {
  let link2 = m.get(cnum);
  if (link2 === void 0) {
    m.set(cnum, link);
    return;
  }
  (link2.preference !== link.preference || link.preference === "static") && tcx.errors.push({ kind: "crate-dep-multiple", crate: crateName(tcx, cnum), existing: link2, incoming: link });
}
function attemptStatic(tcx) {
  if (!tcx.crates.every((c) => c.depKind === "macros-only" || c.rlib)) return null;
  let ret = tcx.crates.map((c) => c.depKind === "explicit" ? "static" : "not-linked");
  return activateInjectedDep(tcx.injectedPanicRuntime, ret, tcx.crates), ret;
}
function activateInjectedDep(injected, list, crates) {
  for (let cnum2 = 0; cnum2 < crates.length; cnum2++)
    if (crates[cnum2].isPanicRuntime && list[cnum2] !== "not-linked") return;
  if (injected === null) return;
  let cnum = crates.findIndex((c) => c.key === injected);
  if (cnum < 0) throw new Error(`the injected panic runtime \`${injected}\` is not in the crate graph`);
  list[cnum] = "static";
}
function verifyOk(tcx, list) {
  if (list.length === 0) return;
  let linked = (cnum) => list[cnum] !== "not-linked", panicRuntime = null;
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    let c = tcx.crates[cnum];
    !linked(cnum) || !c.isPanicRuntime || (panicRuntime !== null && tcx.errors.push({ kind: "two-panic-runtimes", first: panicRuntime.name, second: c.name }), panicRuntime = c);
  }
  if (panicRuntime === null) return;
  let desiredStrategy = tcx.session.panic;
  panicRuntime.requiredPanic !== desiredStrategy && tcx.errors.push({ kind: "bad-panic-strategy", runtime: panicRuntime.name, strategy: desiredStrategy });
  for (let cnum = 0; cnum < tcx.crates.length; cnum++) {
    let c = tcx.crates[cnum];
    linked(cnum) && (c === panicRuntime || c.name === "compiler_builtins" || c.requiredPanic !== null && c.requiredPanic !== desiredStrategy && tcx.errors.push({ kind: "required-panic-strategy", crate: c.name, found: c.requiredPanic, desired: desiredStrategy }));
  }
}
function recordedFormats(crates, result2) {
  let out = /* @__PURE__ */ new Map();
  return result2.linkage.forEach((l, cnum) => {
    (l === "static" || l === "dynamic") && out.set(crates[cnum].key, l);
  }), out;
}

// src/linkage/static-pie.ts
function staticPieWithRunPath(unit) {
  if (!unit.crtStatic || !unit.rpath) return null;
  let what = unit.target.kind === "custom-build" ? "build-script" : unit.mode === "test" ? "test-harness" : unit.mode === "build" && unit.crateTypes.includes("bin") ? "program" : null;
  if (what === null) return null;
  let cfg = unit.targetInfo.cfg.values;
  if (!(cfg.get("target_os")?.has("linux") && cfg.get("target_env")?.has("gnu") && cfg.get("target_arch")?.has("x86_64") && cfg.get("target_pointer_width")?.has("64"))) return null;
  let model = codegenOptions(unit.rustflags, "relocation-model").at(-1) ?? "default";
  return model === "default" || model === "pic" || model === "pie" ? what : null;
}

// src/linkage/resolve.ts
var SYSROOT_INTERNALS = ["core", "alloc", "compiler_builtins"];
function resolveLinkage(graph, compiler) {
  let byUnit = /* @__PURE__ */ new Map(), crateNames = /* @__PURE__ */ new Map();
  for (let name of ["std", ...SYSROOT_INTERNALS, "panic_unwind", "panic_abort", "test", "proc_macro"])
    crateNames.set(sysKey(name), { name, unit: null });
  let unbuildable = graph.units.filter((u) => u.crateTypes.length === 0), walks = newWalks(graph.units);
  for (let unit of topologicalOrder(graph))
    crateNames.set(unitKey(unit), { name: crateName2(unit), unit }), unbuildable.length === 0 ? byUnit.set(unit, resolveUnit(unit, byUnit, compiler, walks)) : unbuildable.includes(unit) ? byUnit.set(unit, refusedResult(unit)) : byUnit.set(unit, { ...emptyResult(unit, []), status: "blocked", blockedBy: unbuildable });
  return { results: graph.units.map((u) => byUnit.get(u)), byUnit, crateNames };
}
function unitKey(unit) {
  return `u${unit.index}`;
}
function unitOfKey(key, units) {
  return key.startsWith("u") ? units[Number(key.slice(1))] : void 0;
}
function sysKey(name) {
  return `sys:${name}`;
}
function crateName2(unit) {
  return unit.target.name.replace(/-/g, "_");
}
function topologicalOrder(graph) {
  let order = [], state = /* @__PURE__ */ new Map(), stack = [], enter = (unit) => {
    let s = state.get(unit);
    if (s !== "done") {
      if (s === "visiting") throw new Error(`dependency cycle through \`${unit.pkg.name}\` (${unit.target.kind} \`${unit.target.name}\`)`);
      state.set(unit, "visiting"), stack.push({ unit, deps: dependenciesOf(unit), next: 0 });
    }
  };
  for (let root of graph.units)
    for (enter(root); stack.length > 0; ) {
      let frame = stack[stack.length - 1], dep = frame.deps[frame.next++];
      if (dep !== void 0) {
        enter(dep);
        continue;
      }
      stack.pop(), state.set(frame.unit, "done"), order.push(frame.unit);
    }
  return order;
}
function resolveUnit(unit, done, compiler, walks) {
  let blockedBy = jobDependenciesOf(unit).filter((d) => done.get(d).status !== "ok" || staticPieWithRunPath(d) === "build-script");
  if (unit.docTests?.examples === "none" && blockedBy.length === 0) return emptyResult(unit, []);
  let links = unit.crateTypes.some(requiresUpstreamObjects), crates = links && blockedBy.length === 0 ? crateGraph(unit, done, compiler, walks) : [], base2 = emptyResult(unit, crates);
  if (blockedBy.length > 0)
    return { ...base2, status: "blocked", blockedBy: [...new Set(blockedBy)] };
  let phases = [
    () => windowsLinkerPluginLto(unit) ? [{ kind: "lto", crateType: null, gate: "linker-plugin-windows" }] : [],
    () => ltoRequested(unit) && embedBitcodeOff(unit) ? [{ kind: "embed-bitcode-lto" }] : [],
    () => panicAbortTestRefused(unit) ? [{ kind: "panic-abort-test" }] : [],
    () => [
      ...unit.unlinkable.map((dep) => ({ kind: "unlinkable-dependency", dep })),
      ...compiler.loadsProcMacrosWithDynamicStd ? [] : unloadableProcMacros(unit, done)
    ]
  ];
  for (let phase of phases) {
    let problems2 = phase();
    if (problems2.length > 0) return { ...base2, status: "error", problems: problems2, droppedCrateTypes: unit.droppedCrateTypes };
  }
  let session = {
    preferDynamic: unit.preferDynamic !== null,
    crtStatic: unit.crtStatic,
    crtStaticAllowsDylibs: unit.targetInfo.crtStaticAllowsDylibs ?? !1,
    panic: unit.panic,
    staticlibPreferDynamic: flagEnabled(unstableOptions(unit.rustflags, "staticlib-prefer-dynamic")),
    staticlibAllowRdylibDeps: flagEnabled(unstableOptions(unit.rustflags, "staticlib-allow-rdylib-deps"))
  }, injected = links ? sysKey(unit.panic === "abort" ? "panic_abort" : "panic_unwind") : null, artifacts = [], problems = [], dylibFormats = null;
  for (let crateType of unit.crateTypes) {
    if (crateType === "lib" || crateType === "rlib") {
      artifacts.push({ crateType, formats: null });
      continue;
    }
    let formats = calculate(crateType, session, crates, injected);
    artifacts.push({ crateType, formats });
    for (let error of formats.errors) problems.push({ kind: "dependency-format", crateType, error });
    crateType === "dylib" && (dylibFormats = recordedFormats(crates, formats));
  }
  return problems.length === 0 && problems.push(...ltoGate(unit)), {
    ...base2,
    status: problems.length > 0 ? "error" : "ok",
    problems,
    droppedCrateTypes: unit.droppedCrateTypes,
    artifacts,
    runtimeLibraries: runtimeLibraries(unit, crates, artifacts, done, walks.units),
    dylibFormats
  };
}
function panicAbortTestRefused(unit) {
  return !unit.harness || unit.panic !== "abort" || unit.panicSource === "profile" || flagEnabled(unstableOptions(unit.rustflags, "panic-abort-tests")) ? !1 : !cfgHas(unit.targetInfo.cfg, "target_family", "wasm");
}
function refusedResult(unit) {
  let problem = { kind: "unsupported-crate-types", dropped: unit.droppedCrateTypes, allDropped: !0 };
  return { ...emptyResult(unit, []), status: "error", problems: [problem], droppedCrateTypes: unit.droppedCrateTypes };
}
function emptyResult(unit, crates) {
  return {
    unit,
    status: "ok",
    blockedBy: [],
    problems: [],
    droppedCrateTypes: [],
    artifacts: [],
    crates,
    runtimeLibraries: [],
    dylibFormats: null
  };
}
var stdNodes = /* @__PURE__ */ new WeakMap();
function newWalks(units) {
  return { units, nodes: new Array(units.length), loads: new Array(units.length), loaded: new Uint32Array(units.length), walk: 0, graph: [], stack: [], transitive: [] };
}
function loadsOf(walks, unit) {
  let loads = walks.loads[unit.index];
  return loads === void 0 && (walks.loads[unit.index] = loads = Int32Array.from(unit.crates, (c) => c.unit.index)), loads;
}
function crateGraph(unit, done, compiler, walks) {
  let info = unit.targetInfo, shape = `${unit.harness ? "test" : "build"}${unit.crateTypes.includes("proc-macro") ? "+proc-macro" : ""}`, perTarget = stdNodes.get(info);
  perTarget || stdNodes.set(info, perTarget = /* @__PURE__ */ new Map());
  let std = perTarget.get(shape);
  std || perTarget.set(shape, std = stdCrates(unit));
  let walk = ++walks.walk, { units, loaded, nodes, graph, stack, transitive } = walks, length = 0;
  for (let c of std) graph[length++] = c;
  let own = loadsOf(walks, unit);
  for (let i = own.length - 1; i >= 0; i--)
    stack.push(own[i]), transitive.push(!1);
  for (; stack.length > 0; ) {
    let index = stack.pop(), throughAnother = transitive.pop();
    if (loaded[index] === walk) continue;
    loaded[index] = walk;
    let dep = units[index], macrosOnly = dep.target.kind === "proc-macro", node = nodes[index];
    if (node || (node = {
      key: unitKey(dep),
      name: crateName2(dep),
      rlib: providesRlib(dep.crateTypes),
      dylib: providesDylib(dep.crateTypes),
      depKind: macrosOnly ? "macros-only" : "explicit",
      isPanicRuntime: !1,
      requiredPanic: dep.panic === "abort" ? "abort" : null,
      dylibFormats: done.get(dep)?.dylibFormats ?? null
    }, nodes[index] = node), graph[length++] = throughAnother && readsCdylibAsDylib(dep, compiler) ? cdylibAsDylibNode(dep, node) : node, macrosOnly) continue;
    let next = loadsOf(walks, dep);
    for (let i = next.length - 1; i >= 0; i--)
      loaded[next[i]] !== walk && (stack.push(next[i]), transitive.push(!0));
  }
  return graph.slice(0, length);
}
function readsCdylibAsDylib(dep, compiler) {
  return compiler.readsCdylibAsDylib && dep.crateTypes.includes("cdylib") && providesRlib(dep.crateTypes) && !providesDylib(dep.crateTypes);
}
var cdylibNodes = /* @__PURE__ */ new WeakMap();
function cdylibAsDylibNode(dep, node) {
  let fake = cdylibNodes.get(dep);
  return fake || cdylibNodes.set(dep, fake = { ...node, dylib: !0, dylibFormats: /* @__PURE__ */ new Map() }), fake;
}
function stdCrates(unit) {
  let info = unit.targetInfo, std = [], sys = (name, extra = {}) => ({
    key: sysKey(name),
    name,
    rlib: !0,
    dylib: !1,
    depKind: "explicit",
    isPanicRuntime: !1,
    requiredPanic: null,
    dylibFormats: null,
    ...extra
  }), internals = [...SYSROOT_INTERNALS.map((n) => sys(n)), sys("panic_unwind", { depKind: "implicit", isPanicRuntime: !0, requiredPanic: "unwind" })], stdFormats = null;
  return info.stdDylib !== null && (stdFormats = new Map(internals.map((c) => [c.key, "static"]))), std.push(sys("std", { dylib: info.stdDylib !== null, dylibFormats: stdFormats }), ...internals), std.push(sys("panic_abort", { depKind: "implicit", isPanicRuntime: !0, requiredPanic: "abort" })), unit.harness && std.push(sys("test")), unit.crateTypes.includes("proc-macro") && std.push(sys("proc_macro")), std;
}
function unloadableProcMacros(unit, done) {
  let problems = [];
  for (let dep of unit.crates) {
    if (dep.unit.target.kind !== "proc-macro" || dep.unit.rpath) continue;
    let result2 = done.get(dep.unit), std = dep.unit.targetInfo.stdDylib, libraries = result2.runtimeLibraries.filter((l) => l !== std);
    libraries.length > 0 && problems.push({ kind: "proc-macro-unloadable", procMacro: dep.unit, libraries });
  }
  return problems;
}
function runtimeLibraries(unit, crates, artifacts, done, units) {
  let out = /* @__PURE__ */ new Set(), std = sysKey("std");
  for (let key of dynamicCrates({ crates, artifacts })) {
    if (key === std) {
      unit.targetInfo.stdDylib && out.add(unit.targetInfo.stdDylib);
      continue;
    }
    let dep = unitOfKey(key, units);
    if (dep) {
      out.add(dylibFileName(dep));
      for (let lib of done.get(dep)?.runtimeLibraries ?? []) out.add(lib);
    }
  }
  return [...out].sort();
}
function dynamicCrates({ crates, artifacts }) {
  let keys = [];
  for (let a of artifacts) {
    let linkage = a.formats?.linkage ?? [];
    for (let cnum = 0; cnum < linkage.length; cnum++)
      linkage[cnum] === "dynamic" && !keys.includes(crates[cnum].key) && keys.push(crates[cnum].key);
  }
  return keys;
}
function linksAs(result2, key, how) {
  let cnum = result2.crates.findIndex((c) => c.key === key);
  return cnum >= 0 && result2.artifacts.some((a) => a.formats?.linkage[cnum] === how);
}
function dylibFileName(unit) {
  let pattern = unit.targetInfo.fileNames.dylib ?? "lib___.so", name = crateName2(unit) + (unit.pkg.source === null ? "" : "-<hash>");
  return pattern.replace("___", name);
}
function cargoLtoOption(lto) {
  switch (lto.kind) {
    case "run":
      return ["lto", lto.value ?? ""];
    case "off":
      return ["lto", "off"];
    case "only-bitcode":
      return ["linker-plugin-lto", ""];
    case "only-object":
      return ["embed-bitcode", "no"];
    case "object-and-bitcode":
      return null;
  }
}
var OFF = /* @__PURE__ */ new Set(["no", "n", "off", "false"]);
function ltoCodegenOption(unit, name) {
  let values = codegenOptions(unit.rustflags, name);
  if (values.length > 0) return values[values.length - 1];
  let cargo = cargoLtoOption(unit.lto);
  return cargo !== null && cargo[0] === name ? cargo[1] : void 0;
}
function effectiveLto(unit) {
  let last = ltoCodegenOption(unit, "lto");
  return last === void 0 || OFF.has(last) ? null : last === "thin" ? "thin" : "fat";
}
function ltoRequested(unit) {
  return effectiveLto(unit) !== null;
}
function embedBitcodeOff(unit) {
  let last = ltoCodegenOption(unit, "embed-bitcode");
  return last !== void 0 && OFF.has(last);
}
function windowsLinkerPluginLto(unit) {
  if (unit.preferDynamic === null || !isLikeWindows(unit.targetInfo)) return !1;
  let last = ltoCodegenOption(unit, "linker-plugin-lto");
  return last !== void 0 && !OFF.has(last.toLowerCase());
}
function ltoGate(unit) {
  if (effectiveLto(unit) === null) return [];
  let types = unit.crateTypes;
  if (types.every((t) => t === "lib" || t === "rlib")) return [];
  for (let t of types) {
    if (t === "lib" || t === "rlib") return [{ kind: "lto", crateType: "rlib", gate: "mixed" }];
    if (t === "dylib") return [{ kind: "lto", crateType: "dylib", gate: "dylib" }];
    if (t === "proc-macro") return [{ kind: "lto", crateType: "proc-macro", gate: "proc-macro" }];
  }
  return unit.preferDynamic !== null ? [{ kind: "lto", crateType: null, gate: "prefer-dynamic" }] : [];
}

// src/fixes/candidates.ts
function candidatesFor(input) {
  let { finding: finding2, result: result2 } = input;
  if (result2 === null) return [];
  switch (finding2.rule) {
    case "duplicate-linkage":
      return duplicateCandidates(input, result2);
    case "rlib-required":
      return addRlib(input, finding2.crates.map((c) => unitNamed(result2, input.linkage, c)));
    case "no-linkable-lib":
      return addRlib(input, result2.problems.flatMap((p) => p.kind === "unlinkable-dependency" ? [p.dep] : []));
    case "proc-macro-dylib":
      return addRlib(input, result2.problems.flatMap((p) => p.kind === "proc-macro-unloadable" ? dylibsOf(p.procMacro, input.linkage) : []));
    case "unsupported-crate-type":
      return result2.unit.target.kind === "lib" ? addRlib(input, [result2.unit]) : [];
    case "panic-strategy":
      return panicCandidates(result2.unit);
    case "lto-conflict":
      return ltoCandidates(result2);
    case "static-pie-rpath":
      return [profileCandidate(result2.unit, { setting: "rpath", value: !1 }, "Set `rpath = false` in the profile: a statically linked executable loads no Rust shared library.")];
    default:
      return [];
  }
}
function duplicateCandidates(input, result2) {
  let { finding: finding2, linkage, model } = input, unit = result2.unit, errors = result2.problems.flatMap(
    (p) => p.kind === "dependency-format" && p.crateType === finding2.crateType && p.error.kind === "crate-dep-multiple" ? [p.error] : []
  ), containing = /* @__PURE__ */ new Set();
  for (let e of errors)
    for (let origin of [e.existing, e.incoming]) {
      let via = origin.via === null ? null : linkage.crateNames.get(origin.via)?.unit ?? null;
      via !== null && origin.preference === "static" && containing.add(via);
    }
  let out = addRlib(input, [...containing]), selected = model.invocation.packages;
  unit.kind === "target" && !(selected.length === 1 && selected[0] === unit.pkg.name) && out.push({
    title: `Build only the package you ship: \`cargo ${model.invocation.command} -p ${unit.pkg.name}\` (its dylib dependencies are then built with \`-C prefer-dynamic\`).`,
    kind: "command",
    changes: [{ kind: "select", packages: [unit.pkg.name] }]
  });
  let excluded = [...containing].filter((u) => u.pkg.source === null && u !== unit).map((u) => u.pkg.name);
  excluded.length > 0 && selected.length === 0 && out.push({
    title: `Leave ${listCrates(excluded)} out of the workspace build: \`--workspace ${excluded.map((n) => `--exclude ${n}`).join(" ")}\`.`,
    kind: "command",
    changes: [{ kind: "exclude", packages: excluded }]
  });
  for (let feature of commandLineFeatures2(finding2, model))
    out.push({
      title: `Build without \`--features ${feature}\`: it is what turns on the dylib. Enable it only where it is meant for, e.g. \`cargo run --features ${feature}\` during development.`,
      kind: "command",
      changes: [{ kind: "drop-feature", feature }]
    });
  return finding2.crates.includes("std") && !flagEnabled(codegenOptions(unit.rustflags, "prefer-dynamic")) && out.push({
    title: 'Build everything with `RUSTFLAGS="-C prefer-dynamic"`: every dylib then links `std` dynamically and shares `libstd` with the executable.',
    kind: "flag",
    changes: [{ kind: "add-prefer-dynamic" }]
  }), out;
}
function commandLineFeatures2(finding2, model) {
  let asked = new Set(model.invocation.features), out = /* @__PURE__ */ new Set();
  for (let path26 of finding2.inclusion ?? [])
    for (let step2 of path26.features ?? []) {
      let request = step2.by === "command-line" ? step2.name : step2.commandLine?.replace(/^--features\s+/, "") ?? null;
      request !== null && asked.has(request) && out.add(request);
    }
  return [...out];
}
function addRlib(input, units) {
  let packages = [...new Set(units.filter((u) => u !== null).map((u) => u.pkg))].filter(
    (pkg) => pkg.source === null && input.model.metadata.packages.has(pkg.id)
  ), changes = [];
  for (let pkg of packages) {
    let lib = pkg.targets.find((t) => t.kind === "lib");
    !lib || providesRlib(lib.crateTypes) || changes.push({ kind: "crate-types", pkg, types: [...lib.crateTypes, "rlib"] });
  }
  return changes.length === 0 ? [] : [{ title: rlibTitle(changes.map((c) => c.kind === "crate-types" ? c.pkg.name : "")), kind: "manifest-edit", changes }];
}
function rlibTitle(names) {
  return `Add \`"rlib"\` to \`crate-type\` of ${listCrates(names)}: Rust dependents then link ${names.length === 1 ? "it" : "them"} statically, and the dylib is still built.`;
}
function panicCandidates(unit) {
  return unit.panic !== "abort" ? [] : unit.panicSource === "rustflags" ? [{ title: "Drop `-C panic=abort` from rustflags for this build.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "panic" }] }] : [profileCandidate(unit, { setting: "panic", value: "unwind" }, 'Set `panic = "unwind"` in the profile: `libstd` and Rust dylibs are always built with unwinding.')];
}
function ltoCandidates(result2) {
  let unit = result2.unit, out = [];
  for (let p of result2.problems)
    p.kind === "lto" && (p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows") && (unit.preferDynamic === "rustflags" && out.push({ title: "Drop `-C prefer-dynamic` from rustflags for LTO builds.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "prefer-dynamic" }] }), (unit.lto.kind === "run" || unit.lto.kind === "only-bitcode") && out.push(profileCandidate(unit, { setting: "lto", value: "false" }, "Set `lto = false` in the profile of builds that link dynamically."))), (p.kind === "lto" && p.gate !== "linker-plugin-windows" && unit.lto.kind !== "run" || p.kind === "embed-bitcode-lto") && out.push({ title: "Drop `-C lto` from rustflags; `lto = true` in the profile applies LTO only where rustc allows it.", kind: "flag", changes: [{ kind: "drop-codegen-option", option: "lto" }] });
  return out;
}
function profileCandidate(unit, change, title) {
  return { title, kind: "manifest-edit", changes: [{ kind: "profile", profile: unit.mode === "build" ? "build" : "test", change }] };
}
function unitNamed(result2, linkage, name) {
  let node = result2.crates.find((c) => c.name === name);
  return node === void 0 ? null : linkage.crateNames.get(node.key)?.unit ?? null;
}
function dylibsOf(procMacro, linkage) {
  return (linkage.byUnit.get(procMacro)?.crates ?? []).map((c) => linkage.crateNames.get(c.key)?.unit ?? null).filter((u) => u !== null && u.crateTypes.includes("dylib") && crateName2(u) !== crateName2(procMacro));
}

// src/fixes/changes.ts
function changesKey(changes) {
  return JSON.stringify(changes.map((c) => c.kind === "crate-types" ? { ...c, pkg: c.pkg.id } : c));
}
function applyChanges(model, changes) {
  return changes.reduce(applyChange, model);
}
function applyChange(model, change) {
  let { metadata, context, invocation } = model;
  switch (change.kind) {
    case "crate-types": {
      let pkg = metadata.packages.get(change.pkg.id);
      if (!pkg) return model;
      let targets = pkg.targets.map((t) => t.kind === "lib" ? { ...t, crateTypes: [...change.types] } : t), packages = new Map(metadata.packages);
      return packages.set(pkg.id, { ...pkg, targets }), { ...model, metadata: { ...metadata, packages } };
    }
    case "select":
      return { ...model, invocation: { ...invocation, packages: [...change.packages], workspace: !1, exclude: [] } };
    case "exclude":
      return { ...model, invocation: { ...invocation, packages: [], workspace: !0, exclude: [...invocation.exclude, ...change.packages] } };
    case "drop-feature":
      return { ...model, invocation: { ...invocation, features: invocation.features.filter((f) => f !== change.feature) } };
    case "add-prefer-dynamic":
      return { ...model, context: withRustflags(context, (flags) => [...flags, "-C", "prefer-dynamic"]) };
    case "drop-codegen-option":
      return { ...model, context: withRustflags(context, (flags) => withoutCodegenOption(flags, change.option)) };
    case "profile": {
      let { setting, value } = change.change, edited = context[change.profile === "build" ? "profile" : "testProfile"], same = (p) => p === edited || sameSource(p.sources[setting], edited.sources[setting]), set = (p) => same(p) ? { ...p, [setting]: value } : p;
      return { ...model, context: { ...context, profile: set(context.profile), testProfile: set(context.testProfile) } };
    }
  }
}
function sameSource(a, b) {
  return a === void 0 || b === void 0 ? !1 : "file" in a ? "file" in b && a.file === b.file && a.line === b.line : "env" in b && a.env === b.env;
}
function withRustflags(context, edit) {
  let info = (t) => ({ ...t, rustflags: edit(t.rustflags) }), target = info(context.target);
  return { ...context, target, host: context.host === context.target ? target : info(context.host) };
}
function withoutCodegenOption(flags, option) {
  let options = readRustflags(flags), dropped = /* @__PURE__ */ new Set();
  for (let o of options)
    o.name !== "-C" || optionKey(o.value) !== option || options.some((other2) => other2 !== o && other2.token === o.token) || (dropped.add(o.token), o.separateValue && dropped.add(o.token + 1));
  return flags.filter((_, i) => !dropped.has(i));
}

// src/fixes/verify.ts
var MAX_REANALYSES = 12, MAX_REANALYSED_UNITS = 4e3, MAX_VERIFIED_UNITS = 4e3, MAX_WIDENINGS = 3;
function withVerifiedFixes(input) {
  let { analysis } = input, errors = new Set(analysis.findings.filter((f) => f.severity === "error").map((f) => f.fingerprint));
  if (errors.size === 0) return { findings: analysis.findings, note: null };
  let units = input.linkage.results.length, tooLarge = units > MAX_VERIFIED_UNITS, note = tooLarge ? `Fixes are not verified: the invocation builds ${units} units, and the engine analyses an invocation again with a fix applied only up to ${MAX_VERIFIED_UNITS} units. Select fewer packages (\`-p\`) to get verified fixes.` : null, outcomes = /* @__PURE__ */ new Map(), analysed = (changes) => {
    let key = changesKey(changes);
    if (!outcomes.has(key)) {
      if (tooLarge || outcomes.size >= MAX_REANALYSES || (outcomes.size + 1) * units > MAX_REANALYSED_UNITS) return null;
      outcomes.set(key, reanalysedOrRefused(input, changes));
    }
    return outcomes.get(key);
  }, own = /* @__PURE__ */ new Map(), byArtifact = /* @__PURE__ */ new Map(), results = resultsByArtifact(input.linkage);
  for (let finding2 of analysis.findings) {
    if (finding2.severity !== "error") continue;
    let candidates = candidatesFor({ finding: finding2, result: resultOf(finding2, results), linkage: input.linkage, model: input.model });
    own.set(finding2, candidates);
    let key = artifactKey(finding2);
    key !== null && byArtifact.set(key, [...byArtifact.get(key) ?? [], ...candidates]);
  }
  return { findings: analysis.findings.map((finding2) => {
    let mine = own.get(finding2);
    if (mine === void 0) return finding2;
    let key = artifactKey(finding2), candidates = distinctChanges([...mine, ...key === null ? [] : byArtifact.get(key) ?? []]);
    if (candidates.length === 0) return finding2;
    let verified = [], unverified = [];
    for (let first of candidates) {
      if (first.kind === "manifest-edit" && input.readText === null) {
        mine.includes(first) && unverified.push(adviceFix(first.title));
        continue;
      }
      let candidate = first, after = analysed(candidate.changes);
      for (let round = 0; round < MAX_WIDENINGS && after !== null && after !== "refused" && !repairs(finding2, after.analysis, errors); round++) {
        let wider = widened(candidate, after, errors, input.model);
        if (wider === null) break;
        candidate = wider, after = analysed(candidate.changes);
      }
      if (after === "refused") continue;
      let edits = candidate.kind === "manifest-edit" ? editsFor(candidate, input) : [];
      after === null || edits === null ? mine.includes(first) && unverified.push(adviceFix(candidate.title)) : repairs(finding2, after.analysis, errors) && verified.push({ fix: fixOf(candidate, edits, input.model), cost: costOf(candidate, edits) });
    }
    return verified.sort((a, b) => a.cost - b.cost), { ...finding2, fixes: [...verified.map((v) => v.fix), ...unverified, ...finding2.fixes] };
  }), note };
}
function reanalysedOrRefused(input, changes) {
  try {
    return input.reanalyse(applyChanges(input.model, changes));
  } catch (e) {
    if (e instanceof UserError) return "refused";
    throw e;
  }
}
function widened(candidate, after, errorsBefore, model) {
  if (!candidate.changes.every((c) => c.kind === "crate-types")) return null;
  let changed = applyChanges(model, candidate.changes), results = resultsByArtifact(after.linkage), extra = [];
  for (let finding2 of after.analysis.findings) {
    if (finding2.severity !== "error" || errorsBefore.has(finding2.fingerprint)) continue;
    let more = candidatesFor({ finding: finding2, result: resultOf(finding2, results), linkage: after.linkage, model: changed }).find((c) => c.changes.every((x) => x.kind === "crate-types"));
    for (let change of more?.changes ?? []) {
      if (change.kind !== "crate-types") continue;
      [...candidate.changes, ...extra].some((c) => c.kind === "crate-types" && c.pkg.id === change.pkg.id) || extra.push(change);
    }
  }
  if (extra.length === 0) return null;
  let changes = [...candidate.changes, ...extra], names = changes.map((c) => c.kind === "crate-types" ? c.pkg.name : "");
  return { ...candidate, changes, title: rlibTitle(names) };
}
function repairs(finding2, after, errorsBefore) {
  for (let f of after.findings)
    if (f.fingerprint === finding2.fingerprint || f.severity === "error" && !errorsBefore.has(f.fingerprint)) return !1;
  let artifact = findingArtifact(finding2);
  if (artifact === null) return !0;
  let same = (a) => a.package === artifact.package && a.target === artifact.target && a.kind === artifact.kind && a.mode === artifact.mode && a.platform === artifact.platform, rows = after.artifacts.filter(same);
  return rows.length > 0 && rows.every((a) => a.status === "ok");
}
function distinctChanges(candidates) {
  let seen = /* @__PURE__ */ new Set();
  return candidates.filter((c) => {
    let key = changesKey(c.changes);
    return !seen.has(key) && !!seen.add(key);
  });
}
function artifactKey(finding2) {
  let a = findingArtifact(finding2);
  return a === null ? null : [a.package, a.target, a.kind, a.mode, a.platform].join("\0");
}
function resultOf(finding2, results) {
  let key = artifactKey(finding2);
  return key === null ? null : results.get(key) ?? null;
}
function resultsByArtifact(linkage) {
  let out = /* @__PURE__ */ new Map();
  for (let r of linkage.results) {
    if (r.status === "blocked") continue;
    let u = r.unit, key = [u.pkg.name, u.target.name, u.target.kind, u.mode, u.kind].join("\0");
    out.has(key) || out.set(key, r);
  }
  return out;
}
function editsFor(candidate, input) {
  let read = input.readText;
  if (read === null) return null;
  let root = input.model.metadata.workspaceRoot, edits = [];
  for (let change of candidate.changes) {
    let made = null;
    if (change.kind === "crate-types") {
      let file = relativePosix(root, change.pkg.manifestPath), text = file === null ? null : read(change.pkg.manifestPath);
      made = text === null ? null : crateTypeEdits(text, file, change.types);
    } else if (change.kind === "profile") {
      let source = (change.profile === "build" ? input.model.context.profile : input.model.context.testProfile).sources[change.change.setting];
      if (source && "file" in source) {
        let absolute = resolveFrom(root, source.file), file = relativePosix(root, absolute), text = file === null ? null : read(absolute), value = change.change.setting === "lto" ? !1 : change.change.value, edit = text === null ? null : settingEdit(text, file, source.line, change.change.setting, value);
        made = edit === null ? null : [edit];
      }
    }
    if (made === null) return null;
    edits.push(...made);
  }
  return edits;
}
function fixOf(candidate, edits, model) {
  let fix = { title: candidate.title, kind: candidate.kind, verified: !0 };
  if (candidate.kind === "manifest-edit" && (fix.edits = edits), candidate.kind === "command") {
    let next = applyChanges(model, candidate.changes).invocation;
    fix.command = ["cargo", next.command, ...toCargoArgs(next)];
  }
  return fix;
}
function costOf(candidate, edits) {
  return candidate.kind === "manifest-edit" ? edits.length : candidate.kind === "command" ? 1.5 : 3;
}

// src/findings/order.ts
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareText(a.rule, b.rule) || compareText(a.package ?? "", b.package ?? "") || compareText(a.target ?? "", b.target ?? "") || compareText(a.kind ?? "", b.kind ?? "") || compareText(a.mode ?? "", b.mode ?? "") || compareText(a.crateType ?? "", b.crateType ?? "") || compareText(a.platform ?? "", b.platform ?? "") || compareText(a.message, b.message);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/linkage/boundaries.ts
function rustAbiBoundaries(graph, linkage) {
  let known = boundariesOf.get(linkage);
  if (known) return known;
  let out = [];
  for (let unit of graph.units)
    isProcMacro(unit.target) || (unit.crateTypes.includes("dylib") ? out.push({ unit, kind: "rust-dylib" }) : unit.preferDynamic === "rustflags" ? out.push({ unit, kind: "prefer-dynamic" }) : (linkage.byUnit.get(unit)?.runtimeLibraries.length ?? 0) > 0 && out.push({ unit, kind: "links-dynamically" }));
  return boundariesOf.set(linkage, out), out;
}
var boundariesOf = /* @__PURE__ */ new WeakMap(), LOADER_CRATES = ["libloading", "dlopen2", "dlopen", "abi_stable", "stabby"], CHECKED_LOADERS = /* @__PURE__ */ new Set(["abi_stable", "stabby"]), FOREIGN_HOST_CRATES = /* @__PURE__ */ new Set(["pyo3", "napi", "neon", "jni", "wasm-bindgen", "uniffi", "cpython", "rustler", "magnus", "rutie"]);
function pluginSystem(graph, metadata, loadsLibraries) {
  let members = new Set(metadata.workspaceMembers), hosts = graph.units.filter((u) => u.mode === "build" && u.kind === "target" && u.target.kind === "bin" && members.has(u.pkg.id)).map((unit) => ({ unit, loaders: loadersOf(unit.pkg, metadata) })).filter((h) => h.loaders.length > 0 || loadsLibraries(h.unit.pkg));
  if (hosts.length === 0) return null;
  let linkedByOthers = /* @__PURE__ */ new Set();
  for (let unit of graph.units) for (let dep of unit.crates) dep.unit.pkg.id !== unit.pkg.id && linkedByOthers.add(dep.unit.pkg.id);
  let loadable = graph.units.filter((u) => u.mode === "build" && u.kind === "target" && members.has(u.pkg.id) && !linkedByOthers.has(u.pkg.id)), plugins = loadable.filter((u) => u.crateTypes.includes("cdylib") && !servesForeignHost(u.pkg, metadata)), dylibs = loadable.filter((u) => u.crateTypes.includes("dylib") && !plugins.includes(u));
  return { hosts, plugins, dylibs };
}
function meantForOtherProjects(pkg) {
  if (pkg.publish === !1) return !1;
  if (Array.isArray(pkg.publish)) return !0;
  let set = (v) => v !== null && v !== "";
  return set(pkg.description) && (set(pkg.license) || set(pkg.licenseFile));
}
function loadersOf(pkg, metadata) {
  let names = new Set(dependencyNames(pkg, metadata, !0));
  return LOADER_CRATES.filter((name) => names.has(name));
}
function servesForeignHost(pkg, metadata) {
  return dependencyNames(pkg, metadata, !1).some((name) => FOREIGN_HOST_CRATES.has(name));
}
function dependencyNames(pkg, metadata, normalOnly) {
  return pkg.deps.filter((d) => !normalOnly || d.kinds.some((k) => k.kind === "normal")).flatMap((d) => metadata.packages.get(d.pkg)?.name ?? []);
}

// src/model/facts.ts
function noFacts() {
  return { pin: null, expectedToolchain: null, targetSource: null, globalAllocators: () => [], loadsLibraries: () => !1, exportedSymbols: () => [] };
}

// src/model/feature-refusals.ts
function checkCommandLineFeatures(metadata, selected, cli) {
  if (!allowsNewCliFeatureBehavior(cli)) return refuseMissingDependencies(metadata, selected, cli);
  if (selected.length === 0) {
    if (cli.features.length > 0 || cli.allFeatures || cli.noDefaultFeatures) throw new UserError("cannot specify features for packages outside of workspace");
    return;
  }
  if (cli.features.length === 0) return;
  let requested = uniqueFeatureValues(cli.features), found = /* @__PURE__ */ new Set();
  for (let member of selected) collectMatchingFeatures(member, requested, found);
  let unknown = requested.map(featureValueText).filter((text) => !found.has(text)).sort();
  if (unknown.length === 0) return;
  let these = unknown.length === 1 ? "this feature" : "these features", lines = [
    selected.length === 1 ? `the package '${selected[0].name}' does not contain ${these}: ${unknown.join(", ")}` : `none of the selected packages contains ${these}: ${unknown.join(", ")}`
  ];
  selected.length !== 1 && lines.push(`selected packages: ${selected.map((m) => m.name).join(", ")}`);
  let others = memberPackages(metadata).filter((m) => !selected.includes(m) && unknown.some((f) => m.featureMap.has(f))).map((m) => m.name);
  if (others.length > 0)
    lines.push(`help: package${others.length !== 1 ? "s" : ""} with the missing feature${unknown.length !== 1 ? "s" : ""}: ${others.join(", ")}`);
  else {
    let suggestions = spellingSuggestions(selected, requested.filter((fv) => !found.has(featureValueText(fv))), requested);
    suggestions.length > 0 && lines.push(`help: there ${suggestions.length === 1 ? "is a similarly named feature" : "are similarly named features"}: ${suggestions.join(", ")}`);
  }
  throw new UserError(lines.join("; "));
}
function uniqueFeatureValues(features) {
  let byText = /* @__PURE__ */ new Map();
  for (let text of features) {
    let fv = featureValue(text);
    byText.set(featureValueText(fv), fv);
  }
  return [...byText.values()];
}
function spellingSuggestions(selected, unknown, requested) {
  let near = (a, b) => editDistance(a, b, 3) !== null, declarationFeatures = /* @__PURE__ */ new Map();
  for (let member of selected)
    for (let d of member.declarations) declarationFeatures.set(d.declared.nameInToml, d.declared.features);
  let optionalOf = new Map(selected.map((member) => [member, declaredNames(member).optional])), out = /* @__PURE__ */ new Set();
  for (let fv of unknown)
    if (fv.kind === "feature")
      for (let member of selected) {
        for (let feature of member.featureMap.keys()) near(feature, fv.feature) && out.add(feature);
        for (let name of optionalOf.get(member)) near(name, fv.feature) && out.add(name);
      }
    else if (fv.kind === "dep-feature") {
      for (let [name, features] of declarationFeatures)
        if (near(name, fv.depName)) for (let feature of features) near(feature, fv.depFeature) && out.add(`${name}/${feature}`);
      for (let member of selected)
        if (near(member.name, fv.depName)) {
          for (let name of optionalOf.get(member)) near(name, fv.depName) && out.add(`${member.name}/${name}`);
          for (let feature of member.featureMap.keys()) near(feature, fv.depFeature) && out.add(`${member.name}/${feature}`);
        }
    }
  let asked = new Set(requested.map(featureValueText));
  return [...out].filter((s) => !asked.has(s)).sort().slice(0, 5);
}
function refuseMissingDependencies(metadata, selected, cli) {
  let current = cli.current;
  if (current === null || cli.features.length === 0) return;
  let members = memberPackages(metadata), { cwdFeatures } = splitOldFeatures(members, current, selected, cli.features.map(featureValue)), names = declaredNames(current).names, missing = cwdFeatures.find((fv) => fv.kind === "dep-feature" && !names.has(fv.depName));
  if (missing?.kind !== "dep-feature") return;
  let id = `${current.name} v${current.version}${current.source === null ? ` (${pathModuleFor(current.manifestPath).dirname(current.manifestPath)})` : ""}`;
  throw new UserError(`package \`${id}\` does not have a dependency named \`${missing.depName}\``);
}

// src/model/selection.ts
var import_node_path3 = __module("node:path");
function packageIdSpecs(metadata, invocation, currentManifest, cargoRelease = null) {
  cargoRelease !== null && !releaseAtLeast(cargoRelease, 1, 74) && refusePartialVersions([...invocation.packages, ...invocation.exclude]);
  for (let spec of [...invocation.packages, ...invocation.exclude])
    if (!isGlob(spec) && parseSpec(spec).name === "") throw new UserError("package name cannot be empty");
  let members = memberPackages(metadata), warnings = [], idsOf = (packages) => packages.map((p) => p.id), specs;
  if (invocation.exclude.length > 0 && !invocation.workspace)
    throw new UserError("`--exclude` can only be used together with `--workspace`");
  if (invocation.workspace && invocation.exclude.length > 0) {
    let { unmatchedIds, unmatchedPatterns, matched } = matchMembers(members, invocation.exclude);
    unmatchedIds.length > 0 && warnings.push(notFound(metadata, "excluded package(s)", unmatchedIds)), unmatchedPatterns.length > 0 && warnings.push(notFound(metadata, "excluded package pattern(s)", unmatchedPatterns)), specs = idsOf(members.filter((p) => !matched.has(p)));
  } else if (invocation.workspace) {
    let { unmatchedIds, unmatchedPatterns } = matchMembers(members, invocation.packages);
    if (unmatchedIds.length > 0) throw new UserError(notFound(metadata, "package(s)", unmatchedIds));
    if (unmatchedPatterns.length > 0) throw new UserError(notFound(metadata, "package pattern(s)", unmatchedPatterns));
    specs = idsOf(members);
  } else if (invocation.packages.length > 0) {
    let { matched, unmatchedPatterns } = matchMembers(members, invocation.packages.filter(isGlob));
    if (unmatchedPatterns.length > 0) throw new UserError(notFound(metadata, "package pattern(s)", unmatchedPatterns));
    specs = [...invocation.packages.filter((spec) => !isGlob(spec)), ...idsOf([...matched])];
  } else
    specs = idsOf(defaultMembers(metadata, currentManifest));
  if (specs.length === 0)
    throw new UserError(
      rootPackage(metadata) === null ? `manifest path \`${metadata.workspaceRoot}\` contains no package: The manifest is virtual, and the workspace has no members.` : "no packages to compile"
    );
  let ids = new Set(specs), others = specs.filter((spec) => !metadata.packages.has(spec));
  return { specs, members: members.filter((m) => ids.has(m.id) || others.some((spec) => specMatches(spec, m))), warnings };
}
function selectPackages(metadata, invocation, currentManifest, options = {}) {
  let { checkFeatures = () => {
  }, cargoRelease = null } = options, specs = packageIdSpecs(metadata, invocation, currentManifest, cargoRelease);
  checkFeatures(specs.members);
  let all = [...metadata.packages.values()], chosen = /* @__PURE__ */ new Map();
  for (let spec of specs.specs) {
    let exact = metadata.packages.get(spec), matched = exact !== void 0 ? [exact] : all.filter((p) => specMatches(spec, p));
    if (matched.length === 0) throw new UserError(`package ID specification \`${spec}\` did not match any packages${noMatchHelp(spec, all)}`);
    if (matched.length > 1) throw new UserError(ambiguous(spec, matched, cargoRelease));
    chosen.set(matched[0].id, matched[0]);
  }
  let packages = sortById([...chosen.values()]);
  if (invocation.command !== "build") {
    let isMember = new Set(metadata.workspaceMembers), untestable = packages.find((p) => !isMember.has(p.id) && p.declarations.some((d) => d.kind === "dev"));
    if (untestable !== void 0)
      throw new UserError(`package \`${untestable.name}\` cannot be tested because it requires dev-dependencies and is not a member of the workspace`);
  }
  return { packages, warnings: specs.warnings };
}
function noMatchHelp(spec, all) {
  let { name, version, url } = parseSpec(spec), similar = (spec2) => {
    let matched = all.filter((p) => specMatches(spec2, p));
    return matched.length === 0 ? "" : `; help: there are similar package ID specifications: ${minimalSpecs(name, matched)}`;
  }, help = url !== null ? similar(version === null ? name : `${name}@${version}`) : "";
  return help === "" && version !== null && isWholeVersion(version) && (help = similar(name)), help !== "" ? help : similarNameHelp(name, new Set(all.map((p) => p.name)), "package");
}
function minimalSpecs(name, packages) {
  let count = (version) => packages.filter((p) => p.version === version).length;
  return packages.map((p) => count(p.version) === 1 ? `${name}@${p.version}` : p.id).join(", ");
}
function refusePartialVersions(specs) {
  for (let spec of specs) {
    if (isGlob(spec)) continue;
    let { version } = parseSpec(spec);
    if (version !== null && !isWholeVersion(version))
      throw new UserError(`cannot parse '${version}' as a semver`);
  }
}
function matchMembers(members, specs) {
  let matched = /* @__PURE__ */ new Set(), unmatchedIds = [], unmatchedPatterns = [];
  for (let spec of specs) {
    let named = members.filter((p) => specMatches(spec, p));
    named.length === 0 && (isGlob(spec) ? unmatchedPatterns : unmatchedIds).push(spec);
    for (let p of named) matched.add(p);
  }
  return { matched, unmatchedIds: [...new Set(unmatchedIds)].sort(), unmatchedPatterns };
}
function notFound(metadata, what, names) {
  return `${what} \`${names.join(", ")}\` not found in workspace \`${metadata.workspaceRoot}\``;
}
function globMatches(pattern, pkg) {
  return globToRegExp(pattern, "a package specification").test(pkg.name);
}
function defaultMembers(metadata, currentManifest) {
  let rootManifest = import_node_path3.default.join(import_node_path3.default.resolve(metadata.workspaceRoot), "Cargo.toml");
  if (import_node_path3.default.resolve(currentManifest) !== rootManifest) {
    let own = currentPackage(metadata, currentManifest);
    if (own) return [own];
  }
  if (metadata.workspaceDefaultMembers !== null)
    return metadata.workspaceDefaultMembers.map((id) => metadata.packages.get(id));
  let root = rootPackage(metadata);
  return root ? [root] : memberPackages(metadata);
}
function currentPackage(metadata, currentManifest) {
  let current = import_node_path3.default.resolve(currentManifest);
  return memberPackages(metadata).find((p) => import_node_path3.default.resolve(p.manifestPath) === current) ?? null;
}
function rootPackage(metadata) {
  return currentPackage(metadata, import_node_path3.default.join(metadata.workspaceRoot, "Cargo.toml"));
}
function sortById(packages) {
  return packages.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function ambiguous(spec, matched, release) {
  let name = parseSpec(spec).name, list = minimalSpecs(name, matched);
  return release !== null && !releaseAtLeast(release, 1, 95) ? `There are multiple \`${name}\` packages in your project, and the specification \`${spec}\` is ambiguous. Please re-run this command with one of the following specifications: ${list}` : `${release !== null && !releaseAtLeast(release, 1, 96) ? "specificationm" : "specification"} \`${spec}\` is ambiguous; help: re-run this command with one of the following specifications: ${list}`;
}
function specMatches(spec, pkg) {
  if (spec === pkg.id) return !0;
  if (isGlob(spec)) return globMatches(spec, pkg);
  let { name, version, url } = parseSpec(spec);
  return name !== pkg.name || url !== null && stripScheme(url) !== stripScheme(sourceUrl(pkg)) ? !1 : version === null || partialVersionMatches(version, pkg.version);
}
function parseSpec(spec) {
  let hash = spec.indexOf("#");
  if (hash >= 0) {
    let fragment = spec.slice(hash + 1), url = spec.slice(0, hash), at = fragment.indexOf("@");
    return at >= 0 ? { name: fragment.slice(0, at), version: fragment.slice(at + 1), url } : /^\d/.test(fragment) ? { name: url.replace(/\/+$/, "").split("/").pop() ?? "", version: fragment, url } : { name: fragment, version: null, url };
  }
  if (spec.includes("://")) return { name: spec.replace(/\?.*$/, "").split("/").pop(), version: null, url: spec };
  let m = /^([^@:]+)[@:](.+)$/.exec(spec);
  return m ? { name: m[1], version: m[2], url: null } : { name: spec, version: null, url: null };
}
function stripScheme(url) {
  return url.replace(/^(registry|sparse|path|git)\+/, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
}
function sourceUrl(pkg) {
  return pkg.source !== null ? pkg.source : `file://${import_node_path3.default.dirname(pkg.manifestPath)}`;
}
function partialVersionMatches(spec, version) {
  let want = parsePartialVersion(spec), have = parsePartialVersion(version);
  return !want || !have ? spec === version : have.pre !== void 0 && want.pre === void 0 ? !1 : want.major === have.major && (want.minor === void 0 || want.minor === have.minor) && (want.patch === void 0 || want.patch === have.patch) && (want.pre === void 0 || want.pre === have.pre) && (want.build === void 0 || want.build === have.build);
}
function parsePartialVersion(version) {
  let m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version.trim());
  return m ? { major: m[1], minor: m[2], patch: m[3], pre: m[4], build: m[5] } : null;
}
function isWholeVersion(version) {
  let v = parsePartialVersion(version);
  return v !== null && v.minor !== void 0 && v.patch !== void 0;
}

// src/model/output-layout.ts
function profileDirName(profileName) {
  return profileName === "dev" || profileName === "test" ? "debug" : profileName === "bench" ? "release" : profileName;
}
function outputLayout(dirs, profileName, explicitTarget) {
  return {
    targetDirectory: dirs.targetDirectory,
    buildDirectory: dirs.buildDirectory,
    shownTargetDir: relativePosix(dirs.workspaceRoot, dirs.targetDirectory) || forwardSlashes(dirs.targetDirectory),
    profileDir: profileDirName(profileName),
    explicitTarget
  };
}
function unitProfileDir(unit, profileDir, explicitTarget) {
  return explicitTarget && unit.kind === "target" ? `${unit.targetInfo.triple}/${profileDir}` : profileDir;
}
function executablePlace(unit) {
  return unit.target.kind === "example" ? "examples" : unit.mode === "build" ? "profile-dir" : "deps";
}
function rustcOutputRoot(layout) {
  return layout.buildDirectory ?? layout.targetDirectory;
}
function executableLocation(layout, unit) {
  let place = executablePlace(unit);
  if (unit.mode !== "build" && layout.buildDirectory !== null) return "the build directory (`build.build-dir`)";
  let dir = `${layout.shownTargetDir}/${unitProfileDir(unit, layout.profileDir, layout.explicitTarget)}`;
  return `\`${place === "profile-dir" ? dir : `${dir}/${place}`}/\``;
}

// src/rules/context.ts
function base(unit, rule, crateType = unit.crateTypes[0] ?? unit.target.crateTypes[0]) {
  return {
    rule,
    severity: ruleInfo(rule).severity,
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    mode: unit.mode,
    ...withoutHarness(unit),
    crateType: unit.mode === "build" ? crateType : "bin",
    platform: unit.kind
  };
}
function withoutHarness(unit) {
  return lacksHarness(unit) ? { harness: !1 } : {};
}
function lacksHarness(unit) {
  return unit.mode === "test" && !unit.harness;
}
function harnessRunner(invocation) {
  return invocation.command === "bench" ? "`cargo bench`" : "`cargo test`";
}
function describeUnit(unit, crateType) {
  let libTypes = unit.target.kind === "lib" ? unit.target.crateTypes.join("+") : unit.target.kind, noHarness = lacksHarness(unit), what = noHarness ? unit.target.kind : unit.mode === "test" ? `test harness of ${unit.target.kind}` : unit.mode === "doctest" ? `doc tests of ${unit.target.kind}` : crateType ?? libTypes, host = unit.kind === "host" && unit.target.kind !== "proc-macro" && unit.target.kind !== "custom-build" ? " (built for the host)" : "";
  return `${unit.target.kind === "custom-build" ? `build script of \`${unit.pkg.name}\`${featureList(unit.features)}` : `${what} \`${unit.target.name}\``}${noHarness ? WITHOUT_HARNESS : ""}${host}`;
}
function featureList(features) {
  return features.length === 0 ? "" : ` (with ${features.length === 1 ? "feature" : "features"} ${features.map((f) => `\`${f}\``).join(", ")})`;
}
function invocationLayout(ctx) {
  let profile = commandProfile(ctx.build, ctx.invocation.command), { workspaceRoot, targetDirectory } = ctx.metadata;
  return outputLayout({ workspaceRoot, targetDirectory, buildDirectory: ctx.build.buildDirectory ?? null }, profile.name, ctx.invocation.target !== null);
}

// src/findings/fingerprint.ts
var import_node_crypto = require("node:crypto");
function findingFingerprint(f) {
  let crates = f.crates.map((c) => c.replace(/-[0-9a-f]{16}(?=\.(?:so|dylib|dll)$)/u, "")).sort(), identity = [f.rule, f.package ?? "", f.target ?? "", f.kind ?? "", f.mode ?? "", f.crateType ?? "", f.platform ?? "", ...crates];
  return (0, import_node_crypto.createHash)("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 32);
}

// src/rules/abi.ts
function abiFindings(ctx) {
  let boundaryUnits = rustAbiBoundaries(ctx.graph, ctx.linkage).map((b) => b.unit);
  return [...panicFindings(ctx), ...flagFindings(ctx, boundaryUnits), ...ltoFindings(ctx, boundaryUnits)];
}
function panicFindings(ctx) {
  if (ctx.linkage.results.some((r) => r.problems.some((p) => p.kind === "dependency-format" && /panic/.test(p.error.kind)))) return [];
  let sides = mixedSides(ctx), first = sides[0];
  if (first === void 0) return [];
  let abort = first.abort, others = sides.filter((s) => s.abort === abort).map((s) => s.unwind), unwindNames = [...new Set(others.map((u) => describeUnit(u)))].join(", "), relation2 = { loads: "loads", "loaded-by": "is loaded by", links: "links", "linked-by": "is linked by" }[first.how], forced = others.some((u) => u.panicSource === "forced-unwind") ? " (cargo builds it with `unwind` whatever the profile says, as it does everything a test harness, a build script or a proc-macro links)" : "";
  return [
    {
      ...base(abort, "panic-strategy-mixed"),
      crates: [crateName2(abort), ...others.map(crateName2).filter((n, i, all) => all.indexOf(n) === i)],
      message: `${describeUnit(abort)} is built with \`panic = "abort"\` and ${relation2} ${unwindNames}, built with \`panic = "unwind"\`${forced}: ` + (first.how === "loads" || first.how === "loaded-by" ? "rustc does not compare strategies across a library loaded at run time, so " : "") + "a panic unwinding out of the `unwind` side into code built with `abort` is undefined behaviour, and `catch_unwind` on the `unwind` side never sees a panic of the `abort` side.",
      fixes: [
        "Build everything that shares a dynamic boundary with one panic strategy, in one `cargo` invocation and profile: the host and what it loads both `abort` or both `unwind`.",
        "Catch panics at every exported plugin function (`std::panic::catch_unwind`) so none crosses the boundary."
      ],
      ...ctx.locator.setting(abort.panicSource === "rustflags" ? "rustflags" : "panic", abort)
    }
  ];
}
function mixedSides(ctx) {
  let out = [], pair = (a, b, how, reverse) => {
    a.panic === "abort" && b.panic === "unwind" ? out.push({ abort: a, unwind: b, how }) : a.panic === "unwind" && b.panic === "abort" && out.push({ abort: b, unwind: a, how: reverse });
  }, system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  for (let { unit: host } of system?.hosts ?? []) for (let loaded of [...system?.plugins ?? [], ...system?.dylibs ?? []]) pair(host, loaded, "loads", "loaded-by");
  for (let unit of ctx.graph.units) {
    let result2 = ctx.linkage.byUnit.get(unit), dynamic = result2 === void 0 ? [] : dynamicCrates(result2);
    if (dynamic.length !== 0)
      for (let dep of unit.crates)
        dynamic.includes(unitKey(dep.unit)) && pair(unit, dep.unit, "links", "linked-by");
  }
  return out;
}
var LAYOUT_FLAGS = /^-Z(?:randomize-layout|layout-seed=)/;
function flagFindings(ctx, boundary) {
  let out = [], layout = boundary.find((u) => abiFlags(u.rustflags).some((f) => LAYOUT_FLAGS.test(f)));
  if (layout) {
    let flags = abiFlags(layout.rustflags).filter((f) => LAYOUT_FLAGS.test(f));
    out.push({
      ...base(layout, "abi-flags-divergent"),
      crates: [crateName2(layout)],
      message: `${describeUnit(layout)} takes part in a Rust dynamic boundary and is built with ${listCrates(flags)}: type layouts then depend on the build, and rustc does not check that a dylib and its users agree on them. Anything built separately (a dylib rebuilt alone, a plugin, the host) reads the other side's types with the wrong layout.`,
      fixes: ["Build everything that shares the boundary in one `cargo` invocation with the same flags, or drop layout randomization from builds with Rust dylibs."],
      ...ctx.locator.setting("rustflags", layout)
    });
  }
  let byPackage = /* @__PURE__ */ new Map();
  for (let u of boundary.filter((u2) => u2.crateTypes.includes("dylib") && u2.mode === "build")) byPackage.set(u.pkg.id, [...byPackage.get(u.pkg.id) ?? [], u]);
  for (let units of byPackage.values()) {
    let signatures = new Map(units.map((u) => [u, abiFlags(u.rustflags).join(" ")]));
    if (new Set(signatures.values()).size < 2) continue;
    let target = units.find((u) => u.kind === "target") ?? units[0], others = units.filter((u) => signatures.get(u) !== signatures.get(target)), show2 = (u) => `${u.kind === "host" ? "for the host" : `for \`${u.targetInfo.triple}\``} with ${signatures.get(u) === "" ? "no such flags" : listCrates(signatures.get(u).split(" "))}`;
    out.push({
      ...base(target, "abi-flags-divergent", "dylib"),
      crates: [crateName2(target)],
      message: `dylib \`${crateName2(target)}\` is built twice with different ABI-relevant flags \u2014 ${[target, ...others].map(show2).join(" and ")} \u2014 and both copies are written to the same file; whichever is linked or loaded last, code built against one may run against the other, and rustc does not compare these flags across crates.`,
      fixes: [
        "Apply the flag to every unit: put it in `build.rustflags` (which cargo also applies to host units when no `--target` is given), or build without `--target`.",
        "Or keep the dylib out of build scripts and proc-macros, so it is built only once."
      ],
      ...ctx.locator.setting("rustflags", target)
    });
  }
  return out;
}
function ltoFindings(ctx, boundary) {
  let windows = boundary.filter((u) => u.kind === "target" && /windows/.test(u.targetInfo.triple)), profile = commandProfile(ctx.build, ctx.invocation.command), inProfile = profile.lto === "thin" || profile.lto === "fat" || profile.lto === "true", inFlags = (u) => u.lto.kind === "run" && !inProfile, lto = windows.find((u) => inProfile || inFlags(u));
  if (!lto) return [];
  let setting = inFlags(lto) ? "rustflags" : "lto";
  return [
    {
      ...base(lto, "lto-dynamic-unsound"),
      crates: [crateName2(lto)],
      message: `${describeUnit(lto)} is built for \`${lto.targetInfo.triple}\` with LTO (${setting === "lto" ? `\`lto = ${JSON.stringify(profile.lto)}\`` : "`-C lto` in rustflags"}) and links Rust crates dynamically: on Windows this combination is known to drop or mismatch symbols that another DLL imports, which shows up as link errors or crashes at run time (bevy#17130, rust-lang/rust#127979).`,
      fixes: [
        "Set `lto = false` in the profile used with Rust dylibs or `-C prefer-dynamic` on Windows (for example a `dev`/`dynamic` profile), and keep LTO for statically linked release builds."
      ],
      ...ctx.locator.setting(setting, lto)
    }
  ];
}

// src/rules/collision.ts
function collisionFindings(ctx, options = {}) {
  let collisions = outputCollisions(ctx, options);
  if (collisions.length === 0) return [];
  let layout = invocationLayout(ctx);
  return collisions.map((c) => collisionFinding(ctx, c, layout));
}
function outputCollisions(ctx, options = {}) {
  let profile = commandProfile(ctx.build, ctx.invocation.command), explicitTarget = ctx.invocation.target !== null, { units, root } = cargoUnits(ctx.graph, profile, !explicitTarget), profileDir = profileDirName(profile.name), writers = /* @__PURE__ */ new Map();
  for (let unit of units)
    for (let file of outputsOf(unit, root.has(unit), profileDir, explicitTarget, options.defaultLibMetadata === !0)) {
      let key = file.hashed ? `${unit.index}\0${file.path}` : file.path, list = writers.get(key);
      list ? list.push({ unit, file }) : writers.set(key, [{ unit, file }]);
    }
  let shared = [...writers.values()].filter((w) => w.length > 1), parent = /* @__PURE__ */ new Map(), find = (u) => {
    let r = u;
    for (; parent.has(r); ) r = parent.get(r);
    return r;
  };
  for (let w of shared)
    for (let { unit } of w.slice(1)) {
      let a = find(unit), b = find(w[0].unit);
      a !== b && parent.set(a, b);
    }
  let groups = /* @__PURE__ */ new Map();
  for (let w of shared) {
    let key = find(w[0].unit), group = groups.get(key);
    group || groups.set(key, group = { units: [], paths: [], files: [] });
    for (let { unit, file } of w)
      group.units.includes(unit) || group.units.push(unit), group.files.push(file);
    group.paths.push(w[0].file.path);
  }
  return [...groups.values()].map((g) => ({ ...g, units: g.units.sort(compareCopies), paths: g.paths.sort() })).sort((a, b) => compareCopies(a.units[0], b.units[0]));
}
function hostProfileDiffers(profile) {
  return profile.name === "release" || profile.name === "bench";
}
function profilePanic(u, profile) {
  return u.panicSource === "forced-unwind" ? "unwind" : u.panicSource !== "rustflags" ? profile.panic : u.kind === "host" || u.mode === "test" || isForHost(u.target) ? "unwind" : profile.panic;
}
function cargoUnits(graph, profile, sharedLayout) {
  let hostDiffers = hostProfileDiffers(profile), memo = /* @__PURE__ */ new Map(), sameTarget = (a, b) => a.pkg === b.pkg && a.target === b.target && a.mode === b.mode, same = (a, b) => {
    if (a === b) return !0;
    if (!sameTarget(a, b) || a.kind !== b.kind && (!sharedLayout || hostDiffers) || profilePanic(a, profile) !== profilePanic(b, profile)) return !1;
    let key = a.index < b.index ? `${a.index},${b.index}` : `${b.index},${a.index}`, known = memo.get(key);
    if (known !== void 0) return known;
    let da = dependenciesOf(a), db = dependenciesOf(b), result2 = da.length === db.length && da.every((x) => db.some((y) => same(x, y)));
    return memo.set(key, result2), result2;
  }, byTarget = /* @__PURE__ */ new Map(), units = [], root = /* @__PURE__ */ new Set();
  for (let unit of graph.units) {
    if (unit.target.kind === "custom-build" || unit.crateTypes.length === 0) continue;
    let key = `${unit.pkg.id}\0${unit.target.kind}\0${unit.target.name}\0${unit.mode}`, seen = byTarget.get(key), merged = seen?.find((s) => same(s, unit)), representative = merged ?? unit;
    merged || (seen ? seen.push(unit) : byTarget.set(key, [unit]), units.push(unit)), unit.root && root.add(representative);
  }
  return { units, root };
}
function fileTypes(crateType, pattern, triple) {
  let cut = pattern.indexOf("___");
  if (cut < 0) return [];
  let prefix = pattern.slice(0, cut), suffix = pattern.slice(cut + 3), file = (p, s, replaceHyphens, debugInfo = !1) => ({ prefix: p, suffix: s, crateType, rmeta: !1, debugInfo, replaceHyphens }), out = [file(prefix, suffix, crateType !== "bin")];
  return isDynamic(crateType) && (triple.endsWith("-windows-msvc") && suffix === ".dll" ? out.push(file(prefix, ".dll.lib", !0), file(prefix, ".dll.exp", !0)) : suffix === ".dll" && /(?:windows-gnu|windows-gnullvm|cygwin)$/.test(triple) && out.push(file("lib", ".dll.a", !0))), triple.startsWith("wasm32-") && crateType === "bin" && suffix === ".js" && out.push(file(prefix, ".wasm", !0), file(prefix, ".wasm.map", !0, !0)), (crateType === "bin" || crateType === "dylib" || crateType === "cdylib" || crateType === "proc-macro") && (triple.includes("-apple-") ? out.push(file(prefix, crateType === "bin" ? ".dSYM" : ".dylib.dSYM", !1, !0)) : triple.endsWith("-msvc") || triple.endsWith("-uefi") ? out.push(file(prefix, ".pdb", !0, !0)) : out.push(file(prefix, `${suffix}.dwp`, crateType !== "bin", !0))), out;
}
function useExtraFilename(unit, defaultLibMetadata) {
  if (unit.mode === "test") return !0;
  let { target } = unit, triple = unit.targetInfo.triple, lib = target.kind === "lib", executable = target.kind === "bin" || target.kind === "example" && target.crateTypes.every((t) => t === "bin");
  return !((lib && (target.crateTypes.includes("dylib") || target.crateTypes.includes("cdylib")) || executable && (triple === "wasm32-unknown-emscripten" || triple.includes("msvc"))) && unit.pkg.source === null && !defaultLibMetadata);
}
function outputsOf(unit, root, profileDir, explicitTarget, defaultLibMetadata) {
  if (unit.mode === "doctest") return [];
  let triple = unit.targetInfo.triple, layout = unitProfileDir(unit, profileDir, explicitTarget), example = unit.target.kind === "example", outDir = example ? `${layout}/examples` : `${layout}/deps`, hashed2 = useExtraFilename(unit, defaultLibMetadata), name = crateName2(unit), types = unit.mode === "build" ? unit.crateTypes : ["bin"], fileTypesOf = types.flatMap((t) => fileTypes(t, unit.targetInfo.fileNames[t === "lib" ? "rlib" : t] ?? "", triple));
  unit.mode === "build" && !types.some(requiresUpstreamObjects) && fileTypesOf.push({ prefix: "lib", suffix: ".rmeta", crateType: "rlib", rmeta: !0, debugInfo: !1, replaceHyphens: !0 });
  let out = [];
  for (let ft of fileTypesOf) {
    let path26 = `${outDir}/${ft.prefix}${name}${hashed2 ? "-<hash>" : ""}${ft.suffix}`;
    if ((!hashed2 || types.length > 1) && out.push({ path: path26, crateType: ft.crateType, linked: !0, debugInfo: ft.debugInfo, hashed: hashed2 }), unit.mode !== "build" || ft.rmeta || unit.target.kind !== "bin" && ft.crateType !== "dylib" && !root) continue;
    let fileName = `${ft.prefix}${ft.replaceHyphens ? name : unit.target.name}${ft.suffix}`, uplifted = example ? `${layout}/examples/${fileName}` : `${layout}/${fileName}`;
    uplifted !== path26 && out.push({ path: uplifted, crateType: ft.crateType, linked: !1, debugInfo: ft.debugInfo, hashed: !1 });
  }
  return out;
}
function compareCopies(a, b) {
  let order = (u) => [u.kind === "target" ? "0" : "1", u.pkg.name, u.pkg.version, u.target.kind, u.target.name, u.mode, u.panic].join("\0"), x = order(a), y = order(b);
  return x < y ? -1 : x > y ? 1 : a.index - b.index;
}
var LINKED_BY_RUST = /* @__PURE__ */ new Set(["dylib", "rlib", "lib"]);
function collisionFinding(ctx, c, layout) {
  if (c.units.length === 1) return crateTypesCollision(ctx, c, layout);
  let profile = commandProfile(ctx.build, ctx.invocation.command), rep = c.units[0], samePackage = c.units.every((u) => u.pkg === rep.pkg), kindsDiffer = samePackage && c.units.some((u) => u.kind !== rep.kind), panics = new Set(c.units.map((u) => profilePanic(u, profile))), main2 = c.files.filter((f) => !f.debugInfo), collidingTypes = new Set(main2.map((f) => f.crateType)), crateType = rep.crateTypes.find((t) => collidingTypes.has(t)) ?? rep.crateTypes[0], linkedTypes = new Set(main2.filter((f) => f.linked).map((f) => f.crateType)), linkedByRust = [...linkedTypes].some((t) => LINKED_BY_RUST.has(t)), { files, fileWord, shown } = collidingFiles(c, layout), describe7 = (u) => {
    let d = describeUnit(u);
    return samePackage ? (kindsDiffer && u.kind === "target" && (d += " (built for the target)"), panics.size > 1 && (d += ` with \`panic = "${profilePanic(u, profile)}"\``)) : c.units.some((o) => o !== u && o.pkg.name === u.pkg.name) ? d += ` of \`${u.pkg.name} ${u.pkg.version}\`` : d += ` of package \`${u.pkg.name}\``, d;
  }, units = c.units.map(describe7), who = `${units.slice(0, -1).join(", ")} and ${units.at(-1)}`, what;
  if (samePackage) {
    let why = panics.size > 1 ? kindsDiffer ? 'host units are always built with `panic = "unwind"` and target units with the profile\'s `panic = "abort"`' : 'test harnesses and what they link are always built with `panic = "unwind"` and the other units with the profile\'s `panic = "abort"`' : kindsDiffer && hostProfileDiffers(profile) ? `host units get \`opt-level = 0\` and \`[profile.${profile.name}.build-override]\` where target units get the \`${profile.name}\` profile` : "they link different copies of their dependencies";
    what = `\`${rep.target.name}\` is compiled twice in this build, as ${who}, because ${why}; both copies write the same ${fileWord}, ${files} (cargo warns "output filename collision")`;
  } else
    what = `${who} write the same ${fileWord}: ${files} (cargo warns "output filename collision")`;
  let outcome;
  linkedByRust ? outcome = samePackage ? `a unit that links \`${crateName2(rep)}\` may get the copy built with the other settings, and fail to link (an undefined symbol, a crate compiled with another panic strategy) or silently run that copy${linkedTypes.has("dylib") ? `; executables load \`${shown.split("/").pop()}\` from \`deps/\` at run time, whichever copy it is` : ""}` : "everything that links either gets whichever was written last: a binary that uses both silently runs one of them in place of the other, or fails to link" : linkedTypes.size > 0 ? outcome = "the library left in `deps/` is either one" : c.units.some((u) => u.target.kind === "bin" || u.target.kind === "example") ? outcome = `\`cargo run\` and anything that starts or ships \`${shown}\` may get the other one` : outcome = `anything that loads or ships \`${shown}\` may get the other one`;
  let message = `${what}. What ends up there depends on which unit finishes last: ${outcome}.`, fixes = [];
  if (kindsDiffer)
    fixes.push(
      `Build with \`--target ${rep.targetInfo.triple}\`: host units then go to \`${layout.shownTargetDir}/${layout.profileDir}/\` and target units to \`${layout.shownTargetDir}/${rep.targetInfo.triple}/${layout.profileDir}/\`, so the two copies no longer share a file.`
    ), panics.size > 1 ? fixes.push('Or build with `panic = "unwind"` when build scripts or proc-macros use this library.') : hostProfileDiffers(profile) && fixes.push(`Or give host units the target's settings (\`[profile.${profile.name}.build-override]\` with \`opt-level\` and the other settings of \`[profile.${profile.name}]\`), so cargo builds one copy.`), fixes.push(`Or keep \`${rep.target.name}\` out of build scripts and proc-macros: move what they need into a plain library (\`rlib\`) crate.`);
  else if (samePackage && panics.size > 1)
    fixes.push('Build with `panic = "unwind"`, or build the test harnesses and the other artifacts in separate cargo invocations.');
  else if (samePackage)
    fixes.push("Build the artifacts that need the two copies in separate cargo invocations.");
  else {
    let executables = c.units.every((u) => u.target.kind === "bin" || u.target.kind === "example"), versions = c.units.every((u) => u.pkg.name === rep.pkg.name);
    executables ? fixes.push("Rename one of them (`name` in its `[[bin]]` or `[[example]]` table).") : versions ? fixes.push(`Depend on one version of \`${rep.pkg.name}\` only (\`cargo tree -d\` shows which packages pull in which), or give one of them another library name (\`name\` in its \`[lib]\` table).`) : fixes.push("Rename one of the libraries (`name` in its `[lib]` table)."), fixes.push("Or build them in separate cargo invocations (`-p`).");
  }
  return { ...base(rep, "output-filename-collision", crateType), crates: [...new Set(c.units.map(crateName2))], message, fixes, ...locate(ctx, c, rep, panics.size > 1, kindsDiffer) };
}
function collidingFiles(c, layout) {
  let shown = c.paths.find((p) => !/\.(dwp|pdb|dSYM)$/.test(p) && !p.includes("-<hash>")) ?? c.paths[0];
  return {
    files: listCrates(c.paths.map((p) => `${layout.shownTargetDir}/${p}`), 8),
    fileWord: c.paths.length === 1 ? "file" : "files",
    shown: `${layout.shownTargetDir}/${shown}`
  };
}
function crateTypesCollision(ctx, c, layout) {
  let unit = c.units[0], types = unit.crateTypes.filter((t) => c.files.some((f) => f.crateType === t && !f.debugInfo)), { files, fileWord, shown } = collidingFiles(c, layout), collision = `rustc writes them to the same ${fileWord}: ${files} (cargo warns "output filename collision")`, sameLibrary = new Set(types.map((t) => t === "lib" ? "rlib" : t)).size === 1, message, fix;
  if (sameLibrary) {
    let kept = [...new Set(unit.crateTypes.map((t) => t === "lib" && unit.crateTypes.includes("rlib") ? "rlib" : t))];
    message = `${describeUnit(unit)} lists ${listCrates(types, 8)} in its \`crate-type\`, one library built twice: ${collision}. Both writes hold the same library, so nothing is lost, but the warning stays.`, fix = `List each crate type once${types.includes("lib") ? " (`lib` is the `rlib`)" : ""}: \`crate-type = [${kept.map((t) => `"${t}"`).join(", ")}]\`.`;
  } else {
    let last = types.at(-1), lost = types.slice(0, -1);
    message = `${describeUnit(unit)} is built as ${listCrates(types, 8)} at once (its \`crate-type\`), and ${collision}. rustc links them one after the other, so the ${fileWord} ${c.paths.length === 1 ? "holds" : "hold"} the \`${last}\`: anything that loads or ships \`${shown}\` gets it, and the ${listCrates(lost, 8)} ${lost.length === 1 ? "is" : "are"} lost.`, fix = `Keep one of ${listCrates(types, 8)} in the \`crate-type\` of \`${unit.target.name}\`, and build the other from an \`[[example]]\` of another name with the same \`path\`.`;
  }
  return { ...base(unit, "output-filename-collision", types.at(-1)), crates: [crateName2(unit)], message, fixes: [fix], ...ctx.locator.crateType(unit) };
}
function locate(ctx, c, rep, panicSplit, kindsDiffer) {
  let { locator } = ctx, nameLine = (u) => u.target.kind === "lib" || u.target.kind === "proc-macro" ? locator.crateType(u) : locator.manifestKey(u.pkg, ["package", "name"]), unhashed = c.files.some((f) => f.linked && !f.hashed && !f.debugInfo) ? [{ ...nameLine(rep), message: `\`crate-type\` of \`${rep.pkg.name}\`: cargo names the files of a path package's dylib or cdylib without a hash` }] : [];
  if (panicSplit) {
    let abort = c.units.find((u) => u.panic === "abort") ?? rep, { related: related2 = [], ...at } = locator.setting("panic", abort);
    return { ...at, related: [...related2, ...unhashed] };
  }
  if (kindsDiffer) {
    let entry = hostEntry(ctx.graph, c.units.find((u) => u.kind === "host"));
    if (entry === null) return locator.crateType(rep);
    let { related: related2 = [], ...at } = locator.dependency(entry.from, entry.dep.unit, entry.dep.edge, entry.dep.platform);
    return { ...at, related: [...related2, ...unhashed] };
  }
  let related = c.units.slice(1).map((u) => ({ ...nameLine(u), message: `${describeUnit(u)} of \`${u.pkg.name} ${u.pkg.version}\`` }));
  return { ...nameLine(rep), related };
}
var dependentsOf = /* @__PURE__ */ new WeakMap();
function hostEntry(graph, host) {
  let dependents = dependentsOf.get(graph);
  if (dependents === void 0) {
    dependents = /* @__PURE__ */ new Map();
    for (let from of graph.units)
      for (let dep of from.crates) {
        let list = dependents.get(dep.unit);
        list ? list.push({ from, dep }) : dependents.set(dep.unit, [{ from, dep }]);
      }
    dependentsOf.set(graph, dependents);
  }
  let seen = /* @__PURE__ */ new Set([host]), level = [host];
  for (; level.length > 0; ) {
    let next = [];
    for (let unit of level) {
      let edges = dependents.get(unit) ?? [], entry = edges.find((e) => e.from.target.kind === "custom-build") ?? edges.find((e) => e.from.kind === "target" || isProcMacro(e.from.target));
      if (entry) return entry;
      for (let e of edges)
        seen.has(e.from) || (seen.add(e.from), next.push(e.from));
    }
    level = next;
  }
  return null;
}

// src/rules/doctests.ts
var import_node_path5 = __module("node:path");

// src/rules/feature-steps.ts
function featureSteps(chain, metadata, locator) {
  let steps = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    let edge = chain[i].crates.find((c) => c.unit === chain[i + 1]);
    edge?.activatedBy != null && steps.push(featureStep(i, edge.activatedBy, metadata, locator));
  }
  return steps;
}
function featureStep(from, causes, metadata, locator) {
  let inManifest = (c) => c.origin.by !== "command-line", isMember = (c) => inManifest(c) && metadata.workspaceMembers.includes(c.origin.pkg.id), k = causes.length - 1;
  for (; k >= 0 && !isMember(causes[k]); ) k--;
  for (; k > 0 && inManifest(causes[k - 1]) && causes[k - 1].origin.pkg === causes[k].origin.pkg; ) k--;
  let root = causes[causes.length - 1], chosen = k >= 0 ? causes[k] : root.origin.by === "command-line" ? root : causes[0], { origin, value } = chosen;
  if (origin.by === "command-line") return { from, by: "command-line", package: origin.pkg.name, name: value, text: `--features ${value}` };
  let asked = root !== chosen && root.origin.by === "command-line" && root.value !== "default" ? { commandLine: `--features ${root.value}` } : {};
  if (origin.by === "feature") {
    let values = origin.pkg.featureMap.get(origin.feature) ?? [], text2 = `${origin.feature} = [${values.map((v) => JSON.stringify(v)).join(", ")}]`, line = lineOf(locator.manifestKey(origin.pkg, ["features", origin.feature]));
    return { from, by: "feature", package: origin.pkg.name, name: origin.feature, text: text2, ...line, ...asked };
  }
  let text = value === "default" ? "default-features" : `features = [${JSON.stringify(value)}]`;
  return { from, by: "dependency", package: origin.pkg.name, name: origin.nameInToml, text, ...lineOf(locator.dependencyNamed(origin.pkg, origin.nameInToml)), ...asked };
}
function lineOf(location2) {
  return { file: location2.file, line: location2.line };
}
function locateByFeature(steps, own, ownIs) {
  let step2 = steps.find((s) => s.file !== void 0 && s.line !== void 0);
  if (step2 === void 0) return own;
  let related = ownIs === null ? own.related ?? [] : [{ file: own.file, line: own.line, message: ownIs }, ...own.related ?? []];
  return { file: step2.file, line: step2.line, ...related.length > 0 ? { related } : {} };
}

// src/linkage/startup.ts
var import_node_path4 = __module("node:path");
function hashed(file) {
  return file.includes("-<hash>");
}
function besideInPlace(place, file) {
  return place === "deps" || place === "profile-dir" && !hashed(file);
}
function rpathClimbsToRoot(targetDir, libDir) {
  let a = import_node_path4.default.resolve(targetDir).split(import_node_path4.default.sep).filter(Boolean), b = import_node_path4.default.resolve(libDir).split(import_node_path4.default.sep).filter(Boolean);
  return a.length === 0 || b.length === 0 || a[0] !== b[0];
}
function startupOf(unit, libraries, targetDir) {
  let info = unit.targetInfo, family2 = loaderFamily(info);
  if (family2 === "unmodelled" || family2 === "wasm" || libraries.length === 0) return null;
  let std = info.stdDylib, place = executablePlace(unit), own = libraries.filter((l) => l !== std), toolchain = libraries.filter((l) => l === std), inPlace, copiedAlone, underCargo = [];
  if (family2 === "windows") {
    let unwinder = dynamicUnwinderDll(info);
    unwinder !== null && (toolchain.push(unwinder), underCargo = [unwinder]), inPlace = [...toolchain, ...own.filter((l) => !besideInPlace(place, l))], copiedAlone = [...toolchain, ...own];
  } else {
    let needed = family2 === "elf" && stdOnDefaultLoaderPath(info) ? own : libraries;
    if (copiedAlone = [...needed], !unit.rpath)
      inPlace = family2 === "darwin" ? needed.filter((l) => l === std) : [...needed], family2 === "darwin" && (copiedAlone = [...inPlace]);
    else {
      let climbs = rpathClimbsToRoot(targetDir, info.stdDylibDir ?? info.targetLibdir);
      inPlace = needed.filter((l) => l === std ? place === "profile-dir" && !climbs : !besideInPlace(place, l) && place !== "examples"), copiedAlone = needed.filter((l) => !(l === std && climbs));
    }
  }
  let sorted = (list) => [...new Set(list)].sort();
  return inPlace.length === 0 && copiedAlone.length === 0 ? null : { inPlace: sorted(inPlace), copiedAlone: sorted(copiedAlone), underCargo: sorted(underCargo) };
}

// src/rules/dependency-format.ts
var STD_CRATES = /* @__PURE__ */ new Set(["std", "core", "alloc", "compiler_builtins", "panic_unwind", "panic_abort", "test", "proc_macro"]);
function formatFindings(result2, crateType, errors, linkage, locator, metadata) {
  let unit = result2.unit, f = {
    result: result2,
    crateType,
    errors,
    linkage,
    locator,
    metadata,
    unit,
    what: describeUnit(unit, crateType),
    ct: crateType,
    nameOf: (key) => linkage.crateNames.get(key)?.name ?? key,
    unitOf: (key) => linkage.crateNames.get(key)?.unit ?? null,
    crateUnit: crateUnitLookup(result2, linkage)
  };
  return [duplicateLinkageFinding(f), rlibRequiredFinding(f), dylibRequiredFinding(f), panicStrategyFinding(f)].filter((d) => d !== null);
}
function duplicateLinkageFinding(f) {
  let { errors, locator, unit, what, ct, nameOf, unitOf } = f, pathOf = (crate, origin) => inclusionPath(f, crate, origin), duplicates = errors.filter((e) => e.kind === "crate-dep-multiple");
  if (duplicates.length > 0) {
    let names = [...new Set(duplicates.map((d) => d.crate))], shown = names.filter((n) => !STD_CRATES.has(n) || n === "std"), crates = shown.length > 0 ? shown : ["std"], primary = duplicates.find((d) => d.crate === crates[0]) ?? duplicates[0], describe7 = (o, crate) => {
      if (o.via !== null) {
        let viaName = nameOf(o.via);
        return o.preference === "static" ? `statically inside dylib \`${viaName}\`` : `dynamically, as a dependency of dylib \`${viaName}\``;
      }
      if (o.preference === "dynamic") {
        let file = dylibFileOf(f, crate);
        return `dynamically${file ? ` as \`${file}\`` : ""}`;
      }
      return "statically as an rlib";
    }, culprit = [primary.existing, primary.incoming].map((o) => o.via).filter((v) => v !== null).map(unitOf).find((u) => u !== null) ?? null, extra = crates.includes("std") && names.length > crates.length ? " (with the rest of the standard library)" : "", others = crates.filter((c) => c !== primary.crate), also = others.length > 0 ? ` ${listCrates(others)} would be included twice as well.` : "", message = `${what} cannot link: \`${primary.crate}\` would be included twice${extra} \u2014 ${describe7(primary.existing, primary.crate)} and ${describe7(primary.incoming, primary.crate)}.${also} rustc: "cannot satisfy dependencies so \`${primary.crate}\` only shows up once".`, inclusion = uniqueBy(
      duplicates.filter((d) => crates.includes(d.crate)).flatMap((d) => [pathOf(d.crate, d.existing), pathOf(d.crate, d.incoming)]),
      (p) => JSON.stringify(p)
    );
    return {
      ...base(unit, "duplicate-linkage", ct),
      crates,
      message,
      fixes: duplicateFixes(unit, primary, culprit, nameOf),
      inclusion,
      ...locateByFeature(
        inclusion.flatMap((p) => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    };
  }
  return null;
}
function rlibRequiredFinding(f) {
  let { crateType, errors, locator, unit, what, ct, crateUnit } = f, rlibRequired = errors.filter((e) => e.kind === "rlib-required" || e.kind === "lib-required" && e.format === "rlib");
  if (rlibRequired.length > 0) {
    let names = [...new Set(rlibRequired.map((e) => e.crate))], culprit = crateUnit(names[0]), inclusion = names.map((n) => inclusionPath(f, n, { preference: "dynamic", via: null })), why = crateType === "staticlib" ? "a staticlib must contain every upstream crate" : "a statically linked (crt-static) executable must contain every upstream crate";
    return {
      ...base(unit, "rlib-required", ct),
      crates: names,
      inclusion,
      message: `${what} cannot link: ${why}, but ${names.map((n) => `\`${n}\``).join(", ")} ${names.length === 1 ? "is" : "are"} only available as a Rust dylib. rustc: "crate \`${names[0]}\` required to be available in rlib format, but was not found in this form".`,
      fixes: [crateType === "staticlib" ? "Or build a `cdylib` instead of a `staticlib`, which may link Rust dylibs." : "Or drop `+crt-static` for this executable."],
      ...locateByFeature(
        inclusion.flatMap((p) => p.features ?? []),
        culprit ? locator.crateType(culprit) : locator.crateType(unit),
        `\`crate-type\` of \`${(culprit ?? unit).target.name}\``
      )
    };
  }
  return null;
}
function dylibRequiredFinding(f) {
  let { errors, locator, unit, what, ct } = f, dylibRequired = errors.filter((e) => e.kind === "lib-required" && e.format === "dylib");
  if (dylibRequired.length > 0) {
    let names = [...new Set(dylibRequired.map((e) => e.crate))];
    return {
      ...base(unit, "dylib-required", ct),
      crates: names,
      message: `${what} cannot link: ${names.map((n) => `\`${n}\``).join(", ")} must be linked dynamically (an upstream dylib was built against its dylib) but no dylib of it is available. rustc: "crate \`${names[0]}\` required to be available in dylib format, but was not found in this form".`,
      fixes: ["Rebuild the dylibs that depend on it from a clean target directory, with the same flags.", `Or add \`"dylib"\` to \`crate-type\` of ${names.map((n) => `\`${n}\``).join(", ")}.`],
      ...locator.crateType(unit)
    };
  }
  return null;
}
function panicStrategyFinding(f) {
  let { result: result2, errors, locator, unit, what, ct } = f, panic = errors.filter((e) => e.kind === "bad-panic-strategy" || e.kind === "required-panic-strategy" || e.kind === "two-panic-runtimes");
  if (panic.length > 0) {
    let first = panic[0], text, crates;
    first.kind === "bad-panic-strategy" ? (text = `the linked panic runtime \`${first.runtime}\` is not compiled with this crate's panic strategy \`${first.strategy}\``, crates = [first.runtime]) : first.kind === "required-panic-strategy" ? (text = `the crate \`${first.crate}\` requires panic strategy \`${first.found}\` which is incompatible with this crate's strategy of \`${first.desired}\``, crates = [first.crate]) : (text = `cannot link together two panic runtimes: ${first.first} and ${first.second}`, crates = [first.first, first.second]);
    let fixes = linksAs(result2, "sys:std", "dynamic") ? ['`std` is linked dynamically here, and `libstd` always brings the `panic_unwind` runtime: link everything statically (no `dylib` crate types, no `-C prefer-dynamic`) to use `panic = "abort"`.'] : ["Build every crate linked into this artifact with the same panic strategy (one profile `panic` setting, no `-C panic` in rustflags for some crates only)."];
    return {
      ...base(unit, "panic-strategy", ct),
      crates,
      message: `${what} cannot link with \`panic = "${unit.panic}"\`: rustc: "${text}".`,
      fixes,
      ...locator.setting(unit.panicSource === "rustflags" ? "rustflags" : "panic", unit)
    };
  }
  return null;
}
function inclusionPath(f, crate, origin) {
  let { linkage, locator, metadata, unit, crateUnit } = f, units = [], chain;
  if (origin.via !== null) {
    let bringer = linkage.crateNames.get(origin.via);
    units = bringer?.unit ? linkChain(unit, bringer.unit) : [], chain = units.length > 0 ? units.map(crateName2) : [crateName2(unit), bringer?.name ?? origin.via];
  } else {
    let own = crateUnit(crate);
    units = own ? linkChain(unit, own) : [], chain = units.length > 0 ? units.slice(0, -1).map(crateName2) : [crateName2(unit)];
  }
  let dynamic = origin.preference === "dynamic", path26 = { chain, crate, how: origin.via !== null && !dynamic ? "inside-dylib" : dynamic ? "dynamic" : "static" }, steps = featureSteps(units, metadata, locator);
  if (steps.length > 0 && (path26.features = steps), dynamic) {
    let file = dylibFileOf(f, crate);
    file && (path26.file = file);
  }
  return path26;
}
function dylibFileOf(f, crate) {
  if (crate === "std") return f.unit.targetInfo.stdDylib;
  let owner = f.crateUnit(crate);
  return owner ? dylibFileName(owner) : null;
}
function crateUnitLookup(result2, linkage) {
  let byName = null;
  return (name) => {
    if (byName === null) {
      byName = /* @__PURE__ */ new Map();
      for (let c of result2.crates) byName.has(c.name) || byName.set(c.name, linkage.crateNames.get(c.key)?.unit ?? null);
    }
    return byName.get(name) ?? null;
  };
}
function duplicateFixes(unit, primary, culprit, nameOf) {
  let fixes = [], staticVias = [primary.existing, primary.incoming].filter((o) => o.preference === "static" && o.via !== null).map((o) => nameOf(o.via));
  return primary.crate === "std" && culprit || (staticVias.length > 0 ? (fixes.push(
    `Make \`${primary.crate}\` a dylib as well (\`crate-type = ["dylib"]\`) so ${staticVias.map((v) => `\`${v}\``).join(" and ")} share one copy instead of each containing it.`
  ), fixes.push(`Or link only one of the dylibs that contain \`${primary.crate}\` into ${describeUnit(unit)}.`)) : fixes.push("Make every upstream crate available in one format (all rlib, or all dylib).")), fixes;
}
function uniqueBy(items, key) {
  let seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    let k = key(item);
    return !seen.has(k) && !!seen.add(k);
  });
}

// src/rules/linkage.ts
function linkageFindings(linkage, locator, metadata, harnessRunner2, layout) {
  let findings = [];
  for (let result2 of linkage.results)
    if (result2.status !== "blocked" && (result2.status === "error" && findings.push(...problemFindings(result2, linkage, locator, metadata)), result2.droppedCrateTypes.length > 0 && result2.unit.crateTypes.length > 0 && findings.push(unsupportedFinding(result2, "warning", locator)), result2.status === "ok")) {
      let runtime = runtimeFinding(result2, linkage, locator, metadata, harnessRunner2, layout);
      runtime && findings.push(runtime);
    }
  return findings;
}
function problemFindings(result2, linkage, locator, metadata) {
  let out = [], formatErrors = /* @__PURE__ */ new Map();
  for (let p of result2.problems)
    p.kind !== "dependency-format" ? out.push(problemFinding(result2, p, locator)) : formatErrors.has(p.crateType) ? formatErrors.get(p.crateType).push(p.error) : formatErrors.set(p.crateType, [p.error]);
  for (let [crateType, errors] of formatErrors) out.push(...formatFindings(result2, crateType, errors, linkage, locator, metadata));
  return out;
}
function problemFinding(result2, p, locator) {
  switch (p.kind) {
    case "embed-bitcode-lto":
      return embedBitcodeFinding(result2.unit, locator);
    case "panic-abort-test":
      return panicAbortTestFinding(result2.unit, locator);
    case "unsupported-crate-types":
      return unsupportedFinding(result2, "error", locator);
    case "unlinkable-dependency":
      return unlinkableFinding(result2.unit, p, locator);
    case "proc-macro-unloadable":
      return procMacroFinding(result2.unit, p, locator);
    case "lto":
      return ltoFinding(result2.unit, p, locator);
  }
}
function embedBitcodeFinding(unit, locator) {
  let ltoFlag = codegenOptions(unit.rustflags, "lto").length > 0, embedFlag = codegenOptions(unit.rustflags, "embed-bitcode").length > 0, why = ltoFlag && embedFlag ? "rustflags ask for both `-C lto` and `-C embed-bitcode=no`" : ltoFlag ? "rustflags ask for `-C lto` but cargo compiles this unit with `-C embed-bitcode=no`" : "the profile's `lto` setting makes cargo pass `-C lto`, but rustflags ask for `-C embed-bitcode=no`", fix = ltoFlag ? 'Remove `-C lto` from RUSTFLAGS and set `lto = true` (or `"thin"`) in the profile instead: cargo then applies LTO only where rustc allows it.' : "Remove `-C embed-bitcode=no` from the rustflags: cargo already leaves the bitcode out where LTO does not use it.";
  return {
    ...base(unit, "lto-conflict"),
    crates: [crateName2(unit)],
    message: `${describeUnit(unit)} fails: ${why} ("options \`-C embed-bitcode=no\` and \`-C lto\` are incompatible").`,
    fixes: [fix],
    ...locator.setting("rustflags", unit)
  };
}
function panicAbortTestFinding(unit, locator) {
  return {
    ...base(unit, "panic-strategy"),
    crates: [crateName2(unit)],
    message: `${describeUnit(unit)} fails: rustflags ask for \`-C panic=abort\`, and rustc does not build a test harness with it ("building tests with panic=abort is not supported without \`-Zpanic_abort_tests\`").`,
    fixes: [
      'Drop `-C panic=abort` from rustflags when running tests, and set `panic = "abort"` in the profile instead: cargo builds test harnesses with unwind whatever the profile says.',
      "Or, on a nightly compiler, add `-Zpanic-abort-tests`."
    ],
    ...locator.setting("rustflags", unit)
  };
}
function unlinkableFinding(unit, p, locator) {
  return {
    ...base(unit, "no-linkable-lib"),
    crates: [p.dep.pkg.name],
    message: `${describeUnit(unit)} cannot use \`${p.dep.pkg.name}\`: its library is only ${p.dep.crateTypes.map((t) => `\`${t}\``).join(" and ")}, which Rust code cannot link against, so cargo passes no \`--extern ${p.dep.externName}\` and rustc fails to find the crate.`,
    fixes: [`Or remove the dependency on \`${p.dep.pkg.name}\` and load it at run time (cdylib) or link it as a native library (staticlib).`],
    ...p.dep.edge === "own-lib" ? locator.crateType(unit) : locator.dependency(unit, { pkgName: p.dep.pkg.name, externName: p.dep.externName }, p.dep.edge, null)
  };
}
function procMacroFinding(unit, p, locator) {
  let pm = p.procMacro;
  return {
    ...base(unit, "proc-macro-dylib"),
    crates: [crateName2(pm), ...p.libraries],
    message: `${describeUnit(unit)} fails: proc-macro \`${pm.target.name}\` links ${p.libraries.map((l) => `\`${l}\``).join(", ")} dynamically, and rustc cannot load a proc-macro whose Rust shared libraries are not on its own library path (error[E0463]: can't find crate for \`${crateName2(pm)}\`).`,
    fixes: ["Or move the code the proc-macro needs into a plain library crate."],
    ...locator.dependency(unit, pm, "normal", null)
  };
}
function unsupportedFinding(result2, severity, locator) {
  let unit = result2.unit, dropped = result2.droppedCrateTypes, triple = unit.targetInfo.triple, types = dropped.map((t) => `\`${t}\``).join(", "), crtStatic = unit.rustflags.some((f) => f.includes("crt-static")), message = severity === "error" ? `${describeUnit(unit)} cannot be built: target \`${triple}\` does not support any of its crate types (${types}) with the flags in effect; cargo stops with "cannot produce ${dropped.join(", ")} for \`${unit.pkg.name}\`".` : `${describeUnit(unit)}: target \`${triple}\` cannot produce ${types}; rustc drops ${dropped.length === 1 ? "it" : "them"} with a warning and builds only ${unit.crateTypes.map((t) => `\`${t}\``).join(", ")}.`, fixes = crtStatic ? ["`-C target-feature=+crt-static` forbids dynamic crate types: pass it only with `--target <triple>` (so build scripts and proc-macros are built without it), or drop it."] : [`Remove ${types} from \`crate-type\` for this target, or build for a target that supports ${dropped.length === 1 ? "it" : "them"}.`];
  return {
    ...base(unit, "unsupported-crate-type", dropped[0]),
    severity,
    crates: [crateName2(unit)],
    message,
    fixes,
    ...crtStatic ? locator.setting("rustflags", unit) : locator.crateType(unit)
  };
}
function ltoFinding(unit, p, locator) {
  let texts = {
    "prefer-dynamic": "cannot prefer dynamic linking when performing LTO",
    dylib: "lto cannot be used for `dylib` crate type without `-Zdylib-lto`",
    "proc-macro": "lto cannot be used for `proc-macro` crate type without `-Zdylib-lto`",
    mixed: "lto can only be run for executables, cdylibs and static library outputs",
    "linker-plugin-windows": "linker plugin based LTO is not supported together with `-C prefer-dynamic` when targeting Windows-like targets"
  }, fromRustflags = unit.lto.kind !== "run", fixes = p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows" ? ["Use LTO only in profiles that link statically, with no `-C prefer-dynamic`."] : ["Remove `-C lto` from rustflags; `lto = true` in the profile applies LTO only to the crate types that allow it."];
  return {
    ...base(unit, "lto-conflict", p.crateType === "rlib" || p.crateType === null ? void 0 : p.crateType),
    crates: [crateName2(unit)],
    message: p.gate === "linker-plugin-windows" ? `${describeUnit(unit)} fails before compiling: cargo passes it \`-C linker-plugin-lto\` because it only feeds artifacts built with LTO, and with \`-C prefer-dynamic\` rustc refuses that on \`${unit.targetInfo.triple}\` ("${texts[p.gate]}").` : `${describeUnit(unit)} fails the LTO check: "${texts[p.gate]}".`,
    fixes,
    ...locator.setting(fromRustflags || p.gate === "prefer-dynamic" || p.gate === "linker-plugin-windows" ? "rustflags" : "lto", unit)
  };
}
var EXECUTABLE_KINDS = /* @__PURE__ */ new Set(["bin", "example", "test", "bench"]);
function runtimeFinding(result2, linkage, locator, metadata, harnessRunner2, layout) {
  let unit = result2.unit;
  if (!(unit.mode === "test" || EXECUTABLE_KINDS.has(unit.target.kind) && unit.crateTypes.includes("bin")) || result2.runtimeLibraries.length === 0) return null;
  let family2 = loaderFamily(unit.targetInfo), startup = family2 === "unmodelled" ? genericStartup(unit, result2.runtimeLibraries) : startupOf(unit, result2.runtimeLibraries, rustcOutputRoot(layout));
  if (startup === null) return null;
  let dynamic = (dep) => linksAs(result2, unitKey(dep), "dynamic"), direct = unit.crates.find((d) => d.unit.crateTypes.includes("dylib") && dynamic(d.unit)), inclusion = dynamicDylibs(result2, linkage).map((dylib) => {
    let chain = linkChain(unit, dylib), steps = featureSteps(chain, metadata, locator), path26 = { chain: chain.slice(0, -1).map(crateName2), crate: crateName2(dylib), how: "dynamic", file: dylibFileName(dylib) };
    return steps.length > 0 && (path26.features = steps), path26;
  }), nearest = dynamicDylibs(result2, linkage)[0], firstHop = nearest === void 0 ? void 0 : linkChain(unit, nearest)[1], via = direct ?? unit.crates.find((d) => d.unit === firstHop), own = via ? locator.dependency(unit, via.unit, via.edge, via.platform) : locator.setting("rustflags", unit), location2 = locateByFeature(
    inclusion.flatMap((p) => p.features ?? []),
    own,
    via ? `dependency \`${via.externName}\`` : null
  ), quiet = unit.mode === "test" && isProcMacro(unit.target) || startup.inPlace.length === 0;
  return {
    ...base(unit, "runtime-dylib", "bin"),
    ...quiet ? { severity: "note" } : {},
    crates: missingAnywhere(startup),
    message: startupMessage(unit, family2, startup, result2.runtimeLibraries, harnessRunner2, layout),
    fixes: startupFixes(unit, family2, startup),
    startup,
    ...inclusion.length > 0 ? { inclusion } : {},
    ...location2
  };
}
function genericStartup(unit, libraries) {
  return unit.rpath ? null : { inPlace: [...libraries], copiedAlone: [...libraries], underCargo: [] };
}
function missingAnywhere(startup) {
  return [.../* @__PURE__ */ new Set([...startup.inPlace, ...startup.copiedAlone])].sort();
}
function listed(files) {
  return files.map((f) => `\`${f}\``).join(", ");
}
function startupMessage(unit, family2, startup, libraries, harnessRunner2, layout) {
  let runner = unit.mode === "test" ? harnessRunner2 : unit.target.kind === "example" ? "`cargo run --example`" : "`cargo run`", where2 = executableLocation(layout, unit), failure = family2 === "windows" ? "STATUS_DLL_NOT_FOUND (0xc0000135)" : family2 === "darwin" ? '"dyld: Library not loaded"' : '"error while loading shared libraries"', all = missingAnywhere(startup), noRpath = family2 !== "windows" && !unit.rpath, underCargo = startup.underCargo.length > 0 ? `it starts under ${runner} only if ${listed(startup.underCargo)} is on \`PATH\` (it comes with the MinGW-w64 toolchain; rustup 1.28.2 and later add their toolchain's \`bin\` for cargo)` : `it starts under ${runner}, which sets \`${libraryPathVariable(family2)}\``, extra = startup.copiedAlone.filter((l) => !startup.inPlace.includes(l)), direct;
  startup.inPlace.length === 0 ? direct = `and from ${where2}${unit.rpath && family2 !== "windows" ? " through its rpath" : ""}, but copied elsewhere it fails with ${failure}, missing ${listed(startup.copiedAlone)}` : extra.length === 0 && startup.inPlace.length === all.length ? direct = `but run directly, from ${where2} or copied elsewhere, it fails with ${failure}` : direct = `but run from ${where2} it fails with ${failure}, missing ${listed(startup.inPlace)}${extra.length > 0 ? `, and copied elsewhere it also misses ${listed(extra)}` : ""}`;
  let rpathOff = codegenOptions(unit.rustflags, "rpath").length > 0 ? "`-C rpath=no` in its rustflags" : "`rpath = false`", parts = [`${describeUnit(unit)} needs ${listed(all)} at run time${noRpath ? ` and has no rpath (${rpathOff})` : ""}: ${underCargo}, ${direct}.`];
  family2 === "windows" && parts.push("Windows has no rpath: DLLs are found next to the executable or on `PATH`.");
  let found = libraries.filter((l) => !all.includes(l) && l !== unit.targetInfo.stdDylib);
  return family2 === "darwin" && !unit.rpath && found.length > 0 && parts.push(`${listed(found)} ${found.length === 1 ? "is" : "are"} found through the absolute path rustc gave ${found.length === 1 ? "it" : "them"}: only on this machine, while \`${layout.shownTargetDir}/\` exists.`), all.some((l) => l.includes("-<hash>") && !/^(lib)?std-/.test(l)) && parts.push("`<hash>` stands for cargo's metadata hash of the package, known once it is built."), parts.join(" ");
}
function startupFixes(unit, family2, startup) {
  let info = unit.targetInfo, missing = missingAnywhere(startup), std = info.stdDylib, stays = 'Link statically for anything you ship: drop `dylib` crate types (or add `"rlib"`) and `-C prefer-dynamic` in release builds.';
  if (family2 === "windows") {
    let unwinder = startup.underCargo[0], sources = [
      ...std !== null && missing.includes(std) ? [`\`${std}\` is in \`${info.targetLibdir}\``] : [],
      ...unwinder !== void 0 ? [`\`${unwinder}\` comes from the MinGW-w64 toolchain that linked it (with \`libwinpthread-1.dll\` for its POSIX-threads build)`] : []
    ];
    return [
      stays,
      `Or ship ${listed(missing)} in the executable's directory${sources.length > 0 ? ` (${sources.join("; ")})` : ""}.`,
      "Or put the directories that hold them on `PATH` when starting it."
    ];
  }
  return [
    stays,
    unit.rpath ? `Or ship ${listed(missing)} beside the executable with an rpath that names that directory (\`-C link-arg=-Wl,-rpath,${family2 === "darwin" ? "@loader_path" : "$ORIGIN"}\`)${std !== null && missing.includes(std) ? `; \`${std}\` is in \`${info.targetLibdir}\`` : ""}.` : `Or set \`rpath = true\` in the profile so the executable finds libraries next to it, and ship ${listed(missing)} beside it${std !== null && missing.includes(std) ? ` (\`${std}\` is in \`${info.targetLibdir}\`)` : ""}.`,
    `Or set the library path (\`${libraryPathVariable(family2)}\`) when starting it.`
  ];
}
function dynamicDylibs(result2, linkage) {
  return dynamicCrates(result2).map((k) => linkage.crateNames.get(k)?.unit).filter((u) => u != null).map((u) => ({ u, depth: linkChain(result2.unit, u).length })).filter((e) => e.depth > 0).sort((a, b) => a.depth - b.depth || a.u.index - b.u.index).map((e) => e.u);
}

// src/rules/doctests.ts
function doctestFindings(linkage, locator, metadata, crossTarget, inheritedLibraryPath2) {
  let out = [];
  for (let result2 of linkage.results) {
    if (result2.unit.docTests?.examples !== "run" || result2.status !== "ok") continue;
    let finding2 = doctestRuntimeFinding(result2, linkage, locator, metadata, crossTarget, inheritedLibraryPath2);
    finding2 && out.push(finding2);
  }
  return out;
}
function doctestRuntimeFinding(result2, linkage, locator, metadata, crossTarget, inheritedLibraryPath2) {
  let unit = result2.unit, std = unit.targetInfo.stdDylib, { dylibs, libraries } = runningLibraries(result2, linkage), stdMissing = std !== null && libraries.includes(std) && !stdOnDefaultLoaderPath(unit.targetInfo) && !stdOnLibraryPath(unit.targetInfo, inheritedLibraryPath2), missing = libraries.filter((l) => l === std ? stdMissing : crossTarget);
  if (missing.length === 0) return null;
  let dylib = dylibs[0] ?? null, chain = dylib ? linkChain(unit, dylib) : [], steps = featureSteps(chain, metadata, locator), byFlags = unit.preferDynamic === "rustdocflags", own = dylib ? locator.dependencyNamed(chain[chain.length - 2]?.pkg ?? unit.pkg, crateName2(dylib)) : byFlags ? locator.setting("rustflags", unit) : locator.crateType(unit), through = dylib ? ` (through dylib \`${crateName2(dylib)}\`)` : byFlags ? ` (rustdoc gets \`-C prefer-dynamic\`${rustdocflagsOrigin(unit.targetInfo)})` : "", libdir = unit.targetInfo.targetLibdir;
  return {
    ...base(unit, "doctest-runtime", "bin"),
    crates: missing,
    message: `${describeUnit(unit)} fail when \`cargo test\` runs them: the examples that run link ${missing.map((l) => `\`${l}\``).join(", ")}${through}, and cargo runs doc tests with only ${crossTarget ? "the host's `target/<profile>/deps`" : "`target/<profile>/deps`"} on the library path, not the toolchain's library directory \u2014 they fail with exit status 127 ("error while loading shared libraries").`,
    fixes: [
      byFlags && dylib === null ? "Link doc tests statically: drop `-C prefer-dynamic` from the rustdocflags (`RUSTDOCFLAGS`, `build.rustdocflags`); cargo never passes RUSTFLAGS to rustdoc." : 'Link statically when testing: do not enable the feature or flag that brings the Rust dylib in for `cargo test` (Bevy-style `dynamic_linking` only for `cargo run`), or add `"rlib"` to the dylib\'s `crate-type`.',
      `Or put the toolchain's libraries on the path for \`cargo test\`: \`LD_LIBRARY_PATH="${libdir}" cargo test\` (\`DYLD_FALLBACK_LIBRARY_PATH\` on macOS, \`PATH\` on Windows); cargo adds its own directories in front.`,
      Number.parseInt(unit.pkg.edition, 10) >= 2024 ? "Or mark the examples that use it `no_run,standalone_crate`: from edition 2024 rustdoc runs the program it merges examples into even when they are all `no_run`, so each must be a program of its own to be compiled and not run." : "Or mark the examples `no_run`: rustdoc still compiles them but does not run them."
    ],
    ...chain.length > 1 ? { inclusion: [{ chain: chain.slice(0, -1).map(crateName2), crate: crateName2(dylib), how: "dynamic", file: dylibFileName(dylib), ...steps.length > 0 ? { features: steps } : {} }] } : {},
    ...locateByFeature(steps, own, null)
  };
}
function runningLibraries(result2, linkage) {
  let all = dynamicDylibs(result2, linkage), std = result2.unit.targetInfo.stdDylib, names = result2.unit.docTests?.runNames ?? null;
  if (names === null) return { dylibs: all, libraries: result2.runtimeLibraries };
  let reached = /* @__PURE__ */ new Set(), queue = result2.unit.crates.filter((c) => names.includes(c.externName)).map((c) => c.unit);
  for (let u of queue)
    reached.has(u) || (reached.add(u), u.target.kind !== "proc-macro" && queue.push(...u.crates.map((c) => c.unit)));
  let dylibs = all.filter((u) => reached.has(u)), ownStd = result2.unit.preferDynamic === "rustdocflags" && std !== null && result2.runtimeLibraries.includes(std);
  if (dylibs.length === 0) return { dylibs, libraries: ownStd ? [std] : [] };
  let needed = new Set(dylibs.flatMap((u) => [dylibFileName(u), ...linkage.byUnit.get(u)?.runtimeLibraries ?? []]));
  return { dylibs, libraries: result2.runtimeLibraries.filter((l) => l === std || needed.has(l)) };
}
function rustdocflagsOrigin(info) {
  let source = info.rustdocflagsSource;
  return source !== null && "env" in source ? ` from \`${source.env}\`` : "";
}
function stdOnLibraryPath(info, inheritedLibraryPath2) {
  return inheritedLibraryPath2.includes(import_node_path5.default.resolve(info.stdDylibDir ?? info.targetLibdir));
}

// src/rules/duplicate-symbol.ts
function duplicateSymbolFindings(ctx) {
  let exportsOf = ctx.facts.exportedSymbols;
  return exportsOf === void 0 ? [] : [...harnessFindings(ctx, exportsOf), ...importLibraryFindings(ctx, exportsOf)];
}
function harnessFindings(ctx, exportsOf) {
  let out = [];
  for (let result2 of ctx.linkage.results) {
    let unit = result2.unit;
    if (unit.mode !== "test" || unit.target.kind !== "lib" || result2.status === "blocked") continue;
    let copy = staticCopy(result2, ctx);
    if (copy === null) continue;
    let exported = exportsOf(unit.target).filter((e) => e.library && e.harness);
    if (exported.length === 0) continue;
    let chain = linkChain(unit, copy), dep = unit.crates.find((d) => d.unit === chain[1]);
    dep !== void 0 && out.push(finding(ctx, unit, copy, chain, dep, exported));
  }
  return out;
}
function staticCopy(result2, ctx) {
  let unit = result2.unit;
  for (let cnum = 0; cnum < result2.crates.length; cnum++) {
    let owner = ctx.linkage.crateNames.get(result2.crates[cnum].key)?.unit;
    if (!(owner == null || owner === unit || owner.pkg.id !== unit.pkg.id || owner.target.kind !== "lib" || owner.target.name !== unit.target.name) && result2.artifacts.some((a) => a.formats?.linkage[cnum] === "static"))
      return owner;
  }
  return null;
}
function finding(ctx, unit, copy, chain, dep, exported) {
  let name = crateName2(copy), first = exported[0], at = ctx.locator.file(first.file, first.line), attribute = first.attribute === "export_name" ? `#[export_name = "${first.symbol}"]` : "#[no_mangle]", others = exported.length - 1, symbols = `\`${first.symbol}\` (\`${attribute}\` at ${at.file}:${at.line})${others > 0 ? ` and ${others} more unmangled symbol${others === 1 ? "" : "s"}` : ""}`, section = dep.edge === "dev" ? "dev-dependency" : dep.edge === "build" ? "build-dependency" : "dependency", via = chain.map((u) => `\`${crateName2(u)}\``).join(" \u2192 "), message = `${describeUnit(unit)} links a second, static copy of \`${name}\`: the ${section} \`${dep.externName}\` depends back on it (${via}), so the harness (\`${name}\`'s source compiled with \`--test\`) and \`${name}\`'s rlib both define the unmangled symbol ${symbols}. The link fails with "multiple definition of \`${first.symbol}\`" (lld: "duplicate symbol: ${first.symbol}") when the linker pulls in the rlib's object file that defines it, that is when code reached through \`${dep.externName}\` calls a mangled function of \`${name}\` in the same codegen unit: this depends on rustc's codegen-unit partitioning, which cannot be known before compiling.`, steps = featureSteps(chain, ctx.metadata, ctx.locator), location2 = ctx.locator.dependency(unit, dep.unit, dep.edge, dep.platform);
  return {
    ...base(unit, "duplicate-symbol"),
    crates: [name],
    message,
    fixes: [
      `Move the exported functions into a separate crate that both \`${name}\` and \`${dep.externName}\` depend on, so that one copy defines \`${first.symbol}\`.`,
      `Or make the ${section} \`${dep.externName}\` not depend back on \`${name}\` (move what it uses from \`${name}\` into it or into a shared crate), so the harness links no second copy.`,
      `Or gate the export with \`#[cfg(not(test))]\`, or keep the function and export it only outside tests with \`#[cfg_attr(not(test), unsafe(no_mangle))]\`, so the harness does not define \`${first.symbol}\`.`
    ],
    inclusion: [{ chain: chain.slice(0, -1).map(crateName2), crate: name, how: "static", ...steps.length > 0 ? { features: steps } : {} }],
    ...location2,
    related: [...location2.related ?? [], { file: at.file, line: at.line, message: `\`${attribute}\` on \`${first.symbol}\`, defined by both copies` }]
  };
}
function importLibraryFindings(ctx, exportsOf) {
  let out = [];
  for (let result2 of ctx.linkage.results) {
    let unit = result2.unit;
    if (!(result2.status !== "ok" || !isMingw(unit.targetInfo)))
      for (let artifact of result2.artifacts) {
        let linkage = artifact.formats?.linkage;
        if (linkage === void 0) continue;
        let linked = (how) => result2.crates.filter((_, cnum) => linkage[cnum] === how).map((c) => ctx.linkage.crateNames.get(c.key)?.unit ?? null), statics = [unit, ...linked("static")], dylibs = linked("dynamic"), clash = firstClash(ctx, exportsOf, statics, dylibs);
        if (clash !== null) {
          out.push(importLibraryFinding(ctx, result2, artifact.crateType, clash));
          break;
        }
      }
  }
  return out;
}
function firstClash(ctx, exportsOf, statics, dylibs) {
  let defined = /* @__PURE__ */ new Map();
  for (let local of statics)
    if (local != null)
      for (let e of exportsOf(local.target)) e.library && !defined.has(e.symbol) && defined.set(e.symbol, { symbol: e, unit: local });
  if (defined.size === 0) return null;
  for (let dylib of dylibs) {
    if (dylib == null) continue;
    let inside = [...ctx.linkage.byUnit.get(dylib)?.dylibFormats ?? []].filter(([, how]) => how === "static").map(([key]) => ctx.linkage.crateNames.get(key)?.unit ?? null);
    for (let owner of [dylib, ...inside])
      if (owner != null)
        for (let e of exportsOf(owner.target)) {
          let local = defined.get(e.symbol);
          if (e.library && local !== void 0 && local.unit !== owner) return { symbol: local.symbol, local: local.unit, dylib, owner };
        }
  }
  return null;
}
function importLibraryFinding(ctx, result2, crateType, clash) {
  let unit = result2.unit, { symbol, local, dylib, owner } = clash, at = ctx.locator.file(symbol.file, symbol.line), attribute = symbol.attribute === "export_name" ? `#[export_name = "${symbol.symbol}"]` : "#[no_mangle]", importLibrary = dylibFileName(dylib).replace(/\.dll$/, ".dll.a").replace(/^/, "lib"), definer = local === unit ? `${describeUnit(unit)} itself` : `\`${crateName2(local)}\`, which it links statically,`, inside = owner === dylib ? "" : ` (from \`${crateName2(owner)}\`, which it contains)`, message = `${describeUnit(unit)} gets the unmangled symbol \`${symbol.symbol}\` twice on \`${unit.targetInfo.triple}\`: ${definer} defines it (\`${attribute}\` at ${at.file}:${at.line}), and dylib \`${crateName2(dylib)}\` exports it${inside} through its import library \`${importLibrary}\`. The MinGW linker takes \`${symbol.symbol}\` from the import library, then fails with "multiple definition of \`${symbol.symbol}\`" if it pulls in the object file of \`${crateName2(local)}\` that defines it for anything else; if it does not, calls to \`${symbol.symbol}\` reach \`${crateName2(dylib)}\`'s. ELF targets link both definitions.`, hop = local === unit ? null : unit.crates.find((d) => d.unit === linkChain(unit, local)[1]), location2 = hop == null ? ctx.locator.crateType(unit) : ctx.locator.dependency(unit, hop.unit, hop.edge, hop.platform);
  return {
    ...base(unit, "duplicate-symbol", crateType),
    crates: [crateName2(local), crateName2(owner)],
    message,
    fixes: [
      'Give one of the two definitions another name (`#[export_name = "\u2026"]`), or keep the symbol in one crate that both use.',
      `Or link \`${crateName2(dylib)}\` statically here (an \`rlib\` beside its \`dylib\`, no \`-C prefer-dynamic\`), so the import library is not linked.`
    ],
    ...location2,
    related: [...location2.related ?? [], { file: at.file, line: at.line, message: `\`${attribute}\` on \`${symbol.symbol}\`` }]
  };
}

// src/rust-source/c-interface.ts
var C_ABIS = /* @__PURE__ */ new Set([
  "C",
  "C-unwind",
  "system",
  "system-unwind",
  "cdecl",
  "cdecl-unwind",
  "stdcall",
  "stdcall-unwind",
  "fastcall",
  "fastcall-unwind",
  "thiscall",
  "thiscall-unwind",
  "vectorcall",
  "vectorcall-unwind",
  "win64",
  "win64-unwind",
  "sysv64",
  "sysv64-unwind",
  "aapcs",
  "aapcs-unwind",
  "efiapi"
]), PRIMITIVES = /* @__PURE__ */ new Set(["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool"]), C_TYPES = /* @__PURE__ */ new Set([
  "c_char",
  "c_schar",
  "c_uchar",
  "c_short",
  "c_ushort",
  "c_int",
  "c_uint",
  "c_long",
  "c_ulong",
  "c_longlong",
  "c_ulonglong",
  "c_float",
  "c_double",
  "c_void",
  "c_size_t",
  "c_ssize_t",
  "c_ptrdiff_t",
  "size_t",
  "ssize_t",
  "ptrdiff_t",
  "intptr_t",
  "uintptr_t"
]), C_TYPE_MODULES = ["std::ffi", "core::ffi", "std::os::raw"], INTEGER_REPRS = /* @__PURE__ */ new Set(["u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize"]), MAX_ALIASES = 8;
function interfaceProblem(exported) {
  let signature = exported.signature;
  if (signature === void 0) return { reason: "has a signature that was not read", line: exported.line };
  if (signature === null) return { reason: "has a signature that could not be read", line: exported.line };
  let types = exported.types ?? [];
  if (signature.item === "static") {
    let problem = typeProblem(signature.type, "static", types, 0);
    return problem === null ? null : { reason: `is a static of type \`${signature.type.text}\`: ${problem.why}`, line: problem.line };
  }
  if (signature.abi === null) return { reason: 'has the Rust ABI: it is exported unmangled but not declared `extern "C"`', line: signature.line };
  if (!C_ABIS.has(signature.abi)) return { reason: `uses the \`extern "${signature.abi}"\` ABI, not a C one`, line: signature.line };
  if (signature.generic) return { reason: "is generic", line: signature.line };
  for (let param of signature.params) {
    let problem = typeProblem(param, "param", types, 0);
    if (problem !== null) return { reason: `takes \`${param.text}\`: ${problem.why}`, line: problem.line };
  }
  if (signature.returns !== null) {
    let problem = typeProblem(signature.returns, "return", types, 0);
    if (problem !== null) return { reason: `returns \`${signature.returns.text}\`: ${problem.why}`, line: problem.line };
  }
  return null;
}
function typeProblem(type, position, types, aliases) {
  let bad = (why) => ({ why, line: type.line });
  switch (type.kind) {
    case "never":
      return position === "return" ? null : bad("`!` has no C equivalent");
    case "tuple":
      return type.items.length === 0 && position === "return" ? null : bad(type.items.length === 0 ? "`()` has no C equivalent as a value" : "tuples have no defined layout");
    case "dyn":
      return bad("a trait object has a Rust layout and vtable");
    case "impl":
      return bad("`impl Trait` is a Rust type chosen by the compiler");
    case "other":
      return bad("this type is not known to be C-compatible");
    case "slice":
      return bad("slices have no C equivalent");
    case "array":
      return position === "static" ? typeProblem(type.of, "inner", types, aliases) : bad("arrays cannot be passed by value in C");
    case "pointer":
      return thin(type.to) ? null : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
    case "reference":
      return thin(type.to) ? typeProblem(type.to, "inner", types, aliases) : bad(`\`${type.text}\` is a fat pointer (pointer and length or vtable)`);
    case "fn":
      if (type.abi === null) return bad('a Rust-ABI function pointer (no `extern "C"`)');
      if (!C_ABIS.has(type.abi)) return bad(`a function pointer with the \`extern "${type.abi}"\` ABI`);
      for (let p of type.params) {
        let problem = typeProblem(p, "param", types, aliases);
        if (problem !== null) return problem;
      }
      return type.returns === null ? null : typeProblem(type.returns, "return", types, aliases);
    case "path":
      return pathProblem(type, types, aliases);
  }
}
function pathProblem(type, types, aliases) {
  let bad = (why) => ({ why, line: type.line }), name = type.segments[type.segments.length - 1], module2 = type.segments.slice(0, -1).join("::"), bare = type.segments.length === 1;
  if (type.args.length === 0 && bare && PRIMITIVES.has(name) || type.args.length === 0 && (module2 === "libc" || C_TYPES.has(name) && (bare || C_TYPE_MODULES.includes(module2)))) return null;
  let arg = type.args[0];
  if (name === "NonNull" && type.args.length === 1 && (bare || module2 === "std::ptr" || module2 === "core::ptr"))
    return thin(arg) ? null : bad(`\`${type.text}\` is a fat pointer`);
  if (name === "Option" && type.args.length === 1 && (bare || module2 === "std::option" || module2 === "core::option")) {
    let inner = resolved(arg, types);
    return inner.kind === "reference" || inner.kind === "fn" || inner.kind === "path" && inner.segments[inner.segments.length - 1] === "NonNull" && inner.args.length === 1 ? typeProblem(inner, "inner", types, aliases) : bad(`\`Option<${arg.text}>\` has no C layout (only \`Option\` of a reference, \`NonNull\` or an \`extern "C" fn\` is a nullable pointer)`);
  }
  if ((name === "Box" || name === "Arc" || name === "Rc") && arg?.kind === "dyn")
    return bad("a boxed trait object is a fat pointer to a vtable laid out by this side's compiler, and the side that drops it frees it with its own allocator");
  let declared = types.filter((d) => d.name === name);
  if (declared.length === 0) return bad(RUST_TYPES.has(name) ? `\`${name}\` is a Rust type with no C layout` : `no \`#[repr(C)]\` declaration of \`${name}\` was found in the workspace`);
  for (let d of declared) {
    if (d.item === "type") {
      if (aliases >= MAX_ALIASES || d.aliasOf === null) return bad(`the alias \`${name}\` could not be followed`);
      let problem = typeProblem(d.aliasOf, "inner", types, aliases + 1);
      if (problem !== null) return { why: `\`${name}\` is \`${d.aliasOf.text}\`: ${problem.why}`, line: type.line };
      continue;
    }
    if (!d.repr.some((r) => r === "C" || r === "transparent" || INTEGER_REPRS.has(r)))
      return bad(`\`${name}\` (a ${d.item} of the workspace) has no \`#[repr(C)]\`, \`#[repr(transparent)]\` or integer representation, so its layout is the compiler's choice`);
  }
  for (let a of type.args) {
    let problem = typeProblem(a, "inner", types, aliases);
    if (problem !== null) return problem;
  }
  return null;
}
function resolved(type, types) {
  let current = type;
  for (let i = 0; i < MAX_ALIASES && current.kind === "path" && current.args.length === 0; i++) {
    let name = current.segments[current.segments.length - 1], declared = types.filter((d) => d.name === name);
    if (declared.length !== 1 || declared[0].aliasOf === null) break;
    current = declared[0].aliasOf;
  }
  return current;
}
var RUST_TYPES = /* @__PURE__ */ new Set(["String", "Vec", "Box", "Rc", "Arc", "HashMap", "BTreeMap", "HashSet", "Result", "Option", "str", "char", "CString", "CStr", "OsString", "PathBuf", "Path", "Cow", "RefCell", "Cell", "Mutex", "RwLock"]);
function thin(pointee) {
  if (pointee.kind === "dyn" || pointee.kind === "slice") return !1;
  if (pointee.kind === "path") {
    let name = pointee.segments[pointee.segments.length - 1];
    return !(pointee.args.length === 0 && (name === "str" || name === "CStr" || name === "OsStr" || name === "Path"));
  }
  return !0;
}

// src/rules/plugins.ts
var EXECUTABLE_KINDS2 = /* @__PURE__ */ new Set(["bin", "example", "test", "bench"]);
function pluginFindings(ctx) {
  let system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  return [...system ? runtimeFindings(ctx, system) : [], ...allocatorFindings(ctx, system), ...hotReloadFindings(ctx)];
}
function runtimeFindings(ctx, system) {
  if (system.plugins.length === 0 && system.dylibs.length === 0) return [];
  let problem = system.plugins.length > 0 ? firstPluginProblem(ctx, system.plugins) : null, out = [];
  for (let { unit, loaders } of system.hosts) {
    let checked = loaders.filter((l) => CHECKED_LOADERS.has(l));
    if (checked.length === 0 && problem === null && system.dylibs.length === 0) continue;
    let how = loaders.length > 0 ? `loads libraries at run time (${listCrates(loaders)})` : "calls the system loader (`dlopen`/`LoadLibrary`)", parts = [];
    system.dylibs.length > 0 && parts.push(dylibHazards(ctx, unit, system.dylibs)), system.plugins.length > 0 && (checked.length > 0 || problem !== null) && parts.push(cdylibHazards(system.plugins, checked, problem, ctx));
    let location2 = problem !== null && checked.length === 0 && problem.file !== null ? ctx.locator.file(problem.file, problem.line) : problem !== null && checked.length === 0 ? ctx.locator.crateType(problem.plugin) : loaders.length > 0 ? ctx.locator.dependencyNamed(unit.pkg, loaders[0]) : ctx.locator.crateType(system.dylibs[0] ?? system.plugins[0]);
    out.push({
      ...base(unit, "multiple-rust-runtimes", "bin"),
      ...checked.length > 0 ? { severity: "note" } : {},
      crates: [...system.plugins, ...system.dylibs].map(crateName2),
      message: `${describeUnit(unit)} ${how}, and this build produces what it loads. ${parts.join(" ")}`,
      fixes: fixesFor(system, checked, problem),
      ...location2
    });
  }
  return out;
}
function cdylibHazards(plugins, checked, problem, ctx) {
  let copies = `Each \`cdylib\` plugin (${listCrates(plugins.map(crateName2))}) carries its own copy of \`std\` and of every dependency \u2014 its own allocator, statics and thread-locals (a \`log\` logger, a \`tracing\` dispatcher, a tokio runtime are not shared with the host), its own panic runtime, and possibly different \`TypeId\`s.`;
  if (checked.length > 0) return `${copies} ${listCrates(checked)} checks type layouts when a library is loaded, so layout mismatches are caught; statics, allocators and panics are still per plugin.`;
  let where2 = problem.file === null ? "" : ` (${ctx.locator.file(problem.file, problem.line).file}:${problem.line})`, what = problem.exported ? `\`${crateName2(problem.plugin)}\` exports \`${problem.exported.symbol}\`${where2}, which ${problem.text}` : `\`${crateName2(problem.plugin)}\` ${problem.text}`;
  return `${copies} So only \`#[repr(C)]\` data and \`extern "C"\` functions may cross the boundary, but ${what}.`;
}
function dylibHazards(ctx, host, dylibs) {
  let names = listCrates(dylibs.map(crateName2)), std = stdIsDynamic(host, ctx.linkage) && dylibs.every((d) => stdIsDynamic(d, ctx.linkage)) ? "Both link `libstd` dynamically, so they share it;" : `Each side links \`std\` statically, so ${dylibs.length === 1 ? "it has" : "they have"} a copy of its own (allocator, panic runtime, thread-locals);`;
  return `The Rust dylib${dylibs.length === 1 ? "" : "s"} ${names} ${dylibs.length === 1 ? "is" : "are"} loaded, not linked, so rustc checks nothing between ${dylibs.length === 1 ? "it" : "them"} and the host: whatever crosses has the Rust ABI and must come from the same compiler build with the same ABI-relevant flags (\`-C target-cpu\`, \`-C target-feature\`, layout randomization) as the host. ${std} every crate the dylib contains statically is a second copy of that crate \u2014 its statics (a \`log\` logger, a \`tracing\` dispatcher) are not the host's \u2014 and a Rust dylib cannot be unloaded safely (thread-local destructors, \`'static\` data handed out).`;
}
function fixesFor(system, checked, problem) {
  let fixes = [];
  return system.dylibs.length > 0 && (fixes.push("Pin the exact compiler in `rust-toolchain.toml` and build the host and the dylibs in one `cargo` invocation with the same flags; never `dlclose` a Rust dylib."), fixes.push('Or make the loaded libraries `cdylib`s with an `extern "C"` interface of `#[repr(C)]` types.')), system.plugins.length > 0 && (checked.length > 0 || problem !== null) && fixes.push(
    'Define the plugin interface as `#[repr(C)]` structs and `extern "C" fn`s in a shared crate, with explicit `create`/`destroy` functions so each side frees its own allocations.',
    "Catch panics at every exported function (`std::panic::catch_unwind`) and return an error code instead.",
    checked.length > 0 ? "Keep the interface within the types your loader checks (`StableAbi` / `IStable`), and never unload a library." : "Or use abi_stable or stabby, which check the layout of every type at load time."
  ), fixes;
}
function firstPluginProblem(ctx, plugins) {
  let exportsOf = ctx.facts.exportedSymbols;
  for (let plugin of plugins) {
    let exported = exportsOf === void 0 ? [] : exportsOf(plugin.target).filter((e) => e.library);
    if (exported.length === 0)
      return { plugin, text: "has no `#[no_mangle]` or `#[export_name]` export in its sources that could be read, so its interface is unknown (exports a macro generates are not seen)", file: null, line: 0 };
    for (let e of exported) {
      let found = interfaceProblem(e);
      if (found !== null) return { plugin, exported: e, text: found.reason, file: e.file, line: found.line };
    }
    if (exported.some((e) => e.sourcesComplete === !1))
      return { plugin, text: "has module files that could not be read, so other exports may be unseen", file: null, line: 0 };
  }
  return null;
}
function allocatorFindings(ctx, system) {
  let out = [], sides = /* @__PURE__ */ new Set([...system?.hosts.map((h) => h.unit) ?? [], ...system?.plugins ?? []]);
  for (let result2 of ctx.linkage.results) {
    let unit = result2.unit;
    if (unit.kind !== "target" || result2.status === "blocked") continue;
    let ignored = (unit.mode !== "build" || EXECUTABLE_KINDS2.has(unit.target.kind) && unit.crateTypes.includes("bin")) && stdIsDynamic(unit, ctx.linkage);
    if (!ignored && !sides.has(unit)) continue;
    let allocators = allocatorsIn(unit, ctx);
    if (ignored)
      for (let a of allocators.filter((a2) => !usesSystemAllocator(a2)))
        out.push({
          ...base(unit, "global-allocator-ignored", "bin"),
          crates: [crateName2(unit)],
          message: `${describeUnit(unit)} links \`std\` dynamically, so rustc generates no allocator shim in it and uses the one inside \`libstd\`: the \`#[global_allocator]\` \`${a.item}\` is silently never called (rust-lang/rust#100781).`,
          fixes: [
            "Link `std` statically in builds that need the allocator: no `-C prefer-dynamic`, and no Rust `dylib` dependencies.",
            "Or replace the allocator process-wide instead (e.g. `LD_PRELOAD` or a `malloc` interposer), which also reaches dynamically linked Rust code."
          ],
          ...ctx.locator.file(a.file, a.line)
        });
    if (sides.has(unit))
      for (let a of allocators.filter((a2) => !usesSystemAllocator(a2))) {
        let plugin = system.plugins.includes(unit);
        out.push({
          ...base(unit, "global-allocator-split", plugin ? "cdylib" : "bin"),
          crates: [crateName2(unit)],
          message: `${describeUnit(unit)} declares \`${a.item}\` as its global allocator, while ${plugin ? "the host and the other plugins use their own" : "its `cdylib` plugins use their own (the system allocator unless they declare one)"}: memory allocated on one side of the boundary and freed on the other goes to a different heap \u2014 heap corruption, not an error.`,
          fixes: [
            "Free memory on the side that allocated it: export `destroy`/`free` functions from each plugin and never `Box::from_raw` a pointer from the other side.",
            "Or make every side use the same underlying heap: the system allocator everywhere, or replace `malloc` process-wide instead of declaring `#[global_allocator]`."
          ],
          ...ctx.locator.file(a.file, a.line)
        });
      }
  }
  return out;
}
function allocatorsIn(unit, ctx) {
  return [...new Set([unit.pkg, ...unit.crates.map((d) => d.unit.pkg)].filter((p) => p.source === null))].flatMap((pkg) => ctx.facts.globalAllocators(pkg));
}
function usesSystemAllocator(a) {
  return /:\s*(?:(?:std|alloc)::alloc::)?System\s*=/.test(a.item);
}
function stdIsDynamic(unit, linkage) {
  let result2 = linkage.byUnit.get(unit);
  return result2 !== void 0 && linksAs(result2, "sys:std", "dynamic");
}
function hotReloadFindings(ctx) {
  let out = [], executables = ctx.graph.units.filter((u) => u.kind === "target" && u.mode === "build" && EXECUTABLE_KINDS2.has(u.target.kind)), members = new Set(ctx.metadata.workspaceMembers);
  for (let unit of ctx.graph.units) {
    if (unit.kind !== "target" || unit.mode !== "build" || unit.target.kind !== "lib" || !members.has(unit.pkg.id)) continue;
    let types = unit.crateTypes;
    if (!types.includes("dylib") || !(types.includes("rlib") || types.includes("lib"))) continue;
    let users = executables.filter((e) => e.crates.some((d) => d.unit === unit));
    if (users.length === 0) continue;
    let name = crateName2(unit);
    out.push({
      ...base(unit, "hot-reload-layout", "dylib"),
      crates: [name],
      message: `\`${name}\` is built both as an rlib, which ${listCrates(users.map((u) => u.target.name))} link${users.length === 1 ? "s" : ""} statically, and as a dylib: the hot-reload shape. A reloaded \`lib${name}\` is a second copy of the crate and of \`std\`: its statics (a \`tracing\` callsite registry, a \`log\` logger, thread-locals) are not the executable's, its \`TypeId\`s differ, and types whose layout changed since the executable was built are read with the old layout.`,
      fixes: [
        'Keep the reloadable code behind a small `#[repr(C)]` / `extern "C"` interface, and keep all state in the executable.',
        "Rebuild and restart the executable whenever types shared with the dylib change; reload only function bodies.",
        "Initialise logging and tracing in the executable and pass what the dylib needs through the interface (the dylib\u2019s own `tracing` statics are separate)."
      ],
      ...ctx.locator.crateType(unit)
    });
  }
  return out;
}

// src/rules/publish.ts
var LINKABLE_FROM_RUST = /* @__PURE__ */ new Set(["lib", "rlib"]);
function publishFindings(ctx) {
  let out = [];
  for (let pkg of publishedDylibs(ctx.metadata)) {
    let lib = pkg.targets.find((t) => t.kind === "lib"), types = lib.crateTypes.map((t) => `"${t}"`).join(", ");
    out.push({
      rule: "published-dylib",
      severity: ruleInfo("published-dylib").severity,
      package: pkg.name,
      target: lib.name,
      kind: "lib",
      mode: "build",
      crateType: lib.crateTypes[0],
      platform: "target",
      crates: [lib.name.replace(/-/g, "_")],
      message: `\`${pkg.name}\` is published for other projects (${publishedBecause(pkg)}), but its library is only ${types}: every crate that depends on it links it dynamically, and with it \`std\`, inheriting duplicate-linkage errors, a panic strategy fixed to unwind, and a shared library needed at run time.`,
      fixes: [
        `Add \`"rlib"\` to \`crate-type\` (\`crate-type = [${types}, "rlib"]\`): dependents then link it statically as usual.`,
        "Or, if the library is only loaded or linked by this workspace, set `publish = false` in `[package]`."
      ],
      ...ctx.locator.manifestKey(pkg, ["lib", "crate-type"], ["lib", "crate_type"], ["lib"])
    });
  }
  return out;
}
function publishedBecause(pkg) {
  return Array.isArray(pkg.publish) ? `\`publish\` names ${pkg.publish.map((r) => `\`${r}\``).join(", ")}` : `it has a \`description\` and a \`${pkg.license !== null && pkg.license !== "" ? "license" : "license-file"}\`, as crates.io requires, and no \`publish = false\``;
}
function publishedDylibs(metadata) {
  let out = [];
  for (let id of metadata.workspaceMembers) {
    let pkg = metadata.packages.get(id);
    if (!pkg || !meantForOtherProjects(pkg)) continue;
    let lib = pkg.targets.find((t) => t.kind === "lib");
    lib && !lib.crateTypes.some((t) => LINKABLE_FROM_RUST.has(t)) && lib.crateTypes.includes("dylib") && out.push(pkg);
  }
  return out;
}

// src/rules/static-pie.ts
function staticPieFindings(linkage, locator, harnessRunner2) {
  let out = [];
  for (let result2 of linkage.results) {
    let unit = result2.unit, what = result2.status === "ok" ? staticPieWithRunPath(unit) : null;
    if (what === null) continue;
    let outcome = what === "build-script" ? 'cargo fails running it ("failed to run custom build command", SIGSEGV) and nothing that waits for it is built' : what === "test-harness" ? `${harnessRunner2} fails on it with SIGSEGV` : "it dies with SIGSEGV before `main`, under `cargo run` as well as started directly", source = unit.targetInfo.rustflagsSource, fromEnv2 = source !== null && "env" in source ? ` from \`${source.env}\`` : "", flags = source !== null && !("env" in source) ? locator.setting("rustflags", unit) : null;
    out.push({
      ...base(unit, "static-pie-rpath", "bin"),
      crates: [],
      message: `${describeUnit(unit)} is linked as a static-pie executable (\`-C target-feature=+crt-static\`${fromEnv2}) with a run path (\`rpath = true\`): glibc's start-up code for static-pie executables requires that there be no RUNPATH, so ${outcome}.`,
      fixes: [
        "Or link it as a non-PIE static executable: add `-C relocation-model=static` next to `+crt-static`.",
        ...what === "build-script" ? ["Or pass `--target <triple>`: `RUSTFLAGS` then stop applying to build scripts, and only the target's executables are linked statically."] : []
      ],
      ...locator.setting("rpath", unit),
      ...flags !== null ? { related: [{ file: flags.file, line: flags.line, message: "`+crt-static`" }] } : {}
    });
  }
  return out;
}

// src/toolchain/pin.ts
var nodePath = __module("node:path");
var LEGACY_FILE = "rust-toolchain", TOML_FILE = "rust-toolchain.toml";
function findToolchainFile(dir, exists, stopAt) {
  let stop = stopAt === void 0 ? null : trimSeparators(nodePath.normalize(stopAt)), current = trimSeparators(nodePath.normalize(dir));
  for (; ; ) {
    for (let name of [LEGACY_FILE, TOML_FILE]) {
      let candidate = nodePath.join(current, name);
      if (exists(candidate)) return candidate;
    }
    if (current === stop) return null;
    let parent = nodePath.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
function trimSeparators(p) {
  let root = nodePath.parse(p).root, end = p.length;
  for (; end > root.length && (p[end - 1] === "/" || p[end - 1] === nodePath.sep); ) end--;
  return p.slice(0, end);
}
function parseToolchainFile(text, file) {
  let onlyToml = nodePath.basename(file).endsWith(".toml"), lines = rustLineCount(text);
  if (lines === 0) throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
  return lines === 1 && !onlyToml ? parseLegacyLine(text, file) : parseTomlPin(parseTomlDocument(text, file), file);
}
function rustLineCount(text) {
  if (text.length === 0) return 0;
  let count = 1;
  for (let i = text.indexOf(`
`); i >= 0; i = text.indexOf(`
`, i + 1))
    i < text.length - 1 && count++;
  return count;
}
function rustTrim(s) {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, "");
}
function parseLegacyLine(text, file) {
  let name = rustTrim(text);
  if (name.startsWith("\uFEFF"))
    throw new UserError(`${file}:1: the toolchain file starts with a byte-order mark, which rustup reads as part of the toolchain name; save it as plain ASCII`);
  if (name === "") throw new UserError(`${file}:1: the toolchain file is empty; name a toolchain or remove the file`);
  let base2 = { file, line: 1, targets: [], targetsLine: null };
  return isAbsolutePath2(name) ? { ...base2, kind: "path", channel: null, path: name } : (checkChannelName(name, file, 1, "toolchain name"), { ...base2, kind: channelKind(name), channel: name, path: null });
}
function parseTomlPin(doc, file) {
  let at = (path27) => doc.lineOf(path27) ?? doc.lineOf(path27.slice(0, -1)) ?? 1, section = doc.value.toolchain;
  if (section === void 0) throw new UserError(`${file}:1: missing the \`[toolchain]\` table`);
  if (!isTable2(section)) throw new UserError(`${file}:${at(["toolchain"])}: \`toolchain\` must be a table, found ${describe3(section)}`);
  let stringKey = (key) => {
    let value = section[key];
    if (value === void 0) return null;
    if (typeof value != "string") throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` must be a string, found ${describe3(value)}`);
    return value;
  }, listKey = (key) => {
    let value = section[key];
    if (value === void 0) return null;
    if (!Array.isArray(value)) throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` must be an array of strings, found ${describe3(value)}`);
    return value.map((item, index) => {
      if (typeof item != "string")
        throw new UserError(`${file}:${at(["toolchain", key, index])}: \`toolchain.${key}\` must be an array of strings, found ${describe3(item)} at index ${index}`);
      return item;
    });
  }, channel = stringKey("channel"), path26 = stringKey("path"), profile = stringKey("profile"), components = listKey("components"), targets = listKey("targets"), sectionLine = at(["toolchain"]);
  if (channel === null && path26 === null && components === null && targets === null)
    throw new UserError(`${file}:${sectionLine}: \`[toolchain]\` sets none of \`channel\`, \`path\`, \`components\` or \`targets\``);
  if (channel !== null && checkChannelName(channel, file, at(["toolchain", "channel"]), "`toolchain.channel`"), channel !== null && path26 !== null)
    throw new UserError(`${file}:${at(["toolchain", "path"])}: \`toolchain.channel\` and \`toolchain.path\` cannot both be set`);
  let targetsLine = targets === null ? null : at(["toolchain", "targets"]);
  if (path26 !== null) {
    let line = at(["toolchain", "path"]);
    for (let key of ["components", "targets", "profile"])
      if (section[key] !== void 0)
        throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` cannot be used with \`toolchain.path\` (a path toolchain is used as it is)`);
    if (!isAbsolutePath2(path26)) throw new UserError(`${file}:${line}: \`toolchain.path\` must be an absolute path, found \`${path26}\``);
    return { file, line, kind: "path", channel: null, path: path26, targets: [], targetsLine: null };
  }
  if (profile !== null && !PROFILES.has(profile))
    throw new UserError(`${file}:${at(["toolchain", "profile"])}: unknown \`toolchain.profile\` \`${profile}\`; valid profiles are minimal, default, complete`);
  return {
    file,
    line: channel === null ? sectionLine : at(["toolchain", "channel"]),
    kind: channel === null ? "floating" : channelKind(channel),
    channel,
    path: null,
    targets: targets ?? [],
    targetsLine
  };
}
var PROFILES = /* @__PURE__ */ new Set(["minimal", "m", "default", "d", "", "complete", "c"]);
function isTable2(value) {
  return typeof value == "object" && !Array.isArray(value);
}
function describe3(value) {
  return Array.isArray(value) ? "an array" : typeof value == "object" ? "a table" : typeof value == "string" ? `the string ${JSON.stringify(value)}` : `${typeof value == "boolean" ? "the boolean" : "the number"} ${String(value)}`;
}
function isAbsolutePath2(p) {
  return p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\\\");
}
function checkChannelName(name, file, line, what) {
  let trimmed = name.replace(/\/+$/, "");
  if (trimmed === "" || parseOfficial(trimmed) === null && (trimmed === "none" || /[/\\]/.test(trimmed)))
    throw new UserError(`${file}:${line}: ${what} \`${name}\` is not a valid toolchain name`);
  if (/\s/.test(name))
    throw new UserError(`${file}:${line}: ${what} \`${name}\` contains whitespace; a toolchain file holds only the name, without comments`);
}
var ARCHS = "aarch64 aarch64_be amdgcn arm arm64_32 arm64e arm64ec armeb armebv7r armv4t armv5te armv6 armv6k armv7 armv7a armv7k armv7r armv7s armv8r avr bpfeb bpfel csky hexagon i386 i586 i686 loongarch32 loongarch64 m68k mips mips64 mips64el mipsel mipsisa32r6 mipsisa32r6el mipsisa64r6 mipsisa64r6el msp430 nvptx64 powerpc powerpc64 powerpc64le riscv32 riscv32e riscv32em riscv32emc riscv32gc riscv32i riscv32im riscv32ima riscv32imac riscv32imafc riscv32imc riscv64 riscv64a23 riscv64gc riscv64imac s390x sparc sparc64 sparcv9 thumbv4t thumbv5te thumbv6m thumbv7a thumbv7em thumbv7m thumbv7neon thumbv8m.base thumbv8m.main wasm32 wasm32v1 wasm64 x86_64 x86_64h xtensa", OSES = "amd-amdhsa apple-darwin apple-ios apple-tvos apple-visionos apple-watchos esp-espidf esp32-espidf esp32-none esp32s2-espidf esp32s2-none esp32s3-espidf esp32s3-none fortanix-unknown ibm-aix kmc-solid_asp3 linux lynx-lynxos178 mti-none nintendo-3ds nintendo-switch none nuttx-eabi nuttx-eabihf nvidia-cuda openwrt-linux pc-cygwin pc-nto pc-solaris pc-windows risc0-zkvm rtems-eabihf sony-psp sony-psx sony-vita sun-solaris unikraft-linux unknown-dragonfly unknown-emscripten unknown-freebsd unknown-fuchsia unknown-haiku unknown-hermit unknown-hurd unknown-illumos unknown-l4re unknown-linux unknown-managarm unknown-motor unknown-netbsd unknown-none unknown-nto unknown-nuttx unknown-openbsd unknown-redox unknown-teeos unknown-trusty unknown-uefi unknown-unknown unknown-xous uwp-windows vex-v5 wali-linux wasip1 wasip1-threads wasip2 wasip3 win7-windows wrs-vxworks", ENVS = "android androideabi eabi eabihf elf freestanding gnu gnu_ilp32 gnuabi64 gnuabiv2 gnuabiv2hf gnueabi gnueabihf gnullvm gnuspe gnux32 macabi mlibc msvc musl muslabi64 musleabi musleabihf muslspe newlibeabihf none ohos qnx700 qnx710 qnx710_iosock qnx800 sgx sim softfloat spe uclibc uclibceabi uclibceabihf", alternatives = (list) => list.split(" ").map((s) => s.replace(/\./g, "\\.")).join("|"), HOST_RE = new RegExp(`^(?:-(${alternatives(ARCHS)}))?(?:-(${alternatives(OSES)}))?(?:-(${alternatives(ENVS)}))?$`), CHANNEL_RE = /^(nightly|beta|stable|[0-9]\.[0-9]{1,3}(?:\.[0-9]{1,2})?(?:-beta(?:\.[0-9]{1,2})?)?)(?:-([0-9]{4}-[0-9]{2}-[0-9]{2}))?(?:-(.+))?$/;
function parseOfficial(name) {
  let m = CHANNEL_RE.exec(name);
  if (m === null) return null;
  let [, channel, date, suffix] = m, host = null;
  if (suffix !== void 0) {
    let h = HOST_RE.exec(`-${suffix}`);
    if (h === null) return null;
    host = { arch: h[1] ?? null, os: h[2] ?? null, env: h[3] ?? null };
  }
  let nameEnd = suffix === void 0 ? name.length : name.length - suffix.length - 1;
  return { channel, date: date ?? null, host, name: name.slice(0, nameEnd) };
}
function parseVersion(channel) {
  let m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(channel);
  if (m === null) return null;
  let major = Number(m[1]), minor = Number(m[2]), patch = m[3] === void 0 ? null : Number(m[3]);
  return patch === null && major === 1 && minor <= 8 && m[4] === void 0 && (patch = 0), { major, minor, patch, pre: m[4] ?? "" };
}
function versionString(v) {
  return `${v.major}.${v.minor}${v.patch === null ? "" : `.${v.patch}`}${v.pre === "" ? "" : `-${v.pre}`}`;
}
function channelKind(name) {
  let official = parseOfficial(name);
  if (official === null) return "floating";
  let version = parseVersion(official.channel);
  return version === null ? official.date === null ? "floating" : "dated" : version.patch !== null && version.pre !== "beta" ? "exact" : "floating";
}
function pinForChannel(channel, file, line) {
  return { file, line, kind: channelKind(channel), channel, path: null, targets: [], targetsLine: null };
}
function compareToolchain(pin, rustc) {
  let runner = `runner has ${describeRustc(rustc)}`;
  if (pin.kind === "path" || pin.channel === null)
    return { verdict: "unknown", reason: `pinned ${pin.kind === "path" ? `the toolchain at ${pin.path}` : "no channel (rustup uses its default toolchain)"}; ${runner}` };
  let pinned = `pinned ${pin.channel}`, official = parseOfficial(pin.channel);
  if (official === null) return { verdict: "unknown", reason: `${pinned}, a custom toolchain; ${runner}` };
  let host = official.host;
  if (host !== null && !hostMatches(host, rustc.host))
    return { verdict: "mismatch", reason: `${pinned}, runner's rustc is for host ${rustc.host}: ${describeRustc(rustc)}` };
  let release = parseVersion(rustc.release), runnerChannel = release === null ? "other" : release.pre === "" ? "stable" : release.pre.startsWith("beta") ? "beta" : release.pre === "nightly" ? "nightly" : "other", version = parseVersion(official.channel);
  if (version !== null) {
    if (version.patch !== null && version.pre !== "beta") {
      let wanted = versionString(version);
      return rustc.release === wanted ? { verdict: "match", reason: `${pinned}, ${runner}` } : { verdict: "mismatch", reason: `${pinned}, ${runner}` };
    }
    return release !== null && release.major === version.major && release.minor === version.minor && (version.pre === "beta" ? release.patch === version.patch && release.pre.startsWith("beta") : release.pre === "") ? { verdict: "unknown", reason: `${pinned}, which follows the newest release of its series; ${runner}` } : { verdict: "mismatch", reason: `${pinned}, ${runner}` };
  }
  if (runnerChannel !== official.channel) return { verdict: "mismatch", reason: `${pinned}, ${runner}, a ${runnerChannel === "other" ? "non-rustup" : runnerChannel} build` };
  if (official.date === null) return { verdict: "unknown", reason: `${pinned}, which moves; ${runner}` };
  if (rustc.commitDate === null) return { verdict: "unknown", reason: `${pinned}, but the runner's rustc reports no commit date: ${describeRustc(rustc)}` };
  let pinDay = dayNumber(official.date), commitDay = dayNumber(rustc.commitDate);
  if (pinDay === null || commitDay === null) return { verdict: "unknown", reason: `${pinned}, ${runner}` };
  if (official.channel === "nightly") {
    let delta = pinDay - commitDay;
    return delta === 0 || delta === 1 ? { verdict: "match", reason: `${pinned}, ${runner}` } : { verdict: "mismatch", reason: `${pinned} (built from ${formatDay(pinDay - 1)}), ${runner}` };
  }
  return commitDay > pinDay ? { verdict: "mismatch", reason: `${pinned}, ${runner}, committed after the pinned date` } : pinDay - commitDay > STABLE_WINDOW_DAYS ? { verdict: "mismatch", reason: `${pinned}, ${runner}, committed more than eight weeks before the pinned date` } : { verdict: "unknown", reason: `${pinned}, ${runner}: plausible, but the ${official.channel} release of that day cannot be determined offline` };
}
var STABLE_WINDOW_DAYS = 56;
function hostMatches(host, actual) {
  return !(host.arch !== null && !actual.startsWith(`${host.arch}-`) || host.os !== null && !`${actual}-`.includes(`-${host.os}-`) || host.env !== null && !actual.endsWith(`-${host.env}`));
}
function describeRustc(rustc) {
  let inside = [rustc.commitHash === "" || rustc.commitHash === "unknown" ? null : rustc.commitHash.slice(0, 9), rustc.commitDate].filter((s) => s !== null && s !== "");
  return inside.length === 0 ? rustc.release : `${rustc.release} (${inside.join(" ")})`;
}
function dayNumber(date) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return null;
  let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), back = new Date(ms);
  return back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3]) ? null : ms / 864e5;
}
function formatDay(day) {
  return new Date(day * 864e5).toISOString().slice(0, 10);
}

// src/rules/toolchain.ts
function toolchainFindings(ctx) {
  return [...unpinnedFindings(ctx), ...mismatchFindings(ctx), ...rustVersionFindings(ctx), ...targetFindings(ctx)];
}
function buildBoundaryCrossings(ctx) {
  let out = [], system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries);
  for (let unit of system?.dylibs ?? [])
    out.some((c) => c.pkg === unit.pkg) || out.push({ pkg: unit.pkg, crate: crateName2(unit), why: "loaded" });
  for (let pkg of publishedDylibs(ctx.metadata))
    out.some((c) => c.pkg === pkg) || out.push({ pkg, crate: pkg.targets.find((t) => t.kind === "lib").name.replace(/-/g, "_"), why: "published" });
  return out;
}
function unpinnedFindings(ctx) {
  let { pin, expectedToolchain } = ctx.facts;
  if (expectedToolchain !== null || pin !== null && pin.kind !== "floating") return [];
  let crossings = buildBoundaryCrossings(ctx);
  if (crossings.length === 0) return [];
  let first = crossings[0], location2 = pin !== null ? ctx.locator.file(pin.file, pin.line) : ctx.locator.manifestKey(first.pkg, ["lib", "crate-type"], ["lib", "crate_type"], ["lib"]), floating = pin !== null ? `\`${pin.file.split(/[\\/]/).pop()}\` names \`${pin.channel ?? "no channel"}\`, which moves with every release` : "no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler", loaded = crossings.filter((c) => c.why === "loaded").map((c) => c.crate), published = crossings.filter((c) => c.why === "published").map((c) => c.crate), parts = [];
  return loaded.length > 0 && parts.push(`dylib ${listCrates(loaded, 3)} ${loaded.length === 1 ? "is" : "are"} loaded at run time, not linked, so ${loaded.length === 1 ? "it is" : "they are"} rebuilt and shipped apart from the executable that loads ${loaded.length === 1 ? "it" : "them"}`), published.length > 0 && parts.push(`dylib ${listCrates(published, 3)} ${published.length === 1 ? "is" : "are"} published for other projects, which build their side with their own compiler`), [
    {
      rule: "toolchain-unpinned",
      severity: ruleInfo("toolchain-unpinned").severity,
      crates: crossings.map((c) => c.crate),
      message: `A Rust dylib crosses a build boundary (${parts.join("; ")}), but ${floating}. Rust has no stable ABI: a dylib works only with code from the very same compiler build, and nothing checks that when it is loaded, so a dylib built with one toolchain and a host built with another fail with E0514 or "undefined symbol", or crash.`,
      fixes: [
        `Pin the exact compiler in \`rust-toolchain.toml\`: \`[toolchain]\` then \`channel = "${suggestedChannel(ctx.build.rustc)}"\`.`,
        "Or set `exact-toolchain` in `.github/rust-linkage.toml` if the toolchain is chosen elsewhere (a CI image, `dtolnay/rust-toolchain@1.95.0`)."
      ],
      ...location2
    }
  ];
}
function suggestedChannel(rustc) {
  if (!rustc.release.endsWith("-nightly") || rustc.commitDate === null) return rustc.release;
  let next = /* @__PURE__ */ new Date(`${rustc.commitDate}T00:00:00Z`);
  return next.setUTCDate(next.getUTCDate() + 1), `nightly-${next.toISOString().slice(0, 10)}`;
}
function mismatchFindings(ctx) {
  let { pin, expectedToolchain } = ctx.facts, expected = expectedToolchain !== null ? pinForChannel(expectedToolchain.channel, expectedToolchain.file, expectedToolchain.line) : pin;
  if (expected === null) return [];
  let { verdict, reason } = compareToolchain(expected, ctx.build.rustc);
  if (verdict !== "mismatch") return [];
  let source = expectedToolchain !== null ? "`exact-toolchain` in the policy file" : `\`${expected.file.split(/[\\/]/).pop()}\``;
  return [
    {
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      crates: [expected.channel ?? expected.path ?? ""],
      message: `The compiler in use is not the one ${source} requires (${reason}): what this run predicts, and what it builds, is not what the pinned toolchain would do, and Rust dylibs or plugins built with the pinned toolchain cannot be mixed with this one.`,
      fixes: [
        `Install and select the pinned toolchain before this step (for example \`rustup toolchain install ${expected.channel ?? "<channel>"}\`, or the action's \`rust-toolchain\` input).`,
        "Or update the pin to the toolchain you mean to use."
      ],
      ...ctx.locator.file(expected.file, expected.line)
    }
  ];
}
function rustVersionFindings(ctx) {
  let runner = parseRelease(ctx.build.rustc.release);
  if (runner === null) return [];
  let out = [], packages = new Map(ctx.graph.units.filter((u) => u.pkg.source === null).map((u) => [u.pkg.id, u.pkg]));
  for (let pkg of packages.values()) {
    let wanted = pkg.rustVersion === null ? null : parseRelease(pkg.rustVersion);
    wanted === null || compareRelease(wanted, runner) <= 0 || out.push({
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      package: pkg.name,
      crates: [pkg.name],
      message: `\`${pkg.name}\` declares \`rust-version = "${pkg.rustVersion}"\`, newer than the compiler in use (rustc ${ctx.build.rustc.release}): cargo refuses to build it ("${pkg.name}@${pkg.version} requires rustc ${pkg.rustVersion}").`,
      fixes: [`Use rustc ${pkg.rustVersion} or newer (pin it in \`rust-toolchain.toml\`).`, "Or lower `rust-version` if the package does not need the newer compiler."],
      ...ctx.locator.manifestKey(pkg, ["package", "rust-version"], ["package", "rust_version"], ["package"])
    });
  }
  return out;
}
function targetFindings(ctx) {
  let target = ctx.build.target;
  if (target.stdInstalled) return [];
  let { pin, targetSource } = ctx.facts, location2 = targetSource !== null && "file" in targetSource ? ctx.locator.file(targetSource.file, targetSource.line) : pin !== null && pin.targetsLine !== null ? ctx.locator.file(pin.file, pin.targetsLine) : ctx.locator.file(`${ctx.metadata.workspaceRoot}/Cargo.toml`, 1);
  return [
    {
      rule: "toolchain-mismatch",
      severity: ruleInfo("toolchain-mismatch").severity,
      crates: [target.triple],
      message: `The target \`${target.triple}\` has no standard library in this toolchain (\`${target.targetLibdir}\` holds no \`libstd\`): every crate fails with "error[E0463]: can't find crate for \`std\`".`,
      fixes: [
        `Install it: \`rustup target add ${target.triple}\`, or list it under \`targets\` in \`rust-toolchain.toml\` so rustup installs it with the toolchain.`,
        "Or build for a target this toolchain has."
      ],
      ...location2
    }
  ];
}
function parseRelease(text) {
  let m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null;
}
function compareRelease(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

// src/rules/evaluate.ts
var family = (reports, drafts) => ({
  reports,
  errors: reports.some((r) => ruleInfo(r).severity === "error"),
  drafts
}), RULE_FAMILIES = [
  family(
    ["duplicate-linkage", "rlib-required", "dylib-required", "no-linkable-lib", "panic-strategy", "lto-conflict", "unsupported-crate-type", "proc-macro-dylib", "runtime-dylib"],
    (ctx) => linkageFindings(ctx.linkage, ctx.locator, ctx.metadata, harnessRunner(ctx.invocation), invocationLayout(ctx))
  ),
  family(["doctest-runtime"], (ctx) => doctestFindings(ctx.linkage, ctx.locator, ctx.metadata, ctx.invocation.target !== null, ctx.build.inheritedLibraryPath ?? [])),
  family(["static-pie-rpath"], (ctx) => staticPieFindings(ctx.linkage, ctx.locator, harnessRunner(ctx.invocation))),
  family(["output-filename-collision"], collisionFindings),
  family(["duplicate-symbol"], duplicateSymbolFindings),
  family(["toolchain-unpinned", "toolchain-mismatch"], toolchainFindings),
  family(["panic-strategy-mixed", "abi-flags-divergent", "lto-dynamic-unsound"], abiFindings),
  family(["multiple-rust-runtimes", "global-allocator-ignored", "global-allocator-split", "hot-reload-layout"], pluginFindings),
  family(["published-dylib"], publishFindings)
];
function evaluateRules(ctx, only = "all") {
  let drafts = RULE_FAMILIES.flatMap((f) => only === "all" || f.errors ? f.drafts(ctx) : []), kept = only === "all" ? drafts : drafts.filter((d) => d.severity === "error");
  return dedupe(kept.map((d) => inRepository(d, ctx))).map((f) => ({ ...f, fixes: f.fixes.map(adviceFix), fingerprint: findingFingerprint(f) })).sort(compareFindings);
}
function inRepository(draft, ctx) {
  let index = packageIndex(ctx.metadata), outside = (file) => isAbsolutePath(file) && index.externalManifests.has(forwardSlashes(file)), related = draft.related?.filter((r) => !outside(r.file)), kept = related === void 0 || related.length === draft.related.length ? draft : { ...draft, ...related.length > 0 ? { related } : { related: void 0 } };
  if (!outside(draft.file)) return kept;
  for (let path26 of draft.inclusion ?? []) {
    let names = [...path26.chain, path26.crate];
    for (let i = 1; i < names.length; i++) {
      let dependent = index.members.get(names[i - 1]) ?? (i === 1 && draft.package !== void 0 ? index.memberNamed.get(draft.package) : void 0), external = index.external.get(names[i]);
      if (dependent !== void 0 && external !== void 0) return { ...kept, ...ctx.locator.dependencyNamed(dependent, external.name) };
    }
  }
  return { ...kept, file: "Cargo.toml", line: 1 };
}
function packageIndex(metadata) {
  let index = packageIndexes.get(metadata);
  if (index === void 0) {
    let local = new Set(metadata.workspaceMembers);
    index = { members: /* @__PURE__ */ new Map(), memberNamed: /* @__PURE__ */ new Map(), external: /* @__PURE__ */ new Map(), externalManifests: /* @__PURE__ */ new Set() };
    for (let pkg of metadata.packages.values()) {
      let member = local.has(pkg.id);
      member ? index.memberNamed.set(pkg.name, pkg) : index.externalManifests.add(forwardSlashes(pkg.manifestPath));
      let lib = pkg.targets.find((t) => t.kind === "lib" || t.kind === "proc-macro");
      lib && (member ? index.members : index.external).set(lib.name.replace(/-/g, "_"), pkg);
    }
    packageIndexes.set(metadata, index);
  }
  return index;
}
var packageIndexes = /* @__PURE__ */ new WeakMap();
function dedupe(findings) {
  let seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    let key = [f.rule, f.package, f.target, f.kind, f.mode, f.crateType, f.platform, f.message].join("\0");
    return seen.has(key) ? !1 : (seen.add(key), !0);
  });
}

// src/engine.ts
function analyze(input) {
  let { analysis, linkage } = analyzeOnce(input), { findings, note } = withVerifiedFixes({
    model: { metadata: input.metadata, context: input.context, invocation: input.invocation },
    analysis,
    linkage,
    // What a fix changes is read from the errors and the artifacts' statuses, not from warnings or linkage lists.
    reanalyse: (model) => analyzeOnce({ ...input, ...model }, "verify"),
    readText: input.readText ?? null
  });
  return { ...analysis, findings, notes: note === null ? analysis.notes : [...analysis.notes, note] };
}
function analyzeOnce(input, purpose = "report") {
  let { metadata, context, invocation } = input, cli = input.resolver === null ? null : commandLineFeatures(input.resolver, currentPackage(metadata, input.currentManifest), invocation), selection = selectPackages(metadata, invocation, input.currentManifest, {
    checkFeatures: cli === null ? void 0 : (members) => checkCommandLineFeatures(metadata, members, cli),
    cargoRelease: context.rustc.release
  }), features = cli === null ? metadataFeatures(metadata) : featuresOf(input, cli, selection.packages), graph = buildUnitGraph(metadata, context, invocation, selection.packages, {
    sourceUsesCrate: input.sourceUsesCrate,
    features,
    docTestsOf: input.docTestsOf,
    benched: input.benched,
    harness: input.harness
  }), linkage = resolveLinkage(graph, compilerBehaviour(context.rustc, context.host)), facts = input.facts ?? noFacts(), findings = evaluateRules({ graph, linkage, metadata, build: context, invocation, facts, locator: input.locator }, purpose === "verify" ? "errors" : "all"), notes = [...input.notes ?? [], ...selection.warnings, ...graph.warnings];
  input.resolver === null && notes.push(
    "The workspace manifest could not be read, so features are those of `cargo metadata`'s resolve of the whole workspace: an optional dependency another member enables counts as enabled here too."
  ), metadata.graphQuality === "no-dep-kinds" && notes.push(
    "The metadata predates `dep_kinds` (cargo before 1.41): dependency kinds and platforms were recovered from the declared dependencies by name, so a dependency may be counted in more sections than it is."
  );
  let unmodelled = [...new Set([context.host, context.target].filter((t) => loaderFamily(t) === "unmodelled").map((t) => t.triple))];
  for (let triple of unmodelled)
    notes.push(
      `How executables find Rust shared libraries at run time is not modelled for target \`${triple}\`: \`runtime-dylib\` counts every one as missing outside cargo unless an rpath is set. Linkage verdicts are exact.`
    );
  graph.units.some((u) => u.crateTypes.includes("dylib")) && notes.push("Verdicts describe a clean build: cargo does not rebuild a dylib when only `-C prefer-dynamic` changes, so a stale target directory can behave differently.");
  let profile = commandProfile(context, invocation.command);
  return { analysis: {
    version: 2,
    toolchain: toolchainReport(context, facts, metadata.workspaceRoot),
    boundaries: boundaryReports(graph, linkage, metadata, facts),
    workspaceRoot: metadata.workspaceRoot,
    invocation: { command: invocation.command, args: input.commandLine, profile: profile.name },
    artifacts: artifactReports(linkage, purpose === "report"),
    findings,
    notes
  }, linkage };
}
function featuresOf(input, cli, selected) {
  let { context, invocation } = input;
  return resolveFeatures(input.metadata, {
    ...cli,
    selected,
    hasDevUnits: needsDevDependencies(invocation),
    host: context.host,
    target: context.target,
    procMacroDependencyByAnyTarget: procMacroDependencyByAnyTarget(context.rustc.release)
  });
}
function toolchainReport(context, facts, workspaceRoot) {
  let report = {
    release: context.rustc.release,
    commitHash: context.rustc.commitHash,
    ...context.rustc.commitDate === null ? {} : { commitDate: context.rustc.commitDate },
    host: context.rustc.host,
    target: context.target.triple,
    stdInstalled: context.target.stdInstalled
  }, pin = facts.pin;
  return pin !== null && (report.pin = { file: relativeOrAbsolute(workspaceRoot, pin.file), line: pin.line, channel: pin.channel, path: pin.path, kind: pin.kind }), facts.expectedToolchain !== null && (report.expected = facts.expectedToolchain.channel), report;
}
function boundaryReports(graph, linkage, metadata, facts) {
  let entry = (unit, role) => ({
    package: unit.pkg.name,
    target: unit.target.name,
    kind: unit.target.kind,
    platform: unit.kind,
    role,
    panic: unit.panic,
    abiFlags: abiFlags(unit.rustflags)
  }), plugins = pluginSystem(graph, metadata, facts.loadsLibraries);
  return [
    ...rustAbiBoundaries(graph, linkage).map((b) => entry(b.unit, b.kind)),
    ...plugins?.plugins.map((u) => entry(u, "plugin")) ?? [],
    ...plugins?.hosts.map((h) => entry(h.unit, "plugin-host")) ?? []
  ];
}
function artifactReports(linkage, linkageLists) {
  let out = [], sorted = [...linkage.results].sort((a, b) => compareUnits(a.unit, b.unit));
  for (let result2 of sorted) {
    let unit = result2.unit;
    if (unit.docTests?.examples === "none") continue;
    let types = unit.crateTypes.length > 0 ? unit.crateTypes : unit.droppedCrateTypes;
    for (let crateType of types) {
      let artifact = result2.artifacts.find((a) => a.crateType === crateType), entry = {
        package: unit.pkg.name,
        version: unit.pkg.version,
        target: unit.target.name,
        kind: unit.target.kind,
        mode: unit.mode,
        ...withoutHarness(unit),
        crateType,
        platform: unit.kind,
        features: [...unit.features],
        status: result2.status,
        preferDynamic: unit.preferDynamic !== null,
        panic: unit.panic,
        linkage: artifact?.formats && linkageLists ? linkageEntries(result2, artifact.formats, linkage) : []
      };
      result2.status === "blocked" && (entry.blockedBy = result2.blockedBy.map((b) => ({ package: b.pkg.name, target: b.target.name, kind: b.target.kind, mode: b.mode }))), artifact?.formats && crateType !== "staticlib" && (entry.runtimeLibraries = result2.runtimeLibraries, entry.rpath = unit.rpath), out.push(entry);
    }
  }
  return out;
}
function linkageEntries(result2, formats, linkage) {
  let interned = entriesOf.get(linkage);
  interned === void 0 && entriesOf.set(linkage, interned = /* @__PURE__ */ new Map());
  let entries = new Array(result2.crates.length), length = 0;
  for (let cnum = 0; cnum < result2.crates.length; cnum++) {
    let crate = result2.crates[cnum], how = formats.linkage[cnum] ?? "not-linked";
    if (how === "not-linked" && crate.key.startsWith("sys:")) continue;
    let via = how === "included-from-dylib" ? formats.via.get(crate.key) : void 0, viaName = via === void 0 ? void 0 : linkage.crateNames.get(via)?.name ?? via, variants = interned.get(crate.key);
    variants === void 0 && interned.set(crate.key, variants = []);
    let entry;
    for (let v = 0; v < variants.length && entry === void 0; v++) variants[v].how === how && variants[v].via === viaName && (entry = variants[v]);
    if (entry === void 0) {
      let owner = linkage.crateNames.get(crate.key)?.unit;
      entry = Object.freeze({
        crate: crate.name,
        how,
        ...viaName === void 0 ? {} : { via: viaName },
        ...owner ? { package: `${owner.pkg.name}@${owner.pkg.version}` } : {}
      }), variants.push(entry);
    }
    entries[length++] = entry;
  }
  return entries.length = length, entries;
}
var entriesOf = /* @__PURE__ */ new WeakMap();
function compareUnits(a, b) {
  return compareText(a.pkg.name, b.pkg.name) || compareText(a.pkg.version, b.pkg.version) || compareText(a.target.kind, b.target.kind) || compareText(a.target.name, b.target.name) || compareText(a.mode, b.mode) || compareText(a.kind, b.kind) || compareText(a.panic, b.panic) || compareText(crateName2(a), crateName2(b));
}

// src/exec/child-env.ts
var NAMES = [
  // Finding programs, the home directory and a temporary directory; the user's locale.
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "TMPDIR",
  "TMP",
  "TEMP",
  "LANG",
  "LANGUAGE",
  "TZ",
  // The toolchain: cargo's home, the rustc pinned by us (or by the workflow), `-Z` on a stable compiler as the build would allow it.
  "CARGO_HOME",
  "RUSTC",
  "RUSTC_BOOTSTRAP",
  // The network: proxies (curl reads the lower-case forms), certificates, the ssh agent for git dependencies.
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "SSH_AUTH_SOCK",
  // git run by cargo for git dependencies (`net.git-fetch-with-cli`): how it authenticates.
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_SSH_VARIANT",
  "GIT_ASKPASS",
  "SSH_ASKPASS",
  "GIT_TERMINAL_PROMPT",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "GIT_CONFIG_NOSYSTEM",
  "GIT_CONFIG_COUNT",
  "GIT_CONFIG_PARAMETERS",
  // Windows: what programs need to start, find their profile and load system libraries.
  "SYSTEMROOT",
  "SYSTEMDRIVE",
  "WINDIR",
  "COMSPEC",
  "PATHEXT",
  "APPDATA",
  "LOCALAPPDATA",
  "PROGRAMDATA",
  "USERPROFILE",
  "HOMEDRIVE",
  "HOMEPATH"
], PREFIXES = [
  "LC_",
  // rustup's own settings: its home, the toolchain, whether it may install, where it downloads from.
  "RUSTUP_",
  // cargo configuration that changes what `cargo metadata` resolves or how it reaches registries.
  "CARGO_NET_",
  "CARGO_HTTP_",
  "CARGO_REGISTRIES_",
  "CARGO_REGISTRY_",
  "CARGO_SOURCE_",
  "CARGO_RESOLVER_",
  "CARGO_UNSTABLE_",
  "GIT_CONFIG_KEY_",
  "GIT_CONFIG_VALUE_"
], EXACT = new Set(NAMES), EXACT_UPPER = new Set(NAMES.map((n) => n.toUpperCase()));
function passesToChildren(name, platform) {
  let key = platform === "win32" ? name.toUpperCase() : name;
  return (platform === "win32" ? EXACT_UPPER : EXACT).has(key) ? !0 : PREFIXES.some((p) => key.startsWith(p));
}
function childEnvironment(env, platform) {
  let out = {};
  for (let [name, value] of Object.entries(env)) value !== void 0 && passesToChildren(name, platform) && (out[name] = value);
  return out;
}

// src/exec/runner.ts
var import_node_child_process = require("node:child_process");

// src/limits.ts
var STDERR_KEPT = { head: 65536, tail: 65536 }, INPUT_LIMITS = {
  // The largest published manifests (`web-sys`, `embassy-stm32`: thousands of features, normalized one
  // per line by `cargo publish`) are a few hundred KB. The slowest 1 MiB of TOML to read (350,000 empty
  // inline tables) takes about half a second.
  manifest: { bytes: 1 * 1048576, what: "a manifest" },
  // Real ones are a few KB; vendoring and `[patch]` tables for hundreds of crates stay under 100 KB.
  "cargo-config": { bytes: 1 * 1048576, what: "a cargo config file" },
  // A channel and a few lists of components and targets.
  "toolchain-file": { bytes: 1 * 1048576, what: "a toolchain file" },
  // A few hundred `[[allow]]` entries of a few lines each.
  policy: { bytes: 1 * 1048576, what: "a policy file" },
  // A baseline is the JSON report of an earlier run, so it has the report's limit.
  baseline: { bytes: 268435456, what: "a baseline report" },
  report: { bytes: 268435456, what: "a JSON report" },
  // GitHub delivers no webhook payload over 25 MB, and the runner writes it indented, which can double it.
  "event-payload": { bytes: 64 * 1048576, what: "an event payload" },
  metadata: { bytes: 268435456, what: "cargo metadata output" },
  // Read only to add findings (allocators, library loading): larger sources are skipped, never refused.
  "rust-source": { bytes: 4 * 1048576, what: "a Rust source file" },
  // 64 answers of at most 64 Ki characters each (`rustc/output-cache.ts`), each at most 6 bytes as JSON.
  "rustc-cache": { bytes: 32 * 1048576, what: "the rustc answer cache" },
  // The CLI's V8 code cache is some hundreds of KB.
  "code-cache": { bytes: 16 * 1048576, what: "the code cache" }
}, MAX_SOURCE_FILES = 2e3, MAX_SOURCE_BYTES = 64 * 1048576, MAX_SOURCE_WALK_ENTRIES = 2e4;
function formatSize(bytes) {
  let [unit, name] = bytes >= 1048576 ? [1048576, "MiB"] : bytes >= 1024 ? [1024, "KiB"] : [1, "bytes"];
  return bytes % unit === 0 ? `${bytes / unit} ${name}` : `${(Math.ceil(bytes / unit * 10) / 10).toFixed(1)} ${name}`;
}

// src/exec/runner.ts
var DEFAULT_TIMEOUT_MS = 3e5;
function processRunner(timeoutMs = DEFAULT_TIMEOUT_MS, limits = {}) {
  return {
    run(command, args, options = {}) {
      let maxStdout = options.maxStdoutBytes ?? limits.maxStdoutBytes ?? 268435456, maxStderr = limits.maxStderrBytes ?? 16777216;
      return new Promise((resolve5, reject) => {
        let settle = { resolve: resolve5, reject }, settled = () => {
          let once = settle ?? { resolve: () => {
          }, reject: () => {
          } };
          return settle = null, once;
        };
        if (options.signal?.aborted) {
          reject(new CommandError(`\`${shownCommand(command, args)}\` was not run: the analysis had already stopped`, command, args, ""));
          return;
        }
        let child = (0, import_node_child_process.spawn)(command, [...args], {
          cwd: options.cwd,
          env: options.env,
          stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
          // Its own process group, so that a timeout can end everything it started.
          detached: process.platform !== "win32",
          windowsHide: !0
        }), forget = onInterrupt(() => kill(child.pid)), stdout = new Capture(), stderr = new HeadAndTail(STDERR_KEPT.head, STDERR_KEPT.tail), shown = shownCommand(command, args), stopped2 = null, stop = (message) => {
          stopped2 === null && (stopped2 = message, kill(child.pid), child.stdout.destroy(), child.stderr.destroy());
        };
        child.stdout.on("data", (chunk) => {
          stopped2 === null && (stdout.size + chunk.length > maxStdout ? stop(`\`${shown}\` printed more than ${formatSize(maxStdout)} on standard output and was stopped`) : stdout.add(chunk));
        }), child.stderr.on("data", (chunk) => {
          stopped2 === null && (stderr.total + chunk.length > maxStderr ? stop(`\`${shown}\` printed more than ${formatSize(maxStderr)} on standard error and was stopped`) : stderr.add(chunk));
        });
        let onAbort = () => stop(`\`${shown}\` was no longer needed (another step of the analysis failed) and was stopped`);
        options.signal?.addEventListener("abort", onAbort, { once: !0 }), options.input !== void 0 && child.stdin?.end(options.input);
        let timer = setTimeout(() => {
          stop(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`);
        }, timeoutMs);
        child.on("error", (error) => {
          clearTimeout(timer), forget(), options.signal?.removeEventListener("abort", onAbort);
          let code = error.code, reason = code === "ENOENT" ? "it was not found; install it or put it on PATH" : code === "EACCES" ? "it is not executable" : error.message;
          settled().reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ""));
        }), child.on("close", (code, signal) => {
          clearTimeout(timer), forget(), options.signal?.removeEventListener("abort", onAbort);
          let errors = stderr.text(), { resolve: resolve6, reject: reject2 } = settled();
          if (stopped2 !== null) {
            reject2(new CommandError(stopped2, command, args, errors));
            return;
          }
          resolve6({ exitCode: code ?? (signal === null ? 1 : 128), stdout: stdout.text(), stderr: errors });
        });
      });
    }
  };
}
function cancellable(runner) {
  let controller = new AbortController();
  return {
    run(command, args, options = {}) {
      let signal = options.signal === void 0 ? controller.signal : AbortSignal.any([options.signal, controller.signal]);
      return runner.run(command, args, { ...options, signal });
    },
    cancel: () => controller.abort()
  };
}
var Capture = class {
  chunks = [];
  size = 0;
  add(chunk) {
    this.chunks.push(chunk), this.size += chunk.length;
  }
  text() {
    let whole = Buffer.concat(this.chunks, this.size);
    return this.chunks = [], whole.toString("utf8");
  }
}, HeadAndTail = class {
  constructor(headBytes, tailBytes) {
    this.headBytes = headBytes;
    this.tailBytes = tailBytes;
  }
  headBytes;
  tailBytes;
  head = [];
  headSize = 0;
  tail = [];
  tailSize = 0;
  total = 0;
  add(chunk) {
    if (this.total += chunk.length, this.headSize < this.headBytes) {
      let taken = chunk.subarray(0, this.headBytes - this.headSize);
      if (this.head.push(taken), this.headSize += taken.length, chunk = chunk.subarray(taken.length), chunk.length === 0) return;
    }
    for (this.tail.push(chunk), this.tailSize += chunk.length; this.tailSize - this.tail[0].length >= this.tailBytes; ) this.tailSize -= this.tail.shift().length;
  }
  /** The text kept; when some was left out, cut at line breaks, with a line in between saying how much. */
  text() {
    let tail = Buffer.concat(this.tail, this.tailSize);
    tail.length > this.tailBytes && (tail = tail.subarray(tail.length - this.tailBytes));
    let head = Buffer.concat(this.head, this.headSize).toString("utf8");
    if (this.total - this.headSize - tail.length === 0) return head + tail.toString("utf8");
    let end = tail.toString("utf8"), headEnd = head.lastIndexOf(`
`), headLines = headEnd < 0 ? `${head}
` : head.slice(0, headEnd + 1), tailLines = end.slice(end.indexOf(`
`) + 1), cut = this.total - Buffer.byteLength(headLines) - Buffer.byteLength(tailLines);
    return `${headLines}[${formatSize(Math.max(cut, 0))} of output left out]
${tailLines}`;
  }
};
function shownCommand(command, args) {
  let name = command.split(/[\\/]/).pop(), main2 = args.some((a) => a.startsWith("--print")) ? "--print" : args[0];
  return main2 === void 0 ? `${name}` : `${name} ${main2}`;
}
function kill(pid) {
  if (pid !== void 0)
    try {
      process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
    } catch {
    }
}
function formatSeconds(ms) {
  let s = ms / 1e3;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
var execRunner = processRunner();

// src/gather/cargo-config.ts
var import_node_fs2 = require("node:fs"), os2 = __module("node:os"), path8 = __module("node:path");

// src/input-file.ts
var import_node_fs = __module("node:fs"), import_node_path6 = __module("node:path");
var InputFileError = class extends UserError {
  constructor(file, code, reason) {
    super(`${file}: ${reason}`);
    this.file = file;
    this.code = code;
    this.reason = reason;
    this.name = "InputFileError";
  }
  file;
  code;
  reason;
};
function isPrivateFile(stat) {
  return typeof process.getuid != "function" || stat.uid === process.getuid() && (stat.mode & 18) === 0;
}
function repositoryScope(root) {
  let resolved2 = import_node_path6.default.resolve(root), realRoot = resolved2;
  try {
    realRoot = import_node_fs.default.realpathSync(resolved2);
  } catch {
  }
  return { root: resolved2, realRoot };
}
function scopeFor(scope, file) {
  if (scope === null) return null;
  let absolute = import_node_path6.default.resolve(file);
  return isAtOrBelow(scope.root, absolute) || isAtOrBelow(scope.realRoot, absolute) ? scope : null;
}
function isInsideRepository(scope, p) {
  if (!isAtOrBelow(scope.root, p) && !isAtOrBelow(scope.realRoot, p)) return !1;
  try {
    return isAtOrBelow(scope.realRoot, import_node_fs.default.realpathSync(p));
  } catch {
    return !0;
  }
}
var OUTSIDE_REPOSITORY = "it leads outside the repository through a symlink (set trust-repository-config to read it)", O_NONBLOCK = import_node_fs.default.constants.O_NONBLOCK ?? 0, O_NOFOLLOW = import_node_fs.default.constants.O_NOFOLLOW ?? 0, scratch = null;
function readInputFile(file, kind, options = {}) {
  return readInputBytes(file, kind, options).toString("utf8");
}
function readInputBytes(file, kind, options = {}) {
  let shown = options.shown ?? file, limit = INPUT_LIMITS[kind], fd;
  try {
    fd = import_node_fs.default.openSync(file, import_node_fs.default.constants.O_RDONLY | O_NONBLOCK | (options.privateOnly === !0 ? O_NOFOLLOW : 0));
  } catch (error) {
    throw failed(shown, error);
  }
  try {
    let stat = import_node_fs.default.fstatSync(fd);
    if (options.privateOnly === !0 && !isPrivateFile(stat)) throw new InputFileError(shown, null, "not this user's own file, or others may write it");
    if (options.within && checkWithin(file, stat, options.within, shown), stat.isFIFO() && options.allowPipe === !0) {
      import_node_fs.default.closeSync(fd), fd = -1;
      try {
        fd = import_node_fs.default.openSync(file, "r");
      } catch (error) {
        throw failed(shown, error);
      }
    } else if (stat.isFile()) {
      if (stat.size > limit.bytes)
        throw new InputFileError(shown, null, `${formatSize(stat.size)} is over the ${formatSize(limit.bytes)} limit for ${limit.what}`);
    } else throw new InputFileError(shown, null, `${fileType(stat)}, not a regular file; ${limit.what} must be one`);
    let chunks = [], total = 0, first = stat.isFile() ? Math.min(stat.size, limit.bytes) + 1 : 0;
    for (; ; ) {
      let room = limit.bytes + 1 - total, buffer = total === 0 && first > 0 ? Buffer.allocUnsafe(first) : scratch ??= Buffer.allocUnsafe(1024 * 1024), n;
      try {
        n = import_node_fs.default.readSync(fd, buffer, 0, Math.min(buffer.length, room), null);
      } catch (error) {
        throw failed(shown, error);
      }
      if (n === 0) break;
      if (chunks.push(buffer === scratch ? Buffer.from(buffer.subarray(0, n)) : buffer.subarray(0, n)), total += n, total > limit.bytes) {
        let growing = stat.isFile() ? " (it grew while being read)" : "";
        throw new InputFileError(shown, null, `more than the ${formatSize(limit.bytes)} limit for ${limit.what}${growing}`);
      }
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fd >= 0 && import_node_fs.default.closeSync(fd);
  }
}
function checkWithin(file, opened, scope, shown) {
  let real, named;
  try {
    real = import_node_fs.default.realpathSync(file), named = import_node_fs.default.statSync(real);
  } catch (error) {
    throw failed(shown, error);
  }
  if (named.dev !== opened.dev || named.ino !== opened.ino) throw new InputFileError(shown, null, "it was replaced while being read");
  if (!isAtOrBelow(scope.realRoot, real)) throw new InputFileError(shown, null, OUTSIDE_REPOSITORY);
}
var REASONS = {
  ENOENT: "no such file",
  ENOTDIR: "a part of its path is a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "its path has too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENXIO: "a socket or a device with nothing behind it, not a regular file",
  EISDIR: "a directory, not a regular file",
  EIO: "an input/output error occurred",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open"
};
function failed(shown, error) {
  let code = error.code ?? null, reason = (code !== null ? REASONS[code] : void 0) ?? code ?? (error instanceof Error ? error.message : String(error));
  return new InputFileError(shown, code, reason);
}
function fileType(stat) {
  return stat.isDirectory() ? "a directory" : stat.isFIFO() ? "a FIFO (named pipe)" : stat.isCharacterDevice() ? "a character device" : stat.isBlockDevice() ? "a block device" : stat.isSocket() ? "a socket" : "a special file";
}

// src/gather/cargo-config.ts
function cargoHomeOf(env) {
  return env.CARGO_HOME ? path8.resolve(env.CARGO_HOME) : path8.join(env.HOME ?? env.USERPROFILE ?? os2.homedir(), ".cargo");
}
function readCargoConfig(cwd, env, cli = [], scope = null) {
  let cargoHome = cargoHomeOf(env), files = [], ofRepository = /* @__PURE__ */ new Set(), dirsTaken = /* @__PURE__ */ new Set();
  for (let candidate of configFilePaths(cwd, cargoHome)) {
    let dir = path8.dirname(candidate);
    if (dirsTaken.has(dir) || !isFile(candidate)) continue;
    dirsTaken.add(dir);
    let within = scopeFor(scope, candidate);
    files.push({ path: candidate, text: readText(candidate, within) }), within !== null && ofRepository.add(candidate);
  }
  let includes = /* @__PURE__ */ new Map(), pending = files.map((f) => f);
  for (; pending.length > 0; ) {
    let file = pending.pop(), fromRepository = ofRepository.has(file.path);
    for (let include of includeTargets(file)) {
      if (fromRepository && scopeFor(scope, include.path) === null)
        throw new UserError(
          `${file.path}:${include.line}: config include \`${include.written}\` names a file outside the repository; it is not read (set trust-repository-config to read it)`
        );
      if (includes.has(include.path) || !isFile(include.path)) continue;
      let within = fromRepository ? scope : scopeFor(scope, include.path), text = readText(include.path, within);
      includes.set(include.path, text), within !== null && ofRepository.add(include.path), pending.push({ path: include.path, text });
    }
  }
  return applyConfigEnv(mergeCargoConfig(files, { cli, includes }), env);
}
function includeTargets(file) {
  let doc = parseTomlDocument(file.text, file.path), include = doc.value.include;
  if (!Array.isArray(include)) return [];
  let out = [];
  return include.forEach((entry, index) => {
    let written = typeof entry == "string" ? entry : typeof entry == "object" && !Array.isArray(entry) ? entry.path : void 0;
    typeof written == "string" && written.endsWith(".toml") && out.push({ path: path8.resolve(path8.dirname(file.path), written), written, line: doc.lineIn(include, index) ?? 1 });
  }), out;
}
function isFile(p) {
  try {
    return (0, import_node_fs2.existsSync)(p) && (0, import_node_fs2.statSync)(p).isFile();
  } catch {
    return !1;
  }
}
function readText(p, within) {
  try {
    return readInputFile(p, "cargo-config", { within });
  } catch (error) {
    throw error instanceof InputFileError ? new UserError(`could not read cargo config file ${p}: ${error.reason}`) : error;
  }
}

// src/gather/library-path.ts
var import_node_path7 = __module("node:path");
function inheritedLibraryPath(env, host, cwd) {
  let family2 = loaderFamily(host);
  if (family2 === "wasm" || family2 === "unmodelled") return [];
  let value = env[libraryPathVariable(family2)];
  return value ? value.split(import_node_path7.default.delimiter).filter((entry) => entry !== "").map((entry) => import_node_path7.default.resolve(cwd, entry)) : [];
}

// src/gather/isolation.ts
var import_node_fs4 = __module("node:fs"), import_node_os3 = __module("node:os"), import_node_path10 = __module("node:path");

// src/config/rustflag-policy.ts
var PROBE_CODEGEN = /* @__PURE__ */ new Set(["target-feature", "target-cpu", "relocation-model", "panic", "prefer-dynamic", "lto", "embed-bitcode", "debug-assertions", "overflow-checks", "opt-level"]), PROBE_UNSTABLE = /* @__PURE__ */ new Set(["staticlib-prefer-dynamic", "staticlib-allow-rdylib-deps", "randomize-layout", "layout-seed", "sanitizer", "fmt-debug", "ub-checks", "contract-checks"]), WRITES = "makes rustc write files", REFUSED_OPTIONS = /* @__PURE__ */ new Map([
  ["--print", "makes rustc print more than the probe asks for, or write a file (`--print KIND=PATH`)"],
  ["--sysroot", "names the directory rustc loads its standard library from"],
  ["-o", WRITES],
  ["--out-dir", WRITES],
  ["--emit", WRITES],
  ["-L", "names a directory rustc searches for libraries"],
  ["--extern", "names a crate file rustc loads"],
  ["--target", "chooses the target behind cargo's back, and can name a target-specification file rustc reads"]
]), ARGFILE = "names a file whose lines rustc reads as more arguments", LOADS_BACKEND = "names a shared library rustc loads and runs as its code generator";
function classifyOption(option) {
  let is = (use, why2 = null) => ({ ...option, use, why: why2 });
  if (option.separateValue && option.value.startsWith("@")) return is("refused", ARGFILE);
  switch (option.name) {
    case "@":
      return is("refused", ARGFILE);
    case "":
      return is("refused", "is not an option, so rustc reads it as an input file");
    case "--cfg":
      return is("probe");
    case "-O":
      return is(option.value === null ? "probe" : "data");
    case "-C": {
      let key = optionKey(option.value);
      return PROBE_CODEGEN.has(key) ? is("probe") : key === "linker" ? is("refused", "names the program rustc runs as the linker") : key === "codegen-backend" ? is("refused", LOADS_BACKEND) : is("data");
    }
    case "-Z": {
      let key = optionKey(option.value);
      return PROBE_UNSTABLE.has(key) ? is("probe") : key === "codegen-backend" ? is("refused", LOADS_BACKEND) : is("refused", "is an unstable option; many of them name files and programs rustc reads, loads or runs");
    }
  }
  let why = REFUSED_OPTIONS.get(option.name);
  return why === void 0 ? is("data") : is("refused", why);
}
function classifyRustflags(flags) {
  return readRustflags(flags).map(classifyOption);
}
function firstRefused(flags) {
  return classifyRustflags(flags).find((o) => o.use === "refused") ?? null;
}
function probeRustflags(flags) {
  let out = [];
  for (let option of classifyRustflags(flags))
    option.use === "probe" && (option.value === null ? out.push(option.name) : out.push(option.name.startsWith("--") ? `${option.name}=${option.value}` : `${option.name}${option.value}`));
  return out;
}
function refusedTarget(target) {
  return /\.json$/i.test(target) ? "names a target-specification file, which rustc reads and which chooses programs such as the linker" : /[\\/]/.test(target) ? "is a path, and rustc looks for a target-specification file along it" : null;
}
var TRUST = "flags from the repository and the environment reach rustc only as data (set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)";
function rustflagsRefusal(flags, settings) {
  let refused = firstRefused(flags);
  if (refused === null) return null;
  let setting = settings[refused.token], where2 = "rustflags";
  if (setting !== void 0) {
    let { key, source } = setting;
    where2 = "file" in source ? `${source.file}:${source.line}: \`${key}\`` : "env" in source ? `environment variable \`${key}\`` : `${describeSource(source)}: \`${key}\``;
  }
  return `${where2} passes \`${shownFlag(refused.written)}\` to rustc, which ${refused.why}; ${TRUST}`;
}
function targetRefusal(target) {
  if ("cli" in target.source) return null;
  let why = refusedTarget(target.value);
  return why === null ? null : `${"file" in target.source ? `${target.source.file}:${target.source.line}: \`build.target\`` : `environment variable \`${target.source.env}\``} is \`${shownFlag(target.value)}\`, which ${why}; a target chosen by the repository or the environment must be a target name (give a target-specification file with the target input or --target, or set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)`;
}
function shownFlag(flag) {
  let clean = flag.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069`]/g, "?");
  return clean.length > 120 ? `${clean.slice(0, 117)}\u2026` : clean;
}

// src/config/trust.ts
var path10 = __module("node:path");
var DATA_TABLES = ["patch", "source", "resolver", "unstable"], DATA_KEYS = /* @__PURE__ */ new Set(["net.offline", "net.retry", "net.git-fetch-with-cli", "registry.default", "registry.index", "paths"]);
function isPathKey(keys) {
  let [table, , leaf, detail] = keys;
  return table === "patch" ? keys.length === 4 && detail === "path" : table === "source" ? keys.length === 3 && (leaf === "directory" || leaf === "local-registry") : table === "paths" && keys.length === 1;
}
function repositoryConfigPlan(config, isRepositoryFile, pathAllowed = () => !0) {
  let plan = { args: [], refused: [], ignored: [] }, fromRepository = (source) => "file" in source && isRepositoryFile(source.file);
  return walkConfig(config.tree, (keys, node) => {
    if (node.kind === "table" && !(keys.length === 2 && keys[0] === "env")) return !0;
    let key = keys.join(".");
    if (!fromRepository(node.source)) return !1;
    let refusal4 = refusedBecause(keys);
    if (refusal4 !== null)
      plan.refused.push({ key, source: node.source, why: refusal4 });
    else if (key === "build.rustc-wrapper" || key === "build.rustc-workspace-wrapper" || keys[0] === "env")
      plan.ignored.push({ key, source: node.source });
    else if (DATA_TABLES.includes(keys[0]) || DATA_KEYS.has(key) || keys[0] === "registries" && (keys[2] === "index" || keys[2] === "protocol")) {
      let outside = pathValues(node, keys).find((p) => "file" in p.source && !pathAllowed(p.source.file, p.path));
      outside !== void 0 ? plan.refused.push({ key, source: outside.source, why: `names \`${outside.path}\`, a directory outside the repository whose manifests cargo would read` }) : plan.args.push(`${tomlKey(keys)}=${tomlValue(node, keys)}`);
    }
    return !1;
  }), plan;
}
var NOT_RUN = "a program chosen by the repository is not run";
function refusedBecause(keys) {
  let key = keys.join(".");
  return key === "build.rustc" ? `names the rustc that cargo runs; ${NOT_RUN}` : keys.at(-1) === "credential-provider" || key === "registry.global-credential-providers" || keys[0] === "credential-alias" ? `names a credential provider, a program cargo runs to authenticate; ${NOT_RUN}` : null;
}
function pathValues(node, keys) {
  return isPathKey(keys) ? (node.kind === "scalar" ? [node] : node.kind === "array" ? node.items : []).filter((v) => typeof v.value == "string").map((v) => ({ path: String(absolutePath(v.source, v.value)), source: v.source })) : [];
}
function absolutePath(source, value) {
  return typeof value == "string" && "file" in source && !path10.isAbsolute(value) ? path10.resolve(configFileRoot(source.file), value) : value;
}
function tomlKey(keys) {
  return keys.map((k) => /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)).join(".");
}
function tomlValue(node, keys) {
  let paths = isPathKey(keys);
  if (node.kind === "scalar") return toml(paths ? absolutePath(node.source, node.value) : node.value);
  if (node.kind === "array") return `[${node.items.map((item) => toml(paths ? absolutePath(item.source, item.value) : item.value)).join(", ")}]`;
  throw new Error(`unexpected table at \`${keys.join(".")}\``);
}
function toml(value) {
  return typeof value == "string" ? JSON.stringify(value) : Array.isArray(value) ? `[${value.map(toml).join(", ")}]` : typeof value == "object" && value !== null ? `{ ${Object.entries(value).map(([k, v]) => `${tomlKey([k])} = ${toml(v)}`).join(", ")} }` : String(value);
}

// src/exec/cache-dir.ts
var import_node_os2 = __module("node:os"), import_node_path8 = __module("node:path");
function userCacheDirectory(env, platform) {
  if (platform === "win32") return env.LOCALAPPDATA ? import_node_path8.default.win32.join(env.LOCALAPPDATA, "rust-linkage-guard") : null;
  if (env.XDG_CACHE_HOME && import_node_path8.default.isAbsolute(env.XDG_CACHE_HOME)) return import_node_path8.default.join(env.XDG_CACHE_HOME, "rust-linkage-guard");
  let home = env.HOME || import_node_os2.default.homedir();
  return home ? import_node_path8.default.join(home, ".cache", "rust-linkage-guard") : null;
}

// src/gather/sources.ts
var import_node_fs3 = __module("node:fs"), import_node_path9 = __module("node:path");

// src/rust-source/lexer.ts
function isIdentStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c >= 128 && !isWhitespace(c);
}
function isIdentContinue(c) {
  return isIdentStart(c) || c >= 48 && c <= 57;
}
function isWhitespace(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 133 || c === 8206 || c === 8207 || c === 8232 || c === 8233;
}
var Lexer = class {
  // `docComments`: return doc comments (line `///` and `//!`, block `/**` and `/*!`) as `doc` tokens instead of skipping them.
  constructor(src, docComments = !1) {
    this.src = src;
    this.docComments = docComments;
    if (src.charCodeAt(0) === 65279 && (this.pos = 1), src.startsWith("#!", this.pos) && !/^#!\s*\[/.test(src.slice(this.pos, this.pos + 256))) {
      let end = src.indexOf(`
`, this.pos);
      this.pos = end < 0 ? src.length : end;
    }
  }
  src;
  docComments;
  pos = 0;
  line = 1;
  next() {
    let t = this.lex();
    return t !== null && (t.end = this.pos), t;
  }
  lex() {
    let src = this.src, n = src.length;
    for (; ; ) {
      if (this.pos >= n) return null;
      let c2 = src.charCodeAt(this.pos);
      if (c2 === 10) {
        this.line++, this.pos++;
        continue;
      }
      if (isWhitespace(c2)) {
        this.pos++;
        continue;
      }
      if (c2 === 47) {
        let d = src.charCodeAt(this.pos + 1);
        if (d === 47) {
          let start2 = this.pos, end = src.indexOf(`
`, this.pos);
          this.pos = end < 0 ? n : end;
          let e = src.charCodeAt(start2 + 2);
          if (this.docComments && (e === 47 && src.charCodeAt(start2 + 3) !== 47 || e === 33))
            return { kind: "doc", text: src.slice(start2 + 3, this.pos), line: this.line, start: start2, end: 0 };
          continue;
        }
        if (d === 42) {
          let start2 = this.pos, line2 = this.line;
          this.skipBlockComment();
          let e = src.charCodeAt(start2 + 2), f = src.charCodeAt(start2 + 3);
          if (this.docComments && (e === 42 && f !== 42 && f !== 47 || e === 33) && this.pos - start2 >= 5)
            return { kind: "doc", text: src.slice(start2 + 3, this.pos - 2), line: line2, start: start2, end: 0 };
          continue;
        }
      }
      break;
    }
    let start = this.pos, line = this.line, c = src.charCodeAt(start);
    if (c === 34)
      return this.skipQuoted(start + 1), { kind: "literal", text: src.slice(start, this.pos), line, start, end: 0 };
    if (c === 39) return this.charOrLifetime(start, line);
    if (isIdentStart(c)) {
      let i = start + 1;
      for (; i < n && isIdentContinue(src.charCodeAt(i)); ) i++;
      let word = src.slice(start, i), next = src.charCodeAt(i);
      if (word === "r" || word === "br" || word === "cr") {
        let j = i;
        for (; src.charCodeAt(j) === 35; ) j++;
        if (src.charCodeAt(j) === 34)
          return this.skipRaw(j + 1, j - i), { kind: "literal", text: src.slice(start, this.pos), line, start, end: 0 };
        if (word === "r" && j === i + 1 && isIdentStart(src.charCodeAt(j))) {
          let k = j + 1;
          for (; k < n && isIdentContinue(src.charCodeAt(k)); ) k++;
          return this.pos = k, { kind: "ident", text: src.slice(j, k), line, start, end: 0 };
        }
      }
      if ((word === "b" || word === "c") && next === 34)
        return this.skipQuoted(i + 1), { kind: "literal", text: src.slice(start, this.pos), line, start, end: 0 };
      if (word === "b" && next === 39) {
        let t = this.charOrLifetime(i, line);
        return { kind: "literal", text: src.slice(start, this.pos), line: t.line, start, end: 0 };
      }
      return this.pos = i, { kind: "ident", text: word, line, start, end: 0 };
    }
    if (c >= 48 && c <= 57) {
      let i = start + 1;
      for (; i < n && isIdentContinue(src.charCodeAt(i)); ) i++;
      return this.pos = i, { kind: "literal", text: src.slice(start, i), line, start, end: 0 };
    }
    return this.pos = start + 1, { kind: "punct", text: src[start], line, start, end: 0 };
  }
  skipBlockComment() {
    let src = this.src, n = src.length, depth = 0, i = this.pos;
    for (; i < n; ) {
      let c = src.charCodeAt(i);
      if (c === 47 && src.charCodeAt(i + 1) === 42)
        depth++, i += 2;
      else if (c === 42 && src.charCodeAt(i + 1) === 47) {
        if (i += 2, --depth === 0) break;
      } else
        c === 10 && this.line++, i++;
    }
    this.pos = i;
  }
  /** A `"?"` body with escapes, from just after the opening quote. */
  skipQuoted(from) {
    let src = this.src, n = src.length, i = from;
    for (; i < n; ) {
      let c = src.charCodeAt(i);
      if (c === 34) {
        i++;
        break;
      }
      if (c === 92) {
        src.charCodeAt(i + 1) === 10 && this.line++, i += 2;
        continue;
      }
      c === 10 && this.line++, i++;
    }
    this.pos = Math.min(i, n);
  }
  /** A raw string body from just after the opening quote: it ends at `"` followed by `hashes` `#`. */
  skipRaw(from, hashes) {
    let src = this.src, n = src.length, i = from;
    for (; i < n; ) {
      let c = src.charCodeAt(i);
      if (c === 34) {
        let k = 0;
        for (; k < hashes && src.charCodeAt(i + 1 + k) === 35; ) k++;
        if (k === hashes) {
          i += 1 + hashes, this.pos = i;
          return;
        }
      } else c === 10 && this.line++;
      i++;
    }
    this.pos = n;
  }
  /** At a `'`: a char literal (`'a'`, `'\''`, `'\u{1F600}'`, `'?'`) or a lifetime or label (`'a`, `'static`). */
  charOrLifetime(start, line) {
    let src = this.src, n = src.length, c1 = src.charCodeAt(start + 1);
    if (c1 === 92) {
      let i2 = start + 3;
      for (; i2 < n && src.charCodeAt(i2) !== 39 && src.charCodeAt(i2) !== 10; ) i2++;
      return src.charCodeAt(i2) === 39 ? (this.pos = i2 + 1, { kind: "literal", text: src.slice(start, this.pos), line, start, end: 0 }) : (this.pos = start + 1, { kind: "punct", text: "'", line, start, end: 0 });
    }
    let cp = src.codePointAt(start + 1);
    if (cp !== void 0 && c1 !== 39 && c1 !== 10) {
      let width = cp > 65535 ? 2 : 1;
      if (src.charCodeAt(start + 1 + width) === 39)
        return this.pos = start + 2 + width, { kind: "literal", text: src.slice(start, this.pos), line, start, end: 0 };
    }
    let i = start + 1;
    for (; i < n && isIdentContinue(src.charCodeAt(i)); ) i++;
    return this.pos = i, { kind: "lifetime", text: src.slice(start, i), line, start, end: 0 };
  }
};

// src/rust-source/tokens.ts
var CLOSING = { "(": ")", "[": "]", "{": "}" };
function isOpening(t) {
  return t.kind === "punct" && CLOSING[t.text] !== void 0;
}
function isClosing(t) {
  return t.kind === "punct" && (t.text === ")" || t.text === "]" || t.text === "}");
}
function closingOf(open) {
  return CLOSING[open];
}
function isPunct(t, text) {
  return t?.kind === "punct" && t.text === text;
}
function isIdent(t, text) {
  return t?.kind === "ident" && t.text === text;
}
function closingIndex(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    let t = tokens[i];
    if (isOpening(t)) depth++;
    else if (isClosing(t) && --depth === 0) return i;
  }
  return tokens.length;
}
function groupTokens(tokens) {
  let groupEnd = new Int32Array(tokens.length).fill(tokens.length), open = [];
  for (let i = 0; i < tokens.length; i++)
    isOpening(tokens[i]) ? open.push(i) : isClosing(tokens[i]) && open.length > 0 && (groupEnd[open.pop()] = i);
  return { tokens, groupEnd };
}
function isParenRange({ tokens, groupEnd }, start, end) {
  return end - start >= 2 && isPunct(tokens[start], "(") && isPunct(tokens[end - 1], ")") && groupEnd[start] === end - 1;
}
function topLevelRanges({ tokens, groupEnd }, start, end) {
  let parts = [], from = start;
  for (let i = start; i < end; i++)
    isOpening(tokens[i]) ? i = groupEnd[i] : isPunct(tokens[i], ",") && (parts.push([from, i]), from = i + 1);
  return parts.push([from, end]), parts;
}
var ESCAPES = { n: `
`, r: "\r", t: "	", "\\": "\\", 0: "\0", "'": "'", '"': '"' };
function stringValue(literal) {
  let raw = /^r(#*)"([\s\S]*)"\1$/.exec(literal);
  return raw ? raw[2] : literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"') ? null : literal.slice(1, -1).replace(/\\(?:u\{([0-9a-fA-F_]{1,8})\}|x([0-7][0-9a-fA-F])|\r?\n\s*|(.))/g, (whole, unicode, hex, simple) => {
    if (unicode !== void 0) {
      let code = parseInt(unicode.replace(/_/g, ""), 16);
      return code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    return hex !== void 0 ? String.fromCharCode(parseInt(hex, 16)) : simple === void 0 ? "" : ESCAPES[simple] ?? whole;
  });
}
function isCfgTest(attribute) {
  return attribute.length === 4 && attribute[0].text === "cfg" && attribute[1].text === "(" && attribute[2].text === "test" && attribute[3].text === ")";
}

// src/rust-source/crate-names.ts
function scanSourceNames(source) {
  let lexer = new Lexer(source), names = /* @__PURE__ */ new Set(), testNames = /* @__PURE__ */ new Set(), modules = [], includes = !1, recent = [], dropped = 0, nesting = 0, depth = 0, useGroup = -1, scopes = [newScope()], inline = [], testItem = -1, fileModule = { nesting: 0, scope: 0, test: !1 }, definitions = [], invocations = [], pathMacros = /* @__PURE__ */ new Set(), macroArguments = /* @__PURE__ */ new Map(), current = lexer.next();
  for (; current !== null; ) {
    let next = lexer.next(), previous = recent[recent.length - 1], module2 = inline.length === 0 ? fileModule : inline[inline.length - 1], scope = scopes[module2.scope], inTest = testItem >= 0 || module2.test, found = inTest ? testNames : names;
    if (current.kind === "ident") {
      if (previous?.kind === "ident" && TYPE_ITEM_KEYWORDS.has(previous.text) && nesting === module2.nesting && definitions.length === 0 && unconditional(recent.slice(0, -1), dropped > 0)) {
        let outOfLine = previous.text === "mod" && next?.text === ";", inlineModule = previous.text === "mod" && next?.text === "{";
        scope.items.set(current.text, outOfLine ? { kind: "file", module: modules.length } : inlineModule ? { kind: "inline", scope: scopes.length } : { kind: "item" });
      }
      let metavariable = previous?.text === "$", method = previous?.text === "." && recent[recent.length - 2]?.text !== ".";
      if (next?.kind === "punct" && next.text === ":" && source.charCodeAt(next.end) === 58) {
        let imported = previous?.text === "use" || startsGlobalPath(recent) || useGroup >= 0 && useGroup === depth - 1 && (previous?.text === "{" || previous?.text === ",");
        metavariable && definitions.length > 0 && pathMacros.add(definitions[definitions.length - 1].name), metavariable || method || (imported || definitions.length > 0 ? found.add(current.text) : KEYWORDS_BEFORE_PATH.has(current.text) || (inTest ? scope.testPaths : scope.paths).add(current.text));
      } else (previous?.kind === "ident" && (previous.text === "use" || previous.text === "crate" && precededByExtern(recent)) || startsGlobalPath(recent) || useGroup >= 0 && useGroup === depth - 1 && (previous?.text === "{" || previous?.text === ",")) && found.add(current.text);
      current.text === "include" && next?.kind === "punct" && next.text === "!" && (includes = !0), current.text === "cfg" && previous?.text === "[" && recent[recent.length - 2]?.text === "!" && recent[recent.length - 3]?.text === "#" && nesting === module2.nesting + 1 && (scope.gated = !0);
      for (let invocation of invocations) {
        let args = macroArguments.get(invocation.name);
        args === void 0 && macroArguments.set(invocation.name, args = /* @__PURE__ */ new Set()), args.add(current.text);
      }
      if (previous?.kind === "ident" && previous.text === "mod" && next?.kind === "punct" && next.text === ";") {
        let attributes = itemAttributes(recent.slice(0, -1), dropped > 0);
        attributes === null && (includes = !0);
        let testOnly = inTest || (attributes ?? []).some(isCfgTest);
        modules.push({ name: current.text, path: pathAttribute(attributes ?? []), conditionalPaths: conditionalPathAttributes(attributes ?? []), inline: inline.map((m) => m.dir), shadows: [], testOnly });
      }
      previous?.text === "$" && recent[recent.length - 2]?.text === "mod" && next?.text === ";" && (includes = !0);
    }
    if (current.kind === "punct" && OPENING.has(current.text)) {
      let bang = recent[recent.length - 1], named = recent[recent.length - 2];
      if (bang?.text === "!" && named?.kind === "ident" ? named.text !== "macro_rules" && invocations.push({ name: named.text, nesting }) : previous?.kind === "ident" && recent[recent.length - 2]?.text === "!" && recent[recent.length - 3]?.text === "macro_rules" && definitions.push({ name: previous.text, nesting }), nesting++, current.text === "{") {
        if (previous?.kind === "ident" && recent[recent.length - 2]?.text === "mod") {
          let dir = pathAttribute(itemAttributes(recent.slice(0, -2), !1) ?? []) ?? previous.text;
          inline.push({ nesting, scope: scopes.push(newScope()) - 1, dir, test: inTest });
        }
        (previous?.text === "use" || startsGlobalPath(recent) && recent[recent.length - 3]?.text === "use") && (useGroup = depth), depth++;
      }
    } else if (current.kind === "punct" && CLOSING2.has(current.text)) {
      if (nesting--, invocations.at(-1)?.nesting === nesting && invocations.pop(), definitions.at(-1)?.nesting === nesting && definitions.pop(), inline.at(-1)?.nesting === nesting + 1 && inline.pop(), current.text === "}" && (depth--, useGroup === depth && (useGroup = -1), testItem === nesting && (testItem = -1)), current.text === "]" && testItem < 0 && nesting === module2.nesting) {
        let attribute = closedTestAttribute(recent);
        attribute === "outer" ? testItem = nesting : attribute === "inner" && (module2.test = !0);
      }
    } else current.kind === "punct" && current.text === ";" && testItem === nesting && (testItem = -1);
    recent.push(current), recent.length > 2 * RECENT && (dropped += recent.length - RECENT, recent.splice(0, recent.length - RECENT)), current = next;
  }
  for (let { paths, testPaths, items } of scopes)
    for (let [unresolved, into] of [[paths, names], [testPaths, testNames]])
      for (let name of unresolved) {
        let item = items.get(name);
        item === void 0 || item.kind === "inline" && scopes[item.scope].gated ? into.add(name) : item.kind === "file" && modules[item.module].shadows.push(name);
      }
  for (let name of macroPathArguments(pathMacros, macroArguments)) names.add(name);
  for (let name of names) testNames.delete(name);
  return { names, testNames, modules, includes, gated: scopes[0].gated, pathMacros, macroArguments };
}
function newScope() {
  return { paths: /* @__PURE__ */ new Set(), testPaths: /* @__PURE__ */ new Set(), items: /* @__PURE__ */ new Map(), gated: !1 };
}
function closedTestAttribute(recent) {
  let n = recent.length;
  return n >= 3 && recent[n - 3].text === "#" && recent[n - 2].text === "[" && (recent[n - 1].text === "test" || recent[n - 1].text === "bench") ? "outer" : n < 6 || recent[n - 5].text !== "[" || !isCfgTest(recent.slice(n - 4)) ? null : recent[n - 6].text === "#" ? "outer" : recent[n - 6].text === "!" && recent[n - 7]?.text === "#" ? "inner" : null;
}
function macroPathArguments(pathMacros, macroArguments) {
  return [...pathMacros].flatMap((name) => [...macroArguments.get(name) ?? []]);
}
var OPENING = /* @__PURE__ */ new Set(["(", "[", "{"]), CLOSING2 = /* @__PURE__ */ new Set([")", "]", "}"]), RECENT = 256;
function unconditional(tokens, truncated) {
  let attributes = itemAttributes(tokens, truncated);
  return attributes !== null && attributes.every((a) => a[0]?.text !== "cfg" && a[0]?.text !== "cfg_attr");
}
function startsGlobalPath(recent) {
  let [before, first, second] = recent.slice(-3);
  return first?.text !== ":" || second?.text !== ":" || second.start !== first.start + 1 ? !1 : before === void 0 || before.kind === "punct" && before.text !== ">" && before.text !== ")" || before.kind === "ident" && KEYWORDS_BEFORE_PATH.has(before.text);
}
var KEYWORDS_BEFORE_PATH = /* @__PURE__ */ new Set(["as", "box", "break", "const", "dyn", "else", "for", "if", "impl", "in", "let", "match", "move", "mut", "pub", "ref", "return", "static", "type", "unsafe", "use", "where", "while", "yield"]);
function precededByExtern(recent) {
  let before = recent[recent.length - 2];
  return before?.kind === "ident" && before.text === "extern";
}
function conditionalPathAttributes(attributes) {
  let paths = [];
  for (let inner of attributes)
    if (inner[0]?.text === "cfg_attr") {
      for (let i = 1; i + 2 < inner.length; i++)
        if (inner[i].text === "path" && inner[i - 1].text === "," && inner[i + 1].text === "=" && inner[i + 2].kind === "literal") {
          let value = stringValue(inner[i + 2].text);
          value !== null && paths.push(value);
        }
    }
  return paths;
}
function pathAttribute(attributes) {
  for (let inner of attributes)
    if (inner.length === 3 && inner[0].text === "path" && inner[1].text === "=" && inner[2].kind === "literal") return stringValue(inner[2].text);
  return null;
}
function itemAttributes(tokens, truncated) {
  let i = tokens.length - 1;
  if (tokens[i]?.text === ")") {
    for (; i >= 0 && tokens[i].text !== "("; ) i--;
    i--;
  }
  for (tokens[i]?.text === "pub" && i--; tokens[i]?.text === "unsafe" || tokens[i]?.text === "auto"; ) i--;
  if (tokens[i]?.text === ")") {
    for (; i >= 0 && tokens[i].text !== "("; ) i--;
    i--;
  }
  tokens[i]?.text === "pub" && i--;
  let attributes = [];
  for (; tokens[i]?.text === "]"; ) {
    let j = i;
    for (; j >= 0 && tokens[j].text !== "["; ) j--;
    if (j < 1 || tokens[j - 1].text !== "#") return null;
    attributes.push(tokens.slice(j + 1, i)), i = j - 2;
  }
  return i < 0 && truncated ? null : attributes;
}
var TYPE_ITEM_KEYWORDS = /* @__PURE__ */ new Set(["mod", "struct", "enum", "union", "trait", "type"]);

// src/rust-source/doc-examples.ts
var RANK2 = { none: 0, compile: 1, run: 2 };
function mergeDocExamples(a, b) {
  return RANK2[a] >= RANK2[b] ? a : b;
}
var TokenStream = class {
  ahead = [];
  lexer;
  constructor(source) {
    this.lexer = new Lexer(source, !0);
  }
  /** The token `k` places ahead (0: the next one), without taking it. */
  peek(k = 0) {
    for (; this.ahead.length <= k; ) {
      let t = this.lexer.next();
      if (t === null) return null;
      this.ahead.push(t);
    }
    return this.ahead[k];
  }
  next() {
    return this.ahead.length > 0 ? this.ahead.shift() : this.lexer.next();
  }
}, MAX_ATTRIBUTE_TOKENS = 4096;
function scanDocExamples(source, included = () => null) {
  let stream = new TokenStream(source), examples = [], unreadable = !1, fragments = [], testOnly = !1, nesting = 0, testItem = -1, skipping = -1;
  for (let t = stream.next(); t !== null; t = stream.next()) {
    if (t.kind === "doc") {
      skipping < 0 && fragments.push({ kind: "sugared", lines: source.startsWith("/*", t.start) ? blockCommentLines(t.text) : [t.text] });
      continue;
    }
    if (t.text === "#" && (stream.peek()?.text === "[" || stream.peek()?.text === "!" && stream.peek(1)?.text === "[")) {
      stream.peek()?.text === "!" && stream.next();
      let attribute = attributeTokens(stream);
      if (attribute === null) unreadable = !0;
      else if (isCfgTest(attribute)) testOnly = !0;
      else if (skipping < 0)
        for (let doc of docAttributes(attribute, 0)) {
          let text = doc.kind === "literal" ? doc.text : doc.kind === "include" ? included(doc.path) : null;
          text === null ? unreadable = !0 : fragments.push({ kind: "raw", lines: text.split(`
`) });
        }
      continue;
    }
    fragments.length > 0 && !testOnly && skipping < 0 && collectsDocs(t, stream.peek()) && examples.push(...examplesInMarkdown(unindent(fragments))), fragments = [], testOnly && skipping < 0 && testItem < 0 && (testItem = nesting), testOnly = !1, t.text === "(" || t.text === "[" || t.text === "{" ? (t.text === "{" && testItem === nesting && (skipping = nesting + 1, testItem = -1), nesting++) : t.text === ")" || t.text === "]" || t.text === "}" ? (nesting--, nesting < skipping && (skipping = -1)) : t.text === ";" && testItem === nesting && (testItem = -1);
  }
  return fragments.length > 0 && !testOnly && skipping < 0 && examples.push(...examplesInMarkdown(unindent(fragments))), { examples, unreadable };
}
function attributeTokens(stream) {
  stream.next();
  let tokens = [], depth = 1;
  for (let t = stream.next(); t !== null; t = stream.next()) {
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    else if ((t.text === ")" || t.text === "]" || t.text === "}") && --depth === 0) break;
    tokens.length <= MAX_ATTRIBUTE_TOKENS && tokens.push(t);
  }
  return tokens.length > MAX_ATTRIBUTE_TOKENS ? null : tokens;
}
function collectsDocs(t, next) {
  return t.kind === "ident" && t.text === "let" ? !1 : !(t.kind === "ident" && t.text !== "macro_rules" && next?.text === "!");
}
var MAX_CFG_ATTR_DEPTH = 8;
function docAttributes(attribute, depth) {
  let head = attribute[0]?.text;
  if (head === "doc" && attribute[1]?.text === "=") {
    let value = attribute.slice(2), literal = value.length === 1 && value[0].kind === "literal" ? stringValue(value[0].text) : null;
    if (literal !== null) return [{ kind: "literal", text: literal }];
    let file = value.length === 5 && value[0].text === "include_str" && value[1].text === "!" && value[3].kind === "literal" ? stringValue(value[3].text) : null;
    return [file !== null ? { kind: "include", path: file } : { kind: "unreadable" }];
  }
  if (head !== "cfg_attr" || attribute[1]?.text !== "(") return [];
  if (depth === MAX_CFG_ATTR_DEPTH) return [{ kind: "unreadable" }];
  let args = topLevelArguments(attribute, 1);
  return args.length < 2 || !mayHoldUnderRustdoc(args[0]) ? [] : args.slice(1).flatMap((a) => docAttributes(a, depth + 1));
}
function topLevelArguments(tokens, open) {
  let close = closingIndex(tokens, open), args = [[]];
  for (let i = open + 1; i < close; i++) {
    let t = tokens[i];
    if (t.text === ",") args.push([]);
    else if (t.text === "(" || t.text === "[" || t.text === "{") {
      let end = closingIndex(tokens, i);
      args[args.length - 1].push(...tokens.slice(i, end + 1)), i = end;
    } else args[args.length - 1].push(t);
  }
  return args.filter((a) => a.length > 0);
}
function mayHoldUnderRustdoc(condition) {
  return condition.length === 1 ? condition[0].text !== "test" && condition[0].text !== "docsrs" : condition[0]?.text === "not" && condition.length === 4 ? condition[2].text !== "doc" && condition[2].text !== "doctest" : !0;
}
function blockCommentLines(text) {
  let lines = text.split(`
`);
  return lines.length > 1 && lines[0].trim() === "" && lines.shift(), lines.length > 1 && lines[lines.length - 1].trim() === "" && lines.pop(), lines.length > 1 && lines.every((l) => /^\s*\*/.test(l)) ? lines.map((l) => l.replace(/^\s*\*/, "")) : lines;
}
function unindent(fragments) {
  let add = fragments.some((f) => f.kind === "sugared") && fragments.some((f, i) => i > 0 && f.kind !== fragments[i - 1].kind) ? 1 : 0, min = 1 / 0;
  for (let f of fragments)
    for (let line of f.lines)
      line.trim() !== "" && (min = Math.min(min, /^[ \t]*/.exec(line)[0].length + (f.kind === "sugared" ? 0 : add)));
  return min === 1 / 0 && (min = 0), fragments.flatMap((f) => {
    let indent = f.kind !== "sugared" && min > 0 ? min - add : min;
    return f.lines.map((line) => line.trim() === "" ? "" : line.slice(Math.min(indent, /^[ \t]*/.exec(line)[0].length)));
  });
}
function docTests(scans, crate) {
  if (scans.some((s) => s.unreadable)) return { examples: "run", compiledNames: null, runNames: null };
  let merges = Number.parseInt(crate.edition, 10) >= 2024, compiled = /* @__PURE__ */ new Set(), run = /* @__PURE__ */ new Set(), merged = null, examples = "none";
  for (let example of scans.flatMap((s) => s.examples)) {
    let scanned = scanSourceNames(example.code), names = scanned.includes ? null : scanned.names;
    if (examples = mergeDocExamples(examples, "compile"), merges && !example.standalone && mergeableCode(example.code)) {
      merged = union(merged ?? /* @__PURE__ */ new Set(), names), names === null && (run = compiled = null);
      continue;
    }
    example.kind === "run" && (names !== null && example.code.includes(crate.name) && names.add(crate.name), examples = "run", compiled = union(compiled, names), example.shouldPanic || (run = union(run, names)));
  }
  return merged !== null && (examples = "run", compiled = union(compiled, merged), run = union(run, merged)), { examples, compiledNames: compiled === null ? null : [...compiled].sort(), runNames: run === null ? null : [...run].sort() };
}
function union(into, names) {
  if (into === null || names === null) return null;
  for (let name of names) into.add(name);
  return into;
}
var LINT_ATTRIBUTES = /* @__PURE__ */ new Set(["allow", "warn", "deny", "forbid", "expect"]);
function mergeableCode(code) {
  let stream = new TokenStream(code), nesting = 0, macroDefinition = !1;
  for (let t = stream.next(); t !== null; t = stream.next())
    if (t.text === "(" || t.text === "[" || t.text === "{" ? nesting++ : (t.text === ")" || t.text === "]" || t.text === "}") && nesting--, nesting === 0) {
      if (t.kind === "doc" && (code.startsWith("//!", t.start) || code.startsWith("/*!", t.start)) || t.text === "#" && stream.peek()?.text === "!" && stream.peek(1)?.text === "[" && !LINT_ATTRIBUTES.has(stream.peek(2)?.text ?? "") || t.text === "#" && stream.peek()?.text === "[" && stream.peek(1)?.text === "global_allocator") return !1;
      t.text === "macro_rules" && stream.peek()?.text === "!" && (macroDefinition = !0);
    }
  return !(macroDefinition && code.includes("$crate"));
}
function examplesInMarkdown(lines) {
  let examples = [], fence = null, indented = null, blankBefore = !0, inList = !1, close = (kind, code) => {
    kind !== null && examples.push({ kind: kind.noRun ? "compile" : "run", standalone: kind.standalone, shouldPanic: kind.shouldPanic, code: code.map(codeLine).join(`
`) });
  };
  for (let raw of lines) {
    let quote = /^( {0,3}> ?)+/.exec(raw);
    if (fence !== null) {
      let line2 = fence.quoted && quote ? raw.slice(quote[0].length) : raw, closing = /^\s*(`{3,}|~{3,})\s*$/.exec(line2);
      closing && closing[1][0] === fence.char && closing[1].length >= fence.length ? (close(fence.kind, fence.code), fence = null, blankBefore = !1) : fence.code.push(line2);
      continue;
    }
    let line = quote ? raw.slice(quote[0].length) : raw, open = (inList ? /^\s*(`{3,}|~{3,})(.*)$/ : /^ {0,3}(`{3,}|~{3,})(.*)$/).exec(line);
    if (open && !(open[1][0] === "`" && open[2].includes("`"))) {
      indented !== null && close(INDENTED, indented), indented = null, fence = { char: open[1][0], length: open[1].length, kind: blockKind(open[2]), code: [], quoted: quote !== null };
      continue;
    }
    if (line.trim() === "") {
      indented?.push(""), blankBefore = !0;
      continue;
    }
    if (indented !== null && /^( {4}|\t)/.test(line)) {
      indented.push(line.replace(/^( {4}|\t)/, ""));
      continue;
    }
    if (indented !== null && close(INDENTED, indented), indented = null, /^ {0,3}([-*+]|\d+[.)])\s/.test(line) ? inList = !0 : /^\s/.test(line) || (inList = !1), blankBefore && !inList && /^( {4}|\t)/.test(line)) {
      indented = [line.replace(/^( {4}|\t)/, "")], blankBefore = !1;
      continue;
    }
    blankBefore = /^ {0,3}#{1,6}(\s|$)/.test(line);
  }
  return indented !== null && close(INDENTED, indented), fence !== null && close(fence.kind, fence.code), examples;
}
function codeLine(line) {
  let trimmed = line.trim();
  return trimmed.startsWith("##") ? line.replace("##", "#") : trimmed.startsWith("# ") ? trimmed.slice(2) : trimmed === "#" ? "" : line;
}
var INDENTED = { noRun: !1, standalone: !1, shouldPanic: !1 };
function blockKind(info) {
  let rust = !1, other2 = !1, ignore = !1, noRun = !1, compileFail = !1, standalone = !1, shouldPanic = !1;
  for (let token of info.split(/[\s,]+/).filter((t) => t !== "")) {
    let word = token.replace(/^\{?\.?/, "").replace(/\}$/, "");
    if (word === "rust") rust = !0;
    else if (word === "ignore" || word.startsWith("ignore-")) ignore = !0;
    else if (word === "no_run") noRun = !0;
    else if (word === "compile_fail") compileFail = !0;
    else if (word === "test_harness" || word === "standalone_crate") standalone = !0;
    else if (word === "should_panic") shouldPanic = !0;
    else {
      if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word)) continue;
      other2 = !0;
    }
  }
  return other2 && !rust || ignore || compileFail ? null : { noRun, standalone, shouldPanic };
}
var RUSTDOC_ATTRIBUTES = /* @__PURE__ */ new Set(["allow_fail"]);

// src/rust-source/signatures.ts
var MAX_DEPTH = 32;
function readSignature(tokens, name, source) {
  let line = tokens[name].line, before = tokens[name - 1];
  if (isIdent(before, "static") || isIdent(before, "mut") && isIdent(tokens[name - 2], "static")) {
    if (!isColon(tokens, name + 1)) return null;
    let end = scanTo(tokens, name + 2, (t) => isPunct(t, "=") || isPunct(t, ";"));
    return { item: "static", type: parseType(tokens.slice(name + 2, end), source, 0), line };
  }
  if (!isIdent(before, "fn")) return null;
  let abi = null;
  isIdent(tokens[name - 2], "extern") ? abi = "C" : tokens[name - 2]?.kind === "literal" && isIdent(tokens[name - 3], "extern") && (abi = stringValue(tokens[name - 2].text) ?? tokens[name - 2].text);
  let at = name + 1, generic = !1;
  if (isPunct(tokens[at], "<")) {
    let close2 = angleClose(tokens, at);
    generic = splitTop(tokens.slice(at + 1, close2)).some((p) => p.length > 0 && p[0].kind !== "lifetime"), at = close2 + 1;
  }
  if (!isPunct(tokens[at], "(")) return null;
  let close = closingIndex(tokens, at), params = splitTop(tokens.slice(at + 1, close)).filter((p) => p.length > 0).map((p) => parameter(p, source));
  at = close + 1;
  let returns = null;
  if (isArrow(tokens, at)) {
    let end = scanTo(tokens, at + 2, (t) => isPunct(t, "{") || isPunct(t, ";") || isIdent(t, "where"));
    returns = parseType(tokens.slice(at + 2, end), source, 0), returns.kind === "tuple" && returns.items.length === 0 && (returns = null);
  }
  return { item: "fn", abi, generic, params, returns, line };
}
function readAlias(tokens, name, source) {
  let at = name + 1;
  isPunct(tokens[at], "<") && (at = angleClose(tokens, at) + 1);
  let eq = scanTo(tokens, at, (t) => isPunct(t, "=") || isPunct(t, ";"));
  if (!isPunct(tokens[eq], "=")) return null;
  let end = scanTo(tokens, eq + 1, (t) => isPunct(t, ";"));
  return parseType(tokens.slice(eq + 1, end), source, 0);
}
function parameter(tokens, source) {
  let start = 0;
  for (; isPunct(tokens[start], "#") && isPunct(tokens[start + 1], "["); ) start = closingIndex(tokens, start + 1) + 1;
  let rest = tokens.slice(start), colon = topLevelColon(rest);
  return colon < 0 || rest.slice(0, colon).some((t) => isIdent(t, "self")) ? other(rest, source) : parseType(rest.slice(colon + 1), source, 0);
}
function fnPointerParameter(tokens, source, depth) {
  let named = topLevelColon(tokens) === 1 && (tokens[0].kind === "ident" || tokens[0].text === "_");
  return parseType(named ? tokens.slice(2) : tokens, source, depth);
}
function parseType(tokens, source, depth) {
  let first = tokens[0];
  if (first === void 0 || depth > MAX_DEPTH) return other(tokens, source);
  let base2 = { text: textOf(tokens, source), line: first.line }, last = tokens.length - 1;
  if (isPunct(first, "&")) {
    let at = 1;
    tokens[at]?.kind === "lifetime" && at++;
    let mutable = isIdent(tokens[at], "mut");
    return { ...base2, kind: "reference", mutable, to: parseType(tokens.slice(mutable ? at + 1 : at), source, depth + 1) };
  }
  if (isPunct(first, "*")) {
    let mutable = isIdent(tokens[1], "mut");
    return !mutable && !isIdent(tokens[1], "const") ? { ...base2, kind: "other" } : { ...base2, kind: "pointer", mutable, to: parseType(tokens.slice(2), source, depth + 1) };
  }
  if (isPunct(first, "(") && closingIndex(tokens, 0) === last) {
    let parts = splitTop(tokens.slice(1, last));
    return parts.length === 1 && parts[0].length > 0 ? parseType(parts[0], source, depth + 1) : { ...base2, kind: "tuple", items: parts.filter((p) => p.length > 0).map((p) => parseType(p, source, depth + 1)) };
  }
  if (isPunct(first, "[") && closingIndex(tokens, 0) === last) {
    let inner = tokens.slice(1, last), semi = scanTo(inner, 0, (t) => isPunct(t, ";")), of = parseType(inner.slice(0, semi), source, depth + 1);
    return semi < inner.length ? { ...base2, kind: "array", of } : { ...base2, kind: "slice", of };
  }
  if (isPunct(first, "!") && tokens.length === 1) return { ...base2, kind: "never" };
  if (isIdent(first, "dyn")) return { ...base2, kind: "dyn" };
  if (isIdent(first, "impl")) return { ...base2, kind: "impl" };
  let fn = fnPointer(tokens, source, depth);
  return fn !== void 0 ? fn === null ? { ...base2, kind: "other" } : { ...base2, ...fn } : path12(tokens, source, depth) ?? { ...base2, kind: "other" };
}
function fnPointer(tokens, source, depth) {
  let at = 0;
  isIdent(tokens[at], "for") && isPunct(tokens[at + 1], "<") && (at = angleClose(tokens, at + 1) + 1), isIdent(tokens[at], "unsafe") && at++;
  let abi = null;
  if (isIdent(tokens[at], "extern") && (abi = "C", tokens[at + 1]?.kind === "literal" && (abi = stringValue(tokens[++at].text) ?? tokens[at].text), at++), !isIdent(tokens[at], "fn")) return at === 0 ? void 0 : null;
  if (!isPunct(tokens[at + 1], "(")) return null;
  let close = closingIndex(tokens, at + 1), params = splitTop(tokens.slice(at + 2, close)).filter((p) => p.length > 0).map((p) => fnPointerParameter(p, source, depth + 1)), returns = null;
  if (isArrow(tokens, close + 1))
    returns = parseType(tokens.slice(close + 3), source, depth + 1), returns.kind === "tuple" && returns.items.length === 0 && (returns = null);
  else if (close + 1 !== tokens.length) return null;
  return { kind: "fn", abi, params, returns };
}
function path12(tokens, source, depth) {
  let segments = [], args = [], at = isColon(tokens, 0) && isColon(tokens, 1) ? 2 : 0;
  for (; ; ) {
    let t = tokens[at];
    if (t?.kind !== "ident") return null;
    if (segments.push(t.text), at++, isColon(tokens, at) && isColon(tokens, at + 1) && isPunct(tokens[at + 2], "<") && (at += 2), isPunct(tokens[at], "<")) {
      let close = angleClose(tokens, at);
      if (close >= tokens.length) return null;
      for (let arg of splitTop(tokens.slice(at + 1, close))) {
        if (arg.length === 0 || arg.length === 1 && arg[0].kind === "lifetime") continue;
        let binding = arg.length > 1 && arg[0].kind === "ident" && isPunct(arg[1], "=");
        args.push(binding || arg[0].kind === "literal" || isPunct(arg[0], "{") ? other(arg, source) : parseType(arg, source, depth + 1));
      }
      at = close + 1;
    }
    if (at === tokens.length) return { text: textOf(tokens, source), line: tokens[0].line, kind: "path", segments, args };
    if (!(isColon(tokens, at) && isColon(tokens, at + 1))) return null;
    at += 2;
  }
}
function other(tokens, source) {
  return { text: textOf(tokens, source), line: tokens[0]?.line ?? 0, kind: "other" };
}
function textOf(tokens, source) {
  return tokens.length === 0 ? "" : source.slice(tokens[0].start, tokens[tokens.length - 1].end).replace(/\s+/g, " ");
}
function isColon(tokens, at) {
  return isPunct(tokens[at], ":");
}
function isArrow(tokens, at) {
  return isPunct(tokens[at], "-") && isPunct(tokens[at + 1], ">") && tokens[at].end === tokens[at + 1].start;
}
function isAngleClose(tokens, at) {
  return isPunct(tokens[at], ">") && !(isPunct(tokens[at - 1], "-") && tokens[at - 1].end === tokens[at].start);
}
function angleClose(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    let t = tokens[i];
    if (isPunct(t, "<") || isOpening(t)) depth++;
    else if ((isAngleClose(tokens, i) || isClosing(t)) && --depth === 0)
      return i;
  }
  return tokens.length;
}
function scanTo(tokens, from, stop) {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    let t = tokens[i];
    if (depth === 0 && stop(t)) return i;
    isPunct(t, "<") || isOpening(t) ? depth++ : (isAngleClose(tokens, i) || isClosing(t)) && (depth = Math.max(0, depth - 1));
  }
  return tokens.length;
}
function splitTop(tokens) {
  let parts = [], start = 0;
  for (; ; ) {
    let comma = scanTo(tokens, start, (t) => isPunct(t, ","));
    if (parts.push(tokens.slice(start, comma)), comma >= tokens.length) return parts;
    start = comma + 1;
  }
}
function topLevelColon(tokens) {
  let from = 0;
  for (; ; ) {
    let at = scanTo(tokens, from, (t) => isPunct(t, ":"));
    if (at >= tokens.length) return -1;
    if (!isColon(tokens, at + 1)) return at;
    from = at + 2;
  }
}

// src/rust-source/exports.ts
var DECLARATION_ITEMS = /* @__PURE__ */ new Set(["struct", "enum", "union", "type"]), EVERYWHERE = { library: !0, harness: !0 }, MAX_INLINE_MODULES = 16;
function scanExports(source) {
  let tokens = lexAll(source), exports2 = [], modules = [], declarations = [], frames = [{ close: "", kind: "other", presence: EVERYWHERE, item: null }], inline = [], run = null;
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i], frame = frames[frames.length - 1];
    if (isPunct(t, "#")) {
      let inner = isPunct(tokens[i + 1], "!"), open = inner ? i + 2 : i + 1;
      if (isPunct(tokens[open], "[")) {
        let end = closingIndex(tokens, open), meaning = analyseAttribute(tokens.slice(open + 1, end));
        if (inner) frame.presence = both(frame.presence, meaning.cfg);
        else {
          run ??= { presence: EVERYWHERE, exports: [], path: null, repr: [] }, run.presence = both(run.presence, meaning.cfg);
          for (let e of meaning.exports) run.exports.push({ line: t.line, ...e });
          meaning.path !== null && (run.path = meaning.path), run.repr.push(...meaning.repr);
        }
        i = end;
        continue;
      }
    }
    if (isClosing(t)) {
      if (run = null, frames.length === 1 || t.text !== frame.close) continue;
      frames.pop().kind === "module" && inline.pop(), frame = frames[frames.length - 1], t.text === "}" ? frame.item = null : frame.item !== null && step(frame.item, t);
      continue;
    }
    (run !== null || frame.item === null) && (frame.item = { ...run ?? { presence: EVERYWHERE, exports: [], path: null, repr: [] }, expectName: !1, prev: null, prev2: null }, run = null);
    let item = frame.item, named = exportName(item, t, frame);
    if (named !== null) {
      let site = resolve4(item, named, both(frame.presence, item.presence));
      site !== null && exports2.push({ ...site, signature: readSignature(tokens, i, source) });
    }
    if (t.kind === "ident" && item.prev?.kind === "ident" && DECLARATION_ITEMS.has(item.prev.text) && frames.every((f, k) => k === 0 || f.kind === "module")) {
      let kind = item.prev.text;
      declarations.push({ name: t.text, item: kind, repr: item.repr, aliasOf: kind === "type" ? readAlias(tokens, i, source) : null, line: t.line });
    }
    if (isOpening(t)) {
      let brace = t.text === "{", foreign = brace && (isIdent(item.prev, "extern") || item.prev?.kind === "literal" && isIdent(item.prev2, "extern")), module2 = brace && item.prev?.kind === "ident" && isIdent(item.prev2, "mod");
      module2 && inline.push(item.prev.text), frames.push({ close: closingOf(t.text), kind: foreign ? "foreign" : module2 ? "module" : "other", presence: both(frame.presence, item.presence), item: null }), step(item, t);
      continue;
    }
    if (isPunct(t, ";")) {
      if (item.prev?.kind === "ident" && isIdent(item.prev2, "mod")) {
        let presence = both(frame.presence, item.presence);
        (presence.library || presence.harness) && inline.length <= MAX_INLINE_MODULES && modules.push({ name: item.prev.text, path: item.path, inline: [...inline], ...presence });
      }
      frame.item = null;
      continue;
    }
    step(item, t);
  }
  return { exports: exports2, modules, declarations };
}
function step(item, t) {
  item.prev2 = item.prev, item.prev = t;
}
function exportName(item, t, frame) {
  return item.exports.length === 0 ? null : frame.kind === "foreign" ? (item.exports = [], null) : item.expectName ? isIdent(t, "mut") ? null : (item.expectName = !1, t.kind === "ident" ? t.text : (item.exports = [], null)) : (isIdent(t, "fn") || isIdent(t, "static") ? item.expectName = !0 : (isPunct(t, "{") || isPunct(t, ";") || isPunct(t, "=")) && (item.exports = []), null);
}
function resolve4(item, name, where2) {
  let pending = item.exports;
  item.exports = [];
  let named = pending.filter((e) => e.symbol !== null), attributes = { library: pending.some((e) => e.presence.library), harness: pending.some((e) => e.presence.harness) }, presence = both(where2, attributes);
  return !presence.library && !presence.harness ? null : { symbol: named.length > 0 ? named[named.length - 1].symbol : name, attribute: named.length > 0 ? "export_name" : "no_mangle", line: pending[0].line, ...presence };
}
var MAX_DEPTH2 = 16;
function analyseAttribute(tokens) {
  return analyseRange(groupTokens(tokens), 0, tokens.length, 0);
}
function analyseRange(attr, start, end, depth) {
  let meaning = { cfg: null, exports: [], path: null, repr: [] }, { tokens } = attr, head = start < end ? tokens[start] : void 0;
  if (head?.kind !== "ident" || depth > MAX_DEPTH2) return meaning;
  let rest = start + 1;
  if (head.text === "no_mangle" && rest === end) meaning.exports.push({ symbol: null, presence: EVERYWHERE });
  else if ((head.text === "export_name" || head.text === "path") && end - rest === 2 && isPunct(tokens[rest], "=") && tokens[rest + 1].kind === "literal") {
    let value = stringValue(tokens[rest + 1].text);
    value !== null && head.text === "path" ? meaning.path = value : value !== null && meaning.exports.push({ symbol: value, presence: EVERYWHERE });
  } else if (isParenRange(attr, rest, end)) {
    let args = topLevelRanges(attr, rest + 1, end - 1).filter(([from, to]) => to > from);
    if (head.text === "unsafe" && args.length === 1)
      meaning.exports.push(...analyseRange(attr, ...args[0], depth + 1).exports);
    else if (head.text === "repr")
      for (let [from] of args) tokens[from].kind === "ident" && meaning.repr.push(tokens[from].text);
    else if (head.text === "cfg" && args.length === 1)
      meaning.cfg = presenceOf(attr, ...args[0]);
    else if (head.text === "cfg_attr" && args.length >= 2) {
      let [from, to] = args[0], when = presenceOf(attr, from, to), decidedTrue = { library: evaluate(attr, from, to, !1, 0) === !0, harness: evaluate(attr, from, to, !0, 0) === !0 };
      for (let [argStart, argEnd] of args.slice(1)) {
        let inner = analyseRange(attr, argStart, argEnd, depth + 1);
        for (let e of inner.exports) meaning.exports.push({ symbol: e.symbol, presence: both(e.presence, when) });
        meaning.repr.push(...inner.repr), inner.cfg !== null && (meaning.cfg = both(meaning.cfg ?? EVERYWHERE, { library: inner.cfg.library || !decidedTrue.library, harness: inner.cfg.harness || !decidedTrue.harness }));
      }
    }
  }
  return meaning;
}
function presenceOf(attr, start, end) {
  return { library: evaluate(attr, start, end, !1, 0) !== !1, harness: evaluate(attr, start, end, !0, 0) !== !1 };
}
function evaluate(attr, start, end, test, depth) {
  let { tokens } = attr, head = start < end ? tokens[start] : void 0;
  if (head?.kind !== "ident" || depth > MAX_DEPTH2) return null;
  if (end - start === 1) return head.text === "test" ? test : head.text === "true" ? !0 : head.text === "false" ? !1 : null;
  if (!isParenRange(attr, start + 1, end)) return null;
  let values = topLevelRanges(attr, start + 2, end - 1).filter(([from, to]) => to > from).map(([from, to]) => evaluate(attr, from, to, test, depth + 1));
  switch (head.text) {
    case "not":
      return values.length === 1 && values[0] !== null ? !values[0] : null;
    case "all":
      return values.includes(!1) ? !1 : values.every((v) => v === !0) ? !0 : null;
    case "any":
      return values.includes(!0) ? !0 : values.every((v) => v === !1) ? !1 : null;
    default:
      return null;
  }
}
function both(a, b) {
  return b === null ? a : { library: a.library && b.library, harness: a.harness && b.harness };
}
function lexAll(source) {
  let lexer = new Lexer(source), tokens = [];
  for (let t = lexer.next(); t !== null; t = lexer.next()) tokens.push(t);
  return tokens;
}

// src/rust-source/global-allocators.ts
function scanGlobalAllocators(source) {
  let lexer = new Lexer(source), found = [], fileConditions = [], seenItem = !1, runConditions = [], runSites = [], item = new ItemText(source), endRun = () => {
    if (runSites.length > 0) {
      for (let site of item.finish()) found.push(site);
      item.start(runSites.map((site) => ({ line: site.line, conditions: [...runConditions, ...site.conditions] })));
    }
    runConditions = [], runSites = [], seenItem = !0;
  }, tok = lexer.next();
  for (; tok !== null; ) {
    if (tok.kind === "punct" && tok.text === "#") {
      let hash = tok, line = tok.line, after = lexer.next(), inner = !1, bang = null;
      if (after !== null && after.kind === "punct" && after.text === "!" && (inner = !0, bang = after, after = lexer.next()), after !== null && after.kind === "punct" && after.text === "[") {
        let meaning = analyseAttribute2(readGroup(lexer, "]"));
        if (inner)
          !seenItem && meaning.cfg !== null && fileConditions.push(meaning.cfg);
        else {
          meaning.cfg !== null && runConditions.push(meaning.cfg);
          for (let conditions of meaning.allocators) runSites.push({ line, conditions });
        }
        tok = lexer.next();
        continue;
      }
      endRun(), item.observe(hash), bang !== null && item.observe(bang), tok = after;
      continue;
    }
    endRun(), item.observe(tok), tok = lexer.next();
  }
  endRun();
  for (let site of item.finish()) found.push(site);
  return found.map((site) => {
    let all = [...fileConditions, ...site.conditions];
    return { line: site.line, condition: all.length === 0 ? null : all.length === 1 ? all[0] : `all(${all.join(", ")})`, item: site.item };
  });
}
var MAX_ITEM_TOKENS = 64, ItemText = class {
  constructor(source) {
    this.source = source;
  }
  source;
  sites = [];
  tokens = [];
  depth = 0;
  closedBlock = !1;
  truncated = !1;
  open = !1;
  start(sites) {
    this.sites = sites, this.tokens = [], this.depth = 0, this.closedBlock = !1, this.truncated = !1, this.open = !0;
  }
  observe(t) {
    if (!this.open) return;
    let punct = t.kind === "punct" ? t.text : "";
    if (this.closedBlock && punct !== ";") {
      this.open = !1;
      return;
    }
    if (isClosing(t) && this.depth === 0) {
      this.open = !1;
      return;
    }
    if (this.tokens.length === MAX_ITEM_TOKENS) {
      this.truncated = !0, this.open = !1;
      return;
    }
    this.tokens.push(t), isOpening(t) ? this.depth++ : isClosing(t) ? --this.depth === 0 && punct === "}" && (this.closedBlock = !0) : punct === ";" && this.depth === 0 && (this.open = !1);
  }
  /** The sites started last, with their item text; afterwards there are none. */
  finish() {
    let text = "", previous = null;
    for (let t of this.tokens)
      text += previous === null || previous.end === t.start ? "" : " ", text += this.source.slice(t.start, t.end), previous = t;
    this.truncated && (text += " \u2026");
    let out = this.sites.map((site) => ({ ...site, item: text }));
    return this.sites = [], this.tokens = [], this.open = !1, out;
  }
}, MAX_CFG_ATTR_DEPTH2 = 8;
function analyseAttribute2(tokens) {
  return analyseRange2(groupTokens(tokens), 0, tokens.length, 0);
}
function analyseRange2(attr, start, end, depth) {
  let meaning = { cfg: null, allocators: [] }, { tokens } = attr, path26 = readPath(tokens, start, end);
  if (path26 === null) return meaning;
  let last = path26.segments[path26.segments.length - 1], simple = path26.segments.length === 1 && !path26.leadingColons;
  if (last === "global_allocator" && path26.end === end) {
    let first = path26.segments[0];
    return (simple || first === "core" || first === "std") && meaning.allocators.push([]), meaning;
  }
  if (!simple || !isParenRange(attr, path26.end, end)) return meaning;
  let args = topLevelRanges(attr, path26.end + 1, end - 1), [predicateStart, predicateEnd] = args[0];
  if (predicateEnd === predicateStart) return meaning;
  if (last === "cfg")
    meaning.cfg = joinTokens(tokens.slice(predicateStart, predicateEnd));
  else if (last === "cfg_attr" && args.length >= 2 && depth < MAX_CFG_ATTR_DEPTH2) {
    let predicate = joinTokens(tokens.slice(predicateStart, predicateEnd));
    for (let [argStart, argEnd] of args.slice(1))
      if (argEnd !== argStart)
        for (let conditions of analyseRange2(attr, argStart, argEnd, depth + 1).allocators) meaning.allocators.push([predicate, ...conditions]);
  }
  return meaning;
}
function readPath(tokens, start, end) {
  let colons = (at) => at + 1 < end && tokens[at].kind === "punct" && tokens[at].text === ":" && tokens[at + 1].text === ":", leadingColons = colons(start), i = leadingColons ? start + 2 : start, segments = [];
  for (; ; ) {
    let t = i < end ? tokens[i] : void 0;
    if (t === void 0 || t.kind !== "ident") return null;
    if (segments.push(t.text), i++, !colons(i)) break;
    i += 2;
  }
  return { segments, leadingColons, end: i };
}
function joinTokens(tokens) {
  let out = "", previous = null;
  for (let t of tokens) {
    let tight = previous === null || previous.kind === "punct" && (previous.text === "(" || previous.text === ":") || t.kind === "punct" && (t.text === ")" || t.text === "," || t.text === "(" || t.text === ":");
    out += tight ? t.text : ` ${t.text}`, previous = t;
  }
  return out;
}
function readGroup(lexer, close) {
  let tokens = [], depth = 0;
  for (let t = lexer.next(); t !== null; t = lexer.next()) {
    if (t.kind === "punct") {
      if (isOpening(t)) depth++;
      else if (isClosing(t))
        if (depth === 0) {
          if (t.text === close) return tokens;
        } else depth--;
    }
    tokens.push(t);
  }
  return tokens;
}

// src/gather/sources.ts
var LOADS_LIBRARIES = /\b(?:dlopen|dlmopen|LoadLibrary(?:Ex)?[AW]?)\s*\(/;
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
}
function isFile2(file) {
  try {
    return import_node_fs3.default.statSync(file).isFile();
  } catch {
    return !1;
  }
}
function isExecutable(file) {
  try {
    return import_node_fs3.default.accessSync(file, import_node_fs3.default.constants.X_OK), import_node_fs3.default.statSync(file).isFile();
  } catch {
    return !1;
  }
}
function packageSourceFacts(pkg, scope) {
  let found = factsOf.get(pkg);
  if (found !== void 0) return found;
  let within = scopeFor(scope, pkg.manifestPath), files = /* @__PURE__ */ new Set(), listed2 = 0, walk = (dir) => {
    let entries;
    try {
      entries = import_node_fs3.default.readdirSync(dir, { withFileTypes: !0 });
    } catch {
      return;
    }
    for (let e of entries) {
      if (files.size >= MAX_SOURCE_FILES || ++listed2 > MAX_SOURCE_WALK_ENTRIES) return;
      let full = import_node_path9.default.join(dir, e.name);
      e.isDirectory() && e.name !== "target" && !e.name.startsWith(".") ? walk(full) : e.name.endsWith(".rs") && (e.isFile() || e.isSymbolicLink() && isFile2(full)) && files.add(full);
    }
  };
  for (let dir of new Set(pkg.targets.map((t) => import_node_path9.default.dirname(t.srcPath))))
    (within === null || isInsideRepository(within, dir)) && walk(dir);
  found = { allocators: [], loadsLibraries: !1 };
  let read = /* @__PURE__ */ new Set(), bytes = 0;
  for (let file of [...files].sort()) {
    let text;
    try {
      let real = import_node_fs3.default.realpathSync(file);
      if (read.has(real)) continue;
      read.add(real), text = readInputFile(file, "rust-source", { within });
    } catch {
      continue;
    }
    if (bytes += text.length, bytes > MAX_SOURCE_BYTES) break;
    text.includes("global_allocator") && found.allocators.push(...scanGlobalAllocators(text).map((a) => ({ file, line: a.line, item: a.item }))), !found.loadsLibraries && LOADS_LIBRARIES.test(stripComments(text)) && (found.loadsLibraries = !0);
  }
  return factsOf.set(pkg, found), found;
}
var factsOf = /* @__PURE__ */ new WeakMap();
function scanAllocators(pkg, scope) {
  return packageSourceFacts(pkg, scope).allocators;
}
function callsSystemLoader(pkg, scope) {
  return packageSourceFacts(pkg, scope).loadsLibraries;
}
function sourceReader(metadata, scope) {
  let within = targetScope(metadata, scope), namesOf = /* @__PURE__ */ new Map();
  return (srcPath, crate, test) => {
    let names = namesOf.get(srcPath);
    return names === void 0 && namesOf.set(srcPath, names = moduleTreeNames(srcPath, within(srcPath))), names === null || names.names.has(crate) || test && names.testNames.has(crate);
  };
}
function exportReader(metadata, scope) {
  let within = targetScope(metadata, scope), trees = /* @__PURE__ */ new Map(), treeOf = (srcPath) => {
    let found = trees.get(srcPath);
    return found === void 0 && trees.set(srcPath, found = moduleTreeScan(srcPath, within(srcPath))), found;
  }, exportsOf = /* @__PURE__ */ new Map(), packageOf = null;
  return (target) => {
    let found = exportsOf.get(target.srcPath);
    if (found !== void 0) return found;
    let tree = treeOf(target.srcPath);
    if (found = tree.exports.map((e) => ({ ...e, sourcesComplete: tree.complete })), found.some((e) => e.signature != null && namedTypes(e.signature).length > 0)) {
      packageOf ??= new Map([...metadata.packages.values()].flatMap((p) => p.targets.map((t) => [t.srcPath, p])));
      let libraries = interfaceLibraries(packageOf.get(target.srcPath), metadata), declarations = [tree, ...libraries.map((lib) => treeOf(lib.srcPath))].flatMap((t) => t.declarations);
      found = found.map((e) => e.signature == null ? e : { ...e, types: declarationsFor(namedTypes(e.signature), declarations) });
    }
    return exportsOf.set(target.srcPath, found), found;
  };
}
function interfaceLibraries(pkg, metadata) {
  return pkg === void 0 ? [] : pkg.deps.filter((d) => d.kinds.some((k) => k.kind === "normal")).flatMap((d) => metadata.packages.get(d.pkg) ?? []).filter((p) => p.source === null).flatMap((p) => p.targets.filter((t) => t.kind === "lib"));
}
function declarationsFor(names, declarations) {
  let wanted = new Set(names), out = [];
  for (let i = 0; i < declarations.length; i++) {
    let d = declarations[i];
    if (!wanted.has(d.name) || out.includes(d)) continue;
    out.push(d);
    let more = d.aliasOf === null ? [] : typeNames(d.aliasOf).filter((n) => !wanted.has(n));
    if (more.length !== 0) {
      for (let n of more) wanted.add(n);
      i = -1;
    }
  }
  return out;
}
function namedTypes(signature) {
  let types = signature.item === "static" ? [signature.type] : [...signature.params, ...signature.returns === null ? [] : [signature.returns]];
  return [...new Set(types.flatMap(typeNames))];
}
function typeNames(type) {
  switch (type.kind) {
    case "path":
      return [type.segments[type.segments.length - 1], ...type.args.flatMap(typeNames)];
    case "pointer":
    case "reference":
      return typeNames(type.to);
    case "fn":
      return [...type.params, ...type.returns === null ? [] : [type.returns]].flatMap(typeNames);
    case "tuple":
      return type.items.flatMap(typeNames);
    case "array":
    case "slice":
      return typeNames(type.of);
    default:
      return [];
  }
}
function docTestsReader(metadata, scope) {
  let within = targetScope(metadata, scope), testsOf = /* @__PURE__ */ new Map();
  return (pkg, lib) => {
    let found = testsOf.get(lib.srcPath);
    return found === void 0 && testsOf.set(lib.srcPath, found = moduleTreeDocTests(pkg, lib, within(lib.srcPath))), found;
  };
}
function moduleTreeDocTests(pkg, lib, within) {
  let scans = [], budget = { bytes: MAX_SOURCE_BYTES };
  return readModuleTree(lib.srcPath, null, within, "stop", (text, file) => {
    let scan = scanDocExamples(text, includedText(file, within, budget));
    if (scans.push(scan), scan.unreadable) return [];
    let scanned = scanSourceNames(text);
    return scanned.includes ? null : scanned.modules.filter((m) => !m.testOnly).map((m) => ({ ...m, context: null }));
  }) ? docTests(scans, { name: lib.name.replace(/-/g, "_"), edition: pkg.edition }) : ANY_DOC_TESTS;
}
function includedText(file, within, budget) {
  return (included) => {
    let text;
    try {
      text = readInputFile(import_node_path9.default.resolve(import_node_path9.default.dirname(file), included), "rust-source", { within });
    } catch {
      return null;
    }
    return budget.bytes -= text.length, budget.bytes < 0 ? null : text;
  };
}
function targetScope(metadata, scope) {
  let ofRepository = /* @__PURE__ */ new Set();
  if (scope !== null) {
    for (let pkg of metadata.packages.values())
      if (scopeFor(scope, pkg.manifestPath) !== null) for (let t of pkg.targets) ofRepository.add(t.srcPath);
  }
  return (srcPath) => ofRepository.has(srcPath) ? scope : scopeFor(scope, srcPath);
}
function moduleTreeNames(root, within) {
  let names = /* @__PURE__ */ new Set(), testNames = /* @__PURE__ */ new Set(), pathMacros = /* @__PURE__ */ new Set(), macroArguments = /* @__PURE__ */ new Map(), complete = readModuleTree(
    root,
    { shadowed: [], test: !1 },
    within,
    "stop",
    (text, _file, { shadowed, test }) => {
      let scanned = scanSourceNames(text);
      if (scanned.includes) return null;
      let into = test ? testNames : names;
      for (let name of scanned.names) into.add(name);
      for (let name of scanned.testNames) testNames.add(name);
      if (scanned.gated) for (let name of shadowed) into.add(name);
      for (let name of scanned.pathMacros) pathMacros.add(name);
      for (let [name, args] of scanned.macroArguments) {
        let all = macroArguments.get(name);
        if (all === void 0) macroArguments.set(name, new Set(args));
        else for (let arg of args) all.add(arg);
      }
      return scanned.modules.map((m) => ({ ...m, context: { shadowed: m.shadows, test: test || m.testOnly } }));
    },
    // A file declared both in test code and outside it is read both ways.
    ({ test }) => test ? "test" : ""
  );
  for (let name of macroPathArguments(pathMacros, macroArguments)) names.add(name);
  for (let name of names) testNames.delete(name);
  return complete ? { names, testNames } : null;
}
function moduleTreeScan(root, within) {
  let exports2 = [], declarations = [], complete = readModuleTree(root, { library: !0, harness: !0 }, within, "skip", (text, file, outer) => {
    let scanned = scanExports(text);
    for (let e of scanned.exports) {
      let site = { ...e, file, library: e.library && outer.library, harness: e.harness && outer.harness };
      (site.library || site.harness) && exports2.push(site);
    }
    for (let d of scanned.declarations) declarations.push({ ...d, file });
    return scanned.modules.map((m) => ({ name: m.name, path: m.path, inline: m.inline, context: { library: m.library && outer.library, harness: m.harness && outer.harness } }));
  });
  return { exports: exports2, declarations, complete };
}
function readModuleTree(root, rootContext, within, onMissing, visit, visitedAs = () => "") {
  let queue = [{ file: root, childDir: import_node_path9.default.dirname(root), context: rootContext }], seen = /* @__PURE__ */ new Set(), complete = !0, bytes = 0;
  for (; queue.length > 0; ) {
    let { file, childDir, context } = queue.shift(), key = `${visitedAs(context)}\0${file}`;
    if (seen.has(key)) continue;
    if (seen.add(key), seen.size > MAX_SOURCE_FILES) return !1;
    let text;
    try {
      text = readInputFile(file, "rust-source", { within });
    } catch {
      if (onMissing === "stop") return !1;
      complete = !1;
      continue;
    }
    if (bytes += text.length, bytes > MAX_SOURCE_BYTES) return !1;
    let modules = visit(text, file, context);
    if (modules === null) {
      if (onMissing === "stop") return !1;
      complete = !1;
      continue;
    }
    for (let mod of modules) {
      let dir = import_node_path9.default.join(childDir, ...mod.inline ?? []), pathBase = (mod.inline ?? []).length > 0 ? dir : import_node_path9.default.dirname(file), conditional = (mod.conditionalPaths ?? []).map((p) => import_node_path9.default.resolve(pathBase, p)).filter(isFile2);
      for (let target of conditional) queue.push({ file: target, childDir: import_node_path9.default.dirname(target), context: mod.context });
      if (mod.path !== null) {
        let target = import_node_path9.default.resolve(pathBase, mod.path);
        queue.push({ file: target, childDir: import_node_path9.default.dirname(target), context: mod.context });
        continue;
      }
      let flat = import_node_path9.default.join(dir, `${mod.name}.rs`), nested = import_node_path9.default.join(dir, mod.name, "mod.rs");
      if (isFile2(flat)) queue.push({ file: flat, childDir: import_node_path9.default.join(dir, mod.name), context: mod.context });
      else if (isFile2(nested)) queue.push({ file: nested, childDir: import_node_path9.default.join(dir, mod.name), context: mod.context });
      else {
        if (conditional.length > 0) continue;
        if (onMissing === "stop") return !1;
        complete = !1;
      }
    }
  }
  return complete;
}

// src/gather/isolation.ts
function refuseTarget(config, userTarget) {
  let bt = config.buildTarget;
  if (!(userTarget !== null || bt === null))
    for (let target of bt.kind === "single" ? [bt.target] : bt.targets) {
      let refusal4 = targetRefusal(target);
      if (refusal4 !== null) throw new UserError(refusal4);
    }
}
function refuseRustflagsKnownNow(config, env, target) {
  let tables = config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0, flags = effectiveRustflags({ env, config, kind: "target", requestedTarget: target, triple: target ?? "", cfg: null });
  (target !== null || !tables || flags.origin === "RUSTFLAGS" || flags.origin === "CARGO_ENCODED_RUSTFLAGS") && refuseRustflags(flags);
}
function refuseRustflags(flags) {
  let refusal4 = rustflagsRefusal(flags.flags, flags.flagSettings);
  if (refusal4 !== null) throw new UserError(refusal4);
}
function isolate(config, env, options) {
  let overrides = (options.configOverrides ?? []).flatMap((c) => ["--config", c]);
  if (options.trustRepositoryConfig === !0) return { dir: import_node_path10.default.resolve(options.cwd), env: {}, configArgs: overrides, notes: [], cargoProbesCached: !1 };
  let cargoHome = cargoHomeOf(env), scope = options.scope ?? null, plan = repositoryConfigPlan(config, (file) => !isBelow(cargoHome, file), (file, dir2) => scope === null || scopeFor(scope, file) === null || isInsideRepository(scope, dir2)), refused = plan.refused[0];
  if (refused !== void 0) throw new UserError(`${describeSource(refused.source)}: \`${refused.key}\` ${refused.why} (set trust-repository-config to allow it)`);
  let notes = plan.ignored.map(
    (k) => `\`${k.key}\` (${describeSource(k.source)}) was not applied to \`cargo metadata\` and \`rustc --print\`: it changes how cargo runs rustc, not what it builds, and a program or environment chosen by the repository is not used here.`
  ), rustc = env.RUSTC ?? "rustc", wrapper = noWrapper(rustc), infoCache = cargoRustcInfoCache(env), dir = import_node_fs4.default.mkdtempSync(import_node_path10.default.join(isolationParent(env), "rust-linkage-guard-"));
  return {
    dir,
    // cargo still reads the config files above the empty directory and in CARGO_HOME: wrappers of our own and an
    // explicit RUSTC (which wins over `build.rustc`) keep programs named there out. cargo before 1.91 writes its
    // rustc info cache in the target directory, through a `target` symlink the repository may have committed:
    // the target directory is ours too (the analysis works out the build's own, `buildDirectories`).
    env: {
      RUSTC_WRAPPER: wrapper,
      RUSTC_WORKSPACE_WRAPPER: wrapper,
      CARGO_TARGET_DIR: infoCache ?? dir,
      ...infoCache === null ? {} : { CARGO_BUILD_BUILD_DIR: infoCache },
      RUSTC: rustc
    },
    configArgs: [...plan.args.flatMap((a) => ["--config", a]), ...overrides],
    notes,
    cargoProbesCached: infoCache !== null && isFile2(import_node_path10.default.join(infoCache, ".rustc_info.json"))
  };
}
var PASS_THROUGH = "/usr/bin/env";
function noWrapper(rustc) {
  return process.platform !== "win32" && !rustc.includes("=") && !rustc.startsWith("-") && isExecutable(PASS_THROUGH) ? PASS_THROUGH : "";
}
function cargoRustcInfoCache(env) {
  let base2 = userCacheDirectory(env, process.platform);
  if (base2 === null) return null;
  let dir = import_node_path10.default.join(base2, "cargo-build-dir");
  try {
    return import_node_fs4.default.mkdirSync(dir, { recursive: !0, mode: 448 }), dir;
  } catch {
    return null;
  }
}
function isolationParent(env) {
  let runnerTemp = env.RUNNER_TEMP;
  if (runnerTemp && import_node_path10.default.isAbsolute(runnerTemp))
    try {
      if (import_node_fs4.default.statSync(runnerTemp).isDirectory()) return runnerTemp;
    } catch {
    }
  return import_node_os3.default.tmpdir();
}

// src/gather/lockfile.ts
var import_node_fs5 = __module("node:fs"), import_node_path11 = __module("node:path");

// src/json.ts
function isJsonObject(value) {
  return typeof value == "object" && value !== null && !Array.isArray(value);
}

// src/gather/lockfile.ts
function candidateLockfiles(manifestPath, manifest, hasManifest) {
  let dir = import_node_path11.default.dirname(import_node_path11.default.resolve(manifestPath)), dirs = [dir], pkg = manifest?.value.package, named = isJsonObject(pkg) ? pkg.workspace : void 0;
  typeof named == "string" && dirs.push(import_node_path11.default.resolve(dir, named));
  for (let up = import_node_path11.default.dirname(dir); hasManifest(up) && dirs.push(up), import_node_path11.default.dirname(up) !== up; up = import_node_path11.default.dirname(up))
    ;
  return [...new Set(dirs)].map((d) => import_node_path11.default.join(d, "Cargo.lock"));
}
function refuseUnsafeLockfiles(lockfiles, scope) {
  for (let file of lockfiles) {
    let dir = import_node_path11.default.dirname(file);
    if (scope !== null && scopeFor(scope, dir) === null) continue;
    let leadsOutside = scope !== null && !isInsideRepository(scope, dir), stat;
    try {
      stat = import_node_fs5.default.lstatSync(file);
    } catch {
      if (leadsOutside) throw refusal(file, "its directory leads outside the repository through a symlink, and cargo would write the lock file there");
      continue;
    }
    if (stat.isSymbolicLink()) throw refusal(file, "is a symlink: cargo would read and write the file it points to");
    if (!stat.isFile()) throw refusal(file, "is not a regular file");
    if (leadsOutside) throw refusal(file, "its directory leads outside the repository through a symlink");
  }
}
function refusal(file, why) {
  return new UserError(`\`${file}\`: ${why} (set trust-repository-config to allow it)`);
}

// src/gather/path-packages.ts
var import_node_path12 = __module("node:path");
function refuseOutsidePathPackages(metadata, scope) {
  let shown = (file) => relativeOrAbsolute(scope.root, file) || ".";
  if (!isInsideRepository(scope, metadata.workspaceRoot))
    throw refusal2(`the workspace root \`${shown(metadata.workspaceRoot)}\` is outside the repository`);
  let outside = (pkg) => pkg.source === null && !isInsideRepository(scope, import_node_path12.default.dirname(pkg.manifestPath)), found = [...metadata.packages.values()].filter(outside);
  if (found.length === 0) return;
  let far = new Set(found.map((p) => p.id));
  for (let pkg of metadata.packages.values()) {
    if (far.has(pkg.id)) continue;
    let edge = pkg.deps.find((e) => far.has(e.pkg));
    if (edge === void 0) continue;
    let dep = metadata.packages.get(edge.pkg);
    throw refusal2(`\`${shown(pkg.manifestPath)}\` depends on the path package at \`${shown(dep.manifestPath)}\`, which is outside the repository`);
  }
  throw refusal2(`the path package at \`${shown(found[0].manifestPath)}\` is outside the repository`);
}
function refusal2(what) {
  return new UserError(`${what}: cargo read it, and what it holds would reach the report (set trust-repository-config to allow it)`);
}

// src/gather/policy-files.ts
var import_node_fs6 = __module("node:fs"), import_node_path13 = __module("node:path");

// src/report/json-checks.ts
function readReportObject(text, file, sarifAdvice) {
  let json = text.charCodeAt(0) === 65279 ? text.slice(1) : text, data;
  try {
    data = JSON.parse(json);
  } catch {
    throw new UserError(`${file}: not a JSON report (${jsonProblem(json)})`);
  }
  if (!isJsonObject(data)) throw new UserError(`${file}: not a JSON report (expected an object at the top level, got ${describe4(data)})`);
  if (data.version !== 1 && data.version !== 2)
    throw Array.isArray(data.runs) ? new UserError(`${file}: a SARIF log, not a JSON report: ${sarifAdvice}`) : data.version === void 0 ? new UserError(`${file}: not a JSON report (no \`version\`)`) : new UserError(`${file}: \`version\` is ${describe4(data.version)}, and only 1 and 2 are supported`);
  return data;
}
function describe4(value) {
  return value === void 0 ? "nothing" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value == "object" ? "an object" : typeof value == "string" ? value.length > 40 ? "a string" : JSON.stringify(value) : String(value);
}
function jsonProblem(text) {
  let at = jsonErrorOffset(text);
  if (at < 0) return "invalid JSON";
  if (at >= text.length) return "invalid JSON: the file ends too early";
  let before = text.slice(0, at), line = before.split(`
`).length, column = at - before.lastIndexOf(`
`);
  return `invalid JSON at position ${at}: line ${line}, column ${column}`;
}
var STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/uy, NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/uy, LITERAL = /true|false|null/uy;
function jsonErrorOffset(text) {
  let i = 0, space = () => {
    for (; i < text.length && (text[i] === " " || text[i] === "	" || text[i] === `
` || text[i] === "\r"); ) i++;
  }, token = (re) => (re.lastIndex = i, re.test(text) ? (i = re.lastIndex, !0) : !1), key = () => (space(), !token(STRING) || (space(), text[i] !== ":") ? !1 : (i++, !0)), stack = [];
  for (; ; ) {
    space();
    let c = text[i];
    if (c === "{" || c === "[")
      if (i++, space(), text[i] === (c === "{" ? "}" : "]")) i++;
      else {
        if (stack.push(c), c === "{" && !key()) return i;
        continue;
      }
    else if (!token(STRING) && !token(NUMBER) && !token(LITERAL)) return i;
    for (; ; ) {
      space();
      let top = stack[stack.length - 1];
      if (top === void 0) return i < text.length ? i : -1;
      if (text[i] === (top === "{" ? "}" : "]")) {
        i++, stack.pop();
        continue;
      }
      if (text[i] !== "," || (i++, top === "{" && !key())) return i;
      break;
    }
  }
}

// src/policy/baseline.ts
var ARTIFACT_FIELDS = ["package", "target", "kind", "mode", "crateType", "platform"];
function parseBaseline(text, file) {
  let findings = readReportObject(text, file, "give the JSON report of an earlier run as the baseline").findings;
  if (!Array.isArray(findings)) throw new UserError(`${file}: findings: expected an array, got ${describe4(findings)}`);
  let fingerprints = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    let at = `${file}: findings[${i}]`, f = findings[i];
    if (!isJsonObject(f)) throw new UserError(`${at}: expected an object, got ${describe4(f)}`);
    if (typeof f.rule != "string") throw new UserError(`${at}.rule: expected a string, got ${describe4(f.rule)}`);
    if (f.fingerprint !== void 0) {
      if (typeof f.fingerprint != "string") throw new UserError(`${at}.fingerprint: expected a string, got ${describe4(f.fingerprint)}`);
      fingerprints[i] = f.fingerprint;
      continue;
    }
    let crates = f.crates;
    if (!Array.isArray(crates)) throw new UserError(`${at}.crates: expected an array of strings, got ${describe4(crates)}`);
    crates.forEach((c, j) => {
      if (typeof c != "string") throw new UserError(`${at}.crates[${j}]: expected a string, got ${describe4(c)}`);
    });
    for (let key of ARTIFACT_FIELDS) {
      let value = f[key];
      if (value !== void 0 && typeof value != "string") throw new UserError(`${at}.${key}: expected a string, got ${describe4(value)}`);
    }
    fingerprints[i] = findingFingerprint(f);
  }
  return { file, fingerprints };
}
function applyBaseline(findings, baseline) {
  let remaining = /* @__PURE__ */ new Map();
  for (let fp of baseline.fingerprints) remaining.set(fp, (remaining.get(fp) ?? 0) + 1);
  let existing = 0, out = findings.map((finding2) => {
    let left = remaining.get(finding2.fingerprint) ?? 0;
    return left === 0 ? { ...finding2, baseline: "new" } : (remaining.set(finding2.fingerprint, left - 1), existing++, { ...finding2, baseline: "existing" });
  }), fixed = 0;
  for (let left of remaining.values()) fixed += left;
  return { findings: out, summary: { file: baseline.file, new: out.length - existing, existing, fixed } };
}

// src/policy/policy.ts
var DEFAULT_POLICY_FILE = ".github/rust-linkage.toml", SEVERITY_VALUES = ["error", "warning", "note", "off"], RULE_IDS = new Set(RULES.map((r) => r.id)), ALLOW_KEYS = ["rule", "package", "target", "crate", "reason", "expires"], TOP_LEVEL = /* @__PURE__ */ new Map([
  ["exact-toolchain", readExactToolchain],
  ["rules", readRules],
  ["allow", readAllow]
]);
function parsePolicy(text, file) {
  let doc = parseTomlDocument(text, file), policy = { file, exactToolchain: null, severities: /* @__PURE__ */ new Map(), severityLines: /* @__PURE__ */ new Map(), allow: [] };
  for (let [key, value] of Object.entries(doc.value)) {
    let read = TOP_LEVEL.get(key);
    read === void 0 && fail(doc, [key], `unknown key (known: ${[...TOP_LEVEL.keys()].join(", ")})`), read(doc, value, policy);
  }
  return policy;
}
function readExactToolchain(doc, value, policy) {
  let channel = nonEmptyString(doc, ["exact-toolchain"], value).trim();
  /^(?:\d+\.\d+\.\d+(?:-beta\.\d+)?|(?:stable|beta|nightly)-\d{4}-\d{2}-\d{2})(?:-[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)?$/.test(channel) || fail(doc, ["exact-toolchain"], `expected an exact release such as "1.95.0" or a dated channel such as "nightly-2026-05-20", got ${JSON.stringify(channel)}`), policy.exactToolchain = { channel, line: lineOf2(doc, ["exact-toolchain"]) };
}
function readRules(doc, value, policy) {
  let rules = expectTable(doc, ["rules"], value, "a table `[rules]` of rule id = severity");
  for (let [id, severity] of Object.entries(rules)) {
    let path26 = ["rules", id];
    RULE_IDS.has(id) || fail(doc, path26, `unknown rule id (known: ${RULES.map((r) => r.id).join(", ")})`), (typeof severity != "string" || !SEVERITY_VALUES.includes(severity)) && fail(doc, path26, `expected "error", "warning", "note" or "off", got ${describe5(severity)}`), policy.severities.set(id, severity), policy.severityLines.set(id, lineOf2(doc, path26));
  }
}
function readAllow(doc, value, policy) {
  Array.isArray(value) || fail(doc, ["allow"], `expected an array of tables (\`[[allow]]\`), got ${describe5(value)}`), value.forEach((element, index) => {
    let at = ["allow", index], table = expectTable(doc, at, element, "a table");
    for (let key of Object.keys(table))
      ALLOW_KEYS.includes(key) || fail(doc, [...at, key], `unknown key (known: ${ALLOW_KEYS.join(", ")})`);
    table.rule === void 0 && fail(doc, at, "`rule` is required");
    let rule = nonEmptyString(doc, [...at, "rule"], table.rule);
    RULE_IDS.has(rule) || fail(doc, [...at, "rule"], `unknown rule id \`${rule}\` (known: ${RULES.map((r) => r.id).join(", ")})`), rule === "unused-allow" && fail(doc, [...at, "rule"], '`unused-allow` findings cannot be allowed; set `[rules] unused-allow = "off"` instead'), table.reason === void 0 && fail(doc, at, "`reason` is required: say why the finding is acceptable");
    let entry = { rule, reason: nonEmptyString(doc, [...at, "reason"], table.reason), line: lineOf2(doc, at) };
    for (let key of ["package", "target", "crate"])
      table[key] !== void 0 && (entry[key] = nonEmptyString(doc, [...at, key], table[key]));
    table.expires !== void 0 && (entry.expires = calendarDate(doc, [...at, "expires"], table.expires)), policy.allow.push(entry);
  });
}
function applyPolicy(findings, policy, options) {
  let out = [];
  for (let finding2 of findings) {
    let changed = withSeverity(finding2, policy.severities.get(finding2.rule));
    changed !== null && out.push(changed);
  }
  let matched = policy.allow.map(() => !1), active = policy.allow.map((entry) => entry.expires === void 0 || options.today <= entry.expires), allowed = 0;
  for (let i = 0; i < out.length; i++) {
    let finding2 = out[i], winner = null;
    for (let e = 0; e < policy.allow.length; e++) {
      let entry = policy.allow[e];
      !active[e] || !matches(entry, finding2) || (matched[e] = !0, winner ??= entry);
    }
    winner !== null && (out[i] = { ...finding2, allowed: { reason: winner.reason, file: options.policyFile, line: winner.line } }, allowed++);
  }
  return policy.allow.forEach((entry, index) => {
    if (active[index] && matched[index]) return;
    let finding2 = unusedAllowFinding(entry, policy, options.policyFile, !active[index]);
    finding2 !== null && out.push(finding2);
  }), {
    findings: out.sort(compareFindings),
    summary: {
      file: options.policyFile,
      severities: Object.fromEntries(policy.severities),
      allowEntries: policy.allow.length,
      allowed
    }
  };
}
function withSeverity(finding2, level) {
  return level === "off" ? null : level === void 0 || level === finding2.severity ? finding2 : { ...finding2, severity: level, defaultSeverity: finding2.defaultSeverity ?? finding2.severity };
}
function matches(entry, finding2) {
  return entry.rule === finding2.rule && (entry.package === void 0 || entry.package === finding2.package) && (entry.target === void 0 || entry.target === finding2.target) && (entry.crate === void 0 || finding2.crates.includes(entry.crate));
}
function unusedAllowFinding(entry, policy, policyFile, expired) {
  let own = ruleInfo("unused-allow").severity, level = policy.severities.get("unused-allow") ?? own;
  if (level === "off") return null;
  let what = describeEntry(entry), ruleOff = policy.severities.get(entry.rule) === "off", message, fixes;
  expired ? (message = `${what} expired on ${entry.expires} and no longer applies: the findings it allowed count again.`, fixes = ["Fix the findings it covered and remove the entry.", "Or, if the reason still holds, set a later `expires` date."]) : ruleOff ? (message = `${what} has no effect: \`[rules] ${entry.rule} = "off"\` already drops every finding of that rule.`, fixes = ["Remove the entry, or turn the rule back on."]) : (message = `${what} matched no finding: remove it, or correct its fields.`, fixes = [
    "Remove the entry if the finding it was written for is fixed.",
    "Otherwise correct `package`, `target` or `crate` so they name the finding (`package` and `target` are names, not paths; `crate` is one of the finding\u2019s crates)."
  ]);
  let crates = entry.crate !== void 0 ? [entry.crate] : [], finding2 = {
    rule: "unused-allow",
    severity: level,
    // The entry's identity (not its line, reason or expiry) so that the finding survives edits around it.
    fingerprint: findingFingerprint({ rule: "unused-allow", package: entry.package, target: entry.target, crates: [`rule:${entry.rule}`, ...crates] }),
    crates,
    message,
    fixes: fixes.map(adviceFix),
    file: policyFile,
    line: entry.line
  };
  return level !== own && (finding2.defaultSeverity = own), finding2;
}
function describeEntry(entry) {
  let fields = ["package", "target", "crate"].filter((k) => entry[k] !== void 0).map((k) => `${k} \`${entry[k]}\``);
  return `allow entry for \`${entry.rule}\`${fields.length > 0 ? ` (${fields.join(", ")})` : ""}`;
}
function expectTable(doc, path26, value, expected) {
  return (typeof value != "object" || Array.isArray(value)) && fail(doc, path26, `expected ${expected}, got ${describe5(value)}`), value;
}
function nonEmptyString(doc, path26, value) {
  return typeof value != "string" && fail(doc, path26, `expected a string, got ${describe5(value)}`), value.trim() === "" && fail(doc, path26, "must not be empty"), value;
}
function calendarDate(doc, path26, value) {
  let expected = "a date such as 2027-06-30";
  typeof value != "string" && fail(doc, path26, `expected ${expected}, got ${describe5(value)}`);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  m === null && fail(doc, path26, `expected ${expected}, got ${JSON.stringify(value)}`);
  let [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])], date = new Date(Date.UTC(year, month - 1, day));
  return (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) && fail(doc, path26, `${JSON.stringify(value)} is not a calendar date`), value;
}
function describe5(value) {
  return Array.isArray(value) ? "an array" : typeof value == "object" ? "a table" : JSON.stringify(value);
}
function lineOf2(doc, path26) {
  return doc.lineOf(path26) ?? 1;
}
function fail(doc, path26, problem) {
  throw new UserError(`${doc.file}:${lineOf2(doc, path26)}: ${formatTomlPath(path26)}: ${problem}`);
}

// src/policy/gate.ts
function gateFindings(findings, failOn) {
  let failing = 0;
  if (failOn !== "never")
    for (let f of findings)
      f.allowed !== void 0 || f.baseline === "existing" || (f.severity === "error" || failOn === "warning" && f.severity === "warning") && failing++;
  return { failOn, verdict: failing > 0 ? "fail" : "pass", failing };
}
function applyGate(analysis, inputs) {
  let findings = analysis.findings, policy, baseline;
  if (inputs.policy !== null) {
    let applied = applyPolicy(findings, inputs.policy.policy, { policyFile: inputs.policy.file, today: inputs.today });
    findings = applied.findings, policy = applied.summary;
  }
  if (inputs.baseline !== null) {
    let applied = applyBaseline(findings, inputs.baseline);
    findings = applied.findings, baseline = applied.summary;
  }
  return {
    ...analysis,
    findings,
    gate: gateFindings(findings, inputs.failOn),
    ...policy === void 0 ? {} : { policy },
    ...baseline === void 0 ? {} : { baseline }
  };
}

// src/gather/policy-files.ts
function loadPolicy(where2) {
  let file = where2.policy !== null ? import_node_path13.default.resolve(where2.cwd, where2.policy) : defaultPolicyPath(where2);
  if (file === null) return null;
  let shown = displayPath(file, where2.cwd);
  return { policy: parsePolicy(readTextFile(file, "policy", "policy file", shown, scopeFor(where2.scope ?? null, file)), shown), path: file };
}
function defaultPolicyPath(where2) {
  if (where2.defaultPolicy === null) return null;
  if (where2.defaultPolicy !== "search") {
    let file = import_node_path13.default.resolve(where2.cwd, where2.defaultPolicy);
    return import_node_fs6.default.existsSync(file) ? file : null;
  }
  for (let dir = import_node_path13.default.resolve(where2.searchFrom); ; dir = import_node_path13.default.dirname(dir)) {
    let file = import_node_path13.default.join(dir, DEFAULT_POLICY_FILE);
    if (import_node_fs6.default.existsSync(file)) return file;
    if (import_node_fs6.default.existsSync(import_node_path13.default.join(dir, ".git")) || import_node_path13.default.dirname(dir) === dir) return null;
  }
}
function displayPath(file, cwd) {
  let rel = import_node_path13.default.relative(cwd, file);
  return rel === "" || rel.startsWith("..") || import_node_path13.default.isAbsolute(rel) ? file : rel;
}
function gateReport(analysis, files) {
  let policy = files.policy === null ? null : { policy: files.policy.policy, file: import_node_path13.default.relative(analysis.workspaceRoot, files.policy.path).split(import_node_path13.default.sep).join("/") }, baseline = files.baseline === null ? null : readBaseline(files.baseline, files);
  return applyGate(analysis, { failOn: files.failOn, policy, baseline, today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10) });
}
function readBaseline(given, files) {
  let file = import_node_path13.default.resolve(files.cwd, given);
  return parseBaseline(readTextFile(file, "baseline", "baseline", given, scopeFor(files.scope ?? null, file)), given);
}
function readTextFile(file, kind, what, shown, within) {
  try {
    return readInputFile(file, kind, { shown, within });
  } catch (e) {
    throw e instanceof InputFileError ? new UserError(`cannot read ${what} \`${shown}\`: ${e.reason}`) : e;
  }
}

// src/gather/rustc-cache.ts
var import_node_fs10 = __module("node:fs"), import_node_path17 = __module("node:path");

// src/rustc/output-cache.ts
var import_node_crypto2 = require("node:crypto");
var RUSTC_OUTPUT_CACHE_VERSION = 1, MAX_CACHED_OUTPUTS = 64, MAX_CACHED_OUTPUT_CHARS = 64 * 1024, KEY = /^[0-9a-f]{64}$/;
function outputKey(compiler, args, env, input) {
  let entries = Object.entries(env).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return (0, import_node_crypto2.createHash)("sha256").update(JSON.stringify([RUSTC_OUTPUT_CACHE_VERSION, compiler, args, entries, input])).digest("hex");
}
function parseRustcOutputs(text) {
  let outputs = /* @__PURE__ */ new Map(), document;
  try {
    document = JSON.parse(text);
  } catch {
    return outputs;
  }
  if (!isJsonObject(document) || document.version !== RUSTC_OUTPUT_CACHE_VERSION || !Array.isArray(document.outputs)) return outputs;
  for (let entry of document.outputs.slice(-MAX_CACHED_OUTPUTS)) {
    if (!isJsonObject(entry) || typeof entry.key != "string" || !KEY.test(entry.key)) return /* @__PURE__ */ new Map();
    let { stdout, stderr } = entry;
    if (typeof stdout != "string" || typeof stderr != "string" || stdout.length + stderr.length > MAX_CACHED_OUTPUT_CHARS) return /* @__PURE__ */ new Map();
    outputs.set(entry.key, { stdout, stderr });
  }
  return outputs;
}
function serializeRustcOutputs(outputs) {
  let entries = [...outputs].map(([key, { stdout, stderr }]) => ({ key, stdout, stderr }));
  return `${JSON.stringify({ version: RUSTC_OUTPUT_CACHE_VERSION, outputs: entries })}
`;
}
function recall(outputs, key) {
  let output = outputs.get(key);
  return output !== void 0 && (outputs.delete(key), outputs.set(key, output)), output;
}
function remember(outputs, key, output) {
  if (output.stdout.length + output.stderr.length > MAX_CACHED_OUTPUT_CHARS) return !1;
  outputs.delete(key), outputs.set(key, { stdout: output.stdout, stderr: output.stderr });
  for (let oldest of outputs.keys()) {
    if (outputs.size <= MAX_CACHED_OUTPUTS) break;
    outputs.delete(oldest);
  }
  return !0;
}

// src/write-file.ts
var import_node_crypto3 = __module("node:crypto"), import_node_fs7 = __module("node:fs"), import_node_path14 = __module("node:path");
var REASONS2 = {
  ENOTDIR: "a part of its directory is a file",
  ENOENT: "a part of its directory does not exist",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space is left on the device",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file would be larger than the file system allows",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "its path has too many levels of symbolic links",
  EIO: "an input/output error occurred",
  EPIPE: "the reading end was closed",
  ENXIO: "there is no device or reader behind it",
  EBUSY: "it is busy",
  ETXTBSY: "it is a running program",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  ESHORTWRITE: "the device accepted no more bytes"
}, { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = import_node_fs7.default.constants, O_NOFOLLOW2 = import_node_fs7.default.constants.O_NOFOLLOW ?? 0, O_NOCTTY = import_node_fs7.default.constants.O_NOCTTY ?? 0, O_DIRECTORY = import_node_fs7.default.constants.O_DIRECTORY ?? 0, BUFFER_BYTES = 1 << 20, PAUSE = new Int32Array(new SharedArrayBuffer(4));
function writeAtomically(file, text, name, { flush = !0 } = {}) {
  let absolute = import_node_path14.default.resolve(file), fail2 = (error, overrides = {}) => {
    throw writeError(file, name, error, overrides);
  }, descriptor = descriptorAlias(absolute);
  if (descriptor !== null) return writeToDescriptor(descriptor, text, fail2);
  let stat = null;
  try {
    stat = import_node_fs7.default.lstatSync(absolute);
  } catch (error) {
    error.code !== "ENOENT" && fail2(error);
  }
  if (stat?.isSymbolicLink() && isSystemLink(absolute)) {
    try {
      stat = import_node_fs7.default.statSync(absolute);
    } catch (error) {
      fail2(error, { ENOENT: "the link names nothing" });
    }
    return writeInPlace(absolute, text, stat, !0, fail2);
  }
  if (stat !== null && !stat.isFile() && !stat.isSymbolicLink()) return writeInPlace(absolute, text, stat, !1, fail2);
  let dir = import_node_path14.default.dirname(absolute);
  try {
    makeDirectories(dir);
  } catch (error) {
    fail2(error);
  }
  let tmp = import_node_path14.default.join(dir, temporaryName()), fd = null, created = !1;
  try {
    fd = createExclusive(tmp), created = !0, stat?.isFile() && import_node_fs7.default.fchmodSync(fd, stat.mode & 511), writeText(fd, text), flush && import_node_fs7.default.fsyncSync(fd), import_node_fs7.default.closeSync(fd), fd = null, import_node_fs7.default.renameSync(tmp, absolute);
  } catch (error) {
    fd !== null && closeQuietly(fd), created && removeQuietly(tmp), fail2(error, { EEXIST: `its temporary file ${tmp} already exists` });
  }
  flush && syncDirectory(dir);
}
function createExclusive(file, mode = 420) {
  return import_node_fs7.default.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW2, mode);
}
function writeAll(fd, data, write = (f, b, o, l) => import_node_fs7.default.writeSync(f, b, o, l)) {
  let offset = 0;
  for (; offset < data.length; ) {
    let written;
    try {
      written = write(fd, data, offset, data.length - offset);
    } catch (error) {
      if (error.code !== "EAGAIN") throw error;
      Atomics.wait(PAUSE, 0, 0, 2);
      continue;
    }
    if (!(written > 0)) throw Object.assign(new Error("write accepted no bytes"), { code: "ESHORTWRITE" });
    offset += written;
  }
}
function writeInPlace(file, text, stat, viaSystemLink, fail2) {
  let kind = refusedKind(stat, viaSystemLink);
  kind !== null && fail2(refusal3(kind));
  let fd = null;
  try {
    let append = stat.isFile() ? O_APPEND : 0;
    fd = import_node_fs7.default.openSync(file, O_WRONLY | O_NOCTTY | append | (viaSystemLink ? 0 : O_NOFOLLOW2));
    let opened = import_node_fs7.default.fstatSync(fd), changed = refusedKind(opened, viaSystemLink);
    if (changed !== null) throw refusal3(changed);
    writeText(fd, text);
  } catch (error) {
    fail2(error);
  } finally {
    fd !== null && closeQuietly(fd);
  }
}
function descriptorAlias(file) {
  if (process.platform === "win32") return null;
  if (file === "/dev/stdout") return 1;
  if (file === "/dev/stderr") return 2;
  let m = /^(?:\/dev\/fd|\/proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/u.exec(file);
  return m === null || m[1] !== void 0 && Number(m[1]) !== process.pid ? null : Number(m[2]);
}
function writeToDescriptor(fd, text, fail2) {
  try {
    if (import_node_fs7.default.fstatSync(fd).isDirectory()) throw refusal3("it is a directory");
    writeText(fd, text);
  } catch (error) {
    fail2(error, { EBADF: "that descriptor is not open for writing" });
  }
}
function refusedKind(stat, viaSystemLink) {
  return stat.isCharacterDevice() || stat.isBlockDevice() || stat.isFIFO() || stat.isFile() && viaSystemLink ? null : stat.isDirectory() ? "it is a directory" : stat.isSocket() ? "it is a socket" : "it is not a regular file, a device or a FIFO";
}
function refusal3(reason) {
  return Object.assign(new Error(reason), { reason });
}
function writeText(fd, text) {
  if (typeof text == "string") return writeAll(fd, Buffer.from(text, "utf8"));
  for (let batch of inBatches(text, !0)) writeAll(fd, batch);
}
function* inBatches(chunks, reuse) {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES), used = 0;
  for (let chunk of chunks) {
    let run = typeof chunk != "string" && Array.isArray(chunk) ? chunk : null, count = run === null ? 1 : run.length;
    for (let i = 0; i < count; i++) {
      let piece = run === null ? chunk : run[i], most = typeof piece == "string" ? piece.length * 3 : piece.length;
      most > BUFFER_BYTES - used && used > 0 && (yield buffer.subarray(0, used), reuse || (buffer = Buffer.allocUnsafe(BUFFER_BYTES)), used = 0), most > BUFFER_BYTES ? yield typeof piece == "string" ? Buffer.from(piece, "utf8") : piece : typeof piece == "string" ? used += buffer.write(piece, used, "utf8") : (buffer.set(piece, used), used += piece.length);
    }
  }
  used > 0 && (yield buffer.subarray(0, used));
}
function replaceCacheFile(file, data) {
  let dir = import_node_path14.default.dirname(file), tmp = import_node_path14.default.join(dir, temporaryName()), fd = null;
  try {
    import_node_fs7.default.mkdirSync(dir, { recursive: !0, mode: 448 }), fd = createExclusive(tmp, 384), writeAll(fd, data), import_node_fs7.default.closeSync(fd), fd = null, import_node_fs7.default.renameSync(tmp, file);
  } catch {
    fd !== null && closeQuietly(fd), removeQuietly(tmp);
  }
}
function temporaryName() {
  return `.rust-linkage-guard-${import_node_crypto3.default.randomBytes(12).toString("hex")}.tmp`;
}
function makeDirectories(dir) {
  let missing = [], existing = dir;
  for (; !lexists(existing); ) {
    missing.unshift(existing);
    let up = import_node_path14.default.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  if (!import_node_fs7.default.statSync(existing).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  for (let d of missing) import_node_fs7.default.mkdirSync(d);
}
function isSystemLink(file) {
  let parent;
  try {
    parent = import_node_fs7.default.realpathSync(import_node_path14.default.dirname(file));
  } catch {
    return !1;
  }
  return ["/dev", "/proc"].some((root) => parent === root || parent.startsWith(`${root}/`));
}
function lexists(file) {
  try {
    return import_node_fs7.default.lstatSync(file), !0;
  } catch {
    return !1;
  }
}
function writeError(file, name, error, overrides) {
  if (error instanceof UserError) return error;
  let e = error, reason = e.reason ?? overrides[e.code ?? ""] ?? REASONS2[e.code ?? ""] ?? (e.code === void 0 ? void 0 : `${e.code}: ${e.message}`);
  if (reason === void 0) throw error;
  return new UserError(`cannot write ${file} (${name}): ${reason}`);
}
function syncDirectory(dir) {
  let fd = null;
  try {
    fd = import_node_fs7.default.openSync(dir, import_node_fs7.default.constants.O_RDONLY | O_DIRECTORY), import_node_fs7.default.fsyncSync(fd);
  } catch {
  } finally {
    fd !== null && closeQuietly(fd);
  }
}
function closeQuietly(fd) {
  try {
    import_node_fs7.default.closeSync(fd);
  } catch {
  }
}
function removeQuietly(file) {
  try {
    import_node_fs7.default.unlinkSync(file);
  } catch {
  }
}

// src/gather/toolchain.ts
var import_node_fs9 = __module("node:fs"), import_node_os5 = __module("node:os"), import_node_path16 = __module("node:path");

// src/toolchain/rustup-settings.ts
function parseRustupSettings(text, file) {
  let value;
  try {
    value = parseTomlDocument(text, file).value;
  } catch {
    return null;
  }
  let { version, default_toolchain: toolchain, default_host_triple: host, overrides } = value;
  return version !== "12" || toolchain !== void 0 && typeof toolchain != "string" || host !== void 0 && typeof host != "string" || overrides !== void 0 && (typeof overrides != "object" || Array.isArray(overrides)) ? null : { defaultToolchain: toolchain ?? null, defaultHostTriple: host ?? null, overrides: Object.keys(overrides ?? {}) };
}
var CHANNEL = String.raw`(?:nightly|beta|stable|\d{1}\.\d{1,3}(?:\.\d{1,2})?)(?:-\d{4}-\d{2}-\d{2})?`, BARE_CHANNEL = new RegExp(`^${CHANNEL}$`), FULL_CHANNEL = new RegExp(`^${CHANNEL}-[a-z0-9_.]+-[a-z0-9_.]+-[a-z0-9_.]+(?:-[a-z0-9_.]+)?$`), CHANNEL_LIKE = /^(?:nightly|beta|stable|\d)/, CUSTOM = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
function toolchainDirectory(name, settings) {
  return BARE_CHANNEL.test(name) ? settings.defaultHostTriple === null ? null : `${name}-${settings.defaultHostTriple}` : FULL_CHANNEL.test(name) || !CHANNEL_LIKE.test(name) && CUSTOM.test(name) ? name : null;
}

// src/gather/tools.ts
var import_node_fs8 = __module("node:fs"), import_node_os4 = __module("node:os"), import_node_path15 = __module("node:path");

// src/exec/cargo-failure.ts
var FAULT = {
  manifest: "input",
  workspace: "input",
  "missing-path": "input",
  lockfile: "input",
  "stale-lockfile": "input",
  config: "input",
  "offline-cache": "environment",
  network: "environment",
  toolchain: "environment",
  crash: "environment",
  other: "environment"
}, PART_MAX = 300;
function describeCargoFailure(stderr, context) {
  let parsed = parseStderr(stderr, context.cwd), kind = classify(parsed, context);
  return { message: `${summary(parsed)}${HINTS[kind](parsed.errorText)}`, kind };
}
var ERROR_LINE = /^error(?:\[[A-Za-z0-9]+\])?:\s?(.*)$/, LOCATION = /^\s*--> (.+):(\d+):(\d+)\s*$/, SNIPPET = /^\s*(?:\d+\s*)?\|(?:\s|$)|^\s*\.\.\.\s*$/, CAUSED_BY = /^\s*Caused by:\s*$/, OFFLINE_REMINDER = /^As a reminder, you're using offline mode/, LEFT_OUT = /^\[[\d.]+ [KMG]?i?B of output left out\]$/, NOT_FOUND = /No such file or directory|cannot find the (?:file|path) specified/, OS_ERROR = /\(os error \d+\)$/;
function parseStderr(stderr, cwd) {
  let lines = stderr.replace(/\x1b\[[0-9;]*m/g, "").split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => !LEFT_OUT.test(l)), open = [], block = null, firstError = -1;
  for (let [i, line] of lines.entries()) {
    let error = ERROR_LINE.exec(line);
    if (error) {
      firstError < 0 && (firstError = i), block = { headLines: [error[1].trim()], location: null, causes: [], inHead: !0 }, open.push(block);
      continue;
    }
    if (block === null) continue;
    let location2 = LOCATION.exec(line);
    /^warning(?:\[[^\]]*\])?:/.test(line) ? block = null : location2 ? (block.location ??= `${resolveFrom(cwd, location2[1])}:${location2[2]}:${location2[3]}`, block.inHead = !1) : CAUSED_BY.test(line) ? (block.causes.push([]), block.inHead = !1) : line.trim() === "" || /^help:/.test(line) ? block.inHead = !1 : block.inHead ? OFFLINE_REMINDER.test(line.trim()) || block.headLines.push(line.trim()) : SNIPPET.test(line) || block.causes[block.causes.length - 1]?.push(line.trim());
  }
  let panicAt = lines.findIndex((l) => /^thread '.*' panicked at /.test(l)), shown = lines.map((l) => l.trim()).filter((l) => l !== "");
  return {
    blocks: open.map((b) => ({ head: joinHead(b.headLines), location: b.location, causes: b.causes.map(causeLine).filter((c) => c !== "") })),
    errorText: firstError < 0 ? "" : lines.slice(firstError).join(`
`),
    panic: panicAt < 0 ? null : cap(lines.slice(panicAt, panicAt + 2).join(" ")),
    fallback: shown.find((l) => /^error/i.test(l)) ?? shown[shown.length - 1] ?? "no output"
  };
}
function joinHead(lines) {
  let head = "";
  for (let raw of lines) {
    let line = raw.replace(/^- /, "").replace(/\s+/g, " ");
    head = head === "" ? line : `${head}${head.endsWith(":") ? " " : "; "}${line}`;
  }
  return head;
}
function causeLine(lines) {
  let text = lines.filter((l) => l !== ""), first = text[0] ?? "", last = text[text.length - 1];
  return /^TOML parse error at /.test(first) && last !== void 0 && last !== first ? `${first}: ${last}` : first;
}
function summary(parsed) {
  let primary = parsed.blocks[parsed.blocks.length - 1];
  if (primary === void 0) return cap(parsed.panic ?? parsed.fallback);
  let at = (b) => b.location === null ? "" : ` (at ${b.location})`, diagnostic = parsed.blocks.slice(0, -1).findLast((b) => b.location !== null), causes = primary.causes, last = causes[causes.length - 1], cause = null;
  if (diagnostic !== void 0)
    cause = `${cap(diagnostic.head)}${at(diagnostic)}`;
  else if (last !== void 0) {
    let previous = causes[causes.length - 2], partial = OS_ERROR.test(last) || /^TOML parse error at /.test(last) || /^error inheriting /.test(previous ?? "");
    cause = previous !== void 0 && partial ? `${previous}: ${last}` : last;
  }
  let head = `error: ${cap(primary.head)}${at(primary)}`;
  return cause === null || primary.head.includes(cause) ? head : `${head} \u2014 ${cap(cause)}`;
}
function cap(text) {
  let line = text.replace(/\s+/g, " ").trim();
  return line.length <= PART_MAX ? line : `${line.slice(0, PART_MAX - 1).trimEnd()}\u2026`;
}
function classify(parsed, context) {
  if (parsed.panic !== null) return "crash";
  if (context.exitCode !== 101 || parsed.blocks.length === 0) return "other";
  let text = parsed.errorText, local = (file) => file !== void 0 && isAbsolutePath(file) && !isAtOrBelow(context.cargoHome, file);
  if (/cannot (?:update|create) the lock file .* because --(?:locked|frozen) was passed|needs to be updated but --(?:locked|frozen) was passed/.test(text)) return "stale-lockfile";
  if (/this version of Cargo is older than the `[^`]*` edition|requires a nightly version of Cargo|unknown Cargo\.toml feature|feature `[^`]*` is required|[Cc]onsider trying a (?:newer version of Cargo|more recent nightly)|perhaps Cargo needs to be updated|requires `-Z/.test(
    text
  ))
    return "toolchain";
  let lastCause = parsed.blocks.flatMap((b) => b.causes).pop() ?? "";
  if (OS_ERROR.test(lastCause)) return NOT_FOUND.test(lastCause) && local(/failed to read `([^`]+)`/.exec(text)?.[1]) ? "missing-path" : "other";
  if (local(/could not find `Cargo\.toml` in `([^`]+)`/.exec(text)?.[1])) return "missing-path";
  let manifests = [
    ...[...text.matchAll(/failed to parse manifest at `([^`]+)`/g)].map((m) => m[1]),
    ...parsed.blocks.flatMap((b) => b.location !== null && /(?:^|[\\/])Cargo\.toml:\d+:\d+$/.test(b.location) ? [b.location.replace(/:\d+:\d+$/, "")] : [])
  ];
  if (manifests.length > 0) return manifests.every(local) && !/unable to update registry `|replaced source/.test(text) ? "manifest" : "other";
  if (/failed to select a version for the requirement/.test(text) && local(/^location searched: (.+)$/m.exec(text)?.[1]?.trim())) return "manifest";
  if (/two packages named `|multiple workspace roots found|is a member of the wrong workspace|is not hierarchically below the workspace root|current package believes it's in a workspace when it's not|`package\.workspace` configuration points to a crate which is not configured with \[workspace\]|is listed in default-members.* but is not a member|root of a workspace inferred but wasn't a root|could not parse pattern `|contains no package: The manifest is virtual|cyclic package dependency/.test(
    text
  ) || local(/patch location `([^`]+)`/.exec(text)?.[1])) return "workspace";
  if (local(/failed to parse lock file at: (.+)$/m.exec(text)?.[1]?.trim())) return "lockfile";
  if (/failed to parse value from --config argument/.test(text)) return "config";
  let config = /could not parse TOML configuration in `([^`]+)`/.exec(text)?.[1];
  return config !== void 0 && local(config) && isBelow(context.cwd, config) ? "config" : (context.offline || context.frozen || /offline mode|--offline was specified/.test(text)) && /no matching package|failed to (?:download|load source|select a version|get `)|attempting to make an HTTP request/.test(text) ? "offline-cache" : /spurious network error|network failure seems to have happened|failed to (?:resolve address|connect to)|could not (?:resolve host|connect to server)|couldn't (?:resolve|connect)|connection (?:refused|reset|timed out)|operation timed out|timeout was reached|failed to download (?:from|any data)|download of .* failed|failed to fetch |failed to get successful HTTP response|failed to (?:query|download|update) replaced source|\bSSL\b|certificate/i.test(
    text
  ) ? "network" : "other";
}
var none = () => "", HINTS = {
  manifest: none,
  workspace: none,
  "missing-path": none,
  lockfile: none,
  "stale-lockfile": (text) => {
    let flag = /--frozen was passed/.test(text) ? "frozen" : "locked";
    return /cannot create the lock file/.test(text) ? ` \u2014 there is no Cargo.lock: run \`cargo generate-lockfile\` and commit it, or drop \`${flag}\`` : ` \u2014 Cargo.lock is out of date: run \`cargo update -w\` (or \`cargo generate-lockfile\`) and commit it, or drop \`${flag}\``;
  },
  config: none,
  "offline-cache": () => " \u2014 with `offline`, every dependency must already be in the cargo cache or vendored: fetch it first (`cargo fetch`), or drop `offline`",
  network: () => " \u2014 cargo could not reach a registry or git source: fill the cargo cache before this step (`cargo fetch`, or a cache of `~/.cargo/registry` and `~/.cargo/git` in the workflow) and run with `offline`",
  toolchain: none,
  crash: none,
  other: none
};

// src/rustc/probe.ts
var PROBED_CRATE_TYPES = ["bin", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];
function probeArgs(target, rustflags, input = "-") {
  let args = [input, "--crate-name", "___", "--print=file-names"];
  for (let t of PROBED_CRATE_TYPES) args.push("--crate-type", t);
  return args.push("--print=sysroot", "--print=target-libdir", "--print=cfg"), target !== null && args.push("--target", target), args.push(...rustflags), args;
}
function parseProbe(stdout, stderr, target) {
  let dropped = /* @__PURE__ */ new Set();
  for (let m of stderr.matchAll(/dropping unsupported crate type `([a-z-]+)`/g)) dropped.add(m[1]);
  let lines = stdout.split(/\r?\n/), supported = PROBED_CRATE_TYPES.filter((t) => !dropped.has(t));
  if (lines.length < supported.length + 2)
    throw new UserError(`rustc --print for target \`${target}\` printed too little output to be understood: ${JSON.stringify(stdout.slice(0, 200))}`);
  let fileNames = {};
  supported.forEach((t, i) => fileNames[t] = lines[i].trim());
  let sysroot = lines[supported.length].trim(), targetLibdir = lines[supported.length + 1].trim(), cfg = parseCfgLines(lines.slice(supported.length + 2).join(`
`)), supportedCrateTypes = new Set(supported);
  return supportedCrateTypes.has("rlib") && supportedCrateTypes.add("lib"), { supportedCrateTypes, fileNames, sysroot, targetLibdir, cfg };
}
function findStdDylib(entries) {
  return entries.filter((e) => /^(lib)?std-[0-9a-f]+\.(so|dylib|dll)$/.test(e)).sort()[0] ?? null;
}
function executablesCrtStatic(rustflags, probe) {
  let features = targetFeatures(rustflags);
  return features.includes("+crt-static") || features.includes("-crt-static") ? cfgHas(probe.cfg, "target_feature", "crt-static") : !probe.supportedCrateTypes.has("dylib") && probe.supportedCrateTypes.has("proc-macro");
}
function parseRustcVersion(stdout) {
  let field = (name) => {
    let m = new RegExp(`^${name}: (.+)$`, "m").exec(stdout);
    return m ? m[1].trim() : null;
  }, release = field("release"), host = field("host");
  if (release === null || host === null)
    throw new UserError(`\`rustc -vV\` printed unexpected output: ${JSON.stringify(stdout.slice(0, 120))}`);
  let date = field("commit-date");
  return { release, commitHash: field("commit-hash") ?? "unknown", commitDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, host };
}
function crtStaticAllowsDylibs(crtStaticExecutables, probe) {
  return crtStaticExecutables ? probe.supportedCrateTypes.has("cdylib") : void 0;
}
function toTargetInfo(triple, probe, libdirEntries, rustflags) {
  let crtStaticExecutables = executablesCrtStatic(rustflags, probe);
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
    stdInstalled: libdirEntries.some((e) => /^libstd-[0-9a-f]+\.rlib$/.test(e)),
    rustflags,
    rustflagsSource: null,
    rustdocflags: [],
    rustdocflagsSource: null
  };
}

// src/gather/tools.ts
function findManifest(cwd, metadataFile) {
  for (let dir = cwd; ; dir = import_node_path15.default.dirname(dir)) {
    let candidate = import_node_path15.default.join(dir, "Cargo.toml");
    if (import_node_fs8.default.existsSync(candidate)) return candidate;
    if (import_node_path15.default.dirname(dir) === dir) break;
  }
  if (metadataFile !== null) return null;
  throw new UserError(`could not find \`Cargo.toml\` in \`${cwd}\` or any parent directory; pass \`--manifest-path\``);
}
function readMetadataText(file) {
  try {
    return readInputFile(file, "metadata", { allowPipe: !0 });
  } catch (e) {
    throw e instanceof InputFileError ? new UserError(`cannot read metadata file \`${file}\`: ${e.reason}`) : e;
  }
}
async function runCargoMetadata(runner, cargo, manifestPath, inv, cwd, env, configArgs, { noDeps = !1 } = {}) {
  let args = ["metadata", "--format-version", "1", "--manifest-path", manifestPath, ...configArgs];
  noDeps && args.push("--no-deps"), inv.features.length > 0 && args.push("--features", inv.features.join(",")), inv.allFeatures && args.push("--all-features"), inv.noDefaultFeatures && args.push("--no-default-features"), inv.locked && args.push("--locked"), inv.offline && args.push("--offline"), inv.frozen && args.push("--frozen");
  let result2 = await runner.run(cargo, args, { cwd, env: { ...env, CARGO_ENCODED_RUSTFLAGS: "" } });
  if (result2.exitCode !== 0) {
    let context = { exitCode: result2.exitCode, offline: inv.offline, frozen: inv.frozen, cwd, cargoHome: cargoHomeOf(env) }, failure = describeCargoFailure(result2.stderr, context), message = `\`cargo metadata\` failed (exit code ${result2.exitCode}): ${failure.message}`;
    throw new CommandError(message, cargo, args, result2.stderr, FAULT[failure.kind]);
  }
  return result2.stdout;
}
async function runRustcVersion(runner, rustc, cwd, env) {
  let result2 = await runner.run(rustc, ["-vV"], { cwd, env, maxStdoutBytes: 1048576 });
  if (result2.exitCode !== 0)
    throw new CommandError(`\`rustc -vV\` failed (exit code ${result2.exitCode}): ${lastLine(result2.stderr)}`, rustc, ["-vV"], result2.stderr);
  return parseRustcVersion(result2.stdout);
}
async function probeTarget(runner, rustc, cwd, env, config, rawEnv, kind, requested, triple, trusted) {
  let probeTriple = kind === "host" ? null : requested, rustflags = await resolveRustflags({ env: rawEnv, config, kind, requestedTarget: requested, triple }, async (flags, effective) => {
    trusted || refuseRustflags(effective);
    let viaStdin = process.platform === "win32", args = probeArgs(probeTriple, trusted ? flags : probeRustflags(flags), viaStdin ? "-" : import_node_os4.default.devNull), result2 = await runner.run(rustc, args, { cwd, env, maxStdoutBytes: 1048576, ...viaStdin ? { input: "" } : {} });
    if (result2.exitCode !== 0)
      throw new CommandError(
        `\`rustc --print\` for ${probeTriple ? `target \`${probeTriple}\`` : "the host"} failed (exit code ${result2.exitCode}): ${lastLine(result2.stderr)}`,
        rustc,
        args,
        result2.stderr
      );
    return parseProbe(result2.stdout, result2.stderr, probeTriple ?? "host");
  }), entries = [];
  try {
    entries = import_node_fs8.default.readdirSync(rustflags.probe.targetLibdir);
  } catch {
  }
  let info = toTargetInfo(triple, rustflags.probe, entries, rustflags.flags);
  if (info.rustflagsSource = rustflags.source, info.stdDylib !== null)
    try {
      let dir = import_node_path15.default.dirname(import_node_fs8.default.realpathSync(import_node_path15.default.join(info.targetLibdir, info.stdDylib)));
      dir !== import_node_path15.default.resolve(info.targetLibdir) && (info.stdDylibDir = dir);
    } catch {
    }
  return info;
}
function readToml(file, scope) {
  let text;
  try {
    text = readInputFile(file, "manifest", { within: scopeFor(scope, file) });
  } catch (e) {
    if (e instanceof InputFileError && e.code !== null) return null;
    throw e;
  }
  return parseTomlDocument(text, file);
}
function readRepositoryText(file, scope) {
  try {
    return readInputFile(file, "manifest", { within: scopeFor(scope, file) });
  } catch (e) {
    if (e instanceof InputFileError) return null;
    throw e;
  }
}
function lastLine(text) {
  let lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return (lines.find((l) => l.startsWith("error")) ?? lines[lines.length - 1] ?? "no output").slice(0, 500);
}

// src/gather/toolchain.ts
async function selectToolchain(options) {
  let runner = options.runner ?? processRunner(options.timeoutMs), env = options.env, out = options.allowInstall === !0 ? {} : { RUSTUP_AUTO_INSTALL: "0" }, name = options.requested ?? (env.RUSTUP_TOOLCHAIN ? null : void 0);
  if (name === void 0) {
    let pinFile = findToolchainFile(import_node_path16.default.resolve(options.dir), isFile2), pin = pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, "toolchain-file", { within: scopeFor(options.scope ?? null, pinFile) }), pinFile);
    if (pin?.kind === "path") {
      if (options.trustRepositoryConfig !== !0)
        throw new UserError(
          `${pin.file}:${pin.line}: \`toolchain.path\` names the compiler directory \`${pin.path}\`, chosen by the repository; it is not run (set trust-repository-config to allow it, or name a toolchain with rust-toolchain)`
        );
      return out;
    }
    name = pin?.channel ?? null;
  }
  let rustupEnv = { ...childEnvironment(env, process.platform), ...out, ...name ? { RUSTUP_TOOLCHAIN: name } : {} }, which = await rustupWhich(runner, rustupEnv);
  if (which.kind === "no-rustup") {
    if (options.requested !== null)
      throw new UserError(`the toolchain \`${options.requested}\` is chosen through rustup, but \`rustup\` could not be run; install rustup or leave the toolchain to the runner`);
    return {};
  }
  if (which.kind === "failed") {
    let what = name ? `the toolchain \`${name}\`` : "rustup's default toolchain";
    throw new UserError(`${what} cannot be used: ${which.reason}; install it before this step${options.allowInstall === !0 ? "" : " (or allow rustup to install it)"}`);
  }
  name && (out.RUSTUP_TOOLCHAIN = name), env.RUSTC || (out.RUSTC = which.rustc);
  let cargo = import_node_path16.default.join(import_node_path16.default.dirname(which.rustc), `cargo${import_node_path16.default.extname(which.rustc)}`);
  return !env.CARGO && isFile2(cargo) && (out.CARGO = cargo), out;
}
async function rustupWhich(runner, env) {
  let cwd = import_node_os5.default.tmpdir(), installed = installedRustc(env, cwd);
  if (installed !== null) return { kind: "found", rustc: installed };
  let result2;
  try {
    result2 = await runner.run("rustup", ["which", "rustc"], { cwd, env, maxStdoutBytes: 1048576 });
  } catch {
    return { kind: "no-rustup" };
  }
  let rustc = result2.stdout.trim();
  return result2.exitCode !== 0 || !import_node_path16.default.isAbsolute(rustc) ? { kind: "failed", reason: lastLine(result2.stderr) || "rustup which rustc failed" } : { kind: "found", rustc };
}
function installedRustc(env, cwd) {
  if (process.platform === "win32" || !onPath("rustup", env.PATH)) return null;
  let home = "RUSTUP_HOME" in env ? env.RUSTUP_HOME : env.HOME ? import_node_path16.default.join(env.HOME, ".rustup") : "";
  if (!import_node_path16.default.isAbsolute(home)) return null;
  let file = import_node_path16.default.join(home, "settings.toml"), text;
  try {
    text = readInputFile(file, "toolchain-file");
  } catch {
    return null;
  }
  let settings = parseRustupSettings(text, file);
  if (settings === null) return null;
  let name = env.RUSTUP_TOOLCHAIN ?? null;
  if (name === null) {
    let dir;
    try {
      dir = import_node_fs9.default.realpathSync(cwd);
    } catch {
      return null;
    }
    if (settings.overrides.some((o) => isAtOrBelow(o, dir)) || findToolchainFile(dir, isFile2) !== null) return null;
    name = settings.defaultToolchain;
  }
  let directory = name === null ? null : toolchainDirectory(name, settings);
  if (directory === null) return null;
  let rustc = import_node_path16.default.join(home, "toolchains", directory, "bin", "rustc");
  return isFile2(rustc) ? rustc : null;
}
function onPath(program, searchPath) {
  return findOnPath(program, searchPath) !== null;
}
function findOnPath(program, searchPath) {
  for (let dir of (searchPath ?? "").split(import_node_path16.default.delimiter)) {
    if (!import_node_path16.default.isAbsolute(dir)) return null;
    let file = import_node_path16.default.join(dir, program);
    if (isExecutable(file)) return file;
  }
  return null;
}

// src/gather/rustc-cache.ts
var RUSTC_CACHE_FILE = "rustc-outputs.json";
function withRustcCache(runner, rustc, env, childPath) {
  let dir = userCacheDirectory(env, process.platform), compiler = dir === null ? null : compilerFingerprint(rustc, childPath, env);
  if (dir === null || compiler === null) return runner;
  let file = import_node_path17.default.join(dir, RUSTC_CACHE_FILE), outputs = null;
  return {
    async run(command, args, options = {}) {
      if (command !== rustc) return runner.run(command, args, options);
      outputs ??= readOutputs(file);
      let key = outputKey(`${compiler.identity}\0${targetSpecIdentity(compiler.file, args)}`, args, options.env ?? {}, options.input ?? null), kept = recall(outputs, key);
      if (kept !== void 0) return { exitCode: 0, stdout: kept.stdout, stderr: kept.stderr };
      let result2 = await runner.run(command, args, options);
      return result2.exitCode === 0 && remember(outputs, key, result2) && replaceCacheFile(file, Buffer.from(serializeRustcOutputs(outputs))), result2;
    }
  };
}
function compilerFingerprint(rustc, childPath, env) {
  let named = import_node_path17.default.isAbsolute(rustc) ? rustc : process.platform === "win32" || rustc.includes("/") ? null : findOnPath(rustc, childPath);
  if (named === null) return null;
  let real, stat;
  try {
    real = import_node_fs10.default.realpathSync(named), stat = import_node_fs10.default.statSync(real, { bigint: !0 });
  } catch {
    return null;
  }
  return !stat.isFile() || isRustupProgram(real, stat, childPath, env) ? null : { file: real, identity: `${real}\0${fileIdentity(stat)}` };
}
function isRustupProgram(real, stat, childPath, env) {
  if (/^rustup(-init)?(\.exe)?$/i.test(import_node_path17.default.basename(real))) return !0;
  let exe = process.platform === "win32" ? ".exe" : "";
  for (let rustup of [findOnPath(`rustup${exe}`, childPath), import_node_path17.default.join(cargoHomeOf(env), "bin", `rustup${exe}`)])
    if (rustup !== null)
      try {
        let other2 = import_node_fs10.default.statSync(rustup, { bigint: !0 });
        if (other2.dev === stat.dev && other2.ino === stat.ino || other2.size === stat.size) return !0;
      } catch {
      }
  return !1;
}
function targetSpecIdentity(compiler, args) {
  let at = args.indexOf("--target"), target = at < 0 ? void 0 : args[at + 1];
  if (target === void 0) return "";
  let sysroot = import_node_path17.default.dirname(import_node_path17.default.dirname(compiler));
  try {
    return fileIdentity(import_node_fs10.default.statSync(import_node_path17.default.join(sysroot, "lib", "rustlib", target, "target.json"), { bigint: !0 }));
  } catch {
    return "none";
  }
}
function fileIdentity(stat) {
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join("\0");
}
function readOutputs(file) {
  try {
    return parseRustcOutputs(readInputFile(file, "rustc-cache", { privateOnly: !0 }));
  } catch {
    return /* @__PURE__ */ new Map();
  }
}

// src/metadata/checks.ts
function q(value) {
  return `\`${JSON.stringify(value).slice(1, -1)}\``;
}
var Invalid = class {
  constructor(path26, message) {
    this.path = path26;
    this.message = message;
  }
  path;
  message;
}, NO_STRINGS = Object.freeze([]);
function string(v, path26) {
  if (typeof v != "string") throw notString(v, path26);
  return v;
}
function isStringArray(v) {
  if (!Array.isArray(v)) return !1;
  for (let k = 0; k < v.length; k++) if (typeof v[k] != "string") return !1;
  return !0;
}
function stringList(v, path26) {
  return isStringArray(v) || badStringList(v, typeof path26 == "string" ? path26 : path26()), v.length === 0 ? NO_STRINGS : v.slice();
}
function describe6(v) {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v == "object" ? "an object" : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
function notObject(v, path26) {
  return new Invalid(path26, `expected an object, got ${describe6(v)}`);
}
function notArray(v, path26) {
  return new Invalid(path26, v === void 0 ? "missing (expected an array)" : `expected an array, got ${describe6(v)}`);
}
function notString(v, path26) {
  return new Invalid(path26, v === void 0 ? "missing (expected a string)" : `expected a string, got ${describe6(v)}`);
}
function notBoolean(v, path26) {
  return new Invalid(path26, `expected true or false, got ${describe6(v)}`);
}
function unknownKind(v, path26) {
  return new Invalid(path26, `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`);
}
function badStringList(v, path26) {
  if (!Array.isArray(v)) throw notArray(v, path26);
  for (let k = 0; k < v.length; k++)
    if (typeof v[k] != "string") throw notString(v[k], `${path26}[${k}]`);
  throw new Error(`${path26}: not a list of strings, but no element is wrong`);
}

// src/metadata/cycle.ts
var UNSEEN = -2, DONE = -1;
function dependencyCycle(list, edgeEnds) {
  let position = new Int32Array(list.length).fill(UNSEEN), onPath2 = [], edgeOf = [];
  for (let start = 0; start < list.length; start++)
    if (position[start] === UNSEEN)
      for (position[start] = 0, onPath2.push(start), edgeOf.push(-1); onPath2.length > 0; ) {
        let top = onPath2.length - 1, from = list[onPath2[top]], edge = ++edgeOf[top];
        if (edge >= from.pkg.deps.length) {
          position[onPath2[top]] = DONE, onPath2.pop(), edgeOf.pop();
          continue;
        }
        let to = edgeEnds[from.firstEdge + edge];
        if (to < 0) continue;
        let at = position[to];
        if (at === UNSEEN)
          position[to] = onPath2.length, onPath2.push(to), edgeOf.push(-1);
        else if (at >= 0) {
          let cycle = [];
          for (let x = at; x < onPath2.length; x++) cycle.push({ from: list[onPath2[x]].pkg, edge: edgeOf[x] });
          return cycle;
        }
      }
  return null;
}
function describeCycle(cycle) {
  let name = (pkg) => q(`${pkg.name} v${pkg.version}`), names = cycle.map((s) => name(s.from)), around = names.length > 11 ? [...names.slice(0, 10), `\u2026 ${names.length - 10 - 1} more`, names[names.length - 1]] : names;
  return `cyclic package dependency: package ${names[0]} depends on itself (${[...around, names[0]].join(" \u2192 ")}); cargo refuses every dependency cycle that does not go through a dev-dependency`;
}

// src/metadata/target.ts
var targetPath = (i, j) => `packages[${i}].targets[${j}]`, label = (packageName) => `package ${q(packageName)}`, ONE_CRATE_TYPE = Object.fromEntries(CRATE_TYPES.map((t) => [t, Object.freeze([t])]));
function isTargetKind(k) {
  return k === "bin" || k === "example" || k === "test" || k === "bench" || k === "custom-build";
}
function parseTarget(value, i, j, packageName) {
  if (!isJsonObject(value)) throw notObject(value, targetPath(i, j));
  let name = value.name;
  if (typeof name != "string") throw notString(name, `${targetPath(i, j)}.name`);
  let kinds = value.kind;
  isStringArray(kinds) || badStringList(kinds, `${targetPath(i, j)}.kind`);
  let crateTypeNames = value.crate_types;
  if (isStringArray(crateTypeNames) || badStringList(crateTypeNames, `${targetPath(i, j)}.crate_types`), kinds.length === 0 && crateTypeNames.length === 0)
    throw new Invalid(
      `${targetPath(i, j)}.crate_types`,
      `library ${q(name)} of ${label(packageName)} has no crate types (\`crate-type = []\` in its manifest): cargo refuses to build it ("does not support any of the output crate types"); list the crate types to build, or remove the key`
    );
  if (kinds.length === 0) throw new Invalid(`${targetPath(i, j)}.kind`, `target ${q(name)} of ${label(packageName)} has no kind`);
  if (crateTypeNames.length === 0) throw new Invalid(`${targetPath(i, j)}.crate_types`, `target ${q(name)} of ${label(packageName)} has no crate types`);
  for (let c = 0; c < crateTypeNames.length; c++) {
    let crateType = crateTypeNames[c];
    if (!isCrateType(crateType))
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `unknown crate type ${q(crateType)} in target ${q(name)} of ${label(packageName)}`);
  }
  let crateTypes = crateTypeNames.length === 1 ? ONE_CRATE_TYPE[crateTypeNames[0]] : crateTypeNames.slice(), kind, single = kinds.length === 1 ? kinds[0] : null;
  if (single !== null && isTargetKind(single)) {
    if (kind = single, kind !== "example" && (crateTypes.length !== 1 || crateTypes[0] !== "bin"))
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `${kind} target ${q(name)} of ${label(packageName)} must have crate type \`bin\`, got ${crateTypes.join(", ")}`);
  } else {
    for (let k = 0; k < kinds.length; k++) {
      let kindName = kinds[k];
      if (isTargetKind(kindName))
        throw new Invalid(`${targetPath(i, j)}.kind`, `target kind ${q(kindName)} cannot be combined with other kinds in target ${q(name)} of ${label(packageName)}`);
      if (!isCrateType(kindName)) throw new Invalid(`${targetPath(i, j)}.kind`, `unknown target kind ${q(kindName)} in target ${q(name)} of ${label(packageName)}`);
    }
    kind = single === "proc-macro" ? "proc-macro" : "lib";
    let procMacro = crateTypes.includes("proc-macro");
    if (crateTypes.includes("bin"))
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `library target ${q(name)} of ${label(packageName)} cannot have crate type \`bin\``);
    if (procMacro && crateTypes.length > 1)
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `cannot mix \`proc-macro\` crate type with others in target ${q(name)} of ${label(packageName)}`);
    if (kind === "proc-macro" !== procMacro)
      throw new Invalid(
        `${targetPath(i, j)}.crate_types`,
        `a proc-macro target must have kind and crate types exactly \`proc-macro\`, got kind ${kinds.join(", ")} and crate types ${crateTypes.join(", ")} in target ${q(name)} of ${label(packageName)}`
      );
    if (crateTypes.includes("dylib") && crateTypes.includes("cdylib"))
      throw new Invalid(`${targetPath(i, j)}.crate_types`, `library ${q(name)} of ${label(packageName)} cannot set the crate type of both \`dylib\` and \`cdylib\``);
  }
  let rawRequired = value["required-features"], requiredFeatures = rawRequired === void 0 ? NO_STRINGS : stringList(rawRequired, () => `${targetPath(i, j)}.required-features`), rawTest = value.test;
  if (rawTest !== void 0 && typeof rawTest != "boolean") throw notBoolean(rawTest, `${targetPath(i, j)}.test`);
  let test = rawTest === void 0 ? kind !== "bench" && kind !== "example" && kind !== "custom-build" : rawTest, rawDoctest = value.doctest;
  if (rawDoctest !== void 0 && typeof rawDoctest != "boolean") throw notBoolean(rawDoctest, `${targetPath(i, j)}.doctest`);
  let doctest = rawDoctest === void 0 ? kind === "lib" || kind === "proc-macro" : rawDoctest, srcPath = value.src_path;
  if (typeof srcPath != "string") throw notString(srcPath, `${targetPath(i, j)}.src_path`);
  return { name, kind, crateTypes, srcPath, test, doctest, requiredFeatures };
}

// src/metadata/parse.ts
var MetadataError = class extends UserError {
  constructor(source, path26, message) {
    super(`${source}: ${path26 ? `${path26}: ` : ""}${message}`), this.name = "MetadataError";
  }
};
function parseMetadata(text, source, options = {}) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    let reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ");
    throw new MetadataError(source, "", `not valid JSON (${reason})`);
  }
  return validateMetadata(raw, source, options);
}
function validateMetadata(raw, source, options = {}) {
  try {
    return validate(raw, options.membersOnly === !0);
  } catch (e) {
    throw e instanceof Invalid ? new MetadataError(source, e.path, e.message) : e;
  }
}
var packagePath = (i) => `packages[${i}]`, declarationPath = (i, j) => `packages[${i}].dependencies[${j}]`, nodePath2 = (i) => `resolve.nodes[${i}]`, depPath = (i, j) => `resolve.nodes[${i}].deps[${j}]`, kindPath = (i, j, m) => `resolve.nodes[${i}].deps[${j}].dep_kinds[${m}]`, Entry = class {
  constructor(index) {
    this.index = index;
  }
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
  oldForm = !1;
  /** Where the package's edges start in the list of edge ends that the cycle search follows. */
  firstEdge = 0;
}, NO_EDGES = Object.freeze([]), NO_DECLARATIONS = Object.freeze([]), NO_FEATURES2 = /* @__PURE__ */ new Map();
function validate(raw, membersOnly) {
  if (!isJsonObject(raw)) throw new Invalid("", "the top level must be a JSON object from `cargo metadata --format-version 1`");
  let root = raw;
  if (root.version !== 1)
    throw new Invalid("version", `expected format version 1, got ${JSON.stringify(root.version)}`);
  let rawPackages = root.packages;
  if (!Array.isArray(rawPackages)) throw notArray(rawPackages, "packages");
  let rawMembers = stringList(root.workspace_members, "workspace_members"), workspaceRoot = string(root.workspace_root, "workspace_root"), targetDirectory = string(root.target_directory, "target_directory"), rawDefaultMembers = root.workspace_default_members === void 0 ? null : stringList(root.workspace_default_members, "workspace_default_members"), platforms = /* @__PURE__ */ new Map(), intern = (s) => {
    let known = platforms.get(s);
    return known !== void 0 ? known : (platforms.set(s, s), s);
  }, entries = /* @__PURE__ */ new Map(), list = [], targetScratch = [], declarationScratch = [], edgeScratch = [];
  for (let i = 0; i < rawPackages.length; i++) {
    let p = rawPackages[i];
    if (!isJsonObject(p)) throw notObject(p, packagePath(i));
    let id = p.id;
    if (typeof id != "string") throw notString(id, `${packagePath(i)}.id`);
    let entry = new Entry(i);
    if (entries.set(id, entry), entries.size === i) throw new Invalid(`${packagePath(i)}.id`, `duplicate package id ${q(id)}`);
    let name = p.name;
    if (typeof name != "string") throw notString(name, `${packagePath(i)}.name`);
    let rawTargets = p.targets;
    if (!Array.isArray(rawTargets)) throw notArray(rawTargets, `${packagePath(i)}.targets`);
    let lib = null, libraries = 0;
    for (let j = 0; j < rawTargets.length; j++) {
      let target = parseTarget(rawTargets[j], i, j, name);
      targetScratch[j] = target, (target.kind === "lib" || target.kind === "proc-macro") && (lib === null && (lib = target), libraries++);
    }
    if (libraries > 1) throw new Invalid(`${packagePath(i)}.targets`, `${label(name)} has more than one library target`);
    let targets = targetScratch.slice(0, rawTargets.length), rawDeclarations = p.dependencies;
    if (rawDeclarations !== void 0) {
      if (!Array.isArray(rawDeclarations)) throw notArray(rawDeclarations, `${packagePath(i)}.dependencies`);
      if (rawDeclarations.length > 0) {
        for (let j = 0; j < rawDeclarations.length; j++) declarationScratch[j] = parseDeclaration(rawDeclarations[j], i, j, intern);
        entry.declarations = declarationScratch.slice(0, rawDeclarations.length);
      }
    }
    let version = p.version;
    if (typeof version != "string") throw notString(version, `${packagePath(i)}.version`);
    let source = p.source;
    if (source != null && typeof source != "string") throw notString(source, `${packagePath(i)}.source`);
    let manifestPath = p.manifest_path;
    if (typeof manifestPath != "string") throw notString(manifestPath, `${packagePath(i)}.manifest_path`);
    let featureMap = p.features == null ? NO_FEATURES2 : parseFeatureMap(p.features, i), edition = p.edition;
    if (edition != null && typeof edition != "string") throw notString(edition, `${packagePath(i)}.edition`);
    let rustVersion = p.rust_version;
    if (rustVersion != null && typeof rustVersion != "string") throw notString(rustVersion, `${packagePath(i)}.rust_version`);
    let publish = p.publish == null ? null : parsePublish(p.publish, i), description = p.description;
    if (description != null && typeof description != "string") throw notString(description, `${packagePath(i)}.description`);
    let license = p.license;
    if (license != null && typeof license != "string") throw notString(license, `${packagePath(i)}.license`);
    let licenseFile = p.license_file;
    if (licenseFile != null && typeof licenseFile != "string") throw notString(licenseFile, `${packagePath(i)}.license_file`);
    entry.pkg = {
      id,
      name,
      version,
      source: source ?? null,
      manifestPath,
      targets,
      features: NO_STRINGS,
      featureMap,
      edition: edition ?? "2015",
      deps: NO_EDGES,
      declarations: entry.declarations,
      rustVersion: rustVersion ?? null,
      publish,
      description: description ?? null,
      license: license ?? null,
      licenseFile: licenseFile ?? null
    }, entry.libName = lib === null ? null : lib.name, list.push(entry);
  }
  let workspaceMembers = [];
  for (let i = 0; i < rawMembers.length; i++) {
    let id = rawMembers[i], entry = entries.get(id);
    if (entry === void 0) throw new Invalid(`workspace_members[${i}]`, `unknown package id ${q(id)}`);
    workspaceMembers.push(entry.pkg.id);
  }
  let workspaceDefaultMembers = null;
  if (rawDefaultMembers !== null) {
    workspaceDefaultMembers = [];
    for (let i = 0; i < rawDefaultMembers.length; i++) {
      let id = rawDefaultMembers[i], entry = entries.get(id);
      if (entry === void 0) throw new Invalid(`workspace_default_members[${i}]`, `unknown package id ${q(id)}`);
      workspaceDefaultMembers.push(entry.pkg.id);
    }
  }
  let packages = /* @__PURE__ */ new Map();
  for (let entry of list) packages.set(entry.pkg.id, entry.pkg);
  if (root.resolve === null || root.resolve === void 0) {
    if (membersOnly) return { packages, workspaceMembers, workspaceDefaultMembers, workspaceRoot, targetDirectory, resolveRoot: null, graphQuality: "full" };
    throw new Invalid(
      "resolve",
      'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`'
    );
  }
  let resolve5 = root.resolve;
  if (!isJsonObject(resolve5)) throw notObject(resolve5, "resolve");
  let nodes = resolve5.nodes;
  if (!Array.isArray(nodes)) throw notArray(nodes, "resolve.nodes");
  let sawDepWithoutKinds = !1, edgeEnds = [];
  for (let i = 0; i < nodes.length; i++) {
    let n = nodes[i];
    if (!isJsonObject(n)) throw notObject(n, nodePath2(i));
    let id = n.id;
    if (typeof id != "string") throw notString(id, `${nodePath2(i)}.id`);
    let entry = entries.get(id);
    if (entry === void 0) throw new Invalid(`${nodePath2(i)}.id`, `unknown package id ${q(id)}`);
    if (entry.node >= 0) throw new Invalid(`${nodePath2(i)}.id`, `duplicate resolve node for ${q(id)}`);
    let pkg = entry.pkg;
    pkg.features = n.features === void 0 ? NO_STRINGS : stringList(n.features, () => `${nodePath2(i)}.features`);
    let deps2 = n.deps;
    if (deps2 !== void 0 && !Array.isArray(deps2)) throw notArray(deps2, `${nodePath2(i)}.deps`);
    entry.node = i, entry.firstEdge = edgeEnds.length;
    let edgeCount = 0;
    if (deps2 === void 0) {
      entry.oldForm = !0;
      let ids = n.dependencies;
      isStringArray(ids) || badStringList(ids, `${nodePath2(i)}.dependencies`), ids.length > 0 && (sawDepWithoutKinds = !0);
      for (let j = 0; j < ids.length; j++) {
        let depId = ids[j], dep = entries.get(depId);
        if (dep === void 0) throw new Invalid(`${nodePath2(i)}.dependencies[${j}]`, `unknown package id ${q(depId)}`);
        let kinds = recoveredKinds(entry, dep);
        edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName: recoveredExternName(entry, dep), kinds }, edgeEnds.push(anyNonDev(kinds) ? dep.index : -1);
      }
    } else
      for (let j = 0; j < deps2.length; j++) {
        let d = deps2[j];
        if (!isJsonObject(d)) throw notObject(d, depPath(i, j));
        let depId = d.pkg;
        if (typeof depId != "string") throw notString(depId, `${depPath(i, j)}.pkg`);
        let dep = entries.get(depId);
        if (dep === void 0) throw new Invalid(`${depPath(i, j)}.pkg`, `unknown package id ${q(depId)}`);
        let externName = d.name;
        if (typeof externName != "string") throw notString(externName, `${depPath(i, j)}.name`);
        let rawKinds = d.dep_kinds, kinds = null;
        if (rawKinds === void 0)
          sawDepWithoutKinds = !0, kinds = recoveredKinds(entry, dep);
        else {
          if (!Array.isArray(rawKinds)) throw notArray(rawKinds, `${depPath(i, j)}.dep_kinds`);
          for (let m = 0; m < rawKinds.length; m++) {
            let k = rawKinds[m];
            if (!isJsonObject(k)) throw notObject(k, kindPath(i, j, m));
            let kind = dependencyKind(k.kind);
            if (kind === null) throw unknownKind(k.kind, `${kindPath(i, j, m)}.kind`);
            let target = k.target;
            if (target != null && typeof target != "string") throw notString(target, `${kindPath(i, j, m)}.target`);
            let platform = target == null ? null : intern(target);
            kinds === null ? kinds = [{ kind, platform, declared: declarationOf2(entry.declarations, dep, externName, kind, platform) }] : hasKind(kinds, kind, platform) || kinds.push({ kind, platform, declared: declarationOf2(entry.declarations, dep, externName, kind, platform) });
          }
          if (kinds === null) throw new Invalid(`${depPath(i, j)}.dep_kinds`, "is empty: every dependency edge has at least one kind");
        }
        edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName, kinds }, edgeEnds.push(anyNonDev(kinds) ? dep.index : -1);
      }
    pkg.deps = edgeCount === 0 ? NO_EDGES : edgeScratch.slice(0, edgeCount);
  }
  for (let id of workspaceMembers)
    if (entries.get(id).node < 0) throw new Invalid("resolve.nodes", `workspace member ${q(id)} has no resolve node`);
  let cycle = dependencyCycle(list, edgeEnds);
  if (cycle !== null) {
    let closing = cycle[cycle.length - 1], from = entries.get(closing.from.id);
    throw new Invalid(`${nodePath2(from.node)}.${from.oldForm ? "dependencies" : "deps"}[${closing.edge}]`, describeCycle(cycle));
  }
  let resolveRoot = null;
  if (resolve5.root != null) {
    let id = string(resolve5.root, "resolve.root"), entry = entries.get(id);
    if (entry === void 0) throw new Invalid("resolve.root", `unknown package id ${q(id)}`);
    resolveRoot = entry.pkg.id;
  }
  return {
    packages,
    workspaceMembers,
    workspaceDefaultMembers,
    workspaceRoot,
    targetDirectory,
    resolveRoot,
    graphQuality: sawDepWithoutKinds ? "no-dep-kinds" : "full"
  };
}
function parseDeclaration(value, i, j, intern) {
  if (!isJsonObject(value)) throw notObject(value, declarationPath(i, j));
  let name = value.name;
  if (typeof name != "string") throw notString(name, `${declarationPath(i, j)}.name`);
  let rename = value.rename;
  if (rename != null && typeof rename != "string") throw notString(rename, `${declarationPath(i, j)}.rename`);
  let kind = dependencyKind(value.kind);
  if (kind === null) throw unknownKind(value.kind, `${declarationPath(i, j)}.kind`);
  let target = value.target;
  if (target != null && typeof target != "string") throw notString(target, `${declarationPath(i, j)}.target`);
  let optional = value.optional;
  if (optional != null && typeof optional != "boolean") throw notBoolean(optional, `${declarationPath(i, j)}.optional`);
  let features = value.features == null ? NO_STRINGS : stringList(value.features, () => `${declarationPath(i, j)}.features`), defaultFeatures = value.uses_default_features;
  if (defaultFeatures != null && typeof defaultFeatures != "boolean") throw notBoolean(defaultFeatures, `${declarationPath(i, j)}.uses_default_features`);
  return {
    name,
    rename: rename ?? null,
    externRename: rename == null ? null : underscores(rename),
    kind,
    platform: target == null ? null : intern(target),
    declared: {
      nameInToml: rename ?? name,
      optional: optional ?? !1,
      features,
      defaultFeatures: defaultFeatures ?? !0
    }
  };
}
function hasKind(kinds, kind, platform) {
  for (let x = 0; x < kinds.length; x++) {
    let k = kinds[x];
    if (k.kind === kind && k.platform === platform) return !0;
  }
  return !1;
}
function anyNonDev(kinds) {
  for (let x = 0; x < kinds.length; x++) if (kinds[x].kind !== "dev") return !0;
  return !1;
}
function declarationOf2(declarations, dep, externName, kind, platform) {
  let depName = dep.pkg.name, crateName3 = dep.libName === null ? null : underscores(dep.libName);
  for (let x = 0; x < declarations.length; x++) {
    let d = declarations[x];
    if (!(d.kind !== kind || d.platform !== platform) && (d.externRename === null ? d.name === depName && (crateName3 === null || crateName3 === externName) : d.externRename === externName))
      return d.declared;
  }
  return null;
}
function recoveredKinds(from, dep) {
  let depName = dep.pkg.name, kinds = null;
  for (let d of from.declarations)
    d.name === depName && (kinds === null ? kinds = [{ kind: d.kind, platform: d.platform, declared: d.declared }] : hasKind(kinds, d.kind, d.platform) || kinds.push({ kind: d.kind, platform: d.platform, declared: d.declared }));
  return kinds ?? [{ kind: "normal", platform: null, declared: null }];
}
function recoveredExternName(from, dep) {
  let depName = dep.pkg.name;
  for (let d of from.declarations)
    if (d.name === depName && d.rename) return underscores(d.rename);
  return underscores(dep.libName ?? depName);
}
function underscores(name) {
  return name.includes("-") ? name.replaceAll("-", "_") : name;
}
function parseFeatureMap(value, i) {
  if (!isJsonObject(value)) throw notObject(value, `${packagePath(i)}.features`);
  let names = Object.keys(value);
  if (names.length === 0) return NO_FEATURES2;
  let map = /* @__PURE__ */ new Map();
  for (let k = 0; k < names.length; k++) {
    let name = names[k];
    map.set(name, stringList(value[name], () => `${packagePath(i)}.features.${name}`));
  }
  return map;
}
function dependencyKind(v) {
  return v == null || v === "normal" ? "normal" : v === "dev" ? "dev" : v === "build" ? "build" : null;
}
function parsePublish(v, i) {
  if (v === !1) return !1;
  let registries = stringList(v, () => `${packagePath(i)}.publish`);
  return registries.length === 0 ? !1 : registries;
}

// src/manifest/locator.ts
var SECTIONS = { normal: "dependencies", dev: "dev-dependencies", build: "build-dependencies" };
function createLocator(metadata, context, readToml2) {
  let root = metadata.workspaceRoot, cache = /* @__PURE__ */ new Map(), doc = (file) => {
    if (!cache.has(file)) {
      let parsed = null;
      try {
        parsed = readToml2(file);
      } catch {
      }
      cache.set(file, parsed);
    }
    return cache.get(file);
  }, relative = (file) => relativePosix(root, file) ?? forwardSlashes(file), at = (pkg, ...paths) => {
    let d = doc(pkg.manifestPath);
    for (let p of paths) {
      let line = d?.lineOf(p) ?? null;
      if (line !== null) return { file: relative(pkg.manifestPath), line };
    }
    return { file: relative(pkg.manifestPath), line: 1 };
  }, fromSource = (source) => !source || !("file" in source) ? null : { file: relative(resolveFrom(root, source.file)), line: source.line }, rootManifest = () => ({ file: "Cargo.toml", line: 1 });
  return {
    crateType(unit) {
      let pkg = unit.pkg;
      if (unit.target.kind === "example") {
        let index = exampleIndex(doc(pkg.manifestPath), unit.target.name);
        if (index !== null) return at(pkg, ["example", index, "crate-type"], ["example", index, "crate_type"], ["example", index]);
      }
      return at(pkg, ["lib", "crate-type"], ["lib", "crate_type"], ["lib", "proc-macro"], ["lib"], ["package"]);
    },
    dependency(dependent, dep, edge, platform) {
      let pkg = dependent.pkg;
      if (edge === "own-lib") return this.crateType(dep);
      let names = "pkgName" in dep ? [dep.pkgName, dep.externName] : [dep.pkg.name, dep.target.name.replace(/-/g, "_")], keys = [...new Set(names.flatMap((n) => [n, n.replace(/_/g, "-"), n.replace(/-/g, "_")]))], section = SECTIONS[edge] ?? "dependencies", d = doc(pkg.manifestPath), platformKey = platform === null ? null : targetTableKey(d, platform), table = platformKey === null ? [section] : ["target", platformKey, section], renamed = renamedKey(d, table, names[0]);
      renamed && keys.unshift(renamed);
      let key = keys.find((k) => d?.lineOf([...table, k]) != null), location2 = at(pkg, ...keys.map((k) => [...table, k]), table);
      if (key === void 0 || !inheritsFromWorkspace(d, [...table, key])) return location2;
      let rootManifest2 = joinPath(root, "Cargo.toml"), line = doc(rootManifest2)?.lineOf(["workspace", "dependencies", key]) ?? null;
      return line === null ? location2 : { ...location2, related: [{ file: relative(rootManifest2), line, message: `\`${key}\` in \`[workspace.dependencies]\`` }] };
    },
    file(absolute, line) {
      return { file: relativeOrAbsolute(root, absolute), line };
    },
    manifestKey(pkg, ...paths) {
      return at(pkg, ...paths);
    },
    dependencyNamed(pkg, name) {
      let d = doc(pkg.manifestPath), value = d?.value, tables = Object.values(SECTIONS).map((section) => [section]), targets = value?.target;
      if (targets && typeof targets == "object")
        for (let platform of Object.keys(targets)) tables.push(...Object.values(SECTIONS).map((section) => ["target", platform, section]));
      let keys = [.../* @__PURE__ */ new Set([name, name.replace(/_/g, "-"), name.replace(/-/g, "_")])], renamed = tables.map((t) => renamedKey(d, t, name)).filter((k) => k !== null);
      return at(pkg, ...tables.flatMap((t) => [...keys, ...renamed].map((k) => [...t, k])));
    },
    setting(setting, unit) {
      if (setting === "rustflags") return fromSource(unit.mode === "doctest" ? unit.targetInfo.rustdocflagsSource : unit.targetInfo.rustflagsSource) ?? rootManifest();
      let profile = unit.mode === "build" ? context.profile : context.testProfile;
      return fromSource(profile.sources[setting]) ?? rootManifest();
    }
  };
}
function targetTableKey(doc, platform) {
  let targets = doc?.value?.target;
  if (!targets || typeof targets != "object") return platform;
  let squeeze = (s) => s.replace(/\s+/g, "");
  return Object.keys(targets).find((k) => k === platform) ?? Object.keys(targets).find((k) => squeeze(k) === squeeze(platform)) ?? platform;
}
function inheritsFromWorkspace(doc, keyPath) {
  let node = doc?.value;
  for (let k of keyPath) node = node && typeof node == "object" ? node[k] : void 0;
  return !!(node && typeof node == "object" && node.workspace === !0);
}
function exampleIndex(doc, name) {
  let examples = doc?.value?.example;
  if (!Array.isArray(examples)) return null;
  let i = examples.findIndex((e) => e?.name === name);
  return i < 0 ? null : i;
}
function renamedKey(doc, table, pkgName) {
  let node = doc?.value;
  for (let k of table) node = node && typeof node == "object" ? node[k] : void 0;
  if (!node || typeof node != "object") return null;
  for (let [key, value] of Object.entries(node))
    if (value && typeof value == "object" && value.package === pkgName) return key;
  return null;
}

// src/manifest/target-flags.ts
var ARRAY_TABLE_KINDS = /* @__PURE__ */ new Set(["bin", "example", "test", "bench"]);
function benchedReader(manifestOf) {
  return (pkg, target) => {
    let bench = targetTable(manifestOf(pkg), pkg, target)?.bench;
    return typeof bench == "boolean" ? bench : defaultBenched(target);
  };
}
function harnessReader(manifestOf) {
  return (pkg, target) => targetTable(manifestOf(pkg), pkg, target)?.harness !== !1;
}
function targetTable(doc, pkg, target) {
  if (doc === null) return null;
  if (target.kind === "lib" || target.kind === "proc-macro") {
    let lib = doc.value.lib;
    return isJsonObject(lib) ? lib : null;
  }
  let tables = ARRAY_TABLE_KINDS.has(target.kind) ? doc.value[target.kind] : void 0;
  if (!Array.isArray(tables)) return null;
  let dir = pathModuleFor(pkg.manifestPath).dirname(pkg.manifestPath), samePath = (p) => typeof p == "string" && forwardSlashes(pathModuleFor(dir).normalize(resolveFrom(dir, p))) === forwardSlashes(pathModuleFor(target.srcPath).normalize(target.srcPath)), tablesOf = tables.filter(isJsonObject);
  return tablesOf.find((t) => t.name === target.name) ?? tablesOf.find((t) => t.name === void 0 && samePath(t.path)) ?? null;
}

// src/manifest/default-members.ts
var import_node_path18 = __module("node:path");
function manifestDefaultMembers(rootManifest, metadata) {
  let workspace = rootManifest?.value.workspace;
  if (typeof workspace != "object" || workspace === null || Array.isArray(workspace)) return null;
  let entries = workspace["default-members"];
  if (!Array.isArray(entries) || !entries.every((e) => typeof e == "string")) return null;
  let root = import_node_path18.default.resolve(metadata.workspaceRoot), members = metadata.workspaceMembers.map((id) => ({ id, dir: import_node_path18.default.relative(root, import_node_path18.default.dirname(import_node_path18.default.resolve(metadata.packages.get(id).manifestPath))).split(import_node_path18.default.sep).join("/") })), chosen = /* @__PURE__ */ new Set();
  for (let entry of entries) {
    let pattern = globPattern(import_node_path18.default.posix.normalize(entry.replace(/\\/g, "/")).replace(/\/$/, "").replace(/^\.$/, "")), matched = members.filter((m) => pattern.test(m.dir));
    if (matched.length === 0) return null;
    for (let m of matched) chosen.add(m.id);
  }
  return metadata.workspaceMembers.filter((id) => chosen.has(id));
}
function globPattern(glob) {
  let body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

// src/manifest/resolver.ts
function resolverVersion(rootManifest, rootPackage2) {
  if (rootManifest === null) return null;
  let { workspace, package: pkg } = rootManifest.value, declared = tableKey(workspace, "resolver") ?? tableKey(pkg, "resolver");
  return declared !== void 0 ? declared === "1" ? 1 : 2 : rootPackage2 === null || rootPackage2.edition === "2015" || rootPackage2.edition === "2018" ? 1 : 2;
}
function tableKey(table, key) {
  return isJsonObject(table) ? table[key] : void 0;
}

// src/warm-up.ts
async function warmUpAnalysis(inputs, stop = () => !1) {
  let workspace = warmUpWorkspace(), metadata = parseMetadata(workspace.metadata, "the warm-up workspace"), target = { ...inputs.target }, host = inputs.host === inputs.target ? target : { ...inputs.host }, profile = resolveProfile(profileNameFor(inputs.command, !1, null).main, { manifest: null, manifestFile: "Cargo.toml", config: inputs.config, env: inputs.env }), context = { rustc: inputs.rustc, host, target, profile, testProfile: profile }, manifest = (file) => {
    let text = workspace.manifests.get(file);
    return text === void 0 ? null : parseTomlDocument(text, file);
  };
  if (await stopped(stop)) return null;
  let analysis = analyze({
    metadata,
    context,
    invocation: defaultInvocation({ command: inputs.command, workspace: !0 }),
    currentManifest: `${ROOT}/Cargo.toml`,
    locator: createLocator(metadata, context, manifest),
    commandLine: ["cargo", inputs.command, "--workspace"],
    resolver: 2,
    readText: (file) => workspace.manifests.get(file) ?? null
  });
  if (await stopped(stop)) return null;
  let report = applyGate(analysis, { failOn: "error", policy: null, baseline: null, today: "2000-01-01" });
  for (let chunk of reportJson(report)) ;
  return await stopped(stop) ? null : (renderText(report, { color: !1 }), renderSummary(report), selectAnnotations(report, { workspacePrefix: "" }), report);
}
async function stopped(stop) {
  return await new Promise((resolve5) => setImmediate(resolve5)), stop();
}
var ROOT = "/rust-linkage-guard/warm-up", PACKAGES = [
  { name: "host", crateType: "bin", dependencies: ["engine_api", "plugin_audio?", "plugin_render?"], features: { default: ["audio", "render"], audio: ["dep:plugin_audio"], render: ["dep:plugin_render"] } },
  { name: "engine_api", crateType: "lib", dependencies: [] },
  { name: "plugin_audio", crateType: "dylib", dependencies: ["engine_api"] },
  { name: "plugin_render", crateType: "dylib", dependencies: ["engine_api"] }
];
function warmUpWorkspace() {
  let id = (name) => `path+file://${ROOT}/${name}#0.1.0`, manifests = /* @__PURE__ */ new Map([[`${ROOT}/Cargo.toml`, `[workspace]
resolver = "2"
members = [${PACKAGES.map((p) => `"${p.name}"`).join(", ")}]
`]]), packages = PACKAGES.map((p) => {
    let dependencies = p.dependencies.map((d) => ({ name: d.replace("?", ""), optional: d.endsWith("?") })), features = p.features ?? {};
    return manifests.set(
      `${ROOT}/${p.name}/Cargo.toml`,
      [
        `[package]
name = "${p.name}"
version = "0.1.0"
edition = "2021"
`,
        p.crateType === "dylib" ? `[lib]
crate-type = ["dylib"]
` : "",
        p.features ? `[features]
${Object.entries(features).map(([k, v]) => `${k} = [${v.map((f) => `"${f}"`).join(", ")}]
`).join("")}` : "",
        dependencies.length === 0 ? "" : `[dependencies]
${dependencies.map((d) => `${d.name} = { path = "../${d.name}"${d.optional ? ", optional = true" : ""} }
`).join("")}`
      ].filter((section) => section !== "").join(`
`)
    ), {
      package: {
        name: p.name,
        version: "0.1.0",
        id: id(p.name),
        license: null,
        license_file: null,
        description: null,
        source: null,
        dependencies: dependencies.map((d) => ({
          name: d.name,
          source: null,
          req: "*",
          kind: null,
          rename: null,
          optional: d.optional,
          uses_default_features: !0,
          features: [],
          target: null,
          registry: null,
          path: `${ROOT}/${d.name}`
        })),
        targets: [
          {
            kind: [p.crateType],
            crate_types: [p.crateType],
            name: p.name,
            src_path: `${ROOT}/${p.name}/src/${p.crateType === "bin" ? "main" : "lib"}.rs`,
            edition: "2021",
            doc: !0,
            doctest: p.crateType === "lib",
            test: !0
          }
        ],
        features,
        manifest_path: `${ROOT}/${p.name}/Cargo.toml`,
        metadata: null,
        publish: null,
        authors: [],
        categories: [],
        keywords: [],
        readme: null,
        repository: null,
        homepage: null,
        documentation: null,
        edition: "2021",
        links: null,
        default_run: null,
        rust_version: null
      },
      node: {
        id: id(p.name),
        dependencies: dependencies.map((d) => id(d.name)),
        deps: dependencies.map((d) => ({ name: d.name, pkg: id(d.name), dep_kinds: [{ kind: null, target: null }] })),
        features: Object.keys(features).sort()
      }
    };
  }), members = PACKAGES.map((p) => id(p.name)), metadata = {
    packages: packages.map((p) => p.package),
    workspace_members: members,
    workspace_default_members: members,
    resolve: { nodes: packages.map((p) => p.node), root: null },
    target_directory: `${ROOT}/target`,
    build_directory: `${ROOT}/target`,
    version: 1,
    workspace_root: ROOT,
    metadata: null
  };
  return { metadata: JSON.stringify(metadata), manifests };
}

// src/run.ts
async function check(settings) {
  let { cwd, scope = null, trustRepositoryConfig = !1, timeoutMs } = settings, policy = loadPolicy({ ...settings.policy, cwd, scope }), toolchainChoice = selectToolchain({
    requested: settings.rustToolchain,
    dir: settings.toolchainDir,
    env: settings.env,
    trustRepositoryConfig,
    allowInstall: settings.installToolchain,
    timeoutMs,
    scope,
    runner: settings.runner
  }), metadataText = settings.metadataFile ? readNow(settings.metadataFile) : void 0, toolchain = await toolchainChoice, analysed = await analyzeWorkspace({ ...settings, env: { ...settings.env, ...toolchain }, policy, metadataText });
  return gateReport(analysed, { failOn: settings.failOn, policy, baseline: settings.baseline, cwd, scope });
}
async function analyzeWorkspace(options) {
  let env = options.env, cwd = import_node_path19.default.resolve(options.cwd), config = readCargoConfig(cwd, env, options.configOverrides ?? [], options.scope ?? null), invocation = { ...options.invocation }, trusted = options.trustRepositoryConfig === !0;
  trusted || refuseTarget(config, invocation.target), invocation.target = requestedTarget(config, invocation.target, cwd), trusted || refuseRustflagsKnownNow(config, env, invocation.target);
  let tools = { cargo: env.CARGO ?? "cargo", rustc: env.RUSTC ?? "rustc" }, isolation = isolate(config, env, options), childEnv = { ...childEnvironment(env, process.platform), ...isolation.env }, programs = options.runner ?? processRunner(options.timeoutMs), runner = cancellable(trusted ? programs : withRustcCache(programs, tools.rustc, env, childEnv.PATH)), removeIsolation = () => {
    isolation.dir !== cwd && import_node_fs11.default.rmSync(isolation.dir, { recursive: !0, force: !0 });
  }, forget = onInterrupt(removeIsolation);
  try {
    return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation });
  } finally {
    forget(), runner.cancel(), removeIsolation();
  }
}
async function analyzeWith(options, setup) {
  let { runner, env, cwd, config, invocation, tools, childEnv, isolation } = setup, runDir = isolation.dir, manifestPath = options.manifestPath !== null ? import_node_path19.default.resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null);
  if (manifestPath !== null && !options.metadataFile && !isFile2(manifestPath))
    throw new UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`);
  let scope = options.scope ?? null, manifests = /* @__PURE__ */ new Map(), manifestOf = (file) => {
    let doc = manifests.get(file);
    return doc === void 0 && manifests.set(file, doc = readToml(file, scope)), doc;
  };
  if (!options.metadataFile && options.trustRepositoryConfig !== !0) {
    let manifest = null;
    try {
      manifest = manifestOf(manifestPath);
    } catch {
    }
    refuseUnsafeLockfiles(candidateLockfiles(manifestPath, manifest, (dir) => isFile2(import_node_path19.default.join(dir, "Cargo.toml"))), scope);
  }
  let needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0), probe = (kind, triple) => probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? "", options.trustRepositoryConfig === !0), targetFirst = isolation.cargoProbesCached && !needsHostTriple ? probe("target", invocation.target) : null, cargoMetadata = options.metadataFile ? null : runCargoMetadata(runner, tools.cargo, manifestPath, invocation, runDir, childEnv, isolation.configArgs).then(
    (text) => parseSized(text, "cargo metadata", options),
    async (e) => {
      throw await buildsFeatureRefusal(e, { runner, cargo: tools.cargo, manifestPath, invocation, runDir, childEnv, isolation, scope: options.scope ?? null }) ?? e;
    }
  ), refused = cargoMetadata === null ? NEVER : cargoMetadata.then(() => NEVER, (e) => e instanceof CommandError && e.fault === "input" ? Promise.reject(e) : NEVER);
  refused.catch(() => {
  });
  let cargoSettled = !1;
  cargoMetadata?.then(
    () => cargoSettled = !0,
    () => cargoSettled = !0
  );
  let rustcPromise = runRustcVersion(runner, tools.rustc, runDir, childEnv);
  rustcPromise.catch(() => {
  });
  let version = cargoMetadata !== null && !isolation.cargoProbesCached || needsHostTriple ? await Promise.race([rustcPromise, refused]) : null, knownTriple = invocation.target ?? (needsHostTriple ? version.host : null), probes = Promise.all([rustcPromise, targetFirst ?? probe("target", knownTriple), invocation.target === null ? null : probe("host", null)]), metadataPromise = cargoMetadata ?? parseRecordedMetadata(options);
  metadataPromise.catch(() => {
  }), cargoMetadata !== null && !cargoSettled && options.whileCargoRuns && await options.whileCargoRuns().catch(() => {
  });
  let [rustc, targetInfo, hostInfo] = await Promise.race([probes, refused]);
  targetInfo.triple = invocation.target ?? rustc.host;
  let rustdocflags = effectiveRustdocflags(env, config, targetInfo.triple);
  if (targetInfo.rustdocflags = rustdocflags.flags, targetInfo.rustdocflagsSource = rustdocflags.source, hostInfo && (hostInfo.triple = rustc.host), cargoMetadata !== null && !cargoSettled) {
    let inputs = { rustc, target: targetInfo, host: hostInfo ?? targetInfo, command: invocation.command, config, env };
    await warmUpAnalysis(inputs, () => cargoSettled).catch(() => null);
  }
  let gathered = await metadataPromise;
  options.afterParse?.(), scope !== null && refuseOutsidePathPackages(gathered, scope);
  let rootManifestFile = import_node_path19.default.join(gathered.workspaceRoot, "Cargo.toml"), rootManifest = manifestOf(rootManifestFile), directories = buildDirectories(config, env, cwd, {
    workspaceRoot: gathered.workspaceRoot,
    cargoHome: cargoHomeOf(env),
    buildDirKnown: releaseAtLeast(rustc.release, 1, 91)
  }), metadata = {
    ...gathered,
    // Where cargo metadata ran with ours (`isolate`), the build's default is the workspace's `target/`.
    targetDirectory: directories.targetDir ?? (cargoMetadata !== null && isolation.env.CARGO_TARGET_DIR !== void 0 ? import_node_path19.default.join(gathered.workspaceRoot, "target") : gathered.targetDirectory),
    // cargo before 1.71 prints no `workspace_default_members`: they are read from the root manifest.
    workspaceDefaultMembers: gathered.workspaceDefaultMembers ?? manifestDefaultMembers(rootManifest, gathered)
  }, targetFlagsManifest = (pkg) => {
    try {
      return manifestOf(pkg.manifestPath);
    } catch {
      return null;
    }
  }, names = profileNameFor(invocation.command, invocation.release, invocation.profile), profileOptions = { manifest: rootManifest, manifestFile: "Cargo.toml", config, env }, context = {
    rustc,
    host: hostInfo ?? targetInfo,
    target: targetInfo,
    profile: resolveProfile(names.main, profileOptions),
    testProfile: resolveProfile(names.test, profileOptions),
    buildDirectory: directories.buildDir,
    inheritedLibraryPath: inheritedLibraryPath(env, hostInfo ?? targetInfo, cwd),
    panicAbortTests: panicAbortTests(config, env, rustc.release)
  };
  return analyze({
    metadata,
    context,
    invocation,
    currentManifest: manifestPath ?? rootManifestFile,
    locator: createLocator(metadata, context, manifestOf),
    commandLine: ["cargo", invocation.command, ...toCargoArgs(invocation)],
    sourceUsesCrate: sourceReader(metadata, scope),
    docTestsOf: docTestsReader(metadata, scope),
    benched: benchedReader(targetFlagsManifest),
    harness: harnessReader(targetFlagsManifest),
    facts: gatherFacts(metadata, config, options),
    notes: isolation.notes,
    resolver: resolverVersion(rootManifest, rootPackage(metadata)),
    readText: (file) => readRepositoryText(file, scope)
  });
}
var NEVER = new Promise(() => {
});
function panicAbortTests(config, env, release) {
  if (!/-(nightly|dev)\b/.test(release) && env.RUSTC_BOOTSTRAP !== "1") return !1;
  let node = configNode(config, ["unstable", "panic-abort-tests"]);
  return env.CARGO_UNSTABLE_PANIC_ABORT_TESTS === "true" || node?.kind === "scalar" && node.value === !0;
}
function readNow(file) {
  let read;
  try {
    read = { text: readMetadataText(file) };
  } catch (error) {
    read = { error };
  }
  return () => {
    let taken = read;
    if (read = null, taken === null) throw new Error(`\`${file}\` was handed over twice`);
    if ("error" in taken) throw taken.error;
    return taken.text;
  };
}
async function buildsFeatureRefusal(error, query) {
  let { runner, cargo, manifestPath, invocation, runDir, childEnv, isolation, scope } = query, refusedFeatures = /(does not contain (this|these) features?|none of the selected packages contains|does not have the feature)/;
  if (!(error instanceof CommandError) || !refusedFeatures.test(error.message)) return null;
  let withoutFeatures = { ...invocation, features: [], allFeatures: !1, noDefaultFeatures: !1 }, metadata;
  try {
    let text = await runCargoMetadata(runner, cargo, manifestPath, withoutFeatures, runDir, childEnv, isolation.configArgs, { noDeps: !0 });
    metadata = parseMetadata(text, "cargo metadata --no-deps", { membersOnly: !0 });
  } catch {
    return null;
  }
  let resolver = resolverVersion(readToml(import_node_path19.default.join(metadata.workspaceRoot, "Cargo.toml"), scope), rootPackage(metadata));
  if (resolver === null) return null;
  try {
    checkCommandLineFeatures(metadata, packageIdSpecs(metadata, invocation, manifestPath).members, commandLineFeatures(resolver, currentPackage(metadata, manifestPath), invocation));
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  return null;
}
async function parseRecordedMetadata(options) {
  let file = options.metadataFile, text = options.metadataText ? options.metadataText() : readMetadataText(file);
  return parseSized(text, file, options);
}
function parseSized(text, source, options) {
  return options.beforeParse?.(text.length), parseMetadata(text, source);
}
function gatherFacts(metadata, config, options) {
  let scope = options.scope ?? null, pinFile = findToolchainFile(metadata.workspaceRoot, isFile2), exact = options.policy?.policy.exactToolchain ?? null, buildTarget = options.invocation.target === null ? config.buildTarget : null, allocators = /* @__PURE__ */ new Map(), loaders = /* @__PURE__ */ new Map();
  return {
    pin: pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, "toolchain-file", { within: scopeFor(scope, pinFile) }), pinFile),
    expectedToolchain: exact === null ? null : { channel: exact.channel, file: options.policy.path, line: exact.line },
    targetSource: buildTarget?.kind === "single" ? settingSource(buildTarget.target.source) : null,
    globalAllocators(pkg) {
      let found = allocators.get(pkg.id);
      return found === void 0 && allocators.set(pkg.id, found = scanAllocators(pkg, scope)), found;
    },
    loadsLibraries(pkg) {
      let found = loaders.get(pkg.id);
      return found === void 0 && loaders.set(pkg.id, found = callsSystemLoader(pkg, scope)), found;
    },
    exportedSymbols: exportReader(metadata, scope)
  };
}

// src/cli/color.ts
var COLOR_CHOICES = ["auto", "always", "never"];
function resolveColorChoice(flag, cargoTermColor) {
  if (flag !== null) return flag;
  if (cargoTermColor === void 0) return "auto";
  if (isColorChoice(cargoTermColor)) return cargoTermColor;
  throw new UserError(`\`CARGO_TERM_COLOR\` must be one of ${COLOR_CHOICES.join(", ")}, got \`${cargoTermColor}\``);
}
function isColorChoice(value) {
  return COLOR_CHOICES.some((choice) => choice === value);
}
function terminalShowsColor(isTTY, variables) {
  return isTTY && variables.TERM !== "dumb" && (variables.NO_COLOR ?? "") === "";
}
function colorsStream(choice, showsColor) {
  return choice === "always" || choice === "auto" && showsColor;
}
function decideErrorColor(flag, variables, isTTY) {
  let choice = flag ?? (isColorChoice(variables.CARGO_TERM_COLOR) ? variables.CARGO_TERM_COLOR : "auto");
  return colorsStream(choice, terminalShowsColor(isTTY, variables));
}

// src/cli/args.ts
var PROGRAM = "rust-linkage-guard", CARGO_SUBCOMMAND = "linkage-guard", HELP_HINT = `run \`${PROGRAM} --help\``, FORMATS = ["text", "json", "markdown", "sarif", "github"], FAIL_ON = ["error", "warning", "never"], COMMANDS = ["build", "test", "bench"], HELP_TEXT = `Predict how each artifact of a Cargo workspace links, before anything is compiled.

Usage: ${PROGRAM} [+toolchain] [OPTIONS]
       cargo [+toolchain] ${CARGO_SUBCOMMAND} [OPTIONS]

  +toolchain  The rustup toolchain to run cargo and rustc with, as with cargo (e.g. +1.95.0)

Options:
      --command <COMMAND>     Cargo command to predict: build, test, bench [default: build]
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
      --bin <NAME>      Check only the specified binary (a name or a glob pattern, as are the
                        names of --example, --test and --bench)
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
      --no-run                  No doc test is compiled, as with cargo (with --command test, bench)
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
  return { long, ...short === void 0 ? {} : { short }, apply: (draft) => set(draft) };
}
function listFlag(long, value, push) {
  return {
    long,
    value,
    repeatable: !0,
    apply: (draft, item, spelled) => push(draft, requireNonEmpty(item, spelled))
  };
}
var FLAG_SPECS = [
  // Package selection
  {
    long: "package",
    short: "p",
    value: "SPEC",
    repeatable: !0,
    apply: (d, v, spelled) => pushUnique(d.options.invocation.packages, checkPackageSpec(v, spelled))
  },
  switchFlag("workspace", (d) => d.options.invocation.workspace = !0),
  // cargo keeps `--all` as a separate argument: `--workspace --all` is accepted, `--all --all` is not.
  switchFlag("all", (d) => d.options.invocation.workspace = !0),
  {
    long: "exclude",
    value: "SPEC",
    repeatable: !0,
    apply: (d, v, spelled) => pushUnique(d.options.invocation.exclude, checkPackageSpec(v, spelled))
  },
  // Target selection
  switchFlag("lib", (d) => d.options.invocation.targets.lib = !0),
  switchFlag("bins", (d) => d.options.invocation.targets.bins = !0),
  listFlag("bin", "NAME", (d, v) => pushUnique(d.options.invocation.targets.bin, v)),
  switchFlag("examples", (d) => d.options.invocation.targets.examples = !0),
  listFlag("example", "NAME", (d, v) => pushUnique(d.options.invocation.targets.example, v)),
  switchFlag("tests", (d) => d.options.invocation.targets.tests = !0),
  listFlag("test", "NAME", (d, v) => pushUnique(d.options.invocation.targets.test, v)),
  switchFlag("benches", (d) => d.options.invocation.targets.benches = !0),
  listFlag("bench", "NAME", (d, v) => pushUnique(d.options.invocation.targets.bench, v)),
  switchFlag("all-targets", (d) => d.options.invocation.targets.allTargets = !0),
  // Feature selection
  {
    long: "features",
    short: "F",
    value: "FEATURES",
    repeatable: !0,
    apply: (d, v) => {
      for (let feature of splitFeatures(v)) pushUnique(d.options.invocation.features, feature);
    }
  },
  switchFlag("all-features", (d) => d.options.invocation.allFeatures = !0),
  switchFlag("no-default-features", (d) => d.options.invocation.noDefaultFeatures = !0),
  // Compilation options
  switchFlag("release", (d) => d.options.invocation.release = !0, "r"),
  {
    long: "profile",
    value: "PROFILE-NAME",
    apply: (d, v, spelled) => d.options.invocation.profile = checkProfileName(v, `\`${spelled}\``)
  },
  {
    long: "target",
    value: "TRIPLE",
    // cargo accepts several `--target`s; one prediction covers one target, so only a repeat of the same one is fine.
    repeatable: !0,
    apply: (d, v, spelled) => {
      let triple = requireNonEmpty(v, spelled), previous = d.options.invocation.target;
      if (previous !== null && previous !== triple)
        throw new UserError(
          `\`${spelled}\` given twice (\`${previous}\`, \`${triple}\`); ${PROGRAM} predicts one target per run`
        );
      d.options.invocation.target = triple;
    }
  },
  // Manifest options
  {
    long: "manifest-path",
    value: "PATH",
    apply: (d, v, spelled) => d.options.manifestPath = requireNonEmpty(v, spelled)
  },
  {
    long: "metadata-file",
    value: "PATH",
    apply: (d, v, spelled) => d.options.metadataFile = requireNonEmpty(v, spelled)
  },
  switchFlag("locked", (d) => d.options.invocation.locked = !0),
  switchFlag("offline", (d) => d.options.invocation.offline = !0),
  switchFlag("frozen", (d) => d.options.invocation.frozen = !0),
  // Everything else
  {
    long: "command",
    value: "COMMAND",
    apply: (d, v, spelled) => d.options.invocation.command = oneOf(v, COMMANDS, `\`${spelled}\``)
  },
  listFlag("config", "KEY=VALUE", (d, v) => d.options.configOverrides.push(v)),
  { long: "format", value: "FORMAT", apply: (d, v, spelled) => d.options.format = oneOf(v, FORMATS, `\`${spelled}\``) },
  { long: "output", value: "FILE", apply: (d, v, spelled) => d.options.output = requireNonEmpty(v, spelled) },
  { long: "color", value: "WHEN", apply: (d, v, spelled) => d.colorFlag = oneOf(v, COLOR_CHOICES, `\`${spelled}\``) },
  { long: "policy", value: "FILE", apply: (d, v, spelled) => d.options.policy = requireNonEmpty(v, spelled) },
  switchFlag("no-policy", (d) => d.options.noPolicy = !0),
  switchFlag("trust-repository-config", (d) => d.options.trustRepositoryConfig = !0),
  {
    long: "timeout",
    value: "SECONDS",
    apply: (d, v, spelled) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 86400) throw new UserError(`\`${spelled}\` must be a whole number of seconds from 1 to 86400, got \`${v}\``);
      d.options.timeoutMs = Number(v) * 1e3;
    }
  },
  { long: "baseline", value: "FILE", apply: (d, v, spelled) => d.options.baseline = requireNonEmpty(v, spelled) },
  { long: "fail-on", value: "LEVEL", apply: (d, v, spelled) => d.options.failOn = oneOf(v, FAIL_ON, `\`${spelled}\``) },
  switchFlag("fix", (d) => d.options.fix = !0),
  switchFlag("allow-dirty", (d) => d.options.allowDirty = !0),
  switchFlag("doc", (d) => d.options.invocation.doc = !0),
  switchFlag("no-run", (d) => d.options.invocation.noRun = !0),
  // A prediction never runs anything, so these only confirm what is analysed anyway.
  switchFlag("no-fail-fast", () => {
  }),
  switchFlag("keep-going", () => {
  }),
  switchFlag("help", (d) => d.options.help = !0, "h"),
  switchFlag("version", (d) => d.options.version = !0, "V")
], BY_LONG = new Map(FLAG_SPECS.map((spec) => [spec.long, spec])), BY_SHORT = new Map(FLAG_SPECS.flatMap((spec) => spec.short === void 0 ? [] : [[spec.short, spec]])), CARGO_ONLY_FLAGS = /* @__PURE__ */ new Set([
  "--jobs",
  "-j",
  "--target-dir",
  "--artifact-dir",
  "--unit-graph",
  "--timings",
  "--message-format",
  "--future-incompat-report",
  "--ignore-rust-version",
  "--verbose",
  "-v",
  "--quiet",
  "-q",
  "-Z"
]);
function parseCliArgs(argv2, env = { colorTerminal: !1 }) {
  let draft = {
    options: {
      invocation: defaultInvocation(),
      manifestPath: null,
      metadataFile: null,
      format: "text",
      output: null,
      help: !1,
      version: !1,
      color: !1,
      configOverrides: [],
      policy: null,
      noPolicy: !1,
      baseline: null,
      failOn: "error",
      trustRepositoryConfig: !1,
      timeoutMs: null,
      fix: !1,
      allowDirty: !1
    },
    colorFlag: null
  }, seen = /* @__PURE__ */ new Set(), order = [], handle = (spec, spelled, value) => {
    if (seen.has(spec) && spec.repeatable !== !0)
      throw new UserError(`\`${canonical(spec)}\` cannot be used more than once`);
    return seen.add(spec), order.push(spec), spec.apply(draft, value, spelled), draft.options.help || draft.options.version;
  }, i = 0, takeValue = (spec, spelled) => {
    let next = argv2[i + 1];
    if (next === void 0 || next.startsWith("-") && next !== "-")
      throw new UserError(`\`${spelled}\` requires a value: \`${spelled} <${spec.value ?? "VALUE"}>\``);
    return i++, next;
  };
  parsing: for (; i < argv2.length; i++) {
    let arg = argv2[i];
    if (arg === "--") {
      let rest = argv2[i + 1];
      if (rest !== void 0) throw new UserError(`unexpected argument \`${rest}\`; ${HELP_HINT}`);
      break;
    }
    if (arg.startsWith("--")) {
      let eq = arg.indexOf("="), spelled = eq < 0 ? arg : arg.slice(0, eq), spec = BY_LONG.get(spelled.slice(2));
      if (spec === void 0) throw unknownFlag(spelled);
      let value = "";
      if (spec.value === void 0) {
        if (eq >= 0) throw new UserError(`\`${spelled}\` takes no value, got \`${arg}\``);
      } else
        value = eq >= 0 ? arg.slice(eq + 1) : takeValue(spec, spelled);
      if (handle(spec, spelled, value)) break parsing;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      let letters = Array.from(arg.slice(1));
      for (let j = 0; j < letters.length; j++) {
        let letter = letters[j], spelled = `-${letter}`, spec = BY_SHORT.get(letter);
        if (spec === void 0) throw unknownFlag(spelled);
        if (spec.value === void 0) {
          if (handle(spec, spelled, "")) break parsing;
          continue;
        }
        let attached = letters.slice(j + 1).join(""), value = attached === "" ? takeValue(spec, spelled) : attached.replace(/^=/, "");
        if (handle(spec, spelled, value)) break parsing;
        continue parsing;
      }
      continue;
    }
    throw new UserError(`unexpected argument \`${arg}\`; ${HELP_HINT}`);
  }
  let { options } = draft;
  if (options.help || options.version) return options;
  checkCombinations(options.invocation, order), checkFixFlags(options);
  let choice = resolveColorChoice(draft.colorFlag, env.cargoTermColor);
  return options.color = options.format === "text" && colorsStream(choice, env.colorTerminal && options.output === null), options;
}
function splitCommandLine(argv2) {
  let args = argv2[0] === CARGO_SUBCOMMAND ? argv2.slice(1) : [...argv2], first = args[0];
  return first?.startsWith("+") ? { toolchain: first.slice(1), args: args.slice(1) } : { toolchain: null, args };
}
function colorFlagIn(argv2) {
  for (let i = 0; i < argv2.length && argv2[i] !== "--"; i++) {
    let arg = argv2[i], value = arg === "--color" ? argv2[i + 1] : arg.startsWith("--color=") ? arg.slice(8) : void 0;
    if (isColorChoice(value)) return value;
  }
  return null;
}
function checkFixFlags(options) {
  if (options.allowDirty && !options.fix) throw new UserError("`--allow-dirty` only applies with `--fix`");
  if (options.fix) {
    if (options.metadataFile !== null) throw new UserError("`--fix` cannot be used with `--metadata-file`: it edits the manifests cargo reads, so cargo must read them");
    if (options.format !== "text") throw new UserError(`\`--fix\` prints a diff, not a report: it cannot be used with \`--format ${options.format}\``);
    if (options.output !== null) throw new UserError("`--fix` prints a diff on standard output: it cannot be used with `--output`");
  }
}
function checkCombinations(invocation, order) {
  if (invocation.exclude.length > 0 && !invocation.workspace)
    throw new UserError("`--exclude` can only be used together with `--workspace`");
  if (invocation.release && invocation.profile !== null) {
    let releaseFirst = order.findIndex((s) => s.long === "release") < order.findIndex((s) => s.long === "profile"), [first, second] = releaseFirst ? ["--release", "--profile"] : ["--profile", "--release"];
    throw new UserError(`\`${first}\` cannot be used with \`${second}\`; \`--release\` is the same as \`--profile release\``);
  }
  if (invocation.command !== "test" && order.some((s) => s.long === "doc")) throw new UserError("`--doc` is a flag of `cargo test`: add `--command test`");
  if (invocation.command === "build" && order.some((s) => s.long === "no-run"))
    throw new UserError("`--no-run` is a flag of `cargo test` and `cargo bench`: add `--command test` or `--command bench`");
  if (invocation.command === "bench" && invocation.release)
    throw new UserError("`--release` is not a flag of `cargo bench`, which uses the `bench` profile (it inherits `release`)");
  if (invocation.doc && selectsTargets(invocation)) throw new UserError("`--doc`: can't mix --doc with other target selecting options");
  if (invocation.doc && invocation.noRun) throw new UserError("`--doc`: can't skip running doc tests with --no-run");
  if (order.some((s) => s.long === "policy") && order.some((s) => s.long === "no-policy"))
    throw new UserError("`--policy` cannot be used with `--no-policy`");
}
function canonical(spec) {
  return `--${spec.long}`;
}
function unknownFlag(spelled) {
  if (CARGO_ONLY_FLAGS.has(spelled))
    return new UserError(`cargo's \`${spelled}\` is not supported by ${PROGRAM}; remove it`);
  let suggestion = spelled.startsWith("--") ? closestLongFlag(spelled.slice(2)) : void 0, hint = suggestion === void 0 ? "" : ` (did you mean \`--${suggestion}\`?)`;
  return new UserError(`unknown flag \`${spelled}\`${hint}; ${HELP_HINT}`);
}
function closestLongFlag(name) {
  let best, bestDistance = Math.min(2, Math.max(1, Math.floor(name.length / 3))) + 1;
  for (let long of BY_LONG.keys()) {
    let distance = editDistance2(name.toLowerCase(), long);
    distance < bestDistance && (best = long, bestDistance = distance);
  }
  return best;
}
function editDistance2(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let current = [i];
    for (let j = 1; j <= b.length; j++) {
      let substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
function requireNonEmpty(value, spelled) {
  if (value === "") throw new UserError(`\`${spelled}\` must not be empty`);
  return value;
}
function pushUnique(list, item) {
  list.includes(item) || list.push(item);
}
function oneOf(value, allowed, what) {
  let found = allowed.find((a) => a === value);
  if (found === void 0) throw new UserError(`${what} must be one of ${allowed.join(", ")}, got \`${value}\``);
  return found;
}
function checkPackageSpec(spec, spelled) {
  if (requireNonEmpty(spec, spelled), spec.includes(",") && !spec.includes("://")) {
    let rewrite = spec.split(",").filter((p) => p !== "").map((p) => `${spelled} ${p}`).join(" ");
    throw new UserError(`\`${spelled}\` takes one package per flag, got \`${spec}\`; write \`${rewrite}\``);
  }
  return spec;
}

// src/cli/fix.ts
var import_node_path20 = __module("node:path");

// src/fixes/plan.ts
function planFixes(findings) {
  let edits = /* @__PURE__ */ new Map(), fixed = [], unfixed = [];
  for (let finding2 of findings) {
    if (finding2.severity !== "error" || finding2.allowed !== void 0 || finding2.baseline === "existing") continue;
    let fix = finding2.fixes.find((f) => f.verified && f.kind === "manifest-edit" && (f.edits?.length ?? 0) > 0);
    if (fix === void 0) {
      let other2 = finding2.fixes.find((f) => f.verified);
      unfixed.push({ finding: finding2, reason: other2 ? `no verified manifest edit; verified instead: ${other2.title}` : "no verified fix" });
      continue;
    }
    let clash = fix.edits.find((e) => (edits.get(e.file) ?? []).some((o) => o.line === e.line && (o.before !== e.before || o.after !== e.after)));
    if (clash !== void 0) {
      unfixed.push({ finding: finding2, reason: `its edit of ${clash.file}:${clash.line} differs from another fix's; run \`--fix\` again after this one` });
      continue;
    }
    for (let e of fix.edits) {
      let list = edits.get(e.file) ?? [];
      list.some((o) => o.line === e.line) || list.push(e), edits.set(e.file, list);
    }
    fixed.push({ finding: finding2, fix });
  }
  for (let list of edits.values()) list.sort((a, b) => a.line - b.line);
  return { edits, fixed, unfixed };
}

// src/gather/git.ts
async function uncommittedChanges(runner, dir, env) {
  let childEnv = { ...childEnvironment(env, process.platform), GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
  try {
    let result2 = await runner.run("git", ["-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false", "status", "--porcelain=v1", "-z", "--untracked-files=normal"], { cwd: dir, env: childEnv });
    return result2.exitCode !== 0 ? null : result2.stdout.split("\0").filter((entry) => entry.length > 3).map((entry) => entry.slice(3));
  } catch {
    return null;
  }
}

// src/cli/fix.ts
async function checkWorkingTree(dir, env) {
  let changes = await uncommittedChanges(processRunner(3e4), dir, env);
  if (changes === null)
    throw new UserError(`\`--fix\` edits files only in a git working tree, so that its changes can be reviewed and undone, and \`${dir}\` is not in one; pass \`--allow-dirty\` to edit anyway`);
  if (changes.length > 0) {
    let shown = changes.slice(0, 3).map((f) => `\`${f}\``).join(", ");
    throw new UserError(`\`--fix\` refuses to edit a working tree with uncommitted changes (${changes.length} ${changes.length === 1 ? "file" : "files"}: ${shown}${changes.length > 3 ? ", \u2026" : ""}); commit or stash them, or pass \`--allow-dirty\``);
  }
}
function applyReportFixes(report) {
  let plan = planFixes(report.findings), scope = repositoryScope(report.workspaceRoot), files = [];
  for (let [file, edits] of plan.edits) {
    let absolute = import_node_path20.default.resolve(report.workspaceRoot, file), before = readInputFile(absolute, "manifest", { within: scope }), after = applyEdits(before, edits);
    if (after === null) throw new UserError(`\`${file}\` changed since it was analysed; nothing was fixed, run \`--fix\` again`);
    files.push({ file, absolute, before, after });
  }
  let lines = [];
  for (let { file, absolute, before, after } of files)
    writeAtomically(absolute, after, "`--fix`"), lines.push(...unifiedDiff(file, before.split(`
`).map((l) => l.replace(/\r$/, "")), plan.edits.get(file)));
  files.length > 0 && lines.push("");
  let total = plan.fixed.length + plan.unfixed.length, where2 = files.length > 0 ? ` in ${files.length} ${files.length === 1 ? "file" : "files"}` : "";
  lines.push(total === 0 ? "No error to fix." : `Fixed ${plan.fixed.length} of ${total} ${total === 1 ? "error" : "errors"}${where2}.`);
  for (let { finding: finding2, reason } of plan.unfixed) lines.push(`  not fixed: ${finding2.rule}: ${findingSubject(finding2).replace(/`/g, "")}: ${reason}`);
  return { text: `${lines.join(`
`)}
`, written: files.map((f) => f.file), fixed: plan.fixed.length, unfixed: plan.unfixed.length };
}

// src/cli/main.ts
async function main(argv2) {
  let { toolchain: requested, args } = splitCommandLine(argv2), options = parseCliArgs(args, {
    colorTerminal: terminalShowsColor(!!process.stdout.isTTY, process.env),
    cargoTermColor: process.env.CARGO_TERM_COLOR
  });
  if (options.help)
    return process.stdout.write(HELP_TEXT.endsWith(`
`) ? HELP_TEXT : `${HELP_TEXT}
`), 0;
  if (options.version)
    return process.stdout.write(`rust-linkage-guard ${VERSION}
`), 0;
  if (requested !== null && !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/u.test(requested))
    throw new UserError(`\`+${requested}\` must name a rustup toolchain such as \`+stable\` or \`+1.95.0\``);
  let cwd = process.cwd(), searchFrom = options.manifestPath === null ? cwd : import_node_path21.default.dirname(import_node_path21.default.resolve(cwd, options.manifestPath));
  options.fix && !options.allowDirty && await checkWorkingTree(searchFrom, process.env);
  let run = () => check({
    manifestPath: options.manifestPath,
    invocation: options.invocation,
    metadataFile: options.metadataFile,
    configOverrides: options.configOverrides,
    env: process.env,
    cwd,
    policy: { policy: options.policy, defaultPolicy: options.noPolicy ? null : "search", searchFrom },
    rustToolchain: requested,
    toolchainDir: searchFrom,
    // A developer's own environment may install toolchains as rustup is configured to.
    installToolchain: !0,
    trustRepositoryConfig: options.trustRepositoryConfig,
    timeoutMs: options.timeoutMs ?? void 0,
    failOn: options.failOn,
    baseline: options.baseline,
    ...metadataTuning()
  }), report = await run();
  if (options.fix) {
    let outcome = applyReportFixes(report);
    await writeStdout(outcome.text);
    let after = outcome.written.length > 0 ? await run() : report;
    return await writeStdout(`${verdictLine(after)}
`), after.gate.verdict === "fail" ? 1 : 0;
  }
  let text = render(report, options.format, options.color);
  return options.output !== null ? writeAtomically(options.output, text, "`--output`", { flush: !1 }) : await writeStdout(text), report.gate.verdict === "fail" ? 1 : 0;
}
async function writeStdout(text) {
  let stdout = process.stdout;
  for (let batch of typeof text == "string" ? [text] : inBatches(text, !1)) {
    if (stdout.destroyed) return;
    stdout.write(batch) || await new Promise((resolve5) => {
      let writable = () => {
        stdout.off("drain", writable).off("close", writable), resolve5();
      };
      stdout.on("drain", writable).on("close", writable);
    });
  }
}
function render(report, format, color) {
  let workspacePrefix = import_node_path21.default.relative(process.cwd(), report.workspaceRoot).split(import_node_path21.default.sep).join("/");
  switch (format) {
    case "json":
      return reportJson(report);
    case "markdown":
      return renderSummary(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, workspacePrefix }), null, 2)}
`;
    case "github":
      return selectAnnotations(report, { workspacePrefix }).annotations.map((a) => `${workflowCommand(a)}
`).join("");
    case "text":
      return renderText(report, { color });
  }
}
for (let stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
cleanUpOnSignals();
var argv = process.argv.slice(2);
main(argv).then((code) => exitOnceFlushed(code), (error) => {
  let { message } = describeError(error), paint = painter(decideErrorColor(colorFlagIn(argv), process.env, !!process.stderr.isTTY));
  process.stderr.write(`${paint("error", "error")}: ${message}
`), exitOnceFlushed(error instanceof UserError ? error.exitCode : 2);
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  restoreStartFlags
});

import {
  CRATE_TYPES,
  CfgSyntaxError,
  CommandError,
  HIDDEN,
  INFORMATION_URI,
  RULES,
  UserError,
  VERSION,
  adviceFix,
  applyEdits,
  cfgHas,
  checkProfileName,
  codePoint,
  compareFindings,
  defaultInvocation,
  describeError,
  evalCfg,
  findToolchainFile,
  findingFingerprint,
  formatTomlPath,
  forwardSlashes,
  isAbsolutePath,
  isAtOrBelow,
  isBelow,
  isCrateType,
  isWindowsPath,
  joinPath,
  listCrates,
  optionKey,
  parseCfgExpr,
  parseCfgLines,
  parseTomlDocument,
  parseToolchainFile,
  plural,
  readRustflags,
  relativeOrAbsolute,
  relativePosix,
  resolveFrom,
  rootPackage,
  ruleHelpUri,
  ruleInfo,
  selectsTargets,
  splitFeatures,
  targetFeatures,
  toCargoArgs,
  withCodePoints
} from "./chunk.js";

// src/cli/main.ts
import path17 from "node:path";

// src/exec/young-generation.ts
import v8 from "node:v8";
var SMALL_METADATA_CHARS = 8 * 1024 * 1024;
function sizeYoungGeneration(metadataChars) {
  let factor = youngGenerationGrowth(metadataChars, process.versions.node);
  factor !== null && v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}
function youngGenerationGrowth(metadataChars, nodeVersion) {
  return nodeVersion.split(".")[0] !== "20" ? null : metadataChars <= SMALL_METADATA_CHARS ? 1 : 2;
}

// src/report/annotations.ts
import path from "node:path";

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
  let what = f.mode === "test" ? `test harness of ${f.kind}` : f.mode === "doctest" ? `doc tests of ${f.kind}` : f.kind === "custom-build" ? "build script" : f.crateType, host = f.platform === "host" && f.kind !== "proc-macro" && f.kind !== "custom-build" ? " (host)" : "";
  return `${what} \`${f.target}\`${f.package !== void 0 && f.package !== f.target ? ` of \`${f.package}\`` : ""}${host}`;
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
  let joined = path.posix.normalize(path.posix.join(workspacePrefix.split(path.sep).join("/"), file.split(path.sep).join("/")));
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
        for (let k = 0; k < artifact.linkage.length; k++) yield entryBytes(artifact.linkage[k], k > 0, encoded);
        yield `${line.slice(at)}${end}`;
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
  for (let path18 of findings.flatMap((f) => f.inclusion ?? [])) {
    let chain = path18.chain[0] === root ? path18.chain : [root, ...path18.chain];
    for (let i = 1; i < chain.length; i++) addEdge(chain[i - 1], chain[i], "dynamic", !0);
    addEdge(chain.at(-1), nodeFor(path18.crate), path18.how === "inside-dylib" ? "inside dylib" : path18.how, !0);
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
  let code = `<code>${escapeHtml(file)}:${line}</code>`, inRepository = links === null ? null : repositoryPath(links.workspacePrefix, file);
  if (inRepository === null) return code;
  let url = `${links.blobUrl}/${inRepository.split("/").map(encodeURIComponent).join("/")}#L${line}`;
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
import fs7 from "node:fs";
import path14 from "node:path";

// src/config/cargo-config.ts
import * as path2 from "node:path";
function configFilePaths(cwd, cargoHome) {
  let out = [], seen = /* @__PURE__ */ new Set(), dir = path2.resolve(cwd);
  for (; ; ) {
    let configDir = path2.join(dir, ".cargo");
    out.push(path2.join(configDir, "config"), path2.join(configDir, "config.toml")), seen.add(configDir);
    let parent = path2.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let home = path2.resolve(cwd, cargoHome);
  return seen.has(home) || out.push(path2.join(home, "config"), path2.join(home, "config.toml")), out;
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
      let includedText = includes.get(include.path);
      if (includedText === void 0) {
        if (include.optional) continue;
        throw new UserError(`${where(include.source)}config include \`${include.written}\` not found (looked for \`${include.path}\`)`);
      }
      load(include.path, includedText, include.source);
    }
    mergeTable(root, table), loaded.push(file);
  };
  for (let file of [...files].reverse()) load(file.path, file.text, null);
  for (let arg of options.cli ?? []) mergeTable(root, parseCliOverride(arg));
  return summarise(root, loaded, /* @__PURE__ */ new Map());
}
function takeIncludes(table, file) {
  let node = table.entries.get("include");
  if (node === void 0) return [];
  if (table.entries.delete("include"), node.kind !== "array")
    throw new UserError(`${where(node.source)}\`include\` must be an array of paths or of tables with a \`path\`, found ${describe(node)}`);
  return node.items.map((item) => {
    let written = item.value, optional = !1;
    if (typeof item.value == "object" && !Array.isArray(item.value) && (written = item.value.path, optional = item.value.optional ?? !1), typeof written != "string" || typeof optional != "boolean")
      throw new UserError(`${where(item.source)}\`include\` entries must be paths or \`{ path = "\u2026", optional = true|false }\``);
    if (!written.endsWith(".toml"))
      throw new UserError(`${where(item.source)}config include \`${written}\` must be a path ending with \`.toml\``);
    return { path: path2.resolve(path2.dirname(file), written), written, optional, source: item.source };
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
      `${where(higher.source)}cannot merge config key \`${keys.join(".")}\`: ${describe(higher)} here, but ${describe(lower)} at ${describeSource(lower.source)}`
    );
  return higher;
}
function sortByRank(items) {
  return items.map((item, index) => ({ item, index })).sort((a, b) => sourceRank(a.item.source) - sourceRank(b.item.source) || a.index - b.index).map((x) => x.item);
}
function describe(node) {
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
  throw new UserError(`${where(node.source)}\`${key}\` must be a string or an array of strings, found ${describe(node)}`);
}
function splitWhitespace(text) {
  return text.split(/\s+/).filter((s) => s !== "");
}
function summarise(tree, files, envTargetRustflags) {
  let config = {
    files,
    tree,
    buildTarget: null,
    buildRustflags: null,
    targetRustflags: /* @__PURE__ */ new Map(),
    envTargetRustflags,
    profiles: /* @__PURE__ */ new Map()
  }, rustflags = configNode(config, ["build", "rustflags"]);
  rustflags && (config.buildRustflags = stringListOf(rustflags, "build.rustflags"));
  let target = configNode(config, ["build", "target"]);
  target && (config.buildTarget = buildTargetOf(target));
  let targets = configNode(config, ["target"]);
  targets?.kind === "table" && collectTargetRustflags(targets, config.targetRustflags);
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
  throw new UserError(`${where(node.source)}\`build.target\` must be a string or an array of strings, found ${describe(node)}`);
}
function collectTargetRustflags(table, out) {
  walkConfig(table, (keys, node) => {
    if (node.kind !== "table") return !1;
    let key = keys[keys.length - 1], flags = node.entries.get("rustflags");
    if (keys.length === 1 && key.startsWith("cfg("))
      return flags && out.set(key, stringListOf(flags, `target.'${key}'.rustflags`)), !1;
    if (key.includes(".")) return !1;
    if (flags) {
      let triple = keys.join(".");
      out.set(triple, stringListOf(flags, `target.${triple}.rustflags`));
    }
    return !0;
  });
}
function envKeyPart(name) {
  return name.toUpperCase().replace(/[-.]/g, "_");
}
function applyConfigEnv(config, env) {
  let out = { ...config, targetRustflags: new Map(config.targetRustflags), envTargetRustflags: new Map(config.envTargetRustflags) }, rustflags = env.CARGO_BUILD_RUSTFLAGS;
  rustflags !== void 0 && (out.buildRustflags = appendEnvList(config.buildRustflags, "CARGO_BUILD_RUSTFLAGS", rustflags));
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
    let m = /^CARGO_TARGET_(.+)_RUSTFLAGS$/.exec(name);
    !m || value === void 0 || out.envTargetRustflags.set(m[1], appendEnvList(null, name, value));
  }
  return out;
}
function appendEnvList(list, name, value) {
  let source = { env: name }, added = splitWhitespace(value).map((v) => ({ value: v, source })), items = sortByRank([...list?.items ?? [], ...added]), top = list && sourceRank(list.source) > RANK.env ? list.source : source;
  return { items, source: top };
}
function tripleRustflags(config, triple) {
  let fromConfig2 = config.targetRustflags.get(triple) ?? null, fromEnv2 = config.envTargetRustflags.get(envKeyPart(triple)) ?? null;
  if (fromEnv2 === null) return fromConfig2;
  if (fromConfig2 === null) return fromEnv2;
  let items = sortByRank([...fromConfig2.items, ...fromEnv2.items]), source = sourceRank(fromConfig2.source) > RANK.env ? fromConfig2.source : fromEnv2.source;
  return { items, source };
}
function requestedTarget(config, cliTarget, cwd) {
  if (cliTarget !== null) return cliTarget.endsWith(".json") ? path2.resolve(cwd, cliTarget) : cliTarget;
  let bt = config.buildTarget;
  if (bt === null) return null;
  if (bt.kind === "single") return resolveTargetPath(bt.target, cwd);
  if (bt.targets.length === 1) return resolveTargetPath(bt.targets[0], cwd);
  let listed = bt.targets.map((t) => `\`${t.value}\` (${describeSource(t.source)})`).join(", ");
  throw new UserError(`build.target lists ${bt.targets.length} targets: ${listed}; this analysis covers one target at a time, pass --target to choose one`);
}
function resolveTargetPath(target, cwd) {
  if (!target.value.endsWith(".json")) return target.value;
  let base = "file" in target.source ? path2.dirname(path2.dirname(target.source.file)) : cwd;
  return path2.resolve(base, target.value);
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
  let name = profile ?? (release ? "release" : command === "test" ? "test" : "dev");
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
    let path18 = ["profile", profile, field];
    return { value, source: { file: this.opts.manifestFile, line: this.manifestLine(path18) }, where: this.manifestWhere(path18), key };
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
      let path18 = ["profile", profile, field];
      out.push({ value: table[field], source: { file: this.opts.manifestFile, line: this.manifestLine(path18) }, where: this.manifestWhere(path18), key });
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
  manifestLine(path18) {
    return this.opts.manifest?.lineOf(path18) ?? this.opts.manifest?.lineOf(path18.slice(0, -1)) ?? 1;
  }
  manifestWhere(path18) {
    return `${this.opts.manifestFile}:${this.manifestLine(path18)}: `;
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
import { spawn } from "node:child_process";

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
  "rust-source": { bytes: 4 * 1048576, what: "a Rust source file" }
}, MAX_SOURCE_FILES = 2e3;
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
        if (options.signal?.aborted) {
          reject(new CommandError(`\`${shownCommand(command, args)}\` was not run: the analysis had already stopped`, command, args, ""));
          return;
        }
        let child = spawn(command, [...args], {
          cwd: options.cwd,
          env: options.env,
          stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
          // Its own process group, so that a timeout can end everything it started.
          detached: process.platform !== "win32",
          windowsHide: !0
        }), stdout = new Capture(), stderr = new HeadAndTail(STDERR_KEPT.head, STDERR_KEPT.tail), shown = shownCommand(command, args), stopped = null, stop = (message) => {
          stopped === null && (stopped = message, kill(child.pid), child.stdout.destroy(), child.stderr.destroy());
        };
        child.stdout.on("data", (chunk) => {
          stopped === null && (stdout.size + chunk.length > maxStdout ? stop(`\`${shown}\` printed more than ${formatSize(maxStdout)} on standard output and was stopped`) : stdout.add(chunk));
        }), child.stderr.on("data", (chunk) => {
          stopped === null && (stderr.total + chunk.length > maxStderr ? stop(`\`${shown}\` printed more than ${formatSize(maxStderr)} on standard error and was stopped`) : stderr.add(chunk));
        });
        let onAbort = () => stop(`\`${shown}\` was no longer needed (another step of the analysis failed) and was stopped`);
        options.signal?.addEventListener("abort", onAbort, { once: !0 }), options.input !== void 0 && child.stdin?.end(options.input);
        let timer = setTimeout(() => {
          stop(`\`${shown}\` did not finish within ${formatSeconds(timeoutMs)} and was stopped (raise the timeout if it needs longer)`);
        }, timeoutMs);
        child.on("error", (error) => {
          clearTimeout(timer), options.signal?.removeEventListener("abort", onAbort);
          let code = error.code, reason = code === "ENOENT" ? "it was not found; install it or put it on PATH" : code === "EACCES" ? "it is not executable" : error.message;
          reject(new CommandError(`could not run \`${command}\`: ${reason}`, command, args, ""));
        }), child.on("close", (code, signal) => {
          clearTimeout(timer), options.signal?.removeEventListener("abort", onAbort);
          let errors = stderr.text();
          if (stopped !== null) {
            reject(new CommandError(stopped, command, args, errors));
            return;
          }
          resolve5({ exitCode: code ?? (signal === null ? 1 : 128), stdout: stdout.text(), stderr: errors });
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
import { existsSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path4 from "node:path";

// src/input-file.ts
import fs from "node:fs";
import path3 from "node:path";
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
function repositoryScope(root) {
  let resolved = path3.resolve(root), realRoot = resolved;
  try {
    realRoot = fs.realpathSync(resolved);
  } catch {
  }
  return { root: resolved, realRoot };
}
function scopeFor(scope, file) {
  if (scope === null) return null;
  let absolute = path3.resolve(file);
  return isAtOrBelow(scope.root, absolute) || isAtOrBelow(scope.realRoot, absolute) ? scope : null;
}
function isInsideRepository(scope, p) {
  if (!isAtOrBelow(scope.root, p) && !isAtOrBelow(scope.realRoot, p)) return !1;
  try {
    return isAtOrBelow(scope.realRoot, fs.realpathSync(p));
  } catch {
    return !0;
  }
}
var OUTSIDE_REPOSITORY = "it leads outside the repository through a symlink (set trust-repository-config to read it)", O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0, scratch = null;
function readInputFile(file, kind, options = {}) {
  let shown = options.shown ?? file, limit = INPUT_LIMITS[kind], fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (error) {
    throw failed(shown, error);
  }
  try {
    let stat = fs.fstatSync(fd);
    if (options.within && checkWithin(file, stat, options.within, shown), stat.isFIFO() && options.allowPipe === !0) {
      fs.closeSync(fd), fd = -1;
      try {
        fd = fs.openSync(file, "r");
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
        n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, room), null);
      } catch (error) {
        throw failed(shown, error);
      }
      if (n === 0) break;
      if (chunks.push(buffer === scratch ? Buffer.from(buffer.subarray(0, n)) : buffer.subarray(0, n)), total += n, total > limit.bytes) {
        let growing = stat.isFile() ? " (it grew while being read)" : "";
        throw new InputFileError(shown, null, `more than the ${formatSize(limit.bytes)} limit for ${limit.what}${growing}`);
      }
    }
    return (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString("utf8");
  } finally {
    fd >= 0 && fs.closeSync(fd);
  }
}
function checkWithin(file, opened, scope, shown) {
  let real, named;
  try {
    real = fs.realpathSync(file), named = fs.statSync(real);
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
  return env.CARGO_HOME ? path4.resolve(env.CARGO_HOME) : path4.join(env.HOME ?? env.USERPROFILE ?? os.homedir(), ".cargo");
}
function readCargoConfig(cwd, env, cli = [], scope = null) {
  let cargoHome = cargoHomeOf(env), files = [], ofRepository = /* @__PURE__ */ new Set(), dirsTaken = /* @__PURE__ */ new Set();
  for (let candidate of configFilePaths(cwd, cargoHome)) {
    let dir = path4.dirname(candidate);
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
    typeof written == "string" && written.endsWith(".toml") && out.push({ path: path4.resolve(path4.dirname(file.path), written), written, line: doc.lineIn(include, index) ?? 1 });
  }), out;
}
function isFile(p) {
  try {
    return existsSync(p) && statSync(p).isFile();
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

// src/gather/isolation.ts
import fs3 from "node:fs";
import os3 from "node:os";
import path9 from "node:path";

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

// src/config/rustflags.ts
function effectiveRustflags(opts) {
  let { env, config } = opts;
  if (opts.kind === "host" && opts.requestedTarget !== null)
    return { flags: [], source: null, flagSources: [], flagSettings: [], origin: "host-with-target", needsCfg: !1 };
  let encoded = env.CARGO_ENCODED_RUSTFLAGS;
  if (encoded !== void 0) {
    let flags = encoded === "" ? [] : encoded.split("");
    return fromEnv("CARGO_ENCODED_RUSTFLAGS", flags);
  }
  let plain = env.RUSTFLAGS;
  if (plain !== void 0) {
    let flags = plain.split(" ").map((s) => s.trim()).filter((s) => s !== "");
    return fromEnv("RUSTFLAGS", flags);
  }
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

// src/config/trust.ts
import * as path5 from "node:path";
var DATA_TABLES = ["patch", "source", "resolver", "unstable"], DATA_KEYS = /* @__PURE__ */ new Set(["net.offline", "net.retry", "net.git-fetch-with-cli", "registry.default", "registry.index", "paths"]), PATH_KEYS = /^(?:patch\.[^.]+\.[^.]+\.path|source\.[^.]+\.(?:directory|local-registry)|paths\.\d+)$/;
function repositoryConfigPlan(config, isRepositoryFile, pathAllowed = () => !0) {
  let plan = { args: [], refused: [], ignored: [] }, fromRepository = (source) => "file" in source && isRepositoryFile(source.file);
  return walkConfig(config.tree, (keys, node) => {
    if (node.kind === "table" && !(keys.length === 2 && keys[0] === "env")) return !0;
    let key = keys.join(".");
    if (!fromRepository(node.source)) return !1;
    let refusal2 = refusedBecause(keys);
    if (refusal2 !== null)
      plan.refused.push({ key, source: node.source, why: refusal2 });
    else if (key === "build.rustc-wrapper" || key === "build.rustc-workspace-wrapper" || keys[0] === "env")
      plan.ignored.push({ key, source: node.source });
    else if (DATA_TABLES.includes(keys[0]) || DATA_KEYS.has(key) || keys[0] === "registries" && (keys[2] === "index" || keys[2] === "protocol")) {
      let source = node.source, outside = "file" in source ? pathValues(node, key).find((p) => !pathAllowed(source.file, p)) : void 0;
      outside !== void 0 ? plan.refused.push({ key, source: node.source, why: `names \`${outside}\`, a directory outside the repository whose manifests cargo would read` }) : plan.args.push(`${tomlKey(keys)}=${tomlValue(node, keys, key)}`);
    }
    return !1;
  }), plan;
}
var NOT_RUN = "a program chosen by the repository is not run";
function refusedBecause(keys) {
  let key = keys.join(".");
  return key === "build.rustc" ? `names the rustc that cargo runs; ${NOT_RUN}` : keys.at(-1) === "credential-provider" || key === "registry.global-credential-providers" || keys[0] === "credential-alias" ? `names a credential provider, a program cargo runs to authenticate; ${NOT_RUN}` : null;
}
function pathValues(node, key) {
  return (node.kind === "scalar" ? PATH_KEYS.test(key) ? [node.value] : [] : node.kind === "array" ? node.items.filter((_, i) => PATH_KEYS.test(`${key}.${i}`)).map((i) => i.value) : []).filter((v) => typeof v == "string").map((v) => String(absolutePath(node, v)));
}
function absolutePath(node, value) {
  return typeof value == "string" && "file" in node.source && !path5.isAbsolute(value) ? path5.resolve(path5.dirname(path5.dirname(node.source.file)), value) : value;
}
function tomlKey(keys) {
  return keys.map((k) => /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)).join(".");
}
function tomlValue(node, keys, key) {
  if (node.kind === "scalar") return toml(PATH_KEYS.test(key) ? absolutePath(node, node.value) : node.value);
  if (node.kind === "array") return `[${node.items.map((item, i) => toml(PATH_KEYS.test(`${key}.${i}`) ? absolutePath(node, item.value) : item.value)).join(", ")}]`;
  throw new Error(`unexpected table at \`${keys.join(".")}\``);
}
function toml(value) {
  return typeof value == "string" ? JSON.stringify(value) : Array.isArray(value) ? `[${value.map(toml).join(", ")}]` : typeof value == "object" && value !== null ? `{ ${Object.entries(value).map(([k, v]) => `${tomlKey([k])} = ${toml(v)}`).join(", ")} }` : String(value);
}

// src/exec/cache-dir.ts
import os2 from "node:os";
import path6 from "node:path";
function userCacheDirectory(env, platform) {
  if (platform === "win32") return env.LOCALAPPDATA ? path6.win32.join(env.LOCALAPPDATA, "rust-linkage-guard") : null;
  if (env.XDG_CACHE_HOME && path6.isAbsolute(env.XDG_CACHE_HOME)) return path6.join(env.XDG_CACHE_HOME, "rust-linkage-guard");
  let home = env.HOME || os2.homedir();
  return home ? path6.join(home, ".cache", "rust-linkage-guard") : null;
}

// src/gather/sources.ts
import fs2 from "node:fs";
import path8 from "node:path";

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
  /** A `"…"` body with escapes, from just after the opening quote. */
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
  /** At a `'`: a char literal (`'a'`, `'\''`, `'\u{1F600}'`, `'😀'`) or a lifetime or label (`'a`, `'static`). */
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
function isParenGroup(tokens) {
  return tokens.length >= 2 && isPunct(tokens[0], "(") && isPunct(tokens[tokens.length - 1], ")") && closingIndex(tokens, 0) === tokens.length - 1;
}
function splitTopLevel(tokens) {
  let parts = [], depth = 0, start = 0;
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    isOpening(t) ? depth++ : isClosing(t) ? depth-- : depth === 0 && isPunct(t, ",") && (parts.push(tokens.slice(start, i)), start = i + 1);
  }
  return parts.push(tokens.slice(start)), parts;
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

// src/rust-source/crate-names.ts
function scanSourceNames(source) {
  let lexer = new Lexer(source), names = /* @__PURE__ */ new Set(), modules = [], includes = !1, recent = [], current = lexer.next();
  for (; current !== null; ) {
    let next = lexer.next(), previous = recent[recent.length - 1];
    current.kind === "ident" && ((next?.kind === "punct" && next.text === ":" && source.charCodeAt(next.end) === 58 || previous?.kind === "ident" && (previous.text === "use" || previous.text === "crate" && precededByExtern(recent))) && names.add(current.text), current.text === "include" && next?.kind === "punct" && next.text === "!" && (includes = !0), previous?.kind === "ident" && previous.text === "mod" && next?.kind === "punct" && next.text === ";" && modules.push({ name: current.text, path: pathAttribute(recent.slice(0, -1)) })), recent.push(current), recent.length > 24 && recent.shift(), current = next;
  }
  return { names, modules, includes };
}
function precededByExtern(recent) {
  let before = recent[recent.length - 2];
  return before?.kind === "ident" && before.text === "extern";
}
function pathAttribute(tokens) {
  let i = tokens.length - 1;
  if (tokens[i]?.text === ")") {
    for (; i >= 0 && tokens[i].text !== "("; ) i--;
    i--;
  }
  for (tokens[i]?.text === "pub" && i--; tokens[i]?.text === "]"; ) {
    let j = i;
    for (; j >= 0 && tokens[j].text !== "["; ) j--;
    if (j < 1 || tokens[j - 1].text !== "#") return null;
    let inner = tokens.slice(j + 1, i);
    if (inner.length === 3 && inner[0].text === "path" && inner[1].text === "=" && inner[2].kind === "literal") return stringValue(inner[2].text);
    i = j - 2;
  }
  return null;
}

// src/rust-source/doc-examples.ts
var RANK2 = { none: 0, compile: 1, run: 2 };
function mergeDocExamples(a, b) {
  return RANK2[a] >= RANK2[b] ? a : b;
}
function docExamples(source) {
  let found = "none", lines = [], flush = () => {
    lines.length > 0 && (found = mergeDocExamples(found, examplesInMarkdown(lines))), lines = [];
  }, lexer = new Lexer(source, !0), recent = [];
  for (let t = lexer.next(); t !== null && found !== "run"; t = lexer.next()) {
    if (t.kind === "doc") {
      lines.push(...t.text.split(`
`));
      continue;
    }
    recent.push(t.text), recent.length > 5 && recent.shift();
    let n = recent.length;
    if (t.text === "=" && recent[n - 2] === "doc" && recent[n - 3] === "[" && (recent[n - 4] === "#" || recent[n - 4] === "!" && recent[n - 5] === "#")) {
      let value = lexer.next();
      if (value === null) break;
      let text = value.kind === "literal" ? stringValue(value.text) : null;
      text !== null ? lines.push(...text.split(`
`)) : found = "run";
      continue;
    }
    (t.kind === "ident" && t.text !== "doc" || t.text === "{" || t.text === ";") && flush();
  }
  return flush(), found;
}
function examplesInMarkdown(lines) {
  let found = "none", fence = null, blankBefore = !0, inList = !1;
  for (let rawLine of lines) {
    let line = rawLine.startsWith(" ") ? rawLine.slice(1) : rawLine;
    if (fence !== null) {
      let close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      close && close[1][0] === fence.char && close[1].length >= fence.length && (found = mergeDocExamples(found, fence.kind), fence = null, blankBefore = !1);
      continue;
    }
    let open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1][0] === "`" && open[2].includes("`"))) {
      fence = { char: open[1][0], length: open[1].length, kind: blockKind(open[2]) };
      continue;
    }
    if (line.trim() === "") {
      blankBefore = !0;
      continue;
    }
    /^ {0,3}([-*+]|\d+[.)])\s/.test(line) ? inList = !0 : /^\s/.test(line) || (inList = !1), blankBefore && !inList && /^( {4}|\t)/.test(line) && (found = "run"), blankBefore = !1;
  }
  return fence !== null && (found = mergeDocExamples(found, fence.kind)), found;
}
function blockKind(info) {
  let rust = !1, other2 = !1, ignore = !1, noRun = !1, compileFail = !1;
  for (let token of info.split(/[\s,]+/).filter((t) => t !== "")) {
    let word = token.replace(/^\{?\.?/, "").replace(/\}$/, "");
    if (word === "rust") rust = !0;
    else if (word === "ignore" || word.startsWith("ignore-")) ignore = !0;
    else if (word === "no_run") noRun = !0;
    else if (word === "compile_fail") compileFail = !0;
    else {
      if (RUSTDOC_ATTRIBUTES.has(word) || /^edition\d{4}$/.test(word) || /^E\d{4}$/.test(word)) continue;
      other2 = !0;
    }
  }
  return other2 && !rust || ignore || compileFail ? "none" : noRun ? "compile" : "run";
}
var RUSTDOC_ATTRIBUTES = /* @__PURE__ */ new Set(["should_panic", "test_harness", "standalone_crate", "allow_fail"]);

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
  let base = { text: textOf(tokens, source), line: first.line }, last = tokens.length - 1;
  if (isPunct(first, "&")) {
    let at = 1;
    tokens[at]?.kind === "lifetime" && at++;
    let mutable = isIdent(tokens[at], "mut");
    return { ...base, kind: "reference", mutable, to: parseType(tokens.slice(mutable ? at + 1 : at), source, depth + 1) };
  }
  if (isPunct(first, "*")) {
    let mutable = isIdent(tokens[1], "mut");
    return !mutable && !isIdent(tokens[1], "const") ? { ...base, kind: "other" } : { ...base, kind: "pointer", mutable, to: parseType(tokens.slice(2), source, depth + 1) };
  }
  if (isPunct(first, "(") && closingIndex(tokens, 0) === last) {
    let parts = splitTop(tokens.slice(1, last));
    return parts.length === 1 && parts[0].length > 0 ? parseType(parts[0], source, depth + 1) : { ...base, kind: "tuple", items: parts.filter((p) => p.length > 0).map((p) => parseType(p, source, depth + 1)) };
  }
  if (isPunct(first, "[") && closingIndex(tokens, 0) === last) {
    let inner = tokens.slice(1, last), semi = scanTo(inner, 0, (t) => isPunct(t, ";")), of = parseType(inner.slice(0, semi), source, depth + 1);
    return semi < inner.length ? { ...base, kind: "array", of } : { ...base, kind: "slice", of };
  }
  if (isPunct(first, "!") && tokens.length === 1) return { ...base, kind: "never" };
  if (isIdent(first, "dyn")) return { ...base, kind: "dyn" };
  if (isIdent(first, "impl")) return { ...base, kind: "impl" };
  let fn = fnPointer(tokens, source, depth);
  return fn !== void 0 ? fn === null ? { ...base, kind: "other" } : { ...base, ...fn } : path7(tokens, source, depth) ?? { ...base, kind: "other" };
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
function path7(tokens, source, depth) {
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
  let tokens = lexAll(source), exports = [], modules = [], declarations = [], frames = [{ close: "", kind: "other", presence: EVERYWHERE, item: null }], inline = [], run = null;
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
      site !== null && exports.push({ ...site, signature: readSignature(tokens, i, source) });
    }
    if (t.kind === "ident" && item.prev?.kind === "ident" && DECLARATION_ITEMS.has(item.prev.text) && frames.every((f, k) => k === 0 || f.kind === "module")) {
      let kind = item.prev.text;
      declarations.push({ name: t.text, item: kind, repr: item.repr, aliasOf: kind === "type" ? readAlias(tokens, i, source) : null, line: t.line });
    }
    if (isOpening(t)) {
      let brace = t.text === "{", foreign = brace && (isIdent(item.prev, "extern") || item.prev?.kind === "literal" && isIdent(item.prev2, "extern")), module = brace && item.prev?.kind === "ident" && isIdent(item.prev2, "mod");
      module && inline.push(item.prev.text), frames.push({ close: closingOf(t.text), kind: foreign ? "foreign" : module ? "module" : "other", presence: both(frame.presence, item.presence), item: null }), step(item, t);
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
  return { exports, modules, declarations };
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
function analyseAttribute(tokens, depth = 0) {
  let meaning = { cfg: null, exports: [], path: null, repr: [] }, head = tokens[0];
  if (head?.kind !== "ident" || depth > MAX_DEPTH2) return meaning;
  let rest = tokens.slice(1);
  if (head.text === "no_mangle" && rest.length === 0) meaning.exports.push({ symbol: null, presence: EVERYWHERE });
  else if ((head.text === "export_name" || head.text === "path") && rest.length === 2 && isPunct(rest[0], "=") && rest[1].kind === "literal") {
    let value = stringValue(rest[1].text);
    value !== null && head.text === "path" ? meaning.path = value : value !== null && meaning.exports.push({ symbol: value, presence: EVERYWHERE });
  } else if (isParenGroup(rest)) {
    let args = splitTopLevel(rest.slice(1, -1)).filter((a) => a.length > 0);
    if (head.text === "unsafe" && args.length === 1)
      meaning.exports.push(...analyseAttribute(args[0], depth + 1).exports);
    else if (head.text === "repr")
      for (let arg of args) arg[0]?.kind === "ident" && meaning.repr.push(arg[0].text);
    else if (head.text === "cfg" && args.length === 1)
      meaning.cfg = presenceOf(args[0]);
    else if (head.text === "cfg_attr" && args.length >= 2) {
      let when = presenceOf(args[0]), decidedTrue = { library: evaluate(args[0], !1, 0) === !0, harness: evaluate(args[0], !0, 0) === !0 };
      for (let attr of args.slice(1)) {
        let inner = analyseAttribute(attr, depth + 1);
        for (let e of inner.exports) meaning.exports.push({ symbol: e.symbol, presence: both(e.presence, when) });
        meaning.repr.push(...inner.repr), inner.cfg !== null && (meaning.cfg = both(meaning.cfg ?? EVERYWHERE, { library: inner.cfg.library || !decidedTrue.library, harness: inner.cfg.harness || !decidedTrue.harness }));
      }
    }
  }
  return meaning;
}
function presenceOf(predicate) {
  return { library: evaluate(predicate, !1, 0) !== !1, harness: evaluate(predicate, !0, 0) !== !1 };
}
function evaluate(tokens, test, depth) {
  let head = tokens[0];
  if (head?.kind !== "ident" || depth > MAX_DEPTH2) return null;
  if (tokens.length === 1) return head.text === "test" ? test : head.text === "true" ? !0 : head.text === "false" ? !1 : null;
  let rest = tokens.slice(1);
  if (!isParenGroup(rest)) return null;
  let values = splitTopLevel(rest.slice(1, -1)).filter((a) => a.length > 0).map((a) => evaluate(a, test, depth + 1));
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
}, MAX_CFG_ATTR_DEPTH = 8;
function analyseAttribute2(tokens, depth = 0) {
  let meaning = { cfg: null, allocators: [] }, path18 = readPath(tokens);
  if (path18 === null) return meaning;
  let rest = tokens.slice(path18.end), last = path18.segments[path18.segments.length - 1], simple = path18.segments.length === 1 && !path18.leadingColons;
  if (last === "global_allocator" && rest.length === 0) {
    let first = path18.segments[0];
    return (simple || first === "core" || first === "std") && meaning.allocators.push([]), meaning;
  }
  if (!simple || !isParenGroup(rest)) return meaning;
  let args = splitTopLevel(rest.slice(1, -1));
  if (last === "cfg" && args.length >= 1 && args[0].length > 0)
    meaning.cfg = joinTokens(args[0]);
  else if (last === "cfg_attr" && args.length >= 2 && args[0].length > 0 && depth < MAX_CFG_ATTR_DEPTH) {
    let predicate = joinTokens(args[0]);
    for (let attr of args.slice(1))
      if (attr.length !== 0)
        for (let conditions of analyseAttribute2(attr, depth + 1).allocators) meaning.allocators.push([predicate, ...conditions]);
  }
  return meaning;
}
function readPath(tokens) {
  let i = 0, colons = (at) => tokens[at]?.text === ":" && tokens[at + 1]?.text === ":" && tokens[at].kind === "punct", leadingColons = colons(0);
  leadingColons && (i = 2);
  let segments = [];
  for (; ; ) {
    let t = tokens[i];
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
    return fs2.statSync(file).isFile();
  } catch {
    return !1;
  }
}
function isExecutable(file) {
  try {
    return fs2.accessSync(file, fs2.constants.X_OK), fs2.statSync(file).isFile();
  } catch {
    return !1;
  }
}
function packageSources(pkg, scope) {
  let found = sourcesOf.get(pkg);
  if (found !== void 0) return found;
  let dirs = [...new Set(pkg.targets.map((t) => path8.dirname(t.srcPath)))], files = /* @__PURE__ */ new Set(), walk = (dir) => {
    let entries;
    try {
      entries = fs2.readdirSync(dir, { withFileTypes: !0 });
    } catch {
      return;
    }
    for (let e of entries) {
      if (files.size >= MAX_SOURCE_FILES) return;
      let full = path8.join(dir, e.name);
      e.isDirectory() && e.name !== "target" && !e.name.startsWith(".") ? walk(full) : e.name.endsWith(".rs") && (e.isFile() || e.isSymbolicLink() && isFile2(full)) && files.add(full);
    }
  };
  for (let dir of dirs) walk(dir);
  found = [];
  let within = scopeFor(scope, pkg.manifestPath);
  for (let file of [...files].sort())
    try {
      found.push({ file, text: readInputFile(file, "rust-source", { within }) });
    } catch {
    }
  return sourcesOf.set(pkg, found), found;
}
var sourcesOf = /* @__PURE__ */ new WeakMap();
function scanAllocators(pkg, scope) {
  return packageSources(pkg, scope).filter((s) => s.text.includes("global_allocator")).flatMap((s) => scanGlobalAllocators(s.text).map((found) => ({ file: s.file, line: found.line, item: found.item })));
}
function callsSystemLoader(pkg, scope) {
  return packageSources(pkg, scope).some((s) => LOADS_LIBRARIES.test(stripComments(s.text)));
}
function sourceReader(metadata, scope) {
  let within = targetScope(metadata, scope), namesOf = /* @__PURE__ */ new Map();
  return (srcPath, crate) => {
    let names = namesOf.get(srcPath);
    return names === void 0 && namesOf.set(srcPath, names = moduleTreeNames(srcPath, within(srcPath))), names === null || names.has(crate);
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
function docExamplesReader(metadata, scope) {
  let within = targetScope(metadata, scope), examplesOf = /* @__PURE__ */ new Map();
  return (lib) => {
    let found = examplesOf.get(lib.srcPath);
    return found === void 0 && examplesOf.set(lib.srcPath, found = moduleTreeDocExamples(lib.srcPath, within(lib.srcPath))), found;
  };
}
function moduleTreeDocExamples(root, within) {
  let found = "none";
  return readModuleTree(root, null, within, "stop", (text) => {
    if (found = mergeDocExamples(found, docExamples(text)), found === "run") return [];
    let scanned = scanSourceNames(text);
    return scanned.includes ? null : scanned.modules.map((m) => ({ ...m, context: null }));
  }) ? found : "run";
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
  let names = /* @__PURE__ */ new Set();
  return readModuleTree(root, null, within, "stop", (text) => {
    let scanned = scanSourceNames(text);
    if (scanned.includes) return null;
    for (let name of scanned.names) names.add(name);
    return scanned.modules.map((m) => ({ ...m, context: null }));
  }) ? names : null;
}
function moduleTreeScan(root, within) {
  let exports = [], declarations = [], complete = readModuleTree(root, { library: !0, harness: !0 }, within, "skip", (text, file, outer) => {
    let scanned = scanExports(text);
    for (let e of scanned.exports) {
      let site = { ...e, file, library: e.library && outer.library, harness: e.harness && outer.harness };
      (site.library || site.harness) && exports.push(site);
    }
    for (let d of scanned.declarations) declarations.push({ ...d, file });
    return scanned.modules.map((m) => ({ name: m.name, path: m.path, inline: m.inline, context: { library: m.library && outer.library, harness: m.harness && outer.harness } }));
  });
  return { exports, declarations, complete };
}
function readModuleTree(root, rootContext, within, onMissing, visit) {
  let queue = [{ file: root, childDir: path8.dirname(root), context: rootContext }], seen = /* @__PURE__ */ new Set(), complete = !0;
  for (; queue.length > 0; ) {
    let { file, childDir, context } = queue.shift();
    if (seen.has(file)) continue;
    if (seen.add(file), seen.size > MAX_SOURCE_FILES) return !1;
    let text;
    try {
      text = readInputFile(file, "rust-source", { within });
    } catch {
      if (onMissing === "stop") return !1;
      complete = !1;
      continue;
    }
    let modules = visit(text, file, context);
    if (modules === null) {
      if (onMissing === "stop") return !1;
      complete = !1;
      continue;
    }
    for (let mod of modules) {
      let dir = path8.join(childDir, ...mod.inline ?? []);
      if (mod.path !== null) {
        let target = path8.resolve((mod.inline ?? []).length > 0 ? dir : path8.dirname(file), mod.path);
        queue.push({ file: target, childDir: path8.dirname(target), context: mod.context });
        continue;
      }
      let flat = path8.join(dir, `${mod.name}.rs`), nested = path8.join(dir, mod.name, "mod.rs");
      if (isFile2(flat)) queue.push({ file: flat, childDir: path8.join(dir, mod.name), context: mod.context });
      else if (isFile2(nested)) queue.push({ file: nested, childDir: path8.join(dir, mod.name), context: mod.context });
      else {
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
      let refusal2 = targetRefusal(target);
      if (refusal2 !== null) throw new UserError(refusal2);
    }
}
function refuseRustflagsKnownNow(config, env, target) {
  let tables = config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0, flags = effectiveRustflags({ env, config, kind: "target", requestedTarget: target, triple: target ?? "", cfg: null });
  (target !== null || !tables || flags.origin === "RUSTFLAGS" || flags.origin === "CARGO_ENCODED_RUSTFLAGS") && refuseRustflags(flags);
}
function refuseRustflags(flags) {
  let refusal2 = rustflagsRefusal(flags.flags, flags.flagSettings);
  if (refusal2 !== null) throw new UserError(refusal2);
}
function isolate(config, env, options) {
  let overrides = (options.configOverrides ?? []).flatMap((c) => ["--config", c]);
  if (options.trustRepositoryConfig === !0) return { dir: path9.resolve(options.cwd), env: {}, configArgs: overrides, notes: [], cargoProbesCached: !1 };
  let cargoHome = cargoHomeOf(env), scope = options.scope ?? null, plan = repositoryConfigPlan(config, (file) => !isBelow(cargoHome, file), (file, dir) => scope === null || scopeFor(scope, file) === null || isInsideRepository(scope, dir)), refused = plan.refused[0];
  if (refused !== void 0) throw new UserError(`${describeSource(refused.source)}: \`${refused.key}\` ${refused.why} (set trust-repository-config to allow it)`);
  let notes = plan.ignored.map(
    (k) => `\`${k.key}\` (${describeSource(k.source)}) was not applied to \`cargo metadata\` and \`rustc --print\`: it changes how cargo runs rustc, not what it builds, and a program or environment chosen by the repository is not used here.`
  ), rustc = env.RUSTC ?? "rustc", wrapper = noWrapper(rustc), infoCache = cargoRustcInfoCache(env);
  return {
    dir: fs3.mkdtempSync(path9.join(isolationParent(env), "rust-linkage-guard-")),
    // cargo still reads the config files above the empty directory and in CARGO_HOME: wrappers of our own and an
    // explicit RUSTC (which wins over `build.rustc`) keep programs named there out.
    env: { RUSTC_WRAPPER: wrapper, RUSTC_WORKSPACE_WRAPPER: wrapper, ...infoCache === null ? {} : { CARGO_BUILD_BUILD_DIR: infoCache }, RUSTC: rustc },
    configArgs: [...plan.args.flatMap((a) => ["--config", a]), ...overrides],
    notes,
    cargoProbesCached: infoCache !== null && isFile2(path9.join(infoCache, ".rustc_info.json"))
  };
}
var PASS_THROUGH = "/usr/bin/env";
function noWrapper(rustc) {
  return process.platform !== "win32" && !rustc.includes("=") && !rustc.startsWith("-") && isExecutable(PASS_THROUGH) ? PASS_THROUGH : "";
}
function cargoRustcInfoCache(env) {
  let base = userCacheDirectory(env, process.platform);
  if (base === null) return null;
  let dir = path9.join(base, "cargo-build-dir");
  try {
    return fs3.mkdirSync(dir, { recursive: !0, mode: 448 }), dir;
  } catch {
    return null;
  }
}
function isolationParent(env) {
  let runnerTemp = env.RUNNER_TEMP;
  if (runnerTemp && path9.isAbsolute(runnerTemp))
    try {
      if (fs3.statSync(runnerTemp).isDirectory()) return runnerTemp;
    } catch {
    }
  return os3.tmpdir();
}

// src/gather/policy-files.ts
import fs4 from "node:fs";
import path10 from "node:path";

// src/report/json-checks.ts
function readReportObject(text, file, sarifAdvice) {
  let json = text.charCodeAt(0) === 65279 ? text.slice(1) : text, data;
  try {
    data = JSON.parse(json);
  } catch {
    throw new UserError(`${file}: not a JSON report (${jsonProblem(json)})`);
  }
  if (!isObject(data)) throw new UserError(`${file}: not a JSON report (expected an object at the top level, got ${describe2(data)})`);
  if (data.version !== 1 && data.version !== 2)
    throw Array.isArray(data.runs) ? new UserError(`${file}: a SARIF log, not a JSON report: ${sarifAdvice}`) : data.version === void 0 ? new UserError(`${file}: not a JSON report (no \`version\`)`) : new UserError(`${file}: \`version\` is ${describe2(data.version)}, and only 1 and 2 are supported`);
  return data;
}
function isObject(value) {
  return typeof value == "object" && value !== null && !Array.isArray(value);
}
function describe2(value) {
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
  if (!Array.isArray(findings)) throw new UserError(`${file}: findings: expected an array, got ${describe2(findings)}`);
  let fingerprints = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    let at = `${file}: findings[${i}]`, f = findings[i];
    if (!isObject(f)) throw new UserError(`${at}: expected an object, got ${describe2(f)}`);
    if (typeof f.rule != "string") throw new UserError(`${at}.rule: expected a string, got ${describe2(f.rule)}`);
    if (f.fingerprint !== void 0) {
      if (typeof f.fingerprint != "string") throw new UserError(`${at}.fingerprint: expected a string, got ${describe2(f.fingerprint)}`);
      fingerprints[i] = f.fingerprint;
      continue;
    }
    let crates = f.crates;
    if (!Array.isArray(crates)) throw new UserError(`${at}.crates: expected an array of strings, got ${describe2(crates)}`);
    crates.forEach((c, j) => {
      if (typeof c != "string") throw new UserError(`${at}.crates[${j}]: expected a string, got ${describe2(c)}`);
    });
    for (let key of ARTIFACT_FIELDS) {
      let value = f[key];
      if (value !== void 0 && typeof value != "string") throw new UserError(`${at}.${key}: expected a string, got ${describe2(value)}`);
    }
    fingerprints[i] = findingFingerprint(f);
  }
  return { file, fingerprints };
}
function applyBaseline(findings, baseline) {
  let remaining = /* @__PURE__ */ new Map();
  for (let fp of baseline.fingerprints) remaining.set(fp, (remaining.get(fp) ?? 0) + 1);
  let existing = 0, out = findings.map((finding) => {
    let left = remaining.get(finding.fingerprint) ?? 0;
    return left === 0 ? { ...finding, baseline: "new" } : (remaining.set(finding.fingerprint, left - 1), existing++, { ...finding, baseline: "existing" });
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
  /^(?:\d+\.\d+\.\d+(?:-beta\.\d+)?|(?:stable|beta|nightly)-\d{4}-\d{2}-\d{2})(?:-[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*)?$/.test(channel) || fail(doc, ["exact-toolchain"], `expected an exact release such as "1.95.0" or a dated channel such as "nightly-2026-05-20", got ${JSON.stringify(channel)}`), policy.exactToolchain = { channel, line: lineOf(doc, ["exact-toolchain"]) };
}
function readRules(doc, value, policy) {
  let rules = expectTable(doc, ["rules"], value, "a table `[rules]` of rule id = severity");
  for (let [id, severity] of Object.entries(rules)) {
    let path18 = ["rules", id];
    RULE_IDS.has(id) || fail(doc, path18, `unknown rule id (known: ${RULES.map((r) => r.id).join(", ")})`), (typeof severity != "string" || !SEVERITY_VALUES.includes(severity)) && fail(doc, path18, `expected "error", "warning", "note" or "off", got ${describe3(severity)}`), policy.severities.set(id, severity), policy.severityLines.set(id, lineOf(doc, path18));
  }
}
function readAllow(doc, value, policy) {
  Array.isArray(value) || fail(doc, ["allow"], `expected an array of tables (\`[[allow]]\`), got ${describe3(value)}`), value.forEach((element, index) => {
    let at = ["allow", index], table = expectTable(doc, at, element, "a table");
    for (let key of Object.keys(table))
      ALLOW_KEYS.includes(key) || fail(doc, [...at, key], `unknown key (known: ${ALLOW_KEYS.join(", ")})`);
    table.rule === void 0 && fail(doc, at, "`rule` is required");
    let rule = nonEmptyString(doc, [...at, "rule"], table.rule);
    RULE_IDS.has(rule) || fail(doc, [...at, "rule"], `unknown rule id \`${rule}\` (known: ${RULES.map((r) => r.id).join(", ")})`), rule === "unused-allow" && fail(doc, [...at, "rule"], '`unused-allow` findings cannot be allowed; set `[rules] unused-allow = "off"` instead'), table.reason === void 0 && fail(doc, at, "`reason` is required: say why the finding is acceptable");
    let entry = { rule, reason: nonEmptyString(doc, [...at, "reason"], table.reason), line: lineOf(doc, at) };
    for (let key of ["package", "target", "crate"])
      table[key] !== void 0 && (entry[key] = nonEmptyString(doc, [...at, key], table[key]));
    table.expires !== void 0 && (entry.expires = calendarDate(doc, [...at, "expires"], table.expires)), policy.allow.push(entry);
  });
}
function applyPolicy(findings, policy, options) {
  let out = [];
  for (let finding of findings) {
    let changed = withSeverity(finding, policy.severities.get(finding.rule));
    changed !== null && out.push(changed);
  }
  let matched = policy.allow.map(() => !1), active = policy.allow.map((entry) => entry.expires === void 0 || options.today <= entry.expires), allowed = 0;
  for (let i = 0; i < out.length; i++) {
    let finding = out[i], winner = null;
    for (let e = 0; e < policy.allow.length; e++) {
      let entry = policy.allow[e];
      !active[e] || !matches(entry, finding) || (matched[e] = !0, winner ??= entry);
    }
    winner !== null && (out[i] = { ...finding, allowed: { reason: winner.reason, file: options.policyFile, line: winner.line } }, allowed++);
  }
  return policy.allow.forEach((entry, index) => {
    if (active[index] && matched[index]) return;
    let finding = unusedAllowFinding(entry, policy, options.policyFile, !active[index]);
    finding !== null && out.push(finding);
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
function withSeverity(finding, level) {
  return level === "off" ? null : level === void 0 || level === finding.severity ? finding : { ...finding, severity: level, defaultSeverity: finding.defaultSeverity ?? finding.severity };
}
function matches(entry, finding) {
  return entry.rule === finding.rule && (entry.package === void 0 || entry.package === finding.package) && (entry.target === void 0 || entry.target === finding.target) && (entry.crate === void 0 || finding.crates.includes(entry.crate));
}
function unusedAllowFinding(entry, policy, policyFile, expired) {
  let own = ruleInfo("unused-allow").severity, level = policy.severities.get("unused-allow") ?? own;
  if (level === "off") return null;
  let what = describeEntry(entry), ruleOff = policy.severities.get(entry.rule) === "off", message, fixes;
  expired ? (message = `${what} expired on ${entry.expires} and no longer applies: the findings it allowed count again.`, fixes = ["Fix the findings it covered and remove the entry.", "Or, if the reason still holds, set a later `expires` date."]) : ruleOff ? (message = `${what} has no effect: \`[rules] ${entry.rule} = "off"\` already drops every finding of that rule.`, fixes = ["Remove the entry, or turn the rule back on."]) : (message = `${what} matched no finding: remove it, or correct its fields.`, fixes = [
    "Remove the entry if the finding it was written for is fixed.",
    "Otherwise correct `package`, `target` or `crate` so they name the finding (`package` and `target` are names, not paths; `crate` is one of the finding\u2019s crates)."
  ]);
  let crates = entry.crate !== void 0 ? [entry.crate] : [], finding = {
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
  return level !== own && (finding.defaultSeverity = own), finding;
}
function describeEntry(entry) {
  let fields = ["package", "target", "crate"].filter((k) => entry[k] !== void 0).map((k) => `${k} \`${entry[k]}\``);
  return `allow entry for \`${entry.rule}\`${fields.length > 0 ? ` (${fields.join(", ")})` : ""}`;
}
function expectTable(doc, path18, value, expected) {
  return (typeof value != "object" || Array.isArray(value)) && fail(doc, path18, `expected ${expected}, got ${describe3(value)}`), value;
}
function nonEmptyString(doc, path18, value) {
  return typeof value != "string" && fail(doc, path18, `expected a string, got ${describe3(value)}`), value.trim() === "" && fail(doc, path18, "must not be empty"), value;
}
function calendarDate(doc, path18, value) {
  let expected = "a date such as 2027-06-30";
  typeof value != "string" && fail(doc, path18, `expected ${expected}, got ${describe3(value)}`);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  m === null && fail(doc, path18, `expected ${expected}, got ${JSON.stringify(value)}`);
  let [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])], date = new Date(Date.UTC(year, month - 1, day));
  return (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) && fail(doc, path18, `${JSON.stringify(value)} is not a calendar date`), value;
}
function describe3(value) {
  return Array.isArray(value) ? "an array" : typeof value == "object" ? "a table" : JSON.stringify(value);
}
function lineOf(doc, path18) {
  return doc.lineOf(path18) ?? 1;
}
function fail(doc, path18, problem) {
  throw new UserError(`${doc.file}:${lineOf(doc, path18)}: ${formatTomlPath(path18)}: ${problem}`);
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
  let file = where2.policy !== null ? path10.resolve(where2.cwd, where2.policy) : defaultPolicyPath(where2);
  if (file === null) return null;
  let shown = displayPath(file, where2.cwd);
  return { policy: parsePolicy(readTextFile(file, "policy", "policy file", shown, scopeFor(where2.scope ?? null, file)), shown), path: file };
}
function defaultPolicyPath(where2) {
  if (where2.defaultPolicy === null) return null;
  if (where2.defaultPolicy !== "search") {
    let file = path10.resolve(where2.cwd, where2.defaultPolicy);
    return fs4.existsSync(file) ? file : null;
  }
  for (let dir = path10.resolve(where2.searchFrom); ; dir = path10.dirname(dir)) {
    let file = path10.join(dir, DEFAULT_POLICY_FILE);
    if (fs4.existsSync(file)) return file;
    if (fs4.existsSync(path10.join(dir, ".git")) || path10.dirname(dir) === dir) return null;
  }
}
function displayPath(file, cwd) {
  let rel = path10.relative(cwd, file);
  return rel === "" || rel.startsWith("..") || path10.isAbsolute(rel) ? file : rel;
}
function gateReport(analysis, files) {
  let policy = files.policy === null ? null : { policy: files.policy.policy, file: path10.relative(analysis.workspaceRoot, files.policy.path).split(path10.sep).join("/") }, baseline = files.baseline === null ? null : readBaseline(files.baseline, files);
  return applyGate(analysis, { failOn: files.failOn, policy, baseline, today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10) });
}
function readBaseline(given, files) {
  let file = path10.resolve(files.cwd, given);
  return parseBaseline(readTextFile(file, "baseline", "baseline", given, scopeFor(files.scope ?? null, file)), given);
}
function readTextFile(file, kind, what, shown, within) {
  try {
    return readInputFile(file, kind, { shown, within });
  } catch (e) {
    throw e instanceof InputFileError ? new UserError(`cannot read ${what} \`${shown}\`: ${e.reason}`) : e;
  }
}

// src/gather/toolchain.ts
import fs6 from "node:fs";
import os5 from "node:os";
import path12 from "node:path";

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
import fs5 from "node:fs";
import os4 from "node:os";
import path11 from "node:path";

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
    rustflagsSource: null
  };
}

// src/gather/tools.ts
function findManifest(cwd, metadataFile) {
  for (let dir = cwd; ; dir = path11.dirname(dir)) {
    let candidate = path11.join(dir, "Cargo.toml");
    if (fs5.existsSync(candidate)) return candidate;
    if (path11.dirname(dir) === dir) break;
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
async function runCargoMetadata(runner, cargo, manifestPath, inv, cwd, env, configArgs) {
  let args = ["metadata", "--format-version", "1", "--manifest-path", manifestPath, ...configArgs];
  inv.features.length > 0 && args.push("--features", inv.features.join(",")), inv.allFeatures && args.push("--all-features"), inv.noDefaultFeatures && args.push("--no-default-features"), inv.locked && args.push("--locked"), inv.offline && args.push("--offline"), inv.frozen && args.push("--frozen");
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
    let viaStdin = process.platform === "win32", args = probeArgs(probeTriple, trusted ? flags : probeRustflags(flags), viaStdin ? "-" : os4.devNull), result2 = await runner.run(rustc, args, { cwd, env, maxStdoutBytes: 1048576, ...viaStdin ? { input: "" } : {} });
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
    entries = fs5.readdirSync(rustflags.probe.targetLibdir);
  } catch {
  }
  let info = toTargetInfo(triple, rustflags.probe, entries, rustflags.flags);
  if (info.rustflagsSource = rustflags.source, info.stdDylib !== null)
    try {
      let dir = path11.dirname(fs5.realpathSync(path11.join(info.targetLibdir, info.stdDylib)));
      dir !== path11.resolve(info.targetLibdir) && (info.stdDylibDir = dir);
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
    let pinFile = findToolchainFile(path12.resolve(options.dir), isFile2), pin = pinFile === null ? null : parseToolchainFile(readInputFile(pinFile, "toolchain-file", { within: scopeFor(options.scope ?? null, pinFile) }), pinFile);
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
  let cargo = path12.join(path12.dirname(which.rustc), `cargo${path12.extname(which.rustc)}`);
  return !env.CARGO && isFile2(cargo) && (out.CARGO = cargo), out;
}
async function rustupWhich(runner, env) {
  let cwd = os5.tmpdir(), installed = installedRustc(env, cwd);
  if (installed !== null) return { kind: "found", rustc: installed };
  let result2;
  try {
    result2 = await runner.run("rustup", ["which", "rustc"], { cwd, env, maxStdoutBytes: 1048576 });
  } catch {
    return { kind: "no-rustup" };
  }
  let rustc = result2.stdout.trim();
  return result2.exitCode !== 0 || !path12.isAbsolute(rustc) ? { kind: "failed", reason: lastLine(result2.stderr) || "rustup which rustc failed" } : { kind: "found", rustc };
}
function installedRustc(env, cwd) {
  if (process.platform === "win32" || !onPath("rustup", env.PATH)) return null;
  let home = "RUSTUP_HOME" in env ? env.RUSTUP_HOME : env.HOME ? path12.join(env.HOME, ".rustup") : "";
  if (!path12.isAbsolute(home)) return null;
  let text;
  try {
    text = fs6.readFileSync(path12.join(home, "settings.toml"), "utf8");
  } catch {
    return null;
  }
  let settings = parseRustupSettings(text, path12.join(home, "settings.toml"));
  if (settings === null) return null;
  let name = env.RUSTUP_TOOLCHAIN ?? null;
  if (name === null) {
    let dir;
    try {
      dir = fs6.realpathSync(cwd);
    } catch {
      return null;
    }
    if (settings.overrides.some((o) => isAtOrBelow(o, dir)) || findToolchainFile(dir, isFile2) !== null) return null;
    name = settings.defaultToolchain;
  }
  let directory = name === null ? null : toolchainDirectory(name, settings);
  if (directory === null) return null;
  let rustc = path12.join(home, "toolchains", directory, "bin", "rustc");
  return isFile2(rustc) ? rustc : null;
}
function onPath(program, searchPath) {
  for (let dir of (searchPath ?? "").split(path12.delimiter)) {
    if (!path12.isAbsolute(dir)) return !1;
    if (isExecutable(path12.join(dir, program))) return !0;
  }
  return !1;
}

// src/metadata/checks.ts
function q(value) {
  return `\`${JSON.stringify(value).slice(1, -1)}\``;
}
var Invalid = class {
  constructor(path18, message) {
    this.path = path18;
    this.message = message;
  }
  path;
  message;
}, NO_STRINGS = Object.freeze([]);
function isObject2(v) {
  return typeof v == "object" && v !== null && !Array.isArray(v);
}
function string(v, path18) {
  if (typeof v != "string") throw notString(v, path18);
  return v;
}
function isStringArray(v) {
  if (!Array.isArray(v)) return !1;
  for (let k = 0; k < v.length; k++) if (typeof v[k] != "string") return !1;
  return !0;
}
function stringList(v, path18) {
  return isStringArray(v) || badStringList(v, path18), v.length === 0 ? NO_STRINGS : v.slice();
}
function describe4(v) {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v == "object" ? "an object" : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}
function notObject(v, path18) {
  return new Invalid(path18, `expected an object, got ${describe4(v)}`);
}
function notArray(v, path18) {
  return new Invalid(path18, v === void 0 ? "missing (expected an array)" : `expected an array, got ${describe4(v)}`);
}
function notString(v, path18) {
  return new Invalid(path18, v === void 0 ? "missing (expected a string)" : `expected a string, got ${describe4(v)}`);
}
function notBoolean(v, path18) {
  return new Invalid(path18, `expected true or false, got ${describe4(v)}`);
}
function unknownKind(v, path18) {
  return new Invalid(path18, `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`);
}
function badStringList(v, path18) {
  if (!Array.isArray(v)) throw notArray(v, path18);
  for (let k = 0; k < v.length; k++)
    if (typeof v[k] != "string") throw notString(v[k], `${path18}[${k}]`);
  throw new Error(`${path18}: not a list of strings, but no element is wrong`);
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
  if (!isObject2(value)) throw notObject(value, targetPath(i, j));
  let name = value.name;
  if (typeof name != "string") throw notString(name, `${targetPath(i, j)}.name`);
  let kinds = value.kind;
  isStringArray(kinds) || badStringList(kinds, `${targetPath(i, j)}.kind`);
  let crateTypeNames = value.crate_types;
  if (isStringArray(crateTypeNames) || badStringList(crateTypeNames, `${targetPath(i, j)}.crate_types`), kinds.length === 0) throw new Invalid(`${targetPath(i, j)}.kind`, `target ${q(name)} of ${label(packageName)} has no kind`);
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
  }
  if (crateTypes.length > 1 && crateTypes.includes("dylib") && crateTypes.includes("cdylib"))
    throw new Invalid(`${targetPath(i, j)}.crate_types`, `library ${q(name)} of ${label(packageName)} cannot set the crate type of both \`dylib\` and \`cdylib\``);
  let rawRequired = value["required-features"], requiredFeatures = rawRequired === void 0 ? NO_STRINGS : stringList(rawRequired, `${targetPath(i, j)}.required-features`), rawTest = value.test;
  if (rawTest !== void 0 && typeof rawTest != "boolean") throw notBoolean(rawTest, `${targetPath(i, j)}.test`);
  let test = rawTest === void 0 ? kind !== "bench" && kind !== "example" && kind !== "custom-build" : rawTest, rawDoctest = value.doctest;
  if (rawDoctest !== void 0 && typeof rawDoctest != "boolean") throw notBoolean(rawDoctest, `${targetPath(i, j)}.doctest`);
  let doctest = rawDoctest === void 0 ? kind === "lib" || kind === "proc-macro" : rawDoctest, srcPath = value.src_path;
  if (typeof srcPath != "string") throw notString(srcPath, `${targetPath(i, j)}.src_path`);
  return { name, kind, crateTypes, srcPath, test, doctest, requiredFeatures };
}

// src/metadata/parse.ts
var MetadataError = class extends UserError {
  constructor(source, path18, message) {
    super(`${source}: ${path18 ? `${path18}: ` : ""}${message}`), this.name = "MetadataError";
  }
};
function parseMetadata(text, source) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    let reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ");
    throw new MetadataError(source, "", `not valid JSON (${reason})`);
  }
  return validateMetadata(raw, source);
}
function validateMetadata(raw, source) {
  try {
    return validate(raw);
  } catch (e) {
    throw e instanceof Invalid ? new MetadataError(source, e.path, e.message) : e;
  }
}
var packagePath = (i) => `packages[${i}]`, declarationPath = (i, j) => `packages[${i}].dependencies[${j}]`, nodePath = (i) => `resolve.nodes[${i}]`, depPath = (i, j) => `resolve.nodes[${i}].deps[${j}]`, kindPath = (i, j, m) => `resolve.nodes[${i}].deps[${j}].dep_kinds[${m}]`, Entry = class {
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
}, NO_EDGES = Object.freeze([]), NO_DECLARATIONS = Object.freeze([]), NO_FEATURES = /* @__PURE__ */ new Map();
function validate(raw) {
  if (!isObject2(raw)) throw new Invalid("", "the top level must be a JSON object from `cargo metadata --format-version 1`");
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
    if (!isObject2(p)) throw notObject(p, packagePath(i));
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
    let featureMap = p.features == null ? NO_FEATURES : parseFeatureMap(p.features, i), edition = p.edition;
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
  if (root.resolve === null || root.resolve === void 0)
    throw new Invalid(
      "resolve",
      'the dependency graph is missing (`"resolve": null`, as produced by `cargo metadata --no-deps`); run `cargo metadata --format-version 1` without `--no-deps`'
    );
  let resolve5 = root.resolve;
  if (!isObject2(resolve5)) throw notObject(resolve5, "resolve");
  let nodes = resolve5.nodes;
  if (!Array.isArray(nodes)) throw notArray(nodes, "resolve.nodes");
  let sawDepWithoutKinds = !1, edgeEnds = [];
  for (let i = 0; i < nodes.length; i++) {
    let n = nodes[i];
    if (!isObject2(n)) throw notObject(n, nodePath(i));
    let id = n.id;
    if (typeof id != "string") throw notString(id, `${nodePath(i)}.id`);
    let entry = entries.get(id);
    if (entry === void 0) throw new Invalid(`${nodePath(i)}.id`, `unknown package id ${q(id)}`);
    if (entry.node >= 0) throw new Invalid(`${nodePath(i)}.id`, `duplicate resolve node for ${q(id)}`);
    let pkg = entry.pkg;
    pkg.features = n.features === void 0 ? NO_STRINGS : stringList(n.features, `${nodePath(i)}.features`);
    let deps = n.deps;
    if (deps !== void 0 && !Array.isArray(deps)) throw notArray(deps, `${nodePath(i)}.deps`);
    entry.node = i, entry.firstEdge = edgeEnds.length;
    let edgeCount = 0;
    if (deps === void 0) {
      entry.oldForm = !0;
      let ids = n.dependencies;
      isStringArray(ids) || badStringList(ids, `${nodePath(i)}.dependencies`), ids.length > 0 && (sawDepWithoutKinds = !0);
      for (let j = 0; j < ids.length; j++) {
        let depId = ids[j], dep = entries.get(depId);
        if (dep === void 0) throw new Invalid(`${nodePath(i)}.dependencies[${j}]`, `unknown package id ${q(depId)}`);
        let kinds = recoveredKinds(entry, dep);
        edgeScratch[edgeCount++] = { pkg: dep.pkg.id, externName: recoveredExternName(entry, dep), kinds }, edgeEnds.push(anyNonDev(kinds) ? dep.index : -1);
      }
    } else
      for (let j = 0; j < deps.length; j++) {
        let d = deps[j];
        if (!isObject2(d)) throw notObject(d, depPath(i, j));
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
          let depName = dep.pkg.name;
          for (let m = 0; m < rawKinds.length; m++) {
            let k = rawKinds[m];
            if (!isObject2(k)) throw notObject(k, kindPath(i, j, m));
            let kind = dependencyKind(k.kind);
            if (kind === null) throw unknownKind(k.kind, `${kindPath(i, j, m)}.kind`);
            let target = k.target;
            if (target != null && typeof target != "string") throw notString(target, `${kindPath(i, j, m)}.target`);
            let platform = target == null ? null : intern(target);
            kinds === null ? kinds = [{ kind, platform, declared: declarationOf(entry.declarations, depName, externName, kind, platform) }] : hasKind(kinds, kind, platform) || kinds.push({ kind, platform, declared: declarationOf(entry.declarations, depName, externName, kind, platform) });
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
    throw new Invalid(`${nodePath(from.node)}.${from.oldForm ? "dependencies" : "deps"}[${closing.edge}]`, describeCycle(cycle));
  }
  let resolveRoot = null;
  if (resolve5.root != null) {
    let id = string(resolve5.root, "resolve.root"), entry = entries.get(id);
    if (entry === void 0) throw new Invalid("resolve.root", `unknown package id ${q(id)}`);
    resolveRoot = entry.pkg.id;
  }
  let packages = /* @__PURE__ */ new Map();
  for (let entry of list) packages.set(entry.pkg.id, entry.pkg);
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
  if (!isObject2(value)) throw notObject(value, declarationPath(i, j));
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
  let features = value.features == null ? NO_STRINGS : stringList(value.features, `${declarationPath(i, j)}.features`), defaultFeatures = value.uses_default_features;
  if (defaultFeatures != null && typeof defaultFeatures != "boolean") throw notBoolean(defaultFeatures, `${declarationPath(i, j)}.uses_default_features`);
  return {
    name,
    rename: rename ?? null,
    externRename: rename == null ? null : underscores(rename),
    kind,
    target: target == null ? null : intern(target),
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
function declarationOf(declarations, depName, externName, kind, platform) {
  for (let x = 0; x < declarations.length; x++) {
    let d = declarations[x];
    if (d.kind === kind && d.target === platform && (d.externRename === null ? d.name === depName : d.externRename === externName)) return d.declared;
  }
  return null;
}
function recoveredKinds(from, dep) {
  let depName = dep.pkg.name, kinds = null;
  for (let d of from.declarations)
    d.name === depName && (kinds === null ? kinds = [{ kind: d.kind, platform: d.target, declared: d.declared }] : hasKind(kinds, d.kind, d.target) || kinds.push({ kind: d.kind, platform: d.target, declared: d.declared }));
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
  if (!isObject2(value)) throw notObject(value, `${packagePath(i)}.features`);
  let names = Object.keys(value);
  if (names.length === 0) return NO_FEATURES;
  let map = /* @__PURE__ */ new Map();
  for (let k = 0; k < names.length; k++) {
    let name = names[k];
    map.set(name, stringList(value[name], `${packagePath(i)}.features.${name}`));
  }
  return map;
}
function dependencyKind(v) {
  return v == null || v === "normal" ? "normal" : v === "dev" ? "dev" : v === "build" ? "build" : null;
}
function parsePublish(v, i) {
  if (v === !1) return !1;
  let registries = stringList(v, `${packagePath(i)}.publish`);
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
      if (setting === "rustflags") return fromSource(unit.targetInfo.rustflagsSource) ?? rootManifest();
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

// src/manifest/default-members.ts
import path13 from "node:path";
function manifestDefaultMembers(rootManifest, metadata) {
  let workspace = rootManifest?.value.workspace;
  if (typeof workspace != "object" || workspace === null || Array.isArray(workspace)) return null;
  let entries = workspace["default-members"];
  if (!Array.isArray(entries) || !entries.every((e) => typeof e == "string")) return null;
  let root = path13.resolve(metadata.workspaceRoot), members = metadata.workspaceMembers.map((id) => ({ id, dir: path13.relative(root, path13.dirname(path13.resolve(metadata.packages.get(id).manifestPath))).split(path13.sep).join("/") })), chosen = /* @__PURE__ */ new Set();
  for (let entry of entries) {
    let pattern = globPattern(path13.posix.normalize(entry.replace(/\\/g, "/")).replace(/\/$/, "").replace(/^\.$/, "")), matched = members.filter((m) => pattern.test(m.dir));
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
  return typeof table == "object" && table !== null && !Array.isArray(table) ? table[key] : void 0;
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
  }), metadataText = settings.metadataFile ? readNow(settings.metadataFile) : void 0;
  loadEngine();
  let toolchain = await toolchainChoice, analysed = await analyzeWorkspace({ ...settings, env: { ...settings.env, ...toolchain }, policy, metadataText });
  return gateReport(analysed, { failOn: settings.failOn, policy, baseline: settings.baseline, cwd, scope });
}
async function analyzeWorkspace(options) {
  let engine = loadEngine(), runner = cancellable(options.runner ?? processRunner(options.timeoutMs)), env = options.env, cwd = path14.resolve(options.cwd), config = readCargoConfig(cwd, env, options.configOverrides ?? [], options.scope ?? null), invocation = { ...options.invocation }, trusted = options.trustRepositoryConfig === !0;
  trusted || refuseTarget(config, invocation.target), invocation.target = requestedTarget(config, invocation.target, cwd), trusted || refuseRustflagsKnownNow(config, env, invocation.target);
  let tools = { cargo: env.CARGO ?? "cargo", rustc: env.RUSTC ?? "rustc" }, isolation = isolate(config, env, options), childEnv = { ...childEnvironment(env, process.platform), ...isolation.env };
  try {
    return await analyzeWith(options, { runner, env, cwd, config, invocation, tools, childEnv, isolation, engine });
  } finally {
    runner.cancel(), isolation.dir !== cwd && fs7.rmSync(isolation.dir, { recursive: !0, force: !0 });
  }
}
async function analyzeWith(options, setup) {
  let { runner, env, cwd, config, invocation, tools, childEnv, isolation, engine } = setup, runDir = isolation.dir, manifestPath = options.manifestPath !== null ? path14.resolve(cwd, options.manifestPath) : findManifest(cwd, options.metadataFile ?? null);
  if (manifestPath !== null && !options.metadataFile && !isFile2(manifestPath))
    throw new UserError(`manifest \`${options.manifestPath}\` does not exist (relative paths are taken from \`${cwd}\`)`);
  let cargoMetadata = options.metadataFile ? null : runCargoMetadata(runner, tools.cargo, manifestPath, invocation, runDir, childEnv, isolation.configArgs).then((text) => parseSized(text, "cargo metadata", options)), refused = cargoMetadata === null ? NEVER : cargoMetadata.then(() => NEVER, (e) => e instanceof CommandError && e.fault === "input" ? Promise.reject(e) : NEVER), rustcPromise = runRustcVersion(runner, tools.rustc, runDir, childEnv);
  rustcPromise.catch(() => {
  });
  let needsHostTriple = invocation.target === null && (config.targetRustflags.size > 0 || config.envTargetRustflags.size > 0), version = cargoMetadata !== null && !isolation.cargoProbesCached || needsHostTriple ? await Promise.race([rustcPromise, refused]) : null, knownTriple = invocation.target ?? (needsHostTriple ? version.host : null), probe = (kind, triple) => probeTarget(runner, tools.rustc, runDir, childEnv, config, env, kind, invocation.target, triple ?? "", options.trustRepositoryConfig === !0), probes = Promise.all([rustcPromise, probe("target", knownTriple), invocation.target === null ? null : probe("host", null)]), metadataPromise = cargoMetadata ?? parseRecordedMetadata(options);
  metadataPromise.catch(() => {
  });
  let [rustc, targetInfo, hostInfo] = await Promise.race([probes, refused]);
  targetInfo.triple = invocation.target ?? rustc.host, hostInfo && (hostInfo.triple = rustc.host);
  let gathered = await metadataPromise, { analyze } = await engine, scope = options.scope ?? null, manifestOf = (file) => readToml(file, scope), rootManifestFile = path14.join(gathered.workspaceRoot, "Cargo.toml"), rootManifest = manifestOf(rootManifestFile), metadata = gathered.workspaceDefaultMembers === null ? { ...gathered, workspaceDefaultMembers: manifestDefaultMembers(rootManifest, gathered) } : gathered, names = profileNameFor(invocation.command, invocation.release, invocation.profile), profileOptions = { manifest: rootManifest, manifestFile: "Cargo.toml", config, env }, context = {
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
    commandLine: ["cargo", invocation.command, ...toCargoArgs(invocation)],
    sourceUsesCrate: sourceReader(metadata, scope),
    docExamplesOf: docExamplesReader(metadata, scope),
    facts: gatherFacts(metadata, config, options),
    notes: isolation.notes,
    resolver: resolverVersion(rootManifest, rootPackage(metadata)),
    readText: (file) => readRepositoryText(file, scope)
  });
}
var NEVER = new Promise(() => {
}), engineModule = null;
function loadEngine() {
  return engineModule ??= import("./engine.js");
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

// src/write-file.ts
import crypto from "node:crypto";
import fs8 from "node:fs";
import path15 from "node:path";
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
}, { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = fs8.constants, O_NOFOLLOW = fs8.constants.O_NOFOLLOW ?? 0, O_NOCTTY = fs8.constants.O_NOCTTY ?? 0, O_DIRECTORY = fs8.constants.O_DIRECTORY ?? 0, BUFFER_BYTES = 1 << 20, PAUSE = new Int32Array(new SharedArrayBuffer(4));
function writeAtomically(file, text, name) {
  let absolute = path15.resolve(file), fail2 = (error, overrides = {}) => {
    throw writeError(file, name, error, overrides);
  }, descriptor = descriptorAlias(absolute);
  if (descriptor !== null) return writeToDescriptor(descriptor, text, fail2);
  let stat = null;
  try {
    stat = fs8.lstatSync(absolute);
  } catch (error) {
    error.code !== "ENOENT" && fail2(error);
  }
  if (stat?.isSymbolicLink() && isSystemLink(absolute)) {
    try {
      stat = fs8.statSync(absolute);
    } catch (error) {
      fail2(error, { ENOENT: "the link names nothing" });
    }
    return writeInPlace(absolute, text, stat, !0, fail2);
  }
  if (stat !== null && !stat.isFile() && !stat.isSymbolicLink()) return writeInPlace(absolute, text, stat, !1, fail2);
  let dir = path15.dirname(absolute);
  try {
    makeDirectories(dir);
  } catch (error) {
    fail2(error);
  }
  let tmp = path15.join(dir, temporaryName()), fd = null, created = !1;
  try {
    fd = createExclusive(tmp), created = !0, stat?.isFile() && fs8.fchmodSync(fd, stat.mode & 511), writeText(fd, text), fs8.fsyncSync(fd), fs8.closeSync(fd), fd = null, fs8.renameSync(tmp, absolute);
  } catch (error) {
    fd !== null && closeQuietly(fd), created && removeQuietly(tmp), fail2(error, { EEXIST: `its temporary file ${tmp} already exists` });
  }
  syncDirectory(dir);
}
function createExclusive(file, mode = 420) {
  return fs8.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
}
function writeAll(fd, data, write = (f, b, o, l) => fs8.writeSync(f, b, o, l)) {
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
  kind !== null && fail2(refusal(kind));
  let fd = null;
  try {
    let append = stat.isFile() ? O_APPEND : 0;
    fd = fs8.openSync(file, O_WRONLY | O_NOCTTY | append | (viaSystemLink ? 0 : O_NOFOLLOW));
    let opened = fs8.fstatSync(fd), changed = refusedKind(opened, viaSystemLink);
    if (changed !== null) throw refusal(changed);
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
    if (fs8.fstatSync(fd).isDirectory()) throw refusal("it is a directory");
    writeText(fd, text);
  } catch (error) {
    fail2(error, { EBADF: "that descriptor is not open for writing" });
  }
}
function refusedKind(stat, viaSystemLink) {
  return stat.isCharacterDevice() || stat.isBlockDevice() || stat.isFIFO() || stat.isFile() && viaSystemLink ? null : stat.isDirectory() ? "it is a directory" : stat.isSocket() ? "it is a socket" : "it is not a regular file, a device or a FIFO";
}
function refusal(reason) {
  return Object.assign(new Error(reason), { reason });
}
function writeText(fd, text) {
  if (typeof text == "string") return writeAll(fd, Buffer.from(text, "utf8"));
  for (let batch of inBatches(text, !0)) writeAll(fd, batch);
}
function* inBatches(chunks, reuse) {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES), used = 0;
  for (let chunk of chunks) {
    let most = typeof chunk == "string" ? chunk.length * 3 : chunk.length;
    most > BUFFER_BYTES - used && used > 0 && (yield buffer.subarray(0, used), reuse || (buffer = Buffer.allocUnsafe(BUFFER_BYTES)), used = 0), most > BUFFER_BYTES ? yield typeof chunk == "string" ? Buffer.from(chunk, "utf8") : chunk : typeof chunk == "string" ? used += buffer.write(chunk, used, "utf8") : (buffer.set(chunk, used), used += chunk.length);
  }
  used > 0 && (yield buffer.subarray(0, used));
}
function temporaryName() {
  return `.rust-linkage-guard-${crypto.randomBytes(12).toString("hex")}.tmp`;
}
function makeDirectories(dir) {
  let missing = [], existing = dir;
  for (; !lexists(existing); ) {
    missing.unshift(existing);
    let up = path15.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  if (!fs8.statSync(existing).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  for (let d of missing) fs8.mkdirSync(d);
}
function isSystemLink(file) {
  let parent;
  try {
    parent = fs8.realpathSync(path15.dirname(file));
  } catch {
    return !1;
  }
  return ["/dev", "/proc"].some((root) => parent === root || parent.startsWith(`${root}/`));
}
function lexists(file) {
  try {
    return fs8.lstatSync(file), !0;
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
    fd = fs8.openSync(dir, fs8.constants.O_RDONLY | O_DIRECTORY), fs8.fsyncSync(fd);
  } catch {
  } finally {
    fd !== null && closeQuietly(fd);
  }
}
function closeQuietly(fd) {
  try {
    fs8.closeSync(fd);
  } catch {
  }
}
function removeQuietly(file) {
  try {
    fs8.unlinkSync(file);
  } catch {
  }
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
var PROGRAM = "rust-linkage-guard", CARGO_SUBCOMMAND = "linkage-guard", HELP_HINT = `run \`${PROGRAM} --help\``, FORMATS = ["text", "json", "markdown", "sarif", "github"], FAIL_ON = ["error", "warning", "never"], COMMANDS = ["build", "test"], HELP_TEXT = `Predict how each artifact of a Cargo workspace links, before anything is compiled.

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
  for (let flag of ["doc", "no-run"])
    if (invocation.command !== "test" && order.some((s) => s.long === flag)) throw new UserError(`\`--${flag}\` is a flag of \`cargo test\`: add \`--command test\``);
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
    let distance = editDistance(name.toLowerCase(), long);
    distance < bestDistance && (best = long, bestDistance = distance);
  }
  return best;
}
function editDistance(a, b) {
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
import path16 from "node:path";

// src/fixes/plan.ts
function planFixes(findings) {
  let edits = /* @__PURE__ */ new Map(), fixed = [], unfixed = [];
  for (let finding of findings) {
    if (finding.severity !== "error" || finding.allowed !== void 0 || finding.baseline === "existing") continue;
    let fix = finding.fixes.find((f) => f.verified && f.kind === "manifest-edit" && (f.edits?.length ?? 0) > 0);
    if (fix === void 0) {
      let other2 = finding.fixes.find((f) => f.verified);
      unfixed.push({ finding, reason: other2 ? `no verified manifest edit; verified instead: ${other2.title}` : "no verified fix" });
      continue;
    }
    let clash = fix.edits.find((e) => (edits.get(e.file) ?? []).some((o) => o.line === e.line && (o.before !== e.before || o.after !== e.after)));
    if (clash !== void 0) {
      unfixed.push({ finding, reason: `its edit of ${clash.file}:${clash.line} differs from another fix's; run \`--fix\` again after this one` });
      continue;
    }
    for (let e of fix.edits) {
      let list = edits.get(e.file) ?? [];
      list.some((o) => o.line === e.line) || list.push(e), edits.set(e.file, list);
    }
    fixed.push({ finding, fix });
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
    let absolute = path16.resolve(report.workspaceRoot, file), before = readInputFile(absolute, "manifest", { within: scope }), after = applyEdits(before, edits);
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
  for (let { finding, reason } of plan.unfixed) lines.push(`  not fixed: ${finding.rule}: ${findingSubject(finding).replace(/`/g, "")}: ${reason}`);
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
  let cwd = process.cwd(), searchFrom = options.manifestPath === null ? cwd : path17.dirname(path17.resolve(cwd, options.manifestPath));
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
    beforeParse: sizeYoungGeneration
  }), report = await run();
  if (options.fix) {
    let outcome = applyReportFixes(report);
    await writeStdout(outcome.text);
    let after = outcome.written.length > 0 ? await run() : report;
    return await writeStdout(`${verdictLine(after)}
`), after.gate.verdict === "fail" ? 1 : 0;
  }
  let text = render(report, options.format, options.color);
  return options.output !== null ? writeAtomically(options.output, text, "`--output`") : await writeStdout(text), report.gate.verdict === "fail" ? 1 : 0;
}
async function writeStdout(text) {
  for (let batch of typeof text == "string" ? [text] : inBatches(text, !1))
    process.stdout.write(batch) || await new Promise((resolve5) => process.stdout.once("drain", resolve5));
}
function render(report, format, color) {
  let workspacePrefix = path17.relative(process.cwd(), report.workspaceRoot).split(path17.sep).join("/");
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
var argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    let { message } = describeError(error), paint = painter(decideErrorColor(colorFlagIn(argv), process.env, !!process.stderr.isTTY));
    process.stderr.write(`${paint("error", "error")}: ${message}
`), process.exitCode = error instanceof UserError ? error.exitCode : 2;
  }
);

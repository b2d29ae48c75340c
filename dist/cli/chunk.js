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

// src/model/paths.ts
import path from "node:path";
var DRIVE = /^[A-Za-z]:(?:[\\/]|$)/, VERBATIM_DISK = /^\\\\\?\\([A-Za-z]:(?:\\|$))/, VERBATIM_UNC = /^\\\\\?\\UNC\\/i;
function isWindowsPath(p) {
  return DRIVE.test(p) || p.startsWith("\\\\") ? !0 : !p.startsWith("/") && p.includes("\\");
}
function pathModuleFor(p) {
  return isWindowsPath(p) ? path.win32 : path.posix;
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
function joinPath(base, ...segments) {
  return pathModuleFor(base).join(base, ...segments);
}
function resolveFrom(base, p) {
  return isAbsolutePath(p) ? p : pathModuleFor(base).resolve(base, p);
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
  let module = windows ? path.win32 : path.posix, rel = module.relative(a, b);
  return module.isAbsolute(rel) ? null : windows ? rel.replace(/\\/g, "/") : rel;
}

// src/version.ts
var VERSION = "1.0.0";

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

// src/findings/order.ts
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareText(a.rule, b.rule) || compareText(a.package ?? "", b.package ?? "") || compareText(a.target ?? "", b.target ?? "") || compareText(a.kind ?? "", b.kind ?? "") || compareText(a.mode ?? "", b.mode ?? "") || compareText(a.crateType ?? "", b.crateType ?? "") || compareText(a.platform ?? "", b.platform ?? "") || compareText(a.message, b.message);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
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
  if (inv.command === "test") return !0;
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

// src/model/selection.ts
import path2 from "node:path";
function selectPackages(metadata, invocation, currentManifest) {
  let members = metadata.workspaceMembers.map((id) => metadata.packages.get(id)), warnings = [];
  if (invocation.exclude.length > 0 && !invocation.workspace)
    throw new UserError("`--exclude` can only be used together with `--workspace`");
  if (invocation.workspace) {
    let excluded = /* @__PURE__ */ new Set();
    for (let spec of invocation.exclude) {
      let matched = members.filter((p) => specMatches(spec, p));
      matched.length === 0 && warnings.push(`excluded package(s) \`${spec}\` not found in workspace \`${metadata.workspaceRoot}\``);
      for (let p of matched) excluded.add(p.id);
    }
    return { packages: sortById(members.filter((p) => !excluded.has(p.id))), warnings };
  }
  if (invocation.packages.length > 0) {
    let all = [...metadata.packages.values()], chosen = /* @__PURE__ */ new Map();
    for (let spec of invocation.packages) {
      let matched = all.filter((p) => specMatches(spec, p));
      if (matched.length === 0)
        throw new UserError(`package ID specification \`${spec}\` did not match any packages`);
      if (matched.length > 1 && !isGlob(spec)) {
        let list = matched.map((p) => `${p.name}@${p.version}`).join(", ");
        throw new UserError(`the specification \`${spec}\` is ambiguous: it matches ${list}; add a version (\`name@version\`)`);
      }
      for (let p of matched) chosen.set(p.id, p);
    }
    return { packages: sortById([...chosen.values()]), warnings };
  }
  return { packages: sortById(defaultMembers(metadata, currentManifest)), warnings };
}
function defaultMembers(metadata, currentManifest) {
  let rootManifest = path2.join(path2.resolve(metadata.workspaceRoot), "Cargo.toml");
  if (path2.resolve(currentManifest) !== rootManifest) {
    let own = currentPackage(metadata, currentManifest);
    if (own) return [own];
  }
  if (metadata.workspaceDefaultMembers !== null)
    return metadata.workspaceDefaultMembers.map((id) => metadata.packages.get(id));
  let root = rootPackage(metadata);
  return root ? [root] : metadata.workspaceMembers.map((id) => metadata.packages.get(id));
}
function currentPackage(metadata, currentManifest) {
  let current = path2.resolve(currentManifest);
  return metadata.workspaceMembers.map((id) => metadata.packages.get(id)).find((p) => path2.resolve(p.manifestPath) === current) ?? null;
}
function rootPackage(metadata) {
  return currentPackage(metadata, path2.join(metadata.workspaceRoot, "Cargo.toml"));
}
function sortById(packages) {
  return packages.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function isGlob(spec) {
  return /[*?[]/.test(spec);
}
function specMatches(spec, pkg) {
  if (spec === pkg.id) return !0;
  if (isGlob(spec)) return globToRegExp(spec).test(pkg.name);
  let name = spec, version = null, url = null, hash = spec.indexOf("#");
  if (hash >= 0) {
    let fragment = spec.slice(hash + 1);
    url = spec.slice(0, hash);
    let at = fragment.indexOf("@");
    at >= 0 ? (name = fragment.slice(0, at), version = fragment.slice(at + 1)) : /^\d/.test(fragment) ? (name = url.replace(/\/+$/, "").split("/").pop() ?? "", version = fragment) : name = fragment;
  } else {
    let m = /^([^@:]+)[@:](.+)$/.exec(spec);
    m && (name = m[1], version = m[2]);
  }
  return name !== pkg.name || url !== null && stripScheme(url) !== stripScheme(sourceUrl(pkg)) ? !1 : version === null || partialVersionMatches(version, pkg.version);
}
function stripScheme(url) {
  return url.replace(/^(registry|sparse|path|git)\+/, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
}
function sourceUrl(pkg) {
  return pkg.source !== null ? pkg.source : `file://${path2.dirname(pkg.manifestPath)}`;
}
function partialVersionMatches(spec, version) {
  let parse2 = (v) => {
    let m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(v.trim());
    return m ? { major: m[1], minor: m[2], patch: m[3], pre: m[4], build: m[5] } : null;
  }, want = parse2(spec), have = parse2(version);
  return !want || !have ? spec === version : have.pre !== void 0 && want.pre === void 0 ? !1 : want.major === have.major && (want.minor === void 0 || want.minor === have.minor) && (want.patch === void 0 || want.patch === have.patch) && (want.pre === void 0 || want.pre === have.pre) && (want.build === void 0 || want.build === have.build);
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    let c = glob[i];
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      let end = glob.indexOf("]", i + 2);
      if (end < 0) throw new UserError(`invalid glob pattern \`${glob}\` in a package specification: unclosed \`[\``);
      let body = glob.slice(i + 1, end);
      re += `[${body.startsWith("!") ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`, i = end;
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function escapeClass(body) {
  return body.replace(/[\\\]^]/g, "\\$&");
}

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
    description: "Cargo runs a library's doc examples through `rustdoc --test` with only `target/<profile>/deps` (and build scripts' native directories) on the library path, not the toolchain's library directory that `cargo run` and test harnesses get. An example that links `libstd-<hash>.so` \u2014 because the library depends on a Rust dylib built with `-C prefer-dynamic`, as Bevy's `dynamic_linking` does \u2014 compiles, then fails with exit status 127 (\"error while loading shared libraries\"), and `cargo test` fails. With `--target`, the workspace's own dylibs are outside that directory and are missing too. Only examples that run count: a library without doc examples, or with only `no_run`, `ignore` or `compile_fail` ones, is not reported, and neither is a toolchain whose `libstd` is in a directory the loader searches by default (distribution packages)."
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

// src/findings/fingerprint.ts
import { createHash } from "node:crypto";
function findingFingerprint(f) {
  let crates = f.crates.map((c) => c.replace(/-[0-9a-f]{16}(?=\.(?:so|dylib|dll)$)/u, "")).sort(), identity = [f.rule, f.package ?? "", f.target ?? "", f.kind ?? "", f.mode ?? "", f.crateType ?? "", f.platform ?? "", ...crates];
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 32);
}

// src/findings/finding.ts
function adviceFix(title) {
  return { title, kind: "advice", verified: !1 };
}
function findingArtifact(f) {
  let { package: pkg, target, kind, mode, crateType, platform } = f;
  return pkg === void 0 || target === void 0 || kind === void 0 || mode === void 0 || crateType === void 0 || platform === void 0 ? null : { package: pkg, target, kind, mode, crateType, platform };
}

// src/toolchain/pin.ts
import * as nodePath from "node:path";

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
  /** An inline table `{ … }`: complete once written. */
  INLINE: 3,
  /** An array value `[ … ]`: complete once written. */
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
function formatTomlPath(path3) {
  let out = "";
  for (let segment of path3)
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
  /** A `"…"` string (not multi-line) at the current offset. */
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
  /** A `'…'` string (not multi-line) at the current offset. */
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
  /** A `"""…"""` or `'''…'''` string at the current offset. Line breaks in it read as `\n`. */
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
    let path3 = [];
    if (this.sectionAt >= 0) {
      let value = this.root;
      for (let part of this.partsAt(this.sectionAt))
        path3.push(part), value = value[part], Array.isArray(value) && (path3.push(value.length - 1), value = value[value.length - 1]);
    }
    path3.push(...this.partsAt(this.keyAt));
    for (let d = 0; d < this.depth; d++) {
      let frame = this.frames[d];
      frame.table === null ? path3.push(frame.index) : path3.push(...this.partsAt(frame.keyAt));
    }
    return path3;
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
    lineOf: (path3) => {
      if (path3.length === 0) return null;
      let container = value;
      for (let i = 0; i < path3.length - 1; i++) {
        let child = childOf(container, path3[i]);
        if (!isContainer(child)) return null;
        container = child;
      }
      return lineIn2(container, path3[path3.length - 1]);
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

// src/toolchain/pin.ts
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
  let base = { file, line: 1, targets: [], targetsLine: null };
  return isAbsolutePath2(name) ? { ...base, kind: "path", channel: null, path: name } : (checkChannelName(name, file, 1, "toolchain name"), { ...base, kind: channelKind(name), channel: name, path: null });
}
function parseTomlPin(doc, file) {
  let at = (path4) => doc.lineOf(path4) ?? doc.lineOf(path4.slice(0, -1)) ?? 1, section = doc.value.toolchain;
  if (section === void 0) throw new UserError(`${file}:1: missing the \`[toolchain]\` table`);
  if (!isTable(section)) throw new UserError(`${file}:${at(["toolchain"])}: \`toolchain\` must be a table, found ${describe2(section)}`);
  let stringKey = (key) => {
    let value = section[key];
    if (value === void 0) return null;
    if (typeof value != "string") throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` must be a string, found ${describe2(value)}`);
    return value;
  }, listKey = (key) => {
    let value = section[key];
    if (value === void 0) return null;
    if (!Array.isArray(value)) throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` must be an array of strings, found ${describe2(value)}`);
    return value.map((item, index) => {
      if (typeof item != "string")
        throw new UserError(`${file}:${at(["toolchain", key, index])}: \`toolchain.${key}\` must be an array of strings, found ${describe2(item)} at index ${index}`);
      return item;
    });
  }, channel = stringKey("channel"), path3 = stringKey("path"), profile = stringKey("profile"), components = listKey("components"), targets = listKey("targets"), sectionLine = at(["toolchain"]);
  if (channel === null && path3 === null && components === null && targets === null)
    throw new UserError(`${file}:${sectionLine}: \`[toolchain]\` sets none of \`channel\`, \`path\`, \`components\` or \`targets\``);
  if (channel !== null && checkChannelName(channel, file, at(["toolchain", "channel"]), "`toolchain.channel`"), channel !== null && path3 !== null)
    throw new UserError(`${file}:${at(["toolchain", "path"])}: \`toolchain.channel\` and \`toolchain.path\` cannot both be set`);
  let targetsLine = targets === null ? null : at(["toolchain", "targets"]);
  if (path3 !== null) {
    let line = at(["toolchain", "path"]);
    for (let key of ["components", "targets", "profile"])
      if (section[key] !== void 0)
        throw new UserError(`${file}:${at(["toolchain", key])}: \`toolchain.${key}\` cannot be used with \`toolchain.path\` (a path toolchain is used as it is)`);
    if (!isAbsolutePath2(path3)) throw new UserError(`${file}:${line}: \`toolchain.path\` must be an absolute path, found \`${path3}\``);
    return { file, line, kind: "path", channel: null, path: path3, targets: [], targetsLine: null };
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
function isTable(value) {
  return typeof value == "object" && !Array.isArray(value);
}
function describe2(value) {
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
  let entry = `crate-type = [${types.map((t) => `"${t}"`).join(", ")}]`, header = src.doc.lineOf(["lib"]);
  if (lib !== void 0)
    return header === null || !/^\s*\[\s*lib\s*\]\s*(?:#.*)?$/.test(src.lines[header - 1] ?? "") ? null : [{ file, line: header, before: src.lines[header - 1], after: `${src.lines[header - 1]}
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
${quoted.map((q) => `${indent}${q},`).join(`
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

export {
  plural,
  listCrates,
  HIDDEN,
  codePoint,
  withCodePoints,
  UserError,
  CommandError,
  describeError,
  isWindowsPath,
  isAbsolutePath,
  forwardSlashes,
  joinPath,
  resolveFrom,
  relativePosix,
  isAtOrBelow,
  isBelow,
  relativeOrAbsolute,
  VERSION,
  RULES,
  INFORMATION_URI,
  ruleInfo,
  ruleHelpUri,
  formatTomlPath,
  parseTomlDocument,
  readRustflags,
  optionKey,
  codegenOptions,
  unstableOptions,
  targetFeatures,
  flagEnabled,
  abiFlags,
  cfgHas,
  CfgSyntaxError,
  parseCfgLines,
  parseCfgExpr,
  evalCfg,
  platformMatches,
  findingFingerprint,
  adviceFix,
  findingArtifact,
  compareFindings,
  compareText,
  findToolchainFile,
  parseToolchainFile,
  pinForChannel,
  compareToolchain,
  CRATE_TYPES,
  isLinkable,
  isDynamic,
  canLto,
  requiresUpstreamObjects,
  providesRlib,
  providesDylib,
  isCrateType,
  defaultInvocation,
  needsDevDependencies,
  selectsTargets,
  splitFeatures,
  checkProfileName,
  toCargoArgs,
  selectPackages,
  currentPackage,
  rootPackage,
  crateTypeEdits,
  settingEdit,
  applyEdits
};

"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
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
));

// src/index.ts
var import_node_path5 = __module("node:path");

// src/cli/code-cache.ts
var import_node_crypto2 = __module("node:crypto"), import_node_fs3 = __module("node:fs"), import_node_module = require("node:module"), import_node_path4 = __module("node:path"), import_node_vm = __module("node:vm");

// src/exec/cache-dir.ts
var import_node_os = __module("node:os"), import_node_path = __module("node:path");
function userCacheDirectory(env, platform) {
  if (platform === "win32") return env.LOCALAPPDATA ? import_node_path.default.win32.join(env.LOCALAPPDATA, "rust-linkage-guard") : null;
  if (env.XDG_CACHE_HOME && import_node_path.default.isAbsolute(env.XDG_CACHE_HOME)) return import_node_path.default.join(env.XDG_CACHE_HOME, "rust-linkage-guard");
  let home = env.HOME || import_node_os.default.homedir();
  return home ? import_node_path.default.join(home, ".cache", "rust-linkage-guard") : null;
}

// src/input-file.ts
var import_node_fs = __module("node:fs");

// src/text.ts
var HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;
var EVERY_HIDDEN = new RegExp(HIDDEN.source, "gu");

// src/errors.ts
var UserError = class extends Error {
  exitCode = 2;
  constructor(message) {
    super(message), this.name = "UserError";
  }
};

// src/model/paths.ts
var import_node_path2 = __module("node:path"), DRIVE = /^[A-Za-z]:(?:[\\/]|$)/, VERBATIM_DISK = /^\\\\\?\\([A-Za-z]:(?:\\|$))/, VERBATIM_UNC = /^\\\\\?\\UNC\\/i;
function isWindowsPath(p) {
  return DRIVE.test(p) || p.startsWith("\\\\") ? !0 : !p.startsWith("/") && p.includes("\\");
}
function isAbsolutePath(p) {
  return p.startsWith("/") || DRIVE.test(p) || p.startsWith("\\\\");
}
function stripVerbatim(p) {
  return VERBATIM_UNC.test(p) ? `\\\\${p.slice(8)}` : p.replace(VERBATIM_DISK, "$1");
}
function relativePosix(root, file) {
  let rel = relation(root, file);
  return rel === null || rel === ".." || rel.startsWith("../") ? null : rel;
}
function isAtOrBelow(dir, file) {
  return relativePosix(dir, file) !== null;
}
function relation(root, file) {
  let a = stripVerbatim(root), b = stripVerbatim(file), windows = isWindowsPath(a);
  if (windows !== isWindowsPath(b) || isAbsolutePath(a) !== isAbsolutePath(b)) return null;
  let module2 = windows ? import_node_path2.default.win32 : import_node_path2.default.posix, rel = module2.relative(a, b);
  return module2.isAbsolute(rel) ? null : windows ? rel.replace(/\\/g, "/") : rel;
}

// src/limits.ts
var INPUT_LIMITS = {
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
};
var MAX_SOURCE_BYTES = 64 * 1048576;
function formatSize(bytes) {
  let [unit, name] = bytes >= 1048576 ? [1048576, "MiB"] : bytes >= 1024 ? [1024, "KiB"] : [1, "bytes"];
  return bytes % unit === 0 ? `${bytes / unit} ${name}` : `${(Math.ceil(bytes / unit * 10) / 10).toFixed(1)} ${name}`;
}

// src/input-file.ts
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
var OUTSIDE_REPOSITORY = "it leads outside the repository through a symlink (set trust-repository-config to read it)", O_NONBLOCK = import_node_fs.default.constants.O_NONBLOCK ?? 0, O_NOFOLLOW = import_node_fs.default.constants.O_NOFOLLOW ?? 0, scratch = null;
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

// src/write-file.ts
var import_node_crypto = __module("node:crypto"), import_node_fs2 = __module("node:fs"), import_node_path3 = __module("node:path");
var { O_WRONLY, O_CREAT, O_EXCL, O_APPEND } = import_node_fs2.default.constants, O_NOFOLLOW2 = import_node_fs2.default.constants.O_NOFOLLOW ?? 0, O_NOCTTY = import_node_fs2.default.constants.O_NOCTTY ?? 0, O_DIRECTORY = import_node_fs2.default.constants.O_DIRECTORY ?? 0, BUFFER_BYTES = 1 << 20, PAUSE = new Int32Array(new SharedArrayBuffer(4));
function createExclusive(file, mode = 420) {
  return import_node_fs2.default.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW2, mode);
}
function writeAll(fd, data, write = (f, b, o, l) => import_node_fs2.default.writeSync(f, b, o, l)) {
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
function replaceCacheFile(file, data) {
  let dir = import_node_path3.default.dirname(file), tmp = import_node_path3.default.join(dir, temporaryName()), fd = null;
  try {
    import_node_fs2.default.mkdirSync(dir, { recursive: !0, mode: 448 }), fd = createExclusive(tmp, 384), writeAll(fd, data), import_node_fs2.default.closeSync(fd), fd = null, import_node_fs2.default.renameSync(tmp, file);
  } catch {
    fd !== null && closeQuietly(fd), removeQuietly(tmp);
  }
}
function temporaryName() {
  return `.rust-linkage-guard-${import_node_crypto.default.randomBytes(12).toString("hex")}.tmp`;
}
function closeQuietly(fd) {
  try {
    import_node_fs2.default.closeSync(fd);
  } catch {
  }
}
function removeQuietly(file) {
  try {
    import_node_fs2.default.unlinkSync(file);
  } catch {
  }
}

// src/cli/code-cache.ts
function codeCacheDirectory(env, platform) {
  return env.NODE_DISABLE_COMPILE_CACHE ? null : env.NODE_COMPILE_CACHE || userCacheDirectory(env, platform);
}
function codeCacheFile(directory, name, source, runtime) {
  let digest = import_node_crypto2.default.createHash("sha256").update(source).digest("hex").slice(0, 32);
  return import_node_path4.default.join(directory, `${name}-${runtime.node}-${runtime.arch}-${digest}.v8`);
}
var KIND_BYTE = { start: 1, analysis: 2 };
function parseCodeCache(bytes) {
  if (bytes === void 0 || bytes.length < 2) return;
  let kind = bytes[0] === KIND_BYTE.start ? "start" : bytes[0] === KIND_BYTE.analysis ? "analysis" : void 0;
  return kind === void 0 ? void 0 : { kind, data: bytes.subarray(1) };
}
function codeCacheBytes(kind, data) {
  return Buffer.concat([Buffer.of(KIND_BYTE[kind]), data]);
}
function readCodeCache(file) {
  try {
    return readInputBytes(file, "code-cache", { privateOnly: !0 });
  } catch {
    return;
  }
}
function runWithCodeCache(file, cache) {
  let bytes = import_node_fs3.default.readFileSync(file), cacheFile = cache.directory === null ? null : codeCacheFile(cache.directory, cache.name, bytes, { node: process.version, arch: process.arch }), source = bytes.toString("latin1"), cached = cacheFile === null ? void 0 : parseCodeCache(readCodeCache(cacheFile)), script = new import_node_vm.default.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
    filename: file,
    cachedData: cached?.data,
    // `import()` as in any CommonJS file (node 20.12 and later); esbuild leaves none in the bundle today.
    importModuleDynamically: import_node_vm.default.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  }), body = script.runInThisContext(), module2 = { exports: {} }, accepted = cached !== void 0 && script.cachedDataRejected !== !0;
  if (cacheFile !== null && !(accepted && cached.kind === "analysis")) {
    let atStart = accepted ? null : script.createCachedData(), probe = flagsProbe();
    process.once("exit", () => {
      try {
        let { analysedMetadata } = module2.exports.restoreStartFlags?.() ?? { analysedMetadata: !1 };
        analysedMetadata && flagsAsAtStart(probe) ? replaceCacheFile(cacheFile, codeCacheBytes("analysis", script.createCachedData())) : atStart !== null && replaceCacheFile(cacheFile, codeCacheBytes("start", atStart));
      } catch {
      }
    });
  }
  body(module2.exports, (0, import_node_module.createRequire)(file), module2, file, import_node_path4.default.dirname(file));
}
var PROBES = ['"V8 flags at start"', '"V8 flags at close"'];
function flagsProbe() {
  return new import_node_vm.default.Script(PROBES[0]).createCachedData();
}
function flagsAsAtStart(probe) {
  return new import_node_vm.default.Script(PROBES[1], { cachedData: probe }).cachedDataRejected === !1;
}

// src/index.ts
var hosted = process.env.RUNNER_ENVIRONMENT === "github-hosted";
runWithCodeCache(import_node_path5.default.join(__dirname, "main.js"), { name: "action", directory: hosted ? null : codeCacheDirectory(process.env, process.platform) });

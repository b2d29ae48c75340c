#!/usr/bin/env node

// src/cli/compile-cache.ts
import module from "node:module";

// src/exec/cache-dir.ts
import os from "node:os";
import path from "node:path";
function userCacheDirectory(env, platform) {
  if (platform === "win32") return env.LOCALAPPDATA ? path.win32.join(env.LOCALAPPDATA, "rust-linkage-guard") : null;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, "rust-linkage-guard");
  let home = env.HOME || os.homedir();
  return home ? path.join(home, ".cache", "rust-linkage-guard") : null;
}

// src/cli/compile-cache.ts
function enableCompileCache(env, platform) {
  let enable = module.enableCompileCache;
  if (typeof enable != "function" || env.NODE_DISABLE_COMPILE_CACHE) return;
  let directory = env.NODE_COMPILE_CACHE || userCacheDirectory(env, platform);
  if (directory !== null)
    try {
      enable(directory);
    } catch {
    }
}

// src/cli/index.ts
enableCompileCache(process.env, process.platform);
import("./main.js");

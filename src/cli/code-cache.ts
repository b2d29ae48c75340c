import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { userCacheDirectory } from '../exec/cache-dir.js'
import { readInputBytes } from '../input-file.js'
import { replaceCacheFile } from '../write-file.js'

/**
 * The runtime a code cache is made by, part of its name: V8 refuses another version's cache, so two node versions
 * sharing one file would take turns rewriting it.
 */
export interface Runtime {
  node: string
  arch: string
}

/**
 * Where the CLI keeps V8's code cache of itself: the directory `NODE_COMPILE_CACHE` names, else this user's own
 * cache directory (`userCacheDirectory`), never the shared temporary directory, where another user could plant
 * compiled code; none when `NODE_DISABLE_COMPILE_CACHE` is set. The same variables as node's own compile cache.
 */
export function codeCacheDirectory(env: Record<string, string | undefined>, platform: NodeJS.Platform): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null
  return env.NODE_COMPILE_CACHE || userCacheDirectory(env, platform)
}

/**
 * The cache file of this source on this runtime. V8 checks a cache against its own version and flags and the
 * source's length, not its content, so the name carries a digest of the content: a changed CLI never runs the
 * code of another.
 */
export function codeCacheFile(directory: string, source: Uint8Array, runtime: Runtime): string {
  const digest = crypto.createHash('sha256').update(source).digest('hex').slice(0, 32)
  return path.join(directory, `cli-${runtime.node}-${runtime.arch}-${digest}.v8`)
}

/**
 * The cache's bytes, or undefined when there is none to trust: not a regular file (a symlink is not followed),
 * too large, or, where files have owners, not this user's or writable by others (`readInputFile`'s `privateOnly`).
 */
export function readCodeCache(file: string): Buffer | undefined {
  try {
    return readInputBytes(file, 'code-cache', { privateOnly: true })
  } catch {
    return undefined
  }
}

/**
 * Runs the CLI's code, `file` (one CommonJS script, all ASCII), compiled with V8's code cache of it, and
 * writes that cache when there was none or V8 refused it (another node, other V8 flags). The cache is taken
 * right after compiling, as node's own compile cache does: V8 refuses a cache made after the run has changed
 * its flags (`v8-tuning.ts`). Node's compile cache (`module.enableCompileCache`, node 22.1 and later) is not
 * used: node 20 has none, and on node 24 this start is as fast (interleaved runs of `--version` and of the libra
 * snapshot).
 */
export function runWithCodeCache(file: string, env: Record<string, string | undefined>, runtime: Runtime): void {
  const bytes = fs.readFileSync(file)
  // Hashed as read: hashing the string would encode it back to bytes first (1.4 ms of a start).
  const directory = codeCacheDirectory(env, process.platform)
  const cacheFile = directory === null ? null : codeCacheFile(directory, bytes, runtime)
  // ASCII read as latin1: no UTF-8 decoding, and a one-byte string for V8 to scan.
  const source = bytes.toString('latin1')
  const cachedData = cacheFile === null ? undefined : readCodeCache(cacheFile)
  // Node's own CommonJS wrapper, on the first line so that line numbers stay those of the file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // `import()` as in any CommonJS file (node 20.12 and later); esbuild leaves none in the bundle today.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  const body = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void
  if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected === true)) replaceCacheFile(cacheFile, script.createCachedData())
  const module = { exports: {} }
  body(module.exports, createRequire(file), module, file, path.dirname(file))
}

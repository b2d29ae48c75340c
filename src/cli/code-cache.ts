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
 * Where the CLI and the action keep V8's code cache of their code: the directory `NODE_COMPILE_CACHE` names, else
 * this user's own cache directory (`userCacheDirectory`), never the shared temporary directory, where another user
 * could plant compiled code; none when `NODE_DISABLE_COMPILE_CACHE` is set. The same variables as node's own
 * compile cache.
 */
export function codeCacheDirectory(env: Record<string, string | undefined>, platform: NodeJS.Platform): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null
  return env.NODE_COMPILE_CACHE || userCacheDirectory(env, platform)
}

/**
 * The cache file of this source on this runtime, for the entry `name` (`cli`, `action`). V8 checks a cache against
 * its own version and flags and the source's length, not its content, so the name carries a digest of the
 * content: a changed build never runs the code of another.
 */
export function codeCacheFile(directory: string, name: string, source: Uint8Array, runtime: Runtime): string {
  const digest = crypto.createHash('sha256').update(source).digest('hex').slice(0, 32)
  return path.join(directory, `${name}-${runtime.node}-${runtime.arch}-${digest}.v8`)
}

/**
 * What a cache file holds: one byte that says when the code cache was made, then V8's data. A start compiles
 * only the CLI's top level; the functions a run calls are compiled as it calls them, and a cache made as an
 * analysis ends holds them too (487 against 180 KB): the libra snapshot took 354 against 370 ms with one, the
 * two-crate example 259 against 268 ms (medians of 21 interleaved runs, node 20).
 */
export type CodeCacheKind = 'start' | 'analysis'

const KIND_BYTE: Record<CodeCacheKind, number> = { start: 1, analysis: 2 }

/** A cache file's kind and V8's data, or undefined for bytes that are not a cache file this CLI wrote. */
export function parseCodeCache(bytes: Buffer | undefined): { kind: CodeCacheKind; data: Buffer } | undefined {
  if (bytes === undefined || bytes.length < 2) return undefined
  const kind = bytes[0] === KIND_BYTE.start ? 'start' : bytes[0] === KIND_BYTE.analysis ? 'analysis' : undefined
  return kind === undefined ? undefined : { kind, data: bytes.subarray(1) }
}

function codeCacheBytes(kind: CodeCacheKind, data: Buffer): Buffer {
  return Buffer.concat([Buffer.of(KIND_BYTE[kind]), data])
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

/** What the code an entry runs exports for it (`cli/main.ts`, `action.ts`). */
interface EntryExports {
  restoreStartFlags?: () => { analysedMetadata: boolean }
}

/**
 * Runs an entry's code, `file` (one CommonJS script, all ASCII), compiled with V8's code cache of it, kept in
 * `cache.directory` (none: compiled as node compiles any script) under the entry's name. Node's compile cache
 * (`module.enableCompileCache`, node 22.1 and later) is not used: node 20 has none, and on node 24 this start is
 * as fast (interleaved runs of `--version` and of the libra snapshot).
 *
 * The cache is written as the process exits, when there was none, V8 refused it (another node, other V8 flags),
 * or it holds less than this run compiled: made after an analysis, with V8's flags as they were at start
 * (`restoreStartFlags`), else as it was made right after compiling. V8 refuses a cache made under other flags,
 * so one made after an analysis is written only once a probe made at start is accepted under the flags restored.
 */
export function runWithCodeCache(file: string, cache: { name: string; directory: string | null }): void {
  const bytes = fs.readFileSync(file)
  // Hashed as read: hashing the string would encode it back to bytes first (1.4 ms of a start).
  const cacheFile = cache.directory === null ? null : codeCacheFile(cache.directory, cache.name, bytes, { node: process.version, arch: process.arch })
  // ASCII read as latin1: no UTF-8 decoding, and a one-byte string for V8 to scan.
  const source = bytes.toString('latin1')
  const cached = cacheFile === null ? undefined : parseCodeCache(readCodeCache(cacheFile))
  // Node's own CommonJS wrapper, on the first line so that line numbers stay those of the file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: cached?.data,
    // `import()` as in any CommonJS file (node 20.12 and later); esbuild leaves none in the bundle today.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  const body = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void
  const module: { exports: EntryExports } = { exports: {} }
  const accepted = cached !== undefined && script.cachedDataRejected !== true
  if (cacheFile !== null && !(accepted && cached.kind === 'analysis')) {
    const atStart = accepted ? null : script.createCachedData()
    const probe = flagsProbe()
    process.once('exit', () => {
      // A cache that cannot be made or written is none: it never changes how the run ends.
      try {
        const { analysedMetadata } = module.exports.restoreStartFlags?.() ?? { analysedMetadata: false }
        if (analysedMetadata && flagsAsAtStart(probe)) replaceCacheFile(cacheFile, codeCacheBytes('analysis', script.createCachedData()))
        else if (atStart !== null) replaceCacheFile(cacheFile, codeCacheBytes('start', atStart))
      } catch {
        // Nothing to undo: `replaceCacheFile` leaves no partial file.
      }
    })
  }
  body(module.exports, createRequire(file), module, file, path.dirname(file))
}

/**
 * Two scripts of the same length. V8 checks a cache's source by its length only, so the second, never compiled
 * before in the process, consumes the first one's data.
 */
const PROBES = ['"V8 flags at start"', '"V8 flags at close"'] as const

/** V8's data for a tiny script, made under the flags of this moment: V8 accepts it only under the same flags. */
function flagsProbe(): Buffer {
  return new vm.Script(PROBES[0]).createCachedData()
}

/** Whether V8's flags are what they were when `probe` was made. */
function flagsAsAtStart(probe: Buffer): boolean {
  return new vm.Script(PROBES[1], { cachedData: probe }).cachedDataRejected === false
}

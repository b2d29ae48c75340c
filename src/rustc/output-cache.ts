/**
 * rustc's answers kept between runs, as cargo keeps its own (`Cache` in `src/util/rustc.rs`, the
 * `.rustc_info.json` of the build directory): the output of each successful `rustc -vV` and `rustc --print`
 * call, keyed by a fingerprint of the compiler (`rustc_fingerprint` there), the call's arguments, its
 * environment and its standard input (`process_fingerprint`). A failed call is never kept: it runs again, and
 * says what is wrong. This module is the document and its keys; `gather/rustc-cache.ts` reads and writes it.
 */
import { createHash } from 'node:crypto'
import { isJsonObject } from '../json.js'

export const RUSTC_OUTPUT_CACHE_VERSION = 1

/** The most answers kept, the most recently used: a few toolchains × targets × sets of flags. */
export const MAX_CACHED_OUTPUTS = 64

/** The most one answer may hold, stdout and stderr together: `--print=cfg` is the largest, a few KB. */
export const MAX_CACHED_OUTPUT_CHARS = 64 * 1024

export interface CachedOutput {
  stdout: string
  stderr: string
}

/** The kept answers by key, the most recently used last. */
export type RustcOutputs = Map<string, CachedOutput>

const KEY = /^[0-9a-f]{64}$/

/**
 * The key of one call: everything its answer depends on besides the compiler's files, which `compiler`
 * fingerprints. The working directory is left out: the calls kept read no file relative to it (the caller
 * keeps none that could, see `gather/rustc-cache.ts`).
 */
export function outputKey(compiler: string, args: readonly string[], env: Readonly<Record<string, string>>, input: string | null): string {
  const entries = Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify([RUSTC_OUTPUT_CACHE_VERSION, compiler, args, entries, input])).digest('hex')
}

/** The answers in a cache file's text; none when it is not one this version wrote (it is then rewritten). */
export function parseRustcOutputs(text: string): RustcOutputs {
  const outputs: RustcOutputs = new Map()
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return outputs
  }
  if (!isJsonObject(document) || document.version !== RUSTC_OUTPUT_CACHE_VERSION || !Array.isArray(document.outputs)) return outputs
  for (const entry of document.outputs.slice(-MAX_CACHED_OUTPUTS)) {
    if (!isJsonObject(entry) || typeof entry.key !== 'string' || !KEY.test(entry.key)) return new Map()
    const { stdout, stderr } = entry
    if (typeof stdout !== 'string' || typeof stderr !== 'string' || stdout.length + stderr.length > MAX_CACHED_OUTPUT_CHARS) return new Map()
    outputs.set(entry.key, { stdout, stderr })
  }
  return outputs
}

export function serializeRustcOutputs(outputs: RustcOutputs): string {
  const entries = [...outputs].map(([key, { stdout, stderr }]) => ({ key, stdout, stderr }))
  return `${JSON.stringify({ version: RUSTC_OUTPUT_CACHE_VERSION, outputs: entries })}\n`
}

/** Looks an answer up and marks it the most recently used. */
export function recall(outputs: RustcOutputs, key: string): CachedOutput | undefined {
  const output = outputs.get(key)
  if (output !== undefined) {
    outputs.delete(key)
    outputs.set(key, output)
  }
  return output
}

/** Keeps an answer, unless it is too large to keep; the least recently used go past `MAX_CACHED_OUTPUTS`. */
export function remember(outputs: RustcOutputs, key: string, output: CachedOutput): boolean {
  if (output.stdout.length + output.stderr.length > MAX_CACHED_OUTPUT_CHARS) return false
  outputs.delete(key)
  outputs.set(key, { stdout: output.stdout, stderr: output.stderr })
  for (const oldest of outputs.keys()) {
    if (outputs.size <= MAX_CACHED_OUTPUTS) break
    outputs.delete(oldest)
  }
  return true
}

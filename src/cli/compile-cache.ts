import module from 'node:module'
import os from 'node:os'
import path from 'node:path'

type EnableCompileCache = (directory?: string) => unknown

/**
 * Turns on Node's compile cache where the runtime has it (`module.enableCompileCache`, node 22.1 and later;
 * on node 20 nothing happens), in a directory of this user's own: `$XDG_CACHE_HOME/rust-linkage-guard`,
 * else `~/.cache/rust-linkage-guard`, on Windows `%LOCALAPPDATA%\rust-linkage-guard`. Not node's default
 * under the shared temporary directory, where another user could plant compiled code. A `NODE_COMPILE_CACHE`
 * the user set is used instead, and `NODE_DISABLE_COMPILE_CACHE` turns the cache off, as for node itself.
 */
export function enableCompileCache(env: Record<string, string | undefined>, platform: NodeJS.Platform): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache
  if (typeof enable !== 'function' || env.NODE_DISABLE_COMPILE_CACHE) return
  const directory = env.NODE_COMPILE_CACHE || compileCacheDirectory(env, platform)
  if (directory === null) return
  try {
    enable(directory)
  } catch {
    // A cache that cannot be made costs the next start its compile, nothing else.
  }
}

/** Where this user's cache lives, or null when no directory of theirs is known. */
export function compileCacheDirectory(env: Record<string, string | undefined>, platform: NodeJS.Platform): string | null {
  if (platform === 'win32') return env.LOCALAPPDATA ? path.win32.join(env.LOCALAPPDATA, 'rust-linkage-guard') : null
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'rust-linkage-guard')
  const home = env.HOME || os.homedir()
  return home ? path.join(home, '.cache', 'rust-linkage-guard') : null
}

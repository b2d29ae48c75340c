import module from 'node:module'
import { userCacheDirectory } from '../exec/cache-dir.js'

type EnableCompileCache = (directory?: string) => unknown

/**
 * Turns on Node's compile cache where the runtime has it (`module.enableCompileCache`, node 22.1 and later;
 * on node 20 nothing happens), in this user's own cache directory (`userCacheDirectory`), not node's default
 * under the shared temporary directory, where another user could plant compiled code. A `NODE_COMPILE_CACHE`
 * the user set is used instead, and `NODE_DISABLE_COMPILE_CACHE` turns the cache off, as for node itself.
 */
export function enableCompileCache(env: Record<string, string | undefined>, platform: NodeJS.Platform): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache
  if (typeof enable !== 'function' || env.NODE_DISABLE_COMPILE_CACHE) return
  const directory = env.NODE_COMPILE_CACHE || userCacheDirectory(env, platform)
  if (directory === null) return
  try {
    enable(directory)
  } catch {
    // A cache that cannot be made costs the next start its compile, nothing else.
  }
}

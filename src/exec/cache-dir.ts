import os from 'node:os'
import path from 'node:path'

/**
 * This user's own cache directory for the program, or null when no directory of theirs is known:
 * `$XDG_CACHE_HOME/rust-linkage-guard` (an absolute one; a relative one is invalid by the XDG specification),
 * else `~/.cache/rust-linkage-guard`, on Windows `%LOCALAPPDATA%\rust-linkage-guard`. Never the shared temporary
 * directory, where another user of the machine could plant what is read back.
 */
export function userCacheDirectory(env: Record<string, string | undefined>, platform: NodeJS.Platform): string | null {
  if (platform === 'win32') return env.LOCALAPPDATA ? path.win32.join(env.LOCALAPPDATA, 'rust-linkage-guard') : null
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'rust-linkage-guard')
  const home = env.HOME || os.homedir()
  return home ? path.join(home, '.cache', 'rust-linkage-guard') : null
}

import path from 'node:path'
import { libraryPathVariable, loaderFamily } from '../model/platform.js'
import type { TargetInfo } from '../model/target-info.js'

/**
 * The directories the environment puts on the host's library path, absolute (relative entries against `cwd`,
 * where cargo would run), empty entries dropped: cargo appends them to its own when it runs tests and doc tests
 * (cargo-util `paths::dylib_path`, read by `Compilation::fill_env`).
 */
export function inheritedLibraryPath(env: Record<string, string | undefined>, host: TargetInfo, cwd: string): string[] {
  const family = loaderFamily(host)
  if (family === 'wasm' || family === 'unmodelled') return []
  const value = env[libraryPathVariable(family)]
  if (!value) return []
  return value
    .split(path.delimiter)
    .filter(entry => entry !== '')
    .map(entry => path.resolve(cwd, entry))
}

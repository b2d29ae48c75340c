/**
 * Keeps rustc's answers between runs in the user's cache directory (`rustc/output-cache.ts`), so that a run
 * after the first starts no rustc: each start costs the process 8–15 ms of its main thread (node forks it).
 */
import fs from 'node:fs'
import path from 'node:path'
import { userCacheDirectory } from '../exec/cache-dir.js'
import type { CommandRunner } from '../exec/runner.js'
import { readInputFile } from '../input-file.js'
import { outputKey, parseRustcOutputs, recall, remember, type RustcOutputs, serializeRustcOutputs } from '../rustc/output-cache.js'
import { replaceCacheFile } from '../write-file.js'
import { cargoHomeOf } from './cargo-config.js'
import { findOnPath } from './toolchain.js'

/** The cache file in the user's cache directory. */
export const RUSTC_CACHE_FILE = 'rustc-outputs.json'

/**
 * `runner`, answering the calls of `rustc` from the cache in `env`'s user cache directory when it can, and
 * keeping each new successful answer there. Every other program runs as before, and so does `rustc` when it
 * cannot be fingerprinted (`compilerFingerprint`) or there is no cache directory. Only for calls whose answer
 * does not depend on the working directory: the caller does not use it for a trusted repository, where
 * rustc runs in the checkout with flags that may name files.
 */
export function withRustcCache(runner: CommandRunner, rustc: string, env: Record<string, string | undefined>, childPath: string | undefined): CommandRunner {
  const dir = userCacheDirectory(env, process.platform)
  const compiler = dir === null ? null : compilerFingerprint(rustc, childPath, env)
  if (dir === null || compiler === null) return runner
  const file = path.join(dir, RUSTC_CACHE_FILE)
  let outputs: RustcOutputs | null = null
  return {
    async run(command, args, options = {}) {
      if (command !== rustc) return runner.run(command, args, options)
      outputs ??= readOutputs(file)
      const key = outputKey(`${compiler.identity}\0${targetSpecIdentity(compiler.file, args)}`, args, options.env ?? {}, options.input ?? null)
      const kept = recall(outputs, key)
      if (kept !== undefined) return { exitCode: 0, stdout: kept.stdout, stderr: kept.stderr }
      const result = await runner.run(command, args, options)
      if (result.exitCode === 0 && remember(outputs, key, result)) replaceCacheFile(file, Buffer.from(serializeRustcOutputs(outputs)))
      return result
    }
  }
}

/**
 * What identifies the compiler `rustc` names, as cargo's `rustc_fingerprint` does: its real path, device,
 * inode, size, modification and change times (a new toolchain is a new file; `ctime` changes with any write
 * or rename, and no one can set it). Null — nothing cached — for a program rustup runs (a proxy chooses its
 * compiler by rustup's settings, which its file does not show), a relative path, a name `PATH` does not
 * settle, and on Windows a name without its directory.
 */
export function compilerFingerprint(rustc: string, childPath: string | undefined, env: Record<string, string | undefined>): { file: string; identity: string } | null {
  const named = path.isAbsolute(rustc) ? rustc : process.platform === 'win32' || rustc.includes('/') ? null : findOnPath(rustc, childPath)
  if (named === null) return null
  let real: string
  let stat: fs.BigIntStats
  try {
    real = fs.realpathSync(named)
    stat = fs.statSync(real, { bigint: true })
  } catch {
    return null
  }
  if (!stat.isFile() || isRustupProgram(real, stat, childPath, env)) return null
  return { file: real, identity: `${real}\0${fileIdentity(stat)}` }
}

/**
 * Whether `real` is rustup itself (its proxies are hard links or copies of it): by name, or the same file or
 * size as the `rustup` on `PATH` or in cargo's home.
 */
function isRustupProgram(real: string, stat: fs.BigIntStats, childPath: string | undefined, env: Record<string, string | undefined>): boolean {
  if (/^rustup(-init)?(\.exe)?$/i.test(path.basename(real))) return true
  const exe = process.platform === 'win32' ? '.exe' : ''
  for (const rustup of [findOnPath(`rustup${exe}`, childPath), path.join(cargoHomeOf(env), 'bin', `rustup${exe}`)]) {
    if (rustup === null) continue
    try {
      const other = fs.statSync(rustup, { bigint: true })
      if ((other.dev === stat.dev && other.ino === stat.ino) || other.size === stat.size) return true
    } catch {
      // No rustup there.
    }
  }
  return false
}

/**
 * rustc takes a target it does not know from `<sysroot>/lib/rustlib/<target>/target.json` (`Target::search`
 * in `rustc_target::spec`), a file its own does not fingerprint: the call's key includes that file, or its
 * absence. (Target names that are paths or `.json` files, and `RUST_TARGET_PATH`, never reach an untrusted
 * probe.) The sysroot is taken to be the compiler's directory's parent, as rustup and distributions lay it out.
 */
function targetSpecIdentity(compiler: string, args: readonly string[]): string {
  const at = args.indexOf('--target')
  const target = at < 0 ? undefined : args[at + 1]
  if (target === undefined) return ''
  const sysroot = path.dirname(path.dirname(compiler))
  try {
    return fileIdentity(fs.statSync(path.join(sysroot, 'lib', 'rustlib', target, 'target.json'), { bigint: true }))
  } catch {
    return 'none'
  }
}

/** A file as it is now: device, inode, size, modification and change times (the last no one can set). */
function fileIdentity(stat: fs.BigIntStats): string {
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join('\0')
}

function readOutputs(file: string): RustcOutputs {
  try {
    return parseRustcOutputs(readInputFile(file, 'rustc-cache', { privateOnly: true }))
  } catch {
    // Missing, unreadable, too large, not a regular file, a symlink, or writable by someone else: written anew.
    return new Map()
  }
}


/**
 * Whether a rustup toolchain can build for a target here, for the suites that build with Debian's compiler
 * and cross toolchains. `.ci/run` installs those while the other suites run and names, in
 * `RLG_CROSS_TOOLCHAINS_DONE`, a file it writes once the installation has ended: the first caller waits for
 * that file (at most ten minutes), so that no suite decides too early that a toolchain is missing.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { waitForDoneFile } from './done-file.js'

/**
 * Why `toolchain` (null: the default one) cannot build for `target` (null: the host) with `programs` beside it,
 * or null when it can.
 */
export function crossToolchainMissing(toolchain: string | null, target: string | null, programs: readonly string[] = []): string | null {
  waitForDoneFile('RLG_CROSS_TOOLCHAINS_DONE', 600_000)
  const env = toolchain === null ? process.env : { ...process.env, RUSTUP_TOOLCHAIN: toolchain }
  const which = toolchain === null ? 'the default toolchain' : `the toolchain \`${toolchain}\``
  const libdir = spawnSync('rustc', ['--print', 'target-libdir', ...(target === null ? [] : ['--target', target])], { env, encoding: 'utf8' })
  if (libdir.status !== 0) return toolchain === null ? 'rustc is not installed' : `the rustup toolchain \`${toolchain}\` is not installed (rustup toolchain link ${toolchain} /usr)`
  let entries: string[] = []
  try {
    entries = fs.readdirSync(libdir.stdout.trim())
  } catch {
    // No library directory: no standard library either.
  }
  if (!entries.some(e => /^libstd-[0-9a-f]+\.rlib$/.test(e))) return `${which} has no standard library for ${target ?? 'the host'} (${libdir.stdout.trim()} holds no libstd-*.rlib)`
  for (const program of programs) {
    if (spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program]).status !== 0) return `\`${program}\` is not installed`
  }
  return null
}

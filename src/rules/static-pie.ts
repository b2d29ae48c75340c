/**
 * `static-pie-rpath`: executables that crash before `main` because they are static-pie and have a run
 * path (see linkage/static-pie.ts for the conditions and their sources).
 */
import type { Locator } from '../findings/finding.js'
import type { LinkageResult } from '../linkage/resolve.js'
import { staticPieWithRunPath } from '../linkage/static-pie.js'
import { base, describeUnit, type Draft } from './context.js'

/** @param harnessRunner the command that runs test harnesses, as `harnessRunner` names it. */
export function staticPieFindings(linkage: LinkageResult, locator: Locator, harnessRunner: string): Draft[] {
  const out: Draft[] = []
  for (const result of linkage.results) {
    const unit = result.unit
    const what = result.status === 'ok' ? staticPieWithRunPath(unit) : null
    if (what === null) continue
    const outcome =
      what === 'build-script'
        ? 'cargo fails running it ("failed to run custom build command", SIGSEGV) and nothing that waits for it is built'
        : what === 'test-harness'
          ? `${harnessRunner} fails on it with SIGSEGV`
          : 'it dies with SIGSEGV before `main`, under `cargo run` as well as started directly'
    // `+crt-static` from the environment has no line to point at; from a config file it does.
    const source = unit.targetInfo.rustflagsSource
    const fromEnv = source !== null && 'env' in source ? ` from \`${source.env}\`` : ''
    const flags = source !== null && !('env' in source) ? locator.setting('rustflags', unit) : null
    out.push({
      ...base(unit, 'static-pie-rpath', 'bin'),
      crates: [],
      message:
        `${describeUnit(unit)} is linked as a static-pie executable (\`-C target-feature=+crt-static\`${fromEnv}) with a run path (\`rpath = true\`): ` +
        `glibc's start-up code for static-pie executables requires that there be no RUNPATH, so ${outcome}.`,
      fixes: [
        'Or link it as a non-PIE static executable: add `-C relocation-model=static` next to `+crt-static`.',
        ...(what === 'build-script' ? ['Or pass `--target <triple>`: `RUSTFLAGS` then stop applying to build scripts, and only the target\'s executables are linked statically.'] : [])
      ],
      ...locator.setting('rpath', unit),
      ...(flags !== null ? { related: [{ file: flags.file, line: flags.line, message: '`+crt-static`' }] } : {})
    })
  }
  return out
}

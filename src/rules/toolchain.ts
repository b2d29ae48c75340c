import type { Location } from '../findings/finding.js'
import { pluginSystem } from '../linkage/boundaries.js'
import { crateName } from '../linkage/resolve.js'
import type { Package } from '../model/metadata.js'
import type { RustcVersion } from '../model/target-info.js'
import type { ToolchainPin } from '../model/toolchain-pin.js'
import { listCrates } from '../text.js'
import { compareToolchain, pinForChannel } from '../toolchain/pin.js'
import type { Draft, RuleContext } from './context.js'
import { publishedDylibs } from './publish.js'
import { ruleInfo } from './registry.js'

/** `toolchain-unpinned` and `toolchain-mismatch`: findings about the workspace, not one artifact. */
export function toolchainFindings(ctx: RuleContext): Draft[] {
  return [...unpinnedFindings(ctx), ...mismatchFindings(ctx), ...rustVersionFindings(ctx), ...targetFindings(ctx)]
}

/** A Rust `dylib` of the workspace that code built by another cargo invocation uses. */
interface Crossing {
  pkg: Package
  /** The crate name of its library. */
  crate: string
  why: 'loaded' | 'published'
}

/**
 * The Rust dylibs that cross a build boundary, where nothing makes both sides come from the same compiler:
 * (a) a member `dylib` no other package of the build links, next to an executable of the workspace that loads
 * libraries at run time (a loader crate, or `dlopen` in its sources) — it is only loaded, and rebuilt on its
 * own; (b) a member library that `published-dylib` reports — a Rust `dylib` without an rlib, meant for
 * other projects — whose users build their side with their own compiler. A dylib linked by the
 * executables it is built with, and `-C prefer-dynamic`, are not: one cargo invocation uses one compiler for
 * both sides, and rustc refuses a dylib from another (E0514).
 */
function buildBoundaryCrossings(ctx: RuleContext): Crossing[] {
  const out: Crossing[] = []
  const system = pluginSystem(ctx.graph, ctx.metadata, ctx.facts.loadsLibraries)
  for (const unit of system?.dylibs ?? []) {
    if (!out.some(c => c.pkg === unit.pkg)) out.push({ pkg: unit.pkg, crate: crateName(unit), why: 'loaded' })
  }
  for (const pkg of publishedDylibs(ctx.metadata)) {
    if (!out.some(c => c.pkg === pkg)) out.push({ pkg, crate: pkg.targets.find(t => t.kind === 'lib')!.name.replace(/-/g, '_'), why: 'published' })
  }
  return out
}

/** `toolchain-unpinned`: a Rust dylib crosses a build boundary, and no exact compiler is pinned. */
function unpinnedFindings(ctx: RuleContext): Draft[] {
  const { pin, expectedToolchain } = ctx.facts
  if (expectedToolchain !== null || (pin !== null && pin.kind !== 'floating')) return []
  const crossings = buildBoundaryCrossings(ctx)
  if (crossings.length === 0) return []
  const first = crossings[0]!
  const location: Location = pin !== null ? ctx.locator.file(pin.file, pin.line) : ctx.locator.manifestKey(first.pkg, ['lib', 'crate-type'], ['lib', 'crate_type'], ['lib'])
  const floating = pin !== null ? `\`${pin.file.split(/[\\/]/).pop()}\` names \`${pin.channel ?? 'no channel'}\`, which moves with every release` : 'no `rust-toolchain.toml` or `rust-toolchain` file pins the compiler'
  const loaded = crossings.filter(c => c.why === 'loaded').map(c => c.crate)
  const published = crossings.filter(c => c.why === 'published').map(c => c.crate)
  const parts: string[] = []
  if (loaded.length > 0) parts.push(`dylib ${listCrates(loaded, 3)} ${loaded.length === 1 ? 'is' : 'are'} loaded at run time, not linked, so ${loaded.length === 1 ? 'it is' : 'they are'} rebuilt and shipped apart from the executable that loads ${loaded.length === 1 ? 'it' : 'them'}`)
  if (published.length > 0) parts.push(`dylib ${listCrates(published, 3)} ${published.length === 1 ? 'is' : 'are'} published for other projects, which build their side with their own compiler`)
  return [
    {
      rule: 'toolchain-unpinned',
      severity: ruleInfo('toolchain-unpinned').severity,
      crates: crossings.map(c => c.crate),
      message: `A Rust dylib crosses a build boundary (${parts.join('; ')}), but ${floating}. Rust has no stable ABI: a dylib works only with code from the very same compiler build, and nothing checks that when it is loaded, so a dylib built with one toolchain and a host built with another fail with E0514 or "undefined symbol", or crash.`,
      fixes: [
        `Pin the exact compiler in \`rust-toolchain.toml\`: \`[toolchain]\` then \`channel = "${suggestedChannel(ctx.build.rustc)}"\`.`,
        'Or set `exact-toolchain` in `.github/rust-linkage.toml` if the toolchain is chosen elsewhere (a CI image, `dtolnay/rust-toolchain@1.95.0`).'
      ],
      ...location
    }
  ]
}

/** The channel that names the compiler in use: its release, or for a nightly the dated nightly it came from. */
function suggestedChannel(rustc: RustcVersion): string {
  if (!rustc.release.endsWith('-nightly') || rustc.commitDate === null) return rustc.release
  const next = new Date(`${rustc.commitDate}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return `nightly-${next.toISOString().slice(0, 10)}`
}

function mismatchFindings(ctx: RuleContext): Draft[] {
  const { pin, expectedToolchain } = ctx.facts
  const expected: ToolchainPin | null = expectedToolchain !== null ? pinForChannel(expectedToolchain.channel, expectedToolchain.file, expectedToolchain.line) : pin
  if (expected === null) return []
  const { verdict, reason } = compareToolchain(expected, ctx.build.rustc)
  if (verdict !== 'mismatch') return []
  const source = expectedToolchain !== null ? '`exact-toolchain` in the policy file' : `\`${expected.file.split(/[\\/]/).pop()}\``
  return [
    {
      rule: 'toolchain-mismatch',
      severity: ruleInfo('toolchain-mismatch').severity,
      crates: [expected.channel ?? expected.path ?? ''],
      message: `The compiler in use is not the one ${source} requires (${reason}): what this run predicts, and what it builds, is not what the pinned toolchain would do, and Rust dylibs or plugins built with the pinned toolchain cannot be mixed with this one.`,
      fixes: [
        `Install and select the pinned toolchain before this step (for example \`rustup toolchain install ${expected.channel ?? '<channel>'}\`, or the action's \`rust-toolchain\` input).`,
        'Or update the pin to the toolchain you mean to use.'
      ],
      ...ctx.locator.file(expected.file, expected.line)
    }
  ]
}

function rustVersionFindings(ctx: RuleContext): Draft[] {
  const runner = parseRelease(ctx.build.rustc.release)
  if (runner === null) return []
  const out: Draft[] = []
  const packages = new Map(ctx.graph.units.filter(u => u.pkg.source === null).map(u => [u.pkg.id, u.pkg]))
  for (const pkg of packages.values()) {
    const wanted = pkg.rustVersion === null ? null : parseRelease(pkg.rustVersion)
    if (wanted === null || compareRelease(wanted, runner) <= 0) continue
    out.push({
      rule: 'toolchain-mismatch',
      severity: ruleInfo('toolchain-mismatch').severity,
      package: pkg.name,
      crates: [pkg.name],
      message: `\`${pkg.name}\` declares \`rust-version = "${pkg.rustVersion}"\`, newer than the compiler in use (rustc ${ctx.build.rustc.release}): cargo refuses to build it ("${pkg.name}@${pkg.version} requires rustc ${pkg.rustVersion}").`,
      fixes: [`Use rustc ${pkg.rustVersion} or newer (pin it in \`rust-toolchain.toml\`).`, 'Or lower `rust-version` if the package does not need the newer compiler.'],
      ...ctx.locator.manifestKey(pkg, ['package', 'rust-version'], ['package', 'rust_version'], ['package'])
    })
  }
  return out
}

function targetFindings(ctx: RuleContext): Draft[] {
  const target = ctx.build.target
  if (target.stdInstalled) return []
  const { pin, targetSource } = ctx.facts
  const location: Location =
    targetSource !== null && 'file' in targetSource
      ? ctx.locator.file(targetSource.file, targetSource.line)
      : pin !== null && pin.targetsLine !== null
        ? ctx.locator.file(pin.file, pin.targetsLine)
        : ctx.locator.file(`${ctx.metadata.workspaceRoot}/Cargo.toml`, 1)
  return [
    {
      rule: 'toolchain-mismatch',
      severity: ruleInfo('toolchain-mismatch').severity,
      crates: [target.triple],
      message: `The target \`${target.triple}\` has no standard library in this toolchain (\`${target.targetLibdir}\` holds no \`libstd\`): every crate fails with "error[E0463]: can't find crate for \`std\`".`,
      fixes: [
        `Install it: \`rustup target add ${target.triple}\`, or list it under \`targets\` in \`rust-toolchain.toml\` so rustup installs it with the toolchain.`,
        'Or build for a target this toolchain has.'
      ],
      ...location
    }
  ]
}

interface Release {
  major: number
  minor: number
  patch: number
}

/** `1.95.0`, `1.95`, `1.97.0-nightly` → numbers; pre-release suffixes are ignored. */
function parseRelease(text: string): Release | null {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim())
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) } : null
}

function compareRelease(a: Release, b: Release): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

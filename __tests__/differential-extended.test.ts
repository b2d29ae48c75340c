/**
 * The engine against the real compiler on a fixed subset of the categories beyond `linkage`
 * (see __tests__/differential/categories.ts): a few generated workspaces per category, each built
 * with its own cargo invocations (feature flags, package and target selection, `--target`,
 * rustflags from the environment and from `.cargo/config.toml`, `--release` and a custom `--profile`,
 * `cargo test --no-run`, `cargo bench --no-run` and the target tables' `bench` and `required-features`), in fresh target directories under the system temporary directory (removed
 * afterwards). Two builds run at once.
 */
import { describe, expect, it } from '@jest/globals'
import { type ChosenWorkspace, formatMismatchesByCase, runDifferential } from '../scripts/differential.js'

/**
 * Workspaces and invocations chosen from `scripts/differential.ts` runs for what they reach, among
 * those where the engine agrees with cargo; `describeWorkspace` shows each in full.
 */
const WORKSPACES: readonly ChosenWorkspace[] = [
  // A feature of l2 links the cdylib+rlib l1 into the dylib l2 when app3 (or `--features`) asks for it.
  { category: 'features-members', seed: 565338531, invocations: ['workspace', 'p-app4', 'p-app4-features-l2-plugin'] },
  // Resolver 1: l3 turns on l2's `dyn` (a staticlib+rlib) for everyone; app5 only with its own feature.
  { category: 'features-members', seed: 905692673, invocations: ['p-app5-features-dyn', 'workspace-no-default-features'] },
  // Default features of a proc-macro dependency, switched off with `default-features = false`, back on by `l1/fast`.
  { category: 'features-defaults', seed: 1249341866, invocations: ['p-app3-no-default-features', 'p-app3-features-turbo', 'p-app4-no-default-features'] },
  // A dylib feature asked for only by a dev- and a build-dependency (resolver 2): linked by tests only.
  { category: 'features-kinds', seed: 17943985, invocations: ['workspace', 'workspace-tests', 'test-workspace'] },
  // A proc-macro's test harness is a host unit (`CompileKind::for_target`), with duplicate std under --workspace.
  { category: 'features-kinds', seed: 204791040, invocations: ['workspace-tests', 'test-workspace'] },
  // No resolver key (resolver 1): a cfg(windows) dependency's feature is still unified on this host.
  { category: 'features-kinds', seed: 979665273, invocations: ['p-app2', 'p-app2-tests'] },
  // A library's dev-dependency turns on l1's `dyn` (the dylib l0): under `-p app3` it is not the resolve's root, so
  // cargo leaves its dev-dependencies out, with resolver 1 (no key) as with `--tests`.
  { category: 'features-kinds', seed: 4, invocations: ['p-app3', 'p-app3-tests', 'workspace-tests'] },
  // default-members with two proc-macros; --exclude; --target with RUSTFLAGS, which then skip host units.
  { category: 'selection', seed: 1027161176, invocations: ['default', 'workspace-exclude-l3', 'workspace-target-prefer-dynamic'] },
  // [build] rustflags prefer-dynamic; RUSTFLAGS="" turns them off; CARGO_ENCODED_RUSTFLAGS; --target.
  { category: 'rustflags', seed: 1140165105, invocations: ['workspace', 'rustflags-empty', 'encoded-rustflags'] },
  // +crt-static from the config: the static bin builds, RUSTFLAGS overrides the config.
  { category: 'rustflags', seed: 2103546817, invocations: ['rustflags-env', 'p-app5'] },
  // A cdylib example, integration tests, `cargo test --no-run`.
  { category: 'targets', seed: 23348669, invocations: ['workspace-examples', 'test-workspace'] },
  // An integration test that names nothing does not load its package's rlib, nor the dylib below it.
  { category: 'targets', seed: 286245096, invocations: ['workspace-tests'] },
  // dylib examples and a bench without harness over a dylib+rlib.
  { category: 'targets', seed: 1294871690, invocations: ['workspace-all-targets', 'workspace-benches'] },
  // Unnamed cdylib- and staticlib-only dependencies, and an unnamed dylib under a proc-macro.
  { category: 'unused', seed: 409722075, invocations: ['workspace-tests'] },
  { category: 'unused', seed: 1135522287, invocations: ['workspace', 'p-app5', 'prefer-dynamic'] },
  // Two rlibs named `dup` in one bin; `-p dup@0.2.0`.
  { category: 'versions', seed: 1889298832, invocations: ['workspace', 'p-dup-0.2.0', 'prefer-dynamic'] },
  // The release profile's panic=abort fails the non-primary dylib l5 (-C prefer-dynamic links panic_unwind), and app6 is
  // blocked; `dist` inherits release but sets panic=unwind and rpath, so app6 links and starts, copied alone too.
  { category: 'profiles', seed: 237770802, invocations: ['release-p-app6', 'profile-dist-p-app6'] },
  // `bench = false` on a dylib's [lib] and on a bin that requires a feature: `--benches` and `cargo bench` leave them
  // out; `--bin` naming that bin without the feature is refused, in cargo's words.
  { category: 'target-flags', seed: 2063744150, invocations: ['workspace-benches', 'bench-p-app2-features-extra', 'p-app2-bin-app2'] },
  // `[profile.test] panic = "abort"`: `cargo test` builds the examples as plain binaries, yet with `unwind`, and so
  // the dylib l1 they link through app2, which as a non-primary dylib only links with `unwind`.
  { category: 'target-flags', seed: 372186071, invocations: ['test-p-app2'] },
  // An example with crate type proc-macro, built for the host with -C prefer-dynamic over the non-primary dylib l0,
  // which embeds std: "only shows up once" under --workspace; under -p app1 l0 is not primary and ex1b links.
  { category: 'target-flags', seed: 1452030870, invocations: ['workspace-all-targets', 'test-p-app1'] },
  // `cargo bench --bench 'bench*'` under RUSTFLAGS=-C panic=abort: bench2b has `harness = false`, so cargo compiles it
  // with `--cfg test`, not `--test`, and rustc builds it; a test harness would be refused.
  { category: 'target-flags', seed: 1276639770, invocations: ['bench-p-main-benches-panic-abort'] }
]

describe('differential against cargo, beyond linkage', () => {
  it(`agrees with cargo on ${WORKSPACES.length} chosen workspaces`, async () => {
    const result = await runDifferential({ count: WORKSPACES.length, seed: 0, workspaces: WORKSPACES, jobs: 2 })
    expect(result.cases).toHaveLength(WORKSPACES.reduce((n, w) => n + (w.invocations?.length ?? 0), 0))
    const compared = result.cases.reduce((n, c) => n + (c.comparison?.compared ?? 0), 0)
    expect(compared).toBeGreaterThan(result.cases.length)
    // Compared as text so that a failure prints every mismatch readably.
    expect(formatMismatchesByCase(result)).toEqual([])
  }, 300_000)
})

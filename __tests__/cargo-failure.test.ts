import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseCliArgs } from '../src/cli/args.js'
import { CommandError, UserError } from '../src/errors.js'
import { describeCargoFailure, FAULT, type CargoFailureContext, type CargoFailureKind } from '../src/exec/cargo-failure.js'
import { analyzeWorkspace } from '../src/run.js'
import { writeTree } from './support/files.js'

/**
 * The parser of cargo's failures, on the standard error of real `cargo metadata` runs (cargo 1.95), stored
 * with their paths renamed: the workspaces under `/w`, cargo's home `/home/u/.cargo`, and the empty directory
 * cargo runs from `/tmp/rlg/iso` (its `-->` locations are relative to where it runs).
 */
const HOME = '/home/u/.cargo'
const ISOLATED = '/tmp/rlg/iso'

const CAPTURED = {
  badtoml_iso: [
    'error: string values must be quoted, expected literal string',
    ' --> ../../../w/badtoml/Cargo.toml:3:11',
    '  |',
    '3 | version = ',
    '  |           ^',
  ],
  member_badtoml: [
    'error: unclosed table, expected `]`',
    ' --> a/Cargo.toml:1:9',
    '  |',
    '1 | [package',
    '  |         ^',
    'error: failed to load manifest for workspace member `/w/member_badtoml/a`',
    'referenced by workspace at `/w/member_badtoml/Cargo.toml`',
  ],
  crate2: [
    'error: invalid type: string "cdylib", expected a sequence',
    ' --> Cargo.toml:6:14',
    '  |',
    '6 | crate-type = "cdylib"',
    '  |              ^^^^^^^^',
  ],
  pmlib2: [
    'error: failed to parse manifest at `/w/pmlib2/Cargo.toml`',
    '',
    'Caused by:',
    '  cannot mix `proc-macro` crate type with others',
  ],
  missinglib2: [
    'error: failed to parse manifest at `/w/missinglib2/Cargo.toml`',
    '',
    'Caused by:',
    '  can\'t find library `x`, rename file to `src/lib.rs` or specify lib.path',
  ],
  notargets: [
    'error: failed to parse manifest at `/w/notargets/Cargo.toml`',
    '',
    'Caused by:',
    '  no targets specified in the manifest',
    '  either src/lib.rs, src/main.rs, a [lib] section, or [[bin]] section must be present',
  ],
  inherit: [
    'error: failed to parse manifest at `/w/inherit/Cargo.toml`',
    '',
    'Caused by:',
    '  error inheriting `version` from workspace root manifest\'s `workspace.package.version`',
    '',
    'Caused by:',
    '  failed to find a workspace root',
  ],
  wsdep2: [
    'error: failed to parse manifest at `/w/wsdep2/Cargo.toml`',
    '',
    'Caused by:',
    '  error inheriting `foo` from workspace root manifest\'s `workspace.dependencies.foo`',
    '',
    'Caused by:',
    '  `dependency.foo` was not found in `workspace.dependencies`',
  ],
  edition2: [
    'error: failed to parse manifest at `/w/edition2/Cargo.toml`',
    '',
    'Caused by:',
    '  failed to parse the `edition` key',
    '',
    'Caused by:',
    '  supported edition values are `2015`, `2018`, `2021`, or `2024`, but `2022` is unknown',
  ],
  feature: [
    'error: failed to parse manifest at `/w/feature/Cargo.toml`',
    '',
    'Caused by:',
    '  feature `x` includes `nope` which is neither a dependency nor another feature',
  ],
  dupbin: [
    'error: failed to parse manifest at `/w/dupbin/Cargo.toml`',
    '',
    'Caused by:',
    '  found duplicate binary name x, but all binary targets must have a unique name',
  ],
  missingmember: [
    'error: failed to load manifest for workspace member `/w/missingmember/b`',
    'referenced by workspace at `/w/missingmember/Cargo.toml`',
    '',
    'Caused by:',
    '  failed to read `/w/missingmember/b/Cargo.toml`',
    '',
    'Caused by:',
    '  No such file or directory (os error 2)',
  ],
  pathdep: [
    'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/pathdep)`',
    '',
    'Caused by:',
    '  failed to load source for dependency `foo`',
    '',
    'Caused by:',
    '  unable to update /w/nope',
    '',
    'Caused by:',
    '  failed to read `/w/nope/Cargo.toml`',
    '',
    'Caused by:',
    '  No such file or directory (os error 2)',
  ],
  patch: [
    'error: failed to load source for dependency `serde`',
    '',
    'Caused by:',
    '  unable to update /w/nope-serde',
    '',
    'Caused by:',
    '  failed to read `/w/nope-serde/Cargo.toml`',
    '',
    'Caused by:',
    '  No such file or directory (os error 2)',
  ],
  patch2: [
    'error: patch location `/w/patch2/b` does not contain packages matching `b`',
    'help: check `b` patch definition for `https://github.com/rust-lang/crates.io-index` in `/w/patch2/Cargo.toml`',
  ],
  verreq: [
    'error: failed to select a version for the requirement `b = "^2"`',
    'candidate versions found which didn\'t match: 0.1.0',
    'location searched: /w/verreq/b',
    'required by package `app v0.1.0 (/w/verreq)`',
    'As a reminder, you\'re using offline mode (--offline) which can sometimes cause surprising resolution failures, if this error is too confusing you may wish to retry without `--offline`.',
  ],
  dup: [
    'error: two packages named `same` in this workspace:',
    '- /w/dup/a/Cargo.toml',
    '- /w/dup/b/Cargo.toml',
  ],
  cycle: [
    'error: cyclic package dependency: package `app v0.1.0 (/w/cycle)` depends on itself. Cycle:',
    'package `app v0.1.0 (/w/cycle)`',
    '    ... which satisfies path dependency `app` of package `b v0.1.0 (/w/cycle/b)`',
    '    ... which satisfies path dependency `b` of package `app v0.1.0 (/w/cycle)`',
  ],
  notmember: [
    'error: manifest path `/w/notmember` contains no package: The manifest is virtual, and the workspace has no members.',
  ],
  outside: [
    'error: workspace member `/w/outside-member/Cargo.toml` is not hierarchically below the workspace root `/w/outside/Cargo.toml`',
  ],
  badglob: [
    'error: could not parse pattern `/w/badglob/crates/[a`',
    '',
    'Caused by:',
    '  Pattern syntax error near position 23: invalid range pattern',
  ],
  believes: [
    'error: current package believes it\'s in a workspace when it\'s not:',
    'current:   /w/notmem/inner/Cargo.toml',
    'workspace: /w/notmem/Cargo.toml',
    '',
    'this may be fixable by adding `inner` to the `workspace.members` array of the manifest located at: /w/notmem/Cargo.toml',
    'Alternatively, to keep it out of the workspace, add the package to the `workspace.exclude` array, or add an empty `[workspace]` table to the package\'s manifest.',
  ],
  wrongws: [
    'error: package `/w/wrongws/a/Cargo.toml` is a member of the wrong workspace',
    'expected: /w/wrongws/Cargo.toml',
    'actual:   /w/wrongws/other/Cargo.toml',
  ],
  badlock: [
    'error: failed to parse lock file at: /w/badlock/Cargo.lock',
    '',
    'Caused by:',
    '  TOML parse error at line 2, column 11',
    '    |',
    '  2 | [[package]',
    '    |           ^',
    '  unclosed array table, expected `]`',
  ],
  lockbadpkg: [
    'error: failed to parse lock file at: /w/lockbadpkg/Cargo.lock',
    '',
    'Caused by:',
    '  unexpected character \'x\' while parsing major version number',
  ],
  stale: [
    'error: cannot update the lock file /w/stale/Cargo.lock because --locked was passed to prevent this',
    'help: to generate the lock file without accessing the network, remove the --locked flag and use --offline instead.',
  ],
  stale_frozen: [
    'error: cannot update the lock file /w/stale/Cargo.lock because --frozen was passed to prevent this',
    'help: to generate the lock file without accessing the network, remove the --frozen flag and use --offline instead.',
  ],
  nolock: [
    'error: cannot create the lock file /w/nolock/Cargo.lock because --locked was passed to prevent this',
    'help: to generate the lock file without accessing the network, remove the --locked flag and use --offline instead.',
  ],
  offline: [
    'error: no matching package named `no-such-crate-rlg` found',
    'location searched: crates.io index',
    'required by package `app v0.1.0 (/w/offline)`',
    'As a reminder, you\'re using offline mode (--offline) which can sometimes cause surprising resolution failures, if this error is too confusing you may wish to retry without `--offline`.',
  ],
  git_retry: [
    '    Updating git repository `http://127.0.0.1:9/x.git`',
    'warning: spurious network error (3 tries remaining): failed to connect to 127.0.0.1: Connection refused; class=Os (2)',
    'warning: spurious network error (2 tries remaining): failed to connect to 127.0.0.1: Connection refused; class=Os (2)',
    'warning: spurious network error (1 try remaining): failed to connect to 127.0.0.1: Connection refused; class=Os (2)',
    'error: failed to get `x` as a dependency of package `app v0.1.0 (/w/git)`',
    '',
    'Caused by:',
    '  failed to load source for dependency `x`',
    '',
    'Caused by:',
    '  unable to update http://127.0.0.1:9/x.git',
    '',
    'Caused by:',
    '  failed to fetch into: /home/u/.cargo/git/db/x-0450fe80bc15d5c5',
    '',
    'Caused by:',
    '  failed to connect to 127.0.0.1: Connection refused; class=Os (2)',
  ],
  dns: [
    '    Updating git repository `https://nonexistent.invalid/x.git`',
    'error: failed to get `x` as a dependency of package `app v0.1.0 (/w/dns)`',
    '',
    'Caused by:',
    '  failed to load source for dependency `x`',
    '',
    'Caused by:',
    '  unable to update https://nonexistent.invalid/x.git',
    '',
    'Caused by:',
    '  failed to clone into: /home/u/.cargo/git/db/x-03a2de9c31dcdaf1',
    '',
    'Caused by:',
    '  network failure seems to have happened',
    '  if a proxy or similar is necessary `net.git-fetch-with-cli` may help here',
    '  https://doc.rust-lang.org/cargo/reference/config.html#netgit-fetch-with-cli',
    '',
    'Caused by:',
    '  failed to resolve address for nonexistent.invalid: Name or service not known; class=Net (12)',
  ],
  sparse: [
    '    Updating `x` index',
    'error: failed to get `serde` as a dependency of package `app v0.1.0 (/w/sparse)`',
    '',
    'Caused by:',
    '  failed to query replaced source registry `crates-io`',
    '',
    'Caused by:',
    '  download of config.json failed',
    '',
    'Caused by:',
    '  failed to download from `http://127.0.0.1:9/index/config.json`',
    '',
    'Caused by:',
    '  [7] Could not connect to server (Failed to connect to 127.0.0.1 port 9 after 0 ms: Could not connect to server)',
  ],
  badconfig: [
    'error: could not load Cargo configuration',
    '',
    'Caused by:',
    '  could not parse TOML configuration in `/w/badconfig/.cargo/config.toml`',
    '',
    'Caused by:',
    '  TOML parse error at line 1, column 7',
    '    |',
    '  1 | [build',
    '    |       ^',
    '  unclosed table, expected `]`',
  ],
  homeconfig: [
    'error: could not load Cargo configuration',
    '',
    'Caused by:',
    '  could not parse TOML configuration in `/home/u/.cargo/config.toml`',
    '',
    'Caused by:',
    '  TOML parse error at line 1, column 5',
    '    |',
    '  1 | [net',
    '    |     ^',
    '  unclosed table, expected `]`',
  ],
  configarg: [
    'error: failed to parse value from --config argument `build.jobs=` as a dotted key expression',
    '',
    'Caused by:',
    '  TOML parse error at line 1, column 12',
    '    |',
    '  1 | build.jobs=',
    '    |            ^',
    '  string values must be quoted, expected literal string',
  ],
  newlock: [
    'error: failed to parse lock file at: /w/newlock/Cargo.lock',
    '',
    'Caused by:',
    '  lock file version `9` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?',
  ],
  edition: [
    'error: failed to parse manifest at `/w/edition/Cargo.toml`',
    '',
    'Caused by:',
    '  failed to parse the `edition` key',
    '',
    'Caused by:',
    '  this version of Cargo is older than the `2027` edition, and only supports `2015`, `2018`, `2021`, and `2024` editions.',
  ],
  cargofeat: [
    'error: failed to parse manifest at `/w/cargofeat/Cargo.toml`',
    '',
    'Caused by:',
    '  unknown Cargo.toml feature `foo-bar`',
    '',
    '  See https://doc.rust-lang.org/nightly/cargo/reference/unstable.html for more information.',
  ],
  cargofeat2: [
    'error: failed to parse manifest at `/w/cargofeat2/Cargo.toml`',
    '',
    'Caused by:',
    '  the cargo feature `codegen-backend` requires a nightly version of Cargo, but this is the `stable` channel',
    '  See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.',
    '  See https://doc.rust-lang.org/cargo/reference/unstable.html#codegen-backend for more information about using this feature.',
  ],
  vend: [
    'error: string values must be quoted, expected literal string',
    ' --> ../../../home/u/.cargo/vendor/foo/Cargo.toml:5:9',
    '  |',
    '5 | links = ',
    '  |         ^',
    'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/vend)`',
    '',
    'Caused by:',
    '  failed to load source for dependency `foo`',
    '',
    'Caused by:',
    '  unable to update registry `crates-io`',
    '',
    'Caused by:',
    '  failed to update replaced source registry `crates-io`',
  ],
  dirdep: [
    'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/dirdep)`',
    '',
    'Caused by:',
    '  failed to load source for dependency `foo`',
    '',
    'Caused by:',
    '  unable to update /w/dirdep/foo',
    '',
    'Caused by:',
    '  failed to read `/w/dirdep/foo/Cargo.toml`',
    '',
    'Caused by:',
    '  Is a directory (os error 21)',
  ],
  cli_usage: [
    "error: unexpected argument '--bogus' found",
    '',
    'Usage: cargo metadata [OPTIONS]',
    '',
    "For more information, try '--help'.",
  ],
} satisfies Record<string, string[]>

type Captured = keyof typeof CAPTURED

function failure(name: Captured, context: Partial<CargoFailureContext> = {}) {
  const stderr = `${CAPTURED[name].join('\n')}\n`
  return describeCargoFailure(stderr, { exitCode: 101, offline: true, frozen: false, cwd: ISOLATED, cargoHome: HOME, ...context })
}

const STALE_HINT = ' — Cargo.lock is out of date: run `cargo update -w` (or `cargo generate-lockfile`) and commit it, or drop `locked`'
const OFFLINE_HINT = ' — with `offline`, every dependency must already be in the cargo cache or vendored: fetch it first (`cargo fetch`), or drop `offline`'
const NETWORK_HINT =
  ' — cargo could not reach a registry or git source: fill the cargo cache before this step (`cargo fetch`, or a cache of `~/.cargo/registry` and `~/.cargo/git` in the workflow) and run with `offline`'

/** Each capture: the context it ran in (beyond offline, from the empty directory), its kind and the exact message. */
const EXPECTED: [Captured, Partial<CargoFailureContext>, CargoFailureKind, string][] = [
  // The repository's input: exit code 2.
  ['badtoml_iso', {}, 'manifest', 'error: string values must be quoted, expected literal string (at /w/badtoml/Cargo.toml:3:11)'],
  [
    'member_badtoml',
    { cwd: '/w/member_badtoml' },
    'manifest',
    'error: failed to load manifest for workspace member `/w/member_badtoml/a`; referenced by workspace at `/w/member_badtoml/Cargo.toml` — unclosed table, expected `]` (at /w/member_badtoml/a/Cargo.toml:1:9)'
  ],
  ['crate2', { cwd: '/w/crate2' }, 'manifest', 'error: invalid type: string "cdylib", expected a sequence (at /w/crate2/Cargo.toml:6:14)'],
  ['pmlib2', {}, 'manifest', 'error: failed to parse manifest at `/w/pmlib2/Cargo.toml` — cannot mix `proc-macro` crate type with others'],
  ['missinglib2', {}, 'manifest', "error: failed to parse manifest at `/w/missinglib2/Cargo.toml` — can't find library `x`, rename file to `src/lib.rs` or specify lib.path"],
  ['notargets', {}, 'manifest', 'error: failed to parse manifest at `/w/notargets/Cargo.toml` — no targets specified in the manifest'],
  [
    'inherit',
    {},
    'manifest',
    "error: failed to parse manifest at `/w/inherit/Cargo.toml` — error inheriting `version` from workspace root manifest's `workspace.package.version`: failed to find a workspace root"
  ],
  [
    'wsdep2',
    {},
    'manifest',
    "error: failed to parse manifest at `/w/wsdep2/Cargo.toml` — error inheriting `foo` from workspace root manifest's `workspace.dependencies.foo`: `dependency.foo` was not found in `workspace.dependencies`"
  ],
  ['edition2', {}, 'manifest', 'error: failed to parse manifest at `/w/edition2/Cargo.toml` — supported edition values are `2015`, `2018`, `2021`, or `2024`, but `2022` is unknown'],
  ['feature', {}, 'manifest', 'error: failed to parse manifest at `/w/feature/Cargo.toml` — feature `x` includes `nope` which is neither a dependency nor another feature'],
  ['dupbin', {}, 'manifest', 'error: failed to parse manifest at `/w/dupbin/Cargo.toml` — found duplicate binary name x, but all binary targets must have a unique name'],
  [
    'verreq',
    {},
    'manifest',
    "error: failed to select a version for the requirement `b = \"^2\"`; candidate versions found which didn't match: 0.1.0; location searched: /w/verreq/b; required by package `app v0.1.0 (/w/verreq)`"
  ],
  [
    'missingmember',
    {},
    'missing-path',
    'error: failed to load manifest for workspace member `/w/missingmember/b`; referenced by workspace at `/w/missingmember/Cargo.toml` — failed to read `/w/missingmember/b/Cargo.toml`: No such file or directory (os error 2)'
  ],
  ['pathdep', {}, 'missing-path', 'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/pathdep)` — failed to read `/w/nope/Cargo.toml`: No such file or directory (os error 2)'],
  ['patch', {}, 'missing-path', 'error: failed to load source for dependency `serde` — failed to read `/w/nope-serde/Cargo.toml`: No such file or directory (os error 2)'],
  ['patch2', {}, 'workspace', 'error: patch location `/w/patch2/b` does not contain packages matching `b`'],
  ['dup', {}, 'workspace', 'error: two packages named `same` in this workspace: /w/dup/a/Cargo.toml; /w/dup/b/Cargo.toml'],
  [
    'cycle',
    {},
    'workspace',
    'error: cyclic package dependency: package `app v0.1.0 (/w/cycle)` depends on itself. Cycle: package `app v0.1.0 (/w/cycle)`; ... which satisfies path dependency `app` of package `b v0.1.0 (/w/cycle/b)`; ... which satisfies path dependency `b` of package `app v0.1.0 (/w/cycle)`'
  ],
  ['notmember', {}, 'workspace', 'error: manifest path `/w/notmember` contains no package: The manifest is virtual, and the workspace has no members.'],
  ['outside', {}, 'workspace', 'error: workspace member `/w/outside-member/Cargo.toml` is not hierarchically below the workspace root `/w/outside/Cargo.toml`'],
  ['badglob', {}, 'workspace', 'error: could not parse pattern `/w/badglob/crates/[a` — Pattern syntax error near position 23: invalid range pattern'],
  ['believes', {}, 'workspace', "error: current package believes it's in a workspace when it's not: current: /w/notmem/inner/Cargo.toml; workspace: /w/notmem/Cargo.toml"],
  ['wrongws', {}, 'workspace', 'error: package `/w/wrongws/a/Cargo.toml` is a member of the wrong workspace; expected: /w/wrongws/Cargo.toml; actual: /w/wrongws/other/Cargo.toml'],
  ['badlock', {}, 'lockfile', 'error: failed to parse lock file at: /w/badlock/Cargo.lock — TOML parse error at line 2, column 11: unclosed array table, expected `]`'],
  ['lockbadpkg', {}, 'lockfile', "error: failed to parse lock file at: /w/lockbadpkg/Cargo.lock — unexpected character 'x' while parsing major version number"],
  ['stale', {}, 'stale-lockfile', `error: cannot update the lock file /w/stale/Cargo.lock because --locked was passed to prevent this${STALE_HINT}`],
  ['stale_frozen', { frozen: true }, 'stale-lockfile', `error: cannot update the lock file /w/stale/Cargo.lock because --frozen was passed to prevent this${STALE_HINT.replace('`locked`', '`frozen`')}`],
  ['nolock', {}, 'stale-lockfile', 'error: cannot create the lock file /w/nolock/Cargo.lock because --locked was passed to prevent this — there is no Cargo.lock: run `cargo generate-lockfile` and commit it, or drop `locked`'],
  [
    'badconfig',
    { cwd: '/w/badconfig' },
    'config',
    'error: could not load Cargo configuration — could not parse TOML configuration in `/w/badconfig/.cargo/config.toml`: TOML parse error at line 1, column 7: unclosed table, expected `]`'
  ],
  [
    'configarg',
    {},
    'config',
    'error: failed to parse value from --config argument `build.jobs=` as a dotted key expression — TOML parse error at line 1, column 12: string values must be quoted, expected literal string'
  ],
  // The environment: exit code 3.
  ['offline', {}, 'offline-cache', `error: no matching package named \`no-such-crate-rlg\` found; location searched: crates.io index; required by package \`app v0.1.0 (/w/offline)\`${OFFLINE_HINT}`],
  ['git_retry', { offline: false }, 'network', `error: failed to get \`x\` as a dependency of package \`app v0.1.0 (/w/git)\` — failed to connect to 127.0.0.1: Connection refused; class=Os (2)${NETWORK_HINT}`],
  ['dns', { offline: false }, 'network', `error: failed to get \`x\` as a dependency of package \`app v0.1.0 (/w/dns)\` — failed to resolve address for nonexistent.invalid: Name or service not known; class=Net (12)${NETWORK_HINT}`],
  [
    'sparse',
    { offline: false },
    'network',
    `error: failed to get \`serde\` as a dependency of package \`app v0.1.0 (/w/sparse)\` — [7] Could not connect to server (Failed to connect to 127.0.0.1 port 9 after 0 ms: Could not connect to server)${NETWORK_HINT}`
  ],
  [
    'newlock',
    {},
    'toolchain',
    'error: failed to parse lock file at: /w/newlock/Cargo.lock — lock file version `9` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?'
  ],
  [
    'edition',
    {},
    'toolchain',
    'error: failed to parse manifest at `/w/edition/Cargo.toml` — this version of Cargo is older than the `2027` edition, and only supports `2015`, `2018`, `2021`, and `2024` editions.'
  ],
  ['cargofeat', {}, 'toolchain', 'error: failed to parse manifest at `/w/cargofeat/Cargo.toml` — unknown Cargo.toml feature `foo-bar`'],
  [
    'cargofeat2',
    {},
    'toolchain',
    'error: failed to parse manifest at `/w/cargofeat2/Cargo.toml` — the cargo feature `codegen-backend` requires a nightly version of Cargo, but this is the `stable` channel'
  ],
  // A config file of the runner (in cargo's home, or above the directory it runs from) is not the checkout's.
  [
    'homeconfig',
    {},
    'other',
    'error: could not load Cargo configuration — could not parse TOML configuration in `/home/u/.cargo/config.toml`: TOML parse error at line 1, column 5: unclosed table, expected `]`'
  ],
  [
    'badconfig',
    {},
    'other',
    'error: could not load Cargo configuration — could not parse TOML configuration in `/w/badconfig/.cargo/config.toml`: TOML parse error at line 1, column 7: unclosed table, expected `]`'
  ],
  // A broken manifest in cargo's home (a directory source kept there, as a downloaded crate would be).
  ['vend', {}, 'other', 'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/vend)` — string values must be quoted, expected literal string (at /home/u/.cargo/vendor/foo/Cargo.toml:5:9)'],
  // The same directory elsewhere: reached through a registry's source, it may be the machine's.
  ['vend', { cargoHome: '/opt/cargo' }, 'other', 'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/vend)` — string values must be quoted, expected literal string (at /home/u/.cargo/vendor/foo/Cargo.toml:5:9)'],
  // Reading a file failed for another reason than its absence (here a directory named Cargo.toml).
  ['dirdep', {}, 'other', 'error: failed to get `foo` as a dependency of package `app v0.1.0 (/w/dirdep)` — failed to read `/w/dirdep/foo/Cargo.toml`: Is a directory (os error 21)'],
  ['cli_usage', { exitCode: 1 }, 'other', "error: unexpected argument '--bogus' found"]
]

describe('cargo metadata failures, from captured stderr', () => {
  it.each(EXPECTED)('%s (%j): %s', (name, context, kind, message) => {
    expect(failure(name, context)).toEqual({ kind, message })
  })

  it('input faults are exit code 2, the rest 3', () => {
    expect(Object.entries(FAULT).filter(([, f]) => f === 'input').map(([k]) => k)).toEqual(['manifest', 'workspace', 'missing-path', 'lockfile', 'stale-lockfile', 'config'])
  })

  it('every message is one line, with no snippet art, each part capped', () => {
    for (const name of Object.keys(CAPTURED) as Captured[]) {
      const { message } = failure(name)
      expect({ name, message }).toEqual({ name, message: expect.not.stringMatching(/[\r\n]|\s\|\s|\^{2,}|^\s|\s$/) })
      expect(message.length).toBeLessThan(1000)
    }
    const long = `error: failed to parse manifest at \`/w/${'d/'.repeat(400)}Cargo.toml\`\n\nCaused by:\n  ${'x'.repeat(5000)}\n`
    const { message, kind } = describeCargoFailure(long, { exitCode: 101, offline: false, frozen: false, cwd: ISOLATED, cargoHome: HOME })
    expect(kind).toBe('manifest')
    expect(message).toMatch(/^error: failed to parse manifest at `\/w\/d\/d\/(?:d\/)*d?… — x+…$/)
    expect(message.length).toBeLessThanOrEqual('error: '.length + 300 + ' — '.length + 300)
  })

  it('warnings before the error and the mark of left-out output are not part of it', () => {
    const noisy = ['warning: unused manifest key: package.x', '[2.9 MiB of output left out]', 'warning: unused manifest key: package.x', ...CAPTURED.pmlib2].join('\n')
    expect(describeCargoFailure(noisy, { exitCode: 101, offline: true, frozen: false, cwd: ISOLATED, cargoHome: HOME })).toEqual(failure('pmlib2'))
  })

  it('the error of a cargo that is not cargo: a panic, no error line, no output', () => {
    const context = { exitCode: 101, offline: false, frozen: false, cwd: ISOLATED, cargoHome: HOME }
    // Rust's panic message, as any program prints it.
    const panic = "thread 'main' panicked at src/cargo/core/resolver/mod.rs:100:5:\nassertion failed: x\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
    expect(describeCargoFailure(panic, context)).toEqual({ kind: 'crash', message: "thread 'main' panicked at src/cargo/core/resolver/mod.rs:100:5: assertion failed: x" })
    expect(describeCargoFailure('Killed\n', { ...context, exitCode: 137 })).toEqual({ kind: 'other', message: 'Killed' })
    expect(describeCargoFailure('', { ...context, exitCode: 1 })).toEqual({ kind: 'other', message: 'no output' })
  })

  it("a path in Windows form: cargo's home and the checkout are told apart the same way", () => {
    const stderr = 'error: failed to parse manifest at `C:\\Users\\u\\.cargo\\registry\\src\\index.crates.io-1949cf8c6b5b557f\\foo-1.0.0\\Cargo.toml`\n\nCaused by:\n  missing field `package.name`\n'
    const context = { exitCode: 101, offline: false, frozen: false, cwd: 'C:\\a\\_temp\\iso', cargoHome: 'C:\\Users\\u\\.cargo' }
    expect(describeCargoFailure(stderr, context).kind).toBe('other')
    expect(describeCargoFailure(stderr.replace('C:\\Users\\u\\.cargo\\registry\\src\\index.crates.io-1949cf8c6b5b557f\\foo-1.0.0', 'D:\\a\\app\\app'), context).kind).toBe('manifest')
  })
})

/**
 * The same failures from real cargo, through the analysis and the CLI: exit code 2 when the checkout is at fault,
 * 3 when the machine is. cargo gets a home of its own (no cache, no config of the user's) and no network retries.
 */
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-cargo-failure-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const CARGO_ENV = { CARGO_HOME: path.join(tmp, 'cargo-home'), CARGO_NET_RETRY: '0' }
const env = (): Record<string, string | undefined> => ({ ...process.env, RUSTFLAGS: undefined, ...CARGO_ENV })

const PACKAGE = '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n'
const MAIN = { 'src/main.rs': 'fn main() {}\n' }

function workspace(name: string, files: Record<string, string>): string {
  return writeTree(path.join(tmp, name), files)
}

/** The analysis of `dir` failing, with its one-line error. */
async function analysisFailure(dir: string, args = ['--offline']): Promise<UserError> {
  try {
    await analyzeWorkspace({ manifestPath: path.join(dir, 'Cargo.toml'), invocation: parseCliArgs(args).invocation, env: env(), cwd: dir })
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).not.toMatch(/[\r\n]/)
    return error as UserError
  }
  throw new Error('expected the analysis to fail')
}

async function inputError(dir: string, args?: string[]): Promise<string> {
  const e = await analysisFailure(dir, args)
  expect(e).toBeInstanceOf(CommandError)
  expect(e).toMatchObject({ fault: 'input', exitCode: 2, command: 'cargo', stderr: expect.stringMatching(/^error: /m) })
  return e.message
}

async function environmentError(dir: string, args?: string[]): Promise<CommandError> {
  const e = await analysisFailure(dir, args)
  expect(e).toBeInstanceOf(CommandError)
  expect(e).toMatchObject({ fault: 'environment', exitCode: 3 })
  return e as CommandError
}

const FAILED = '`cargo metadata` failed (exit code 101): '

describe('cargo metadata rejecting the checkout: exit code 2, with what cargo said', () => {
  it('a manifest that is not TOML: the error and where', async () => {
    const dir = workspace('bad-toml', { 'Cargo.toml': '[package]\nname = "app"\nversion = \n', ...MAIN })
    expect(await inputError(dir)).toBe(`${FAILED}error: string values must be quoted, expected literal string (at ${dir}/Cargo.toml:3:11)`)
  })

  it('crate types cargo rejects: `proc-macro` with another, and a string for the list', async () => {
    const mixed = workspace('proc-macro-mixed', { 'Cargo.toml': `${PACKAGE}\n[lib]\nproc-macro = true\ncrate-type = ["proc-macro", "rlib"]\n`, 'src/lib.rs': '' })
    expect(await inputError(mixed)).toBe(`${FAILED}error: failed to parse manifest at \`${mixed}/Cargo.toml\` — cannot mix \`proc-macro\` crate type with others`)
    const string = workspace('crate-type-string', { 'Cargo.toml': `${PACKAGE}\n[lib]\ncrate-type = "cdylib"\n`, 'src/lib.rs': '' })
    expect(await inputError(string)).toBe(`${FAILED}error: invalid type: string "cdylib", expected a sequence (at ${string}/Cargo.toml:7:14)`)
  })

  it('a [lib] without its source file', async () => {
    const dir = workspace('no-lib-source', { 'Cargo.toml': `${PACKAGE}\n[lib]\nname = "engine"\n`, ...MAIN })
    expect(await inputError(dir)).toBe(`${FAILED}error: failed to parse manifest at \`${dir}/Cargo.toml\` — can't find library \`engine\`, rename file to \`src/lib.rs\` or specify lib.path`)
  })

  it('a workspace member that does not exist', async () => {
    const dir = workspace('missing-member', { 'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n', 'a/Cargo.toml': PACKAGE.replace('"app"', '"a"'), 'a/src/lib.rs': '' })
    expect(await inputError(dir)).toBe(
      `${FAILED}error: failed to load manifest for workspace member \`${dir}/b\`; referenced by workspace at \`${dir}/Cargo.toml\` — failed to read \`${dir}/b/Cargo.toml\`: No such file or directory (os error 2)`
    )
  })

  it("a workspace member whose manifest is not TOML: the member, the error and where", async () => {
    const dir = workspace('member-bad-toml', { 'Cargo.toml': '[workspace]\nmembers = ["a"]\n', 'a/Cargo.toml': '[package\n', 'a/src/lib.rs': '' })
    expect(await inputError(dir)).toBe(
      `${FAILED}error: failed to load manifest for workspace member \`${dir}/a\`; referenced by workspace at \`${dir}/Cargo.toml\` — unclosed table, expected \`]\` (at ${dir}/a/Cargo.toml:1:9)`
    )
  })

  it('a path dependency that is not there, and a version inherited from no workspace', async () => {
    const dep = workspace('missing-path-dep', { 'Cargo.toml': `${PACKAGE}\n[dependencies]\nfoo = { path = "../nowhere" }\n`, ...MAIN })
    expect(await inputError(dep)).toBe(
      `${FAILED}error: failed to get \`foo\` as a dependency of package \`app v0.1.0 (${dep})\` — failed to read \`${tmp}/nowhere/Cargo.toml\`: No such file or directory (os error 2)`
    )
    const inherit = workspace('no-workspace', { 'Cargo.toml': '[package]\nname = "app"\nversion.workspace = true\nedition = "2021"\n', ...MAIN })
    expect(await inputError(inherit)).toBe(
      `${FAILED}error: failed to parse manifest at \`${inherit}/Cargo.toml\` — error inheriting \`version\` from workspace root manifest's \`workspace.package.version\`: failed to find a workspace root`
    )
  })

  it('--locked with a Cargo.lock that needs updating: the hint to update it', async () => {
    const lock = '# This file is automatically @generated by Cargo.\nversion = 4\n\n[[package]]\nname = "app"\nversion = "0.0.9"\n'
    const dir = workspace('stale-lock', { 'Cargo.toml': PACKAGE, 'Cargo.lock': lock, ...MAIN })
    expect(await inputError(dir, ['--locked', '--offline'])).toBe(
      `${FAILED}error: cannot update the lock file ${dir}/Cargo.lock because --locked was passed to prevent this — Cargo.lock is out of date: run \`cargo update -w\` (or \`cargo generate-lockfile\`) and commit it, or drop \`locked\``
    )
  })
})

describe('cargo metadata failing on the machine: exit code 3', () => {
  it('offline, a dependency not in the cargo cache: the hint to fill it (the same checkout resolves where the cache has it)', async () => {
    const dir = workspace('offline', { 'Cargo.toml': `${PACKAGE}\n[dependencies]\nno-such-crate-rlg = "1"\n`, ...MAIN })
    expect((await environmentError(dir)).message).toBe(
      `${FAILED}error: no matching package named \`no-such-crate-rlg\` found; location searched: crates.io index; required by package \`app v0.1.0 (${dir})\` — with \`offline\`, every dependency must already be in the cargo cache or vendored: fetch it first (\`cargo fetch\`), or drop \`offline\``
    )
  })

  it('a git source nobody answers for: the last cause and the hint to work offline', async () => {
    const port = await closedPort()
    const dir = workspace('network', { 'Cargo.toml': `${PACKAGE}\n[dependencies]\nx = { git = "http://127.0.0.1:${port}/x.git" }\n`, ...MAIN })
    const started = Date.now()
    const e = await environmentError(dir, [])
    expect(Date.now() - started).toBeLessThan(10_000)
    const causes = e.stderr.split(/\n\s*Caused by:\n/)
    const lastCause = causes[causes.length - 1]!.trim().split('\n')[0]!
    expect(lastCause).toMatch(/127\.0\.0\.1/)
    expect(e.message).toBe(
      `${FAILED}error: failed to get \`x\` as a dependency of package \`app v0.1.0 (${dir})\` — ${lastCause} — cargo could not reach a registry or git source: fill the cargo cache before this step (\`cargo fetch\`, or a cache of \`~/.cargo/registry\` and \`~/.cargo/git\` in the workflow) and run with \`offline\``
    )
  })

  it('an edition newer than this cargo: the toolchain is too old, not the checkout wrong', async () => {
    // cargo takes a year up to 2049 for an edition it does not know yet (`core/features.rs`, `Edition::from_str`).
    const dir = workspace('future-edition', { 'Cargo.toml': PACKAGE.replace('2021', '2049'), ...MAIN })
    expect((await environmentError(dir)).message).toBe(
      `${FAILED}error: failed to parse manifest at \`${dir}/Cargo.toml\` — this version of Cargo is older than the \`2049\` edition, and only supports \`2015\`, \`2018\`, \`2021\`, and \`2024\` editions.`
    )
  })
})

describe('the CLI and the action show the whole message', () => {
  const cli = (dir: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), '--manifest-path', path.join(dir, 'Cargo.toml'), ...args], {
      env: { ...(env() as NodeJS.ProcessEnv) },
      encoding: 'utf8'
    })

  it('CLI: exit 2 for a manifest that is not TOML, exit 3 offline without the cache; one line each', () => {
    const bad = workspace('cli-bad-toml', { 'Cargo.toml': '[package]\nname = "app"\nversion = \n', ...MAIN })
    const r = cli(bad, ['--offline'])
    expect(r.stderr).toBe(`error: ${FAILED}error: string values must be quoted, expected literal string (at ${bad}/Cargo.toml:3:11)\n`)
    expect(r.status).toBe(2)
    const offline = workspace('cli-offline', { 'Cargo.toml': `${PACKAGE}\n[dependencies]\nno-such-crate-rlg = "1"\n`, ...MAIN })
    const o = cli(offline, ['--offline'])
    expect(o.stderr).toMatch(/^error: `cargo metadata` failed \(exit code 101\): error: no matching package named `no-such-crate-rlg` found; .* — with `offline`, every dependency must already be in the cargo cache/)
    expect(o.stderr.split('\n')).toHaveLength(2)
    expect(o.status).toBe(3)
  })

  it('action: the error line and the job summary carry the cause', () => {
    const dir = workspace('action-missing-lib', { 'Cargo.toml': `${PACKAGE}\n[lib]\nname = "engine"\n`, ...MAIN })
    const summary = path.join(tmp, 'summary.md')
    const output = path.join(tmp, 'output')
    fs.writeFileSync(summary, '')
    fs.writeFileSync(output, '')
    const actionEnv: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && k !== 'RUSTFLAGS') actionEnv[k] = v
    Object.assign(actionEnv, CARGO_ENV, { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, INPUT_OFFLINE: 'true' })
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'index.js')], { cwd: dir, env: actionEnv, encoding: 'utf8' })
    expect(r.status).toBe(1)
    const line = `${FAILED}error: failed to parse manifest at \`${dir}/Cargo.toml\` — can't find library \`engine\`, rename file to \`src/lib.rs\` or specify lib.path`
    expect(r.stdout).toContain(`::error::${line}\n`)
    expect(fs.readFileSync(summary, 'utf8')).toBe(
      `## ⚠️ Rust Linkage Guard could not run\n\n<code>cargo metadata</code> failed (exit code 101): error: failed to parse manifest at <code>${dir}/Cargo.toml</code> — can&#39;t find library <code>engine</code>, rename file to <code>src/lib.rs</code> or specify lib.path\n`
    )
  })
})

/** A port on the loopback address that nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { UserError } from '../src/errors.js'
import { parseMetadata } from '../src/metadata/parse.js'
import { type CfgSet, CfgSyntaxError, evalCfg, parseCfgExpr, parseCfgLines, platformMatches } from '../src/model/cfg.js'
import { defaultInvocation, type Invocation } from '../src/model/invocation.js'
import type { Metadata, Package } from '../src/model/metadata.js'
import { codegenOptions, flagEnabled, targetFeatures, unstableOptions } from '../src/model/rustc-flags.js'
import { closest, editDistance, similarNameHelp } from '../src/model/edit-distance.js'
import { selectPackages, specMatches } from '../src/model/selection.js'
import { executablesCrtStatic, findStdDylib, parseProbe, parseRustcVersion, probeArgs } from '../src/rustc/probe.js'
import { corpusFile } from './support/corpus.js'

// ---------------------------------------------------------------------------------------------------------
// Output captured from rustc 1.95.0 on x86_64-unknown-linux-gnu for
//   rustc - --crate-name ___ --print=file-names --crate-type bin --crate-type rlib --crate-type dylib
//     --crate-type cdylib --crate-type staticlib --crate-type proc-macro --print=sysroot
//     --print=target-libdir --print=cfg [flags]
// with stdin from /dev/null. Every run exited with status 0.

interface Captured {
  stdout: string
  stderr: string
}

/** The combined probe with host x86_64-unknown-linux-gnu, no flags. */
const GNU: Captured = {
  stdout: `___
lib___.rlib
lib___.so
lib___.so
lib___.a
lib___.so
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-gnu/lib
debug_assertions
panic="unwind"
proc_macro
target_abi=""
target_arch="x86_64"
target_endian="little"
target_env="gnu"
target_family="unix"
target_feature="fxsr"
target_feature="sse"
target_feature="sse2"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="linux"
target_pointer_width="64"
target_vendor="unknown"
unix
`,
  stderr: ``
}

/** The combined probe with -C target-feature=+crt-static. */
const GNU_CRT_STATIC: Captured = {
  stdout: `___
lib___.rlib
lib___.a
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-gnu/lib
debug_assertions
panic="unwind"
proc_macro
target_abi=""
target_arch="x86_64"
target_endian="little"
target_env="gnu"
target_family="unix"
target_feature="crt-static"
target_feature="fxsr"
target_feature="sse"
target_feature="sse2"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="linux"
target_pointer_width="64"
target_vendor="unknown"
unix
`,
  stderr: `warning: dropping unsupported crate type \`dylib\` for target \`x86_64-unknown-linux-gnu\`

warning: dropping unsupported crate type \`cdylib\` for target \`x86_64-unknown-linux-gnu\`

warning: dropping unsupported crate type \`proc-macro\` for target \`x86_64-unknown-linux-gnu\`

warning: 3 warnings emitted

`
}

/** The combined probe with --target x86_64-unknown-linux-musl. */
const MUSL: Captured = {
  stdout: `___
lib___.rlib
lib___.a
lib___.so
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-musl/lib
debug_assertions
panic="unwind"
proc_macro
target_abi=""
target_arch="x86_64"
target_endian="little"
target_env="musl"
target_family="unix"
target_feature="fxsr"
target_feature="sse"
target_feature="sse2"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="linux"
target_pointer_width="64"
target_vendor="unknown"
unix
`,
  stderr: `warning: dropping unsupported crate type \`dylib\` for target \`x86_64-unknown-linux-musl\`

warning: dropping unsupported crate type \`cdylib\` for target \`x86_64-unknown-linux-musl\`

warning: 2 warnings emitted

`
}

/** The combined probe with --target wasm32-unknown-unknown. */
const WASM: Captured = {
  stdout: `___.wasm
lib___.rlib
___.wasm
lib___.a
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/wasm32-unknown-unknown/lib
debug_assertions
panic="abort"
proc_macro
target_abi=""
target_arch="wasm32"
target_endian="little"
target_env=""
target_family="wasm"
target_feature="bulk-memory"
target_feature="multivalue"
target_feature="mutable-globals"
target_feature="nontrapping-fptoint"
target_feature="reference-types"
target_feature="sign-ext"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="unknown"
target_pointer_width="32"
target_vendor="unknown"
`,
  stderr: `warning: dropping unsupported crate type \`dylib\` for target \`wasm32-unknown-unknown\`

warning: dropping unsupported crate type \`proc-macro\` for target \`wasm32-unknown-unknown\`

warning: 2 warnings emitted

`
}

/** The combined probe with --target x86_64-unknown-linux-musl -C target-feature=-crt-static. */
const MUSL_NO_CRT_STATIC: Captured = {
  stdout: `___
lib___.rlib
lib___.so
lib___.so
lib___.a
lib___.so
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-musl/lib
debug_assertions
panic="unwind"
proc_macro
target_abi=""
target_arch="x86_64"
target_endian="little"
target_env="musl"
target_family="unix"
target_feature="fxsr"
target_feature="sse"
target_feature="sse2"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="linux"
target_pointer_width="64"
target_vendor="unknown"
unix
`,
  stderr: ``
}

/** The combined probe with --target wasm32-unknown-unknown -C target-feature=+crt-static. */
const WASM_CRT_STATIC: Captured = {
  stdout: `___.wasm
lib___.rlib
___.wasm
lib___.a
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu
/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/wasm32-unknown-unknown/lib
debug_assertions
panic="abort"
proc_macro
target_abi=""
target_arch="wasm32"
target_endian="little"
target_env=""
target_family="wasm"
target_feature="bulk-memory"
target_feature="multivalue"
target_feature="mutable-globals"
target_feature="nontrapping-fptoint"
target_feature="reference-types"
target_feature="sign-ext"
target_has_atomic="16"
target_has_atomic="32"
target_has_atomic="64"
target_has_atomic="8"
target_has_atomic="ptr"
target_os="unknown"
target_pointer_width="32"
target_vendor="unknown"
`,
  stderr: `warning: dropping unsupported crate type \`dylib\` for target \`wasm32-unknown-unknown\`

warning: dropping unsupported crate type \`proc-macro\` for target \`wasm32-unknown-unknown\`

warning: 2 warnings emitted

`
}

/** `rustc -vV` */
const RUSTC_VV = `rustc 1.95.0 (59807616e 2026-04-14)
binary: rustc
commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
commit-date: 2026-04-14
host: x86_64-unknown-linux-gnu
release: 1.95.0
LLVM version: 22.1.2
`
/** `ls $(rustc --print target-libdir)` on the same host. */
const HOST_LIBDIR = [
  'libaddr2line-a79a8816d9fd6004.rlib',
  'libaddr2line-a79a8816d9fd6004.rmeta',
  'libadler2-1f570ee5c6635aae.rlib',
  'libadler2-1f570ee5c6635aae.rmeta',
  'liballoc-6e6df4ffe0af4d15.rlib',
  'liballoc-6e6df4ffe0af4d15.rmeta',
  'libcfg_if-0ce073fff809ec38.rlib',
  'libcfg_if-0ce073fff809ec38.rmeta',
  'libcompiler_builtins-27cfc16bdf3bb694.rlib',
  'libcompiler_builtins-27cfc16bdf3bb694.rmeta',
  'libcore-120cbae4e86ec454.rlib',
  'libcore-120cbae4e86ec454.rmeta',
  'libgetopts-e6d22c100c4f8a03.rlib',
  'libgetopts-e6d22c100c4f8a03.rmeta',
  'libgimli-46dc78dc6a8cb06a.rlib',
  'libgimli-46dc78dc6a8cb06a.rmeta',
  'libhashbrown-1448c95121de53aa.rlib',
  'libhashbrown-1448c95121de53aa.rmeta',
  'liblibc-5b1ad6df1855186c.rlib',
  'liblibc-5b1ad6df1855186c.rmeta',
  'libmemchr-ea71fa85f6699d6b.rlib',
  'libmemchr-ea71fa85f6699d6b.rmeta',
  'libminiz_oxide-5ad929a15a8e6727.rlib',
  'libminiz_oxide-5ad929a15a8e6727.rmeta',
  'libobject-2a81194c9d07bbf6.rlib',
  'libobject-2a81194c9d07bbf6.rmeta',
  'libpanic_abort-d53e46b1577156b6.rlib',
  'libpanic_abort-d53e46b1577156b6.rmeta',
  'libpanic_unwind-4be5972b22d3a6da.rlib',
  'libpanic_unwind-4be5972b22d3a6da.rmeta',
  'libproc_macro-9a3b801af650b923.rlib',
  'libproc_macro-9a3b801af650b923.rmeta',
  'libprofiler_builtins-a3355e49a89815f3.rlib',
  'libprofiler_builtins-a3355e49a89815f3.rmeta',
  'librustc-stable_rt.asan.a',
  'librustc-stable_rt.dfsan.a',
  'librustc-stable_rt.lsan.a',
  'librustc-stable_rt.msan.a',
  'librustc-stable_rt.rtsan.a',
  'librustc-stable_rt.safestack.a',
  'librustc-stable_rt.tsan.a',
  'librustc_demangle-146c3f1190dee2e2.rlib',
  'librustc_demangle-146c3f1190dee2e2.rmeta',
  'librustc_literal_escaper-f3a22ebee540a516.rlib',
  'librustc_literal_escaper-f3a22ebee540a516.rmeta',
  'librustc_std_workspace_alloc-5bc57914b232292d.rlib',
  'librustc_std_workspace_alloc-5bc57914b232292d.rmeta',
  'librustc_std_workspace_core-75c1307561ed9634.rlib',
  'librustc_std_workspace_core-75c1307561ed9634.rmeta',
  'librustc_std_workspace_std-56350ff0a024971a.rlib',
  'librustc_std_workspace_std-56350ff0a024971a.rmeta',
  'libstd-d1237ef7159db0a2.rlib',
  'libstd-d1237ef7159db0a2.rmeta',
  'libstd-d1237ef7159db0a2.so',
  'libstd_detect-e305c7135f50bfab.rlib',
  'libstd_detect-e305c7135f50bfab.rmeta',
  'libsysroot-87040cf31105a8ed.rlib',
  'libsysroot-87040cf31105a8ed.rmeta',
  'libtest-3710056540f41481.rlib',
  'libtest-3710056540f41481.rmeta',
  'libunwind-545faafa3c69262e.rlib',
  'libunwind-545faafa3c69262e.rmeta'
]

const GNU_TRIPLE = 'x86_64-unknown-linux-gnu'
const MUSL_TRIPLE = 'x86_64-unknown-linux-musl'
const WASM_TRIPLE = 'wasm32-unknown-unknown'

const probe = (c: Captured, triple: string) => parseProbe(c.stdout, c.stderr, triple)
const gnuCfg = (): CfgSet => probe(GNU, GNU_TRIPLE).cfg
const muslCfg = (): CfgSet => probe(MUSL, MUSL_TRIPLE).cfg
const wasmCfg = (): CfgSet => probe(WASM, WASM_TRIPLE).cfg

// ---------------------------------------------------------------------------------------------------------

describe('parseCfgExpr', () => {
  it('parses a bare name, with or without the cfg(...) wrapper', () => {
    expect(parseCfgExpr('unix')).toEqual({ op: 'name', name: 'unix' })
    expect(parseCfgExpr('cfg(unix)')).toEqual({ op: 'name', name: 'unix' })
    expect(parseCfgExpr('  cfg ( unix )  ')).toEqual({ op: 'name', name: 'unix' })
  })

  it('parses key = "value"', () => {
    expect(parseCfgExpr('cfg(target_os = "linux")')).toEqual({ op: 'eq', key: 'target_os', value: 'linux' })
    expect(parseCfgExpr('target_os="linux"')).toEqual({ op: 'eq', key: 'target_os', value: 'linux' })
    expect(parseCfgExpr('cfg(target_abi = "")')).toEqual({ op: 'eq', key: 'target_abi', value: '' })
    // Strings are opaque: parentheses, commas and spaces inside them are not syntax.
    expect(parseCfgExpr('cfg(feature = "a (b), c")')).toEqual({ op: 'eq', key: 'feature', value: 'a (b), c' })
  })

  it('parses nested all/any/not', () => {
    expect(parseCfgExpr('cfg(all(unix, any(target_os = "linux", target_os = "macos"), not(target_env = "musl")))')).toEqual({
      op: 'all',
      args: [
        { op: 'name', name: 'unix' },
        {
          op: 'any',
          args: [
            { op: 'eq', key: 'target_os', value: 'linux' },
            { op: 'eq', key: 'target_os', value: 'macos' }
          ]
        },
        { op: 'not', arg: { op: 'eq', key: 'target_env', value: 'musl' } }
      ]
    })
    expect(parseCfgExpr('cfg(not(not(any(windows))))')).toEqual({
      op: 'not',
      arg: { op: 'not', arg: { op: 'any', args: [{ op: 'name', name: 'windows' }] } }
    })
  })

  it('accepts empty all()/any() and a trailing comma', () => {
    expect(parseCfgExpr('cfg(all())')).toEqual({ op: 'all', args: [] })
    expect(parseCfgExpr('cfg(any())')).toEqual({ op: 'any', args: [] })
    expect(parseCfgExpr('cfg(all(unix, windows,))')).toEqual({
      op: 'all',
      args: [
        { op: 'name', name: 'unix' },
        { op: 'name', name: 'windows' }
      ]
    })
  })

  it.each([
    ['', 'unexpected end of cfg expression'],
    ['cfg()', 'unexpected `)`'],
    ['cfg(unix', 'unexpected end of cfg expression'],
    ['cfg(unix))', 'unexpected `)`'],
    ['cfg(unix) extra', 'unexpected `extra`'],
    ['cfg(all(unix windows))', 'expected `)` but found `windows`'],
    ['cfg(all(unix)', 'unexpected end of cfg expression'],
    ['cfg(not())', '`not` takes exactly one predicate'],
    ['cfg(not(unix, windows))', '`not` takes exactly one predicate'],
    ['cfg(target_os = linux)', 'expected a string after `target_os =`'],
    ['cfg(target_os =)', 'expected a string after `target_os =`'],
    ['cfg(target_os = "linux)', 'unterminated string'],
    ['cfg(,)', 'unexpected `,`'],
    ['cfg(1unix)', 'unexpected `1unix`'],
    ['cfg(x86_64-unknown-linux-gnu)', 'unexpected `x86_64-unknown-linux-gnu`'],
    ['cfg(a$b)', 'unexpected character `$`'],
    ['cfg(= "x")', 'unexpected `=`']
  ])('%j is a CfgSyntaxError (%s)', (text, message) => {
    let error: unknown
    try {
      parseCfgExpr(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CfgSyntaxError)
    expect((error as Error).message).toContain(message)
    expect((error as Error).message).toContain(`\`${text}\``)
  })
})

describe('parseCfgLines', () => {
  it('reads the --print=cfg part of a real probe', () => {
    const cfg = gnuCfg()
    expect([...cfg.names].sort()).toEqual(['debug_assertions', 'proc_macro', 'unix'])
    expect(cfg.values.get('target_os')).toEqual(new Set(['linux']))
    expect(cfg.values.get('target_env')).toEqual(new Set(['gnu']))
    expect(cfg.values.get('panic')).toEqual(new Set(['unwind']))
    expect(cfg.values.get('target_abi')).toEqual(new Set(['']))
    expect(cfg.values.get('target_feature')).toEqual(new Set(['fxsr', 'sse', 'sse2']))
    expect(cfg.values.get('target_has_atomic')).toEqual(new Set(['8', '16', '32', '64', 'ptr']))
    expect(cfg.values.has('unix')).toBe(false)
  })

  it('accepts CRLF line ends, blank lines and surrounding spaces', () => {
    const cfg = parseCfgLines('windows\r\n\r\n  target_os="windows"  \r\ntarget_feature="a"\r\ntarget_feature="b"\r\n')
    expect(cfg.names).toEqual(new Set(['windows']))
    expect(cfg.values.get('target_os')).toEqual(new Set(['windows']))
    expect(cfg.values.get('target_feature')).toEqual(new Set(['a', 'b']))
  })

  it('keeps an unquoted value as written and an empty text as an empty set', () => {
    expect(parseCfgLines('key=value').values.get('key')).toEqual(new Set(['value']))
    expect(parseCfgLines('')).toEqual({ names: new Set(), values: new Map() })
  })
})

describe('evalCfg against real gnu, musl and wasm cfg sets', () => {
  it.each([
    ['cfg(unix)', [true, true, false]],
    ['cfg(windows)', [false, false, false]],
    ['cfg(not(unix))', [false, false, true]],
    ['cfg(target_os = "linux")', [true, true, false]],
    ['cfg(target_os = "unknown")', [false, false, true]],
    ['cfg(target_env = "musl")', [false, true, false]],
    ['cfg(target_env = "")', [false, false, true]],
    ['cfg(target_family = "wasm")', [false, false, true]],
    ['cfg(target_arch = "wasm32")', [false, false, true]],
    ['cfg(target_pointer_width = "64")', [true, true, false]],
    ['cfg(target_feature = "sse2")', [true, true, false]],
    ['cfg(target_feature = "crt-static")', [false, false, false]],
    ['cfg(target_abi = "")', [true, true, true]],
    ['cfg(panic = "abort")', [false, false, true]],
    ['cfg(target_has_atomic = "ptr")', [true, true, true]],
    ['cfg(all(unix, not(target_env = "musl")))', [true, false, false]],
    ['cfg(all(target_os = "linux", target_env = "musl"))', [false, true, false]],
    ['cfg(any(windows, target_arch = "wasm32"))', [false, false, true]],
    ['cfg(any(target_os = "macos", all(unix, target_pointer_width = "64")))', [true, true, false]],
    ['cfg(all())', [true, true, true]],
    ['cfg(any())', [false, false, false]],
    ['cfg(not(any()))', [true, true, true]],
    ['cfg(linux)', [false, false, false]],
    ['cfg(target_os)', [false, false, false]]
  ] as const)('%s on [gnu, musl, wasm] is %j', (text, expected) => {
    const expr = parseCfgExpr(text)
    expect([evalCfg(expr, gnuCfg()), evalCfg(expr, muslCfg()), evalCfg(expr, wasmCfg())]).toEqual(expected)
  })

  it('`target_feature = "crt-static"` holds only when the flag is explicit and honoured', () => {
    const expr = parseCfgExpr('cfg(target_feature = "crt-static")')
    expect(evalCfg(expr, probe(GNU_CRT_STATIC, GNU_TRIPLE).cfg)).toBe(true)
    expect(evalCfg(expr, probe(WASM_CRT_STATIC, WASM_TRIPLE).cfg)).toBe(false)
  })
})

describe('platformMatches', () => {
  it('compares a triple exactly', () => {
    expect(platformMatches(GNU_TRIPLE, GNU_TRIPLE, gnuCfg())).toBe(true)
    expect(platformMatches(` ${GNU_TRIPLE} `, GNU_TRIPLE, gnuCfg())).toBe(true)
    expect(platformMatches(GNU_TRIPLE, MUSL_TRIPLE, muslCfg())).toBe(false)
    expect(platformMatches('x86_64-unknown-linux', GNU_TRIPLE, gnuCfg())).toBe(false)
    // A bare name is a triple, not a cfg name.
    expect(platformMatches('unix', GNU_TRIPLE, gnuCfg())).toBe(false)
  })

  it('evaluates cfg(...) conditions', () => {
    expect(platformMatches('cfg(unix)', GNU_TRIPLE, gnuCfg())).toBe(true)
    expect(platformMatches('cfg(unix)', WASM_TRIPLE, wasmCfg())).toBe(false)
    expect(platformMatches('cfg(any(target_os = "linux", target_os = "macos"))', MUSL_TRIPLE, muslCfg())).toBe(true)
    expect(platformMatches('cfg (target_arch = "wasm32")', WASM_TRIPLE, wasmCfg())).toBe(true)
  })

  it('throws CfgSyntaxError for a malformed condition', () => {
    expect(() => platformMatches('cfg(unix', GNU_TRIPLE, gnuCfg())).toThrow(CfgSyntaxError)
    expect(() => platformMatches('cfg(target_os = linux)', GNU_TRIPLE, gnuCfg())).toThrow(CfgSyntaxError)
  })
})

// ---------------------------------------------------------------------------------------------------------

function pkg(id: string, name: string, version: string, source: string | null = null): Package {
  return { id, name, version, source, manifestPath: `/x/${name}/Cargo.toml`, targets: [], features: [], featureMap: new Map(), edition: '2021', deps: [], declarations: [], rustVersion: null, publish: null, description: null, license: null, licenseFile: null }
}

const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index'
const OLD = pkg(`foo 1.2.3 (${CRATES_IO})`, 'foo', '1.2.3', CRATES_IO)
const NEW = pkg(`${CRATES_IO}#foo@1.2.3`, 'foo', '1.2.3', CRATES_IO)
const PATH = pkg('path+file:///x/foo#0.1.0', 'foo', '0.1.0')

describe('specMatches', () => {
  it.each([
    ['foo', true],
    ['bar', false],
    ['fo', false],
    ['foo@1.2.3', true],
    ['foo@1.2', true],
    ['foo@1', true],
    ['foo@2', false],
    ['foo@1.3', false],
    ['foo@1.2.4', false],
    ['foo@1.2.30', false],
    ['foo:1.2.3', true],
    ['foo:1.2', true],
    ['foo:1.2.4', false],
    ['bar@1.2.3', false]
  ] as const)('%s against foo 1.2.3 is %s', (spec, expected) => {
    expect(specMatches(spec, OLD)).toBe(expected)
    expect(specMatches(spec, NEW)).toBe(expected)
  })

  it('a partial version matches whole components only', () => {
    const p = pkg('foo 1.20.0', 'foo', '1.20.0')
    expect(specMatches('foo@1.2', p)).toBe(false)
    expect(specMatches('foo@1.20', p)).toBe(true)
    expect(specMatches('foo@1', pkg('foo 10.0.0', 'foo', '10.0.0'))).toBe(false)
  })

  it('matches the full old-form id `name ver (source)`', () => {
    expect(specMatches(OLD.id, OLD)).toBe(true)
    expect(specMatches(`foo 1.2.4 (${CRATES_IO})`, OLD)).toBe(false)
    expect(specMatches(`foo 1.2.3 (${CRATES_IO})`, NEW)).toBe(false)
  })

  it('matches the new-form id `source#name@ver` and its URL forms', () => {
    expect(specMatches(NEW.id, NEW)).toBe(true)
    expect(specMatches(`${CRATES_IO}#foo@1.2.3`, OLD)).toBe(true)
    expect(specMatches('https://github.com/rust-lang/crates.io-index#foo@1.2.3', NEW)).toBe(true)
    expect(specMatches('https://github.com/rust-lang/crates.io-index#foo@1.2', NEW)).toBe(true)
    expect(specMatches('https://github.com/rust-lang/crates.io-index#foo', NEW)).toBe(true)
    expect(specMatches(`${CRATES_IO}#foo@1.2.4`, NEW)).toBe(false)
    expect(specMatches(`${CRATES_IO}#bar@1.2.3`, NEW)).toBe(false)
  })

  it('matches `path+file:///x/foo#0.1.0` (the name only in the path)', () => {
    expect(specMatches('path+file:///x/foo#0.1.0', PATH)).toBe(true)
    expect(specMatches('file:///x/foo#0.1.0', PATH)).toBe(true)
    expect(specMatches('file:///x/foo/#0.1.0', PATH)).toBe(true)
    expect(specMatches('path+file:///x/foo#0.1', PATH)).toBe(true)
    expect(specMatches('path+file:///x/foo#0.2.0', PATH)).toBe(false)
    expect(specMatches('path+file:///x/bar#0.1.0', PATH)).toBe(false)
    expect(specMatches('path+file:///x/foo#foo@0.1.0', PATH)).toBe(true)
  })

  it('matches globs against the name', () => {
    expect(specMatches('fo*', NEW)).toBe(true)
    expect(specMatches('*', NEW)).toBe(true)
    expect(specMatches('foo*', NEW)).toBe(true)
    expect(specMatches('f?o', NEW)).toBe(true)
    expect(specMatches('f?', NEW)).toBe(false)
    expect(specMatches('[fg]oo', NEW)).toBe(true)
    expect(specMatches('[gh]oo', NEW)).toBe(false)
    expect(specMatches('b*', NEW)).toBe(false)
    expect(specMatches('*-user', pkg('dev-user 0.1.0', 'dev-user', '0.1.0'))).toBe(true)
    // Regular-expression characters in a glob are literal.
    expect(specMatches('foo.*', pkg('fooX 0.1.0', 'fooX', '0.1.0'))).toBe(false)
    expect(specMatches('fo+*', NEW)).toBe(false)
  })

  describe('cargo spec details', () => {
    it('`name@version` matches a version with build metadata (cargo ignores `+build` unless given)', () => {
      const wasi = pkg(`${CRATES_IO}#wasi@0.13.3+wasi-0.2.2`, 'wasi', '0.13.3+wasi-0.2.2', CRATES_IO)
      expect(specMatches('wasi@0.13.3', wasi)).toBe(true)
    })

    it('a partial version without a pre-release does not match a pre-release (cargo PartialVersion::matches)', () => {
      const pre = pkg(`grpcio-compiler 0.5.0-alpha.2 (${CRATES_IO})`, 'grpcio-compiler', '0.5.0-alpha.2', CRATES_IO)
      expect(specMatches('grpcio-compiler@0.5', pre)).toBe(false)
    })

    it('the URL of a full spec must match the package source', () => {
      expect(specMatches('registry+https://example.com/other-index#foo@1.2.3', NEW)).toBe(false)
      expect(specMatches('path+file:///elsewhere#foo@0.1.0', PATH)).toBe(false)
    })

    it('an unbalanced `[` in a glob is a user error, not a SyntaxError', () => {
      let error: unknown
      try {
        specMatches('foo[', NEW)
      } catch (e) {
        error = e
      }
      expect(error === undefined || error instanceof UserError).toBe(true)
    })

    it('`[!...]` in a glob is a negated class', () => {
      expect(specMatches('[!g]oo', NEW)).toBe(true)
    })
  })
})

// ---------------------------------------------------------------------------------------------------------

let procMacro: Metadata | undefined
function procMacro1(): Metadata {
  return (procMacro ??= parseMetadata(readFileSync(corpusFile('guppy-proc-macro1.json'), 'utf8'), 'guppy-proc-macro1.json'))
}
let buildScripts: Metadata | undefined
function buildScriptsDeps(): Metadata {
  const file = 'rules_rust-workspace-build-scripts-deps.json'
  return (buildScripts ??= parseMetadata(readFileSync(corpusFile(file), 'utf8'), file))
}

const PM_ROOT = '/Users/fakeuser/local/testcrates/proc-macro'
const names = (inv: Partial<Invocation>, manifest = `${PM_ROOT}/Cargo.toml`, m = procMacro1()): string[] =>
  selectPackages(m, defaultInvocation(inv), manifest).packages.map(p => p.name)

function selectionError(inv: Partial<Invocation>, m = procMacro1()): string {
  try {
    selectPackages(m, defaultInvocation(inv), `${PM_ROOT}/Cargo.toml`)
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    expect((e as Error).message).not.toMatch(/\n/)
    return (e as Error).message
  }
  throw new Error('expected the selection to be rejected')
}

describe('selectPackages on guppy-proc-macro1', () => {
  it('--workspace selects all four members, sorted by id', () => {
    expect(names({ workspace: true })).toEqual(['build-user', 'dev-user', 'macro', 'normal-user'])
    expect(selectPackages(procMacro1(), defaultInvocation({ workspace: true }), `${PM_ROOT}/Cargo.toml`).warnings).toEqual([])
  })

  it('no flags at the root of a virtual workspace without default members: every member', () => {
    expect(names({})).toEqual(['build-user', 'dev-user', 'macro', 'normal-user'])
  })

  it("no flags on a member's manifest: that member", () => {
    expect(names({}, `${PM_ROOT}/normal-user/Cargo.toml`)).toEqual(['normal-user'])
    expect(names({}, `${PM_ROOT}/macro/Cargo.toml`)).toEqual(['macro'])
  })

  it('-p macro, by name, partial version, full id or glob', () => {
    expect(names({ packages: ['macro'] })).toEqual(['macro'])
    expect(names({ packages: ['macro@0.1'] })).toEqual(['macro'])
    expect(names({ packages: ['macro:0.1.0'] })).toEqual(['macro'])
    expect(names({ packages: [`macro 0.1.0 (path+file://${PM_ROOT}/macro)`] })).toEqual(['macro'])
    expect(names({ packages: ['mac*'] })).toEqual(['macro'])
    expect(names({ packages: ['macro', 'dev-user', 'macro'] })).toEqual(['dev-user', 'macro'])
    expect(names({ packages: ['*-user'] })).toEqual(['build-user', 'dev-user', 'normal-user'])
  })

  it('--workspace --exclude', () => {
    expect(names({ workspace: true, exclude: ['macro'] })).toEqual(['build-user', 'dev-user', 'normal-user'])
    expect(names({ workspace: true, exclude: ['*-user'] })).toEqual(['macro'])
    const s = selectPackages(procMacro1(), defaultInvocation({ workspace: true, exclude: ['nope'] }), `${PM_ROOT}/Cargo.toml`)
    expect(s.packages.length).toBe(4)
    expect(s.warnings).toEqual([`excluded package(s) \`nope\` not found in workspace \`${PM_ROOT}\``])
  })

  it('--exclude without --workspace is an error', () => {
    expect(selectionError({ exclude: ['macro'] })).toBe('`--exclude` can only be used together with `--workspace`')
    expect(selectionError({ exclude: ['macro'], packages: ['dev-user'] })).toBe('`--exclude` can only be used together with `--workspace`')
  })

  it('an unknown spec is an error naming the spec, with cargo’s help', () => {
    expect(selectionError({ packages: ['nope'] })).toBe('package ID specification `nope` did not match any packages')
    expect(selectionError({ packages: ['macr'] })).toBe('package ID specification `macr` did not match any packages; help: a package with a similar name exists: `macro`')
    // Cargo lists the packages of that name for a whole version only.
    expect(selectionError({ packages: ['macro', 'macro@0.2'] })).toBe('package ID specification `macro@0.2` did not match any packages; help: a package with a similar name exists: `macro`')
    expect(selectionError({ packages: ['macro@0.2.0'] })).toBe('package ID specification `macro@0.2.0` did not match any packages; help: there are similar package ID specifications: macro@0.1.0')
  })

  it('a glob names members only, and one that names none is refused', () => {
    expect(selectionError({ packages: ['zz*'] })).toBe(`package pattern(s) \`zz*\` not found in workspace \`${PM_ROOT}\``)
    expect(selectionError({ workspace: true, packages: ['zz*'] })).toBe(`package pattern(s) \`zz*\` not found in workspace \`${PM_ROOT}\``)
    expect(selectionError({ workspace: true, packages: ['nope'] })).toBe(`package(s) \`nope\` not found in workspace \`${PM_ROOT}\``)
    const s = selectPackages(procMacro1(), defaultInvocation({ workspace: true, exclude: ['zz*', 'nope'] }), `${PM_ROOT}/Cargo.toml`)
    expect(s.warnings).toEqual([`excluded package(s) \`nope\` not found in workspace \`${PM_ROOT}\``, `excluded package pattern(s) \`zz*\` not found in workspace \`${PM_ROOT}\``])
  })
})

describe('selectPackages on rules_rust-workspace-build-scripts-deps', () => {
  const ROOT = '{TEMP_DIR}/workspace_build_scripts_deps'

  it('uses workspace_default_members at the root and the member alone elsewhere', () => {
    expect(names({}, `${ROOT}/Cargo.toml`, buildScriptsDeps())).toEqual(['workspace-build-scripts-deps'])
    expect(names({}, `${ROOT}/child/Cargo.toml`, buildScriptsDeps())).toEqual(['child'])
    expect(names({ workspace: true }, `${ROOT}/Cargo.toml`, buildScriptsDeps()).sort()).toEqual(['child', 'workspace-build-scripts-deps'])
  })

  it('a name with two versions is ambiguous; a partial version picks one', () => {
    expect(selectionError({ packages: ['wasi'] }, buildScriptsDeps())).toBe(
      'specification `wasi` is ambiguous; help: re-run this command with one of the following specifications: wasi@0.11.0+wasi-snapshot-preview1, wasi@0.13.3+wasi-0.2.2'
    )
    expect(selectPackages(buildScriptsDeps(), defaultInvocation({ packages: ['wasi@0.11'] }), `${ROOT}/Cargo.toml`).packages.map(p => p.version)).toEqual([
      '0.11.0+wasi-snapshot-preview1'
    ])
    // A glob matches members only: wasi is a dependency.
    expect(selectionError({ packages: ['wasi*'] }, buildScriptsDeps())).toBe(`package pattern(s) \`wasi*\` not found in workspace \`${ROOT}\``)
  })

  it('an ambiguous name is refused in the words of the cargo being predicted', () => {
    const refusal = (cargoRelease: string) => {
      expect(() => selectPackages(buildScriptsDeps(), defaultInvocation({ packages: ['wasi'] }), `${ROOT}/Cargo.toml`, { cargoRelease })).toThrow(UserError)
      try {
        selectPackages(buildScriptsDeps(), defaultInvocation({ packages: ['wasi'] }), `${ROOT}/Cargo.toml`, { cargoRelease })
      } catch (e) {
        return (e as Error).message.split(';')[0]
      }
    }
    expect(refusal('1.94.1')).toBe('There are multiple `wasi` packages in your project, and the specification `wasi` is ambiguous. Please re-run this command with one of the following specifications: wasi@0.11.0+wasi-snapshot-preview1, wasi@0.13.3+wasi-0.2.2')
    expect(refusal('1.95.0')).toBe('specificationm `wasi` is ambiguous')
    expect(refusal('1.97.0-nightly')).toBe('specification `wasi` is ambiguous')
  })

  it('a partial version is refused before cargo 1.74, which reads only whole versions in specifications', () => {
    const select = (packages: string[], cargoRelease: string) => selectPackages(buildScriptsDeps(), defaultInvocation({ packages }), `${ROOT}/Cargo.toml`, { cargoRelease })
    expect(() => select(['wasi@0.11'], '1.63.0')).toThrow(new UserError("cannot parse '0.11' as a semver"))
    expect(select(['wasi@0.11.0+wasi-snapshot-preview1'], '1.63.0').packages.map(p => p.name)).toEqual(['wasi'])
    expect(select(['wasi@0.11'], '1.74.0').packages.map(p => p.version)).toEqual(['0.11.0+wasi-snapshot-preview1'])
  })

  it('-p wasi@0.13.3 selects wasi 0.13.3+wasi-0.2.2, as cargo does', () => {
    expect(selectPackages(buildScriptsDeps(), defaultInvocation({ packages: ['wasi@0.13.3'] }), `${ROOT}/Cargo.toml`).packages.map(p => p.version)).toEqual([
      '0.13.3+wasi-0.2.2'
    ])
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('probeArgs', () => {
  it('is the command the fixtures were captured with', () => {
    expect(probeArgs(null, []).join(' ')).toBe(
      '- --crate-name ___ --print=file-names --crate-type bin --crate-type rlib --crate-type dylib --crate-type cdylib ' +
        '--crate-type staticlib --crate-type proc-macro --print=sysroot --print=target-libdir --print=cfg'
    )
    expect(probeArgs(MUSL_TRIPLE, ['-C', 'target-feature=-crt-static']).slice(-4)).toEqual(['--target', MUSL_TRIPLE, '-C', 'target-feature=-crt-static'])
  })
})

describe('parseProbe on real rustc output', () => {
  const SYSROOT = '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu'
  const libdir = (triple: string): string => `${SYSROOT}/lib/rustlib/${triple}/lib`

  it('gnu host: every crate type, Linux file names', () => {
    const p = probe(GNU, GNU_TRIPLE)
    expect([...p.supportedCrateTypes].sort()).toEqual(['bin', 'cdylib', 'dylib', 'lib', 'proc-macro', 'rlib', 'staticlib'])
    expect(p.fileNames).toEqual({
      bin: '___',
      rlib: 'lib___.rlib',
      dylib: 'lib___.so',
      cdylib: 'lib___.so',
      staticlib: 'lib___.a',
      'proc-macro': 'lib___.so'
    })
    expect(p.sysroot).toBe(SYSROOT)
    expect(p.targetLibdir).toBe(libdir(GNU_TRIPLE))
    expect(p.cfg.values.get('target_env')).toEqual(new Set(['gnu']))
    expect(p.cfg.names.has('unix')).toBe(true)
  })

  it('gnu with +crt-static: rustc drops dylib, cdylib and proc-macro', () => {
    const p = probe(GNU_CRT_STATIC, GNU_TRIPLE)
    expect([...p.supportedCrateTypes].sort()).toEqual(['bin', 'lib', 'rlib', 'staticlib'])
    expect(p.fileNames).toEqual({ bin: '___', rlib: 'lib___.rlib', staticlib: 'lib___.a' })
    expect(p.sysroot).toBe(SYSROOT)
    expect(p.targetLibdir).toBe(libdir(GNU_TRIPLE))
    expect(p.cfg.values.get('target_feature')!.has('crt-static')).toBe(true)
  })

  it('musl: dylib and cdylib dropped, proc-macro kept', () => {
    const p = probe(MUSL, MUSL_TRIPLE)
    expect([...p.supportedCrateTypes].sort()).toEqual(['bin', 'lib', 'proc-macro', 'rlib', 'staticlib'])
    expect(p.fileNames).toEqual({ bin: '___', rlib: 'lib___.rlib', staticlib: 'lib___.a', 'proc-macro': 'lib___.so' })
    expect(p.targetLibdir).toBe(libdir(MUSL_TRIPLE))
    expect(p.cfg.values.get('target_env')).toEqual(new Set(['musl']))
    // The proc-macro in the request hides musl's default crt-static from --print=cfg.
    expect(p.cfg.values.get('target_feature')!.has('crt-static')).toBe(false)
  })

  it('musl with -crt-static: every crate type again', () => {
    const p = probe(MUSL_NO_CRT_STATIC, MUSL_TRIPLE)
    expect(MUSL_NO_CRT_STATIC.stderr).toBe('')
    expect([...p.supportedCrateTypes].sort()).toEqual(['bin', 'cdylib', 'dylib', 'lib', 'proc-macro', 'rlib', 'staticlib'])
    expect(p.fileNames.dylib).toBe('lib___.so')
  })

  it('wasm32-unknown-unknown: dylib and proc-macro dropped, .wasm outputs', () => {
    const p = probe(WASM, WASM_TRIPLE)
    expect([...p.supportedCrateTypes].sort()).toEqual(['bin', 'cdylib', 'lib', 'rlib', 'staticlib'])
    expect(p.fileNames).toEqual({ bin: '___.wasm', rlib: 'lib___.rlib', cdylib: '___.wasm', staticlib: 'lib___.a' })
    expect(p.targetLibdir).toBe(libdir(WASM_TRIPLE))
    expect(p.cfg.values.get('panic')).toEqual(new Set(['abort']))
    expect(p.cfg.names.has('unix')).toBe(false)
  })

  it('CRLF line ends give the same facts', () => {
    const crlf = (c: Captured): Captured => ({ stdout: c.stdout.replace(/\n/g, '\r\n'), stderr: c.stderr.replace(/\n/g, '\r\n') })
    for (const [c, triple] of [
      [GNU, GNU_TRIPLE],
      [MUSL, MUSL_TRIPLE],
      [WASM, WASM_TRIPLE]
    ] as const) {
      expect(probe(crlf(c), triple)).toEqual(probe(c, triple))
    }
  })

  it('too little output is a UserError naming the target', () => {
    expect(() => parseProbe('', '', 'x86_64-unknown-linux-gnu')).toThrow(UserError)
    expect(() => parseProbe('___\nlib___.rlib\n', '', 'x86_64-unknown-linux-gnu')).toThrow(/`x86_64-unknown-linux-gnu`/)
  })

  it('the too-little-output message is one line', () => {
    let message = ''
    try {
      parseProbe('___\nlib___.rlib\n', '', GNU_TRIPLE)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).not.toBe('')
    expect(message).not.toMatch(/\n/)
  })
})

describe('executablesCrtStatic', () => {
  it('gnu: dynamic C runtime by default', () => {
    expect(executablesCrtStatic([], probe(GNU, GNU_TRIPLE))).toBe(false)
  })

  it('gnu with an explicit +crt-static, in any spelling', () => {
    const p = probe(GNU_CRT_STATIC, GNU_TRIPLE)
    expect(executablesCrtStatic(['-C', 'target-feature=+crt-static'], p)).toBe(true)
    expect(executablesCrtStatic(['-Ctarget-feature=+sse4.2,+crt-static'], p)).toBe(true)
    expect(executablesCrtStatic(['--codegen', 'target-feature=+crt-static'], p)).toBe(true)
    expect(executablesCrtStatic(['--codegen=target_feature=+crt-static'], p)).toBe(true)
  })

  it('musl: static C runtime by default, dynamic with -crt-static', () => {
    expect(executablesCrtStatic([], probe(MUSL, MUSL_TRIPLE))).toBe(true)
    expect(executablesCrtStatic(['-C', 'target-feature=-crt-static'], probe(MUSL_NO_CRT_STATIC, MUSL_TRIPLE))).toBe(false)
  })

  it('wasm: not crt-static (no proc-macro support, so no default is inferred)', () => {
    expect(executablesCrtStatic([], probe(WASM, WASM_TRIPLE))).toBe(false)
  })

  // The probe always runs with the same flags, so an explicit flag is answered by the probe's own cfg.
  it('an explicit flag is answered by the cfg probed with it', () => {
    const gnu = probe(GNU, GNU_TRIPLE)
    const gnuCrtStatic = probe(GNU_CRT_STATIC, GNU_TRIPLE)
    expect(executablesCrtStatic(['-C', 'target-feature=-crt-static'], gnu)).toBe(false)
    expect(executablesCrtStatic(['-C', 'target-feature=-crt-static', '-C', 'target-feature=+crt-static'], gnuCrtStatic)).toBe(true)
    expect(executablesCrtStatic(['-C', 'target-feature=+crt-static,-crt-static'], gnuCrtStatic)).toBe(true)
    expect(executablesCrtStatic(['-C', 'target-feature=-crt-static'], probe(MUSL_NO_CRT_STATIC, MUSL_TRIPLE))).toBe(false)
    // Without a sign the feature is not a request.
    expect(executablesCrtStatic(['-C', 'target-feature=crt-static'], gnu)).toBe(false)
  })

  it('+crt-static on a target that ignores it (wasm32-unknown-unknown) does not make executables crt-static', () => {
    expect(executablesCrtStatic(['-C', 'target-feature=+crt-static'], probe(WASM_CRT_STATIC, WASM_TRIPLE))).toBe(false)
  })
})

describe('findStdDylib', () => {
  it('finds libstd-<hash>.so in the real host libdir', () => {
    expect(findStdDylib(HOST_LIBDIR)).toBe('libstd-d1237ef7159db0a2.so')
  })

  it('finds the macOS and Windows forms', () => {
    expect(findStdDylib(['libstd-0123456789abcdef.rlib', 'libstd-0123456789abcdef.dylib'])).toBe('libstd-0123456789abcdef.dylib')
    expect(findStdDylib(['std-0123456789abcdef.dll.lib', 'std-0123456789abcdef.dll', 'std-0123456789abcdef.dll.a'])).toBe(
      'std-0123456789abcdef.dll'
    )
    expect(findStdDylib(['libstd-0123456789abcdef.dll'])).toBe('libstd-0123456789abcdef.dll')
  })

  it('ignores everything that is not a shared std', () => {
    expect(findStdDylib([])).toBeNull()
    expect(findStdDylib(HOST_LIBDIR.filter(e => !e.endsWith('.so')))).toBeNull()
    expect(
      findStdDylib([
        'libstd-0123456789abcdef.rlib',
        'libstd-0123456789abcdef.rmeta',
        'libstd_detect-0123456789abcdef.so',
        'librustc_driver-0123456789abcdef.so',
        'libstd-0123456789abcdef.so.1',
        'libstd-XYZ.so',
        'libstd.so',
        'std-0123456789abcdef.pdb'
      ])
    ).toBeNull()
  })

  it('picks the first in sorted order when there are several', () => {
    expect(findStdDylib(['libstd-bbbb.so', 'libstd-aaaa.so'])).toBe('libstd-aaaa.so')
  })
})

describe('codegenOptions', () => {
  it.each([
    [['-C', 'panic=abort'], 'panic', ['abort']],
    [['-Cpanic=abort'], 'panic', ['abort']],
    [['--codegen', 'panic=abort'], 'panic', ['abort']],
    [['--codegen=panic=abort'], 'panic', ['abort']],
    [['-C', 'prefer-dynamic'], 'prefer-dynamic', ['']],
    [['-C', 'prefer_dynamic'], 'prefer-dynamic', ['']],
    [['-Cprefer-dynamic=yes'], 'prefer-dynamic', ['yes']],
    [['-C', 'target-feature=+crt-static', '-Ctarget-feature=+avx2', '--codegen', 'target_feature=-sse'], 'target-feature', ['+crt-static', '+avx2', '-sse']],
    [['-C', 'link-arg=-Wl,-rpath=/opt/lib'], 'link-arg', ['-Wl,-rpath=/opt/lib']],
    [['-C', 'link-arg=-Cprefer-dynamic'], 'prefer-dynamic', []],
    [['-Copt-level=3', '--cfg', 'foo', '-L', 'native=/x'], 'prefer-dynamic', []],
    [['-Z', 'prefer-dynamic'], 'prefer-dynamic', []],
    [['-C'], 'panic', []],
    [[], 'panic', []]
  ] as const)('%j → %s = %j', (flags, name, values) => {
    expect(codegenOptions(flags, name)).toEqual(values)
  })

  it('-Z options are read separately', () => {
    expect(unstableOptions(['-Z', 'build-std', '-Zshare-generics=y', '-C', 'share-generics=n'], 'share-generics')).toEqual(['y'])
  })

  it('targetFeatures splits comma lists in order', () => {
    expect(targetFeatures(['-C', 'target-feature=+a, -b', '-Ctarget-feature=+crt-static'])).toEqual(['+a', '-b', '+crt-static'])
  })

  it('flagEnabled: present without a value or with yes/on/true; the last occurrence wins', () => {
    expect(flagEnabled([])).toBe(false)
    expect(flagEnabled([''])).toBe(true)
    expect(flagEnabled(['yes'])).toBe(true)
    expect(flagEnabled(['Y'])).toBe(true)
    expect(flagEnabled(['on'])).toBe(true)
    expect(flagEnabled(['true'])).toBe(true)
    expect(flagEnabled(['no'])).toBe(false)
    expect(flagEnabled(['yes', 'no'])).toBe(false)
    expect(flagEnabled(['off', ''])).toBe(true)
    expect(flagEnabled(codegenOptions(['-C', 'prefer_dynamic'], 'prefer-dynamic'))).toBe(true)
  })
})

describe('parseRustcVersion', () => {
  it('reads real `rustc -vV` output', () => {
    expect(parseRustcVersion(RUSTC_VV)).toEqual({
      release: '1.95.0',
      commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
      commitDate: '2026-04-14',
      host: 'x86_64-unknown-linux-gnu'
    })
    expect(parseRustcVersion(RUSTC_VV.replace(/\n/g, '\r\n')).host).toBe('x86_64-unknown-linux-gnu')
  })

  it('defaults a missing commit hash and rejects output without release or host', () => {
    expect(parseRustcVersion('release: 1.80.0\nhost: aarch64-apple-darwin\n')).toEqual({
      release: '1.80.0',
      commitHash: 'unknown',
      commitDate: null,
      host: 'aarch64-apple-darwin'
    })
    expect(() => parseRustcVersion('rustc 1.95.0\n')).toThrow(UserError)
    expect(() => parseRustcVersion('release: 1.95.0\n')).toThrow(/rustc -vV/)
  })
})

describe('editDistance and similarNameHelp (cargo’s util/edit_distance.rs)', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, case-insensitively, up to a limit', () => {
    expect(editDistance('kitten', 'sitting', 10)).toBe(3)
    expect(editDistance('ab', 'ba', 10)).toBe(1)
    expect(editDistance('Build', 'build', 10)).toBe(0)
    expect(editDistance('\nMäry häd ä little lämb\n\nLittle lämb\n', '\nMary häd ä little lämb\n\nLittle lämb\n', 10)).toBe(1)
    expect(editDistance('abcdef', 'a', 3)).toBeNull()
    expect(editDistance('', 'abc', 3)).toBe(3)
  })

  it('suggests the nearest name within 3, the first of equals, or nothing', () => {
    expect(similarNameHelp('hots', ['host', 'hosts'], 'target')).toBe('; help: a target with a similar name exists: `host`')
    expect(similarNameHelp('zzzzzz', ['host'], 'target')).toBe('')
    expect(closest('a', ['b', 'c'])).toBe('b')
  })
})

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { classifyRustflags, firstRefused, probeRustflags, refusedTarget, rustflagsRefusal, targetRefusal } from '../../src/config/rustflag-policy.js'
import type { FlagSetting } from '../../src/config/rustflags.js'
import { codegenOptions, readRustflags, unstableOptions } from '../../src/model/rustc-flags.js'

/** `[name, value, use]` of each option, in order. */
function read(flags: string[]): [string, string | null, string][] {
  return classifyRustflags(flags).map(o => [o.name, o.value, o.use])
}

describe('reading rustflags as rustc does', () => {
  it.each([
    [['-C', 'panic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['-Cpanic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['--codegen', 'panic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['--codegen=panic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['--C=panic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['--C', 'panic=abort'], [['-C', 'panic=abort', 'probe']]],
    [['--cfg', 'foo'], [['--cfg', 'foo', 'probe']]],
    [['--cfg=foo="a b"'], [['--cfg', 'foo="a b"', 'probe']]],
    // A short cluster: flags until one that takes a value, which takes the rest or the next argument.
    [['-gO'], [['-g', null, 'data'], ['-O', null, 'probe']]],
    [['-gOC', 'panic=abort'], [['-g', null, 'data'], ['-O', null, 'probe'], ['-C', 'panic=abort', 'probe']]],
    [['-OCpanic=abort'], [['-O', null, 'probe'], ['-C', 'panic=abort', 'probe']]],
    [['--O'], [['-O', null, 'probe']]],
    // A value is the next argument, whatever it looks like (getopts), so these are a strange cfg and a strange -C.
    [['--cfg', '--print=sysroot=/x'], [['--cfg', '--print=sysroot=/x', 'probe']]],
    [['-C', '--print=sysroot=/x'], [['-C', '--print=sysroot=/x', 'data']]],
    [['--cfg', '--'], [['--cfg', '--', 'probe']]],
    // Missing values at the end of the list.
    [['--cfg'], [['--cfg', null, 'probe']]],
    [['-C'], [['-C', null, 'data']]],
    // Unknown options take no value.
    [['--frobnicate', 'foo'], [['--frobnicate', null, 'data'], ['', 'foo', 'refused']]],
    [['-x'], [['-x', null, 'data']]],
    [['-gxL/tmp'], [['-g', null, 'data'], ['-x', null, 'data']]],
    // `--O=x` gives a flag a value: never passed on (rendered as `-Ox` it could read differently).
    [['--O=o/tmp/x'], [['-O', 'o/tmp/x', 'data']]]
  ] as [string[], [string, string | null, string][]][])('%j', (flags, expected) => {
    expect(read(flags)).toEqual(expected)
  })

  it('records where each option starts and how it was written', () => {
    expect(readRustflags(['-Dwarnings', '-C', 'panic=abort', '-gO']).map(o => [o.token, o.written])).toEqual([
      [0, '-Dwarnings'],
      [1, '-C panic=abort'],
      [3, '-gO'],
      [3, '-gO']
    ])
  })

  it('reads -C and -Z values for the rules as rustc reads them', () => {
    expect(codegenOptions(['-gOCprefer_dynamic', '--C=panic=abort', '--cfg', '-Cpanic=unwind'], 'prefer-dynamic')).toEqual([''])
    expect(codegenOptions(['-gOCprefer_dynamic', '--C=panic=abort', '--cfg', '-Cpanic=unwind'], 'panic')).toEqual(['abort'])
    expect(unstableOptions(['-Zstaticlib_prefer_dynamic', '-Z', 'randomize-layout', '-Cstaticlib-prefer-dynamic=no'], 'staticlib-prefer-dynamic')).toEqual([''])
  })
})

describe('refused: every form of every option that names a file or a program, or makes rustc write', () => {
  const refused: [string, string[]][] = [
    ['an argument file', ['@/proc/self/environ']],
    ['an argument file as the value of --cfg', ['--cfg', '@/proc/self/environ']],
    ['an argument file as the value of -C', ['-C', '@args']],
    ['an argument file as the value in a cluster', ['-gA', '@args']],
    ['an argument file after --', ['--', '@args']],
    ['--print=', ['--print=sysroot=/tmp/marker']],
    ['--print', ['--print', 'sysroot=/tmp/marker']],
    ['--print without a path', ['--print=cfg']],
    ['--sysroot=', ['--sysroot=/tmp/x']],
    ['--sysroot', ['--sysroot', '/tmp/x']],
    ['-o', ['-o', '/tmp/x']],
    ['-o attached', ['-o/tmp/x']],
    ['-o in a cluster', ['-vo/tmp/x']],
    ['-o in a cluster, value next', ['-go', '/tmp/x']],
    ['--o=', ['--o=/tmp/x']],
    ['--out-dir', ['--out-dir', '/tmp/x']],
    ['--out-dir=', ['--out-dir=/tmp/x']],
    ['--emit', ['--emit', 'link=/tmp/x']],
    ['--emit=', ['--emit=obj']],
    ['-L', ['-L', '/tmp']],
    ['-L attached', ['-Lnative=/tmp']],
    ['-L in a cluster', ['-gL/tmp']],
    ['--L=', ['--L=/tmp']],
    ['--extern', ['--extern', 'foo=/tmp/libfoo.rlib']],
    ['--extern=', ['--extern=foo=/tmp/libfoo.rlib']],
    ['-Z codegen-backend', ['-Z', 'codegen-backend=/tmp/evil.so']],
    ['-Zcodegen-backend', ['-Zcodegen-backend=/tmp/evil.so']],
    ['-Zcodegen_backend', ['-Zcodegen_backend=/tmp/evil.so']],
    ['--Z=codegen-backend', ['--Z=codegen-backend=/tmp/evil.so']],
    ['-Z in a cluster', ['-gZcodegen-backend=/tmp/evil.so']],
    ['any other -Z', ['-Zllvm-plugins=/tmp/p.so']],
    ['-Z threads', ['-Z', 'threads=8']],
    ['-C linker', ['-C', 'linker=/tmp/ld']],
    ['-Clinker', ['-Clinker=/tmp/ld']],
    ['--codegen linker', ['--codegen', 'linker=/tmp/ld']],
    ['--codegen=linker', ['--codegen=linker=/tmp/ld']],
    ['-C codegen-backend', ['-C', 'codegen-backend=/tmp/evil.so']],
    ['-Ccodegen_backend', ['-Ccodegen_backend=/tmp/evil.so']],
    ['-C linker in a cluster', ['-OClinker=/tmp/ld']],
    ['--target', ['--target', 'x86_64-unknown-linux-gnu']],
    ['--target=', ['--target=/tmp/evil.json']],
    ['a free argument', ['src/lib.rs']],
    ['a free argument after --', ['--', '-O']],
    ['an empty argument', ['']],
    ['a lone dash', ['-']]
  ]
  it.each(refused)('%s', (_, flags) => {
    const found = firstRefused(flags)
    expect(found).not.toBeNull()
    expect(found!.why).toMatch(/file|program|write|print|directory|library|target|input/)
    expect(probeRustflags(flags).join(' ')).not.toMatch(/tmp|@|--print|--target|linker|backend/)
  })

  it('refuses after harmless options too', () => {
    expect(firstRefused(['-Dwarnings', '--cfg', 'a', '--print=sysroot=/x'])).toMatchObject({ token: 3, name: '--print' })
  })

  it('names the file, line and key, or the variable, and how to allow it, in one line', () => {
    const file: FlagSetting = { key: 'build.rustflags', source: { file: '/repo/.cargo/config.toml', line: 3 } }
    expect(rustflagsRefusal(['-Dwarnings', '--print=sysroot=/x'], [file, file])).toBe(
      '/repo/.cargo/config.toml:3: `build.rustflags` passes `--print=sysroot=/x` to rustc, which makes rustc print more than the probe asks for, or write a file (`--print KIND=PATH`); flags from the repository and the environment reach rustc only as data (set trust-repository-config, or pass --trust-repository-config to the CLI, to allow it)'
    )
    const env: FlagSetting = { key: 'RUSTFLAGS', source: { env: 'RUSTFLAGS' } }
    expect(rustflagsRefusal(['@/tmp/secret'], [env])).toMatch(/^environment variable `RUSTFLAGS` passes `@\/tmp\/secret` to rustc, which names a file whose lines rustc reads as more arguments; .*trust-repository-config/)
    const cli: FlagSetting = { key: 'build.rustflags', source: { cli: 'build.rustflags=["-Clinker=x"]' } }
    expect(rustflagsRefusal(['-Clinker=x'], [cli])).toMatch(/^`--config build\.rustflags=\["-Clinker=x"\]`: `build\.rustflags` passes `-Clinker=x`/)
    expect(rustflagsRefusal(['--cfg', 'a', '-Dwarnings'], [env, env, env])).toBeNull()
    // Control characters and backticks from the flag do not break the line or the code span.
    expect(rustflagsRefusal(['--print=sysroot=/x\n`y`'], [env])).toMatch(/passes `--print=sysroot=\/x\?\?y\?` to rustc/)
  })
})

describe('probe and data', () => {
  it.each([
    ['--cfg', ['--cfg', 'feature="x"'], ['--cfg=feature="x"']],
    ['-C target-feature', ['-C', 'target-feature=+crt-static'], ['-Ctarget-feature=+crt-static']],
    ['-C target-cpu', ['-Ctarget-cpu=native'], ['-Ctarget-cpu=native']],
    ['-C relocation-model', ['-C', 'relocation-model=static'], ['-Crelocation-model=static']],
    ['-C panic', ['--codegen', 'panic=abort'], ['-Cpanic=abort']],
    ['-C prefer-dynamic', ['-C', 'prefer_dynamic'], ['-Cprefer_dynamic']],
    ['-C lto', ['-Clto=fat'], ['-Clto=fat']],
    ['-C embed-bitcode', ['-C', 'embed-bitcode=no'], ['-Cembed-bitcode=no']],
    ['-C debug-assertions', ['-Cdebug-assertions=off'], ['-Cdebug-assertions=off']],
    ['-C overflow-checks', ['-Coverflow-checks=on'], ['-Coverflow-checks=on']],
    ['-C opt-level and -O', ['-Copt-level=3', '-O'], ['-Copt-level=3', '-O']],
    ['-Z options the rules read', ['-Z', 'staticlib-prefer-dynamic', '-Zstaticlib-allow-rdylib-deps', '-Zrandomize-layout', '-Zlayout-seed=7'], ['-Zstaticlib-prefer-dynamic', '-Zstaticlib-allow-rdylib-deps', '-Zrandomize-layout', '-Zlayout-seed=7']],
    ['-Z options that change cfg', ['-Zsanitizer=address', '-Zfmt-debug=none', '-Zub-checks=no', '-Zcontract-checks'], ['-Zsanitizer=address', '-Zfmt-debug=none', '-Zub-checks=no', '-Zcontract-checks']]
  ])('probe: %s', (_, flags, passed) => {
    expect(classifyRustflags(flags).every(o => o.use === 'probe')).toBe(true)
    expect(probeRustflags(flags)).toEqual(passed)
  })

  it.each([
    ['lints', ['-Dwarnings', '-A', 'dead_code', '--warn=unused', '-Fx', '--force-warn', 'y', '--cap-lints', 'warn', '--deny', 'z', '--forbid=w', '--allow=v']],
    ['debuginfo, codegen-units, strip', ['-g', '-C', 'debuginfo=2', '-Ccodegen-units=1', '-C', 'strip=symbols']],
    ['link arguments', ['-C', 'link-arg=-fuse-ld=lld', '-Clink-args=-Wl,--as-needed', '-l', 'static=foo', '-C', 'linker-flavor=gcc']],
    ['paths in debuginfo', ['--remap-path-prefix', '/home/me=/src', '--remap-path-prefix=/a=/b']],
    ['crate options', ['--edition', '2021', '--crate-type=lib', '--crate-name', 'x', '--check-cfg', 'cfg(foo)', '--test']],
    ['output options', ['--error-format=json', '--json', 'diagnostic-short', '--color', 'never', '--diagnostic-width=80', '-v']],
    ['other -C options', ['-C', 'incremental=/tmp/inc', '-Cprofile-generate=/tmp/pgo', '-Crpath', '-Cforce-frame-pointers=yes', '-Cunknown-option']],
    ['unknown options', ['--frobnicate', '-x']]
  ])('data: %s', (_, flags) => {
    expect(classifyRustflags(flags).map(o => o.use)).not.toContain('probe')
    expect(firstRefused(flags)).toBeNull()
    expect(probeRustflags(flags)).toEqual([])
  })

  it('keeps the order of probe options, so the last one still wins', () => {
    expect(probeRustflags(['-Cpanic=abort', '-Dwarnings', '-C', 'panic=unwind', '--cfg', 'a'])).toEqual(['-Cpanic=abort', '-Cpanic=unwind', '--cfg=a'])
  })

  it('what reaches the probe reads back as the same probe options and nothing else, whatever the list', () => {
    const token = fc.oneof(
      fc.constantFrom('-C', '-Z', '--cfg', '--codegen', '-O', '-g', '-gO', '--', '-', '', '@x', '--print', '-o', '--C', '--O', '-L', '--test', '--target'),
      fc.constantFrom('panic=abort', 'prefer-dynamic', 'linker=x', 'opt-level=3', 'randomize-layout', 'codegen-backend=x', 'foo', '-o/x', '--print=x', '@y'),
      fc.tuple(fc.constantFrom('-', '--', '-C', '-Z', '--cfg=', '--C=', '-gO', '-OC'), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
      fc.string({ maxLength: 8 })
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), flags => {
        const passed = probeRustflags(flags)
        const reread = classifyRustflags(passed)
        expect(reread.every(o => o.use === 'probe')).toBe(true)
        expect(reread.map(o => [o.name, o.value])).toEqual(classifyRustflags(flags).filter(o => o.use === 'probe').map(o => [o.name, o.value]))
        expect(passed.some(t => t.startsWith('@'))).toBe(false)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) }
    )
  })
})

describe('build.target', () => {
  it.each([
    ['evil.json', true],
    ['/repo/evil.json', true],
    ['Evil.JSON', true],
    ['../../../../repo/evil', true],
    ['targets\\evil', true],
    ['x86_64-unknown-linux-gnu', false],
    ['thumbv8m.main-none-eabi', false],
    ['wasm32-unknown-unknown', false]
  ])('%s refused: %s', (target, isRefused) => {
    expect(refusedTarget(target) !== null).toBe(isRefused)
  })

  it('names the file and line or the variable; a --config target is the user’s own', () => {
    expect(targetRefusal({ value: '/repo/evil.json', source: { file: '/repo/.cargo/config.toml', line: 2 } })).toMatch(
      /^\/repo\/\.cargo\/config\.toml:2: `build\.target` is `\/repo\/evil\.json`, which names a target-specification file, .*--trust-repository-config/
    )
    expect(targetRefusal({ value: 'x/evil', source: { env: 'CARGO_BUILD_TARGET' } })).toMatch(/^environment variable `CARGO_BUILD_TARGET` is `x\/evil`, which is a path/)
    expect(targetRefusal({ value: 'evil.json', source: { cli: 'build.target="evil.json"' } })).toBeNull()
    expect(targetRefusal({ value: 'x86_64-unknown-linux-gnu', source: { env: 'CARGO_BUILD_TARGET' } })).toBeNull()
  })
})

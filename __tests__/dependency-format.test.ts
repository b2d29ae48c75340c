import { describe, expect, it } from '@jest/globals'
import { calculate, type CrateNode, type LinkSession, type OutputCrateType, type Preference, recordedFormats } from '../src/linkage/dependency-format.js'
import type { PanicStrategy } from '../src/model/profile.js'
import { parseProbe, toTargetInfo } from '../src/rustc/probe.js'

/**
 * A tiny model of separate rustc invocations over a sysroot whose `std` also ships as a dylib
 * (as on x86_64-unknown-linux-gnu): each "compile" records the crate's formats for later consumers.
 */
interface Built {
  name: string
  rlib: boolean
  dylib: boolean
  deps: string[]
  formats: Map<string, Preference> | null
  panic: PanicStrategy
}

const SYS = ['core', 'alloc', 'compiler_builtins']

function sysroot(stdDylib: boolean): CrateNode[] {
  const node = (name: string, extra: Partial<CrateNode> = {}): CrateNode => ({
    key: name,
    name,
    rlib: true,
    dylib: false,
    depKind: 'explicit',
    isPanicRuntime: false,
    requiredPanic: null,
    dylibFormats: null,
    ...extra
  })
  const internals = [...SYS.map(n => node(n)), node('panic_unwind', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'unwind' })]
  const stdFormats = stdDylib ? new Map(internals.map(c => [c.key, 'static' as Preference])) : null
  return [
    node('std', { dylib: stdDylib, dylibFormats: stdFormats }),
    ...internals,
    node('panic_abort', { depKind: 'implicit', isPanicRuntime: true, requiredPanic: 'abort' })
  ]
}

class Rustc {
  readonly built = new Map<string, Built>()
  constructor(readonly stdDylib = true) {}

  /** Compiles `name` with the given crate types; returns the errors of every linking crate type. */
  compile(
    name: string,
    types: OutputCrateType[],
    deps: string[],
    opts: { preferDynamic?: boolean; panic?: PanicStrategy; crtStatic?: boolean; crtStaticAllowsDylibs?: boolean; macros?: string[] } = {}
  ) {
    const session: LinkSession = {
      preferDynamic: opts.preferDynamic ?? false,
      crtStatic: opts.crtStatic ?? false,
      crtStaticAllowsDylibs: opts.crtStaticAllowsDylibs ?? false,
      panic: opts.panic ?? 'unwind'
    }
    const graph = this.graph(deps, opts.macros ?? [])
    const injected = types.some(t => t !== 'rlib') ? (session.panic === 'abort' ? 'panic_abort' : 'panic_unwind') : null
    const results = types.map(t => ({ type: t, result: calculate(t, session, graph, injected) }))
    const dylib = results.find(r => r.type === 'dylib')
    this.built.set(name, {
      name,
      rlib: types.includes('rlib'),
      dylib: types.includes('dylib'),
      deps: [...deps, ...(opts.macros ?? [])],
      formats: dylib ? recordedFormats(graph, dylib.result) : null,
      panic: session.panic
    })
    return {
      errors: results.flatMap(r => r.result.errors),
      linkage: (type: OutputCrateType, crate: string) => results.find(r => r.type === type)!.result.linkage[graph.findIndex(c => c.key === crate)],
      via: (type: OutputCrateType, crate: string) => results.find(r => r.type === type)!.result.via.get(crate)
    }
  }

  private graph(deps: string[], macros: string[]): CrateNode[] {
    const out = sysroot(this.stdDylib)
    const seen = new Set<string>()
    const visit = (name: string, macrosOnly: boolean): void => {
      if (seen.has(name)) return
      seen.add(name)
      const b = this.built.get(name)
      if (!b) throw new Error(`${name} not built`)
      out.push({
        key: name,
        name,
        rlib: b.rlib,
        dylib: b.dylib,
        depKind: macrosOnly ? 'macros-only' : 'explicit',
        isPanicRuntime: false,
        requiredPanic: b.panic === 'abort' ? 'abort' : null,
        dylibFormats: b.formats
      })
      if (!macrosOnly) for (const d of b.deps) visit(d, false)
    }
    for (const d of deps) visit(d, false)
    for (const m of macros) visit(m, true)
    return out
  }
}

const duplicates = (errors: { kind: string; crate?: string }[]): string[] =>
  [...new Set(errors.filter(e => e.kind === 'crate-dep-multiple').map(e => e.crate!))].sort()

describe('calculate: rustc tests/run-make/mixing-formats', () => {
  // foo <- bar1, bar2 <- baz (bar1), baz2 (bar1, bar2): every permutation of the upper layer against the lower.
  it('baz links over a prefer-dynamic dylib bar1 containing rlib foo', () => {
    const r = new Rustc()
    r.compile('foo', ['rlib'], [])
    expect(r.compile('bar1', ['dylib'], ['foo'], { preferDynamic: true }).errors).toEqual([])
    expect(r.compile('baz', ['dylib', 'rlib'], ['bar1'], { preferDynamic: true }).errors).toEqual([])
    const bin = r.compile('baz-bin', ['bin'], ['bar1'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'bar1')).toBe('dynamic')
    expect(bin.linkage('bin', 'foo')).toBe('included-from-dylib')
    expect(bin.via('bin', 'foo')).toBe('bar1')
    expect(bin.linkage('bin', 'std')).toBe('dynamic')
  })

  it('baz links with foo as a dylib under an rlib bar1', () => {
    const r = new Rustc()
    r.compile('foo', ['dylib'], [], { preferDynamic: true })
    r.compile('bar1', ['rlib'], ['foo'])
    expect(r.compile('baz', ['dylib', 'rlib'], ['bar1'], { preferDynamic: true }).errors).toEqual([])
    const bin = r.compile('baz-bin', ['bin'], ['bar1'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'bar1')).toBe('static')
    expect(bin.linkage('bin', 'foo')).toBe('dynamic')
  })

  it('baz2 fails when two dylibs both contain rlib foo', () => {
    const r = new Rustc()
    r.compile('foo', ['rlib'], [])
    r.compile('bar1', ['dylib'], ['foo'], { preferDynamic: true })
    r.compile('bar2', ['dylib'], ['foo'], { preferDynamic: true })
    expect(duplicates(r.compile('baz2', ['dylib'], ['bar1', 'bar2']).errors)).toEqual(['foo'])
    expect(duplicates(r.compile('baz2-bin', ['bin'], ['bar1', 'bar2']).errors)).toEqual(['foo'])
  })

  const ok: [string, [OutputCrateType[], boolean], [OutputCrateType[], boolean], [OutputCrateType[], boolean], [OutputCrateType[], boolean]][] = [
    ['rlib foo, rlib bar1, dylib bar2, dylib+rlib baz2', [['rlib'], false], [['rlib'], false], [['dylib'], true], [['dylib', 'rlib'], false]],
    ['rlib foo, dylib bar1, rlib bar2, prefer-dynamic baz2', [['rlib'], false], [['dylib'], true], [['rlib'], false], [['dylib', 'rlib'], true]],
    ['all rlibs, prefer-dynamic baz2', [['rlib'], false], [['rlib'], false], [['rlib'], false], [['dylib', 'rlib'], true]],
    ['dylib foo under two rlibs', [['dylib'], true], [['rlib'], false], [['rlib'], false], [['dylib', 'rlib'], true]],
    ['dylib foo, dylib bar1, rlib bar2', [['dylib'], true], [['dylib'], true], [['rlib'], false], [['dylib', 'rlib'], false]],
    ['dylib foo, rlib bar1, dylib bar2', [['dylib'], true], [['rlib'], false], [['dylib'], true], [['dylib', 'rlib'], false]],
    ['everything a prefer-dynamic dylib', [['dylib'], true], [['dylib'], true], [['dylib'], true], [['dylib', 'rlib'], false]]
  ]
  it.each(ok)('baz2 links: %s', (_name, foo, bar1, bar2, baz2) => {
    const r = new Rustc()
    expect(r.compile('foo', foo[0], [], { preferDynamic: foo[1] }).errors).toEqual([])
    expect(r.compile('bar1', bar1[0], ['foo'], { preferDynamic: bar1[1] }).errors).toEqual([])
    expect(r.compile('bar2', bar2[0], ['foo'], { preferDynamic: bar2[1] }).errors).toEqual([])
    expect(r.compile('baz2', baz2[0], ['bar1', 'bar2'], { preferDynamic: baz2[1] }).errors).toEqual([])
    expect(r.compile('baz2-bin', ['bin'], ['bar1', 'bar2']).errors).toEqual([])
  })
})

describe('calculate: the other rustc tests/run-make linkage tests', () => {
  it('mixing-deps: a bin over a prefer-dynamic dylib and the rlib+dylib it uses links both dynamically', () => {
    const r = new Rustc()
    r.compile('both', ['rlib', 'dylib'], [], { preferDynamic: true })
    r.compile('dylib', ['dylib'], ['both'], { preferDynamic: true })
    const prog = r.compile('prog', ['bin'], ['dylib', 'both'])
    expect(prog.errors).toEqual([])
    expect(prog.linkage('bin', 'dylib')).toBe('dynamic')
    expect(prog.linkage('bin', 'both')).toBe('dynamic')
  })

  it('mixing-libs: a bin over a static-std dylib and an rlib-only crate it embeds fails on std', () => {
    const r = new Rustc()
    r.compile('rlib', ['rlib', 'dylib'], [])
    expect(r.compile('dylib', ['dylib'], ['rlib']).errors).toEqual([])
    r.compile('rlib', ['rlib'], []) // the test removes librlib.so before compiling prog
    expect(duplicates(r.compile('prog', ['bin'], ['dylib', 'rlib']).errors)).toContain('std')
  })

  it('static-dylib-by-default: a dylib without prefer-dynamic embeds its rlib+dylib dependency and std', () => {
    const r = new Rustc()
    r.compile('foo', ['rlib', 'dylib'], [])
    const bar = r.compile('bar', ['dylib'], ['foo'])
    expect(bar.errors).toEqual([])
    expect(bar.linkage('dylib', 'foo')).toBe('static')
    expect(bar.linkage('dylib', 'std')).toBe('static')
  })

  it('dylib-chain: a bin over a chain of prefer-dynamic dylibs links every link of it dynamically', () => {
    const r = new Rustc()
    r.compile('m1', ['dylib'], [], { preferDynamic: true })
    r.compile('m2', ['dylib'], ['m1'], { preferDynamic: true })
    r.compile('m3', ['dylib'], ['m2'], { preferDynamic: true })
    const m4 = r.compile('m4', ['bin'], ['m3'])
    expect(m4.errors).toEqual([])
    for (const crate of ['m3', 'm2', 'm1', 'std']) expect(m4.linkage('bin', crate)).toBe('dynamic')
  })

  it('prefer-dylib and prefer-rlib: an rlib+dylib dependency is linked dynamically only under prefer-dynamic', () => {
    const dylib = new Rustc()
    dylib.compile('bar', ['dylib', 'rlib'], [], { preferDynamic: true })
    const dynamicFoo = dylib.compile('foo', ['bin'], ['bar'], { preferDynamic: true })
    expect(dynamicFoo.errors).toEqual([])
    expect(dynamicFoo.linkage('bin', 'bar')).toBe('dynamic')
    const rlib = new Rustc()
    rlib.compile('bar', ['dylib', 'rlib'], [])
    const staticFoo = rlib.compile('foo', ['bin'], ['bar'])
    expect(staticFoo.errors).toEqual([])
    expect(staticFoo.linkage('bin', 'bar')).toBe('static')
    expect(staticFoo.linkage('bin', 'std')).toBe('static')
  })

  it('cdylib-dylib-linkage: a cdylib over a prefer-dynamic dylib links it and std dynamically', () => {
    const r = new Rustc()
    r.compile('bar', ['dylib'], [], { preferDynamic: true })
    const foo = r.compile('foo', ['cdylib'], ['bar'])
    expect(foo.errors).toEqual([])
    expect(foo.linkage('cdylib', 'bar')).toBe('dynamic')
    expect(foo.linkage('cdylib', 'std')).toBe('dynamic')
  })
})

describe('calculate: decision table (linux-gnu, std has a dylib)', () => {
  it('a dylib built without prefer-dynamic contains std and cannot be linked by a bin', () => {
    const r = new Rustc()
    expect(r.compile('d', ['dylib'], []).errors).toEqual([])
    const bin = r.compile('bin', ['bin'], ['d'])
    const dups = duplicates(bin.errors)
    expect(dups).toContain('std')
    expect(dups).toEqual(expect.arrayContaining(['core', 'alloc', 'compiler_builtins', 'panic_unwind']))
  })

  it('the same dylib links when the sysroot has no std dylib (fake-sysroot control)', () => {
    const r = new Rustc(false)
    r.compile('d', ['dylib'], [])
    const bin = r.compile('bin', ['bin'], ['d'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'std')).toBe('included-from-dylib')
  })

  it('a prefer-dynamic dylib links and makes the bin link std dynamically', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [], { preferDynamic: true })
    const bin = r.compile('bin', ['bin'], ['d'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'd')).toBe('dynamic')
    expect(bin.linkage('bin', 'std')).toBe('dynamic')
  })

  it('a dylib+rlib dependency is linked statically unless the consumer prefers dynamic', () => {
    const r = new Rustc()
    r.compile('d', ['dylib', 'rlib'], [])
    const bin = r.compile('bin', ['bin'], ['d'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'd')).toBe('static')
    expect(bin.linkage('bin', 'std')).toBe('static')
    const pd = new Rustc()
    pd.compile('d', ['dylib', 'rlib'], [], { preferDynamic: true })
    const dyn = pd.compile('bin', ['bin'], ['d'], { preferDynamic: true })
    expect(dyn.errors).toEqual([])
    expect(dyn.linkage('bin', 'd')).toBe('dynamic')
  })

  it('a crate both inside a dylib and depended on directly is linked once, from the dylib', () => {
    const r = new Rustc()
    r.compile('c', ['rlib'], [])
    r.compile('d', ['dylib'], ['c'], { preferDynamic: true })
    const bin = r.compile('bin', ['bin'], ['d', 'c'])
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'c')).toBe('included-from-dylib')
  })

  it('a staticlib over a dylib-only crate needs it as an rlib', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [], { preferDynamic: true })
    expect(r.compile('st', ['staticlib'], ['d']).errors).toEqual([{ kind: 'rlib-required', crate: 'd' }])
  })

  it('a cdylib over a prefer-dynamic dylib links, over a static-std dylib it does not', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [], { preferDynamic: true })
    expect(r.compile('cd', ['cdylib'], ['d']).errors).toEqual([])
    const w = new Rustc()
    w.compile('d', ['dylib'], [])
    expect(duplicates(w.compile('cd', ['cdylib'], ['d']).errors)).toContain('std')
  })

  it('panic=abort with std linked dynamically fails on the panic_unwind runtime', () => {
    const r = new Rustc()
    const d = r.compile('d', ['dylib'], [], { preferDynamic: true, panic: 'abort' })
    expect(d.errors).toEqual([{ kind: 'bad-panic-strategy', runtime: 'panic_unwind', strategy: 'abort' }])
  })

  it('an abort rlib linked into an unwind bin fails, an unwind rlib into an abort bin does not', () => {
    const r = new Rustc()
    r.compile('l', ['rlib'], [], { panic: 'abort' })
    expect(r.compile('bin', ['bin'], ['l']).errors).toEqual([
      { kind: 'required-panic-strategy', crate: 'l', found: 'abort', desired: 'unwind' }
    ])
    const u = new Rustc()
    u.compile('l', ['rlib'], [])
    expect(u.compile('bin', ['bin'], ['l'], { panic: 'abort' }).errors).toEqual([])
  })

  it('a static-std abort dylib mixed with dynamic std brings two panic runtimes', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [], { panic: 'abort' })
    const bin = r.compile('bin', ['bin'], ['d'], { panic: 'abort', preferDynamic: true })
    expect(bin.errors.map(e => e.kind)).toEqual(expect.arrayContaining(['crate-dep-multiple', 'two-panic-runtimes']))
  })

  it('a crt-static executable over a prefer-dynamic dylib needs an rlib', () => {
    const r = new Rustc()
    r.compile('l', ['dylib'], [], { preferDynamic: true })
    expect(r.compile('bin', ['bin'], ['l'], { crtStatic: true }).errors).toEqual([{ kind: 'rlib-required', crate: 'l' }])
  })

  it('a crt-static executable prefers static linking even with prefer-dynamic', () => {
    const r = new Rustc()
    r.compile('l', ['rlib'], [])
    const bin = r.compile('bin', ['bin'], ['l'], { crtStatic: true, preferDynamic: true })
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'std')).toBe('static')
  })

  it('proc-macro dependencies are never linked, and proc-macros ignore prefer-dynamic', () => {
    const r = new Rustc()
    r.compile('m', ['proc-macro'], [], { preferDynamic: true })
    const bin = r.compile('bin', ['bin'], [], { macros: ['m'] })
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'm')).toBe('not-linked')
    const pm = r.compile('pm', ['proc-macro'], [], { preferDynamic: true })
    expect(pm.linkage('proc-macro', 'std')).toBe('static')
  })

  it('an rlib output never links', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [])
    expect(r.compile('l', ['rlib'], ['d']).errors).toEqual([])
  })
})

describe('calculate: cases measured with rustc 1.95.0', () => {
  // `rustc --crate-type dylib -C panic=abort d.rs`, then `rustc -C prefer-dynamic -C panic=abort m.rs --extern d=libd.so`:
  //   error: cannot link together two panic runtimes: panic_unwind and panic_abort
  //   error: the crate `panic_unwind` requires panic strategy `unwind` which is incompatible with this crate's strategy of `abort`
  // after one "only shows up once" error per crate of std that `d` contains.
  it('of two panic runtimes the last one linked is checked, and the first fails like any other crate', () => {
    const r = new Rustc()
    r.compile('d', ['dylib'], [], { panic: 'abort' })
    const bin = r.compile('bin', ['bin'], ['d'], { panic: 'abort', preferDynamic: true })
    expect(duplicates(bin.errors)).toEqual(['alloc', 'compiler_builtins', 'core', 'std'])
    expect(bin.errors.filter(e => e.kind !== 'crate-dep-multiple')).toEqual([
      { kind: 'two-panic-runtimes', first: 'panic_unwind', second: 'panic_abort' },
      { kind: 'required-panic-strategy', crate: 'panic_unwind', found: 'unwind', desired: 'abort' }
    ])
  })

  it('a crt-static executable over a dylib links it dynamically where the target allows dylibs with crt-static', () => {
    const r = new Rustc()
    r.compile('l', ['dylib'], [], { preferDynamic: true })
    const bin = r.compile('bin', ['bin'], ['l'], { crtStatic: true, crtStaticAllowsDylibs: true })
    expect(bin.errors).toEqual([])
    expect(bin.linkage('bin', 'l')).toBe('dynamic')
  })
})

/**
 * The combined probe (`probeArgs`) as rustc 1.95.0 answers it for a target: the file-name lines, the dropped
 * crate types, and of the cfg only the lines that matter here; the toolchain paths are neutral.
 */
function probed(triple: string, fileNames: string[], dropped: string[], cfg: string[]) {
  const stdout = [...fileNames, '/toolchain', `/toolchain/lib/rustlib/${triple}/lib`, 'debug_assertions', ...cfg, ''].join('\n')
  const stderr = dropped.map(t => `warning: dropping unsupported crate type \`${t}\` for target \`${triple}\`\n`).join('\n')
  return parseProbe(stdout, stderr, triple)
}

const CRT_STATIC = ['-C', 'target-feature=+crt-static']
const ELF = ['___', 'lib___.rlib', 'lib___.so', 'lib___.so', 'lib___.a', 'lib___.so']
const PE = ['___.exe', 'lib___.rlib', '___.dll', '___.dll', 'lib___.a', '___.dll']
const WASM = ['___.wasm', 'lib___.rlib', '___.wasm', 'lib___.a']

// [triple, rustflags, file names, dropped crate types, cfg, crt-static executables, crt_static_allows_dylibs]
const TARGETS: [string, string[], string[], string[], string[], boolean, boolean | undefined][] = [
  ['x86_64-unknown-linux-gnu', [], ELF, [], ['target_env="gnu"', 'target_os="linux"'], false, undefined],
  [
    'x86_64-unknown-linux-gnu',
    CRT_STATIC,
    ['___', 'lib___.rlib', 'lib___.a'],
    ['dylib', 'cdylib', 'proc-macro'],
    ['target_env="gnu"', 'target_feature="crt-static"', 'target_os="linux"'],
    true,
    false
  ],
  ['x86_64-unknown-linux-musl', [], ['___', 'lib___.rlib', 'lib___.a', 'lib___.so'], ['dylib', 'cdylib'], ['target_env="musl"', 'target_os="linux"'], true, false],
  [
    'x86_64-pc-windows-msvc',
    CRT_STATIC,
    ['___.exe', 'lib___.rlib', '___.dll', '___.dll', '___.lib', '___.dll'],
    [],
    ['target_env="msvc"', 'target_feature="crt-static"', 'target_os="windows"'],
    true,
    true
  ],
  ['x86_64-pc-windows-gnullvm', CRT_STATIC, PE, [], ['target_env="gnu"', 'target_feature="crt-static"', 'target_os="windows"'], true, true],
  // rustc ignores crt-static on this target: the cfg does not report it.
  ['x86_64-pc-windows-gnu', CRT_STATIC, PE, [], ['target_env="gnu"', 'target_os="windows"'], false, undefined],
  ['wasm32-wasip1', CRT_STATIC, WASM, ['dylib', 'proc-macro'], ['target_env="p1"', 'target_feature="crt-static"', 'target_os="wasi"'], true, true],
  ['wasm32-wasip1', [], WASM, ['dylib', 'proc-macro'], ['target_env="p1"', 'target_os="wasi"'], false, undefined]
]

describe('TargetInfo.crtStaticAllowsDylibs, read from the probe', () => {
  it.each(TARGETS)('%s %j', (triple, flags, fileNames, dropped, cfg, crtStatic, allows) => {
    const info = toTargetInfo(triple, probed(triple, fileNames, dropped, cfg), [], flags)
    expect(info.crtStaticExecutables).toBe(crtStatic)
    expect(info.crtStaticAllowsDylibs).toBe(allows)
  })

  it.each(TARGETS.filter(t => t[5]))('a crt-static executable over a dylib-only crate on %s %j', (triple, flags, fileNames, dropped, cfg) => {
    const info = toTargetInfo(triple, probed(triple, fileNames, dropped, cfg), [], flags)
    const r = new Rustc()
    r.compile('l', ['dylib'], [], { preferDynamic: true })
    const bin = r.compile('bin', ['bin'], ['l'], { crtStatic: info.crtStaticExecutables, crtStaticAllowsDylibs: info.crtStaticAllowsDylibs ?? false })
    expect(bin.errors).toEqual(info.crtStaticAllowsDylibs ? [] : [{ kind: 'rlib-required', crate: 'l' }])
  })
})

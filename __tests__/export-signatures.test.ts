/**
 * The signatures of unmangled exports and the module-level type declarations of a Rust file
 * (`rust-source/exports.ts`, `rust-source/signatures.ts`), and whether an export is a C interface
 * (`rust-source/c-interface.ts`): what `multiple-rust-runtimes` stays quiet on.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exportReader } from '../src/gather/sources.js'
import type { ExportedSymbol, SignatureType } from '../src/model/facts.js'
import type { Metadata, Package, Target } from '../src/model/metadata.js'
import { interfaceProblem } from '../src/rust-source/c-interface.js'
import { scanExports } from '../src/rust-source/exports.js'
import { writeTree } from './support/files.js'

/** A type tree as compact text: `path(Option fn[C](path(i32)) -> path(i32))`. */
function shape(t: SignatureType | null): string {
  if (t === null) return '()'
  switch (t.kind) {
    case 'path':
      return t.args.length === 0 ? t.segments.join('::') : `${t.segments.join('::')}<${t.args.map(shape).join(', ')}>`
    case 'pointer':
      return `*${t.mutable ? 'mut' : 'const'} ${shape(t.to)}`
    case 'reference':
      return `&${t.mutable ? 'mut ' : ''}${shape(t.to)}`
    case 'fn':
      return `fn[${t.abi ?? 'Rust'}](${t.params.map(shape).join(', ')}) -> ${shape(t.returns)}`
    case 'tuple':
      return `(${t.items.map(shape).join(', ')})`
    case 'array':
      return `[${shape(t.of)}; N]`
    case 'slice':
      return `[${shape(t.of)}]`
    default:
      return `${t.kind}:${t.text}`
  }
}

function signatures(source: string): string[] {
  return scanExports(source).exports.map(e => {
    const s = e.signature
    if (s == null) return `${e.symbol}: ?`
    if (s.item === 'static') return `${e.symbol}: static ${shape(s.type)} @${s.line}`
    return `${e.symbol}: fn[${s.abi ?? 'Rust'}]${s.generic ? '<generic>' : ''}(${s.params.map(shape).join(', ')}) -> ${shape(s.returns)} @${s.line}`
  })
}

/** The first problem of each export of `source`, its declarations known. */
function problems(source: string): (string | null)[] {
  const scan = scanExports(source)
  const types = scan.declarations.map(d => ({ ...d, file: 'lib.rs' }))
  return scan.exports.map(e => {
    const found = interfaceProblem({ ...e, file: 'lib.rs', types } as ExportedSymbol)
    return found === null ? null : `${found.line}: ${found.reason}`
  })
}

describe('scanExports: signatures', () => {
  it('reads the ABI, generics, parameters and return type of functions, and the type of statics', () => {
    const source = [
      '#[no_mangle] pub extern "C" fn a(x: i32, p: *const u8) -> bool { true }',
      '#[no_mangle] pub unsafe extern "C-unwind" fn b<\'a>(s: &\'a mut S) {}',
      '#[no_mangle] pub extern fn c() -> ! { loop {} }',
      '#[no_mangle] pub fn d<T: Copy>(t: T) -> Vec<T> { vec![t] }',
      '#[no_mangle]',
      'pub extern "C" fn e(',
      '    #[allow(unused)] cb: Option<unsafe extern "C" fn(user: *mut c_void, n: i32) -> i32>,',
      '    (x, y): (u8, u16),',
      ') -> std::ptr::NonNull<Opaque> where Opaque: Sized { todo!() }',
      '#[no_mangle] pub static mut TABLE: [u8; 4] = [0; 4];',
      '#[export_name = "f_renamed"] pub extern "system" fn f(s: &[u8], d: Box<dyn Fn(u8) -> u8 + Send>) -> impl Sized {}'
    ].join('\n')
    expect(signatures(source)).toEqual([
      'a: fn[C](i32, *const u8) -> bool @1',
      'b: fn[C-unwind](&mut S) -> () @2',
      'c: fn[C]() -> never:! @3',
      'd: fn[Rust]<generic>(T) -> Vec<T> @4',
      'e: fn[C](Option<fn[C](*mut c_void, i32) -> i32>, (u8, u16)) -> std::ptr::NonNull<Opaque> @6',
      'TABLE: static [u8; N] @10',
      'f_renamed: fn[system](&[u8], Box<dyn:dyn Fn(u8) -> u8 + Send>) -> impl:impl Sized @11'
    ])
  })

  it('keeps the type as written, and the line where each parameter type starts', () => {
    const e = scanExports('#[no_mangle]\npub extern "C" fn f(\n    a: u32,\n    v: Vec<\n        u8,\n    >,\n) {}').exports[0]!
    expect(e.signature).toMatchObject({ item: 'fn', line: 2 })
    const params = e.signature!.item === 'fn' ? e.signature!.params : []
    expect(params.map(p => [p.text, p.line])).toEqual([
      ['u32', 3],
      ['Vec< u8, >', 4]
    ])
  })

  it('reads `self` parameters and patterns it does not follow as `other`, and survives broken input', () => {
    expect(signatures('impl S { #[no_mangle] pub extern "C" fn m(&self, x: u8) {} }')).toEqual(['m: fn[C](other:&self, u8) -> () @1'])
    expect(() => scanExports('#[no_mangle] pub extern "C" fn broken(a: Option<, b')).not.toThrow()
    expect(() => scanExports('#[no_mangle] pub static S')).not.toThrow()
  })
})

describe('scanExports: type declarations', () => {
  it('finds module-level structs, enums, unions and aliases with their repr hints, not those in impls, traits or functions', () => {
    const source = [
      '#[repr(C)] pub struct A { x: u8 }',
      '#[derive(Clone)]',
      '#[repr(C, packed)]',
      'pub(crate) struct B(u8);',
      '#[repr(u8)] enum C { X }',
      '#[cfg_attr(feature = "ffi", repr(C))] union D { a: u8 }',
      'pub type E<T> = *mut T;',
      'struct F;',
      'mod inner { #[repr(transparent)] pub struct G(u32); }',
      'impl A { type H = u8; }',
      'trait T { type I; }',
      'fn f() { struct J; }'
    ].join('\n')
    expect(scanExports(source).declarations.map(d => [d.name, d.item, d.repr.join(','), d.aliasOf?.text ?? null, d.line])).toEqual([
      ['A', 'struct', 'C', null, 1],
      ['B', 'struct', 'C,packed', null, 4],
      ['C', 'enum', 'u8', null, 5],
      ['D', 'union', 'C', null, 6],
      ['E', 'type', '', '*mut T', 7],
      ['F', 'struct', '', null, 8],
      ['G', 'struct', 'transparent', null, 9]
    ])
  })
})

describe('interfaceProblem: what a C interface may carry', () => {
  const header = [
    'use std::ffi::{c_char, c_void};',
    '#[repr(C)] pub struct Config { pub n: u32 }',
    '#[repr(u8)] pub enum Mode { A, B }',
    '#[repr(transparent)] pub struct Id(u64);',
    'pub struct Opaque;',
    'pub type Handle = std::ptr::NonNull<Opaque>;',
    'pub type Callback = Option<unsafe extern "C" fn(user: *mut c_void) -> i32>;'
  ]

  it('accepts primitives, C types, thin pointers, C fn pointers, nullable pointers, repr types and aliases', () => {
    const source = [
      ...header,
      '#[no_mangle] pub extern "C" fn a(x: i32, y: f64, z: bool, s: *const c_char, u: *mut Opaque, c: &Config, m: &mut Mode) -> u8 { 0 }',
      '#[no_mangle] pub unsafe extern "C-unwind" fn b(h: Handle, o: Option<Handle>, cb: Callback, id: Id, n: libc::size_t, k: core::ffi::c_int) {}',
      '#[no_mangle] pub extern "system" fn c(f: extern "C" fn(*const Config) -> Mode, r: Option<&Config>) -> ! { loop {} }',
      '#[no_mangle] pub static VTABLE: Config = Config { n: 1 };',
      '#[no_mangle] pub static mut BUFFER: [u8; 16] = [0; 16];'
    ].join('\n')
    expect(problems(source)).toEqual([null, null, null, null, null])
  })

  it('refuses Rust types, fat pointers, trait objects, the Rust ABI, generics and types without a C representation', () => {
    const source = [
      ...header,
      '#[no_mangle] pub extern "C" fn a() -> Box<dyn Plugin> { todo!() }',
      '#[no_mangle] pub fn b() -> u32 { 0 }',
      '#[no_mangle] pub extern "C" fn c(s: &str) {}',
      '#[no_mangle] pub extern "C" fn d(v: Vec<u8>) {}',
      '#[no_mangle] pub extern "C" fn e(o: Opaque) {}',
      '#[no_mangle] pub extern "C" fn f(x: Unknown) {}',
      '#[no_mangle] pub extern "C" fn g(o: Option<u32>) {}',
      '#[no_mangle] pub extern "C" fn h(cb: fn(u8)) {}',
      '#[no_mangle] pub extern "C" fn i(t: (u8, u8)) {}',
      '#[no_mangle] pub extern "C" fn j(a: [u8; 4]) {}',
      '#[no_mangle] pub extern "C" fn k<T>(t: *const T) {}',
      '#[no_mangle] pub extern "Rust" fn l() {}',
      '#[no_mangle] pub static NAME: &str = "x";',
      '#[no_mangle] pub extern "C" fn m(p: *const [u8]) {}'
    ].join('\n')
    expect(problems(source)).toEqual([
      "8: returns `Box<dyn Plugin>`: a boxed trait object is a fat pointer to a vtable laid out by this side's compiler, and the side that drops it frees it with its own allocator",
      '9: has the Rust ABI: it is exported unmangled but not declared `extern "C"`',
      '10: takes `&str`: `&str` is a fat pointer (pointer and length or vtable)',
      '11: takes `Vec<u8>`: `Vec` is a Rust type with no C layout',
      "12: takes `Opaque`: `Opaque` (a struct of the workspace) has no `#[repr(C)]`, `#[repr(transparent)]` or integer representation, so its layout is the compiler's choice",
      '13: takes `Unknown`: no `#[repr(C)]` declaration of `Unknown` was found in the workspace',
      '14: takes `Option<u32>`: `Option<u32>` has no C layout (only `Option` of a reference, `NonNull` or an `extern "C" fn` is a nullable pointer)',
      '15: takes `fn(u8)`: a Rust-ABI function pointer (no `extern "C"`)',
      '16: takes `(u8, u8)`: tuples have no defined layout',
      '17: takes `[u8; 4]`: arrays cannot be passed by value in C',
      '18: is generic',
      '19: uses the `extern "Rust"` ABI, not a C one',
      '20: is a static of type `&str`: `&str` is a fat pointer (pointer and length or vtable)',
      '21: takes `*const [u8]`: `*const [u8]` is a fat pointer (pointer and length or vtable)'
    ])
  })

  it('an export whose signature was not read is not a known C interface', () => {
    const base = { symbol: 's', attribute: 'no_mangle', library: true, harness: true, file: 'lib.rs', line: 3 } as const
    expect(interfaceProblem({ ...base })).toEqual({ reason: 'has a signature that was not read', line: 3 })
    expect(interfaceProblem({ ...base, signature: null })).toEqual({ reason: 'has a signature that could not be read', line: 3 })
  })
})

describe('exportReader: the types a signature names, from the target and the local packages it depends on', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-signatures-'))
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it('finds #[repr(C)] types and aliases of the interface crate, follows aliases to what they name, and says when a module file is missing', () => {
    const root = writeTree(tmp, {
      'api/src/lib.rs': 'mod types;\npub use types::*;\npub type Create = unsafe extern "C" fn() -> Handle;\n',
      'api/src/types.rs': '#[repr(C)] pub struct State { _p: [u8; 0] }\npub type Handle = *mut State;\npub struct Unrelated;\n',
      'plug/src/lib.rs': '#[cfg(windows)] mod missing;\n#[no_mangle] pub extern "C" fn create(f: api::Create) -> api::Handle { unsafe { f() } }\n'
    })
    const target = (dir: string, kind: 'lib'): Target => ({ name: dir, kind, crateTypes: ['lib'], srcPath: path.join(root, dir, 'src', 'lib.rs') }) as unknown as Target
    const api = { id: 'api', name: 'api', source: null, targets: [target('api', 'lib')], deps: [] } as unknown as Package
    const plug = { id: 'plug', name: 'plug', source: null, targets: [target('plug', 'lib')], deps: [{ pkg: 'api', externName: 'api', kinds: [{ kind: 'normal', platform: null, declared: null }] }] } as unknown as Package
    const metadata = { packages: new Map([['api', api], ['plug', plug]]) } as unknown as Metadata
    const [create] = exportReader(metadata, null)(plug.targets[0]!)
    expect(create!.types!.map(d => `${d.name} ${path.relative(root, d.file)}:${d.line}`).sort()).toEqual(['Create api/src/lib.rs:3', 'Handle api/src/types.rs:2', 'State api/src/types.rs:1'])
    expect(create!.sourcesComplete).toBe(false)
    expect(interfaceProblem(create!)).toBeNull()
  })
})

/**
 * Which crates a target's sources name: rustc loads (and links) only those, so a dependency no file of the
 * target names is left out of its linkage. Undecidable cases must count as named.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sourceReader } from '../src/gather/sources.js'
import type { Metadata } from '../src/model/metadata.js'
import { scanSourceNames } from '../src/rust-source/crate-names.js'
import { writeTree } from './support/files.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-crate-names-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('scanSourceNames', () => {
  const names = (source: string): string[] => [...scanSourceNames(source).names].sort()

  it('names path roots, `use` and `extern crate`, in macro bodies and cfg-gated code too; not comments, strings or locals', () => {
    const source = [
      '// dy::in_a_comment()',
      'use alpha;',
      'pub use beta::x;',
      'extern crate gamma;',
      'fn f() { let local = 3; delta::g(); let _ = "epsilon::h"; r#zeta::k(); }',
      '#[cfg(windows)] fn w() { eta::x() }',
      'macro_rules! m { () => { theta::y() } }',
      '/* iota::nested /* kappa::deeper */ */'
    ].join('\n')
    expect([...scanSourceNames(source).names].sort()).toEqual(['alpha', 'beta', 'delta', 'eta', 'gamma', 'theta', 'zeta'])
  })

  it('names the crates of global paths and of `use` groups: `use ::d as e`, `use {d as e}`, `return ::d::f()`', () => {
    const source = ['use ::alpha as a;', 'use {beta as b, gamma::x};', 'use ::{delta};', 'fn f() -> u32 { return ::eta::g(); }', 'fn h() { let v = <T>::new(); Vec::<u8>::new(); }'].join('\n')
    expect([...scanSourceNames(source).names].sort()).toEqual(['Vec', 'alpha', 'beta', 'delta', 'eta', 'gamma'])
    // Only a `use` opens a group: commas in top-level attributes list no crates.
    expect([...scanSourceNames('#[cfg(any(unix, windows))]\n#[derive(Debug, Clone)]\nstruct S;').names]).toEqual([])
  })

  it('a type-namespace item of the module shadows the crate for its own paths, not its children\'s, and not when cfg-gated', () => {
    expect(names('mod d { pub fn f() {} }\nfn main() { d::f(); }')).toEqual([])
    expect(names('mod d;\npub(crate) struct e;\n#[derive(Clone)] enum g {}\ntrait h {}\ntype k = u8;\nfn main() { d::f(); e::f(); g::f(); h::f(); k::f(); }')).toEqual([])
    expect(names('mod d {}\nmod inner { fn f() { d::f(); } }')).toEqual(['d'])
    expect(names('mod inner { mod d {} fn f() { d::f(); } }\nfn main() { d::f(); }')).toEqual(['d'])
    expect(names('#[cfg(windows)]\nmod d {}\nfn main() { d::f(); }')).toEqual(['d'])
    expect(names('#[cfg_attr(test, path = "t.rs")]\nmod d;\nfn main() { d::f(); }')).toEqual(['d'])
    // Items in a function body, functions (the value namespace) and associated types shadow nothing here.
    expect(names('fn f() { mod d {} }\nfn d() {}\nstruct S;\nimpl S { type e = u8; }\nfn main() { d::f(); e::f(); }')).toEqual(['d', 'e'])
    // `use` paths and global paths name the crate whatever the module declares.
    expect(names('mod d {}\nuse d::x;\nfn main() { ::d::f(); }')).toEqual(['d'])
    expect(names('mod d {}\nfn main() { ::d::f(); }')).toEqual(['d'])
  })

  it('names what a macro_rules! body starts a path with: its arguments, and its own paths wherever it is defined', () => {
    expect(names('macro_rules! call { ($k:ident) => { $k::f() } }\nfn main() { let _ = call!(d); }')).toEqual(['d'])
    // A macro that does not start a path with a metavariable names nothing through its arguments.
    expect(names('macro_rules! call { ($k:ident) => { $k() } }\nfn main() { call!(d); }')).toEqual([])
    // Its body is resolved where it is invoked, so a module item beside the definition shadows nothing.
    expect(names('mod d {}\nmacro_rules! m { () => { d::f() } }\nmod other { fn g() { m!(); } }')).toEqual(['d'])
  })

  it('a method (`.d::<T>()`) or a macro metavariable (`$d::f()`) starts no path; a range (`..d::MAX`) does', () => {
    expect(names('fn main() { S.d::<i32>(); }')).toEqual([])
    expect(names('macro_rules! m { ($d:ident) => { $d::f() } }')).toEqual([])
    expect(names('fn main() { for _ in 0..d::MAX {} }')).toEqual(['d'])
  })

  it('an item only some platforms have shadows nothing: inner #![cfg], cfg before unsafe trait; a macro body declares nothing', () => {
    expect(names('mod d { #![cfg(windows)] }\nfn main() { d::f(); }')).toEqual(['d'])
    expect(names('mod d { #![allow(unused)] }\nfn main() { d::f(); }')).toEqual([])
    expect(names('#[cfg(windows)]\npub unsafe trait d {}\nfn main() { d::f(); }')).toEqual(['d'])
    expect(names('macro_rules! mk ( () => ( struct d; ) );\nfn main() { d::f(); }')).toEqual(['d'])
    const file = scanSourceNames('mod d;\nfn main() { d::f(); }')
    expect([[...file.names], file.modules[0]!.shadows]).toEqual([[], ['d']])
    expect(scanSourceNames('#![cfg(windows)]\npub fn f() {}').gated).toBe(true)
  })

  it('reads a module\'s #[cfg_attr(…, path)] files, an inline module\'s #[path] directory, and gives up on `mod $name;`', () => {
    const [sys] = scanSourceNames('#[cfg_attr(unix, path = "unix.rs")]\n#[cfg_attr(windows, path = "win.rs")]\nmod sys;').modules
    expect(sys).toMatchObject({ name: 'sys', path: null, conditionalPaths: ['win.rs', 'unix.rs'] })
    expect(scanSourceNames('#[path = "alt"]\nmod m { mod y; }').modules).toMatchObject([{ name: 'y', inline: ['alt'] }])
    expect(scanSourceNames('macro_rules! m { ($n:ident) => { mod $n; } }').includes).toBe(true)
    expect(scanSourceNames('macro_rules! m { ($n:ident) => { mod $n { pub fn f() {} } } }').includes).toBe(false)
    // A #[path] after attributes longer than the old 24-token look-back is still found.
    const long = `#[cfg(all(${Array.from({ length: 12 }, (_, i) => `not(target_os = "os${i}")`).join(', ')}))]\n#[path = "real.rs"]\nmod imp;`
    expect(scanSourceNames(long).modules).toMatchObject([{ name: 'imp', path: 'real.rs' }])
    // Past the look-back, the module's file is not known: the scan gives up rather than read the default.
    const longer = `#[cfg(all(${Array.from({ length: 200 }, (_, i) => `not(target_os = "os${i}")`).join(', ')}))]\n#[path = "real.rs"]\nmod imp;`
    expect(scanSourceNames(`fn a() {}\n${longer}`).includes).toBe(true)
  })

  it('gives each out-of-line module the inline modules around it', () => {
    const scanned = scanSourceNames('mod b;\nmod a { pub mod b; mod c { #[path = "x.rs"] mod d; } }\nmod e;\n')
    expect(scanned.modules).toMatchObject([
      { name: 'b', path: null, inline: [] },
      { name: 'b', path: null, inline: ['a'] },
      { name: 'd', path: 'x.rs', inline: ['a', 'c'] },
      { name: 'e', path: null, inline: [] }
    ])
  })

  it('finds out-of-line modules with their #[path], and include!', () => {
    const scanned = scanSourceNames('#[cfg(test)]\n#[path = "other.rs"]\npub(crate) mod tests;\nmod plain;\nmod inline {}\ninclude!("gen.rs");\n')
    expect(scanned.modules).toMatchObject([
      { name: 'tests', path: 'other.rs', inline: [] },
      { name: 'plain', path: null, inline: [] }
    ])
    expect(scanned.includes).toBe(true)
    expect(scanSourceNames('fn main() {}').includes).toBe(false)
  })
})

describe('scanSourceNames: code only the test harness compiles', () => {
  const scan = (source: string) => {
    const r = scanSourceNames(source)
    return { names: [...r.names].sort(), testNames: [...r.testNames].sort() }
  }

  it('keeps the names of #[cfg(test)] items, #[test] and #[bench] functions and the modules in them apart, whatever the item', () => {
    const source = [
      'pub fn f() -> u32 { shown::x() }',
      '#[cfg(test)]',
      '#[allow(unused)]',
      'mod tests {',
      '    use one::a;',
      '    mod deeper { fn g() { two::b() } }',
      '    #[test] fn t() { three::c(); }',
      '}',
      '#[cfg(test)] use four;',
      '#[cfg(test)] extern crate five;',
      '#[cfg(test)] fn helper() -> u32 { six::d() }',
      '#[cfg(test)] const X: S = S { a: seven::e() };',
      '#[cfg(test)] pub(crate) struct T(eight::F);',
      '#[test]',
      '#[should_panic]',
      'fn ten() { use ten_crate::x; x() }',
      '#[bench] fn eleven(b: &mut Bencher) { eleven_crate::y() }',
      'fn after() { nine::g() }'
    ].join('\n')
    expect(scan(source)).toEqual({ names: ['nine', 'shown'], testNames: ['eight', 'eleven_crate', 'five', 'four', 'one', 'seven', 'six', 'ten_crate', 'three', 'two'] })
  })

  it('counts a crate named outside test code too as named, and any other cfg or a statement attribute as code of every build', () => {
    const source = [
      '#[cfg(test)] mod tests { fn t() { both::x(); } }',
      'fn f() { both::y(); #[cfg(test)] stmt::z(); }',
      '#[cfg(not(test))] fn g() { negated::x() }',
      '#[cfg(any(test, feature = "x"))] fn h() { either::x() }',
      'macro_rules! m { () => { #[cfg(test)] in_macro::x() } }'
    ].join('\n')
    expect(scan(source)).toEqual({ names: ['both', 'either', 'in_macro', 'negated', 'stmt'], testNames: [] })
  })

  it('takes a module with an inner #![cfg(test)], inline or its whole file, as test code, with the modules it declares', () => {
    expect(scan('mod inner {\n    #![cfg(test)]\n    fn i() { one::x() }\n}\nfn f() { two::y() }\n')).toEqual({ names: ['two'], testNames: ['one'] })
    const file = scanSourceNames('//! Tests.\n#![cfg(test)]\n#![allow(unused)]\nmod more;\nuse three::z;\n')
    expect({ names: [...file.names], testNames: [...file.testNames], modules: file.modules.map(m => [m.name, m.testOnly]) }).toEqual({ names: [], testNames: ['three'], modules: [['more', true]] })
  })

  it('marks module files declared in test code as test-only', () => {
    const modules = scanSourceNames('#[cfg(test)]\nmod tests;\nmod plain;\n#[cfg(test)]\nmod helpers {\n    mod nested;\n}\n').modules
    expect(modules.map(m => [m.name, m.testOnly])).toEqual([
      ['tests', true],
      ['plain', false],
      ['nested', true]
    ])
  })
})

describe('sourceReader: the whole module tree of a target', () => {
  const reader = sourceReader({ packages: new Map() } as unknown as Metadata, null)
  const uses = (file: string, crate: string): boolean => reader(file, crate, false)

  it('follows `mod name;` into name.rs, name/mod.rs and #[path] files, nested', () => {
    const root = writeTree(path.join(tmp, 'tree'), {
      'src/lib.rs': 'mod a;\nmod b;\n#[path = "elsewhere/c.rs"] mod c;\n',
      'src/a.rs': 'mod inner;\npub fn f() { one::x() }\n',
      'src/a/inner.rs': 'use two;\n',
      'src/b/mod.rs': 'extern crate three;\n',
      'src/elsewhere/c.rs': 'fn g() { four::y() }\n'
    })
    const lib = path.join(root, 'src', 'lib.rs')
    for (const crate of ['one', 'two', 'three', 'four']) expect({ crate, named: uses(lib, crate) }).toEqual({ crate, named: true })
    expect(uses(lib, 'five')).toBe(false)
  })

  it('looks for a module declared inside an inline module, and its #[path], below that module\'s directory', () => {
    const root = writeTree(path.join(tmp, 'inline'), {
      'src/main.rs': 'mod b;\nmod imp;\nmod a { pub mod b; #[path = "imp.rs"] pub mod i; }\nfn main() {}\n',
      'src/b.rs': 'pub fn decoy() {}\n',
      'src/imp.rs': 'pub fn decoy() {}\n',
      'src/a/b.rs': 'pub fn f() -> u32 { one::x() }\n',
      'src/a/imp.rs': 'pub fn g() -> u32 { two::y() }\n'
    })
    const main = path.join(root, 'src', 'main.rs')
    expect([uses(main, 'one'), uses(main, 'two'), uses(main, 'three')]).toEqual([true, true, false])
  })

  it('passes the arguments of a macro to the crate names across the files of the tree', () => {
    const root = writeTree(path.join(tmp, 'macros'), {
      'src/main.rs': '#[macro_use]\nmod macros;\nfn main() { call!(one); plain!(two); }\n',
      'src/macros.rs': 'macro_rules! call { ($k:ident) => { $k::f() } }\nmacro_rules! plain { ($k:ident) => { $k() } }\n'
    })
    const main = path.join(root, 'src', 'main.rs')
    expect([uses(main, 'one'), uses(main, 'two')]).toEqual([true, false])
  })

  it('reads the files rustc may compile for a module: #[cfg_attr(…, path)] ones, below an inline #[path]; a gated file shadows nothing', () => {
    const root = writeTree(path.join(tmp, 'alternatives'), {
      'src/main.rs': '#[cfg_attr(unix, path = "unix.rs")]\nmod sys;\n#[path = "alt"]\nmod m { mod y; }\nmod two;\nfn main() { two::x(); }\n',
      'src/sys.rs': 'pub fn g() {}\n',
      'src/unix.rs': 'pub fn g() { one::f() }\n',
      'src/alt/y.rs': 'pub fn h() { three::f() }\n',
      'src/two.rs': '#![cfg(windows)]\npub fn x() {}\n'
    })
    const main = path.join(root, 'src', 'main.rs')
    expect([uses(main, 'one'), uses(main, 'two'), uses(main, 'three'), uses(main, 'four')]).toEqual([true, true, true, false])
  })

  it('counts the crates only test-only module files name for test harnesses only; a file also declared outside tests counts for every build', () => {
    const root = writeTree(path.join(tmp, 'tests'), {
      'src/lib.rs': '#[cfg(test)]\nmod tests;\n#[cfg(test)]\n#[path = "shared.rs"]\nmod shared_in_tests;\nmod shared;\nmod gated;\npub fn f() {}\n',
      'src/gated.rs': '#![cfg(test)]\nfn g() { five::v() }\n',
      'src/tests.rs': 'mod more;\nmod inner;\nfn t() { one::x() }\n',
      'src/tests/inner.rs': 'fn v() { four::w() }\n',
      'src/tests/more.rs': 'fn u() { two::y() }\n',
      'src/shared.rs': 'pub fn s() { three::z() }\n'
    })
    const lib = path.join(root, 'src', 'lib.rs')
    const named = (test: boolean) => ['one', 'two', 'three', 'four', 'five', 'six'].filter(c => reader(lib, c, test))
    expect(named(false)).toEqual(['three'])
    expect(named(true)).toEqual(['one', 'two', 'three', 'four', 'five'])
  })

  it('counts a crate as named when it cannot tell: a missing module file, include!, an unreadable root', () => {
    const root = writeTree(path.join(tmp, 'undecided'), {
      'missing/lib.rs': '#[cfg(windows)]\nmod win;\n',
      'include/lib.rs': 'include!(concat!(env!("OUT_DIR"), "/generated.rs"));\n'
    })
    expect(uses(path.join(root, 'missing', 'lib.rs'), 'anything')).toBe(true)
    expect(uses(path.join(root, 'include', 'lib.rs'), 'anything')).toBe(true)
    expect(uses(path.join(root, 'nowhere', 'lib.rs'), 'anything')).toBe(true)
    // A name that is no identifier cannot be written in a source: only undecidable trees count it.
    writeTree(root, { 'plain/lib.rs': 'fn f() { a::b() }\n' })
    expect(uses(path.join(root, 'plain', 'lib.rs'), 'a\u0007b')).toBe(false)
    expect(uses(path.join(root, 'plain', 'lib.rs'), 'anything')).toBe(false)
  })
})

/**
 * The unmangled symbols a Rust file defines, and where they exist: in the library as dependents link it, in
 * its unit-test harness (`--test`, `cfg(test)`), or both. Only a symbol in both can be defined twice when the
 * harness links a second copy of the library.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exportReader } from '../src/gather/sources.js'
import type { Metadata, Target } from '../src/model/metadata.js'
import { scanExports } from '../src/rust-source/exports.js'
import { writeTree } from './support/files.js'
import { fastestRun } from './support/timing.js'

const symbols = (source: string) => scanExports(source).exports.map(e => ({ symbol: e.symbol, line: e.line, library: e.library, harness: e.harness }))
const names = (source: string) => scanExports(source).exports.map(e => e.symbol)

describe('scanExports: the attributes', () => {
  it('finds #[no_mangle], #[unsafe(no_mangle)], #[export_name] and #[unsafe(export_name)] on functions and statics', () => {
    const source = [
      '#[no_mangle]',
      'pub extern "C" fn plain(a: i32) -> i32 { a }',
      '#[unsafe(no_mangle)]',
      'pub unsafe extern "C" fn edition_2024() {}',
      '#[export_name = "renamed_symbol"]',
      'pub fn renamed() {}',
      '#[unsafe(export_name = r"raw_renamed")]',
      'pub(crate) const fn raw() {}',
      '#[no_mangle]',
      'pub static mut COUNTER: u32 = 0;',
      '#[no_mangle] static r#TABLE: [u8; 2] = [0, 1];'
    ].join('\n')
    expect(symbols(source)).toEqual([
      { symbol: 'plain', line: 1, library: true, harness: true },
      { symbol: 'edition_2024', line: 3, library: true, harness: true },
      { symbol: 'renamed_symbol', line: 5, library: true, harness: true },
      { symbol: 'raw_renamed', line: 7, library: true, harness: true },
      { symbol: 'COUNTER', line: 9, library: true, harness: true },
      { symbol: 'TABLE', line: 11, library: true, harness: true }
    ])
    expect(scanExports(source).exports.map(e => e.attribute)).toEqual(['no_mangle', 'no_mangle', 'export_name', 'export_name', 'no_mangle', 'no_mangle'])
  })

  it('gives one symbol per item: export_name wins over no_mangle, on the line of the first attribute', () => {
    expect(symbols('#[inline]\n#[no_mangle]\n#[export_name = "wins"]\n#[allow(unused)]\nfn f() {}')).toEqual([{ symbol: 'wins', line: 2, library: true, harness: true }])
  })

  it('finds exports in impl blocks and function bodies, not the declarations of extern blocks', () => {
    const source = [
      'struct S;',
      'impl S { #[no_mangle] pub extern "C" fn method() {} }',
      'fn outer() { #[no_mangle] extern "C" fn nested() {} nested() }',
      'extern "C" { #[no_mangle] fn imported(); }',
      'unsafe extern "C" { #[link_name = "x"] safe fn also_imported(); }',
      'extern { #[no_mangle] static DECLARED: u8; }'
    ].join('\n')
    expect(names(source)).toEqual(['method', 'nested'])
  })

  it('ignores comments, strings, doc examples, other attributes and attributes on other items', () => {
    const source = [
      '// #[no_mangle] fn in_comment() {}',
      '/* #[no_mangle] /* nested */ fn in_block() {} */',
      '/// ```',
      '/// #[no_mangle] pub extern "C" fn in_doc() {}',
      '/// ```',
      'const S: &str = "#[no_mangle] fn in_string() {}";',
      '#[no_mangle_ish] fn other_attribute() {}',
      '#[doc = "no_mangle"] fn documented() {}',
      '#[no_mangle] struct NotAFunction;',
      '#[no_mangle] const NOT_EXPORTED: u8 = 0;',
      'macro_rules! export { ($name:ident) => { #[no_mangle] pub extern "C" fn $name() {} } }'
    ].join('\n')
    expect(names(source)).toEqual([])
  })

  it('counts an item written in a macro body, invoked or not', () => {
    expect(names('macro_rules! m { () => { #[no_mangle] pub extern "C" fn from_macro() {} } }')).toEqual(['from_macro'])
  })
})

describe('scanExports: where a symbol exists', () => {
  it('an item or module under #[cfg(test)] exists only in the harness, under #[cfg(not(test))] only in the library', () => {
    const source = [
      '#[cfg(test)]',
      'mod tests {',
      '    #[no_mangle] extern "C" fn test_only() {}',
      '    mod deeper { #[no_mangle] extern "C" fn deeper_test_only() {} }',
      '}',
      '#[cfg(not(test))]',
      '#[no_mangle]',
      'pub extern "C" fn library_only() {}',
      '#[cfg(all(unix, not(test)))] #[no_mangle] pub extern "C" fn unix_library() {}',
      '#[cfg(any(test, feature = "x"))] #[no_mangle] pub extern "C" fn maybe_both() {}',
      '#[cfg(feature = "ffi")] #[no_mangle] pub extern "C" fn feature_gated() {}',
      '#[cfg(all(test, not(test)))] #[no_mangle] pub extern "C" fn never() {}',
      '#[cfg(test)] impl Thing { #[no_mangle] extern "C" fn in_test_impl() {} }',
      '#[no_mangle] pub extern "C" fn after() {}'
    ].join('\n')
    const at = (library: boolean, harness: boolean) => ({ library, harness })
    expect(scanExports(source).exports.map(e => [e.symbol, { library: e.library, harness: e.harness }])).toEqual([
      ['test_only', at(false, true)],
      ['deeper_test_only', at(false, true)],
      ['library_only', at(true, false)],
      ['unix_library', at(true, false)],
      ['maybe_both', at(true, true)],
      ['feature_gated', at(true, true)],
      ['in_test_impl', at(false, true)],
      ['after', at(true, true)]
    ])
  })

  it('attributes inside #[cfg_attr] count, present where their predicate may hold', () => {
    const source = [
      '#[cfg_attr(feature = "ffi", no_mangle)] pub extern "C" fn feature_export() {}',
      '#[cfg_attr(not(test), unsafe(no_mangle))] pub extern "C" fn outside_tests() {}',
      '#[cfg_attr(test, export_name = "harness_name")] pub fn in_tests() {}',
      '#[cfg_attr(all(), cfg_attr(unix, no_mangle))] pub extern "C" fn nested() {}',
      '#[cfg_attr(test, cfg(any()))] #[no_mangle] pub extern "C" fn removed_in_tests() {}',
      '#[cfg_attr(unix, cfg(not(test)))] #[no_mangle] pub extern "C" fn maybe_removed() {}'
    ].join('\n')
    expect(symbols(source)).toEqual([
      { symbol: 'feature_export', line: 1, library: true, harness: true },
      { symbol: 'outside_tests', line: 2, library: true, harness: false },
      { symbol: 'harness_name', line: 3, library: false, harness: true },
      { symbol: 'nested', line: 4, library: true, harness: true },
      { symbol: 'removed_in_tests', line: 5, library: true, harness: false },
      { symbol: 'maybe_removed', line: 6, library: true, harness: true }
    ])
  })

  it('an inner #![cfg(test)] applies to the rest of its file or block', () => {
    expect(symbols('#![cfg(test)]\n#[no_mangle] extern "C" fn f() {}')).toEqual([{ symbol: 'f', line: 2, library: false, harness: true }])
    expect(symbols('mod m {\n#![cfg(not(test))]\n#[no_mangle] extern "C" fn g() {}\n}\n#[no_mangle] extern "C" fn h() {}')).toEqual([
      { symbol: 'g', line: 3, library: true, harness: false },
      { symbol: 'h', line: 5, library: true, harness: true }
    ])
  })
})

describe('scanExports: out-of-line modules', () => {
  it('lists `mod name;` with its #[path], the inline modules around it and where it exists', () => {
    const source = [
      'mod plain;',
      '#[cfg(test)]',
      '#[path = "test_support.rs"]',
      'pub(crate) mod tests;',
      '#[cfg(not(test))] mod library;',
      'mod outer { pub mod inner { mod leaf; } }',
      'mod inline_only { fn f() {} }'
    ].join('\n')
    expect(scanExports(source).modules).toEqual([
      { name: 'plain', path: null, inline: [], library: true, harness: true },
      { name: 'tests', path: 'test_support.rs', inline: [], library: false, harness: true },
      { name: 'library', path: null, inline: [], library: true, harness: false },
      { name: 'leaf', path: null, inline: ['outer', 'inner'], library: true, harness: true }
    ])
  })
})

describe('scanExports: robustness', () => {
  it('survives unbalanced and truncated input', () => {
    expect(() => scanExports('#[no_mangle')).not.toThrow()
    expect(() => scanExports('}}} ))) #[no_mangle] fn')).not.toThrow()
    expect(names('}}} #[no_mangle] pub extern "C" fn still_found() {}')).toEqual(['still_found'])
    expect(names('#[cfg_attr(')).toEqual([])
  })

  it('stays linear on deep nesting and long attribute runs', () => {
    const deep = `${'mod m { '.repeat(20_000)}#[no_mangle] extern "C" fn deep() {}${' }'.repeat(20_000)}`
    const predicates = `#[cfg(${'not('.repeat(20_000)}test${')'.repeat(20_000)})] #[no_mangle] fn p() {}`
    const many = '#[cfg_attr(unix, no_mangle)]\n'.repeat(20_000) + 'fn many() {}'
    const elapsed = fastestRun(() => {
      expect(names(deep)).toEqual(['deep'])
      expect(names(predicates)).toEqual(['p'])
      expect(names(many)).toEqual(['many'])
    }, 5000)
    expect(elapsed).toBeLessThan(5000)
  })
})

describe('exportReader: the whole module tree of a target', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-exports-'))
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
  const exportsOf = exportReader({ packages: new Map() } as unknown as Metadata, null)
  const lib = (root: string): Target => ({ name: 'ffi', kind: 'lib', crateTypes: ['rlib'], srcPath: path.join(root, 'src', 'lib.rs') }) as unknown as Target

  it('follows `mod name;` files breadth first, #[path] and inline module directories, carries cfg(test) into module files, skips a missing one', () => {
    const root = writeTree(path.join(tmp, 'tree'), {
      'src/lib.rs': '#[no_mangle] pub extern "C" fn root_fn() {}\nmod a;\n#[path = "elsewhere/c.rs"] mod c;\nmod outer { mod inner; }\n#[cfg(test)]\nmod tests;\n#[cfg(windows)]\nmod missing;\n',
      'src/a.rs': 'mod nested;\n',
      'src/a/nested.rs': '\n#[export_name = "from_nested"]\npub fn n() {}\n',
      'src/elsewhere/c.rs': '#[unsafe(no_mangle)] pub static FROM_PATH: u8 = 0;\n',
      'src/outer/inner.rs': '#[no_mangle] extern "C" fn from_inner() {}\n',
      'src/tests.rs': '#[no_mangle] extern "C" fn test_helper() {}\n'
    })
    const found = exportsOf(lib(root)).map(e => ({ symbol: e.symbol, file: path.relative(root, e.file).split(path.sep).join('/'), line: e.line, library: e.library, harness: e.harness }))
    expect(found).toEqual([
      { symbol: 'root_fn', file: 'src/lib.rs', line: 1, library: true, harness: true },
      { symbol: 'FROM_PATH', file: 'src/elsewhere/c.rs', line: 1, library: true, harness: true },
      { symbol: 'from_inner', file: 'src/outer/inner.rs', line: 1, library: true, harness: true },
      { symbol: 'test_helper', file: 'src/tests.rs', line: 1, library: false, harness: true },
      { symbol: 'from_nested', file: 'src/a/nested.rs', line: 2, library: true, harness: true }
    ])
    // Read once per target.
    expect(exportsOf(lib(root))).toBe(exportsOf(lib(root)))
  })

  it('finds none where the root cannot be read', () => {
    expect(exportsOf(lib(path.join(tmp, 'nowhere')))).toEqual([])
  })
})

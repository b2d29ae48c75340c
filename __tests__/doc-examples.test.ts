import { describe, expect, it } from '@jest/globals'
import type { DocTests } from '../src/model/unit-graph.js'
import { docExamples, docTests, scanDocExamples } from '../src/rust-source/doc-examples.js'

const fence = '```'

describe('docExamples: what rustdoc --test compiles and runs', () => {
  it('finds nothing in code without doc examples', () => {
    expect(docExamples('/// Adds one.\npub fn f(x: u32) -> u32 { x + 1 }\n// ```\n// not a doc comment\n')).toBe('none')
    expect(docExamples('//// four slashes are a plain comment\n//// ```\n//// f();\n//// ```\nfn f() {}\n')).toBe('none')
    expect(docExamples('/*** not a doc comment\n```\nf();\n```\n*/\nfn f() {}\n')).toBe('none')
    expect(docExamples('fn f() { let s = "/// ```"; }\n')).toBe('none')
  })

  it('a plain or `rust` fence, `should_panic`, and inner docs run', () => {
    expect(docExamples(`/// ${fence}\n/// assert_eq!(f(), 1);\n/// ${fence}\npub fn f() -> u32 { 1 }\n`)).toBe('run')
    expect(docExamples(`/// ${fence}rust,should_panic\n/// panic!();\n/// ${fence}\npub fn f() {}\n`)).toBe('run')
    expect(docExamples(`//! ~~~\n//! let x = 1;\n//! ~~~\n`)).toBe('run')
    expect(docExamples(`/** Example:\n${fence}\nlet x = 1;\n${fence}\n*/\npub fn f() {}\n`)).toBe('run')
    expect(docExamples(`/*! ${fence}edition2021\nlet x = 1;\n${fence} */\n`)).toBe('run')
  })

  it('`no_run` compiles only; `ignore`, `compile_fail` and other languages do nothing', () => {
    expect(docExamples(`/// ${fence}no_run\n/// loop {}\n/// ${fence}\npub fn f() {}\n`)).toBe('compile')
    for (const info of ['ignore', 'ignore-windows', 'compile_fail', 'text', 'sh', 'toml', 'json,ignore']) {
      expect([info, docExamples(`/// ${fence}${info}\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`)]).toEqual([info, 'none'])
    }
    // A `rust` token makes a block Rust whatever else is there.
    expect(docExamples(`/// ${fence}rust,custom_word\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`)).toBe('run')
  })

  it('an indented block after a blank line runs; list continuations do not', () => {
    expect(docExamples('/// Example:\n///\n///     let x = 1;\npub fn f() {}\n')).toBe('run')
    expect(docExamples('/// - item\n///\n///     continued item text\npub fn f() {}\n')).toBe('none')
  })

  it('#[doc = "…"] attributes count, and docs it cannot read count as running', () => {
    expect(docExamples(`#[doc = "${fence}"]\n#[doc = "let x = 1;"]\n#[doc = "${fence}"]\npub fn f() {}\n`)).toBe('run')
    expect(docExamples(`#[doc = "Just words."]\npub fn f() {}\n`)).toBe('none')
    expect(docExamples('#![doc = include_str!("../README.md")]\npub fn f() {}\n')).toBe('run')
  })

  it('#[doc] strings are read with their escapes decoded', () => {
    expect(docExamples('#[doc = "\\x60\\x60\\x60no_run\\nloop {}\\n\\u{60}\\u{60}\\u{60}"]\npub fn f() {}\n')).toBe('compile')
    expect(docExamples('#[doc = "Words, \\\n    then \\"quotes\\".\\n\\tindented"]\npub fn f() {}\n')).toBe('none')
    expect(docExamples('#[doc = r#"\n```ignore\nf();\n```\n"#]\npub fn f() {}\n')).toBe('none')
  })

  it('a fence spanning doc comment and #[doc] lines of one item is one block', () => {
    expect(docExamples(`/// ${fence}no_run\n#[doc = "let x = 1;"]\n/// ${fence}\npub fn f() {}\n`)).toBe('compile')
  })
})

describe('docTests: the programs rustdoc builds from the examples, and the crates they load', () => {
  const of = (source: string, edition = '2021', name = 'mylib') => docTests([scanDocExamples(source)], { name, edition })

  it('before 2024, injects the library into an example whose text contains its name, a comment included', () => {
    expect(of(`/// ${fence}\n/// assert_eq!(1 + 1, 2);\n/// ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'run', compiledNames: [], runNames: [] })
    expect(of(`/// ${fence}\n/// // see mylib::f\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'run', compiledNames: ['mylib'], runNames: ['mylib'] })
    // A substring is enough: `mylib` is in `mylibrary`.
    expect(of(`/// ${fence}\n/// let mylibrary = 1;\n/// ${fence}\npub fn f() {}\n`).runNames).toEqual(['mylib'])
  })

  it('loads the crates an example names, hidden lines included', () => {
    expect(of(`/// ${fence}\n/// # use helper::Thing;\n/// let t = other::make();\n/// ${fence}\npub fn f() {}\n`).compiledNames).toEqual(['helper', 'other'])
  })

  it('injects the library under #![doc(test(no_crate_inject))] too, as rustdoc 1.95 does', () => {
    const source = `#![doc(test(no_crate_inject))]\n/// ${fence}\n/// // mylib\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`
    expect(of(source).compiledNames).toEqual(['mylib'])
  })

  it('before 2024, a no_run example is compiled to metadata, never linked, and a should_panic one passes when it cannot start', () => {
    expect(of(`/// ${fence}no_run\n/// mylib::f();\n/// ${fence}\n///\n/// ${fence}\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`)).toEqual({
      examples: 'run',
      compiledNames: [],
      runNames: []
    })
    expect(of(`/// ${fence}should_panic\n/// assert_eq!(mylib::f(), 3);\n/// ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'run', compiledNames: ['mylib'], runNames: [] })
  })

  it('from 2024, merges examples into one program that runs, no_run ones included, and injects nothing', () => {
    expect(of(`/// ${fence}no_run\n/// mylib::f();\n/// ${fence}\npub fn f() {}\n`, '2024')).toEqual({ examples: 'run', compiledNames: ['mylib'], runNames: ['mylib'] })
    expect(of(`/// ${fence}\n/// // see mylib::f\n/// let x = 1;\n/// ${fence}\npub fn f() {}\n`, '2024').runNames).toEqual([])
  })

  it('from 2024, keeps standalone the examples rustdoc cannot merge, read from their top-level items', () => {
    const example = (info: string, code: string): DocTests => of(`/// ${fence}${info}\n${code.split('\n').map(l => `/// ${l}\n`).join('')}/// ${fence}\npub fn f() {}\n`, '2024')
    const standalone = { examples: 'compile', compiledNames: [], runNames: [] }
    const merged = { examples: 'run', compiledNames: ['mylib'], runNames: ['mylib'] }
    expect(example('no_run,standalone_crate', 'mylib::f();')).toEqual(standalone)
    expect(example('no_run', '#![feature(test)]\nmylib::f();')).toEqual(standalone)
    expect(example('no_run', '//! An example.\nmylib::f();')).toEqual(standalone)
    expect(example('no_run', '#[global_allocator]\nstatic A: std::alloc::System = std::alloc::System;\nmylib::f();')).toEqual(standalone)
    expect(example('no_run', 'macro_rules! m { () => { $crate::f() } }\nmylib::f();')).toEqual(standalone)
    // A lint level stays inside the merged example; a comment, or a nested item, is not one of its top-level items.
    expect(example('no_run', '#![allow(unused)]\nmylib::f();')).toEqual(merged)
    expect(example('no_run', '// like #![no_std] or #[global_allocator] would\nmylib::f();')).toEqual(merged)
    expect(example('no_run', 'fn helper() { macro_rules! m { () => { $crate::x() } } }\nmylib::f();')).toEqual(merged)
    expect(example('no_run', 'macro_rules! m { () => { 1 } }\nmylib::f();')).toEqual(merged)
  })

  it('reads the docs rustdoc collects: through attributes and cfg_attr(doc), include_str!, unindented, in block comments', () => {
    const names = (source: string, included: Record<string, string> = {}): readonly string[] | null =>
      docTests([scanDocExamples(source, file => included[file] ?? null)], { name: 'mylib', edition: '2024' }).runNames
    expect(names(`/// ${fence}\n#[inline]\n/// a::f();\n/// ${fence}\npub fn f() {}\n`)).toEqual(['a'])
    expect(names(`#[cfg_attr(doc, doc = "${fence}\\na::f();\\n${fence}")]\npub fn f() {}\n`)).toEqual(['a'])
    expect(names(`#[cfg_attr(docsrs, doc = "${fence}\\na::f();\\n${fence}")]\npub fn f() {}\n`)).toEqual([])
    expect(names('#![cfg_attr(doc, doc = include_str!("../README.md"))]\npub fn f() {}\n', { '../README.md': `# Title\n\n${fence}\nb::g();\n${fence}\n` })).toEqual(['b'])
    expect(docTests([scanDocExamples('#![doc = include_str!("gone.md")]\n', () => null)], { name: 'mylib', edition: '2021' }).runNames).toBeNull()
    // Five spaces on every line are the docs' common indentation, not an indented code block.
    expect(of(`///     ${fence}no_run\n///     mylib::f();\n///     ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'compile', compiledNames: [], runNames: [] })
    expect(names(`/**\n * ${fence}\n * a::f();\n * ${fence}\n */\npub fn f() {}\n`)).toEqual(['a'])
  })

  it('finds blocks in list items, block quotes and after headings', () => {
    const names = (doc: string): readonly string[] | null => of(`${doc.split('\n').map(l => `/// ${l}\n`).join('')}pub fn f() {}\n`, '2024').runNames
    expect(names(`- item:\n\n    ${fence}\n    a::f();\n    ${fence}`)).toEqual(['a'])
    expect(names(`> ${fence}\n> a::f();\n> ${fence}`)).toEqual(['a'])
    expect(names('# Example\n    a::f();')).toEqual(['a'])
    expect(names('Some words\n    a::f();')).toEqual([])
  })

  it('leaves out docs rustdoc does not collect: on statements and macro invocations, in #[cfg(test)] items', () => {
    const names = (source: string): readonly string[] | null => of(source, '2024').runNames
    expect(names(`fn f() {\n    /// ${fence}\n    /// a::f();\n    /// ${fence}\n    let x = 1;\n}\n`)).toEqual([])
    expect(names(`/// ${fence}\n/// a::f();\n/// ${fence}\nnoop!();\n`)).toEqual([])
    expect(names(`#[cfg(test)]\nmod tests {\n    /// ${fence}\n    /// a::f();\n    /// ${fence}\n    pub fn g() {}\n}\n/// ${fence}\n/// b::f();\n/// ${fence}\npub fn h() {}\n`)).toEqual(['b'])
    expect(names(`/// ${fence}\n/// a::f();\n/// ${fence}\nmacro_rules! m { () => {} }\n`)).toEqual(['a'])
  })

  it('docs or code the scan cannot read may load any crate', () => {
    expect(of('#![doc = include_str!("../README.md")]\npub fn f() {}\n')).toEqual({ examples: 'run', compiledNames: null, runNames: null })
    expect(of(`/// ${fence}\n/// include!("gen.rs");\n/// ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'run', compiledNames: null, runNames: null })
  })

  it('an indented block is an example, to its last indented line', () => {
    expect(of('/// Example:\n///\n///     let a = first::x();\n///\n///     let b = second::y();\n/// Text: third::z\npub fn f() {}\n').compiledNames).toEqual(['first', 'second'])
  })

  it('ignore, compile_fail and other languages build nothing', () => {
    for (const info of ['ignore', 'compile_fail', 'text']) expect(of(`/// ${fence}${info}\n/// mylib::f();\n/// ${fence}\npub fn f() {}\n`)).toEqual({ examples: 'none', compiledNames: [], runNames: [] })
  })
})

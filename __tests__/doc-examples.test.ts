import { describe, expect, it } from '@jest/globals'
import { docExamples } from '../src/rust-source/doc-examples.js'

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

import { describe, expect, it } from '@jest/globals'
import { findGlobalAllocators, scanGlobalAllocators } from '../src/rust-source/global-allocators.js'
import { fastestRun } from './support/timing.js'

const realistic = `//! A small service binary.
//!
//! Uses jemalloc: \`#[global_allocator]\` below.

use std::alloc::System;
use tikv_jemallocator::Jemalloc;

/// The allocator for the whole process. Example:
///
/// \`\`\`
/// #[global_allocator]
/// static A: std::alloc::System = std::alloc::System;
/// \`\`\`
#[global_allocator]
static GLOBAL: Jemalloc = Jemalloc;

fn main() {
    let label = 'x';
    println!("{label} #[global_allocator]");
}
`

describe('findGlobalAllocators', () => {
  it('finds the attribute in a realistic file and ignores it in doc comments and strings', () => {
    expect(findGlobalAllocators(realistic)).toEqual([14])
  })

  it('ignores it in line, block, nested block and doc comments', () => {
    const source = [
      '// #[global_allocator]',
      '/* #[global_allocator] */',
      '/* outer /* inner */ #[global_allocator] still a comment */',
      '/** #[global_allocator] */',
      '/*! #[global_allocator] */',
      '//! #[global_allocator]',
      '/// #[global_allocator]',
      '/**/ #[global_allocator]',
      'static A: System = System;'
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([8])
  })

  it('ignores it in strings, byte strings, C strings and raw strings with any number of #', () => {
    const source = [
      'const A: &str = "#[global_allocator] \\" #[global_allocator]";',
      "const B: &[u8] = b\"#[global_allocator]\";",
      'const C: &CStr = c"#[global_allocator]";',
      'const D: &str = r"#[global_allocator] \\";',
      'const E: &str = r#"say "#[global_allocator]" here"#;',
      'const F: &str = r##"a "# #[global_allocator] "##;',
      'const G: &[u8] = br#"#[global_allocator]"#;',
      'const H: &str = "multi',
      '#[global_allocator]',
      'line";',
      '#[global_allocator]',
      'static GLOBAL: System = System;'
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([11])
  })

  it('is not confused by char literals, byte chars and lifetimes', () => {
    const source = [
      "fn f<'a>(x: &'a str) -> char { if x.is_empty() { '#' } else { '\"' } }",
      "const Q: char = '\\'';",
      "const S: u8 = b'\"';",
      "const E: char = '😀';",
      "const U: char = '\\u{1F600}';",
      "fn g<'b, 'c: 'b>(_: &'static str) { 'outer: loop { break 'outer; } }",
      '#[global_allocator]',
      'static GLOBAL: System = System;',
      "const T: &str = \"'\";",
      "// it's a comment with an apostrophe: #[global_allocator]"
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([7])
    // A quote char literal must not open a string that would swallow the attribute.
    for (const quote of ["'\"'", "'\\\"'", "b'\"'"]) {
      const text = `const Q: char = ${quote};\n#[global_allocator]\nstatic GLOBAL: System = System;\nconst T: &str = "x";\n`
      expect(findGlobalAllocators(text)).toEqual([2])
    }
  })

  it('accepts whitespace and comments inside the attribute and attributes split over lines', () => {
    const source = [
      '# [ global_allocator ]',
      'static A: System = System;',
      '#',
      '[',
      '  /* the allocator */ global_allocator // here',
      ']',
      'static B: System = System;',
      '#[::core::prelude::v1::global_allocator]',
      'static C: System = System;'
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([1, 3, 8])
  })

  it('does not report other attributes, inner attributes or macro paths with the same name', () => {
    const source = [
      '#![global_allocator]',
      '#[doc = "#[global_allocator]"]',
      '#[my_macros::global_allocator]',
      '#[global_allocator_helper]',
      'global_allocator!();',
      'static A: System = System;'
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([])
  })

  it('reports cfg_attr forms, including nested and split over lines', () => {
    const source = [
      '#[cfg_attr(feature = "jemalloc", global_allocator)]',
      'static A: Jemalloc = Jemalloc;',
      '#[cfg_attr(',
      '    all(unix, not(target_env = "musl")),',
      '    cfg_attr(feature = "mimalloc", global_allocator),',
      ')]',
      'static B: MiMalloc = MiMalloc;',
      '#[cfg_attr(test, allow(dead_code))]',
      'static C: u8 = 0;'
    ].join('\n')
    expect(findGlobalAllocators(source)).toEqual([1, 3])
    expect(scanGlobalAllocators(source)).toEqual([
      { line: 1, condition: 'feature = "jemalloc"', item: 'static A: Jemalloc = Jemalloc;' },
      { line: 3, condition: 'all(all(unix, not(target_env = "musl")), feature = "mimalloc")', item: 'static B: MiMalloc = MiMalloc;' }
    ])
  })

  it('takes the conditions of cfg attributes on the same item and of a file-level #![cfg]', () => {
    const conditional = [
      '#[cfg(not(target_env = "msvc"))]',
      '#[global_allocator]',
      'static A: Jemalloc = Jemalloc;',
      '',
      '#[global_allocator]',
      '#[cfg(feature = "x")]',
      'static B: System = System;',
      '',
      '#[cfg(feature = "unrelated")]',
      'fn unrelated() {}',
      '#[global_allocator]',
      'static C: System = System;'
    ].join('\n')
    expect(scanGlobalAllocators(conditional).map(({ line, condition }) => ({ line, condition }))).toEqual([
      { line: 2, condition: 'not(target_env = "msvc")' },
      { line: 5, condition: 'feature = "x"' },
      { line: 11, condition: null }
    ])
    const fileLevel = '#![cfg(feature = "alloc")]\n\n#[cfg_attr(unix, global_allocator)]\nstatic A: System = System;\n'
    expect(scanGlobalAllocators(fileLevel)).toEqual([{ line: 3, condition: 'all(feature = "alloc", unix)', item: 'static A: System = System;' }])
  })

  it('gives the text of the item each attribute applies to', () => {
    const source = [
      '#[global_allocator]',
      'static GLOBAL: MiMalloc =   // the allocator',
      '    MiMalloc;',
      '#[global_allocator]',
      'static TRACKED: Tracking<System> = Tracking { inner: System, label: "a;b" };',
      'fn after() {}',
      '#[global_allocator]',
      'pub(crate) static r#A: Counting = Counting::new(&[1, 2]);',
      'mod m {',
      '    #[global_allocator]',
      '    static INNER: System = System',
      '}',
      '#[global_allocator]',
      'fn not_a_static() { let x = 1; }',
      'const AFTER: u8 = 1;',
      '#[global_allocator]',
      'static LAST: System = System;'
    ].join('\n')
    expect(scanGlobalAllocators(source).map(site => [site.line, site.item])).toEqual([
      [1, 'static GLOBAL: MiMalloc = MiMalloc;'],
      [4, 'static TRACKED: Tracking<System> = Tracking { inner: System, label: "a;b" };'],
      [7, 'pub(crate) static r#A: Counting = Counting::new(&[1, 2]);'],
      [10, 'static INNER: System = System'],
      [13, 'fn not_a_static() { let x = 1; }'],
      [16, 'static LAST: System = System;']
    ])
    const long = `#[global_allocator]\nstatic A: ${'T<'.repeat(40)}u8${'>'.repeat(40)} = x;\n`
    expect(scanGlobalAllocators(long)[0]!.item).toMatch(/^static A: T<T<.* …$/)
  })

  it('skips a shebang line but not an inner attribute on line 1', () => {
    expect(findGlobalAllocators('#!/usr/bin/env run-cargo-script "x\n#[global_allocator]\nstatic A: System = System;\n')).toEqual([2])
    expect(scanGlobalAllocators('#![cfg(unix)]\n#[global_allocator]\nstatic A: System = System;\n')).toEqual([{ line: 2, condition: 'unix', item: 'static A: System = System;' }])
  })

  it('survives unterminated comments, strings and raw strings', () => {
    expect(findGlobalAllocators('#[global_allocator]\nstatic A: S = S;\n/* never closed #[global_allocator]')).toEqual([1])
    expect(findGlobalAllocators('#[global_allocator]\nstatic A: S = S;\nconst X: &str = "never closed #[global_allocator]')).toEqual([1])
    expect(findGlobalAllocators('#[global_allocator]\nstatic A: S = S;\nconst X: &str = r##"never closed "# #[global_allocator]')).toEqual([1])
  })

  it('counts lines across CRLF line endings and multi-line tokens', () => {
    const source = 'const A: &str = "a\r\nb";\r\n/* x\r\n y */\r\nconst B: &str = r#"\r\n"#;\r\n#[global_allocator]\r\nstatic A: S = S;\r\n'
    expect(findGlobalAllocators(source)).toEqual([7])
  })

  it('scans a 1 MB file in well under 100 ms', () => {
    const chunk = `/// Docs with a fake #[global_allocator] and an apostrophe: it's fine.
pub fn work<'a>(input: &'a [u8], table: &HashMap<String, Vec<u32>>) -> Result<usize, Error> {
    // a line comment "with a quote
    let s = "string with \\"escapes\\" and #[global_allocator]";
    let r = r#"raw "string" #[global_allocator]"#;
    let c = '#'; let q = '\\''; let b = b'x';
    /* block /* nested */ comment */
    for (i, byte) in input.iter().enumerate() { if *byte == b'#' { return Ok(i + 0x1f_u32 as usize) } }
    #[cfg(feature = "x")] let _x = 1.5e10;
    Ok(table.len())
}
`
    const parts: string[] = []
    let size = 0
    while (size < 1_000_000) {
      parts.push(chunk)
      size += chunk.length
    }
    parts.push('#[global_allocator]\nstatic GLOBAL: System = System;\n')
    const source = parts.join('')
    const expectedLine = source.split('\n').length - 2
    expect(findGlobalAllocators(source)).toEqual([expectedLine])
    expect(fastestRun(() => findGlobalAllocators(source), 100)).toBeLessThan(100)
  })

  it('stays linear on pathological input', () => {
    const sources = [
      '#['.repeat(100_000) + "'".repeat(100_000) + '/*'.repeat(100_000) + 'r###'.repeat(50_000),
      '#[' + 'cfg_attr(a, '.repeat(50_000) + 'global_allocator' + ')'.repeat(50_000) + ']\nstatic A: S = S;'
    ]
    for (const source of sources) expect(fastestRun(() => findGlobalAllocators(source), 1000)).toBeLessThan(1000)
  })
})

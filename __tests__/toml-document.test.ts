import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { parseTomlDocument, type TomlValue } from '../src/toml/document.js'

const manifest = `[package]
name = "app"
version = "0.1.0"
edition = "2021"
metadata.docs.rs = { all-features = true }

[lib]
crate-type = [
  "dylib",
  "rlib",
]

[[bin]]
name = "one"

[[bin]]
name = "two"
required-features = ["x"]

[target.'cfg(unix)'.dependencies]
libc = { path = "../libc", optional = true }

[target."x86_64-pc-windows-msvc".dependencies.winapi]
path = "../winapi"

[profile.release]
lto = "thin"
released = 1979-05-27T07:32:00Z
`

describe('parseTomlDocument', () => {
  it('turns tables, arrays and scalars into plain data, keeping date-times as written', () => {
    const doc = parseTomlDocument(manifest, 'Cargo.toml')
    expect(doc.file).toBe('Cargo.toml')
    expect(doc.value.package).toEqual({
      name: 'app',
      version: '0.1.0',
      edition: '2021',
      metadata: { docs: { rs: { 'all-features': true } } }
    })
    expect(doc.value.lib).toEqual({ 'crate-type': ['dylib', 'rlib'] })
    expect(doc.value.bin).toEqual([{ name: 'one' }, { name: 'two', 'required-features': ['x'] }])
    expect(doc.value.target).toEqual({
      'cfg(unix)': { dependencies: { libc: { path: '../libc', optional: true } } },
      'x86_64-pc-windows-msvc': { dependencies: { winapi: { path: '../winapi' } } }
    })
    expect(doc.value.profile).toEqual({ release: { lto: 'thin', released: '1979-05-27T07:32:00Z' } })
  })

  it('finds the line of keys under headers, dotted keys, inline tables and quoted keys', () => {
    const doc = parseTomlDocument(manifest, 'Cargo.toml')
    expect(doc.lineOf(['package'])).toBe(1)
    expect(doc.lineOf(['package', 'edition'])).toBe(4)
    expect(doc.lineOf(['package', 'metadata', 'docs', 'rs', 'all-features'])).toBe(5)
    expect(doc.lineOf(['target', 'cfg(unix)', 'dependencies', 'libc'])).toBe(21)
    expect(doc.lineOf(['target', 'cfg(unix)', 'dependencies', 'libc', 'optional'])).toBe(21)
    expect(doc.lineOf(['target', 'x86_64-pc-windows-msvc', 'dependencies', 'winapi'])).toBe(23)
    expect(doc.lineOf(['target', 'x86_64-pc-windows-msvc', 'dependencies', 'winapi', 'path'])).toBe(24)
    expect(doc.lineOf(['profile', 'release', 'lto'])).toBe(27)
  })

  it('finds array elements and array-of-tables entries', () => {
    const doc = parseTomlDocument(manifest, 'Cargo.toml')
    expect(doc.lineOf(['lib', 'crate-type'])).toBe(8)
    expect(doc.lineOf(['lib', 'crate-type', 0])).toBe(9)
    expect(doc.lineOf(['lib', 'crate-type', 1])).toBe(10)
    expect(doc.lineOf(['bin', 0])).toBe(13)
    expect(doc.lineOf(['bin', 1, 'name'])).toBe(17)
    expect(doc.lineOf(['bin', 1, 'required-features', 0])).toBe(18)
  })

  it('gives an implicitly created table the first line that mentions it', () => {
    const doc = parseTomlDocument('[a.b]\nx = 1\n[a]\ny = 2\n', 'c.toml')
    expect(doc.value).toEqual({ a: { b: { x: 1 }, y: 2 } })
    expect(doc.lineOf(['a'])).toBe(1)
    expect(doc.lineOf(['a', 'y'])).toBe(4)
  })

  it('answers null for keys that are not there', () => {
    const doc = parseTomlDocument(manifest, 'Cargo.toml')
    expect(doc.lineOf(['package', 'rust-version'])).toBeNull()
    expect(doc.lineOf(['bin', 2])).toBeNull()
  })

  it('accepts multi-line inline tables with trailing commas, as cargo 1.95 does', () => {
    const doc = parseTomlDocument('dep = { path = "x",\n  features = ["a"],\n}\n', 'Cargo.toml')
    expect(doc.value).toEqual({ dep: { path: 'x', features: ['a'] } })
    expect(doc.lineOf(['dep', 'features'])).toBe(2)
  })

  it('answers lineIn for an array element by its index, as a number or its decimal spelling only', () => {
    const doc = parseTomlDocument('a = [1, 2,\n  3,\n\n  [4], 5]\n', 'c.toml')
    const a = doc.value.a as TomlValue[]
    expect([0, 1, 2, 3, 4].map(i => doc.lineIn(a, i))).toEqual([1, 1, 2, 4, 4])
    expect(doc.lineIn(a, '2')).toBe(2)
    for (const key of ['02', '-1', '1.5', '5', 'length', '']) expect({ key, line: doc.lineIn(a, key) }).toEqual({ key, line: null })
    expect(doc.lineIn(a, 5)).toBeNull()
    expect(doc.lineIn(a[3] as TomlValue[], 0)).toBe(4)
    expect(doc.lineIn([1, 2], 0)).toBeNull()
  })

  it('answers lineIn for every key of a large table, and null for keys it does not have', () => {
    const text = Array.from({ length: 100 }, (_, i) => `k${i} = ${i}\n${i % 7 === 0 ? '\n' : ''}`).join('')
    const doc = parseTomlDocument(text, 'c.toml')
    const lines = text.split('\n')
    for (let i = 0; i < 100; i++) expect(doc.lineOf([`k${i}`])).toBe(lines.indexOf(`k${i} = ${i}`) + 1)
    expect(doc.lineOf(['k100'])).toBeNull()
    expect(doc.lineOf(['__proto__'])).toBeNull()
    expect(doc.lineIn(doc.value, 'constructor')).toBeNull()
  })

  it('reports invalid TOML as a one-line UserError with file, line and column', () => {
    const parse = (): unknown => parseTomlDocument('[package]\nname = "a"\nname = "b"\n', 'crates/a/Cargo.toml')
    expect(parse).toThrow(UserError)
    expect(parse).toThrow(/^crates\/a\/Cargo\.toml:3:1: invalid TOML: \S.*$/)
    expect(() => parseTomlDocument('a = 1\nb = [1,\n', 'x.toml')).toThrow(/^x\.toml:\d+:\d+: invalid TOML: \S/)
  })
})

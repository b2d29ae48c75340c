import { describe, expect, it } from '@jest/globals'
import { applyEdits, crateTypeEdits, settingEdit } from '../src/manifest/edits.js'
import { parseTomlDocument } from '../src/toml/document.js'

/**
 * The edits `--fix` writes: only the value at the line the TOML parser gives changes, everything else in the
 * file stays as written, and the result parses to what the fix claims.
 */
function edited(text: string, types: string[]): string | null {
  const edits = crateTypeEdits(text, 'Cargo.toml', types as never)
  return edits === null ? null : applyEdits(text, edits)
}

const crateTypes = (text: string): unknown => (parseTomlDocument(text, 'Cargo.toml').value.lib as { 'crate-type'?: unknown })['crate-type']

describe('crateTypeEdits', () => {
  const head = '[package]\nname = "dy"\nversion = "0.1.0"\n\n'

  it('a one-line array gains the new type at its end, with comment and spacing kept', () => {
    const text = `${head}[lib]\ncrate-type = [ "dylib" ]   # loaded by the host\n\n[dependencies]\n`
    const out = edited(text, ['dylib', 'rlib'])!
    expect(out).toBe(`${head}[lib]\ncrate-type = [ "dylib", "rlib" ]   # loaded by the host\n\n[dependencies]\n`)
    expect(crateTypes(out)).toEqual(['dylib', 'rlib'])
  })

  it('a trailing comma and single quotes are kept', () => {
    const out = edited(`${head}[lib]\ncrate-type = ['dylib',]\n`, ['dylib', 'rlib'])!
    expect(out).toBe(`${head}[lib]\ncrate-type = ['dylib', "rlib"]\n`)
  })

  it('a multi-line array gets a new element line indented like the others', () => {
    for (const last of ['    "cdylib",', '    "cdylib"', '    "cdylib" # C callers']) {
      const text = `${head}[lib]\ncrate-type = [\n    "dylib",\n${last}\n]\n`
      const out = edited(text, ['dylib', 'cdylib', 'rlib'])!
      expect(crateTypes(out)).toEqual(['dylib', 'cdylib', 'rlib'])
      expect(out.split('\n').filter(l => l.includes('"rlib"'))).toEqual(['    "rlib",'])
    }
  })

  it('`crate_type`, a `[lib]` without the key, and a manifest without `[lib]`', () => {
    expect(crateTypes(edited(`${head}[lib]\ncrate_type = ["dylib"]\n`, ['dylib', 'rlib'])!.replace('crate_type', 'crate-type'))).toEqual(['dylib', 'rlib'])
    expect(edited(`${head}[lib]\npath = "src/lib.rs"\n`, ['dylib'])).toBe(`${head}[lib]\ncrate-type = ["dylib"]\npath = "src/lib.rs"\n`)
    expect(edited(`${head}[dependencies]\nx = "1"\n\n`, ['dylib'])).toBe(`${head}[dependencies]\nx = "1"\n\n[lib]\ncrate-type = ["dylib"]\n\n`)
  })

  it('CRLF line endings stay CRLF', () => {
    const text = `${head}[lib]\ncrate-type = ["dylib"]\n`.replace(/\n/g, '\r\n')
    expect(edited(text, ['dylib', 'rlib'])).toBe(`${head}[lib]\ncrate-type = ["dylib", "rlib"]\n`.replace(/\n/g, '\r\n'))
  })

  it('nothing to add is no edit; removing a type, dotted or inline `lib` keys and invalid TOML are not guessed at', () => {
    expect(crateTypeEdits(`${head}[lib]\ncrate-type = ["dylib", "rlib"]\n`, 'Cargo.toml', ['dylib', 'rlib'])).toEqual([])
    expect(crateTypeEdits(`${head}[lib]\ncrate-type = ["dylib", "rlib"]\n`, 'Cargo.toml', ['dylib'])).toBeNull()
    expect(crateTypeEdits(`lib.path = "src/lib.rs"\n${head}`, 'Cargo.toml', ['dylib'])).toBeNull()
    expect(crateTypeEdits(`lib = { path = "src/lib.rs" }\n${head}`, 'Cargo.toml', ['dylib'])).toBeNull()
    expect(crateTypeEdits(`${head}[lib\n`, 'Cargo.toml', ['dylib'])).toBeNull()
  })

  it('brackets and quotes inside strings and comments do not end the array', () => {
    const text = `${head}[lib]\ncrate-type = [ # types ] here\n  "dylib", # "]"\n]\n`
    expect(crateTypes(edited(text, ['dylib', 'rlib'])!)).toEqual(['dylib', 'rlib'])
  })
})

describe('settingEdit', () => {
  it('rewrites the value on the line, keeping the key spelling and a comment', () => {
    const text = '[profile.dev]\npanic = "abort" # small binaries\n'
    expect(settingEdit(text, 'Cargo.toml', 2, 'panic', 'unwind')).toEqual({ file: 'Cargo.toml', line: 2, before: 'panic = "abort" # small binaries', after: 'panic = "unwind" # small binaries' })
    expect(settingEdit('[profile.release]\nlto = "thin"\n', 'Cargo.toml', 2, 'lto', false)!.after).toBe('lto = false')
    expect(settingEdit('[profile.dev]\nrpath=true\n', 'Cargo.toml', 2, 'rpath', false)!.after).toBe('rpath=false')
  })

  it('a line that is not that key is not edited', () => {
    expect(settingEdit('[profile.dev]\nopt-level = 1\n', 'Cargo.toml', 2, 'panic', 'unwind')).toBeNull()
    expect(settingEdit('[profile.dev]\n', 'Cargo.toml', 9, 'panic', 'unwind')).toBeNull()
  })
})

describe('applyEdits', () => {
  it('refuses when a line no longer reads as the edit expects', () => {
    expect(applyEdits('a\nb\n', [{ file: 'x', line: 2, before: 'c', after: 'd' }])).toBeNull()
    expect(applyEdits('a\nb\n', [{ file: 'x', line: 2, before: 'b', after: 'c\nd' }])).toBe('a\nc\nd\n')
  })
})

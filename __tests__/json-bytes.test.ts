import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseJsonBytes } from '../src/json.js'
import { MetadataError, parseMetadata } from '../src/metadata/parse.js'
import { corpusFile } from './support/corpus.js'

/** What `JSON.parse` of the bytes' UTF-8 decoding gives: the value, or the error's message. */
function decoded(bytes: Buffer): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(bytes.toString('utf8')) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

function fromBytes(bytes: Buffer): { value: unknown } | { error: string } {
  try {
    return { value: parseJsonBytes(bytes) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

describe('JSON parsed from bytes gives what parsing their decoding gives', () => {
  const valid: [string, Buffer][] = [
    ['ASCII only', utf8('{"name": "serde", "features": ["std"]}')],
    ['Latin-1 in a value', utf8('{"authors": ["José Valim <j@example.com>"]}')],
    ['a character beyond Latin-1 (the corpus has `’`)', utf8('{"description": "Libra’s core types"}')],
    ['CJK, an emoji (a surrogate pair) and U+2028 in values', utf8('{"d": "日本語 🦀 a\u2028b", "e": ["ä", "🦀🦀"]}')],
    ['characters beyond ASCII in keys', utf8('{"naïve": 1, "日本": {"ß": true}}')],
    ['an escaped backslash before a character beyond ASCII', utf8('{"path": "C:\\\\Users\\\\Zoë"}')],
    ['escapes already in the document beside raw characters', utf8('{"a": "\\u00e9é\\ud83e\\udd80🦀"}')],
    // Characters beyond ASCII are looked for 1,024 bytes at a time: one that starts in one run and ends in the next.
    ...[1021, 1022, 1023, 1024].map((at): [string, Buffer] => {
      const prefix = '{"d": "'
      return [`a three-byte character at byte ${at}`, utf8(`${prefix}${'x'.repeat(at - prefix.length)}€${'y'.repeat(2000)}€"}`)]
    }),
    // Not UTF-8: decoding replaces the bytes with U+FFFD, and so must this.
    ['a stray continuation byte', Buffer.concat([utf8('{"d": "a'), Buffer.from([0x80]), utf8('b"}')])],
    ['a truncated sequence before a valid one', Buffer.concat([utf8('{"d": "'), Buffer.from([0xe2, 0x82]), utf8('é"}')])]
  ]
  it.each(valid)('%s', (_name, bytes) => {
    const expected = decoded(bytes)
    expect(expected).toHaveProperty('value')
    expect(fromBytes(bytes)).toEqual(expected)
  })

  const invalid: [string, Buffer][] = [
    // Escaped, `\’` would become `\\u2019`: an escaped backslash, valid JSON with another value.
    ['a backslash escaping a character beyond ASCII', utf8('{"d": "a\\’b"}')],
    ['three backslashes before one', utf8('{"d": "a\\\\\\é"}')],
    ['a byte-order mark before the document', utf8('\ufeff{"version": 1}')],
    ['a character beyond ASCII outside any string', utf8('{"version": 1’}')],
    ['a character beyond ASCII as a number', utf8('{"version": ١}')],
    ['an unterminated string after one', utf8('{"d": "é')]
  ]
  it.each(invalid)('%s: the same error, quoting the document as written', (_name, bytes) => {
    const expected = decoded(bytes)
    expect(expected).toHaveProperty('error')
    expect(fromBytes(bytes)).toEqual(expected)
  })
})

describe('metadata files read as bytes', () => {
  it.each(['guppy-libra-9ffd93b.json', 'guppy-hyper-util-7afb1ed.json', 'guppy-libra-2020-no-dep-kinds.json', 'rules_rust-aliases.json'])(
    '%s gives the metadata its text gives',
    file => {
      const bytes = readFileSync(corpusFile(file))
      expect(parseMetadata(bytes, file)).toEqual(parseMetadata(bytes.toString('utf8'), file))
    }
  )

  it.each([
    ['a byte-order mark', utf8('\ufeff{"version": 1}')],
    ['a backslash escaping `’`', utf8('{"version": 1, "workspace_root": "a\\’"}')]
  ])('%s: the message its text gives', (_name, bytes) => {
    const message = (input: string | Buffer): string => {
      try {
        parseMetadata(input, 'metadata.json')
      } catch (e) {
        if (e instanceof MetadataError) return e.message
      }
      throw new Error('no MetadataError')
    }
    expect(message(bytes)).toMatch(/^metadata\.json: not valid JSON \(/)
    expect(message(bytes)).toBe(message(bytes.toString('utf8')))
  })
})

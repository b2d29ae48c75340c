/** How the TOML reader's messages name a character, a key and a key path. */
import { CHAR } from './chars.js'
import type { TomlPath } from './document.js'

const { DEL } = CHAR

/** `rules.duplicate-linkage`, `allow[1].reason`, `rules."odd key"`. */
export function formatTomlPath(path: TomlPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += `${out === '' ? '' : '.'}${/^[A-Za-z0-9_-]+$/u.test(segment) ? segment : JSON.stringify(segment)}`
  }
  return out
}

/** A character as it reads in a message. */
export function describe(c: number): string {
  if (c >= 0x21 && c < DEL) return `\`${String.fromCharCode(c)}\``
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}

/** `name` for a message, shortened when a file makes it very long. */
export function showKey(name: string): string {
  const shown = formatTomlPath([name])
  return `\`${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}\``
}

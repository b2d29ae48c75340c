/**
 * The glob patterns cargo accepts for package specifications (`-p 'app-*'`) and target names
 * (`--bin 'tool-*'`): the `glob` crate's `Pattern`, matched against the whole name.
 */
import { UserError } from '../errors.js'

/** Whether cargo reads a name as a pattern (`is_glob_pattern` in src/cargo/util/command_prelude.rs). */
export function isGlob(name: string): boolean {
  return /[*?[]/.test(name)
}

/**
 * The pattern as a regular expression over the whole name: `*` any run of characters, `?` one, `[…]` and
 * `[!…]` a set (a `]` right after the opening bracket belongs to the set).
 *
 * @param what names where the pattern was given, for the error on an unclosed set.
 */
export function globToRegExp(glob: string, what: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') re += '.*'
    else if (c === '?') re += '.'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end < 0) throw new UserError(`invalid glob pattern \`${glob}\` in ${what}: unclosed \`[\``)
      const body = glob.slice(i + 1, end)
      re += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`
      i = end
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&')
  }
  try {
    return new RegExp(`^${re}$`, 'su')
  } catch {
    // A set whose range runs backwards (`[z-a]`).
    throw new UserError(`invalid glob pattern \`${glob}\` in ${what}`)
  }
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&')
}

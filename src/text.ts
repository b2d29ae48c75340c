/** Wording helpers shared by findings and reports. */

/** "1 finding", "2 findings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "`a`, `b` and `c`", or "`a`, `b`, `c`, `d`, `e` and 12 more". */
export function listCrates(crates: readonly string[], shown = 5): string {
  const names = crates.map(c => `\`${c}\``)
  if (names.length <= 1) return names.join('')
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
}

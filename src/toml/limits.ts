/**
 * What the TOML reader refuses to hold, whatever the size of the file: both keep every value small enough
 * for the code that walks, prints and matches it.
 */

/** Deepest nesting of arrays and inline tables that is read, as in toml_edit's parser (which cargo has used). */
export const MAX_NESTING = 127

/** Longest string (source characters between its quotes) that is read. */
export const MAX_STRING = 65_536

/** The problem with a long string, as the end of a message (`a string of 1000000 characters …`). */
export function longStringProblem(what: 'string' | 'quoted key', length: number): string {
  return `a ${what} of ${length} characters is too long to read (at most ${MAX_STRING})`
}

/** The problem with an array or inline table nested one level too deep, as the end of a message. */
export function nestingProblem(): string {
  return `too deeply nested: arrays and inline tables may nest at most ${MAX_NESTING} levels`
}

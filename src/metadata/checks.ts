/**
 * The checks the metadata validation is made of: a value's JSON type, and for each wrong value the failure
 * that names its JSON path, built only then.
 */

export type Json = unknown

/** A value from the input, quoted for a one-line message (control characters escaped). */
export function q(value: string): string {
  return `\`${JSON.stringify(value).slice(1, -1)}\``
}

/**
 * What is wrong with the input and where (a JSON path), thrown by the validation and turned into a
 * MetadataError naming the source by validateMetadata. The validation runs over every package, target,
 * declaration and edge, so it builds a path or a label only once it has something to report: the checks
 * are inline `typeof` tests, and each failing branch builds its path from the indices it has.
 */
export class Invalid {
  constructor(
    readonly path: string,
    readonly message: string
  ) {}
}

// Shared by the many lists that are empty: frozen, since every package, target and declaration may hold it.
export const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[]

/** `v` when it is a string; `path` names it in the message otherwise. */
export function string(v: Json, path: string): string {
  if (typeof v !== 'string') throw notString(v, path)
  return v
}

export function isStringArray(v: Json): v is string[] {
  if (!Array.isArray(v)) return false
  for (let k = 0; k < v.length; k++) if (typeof v[k] !== 'string') return false
  return true
}

/**
 * A copy of `v` (the shared empty list when it is empty) when it is an array of strings; else the failure
 * naming the field at `path` or its element. A path of the many lists in packages comes as a function, so that
 * it is built only for the message.
 */
export function stringList(v: Json, path: string | (() => string)): string[] {
  if (!isStringArray(v)) badStringList(v, typeof path === 'string' ? path : path())
  return v.length === 0 ? NO_STRINGS : v.slice()
}

// The failures: cold, each builds its message from the value.

function describe(v: Json): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`
}

export function notObject(v: Json, path: string): Invalid {
  return new Invalid(path, `expected an object, got ${describe(v)}`)
}

export function notArray(v: Json, path: string): Invalid {
  return new Invalid(path, v === undefined ? 'missing (expected an array)' : `expected an array, got ${describe(v)}`)
}

export function notString(v: Json, path: string): Invalid {
  return new Invalid(path, v === undefined ? 'missing (expected a string)' : `expected a string, got ${describe(v)}`)
}

export function notBoolean(v: Json, path: string): Invalid {
  return new Invalid(path, `expected true or false, got ${describe(v)}`)
}

export function unknownKind(v: Json, path: string): Invalid {
  return new Invalid(path, `unknown dependency kind ${JSON.stringify(v)}, expected null, "dev" or "build"`)
}

/** Throws what is wrong with `v` as an array of strings: not an array, or its first element that is no string. */
export function badStringList(v: Json, path: string): never {
  if (!Array.isArray(v)) throw notArray(v, path)
  for (let k = 0; k < v.length; k++) {
    if (typeof v[k] !== 'string') throw notString(v[k], `${path}[${k}]`)
  }
  throw new Error(`${path}: not a list of strings, but no element is wrong`)
}

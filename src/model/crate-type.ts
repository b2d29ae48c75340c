/** A crate type as cargo passes it to rustc (`--crate-type`). `lib` means rlib to rustc. */
export type CrateType = 'bin' | 'lib' | 'rlib' | 'dylib' | 'cdylib' | 'staticlib' | 'proc-macro'

export const CRATE_TYPES: readonly CrateType[] = ['bin', 'lib', 'rlib', 'dylib', 'cdylib', 'staticlib', 'proc-macro']

// The truth tables below are cargo's own (`src/cargo/core/compiler/crate_type.rs`); keep them identical.

/** Outputs a Rust crate can be linked against: `lib`, `rlib`, `dylib`, `proc-macro`. */
export function isLinkable(t: CrateType): boolean {
  return t === 'lib' || t === 'rlib' || t === 'dylib' || t === 'proc-macro'
}

/** Outputs that are shared objects: `dylib`, `cdylib`, `proc-macro`. */
export function isDynamic(t: CrateType): boolean {
  return t === 'dylib' || t === 'cdylib' || t === 'proc-macro'
}

/** Crate types that may take part in LTO: `bin`, `staticlib`, `cdylib`. */
export function canLto(t: CrateType): boolean {
  return t === 'bin' || t === 'staticlib' || t === 'cdylib'
}

/** Crate types whose rustc invocation links (everything except `lib`/`rlib`). */
export function requiresUpstreamObjects(t: CrateType): boolean {
  return t !== 'lib' && t !== 'rlib'
}

/** Whether a library built with these crate types is available to Rust dependents as an rlib. */
export function providesRlib(types: readonly CrateType[]): boolean {
  return types.includes('lib') || types.includes('rlib')
}

/** Whether a library built with these crate types is available to Rust dependents as a Rust dylib. */
export function providesDylib(types: readonly CrateType[]): boolean {
  return types.includes('dylib')
}

export function isCrateType(s: string): s is CrateType {
  return (
    s === 'bin' || s === 'lib' || s === 'rlib' || s === 'dylib' || s === 'cdylib' || s === 'staticlib' || s === 'proc-macro'
  )
}

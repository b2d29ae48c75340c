/**
 * What cargo's `Target` knows about a target beyond its kind (src/cargo/core/manifest.rs), from what
 * `cargo metadata` prints of it.
 */
import type { Target } from './metadata.js'

/**
 * Cargo's `Target::proc_macro`: a proc-macro library, or an example whose `crate-type` lists `proc-macro`.
 * Cargo sets it from the target's `proc-macro` key, which `TomlTarget::proc_macro`
 * (crates/cargo-util-schemas/src/manifest/mod.rs) defaults to true when `crate-type` lists `proc-macro`;
 * `cargo metadata` prints the crate types, not the key, so an explicit `proc-macro = false` beside that crate
 * type is not seen.
 */
export function isProcMacro(target: Target): boolean {
  return target.crateTypes.includes('proc-macro')
}

/** Cargo's `Target::for_host`: built for the host whatever `--target` says: build scripts and proc-macros. */
export function isForHost(target: Target): boolean {
  return target.kind === 'custom-build' || isProcMacro(target)
}

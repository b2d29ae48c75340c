import type { Severity } from '../report/report.js'

/** Every rule id the engine reports. Ids are stable: never renamed, never reused. */
export type RuleId =
  | 'duplicate-linkage'
  | 'rlib-required'
  | 'dylib-required'
  | 'no-linkable-lib'
  | 'panic-strategy'
  | 'lto-conflict'
  | 'unsupported-crate-type'
  | 'proc-macro-dylib'
  | 'runtime-dylib'

export interface RuleInfo {
  id: RuleId
  severity: Severity
  /** One line: what goes wrong. */
  title: string
}

export const RULES: readonly RuleInfo[] = [
  { id: 'duplicate-linkage', severity: 'error', title: 'A crate would be linked into one artifact twice ("only shows up once")' },
  { id: 'rlib-required', severity: 'error', title: 'An artifact needs every upstream crate as an rlib, and one is not' },
  { id: 'dylib-required', severity: 'error', title: 'A crate must be linked dynamically but no dylib of it exists' },
  { id: 'no-linkable-lib', severity: 'error', title: 'A dependency whose library is only a cdylib or staticlib cannot be used from Rust' },
  { id: 'panic-strategy', severity: 'error', title: 'The panic runtime or a linked crate does not match the artifact’s panic strategy' },
  { id: 'lto-conflict', severity: 'error', title: 'LTO is requested where rustc refuses it' },
  { id: 'unsupported-crate-type', severity: 'warning', title: 'The target cannot produce a requested crate type' },
  { id: 'proc-macro-dylib', severity: 'error', title: 'A proc-macro links a Rust dylib dynamically, so rustc cannot load it' },
  { id: 'runtime-dylib', severity: 'warning', title: 'An executable needs Rust shared libraries that will not be found outside cargo' }
]

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES.find(r => r.id === id)!
}

/** The README section documenting a rule. */
export function ruleHelpUri(id: RuleId): string {
  return `https://github.com/rust-linkage-guard/rust-linkage-guard#${id}`
}

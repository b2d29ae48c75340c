import { createHash } from 'node:crypto'
import type { Finding } from './finding.js'

/** The fields that identify a finding across runs. */
export type FindingIdentity = Pick<Finding, 'rule' | 'package' | 'target' | 'kind' | 'mode' | 'crateType' | 'platform' | 'crates'>

/**
 * A finding's stable identity: the rule, the artifact and the crates at fault. Lines, wording and the hash in
 * `libstd-<hash>.so` (which changes with every toolchain) stay out, so a finding keeps its fingerprint when a
 * manifest is edited above it or the toolchain is updated.
 */
export function findingFingerprint(f: FindingIdentity): string {
  const crates = f.crates.map(c => c.replace(/-[0-9a-f]{16}(?=\.(?:so|dylib|dll)$)/u, '')).sort()
  const identity = [f.rule, f.package ?? '', f.target ?? '', f.kind ?? '', f.mode ?? '', f.crateType ?? '', f.platform ?? '', ...crates]
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32)
}

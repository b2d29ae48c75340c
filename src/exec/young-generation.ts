import v8 from 'node:v8'

/** Metadata up to this size is analysed with the young generation kept at its first size. */
const SMALL_METADATA_CHARS = 8 * 1024 * 1024

/**
 * V8 doubles the young generation, up to 2 × 16 MB, whenever most of it survives a collection, as parsing and
 * analysing metadata makes it do. For metadata up to a few megabytes the fresh pages cost more than the
 * collections they save; a large input needs the room. Measured on node 20 with `npm run bench` (peak RSS,
 * wall time, default growth → none):
 *
 * - libra, 2.4 MB: 89 → 76 MB, 490 → 440 ms;
 * - synthetic 2k, 6.6 MB: 136 → 104 MB, 1,020 → 970 ms;
 * - synthetic 5k, 16.5 MB: 176 → 217 MB, 1,570 → 1,620 ms (so the growth stays above 8 MB).
 *
 * V8 reads `--semi-space-growth-factor` each time it grows the young generation. The CLI and the action set it
 * (`RunOptions.beforeParse`), only on node 20, where it was measured; other runtimes keep their own policy.
 */
export function sizeYoungGeneration(metadataChars: number): void {
  const factor = youngGenerationGrowth(metadataChars, process.versions.node)
  if (factor !== null) v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`)
}

/** The growth factor for metadata of this length on this node version (V8's default is 2), or null to leave it. */
export function youngGenerationGrowth(metadataChars: number, nodeVersion: string): 1 | 2 | null {
  if (nodeVersion.split('.')[0] !== '20') return null
  return metadataChars <= SMALL_METADATA_CHARS ? 1 : 2
}

import v8 from 'node:v8'
import vm from 'node:vm'

/** Metadata up to this size makes a short run: parsing and analysing it takes well under a second. */
const SMALL_METADATA_CHARS = 8 * 1024 * 1024
/** Below this size (a workspace of some tens of packages) Maglev is left on: too little runs for it to matter. */
const MAGLEV_OFF_FROM_CHARS = 256 * 1024

/**
 * The V8 flags a run sets before it parses metadata of this length, on this node version: none where it was not
 * measured, and the runtime's own policy is kept.
 *
 * - **The young generation's growth.** V8 doubles the young generation whenever most of it survives a
 *   collection, as parsing and analysing metadata makes it do, up to 2 × 16 MB on node 20 and 22 and 2 × 64 MB
 *   on node 24 and 26. Fresh pages cost more than the collections they save, except for large inputs on node 20
 *   and 22, where the growth is kept (`--semi-space-growth-factor=2`, V8's default).
 * - **Maglev** (on by default from node 24): on a short run its compiles, on threads of their own, cost more than
 *   the code they produce saves, and its code and compile zones raise the peak. Turned off on a very short run,
 *   it raises the peak instead, for no gain.
 *
 * Measured with `npm run bench` and interleaved runs of the CLI (peak RSS, wall time, medians), default → these:
 *
 * - node 20, libra (2.4 MB): 89 → 76 MB, 490 → 440 ms; synthetic 2k (6.6 MB): 136 → 104 MB, 1,020 → 970 ms;
 *   synthetic 5k (16.5 MB) without growth: 176 → 217 MB, 1,570 → 1,620 ms, so the growth stays above 8 MiB;
 * - node 22, libra: 90 → 78 MB, 359 → 320 ms; synthetic 2k: 133 → 93 MB, 746 → 708 ms; synthetic 10k (33 MB)
 *   without growth: 217 → 252 MB, 2,085 → 2,259 ms;
 * - node 24, the previous build (V8's defaults) against this one in one `npm run bench`: libra 376 → 315 ms,
 *   101 → 80 MB; synthetic 5k 1,169 → 985 ms, 200 → 153 MB; synthetic 10k 2,357 → 2,135 ms, 349 → 256 MB. The 10k
 *   without Maglev took 2,786 against 2,477 ms, so Maglev stays on above 8 MiB; 5 KB of metadata without Maglev
 *   peaked at 62 against 58 MB, and was no faster, so it stays on below 256 KiB;
 * - node 26, libra: 101 → 76 MB, 355 → 312 ms; synthetic 10k: 298 → 259 MB, 2,248 → 2,305 ms.
 *
 * Each flag is set in both directions, so that a second analysis in the same process (`--fix` runs one) gets
 * the flags of its own input. V8 reads both flags as it goes: setting them after start-up takes effect.
 */
export function v8Flags(metadataChars: number, nodeVersion: string): string[] {
  const short = metadataChars <= SMALL_METADATA_CHARS
  switch (nodeVersion.split('.')[0]) {
    case '20':
    case '22':
      return [`--semi-space-growth-factor=${short ? 1 : 2}`]
    case '24':
    case '26':
      return ['--semi-space-growth-factor=1', short && metadataChars >= MAGLEV_OFF_FROM_CHARS ? '--no-maglev' : '--maglev']
    default:
      return []
  }
}

/** Sets `v8Flags` for metadata of this length in this process. */
export function tuneV8(metadataChars: number): void {
  tunedForMetadata = true
  for (const flag of v8Flags(metadataChars, process.versions.node)) setFlag(flag)
}

/** What sets each flag this module may change back to its value when node starts: V8's default. */
const AT_START: Record<string, string> = {
  'semi-space-growth-factor': '--semi-space-growth-factor=2',
  maglev: '--maglev',
  'expose-gc': '--no-expose-gc'
}

/** The names of the flags this process has changed (`--no-maglev` → `maglev`). */
const changedFlags = new Set<string>()
let tunedForMetadata = false

function setFlag(flag: string): void {
  const name = /^--(?:no-)?([\w-]+)/u.exec(flag)![1]!
  if (!(name in AT_START)) throw new Error(`v8-tuning: no value at start is known for \`${flag}\``)
  changedFlags.add(name)
  v8.setFlagsFromString(flag)
}

/**
 * Sets every flag this process changed back to its value at start, and says whether it tuned V8 for metadata, that
 * is, whether it analysed a workspace. The CLI's and the action's entries call it as the process exits, before
 * they make their code cache (`cli/code-cache.ts`): V8 refuses a cache made under other flags than its own at the
 * next start.
 */
export function restoreStartFlags(): { analysedMetadata: boolean } {
  for (const name of changedFlags) v8.setFlagsFromString(AT_START[name]!)
  changedFlags.clear()
  return { analysedMetadata: tunedForMetadata }
}

/**
 * Metadata from this size up leaves, once parsed, more garbage than the analysis after it allocates: its text
 * and its JSON, both already moved to the old generation. Nothing collects them before the run ends.
 */
export const COLLECT_FROM_CHARS = 1024 * 1024

/**
 * What the entry points hand the analysis (`RunOptions.beforeParse` and `afterParse`): V8's flags set by the
 * metadata's size before it is parsed, and, after a large one, a full collection once its text and its JSON
 * are no longer referenced, so that the analysis reuses their memory instead of growing the heap past them.
 *
 * Measured with interleaved runs of the CLI (medians, peak RSS), without → with the collection:
 *
 * - libra (2.4 MB): node 20 72.9 → 65.3 MB, 429 → 412 ms; node 24 79.7 → 73.8 MB, 323 → 313 ms;
 * - synthetic 5k (16.5 MB): node 20 161 → 131 MB, node 24 153 → 123 MB, within 5% of the time either way (the
 *   collection takes 36 ms); synthetic 10k (33 MB): node 20 202 → 192 MB, node 24 256 → 189 MB;
 * - 606 KB of metadata: 55.6 → 54.4 MB; 184 KB: no change, for the collection and its context's 5–9 ms.
 */
export function metadataTuning(): { beforeParse: (metadataChars: number) => void; afterParse: () => void } {
  let parsedChars = 0
  return {
    beforeParse: metadataChars => {
      parsedChars = metadataChars
      tuneV8(metadataChars)
    },
    afterParse: () => {
      if (parsedChars >= COLLECT_FROM_CHARS) fullCollection()?.()
    }
  }
}

let collector: (() => void) | null | undefined

/**
 * V8's full collection, or null where this node has none to give. `--expose-gc` installs `gc` in the contexts
 * made after it is set, so one context is made for it, once.
 */
export function fullCollection(): (() => void) | null {
  if (collector === undefined) {
    try {
      setFlag('--expose-gc')
      const gc: unknown = vm.runInNewContext('gc')
      collector = typeof gc === 'function' ? (gc as () => void) : null
    } catch {
      collector = null
    }
  }
  return collector
}

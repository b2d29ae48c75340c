/**
 * Cargo's suggestions for a name that matches nothing (`util/edit_distance.rs`): `editDistance` is
 * `edit_distance`, `closest` is `closest`, `similarNameHelp` is `closest_msg`, so a refusal can end with the
 * same "a … with a similar name exists" help that cargo prints.
 */

/**
 * The edit distance between `a` and `b` (insertions, deletions, substitutions and transpositions of adjacent
 * characters), compared lowercased, or null when it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number | null {
  let long = Array.from(a.toLowerCase())
  let short = Array.from(b.toLowerCase())
  if (long.length < short.length) [long, short] = [short, long]
  const minDistance = long.length - short.length
  if (minDistance > limit) return null
  // The common prefix and suffix cost nothing.
  let start = 0
  while (start < short.length && long[start] === short[start]) start++
  let endLong = long.length
  let endShort = short.length
  while (endShort > start && long[endLong - 1] === short[endShort - 1]) {
    endLong--
    endShort--
  }
  const x = long.slice(start, endLong)
  const y = short.slice(start, endShort)
  if (y.length === 0) return minDistance

  let prevPrev: number[] = new Array<number>(y.length + 1).fill(Number.MAX_SAFE_INTEGER)
  let prev: number[] = Array.from({ length: y.length + 1 }, (_, j) => j)
  let current: number[] = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    current[0] = i
    for (let j = 1; j <= y.length; j++) {
      const substitution = x[i - 1] === y[j - 1] ? 0 : 1
      current[j] = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + substitution)
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) current[j] = Math.min(current[j]!, prevPrev[j - 2]! + 1)
    }
    ;[prevPrev, prev, current] = [prev, current, prevPrev]
  }
  const distance = prev[y.length]!
  return distance <= limit ? distance : null
}

/** The candidate nearest to `choice` within an edit distance of 3, the first of equals; null when none is. */
export function closest(choice: string, candidates: Iterable<string>): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(choice, candidate, 3)
    if (distance !== null && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** `; help: a <kind> with a similar name exists: `<name>``, or the empty string when no candidate is near. */
export function similarNameHelp(choice: string, candidates: Iterable<string>, kind: string): string {
  const near = closest(choice, candidates)
  return near === null ? '' : `; help: a ${kind} with a similar name exists: \`${near}\``
}

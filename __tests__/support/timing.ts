/**
 * Time bounds that hold on a busy machine. `.ci/run` runs the suites side by side on two cores, so one timed
 * run can take several times its usual length; an algorithm that is too slow is too slow on every try.
 */
import { performance } from 'node:perf_hooks'

/**
 * The fastest of at most `tries` timed runs of `run`, in milliseconds: it stops at the first run under
 * `limitMs`, so a quiet machine times it once.
 */
export function fastestRun(run: () => void, limitMs: number, tries = 3): number {
  let best = Infinity
  for (let i = 0; i < tries && best >= limitMs; i++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

import os from 'node:os'

/**
 * What a run cleans up when a signal ends it. The programs it starts run in process groups of their own, so that
 * a timeout can end everything one of them started; Ctrl-C in a terminal signals the foreground group only, and
 * never reaches them. Without this, a `cargo metadata` (which may hold cargo's package cache lock) or a rustup
 * download would run on after the run had ended, and the isolation directory would stay behind.
 */
const cleanups = new Set<() => void>()

/** The signals that end a run: Ctrl-C, `kill`, a closed terminal; a cancelled workflow sends SIGINT, then SIGTERM. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Runs `cleanup` if one of `SIGNALS` arrives before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup)
  return () => {
    cleanups.delete(cleanup)
  }
}

/**
 * For the entry points: on the first of `SIGNALS`, runs every registered cleanup, then ends the process by that
 * signal, as it would have ended without a handler (a shell shows 130 after Ctrl-C).
 */
export function cleanUpOnSignals(): void {
  const handlers = SIGNALS.map(signal => {
    const handler = (): void => {
      for (const cleanup of cleanups) {
        try {
          cleanup()
        } catch {
          // The others still run.
        }
      }
      // With no listener left node restores the signal's default action, which the signal then takes. Should the
      // process fail to signal itself, its status still says which signal ended it.
      for (const [s, h] of handlers) process.off(s, h)
      try {
        process.kill(process.pid, signal)
      } catch {
        process.exit(128 + os.constants.signals[signal])
      }
    }
    process.on(signal, handler)
    return [signal, handler] as const
  })
}

/**
 * Ends the process with `code` as soon as standard output and standard error have handed every byte written to
 * them to the system: a pipe read slowly gets all of it, as it would at node's own exit.
 *
 * Node's own exit, once the event loop is empty, first disposes of the heap a page at a time, memory the system
 * takes back at exit anyway: on node 20 that was about 10 ms after analysing a 600-package workspace and about
 * 55 ms after a 10,000-package one. Nothing else is waited for, and nothing else needs to be: every program
 * the run started has ended or been stopped (`cancellable` in `exec/runner.ts`) before the run returns.
 */
export function exitOnceFlushed(code: number): void {
  const streams = [process.stdout, process.stderr]
  let pending = streams.length
  const flushed = (): void => {
    if (--pending === 0) process.exit(code)
  }
  for (const stream of streams) {
    // An empty write completes after every write before it, and calls back with the error on a closed stream.
    if (stream.writableLength === 0 || stream.destroyed) flushed()
    else stream.write('', () => flushed())
  }
}

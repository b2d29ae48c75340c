/**
 * The action's code, bundled as `dist/main.js`: its entry (`index.ts`, `dist/index.js`) compiles it with V8's code
 * cache of it.
 */
import { exitOnceFlushed } from './exec/exit.js'
import { cleanUpOnSignals } from './exec/interrupt.js'
import { run } from './main.js'

/* istanbul ignore next */
cleanUpOnSignals()
void run().then(() => exitOnceFlushed(Number(process.exitCode ?? 0)))

export { restoreStartFlags } from './exec/v8-tuning.js'

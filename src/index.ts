import { exitOnceFlushed } from './exec/exit.js'
import { cleanUpOnSignals } from './exec/interrupt.js'
import { run } from './main.js'

/* istanbul ignore next */
cleanUpOnSignals()
void run().then(() => exitOnceFlushed(Number(process.exitCode ?? 0)))

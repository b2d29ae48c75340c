import { exitOnceFlushed } from './exec/exit.js'
import { run } from './main.js'

/* istanbul ignore next */
void run().then(() => exitOnceFlushed(Number(process.exitCode ?? 0)))

/**
 * `npm run test:quick` loads this before every suite: a suite that starts a process (cargo, rustc, the
 * bundled CLI) fails at once instead of quietly making the quick run slow. Such suites belong in the
 * `TOOL_SUITES` list of jest.quick.config.js.
 */
import { createRequire } from 'node:module'

const childProcess = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    throw new Error(`${name}: this suite starts processes, so it is not a quick suite (list it in jest.quick.config.js)`)
  }
}

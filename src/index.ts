/**
 * The action's entry (`runs.main`): runs the action's code (`main.js` beside it, bundled as one CommonJS script)
 * with V8's code cache of it, kept as the CLI keeps its own. A GitHub-hosted runner starts every job on a new
 * machine, where the cache written as the step ends would never be read: there, none is read or written.
 */
import path from 'node:path'
import { codeCacheDirectory, runWithCodeCache } from './cli/code-cache.js'

const hosted = process.env.RUNNER_ENVIRONMENT === 'github-hosted'
runWithCodeCache(path.join(__dirname, 'main.js'), { name: 'action', directory: hosted ? null : codeCacheDirectory(process.env, process.platform) })

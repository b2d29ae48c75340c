#!/usr/bin/env node
/**
 * The CLI's entry: runs the CLI's code (`main.js` beside it, bundled as one CommonJS script) with V8's code
 * cache of it, so that a start after the first compiles next to nothing.
 */
import path from 'node:path'
import { codeCacheDirectory, runWithCodeCache } from './code-cache.js'

runWithCodeCache(path.join(__dirname, 'main.js'), { name: 'cli', directory: codeCacheDirectory(process.env, process.platform) })

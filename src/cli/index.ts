#!/usr/bin/env node
/**
 * The CLI's entry: runs the CLI's code (`main.js` beside it, bundled as one CommonJS script) with V8's code
 * cache of it, so that a start after the first compiles next to nothing.
 */
import path from 'node:path'
import { runWithCodeCache } from './code-cache.js'

runWithCodeCache(path.join(__dirname, 'main.js'), process.env, { node: process.version, arch: process.arch })

#!/usr/bin/env node
/**
 * The CLI's entry: Node's compile cache first, then the CLI itself, loaded after it so that the cache keeps
 * the CLI's compiled code for the next start.
 */
import { enableCompileCache } from './compile-cache.js'

enableCompileCache(process.env, process.platform)
void import('./main.js')

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCliArgs } from '../../src/cli/args.js'
import { analyzeWorkspace } from '../../src/run.js'
import { writeTree } from './files.js'

/**
 * A workspace written to a new temporary directory, analysed and built by real cargo on the same command line
 * and environment (each with `--offline`), for tests that hold the engine against what cargo does.
 */
export function tempWorkspace(prefix: string, files: Record<string, string>, env: NodeJS.ProcessEnv, cargoBinary = 'cargo') {
  const dir = writeTree(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), files)
  const manifestPath = path.join(dir, 'Cargo.toml')
  return {
    manifestPath,
    analyse: (args: string[]) => analyzeWorkspace({ manifestPath, invocation: parseCliArgs([...args, '--offline']).invocation, env, cwd: dir }),
    cargo: (args: string[]) => spawnSync(cargoBinary, [...args, '--offline'], { cwd: dir, env: { ...env, CARGO_TARGET_DIR: path.join(dir, 'target') }, encoding: 'utf8' }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true })
  }
}

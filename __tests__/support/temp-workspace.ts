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
    // The workspace's own `target/`, unless `env` says where (an undefined `CARGO_TARGET_DIR` leaves it to the config).
    cargo: (args: string[]) => spawnSync(cargoBinary, [...args, '--offline'], { cwd: dir, env: { CARGO_TARGET_DIR: path.join(dir, 'target'), ...env }, encoding: 'utf8' }),
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Whether a directory's git working tree has uncommitted changes, for `--fix`, which refuses to edit files
 * over them (as `cargo fix` does) unless `--allow-dirty` is given.
 */
import { childEnvironment } from '../exec/child-env.js'
import type { CommandRunner } from '../exec/runner.js'

/**
 * The paths `git status` reports as changed or untracked (ignored files left out), or null when `dir` is not
 * in a git working tree or git cannot be run. The repository's own configuration may name programs that git
 * runs while reading the tree (`core.fsmonitor`): it is switched off on the command line, and git is asked
 * not to take locks or refresh the index.
 */
export async function uncommittedChanges(runner: CommandRunner, dir: string, env: Readonly<Record<string, string | undefined>>): Promise<string[] | null> {
  const childEnv: Record<string, string> = { ...childEnvironment(env, process.platform), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' }
  try {
    const result = await runner.run('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'status', '--porcelain=v1', '-z', '--untracked-files=normal'], { cwd: dir, env: childEnv })
    if (result.exitCode !== 0) return null
    return result.stdout
      .split('\0')
      .filter(entry => entry.length > 3)
      .map(entry => entry.slice(3))
  } catch {
    return null
  }
}

/**
 * The CLI as a user installs it, without cloning:
 *
 *   npm run smoke
 *
 * Packs the package with `npm pack`, checks that the tarball holds only what runs (no tests, no
 * TypeScript sources), installs it into an empty project with the network off, and checks that exactly
 * one package was installed, that its bins print the version, and that it reports the bundled example's
 * duplicate-linkage error with exit status 1 — also as `cargo linkage-guard` where cargo can find an npm
 * bin (not on Windows, where cargo looks only for `cargo-linkage-guard.exe`). Runs on Linux, macOS and
 * Windows; exits 1 if any check fails.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }
const EXAMPLE = path.join(ROOT, 'examples', 'plugin-engine', 'Cargo.toml')

const failures: string[] = []

function check(what: string, ok: boolean, detail = ''): void {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || detail === '' ? '' : `: ${detail}`}\n`)
  if (!ok) failures.push(what)
}

/** npm itself, run by node, so no shell is needed on Windows (where npm is a .cmd script). */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const cli = process.env.npm_execpath
  if (!cli || !/npm-cli\.js$/.test(cli)) throw new Error('run this through `npm run smoke`, which tells it where npm is')
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } })
}

function output(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}; ${(result.stdout + result.stderr).trim().split('\n').slice(-5).join(' | ')}`
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rlg-smoke-'))
try {
  const packed = npm(['pack', '--json', '--pack-destination', work], ROOT)
  check('npm pack succeeds', packed.status === 0, output(packed))
  const [manifest] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[]; unpackedSize: number }]
  const files = manifest.files.map(f => f.path)
  check(`the tarball holds ${files.length} files, ${(manifest.unpackedSize / 1e6).toFixed(1)} MB unpacked`, files.length > 0)
  const sources = files.filter(f => /(^|\/)(__tests__|src|scripts|examples)\//.test(f) || /\.ts$/.test(f))
  check('the tarball has no tests, TypeScript sources, scripts or examples', sources.length === 0, sources.slice(0, 5).join(', '))
  for (const needed of ['dist/cli/index.js', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
    check(`the tarball has ${needed}`, files.includes(needed))
  }

  const project = path.join(work, 'project')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "smoke", "version": "1.0.0", "private": true }\n')
  const installed = npm(['install', '--offline', '--no-save', path.join(work, manifest.filename)], project)
  check('installing the tarball needs no network', installed.status === 0, output(installed))
  const lock = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }
  const packages = Object.keys(lock.packages)
  check('exactly one package is installed', packages.length === 1 && packages[0] === `node_modules/${PACKAGE.name}`, packages.join(', '))

  for (const bin of ['rust-linkage-guard', 'cargo-linkage-guard']) {
    const version = npm(['exec', '--offline', '--', bin, '--version'], project)
    check(`\`${bin} --version\` prints ${PACKAGE.version}`, version.status === 0 && version.stdout.trim() === `rust-linkage-guard ${PACKAGE.version}`, output(version))
  }
  const report = npm(['exec', '--offline', '--', 'rust-linkage-guard', '--manifest-path', EXAMPLE, '--offline', '-p', 'host', '--color', 'never'], project)
  check('the example fails with exit status 1', report.status === 1, output(report))
  check('the example reports duplicate-linkage of engine_api', report.stdout.includes('error[duplicate-linkage]') && report.stdout.includes('`engine_api`'), output(report))

  if (process.platform !== 'win32') {
    const bin = path.join(project, 'node_modules', '.bin')
    const viaCargo = spawnSync('cargo', ['linkage-guard', '--manifest-path', EXAMPLE, '--offline', '-p', 'host', '--color', 'never'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }
    })
    check('`cargo linkage-guard` runs the installed CLI', viaCargo.status === 1 && viaCargo.stdout.includes('error[duplicate-linkage]'), output(viaCargo))
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}

if (failures.length > 0) {
  process.stdout.write(`${failures.length} check(s) failed\n`)
  process.exitCode = 1
} else {
  process.stdout.write('all checks passed\n')
}

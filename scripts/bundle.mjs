// Builds the committed bundles; CI rebuilds and fails if dist/ differs from what is committed.
//   dist/index.js (+ a chunk loaded for pull requests): the action, bundled by ncc with the licenses of what it
//     includes.
//   dist/cli/index.js + dist/cli/main.js: the CLI, bundled by esbuild as two files, so that the entry turns on
//     Node's compile cache before the CLI's code is compiled (src/cli/compile-cache.ts). It includes no package.
// Run with `npm run bundle`.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync, transformSync } from 'esbuild'

// Without comments, names kept (for stack traces): less text to read and compile on every start. Lines are
// kept too: the CLI minified onto a few lines peaked 60 MB higher on a 10,000-package workspace (332 against
// 270 MB), for no faster start.
const minified = { minifySyntax: true, legalComments: 'none', charset: 'ascii', target: 'node20' }

rmSync('dist', { recursive: true, force: true })
execFileSync('node', ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '-q'], { stdio: 'inherit' })
for (const name of readdirSync('dist').filter(n => n.endsWith('.js'))) {
  const file = path.join('dist', name)
  writeFileSync(file, transformSync(readFileSync(file, 'utf8'), { format: 'esm', ...minified }).code)
}

const cli = { bundle: true, platform: 'node', format: 'esm', logLevel: 'warning', ...minified }
buildSync({ ...cli, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli/index.js', external: ['./main.js'] })
buildSync({ ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js' })
writeFileSync('dist/cli/package.json', '{\n  "type": "module"\n}\n')

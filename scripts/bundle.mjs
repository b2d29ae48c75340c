// Builds the committed bundles; CI rebuilds and fails if dist/ differs from what is committed.
//   dist/index.js (+ a chunk loaded for pull requests): the action, bundled by ncc with the licenses of what it
//     includes.
//   dist/cli/index.js + dist/cli/main.js: the CLI, bundled by esbuild as two CommonJS files, so that the entry
//     compiles the CLI's code with V8's code cache of it (src/cli/code-cache.ts). It includes no package.
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

// CommonJS: the entry compiles main.js itself as a script (node 20 has no compile cache for modules), and a
// CommonJS entry starts faster than a module.
const cli = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', ...minified }
buildSync({ ...cli, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli/index.js' })
buildSync({ ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/main.js' })
// The entry reads main.js as latin1, the fastest decoding. `charset: 'ascii'` escapes every other character in
// code; what esbuild keeps of comments may still hold some, harmless to replace there.
writeFileSync('dist/cli/main.js', readFileSync('dist/cli/main.js', 'utf8').replace(/[^\x00-\x7f]/gu, '?'))
writeFileSync('dist/cli/package.json', '{\n  "type": "commonjs"\n}\n')

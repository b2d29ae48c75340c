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
  writeFileSync(file, asciiOnly(transformSync(readFileSync(file, 'utf8'), { format: 'esm', ...minified }).code))
}

// CommonJS: the entry compiles main.js itself as a script (node 20 has no compile cache for modules), and a
// CommonJS entry starts faster than a module.
const cli = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', ...minified }
for (const name of ['index', 'main']) {
  const outfile = `dist/cli/${name}.js`
  buildSync({ ...cli, entryPoints: [`src/cli/${name}.ts`], outfile })
  writeFileSync(outfile, asciiOnly(oneInteropPerBuiltin(readFileSync(outfile, 'utf8'))))
}
writeFileSync('dist/cli/package.json', '{\n  "type": "commonjs"\n}\n')

/**
 * The bundle with every character outside ASCII replaced. `charset: 'ascii'` escapes them in code; only what
 * esbuild keeps of comments may still hold some, harmless to replace there. An all-ASCII file decodes to a
 * one-byte string, which V8 scans faster: the action's module, whose comments held seven, decoded in 3.3–4.5
 * against 6.0–9.0 ms and compiled in 22–25 against 22–35 ms; the CLI's entry reads main.js as latin1.
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/gu, '?')
}

/**
 * esbuild gives each `import … from 'node:…'` of each source file an interop object of its own
 * (`__toESM(require("node:path"), 1)`, 43 in main.js), and each copies every property of the builtin as a
 * getter: 3–4 ms of every start, `fs` alone ten times. One object per builtin, made on first use, serves them
 * all: it is read only, and built by the same `__toESM`.
 */
function oneInteropPerBuiltin(code) {
  const at = code.search(/^var __toESM = /mu)
  if (at === -1) throw new Error('bundle: esbuild no longer defines `__toESM` as this script expects')
  // Defined before `__toESM` and called only after it: every use is in a statement below it.
  const shared = 'var __builtins = {}, __builtin = (id) => __builtins[id] ??= __toESM(require(id), 1);\n'
  const rest = code.slice(at).replace(/__toESM\(require\("(node:[\w/]+)"\), 1\)/gu, (_, id) => `__builtin("${id}")`)
  if (rest.includes('__toESM(')) throw new Error('bundle: an interop object this script does not share is left')
  return code.slice(0, at) + shared + rest
}

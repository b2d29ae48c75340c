// Builds the committed bundles; CI rebuilds and fails if dist/ differs from what is committed. esbuild bundles
// each as CommonJS, so that an entry compiles the code beside it with V8's code cache of it (src/cli/code-cache.ts):
//   dist/index.js + dist/main.js: the action; action.yml runs the entry, index.js.
//   dist/github.js: the GitHub client (@actions/github), which the action loads only to call GitHub's API, and
//     dist/licenses.txt, the licences of the packages it includes (the other bundles include none).
//   dist/cli/index.js + dist/cli/main.js: the CLI.
// Run with `npm run bundle`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build, buildSync } from 'esbuild'

// Without comments, names kept (for stack traces): less text to read and compile on every start. Lines are
// kept too: the CLI minified onto a few lines peaked 60 MB higher on a 10,000-package workspace (332 against
// 270 MB), for no faster start.
const minified = { minifySyntax: true, legalComments: 'none', charset: 'ascii', target: 'node20' }
const commonjs = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', ...minified }

rmSync('dist', { recursive: true, force: true })

// The action's code loads the GitHub client, a bundle of its own, as `require('./github.js')` from main.js: an
// `import()` would need node 20.12 or later in a script compiled by `vm.Script`, and would load a module.
const githubBesideMain = {
  name: 'github-beside-main',
  setup(b) {
    b.onResolve({ filter: /^@actions\/github$/ }, () => ({ path: './github.js', external: true }))
  }
}
await build({ ...commonjs, entryPoints: ['src/action.ts'], outfile: 'dist/main.js', plugins: [githubBesideMain], supported: { 'dynamic-import': false } })
buildSync({ ...commonjs, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' })
for (const name of ['index', 'main']) buildSync({ ...commonjs, entryPoints: [`src/cli/${name}.ts`], outfile: `dist/cli/${name}.js` })
for (const file of ['dist/index.js', 'dist/main.js', 'dist/cli/index.js', 'dist/cli/main.js']) {
  writeFileSync(file, asciiOnly(oneInteropPerModule(readFileSync(file, 'utf8'))))
}
for (const dir of ['dist', 'dist/cli']) writeFileSync(`${dir}/package.json`, '{\n  "type": "commonjs"\n}\n')

const github = buildSync({
  ...commonjs,
  stdin: { contents: "export { getOctokit } from '@actions/github'\n", resolveDir: process.cwd(), sourcefile: 'github.js' },
  outfile: 'dist/github.js',
  metafile: true
})
writeFileSync('dist/github.js', asciiOnly(readFileSync('dist/github.js', 'utf8')))
writeFileSync('dist/licenses.txt', licenses(Object.keys(github.metafile.inputs)))

/**
 * The bundle with every character outside ASCII replaced. `charset: 'ascii'` escapes them in code; only what
 * esbuild keeps of comments may still hold some, harmless to replace there. An all-ASCII file decodes to a
 * one-byte string, which V8 scans faster: the action's code, when its comments held seven, decoded in 3.3–4.5
 * against 6.0–9.0 ms and compiled in 22–25 against 22–35 ms; the entries read main.js as latin1.
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/gu, '?')
}

/**
 * esbuild gives each `import … from 'node:…'` of each source file an interop object of its own
 * (`__toESM(require("node:path"), 1)`, 43 in main.js), and each copies every property of the builtin as a
 * getter: 3–4 ms of every start, `fs` alone ten times. One object per module, made on first use, serves them
 * all: it is read only, and built by the same `__toESM`. The action's `./github.js` is required the same way.
 */
function oneInteropPerModule(code) {
  const at = code.search(/^var __toESM = /mu)
  if (at === -1) throw new Error('bundle: esbuild no longer defines `__toESM` as this script expects')
  // Defined before `__toESM` and called only after it: every use is in a statement below it.
  const shared = 'var __modules = {}, __module = (id) => __modules[id] ??= __toESM(require(id), 1);\n'
  const rest = code.slice(at).replace(/__toESM\(require\("(node:[\w/]+|\.\/github\.js)"\), 1\)/gu, (_, id) => `__module("${id}")`)
  if (rest.includes('__toESM(')) throw new Error('bundle: an interop object this script does not share is left')
  return code.slice(0, at) + shared + rest
}

/**
 * The licences of the packages esbuild read (`inputs`, paths from its metafile): each package's name, its
 * `license` field and the text of its licence file, by name.
 */
function licenses(inputs) {
  const roots = [...new Set(inputs.map(input => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//u.exec(input)?.[1]).filter(Boolean))]
  const entries = roots.map(root => {
    const { name, license } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
    const file = readdirSync(root).find(f => /^(?:licen[cs]e|copying)(?:\.\w+)?$/iu.test(f))
    if (file === undefined) throw new Error(`bundle: ${name} has no licence file`)
    return { name, text: `${name}\n${license}\n${readFileSync(path.join(root, file), 'utf8').trim()}\n` }
  })
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(e => e.text)
    .join('\n\n')
}

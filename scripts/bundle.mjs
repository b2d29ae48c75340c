// Builds the two committed bundles: dist/index.js (the action) and dist/cli/index.js (the CLI).
// Run with `npm run bundle`; CI rebuilds and fails if dist/ differs from what is committed.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build']
// Minified (names kept, for stack traces): half the text to read and compile on every start.
execFileSync('node', [...ncc, 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '-m', '-q'], { stdio: 'inherit' })
execFileSync('node', [...ncc, 'src/cli/index.ts', '-o', 'dist/cli', '-m', '-q'], { stdio: 'inherit' })

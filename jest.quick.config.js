/**
 * `npm run test:quick`: the suites that need no process — no cargo, no rustc, no bundled CLI — for a
 * fast loop while developing. `npm test` runs everything. A quick suite that starts a process fails at
 * once (see __tests__/support/no-processes.ts); list it in TOOL_SUITES instead.
 */
import base from './jest.config.js'

const TOOL_SUITES = [
  'baseline',
  'bundles',
  'canary',
  'canary-flags',
  'cargo-failure',
  'cli-color',
  'code-cache',
  'collision',
  'config/rustflags',
  'differential',
  'differential-cross',
  'differential-extended',
  'distro-toolchain',
  'doctest-advice',
  'warm-up',
  'windows-gnu',
  'duplicate-symbol',
  'e2e',
  'exit',
  'faults',
  'findings',
  'fix-cli',
  'fixtures',
  'hostile',
  'inert-text',
  'locations',
  'malformed',
  'node24',
  'outputs',
  'package',
  'parse-report',
  'policy',
  'policy-rules',
  'quiet-corpus',
  'report-json',
  'rule-catalogue',
  'rustc-cache',
  'sarif',
  'summary',
  'symlink-reads',
  'toml-parse',
  'toolchain-pin',
  'toolchain-select',
  'unit-graph-check',
  'unit-graphs',
  'v8-tuning',
  'write-file'
]

export default {
  ...base,
  setupFiles: ['<rootDir>/__tests__/support/no-processes.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...TOOL_SUITES.map(name => `<rootDir>/__tests__/${name}\\.test\\.ts$`)]
}

// Preloaded by scripts/bench-process.ts into every node process it measures (`node -r …/bench-rss.cjs …`):
// when the process exits, writes its peak resident set size in KB (getrusage's ru_maxrss, through
// process.resourceUsage()) to the file named by RLG_BENCH_RSS_FILE. Child processes of this process are not
// counted, and do not inherit the variable.
'use strict'
const file = process.env.RLG_BENCH_RSS_FILE
delete process.env.RLG_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS))
    } catch {
      // No peak RSS for this run: the bench shows it as missing.
    }
  })
}

// Preloaded by scripts/bench.ts into the action's process: on exit, writes the process's peak
// resident set size (kilobytes) to MI_SMOKE_BENCH_RSS_FILE, so memory is measured without any
// external tool and without changing the action.
const { writeFileSync } = require('node:fs')
const file = process.env.MI_SMOKE_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
}

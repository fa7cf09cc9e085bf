// Preloaded by scripts/bench.ts into the action's process: on exit, writes the process's peak
// resident set size (kilobytes) and the CPU time it used itself, children not included
// (milliseconds, user + system), to MI_SMOKE_BENCH_RSS_FILE as "<kB> <ms>", so memory and the
// action's own CPU are measured without any external tool and without changing the action.
const { writeFileSync } = require('node:fs')
const file = process.env.MI_SMOKE_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
    writeFileSync(file, `${usage.maxRSS} ${cpuMs.toFixed(0)}`)
  })
}

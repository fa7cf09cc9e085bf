// Run by scripts/bench.ts as `node bench-tree.cjs <command> <args...>`: runs the command and
// measures its WHOLE process tree (the action and every process it starts, such as az), then
// prints one JSON line on fd 3: {code, cpuMs, peakKb, pids}.
// - cpuMs: CPU (user + system) of every descendant that was waited for, from this process's
//   cutime/cstime in /proc/self/stat (the kernel adds a reaped child's own children's time to it);
// - peakKb: the largest sum of resident memory (VmRSS) over the tree, sampled every 10 ms;
// - pids: the distinct processes of the tree seen by the sampler (short-lived ones may be missed:
//   count processes from a log where one exists).
// Linux only (/proc), like the bench machine.
'use strict'
const { spawn } = require('node:child_process')
const { readFileSync, readdirSync, writeSync } = require('node:fs')
const { setInterval, clearInterval } = require('node:timers')

const TICKS = 100 // USER_HZ on Linux
const [command, ...args] = process.argv.slice(2)
const child = spawn(command, args, { stdio: 'inherit' })
const seen = new Set()
let peakKb = 0

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return -1
  }
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function sample() {
  const parents = new Map()
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name)) parents.set(Number(name), parentOf(Number(name)))
  }
  const tree = new Set([child.pid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let total = 0
  for (const pid of tree) {
    seen.add(pid)
    total += rssKb(pid)
  }
  peakKb = Math.max(peakKb, total)
}

const timer = setInterval(sample, 10)
child.on('exit', code => {
  clearInterval(timer)
  const fields = readFileSync('/proc/self/stat', 'utf8')
  const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ')
  // Fields 16 and 17 of stat (cutime, cstime) are at 13 and 14 after the command name.
  const cpuMs = ((Number(rest[13]) + Number(rest[14])) * 1000) / TICKS
  writeSync(3, JSON.stringify({ code, cpuMs, peakKb, pids: seen.size }) + '\n')
  process.exit(0)
})

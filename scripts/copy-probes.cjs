// ncc bundles code, not the probe scripts that `az vm run-command` sends to a VM: put them next to
// dist/index.js, where src/engine/dispatch/vm finds them at run time. The Linux probe is assembled from its
// pieces (scripts/linux-probe.cjs) into the one script run-command needs, in dist/ and in
// vm-probes/linux/probe.sh, where the action run from sources (tsx, tests) finds it.
const { cpSync, rmSync } = require('node:fs')
const { join, relative, sep } = require('node:path')
const { writeLinuxProbe } = require('./linux-probe.cjs')

const root = join(__dirname, '..')
const probes = join(root, 'vm-probes')
const linuxOnly = ['linux/src', 'linux/probe.sh'].map(p => p.split('/').join(sep))
rmSync(join(root, 'dist', 'vm-probes'), { recursive: true, force: true })
cpSync(probes, join(root, 'dist', 'vm-probes'), {
  recursive: true,
  // The pieces are sources; the assembled script is written below.
  filter: source => !linuxOnly.some(p => relative(probes, source).startsWith(p))
})
writeLinuxProbe(join(root, 'dist', 'vm-probes', 'linux', 'probe.sh'))
writeLinuxProbe(join(probes, 'linux', 'probe.sh'))

// ncc bundles code, not the probe scripts that `az vm run-command` sends to a VM: put them next to
// the bundle's index.js, where src/engine/dispatch/vm finds them at run time. The Linux probe is
// assembled from its pieces (scripts/linux-probe.cjs) into the one script run-command needs, in the
// bundle's folder and in vm-probes/linux/probe.sh, where the engine run from sources (tsx, tests)
// finds it. `node scripts/copy-probes.cjs [BUNDLE_DIR]`: the action's dist/ by default; the command
// line's build passes packages/cli/dist.
const { cpSync, rmSync } = require('node:fs')
const { join, relative, resolve, sep } = require('node:path')
const { writeLinuxProbe } = require('./linux-probe.cjs')

const root = join(__dirname, '..')
const probes = join(root, 'vm-probes')
const bundle = resolve(root, process.argv[2] ?? 'dist')
const linuxOnly = ['linux/src', 'linux/probe.sh'].map(p => p.split('/').join(sep))
rmSync(join(bundle, 'vm-probes'), { recursive: true, force: true })
cpSync(probes, join(bundle, 'vm-probes'), {
  recursive: true,
  // The pieces are sources; the assembled script is written below.
  filter: source => !linuxOnly.some(p => relative(probes, source).startsWith(p))
})
writeLinuxProbe(join(bundle, 'vm-probes', 'linux', 'probe.sh'))
writeLinuxProbe(join(probes, 'linux', 'probe.sh'))

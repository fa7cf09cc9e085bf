// ncc bundles code, not the probe scripts that `az vm run-command` sends to a VM: copy them next to
// dist/index.js, where src/dispatch/vm finds them at run time.
const { cpSync, rmSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
rmSync(join(root, 'dist', 'vm-probes'), { recursive: true, force: true })
cpSync(join(root, 'vm-probes'), join(root, 'dist', 'vm-probes'), { recursive: true })

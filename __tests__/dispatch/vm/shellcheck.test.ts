/**
 * The Linux probe is shellcheck-clean as POSIX sh. Without shellcheck the suite is skipped and
 * listed (CI installs it, and with MI_SMOKE_REQUIRE_TOOLS=1 a missing shellcheck fails).
 */
import { spawnSync } from 'node:child_process'
import { describeWithTools } from '../../helpers/system-tools'
import { LINUX_PROBE } from './probe-runner'

describeWithTools(['shellcheck'], 'shellcheck', () => {
  test('shellcheck -s sh vm-probes/linux/probe.sh finds nothing', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-S', 'style', LINUX_PROBE], {
      encoding: 'utf8'
    })
    expect(result.error).toBeUndefined()
    expect(result.stdout).toBe('')
    expect(result.status).toBe(0)
  })

  test('the probe starts with #!/bin/sh and uses no bash-only syntax shellcheck would excuse', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-'], {
      input: 'x=(1 2)\n[[ $x == y ]] && echo "${x[0]}"\n',
      encoding: 'utf8'
    })
    expect(result.status).not.toBe(0)
  })
})

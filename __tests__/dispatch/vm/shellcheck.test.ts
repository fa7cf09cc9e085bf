/**
 * The Linux probe is shellcheck-clean as POSIX sh: the assembled script run-command gets, and each
 * piece it is assembled from. The build's script is byte for byte the one the tests run. Without
 * shellcheck the shellcheck suite is skipped and listed (CI installs it, and with
 * MI_SMOKE_REQUIRE_TOOLS=1 a missing shellcheck fails).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ACTION_ENTRY } from '../../helpers/run-action'
import { describeWithTools } from '../../helpers/system-tools'
import {
  LINUX_PROBE,
  LINUX_PROBE_ORDER,
  LINUX_PROBE_PIECES,
  assembleLinuxProbe
} from '../../helpers/probe-runner'

// Globals set in one piece and read in another: only the assembled script can judge those.
const ACROSS_PIECES = 'SC2034,SC2153,SC2154'

describeWithTools(['shellcheck'], 'shellcheck', () => {
  test('shellcheck -s sh: the assembled vm-probes/linux/probe.sh finds nothing', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-S', 'style', LINUX_PROBE], {
      encoding: 'utf8'
    })
    expect(result.error).toBeUndefined()
    expect(result.stdout).toBe('')
    expect(result.status).toBe(0)
  })

  test('shellcheck -s sh: every piece alone finds nothing (but the globals other pieces set)', () => {
    const pieces = readdirSync(LINUX_PROBE_PIECES).filter(f => f.endsWith('.sh'))
    expect(pieces.sort()).toEqual([...LINUX_PROBE_ORDER].sort())
    const result = spawnSync(
      'shellcheck',
      [
        '-s',
        'sh',
        '-S',
        'style',
        '-e',
        ACROSS_PIECES,
        ...pieces.map(p => join(LINUX_PROBE_PIECES, p))
      ],
      { encoding: 'utf8' }
    )
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

test('the build ships the pieces as ONE script, byte for byte the one the tests run', () => {
  const assembled = assembleLinuxProbe()
  expect(readFileSync(LINUX_PROBE, 'utf8')).toBe(assembled)
  expect(assembled.startsWith('#!/bin/sh\n')).toBe(true)
  expect(assembled.trimEnd().endsWith('main "$@"')).toBe(true)
  // No piece sources another at run time: run-command sends one file.
  expect(assembled).not.toMatch(/^\s*\.\s+\S+\.sh/m)
  const built = join(dirname(ACTION_ENTRY), 'vm-probes', 'linux', 'probe.sh')
  if (existsSync(built)) expect(readFileSync(built, 'utf8')).toBe(assembled)
  expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'linux', 'src'))).toBe(false)
})

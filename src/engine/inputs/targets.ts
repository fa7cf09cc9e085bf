/**
 * Input `targets`: where the probe runs, one target a line.
 *
 *   local                         the runner itself
 *   vm:<VM resource ID>           that VM, through run-command on ARM's REST API
 *   vmss:<VMSS resource ID>       every instance of the scale set
 *   vmss:<VMSS resource ID>#<N>   one instance
 *   https://...                   a smoke endpoint (http:// only on loopback)
 */
import { isResourceType, parseResourceId, resourceType } from '../../azure/resource-id'
import { InputError, type Target } from './action-inputs'
import { inputLines, MAX_LINES } from './input-lines'
import { quoteValue } from './quote-value'
import { isPortalUrl, resourceIdFromPortalUrl } from './portal-url'
import { parseSecureUrl } from './url-rules'

const INPUT = 'targets'
const VM_TYPE = 'Microsoft.Compute/virtualMachines'
const VMSS_TYPE = 'Microsoft.Compute/virtualMachineScaleSets'
const VMSS_VM_TYPE = 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines'
const EXAMPLE_RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web'
export const VM_EXAMPLE = `vm:${EXAMPLE_RG}/providers/${VM_TYPE}/web-1`
export const VMSS_EXAMPLE = `vmss:${EXAMPLE_RG}/providers/${VMSS_TYPE}/web-ss#0`
const HTTPS_EXAMPLE = 'https://web-1.azurewebsites.net/.well-known/mi-smoke'

/** Instance IDs of a uniform scale set are decimal numbers. */
const INSTANCE_ID = /^\d{1,10}$/

function fail(line: number, problem: string, example: string): never {
  throw new InputError(INPUT, `line ${line}: ${problem}`, example)
}

/**
 * What people write after `vm:`/`vmss:` instead of a resource ID: a portal URL (the ID is in it),
 * `rg/name`, a bare name or a resource group's ID. Each gets the command that prints the ID.
 */
function checkNotAnId(lineNo: number, prefix: 'vm' | 'vmss', rest: string, example: string): void {
  const command = prefix === 'vm' ? 'az vm show' : 'az vmss show'
  const what = prefix === 'vm' ? 'VM' : 'scale set'
  if (isPortalUrl(rest)) {
    const id = resourceIdFromPortalUrl(rest)
    fail(
      lineNo,
      id === undefined
        ? `${quoteValue(rest)} is a portal URL, not a resource ID; copy the resource ID from the ${what}'s Properties or JSON view`
        : `${quoteValue(rest)} is a portal URL, not a resource ID; the resource ID in it is ${id}: write ${quoteValue(`${prefix}:${id}`)}`,
      example
    )
  }
  if (rest.startsWith('/')) {
    const group = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/?$/i.exec(rest)?.[1]
    if (group !== undefined) {
      fail(
        lineNo,
        `${quoteValue(rest)} is a resource group, not a ${what}; get the ${what}'s ID with: ${command} -g ${group} -n <${what} name> --query id -o tsv`,
        example
      )
    }
    return
  }
  const [group, name, ...more] = rest.split('/')
  if (more.length === 0 && group && name && /^[-\w.()]+$/.test(group) && /^[-\w.]+$/.test(name)) {
    fail(
      lineNo,
      `${quoteValue(rest)} is a resource group and a name, not a resource ID; get the ID with: ${command} -g ${group} -n ${name} --query id -o tsv, and write ${prefix}:<that ID>`,
      example
    )
  }
  if (name === undefined && /^[-\w.()]+$/.test(rest)) {
    fail(
      lineNo,
      `${quoteValue(rest)} is a name (a resource group or a ${what}), not a resource ID; get the ID with: ${command} -g <resource group> -n <${what} name> --query id -o tsv, and write ${prefix}:<that ID>`,
      example
    )
  }
}

function parseVm(lineNo: number, line: string, id: string): Target {
  checkNotAnId(lineNo, 'vm', id, VM_EXAMPLE)
  const parsed = parseResourceId(id)
  if (!parsed.ok) {
    fail(lineNo, `${quoteValue(id)} is not a VM resource ID: ${parsed.problem}`, VM_EXAMPLE)
  }
  if (isResourceType(parsed.id, VM_TYPE)) return { kind: 'vm', line, resourceId: id }
  if (isResourceType(parsed.id, VMSS_TYPE)) {
    fail(lineNo, `${quoteValue(id)} is a scale set; write it as vmss:<ID>`, VMSS_EXAMPLE)
  }
  if (isResourceType(parsed.id, VMSS_VM_TYPE)) {
    const instance = parsed.id.resources[1]!.name
    const scaleSet = id.slice(0, id.lastIndexOf('/virtualMachines/'))
    fail(
      lineNo,
      `${quoteValue(id)} is a scale set instance; write it as ${quoteValue(`vmss:${scaleSet}#${instance}`)}`,
      VMSS_EXAMPLE
    )
  }
  return fail(
    lineNo,
    `${quoteValue(id)} is a ${resourceType(parsed.id)}, not a virtual machine (${VM_TYPE})`,
    VM_EXAMPLE
  )
}

function parseVmss(lineNo: number, line: string, rest: string): Target {
  const hash = rest.indexOf('#')
  const id = hash === -1 ? rest : rest.slice(0, hash)
  const instanceId = hash === -1 ? undefined : rest.slice(hash + 1)
  checkNotAnId(lineNo, 'vmss', isPortalUrl(rest) ? rest : id, VMSS_EXAMPLE)
  const parsed = parseResourceId(id)
  if (!parsed.ok) {
    fail(
      lineNo,
      `${quoteValue(id)} is not a scale set resource ID: ${parsed.problem}`,
      VMSS_EXAMPLE
    )
  }
  if (isResourceType(parsed.id, VMSS_VM_TYPE)) {
    const instance = parsed.id.resources[1]!.name
    const scaleSet = id.slice(0, id.lastIndexOf('/virtualMachines/'))
    fail(
      lineNo,
      `${quoteValue(id)} is an instance's resource ID; write ${quoteValue(`vmss:${scaleSet}#${instance}`)}`,
      VMSS_EXAMPLE
    )
  }
  if (isResourceType(parsed.id, VM_TYPE)) {
    fail(lineNo, `${quoteValue(id)} is a virtual machine; write it as vm:<ID>`, VM_EXAMPLE)
  }
  if (!isResourceType(parsed.id, VMSS_TYPE)) {
    fail(
      lineNo,
      `${quoteValue(id)} is a ${resourceType(parsed.id)}, not a scale set (${VMSS_TYPE})`,
      VMSS_EXAMPLE
    )
  }
  if (instanceId === undefined) return { kind: 'vmss', line, resourceId: id }
  if (!INSTANCE_ID.test(instanceId)) {
    fail(
      lineNo,
      `${quoteValue(instanceId)} after # is not an instance ID; instance IDs are numbers (az vmss list-instances shows them)`,
      VMSS_EXAMPLE
    )
  }
  // `007` and `7` are the same instance: keep one spelling so duplicates are caught.
  const canonical = instanceId.replace(/^0+(?=\d)/, '')
  return { kind: 'vmss', line, resourceId: id, instanceId: canonical }
}

function parseUrlTarget(lineNo: number, line: string): Target {
  const parsed = parseSecureUrl(line)
  if (!parsed.ok) fail(lineNo, parsed.problem, HTTPS_EXAMPLE)
  return { kind: 'https', line, url: parsed.url.href }
}

/** The beginning of a target: `local`, `vm:`, `vmss:`, a URL or a bare resource ID. */
const TARGET_START = /^(local$|vm:|vmss:|https?:\/\/|\/subscriptions\/)/i

/**
 * Several targets on one line: YAML `>` (and a plain multi-line scalar) folds lines into one with
 * spaces, and commas separate nothing here.
 */
function checkOneTargetPerLine(lineNo: number, line: string): void {
  // `vm: /subscriptions/...` is one target (a space after the prefix is allowed).
  const words = line
    .replace(/\b(vm|vmss):\s+/gi, '$1:')
    .split(/[\s,]+/)
    .filter(word => word !== '')
  const starts = words.filter(word => TARGET_START.test(word)).length
  if (words.length < 2 || starts < 2) return
  const separator = /,/.test(line) ? 'commas' : 'spaces (YAML > folds lines into one)'
  fail(
    lineNo,
    `holds ${starts} targets separated by ${separator}; write targets: | and one target a line`,
    `local\n${VM_EXAMPLE}`
  )
}

function parseTargetLine(lineNo: number, line: string): Target {
  checkOneTargetPerLine(lineNo, line)
  const lower = line.toLowerCase()
  if (isPortalUrl(line)) {
    const id = resourceIdFromPortalUrl(line)
    const prefix =
      id !== undefined && /\/virtualMachineScaleSets\/[^/]+$/i.test(id) ? 'vmss:' : 'vm:'
    fail(
      lineNo,
      id === undefined
        ? `${quoteValue(line)} is a portal URL; give the VM's resource ID after vm: (or a smoke endpoint's own URL)`
        : `${quoteValue(line)} is a portal URL, not a target; the resource ID in it is ${id}: write ${quoteValue(prefix + id)}`,
      VM_EXAMPLE
    )
  }
  if (lower === 'local') return { kind: 'local', line }
  if (lower.startsWith('vm:')) return parseVm(lineNo, line, line.slice(3).trim())
  if (lower.startsWith('vmss:')) return parseVmss(lineNo, line, line.slice(5).trim())
  if (/^https?:\/\//i.test(line)) return parseUrlTarget(lineNo, line)

  if (lower.startsWith('/subscriptions/')) {
    const parsed = parseResourceId(line.split('#')[0]!)
    const type = parsed.ok ? resourceType(parsed.id).toLowerCase() : ''
    const prefix = type.startsWith(VMSS_TYPE.toLowerCase()) ? 'vmss:' : 'vm:'
    fail(
      lineNo,
      `${quoteValue(line)} needs a prefix: write ${quoteValue(prefix + line)}`,
      prefix === 'vm:' ? VM_EXAMPLE : VMSS_EXAMPLE
    )
  }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(line)) {
    fail(
      lineNo,
      `${quoteValue(line)} has no scheme; write ${quoteValue(`https://${line}`)}`,
      HTTPS_EXAMPLE
    )
  }
  return fail(
    lineNo,
    `${quoteValue(line)} is not a target; a target is local, vm:<VM resource ID>, vmss:<scale set resource ID>[#<instance>] or https://<smoke endpoint>`,
    'local'
  )
}

/** Identity of a target for duplicate detection: resource IDs compare without case, as ARM does. */
function targetKey(target: Target): string {
  switch (target.kind) {
    case 'local':
      return 'local'
    case 'vm':
      return `vm:${target.resourceId.toLowerCase()}`
    case 'vmss':
      return `vmss:${target.resourceId.toLowerCase()}#${target.instanceId ?? '*'}`
    case 'https':
      return target.url
  }
}

/** Parses the `targets` input. An empty value means `local` (the contract's default). */
export function parseTargets(value: string): Target[] {
  const lines = inputLines(value)
  if (value.trim() === '') return [{ kind: 'local', line: 'local' }]
  if (lines.length === 0) {
    throw new InputError(
      INPUT,
      'has only comments and blank lines; give at least one target',
      'local'
    )
  }
  if (lines.length > MAX_LINES) {
    throw new InputError(
      INPUT,
      `has ${lines.length} targets; at most ${MAX_LINES} are allowed`,
      'local'
    )
  }
  const targets: Target[] = []
  const seen = new Map<string, number>()
  const wholeScaleSets = new Map<string, number>()
  for (const { number, text } of lines) {
    const target = parseTargetLine(number, text)
    const key = targetKey(target)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail(number, `${quoteValue(text)} repeats line ${earlier}; list each target once`, 'local')
    }
    seen.set(key, number)
    if (target.kind === 'vmss' && target.instanceId === undefined) {
      wholeScaleSets.set(target.resourceId.toLowerCase(), number)
    }
    targets.push(target)
  }
  // An instance listed next to its whole scale set would be probed twice.
  for (const target of targets) {
    if (target.kind !== 'vmss' || target.instanceId === undefined) continue
    const whole = wholeScaleSets.get(target.resourceId.toLowerCase())
    if (whole !== undefined) {
      const lineNo = lines[targets.indexOf(target)]!.number
      fail(
        lineNo,
        `${quoteValue(target.line)} is already covered by line ${whole}, which probes every instance of that scale set`,
        VMSS_EXAMPLE
      )
    }
  }
  return targets
}

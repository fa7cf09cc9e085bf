/**
 * Azure resource IDs, read the way ARM reads them: segment by segment, keywords without case.
 * Used to tell a user which kind of resource they pasted when it is not the kind an input wants
 * (a VM's ID where a user-assigned identity belongs, a scale set's ID after `vm:`...).
 */
import { GUID } from '../common/guid'

export interface ResourceId {
  subscriptionId: string
  resourceGroup: string
  /** Provider namespace as written, e.g. `Microsoft.Compute`. */
  namespace: string
  /** Type/name pairs after the namespace, e.g. [{type:'virtualMachineScaleSets',name:'ss'},{type:'virtualMachines',name:'3'}]. */
  resources: Array<{ type: string; name: string }>
}

/** Resource group names: letters, digits, `_ - . ( )`, up to 90, not ending in a period. */
const RESOURCE_GROUP = /^[-\w.()\p{L}\p{N}]{1,90}$/u
/** Names of resources in the types this project handles: letters, digits, `_ - .`, up to 128. */
const RESOURCE_NAME = /^[-\w.]{1,128}$/
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/
const TYPE = /^[A-Za-z][A-Za-z0-9]*$/

/** What is wrong with text that should be a resource ID, or the parsed ID. */
export type ResourceIdParse = { ok: true; id: ResourceId } | { ok: false; problem: string }

/**
 * Parses `/subscriptions/<guid>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<type>/<name>...]`.
 * Keywords are matched without case, as ARM does.
 */
export function parseResourceId(text: string): ResourceIdParse {
  if (!text.startsWith('/')) {
    return { ok: false, problem: 'a resource ID starts with /subscriptions/' }
  }
  if (text.endsWith('/')) {
    return { ok: false, problem: 'a resource ID does not end with a slash' }
  }
  const segments = text.split('/').slice(1)
  if (segments.some(segment => segment === '')) {
    return { ok: false, problem: 'a resource ID has no empty segments (//)' }
  }
  const [subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, namespace] =
    segments
  if (subscriptions?.toLowerCase() !== 'subscriptions' || subscriptionId === undefined) {
    return { ok: false, problem: 'a resource ID starts with /subscriptions/<subscription ID>' }
  }
  if (!GUID.test(subscriptionId)) {
    return { ok: false, problem: `the subscription ID is not a GUID` }
  }
  if (resourceGroups?.toLowerCase() !== 'resourcegroups' || resourceGroup === undefined) {
    return {
      ok: false,
      problem: 'the subscription is followed by /resourceGroups/<resource group name>'
    }
  }
  if (!RESOURCE_GROUP.test(resourceGroup) || resourceGroup.endsWith('.')) {
    return { ok: false, problem: 'the resource group name is not valid' }
  }
  if (providers?.toLowerCase() !== 'providers' || namespace === undefined) {
    return { ok: false, problem: 'the resource group is followed by /providers/<namespace>/...' }
  }
  if (!NAMESPACE.test(namespace)) {
    return { ok: false, problem: `the provider namespace is not valid` }
  }
  const rest = segments.slice(6)
  if (rest.length === 0 || rest.length % 2 !== 0) {
    return { ok: false, problem: 'a resource ID ends with /<resource type>/<resource name>' }
  }
  const resources: Array<{ type: string; name: string }> = []
  for (let i = 0; i < rest.length; i += 2) {
    const type = rest[i]!
    const name = rest[i + 1]!
    if (!TYPE.test(type)) return { ok: false, problem: `the resource type is not valid` }
    if (!RESOURCE_NAME.test(name)) return { ok: false, problem: `the resource name is not valid` }
    resources.push({ type, name })
  }
  return { ok: true, id: { subscriptionId, resourceGroup, namespace, resources } }
}

/** `Microsoft.Compute/virtualMachineScaleSets/virtualMachines`: the full type, for messages and matching. */
export function resourceType(id: ResourceId): string {
  return [id.namespace, ...id.resources.map(r => r.type)].join('/')
}

/** Case-insensitive comparison of a resource ID's full type with e.g. `Microsoft.Compute/virtualMachines`. */
export function isResourceType(id: ResourceId, type: string): boolean {
  return resourceType(id).toLowerCase() === type.toLowerCase()
}

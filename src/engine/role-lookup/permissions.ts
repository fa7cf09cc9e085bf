/**
 * Does a role definition's permissions grant an action? Azure RBAC's rule: an action is granted
 * when some `actions` (or `dataActions`) pattern matches it and no `notActions`
 * (`notDataActions`) pattern of the same permission block does; patterns use `*` as a wildcard
 * and compare without regard to case (https://learn.microsoft.com/azure/role-based-access-control/role-definitions).
 */
export interface Permission {
  actions?: string[]
  notActions?: string[]
  dataActions?: string[]
  notDataActions?: string[]
}

function matches(pattern: string, action: string): boolean {
  const parts = pattern.toLowerCase().split('*')
  const target = action.toLowerCase()
  if (parts.length === 1) return parts[0] === target
  let at = 0
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!target.startsWith(part)) return false
      at = part.length
      continue
    }
    if (index === parts.length - 1)
      return target.length - at >= part.length && target.endsWith(part)
    const found = target.indexOf(part, at)
    if (found < 0) return false
    at = found + part.length
  }
  return true
}

/**
 * Key Vault, Storage and the other data planes check data actions (their names end in
 * `/action` under a data path, e.g. `.../secrets/getSecret/action`, `.../blobs/read`); ARM checks
 * control-plane actions. Both lists are looked at: a control-plane role never lists a data action
 * and the other way round.
 */
export function grants(permissions: Permission[], action: string): boolean {
  return permissions.some(
    p =>
      ((p.actions ?? []).some(a => matches(a, action)) &&
        !(p.notActions ?? []).some(a => matches(a, action))) ||
      ((p.dataActions ?? []).some(a => matches(a, action)) &&
        !(p.notDataActions ?? []).some(a => matches(a, action)))
  )
}

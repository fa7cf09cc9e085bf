/**
 * Pause before the n-th re-probe while waiting for a role assignment to propagate: 1 s, 2 s, 4 s,
 * then every 5 s. The cap bounds how late a role that became effective is noticed (the bench's
 * "median under 5 s" figure), while the early short steps catch the common fast propagation.
 */
export const RBAC_BACKOFF_CAP_MS = 5000

export function rbacBackoffMs(retry: number): number {
  return Math.min(1000 * 2 ** Math.max(0, retry), RBAC_BACKOFF_CAP_MS)
}

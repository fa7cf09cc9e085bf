/**
 * Pause before the n-th re-probe while waiting for a role assignment to propagate: 1 s, 2 s, 4 s,
 * then every 5 s (policy rbacWait of the one retry model, src/common/retry.ts). The cap bounds how
 * late a role that became effective is noticed (the bench's "median under 5 s" figure), while the
 * early short steps catch the common fast propagation.
 */
import { backoffMs, RETRY_POLICIES } from '../../common/retry'

export function rbacBackoffMs(retry: number): number {
  return backoffMs(RETRY_POLICIES.rbacWait, retry) as number
}

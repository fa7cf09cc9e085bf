/**
 * Masks what looks like a credential before run-command output or az errors are shown to a person:
 * a JWT (three base64url segments starting `eyJ`), anything after `Bearer `, and `access_token`
 * values. The probes never print a token; this is the second line of defence for text we did not
 * write (noise from the VM, az's own errors).
 */
import { cutTail } from '../../../common/format'
import { redactSecrets } from '../../../common/redact'

/** The last `limit` characters of `text`, masked, for error evidence. */
export function maskedTail(text: string, limit = 600): string {
  return cutTail(redactSecrets(text), limit)
}

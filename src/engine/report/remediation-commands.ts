/**
 * A remediation line split into prose and the commands in it, so the job summary can put every
 * command in a code block a person copies in one go. Remediations are written as prose with `az`
 * commands inline ("Grant principal X a role on S: az role assignment create ...; wait ..."): a
 * command starts at `az ` and runs to the first `;`, `, ` or closing parenthesis it did not open
 * (quoted values and <placeholders> are part of the command), or to the end of the line.
 */

export type RemediationPart = { kind: 'text'; text: string } | { kind: 'command'; text: string }

const COMMAND_START = /(^|[\s(:])az (?=[a-z])/g

export function splitRemediation(remediation: string): RemediationPart[] {
  const parts: RemediationPart[] = []
  let textFrom = 0
  COMMAND_START.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = COMMAND_START.exec(remediation)) !== null) {
    const start = match.index + match[1]!.length
    if (start < textFrom) continue
    const end = commandEnd(remediation, start)
    pushText(parts, remediation.slice(textFrom, start))
    parts.push({ kind: 'command', text: remediation.slice(start, end).trim() })
    textFrom = end
    COMMAND_START.lastIndex = end
  }
  pushText(parts, remediation.slice(textFrom))
  return parts
}

/** Where the command starting at `start` ends (exclusive). */
function commandEnd(text: string, start: number): number {
  let depth = 0
  let quote: string | undefined
  let angle = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (quote !== undefined) {
      if (c === quote) quote = undefined
      continue
    }
    if (angle) {
      if (c === '>') angle = false
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '<') angle = true
    else if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) return i
      depth--
    } else if (c === ';' || c === '\n') return i
    else if (c === ',' && text[i + 1] === ' ') return i
  }
  return text.length
}

/** Text between commands, without the punctuation that only joined it to a command. */
function pushText(parts: RemediationPart[], raw: string): void {
  const text = raw
    .replace(/^[\s);,]+/, '')
    .replace(/[\s(:]+$/, m => (m.includes(':') ? ':' : ''))
    .trim()
  if (text !== '' && text !== ':') parts.push({ kind: 'text', text })
}

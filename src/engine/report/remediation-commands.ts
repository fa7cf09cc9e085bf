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

/**
 * A command as lines of at most `width` characters, joined by bash line continuations: breaks go
 * between words (` \` at the line's end, the next line indented), and a word longer than a line
 * (a resource ID) is broken after a `/` with a bare `\` and its rest at the start of the next line,
 * where bash joins it back into one word. Nothing inside single quotes is broken.
 */
export function wrapCommand(command: string, width = 78): string {
  if (command.length <= width) return command
  // An option stays on one line with its value: `--scope "/subscriptions/..."`.
  const words = topLevelWords(command).reduce<string[]>((joined, word) => {
    const last = joined[joined.length - 1]
    if (
      last !== undefined &&
      /^--?[A-Za-z]/.test(last) &&
      !/\s/.test(last) &&
      !word.startsWith('-')
    ) {
      joined[joined.length - 1] = `${last} ${word}`
    } else joined.push(word)
    return joined
  }, [])
  const lines: string[] = []
  let line = ''
  const indent = '  '
  for (const word of words) {
    const joined = line === '' ? word : `${line} ${word}`
    if (joined.length + 2 <= width || line.trim() === '') {
      line = joined
    } else {
      lines.push(`${line} \\`)
      line = `${indent}${word}`
    }
    // A word that does not fit a line on its own: cut it after a `/`, joined back by bash.
    while (line.length + 1 > width) {
      const cut = cutPoint(line, width - 1)
      if (cut === undefined) break
      lines.push(`${line.slice(0, cut)}\\`)
      line = line.slice(cut)
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

/** Words split at spaces outside quotes and `$(...)`. */
function topLevelWords(command: string): string[] {
  const words: string[] = []
  let word = ''
  let quote: string | undefined
  let depth = 0
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '(' && command[i - 1] === '$') depth++
    else if (c === ')' && depth > 0) depth--
    else if (c === ' ' && depth === 0) {
      if (word !== '') words.push(word)
      word = ''
      continue
    }
    word += c
  }
  if (word !== '') words.push(word)
  return words
}

/** The last `/` (else `-`) before `max` outside single quotes, as a cut position after it. */
function cutPoint(line: string, max: number): number | undefined {
  let inSingle = false
  let best: number | undefined
  let fallback: number | undefined
  for (let i = 0; i < Math.min(line.length, max); i++) {
    const c = line[i]!
    if (c === "'") inSingle = !inSingle
    if (inSingle || i < 8) continue
    if (c === '/') best = i + 1
    else if (c === '-' || c === '.') fallback = i + 1
  }
  return best ?? fallback
}

/** The `<placeholders>` of a command: values this run does not know. */
export function placeholdersOf(command: string): string[] {
  return [...new Set([...command.matchAll(/<[^<>\n]{1,60}>/g)].map(m => m[0]))]
}

/** Where a person finds a value a command leaves as a placeholder. */
const PLACEHOLDER_HINTS: Array<[RegExp, string]> = [
  [
    /^<runner principal object ID>$/i,
    'the object ID of the principal azure/login signs in as: az ad sp show --id CLIENT_ID --query id -o tsv, with the client-id given to azure/login'
  ],
  [
    /^<principal object ID>$/i,
    'the oid claim of the token step (or az identity show --ids IDENTITY_ID --query principalId -o tsv)'
  ],
  [/^<VM resource ID>$/i, 'az vm show --name NAME --resource-group GROUP --query id -o tsv'],
  [
    /^<gateway>$|^<gateway resource group>$/i,
    'az network application-gateway list -o table lists every gateway with its resource group'
  ],
  [
    /^<Front Door profile>$|^<profile resource group>$/i,
    'az afd profile list -o table lists the profiles with their resource groups'
  ],
  [
    /^<origin group>$/i,
    'az afd origin-group list --profile-name PROFILE --resource-group GROUP -o table'
  ],
  [
    /^<service>$|^<namespace>$/i,
    "kubectl get ingress --all-namespaces shows, for this host, the ingress's namespace and the service it routes to"
  ],
  [/^<revision>$/i, 'the revision list command above prints each revision with its state'],
  [
    /^<proxy (user|password|host|port)>$/i,
    "the runner's proxy settings, from the team that runs the proxy (keep the password in a secret)"
  ],
  [
    /^<identity resource ID>$/i,
    'az identity list --query "[].id" -o tsv lists the user-assigned identities'
  ],
  [
    /^<resource group>$|^<identity resource group>$/i,
    'az resource list --name NAME --query "[0].resourceGroup" -o tsv, with the resource\'s name'
  ],
  [
    /^<subscription ID>$/i,
    'az account list --query "[].id" -o tsv lists the subscriptions the login sees'
  ]
]

/** The line that says where to find `placeholder`, or undefined when no hint is known. */
export function placeholderHint(placeholder: string): string | undefined {
  return PLACEHOLDER_HINTS.find(([pattern]) => pattern.test(placeholder))?.[1]
}

/**
 * Looks for a token in text: the emulator's canary (the signature segment of every token it
 * issues), any 12-character piece of it (a signature cut by truncation or wrapping), and anything
 * shaped like a whole JWT (three base64url segments; claims alone, the payload, are allowed).
 */

export interface LeakHit {
  kind: 'canary' | 'canary-piece' | 'jwt'
  at: number
  excerpt: string
}

const PIECE = 12
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{8,}/g

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ')
}

export function findLeaks(text: string, canary: string): LeakHit[] {
  const hits: LeakHit[] = []
  const whole = text.indexOf(canary)
  if (whole >= 0) hits.push({ kind: 'canary', at: whole, excerpt: excerpt(text, whole) })
  else {
    for (let i = 0; i + PIECE <= canary.length; i++) {
      const at = text.indexOf(canary.slice(i, i + PIECE))
      if (at >= 0) {
        hits.push({ kind: 'canary-piece', at, excerpt: excerpt(text, at) })
        break
      }
    }
  }
  for (const match of text.matchAll(JWT)) {
    hits.push({ kind: 'jwt', at: match.index ?? 0, excerpt: excerpt(text, match.index ?? 0) })
  }
  return hits
}

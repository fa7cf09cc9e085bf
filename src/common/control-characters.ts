/**
 * The one definition of an invisible or control character: text that does not show what it holds.
 * C0 controls, DEL and C1 controls (they move the cursor, end lines, or are eaten by terminals),
 * the bidirectional controls (a line reads in another order than it is stored: "Trojan Source"),
 * and the zero-width and invisible formatting characters (two strings that look alike differ).
 * Inputs (src/inputs/read-inputs.ts), the observations validator, the output shapes and the shard
 * reports all refuse by this one list, so a workload, a shard and a workflow's `with:` are held to
 * the same rule.
 */

/** Single code points and ranges, each with the name a message gives it. */
const INVISIBLE: ReadonlyArray<readonly [from: number, to: number, name: string]> = [
  [0x00, 0x1f, 'a C0 control character'],
  [0x7f, 0x9f, 'a DEL or C1 control character'],
  [0x034f, 0x034f, 'a combining grapheme joiner (invisible)'],
  [0x061c, 0x061c, 'an Arabic letter mark (bidirectional control)'],
  [0x115f, 0x1160, 'a Hangul filler (invisible)'],
  [0x180e, 0x180e, 'a Mongolian vowel separator (invisible)'],
  [0x200b, 0x200d, 'a zero-width space, non-joiner or joiner'],
  [0x200e, 0x200f, 'a left-to-right or right-to-left mark (bidirectional control)'],
  [0x2028, 0x2029, 'a line or paragraph separator'],
  [0x202a, 0x202e, 'a bidirectional embedding or override'],
  [0x2060, 0x2064, 'a word joiner or invisible operator'],
  [0x2066, 0x2069, 'a bidirectional isolate'],
  [0x206a, 0x206f, 'a deprecated formatting character (invisible)'],
  [0x3164, 0x3164, 'a Hangul filler (invisible)'],
  [0xfeff, 0xfeff, 'a zero-width no-break space (byte order mark)'],
  [0xffa0, 0xffa0, 'a halfwidth Hangul filler (invisible)'],
  [0xfff9, 0xfffb, 'an interlinear annotation character (invisible)'],
  [0x1d173, 0x1d17a, 'an invisible musical formatting character'],
  [0xe0000, 0xe007f, 'a Unicode tag character (invisible)']
]

/** What `allow` lets through: tab (header values), or tab, LF and CR (bodies, multi-line inputs). */
export type ControlAllowance = 'none' | 'tab' | 'multiline'

function allowed(code: number, allow: ControlAllowance): boolean {
  if (allow === 'none') return false
  if (code === 0x09) return true
  return allow === 'multiline' && (code === 0x0a || code === 0x0d)
}

/** The name of an invisible or control code point, or undefined for any other. */
function invisibleName(code: number): string | undefined {
  for (const [from, to, name] of INVISIBLE) if (code >= from && code <= to) return name
  return undefined
}

export interface ControlCharacter {
  /** UTF-16 index in the text. */
  index: number
  code: number
  /** `U+202E (a bidirectional embedding or override)`. */
  label: string
}

/** The first invisible or control character of `text` (past what `allow` permits), if any. */
export function firstControlCharacter(
  text: string,
  allow: ControlAllowance = 'none'
): ControlCharacter | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number
    const name = allowed(code, allow) ? undefined : invisibleName(code)
    if (name !== undefined) {
      return {
        index: i,
        code,
        label: `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`
      }
    }
    if (code > 0xffff) i++
  }
  return undefined
}

export function hasControlCharacter(text: string, allow: ControlAllowance = 'none'): boolean {
  return firstControlCharacter(text, allow) !== undefined
}

/** 1-based line and column (in characters, as an editor counts them) of a UTF-16 index. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const lines = before.split(/\r\n|\r|\n/)
  return { line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1 }
}

/**
 * JSON text with every invisible or control character written as a `\uXXXX` escape: the same
 * value once parsed, and text that shows what it holds (`JSON.stringify` escapes C0 only). The
 * `report` output and file are written so; their layout's line breaks and indents stay.
 */
export function escapeInvisibleInJson(json: string): string {
  let out = ''
  for (const character of json) {
    const code = character.codePointAt(0) as number
    if (code === 0x0a || code === 0x20 || invisibleName(code) === undefined) {
      out += character
      continue
    }
    for (let i = 0; i < character.length; i++)
      out += `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`
  }
  return out
}

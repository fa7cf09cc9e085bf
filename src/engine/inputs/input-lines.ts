/**
 * The multi-line inputs (`targets`, `checks`): one entry a line; blank lines and lines starting with
 * `#` are ignored, so a workflow can comment its list. A `#` later in a line is data (it is part of
 * `vmss:<id>#<instance>` and of URLs), never a comment.
 */

export interface InputLine {
  /** 1-based line number in the input, for messages. */
  number: number
  /** The line without surrounding whitespace. */
  text: string
}

/** More lines than this is a paste gone wrong, not a smoke test. */
export const MAX_LINES = 256

export function inputLines(value: string): InputLine[] {
  const lines: InputLine[] = []
  value.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    lines.push({ number: index + 1, text })
  })
  return lines
}

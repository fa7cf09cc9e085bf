/**
 * Escapes a value for the job summary: HTML-significant characters and every character Markdown
 * could act on, so an API's error body or a target name renders as text and never as markup,
 * a link or an image (values come from the network and from inputs).
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '|': '&#124;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '!': '&#33;',
  '#': '&#35;',
  '~': '&#126;',
  $: '&#36;'
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`|*_[\]\\!#~$]/g, c => ENTITIES[c] ?? c).replace(/\r?\n/g, '<br>')
}

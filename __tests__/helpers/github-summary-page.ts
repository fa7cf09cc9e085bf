/**
 * Renders a job summary the way GitHub shows it and measures it in headless Chromium: Markdown to
 * HTML with a GFM renderer (`marked`, GitHub Flavored Markdown: tables, raw HTML such as
 * <details>/<summary>), styled with GitHub's own markdown stylesheet (`github-markdown-css`), in a
 * page laid out like a workflow run's summary (the jobs sidebar on the left, the summary card on
 * the right). Chromium (Debian's package) runs headless with no network and a fresh profile; one
 * run measures the page, a second takes a full-height screenshot, kept as a test artifact.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findTool } from './system-tools'

const ROOT = resolve(__dirname, '..', '..')
/** Gitignored: the PNGs and pages a person can open after a run. */
export const ARTIFACT_DIR = join(ROOT, 'test-artifacts', 'summary')

/** The flags the machine's notes give for headless Chromium. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--force-device-scale-factor=1'
]

/** A workflow run page: GitHub's jobs sidebar takes about 320 px left of the summary card. */
const SIDEBAR_PX = 320

export interface PageMeasure {
  viewportWidth: number
  /** The document's full height and width at that viewport. */
  height: number
  width: number
  /** Tables and code blocks whose content is wider than the box they are shown in. */
  overflowingTables: number
  overflowingCode: number
  /** Tags and attributes of the rendered summary (to compare with what GitHub keeps). */
  tags: string[]
  attributes: string[]
  detailsOpen: number
  details: number
  /** Each code block's text as shown, its content width and its box width (px). */
  pres: Array<{ text: string; scrollWidth: number; clientWidth: number }>
  /** The overview table's body cells, as text, one array per row. */
  cells: string[][]
  /** The page's text outside code blocks (lines such as "Fill in <x>: ..."). */
  prose: string
  /** Heights of the summary's top-level blocks (tag:px), the overview's rows and column widths. */
  parts: string[]
  rows: number[]
  cols: number[]
}

export interface RenderedSummary {
  measure: PageMeasure
  png: string
  html: string
}

/** Markdown → HTML through the `marked` CLI (an ES module: run in its own node, GFM on). */
export function markdownToHtml(markdown: string, dir: string): string {
  const input = join(dir, 'summary.md')
  const output = join(dir, 'summary.html')
  writeFileSync(input, markdown)
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'marked', 'bin', 'marked.js'), '--gfm', '-i', input, '-o', output],
    { stdio: 'pipe' }
  )
  return readFileSync(output, 'utf8')
}

function page(body: string, measureScript: boolean): string {
  const css = readFileSync(
    join(ROOT, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'),
    'utf8'
  )
  const measure = measureScript
    ? `<script>
addEventListener('load', () => {
  const box = document.querySelector('.markdown-body');
  const over = sel => [...box.querySelectorAll(sel)].filter(e => e.scrollWidth > e.clientWidth + 1).length;
  const tags = new Set(), attributes = new Set();
  for (const e of box.querySelectorAll('*')) { tags.add(e.tagName.toLowerCase()); for (const a of e.attributes) attributes.add(a.name); }
  const result = {
    viewportWidth: innerWidth,
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    overflowingTables: over('table'),
    overflowingCode: over('pre'),
    tags: [...tags].sort(), attributes: [...attributes].sort(),
    pres: [...box.querySelectorAll('pre')].map(e => ({ text: e.textContent, scrollWidth: e.scrollWidth, clientWidth: e.clientWidth })),
    cells: [...box.querySelectorAll('table')][0] ? [...[...box.querySelectorAll('table')][0].querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.textContent)) : [],
    prose: (() => { const copy = box.cloneNode(true); for (const e of copy.querySelectorAll('pre')) e.remove(); return copy.textContent; })(),
    detailsOpen: box.querySelectorAll('details[open]').length,
    details: box.querySelectorAll('details').length,
    parts: [...box.children].map(e => e.tagName.toLowerCase() + ':' + Math.round(e.getBoundingClientRect().height)),
    rows: [...box.querySelectorAll('table')][0] ? [...[...box.querySelectorAll('table')][0].querySelectorAll('tr')].map(r => Math.round(r.getBoundingClientRect().height)) : [],
    cols: [...box.querySelectorAll('table')][0] ? [...[...box.querySelectorAll('table')][0].querySelectorAll('th')].map(r => Math.round(r.getBoundingClientRect().width)) : []
  };
  document.body.setAttribute('data-measure', JSON.stringify(result));
});
</script>`
    : ''
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #f6f8fa; }
.run { display: flex; gap: 24px; padding: 24px; box-sizing: border-box; }
.sidebar { flex: 0 0 ${SIDEBAR_PX - 48}px; }
.card { flex: 1 1 auto; min-width: 0; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.markdown-body { box-sizing: border-box; padding: 24px; }
</style></head><body><div class="run"><div class="sidebar"></div><div class="card"><article class="markdown-body">${body}</article></div></div>${measure}</body></html>`
}

function chromium(args: string[], profile: string): string {
  const binary = findTool('chromium')
  if (!binary) throw new Error('chromium is not installed')
  return execFileSync(binary, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024
  })
}

/** Renders `markdown` at `width` px, measures it and keeps `<name>.png` and `<name>.html`. */
export function renderSummaryPage(markdown: string, name: string, width = 1400): RenderedSummary {
  const work = mkdtempSync(join(tmpdir(), 'mi-smoke-summary-page-'))
  try {
    mkdirSync(ARTIFACT_DIR, { recursive: true })
    const body = markdownToHtml(markdown, work)
    const measurePage = join(work, 'measure.html')
    writeFileSync(measurePage, page(body, true))
    const dom = chromium(
      [`--window-size=${width},1000`, '--dump-dom', `file://${measurePage}`],
      join(work, 'profile-1')
    )
    const attribute = /data-measure="([^"]*)"/.exec(dom)?.[1]
    if (attribute === undefined) throw new Error('the page did not report its measure')
    const measure = JSON.parse(
      attribute
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    ) as PageMeasure

    const html = join(ARTIFACT_DIR, `${name}.html`)
    const png = join(ARTIFACT_DIR, `${name}.png`)
    writeFileSync(html, page(body, false))
    writeFileSync(join(ARTIFACT_DIR, `${name}.md`), markdown)
    rmSync(png, { force: true })
    chromium(
      [
        `--window-size=${width},${Math.max(200, measure.height)}`,
        `--screenshot=${png}`,
        `file://${html}`
      ],
      join(work, 'profile-2')
    )
    return { measure, png, html: body }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

// Markdown as publishing stores it: rendered once when saved (core/text/markdown-render.ts), the
// HTML and the renderer's version beside the source; reads take the stored HTML, or render a row
// the renderer has changed since (the `publishing-markdown` job redoes those, a batch a minute).
// Plain text for search comes from the stored HTML — one linear pass, no second parse.
import { renderForStorage, staleMarkdownJob, storedOrRendered } from '../../core/text/markdown-render.js';

/** The most a Markdown body may hold (articles, resources, static pages); stated on the form. */
export const BODY_MAX_CHARS = 100_000;

type Stored = { body: string; body_html: string | null; body_html_version: number | null };

/** The columns a body is stored in: the source, its HTML and the renderer's version. */
export async function renderedBody(body: string) {
  const { html, version } = await renderForStorage(body);
  return { body, body_html: html, body_html_version: version };
}

/** The HTML of a stored body, as readers see it (never written on a read). */
export function bodyHtml(row: Stored): Promise<string> {
  return storedOrRendered(row.body, row.body_html, row.body_html_version);
}

/** Re-renders the items and revisions an older renderer wrote (manifest `jobs`). */
export const staleBodiesJob = staleMarkdownJob(
  'publishing-markdown',
  ['pub_items', 'pub_revisions'].map((table) => ({
    table,
    key: 'id',
    source: 'body',
    html: 'body_html',
    version: 'body_html_version',
  })),
);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The text of HTML written by the Markdown renderer (which writes only its own allowlisted tags and
 * escapes the rest): one line per block, for search entries and summaries.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(?:p|h[2-4]|li|blockquote|pre|tr)>|<br>|<hr>/g, '\n')
    .replace(/<\/t[dh]>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

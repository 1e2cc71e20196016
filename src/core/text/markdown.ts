// Markdown for everything people write on the site (articles, forum posts, coordination notes).
// The only path by which user-written text becomes raw HTML.
//
// markdown-it parses with `html: false` (raw HTML stays text); then this file's own allowlist
// renderer walks the token stream and writes ONLY these elements: p, h2–h4, ul/ol/li, blockquote,
// strong, em, a, code, pre, hr, br and table parts (a table inside a
// div.table-wrap, so it scrolls in its own box on a phone). Every text and attribute value is escaped
// here; no token's own HTML is ever used. Links keep only http:, https: and mailto: targets
// (checked after markdown-it has decoded entities and normalized the URL) and always carry
// rel="noopener noreferrer nofollow ugc"; any other link is shown as its text. Images become their
// alt text (uploads go through media, not Markdown). Block elements get dir="auto" so a paragraph
// in the other language reads in its own direction.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** Longer input is cut: a body this long is not an article but an attack on the renderer. */
export const MARKDOWN_MAX_CHARS = 100_000;

// linkify is OFF: markdown-it's linkify is super-linear on inputs like `http://x.com/*[` repeated
// (20 k characters took 733 ms and stalled the server). Bare addresses are found instead by
// `linkifyText` below, one linear scan over each text run.
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
// Links whose target is refused are not parsed as links at all (their text stays readable).
md.validateLink = (url: string) => safeHref(url) !== null;

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The href to write, or null: absolute http(s) URLs with a host, and mailto: addresses only. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // A scheme must start the string: control characters, spaces, entities or percent-escapes
  // inside "java&#9;script:" never form one of the allowed names.
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  if (!m || !ALLOWED_SCHEMES.has(m[1]!.toLowerCase())) return null;
  if (/[\u0000-\u0020\u007f-\u009f<>"'`\\]/.test(href)) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'mailto') return href.length > 7 ? href : null;
  try {
    const u = new URL(href);
    if (u.protocol !== `${scheme}:` || u.hostname === '') return null;
    return href;
  } catch {
    return null;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const LINK_REL = 'noopener noreferrer nofollow ugc';

// A bare web address: a scheme or "www." and then anything up to white space or a character that
// cannot be in one. One pass, no backtracking between quantifiers: linear in the text's length.
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>"'`\u00a0]+/gi;
// Punctuation that ends a sentence rather than the address.
const TRAILING = /[.,;:!?'")\]}»،؛…]+$/u;

/** Escapes text, turning bare http(s) and www. addresses into links. */
export function linkifyText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    let url = m[0];
    const trail = TRAILING.exec(url);
    if (trail) url = url.slice(0, url.length - trail[0].length);
    const href = safeHref(url.toLowerCase().startsWith('www.') ? `https://${url}` : url);
    if (!href || url.length < 5) continue;
    out +=
      escapeHtml(text.slice(last, m.index)) + `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

function renderInline(tokens: Token[]): string {
  let out = '';
  // Whether each open link was written (a refused target writes only the text).
  const links: boolean[] = [];
  for (const tok of tokens) {
    switch (tok.type) {
      case 'text':
        // Inside a written link the text stays text; elsewhere bare addresses become links.
        out += links.some(Boolean) ? escapeHtml(tok.content) : linkifyText(tok.content);
        break;
      case 'softbreak':
        out += '\n';
        break;
      case 'hardbreak':
        out += '<br>';
        break;
      case 'code_inline':
        out += `<code>${escapeHtml(tok.content)}</code>`;
        break;
      case 'strong_open':
        out += '<strong>';
        break;
      case 'strong_close':
        out += '</strong>';
        break;
      case 'em_open':
        out += '<em>';
        break;
      case 'em_close':
        out += '</em>';
        break;
      case 'link_open': {
        const href = safeHref(tok.attrGet('href') ?? '');
        links.push(href !== null);
        if (href !== null) out += `<a href="${escapeHtml(href)}" rel="${LINK_REL}">`;
        break;
      }
      case 'link_close':
        if (links.pop()) out += '</a>';
        break;
      case 'image':
        // The alt text, as text.
        out += escapeHtml(tok.children ? plainInline(tok.children) : tok.content);
        break;
      default:
        // s_open/s_close and anything a future markdown-it adds: the text only, never a tag.
        if (tok.children) out += renderInline(tok.children);
        else if (tok.type.endsWith('_open') || tok.type.endsWith('_close')) break;
        else out += escapeHtml(tok.content);
    }
  }
  // Unbalanced input never leaves an <a> open.
  for (const written of links) if (written) out += '</a>';
  return out;
}

function plainInline(tokens: Token[]): string {
  let out = '';
  for (const tok of tokens) {
    if (tok.type === 'softbreak' || tok.type === 'hardbreak') out += ' ';
    else if (tok.children) out += plainInline(tok.children);
    else if (tok.type === 'text' || tok.type === 'code_inline' || tok.type === 'html_inline') out += tok.content;
  }
  return out;
}

/** # → h2, ## → h3, ### and deeper → h4 (the page's h1 is the title). */
function headingTag(tag: string): string {
  const level = Number(tag.slice(1)) || 2;
  return `h${Math.min(4, Math.max(2, level + 1))}`;
}

const SIMPLE_BLOCKS: Record<string, string> = {
  bullet_list_open: '<ul>',
  bullet_list_close: '</ul>',
  ordered_list_close: '</ol>',
  list_item_open: '<li dir="auto">',
  list_item_close: '</li>',
  blockquote_open: '<blockquote>',
  blockquote_close: '</blockquote>',
  // A table scrolls in its own box on a phone instead of cutting words or the page.
  table_open: '<div class="table-wrap"><table>',
  table_close: '</table></div>',
  thead_open: '<thead>',
  thead_close: '</thead>',
  tbody_open: '<tbody>',
  tbody_close: '</tbody>',
  tr_open: '<tr>',
  tr_close: '</tr>',
  th_open: '<th dir="auto">',
  th_close: '</th>',
  td_open: '<td dir="auto">',
  td_close: '</td>',
};

/** Markdown → safe HTML (see the top of this file for what may come out). */
export function renderMarkdown(src: string): string {
  const tokens = md.parse(String(src ?? '').slice(0, MARKDOWN_MAX_CHARS), {});
  let out = '';
  const headings: string[] = [];
  for (const tok of tokens) {
    const simple = SIMPLE_BLOCKS[tok.type];
    if (simple) {
      out += simple;
      continue;
    }
    switch (tok.type) {
      case 'paragraph_open':
        if (!tok.hidden) out += '<p dir="auto">';
        break;
      case 'paragraph_close':
        if (!tok.hidden) out += '</p>\n';
        break;
      case 'heading_open': {
        const tag = headingTag(tok.tag);
        headings.push(tag);
        out += `<${tag} dir="auto">`;
        break;
      }
      case 'heading_close':
        out += `</${headings.pop() ?? 'h2'}>\n`;
        break;
      case 'ordered_list_open': {
        const start = Number(tok.attrGet('start'));
        out += Number.isSafeInteger(start) && start > 1 && start < 1e6 ? `<ol start="${start}">` : '<ol>';
        break;
      }
      case 'code_block':
      case 'fence':
        out += `<pre dir="ltr"><code>${escapeHtml(tok.content)}</code></pre>\n`;
        break;
      case 'hr':
        out += '<hr>\n';
        break;
      case 'inline':
        out += renderInline(tok.children ?? []);
        break;
      default:
        // html_block cannot appear with html:false; anything unknown is shown as text.
        if (tok.content) out += `<p dir="auto">${escapeHtml(tok.content)}</p>\n`;
    }
  }
  return out;
}

/** Markdown → plain text (for search, feeds' summaries, meta descriptions). */
export function markdownToText(src: string): string {
  const tokens = md.parse(String(src ?? '').slice(0, MARKDOWN_MAX_CHARS), {});
  const parts: string[] = [];
  for (const tok of tokens) {
    if (tok.type === 'inline') parts.push(plainInline(tok.children ?? []));
    else if (tok.type === 'code_block' || tok.type === 'fence') parts.push(tok.content);
  }
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

// Atom 1.0 feeds and the sitemap, built as strings (the forum's category feeds too). Every text goes
// through xmlText(), which escapes the five markup characters and drops what XML 1.0 cannot carry
// (control characters, lone surrogates, U+FFFE/U+FFFF), so a feed stays well-formed whatever
// people typed.
import type { AnyCtx } from '../../../core/http/route.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Not allowed anywhere in an XML 1.0 document.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return String(s)
    .replace(XML_INVALID, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export type FeedEntry = {
  id: string;
  url: string;
  title: string;
  summary: string;
  lang: string;
  author: string;
  published: string;
  updated: string;
  categories: string[];
  /** the entry's whole text as HTML (from the Markdown renderer), if the feed carries it */
  html?: string;
};

export type Feed = {
  id: string;
  title: string;
  selfUrl: string;
  htmlUrl: string;
  lang: string;
  updated: string;
  entries: FeedEntry[];
};

export function atomFeed(f: Feed): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(f.lang)}">`,
    `  <id>${xmlText(f.id)}</id>`,
    `  <title>${xmlText(f.title)}</title>`,
    `  <updated>${xmlText(f.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(f.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(f.htmlUrl)}"/>`,
    '  <generator>Wasl</generator>',
  ];
  for (const e of f.entries) {
    out.push(
      `  <entry xml:lang="${xmlText(e.lang)}">`,
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
      `    <published>${xmlText(e.published)}</published>`,
      `    <updated>${xmlText(e.updated)}</updated>`,
      `    <author><name>${xmlText(e.author)}</name></author>`,
      ...e.categories.map((c) => `    <category term="${xmlText(c)}"/>`),
      ...(e.html === undefined || e.summary ? [`    <summary type="text">${xmlText(e.summary)}</summary>`] : []),
      ...(e.html === undefined ? [] : [`    <content type="html">${xmlText(e.html)}</content>`]),
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/** Answers a feed: five minutes in caches, as Atom. */
export function sendAtom(c: AnyCtx, xml: string) {
  return c.reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
}

export function sitemap(urls: { loc: string; lastmod?: string | null }[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `  <url><loc>${xmlText(encodeURI(u.loc))}</loc>${u.lastmod ? `<lastmod>${xmlText(u.lastmod)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}

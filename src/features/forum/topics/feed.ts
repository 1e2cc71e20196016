// A category's Atom feed: its 20 newest visible topics with their first post. Every value is
// escaped and stripped of the characters XML cannot carry.
import { escapeHtml } from '../../../core/text/markdown.js';
import { topicPath } from '../components.js';
import type { feedTopics } from './queries.js';

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const x = (v: string) => escapeHtml(v.replace(NOT_XML, ''));

export function atomFeed(p: {
  base: string;
  lang: string;
  title: string;
  categoryId: number;
  updated: string;
  topics: Awaited<ReturnType<typeof feedTopics>>;
  deletedMember: string;
}): string {
  const home = `${p.base}/forum/c/${p.categoryId}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${p.lang}">`,
    `<title>${x(p.title)}</title>`,
    `<id>${x(home)}</id>`,
    `<link rel="alternate" type="text/html" href="${x(home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${x(`${home}/feed.atom`)}"/>`,
    `<updated>${new Date(p.updated).toISOString()}</updated>`,
    ...p.topics.map((t) =>
      [
        '<entry>',
        `<title>${x(t.title)}</title>`,
        `<id>${x(`${p.base}/forum/t/${t.id}`)}</id>`,
        `<link rel="alternate" type="text/html" href="${x(p.base + topicPath(t))}"/>`,
        `<published>${new Date(t.created_at).toISOString()}</published>`,
        `<updated>${new Date(t.edited_at ?? t.created_at).toISOString()}</updated>`,
        `<author><name>${x(t.display_name ?? p.deletedMember)}</name></author>`,
        `<content type="html">${x(t.body_html)}</content>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ].join('\n');
}

// From what a member wrote to what the forum stores: sanitized HTML (through the core renderer —
// the one Markdown pipeline of the site, off the event loop for long bodies), mentions shown as
// display names in <bdi>, the posts it quotes, its links counted and a hash for duplicate
// detection. Links and the hash are read from the text itself, in one linear pass each, so the
// posting checks run before anything is parsed.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { normalizeArabic } from '../../../core/text/normalize.js';
import { escapeHtml } from '../../../core/text/markdown.js';
import { MARKDOWN_RENDERER_VERSION, renderForStorage } from '../../../core/text/markdown-render.js';
import type { WaslServices } from '../../../core/services.js';
import { siteBase } from '../context.js';

/** Same text by the same member, whatever the spacing, tashkeel, letter forms or punctuation. */
export function bodyHash(body: string): string {
  const norm = normalizeArabic(body) || body.replace(/\s+/g, ' ').trim();
  return crypto.createHash('sha256').update(norm).digest('hex');
}

// @ then a name: letters, digits, _ . - ! (display names like "Ahmed_99!" or "أم_خالد"). Not after
// a letter, digit or another @ (e-mail addresses stay addresses).
const MENTION = /(?<![\p{L}\p{N}_@.])@([\p{L}\p{M}\p{N}_.!-]{2,40})/gu;

/** Candidate names after @, longest first; trailing sentence punctuation is tried off as well. */
export function mentionCandidates(src: string): string[] {
  const out = new Set<string>();
  for (const m of withoutCode(src).matchAll(MENTION)) {
    let name = m[1]!;
    out.add(name);
    while (/[.!-]$/.test(name) && name.length > 2) {
      name = name.slice(0, -1);
      out.add(name);
    }
  }
  return [...out];
}

/** Code spans and blocks are not scanned for mentions or quotes. */
function withoutCode(src: string): string {
  return src.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

export type MentionTarget = { id: number; displayName: string };

/** Looks names up: a username first (as the brief for mentions says), then a unique display name. */
export async function resolveMentions(db: Db, src: string): Promise<Map<string, MentionTarget>> {
  const names = mentionCandidates(src).slice(0, 50);
  const found = new Map<string, MentionTarget>();
  if (!names.length) return found;
  const lower = [...new Set(names.map((n) => n.toLowerCase()))];
  const [byUsername, byDisplay] = await Promise.all([
    db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', lower).execute(),
    db.selectFrom('users').select(['id', 'username', 'display_name']).where('display_name', 'in', names).execute(),
  ]);
  for (const name of names) {
    const u = byUsername.find((r) => r.username === name.toLowerCase());
    if (u) {
      found.set(name, { id: u.id, displayName: u.display_name });
      continue;
    }
    const d = byDisplay.filter((r) => r.display_name === name);
    if (d.length === 1) found.set(name, { id: d[0]!.id, displayName: d[0]!.display_name });
  }
  return found;
}

/**
 * Replaces @name in the text parts of sanitized HTML (not inside links or code) by the person's
 * display name in <bdi>. The login username is never written out.
 */
export function applyMentions(html: string, targets: Map<string, MentionTarget>): string {
  if (!targets.size) return html;
  const parts = html.split(/(<[^>]*>)/);
  let skip = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      if (/^<(a|code|pre)[\s>]/.test(part)) skip++;
      else if (/^<\/(a|code|pre)>/.test(part)) skip = Math.max(0, skip - 1);
      continue;
    }
    if (skip > 0 || !part.includes('@')) continue;
    parts[i] = part.replace(MENTION, (all, raw: string) => {
      let name = raw;
      let rest = '';
      while (!targets.has(name) && /[.!-]$/.test(name) && name.length > 2) {
        rest = name.slice(-1) + rest;
        name = name.slice(0, -1);
      }
      const t = targets.get(name);
      return t ? `<bdi class="mention">@${escapeHtml(t.displayName)}</bdi>${rest}` : all;
    });
  }
  return parts.join('');
}

/** Post ids quoted in the text: blockquote lines carrying a link to this site's /forum/p/:id. */
export function quotedPostIds(src: string, baseUrl: string): number[] {
  const base = baseUrl.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${base}/forum/p/(\\d{1,10})`, 'g');
  const ids = new Set<number>();
  for (const line of withoutCode(src).split('\n')) {
    if (!/^\s{0,3}>/.test(line)) continue;
    for (const m of line.matchAll(re)) ids.add(Number(m[1]));
  }
  return [...ids].filter((n) => Number.isSafeInteger(n) && n > 0).slice(0, 20);
}

/** Markdown special characters in a display name are escaped so the quote header stays text. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~@]/g, '\\$&').replace(/\s+/g, ' ');
}

/** The reply box's starting text when quoting a post: a blockquote carrying the post's id. */
export function quoteBlock(post: { id: number; body: string; authorName: string }, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  // Quotes inside the quoted post are dropped, as Discourse does, so chains do not grow.
  const lines = post.body
    .split('\n')
    .filter((l) => !/^\s{0,3}>/.test(l))
    .join('\n')
    .trim()
    .split('\n');
  const header = `> [#${post.id}](${base}/forum/p/${post.id}) ${escapeMarkdown(post.authorName)}:`;
  return `${header}\n${lines.map((l) => (l.trim() ? `> ${l}` : '>')).join('\n')}\n\n`;
}

// Anything that can become a link: a web address (bare, in <…> or in a [text](…) target) or a
// mailto: address. One pass, no backtracking between quantifiers.
const LINKISH = /(?:https?:\/\/|www\.|mailto:)[^\s<>()[\]"'`]+/gi;

/**
 * Links to other sites in what a member wrote (links to this forum's own posts do not count): an
 * upper bound of the links the rendered post carries, read without parsing it.
 */
export function countLinks(src: string, baseUrl: string): number {
  const base = `${baseUrl.replace(/\/+$/, '')}/`.toLowerCase();
  let n = 0;
  for (const m of src.matchAll(LINKISH)) if (!m[0].toLowerCase().startsWith(base)) n++;
  return n;
}

export type Cooked = {
  html: string;
  version: number;
  mentions: MentionTarget[];
};

/** The stored form of a body: rendered once (off the event loop when long), mentions resolved. */
export async function cook(db: Db, body: string): Promise<Cooked> {
  const [mentions, rendered] = await Promise.all([resolveMentions(db, body), renderForStorage(body)]);
  const unique = new Map([...mentions.values()].map((m) => [m.id, m]));
  return { html: applyMentions(rendered.html, mentions), version: rendered.version, mentions: [...unique.values()] };
}

/** The columns a post's text is stored in, rendered once (after the posting checks). */
export async function bodyColumns(wasl: WaslServices, body: string) {
  const cooked = await cook(wasl.db, body);
  return {
    body,
    body_html: cooked.html,
    body_html_version: cooked.version,
    body_hash: bodyHash(body),
    link_count: countLinks(body, siteBase(wasl)),
  };
}
export type BodyColumns = Awaited<ReturnType<typeof bodyColumns>>;

type Stored = { body: string; body_html: string | null; body_html_version: number | null };

/** Whether a stored rendering is current (an erased post's empty body always is). */
export const isCurrent = (r: Stored) => r.body === '' || r.body_html_version === MARKDOWN_RENDERER_VERSION;

/**
 * Rows with their HTML as readers get it: the stored rendering, or — for a row the renderer has
 * changed since (the `forum-markdown` job redoes those) — a fresh one, not stored (a GET never writes).
 */
export async function withCurrentHtml<R extends Stored>(db: Db, rows: R[]): Promise<(R & { body_html: string })[]> {
  return Promise.all(
    rows.map(async (r) => ({ ...r, body_html: isCurrent(r) ? (r.body_html ?? '') : (await cook(db, r.body)).html })),
  );
}

/**
 * Re-renders, a batch a minute, the posts and earlier versions an older renderer wrote (or none
 * yet): the forum's own job, since its HTML carries mentions (manifest `jobs`).
 */
export const staleBodiesJob = {
  name: 'forum-markdown',
  everyMs: 60_000,
  async run(wasl: Pick<WaslServices, 'db'>, _now?: Date, batch = 200): Promise<number> {
    const db = wasl.db as unknown as Kysely<Record<string, Stored & { id: number }>>;
    let done = 0;
    for (const table of ['forum_posts', 'forum_revisions']) {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'body'])
        .where('body', '!=', '')
        .where((eb) =>
          eb.or([eb('body_html_version', 'is', null), eb('body_html_version', '!=', MARKDOWN_RENDERER_VERSION)]),
        )
        .orderBy('id')
        .limit(batch)
        .execute();
      for (const r of rows) {
        const { html, version } = await cook(wasl.db, r.body);
        await db
          .updateTable(table)
          .set({ body_html: html, body_html_version: version })
          .where('id', '=', r.id)
          .execute();
        done++;
      }
    }
    return done;
  },
};

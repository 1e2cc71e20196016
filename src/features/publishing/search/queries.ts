// The site search over public items: words through the core search index (Arabic spelling
// variants found by its normalization), or, with no words but filters, everything that matches
// them, newest first.
import type { Db, Dialect } from '../../../core/db/index.js';
import {
  searchDocuments,
  type ExcerptSegment,
  type SearchSource,
  type SourceHit,
  type SourceQuery,
} from '../../../core/search/index.js';
import { KINDS, LISTED_KINDS, listPublished, liveSql, publishedByIds, type ItemCard } from '../queries.js';
import type { ItemKind } from '../tables.js';
import { heldKind } from './indexing.js';

export const SEARCH_PAGE_SIZE = 10;

export type SearchFilters = {
  networkId: number;
  now: Date;
  q: string;
  /** one kind, or every kind */
  kind: ItemKind | null;
  town?: string;
  org?: number;
  topic?: string;
  /** the items' own language (?content=), never the interface's */
  content?: 'ar' | 'en';
  year?: number;
  page: number;
  /** results per page (the search page's size unless a caller asks fewer) */
  limit?: number;
};

export type SearchResult = { card: ItemCard; excerpt: ExcerptSegment[] };

/** The index kinds to ask for: the items' own, and the held entries of scheduled items now due. */
async function searchKinds(db: Db, f: SearchFilters, kinds: ItemKind[]): Promise<string[]> {
  const due = await db
    .selectFrom('pub_items as i')
    .select('i.id')
    .where('i.status', '=', 'scheduled')
    .where(liveSql(f.now))
    .where('i.network_id', '=', f.networkId)
    .where('i.kind', 'in', kinds)
    .execute();
  return [...kinds, ...due.map((d) => heldKind(d.id))];
}

export async function searchItems(
  db: Db,
  dialect: Dialect,
  f: SearchFilters,
): Promise<{ total: number; results: SearchResult[] }> {
  const kinds: ItemKind[] = f.kind ? [f.kind] : KINDS;
  const size = f.limit ?? SEARCH_PAGE_SIZE;
  const offset = (f.page - 1) * size;
  if (f.q) {
    const facets: Record<string, string> = {};
    if (f.town) facets.town = f.town;
    if (f.org) facets.organization = String(f.org);
    if (f.topic) facets.topic = f.topic;
    if (f.content) facets.language = f.content;
    if (f.year) facets.year = String(f.year);
    const found = await searchDocuments(db, dialect, {
      q: f.q,
      kinds: await searchKinds(db, f, kinds),
      facets,
      networkId: f.networkId,
      limit: size,
      offset,
      now: f.now,
    });
    const cards = await publishedByIds(
      db,
      found.hits.map((h) => Number(h.refId)),
      f.now,
    );
    const results = found.hits
      .map((h) => ({ card: cards.get(Number(h.refId)), excerpt: h.excerpt }))
      .filter((r): r is SearchResult => r.card !== undefined);
    return { total: found.total, results };
  }
  if (!(f.town || f.org || f.topic || f.content || f.year || f.kind)) return { total: 0, results: [] };
  // No words but filters: browse everything that matches them, newest first.
  const list = await listPublished(
    db,
    {
      networkId: f.networkId,
      now: f.now,
      kinds: f.kind ? [f.kind] : LISTED_KINDS,
      town: f.town,
      organizationId: f.org,
      topic: f.topic,
      lang: f.content,
      year: f.year,
    },
    { limit: size, offset },
  );
  return {
    total: list.total,
    results: list.items.map((card) => ({
      card,
      excerpt: card.summary ? [{ text: card.summary, marked: false }] : [],
    })),
  };
}

/** How many results each group of the search of everything shows. */
export const GROUP_SIZE = 3;

export type SearchGroup = { source: SearchSource; total: number; hits: SourceHit[] };

/**
 * The search of everything: each feature's source (core/search/sources.ts) gives its first few
 * results and its count; groups with nothing are left out, the others keep the sources' order.
 */
export async function searchGroups(
  sources: SearchSource[],
  query: Omit<SourceQuery, 'limit' | 'offset'>,
): Promise<SearchGroup[]> {
  const found = await Promise.all(
    sources.map(async (source) => ({ source, ...(await source.search({ ...query, limit: GROUP_SIZE, offset: 0 })) })),
  );
  return found.filter((g) => g.total > 0 && g.hits.length > 0);
}

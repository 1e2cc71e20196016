// Search sources: how the site search reaches what each feature makes public. A feature names its
// source in its manifest (`search`); the app installs them, and the page that searches everything
// (publishing's /search) asks each one for its first results without knowing the features. A
// source finds candidates in the core index (searchDocuments: bounded, the same on both
// databases) and checks them against its own tables before answering, so an entry left behind by
// a change is never shown. A source whose items are not written through a feature's own saves
// (organizations, towns) keeps its entries current in `sync`, run by the search-reindex job.
import type { Db, Dialect } from '../db/index.js';
import type { ExcerptSegment } from './excerpt.js';

export type SourceQuery = {
  db: Db;
  dialect: Dialect;
  /** the words, as typed */
  q: string;
  /** the site's network */
  networkId: number;
  now: Date;
  /** the reader's language: names of bilingual records are shown in it when they have one */
  locale: string;
  limit: number;
  offset: number;
};

export type SourceHit = {
  href: string;
  title: string;
  /** the language of what is shown (title and excerpt) */
  lang: 'ar' | 'en';
  excerpt: ExcerptSegment[];
  /** the excerpt's language, when it differs from the title's */
  excerptLang?: 'ar' | 'en';
  /** one short line under the title (the organization, the district), plain text */
  meta?: string;
};

export type SourceResult = { total: number; hits: SourceHit[] };

export type SearchSource = {
  /** the group's name in the search page's address (?kind=services); letters and dashes */
  kind: string;
  /** the heading of its group (a message key, e.g. 'nav.services') */
  labelKey: string;
  /** lower first */
  order: number;
  /** public items only: anything an anonymous visitor may not open must not come back */
  search: (q: SourceQuery) => Promise<SourceResult>;
  /** brings the source's index entries up to date; returns how many were written or removed */
  sync?: (db: Db) => Promise<number>;
};

/** What a manifest lists: loaded when first needed (so start-up loads no search code). */
export type SearchSourceLoader = () => Promise<SearchSource>;

let loaders: SearchSourceLoader[] = [];
let loaded: Promise<SearchSource[]> | null = null;

const KIND = /^[a-z][a-z-]*$/;

/** The features' sources, set by the app from the feature list. */
export function installSearchSources(list: SearchSourceLoader[]): void {
  loaders = [...list];
  loaded = null;
}

/** Every installed source, in order; a kind named twice is a mistake in a manifest. */
export function searchSources(): Promise<SearchSource[]> {
  loaded ??= Promise.all(loaders.map((l) => l())).then((all) => {
    const seen = new Set<string>();
    for (const s of all) {
      if (!KIND.test(s.kind)) throw new Error(`search source: bad kind ${JSON.stringify(s.kind)}`);
      if (seen.has(s.kind)) throw new Error(`search source: kind ${s.kind} twice`);
      seen.add(s.kind);
    }
    return all.sort((a, b) => a.order - b.order || a.kind.localeCompare(b.kind));
  });
  // A failed load is tried again on the next search rather than kept.
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** Runs every source's `sync` (the search-reindex job; tests after writing straight to tables). */
export async function syncSearchSources(db: Db): Promise<number> {
  let n = 0;
  for (const s of await searchSources()) if (s.sync) n += await s.sync(db);
  return n;
}

/** The language a piece of text is mostly written in (an excerpt cut from a bilingual record). */
export function scriptLang(text: string): 'ar' | 'en' {
  const arabic = (text.match(/\p{sc=Arabic}/gu) ?? []).length;
  const latin = (text.match(/\p{sc=Latin}/gu) ?? []).length;
  return latin > arabic ? 'en' : 'ar';
}

// What one search entry is stored as. `search_text` is the entry's set of tokens, space-separated,
// and both databases index exactly those tokens (FTS5 reads them as written; PostgreSQL takes them
// as lexemes with array_to_tsvector), so a query means the same thing on both:
//
//   - every form of every word of the title and body (core/text/stem.ts);
//   - the title's forms again behind TITLE_MARK, so "all words in the title" is a token query;
//   - the filters as tokens behind META_MARK: kind, network and each facet value.
//
// The marks are letters normalization folds away (ٱ ٲ → ا), so no word of a text can produce them.
import crypto from 'node:crypto';
import { ANALYZER_VERSION, indexTokens } from '../text/stem.js';

export const META_MARK = '\u0671';
export const TITLE_MARK = '\u0672';

const FACET_KEY = /^[a-z][a-z0-9_]*$/;
/** PostgreSQL refuses lexemes over 2 KB; a longer filter value is hashed. */
const MAX_HEX_BYTES = 64;
/** sort_key = published minute × 2^26 + id mod 2^26 (a safe integer until the year 2097). */
export const MINUTE_FACTOR = 67_108_864;
const MAX_MINUTE = 67_108_863;

export type SearchDocumentInput = {
  kind: string;
  refId: string | number;
  networkId?: number | null;
  organizationId?: number | null;
  lang: 'ar' | 'en';
  title: string;
  /** Plain text (features turn Markdown into text first); never rendered as HTML. */
  body: string;
  facets?: Record<string, string[] | string>;
  /** ISO-8601 */
  publishedAt: string;
};

export function isFacetKey(key: string): boolean {
  return FACET_KEY.test(key);
}

function hexOrHash(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_HEX_BYTES) return bytes.toString('hex');
  return 'h' + crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 40);
}

export const kindToken = (kind: string) => `${META_MARK}k${hexOrHash(kind)}`;
export const networkToken = (networkId: number) => `${META_MARK}n${networkId}`;
export const facetToken = (key: string, value: string) => `${META_MARK}f${hexOrHash(`${key}=${value}`)}`;

export function normalizeFacets(facets: SearchDocumentInput['facets']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(facets ?? {})) {
    if (!isFacetKey(key)) throw new Error(`search: facet key must match ${FACET_KEY}: ${key}`);
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    out[key] = [...new Set(values)];
  }
  return out;
}

/** The entry's tokens: filters, then the title marked, then the words. */
export function entryTokens(e: {
  kind: string;
  networkId: number | null;
  facets: Record<string, string[]>;
  title: string;
  body: string;
}): string[] {
  const title = indexTokens(e.title);
  const tokens = new Set<string>([kindToken(e.kind)]);
  if (e.networkId != null) tokens.add(networkToken(e.networkId));
  for (const [key, values] of Object.entries(e.facets)) for (const v of values) tokens.add(facetToken(key, v));
  for (const t of title) tokens.add(TITLE_MARK + t);
  for (const t of title) tokens.add(t);
  for (const t of indexTokens(e.body)) tokens.add(t);
  return [...tokens];
}

/** The minute of publication, the first part of the sort key (clamped to 1970–2097). */
export function publishedMinute(iso: string): number {
  return Math.min(MAX_MINUTE, Math.max(0, Math.floor(Date.parse(iso) / 60_000)));
}

function isoOrThrow(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`search: publishedAt is not a date: ${value}`);
  return d.toISOString();
}

/** The body kept with the entry: whitespace folded. Excerpts are cut from it and the entry is rebuilt from it. */
export function flatBody(body: string): string {
  return body.replace(/\s+/g, ' ').trim();
}

/** The stored row of an entry, as indexDocument writes it (bench/publishing-search.ts writes it in bulk). */
export function entryRow(doc: SearchDocumentInput) {
  const facets = normalizeFacets(doc.facets);
  const publishedAt = isoOrThrow(doc.publishedAt);
  const body = flatBody(doc.body);
  const networkId = doc.networkId ?? null;
  return {
    kind: doc.kind,
    ref_id: String(doc.refId),
    network_id: networkId,
    organization_id: doc.organizationId ?? null,
    lang: doc.lang,
    title: doc.title,
    excerpt_source: body,
    search_text: entryTokens({ kind: doc.kind, networkId, facets, title: doc.title, body }).join(' '),
    facets: JSON.stringify(facets),
    published_at: publishedAt,
    published_minute: publishedMinute(publishedAt),
    analyzer_version: ANALYZER_VERSION,
  };
}

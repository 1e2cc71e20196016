// The search core's columns of search_documents beyond the first schema (migration 0710):
// joined to the core's table type by augmentation, as features add theirs.
import type { GeneratedAlways } from 'kysely';

declare module '../db/core-tables.js' {
  interface SearchDocumentsTable {
    /** Minutes since 1970 of published_at (clamped to 0 … 2^26 − 1). */
    published_minute: number;
    /** published_minute × 2^26 + id mod 2^26: the order of entries, newest first (and the FTS rowid). */
    sort_key: GeneratedAlways<number>;
    /** The analyzer (rules and dictionary) that made search_text; another one means rebuild. */
    analyzer_version: string;
  }
}

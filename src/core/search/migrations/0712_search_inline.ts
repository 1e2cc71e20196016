// PostgreSQL keeps each entry's tsv and head_tsv in its row (storage MAIN), not in the TOAST table.
//
// An entry is larger than the ~2 KB at which PostgreSQL moves values out of the row, and tsv, the
// largest, went first: every row a search tests by its tsv — the probe of the newest entries, the
// walks that count dense matches and find the newest title matches — was a lookup in the TOAST
// table's index and a read of its chunk, about three quarters of the walk's time (EXPLAIN: ~3.7
// buffers and ~12 µs a row, against ~3 µs with tsv in the row). With MAIN, the body (search_text,
// excerpt_source: read only for the page's ten rows) leaves the row instead; tsv and head_tsv stay
// compressed in it, and leave it only when a row would not fit in a page at all.
//
// Existing entries are rewritten once so that theirs move too. SQLite: nothing.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/index.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN,
    ALTER COLUMN head_tsv SET STORAGE MAIN`.execute(db);
  // A stored generated column is computed again (and stored anew) when its source is written.
  await sql`UPDATE search_documents SET search_text = search_text`.execute(db);
}

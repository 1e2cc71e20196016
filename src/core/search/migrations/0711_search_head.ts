// What PostgreSQL's ranking reads row by row, kept apart from the whole entry (issue 19):
//
//  - head_tsv: the title's tokens (behind TITLE_MARK) and the facets' (META_MARK f…) — about 20
//    lexemes where tsv holds a hundred or thousands. Tiering a match, and walking the entries
//    newest first for the title matches, tested each row's whole tsv: stored compressed, unpacking
//    it was most of a search's time at 100,000 entries. Generated from search_text, so every
//    writer (indexDocument, the reindex job, bulk inserts) fills it unchanged.
//  - its GIN index, for title matches too few for a walk to find soon;
//  - (kind, sort_key): a search of one kind (services, towns, organizations…) walks that kind's
//    entries newest first rather than every entry's;
//  - tsv compressed with lz4 where the server has it (PostgreSQL 14+ built with lz4): a match
//    still tests some rows' whole tsv, and lz4 unpacks them about twice as fast as pglz. Existing
//    entries are rewritten once so that theirs are too.
//
// The kinds and the network are read from their columns (kind, network_id) by the queries; their
// tokens stay in search_text (SQLite's FTS5 matches them), so nothing is rebuilt. SQLite: nothing.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/index.js';
import { META_MARK, TITLE_MARK } from '../tokens.js';

/**
 * The head's tokens out of search_text: every token but those starting with TITLE_MARK or with
 * META_MARK and `f` (a facet) is removed — kinds (META_MARK k) and networks (META_MARK n) too.
 */
export function headExpression(): string {
  const drop = `( [^${TITLE_MARK}${META_MARK} ][^ ]*| ${META_MARK}[^f ][^ ]*)`;
  return `array_to_tsvector(regexp_split_to_array(btrim(regexp_replace(' ' || search_text || ' ', '${drop}', '', 'g')), ' +'))`;
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql
    .raw(`ALTER TABLE search_documents ADD COLUMN head_tsv tsvector GENERATED ALWAYS AS (${headExpression()}) STORED`)
    .execute(db);
  await sql`CREATE INDEX search_documents_head ON search_documents USING gin (head_tsv) WITH (fastupdate = off)`.execute(
    db,
  );
  await sql`CREATE INDEX search_documents_kind_sort ON search_documents (kind, sort_key)`.execute(db);
  const lz4 = await sql<{
    ok: boolean;
  }>`SELECT 'lz4' = ANY(enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
  if (lz4.rows[0]?.ok) {
    await sql`ALTER TABLE search_documents ALTER COLUMN tsv SET COMPRESSION lz4`.execute(db);
    // A stored generated column is computed again when its source is written.
    await sql`UPDATE search_documents SET search_text = search_text`.execute(db);
  }
}

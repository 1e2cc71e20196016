// Search entries as token sets, ordered by a sort key in the database (issues 15 and 19):
//
//  - published_minute and sort_key (published minute × 2^26 + id mod 2^26): the order of
//    entries, newest first; on SQLite the FTS5 rowid, so the index is walked in that order;
//  - analyzer_version: what made search_text (core/search/reindex.ts rebuilds other versions);
//  - excerpt_source holds the whole body from now on (it was cut at 2,000 characters), so an entry
//    can be rebuilt without its feature;
//  - search_text holds the entry's tokens (core/search/tokens.ts); PostgreSQL indexes them as
//    lexemes as they are (array_to_tsvector), SQLite's FTS5 table is rebuilt over them.
//
// Existing entries are rebuilt here with the current analyzer. Their full body is read back from
// the old search_text, which held each word's forms in order (normalized word, article-less word,
// Snowball stem), the title three times first: what the cut excerpt_source lacks is taken from it.
import { sql, type Kysely } from 'kysely';
import { stemmer as snowballArabic } from '@orama/stemmers/arabic';
import type { Dialect } from '../../db/index.js';
import { fromJson } from '../../db/helpers.js';
import { tokenize } from '../../text/normalize.js';
import { lightStem } from '../../text/stem.js';
import { entryRow } from '../tokens.js';

const ARABIC = /[\u0621-\u064A]/;

function legacyLatinStem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The forms the first analyzer wrote for a normalized word, in its order. */
function legacyForms(word: string): string[] {
  const forms = [word, lightStem(word), ARABIC.test(word) ? snowballArabic(word) : legacyLatinStem(word)];
  return forms.filter((f, i) => f !== '' && forms.indexOf(f) === i);
}

/** The normalized words an old search_text was made from, or null if it does not read as one. */
export function legacyWords(searchText: string): string[] | null {
  const tokens = searchText.split(' ').filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const forms = legacyForms(tokens[i]!);
    if (forms.some((f, j) => tokens[i + j] !== f)) return null;
    words.push(tokens[i]!);
    i += forms.length;
  }
  return words;
}

/** The whole body of an old entry: its excerpt, and the words past the excerpt's cut from its tokens. */
export function legacyBody(title: string, excerpt: string, searchText: string): string {
  const words = legacyWords(searchText);
  if (!words) return excerpt;
  const body = words.slice(3 * tokenize(title).length);
  const shown = tokenize(excerpt).length;
  return body.length > shown ? `${excerpt} ${body.slice(shown).join(' ')}` : excerpt;
}

const BATCH = 500;

async function rebuildEntries(db: Kysely<any>): Promise<void> {
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('search_documents')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const row = entryRow({
        kind: r.kind,
        refId: r.ref_id,
        networkId: r.network_id,
        organizationId: r.organization_id,
        lang: r.lang,
        title: r.title,
        body: legacyBody(r.title, r.excerpt_source, r.search_text),
        facets: fromJson(r.facets, {}),
        publishedAt: r.published_at,
      });
      await db
        .updateTable('search_documents')
        .set({
          excerpt_source: row.excerpt_source,
          search_text: row.search_text,
          published_minute: row.published_minute,
          analyzer_version: row.analyzer_version,
        })
        .where('id', '=', r.id)
        .execute();
    }
    after = rows[rows.length - 1].id;
  }
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`DROP TRIGGER IF EXISTS search_documents_${t}`).execute(db);
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  } else {
    await sql`ALTER TABLE search_documents DROP COLUMN tsv`.execute(db);
  }
  await db.schema
    .alterTable('search_documents')
    .addColumn('published_minute', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('analyzer_version', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await rebuildEntries(db);

  if (dialect === 'sqlite') {
    await sql`ALTER TABLE search_documents ADD COLUMN sort_key INTEGER
      GENERATED ALWAYS AS (published_minute * 67108864 + id % 67108864) VIRTUAL`.execute(db);
    await sql`CREATE UNIQUE INDEX search_documents_sort ON search_documents (sort_key)`.execute(db);
    // Tokens are written by the app: FTS5 only splits them at spaces. The rowid is the sort key, so
    // a match is walked newest first and stops at the page; prefix indexes serve the word being typed.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(search_text, content='search_documents',
      content_rowid='sort_key', tokenize='unicode61 remove_diacritics 0', prefix='3 4')`.execute(db);
    await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db);
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, search_text) VALUES (new.sort_key, new.search_text); END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, search_text) VALUES ('delete', old.sort_key, old.search_text);
      END`.execute(db);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, search_text) VALUES ('delete', old.sort_key, old.search_text);
      INSERT INTO search_fts(rowid, search_text) VALUES (new.sort_key, new.search_text); END`.execute(db);
  } else {
    await sql`ALTER TABLE search_documents ADD COLUMN sort_key bigint
      GENERATED ALWAYS AS (published_minute::bigint * 67108864 + id % 67108864) STORED`.execute(db);
    await sql`CREATE UNIQUE INDEX search_documents_sort ON search_documents (sort_key)`.execute(db);
    // The tokens as lexemes, as written (no parser, no dictionary): the same tokens FTS5 sees.
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector
      GENERATED ALWAYS AS (array_to_tsvector(string_to_array(search_text, ' '))) STORED`.execute(db);
    // fastupdate off: no pending list for every search to read through after a burst of writes.
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv) WITH (fastupdate = off)`.execute(
      db,
    );
  }
}

// The towns in the site search (/search): every town of the gazetteer has a public page, so every
// town has an entry — its Arabic name as the title, its English name, the spellings people use
// (town_aliases) and its sub-district, district and governorate in both languages as the body.
// The gazetteer is loaded by the core, not written through this feature, so `sync` (run by the
// search-reindex job) adds the entries that are missing or whose name changed, a batch at a time,
// and removes those of towns no longer in it.
import type { Db } from '../../core/db/index.js';
import { localized, localizedLang } from '../../core/i18n/localized.js';
import { indexDocuments, searchDocuments, type SearchSource, type SourceHit } from '../../core/search/index.js';

const KIND = 'town';
const BATCH = 200;
/** Towns have no date; one fixed instant keeps their order the entries' own (identical on both databases). */
const UNDATED = '2000-01-01T00:00:00.000Z';

async function syncTowns(db: Db): Promise<number> {
  // Looked up before deleting: on PostgreSQL an empty DELETE still counts as a change to the page
  // cache (its trigger is per statement), and this runs every minute.
  const gone = await db
    .selectFrom('search_documents as d')
    .leftJoin('towns as t', 't.pcode', 'd.ref_id')
    .select('d.id')
    .where('d.kind', '=', KIND)
    .where('t.pcode', 'is', null)
    .execute();
  if (gone.length)
    await db
      .deleteFrom('search_documents')
      .where(
        'id',
        'in',
        gone.map((g) => g.id),
      )
      .execute();
  let done = gone.length;
  for (;;) {
    const towns = await db
      .selectFrom('towns as t')
      .leftJoin('search_documents as d', (j) => j.on('d.kind', '=', KIND).onRef('d.ref_id', '=', 't.pcode'))
      .selectAll('t')
      .where((eb) => eb.or([eb('d.id', 'is', null), eb('d.title', '!=', eb.ref('t.name_ar'))]))
      .orderBy('t.pcode')
      .limit(BATCH)
      .execute();
    if (!towns.length) return done;
    const aliases = await db
      .selectFrom('town_aliases')
      .select(['pcode', 'alias'])
      .where(
        'pcode',
        'in',
        towns.map((t) => t.pcode),
      )
      .execute();
    // one commit per slice of the batch, letting requests in between (core/search indexDocuments)
    await indexDocuments(
      db,
      towns.map((t) => {
        const own = aliases.filter((a) => a.pcode === t.pcode).map((a) => a.alias);
        return {
          kind: KIND,
          refId: t.pcode,
          lang: 'ar',
          title: t.name_ar,
          body: [
            t.name_en,
            ...own,
            t.adm3_name_ar,
            t.adm3_name_en,
            t.adm2_name_ar,
            t.adm2_name_en,
            t.adm1_name_ar,
            t.adm1_name_en,
            t.pcode,
          ].join('\n'),
          publishedAt: UNDATED,
        };
      }),
    );
    done += towns.length;
    // a whole gazetteer (thousands of towns) is worded at first start: let requests in between batches
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const townsSource: SearchSource = {
  kind: 'towns',
  labelKey: 'nav.towns',
  order: 50,
  sync: syncTowns,
  async search({ db, dialect, q, locale, limit, offset, now }) {
    // No excerpt: the district under the name says more than a line of place names.
    const found = await searchDocuments(db, dialect, { q, kinds: [KIND], limit, offset, now, excerpts: false });
    const codes = found.hits.map((h) => h.refId);
    if (!codes.length) return { total: found.total, hits: [] };
    const rows = await db.selectFrom('towns').selectAll().where('pcode', 'in', codes).execute();
    const byCode = new Map(rows.map((r) => [r.pcode, r]));
    const hits = found.hits.flatMap((h): SourceHit[] => {
      const t = byCode.get(h.refId);
      if (!t) return [];
      const district = localized({ name_ar: t.adm2_name_ar, name_en: t.adm2_name_en }, 'name', locale);
      return [
        {
          href: `/towns/${t.pcode}`,
          title: localized(t, 'name', locale),
          lang: localizedLang(t, 'name', locale) === 'en' ? 'en' : 'ar',
          excerpt: [],
          meta: `${district} · ${t.pcode}`,
        },
      ];
    });
    return { total: found.total, hits };
  },
};

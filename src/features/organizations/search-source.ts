// The member organizations in the site search (/search): active members of the site's network.
// An entry holds both names as the title, both descriptions and the towns worked in as the body;
// its date is the profile's updated_at, which is how `sync` (run by the search-reindex job) tells
// an entry made before the last save. What is shown is checked against the organizations table
// when read, so an organization that left is not found even before its entry is removed.
import type { Db } from '../../core/db/index.js';
import { localized, localizedLang } from '../../core/i18n/localized.js';
import {
  indexDocuments,
  removeDocument,
  scriptLang,
  SEARCH_CANDIDATE_CAP,
  searchDocuments,
  type SearchSource,
  type SourceHit,
} from '../../core/search/index.js';
import { orgPath } from './views/pages.js';
import { townsByOrganization } from './queries.js';

const KIND = 'organization';

async function syncOrganizations(db: Db): Promise<number> {
  // Members are few (tens), so comparing every active one's stamp with its entry is cheap.
  const [orgs, entries] = await Promise.all([
    db.selectFrom('organizations').selectAll().where('status', '=', 'active').execute(),
    db.selectFrom('search_documents').select(['ref_id', 'published_at']).where('kind', '=', KIND).execute(),
  ]);
  const stamp = new Map(entries.map((e) => [e.ref_id, Date.parse(e.published_at)]));
  let done = 0;
  for (const e of entries) {
    if (orgs.some((o) => String(o.id) === e.ref_id)) continue;
    await removeDocument(db, KIND, e.ref_id);
    done++;
  }
  const stale = orgs.filter((o) => stamp.get(String(o.id)) !== Date.parse(o.updated_at));
  if (!stale.length) return done;
  const towns = await townsByOrganization(
    db,
    stale.map((o) => o.id),
  );
  await indexDocuments(
    db,
    stale.map((o) => {
      const own = towns.get(o.id) ?? [];
      return {
        kind: KIND,
        refId: o.id,
        networkId: o.network_id,
        organizationId: o.id,
        lang: 'ar',
        title: [o.name_ar, o.name_en].filter(Boolean).join(' — '),
        body: [o.description_ar, o.description_en, ...own.flatMap((t) => [t.name_ar, t.name_en])].join('\n'),
        facets: { town: own.map((t) => t.pcode) },
        publishedAt: o.updated_at,
      };
    }),
  );
  return done + stale.length;
}

export const organizationsSource: SearchSource = {
  kind: 'organizations',
  labelKey: 'nav.organizations',
  order: 40,
  sync: syncOrganizations,
  async search({ db, dialect, q, networkId, locale, limit, offset, now }) {
    // Every match is checked (members are few, and the search counts up to its cap anyway), so the
    // count never includes an organization that left before the job removed its entry.
    const found = await searchDocuments(db, dialect, {
      q,
      kinds: [KIND],
      networkId,
      limit: SEARCH_CANDIDATE_CAP,
      offset: 0,
      now,
    });
    const ids = found.hits.map((h) => Number(h.refId));
    if (!ids.length) return { total: 0, hits: [] };
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name_ar', 'name_en'])
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .where('network_id', '=', networkId)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hits = found.hits.flatMap((h): SourceHit[] => {
      const o = byId.get(Number(h.refId));
      if (!o) return [];
      return [
        {
          href: orgPath(o),
          title: localized(o, 'name', locale),
          lang: localizedLang(o, 'name', locale) === 'en' ? 'en' : 'ar',
          excerpt: h.excerpt,
          excerptLang: scriptLang(h.excerpt.map((e) => e.text).join('')),
        },
      ];
    });
    return { total: hits.length, hits: hits.slice(offset, offset + limit) };
  },
};

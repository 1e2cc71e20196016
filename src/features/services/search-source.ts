// The services in the site search (/search): the public services' entries that search-index.ts
// keeps, checked against the services' status when read (an entry is never trusted to be public).
import { localized, localizedLang } from '../../core/i18n/localized.js';
import { scriptLang, searchDocuments, type SearchSource, type SourceHit } from '../../core/search/index.js';
import { PUBLIC_STATUSES, SEARCH_KIND, servicePath } from './queries.js';

export const servicesSource: SearchSource = {
  kind: 'services',
  labelKey: 'nav.services',
  order: 20,
  async search({ db, dialect, q, locale, limit, offset, now }) {
    // The directory is one for the whole site (as /services), so no network filter.
    const found = await searchDocuments(db, dialect, { q, kinds: [SEARCH_KIND], limit, offset, now });
    const ids = found.hits.map((h) => h.refId);
    if (!ids.length) return { total: found.total, hits: [] };
    const rows = await db
      .selectFrom('svc_services as s')
      .leftJoin('svc_organizations as o', 'o.id', 's.organization_id')
      .select(['s.id', 's.name_ar', 's.name_en', 'o.name_ar as org_ar', 'o.name_en as org_en'])
      .where('s.id', 'in', ids)
      .where('s.status', 'in', PUBLIC_STATUSES)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hits = found.hits.flatMap((h): SourceHit[] => {
      const s = byId.get(h.refId);
      if (!s) return [];
      const excerpt = h.excerpt.map((e) => e.text).join('');
      return [
        {
          href: servicePath(s),
          title: localized(s, 'name', locale),
          lang: localizedLang(s, 'name', locale) === 'en' ? 'en' : 'ar',
          excerpt: h.excerpt,
          excerptLang: scriptLang(excerpt),
          meta: localized({ name_ar: s.org_ar, name_en: s.org_en }, 'name', locale) || undefined,
        },
      ];
    });
    return { total: found.total, hits };
  },
};

// The services' documents in the core search index: one per public service (its names, texts,
// organization, terms, places and area towns), removed when a service stops being public. Called
// after every write that changes what a search would find (forms, imports).
import type { Db } from '../../core/db/index.js';
import { isSet } from '../../core/db/helpers.js';
import { indexDocument, removeDocument } from '../../core/search/index.js';
import { SEARCH_KIND, inChunks, isPublic, serviceAreaTowns, servicePlaces, serviceTags } from './queries.js';
import { termId } from './taxonomy.js';

async function termNames(db: Db): Promise<Map<string, { ar: string; en: string }>> {
  const rows = await db.selectFrom('svc_taxonomy_terms').select(['id', 'name_ar', 'name_en']).execute();
  return new Map(rows.map((r) => [r.id, { ar: r.name_ar ?? '', en: r.name_en ?? '' }]));
}

/** Indexes (or removes, when not public) the services' search documents. */
export async function indexServices(db: Db, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length) return;
  const services = await inChunks(serviceIds, (part) =>
    db.selectFrom('svc_services').selectAll().where('id', 'in', part).execute(),
  );
  const orgIds = services.map((s) => s.organization_id);
  const orgs = new Map(
    (
      await inChunks(orgIds, (part) =>
        db
          .selectFrom('svc_organizations')
          .select(['id', 'name_ar', 'name_en', 'member_org_id', 'network_id'])
          .where('id', 'in', part)
          .execute(),
      )
    ).map((o) => [o.id, o]),
  );
  const ids = services.map((s) => s.id);
  const [tags, places, areas, names] = await Promise.all([
    serviceTags(db, ids),
    servicePlaces(db, ids),
    serviceAreaTowns(db, ids),
    termNames(db),
  ]);
  for (const id of serviceIds) if (!services.some((s) => s.id === id)) await removeDocument(db, SEARCH_KIND, id);
  for (const s of services) {
    if (!isPublic(s)) {
      await removeDocument(db, SEARCH_KIND, s.id);
      continue;
    }
    const org = orgs.get(s.organization_id);
    const t = tags.get(s.id)!;
    const p = places.get(s.id) ?? [];
    const a = areas.get(s.id) ?? [];
    const termIds = [
      ...t.categories.map((c) => termId('categories', c)),
      ...t.groups.map((g) => termId('groups', g)),
      ...t.clusters.map((c) => termId('clusters', c)),
    ];
    const body = [
      s.description_ar,
      s.description_en,
      s.alternate_name_ar,
      s.alternate_name_en,
      s.eligibility_description_ar,
      s.eligibility_description_en,
      s.application_process_ar,
      s.application_process_en,
      s.fees_description_ar,
      s.fees_description_en,
      org?.name_ar,
      org?.name_en,
      ...termIds.flatMap((tid) => [names.get(tid)?.ar, names.get(tid)?.en]),
      ...p.flatMap((pl) => [
        pl.name_ar,
        pl.name_en,
        pl.landmark_ar,
        pl.landmark_en,
        pl.town?.name_ar,
        pl.town?.name_en,
      ]),
      ...a.flatMap((tw) => [tw.name_ar, tw.name_en]),
      isSet(s.is_free) ? 'مجاني مجانية مجانا free' : '',
    ]
      .filter(Boolean)
      .join('\n');
    await indexDocument(db, {
      kind: SEARCH_KIND,
      refId: s.id,
      networkId: org?.network_id ?? null,
      organizationId: org?.member_org_id ?? null,
      lang: 'ar',
      title: [s.name_ar, s.name_en].filter(Boolean).join(' — '),
      body,
      facets: {
        town: [...p.map((pl) => pl.town?.pcode ?? ''), ...a.map((tw) => tw.pcode)],
        category: t.categories,
        group: t.groups,
      },
      publishedAt: s.last_modified ?? s.created_at,
    });
  }
}

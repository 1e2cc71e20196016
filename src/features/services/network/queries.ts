// Coverage for the network's coordinators: public services per town and category, gaps marked.
import type { Db } from '../../../core/db/index.js';
import { PUBLIC_STATUSES, inChunks, serviceAreaTowns, servicePlaces, serviceTags } from '../queries.js';
import { CATEGORIES } from '../taxonomy.js';

export type Coverage = {
  towns: {
    pcode: string;
    name_ar: string;
    name_en: string;
    adm2_ar: string;
    adm2_en: string;
    counts: Record<string, number>;
  }[];
  categories: string[];
};

/** Public services per town (where a place is, or an area it covers) and category, for the towns where members work. */
export async function coverage(db: Db): Promise<Coverage> {
  const memberTowns = await db
    .selectFrom('organization_towns as ot')
    .innerJoin('organizations as o', 'o.id', 'ot.organization_id')
    .select('ot.town_pcode')
    .where('o.status', '=', 'active')
    .execute();
  const public_ = await db.selectFrom('svc_services').select('id').where('status', 'in', PUBLIC_STATUSES).execute();
  const ids = public_.map((s) => s.id);
  const [places, areas, tags] = await Promise.all([
    servicePlaces(db, ids),
    serviceAreaTowns(db, ids),
    serviceTags(db, ids),
  ]);
  const counts = new Map<string, Record<string, number>>();
  for (const id of ids) {
    const towns = new Set<string>([
      ...(places.get(id) ?? []).map((p) => p.town?.pcode).filter((p): p is string => !!p),
      ...(areas.get(id) ?? []).map((a) => a.pcode),
    ]);
    for (const t of towns) {
      const c = counts.get(t) ?? {};
      for (const cat of tags.get(id)?.categories ?? []) c[cat] = (c[cat] ?? 0) + 1;
      counts.set(t, c);
    }
  }
  const pcodes = [...new Set([...memberTowns.map((m) => m.town_pcode), ...counts.keys()])];
  const towns = await inChunks(pcodes, (part) =>
    db
      .selectFrom('towns')
      .select(['pcode', 'name_ar', 'name_en', 'adm2_name_ar', 'adm2_name_en'])
      .where('pcode', 'in', part)
      .execute(),
  );
  towns.sort((a, b) => a.adm2_name_ar.localeCompare(b.adm2_name_ar, 'ar') || a.name_ar.localeCompare(b.name_ar, 'ar'));
  return {
    towns: towns.map((t) => ({
      pcode: t.pcode,
      name_ar: t.name_ar,
      name_en: t.name_en,
      adm2_ar: t.adm2_name_ar,
      adm2_en: t.adm2_name_en,
      counts: counts.get(t.pcode) ?? {},
    })),
    categories: CATEGORIES.map((c) => c.code),
  };
}

// The towns where the network's members work: the /towns page lists them by district, with how
// many member organizations work in each.
import type { Db } from '../../core/db/index.js';

/** A town and its district, as the page shows them (and groups by). */
const TOWN_COLUMNS = [
  'towns.pcode',
  'towns.name_ar',
  'towns.name_en',
  'towns.adm2_pcode',
  'towns.adm2_name_ar',
  'towns.adm2_name_en',
] as const;

export async function networkTowns(db: Db) {
  const rows = await db
    .selectFrom('organization_towns')
    .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
    .innerJoin('towns', 'towns.pcode', 'organization_towns.town_pcode')
    .select((eb) => [...TOWN_COLUMNS, eb.fn.count<number>('organizations.id').distinct().as('orgs')])
    .where('organizations.status', '=', 'active')
    .groupBy(TOWN_COLUMNS)
    .orderBy('towns.adm2_pcode')
    .orderBy('towns.pcode')
    .execute();
  return rows.map((r) => ({ ...r, orgs: Number(r.orgs) }));
}

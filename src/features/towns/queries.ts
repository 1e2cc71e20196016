// The towns where the network's members work: the /towns page lists them by district, with how
// many member organizations work in each.
import type { Db } from '../../core/db/index.js';

export async function networkTowns(db: Db) {
  const rows = await db
    .selectFrom('organization_towns')
    .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
    .innerJoin('towns', 'towns.pcode', 'organization_towns.town_pcode')
    .select((eb) => [
      'towns.pcode',
      'towns.name_ar',
      'towns.name_en',
      'towns.adm2_pcode',
      'towns.adm2_name_ar',
      'towns.adm2_name_en',
      eb.fn.count<number>('organizations.id').distinct().as('orgs'),
    ])
    .where('organizations.status', '=', 'active')
    .groupBy([
      'towns.pcode',
      'towns.name_ar',
      'towns.name_en',
      'towns.adm2_pcode',
      'towns.adm2_name_ar',
      'towns.adm2_name_en',
    ])
    .orderBy('towns.adm2_pcode')
    .orderBy('towns.pcode')
    .execute();
  return rows.map((r) => ({ ...r, orgs: Number(r.orgs) }));
}

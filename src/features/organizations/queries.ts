// Member organizations of a network: profiles, the towns they work in, their staff.
import type { Db } from '../../core/db/index.js';
import { fromJson, isSet } from '../../core/db/helpers.js';
import { insertRow } from '../../core/db/rows.js';

export type OrganizationRow = Awaited<ReturnType<typeof getOrganization>>;

export async function getDefaultNetwork(db: Db) {
  return db.selectFrom('networks').selectAll().orderBy('id').executeTakeFirst();
}

/** How many towns the network's members work in (the home page's figure). */
export async function countNetworkTowns(db: Db, networkId: number): Promise<number> {
  const row = await db
    .selectFrom('organization_towns')
    .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
    .select((eb) => eb.fn.count<number>('organization_towns.town_pcode').distinct().as('n'))
    .where('organizations.network_id', '=', networkId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOrganizations(db: Db, networkId: number) {
  const rows = await db
    .selectFrom('organizations')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
  return rows.map((r) => ({ ...r, fields: fromJson<string[]>(r.fields_of_work, []) }));
}

export async function getOrganization(db: Db, id: number) {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, fields: fromJson<string[]>(row.fields_of_work, []) } : null;
}

/** Organizations' town links, each with the town it names. */
function townLinks(db: Db) {
  return db.selectFrom('organization_towns').innerJoin('towns', 'towns.pcode', 'organization_towns.town_pcode');
}

export async function organizationTowns(db: Db, organizationId: number) {
  return townLinks(db)
    .select(['towns.pcode', 'towns.name_ar', 'towns.name_en', 'towns.adm2_name_ar', 'towns.adm2_name_en'])
    .where('organization_towns.organization_id', '=', organizationId)
    .orderBy('towns.name_ar')
    .execute();
}

/** The towns of several organizations at once (the list page), by organization id. */
export async function townsByOrganization(db: Db, organizationIds: number[]) {
  const out = new Map<number, { pcode: string; name_ar: string; name_en: string }[]>();
  if (!organizationIds.length) return out;
  const rows = await townLinks(db)
    .select(['organization_towns.organization_id', 'towns.pcode', 'towns.name_ar', 'towns.name_en'])
    .where('organization_towns.organization_id', 'in', organizationIds)
    .orderBy('towns.name_ar')
    .orderBy('towns.pcode')
    .execute();
  for (const { organization_id: id, ...town } of rows) out.set(id, [...(out.get(id) ?? []), town]);
  return out;
}

export async function organizationsInTown(db: Db, pcode: string) {
  return db
    .selectFrom('organization_towns')
    .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
    .select(['organizations.id', 'organizations.name_ar', 'organizations.name_en'])
    .where('organization_towns.town_pcode', '=', pcode)
    .where('organizations.status', '=', 'active')
    .orderBy('organizations.name_ar')
    .execute();
}

export type OrganizationInput = {
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  fields: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  towns: string[];
};

/** Profile and its towns change together. */
export async function saveOrganization(
  db: Db,
  id: number | null,
  networkId: number,
  input: OrganizationInput,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      name_ar: input.name_ar,
      name_en: input.name_en,
      description_ar: input.description_ar,
      description_en: input.description_en,
      fields_of_work: JSON.stringify(input.fields),
      phone: input.phone,
      email: input.email,
      website: input.website,
      updated_at: now.toISOString(),
    };
    let orgId = id;
    if (orgId === null) {
      orgId = await insertRow(trx, 'organizations', {
        ...values,
        network_id: networkId,
        status: 'active',
        created_at: now.toISOString(),
        logo_media_id: null,
      });
    } else {
      await trx.updateTable('organizations').set(values).where('id', '=', orgId).execute();
      await trx.deleteFrom('organization_towns').where('organization_id', '=', orgId).execute();
    }
    if (input.towns.length) {
      await trx
        .insertInto('organization_towns')
        .values([...new Set(input.towns)].map((pcode) => ({ organization_id: orgId!, town_pcode: pcode })))
        .execute();
    }
    return orgId;
  });
}

export async function setOrganizationLogo(db: Db, id: number, mediaId: string) {
  await db.updateTable('organizations').set({ logo_media_id: mediaId }).where('id', '=', id).execute();
}

export async function existingTownCodes(db: Db, pcodes: string[]): Promise<Set<string>> {
  if (!pcodes.length) return new Set();
  const rows = await db.selectFrom('towns').select('pcode').where('pcode', 'in', pcodes).execute();
  return new Set(rows.map((r) => r.pcode));
}

export async function mediaVariants(db: Db, id: string | null) {
  if (!id) return null;
  const row = await db.selectFrom('media').select(['variants', 'is_public']).where('id', '=', id).executeTakeFirst();
  return row && isSet(row.is_public) ? fromJson<Record<string, string>>(row.variants, {}) : null;
}

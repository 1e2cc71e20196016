// Read-only look-ups every area of programmes uses: town and organization names by id, a town as a
// form shows it, and who works for a member (to tell them what waits). Organizations, towns and
// memberships belong to other parts of Wasl; these only read them.
import type { Db } from '../../../core/db/index.js';
import { localized } from '../../../core/i18n/localized.js';

export type Named = { name_ar: string; name_en: string };

const named = <K>(rows: (Named & { key: K })[]) =>
  new Map(rows.map((r) => [r.key, { name_ar: r.name_ar, name_en: r.name_en }]));

export async function townNames(db: Db, pcodes: string[]): Promise<Map<string, Named>> {
  const keys = [...new Set(pcodes)].filter(Boolean);
  if (!keys.length) return new Map();
  return named(
    await db.selectFrom('towns').select(['pcode as key', 'name_ar', 'name_en']).where('pcode', 'in', keys).execute(),
  );
}

export async function organizationNames(db: Db, ids: number[]): Promise<Map<number, Named>> {
  const keys = [...new Set(ids)];
  if (!keys.length) return new Map();
  return named(
    await db.selectFrom('organizations').select(['id as key', 'name_ar', 'name_en']).where('id', 'in', keys).execute(),
  );
}

/** The names a record's page shows: its organization's and its town's. */
export function recordNames(
  db: Db,
  record: { organization_id: number; town_pcode: string },
): Promise<[Map<number, Named>, Map<string, Named>]> {
  return Promise.all([organizationNames(db, [record.organization_id]), townNames(db, [record.town_pcode])]);
}

/** A stored town as its form field shows it — its name with the P-code that keeps it exact. */
export async function townText(db: Db, locale: string, pcode: string): Promise<string> {
  const name = localized((await townNames(db, [pcode])).get(pcode), 'name', locale);
  return name ? `${name} (${pcode})` : pcode;
}

/** The accounts that work for these members (staff and admins): who is told what waits there. */
export async function staffOf(db: Db, organizationIds: number[]): Promise<number[]> {
  if (!organizationIds.length) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('organization_id', 'in', organizationIds)
    .execute();
  return rows.map((r) => r.user_id);
}

// Read-only look-ups every area of programmes uses: town and organization names by id, and the
// towns offered in forms. Organizations and towns belong to other features; these only read them.
import type { Db } from '../../../core/db/index.js';

export type Named = { name_ar: string; name_en: string };
export type TownChoice = Named & { pcode: string };

export async function townNames(db: Db, pcodes: string[]): Promise<Map<string, Named>> {
  const unique = [...new Set(pcodes)].filter(Boolean);
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('towns')
    .select(['pcode', 'name_ar', 'name_en'])
    .where('pcode', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.pcode, { name_ar: r.name_ar, name_en: r.name_en }]));
}

export async function organizationNames(db: Db, ids: number[]): Promise<Map<number, Named>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { name_ar: r.name_ar, name_en: r.name_en }]));
}

/** Towns a member organization works in plus the project's towns: the choices in forms. */
export async function townChoices(db: Db, opts: { projectId?: number; networkId: number }): Promise<TownChoice[]> {
  const [projectTowns, orgTowns] = await Promise.all([
    opts.projectId
      ? db
          .selectFrom('programme_project_towns')
          .innerJoin('towns', 'towns.pcode', 'programme_project_towns.town_pcode')
          .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
          .where('programme_project_towns.project_id', '=', opts.projectId)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('organization_towns')
      .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
      .innerJoin('towns', 'towns.pcode', 'organization_towns.town_pcode')
      .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
      .where('organizations.network_id', '=', opts.networkId)
      .execute(),
  ]);
  const seen = new Map<string, TownChoice>();
  for (const t of [...projectTowns, ...orgTowns]) if (!seen.has(t.pcode)) seen.set(t.pcode, t);
  return [...seen.values()].sort((a, b) => a.name_ar.localeCompare(b.name_ar, 'ar'));
}

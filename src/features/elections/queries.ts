// The election itself — its towns, organizers and partners, candidates and lists — read by every
// area (the loaders in permissions.ts start here). Named queries, db first; each area keeps its own.
import type { Selectable } from 'kysely';
import type { Db } from '../../core/db/index.js';
import { insertRow, orgName, rowIn } from '../../core/db/rows.js';
import type { Database } from '../../core/db/schema.js';
import { voteField } from './forms/formdef.js';
import type { ElectionsTable } from './tables.js';

type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? W | Words<Rest> : S;

/** `table.column` names for a select list, the table named once: `cols('observers', 'id code')`. */
export function cols<T extends string, S extends string>(table: T, names: S): `${T}.${Words<S>}`[] {
  return names.split(' ').map((n) => `${table}.${n}` as `${T}.${Words<S>}`);
}

/** A town's names as `town_name_ar`/`town_name_en` (for `localized(row, 'town_name', …)`). */
export const townName = ['towns.name_ar as town_name_ar', 'towns.name_en as town_name_en'] as const;

/** Tables whose rows belong to one election (they carry `election_id`). */
type OfElection =
  | 'observers'
  | 'observation_forms'
  | 'observation_submissions'
  | 'count_sheets'
  | 'election_statements'
  | 'election_outreach';

/** One of an election's rows by id, never another election's: the check behind every loader. */
export function rowOf<T extends OfElection>(
  db: Db,
  table: T,
  electionId: number,
  id: number,
): Promise<Selectable<Database[T]> | undefined> {
  return rowIn(db, table, id, { election_id: electionId } as never);
}

// ——— elections ———

export async function listElections(db: Db, opts: { includeDraftFor?: number[]; networkAdminOf?: number[] } = {}) {
  const rows = await db
    .selectFrom('elections')
    .selectAll()
    .orderBy('poll_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const organizers = await electionOrganizerMap(db);
  return rows.filter(
    (e) =>
      e.status !== 'draft' ||
      (opts.networkAdminOf ?? []).includes(e.network_id) ||
      (organizers.get(e.id) ?? []).some((o) => (opts.includeDraftFor ?? []).includes(o)),
  );
}

async function electionOrganizerMap(db: Db) {
  const rows = await db
    .selectFrom('election_partners')
    .select(['election_id', 'organization_id'])
    .where('role', '=', 'organizer')
    .where('organization_id', 'is not', null)
    .execute();
  const map = new Map<number, number[]>();
  for (const r of rows) {
    if (!map.has(r.election_id)) map.set(r.election_id, []);
    map.get(r.election_id)!.push(r.organization_id!);
  }
  return map;
}

export async function getElection(db: Db, id: number) {
  const e = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) return null;
  const partners = await electionPartners(db, id);
  return {
    ...e,
    organizerOrgIds: partners.filter((p) => p.role === 'organizer' && p.organization_id).map((p) => p.organization_id!),
  };
}
export type Election = NonNullable<Awaited<ReturnType<typeof getElection>>>;

export async function electionPartners(db: Db, electionId: number) {
  return db
    .selectFrom('election_partners')
    .leftJoin('organizations', 'organizations.id', 'election_partners.organization_id')
    .select([...cols('election_partners', 'id organization_id role name_ar name_en'), ...orgName])
    .where('election_partners.election_id', '=', electionId)
    .orderBy('election_partners.role', 'desc')
    .orderBy('election_partners.id')
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        ...r,
        name_ar: r.org_name_ar ?? r.name_ar,
        name_en: r.org_name_en ?? r.name_en,
      })),
    );
}

export async function electionTowns(db: Db, electionId: number) {
  return db
    .selectFrom('election_towns')
    .innerJoin('towns', 'towns.pcode', 'election_towns.town_pcode')
    .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
    .where('election_towns.election_id', '=', electionId)
    .orderBy('towns.pcode')
    .execute();
}

export async function electionsInTown(db: Db, pcode: string) {
  return db
    .selectFrom('election_towns')
    .innerJoin('elections', 'elections.id', 'election_towns.election_id')
    .select(['elections.id', 'elections.title_ar', 'elections.title_en', 'elections.poll_date', 'elections.status'])
    .where('election_towns.town_pcode', '=', pcode)
    .where('elections.status', '!=', 'draft')
    .orderBy('elections.poll_date', 'desc')
    .execute();
}

export async function electionCandidates(db: Db, electionId: number) {
  return db
    .selectFrom('election_candidates')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('position')
    .execute();
}

/** The election's towns, partners and candidates or lists: its public page and its settings. */
export async function electionDetails(db: Db, electionId: number) {
  const [towns, partners, candidates] = await Promise.all([
    electionTowns(db, electionId),
    electionPartners(db, electionId),
    electionCandidates(db, electionId),
  ]);
  return { towns, partners, candidates };
}

/** An election's settings, with its towns, organizers, partners and candidates or lists. */
export type ElectionInput = Pick<
  ElectionsTable,
  'title_ar' | 'title_en' | 'poll_date' | 'seats' | 'status' | 'summary_ar' | 'summary_en'
> & {
  hotline?: string | null;
  towns: string[];
  organizers: number[];
  memberPartners: number[];
  otherPartners: { name_ar: string; name_en: string }[];
  candidates: { kind: 'candidate' | 'list'; code: string; name_ar: string; name_en: string }[];
};

/** An election with its towns, partners and candidates: one transaction. */
export async function saveElection(
  db: Db,
  id: number | null,
  networkId: number,
  input: ElectionInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const values = {
      title_ar: input.title_ar,
      title_en: input.title_en,
      poll_date: input.poll_date,
      seats: input.seats,
      status: input.status,
      summary_ar: input.summary_ar,
      summary_en: input.summary_en,
      hotline: input.hotline ?? null,
      updated_at: iso,
    };
    let electionId = id;
    if (electionId === null) {
      electionId = await insertRow(trx, 'elections', {
        ...values,
        network_id: networkId,
        kind: 'local-council',
        created_by: userId,
        created_at: iso,
      });
    } else {
      await trx.updateTable('elections').set(values).where('id', '=', electionId).execute();
      await trx.deleteFrom('election_towns').where('election_id', '=', electionId).execute();
      await trx.deleteFrom('election_partners').where('election_id', '=', electionId).execute();
    }
    const eid = electionId;
    if (input.towns.length)
      await trx
        .insertInto('election_towns')
        .values([...new Set(input.towns)].map((pcode) => ({ election_id: eid, town_pcode: pcode })))
        .execute();
    const partners = [
      ...[...new Set(input.organizers)].map((o) => ({
        election_id: eid,
        organization_id: o,
        role: 'organizer' as const,
        name_ar: '',
        name_en: '',
      })),
      ...[...new Set(input.memberPartners)]
        .filter((o) => !input.organizers.includes(o))
        .map((o) => ({ election_id: eid, organization_id: o, role: 'partner' as const, name_ar: '', name_en: '' })),
      ...input.otherPartners.map((p) => ({ election_id: eid, organization_id: null, role: 'partner' as const, ...p })),
    ];
    if (partners.length) await trx.insertInto('election_partners').values(partners).execute();
    // Candidates keep their ids (count sheets name them by code): update, add, remove by code.
    const existing = await trx.selectFrom('election_candidates').selectAll().where('election_id', '=', eid).execute();
    const byCode = new Map(existing.map((c) => [c.code, c]));
    const keep = new Set<string>();
    for (const [i, c] of input.candidates.entries()) {
      keep.add(c.code);
      const old = byCode.get(c.code);
      if (old)
        await trx
          .updateTable('election_candidates')
          .set({ kind: c.kind, name_ar: c.name_ar, name_en: c.name_en, position: i + 1 })
          .where('id', '=', old.id)
          .execute();
      else
        await trx
          .insertInto('election_candidates')
          .values({
            election_id: eid,
            kind: c.kind,
            code: c.code,
            name_ar: c.name_ar,
            name_en: c.name_en,
            position: i + 1,
          })
          .execute();
    }
    const gone = existing.filter((c) => !keep.has(c.code)).map((c) => c.id);
    if (gone.length) await trx.deleteFrom('election_candidates').where('id', 'in', gone).execute();
    return eid;
  });
}

export async function memberOrganizations(db: Db, networkId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
}

/** What an election holds: what the hub counts, and what keeps it from being removed. */
export async function electionRecords(db: Db, electionId: number) {
  const count = (table: keyof Database & string, where: Record<string, string> = {}) => {
    let q = (db as unknown as Db)
      .selectFrom(table as 'observers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('election_id', '=', electionId);
    for (const [k, v] of Object.entries(where)) q = q.where(k as 'status', '=', v as never);
    return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
  };
  const [centres, stations, observers, forms, submissions, outreach, statements] = await Promise.all([
    count('polling_centres'),
    count('polling_stations'),
    count('observers', { status: 'active' }),
    count('observation_forms', { status: 'published' }),
    count('observation_submissions'),
    count('election_outreach'),
    count('election_statements', { status: 'published' }),
  ]);
  return { centres, stations, observers, forms, submissions, outreach, statements };
}

/** An election with nothing on record yet (no report, no published statement) is removed whole. */
export async function deleteElection(db: Db, electionId: number) {
  // Everything the election holds goes with it (its tables cascade).
  await db.deleteFrom('elections').where('id', '=', electionId).execute();
}

/** Codes of the election's lists that have votes in a count sheet (they cannot be removed). */
export async function listsWithVotes(db: Db, electionId: number): Promise<string[]> {
  const [lists, sheets] = await Promise.all([
    electionCandidates(db, electionId),
    db.selectFrom('count_sheets').select('values_json').where('election_id', '=', electionId).execute(),
  ]);
  const fields = new Set(sheets.flatMap((s) => Object.keys(JSON.parse(s.values_json ?? '{}') as object)));
  return lists.filter((l) => fields.has(voteField(l.code))).map((l) => l.code);
}

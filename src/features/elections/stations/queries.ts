// Polling centres and stations: named queries, db first (the spreadsheet import is in csv.ts).
// A centre or station is found only inside its election; one that has reports stays (it is part
// of the record), and one observers are assigned to stays until they are assigned elsewhere.
import type { Db } from '../../../core/db/index.js';
import { containing, containsInsensitive } from '../../../core/db/helpers.js';
import { deleteIn, insertRow, rowIn, updateIn } from '../../../core/db/rows.js';
import type { Dialect } from '../../../core/db/index.js';
import { cols, townName } from '../queries.js';
import { normalizeCode, splitStationRef, stationLabel } from '../codes.js';

const stationColumns = [
  ...cols('polling_stations', 'id code registered_women registered_men women_only'),
  'polling_centres.id as centre_id',
  'polling_centres.code as centre_code',
  'polling_centres.name_ar as centre_name_ar',
  'polling_centres.name_en as centre_name_en',
  'polling_centres.town_pcode',
] as const;

/** Every station of an election with its centre (the results, the relay, the observer app). */
export async function listStations(db: Db, electionId: number) {
  return db
    .selectFrom('polling_stations')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .innerJoin('towns', 'towns.pcode', 'polling_centres.town_pcode')
    .select([...stationColumns, ...townName])
    .where('polling_stations.election_id', '=', electionId)
    .orderBy('polling_centres.code')
    .orderBy('polling_stations.code')
    .execute();
}
export type StationRow = Awaited<ReturnType<typeof listStations>>[number];

/** Stations by id, with their centre's code (ids that are not the election's are left out). */
export async function stationsById(db: Db, electionId: number, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('polling_stations')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .select(stationColumns)
    .where('polling_stations.election_id', '=', electionId)
    .where('polling_stations.id', 'in', ids)
    .orderBy('polling_centres.code')
    .orderBy('polling_stations.code')
    .execute();
}

/** A station's label ("TB-01 S2"), or '' when it is not the election's. */
export async function labelOf(db: Db, electionId: number, stationId: number) {
  const [s] = await stationsById(db, electionId, [stationId]);
  return s ? stationLabel(s) : '';
}

export const PAGE_SIZE = 50;

/** A page of an election's centres (by code or name), with their towns and stations counted. */
export async function centresPage(db: Db, dialect: Dialect, electionId: number, opts: { q?: string; page: number }) {
  let q = db
    .selectFrom('polling_centres')
    .innerJoin('towns', 'towns.pcode', 'polling_centres.town_pcode')
    .where('polling_centres.election_id', '=', electionId);
  if (opts.q) {
    const like = containing(opts.q);
    const op = containsInsensitive(dialect);
    q = q.where((eb) =>
      eb.or([
        eb('polling_centres.code', 'like', `%${normalizeCode(opts.q!).replace(/[%_\\]/g, '')}%`),
        eb('polling_centres.name_ar', op, like),
        eb('polling_centres.name_en', op, like),
        eb('towns.name_ar', op, like),
        eb('towns.name_en', op, like),
      ]),
    );
  }
  const [total, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .select([...cols('polling_centres', 'id code name_ar name_en town_pcode'), ...townName])
      .orderBy('polling_centres.code')
      .limit(PAGE_SIZE)
      .offset((opts.page - 1) * PAGE_SIZE)
      .execute(),
  ]);
  const counts = rows.length
    ? await db
        .selectFrom('polling_stations')
        .select((eb) => [
          'centre_id',
          eb.fn.countAll<number>().as('stations'),
          eb.fn.sum<number>('registered_women').as('women'),
          eb.fn.sum<number>('registered_men').as('men'),
        ])
        .where(
          'centre_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('centre_id')
        .execute()
    : [];
  const byCentre = new Map(counts.map((c) => [c.centre_id, c]));
  return {
    total: Number(total.n),
    centres: rows.map((r) => {
      const c = byCentre.get(r.id);
      return { ...r, stations: Number(c?.stations ?? 0), women: Number(c?.women ?? 0), men: Number(c?.men ?? 0) };
    }),
  };
}

/** How many centres and stations an election has. */
export async function placeCounts(db: Db, electionId: number) {
  const [centres, stations] = await Promise.all(
    (['polling_centres', 'polling_stations'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('election_id', '=', electionId)
        .executeTakeFirstOrThrow(),
    ),
  );
  return { centres: Number(centres!.n), stations: Number(stations!.n) };
}

export async function getCentre(db: Db, electionId: number, id: number) {
  return db
    .selectFrom('polling_centres')
    .innerJoin('towns', 'towns.pcode', 'polling_centres.town_pcode')
    .select([...cols('polling_centres', 'id election_id code name_ar name_en town_pcode'), ...townName])
    .where('polling_centres.election_id', '=', electionId)
    .where('polling_centres.id', '=', id)
    .executeTakeFirst();
}
export type Centre = NonNullable<Awaited<ReturnType<typeof getCentre>>>;

export const getStation = (db: Db, electionId: number, id: number) =>
  rowIn(db, 'polling_stations', id, { election_id: electionId });

export async function stationsOfCentre(db: Db, centreId: number) {
  return db.selectFrom('polling_stations').selectAll().where('centre_id', '=', centreId).orderBy('code').execute();
}

export async function centreByCode(db: Db, electionId: number, code: string) {
  return db
    .selectFrom('polling_centres')
    .select(['id', 'code'])
    .where('election_id', '=', electionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function stationCodeTaken(db: Db, centreId: number, code: string, except: number | null = null) {
  let q = db.selectFrom('polling_stations').select('id').where('centre_id', '=', centreId).where('code', '=', code);
  if (except !== null) q = q.where('id', '!=', except);
  return !!(await q.executeTakeFirst());
}

type CentreFields = { code: string; town_pcode: string; name_ar: string; name_en: string };
type StationFields = {
  code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: number;
};

export const addCentre = (db: Db, electionId: number, c: CentreFields) =>
  insertRow(db, 'polling_centres', { ...c, election_id: electionId });

export const addStation = (db: Db, electionId: number, s: StationFields & { centre_id: number }) =>
  insertRow(db, 'polling_stations', { ...s, election_id: electionId });

export const updateCentre = (db: Db, electionId: number, id: number, c: CentreFields) =>
  updateIn(db, 'polling_centres', id, { election_id: electionId }, c);

export const updateStation = (db: Db, electionId: number, id: number, s: StationFields) =>
  updateIn(db, 'polling_stations', id, { election_id: electionId }, s);

/** What keeps stations in place: the reports filed at them and the observers assigned to them. */
export async function stationUse(db: Db, stationIds: number[]) {
  if (!stationIds.length) return { reports: 0, observers: 0 };
  const [reports, observers] = await Promise.all([
    db
      .selectFrom('observation_submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('station_id', 'in', stationIds)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('observer_assignments')
      .select((eb) => eb.fn.count<number>('observer_id').distinct().as('n'))
      .where('station_id', 'in', stationIds)
      .executeTakeFirstOrThrow(),
  ]);
  return { reports: Number(reports.n), observers: Number(observers.n) };
}

export const deleteCentre = (db: Db, electionId: number, id: number) =>
  deleteIn(db, 'polling_centres', id, { election_id: electionId });
export const deleteStation = (db: Db, electionId: number, id: number) =>
  deleteIn(db, 'polling_stations', id, { election_id: electionId });

/**
 * Finds stations named as people write them ("TB-01 S2", "TB-01/S2", or a centre's code alone
 * when it has one station), among the election's stations (or only those of `centres`).
 */
export async function stationIndex(db: Db, electionId: number, centres?: string[]) {
  if (centres && !centres.length) return () => null;
  let q = db
    .selectFrom('polling_stations')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .select(['polling_stations.id', 'polling_stations.code', 'polling_centres.code as centre_code'])
    .where('polling_stations.election_id', '=', electionId);
  if (centres) q = q.where('polling_centres.code', 'in', centres);
  const byCentre = new Map<string, { id: number; code: string }[]>();
  for (const r of await q.execute()) {
    const list = byCentre.get(r.centre_code) ?? [];
    list.push(r);
    byCentre.set(r.centre_code, list);
  }
  return (ref: string): number | null => {
    const { centre, station } = splitStationRef(ref);
    const inCentre = byCentre.get(centre) ?? [];
    const found = station ? inCentre.find((r) => r.code === station) : inCentre.length === 1 ? inCentre[0] : null;
    return found?.id ?? null;
  };
}

/** The ids of stations named in `refs`, and what could not be read as one of the election's stations. */
export async function stationsByRef(db: Db, electionId: number, refs: string[]) {
  const centres = [...new Set(refs.map((r) => splitStationRef(r).centre))].filter(Boolean);
  const find = await stationIndex(db, electionId, centres);
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const id = find(ref);
    if (id) ids.push(id);
    else unknown.push(ref);
  }
  return { ids: [...new Set(ids)], unknown };
}

// Polling centres and stations: named queries, db first (the CSV import is in csv.ts).
import type { Db } from '../../../core/db/index.js';
import { cols } from '../queries.js';

export async function listStations(db: Db, electionId: number) {
  return db
    .selectFrom('polling_stations')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .innerJoin('towns', 'towns.pcode', 'polling_centres.town_pcode')
    .select([
      ...cols('polling_stations', 'id code registered_women registered_men women_only'),
      'polling_centres.id as centre_id',
      'polling_centres.code as centre_code',
      'polling_centres.name_ar as centre_name_ar',
      'polling_centres.name_en as centre_name_en',
      'polling_centres.town_pcode',
      'towns.name_ar as town_name_ar',
      'towns.name_en as town_name_en',
    ])
    .where('polling_stations.election_id', '=', electionId)
    .orderBy('polling_centres.code')
    .orderBy('polling_stations.code')
    .execute();
}
export type StationRow = Awaited<ReturnType<typeof listStations>>[number];

export async function listCentres(db: Db, electionId: number) {
  return db.selectFrom('polling_centres').selectAll().where('election_id', '=', electionId).orderBy('code').execute();
}

export async function addCentre(
  db: Db,
  electionId: number,
  c: { code: string; town_pcode: string; name_ar: string; name_en: string },
) {
  const row = await db
    .insertInto('polling_centres')
    .values({ ...c, election_id: electionId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addStation(
  db: Db,
  electionId: number,
  s: {
    centre_id: number;
    code: string;
    registered_women: number | null;
    registered_men: number | null;
    women_only: number;
  },
) {
  const row = await db
    .insertInto('polling_stations')
    .values({ ...s, election_id: electionId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

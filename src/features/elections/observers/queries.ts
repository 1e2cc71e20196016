// Observers (no account: a code and a secret), their assignments, their device tokens and their
// sign-in attempts. Codes are drawn by the server (secret.ts) and unique everywhere, so no answer
// ever says whether a code is someone else's.
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import { containing, containsInsensitive } from '../../../core/db/helpers.js';
import type { Dialect } from '../../../core/db/index.js';
import { deleteIn, insertRow, orgName, rowIn, updateIn } from '../../../core/db/rows.js';
import { cols } from '../queries.js';
import { stationLabel } from '../codes.js';
import { newObserverCode } from './secret.js';

export const OBSERVER_PAGE = 50;

/** Assignments with their station and its centre: where observers are, labelled "centre station". */
const assignedStations = (db: Db) =>
  db
    .selectFrom('observer_assignments')
    .innerJoin('polling_stations', 'polling_stations.id', 'observer_assignments.station_id')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id');

/** A page of an election's observers (by code, name or station), with their stations and recent failed sign-ins. */
export async function observersPage(
  db: Db,
  dialect: Dialect,
  electionId: number,
  opts: { q?: string; page: number; now: Date },
) {
  let q = db
    .selectFrom('observers')
    .innerJoin('organizations', 'organizations.id', 'observers.organization_id')
    .leftJoin('observers as sup', 'sup.id', 'observers.supervisor_id')
    .where('observers.election_id', '=', electionId);
  if (opts.q) {
    const like = containing(opts.q);
    const op = containsInsensitive(dialect);
    q = q.where((eb) =>
      eb.or([
        eb('observers.code', op, like),
        eb('observers.name', op, like),
        eb(
          'observers.id',
          'in',
          assignedStations(db).select('observer_assignments.observer_id').where('polling_centres.code', op, like),
        ),
      ]),
    );
  }
  const [total, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .select([
        ...cols('observers', 'id code name phone kind route_name status no_network_at organization_id supervisor_id'),
        'sup.code as supervisor_code',
        ...orgName,
      ])
      .orderBy('observers.code')
      .limit(OBSERVER_PAGE)
      .offset((opts.page - 1) * OBSERVER_PAGE)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [stations, failures] = await Promise.all([assignmentsOf(db, ids), failedSignIns(db, ids, opts.now)]);
  return {
    total: Number(total.n),
    observers: rows.map((r) => ({ ...r, stations: stations.get(r.id) ?? [], failedSignIns: failures.get(r.id) ?? 0 })),
  };
}
export type ObserverItem = Awaited<ReturnType<typeof observersPage>>['observers'][number];

/** Each observer's stations, labelled "centre station". */
export async function assignmentsOf(db: Db, observerIds: number[]) {
  const out = new Map<number, { id: number; label: string }[]>();
  if (!observerIds.length) return out;
  const rows = await assignedStations(db)
    .select([
      'observer_assignments.observer_id',
      'polling_stations.id',
      'polling_stations.code',
      'polling_centres.code as centre_code',
    ])
    .where('observer_assignments.observer_id', 'in', observerIds)
    .orderBy('polling_centres.code')
    .orderBy('polling_stations.code')
    .execute();
  for (const r of rows) {
    const list = out.get(r.observer_id) ?? [];
    list.push({ id: r.id, label: stationLabel(r) });
    out.set(r.observer_id, list);
  }
  return out;
}

export const getObserver = (db: Db, electionId: number, id: number) =>
  rowIn(db, 'observers', id, { election_id: electionId });
export type ObserverRow = NonNullable<Awaited<ReturnType<typeof getObserver>>>;

export type ObserverInput = {
  name: string;
  phone: string | null;
  organization_id: number;
  kind: 'fixed' | 'mobile';
  route_name: string;
  supervisor_id: number | null;
  stations: number[];
};

/** Codes not yet used anywhere, drawn at random. */
export async function freshCodes(db: Db, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const drawn = Array.from({ length: n - codes.size }, newObserverCode).filter((c) => !codes.has(c));
    const used = await db.selectFrom('observers').select('code').where('code', 'in', drawn).execute();
    const taken = new Set(used.map((u) => u.code));
    for (const c of drawn) if (!taken.has(c)) codes.add(c);
  }
  return [...codes];
}

/** New observers with their codes and secrets' hashes, in one transaction; returns their ids. */
export async function createObservers(
  db: Db,
  electionId: number,
  list: (ObserverInput & { code: string; secretHash: string })[],
  now: Date,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const o of list) {
      const id = await insertRow(trx, 'observers', {
        election_id: electionId,
        organization_id: o.organization_id,
        code: o.code,
        name: o.name,
        phone: o.phone,
        kind: o.kind,
        route_name: o.route_name,
        supervisor_id: o.supervisor_id,
        secret_hash: o.secretHash,
        status: 'active',
        no_network_at: null,
        created_at: now.toISOString(),
        revoked_at: null,
      });
      await assign(trx, id, o.stations);
      ids.push(id);
    }
    return ids;
  });
}

/** One new observer; the code is drawn unless given (the demo and tests name theirs). */
export async function createObserver(
  db: Db,
  electionId: number,
  o: ObserverInput & { code?: string },
  secretHash: string,
  now: Date,
): Promise<number> {
  const code = o.code ?? (await freshCodes(db, 1))[0]!;
  const [id] = await createObservers(db, electionId, [{ ...o, code, secretHash }], now);
  return id!;
}

async function assign(db: Db, observerId: number, stations: number[]) {
  await db.deleteFrom('observer_assignments').where('observer_id', '=', observerId).execute();
  if (stations.length)
    await db
      .insertInto('observer_assignments')
      .values([...new Set(stations)].map((s) => ({ observer_id: observerId, station_id: s })))
      .execute();
}

/** Corrects an observer (name, phone, organization, kind, route, supervisor, stations). */
export async function updateObserver(db: Db, electionId: number, id: number, o: ObserverInput) {
  await db.transaction().execute(async (trx) => {
    const { stations, ...fields } = o;
    if (await updateIn(trx, 'observers', id, { election_id: electionId }, fields)) await assign(trx, id, stations);
  });
}

/** Reports the observer sent: they keep the observer on the record (revoked, never deleted). */
export async function reportsBy(db: Db, observerId: number) {
  const row = await db
    .selectFrom('observation_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('observer_id', '=', observerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const deleteObserver = (db: Db, electionId: number, id: number) =>
  deleteIn(db, 'observers', id, { election_id: electionId });

/** Revocation takes effect at once: the status changes and every token is deleted, in one transaction. */
export async function revokeObserver(db: Db, observerId: number, now: Date) {
  await setAccess(db, observerId, { status: 'revoked', revoked_at: now.toISOString() });
}

/** A revoked observer may sign in again with the secret they hold (their devices signed in again too). */
export async function restoreObserver(db: Db, observerId: number) {
  await setAccess(db, observerId, { status: 'active', revoked_at: null });
}

/** A new secret ends every open session of the observer and re-activates a revoked one. */
export async function reissueObserverSecret(db: Db, observerId: number, secretHash: string) {
  await setAccess(db, observerId, { secret_hash: secretHash, status: 'active', revoked_at: null });
}

/** A new code (the old one no longer signs in; sessions already open go on). */
export async function newObserverCodeFor(db: Db, observerId: number): Promise<string> {
  const [code] = await freshCodes(db, 1);
  await db.updateTable('observers').set({ code: code! }).where('id', '=', observerId).execute();
  return code!;
}

async function setAccess(
  db: Db,
  observerId: number,
  values: { status: 'active' | 'revoked'; revoked_at: string | null; secret_hash?: string },
) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('observers').set(values).where('id', '=', observerId).execute();
    await trx.deleteFrom('observer_tokens').where('observer_id', '=', observerId).execute();
  });
}

export async function setNoNetwork(db: Db, observerIds: number[], at: Date | null) {
  if (!observerIds.length) return;
  await db
    .updateTable('observers')
    .set({ no_network_at: at ? at.toISOString() : null })
    .where('id', 'in', observerIds)
    .execute();
}

export async function observersAtStation(db: Db, stationId: number) {
  return db
    .selectFrom('observer_assignments')
    .innerJoin('observers', 'observers.id', 'observer_assignments.observer_id')
    .select(['observers.id', 'observers.code'])
    .where('observer_assignments.station_id', '=', stationId)
    .where('observers.status', '=', 'active')
    .execute();
}

/** Everyone assigned to a centre's stations, station by station (the printed list). */
export async function observersAtCentre(db: Db, centreId: number) {
  const rows = await assignedStations(db)
    .innerJoin('observers', 'observers.id', 'observer_assignments.observer_id')
    .select([
      ...cols('observers', 'id code name phone kind status'),
      'polling_stations.code as station_code',
      'polling_centres.code as centre_code',
    ])
    .where('polling_stations.centre_id', '=', centreId)
    .orderBy('polling_stations.code')
    .orderBy('observers.code')
    .execute();
  return rows.map(({ station_code, centre_code, ...o }) => ({
    ...o,
    station: stationLabel({ centre_code, code: station_code }),
  }));
}

// ——— observer tokens ———

export const TOKEN_LIFETIME_MS = 4 * 24 * 3600 * 1000;

export function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createObserverToken(db: Db, observerId: number, now: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('observer_tokens')
    .values({
      token_hash: hashToken(token),
      observer_id: observerId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
    })
    .execute();
  return token;
}

export async function deleteObserverToken(db: Db, token: string) {
  await db.deleteFrom('observer_tokens').where('token_hash', '=', hashToken(token)).execute();
}

/** The observer a bearer token belongs to, if the token and the observer are both live. */
export async function observerForToken(db: Db, token: string, now: Date) {
  if (!token || token.length > 100) return null;
  return (
    (await db
      .selectFrom('observer_tokens')
      .innerJoin('observers', 'observers.id', 'observer_tokens.observer_id')
      .innerJoin('elections', 'elections.id', 'observers.election_id')
      .select([...cols('observers', 'id code election_id organization_id'), 'elections.status as election_status'])
      .where('observer_tokens.token_hash', '=', hashToken(token))
      .where('observer_tokens.expires_at', '>', now.toISOString())
      .where('observers.status', '=', 'active')
      .executeTakeFirst()) ?? null
  );
}
export type TokenObserver = NonNullable<Awaited<ReturnType<typeof observerForToken>>>;

export async function observerByCode(db: Db, code: string) {
  return db
    .selectFrom('observers')
    .innerJoin('elections', 'elections.id', 'observers.election_id')
    .select([...cols('observers', 'id secret_hash status election_id'), 'elections.status as election_status'])
    .where('observers.code', '=', code)
    .executeTakeFirst();
}

/** Is this station one of the observer's? */
export async function isAssigned(db: Db, observerId: number, stationId: number) {
  return !!(await db
    .selectFrom('observer_assignments')
    .select('station_id')
    .where('observer_id', '=', observerId)
    .where('station_id', '=', stationId)
    .executeTakeFirst());
}

export async function assignedStationIds(db: Db, observerId: number) {
  const rows = await db
    .selectFrom('observer_assignments')
    .select('station_id')
    .where('observer_id', '=', observerId)
    .execute();
  return rows.map((r) => r.station_id);
}

// ——— sign-in attempts (what the coordinator sees) ———

export async function recordSignIn(
  db: Db,
  observerId: number,
  outcome: 'ok' | 'wrongSecret' | 'waiting' | 'limited',
  network: string,
  now: Date,
) {
  await db
    .insertInto('observer_sign_ins')
    .values({ observer_id: observerId, outcome, network, at: now.toISOString() })
    .execute();
}

export async function signInAttempts(db: Db, observerId: number, limit = 30) {
  return db
    .selectFrom('observer_sign_ins')
    .select(['at', 'outcome', 'network'])
    .where('observer_id', '=', observerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Failed sign-ins of the last day, by observer. */
async function failedSignIns(db: Db, observerIds: number[], now: Date) {
  if (!observerIds.length) return new Map<number, number>();
  const rows = await db
    .selectFrom('observer_sign_ins')
    .select((eb) => ['observer_id', eb.fn.countAll<number>().as('n')])
    .where('observer_id', 'in', observerIds)
    .where('outcome', '!=', 'ok')
    .where('at', '>', new Date(now.getTime() - 24 * 3600_000).toISOString())
    .groupBy('observer_id')
    .execute();
  return new Map(rows.map((r) => [r.observer_id, Number(r.n)]));
}

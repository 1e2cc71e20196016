// Observers (no account: a code and a secret), their assignments and their device tokens.
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import { cols, rowOf } from '../queries.js';

export async function listObservers(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observers')
    .innerJoin('organizations', 'organizations.id', 'observers.organization_id')
    .leftJoin('observers as sup', 'sup.id', 'observers.supervisor_id')
    .select([
      ...cols('observers', 'id code name phone kind route_name status no_network_at organization_id supervisor_id'),
      'sup.code as supervisor_code',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
    .where('observers.election_id', '=', electionId)
    .orderBy('observers.code')
    .execute();
  const assignments = await db
    .selectFrom('observer_assignments')
    .innerJoin('polling_stations', 'polling_stations.id', 'observer_assignments.station_id')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .select([
      'observer_assignments.observer_id',
      'polling_stations.id as station_id',
      'polling_stations.code',
      'polling_centres.code as centre_code',
    ])
    .where('polling_stations.election_id', '=', electionId)
    .execute();
  return rows.map((r) => ({
    ...r,
    stations: assignments
      .filter((a) => a.observer_id === r.id)
      .map((a) => ({ id: a.station_id, label: `${a.centre_code} ${a.code}` })),
  }));
}

export const getObserver = (db: Db, electionId: number, id: number) => rowOf(db, 'observers', electionId, id);

export async function observerCodeTaken(db: Db, code: string) {
  return !!(await db.selectFrom('observers').select('id').where('code', '=', code).executeTakeFirst());
}

export async function createObserver(
  db: Db,
  electionId: number,
  o: {
    code: string;
    name: string;
    phone: string | null;
    organization_id: number;
    kind: 'fixed' | 'mobile';
    route_name: string;
    supervisor_id: number | null;
    stations: number[];
  },
  secretHash: string,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('observers')
      .values({
        election_id: electionId,
        organization_id: o.organization_id,
        code: o.code,
        name: o.name,
        phone: o.phone,
        kind: o.kind,
        route_name: o.route_name,
        supervisor_id: o.supervisor_id,
        secret_hash: secretHash,
        status: 'active',
        no_network_at: null,
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (o.stations.length)
      await trx
        .insertInto('observer_assignments')
        .values([...new Set(o.stations)].map((s) => ({ observer_id: row.id, station_id: s })))
        .execute();
    return row.id;
  });
}

/** Revocation takes effect at once: the status changes and every token is deleted, in one transaction. */
export async function revokeObserver(db: Db, observerId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('observers')
      .set({ status: 'revoked', revoked_at: now.toISOString() })
      .where('id', '=', observerId)
      .execute();
    await trx.deleteFrom('observer_tokens').where('observer_id', '=', observerId).execute();
  });
}

/** A new secret ends every open session of the observer and re-activates a revoked one. */
export async function reissueObserverSecret(db: Db, observerId: number, secretHash: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('observers')
      .set({ secret_hash: secretHash, status: 'active', revoked_at: null })
      .where('id', '=', observerId)
      .execute();
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

export async function assignedStationIds(db: Db, observerId: number) {
  const rows = await db
    .selectFrom('observer_assignments')
    .select('station_id')
    .where('observer_id', '=', observerId)
    .execute();
  return rows.map((r) => r.station_id);
}

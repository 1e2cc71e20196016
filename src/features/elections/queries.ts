// Elections: named queries (db first). Writes that span tables live in actions.ts.
import crypto from 'node:crypto';
import type { Db } from '../../core/db/index.js';
import { fromJson, toJson } from '../../core/db/helpers.js';
import type { ElectionStatus, FormKind, OutreachKind } from './tables.js';
import type { FormDefinition } from './formdef.js';

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
    .select([
      'election_partners.id',
      'election_partners.organization_id',
      'election_partners.role',
      'election_partners.name_ar',
      'election_partners.name_en',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
    ])
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

export type ElectionInput = {
  title_ar: string;
  title_en: string;
  poll_date: string;
  seats: number;
  status: ElectionStatus;
  summary_ar: string;
  summary_en: string;
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
      updated_at: iso,
    };
    let electionId = id;
    if (electionId === null) {
      const row = await trx
        .insertInto('elections')
        .values({ ...values, network_id: networkId, kind: 'local-council', created_by: userId, created_at: iso })
        .returning('id')
        .executeTakeFirstOrThrow();
      electionId = row.id;
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

// ——— outreach ———

export type OutreachInput = {
  kind: OutreachKind;
  held_on: string;
  town_pcode: string;
  organization_id: number | null;
  organization_name: string | null;
  leaflets: number | null;
  places: string;
  reached_women: number;
  reached_men: number;
  notes: string;
};

export async function addOutreach(db: Db, electionId: number, input: OutreachInput, userId: number, now: Date) {
  const row = await db
    .insertInto('election_outreach')
    .values({ ...input, election_id: electionId, created_by: userId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteOutreach(db: Db, electionId: number, id: number) {
  const res = await db
    .deleteFrom('election_outreach')
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function listOutreach(db: Db, electionId: number) {
  return db
    .selectFrom('election_outreach')
    .leftJoin('organizations', 'organizations.id', 'election_outreach.organization_id')
    .innerJoin('towns', 'towns.pcode', 'election_outreach.town_pcode')
    .select([
      'election_outreach.id',
      'election_outreach.kind',
      'election_outreach.held_on',
      'election_outreach.town_pcode',
      'election_outreach.organization_id',
      'election_outreach.organization_name',
      'election_outreach.leaflets',
      'election_outreach.places',
      'election_outreach.reached_women',
      'election_outreach.reached_men',
      'election_outreach.notes',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
      'towns.name_ar as town_name_ar',
      'towns.name_en as town_name_en',
    ])
    .where('election_outreach.election_id', '=', electionId)
    .orderBy('election_outreach.held_on')
    .orderBy('election_outreach.id')
    .execute();
}

// ——— centres and stations ———

export async function listStations(db: Db, electionId: number) {
  return db
    .selectFrom('polling_stations')
    .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
    .innerJoin('towns', 'towns.pcode', 'polling_centres.town_pcode')
    .select([
      'polling_stations.id',
      'polling_stations.code',
      'polling_stations.registered_women',
      'polling_stations.registered_men',
      'polling_stations.women_only',
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

// ——— observers ———

export async function listObservers(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observers')
    .innerJoin('organizations', 'organizations.id', 'observers.organization_id')
    .leftJoin('observers as sup', 'sup.id', 'observers.supervisor_id')
    .select([
      'observers.id',
      'observers.code',
      'observers.name',
      'observers.phone',
      'observers.kind',
      'observers.route_name',
      'observers.status',
      'observers.no_network_at',
      'observers.organization_id',
      'observers.supervisor_id',
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

export async function getObserver(db: Db, electionId: number, id: number) {
  return db
    .selectFrom('observers')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

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
      .select([
        'observers.id',
        'observers.code',
        'observers.election_id',
        'observers.organization_id',
        'elections.status as election_status',
      ])
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
    .select([
      'observers.id',
      'observers.secret_hash',
      'observers.status',
      'observers.election_id',
      'elections.status as election_status',
    ])
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

// ——— forms ———

export async function listForms(db: Db, electionId: number) {
  return db
    .selectFrom('observation_forms')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('slug')
    .orderBy('version', 'desc')
    .execute();
}

export async function getForm(db: Db, electionId: number, id: number) {
  const f = await db
    .selectFrom('observation_forms')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return f ? parsedForm(f) : null;
}

function parsedForm<T extends { definition: string; rules: string }>(f: T) {
  return {
    ...f,
    def: fromJson<FormDefinition>(f.definition, { questions: [] }),
    ruleList: fromJson<string[]>(f.rules, []),
  };
}
export type FormRow = NonNullable<Awaited<ReturnType<typeof getForm>>>;

/** The published version of every form of an election. */
export async function publishedForms(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observation_forms')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const order: FormKind[] = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];
  return rows.map(parsedForm).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id - b.id);
}

export async function saveFormDraft(
  db: Db,
  electionId: number,
  id: number | null,
  f: { slug: string; kind: FormKind; title_ar: string; title_en: string; def: FormDefinition; rules: string[] },
  userId: number | null,
  now: Date,
) {
  if (id !== null) {
    await db
      .updateTable('observation_forms')
      .set({ title_ar: f.title_ar, title_en: f.title_en, definition: toJson(f.def), rules: toJson(f.rules) })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    return id;
  }
  const last = await db
    .selectFrom('observation_forms')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('election_id', '=', electionId)
    .where('slug', '=', f.slug)
    .executeTakeFirst();
  const row = await db
    .insertInto('observation_forms')
    .values({
      election_id: electionId,
      slug: f.slug,
      version: Number(last?.v ?? 0) + 1,
      kind: f.kind,
      title_ar: f.title_ar,
      title_en: f.title_en,
      definition: toJson(f.def),
      rules: toJson(f.rules),
      status: 'draft',
      created_by: userId,
      created_at: now.toISOString(),
      published_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Publishing a version retires the one before it (submissions keep pointing at their version). */
export async function publishForm(db: Db, electionId: number, id: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    const f = await trx.selectFrom('observation_forms').select(['slug']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx
      .updateTable('observation_forms')
      .set({ status: 'retired' })
      .where('election_id', '=', electionId)
      .where('slug', '=', f.slug)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('observation_forms')
      .set({ status: 'published', published_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  });
}

export async function formSlugs(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observation_forms')
    .select('slug')
    .distinct()
    .where('election_id', '=', electionId)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

// ——— submissions ———

export async function listSubmissions(db: Db, electionId: number) {
  return db
    .selectFrom('observation_submissions')
    .innerJoin('observation_forms', 'observation_forms.id', 'observation_submissions.form_id')
    .select([
      'observation_submissions.id',
      'observation_submissions.form_id',
      'observation_submissions.station_id',
      'observation_submissions.observer_id',
      'observation_submissions.source',
      'observation_submissions.flags',
      'observation_submissions.critical',
      'observation_submissions.sheet_id',
      'observation_submissions.status',
      'observation_submissions.received_at',
      'observation_submissions.verification_comment',
      'observation_forms.slug',
      'observation_forms.kind',
      'observation_forms.title_ar',
      'observation_forms.title_en',
      'observation_forms.version',
    ])
    .where('observation_submissions.election_id', '=', electionId)
    .orderBy('observation_submissions.id')
    .execute();
}

export async function getSubmission(db: Db, electionId: number, id: number) {
  return db
    .selectFrom('observation_submissions')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function verifySubmission(
  db: Db,
  id: number,
  decision: 'verified' | 'rejected' | 'received',
  comment: string,
  userId: number,
  now: Date,
) {
  await db
    .updateTable('observation_submissions')
    .set({ status: decision, verification_comment: comment, verified_by: userId, verified_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function listSheets(db: Db, electionId: number) {
  return db.selectFrom('count_sheets').selectAll().where('election_id', '=', electionId).execute();
}

export async function getSheet(db: Db, electionId: number, id: number) {
  return db
    .selectFrom('count_sheets')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function sheetEntries(db: Db, sheetId: number) {
  return db
    .selectFrom('observation_submissions')
    .leftJoin('observers', 'observers.id', 'observation_submissions.observer_id')
    .leftJoin('users', 'users.id', 'observation_submissions.entered_by')
    .select([
      'observation_submissions.id',
      'observation_submissions.answers',
      'observation_submissions.source',
      'observation_submissions.received_at',
      'observation_submissions.form_id',
      'observers.code as observer_code',
      'users.display_name as entered_by_name',
    ])
    .where('observation_submissions.sheet_id', '=', sheetId)
    .orderBy('observation_submissions.id')
    .execute();
}

export async function saveTextReport(
  db: Db,
  electionId: number,
  userId: number,
  raw: string,
  outcome: unknown,
  now: Date,
) {
  await db
    .insertInto('election_text_reports')
    .values({
      election_id: electionId,
      relayed_by: userId,
      raw,
      outcome: toJson(outcome),
      created_at: now.toISOString(),
    })
    .execute();
}

export async function recentTextReports(db: Db, electionId: number) {
  return db
    .selectFrom('election_text_reports')
    .innerJoin('users', 'users.id', 'election_text_reports.relayed_by')
    .select([
      'election_text_reports.id',
      'election_text_reports.raw',
      'election_text_reports.created_at',
      'users.display_name',
    ])
    .where('election_text_reports.election_id', '=', electionId)
    .orderBy('election_text_reports.id', 'desc')
    .limit(10)
    .execute();
}

// ——— statements ———

export async function listStatements(db: Db, electionId: number) {
  return db
    .selectFrom('election_statements')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '!=', 'discarded')
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function publishedStatements(db: Db, electionId: number) {
  return db
    .selectFrom('election_statements')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .execute();
}

export async function getStatement(db: Db, electionId: number, id: number) {
  return db
    .selectFrom('election_statements')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

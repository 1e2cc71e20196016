// Test fixture: an election with centres, stations, published forms and observers whose secrets
// are known. Used by the feature's tests and the election-day bench (never by the app).
import type { Db } from '../../../core/db/index.js';
import { hashPassword } from '../../../core/auth/passwords.js';
import { damascusDay } from '../../../core/time.js';
import { electionCandidates, saveElection } from '../queries.js';
import { addCentre, addStation } from '../stations/queries.js';
import { createObserver } from '../observers/queries.js';
import { normalizeSecret } from '../observers/secret.js';
import { createFormDraft, getForm, publishForm, type FormRow } from '../forms/queries.js';
import { templateQuestions, templateRules } from '../forms/templates.js';
import type { ElectionStatus, FormKind } from '../tables.js';

export type Fixture = {
  electionId: number;
  stations: { id: number; label: string }[];
  forms: Record<FormKind, FormRow>;
  observers: { id: number; code: string; secret: string; stationId: number }[];
};

/** Test databases start without the gazetteer: add Turkman Bareh if it is missing. */
export async function ensureTown(db: Db, pcode = 'C1605', ar = 'تركمان بارح', en = 'Turkman Bareh') {
  const found = await db.selectFrom('towns').select('pcode').where('pcode', '=', pcode).executeTakeFirst();
  if (found) return;
  await db
    .insertInto('towns')
    .values({
      pcode,
      name_ar: ar,
      name_en: en,
      adm3_pcode: 'SY020401',
      adm3_name_ar: 'اخترين',
      adm3_name_en: 'Aghtrin',
      adm2_pcode: 'SY0204',
      adm2_name_ar: 'اعزاز',
      adm2_name_en: "A'zaz",
      adm1_pcode: 'SY02',
      adm1_name_ar: 'حلب',
      adm1_name_en: 'Aleppo',
      lat: null,
      lon: null,
      search_name: `${ar} ${en}`.toLowerCase(),
      data_note: null,
    })
    .execute();
}

export async function makeElectionFixture(
  db: Db,
  opts: {
    networkId: number;
    organizerOrgId: number;
    userId: number | null;
    now: Date;
    status?: ElectionStatus;
    stations?: number;
    observers?: number;
    /** kept for callers that name one; observer codes are drawn at random like every code */
    codePrefix?: string;
    registered?: boolean;
  },
): Promise<Fixture> {
  await ensureTown(db);
  const electionId = await saveElection(
    db,
    null,
    opts.networkId,
    {
      title_ar: 'انتخابات تجريبية',
      title_en: 'Test election',
      poll_date: damascusDay(opts.now),
      seats: 15,
      status: opts.status ?? 'active',
      summary_ar: '',
      summary_en: '',
      towns: ['C1605'],
      organizers: [opts.organizerOrgId],
      memberPartners: [],
      otherPartners: [],
      candidates: [
        { kind: 'list', code: 'L1', name_ar: 'قائمة أ', name_en: 'List A' },
        { kind: 'list', code: 'L2', name_ar: 'قائمة ب', name_en: 'List B' },
      ],
    },
    opts.userId,
    opts.now,
  );
  const stationCount = opts.stations ?? 2;
  const stations: Fixture['stations'] = [];
  const centreCount = Math.max(1, Math.ceil(stationCount / 2));
  const centres: number[] = [];
  for (let c = 0; c < centreCount; c++)
    centres.push(
      await addCentre(db, electionId, {
        code: `TB-${String(c + 1).padStart(2, '0')}`,
        town_pcode: 'C1605',
        name_ar: `مركز ${c + 1}`,
        name_en: `Centre ${c + 1}`,
      }),
    );
  for (let i = 0; i < stationCount; i++) {
    const c = Math.floor(i / 2);
    const code = `S${(i % 2) + 1}`;
    const id = await addStation(db, electionId, {
      centre_id: centres[c]!,
      code,
      registered_women: opts.registered === false ? null : 300,
      registered_men: opts.registered === false ? null : 300,
      women_only: 0,
    });
    stations.push({ id, label: `TB-${String(c + 1).padStart(2, '0')} ${code}` });
  }
  const candidates = await electionCandidates(db, electionId);
  const forms = {} as Record<FormKind, FormRow>;
  for (const kind of ['station', 'opening', 'voting', 'closing', 'count', 'incident'] as FormKind[]) {
    const id = await createFormDraft(
      db,
      electionId,
      {
        slug: kind,
        kind,
        title_ar: `استمارة ${kind}`,
        title_en: `Form ${kind}`,
        def: { questions: templateQuestions(kind, candidates) },
        rules: templateRules(kind),
      },
      opts.userId,
      opts.now,
    );
    await publishForm(db, electionId, id, opts.now);
    forms[kind] = (await getForm(db, electionId, id))!;
  }
  const observers: Fixture['observers'] = [];
  const n = opts.observers ?? stationCount;
  // One hash for every fixture observer: argon2 is slow on purpose.
  const secret = 'ABCDE-23456';
  const hash = await hashPassword(normalizeSecret(secret));
  for (let i = 0; i < n; i++) {
    const station = stations[i % stations.length]!;
    const id = await createObserver(
      db,
      electionId,
      {
        name: `Observer ${i + 1}`,
        phone: null,
        organization_id: opts.organizerOrgId,
        kind: 'fixed',
        route_name: '',
        supervisor_id: null,
        stations: [station.id],
      },
      hash,
      opts.now,
    );
    const { code } = await db.selectFrom('observers').select('code').where('id', '=', id).executeTakeFirstOrThrow();
    observers.push({ id, code, secret, stationId: station.id });
  }
  return { electionId, stations, forms, observers };
}

/** A count sheet that meets every default rule. */
export function goodSheet(w: number, m: number, extra: Record<string, number> = {}): Record<string, number> {
  const voters = w + m;
  const invalid = Math.max(1, Math.round(voters * 0.05));
  const valid = voters - invalid;
  const spoiled = 2;
  const received = voters + spoiled + 50;
  const l1 = Math.floor(valid / 2);
  return {
    registered_women: 300,
    registered_men: 300,
    voters_women: w,
    voters_men: m,
    ballots_received: received,
    ballots_unused: 50,
    ballots_spoiled: spoiled,
    valid,
    invalid,
    blank: 0,
    votes_l1: l1,
    votes_l2: valid - l1,
    ...extra,
  };
}

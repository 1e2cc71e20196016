// Governance: bodies, seats and terms (public), and votes among member organizations.
//
// Secrecy: casting writes two unlinked things in one transaction — a participation row (which
// organization took part, by whom, on which day) and a ballot (random id, vote id, choices). The
// ballot has no organization, user or time; and every cast rewrites all of the vote's ballots
// with fresh random ids in a shuffled order, so neither ids nor storage order tell which ballot
// came when. The count is always recomputed from the stored ballots.
import crypto from 'node:crypto';
import type { Db } from '../../core/db/index.js';
import { fromJson } from '../../core/db/helpers.js';
import { damascusDay } from '../../core/time.js';
import type { VoteKind } from './tables.js';

// ——— bodies, seats, terms ———

export async function listBodies(db: Db, networkId: number, now: Date) {
  const today = damascusDay(now);
  const bodies = await db
    .selectFrom('coord_bodies')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (!bodies.length) return [];
  const seats = await db
    .selectFrom('coord_seats')
    .selectAll()
    .where(
      'body_id',
      'in',
      bodies.map((b) => b.id),
    )
    .orderBy('is_chair', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const terms = seats.length
    ? await db
        .selectFrom('coord_terms')
        .leftJoin('organizations', 'organizations.id', 'coord_terms.holder_org_id')
        .select([
          'coord_terms.id',
          'coord_terms.seat_id',
          'coord_terms.holder_name',
          'coord_terms.holder_org_id',
          'coord_terms.starts_on',
          'coord_terms.ends_on',
          'coord_terms.vote_id',
          'organizations.name_ar as org_name_ar',
          'organizations.name_en as org_name_en',
        ])
        .where(
          'coord_terms.seat_id',
          'in',
          seats.map((s) => s.id),
        )
        .orderBy('coord_terms.starts_on', 'desc')
        .execute()
    : [];
  return bodies.map((b) => ({
    ...b,
    seats: seats
      .filter((s) => s.body_id === b.id)
      .map((s) => {
        const all = terms.filter((t) => t.seat_id === s.id);
        return {
          ...s,
          current: all.find((t) => t.starts_on <= today && t.ends_on >= today) ?? null,
          past: all.filter((t) => t.ends_on < today),
          upcoming: all.filter((t) => t.starts_on > today),
        };
      }),
  }));
}

export async function createBody(
  db: Db,
  networkId: number,
  input: {
    kind: 'board' | 'committee';
    name_ar: string;
    name_en: string;
    description_ar: string;
    description_en: string;
  },
  now: Date,
) {
  const row = await db
    .insertInto('coord_bodies')
    .values({ network_id: networkId, ...input, position: 0, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getBody(db: Db, networkId: number, id: number) {
  return db
    .selectFrom('coord_bodies')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
}

export async function addSeat(
  db: Db,
  bodyId: number,
  input: { title_ar: string; title_en: string; is_chair: boolean },
): Promise<number> {
  const row = await db
    .insertInto('coord_seats')
    .values({
      body_id: bodyId,
      title_ar: input.title_ar,
      title_en: input.title_en,
      is_chair: input.is_chair ? 1 : 0,
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getSeat(db: Db, networkId: number, seatId: number) {
  return db
    .selectFrom('coord_seats')
    .innerJoin('coord_bodies', 'coord_bodies.id', 'coord_seats.body_id')
    .select(['coord_seats.id', 'coord_seats.body_id'])
    .where('coord_seats.id', '=', seatId)
    .where('coord_bodies.network_id', '=', networkId)
    .executeTakeFirst();
}

export async function addTerm(
  db: Db,
  seatId: number,
  input: {
    holder_name: string;
    holder_org_id: number | null;
    holder_user_id: number | null;
    starts_on: string;
    ends_on: string;
    vote_id: number | null;
  },
) {
  await db
    .insertInto('coord_terms')
    .values({ seat_id: seatId, ...input })
    .execute();
}

/** Board seat holders who have accounts (for plan reviews that include the board). */
export async function currentBoardUserIds(db: Db, networkId: number, now: Date): Promise<number[]> {
  const today = damascusDay(now);
  const rows = await db
    .selectFrom('coord_terms')
    .innerJoin('coord_seats', 'coord_seats.id', 'coord_terms.seat_id')
    .innerJoin('coord_bodies', 'coord_bodies.id', 'coord_seats.body_id')
    .select('coord_terms.holder_user_id')
    .where('coord_bodies.network_id', '=', networkId)
    .where('coord_bodies.kind', '=', 'board')
    .where('coord_terms.starts_on', '<=', today)
    .where('coord_terms.ends_on', '>=', today)
    .where('coord_terms.holder_user_id', 'is not', null)
    .execute();
  return [...new Set(rows.map((r) => r.holder_user_id!))];
}

// ——— votes ———

export type VotePhase = 'nominations' | 'scheduled' | 'open' | 'closed' | 'cancelled';

export function votePhase(
  v: {
    kind: VoteKind;
    nominations_close_at: string | null;
    opens_at: string;
    closes_at: string;
    cancelled_at: string | null;
  },
  now: Date,
): VotePhase {
  const t = now.toISOString();
  if (v.cancelled_at) return 'cancelled';
  if (t >= v.closes_at) return 'closed';
  if (t >= v.opens_at) return 'open';
  if (v.kind === 'election' && v.nominations_close_at && t < v.nominations_close_at) return 'nominations';
  return 'scheduled';
}

export async function listVotes(db: Db, networkId: number) {
  return db
    .selectFrom('coord_votes')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('closes_at', 'desc')
    .limit(100)
    .execute();
}

export async function getVote(db: Db, networkId: number, id: number) {
  return db
    .selectFrom('coord_votes')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
}

export type VoteInput = {
  kind: VoteKind;
  title: string;
  description: string;
  body_id: number | null;
  max_choices: number;
  nominations_close_at: string | null;
  opens_at: string;
  closes_at: string;
  quorum_percent: number;
};

/** A decision gets its yes / no / abstain options at once; an election gets candidates by nomination. */
export async function createVote(
  db: Db,
  networkId: number,
  input: VoteInput,
  labels: { yes: string; no: string; abstain: string },
  userId: number | null,
  now: Date,
): Promise<number> {
  const eligible = await eligibleOrgCount(db, networkId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coord_votes')
      .values({
        network_id: networkId,
        ...input,
        eligible_orgs: eligible,
        max_choices: input.kind === 'decision' ? 1 : input.max_choices,
        nominations_close_at: input.kind === 'decision' ? null : input.nominations_close_at,
        created_by: userId,
        created_at: now.toISOString(),
        cancelled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.kind === 'decision') {
      const kinds = ['yes', 'no', 'abstain'] as const;
      await trx
        .insertInto('coord_vote_options')
        .values(
          kinds.map((k, i) => ({
            vote_id: row.id,
            kind: k,
            label: labels[k],
            nominee_user_id: null,
            nominee_org_id: null,
            nominated_by_user_id: null,
            statement: '',
            accepted: 1,
            withdrawn: 0,
            position: i,
            created_at: now.toISOString(),
          })),
        )
        .execute();
    }
    return row.id;
  });
}

export async function listOptions(db: Db, voteId: number) {
  return db
    .selectFrom('coord_vote_options')
    .leftJoin('organizations', 'organizations.id', 'coord_vote_options.nominee_org_id')
    .leftJoin('users as nominator', 'nominator.id', 'coord_vote_options.nominated_by_user_id')
    .select([
      'coord_vote_options.id',
      'coord_vote_options.kind',
      'coord_vote_options.label',
      'coord_vote_options.nominee_user_id',
      'coord_vote_options.nominee_org_id',
      'coord_vote_options.nominated_by_user_id',
      'coord_vote_options.statement',
      'coord_vote_options.accepted',
      'coord_vote_options.withdrawn',
      'organizations.name_ar as org_name_ar',
      'organizations.name_en as org_name_en',
      'nominator.display_name as nominator_name',
    ])
    .where('coord_vote_options.vote_id', '=', voteId)
    .orderBy('coord_vote_options.position')
    .orderBy('coord_vote_options.id')
    .execute();
}

export type NominationResult = 'ok' | 'closed' | 'duplicate' | 'notMember';

/**
 * Nominates a person from a member organization. Self-nominations stand at once; a nomination by
 * someone else waits for the nominee to accept.
 */
export async function nominate(
  db: Db,
  vote: {
    id: number;
    kind: VoteKind;
    nominations_close_at: string | null;
    opens_at: string;
    closes_at: string;
    cancelled_at: string | null;
  },
  input: { nomineeUserId: number; nomineeOrgId: number; nominatorUserId: number; statement: string; label: string },
  now: Date,
): Promise<NominationResult> {
  if (vote.kind !== 'election' || votePhase(vote, now) !== 'nominations') return 'closed';
  const membership = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select('memberships.user_id')
    .where('memberships.user_id', '=', input.nomineeUserId)
    .where('memberships.organization_id', '=', input.nomineeOrgId)
    .where('organizations.status', '=', 'active')
    .executeTakeFirst();
  if (!membership) return 'notMember';
  const existing = await db
    .selectFrom('coord_vote_options')
    .select('id')
    .where('vote_id', '=', vote.id)
    .where('nominee_user_id', '=', input.nomineeUserId)
    .where('withdrawn', '=', 0)
    .executeTakeFirst();
  if (existing) return 'duplicate';
  await db
    .insertInto('coord_vote_options')
    .values({
      vote_id: vote.id,
      kind: 'candidate',
      label: input.label,
      nominee_user_id: input.nomineeUserId,
      nominee_org_id: input.nomineeOrgId,
      nominated_by_user_id: input.nominatorUserId,
      statement: input.statement,
      accepted: input.nomineeUserId === input.nominatorUserId ? 1 : 0,
      withdrawn: 0,
      position: 0,
      created_at: now.toISOString(),
    })
    .execute();
  return 'ok';
}

/** The nominee accepts or declines (declining withdraws the nomination). Only during nominations. */
export async function answerNomination(
  db: Db,
  vote: Parameters<typeof votePhase>[0] & { id: number },
  optionId: number,
  userId: number,
  accept: boolean,
  now: Date,
): Promise<boolean> {
  if (votePhase(vote, now) !== 'nominations') return false;
  const res = await db
    .updateTable('coord_vote_options')
    .set(accept ? { accepted: 1 } : { withdrawn: 1 })
    .where('id', '=', optionId)
    .where('vote_id', '=', vote.id)
    .where('nominee_user_id', '=', userId)
    .where('withdrawn', '=', 0)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function participation(db: Db, voteId: number) {
  return db
    .selectFrom('coord_vote_participation')
    .innerJoin('organizations', 'organizations.id', 'coord_vote_participation.organization_id')
    .select(['organizations.id', 'organizations.name_ar', 'organizations.name_en', 'coord_vote_participation.cast_on'])
    .where('coord_vote_participation.vote_id', '=', voteId)
    .orderBy('organizations.name_ar')
    .execute();
}

/** Member organizations entitled to vote: the network's active members. */
export async function eligibleOrgCount(db: Db, networkId: number): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type CastResult = 'ok' | 'notOpen' | 'alreadyVoted' | 'notRepresentative' | 'invalidChoice';

/** Is this user the designated representative of this organization (an active member of the network)? */
export async function isRepresentative(db: Db, networkId: number, orgId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('coord_member_roles as r')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').onRef('m.organization_id', '=', 'r.organization_id'),
    )
    .innerJoin('organizations', 'organizations.id', 'r.organization_id')
    .select('r.user_id')
    .where('r.organization_id', '=', orgId)
    .where('r.user_id', '=', userId)
    .where('r.is_representative', '=', 1)
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active')
    .executeTakeFirst();
  return !!row;
}

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Casts an organization's ballot. One per organization: the participation row's primary key
 * refuses a second one even under concurrent requests (the whole cast rolls back).
 */
export async function castBallot(
  db: Db,
  vote: Parameters<typeof votePhase>[0] & { id: number; network_id: number; max_choices: number },
  orgId: number,
  userId: number,
  choiceIds: number[],
  now: Date,
): Promise<CastResult> {
  if (votePhase(vote, now) !== 'open') return 'notOpen';
  if (!(await isRepresentative(db, vote.network_id, orgId, userId))) return 'notRepresentative';
  const options = await db
    .selectFrom('coord_vote_options')
    .select('id')
    .where('vote_id', '=', vote.id)
    .where('accepted', '=', 1)
    .where('withdrawn', '=', 0)
    .execute();
  const valid = new Set(options.map((o) => o.id));
  const choices = [...new Set(choiceIds)].sort((a, b) => a - b);
  if (choices.some((c) => !valid.has(c)) || choices.length > vote.max_choices) return 'invalidChoice';
  if (vote.kind === 'decision' && choices.length !== 1) return 'invalidChoice';
  try {
    return await db.transaction().execute(async (trx) => {
      const already = await trx
        .selectFrom('coord_vote_participation')
        .select('organization_id')
        .where('vote_id', '=', vote.id)
        .where('organization_id', '=', orgId)
        .executeTakeFirst();
      if (already) return 'alreadyVoted' as const;
      await trx
        .insertInto('coord_vote_participation')
        .values({ vote_id: vote.id, organization_id: orgId, cast_by_user_id: userId, cast_on: damascusDay(now) })
        .execute();
      const existing = await trx.selectFrom('coord_ballots').select('choices').where('vote_id', '=', vote.id).execute();
      const all = shuffle([...existing.map((b) => b.choices), JSON.stringify(choices)]);
      await trx.deleteFrom('coord_ballots').where('vote_id', '=', vote.id).execute();
      await trx
        .insertInto('coord_ballots')
        .values(all.map((c) => ({ id: crypto.randomBytes(16).toString('hex'), vote_id: vote.id, choices: c })))
        .execute();
      return 'ok' as const;
    });
  } catch (err) {
    // A concurrent cast by the same organization lost the race on the primary key.
    const again = await db
      .selectFrom('coord_vote_participation')
      .select('organization_id')
      .where('vote_id', '=', vote.id)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    if (again) return 'alreadyVoted';
    throw err;
  }
}

export type Tally = {
  eligible: number;
  voted: number;
  ballots: number;
  quorumNeeded: number;
  quorumMet: boolean;
  counts: { optionId: number; votes: number }[];
  /** elections: ids of the elected (top max_choices, ties at the cut excluded); decisions: [yes id] if it passed */
  winners: number[];
  tie: boolean;
};

/** Counts the stored ballots. Reproducible: the same ballots always give the same result. */
export async function tally(
  db: Db,
  vote: { id: number; kind: VoteKind; max_choices: number; quorum_percent: number; eligible_orgs: number },
): Promise<Tally> {
  const [options, ballots, voted] = await Promise.all([
    db
      .selectFrom('coord_vote_options')
      .select(['id', 'kind'])
      .where('vote_id', '=', vote.id)
      .where('accepted', '=', 1)
      .where('withdrawn', '=', 0)
      .orderBy('id')
      .execute(),
    db.selectFrom('coord_ballots').select('choices').where('vote_id', '=', vote.id).execute(),
    db
      .selectFrom('coord_vote_participation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vote_id', '=', vote.id)
      .executeTakeFirstOrThrow(),
  ]);
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const b of ballots) for (const c of fromJson<number[]>(b.choices, [])) counts.set(c, (counts.get(c) ?? 0) + 1);
  const votedN = Number(voted.n);
  const eligible = Math.max(vote.eligible_orgs, votedN);
  const quorumNeeded = Math.max(1, Math.ceil((eligible * vote.quorum_percent) / 100));
  const quorumMet = votedN >= quorumNeeded;
  const list = options.map((o) => ({ optionId: o.id, votes: counts.get(o.id) ?? 0 }));
  let winners: number[] = [];
  let tie = false;
  if (vote.kind === 'decision') {
    const yes = options.find((o) => o.kind === 'yes');
    const no = options.find((o) => o.kind === 'no');
    const y = yes ? (counts.get(yes.id) ?? 0) : 0;
    const n = no ? (counts.get(no.id) ?? 0) : 0;
    tie = y === n;
    if (quorumMet && yes && y > n) winners = [yes.id];
  } else if (quorumMet) {
    const sorted = [...list].filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes || a.optionId - b.optionId);
    const cut = sorted[vote.max_choices - 1]?.votes;
    const next = sorted[vote.max_choices]?.votes;
    if (cut !== undefined && next !== undefined && cut === next) {
      tie = true;
      winners = sorted.filter((c) => c.votes > cut).map((c) => c.optionId);
    } else winners = sorted.slice(0, vote.max_choices).map((c) => c.optionId);
  }
  return { eligible, voted: votedN, ballots: ballots.length, quorumNeeded, quorumMet, counts: list, winners, tie };
}

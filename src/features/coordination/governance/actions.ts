// Governance, written: bodies, seats, terms; votes, nominations and ballots.
//
// Secrecy: casting writes two unlinked things in one transaction — a participation row (which
// organization took part, by whom, on which day) and a ballot (random id, vote id, choices). The
// ballot has no organization, user or time; and every cast rewrites all of the vote's ballots
// with fresh random ids in a shuffled order, so neither ids nor storage order tell which ballot
// came when. The count is always recomputed from the stored ballots (queries.ts, `tally`).
import crypto from 'node:crypto';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { updateIn } from '../../../core/db/rows.js';
import { damascusDay } from '../../../core/time.js';
import type { BoardNames, CoordBodiesTable, CoordTermsTable, CoordVotesTable, VoteKind } from '../tables.js';
import { eligibleOrgCount, hasHistory, isRepresentative, votePhase } from './queries.js';

export async function createBody(db: Db, networkId: number, input: BodyInput, now: Date) {
  const row = await db
    .insertInto('coord_bodies')
    .values({ network_id: networkId, ...input, position: 0, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
      is_chair: flag(input.is_chair),
      position: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addTerm(db: Db, seatId: number, input: Omit<CoordTermsTable, 'id' | 'seat_id' | 'archived_at'>) {
  await db
    .insertInto('coord_terms')
    .values({ seat_id: seatId, ...input })
    .execute();
}

export type BodyInput = Pick<CoordBodiesTable, 'kind' | 'name_ar' | 'name_en' | 'description_ar' | 'description_en'>;

export async function updateBody(db: Db, networkId: number, id: number, input: BodyInput) {
  await updateIn(db, 'coord_bodies', id, { network_id: networkId, archived_at: null }, input);
}

export async function updateSeat(
  db: Db,
  seatId: number,
  input: { title_ar: string; title_en: string; is_chair: boolean },
) {
  const values = { title_ar: input.title_ar, title_en: input.title_en, is_chair: flag(input.is_chair) };
  await updateIn(db, 'coord_seats', seatId, { archived_at: null }, values);
}

export async function updateTerm(
  db: Db,
  termId: number,
  input: Pick<CoordTermsTable, 'holder_name' | 'holder_org_id' | 'starts_on' | 'ends_on'>,
) {
  await updateIn(db, 'coord_terms', termId, { archived_at: null }, input);
}

/**
 * Removes a body, seat or term: archived when it holds history (`hasHistory`), deleted otherwise
 * — a body with its seats, a seat with nothing under it. The callers loaded the row inside the
 * network first. One transaction, so a half-removed body never shows.
 */
export async function removeGovernanceRecord(
  db: Db,
  kind: 'body' | 'seat' | 'term',
  id: number,
  now: Date,
): Promise<'archived' | 'deleted'> {
  return db.transaction().execute(async (trx) => {
    const table = ({ body: 'coord_bodies', seat: 'coord_seats', term: 'coord_terms' } as const)[kind];
    if (await hasHistory(trx, kind, id)) {
      await trx.updateTable(table).set({ archived_at: now.toISOString() }).where('id', '=', id).execute();
      return 'archived' as const;
    }
    if (kind === 'body') await trx.deleteFrom('coord_seats').where('body_id', '=', id).execute();
    await trx.deleteFrom(table).where('id', '=', id).execute();
    return 'deleted' as const;
  });
}

export type VoteInput = Pick<
  CoordVotesTable,
  | 'kind'
  | 'title'
  | 'description'
  | 'body_id'
  | 'max_choices'
  | 'nominations_close_at'
  | 'opens_at'
  | 'closes_at'
  | 'quorum_percent'
>;

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

export type CastResult = 'ok' | 'notOpen' | 'alreadyVoted' | 'notRepresentative' | 'invalidChoice';

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Whether the organization has taken part in the vote (its ballot is in). */
async function hasVoted(db: Db, voteId: number, orgId: number): Promise<boolean> {
  const row = await db
    .selectFrom('coord_vote_participation')
    .select('organization_id')
    .where('vote_id', '=', voteId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
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
      if (await hasVoted(trx, vote.id, orgId)) return 'alreadyVoted' as const;
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
    if (await hasVoted(db, vote.id, orgId)) return 'alreadyVoted';
    throw err;
  }
}

/**
 * Cancels a vote before it closes. Its ballots are never counted, so they are deleted in the same
 * transaction (who took part stays, as it was shown); a closed vote has a result and cannot be
 * cancelled (the route says so).
 */
export async function cancelVote(db: Db, voteId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('coord_votes')
      .set({ cancelled_at: now.toISOString() })
      .where('id', '=', voteId)
      .where('cancelled_at', 'is', null)
      .execute();
    await trx.deleteFrom('coord_ballots').where('vote_id', '=', voteId).execute();
  });
}

/** Records how /governance names board members. */
export async function setBoardNames(db: Db, networkId: number, choice: BoardNames, now: Date): Promise<void> {
  const updated_at = now.toISOString();
  await db
    .insertInto('coord_settings')
    .values({ network_id: networkId, board_names: choice, updated_at })
    .onConflict((oc) => oc.column('network_id').doUpdateSet({ board_names: choice, updated_at }))
    .execute();
}

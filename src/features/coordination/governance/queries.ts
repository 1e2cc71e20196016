// Governance, read: bodies, seats and terms (public), and votes among member organizations — their
// phase, options, who took part (never how), and the count, always recomputed from the ballots.
import { rowIn, orgName, ids } from '../../../core/db/rows.js';
import type { Db } from '../../../core/db/index.js';
import { fromJson } from '../../../core/db/helpers.js';
import { MIN_SECRET_BALLOTS } from '../../../core/stats/release.js';
import { damascusDay } from '../../../core/time.js';
import { memberPeople, memberRoles, organizationsByIds } from '../workspace/queries.js';
import type { BoardNames, VoteKind } from '../tables.js';

// ——— bodies, seats, terms ———

export async function listBodies(db: Db, networkId: number, now: Date) {
  const today = damascusDay(now);
  // Archived records stay in the database for the record, and off this page (migration 0607).
  const bodies = await db
    .selectFrom('coord_bodies')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (!bodies.length) return [];
  const seats = await db
    .selectFrom('coord_seats')
    .selectAll()
    .where('body_id', 'in', ids(bodies))
    .where('archived_at', 'is', null)
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
          ...orgName,
        ])
        .where('coord_terms.seat_id', 'in', ids(seats))
        .where('coord_terms.archived_at', 'is', null)
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

/** A body of the network that has not been archived (archived ones are neither shown nor changed). */
export async function getBody(db: Db, networkId: number, id: number) {
  return rowIn(db, 'coord_bodies', id, { network_id: networkId, archived_at: null });
}

/** A seat of a body of the network, both still current. */
export async function getSeat(db: Db, networkId: number, seatId: number) {
  return db
    .selectFrom('coord_seats')
    .innerJoin('coord_bodies', 'coord_bodies.id', 'coord_seats.body_id')
    .select(['coord_seats.id', 'coord_seats.body_id', 'coord_seats.title_ar', 'coord_seats.title_en'])
    .select('coord_seats.is_chair')
    .where('coord_seats.id', '=', seatId)
    .where('coord_bodies.network_id', '=', networkId)
    .where('coord_seats.archived_at', 'is', null)
    .where('coord_bodies.archived_at', 'is', null)
    .executeTakeFirst();
}

/** A term of a seat of the network, none of them archived. */
export async function getTerm(db: Db, networkId: number, termId: number) {
  return db
    .selectFrom('coord_terms')
    .innerJoin('coord_seats', 'coord_seats.id', 'coord_terms.seat_id')
    .innerJoin('coord_bodies', 'coord_bodies.id', 'coord_seats.body_id')
    .selectAll('coord_terms')
    .select(['coord_seats.title_ar as seat_title_ar', 'coord_seats.title_en as seat_title_en'])
    .where('coord_terms.id', '=', termId)
    .where('coord_bodies.network_id', '=', networkId)
    .where('coord_terms.archived_at', 'is', null)
    .where('coord_seats.archived_at', 'is', null)
    .where('coord_bodies.archived_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Does the record hold history that must stay (then removing it archives it)? A term that an
 * election produced; a seat that has had holders; a body whose seats have had holders or that
 * votes were attached to.
 */
export async function hasHistory(db: Db, kind: 'body' | 'seat' | 'term', id: number): Promise<boolean> {
  if (kind === 'term') {
    const t = await db.selectFrom('coord_terms').select('vote_id').where('id', '=', id).executeTakeFirst();
    return t?.vote_id != null;
  }
  let terms = db
    .selectFrom('coord_terms')
    .innerJoin('coord_seats', 'coord_seats.id', 'coord_terms.seat_id')
    .select('coord_terms.id');
  terms = kind === 'seat' ? terms.where('coord_seats.id', '=', id) : terms.where('coord_seats.body_id', '=', id);
  if (await terms.executeTakeFirst()) return true;
  if (kind === 'seat') return false;
  return !!(await db.selectFrom('coord_votes').select('id').where('body_id', '=', id).executeTakeFirst());
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
    .where('coord_terms.archived_at', 'is', null)
    .where('coord_seats.archived_at', 'is', null)
    .where('coord_bodies.archived_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.holder_user_id!))];
}

/** Bodies to attach a vote to. */
export async function bodyChoices(db: Db, networkId: number) {
  return db
    .selectFrom('coord_bodies')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute();
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
  return rowIn(db, 'coord_votes', id, { network_id: networkId });
}

export async function listOptions(db: Db, voteId: number) {
  return db
    .selectFrom('coord_vote_options')
    .leftJoin('organizations', 'organizations.id', 'coord_vote_options.nominee_org_id')
    .leftJoin('users as nominator', 'nominator.id', 'coord_vote_options.nominated_by_user_id')
    .selectAll('coord_vote_options')
    .select([...orgName, 'nominator.display_name as nominator_name'])
    .where('coord_vote_options.vote_id', '=', voteId)
    .orderBy('coord_vote_options.position')
    .orderBy('coord_vote_options.id')
    .execute();
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

/** Is this user the designated representative of this organization (an active member of the network)? */
export async function isRepresentative(db: Db, networkId: number, orgId: number, userId: number): Promise<boolean> {
  const row = await memberRoles(db, networkId)
    .select('r.user_id')
    .where('r.organization_id', '=', orgId)
    .where('r.user_id', '=', userId)
    .where('r.is_representative', '=', 1)
    .executeTakeFirst();
  return !!row;
}

/** The viewer's organizations they represent in a vote, and whether each has voted. */
export async function representedOrganizations(
  db: Db,
  networkId: number,
  orgIds: number[],
  userId: number,
  voted: Set<number>,
) {
  const mine: number[] = [];
  for (const orgId of orgIds) if (await isRepresentative(db, networkId, orgId, userId)) mine.push(orgId);
  return (await organizationsByIds(db, mine)).map((o) => ({ ...o, voted: voted.has(o.id) }));
}

/** Who may be nominated: people of the network's active members, each once. */
export async function nomineeChoices(db: Db, networkId: number) {
  const rows = await memberPeople(db)
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active')
    .orderBy('organizations.name_ar')
    .orderBy('users.display_name')
    .execute();
  const seen = new Set<number>();
  return rows.filter((n) => (seen.has(n.user_id) ? false : (seen.add(n.user_id), true)));
}

/** A nominee with the (first) member organization they belong to, or nothing. */
export async function findNominee(db: Db, networkId: number, userId: number) {
  return memberPeople(db)
    .where('memberships.user_id', '=', userId)
    .where('organizations.network_id', '=', networkId)
    .where('organizations.status', '=', 'active')
    .orderBy('memberships.organization_id')
    .executeTakeFirst();
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

/**
 * What may be published of a count. Below MIN_SECRET_BALLOTS ballots the outcome gives the ballots
 * away as surely as the counts (one ballot and "rejected" is that ballot), so neither leaves here:
 * counts, winners and tie are emptied and `published` says why (issue 14, 18).
 */
export type PublishedTally = Tally & { published: boolean };
export function publishable(t: Tally): PublishedTally {
  if (t.ballots >= MIN_SECRET_BALLOTS) return { ...t, published: true };
  return { ...t, counts: [], winners: [], tie: false, published: false };
}

/** How the network names board members on /governance; the seat alone until an admin chooses. */
export async function boardNames(db: Db, networkId: number): Promise<BoardNames> {
  const row = await db
    .selectFrom('coord_settings')
    .select('board_names')
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return row?.board_names ?? 'role';
}

/** A holder's name as the network chose to show it: in full, the first name, or none. */
export function shownHolderName(name: string, choice: BoardNames): string | null {
  if (choice === 'full') return name;
  if (choice === 'first') return name.trim().split(/\s+/)[0] ?? null;
  return null;
}

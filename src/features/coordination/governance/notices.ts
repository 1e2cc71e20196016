// Who hears of a vote (core/notify), from the hourly job: the designated representatives of the
// network's active members — the people who cast its ballots, all inside the network and so able to
// open /votes/:id; the admins of a member that has named none — when voting opens, a day before it closes (only those whose organization has
// not voted yet) and when it has closed. Each event is claimed on the vote's row before anyone is
// told (migration 0608), so two runs tell once; a cancelled vote tells nothing more, and events
// older than two days (votes from before this code ran) are not told late.
import type { WaslServices } from '../../../core/services.js';
import { DAY } from '../../../core/time.js';
import type { Db } from '../../../core/db/index.js';
import { tellPeople, type CoordEvent } from '../notify.js';
import { memberRoles } from '../workspace/queries.js';

type Column = 'opened_told_at' | 'closing_told_at' | 'closed_told_at';

/**
 * Who hears for each active member: its representatives; for a member that has named none, its
 * admins, so that no organization misses a vote silently (they can name one, or cast it).
 */
async function representatives(db: Db, networkId: number) {
  const named = await memberRoles(db, networkId)
    .select(['r.user_id', 'r.organization_id'])
    .where('r.is_representative', '=', 1)
    .execute();
  const represented = new Set(named.map((r) => r.organization_id));
  const admins = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.user_id', 'm.organization_id'])
    .where('o.network_id', '=', networkId)
    .where('o.status', '=', 'active')
    .where('m.role', '=', 'orgAdmin')
    .execute();
  return [...named, ...admins.filter((a) => !represented.has(a.organization_id))];
}

export async function voteNotices(wasl: WaslServices, now: Date): Promise<number> {
  const { db } = wasl;
  const iso = now.toISOString();
  const since = new Date(now.getTime() - 2 * DAY).toISOString();
  const dayAhead = new Date(now.getTime() + DAY).toISOString();
  // Each event: the column that claims it, and when a vote is due for it — its opening and closing
  // times each inside (after, upTo], a null bound left open.
  type Window = [after: string | null, upTo: string | null];
  const due: [CoordEvent, Column, Partial<Record<'opens_at' | 'closes_at', Window>>][] = [
    ['voteOpened', 'opened_told_at', { opens_at: [since, iso], closes_at: [iso, null] }],
    ['voteClosingSoon', 'closing_told_at', { opens_at: [null, iso], closes_at: [iso, dayAhead] }],
    ['voteClosed', 'closed_told_at', { closes_at: [since, iso] }],
  ];
  const events: [CoordEvent, Column, { id: number; network_id: number; title: string }[]][] = [];
  for (const [event, column, when] of due) {
    let q = db
      .selectFrom('coord_votes')
      .select(['id', 'network_id', 'title'])
      .where('cancelled_at', 'is', null)
      .where(column, 'is', null);
    for (const moment of ['opens_at', 'closes_at'] as const) {
      const [after, upTo] = when[moment] ?? [null, null];
      if (upTo !== null) q = q.where(moment, '<=', upTo);
      if (after !== null) q = q.where(moment, '>', after);
    }
    events.push([event, column, await q.execute()]);
  }
  let told = 0;
  for (const [event, column, votes] of events)
    for (const v of votes) {
      const claim = await db
        .updateTable('coord_votes')
        .set({ [column]: iso })
        .where('id', '=', v.id)
        .where(column, 'is', null)
        .executeTakeFirst();
      if (!Number(claim.numUpdatedRows)) continue;
      let reps = await representatives(db, v.network_id);
      if (event === 'voteClosingSoon') {
        const voted = new Set(
          (
            await db
              .selectFrom('coord_vote_participation')
              .select('organization_id')
              .where('vote_id', '=', v.id)
              .execute()
          ).map((p) => p.organization_id),
        );
        reps = reps.filter((r) => !voted.has(r.organization_id));
      }
      const users = reps.map((r) => r.user_id);
      told += await tellPeople(wasl, event, users, `/votes/${v.id}`, { title: v.title }, now);
    }
  return told;
}

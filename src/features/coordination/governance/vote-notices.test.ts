// Votes tell the people who cast them (issue 17): each member's designated representative (or, if
// it has named none, its admins) hears
// that voting opened, a day before it closes if their organization has not voted yet, and that it
// closed — once each, from the hourly job, and nobody else (staff, outsiders, the admin who set it up).
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../core/time.js';
import { runCoordinationJobs } from '../jobs.js';
import { nameRole, resignIn, told, useWorld } from '../testing/test-helpers.js';
import { createVote, nameRepresentatives, wallTime } from '../test-fixtures.js';
import { voteNotices } from './notices.js';

const s = useWorld({ setUp: (_t, w) => nameRepresentatives(w) });

const newDecision = (title: string, opensIn: number, closesIn: number) =>
  createVote(s.t, s.w.c.netAdmin, { title, opens_at: wallTime(s.t, opensIn), closes_at: wallTime(s.t, closesIn) });

async function later(ms: number) {
  s.t.clock.advance(ms);
  await resignIn(s.t, s.w);
}

describe('telling the representatives about a vote', () => {
  it('is told when voting opens, once; tells nothing to staff, outsiders or the admin who created it', async () => {
    const id = await newDecision('Adopt the safeguarding policy', HOUR, 3 * DAY);
    const reps = [s.w.users.adminA, s.w.users.adminB, s.w.users.adminC].sort((a, b) => a - b);
    expect(await voteNotices(s.t.app.wasl, s.t.clock.now)).toBe(0);
    expect(await told(s.t, 'coordination.voteOpened', `/votes/${id}`)).toEqual([]);
    await later(HOUR + 60_000);
    await runCoordinationJobs(s.t.app.wasl, s.t.clock.now);
    expect(await told(s.t, 'coordination.voteOpened', `/votes/${id}`)).toEqual(reps);
    // a second run tells nobody again
    expect(await voteNotices(s.t.app.wasl, s.t.clock.now)).toBe(0);
    expect(await told(s.t, 'coordination.voteOpened', `/votes/${id}`)).toEqual(reps);
    // in the person's list, in their language, leading to the vote they may open
    const list = await s.w.c.adminB.get('/notifications');
    expect(list.body).toContain('بدأ التصويت «Adopt the safeguarding policy»');
    expect((await s.w.c.adminB.get(`/votes/${id}`)).statusCode).toBe(200);
    for (const who of ['staffA', 'staffB', 'member', 'netAdmin', 'editor'] as const)
      expect((await s.w.c[who].get('/notifications')).body, who).not.toContain('Adopt the safeguarding policy');

    // A votes; a day before closing only B and C, who have not, are reminded
    const yes = await s.t.handle.db
      .selectFrom('coord_vote_options')
      .select('id')
      .where('vote_id', '=', id)
      .where('kind', '=', 'yes')
      .executeTakeFirstOrThrow();
    await s.w.c.adminA.get(`/votes/${id}`);
    const cast = await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes.id) });
    expect(cast.statusCode).toBe(303);
    await later(DAY);
    expect(await voteNotices(s.t.app.wasl, s.t.clock.now)).toBe(0); // still two days to go
    await later(DAY + HOUR);
    await voteNotices(s.t.app.wasl, s.t.clock.now);
    expect(await told(s.t, 'coordination.voteClosingSoon', `/votes/${id}`)).toEqual(
      [s.w.users.adminB, s.w.users.adminC].sort((a, b) => a - b),
    );
    expect(await voteNotices(s.t.app.wasl, s.t.clock.now)).toBe(0);

    // closed: every representative, once
    await later(DAY);
    await voteNotices(s.t.app.wasl, s.t.clock.now);
    expect(await told(s.t, 'coordination.voteClosed', `/votes/${id}`)).toEqual(reps);
    expect(await voteNotices(s.t.app.wasl, s.t.clock.now)).toBe(0);
  });

  it('tells a member that has named no representative through its admins, and nobody twice', async () => {
    // B names its staff member instead of its admin; C names nobody
    expect((await nameRole(s.w, 'adminB', s.w.users.staffB, { representative: 'on' })).statusCode).toBe(303);
    expect((await nameRole(s.w, 'adminB', s.w.users.adminB, {})).statusCode).toBe(303);
    expect((await nameRole(s.w, 'adminC', s.w.users.adminC, {})).statusCode).toBe(303);
    try {
      const id = await newDecision('Elect the auditors', HOUR, 3 * DAY);
      await later(HOUR + 60_000);
      await voteNotices(s.t.app.wasl, s.t.clock.now);
      expect(await told(s.t, 'coordination.voteOpened', `/votes/${id}`)).toEqual(
        [s.w.users.adminA, s.w.users.staffB, s.w.users.adminC].sort((a, b) => a - b),
      );
    } finally {
      await nameRole(s.w, 'adminB', s.w.users.staffB, {});
      await nameRole(s.w, 'adminB', s.w.users.adminB, { representative: 'on' });
      await nameRole(s.w, 'adminC', s.w.users.adminC, { representative: 'on' });
    }
  });

  it('tells nothing more about a cancelled vote', async () => {
    const id = await newDecision('To be cancelled', HOUR, 2 * HOUR);
    await s.w.c.netAdmin.get(`/votes/${id}`);
    expect((await s.w.c.netAdmin.post(`/votes/${id}/cancel`, {})).statusCode).toBe(303);
    await later(3 * HOUR);
    await voteNotices(s.t.app.wasl, s.t.clock.now);
    for (const type of ['voteOpened', 'voteClosingSoon', 'voteClosed'] as const)
      expect(await told(s.t, `coordination.${type}`, `/votes/${id}`), type).toEqual([]);
  });
});

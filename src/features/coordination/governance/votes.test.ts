// Votes among member organizations: nominations, one secret ballot per organization cast by its
// representative, quorum, opening and closing times, results with turnout, reproducible count.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDialect } from '../../../testing/db.js';
import { rowsOf } from '../../../core/db/rows.js';
import { resignIn, useWorld } from '../testing/test-helpers.js';
import { bodyFields, createVote, nameRepresentatives, termFields, voteFields, wallTime } from '../test-fixtures.js';
import { makeOrganization, makeUser } from '../../../testing/app.js';
import { castBallot } from './actions.js';
import { getVote, tally } from './queries.js';
import { HOUR, DAY } from '../../../core/time.js';

// Each organization names its representative.
const s = useWorld({ setUp: (_t, w) => nameRepresentatives(w) });

const local = (ms: number) => wallTime(s.t, ms);

const newVote = (fields: Record<string, string>) => createVote(s.t, s.w.c.netAdmin, fields);

/** A decision's options (yes, no, abstain) by kind. */
const optionIds = async (voteId: number) =>
  Object.fromEntries(
    (await rowsOf(s.t.handle.db, 'coord_vote_options', { vote_id: voteId }, [])).map((x) => [x.kind, x.id]),
  ) as Record<'yes' | 'no' | 'abstain', number>;

describe('creating votes', () => {
  it('is for network admins; bad times are refused beside the field', async () => {
    await s.w.c.adminA.get('/governance');
    expect((await s.w.c.adminA.post('/votes/new', { kind: 'decision', title: 'x' })).statusCode).toBe(404);
    expect((await s.w.c.editor.get('/votes/new')).statusCode).toBe(404);
    await s.w.c.netAdmin.get('/votes/new');
    const bad = await s.w.c.netAdmin.post(
      '/votes/new',
      voteFields(s.t, { title: 'Backwards', opens_at: local(2 * HOUR), closes_at: local(HOUR) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('يجب أن تأتي النهاية بعد البداية');
  });
});

describe('a yes/no decision', () => {
  let id: number;
  beforeAll(async () => {
    id = await newVote({
      title: 'Adopt the code of conduct',
      description: 'Members decide between meetings.',
      opens_at: local(HOUR),
      closes_at: local(2 * DAY),
      quorum_percent: '60',
    });
  });

  it('refuses ballots before it opens', async () => {
    const { yes } = await optionIds(id);
    await s.w.c.adminA.get(`/votes/${id}`);
    const res = await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes) });
    expect(res.statusCode).toBe(409);
    expect(await s.t.handle.db.selectFrom('coord_ballots').select('id').execute()).toEqual([]);
  });

  it('takes one ballot per organization, from its representative only, and keeps no link to it', async () => {
    s.t.clock.advance(HOUR + 60_000);
    await resignIn(s.t, s.w);
    const { yes, no } = await optionIds(id);
    // staff who are not the representative cannot vote; nor can another organization's representative for A
    await s.w.c.staffA.get(`/votes/${id}`);
    expect(
      (await s.w.c.staffA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes) })).statusCode,
    ).toBe(400);
    expect(
      (await s.w.c.adminB.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes) })).statusCode,
    ).toBe(400);
    // an invalid choice is refused
    await s.w.c.adminA.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: '999999' })).statusCode,
    ).toBe(400);

    expect(
      (await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes) })).statusCode,
    ).toBe(303);
    // double voting is refused, and nothing more is stored
    const again = await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(no) });
    expect(again.statusCode).toBe(409);
    // concurrently, too
    const v = (await getVote(s.t.handle.db, s.w.net, id))!;
    const race = await Promise.all([
      castBallot(s.t.handle.db, v, s.w.orgB, s.w.users.adminB, [yes], s.t.clock.now),
      castBallot(s.t.handle.db, v, s.w.orgB, s.w.users.adminB, [yes], s.t.clock.now),
    ]);
    expect(race.sort()).toEqual(['alreadyVoted', 'ok']);
    const ballots = await s.t.handle.db.selectFrom('coord_ballots').selectAll().where('vote_id', '=', id).execute();
    expect(ballots.length).toBe(2);
    const part = await s.t.handle.db
      .selectFrom('coord_vote_participation')
      .selectAll()
      .where('vote_id', '=', id)
      .execute();
    expect(part.map((p) => p.organization_id).sort()).toEqual([s.w.orgA, s.w.orgB].sort());
    // Only the day is kept of when an organization voted.
    expect(part.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.cast_on))).toBe(true);
  });

  it('stores ballots with no organization, person or time, under random ids', async () => {
    const cols =
      testDialect === 'postgres'
        ? (
            await sql<{
              column_name: string;
            }>`select column_name from information_schema.columns where table_name = 'coord_ballots' and table_schema = current_schema()`.execute(
              s.t.handle.db,
            )
          ).rows.map((r) => r.column_name)
        : (await sql<{ name: string }>`pragma table_info(coord_ballots)`.execute(s.t.handle.db)).rows.map(
            (r) => r.name,
          );
    expect(cols.sort()).toEqual(['choices', 'id', 'vote_id']);
    const ballots = await s.t.handle.db.selectFrom('coord_ballots').selectAll().where('vote_id', '=', id).execute();
    for (const b of ballots) {
      expect(b.id).toMatch(/^[0-9a-f]{32}$/);
      expect(Object.values(b).join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    // Nothing in the audit log says when a ballot came in either.
    const cast = await s.t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', '%vote.cast%')
      .execute();
    expect(cast).toEqual([]);
  });

  it('rewrites the ballots in a fresh random order at every cast, so ids and order do not follow arrival', async () => {
    const before = (
      await s.t.handle.db.selectFrom('coord_ballots').select('id').where('vote_id', '=', id).execute()
    ).map((b) => b.id);
    const { abstain } = await optionIds(id);
    await s.w.c.adminC.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminC.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgC), choice: String(abstain) }))
        .statusCode,
    ).toBe(303);
    const after = (
      await s.t.handle.db.selectFrom('coord_ballots').select('id').where('vote_id', '=', id).execute()
    ).map((b) => b.id);
    expect(after.length).toBe(3);
    expect(after.filter((x) => before.includes(x))).toEqual([]);
  });

  it('shows no results while open, then results with turnout to members only; no change after close', async () => {
    const open = await s.w.c.adminA.get(`/votes/${id}`);
    expect(open.body).toContain('تُعلن النتائج');
    s.t.clock.advance(2 * DAY);
    await resignIn(s.t, s.w);
    const page = await s.w.c.staffB.get(`/votes/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/صوّتت 3 من أصل 3 منظمات \(100٪\)/);
    // three ballots (two yes, one abstain) are fewer than the five an outcome needs: no outcome
    expect(page.body).toContain('أُغلق التصويت بأوراق اقتراع أقل من أن تُنشر نتيجته');
    expect(page.body).not.toContain('أُقرّ');
    for (const who of ['member', 'anonymous'] as const) {
      const res = await s.w.c[who].get(`/votes/${id}`);
      expect([404, 303]).toContain(res.statusCode);
    }
    const { no } = await optionIds(id);
    const late = await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(no) });
    expect(late.statusCode).toBe(409);
  });

  it('counts reproducibly from the stored ballots', async () => {
    const v = (await getVote(s.t.handle.db, s.w.net, id))!;
    const first = await tally(s.t.handle.db, v);
    const second = await tally(s.t.handle.db, v);
    expect(second).toEqual(first);
    const { yes, no, abstain } = await optionIds(id);
    const byId = Object.fromEntries(first.counts.map((c) => [c.optionId, c.votes]));
    expect([byId[yes], byId[no], byId[abstain]]).toEqual([2, 0, 1]);
    expect(first.winners).toEqual([yes]);
    // recount by hand from the raw ballots
    const raw = await s.t.handle.db.selectFrom('coord_ballots').select('choices').where('vote_id', '=', id).execute();
    const manual: Record<number, number> = {};
    for (const b of raw) for (const c of JSON.parse(b.choices) as number[]) manual[c] = (manual[c] ?? 0) + 1;
    expect(byId).toEqual({ [yes]: manual[yes] ?? 0, [no]: manual[no] ?? 0, [abstain]: manual[abstain] ?? 0 });
    expect(first.voted).toBe(3);
    expect(first.quorumMet).toBe(true);
  });
});

describe('an election with nominations and a quorum', () => {
  let id: number;
  beforeAll(async () => {
    id = await newVote({
      kind: 'election',
      title: 'Board seat',
      nominations_close_at: local(DAY),
      opens_at: local(DAY),
      closes_at: local(3 * DAY),
      quorum_percent: '67',
    });
  });

  it('takes self-nominations at once and others’ after the nominee accepts', async () => {
    await s.w.c.staffA.get(`/votes/${id}`);
    expect(
      (
        await s.w.c.staffA.post(`/votes/${id}/nominations`, {
          nominee: String(s.w.users.staffA),
          statement: 'I will listen.',
        })
      ).statusCode,
    ).toBe(303);
    await s.w.c.adminB.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminB.post(`/votes/${id}/nominations`, { nominee: String(s.w.users.adminC), statement: '' }))
        .statusCode,
    ).toBe(303);
    const dup = await s.w.c.adminB.post(`/votes/${id}/nominations`, {
      nominee: String(s.w.users.staffA),
      statement: '',
    });
    expect(dup.statusCode).toBe(400);
    // someone outside member organizations can be neither nominee nor nominator
    expect(
      (await s.w.c.adminB.post(`/votes/${id}/nominations`, { nominee: String(s.w.users.member), statement: '' }))
        .statusCode,
    ).toBe(400);
    const options = await s.t.handle.db
      .selectFrom('coord_vote_options')
      .selectAll()
      .where('vote_id', '=', id)
      .execute();
    const pending = options.find((o) => o.nominee_user_id === s.w.users.adminC)!;
    expect(pending.accepted).toBe(0);
    await s.w.c.adminC.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminB.post(`/votes/${id}/nominations/answer`, { option_id: String(pending.id), answer: 'accept' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await s.w.c.adminC.post(`/votes/${id}/nominations/answer`, { option_id: String(pending.id), answer: 'accept' }))
        .statusCode,
    ).toBe(303);
  });

  it('closes nominations when voting opens; without quorum the result does not stand', async () => {
    s.t.clock.advance(DAY + 60_000);
    await resignIn(s.t, s.w);
    await s.w.c.adminB.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminB.post(`/votes/${id}/nominations`, { nominee: String(s.w.users.adminB), statement: '' }))
        .statusCode,
    ).toBe(400);
    const staffA = await s.t.handle.db
      .selectFrom('coord_vote_options')
      .select('id')
      .where('vote_id', '=', id)
      .where('nominee_user_id', '=', s.w.users.staffA)
      .executeTakeFirstOrThrow();
    await s.w.c.adminA.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(staffA.id) }))
        .statusCode,
    ).toBe(303);
    s.t.clock.advance(3 * DAY);
    await resignIn(s.t, s.w);
    const v = (await getVote(s.t.handle.db, s.w.net, id))!;
    const result = await tally(s.t.handle.db, v);
    expect(result.quorumNeeded).toBe(3); // 67 % of 3 organizations
    expect(result.quorumMet).toBe(false);
    expect(result.winners).toEqual([]);
    const page = await s.w.c.adminB.get(`/votes/${id}`);
    expect(page.body).toContain('لم يكتمل النصاب');
  });
});

describe('governance page', () => {
  it('shows bodies, seats and holders publicly; only network admins edit', async () => {
    await s.w.c.netAdmin.get('/governance');
    const body = await s.w.c.netAdmin.post(
      '/governance/bodies',
      bodyFields({ kind: 'board', name_ar: 'مجلس الإدارة', name_en: 'Board' }),
    );
    expect(body.statusCode).toBe(303);
    const b = await s.t.handle.db.selectFrom('coord_bodies').select('id').executeTakeFirstOrThrow();
    await s.w.c.netAdmin.post(`/governance/bodies/${b.id}/seats`, {
      title_ar: 'الرئاسة',
      title_en: 'Chair',
      is_chair: 'on',
    });
    const seat = await s.t.handle.db.selectFrom('coord_seats').select('id').executeTakeFirstOrThrow();
    const bad = await s.w.c.netAdmin.post(
      `/governance/seats/${seat.id}/terms`,
      termFields({ holder_name: 'Hala', ends_on: '2025-01-01' }),
    );
    expect(bad.statusCode).toBe(400);
    await s.w.c.netAdmin.post(
      `/governance/seats/${seat.id}/terms`,
      termFields({ holder_name: 'Hala Haddad', holder_org_id: String(s.w.orgA) }),
    );
    // Board names as the network chooses (issue 18): the seat alone until an admin chooses.
    const page = await s.w.c.anonymous.get('/governance');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('الرئاسة');
    expect(page.body).not.toContain('Hala');
    expect(page.body).toContain('(الاسم غير منشور)');
    expect((await s.w.c.netAdmin.get('/governance')).body).toContain('Hala Haddad'); // the admins who record them
    const setting = async () =>
      (await s.t.handle.db.selectFrom('coord_settings').select('board_names').execute()).map((r) => r.board_names);
    // a member organization's admin, a plain member, bad input: refused, nothing changes
    await s.w.c.adminA.get('/governance');
    expect((await s.w.c.adminA.post('/governance/board-names', { board_names: 'full' })).statusCode).toBe(404);
    await s.w.c.member.get('/governance');
    expect([403, 404]).toContain(
      (await s.w.c.member.post('/governance/board-names', { board_names: 'full' })).statusCode,
    );
    await s.w.c.netAdmin.get('/governance');
    expect((await s.w.c.netAdmin.post('/governance/board-names', { board_names: 'everyone' })).statusCode).toBe(400);
    expect(await setting()).toEqual([]);
    expect((await s.w.c.netAdmin.post('/governance/board-names', { board_names: 'first' })).statusCode).toBe(303);
    const first = (await s.w.c.anonymous.get('/governance')).body;
    expect(first).toContain('Hala');
    expect(first).not.toContain('Haddad');
    expect((await s.w.c.netAdmin.post('/governance/board-names', { board_names: 'full' })).statusCode).toBe(303);
    expect((await s.w.c.anonymous.get('/governance')).body).toContain('Hala Haddad');
    expect(await setting()).toEqual(['full']);
    const logged = await s.t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'coordination.settings.boardNames')
      .execute();
    expect(logged).toHaveLength(2);
    expect(page.body).not.toContain('/votes/'); // votes are for members
    expect((await s.w.c.adminA.get('/governance')).body).toContain('/votes/');
    await s.w.c.adminA.get('/governance');
    expect(
      (await s.w.c.adminA.post('/governance/bodies', { kind: 'board', name_ar: 'x', name_en: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('secret counts, small electorates and cancelling (issue 14, 16)', () => {
  async function decision(title: string, opensIn = HOUR, closesIn = 2 * DAY) {
    return newVote({ title, opens_at: local(opensIn), closes_at: local(closesIn), quorum_percent: '30' });
  }
  const phaseOf = async (id: number) =>
    (
      await s.t.handle.db
        .selectFrom('coord_votes')
        .select('cancelled_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).cancelled_at;

  it('warns before a vote opens that the electorate is too small, stating the minimum', async () => {
    const id = await decision('Small electorate');
    const page = await s.w.c.netAdmin.get(`/votes/${id}`);
    // three member organizations, fewer than the five ballots counts need
    expect(page.body).toContain('يحق لـ3 منظمات فقط التصويت');
    expect(page.body).toContain('إلا من 5 أوراق اقتراع');
  });

  it('a lone ballot: neither the count per option nor the outcome, and a line saying why with the minimum', async () => {
    const id = await decision('One ballot', HOUR, 2 * HOUR);
    s.t.clock.advance(HOUR + 60_000);
    await resignIn(s.t, s.w);
    const { no } = await optionIds(id);
    await s.w.c.adminA.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(no) })).statusCode,
    ).toBe(303);
    s.t.clock.advance(HOUR);
    await resignIn(s.t, s.w);
    const page = await s.w.c.staffB.get(`/votes/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('أُغلق التصويت بأوراق اقتراع أقل من أن تُنشر نتيجته');
    expect(page.body).toContain('لا تُنشر النتيجة ولا الأصوات لكل خيار إلا من 5 أوراق اقتراع');
    expect(page.body).not.toContain('>الأصوات</th>');
    // "rejected" (or "passed", or a tie) would tell everyone how Alpha voted
    expect(page.body).not.toContain('لم يُقرّ القرار');
    expect(page.body).not.toContain('أُقرّ');
    expect(page.body).not.toContain('تعادل');
    const en = await s.w.c.staffB.get(`/votes/${id}?lang=en`);
    expect(en.body).toContain('The vote closed with too few ballots to publish an outcome');
    expect(en.body).toContain('below 5 ballots');
    expect(en.body).not.toContain('did not pass');
    await s.w.c.staffB.get('/governance?lang=ar'); // ?lang= is remembered: back to Arabic
  });

  it('from the minimum of ballots the counts are shown, with the rule below them', async () => {
    const id = await decision('Five ballots', HOUR, 2 * HOUR);
    const { yes, no } = await optionIds(id);
    await s.t.handle.db
      .insertInto('coord_ballots')
      .values([yes, yes, yes, no, no].map((o, i) => ({ id: `test-${id}-${i}`, vote_id: id, choices: `[${o}]` })))
      .execute();
    s.t.clock.advance(2 * HOUR + 60_000);
    await resignIn(s.t, s.w);
    const page = await s.w.c.staffB.get(`/votes/${id}`);
    expect(page.body).toContain('تُعرض الأصوات لكل خيار لأن 5 أوراق اقتراع على الأقل فُرزت');
    const v = (await getVote(s.t.handle.db, s.w.net, id))!;
    expect((await tally(s.t.handle.db, v)).ballots).toBe(5);
  });

  it('cancels a vote before it closes: network admins only, asked twice, ballots never counted', async () => {
    const id = await decision('To cancel', HOUR, 2 * DAY);
    const admin = await s.w.c.netAdmin.get(`/votes/${id}`);
    expect(admin.body).toContain(`action="/votes/${id}/cancel"`);
    expect(admin.body).toContain('<details class="confirm">');
    expect((await s.w.c.adminA.get(`/votes/${id}`)).body).not.toContain(`/votes/${id}/cancel`);
    // anonymous, a plain member, an organization's admin: refused, nothing changes
    for (const who of ['anonymous', 'member', 'adminA', 'staffB'] as const) {
      await s.w.c[who].get('/governance');
      const res = await s.w.c[who].post(`/votes/${id}/cancel`, {});
      expect([303, 403, 404], who).toContain(res.statusCode);
      expect(await phaseOf(id)).toBeNull();
    }
    // it opens, a ballot is cast, then it is cancelled
    s.t.clock.advance(HOUR + 60_000);
    await resignIn(s.t, s.w);
    const { yes } = await optionIds(id);
    await s.w.c.adminA.get(`/votes/${id}`);
    expect(
      (await s.w.c.adminA.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgA), choice: String(yes) })).statusCode,
    ).toBe(303);
    await s.w.c.netAdmin.get(`/votes/${id}`);
    const res = await s.w.c.netAdmin.post(`/votes/${id}/cancel`, {});
    expect(res.statusCode).toBe(303);
    expect(await phaseOf(id)).not.toBeNull();
    expect(await s.t.handle.db.selectFrom('coord_ballots').select('id').where('vote_id', '=', id).execute()).toEqual(
      [],
    );
    const log = await s.t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'coordination.vote.cancelled')
      .execute();
    expect(log).toHaveLength(1);
    const page = await s.w.c.adminB.get(`/votes/${id}`);
    expect(page.body).toContain('أُلغي هذا التصويت قبل إغلاقه');
    const late = await s.w.c.adminB.post(`/votes/${id}/ballot`, { org_id: String(s.w.orgB), choice: String(yes) });
    expect(late.statusCode).toBe(409);
  });

  it('a closed vote cannot be cancelled: its result stands', async () => {
    const id = await decision('Closed', HOUR, 2 * HOUR);
    s.t.clock.advance(2 * HOUR + 60_000);
    await resignIn(s.t, s.w);
    await s.w.c.netAdmin.get(`/votes/${id}`);
    const res = await s.w.c.netAdmin.post(`/votes/${id}/cancel`, {});
    expect(res.statusCode).toBe(303);
    expect(await phaseOf(id)).toBeNull();
  });

  // Last in the file: it adds two member organizations, which changes every later electorate.
  it('from the minimum of ballots the outcome is published with the counts', async () => {
    const more: number[] = [];
    for (const name of ['Delta', 'Epsilon']) {
      const org = await makeOrganization(s.t.handle.db, s.w.net, name);
      const rep = await makeUser(s.t.handle.db, { username: `rep_${name.toLowerCase()}`, org: [org, 'orgAdmin'] });
      await s.t.handle.db
        .insertInto('coord_member_roles')
        .values({
          organization_id: org,
          user_id: rep.id,
          title: '',
          is_executive_director: 0,
          is_representative: 1,
          updated_at: s.t.clock.now.toISOString(),
        })
        .execute();
      more.push(org, rep.id);
    }
    const id = await decision('Five members', HOUR, 2 * HOUR);
    s.t.clock.advance(HOUR + 60_000);
    await resignIn(s.t, s.w);
    const { yes, no } = await optionIds(id);
    const v = (await getVote(s.t.handle.db, s.w.net, id))!;
    const casts: [number, number, number][] = [
      [s.w.orgA, s.w.users.adminA, yes],
      [s.w.orgB, s.w.users.adminB, yes],
      [s.w.orgC, s.w.users.adminC, no],
      [more[0]!, more[1]!, yes],
      [more[2]!, more[3]!, no],
    ];
    for (const [org, user, choice] of casts)
      expect(await castBallot(s.t.handle.db, v, org, user, [choice], s.t.clock.now)).toBe('ok');
    s.t.clock.advance(HOUR);
    await resignIn(s.t, s.w);
    const page = await s.w.c.staffB.get(`/votes/${id}`);
    expect(page.body).toContain('أُقرّ القرار.');
    expect(page.body).toContain('>الأصوات</th>');
    expect(page.body).not.toContain('أقل من أن تُنشر نتيجته');
  });
});

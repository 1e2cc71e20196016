// Isolation probes of meetings: an internal meeting of A and of B (with a guest from C), a network
// meeting, a public one still to come (inside the network only) and one that has taken place (its
// summary for everyone), when and where (.ics, calendar feeds: only for those taking part),
// minutes, attendance, RSVPs, action items.
import { who } from '../../../../testing/isolation.js';
import type { Kit, Rule, Write } from './kit.js';
import { createAction, createMeeting, type MeetingInput } from '../../meetings/actions.js';
import { templateMeeting } from '../../meetings/cycle.js';
import { DAY } from '../../../../core/time.js';

export type Meetings = {
  meetingA: number;
  meetingB: number;
  meetingNet: number;
  meetingPub: number;
  meetingPast: number;
};

/** The meetings other areas refer to (a review on the network meeting, lessons about meetings). */
export async function makeMeetings(k: Kit): Promise<Meetings> {
  const { db, users, net, orgA, orgB, orgC, now, at, mk } = k;
  // ——— meetings ———
  const meeting = (over: Partial<MeetingInput>, orgIds: number[], userIds: number[], by: number, start = at(DAY)) =>
    createMeeting(
      db,
      net,
      templateMeeting({ kind: 'other', title: '', town_pcode: 'C1564', ...over }, start, 1),
      { orgIds, userIds },
      [],
      by,
      now,
    );
  const meetingA = await meeting({ title: `اجتماع ${mk('MTGA')}`, host_org_id: orgA }, [orgA], [], users.staffA);
  const meetingB = await meeting(
    { title: `اجتماع ${mk('MTGB')}`, host_org_id: orgB },
    [orgB],
    [users.adminC],
    users.adminB,
  );
  const meetingNet = await meeting(
    { kind: 'consultative', title: `اجتماع ${mk('MTGNET')}`, visibility: 'network', description: mk('MTGFULL') },
    [orgA, orgB],
    [],
    users.editor,
  );
  // A public meeting: its summary is for everyone once it has taken place; what only people inside
  // the network read of it carries the same words as the network meeting's.
  const publicMeeting = (tag: string, orgId: number, start?: Date) =>
    meeting(
      {
        title: `اجتماع ${mk(tag)}`,
        visibility: 'public',
        public_summary: mk(`${tag}SUM`),
        description: mk('MTGFULL'),
        place_detail: mk('MTGFULL'),
      },
      [orgId],
      [],
      users.editor,
      start,
    );
  const meetingPub = await publicMeeting('MTGPUB', orgA);
  // One that has taken place: its summary is for everyone now.
  const meetingPast = await publicMeeting('MTGPAST', orgB, at(-2 * DAY));
  for (const [id, minutes] of [
    [meetingA, 'MINA'],
    [meetingNet, 'MINNET'],
  ] as const)
    await db
      .updateTable('coord_meetings')
      .set({ minutes_md: mk(minutes) })
      .where('id', '=', id)
      .execute();
  // A guest on the roll call of A's meeting (from A), and of B's (from C).
  const guest = (meetingId: number, orgId: number, tag: string, by: number) => ({
    meeting_id: meetingId,
    organization_id: orgId,
    user_id: null,
    name: mk(tag),
    present: 1,
    recorded_by: by,
    recorded_at: now.toISOString(),
  });
  await db
    .insertInto('coord_attendance')
    .values([guest(meetingA, orgA, 'GUESTA', users.staffA), guest(meetingB, orgC, 'GUESTB', users.adminB)])
    .execute();
  return { meetingA, meetingB, meetingNet, meetingPub, meetingPast };
}

export async function meetingProbes(
  k: Kit,
  { meetingA, meetingB, meetingNet, meetingPub, meetingPast }: Meetings,
): Promise<void> {
  const { db, users, net, orgA, now, mk, probes, staffA, staffB, coordinators, personOf, feedsOutside, columnsOf } = k;
  const meetingLists = (readers: Rule) => ['/meetings', '/actions', '/lessons/new', ...feedsOutside(readers)];
  const rsvp = (id: number, writers: Rule): Write => ({
    writers,
    send: async (client) => {
      // Each answer differs from the person's last one, so a change that lands shows.
      const userId = users[personOf(client) as keyof typeof users];
      const last = userId
        ? await db
            .selectFrom('coord_rsvps')
            .select('response')
            .where('meeting_id', '=', id)
            .where('user_id', '=', userId)
            .executeTakeFirst()
        : undefined;
      return client.post(`/meetings/${id}/rsvp`, { response: last?.response === 'yes' ? 'no' : 'yes' });
    },
    state: () => columnsOf('coord_rsvps', ['user_id', 'response'], 'meeting_id', id, 'user_id'),
  });
  const minutes = (id: number, marker: string, writers: Rule): Write => ({
    writers,
    send: (client, n) => client.post(`/meetings/${id}/minutes`, { minutes_md: `${marker} ${n}` }),
    state: async () =>
      (await db.selectFrom('coord_meetings').select('minutes_md').where('id', '=', id).executeTakeFirst()) ?? null,
  });
  const attendance = (id: number, writers: Rule): Write => ({
    writers,
    send: (client, n) => client.post(`/meetings/${id}/attendance`, { guest_name: `guest ${n}`, guest_org: '' }),
    state: () => columnsOf('coord_attendance', ['name', 'present'], 'meeting_id', id, 'id'),
  });

  const inviteesB = who.any(staffB, who.is('adminC'));
  // When and where is for those taking part: the invited and the managers (the editor made these
  // meetings without a host, so coordinators manage them). The moderator and adminC are inside the
  // network but take part in none of them.
  const takePartNet = who.any(staffA, staffB, coordinators);
  const takePartPub = who.any(staffA, coordinators);
  const takePartPast = who.any(staffB, coordinators);
  const whenAndWhere = (id: number, readers: Rule) => ({
    readers,
    pages: [`/meetings/${id}.ics`],
    lists: feedsOutside(readers),
  });
  probes.push(
    {
      name: "coordination: A's internal meeting (invitees: A)",
      marker: mk('MTGA'),
      readers: staffA,
      pages: [`/meetings/${meetingA}`, `/meetings/${meetingA}.ics`],
      lists: meetingLists(staffA),
      write: rsvp(meetingA, staffA),
    },
    {
      name: "coordination: A's internal meeting (minutes)",
      marker: mk('MINA'),
      readers: staffA,
      pages: [`/meetings/${meetingA}`],
      lists: ['/meetings', `/meetings/${meetingNet}`],
      write: minutes(meetingA, mk('MINA'), staffA),
    },
    {
      name: "coordination: A's internal meeting (attendance, its managers)",
      marker: mk('GUESTA'),
      readers: staffA,
      pages: [`/meetings/${meetingA}/attendance`],
      lists: [`/meetings/${meetingA}`, `/meetings/${meetingNet}`],
      write: attendance(meetingA, staffA),
    },
    {
      name: "coordination: B's meeting with a named guest from C (invitees: B, adminC)",
      marker: mk('MTGB'),
      readers: inviteesB,
      pages: [`/meetings/${meetingB}`, `/meetings/${meetingB}.ics`],
      lists: meetingLists(inviteesB),
      write: rsvp(meetingB, inviteesB),
    },
    {
      name: "coordination: B's meeting (attendance: B manages, the invited guest does not)",
      marker: mk('GUESTB'),
      readers: staffB,
      pages: [`/meetings/${meetingB}/attendance`],
      lists: [`/meetings/${meetingB}`],
      write: attendance(meetingB, staffB),
    },
    {
      name: 'coordination: a network meeting (RSVP: the invited A and B)',
      marker: mk('MTGNET'),
      readers: who.network,
      pages: [`/meetings/${meetingNet}`],
      lists: meetingLists(who.network),
      write: rsvp(meetingNet, who.any(staffA, staffB)),
    },
    {
      name: "coordination: a network meeting's when and where (.ics, feeds: those taking part)",
      marker: mk('MTGNET'),
      ...whenAndWhere(meetingNet, takePartNet),
    },
    {
      name: 'coordination: a network meeting (minutes: coordinators)',
      marker: mk('MINNET'),
      readers: who.network,
      pages: [`/meetings/${meetingNet}`],
      lists: ['/meetings'],
      write: minutes(meetingNet, mk('MINNET'), coordinators),
    },
    {
      // Before it takes place a public meeting is a network meeting: a 404 and off the list outside.
      name: 'coordination: a public meeting still to come (inside the network)',
      marker: mk('MTGPUB'),
      readers: who.network,
      pages: [`/meetings/${meetingPub}`],
      lists: ['/meetings', ...feedsOutside(who.network)],
    },
    {
      name: 'coordination: a public meeting still to come (its summary: inside the network, not yet for everyone)',
      marker: mk('MTGPUBSUM'),
      readers: who.network,
      pages: [`/meetings/${meetingPub}`],
      lists: ['/meetings'],
    },
    {
      name: "coordination: a public meeting's when and where (.ics, feeds: those taking part)",
      marker: mk('MTGPUB'),
      ...whenAndWhere(meetingPub, takePartPub),
    },
    {
      name: 'coordination: a public meeting that has taken place (its title for everyone)',
      marker: mk('MTGPAST'),
      readers: who.everyone,
      pages: [`/meetings/${meetingPast}`],
      lists: ['/meetings'],
    },
    {
      name: 'coordination: a public meeting that has taken place (its summary for everyone)',
      marker: mk('MTGPASTSUM'),
      readers: who.everyone,
      pages: [`/meetings/${meetingPast}`],
    },
    {
      name: "coordination: a past public meeting's when and where (.ics, feeds: those taking part)",
      marker: mk('MTGPAST'),
      ...whenAndWhere(meetingPast, takePartPast),
    },
    {
      // A public meeting shows everyone (once it has taken place) a summary; its description is for
      // people inside the network, like a network meeting's (which carries the same words), and
      // the place's details for those taking part.
      name: "coordination: a public meeting's full details (inside the network)",
      marker: mk('MTGFULL'),
      readers: who.network,
      pages: [`/meetings/${meetingNet}`, `/meetings/${meetingPub}`],
      lists: [`/meetings/${meetingPast}`, `/meetings/${meetingPast}.ics`, '/meetings', ...feedsOutside(who.network)],
    },
  );

  // ——— action items ———
  const action = (title: string, meetingId: number, sharing: 'org' | 'network', by: number | null) =>
    createAction(
      db,
      net,
      {
        title,
        details: '',
        owner_org_id: orgA,
        owner_user_id: null,
        due_on: null,
        sharing,
        meeting_id: meetingId,
        decision_id: null,
        review_id: null,
      },
      by,
      now,
    );
  const actionStatus = (id: number, writers: Rule): Write => ({
    writers,
    send: async (client) => {
      const row = await db.selectFrom('coord_actions').select('status').where('id', '=', id).executeTakeFirst();
      return client.post(`/actions/${id}/status`, { status: row?.status === 'open' ? 'in_progress' : 'open' });
    },
    state: async () =>
      (await db.selectFrom('coord_actions').select(['status']).where('id', '=', id).executeTakeFirst()) ?? null,
  });
  const actionLists = ['/actions', '/actions?status=all', '/actions?mine=1'];
  // A's own action item, assigned at its internal meeting and (by the system) at the network meeting.
  const actionOrg = await action(mk('ACTORGA'), meetingA, 'org', users.staffA);
  await action(mk('ACTORGA'), meetingNet, 'org', null);
  const actionNet = await action(mk('ACTNETA'), meetingNet, 'network', users.editor);
  probes.push(
    {
      name: "coordination: A's own action item",
      marker: mk('ACTORGA'),
      readers: staffA,
      pages: [`/meetings/${meetingA}`],
      lists: [...actionLists, `/meetings/${meetingNet}`],
      write: actionStatus(actionOrg, staffA),
    },
    {
      name: "coordination: A's action item shared with the network",
      marker: mk('ACTNETA'),
      readers: who.network,
      pages: [`/meetings/${meetingNet}`],
      lists: actionLists,
      write: actionStatus(actionNet, who.any(staffA, coordinators)),
    },
  );
}

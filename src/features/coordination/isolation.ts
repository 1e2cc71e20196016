// Coordination's part of the cross-organization isolation property (src/testing/isolation.ts). The
// rules come from README.md ("URLs and who may use them", "Privacy decisions") and the comments in
// permissions.ts, not from the permission code:
// - A workspace — its items, people and their titles, its export — belongs to its organization's
//   staff. An item is shared item by item: private (the organization), named organizations (and
//   their staff), network (anyone inside the network: staff of a member or holder of a network
//   role), public (everyone). Only the owning organization's staff change an item; only its
//   admins change people and roles, export, or leave.
// - Network admins get NO read access to an organization's rows: only a running emergency grant
//   (C's workspace here) opens a workspace to them, read-only. A's grant has expired; B never had one.
// - Plans are their organization's; a review shows one version and its comments to the reviewers
//   the organization chose (people, not their organizations).
// - Meetings: invitees (organizations' staff, named people), the host and the creator; network
//   meetings everyone inside the network; public meetings a summary to everyone. Managing (minutes,
//   attendance): the creator, the host's staff, coordinators for network meetings. RSVP: invitees.
// - Action items: the owner organization (and person, and creator); network-shared ones everyone
//   inside the network; updates by the owner, the creator, coordinators for network-shared ones.
// - Licences and their visit logs: the organization's staff and the coordinators (network editors
//   and admins). Councils: everyone inside the network; created by coordinators.
// - Lessons: private to the organization or shared with the network; a published lesson is public.
// - Votes are seen inside the network and created by network admins; a ballot is secret from
//   everyone (it has no page and must show on none).
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../testing/app.js';
import { who, PEOPLE, type IsolationWorld, type Person, type Probe } from '../../testing/isolation.js';
import { publishItem } from '../publishing/queries.js';
import { createItem, openEmergency, setPersonRole, setSharing } from './workspace.js';
import { createMeeting, createAction, type MeetingInput } from './meetings.js';
import { addComment, addPlanVersion, openReview, type PlanVersionInput } from './plans.js';
import { addVisit, createLicence, saveCouncil, updateLicence } from './licensing.js';
import { saveLesson, type LessonInput } from './lessons.js';
import { castBallot, createBody, createVote, getVote } from './votes.js';
import { idFrom, PDF, postMultipart } from './test-helpers.js';
import { dateToDamascusLocal, DAY, HOUR } from '../../core/time.js';

type Rule = (p: Person) => boolean;

export async function coordinationProbes(w: IsolationWorld): Promise<Probe[]> {
  const { t, users, c, net, orgA, orgB, orgC } = w;
  const db = t.handle.db;
  const now = t.clock.now;
  const at = (ms: number) => new Date(now.getTime() + ms);
  const local = (ms: number) => dateToDamascusLocal(at(ms));
  /** Markers end in X so that none is the beginning of another. */
  const mk = (code: string) => `ISOC${code}X`;
  const probes: Probe[] = [];

  const staffA = who.staffOf('A');
  const staffB = who.staffOf('B');
  const staffC = who.staffOf('C');
  const coordinators = who.is('editor', 'netAdmin');
  const personOf = (client: Client): Person => PEOPLE.find((p) => c[p] === client)!;
  const expectOk = (res: LightMyRequestResponse, what: string) => {
    if (res.statusCode !== 303) throw new Error(`coordination isolation fixture: ${what} → ${res.statusCode}`);
    return res;
  };

  // ——— roles: executive directors (reviewer candidates) and voting representatives ———
  const role = (title: string, ed: boolean, rep: boolean) => ({ title, executiveDirector: ed, representative: rep });
  await setPersonRole(db, orgA, users.adminA, role('', true, true), now);
  await setPersonRole(db, orgB, users.adminB, role('', true, true), now);
  await setPersonRole(db, orgC, users.adminC, role(mk('TITLEC'), true, false), now);
  await setPersonRole(db, orgA, users.staffA, role(mk('TITLEA'), false, false), now);

  // ——— emergency access: running on C, expired on A, never on B ———
  await openEmergency(db, orgC, users.netAdmin, 'A flood closed the office; the payroll file is needed.', 72, now);
  await openEmergency(db, orgA, users.netAdmin, 'An earlier emergency that is over by now.', 1, at(-3 * DAY));

  // The private calendar feed of each signed-in person: whoever holds the link sees what its owner sees.
  const feed = {} as Record<Person, string>;
  for (const p of PEOPLE) {
    if (p === 'anonymous') continue;
    const res = await c[p].get('/meetings/calendar');
    const m = /\/meetings\/feed\/[A-Za-z0-9_-]+\.ics/.exec(res.body);
    if (!m) throw new Error(`coordination isolation fixture: no calendar feed for ${p}`);
    feed[p] = m[0];
  }
  /** The feeds of the people a rule leaves out: none of them may carry the marker. */
  const feedsOutside = (readers: Rule) => PEOPLE.filter((p) => p !== 'anonymous' && !readers(p)).map((p) => feed[p]);

  // ——— workspace items ———
  /** The pages that list workspace items: each person's own workspace (/workspace), what is
   * shared with them, C's workspace as the network admin sees it under the grant, and the owner's
   * public profile. */
  const workspaceLists = (owner: number) => [
    '/workspace',
    '/workspace/shared',
    `/workspace/${orgC}`,
    `/organizations/${owner}`,
  ];
  const itemState = (id: number) => async () =>
    (await db.selectFrom('coord_items').select(['title', 'body', 'sharing']).where('id', '=', id).executeTakeFirst()) ??
    null;
  const editItem = (id: number, title: string, keyword: string, writers: Rule): NonNullable<Probe['write']> => ({
    writers,
    send: (client, n) => client.post(`/workspace/items/${id}/edit`, { title, body: `${keyword} ${n}` }),
    state: itemState(id),
  });

  type Sharing = 'private' | 'orgs' | 'network' | 'public';
  const notes: [org: 'A' | 'B' | 'C', sharing: Sharing, sharedWith: number[], readers: Rule, label: string][] = [
    ['A', 'private', [], staffA, "A's private note (A's emergency grant has expired)"],
    ['A', 'orgs', [orgB], who.any(staffA, staffB), "A's note shared with B"],
    ['A', 'network', [], who.network, "A's note shared with the network"],
    ['A', 'public', [], who.everyone, "A's public note"],
    ['B', 'private', [], staffB, "B's private note (no grant ever)"],
    ['B', 'orgs', [orgA], who.any(staffA, staffB), "B's note shared with A"],
    ['C', 'private', [], who.any(staffC, who.is('netAdmin')), "C's private note under a running emergency grant"],
  ];
  const orgIdOf = { A: orgA, B: orgB, C: orgC };
  const authorOf = { A: users.staffA, B: users.staffB, C: users.adminC };
  for (const [org, sharing, sharedWith, readers, label] of notes) {
    const marker = mk(`NOTE${sharing.toUpperCase()}${org}`);
    const keyword = `kwnote${sharing}${org}`.toLowerCase();
    const title = `ملاحظة ${marker}`;
    const id = await createItem(db, orgIdOf[org], { kind: 'note', title, body: keyword, userId: authorOf[org] }, now);
    await setSharing(db, id, orgIdOf[org], net, sharing, sharedWith, now);
    probes.push({
      name: `coordination: ${label}`,
      marker,
      readers,
      // A private item is also listed on its workspace page, which is just as private.
      pages:
        sharing === 'private' ? [`/workspace/items/${id}`, `/workspace/${orgIdOf[org]}`] : [`/workspace/items/${id}`],
      lists: workspaceLists(orgIdOf[org]),
      write: editItem(id, title, keyword, who.staffOf(org)),
    });
  }

  // Sharing itself is a change only the owner's staff make: network for a moment, then back to B only.
  {
    const marker = mk('NOTESHAREDA');
    const id = await createItem(
      db,
      orgA,
      { kind: 'note', title: `ملاحظة ${marker}`, body: '', userId: users.staffA },
      now,
    );
    await setSharing(db, id, orgA, net, 'orgs', [orgB], now);
    probes.push({
      name: "coordination: A's note shared with B (sharing changes)",
      marker,
      readers: who.any(staffA, staffB),
      pages: [`/workspace/items/${id}`],
      lists: workspaceLists(orgA),
      write: {
        writers: staffA,
        send: async (client) => {
          const first = await client.post(`/workspace/items/${id}/sharing`, { sharing: 'network' });
          if (first.statusCode !== 303) return first;
          return client.post(`/workspace/items/${id}/sharing`, { sharing: 'orgs', orgs: [String(orgB)] });
        },
        // The two changes leave the item as it was; the audit log keeps each of them.
        state: async () => ({
          item: await itemState(id)(),
          changes: Number(
            (
              await db
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('action', '=', 'coordination.item.sharing')
                .where('target_id', '=', String(id))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        }),
      },
    });
  }

  // ——— documents, their versions and files, and the organization's export ———
  const documents: [org: 'A' | 'B', sharing: Sharing, sharedWith: number[], readers: Rule][] = [
    ['A', 'private', [], staffA],
    ['A', 'orgs', [orgB], who.any(staffA, staffB)],
    ['A', 'network', [], who.network],
    ['A', 'public', [], who.everyone],
    ['B', 'orgs', [orgA], who.any(staffA, staffB)],
  ];
  for (const [org, sharing, sharedWith, readers] of documents) {
    const code = `${sharing.toUpperCase()}${org}`;
    const marker = mk(`DOC${code}`);
    const fileMarker = mk(`FILE${code}`);
    const nameMarker = mk(`FNAME${code}`);
    const orgId = orgIdOf[org];
    const uploader = org === 'A' ? c.adminA : c.adminB;
    const res = expectOk(
      await postMultipart(
        t,
        uploader,
        `/workspace/${orgId}/documents`,
        { title: `وثيقة ${marker}`, body: '', note: '' },
        { file: { filename: `${nameMarker}.pdf`, data: PDF(`${fileMarker} v1`) } },
      ),
      'document upload',
    );
    const id = idFrom(res.headers.location);
    expectOk(
      await postMultipart(
        t,
        uploader,
        `/workspace/items/${id}/versions`,
        { note: '' },
        { file: { filename: `${nameMarker}-2.pdf`, data: PDF(`${fileMarker} v2`) } },
      ),
      'document version',
    );
    await setSharing(db, id, orgId, net, sharing, sharedWith, now);
    const versions = await db
      .selectFrom('coord_document_versions')
      .select('id')
      .where('item_id', '=', id)
      .orderBy('version')
      .execute();
    const countVersions = async () =>
      Number(
        (
          await db
            .selectFrom('coord_document_versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('item_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    probes.push({
      name: `coordination: ${org}'s ${sharing} document`,
      marker,
      readers,
      pages: [`/workspace/items/${id}`],
      lists: workspaceLists(orgId),
      // A new version is a change of the document: the owner's staff only.
      write:
        sharing === 'orgs'
          ? {
              writers: who.staffOf(org),
              send: (client, n) =>
                postMultipart(
                  t,
                  client,
                  `/workspace/items/${id}/versions`,
                  { note: `n${n}` },
                  { file: { filename: `v${n}.pdf`, data: PDF(`version ${n}`) } },
                ),
              state: countVersions,
            }
          : undefined,
    });
    probes.push({
      name: `coordination: ${org}'s ${sharing} document (its files)`,
      marker: fileMarker,
      readers,
      pages: versions.map((v) => `/workspace/items/${id}/versions/${v.id}/file`),
    });
    if (sharing === 'orgs') {
      // The export holds exactly the organization's own rows and files — not what others shared
      // with it. (The zip is compressed; its file names are not.)
      const others = [orgA, orgB, orgC].filter((o) => o !== orgId);
      probes.push({
        name: `coordination: ${org}'s export (a document it shared)`,
        marker: nameMarker,
        readers: who.adminOf(org),
        pages: [`/workspace/${orgId}/export`],
        lists: others.map((o) => `/workspace/${o}/export`),
      });
    }
  }

  // ——— people and their titles; emergency access ———
  probes.push({
    name: "coordination: A's workspace people (titles)",
    marker: mk('TITLEA'),
    readers: staffA,
    pages: [`/workspace/${orgA}`],
    lists: workspaceLists(orgA),
    write: {
      writers: who.adminOf('A'),
      send: (client, n) =>
        client.post(`/workspace/${orgA}/people`, {
          user_id: String(users.staffA),
          title: `${mk('TITLEA')} ${n}`,
        }),
      state: async () =>
        (await db
          .selectFrom('coord_member_roles')
          .select(['title', 'is_executive_director', 'is_representative'])
          .where('organization_id', '=', orgA)
          .where('user_id', '=', users.staffA)
          .executeTakeFirst()) ?? null,
    },
  });
  probes.push({
    name: "coordination: C's workspace under a running emergency grant (opening one: network admins)",
    marker: mk('TITLEC'),
    readers: who.any(staffC, who.is('netAdmin')),
    pages: [`/workspace/${orgC}`],
    lists: ['/workspace', `/workspace/${orgA}`, `/workspace/${orgB}`],
    write: {
      writers: who.is('netAdmin'),
      send: (client, n) =>
        client.post(`/workspace/${orgC}/emergency`, {
          reason: `The office is unreachable and the files are needed (${n}).`,
          hours: '1',
        }),
      state: async () =>
        Number(
          (
            await db
              .selectFrom('coord_emergency_access')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('organization_id', '=', orgC)
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  });
  // Leaving the network is B's admins' decision (asked for, then withdrawn at once here).
  probes.push({
    name: "coordination: B's departure (its admins only)",
    marker: mk('NOTEPRIVATEB'),
    readers: staffB,
    pages: [`/workspace/${orgB}`],
    write: {
      writers: who.adminOf('B'),
      send: async (client) => {
        // The name as it is now (other features' probes edit the profile).
        const org = await db
          .selectFrom('organizations')
          .select('name_en')
          .where('id', '=', orgB)
          .executeTakeFirstOrThrow();
        const res = await client.post(`/workspace/${orgB}/leave`, { confirm_name: org.name_en.trim() });
        if (res.statusCode !== 303) return res;
        return client.post(`/workspace/${orgB}/leave/cancel`, {});
      },
      state: async () =>
        (
          await db
            .selectFrom('coord_departures')
            .select(['id', 'cancelled_at'])
            .where('organization_id', '=', orgB)
            .orderBy('id')
            .execute()
        ).map((r) => [r.id, r.cancelled_at]),
    },
  });

  // ——— meetings ———
  const meetingInput = (over: Partial<MeetingInput>): MeetingInput => ({
    kind: 'other',
    title: '',
    description: '',
    host_org_id: null,
    starts_at: at(DAY).toISOString(),
    ends_at: at(DAY + HOUR).toISOString(),
    place_kind: 'town',
    place_org_id: null,
    town_pcode: 'C1564',
    place_detail: '',
    online_url: null,
    visibility: 'invitees',
    public_summary: '',
    quorum_orgs: 0,
    ...over,
  });
  const meeting = (over: Partial<MeetingInput>, orgIds: number[], userIds: number[], by: number) =>
    createMeeting(db, net, meetingInput(over), { orgIds, userIds }, [], by, now);
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
  const meetingPub = await meeting(
    {
      title: `اجتماع ${mk('MTGPUB')}`,
      visibility: 'public',
      public_summary: mk('MTGPUBSUM'),
      // What only people inside the network read of it: the same words as the network meeting's.
      description: mk('MTGFULL'),
      place_detail: mk('MTGFULL'),
    },
    [orgA],
    [],
    users.editor,
  );
  await db
    .updateTable('coord_meetings')
    .set({ minutes_md: mk('MINA') })
    .where('id', '=', meetingA)
    .execute();
  await db
    .updateTable('coord_meetings')
    .set({ minutes_md: mk('MINNET') })
    .where('id', '=', meetingNet)
    .execute();
  await db
    .insertInto('coord_attendance')
    .values([
      {
        meeting_id: meetingA,
        organization_id: orgA,
        user_id: null,
        name: mk('GUESTA'),
        present: 1,
        recorded_by: users.staffA,
        recorded_at: now.toISOString(),
      },
      {
        meeting_id: meetingB,
        organization_id: orgC,
        user_id: null,
        name: mk('GUESTB'),
        present: 1,
        recorded_by: users.adminB,
        recorded_at: now.toISOString(),
      },
    ])
    .execute();

  // ——— strategic plans, versions, reviews ———
  const version = (vision: string): PlanVersionInput => ({
    vision,
    mission: '',
    goals: '',
    objectives: '',
    activities: '',
    note: '',
    file: null,
  });
  const planLists = ['/plans', `/plans?org=${orgA}`, `/plans?org=${orgB}`, `/plans?org=${orgC}`];
  const countRows =
    (table: 'coord_plan_versions' | 'coord_review_comments', col: 'plan_id' | 'review_id', id: number) => async () =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(col, '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
  {
    const res = expectOk(
      await postMultipart(
        t,
        c.adminA,
        `/plans/new?org=${orgA}`,
        {
          title: `خطة ${mk('PLANA')}`,
          vision: 'kwplana',
          mission: '',
          goals: '',
          objectives: '',
          activities: '',
          note: '',
        },
        { file: { filename: 'plan.pdf', data: PDF(mk('PLANFILEA')) } },
      ),
      'plan',
    );
    const planId = idFrom(res.headers.location);
    const v1 = await db
      .selectFrom('coord_plan_versions')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    probes.push({
      name: "coordination: A's strategic plan",
      marker: mk('PLANA'),
      readers: staffA,
      pages: [`/plans/${planId}`],
      lists: planLists,
      write: {
        writers: staffA,
        send: (client, n) =>
          client.post(`/plans/${planId}/versions`, {
            vision: `kwplana ${n}`,
            mission: '',
            goals: '',
            objectives: '',
            activities: '',
            note: '',
          }),
        state: countRows('coord_plan_versions', 'plan_id', planId),
      },
    });
    probes.push({
      name: "coordination: A's strategic plan (its document)",
      marker: mk('PLANFILEA'),
      readers: staffA,
      pages: [`/plans/${planId}/versions/${v1.id}/file`],
    });
  }
  // A's plan reviewed by C's executive director, B's by A's: the reviewer reads, the reviewer's
  // colleagues do not.
  for (const [org, reviewer] of [
    ['A', 'adminC'],
    ['B', 'adminA'],
  ] as const) {
    const orgId = orgIdOf[org];
    const owner = org === 'A' ? users.adminA : users.adminB;
    const created = expectOk(
      await postMultipart(
        t,
        org === 'A' ? c.adminA : c.adminB,
        `/plans/new?org=${orgId}`,
        {
          title: `خطة ${mk(`PLANREV${org}`)}`,
          vision: mk(`PLANV1${org}`),
          mission: '',
          goals: '',
          objectives: '',
          activities: '',
          note: '',
        },
        { file: { filename: `${mk(`PLANFNAME${org}`)}.pdf`, data: PDF(mk(`PLANREVFILE${org}`)) } },
      ),
      'reviewed plan',
    );
    const planId = idFrom(created.headers.location);
    const v1 = await db
      .selectFrom('coord_plan_versions')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    // B's plan is reviewed at the network's consultative meeting, whose other guests must not see it.
    const reviewId = await openReview(
      db,
      { id: planId, organization_id: orgId },
      v1.id,
      [users[reviewer]],
      false,
      org === 'B' ? meetingNet : null,
      owner,
      now,
    );
    await addPlanVersion(db, planId, orgId, version(mk(`PLANV2${org}`)), owner, now);
    const review = { id: reviewId, organization_id: orgId };
    await addComment(
      db,
      review,
      { section: 'vision', parentId: null, body: mk(`REVCOMMENT${org}`) },
      users[reviewer],
      now,
    );
    const comment = await db
      .selectFrom('coord_review_comments')
      .select('id')
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    const reviewers = who.any(who.staffOf(org), who.is(reviewer));
    probes.push({
      name: `coordination: review of ${org}'s plan (the reviewed version; reviewer ${reviewer})`,
      marker: mk(`PLANV1${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: planLists,
    });
    probes.push({
      name: `coordination: ${org}'s reviewed plan (its title)`,
      marker: mk(`PLANREV${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: [...planLists, `/meetings/${meetingNet}`],
    });
    probes.push({
      name: `coordination: ${org}'s reviewed plan (the reviewed document)`,
      marker: mk(`PLANREVFILE${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}/file`],
    });
    // The reviewer's organization exports its own plans, not the ones its people review.
    probes.push({
      name: `coordination: ${org}'s export (a plan reviewed by ${reviewer})`,
      marker: mk(`PLANFNAME${org}`),
      readers: who.adminOf(org),
      pages: [`/workspace/${orgId}/export`],
      lists: [orgA, orgB, orgC].filter((o) => o !== orgId).map((o) => `/workspace/${o}/export`),
    });
    probes.push({
      name: `coordination: ${org}'s plan version that is not under review`,
      marker: mk(`PLANV2${org}`),
      readers: who.staffOf(org),
      pages: [`/plans/${planId}`],
      lists: [...planLists, `/plans/reviews/${reviewId}`],
    });
    probes.push({
      name: `coordination: review comments on ${org}'s plan (answers: the organization and the reviewer)`,
      marker: mk(`REVCOMMENT${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: planLists,
      write: {
        writers: reviewers,
        send: (client, n) =>
          client.post(`/plans/reviews/${reviewId}/comments`, {
            section: 'vision',
            body: `answer ${n}`,
            parent_id: String(comment.id),
          }),
        state: countRows('coord_review_comments', 'review_id', reviewId),
      },
    });
  }

  const meetingLists = (readers: Rule) => ['/meetings', '/actions', '/lessons/new', ...feedsOutside(readers)];
  const rsvp = (id: number, writers: Rule): NonNullable<Probe['write']> => ({
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
    state: async () =>
      (
        await db
          .selectFrom('coord_rsvps')
          .select(['user_id', 'response'])
          .where('meeting_id', '=', id)
          .orderBy('user_id')
          .execute()
      ).map((r) => `${r.user_id}:${r.response}`),
  });
  const minutes = (id: number, marker: string, writers: Rule): NonNullable<Probe['write']> => ({
    writers,
    send: (client, n) => client.post(`/meetings/${id}/minutes`, { minutes_md: `${marker} ${n}` }),
    state: async () =>
      (await db.selectFrom('coord_meetings').select('minutes_md').where('id', '=', id).executeTakeFirst()) ?? null,
  });
  const attendance = (id: number, writers: Rule): NonNullable<Probe['write']> => ({
    writers,
    send: (client, n) => client.post(`/meetings/${id}/attendance`, { guest_name: `guest ${n}`, guest_org: '' }),
    state: async () =>
      (
        await db
          .selectFrom('coord_attendance')
          .select(['name', 'present'])
          .where('meeting_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((r) => `${r.name}:${r.present}`),
  });

  const inviteesB = who.any(staffB, who.is('adminC'));
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
      pages: [`/meetings/${meetingNet}`, `/meetings/${meetingNet}.ics`],
      lists: meetingLists(who.network),
      write: rsvp(meetingNet, who.any(staffA, staffB)),
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
      name: 'coordination: a public meeting (its title and time for everyone)',
      marker: mk('MTGPUB'),
      readers: who.everyone,
      pages: [`/meetings/${meetingPub}`, `/meetings/${meetingPub}.ics`],
      lists: ['/meetings'],
    },
    {
      // A public meeting shows everyone a summary; its description and the place's details are for
      // people inside the network, like those of a network meeting (which carries the same words).
      name: "coordination: a public meeting's full details (inside the network)",
      marker: mk('MTGFULL'),
      readers: who.network,
      pages: [`/meetings/${meetingNet}`, `/meetings/${meetingNet}.ics`],
      lists: [`/meetings/${meetingPub}`, `/meetings/${meetingPub}.ics`, '/meetings', ...feedsOutside(who.network)],
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
  const actionStatus = (id: number, writers: Rule): NonNullable<Probe['write']> => ({
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

  // ——— governance and votes ———
  await createBody(
    db,
    net,
    {
      kind: 'committee',
      name_ar: `لجنة ${mk('BODY')}`,
      name_en: `Committee ${mk('BODY')}`,
      description_ar: '',
      description_en: '',
    },
    now,
  );
  probes.push({
    name: 'coordination: a governance body (public; created by network admins)',
    marker: mk('BODY'),
    readers: who.everyone,
    pages: ['/governance'],
    write: {
      writers: who.is('netAdmin'),
      send: (client, n) =>
        client.post('/governance/bodies', {
          kind: 'committee',
          name_ar: `لجنة ${n}`,
          name_en: `Committee ${n}`,
          description_ar: '',
          description_en: '',
        }),
      state: async () =>
        Number(
          (
            await db
              .selectFrom('coord_bodies')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  });
  const labels = { yes: 'نعم', no: 'لا', abstain: 'امتناع' };
  const vote = async (title: string, opensAt: Date, closesAt: Date) =>
    createVote(
      db,
      net,
      {
        kind: 'decision',
        title,
        description: '',
        body_id: null,
        max_choices: 1,
        nominations_close_at: null,
        opens_at: opensAt.toISOString(),
        closes_at: closesAt.toISOString(),
        quorum_percent: 50,
      },
      labels,
      users.netAdmin,
      new Date(opensAt.getTime() - DAY),
    );
  const cast = async (voteId: number, org: 'A' | 'B', kind: 'yes' | 'no', when: Date) => {
    const v = (await getVote(db, net, voteId))!;
    const option = await db
      .selectFrom('coord_vote_options')
      .select('id')
      .where('vote_id', '=', voteId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    const result = await castBallot(db, v, orgIdOf[org], org === 'A' ? users.adminA : users.adminB, [option.id], when);
    if (result !== 'ok') throw new Error(`coordination isolation fixture: ballot ${result}`);
  };
  const closedVote = await vote(mk('VOTECLOSED'), at(-3 * DAY), at(-DAY));
  await cast(closedVote, 'A', 'yes', at(-2 * DAY));
  await cast(closedVote, 'B', 'no', at(-2 * DAY));
  const openVote = await vote(mk('VOTEOPEN'), at(-HOUR), at(DAY));
  await cast(openVote, 'A', 'yes', now);
  const voteState = async () =>
    Number(
      (
        await db
          .selectFrom('coord_votes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  probes.push(
    {
      name: 'coordination: a closed vote with its results (inside the network; created by network admins)',
      marker: mk('VOTECLOSED'),
      readers: who.network,
      pages: [`/votes/${closedVote}`],
      lists: ['/governance'],
      write: {
        writers: who.is('netAdmin'),
        send: (client, n) =>
          client.post('/votes/new', {
            kind: 'decision',
            title: `تصويت ${n}`,
            description: '',
            body_id: '',
            max_choices: '1',
            nominations_close_at: '',
            opens_at: local(2 * DAY),
            closes_at: local(3 * DAY),
            quorum_percent: '50',
          }),
        state: voteState,
      },
    },
    {
      name: 'coordination: an open vote',
      marker: mk('VOTEOPEN'),
      readers: who.network,
      pages: [`/votes/${openVote}`],
      lists: ['/governance'],
    },
  );
  // A ballot is secret: nobody, admins included, may learn which organization cast it. Ballots
  // have no page (their would-be address answers 404 to everyone); no page about the vote, nor the
  // voting organizations' workspaces, may show one.
  for (const [voteId, label] of [
    [closedVote, 'closed'],
    [openVote, 'open'],
  ] as const) {
    const ballots = await db.selectFrom('coord_ballots').select('id').where('vote_id', '=', voteId).execute();
    for (const [i, b] of ballots.entries())
      probes.push({
        name: `coordination: a secret ballot of the ${label} vote (#${i + 1})`,
        marker: b.id,
        readers: who.nobody,
        pages: [`/votes/${voteId}/ballots`],
        lists: [`/votes/${voteId}`, '/governance', `/workspace/${orgA}`, `/workspace/${orgB}`],
      });
  }

  // ——— licensing ———
  const council = await saveCouncil(
    db,
    net,
    null,
    {
      name_ar: `مجلس ${mk('COUNCIL')}`,
      name_en: `Council ${mk('COUNCIL')}`,
      town_pcode: 'C1202',
      contact_name: '',
      contact_phone: null,
      contact_email: null,
      notes: '',
    },
    now,
  );
  probes.push({
    name: 'coordination: a local council (inside the network; added by coordinators)',
    marker: mk('COUNCIL'),
    readers: who.network,
    pages: ['/licensing'],
    write: {
      writers: coordinators,
      send: (client, n) =>
        client.post('/licensing/councils', {
          name_ar: `مجلس ${n}`,
          name_en: `Council ${n}`,
          town_pcode: 'C1564',
          contact_name: '',
          contact_phone: '',
          contact_email: '',
          notes: '',
        }),
      state: async () =>
        Number(
          (
            await db
              .selectFrom('coord_councils')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  });
  for (const org of ['A', 'B'] as const) {
    const orgId = orgIdOf[org];
    const by = org === 'A' ? users.staffA : users.staffB;
    const licence = (await createLicence(db, orgId, council, ['سجل'], by, now))!;
    const licenceInput = (notes: string) => ({
      status: 'applied' as const,
      applied_on: '2026-06-01',
      visit_on: null,
      licensed_on: null,
      expires_on: null,
      notes,
    });
    await updateLicence(db, licence, orgId, licenceInput(mk(`LICENCE${org}`)), by, now);
    const visit = (visit_on: string, who_went: string, met_whom: string) =>
      addVisit(db, licence, orgId, { visit_on, who_went, met_whom, outcome: '', next_step: '' }, by, now);
    await visit('2026-06-10', 'x', mk(`VISITPAST${org}`));
    await visit('2026-07-10', mk(`VISITPLAN${org}`), '');
    const readers = who.any(who.staffOf(org), coordinators);
    // The lesson form offers the organization's own visits to refer to.
    const lists = ['/licensing', '/lessons/new'];
    probes.push(
      {
        name: `coordination: ${org}'s licence file (the organization and coordinators)`,
        marker: mk(`LICENCE${org}`),
        readers,
        pages: [`/licensing/${licence}`],
        lists,
        write: {
          writers: readers,
          send: (client, n) =>
            client.post(`/licensing/${licence}`, {
              status: 'applied',
              applied_on: '2026-06-01',
              visit_on: '',
              licensed_on: '',
              expires_on: '',
              notes: `${mk(`LICENCE${org}`)} ${n}`,
            }),
          state: async () =>
            (await db.selectFrom('coord_licences').select('notes').where('id', '=', licence).executeTakeFirst()) ??
            null,
        },
      },
      {
        name: `coordination: ${org}'s licensing visit log (a past visit)`,
        marker: mk(`VISITPAST${org}`),
        readers,
        pages: [`/licensing/${licence}`],
        lists,
        write: {
          writers: readers,
          send: (client, n) =>
            client.post(`/licensing/${licence}/visits`, {
              visit_on: '2026-06-11',
              who_went: `n${n}`,
              met_whom: '',
              outcome: '',
              next_step: '',
            }),
          state: async () =>
            Number(
              (
                await db
                  .selectFrom('coord_licence_visits')
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .where('licence_id', '=', licence)
                  .executeTakeFirstOrThrow()
              ).n,
            ),
        },
      },
      {
        name: `coordination: ${org}'s planned licensing visit`,
        marker: mk(`VISITPLAN${org}`),
        readers,
        pages: [`/licensing/${licence}`],
        lists,
      },
    );
  }

  // ——— lessons learned ———
  const lessonInput = (over: Partial<LessonInput>): LessonInput => ({
    subject: 'other',
    meeting_id: null,
    visit_id: null,
    project_label: '',
    title: '',
    what_happened: '',
    what_worked: '',
    what_to_change: '',
    lang: 'ar',
    sharing: 'private',
    ...over,
  });
  const editLesson = (id: number, input: LessonInput, writers: Rule): NonNullable<Probe['write']> => ({
    writers,
    send: (client, n) =>
      client.post(`/lessons/${id}/edit`, {
        subject: input.subject,
        meeting_id: '',
        visit_id: '',
        project_label: input.project_label,
        title: input.title,
        what_happened: `${input.what_happened} ${n}`,
        what_worked: '',
        what_to_change: '',
        lang: input.lang,
        sharing: input.sharing,
      }),
    state: async () =>
      (await db
        .selectFrom('coord_lessons')
        .select(['title', 'what_happened', 'sharing'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null,
  });
  for (const [org, sharing, readers] of [
    ['A', 'private', staffA],
    ['A', 'network', who.network],
    ['B', 'private', staffB],
  ] as const) {
    const marker = mk(`LESSON${sharing.toUpperCase()}${org}`);
    const input = lessonInput({ title: `درس ${marker}`, what_happened: 'kwlesson', sharing });
    const id = await saveLesson(db, orgIdOf[org], null, input, authorOf[org], now);
    probes.push({
      name: `coordination: ${org}'s ${sharing} lesson`,
      marker,
      readers,
      pages: [`/lessons/${id}`],
      lists: ['/lessons'],
      write: editLesson(id, input, who.staffOf(org)),
    });
  }
  {
    const input = lessonInput({
      subject: 'project',
      project_label: mk('LESSONPROJA'),
      title: `درس ${mk('LESSONPUBA')}`,
      what_happened: 'kwlessonpublished',
    });
    const id = await saveLesson(db, orgA, null, input, users.staffA, now);
    expectOk(await c.adminA.post(`/lessons/${id}/publish`, {}), 'lesson publish');
    const lesson = await db
      .selectFrom('coord_lessons')
      .select(['published_id', 'published_url'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await publishItem(db, lesson.published_id!, users.editor, now);
    probes.push(
      {
        name: "coordination: A's published lesson (its private lesson page)",
        marker: mk('LESSONPROJA'),
        readers: staffA,
        pages: [`/lessons/${id}`, `/lessons/${id}/edit`],
        lists: ['/lessons', lesson.published_url!],
        write: editLesson(id, input, staffA),
      },
      {
        name: "coordination: A's published lesson (in the resources library)",
        marker: mk('LESSONPUBA'),
        readers: who.everyone,
        pages: [lesson.published_url!],
        lists: ['/resources', '/search?q=kwlessonpublished'],
      },
    );
  }

  return probes;
}

// The meetings cycle: list, meeting pages (full or public summary), create/edit, launch a cycle,
// RSVP, agenda, attendance on a phone, minutes, decisions, action items and the action tracker.
// Calendar files and feeds are in calendar.tsx.
import type { z } from 'zod';
import { action, form, FormErrors, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { safeLocalPath } from '../../../core/http/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { HOUR } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { coord, viewerOf, type CoordContext } from '../context.js';
import { isCoordinator } from '../permissions.js';
import {
  actionForm,
  actionStatusForm,
  actionsQuery,
  agendaForm,
  attendanceForm,
  cycleForm,
  decisionForm,
  emptyForm,
  meetingForm,
  meetingStatusForm,
  minutesForm,
  rsvpForm,
} from '../schemas.js';
import { reviewsOfMeeting } from '../plans/queries.js';
import { activeOrganizations, getActiveOrganization } from '../workspace/queries.js';
import {
  expectedPeople,
  getCycle,
  getDecision,
  invitedUsers,
  isOverdue,
  knownTown,
  listActionsFor,
  listAgenda,
  listAttendance,
  listDecisions,
  listMeetingsFor,
  listRsvps,
  meetingResource,
  quorum,
  usersByUsername,
} from './queries.js';
import {
  addAgendaItem,
  addDecision,
  createAction,
  createMeeting,
  recordAttendance,
  removeAgendaItem,
  removeGuest,
  saveMinutes,
  setActionStatus,
  setMeetingStatus,
  setRsvp,
  updateMeeting,
} from './actions.js';
import { cycleTexts, launchCycle } from './cycle.js';
import { calendarRoutes } from './calendar.js';
import { actionResource, actionToUpdate, meeting, type LoadedMeeting } from './loaders.js';
import { MeetingsPage } from './views/list.js';
import { CycleFormPage, MeetingFormPage, meetingFormValues } from './views/forms.js';
import { MeetingPage } from './views/meeting.js';
import { AttendancePage, MinutesPage } from './views/attendance.js';
import { ActionsPage } from './views/tracker.js';

/** Members of an organization host meetings; coordinators also for the network. */
async function organizer(c: AnyCtx): Promise<CoordContext> {
  const ctx = await coord(c);
  return ctx.orgIds.length || isCoordinator(ctx.actor, ctx.network.id) ? ctx : notFound();
}

async function coordinator(c: AnyCtx): Promise<CoordContext> {
  const ctx = await coord(c);
  return isCoordinator(ctx.actor, ctx.network.id) ? ctx : notFound();
}

/** The form's choices: organizations to invite, the host (one's own, or the network for coordinators). */
async function formOptions(c: AnyCtx, ctx: CoordContext, currentHost: number | null = null) {
  const orgs = await activeOrganizations(c.db, ctx.network.id);
  // The current host stays selectable for whoever manages the meeting.
  const hostOptions = orgs.filter((o) => ctx.orgIds.includes(o.id) || o.id === currentHost);
  return { orgs, hostOptions, allowNoHost: isCoordinator(ctx.actor, ctx.network.id) };
}

/** Checks what the schema cannot (host, organizations, town, people); refused → FormErrors. */
async function resolveMeeting(
  c: AnyCtx,
  ctx: CoordContext,
  data: z.infer<typeof meetingForm>,
  keepHost: number | null = null,
) {
  const errors: Record<string, string> = {};
  const orgIds = new Set((await activeOrganizations(c.db, ctx.network.id)).map((o) => o.id));
  if (data.host_org_id !== null && !ctx.orgIds.includes(data.host_org_id))
    errors.host_org_id = c.t('form.invalidChoice');
  if (data.host_org_id === null && !isCoordinator(ctx.actor, ctx.network.id))
    errors.host_org_id = c.t('coordination.meeting.hostRequired');
  // Keeping the existing host is allowed for the meeting's manager.
  if (keepHost !== null && data.host_org_id === keepHost) delete errors.host_org_id;
  if (data.place_org_id !== null && !orgIds.has(data.place_org_id)) errors.place_org_id = c.t('form.invalidChoice');
  if (data.invite_orgs.some((id) => !orgIds.has(id))) errors.invite_orgs = c.t('form.invalidChoice');
  if (data.town_pcode && !(await knownTown(c.db, data.town_pcode)))
    errors.town_pcode = c.t('coordination.form.unknownTown');
  const usernames = data.invite_users
    .split(/[\s,،]+/)
    .map((s) => s.trim().replace(/^@/, ''))
    .filter(Boolean);
  const found = await usersByUsername(c.db, usernames);
  const missing = usernames.filter((u) => !found.some((f) => f.username === u));
  if (missing.length) errors.invite_users = c.t('coordination.meeting.unknownUsers', { names: missing.join(', ') });
  if (Object.keys(errors).length) throw new FormErrors(errors);
  const { invite_orgs, invite_users: _u, ...input } = data;
  return {
    input: {
      ...input,
      place_org_id: input.place_kind === 'office' ? input.place_org_id : null,
      online_url: input.place_kind === 'online' ? input.online_url : null,
    },
    invitees: { orgIds: invite_orgs, userIds: found.map((f) => f.id) },
  };
}

async function actionRows(ctx: CoordContext, list: Awaited<ReturnType<typeof listActionsFor>>, now: Date) {
  return list.map((a) => ({ ...a, overdue: isOverdue(a, now), canUpdate: ctx.can('update', actionResource(a)) }));
}

async function meetingPage(c: AnyCtx, l: LoadedMeeting, state: FormState | null = null) {
  const { ctx, m, full, canManage } = l;
  const db = c.db;
  const [agenda, rsvps, attendance, decisions, actions, reviews, orgs, people, cycle, users] = await Promise.all([
    full ? listAgenda(db, m.id) : [],
    full ? listRsvps(db, m.id) : [],
    full ? listAttendance(db, m.id) : [],
    full ? listDecisions(db, m.id) : [],
    full ? listActionsFor(db, ctx.network.id, viewerOf(ctx), { meetingId: m.id }) : [],
    full ? reviewsOfMeeting(db, m.id) : [],
    activeOrganizations(db, ctx.network.id),
    canManage ? expectedPeople(db, m) : [],
    full && m.cycle_id ? getCycle(db, ctx.network.id, m.cycle_id) : undefined,
    invitedUsers(db, m.inviteeUserIds),
  ]);
  const cycleMeetings = cycle
    ? (await listMeetingsFor(db, ctx.network.id, viewerOf(ctx), { cycleId: cycle.id })).filter((x) =>
        ctx.can('view', meetingResource(x)),
      )
    : [];
  const q = quorum(attendance, m.quorum_orgs);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const orgsOf = (ids: number[]) => ids.map((id) => byId.get(id)).filter((o): o is NonNullable<typeof o> => !!o);
  const visibleReviews = reviews.filter((r) =>
    ctx.can('view', { type: 'coord.review', orgId: r.organization_id, reviewerIds: r.reviewerIds, status: r.status }),
  );
  const name = (row: Record<string, unknown> | undefined, field = 'name') => localized(row, field, c.locale);
  // A manager outside a review (a coordinator chairing the meeting) ties decisions to it by
  // organization; the plan's title is for the organization and its reviewers.
  const reviewChoices = canManage
    ? reviews.map((r) => {
        const org = name(r, 'org_name');
        const readable = visibleReviews.some((v) => v.id === r.id);
        return { id: r.id, label: readable ? `${r.plan_title} — ${org}` : c.t('coordination.plan.ours', { org }) };
      })
    : [];
  const owners = [
    ...orgsOf([...new Set([...(m.host_org_id ? [m.host_org_id] : []), ...m.inviteeOrgIds])]).map((o) => ({
      value: `org:${o.id}`,
      label: name(o),
    })),
    ...people.map((p) => ({
      value: `user:${p.user_id}`,
      label: `${p.display_name}${p.org_name_ar ? ` — ${name(p, 'org_name')}` : ''}`,
    })),
  ];
  const count = (r: string) => rsvps.filter((x) => x.response === r).length;
  return (
    <MeetingPage
      m={m}
      summaryOnly={!full}
      inviteeOrgs={orgsOf(m.inviteeOrgIds)}
      inviteeUsers={users}
      agenda={agenda}
      myRsvp={rsvps.find((r) => r.user_id === ctx.actor.user?.id)?.response ?? null}
      rsvpCounts={{ yes: count('yes'), no: count('no'), maybe: count('maybe') }}
      canRsvp={ctx.can('rsvp', l.res)}
      canManage={canManage}
      attendance={{
        present: attendance.filter((a) => a.present === 1).length,
        expected: attendance.filter((a) => a.user_id !== null).length,
        presentOrgs: orgsOf(q.presentOrgs),
        needed: q.needed,
        met: q.met,
        taken: attendance.length > 0,
      }}
      minutesHtml={full && m.minutes_md ? renderMarkdown(m.minutes_md) : ''}
      decisions={decisions}
      actions={await actionRows(ctx, actions, c.now)}
      reviews={visibleReviews}
      reviewChoices={reviewChoices}
      owners={owners}
      cycle={cycle ? { id: cycle.id, title: cycle.title, meetings: cycleMeetings } : null}
      state={state}
    />
  );
}

async function attendancePage(c: AnyCtx, l: LoadedMeeting, state: FormState | null = null) {
  const [people, attendance, orgs] = await Promise.all([
    expectedPeople(c.db, l.m),
    listAttendance(c.db, l.m.id),
    activeOrganizations(c.db, l.ctx.network.id),
  ]);
  const present = new Set(attendance.filter((a) => a.user_id !== null && a.present === 1).map((a) => a.user_id!));
  const q = quorum(attendance, l.m.quorum_orgs);
  return (
    <AttendancePage
      meeting={l.m}
      people={people.map((p) => ({ ...p, present: present.has(p.user_id) }))}
      guests={attendance.filter((a) => a.user_id === null)}
      orgs={orgs}
      quorum={{ presentOrgs: q.presentOrgs.length, needed: q.needed, met: q.met }}
      state={state}
    />
  );
}

const toMeeting = (l: LoadedMeeting) => `/meetings/${l.m.id}`;
const access = 'member' as const;

export const meetingRoutes = [
  page('/meetings', {
    access: 'public',
    async render(c) {
      const ctx = await coord(c);
      const visible = (await listMeetingsFor(c.db, ctx.network.id, viewerOf(ctx))).flatMap((m) => {
        const full = ctx.can('view', meetingResource(m));
        return full || ctx.can('viewSummary', meetingResource(m)) ? [{ ...m, summaryOnly: !full }] : [];
      });
      const cutoff = new Date(c.now.getTime() - 6 * HOUR).toISOString();
      return (
        <MeetingsPage
          upcoming={visible.filter((m) => m.ends_at >= cutoff)}
          past={visible.filter((m) => m.ends_at < cutoff).reverse()}
          canCreate={ctx.orgIds.length > 0 || isCoordinator(ctx.actor, ctx.network.id)}
          canLaunchCycle={isCoordinator(ctx.actor, ctx.network.id)}
          signedIn={!!ctx.actor.user}
        />
      );
    },
  }),

  form('/meetings/new', {
    access,
    get: true,
    load: organizer,
    schema: meetingForm,
    async show(c, ctx, state) {
      const opts = await formOptions(c, ctx);
      const values = { host_org_id: opts.allowNoHost ? '' : String(ctx.orgIds[0] ?? '') };
      return <MeetingFormPage action="/meetings/new" isNew values={values} state={state} {...opts} />;
    },
    async save(c, ctx, data) {
      const r = await resolveMeeting(c, ctx, data);
      return `/meetings/${await createMeeting(c.db, ctx.network.id, r.input, r.invitees, [], c.user.id, c.now)}`;
    },
  }),

  form('/meetings/cycles/new', {
    access: 'networkEditor',
    get: true,
    load: coordinator,
    schema: cycleForm,
    show: async (c, ctx, state) => (
      <CycleFormPage state={state} orgCount={(await activeOrganizations(c.db, ctx.network.id)).length} />
    ),
    async save(c, ctx, data) {
      if (!(await knownTown(c.db, data.general_town)))
        throw new FormErrors({ general_town: c.t('coordination.form.unknownTown') });
      const input = {
        title: data.title,
        preparatoryFrom: data.preparatory_from,
        preparatoryTime: data.preparatory_time,
        generalAt: data.general_at,
        generalTown: data.general_town,
        generalPlace: data.general_place,
        consultativeAt: data.consultative_at,
        consultativeUrl: data.consultative_url,
      };
      const texts = cycleTexts(c.t as never, c.locale);
      const { cycleId, meetingIds } = await launchCycle(c.db, ctx.network.id, input, texts, c.user.id, c.now);
      await c.audit('coordination.cycle.launched', {
        targetType: 'cycle',
        targetId: cycleId,
        details: { meetings: meetingIds.length },
      });
      return { to: '/meetings', flash: 'coordination.cycle.launched' };
    },
  }),

  ...calendarRoutes,

  // ——— one meeting ———
  page('/meetings/:id', { access: 'public', load: meeting(), render: (c, l) => meetingPage(c, l) }),

  form('/meetings/:id/edit', {
    access,
    get: true,
    load: meeting('manage'),
    schema: meetingForm,
    async show(c, l, state) {
      const users = await invitedUsers(c.db, l.m.inviteeUserIds);
      const values = meetingFormValues(l.m, users.map((u) => u.username).join(', '));
      const opts = await formOptions(c, l.ctx, l.m.host_org_id);
      return <MeetingFormPage action={toMeeting(l) + '/edit'} isNew={false} values={values} state={state} {...opts} />;
    },
    async save(c, l, data) {
      const r = await resolveMeeting(c, l.ctx, data, l.m.host_org_id);
      await updateMeeting(c.db, l.m.id, r.input, r.invitees, c.now);
      return toMeeting(l);
    },
  }),

  form('/meetings/:id/status', {
    access,
    load: meeting('manage'),
    schema: meetingStatusForm,
    show: meetingPage,
    flash: null,
    async save(c, l, data) {
      await setMeetingStatus(c.db, l.m.id, data.status, c.now);
      return toMeeting(l);
    },
  }),

  form('/meetings/:id/rsvp', {
    access,
    load: meeting('rsvp'),
    schema: rsvpForm,
    show: meetingPage,
    async save(c, l, data) {
      await setRsvp(c.db, l.m.id, c.user.id, data.response, c.now);
      return { to: toMeeting(l), flash: 'coordination.rsvp.saved' };
    },
  }),

  form('/meetings/:id/agenda', {
    access,
    load: meeting('manage'),
    schema: agendaForm,
    show: meetingPage,
    flash: null,
    async save(c, l, data) {
      await addAgendaItem(c.db, l.m.id, data);
      return toMeeting(l);
    },
  }),

  action('/meetings/:id/agenda/:itemId/delete', {
    access,
    load: meeting('manage'),
    schema: emptyForm,
    async run(c, l) {
      await removeAgendaItem(c.db, l.m.id, c.id('itemId'));
      return toMeeting(l);
    },
  }),

  // ——— attendance ———
  form('/meetings/:id/attendance', {
    access,
    get: true,
    load: meeting('manage'),
    schema: attendanceForm,
    show: attendancePage,
    async save(c, l, data) {
      const people = await expectedPeople(c.db, l.m);
      const expected = new Set(people.map((p) => p.user_id));
      if (data.present.some((id) => !expected.has(id))) throw new FormErrors({ _form: c.t('form.invalidChoice') });
      if (data.guest_org !== null && !(await getActiveOrganization(c.db, l.ctx.network.id, data.guest_org)))
        throw new FormErrors({ guest_org: c.t('form.invalidChoice') });
      if (data.guest_org !== null && !data.guest_name) throw new FormErrors({ guest_name: c.t('form.required') });
      const guests = data.guest_name ? [{ name: data.guest_name, orgId: data.guest_org }] : [];
      await recordAttendance(c.db, l.m.id, people, data.present, guests, c.user.id, c.now);
      return { to: `${toMeeting(l)}/attendance`, flash: 'coordination.attendance.saved' };
    },
  }),

  action('/meetings/:id/attendance/guests/:gid/delete', {
    access,
    load: meeting('manage'),
    schema: emptyForm,
    async run(c, l) {
      await removeGuest(c.db, l.m.id, c.id('gid'));
      return `${toMeeting(l)}/attendance`;
    },
  }),

  // ——— minutes, decisions, actions ———
  form('/meetings/:id/minutes', {
    access,
    get: true,
    load: meeting('manage'),
    schema: minutesForm,
    show: (_c, l, state) => (
      <MinutesPage
        meeting={l.m}
        previewHtml={!state && l.m.minutes_md ? renderMarkdown(l.m.minutes_md) : ''}
        state={state}
      />
    ),
    async save(c, l, data) {
      await saveMinutes(c.db, l.m.id, data.minutes_md, c.now);
      return toMeeting(l);
    },
  }),

  form('/meetings/:id/decisions', {
    access,
    load: meeting('manage'),
    schema: decisionForm,
    show: meetingPage,
    flash: null,
    async check(c, l, data) {
      if (data.review_id !== null && !(await reviewsOfMeeting(c.db, l.m.id)).some((r) => r.id === data.review_id))
        return { text: c.t('form.invalidChoice') };
    },
    async save(c, l, data) {
      await addDecision(c.db, l.m.id, data.text, data.review_id, c.user.id, c.now);
      return toMeeting(l);
    },
  }),

  form('/meetings/:id/actions', {
    access,
    load: meeting('manage'),
    schema: actionForm,
    show: meetingPage,
    flash: null,
    async save(c, l, data) {
      const [kind, rawId] = data.owner.split(':') as ['org' | 'user', string];
      const ownerId = Number(rawId);
      const refuse = (field: string): never => {
        throw new FormErrors({ [field]: c.t('form.invalidChoice') });
      };
      let owner: { org: number | null; user: number | null };
      if (kind === 'org') {
        const allowed = new Set([...(l.m.host_org_id ? [l.m.host_org_id] : []), ...l.m.inviteeOrgIds]);
        owner = allowed.has(ownerId) ? { org: ownerId, user: null } : refuse('owner');
      } else {
        const person = (await expectedPeople(c.db, l.m)).find((p) => p.user_id === ownerId) ?? refuse('owner');
        owner = { org: person.org_id, user: ownerId };
      }
      const decision =
        data.decision_id === null ? null : ((await getDecision(c.db, l.m.id, data.decision_id)) ?? refuse('_form'));
      const input = {
        title: data.title,
        details: data.details,
        owner_org_id: owner.org,
        owner_user_id: owner.user,
        due_on: data.due_on,
        sharing: data.sharing,
        meeting_id: l.m.id,
        decision_id: data.decision_id,
        review_id: decision?.review_id ?? null,
      };
      await createAction(c.db, l.ctx.network.id, input, c.user.id, c.now);
      return toMeeting(l);
    },
  }),

  // ——— the action tracker ———
  page('/actions', {
    access,
    query: actionsQuery,
    async render(c) {
      const ctx = await coord(c);
      const { status } = c.query;
      const mine = c.query.mine === '1';
      const filter = { status: status === 'all' ? undefined : status, mine };
      const list = await listActionsFor(c.db, ctx.network.id, viewerOf(ctx), filter);
      const rows = (await actionRows(ctx, list, c.now)).filter((a) => ctx.can('view', actionResource(a)));
      return <ActionsPage actions={rows} status={status} mine={mine} />;
    },
  }),

  action('/actions/:id/status', {
    access,
    load: actionToUpdate,
    schema: actionStatusForm,
    async run(c, a, data) {
      await setActionStatus(c.db, a.id, data.status, c.now);
      const back = safeLocalPath(typeof data.back === 'string' ? data.back : '/actions', '/actions');
      return { to: `${back}#action-${a.id}`, flash: 'common.saved' };
    },
  }),
];

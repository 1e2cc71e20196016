// The meetings cycle: the list, a meeting's page (whole, or its public summary), creating and
// correcting meetings, launching a cycle, status (cancelling asks twice), removal, RSVP and the
// agenda. The roll call, minutes and print views are in record-routes.tsx, action items in
// action-routes.tsx, calendar files and feeds in calendar.tsx.
import type { z } from 'zod';
import { action, form, FormErrors, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { HOUR } from '../../../core/time.js';
import { coord, type CoordContext } from '../context.js';
import { isCoordinator } from '../permissions.js';
import { agendaForm, cycleForm, emptyForm, meetingForm, meetingStatusForm, rsvpForm } from '../schemas.js';
import { activeOrganizations } from '../workspace/queries.js';
import { resolveTowns } from '../towns.js';
import { getMeeting, invitedUsers, isPast, meetingRecords, usersByUsername } from './queries.js';
import {
  addAgendaItem,
  createMeeting,
  deleteMeeting,
  removeAgendaItem,
  setMeetingStatus,
  setRsvp,
  updateAgendaItem,
  updateMeeting,
} from './actions.js';
import { cycleTexts, launchCycle } from './cycle.js';
import { calendarRoutes } from './calendar.js';
import { forManagers, meeting, meetingsFor, meetingTarget, type LoadedMeeting } from './loaders.js';
import { meetingPage } from './page.js';
import { cancelledNotice, meetingNotices } from './notices.js';
import { recordRoutes } from './record-routes.js';
import { actionRoutes } from './action-routes.js';
import { MeetingsPage } from './views/list.js';
import { CycleFormPage, MeetingFormPage, meetingFormValues } from './views/forms.js';

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
  const usernames = data.invite_users
    .split(/[\s,،]+/)
    .map((s) => s.trim().replace(/^@/, ''))
    .filter(Boolean);
  const found = await usersByUsername(c.db, usernames);
  const missing = usernames.filter((u) => !found.some((f) => f.username === u));
  if (missing.length) errors.invite_users = c.t('coordination.meeting.unknownUsers', { names: missing.join(', ') });
  if (Object.keys(errors).length) throw new FormErrors(errors);
  await resolveTowns(c, data, { single: ['town_pcode'] });
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

const toMeeting = (l: LoadedMeeting) => `/meetings/${l.m.id}`;
const access = 'member' as const;

export const meetingRoutes = [
  page('/meetings', {
    access: 'public',
    async render(c) {
      const ctx = await coord(c);
      const all = await meetingsFor(c, ctx, {}, 'viewSummary');
      const rows = all.map((m) => ({ ...m, attends: ctx.can('attend', m.res), full: ctx.can('view', m.res) }));
      const cutoff = new Date(c.now.getTime() - 6 * HOUR).toISOString();
      const mine = rows.filter((m) => m.attends);
      return (
        <MeetingsPage
          upcoming={mine.filter((m) => m.ends_at >= cutoff)}
          past={mine.filter((m) => m.ends_at < cutoff).reverse()}
          others={rows.filter((m) => m.full && !m.attends).sort((a, b) => a.title.localeCompare(b.title))}
          summaries={rows.filter((m) => !m.full).reverse()}
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
      const id = await createMeeting(c.db, ctx.network.id, r.input, r.invitees, [], c.user.id, c.now);
      await c.audit('coordination.meeting.created', { targetType: 'meeting', targetId: id });
      await meetingNotices(c, null, (await getMeeting(c.db, ctx.network.id, id))!);
      return `/meetings/${id}`;
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
      await resolveTowns(c, data, { single: ['general_town'] });
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
      for (const id of meetingIds) await meetingNotices(c, null, (await getMeeting(c.db, ctx.network.id, id))!);
      return { to: '/meetings', flash: 'coordination.cycle.launched' };
    },
  }),

  ...calendarRoutes,

  // ——— one meeting ———
  page('/meetings/:id', { access: 'public', load: meeting(), render: (c, l) => meetingPage(c, l) }),

  form('/meetings/:id/edit', {
    ...forManagers,
    get: true,
    schema: meetingForm,
    async show(c, l, state) {
      const users = await invitedUsers(c.db, l.m.inviteeUserIds);
      const values = meetingFormValues(l.m, users.map((u) => u.username).join(', '), c.locale);
      const opts = await formOptions(c, l.ctx, l.m.host_org_id);
      return <MeetingFormPage action={toMeeting(l) + '/edit'} isNew={false} values={values} state={state} {...opts} />;
    },
    async save(c, l, data) {
      const r = await resolveMeeting(c, l.ctx, data, l.m.host_org_id);
      await updateMeeting(c.db, l.m.id, r.input, r.invitees, c.now);
      await c.audit('coordination.meeting.updated', meetingTarget(l));
      await meetingNotices(c, l.m, (await getMeeting(c.db, l.ctx.network.id, l.m.id))!);
      return toMeeting(l);
    },
  }),

  form('/meetings/:id/status', {
    ...forManagers,
    schema: meetingStatusForm,
    show: meetingPage,
    flash: null,
    async save(c, l, data) {
      if (data.status === l.m.status) return toMeeting(l);
      await setMeetingStatus(c.db, l.m.id, data.status, c.now);
      await c.audit('coordination.meeting.status', meetingTarget(l, { from: l.m.status, to: data.status }));
      if (data.status === 'cancelled') await cancelledNotice(c, l.m);
      return { to: toMeeting(l), flash: 'common.saved' };
    },
  }),

  action('/meetings/:id/delete', {
    ...forManagers,
    schema: emptyForm,
    async run(c, l) {
      // A meeting that holds records is history: it is cancelled, not deleted.
      if (l.m.minutes_md || (await meetingRecords(c.db, l.m.id)) > 0)
        return { to: toMeeting(l), flash: 'coordination.meeting.keptForHistory' };
      if (!isPast(l.m, c.now) && l.m.status === 'scheduled') await cancelledNotice(c, l.m);
      await deleteMeeting(c.db, l.m.id, l.ctx.network.id);
      await c.audit('coordination.meeting.deleted', meetingTarget(l, { title: l.m.title }));
      return { to: '/meetings', flash: 'common.deleted' };
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

  // ——— the agenda ———
  form('/meetings/:id/agenda', {
    ...forManagers,
    schema: agendaForm,
    show: meetingPage,
    async save(c, l, data) {
      const id = await addAgendaItem(c.db, l.m.id, data);
      await c.audit('coordination.agenda.added', meetingTarget(l, { item: id }));
      return `${toMeeting(l)}#agenda-${id}`;
    },
  }),

  form('/meetings/:id/agenda/:itemId/edit', {
    ...forManagers,
    schema: agendaForm,
    show: meetingPage,
    async save(c, l, data) {
      const item = c.id('itemId');
      if (!(await updateAgendaItem(c.db, l.m.id, item, data))) notFound();
      await c.audit('coordination.agenda.updated', meetingTarget(l, { item }));
      return `${toMeeting(l)}#agenda-${item}`;
    },
  }),

  action('/meetings/:id/agenda/:itemId/delete', {
    ...forManagers,
    schema: emptyForm,
    async run(c, l) {
      const item = c.id('itemId');
      await removeAgendaItem(c.db, l.m.id, item);
      await c.audit('coordination.agenda.deleted', meetingTarget(l, { item }));
      return { to: toMeeting(l), flash: 'common.deleted' };
    },
  }),

  ...recordRoutes,
  ...actionRoutes,
];

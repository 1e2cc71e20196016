// The meetings cycle: list, meeting pages (full or public summary), create/edit, launch a
// cycle, RSVP, agenda, attendance on a phone, minutes, decisions, action items, the action
// tracker, and iCalendar (one file per meeting, and a private feed per person).
import { badRequest } from '../../../core/http/errors.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit/index.js';
import { authorize } from '../../../core/auth/authorize.js';
import { loadActor } from '../../../core/auth/actor.js';
import { parseForm, safeLocalPath, seeOther } from '../../../core/http/forms.js';
import { renderPage } from '../../../core/http/render.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { renderMarkdown } from '../../../core/text/markdown.js';
import { coordContext, parseId, type CoordContext } from '../context.js';
import { isCoordinator, isNetworkMember, type ActionResource } from '../permissions.js';
import {
  addAgendaItem,
  addDecision,
  createAction,
  createMeeting,
  expectedPeople,
  getAction,
  getCycle,
  getDecision,
  getMeeting,
  isOverdue,
  listActionsFor,
  listAgenda,
  listAttendance,
  listDecisions,
  listMeetingsFor,
  listRsvps,
  meetingResource,
  quorum,
  recordAttendance,
  removeAgendaItem,
  removeGuest,
  saveMinutes,
  setActionStatus,
  setMeetingStatus,
  setRsvp,
  updateMeeting,
  type Meeting,
} from '../meetings.js';
import { reviewsOfMeeting } from '../plans.js';
import { activeOrganizations } from '../workspace.js';
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
import {
  ActionsPage,
  AttendancePage,
  CalendarPage,
  CycleFormPage,
  MeetingFormPage,
  MeetingPage,
  MeetingsPage,
  MinutesPage,
  meetingFormValues,
} from '../views/meetings.js';
import { calendar, feedToken, feedTokenMatches, meetingUid, parseFeedToken, type IcsEvent } from '../ical.js';
import { cycleTexts, launchCycle } from '../cycle.js';
import type { z } from 'zod';
import crypto from 'node:crypto';
import { DAY } from '../../../core/time.js';
import { nameOf } from '../views/common.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

export const meetingRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  const viewerOf = (ctx: CoordContext) => ({
    userId: ctx.actor.user?.id ?? null,
    actingOrgIds: ctx.orgIds,
    networkMember: isNetworkMember(ctx.actor, ctx.network.id),
  });

  // ——— list ———
  app.get('/meetings', { config: { access: 'public' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    const rows = await listMeetingsFor(db, ctx.network.id, viewerOf(ctx));
    const visible = rows
      .map((m) => {
        const res = meetingResource(m);
        const full = authorize(ctx.actor, 'view', res);
        if (!full && !authorize(ctx.actor, 'viewSummary', res)) return null;
        return { ...m, summaryOnly: !full };
      })
      .filter((m): m is NonNullable<typeof m> => m !== null);
    const cutoff = new Date(req.now.getTime() - 6 * 3600_000).toISOString();
    return renderPage(
      req,
      reply,
      <MeetingsPage
        upcoming={visible.filter((m) => m.ends_at >= cutoff)}
        past={visible.filter((m) => m.ends_at < cutoff).reverse()}
        canCreate={ctx.orgIds.length > 0 || isCoordinator(ctx.actor, ctx.network.id)}
        canLaunchCycle={isCoordinator(ctx.actor, ctx.network.id)}
        signedIn={!!ctx.actor.user}
      />,
    );
  });

  // ——— create / edit ———
  async function formOptions(ctx: CoordContext) {
    const orgs = await activeOrganizations(db, ctx.network.id);
    return {
      orgs,
      hostOptions: orgs.filter((o) => ctx.orgIds.includes(o.id)),
      allowNoHost: isCoordinator(ctx.actor, ctx.network.id),
    };
  }

  /** Validates the parts of a meeting form the schema cannot: host, organizations, town, people. */
  async function resolveMeeting(req: FastifyRequest, ctx: CoordContext, data: z.infer<typeof meetingForm>) {
    const errors: Record<string, string> = {};
    const { t } = req.i18n;
    const orgs = await activeOrganizations(db, ctx.network.id);
    const orgIds = new Set(orgs.map((o) => o.id));
    if (data.host_org_id !== null && !ctx.orgIds.includes(data.host_org_id))
      errors.host_org_id = t('form.invalidChoice');
    if (data.host_org_id === null && !isCoordinator(ctx.actor, ctx.network.id))
      errors.host_org_id = t('coordination.meeting.hostRequired');
    if (data.place_org_id !== null && !orgIds.has(data.place_org_id)) errors.place_org_id = t('form.invalidChoice');
    if (data.invite_orgs.some((id) => !orgIds.has(id))) errors.invite_orgs = t('form.invalidChoice');
    if (data.town_pcode) {
      const town = await db.selectFrom('towns').select('pcode').where('pcode', '=', data.town_pcode).executeTakeFirst();
      if (!town) errors.town_pcode = t('coordination.form.unknownTown');
    }
    const usernames = data.invite_users
      .split(/[\s,،]+/)
      .map((s) => s.trim().replace(/^@/, ''))
      .filter(Boolean);
    let userIds: number[] = [];
    if (usernames.length) {
      const found = await db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', 'in', usernames)
        .execute();
      const missing = usernames.filter((u) => !found.some((f) => f.username === u));
      if (missing.length) errors.invite_users = t('coordination.meeting.unknownUsers', { names: missing.join(', ') });
      userIds = found.map((f) => f.id);
    }
    const { invite_orgs, invite_users: _u, ...input } = data;
    return {
      errors,
      input: {
        ...input,
        place_org_id: input.place_kind === 'office' ? input.place_org_id : null,
        online_url: input.place_kind === 'online' ? input.online_url : null,
      },
      invitees: { orgIds: invite_orgs, userIds },
    };
  }

  app.get('/meetings/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || (!ctx.orgIds.length && !isCoordinator(ctx.actor, ctx.network.id))) return reply.callNotFound();
    const opts = await formOptions(ctx);
    const host = opts.allowNoHost ? '' : String(ctx.orgIds[0] ?? '');
    return renderPage(
      req,
      reply,
      <MeetingFormPage action="/meetings/new" isNew values={{ host_org_id: host, place_kind: 'office' }} {...opts} />,
    );
  });

  app.post('/meetings/new', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || (!ctx.orgIds.length && !isCoordinator(ctx.actor, ctx.network.id))) return reply.callNotFound();
    const form = parseForm(meetingForm, req.body, req.i18n);
    const opts = await formOptions(ctx);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <MeetingFormPage action="/meetings/new" isNew values={form.raw} errors={form.errors} {...opts} />,
        400,
      );
    const r = await resolveMeeting(req, ctx, form.data);
    if (Object.keys(r.errors).length)
      return renderPage(
        req,
        reply,
        <MeetingFormPage action="/meetings/new" isNew values={form.raw} errors={r.errors} {...opts} />,
        400,
      );
    const id = await createMeeting(db, ctx.network.id, r.input, r.invitees, [], req.actor.user!.id, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/meetings/${id}`);
  });

  // ——— cycles ———
  app.get('/meetings/cycles/new', { config: { access: 'networkEditor' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || !isCoordinator(ctx.actor, ctx.network.id)) return reply.callNotFound();
    const orgs = await activeOrganizations(db, ctx.network.id);
    return renderPage(req, reply, <CycleFormPage values={{ preparatory_time: '10:00' }} orgCount={orgs.length} />);
  });

  app.post('/meetings/cycles/new', { config: { access: 'networkEditor' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx || !isCoordinator(ctx.actor, ctx.network.id)) return reply.callNotFound();
    const orgs = await activeOrganizations(db, ctx.network.id);
    const form = parseForm(cycleForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <CycleFormPage values={form.raw} errors={form.errors} orgCount={orgs.length} />,
        400,
      );
    const town = await db
      .selectFrom('towns')
      .select('pcode')
      .where('pcode', '=', form.data.general_town)
      .executeTakeFirst();
    if (!town)
      return renderPage(
        req,
        reply,
        <CycleFormPage
          values={form.raw}
          errors={{ general_town: req.i18n.t('coordination.form.unknownTown') }}
          orgCount={orgs.length}
        />,
        400,
      );
    const { cycleId, meetingIds } = await launchCycle(
      db,
      ctx.network.id,
      {
        title: form.data.title,
        preparatoryFrom: form.data.preparatory_from,
        preparatoryTime: form.data.preparatory_time,
        generalAt: form.data.general_at,
        generalTown: form.data.general_town,
        generalPlace: form.data.general_place,
        consultativeAt: form.data.consultative_at,
        consultativeUrl: form.data.consultative_url,
      },
      cycleTexts(req.i18n.t as never, req.i18n.locale),
      req.actor.user!.id,
      req.now,
    );
    await audit(db, req.now, {
      actorUserId: req.actor.user!.id,
      action: 'coordination.cycle.launched',
      targetType: 'cycle',
      targetId: cycleId,
      details: { meetings: meetingIds.length },
      ip: req.ip,
    });
    reply.flashNext('coordination.cycle.launched');
    return seeOther(reply, '/meetings');
  });

  // ——— calendar feed ———
  let secret: string | null = null;
  async function feedSecret(): Promise<string> {
    if (secret) return secret;
    if (app.wasl.config.sessionSecret) return (secret = app.wasl.config.sessionSecret);
    const row = await db.selectFrom('kv').select('value').where('key', '=', 'cookie_secret').executeTakeFirst();
    if (!row) throw new Error('no application secret');
    return (secret = row.value);
  }

  async function feedNonce(userId: number, now: Date, reset = false): Promise<string> {
    const existing = await db
      .selectFrom('coord_calendar_feeds')
      .select('nonce')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing && !reset) return existing.nonce;
    const nonce = crypto.randomBytes(16).toString('hex');
    await db
      .insertInto('coord_calendar_feeds')
      .values({ user_id: userId, nonce, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ nonce, created_at: now.toISOString() }))
      .execute();
    return nonce;
  }

  app.get('/meetings/calendar', { config: { access: 'member' } }, async (req, reply) => {
    const userId = req.actor.user!.id;
    const token = feedToken(await feedSecret(), userId, await feedNonce(userId, req.now));
    return renderPage(req, reply, <CalendarPage feedUrl={`${app.wasl.config.baseUrl}/meetings/feed/${token}.ics`} />);
  });

  app.post('/meetings/calendar/reset', { config: { access: 'member' } }, async (req, reply) => {
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await feedNonce(req.actor.user!.id, req.now, true);
    reply.flashNext('coordination.calendar.wasReset');
    return seeOther(reply, '/meetings/calendar');
  });

  function eventOf(m: Meeting & { summaryOnly?: boolean }, locale: string, full: boolean): IcsEvent {
    const place =
      m.place_kind === 'online'
        ? full
          ? (m.online_url ?? '')
          : ''
        : [
            m.place_kind === 'office' ? nameOf(m.place_name_ar, m.place_name_en, locale) : '',
            nameOf(m.town_name_ar, m.town_name_en, locale),
            full ? m.place_detail : '',
          ]
            .filter(Boolean)
            .join(', ');
    return {
      uid: meetingUid(m.id, app.wasl.config.baseUrl),
      stamp: new Date(m.updated_at),
      start: new Date(m.starts_at),
      end: new Date(m.ends_at),
      summary: m.title,
      description: full ? m.description : m.public_summary,
      location: place || undefined,
      url: `${app.wasl.config.baseUrl}/meetings/${m.id}`,
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      sequence:
        Math.floor((new Date(m.updated_at).getTime() - new Date(m.created_at).getTime()) / 1000) % 2_000_000_000,
    };
  }

  app.get('/meetings/feed/:token.ics', { config: { access: 'public' } }, async (req: Req, reply) => {
    const parsed = parseFeedToken(req.params.token ?? '');
    if (!parsed) return reply.callNotFound();
    const row = await db
      .selectFrom('coord_calendar_feeds')
      .select('nonce')
      .where('user_id', '=', parsed.userId)
      .executeTakeFirst();
    if (!row || !feedTokenMatches(await feedSecret(), req.params.token!, row.nonce)) return reply.callNotFound();
    const network = await getDefaultNetwork(db);
    const actor = await loadActor(db, parsed.userId, '');
    if (!network || !actor) return reply.callNotFound();
    // The feed sees what the person would see when signed in (memberships of departed organizations excluded).
    const fakeReq = { server: app, actor } as unknown as FastifyRequest;
    const ctx = (await coordContext(fakeReq))!;
    const from = new Date(req.now.getTime() - 60 * DAY).toISOString();
    const rows = await listMeetingsFor(db, network.id, viewerOf(ctx), { from, limit: 500 });
    const locale = actor.user?.locale === 'en' ? 'en' : 'ar';
    const events = rows
      .filter((m) => authorize(ctx.actor, 'view', meetingResource(m)))
      .map((m) => eventOf({ ...m, place_name_ar: null, place_name_en: null }, locale, true));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(
        calendar({ name: locale === 'ar' ? `اجتماعات ${network.name_ar}` : `${network.name_en} meetings`, events }),
      );
  });

  // ——— one meeting ———
  async function loadMeeting(req: FastifyRequest, idParam: string | undefined) {
    const ctx = await coordContext(req);
    const id = parseId(idParam);
    if (!ctx || !id) return null;
    const m = await getMeeting(db, ctx.network.id, id);
    if (!m) return null;
    const res = meetingResource(m);
    const full = authorize(ctx.actor, 'view', res);
    if (!full && !authorize(ctx.actor, 'viewSummary', res)) return null;
    return { ctx, m, res, full, canManage: full && authorize(ctx.actor, 'manage', res) };
  }
  type Loaded = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

  async function actionRowsFor(ctx: CoordContext, list: Awaited<ReturnType<typeof listActionsFor>>, now: Date) {
    return list.map((a) => ({
      ...a,
      overdue: isOverdue(a, now),
      canUpdate: authorize(ctx.actor, 'update', actionResource(a)),
    }));
  }

  async function renderMeeting(
    req: FastifyRequest,
    reply: FastifyReply,
    l: Loaded,
    extra: { errors?: Record<string, string>; form?: string } = {},
    status = 200,
  ) {
    const { ctx, m, full, canManage } = l;
    const [agenda, rsvps, attendance, decisions, actions, reviews, orgs, people, cycle] = await Promise.all([
      full ? listAgenda(db, m.id) : Promise.resolve([]),
      full ? listRsvps(db, m.id) : Promise.resolve([]),
      full ? listAttendance(db, m.id) : Promise.resolve([]),
      full ? listDecisions(db, m.id) : Promise.resolve([]),
      full ? listActionsFor(db, ctx.network.id, viewerOf(ctx), { meetingId: m.id }) : Promise.resolve([]),
      full ? reviewsOfMeeting(db, m.id) : Promise.resolve([]),
      activeOrganizations(db, ctx.network.id),
      canManage ? expectedPeople(db, m) : Promise.resolve([]),
      full && m.cycle_id ? getCycle(db, ctx.network.id, m.cycle_id) : Promise.resolve(undefined),
    ]);
    const cycleMeetings = cycle
      ? (await listMeetingsFor(db, ctx.network.id, viewerOf(ctx), { cycleId: cycle.id })).filter((c) =>
          authorize(ctx.actor, 'view', meetingResource(c)),
        )
      : [];
    const users = m.inviteeUserIds.length
      ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', m.inviteeUserIds).execute()
      : [];
    const q = quorum(attendance, m.quorum_orgs);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const visibleReviews = reviews.filter((r) =>
      authorize(ctx.actor, 'view', {
        type: 'coord.review',
        orgId: r.organization_id,
        reviewerIds: r.reviewerIds,
        status: r.status,
      }),
    );
    const loc = req.i18n.locale;
    return renderPage(
      req,
      reply,
      <MeetingPage
        m={m}
        summaryOnly={!full}
        inviteeOrgs={m.inviteeOrgIds.map((id) => byId.get(id)).filter((o): o is NonNullable<typeof o> => !!o)}
        inviteeUsers={users}
        agenda={agenda}
        myRsvp={rsvps.find((r) => r.user_id === ctx.actor.user?.id)?.response ?? null}
        rsvpCounts={{
          yes: rsvps.filter((r) => r.response === 'yes').length,
          no: rsvps.filter((r) => r.response === 'no').length,
          maybe: rsvps.filter((r) => r.response === 'maybe').length,
        }}
        canRsvp={authorize(ctx.actor, 'rsvp', l.res)}
        canManage={canManage}
        attendance={{
          present: attendance.filter((a) => a.present === 1).length,
          expected: attendance.filter((a) => a.user_id !== null).length,
          presentOrgs: q.presentOrgs.map((id) => byId.get(id)).filter((o): o is NonNullable<typeof o> => !!o),
          needed: q.needed,
          met: q.met,
          taken: attendance.length > 0,
        }}
        minutesHtml={full && m.minutes_md ? renderMarkdown(m.minutes_md) : ''}
        decisions={decisions}
        actions={await actionRowsFor(ctx, actions, req.now)}
        reviews={visibleReviews}
        reviewChoices={
          canManage
            ? reviews.map((r) => {
                const org = nameOf(r.org_name_ar, r.org_name_en, loc);
                // A manager outside the review (a coordinator chairing the meeting) ties decisions
                // to it by organization; the plan's title is for the organization and its reviewers.
                const readable = visibleReviews.some((v) => v.id === r.id);
                return {
                  id: r.id,
                  label: readable ? `${r.plan_title} — ${org}` : req.i18n.t('coordination.plan.ours', { org }),
                };
              })
            : []
        }
        owners={[
          ...[...new Set([...(m.host_org_id ? [m.host_org_id] : []), ...m.inviteeOrgIds])]
            .map((id) => byId.get(id))
            .filter((o): o is NonNullable<typeof o> => !!o)
            .map((o) => ({ value: `org:${o.id}`, label: nameOf(o.name_ar, o.name_en, loc) })),
          ...people.map((p) => ({
            value: `user:${p.user_id}`,
            label: `${p.display_name}${p.org_name_ar ? ` — ${nameOf(p.org_name_ar, p.org_name_en, loc)}` : ''}`,
          })),
        ]}
        cycle={cycle ? { id: cycle.id, title: cycle.title, meetings: cycleMeetings } : null}
        {...extra}
      />,
      status,
    );
  }

  app.get('/meetings/:id', { config: { access: 'public' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l) return reply.callNotFound();
    return renderMeeting(req, reply, l);
  });

  app.get('/meetings/:id.ics', { config: { access: 'public' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l) return reply.callNotFound();
    const locale = req.i18n.locale;
    const body = calendar({ name: l.m.title, events: [eventOf(l.m, locale, l.full)] });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${l.m.id}.ics"`)
      .send(body);
  });

  app.get('/meetings/:id/edit', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const users = l.m.inviteeUserIds.length
      ? await db.selectFrom('users').select('username').where('id', 'in', l.m.inviteeUserIds).execute()
      : [];
    const opts = await formOptions(l.ctx);
    // The current host stays selectable for whoever manages the meeting.
    if (l.m.host_org_id && !opts.hostOptions.some((o) => o.id === l.m.host_org_id)) {
      const host = opts.orgs.find((o) => o.id === l.m.host_org_id);
      if (host) opts.hostOptions.push(host);
    }
    return renderPage(
      req,
      reply,
      <MeetingFormPage
        action={`/meetings/${l.m.id}/edit`}
        isNew={false}
        values={meetingFormValues(l.m, users.map((u) => u.username).join(', '))}
        {...opts}
      />,
    );
  });

  app.post('/meetings/:id/edit', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const action = `/meetings/${l.m.id}/edit`;
    const opts = await formOptions(l.ctx);
    const form = parseForm(meetingForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <MeetingFormPage action={action} isNew={false} values={form.raw} errors={form.errors} {...opts} />,
        400,
      );
    const r = await resolveMeeting(req, l.ctx, form.data);
    // Keeping the existing host is allowed for the meeting's manager.
    if (form.data.host_org_id === l.m.host_org_id) delete r.errors.host_org_id;
    if (Object.keys(r.errors).length)
      return renderPage(
        req,
        reply,
        <MeetingFormPage action={action} isNew={false} values={form.raw} errors={r.errors} {...opts} />,
        400,
      );
    await updateMeeting(db, l.m.id, r.input, r.invitees, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/status', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(meetingStatusForm, req.body, req.i18n);
    if (!form.ok) return renderMeeting(req, reply, l, { errors: form.errors }, 400);
    await setMeetingStatus(db, l.m.id, form.data.status, req.now);
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/rsvp', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.full || !authorize(l.ctx.actor, 'rsvp', l.res)) return reply.callNotFound();
    const form = parseForm(rsvpForm, req.body, req.i18n);
    if (!form.ok) return renderMeeting(req, reply, l, { errors: form.errors }, 400);
    await setRsvp(db, l.m.id, req.actor.user!.id, form.data.response, req.now);
    reply.flashNext('coordination.rsvp.saved');
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/agenda', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(agendaForm, req.body, req.i18n);
    if (!form.ok) return renderMeeting(req, reply, l, { errors: form.errors, form: 'agenda' }, 400);
    await addAgendaItem(db, l.m.id, form.data);
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/agenda/:itemId/delete', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    const itemId = parseId(req.params.itemId);
    if (!l || !l.canManage || !itemId) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await removeAgendaItem(db, l.m.id, itemId);
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  // ——— attendance ———
  async function renderAttendance(
    req: FastifyRequest,
    reply: FastifyReply,
    l: Loaded,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const [people, attendance, orgs] = await Promise.all([
      expectedPeople(db, l.m),
      listAttendance(db, l.m.id),
      activeOrganizations(db, l.ctx.network.id),
    ]);
    const present = new Set(attendance.filter((a) => a.user_id !== null && a.present === 1).map((a) => a.user_id!));
    const q = quorum(attendance, l.m.quorum_orgs);
    return renderPage(
      req,
      reply,
      <AttendancePage
        meeting={l.m}
        people={people.map((p) => ({ ...p, present: present.has(p.user_id) }))}
        guests={attendance.filter((a) => a.user_id === null)}
        orgs={orgs}
        quorum={{ presentOrgs: q.presentOrgs.length, needed: q.needed, met: q.met }}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/meetings/:id/attendance', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    return renderAttendance(req, reply, l);
  });

  app.post('/meetings/:id/attendance', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(attendanceForm, req.body, req.i18n);
    if (!form.ok) return renderAttendance(req, reply, l, form.errors, 400);
    const people = await expectedPeople(db, l.m);
    const expectedIds = new Set(people.map((p) => p.user_id));
    if (form.data.present.some((id) => !expectedIds.has(id)))
      return renderAttendance(req, reply, l, { _form: req.i18n.t('form.invalidChoice') }, 400);
    if (form.data.guest_org !== null) {
      const org = await db
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', form.data.guest_org)
        .where('network_id', '=', l.ctx.network.id)
        .executeTakeFirst();
      if (!org) return renderAttendance(req, reply, l, { guest_org: req.i18n.t('form.invalidChoice') }, 400);
    }
    if (form.data.guest_org !== null && !form.data.guest_name)
      return renderAttendance(req, reply, l, { guest_name: req.i18n.t('form.required') }, 400);
    await recordAttendance(
      db,
      l.m.id,
      people,
      form.data.present,
      form.data.guest_name ? [{ name: form.data.guest_name, orgId: form.data.guest_org }] : [],
      req.actor.user!.id,
      req.now,
    );
    reply.flashNext('coordination.attendance.saved');
    return seeOther(reply, `/meetings/${l.m.id}/attendance`);
  });

  app.post('/meetings/:id/attendance/guests/:gid/delete', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    const gid = parseId(req.params.gid);
    if (!l || !l.canManage || !gid) return reply.callNotFound();
    const form = parseForm(emptyForm, req.body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await removeGuest(db, l.m.id, gid);
    return seeOther(reply, `/meetings/${l.m.id}/attendance`);
  });

  // ——— minutes, decisions, actions ———
  app.get('/meetings/:id/minutes', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <MinutesPage
        meeting={l.m}
        value={l.m.minutes_md}
        previewHtml={l.m.minutes_md ? renderMarkdown(l.m.minutes_md) : ''}
      />,
    );
  });

  app.post('/meetings/:id/minutes', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(minutesForm, req.body, req.i18n);
    if (!form.ok)
      return renderPage(
        req,
        reply,
        <MinutesPage meeting={l.m} value={String(form.raw.minutes_md ?? '')} errors={form.errors} previewHtml="" />,
        400,
      );
    await saveMinutes(db, l.m.id, form.data.minutes_md, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/decisions', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(decisionForm, req.body, req.i18n);
    if (!form.ok) return renderMeeting(req, reply, l, { errors: form.errors, form: 'decision' }, 400);
    if (form.data.review_id !== null) {
      const reviews = await reviewsOfMeeting(db, l.m.id);
      if (!reviews.some((r) => r.id === form.data.review_id))
        return renderMeeting(
          req,
          reply,
          l,
          { errors: { text: req.i18n.t('form.invalidChoice') }, form: 'decision' },
          400,
        );
    }
    await addDecision(db, l.m.id, form.data.text, form.data.review_id, req.actor.user!.id, req.now);
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  app.post('/meetings/:id/actions', { config: { access: 'member' } }, async (req: Req, reply) => {
    const l = await loadMeeting(req, req.params.id);
    if (!l || !l.canManage) return reply.callNotFound();
    const form = parseForm(actionForm, req.body, req.i18n);
    const bad = (errors: Record<string, string>) => renderMeeting(req, reply, l, { errors, form: 'action' }, 400);
    if (!form.ok) return bad(form.errors);
    const [kind, rawId] = form.data.owner.split(':') as ['org' | 'user', string];
    const ownerId = Number(rawId);
    let ownerOrg: number | null = null;
    let ownerUser: number | null = null;
    if (kind === 'org') {
      const allowed = new Set([...(l.m.host_org_id ? [l.m.host_org_id] : []), ...l.m.inviteeOrgIds]);
      if (!allowed.has(ownerId)) return bad({ owner: req.i18n.t('form.invalidChoice') });
      ownerOrg = ownerId;
    } else {
      const people = await expectedPeople(db, l.m);
      const person = people.find((p) => p.user_id === ownerId);
      if (!person) return bad({ owner: req.i18n.t('form.invalidChoice') });
      ownerUser = ownerId;
      ownerOrg = person.org_id;
    }
    let reviewId: number | null = null;
    if (form.data.decision_id !== null) {
      const d = await getDecision(db, l.m.id, form.data.decision_id);
      if (!d) return bad({ _form: req.i18n.t('form.invalidChoice') });
      reviewId = d.review_id;
    }
    await createAction(
      db,
      l.ctx.network.id,
      {
        title: form.data.title,
        details: form.data.details,
        owner_org_id: ownerOrg,
        owner_user_id: ownerUser,
        due_on: form.data.due_on,
        sharing: form.data.sharing,
        meeting_id: l.m.id,
        decision_id: form.data.decision_id,
        review_id: reviewId,
      },
      req.actor.user!.id,
      req.now,
    );
    return seeOther(reply, `/meetings/${l.m.id}`);
  });

  // ——— the action tracker ———
  function actionResource(a: {
    network_id: number;
    owner_org_id: number | null;
    owner_user_id: number | null;
    sharing: 'org' | 'network';
    created_by: number | null;
  }): ActionResource {
    return {
      type: 'coord.action',
      networkId: a.network_id,
      ownerOrgId: a.owner_org_id,
      ownerUserId: a.owner_user_id,
      sharing: a.sharing,
      createdBy: a.created_by,
    };
  }

  app.get('/actions', { config: { access: 'member' } }, async (req, reply) => {
    const ctx = await coordContext(req);
    if (!ctx) return reply.callNotFound();
    const q = actionsQuery.safeParse(req.query ?? {});
    const status = q.success ? q.data.status : 'active';
    const mine = q.success && q.data.mine === '1';
    const list = await listActionsFor(db, ctx.network.id, viewerOf(ctx), {
      status: status === 'all' ? undefined : status,
      mine,
    });
    const rows = (await actionRowsFor(ctx, list, req.now)).filter((a) =>
      authorize(ctx.actor, 'view', actionResource(a)),
    );
    return renderPage(req, reply, <ActionsPage actions={rows} status={status} mine={mine} />);
  });

  app.post('/actions/:id/status', { config: { access: 'member' } }, async (req: Req, reply) => {
    const ctx = await coordContext(req);
    const id = parseId(req.params.id);
    if (!ctx || !id) return reply.callNotFound();
    const a = await getAction(db, ctx.network.id, id);
    if (!a || !authorize(ctx.actor, 'update', actionResource(a))) return reply.callNotFound();
    const body = { ...((req.body as Record<string, unknown>) ?? {}) };
    const back = safeLocalPath(typeof body.back === 'string' ? body.back : '/actions', '/actions');
    delete body.back;
    const form = parseForm(actionStatusForm, body, req.i18n);
    if (!form.ok) return badRequest(req, reply);
    await setActionStatus(db, a.id, form.data.status, req.now);
    reply.flashNext('common.saved');
    return seeOther(reply, `${back}#action-${a.id}`);
  });
};

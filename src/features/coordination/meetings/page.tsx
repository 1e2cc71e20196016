// The data of a meeting's page, gathered once for the page itself and for every form on it that
// comes back refused; and the choices of who may own an action item of the meeting.
import type { AnyCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import { storedOrRendered } from '../../../core/text/markdown-render.js';
import type { FormState } from '../../../core/views/forms.js';
import { viewerOf, type CoordContext } from '../context.js';
import { reviewsOfMeeting } from '../plans/queries.js';
import { activeOrganizations } from '../workspace/queries.js';
import {
  expectedPeople,
  getCycle,
  invitedUsers,
  isOverdue,
  listActionsFor,
  listAgenda,
  listAttendance,
  listDecisions,
  listRsvps,
  meetingRecords,
  quorum,
  type Meeting,
} from './queries.js';
import { actionResource, meetingsFor, type LoadedMeeting } from './loaders.js';
import { MeetingPage, MeetingSummaryPage } from './views/meeting.js';

type Org = { id: number; name_ar: string; name_en: string };

/** Action items as rows: overdue or not, and whether this viewer may update them. */
export function actionRows(
  ctx: CoordContext,
  list: Awaited<ReturnType<typeof listActionsFor>>,
  now: Date,
  canEdit = false,
) {
  return list.map((a) => ({
    ...a,
    overdue: isOverdue(a, now),
    canUpdate: ctx.can('update', actionResource(a)),
    canEdit,
  }));
}

/** Who may own an action item of the meeting: its organizations, then its expected people. */
export async function ownerChoices(c: AnyCtx, m: Meeting, orgs?: Org[]) {
  const [all, people] = await Promise.all([orgs ?? activeOrganizations(c.db, m.network_id), expectedPeople(c.db, m)]);
  const ids = new Set([...(m.host_org_id ? [m.host_org_id] : []), ...m.inviteeOrgIds]);
  return [
    ...all.filter((o) => ids.has(o.id)).map((o) => ({ value: `org:${o.id}`, label: localized(o, 'name', c.locale) })),
    ...people.map((p) => ({
      value: `user:${p.user_id}`,
      label: `${p.display_name}${p.org_name_ar ? ` — ${localized(p, 'org_name', c.locale)}` : ''}`,
    })),
  ];
}

/** The attendance of a meeting, summed up for its page and its printed minutes. */
export async function attendanceOf(c: AnyCtx, m: Meeting, orgs: Org[]) {
  const rows = await listAttendance(c.db, m.id);
  const q = quorum(rows, m.quorum_orgs);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    rows,
    summary: {
      present: rows.filter((a) => a.present === 1).length,
      expected: rows.filter((a) => a.user_id !== null).length,
      presentOrgs: q.presentOrgs.flatMap((id) => byId.get(id) ?? []),
      needed: q.needed,
      met: q.met,
      taken: rows.length > 0,
    },
  };
}

export async function meetingPage(c: AnyCtx, l: LoadedMeeting, state: FormState | null = null) {
  const { ctx, m, canManage } = l;
  if (!l.full) return <MeetingSummaryPage m={m} />;
  const db = c.db;
  const [agenda, rsvps, decisions, actions, reviews, orgs, cycle, users, records, minutesHtml] = await Promise.all([
    listAgenda(db, m.id),
    listRsvps(db, m.id),
    listDecisions(db, m.id),
    listActionsFor(db, ctx.network.id, viewerOf(ctx), { meetingId: m.id }),
    reviewsOfMeeting(db, m.id),
    activeOrganizations(db, ctx.network.id),
    m.cycle_id ? getCycle(db, ctx.network.id, m.cycle_id) : undefined,
    invitedUsers(db, m.inviteeUserIds),
    canManage ? meetingRecords(db, m.id) : 0,
    m.minutes_md ? storedOrRendered(m.minutes_md, m.minutes_html, m.minutes_html_version) : '',
  ]);
  const [attendance, cycleMeetings, owners] = await Promise.all([
    attendanceOf(c, m, orgs),
    cycle ? meetingsFor(c, ctx, { cycleId: cycle.id }) : [],
    canManage ? ownerChoices(c, m, orgs) : [],
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const visibleReviews = reviews.filter((r) =>
    ctx.can('view', { type: 'coord.review', orgId: r.organization_id, reviewerIds: r.reviewerIds, status: r.status }),
  );
  // A manager outside a review (a coordinator chairing the meeting) ties decisions to it by
  // organization; the plan's title is for the organization and its reviewers.
  const reviewChoices = canManage
    ? reviews.map((r) => {
        const org = localized(r, 'org_name', c.locale);
        const readable = visibleReviews.some((v) => v.id === r.id);
        return { id: r.id, label: readable ? `${r.plan_title} — ${org}` : c.t('coordination.plan.ours', { org }) };
      })
    : [];
  const count = (r: string) => rsvps.filter((x) => x.response === r).length;
  return (
    <MeetingPage
      m={m}
      attends={l.attends}
      inviteeOrgs={m.inviteeOrgIds.flatMap((id) => byId.get(id) ?? [])}
      inviteeUsers={users}
      agenda={agenda}
      myRsvp={rsvps.find((r) => r.user_id === ctx.actor.user?.id)?.response ?? null}
      rsvpCounts={{ yes: count('yes'), no: count('no'), maybe: count('maybe') }}
      canRsvp={ctx.can('rsvp', l.res)}
      canManage={canManage}
      removable={records === 0 && !m.minutes_md}
      attendance={attendance.summary}
      minutesHtml={minutesHtml}
      decisions={decisions}
      actions={actionRows(ctx, actions, c.now, canManage)}
      reviews={visibleReviews}
      reviewChoices={reviewChoices}
      owners={owners}
      cycle={cycle ? { id: cycle.id, title: cycle.title, meetings: cycleMeetings } : null}
      state={state}
    />
  );
}

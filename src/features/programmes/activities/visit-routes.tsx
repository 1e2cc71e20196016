// Advocacy visits with their recommendations and the follow-up history, recorded, corrected and
// deleted by the visiting member's staff for their own organization; seen (without the notes) by
// those who see the project's internal page.
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { damascusDay } from '../../../core/time.js';
import type { ProjectRow } from '../projects/queries.js';
import { orgRecord, visit } from '../permissions.js';
import { followupEditForm, followupForm, recommendationForm, visitForm } from '../schemas.js';
import { recordNames } from '../common/queries.js';
import { removal, target } from '../common/routes.js';
import {
  addRecommendation,
  deleteFollowup,
  deleteRecommendation,
  deleteVisit,
  followUpRecommendation,
  getFollowup,
  getRecommendation,
  saveVisit,
  updateFollowup,
  updateRecommendation,
  type VisitRow,
} from './queries.js';
import { recordForms } from './record-forms.js';
import { FollowupPage, RecommendationPage, VisitFormPage, VisitPage } from './visit-views.js';

type Found = { record: VisitRow; project: ProjectRow; isOwn: boolean };

async function visitPage(c: AnyCtx, { record: v, project: p, isOwn }: Found, state: FormState | null) {
  const [orgs, towns] = await recordNames(c.db, v);
  return (
    <VisitPage
      visit={{ ...v, notes: isOwn ? v.notes : '' }}
      projectName={localized(p, 'name', c.locale)}
      orgs={orgs}
      towns={towns}
      isOwn={isOwn}
      today={damascusDay(c.now)}
      state={state}
    />
  );
}

/** A recommendation of a visit of the person's member, with that visit. */
async function ownRecommendation(c: AnyCtx, id = c.id('id')) {
  const rec = (await getRecommendation(c.db, id)) ?? notFound();
  if (!c.can('edit', orgRecord(rec.organization_id))) notFound();
  return { rec, ...(await visit.byId(c, rec.visit_id, 'own')) };
}

/** A follow-up of such a recommendation. */
async function ownFollowup(c: AnyCtx) {
  const followup = (await getFollowup(c.db, c.id('id'))) ?? notFound();
  return { followup, ...(await ownRecommendation(c, followup.recommendation_id)) };
}

type OwnRec = Awaited<ReturnType<typeof ownRecommendation>>;
const recTarget = ({ rec }: OwnRec, details?: Record<string, unknown>) =>
  target('recommendation', rec.id, rec.organization_id, { visit: rec.visit_id, ...details });
const backToRec = ({ rec }: OwnRec) => `/programmes/visits/${rec.visit_id}#rec-${rec.id}`;

const recommendationPage = (_c: AnyCtx, l: OwnRec, state: FormState | null) => (
  <RecommendationPage
    rec={l.rec}
    followups={l.record.recommendations.find((r) => r.id === l.rec.id)?.followups ?? []}
    state={state}
  />
);
const followupPage = (_c: AnyCtx, l: Awaited<ReturnType<typeof ownFollowup>>, state: FormState | null) => (
  <FollowupPage followup={l.followup} rec={l.rec} state={state} />
);

export const visitRoutes = [
  ...recordForms('visits', {
    FormPage: VisitFormPage,
    load: visit,
    schema: visitForm,
    dateField: 'visited_on',
    values: (v) => v,
    save: (c, id, p, data) => saveVisit(c.db, id, p.id, data, c.user.id, c.now),
    remove: (c, v) => deleteVisit(c.db, v.id),
  }),

  page('/programmes/visits/:id', {
    access: 'member',
    load: visit('view'),
    render: (c, found) => visitPage(c, found, null),
  }),

  form('/programmes/visits/:id/recommendations', {
    access: 'orgStaff',
    load: visit('own'),
    schema: recommendationForm,
    show: visitPage,
    async save(c, { record: v }, data) {
      const id = await addRecommendation(c.db, v.id, data, c.now);
      await c.audit(
        'programmes.recommendation.created',
        target('recommendation', id, v.organization_id, { visit: v.id }),
      );
      return `/programmes/visits/${v.id}#rec-${id}`;
    },
  }),

  form('/programmes/recommendations/:id/edit', {
    access: 'orgStaff',
    get: true,
    load: ownRecommendation,
    schema: recommendationForm,
    show: recommendationPage,
    async save(c, l, data) {
      await updateRecommendation(c.db, l.rec.id, data, c.now);
      await c.audit('programmes.recommendation.edited', recTarget(l));
      return backToRec(l);
    },
  }),

  removal('/programmes/recommendations/:id/delete', {
    access: 'orgStaff',
    load: ownRecommendation,
    show: recommendationPage,
    remove: (c, l) => deleteRecommendation(c.db, l.rec.id),
    audit: (l) => ({ kind: 'recommendation', target: recTarget(l) }),
    next: (l) => `/programmes/visits/${l.rec.visit_id}`,
  }),

  form('/programmes/recommendations/:id/follow-up', {
    access: 'orgStaff',
    load: ownRecommendation,
    schema: followupForm,
    show: visitPage,
    async save(c, l, data) {
      await followUpRecommendation(c.db, l.rec.id, data, c.user.id, c.now);
      await c.audit('programmes.followup.created', recTarget(l));
      return backToRec(l);
    },
  }),

  form('/programmes/followups/:id/edit', {
    access: 'orgStaff',
    get: true,
    load: ownFollowup,
    schema: followupEditForm,
    show: followupPage,
    async save(c, l, data) {
      await updateFollowup(c.db, l.followup, data, c.now);
      await c.audit('programmes.followup.edited', recTarget(l, { followup: l.followup.id }));
      return backToRec(l);
    },
  }),

  removal('/programmes/followups/:id/delete', {
    access: 'orgStaff',
    load: ownFollowup,
    show: followupPage,
    remove: (c, l) => deleteFollowup(c.db, l.followup, c.now),
    audit: (l) => ({ kind: 'followup', target: recTarget(l, { followup: l.followup.id }) }),
    next: backToRec,
  }),
];

// Visitors leave feedback or report wrong information about a service, each form on its own page (no account, nothing
// stored but what they typed; at most 10 a day each, counted by a daily hash of the address);
// moderators approve or reject; the providing organization marks approved reports dealt with.
import type { FastifyRequest } from 'fastify';
import { action, form, notFound, type AnyCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import type { FormState } from '../../../core/views/forms.js';
import { publicServiceLoader } from '../directory/service-page.js';
import { memberOrg } from '../permissions.js';
import { servicePath, svcOrganizationForMember, type ServiceRecord } from '../queries.js';
import { feedbackForm, moderateForm, reportForm, resolveForm } from '../schemas.js';
import { moderateFeedback, resolveReport, submitFeedback, withinFeedbackLimit } from './actions.js';
import { pendingFeedback } from './queries.js';
import { FeedbackFormPage, ModerationPage } from './views.js';

/** Requests refused for going over the limit: their page is shown again with 429, not 400. */
const overLimit = new WeakSet<FastifyRequest>();

/** The form's own page: empty, or again with the refused values and errors beside its fields. */
function formPage(which: 'feedback' | 'report') {
  return (c: AnyCtx, s: ServiceRecord, state: FormState | null) => {
    const service = { id: s.id, name: localized(s, 'name', c.locale) || s.id, path: servicePath(s) };
    const page = <FeedbackFormPage which={which} service={service} state={state} />;
    return overLimit.has(c.req) ? c.render(page, 429) : page;
  };
}

/** Over the limit: nothing is stored, and the form says why. A filled hidden field is refused by the schema. */
async function limit(c: AnyCtx, s: ServiceRecord) {
  if (await withinFeedbackLimit(c.wasl, c.ip, s.id, c.now)) return;
  overLimit.add(c.req);
  return { _form: c.t('services.feedback.tooMany') };
}

const access = 'public' as const;

export const feedbackRoutes = [
  form('/services/:id/feedback', {
    access,
    load: publicServiceLoader,
    get: true,
    schema: feedbackForm,
    show: formPage('feedback'),
    async check(c, s, data) {
      if (!data.got_service && data.rating === null && !data.comment) return { _form: c.t('services.feedback.empty') };
      return limit(c, s);
    },
    async save(c, s, data) {
      const { got_service = null, rating, comment } = data;
      await submitFeedback(c.db, s.id, { kind: 'feedback', got_service, rating, comment }, c.now);
      return { to: `${servicePath(s)}#feedback`, flash: 'services.feedback.thanks' };
    },
  }),

  form('/services/:id/report', {
    access,
    load: publicServiceLoader,
    get: true,
    schema: reportForm,
    show: formPage('report'),
    check: (c, s) => limit(c, s),
    async save(c, s, data) {
      await submitFeedback(c.db, s.id, { kind: 'report', wrong_field: data.wrong_field, comment: data.comment }, c.now);
      return { to: `${servicePath(s)}#feedback`, flash: 'services.report.thanks' };
    },
  }),

  form('/services/moderation', {
    access: 'moderator',
    get: true,
    schema: moderateForm,
    show: async (c) => <ModerationPage items={await pendingFeedback(c.db)} />,
    async save(c, _l, data) {
      if (!(await moderateFeedback(c.db, data.id, data.decision, c.user.id, c.now))) notFound();
      const done = data.decision === 'approve' ? 'approved' : 'rejected';
      await c.audit(`services.feedback.${done}`, { targetType: 'service_feedback', targetId: data.id });
      return { to: '/services/moderation', flash: null };
    },
  }),

  action('/services/manage/reports/resolve', {
    access: 'orgStaff',
    load: memberOrg,
    schema: resolveForm,
    async run(c, orgId, data) {
      const svcOrg = (await svcOrganizationForMember(c.db, orgId)) ?? notFound();
      if (!(await resolveReport(c.db, data.id, svcOrg.id, c.now))) notFound();
      return `/services/manage?org=${orgId}`;
    },
  }),
];

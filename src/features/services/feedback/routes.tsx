// Visitors leave feedback or report wrong information under a service's page (no account, nothing
// stored but what they typed; at most 10 a day each, counted by a daily hash of the address);
// moderators approve or reject; the providing organization marks approved reports dealt with.
import type { FastifyRequest } from 'fastify';
import { action, form, notFound } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { publicServiceLoader, servicePageProps } from '../directory/service-page.js';
import { ServicePage } from '../directory/views/service.js';
import { memberOrg } from '../permissions.js';
import { servicePath, svcOrganizationForMember, type ServiceRecord } from '../queries.js';
import { feedbackForm, moderateForm, reportForm, resolveForm } from '../schemas.js';
import { moderateFeedback, resolveReport, submitFeedback, withinFeedbackLimit } from './actions.js';
import { pendingFeedback } from './queries.js';
import { ModerationPage } from './views.js';

/** Requests refused for going over the limit: their page is shown again with 429, not 400. */
const overLimit = new WeakSet<FastifyRequest>();

/** The service's page again, with the refused form's values and errors beside its fields. */
function refusedOn(which: 'feedback' | 'report') {
  return async (c: Parameters<typeof servicePageProps>[0], s: ServiceRecord, state: FormState | null) => {
    const page = <ServicePage {...await servicePageProps(c, s, { [which]: state })} />;
    return overLimit.has(c.req) ? c.render(page, 429) : page;
  };
}

/** Over the limit: nothing is stored, and the form says why. A filled hidden field is refused by the schema. */
async function limit(c: Parameters<typeof servicePageProps>[0], s: ServiceRecord) {
  if (await withinFeedbackLimit(c.wasl, c.ip, s.id, c.now)) return;
  overLimit.add(c.req);
  return { _form: c.t('services.feedback.tooMany') };
}

const access = 'public' as const;

export const feedbackRoutes = [
  form('/services/:id/feedback', {
    access,
    load: publicServiceLoader,
    schema: feedbackForm,
    show: refusedOn('feedback'),
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
    schema: reportForm,
    show: refusedOn('report'),
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

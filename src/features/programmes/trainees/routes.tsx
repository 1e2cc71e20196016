// Trainees: registered by a member's staff with the person's consent, seen, corrected and removed
// on request by that member's staff only (network admins included only if they are its staff).
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, parseId, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { ownTrainee } from '../permissions.js';
import { CURRENT_CONSENT_VERSION, consentVersions } from '../rules.js';
import { removeTraineeForm, traineeEditForm, traineeForm } from '../schemas.js';
import { memberChoices, myOrgIds } from '../shared/choices.js';
import { organizationNames, townNames } from '../shared/queries.js';
import { named } from '../shared/views.js';
import {
  createTrainee,
  listTrainees,
  removeTrainee,
  traineeEnrolments,
  updateTrainee,
  type TraineeRow,
} from './queries.js';
import { TraineeFormPage, TraineePage, TraineesPage } from './views.js';

/** ?org= among the person's organizations (default: the first); another one is a 404. */
function pickOrg(c: AnyCtx): number {
  const mine = myOrgIds(c);
  const requested = parseId(c.query.org);
  const org = requested !== null ? mine.find((id) => id === requested) : mine[0];
  return org ?? notFound();
}

/** The person's organizations, and the towns the network's members work in. */
async function traineeChoices(c: AnyCtx) {
  const network = await getDefaultNetwork(c.db);
  return memberChoices(c, myOrgIds(c), network ? { networkId: network.id } : null);
}

async function traineePage(c: AnyCtx, trainee: TraineeRow, state: FormState | null) {
  const [orgs, towns, enrolments] = await Promise.all([
    organizationNames(c.db, [trainee.organization_id]),
    townNames(c.db, [trainee.town_pcode]),
    traineeEnrolments(c.db, trainee.id),
  ]);
  return (
    <TraineePage
      trainee={trainee}
      orgName={named(c.locale, orgs.get(trainee.organization_id))}
      towns={towns}
      enrolments={enrolments}
      state={state}
    />
  );
}

/** No name in the log: only that it happened, by whom, for which member. */
const traineeAudit = (t: TraineeRow, details?: Record<string, unknown>) => ({
  targetType: 'programme_trainee',
  targetId: t.id,
  organizationId: t.organization_id,
  details,
});

export const traineeRoutes = [
  page('/programmes/trainees', {
    access: 'orgStaff',
    async render(c) {
      const orgId = pickOrg(c);
      const mine = myOrgIds(c);
      const [trainees, orgs] = await Promise.all([listTrainees(c.db, orgId), organizationNames(c.db, mine)]);
      const org = (id: number) => ({ id, name: localized(orgs.get(id), 'name', c.locale) });
      return (
        <TraineesPage
          org={org(orgId)}
          otherOrgs={mine.filter((id) => id !== orgId).map(org)}
          trainees={trainees}
          towns={await townNames(
            c.db,
            trainees.map((t) => t.town_pcode),
          )}
        />
      );
    },
  }),

  page('/programmes/trainees/new', {
    access: 'orgStaff',
    async render(c) {
      const orgId = pickOrg(c);
      const choices = await traineeChoices(c);
      return (
        <TraineeFormPage
          values={{ organization_id: orgId }}
          state={null}
          consentVersion={CURRENT_CONSENT_VERSION}
          {...choices}
        />
      );
    },
  }),

  form('/programmes/trainees', {
    access: 'orgStaff',
    load: traineeChoices,
    schema: traineeForm,
    show: (_c, choices, state) => (
      <TraineeFormPage values={{}} state={state} consentVersion={CURRENT_CONSENT_VERSION} {...choices} />
    ),
    check(c, choices, data) {
      if (!choices.mine.includes(data.organization_id)) notFound();
      if (!choices.towns.some((t) => t.pcode === data.town_pcode)) return { town_pcode: c.t('form.invalidChoice') };
      if (!(consentVersions as readonly string[]).includes(data.consent_version))
        return { consent: c.t('programmes.trainee.consentRequired') };
    },
    async save(c, _choices, data) {
      const { consent: _consent, organization_id, ...input } = data;
      void _consent;
      return `/programmes/trainees/${await createTrainee(c.db, organization_id, input, c.user.id, c.now)}`;
    },
  }),

  page('/programmes/trainees/:id', {
    access: 'orgStaff',
    load: ownTrainee,
    render: (c, trainee) => traineePage(c, trainee, null),
  }),

  // Correction on the trainee's request: only the registering member's staff; consent unchanged.
  form('/programmes/trainees/:id/edit', {
    access: 'orgStaff',
    get: true,
    load: async (c) => ({ trainee: await ownTrainee(c), choices: await traineeChoices(c) }),
    schema: traineeEditForm,
    show: (_c, { trainee, choices }, state) => (
      <TraineeFormPage
        values={trainee}
        state={state}
        consentVersion={trainee.consent_version}
        editing={{ id: trainee.id }}
        {...choices}
      />
    ),
    check: (c, { trainee, choices }, data) =>
      data.town_pcode !== trainee.town_pcode && !choices.towns.some((t) => t.pcode === data.town_pcode)
        ? { town_pcode: c.t('form.invalidChoice') }
        : undefined,
    async save(c, { trainee }, data) {
      await updateTrainee(c.db, trainee.id, data);
      await c.audit('programmes.trainee.corrected', traineeAudit(trainee));
      return { to: `/programmes/trainees/${trainee.id}`, flash: 'programmes.trainee.corrected' };
    },
  }),

  form('/programmes/trainees/:id/remove', {
    access: 'orgStaff',
    load: ownTrainee,
    schema: removeTraineeForm,
    show: (c, trainee, state) => traineePage(c, trainee, state),
    async save(c, trainee) {
      const enrolments = await removeTrainee(c.db, trainee.id);
      await c.audit('programmes.trainee.removed', traineeAudit(trainee, { enrolments }));
      return { to: `/programmes/trainees?org=${trainee.organization_id}`, flash: 'programmes.trainee.removed' };
    },
  }),
];

// Trainees: registered by a member's staff with the person's consent — one at a time or from a
// spreadsheet (all or nothing, each row with its own consent) — seen, corrected and removed on
// request by that member's staff only (network admins included only if they are its staff).
import { localized } from '../../../core/i18n/localized.js';
import { endpoint, form, FormErrors, notFound, page, parseId, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { ownTrainee } from '../permissions.js';
import { CURRENT_CONSENT_VERSION, consentVersions } from '../rules.js';
import { removeTraineeForm, traineeEditForm, traineeForm, traineeImportForm } from '../schemas.js';
import { memberChoices, myOrgIds, resolveTowns } from '../common/choices.js';
import { organizationNames, recordNames, townNames, townText } from '../common/queries.js';
import { target } from '../common/routes.js';
import { named } from '../common/views.js';
import { filesOf } from '../activities/actions.js';
import { listCohorts } from '../training/queries.js';
import { checkImport, decodeFile, importTemplate, MAX_IMPORT_ROWS } from './import.js';
import {
  createTrainee,
  createTrainees,
  listTrainees,
  removeTrainee,
  traineeEnrolments,
  updateTrainee,
  type TraineeRow,
} from './queries.js';
import { TraineeFormPage, TraineeImportPage, TraineePage, TraineesPage } from './views.js';

/** ?org= among the person's organizations (default: the first); another one is a 404. */
function pickOrg(c: AnyCtx): number {
  const mine = myOrgIds(c);
  const requested = parseId(c.query.org);
  const org = requested !== null ? mine.find((id) => id === requested) : mine[0];
  return org ?? notFound();
}

const traineeChoices = (c: AnyCtx) => memberChoices(c, myOrgIds(c));

/** The consent version posted must be one the trainee can have been read. */
const knownConsent = (c: AnyCtx, version: string) =>
  (consentVersions as readonly string[]).includes(version)
    ? undefined
    : { consent: c.t('programmes.trainee.consentRequired') };

async function traineePage(c: AnyCtx, trainee: TraineeRow, state: FormState | null) {
  const [[orgs, towns], enrolments] = await Promise.all([
    recordNames(c.db, trainee),
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
const traineeTarget = (t: { id: number; organization_id: number }, details?: Record<string, unknown>) =>
  target('trainee', t.id, t.organization_id, details);

/** The import page for one of the person's members, with its cohorts to enrol the trainees in. */
async function importPage(c: AnyCtx, orgId: number, state: FormState | null, values: Record<string, unknown> = {}) {
  const [choices, cohorts] = await Promise.all([traineeChoices(c), listCohorts(c.db, { organizationIds: [orgId] })]);
  return (
    <TraineeImportPage
      values={{ organization_id: orgId, ...values }}
      state={state}
      consentVersion={CURRENT_CONSENT_VERSION}
      maxRows={MAX_IMPORT_ROWS}
      cohorts={cohorts.map((co) => ({
        value: String(co.id),
        label: `${co.label} — ${localized(co, 'title', c.locale)}`,
      }))}
      {...choices}
    />
  );
}

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
      return (
        <TraineeFormPage
          values={{ organization_id: pickOrg(c) }}
          state={null}
          consentVersion={CURRENT_CONSENT_VERSION}
          {...await traineeChoices(c)}
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
    async check(c, choices, data) {
      if (!choices.mine.includes(data.organization_id)) notFound();
      await resolveTowns(c, data);
      return knownConsent(c, data.consent_version);
    },
    async save(c, _choices, data) {
      const { consent: _consent, organization_id, ...input } = data;
      void _consent;
      const id = await createTrainee(c.db, organization_id, input, c.user.id, c.now);
      await c.audit('programmes.trainee.created', traineeTarget({ id, organization_id }));
      return `/programmes/trainees/${id}`;
    },
  }),

  page('/programmes/trainees/import', {
    access: 'orgStaff',
    render: (c) => importPage(c, pickOrg(c), null, { cohort_id: parseId(c.query.cohort) ?? '' }),
  }),

  // All or nothing: every row is checked (its cells, its town, a person listed twice or already
  // registered) and one bad row means nothing is saved, with every bad row named.
  form('/programmes/trainees/import', {
    access: 'orgStaff',
    load: traineeChoices,
    schema: traineeImportForm,
    bodyLimit: 2 * 1024 * 1024,
    show: (c, _choices, state) => importPage(c, parseId(state?.values.organization_id) ?? pickOrg(c), state),
    async check(c, choices, data) {
      if (!choices.mine.includes(data.organization_id)) notFound();
      if (data.cohort_id !== null) {
        const cohorts = await listCohorts(c.db, { organizationIds: [data.organization_id] });
        if (!cohorts.some((co) => co.id === data.cohort_id)) return { cohort_id: c.t('form.invalidChoice') };
      }
      const file = filesOf(data.file)[0];
      if (!file && !data.rows.trim()) return { file: c.t('programmes.import.nothing') };
      return knownConsent(c, data.consent_version);
    },
    async save(c, _choices, data) {
      const file = filesOf(data.file)[0];
      const text = file ? decodeFile(file.data) : data.rows;
      const checked = await checkImport(c.db, c.i18n, data.organization_id, text);
      if (!checked.ok) throw new FormErrors({}, { extra: { problems: checked.problems } });
      const ids = await createTrainees(
        c.db,
        data.organization_id,
        checked.rows.map((r) => ({
          name: r.name,
          gender: r.gender,
          age_band: r.age,
          town_pcode: r.town,
          affiliation: r.affiliation,
          phone: r.phone,
          consent_version: data.consent_version,
        })),
        { userId: c.user.id, cohortId: data.cohort_id },
        c.now,
      );
      await c.audit(
        'programmes.trainee.imported',
        target('trainee', ids[0]!, data.organization_id, { count: ids.length, cohort: data.cohort_id }),
      );
      const to = data.cohort_id
        ? `/programmes/cohorts/${data.cohort_id}#trainees`
        : `/programmes/trainees?org=${data.organization_id}`;
      return { to, flash: 'programmes.import.saved' };
    },
  }),

  endpoint('GET', '/programmes/trainees/import/template.csv', {
    access: 'orgStaff',
    handle: (c) =>
      c.reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="trainees-template.csv"')
        .send(importTemplate()),
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
    load: ownTrainee,
    schema: traineeEditForm,
    show: async (c, trainee, state) => (
      <TraineeFormPage
        values={{ ...trainee, town_pcode: await townText(c.db, c.locale, trainee.town_pcode) }}
        state={state}
        consentVersion={trainee.consent_version}
        editing={{ id: trainee.id }}
        orgOptions={[]}
      />
    ),
    check: (c, _trainee, data) => resolveTowns(c, data),
    async save(c, trainee, data) {
      await updateTrainee(c.db, trainee.id, data);
      await c.audit('programmes.trainee.corrected', traineeTarget(trainee));
      return { to: `/programmes/trainees/${trainee.id}`, flash: 'programmes.trainee.corrected' };
    },
  }),

  form('/programmes/trainees/:id/remove', {
    access: 'orgStaff',
    load: ownTrainee,
    schema: removeTraineeForm,
    show: traineePage,
    async save(c, trainee) {
      const enrolments = await removeTrainee(c.db, trainee.id);
      await c.audit('programmes.trainee.removed', traineeTarget(trainee, { enrolments }));
      return { to: `/programmes/trainees?org=${trainee.organization_id}`, flash: 'programmes.trainee.removed' };
    },
  }),
];

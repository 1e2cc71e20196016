// An election's settings (new and edit) and the coordinators' hub.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Checkboxes, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ManageLayout, type ElectionHead } from '../views.js';

type Org = { id: number; name_ar: string; name_en: string };

export function ElectionEditPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state: FormState | null;
  orgs: Org[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = p.isNew ? t('elections.form.newTitle') : t('elections.form.editTitle');
  const orgs = p.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }));
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <Form action={p.action} state={p.state} values={p.values}>
        <Field name="title_ar" label={t('elections.form.titleAr')} required />
        <Field name="title_en" label={t('elections.form.titleEn')} required />
        <Field name="poll_date" type="date" label={t('elections.pollDate')} required />
        <Field name="seats" label={t('elections.form.seats')} inputmode="numeric" required />
        <Select
          name="status"
          label={t('elections.form.status')}
          options={['draft', 'active', 'closed', 'archived'].map((s) => ({
            value: s,
            label: t(`elections.status.${s}` as never),
          }))}
        />
        <Field name="towns" label={t('elections.form.towns')} hint={t('elections.form.townsHint')} required />
        <Checkboxes
          name="organizers"
          legend={t('elections.form.organizers')}
          hint={t('elections.form.organizersHint')}
          options={orgs}
        />
        <Checkboxes name="member_partners" legend={t('elections.form.memberPartners')} options={orgs} />
        <Field
          name="other_partners"
          label={t('elections.form.otherPartners')}
          hint={t('elections.form.otherPartnersHint')}
          multiline
          rows={3}
        />
        <Field
          name="candidates"
          label={t('elections.form.candidates')}
          hint={t('elections.form.candidatesHint')}
          multiline
          rows={5}
        />
        <Field name="summary_ar" label={t('elections.form.summaryAr')} multiline rows={4} />
        <Field name="summary_en" label={t('elections.form.summaryEn')} multiline rows={4} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

const COUNTS = ['centres', 'stations', 'observers', 'forms', 'submissions', 'outreach'] as const;

export function ManagePage(p: { e: ElectionHead; counts: Record<(typeof COUNTS)[number], number> }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.manage.title')}>
      <p>{t('elections.manage.coordinatorsNote')}</p>
      <ul class="figures">
        {COUNTS.map((k) => (
          <li>
            <strong>{i18n.number(p.counts[k])}</strong> {t(`elections.manage.${k}`)}
          </li>
        ))}
      </ul>
      <p class="actions">
        <a class="button secondary" href={`/elections/${p.e.id}/edit`}>
          {t('common.edit')}
        </a>
        <a class="button secondary" href="/observe/">
          {t('elections.manage.observerApp')}
        </a>
      </p>
    </ManageLayout>
  );
}

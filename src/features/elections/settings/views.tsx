// An election's settings (new and edit), the coordinators' hub, and the elections a person
// coordinates with what still needs them (their own page and a block on their start page).
import { TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, StatusBadge } from '../../../core/views/components.js';
import { Checkboxes, ConfirmButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ElectionStatus, LinesField, ManageLayout, TitleFields, type ElectionHead } from '../views.js';

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
    <TitledLayout title={title}>
      <Form action={p.action} state={p.state} values={p.values}>
        <TitleFields />
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
        <Field name="hotline" type="tel" label={t('elections.form.hotline')} hint={t('elections.form.hotlineHint')} />
        <Checkboxes
          name="organizers"
          legend={t('elections.form.organizers')}
          hint={t('elections.form.organizersHint')}
          options={orgs}
        />
        <Checkboxes name="member_partners" legend={t('elections.form.memberPartners')} options={orgs} />
        <LinesField name="other_partners" words="elections.form.otherPartners" rows={3} />
        <LinesField name="candidates" words="elections.form.candidates" rows={5} />
        <Field name="summary_ar" label={t('elections.form.summaryAr')} multiline rows={4} />
        <Field name="summary_en" label={t('elections.form.summaryEn')} multiline rows={4} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
  );
}

const COUNTS = ['centres', 'stations', 'observers', 'forms', 'submissions', 'outreach'] as const;

export function ManagePage(p: { e: ElectionHead; counts: Record<(typeof COUNTS)[number] | 'statements', number> }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const kept = p.counts.submissions > 0 || p.counts.statements > 0;
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
      {kept ? (
        <p class="hint">{t('elections.manage.keptWhy')}</p>
      ) : (
        <ConfirmButton
          action={`/elections/${p.e.id}/delete`}
          label={t('elections.manage.delete')}
          question={t('elections.manage.deleteQuestion')}
          confirm={t('common.deleteConfirmButton')}
        />
      )}
    </ManageLayout>
  );
}

type Coordinated = ElectionHead & { poll_date: string; open: number };

function OpenCount(p: { e: Coordinated }) {
  const { t } = usePage().i18n;
  return p.e.open ? (
    <a href={`/elections/${p.e.id}/dashboard#attention`}>
      <StatusBadge tone="warn" label={t('elections.start.open', { count: p.e.open })} />
    </a>
  ) : (
    <span class="meta">{t('elections.start.none')}</span>
  );
}

/** The elections a person coordinates: where each stands and what waits in it. */
export function CoordinatePage(p: { elections: Coordinated[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <TitledLayout title={t('elections.start.title')}>
      <DataTable
        rows={p.elections}
        empty={t('elections.start.noElections')}
        columns={[
          {
            label: t('elections.forms.name'),
            rowHeader: true,
            cell: (e) => <a href={`/elections/${e.id}/manage`}>{localized(e, 'title', i18n.locale)}</a>,
          },
          { label: t('elections.pollDate'), cell: (e) => i18n.date(e.poll_date) },
          { label: t('elections.form.status'), cell: (e) => <ElectionStatus status={e.status} /> },
          { label: t('elections.dashboard.attention'), cell: (e) => <OpenCount e={e} /> },
        ]}
      />
      <p>
        <a href="/elections/new">{t('elections.list.new')}</a>
      </p>
    </TitledLayout>
  );
}

/** The start page's block: elections with something waiting for their coordinators. */
export function StartBlock(p: { elections: Coordinated[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section class="start-block" id="start-elections">
      <h2>{t('elections.start.title')}</h2>
      <ul>
        {p.elections.map((e) => (
          <li>
            <a href={`/elections/${e.id}/manage`}>{localized(e, 'title', i18n.locale)}</a> <OpenCount e={e} />
          </li>
        ))}
      </ul>
    </section>
  );
}

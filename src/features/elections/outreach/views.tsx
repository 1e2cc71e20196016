// The outreach page: activities recorded for an election, and a new one.
import { usePage } from '../../../core/views/context.js';
import { DataTable, UserText } from '../../../core/views/components.js';
import { DeleteButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { outreachKinds } from '../schemas.js';
import { ManageLayout, type ElectionHead } from '../views.js';

export type OutreachRow = {
  id: number;
  kind: string;
  held_on: string;
  town_name_ar: string;
  town_name_en: string;
  org_name_ar: string | null;
  org_name_en: string | null;
  organization_name: string | null;
  leaflets: number | null;
  places: string;
  reached_women: number;
  reached_men: number;
};

export function OutreachPage(p: {
  e: ElectionHead;
  rows: OutreachRow[];
  orgs: { id: number; name_ar: string; name_en: string }[];
  state: FormState | null;
  values: Record<string, unknown>;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const kind = (k: string) => t(`elections.outreach.kinds.${k}` as never);
  return (
    <ManageLayout e={p.e} title={t('elections.outreach.title')}>
      <DataTable
        rows={p.rows}
        columns={[
          { label: t('elections.outreach.date'), rowHeader: true, cell: (r) => i18n.date(dayAsDate(r.held_on)) },
          {
            label: t('elections.outreach.kind'),
            cell: (r) => (
              <>
                {kind(r.kind)}
                {r.places ? (
                  <>
                    <br />
                    <UserText text={r.places} />
                  </>
                ) : null}
              </>
            ),
          },
          { label: t('elections.outreach.town'), cell: (r) => localized(r, 'town_name', i18n.locale) },
          {
            label: t('elections.outreach.organization'),
            cell: (r) => (
              <bdi>{r.org_name_ar ? localized(r, 'org_name', i18n.locale) : (r.organization_name ?? '')}</bdi>
            ),
          },
          {
            label: t('elections.outreach.leaflets'),
            cell: (r) => (r.leaflets === null ? '—' : i18n.number(r.leaflets)),
          },
          { label: t('elections.outreach.women'), cell: (r) => i18n.number(r.reached_women) },
          { label: t('elections.outreach.men'), cell: (r) => i18n.number(r.reached_men) },
          p.canChange && {
            label: '',
            cell: (r) => (
              <DeleteButton
                action={`/elections/${p.e.id}/outreach/${r.id}/delete`}
                what={`${kind(r.kind)} — ${i18n.date(dayAsDate(r.held_on))}`}
              />
            ),
          },
        ]}
      />
      {p.canChange ? (
        <>
          <h2>{t('elections.outreach.add')}</h2>
          <Form action={`/elections/${p.e.id}/outreach`} state={p.state} values={p.values}>
            <Select
              name="kind"
              label={t('elections.outreach.kind')}
              options={outreachKinds.map((k) => ({ value: k, label: kind(k) }))}
            />
            <Field name="held_on" type="date" label={t('elections.outreach.date')} required />
            <Field
              name="town_pcode"
              label={t('elections.outreach.town')}
              hint={t('elections.form.townsHint')}
              required
            />
            <Select
              name="organization"
              label={t('elections.outreach.organization')}
              includeEmpty={t('elections.outreach.otherOrg')}
              options={p.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
            />
            <Field name="organization_name" label={t('elections.outreach.organizationName')} />
            <Field name="leaflets" label={t('elections.outreach.leaflets')} inputmode="numeric" />
            <Field name="places" label={t('elections.outreach.places')} />
            <Field name="reached_women" label={t('elections.outreach.women')} inputmode="numeric" />
            <Field name="reached_men" label={t('elections.outreach.men')} inputmode="numeric" />
            <Field name="notes" label={t('elections.outreach.notes')} multiline rows={3} />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

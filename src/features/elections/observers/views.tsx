// The observers page: who observes where (names and phones for coordinators only), a new
// observer, and the secret shown once.
import { usePage } from '../../../core/views/context.js';
import { DataTable, Phone, StatusBadge } from '../../../core/views/components.js';
import {
  ButtonForm,
  Checkboxes,
  ConfirmButton,
  Field,
  Form,
  Select,
  type FormState,
} from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ManageLayout, type ElectionHead } from '../views.js';

export type ObserverView = {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  kind: string;
  route_name: string;
  status: string;
  no_network_at: string | null;
  supervisor_code: string | null;
  org_name_ar: string;
  org_name_en: string;
  stations: { id: number; label: string }[];
};

type Choice = { id: number; label: string };

export function ObserversPage(p: {
  e: ElectionHead;
  observers: ObserverView[];
  orgs: { id: number; name_ar: string; name_en: string }[];
  stations: Choice[];
  state: FormState | null;
  issued?: { code: string; secret: string };
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/elections/${p.e.id}/observers`;
  return (
    <ManageLayout e={p.e} title={t('elections.observers.title')}>
      <p class="hint">{t('elections.observers.privacy')}</p>
      {p.issued ? (
        <div class="flash" role="status">
          <p>{t('elections.observers.issued')}</p>
          <p>
            {t('elections.app.code')}:{' '}
            <bdi dir="ltr" class="code">
              {p.issued.code}
            </bdi>
            <br />
            {t('elections.app.secret')}:{' '}
            <bdi dir="ltr" class="code" data-secret>
              {p.issued.secret}
            </bdi>
          </p>
          <p class="hint">{t('elections.observers.issuedHint')}</p>
        </div>
      ) : null}
      <DataTable
        rows={p.observers}
        columns={[
          { label: t('elections.app.code'), rowHeader: true, cell: (o) => <bdi dir="ltr">{o.code}</bdi> },
          {
            label: t('elections.observers.name'),
            cell: (o) => (
              <>
                <bdi>{o.name}</bdi>
                {o.phone ? (
                  <>
                    <br />
                    <Phone number={o.phone} />
                  </>
                ) : null}
              </>
            ),
          },
          {
            label: t('elections.observers.organization'),
            cell: (o) => <bdi>{localized(o, 'org_name', i18n.locale)}</bdi>,
          },
          {
            label: t('elections.observers.assignment'),
            cell: (o) => (
              <>
                {o.kind === 'mobile'
                  ? `${t('elections.observers.mobile')}${o.route_name ? ` — ${o.route_name}` : ''}: `
                  : ''}
                <bdi dir="ltr">{o.stations.map((s) => s.label).join(', ')}</bdi>
              </>
            ),
          },
          {
            label: t('elections.observers.supervisor'),
            cell: (o) => (o.supervisor_code ? <bdi dir="ltr">{o.supervisor_code}</bdi> : '—'),
          },
          {
            label: t('elections.observers.status'),
            cell: (o) => (
              <>
                {t(`elections.observers.statuses.${o.status}` as never)}
                {o.no_network_at ? (
                  <>
                    <br />
                    <StatusBadge label={t('elections.observers.noNetwork')} />
                  </>
                ) : null}
              </>
            ),
          },
          p.canChange && {
            label: '',
            cell: (o) => (
              <>
                {o.status === 'active' ? (
                  <ConfirmButton
                    action={`${base}/${o.id}/revoke`}
                    label={t('elections.observers.revoke')}
                    question={t('elections.observers.revokeQuestion', { code: o.code })}
                    confirm={t('elections.observers.revoke')}
                  />
                ) : null}
                <ButtonForm
                  action={`${base}/${o.id}/reissue`}
                  label={t('elections.observers.reissue')}
                  class="secondary"
                />
                <ButtonForm
                  action={`${base}/${o.id}/no-network`}
                  label={
                    o.no_network_at ? t('elections.observers.networkBack') : t('elections.observers.markNoNetwork')
                  }
                  class="secondary"
                />
              </>
            ),
          },
        ]}
      />
      {p.canChange ? (
        <>
          <h2>{t('elections.observers.add')}</h2>
          <Form action={base} state={p.state} values={{ kind: 'fixed' }}>
            <Field name="code" label={t('elections.app.code')} hint={t('elections.observers.codeHint')} required />
            <Field
              name="name"
              label={t('elections.observers.name')}
              hint={t('elections.observers.nameHint')}
              required
            />
            <Field name="phone" type="tel" label={t('elections.observers.phone')} />
            <Select
              name="organization_id"
              label={t('elections.observers.organization')}
              options={p.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
            />
            <Select
              name="kind"
              label={t('elections.observers.kind')}
              options={[
                { value: 'fixed', label: t('elections.observers.fixed') },
                { value: 'mobile', label: t('elections.observers.mobile') },
              ]}
            />
            <Field name="route_name" label={t('elections.observers.route')} />
            <Select
              name="supervisor_id"
              label={t('elections.observers.supervisor')}
              includeEmpty="—"
              options={p.observers.map((o) => ({ value: String(o.id), label: o.code }))}
            />
            <Checkboxes
              name="stations"
              legend={t('elections.observers.assignment')}
              options={p.stations.map((s) => ({ value: String(s.id), label: s.label }))}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

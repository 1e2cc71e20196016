// The observers pages: the list (a page at a time, chosen observers' cards printed again), a new
// observer, a spreadsheet of them (columns and limit stated, a template, every refused row
// listed); one observer's page with its corrections, the steps that cannot be taken back behind a
// confirmation, and the sign-in attempts made with their code.
import { usePage } from '../../../core/views/context.js';
import { DataTable, Phone, StatusBadge } from '../../../core/views/components.js';
import { ButtonForm, ConfirmButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { ColumnsTable, ImportForm, ListPages, ListSearch, type ListPageProps } from '../lists.js';
import { OBSERVER_COLUMNS } from './csv.js';
import { OBSERVER_PAGE, type ObserverItem } from './queries.js';

type Org = { id: number; name_ar: string; name_en: string };

function ObserverFields(p: { orgs: Org[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      <Field name="name" label={t('elections.observers.name')} hint={t('elections.observers.nameHint')} required />
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
      <Field
        name="stations"
        label={t('elections.observers.assignment')}
        hint={t('elections.observers.stationsHint')}
        required
      />
      <Field name="route_name" label={t('elections.observers.route')} />
      <Field
        name="supervisor"
        label={t('elections.observers.supervisor')}
        hint={t('elections.observers.supervisorHint')}
      />
    </>
  );
}

function StatusCell(p: { o: { status: string; no_network_at: string | null; failedSignIns?: number } }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      {t(`elections.observers.statuses.${p.o.status}` as never)}
      {p.o.no_network_at ? (
        <>
          {' '}
          <StatusBadge label={t('elections.observers.noNetwork')} />
        </>
      ) : null}
      {p.o.failedSignIns ? (
        <>
          {' '}
          <StatusBadge tone="warn" label={t('elections.observers.failedSignIns', { count: p.o.failedSignIns })} />
        </>
      ) : null}
    </>
  );
}

export function ObserversPage(p: ListPageProps & { observers: ObserverItem[]; orgs: Org[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/elections/${p.e.id}/observers`;
  const table = (
    <DataTable
      rows={p.observers}
      empty={p.query.q ? t('elections.observers.noMatch') : t('elections.observers.none')}
      columns={[
        p.canChange && {
          label: <span class="visually-hidden">{t('elections.cards.choose')}</span>,
          cell: (o) => <input type="checkbox" name="observers" value={String(o.id)} aria-label={o.code} />,
        },
        {
          label: t('elections.app.code'),
          rowHeader: true,
          cell: (o) => (
            <a href={`${base}/${o.id}`}>
              <bdi dir="ltr">{o.code}</bdi>
            </a>
          ),
        },
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
          cell: (o) => <bdi dir="ltr">{o.stations.map((s) => s.label).join(', ')}</bdi>,
        },
        { label: t('elections.observers.status'), cell: (o) => <StatusCell o={o} /> },
      ]}
    />
  );
  return (
    <ManageLayout e={p.e} title={t('elections.observers.title')}>
      <p class="hint">{t('elections.observers.privacy')}</p>
      <ListSearch action={base} id="observer-q" label={t('elections.observers.find')} q={p.query.q} />
      {p.canChange && p.observers.length ? (
        <Form action={`${base}/cards`} state={p.state}>
          {table}
          <details class="confirm">
            <summary>{t('elections.cards.printAgain')}</summary>
            <p role="alert">{t('elections.cards.printAgainQuestion')}</p>
            <button type="submit" class="danger">
              {t('elections.cards.printAgainConfirm')}
            </button>
          </details>
        </Form>
      ) : (
        table
      )}
      <ListPages path={base} query={p.query} total={p.total} size={OBSERVER_PAGE} />
      {p.canChange ? (
        <>
          <h2>{t('elections.observers.add')}</h2>
          <p class="hint">{t('elections.observers.addHint')}</p>
          <Form action={base} state={p.state} values={{ kind: 'fixed' }}>
            <ObserverFields orgs={p.orgs} />
            <button type="submit">{t('elections.observers.addButton')}</button>
          </Form>
          <h2>{t('elections.observers.import')}</h2>
          <p>{t('elections.observers.importHint', { max: p.maxRows })}</p>
          <ColumnsTable columns={OBSERVER_COLUMNS.map((c) => c.name)} prefix="elections.observers.columns" />
          <ImportForm
            action={`${base}/import`}
            template={`${base}/template.csv`}
            state={p.state}
            button={t('elections.observers.importButton')}
          />
        </>
      ) : null}
    </ManageLayout>
  );
}

type Attempt = { at: string; outcome: string; network: string };

export function ObserverPage(p: {
  e: ElectionHead;
  o: {
    id: number;
    code: string;
    name: string;
    phone: string | null;
    organization_id: number;
    kind: string;
    route_name: string;
    status: string;
    no_network_at: string | null;
    secret_hash: string;
    supervisor: string;
    stations: { id: number; label: string }[];
  };
  attempts: Attempt[];
  orgs: Org[];
  reports: number;
  state: FormState | null;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const o = p.o;
  const base = `/elections/${p.e.id}/observers/${o.id}`;
  const values = {
    ...o,
    organization_id: String(o.organization_id),
    stations: o.stations.map((s) => s.label).join(', '),
  };
  return (
    <ManageLayout e={p.e} title={`${t('elections.observers.one')} ${o.code}`}>
      <p class="meta">
        <a href={`/elections/${p.e.id}/observers`}>{t('elections.observers.title')}</a>
      </p>
      <dl class="facts">
        <dt>{t('elections.app.code')}</dt>
        <dd>
          <bdi dir="ltr" class="code" id="observer-code">
            {o.code}
          </bdi>
        </dd>
        <dt>{t('elections.observers.name')}</dt>
        <dd>
          <bdi>{o.name}</bdi>
          {o.phone ? (
            <>
              {' · '}
              <Phone number={o.phone} />
            </>
          ) : null}
        </dd>
        <dt>{t('elections.observers.assignment')}</dt>
        <dd>
          <bdi dir="ltr">{o.stations.map((s) => s.label).join(', ')}</bdi>
        </dd>
        <dt>{t('elections.observers.status')}</dt>
        <dd id="observer-status" data-status={o.status}>
          <StatusCell o={o} />
        </dd>
        <dt>{t('elections.observers.reports')}</dt>
        <dd>{i18n.number(p.reports)}</dd>
      </dl>
      {p.canChange ? (
        <div class="actions">
          {o.status === 'active' ? (
            <ConfirmButton
              action={`${base}/revoke`}
              label={t('elections.observers.revoke')}
              question={t('elections.observers.revokeQuestion', { code: o.code })}
              confirm={t('elections.observers.revokeConfirm')}
            />
          ) : o.secret_hash ? (
            <ConfirmButton
              action={`${base}/restore`}
              label={t('elections.observers.restore')}
              question={t('elections.observers.restoreQuestion', { code: o.code })}
              confirm={t('elections.observers.restoreConfirm')}
            />
          ) : null}
          <ConfirmButton
            action={`${base}/reissue`}
            label={t('elections.observers.reissue')}
            question={t('elections.observers.reissueQuestion')}
            confirm={t('elections.observers.reissueConfirm')}
          />
          <ConfirmButton
            action={`${base}/new-code`}
            label={t('elections.observers.newCode')}
            question={t('elections.observers.newCodeQuestion', { code: o.code })}
            confirm={t('elections.observers.newCodeConfirm')}
          />
          <ButtonForm
            action={`${base}/no-network`}
            label={o.no_network_at ? t('elections.observers.networkBack') : t('elections.observers.markNoNetwork')}
            class="secondary"
          />
          {p.reports ? null : (
            <ConfirmButton
              action={`${base}/delete`}
              label={t('common.delete')}
              question={`${t('common.confirmDelete', { name: o.code })} ${t('common.cannotUndo')}`}
              confirm={t('common.deleteConfirmButton')}
            />
          )}
        </div>
      ) : null}
      {p.reports && p.canChange ? <p class="hint">{t('elections.observers.keptWhy')}</p> : null}
      <h2>{t('elections.observers.signIns')}</h2>
      <p class="hint">{t('elections.observers.signInsHint')}</p>
      <DataTable
        rows={p.attempts}
        empty={t('elections.observers.noSignIns')}
        columns={[
          { label: t('elections.observers.when'), rowHeader: true, cell: (a) => i18n.dateTime(a.at) },
          {
            label: t('elections.observers.outcome'),
            cell: (a) => (
              <StatusBadge
                tone={a.outcome === 'ok' ? 'ok' : 'warn'}
                label={t(`elections.observers.outcomes.${a.outcome}` as never)}
              />
            ),
          },
          { label: t('elections.observers.network'), cell: (a) => <bdi dir="ltr">{a.network}</bdi> },
        ]}
      />
      {p.canChange ? (
        <>
          <h2>{t('elections.observers.edit')}</h2>
          <Form action={base} state={p.state} values={values}>
            <ObserverFields orgs={p.orgs} />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

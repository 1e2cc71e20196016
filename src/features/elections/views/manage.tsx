// Coordinator pages: election settings, outreach, stations, observers, forms, dashboard,
// submissions and count sheets, data entry, relayed text reports, the statement.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Phone, UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import type { Question } from '../formdef.js';
import type { Dashboard } from '../dashboard.js';
import type { StatementFigures } from '../results.js';
import { FiguresBlock, StatusBadge, nameOf, titleOf, type Named } from './public.js';
import { outreachKinds } from '../schemas.js';

type E = { id: number; title_ar: string; title_en: string; status: string };

function ManageLayout(p: { e: E; title: string; children: ComponentChildren }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const links: [string, string][] = [
    [`/elections/${p.e.id}/manage`, t('elections.manage.title')],
    [`/elections/${p.e.id}/dashboard`, t('elections.dashboard.title')],
    [`/elections/${p.e.id}/outreach`, t('elections.outreach.title')],
    [`/elections/${p.e.id}/stations`, t('elections.stations.title')],
    [`/elections/${p.e.id}/observers`, t('elections.observers.title')],
    [`/elections/${p.e.id}/forms`, t('elections.forms.title')],
    [`/elections/${p.e.id}/entry`, t('elections.entry.title')],
    [`/elections/${p.e.id}/relay`, t('elections.relay.title')],
    [`/elections/${p.e.id}/statement`, t('elections.statement.title')],
  ];
  return (
    <Layout title={`${p.title} — ${titleOf(p.e, i18n.locale)}`}>
      <p class="meta">
        <a href={`/elections/${p.e.id}`}>{titleOf(p.e, i18n.locale)}</a> <StatusBadge status={p.e.status} />
      </p>
      <nav aria-label={t('elections.manage.title')} class="no-print">
        <ul class="tags">
          {links.map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{p.title}</h1>
      {p.children}
    </Layout>
  );
}

const v = (values: Record<string, unknown>, k: string) => {
  const x = values[k];
  return x === undefined || x === null ? '' : Array.isArray(x) ? x.join(', ') : String(x);
};

// ——— election settings ———

export function ElectionEditPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  orgs: { id: number; name_ar: string; name_en: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const list = (k: string) =>
    new Set((Array.isArray(p.values[k]) ? (p.values[k] as unknown[]) : p.values[k] ? [p.values[k]] : []).map(String));
  const organizers = list('organizers');
  const partners = list('member_partners');
  const title = p.isNew ? t('elections.form.newTitle') : t('elections.form.editTitle');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Field
          name="title_ar"
          label={t('elections.form.titleAr')}
          value={v(p.values, 'title_ar')}
          error={e.title_ar}
          required
        />
        <Field
          name="title_en"
          label={t('elections.form.titleEn')}
          value={v(p.values, 'title_en')}
          error={e.title_en}
          required
        />
        <Field
          name="poll_date"
          type="date"
          label={t('elections.pollDate')}
          value={v(p.values, 'poll_date')}
          error={e.poll_date}
          required
        />
        <Field
          name="seats"
          label={t('elections.form.seats')}
          inputmode="numeric"
          value={v(p.values, 'seats')}
          error={e.seats}
          required
        />
        <Select
          name="status"
          label={t('elections.form.status')}
          value={v(p.values, 'status') || 'draft'}
          options={['draft', 'active', 'closed', 'archived'].map((s) => ({
            value: s,
            label: t(`elections.status.${s}` as never),
          }))}
          error={e.status}
        />
        <Field
          name="towns"
          label={t('elections.form.towns')}
          hint={t('elections.form.townsHint')}
          value={v(p.values, 'towns')}
          error={e.towns}
          required
        />
        <fieldset>
          <legend>{t('elections.form.organizers')}</legend>
          <p class="hint">{t('elections.form.organizersHint')}</p>
          {p.orgs.map((o) => (
            <label class="checkbox">
              <input type="checkbox" name="organizers" value={String(o.id)} checked={organizers.has(String(o.id))} />{' '}
              {nameOf(o, i18n.locale)}
            </label>
          ))}
          {e.organizers ? <p class="error">{e.organizers}</p> : null}
        </fieldset>
        <fieldset>
          <legend>{t('elections.form.memberPartners')}</legend>
          {p.orgs.map((o) => (
            <label class="checkbox">
              <input type="checkbox" name="member_partners" value={String(o.id)} checked={partners.has(String(o.id))} />{' '}
              {nameOf(o, i18n.locale)}
            </label>
          ))}
        </fieldset>
        <Field
          name="other_partners"
          label={t('elections.form.otherPartners')}
          hint={t('elections.form.otherPartnersHint')}
          value={v(p.values, 'other_partners')}
          error={e.other_partners}
          multiline
          rows={3}
        />
        <Field
          name="candidates"
          label={t('elections.form.candidates')}
          hint={t('elections.form.candidatesHint')}
          value={v(p.values, 'candidates')}
          error={e.candidates}
          multiline
          rows={5}
        />
        <Field
          name="summary_ar"
          label={t('elections.form.summaryAr')}
          value={v(p.values, 'summary_ar')}
          error={e.summary_ar}
          multiline
          rows={4}
        />
        <Field
          name="summary_en"
          label={t('elections.form.summaryEn')}
          value={v(p.values, 'summary_en')}
          error={e.summary_en}
          multiline
          rows={4}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function ManagePage(p: {
  e: E;
  counts: {
    centres: number;
    stations: number;
    observers: number;
    forms: number;
    submissions: number;
    outreach: number;
  };
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.counts;
  return (
    <ManageLayout e={p.e} title={t('elections.manage.title')}>
      <p>{t('elections.manage.coordinatorsNote')}</p>
      <ul class="figures">
        <li>
          <strong>{i18n.number(c.centres)}</strong> {t('elections.manage.centres')}
        </li>
        <li>
          <strong>{i18n.number(c.stations)}</strong> {t('elections.manage.stations')}
        </li>
        <li>
          <strong>{i18n.number(c.observers)}</strong> {t('elections.manage.observers')}
        </li>
        <li>
          <strong>{i18n.number(c.forms)}</strong> {t('elections.manage.forms')}
        </li>
        <li>
          <strong>{i18n.number(c.submissions)}</strong> {t('elections.manage.submissions')}
        </li>
        <li>
          <strong>{i18n.number(c.outreach)}</strong> {t('elections.manage.outreach')}
        </li>
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

// ——— outreach ———

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
  notes: string;
};

export function OutreachPage(p: {
  e: E;
  rows: OutreachRow[];
  orgs: { id: number; name_ar: string; name_en: string }[];
  values: Record<string, unknown>;
  errors?: FieldErrors;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  return (
    <ManageLayout e={p.e} title={t('elections.outreach.title')}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.outreach.date')}</th>
              <th>{t('elections.outreach.kind')}</th>
              <th>{t('elections.outreach.town')}</th>
              <th>{t('elections.outreach.organization')}</th>
              <th>{t('elections.outreach.leaflets')}</th>
              <th>{t('elections.outreach.women')}</th>
              <th>{t('elections.outreach.men')}</th>
              {p.canChange ? <th></th> : null}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>{i18n.date(`${r.held_on}T12:00:00Z`)}</td>
                <td>
                  {t(`elections.outreach.kinds.${r.kind}` as never)}
                  {r.places ? (
                    <>
                      <br />
                      <UserText text={r.places} />
                    </>
                  ) : null}
                </td>
                <td>{i18n.locale === 'ar' ? r.town_name_ar : r.town_name_en}</td>
                <td>
                  <bdi>
                    {r.org_name_ar
                      ? nameOf({ name_ar: r.org_name_ar, name_en: r.org_name_en ?? '' }, i18n.locale)
                      : (r.organization_name ?? '')}
                  </bdi>
                </td>
                <td>{r.leaflets === null ? '—' : i18n.number(r.leaflets)}</td>
                <td>{i18n.number(r.reached_women)}</td>
                <td>{i18n.number(r.reached_men)}</td>
                {p.canChange ? (
                  <td>
                    <Form action={`/elections/${p.e.id}/outreach/${r.id}/delete`} class="inline-form">
                      <button type="submit" class="secondary">
                        {t('common.delete')}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canChange ? (
        <>
          <h2>{t('elections.outreach.add')}</h2>
          <FormErrorSummary message={e._form} />
          <Form action={`/elections/${p.e.id}/outreach`}>
            <Select
              name="kind"
              label={t('elections.outreach.kind')}
              value={v(p.values, 'kind')}
              options={outreachKinds.map((k) => ({ value: k, label: t(`elections.outreach.kinds.${k}` as never) }))}
              error={e.kind}
            />
            <Field
              name="held_on"
              type="date"
              label={t('elections.outreach.date')}
              value={v(p.values, 'held_on')}
              error={e.held_on}
              required
            />
            <Field
              name="town_pcode"
              label={t('elections.outreach.town')}
              hint={t('elections.form.townsHint')}
              value={v(p.values, 'town_pcode')}
              error={e.town_pcode}
              required
            />
            <Select
              name="organization"
              label={t('elections.outreach.organization')}
              value={v(p.values, 'organization')}
              includeEmpty={t('elections.outreach.otherOrg')}
              options={p.orgs.map((o) => ({ value: String(o.id), label: nameOf(o, i18n.locale) }))}
              error={e.organization}
            />
            <Field
              name="organization_name"
              label={t('elections.outreach.organizationName')}
              value={v(p.values, 'organization_name')}
              error={e.organization_name}
            />
            <Field
              name="leaflets"
              label={t('elections.outreach.leaflets')}
              inputmode="numeric"
              value={v(p.values, 'leaflets')}
              error={e.leaflets}
            />
            <Field
              name="places"
              label={t('elections.outreach.places')}
              value={v(p.values, 'places')}
              error={e.places}
            />
            <Field
              name="reached_women"
              label={t('elections.outreach.women')}
              inputmode="numeric"
              value={v(p.values, 'reached_women')}
              error={e.reached_women}
            />
            <Field
              name="reached_men"
              label={t('elections.outreach.men')}
              inputmode="numeric"
              value={v(p.values, 'reached_men')}
              error={e.reached_men}
            />
            <Field
              name="notes"
              label={t('elections.outreach.notes')}
              value={v(p.values, 'notes')}
              error={e.notes}
              multiline
              rows={3}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

// ——— stations ———

export type ImportProblemView = { line: number; reason: string; value?: string };

export function StationsPage(p: {
  e: E;
  stations: {
    id: number;
    code: string;
    centre_code: string;
    centre_name_ar: string;
    centre_name_en: string;
    town_name_ar: string;
    town_name_en: string;
    registered_women: number | null;
    registered_men: number | null;
    women_only: number;
  }[];
  centres: { id: number; code: string; name_ar: string; name_en: string }[];
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  which?: 'centre' | 'station' | 'import';
  problems?: ImportProblemView[];
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const vals = p.values ?? {};
  const err = (w: string) => (p.which === w ? e : {});
  return (
    <ManageLayout e={p.e} title={t('elections.stations.title')}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.results.station')}</th>
              <th>{t('elections.results.centre')}</th>
              <th>{t('elections.outreach.town')}</th>
              <th>{t('elections.stations.registeredWomen')}</th>
              <th>{t('elections.stations.registeredMen')}</th>
              <th>{t('elections.stations.womenOnly')}</th>
            </tr>
          </thead>
          <tbody>
            {p.stations.map((s) => (
              <tr>
                <td>
                  <bdi dir="ltr">{`${s.centre_code} ${s.code}`}</bdi>
                </td>
                <td>
                  <bdi>{nameOf({ name_ar: s.centre_name_ar, name_en: s.centre_name_en }, i18n.locale)}</bdi>
                </td>
                <td>{i18n.locale === 'ar' ? s.town_name_ar : s.town_name_en}</td>
                <td>{s.registered_women === null ? '—' : i18n.number(s.registered_women)}</td>
                <td>{s.registered_men === null ? '—' : i18n.number(s.registered_men)}</td>
                <td>{s.women_only ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canChange ? (
        <>
          <h2>{t('elections.stations.import')}</h2>
          <p class="hint">{t('elections.stations.importHint')}</p>
          <pre class="code" dir="ltr">
            centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only
          </pre>
          {p.problems?.length ? (
            <div role="alert" class="form-error">
              <p>{t('elections.stations.importRefused', { count: p.problems.length })}</p>
              <ul>
                {p.problems.map((pr) => (
                  <li>
                    {t('elections.stations.problemLine', { line: pr.line })}:{' '}
                    {t(`elections.import.${pr.reason}` as never)}
                    {pr.value ? (
                      <>
                        {' '}
                        <bdi dir="ltr">{pr.value}</bdi>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form action={`/elections/${p.e.id}/stations/import`} multipart>
            <div class="field">
              <label for="f-file">{t('elections.stations.csvFile')}</label>
              <input id="f-file" type="file" name="file" accept=".csv,text/csv" />
            </div>
            <Field
              name="csv"
              label={t('elections.stations.csvText')}
              value={p.which === 'import' ? v(vals, 'csv') : ''}
              multiline
              rows={5}
              error={err('import').csv}
            />
            <button type="submit">{t('elections.stations.importButton')}</button>
          </Form>
          <h2>{t('elections.stations.addCentre')}</h2>
          <Form action={`/elections/${p.e.id}/stations/centres`}>
            <Field
              name="code"
              label={t('elections.stations.centreCode')}
              hint={t('elections.stations.centreCodeHint')}
              value={p.which === 'centre' ? v(vals, 'code') : ''}
              error={err('centre').code}
              required
            />
            <Field
              name="town_pcode"
              label={t('elections.outreach.town')}
              value={p.which === 'centre' ? v(vals, 'town_pcode') : ''}
              error={err('centre').town_pcode}
              required
            />
            <Field
              name="name_ar"
              label={t('elections.form.nameAr')}
              value={p.which === 'centre' ? v(vals, 'name_ar') : ''}
              error={err('centre').name_ar}
              required
            />
            <Field
              name="name_en"
              label={t('elections.form.nameEn')}
              value={p.which === 'centre' ? v(vals, 'name_en') : ''}
              error={err('centre').name_en}
              required
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
          {p.centres.length ? (
            <>
              <h2>{t('elections.stations.addStation')}</h2>
              <Form action={`/elections/${p.e.id}/stations`}>
                <Select
                  name="centre_id"
                  label={t('elections.results.centre')}
                  value={p.which === 'station' ? v(vals, 'centre_id') : ''}
                  options={p.centres.map((c) => ({
                    value: String(c.id),
                    label: `${c.code} — ${nameOf(c, i18n.locale)}`,
                  }))}
                  error={err('station').centre_id}
                />
                <Field
                  name="code"
                  label={t('elections.stations.stationCode')}
                  hint={t('elections.stations.stationCodeHint')}
                  value={p.which === 'station' ? v(vals, 'code') : ''}
                  error={err('station').code}
                  required
                />
                <Field
                  name="registered_women"
                  label={t('elections.stations.registeredWomen')}
                  inputmode="numeric"
                  value={p.which === 'station' ? v(vals, 'registered_women') : ''}
                  error={err('station').registered_women}
                />
                <Field
                  name="registered_men"
                  label={t('elections.stations.registeredMen')}
                  inputmode="numeric"
                  value={p.which === 'station' ? v(vals, 'registered_men') : ''}
                  error={err('station').registered_men}
                />
                <label class="checkbox">
                  <input type="checkbox" name="women_only" value="on" /> {t('elections.stations.womenOnly')}
                </label>
                <button type="submit">{t('common.add')}</button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </ManageLayout>
  );
}

// ——— observers ———

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

export function ObserversPage(p: {
  e: E;
  observers: ObserverView[];
  orgs: { id: number; name_ar: string; name_en: string }[];
  stations: { id: number; label: string }[];
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  issued?: { code: string; secret: string } | null;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const vals = p.values ?? {};
  const chosen = new Set(
    (Array.isArray(vals.stations) ? vals.stations : vals.stations ? [vals.stations] : []).map(String),
  );
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
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.app.code')}</th>
              <th>{t('elections.observers.name')}</th>
              <th>{t('elections.observers.organization')}</th>
              <th>{t('elections.observers.assignment')}</th>
              <th>{t('elections.observers.supervisor')}</th>
              <th>{t('elections.observers.status')}</th>
              {p.canChange ? <th></th> : null}
            </tr>
          </thead>
          <tbody>
            {p.observers.map((o) => (
              <tr>
                <td>
                  <bdi dir="ltr">{o.code}</bdi>
                </td>
                <td>
                  <bdi>{o.name}</bdi>
                  {o.phone ? (
                    <>
                      <br />
                      <Phone number={o.phone} />
                    </>
                  ) : null}
                </td>
                <td>
                  <bdi>{nameOf({ name_ar: o.org_name_ar, name_en: o.org_name_en }, i18n.locale)}</bdi>
                </td>
                <td>
                  {o.kind === 'mobile'
                    ? `${t('elections.observers.mobile')}${o.route_name ? ` — ${o.route_name}` : ''}: `
                    : ''}
                  <bdi dir="ltr">{o.stations.map((s) => s.label).join(', ')}</bdi>
                </td>
                <td>{o.supervisor_code ? <bdi dir="ltr">{o.supervisor_code}</bdi> : '—'}</td>
                <td>
                  {t(`elections.observers.statuses.${o.status}` as never)}
                  {o.no_network_at ? (
                    <>
                      <br />
                      <span class="badge">{t('elections.observers.noNetwork')}</span>
                    </>
                  ) : null}
                </td>
                {p.canChange ? (
                  <td>
                    {o.status === 'active' ? (
                      <Form action={`/elections/${p.e.id}/observers/${o.id}/revoke`} class="inline-form">
                        <button type="submit" class="danger">
                          {t('elections.observers.revoke')}
                        </button>
                      </Form>
                    ) : null}
                    <Form action={`/elections/${p.e.id}/observers/${o.id}/reissue`} class="inline-form">
                      <button type="submit" class="secondary">
                        {t('elections.observers.reissue')}
                      </button>
                    </Form>
                    <Form action={`/elections/${p.e.id}/observers/${o.id}/no-network`} class="inline-form">
                      <button type="submit" class="secondary">
                        {o.no_network_at
                          ? t('elections.observers.networkBack')
                          : t('elections.observers.markNoNetwork')}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canChange ? (
        <>
          <h2>{t('elections.observers.add')}</h2>
          <FormErrorSummary message={e._form} />
          <Form action={`/elections/${p.e.id}/observers`}>
            <Field
              name="code"
              label={t('elections.app.code')}
              hint={t('elections.observers.codeHint')}
              value={v(vals, 'code')}
              error={e.code}
              required
            />
            <Field
              name="name"
              label={t('elections.observers.name')}
              hint={t('elections.observers.nameHint')}
              value={v(vals, 'name')}
              error={e.name}
              required
            />
            <Field
              name="phone"
              type="tel"
              label={t('elections.observers.phone')}
              value={v(vals, 'phone')}
              error={e.phone}
            />
            <Select
              name="organization_id"
              label={t('elections.observers.organization')}
              value={v(vals, 'organization_id')}
              options={p.orgs.map((o) => ({ value: String(o.id), label: nameOf(o, i18n.locale) }))}
              error={e.organization_id}
            />
            <Select
              name="kind"
              label={t('elections.observers.kind')}
              value={v(vals, 'kind') || 'fixed'}
              options={[
                { value: 'fixed', label: t('elections.observers.fixed') },
                { value: 'mobile', label: t('elections.observers.mobile') },
              ]}
            />
            <Field
              name="route_name"
              label={t('elections.observers.route')}
              value={v(vals, 'route_name')}
              error={e.route_name}
            />
            <Select
              name="supervisor_id"
              label={t('elections.observers.supervisor')}
              value={v(vals, 'supervisor_id')}
              includeEmpty="—"
              options={p.observers.map((o) => ({ value: String(o.id), label: o.code }))}
              error={e.supervisor_id}
            />
            <fieldset>
              <legend>{t('elections.observers.assignment')}</legend>
              {p.stations.map((s) => (
                <label class="checkbox">
                  <input type="checkbox" name="stations" value={String(s.id)} checked={chosen.has(String(s.id))} />{' '}
                  <bdi dir="ltr">{s.label}</bdi>
                </label>
              ))}
              {e.stations ? <p class="error">{e.stations}</p> : null}
            </fieldset>
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

// ——— forms ———

export function FormsPage(p: {
  e: E;
  forms: {
    id: number;
    slug: string;
    kind: string;
    title_ar: string;
    title_en: string;
    version: number;
    status: string;
  }[];
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const kinds = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];
  return (
    <ManageLayout e={p.e} title={t('elections.forms.title')}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.forms.name')}</th>
              <th>{t('elections.forms.kind')}</th>
              <th>{t('elections.forms.version')}</th>
              <th>{t('elections.observers.status')}</th>
            </tr>
          </thead>
          <tbody>
            {p.forms.map((f) => (
              <tr>
                <td>
                  <a href={`/elections/${p.e.id}/forms/${f.id}`}>{titleOf(f, i18n.locale)}</a>
                </td>
                <td>{t(`elections.forms.kinds.${f.kind}` as never)}</td>
                <td>{i18n.number(f.version)}</td>
                <td>{t(`elections.forms.statuses.${f.status}` as never)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canChange ? (
        <>
          <h2>{t('elections.forms.new')}</h2>
          <Form action={`/elections/${p.e.id}/forms`}>
            <Select
              name="kind"
              label={t('elections.forms.kind')}
              value={v(p.values ?? {}, 'kind')}
              options={kinds.map((k) => ({ value: k, label: t(`elections.forms.kinds.${k}` as never) }))}
              error={e.kind}
            />
            <Field
              name="title_ar"
              label={t('elections.form.titleAr')}
              value={v(p.values ?? {}, 'title_ar')}
              error={e.title_ar}
              required
            />
            <Field
              name="title_en"
              label={t('elections.form.titleEn')}
              value={v(p.values ?? {}, 'title_en')}
              error={e.title_en}
              required
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

function QuestionRow(p: { i: number; q: Partial<Question>; errors: FieldErrors; locked: boolean }) {
  const { t } = usePage().i18n;
  const q = p.q;
  const n = `q${p.i}_`;
  const options = (q.options ?? []).map((o) => `${o.critical ? '* ' : ''}${o.label_ar} | ${o.label_en}`).join('\n');
  const showIf = q.showIf ? `${q.showIf.question}=${q.showIf.equals.replace(/^o(\d+)$/, '$1')}` : '';
  return (
    <fieldset>
      <legend>{q.id ? <bdi dir="ltr">{q.id}</bdi> : t('elections.builder.newQuestion')}</legend>
      <Field name={`${n}id`} label={t('elections.builder.id')} value={q.id ?? ''} error={p.errors[`${n}id`]} />
      <Select
        name={`${n}type`}
        label={t('elections.builder.type')}
        value={q.type ?? 'yesno'}
        options={['yesno', 'number', 'choice', 'text', 'time'].map((x) => ({
          value: x,
          label: t(`elections.builder.types.${x}` as never),
        }))}
      />
      <Field name={`${n}label_ar`} label={t('elections.builder.labelAr')} value={q.label_ar ?? ''} />
      <Field name={`${n}label_en`} label={t('elections.builder.labelEn')} value={q.label_en ?? ''} />
      <label class="checkbox">
        <input type="checkbox" name={`${n}required`} value="on" checked={q.required ?? false} /> {t('common.required')}
      </label>
      <Field
        name={`${n}min`}
        label={t('elections.builder.min')}
        value={q.min == null ? '' : String(q.min)}
        inputmode="numeric"
      />
      <Field
        name={`${n}max`}
        label={t('elections.builder.max')}
        value={q.max == null ? '' : String(q.max)}
        inputmode="numeric"
      />
      <Field
        name={`${n}options`}
        label={t('elections.builder.options')}
        hint={t('elections.builder.optionsHint')}
        value={options}
        multiline
        rows={3}
      />
      <Select
        name={`${n}critical`}
        label={t('elections.builder.criticalAnswer')}
        value={q.criticalAnswer ?? ''}
        includeEmpty="—"
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
      />
      <Field
        name={`${n}show_if`}
        label={t('elections.builder.showIf')}
        hint={t('elections.builder.showIfHint')}
        value={showIf}
      />
      {!p.locked && q.id ? (
        <label class="checkbox">
          <input type="checkbox" name={`${n}remove`} value="on" /> {t('elections.builder.remove')}
        </label>
      ) : null}
    </fieldset>
  );
}

export function FormBuilderPage(p: {
  e: E;
  form: { id: number; slug: string; kind: string; title_ar: string; title_en: string; version: number; status: string };
  questions: Partial<Question>[];
  rules: string;
  errors?: FieldErrors;
  ruleProblems?: string[];
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const f = p.form;
  const editable = p.canChange && f.status === 'draft';
  const rows = editable ? [...p.questions, {}, {}, {}] : p.questions;
  return (
    <ManageLayout
      e={p.e}
      title={`${titleOf(f, i18n.locale)} · ${t('elections.forms.version')} ${i18n.number(f.version)}`}
    >
      <p class="meta">
        {t(`elections.forms.kinds.${f.kind}` as never)} · {t(`elections.forms.statuses.${f.status}` as never)}
      </p>
      {p.canChange && f.status !== 'draft' ? (
        <Form action={`/elections/${p.e.id}/forms/${f.id}/new-version`}>
          <p class="hint">{t('elections.builder.publishedNote')}</p>
          <button type="submit">{t('elections.builder.newVersion')}</button>
        </Form>
      ) : null}
      <FormErrorSummary message={e._form} />
      {p.ruleProblems?.length ? (
        <div class="form-error" role="alert">
          <ul>
            {p.ruleProblems.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {editable ? (
        <Form action={`/elections/${p.e.id}/forms/${f.id}`}>
          <Field name="title_ar" label={t('elections.form.titleAr')} value={f.title_ar} error={e.title_ar} required />
          <Field name="title_en" label={t('elections.form.titleEn')} value={f.title_en} error={e.title_en} required />
          <h2>{t('elections.builder.questions')}</h2>
          <p class="hint">{t('elections.builder.hint')}</p>
          {rows.map((q, i) => (
            <QuestionRow i={i} q={q} errors={e} locked={false} />
          ))}
          {f.kind === 'count' ? (
            <Field
              name="rules"
              label={t('elections.builder.rules')}
              hint={t('elections.builder.rulesHint')}
              value={p.rules}
              error={e.rules}
              multiline
              rows={6}
            />
          ) : null}
          <button type="submit">{t('common.save')}</button>
        </Form>
      ) : (
        <>
          <h2>{t('elections.builder.questions')}</h2>
          <ol>
            {p.questions.map((q) => (
              <li>
                <bdi dir="ltr">{q.id}</bdi> — {i18n.locale === 'ar' ? q.label_ar : q.label_en} (
                {t(`elections.builder.types.${q.type}` as never)})
                {q.showIf ? ` · ${t('elections.builder.showIf')}: ${q.showIf.question}=${q.showIf.equals}` : ''}
              </li>
            ))}
          </ol>
          {f.kind === 'count' ? (
            <>
              <h2>{t('elections.builder.rules')}</h2>
              <pre class="code" dir="ltr">
                {p.rules}
              </pre>
            </>
          ) : null}
        </>
      )}
      {editable ? (
        <Form action={`/elections/${p.e.id}/forms/${f.id}/publish`}>
          <button type="submit">{t('elections.builder.publish')}</button>
        </Form>
      ) : null}
    </ManageLayout>
  );
}

// ——— dashboard ———

export function DashboardPage(p: { e: E; d: Dashboard }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const d = p.d;
  const stateLabel = (s: string) => t(`elections.dashboard.states.${s}` as never);
  return (
    <ManageLayout e={p.e} title={t('elections.dashboard.title')}>
      <ul class="figures">
        {(['expected', 'received', 'missing', 'unreachable', 'flagged', 'verified'] as const).map((k) => (
          <li>
            <strong>{i18n.number(d.all[k])}</strong> {t(`elections.dashboard.counts.${k}` as never)}
          </li>
        ))}
      </ul>
      <p class="hint">{t('elections.dashboard.unreachableNote')}</p>
      {d.conflicts.length ? (
        <>
          <h2>{t('elections.dashboard.conflicts')}</h2>
          <ul>
            {d.conflicts.map((c) => (
              <li>
                <a href={`/elections/${p.e.id}/sheets/${c.id}`}>
                  <bdi dir="ltr">{c.station}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('elections.dashboard.attention')}</h2>
      {d.attention.length === 0 ? <p>{t('elections.dashboard.nothing')}</p> : null}
      <ul>
        {d.attention.map((s) => (
          <li>
            {s.critical ? <span class="badge">{t('elections.dashboard.critical')}</span> : null}{' '}
            <a href={`/elections/${p.e.id}/submissions/${s.id}`}>
              {titleOf(s, i18n.locale)} · <bdi dir="ltr">{s.station}</bdi>
            </a>{' '}
            · {t(`elections.submission.statuses.${s.status}` as never)}
          </li>
        ))}
      </ul>
      <h2>{t('elections.dashboard.byForm')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.forms.name')}</th>
              {(['expected', 'received', 'missing', 'unreachable', 'flagged', 'verified'] as const).map((k) => (
                <th>{t(`elections.dashboard.counts.${k}` as never)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.forms.map((f) => {
              const c = d.totals[f.slug]!;
              return (
                <tr>
                  <td>{titleOf(f, i18n.locale)}</td>
                  <td>{i18n.number(c.expected)}</td>
                  <td>{i18n.number(c.received)}</td>
                  <td>{i18n.number(c.missing)}</td>
                  <td>{i18n.number(c.unreachable)}</td>
                  <td>{i18n.number(c.flagged)}</td>
                  <td>{i18n.number(c.verified)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t('elections.dashboard.byStation')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.results.station')}</th>
              {d.forms.map((f) => (
                <th>{titleOf(f, i18n.locale)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr>
                <td>
                  <bdi dir="ltr">{`${r.station.centre_code} ${r.station.code}`}</bdi>
                </td>
                {r.cells.map((c) => (
                  <td data-state={c.state}>
                    {c.sheetId ? (
                      <a href={`/elections/${p.e.id}/sheets/${c.sheetId}`}>{stateLabel(c.state)}</a>
                    ) : c.latestId ? (
                      <a href={`/elections/${p.e.id}/submissions/${c.latestId}`}>{stateLabel(c.state)}</a>
                    ) : (
                      stateLabel(c.state)
                    )}
                    {c.count > 1 ? ` (${i18n.number(c.count)})` : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ManageLayout>
  );
}

// ——— a submission ———

export type FlagView = { kind: string; question?: string; rule?: string; left?: number; right?: number };

export function FlagList(p: { flags: FlagView[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!p.flags.length) return null;
  return (
    <ul class="notice--warn">
      {p.flags.map((f) => (
        <li>
          {f.kind === 'rule' ? (
            <>
              {t('elections.flags.rule')}: <bdi dir="ltr">{f.rule}</bdi> ({i18n.number(f.left ?? 0)} /{' '}
              {i18n.number(f.right ?? 0)})
            </>
          ) : f.kind === 'critical' ? (
            <>
              {t('elections.flags.critical')}: <bdi dir="ltr">{f.question}</bdi>
            </>
          ) : (
            t(`elections.flags.${f.kind}` as never)
          )}
        </li>
      ))}
    </ul>
  );
}

export function SubmissionPage(p: {
  e: E;
  s: {
    id: number;
    source: string;
    received_at: string;
    status: string;
    verification_comment: string;
    sheet_id: number | null;
    critical: number;
  };
  station: string;
  form: { title_ar: string; title_en: string; version: number };
  questions: Question[];
  answers: Record<string, string | number>;
  observerCode: string | null;
  flags: FlagView[];
  canChange: boolean;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const answerText = (q: Question, a: string | number | undefined) => {
    if (a === undefined) return '—';
    if (q.type === 'yesno') return a === 'yes' ? t('common.yes') : t('common.no');
    if (q.type === 'choice') {
      const o = q.options?.find((x) => x.value === a);
      return o ? nameOf({ name_ar: o.label_ar, name_en: o.label_en }, i18n.locale) : String(a);
    }
    if (q.type === 'number') return i18n.number(Number(a));
    return String(a);
  };
  return (
    <ManageLayout e={p.e} title={`${titleOf(p.form, i18n.locale)} · ${p.station}`}>
      <p class="meta">
        {t(`elections.submission.sources.${p.s.source}` as never)} · {i18n.dateTime(p.s.received_at)}
        {p.observerCode ? (
          <>
            {' · '}
            <bdi dir="ltr">{p.observerCode}</bdi>
          </>
        ) : null}{' '}
        · {t(`elections.submission.statuses.${p.s.status}` as never)}
      </p>
      <FlagList flags={p.flags} />
      {p.s.sheet_id ? (
        <p>
          <a href={`/elections/${p.e.id}/sheets/${p.s.sheet_id}`}>{t('elections.sheet.open')}</a>
        </p>
      ) : null}
      <dl>
        {p.questions
          .filter((q) => p.answers[q.id] !== undefined)
          .map((q) => (
            <>
              <dt>{i18n.locale === 'ar' ? q.label_ar : q.label_en}</dt>
              <dd dir={q.type === 'text' ? 'auto' : undefined}>{answerText(q, p.answers[q.id])}</dd>
            </>
          ))}
      </dl>
      {p.s.verification_comment ? (
        <p>
          {t('elections.submission.comment')}: <UserText text={p.s.verification_comment} />
        </p>
      ) : null}
      {p.canChange ? (
        <Form action={`/elections/${p.e.id}/submissions/${p.s.id}/verify`}>
          <Select
            name="decision"
            label={t('elections.submission.decision')}
            value={p.s.status === 'received' ? 'verified' : p.s.status}
            options={['verified', 'rejected', 'received'].map((x) => ({
              value: x,
              label: t(`elections.submission.statuses.${x}` as never),
            }))}
          />
          <Field
            name="comment"
            label={t('elections.submission.comment')}
            value={p.s.verification_comment}
            multiline
            rows={3}
            error={p.errors?.comment}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      ) : null}
    </ManageLayout>
  );
}

// ——— a count sheet and its entries ———

export function SheetPage(p: {
  e: E;
  station: string;
  sheet: { id: number; status: string; decision_note: string };
  fields: { id: string; label: string }[];
  accepted: Record<string, number> | null;
  entries: { id: number; source: string; who: string; values: Record<string, number> }[];
  differing: string[];
  flags: FlagView[];
  canChange: boolean;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const conflict = p.sheet.status === 'conflict';
  return (
    <ManageLayout e={p.e} title={`${t('elections.sheet.title')} · ${p.station}`}>
      <p class="meta">{t(`elections.sheet.statuses.${p.sheet.status}` as never)}</p>
      <FlagList flags={p.flags} />
      {conflict ? <p class="notice--warn">{t('elections.sheet.conflictNote', { count: p.differing.length })}</p> : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('elections.sheet.field')}</th>
              {p.entries.map((en, i) => (
                <th>
                  <a href={`/elections/${p.e.id}/submissions/${en.id}`}>{t('elections.sheet.entry', { n: i + 1 })}</a>
                  <br />
                  <span class="meta">
                    {t(`elections.submission.sources.${en.source}` as never)} <bdi>{en.who}</bdi>
                  </span>
                </th>
              ))}
              {p.accepted ? <th>{t('elections.sheet.accepted')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.fields.map((f) => (
              <tr data-differs={p.differing.includes(f.id) ? '1' : undefined}>
                <td>{p.differing.includes(f.id) ? <strong>{f.label}</strong> : f.label}</td>
                {p.entries.map((en) => (
                  <td>{en.values[f.id] === undefined ? '—' : i18n.number(en.values[f.id]!)}</td>
                ))}
                {p.accepted ? <td>{p.accepted[f.id] === undefined ? '—' : i18n.number(p.accepted[f.id]!)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.sheet.decision_note ? (
        <p>
          {t('elections.sheet.note')}: <UserText text={p.sheet.decision_note} />
        </p>
      ) : null}
      {conflict && p.canChange ? (
        <>
          <h2>{t('elections.sheet.decide')}</h2>
          <FormErrorSummary message={p.errors?._form} />
          <Form action={`/elections/${p.e.id}/sheets/${p.sheet.id}/resolve`}>
            {p.fields
              .filter((f) => p.differing.includes(f.id))
              .map((f) => {
                const choices = [
                  ...new Set(p.entries.map((en) => en.values[f.id]).filter((x): x is number => x !== undefined)),
                ];
                return (
                  <fieldset>
                    <legend>{f.label}</legend>
                    {choices.map((c, i) => (
                      <label class="checkbox">
                        <input type="radio" name={`v_${f.id}`} value={String(c)} checked={i === 0} /> {i18n.number(c)}
                      </label>
                    ))}
                    <Field
                      name={`o_${f.id}`}
                      label={t('elections.sheet.other')}
                      inputmode="numeric"
                      error={p.errors?.[f.id]}
                    />
                  </fieldset>
                );
              })}
            <Field
              name="note"
              label={t('elections.sheet.note')}
              hint={t('elections.sheet.noteHint')}
              multiline
              rows={3}
              error={p.errors?.note}
              required
            />
            <button type="submit">{t('elections.sheet.decideButton')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

// ——— web entry (second entry of count sheets, or any form from paper) ———

export function EntryPage(p: {
  e: E;
  forms: { id: number; title_ar: string; title_en: string }[];
  form: { id: number; title_ar: string; title_en: string; questions: Question[] } | null;
  stations: { id: number; label: string }[];
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  entryKey: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const vals = p.values ?? {};
  return (
    <ManageLayout e={p.e} title={t('elections.entry.title')}>
      <p class="hint">{t('elections.entry.hint')}</p>
      <Form action={`/elections/${p.e.id}/entry`} method="get">
        <Select
          name="form"
          label={t('elections.forms.name')}
          value={p.form ? String(p.form.id) : ''}
          options={p.forms.map((f) => ({ value: String(f.id), label: titleOf(f, i18n.locale) }))}
        />
        <button type="submit" class="secondary">
          {t('common.continue')}
        </button>
      </Form>
      {p.form ? (
        <>
          <h2>{titleOf(p.form, i18n.locale)}</h2>
          <FormErrorSummary message={e._form} />
          <Form action={`/elections/${p.e.id}/entry?form=${p.form.id}`}>
            <input type="hidden" name="key" value={p.entryKey} />
            <Select
              name="station_id"
              label={t('elections.results.station')}
              value={v(vals, 'station_id')}
              options={p.stations.map((s) => ({ value: String(s.id), label: s.label }))}
              error={e.station_id}
            />
            {p.form.questions.map((q) => {
              const label = `${i18n.locale === 'ar' ? q.label_ar : q.label_en}${q.required ? ' *' : ''}`;
              const name = `a_${q.id}`;
              if (q.type === 'yesno' || q.type === 'choice') {
                const opts =
                  q.type === 'yesno'
                    ? [
                        { value: 'yes', label: t('common.yes') },
                        { value: 'no', label: t('common.no') },
                      ]
                    : (q.options ?? []).map((o) => ({
                        value: o.value,
                        label: nameOf({ name_ar: o.label_ar, name_en: o.label_en }, i18n.locale),
                      }));
                return (
                  <Select
                    name={name}
                    label={label}
                    value={v(vals, name)}
                    includeEmpty="—"
                    options={opts}
                    error={e[name]}
                  />
                );
              }
              return (
                <Field
                  name={name}
                  label={label}
                  type={q.type === 'time' ? 'time' : 'text'}
                  inputmode={q.type === 'number' ? 'numeric' : undefined}
                  value={v(vals, name)}
                  error={e[name]}
                  multiline={q.type === 'text'}
                  rows={3}
                  hint={
                    q.showIf
                      ? t('elections.entry.onlyIf', { question: q.showIf.question, value: q.showIf.equals })
                      : undefined
                  }
                />
              );
            })}
            <button type="submit">{t('common.save')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

// ——— relayed text reports ———

export type RelayReply = { line: number; ok: boolean; ar: string; en: string };

export function RelayPage(p: {
  e: E;
  text: string;
  replies: RelayReply[] | null;
  errors?: FieldErrors;
  codes: string[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.relay.title')}>
      <p>{t('elections.relay.intro')}</p>
      <pre class="code" dir="ltr">
        {'TB-01 S1 W 98 M 121 RW 260 RM 250 BR 450 BU 226 BS 5 VA 208 IN 11 BL 4 ' +
          p.codes.map((c) => `${c} 0`).join(' ')}
        {'\nTB-01 S1 INC …\nTB-01 S1 NONET'}
      </pre>
      <p class="hint">{t('elections.relay.codes')}</p>
      {p.replies ? (
        <div role="status">
          <h2>{t('elections.relay.replies')}</h2>
          <ul>
            {p.replies.map((r) => (
              <li data-ok={r.ok ? '1' : '0'}>
                <span class="badge">{r.ok ? t('elections.relay.accepted') : t('elections.relay.refused')}</span>{' '}
                <span lang="ar" dir="rtl">
                  {r.ar}
                </span>
                <br />
                <span lang="en" dir="ltr">
                  {r.en}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form action={`/elections/${p.e.id}/relay`}>
        <Field
          name="text"
          label={t('elections.relay.paste')}
          value={p.text}
          multiline
          rows={8}
          error={p.errors?.text}
          required
        />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </ManageLayout>
  );
}

// ——— the statement ———

export type StatementRow = {
  id: number;
  version: number;
  status: string;
  text_ar: string;
  text_en: string;
  change_note_ar: string;
  change_note_en: string;
  drafted_by_name: string;
  drafted_by: number;
  drafted_at: string;
  approved_by_name: string | null;
  published_on: string | null;
  figures: StatementFigures;
};

export function StatementPage(p: {
  e: E;
  live: StatementFigures;
  conflicts: number;
  draft: StatementRow | null;
  published: StatementRow[];
  actorId: number;
  canChange: boolean;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  defaultCutoff: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const vals = p.values ?? {};
  return (
    <ManageLayout e={p.e} title={t('elections.statement.title')}>
      <p>{t('elections.statement.intro')}</p>
      {p.draft ? (
        <section>
          <h2>{t('elections.statement.draft')}</h2>
          <p class="meta">
            {t('elections.statement.draftedBy', {
              name: p.draft.drafted_by_name,
              date: i18n.dateTime(p.draft.drafted_at),
            })}
          </p>
          {p.draft.change_note_ar || p.draft.change_note_en ? (
            <p>
              {t('elections.statement.whatChanged')}: <UserText text={p.draft.change_note_ar} /> /{' '}
              <UserText text={p.draft.change_note_en} />
            </p>
          ) : null}
          <div class="prose" lang="ar" dir="rtl">
            {p.draft.text_ar.split(/\n{2,}/).map((x) => (
              <p>{x}</p>
            ))}
          </div>
          <div class="prose" lang="en" dir="ltr">
            {p.draft.text_en.split(/\n{2,}/).map((x) => (
              <p>{x}</p>
            ))}
          </div>
          <FiguresBlock f={p.draft.figures} />
          {p.canChange ? (
            <p class="actions">
              {p.draft.drafted_by === p.actorId ? (
                <span class="hint">{t('elections.statement.needSecond')}</span>
              ) : (
                <Form action={`/elections/${p.e.id}/statement/${p.draft.id}/approve`} class="inline-form">
                  <button type="submit">{t('elections.statement.approve')}</button>
                </Form>
              )}
              <Form action={`/elections/${p.e.id}/statement/${p.draft.id}/discard`} class="inline-form">
                <button type="submit" class="secondary">
                  {t('elections.statement.discard')}
                </button>
              </Form>
            </p>
          ) : null}
        </section>
      ) : p.canChange ? (
        <section>
          <h2>{t('elections.statement.newDraft')}</h2>
          {p.conflicts > 0 ? (
            <p class="notice--warn">{t('elections.statement.conflictsWarn', { count: p.conflicts })}</p>
          ) : null}
          <h3>{t('elections.statement.liveFigures')}</h3>
          <FiguresBlock f={p.live} />
          <FormErrorSummary message={e._form} />
          <Form action={`/elections/${p.e.id}/statement`}>
            <Field
              name="cutoff"
              type="datetime-local"
              label={t('elections.statement.cutoff')}
              hint={t('elections.statement.cutoffHint')}
              value={v(vals, 'cutoff') || p.defaultCutoff}
              error={e.cutoff}
              required
            />
            <Field
              name="remarks_ar"
              label={t('elections.statement.remarksAr')}
              value={v(vals, 'remarks_ar')}
              error={e.remarks_ar}
              multiline
              rows={4}
            />
            <Field
              name="remarks_en"
              label={t('elections.statement.remarksEn')}
              value={v(vals, 'remarks_en')}
              error={e.remarks_en}
              multiline
              rows={4}
            />
            {p.published.length ? (
              <>
                <Field
                  name="change_note_ar"
                  label={t('elections.statement.changeAr')}
                  value={v(vals, 'change_note_ar')}
                  error={e.change_note_ar}
                  multiline
                  rows={2}
                  required
                />
                <Field
                  name="change_note_en"
                  label={t('elections.statement.changeEn')}
                  value={v(vals, 'change_note_en')}
                  error={e.change_note_en}
                  multiline
                  rows={2}
                  required
                />
              </>
            ) : null}
            <button type="submit">{t('elections.statement.createDraft')}</button>
          </Form>
        </section>
      ) : null}
      <h2>{t('elections.statement.versions')}</h2>
      {p.published.length === 0 ? <p>{t('elections.results.noStatement')}</p> : null}
      <ul>
        {p.published.map((s) => (
          <li>
            <a href={`/elections/${p.e.id}/results?version=${s.version}`}>
              {t('elections.statement.versionOn', {
                version: s.version,
                date: i18n.date(`${s.published_on}T12:00:00Z`),
              })}
            </a>{' '}
            — {t('elections.statement.approvedBy', { name: s.approved_by_name ?? '' })}
          </li>
        ))}
      </ul>
    </ManageLayout>
  );
}

export type { Named };

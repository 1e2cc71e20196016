import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { Ltr, Phone, UserText } from '../../../core/views/components.js';
import type { LicenceStatus } from '../tables.js';
import { licenceStatuses } from '../licensing.js';
import { CoordNav, Day, Empty, Hidden, Paragraphs, nameOf } from './common.js';

type Org = { id: number; name_ar: string; name_en: string };
type Council = {
  id: number;
  name_ar: string;
  name_en: string;
  town_pcode: string;
  town_name_ar: string | null;
  town_name_en: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  notes: string;
};
type Licence = {
  id: number;
  organization_id: number;
  council_id: number;
  status: LicenceStatus;
  applied_on: string | null;
  visit_on: string | null;
  licensed_on: string | null;
  expires_on: string | null;
  org_name_ar: string;
  org_name_en: string;
  council_name_ar: string;
  council_name_en: string;
  expiringSoon: boolean;
};
type Planned = {
  id: number;
  licence_id: number;
  visit_on: string;
  who_went: string;
  org_name_ar: string;
  org_name_en: string;
  council_name_ar: string;
  council_name_en: string;
};

export function StatusBadge(props: { status: LicenceStatus }) {
  const { t } = usePage().i18n;
  const label = t(`coordination.licence.status.${props.status}`);
  return props.status === 'refused' || props.status === 'renewal_due' ? (
    <mark>{label}</mark>
  ) : (
    <span class="badge">{label}</span>
  );
}

export function LicensingPage(p: {
  network: boolean;
  councils: Council[];
  licences: Licence[];
  planned: Planned[];
  orgs: Org[];
  canManageCouncils: boolean;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const v = p.values ?? {};
  const loc = i18n.locale;
  const pending = p.licences.filter((l) => !['licensed', 'refused'].includes(l.status));
  // The network view: members × councils where a row exists.
  const orgsWithRows = p.orgs.filter((o) => p.licences.some((l) => l.organization_id === o.id));
  return (
    <Layout title={t('coordination.licence.title')}>
      <CoordNav current="/licensing" />
      <h1>{t('coordination.licence.title')}</h1>
      <p class="meta">{p.network ? t('coordination.licence.networkIntro') : t('coordination.licence.ownIntro')}</p>

      {p.network && orgsWithRows.length ? (
        <section>
          <h2>{t('coordination.licence.matrix')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('coordination.licence.member')}</th>
                  {p.councils.map((c) => (
                    <th>{nameOf(c.name_ar, c.name_en, loc)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {orgsWithRows.map((o) => (
                  <tr>
                    <th scope="row">
                      <bdi>{nameOf(o.name_ar, o.name_en, loc)}</bdi>
                    </th>
                    {p.councils.map((c) => {
                      const l = p.licences.find((x) => x.organization_id === o.id && x.council_id === c.id);
                      return (
                        <td>
                          {l ? (
                            <a href={`/licensing/${l.id}`}>
                              <StatusBadge status={l.status} />
                            </a>
                          ) : (
                            <span class="meta">—</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section>
        <h2>{p.network ? t('coordination.licence.pending') : t('coordination.licence.ours')}</h2>
        {(p.network ? pending : p.licences).length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  {p.network ? <th>{t('coordination.licence.member')}</th> : null}
                  <th>{t('coordination.licence.council')}</th>
                  <th>{t('coordination.licence.statusLabel')}</th>
                  <th>{t('coordination.licence.expiresOn')}</th>
                </tr>
              </thead>
              <tbody>
                {(p.network ? pending : p.licences).map((l) => (
                  <tr>
                    {p.network ? (
                      <td>
                        <bdi>{nameOf(l.org_name_ar, l.org_name_en, loc)}</bdi>
                      </td>
                    ) : null}
                    <td>
                      <a href={`/licensing/${l.id}`}>{nameOf(l.council_name_ar, l.council_name_en, loc)}</a>
                    </td>
                    <td>
                      <StatusBadge status={l.status} />
                    </td>
                    <td>
                      {l.expiringSoon ? (
                        <mark>
                          <Day day={l.expires_on} />
                        </mark>
                      ) : (
                        <Day day={l.expires_on} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty text={t('coordination.licence.noneRows')} />
        )}
      </section>

      <section>
        <h2>{t('coordination.licence.plannedVisits')}</h2>
        {p.planned.length ? (
          <ul>
            {p.planned.map((pv) => (
              <li>
                <Day day={pv.visit_on} /> — <bdi>{nameOf(pv.org_name_ar, pv.org_name_en, loc)}</bdi> ←{' '}
                <a href={`/licensing/${pv.licence_id}`}>{nameOf(pv.council_name_ar, pv.council_name_en, loc)}</a>
                {pv.who_went ? (
                  <span class="meta">
                    {' '}
                    (<UserText text={pv.who_went} />)
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.licence.noPlanned')} />
        )}
      </section>

      {p.orgs.length && p.councils.length ? (
        <details open={p.form === 'licence'}>
          <summary>{t('coordination.licence.add')}</summary>
          <FormErrorSummary message={p.form === 'licence' ? e._form : undefined} />
          <Form action="/licensing/licences">
            <Select
              name="org_id"
              label={t('coordination.licence.member')}
              value={String(v.org_id ?? '')}
              error={p.form === 'licence' ? e.org_id : undefined}
              options={p.orgs.map((o) => ({ value: String(o.id), label: nameOf(o.name_ar, o.name_en, loc) }))}
            />
            <Select
              name="council_id"
              label={t('coordination.licence.council')}
              value={String(v.council_id ?? '')}
              error={p.form === 'licence' ? e.council_id : undefined}
              options={p.councils.map((c) => ({ value: String(c.id), label: nameOf(c.name_ar, c.name_en, loc) }))}
            />
            <Field
              name="documents"
              label={t('coordination.licence.requiredDocs')}
              hint={t('coordination.licence.requiredDocsHint')}
              value={String(v.documents ?? '')}
              multiline
              rows={4}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      ) : null}

      <section>
        <h2>{t('coordination.council.title')}</h2>
        {p.councils.length ? (
          <ul class="card-list">
            {p.councils.map((c) => (
              <li class="card" id={`council-${c.id}`}>
                <h3>{nameOf(c.name_ar, c.name_en, loc)}</h3>
                <p class="meta">
                  <a href={`/towns/${c.town_pcode}`}>{nameOf(c.town_name_ar, c.town_name_en, loc) || c.town_pcode}</a>{' '}
                  <Ltr>{c.town_pcode}</Ltr>
                </p>
                {c.contact_name || c.contact_phone || c.contact_email ? (
                  <p>
                    {c.contact_name ? <bdi>{c.contact_name}</bdi> : null}{' '}
                    {c.contact_phone ? <Phone number={c.contact_phone} /> : null}{' '}
                    {c.contact_email ? (
                      <a href={`mailto:${c.contact_email}`}>
                        <Ltr>{c.contact_email}</Ltr>
                      </a>
                    ) : null}
                  </p>
                ) : null}
                {c.notes ? <UserText as="p" text={c.notes} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.council.none')} />
        )}
        {p.canManageCouncils ? (
          <details open={p.form === 'council'}>
            <summary>{t('coordination.council.add')}</summary>
            <Form action="/licensing/councils">
              <Field
                name="name_ar"
                label={t('coordination.field.nameAr')}
                value={String(p.form === 'council' ? (v.name_ar ?? '') : '')}
                error={p.form === 'council' ? e.name_ar : undefined}
                required
              />
              <Field
                name="name_en"
                label={t('coordination.field.nameEn')}
                value={String(p.form === 'council' ? (v.name_en ?? '') : '')}
                error={p.form === 'council' ? e.name_en : undefined}
                required
              />
              <Field
                name="town_pcode"
                label={t('coordination.meeting.town')}
                hint={t('coordination.form.pcodeHint')}
                value={String(p.form === 'council' ? (v.town_pcode ?? '') : '')}
                error={p.form === 'council' ? e.town_pcode : undefined}
                required
              />
              <Field name="contact_name" label={t('coordination.council.contactName')} />
              <Field
                name="contact_phone"
                type="tel"
                label={t('coordination.council.contactPhone')}
                error={p.form === 'council' ? e.contact_phone : undefined}
              />
              <Field
                name="contact_email"
                type="email"
                label={t('coordination.council.contactEmail')}
                error={p.form === 'council' ? e.contact_email : undefined}
              />
              <Field name="notes" label={t('coordination.council.notes')} multiline rows={3} />
              <button type="submit">{t('common.add')}</button>
            </Form>
          </details>
        ) : null}
      </section>
    </Layout>
  );
}

export function LicencePage(p: {
  l: Licence & { notes: string };
  documents: { id: number; name: string; submitted_on: string | null }[];
  visits: { id: number; visit_on: string; who_went: string; met_whom: string; outcome: string; next_step: string }[];
  today: string;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const l = p.l;
  const e = p.errors ?? {};
  const v = p.form === 'licence' ? (p.values ?? {}) : (l as unknown as Record<string, unknown>);
  const loc = i18n.locale;
  return (
    <Layout
      title={`${nameOf(l.council_name_ar, l.council_name_en, loc)} — ${nameOf(l.org_name_ar, l.org_name_en, loc)}`}
    >
      <CoordNav current="/licensing" />
      <h1>
        {nameOf(l.council_name_ar, l.council_name_en, loc)} — <bdi>{nameOf(l.org_name_ar, l.org_name_en, loc)}</bdi>
      </h1>
      <p>
        <StatusBadge status={l.status} />
      </p>
      <ul class="meta">
        <li>
          {t('coordination.licence.appliedOn')}: <Day day={l.applied_on} />
        </li>
        <li>
          {t('coordination.licence.visitOn')}: <Day day={l.visit_on} />
        </li>
        <li>
          {t('coordination.licence.licensedOn')}: <Day day={l.licensed_on} />
        </li>
        <li>
          {t('coordination.licence.expiresOn')}:{' '}
          {l.expiringSoon ? (
            <mark>
              <Day day={l.expires_on} /> — {t('coordination.licence.expiringSoon')}
            </mark>
          ) : (
            <Day day={l.expires_on} />
          )}
        </li>
      </ul>
      {l.notes ? <Paragraphs text={l.notes} /> : null}

      <details open={p.form === 'licence'}>
        <summary>{t('coordination.licence.update')}</summary>
        <Form action={`/licensing/${l.id}`}>
          <Select
            name="status"
            label={t('coordination.licence.statusLabel')}
            value={String(v.status ?? l.status)}
            error={p.form === 'licence' ? e.status : undefined}
            options={licenceStatuses.map((s) => ({ value: s, label: t(`coordination.licence.status.${s}`) }))}
          />
          <Field
            name="applied_on"
            type="date"
            label={t('coordination.licence.appliedOn')}
            value={String(v.applied_on ?? '')}
            error={p.form === 'licence' ? e.applied_on : undefined}
          />
          <Field
            name="visit_on"
            type="date"
            label={t('coordination.licence.visitOn')}
            value={String(v.visit_on ?? '')}
            error={p.form === 'licence' ? e.visit_on : undefined}
          />
          <Field
            name="licensed_on"
            type="date"
            label={t('coordination.licence.licensedOn')}
            value={String(v.licensed_on ?? '')}
            error={p.form === 'licence' ? e.licensed_on : undefined}
          />
          <Field
            name="expires_on"
            type="date"
            label={t('coordination.licence.expiresOn')}
            value={String(v.expires_on ?? '')}
            error={p.form === 'licence' ? e.expires_on : undefined}
          />
          <Field
            name="notes"
            label={t('coordination.council.notes')}
            value={String(v.notes ?? '')}
            multiline
            rows={3}
          />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </details>

      <section>
        <h2>{t('coordination.licence.documents')}</h2>
        {p.documents.length ? (
          <ul>
            {p.documents.map((d) => (
              <li>
                <UserText text={d.name} /> —{' '}
                {d.submitted_on ? (
                  <>
                    {t('coordination.licence.submittedOn')} <Day day={d.submitted_on} />
                  </>
                ) : (
                  <mark>{t('coordination.licence.notSubmitted')}</mark>
                )}{' '}
                <Form action={`/licensing/${l.id}/documents/submitted`} class="inline-form">
                  <Hidden name="doc_id" value={d.id} />
                  <Hidden name="submitted_on" value={d.submitted_on ? '' : p.today} />
                  <button type="submit" class="link-button">
                    {d.submitted_on
                      ? t('coordination.licence.markNotSubmitted')
                      : t('coordination.licence.markSubmitted')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.licence.noDocuments')} />
        )}
        <Form action={`/licensing/${l.id}/documents`} class="form">
          <Field
            name="name"
            label={t('coordination.licence.addDocument')}
            error={p.form === 'document' ? e.name : undefined}
            required
          />
          <button type="submit" class="secondary">
            {t('common.add')}
          </button>
        </Form>
      </section>

      <section>
        <h2>{t('coordination.visit.title')}</h2>
        {p.visits.length ? (
          <ul class="card-list">
            {p.visits.map((vi) => (
              <li class="card" id={`visit-${vi.id}`}>
                <h3>
                  <Day day={vi.visit_on} />
                  {vi.visit_on >= p.today ? <span class="badge">{t('coordination.visit.planned')}</span> : null}
                </h3>
                <dl>
                  {vi.who_went ? (
                    <>
                      <dt>{t('coordination.visit.whoWent')}</dt>
                      <dd>
                        <UserText text={vi.who_went} />
                      </dd>
                    </>
                  ) : null}
                  {vi.met_whom ? (
                    <>
                      <dt>{t('coordination.visit.metWhom')}</dt>
                      <dd>
                        <UserText text={vi.met_whom} />
                      </dd>
                    </>
                  ) : null}
                  {vi.outcome ? (
                    <>
                      <dt>{t('coordination.visit.outcome')}</dt>
                      <dd>
                        <Paragraphs text={vi.outcome} />
                      </dd>
                    </>
                  ) : null}
                  {vi.next_step ? (
                    <>
                      <dt>{t('coordination.visit.nextStep')}</dt>
                      <dd>
                        <UserText text={vi.next_step} />
                      </dd>
                    </>
                  ) : null}
                </dl>
                <p class="meta">
                  <a href={`/lessons/new?visit=${vi.id}`}>{t('coordination.lesson.writeForVisit')}</a>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.visit.none')} />
        )}
        <details open={p.form === 'visit'}>
          <summary>{t('coordination.visit.add')}</summary>
          <Form action={`/licensing/${l.id}/visits`}>
            <Field
              name="visit_on"
              type="date"
              label={t('coordination.visit.date')}
              value={String(p.form === 'visit' ? (p.values?.visit_on ?? '') : '')}
              error={p.form === 'visit' ? e.visit_on : undefined}
              required
            />
            <Field name="who_went" label={t('coordination.visit.whoWent')} />
            <Field name="met_whom" label={t('coordination.visit.metWhom')} />
            <Field name="outcome" label={t('coordination.visit.outcome')} multiline rows={3} />
            <Field name="next_step" label={t('coordination.visit.nextStep')} />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      </section>
      <p>
        <a href="/licensing">{t('coordination.licence.back')}</a>
      </p>
    </Layout>
  );
}

// Licensing pages: the overview (own rows, or the network's matrix for coordinators), councils,
// planned visits; one licence file with its dates, documents and visit log.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import {
  ButtonForm,
  ConfirmButton,
  DeleteButton,
  Field,
  Form,
  Select,
  type FormState,
} from '../../../core/views/forms.js';
import { DataTable, Empty, Ltr, Phone, StatusBadge, UserText } from '../../../core/views/components.js';
import type { CoordCouncilsTable, CoordLicencesTable, LicenceStatus } from '../tables.js';
import { CoordNav, Day, Paragraphs, RemoveRecord, Titled, idOptions, refused, useLocalized } from '../components.js';
import { licenceStatuses } from './queries.js';

type Org = { id: number; name_ar: string; name_en: string };
type Council = Omit<CoordCouncilsTable, 'id' | 'network_id' | 'created_at' | 'updated_at' | 'archived_at'> & {
  id: number;
  town_name_ar: string | null;
  town_name_en: string | null;
};
type Licence = Pick<
  CoordLicencesTable,
  'organization_id' | 'council_id' | 'status' | 'applied_on' | 'visit_on' | 'licensed_on' | 'expires_on'
> & {
  id: number;
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

export function LicenceStatusBadge(props: { status: LicenceStatus }) {
  const { t } = usePage().i18n;
  const warn = props.status === 'refused' || props.status === 'renewal_due';
  return <StatusBadge label={t(`coordination.licence.status.${props.status}`)} tone={warn ? 'warn' : 'plain'} />;
}

/** An expiry date, marked when the licence expires soon. */
function Expiry(props: { l: { expires_on: string | null; expiringSoon: boolean } }) {
  return props.l.expiringSoon ? (
    <mark>
      <Day day={props.l.expires_on} />
    </mark>
  ) : (
    <Day day={props.l.expires_on} />
  );
}

export function LicensingPage(p: {
  network: boolean;
  councils: Council[];
  licences: Licence[];
  planned: Planned[];
  orgs: Org[];
  canManageCouncils: boolean;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const rows = p.network ? p.licences.filter((l) => !['licensed', 'refused'].includes(l.status)) : p.licences;
  return (
    <Layout title={t('coordination.licence.title')}>
      <CoordNav current="/licensing" />
      <h1>{t('coordination.licence.title')}</h1>
      <p class="meta">{p.network ? t('coordination.licence.networkIntro') : t('coordination.licence.ownIntro')}</p>

      {p.network ? <Matrix councils={p.councils} licences={p.licences} orgs={p.orgs} /> : null}

      <Titled title={p.network ? t('coordination.licence.pending') : t('coordination.licence.ours')}>
        <DataTable
          rows={rows}
          empty={t('coordination.licence.noneRows')}
          columns={[
            p.network && { label: t('coordination.licence.member'), cell: (l) => <bdi>{name(l, 'org_name')}</bdi> },
            {
              label: t('coordination.licence.council'),
              cell: (l) => <a href={`/licensing/${l.id}`}>{name(l, 'council_name')}</a>,
            },
            { label: t('coordination.licence.statusLabel'), cell: (l) => <LicenceStatusBadge status={l.status} /> },
            { label: t('coordination.licence.expiresOn'), cell: (l) => <Expiry l={l} /> },
          ]}
        />
      </Titled>

      <Titled title={t('coordination.licence.plannedVisits')}>
        {p.planned.length ? (
          <ul>
            {p.planned.map((pv) => (
              <li>
                <Day day={pv.visit_on} /> — <bdi>{name(pv, 'org_name')}</bdi> ←{' '}
                <a href={`/licensing/${pv.licence_id}`}>{name(pv, 'council_name')}</a>
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
      </Titled>

      {p.orgs.length && p.councils.length ? (
        <details open={refused(p.state, '/licensing/licences')}>
          <summary>{t('coordination.licence.add')}</summary>
          <Form action="/licensing/licences" state={p.state}>
            <Select
              name="org_id"
              label={t('coordination.licence.member')}
              options={idOptions(p.orgs, (o) => name(o))}
            />
            <Select
              name="council_id"
              label={t('coordination.licence.council')}
              options={idOptions(p.councils, (c) => name(c))}
            />
            <Field
              name="documents"
              label={t('coordination.licence.requiredDocs')}
              hint={t('coordination.licence.requiredDocsHint')}
              multiline
              rows={4}
            />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      ) : null}

      <Titled title={t('coordination.council.title')}>
        <Councils councils={p.councils} canManage={p.canManageCouncils} />
        {p.canManageCouncils ? (
          <details open={refused(p.state, '/licensing/councils')}>
            <summary>{t('coordination.council.add')}</summary>
            <Form action="/licensing/councils" state={p.state}>
              <CouncilFields />
              <button type="submit">{t('common.add')}</button>
            </Form>
          </details>
        ) : null}
      </Titled>
    </Layout>
  );
}

/** The network view: members × councils where a row exists. */
function Matrix(p: { councils: Council[]; licences: Licence[]; orgs: Org[] }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const orgsWithRows = p.orgs.filter((o) => p.licences.some((l) => l.organization_id === o.id));
  if (!orgsWithRows.length) return null;
  return (
    <Titled title={t('coordination.licence.matrix')}>
      <DataTable
        rows={orgsWithRows}
        columns={[
          { label: t('coordination.licence.member'), cell: (o) => <bdi>{name(o)}</bdi>, rowHeader: true },
          ...p.councils.map((c) => ({
            label: name(c),
            cell: (o: Org) => {
              const l = p.licences.find((x) => x.organization_id === o.id && x.council_id === c.id);
              return l ? (
                <a href={`/licensing/${l.id}`}>
                  <LicenceStatusBadge status={l.status} />
                </a>
              ) : (
                <span class="meta">—</span>
              );
            },
          })),
        ]}
      />
    </Titled>
  );
}

function CouncilFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <Field name="name_ar" label={t('coordination.field.nameAr')} required />
      <Field name="name_en" label={t('coordination.field.nameEn')} required />
      <Field
        name="town_pcode"
        label={t('coordination.meeting.town')}
        hint={t('coordination.form.pcodeHint')}
        required
      />
      <Field name="contact_name" label={t('coordination.council.contactName')} />
      <Field name="contact_phone" type="tel" label={t('coordination.council.contactPhone')} />
      <Field name="contact_email" type="email" label={t('coordination.council.contactEmail')} />
      <Field name="notes" label={t('coordination.council.notes')} multiline rows={3} />
    </>
  );
}

/** A council's edit page (coordinators); removing it asks twice and says whether it is archived. */
export function CouncilEditPage(p: {
  council: Omit<Council, 'town_name_ar' | 'town_name_en'>;
  history: boolean;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const at = `/licensing/councils/${p.council.id}`;
  return (
    <Layout title={t('coordination.council.edit')}>
      <CoordNav current="/licensing" />
      <h1>{t('coordination.council.edit')}</h1>
      <Form action={`${at}/edit`} state={p.state} values={p.council}>
        <CouncilFields />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <RemoveFromLicensing kind="council" at={at} history={p.history} />
    </Layout>
  );
}

/** Removing a council or a licence file (archived when it holds history), and the way back. */
function RemoveFromLicensing(p: { kind: 'council' | 'licence'; at: string; history: boolean }) {
  const { t } = usePage().i18n;
  return (
    <RemoveRecord
      action={`${p.at}/delete`}
      label={t(`coordination.${p.kind}.remove`)}
      history={p.history}
      question={t(p.history ? `coordination.${p.kind}.removeArchive` : `coordination.${p.kind}.removeDelete`)}
      back={{ href: '/licensing', label: t('coordination.licence.back') }}
    />
  );
}

function Councils(p: { councils: Council[]; canManage: boolean }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  if (!p.councils.length) return <Empty text={t('coordination.council.none')} />;
  return (
    <ul class="card-list">
      {p.councils.map((c) => (
        <li class="card" id={`council-${c.id}`}>
          <h3>{name(c)}</h3>
          <p class="meta">
            <a href={`/towns/${c.town_pcode}`}>{name(c, 'town_name') || c.town_pcode}</a> <Ltr>{c.town_pcode}</Ltr>
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
          {p.canManage ? (
            <p class="meta no-print">
              <a href={`/licensing/councils/${c.id}/edit`}>{t('common.edit')}</a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export type Visit = {
  id: number;
  visit_on: string;
  who_went: string;
  met_whom: string;
  outcome: string;
  next_step: string;
};

export function LicencePage(p: {
  l: Licence & { notes: string };
  documents: { id: number; name: string; submitted_on: string | null }[];
  visits: Visit[];
  today: string;
  /** removing it archives it (documents or visits) */
  history: boolean;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const l = p.l;
  const base = `/licensing/${l.id}`;
  const title = `${name(l, 'council_name')} — ${name(l, 'org_name')}`;
  return (
    <Layout title={title}>
      <CoordNav current="/licensing" />
      <h1>
        {name(l, 'council_name')} — <bdi>{name(l, 'org_name')}</bdi>
      </h1>
      <p>
        <LicenceStatusBadge status={l.status} />
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

      <details open={refused(p.state, base)}>
        <summary>{t('coordination.licence.update')}</summary>
        <Form action={base} state={p.state} values={l}>
          <Select
            name="status"
            label={t('coordination.licence.statusLabel')}
            options={licenceStatuses.map((s) => ({ value: s, label: t(`coordination.licence.status.${s}`) }))}
          />
          <Field name="applied_on" type="date" label={t('coordination.licence.appliedOn')} />
          <Field name="visit_on" type="date" label={t('coordination.licence.visitOn')} />
          <Field name="licensed_on" type="date" label={t('coordination.licence.licensedOn')} />
          <Field name="expires_on" type="date" label={t('coordination.licence.expiresOn')} />
          <Field name="notes" label={t('coordination.council.notes')} multiline rows={3} />
          <button type="submit">{t('common.save')}</button>
        </Form>
      </details>

      <Titled title={t('coordination.licence.documents')}>
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
                <ButtonForm
                  action={`${base}/documents/submitted`}
                  class="link-button"
                  hidden={{ doc_id: d.id, submitted_on: d.submitted_on ? '' : p.today }}
                  label={
                    d.submitted_on
                      ? t('coordination.licence.markNotSubmitted')
                      : t('coordination.licence.markSubmitted')
                  }
                />
                <details class="no-print" open={refused(p.state, `${base}/documents/${d.id}`)}>
                  <summary>{t('coordination.licence.correctDocument')}</summary>
                  <Form
                    action={`${base}/documents/${d.id}`}
                    state={p.state?.id === `${base}/documents/${d.id}` ? p.state : null}
                    values={{ name: d.name, submitted_on: d.submitted_on ?? '' }}
                  >
                    <Field name="name" label={t('coordination.licence.documentName')} required />
                    <Field name="submitted_on" type="date" label={t('coordination.licence.documentSubmittedOn')} />
                    <button type="submit">{t('common.save')}</button>
                  </Form>
                  <DeleteButton action={`${base}/documents/${d.id}/delete`} what={d.name} />
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <Empty text={t('coordination.licence.noDocuments')} />
        )}
        <Form action={`${base}/documents`} state={p.state}>
          <Field name="name" label={t('coordination.licence.addDocument')} required />
          <button type="submit" class="secondary">
            {t('common.add')}
          </button>
        </Form>
      </Titled>

      <Titled title={t('coordination.visit.title')}>
        <Visits visits={p.visits} today={p.today} base={base} />
        <details open={refused(p.state, `${base}/visits`)}>
          <summary>{t('coordination.visit.add')}</summary>
          <Form action={`${base}/visits`} state={p.state}>
            <Field name="visit_on" type="date" label={t('coordination.visit.date')} required />
            <Field name="who_went" label={t('coordination.visit.whoWent')} />
            <Field name="met_whom" label={t('coordination.visit.metWhom')} />
            <Field name="outcome" label={t('coordination.visit.outcome')} multiline rows={3} />
            <Field name="next_step" label={t('coordination.visit.nextStep')} />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      </Titled>
      <RemoveFromLicensing kind="licence" at={base} history={p.history} />
    </Layout>
  );
}

function Visits(p: { visits: Visit[]; today: string; base: string }) {
  const { t } = usePage().i18n;
  if (!p.visits.length) return <Empty text={t('coordination.visit.none')} />;
  const entry = (label: string, text: string, para = false) =>
    text ? (
      <>
        <dt>{label}</dt>
        <dd>{para ? <Paragraphs text={text} /> : <UserText text={text} />}</dd>
      </>
    ) : null;
  return (
    <ul class="card-list">
      {p.visits.map((vi) => (
        <li class="card" id={`visit-${vi.id}`}>
          <h3>
            <Day day={vi.visit_on} />
            {vi.visit_on >= p.today ? <StatusBadge label={t('coordination.visit.planned')} /> : null}
          </h3>
          <dl>
            {entry(t('coordination.visit.whoWent'), vi.who_went)}
            {entry(t('coordination.visit.metWhom'), vi.met_whom)}
            {entry(t('coordination.visit.outcome'), vi.outcome, true)}
            {entry(t('coordination.visit.nextStep'), vi.next_step)}
          </dl>
          <p class="meta">
            <a href={`/lessons/new?visit=${vi.id}`}>{t('coordination.lesson.writeForVisit')}</a>
            {' · '}
            <a class="no-print" href={`${p.base}/visits/${vi.id}/edit`}>
              {t('coordination.visit.edit')}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Correcting a visit's record, or removing it (a lesson written about it keeps its text). */
export function VisitEditPage(p: { licenceId: number; visit: Visit; state: FormState | null }) {
  const { t } = usePage().i18n;
  const base = `/licensing/${p.licenceId}/visits/${p.visit.id}`;
  return (
    <Layout title={t('coordination.visit.edit')}>
      <p class="meta">
        <a href={`/licensing/${p.licenceId}`}>{t('coordination.licence.back')}</a>
      </p>
      <h1>{t('coordination.visit.edit')}</h1>
      <Form action={`${base}/edit`} state={p.state} values={p.visit}>
        <Field name="visit_on" type="date" label={t('coordination.visit.date')} required />
        <Field name="who_went" label={t('coordination.visit.whoWent')} />
        <Field name="met_whom" label={t('coordination.visit.metWhom')} />
        <Field name="outcome" label={t('coordination.visit.outcome')} multiline rows={3} />
        <Field name="next_step" label={t('coordination.visit.nextStep')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <section class="no-print">
        <ConfirmButton
          action={`${base}/delete`}
          label={t('common.delete')}
          question={t('coordination.visit.removeQuestion')}
          confirm={t('common.deleteConfirmButton')}
        />
      </section>
    </Layout>
  );
}

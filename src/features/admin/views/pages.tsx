import type { ComponentChildren } from 'preact';
import { TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Empty } from '../../../core/views/components.js';
import { ConfirmButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import type { listAudit } from '../../../core/audit/index.js';
import type { outboxForAdmin } from '../queries.js';
import { auditActionLabel, auditReason } from '../audit-labels.js';

type OrgRef = { id: number; name_ar: string; name_en: string };

/** Every admin page: its title, the admin's links, then its content. */
function AdminLayout(p: { title: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={p.title}>
      <nav class="actions" aria-label={t('admin.title')}>
        <a href="/admin">{t('admin.title')}</a>
        <a href="/admin/organizations/new">{t('admin.organizations.new')}</a>
        <a href="/admin/invite">{t('admin.invite.title')}</a>
        <a href="/admin/people">{t('admin.people.title')}</a>
        <a href="/admin/outbox">{t('admin.outbox.title')}</a>
        <a href="/admin/audit">{t('admin.audit.title')}</a>
      </nav>
      {p.children}
    </TitledLayout>
  );
}

export function AdminHome(p: { orgs: OrgRef[]; unsent: number }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <AdminLayout title={t('admin.title')}>
      <h2>{t('admin.organizations.title')}</h2>
      {p.orgs.length ? (
        <ul>
          {p.orgs.map((o) => (
            <li>
              <a href={`/organizations/${o.id}`}>{localized(o, 'name', i18n.locale)}</a> ·{' '}
              <a href={`/organizations/${o.id}/edit`}>{t('common.edit')}</a>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('admin.organizations.empty')} />
      )}
      <p>
        <a href="/admin/outbox">{t('admin.outbox.unsent', { count: p.unsent })}</a>
      </p>
    </AdminLayout>
  );
}

export function InvitePage(p: { orgs: OrgRef[]; state?: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <AdminLayout title={t('admin.invite.title')}>
      <Form action="/admin/invite" state={p.state} values={{ role: 'orgStaff' }}>
        <Field name="email" type="email" label={t('auth.signup.email')} required />
        <Select
          name="role"
          label={t('organizations.staff.role')}
          options={(['orgStaff', 'orgAdmin', 'moderator', 'networkEditor', 'networkAdmin'] as const).map((r) => ({
            value: r,
            label: t(`role.${r}`),
          }))}
        />
        <Select
          name="organization_id"
          label={t('admin.invite.organization')}
          hint={t('admin.invite.organizationHint')}
          includeEmpty="—"
          options={p.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
        />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </AdminLayout>
  );
}

/**
 * A person who lost their phone and their recovery codes: found by their exact user name or
 * e-mail address, their two-step reset with a stated reason.
 */
export function PeoplePage(p: {
  q: string;
  person: { id: number; username: string; twoStep: boolean; recoveryLeft: number } | null;
  canReset: boolean;
  state: FormState | null;
}) {
  const { t } = usePage().i18n;
  const person = p.person;
  return (
    <AdminLayout title={t('admin.people.title')}>
      <p>{t('admin.people.intro')}</p>
      <Form action="/admin/people" method="get">
        <Field name="q" label={t('admin.people.lookup')} value={p.q} autocomplete="off" />
        <button type="submit">{t('common.search')}</button>
      </Form>
      {!p.q ? null : !person ? (
        <Empty text={t('admin.people.notFound')} />
      ) : (
        <section class="card" aria-labelledby="h-person">
          <h2 id="h-person">
            <bdi dir="ltr">{person.username}</bdi>
          </h2>
          <p>
            {person.twoStep
              ? t('admin.people.twoStepOn', { count: person.recoveryLeft })
              : t('admin.people.twoStepOff')}
          </p>
          {p.canReset ? (
            <ConfirmButton
              action={`/admin/people/${person.id}/reset-2fa`}
              label={t('admin.people.resetTwoStep')}
              question={t('admin.people.resetQuestion')}
              confirm={t('admin.people.resetConfirm')}
            >
              <Field name="reason" label={t('admin.people.reason')} required maxLength={300} />
            </ConfirmButton>
          ) : person.twoStep ? (
            <p class="hint">{t('admin.people.cannotReset')}</p>
          ) : null}
          {p.state?.errors._form ? <p class="form-error">{p.state.errors._form}</p> : null}
        </section>
      )}
    </AdminLayout>
  );
}

export function OutboxPage(p: { rows: Awaited<ReturnType<typeof outboxForAdmin>> }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <AdminLayout title={t('admin.outbox.title')}>
      <p class="hint">
        {t('admin.outbox.explain')} {t('admin.outbox.invitesHidden')}
      </p>
      {p.rows.length ? (
        <ul class="card-list">
          {p.rows.map((r) => (
            <li class="card">
              <p class="meta">
                <bdi dir="ltr">{r.to_address}</bdi> · {i18n.dateTime(r.created_at)} ·{' '}
                {r.sent_at ? t('admin.outbox.sent') : r.error ? t('admin.outbox.failed') : t('admin.outbox.notSent')}
              </p>
              <h2 dir="auto">{r.subject}</h2>
              <pre dir="auto" class="small">
                {r.body_text}
              </pre>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('admin.outbox.empty')} />
      )}
    </AdminLayout>
  );
}

/** An entry as the audit log lists it, with the actor's user name. */
type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

export function AuditPage(p: {
  rows: AuditRow[];
  filter: { action?: string; from?: string; to?: string; page: number };
  hasNext: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.filter;
  const qs = (page: number) => {
    const u = new URLSearchParams();
    if (f.action) u.set('action', f.action);
    if (f.from) u.set('from', f.from);
    if (f.to) u.set('to', f.to);
    u.set('page', String(page));
    return `/admin/audit?${u}`;
  };
  return (
    <AdminLayout title={t('admin.audit.title')}>
      <p class="hint">{t('admin.audit.intro')}</p>
      <Form action="/admin/audit" method="get" values={f}>
        <Field name="action" label={t('admin.audit.action')} hint={t('admin.audit.actionHint')} />
        <Field name="from" type="date" label={t('admin.audit.from')} />
        <Field name="to" type="date" label={t('admin.audit.to')} />
        <button type="submit">{t('common.filter')}</button>
      </Form>
      <DataTable
        rows={p.rows}
        empty={t('admin.audit.empty')}
        columns={[
          { label: t('admin.audit.at'), cell: (r) => i18n.dateTime(r.at) },
          {
            label: t('admin.audit.actor'),
            cell: (r) => (r.actor_username ? <bdi dir="ltr">{r.actor_username}</bdi> : t('admin.audit.system')),
          },
          {
            label: t('admin.audit.action'),
            rowHeader: true,
            cell: (r) => <AuditAction row={r} />,
          },
          {
            label: t('admin.audit.target'),
            cell: (r) => (r.target_type ? <bdi class="code">{`${r.target_type}:${r.target_id}`}</bdi> : ''),
          },
          { label: t('admin.audit.ip'), cell: (r) => <bdi class="code">{r.ip_prefix ?? ''}</bdi> },
        ]}
      />
      <nav class="pagination" aria-label={t('common.pagination')}>
        {f.page > 1 ? <a href={qs(f.page - 1)}>{t('common.previous')}</a> : <span />}
        {p.hasNext ? <a href={qs(f.page + 1)}>{t('common.next')}</a> : null}
      </nav>
    </AdminLayout>
  );
}

/** An action in the reader's words; its code beside it (what the filter takes), and a stated reason. */
function AuditAction(p: { row: AuditRow }) {
  const { i18n } = usePage();
  const reason = auditReason(p.row.details);
  return (
    <>
      {auditActionLabel(i18n, p.row.action)}{' '}
      <bdi class="code small" dir="ltr">
        {p.row.action}
      </bdi>
      {reason ? (
        <>
          <br />
          <span class="meta">
            {i18n.t('admin.audit.reason')} <bdi>{reason}</bdi>
          </span>
        </>
      ) : null}
    </>
  );
}

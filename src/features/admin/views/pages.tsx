import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';

export function AdminNav() {
  const { t } = usePage().i18n;
  return (
    <nav class="actions" aria-label={t('admin.title')}>
      <a href="/admin">{t('admin.title')}</a>
      <a href="/admin/organizations/new">{t('admin.organizations.new')}</a>
      <a href="/admin/invite">{t('admin.invite.title')}</a>
      <a href="/admin/outbox">{t('admin.outbox.title')}</a>
      <a href="/admin/audit">{t('admin.audit.title')}</a>
    </nav>
  );
}

export function AdminHome(p: { orgs: { id: number; name_ar: string; name_en: string }[]; unsent: number }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      <AdminNav />
      <h2>{t('admin.organizations.title')}</h2>
      <ul>
        {p.orgs.map((o) => (
          <li>
            <a href={`/organizations/${o.id}`}>{localized(o, 'name', i18n.locale)}</a> ·{' '}
            <a href={`/organizations/${o.id}/edit`}>{t('common.edit')}</a>
          </li>
        ))}
      </ul>
      <p>{t('admin.outbox.unsent', { count: p.unsent })}</p>
    </Layout>
  );
}

export function InvitePage(p: { orgs: { id: number; name_ar: string; name_en: string }[]; state?: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('admin.invite.title')}>
      <h1>{t('admin.invite.title')}</h1>
      <AdminNav />
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
          includeEmpty="—"
          options={p.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
        />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </Layout>
  );
}

export function OutboxPage(p: {
  rows: {
    id: number;
    to_address: string;
    subject: string;
    body_text: string;
    created_at: string;
    sent_at: string | null;
    error: string | null;
  }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('admin.outbox.title')}>
      <h1>{t('admin.outbox.title')}</h1>
      <AdminNav />
      <p class="hint">{t('admin.outbox.explain')}</p>
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
    </Layout>
  );
}

export function AuditPage(p: {
  rows: {
    id: number;
    at: string;
    action: string;
    target_type: string | null;
    target_id: string | null;
    organization_id: number | null;
    ip_prefix: string | null;
    actor_username: string | null;
  }[];
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
    <Layout title={t('admin.audit.title')}>
      <h1>{t('admin.audit.title')}</h1>
      <AdminNav />
      <Form action="/admin/audit" method="get">
        <Field
          name="action"
          label={t('admin.audit.action')}
          value={f.action ?? ''}
          hint={t('admin.audit.actionHint')}
        />
        <Field name="from" type="date" label={t('admin.audit.from')} value={f.from ?? ''} />
        <Field name="to" type="date" label={t('admin.audit.to')} value={f.to ?? ''} />
        <button type="submit">{t('common.filter')}</button>
      </Form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('admin.audit.at')}</th>
              <th>{t('admin.audit.actor')}</th>
              <th>{t('admin.audit.action')}</th>
              <th>{t('admin.audit.target')}</th>
              <th>{t('admin.audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>{i18n.dateTime(r.at)}</td>
                <td>
                  <bdi dir="ltr">{r.actor_username ?? '—'}</bdi>
                </td>
                <td class="code">{r.action}</td>
                <td class="code">{r.target_type ? `${r.target_type}:${r.target_id}` : ''}</td>
                <td class="code">{r.ip_prefix ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="pagination">
        {f.page > 1 ? <a href={qs(f.page - 1)}>{t('common.previous')}</a> : <span />}
        {p.hasNext ? <a href={qs(f.page + 1)}>{t('common.next')}</a> : null}
      </nav>
    </Layout>
  );
}

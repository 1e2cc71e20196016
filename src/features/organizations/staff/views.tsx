// An organization's staff list, with the admin's invitation form and removal buttons.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { ButtonForm, Field, Form, FormErrorSummary, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';

export function StaffPage(p: {
  org: { id: number; name_ar: string; name_en: string };
  staff: { id: number; display_name: string; role: string }[];
  canManage: boolean;
  state?: FormState | null;
}) {
  const { t, locale } = usePage().i18n;
  const base = `/organizations/${p.org.id}/staff`;
  // A refused removal (the last admin) is said above the invitation form.
  const removal = p.state?.id === `${base}/remove` ? p.state.errors : null;
  return (
    <Layout title={t('organizations.staff.title')}>
      <h1>
        {t('organizations.staff.title')} — <bdi>{localized(p.org, 'name', locale)}</bdi>
      </h1>
      <DataTable
        rows={p.staff}
        columns={[
          { label: t('organizations.staff.name'), cell: (s) => <bdi>{s.display_name}</bdi>, rowHeader: true },
          { label: t('organizations.staff.role'), cell: (s) => t(`role.${s.role}` as never) },
          p.canManage && {
            label: '',
            cell: (s) => (
              <ButtonForm
                action={`${base}/remove`}
                label={t('organizations.staff.remove')}
                class="secondary"
                hidden={{ user_id: s.id }}
              />
            ),
          },
        ]}
      />
      {p.canManage ? (
        <>
          <h2>{t('organizations.staff.invite')}</h2>
          <FormErrorSummary message={removal ? (removal._form ?? Object.values(removal)[0]) : null} />
          <Form action={`${base}/invite`} state={p.state} values={{ role: 'orgStaff' }}>
            <Field name="email" type="email" label={t('auth.signup.email')} required />
            <Select
              name="role"
              label={t('organizations.staff.role')}
              options={[
                { value: 'orgStaff', label: t('role.orgStaff') },
                { value: 'orgAdmin', label: t('role.orgAdmin') },
              ]}
            />
            <button type="submit">{t('common.send')}</button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

// An organization's staff list. Its admins invite, change roles, remove, and reset a colleague's
// two-step; everyone may step down or leave — the last admin only by naming another, said here
// before they try. Who casts the organization's vote in the network is marked.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, StatusBadge } from '../../../core/views/components.js';
import {
  ConfirmButton,
  Field,
  Form,
  FormErrorSummary,
  Radios,
  Select,
  type FormState,
} from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import type { OrgRole } from '../../../core/db/core-tables.js';
import type { StaffMember } from './queries.js';

type Props = {
  org: { id: number; name_ar: string; name_en: string };
  staff: StaffMember[];
  /** the person looking, and their role here (null: a network admin) */
  me: number;
  myRole: OrgRole | null;
  /** who casts the organization's vote in the network (coordination), if anyone */
  representative: number | null;
  canManage: boolean;
  /** staff whose two-step this admin may reset */
  resettable: number[];
  state?: FormState | null;
};

const roles = ['orgStaff', 'orgAdmin'] as const;

export function StaffPage(p: Props) {
  const { t, locale } = usePage().i18n;
  const base = `/organizations/${p.org.id}/staff`;
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const name = localized(p.org, 'name', locale);
  return (
    <Layout title={t('organizations.staff.title')}>
      <h1>
        {t('organizations.staff.title')} — <bdi>{name}</bdi>
      </h1>
      <RowRefusal base={base} state={p.state} />
      <DataTable
        rows={p.staff}
        columns={[
          {
            label: t('organizations.staff.name'),
            rowHeader: true,
            cell: (s) => (
              <>
                <bdi>{s.display_name}</bdi>
                {s.id === p.me ? <> ({t('organizations.staff.you')})</> : null}
                {s.id === p.representative ? (
                  <>
                    {' '}
                    <StatusBadge label={t('organizations.staff.representative')} />
                  </>
                ) : null}
              </>
            ),
          },
          {
            label: t('organizations.staff.role'),
            cell: (s) =>
              p.canManage && s.id !== p.me ? (
                <Form
                  action={`${base}/${s.id}/role`}
                  class="inline-form"
                  state={p.state}
                  values={{ role: s.role }}
                  idPrefix={`r${s.id}`}
                >
                  <Select
                    name="role"
                    label={t('organizations.staff.roleOf', { name: s.display_name })}
                    options={roleOptions}
                  />
                  <button type="submit" class="secondary">
                    {t('organizations.staff.changeRole')}
                  </button>
                </Form>
              ) : (
                t(`role.${s.role}`)
              ),
          },
          p.canManage && {
            label: t('organizations.staff.twoStep'),
            cell: (s) =>
              s.twoStep ? (
                <StatusBadge label={t('organizations.staff.twoStepOn')} tone="ok" />
              ) : (
                <StatusBadge label={t('organizations.staff.twoStepOff')} tone="warn" />
              ),
          },
          p.canManage && {
            label: t('organizations.staff.actions'),
            cell: (s) => (s.id === p.me ? null : <RowActions {...p} person={s} base={base} />),
          },
        ]}
      />
      {p.canManage ? <InviteForm base={base} state={p.state} /> : null}
      {p.myRole ? <LeaveForm {...p} base={base} orgName={name} /> : null}
    </Layout>
  );
}

/**
 * A refused removal or reset (their forms sit inside a closed confirmation), or a role change refused
 * as a whole (one's own role: a row without the form): what went wrong is said above the table.
 */
function RowRefusal(p: { base: string; state?: FormState | null }) {
  const id = p.state?.id ?? '';
  const row = id.startsWith(`${p.base}/`) ? /\/\d+\/(remove|reset-2fa|role)$/.exec(id) : null;
  if (!row) return null;
  // a role form shows its field's message beside the field; only the form's own comes here
  const errors = p.state!.errors;
  const messages = row[1] === 'role' ? [errors._form] : Object.values(errors);
  if (!messages.some(Boolean)) return null;
  return <FormErrorSummary message={messages.filter(Boolean).join(' ')} />;
}

function RowActions(p: Props & { person: StaffMember; base: string }) {
  const { t } = usePage().i18n;
  const s = p.person;
  const representative = s.id === p.representative;
  return (
    <>
      <ConfirmButton
        action={`${p.base}/${s.id}/remove`}
        label={t('organizations.staff.remove')}
        question={
          representative
            ? t('organizations.staff.removeRepresentativeQuestion', { name: s.display_name })
            : t('organizations.staff.removeQuestion', { name: s.display_name })
        }
        confirm={t('organizations.staff.removeConfirm')}
      />
      {p.resettable.includes(s.id) ? (
        <ConfirmButton
          action={`${p.base}/${s.id}/reset-2fa`}
          label={t('organizations.staff.resetTwoStep')}
          question={t('organizations.staff.resetQuestion', { name: s.display_name })}
          confirm={t('organizations.staff.resetConfirm')}
        >
          <Field name="reason" label={t('organizations.staff.resetReason')} required maxLength={300} />
        </ConfirmButton>
      ) : null}
    </>
  );
}

function InviteForm(p: { base: string; state?: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="h-invite">
      <h2 id="h-invite">{t('organizations.staff.invite')}</h2>
      <Form action={`${p.base}/invite`} state={p.state} values={{ role: 'orgStaff' }} idPrefix="invite">
        <Field name="email" type="email" label={t('auth.signup.email')} required />
        <Select
          name="role"
          label={t('organizations.staff.role')}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <button type="submit">{t('common.send')}</button>
      </Form>
    </section>
  );
}

/**
 * Stepping down or leaving. The last admin is told before trying that another admin must be named
 * (and who could be), or that someone must be invited first.
 */
function LeaveForm(p: Props & { base: string; orgName: string }) {
  const { t } = usePage().i18n;
  const others = p.staff.filter((s) => s.id !== p.me);
  const admin = p.myRole === 'orgAdmin';
  const lastAdmin = admin && !others.some((s) => s.role === 'orgAdmin');
  const representative = p.representative === p.me;
  return (
    <section aria-labelledby="h-leave">
      <h2 id="h-leave">{admin ? t('organizations.staff.stepDownTitle') : t('organizations.staff.leaveTitle')}</h2>
      {representative ? <p class="notice--warn">{t('organizations.staff.youRepresent', { org: p.orgName })}</p> : null}
      {lastAdmin ? <p class="notice--warn">{t('organizations.staff.youAreLastAdmin', { org: p.orgName })}</p> : null}
      {lastAdmin && !others.length ? (
        <p>{t('organizations.staff.inviteFirst')}</p>
      ) : admin ? (
        <Form action={`${p.base}/leave`} state={p.state} values={{ then: 'stay' }} idPrefix="leave">
          <Select
            name="successor"
            label={lastAdmin ? t('organizations.staff.successor') : t('organizations.staff.successorOptional')}
            includeEmpty={lastAdmin ? t('organizations.staff.choosePerson') : '—'}
            required={lastAdmin}
            options={others
              .filter((s) => s.role !== 'orgAdmin')
              .map((s) => ({ value: String(s.id), label: s.display_name }))}
          />
          <Radios
            name="then"
            legend={t('organizations.staff.then')}
            options={[
              { value: 'stay', label: t('organizations.staff.thenStay') },
              { value: 'leave', label: t('organizations.staff.thenLeave') },
            ]}
          />
          <button type="submit" class="danger">
            {t('organizations.staff.stepDown')}
          </button>
        </Form>
      ) : (
        <ConfirmButton
          action={`${p.base}/leave`}
          label={t('organizations.staff.leave')}
          question={t('organizations.staff.leaveQuestion', { org: p.orgName })}
          confirm={t('organizations.staff.leaveConfirm')}
          hidden={{ then: 'leave', successor: '' }}
        />
      )}
    </section>
  );
}

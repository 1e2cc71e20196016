// Two-step verification: its page in three states (on; being set up; not begun) and the recovery
// codes, shown once.
import { usePage } from '../../../core/views/context.js';
import { ButtonForm, Form, FormErrorSummary } from '../../../core/views/forms.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { CodeField, CurrentPassword } from '../views.js';

export function TwoStepPage(p: {
  enabled: boolean;
  /** the secret being set up; null before set-up begins (and when it is on) */
  secret: string | null;
  qrDataUrl: string;
  staff: boolean;
  /** unused recovery codes (when two-step is on) */
  recoveryLeft: number;
  error?: string | null;
}) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('account.twoFactor.title')}>
      {p.enabled ? (
        <>
          <p>{t('account.twoFactor.on')}</p>
          <h2>{t('account.recovery.title')}</h2>
          <p class={p.recoveryLeft <= 2 ? 'notice--warn' : undefined}>
            {t('account.twoFactor.recoveryLeft', { count: p.recoveryLeft })}{' '}
            {p.recoveryLeft <= 2 ? t('accounts.twoStep.fewCodes') : null}
          </p>
          <p class="hint">{t('accounts.twoStep.newCodesHint')}</p>
          <ButtonForm
            action="/account/2fa/recovery-codes"
            label={t('account.twoFactor.newRecoveryCodes')}
            class="secondary"
          />
          {p.staff ? (
            <>
              <p class="hint">{t('account.twoFactor.cannotDisable')}</p>
              <p class="hint">{t('accounts.twoStep.lostPhone')}</p>
            </>
          ) : (
            <Form action="/account/2fa/disable">
              <FormErrorSummary message={p.error} />
              <CurrentPassword />
              <CodeField required />
              <button type="submit" class="danger">
                {t('account.twoFactor.disable')}
              </button>
            </Form>
          )}
        </>
      ) : (
        <>
          <ol>
            <li>{t('account.twoFactor.step1')}</li>
            <li>{t('account.twoFactor.step2')}</li>
          </ol>
          {p.secret ? (
            <>
              <img src={p.qrDataUrl} width={200} height={200} alt={t('account.twoFactor.qrAlt')} />
              <p>
                {t('account.twoFactor.secretLabel')}{' '}
                <code class="code">{p.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
              <FormErrorSummary message={p.error} />
              <Form action="/account/2fa/enable">
                <CodeField required maxLength={8} />
                <button type="submit">{t('account.twoFactor.confirm')}</button>
              </Form>
            </>
          ) : (
            <ButtonForm action="/account/2fa/start" label={t('account.twoFactor.enable')} />
          )}
        </>
      )}
    </TitledLayout>
  );
}

export function RecoveryCodesPage(p: { codes: string[] }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('account.recovery.title')}>
      <p>{t('account.recovery.explain')}</p>
      <ul class="code" dir="ltr">
        {p.codes.map((c) => (
          <li>{c}</li>
        ))}
      </ul>
      <a class="button" href="/account">
        {t('account.recovery.done')}
      </a>
    </TitledLayout>
  );
}

// A member's digest setting, and the one-click digest unsubscribe page. Props only; no database.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { Form, Radios, type FormState } from '../../../core/views/forms.js';
import type { Chrome } from '../context.js';
import { Breadcrumb, ForumNav, SubmitRow } from '../components.js';

function MemberPage(p: Chrome & { title: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={p.title}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <ForumNav moderator={p.moderator} />
      {p.children}
    </Layout>
  );
}

export function SettingsPage(p: Chrome & { digest: string; hasEmail: boolean; state: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <MemberPage {...p} title={t('forum.settings.title')}>
      <Form action="/forum/settings" state={p.state} values={{ digest: p.digest }}>
        <Radios
          name="digest"
          legend={t('forum.settings.digest')}
          options={(['off', 'daily', 'weekly'] as const).map((d) => ({
            value: d,
            label: t(`forum.settings.digest.${d}`),
          }))}
        />
        <p class="hint">{p.hasEmail ? t('forum.settings.digestHint') : t('forum.settings.noEmail')}</p>
        <SubmitRow label={t('common.save')} />
      </Form>
      <p>
        {t('forum.settings.elsewhere')} <a href="/notifications">{t('forum.settings.list')}</a> ·{' '}
        <a href="/account/notifications">{t('forum.settings.choices')}</a>
      </p>
    </MemberPage>
  );
}

export function UnsubscribePage(p: { token: string; done: boolean }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('forum.unsubscribe.title')}>
      {p.done ? (
        <p role="status">{t('forum.unsubscribe.done')}</p>
      ) : (
        <Form action={`/forum/unsubscribe/${p.token}`}>
          <p>{t('forum.unsubscribe.intro')}</p>
          <SubmitRow label={t('forum.unsubscribe.submit')} />
        </Form>
      )}
    </TitledLayout>
  );
}

// A member's notifications, their digest setting, and the one-click digest unsubscribe page.
// Props only; no database.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { Empty } from '../../../core/views/components.js';
import { ButtonForm, Form, Radios, type FormState } from '../../../core/views/forms.js';
import type { Chrome } from '../context.js';
import { Breadcrumb, ForumNav, Name, NewBadge, When, SubmitRow } from '../components.js';
import type { NotificationRow } from './queries.js';

function MemberPage(p: Chrome & { title: string; children: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={p.title}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      {p.children}
    </Layout>
  );
}

export function NotificationsPage(p: Chrome & { items: NotificationRow[] }) {
  const { t } = usePage().i18n;
  return (
    <MemberPage {...p} title={t('forum.notifications.title')}>
      {p.items.length === 0 ? <Empty text={t('forum.notifications.empty')} /> : null}
      <ul class="card-list">
        {p.items.map((n) => (
          <li class={n.read_at ? 'card' : 'card notification--unread'}>
            <div>
              {n.read_at ? null : <NewBadge label={t('forum.topic.newBadge')} />}
              <Name name={n.actor_name} /> {t(`forum.notification.${n.kind}Verb` as never)}{' '}
              {n.read_at ? (
                <a href={`/forum/p/${n.post_id}`} dir="auto">
                  {n.topic_title}
                </a>
              ) : (
                // Opening an unread notification marks it read (a POST: reading a page writes nothing).
                <Form action={`/forum/notifications/${n.id}/open`} class="inline-form" summary={false}>
                  <button type="submit" class="link-button" dir="auto">
                    {n.topic_title}
                  </button>
                </Form>
              )}
            </div>
            <p class="meta">
              <When value={n.created_at} />
            </p>
          </li>
        ))}
      </ul>
      {p.unread > 0 ? (
        <ButtonForm action="/forum/notifications/read" label={t('forum.notifications.markAll')} class="secondary" />
      ) : null}
    </MemberPage>
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
    </MemberPage>
  );
}

export function UnsubscribePage(p: { token: string; done: boolean }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('forum.unsubscribe.title')}>
      <h1>{t('forum.unsubscribe.title')}</h1>
      {p.done ? (
        <p role="status">{t('forum.unsubscribe.done')}</p>
      ) : (
        <Form action={`/forum/unsubscribe/${p.token}`}>
          <p>{t('forum.unsubscribe.intro')}</p>
          <SubmitRow label={t('forum.unsubscribe.submit')} />
        </Form>
      )}
    </Layout>
  );
}

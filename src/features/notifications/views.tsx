import { Layout } from '../../core/views/Layout.js';
import { usePage } from '../../core/views/context.js';
import { DateText, Empty, Pagination } from '../../core/views/components.js';
import { Form, Radios, type FormState } from '../../core/views/forms.js';
import type { MessageKey } from '../../core/i18n/index.js';
import type { NotificationChannel } from '../../core/db/core-tables.js';

type Item = {
  id: number;
  message: MessageKey | null;
  params: Record<string, string | number>;
  createdAt: string;
  read: boolean;
};

export function NotificationsPage(p: { items: Item[]; page: number; hasNext: boolean }) {
  const { i18n, csrfToken } = usePage();
  const { t } = i18n;
  const unread = p.items.some((i) => !i.read);
  return (
    <Layout title={t('notifications.title')}>
      <h1>{t('notifications.title')}</h1>
      <p class="actions">
        <a href="/account/notifications">{t('notifications.settings.link')}</a>
      </p>
      {unread ? (
        <Form action="/notifications/read" class="inline-form" summary={false}>
          <button type="submit" class="link-button">
            {t('notifications.markAllRead')}
          </button>
        </Form>
      ) : null}
      {p.items.length ? (
        <ul class="notification-list">
          {p.items.map((n) => (
            <li class={n.read ? 'notification' : 'notification notification--unread'}>
              {/* Opening marks it read, then follows it: a form, so that reading a page never writes. */}
              <form method="post" action={`/notifications/${n.id}/open`} class="inline-form">
                <input type="hidden" name="_csrf" value={csrfToken()} />
                <button type="submit" class="link-button">
                  {n.read ? null : <span class="visually-hidden">{t('notifications.unread')} </span>}
                  {n.message ? t(n.message as never, n.params as never) : t('notifications.unknown')}
                </button>
              </form>{' '}
              <span class="meta">
                <DateText value={n.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('notifications.none')} />
      )}
      <Pagination
        page={p.page}
        pageCount={p.hasNext ? p.page + 1 : p.page}
        hrefFor={(n) => `/notifications?page=${n}`}
      />
    </Layout>
  );
}

export function NotificationSettingsPage(p: {
  settings: Map<string, NotificationChannel>;
  labels: Map<string, MessageKey>;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const values = Object.fromEntries([...p.settings].map(([type, channel]) => [`channel.${type}`, channel]));
  const options = (['now', 'digest', 'off'] as const).map((c) => ({
    value: c,
    label: t(`notifications.channel.${c}`),
  }));
  return (
    <Layout title={t('notifications.settings.title')}>
      <h1>{t('notifications.settings.title')}</h1>
      <p>{t('notifications.settings.intro')}</p>
      {p.settings.size ? (
        <Form action="/account/notifications" state={p.state} values={values}>
          {[...p.settings.keys()].map((type) => (
            <Radios name={`channel.${type}`} legend={t(p.labels.get(type)! as never)} options={options} />
          ))}
          <button type="submit">{t('common.save')}</button>
        </Form>
      ) : (
        <Empty text={t('notifications.settings.none')} />
      )}
    </Layout>
  );
}

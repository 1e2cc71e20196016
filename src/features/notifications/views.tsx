// The notifications list (also the start page's block of new ones) and the e-mail choices. Every
// button is a small form: it works without JavaScript, and reading a page never writes.
import { TitledLayout } from '../../core/views/Layout.js';
import { usePage } from '../../core/views/context.js';
import { Empty, Pagination } from '../../core/views/components.js';
import { ButtonForm, Form, Radios, type FormState } from '../../core/views/forms.js';
import type { MessageKey } from '../../core/i18n/index.js';
import type { NotificationChannel } from '../../core/db/core-tables.js';
import type { NoticeItem } from './queries.js';

/**
 * Notices with their open and mark-as-read buttons; `back`: the page the buttons return to; `now`:
 * the request's time, from which "an hour ago" is counted.
 */
export function NoticeList(p: { items: NoticeItem[]; back: string; now: Date }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ul class="notification-list">
      {p.items.map((n) => (
        <li class={n.read ? 'notification' : 'notification notification--unread'}>
          {n.label ? <span class="meta notification-kind">{t(n.label as never)}</span> : null}
          {/* Opening marks it read, then follows it: a form, so that reading a page never writes. */}
          <Form action={`/notifications/${n.id}/open`} class="inline-form notification-open" summary={false}>
            <button type="submit" class="link-button">
              {n.read ? null : <span class="badge notification-new">{t('notifications.unread')}</span>}{' '}
              {n.message ? t(n.message as never, n.params as never) : t('notifications.unknown')}
            </button>
          </Form>
          <span class="meta">
            <time dateTime={n.createdAt} title={i18n.dateTime(n.createdAt)}>
              {i18n.relative(n.createdAt, p.now)}
            </time>
          </span>
          {n.read ? null : (
            <ButtonForm
              action={`/notifications/${n.id}/read`}
              class="link-button small"
              label={t('notifications.markRead')}
              hidden={{ back: p.back }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

export function NotificationsPage(p: {
  items: NoticeItem[];
  unread: number;
  unreadOnly: boolean;
  page: number;
  pageCount: number;
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const here = p.unreadOnly ? '/notifications?show=unread' : '/notifications';
  return (
    <TitledLayout title={t('notifications.title')}>
      <p>{t('notifications.unreadCount', { count: p.unread })}</p>
      <nav class="actions" aria-label={t('notifications.title')}>
        {p.unreadOnly ? (
          <a href="/notifications">{t('notifications.showAll')}</a>
        ) : (
          <a href="/notifications?show=unread">{t('notifications.showUnread')}</a>
        )}
        <a href="/account/notifications">{t('notifications.settings.link')}</a>
      </nav>
      {p.unread ? (
        <ButtonForm
          action="/notifications/read"
          class="secondary"
          label={t('notifications.markAllRead')}
          hidden={{ back: here }}
        />
      ) : null}
      {p.items.length ? (
        <NoticeList items={p.items} back={here} now={p.now} />
      ) : (
        <Empty text={p.unreadOnly ? t('notifications.noneUnread') : t('notifications.none')} />
      )}
      <Pagination
        page={p.page}
        pageCount={p.pageCount}
        hrefFor={(n) => `/notifications?page=${n}${p.unreadOnly ? '&show=unread' : ''}`}
      />
    </TitledLayout>
  );
}

export function NotificationSettingsPage(p: {
  settings: Map<string, NotificationChannel>;
  labels: Map<string, MessageKey>;
  hasEmail: boolean;
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
    <TitledLayout title={t('notifications.settings.title')}>
      <p>{t('notifications.settings.intro')}</p>
      {p.hasEmail ? null : (
        <p class="notice--warn">
          {t('notifications.settings.noEmail')} <a href="/account#h-email">{t('notifications.settings.addEmail')}</a>
        </p>
      )}
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
      <p>
        <a href="/notifications">{t('notifications.backToList')}</a>
      </p>
    </TitledLayout>
  );
}

import type { ComponentChildren } from 'preact';
import { meetsAccess } from '../auth/access.js';
import { usePage, type NavItem } from './context.js';

/** The language switcher keeps the current page and adds ?lang=…, which the server remembers in a cookie. */
function switchUrl(url: string, lang: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return u.pathname + u.search;
}

/**
 * Offline reading's page script, last in the body: rendered after the page, it knows whether the
 * page asked for a password (a form with one loads no script at all).
 */
function OfflineScript() {
  return usePage().asksPassword ? null : <script src="/offline/page.js" defer />;
}

export function Layout(props: {
  title: string;
  description?: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { i18n, actor, stylesheet, nav, staffNav, footerNav, url, flash, csrfToken, owes2fa, unread } = usePage();
  const visible = (items: NavItem[]) => items.filter((n) => meetsAccess(actor, n.access ?? 'public'));
  const { t } = i18n;
  const other = i18n.locale === 'ar' ? { code: 'en', name: 'English' } : { code: 'ar', name: 'العربية' };
  const current = new URL(url, 'http://x').pathname;
  // Offline reading (features/offline) only for pages answered as to an anonymous visitor (a staff
  // member owing two-step sees exactly those; their answers are no-store, so none is ever kept).
  const anonymous = !actor.user;
  return (
    <html lang={i18n.lang} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('common.siteName')}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="data:," />
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('common.siteName')}
          </a>
          <nav class="main-nav" aria-label={t('nav.main')}>
            <ul>
              {visible(nav).map((n) => (
                <li>
                  <a href={n.href} aria-current={current === n.href ? 'page' : undefined}>
                    {t(n.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="account-nav">
            {actor.user || owes2fa ? (
              <>
                {visible(staffNav).map((n) => (
                  <a href={n.href}>{t(n.labelKey)}</a>
                ))}
                {actor.user ? (
                  <a href="/notifications" class={unread ? 'notify-link notify-link--unread' : 'notify-link'}>
                    {unread ? t('notify.header.unread', { count: unread }) : t('notify.header.none')}
                  </a>
                ) : null}
                {actor.user ? (
                  <a href="/account">
                    <bdi>{actor.user.displayName}</bdi>
                  </a>
                ) : null}
                <form method="post" action="/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken()} />
                  <button type="submit" class="link-button">
                    {t('nav.signOut')}
                  </button>
                </form>
              </>
            ) : (
              <>
                <a href="/login">{t('nav.signIn')}</a>
                <a href="/signup">{t('nav.signUp')}</a>
              </>
            )}
            <a class="lang-switch" href={switchUrl(url, other.code)} lang={other.code} hreflang={other.code}>
              {other.name}
            </a>
          </div>
        </header>
        <main id="main">
          {anonymous ? <div id="offline-slot" class="offline-slot" /> : null}
          {owes2fa ? (
            <p class="flash flash--warn" role="alert">
              {t('auth.twoFactor.owed')} <a href="/account/2fa">{t('auth.twoFactor.owedLink')}</a>
            </p>
          ) : null}
          {flash ? (
            <p class="flash" role="status">
              {flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <nav aria-label={t('footer.explore')}>
            <ul class="footer-links">
              {visible(footerNav).map((n) => (
                <li>
                  <a href={n.href}>{t(n.labelKey)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <p>{t('footer.about')}</p>
          <p class="small">{t('footer.privacy')}</p>
        </footer>
        {anonymous ? <OfflineScript /> : null}
      </body>
    </html>
  );
}

/** A page whose heading is its title: the title is written once, for the tab and the `<h1>`. */
export function TitledLayout(props: { title: string; description?: string; children: ComponentChildren }) {
  return (
    <Layout title={props.title} description={props.description}>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

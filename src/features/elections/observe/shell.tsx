// The observer app's shell: one HTML page (no inline script or style, CSP without
// 'unsafe-inline'), its messages handed to the app in data attributes, the hashed assets.
import type { Translator } from '../../../core/i18n/index.js';
import type { ObserverAssets } from '../bundle.js';

export function Shell(p: { tr: Translator; assets: ObserverAssets }) {
  const { t } = p.tr;
  const other = p.tr.locale === 'ar' ? { code: 'en', name: 'English' } : { code: 'ar', name: 'العربية' };
  // Placeholders survive formatting: the app fills them in.
  const m = (k: Parameters<Translator['t']>[0]) =>
    (t as (k: string, p: Record<string, string>) => string)(k, { n: '{n}', min: '{min}', max: '{max}' });
  const data: Record<string, string> = {
    'data-online': m('elections.app.online'),
    'data-offline': m('elections.app.offline'),
    'data-waiting': m('elections.app.waiting'),
    'data-refused': m('elections.app.refused'),
    'data-refused-generic': m('elections.app.refusedGeneric'),
    'data-discard': m('elections.app.discard'),
    'data-discard-confirm': m('elections.app.discardConfirm'),
    'data-waiting-count': m('elections.app.waitingCount'),
    'data-sent-count': m('elections.app.sentCount'),
    'data-queued': m('elections.app.queued'),
    'data-yes': m('common.yes'),
    'data-no': m('common.no'),
    'data-required': m('form.required'),
    'data-bad-number': m('elections.app.badNumber'),
    'data-range': m('elections.app.range'),
    'data-fix-errors': m('elections.app.fixErrors'),
    'data-bad-login': m('elections.app.badLogin'),
    'data-too-many': m('elections.app.tooMany'),
    'data-login-offline': m('elections.app.loginOffline'),
    'data-server-error': m('elections.app.serverError'),
    'data-access-ended': m('elections.app.accessEnded'),
    'data-logout-waiting': m('elections.app.logoutWaiting'),
    'data-women-only': m('elections.stations.womenOnly'),
    'data-hotline': m('elections.app.hotline'),
    'data-rules-warn': m('elections.app.rulesWarn'),
    'data-save-anyway': m('elections.app.saveAnyway'),
    'data-save': m('elections.app.save'),
  };
  return (
    <html lang={p.tr.lang} dir={p.tr.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d4b" />
        <title>{t('elections.app.title')}</title>
        <link rel="manifest" href={`/observe/manifest.webmanifest?lang=${p.tr.locale}`} />
        <link rel="icon" href={p.assets.icon.url} />
        <link rel="stylesheet" href={p.assets.css.url} />
        <script defer src={p.assets.js.url}></script>
      </head>
      <body>
        <header>
          <h1>{t('elections.app.title')}</h1>
          <span id="net" role="status" class="net"></span>
          <a href={`/observe/?lang=${other.code}`} lang={other.code} hreflang={other.code}>
            {other.name}
          </a>
        </header>
        <main>
          <noscript>
            <p class="notice">{t('elections.app.noscript')}</p>
          </noscript>
          <p id="notice" class="notice" role="status"></p>
          <section id="v-login" hidden>
            <h2>{t('elections.app.signIn')}</h2>
            <p class="hint">{t('elections.app.signInHint')}</p>
            <form id="login-form" autocomplete="off">
              <div class="field">
                <label for="code">{t('elections.app.code')}</label>
                <input
                  id="code"
                  name="code"
                  type="text"
                  dir="ltr"
                  required
                  autocapitalize="characters"
                  maxLength={40}
                />
              </div>
              <div class="field">
                <label for="secret">{t('elections.app.secret')}</label>
                <input id="secret" name="secret" type="password" dir="ltr" required maxLength={64} />
              </div>
              <p id="login-error" class="error" role="alert"></p>
              <button type="submit">{t('elections.app.signInButton')}</button>
            </form>
          </section>
          <section id="v-home" hidden>
            <p id="who"></p>
            <p id="hotline" hidden></p>
            <h2>{t('elections.app.stations')}</h2>
            <ul id="stations"></ul>
            <h2>{t('elections.app.forms')}</h2>
            <ul id="forms"></ul>
            <Actions
              main={{ type: 'button', id: 'sync', label: t('elections.app.sendNow') }}
              other={{ id: 'logout', label: t('nav.signOut') }}
            />
          </section>
          <section id="v-form" hidden>
            <h2 id="form-title"></h2>
            <form id="report" novalidate>
              <div class="field">
                <label for="station">{t('elections.app.station')}</label>
                <select id="station" name="station"></select>
              </div>
              <div id="questions"></div>
              <p id="form-error" class="error" role="alert"></p>
              <div id="form-warn" class="warn" role="alert" hidden></div>
              <Actions
                main={{ type: 'submit', id: 'save', label: t('elections.app.save') }}
                other={{ id: 'cancel', label: t('common.cancel') }}
              />
            </form>
          </section>
          <section id="outbox-panel">
            <h2>{t('elections.app.outbox')}</h2>
            <p class="hint">{t('elections.app.outboxHint')}</p>
            <p id="outbox-summary" role="status" aria-live="polite"></p>
            <p id="outbox-empty" class="hint">
              {t('elections.app.outboxEmpty')}
            </p>
            <ul id="outbox"></ul>
          </section>
          <div id="msgs" hidden {...data}></div>
        </main>
      </body>
    </html>
  );
}

/** A view's row of buttons: its step, then the quieter way out (the app binds both by id). */
function Actions(p: {
  main: { type: 'submit' | 'button'; id: string; label: string };
  other: { id: string; label: string };
}) {
  return (
    <div class="actions">
      <button type={p.main.type} id={p.main.id}>
        {p.main.label}
      </button>
      <button type="button" id={p.other.id} class="secondary">
        {p.other.label}
      </button>
    </div>
  );
}

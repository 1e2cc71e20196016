// The "saved on this phone" page. The server renders its frame in the reader's language; the page
// script fills the two lists from the phone's cache (the server never knows what a phone keeps).
// The worker keeps this page in both languages and shows it, with the notice, for a page not kept.
import { TitledLayout } from '../../core/views/Layout.js';
import { usePage } from '../../core/views/context.js';
import { VISIT_DAYS } from './client/shared.js';

export function OfflinePage() {
  const { i18n, actor } = usePage();
  const { t } = i18n;
  return (
    <TitledLayout title={t('offline.title')}>
      <p id="offline-missed" class="flash flash--warn" role="alert" hidden>
        {t('offline.missed')}
      </p>
      <p>{t('offline.intro', { days: VISIT_DAYS })}</p>
      <p id="offline-usage" class="small">
        {actor.user ? t('offline.signedIn') : t('offline.noscript')}
      </p>
      <h2>{t('offline.saved')}</h2>
      <ul id="offline-saved" class="offline-list"></ul>
      <p id="offline-saved-none" hidden>
        {t('offline.savedNone')}
      </p>
      <h2>{t('offline.visited')}</h2>
      <ul id="offline-visited" class="offline-list"></ul>
      <p id="offline-visited-none" hidden>
        {t('offline.visitedNone')}
      </p>
    </TitledLayout>
  );
}

// "Follow in a news app": what a feed is, in plain words, and the address to paste into one. The
// public pages link here rather than to the XML itself, which a phone would show as raw code.
import { z } from 'zod';
import { page } from '../../../core/http/route.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { absoluteUrl } from '../queries.js';

/** Only this site's own feeds; anything else shows the feed of everything. */
const FEED_PATH = /^\/feeds\/(?:[a-z-]{1,40}|towns\/C\d{4,6}|organizations\/\d{1,10})\.xml$/;

const followQuery = z.object({
  feed: z
    .string()
    .optional()
    .transform((v) => (v && FEED_PATH.test(v) ? v : '/feeds/all.xml')),
});

/** The link the public pages show for a feed. */
export const followHref = (feedPath: string) => `/follow?feed=${encodeURIComponent(feedPath)}`;

function FollowPage(p: { address: string; feedPath: string }) {
  const { t } = usePage().i18n;
  return (
    <TitledLayout title={t('publishing.follow.title')}>
      <p>{t('publishing.follow.intro')}</p>
      <p>
        <label for="feed-address">{t('publishing.follow.address')}</label>
        <input id="feed-address" type="url" dir="ltr" readonly value={p.address} />
      </p>
      <p class="hint">{t('publishing.follow.how')}</p>
      <p>
        <a href={p.feedPath} type="application/atom+xml" rel="alternate">
          {t('publishing.follow.raw')}
        </a>
      </p>
    </TitledLayout>
  );
}

export const followRoutes = [
  page('/follow', {
    access: 'public',
    query: followQuery,
    render: (c) => <FollowPage feedPath={c.query.feed} address={absoluteUrl(c.wasl.config.baseUrl, c.query.feed)} />,
  }),
];

// Printable observer cards, one A4 page each (right to left in Arabic): the observer's code and
// secret — printed this once, the secret is never stored in clear and cannot be printed again —,
// a QR code that opens the observer app with the code filled in, their stations, what to do on
// the day and the number to call. The page answers the form that issued the secrets; it is never
// cached (no-store).
import QRCode from 'qrcode';
import type { MemberCtx } from '../../../core/http/route.js';
import { usePage } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { localized } from '../../../core/i18n/localized.js';
import { Phone } from '../../../core/views/components.js';
import type { Election } from '../queries.js';
import { assignmentsOf } from './queries.js';

export type Card = { code: string; secret: string; name: string; stations: string[]; qr: string };

const STEPS = ['open', 'signIn', 'report', 'offline', 'incident'] as const;

/** The cards of observers just given a secret (in the order given). */
export async function cardsFor(c: MemberCtx, issued: { id: number; code: string; name: string; secret: string }[]) {
  const stations = await assignmentsOf(
    c.db,
    issued.map((o) => o.id),
  );
  const base = c.wasl.config.baseUrl;
  c.reply.header('cache-control', 'no-store');
  return Promise.all(
    issued.map(async (o): Promise<Card> => {
      const url = `${base}/observe/?code=${encodeURIComponent(o.code)}`;
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return {
        code: o.code,
        secret: o.secret,
        name: o.name,
        stations: (stations.get(o.id) ?? []).map((s) => s.label),
        qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      };
    }),
  );
}

export function CardsPage(p: { e: Election; cards: Card[]; appUrl: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = localized(p.e, 'title', i18n.locale);
  return (
    <Layout title={t('elections.cards.title')}>
      <div class="no-print">
        <h1>{t('elections.cards.title')}</h1>
        <p class="flash" role="status">
          {t('elections.cards.onceOnly', { count: p.cards.length })}
        </p>
        <p>
          <a href={`/elections/${p.e.id}/observers`}>{t('elections.observers.title')}</a>
        </p>
      </div>
      {p.cards.map((card) => (
        <section class="observer-card" data-code={card.code}>
          <p class="meta">{title}</p>
          <h2>{t('elections.cards.heading')}</h2>
          <p class="card-name">
            <bdi>{card.name}</bdi>
          </p>
          <dl class="card-keys">
            <dt>{t('elections.app.code')}</dt>
            <dd>
              <bdi dir="ltr" class="code">
                {card.code}
              </bdi>
            </dd>
            <dt>{t('elections.app.secret')}</dt>
            <dd>
              <bdi dir="ltr" class="code" data-secret>
                {card.secret}
              </bdi>
            </dd>
            <dt>{t('elections.observers.assignment')}</dt>
            <dd>
              <bdi dir="ltr">{card.stations.join('، ')}</bdi>
            </dd>
          </dl>
          <div class="card-app">
            <img src={card.qr} alt={t('elections.cards.qrAlt')} width={150} height={150} />
            <p>
              {t('elections.cards.app')}
              <br />
              <bdi dir="ltr">{p.appUrl}</bdi>
            </p>
          </div>
          <h3>{t('elections.cards.whatToDo')}</h3>
          <ol>
            {STEPS.map((s) => (
              <li>{t(`elections.cards.steps.${s}`)}</li>
            ))}
          </ol>
          <p class="card-call">
            {t('elections.cards.call')}{' '}
            {p.e.hotline ? (
              <Phone number={p.e.hotline} />
            ) : (
              <span class="sign-here">{t('elections.cards.noHotline')}</span>
            )}
          </p>
        </section>
      ))}
    </Layout>
  );
}

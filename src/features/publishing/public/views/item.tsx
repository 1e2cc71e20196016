// The article page: one item for reading, sharing and printing (OpenGraph, schema.org microdata),
// with its resource file, dossier, translation and related items.
import { localized } from '../../../../core/i18n/localized.js';
import { dayAsDate } from '../../../../core/time.js';
import { usePage } from '../../../../core/views/context.js';
import { DateText } from '../../../../core/views/components.js';
import { KIND_SEGMENT, type ItemCard } from '../../queries.js';
import {
  Byline,
  CoverImage,
  ItemList,
  Markdown,
  TopicTags,
  TownLinks,
  formatBytes,
  kindsLabel,
} from '../../views/components.js';
import { PubLayout, type Alternate } from './layout.js';

/** A URL as people read it (Arabic slug letters rather than percent-escapes). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export type ResourceFile = { url: string; bytes: number; mime: string; pages: number | null; ext: string } | null;

export function ItemPage(p: {
  item: ItemCard & { body_html: string; updated_at: string; first_published_at: string | null };
  isPublished: boolean;
  statusLabel: string | null;
  canManage: boolean;
  related: ItemCard[];
  dossier: ItemCard | null;
  dossierItems: ItemCard[];
  translation: { url: string; lang: string; title: string } | null;
  file: ResourceFile;
  externalUrl: string | null;
  absoluteUrl: string;
  imageUrl: string | null;
  alternates: Alternate[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  const schemaType = it.kind === 'news' ? 'NewsArticle' : it.kind === 'opinion' ? 'OpinionNewsArticle' : 'Article';
  const share = encodeURIComponent(p.absoluteUrl);
  const shareText = encodeURIComponent(it.title);
  const description = it.summary || it.title;
  return (
    <PubLayout
      title={it.title}
      description={description.slice(0, 200)}
      canonical={p.absoluteUrl}
      alternates={p.alternates}
      og={{
        type: 'article',
        title: it.title,
        description: description.slice(0, 300),
        url: p.absoluteUrl,
        image: p.imageUrl,
        locale: it.lang === 'ar' ? 'ar_SY' : 'en_GB',
        publishedTime: it.first_published_at,
        modifiedTime: it.updated_at,
      }}
    >
      {!p.isPublished ? (
        <p class="pub-notice" role="status">
          {t('publishing.preview', { status: p.statusLabel ?? '' })}{' '}
          <a href={`/publishing/items/${it.id}`}>{t('publishing.workflow.open')}</a>
        </p>
      ) : null}
      {it.lang !== i18n.locale && !p.translation ? (
        <p class="pub-notice" role="note">
          {t('publishing.item.otherLanguage', { lang: it.lang })}
        </p>
      ) : null}
      <article class="pub-article" itemscope itemtype={`https://schema.org/${schemaType}`} lang={it.lang}>
        <p class="meta">
          <a href={`/${KIND_SEGMENT[it.kind]}`}>{kindsLabel(t, it.kind)}</a>
          {it.collection ? (
            <>
              {' · '}
              <a href="/resources/lessons-learned">{t(`publishing.collection.${it.collection}` as never)}</a>
            </>
          ) : null}
        </p>
        <h1 itemprop="headline" dir="auto">
          {it.title}
        </h1>
        <p class="meta">
          <Byline byline={it.byline} pseudonym={it.byline_pseudonym === 1} org={it.organization} />
          {it.published_at ? (
            <>
              {' · '}
              <DateText value={it.published_at} />
            </>
          ) : null}
        </p>
        <span
          itemprop="author"
          itemscope
          itemtype={it.byline ? 'https://schema.org/Person' : 'https://schema.org/Organization'}
        >
          <meta
            itemprop="name"
            content={
              it.byline || (it.organization ? localized(it.organization, 'name', i18n.locale) : t('common.siteName'))
            }
          />
        </span>
        <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
          <meta itemprop="name" content={t('common.siteName')} />
        </span>
        {it.first_published_at ? <meta itemprop="datePublished" content={it.first_published_at} /> : null}
        <meta itemprop="dateModified" content={it.updated_at} />
        <meta itemprop="inLanguage" content={it.lang} />
        {p.imageUrl ? <meta itemprop="image" content={p.imageUrl} /> : null}
        {it.kind === 'activity' && it.activity_date ? (
          <p class="meta">
            {t('publishing.activityDate')} <DateText value={dayAsDate(it.activity_date)} />
          </p>
        ) : null}
        {it.towns.length ? (
          <p class="meta">
            {t('publishing.towns')} <TownLinks towns={it.towns} />
          </p>
        ) : null}
        {p.translation ? (
          <p class="meta">
            <a href={p.translation.url} hreflang={p.translation.lang} lang={p.translation.lang}>
              {p.translation.lang === 'ar' ? 'اقرأ بالعربية' : 'Read in English'}
            </a>
          </p>
        ) : null}
        {it.cover ? (
          <CoverImage cover={it.cover} alt={it.cover_alt} eager privateFrom={p.isPublished ? undefined : it.id} />
        ) : null}
        {it.summary ? (
          <p class="pub-lead" itemprop="description" dir="auto">
            {it.summary}
          </p>
        ) : null}
        {p.file || p.externalUrl ? <ResourceBox file={p.file} externalUrl={p.externalUrl} /> : null}
        <div itemprop="articleBody">
          <Markdown html={it.body_html} lang={it.lang} />
        </div>
        {it.topics.length ? <TopicTags topics={it.topics} label={t('publishing.topics')} /> : null}
        {p.dossier ? (
          <p class="meta">
            {t('publishing.partOfDossier')}{' '}
            <a href={p.dossier.url} dir="auto">
              {p.dossier.title}
            </a>
          </p>
        ) : null}
      </article>
      {it.kind === 'local_issue' ? (
        <section aria-labelledby="h-dossier">
          <h2 id="h-dossier">{t('publishing.dossierItems')}</h2>
          <ItemList items={p.dossierItems} showKind headingLevel={3} empty={t('publishing.dossierEmpty')} />
        </section>
      ) : null}
      {p.isPublished ? (
        <section class="pub-share-block" aria-labelledby="h-share">
          <h2 id="h-share" class="small">
            {t('publishing.share')}
          </h2>
          <ul class="pub-share">
            <li>
              <a href={`https://wa.me/?text=${shareText}%20${share}`} rel="noopener noreferrer">
                WhatsApp
              </a>
            </li>
            <li>
              <a href={`https://t.me/share/url?url=${share}&text=${shareText}`} rel="noopener noreferrer">
                Telegram
              </a>
            </li>
            <li>
              <a href={`https://www.facebook.com/sharer/sharer.php?u=${share}`} rel="noopener noreferrer">
                Facebook
              </a>
            </li>
            <li>
              <a href={`mailto:?subject=${shareText}&body=${share}`}>{t('publishing.shareEmail')}</a>
            </li>
          </ul>
          <p class="small">
            {t('publishing.shareLink')} <bdi dir="ltr">{readableUrl(p.absoluteUrl)}</bdi>
          </p>
        </section>
      ) : null}
      {p.canManage ? (
        <p class="actions no-print">
          <a class="button secondary" href={`/publishing/items/${it.id}`}>
            {t('publishing.workflow.open')}
          </a>
        </p>
      ) : null}
      {p.related.length ? (
        <section class="pub-related" aria-labelledby="h-related">
          <h2 id="h-related">{t('publishing.related')}</h2>
          <ItemList items={p.related} showKind headingLevel={3} />
        </section>
      ) : null}
    </PubLayout>
  );
}

function ResourceBox(p: { file: ResourceFile; externalUrl: string | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="pub-download">
      {p.file ? (
        <p>
          <a class="button" href={p.file.url} download>
            {t('publishing.download')}
          </a>{' '}
          <span class="meta">
            {p.file.ext.toUpperCase()} · {formatBytes(i18n, p.file.bytes)}
            {p.file.pages ? <> · {t('publishing.pages', { count: p.file.pages })}</> : null}
          </span>
        </p>
      ) : null}
      {p.externalUrl ? (
        <p>
          {t('publishing.externalResource')}{' '}
          <a href={p.externalUrl} rel="noopener noreferrer nofollow">
            <bdi dir="ltr">{p.externalUrl.replace(/^https?:\/\//, '').slice(0, 80)}</bdi>
          </a>
        </p>
      ) : null}
    </div>
  );
}

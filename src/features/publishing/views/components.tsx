// Pieces shared by the publishing pages and the sections other pages show.
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { usePage } from '../../../core/views/context.js';
import { DateText, Empty } from '../../../core/views/components.js';
import type { Cover, ItemCard, OrgRef, TownRef } from '../queries.js';
import type { ItemKind } from '../tables.js';

/**
 * The ONLY place raw HTML enters a page. `html` must come from renderMarkdown() (markdown.ts),
 * whose allowlist renderer escapes everything it does not write itself.
 */
export function Markdown(props: { html: string; lang?: string; class?: string }) {
  return (
    <div
      class={props.class ?? 'prose'}
      lang={props.lang}
      dir={props.lang ? (props.lang === 'ar' ? 'rtl' : 'ltr') : 'auto'}
      dangerouslySetInnerHTML={{ __html: props.html }}
    />
  );
}

/** "Subscribe to updates": a link to one Atom feed (the forum's category feeds use it too). */
export function SubscribeLink(p: { feed: string; label?: string }) {
  const { t } = usePage().i18n;
  return (
    <a class="pub-subscribe" href={p.feed} type="application/atom+xml">
      {p.label ?? t('publishing.feeds.subscribe')}
    </a>
  );
}

export function kindLabel(t: ReturnType<typeof usePage>['i18n']['t'], kind: ItemKind): string {
  return t(`publishing.kind.${kind}` as never);
}

export function kindsLabel(t: ReturnType<typeof usePage>['i18n']['t'], kind: ItemKind): string {
  return t(`publishing.kinds.${kind}` as never);
}

/** The title of a kind's feed, or of the lessons-learned collection's. */
export function feedTitle(t: ReturnType<typeof usePage>['i18n']['t'], kind: ItemKind | 'lessons'): string {
  return kind === 'lessons' ? t('publishing.collection.lessons-learned') : kindsLabel(t, kind);
}

/**
 * A cover image from the 320/640/1280 variants: lazy, with its box reserved (width/height).
 * `privateFrom`: the item's id when it is not published — its cover is not public media yet, so
 * it comes through the item's own check (`/publishing/covers/:id/:file`), never /media.
 */
export function CoverImage(props: {
  cover: Cover;
  alt: string;
  sizes?: string;
  eager?: boolean;
  class?: string;
  privateFrom?: number;
}) {
  const { cover } = props;
  const widths = Object.keys(cover.variants)
    .map(Number)
    .filter((w) => Number.isFinite(w))
    .sort((a, b) => a - b);
  if (!widths.length) return null;
  const src = (w: number) =>
    props.privateFrom === undefined
      ? `/media/${cover.id}/${cover.variants[String(w)]}`
      : `/publishing/covers/${props.privateFrom}/${cover.variants[String(w)]}`;
  const largest = widths[widths.length - 1]!;
  const small = widths.find((w) => w >= 640) ?? largest;
  // The stored size is the largest variant's; the box keeps its ratio at any width.
  const width = cover.width ?? largest;
  const height = cover.height ?? Math.round((width * 9) / 16);
  return (
    <img
      class={props.class ?? 'pub-cover'}
      src={src(small)}
      srcset={widths.map((w) => `${src(w)} ${Math.min(w, cover.width ?? w)}w`).join(', ')}
      sizes={props.sizes ?? '(min-width: 42rem) 40rem, 100vw'}
      width={width}
      height={height}
      alt={props.alt}
      loading={props.eager ? undefined : 'lazy'}
      decoding="async"
    />
  );
}

export function TownLinks(props: { towns: TownRef[] }) {
  const { i18n } = usePage();
  if (!props.towns.length) return null;
  return (
    <>
      {props.towns.map((tn, i) => (
        <>
          {i > 0 ? (i18n.locale === 'ar' ? '، ' : ', ') : ''}
          <a href={`/towns/${tn.pcode}`}>{localized(tn, 'name', i18n.locale)}</a>
        </>
      ))}
    </>
  );
}

export function OrgLink(props: { org: OrgRef | null }) {
  const { i18n } = usePage();
  if (!props.org) return <>{i18n.t('publishing.byNetwork')}</>;
  return <a href={`/organizations/${props.org.id}`}>{localized(props.org, 'name', i18n.locale)}</a>;
}

/** "By <name>" with the name isolated; a pseudonym says so. */
export function Byline(props: { byline: string; pseudonym: boolean; org: OrgRef | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!props.byline)
    return (
      <span class="byline">
        <OrgLink org={props.org} />
      </span>
    );
  return (
    <span class="byline">
      {t('publishing.by')} <bdi class="author">{props.byline}</bdi>
      {props.pseudonym ? <span class="badge">{t('publishing.pseudonym')}</span> : null}
      {props.org ? (
        <>
          {' · '}
          <OrgLink org={props.org} />
        </>
      ) : null}
    </span>
  );
}

export function ItemMeta(props: { item: ItemCard; showKind?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = props.item;
  return (
    <p class="meta">
      {props.showKind ? <span class="badge">{kindLabel(t, it.kind)}</span> : null}
      {it.kind === 'resource' && it.resource_type ? (
        <span class="badge">{t(`publishing.resourceType.${it.resource_type}` as never)}</span>
      ) : null}
      {it.published_at ? (
        <DateText value={it.activity_date && it.kind === 'activity' ? dayAsDate(it.activity_date) : it.published_at} />
      ) : null}
      {it.towns.length ? (
        <>
          {' · '}
          <TownLinks towns={it.towns} />
        </>
      ) : null}
      {' · '}
      <OrgLink org={it.organization} />
    </p>
  );
}

/** A card's title: a link, in the language of what it names. */
export function CardTitle(p: { href: string; title: string; lang: string; level: 2 | 3 }) {
  const H = p.level === 3 ? 'h3' : 'h2';
  return (
    <H lang={p.lang} dir="auto">
      <a href={p.href}>{p.title}</a>
    </H>
  );
}

export function ItemCardView(props: { item: ItemCard; showKind?: boolean; withCover?: boolean; headingLevel?: 2 | 3 }) {
  const it = props.item;
  return (
    <li class="card pub-card">
      {props.withCover !== false && it.cover ? (
        <CoverImage cover={it.cover} alt={it.cover_alt} sizes="(min-width: 42rem) 12rem, 100vw" class="pub-thumb" />
      ) : null}
      <CardTitle href={it.url} title={it.title} lang={it.lang} level={props.headingLevel ?? 2} />
      <ItemMeta item={it} showKind={props.showKind} />
      {it.summary ? (
        <p lang={it.lang} dir="auto">
          {it.summary}
        </p>
      ) : null}
    </li>
  );
}

export function ItemList(props: { items: ItemCard[]; showKind?: boolean; headingLevel?: 2 | 3; empty?: string }) {
  if (!props.items.length) return props.empty ? <Empty text={props.empty} /> : null;
  return (
    <ul class="card-list">
      {props.items.map((it) => (
        <ItemCardView item={it} showKind={props.showKind} headingLevel={props.headingLevel} />
      ))}
    </ul>
  );
}

export function formatBytes(i18n: ReturnType<typeof usePage>['i18n'], bytes: number): string {
  if (bytes >= 1024 * 1024) return i18n.t('publishing.size.mb', { n: Math.round((bytes / 1024 / 1024) * 10) / 10 });
  return i18n.t('publishing.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

/** The two languages an item is written in, as select options. */
export function languageOptions(t: ReturnType<typeof usePage>['i18n']['t']) {
  return [
    { value: 'ar', label: t('publishing.language.ar') },
    { value: 'en', label: t('publishing.language.en') },
  ];
}

/** Topic links as tags. */
export function TopicTags(props: { topics: readonly string[]; label?: string }) {
  const { t } = usePage().i18n;
  return (
    <ul class="tags" aria-label={props.label}>
      {props.topics.map((tp) => (
        <li>
          <a class="badge" href={`/topics/${tp}`}>
            {t(`publishing.topic.${tp}` as never)}
          </a>
        </li>
      ))}
    </ul>
  );
}

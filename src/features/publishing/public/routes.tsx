// The public site: listings with filters, item pages (canonical slugs), resource downloads,
// static pages and topics. What is public is decided at the request's moment (queries.ts `live`).
import fs from 'node:fs';
import { localized } from '../../../core/i18n/localized.js';
import { endpoint, notFound, page, redirectTo, type AnyCtx } from '../../../core/http/route.js';
import { bodyHtml } from '../markdown.js';
import { slugify } from '../../../core/text/slug.js';
import { getTown } from '../../../core/towns/queries.js';
import { asItem, itemLoader, siteNetwork } from '../permissions.js';
import {
  KIND_SEGMENT,
  LISTED_KINDS,
  PAGE_SIZE,
  TOPICS,
  absoluteUrl,
  itemPath,
  listPublished,
  liveCards,
  mediaRows,
  type ItemRow,
} from '../queries.js';
import { listQuery, type ListQuery } from '../schemas.js';
import type { ItemKind } from '../tables.js';
import { feedTitle } from '../views/components.js';
import { filterOptions, getPageByKey, publishedDossier, relatedItems, translationOf } from './queries.js';
import { ItemPage, type ResourceFile } from './views/item.js';
import type { Alternate } from './views/layout.js';
import { ListingPage, StaticPage, TopicPage, TopicsIndexPage } from './views/pages.js';

type ListedKind = Exclude<ItemKind, 'page'>;

const EXT_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const absolute = (c: AnyCtx, path: string) => absoluteUrl(c.wasl.config.baseUrl, path);

/** The feeds a listing links: its own, and the town's and organization's it is filtered by. */
async function listingFeeds(c: AnyCtx, kind: ListedKind, fixed: string | null, q: ListQuery): Promise<Alternate[]> {
  const feeds: Alternate[] = [
    fixed
      ? { title: feedTitle(c.t, 'lessons'), href: '/feeds/lessons-learned.xml' }
      : { title: feedTitle(c.t, kind), href: `/feeds/${KIND_SEGMENT[kind]}.xml` },
  ];
  const town = q.town ? await getTown(c.db, q.town) : null;
  if (town)
    feeds.push({
      title: c.t('publishing.feeds.townNamed', { town: localized(town, 'name', c.locale) }),
      href: `/feeds/towns/${q.town}.xml`,
    });
  const org = q.org
    ? await c.db.selectFrom('organizations').select(['name_ar', 'name_en']).where('id', '=', q.org).executeTakeFirst()
    : null;
  if (org)
    feeds.push({
      title: c.t('publishing.feeds.orgNamed', { org: localized(org, 'name', c.locale) }),
      href: `/feeds/organizations/${q.org}.xml`,
    });
  return feeds;
}

function listing(kind: ListedKind, fixedCollection: string | null = null) {
  const action = fixedCollection ? `/resources/${fixedCollection}` : `/${KIND_SEGMENT[kind]}`;
  return page(action, {
    access: 'public',
    query: listQuery,
    load: siteNetwork,
    async render(c, net) {
      const { query: q, t } = c;
      const resource = kind === 'resource';
      const { total, items } = await listPublished(
        c.db,
        {
          networkId: net,
          now: c.now,
          kinds: [kind],
          town: q.town ?? null,
          organizationId: q.org ?? null,
          topic: q.topic ?? null,
          lang: q.content ?? null,
          year: q.year ?? null,
          resourceType: resource ? (q.type ?? null) : null,
          collection: resource ? (fixedCollection ?? q.collection ?? null) : null,
        },
        { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
      );
      const [feeds, options] = await Promise.all([
        listingFeeds(c, kind, fixedCollection, q),
        filterOptions(c.db, net, [kind], c.now),
      ]);
      return (
        <ListingPage
          kind={kind}
          title={feedTitle(t, fixedCollection ? 'lessons' : kind)}
          intro={fixedCollection ? t('publishing.intro.lessons') : t(`publishing.intro.${kind}` as never)}
          action={action}
          items={items}
          total={total}
          page={q.page}
          pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
          values={{
            town: q.town,
            org: q.org,
            topic: q.topic,
            content: q.content,
            year: q.year,
            type: resource ? q.type : undefined,
            collection: resource && !fixedCollection ? q.collection : undefined,
          }}
          options={options}
          feeds={feeds}
          canonical={absolute(c, action)}
          extra={
            resource && !fixedCollection ? (
              <p>
                <a href="/resources/lessons-learned">{t('publishing.collection.lessons-learned')}</a> —{' '}
                {t('publishing.intro.lessons')}
              </p>
            ) : null
          }
        />
      );
    },
  });
}

async function resourceFile(c: AnyCtx, item: ItemRow): Promise<ResourceFile> {
  if (!item.file_media_id) return null;
  const media = (await mediaRows(c.db, [item.file_media_id])).get(item.file_media_id);
  if (!media) return null;
  return {
    url: `/resources/download/${item.id}`,
    bytes: media.bytes,
    mime: media.mime,
    pages: item.file_pages,
    ext: EXT_BY_MIME[media.mime] ?? 'pdf',
  };
}

/** An item's page; a missing or wrong slug is a 301 to the canonical URL. */
function itemPage(kind: ListedKind, path: `/${string}/:id` | `/${string}/:id/:slug`) {
  return page(path, {
    access: 'public',
    load: itemLoader('view', kind),
    async render(c, item) {
      const canonical = itemPath(item);
      if ((c.params as { slug?: string }).slug !== slugify(item.title)) return redirectTo(c.reply, canonical, 301);
      const published = item.status === 'published';
      // What a published item's page shows around it is the same for every reader: kept until the
      // next change, so a signed-in reader (whose page is never cached whole) does not recompute it.
      const around = () =>
        Promise.all([
          liveCards(c.db, [item], c.now),
          published ? relatedItems(c.db, item, 4, c.now) : [],
          publishedDossier(c.db, item.local_issue_id, c.now),
          item.kind === 'local_issue'
            ? listPublished(
                c.db,
                { networkId: item.network_id, now: c.now, localIssueId: item.id },
                { limit: 50, offset: 0 },
              )
            : null,
          translationOf(c.db, item, c.now),
        ]);
      const [[[card], related, dossier, dossierItems, translation], file] = await Promise.all([
        published ? c.wasl.remember(`publishing.item.${item.id}`, c.now, around) : around(),
        resourceFile(c, item),
      ]);
      const cover = card!.cover;
      const largest = cover
        ? Object.keys(cover.variants)
            .map(Number)
            .sort((a, b) => b - a)[0]
        : undefined;
      if (!published) c.reply.header('cache-control', 'no-store');
      return (
        <ItemPage
          item={{
            ...card!,
            body_html: await bodyHtml(item),
            updated_at: item.updated_at,
            first_published_at: item.first_published_at,
          }}
          isPublished={published}
          statusLabel={published ? null : c.t(`publishing.status.${item.status}` as never)}
          canManage={c.can('viewWorkflow', asItem(item))}
          related={related}
          dossier={dossier}
          dossierItems={dossierItems?.items ?? []}
          translation={
            translation ? { url: itemPath(translation), lang: translation.lang, title: translation.title } : null
          }
          file={file}
          externalUrl={item.kind === 'resource' ? item.external_url : null}
          absoluteUrl={absolute(c, canonical)}
          imageUrl={
            cover && largest ? `${c.wasl.config.baseUrl}/media/${cover.id}/${cover.variants[String(largest)]}` : null
          }
          alternates={[{ title: feedTitle(c.t, kind), href: `/feeds/${KIND_SEGMENT[kind]}.xml` }]}
        />
      );
    },
  });
}

export const publicRoutes = [
  ...LISTED_KINDS.map((kind) => listing(kind)),
  listing('resource', 'lessons-learned'),

  ...LISTED_KINDS.flatMap((kind) => [
    itemPage(kind, `/${KIND_SEGMENT[kind]}/:id`),
    itemPage(kind, `/${KIND_SEGMENT[kind]}/:id/:slug`),
  ]),

  // A resource's file: only once the resource is visible to the person asking.
  endpoint('GET', '/resources/download/:id', {
    access: 'public',
    load: itemLoader('view', 'resource'),
    async handle(c, item) {
      if (!item.file_media_id) notFound();
      const media = (await mediaRows(c.db, [item.file_media_id])).get(item.file_media_id);
      const name = media?.variants.file;
      const full = name ? c.wasl.media.filePath(item.file_media_id, name) : null;
      if (!media || !full || !fs.existsSync(full)) notFound();
      const ext = EXT_BY_MIME[media.mime] ?? name!.split('.').pop()!;
      const filename = `${slugify(item.title)}.${ext}`;
      return c.reply
        .header('cache-control', item.status === 'published' ? 'public, max-age=3600' : 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="wasl-resource-${item.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .type(media.mime)
        .send(fs.createReadStream(full));
    },
  }),

  // An unpublished item's cover, for those who may see the item (its writer, its organization's
  // staff, the editors): /media serves only published covers. Never kept by a shared cache.
  endpoint('GET', '/publishing/covers/:id/:file', {
    access: 'public',
    load: itemLoader('view'),
    async handle(c, item) {
      const file = (c.params as { file: string }).file;
      if (!item.cover_media_id) notFound();
      const media = (await mediaRows(c.db, [item.cover_media_id])).get(item.cover_media_id);
      const full = media && Object.values(media.variants).includes(file) ? c.wasl.media.filePath(media.id, file) : null;
      if (!media || !full || !fs.existsSync(full)) notFound();
      return c.reply
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .type(file.endsWith('.webp') ? 'image/webp' : media.mime)
        .send(fs.createReadStream(full));
    },
  }),

  page('/pages/:key', {
    access: 'public',
    load: siteNetwork,
    async render(c, net) {
      if (!/^[a-z][a-z0-9-]{1,40}$/.test(c.params.key)) notFound();
      const found = (await getPageByKey(c.db, net, c.params.key, c.locale, c.now)) ?? notFound();
      return (
        <StaticPage
          title={found.title}
          lang={found.lang}
          html={await bodyHtml(found)}
          updatedAt={found.updated_at}
          canonical={absolute(c, `/pages/${found.page_key}`)}
        />
      );
    },
  }),

  page('/topics', { access: 'public', render: () => <TopicsIndexPage /> }),

  page('/topics/:slug', {
    access: 'public',
    query: listQuery,
    async render(c) {
      const topic = TOPICS.find((tp) => tp === c.params.slug) ?? notFound();
      const net = await siteNetwork(c);
      const { total, items } = await listPublished(
        c.db,
        { networkId: net, now: c.now, kinds: LISTED_KINDS, topic },
        { limit: PAGE_SIZE, offset: (c.query.page - 1) * PAGE_SIZE },
      );
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      return <TopicPage topic={topic} items={items} total={total} page={c.query.page} pageCount={pageCount} />;
    },
  }),
];

// Publishing: the public site (listings, articles, search, topics, pages, feeds, sitemap) and the
// editorial workspace (drafts, submission, publication, revisions). See README.md.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import { audit } from '../../core/audit/index.js';
import { authorize } from '../../core/auth/authorize.js';
import { parseForm, seeOther } from '../../core/http/forms.js';
import { renderPage } from '../../core/http/render.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';
import { searchDocuments } from '../../core/search/index.js';
import { slugify } from '../../core/text/slug.js';
import { getTown } from '../../core/towns/queries.js';
import { registerSection } from '../../core/views/sections.js';
import { existingTownCodes, getDefaultNetwork } from '../organizations/queries.js';
import { atomFeed, sitemap, type FeedEntry } from './feeds.js';
import { markdownToText, renderMarkdown } from '../../core/text/markdown.js';
import { asItem, isEditor } from './permissions.js';
import {
  KIND_SEGMENT,
  KINDS,
  LISTED_KINDS,
  ORG_KINDS,
  PAGE_SIZE,
  TOPICS,
  createItem,
  editorQueue,
  getItem,
  getPageByKey,
  itemEvents,
  itemPath,
  itemRevisions,
  keyFigures,
  kindOfSegment,
  listForOrganizations,
  listIssues,
  listPublished,
  mediaRows,
  publishDue,
  publishItem,
  publishedByIds,
  publishedTowns,
  publishedYears,
  publishingOrganizations,
  relatedItems,
  returnItem,
  setFeatured,
  setMedia,
  sitemapEntries,
  submitItem,
  toCards,
  translationOf,
  unpublishItem,
  upcomingActivities,
  updateItem,
  type ItemCard,
  type ItemInput,
  type ItemRow,
  type ListFilters,
} from './queries.js';
import {
  damascusLocalToDate,
  featureForm,
  itemForm,
  listQuery,
  newItemQuery,
  publishForm,
  returnForm,
  searchQuery,
  submitForm,
  unpublishForm,
  type ItemFormData,
} from './schemas.js';
import { publishingStylesheet } from './styles.js';
import type { ItemKind } from './tables.js';
import { localName } from './views/components.js';
import {
  ItemPage,
  ListingPage,
  SearchPage,
  StaticPage,
  TopicPage,
  TopicsIndexPage,
  withParams,
  type Alternate,
  type FilterValues,
  type ResourceFile,
} from './views/public.js';
import { HomeSection, OrganizationSection, TownSection } from './views/sections.js';
import { DashboardPage, EditPage, ItemAdminPage, RevisionPage } from './views/workspace.js';

const SEARCH_PAGE_SIZE = 10;
const FEED_SIZE = 30;

type Req = FastifyRequest;

function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 && n <= 2 ** 31 - 1 ? n : null;
}

const EXT_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

// ——— sections (registered once per process; they read the app from the request) ———

let sectionsRegistered = false;
function registerPublishingSections() {
  if (sectionsRegistered) return;
  sectionsRegistered = true;
  registerSection({
    slot: 'home',
    order: 10,
    async load(req) {
      const db = req.server.wasl.db;
      await publishDue(db, req.now);
      const network = await getDefaultNetwork(db);
      if (!network) return null;
      const [featured, latest, upcoming, figures] = await Promise.all([
        listPublished(db, { networkId: network.id, featured: true }, { limit: 3, offset: 0 }),
        listPublished(db, { networkId: network.id, kinds: ['activity'] }, { limit: 6, offset: 0 }),
        upcomingActivities(db, network.id, req.now, 3),
        keyFigures(db, network.id),
      ]);
      const featuredIds = new Set(featured.items.map((i) => i.id));
      return (
        <HomeSection
          featured={featured.items}
          latest={latest.items.filter((i) => !featuredIds.has(i.id)).slice(0, 5)}
          upcoming={upcoming}
          figures={figures}
        />
      );
    },
  });
  registerSection({
    slot: 'town',
    order: 10,
    async load(req, pcode) {
      const db = req.server.wasl.db;
      await publishDue(db, req.now);
      const network = await getDefaultNetwork(db);
      if (!network) return null;
      const [activities, issues] = await Promise.all([
        listPublished(db, { networkId: network.id, kinds: ['activity'], town: pcode }, { limit: 5, offset: 0 }),
        listPublished(db, { networkId: network.id, kinds: ['local_issue'], town: pcode }, { limit: 5, offset: 0 }),
      ]);
      return (
        <TownSection
          pcode={pcode}
          activities={activities.items}
          activityTotal={activities.total}
          issues={issues.items}
        />
      );
    },
  });
  registerSection({
    slot: 'organization',
    order: 10,
    async load(req, key) {
      const db = req.server.wasl.db;
      const orgId = parseId(key);
      if (!orgId) return null;
      await publishDue(db, req.now);
      const org = await db
        .selectFrom('organizations')
        .select(['network_id'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!org) return null;
      const res = await listPublished(
        db,
        { networkId: org.network_id, kinds: LISTED_KINDS, organizationId: orgId },
        { limit: 6, offset: 0 },
      );
      return <OrganizationSection orgId={orgId} items={res.items} total={res.total} />;
    },
  });
}

// ——— the plugin ———

export const publishingRoutes: FastifyPluginAsync = async (app) => {
  const { db, dialect, config } = app.wasl;
  const base = config.baseUrl;
  const abs = (path: string) => base + encodeURI(path);
  registerPublishingSections();

  app.get(publishingStylesheet.href, { config: { access: 'public' } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/css; charset=utf-8')
      .send(publishingStylesheet.body),
  );

  async function networkId(): Promise<number | null> {
    return (await getDefaultNetwork(db))?.id ?? null;
  }

  async function filterOptions(net: number, kinds: ItemKind[]) {
    const [towns, orgs, years] = await Promise.all([
      publishedTowns(db, net),
      publishingOrganizations(db, net),
      publishedYears(db, net, kinds),
    ]);
    return { towns, orgs, years };
  }

  // ——— listings ———

  const feedTitle = (req: Req, kind: ItemKind | 'lessons') =>
    kind === 'lessons'
      ? req.i18n.t('publishing.collection.lessons-learned')
      : req.i18n.t(`publishing.kinds.${kind}` as never);

  function listingHandler(kind: Exclude<ItemKind, 'page'>, fixedCollection: string | null = null) {
    return async (req: Req, reply: FastifyReply) => {
      await publishDue(db, req.now);
      const net = await networkId();
      if (!net) return reply.callNotFound();
      const q = listQuery.parse(req.query ?? {});
      const collection = fixedCollection ?? q.collection ?? null;
      const filters: ListFilters = {
        networkId: net,
        kinds: [kind],
        town: q.town ?? null,
        organizationId: q.org ?? null,
        topic: q.topic ?? null,
        lang: q.lang ?? null,
        year: q.year ?? null,
        resourceType: kind === 'resource' ? (q.type ?? null) : null,
        collection: kind === 'resource' ? collection : null,
      };
      const { total, items } = await listPublished(db, filters, {
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      });
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const segment = KIND_SEGMENT[kind];
      const action = fixedCollection ? `/resources/${fixedCollection}` : `/${segment}`;
      const feeds: Alternate[] = [
        fixedCollection
          ? { title: feedTitle(req, 'lessons'), href: '/feeds/lessons-learned.xml' }
          : { title: feedTitle(req, kind), href: `/feeds/${segment}.xml` },
      ];
      if (q.town) {
        const town = await getTown(db, q.town);
        if (town)
          feeds.push({
            title: req.i18n.t('publishing.feeds.townNamed', { town: localName(town, req.i18n.locale) }),
            href: `/feeds/towns/${q.town}.xml`,
          });
      }
      if (q.org) {
        const org = await db
          .selectFrom('organizations')
          .select(['name_ar', 'name_en'])
          .where('id', '=', q.org)
          .executeTakeFirst();
        if (org)
          feeds.push({
            title: req.i18n.t('publishing.feeds.orgNamed', { org: localName(org, req.i18n.locale) }),
            href: `/feeds/organizations/${q.org}.xml`,
          });
      }
      const values: FilterValues = {
        town: q.town,
        org: q.org,
        topic: q.topic,
        lang: q.lang,
        year: q.year,
        type: kind === 'resource' ? q.type : undefined,
        collection: kind === 'resource' && !fixedCollection ? q.collection : undefined,
      };
      const t = req.i18n.t;
      const title = fixedCollection
        ? t('publishing.collection.lessons-learned')
        : t(`publishing.kinds.${kind}` as never);
      const intro = fixedCollection ? t('publishing.intro.lessons') : t(`publishing.intro.${kind}` as never);
      return renderPage(
        req,
        reply,
        <ListingPage
          kind={kind}
          title={title}
          intro={intro}
          action={action}
          items={items}
          total={total}
          page={q.page}
          pageCount={pageCount}
          values={values}
          options={await filterOptions(net, [kind])}
          feeds={feeds}
          canonical={abs(action)}
          extra={
            kind === 'resource' && !fixedCollection ? (
              <p>
                <a href="/resources/lessons-learned">{t('publishing.collection.lessons-learned')}</a> —{' '}
                {t('publishing.intro.lessons')}
              </p>
            ) : null
          }
        />,
      );
    };
  }

  for (const kind of LISTED_KINDS) {
    app.get(`/${KIND_SEGMENT[kind]}`, { config: { access: 'public' } }, listingHandler(kind));
  }
  app.get(
    '/resources/lessons-learned',
    { config: { access: 'public' } },
    listingHandler('resource', 'lessons-learned'),
  );

  // ——— item pages ———

  async function loadViewable(req: Req, rawId: string | undefined): Promise<ItemRow | null> {
    const id = parseId(rawId);
    if (!id) return null;
    await publishDue(db, req.now);
    const item = await getItem(db, id);
    if (!item || !authorize(req.actor, 'view', asItem(item))) return null;
    return item;
  }

  async function resourceFile(item: ItemRow): Promise<ResourceFile> {
    if (!item.file_media_id) return null;
    const media = (await mediaRows(db, [item.file_media_id])).get(item.file_media_id);
    if (!media) return null;
    return {
      url: `/resources/download/${item.id}`,
      bytes: media.bytes,
      mime: media.mime,
      pages: item.file_pages,
      ext: EXT_BY_MIME[media.mime] ?? 'pdf',
    };
  }

  function itemHandler(kind: Exclude<ItemKind, 'page'>) {
    return async (req: FastifyRequest<{ Params: { id: string; slug?: string } }>, reply: FastifyReply) => {
      const item = await loadViewable(req, req.params.id);
      if (!item || item.kind !== kind) return reply.callNotFound();
      const canonical = itemPath(item);
      if (req.params.slug !== slugify(item.title)) return reply.redirect(encodeURI(canonical), 301);
      const [card] = await toCards(db, [item]);
      const published = item.status === 'published';
      const [related, dossierRow, dossierItems, translation, file] = await Promise.all([
        published ? relatedItems(db, item, 4) : Promise.resolve([]),
        item.local_issue_id ? getItem(db, item.local_issue_id) : Promise.resolve(null),
        item.kind === 'local_issue'
          ? listPublished(db, { networkId: item.network_id, localIssueId: item.id }, { limit: 50, offset: 0 })
          : Promise.resolve({ items: [] as ItemCard[], total: 0 }),
        translationOf(db, item),
        resourceFile(item),
      ]);
      const dossier =
        dossierRow && dossierRow.status === 'published' ? ((await toCards(db, [dossierRow]))[0] ?? null) : null;
      const cover = card!.cover;
      const largest = cover
        ? Object.keys(cover.variants)
            .map(Number)
            .sort((a, b) => b - a)[0]
        : undefined;
      const t = req.i18n.t;
      if (!published) reply.header('cache-control', 'no-store');
      return renderPage(
        req,
        reply,
        <ItemPage
          item={{
            ...card!,
            body_html: renderMarkdown(item.body),
            updated_at: item.updated_at,
            first_published_at: item.first_published_at,
          }}
          isPublished={published}
          statusLabel={published ? null : t(`publishing.status.${item.status}` as never)}
          canManage={authorize(req.actor, 'viewWorkflow', asItem(item))}
          related={related}
          dossier={dossier}
          dossierItems={dossierItems.items}
          translation={
            translation ? { url: itemPath(translation), lang: translation.lang, title: translation.title } : null
          }
          file={file}
          externalUrl={item.kind === 'resource' ? item.external_url : null}
          absoluteUrl={abs(canonical)}
          imageUrl={cover && largest ? `${base}/media/${cover.id}/${cover.variants[String(largest)]}` : null}
          alternates={[{ title: feedTitle(req, kind), href: `/feeds/${KIND_SEGMENT[kind]}.xml` }]}
        />,
      );
    };
  }

  for (const kind of LISTED_KINDS) {
    const seg = KIND_SEGMENT[kind];
    app.get(`/${seg}/:id`, { config: { access: 'public' } }, itemHandler(kind));
    app.get(`/${seg}/:id/:slug`, { config: { access: 'public' } }, itemHandler(kind));
  }

  // A resource's file: only once the resource is visible to the person asking.
  app.get<{ Params: { id: string } }>(
    '/resources/download/:id',
    { config: { access: 'public' } },
    async (req, reply) => {
      const item = await loadViewable(req, req.params.id);
      if (!item || item.kind !== 'resource' || !item.file_media_id) return reply.callNotFound();
      const media = (await mediaRows(db, [item.file_media_id])).get(item.file_media_id);
      const name = media?.variants.file;
      const full = name ? app.wasl.media.filePath(item.file_media_id, name) : null;
      if (!media || !full || !fs.existsSync(full)) return reply.callNotFound();
      const ext = EXT_BY_MIME[media.mime] ?? name!.split('.').pop()!;
      const filename = `${slugify(item.title)}.${ext}`;
      return reply
        .header('cache-control', item.status === 'published' ? 'public, max-age=3600' : 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="wasl-resource-${item.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .type(media.mime)
        .send(fs.createReadStream(full));
    },
  );

  // ——— static pages ———

  app.get<{ Params: { key: string } }>('/pages/:key', { config: { access: 'public' } }, async (req, reply) => {
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(req.params.key)) return reply.callNotFound();
    const net = await networkId();
    if (!net) return reply.callNotFound();
    await publishDue(db, req.now);
    const page = await getPageByKey(db, net, req.params.key, req.i18n.locale);
    if (!page) return reply.callNotFound();
    return renderPage(
      req,
      reply,
      <StaticPage
        title={page.title}
        lang={page.lang}
        html={renderMarkdown(page.body)}
        updatedAt={page.updated_at}
        canonical={abs(`/pages/${page.page_key}`)}
      />,
    );
  });

  // ——— topics ———

  app.get('/topics', { config: { access: 'public' } }, async (req, reply) =>
    renderPage(req, reply, <TopicsIndexPage />),
  );

  app.get<{ Params: { slug: string } }>('/topics/:slug', { config: { access: 'public' } }, async (req, reply) => {
    const topic = TOPICS.find((tp) => tp === req.params.slug);
    if (!topic) return reply.callNotFound();
    const net = await networkId();
    if (!net) return reply.callNotFound();
    await publishDue(db, req.now);
    const q = listQuery.parse(req.query ?? {});
    const { total, items } = await listPublished(
      db,
      { networkId: net, kinds: LISTED_KINDS, topic },
      { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
    );
    return renderPage(
      req,
      reply,
      <TopicPage
        topic={topic}
        items={items}
        total={total}
        page={q.page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      />,
    );
  });

  // ——— search ———

  app.get('/search', { config: { access: 'public' } }, async (req, reply) => {
    await publishDue(db, req.now);
    const net = await networkId();
    if (!net) return reply.callNotFound();
    const q = searchQuery.parse(req.query ?? {});
    const kind = q.kind ? kindOfSegment(q.kind) : null;
    const kinds: ItemKind[] = kind ? [kind] : KINDS;
    const values: FilterValues = {
      q: q.q ?? '',
      kind: q.kind,
      town: q.town,
      org: q.org,
      topic: q.topic,
      lang: q.lang,
      year: q.year,
    };
    const text = q.q ?? '';
    let results: { card: ItemCard; excerpt: { text: string; marked: boolean }[] }[] = [];
    let total = 0;
    if (text) {
      const facets: Record<string, string> = {};
      if (q.town) facets.town = q.town;
      if (q.org) facets.organization = String(q.org);
      if (q.topic) facets.topic = q.topic;
      if (q.lang) facets.language = q.lang;
      if (q.year) facets.year = String(q.year);
      const found = await searchDocuments(db, dialect, {
        q: text,
        kinds,
        facets,
        networkId: net,
        limit: SEARCH_PAGE_SIZE,
        offset: (q.page - 1) * SEARCH_PAGE_SIZE,
        now: req.now,
      });
      total = found.total;
      const cards = await publishedByIds(
        db,
        found.hits.map((h) => Number(h.refId)),
      );
      results = found.hits
        .map((h) => ({ card: cards.get(Number(h.refId)), excerpt: h.excerpt }))
        .filter((r): r is { card: ItemCard; excerpt: typeof r.excerpt } => r.card !== undefined);
    } else if (q.town || q.org || q.topic || q.lang || q.year || kind) {
      // No words but filters: browse everything that matches them, newest first.
      const list = await listPublished(
        db,
        {
          networkId: net,
          kinds: kind ? [kind] : LISTED_KINDS,
          town: q.town,
          organizationId: q.org,
          topic: q.topic,
          lang: q.lang,
          year: q.year,
        },
        { limit: SEARCH_PAGE_SIZE, offset: (q.page - 1) * SEARCH_PAGE_SIZE },
      );
      total = list.total;
      results = list.items.map((card) => ({
        card,
        excerpt: card.summary ? [{ text: card.summary, marked: false }] : [],
      }));
    }
    const browsing = !text && results.length > 0;
    return renderPage(
      req,
      reply,
      <SearchPage
        q={browsing ? ' ' : text}
        values={values}
        options={await filterOptions(net, kinds)}
        results={results}
        total={total}
        page={q.page}
        pageCount={Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))}
      />,
    );
  });

  // ——— feeds and sitemap ———

  async function feedEntries(req: Req, items: ItemCard[]): Promise<FeedEntry[]> {
    const rows = items.length
      ? await db
          .selectFrom('pub_items')
          .select(['id', 'updated_at', 'first_published_at'])
          .where(
            'id',
            'in',
            items.map((i) => i.id),
          )
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((it) => {
      const row = byId.get(it.id);
      return {
        id: `${base}/${KIND_SEGMENT[it.kind]}/${it.id}`,
        url: abs(it.url),
        title: it.title,
        summary: it.summary,
        lang: it.lang,
        author: it.byline || (it.organization ? localName(it.organization, it.lang) : req.i18n.t('common.siteName')),
        published: row?.first_published_at ?? it.published_at ?? '',
        updated: it.published_at ?? row?.updated_at ?? '',
        categories: it.topics,
      };
    });
  }

  async function sendFeed(
    req: Req,
    reply: FastifyReply,
    opts: { title: string; self: string; html: string; filters: Omit<ListFilters, 'networkId'> },
  ) {
    await publishDue(db, req.now);
    const net = await networkId();
    if (!net) return reply.callNotFound();
    const { items } = await listPublished(
      db,
      { networkId: net, kinds: LISTED_KINDS, ...opts.filters },
      { limit: FEED_SIZE, offset: 0 },
    );
    const entries = await feedEntries(req, items);
    const xml = atomFeed({
      id: abs(opts.self),
      title: `${opts.title} · ${req.i18n.t('common.siteName')}`,
      selfUrl: abs(opts.self),
      htmlUrl: abs(opts.html),
      lang: req.i18n.locale,
      updated: entries[0]?.updated || req.now.toISOString(),
      entries,
    });
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  }

  app.get<{ Params: { file: string } }>('/feeds/:file', { config: { access: 'public' } }, async (req, reply) => {
    const m = /^([a-z-]+)\.xml$/.exec(req.params.file);
    if (!m) return reply.callNotFound();
    const name = m[1]!;
    if (name === 'all')
      return sendFeed(req, reply, {
        title: req.i18n.t('publishing.feeds.all'),
        self: '/feeds/all.xml',
        html: '/',
        filters: {},
      });
    if (name === 'lessons-learned')
      return sendFeed(req, reply, {
        title: feedTitle(req, 'lessons'),
        self: '/feeds/lessons-learned.xml',
        html: '/resources/lessons-learned',
        filters: { kinds: ['resource'], collection: 'lessons-learned' },
      });
    const kind = kindOfSegment(name);
    if (!kind || kind === 'page') return reply.callNotFound();
    return sendFeed(req, reply, {
      title: feedTitle(req, kind),
      self: `/feeds/${name}.xml`,
      html: `/${name}`,
      filters: { kinds: [kind] },
    });
  });

  app.get<{ Params: { file: string } }>('/feeds/towns/:file', { config: { access: 'public' } }, async (req, reply) => {
    const m = /^(C\d{4,6})\.xml$/i.exec(req.params.file);
    if (!m) return reply.callNotFound();
    const town = await getTown(db, m[1]!.toUpperCase());
    if (!town) return reply.callNotFound();
    return sendFeed(req, reply, {
      title: req.i18n.t('publishing.feeds.townNamed', { town: localName(town, req.i18n.locale) }),
      self: `/feeds/towns/${town.pcode}.xml`,
      html: `/towns/${town.pcode}`,
      filters: { town: town.pcode },
    });
  });

  app.get<{ Params: { file: string } }>(
    '/feeds/organizations/:file',
    { config: { access: 'public' } },
    async (req, reply) => {
      const m = /^(\d{1,10})\.xml$/.exec(req.params.file);
      const id = m ? parseId(m[1]) : null;
      if (!id) return reply.callNotFound();
      const org = await db
        .selectFrom('organizations')
        .select(['id', 'name_ar', 'name_en'])
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!org) return reply.callNotFound();
      return sendFeed(req, reply, {
        title: req.i18n.t('publishing.feeds.orgNamed', { org: localName(org, req.i18n.locale) }),
        self: `/feeds/organizations/${org.id}.xml`,
        html: `/organizations/${org.id}`,
        filters: { organizationId: org.id },
      });
    },
  );

  app.get('/sitemap.xml', { config: { access: 'public' } }, async (req, reply) => {
    await publishDue(db, req.now);
    const net = await networkId();
    const entries = net ? await sitemapEntries(db, net) : [];
    const towns = net ? await publishedTowns(db, net) : [];
    const orgs = net ? await publishingOrganizations(db, net) : [];
    const urls = [
      { loc: `${base}/` },
      ...LISTED_KINDS.map((k) => ({ loc: `${base}/${KIND_SEGMENT[k]}` })),
      { loc: `${base}/resources/lessons-learned` },
      ...TOPICS.map((tp) => ({ loc: `${base}/topics/${tp}` })),
      ...towns.map((tn) => ({ loc: `${base}/towns/${tn.pcode}` })),
      ...orgs.map((o) => ({ loc: `${base}/organizations/${o.id}` })),
      ...entries.map((e) => ({ loc: base + e.url, lastmod: e.lastmod })),
    ];
    return reply
      .header('cache-control', 'public, max-age=3600')
      .type('application/xml; charset=utf-8')
      .send(sitemap(urls));
  });

  registerWorkspace(app);
};

// ——— the editorial workspace ———

function registerWorkspace(app: FastifyInstance) {
  const { db } = app.wasl;

  /** Organizations the actor works for, with names. */
  async function actorOrgs(req: Req) {
    const ids = [...req.actor.orgRoles.keys()];
    if (!ids.length) return [];
    return db
      .selectFrom('organizations')
      .select(['id', 'name_ar', 'name_en', 'network_id'])
      .where('id', 'in', ids)
      .orderBy('name_ar')
      .execute();
  }

  /** Networks where the actor is an editor (or admin). */
  function editorNetworks(req: Req): number[] {
    return [...req.actor.networkRoles.keys()].filter((n) => isEditor(req.actor, n));
  }

  app.get('/publishing', { config: { access: 'member' } }, async (req, reply) => {
    const orgs = await actorOrgs(req);
    const nets = editorNetworks(req);
    const items = await listForOrganizations(
      db,
      orgs.map((o) => o.id),
    );
    const queue = nets.length ? (await Promise.all(nets.map((n) => editorQueue(db, n)))).flat() : [];
    return renderPage(
      req,
      reply,
      <DashboardPage
        orgs={orgs.map((o) => ({
          ...o,
          canCreate: ORG_KINDS,
          items: items.filter((i) => i.organization?.id === o.id),
        }))}
        editor={nets.length ? { queue, kinds: ['news', 'page', 'local_issue', 'resource'] } : null}
      />,
    );
  });

  /** The organizations the actor may pick in the form (all of the network's for an editor). */
  async function orgChoices(req: Req, net: number) {
    if (isEditor(req.actor, net)) return publishingOrganizations(db, net);
    return (await actorOrgs(req)).filter((o) => o.network_id === net);
  }

  async function formContext(req: Req, net: number) {
    const [orgOptions, issues] = await Promise.all([orgChoices(req, net), listIssues(db, net)]);
    return { orgOptions, issues, allowNetwork: isEditor(req.actor, net) };
  }

  function toInput(kind: ItemKind, d: ItemFormData, projectId: number | null): ItemInput {
    return {
      kind,
      organizationId: d.organization_id,
      lang: d.lang,
      title: d.title,
      summary: d.summary,
      body: d.body.replace(/\r\n/g, '\n'),
      byline: d.byline,
      bylinePseudonym: kind === 'opinion' && d.byline_pseudonym,
      towns: d.towns,
      topics: d.topics,
      collection: d.collection,
      resourceType: kind === 'resource' ? (d.resource_type ?? 'guide') : null,
      pageKey: d.page_key,
      translationOf: d.translation_of,
      localIssueId: d.local_issue_id,
      projectId,
      activityDate: d.activity_date,
      coverAlt: d.cover_alt,
      filePages: d.file_pages,
      externalUrl: d.external_url,
    };
  }

  /** Checks that need the database; returns field errors (empty when all is well). */
  async function crossCheck(req: Req, net: number, kind: ItemKind, d: ItemFormData, selfId: number | null) {
    const t = req.i18n.t;
    const errors: Record<string, string> = {};
    const canCreateThere = authorize(req.actor, 'create', {
      type: 'publishingNew',
      networkId: net,
      organizationId: d.organization_id,
      kind,
    });
    if (!canCreateThere) errors.organization_id = t('publishing.form.badOrganization');
    if (d.organization_id !== null) {
      const org = await db
        .selectFrom('organizations')
        .select('network_id')
        .where('id', '=', d.organization_id)
        .executeTakeFirst();
      if (!org || org.network_id !== net) errors.organization_id = t('publishing.form.badOrganization');
    }
    if (d.towns.length) {
      const known = await existingTownCodes(db, d.towns);
      const unknown = d.towns.filter((p) => !known.has(p));
      if (unknown.length) errors.towns = t('publishing.form.unknownTowns', { codes: unknown.join(', ') });
    }
    if (kind === 'page' && !d.page_key) errors.page_key = t('form.required');
    if (kind === 'opinion' && d.byline_pseudonym && !d.byline) errors.byline = t('publishing.form.pseudonymNeedsName');
    if (d.translation_of !== null) {
      const other = await getItem(db, d.translation_of);
      if (!other || other.id === selfId || other.network_id !== net || !authorize(req.actor, 'view', asItem(other)))
        errors.translation_of = t('publishing.form.badTranslation');
    }
    if (d.local_issue_id !== null) {
      const issue = await getItem(db, d.local_issue_id);
      if (!issue || issue.kind !== 'local_issue' || issue.status !== 'published' || issue.network_id !== net)
        errors.local_issue_id = t('form.invalidChoice');
    }
    return errors;
  }

  /** Stores uploaded cover and file; returns their ids or a field error. */
  async function saveUploads(req: Req, d: ItemFormData, organizationId: number | null) {
    const out: { cover?: string; file?: string; errors: Record<string, string> } = { errors: {} };
    const cover = d.cover as UploadedFile | null | undefined;
    if (cover && typeof cover === 'object' && cover.data) {
      const saved = await app.wasl.media.save(
        db,
        cover,
        { userId: req.actor.user!.id, organizationId, isPublic: true, imagesOnly: true },
        req.now,
      );
      if (saved.ok) out.cover = saved.media.id;
      else out.errors.cover = uploadErrorMessage(req.i18n, saved.error);
    }
    const file = d.file as UploadedFile | null | undefined;
    if (file && typeof file === 'object' && file.data) {
      const saved = await app.wasl.media.save(
        db,
        file,
        { userId: req.actor.user!.id, organizationId, isPublic: false },
        req.now,
      );
      if (saved.ok && saved.media.mime.startsWith('image/'))
        out.errors.file = req.i18n.t('publishing.form.fileNotImage');
      else if (saved.ok) out.file = saved.media.id;
      else out.errors.file = uploadErrorMessage(req.i18n, saved.error);
    }
    return out;
  }

  // New items: org staff write for their organizations (/publishing/new), editors for the
  // network or any member organization (/publishing/network/new).
  for (const mode of ['org', 'network'] as const) {
    const path = mode === 'org' ? '/publishing/new' : '/publishing/network/new';
    const access = mode === 'org' ? ('orgStaff' as const) : ('networkEditor' as const);

    const allowed = (req: Req, net: number, orgId: number | null, kind: ItemKind) =>
      mode === 'network'
        ? isEditor(req.actor, net) &&
          authorize(req.actor, 'create', { type: 'publishingNew', networkId: net, organizationId: orgId, kind })
        : orgId !== null &&
          authorize(req.actor, 'create', { type: 'publishingNew', networkId: net, organizationId: orgId, kind });

    app.get(path, { config: { access } }, async (req, reply) => {
      const q = newItemQuery.parse(req.query ?? {});
      const net = (await getDefaultNetwork(db))?.id;
      if (!net) return reply.callNotFound();
      const orgId = q.org ?? (mode === 'org' ? ([...req.actor.orgRoles.keys()][0] ?? null) : null);
      if (!allowed(req, net, orgId, q.kind)) return reply.callNotFound();
      const ctx = await formContext(req, net);
      return renderPage(
        req,
        reply,
        <EditPage
          kind={q.kind}
          action={`${path}?kind=${q.kind}`}
          isNew
          values={{ organization_id: orgId ?? '', lang: req.i18n.locale === 'en' ? 'en' : 'ar' }}
          hasCover={false}
          hasFile={false}
          {...ctx}
          allowNetwork={mode === 'network'}
        />,
      );
    });

    app.post(path, { config: { access } }, async (req, reply) => {
      const q = newItemQuery.parse(req.query ?? {});
      const net = (await getDefaultNetwork(db))?.id;
      if (!net) return reply.callNotFound();
      // Someone who may create nothing of this kind learns nothing here.
      const someOrg = mode === 'org' ? ([...req.actor.orgRoles.keys()][0] ?? null) : null;
      if (!allowed(req, net, someOrg, q.kind)) return reply.callNotFound();
      const ctx = { ...(await formContext(req, net)), allowNetwork: mode === 'network' };
      const action = `${path}?kind=${q.kind}`;
      const form = parseForm(itemForm, req.body, req.i18n);
      const again = (values: Record<string, unknown>, errors: Record<string, string>) =>
        renderPage(
          req,
          reply,
          <EditPage
            kind={q.kind}
            action={action}
            isNew
            values={values}
            errors={errors}
            hasCover={false}
            hasFile={false}
            {...ctx}
          />,
          400,
        );
      if (!form.ok) return again(form.raw, form.errors);
      const errors = await crossCheck(req, net, q.kind, form.data, null);
      if (!errors.organization_id && !allowed(req, net, form.data.organization_id, q.kind))
        errors.organization_id = req.i18n.t('publishing.form.badOrganization');
      if (Object.keys(errors).length) return again(form.raw, errors);
      const uploads = await saveUploads(req, form.data, form.data.organization_id);
      if (Object.keys(uploads.errors).length) return again(form.raw, uploads.errors);
      const id = await createItem(db, net, toInput(q.kind, form.data, null), req.actor.user!.id, req.now);
      if (uploads.cover) await setMedia(db, id, 'cover_media_id', uploads.cover);
      if (uploads.file) await setMedia(db, id, 'file_media_id', uploads.file);
      reply.flashNext('publishing.flash.saved');
      return seeOther(reply, `/publishing/items/${id}`);
    });
  }

  /** An item the actor may see in the workspace, or null (→ 404). */
  async function loadForWorkflow(req: Req, rawId: string | undefined) {
    const id = parseId(rawId);
    if (!id) return null;
    await publishDue(db, req.now);
    const item = await getItem(db, id);
    if (!item || !authorize(req.actor, 'viewWorkflow', asItem(item))) return null;
    return item;
  }

  function editValues(item: ItemRow, towns: string[], topics: string[]) {
    return {
      organization_id: item.organization_id ?? '',
      lang: item.lang,
      title: item.title,
      summary: item.summary,
      body: item.body,
      byline: item.byline,
      byline_pseudonym: item.byline_pseudonym === 1,
      towns,
      topics,
      collection: item.collection ?? '',
      resource_type: item.resource_type ?? '',
      page_key: item.page_key ?? '',
      translation_of: item.translation_of ?? '',
      local_issue_id: item.local_issue_id ?? '',
      activity_date: item.activity_date ?? '',
      cover_alt: item.cover_alt,
      file_pages: item.file_pages ?? '',
      external_url: item.external_url ?? '',
    };
  }

  app.get<{ Params: { id: string } }>(
    '/publishing/items/:id/edit',
    { config: { access: 'member' } },
    async (req, reply) => {
      const item = await loadForWorkflow(req, req.params.id);
      if (!item || !authorize(req.actor, 'edit', asItem(item))) return reply.callNotFound();
      const [card] = await toCards(db, [item]);
      const ctx = await formContext(req, item.network_id);
      return renderPage(
        req,
        reply,
        <EditPage
          kind={item.kind}
          action={`/publishing/items/${item.id}/edit`}
          isNew={false}
          values={editValues(
            item,
            card!.towns.map((t) => t.pcode),
            card!.topics,
          )}
          hasCover={!!item.cover_media_id}
          hasFile={!!item.file_media_id}
          {...ctx}
          orgOptions={withCurrentOrg(ctx.orgOptions, card!.organization)}
        />,
      );
    },
  );

  function withCurrentOrg<T extends { id: number; name_ar: string; name_en: string }>(
    options: T[],
    current: { id: number; name_ar: string; name_en: string } | null,
  ) {
    if (!current || options.some((o) => o.id === current.id)) return options;
    return [...options, current];
  }

  app.post<{ Params: { id: string } }>(
    '/publishing/items/:id/edit',
    { config: { access: 'member' } },
    async (req, reply) => {
      const item = await loadForWorkflow(req, req.params.id);
      if (!item || !authorize(req.actor, 'edit', asItem(item))) return reply.callNotFound();
      const ctx = await formContext(req, item.network_id);
      const [card] = await toCards(db, [item]);
      const action = `/publishing/items/${item.id}/edit`;
      const again = (values: Record<string, unknown>, errors: Record<string, string>) =>
        renderPage(
          req,
          reply,
          <EditPage
            kind={item.kind}
            action={action}
            isNew={false}
            values={values}
            errors={errors}
            hasCover={!!item.cover_media_id}
            hasFile={!!item.file_media_id}
            {...ctx}
            orgOptions={withCurrentOrg(ctx.orgOptions, card!.organization)}
          />,
          400,
        );
      const form = parseForm(itemForm, req.body, req.i18n);
      if (!form.ok) return again(form.raw, form.errors);
      const errors = await crossCheck(req, item.network_id, item.kind, form.data, item.id);
      // Keeping the organization it already has is always allowed to whoever may edit the item.
      if (errors.organization_id && form.data.organization_id === item.organization_id) delete errors.organization_id;
      if (Object.keys(errors).length) return again(form.raw, errors);
      const uploads = await saveUploads(req, form.data, form.data.organization_id);
      if (Object.keys(uploads.errors).length) return again(form.raw, uploads.errors);
      if (uploads.cover) await setMedia(db, item.id, 'cover_media_id', uploads.cover);
      if (uploads.file) await setMedia(db, item.id, 'file_media_id', uploads.file);
      await updateItem(db, item.id, toInput(item.kind, form.data, item.project_id), req.actor.user!.id, req.now);
      if (item.status === 'published')
        await audit(db, req.now, {
          actorUserId: req.actor.user!.id,
          action: 'publishing.published_item_edited',
          targetType: 'publishing_item',
          targetId: item.id,
          organizationId: item.organization_id,
          ip: req.ip,
        });
      reply.flashNext('publishing.flash.saved');
      return seeOther(reply, `/publishing/items/${item.id}`);
    },
  );

  async function adminPage(
    req: Req,
    reply: FastifyReply,
    item: ItemRow,
    errors?: Record<string, string>,
    status = 200,
  ) {
    const [[card], events, revisions] = await Promise.all([
      toCards(db, [item]),
      itemEvents(db, item.id),
      itemRevisions(db, item.id),
    ]);
    const res = asItem(item);
    const publicUrl = item.kind === 'page' ? `/publishing/items/${item.id}` : itemPath(item);
    return renderPage(
      req,
      reply,
      <ItemAdminPage
        item={{
          ...card!,
          body_html: renderMarkdown(item.body),
          return_comment: item.return_comment,
          publish_at: item.publish_at,
        }}
        publicUrl={item.kind === 'page' && item.status === 'published' ? itemPath(item) : publicUrl}
        can={{
          edit: authorize(req.actor, 'edit', res),
          submit: authorize(req.actor, 'submit', res),
          publish: authorize(req.actor, 'publish', res),
          return: authorize(req.actor, 'return', res),
          feature: authorize(req.actor, 'feature', res),
          unpublish: authorize(req.actor, 'unpublish', res),
        }}
        events={events}
        revisions={revisions}
        errors={errors}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/publishing/items/:id', { config: { access: 'member' } }, async (req, reply) => {
    const item = await loadForWorkflow(req, req.params.id);
    if (!item) return reply.callNotFound();
    return adminPage(req, reply, item);
  });

  app.get<{ Params: { id: string; n: string } }>(
    '/publishing/items/:id/revisions/:n',
    { config: { access: 'member' } },
    async (req, reply) => {
      const item = await loadForWorkflow(req, req.params.id);
      const n = parseId(req.params.n);
      if (!item || !n) return reply.callNotFound();
      const rev = (await itemRevisions(db, item.id)).find((r) => r.number === n);
      if (!rev) return reply.callNotFound();
      return renderPage(
        req,
        reply,
        <RevisionPage itemId={item.id} lang={item.lang} revision={rev} html={renderMarkdown(rev.body)} />,
      );
    },
  );

  // Workflow transitions: each checks the item's policy, changes state in one transaction, and
  // answers 303 back to the item. A transition the actor may not make is a 404.
  type Transition = {
    path: string;
    access: 'member' | 'networkEditor';
    action: 'submit' | 'publish' | 'return' | 'feature' | 'unpublish';
    run: (req: Req, reply: FastifyReply, item: ItemRow) => Promise<FastifyReply | 'done'>;
  };
  const transitions: Transition[] = [
    {
      path: 'submit',
      access: 'member',
      action: 'submit',
      async run(req, reply, item) {
        const form = parseForm(submitForm, req.body, req.i18n);
        if (!form.ok) return adminPage(req, reply, item, form.errors, 400);
        await submitItem(db, item.id, req.actor.user!.id, req.now, form.data.comment || null);
        reply.flashNext('publishing.flash.submitted');
        return 'done';
      },
    },
    {
      path: 'publish',
      access: 'networkEditor',
      action: 'publish',
      async run(req, reply, item) {
        const form = parseForm(publishForm, req.body, req.i18n);
        if (!form.ok) return adminPage(req, reply, item, form.errors, 400);
        const at = form.data.publish_at ? damascusLocalToDate(form.data.publish_at) : null;
        if (form.data.publish_at && !at)
          return adminPage(req, reply, item, { publish_at: req.i18n.t('publishing.form.badDateTime') }, 400);
        await publishItem(db, item.id, req.actor.user!.id, req.now, at);
        await audit(db, req.now, {
          actorUserId: req.actor.user!.id,
          action: at && at > req.now ? 'publishing.scheduled' : 'publishing.published',
          targetType: 'publishing_item',
          targetId: item.id,
          organizationId: item.organization_id,
          ip: req.ip,
        });
        reply.flashNext(at && at > req.now ? 'publishing.flash.scheduled' : 'publishing.flash.published');
        return 'done';
      },
    },
    {
      path: 'return',
      access: 'networkEditor',
      action: 'return',
      async run(req, reply, item) {
        const form = parseForm(returnForm, req.body, req.i18n);
        if (!form.ok) return adminPage(req, reply, item, form.errors, 400);
        await returnItem(db, item.id, req.actor.user!.id, form.data.comment, req.now);
        reply.flashNext('publishing.flash.returned');
        return 'done';
      },
    },
    {
      path: 'feature',
      access: 'networkEditor',
      action: 'feature',
      async run(req, reply, item) {
        const form = parseForm(featureForm, req.body, req.i18n);
        if (!form.ok) return adminPage(req, reply, item, form.errors, 400);
        await setFeatured(db, item.id, form.data.featured === '1', req.actor.user!.id, req.now);
        reply.flashNext('common.saved');
        return 'done';
      },
    },
    {
      path: 'unpublish',
      access: 'networkEditor',
      action: 'unpublish',
      async run(req, reply, item) {
        const form = parseForm(unpublishForm, req.body, req.i18n);
        if (!form.ok) return adminPage(req, reply, item, form.errors, 400);
        await unpublishItem(db, item.id, req.actor.user!.id, req.now, form.data.comment || null);
        await audit(db, req.now, {
          actorUserId: req.actor.user!.id,
          action: 'publishing.unpublished',
          targetType: 'publishing_item',
          targetId: item.id,
          organizationId: item.organization_id,
          ip: req.ip,
        });
        reply.flashNext('publishing.flash.unpublished');
        return 'done';
      },
    },
  ];
  for (const tr of transitions) {
    app.post<{ Params: { id: string } }>(
      `/publishing/items/:id/${tr.path}`,
      { config: { access: tr.access } },
      async (req, reply) => {
        const item = await loadForWorkflow(req, req.params.id);
        if (!item || !authorize(req.actor, tr.action, asItem(item))) return reply.callNotFound();
        const result = await tr.run(req, reply, item);
        if (result !== 'done') return result;
        return seeOther(reply, `/publishing/items/${item.id}`);
      },
    );
  }
}

export { markdownToText, withParams };

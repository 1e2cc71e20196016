// The editorial workflow's writes, each in one transaction with its event in `pub_events`: create,
// edit (with revisions once published), submit, return, publish or schedule, unpublish, feature,
// and the publish-due job that records scheduled items whose time has come. A body is rendered
// once, here, after every check of the request; the cover is public media exactly while the item
// is published.
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { insertRow, updateIn } from '../../../core/db/rows.js';
import { renderedBody } from '../markdown.js';
import type { ItemRow } from '../queries.js';
import { holdItem, indexItem, unindexItem } from '../search/indexing.js';
import type { ItemKind, ItemStatus } from '../tables.js';

export type ItemInput = {
  kind: ItemKind;
  organizationId: number | null;
  lang: 'ar' | 'en';
  title: string;
  summary: string;
  body: string;
  byline: string;
  bylinePseudonym: boolean;
  towns: string[];
  topics: string[];
  collection: string | null;
  resourceType: string | null;
  pageKey: string | null;
  translationOf: number | null;
  localIssueId: number | null;
  projectId: number | null;
  activityDate: string | null;
  coverAlt: string;
  filePages: number | null;
  externalUrl: string | null;
};

async function readItem(trx: Db, id: number): Promise<ItemRow> {
  return (await trx.selectFrom('pub_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as ItemRow;
}

/** Changes an item's row (its state, or who changed it when). */
const setItem = (trx: Db, id: number, values: Parameters<typeof updateIn<'pub_items'>>[4]) =>
  updateIn(trx, 'pub_items', id, {}, values);

/** Makes media public (the item's cover, once it is published) or private again. */
async function mediaPublic(trx: Db, ids: (string | null)[], isPublic: boolean) {
  const list = ids.filter((i): i is string => !!i);
  if (list.length)
    await trx
      .updateTable('media')
      .set({ is_public: flag(isPublic) })
      .where('id', 'in', list)
      .execute();
}

async function writeTownsAndTopics(trx: Db, itemId: number, towns: string[], topics: string[]) {
  await trx.deleteFrom('pub_item_towns').where('item_id', '=', itemId).execute();
  await trx.deleteFrom('pub_item_topics').where('item_id', '=', itemId).execute();
  const t = [...new Set(towns)];
  const p = [...new Set(topics)];
  if (t.length)
    await trx
      .insertInto('pub_item_towns')
      .values(t.map((town_pcode) => ({ item_id: itemId, town_pcode })))
      .execute();
  if (p.length)
    await trx
      .insertInto('pub_item_topics')
      .values(p.map((topic) => ({ item_id: itemId, topic })))
      .execute();
}

async function logEvent(
  trx: Db,
  itemId: number,
  action: string,
  actorId: number | null,
  now: Date,
  comment: string | null = null,
) {
  await trx
    .insertInto('pub_events')
    .values({ item_id: itemId, action, actor_user_id: actorId, comment, at: now.toISOString() })
    .execute();
}

/** The item's content as stored, its body rendered (off the event loop when long). */
async function contentColumns(input: ItemInput) {
  return {
    organization_id: input.organizationId,
    kind: input.kind,
    lang: input.lang,
    title: input.title,
    summary: input.summary,
    ...(await renderedBody(input.body)),
    byline: input.byline,
    byline_pseudonym: flag(input.bylinePseudonym),
    collection: input.kind === 'resource' ? input.collection : null,
    resource_type: input.kind === 'resource' ? input.resourceType : null,
    page_key: input.kind === 'page' ? input.pageKey : null,
    translation_of: input.translationOf,
    local_issue_id: input.kind === 'local_issue' ? null : input.localIssueId,
    project_id: input.projectId,
    activity_date: input.kind === 'activity' ? input.activityDate : null,
    cover_alt: input.coverAlt,
    file_pages: input.kind === 'resource' ? input.filePages : null,
    external_url: input.kind === 'resource' ? input.externalUrl : null,
  };
}

/** A new item (draft unless told otherwise), its towns and topics, and its 'created' event. */
export async function createItem(
  db: Db,
  networkId: number,
  input: ItemInput,
  actorId: number | null,
  now: Date,
  opts: { status?: ItemStatus; source?: { feature: string; id: string } | null } = {},
): Promise<number> {
  const content = await contentColumns(input);
  return db.transaction().execute(async (trx) => {
    const iso = now.toISOString();
    const itemId = await insertRow(trx, 'pub_items', {
      ...content,
      network_id: networkId,
      status: opts.status ?? 'draft',
      cover_media_id: null,
      file_media_id: null,
      featured: 0,
      publish_at: null,
      published_at: null,
      first_published_at: null,
      return_comment: null,
      source_feature: opts.source?.feature ?? null,
      source_id: opts.source?.id ?? null,
      created_by: actorId,
      updated_by: actorId,
      created_at: iso,
      updated_at: iso,
    });
    await writeTownsAndTopics(trx, itemId, input.towns, input.topics);
    await logEvent(trx, itemId, 'created', actorId, now);
    if (opts.status === 'submitted')
      await logEvent(
        trx,
        itemId,
        'submitted',
        actorId,
        now,
        opts.source ? `${opts.source.feature}:${opts.source.id}` : null,
      );
    return itemId;
  });
}

async function addRevision(
  trx: Db,
  item: Pick<ItemRow, 'id' | 'title' | 'summary' | 'body' | 'body_html' | 'body_html_version' | 'byline'>,
  actorId: number | null,
  now: Date,
) {
  const last = await trx
    .selectFrom('pub_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('item_id', '=', item.id)
    .executeTakeFirst();
  await trx
    .insertInto('pub_revisions')
    .values({
      item_id: item.id,
      number: Number(last?.n ?? 0) + 1,
      title: item.title,
      summary: item.summary,
      body: item.body,
      body_html: item.body_html,
      body_html_version: item.body_html_version,
      byline: item.byline,
      edited_by: actorId,
      edited_at: now.toISOString(),
    })
    .execute();
}

/**
 * Saves an edit. Once an item has been published, every edit adds a revision (the history
 * starts with the version first published), and a published item is re-indexed at once.
 */
export async function updateItem(
  db: Db,
  id: number,
  input: ItemInput,
  actorId: number | null,
  now: Date,
): Promise<void> {
  const content = await contentColumns(input);
  await db.transaction().execute(async (trx) => {
    await setItem(trx, id, { ...content, updated_by: actorId, updated_at: now.toISOString() });
    await writeTownsAndTopics(trx, id, input.towns, input.topics);
    await logEvent(trx, id, 'edited', actorId, now);
    const item = await readItem(trx, id);
    if (item.first_published_at) await addRevision(trx, item, actorId, now);
    if (item.status === 'published') await indexItem(trx, item);
    if (item.status === 'scheduled') await holdItem(trx, item);
  });
}

/**
 * Gives an item a new cover or file (uploaded as private media). A cover is public media while the
 * item is published; the cover it replaces is private again.
 */
export async function setMedia(db: Db, id: number, column: 'cover_media_id' | 'file_media_id', mediaId: string | null) {
  await db.transaction().execute(async (trx) => {
    const before = await readItem(trx, id);
    await setItem(trx, id, column === 'cover_media_id' ? { cover_media_id: mediaId } : { file_media_id: mediaId });
    if (column !== 'cover_media_id') return;
    await mediaPublic(trx, [before.cover_media_id], false);
    await mediaPublic(trx, [mediaId], before.status === 'published');
  });
}

export async function submitItem(db: Db, id: number, actorId: number | null, now: Date, comment: string | null = null) {
  await db.transaction().execute(async (trx) => {
    await setItem(trx, id, { status: 'submitted', updated_at: now.toISOString(), updated_by: actorId });
    await logEvent(trx, id, 'submitted', actorId, now, comment);
  });
}

/** Leaves the public site (returned from schedule, or unpublished): out of search, its cover private again. */
async function withdraw(
  trx: Db,
  id: number,
  actorId: number,
  now: Date,
  step: { status: 'returned' | 'unpublished'; comment: string | null },
) {
  await setItem(trx, id, {
    status: step.status,
    publish_at: null,
    updated_at: now.toISOString(),
    updated_by: actorId,
    ...(step.status === 'returned' ? { return_comment: step.comment } : { featured: 0 }),
  });
  await logEvent(trx, id, step.status, actorId, now, step.comment);
  const item = await readItem(trx, id);
  await unindexItem(trx, item);
  await mediaPublic(trx, [item.cover_media_id], false);
}

export async function returnItem(db: Db, id: number, actorId: number, comment: string, now: Date) {
  await db.transaction().execute((trx) => withdraw(trx, id, actorId, now, { status: 'returned', comment }));
}

/** Publishes now, or schedules when `at` is later than now. */
export async function publishItem(db: Db, id: number, actorId: number | null, now: Date, at: Date | null = null) {
  await db.transaction().execute(async (trx) => {
    if (at && at.getTime() > now.getTime()) {
      await setItem(trx, id, {
        status: 'scheduled',
        publish_at: at.toISOString(),
        updated_at: now.toISOString(),
        updated_by: actorId,
      });
      await logEvent(trx, id, 'scheduled', actorId, now, at.toISOString());
      await holdItem(trx, await readItem(trx, id));
      return;
    }
    await goLive(trx, id, actorId, now);
  });
}

async function goLive(trx: Db, id: number, actorId: number | null, now: Date) {
  const before = await readItem(trx, id);
  const iso = now.toISOString();
  await setItem(trx, id, {
    status: 'published',
    published_at: iso,
    first_published_at: before.first_published_at ?? iso,
    publish_at: null,
    return_comment: null,
    updated_at: iso,
  });
  await mediaPublic(trx, [before.cover_media_id], true);
  // The history starts with the version as published; a republished edit adds one more.
  const hasRevision = await trx.selectFrom('pub_revisions').select('id').where('item_id', '=', id).executeTakeFirst();
  if (!hasRevision) await addRevision(trx, before, actorId, now);
  await logEvent(trx, id, 'published', actorId, now);
  await indexItem(trx, await readItem(trx, id));
}

export async function unpublishItem(db: Db, id: number, actorId: number, now: Date, comment: string | null) {
  await db.transaction().execute((trx) => withdraw(trx, id, actorId, now, { status: 'unpublished', comment }));
}

export async function setFeatured(db: Db, id: number, featured: boolean, actorId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    await setItem(trx, id, { featured: flag(featured) });
    await logEvent(trx, id, featured ? 'featured' : 'unfeatured', actorId, now);
  });
}

/**
 * Records one scheduled item whose time has come as published — at its `publish_at`, which is
 * what every read showed meanwhile (queries.ts `live`). True if it did.
 */
export async function publishIfDue(db: Db, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Read inside the transaction: another instance may have published it meanwhile.
    const row = await trx
      .selectFrom('pub_items')
      .select(['status', 'publish_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.status !== 'scheduled' || !row.publish_at || Date.parse(row.publish_at) > now.getTime()) return false;
    await goLive(trx, id, null, new Date(row.publish_at));
    return true;
  });
}

/**
 * The publish-due job (every minute): records every scheduled item whose time has come, and
 * hands each to `published` (which tells its writer).
 */
export async function publishDue(
  db: Db,
  now: Date,
  published: (id: number) => Promise<unknown> = async () => {},
): Promise<number> {
  const due = await db
    .selectFrom('pub_items')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .orderBy('id')
    .execute();
  let n = 0;
  for (const { id } of due) {
    if (!(await publishIfDue(db, id, now))) continue;
    await published(id);
    n++;
  }
  return n;
}

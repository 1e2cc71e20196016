// Published items in the search index (core search_documents): kind = the item's kind, facets
// town, organization, topic, language and year. A scheduled item waits in the index under a kind
// of its own (`heldKind`), which the site search asks for only once the item is due: so it is
// found from its `publish_at` on, before the publish-due job moves it to its own kind.
import type { Db } from '../../../core/db/index.js';
import { indexDocument, removeDocument } from '../../../core/search/index.js';
import { bodyHtml, htmlToText } from '../markdown.js';
import type { ItemRow } from '../queries.js';

export const heldKind = (id: number) => `scheduled:${id}`;

async function writeEntry(db: Db, item: ItemRow, kind: string, publishedAt: string): Promise<void> {
  const [towns, topics] = await Promise.all([
    db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', item.id).execute(),
    db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', item.id).execute(),
  ]);
  await indexDocument(db, {
    kind,
    refId: item.id,
    networkId: item.network_id,
    organizationId: item.organization_id,
    lang: item.lang,
    title: item.title,
    body: [item.byline_pseudonym ? '' : item.byline, item.summary, htmlToText(await bodyHtml(item))]
      .filter(Boolean)
      .join('\n'),
    facets: {
      town: towns.map((t) => t.town_pcode),
      organization: item.organization_id !== null ? [String(item.organization_id)] : [],
      topic: topics.map((t) => t.topic),
      language: item.lang,
      year: String(new Date(publishedAt).getUTCFullYear()),
    },
    publishedAt,
  });
}

/** The search entry of a published item: title, summary and body as text, and its facets. */
export async function indexItem(db: Db, item: ItemRow): Promise<void> {
  await removeDocument(db, heldKind(item.id), item.id);
  await writeEntry(db, item, item.kind, item.published_at ?? item.updated_at);
}

/** The entry of a scheduled item, found only once it is due. */
export async function holdItem(db: Db, item: ItemRow): Promise<void> {
  await writeEntry(db, item, heldKind(item.id), item.publish_at ?? item.updated_at);
}

/** Out of the search, published or held. */
export async function unindexItem(db: Db, item: Pick<ItemRow, 'id' | 'kind'>): Promise<void> {
  await removeDocument(db, item.kind, item.id);
  await removeDocument(db, heldKind(item.id), item.id);
}

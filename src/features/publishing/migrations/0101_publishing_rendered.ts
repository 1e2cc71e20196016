// Bodies are rendered once, when saved: items and revisions keep the HTML and the renderer's
// version beside the Markdown (existing rows have none, so the `publishing-markdown` job renders
// them once; reads render them meanwhile). Covers of items that are not public stop being public
// media: they are served by publishing after the item's own check until the item is published.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['pub_items', 'pub_revisions']) {
    await db.schema.alterTable(table).addColumn('body_html', 'text').execute();
    await db.schema.alterTable(table).addColumn('body_html_version', 'integer').execute();
  }
  await db
    .updateTable('media')
    .set({ is_public: 0 })
    .where(
      'id',
      'in',
      db
        .selectFrom('pub_items')
        .select(sql<string>`cover_media_id`.as('id'))
        .where('status', '!=', 'published')
        .where('cover_media_id', 'is not', null),
    )
    .execute();
}

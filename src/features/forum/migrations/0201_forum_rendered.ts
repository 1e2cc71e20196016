// Posts keep the renderer's version beside their HTML, and earlier versions keep their rendering
// too: every body is rendered once, when written; the `forum-markdown` job redoes rows an older
// renderer wrote (existing rows have no version, so they are redone once).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('forum_posts').addColumn('body_html_version', 'integer').execute();
  await db.schema.alterTable('forum_revisions').addColumn('body_html', 'text').execute();
  await db.schema.alterTable('forum_revisions').addColumn('body_html_version', 'integer').execute();
}

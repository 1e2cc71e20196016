// Records of meetings that are rendered once and told once (issues 16–18):
// - meeting minutes keep their sanitized HTML beside the Markdown, with the renderer's version;
// - an action item's overdue notice is sent once per due date.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coord_meetings').addColumn('minutes_html', 'text').execute();
  await db.schema.alterTable('coord_meetings').addColumn('minutes_html_version', 'integer').execute();
  await db.schema.alterTable('coord_actions').addColumn('overdue_notified_on', 'text').execute();
}

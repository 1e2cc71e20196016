// The forum's notices move to the site's one list (core `notifications`, core/notify): unread ones
// are carried over where that table exists already, then the forum's own table goes. (On an install
// that takes both at once, this runs first — names sort — and the old notices are not carried.)
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../../core/db/index.js';

async function hasTable(db: Kysely<any>, dialect: Dialect, name: string): Promise<boolean> {
  const rows =
    dialect === 'sqlite'
      ? await sql`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db)
      : await sql`select table_name from information_schema.tables
                  where table_schema = current_schema() and table_name = ${name}`.execute(db);
  return rows.rows.length > 0;
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (await hasTable(db, dialect, 'notifications')) {
    const old = await db
      .selectFrom('forum_notifications as n')
      .innerJoin('forum_topics as t', 't.id', 'n.topic_id')
      .select(['n.user_id', 'n.kind', 'n.post_id', 'n.created_at', 'n.emailed_at', 't.title'])
      .where('n.read_at', 'is', null)
      .orderBy('n.id')
      .execute();
    for (let i = 0; i < old.length; i += 200)
      await db
        .insertInto('notifications')
        .values(
          old.slice(i, i + 200).map((n) => ({
            user_id: n.user_id,
            type: `forum.${n.kind}`,
            params: JSON.stringify({ title: n.title }),
            url: `/forum/p/${n.post_id}`,
            created_at: n.created_at,
            read_at: null,
            mailed_at: n.emailed_at,
          })),
        )
        .execute();
  }
  await db.schema.dropTable('forum_notifications').execute();
}

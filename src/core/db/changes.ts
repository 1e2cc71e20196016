// The change counter: one number in the database that every write to a table an anonymous page
// can show bumps, by triggers (installed after every migration, so new tables are covered). The
// page cache (core/http/cache.ts) compares it on each request. On PostgreSQL the counter is a
// row updated inside the writing transaction: a reader never sees the new count before the new
// data. Operational tables (sessions, counters, logs, mail, notifications) are left out, so
// signing in or sending mail does not empty the cache.
import { sql } from 'kysely';
import type { Db, DbHandle, Dialect } from './index.js';

/** Tables no anonymous page shows: writes there never make a cached page stale. */
export const PRIVATE_TABLES = new Set([
  'kv',
  'sessions',
  'rate_limits',
  'audit_log',
  'mail_outbox',
  'account_tokens',
  'recovery_codes',
  'notifications',
  'notification_settings',
  'downloads',
  'kysely_migration',
  'kysely_migration_lock',
]);

const COUNTER_KEY = 'page_cache.changes';

/** Creates the counter and a trigger on every table that pages can show (idempotent). */
export async function installChangeCounter(db: Db, dialect: Dialect): Promise<void> {
  await db
    .insertInto('kv')
    .values({ key: COUNTER_KEY, value: '0' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%'`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
        ).rows.map((r) => r.name);
  const bump = sql.raw(`update kv set value = cast(cast(value as integer) + 1 as text) where key = '${COUNTER_KEY}'`);
  if (dialect === 'postgres') {
    await sql`create or replace function wasl_page_changed() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`.execute(
      db,
    );
  }
  for (const table of tables.filter((t) => !PRIVATE_TABLES.has(t) && /^[a-z0-9_]+$/.test(t))) {
    if (dialect === 'sqlite') {
      for (const op of ['insert', 'update', 'delete']) {
        const name = sql.raw(`wasl_changed_${table}_${op}`);
        await sql`create trigger if not exists ${name} after ${sql.raw(op)} on ${sql.raw(table)} begin ${bump}; end`.execute(
          db,
        );
      }
    } else {
      const name = sql.raw(`wasl_changed_${table}`);
      const exists = await sql<{
        n: number;
      }>`select count(*) as n from pg_trigger where tgname = ${`wasl_changed_${table}`} and tgrelid = ${table}::regclass`.execute(
        db,
      );
      if (Number(exists.rows[0]?.n ?? 0) === 0)
        await sql`create trigger ${name} after insert or update or delete on ${sql.raw(table)} for each statement execute function wasl_page_changed()`.execute(
          db,
        );
    }
  }
}

/** The current count of changes (a string: compared, never added to). */
export async function changeCount(db: Db): Promise<string> {
  const row = await db.selectFrom('kv').select('value').where('key', '=', COUNTER_KEY).executeTakeFirst();
  return row?.value ?? '0';
}

/**
 * A reader of the count for the page cache, which asks on every anonymous page view: the query is
 * built once. On SQLite it is one prepared statement read straight from the connection — except
 * while a transaction holds it, whose uncommitted bump (undone if it rolls back, and then reused
 * by the next write) must not be read: then it waits its turn through Kysely like any query.
 */
export function changeCounter(handle: DbHandle): () => Promise<string> {
  const compiled = handle.db.selectFrom('kv').select('value').where('key', '=', COUNTER_KEY).compile();
  const viaKysely = async () => (await handle.db.executeQuery(compiled)).rows[0]?.value ?? '0';
  const sqlite = handle.sqlite;
  if (!sqlite) return viaKysely;
  let read: { get(key: string): string | undefined } | null = null; // prepared on first use, after migrations
  return async () => {
    if (sqlite.inTransaction) return viaKysely();
    read ??= sqlite.prepare<[string], string>('select value from kv where key = ?').pluck();
    return read.get(COUNTER_KEY) ?? '0';
  };
}

/** Keeps a result of public data until anything pages can show changes (see changeMemo). */
export type Remember = <T>(key: string, now: Date, compute: () => Promise<T>) => Promise<T>;

/**
 * Results of queries over public data, kept until the next change: for pages that are never
 * cached whole (a signed-in reader's article) but show the same public parts as everyone's (its
 * related items, its dossier). Keyed by what the caller names and the minute (what changes with
 * time alone, a scheduled item's hour, shows within it, as in the page cache), and valid only
 * while the change count is the one read before computing. A write between that read and the
 * queries leaves a newer result under an older count, which the next read misses: never stale.
 * At most `maxEntries` (least recently used out first). Never for anything one person may see and
 * another not.
 */
export function changeMemo(handle: DbHandle, maxEntries = 1000): Remember {
  const count = changeCounter(handle);
  const kept = new Map<string, { changes: string; value: Promise<unknown> }>();
  return async <T>(key: string, now: Date, compute: () => Promise<T>): Promise<T> => {
    const changes = await count();
    const id = `${key}\u0000${Math.floor(now.getTime() / 60_000)}`;
    const hit = kept.get(id);
    kept.delete(id);
    if (hit && hit.changes === changes) {
      kept.set(id, hit);
      return hit.value as Promise<T>;
    }
    const entry = { changes, value: compute() };
    kept.set(id, entry);
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
    entry.value.catch(() => kept.get(id) === entry && kept.delete(id)); // a failure is not kept
    return entry.value as Promise<T>;
  };
}

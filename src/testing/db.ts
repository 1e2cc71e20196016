// A fresh, migrated database for one test file: in-memory SQLite by default, or a new schema in
// the PostgreSQL database named by DATABASE_URL (dropped again on close), so test files can run in
// parallel against one server.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db, type DbHandle } from '../core/db/index.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { features } from '../features/index.js';

export const testDialect: 'sqlite' | 'postgres' = process.env.DATABASE_URL?.startsWith('postgres')
  ? 'postgres'
  : 'sqlite';

export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url && url.startsWith('postgres')) {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const handle = openDatabase(url, { pgSchema: schema, pgPoolSize: 4 });
    await migrateToLatest(handle.db, handle.dialect, features);
    const close = handle.close;
    return {
      ...handle,
      close: async () => {
        await close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const handle = openDatabase(':memory:');
  await migrateToLatest(handle.db, handle.dialect, features);
  return handle;
}

/**
 * The tables of this test's own database. On PostgreSQL introspection lists every schema of the
 * server, including other test files' and a bench's; only the test's own schema is its database.
 */
export async function ownTables(db: Db) {
  const tables = await db.introspection.getTables();
  if (testDialect !== 'postgres') return tables;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return tables.filter((t) => t.schema === rows[0]!.schema);
}

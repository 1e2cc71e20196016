// What the election benches share: a throwaway database (a SQLite file, or a PostgreSQL database
// of its own), migrated, with a network, an organizing organization and its coordinator.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createUser } from '../src/core/auth/users.js';
import { newTotpSecret } from '../src/core/auth/totp.js';
import { openDatabase, type Db, type DbHandle } from '../src/core/db/index.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { features } from '../src/features/index.js';
import { makeNetwork, makeOrganization } from '../src/testing/app.js';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDb = {
  handle: DbHandle;
  label: string;
  /** the database's URL, for an app's config */
  url: string;
  /** a temporary folder for an app's DATA_DIR (and the SQLite file) */
  dataDir: string;
  drop: () => Promise<void>;
};

/** A migrated database that is dropped afterwards: SQLite in a temporary file, or PostgreSQL. */
export async function benchDatabase(kind: 'sqlite' | 'postgres', name: string): Promise<BenchDb> {
  let db: BenchDb;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `wasl-${name}-`));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') {
    const url = `sqlite:${path.join(dataDir, 'wasl.sqlite')}`;
    db = { handle: openDatabase(url), label: `sqlite (${dataDir})`, url, dataDir, drop: removeDir };
  } else {
    // A database of its own: a migration table in a shared database's extra schema would confuse
    // other processes' migrations (Kysely looks for its tables in every schema).
    const dbName = `wasl_bench_${name.replace(/\W/g, '_')}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    const handle = openDatabase(url.toString(), { pgPoolSize: 10 });
    db = {
      handle,
      label: `postgres (${dbName})`,
      url: url.toString(),
      dataDir,
      drop: async () => {
        await removeDir();
        const a = new pg.Client({ connectionString: PG_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  await migrateToLatest(db.handle.db, db.handle.dialect, features);
  return db;
}

/** A network, an organization that organizes the election, and its coordinator (two-step set up). */
export async function electionOrganizers(db: Db, now: Date) {
  const networkId = await makeNetwork(db, now);
  const organizationId = await makeOrganization(db, networkId, 'Organizer');
  const userId = await createUser(
    db,
    { username: 'bench', email: null, displayName: 'Bench', passwordHash: 'x', totpSecret: newTotpSecret() },
    now,
  );
  await db
    .insertInto('memberships')
    .values({ user_id: userId, organization_id: organizationId, role: 'orgStaff' })
    .execute();
  return { networkId, organizationId, userId };
}

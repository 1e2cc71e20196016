// The ordered list of migrations. Core first; each feature adds its own file (kept in its
// folder) with one line here. Names sort in the order they must run.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../index.js';
import * as core from './0001_core.js';
import * as publishing from '../../../features/publishing/migration.js';
import * as forum from '../../../features/forum/migration.js';
import * as services from '../../../features/services/migration.js';
import * as programmes from '../../../features/programmes/migration.js';
import * as elections from '../../../features/elections/migration.js';
import * as coordination from '../../../features/coordination/migration.js';

type DialectMigration = { up: (db: Kysely<unknown>, dialect: Dialect) => Promise<void> };

const migrations: Record<string, DialectMigration> = {
  '0001_core': core,
  '0100_publishing': publishing,
  '0200_forum': forum,
  '0300_services': services,
  '0400_programmes': programmes,
  '0500_elections': elections,
  '0600_coordination': coordination,
};

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  // On Postgres, name the schema: Kysely's existence check for its own tables looks across all
  // schemas, and would find another database user's (or another test's) migration tables.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [name, m] of Object.entries(migrations)) out[name] = { up: (d) => m.up(d, dialect) };
        return out;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// Runs migrations: the core's first, then each feature's (its manifest's `migration`), in name
// order. The caller passes the feature list, so the core names no feature.
import { Migrator, sql, type Kysely, type Migration as KyselyMigration } from 'kysely';
import type { Dialect } from './index.js';
import type { Migration } from '../feature.js';
import * as core from './migrations/0001_core.js';
import { installChangeCounter } from './changes.js';
import type { Database } from './schema.js';
import * as notifications from './migrations/0700_notifications.js';
import * as search from '../search/migrations/0710_search.js';
import * as searchHead from '../search/migrations/0711_search_head.js';
import * as searchInline from '../search/migrations/0712_search_inline.js';
import * as downloads from '../downloads/migrations/0720_downloads.js';

export async function migrateToLatest(
  db: Kysely<any>,
  dialect: Dialect,
  features: { migration?: Migration; migrations?: Migration[] }[],
): Promise<string[]> {
  const all: Migration[] = [
    { name: '0001_core', up: core.up },
    // Later core tables are named after the features' first migrations: installs that ran those
    // already take the new ones in order.
    { name: '0700_core_notifications', up: notifications.up },
    { name: '0710_core_search', up: search.up },
    { name: '0711_core_search_head', up: searchHead.up },
    { name: '0712_core_search_inline', up: searchInline.up },
    { name: '0720_core_downloads', up: downloads.up },
  ];
  for (const f of features) all.push(...(f.migration ? [f.migration] : []), ...(f.migrations ?? []));
  // On Postgres, name the schema: Kysely's existence check for its own tables looks across all
  // schemas, and would find another database user's (or another test's) migration tables.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    // A feature's later migration ('0501_elections_codes') sorts before another feature's first
    // ('0600_coordination'), which an existing install has already run: run it anyway.
    allowUnorderedMigrations: true,
    provider: {
      async getMigrations() {
        const out: Record<string, KyselyMigration> = {};
        for (const m of all) out[m.name] = { up: (d) => m.up(d, dialect) };
        return out;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await installChangeCounter(db as Kysely<Database>, dialect);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

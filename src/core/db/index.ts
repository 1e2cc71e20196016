// One Kysely codebase for SQLite (embedded default) and PostgreSQL. Every dialect difference the
// rest of the code could trip on is settled here, once (see docs/decisions/0002-dialects.md):
//  - timestamps come back as ISO-8601 strings on both (pg type parsers below);
//  - count(*) / bigint come back as numbers (pg int8 parser);
//  - booleans are stored as integers 0/1 on both (see `flag` in helpers.ts);
//  - JSON is stored as text and parsed by the caller.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';

// Each driver is loaded only for the database in use (both are CommonJS).
const require = createRequire(import.meta.url);
const loadPg = () => require('pg') as typeof pg;
const loadSqlite = () => require('better-sqlite3') as typeof SQLite;
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export type DbHandle = {
  db: Db;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only), for the online backup API. */
  sqlite?: SQLite.Database;
  close: () => Promise<void>;
};

let pgParsersSet = false;
function setPgParsers(pg: ReturnType<typeof loadPg>) {
  if (pgParsersSet) return;
  pgParsersSet = true;
  pg.types.setTypeParser(20, (v) => Number(v)); // int8, count(*)
  pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
  const iso = (v: string) => new Date(v).toISOString();
  pg.types.setTypeParser(1184, iso); // timestamptz
  pg.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString()); // timestamp (treated as UTC)
}

export function openDatabase(url: string, options: { pgSchema?: string; pgPoolSize?: number } = {}): DbHandle {
  if (url.startsWith('postgres')) {
    const pg = loadPg();
    setPgParsers(pg);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.pgPoolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url === ':memory:' ? ':memory:' : url.replace(/^sqlite:/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const Sqlite = loadSqlite();
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to an observer must survive a power cut (ARCHITECTURE: rules that keep data).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Statements
 * are reusable in better-sqlite3, so keep the most recent few hundred by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert: the Map's order is the recency order
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

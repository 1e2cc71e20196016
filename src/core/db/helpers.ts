// The few dialect helpers. Migrations use the column helpers; queries use flag/json/now.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Dialect } from './index.js';

/** Adds an integer identity primary key `id` (autoIncrement is invalid on Postgres). */
export function withId<T extends string>(tb: CreateTableBuilder<T, never>, dialect: Dialect) {
  return tb.addColumn('id', 'integer', (c) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
  );
}

/** Timestamp column type: ISO-8601 text on SQLite, timestamptz on Postgres. */
export function timestamp(dialect: Dialect) {
  return dialect === 'postgres' ? sql`timestamptz` : sql`text`;
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Booleans are integers 0/1 in both dialects (SQLite binds no booleans). */
export const flag = (b: boolean): number => (b ? 1 : 0);
export const isSet = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Case-insensitive LIKE on both dialects (ilike is Postgres only). */
export function containsInsensitive(dialect: Dialect) {
  return dialect === 'postgres' ? ('ilike' as const) : ('like' as const);
}

/** A LIKE pattern matching values that contain `text`; LIKE's own wildcards (% _ \) are dropped from it. */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, '')}%`;
}

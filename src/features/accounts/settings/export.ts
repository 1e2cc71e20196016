// "Everything Wasl holds about me": every row of every table whose subject is the person's
// account (user_id, author_id, *_user_id, flagger_id), found from the schema itself so a new
// feature's tables are included without code here. Secrets (hashes, tokens) are left out, and so
// are rows the person merely recorded (`*_by`: trainees, attendance, minutes) — those describe
// other people and belong to the organization's export.
import { sql } from 'kysely';
import { isSet } from '../../../core/db/helpers.js';
import type { Db, Dialect } from '../../../core/db/index.js';

const PERSON_COLUMN = /^(user_id|author_id|flagger_id|[a-z_]+_user_id)$/;
const SECRET_COLUMN = /(password_hash|totp_secret|secret_hash|token_hash|code_hash|^id$)/;
const SKIP_TABLES = new Set(['sessions', 'account_tokens', 'recovery_codes', 'rate_limits', 'kv']);

async function schemaColumns(db: Db, dialect: Dialect): Promise<Map<string, string[]>> {
  const rows =
    dialect === 'sqlite'
      ? (
          await sql<{
            t: string;
            c: string;
          }>`select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'search_fts%' and m.name not like 'kysely_%'`.execute(
            db,
          )
        ).rows
      : (
          await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
            where table_schema = current_schema() and table_name not like 'kysely_%' order by ordinal_position`.execute(
            db,
          )
        ).rows;
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!out.has(r.t)) out.set(r.t, []);
    out.get(r.t)!.push(r.c);
  }
  return out;
}

export async function exportPersonalData(db: Db, dialect: Dialect, userId: number, now: Date) {
  const user = await db
    .selectFrom('users')
    .select([
      'username',
      'email',
      'display_name',
      'locale',
      'digits',
      'address_as',
      'totp_enabled',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const [table, cols] of await schemaColumns(db, dialect)) {
    if (table === 'users' || SKIP_TABLES.has(table)) continue;
    const refs = cols.filter((c) => PERSON_COLUMN.test(c));
    if (!refs.length) continue;
    const keep = cols.filter((c) => !SECRET_COLUMN.test(c) || c === 'id');
    const where = sql.join(
      refs.map((c) => sql`${sql.ref(c)} = ${userId}`),
      sql` or `,
    );
    const rows = (
      await sql<
        Record<string, unknown>
      >`select ${sql.join(keep.map((c) => sql.ref(c)))} from ${sql.table(table)} where ${where}`.execute(db)
    ).rows;
    if (rows.length) data[table] = rows;
  }
  const sessions = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    exported_at: now.toISOString(),
    account: { ...user, two_step_verification: isSet(user.totp_enabled), open_sessions: Number(sessions.n) },
    records: data,
  };
}

// docs/data-inventory.md and the schema must agree: every column that identifies or describes a
// person is listed there (with its purpose and retention), and every column listed exists.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from './index.js';

const PERSONAL =
  /(^|_)(email|phone|username|display_name|ip_prefix|password_hash|totp_secret|secret_hash|holder_name|contact_name|who_went|met_whom|affiliation|consent_version|gender|age_band)$/;
const PERSON_TABLE = /(observer|trainee|attendance|contact|guest|people|person)/;
const inventory = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/data-inventory.md'), 'utf8');

/** `table.column` names in the first cell of the inventory's table rows (`table.a, b` lists b too). */
function listedColumns(): Set<string> {
  const out = new Set<string>();
  for (const line of inventory.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| table.column') || line.startsWith('|---')) continue;
    const cell = line.split('|')[1]!;
    let table = '';
    for (const raw of cell.split(',')) {
      const item = raw.trim().replace(/`/g, '');
      const m = /^([a-z_]+)\.([a-z_*]+)/.exec(item);
      if (m) {
        table = m[1]!;
        out.add(`${table}.${m[2]}`);
      } else if (table && /^[a-z_]+$/.test(item)) out.add(`${table}.${item}`);
    }
  }
  return out;
}

let h: DbHandle;
let columns: Set<string>;
beforeAll(async () => {
  h = await createTestDb();
  columns = new Set<string>();
  const rows =
    h.dialect === 'sqlite'
      ? (
          await sql<{
            t: string;
            c: string;
          }>`select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'search_fts%'`.execute(h.db)
        ).rows
      : (
          await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
            where table_schema = current_schema()`.execute(h.db)
        ).rows;
  for (const r of rows) columns.add(`${r.t}.${r.c}`);
});
afterAll(() => h.close());

describe('personal data inventory', () => {
  it('lists every column that identifies or describes a person', () => {
    const listed = listedColumns();
    const missing = [...columns].filter((tc) => {
      const [table, column] = tc.split('.') as [string, string];
      const personal = PERSONAL.test(column) || (column === 'name' && PERSON_TABLE.test(table));
      return personal && !listed.has(tc);
    });
    expect(missing, 'add these to docs/data-inventory.md with purpose and retention').toEqual([]);
  });

  it('lists no column that does not exist', () => {
    const stale = [...listedColumns()].filter((tc) => !tc.endsWith('.*') && !columns.has(tc));
    expect(stale, 'docs/data-inventory.md names columns the schema does not have').toEqual([]);
  });
});

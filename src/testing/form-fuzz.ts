// A form fuzzer over every POST route of the app: random, oversized, wrongly encoded and
// mixed-script input, sent with a valid CSRF token by people of different roles. Every answer must
// be a redirect or a clear 4xx page/JSON in Arabic or English — never a 5xx — and a 4xx must leave
// the data untouched (row counts of every table compared; logs and counters excepted).
import fc from 'fast-check';
import { sql } from 'kysely';
import type { TestApp } from './app.js';
import { Client, makeNetwork, makeOrganization, makeUser, signIn } from './app.js';
import { newTotpSecret } from '../core/auth/totp.js';
import type { NetworkRole, OrgRole } from '../core/db/core-tables.js';

/** Tables that legitimately change on a refused request (denials are audited, attempts counted). */
const WRITTEN_ON_REFUSAL = new Set([
  'audit_log',
  'rate_limits',
  'kv',
  'sessions',
  'kysely_migration',
  'kysely_migration_lock',
  'mail_outbox',
]);

async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const names =
    t.handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts%'`.execute(
            t.handle.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
            t.handle.db,
          )
        ).rows;
  const out: Record<string, number> = {};
  for (const { name } of names) {
    if (WRITTEN_ON_REFUSAL.has(name)) continue;
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(t.handle.db);
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}

const nasty = [
  '',
  ' ',
  '\u0000',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '../../../../etc/passwd',
  'javascript:alert(1)',
  '=HYPERLINK("http://x")',
  '\u202Eevil\u202C',
  'مرحبا\u200Fworld\u200E١٢٣',
  'ـــــــ',
  '𝕎𝕒𝕤𝕝 🙂',
  '-1',
  '99999999999999999999999',
  'NaN',
  '2026-02-30',
  'C1594',
];

const value = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer().map(String),
  fc.constantFrom('x'.repeat(5000), 'ب'.repeat(20_000)),
);

export type FuzzOptions = { runsPerRoute: number; seed?: number };

/** Field names a route's own form uses (from the GET page of the same URL), plus a few strangers. */
async function fieldNames(client: Client, url: string): Promise<string[]> {
  const res = await client.get(url);
  const names = new Set<string>();
  if (res.statusCode === 200)
    for (const m of res.body.matchAll(/name="([^"]+)"/g)) if (m[1] !== '_csrf') names.add(m[1]!);
  for (const n of ['title', 'body', 'name', 'email', 'id', 'q', 'is_admin']) names.add(n);
  return [...names];
}

export async function fuzzPostRoutes(
  t: TestApp,
  opts: FuzzOptions,
): Promise<{ requests: number; statuses: Record<string, number>; failures: string[] }> {
  const db = t.handle.db;
  const net = await makeNetwork(db);
  const org = await makeOrganization(db, net, 'Fuzz Org');
  /** A person for the fuzz; staff have two-step on. */
  const person = async (name: string, role: { org?: [number, OrgRole]; network?: [number, NetworkRole] } = {}) =>
    (
      await makeUser(db, {
        username: `fuzz_${name}_${Date.now() % 100000}`,
        ...role,
        totpSecret: role.org || role.network ? newTotpSecret() : undefined,
      })
    ).id;
  const people = {
    anonymous: null,
    member: await person('member'),
    orgAdmin: await person('orgadmin', { org: [org, 'orgAdmin'] }),
    networkAdmin: await person('netadmin', { network: [net, 'networkAdmin'] }),
  };
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  let requests = 0;
  // Signing out would turn the rest of the run anonymous; it takes no input anyway.
  const routes = t.app.routeTable.filter((r) => r.method === 'POST' && r.url !== '/logout');
  for (const [who, userId] of Object.entries(people)) {
    for (const route of routes) {
      // a fresh session per route, so nothing one route does (e.g. ending sessions) affects the next
      const client = new Client(t.app, `10.9.${Object.keys(people).indexOf(who)}.1`);
      if (userId) await signIn(t, client, userId);
      await client.get('/login');
      const url = route.url
        .replace(/:id\b/g, String(org))
        .replace(/:pcode/g, 'C1594')
        .replace(/:[a-zA-Z]+/g, '1');
      const names = await fieldNames(client, url);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...names), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 8 }),
          fc.boolean(),
          async (form, badEncoding) => {
            const before = await tableCounts(t);
            let res;
            if (badEncoding) {
              // invalid UTF-8 and a broken percent-escape in a urlencoded body
              const payload = `_csrf=${encodeURIComponent(client.csrf ?? '')}&${names[0] ?? 'x'}=%FF%FE%C3%28&${names[1] ?? 'y'}=%E0%A4%A`;
              res = await t.app.inject({
                method: 'POST',
                url,
                payload,
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
                },
                remoteAddress: client.ip,
              });
            } else {
              res = await client.post(url, form as Record<string, string | string[]>);
            }
            requests++;
            const sk = `${who}:${res.statusCode}${res.statusCode === 303 ? ` → ${String(res.headers.location).split('?')[0].slice(0, 12)}` : ''}`;
            statuses[sk] = (statuses[sk] ?? 0) + 1;
            const where = `${who} POST ${route.url}`;
            if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode >= 400 && res.statusCode < 500) {
              const body = res.body;
              const readable =
                /lang="(ar-SY|en)"/.test(body) || /"message":\{"ar":/.test(body) || res.statusCode === 404;
              if (!readable) failures.push(`${where}: ${res.statusCode} without a readable message`);
              const after = await tableCounts(t);
              for (const [table, n] of Object.entries(after))
                if (before[table] !== n)
                  failures.push(`${where}: ${res.statusCode} but ${table} changed ${before[table]} → ${n}`);
            }
            return true;
          },
        ),
        { numRuns: opts.runsPerRoute, seed: opts.seed, endOnFailure: true },
      );
      if (failures.length > 20) return { requests, statuses, failures };
    }
  }
  return { requests, statuses, failures };
}

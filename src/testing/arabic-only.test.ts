// Real data often has no English at all (issue #15: every service page answered 500 when a
// service had no English name). This walk loads the demo — every kind of public item, meeting,
// course, election and service — then removes every English name and title the schema lets go
// (NULL where a column allows it, otherwise an empty string), and follows every link a person
// can reach, in Arabic and in English, as each kind of person. No page may answer 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signIn } from './app.js';
import { useTestApp } from './use-app.js';
import { seedDemoIfEmpty } from '../seed/demo.js';
import { newTotpSecret } from '../core/auth/totp.js';
import { ownTables } from './db.js';

const t = useTestApp();
const cleared: string[] = [];

beforeAll(async () => {
  t.clock.set(new Date());
  await seedDemoIfEmpty(t.app.wasl, { passwords: 'arabic-only-walk' });
  const db = t.handle.db;
  for (const table of await ownTables(db)) {
    for (const column of table.columns) {
      if (!/_en$/.test(column.name) || !/char|text|string/i.test(column.dataType)) continue;
      // A column that must hold something gets an empty string: the worst a form could leave.
      const value = column.isNullable ? null : '';
      try {
        await sql`update ${sql.table(table.name)} set ${sql.ref(column.name)} = ${value}`.execute(db);
        cleared.push(`${table.name}.${column.name}`);
      } catch {
        // a CHECK constraint refuses the empty string: the app can never store it either
      }
    }
  }
  // Staff see their workspaces only with two-step set up.
  await db.updateTable('users').set({ totp_secret: newTotpSecret() }).execute();
}, 120_000);

const SKIP =
  /^\/(logout|media\/|publishing\/covers\/|offline\/packs\/|api\/|feeds\/|.*\.(xml|ics|csv|xlsx|pdf|json|js|css|png|webp|svg|ico)(\?|$))/;

/** The shape of a path (ids and slugs blanked), so a walk visits a few of each kind, not all. */
const shape = (url: string) =>
  url
    .replace(/\?.*$/, '')
    .replace(/\/([0-9a-f]{8}-[0-9a-f-]{27}|\d+)(?=\/|$)/g, '/N')
    .replace(/\/C\d+(?=\/|$)/g, '/C')
    .replace(/\/(N)\/[^/]+$/, '/$1/slug');

const safeDecode = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

/** Words of the trade a visitor should never have to know (issue #17). */
const JARGON = /\b(Atom|HSDS|HXL|Markdown)\b/;
const visibleText = (html: string) =>
  html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

async function walk(client: Client, starts: string[], limit = 250) {
  const queue = [...starts];
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const failures: string[] = [];
  const jargon: string[] = [];
  let visited = 0;
  while (queue.length && visited < limit) {
    const url = queue.shift()!;
    const key = safeDecode(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = shape(url);
    if ((perShape.get(s) ?? 0) >= 3) continue;
    perShape.set(s, (perShape.get(s) ?? 0) + 1);
    const res = await client.get(url);
    visited++;
    if (res.statusCode >= 500) failures.push(`${res.statusCode} ${key}`);
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string') {
      const to = res.headers.location;
      if (to.startsWith('/') && !SKIP.test(to)) queue.unshift(to);
      continue;
    }
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    const said = JARGON.exec(visibleText(res.body));
    if (said) jargon.push(`${said[0]} on ${key}`);
    for (const m of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (!SKIP.test(href) && !seen.has(safeDecode(href))) queue.push(href);
    }
  }
  return { visited, failures, jargon, shapes: [...perShape.keys()] };
}

const STARTS = ['/', '/start', '/search?q=%D9%85%D9%8A%D8%A7%D9%87', '/services', '/forum', '/towns', '/elections'];

describe('a network whose records have no English', () => {
  it('cleared the English names and titles of every kind of record', () => {
    for (const column of [
      'organizations.name_en',
      'towns.name_en',
      'svc_services.name_en',
      'programme_courses.title_en',
      'elections.title_en',
      'forum_categories.name_en',
    ])
      expect(cleared, cleared.join(', ')).toContain(column);
  });

  const people = ['anonymous', 'member', 'chair', 'editor', 'moderator'] as const;
  for (const lang of ['ar', 'en'] as const)
    for (const who of people) {
      it(`answers every page reachable by ${who} in ${lang === 'ar' ? 'Arabic' : 'English'} without a server error (and, to visitors, without jargon)`, async () => {
        const client = new Client(t.app);
        if (who !== 'anonymous') {
          const user = await t.handle.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', who)
            .executeTakeFirstOrThrow();
          await signIn(t, client, user.id);
        }
        await client.get(`/?lang=${lang}`);
        const { visited, failures, jargon, shapes } = await walk(client, STARTS);
        expect(failures).toEqual([]);
        // the public site speaks plainly: no format names on any page a visitor reaches
        if (who === 'anonymous' || who === 'member') expect(jargon).toEqual([]);
        expect(visited).toBeGreaterThan(40);
        // the pages real data broke before: a service, an organization, a town, an article, a topic
        for (const kind of [
          /^\/services\/N/,
          /^\/organizations\/N/,
          /^\/towns\/C/,
          /^\/activities\/N/,
          /^\/forum\/t\/N/,
        ])
          expect(
            shapes.some((x) => kind.test(x)),
            `${kind} in ${shapes.join(' ')}`,
          ).toBe(true);
      }, 120_000);
    }

  it('answers the pages of an organization’s own staff without a server error', async () => {
    const admins = await t.handle.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.role', '=', 'orgAdmin')
      .orderBy('users.id')
      .limit(2)
      .execute();
    expect(admins.length).toBe(2);
    for (const admin of admins) {
      const client = new Client(t.app);
      await signIn(t, client, admin.id);
      const { visited, failures } = await walk(client, [...STARTS, '/publishing', '/programmes', '/coordination']);
      expect(failures).toEqual([]);
      expect(visited).toBeGreaterThan(40);
    }
  }, 180_000);
});

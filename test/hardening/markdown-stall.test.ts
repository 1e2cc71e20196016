// Finding 1 of the security probe (#18): one Markdown body stalled the whole server (a 100 KB
// article made every view take ~10 s, /healthz included). Here a corpus of pathological bodies
// (nested emphasis, brackets, links, autolinks, tables — 100 KB each) goes through the real routes:
// written as an article by staff, submitted, published, read by an anonymous visitor; posted in the
// forum by a plain member (refused over the forum's cap, accepted cut to it) and read; saved as a
// meeting's minutes by its organizer (refused over the minutes' cap, accepted cut to it, with lines
// built to be slow for the decision reader too) and read by an invitee, printed, and shown as a
// network meeting to the coordinators (issue 18). While each
// request runs, the event loop's delay is measured with perf_hooks' monitorEventLoopDelay: no
// request may hold it more than 100 ms. The test's own duration is not what is judged.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_CHARS } from '../../src/core/text/markdown.js';
import { BODY_MAX } from '../../src/features/forum/schemas.js';
import { saveCategory } from '../../src/features/forum/topics/queries.js';
import {
  idFrom,
  itemFormFields,
  postMultipart,
  useWorld,
  type Client,
} from '../../src/features/publishing/testing/fixtures.js';
import { LIMITS } from '../../src/features/coordination/schemas.js';
import { MINUTES_ONLY, PATHOLOGICAL, SIZE } from '../../src/testing/markdown-corpus.js';
import { dateToDamascusLocal, HOUR } from '../../src/core/time.js';
import {
  idFrom as coordIdFrom,
  useWorld as useCoordinationWorld,
} from '../../src/features/coordination/testing/test-helpers.js';

const LIMIT_MS = 100;
const RESOLUTION_MS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Samples the event loop every 10 ms for the whole file; each request reads its own stretch. */
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

/**
 * Runs `request`, returning its answer and the longest the event loop was held meanwhile (ms): the
 * longest gap between two samples, less the sampling interval. A reset forgets the last sample, so
 * the loop turns a few times before the request (and after it, so a block at its end is counted).
 */
async function measured<T>(request: () => Promise<T>): Promise<{ result: T; maxMs: number }> {
  loop.reset();
  await sleep(3 * RESOLUTION_MS);
  const result = await request();
  await sleep(3 * RESOLUTION_MS);
  return { result, maxMs: loop.max / 1e6 - RESOLUTION_MS };
}

beforeAll(() => loop.enable());
afterAll(() => loop.disable());

const w = useWorld();

describe('pathological Markdown through the real routes', () => {
  it('keeps every body to the article cap and 100 KB', () => {
    for (const [name, body] of Object.entries(PATHOLOGICAL)) {
      expect(body.length, name).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
      expect(body.length, name).toBeGreaterThanOrEqual(SIZE - 100);
    }
  });

  it('the measure sees a request that holds the event loop (150 ms busy on purpose)', async () => {
    const { maxMs } = await measured(async () => {
      const until = Date.now() + 150;
      while (Date.now() < until);
      return { statusCode: 200 };
    });
    expect(maxMs).toBeGreaterThan(LIMIT_MS);
    const idle = await measured(async () => ({ statusCode: 200 }));
    expect(idle.maxMs).toBeLessThan(LIMIT_MS);
  });

  it('no request holds the event loop more than 100 ms: articles written, published and read; forum posts', async () => {
    const { t, clients, net } = w;
    const db = t.handle.db;
    const category = await saveCategory(
      db,
      null,
      net,
      {
        name_ar: 'قسم التجارب',
        name_en: 'Trials',
        description_ar: '',
        description_en: '',
        visibility: 'public',
        topic_creators: 'members',
        approval: 'none',
        position: 0,
      },
      t.clock.now,
    );
    const slow: string[] = [];
    const served: string[] = [];
    const check = async <R extends { statusCode: number }>(label: string, request: () => Promise<R>): Promise<R> => {
      const { result, maxMs } = await measured(request);
      if (result.statusCode >= 500) served.push(`${label}: ${result.statusCode}`);
      if (maxMs > LIMIT_MS) slow.push(`${label}: ${Math.round(maxMs)} ms`);
      return result;
    };
    const get = (c: Client, url: string) => () => c.get(url);
    const post = (c: Client, url: string, body: Record<string, string | string[]>) => () => c.post(url, body);

    for (const [name, body] of Object.entries(PATHOLOGICAL)) {
      // an article: written by staff, submitted by their admin, published by the editor, read by anyone
      await clients.staffA!.get(`/publishing/new?kind=activity&org=${w.orgA}`);
      // the article form is multipart (it takes a cover and a file), as a browser sends it
      const made = await check(`${name}: save`, () =>
        postMultipart(
          w,
          clients.staffA!,
          '/publishing/new?kind=activity',
          itemFormFields(w.orgA, { title: `تجربة ${name}`, body }),
          {},
        ),
      );
      expect(made.statusCode, `${name}: save`).toBe(303);
      const id = idFrom(made.headers.location);
      await check(`${name}: workspace`, get(clients.staffA!, `/publishing/items/${id}`));
      await clients.adminA!.get(`/publishing/items/${id}`);
      await check(`${name}: submit`, post(clients.adminA!, `/publishing/items/${id}/submit`, {}));
      await clients.editor!.get(`/publishing/items/${id}`);
      const live = await check(`${name}: publish`, post(clients.editor!, `/publishing/items/${id}/publish`, {}));
      expect(live.statusCode, `${name}: publish`).toBe(303);
      const moved = await clients.anon!.get(`/activities/${id}`);
      const at = String(moved.headers.location);
      for (let i = 0; i < 3; i++) {
        const view = await check(`${name}: view ${i + 1}`, get(clients.anon!, at));
        expect(view.statusCode, `${name}: view`).toBe(200);
      }
      await check(`${name}: healthz`, get(clients.anon!, '/healthz'));

      // the forum: any member; over the cap refused (before any parsing), at the cap posted and read
      const member = clients.member!;
      await member.get(`/forum/c/${category}/new`);
      const refused = await check(
        `${name}: forum over the cap`,
        post(member, `/forum/c/${category}/new`, { title: `تجربة ${name}`, body }),
      );
      // 400 (over the field's cap), or 413 when the encoded form is over the 256 KB a form may send
      expect([400, 413], `${name}: forum over the cap`).toContain(refused.statusCode);
      t.clock.advance(10 * 60_000);
      await member.get(`/forum/c/${category}/new`);
      await check(
        `${name}: forum post`,
        post(member, `/forum/c/${category}/new`, { title: `تجربة ${name}`, body: body.slice(0, BODY_MAX) }),
      );
      const topic = await db
        .selectFrom('forum_topics')
        .select('id')
        .where('author_id', '=', w.u.member!)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (topic) await check(`${name}: forum topic`, get(clients.anon!, `/forum/t/${topic.id}`));
      t.clock.advance(10 * 60_000);
    }
    console.log(
      `markdown corpus: ${Object.keys(PATHOLOGICAL).length} bodies of 100 KB; requests over ${LIMIT_MS} ms: ${slow.length}`,
    );
    expect(served).toEqual([]);
    expect(slow).toEqual([]);
  });
});

const coordination = useCoordinationWorld();

describe('pathological Markdown as meeting minutes (issue 18)', () => {
  it('no request holds the event loop more than 100 ms: minutes saved, read, printed', async () => {
    const { t, w } = coordination;
    const slow: string[] = [];
    const served: string[] = [];
    const check = async <R extends { statusCode: number }>(label: string, request: () => Promise<R>): Promise<R> => {
      const { result, maxMs } = await measured(request);
      if (result.statusCode >= 500) served.push(`${label}: ${result.statusCode}`);
      if (maxMs > LIMIT_MS) slow.push(`${label}: ${Math.round(maxMs)} ms`);
      return result;
    };
    const local = (ms: number) => dateToDamascusLocal(new Date(t.clock.now.getTime() + ms));
    const corpus = { ...PATHOLOGICAL, ...MINUTES_ONLY };
    for (const [name, body] of Object.entries(corpus)) {
      // A network meeting the coordinators see, hosted by A (its staff manage it), B invited.
      await w.c.adminA.get('/meetings/new');
      const made = await w.c.adminA.post('/meetings/new', {
        kind: 'other',
        title: `تجربة ${name}`,
        description: '',
        host_org_id: String(w.orgA),
        starts_at: local(-2 * HOUR),
        ends_at: local(-HOUR),
        place_kind: 'town',
        place_org_id: '',
        town_pcode: 'C1564',
        place_detail: '',
        online_url: '',
        visibility: 'network',
        public_summary: '',
        quorum_orgs: '0',
        invite_orgs: [String(w.orgB)],
        invite_users: '',
      });
      expect(made.statusCode, `${name}: meeting`).toBe(303);
      const id = coordIdFrom(made.headers.location);
      await w.c.adminA.get(`/meetings/${id}/minutes`);
      const refused = await check(`${name}: minutes over the cap`, () =>
        w.c.adminA.post(`/meetings/${id}/minutes`, { minutes_md: body }),
      );
      expect([400, 413], `${name}: minutes over the cap`).toContain(refused.statusCode);
      const saved = await check(`${name}: minutes`, () =>
        w.c.adminA.post(`/meetings/${id}/minutes`, { minutes_md: body.slice(0, LIMITS.minutes) }),
      );
      // saved, or refused beside the field (more decisions than one set of minutes may hold)
      expect([303, 400], `${name}: minutes`).toContain(saved.statusCode);
      await check(`${name}: minutes form`, () => w.c.adminA.get(`/meetings/${id}/minutes`));
      for (const [who, url] of [
        ['staffB', `/meetings/${id}`],
        ['editor', `/meetings/${id}`],
        ['staffB', `/meetings/${id}/minutes/print`],
        ['adminA', `/meetings/${id}.ics`],
      ] as const) {
        const view = await check(`${name}: ${who} ${url}`, () => w.c[who].get(url));
        expect(view.statusCode, `${name}: ${who} ${url}`).toBe(200);
      }
      await check(`${name}: healthz`, () => w.c.anonymous.get('/healthz'));
      t.clock.advance(10 * 60_000);
    }
    console.log(
      `minutes corpus: ${Object.keys(corpus).length} bodies cut to ${LIMITS.minutes} characters; requests over ${LIMIT_MS} ms: ${slow.length}`,
    );
    expect(served).toEqual([]);
    expect(slow).toEqual([]);
  });
});

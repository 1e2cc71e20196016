// Shared set-up of this feature's tests: a small gazetteer, a network with two organizations and
// a person in every role (each with a signed-in client), and items written straight through the
// workflow's functions.
import { afterAll, beforeAll, expect } from 'vitest';
import * as app from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { importGazetteer } from '../../../core/towns/queries.js';
import { createItem, publishItem, type ItemInput } from '../workspace/actions.js';

export * from '../../../testing/app.js';
type Client = app.Client;

export const GAZETTEER =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Eastern Tal Aar,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1202,الباب,Al Bab,SY020500,الباب,Al Bab,SY0205,الباب,Al Bab,SY02,حلب,Aleppo,36.37,37.51\n' +
  'C1564,أعزاز,Azaz,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n';

/** An activity of `organizationId` with nothing but a title, changed by `over`. */
export function itemInput(organizationId: number | null, over: Partial<ItemInput> = {}): ItemInput {
  return {
    kind: 'activity',
    organizationId,
    lang: 'ar',
    title: 'عنوان',
    summary: '',
    body: '',
    byline: '',
    bylinePseudonym: false,
    towns: [],
    topics: [],
    collection: null,
    resourceType: null,
    pageKey: null,
    translationOf: null,
    localIssueId: null,
    projectId: null,
    activityDate: null,
    coverAlt: '',
    filePages: null,
    externalUrl: null,
    ...over,
  };
}

export type World = {
  t: app.TestApp;
  net: number;
  orgA: number;
  orgB: number;
  /** user ids: staffA, adminA, staffB, adminB, editor, member */
  u: Record<string, number>;
  /** a signed-in client per user, and `anon` */
  clients: Record<string, Client>;
};

/** The app with the gazetteer, a network, organizations A and B and a person in every role. */
export async function buildWorld(): Promise<World> {
  const t = await app.buildTestApp();
  const db = t.handle.db;
  await importGazetteer(db, GAZETTEER, { now: t.clock.now });
  const net = await app.makeNetwork(db);
  const orgA = await app.makeOrganization(db, net, 'Ghiras');
  const orgB = await app.makeOrganization(db, net, 'Noon');
  const staff = { totpSecret: newTotpSecret() };
  const u: Record<string, number> = {
    staffA: (await app.makeUser(db, { username: 'staff_a', org: [orgA, 'orgStaff'], ...staff })).id,
    adminA: (await app.makeUser(db, { username: 'admin_a', org: [orgA, 'orgAdmin'], ...staff })).id,
    staffB: (await app.makeUser(db, { username: 'staff_b', org: [orgB, 'orgStaff'], ...staff })).id,
    adminB: (await app.makeUser(db, { username: 'admin_b', org: [orgB, 'orgAdmin'], ...staff })).id,
    editor: (await app.makeUser(db, { username: 'editor', network: [net, 'networkEditor'], ...staff })).id,
    member: (await app.makeUser(db, { username: 'member' })).id,
  };
  const clients: Record<string, Client> = {};
  for (const [k, id] of Object.entries(u)) {
    clients[k] = new app.Client(t.app);
    await app.signIn(t, clients[k]!, id);
  }
  clients.anon = new app.Client(t.app);
  return { t, net, orgA, orgB, u, clients };
}

/** An item of organization A (unless `over` says otherwise) published by the editor at `at`. */
export async function published(w: World, over: Partial<ItemInput>, at: Date = w.t.clock.now): Promise<number> {
  const id = await createItem(w.t.handle.db, w.net, itemInput(w.orgA, over), w.u.editor!, at);
  await publishItem(w.t.handle.db, id, w.u.editor!, at);
  return id;
}

/** The item form as a browser posts it, for organization `orgId`. */
export const itemFormFields = (orgId: number, over: Record<string, string | string[]> = {}) => ({
  organization_id: String(orgId),
  lang: 'ar',
  title: 'زيارة إلى المجلس المحلي في تل عار',
  summary: 'ناقش الأهالي جدول ضخ المياه.',
  body: 'ناقش **الأهالي** مع المجلس انقطاع المياه.',
  byline: '',
  towns: 'C1594',
  topics: ['water', 'local-governance'],
  activity_date: '2026-06-20',
  cover_alt: '',
  file_pages: '',
  external_url: '',
  translation_of: '',
  ...over,
});

/** The world for one test file: built before its tests, closed after them. */
export function useWorld(): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await buildWorld());
  });
  afterAll(() => w.t?.close());
  return w;
}

export async function itemRow(w: World, id: number) {
  return w.t.handle.db.selectFrom('pub_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The item id in a 303 to its workspace page. */
export function idFrom(location: unknown): number {
  const m = /\/publishing\/items\/(\d+)$/.exec(String(location));
  expect(m, String(location)).not.toBeNull();
  return Number(m![1]);
}

/** A draft of organization A written through the form by `client`. */
export async function newDraft(
  w: World,
  client: Client,
  over: Record<string, string | string[]> = {},
  kind = 'activity',
): Promise<number> {
  await client.get(`/publishing/new?kind=${kind}&org=${w.orgA}`);
  const res = await client.post(`/publishing/new?kind=${kind}`, itemFormFields(w.orgA, over));
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return idFrom(res.headers.location);
}

function multipart(
  fields: Record<string, string | string[]>,
  files: Record<string, { name: string; type: string; data: Buffer }>,
) {
  const boundary = '----waslboundary' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const item of Array.isArray(v) ? v : [v])
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${item}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A multipart form post (with files) by a signed-in client, as a browser sends it. */
export async function postMultipart(
  w: World,
  client: Client,
  url: string,
  fields: Record<string, string | string[]>,
  files: Parameters<typeof multipart>[1],
) {
  const { payload, contentType } = multipart({ _csrf: client.csrf!, ...fields }, files);
  return w.t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
}

/** An item's history as tests read it: workflow events, revisions, audit actions. */
export async function history(w: World, id: number) {
  const db = w.t.handle.db;
  const [events, revisions, audit] = await Promise.all([
    db.selectFrom('pub_events').select('action').where('item_id', '=', id).orderBy('id').execute(),
    db.selectFrom('pub_revisions').select(['number', 'body']).where('item_id', '=', id).orderBy('number').execute(),
    db.selectFrom('audit_log').select('action').where('target_id', '=', String(id)).execute(),
  ]);
  return { events: events.map((e) => e.action), revisions, audit: audit.map((a) => a.action) };
}

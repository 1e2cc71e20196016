// Who is told of an item's steps (issue #17): the editors when an organization submits, the
// writer when an editor returns or publishes — nobody else, and nobody who may no longer open it.
import { describe, expect, it } from 'vitest';
import { Client, makeUser, newDraft, signIn, useWorld } from '../testing/fixtures.js';
import publishing from '../index.js';
import { publishDue } from './actions.js';
import { newTotpSecret } from '../../../core/auth/totp.js';

const w = useWorld();

/** Who got a notice leading to item `id`, by kind: { 'publishing.returned': ['staffA'] }. */
async function told(id: number): Promise<Record<string, string[]>> {
  const rows = await w.t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'type'])
    .where('url', '=', `/publishing/items/${id}`)
    .orderBy('id')
    .execute();
  const names = new Map(Object.entries(w.u).map(([name, uid]) => [uid, name]));
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.type] ??= []).push(names.get(r.user_id) ?? `user ${r.user_id}`);
  return out;
}

async function submitted(title: string): Promise<number> {
  const id = await newDraft(w, w.clients.staffA!, { title });
  await w.clients.adminA!.get(`/publishing/items/${id}`);
  expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
  return id;
}

async function editorPosts(id: number, step: 'return' | 'publish', body: Record<string, string>) {
  await w.clients.editor!.get(`/publishing/items/${id}`);
  const res = await w.clients.editor!.post(`/publishing/items/${id}/${step}`, body);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
}

describe('publishing notifications', () => {
  it('a draft is news to nobody; once submitted, the network editors are told, no one else', async () => {
    const id = await newDraft(w, w.clients.staffA!, { title: 'مسودة لم تُرسل بعد' });
    expect(await told(id)).toEqual({});
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    expect(await told(id)).toEqual({ 'publishing.submitted': ['editor'] });
    const list = await w.clients.editor!.get('/notifications');
    expect(list.body).toContain('«مسودة لم تُرسل بعد» بانتظار المراجعة.');
  });

  it('an editor returns a draft: the staff member who wrote it is told, with the title and a link to it', async () => {
    const id = await submitted('زيارة إلى مدرسة الحي');
    await editorPosts(id, 'return', { comment: 'يلزم ذكر التاريخ.' });
    expect(await told(id)).toEqual({ 'publishing.submitted': ['editor'], 'publishing.returned': ['staffA'] });
    const row = await w.t.handle.db
      .selectFrom('notifications')
      .select(['params', 'read_at'])
      .where('type', '=', 'publishing.returned')
      .where('url', '=', `/publishing/items/${id}`)
      .executeTakeFirstOrThrow();
    // Only what the linked page shows: the title (not the editor's name, not the comment).
    expect(JSON.parse(row.params)).toEqual({ title: 'زيارة إلى مدرسة الحي' });
    expect(row.read_at).toBeNull();
    const list = await w.clients.staffA!.get('/notifications');
    expect(list.statusCode).toBe(200);
    // Its age is counted from the request's clock (it was sent just now).
    expect(list.body).toMatch(/<time [^>]*>الآن<\/time>/);
    const start = await w.clients.staffA!.get('/start');
    expect(start.body).toContain('أعاد التحرير «زيارة إلى مدرسة الحي» مع ملاحظات للتعديل.');
    expect(list.body).toContain('أعاد التحرير «زيارة إلى مدرسة الحي» مع ملاحظات للتعديل.');
    // Opening it (a form: reading a page never writes) marks it read and leads to the item.
    const open = /action="(\/notifications\/\d+\/open)"/.exec(list.body)![1]!;
    const opened = await w.clients.staffA!.post(open, {});
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/publishing/items/${id}`);
    expect((await w.clients.staffA!.get(`/publishing/items/${id}`)).body).toContain('يلزم ذكر التاريخ.');

    for (const other of ['adminA', 'staffB', 'adminB', 'member', 'editor']) {
      const page = await w.clients[other]!.get('/notifications');
      expect(page.body, other).not.toContain('زيارة إلى مدرسة الحي» مع ملاحظات');
    }
  });

  it('tells nothing to a writer who has left the organization (they may not open the item)', async () => {
    const db = w.t.handle.db;
    const leaver = await makeUser(db, { username: 'leaver', org: [w.orgA, 'orgStaff'], totpSecret: newTotpSecret() });
    const client = new Client(w.t.app);
    await signIn(w.t, client, leaver.id);
    const id = await newDraft(w, client, { title: 'كتبها من غادر' });
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    await db.deleteFrom('memberships').where('user_id', '=', leaver.id).execute();
    await editorPosts(id, 'return', { comment: 'ناقصة.' });
    expect(await told(id)).toEqual({ 'publishing.submitted': ['editor'] });
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', leaver.id).execute()).toEqual([]);
  });

  it('publishing tells the writer; a scheduled item only when its time comes (by the job)', async () => {
    const id = await submitted('نشرة المياه');
    await editorPosts(id, 'publish', { publish_at: '' });
    expect(await told(id)).toEqual({ 'publishing.submitted': ['editor'], 'publishing.published': ['staffA'] });

    const later = await submitted('نشرة الكهرباء');
    await editorPosts(later, 'publish', { publish_at: '2026-07-01T10:00' });
    expect(await told(later)).toEqual({ 'publishing.submitted': ['editor'] });
    w.t.clock.set(new Date('2026-07-01T08:00:00Z'));
    const job = publishing.jobs!.find((j) => j.name === 'publish-due')!;
    await job.run(w.t.app.wasl, w.t.clock.now);
    expect(await told(later)).toEqual({ 'publishing.submitted': ['editor'], 'publishing.published': ['staffA'] });
    // The job has nothing left to record, and tells nobody twice.
    expect(await publishDue(w.t.handle.db, w.t.clock.now)).toBe(0);
  });
});

// Member workspaces through HTTP: notes and documents with versions, sharing item by item,
// private files, people and roles, emergency access (audit + notice), export, leaving.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { idFrom, PDF, postMultipart, resignIn, told, useWorld } from '../testing/test-helpers.js';
import { emergencyEndNotices, processDepartures } from './actions.js';
import { HOUR, DAY } from '../../../core/time.js';
import { rowsOf } from '../../../core/db/rows.js';
import { theRow } from '../test-fixtures.js';
import { downloadTiming } from '../../../core/downloads/index.js';

const s = useWorld();

/** The network admin asks for emergency access to an organization's workspace, from its form. */
async function askEmergency(org: number, reason: string, hours: string) {
  await s.w.c.netAdmin.get(`/workspace/${org}/emergency`);
  return s.w.c.netAdmin.post(`/workspace/${org}/emergency`, { reason, hours });
}

/** Staff A adds a document with one file to A's workspace. */
async function postDocument(fields: { title: string; note: string }, filename: string, data: Buffer) {
  await s.w.c.staffA.get(`/workspace/${s.w.orgA}`);
  const url = `/workspace/${s.w.orgA}/documents`;
  return postMultipart(s.t, s.w.c.staffA, url, { ...fields, body: '' }, { file: { filename, data } });
}

async function newNote(who: 'adminA' | 'staffA' | 'adminB' | 'adminC', org: number, title: string, body = 'نص خاص') {
  await s.w.c[who].get(`/workspace/${org}`);
  const res = await s.w.c[who].post(`/workspace/${org}/notes`, { title, body });
  expect(res.statusCode).toBe(303);
  return idFrom(res.headers.location);
}

describe('workspace', () => {
  it('shows an organization its own workspace and nobody else (network admins included)', async () => {
    const id = await newNote('staffA', s.w.orgA, 'Budget draft alpha');
    expect((await s.w.c.adminA.get('/workspace')).body).toContain('Budget draft alpha');
    expect((await s.w.c.staffA.get(`/workspace/items/${id}`)).statusCode).toBe(200);
    for (const who of ['adminB', 'netAdmin', 'editor', 'member', 'anonymous'] as const) {
      const page = await s.w.c[who].get(`/workspace/items/${id}`);
      expect(page.statusCode, who).toBe(404);
      const ws = await s.w.c[who].get(`/workspace/${s.w.orgA}`);
      expect([404, 303], who).toContain(ws.statusCode);
      expect(ws.body).not.toContain('Budget draft alpha');
    }
  });

  it('refuses a note without a title, in the person’s language, and writes nothing', async () => {
    await s.w.c.adminA.get(`/workspace/${s.w.orgA}`);
    const before = await s.t.handle.db.selectFrom('coord_items').select('id').execute();
    const res = await s.w.c.adminA.post(`/workspace/${s.w.orgA}/notes`, { title: '', body: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('هذا الحقل مطلوب');
    expect((await s.t.handle.db.selectFrom('coord_items').select('id').execute()).length).toBe(before.length);
  });

  it('shares item by item: named organizations, the network, the public', async () => {
    const id = await newNote('adminA', s.w.orgA, 'Shared training plan');
    await s.w.c.adminA.get(`/workspace/items/${id}`);
    let res = await s.w.c.adminA.post(`/workspace/items/${id}/sharing`, { sharing: 'orgs', orgs: [String(s.w.orgB)] });
    expect(res.statusCode).toBe(303);
    expect((await s.w.c.adminB.get(`/workspace/items/${id}`)).statusCode).toBe(200);
    expect((await s.w.c.adminB.get('/workspace/shared')).body).toContain('Shared training plan');
    expect((await s.w.c.adminC.get(`/workspace/items/${id}`)).statusCode).toBe(404);
    expect((await s.w.c.netAdmin.get(`/workspace/items/${id}`)).statusCode).toBe(404);
    // A reader from another organization may not edit or re-share it.
    await s.w.c.adminB.get(`/workspace/items/${id}`);
    expect((await s.w.c.adminB.post(`/workspace/items/${id}/sharing`, { sharing: 'public' })).statusCode).toBe(404);

    res = await s.w.c.adminA.post(`/workspace/items/${id}/sharing`, { sharing: 'network' });
    expect((await s.w.c.adminC.get(`/workspace/items/${id}`)).statusCode).toBe(200);
    expect((await s.w.c.netAdmin.get(`/workspace/items/${id}`)).statusCode).toBe(200);
    expect((await s.w.c.member.get(`/workspace/items/${id}`)).statusCode).toBe(404);
    expect((await s.w.c.anonymous.get(`/workspace/items/${id}`)).statusCode).toBe(404);

    await s.w.c.adminA.post(`/workspace/items/${id}/sharing`, { sharing: 'public' });
    expect((await s.w.c.anonymous.get(`/workspace/items/${id}`)).statusCode).toBe(200);
    const profile = await s.w.c.anonymous.get(`/organizations/${s.w.orgA}/alpha`);
    expect(profile.body).toContain('Shared training plan');

    await s.w.c.adminA.post(`/workspace/items/${id}/sharing`, { sharing: 'private' });
    expect((await s.w.c.anonymous.get(`/workspace/items/${id}`)).statusCode).toBe(404);
    expect((await s.w.c.adminB.get(`/workspace/items/${id}`)).statusCode).toBe(404);
  });

  it('refuses "shared with organizations" without any organization', async () => {
    const id = await newNote('adminA', s.w.orgA, 'No orgs chosen');
    await s.w.c.adminA.get(`/workspace/items/${id}`);
    const res = await s.w.c.adminA.post(`/workspace/items/${id}/sharing`, { sharing: 'orgs' });
    expect(res.statusCode).toBe(400);
    expect((await theRow(s.t, 'coord_items', { id })).sharing).toBe('private');
  });

  it('keeps document versions and serves the files only after the access check', async () => {
    const res = await postDocument({ title: 'Bylaws', note: 'first' }, 'النظام الداخلي.pdf', PDF('v1 secret bylaws'));
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    await s.w.c.staffA.get(`/workspace/items/${id}`);
    const v2 = await postMultipart(
      s.t,
      s.w.c.staffA,
      `/workspace/items/${id}/versions`,
      { note: 'second' },
      {
        file: { filename: 'bylaws-v2.pdf', data: PDF('v2 secret bylaws') },
      },
    );
    expect(v2.statusCode).toBe(303);
    const versions = await rowsOf(s.t.handle.db, 'coord_document_versions', { item_id: id }, ['version']);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const media = await theRow(s.t, 'media', { id: versions[0]!.media_id });
    expect(media.is_public).toBe(0);
    const url = `/workspace/items/${id}/versions/${versions[0]!.id}/file`;
    const ok = await s.w.c.adminA.get(url);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('v1 secret bylaws');
    expect(ok.headers['content-disposition']).toContain('attachment');
    for (const who of ['adminB', 'netAdmin', 'anonymous'] as const)
      expect((await s.w.c[who].get(url)).statusCode, who).toBe(404);
    // The core's public media route refuses it too.
    const file = JSON.parse(media.variants).file;
    expect((await s.w.c.anonymous.get(`/media/${versions[0]!.media_id}/${file}`)).statusCode).toBe(404);
  });

  it('refuses an SVG or an executable upload with a message beside the field', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const res = await postDocument({ title: 'Logo', note: '' }, 'x.svg', svg);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('SVG');
  });

  it('lets the admin set titles, the executive director and one voting representative', async () => {
    await s.w.c.adminA.get(`/workspace/${s.w.orgA}`);
    let res = await s.w.c.adminA.post(`/workspace/${s.w.orgA}/people`, {
      user_id: String(s.w.users.adminA),
      title: 'Director',
      executive_director: 'on',
      representative: 'on',
    });
    expect(res.statusCode).toBe(303);
    res = await s.w.c.adminA.post(`/workspace/${s.w.orgA}/people`, {
      user_id: String(s.w.users.staffA),
      title: 'Coordinator',
      representative: 'on',
    });
    const reps = await s.t.handle.db
      .selectFrom('coord_member_roles')
      .select('user_id')
      .where('organization_id', '=', s.w.orgA)
      .where('is_representative', '=', 1)
      .execute();
    expect(reps.map((r) => r.user_id)).toEqual([s.w.users.staffA]);
    // staff cannot; another organization's admin cannot; someone outside the organization cannot be named.
    await s.w.c.staffA.get(`/workspace/${s.w.orgA}`);
    expect(
      (await s.w.c.staffA.post(`/workspace/${s.w.orgA}/people`, { user_id: String(s.w.users.staffA), title: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.w.c.adminB.post(`/workspace/${s.w.orgA}/people`, { user_id: String(s.w.users.adminB), title: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.w.c.adminA.post(`/workspace/${s.w.orgA}/people`, { user_id: String(s.w.users.adminB), title: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('emergency access', () => {
  it('needs a stated reason, is time-limited, audited and shown to the organization’s admins until acknowledged', async () => {
    const secret = await newNote('adminB', s.w.orgB, 'Beta internal minutes');
    const admin = s.w.c.netAdmin;
    expect((await admin.get(`/workspace/${s.w.orgB}`)).statusCode).toBe(404);
    const short = await askEmergency(s.w.orgB, 'need', '4');
    expect(short.statusCode).toBe(400);
    expect((await admin.get(`/workspace/${s.w.orgB}`)).statusCode).toBe(404);

    const reason = 'The only admin of Beta is unreachable and the council needs the bylaws today.';
    const res = await admin.post(`/workspace/${s.w.orgB}/emergency`, { reason, hours: '4' });
    expect(res.statusCode).toBe(303);
    const ws = await admin.get(`/workspace/${s.w.orgB}`);
    expect(ws.statusCode).toBe(200);
    expect(ws.body).toContain('Beta internal minutes');
    expect((await admin.get(`/workspace/items/${secret}`)).statusCode).toBe(200);
    // Read only: the emergency does not let the admin write.
    expect((await admin.post(`/workspace/${s.w.orgB}/notes`, { title: 'x', body: '' })).statusCode).toBe(404);

    const entries = await s.t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'coordination.emergency.%')
      .where('organization_id', '=', s.w.orgB)
      .execute();
    const opened = entries.find((e) => e.action === 'coordination.emergency.opened');
    expect(opened?.actor_user_id).toBe(s.w.users.netAdmin);
    expect(JSON.parse(opened!.details).reason).toBe(reason);
    expect(entries.some((e) => e.action === 'coordination.emergency.viewed')).toBe(true);

    // The organization's admin sees the notice on the next visit; staff do not get the acknowledge button.
    const page = await s.w.c.adminB.get('/workspace');
    expect(page.body).toContain(reason);
    expect((await s.w.c.adminB.get('/')).body).toContain(`/workspace/${s.w.orgB}`);
    expect((await s.w.c.adminA.get('/')).body).not.toContain('عرض التفاصيل في مساحة العمل');
    expect((await s.w.c.staffB.get('/workspace')).body).not.toContain(reason);

    // Four hours later it has expired.
    s.t.clock.advance(4 * HOUR + 1000);
    await resignIn(s.t, s.w);
    expect((await admin.get(`/workspace/${s.w.orgB}`)).statusCode).toBe(404);
    expect((await admin.get(`/workspace/items/${secret}`)).statusCode).toBe(404);

    const grant = await theRow(s.t, 'coord_emergency_access', { organization_id: s.w.orgB });
    expect(
      (await s.w.c.adminA.post(`/workspace/${s.w.orgB}/emergency/acknowledge`, { id: String(grant.id) })).statusCode,
    ).toBe(404);
    await s.w.c.adminB.get('/workspace');
    const ack = await s.w.c.adminB.post(`/workspace/${s.w.orgB}/emergency/acknowledge`, { id: String(grant.id) });
    expect(ack.statusCode).toBe(303);
    const after = await s.w.c.adminB.get('/workspace');
    expect(after.body).not.toContain('اطّلعت على ذلك');
    expect((await s.w.c.adminB.get('/')).body).not.toContain('عرض التفاصيل في مساحة العمل');
  });

  it('is for network admins only, and not into their own organization', async () => {
    await s.w.c.editor.get('/workspace');
    expect(
      (await s.w.c.editor.post(`/workspace/${s.w.orgB}/emergency`, { reason: 'x'.repeat(40), hours: '1' })).statusCode,
    ).toBe(404);
    expect(
      (await s.w.c.adminA.post(`/workspace/${s.w.orgB}/emergency`, { reason: 'x'.repeat(40), hours: '1' })).statusCode,
    ).toBe(404);
    await s.w.c.netAdmin.get('/workspace');
    expect(
      (await s.w.c.netAdmin.post(`/workspace/${s.w.orgB}/emergency`, { reason: 'x'.repeat(40), hours: '500' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('telling an organization about emergency access (issue 17)', () => {
  it("the organization's admins are told when it opens and when it ends; tells nothing to staff or the network admin", async () => {
    const url = `/workspace/${s.w.orgA}`;
    const reason = 'Alpha’s office burned down; the donor report is due tomorrow.';
    expect((await askEmergency(s.w.orgA, reason, '2')).statusCode).toBe(303);
    expect(await told(s.t, 'coordination.emergencyOpened', url)).toEqual([s.w.users.adminA]);
    const list = await s.w.c.adminA.get('/notifications');
    expect(list.body).toContain('فُتح وصول طارئ لإدارة الشبكة إلى مساحة عمل منظمتكم');
    // the notice says no more than the workspace shows its admins
    expect(list.body).not.toContain(reason);
    for (const who of ['staffA', 'netAdmin'] as const)
      expect((await s.w.c[who].get('/notifications')).body, who).not.toContain('وصول طارئ');
    await s.w.c.netAdmin.get(`/workspace/${s.w.orgA}`);
    expect((await s.w.c.netAdmin.post(`/workspace/${s.w.orgA}/emergency/end`, {})).statusCode).toBe(303);
    expect(await told(s.t, 'coordination.emergencyEnded', url)).toEqual([s.w.users.adminA]);
    // ended by hand: the job does not tell it a second time (it tells B of B's grant that ran out above)
    await emergencyEndNotices(s.t.app.wasl, s.t.clock.now);
    expect(await told(s.t, 'coordination.emergencyEnded', url)).toEqual([s.w.users.adminA]);
    expect(await told(s.t, 'coordination.emergencyEnded', `/workspace/${s.w.orgB}`)).toEqual([s.w.users.adminB]);
  });

  it('a grant that runs out on its own is told by the job, once', async () => {
    const url = `/workspace/${s.w.orgC}`;
    const reason = 'Gamma’s only admin is detained; the payroll must go out this week.';
    expect((await askEmergency(s.w.orgC, reason, '1')).statusCode).toBe(303);
    expect(await emergencyEndNotices(s.t.app.wasl, s.t.clock.now)).toBe(0); // still running
    s.t.clock.advance(HOUR + 1000);
    expect(await emergencyEndNotices(s.t.app.wasl, s.t.clock.now)).toBe(1);
    expect(await emergencyEndNotices(s.t.app.wasl, s.t.clock.now)).toBe(0);
    expect(await told(s.t, 'coordination.emergencyEnded', url)).toEqual([s.w.users.adminC]);
    await resignIn(s.t, s.w);
  });
});

describe('export and leaving', () => {
  it('exports exactly the organization’s data', async () => {
    await newNote('adminC', s.w.orgC, 'Gamma strategy notes', 'gamma-only-text');
    await newNote('adminA', s.w.orgA, 'Alpha export note', 'alpha-only-text');
    expect((await s.w.c.staffA.get(`/workspace/${s.w.orgA}/export`)).statusCode).toBe(404);
    expect((await s.w.c.netAdmin.get(`/workspace/${s.w.orgA}/export`)).statusCode).toBe(404);
    const res = await s.w.c.adminA.get(`/workspace/${s.w.orgA}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files);
    expect(names).toContain('organization.json');
    expect(names).toContain('workspace/items.json');
    expect(names.some((n) => n.startsWith('workspace/files/') && n.includes('-v2-'))).toBe(true);
    const all = names.map((n) => (n.endsWith('.json') ? strFromU8(files[n]!) : '')).join('\n');
    expect(all).toContain('alpha-only-text');
    expect(all).toContain('Budget draft alpha');
    expect(all).not.toContain('gamma-only-text');
    expect(all).not.toContain('Beta internal minutes');
    expect(all).not.toContain('Beta');
    expect(all).not.toContain('Gamma');
    const items = JSON.parse(strFromU8(files['workspace/items.json']!)) as { organization_id: number }[];
    expect(items.every((i) => i.organization_id === s.w.orgA)).toBe(true);
    const audit = await s.t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'coordination.export')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('an export not ready within a moment is finished on its page, for the admin who asked alone', async () => {
    downloadTiming.answerWithinMs = 0;
    try {
      const res = await s.w.c.adminA.get(`/workspace/${s.w.orgA}/export`);
      expect(res.statusCode).toBe(303);
      const page = String(res.headers.location);
      expect(page).toMatch(/^\/downloads\/\d+$/);
      let file = await s.w.c.adminA.get(`${page}/file`);
      for (let i = 0; i < 200 && file.statusCode !== 200; i++) {
        await new Promise((r) => setTimeout(r, 25));
        file = await s.w.c.adminA.get(`${page}/file`);
      }
      expect(file.statusCode).toBe(200);
      const names = Object.keys(unzipSync(new Uint8Array(file.rawPayload)));
      expect(names).toContain('organization.json');
      expect(names.some((n) => n.startsWith('workspace/files/'))).toBe(true);
      // its staff, the network admin and another organization's admin do not see it
      for (const other of [s.w.c.staffA, s.w.c.netAdmin, s.w.c.adminC]) {
        expect((await other.get(page)).statusCode).toBe(404);
        expect((await other.get(`${page}/file`)).statusCode).toBe(404);
      }
    } finally {
      downloadTiming.answerWithinMs = 2000;
    }
  });

  it('deletes a leaving organization’s private data after the confirmation period, not before', async () => {
    const note = await newNote('adminC', s.w.orgC, 'Gamma leaving note');
    await s.w.c.adminC.get('/workspace');
    const wrong = await s.w.c.adminC.post(`/workspace/${s.w.orgC}/leave`, { confirm_name: 'not it' });
    expect(wrong.statusCode).toBe(400);
    const res = await s.w.c.adminC.post(`/workspace/${s.w.orgC}/leave`, { confirm_name: 'Gamma' });
    expect(res.statusCode).toBe(303);
    s.t.clock.advance(10 * DAY);
    await resignIn(s.t, s.w);
    expect(await processDepartures(s.t.app.wasl, s.t.clock.now)).toEqual([]);
    expect((await s.w.c.adminC.get(`/workspace/items/${note}`)).statusCode).toBe(200);
    s.t.clock.advance(21 * DAY);
    await resignIn(s.t, s.w);
    expect(await processDepartures(s.t.app.wasl, s.t.clock.now)).toEqual([s.w.orgC]);
    expect(await rowsOf(s.t.handle.db, 'coord_items', { organization_id: s.w.orgC }, [])).toEqual([]);
    expect((await theRow(s.t, 'organizations', { id: s.w.orgC })).status).toBe('left');
    expect((await s.w.c.adminC.get(`/workspace/items/${note}`)).statusCode).toBe(404);
    // Other organizations keep their data.
    expect((await rowsOf(s.t.handle.db, 'coord_items', { organization_id: s.w.orgA }, [])).length).toBeGreaterThan(0);
  });

  it('can cancel leaving during the confirmation period', async () => {
    await s.w.c.adminB.get('/workspace');
    await s.w.c.adminB.post(`/workspace/${s.w.orgB}/leave`, { confirm_name: 'منظمة Beta' });
    await s.w.c.adminB.post(`/workspace/${s.w.orgB}/leave/cancel`, {});
    s.t.clock.advance(40 * DAY);
    await resignIn(s.t, s.w);
    expect(await processDepartures(s.t.app.wasl, s.t.clock.now)).toEqual([]);
    expect((await theRow(s.t, 'organizations', { id: s.w.orgB })).status).toBe('active');
  });
});

describe('asked again on a session left open', () => {
  it('an export and emergency access need the password or a code from the last ten minutes', async () => {
    await resignIn(s.t, s.w);
    s.t.clock.advance(11 * 60_000); // a phone left signed in, or taken
    const grants = async () => (await s.t.handle.db.selectFrom('coord_emergency_access').select('id').execute()).length;
    const exportsDone = async () =>
      (await s.t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'coordination.export').execute())
        .length;
    const [grantsBefore, exportsBefore] = [await grants(), await exportsDone()];

    const zip = await s.w.c.adminA.get(`/workspace/${s.w.orgA}/export`);
    expect(zip.statusCode).toBe(303);
    expect(zip.headers.location).toBe(`/account/confirm?next=${encodeURIComponent(`/workspace/${s.w.orgA}/export`)}`);
    expect(zip.headers['content-type'] ?? '').not.toContain('zip');

    const open = await askEmergency(s.w.orgB, 'A stated reason long enough for the rule', '2');
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toMatch(/^\/account\/confirm\?next=/);
    expect(await grants()).toBe(grantsBefore);
    expect(await exportsDone()).toBe(exportsBefore);
  });
});

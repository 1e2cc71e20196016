// Who may see and change an election, through HTTP: organization staff create one (bad input
// refused beside the field, nothing written); a draft is its coordinators' only; partners are
// named but do not coordinate; a public election names no observer.
import { describe, expect, it } from 'vitest';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { makeUser } from '../../../testing/app.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

const electionBody = (over: Record<string, string | string[]> = {}) => ({
  title_ar: 'انتخابات المجلس المحلي',
  title_en: 'Local council election',
  poll_date: '2026-07-20',
  seats: '15',
  status: 'draft',
  towns: 'C1605',
  organizers: String(w.jusoor),
  member_partners: String(w.noon),
  other_partners: 'تجمّع شباب | Youth gathering',
  candidates: 'L1 | قائمة أ | List A\ncandidate:K2 | مرشحة | A candidate',
  summary_ar: '',
  summary_en: '',
  ...over,
});

describe('elections: who may see and change what', () => {
  let draftId: number;

  it('anonymous people are sent to sign in; members without an organization get 404', async () => {
    const anon = await w.as('anonymous');
    expect((await anon.get('/elections/new')).statusCode).toBe(303);
    const member = await w.as('member');
    expect((await member.get('/elections/new')).statusCode).toBe(404);
    expect((await member.get('/elections')).body).not.toContain('/elections/new');
  });

  it('organization staff create an election; bad input is refused beside the field, nothing written', async () => {
    const c = await w.as('staff');
    await c.get('/elections/new');
    const before = await w.count('elections');
    const bad = await c.post(
      '/elections/new',
      electionBody({ towns: 'C9999', seats: '0', candidates: 'V | محجوز | reserved' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    const notMine = await c.post('/elections/new', electionBody({ organizers: String(w.noon) }));
    expect(notMine.statusCode).toBe(400);
    const unknown = await c.post('/elections/new', { ...electionBody(), is_admin: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(await w.count('elections')).toBe(before);
    const ok = await c.post('/elections/new', electionBody());
    expect(ok.statusCode).toBe(303);
    draftId = Number(/\/elections\/(\d+)\/manage/.exec(String(ok.headers.location))![1]);
    const page = await c.get(`/elections/${draftId}/edit`);
    expect(page.body).toContain('candidate:K2');
  });

  it('a draft is visible to its coordinators only; another organization gets 404 everywhere', async () => {
    const anon = await w.as('anonymous');
    expect((await anon.get(`/elections/${draftId}`)).statusCode).toBe(404);
    expect((await anon.get('/elections')).body).not.toContain(`/elections/${draftId}"`);
    const other = await w.as('other');
    for (const path of [
      '',
      '/manage',
      '/edit',
      '/observers',
      '/dashboard',
      '/statement',
      '/relay',
      '/forms',
      '/stations',
    ])
      expect((await other.get(`/elections/${draftId}${path}`)).statusCode, path).toBe(404);
    const chair = await w.as('chair');
    expect((await chair.get(`/elections/${draftId}/manage`)).statusCode).toBe(200);
    // A partner organization is named but does not coordinate.
    const noonStaff = (await makeUser(w.db, { org: [w.noon, 'orgStaff'], totpSecret: newTotpSecret() })).id;
    const partner = await w.asUser(noonStaff);
    expect((await partner.get(`/elections/${draftId}/manage`)).statusCode).toBe(404);
  });

  it('an active election is public, without observers’ names anywhere', async () => {
    const anon = await w.as('anonymous');
    const page = await anon.get(`/elections/${w.fx.electionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Observer 1');
    expect(page.body).not.toContain('EL-OB-1');
    const other = await w.as('other');
    expect((await other.get(`/elections/${w.fx.electionId}/observers`)).statusCode).toBe(404);
    const posted = await other.post(
      `/elections/${w.fx.electionId}/observers/${w.fx.observers[0]!.id}/revoke`,
      {},
      { formPage: '/elections' },
    );
    expect(posted.statusCode).toBe(404);
    const still = await w.db
      .selectFrom('observers')
      .select('status')
      .where('id', '=', w.fx.observers[0]!.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
  });
});

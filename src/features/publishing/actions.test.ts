// publishFromFeature: what programmes and coordination call.
import { describe, expect, it } from 'vitest';
import { makeNetwork, makeOrganization, makeUser } from './testing/fixtures.js';
import { useTestApp } from '../../testing/use-app.js';
import { publishFromFeature } from './actions.js';

const t = useTestApp();

describe('publishFromFeature', () => {
  it('creates a submitted item in the workflow, idempotent on its source', async () => {
    const net = await makeNetwork(t.handle.db);
    const org = await makeOrganization(t.handle.db, net);
    const user = await makeUser(t.handle.db, { org: [org, 'orgStaff'] });
    const input = {
      kind: 'resource' as const,
      collection: 'lessons-learned' as const,
      organizationId: org,
      title: 'الدروس المستفادة من الاجتماعات التمهيدية',
      summary: 'ملخص',
      body: '## ما نجح\n\n- الدعوة المبكرة',
      lang: 'ar' as const,
      towns: ['C1594', 'bad', 'c1202'],
      authorUserId: user.id,
      source: { feature: 'coordination', id: 'meeting-7' },
    };
    const first = await publishFromFeature(t.app.wasl, input, t.clock.now);
    expect(first.url).toBe(`/resources/${first.id}/الدروس-المستفادة-من-الاجتماعات-التمهيدية`);
    const row = await t.handle.db
      .selectFrom('pub_items')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(row.collection).toBe('lessons-learned');
    expect(row.organization_id).toBe(org);
    const towns = await t.handle.db
      .selectFrom('pub_item_towns')
      .select('town_pcode')
      .where('item_id', '=', first.id)
      .orderBy('town_pcode')
      .execute();
    expect(towns.map((r) => r.town_pcode)).toEqual(['C1202', 'C1594']);
    // Not public until an editor publishes it.
    const page = await t.app.inject({ url: first.url });
    expect(page.statusCode).toBe(404);
    const again = await publishFromFeature(t.app.wasl, { ...input, title: 'عنوان آخر' }, t.clock.now);
    expect(again).toEqual(first);
    await expect(
      publishFromFeature(
        t.app.wasl,
        { ...input, organizationId: 99999, source: { feature: 'x', id: '1' } },
        t.clock.now,
      ),
    ).rejects.toThrow();
  });
});

// Outreach through HTTP: activities recorded, and the public summary as a protected release (true labels).
import { describe, expect, it } from 'vitest';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

describe('outreach', () => {
  it('records activities and shows a public summary: a small count said to be small, nothing else hidden for it', async () => {
    const c = await w.as('staff');
    await c.get(`/elections/${w.fx.electionId}/outreach`);
    const add = (over: Record<string, string>) =>
      c.post(`/elections/${w.fx.electionId}/outreach`, {
        kind: 'women-participation',
        held_on: '2026-06-01',
        town_pcode: 'C1605',
        organization: String(w.jusoor),
        organization_name: '',
        leaflets: '',
        places: 'المركز',
        reached_women: '64',
        reached_men: '0',
        notes: '',
        ...over,
      });
    expect((await add({})).statusCode).toBe(303);
    expect((await add({ reached_women: '41', reached_men: '7' })).statusCode).toBe(303);
    expect((await add({ kind: 'voter-card', reached_women: '138', reached_men: '162' })).statusCode).toBe(303);
    expect(
      (
        await add({
          kind: 'leaflets',
          leaflets: '1500',
          reached_women: '0',
          reached_men: '0',
          organization: '',
          organization_name: 'شركاء',
        })
      ).statusCode,
    ).toBe(303);
    const bad = await add({ reached_women: 'many', town_pcode: 'C1' });
    expect(bad.statusCode).toBe(400);
    const page = await (await w.as('anonymous')).get(`/elections/${w.fx.electionId}?lang=en`);
    expect(page.body).toContain('1,500');
    // The 7 men reached are hidden as what they are, "fewer than 10"; nothing shown adds them to
    // anything (no totals are published), so no other figure needs hiding to protect them.
    expect(page.body).toMatch(/data-figure="outreach:women-participation:men" data-hidden="small">fewer than 10</);
    expect(page.body).not.toMatch(/<td>7<\/td>/);
    expect(page.body).toMatch(/data-figure="outreach:women-participation:women">105</);
    expect(page.body).toMatch(/data-figure="outreach:voter-card:men">162</);
    // every label is true of the stored counts
    for (const m of page.body.matchAll(/data-figure="outreach:[^"]+" data-hidden="(small|withheld)"/g))
      expect(m[1]).toBe('small');
    expect(page.body).toContain('We never publish a count of 1 to 9 people');
  });
});

// Relayed text reports through HTTP: replies in Arabic and English, nothing recorded twice, the
// incident and "no network" on the dashboard.
import { describe, expect, it } from 'vitest';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

describe('relayed text reports', () => {
  it('parses pasted lines (Arabic-Indic digits too) and replies in Arabic and English naming unknown or missing codes', async () => {
    const c = await w.as('staff');
    await c.get(`/elections/${w.fx.electionId}/relay`);
    const s = w.fx.stations[2]!.label; // e.g. TB-02 S1
    const text = [
      `${s} V ١٢٠ W ٥١ RW 300 RM 300 BR 200 BU 70 BS 10 VA 112 IN 8 BL 3 L1 60 L2 52`,
      'TB-09 S1 W 1 M 1',
      `${s} W 5 Q9 3`,
      `${w.fx.stations[3]!.label} INC ballot box opened before the count`,
      `${w.fx.stations[3]!.label} NONET`,
    ].join('\n');
    const res = await c.post(`/elections/${w.fx.electionId}/relay`, { text });
    expect(res.statusCode).toBe(200);
    expect((res.body.match(/data-ok="1"/g) ?? []).length).toBe(3);
    expect((res.body.match(/data-ok="0"/g) ?? []).length).toBe(2);
    expect(res.body).toContain('Unknown centre or station code: TB-09');
    expect(res.body).toContain('رمز مركز أو صندوق غير معروف: TB-09');
    expect(res.body).toContain('Unknown code: Q9');
    expect(res.body).toMatch(/Missing codes: M BR BU BS VA IN BL L1 L2/);
    expect(res.body).toContain('(M worked out from the total: 69)');
    // pasting the same text again records nothing twice
    const before = await w.count('observation_submissions');
    const again = await c.post(`/elections/${w.fx.electionId}/relay`, { text });
    expect(again.body).toContain('was not recorded twice');
    expect(await w.count('observation_submissions')).toBe(before);
    // the incident is critical and comes first on the dashboard; the station is "no network", not missing
    const dash = await c.get(`/elections/${w.fx.electionId}/dashboard`);
    expect(dash.body.indexOf('badge')).toBeGreaterThan(-1);
    const attention = dash.body.slice(dash.body.indexOf('<h2>', dash.body.indexOf('dashboard')));
    expect(attention).toContain('data-state="unreachable"');
    const obs = await w.db
      .selectFrom('observers')
      .select('no_network_at')
      .where('id', '=', w.fx.observers[3]!.id)
      .executeTakeFirstOrThrow();
    expect(obs.no_network_at).not.toBeNull();
  });
});

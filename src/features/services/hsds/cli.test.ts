// The import-hsds and export-hsds commands, run as `npm run wasl` runs them (on the app's services).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApp } from '../../../testing/app.js';
import { HSDS, servicesWorld } from '../testing/setup.js';
import { servicesCommands } from './cli.js';

let t: TestApp;
let dir: string;
const cmd = (name: string) => servicesCommands.find((c) => c.name === name)!;

beforeAll(async () => {
  t = (await servicesWorld(['noon'])).t;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-hsds-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('wasl import-hsds / export-hsds', () => {
  it('exports JSON and the data package, and imports them back without duplicating anything', async () => {
    expect(await cmd('export-hsds').run(t.app.wasl, [dir], { fs, path })).toBe(0);
    expect(fs.existsSync(path.join(dir, 'services.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'datapackage.json'))).toBe(true);
    const before = await t.handle.db.selectFrom('svc_services').select('id').execute();
    expect(await cmd('import-hsds').run(t.app.wasl, [path.join(dir, 'services.json')], { fs, path })).toBe(0);
    expect(await cmd('import-hsds').run(t.app.wasl, [dir], { fs, path })).toBe(0);
    expect((await t.handle.db.selectFrom('svc_services').select('id').execute()).length).toBe(before.length);
    // And the directory reads the same afterwards (places by P-code, landmarks, Arabic and English).
    const again = path.join(dir, 'again');
    expect(await cmd('export-hsds').run(t.app.wasl, [again], { fs, path })).toBe(0);
    const first = JSON.parse(fs.readFileSync(path.join(dir, 'services.json'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(again, 'services.json'), 'utf8'))).toEqual(first);
    const placed = first.find((s: { service_at_locations?: unknown[] }) => s.service_at_locations);
    expect(placed.service_at_locations[0].location.external_identifier_type).toBe('ocha_pcode');
  });

  it('imports the official example, and refuses its inconsistent CSV package with reasons', async () => {
    expect(
      await cmd('import-hsds').run(t.app.wasl, [path.join(HSDS, 'examples', 'service_full.json')], { fs, path }),
    ).toBe(0);
    const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-hsds-csv-'));
    for (const f of fs.readdirSync(path.join(HSDS, 'examples', 'csv')))
      if (f.endsWith('.csv')) fs.copyFileSync(path.join(HSDS, 'examples', 'csv', f), path.join(csvDir, f));
    const errors = vi.mocked(console.error);
    errors.mockClear();
    expect(await cmd('import-hsds').run(t.app.wasl, [csvDir], { fs, path })).toBe(1);
    const said = errors.mock.calls.flat().join('\n');
    expect(said).toMatch(/Nothing imported: 5 problem\(s\) in 4 file\(s\)/);
    expect(said).toMatch(
      /locations\.csv — organization_id: no organization has this id.*"985e4a42-[^"]*".*first: line 2/,
    );
    fs.rmSync(csvDir, { recursive: true, force: true });
    expect(await cmd('import-hsds').run(t.app.wasl, ['/nonexistent'], { fs, path })).toBe(2);
  });
});

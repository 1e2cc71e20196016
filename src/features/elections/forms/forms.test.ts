// The form builder through HTTP: a form with a condition built and published, a published version
// edited only as a new version, count rules naming unknown fields refused with the line.
import { describe, expect, it } from 'vitest';
import { conditionalQuestions } from '../testing/fixture.js';
import { useElectionsWorld, type Who } from '../testing/setup.js';

const w = useElectionsWorld();
const as = (who: Who) => w.as(who);

/** A new form from its template, by a coordinator; `url` is its builder. */
async function newForm(kind: string, title_ar: string, title_en: string) {
  const c = await as('staff');
  await c.get(`/elections/${w.fx.electionId}/forms`);
  const created = await c.post(`/elections/${w.fx.electionId}/forms`, { kind, title_ar, title_en });
  return { c, created, url: String(created.headers.location) };
}

describe('forms', () => {
  it('a coordinator builds a form with a condition and publishes it; a published version is edited only as a new version', async () => {
    const { c, created, url } = await newForm('opening', 'افتتاح ثان', 'Second opening');
    expect(created.statusCode).toBe(303);
    const page = await c.get(url);
    expect(page.body).toContain('name="q0_id"');
    const saved = await c.post(url, {
      title_ar: 'افتتاح ثان',
      title_en: 'Second opening',
      ...conditionalQuestions,
      rules: '',
    });
    expect(saved.statusCode).toBe(303);
    const bad = await c.post(url, {
      title_ar: 'x',
      title_en: 'y',
      q0_id: 'a',
      q0_type: 'yesno',
      q0_label_ar: 'a',
      q0_label_en: 'a',
      q0_show_if: 'nothing=yes',
    });
    expect(bad.statusCode).toBe(400);
    const publish = await c.post(`${url}/publish`, {});
    expect(publish.statusCode).toBe(303);
    const fid = Number(url.split('/').pop());
    const f = await w.db.selectFrom('observation_forms').selectAll().where('id', '=', fid).executeTakeFirstOrThrow();
    expect(f.status).toBe('published');
    expect(JSON.parse(f.definition).questions[1]).toMatchObject({ showIf: { question: 'opened', equals: 'no' } });
    expect((await c.post(url, { title_ar: 'x', title_en: 'y' })).statusCode).toBe(404); // frozen
    const nv = await c.post(`${url}/new-version`, {});
    expect(nv.statusCode).toBe(303);
    const v2 = await w.db
      .selectFrom('observation_forms')
      .selectAll()
      .where('slug', '=', f.slug)
      .where('election_id', '=', w.fx.electionId)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(v2.status).toBe('draft');
  });

  it('count-form rules naming unknown fields are refused with the line', async () => {
    const { c, url } = await newForm('count', 'محضر', 'Sheet');
    const res = await c.post(url, {
      title_ar: 'محضر',
      title_en: 'Sheet',
      rules: 'valid + invalid = voters\nvoters <= registred',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('registred');
  });
});

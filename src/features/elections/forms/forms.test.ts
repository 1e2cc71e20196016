// The form builder through HTTP: a form with a condition built and published, a published version
// edited only as a new version, count rules naming unknown fields refused with the line.
import { describe, expect, it } from 'vitest';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

/** A new form from its template, by a coordinator; `url` is its builder. */
async function newForm(kind: string, title_ar: string, title_en: string) {
  const c = await w.as('staff');
  await c.get(`/elections/${w.fx.electionId}/forms`);
  const created = await c.post(`/elections/${w.fx.electionId}/forms`, { kind, title_ar, title_en });
  return { c, created, url: String(created.headers.location) };
}

describe('forms', () => {
  it('a coordinator builds a form with a condition and publishes it; a published version is edited only as a new version', async () => {
    const { c, created, url } = await newForm('opening', 'افتتاح ثان', 'Second opening');
    expect(created.statusCode).toBe(303);
    const page = await c.get(url);
    expect(page.body).toContain(`action="${url}/questions"`);
    const doors = await c.post(`${url}/questions`, {
      id: 'doors_open',
      type: 'yesno',
      label_ar: 'هل فُتحت الأبواب؟',
      label_en: 'Doors open?',
      required: 'on',
      critical: 'no',
    });
    expect(doors.statusCode).toBe(303);
    const why = await c.post(`${url}/questions`, {
      id: 'why_closed',
      type: 'choice',
      label_ar: 'لماذا؟',
      label_en: 'Why?',
      options: 'تأخر | Late\n* منع | Prevented',
      show_if: 'doors_open=no',
    });
    expect(why.statusCode).toBe(303);
    const builder = await c.get(url);
    expect(builder.body).toContain('هل فُتحت الأبواب؟');
    expect(builder.body).toContain('لماذا؟');
    // A condition may only name an earlier question's answer.
    const bad = await c.post(`${url}/questions`, {
      id: 'a',
      type: 'yesno',
      label_ar: 'a',
      label_en: 'a',
      show_if: 'nothing=yes',
    });
    expect(bad.statusCode).toBe(400);
    const twice = await c.post(`${url}/questions`, { id: 'doors_open', type: 'yesno', label_ar: 'b' });
    expect(twice.statusCode).toBe(400);
    const publish = await c.post(`${url}/publish`, {});
    expect(publish.statusCode).toBe(303);
    const fid = Number(url.split('/').pop());
    const f = await w.db.selectFrom('observation_forms').selectAll().where('id', '=', fid).executeTakeFirstOrThrow();
    expect(f.status).toBe('published');
    const questions = JSON.parse(f.definition).questions as { id: string }[];
    expect(questions.find((q) => q.id === 'why_closed')).toMatchObject({
      showIf: { question: 'doors_open', equals: 'no' },
      options: [{ critical: false }, { critical: true }],
    });
    expect(questions.map((q) => q.id).slice(-2)).toEqual(['doors_open', 'why_closed']);
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
    const res = await c.post(`${url}/rules`, { rules: 'valid + invalid = voters\nvoters <= registred' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('registred');
  });
});

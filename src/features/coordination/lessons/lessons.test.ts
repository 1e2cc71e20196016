// Lessons learned: private by default, shareable with the network, publishable to the library.
import { describe, expect, it } from 'vitest';
import { findBySource } from '../../publishing/queries.js';
import { idFrom, useWorld } from '../testing/test-helpers.js';

const s = useWorld();

const lesson = {
  subject: 'project',
  meeting_id: '',
  visit_id: '',
  project_label: 'Dialogue sessions',
  title: 'Start council visits earlier',
  what_happened: 'We waited for the council’s answer for two months.',
  what_worked: 'Bringing the board list on the first visit.',
  what_to_change: 'Visit before applying.',
  lang: 'en',
  sharing: 'private',
};

describe('lessons learned', () => {
  it('are private by default, shareable with the network, and publishable to the library', async () => {
    await s.w.c.staffA.get('/lessons/new');
    const res = await s.w.c.staffA.post('/lessons/new', lesson);
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    for (const who of ['adminB', 'netAdmin', 'member'] as const)
      expect((await s.w.c[who].get(`/lessons/${id}`)).statusCode, who).toBe(404);
    // a lesson on a meeting names the meeting
    const missing = await s.w.c.staffA.post('/lessons/new', {
      ...lesson,
      subject: 'meeting',
      project_label: '',
      title: 'x',
      what_happened: '',
      what_worked: '',
      what_to_change: '',
      lang: 'ar',
    });
    expect(missing.statusCode).toBe(400);

    await s.w.c.staffA.get(`/lessons/${id}/edit`);
    await s.w.c.staffA.post(`/lessons/${id}/edit`, { ...lesson, sharing: 'network' });
    expect((await s.w.c.adminB.get(`/lessons/${id}`)).statusCode).toBe(200);
    expect((await s.w.c.anonymous.get(`/lessons/${id}`)).statusCode).toBe(303);
    await s.w.c.adminB.get(`/lessons/${id}`);
    expect((await s.w.c.adminB.post(`/lessons/${id}/publish`, {})).statusCode).toBe(404);

    await s.w.c.staffA.get(`/lessons/${id}`);
    const pub = await s.w.c.staffA.post(`/lessons/${id}/publish`, {});
    expect(pub.statusCode).toBe(303);
    const item = await findBySource(s.t.handle.db, 'coordination', `lesson:${id}`);
    expect(item).not.toBeNull();
    expect(item!.kind).toBe('resource');
    expect(item!.collection).toBe('lessons-learned');
    expect(item!.status).toBe('submitted');
    expect(item!.body).toContain('Visit before applying.');
    // once sent, it is not sent twice
    expect((await s.w.c.staffA.post(`/lessons/${id}/publish`, {})).statusCode).toBe(404);
  });
});

// A forgotten password through HTTP: the same answer for known and unknown addresses, and a link
// that sets a new password once.
import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { client, latestOutbox, t, withTestApp } from '../testing/setup.js';

withTestApp();

describe('password reset and e-mail change', () => {
  it('answers the same for known and unknown addresses, and the link sets a new password once', async () => {
    await makeUser(t.handle.db, { username: 'huda', email: 'huda@example.org' });
    const c = client();
    await c.get('/password-reset');
    const known = await c.post('/password-reset', { email: 'huda@example.org' });
    const unknown = await c.post('/password-reset', { email: 'ghost@example.org' });
    expect(known.statusCode).toBe(unknown.statusCode);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(strip(known.body)).toBe(strip(unknown.body));
    await t.app.wasl.mailer.idle(); // the token and the message are made after the answer
    expect(await latestOutbox('ghost@example.org')).toBeUndefined();
    const mail = await latestOutbox('huda@example.org');
    const link = /\/password-reset\/[A-Za-z0-9_-]+/.exec(mail!.body_text)![0];
    await c.get(link);
    const set = await c.post(link, { new_password: 'a brand new secret', new_password_confirm: 'a brand new secret' });
    expect(set.statusCode).toBe(303);
    expect((await c.get(link)).statusCode).toBe(404);
    expect((await client().login('huda', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await client().login('huda', 'a brand new secret')).statusCode).toBe(303);
  });
});

// What the core answers itself: health, robots.txt.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/use-app.js';

const t = useTestApp({ BASE_URL: 'https://wasl.example.org' });

describe('robots.txt', () => {
  it('opens the public site to crawlers, closes people’s own pages and staff tools, and names the sitemap', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    for (const closed of ['/account', '/admin', '/workspace', '/observe', '/start', '/notifications'])
      expect(res.body).toContain(`Disallow: ${closed}\n`);
    expect(res.body).toContain('Allow: /\n');
    expect(res.body).toContain('Sitemap: https://wasl.example.org/sitemap.xml');
    expect((await t.app.inject({ url: '/sitemap.xml' })).statusCode).toBe(200);
  });
});

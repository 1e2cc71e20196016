// Routes the core owns: health, fingerprinted assets (cached for a year) and public media.
import fs from 'node:fs';
import { sql } from 'kysely';
import { endpoint, notFound, type RouteDef } from './route.js';
import type { Asset } from './assets.js';

/** Paths no crawler needs: people's own pages, staff tools, sign-in and the observer app. */
export const ROBOTS_CLOSED = [
  '/account',
  '/admin',
  '/login',
  '/signup',
  '/start',
  '/notifications',
  '/workspace',
  '/publishing',
  '/programmes',
  '/meetings',
  '/plans',
  '/licensing',
  '/lessons',
  '/actions',
  '/observe',
  '/api/observe',
  '/forum/notifications',
];

export function coreRoutes(assets: Asset[]): RouteDef[] {
  return [
    endpoint('GET', '/healthz', {
      access: 'public',
      async handle({ db, wasl, reply }) {
        try {
          await sql`select 1`.execute(db);
          return reply.header('cache-control', 'no-store').send({ status: 'ok', database: wasl.dialect });
        } catch {
          return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
        }
      },
    }),
    ...assets.map((asset) =>
      endpoint('GET', asset.href, {
        access: 'public',
        handle: ({ reply }) =>
          reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body),
      }),
    ),
    // What crawlers may index: the public site; never accounts, workspaces, tools or the APIs'
    // per-person answers. The sitemap lists what is published.
    endpoint('GET', '/robots.txt', {
      access: 'public',
      handle: ({ reply, wasl }) =>
        reply
          .header('cache-control', 'public, max-age=86400')
          .type('text/plain; charset=utf-8')
          .send(
            [
              'User-agent: *',
              ...ROBOTS_CLOSED.map((p) => `Disallow: ${p}`),
              'Allow: /',
              '',
              `Sitemap: ${wasl.config.baseUrl}/sitemap.xml`,
              '',
            ].join('\n'),
          ),
    }),
    // Public media only; private files are served by the owning feature after its own check.
    endpoint('GET', '/media/:id/:file', {
      access: 'public',
      async handle({ params, db, wasl, reply }) {
        const { id, file } = params;
        const row = await db
          .selectFrom('media')
          .select(['mime', 'is_public', 'variants'])
          .where('id', '=', id)
          .executeTakeFirst();
        const full = wasl.media.filePath(id, file);
        if (
          !row ||
          row.is_public !== 1 ||
          !full ||
          !Object.values(JSON.parse(row.variants) as Record<string, string>).includes(file)
        ) {
          return notFound();
        }
        const mime = file.endsWith('.webp') ? 'image/webp' : row.mime;
        return reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-disposition', mime.startsWith('image/') ? 'inline' : 'attachment')
          .type(mime)
          .send(fs.createReadStream(full));
      },
    }),
  ];
}

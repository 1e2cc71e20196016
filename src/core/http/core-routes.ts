// Routes the core owns: health, fingerprinted assets (cached for a year) and public media.
import fs from 'node:fs';
import { sql } from 'kysely';
import { endpoint, notFound, type RouteDef } from './route.js';
import type { Asset } from './assets.js';

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

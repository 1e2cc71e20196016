// Routes the core owns: health, the stylesheet (fingerprinted, cached for a year) and public media.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';

export type Stylesheet = { href: string; body: string };

export function loadStylesheet(root: string): Stylesheet {
  const body = fs.readFileSync(path.join(root, 'public', 'style.css'), 'utf8');
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { href: `/assets/style.${hash}.css`, body };
}

export const coreRoutes: FastifyPluginAsync<{ css: Stylesheet }> = async (app, { css }) => {
  app.get('/healthz', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(app.wasl.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: app.wasl.dialect });
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
  });

  app.get(css.href, { config: { access: 'public' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(css.body),
  );

  // Public media only; private files are served by the owning feature after its own check.
  app.get<{ Params: { id: string; file: string } }>(
    '/media/:id/:file',
    { config: { access: 'public' } },
    async (req, reply) => {
      const { id, file } = req.params;
      const row = await app.wasl.db
        .selectFrom('media')
        .select(['mime', 'is_public', 'variants'])
        .where('id', '=', id)
        .executeTakeFirst();
      const full = app.wasl.media.filePath(id, file);
      if (
        !row ||
        row.is_public !== 1 ||
        !full ||
        !Object.values(JSON.parse(row.variants) as Record<string, string>).includes(file)
      ) {
        return reply.callNotFound();
      }
      const mime = file.endsWith('.webp') ? 'image/webp' : row.mime;
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-disposition', mime.startsWith('image/') ? 'inline' : 'attachment')
        .type(mime)
        .send(fs.createReadStream(full));
    },
  );
};

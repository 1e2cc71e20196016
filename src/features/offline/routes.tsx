// Offline reading's URLs: the "saved on this phone" page, the worker (/offline/sw.js, scope /),
// the page script, and town packs (their size, then the compressed download).
import { z } from 'zod';
import { endpoint, notFound, page, type AnyCtx } from '../../core/http/route.js';
import { getTown } from '../../core/towns/queries.js';
import { offlineAssets } from './bundle.js';
import { townPack } from './pack.js';
import { OfflinePage } from './views.js';

const packQuery = z.object({ lang: z.enum(['ar', 'en']).optional() });
const PCODE = /^[A-Za-z0-9_-]{1,32}$/;

export const offlineRoutes = [
  page('/offline', { access: 'public', render: () => <OfflinePage /> }),

  endpoint('GET', '/offline/sw.js', {
    access: 'public',
    async handle(c) {
      const { sw } = await offlineAssets();
      return c.reply
        .header('cache-control', 'no-cache')
        .header('service-worker-allowed', '/')
        .type('text/javascript; charset=utf-8')
        .send(sw);
    },
  }),

  // A fixed URL (the layout cannot know a hash): a day in the browser's cache; the worker keeps
  // the copy of its own version.
  endpoint('GET', '/offline/page.js', {
    access: 'public',
    async handle(c) {
      const { page: js } = await offlineAssets();
      return c.reply.header('cache-control', 'public, max-age=86400').type('text/javascript; charset=utf-8').send(js);
    },
  }),

  // What a pack would weigh, before the download starts.
  endpoint('GET', '/offline/packs/:pcode', {
    access: 'public',
    query: packQuery,
    async handle(c) {
      const { pack, json, body } = await packFor(c);
      return c.reply.header('cache-control', 'no-cache').send({
        pcode: pack.pcode,
        pages: pack.items.length,
        bytes: body.length,
        uncompressed: json.length,
      });
    },
  }),

  endpoint('GET', '/offline/packs/:pcode/pack', {
    access: 'public',
    query: packQuery,
    async handle(c) {
      const { encoding, body } = await packFor(c);
      return c.reply
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-encoding')
        .header('content-encoding', encoding)
        .type('application/json; charset=utf-8')
        .send(body);
    },
  }),
];

/** The town's pack, compressed as the browser accepts it (brotli, else gzip); no such town: 404. */
async function packFor(c: AnyCtx) {
  const pcode = String(c.params.pcode);
  const lang: string = c.query.lang ?? c.locale;
  if (!PCODE.test(pcode) || !(await getTown(c.db, pcode))) notFound();
  const built = (await townPack(c.req.server, pcode, lang, c.now)) ?? notFound();
  const br = /\bbr\b/.test(String(c.req.headers['accept-encoding'] ?? ''));
  return { ...built, encoding: br ? 'br' : 'gzip', body: br ? built.br : built.gzip };
}

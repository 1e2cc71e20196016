// Town packs: a town's services page, each of its services, its leaflet, and the network's latest
// activity reports there, with the site's stylesheet — one compressed JSON download. The pages are
// rendered by asking the app itself (app.inject) as an anonymous visitor with no cookie, so
// nothing personal can enter a pack; anything answered no-store or private is left out. Packs are
// kept a minute per town and language, so showing the size and then downloading costs one build.
// Builds run one at a time per process (a public URL must not let anyone start many at once).
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export type PackItem = { url: string; body: string };
export type PackAsset = { url: string; type: string; body: string };
export type Pack = { pcode: string; lang: string; created: string; items: PackItem[]; assets: PackAsset[] };
export type BuiltPack = { pack: Pack; json: Buffer; br: Buffer; gzip: Buffer; at: number };

export const MAX_SERVICES = 80;
export const MAX_REPORTS = 6;
const KEEP_MS = 60_000;
const KEEP_PACKS = 40;

const packs = new WeakMap<FastifyInstance, Map<string, BuiltPack>>();

/** Links on a page matching `re` (first group), in order, once each. */
function links(html: string, re: RegExp): string[] {
  return [...new Set([...html.matchAll(re)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
}

async function anonymousGet(app: FastifyInstance, url: string, lang: string) {
  let res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  if (res.statusCode === 301 && res.headers.location) {
    url = String(res.headers.location);
    res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  }
  const cc = String(res.headers['cache-control'] ?? '');
  if (res.statusCode !== 200 || /no-store|private/.test(cc)) return null;
  // A page with a form carries a CSRF token made for this throwaway request: useless on a phone.
  const body = res.body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
  return { url, body, type: String(res.headers['content-type'] ?? '') };
}

export async function assemblePack(app: FastifyInstance, pcode: string, lang: string, now: Date): Promise<Pack | null> {
  const base = `/towns/${encodeURIComponent(pcode)}/services`;
  const town = await anonymousGet(app, base, lang);
  if (!town) return null;
  const items: PackItem[] = [{ url: town.url, body: town.body }];
  const services = links(town.body, /href="(\/services\/[\w-]+\/[^"#?]+)"/g).slice(0, MAX_SERVICES);
  const activities = await anonymousGet(app, `/activities?town=${encodeURIComponent(pcode)}`, lang);
  const reports = activities
    ? links(activities.body, /href="(\/activities\/\d+\/[^"#?]+)"/g).slice(0, MAX_REPORTS)
    : [];
  for (const url of [`${base}/leaflet`, ...services, ...reports]) {
    const page = await anonymousGet(app, url, lang);
    if (page && page.type.startsWith('text/html')) items.push({ url: page.url, body: page.body });
  }
  if (activities) items.push({ url: activities.url, body: activities.body });
  const assets: PackAsset[] = [];
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(town.body)?.[1];
  const sheet = css ? await anonymousGet(app, css, lang) : null;
  if (sheet) assets.push({ url: css!, type: sheet.type, body: sheet.body });
  return { pcode, lang, created: now.toISOString(), items, assets };
}

let queue: Promise<unknown> = Promise.resolve();

/** The pack, built or taken from the last minute's. */
export function townPack(app: FastifyInstance, pcode: string, lang: string, now: Date): Promise<BuiltPack | null> {
  const next = queue.then(() => build(app, pcode, lang, now));
  queue = next.catch(() => undefined);
  return next;
}

async function build(app: FastifyInstance, pcode: string, lang: string, now: Date): Promise<BuiltPack | null> {
  let kept = packs.get(app);
  if (!kept) packs.set(app, (kept = new Map()));
  const key = `${pcode}|${lang}`;
  const old = kept.get(key);
  if (old && Date.now() - old.at < KEEP_MS) return old;
  for (const [k, p] of kept) if (Date.now() - p.at >= KEEP_MS || kept.size >= KEEP_PACKS) kept.delete(k);
  const pack = await assemblePack(app, pcode, lang, now);
  if (!pack) return null;
  const json = Buffer.from(JSON.stringify(pack));
  const built: BuiltPack = {
    pack,
    json,
    br: zlib.brotliCompressSync(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: zlib.gzipSync(json, { level: 9 }),
    at: Date.now(),
  };
  kept.set(key, built);
  return built;
}

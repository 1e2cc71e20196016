// Static assets with content-hashed URLs, cached for a year: the site's one stylesheet (the core
// styles, then each feature's, in the feature list's order — one request, one cache entry) and
// any other file a feature serves the same way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type Asset = { href: string; type: string; body: Buffer };

const hash = (body: Buffer | string) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);

/** A file served at /assets/<name>.<hash>.<ext>. */
export function fingerprinted(name: string, ext: string, type: string, body: Buffer | string): Asset {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { href: `/assets/${name}.${hash(buf)}.${ext}`, type, body: buf };
}

/** public/style.css followed by the features' stylesheets. */
export function siteStylesheet(root: string, featureStyles: URL[]): Asset {
  const parts = [fs.readFileSync(path.join(root, 'public', 'style.css'), 'utf8')];
  for (const url of featureStyles) parts.push(fs.readFileSync(url, 'utf8'));
  return fingerprinted('style', 'css', 'text/css; charset=utf-8', parts.join('\n'));
}

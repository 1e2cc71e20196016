// The feature's stylesheet, fingerprinted like the core's: read once, served with a year of cache.
import crypto from 'node:crypto';
import fs from 'node:fs';

const body = fs.readFileSync(new URL('./publishing.css', import.meta.url), 'utf8');
const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);

export const publishingStylesheet = { href: `/assets/publishing.${hash}.css`, body };

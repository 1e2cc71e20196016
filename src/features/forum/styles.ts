// The forum's few extra styles, fingerprinted and cached for a year like the core stylesheet.
import crypto from 'node:crypto';
import fs from 'node:fs';

const body = fs.readFileSync(new URL('./forum.css', import.meta.url), 'utf8');
const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);

export const forumStylesheet = { href: `/assets/forum.${hash}.css`, body };

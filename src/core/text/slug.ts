// Cosmetic URL slugs: the server ignores them (URLs are id-based), so they only need to be readable.
// Arabic stays Arabic with its hamzas and taa marbuta — this is not the search normalization.
import { toAsciiDigits } from './normalize.js';

const MAX_LENGTH = 60;
const ARABIC_SCRIPT = /^\p{sc=Arabic}$/u;
const LETTER = /^\p{L}$/u;

function keep(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ARABIC_SCRIPT.test(ch) && LETTER.test(ch));
}

// A page links many items and slugs each title per request; the same titles come back.
const known = new Map<string, string>();

export function slugify(title: string): string {
  let slug = known.get(title);
  if (slug === undefined) {
    slug = makeSlug(title);
    if (known.size >= 5000) known.clear();
    known.set(title, slug);
  }
  return slug;
}

function makeSlug(title: string): string {
  let s = title.normalize('NFKC').toLowerCase();
  s = s.replace(/[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/g, '');
  // Accents off Latin letters only: NFD would also split أ into ا + hamza.
  s = s
    .normalize('NFD')
    .replace(/(\p{sc=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
  s = toAsciiDigits(s);
  const words = Array.from(s, (ch) => (keep(ch) ? ch : ' '))
    .join('')
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (Array.from(next).length > MAX_LENGTH) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than lost.
  if (slug === '' && words.length > 0) slug = Array.from(words[0]).slice(0, MAX_LENGTH).join('');
  return slug === '' ? 'item' : slug;
}

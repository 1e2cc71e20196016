// Which language to answer in: an explicit ?lang= wins, then the remembered cookie, then the
// browser's Accept-Language; Arabic when nothing matches.
import { SOURCE_LOCALE } from './load.js';
import type { Locale } from './translator.js';

export function pickLocale(input: {
  query?: string;
  cookie?: string;
  acceptLanguage?: string;
  available: readonly Locale[];
}): Locale {
  const { available } = input;
  for (const asked of [input.query, input.cookie]) {
    const found = asked ? match(asked, available) : undefined;
    if (found) return found;
  }
  for (const asked of byPreference(input.acceptLanguage ?? '')) {
    const found = match(asked, available);
    if (found) return found;
  }
  return available.includes(SOURCE_LOCALE) ? SOURCE_LOCALE : (available[0] ?? SOURCE_LOCALE);
}

/** ar-SY, AR and ar_sy all mean ar; en-GB means en when there is no en-GB catalog. */
function match(tag: string, available: readonly Locale[]): Locale | undefined {
  const wanted = tag.trim().replaceAll('_', '-').toLowerCase();
  if (!wanted) return undefined;
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return available.find((l) => l.toLowerCase() === language);
}

/** "fr;q=0.9, en-GB;q=0.8, *;q=0.1" → ['fr', 'en-GB'] (highest q first, q=0 and * dropped). */
function byPreference(header: string): string[] {
  return header
    .split(',')
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((e) => e.tag);
}

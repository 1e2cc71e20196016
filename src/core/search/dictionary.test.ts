// Every dictionary entry works in both directions: each word of a family finds the family's first
// word and is found by it, and each member of a synonym group finds every other member.
import { describe, expect, it } from 'vitest';
import { indexTokens, queryTerms } from '../text/stem.js';
import { FAMILIES, SYNONYMS } from './dictionary.js';

function finds(query: string, text: string): boolean {
  const indexed = new Set(indexTokens(text));
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((t) => t.forms.some((f) => indexed.has(f)));
}

describe('search dictionary', () => {
  it.each(FAMILIES.flatMap(([first, ...others]) => others.map((other) => [first!, other])))(
    '%s and %s find each other',
    (first, other) => {
      expect(finds(first, other)).toBe(true);
      expect(finds(other, first)).toBe(true);
      // with the article too, where the word is Arabic
      if (/^[\u0600-\u06FF]/.test(other)) expect(finds(`ال${other}`, first)).toBe(true);
    },
  );

  it.each(SYNONYMS.map((g) => [g.id, g.terms] as const))('%s: every member finds every other', (_id, terms) => {
    for (const a of terms) for (const b of terms) expect([a, b, finds(a, b)]).toEqual([a, b, true]);
  });
});

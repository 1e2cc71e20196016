import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalogs, westernDigitsInText } from './check.js';
import { GENERATED_FILE, SRC_DIR, renderMessageParams } from './generate-types.js';
import { loadCatalogs, type Catalogs } from './load.js';

describe('the shipped catalogs', () => {
  const catalogs = loadCatalogs(SRC_DIR);

  it('pass every check (ar and en complete, valid ICU, full Arabic plurals, same arguments)', () => {
    expect(checkCatalogs(catalogs)).toEqual([]);
  });

  it('match keys.generated.ts', () => {
    const written = fs.readFileSync(GENERATED_FILE, 'utf8');
    expect(written, 'keys.generated.ts is out of date: run `npm run i18n:types`').toBe(renderMessageParams(catalogs));
  });
});

describe('checkCatalogs', () => {
  const arPlural = '{count, plural, zero {لا ردود} one {رد واحد} two {ردان} few {# ردود} many {# ردًا} other {# رد}}';
  const good = (): Catalogs => ({
    ar: { 'forum.title': 'المنتدى', 'forum.replies': arPlural, 'forum.by': 'بقلم {name}' },
    en: {
      'forum.title': 'Forum',
      'forum.replies': '{count, plural, one {# reply} other {# replies}}',
      'forum.by': 'By {name}',
    },
  });

  it('accepts a correct pair of catalogs', () => {
    expect(checkCatalogs(good())).toEqual([]);
  });

  it('reports a key missing from en, and one missing from ar', () => {
    const c = good();
    delete c.en['forum.title'];
    c.en['forum.extra'] = 'Extra';
    expect(checkCatalogs(c)).toEqual([
      'en: "forum.title" is missing (it is in ar)',
      'ar: "forum.extra" is missing (it is in en)',
    ]);
  });

  it('reports a missing en catalog', () => {
    const c = good();
    delete c.en;
    expect(checkCatalogs(c)).toContain('en: the catalog is missing');
  });

  it('reports a message that does not parse, with where it fails', () => {
    const c = good();
    c.en['forum.by'] = 'By {name';
    expect(checkCatalogs(c)).toEqual([expect.stringMatching(/^en: "forum.by": ICU syntax error: .* column \d+$/)]);
  });

  it('reports an Arabic plural without all of zero, one, two, few, many, other', () => {
    const c = good();
    c.ar['forum.replies'] = '{count, plural, one {رد واحد} other {# ردود}}';
    expect(checkCatalogs(c)).toEqual(['ar: "forum.replies": {count, plural} lacks zero, two, few, many']);
  });

  it('reports arguments that differ between ar and en', () => {
    const c = good();
    c.en['forum.by'] = 'By {author}';
    c.en['forum.replies'] = '{count} replies';
    expect(checkCatalogs(c)).toEqual([
      'en: "forum.replies": arguments {count: string | number} differ from ar {count: number}',
      'en: "forum.by": arguments {author: string | number} differ from ar {name: string | number}',
    ]);
  });

  it('lets Arabic address the reader by gender where English needs no select', () => {
    const c = good();
    c.ar['forum.post'] = '{gender, select, f {انشري} m {انشر} other {انشر/ي}}';
    c.en['forum.post'] = 'Post';
    expect(checkCatalogs(c)).toEqual([]);
  });

  it('reports digits typed into Arabic text, which would ignore the digits setting', () => {
    const c = good();
    c.ar['forum.title'] = 'أفضل 10 مواضيع';
    expect(checkCatalogs(c)).toEqual([expect.stringContaining('ar: "forum.title": digits written in the text')]);
  });

  it('reports date arguments, which would skip the house date style', () => {
    const c = good();
    c.ar['forum.by'] = 'بقلم {name} في {at, date, long}';
    c.en['forum.by'] = 'By {name} on {at, date, long}';
    expect(checkCatalogs(c)).toEqual([
      expect.stringContaining('ar: "forum.by": {at, date|time}'),
      expect.stringContaining('en: "forum.by": {at, date|time}'),
    ]);
  });

  it('lets an extra locale be partial but not invent keys', () => {
    const c = good();
    c.ku = { 'forum.title': 'Forûm', 'forum.other': 'Tiştekî din' };
    expect(checkCatalogs(c)).toEqual(['ku: "forum.other" is not in ar, the source catalog']);
  });

  it('reports an argument used both as a number and as a select', () => {
    const c = good();
    c.ar['forum.replies'] = `${arPlural} {count, select, other {}}`;
    expect(checkCatalogs(c)).toContainEqual('ar: "forum.replies": {count} is used both as a number and as a select');
  });
});

describe('westernDigitsInText', () => {
  it('finds numbers in Arabic text but leaves codes and names in Latin letters alone', () => {
    expect(westernDigitsInText('الملف أكبر من الحد المسموح (10 ميغابايت).')).toEqual(['10']);
    expect(westernDigitsInText('رموز مكانية مثل C1594، C1605.')).toEqual([]);
    expect(westernDigitsInText('برخصة CC BY 3.0 IGO.')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it('keeps Arabic readable, with hamza and taa marbuta', () => {
    expect(slugify('ورشة عمل حول الحوكمة المحلية في أعزاز')).toBe('ورشة-عمل-حول-الحوكمة-المحلية-في-أعزاز');
  });

  it('removes tashkeel and tatweel', () => {
    expect(slugify('مُدَرِّسَةٌ جديـــدة')).toBe('مدرسة-جديدة');
  });

  it('lower-cases Latin, drops accents and punctuation, and uses ASCII digits', () => {
    expect(slugify('Café in Efrîn — 2022!')).toBe('cafe-in-efrin-2022');
    expect(slugify('نتائج ١٢ مركزاً؛ 50٪')).toBe('نتائج-12-مركزا-50');
  });

  it('stays within 60 characters and cuts between words', () => {
    const slug = slugify('تقرير '.repeat(20));
    expect(Array.from(slug).length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('تقرير')).toBe(true);
    expect(slugify('x'.repeat(80))).toHaveLength(60);
  });

  it('is never empty', () => {
    expect(slugify('')).toBe('item');
    expect(slugify('!!! ؟؟ ***')).toBe('item');
  });
});

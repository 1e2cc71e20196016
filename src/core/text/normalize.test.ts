import { describe, expect, it } from 'vitest';
import { expandSlashForms, normalizeArabic, toAsciiDigits, tokenize } from './normalize.js';

// What people type → what the index and the query see, grouped by the rule it shows.
const NORMALIZED: Record<string, [typed: string, normalized: string][]> = {
  'folds the letter forms people type interchangeably': [
    ['إدلب آمنة ٱلرحمن', 'ادلب امنه الرحمن'],
    ['مدرسة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['مسؤول هيئة', 'مسوول هييه'],
  ],
  'removes tashkeel, tatweel and invisible direction marks': [
    ['مُدَرِّسَةٌ', 'مدرسه'],
    ['جديـــدة', 'جديده'],
    ['\u200fحلب\u200e \u2067منبج\u2069\uFEFF \u061Cعفرين', 'حلب منبج عفرين'],
    ['می\u200Cخواهم', 'ميخواهم'],
  ],
  'maps Persian and Kurdish keyboard letters to their Arabic counterparts': [
    ['کتاب یک', 'كتاب يك'],
    ['گروه پل چای ڤیدیو', 'كروه بل جاي فيديو'],
    ['ژیانە ھەولێر', 'ژيانه ههولێر'],
  ],
  'turns Arabic-Indic and Persian digits into ASCII, lower-cases Latin, and drops punctuation': [
    ['توزيع ١٢ سلة و۱۵ خزان', 'توزيع 12 سله و15 خزان'],
    ['Hello, WORLD! (NEAR) "x" -y *', 'hello world near x y'],
    ['اجتماع، الأحد؛ الساعة ٣؟', 'اجتماع الاحد الساعه 3'],
    ['   ', ''],
  ],
  "keeps transliterated town names whole (A'zaz, Mare') and folds Latin accents": [
    ["A'zaz Mare’ Efrîn", 'azaz mare efrin'],
  ],
  'reads presentation forms and full-width letters as ordinary text': [['ﻻ ﺣﻠﺐ ＦＵＬＬ', 'لا حلب full']],
};

describe('normalizeArabic', () => {
  for (const [rule, cases] of Object.entries(NORMALIZED))
    it(rule, () => {
      for (const [typed, normalized] of cases) expect(normalizeArabic(typed)).toBe(normalized);
    });

  it('gives the hamza forms of a town name one spelling', () => {
    expect(normalizeArabic('أعزاز')).toBe(normalizeArabic('اعزاز'));
  });
});

describe('toAsciiDigits', () => {
  it('changes only the digits', () => {
    expect(toAsciiDigits('٢٨ حزيران ۲۰۲۲')).toBe('28 حزيران 2022');
  });
});

describe('slash forms', () => {
  it('gives both readings of the slash style for groups', () => {
    expect(tokenize('الموظفين/ات')).toEqual(['الموظفين', 'الموظفات']);
    expect(tokenize('متدرب/ة')).toEqual(['متدرب', 'متدربه']);
    expect(tokenize('أعضاء/عضوات الشبكة')).toEqual(['اعضاء', 'عضوات', 'الشبكه']);
    expect(expandSlashForms('المشاركين/ـات في الورشة')).toBe('المشاركين المشاركات في الورشة');
  });

  it('splits ordinary slashes into separate words', () => {
    expect(tokenize('و/أو')).toEqual(['و', 'او']);
    expect(tokenize('he/she 2022/06/28')).toEqual(['he', 'she', '2022', '06', '28']);
  });
});

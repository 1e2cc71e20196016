import { describe, expect, it } from 'vitest';
import { expandSlashForms, normalizeArabic, toAsciiDigits, tokenize } from './normalize.js';

describe('normalizeArabic', () => {
  it('folds the letter forms people type interchangeably', () => {
    expect(normalizeArabic('أعزاز')).toBe(normalizeArabic('اعزاز'));
    expect(normalizeArabic('إدلب آمنة ٱلرحمن')).toBe('ادلب امنه الرحمن');
    expect(normalizeArabic('مدرسة')).toBe('مدرسه');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مسؤول هيئة')).toBe('مسوول هييه');
  });

  it('removes tashkeel, tatweel and invisible direction marks', () => {
    expect(normalizeArabic('مُدَرِّسَةٌ')).toBe('مدرسه');
    expect(normalizeArabic('جديـــدة')).toBe('جديده');
    expect(normalizeArabic('\u200fحلب\u200e \u2067منبج\u2069\uFEFF \u061Cعفرين')).toBe('حلب منبج عفرين');
    expect(normalizeArabic('می\u200Cخواهم')).toBe('ميخواهم');
  });

  it('maps Persian and Kurdish keyboard letters to their Arabic counterparts', () => {
    expect(normalizeArabic('کتاب یک')).toBe('كتاب يك');
    expect(normalizeArabic('گروه پل چای ڤیدیو')).toBe('كروه بل جاي فيديو');
    expect(normalizeArabic('ژیانە ھەولێر')).toBe('ژيانه ههولێر');
  });

  it('turns Arabic-Indic and Persian digits into ASCII, lower-cases Latin, and drops punctuation', () => {
    expect(normalizeArabic('توزيع ١٢ سلة و۱۵ خزان')).toBe('توزيع 12 سله و15 خزان');
    expect(normalizeArabic('Hello, WORLD! (NEAR) "x" -y *')).toBe('hello world near x y');
    expect(normalizeArabic('اجتماع، الأحد؛ الساعة ٣؟')).toBe('اجتماع الاحد الساعه 3');
    expect(normalizeArabic('   ')).toBe('');
  });

  it("keeps transliterated town names whole (A'zaz, Mare') and folds Latin accents", () => {
    expect(normalizeArabic("A'zaz Mare’ Efrîn")).toBe('azaz mare efrin');
  });

  it('reads presentation forms and full-width letters as ordinary text', () => {
    expect(normalizeArabic('ﻻ ﺣﻠﺐ ＦＵＬＬ')).toBe('لا حلب full');
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

import { describe, expect, it } from 'vitest';
import { westernDigitsInText } from './check.js';
import { SRC_DIR } from './generate-types.js';
import { messageShape, parseMessage } from './icu.js';
import { loadCatalogs } from './load.js';
import { createI18n, type Digits } from './translator.js';

const catalogs = loadCatalogs(SRC_DIR);
const i18n = createI18n(catalogs);
const ar = i18n.translator('ar', { digits: 'latn' });
const arArab = i18n.translator('ar', { digits: 'arab' });
const en = i18n.translator('en', { digits: 'latn' });

// 11:05 UTC is 14:05 in Damascus.
const june28 = new Date('2022-06-28T11:05:00Z');
const ARABIC_INDIC = /[٠-٩]/;

describe('page language', () => {
  it('is Levantine Arabic, right to left, by default; English left to right', () => {
    expect([ar.lang, ar.dir, ar.locale]).toEqual(['ar-SY', 'rtl', 'ar']);
    expect([en.lang, en.dir, en.locale]).toEqual(['en', 'ltr', 'en']);
  });

  it('falls back to Arabic for a locale without a catalog', () => {
    const t = i18n.translator('fr', { digits: 'latn' });
    expect([t.locale, t.lang]).toEqual(['ar', 'ar-SY']);
  });
});

describe('dates in the house style, Damascus time', () => {
  it('writes 28 حزيران، 2022 in Arabic and 28 June 2022 in English', () => {
    expect(ar.date(june28)).toBe('28 حزيران، 2022');
    expect(en.date(june28)).toBe('28 June 2022');
    expect(ar.date('2022-06-28T11:05:00.000Z')).toBe('28 حزيران، 2022');
  });

  it('uses the Levantine month names, not the Egyptian ones', () => {
    const months = Array.from({ length: 12 }, (_, m) =>
      ar
        .date(new Date(Date.UTC(2022, m, 15)))
        .split(' ')
        .slice(1, -1)
        .join(' '),
    );
    expect(months.map((m) => m.replace('،', ''))).toEqual([
      'كانون الثاني',
      'شباط',
      'آذار',
      'نيسان',
      'أيار',
      'حزيران',
      'تموز',
      'آب',
      'أيلول',
      'تشرين الأول',
      'تشرين الثاني',
      'كانون الأول',
    ]);
  });

  it('adds 24-hour time, and weekday, in Damascus', () => {
    expect(ar.dateTime(june28)).toBe('28 حزيران، 2022، 14:05');
    expect(en.dateTime(june28)).toBe('28 June 2022, 14:05');
    expect(ar.time(june28)).toBe('14:05');
    expect(ar.weekday(june28)).toBe('الثلاثاء');
    expect(en.weekday(june28)).toBe('Tuesday');
  });

  it('puts a late-evening UTC time on the next day, as a reader in Syria sees it', () => {
    expect(ar.dateTime('2022-06-28T22:30:00Z')).toBe('29 حزيران، 2022، 01:30');
  });

  it('refuses what is not a date instead of printing "Invalid Date"', () => {
    expect(() => ar.date('yesterday')).toThrow(RangeError);
  });
});

describe('numbers', () => {
  it('groups like the network writes, with the Arabic percent sign', () => {
    expect(ar.number(1116)).toBe('1,116');
    expect(ar.percent(0.42)).toBe('42٪');
    expect(ar.percent(0.425, 1)).toBe('42.5٪');
    expect(en.percent(0.42)).toBe('42%');
    expect(ar.t('home.stats.womenShare', { share: 0.42 })).toBe('نسبة مشاركة النساء: 42٪');
  });

  it('uses Arabic plural forms, including the dual', () => {
    expect(ar.t('common.results', { count: 0 })).toBe('لا نتائج');
    expect(ar.t('common.results', { count: 2 })).toBe('نتيجتان');
    expect(ar.t('common.results', { count: 5 })).toBe('5 نتائج');
    expect(ar.t('common.results', { count: 11 })).toBe('11 نتيجة');
    expect(en.t('common.results', { count: 1 })).toBe('1 result');
  });

  it('says how long ago or until, in a sensible unit', () => {
    const now = new Date('2022-06-28T12:00:00Z');
    const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
    expect(ar.relative(hours(-3), now)).toBe('منذ 3 ساعات');
    expect(en.relative(hours(-3), now)).toBe('3 hours ago');
    expect(en.relative(hours(48), now)).toBe('in 2 days');
    expect(en.relative(new Date(now.getTime() - 20_000), now)).toBe('20 seconds ago');
    expect(en.relative(hours(-24 * 10), now)).toBe('last week');
    expect(en.relative(hours(-24 * 400), now)).toBe('last year');
  });
});

describe('the digits setting', () => {
  it('turns every formatter to Arabic-Indic digits', () => {
    expect(arArab.date(june28)).toBe('٢٨ حزيران، ٢٠٢٢');
    expect(arArab.dateTime(june28)).toBe('٢٨ حزيران، ٢٠٢٢، ١٤:٠٥');
    expect(arArab.number(1116)).toBe('١٬١١٦');
    expect(arArab.percent(0.42)).toBe('٤٢٪');
    expect(arArab.relative(new Date('2022-06-28T09:00:00Z'), new Date('2022-06-28T12:00:00Z'))).toBe('منذ ٣ ساعات');
  });

  it('reaches numbers inside messages, plain {n} arguments included', () => {
    expect(arArab.t('common.pageOf', { page: 2, count: 14 })).toBe('صفحة ٢ من ١٤');
    expect(arArab.t('error.rateLimited.message', { seconds: 30 })).toContain('بعد ٣٠ ثانية');
    expect(ar.t('common.pageOf', { page: 2, count: 1116 })).toBe('صفحة 2 من 1,116');
  });

  it('keeps English in Western digits', () => {
    const enArab = i18n.translator('en', { digits: 'arab' });
    expect(enArab.date(june28)).toBe('28 June 2022');
    expect(enArab.t('common.pageOf', { page: 2, count: 14 })).toBe('Page 2 of 14');
  });

  // Every message, with a number in every argument that takes one: no digit of the other system.
  const sampleParams = (message: string) =>
    Object.fromEntries(
      [...messageShape(parseMessage(message)).args].map(([name, type]) => [name, type === 'string' ? 'other' : 1234]),
    );
  const leaks = (digits: Digits, found: (text: string) => boolean) => {
    const tr = i18n.translator('ar', { digits });
    return Object.entries(catalogs.ar)
      .map(([key, message]) => [key, (tr.t as (k: string, p: object) => string)(key, sampleParams(message))])
      .filter(([, text]) => found(text));
  };
  it('with latn, no message shows an Arabic-Indic digit', () => {
    expect(leaks('latn', (text) => ARABIC_INDIC.test(text))).toEqual([]);
  });
  it('with arab, no message shows a Western digit (outside codes such as C1594)', () => {
    expect(leaks('arab', (text) => westernDigitsInText(text).length > 0)).toEqual([]);
  });
});

describe('addressing the reader', () => {
  it('uses the stated form, and the slash form when unknown', () => {
    const as = (addressAs?: 'f' | 'm' | 'x') =>
      i18n.translator('ar', { digits: 'latn', addressAs }).t('error.csrf.message');
    expect(as('f')).toBe('انتهت صلاحية النموذج، أعيدي المحاولة.');
    expect(as('m')).toBe('انتهت صلاحية النموذج، أعد المحاولة.');
    // (a word joiner after the slash keeps the slash form on one line: slash-forms.ts)
    expect(as('x')).toBe('انتهت صلاحية النموذج، أعد/\u2060أعيدي المحاولة.');
    expect(as()).toBe(as('x'));
  });
});

describe('extra locales', () => {
  const withKurdish = createI18n({ ...catalogs, ku: { 'nav.home': 'Destpêk' }, ckb: { 'nav.home': 'سەرەتا' } });

  it('are offered as soon as a catalog exists', () => {
    expect(withKurdish.locales).toEqual(['ar', 'en', 'ku', 'ckb']);
  });

  it('show Arabic, with Arabic grammar, for keys not yet translated', () => {
    const ku = withKurdish.translator('ku', { digits: 'latn' });
    expect(ku.t('nav.home')).toBe('Destpêk');
    expect(ku.t('nav.signIn')).toBe('تسجيل الدخول');
    expect(ku.t('common.results', { count: 2 })).toBe('نتيجتان');
  });

  it('take their direction from the script', () => {
    expect(withKurdish.translator('ku', { digits: 'latn' }).dir).toBe('ltr');
    expect(withKurdish.translator('ckb', { digits: 'latn' }).dir).toBe('rtl');
  });
});

describe('keys', () => {
  it('are checked by the compiler, with their parameters', () => {
    // @ts-expect-error an unknown key does not compile
    expect(ar.t('nav.nowhere')).toBe('nav.nowhere');
    // @ts-expect-error count is required
    expect(() => ar.t('common.results')).toThrow();
    // Type errors only: called, these would print a message with a hole in it.
    const compileOnly = () => [
      // @ts-expect-error count is a number
      ar.t('common.results', { count: 'three' }),
      // @ts-expect-error the message has no `name`
      ar.t('common.saved', { name: 'x' }),
    ];
    expect(compileOnly).toBeTypeOf('function');
  });

  it('that arrive as data can be checked first, and never reach object internals', () => {
    expect(i18n.has('common.saved')).toBe(true);
    expect(i18n.has('constructor')).toBe(false);
    expect(ar.t('constructor' as never)).toBe('constructor');
  });
});

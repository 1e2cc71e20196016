// t() and the formatters, per reader: language, digits (Western or Arabic-Indic) and how they
// want to be addressed. Everything is formatted on the server in Asia/Damascus, the network's
// time, with the numbering system set explicitly so a digits setting is never half-applied.
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { ADDRESS_ARG, PARSE_OPTIONS, messageShape } from './icu.js';
import type { MessageParams } from './keys.generated.js';
import { SOURCE_LOCALE, type Catalogs } from './load.js';
import { joinSlashForms } from './slash-forms.js';

export type Locale = 'ar' | 'en' | (string & {});
export type Digits = 'latn' | 'arab';
export type AddressAs = 'f' | 'm' | 'x';
export type MessageKey = keyof MessageParams;

/**
 * Params are optional only for messages that take none (and then none may be passed). A key that arrives as data (`key as never`
 * after checking it with I18n.has) takes loose params: the compiler cannot know its message.
 */
export type MessageArgs<K extends MessageKey> = [K] extends [never]
  ? [params?: Record<string, string | number>]
  : {} extends MessageParams[K]
    ? [params?: Record<string, never>]
    : [params: MessageParams[K]];

export interface Translator {
  locale: Locale;
  /** for <html lang>: ar-SY (Levantine), en, or the extra locale's tag */
  lang: string;
  dir: 'rtl' | 'ltr';
  digits: Digits;
  t<K extends MessageKey>(key: K, ...params: MessageArgs<K>): string;
  /** 28 حزيران، 2022 · 28 June 2022 */
  date(d: Date | string): string;
  /** 28 حزيران، 2022، 14:05 · 28 June 2022, 14:05 */
  dateTime(d: Date | string): string;
  /** 14:05 */
  time(d: Date | string): string;
  /** الثلاثاء · Tuesday */
  weekday(d: Date | string): string;
  number(n: number): string;
  /** 0.42 → 42٪ (Arabic) · 42% */
  percent(fraction: number, fractionDigits?: number): string;
  /** منذ 3 ساعات · in 2 days */
  relative(d: Date | string, now?: Date): string;
}

export interface I18n {
  /** every locale with a catalog, Arabic first */
  locales: Locale[];
  /** For keys that arrive as data (a flash cookie, a stored notice): is it a real message key? */
  has(key: string): key is MessageKey;
  translator(locale: Locale, opts: { digits: Digits; addressAs?: AddressAs }): Translator;
}

export const TIME_ZONE = 'Asia/Damascus';

interface Compiled {
  format: IntlMessageFormat;
  plainArgs: string[];
}

/** Formatters for one locale and numbering system, shared by every translator that needs them. */
interface Kit extends Omit<Translator, 't' | 'locale' | 'digits'> {
  tag: string;
  compile(key: string, message: string): Compiled;
}

export function createI18n(catalogs: Catalogs): I18n {
  const source = catalogs[SOURCE_LOCALE];
  if (!source) throw new Error('createI18n: the Arabic (ar) catalog is missing; it is the source of every key');
  const locales = Object.keys(catalogs);
  const kits = new Map<string, Kit>();
  const translators = new Map<string, Translator>();

  const kitFor = (locale: string, digits: Digits): Kit => {
    const id = `${locale}|${locale === 'en' ? 'latn' : digits}`;
    let kit = kits.get(id);
    if (!kit) kits.set(id, (kit = makeKit(locale, locale === 'en' ? 'latn' : digits)));
    return kit;
  };

  return {
    locales,
    has: (key): key is MessageKey => Object.hasOwn(source, key),
    translator(requested, opts) {
      // Only known locales and settings reach the caches, whatever a cookie says.
      const locale = locales.includes(requested) ? requested : SOURCE_LOCALE;
      const digits: Digits = opts.digits === 'arab' ? 'arab' : 'latn';
      const addressAs: AddressAs = opts.addressAs === 'f' || opts.addressAs === 'm' ? opts.addressAs : 'x';
      const id = `${locale}|${digits}|${addressAs}`;
      let translator = translators.get(id);
      if (translator) return translator;

      const own = kitFor(locale, digits);
      const fallback = kitFor(SOURCE_LOCALE, digits);
      const catalog = catalogs[locale];
      const t = (key: string, params?: Record<string, unknown>): string => {
        const ownMessage = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
        // A partial extra locale shows the Arabic message, formatted by Arabic rules.
        const [kit, message] =
          ownMessage !== undefined
            ? [own, ownMessage]
            : [fallback, Object.hasOwn(source, key) ? source[key] : undefined];
        if (message === undefined) return key; // a visible bug beats a crashed page; the types prevent it
        const compiled = kit.compile(key, message);
        const values: Record<string, unknown> = { [ADDRESS_ARG]: addressAs, ...params };
        for (const name of compiled.plainArgs) {
          // intl-messageformat prints a number in `{n}` with String(): Western digits, no grouping.
          if (typeof values[name] === 'number') values[name] = kit.number(values[name]);
        }
        return String(compiled.format.format(values as Record<string, string | number>));
      };
      translator = {
        locale,
        lang: own.lang,
        dir: own.dir,
        digits: locale === 'en' ? 'latn' : digits, // what the reader actually sees
        t: t as Translator['t'],
        date: own.date,
        dateTime: own.dateTime,
        time: own.time,
        weekday: own.weekday,
        number: own.number,
        percent: own.percent,
        relative: own.relative,
      };
      translators.set(id, translator);
      return translator;
    },
  };
}

function makeKit(locale: string, digits: Digits): Kit {
  const arabic = locale === SOURCE_LOCALE;
  const lang = arabic ? 'ar-SY' : locale;
  // ar alone gives Egyptian month names (يونيو); ar-SY gives the Levantine ones (حزيران).
  const tag = `${lang}-u-nu-${digits}`;
  const zone = { timeZone: TIME_ZONE };
  const dayMonthYear = new Intl.DateTimeFormat(tag, { ...zone, day: 'numeric', month: 'long', year: 'numeric' });
  const clock = new Intl.DateTimeFormat(tag, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const weekdayFormat = new Intl.DateTimeFormat(tag, { ...zone, weekday: 'long' });
  const numberFormat = new Intl.NumberFormat(tag);
  const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const houseStyle = arabic || locale === 'en';

  const date = (d: Date | string): string => {
    const when = toDate(d);
    if (!houseStyle) return dayMonthYear.format(when);
    const parts = dayMonthYear.formatToParts(when);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    // House style: day month، year — the Arabic comma before the year; English "28 June 2022".
    return `${part('day')} ${part('month')}${arabic ? '، ' : ' '}${part('year')}`;
  };
  const time = (d: Date | string) => clock.format(toDate(d));

  const percentFormats = new Map<number, Intl.NumberFormat>();
  const percent = (fraction: number, fractionDigits = 0): string => {
    let format = percentFormats.get(fractionDigits);
    if (!format) {
      const options = { maximumFractionDigits: fractionDigits };
      format = new Intl.NumberFormat(tag, arabic ? options : { ...options, style: 'percent' });
      percentFormats.set(fractionDigits, format);
    }
    // Intl writes "42‎%‎" for Arabic; the network writes 42٪ (Arabic percent sign, no marks).
    return arabic ? `${format.format(fraction * 100)}٪` : format.format(fraction);
  };

  const messages = new Map<string, Compiled>();
  const formatters = messageFormatters(tag, arabic ? percent : null);
  return {
    tag,
    lang,
    dir: arabic ? 'rtl' : locale === 'en' ? 'ltr' : directionOf(locale),
    date,
    dateTime: (d) => `${date(d)}${arabic ? '، ' : ', '}${time(d)}`,
    time,
    weekday: (d) => weekdayFormat.format(toDate(d)),
    number: (n) => numberFormat.format(n),
    percent,
    relative: (d, now = new Date()) => {
      const [value, unit] = pickUnit((toDate(d).getTime() - now.getTime()) / 1000);
      const text = relativeFormat.format(value, unit);
      // Intl says "قبل 3 ساعات"; the network writes "منذ 3 ساعات".
      return arabic ? text.replace(/^قبل /, 'منذ ') : text;
    },
    compile: (key, message) => {
      let compiled = messages.get(key);
      if (!compiled) {
        const format = new IntlMessageFormat(joinSlashForms(message), tag, undefined, { ...PARSE_OPTIONS, formatters });
        compiled = { format, plainArgs: messageShape(format.getAst() as never).plainArgs };
        messages.set(key, compiled);
      }
      return compiled;
    },
  };
}

/** One cache of Intl objects per kit instead of one per compiled message. */
function messageFormatters(tag: string, housePercent: ((fraction: number) => string) | null): Formatters {
  const cache = new Map<string, unknown>();
  const cached = <T>(id: string, make: () => T): T => {
    if (!cache.has(id)) cache.set(id, make());
    return cache.get(id) as T;
  };
  return {
    getNumberFormat: (_locales, options) => {
      // `{share, number, percent}` in a message follows the same house style as percent().
      if (housePercent && options?.style === 'percent') {
        return { format: (n: number) => housePercent(n) } as unknown as Intl.NumberFormat;
      }
      return cached(
        `n${JSON.stringify(options ?? {})}`,
        () => new Intl.NumberFormat(tag, options as Intl.NumberFormatOptions),
      );
    },
    getDateTimeFormat: (_locales, options) =>
      cached(
        `d${JSON.stringify(options ?? {})}`,
        () => new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, ...options }),
      ),
    getPluralRules: (_locales, options) =>
      cached(`p${JSON.stringify(options ?? {})}`, () => new Intl.PluralRules(tag, options)),
  };
}

// Each unit until its count reaches the next unit: 59 minutes, then 1 hour … 6 days, then 1 week.
const STEPS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3600, 24],
  ['day', 86400, 7],
  ['week', 7 * 86400, 5],
  ['month', 30.44 * 86400, 12],
  ['year', 365.25 * 86400, Infinity],
];

function pickUnit(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  for (const [unit, size, next] of STEPS) {
    const value = Math.round(seconds / size);
    if (Math.abs(value) < next) return [value, unit];
  }
  return [Math.round(seconds / (365.25 * 86400)), 'year'];
}

function toDate(d: Date | string): Date {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(d)}`);
  return date;
}

function directionOf(locale: string): 'rtl' | 'ltr' {
  const info = (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

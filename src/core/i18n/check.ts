// Checks that keep the catalogs shippable; run by npm test (catalogs.test.ts). Each problem is
// one line naming the locale and key, so a translator can fix it without reading code.
import { ADDRESS_ARG, messageShape, parseMessage, type MessageShape } from './icu.js';
import { SOURCE_LOCALE, type Catalogs } from './load.js';

/** ar and en ship complete; other locales may be partial and fall back to Arabic per key. */
const COMPLETE_LOCALES = [SOURCE_LOCALE, 'en'];

export function checkCatalogs(catalogs: Catalogs): string[] {
  const problems: string[] = [];
  const source = catalogs[SOURCE_LOCALE] ?? {};
  for (const locale of COMPLETE_LOCALES) {
    if (!catalogs[locale]) problems.push(`${locale}: the catalog is missing`);
  }

  // Completeness between the two shipped languages, both ways.
  const en = catalogs.en ?? {};
  for (const key of Object.keys(source)) if (!(key in en)) problems.push(`en: "${key}" is missing (it is in ar)`);
  for (const key of Object.keys(en)) if (!(key in source)) problems.push(`ar: "${key}" is missing (it is in en)`);

  const shapes = new Map<string, Map<string, MessageShape>>();
  for (const [locale, catalog] of Object.entries(catalogs)) {
    const categories = pluralCategories(locale);
    const parsed = new Map<string, MessageShape>();
    shapes.set(locale, parsed);
    for (const [key, message] of Object.entries(catalog)) {
      const at = `${locale}: "${key}"`;
      if (locale !== SOURCE_LOCALE && !COMPLETE_LOCALES.includes(locale) && !(key in source)) {
        problems.push(`${at} is not in ar, the source catalog`);
      }
      let shape: MessageShape;
      try {
        shape = messageShape(parseMessage(message));
      } catch (e) {
        problems.push(`${at}: ${(e as Error).message}`);
        continue;
      }
      parsed.set(key, shape);
      problems.push(...shapeProblems(at, locale, shape, categories));
    }
  }

  // Arguments must agree with Arabic, or t()'s generated types would be wrong for some locale.
  const sourceShapes = shapes.get(SOURCE_LOCALE) ?? new Map<string, MessageShape>();
  for (const [locale, parsed] of shapes) {
    if (locale === SOURCE_LOCALE) continue;
    for (const [key, actual] of parsed) {
      const expected = sourceShapes.get(key);
      if (!expected) continue;
      const want = signature(expected);
      const got = signature(actual);
      if (want !== got) problems.push(`${locale}: "${key}": arguments {${got}} differ from ar {${want}}`);
    }
  }
  return problems;
}

function shapeProblems(
  at: string,
  locale: string,
  shape: MessageShape,
  categories: { cardinal: string[]; ordinal: string[] },
): string[] {
  const problems: string[] = [];
  for (const plural of shape.plurals) {
    const needed = plural.ordinal ? categories.ordinal : categories.cardinal;
    const missing = needed.filter((c) => !plural.options.includes(c));
    if (missing.length > 0) {
      problems.push(
        `${at}: {${plural.arg}, ${plural.ordinal ? 'selectordinal' : 'plural'}} lacks ${missing.join(', ')}`,
      );
    }
  }
  for (const [arg, type] of shape.args) {
    if (type === 'never') problems.push(`${at}: {${arg}} is used both as a number and as a select`);
  }
  // Dates in messages would skip the house style (28 حزيران، 2022) and the Damascus time zone.
  for (const arg of shape.dateArgs) {
    problems.push(`${at}: {${arg}, date|time}: pass a string from i18n.date() / dateTime() / time() instead`);
  }
  // Digits typed into the text ignore the reader's digits setting; English is always Western.
  if (ARABIC_INDIC.test(shape.literalText) || (locale !== 'en' && westernDigitsInText(shape.literalText).length > 0)) {
    problems.push(`${at}: digits written in the text ignore the digits setting; use a {n, number} argument or words`);
  }
  return problems;
}

const ARABIC_INDIC = /[٠-٩۰-۹]/;

/**
 * Runs of Western digits that read as numbers in the sentence ("(10 ميغابايت)"), which the
 * digits setting cannot reach. Digits beside Latin letters are codes or names (C1594,
 * CC BY 3.0) and stay as written.
 */
export function westernDigitsInText(text: string): string[] {
  const letter = /\p{L}/u;
  const latin = /\p{Script=Latin}/u;
  const runs: string[] = [];
  for (const m of text.matchAll(/[0-9]+(?:[.,][0-9]+)*/g)) {
    const before = [...text.slice(0, m.index)].reverse().find((c) => letter.test(c));
    const after = [...text.slice(m.index + m[0].length)].find((c) => letter.test(c));
    if (!(before && latin.test(before)) && !(after && latin.test(after))) runs.push(m[0]);
  }
  return runs;
}

const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

function pluralCategories(locale: string): { cardinal: string[]; ordinal: string[] } {
  const of = (type: Intl.PluralRuleType) =>
    [...new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories].sort(
      (a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b),
    );
  return { cardinal: of('cardinal'), ordinal: of('ordinal') };
}

/** "count: number, name: string | number" — `gender` left out: English needs no grammatical gender for "you". */
function signature(shape: MessageShape): string {
  return [...shape.args]
    .filter(([name]) => name !== ADDRESS_ARG)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, type]) => `${name}: ${type}`)
    .join(', ');
}

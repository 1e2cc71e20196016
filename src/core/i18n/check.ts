// Checks that keep the catalogs shippable; run by npm test (catalogs.test.ts). Each problem is
// one line naming the locale and key, so a translator can fix it without reading code.
import { ADDRESS_ARG, KIND, messageShape, parseMessage, type IcuNode, type MessageShape } from './icu.js';
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
      let ast: IcuNode[];
      try {
        ast = parseMessage(message);
        shape = messageShape(ast);
      } catch (e) {
        problems.push(`${at}: ${(e as Error).message}`);
        continue;
      }
      parsed.set(key, shape);
      problems.push(...shapeProblems(at, locale, shape, categories));
      problems.push(...addressProblems(at, ast));
      if (locale === SOURCE_LOCALE) problems.push(...countProblems(at, ast));
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

// ——— Addressing the reader ————————————————————————————————————————————————————————————————
// Arabic second person differs by gender (أدخل / أدخلي، ستحضر / ستحضرين). Every message receives
// `gender` (f, m, or x when the reader is unknown — a visitor not signed in, a person who chose
// neither), so the rule is the same for every key: a second-person slash form (أدخل/ي،
// ستحضر/ين، كتبته/كتبتِه، اختر/اختاري) may appear only in the `other` branch of
// `{gender, select, f {…} m {…} other {…}}`, which a known reader never sees. A gender select
// has all three branches. Slash forms about third persons (الموظفون/ات، فاز/ت، لديه/ا) and words
// quoted in «…» (an example of the form itself) are not second person and pass.

/** An Arabic letter or short vowel. */
const AR = '[\\p{Script=Arabic}\\u064B-\\u0652]';
/** A word, a slash, then the bare feminine ending or the feminine word (ي، ين، …يه، …تِه). */
const SECOND_PERSON_SLASH = new RegExp(
  `${AR}+/(?:ي|ين|${AR}*(?:ي|ين|يه|ينه|يها|ينها)|${AR}*\\u0650${AR}*)(?!${AR})`,
  'gu',
);

/** The second-person slash forms of a piece of Arabic text, quotations «…» left out. */
export function secondPersonSlashForms(text: string): string[] {
  return [...text.replace(/«[^»]*»/g, ' ').matchAll(SECOND_PERSON_SLASH)]
    .map((m) => m[0])
    .filter((form) => !THIRD_PERSON_PAIR.test(form));
}

/** He/she verbs (يدلي/تدلي، ينتمي/تنتمي) and feminine duals (عضوين/عضوتين) are third person. */
const THIRD_PERSON_PAIR = new RegExp(`^(?:ي${AR}*/ت${AR}*|${AR}+/${AR}*ت(?:ين|ان))$`, 'u');

function addressProblems(at: string, ast: IcuNode[]): string[] {
  const problems: string[] = [];
  const segments: { text: string; allowed: boolean }[] = [];
  const collect = (nodes: IcuNode[], allowed: boolean) => {
    let text = '';
    for (const node of nodes) {
      if (node.type === KIND.literal) text += node.value ?? '';
      else if (node.type === KIND.pound) text += '#';
      else text += '\uFFFC';
      if (node.type === KIND.select && node.value === ADDRESS_ARG) {
        const missing = ['f', 'm', 'other'].filter((o) => !node.options?.[o]);
        if (missing.length > 0) problems.push(`${at}: {${ADDRESS_ARG}, select} lacks ${missing.join(', ')}`);
      }
      for (const [name, option] of Object.entries(node.options ?? {})) {
        const isGender = node.type === KIND.select && node.value === ADDRESS_ARG;
        collect(option.value, isGender ? name === 'other' : allowed);
      }
      if (node.children) collect(node.children, allowed);
    }
    segments.push({ text, allowed });
  };
  collect(ast, false);
  const forms = segments.filter((s) => !s.allowed).flatMap((s) => secondPersonSlashForms(s.text));
  if (forms.length > 0) {
    problems.push(
      `${at}: addresses the reader with ${forms.join('، ')} outside {${ADDRESS_ARG}, select}; write f {…} m {…} and keep the slash form for other {…}`,
    );
  }
  return problems;
}

// ——— Counts ——————————————————————————————————————————————————————————————————————————————
// In Arabic the counted noun changes with the number (صندوق واحد، صندوقان، 3 صناديق، 11 صندوقًا،
// 100 صندوق), so "5 من أصل 5 صندوق" is wrong for most numbers. A number argument — `{x, number}`,
// or a plain `{count}` / `{n}` / `{total}` / `{…Count}` / `{…Total}` — directly followed by an
// Arabic word counts that word, and must be a `{x, plural, zero … other}` instead. Units that do
// not change (ميغابايت، بالمئة) and particles (من، في، على…) are not counted nouns.

const COUNT_NAME = /^(?:n|count|total)$|[a-z](?:Count|Total)$/;
const NOT_COUNTED = new Set([
  ...['بايت', 'كيلوبايت', 'ميغابايت', 'غيغابايت', 'كم', 'كغ'],
  ...['من', 'في', 'على', 'إلى', 'عن', 'مع', 'أو', 'ثم', 'حتى', 'بين', 'مقابل', 'فقط', 'فأكثر', 'أي', 'و', 'لكل'],
]);
const ARABIC_WORD = /^\s+([\p{Script=Arabic}\u064B-\u0652\u0640]+)/u;

/** The counted nouns of a message: `{max, number} صف` → ["{max} صف"]. */
export function countsWithoutPlural(ast: IcuNode[]): string[] {
  const found: string[] = [];
  // Inside a plural's branch, `{x, number}` of that same x is its `#`: the branch already agrees.
  const walk = (nodes: IcuNode[], counted: Set<string>) => {
    nodes.forEach((node, i) => {
      const isNumber =
        !counted.has(node.value ?? '') &&
        ((node.type === KIND.number && !/percent/.test(JSON.stringify(node))) ||
          (node.type === KIND.argument && COUNT_NAME.test(node.value ?? '')));
      const next = nodes[i + 1];
      if (isNumber && next?.type === KIND.literal) {
        const word = ARABIC_WORD.exec(next.value ?? '')?.[1];
        const bare = word?.replace(/[\u064B-\u0652\u0640]/g, '') ?? '';
        // one letter is an abbreviated unit (ك.ب); لل… and بال… are a preposition and its noun
        const isCounted = bare.length > 1 && !NOT_COUNTED.has(bare) && !/^(?:لل|بال)/.test(bare);
        if (word && isCounted) found.push(`{${node.value}} ${word}`);
      }
      const inner = node.type === KIND.plural ? new Set([...counted, node.value ?? '']) : counted;
      for (const option of Object.values(node.options ?? {})) walk(option.value, inner);
      if (node.children) walk(node.children, counted);
    });
  };
  walk(ast, new Set());
  return found;
}

function countProblems(at: string, ast: IcuNode[]): string[] {
  return countsWithoutPlural(ast).map(
    (c) =>
      `${at}: ${c} counts a noun without plural forms; use {…, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}`,
  );
}

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

// Word forms for search. Every word of a text and of a query is read the same way:
//
//  1. normalized (core/text/normalize.ts; ؤ and ئ as ء);
//  2. its bases: the word itself, and the word without its proclitics — a conjunction (و، ف), a
//     preposition (ب، ك، ل) and the article (ال; ل + ال is written لل). Single letters are only taken
//     off what remains at least three letters long, and never off a word of WHOLE_WORD_STARTS;
//     a lone و or ف is taken off only in indexed text (nobody types "ومياه" as a query);
//  3. its keys: each base without its endings — a pronoun (ها، هم، نا), a sound plural (ات، ون، ين),
//     the feminine ending and the nisba ي (تعليمية، تعليمي، التعليم → تعليم) — and, from the
//     dictionary, the first word of its family for a broken plural (أطفال → طفل);
//  4. its concepts: the dictionary's synonym groups its keys belong to, alone or as a phrase with
//     the words beside it (مركز صحي، مستوصف، عيادة → one concept).
//
// A document is indexed under every base, key and concept of its words; a query word matches a
// document that has one of its keys or concepts (the bases are there for the last word typed as a
// prefix). The same rules on both sides are what make التعليمية find what تعليمية finds.
import { FAMILIES, KEEP_WHOLE, STOPWORDS, SYNONYMS, WHOLE_WORD_STARTS } from '../search/dictionary.js';
import { tokenizeForSearch } from './normalize.js';

/** Bumped when a rule in this file changes what a word is indexed under. */
const RULES_VERSION = 3;

/** Marks a concept token; normalization folds ٳ to ا, so no word of a text can start with it. */
export const CONCEPT_MARK = '\u0673';

const ARABIC_WORD = /^[\u0621-\u064A]/;
const LATIN = /^[a-z]+$/;
const MAX_CACHE = 50_000;

// ——— the article alone (towns' name search uses it) ———

const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/** Strips one leading article/preposition+article, keeping at least two letters. Expects a normalized word. */
export function lightStem(word: string): string {
  for (const p of PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 2) return word.slice(p.length);
  }
  return word;
}

// ——— the dictionary's plain lists, normalized as text is ———

const norm = (word: string) => tokenizeForSearch(word).join(' ');
const STOP = new Set(STOPWORDS.map(norm));
const KEEP = new Set(KEEP_WHOLE.map(norm));
const WHOLE_STARTS = WHOLE_WORD_STARTS.map(norm);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

// ——— proclitics ———

// Longest first; each ends in the article.
const ARTICLE_CLITICS = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

type Side = 'index' | 'query';

const wholeWord = (w: string) => WHOLE_STARTS.some((s) => w.startsWith(s));

/** The word without its proclitics (zero, one or two readings). Expects a normalized word. */
export function stripClitics(word: string, side: Side = 'index'): string[] {
  if (!ARABIC_WORD.test(word)) return [];
  for (const p of ARTICLE_CLITICS) {
    if (word.startsWith(p) && word.length - p.length >= 2) {
      const rest = word.slice(p.length);
      // ل + ال before a word that starts with ل drops a lam too: للجنة is ل + اللجنة.
      return p.endsWith('لل') ? [rest, 'ل' + rest] : [rest];
    }
  }
  let rest = word;
  if (side === 'index' && /^[وف]/.test(rest) && rest.length >= 4) rest = rest.slice(1);
  if (/^[بكل]/.test(rest) && rest.length >= 4 && !wholeWord(rest)) rest = rest.slice(1);
  return rest === word ? [] : [rest];
}

// ——— endings ———

const PRONOUNS = ['ها', 'هم', 'نا'];
const PLURAL_ENDINGS = ['ات', 'ون', 'ين'];

/** The plural, feminine and nisba endings off a word; never down to a function word. */
function withoutEndings(word: string): string {
  if (KEEP.has(word)) return word;
  let s = word;
  const plural = PLURAL_ENDINGS.find((p) => s.endsWith(p) && s.length - p.length >= 3);
  if (plural) s = s.slice(0, -2);
  if (KEEP.has(s)) return s;
  const steps = [s];
  if (s.endsWith('ه') && s.length >= 3) steps.push((s = s.slice(0, -1)));
  // The ي after an alef is a root letter (حماية، رعاية), not a nisba ending.
  if (s.endsWith('ي') && s.length >= 3 && s[s.length - 2] !== 'ا') steps.push(s.slice(0, -1));
  return steps.reverse().find((x) => !STOP.has(x)) ?? word;
}

/** A base's stems: without its endings; a second reading when a pronoun followed a taa marbuta. */
export function suffixStems(base: string): string[] {
  if (!ARABIC_WORD.test(base)) return [LATIN.test(base) ? englishStem(base) : base];
  const pronoun = PRONOUNS.find((p) => base.endsWith(p) && base.length - p.length >= 3);
  if (!pronoun) return [withoutEndings(base)];
  const bare = base.slice(0, -2);
  const out = [withoutEndings(bare)];
  // مدرستنا: the ة of مدرسة is written ت before a pronoun.
  if (bare.endsWith('ت') && !bare.endsWith('ات')) out.push(withoutEndings(bare.slice(0, -1) + 'ه'));
  return [...new Set(out)];
}

/** English: the plural -s only (policy and police stay apart); irregular plurals are in the dictionary. */
export function englishStem(word: string): string {
  if (word.length <= 3 || !LATIN.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// ——— one word ———

type WordForms = { bases: string[]; keys: string[]; concepts: string[] };

const rawKeysOf = (bases: string[]) => [...new Set(bases.flatMap(suffixStems))];

// Broken plurals: each family member's normalized form (and the pronoun-less one) → the stem of
// the family's first word.
const LEMMA = new Map<string, string>();
for (const [first, ...others] of FAMILIES) {
  const lemma = rawKeysOf([norm(first)])[0]!;
  for (const other of others) LEMMA.set(norm(other), lemma);
}

function lemmasOf(bases: string[]): string[] {
  const out: string[] = [];
  for (const b of bases) {
    const direct = LEMMA.get(b);
    if (direct) out.push(direct);
    const pronoun = PRONOUNS.find((p) => b.endsWith(p) && b.length - p.length >= 3);
    const bare = pronoun ? LEMMA.get(b.slice(0, -2)) : undefined;
    if (bare) out.push(bare);
  }
  return out;
}

// A hamza inside a word (ئ and ؤ are read as ء) is often typed as the letter that carries it:
// نتايج for نتائج, مسوول for مسؤول. Indexed text is also read with ي and with و in its place.
const INNER_HAMZA = /(?<=.)\u0621(?=.)/g;

function hamzaSpellings(word: string, side: Side): string[] {
  if (side === 'query' || !/.\u0621./.test(word)) return [word];
  return [word, word.replace(INNER_HAMZA, 'ي'), word.replace(INNER_HAMZA, 'و')];
}

function basesOf(word: string, side: Side): string[] {
  return [...new Set(hamzaSpellings(word, side).flatMap((w) => [w, ...stripClitics(w, side)]))];
}

/** The key a dictionary entry word is known by: its family's first word, or its first stem. */
function entryKey(word: string): string {
  const bases = basesOf(word, 'query');
  return lemmasOf(bases)[0] ?? rawKeysOf(bases)[0]!;
}

// Synonym groups: single words by key; phrases by their first word's key.
const CONCEPTS = new Map<string, string[]>();
const PHRASES = new Map<string, { keys: string[]; concept: string }[]>();
for (const group of SYNONYMS) {
  const concept = CONCEPT_MARK + group.id;
  for (const term of group.terms) {
    const keys = tokenizeForSearch(term).map(entryKey);
    if (keys.length === 1) CONCEPTS.set(keys[0]!, [...(CONCEPTS.get(keys[0]!) ?? []), concept]);
    else PHRASES.set(keys[0]!, [...(PHRASES.get(keys[0]!) ?? []), { keys, concept }]);
  }
}

const caches: Record<Side, Map<string, WordForms>> = { index: new Map(), query: new Map() };

/** A normalized word's bases, keys and (single-word) concepts. */
export function wordForms(word: string, side: Side = 'index'): WordForms {
  const cache = caches[side];
  const hit = cache.get(word);
  if (hit) return hit;
  const bases = basesOf(word, side);
  const keys = [...new Set([...rawKeysOf(bases), ...lemmasOf(bases)])];
  const concepts = [...new Set(keys.flatMap((k) => CONCEPTS.get(k) ?? []))];
  const forms = { bases, keys, concepts };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, forms);
  return forms;
}

// ——— a run of words ———

export type AnalyzedWord = WordForms & { word: string; stop: boolean };

/** Each word's forms, with the concepts of the dictionary phrases it stands in (on every word of the phrase). */
export function analyzeWords(words: string[], side: Side = 'index'): AnalyzedWord[] {
  const out = words.map((word) => {
    const f = wordForms(word, side);
    return { word, stop: STOP.has(word), bases: f.bases, keys: f.keys, concepts: f.concepts };
  });
  for (let i = 0; i < out.length; i++) {
    for (const key of out[i]!.keys) {
      for (const phrase of PHRASES.get(key) ?? []) {
        const n = phrase.keys.length;
        if (i + n > out.length) continue;
        if (!phrase.keys.every((k, j) => out[i + j]!.keys.includes(k))) continue;
        for (let j = i; j < i + n; j++) {
          if (!out[j]!.concepts.includes(phrase.concept))
            out[j] = { ...out[j]!, concepts: [...out[j]!.concepts, phrase.concept] };
        }
      }
    }
  }
  return out;
}

/** Every form a word is indexed under: bases (for prefixes), keys and concepts. */
export function indexedForms(w: WordForms): string[] {
  return [...new Set([...w.bases, ...w.keys, ...w.concepts])];
}

/** What a text is indexed under: the distinct forms of its words, function words left out, in text order. */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const w of analyzeWords(tokenizeForSearch(text))) {
    if (w.stop) {
      for (const c of w.concepts) out.add(c);
      continue;
    }
    for (const f of indexedForms(w)) out.add(f);
  }
  return [...out];
}

// ——— queries ———

/** One query term: a document matches with any of `forms`; `prefixes` complete a word being typed. */
export type QueryTerm = { forms: string[]; prefixes: string[] };

const MIN_PREFIX = 3;
/** Beyond this a query is not a search but a load test; the extra words are ignored. */
export const MAX_QUERY_WORDS = 12;

/** The terms of a query (ANDed): dictionary phrases as one term, function words dropped if others remain. */
export function queryTerms(query: string): QueryTerm[] {
  const words = analyzeWords(tokenizeForSearch(query).slice(0, 4 * MAX_QUERY_WORDS), 'query');
  const terms: (QueryTerm & { stop: boolean; key: string })[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // A phrase of the dictionary is one term: its concept (the words beside each other).
    const phrase = longestPhraseAt(words, i);
    if (phrase) {
      terms.push({ forms: [phrase.concept], prefixes: [], stop: false, key: phrase.concept });
      i += phrase.keys.length - 1;
      continue;
    }
    // A base whose proclitics come off is indexed with them off too (الانتخابات and انتخابات), so
    // the shorter prefix finds everything the longer one would: only that one is asked for.
    const long = w.bases.filter((b) => [...b].length >= MIN_PREFIX);
    const prefixes = long.filter((b) => !long.some((o) => o !== b && b.endsWith(o)));
    terms.push({ forms: [...new Set([...w.keys, ...w.concepts])], prefixes, stop: w.stop, key: w.word });
  }
  const kept = terms.some((t) => !t.stop) ? terms.filter((t) => !t.stop) : terms;
  // A repeated word counts once, at its last place (the last word may be completed as a prefix).
  const unique = kept.filter((t, i) => kept.findLastIndex((u) => u.key === t.key) === i);
  return unique.slice(0, MAX_QUERY_WORDS).map(({ forms, prefixes }) => ({ forms, prefixes }));
}

function longestPhraseAt(words: AnalyzedWord[], i: number) {
  let best: { keys: string[]; concept: string } | undefined;
  for (const key of words[i]!.keys) {
    for (const phrase of PHRASES.get(key) ?? []) {
      const n = phrase.keys.length;
      if (i + n > words.length || (best && best.keys.length >= n)) continue;
      if (phrase.keys.every((k, j) => words[i + j]!.keys.includes(k))) best = phrase;
    }
  }
  return best;
}

// ——— version ———

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Identifies what the rules and the dictionary produce: stored search entries made with another
 * version are rebuilt (core/search/reindex.ts). A dictionary edit changes it by itself.
 */
export const ANALYZER_VERSION = `${RULES_VERSION}.${fnv1a(
  JSON.stringify([FAMILIES, SYNONYMS, WHOLE_WORD_STARTS, KEEP_WHOLE, STOPWORDS]),
)}`;

// Stemming for search. Each word is indexed under three forms — normalized, article stripped, Snowball
// stem — and a query word matches if any of its forms equals any indexed form. Snowball alone is
// erratic on Arabic (انتخابات → انتخابا but الانتخابات → انتخاب); the article-stripped form is what
// makes a word with and without ال meet.
import { stemmer as snowballArabic } from '@orama/stemmers/arabic';
import { normalizeArabic, tokenize } from './normalize.js';

const ARABIC = /[\u0621-\u064A]/;
const LATIN = /^[a-z]+$/;

// Longest first: وال before ال. لل is ل + ال with the alef dropped (للمجتمع).
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/** Strips one leading article/preposition+article, keeping at least two letters. Expects a normalized word. */
export function lightStem(word: string): string {
  for (const p of PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 2) return word.slice(p.length);
  }
  return word;
}

// English plural only; anything cleverer would need a real English stemmer.
function latinStem(word: string): string {
  if (word.length <= 3 || !LATIN.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Snowball stem of a word (normalized first); Latin words lower-cased with the plural -s dropped. */
export function stemArabic(word: string): string {
  const w = normalizeArabic(word);
  if (w === '' || w.includes(' ')) return w;
  if (ARABIC.test(w)) return snowballArabic(w);
  return latinStem(w);
}

function formsOf(token: string): string[] {
  const forms = [token, lightStem(token), stemArabic(token)];
  return forms.filter((f, i) => f !== '' && forms.indexOf(f) === i);
}

/** What goes into search_text: for each word, its distinct forms, in text order. */
export function indexTokens(text: string): string[] {
  return tokenize(text).flatMap(formsOf);
}

// Dropped from queries (never from the index) when the query has other words, so "مدارس في أعزاز"
// does not demand a document containing "في".
const QUERY_STOPWORDS = new Set([
  'في',
  'من',
  'علي',
  'الي',
  'عن',
  'مع',
  'و',
  'او',
  'ثم',
  'هذا',
  'هذه',
  'ذلك',
  'التي',
  'الذي',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'a',
  'an',
]);

/** For each query word, the forms any of which may match it (the words are ANDed). */
export function queryTerms(query: string): string[][] {
  const words = tokenize(query);
  const kept = words.filter((w) => !QUERY_STOPWORDS.has(w));
  const chosen = kept.length > 0 ? kept : words;
  // A repeated word counts once, at its last place (the last word may be matched as a prefix).
  return chosen.filter((w, i) => chosen.lastIndexOf(w) === i).map(formsOf);
}

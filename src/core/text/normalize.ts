// Arabic-aware normalization for search and lookup (not for display): the same function runs over
// indexed text and over queries, so whatever it folds together is found either way.

const INVISIBLE = /[\u200C-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/g;
const TATWEEL = /\u0640/g;
// Tashkeel and Quranic marks; other combining marks go with the NFD pass below.
const TASHKEEL = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const COMBINING = /\p{M}/gu;
// An apostrophe inside a word is part of a transliteration (A'zaz, Mare'a): join, don't split.
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ‘`´ʻʿʾ](?=\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

const LETTERS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ؤ: 'و',
  ئ: 'ي',
  // Persian and Kurdish letter forms, as typed on those keyboards.
  ک: 'ك',
  ی: 'ي',
  ې: 'ي',
  ە: 'ه',
  ھ: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  گ: 'ك',
  پ: 'ب',
  چ: 'ج',
  ڤ: 'ف',
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits to ASCII; nothing else changes. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** Letter-level folding only; punctuation is kept so slash forms can still be seen. */
function foldLetters(text: string): string {
  let s = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\u200B/g, ' ');
  s = s.toLowerCase().replace(TATWEEL, '').replace(TASHKEEL, '');
  // Map before NFD: the Persian forms and ة have no decomposition, and the hamza forms fold cleanly.
  s = s.replace(LETTER_RE, (ch) => LETTERS[ch]);
  // NFD then drop marks: Latin accents (Efrîn → efrin) and any hamza/madda mark left over.
  s = s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
  return toAsciiDigits(s);
}

/** Normalized text for search and lookup: folded letters, ASCII digits, words separated by one space. */
export function normalizeArabic(text: string): string {
  return foldLetters(text).replace(INNER_APOSTROPHE, '').replace(NOT_WORD, ' ').trim();
}

// Endings written after a slash to add the feminine (or plural feminine) reading.
const ENDINGS = new Set(['ات', 'ة', 'ه', 'ي', 'ن', 'ها']);
// A slash form joins a word to an ending (الموظفين/ات، متدرب/ة) or to a second full word (أعضاء/عضوات).
const SLASH_FORM = /([\p{L}\p{M}\u0640]+)\/([\p{L}\p{M}\u0640]+)/gu;

function feminineForm(base: string, ending: string): string | null {
  const bare = ending.replace(TATWEEL, '').replace(TASHKEEL, '');
  if (!ENDINGS.has(bare)) return null;
  const stem = base.replace(/[\u064B-\u065F\u0670]+$/, '');
  if (bare === 'ات') {
    // Masculine plural ending becomes the feminine plural: المشاركين/ات → المشاركات.
    const m = stem.match(/^(.+?)(ين|ون|ة|ه)$/);
    return (m ? m[1] : stem) + 'ات';
  }
  return stem + bare;
}

/**
 * Writes out both readings of each slash form, separated by a space: "الموظفين/ات" →
 * "الموظفين الموظفات", "متدرب/ة" → "متدرب متدربة", "أعضاء/عضوات" → "أعضاء عضوات".
 */
export function expandSlashForms(text: string): string {
  return text.replace(SLASH_FORM, (_all, base: string, second: string) => {
    const derived = feminineForm(base, second);
    return `${base} ${derived ?? second}`;
  });
}

/** The normalized words of a text, slash forms expanded. */
export function tokenize(text: string): string[] {
  const normalized = normalizeArabic(expandSlashForms(text));
  return normalized === '' ? [] : normalized.split(' ');
}

// Search reads ؤ and ئ as the hamza they carry (normalizeArabic, for names and lookups, folds them
// to و and ي): both spellings of مسؤول/مسئول and شؤون/شئون are in use, and غذائية then keeps the
// ء of غذاء.
const HAMZA_SEATS = /[\u0624\u0626]/g;

/** The words of a text as search reads them: `tokenize`, with ؤ and ئ written as ء. */
export function tokenizeForSearch(text: string): string[] {
  return tokenize(text.normalize('NFKC').replace(HAMZA_SEATS, '\u0621'));
}

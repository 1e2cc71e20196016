// Excerpts: a window of the entry's body around the first word the query matched, as plain-text
// segments with the matching words `marked` (the view wraps them in <mark>, escaped like any text).
import { analyzeWords, indexedForms, type QueryTerm } from '../text/stem.js';
import { tokenizeForSearch } from '../text/normalize.js';

export type ExcerptSegment = { text: string; marked: boolean };

const LEAD_CHARS = 60;
const WINDOW_CHARS = 240;
/** A match further into a long body than this is not looked for: the excerpt shows the start. */
const SCAN_CHARS = 20_000;
const SOURCE_WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Whether a word's forms meet the query: a form, or (the word being typed) a prefix of a form. */
export function matcher(terms: QueryTerm[], prefix: boolean): (forms: string[]) => boolean {
  const exact = new Set(terms.flatMap((t) => t.forms));
  const prefixes = prefix ? (terms[terms.length - 1]?.prefixes ?? []) : [];
  return (forms) => forms.some((f) => exact.has(f) || prefixes.some((p) => f.startsWith(p)));
}

const BLOCK = 64;
/** The longest dictionary phrase, in words: a block is read with this many words either side. */
const CONTEXT = 3;
const MAX_MEMO = 20_000;
const memo = new Map<string, string[]>();

function searchWordsOf(text: string): string[] {
  let words = memo.get(text);
  if (!words) {
    words = tokenizeForSearch(text);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(text, words);
  }
  return words;
}

export function buildExcerpt(source: string, matches: (forms: string[]) => boolean): ExcerptSegment[] {
  const scanned = source.slice(0, SCAN_CHARS);
  const raw = [...scanned.matchAll(SOURCE_WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
  // Which source words match, read a block at a time (a long body is read only up to its first
  // match) with the words around it, so that the words of a dictionary phrase are marked together.
  const marks: boolean[] = [];
  const read = (block: number) => {
    const from = block * BLOCK;
    if (from >= raw.length || marks[from] !== undefined) return;
    const owners: number[] = [];
    const words: string[] = [];
    for (let i = Math.max(0, from - CONTEXT); i < Math.min(raw.length, from + BLOCK + CONTEXT); i++) {
      for (const w of searchWordsOf(raw[i]!.text)) {
        owners.push(i);
        words.push(w);
      }
    }
    for (let i = from; i < Math.min(raw.length, from + BLOCK); i++) marks[i] = false;
    analyzeWords(words).forEach((w, j) => {
      const i = owners[j]!;
      if (i >= from && i < from + BLOCK && matches(indexedForms(w))) marks[i] = true;
    });
  };
  let firstIndex = -1;
  for (let b = 0; b * BLOCK < raw.length && firstIndex < 0; b++) {
    read(b);
    firstIndex = marks.indexOf(true);
  }
  // The window reaches a block either side of the first match.
  const around = Math.max(0, firstIndex) / BLOCK;
  for (const b of [Math.floor(around) - 1, Math.floor(around), Math.floor(around) + 1]) if (b >= 0) read(b);
  const marked = (i: number) => marks[i] === true;
  const spans = raw.map((r, i) => ({ start: r.start, end: r.end, marked: marked(i) }));
  if (spans.length === 0) return source === '' ? [] : [{ text: source.slice(0, WINDOW_CHARS), marked: false }];
  const first = spans.find((s) => s.marked) ?? spans[0]!;
  const startSpan = spans.find((s) => s.start >= first.start - LEAD_CHARS) ?? first;
  const inWindow = spans.filter(
    (s) => s.start >= startSpan.start && (s.end <= startSpan.start + WINDOW_CHARS || s === first),
  );
  const start = startSpan.start;
  const lastSpan = inWindow[inWindow.length - 1]!;
  // Closing punctuation after the last word is kept rather than replaced by an ellipsis.
  const end = lastSpan === spans[spans.length - 1] && scanned.length === source.length ? source.length : lastSpan.end;

  const segments: ExcerptSegment[] = [];
  const push = (text: string, isMarked: boolean) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && !last.marked && !isMarked) last.text += text;
    else segments.push({ text, marked: isMarked });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const s of inWindow) {
    push(source.slice(at, s.start), false);
    push(source.slice(s.start, s.end), s.marked);
    at = s.end;
  }
  push(source.slice(at, end), false);
  if (end < source.length) push(' …', false);
  return segments;
}

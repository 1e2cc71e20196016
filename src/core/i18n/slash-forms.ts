// Slash forms («الموظفون/ات», «أدخل/ي», a target named «متدربون/ات أتمّوا/أتممن دورة») are one word
// to the reader: a line must never end at their slash and leave «ات» alone on the next line. A WORD
// JOINER (U+2060) after the slash forbids that break in every browser.
// - Catalog messages get it when they are compiled (no cost per request); files other programs
//   read (CSV, XLSX) take it out again (withoutWordJoiners).
// - People's own words get it in the text of a rendered page only: never in tags, attributes, or
//   what a form sends back (<textarea>, <option>), so what they wrote is stored as they wrote it.

const WORD_JOINER = '\u2060';
const ARABIC_LETTER = '\u0621-\u064A\u064B-\u0652\u0670';
const SLASH_IN_WORD = new RegExp(`([${ARABIC_LETTER}])/(?=[${ARABIC_LETTER}])`, 'g');
// Elements whose text is a value or code, not prose: they are skipped whole.
const RAW_ELEMENT = /<(textarea|option|script|style|pre)[\s>]/y;
const RAW_FIRST_LETTERS = new Set(['t', 'o', 's', 'p'].map((l) => l.charCodeAt(0)));

const isArabicLetter = (c: number) => (c >= 0x0621 && c <= 0x0652) || c === 0x0670;

/** Is there a slash between two Arabic letters? (A scan of the slashes, far cheaper than a regex.) */
function hasSlashForm(text: string): boolean {
  for (let i = text.indexOf('/'); i !== -1; i = text.indexOf('/', i + 1)) {
    if (isArabicLetter(text.charCodeAt(i - 1)) && isArabicLetter(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** «الموظفون/ات» → «الموظفون/⁠ات»: for a catalog message. */
export function joinSlashForms(message: string): string {
  return hasSlashForm(message) ? message.replace(SLASH_IN_WORD, `$1/${WORD_JOINER}`) : message;
}

/**
 * The same in a page's text, outside tags and form values: one pass from tag to tag, run only on a
 * page that has a slash form at all (most pages' own slash forms come joined from the catalog).
 */
export function joinSlashFormsInHtml(html: string): string {
  if (!hasSlashForm(html)) return html;
  const n = html.length;
  let out = '';
  let copied = 0;
  let i = 0;
  let slash = html.indexOf('/'); // the next slash, found once however many tags lie before it
  while (i < n && slash !== -1) {
    const tag = html.indexOf('<', i);
    const textEnd = tag === -1 ? n : tag;
    if (slash < i) slash = html.indexOf('/', i);
    for (; slash !== -1 && slash < textEnd; slash = html.indexOf('/', slash + 1)) {
      if (isArabicLetter(html.charCodeAt(slash - 1)) && isArabicLetter(html.charCodeAt(slash + 1))) {
        out += html.slice(copied, slash + 1) + WORD_JOINER;
        copied = slash + 1;
      }
    }
    if (tag === -1) break;
    RAW_ELEMENT.lastIndex = tag;
    const raw = RAW_FIRST_LETTERS.has(html.charCodeAt(tag + 1)) ? RAW_ELEMENT.exec(html) : null;
    if (raw) {
      const close = html.indexOf(`</${raw[1]}`, tag + 1);
      i = close === -1 ? n : close;
    } else {
      const end = html.indexOf('>', tag);
      i = end === -1 ? n : end + 1;
    }
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** Text as it goes into a file: without the joiners the pages need. */
export function withoutWordJoiners(text: string): string {
  return text.includes(WORD_JOINER) ? text.replaceAll(WORD_JOINER, '') : text;
}

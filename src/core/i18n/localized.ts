// Bilingual names: rows carry `name_ar` and `name_en` (or `title_ar`/`title_en`, …). One rule
// everywhere: the reader's language if it is filled in, else Arabic (every record has it), else
// English.

type Bilingual = Record<string, unknown>;

const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** `localized(row, 'name', 'en')` → row.name_en, or row.name_ar when there is no English. */
export function localized(row: Bilingual | null | undefined, field: string, locale: string): string {
  if (!row) return '';
  const own = row[`${field}_${locale}`];
  if (filled(own)) return own;
  const ar = row[`${field}_ar`];
  if (filled(ar)) return ar;
  const en = row[`${field}_en`];
  return filled(en) ? en : '';
}

/** Which language `localized` picked, for a lang attribute (Arabic text in an English page). */
export function localizedLang(row: Bilingual | null | undefined, field: string, locale: string): string {
  if (!row) return locale;
  if (filled(row[`${field}_${locale}`])) return locale;
  return filled(row[`${field}_ar`]) ? 'ar' : 'en';
}

// The codes people write on election paperwork, as real registers write them: a centre or station
// code is letters, digits and - _ . up to 32 characters (AL-0104, 12.3, S_2); a list or candidate
// code starts with a letter (a text report must tell it from a number) and has up to 16. Arabic-
// Indic digits are read as digits, letters as capitals, so "tb-01" and "TB-01" are one code.
import { z } from 'zod';
import { westernDigits } from '../../core/http/forms.js';

export const PLACE_CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;
export const LIST_CODE = /^[A-Z][A-Z0-9._-]{0,15}$/;

export const normalizeCode = (s: string) => westernDigits(s.trim()).toUpperCase();

/** A code field of a form or a spreadsheet column. */
export const codeField = (pattern: RegExp, message: string) =>
  z.string().trim().transform(normalizeCode).pipe(z.string().regex(pattern, message));

/** "TB-01 S2" (or "TB-01/S2"): a station by its centre's code and its own. */
export function splitStationRef(ref: string): { centre: string; station: string | null } {
  const [centre = '', station] = normalizeCode(ref).split(/\s*[/\s]\s*/);
  return { centre, station: station ?? null };
}

/** How a station is named everywhere: its centre's code and its own. */
export const stationLabel = (s: { centre_code: string; code: string }) => `${s.centre_code} ${s.code}`;

// The compact text form of a report, for places with no data connection: an observer sends an
// SMS or a message, a relay person pastes it into Wasl. One report per line:
//
//   TB-03 S2 W 51 M 69 RW 240 RM 230 BR 400 BU 270 BS 10 VA 112 IN 8 BL 3 L1 50 L2 40 L3 22
//   TB-03 S2 INC ballot box opened before the count
//   TB-03 S2 NONET
//
// Centre code, station code (may be left out when the centre has one station; `TB-03/S2` also
// works), then an optional keyword (COUNT, the default; INC an incident with free text; NONET the
// observer cannot reach the network), then code–number pairs. Arabic-Indic digits, lower case,
// `W:51`, `W=51` and Arabic commas are accepted. See README.md for the codes.
import { westernDigits } from '../../../core/http/forms.js';
import { voteField } from '../forms/formdef.js';

export const TEXT_CODES: Record<string, string> = {
  RW: 'registered_women',
  RM: 'registered_men',
  W: 'voters_women',
  M: 'voters_men',
  BR: 'ballots_received',
  BU: 'ballots_unused',
  BS: 'ballots_spoiled',
  VA: 'valid',
  IN: 'invalid',
  BL: 'blank',
};
/** Codes the count needs (besides one vote count per candidate or list). */
export const REQUIRED_TEXT_CODES = ['W', 'M', 'BR', 'BU', 'BS', 'VA', 'IN', 'BL'];
export const RESERVED_CODES = new Set([...Object.keys(TEXT_CODES), 'V', 'COUNT', 'INC', 'NONET']);

export type TextStation = { id: number; centre: string; station: string };

export type TextError =
  | { code: 'unknownStation'; value: string }
  | { code: 'unknownCode'; value: string }
  | { code: 'noNumber'; value: string }
  | { code: 'duplicate'; value: string }
  | { code: 'missing'; codes: string[] }
  | { code: 'votersMismatch'; v: number; w: number; m: number }
  | { code: 'noIncidentText' }
  | { code: 'tooLong' };

export type TextLine =
  | {
      line: number;
      text: string;
      ok: true;
      kind: 'count';
      stationId: number;
      stationCode: string;
      values: Record<string, number>;
      derived: { code: string; value: number }[];
    }
  | { line: number; text: string; ok: true; kind: 'incident'; stationId: number; stationCode: string; note: string }
  | { line: number; text: string; ok: true; kind: 'nonet'; stationId: number; stationCode: string }
  | { line: number; text: string; ok: false; stationCode: string | null; errors: TextError[] };

/** Lines a paste may hold (blank and # lines aside); a longer paste is refused whole, never cut. */
export const MAX_LINES = 500;

/** The lines of a paste that are reports (not blank, not a # comment). */
export const reportLines = (text: string) =>
  text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#')).length;

function splitGlued(tok: string, candidates: Map<string, string>): [string, string] | null {
  for (let cut = 1; cut < tok.length; cut++) {
    const name = tok.slice(0, cut);
    const num = tok.slice(cut);
    if (!/^\d+$/.test(num)) continue;
    if (TEXT_CODES[name] || name === 'V' || candidates.has(name)) return [name, num];
  }
  return null;
}

function normalizeLine(raw: string): string {
  return westernDigits(raw)
    .replace(/[\u200e\u200f\u061c\u202a-\u202e]/g, '') // bidi marks copied from phones
    .replace(/[،,;:=\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses pasted text. Lines that are empty or start with # are skipped. */
export function parseTextReports(text: string, ctx: { stations: TextStation[]; candidateCodes: string[] }): TextLine[] {
  const out: TextLine[] = [];
  const byCentre = new Map<string, TextStation[]>();
  for (const s of ctx.stations) {
    const key = s.centre.toUpperCase();
    if (!byCentre.has(key)) byCentre.set(key, []);
    byCentre.get(key)!.push(s);
  }
  const candidates = new Map(ctx.candidateCodes.map((c) => [c.toUpperCase(), c]));
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const original = raw.trim();
    if (!original || original.startsWith('#')) return;
    const lineNo = i + 1;
    if (original.length > 600) {
      out.push({
        line: lineNo,
        text: original.slice(0, 80),
        ok: false,
        stationCode: null,
        errors: [{ code: 'tooLong' }],
      });
      return;
    }
    const norm = normalizeLine(original);
    const tokens = norm.split(' ');
    // station reference
    let first = tokens.shift()!.toUpperCase();
    let stationToken: string | null = null;
    const slash = first.indexOf('/');
    if (slash > 0) {
      stationToken = first.slice(slash + 1);
      first = first.slice(0, slash);
    }
    const centreStations = byCentre.get(first);
    if (!centreStations) {
      out.push({
        line: lineNo,
        text: original,
        ok: false,
        stationCode: first,
        errors: [{ code: 'unknownStation', value: first }],
      });
      return;
    }
    // The station's own code, when the next word is one of the centre's stations (real registers
    // use any code: S2, 003, B.1); a centre with one station may leave it out.
    if (
      stationToken === null &&
      tokens.length &&
      centreStations.some((s) => s.station.toUpperCase() === tokens[0]!.toUpperCase())
    )
      stationToken = tokens.shift()!.toUpperCase();
    else if (stationToken === null && tokens.length && /^S\d{1,3}$/i.test(tokens[0]!))
      stationToken = tokens.shift()!.toUpperCase();
    let station: TextStation | undefined;
    if (stationToken) station = centreStations.find((s) => s.station.toUpperCase() === stationToken);
    else if (centreStations.length === 1) station = centreStations[0];
    const stationCode = `${first} ${stationToken ?? station?.station ?? '?'}`;
    if (!station) {
      out.push({
        line: lineNo,
        text: original,
        ok: false,
        stationCode,
        errors: [{ code: 'unknownStation', value: stationCode }],
      });
      return;
    }
    const code = `${first} ${station.station}`;
    // keyword
    const keyword = tokens[0]?.toUpperCase();
    if (keyword === 'NONET') {
      out.push({ line: lineNo, text: original, ok: true, kind: 'nonet', stationId: station.id, stationCode: code });
      return;
    }
    if (keyword === 'INC') {
      // the free text keeps the original characters (digits included) after the keyword
      const m = /\bINC\b\s*(.*)$/i.exec(original);
      const note = (m?.[1] ?? '').trim();
      if (!note)
        out.push({ line: lineNo, text: original, ok: false, stationCode: code, errors: [{ code: 'noIncidentText' }] });
      else
        out.push({
          line: lineNo,
          text: original,
          ok: true,
          kind: 'incident',
          stationId: station.id,
          stationCode: code,
          note,
        });
      return;
    }
    if (keyword === 'COUNT') tokens.shift();
    // code–number pairs
    const errors: TextError[] = [];
    const given = new Map<string, number>();
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k]!.toUpperCase();
      let name = tok;
      let numText: string | undefined;
      if (/^\d+$/.test(tok)) {
        errors.push({ code: 'unknownCode', value: tok });
        continue;
      }
      // "W51" or "L140" written without a space
      const glued = candidates.has(tok) ? null : splitGlued(tok, candidates);
      if (glued) {
        name = glued[0];
        numText = glued[1];
      } else {
        numText = tokens[k + 1];
        if (numText !== undefined && /^\d+$/.test(numText)) k++;
        else numText = undefined;
      }
      const known = TEXT_CODES[name] || name === 'V' || candidates.has(name);
      if (!known) {
        errors.push({ code: 'unknownCode', value: name });
        continue;
      }
      if (numText === undefined) {
        errors.push({ code: 'noNumber', value: name });
        continue;
      }
      if (given.has(name)) {
        errors.push({ code: 'duplicate', value: name });
        continue;
      }
      given.set(name, Math.min(Number(numText), 1_000_000_000));
    }
    // voters: two of V, W, M give the third; all three must agree
    const derived: { code: string; value: number }[] = [];
    const v = given.get('V');
    const w = given.get('W');
    const mm = given.get('M');
    if (v !== undefined && w !== undefined && mm !== undefined) {
      if (v !== w + mm) errors.push({ code: 'votersMismatch', v, w, m: mm });
    } else if (v !== undefined && w !== undefined && v >= w) {
      given.set('M', v - w);
      derived.push({ code: 'M', value: v - w });
    } else if (v !== undefined && mm !== undefined && v >= mm) {
      given.set('W', v - mm);
      derived.push({ code: 'W', value: v - mm });
    }
    const missing = [...REQUIRED_TEXT_CODES, ...ctx.candidateCodes.map((c) => c.toUpperCase())].filter(
      (c) => !given.has(c),
    );
    if (missing.length) errors.push({ code: 'missing', codes: missing });
    if (errors.length) {
      out.push({ line: lineNo, text: original, ok: false, stationCode: code, errors });
      return;
    }
    const values: Record<string, number> = {};
    for (const [name, n] of given) {
      if (name === 'V') continue;
      const field = TEXT_CODES[name] ?? voteField(candidates.get(name)!);
      values[field] = n;
    }
    out.push({
      line: lineNo,
      text: original,
      ok: true,
      kind: 'count',
      stationId: station.id,
      stationCode: code,
      values,
      derived,
    });
  });
  return out;
}

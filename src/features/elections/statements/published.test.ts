// The published figures of a statement as an attacker would read them (issue #14): every number
// of every version's page, in Arabic and in English, is collected and solved with HiGHS; no hidden
// one is determined, a small one may reach 10, and every label is true to the count sheets.
import { describe, expect, it } from 'vitest';
import { fromJson } from '../../../core/db/helpers.js';
import { dateToDamascusLocal } from '../../../core/time.js';
import { feasibleRange, type KnownSum } from '../../../testing/lp-audit.js';
import { goodSheet } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';
import { releaseOf, type StatementFigures } from './results.js';

const w = useElectionsWorld();

/** A sheet that adds up, with its own invalid and blank ballots. */
function sheet(women: number, men: number, invalid: number, blank: number) {
  const valid = women + men - invalid;
  const l1 = Math.floor(valid / 2);
  return goodSheet(women, men, { invalid, blank, valid, votes_l1: l1, votes_l2: valid - l1 });
}

/** Every figure a page shows: key → a number, or the label it carries instead. */
function readFigures(html: string): Map<string, { value: number } | { hidden: string; text: string }> {
  const out = new Map<string, { value: number } | { hidden: string; text: string }>();
  for (const m of html.matchAll(/<(data|span)\b([^>]*\bdata-figure="([^"]+)"[^>]*)>([^<]*)</g)) {
    const [, tag, attrs, key, text] = m;
    if (tag === 'data') out.set(key!, { value: Number(/value="(\d+)"/.exec(attrs!)![1]) });
    else out.set(key!, { hidden: /data-hidden="(\w+)"/.exec(attrs!)![1]!, text: text! });
  }
  return out;
}

describe('published figures', () => {
  it('are true, cannot be taken apart across tables, languages and versions, and say what they count', async () => {
    const db = w.db;
    const f = await w.election({ stations: 4, observers: 0, codePrefix: 'PF' });
    // the fourth station is for women only, with no men on its register
    await db
      .updateTable('polling_stations')
      .set({ women_only: 1, registered_men: null })
      .where('id', '=', f.stations[3]!.id)
      .execute();
    const sheets = [
      sheet(4, 150, 6, 2), // 4 women: small
      sheet(60, 70, 5, 0),
      // does not reconcile: fewer valid ballots than voters minus invalid ones
      { ...sheet(35, 60, 7, 3), valid: 80 },
      { ...sheet(120, 0, 4, 1), registered_men: 0 },
    ];
    await w.enterSheets(f, sheets, 'pf');

    const publish = async (note?: string) => {
      const staff = await w.as('staff');
      await staff.get(`/elections/${f.electionId}/statement`);
      const r = await staff.post(`/elections/${f.electionId}/statement`, {
        cutoff: dateToDamascusLocal(w.t.clock.now),
        ...(note ? { change_note_ar: note, change_note_en: note } : {}),
      });
      expect(r.statusCode).toBe(303);
      const d = await db
        .selectFrom('election_statements')
        .select('id')
        .where('election_id', '=', f.electionId)
        .where('status', '=', 'draft')
        .executeTakeFirstOrThrow();
      const admin = await w.as('admin');
      await admin.get(`/elections/${f.electionId}/statement`);
      expect((await admin.post(`/elections/${f.electionId}/statement/${d.id}/approve`, {})).statusCode).toBe(303);
    };
    await publish();
    // a correction: the first station's sheet now says 7 women (the v1 − v2 attack of the issue)
    const first = await db
      .selectFrom('count_sheets')
      .select(['id', 'values_json'])
      .where('station_id', '=', f.stations[0]!.id)
      .executeTakeFirstOrThrow();
    const corrected: Record<string, number> = {
      ...fromJson<Record<string, number>>(first.values_json, {}),
      voters_women: 7,
    };
    corrected.valid = corrected.voters_women! + corrected.voters_men! - corrected.invalid!;
    corrected.votes_l2 = corrected.valid - corrected.votes_l1!;
    await db
      .updateTable('count_sheets')
      .set({ values_json: JSON.stringify(corrected) })
      .where('id', '=', first.id)
      .execute();
    w.t.clock.advance(86_400_000);
    await publish('تصحيح محضر');

    const statements = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('election_id', '=', f.electionId)
      .where('status', '=', 'published')
      .orderBy('version')
      .execute();
    expect(statements.map((s) => s.version)).toEqual([1, 2]);

    // the truth, from the count sheets as entered (not from what the app stored)
    const truthOf = (version: number): Map<string, number> => {
      const values: Record<string, number>[] = sheets.map((s, i) => (i === 0 && version === 2 ? corrected : s));
      const t = new Map<string, number>();
      const st = f.stations;
      values.forEach((v, i) => {
        t.set(`st:${st[i]!.id}:w`, v.voters_women!);
        t.set(`st:${st[i]!.id}:m`, v.voters_men!);
        t.set(`st:${st[i]!.id}:v`, v.voters_women! + v.voters_men!);
      });
      const sum = (ix: number[], k: string) => ix.reduce((s, i) => s + values[i]![k]!, 0);
      const all = [0, 1, 2, 3];
      t.set('tot:w', sum(all, 'voters_women'));
      t.set('tot:m', sum(all, 'voters_men'));
      t.set('tot:v', sum(all, 'voters_women') + sum(all, 'voters_men'));
      t.set('cand:L1', sum(all, 'votes_l1'));
      t.set('cand:L2', sum(all, 'votes_l2'));
      t.set('valid', sum(all, 'votes_l1') + sum(all, 'votes_l2'));
      t.set('invalid', sum(all, 'invalid'));
      t.set('blank', sum(all, 'blank'));
      return t;
    };

    const known: KnownSum[] = [];
    const hidden: { atoms: readonly string[]; small: boolean; key: string }[] = [];
    const anonymous = await w.as('anonymous');
    for (const s of statements) {
      const stored = fromJson<StatementFigures>(s.figures, null as never);
      const release = releaseOf(stored.basis, '');
      const atomsOf = new Map(release.figures.map((x) => [x.key, x.atoms]));
      const truth = truthOf(s.version);
      for (const lang of ['ar', 'en'] as const) {
        const page = await anonymous.get(`/elections/${f.electionId}/results?version=${s.version}&lang=${lang}`);
        expect(page.statusCode).toBe(200);
        const seen = readFigures(page.body);
        expect(seen.size).toBeGreaterThan(10);
        for (const [key, shown] of seen) {
          const value = stored.figures[key]!.value;
          const expected = truth.get(key);
          if (expected !== undefined) expect(value, key).toBe(expected);
          if ('value' in shown) {
            // a shown number is the count
            expect(shown.value, key).toBe(value);
            if (lang === 'ar') known.push({ atoms: atomsOf.get(key)!, value: shown.value });
          } else if (shown.hidden === 'small') {
            // "fewer than 10" only on 1 … 9
            expect(value, key).toBeGreaterThanOrEqual(1);
            expect(value, key).toBeLessThan(10);
            // in the reader's digits (Western by default)
            expect(shown.text).toMatch(lang === 'ar' ? /^أقل من (10|١٠)$/ : /^fewer than 10$/);
            if (lang === 'ar') hidden.push({ atoms: atomsOf.get(key)!, small: true, key: `v${s.version}:${key}` });
          } else {
            expect(shown.hidden).toBe('withheld');
            expect(value === 0 || value >= 10, key).toBe(true);
            expect(shown.text).toBe(lang === 'ar' ? 'محجوب' : 'withheld');
            if (lang === 'ar') hidden.push({ atoms: atomsOf.get(key)!, small: false, key: `v${s.version}:${key}` });
          }
        }
        if (lang === 'en') {
          expect(page.body).toContain('1 count sheet did not reconcile');
          expect(page.body).toContain('Invalid ballots (blank ones included)');
          expect(page.body).toContain('of which blank');
          expect(page.body).toContain('How we publish');
          // the women-only station's turnout, against its own register: 120 of 300
          expect(page.body).toMatch(/\(women only\)[\s\S]*?40%/);
        } else {
          expect(page.body).toContain('كيف ننشر');
        }
      }
    }
    // the hidden station's women, both versions
    const small = hidden.filter((h) => h.small).map((h) => h.key);
    expect(small).toContain(`v1:st:${f.stations[0]!.id}:w`);
    expect(small).toContain(`v2:st:${f.stations[0]!.id}:w`);
    // the attacker: every shown number of every version and language, solved for each hidden one
    for (const h of hidden) {
      const range = await feasibleRange(known, h.atoms);
      expect(range.max, h.key).toBeGreaterThan(range.min);
      if (h.small) expect(range.max, h.key).toBeGreaterThanOrEqual(10);
    }
  });
});

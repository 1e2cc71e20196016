// Builds the Aleppo seed (src/core/towns/data/aleppo-communities.csv) from OCHA's communities file.
//   node --import tsx scripts/generate-gazetteer.ts [path/to/communities.csv]
// Default input: scripts/data/ocha-communities-aleppo.csv (the OCHA rows of Aleppo governorate).
// Source defects are handled visibly in a `data_note` column, never silently:
//  - a U+FFFD in an Arabic name (the source cut names at 50 bytes, mid-letter) is repaired only
//    where a reviewed repair below says so; otherwise the character is removed and the row is
//    noted `arabic-name-truncated`;
//  - a name (normalized) that several communities share is noted `duplicate-name`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../src/core/text/normalize.js';
import { parseCsv, toCsvLine } from '../src/core/text/csv.js';

const ALEPPO = 'SY02';
// Seed data is read back by programs: values are written exactly (no spreadsheet neutralization).
const EXACT = { neutralize: false };
const REPLACEMENT = '\uFFFD';

// Each repair was checked by hand; it applies only while the source still reads exactly `broken`.
const REVIEWED_REPAIRS: Record<string, { broken: string; fixed: string; why: string }> = {
  C1466: {
    broken: `الضحاك فوقاني_كوليان فوقان${REPLACEMENT}`,
    fixed: 'الضحاك فوقاني_كوليان فوقاني',
    why:
      'English "Upper Dhak - Upper Kolyan": both parts are "upper" (فوقاني, as in the first part); ' +
      'the cut is at byte 50, inside a two-byte letter whose first byte (D9) fits ي; the sibling ' +
      'C1474 is "الضحاك التحتاني_كوليان" (Lower Dhak - Kolyan).',
  },
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(process.argv[2] ?? path.join(repoRoot, 'scripts/data/ocha-communities-aleppo.csv'));
const output = path.join(repoRoot, 'src/core/towns/data/aleppo-communities.csv');

const [header, ...records] = parseCsv(fs.readFileSync(input, 'utf8'));
const col = (name: string) => {
  const i = header.fields.indexOf(name);
  if (i < 0) throw new Error(`${input}: no column ${name}`);
  return i;
};
const [PCODE, NAME_AR, ADM1] = [col('pcode'), col('name_ar'), col('adm1_pcode')];

const rows = records.map((r) => r.fields).filter((f) => f[ADM1] === ALEPPO);
const notes = new Map<string, string[]>(rows.map((f) => [f[PCODE], []]));

for (const f of rows) {
  for (const [i, value] of f.entries()) {
    if (value.includes(REPLACEMENT) && i !== NAME_AR) throw new Error(`${f[PCODE]}: unexpected U+FFFD in ${value}`);
  }
  if (!f[NAME_AR].includes(REPLACEMENT)) continue;
  const repair = REVIEWED_REPAIRS[f[PCODE]];
  if (repair && repair.broken === f[NAME_AR]) {
    f[NAME_AR] = repair.fixed;
    notes.get(f[PCODE])!.push('arabic-name-repaired');
  } else {
    f[NAME_AR] = f[NAME_AR].replaceAll(REPLACEMENT, '').trim();
    notes.get(f[PCODE])!.push('arabic-name-truncated');
  }
}

const byName = new Map<string, string[][]>();
for (const f of rows) {
  const key = normalizeArabic(f[NAME_AR]);
  byName.set(key, [...(byName.get(key) ?? []), f]);
}
for (const group of byName.values()) {
  if (group.length > 1) for (const f of group) notes.get(f[PCODE])!.push('duplicate-name');
}

const lines = [
  toCsvLine([...header.fields, 'data_note'], EXACT),
  ...rows.map((f) => toCsvLine([...f, notes.get(f[PCODE])!.join(';')], EXACT)),
];
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, lines.join('\n') + '\n');

const count = (note: string) => [...notes.values()].filter((n) => n.includes(note)).length;
console.log(
  `${rows.length} Aleppo communities → ${path.relative(repoRoot, output)}; ` +
    `repaired ${count('arabic-name-repaired')}, truncated ${count('arabic-name-truncated')}, ` +
    `duplicate names ${count('duplicate-name')}`,
);
for (const group of byName.values()) {
  if (group.length > 1) console.log('  duplicate:', group.map((f) => `${f[PCODE]} ${f[NAME_AR]}`).join(' | '));
}

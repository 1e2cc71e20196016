// The public statement's versions: a draft freezes the figures as of a cut-off and generates its
// text in Arabic and English; a second coordinator approves it, which makes it version n, published
// on that Damascus day. Earlier versions stay as they were.
import type { Db } from '../../../core/db/index.js';
import { toJson } from '../../../core/db/helpers.js';
import type { Translator } from '../../../core/i18n/index.js';
import { damascusDay } from '../../../core/time.js';
import type { Election } from '../queries.js';
import { frozenFigures } from './frozen.js';
import { publishedStatements } from './queries.js';
import { freezeFigures, statementText, type StatementFigures } from './results.js';

export type DraftInput = {
  cutoff: Date;
  remarks_ar: string;
  remarks_en: string;
  change_note_ar: string;
  change_note_en: string;
};

export async function draftStatement(
  db: Db,
  e: Election,
  input: DraftInput,
  tr: { ar: Translator; en: Translator },
  userId: number,
  now: Date,
): Promise<void> {
  const network = await db
    .selectFrom('networks')
    .select(['name_ar', 'name_en'])
    .where('id', '=', e.network_id)
    .executeTakeFirstOrThrow();
  // protected together with every published version: no subtraction between versions recovers anything
  const earlier: { version: number; figures: StatementFigures }[] = [];
  for (const s of await publishedStatements(db, e.id)) {
    const frozen = await frozenFigures(db, s);
    if (frozen) earlier.push({ version: s.version, figures: frozen.figures });
  }
  const figures = await freezeFigures(db, e, input.cutoff, { earlier });
  const join = (a: string, b: string) => (b ? `${a}\n\n${b}` : a);
  await db
    .insertInto('election_statements')
    .values({
      election_id: e.id,
      version: 0,
      status: 'draft',
      figures: toJson(figures),
      text_ar: join(statementText(tr.ar, figures, network.name_ar), input.remarks_ar),
      text_en: join(statementText(tr.en, figures, network.name_en), input.remarks_en),
      change_note_ar: input.change_note_ar,
      change_note_en: input.change_note_en,
      cutoff_at: input.cutoff.toISOString(),
      drafted_by: userId,
      drafted_at: now.toISOString(),
      approved_by: null,
      approved_at: null,
      published_on: null,
    })
    .execute();
}

/** Publishes a draft as the next version; null if it was no longer a draft (approved twice at once). */
export async function approveStatement(
  db: Db,
  electionId: number,
  statementId: number,
  userId: number,
  now: Date,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('election_statements')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('election_id', '=', electionId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    const v = Number(last?.v ?? 0) + 1;
    const res = await trx
      .updateTable('election_statements')
      .set({
        status: 'published',
        version: v,
        approved_by: userId,
        approved_at: now.toISOString(),
        published_on: damascusDay(now),
      })
      .where('id', '=', statementId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1 ? v : null;
  });
}

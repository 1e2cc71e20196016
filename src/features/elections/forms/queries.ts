// Observation forms: versions of a slug, draft → published → retired. Only a draft changes; a
// published version is frozen (reports point at it), so changes go into a new version.
import type { Db } from '../../../core/db/index.js';
import { deleteIn, insertRow, rowIn, rowsOf, updateIn } from '../../../core/db/rows.js';
import { fromJson, toJson } from '../../../core/db/helpers.js';
import type { FormKind } from '../tables.js';
import { asRuleDefs, type FormDefinition, type RuleDef } from './formdef.js';

export const listForms = (db: Db, electionId: number) =>
  rowsOf(db, 'observation_forms', { election_id: electionId }, ['slug', '-version']);

function parsedForm<T extends { definition: string; rules: string }>(f: T) {
  return {
    ...f,
    def: fromJson<FormDefinition>(f.definition, { questions: [] }),
    ruleList: asRuleDefs(fromJson<(string | RuleDef)[]>(f.rules, [])),
  };
}

export async function getForm(db: Db, electionId: number, id: number) {
  const f = await rowIn(db, 'observation_forms', id, { election_id: electionId });
  return f ? parsedForm(f) : null;
}
export type FormRow = NonNullable<Awaited<ReturnType<typeof getForm>>>;

const ORDER: FormKind[] = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];

/** The published version of every form of an election. */
export async function publishedForms(db: Db, electionId: number) {
  const rows = await rowsOf(db, 'observation_forms', { election_id: electionId, status: 'published' }, ['id']);
  return rows.map(parsedForm).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id - b.id);
}

/** Published versions never change: one parsed copy per id serves every report sent to it. */
const frozen = new Map<number, FormRow>();
export async function formForReport(db: Db, electionId: number, id: number): Promise<FormRow | null> {
  const known = frozen.get(id);
  if (known) return known.election_id === electionId ? known : null;
  const f = await getForm(db, electionId, id);
  if (!f || f.status === 'draft') return null;
  if (frozen.size > 5000) frozen.clear();
  frozen.set(id, f);
  return f;
}

export type FormDraft = {
  slug: string;
  kind: FormKind;
  title_ar: string;
  title_en: string;
  def: FormDefinition;
  rules: (string | RuleDef)[];
};

/** A new draft version of a slug (version = the last one + 1). */
export async function createFormDraft(db: Db, electionId: number, f: FormDraft, userId: number | null, now: Date) {
  const last = await db
    .selectFrom('observation_forms')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('election_id', '=', electionId)
    .where('slug', '=', f.slug)
    .executeTakeFirst();
  return insertRow(db, 'observation_forms', {
    election_id: electionId,
    slug: f.slug,
    version: Number(last?.v ?? 0) + 1,
    kind: f.kind,
    title_ar: f.title_ar,
    title_en: f.title_en,
    definition: toJson(f.def),
    rules: toJson(f.rules),
    status: 'draft',
    created_by: userId,
    created_at: now.toISOString(),
    published_at: null,
  });
}

/** Changes a draft (only a draft: a published version is frozen). */
export const updateDraft = (
  db: Db,
  electionId: number,
  id: number,
  f: Partial<{ title_ar: string; title_en: string; def: FormDefinition; rules: RuleDef[] }>,
) =>
  updateIn(
    db,
    'observation_forms',
    id,
    { election_id: electionId, status: 'draft' },
    {
      ...(f.title_ar !== undefined ? { title_ar: f.title_ar, title_en: f.title_en ?? '' } : {}),
      ...(f.def ? { definition: toJson(f.def) } : {}),
      ...(f.rules ? { rules: toJson(f.rules) } : {}),
    },
  );

/** A draft is thrown away (nothing was ever reported on it). */
export const deleteDraft = (db: Db, electionId: number, id: number) =>
  deleteIn(db, 'observation_forms', id, { election_id: electionId, status: 'draft' });

/** Publishing a version retires the one before it (submissions keep pointing at their version). */
export async function publishForm(db: Db, electionId: number, id: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    const f = await rowIn(trx, 'observation_forms', id, { election_id: electionId });
    if (!f) return;
    await retireSlug(trx, electionId, f.slug);
    await updateIn(
      trx,
      'observation_forms',
      id,
      { election_id: electionId },
      {
        status: 'published',
        published_at: now.toISOString(),
      },
    );
  });
}

/** The published version of a slug is withdrawn: observers no longer see it; its reports stay. */
export async function retireSlug(db: Db, electionId: number, slug: string) {
  await db
    .updateTable('observation_forms')
    .set({ status: 'retired' })
    .where('election_id', '=', electionId)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .execute();
}

export async function formSlugs(db: Db, electionId: number) {
  return new Set((await listForms(db, electionId)).map((f) => f.slug));
}

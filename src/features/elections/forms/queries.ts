// Observation forms: versions of a slug, draft → published → retired.
import type { Db } from '../../../core/db/index.js';
import { rowOf } from '../queries.js';
import { fromJson, toJson } from '../../../core/db/helpers.js';
import type { FormKind } from '../tables.js';
import type { FormDefinition } from './formdef.js';

export async function listForms(db: Db, electionId: number) {
  return db
    .selectFrom('observation_forms')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('slug')
    .orderBy('version', 'desc')
    .execute();
}

export async function getForm(db: Db, electionId: number, id: number) {
  const f = await rowOf(db, 'observation_forms', electionId, id);
  return f ? parsedForm(f) : null;
}

function parsedForm<T extends { definition: string; rules: string }>(f: T) {
  return {
    ...f,
    def: fromJson<FormDefinition>(f.definition, { questions: [] }),
    ruleList: fromJson<string[]>(f.rules, []),
  };
}
export type FormRow = NonNullable<Awaited<ReturnType<typeof getForm>>>;

/** The published version of every form of an election. */
export async function publishedForms(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observation_forms')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const order: FormKind[] = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];
  return rows.map(parsedForm).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id - b.id);
}

export async function saveFormDraft(
  db: Db,
  electionId: number,
  id: number | null,
  f: { slug: string; kind: FormKind; title_ar: string; title_en: string; def: FormDefinition; rules: string[] },
  userId: number | null,
  now: Date,
) {
  if (id !== null) {
    await db
      .updateTable('observation_forms')
      .set({ title_ar: f.title_ar, title_en: f.title_en, definition: toJson(f.def), rules: toJson(f.rules) })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    return id;
  }
  const last = await db
    .selectFrom('observation_forms')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('election_id', '=', electionId)
    .where('slug', '=', f.slug)
    .executeTakeFirst();
  const row = await db
    .insertInto('observation_forms')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Publishing a version retires the one before it (submissions keep pointing at their version). */
export async function publishForm(db: Db, electionId: number, id: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    const f = await trx.selectFrom('observation_forms').select(['slug']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx
      .updateTable('observation_forms')
      .set({ status: 'retired' })
      .where('election_id', '=', electionId)
      .where('slug', '=', f.slug)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('observation_forms')
      .set({ status: 'published', published_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  });
}

export async function formSlugs(db: Db, electionId: number) {
  const rows = await db
    .selectFrom('observation_forms')
    .select('slug')
    .distinct()
    .where('election_id', '=', electionId)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

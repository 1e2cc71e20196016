// The form builder: an election's observation forms, a new form from a template, and a draft
// changed one question at a time (added, edited, moved, removed), its title and its count rules;
// publishing freezes a version; a published one is retired or copied into a new version.
import { z } from 'zod';
import { action, form, FormErrors, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, within } from '../permissions.js';
import { managedButton, managedForm } from '../kit.js';
import { electionCandidates, type Election } from '../queries.js';
import { emptyForm, newFormForm } from '../schemas.js';
import {
  moved,
  moveForm,
  parseQuestion,
  parseRuleLines,
  questionForm,
  rulesForm,
  titleForm,
  withQuestion,
  without,
  type QuestionFields,
} from './builder.js';
import { validateRules, type FormDefinition, type Question, type RulesProblem } from './formdef.js';
import {
  createFormDraft,
  deleteDraft,
  formSlugs,
  getForm,
  listForms,
  publishForm,
  retireSlug,
  updateDraft,
  type FormRow,
} from './queries.js';
import { isCountField, syncCountQuestions, templateQuestions, templateRules } from './templates.js';
import { FormBuilderPage, FormsPage } from './views.js';

const access = 'member' as const;
const anyForm = within('coordinate', 'fid', getForm);
const draft = within('change', 'fid', getForm, (f) => f.status === 'draft');
const published = within('change', 'fid', getForm, (f) => f.status !== 'draft');

/** A draft and one of its questions (the path's :qid), or 404. */
async function draftQuestion(c: AnyCtx) {
  const { e, row: f } = await draft(c);
  const index = f.def.questions.findIndex((q) => q.id === c.params.qid);
  if (index < 0) notFound();
  return { e, row: f, q: f.def.questions[index]!, index };
}

const builderUrl = (e: { id: number }, f: { id: number }) => `/elections/${e.id}/forms/${f.id}`;
const builderQuery = z.object({ q: z.string().max(40).optional().catch(undefined) });

async function formsPage(c: MemberCtx, e: Election, state: FormState | null) {
  return <FormsPage e={e} forms={await listForms(c.db, e.id)} state={state} canChange={canChange(c, e)} />;
}

const builderPage = (c: MemberCtx, e: Election, f: FormRow, state: FormState | null, open?: string) => (
  <FormBuilderPage e={e} form={f} state={state} open={open ?? null} canChange={canChange(c, e)} />
);

/** The fields of a question as saved: a count form's fixed fields keep their id and type. */
function checkedQuestion(c: MemberCtx, f: FormRow, d: QuestionFields, index: number | null) {
  const current = index === null ? null : f.def.questions[index]!;
  const fixed = f.kind === 'count' && current && isCountField(current.id);
  const fields = fixed ? { ...d, id: current.id, type: 'number' as const } : d;
  const others = f.def.questions.filter((_, i) => i !== index);
  const earlier = index === null ? f.def.questions : f.def.questions.slice(0, index);
  const parsed = parseQuestion(fields, { earlier, others });
  if (!parsed.ok)
    throw new FormErrors(Object.fromEntries(Object.entries(parsed.errors).map(([k, key]) => [k, c.t(key as never)])));
  return parsed.question;
}

/** Saves a draft's questions (a count form's fixed fields synced with the election's lists). */
async function saveQuestions(c: MemberCtx, e: Election, f: FormRow, def: FormDefinition) {
  const questions =
    f.kind === 'count' ? syncCountQuestions(def.questions, await electionCandidates(c.db, e.id)) : def.questions;
  await updateDraft(c.db, e.id, f.id, { def: { questions } });
}

function ruleProblemText(c: MemberCtx, p: RulesProblem): string {
  return c.t('elections.builder.ruleProblem', {
    line: p.line,
    rule: p.rule,
    problem:
      p.error.code === 'unknownName'
        ? c.t('elections.builder.unknownNames', { names: p.error.names.join(', ') })
        : c.t(`elections.rules.${p.error.code}` as never),
  });
}

type Flash = Parameters<MemberCtx['t']>[0];

const step = (e: Election, f: FormRow, flash: Flash, q?: string) => ({
  to: `${builderUrl(e, f)}${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  flash,
});

/** A question moved or removed: the draft's new definition, or null when that may not be done. */
function questionStep<const Path extends string, S extends z.ZodObject>(
  path: Path,
  schema: S,
  change: (f: FormRow, q: Question, d: z.infer<S>) => { def: FormDefinition | null; refused: Flash; done: Flash },
) {
  return action(path, {
    access,
    load: draftQuestion,
    schema,
    async run(c, { e, row: f, q }, d) {
      const { def, refused, done } = change(f, q, d);
      if (!def) return step(e, f, refused, q.id);
      await updateDraft(c.db, e.id, f.id, { def });
      return step(e, f, done);
    },
  });
}

/** The forms of a draft's builder page: shown again on it when refused. */
const onDraft = {
  access,
  load: draft,
  show: (c: MemberCtx, { e, row }: { e: Election; row: FormRow }, state: FormState | null) =>
    builderPage(c, e, row, state),
};

export const formRoutes = [
  managedForm('/elections/:id/forms', {
    schema: newFormForm,
    show: formsPage,
    async save(c, e, d) {
      const slugs = await formSlugs(c.db, e.id);
      let slug: string = d.kind;
      for (let i = 2; slugs.has(slug); i++) slug = `${d.kind}-${i}`;
      const questions = templateQuestions(d.kind, await electionCandidates(c.db, e.id));
      const id = await createFormDraft(
        c.db,
        e.id,
        {
          slug,
          kind: d.kind,
          title_ar: d.title_ar,
          title_en: d.title_en,
          def: { questions },
          rules: templateRules(d.kind),
        },
        c.user.id,
        c.now,
      );
      return { to: `/elections/${e.id}/forms/${id}` };
    },
  }),

  page('/elections/:id/forms/:fid', {
    access,
    query: builderQuery,
    load: anyForm,
    render: (c, { e, row }) => builderPage(c, e, row, null, c.query.q),
  }),

  form('/elections/:id/forms/:fid', {
    ...onDraft,
    schema: titleForm,
    async save(c, { e, row: f }, d) {
      await updateDraft(c.db, e.id, f.id, d);
      return builderUrl(e, f);
    },
  }),

  form('/elections/:id/forms/:fid/questions', {
    access,
    load: draft,
    schema: questionForm,
    show: (c, { e, row }, state) => builderPage(c, e, row, state, ''),
    async save(c, { e, row: f }, d) {
      const def = withQuestion(f.def, null, checkedQuestion(c, f, d, null));
      if (def === 'tooMany') throw new FormErrors({ _form: c.t('elections.builder.tooMany') });
      await saveQuestions(c, e, f, def);
      return builderUrl(e, f);
    },
  }),

  form('/elections/:id/forms/:fid/questions/:qid', {
    access,
    load: draftQuestion,
    schema: questionForm,
    show: (c, { e, row, q }, state) => builderPage(c, e, row, state, q.id),
    async save(c, { e, row: f, q, index }, d) {
      const def = withQuestion(f.def, q.id, checkedQuestion(c, f, d, index));
      if (def !== 'tooMany') await saveQuestions(c, e, f, def);
      return builderUrl(e, f);
    },
  }),

  questionStep('/elections/:id/forms/:fid/questions/:qid/move', moveForm, (f, q, d) => ({
    def: moved(f.def, q.id, d.dir),
    refused: 'elections.builder.cannotMove',
    done: 'common.saved',
  })),

  questionStep('/elections/:id/forms/:fid/questions/:qid/delete', emptyForm, (f, q) => ({
    def: f.kind === 'count' && isCountField(q.id) ? null : without(f.def, q.id),
    refused: 'elections.builder.cannotRemove',
    done: 'elections.builder.removed',
  })),

  form('/elections/:id/forms/:fid/rules', {
    ...onDraft,
    schema: rulesForm,
    async save(c, { e, row: f }, d) {
      const rules = parseRuleLines(d.rules);
      if (rules.length > 50) throw new FormErrors({ rules: c.t('elections.builder.tooManyRules') });
      const problems = validateRules(
        rules.map((r) => r.rule),
        f.def,
      );
      if (problems.length) throw new FormErrors({ rules: problems.map((p) => ruleProblemText(c, p)).join(' ') });
      await updateDraft(c.db, e.id, f.id, { rules });
      return builderUrl(e, f);
    },
  }),

  managedButton('/elections/:id/forms/:fid/publish', draft, async (c, { e, row: f }) => {
    if (f.kind === 'count') await saveQuestions(c, e, f, f.def);
    const fresh = (await getForm(c.db, e.id, f.id))!;
    if (
      validateRules(
        fresh.ruleList.map((r) => r.rule),
        fresh.def,
      ).length ||
      !fresh.def.questions.length
    )
      return step(e, f, 'elections.builder.cannotPublish');
    await publishForm(c.db, e.id, f.id, c.now);
    await c.audit('election.form.published', { targetType: 'observation_form', targetId: f.id });
    return step(e, f, 'elections.builder.published');
  }),

  managedButton('/elections/:id/forms/:fid/delete', draft, async (c, { e, row: f }) => {
    await deleteDraft(c.db, e.id, f.id);
    await c.audit('election.form.deleted', { targetType: 'observation_form', targetId: f.id });
    return { to: `/elections/${e.id}/forms`, flash: 'elections.builder.deleted' };
  }),

  managedButton('/elections/:id/forms/:fid/retire', published, async (c, { e, row: f }) => {
    await retireSlug(c.db, e.id, f.slug);
    await c.audit('election.form.retired', { targetType: 'observation_form', targetId: f.id });
    return step(e, f, 'elections.builder.retired');
  }),

  managedButton('/elections/:id/forms/:fid/new-version', published, async (c, { e, row: f }) => {
    const open = (await listForms(c.db, e.id)).find((x) => x.slug === f.slug && x.status === 'draft');
    const id =
      open?.id ??
      (await createFormDraft(
        c.db,
        e.id,
        { slug: f.slug, kind: f.kind, title_ar: f.title_ar, title_en: f.title_en, def: f.def, rules: f.ruleList },
        c.user.id,
        c.now,
      ));
    return { to: `/elections/${e.id}/forms/${id}` };
  }),
];

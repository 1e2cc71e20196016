// The form builder: an election's observation forms, a new form from a template, a draft's
// questions and count rules, publishing (which freezes a version) and a new version of a
// published one.
import { action, form, FormErrors, page, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, within } from '../permissions.js';
import { managedForm } from '../kit.js';
import { electionCandidates, type Election } from '../queries.js';
import { emptyForm, newFormForm } from '../schemas.js';
import { builderForm, parseBuilder } from './builder.js';
import { countQuestions, validateRules, type Question, type RulesProblem } from './formdef.js';
import { formSlugs, getForm, listForms, publishForm, saveFormDraft, type FormRow } from './queries.js';
import { templateQuestions, templateRules } from './templates.js';
import { FormBuilderPage, FormsPage } from './views.js';

const access = 'member' as const;
const anyForm = within('coordinate', 'fid', getForm);
const draft = within('change', 'fid', getForm, (f) => f.status === 'draft');
const published = within('change', 'fid', getForm, (f) => f.status !== 'draft');

async function formsPage(c: MemberCtx, e: Election, state: FormState | null) {
  return <FormsPage e={e} forms={await listForms(c.db, e.id)} state={state} canChange={canChange(c, e)} />;
}

const builderPage = (c: MemberCtx, e: Election, f: FormRow, state: FormState | null) => (
  <FormBuilderPage e={e} form={f} state={state} canChange={canChange(c, e)} />
);

/** A count form always carries the count fields and one vote field per list, whatever was posted. */
async function withCountFields(c: MemberCtx, e: Election, f: FormRow, questions: Question[]) {
  if (f.kind !== 'count') return questions;
  const fixed = countQuestions(await electionCandidates(c.db, e.id));
  const fixedIds = new Set(fixed.map((q) => q.id));
  return [
    ...fixed
      .map((q) => questions.find((x) => x.id === q.id) ?? q)
      .map((q, i) => ({ ...q, id: fixed[i]!.id, type: 'number' as const })),
    ...questions.filter((q) => !fixedIds.has(q.id) && !q.id.startsWith('votes_')),
  ];
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

export const formRoutes = [
  managedForm('/elections/:id/forms', {
    schema: newFormForm,
    show: formsPage,
    async save(c, e, d) {
      const slugs = await formSlugs(c.db, e.id);
      let slug: string = d.kind;
      for (let i = 2; slugs.has(slug); i++) slug = `${d.kind}-${i}`;
      const candidates = await electionCandidates(c.db, e.id);
      const id = await saveFormDraft(
        c.db,
        e.id,
        null,
        {
          slug,
          kind: d.kind,
          title_ar: d.title_ar,
          title_en: d.title_en,
          def: { questions: templateQuestions(d.kind, candidates) },
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
    load: anyForm,
    render: (c, { e, row }) => builderPage(c, e, row, null),
  }),

  form('/elections/:id/forms/:fid', {
    access,
    load: draft,
    schema: builderForm,
    show: (c, { e, row }, state) => builderPage(c, e, row, state),
    async save(c, { e, row: f }, data) {
      const parsed = parseBuilder(data);
      if (!parsed.ok)
        throw new FormErrors(
          Object.fromEntries(Object.entries(parsed.errors).map(([k, key]) => [k, c.t(key as never)])),
        );
      const def = { questions: await withCountFields(c, e, f, parsed.questions) };
      const problems = validateRules(parsed.rules, def);
      // Each refused rule with its line, listed above the form.
      if (problems.length) throw new FormErrors({ _rules: problems.map((p) => ruleProblemText(c, p)).join('\n') });
      await saveFormDraft(
        c.db,
        e.id,
        f.id,
        { slug: f.slug, kind: f.kind, title_ar: parsed.title_ar, title_en: parsed.title_en, def, rules: parsed.rules },
        c.user.id,
        c.now,
      );
      return `/elections/${e.id}/forms/${f.id}`;
    },
  }),

  action('/elections/:id/forms/:fid/publish', {
    access,
    load: draft,
    schema: emptyForm,
    async run(c, { e, row: f }) {
      await publishForm(c.db, e.id, f.id, c.now);
      await c.audit('election.form.published', { targetType: 'observation_form', targetId: f.id });
      return { to: `/elections/${e.id}/forms/${f.id}`, flash: 'elections.builder.published' };
    },
  }),

  action('/elections/:id/forms/:fid/new-version', {
    access,
    load: published,
    schema: emptyForm,
    async run(c, { e, row: f }) {
      const open = (await listForms(c.db, e.id)).find((x) => x.slug === f.slug && x.status === 'draft');
      const id =
        open?.id ??
        (await saveFormDraft(
          c.db,
          e.id,
          null,
          { slug: f.slug, kind: f.kind, title_ar: f.title_ar, title_en: f.title_en, def: f.def, rules: f.ruleList },
          c.user.id,
          c.now,
        ));
      return { to: `/elections/${e.id}/forms/${id}` };
    },
  }),
];

// The form builder's pages: the list of an election's forms, and one form — its questions as
// repeated fields while it is a draft, read-only once published.
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { ButtonForm, Checkbox, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { builderRows, builderValues } from './builder.js';
import type { Question } from './formdef.js';
import type { FormRow } from './queries.js';

const KINDS = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];
type FormHead = Pick<FormRow, 'id' | 'slug' | 'kind' | 'title_ar' | 'title_en' | 'version' | 'status'>;

export function FormsPage(p: { e: ElectionHead; forms: FormHead[]; state: FormState | null; canChange: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.forms.title')}>
      <DataTable
        rows={p.forms}
        columns={[
          {
            label: t('elections.forms.name'),
            rowHeader: true,
            cell: (f) => <a href={`/elections/${p.e.id}/forms/${f.id}`}>{localized(f, 'title', i18n.locale)}</a>,
          },
          { label: t('elections.forms.kind'), cell: (f) => t(`elections.forms.kinds.${f.kind}` as never) },
          { label: t('elections.forms.version'), cell: (f) => i18n.number(f.version) },
          { label: t('elections.observers.status'), cell: (f) => t(`elections.forms.statuses.${f.status}` as never) },
        ]}
      />
      {p.canChange ? (
        <>
          <h2>{t('elections.forms.new')}</h2>
          <Form action={`/elections/${p.e.id}/forms`} state={p.state}>
            <Select
              name="kind"
              label={t('elections.forms.kind')}
              options={KINDS.map((k) => ({ value: k, label: t(`elections.forms.kinds.${k}` as never) }))}
            />
            <Field name="title_ar" label={t('elections.form.titleAr')} required />
            <Field name="title_en" label={t('elections.form.titleEn')} required />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

function QuestionRow(p: { i: number; id: string }) {
  const { t } = usePage().i18n;
  const n = `q${p.i}_`;
  return (
    <fieldset>
      <legend>{p.id ? <bdi dir="ltr">{p.id}</bdi> : t('elections.builder.newQuestion')}</legend>
      <Field name={`${n}id`} label={t('elections.builder.id')} />
      <Select
        name={`${n}type`}
        label={t('elections.builder.type')}
        options={['yesno', 'number', 'choice', 'text', 'time'].map((x) => ({
          value: x,
          label: t(`elections.builder.types.${x}` as never),
        }))}
      />
      <Field name={`${n}label_ar`} label={t('elections.builder.labelAr')} />
      <Field name={`${n}label_en`} label={t('elections.builder.labelEn')} />
      <Checkbox name={`${n}required`} label={t('common.required')} />
      <Field name={`${n}min`} label={t('elections.builder.min')} inputmode="numeric" />
      <Field name={`${n}max`} label={t('elections.builder.max')} inputmode="numeric" />
      <Field
        name={`${n}options`}
        label={t('elections.builder.options')}
        hint={t('elections.builder.optionsHint')}
        multiline
        rows={3}
      />
      <Select
        name={`${n}critical`}
        label={t('elections.builder.criticalAnswer')}
        includeEmpty="—"
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
      />
      <Field name={`${n}show_if`} label={t('elections.builder.showIf')} hint={t('elections.builder.showIfHint')} />
      {p.id ? <Checkbox name={`${n}remove`} label={t('elections.builder.remove')} /> : null}
    </fieldset>
  );
}

export function FormBuilderPage(p: {
  e: ElectionHead;
  form: FormHead & { def: { questions: Question[] }; ruleList: string[] };
  state: FormState | null;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.form;
  const action = `/elections/${p.e.id}/forms/${f.id}`;
  const editable = p.canChange && f.status === 'draft';
  const posted = p.state?.id === action ? p.state : null;
  const saved = builderValues({ ...f, questions: f.def.questions, rules: f.ruleList });
  // After a refused save, the rows as posted; otherwise the saved questions and three empty rows.
  const values = posted?.values ?? saved;
  const rows = posted ? builderRows(posted.values) : f.def.questions.length + 3;
  const ruleProblems = posted?.errors._rules?.split('\n') ?? [];
  return (
    <ManageLayout
      e={p.e}
      title={`${localized(f, 'title', i18n.locale)} · ${t('elections.forms.version')} ${i18n.number(f.version)}`}
    >
      <p class="meta">
        {t(`elections.forms.kinds.${f.kind}` as never)} · {t(`elections.forms.statuses.${f.status}` as never)}
      </p>
      {p.canChange && f.status !== 'draft' ? (
        <>
          <p class="hint">{t('elections.builder.publishedNote')}</p>
          <ButtonForm action={`${action}/new-version`} label={t('elections.builder.newVersion')} />
        </>
      ) : null}
      {ruleProblems.length ? (
        <div class="form-error" role="alert">
          <ul>
            {ruleProblems.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {editable ? (
        <Form action={action} state={p.state} values={saved}>
          <Field name="title_ar" label={t('elections.form.titleAr')} required />
          <Field name="title_en" label={t('elections.form.titleEn')} required />
          <h2>{t('elections.builder.questions')}</h2>
          <p class="hint">{t('elections.builder.hint')}</p>
          {Array.from({ length: rows }, (_, i) => (
            <QuestionRow i={i} id={String(values[`q${i}_id`] ?? '')} />
          ))}
          {f.kind === 'count' ? (
            <Field
              name="rules"
              label={t('elections.builder.rules')}
              hint={t('elections.builder.rulesHint')}
              multiline
              rows={6}
            />
          ) : null}
          <button type="submit">{t('common.save')}</button>
        </Form>
      ) : (
        <>
          <h2>{t('elections.builder.questions')}</h2>
          <ol>
            {f.def.questions.map((q) => (
              <li>
                <bdi dir="ltr">{q.id}</bdi> — {localized(q, 'label', i18n.locale)} (
                {t(`elections.builder.types.${q.type}` as never)})
                {q.showIf ? ` · ${t('elections.builder.showIf')}: ${q.showIf.question}=${q.showIf.equals}` : ''}
              </li>
            ))}
          </ol>
          {f.kind === 'count' ? (
            <>
              <h2>{t('elections.builder.rules')}</h2>
              <pre class="code" dir="ltr">
                {f.ruleList.join('\n')}
              </pre>
            </>
          ) : null}
        </>
      )}
      {editable ? <ButtonForm action={`${action}/publish`} label={t('elections.builder.publish')} /> : null}
    </ManageLayout>
  );
}

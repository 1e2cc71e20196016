// The form builder's pages: the list of an election's forms, and one form — its questions as a
// short list, one of them open for editing at a time (?q=id), the count rules in words, and the
// steps of a version's life (publish, retire, new version, delete a draft).
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { ButtonForm, Checkbox, ConfirmButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { LinesField, ManageLayout, TitleFields, type ElectionHead } from '../views.js';
import { questionValues, QUESTION_TYPES, ruleLines } from './builder.js';
import type { Question } from './formdef.js';
import type { FormRow } from './queries.js';
import { isCountField } from './templates.js';
import { conditionChoices, conditionWords, ruleLabel } from './words.js';

const KINDS = ['station', 'opening', 'voting', 'closing', 'count', 'incident'];
type FormHead = Pick<FormRow, 'id' | 'slug' | 'kind' | 'title_ar' | 'title_en' | 'version' | 'status'>;

export function FormsPage(p: { e: ElectionHead; forms: FormHead[]; state: FormState | null; canChange: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.forms.title')}>
      <DataTable
        rows={p.forms}
        empty={t('elections.forms.none')}
        columns={[
          {
            label: t('elections.forms.name'),
            rowHeader: true,
            cell: (f) => <a href={`/elections/${p.e.id}/forms/${f.id}`}>{localized(f, 'title', i18n.locale)}</a>,
          },
          { label: t('elections.forms.kind'), cell: (f) => t(`elections.forms.kinds.${f.kind}` as never) },
          { label: t('elections.forms.version'), cell: (f) => i18n.number(f.version), numeric: true },
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
            <TitleFields />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </>
      ) : null}
    </ManageLayout>
  );
}

/** One question's fields; a count form's fixed fields keep their id and type. */
function QuestionEditor(p: {
  action: string;
  state: FormState | null;
  values?: Record<string, string>;
  earlier: Question[];
  fixed: boolean;
  submit: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Form action={p.action} state={p.state} values={p.values ?? { type: 'yesno', required: 'on' }} idPrefix="question">
      {p.fixed ? (
        <p class="hint">{t('elections.builder.fixedField')}</p>
      ) : (
        <>
          <Field name="id" label={t('elections.builder.id')} hint={t('elections.builder.idHint')} required />
          <Select
            name="type"
            label={t('elections.builder.type')}
            options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`elections.builder.types.${x}` as never) }))}
          />
        </>
      )}
      <Field name="label_ar" label={t('elections.builder.labelAr')} required />
      <Field name="label_en" label={t('elections.builder.labelEn')} hint={t('elections.form.englishOptional')} />
      <Checkbox name="required" label={t('common.required')} />
      <Field name="min" label={t('elections.builder.min')} inputmode="numeric" />
      <Field name="max" label={t('elections.builder.max')} inputmode="numeric" />
      {p.fixed ? null : (
        <>
          <LinesField name="options" words="elections.builder.options" rows={3} />
          <Select
            name="critical"
            label={t('elections.builder.criticalAnswer')}
            includeEmpty="—"
            options={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
          />
        </>
      )}
      <Select
        name="show_if"
        label={t('elections.builder.showIf')}
        includeEmpty={t('elections.builder.always')}
        options={conditionChoices(p.earlier, i18n)}
      />
      <button type="submit">{p.submit}</button>
    </Form>
  );
}

/** A question in one line or two: its label, type, whether it must be answered, when it is shown. */
function QuestionSummary(p: { q: Question; all: Question[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const q = p.q;
  const range =
    q.type === 'number' && (q.min != null || q.max != null)
      ? t('elections.builder.rangeWords', { min: q.min ?? 0, max: q.max ?? 0 })
      : null;
  const critical = q.criticalAnswer
    ? t('elections.builder.criticalWhen', { answer: t(`common.${q.criticalAnswer}`) })
    : null;
  return (
    <>
      <strong>{localized(q, 'label', i18n.locale)}</strong>
      <br />
      <span class="meta">
        {[
          t(`elections.builder.types.${q.type}` as never),
          q.required ? t('common.required') : null,
          range,
          critical,
          conditionWords(q, p.all, i18n),
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </>
  );
}

export function FormBuilderPage(p: {
  e: ElectionHead;
  form: FormHead & { def: { questions: Question[] }; ruleList: FormRow['ruleList'] };
  state: FormState | null;
  /** the question open for editing (its id), '' for a new one, null for none */
  open: string | null;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.form;
  const qs = f.def.questions;
  const base = `/elections/${p.e.id}/forms/${f.id}`;
  const editable = p.canChange && f.status === 'draft';
  const posted = p.state?.id ?? '';
  const isOpen = (q: Question) => p.open === q.id || posted === `${base}/questions/${q.id}`;
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
          <div class="actions">
            <ButtonForm action={`${base}/new-version`} label={t('elections.builder.newVersion')} />
            {f.status === 'published' ? (
              <ConfirmButton
                action={`${base}/retire`}
                label={t('elections.builder.retire')}
                question={t('elections.builder.retireQuestion')}
                confirm={t('elections.builder.retire')}
              />
            ) : null}
          </div>
        </>
      ) : null}
      {editable ? (
        <details class="builder-step" open={posted === base || undefined}>
          <summary>{t('elections.builder.titleStep')}</summary>
          <Form action={base} state={p.state} values={f}>
            <TitleFields />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </details>
      ) : null}
      <h2>{t('elections.builder.questions')}</h2>
      <ol class="questions">
        {qs.map((q, i) => (
          <li id={`q-${q.id}`}>
            <QuestionSummary q={q} all={qs} />
            {editable && isOpen(q) ? (
              <QuestionEditor
                action={`${base}/questions/${q.id}`}
                state={p.state}
                values={questionValues(q)}
                earlier={qs.slice(0, i)}
                fixed={f.kind === 'count' && isCountField(q.id)}
                submit={t('common.save')}
              />
            ) : null}
            {editable && !isOpen(q) ? (
              <div class="actions">
                <a href={`${base}?q=${q.id}#q-${q.id}`}>{t('common.edit')}</a>
                {/* The first question cannot go up, nor the last down. */}
                {(['up', 'down'] as const)
                  .filter((dir) => (dir === 'up' ? i > 0 : i < qs.length - 1))
                  .map((dir) => (
                    <ButtonForm
                      action={`${base}/questions/${q.id}/move`}
                      label={t(`elections.builder.${dir}`)}
                      hidden={{ dir }}
                      class="secondary"
                    />
                  ))}
                {f.kind === 'count' && isCountField(q.id) ? null : (
                  <ConfirmButton
                    action={`${base}/questions/${q.id}/delete`}
                    label={t('elections.builder.remove')}
                    question={t('elections.builder.removeQuestion')}
                    confirm={t('elections.builder.remove')}
                  />
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <details class="builder-step" open={p.open === '' || posted === `${base}/questions` || undefined}>
          <summary>{t('elections.builder.addQuestion')}</summary>
          <QuestionEditor
            action={`${base}/questions`}
            state={p.state}
            earlier={qs}
            fixed={false}
            submit={t('common.add')}
          />
        </details>
      ) : null}
      {f.kind === 'count' ? (
        <>
          <h2>{t('elections.builder.rules')}</h2>
          <ul>
            {f.ruleList.map((r) => (
              <li>{ruleLabel(r, qs, i18n)}</li>
            ))}
          </ul>
          {editable ? (
            <details class="builder-step" open={posted === `${base}/rules` || undefined}>
              <summary>{t('elections.builder.editRules')}</summary>
              <Form action={`${base}/rules`} state={p.state} values={{ rules: ruleLines(f.ruleList) }}>
                <LinesField name="rules" words="elections.builder.rules" rows={6} />
                <button type="submit">{t('common.save')}</button>
              </Form>
            </details>
          ) : null}
        </>
      ) : null}
      {editable ? (
        <div class="actions">
          <ConfirmButton
            action={`${base}/publish`}
            label={t('elections.builder.publish')}
            question={t('elections.builder.publishQuestion')}
            confirm={t('elections.builder.publish')}
          />
          <ConfirmButton
            action={`${base}/delete`}
            label={t('elections.builder.deleteDraft')}
            question={t('elections.builder.deleteQuestion')}
            confirm={t('common.deleteConfirmButton')}
          />
        </div>
      ) : null}
    </ManageLayout>
  );
}

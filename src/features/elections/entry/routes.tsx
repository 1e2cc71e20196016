// Reports as coordinators see them: the dashboard (expected / received / missing / no network /
// flagged / verified) with the attention list (what still needs someone, or what was handled),
// one report and its verification, and entry from paper (the second entry of a count sheet, or
// any form). Count sheets themselves are in ../sheets.
import crypto from 'node:crypto';
import { z } from 'zod';
import { fromJson } from '../../../core/db/helpers.js';
import { form, FormErrors, notFound, page, parseId, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import type { Election } from '../queries.js';
import { attentionQuery, verifyForm } from '../schemas.js';
import type { Question } from '../forms/formdef.js';
import { getForm, publishedForms } from '../forms/queries.js';
import { getObserver } from '../observers/queries.js';
import { labelOf, stationsByRef } from '../stations/queries.js';
import { ingestSubmission, type Flag } from './actions.js';
import { attentionItems, tellIfNeeded } from './attention.js';
import { dashboard } from './dashboard.js';
import { getSubmission, verifySubmission } from './queries.js';
import { DashboardPage, EntryPage, SubmissionPage } from './views.js';

const access = 'member' as const;
const submission = (a: 'coordinate' | 'change') => within(a, 'sid', getSubmission);
type Submission = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

async function submissionPage(c: MemberCtx, e: Election, s: Submission, state: FormState | null) {
  const f = (await getForm(c.db, e.id, s.form_id))!;
  const observer = s.observer_id ? await getObserver(c.db, e.id, s.observer_id) : null;
  return (
    <SubmissionPage
      e={e}
      s={s}
      station={await labelOf(c.db, e.id, s.station_id)}
      form={f}
      questions={f.def.questions}
      answers={fromJson(s.answers, {})}
      observerCode={observer?.code ?? null}
      flags={fromJson<Flag[]>(s.flags, [])}
      canChange={canChange(c, e)}
      state={state}
    />
  );
}

// ——— entry from paper ———

const entryQuery = z.object({ form: z.string().optional().catch(undefined) });

const entryForm = (questions: Question[]) =>
  z.object({
    key: z.string().max(100).optional(),
    station: z.string().trim().max(80).default(''),
    ...Object.fromEntries(questions.map((q) => [`a_${q.id}`, z.string().optional()])),
  });

async function entryPage(c: MemberCtx, e: Election, formId: unknown, state: FormState | null) {
  const forms = await publishedForms(c.db, e.id);
  const form = forms.find((f) => f.id === parseId(formId)) ?? null;
  // A key already used for other answers: the next try gets a new one.
  const posted = state && !state.errors._newKey ? state.values.key : undefined;
  return (
    <EntryPage
      e={e}
      forms={forms}
      form={form ? { ...form, questions: form.def.questions } : null}
      entryKey={typeof posted === 'string' ? posted : crypto.randomUUID()}
      state={state}
    />
  );
}

/** The election and the published form named by `?form=`, or 404. */
async function entryTarget(c: AnyCtx) {
  const e = await election('change')(c);
  const form = (await publishedForms(c.db, e.id)).find((f) => f.id === parseId(c.query.form)) ?? notFound();
  return { e, form };
}

export const entryRoutes = [
  page('/elections/:id/dashboard', {
    access,
    query: attentionQuery.extend({ page: z.coerce.number().int().min(1).max(10_000).catch(1) }),
    load: election('coordinate'),
    async render(c, e) {
      const [d, attention] = await Promise.all([dashboard(c.db, e.id), attentionItems(c.db, e.id, c.query.show)]);
      return <DashboardPage e={e} d={d} attention={attention} show={c.query.show} page={c.query.page} />;
    },
  }),

  page('/elections/:id/submissions/:sid', {
    access,
    load: submission('coordinate'),
    render: (c, { e, row }) => submissionPage(c, e, row, null),
  }),

  form('/elections/:id/submissions/:sid/verify', {
    access,
    load: submission('change'),
    schema: verifyForm,
    show: (c, { e, row }, state) => submissionPage(c, e, row, state),
    check: (c, _l, d) => ({
      comment: d.decision === 'rejected' && !d.comment ? c.t('elections.submission.needComment') : undefined,
    }),
    async save(c, { e, row: s }, d) {
      await verifySubmission(c.db, s.id, d.decision, d.comment, c.user.id, c.now);
      await c.audit('election.submission.verified', {
        targetType: 'submission',
        targetId: s.id,
        details: { decision: d.decision },
      });
      return `/elections/${e.id}/submissions/${s.id}`;
    },
  }),

  page('/elections/:id/entry', {
    access,
    query: entryQuery,
    load: election('change'),
    render: (c, e) => entryPage(c, e, c.query.form, null),
  }),

  form('/elections/:id/entry', {
    access,
    load: entryTarget,
    schema: (_c, { form }) => entryForm(form.def.questions),
    show: (c, { e }, state) => entryPage(c, e, c.query.form, state),
    async save(c, { e, form }, d) {
      if (!/^[0-9a-f-]{36}$/.test(d.key ?? '')) throw new FormErrors({ _form: c.t('form.invalid') });
      const station = await stationsByRef(c.db, e.id, [d.station]);
      if (!d.station || station.ids.length !== 1)
        throw new FormErrors({ station: c.t('elections.entry.unknownStation', { station: d.station }) });
      const answers: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d)) if (k.startsWith('a_') && v && v.trim() !== '') answers[k.slice(2)] = v;
      const input = {
        electionId: e.id,
        electionStatus: e.status,
        form,
        stationId: station.ids[0]!,
        observerId: null,
        enteredBy: c.user.id,
        source: 'web' as const,
        key: `web:${d.key}`,
        rawAnswers: answers,
      };
      const result = await ingestSubmission(c.db, c.wasl.dialect, input, c.now);
      if (result.status === 'invalid')
        throw new FormErrors(
          Object.fromEntries(
            Object.entries(result.errors).map(([q, code]) => [`a_${q}`, c.t(`elections.answer.${code}` as never)]),
          ),
        );
      if (result.status === 'keyConflict')
        throw new FormErrors({ _form: c.t('elections.entry.alreadySent'), _newKey: '1' });
      if (result.status === 'created') await tellIfNeeded(c, e.id, form, input.stationId, result, c.user.id);
      const sheet = (await getSubmission(c.db, e.id, result.id))?.sheet_id;
      return {
        to: sheet ? `/elections/${e.id}/sheets/${sheet}` : `/elections/${e.id}/submissions/${result.id}`,
        flash: result.sheetStatus === 'conflict' ? 'elections.entry.conflict' : 'elections.entry.saved',
      };
    },
  }),
];

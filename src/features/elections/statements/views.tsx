// The coordinators' statement page: the draft (approve or discard), a new draft frozen at a
// cut-off with the live figures beside it, and the published versions.
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { ButtonForm, ConfirmButton, Field, Form, FormErrorSummary, type FormState } from '../../../core/views/forms.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { FiguresBlock, VersionOn, type TablePlace } from './figures.js';
import type { FiguresIndex } from './frozen.js';
import type { StatementFigures } from './results.js';

export type StatementRow = {
  id: number;
  version: number;
  status: string;
  text_ar: string;
  text_en: string;
  change_note_ar: string;
  change_note_en: string;
  drafted_by_name: string;
  drafted_by: number;
  drafted_at: string;
  approved_by_name: string | null;
  published_on: string | null;
};
type WithFigures = { figures: StatementFigures; index: FiguresIndex };

type StatementPageProps = {
  e: ElectionHead;
  live: WithFigures;
  conflicts: number;
  draft: (StatementRow & WithFigures) | null;
  published: StatementRow[];
  actorId: number;
  canChange: boolean;
  defaultCutoff: string;
  place: TablePlace;
  state: FormState | null;
};

function Paragraphs(p: { text: string; lang: 'ar' | 'en' }) {
  return (
    <div class="prose" lang={p.lang} dir={p.lang === 'ar' ? 'rtl' : 'ltr'}>
      {p.text.split(/\n{2,}/).map((x) => (
        <p>{x}</p>
      ))}
    </div>
  );
}

function Draft(
  p: Pick<StatementPageProps, 'e' | 'actorId' | 'canChange' | 'place' | 'state'> & {
    draft: StatementRow & WithFigures;
  },
) {
  const { i18n } = usePage();
  const { t } = i18n;
  const d = p.draft;
  const base = `/elections/${p.e.id}/statement/${d.id}`;
  return (
    <section>
      <h2>{t('elections.statement.draft')}</h2>
      <p class="meta">
        {t('elections.statement.draftedBy', { name: d.drafted_by_name, date: i18n.dateTime(d.drafted_at) })}
      </p>
      {d.change_note_ar || d.change_note_en ? (
        <p>
          {t('elections.statement.whatChanged')}: <UserText text={d.change_note_ar} /> /{' '}
          <UserText text={d.change_note_en} />
        </p>
      ) : null}
      <Paragraphs text={d.text_ar} lang="ar" />
      <Paragraphs text={d.text_en} lang="en" />
      <FiguresBlock f={d.figures} index={d.index} place={p.place} />
      {p.canChange ? (
        <>
          <FormErrorSummary message={p.state?.id === `${base}/approve` ? p.state.errors._form : null} />
          <div class="actions">
            {d.drafted_by === p.actorId ? (
              <span class="hint">{t('elections.statement.needSecond')}</span>
            ) : (
              <ButtonForm action={`${base}/approve`} label={t('elections.statement.approve')} />
            )}
            <ConfirmButton
              action={`${base}/discard`}
              label={t('elections.statement.discard')}
              question={t('elections.statement.discardQuestion')}
              confirm={t('elections.statement.discard')}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}

/** `corrects`: a version is already published, so the new one must say what it changes. */
function NewDraft(
  p: Pick<StatementPageProps, 'e' | 'live' | 'conflicts' | 'defaultCutoff' | 'place' | 'state'> & { corrects: boolean },
) {
  const { t } = usePage().i18n;
  return (
    <section>
      <h2>{t('elections.statement.newDraft')}</h2>
      {p.conflicts > 0 ? (
        <p class="notice--warn">{t('elections.statement.conflictsWarn', { count: p.conflicts })}</p>
      ) : null}
      <h3>{t('elections.statement.liveFigures')}</h3>
      <FiguresBlock f={p.live.figures} index={p.live.index} place={p.place} />
      <Form action={`/elections/${p.e.id}/statement`} state={p.state} values={{ cutoff: p.defaultCutoff }}>
        <Field
          name="cutoff"
          type="datetime-local"
          label={t('elections.statement.cutoff')}
          hint={t('elections.statement.cutoffHint')}
          required
        />
        <Field name="remarks_ar" label={t('elections.statement.remarksAr')} multiline rows={4} />
        <Field name="remarks_en" label={t('elections.statement.remarksEn')} multiline rows={4} />
        {p.corrects ? (
          <>
            <Field name="change_note_ar" label={t('elections.statement.changeAr')} multiline rows={2} required />
            <Field name="change_note_en" label={t('elections.statement.changeEn')} multiline rows={2} required />
          </>
        ) : null}
        <button type="submit">{t('elections.statement.createDraft')}</button>
      </Form>
    </section>
  );
}

export function StatementPage(p: StatementPageProps) {
  const { t } = usePage().i18n;
  return (
    <ManageLayout e={p.e} title={t('elections.statement.title')}>
      <p>{t('elections.statement.intro')}</p>
      {p.draft ? (
        <Draft {...p} draft={p.draft} />
      ) : p.canChange ? (
        <NewDraft {...p} corrects={p.published.length > 0} />
      ) : null}
      <h2>{t('elections.statement.versions')}</h2>
      {p.published.length === 0 ? <p>{t('elections.results.noStatement')}</p> : null}
      <ul>
        {p.published.map((s) => (
          <li>
            <a href={`/elections/${p.e.id}/results?version=${s.version}`}>
              <VersionOn s={s} />
            </a>{' '}
            — {t('elections.statement.approvedBy', { name: s.approved_by_name ?? '' })}
          </li>
        ))}
      </ul>
    </ManageLayout>
  );
}

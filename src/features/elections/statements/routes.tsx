// The public statement: the live figures, a draft frozen at a cut-off (Damascus time), approval by
// a second coordinator (version n, published that day), discarding a draft, earlier versions.
import { z } from 'zod';
import { form, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { dateToDamascusLocal, damascusLocalToDate } from '../../../core/time.js';
import { canChange, within } from '../permissions.js';
import { managedButton, managedForm } from '../kit.js';
import type { Election } from '../queries.js';
import { emptyForm, statementDraftForm } from '../schemas.js';
import { approveStatement, draftStatement } from './actions.js';
import { discardStatement, getStatement, statementsWithNames } from './queries.js';
import { freezeFigures } from './results.js';
import { frozenFigures, indexFigures } from './frozen.js';
import { StatementPage } from './views.js';

const access = 'member' as const;
const draft = within('change', 'sid', getStatement, (s) => s.status === 'draft');

async function statementPage(c: MemberCtx, e: Election, state: FormState | null) {
  const rows = await statementsWithNames(c.db, e.id);
  const draftRow = rows.find((r) => r.status === 'draft') ?? null;
  const frozen = draftRow ? await frozenFigures(c.db, draftRow) : null;
  // the coordinators' live view: every figure as counted (protection is applied when drafting)
  const live = await freezeFigures(c.db, e, c.now, { protect: false });
  const query = tableQuery.parse(c.query);
  return (
    <StatementPage
      e={e}
      live={{ figures: live, index: indexFigures(live) }}
      conflicts={live.conflicts}
      draft={draftRow && frozen ? { ...draftRow, ...frozen } : null}
      published={rows.filter((r) => r.status === 'published')}
      actorId={c.user.id}
      canChange={canChange(c, e)}
      defaultCutoff={dateToDamascusLocal(c.now)}
      place={{
        page: query.page,
        town: query.town ?? null,
        href: (n, town) => {
          const q = new URLSearchParams({ ...(town ? { town } : {}), ...(n > 1 ? { page: String(n) } : {}) });
          return `/elections/${e.id}/statement${q.size ? `?${q}` : ''}#centres`;
        },
      }}
      state={state}
    />
  );
}

/** The page (and town) of the tables by centre and station; anything else reads as the first page. */
const tableQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  town: z.string().max(20).optional().catch(undefined),
});

export const statementRoutes = [
  managedForm('/elections/:id/statement', {
    schema: statementDraftForm,
    show: statementPage,
    async check(c, e, d) {
      const rows = await statementsWithNames(c.db, e.id);
      const corrects = rows.some((r) => r.status === 'published');
      const cutoff = damascusLocalToDate(d.cutoff);
      return {
        _form: rows.some((r) => r.status === 'draft') ? c.t('elections.statement.draftExists') : undefined,
        change_note_ar: corrects && !d.change_note_ar ? c.t('elections.statement.needChange') : undefined,
        change_note_en: corrects && !d.change_note_en ? c.t('elections.statement.needChange') : undefined,
        cutoff:
          !cutoff || cutoff.getTime() > c.now.getTime() + 60_000 ? c.t('elections.statement.cutoffFuture') : undefined,
      };
    },
    async save(c, e, d) {
      const { i18n } = c.wasl;
      await draftStatement(
        c.db,
        e,
        { ...d, cutoff: damascusLocalToDate(d.cutoff)! },
        { ar: i18n.translator('ar', { digits: 'latn' }), en: i18n.translator('en', { digits: 'latn' }) },
        c.user.id,
        c.now,
      );
      await c.audit('election.statement.drafted', { targetType: 'election', targetId: e.id });
      return { to: `/elections/${e.id}/statement`, flash: 'elections.statement.drafted' };
    },
  }),

  form('/elections/:id/statement/:sid/approve', {
    access,
    load: draft,
    schema: emptyForm,
    show: (c, { e }, state) => statementPage(c, e, state),
    // A second person approves: the drafter cannot.
    check: (c, { row: s }) => ({
      _form: s.drafted_by === c.user.id ? c.t('elections.statement.needSecond') : undefined,
    }),
    async save(c, { e, row: s }) {
      const version = await approveStatement(c.db, e.id, s.id, c.user.id, c.now);
      if (version === null) return { to: `/elections/${e.id}/statement` };
      await c.audit('election.statement.published', { targetType: 'election', targetId: e.id, details: { version } });
      return { to: `/elections/${e.id}/results`, flash: 'elections.statement.publishedFlash' };
    },
  }),

  managedButton('/elections/:id/statement/:sid/discard', draft, async (c, { e, row: s }) => {
    await discardStatement(c.db, s.id);
    return { to: `/elections/${e.id}/statement`, flash: 'common.deleted' };
  }),
];

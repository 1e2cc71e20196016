// Relayed text reports: a coordinator pastes what observers sent by SMS or read out on the phone,
// one report per line; the answer is the replies themselves, line by line, in Arabic and English
// (nothing to post again: each line is idempotent). A paste over the limit is refused whole with
// the limit stated and stays in the box — no line is ever dropped in silence.
import { form, FormErrors, page, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { election } from '../permissions.js';
import { electionCandidates, type Election } from '../queries.js';
import { relayForm } from '../schemas.js';
import { publishedForms } from '../forms/queries.js';
import { saveTextReport } from '../entry/queries.js';
import { listStations } from '../stations/queries.js';
import { relayLine, type RelayReply } from './replies.js';
import { MAX_LINES, parseTextReports, reportLines } from './textreport.js';
import { RelayPage } from './views.js';

const access = 'member' as const;

async function relayPage(c: MemberCtx, e: Election, state: FormState | null, replies: RelayReply[] | null = null) {
  const candidates = await electionCandidates(c.db, e.id);
  return <RelayPage e={e} state={state} replies={replies} codes={candidates.map((k) => k.code)} maxLines={MAX_LINES} />;
}

export const relayRoutes = [
  page('/elections/:id/relay', {
    access,
    load: election('change'),
    render: (c, e) => relayPage(c, e, null),
  }),

  ...form('/elections/:id/relay', {
    access,
    load: election('change'),
    schema: relayForm,
    show: relayPage,
    check: (c, _e, d) => {
      const count = reportLines(d.text);
      if (count > MAX_LINES) return { text: c.t('elections.relay.tooManyLines', { max: MAX_LINES, count }) };
    },
    async save(c, e, d) {
      const [stations, candidates, forms] = await Promise.all([
        listStations(c.db, e.id),
        electionCandidates(c.db, e.id),
        publishedForms(c.db, e.id),
      ]);
      const lines = parseTextReports(d.text, {
        stations: stations.map((s) => ({ id: s.id, centre: s.centre_code, station: s.code })),
        candidateCodes: candidates.map((k) => k.code),
      });
      const { i18n } = c.wasl;
      const x = {
        c,
        e,
        forms,
        tr: { ar: i18n.translator('ar', { digits: 'latn' }), en: i18n.translator('en', { digits: 'latn' }) },
      };
      // Every report line gets its reply (the parser skips only blank and # lines).
      if (lines.length !== reportLines(d.text)) throw new FormErrors({ text: c.t('form.invalid') });
      const replies: RelayReply[] = [];
      for (const line of lines) replies.push(await relayLine(x, line));
      await saveTextReport(
        c.db,
        e.id,
        c.user.id,
        d.text,
        replies.map((r) => ({ line: r.line, ok: r.ok })),
        c.now,
      );
      // The text stays in the box if any line was refused, to be corrected and pasted again.
      const state = {
        id: `/elections/${e.id}/relay`,
        values: { text: replies.some((r) => !r.ok) ? d.text : '' },
        errors: {},
      };
      return relayPage(c, e, state, replies);
    },
  }),
];

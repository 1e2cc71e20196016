// Votes: the form that creates one, and a vote's page — candidates or options, nominations, the
// ballot of each organization the viewer represents, turnout, and the results after closing.
import { MIN_SECRET_BALLOTS } from '../../../../core/stats/release.js';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import {
  Checkboxes,
  ConfirmButton,
  Field,
  Form,
  FormErrorSummary,
  Hidden,
  Radios,
  Select,
  type FormState,
} from '../../../../core/views/forms.js';
import { DataTable, Empty, StatusBadge, UserText } from '../../../../core/views/components.js';
import type { PublishedTally, VotePhase } from '../queries.js';
import {
  CoordNav,
  DamascusTime,
  Names,
  Paragraphs,
  When,
  choices,
  errorsOf,
  idOptions,
  useLocalized,
} from '../../components.js';
import { PhaseBadge } from './bodies.js';

export function VoteNewPage(p: {
  bodies: { id: number; name_ar: string; name_en: string }[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <Layout title={t('coordination.vote.new')}>
      <CoordNav current="/governance" />
      <h1>{t('coordination.vote.new')}</h1>
      <Form action="/votes/new" state={p.state} values={{ kind: 'decision', max_choices: '1', quorum_percent: '50' }}>
        <Select
          name="kind"
          label={t('coordination.vote.kindLabel')}
          options={choices(['decision', 'election'] as const, (k) => t(`coordination.vote.kind.${k}`))}
        />
        <Field name="title" label={t('coordination.field.title')} required />
        <Field name="description" label={t('coordination.field.description')} multiline />
        <Select
          name="body_id"
          label={t('coordination.vote.body')}
          includeEmpty="—"
          options={idOptions(p.bodies, (b) => name(b))}
        />
        <Field
          name="max_choices"
          type="number"
          label={t('coordination.vote.maxChoices')}
          hint={t('coordination.vote.maxChoicesHint')}
        />
        <DamascusTime name="nominations_close_at" label={t('coordination.vote.nominationsCloseAt')} optional />
        <DamascusTime name="opens_at" label={t('coordination.vote.opensAt')} />
        <DamascusTime name="closes_at" label={t('coordination.vote.closesAt')} />
        <Field
          name="quorum_percent"
          type="number"
          label={t('coordination.vote.quorumPercent')}
          hint={t('coordination.vote.quorumHint')}
          required
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

type Option = {
  id: number;
  kind: 'yes' | 'no' | 'abstain' | 'candidate';
  label: string;
  nominee_user_id: number | null;
  statement: string;
  accepted: number;
  withdrawn: number;
  org_name_ar: string | null;
  org_name_en: string | null;
  nominator_name: string | null;
};
type Vote = {
  id: number;
  kind: 'election' | 'decision';
  title: string;
  description: string;
  max_choices: number;
  nominations_close_at: string | null;
  opens_at: string;
  closes_at: string;
  quorum_percent: number;
};
type Org = { id: number; name_ar: string; name_en: string };

/** An option's words: a candidate's name, or yes / no / abstain in the reader's language. */
function useOptionLabel() {
  const { t } = usePage().i18n;
  return (o: Option) =>
    o.kind === 'candidate' ? o.label : t(`coordination.vote.option.${o.kind as 'yes' | 'no' | 'abstain'}`);
}

export function VotePage(p: {
  vote: Vote;
  phase: VotePhase;
  options: Option[];
  participation: Org[];
  eligible: number;
  /** organizations the viewer may cast for (designated representative), with whether each has voted */
  castFor: (Org & { voted: boolean })[];
  nominees: { user_id: number; display_name: string; org_name_ar: string; org_name_en: string }[];
  viewerId: number;
  tally: PublishedTally | null;
  /** a network admin: may cancel the vote before it closes */
  canManage?: boolean;
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const vt = p.vote;
  const before = p.phase === 'nominations' || p.phase === 'scheduled';
  const standing = p.options.filter((o) => o.accepted === 1 && o.withdrawn === 0);
  return (
    <Layout title={vt.title}>
      <CoordNav current="/governance" />
      <p class="meta">
        <PhaseBadge phase={p.phase} /> {t(`coordination.vote.kind.${vt.kind}`)}
      </p>
      <h1>
        <UserText text={vt.title} />
      </h1>
      {vt.description ? <Paragraphs text={vt.description} /> : null}
      <ul class="meta">
        {vt.nominations_close_at ? (
          <li>
            {t('coordination.vote.nominationsCloseAt')}: <When at={vt.nominations_close_at} />
          </li>
        ) : null}
        <li>{t('coordination.vote.window', { from: i18n.dateTime(vt.opens_at), to: i18n.dateTime(vt.closes_at) })}</li>
        <li>{t('coordination.vote.quorumRule', { percent: vt.quorum_percent / 100, eligible: p.eligible })}</li>
        <li>{t('coordination.vote.secrecy')}</li>
      </ul>
      {p.phase === 'cancelled' ? <p class="notice--warn">{t('coordination.vote.cancelledNote')}</p> : null}
      {/* Before it opens: an electorate too small for the counts ever to be shown, said now. */}
      {before && p.eligible < MIN_SECRET_BALLOTS ? (
        <p class="notice--warn" role="alert">
          {t('coordination.vote.smallElectorate', { eligible: p.eligible, min: MIN_SECRET_BALLOTS })}
        </p>
      ) : null}
      {/* Whatever was refused on this page (a nomination, an answer, a ballot) is said here. */}
      <FormErrorSummary message={errorsOf(p.state)._form} />

      <Candidates vote={vt} phase={p.phase} options={p.options} standing={standing} viewerId={p.viewerId} />

      {vt.kind === 'election' && p.phase === 'nominations' ? (
        <section>
          <h2>{t('coordination.vote.nominate')}</h2>
          <p class="hint">{t('coordination.vote.nominateHint')}</p>
          <Form action={`/votes/${vt.id}/nominations`} state={p.state} values={{ nominee: p.viewerId }} summary={false}>
            <Select
              name="nominee"
              label={t('coordination.vote.nominee')}
              options={p.nominees.map((n) => ({
                value: String(n.user_id),
                label: `${n.display_name} — ${name(n, 'org_name')}`,
              }))}
            />
            <Field name="statement" label={t('coordination.vote.statement')} multiline rows={3} />
            <button type="submit">{t('coordination.vote.nominateSubmit')}</button>
          </Form>
        </section>
      ) : null}

      {p.phase === 'open' ? <Ballots vote={vt} castFor={p.castFor} standing={standing} state={p.state} /> : null}

      <section>
        <h2>{t('coordination.vote.turnout')}</h2>
        <p>
          {t('coordination.vote.turnoutLine', {
            voted: p.participation.length,
            eligible: p.eligible,
            percent: p.eligible ? p.participation.length / p.eligible : 0,
          })}
        </p>
        {p.participation.length ? (
          <p class="meta">
            {t('coordination.vote.whoVoted')} <Names names={p.participation.map((o) => name(o))} />
          </p>
        ) : null}
      </section>

      {p.tally ? (
        <Results vote={vt} tally={p.tally} standing={standing} />
      ) : p.phase !== 'closed' ? (
        <p class="meta">{t('coordination.vote.resultsAfterClose')}</p>
      ) : null}
      {p.canManage && (before || p.phase === 'open') ? (
        <section class="no-print">
          <ConfirmButton
            action={`/votes/${vt.id}/cancel`}
            label={t('coordination.vote.cancel')}
            question={t('coordination.vote.cancelQuestion')}
            confirm={t('coordination.vote.cancelConfirm')}
          />
        </section>
      ) : null}
      <p>
        <a href="/governance">{t('coordination.governance.back')}</a>
      </p>
    </Layout>
  );
}

function Candidates(p: { vote: Vote; phase: VotePhase; options: Option[]; standing: Option[]; viewerId: number }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const label = useOptionLabel();
  const pending = p.options.filter((o) => o.kind === 'candidate' && o.accepted === 0 && o.withdrawn === 0);
  return (
    <section>
      <h2>{p.vote.kind === 'election' ? t('coordination.vote.candidates') : t('coordination.vote.options')}</h2>
      {p.standing.length ? (
        <ul>
          {p.standing.map((o) => (
            <li>
              <bdi>{label(o)}</bdi>
              {o.kind === 'candidate' && name(o, 'org_name') ? (
                <>
                  {' '}
                  (<bdi>{name(o, 'org_name')}</bdi>)
                </>
              ) : null}
              {o.statement ? (
                <blockquote>
                  <UserText text={o.statement} />
                </blockquote>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('coordination.vote.noCandidates')} />
      )}
      {pending.length ? (
        <>
          <h3>{t('coordination.vote.pendingNominations')}</h3>
          <ul>
            {pending.map((o) => (
              <li>
                <bdi>{o.label}</bdi>{' '}
                <span class="meta">{t('coordination.vote.nominatedBy', { name: o.nominator_name ?? '—' })}</span>
                {o.nominee_user_id === p.viewerId && p.phase === 'nominations' ? (
                  <Form action={`/votes/${p.vote.id}/nominations/answer`} class="inline-form" summary={false}>
                    <Hidden name="option_id" value={o.id} />
                    <button type="submit" name="answer" value="accept">
                      {t('coordination.vote.accept')}
                    </button>{' '}
                    <button type="submit" name="answer" value="decline" class="secondary">
                      {t('coordination.vote.decline')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One ballot per organization the viewer represents; an election takes up to max_choices. */
function Ballots(p: {
  vote: Vote;
  castFor: (Org & { voted: boolean })[];
  standing: Option[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const label = useOptionLabel();
  const vt = p.vote;
  const options = idOptions(p.standing, label);
  return (
    <section>
      <h2>{t('coordination.vote.ballot')}</h2>
      {p.castFor.length ? (
        p.castFor.map((o) => {
          if (o.voted) return <p class="flash">{t('coordination.vote.alreadyCast', { org: name(o) })}</p>;
          const legend = t('coordination.vote.castFor', { org: name(o) });
          return (
            <Form action={`/votes/${vt.id}/ballot`} state={p.state} idPrefix={`org-${o.id}`} summary={false}>
              <Hidden name="org_id" value={o.id} />
              {vt.kind === 'election' ? (
                <Checkboxes
                  name="choice"
                  legend={`${legend} ${t('coordination.vote.chooseUpTo', { n: vt.max_choices })}`}
                  options={options}
                />
              ) : (
                <Radios name="choice" legend={legend} options={options} />
              )}
              <p class="hint">{t('coordination.vote.finalWarning')}</p>
              <button type="submit">{t('coordination.vote.cast')}</button>
            </Form>
          );
        })
      ) : (
        <p class="meta">{t('coordination.vote.notRepresentative')}</p>
      )}
    </section>
  );
}

function Results(p: { vote: Vote; tally: PublishedTally; standing: Option[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const label = useOptionLabel();
  const { vote: vt, tally } = p;
  const countOf = (id: number) => tally.counts.find((c) => c.optionId === id)?.votes ?? 0;
  return (
    <section>
      <h2>{t('coordination.vote.results')}</h2>
      {!tally.quorumMet ? (
        <p class="notice--warn">
          {t('coordination.vote.noQuorum', { needed: tally.quorumNeeded, voted: tally.voted })}
        </p>
      ) : null}
      <p class="meta">{t('coordination.vote.ballotsCounted', { n: tally.ballots })}</p>
      {/* Too few ballots: no outcome, no counts, no tie — only that and the rule (queries.ts, publishable). */}
      {tally.published ? (
        <>
          <DataTable
            rows={p.standing}
            columns={[
              {
                label: vt.kind === 'election' ? t('coordination.vote.candidate') : t('coordination.vote.option'),
                cell: (o) => (
                  <>
                    <bdi>{label(o)}</bdi>
                    {tally.winners.includes(o.id) ? (
                      <StatusBadge
                        label={vt.kind === 'election' ? t('coordination.vote.elected') : t('coordination.vote.passed')}
                      />
                    ) : null}
                  </>
                ),
              },
              { label: t('coordination.vote.votes'), cell: (o) => i18n.number(countOf(o.id)), numeric: true },
            ]}
          />
          <p class="meta">{t('coordination.vote.countsShown', { min: MIN_SECRET_BALLOTS })}</p>
          {vt.kind === 'decision' && tally.quorumMet ? (
            <p>
              <strong>
                {tally.winners.length ? t('coordination.vote.decisionPassed') : t('coordination.vote.decisionFailed')}
              </strong>
            </p>
          ) : null}
          {tally.tie ? <p class="notice--warn">{t('coordination.vote.tie')}</p> : null}
        </>
      ) : (
        <p class="notice--warn" role="status">
          {t('coordination.vote.countsWithheld', { min: MIN_SECRET_BALLOTS })}
        </p>
      )}
    </section>
  );
}

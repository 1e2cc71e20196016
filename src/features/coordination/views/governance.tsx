import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { UserText } from '../../../core/views/components.js';
import type { Tally, VotePhase } from '../votes.js';
import { Checkbox, CoordNav, Empty, ErrorText, Hidden, Paragraphs, When, nameOf } from './common.js';

type Term = {
  id: number;
  holder_name: string;
  org_name_ar: string | null;
  org_name_en: string | null;
  starts_on: string;
  ends_on: string;
};
type Body = {
  id: number;
  kind: 'board' | 'committee';
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  seats: {
    id: number;
    title_ar: string;
    title_en: string;
    is_chair: number;
    current: Term | null;
    past: Term[];
    upcoming: Term[];
  }[];
};
type VoteRow = {
  id: number;
  kind: 'election' | 'decision';
  title: string;
  opens_at: string;
  closes_at: string;
  phase: VotePhase;
};
type Org = { id: number; name_ar: string; name_en: string };

export function PhaseBadge(props: { phase: VotePhase }) {
  const { t } = usePage().i18n;
  return <span class="badge">{t(`coordination.vote.phase.${props.phase}`)}</span>;
}

function Holder(props: { term: Term | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!props.term) return <span class="meta">{t('coordination.governance.vacant')}</span>;
  const org = nameOf(props.term.org_name_ar, props.term.org_name_en, i18n.locale);
  return (
    <>
      <bdi>{props.term.holder_name}</bdi>
      {org ? (
        <>
          {' '}
          (<bdi>{org}</bdi>)
        </>
      ) : null}{' '}
      <span class="meta">
        {t('common.dateRange', {
          from: i18n.date(`${props.term.starts_on}T09:00:00Z`),
          to: i18n.date(`${props.term.ends_on}T09:00:00Z`),
        })}
      </span>
    </>
  );
}

export function GovernancePage(p: {
  bodies: Body[];
  votes: VoteRow[] | null;
  canManage: boolean;
  orgs: Org[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const v = p.values ?? {};
  return (
    <Layout title={t('coordination.governance.title')} description={t('coordination.governance.intro')}>
      <CoordNav current="/governance" />
      <h1>{t('coordination.governance.title')}</h1>
      <p>{t('coordination.governance.intro')}</p>
      {p.bodies.length ? null : <Empty text={t('coordination.governance.noBodies')} />}
      {p.bodies.map((b) => (
        <section class="card">
          <h2>{nameOf(b.name_ar, b.name_en, i18n.locale)}</h2>
          {nameOf(b.description_ar, b.description_en, i18n.locale) ? (
            <p dir="auto">{nameOf(b.description_ar, b.description_en, i18n.locale)}</p>
          ) : null}
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('coordination.governance.seat')}</th>
                  <th>{t('coordination.governance.holder')}</th>
                </tr>
              </thead>
              <tbody>
                {b.seats.map((s) => (
                  <tr>
                    <td>
                      {nameOf(s.title_ar, s.title_en, i18n.locale)}
                      {s.is_chair ? <span class="badge">{t('coordination.governance.chair')}</span> : null}
                    </td>
                    <td>
                      <Holder term={s.current} />
                      {s.past.length ? (
                        <details>
                          <summary>{t('coordination.governance.pastTerms')}</summary>
                          <ul>
                            {s.past.map((pt) => (
                              <li>
                                <Holder term={pt} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                      {p.canManage ? (
                        <details open={p.form === `term-${s.id}`}>
                          <summary>{t('coordination.governance.addTerm')}</summary>
                          <Form action={`/governance/seats/${s.id}/terms`}>
                            <Field
                              name="holder_name"
                              label={t('coordination.governance.holderName')}
                              value={p.form === `term-${s.id}` ? String(v.holder_name ?? '') : ''}
                              error={p.form === `term-${s.id}` ? e.holder_name : undefined}
                              required
                            />
                            <Select
                              name="holder_org_id"
                              label={t('coordination.governance.holderOrg')}
                              includeEmpty="—"
                              options={p.orgs.map((o) => ({
                                value: String(o.id),
                                label: nameOf(o.name_ar, o.name_en, i18n.locale),
                              }))}
                            />
                            <Field
                              name="starts_on"
                              type="date"
                              label={t('coordination.governance.startsOn')}
                              error={p.form === `term-${s.id}` ? e.starts_on : undefined}
                              required
                            />
                            <Field
                              name="ends_on"
                              type="date"
                              label={t('coordination.governance.endsOn')}
                              error={p.form === `term-${s.id}` ? e.ends_on : undefined}
                              required
                            />
                            <button type="submit">{t('common.add')}</button>
                          </Form>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.canManage ? (
            <details open={p.form === `seat-${b.id}`}>
              <summary>{t('coordination.governance.addSeat')}</summary>
              <Form action={`/governance/bodies/${b.id}/seats`}>
                <Field
                  name="title_ar"
                  label={t('coordination.governance.seatAr')}
                  error={p.form === `seat-${b.id}` ? e.title_ar : undefined}
                  required
                />
                <Field
                  name="title_en"
                  label={t('coordination.governance.seatEn')}
                  error={p.form === `seat-${b.id}` ? e.title_en : undefined}
                  required
                />
                <Checkbox name="is_chair" label={t('coordination.governance.chair')} />
                <button type="submit">{t('common.add')}</button>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
      {p.canManage ? (
        <details open={p.form === 'body'}>
          <summary>{t('coordination.governance.addBody')}</summary>
          <FormErrorSummary message={p.form === 'body' ? e._form : undefined} />
          <Form action="/governance/bodies">
            <Select
              name="kind"
              label={t('coordination.governance.kind')}
              value={String(v.kind ?? 'committee')}
              options={[
                { value: 'board', label: t('coordination.governance.kind.board') },
                { value: 'committee', label: t('coordination.governance.kind.committee') },
              ]}
            />
            <Field
              name="name_ar"
              label={t('coordination.field.nameAr')}
              value={String(v.name_ar ?? '')}
              error={p.form === 'body' ? e.name_ar : undefined}
              required
            />
            <Field
              name="name_en"
              label={t('coordination.field.nameEn')}
              value={String(v.name_en ?? '')}
              error={p.form === 'body' ? e.name_en : undefined}
              required
            />
            <Field name="description_ar" label={t('coordination.field.descriptionAr')} multiline rows={3} />
            <Field name="description_en" label={t('coordination.field.descriptionEn')} multiline rows={3} />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      ) : null}

      {p.votes ? (
        <section>
          <h2>{t('coordination.vote.listTitle')}</h2>
          {p.canManage ? (
            <p>
              <a class="button" href="/votes/new">
                {t('coordination.vote.new')}
              </a>
            </p>
          ) : null}
          {p.votes.length ? (
            <ul class="card-list">
              {p.votes.map((vt) => (
                <li class="card">
                  <h3>
                    <a href={`/votes/${vt.id}`}>
                      <UserText text={vt.title} />
                    </a>
                  </h3>
                  <p class="meta">
                    <PhaseBadge phase={vt.phase} /> {t(`coordination.vote.kind.${vt.kind}`)} ·{' '}
                    {t('coordination.vote.window', {
                      from: i18n.dateTime(vt.opens_at),
                      to: i18n.dateTime(vt.closes_at),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <Empty text={t('coordination.vote.none')} />
          )}
        </section>
      ) : null}
    </Layout>
  );
}

export function VoteNewPage(p: {
  bodies: { id: number; name_ar: string; name_en: string }[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const v = p.values ?? {};
  return (
    <Layout title={t('coordination.vote.new')}>
      <CoordNav current="/governance" />
      <h1>{t('coordination.vote.new')}</h1>
      <FormErrorSummary message={e._form} />
      <Form action="/votes/new">
        <Select
          name="kind"
          label={t('coordination.vote.kindLabel')}
          value={String(v.kind ?? 'decision')}
          error={e.kind}
          options={[
            { value: 'decision', label: t('coordination.vote.kind.decision') },
            { value: 'election', label: t('coordination.vote.kind.election') },
          ]}
        />
        <Field
          name="title"
          label={t('coordination.field.title')}
          value={String(v.title ?? '')}
          error={e.title}
          required
        />
        <Field
          name="description"
          label={t('coordination.field.description')}
          value={String(v.description ?? '')}
          error={e.description}
          multiline
        />
        <Select
          name="body_id"
          label={t('coordination.vote.body')}
          value={String(v.body_id ?? '')}
          includeEmpty="—"
          error={e.body_id}
          options={p.bodies.map((b) => ({ value: String(b.id), label: nameOf(b.name_ar, b.name_en, i18n.locale) }))}
        />
        <Field
          name="max_choices"
          type="number"
          label={t('coordination.vote.maxChoices')}
          hint={t('coordination.vote.maxChoicesHint')}
          value={String(v.max_choices ?? '1')}
          error={e.max_choices}
        />
        <Field
          name="nominations_close_at"
          type="datetime-local"
          label={t('coordination.vote.nominationsCloseAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.nominations_close_at ?? '')}
          error={e.nominations_close_at}
        />
        <Field
          name="opens_at"
          type="datetime-local"
          label={t('coordination.vote.opensAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.opens_at ?? '')}
          error={e.opens_at}
          required
        />
        <Field
          name="closes_at"
          type="datetime-local"
          label={t('coordination.vote.closesAt')}
          hint={t('coordination.form.damascusTime')}
          value={String(v.closes_at ?? '')}
          error={e.closes_at}
          required
        />
        <Field
          name="quorum_percent"
          type="number"
          label={t('coordination.vote.quorumPercent')}
          hint={t('coordination.vote.quorumHint')}
          value={String(v.quorum_percent ?? '50')}
          error={e.quorum_percent}
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

export function VotePage(p: {
  vote: {
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
  phase: VotePhase;
  options: Option[];
  participation: { id: number; name_ar: string; name_en: string }[];
  eligible: number;
  /** organizations the viewer may cast for (designated representative), with whether each has voted */
  castFor: { id: number; name_ar: string; name_en: string; voted: boolean }[];
  nominees: { user_id: number; display_name: string; org_name_ar: string; org_name_en: string }[];
  viewerId: number;
  tally: Tally | null;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const vt = p.vote;
  const standing = p.options.filter((o) => o.accepted === 1 && o.withdrawn === 0);
  const pending = p.options.filter((o) => o.kind === 'candidate' && o.accepted === 0 && o.withdrawn === 0);
  const label = (o: Option) =>
    o.kind === 'candidate' ? o.label : t(`coordination.vote.option.${o.kind as 'yes' | 'no' | 'abstain'}`);
  const countOf = (id: number) => p.tally?.counts.find((c) => c.optionId === id)?.votes ?? 0;
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
      <FormErrorSummary message={e._form} />

      <section>
        <h2>{vt.kind === 'election' ? t('coordination.vote.candidates') : t('coordination.vote.options')}</h2>
        {standing.length ? (
          <ul>
            {standing.map((o) => (
              <li>
                <bdi>{label(o)}</bdi>
                {o.kind === 'candidate' && nameOf(o.org_name_ar, o.org_name_en, i18n.locale) ? (
                  <>
                    {' '}
                    (<bdi>{nameOf(o.org_name_ar, o.org_name_en, i18n.locale)}</bdi>)
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
                    <Form action={`/votes/${vt.id}/nominations/answer`} class="inline-form">
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

      {vt.kind === 'election' && p.phase === 'nominations' ? (
        <section>
          <h2>{t('coordination.vote.nominate')}</h2>
          <p class="hint">{t('coordination.vote.nominateHint')}</p>
          <Form action={`/votes/${vt.id}/nominations`}>
            <Select
              name="nominee"
              label={t('coordination.vote.nominee')}
              value={String(p.viewerId)}
              error={e.nominee}
              options={p.nominees.map((n) => ({
                value: String(n.user_id),
                label: `${n.display_name} — ${nameOf(n.org_name_ar, n.org_name_en, i18n.locale)}`,
              }))}
            />
            <Field name="statement" label={t('coordination.vote.statement')} multiline rows={3} error={e.statement} />
            <button type="submit">{t('coordination.vote.nominateSubmit')}</button>
          </Form>
        </section>
      ) : null}

      {p.phase === 'open' ? (
        <section>
          <h2>{t('coordination.vote.ballot')}</h2>
          {p.castFor.length ? (
            p.castFor.map((o) =>
              o.voted ? (
                <p class="flash">
                  {t('coordination.vote.alreadyCast', { org: nameOf(o.name_ar, o.name_en, i18n.locale) })}
                </p>
              ) : (
                <Form action={`/votes/${vt.id}/ballot`}>
                  <Hidden name="org_id" value={o.id} />
                  <fieldset>
                    <legend>
                      {t('coordination.vote.castFor', { org: nameOf(o.name_ar, o.name_en, i18n.locale) })}{' '}
                      {vt.kind === 'election' ? (
                        <span class="meta">{t('coordination.vote.chooseUpTo', { n: vt.max_choices })}</span>
                      ) : null}
                    </legend>
                    {standing.map((opt) => (
                      <label class="checkbox">
                        <input
                          type={vt.kind === 'election' ? 'checkbox' : 'radio'}
                          name="choice"
                          value={String(opt.id)}
                        />{' '}
                        <bdi>{label(opt)}</bdi>
                      </label>
                    ))}
                    <ErrorText text={e.choice} />
                  </fieldset>
                  <p class="hint">{t('coordination.vote.finalWarning')}</p>
                  <button type="submit">{t('coordination.vote.cast')}</button>
                </Form>
              ),
            )
          ) : (
            <p class="meta">{t('coordination.vote.notRepresentative')}</p>
          )}
        </section>
      ) : null}

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
            {t('coordination.vote.whoVoted')}{' '}
            {p.participation.map((o, i) => (
              <>
                {i ? '، ' : ''}
                <bdi>{nameOf(o.name_ar, o.name_en, i18n.locale)}</bdi>
              </>
            ))}
          </p>
        ) : null}
      </section>

      {p.tally ? (
        <section>
          <h2>{t('coordination.vote.results')}</h2>
          {!p.tally.quorumMet ? (
            <p class="notice--warn">
              {t('coordination.vote.noQuorum', { needed: p.tally.quorumNeeded, voted: p.tally.voted })}
            </p>
          ) : null}
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{vt.kind === 'election' ? t('coordination.vote.candidate') : t('coordination.vote.option')}</th>
                  <th>{t('coordination.vote.votes')}</th>
                </tr>
              </thead>
              <tbody>
                {standing.map((o) => (
                  <tr>
                    <td>
                      <bdi>{label(o)}</bdi>
                      {p.tally!.winners.includes(o.id) ? (
                        <span class="badge">
                          {vt.kind === 'election' ? t('coordination.vote.elected') : t('coordination.vote.passed')}
                        </span>
                      ) : null}
                    </td>
                    <td>{i18n.number(countOf(o.id))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="meta">{t('coordination.vote.ballotsCounted', { n: p.tally.ballots })}</p>
          {vt.kind === 'decision' && p.tally.quorumMet ? (
            <p>
              <strong>
                {p.tally.winners.length ? t('coordination.vote.decisionPassed') : t('coordination.vote.decisionFailed')}
              </strong>
            </p>
          ) : null}
          {p.tally.tie ? <p class="notice--warn">{t('coordination.vote.tie')}</p> : null}
        </section>
      ) : p.phase !== 'closed' ? (
        <p class="meta">{t('coordination.vote.resultsAfterClose')}</p>
      ) : null}
      <p>
        <a href="/governance">{t('coordination.governance.back')}</a>
      </p>
    </Layout>
  );
}

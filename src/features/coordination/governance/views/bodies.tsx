// The public governance page: bodies, their seats and holders; the list of votes for people inside
// the network; forms for network admins.
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { Form, Radios, type FormState } from '../../../../core/views/forms.js';
import { DataTable, Empty, StatusBadge } from '../../../../core/views/components.js';
import { dayAsDate } from '../../../../core/time.js';
import { shownHolderName, type VotePhase } from '../queries.js';
import type { BoardNames } from '../../tables.js';
import { Cards, CoordNav, refused, useLocalized } from '../../components.js';
import { BodyFields, SeatFields, TermFields } from './fields.js';

type Term = {
  id: number;
  holder_name: string;
  org_name_ar: string | null;
  org_name_en: string | null;
  starts_on: string;
  ends_on: string;
};
type Seat = {
  id: number;
  title_ar: string;
  title_en: string;
  is_chair: number;
  current: Term | null;
  past: Term[];
  upcoming: Term[];
};
type Body = {
  id: number;
  kind: 'board' | 'committee';
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  seats: Seat[];
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
  return <StatusBadge label={t(`coordination.vote.phase.${props.phase}`)} />;
}

/** Network admins' way to a record's edit page (where it can also be removed). */
function EditLink(p: { href: string }) {
  const { t } = usePage().i18n;
  return (
    <>
      {' '}
      <a class="meta no-print" href={p.href}>
        {t('common.edit')}
      </a>
    </>
  );
}

/** How holders are named: as the network chose, or in full for the network admins who record them. */
type Naming = { choice: BoardNames; full: boolean };

function Holder(props: { term: Term | null; naming: Naming }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const org = useLocalized()(props.term, 'org_name');
  if (!props.term) return <span class="meta">{t('coordination.governance.vacant')}</span>;
  const shown = props.naming.full
    ? props.term.holder_name
    : shownHolderName(props.term.holder_name, props.naming.choice);
  return (
    <>
      {shown ? <bdi>{shown}</bdi> : <span class="meta">{t('coordination.governance.holderUnnamed')}</span>}
      {org ? (
        <>
          {' '}
          (<bdi>{org}</bdi>)
        </>
      ) : null}{' '}
      <span class="meta">
        {t('common.dateRange', {
          from: i18n.date(dayAsDate(props.term.starts_on)),
          to: i18n.date(dayAsDate(props.term.ends_on)),
        })}
      </span>
    </>
  );
}

export function GovernancePage(p: {
  bodies: Body[];
  votes: VoteRow[] | null;
  canManage: boolean;
  boardNames: BoardNames;
  orgs: Org[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <Layout title={t('coordination.governance.title')} description={t('coordination.governance.intro')}>
      <CoordNav current="/governance" />
      <h1>{t('coordination.governance.title')}</h1>
      <p>{t('coordination.governance.intro')}</p>
      {p.bodies.length ? null : <Empty text={t('coordination.governance.noBodies')} />}
      {p.bodies.map((b) => (
        <section class="card">
          <h2>{name(b)}</h2>
          {p.canManage ? <EditLink href={`/governance/bodies/${b.id}/edit`} /> : null}
          {name(b, 'description') ? <p dir="auto">{name(b, 'description')}</p> : null}
          <Seats
            seats={b.seats}
            canManage={p.canManage}
            orgs={p.orgs}
            state={p.state}
            naming={{ choice: p.boardNames, full: p.canManage }}
          />
          {p.canManage ? (
            <details open={refused(p.state, `/governance/bodies/${b.id}/seats`)}>
              <summary>{t('coordination.governance.addSeat')}</summary>
              <Form action={`/governance/bodies/${b.id}/seats`} state={p.state} idPrefix={`body-${b.id}`}>
                <SeatFields />
                <button type="submit">{t('common.add')}</button>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
      {p.canManage ? (
        <details open={refused(p.state, '/governance/bodies')}>
          <summary>{t('coordination.governance.addBody')}</summary>
          <Form action="/governance/bodies" state={p.state} values={{ kind: 'committee' }}>
            <BodyFields />
            <button type="submit">{t('common.add')}</button>
          </Form>
        </details>
      ) : null}
      {p.canManage ? (
        <details open={refused(p.state, '/governance/board-names')}>
          <summary>{t('coordination.governance.boardNames')}</summary>
          <Form action="/governance/board-names" state={p.state} values={{ board_names: p.boardNames }}>
            <Radios
              name="board_names"
              legend={t('coordination.governance.boardNames')}
              hint={t('coordination.governance.boardNamesHint')}
              options={(['role', 'first', 'full'] as const).map((v) => ({
                value: v,
                label: t(`coordination.governance.boardNames.${v}`),
              }))}
            />
            <button type="submit">{t('common.save')}</button>
          </Form>
        </details>
      ) : null}
      {p.votes ? <Votes votes={p.votes} canManage={p.canManage} /> : null}
    </Layout>
  );
}

/** A body's seats, the current holder of each, past terms; network admins record new terms. */
function Seats(p: { seats: Seat[]; canManage: boolean; orgs: Org[]; naming: Naming; state?: FormState | null }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <DataTable
      rows={p.seats}
      columns={[
        {
          label: t('coordination.governance.seat'),
          cell: (s) => (
            <>
              {name(s, 'title')}
              {s.is_chair ? <StatusBadge label={t('coordination.governance.chair')} /> : null}
              {p.canManage ? <EditLink href={`/governance/seats/${s.id}/edit`} /> : null}
            </>
          ),
        },
        {
          label: t('coordination.governance.holder'),
          cell: (s) => (
            <>
              <Holder term={s.current} naming={p.naming} />
              {p.canManage && s.current ? <EditLink href={`/governance/terms/${s.current.id}/edit`} /> : null}
              {s.past.length ? (
                <details>
                  <summary>{t('coordination.governance.pastTerms')}</summary>
                  <ul>
                    {s.past.map((pt) => (
                      <li>
                        <Holder term={pt} naming={p.naming} />
                        {p.canManage ? <EditLink href={`/governance/terms/${pt.id}/edit`} /> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {p.canManage && s.upcoming.length ? (
                <details>
                  <summary>{t('coordination.governance.upcomingTerms')}</summary>
                  <ul>
                    {s.upcoming.map((ut) => (
                      <li>
                        <Holder term={ut} naming={p.naming} /> <EditLink href={`/governance/terms/${ut.id}/edit`} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {p.canManage ? (
                <details open={refused(p.state, `/governance/seats/${s.id}/terms`)}>
                  <summary>{t('coordination.governance.addTerm')}</summary>
                  <Form action={`/governance/seats/${s.id}/terms`} state={p.state} idPrefix={`seat-${s.id}`}>
                    <TermFields orgs={p.orgs} />
                    <button type="submit">{t('common.add')}</button>
                  </Form>
                </details>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function Votes(p: { votes: VoteRow[]; canManage: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section>
      <h2>{t('coordination.vote.listTitle')}</h2>
      {p.canManage ? (
        <p>
          <a class="button" href="/votes/new">
            {t('coordination.vote.new')}
          </a>
        </p>
      ) : null}
      <Cards
        items={p.votes}
        empty={t('coordination.vote.none')}
        href={(vt) => `/votes/${vt.id}`}
        title={(vt) => vt.title}
        meta={(vt) => (
          <>
            <PhaseBadge phase={vt.phase} /> {t(`coordination.vote.kind.${vt.kind}`)} ·{' '}
            {t('coordination.vote.window', { from: i18n.dateTime(vt.opens_at), to: i18n.dateTime(vt.closes_at) })}
          </>
        )}
      />
    </section>
  );
}

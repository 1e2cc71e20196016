// Public pages: the list of elections, an election, its results and statement.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { UserText } from '../../../core/views/components.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import type { PublicRow, StatementFigures } from '../results.js';

export type Named = { name_ar: string; name_en: string };
export const nameOf = (o: Named, locale: string) => (locale === 'ar' ? o.name_ar || o.name_en : o.name_en || o.name_ar);
export const titleOf = (o: { title_ar: string; title_en: string }, locale: string) =>
  locale === 'ar' ? o.title_ar || o.title_en : o.title_en || o.title_ar;

export function StatusBadge(p: { status: string }) {
  const { t } = usePage().i18n;
  return <span class="badge">{t(`elections.status.${p.status}` as never)}</span>;
}

/** A published count: a number, or "fewer than 10" when hidden. */
export function Count(p: { n: number | null }) {
  const { i18n } = usePage();
  return p.n === null ? (
    <span class="meta">{i18n.t('elections.results.hidden', { threshold: PUBLIC_THRESHOLD })}</span>
  ) : (
    <>{i18n.number(p.n)}</>
  );
}

export function Pct(p: { v: number | null }) {
  const { i18n } = usePage();
  return p.v === null ? <span class="meta">—</span> : <>{i18n.percent(p.v)}</>;
}

type ElectionCard = {
  id: number;
  title_ar: string;
  title_en: string;
  poll_date: string;
  status: string;
  towns: { pcode: string; name_ar: string; name_en: string }[];
};

export function ElectionsListPage(p: { elections: ElectionCard[]; canCreate: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('elections.list.title')} description={t('elections.list.intro')}>
      <h1>{t('elections.list.title')}</h1>
      <p>{t('elections.list.intro')}</p>
      {p.canCreate ? (
        <p class="actions">
          <a class="button" href="/elections/new">
            {t('elections.list.new')}
          </a>
        </p>
      ) : null}
      {p.elections.length === 0 ? <p>{t('elections.list.empty')}</p> : null}
      <ul class="card-list">
        {p.elections.map((e) => (
          <li class="card">
            <h2>
              <a href={`/elections/${e.id}`}>{titleOf(e, i18n.locale)}</a>
            </h2>
            <p class="meta">
              <StatusBadge status={e.status} /> {t('elections.pollDate')}: {i18n.date(`${e.poll_date}T12:00:00Z`)}
              {e.towns.length ? ' · ' : ''}
              {e.towns.map((tn, i) => (
                <>
                  {i > 0 ? '، ' : ''}
                  <a href={`/towns/${tn.pcode}`}>{nameOf(tn, i18n.locale)}</a>
                </>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type OutreachSummaryRow = {
  kind: string;
  activities: number;
  leaflets: number | null;
  women: number | null;
  men: number | null;
  places: string[];
};

export function ElectionPage(p: {
  election: {
    id: number;
    title_ar: string;
    title_en: string;
    poll_date: string;
    status: string;
    seats: number;
    summary_ar: string;
    summary_en: string;
  };
  towns: { pcode: string; name_ar: string; name_en: string }[];
  candidates: { code: string; kind: string; name_ar: string; name_en: string }[];
  organizers: Named[];
  partners: Named[];
  outreach: OutreachSummaryRow[];
  hasStatement: boolean;
  canCoordinate: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.election;
  const title = titleOf(e, i18n.locale);
  const summary = i18n.locale === 'ar' ? e.summary_ar || e.summary_en : e.summary_en || e.summary_ar;
  return (
    <Layout title={title} description={summary.slice(0, 160)}>
      <article>
        <h1>{title}</h1>
        <p class="meta">
          <StatusBadge status={e.status} /> {t('elections.kind.local-council')}
        </p>
        <ul class="figures">
          <li>
            <strong>{i18n.date(`${e.poll_date}T12:00:00Z`)}</strong> {t('elections.pollDate')}
          </li>
          <li>
            <strong>{i18n.number(e.seats)}</strong> {t('elections.seatsLabel', { seats: e.seats })}
          </li>
        </ul>
        {summary ? <UserText as="p" text={summary} /> : null}
        <h2>{t('elections.area')}</h2>
        <ul>
          {p.towns.map((tn) => (
            <li>
              <a href={`/towns/${tn.pcode}`}>{nameOf(tn, i18n.locale)}</a> <bdi dir="ltr">{tn.pcode}</bdi>
            </li>
          ))}
        </ul>
        {p.candidates.length ? (
          <>
            <h2>{t('elections.candidates')}</h2>
            <ul>
              {p.candidates.map((c) => (
                <li>
                  <bdi dir="ltr">{c.code}</bdi> — <bdi>{nameOf(c, i18n.locale)}</bdi>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t('elections.partners')}</h2>
        <ul>
          {p.organizers.map((o) => (
            <li>
              <bdi>{nameOf(o, i18n.locale)}</bdi> <span class="badge">{t('elections.organizer')}</span>
            </li>
          ))}
          {p.partners.map((o) => (
            <li>
              <bdi>{nameOf(o, i18n.locale)}</bdi>
            </li>
          ))}
        </ul>
        <h2>{t('elections.outreach.publicTitle')}</h2>
        {p.outreach.length === 0 ? (
          <p>{t('elections.outreach.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('elections.outreach.kind')}</th>
                  <th>{t('elections.outreach.activities')}</th>
                  <th>{t('elections.outreach.leaflets')}</th>
                  <th>{t('elections.outreach.women')}</th>
                  <th>{t('elections.outreach.men')}</th>
                </tr>
              </thead>
              <tbody>
                {p.outreach.map((r) => (
                  <tr>
                    <td>{t(`elections.outreach.kinds.${r.kind}` as never)}</td>
                    <td>{i18n.number(r.activities)}</td>
                    <td>{r.leaflets === null ? '—' : i18n.number(r.leaflets)}</td>
                    <td>
                      <Count n={r.women} />
                    </td>
                    <td>
                      <Count n={r.men} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="actions">
          <a class="button" href={`/elections/${e.id}/results`}>
            {p.hasStatement ? t('elections.results.link') : t('elections.results.linkPending')}
          </a>
          {p.canCoordinate ? (
            <a class="button secondary" href={`/elections/${e.id}/manage`}>
              {t('elections.manage.title')}
            </a>
          ) : null}
        </p>
      </article>
    </Layout>
  );
}

function RowsTable(p: { rows: PublicRow[]; first: string; named?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{p.first}</th>
            <th>{t('elections.results.women')}</th>
            <th>{t('elections.results.men')}</th>
            <th>{t('elections.results.voters')}</th>
            <th>{t('elections.results.turnout')}</th>
            <th>{t('elections.results.womenShare')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <td>
                <bdi dir="ltr">{r.code}</bdi>
                {p.named && r.name_ar ? (
                  <>
                    {' '}
                    <bdi>{nameOf({ name_ar: r.name_ar, name_en: r.name_en ?? '' }, i18n.locale)}</bdi>
                  </>
                ) : null}
              </td>
              <td>
                <Count n={r.women} />
              </td>
              <td>
                <Count n={r.men} />
              </td>
              <td>
                <Count n={r.voters} />
              </td>
              <td>
                <Pct v={r.turnout} />
              </td>
              <td>
                <Pct v={r.womenShare} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type StatementView = {
  version: number;
  text_ar: string;
  text_en: string;
  change_note_ar: string;
  change_note_en: string;
  published_on: string;
  figures: StatementFigures;
};

export function FiguresBlock(p: { f: StatementFigures; children?: ComponentChildren }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  return (
    <>
      <ul class="figures">
        <li>
          <strong>{i18n.number(f.centresObserved)}</strong>{' '}
          {t('elections.results.centresObserved', { total: f.centresTotal })}
        </li>
        <li>
          <strong>
            <Count n={f.voters} />
          </strong>{' '}
          {t('elections.results.votersLabel')}
        </li>
        <li>
          <strong>{i18n.number(f.seats)}</strong> {t('elections.seatsLabel', { seats: f.seats })}
        </li>
        <li>
          <strong>
            <Pct v={f.womenShare} />
          </strong>{' '}
          {t('elections.results.womenShareLabel')}
        </li>
      </ul>
      <p>
        {t('elections.results.coverage', { observed: f.stationsObserved, total: f.stationsTotal })}{' '}
        {f.stationsTotal > 0 ? `(${i18n.percent(f.stationsObserved / f.stationsTotal)})` : null}
      </p>
      {p.children}
      {f.centres.length ? (
        <>
          <h2>{t('elections.results.byCentre')}</h2>
          <RowsTable rows={f.centres} first={t('elections.results.centre')} named />
          <h2>{t('elections.results.byStation')}</h2>
          <RowsTable rows={f.stations} first={t('elections.results.station')} />
        </>
      ) : null}
      {f.candidates.length ? (
        <>
          <h2>{t('elections.results.votes')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('elections.candidates')}</th>
                  <th>{t('elections.results.votesCol')}</th>
                </tr>
              </thead>
              <tbody>
                {f.candidates.map((c) => (
                  <tr>
                    <td>
                      <bdi dir="ltr">{c.code}</bdi> — <bdi>{nameOf(c, i18n.locale)}</bdi>
                    </td>
                    <td>
                      <Count n={c.votes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">{t('elections.results.votesNote')}</p>
        </>
      ) : null}
      <p class="hint">{t('elections.results.suppressionNote', { threshold: PUBLIC_THRESHOLD })}</p>
    </>
  );
}

export function ResultsPage(p: {
  election: { id: number; title_ar: string; title_en: string };
  statement: StatementView | null;
  versions: { version: number; published_on: string; change_note_ar: string; change_note_en: string }[];
  latestVersion: number | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = `${t('elections.results.title')} — ${titleOf(p.election, i18n.locale)}`;
  const s = p.statement;
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>
        <a href={`/elections/${p.election.id}`}>{titleOf(p.election, i18n.locale)}</a>
      </p>
      {!s ? (
        <p>{t('elections.results.noStatement')}</p>
      ) : (
        <article>
          <h2>{t('elections.statement.public')}</h2>
          <p class="meta">
            {t('elections.statement.versionOn', { version: s.version, date: i18n.date(`${s.published_on}T12:00:00Z`) })}
            {p.latestVersion !== null && s.version !== p.latestVersion ? (
              <>
                {' '}
                <a href={`/elections/${p.election.id}/results`}>{t('elections.statement.seeLatest')}</a>
              </>
            ) : null}
          </p>
          {s.version > 1 && (s.change_note_ar || s.change_note_en) ? (
            <p class="notice--warn">
              {t('elections.statement.whatChanged')}:{' '}
              <UserText
                text={
                  i18n.locale === 'ar' ? s.change_note_ar || s.change_note_en : s.change_note_en || s.change_note_ar
                }
              />
            </p>
          ) : null}
          <div class="prose">
            {(i18n.locale === 'ar' ? s.text_ar : s.text_en).split(/\n{2,}/).map((para) => (
              <p dir="auto">{para}</p>
            ))}
          </div>
          <FiguresBlock f={s.figures} />
        </article>
      )}
      {p.versions.length > 1 ? (
        <>
          <h2>{t('elections.statement.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                <a href={`/elections/${p.election.id}/results?version=${v.version}`}>
                  {t('elections.statement.versionOn', {
                    version: v.version,
                    date: i18n.date(`${v.published_on}T12:00:00Z`),
                  })}
                </a>
                {v.change_note_ar || v.change_note_en ? (
                  <>
                    {' — '}
                    <UserText
                      text={
                        i18n.locale === 'ar'
                          ? v.change_note_ar || v.change_note_en
                          : v.change_note_en || v.change_note_ar
                      }
                    />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function TownElectionsSection(p: {
  elections: { id: number; title_ar: string; title_en: string; poll_date: string; status: string }[];
}) {
  const { i18n } = usePage();
  return (
    <section>
      <h2>{i18n.t('elections.townSection')}</h2>
      <ul>
        {p.elections.map((e) => (
          <li>
            <a href={`/elections/${e.id}`}>{titleOf(e, i18n.locale)}</a> — {i18n.date(`${e.poll_date}T12:00:00Z`)}{' '}
            <StatusBadge status={e.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

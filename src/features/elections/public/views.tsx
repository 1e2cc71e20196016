// Public pages: the list of elections, an election, its results and statement, and the block on
// a town's page.
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Empty, StatusBadge, UserText } from '../../../core/views/components.js';
import { localized } from '../../../core/i18n/localized.js';
import { dayAsDate } from '../../../core/time.js';
import { ElectionStatus } from '../views.js';
import { FiguresBlock, VersionOn } from '../statements/figures.js';
import { Figure, FiguresNote } from '../../../core/views/figures.js';
import type { ProtectedFigure } from '../../../core/stats/release.js';
import type { FiguresIndex } from '../statements/frozen.js';
import type { StatementFigures } from '../statements/results.js';

type Named = { name_ar: string; name_en: string };
type Town = Named & { pcode: string };
type ElectionCard = { id: number; title_ar: string; title_en: string; poll_date: string; status: string };

function TownLink(p: { town: Town }) {
  const { locale } = usePage().i18n;
  return <a href={`/towns/${p.town.pcode}`}>{localized(p.town, 'name', locale)}</a>;
}

export function ElectionsListPage(p: { elections: (ElectionCard & { towns: Town[] })[]; canCreate: boolean }) {
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
      {p.elections.length === 0 ? <Empty text={t('elections.list.empty')} /> : null}
      <ul class="card-list">
        {p.elections.map((e) => (
          <li class="card">
            <h2>
              <a href={`/elections/${e.id}`}>{localized(e, 'title', i18n.locale)}</a>
            </h2>
            <p class="meta">
              <ElectionStatus status={e.status} /> {t('elections.pollDate')}: {i18n.date(dayAsDate(e.poll_date))}
              {e.towns.length ? ' · ' : ''}
              {e.towns.map((tn, i) => (
                <>
                  {i > 0 ? '، ' : ''}
                  <TownLink town={tn} />
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
  women: ProtectedFigure;
  men: ProtectedFigure;
};

export function ElectionPage(p: {
  election: ElectionCard & { seats: number; summary_ar: string; summary_en: string };
  towns: Town[];
  candidates: (Named & { code: string })[];
  organizers: Named[];
  partners: Named[];
  outreach: OutreachSummaryRow[];
  hasStatement: boolean;
  canCoordinate: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.election;
  const title = localized(e, 'title', i18n.locale);
  const summary = localized(e, 'summary', i18n.locale);
  const name = (o: Named) => <bdi>{localized(o, 'name', i18n.locale)}</bdi>;
  return (
    <Layout title={title} description={summary.slice(0, 160)}>
      <article>
        <h1>{title}</h1>
        <p class="meta">
          <ElectionStatus status={e.status} /> {t('elections.kind.local-council')}
        </p>
        <ul class="figures">
          <li>
            <strong>{i18n.date(dayAsDate(e.poll_date))}</strong> {t('elections.pollDate')}
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
              <TownLink town={tn} /> <bdi dir="ltr">{tn.pcode}</bdi>
            </li>
          ))}
        </ul>
        {p.candidates.length ? (
          <>
            <h2>{t('elections.candidates')}</h2>
            <ul>
              {p.candidates.map((c) => (
                <li>
                  <bdi dir="ltr">{c.code}</bdi> — {name(c)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t('elections.partners')}</h2>
        <ul>
          {p.organizers.map((o) => (
            <li>
              {name(o)} <StatusBadge label={t('elections.organizer')} />
            </li>
          ))}
          {p.partners.map((o) => (
            <li>{name(o)}</li>
          ))}
        </ul>
        <h2>{t('elections.outreach.publicTitle')}</h2>
        <DataTable
          rows={p.outreach}
          empty={t('elections.outreach.none')}
          columns={[
            {
              label: t('elections.outreach.kind'),
              rowHeader: true,
              cell: (r) => t(`elections.outreach.kinds.${r.kind}` as never),
            },
            { label: t('elections.outreach.activities'), cell: (r) => i18n.number(r.activities) },
            {
              label: t('elections.outreach.leaflets'),
              cell: (r) => (r.leaflets === null ? '—' : i18n.number(r.leaflets)),
            },
            {
              label: t('elections.outreach.women'),
              cell: (r) => <Figure figure={r.women} id={`outreach:${r.kind}:women`} />,
            },
            {
              label: t('elections.outreach.men'),
              cell: (r) => <Figure figure={r.men} id={`outreach:${r.kind}:men`} />,
            },
          ]}
        />
        <FiguresNote figures={p.outreach.flatMap((r) => [r.women, r.men])} />
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

export type StatementView = {
  version: number;
  text_ar: string;
  text_en: string;
  change_note_ar: string;
  change_note_en: string;
  published_on: string;
  figures: StatementFigures;
  index: FiguresIndex;
};

type Version = { version: number; published_on: string; change_note_ar: string; change_note_en: string };

/** The same results as files, with plain words for what each is. */
function Downloads(p: { electionId: number; version: number; latest: number | null }) {
  const { t } = usePage().i18n;
  const q = p.version !== p.latest ? `?version=${p.version}` : '';
  const base = `/elections/${p.electionId}/results`;
  return (
    <section class="results-downloads">
      <p>
        <strong>{t('elections.results.download')}</strong>:{' '}
        <a href={`${base}.csv${q}`} download>
          {t('elections.results.downloadCsv')}
        </a>
        {' · '}
        <a href={`${base}.json${q}`} download>
          {t('elections.results.downloadJson')}
        </a>
      </p>
      <p class="hint">{t('elections.results.downloadNote')}</p>
    </section>
  );
}

export function ResultsPage(p: {
  election: { id: number; title_ar: string; title_en: string };
  statement: StatementView | null;
  versions: Version[];
  latestVersion: number | null;
  /** the page of the tables by centre and station, and the town they show (null: all) */
  page: number;
  town: string | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = localized(p.election, 'title', i18n.locale);
  const title = `${t('elections.results.title')} — ${name}`;
  const s = p.statement;
  const changeNote = (v: Version) => localized(v, 'change_note', i18n.locale);
  return (
    <TitledLayout title={title}>
      <p>
        <a href={`/elections/${p.election.id}`}>{name}</a>
      </p>
      {!s ? (
        <p>{t('elections.results.noStatement')}</p>
      ) : (
        <article>
          <h2>{t('elections.statement.public')}</h2>
          <p class="meta">
            <VersionOn s={s} />
            {p.latestVersion !== null && s.version !== p.latestVersion ? (
              <>
                {' '}
                <a href={`/elections/${p.election.id}/results`}>{t('elections.statement.seeLatest')}</a>
              </>
            ) : null}
          </p>
          {s.version > 1 && changeNote(s) ? (
            <p class="notice--warn">
              {t('elections.statement.whatChanged')}: <UserText text={changeNote(s)} />
            </p>
          ) : null}
          <div class="prose">
            {localized(s, 'text', i18n.locale)
              .split(/\n{2,}/)
              .map((para) => (
                <p dir="auto">{para}</p>
              ))}
          </div>
          {s.figures.format === 2 ? (
            <Downloads electionId={p.election.id} version={s.version} latest={p.latestVersion} />
          ) : null}
          <FiguresBlock
            f={s.figures}
            index={s.index}
            place={{
              page: p.page,
              town: p.town,
              href: (n, town) => {
                const q = new URLSearchParams({
                  ...(s.version !== p.latestVersion ? { version: String(s.version) } : {}),
                  ...(town ? { town } : {}),
                  ...(n > 1 ? { page: String(n) } : {}),
                }).toString();
                return `/elections/${p.election.id}/results${q ? `?${q}` : ''}#centres`;
              },
            }}
          />
        </article>
      )}
      {p.versions.length > 1 ? (
        <>
          <h2>{t('elections.statement.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                <a href={`/elections/${p.election.id}/results?version=${v.version}`}>
                  <VersionOn s={v} />
                </a>
                {changeNote(v) ? (
                  <>
                    {' — '}
                    <UserText text={changeNote(v)} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </TitledLayout>
  );
}

export function TownElectionsSection(p: { elections: ElectionCard[] }) {
  const { i18n } = usePage();
  return (
    <section>
      <h2>{i18n.t('elections.townSection')}</h2>
      <ul>
        {p.elections.map((e) => (
          <li>
            <a href={`/elections/${e.id}`}>{localized(e, 'title', i18n.locale)}</a> —{' '}
            {i18n.date(dayAsDate(e.poll_date))} <ElectionStatus status={e.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

// Network pages: coverage by town and category (coordinators), HSDS import and export (admins).
import { localized } from '../../../core/i18n/localized.js';
import { DataTable, Ltr } from '../../../core/views/components.js';
import { usePage } from '../../../core/views/context.js';
import { Checkbox, Field, FileField, Form, FormErrorSummary } from '../../../core/views/forms.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import type { Counts } from '../hsds/import.js';
import { reasonText, type ProblemGroup } from '../hsds/problems.js';
import type { Prepared } from '../hsds/read.js';
import type { FileEntry } from '../hsds/tabular-import.js';
import { categoryLabel } from '../queries.js';
import type { Coverage } from './queries.js';
import type { Run } from './import-runs.js';

export function CoveragePage(p: { coverage: Coverage }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const c = p.coverage;
  const gaps = c.towns.reduce((n, tw) => n + c.categories.filter((cat) => !tw.counts[cat]).length, 0);
  return (
    <TitledLayout title={t('services.coverage.title')}>
      <p>{t('services.coverage.intro', { gaps })}</p>
      <DataTable
        class="svc-coverage"
        rows={c.towns}
        columns={[
          {
            label: t('services.coverage.town'),
            rowHeader: true,
            cell: (tw) => (
              <>
                <a href={`/towns/${tw.pcode}/services`}>{localized(tw, 'name', L)}</a>
                <br />
                <span class="meta">{localized(tw, 'adm2', L)}</span>
              </>
            ),
          },
          ...c.categories.map((cat) => ({
            label: categoryLabel(cat, L),
            class: 'svc-count',
            cell: (tw: Coverage['towns'][number]) =>
              tw.counts[cat] ? (
                <a class="has" href={`/services?town=${tw.pcode}&category=${cat}`}>
                  {i18n.number(tw.counts[cat]!)}
                </a>
              ) : (
                <span class="gap" title={t('services.coverage.gap')} aria-label={t('services.coverage.gap')}>
                  —
                </span>
              ),
          })),
        ]}
      />
    </TitledLayout>
  );
}

type ReadSummary = { version: Prepared['version']; files: FileEntry[]; mappedIds: number };
const VERSION = {
  json: 'services.admin.versionJson',
  '3.0': 'services.admin.versionV3',
  legacy: 'services.admin.versionLegacy',
  mixed: 'services.admin.versionMixed',
} as const;
export type ImportOutcome = ReadSummary &
  (
    | { ok: true; counts: Counts; linkedExisting: Partial<Record<string, number>> }
    | { ok: false; total: number; groups: ProblemGroup[] }
  );

/** What was read: the version, each file and what became of it. */
function ReadReport(p: ReadSummary) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      <p>{t(VERSION[p.version])}</p>
      {p.files.length ? (
        <DataTable
          rows={p.files}
          columns={[
            { label: t('services.admin.fileName'), rowHeader: true, cell: (f) => <Ltr>{f.file}</Ltr> },
            {
              label: t('services.admin.fileFate'),
              cell: (f) =>
                f.status === 'used' && f.as ? (
                  <>
                    {t('services.admin.fileRows', { count: f.rows })} → <Ltr>{f.as}</Ltr>
                    {f.legacy ? ` (${t('services.admin.olderName')})` : ''}
                    {f.unlisted ? ` (${t('services.admin.unlisted')})` : ''}
                  </>
                ) : f.status === 'notRead' ? (
                  t(f.why === 'document' ? 'services.admin.notReadDocument' : 'services.admin.notRead')
                ) : f.status === 'refused' ? (
                  <strong>{t('services.admin.refusedFile')}</strong>
                ) : (
                  t('services.admin.describes')
                ),
            },
          ]}
        />
      ) : null}
      {p.mappedIds ? <p class="meta">{t('services.admin.mappedIds', { count: p.mappedIds })}</p> : null}
    </>
  );
}

/** Problems by file, field and reason, with how many and a few of the values given. */
function ProblemGroups(p: { total: number; groups: ProblemGroup[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div role="alert">
      <p class="form-error">{t('services.admin.rejected', { count: p.total })}</p>
      <DataTable
        rows={p.groups}
        columns={[
          { label: t('services.admin.fileName'), rowHeader: true, cell: (g) => <Ltr>{g.file || '—'}</Ltr> },
          { label: t('services.admin.field'), cell: (g) => (g.field ? <Ltr>{g.field}</Ltr> : '—') },
          { label: t('services.admin.problem'), cell: (g) => reasonText(i18n, g) },
          { label: t('services.admin.count'), cell: (g) => i18n.number(g.count) },
          {
            label: t('services.admin.examples'),
            cell: (g) => (
              <>
                {g.values.map((v, i) => (
                  <>
                    {i ? '، ' : ''}
                    <bdi>«{v}»</bdi>
                  </>
                ))}
                {g.first ? (
                  <>
                    {g.values.length ? ' — ' : ''}
                    <Ltr>{g.first}</Ltr>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

export function ImportExportPage(p: {
  result?: ImportOutcome | null;
  error?: string | null;
  /** a rejected run's every problem, as a spreadsheet */
  problemsHref?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const r = p.result;
  return (
    <TitledLayout title={t('services.admin.title')}>
      <h2>{t('services.admin.export')}</h2>
      <ul>
        <li>
          <a href="/services/admin/export.json">{t('services.admin.exportJson')}</a>
        </li>
        <li>
          <a href="/services/admin/export.zip">{t('services.admin.exportTabular')}</a>
        </li>
        <li>
          <a href="/api/hsds/export/hxl.csv">{t('services.hxl.link')}</a>
        </li>
      </ul>
      <h2>{t('services.admin.import')}</h2>
      {r ? <ReadReport {...r} /> : null}
      {r?.ok ? (
        <div class="flash" role="status">
          <p>{t('services.admin.imported')}</p>
          <ul>
            {Object.entries(r.counts).map(([name, c]) => (
              <li>
                <Ltr>{name}</Ltr>: {t('services.admin.counts', { inserted: c.inserted, updated: c.updated })}
                {c.removed ? ` ${t('services.admin.removed', { count: c.removed })}` : ''}
              </li>
            ))}
          </ul>
          {Object.keys(r.linkedExisting).length ? (
            <p>
              {t('services.admin.linkedExisting')}{' '}
              {Object.entries(r.linkedExisting)
                .map(([name, n]) => `${name}: ${i18n.number(n ?? 0)}`)
                .join('، ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {r && !r.ok ? <ProblemGroups total={r.total} groups={r.groups} /> : null}
      {r && !r.ok && p.problemsHref ? (
        <p>
          <a href={p.problemsHref} download>
            {t('services.admin.run.problemsCsv')}
          </a>
        </p>
      ) : null}
      <FormErrorSummary message={p.error} />
      <p>{t('services.admin.importIntro')}</p>
      <Form action="/services/admin/import" multipart>
        <FileField
          name="file"
          label={t('services.admin.file')}
          accept=".json,.zip,application/json,application/zip"
          required
        />
        <Field name="source" label={t('services.admin.source')} hint={t('services.admin.sourceHint')} maxLength={100} />
        <Checkbox name="report" value="1" label={t('services.admin.report')} />
        <button type="submit">{t('services.admin.importButton')}</button>
      </Form>
    </TitledLayout>
  );
}

/** A run that outlasted its request: where it stands (refreshing itself), then its report. */
export function ImportRunPage(p: { run: Run }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const run = p.run;
  if (run.status === 'running' && !run.cutOff) {
    return (
      <Layout
        title={t('services.admin.run.title', { file: run.fileName })}
        head={<meta http-equiv="refresh" content="3" />}
      >
        <h1>{t('services.admin.run.title', { file: run.fileName })}</h1>
        <p class="meta">{t('services.admin.run.started', { when: i18n.dateTime(run.startedAt) })}</p>
        <p role="status">
          {run.phase === 'reading' ? t('services.admin.run.reading') : t('services.admin.run.writing')}{' '}
          {run.progress && run.progress.total
            ? t('services.admin.run.written', { written: run.progress.written, total: run.progress.total })
            : null}
        </p>
        {run.progress && run.progress.total ? <progress max={run.progress.total} value={run.progress.written} /> : null}
        <p>{t('services.admin.run.wait')}</p>
      </Layout>
    );
  }
  const error = run.cutOff
    ? t('services.admin.run.cutOff')
    : run.status === 'unreadable'
      ? t('services.admin.unreadable')
      : run.status === 'failed'
        ? t('services.admin.failed')
        : null;
  return (
    <ImportExportPage
      result={error ? null : run.outcome}
      error={error}
      problemsHref={run.status === 'rejected' ? `/services/admin/imports/${run.id}/problems.csv` : undefined}
    />
  );
}

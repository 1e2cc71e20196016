// Network pages: feedback moderation, coverage by town and category, HSDS import and export.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Form, FormErrorSummary } from '../../../core/views/forms.js';
import { Ltr } from '../../../core/views/components.js';
import { categoryLabel, type Coverage } from '../queries.js';
import { FeedbackItem, type FeedbackRow } from './manage.js';
import { ServicesHead } from './components.js';

export function ModerationPage(p: { items: FeedbackRow[] }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('services.moderation.title')} head={<ServicesHead />}>
      <h1>{t('services.moderation.title')}</h1>
      <p>{t('services.moderation.intro')}</p>
      {p.items.length ? (
        <ul class="card-list">
          {p.items.map((f) => (
            <FeedbackItem f={f} moderate />
          ))}
        </ul>
      ) : (
        <p>{t('services.moderation.empty')}</p>
      )}
    </Layout>
  );
}

export function CoveragePage(p: { coverage: Coverage }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const c = p.coverage;
  const gaps = c.towns.reduce((n, tw) => n + c.categories.filter((cat) => !tw.counts[cat]).length, 0);
  return (
    <Layout title={t('services.coverage.title')} head={<ServicesHead />}>
      <h1>{t('services.coverage.title')}</h1>
      <p>{t('services.coverage.intro', { gaps })}</p>
      <div class="table-wrap">
        <table class="svc-coverage">
          <thead>
            <tr>
              <th scope="col">{t('services.coverage.town')}</th>
              {c.categories.map((cat) => (
                <th scope="col">{categoryLabel(cat, L)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.towns.map((tw) => (
              <tr>
                <th scope="row">
                  <a href={`/towns/${tw.pcode}/services`}>{L === 'ar' ? tw.name_ar : tw.name_en}</a>
                  <br />
                  <span class="meta">{L === 'ar' ? tw.adm2_ar : tw.adm2_en}</span>
                </th>
                {c.categories.map((cat) =>
                  tw.counts[cat] ? (
                    <td class="has">
                      <a href={`/services?town=${tw.pcode}&category=${cat}`}>{i18n.number(tw.counts[cat]!)}</a>
                    </td>
                  ) : (
                    <td class="gap" title={t('services.coverage.gap')}>
                      <span aria-label={t('services.coverage.gap')}>—</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function ImportExportPage(p: {
  result?: { ok: true; summary: string } | { ok: false; rejected: { record: string; reason: string }[] } | null;
  error?: string | null;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('services.admin.title')} head={<ServicesHead />}>
      <h1>{t('services.admin.title')}</h1>
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
      <p>{t('services.admin.importIntro')}</p>
      {p.result?.ok ? (
        <p class="flash" role="status">
          {p.result.summary}
        </p>
      ) : null}
      {p.result && !p.result.ok ? (
        <div role="alert">
          <p class="form-error">{t('services.admin.rejected', { count: p.result.rejected.length })}</p>
          <ol>
            {p.result.rejected.slice(0, 200).map((r) => (
              <li>
                <Ltr>
                  {r.record}: {r.reason}
                </Ltr>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <FormErrorSummary message={p.error} />
      <Form action="/services/admin/import" multipart>
        <div class="field">
          <label for="f-file">{t('services.admin.file')}</label>
          <input id="f-file" type="file" name="file" accept=".json,.zip,application/json,application/zip" required />
        </div>
        <button type="submit">{t('services.admin.importButton')}</button>
      </Form>
    </Layout>
  );
}

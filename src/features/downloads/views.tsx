// A download's page: while the file is built it refreshes itself (no JavaScript) and says how far
// it has got; once ready it offers the file, says until when it is kept, and lets it be removed.
import { Layout } from '../../core/views/Layout.js';
import { usePage } from '../../core/views/context.js';
import { ButtonForm } from '../../core/views/forms.js';
import type { Download } from '../../core/downloads/index.js';

/** Megabytes with one decimal (at least 0.1): what a person on a metered phone line weighs. */
const megabytes = (bytes: number) => Math.max(0.1, Math.round(bytes / 104_857.6) / 10);

export function DownloadPage(p: { download: Download }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const d = p.download;
  const title = t('downloads.title', { file: d.fileName });
  const building = d.status === 'running' && !d.cutOff;
  return (
    <Layout title={title} head={building ? <meta http-equiv="refresh" content="3" /> : undefined}>
      <h1>{title}</h1>
      <p class="meta">{t('downloads.started', { when: i18n.dateTime(d.startedAt) })}</p>
      {building ? (
        <>
          <p role="status">
            {t('downloads.building')}{' '}
            {d.progress && d.progress.total
              ? t('downloads.progress', { percent: Math.floor((100 * d.progress.done) / d.progress.total) })
              : null}
          </p>
          {d.progress && d.progress.total ? <progress max={d.progress.total} value={d.progress.done} /> : null}
          <p>{t('downloads.wait')}</p>
        </>
      ) : d.status === 'ready' ? (
        <>
          <p role="status">{t('downloads.ready', { size: megabytes(d.bytes ?? 0) })}</p>
          <p>
            <a class="button" href={`/downloads/${d.id}/file`} download={d.fileName}>
              {t('downloads.get')}
            </a>
          </p>
          <p class="meta">{t('downloads.keptUntil', { when: i18n.dateTime(d.expiresAt) })}</p>
          <ButtonForm action={`/downloads/${d.id}/remove`} class="secondary" label={t('downloads.remove')} />
        </>
      ) : (
        <p role="alert" class="error">
          {d.cutOff ? t('downloads.cutOff') : t('downloads.failed')}
        </p>
      )}
      <p>
        <a href={d.backTo}>{t('downloads.back')}</a>
      </p>
    </Layout>
  );
}

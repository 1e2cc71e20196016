// The public moderation log: what moderators (and the community's flags) did, and why. Never who
// acted or who flagged.
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { Empty, Pagination } from '../../../../core/views/components.js';
import type { Chrome } from '../../context.js';
import { Breadcrumb, ForumNav, Name, When } from '../../components.js';

export type ModLogRow = {
  id: number;
  at: string;
  action: string;
  reason: string;
  target: { href: string; title: string } | null;
  targetHidden: boolean;
  categoryName: string | null;
  subjectName: string | null;
  days: number | null;
};

export function ModerationLogPage(p: Chrome & { rows: ModLogRow[]; page: number; pageCount: number }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('forum.modLog.title')} description={t('forum.modLog.intro')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.modLog.title') }]} />
      <h1>{t('forum.modLog.title')}</h1>
      <p>{t('forum.modLog.intro')}</p>
      <ForumNav moderator={p.moderator} />
      {p.rows.length === 0 ? <Empty text={t('forum.modLog.empty')} /> : null}
      <ol class="card-list mod-log">
        {p.rows.map((r) => (
          <li class="card">
            <p>
              <strong>{t(`forum.modAction.${r.action}` as never)}</strong>
              {' — '}
              {r.action === 'post.autohide' ? t('forum.modLog.byCommunity') : t('forum.modLog.by')}
            </p>
            <p class="meta">
              <When value={r.at} />
              {r.target ? (
                <>
                  {' · '}
                  <a href={r.target.href} dir="auto">
                    {r.target.title}
                  </a>
                </>
              ) : r.targetHidden ? (
                <> · {t('forum.modLog.targetHidden')}</>
              ) : null}
              {r.categoryName ? <> · {r.categoryName}</> : null}
              {r.subjectName ? (
                <>
                  {' · '}
                  {t('forum.modLog.member')} <Name name={r.subjectName} />
                </>
              ) : null}
              {r.days ? <> · {t('forum.modLog.days', { count: r.days })}</> : null}
            </p>
            {r.reason ? (
              <p>
                {t('forum.modLog.reason')} <span dir="auto">{r.reason}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={(n) => `/forum/moderation-log?page=${n}`} />
    </Layout>
  );
}

// An organization's own page in the directory: its services (details not confirmed for six months
// flagged), its places, and the feedback the moderators let through.
import { localized } from '../../../../core/i18n/localized.js';
import { DataTable, Empty, Ltr, StatusBadge } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { ButtonForm } from '../../../../core/views/forms.js';
import { TitledLayout } from '../../../../core/views/Layout.js';
import { FeedbackItem } from '../../feedback/views.js';
import type { FeedbackRow } from '../../feedback/queries.js';
import type { ManageLocation } from '../queries.js';

export type ManageService = {
  id: string;
  href: string;
  name_ar: string | null;
  name_en: string | null;
  status: string;
  verifiedAt: string | null;
  stale: boolean;
};

/** "Active", "Temporarily closed", … */
export const statusName = (t: ReturnType<typeof usePage>['i18n']['t'], status: string) =>
  t(`services.statusName.${status.replace(' ', '_')}` as never);

export function ManagePage(p: {
  orgs: { id: number; name: string }[];
  orgId: number;
  services: ManageService[];
  locations: ManageLocation[];
  feedback: FeedbackRow[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const staleCount = p.services.filter((s) => s.stale).length;
  return (
    <TitledLayout title={t('services.manage.title')}>
      {p.orgs.length > 1 ? (
        <p>
          {p.orgs.map((o, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              {o.id === p.orgId ? <strong>{o.name}</strong> : <a href={`/services/manage?org=${o.id}`}>{o.name}</a>}
            </>
          ))}
        </p>
      ) : (
        <p class="meta">
          <bdi>{p.orgs[0]?.name}</bdi>
        </p>
      )}
      {staleCount ? (
        <p class="notice--warn" role="status">
          {t('services.manage.staleWarning', { count: staleCount })}
        </p>
      ) : null}
      <p class="actions">
        <a class="button" href={`/services/new?org=${p.orgId}`}>
          {t('services.manage.newService')}
        </a>
        <a class="button secondary" href={`/services/locations/new?org=${p.orgId}`}>
          {t('services.manage.newLocation')}
        </a>
      </p>
      <h2>{t('services.manage.services')}</h2>
      <DataTable
        rows={p.services}
        empty={t('services.manage.noServices')}
        columns={[
          {
            label: t('services.manage.name'),
            rowHeader: true,
            cell: (s) => (
              <a href={s.href} dir="auto">
                {localized(s, 'name', L)}
              </a>
            ),
          },
          { label: t('services.manage.status'), cell: (s) => <StatusBadge label={statusName(t, s.status)} /> },
          {
            label: t('services.manage.confirmed'),
            cell: (s) => (
              <span class={s.stale ? 'svc-stale' : undefined}>
                {s.verifiedAt ? i18n.date(s.verifiedAt) : t('services.neverConfirmed')}
                {s.stale ? ` — ${t('services.manage.needsConfirming')}` : ''}
              </span>
            ),
          },
          {
            label: '',
            cell: (s) => (
              <>
                <a href={`/services/${s.id}/edit`}>{t('common.edit')}</a> ·{' '}
                <a href={`/services/${s.id}/hours`}>{t('services.manage.hours')}</a>
                <ButtonForm
                  action={`/services/${s.id}/confirm`}
                  class="secondary"
                  label={t('services.manage.confirm')}
                />
              </>
            ),
          },
        ]}
      />
      <h2>{t('services.manage.locations')}</h2>
      {p.locations.length ? (
        <ul>
          {p.locations.map((l) => (
            <li>
              <bdi>{localized(l, 'name', L)}</bdi> — {localized(l, 'town', L)} (<Ltr>{l.town_pcode ?? ''}</Ltr>) ·{' '}
              <a href={`/services/locations/${l.id}/edit`}>{t('common.edit')}</a>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('services.manage.noLocations')} />
      )}
      <h2>{t('services.manage.feedback')}</h2>
      {p.feedback.length ? (
        <ul class="card-list">
          {p.feedback.map((f) => (
            <FeedbackItem
              f={f}
              resolveAction={
                f.kind === 'report' && !f.resolved_at ? `/services/manage/reports/resolve?org=${p.orgId}` : null
              }
            />
          ))}
        </ul>
      ) : (
        <Empty text={t('services.manage.noFeedback')} />
      )}
    </TitledLayout>
  );
}

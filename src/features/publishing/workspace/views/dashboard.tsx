// The workspace's first page: the editors' queue, and each of the person's organizations with
// what it has written and where each item stands.
import { localized } from '../../../../core/i18n/localized.js';
import { usePage } from '../../../../core/views/context.js';
import { DataTable, StatusBadge } from '../../../../core/views/components.js';
import type { ItemCard, OrgRef } from '../../queries.js';
import type { ItemKind, ItemStatus } from '../../tables.js';
import { kindLabel } from '../../views/components.js';
import { TitledLayout } from '../../../../core/views/Layout.js';

/** An item's workflow status: published reads as done, returned draws the eye. */
export function ItemStatusBadge(p: { status: ItemStatus }) {
  const { t } = usePage().i18n;
  const tone = p.status === 'published' ? 'ok' : p.status === 'returned' ? 'warn' : 'plain';
  return <StatusBadge label={t(`publishing.status.${p.status}` as never)} tone={tone} />;
}

function ItemTable(p: { items: ItemCard[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <DataTable
      class="pub-table"
      rows={p.items}
      empty={t('publishing.ws.empty')}
      columns={[
        {
          label: t('publishing.form.title'),
          rowHeader: true,
          cell: (it) => (
            <a href={`/publishing/items/${it.id}`} dir="auto" lang={it.lang}>
              {it.title}
            </a>
          ),
        },
        { label: t('publishing.ws.kind'), cell: (it) => kindLabel(t, it.kind) },
        { label: t('publishing.ws.status'), cell: (it) => <ItemStatusBadge status={it.status} /> },
        {
          label: t('publishing.ws.organization'),
          cell: (it) => (it.organization ? localized(it.organization, 'name', i18n.locale) : t('publishing.byNetwork')),
        },
      ]}
    />
  );
}

export function DashboardPage(p: {
  orgs: (OrgRef & { canCreate: ItemKind[]; items: ItemCard[] })[];
  editor: { queue: ItemCard[]; kinds: ItemKind[] } | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <TitledLayout title={t('publishing.ws.title')}>
      {!p.editor && !p.orgs.length ? <p>{t('publishing.ws.notStaff')}</p> : null}
      {p.editor ? (
        <section aria-labelledby="h-queue">
          <h2 id="h-queue">{t('publishing.ws.queue')}</h2>
          <ItemTable items={p.editor.queue} />
          <p class="actions">
            {p.editor.kinds.map((k) => (
              <a class="button secondary" href={`/publishing/network/new?kind=${k}`}>
                {t('publishing.ws.newOf', { kind: kindLabel(t, k) })}
              </a>
            ))}
          </p>
        </section>
      ) : null}
      {p.orgs.map((o) => (
        <section aria-labelledby={`h-org-${o.id}`}>
          <h2 id={`h-org-${o.id}`}>{localized(o, 'name', i18n.locale)}</h2>
          <p class="actions">
            {o.canCreate.map((k) => (
              <a class="button secondary" href={`/publishing/new?kind=${k}&org=${o.id}`}>
                {t('publishing.ws.newOf', { kind: kindLabel(t, k) })}
              </a>
            ))}
          </p>
          <ItemTable items={o.items} />
        </section>
      ))}
    </TitledLayout>
  );
}

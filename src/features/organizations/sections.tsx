// The organizations block of a person's start page (/start, the manifest's `sections`): the
// organizations they work for, their role, the way to each one's staff — and, said before it
// matters, where they are the only admin (another should be named before they ever leave).
import type { Section } from '../../core/views/sections.js';
import { usePage } from '../../core/views/context.js';
import { localized } from '../../core/i18n/localized.js';
import { StatusBadge } from '../../core/views/components.js';
import { organizationsOf, soleAdminOrganizations } from './staff/queries.js';
import { orgPath } from './views/pages.js';

type Mine = Awaited<ReturnType<typeof organizationsOf>>[number] & { soleAdmin: boolean };

function MyOrganizations(p: { orgs: Mine[] }) {
  const { t, locale } = usePage().i18n;
  return (
    <section class="start-block" aria-labelledby="start-organizations">
      <h2 id="start-organizations">{t('organizations.start.title', { count: p.orgs.length })}</h2>
      <ul>
        {p.orgs.map((o) => (
          <li>
            <a href={orgPath(o)}>{localized(o, 'name', locale)}</a> — {t(`role.${o.role}`)}
            {o.represents ? (
              <>
                {' '}
                <StatusBadge label={t('organizations.staff.representative')} />
              </>
            ) : null}{' '}
            · <a href={`/organizations/${o.id}/staff`}>{t('organizations.staff.title')}</a>
            {o.soleAdmin ? <p class="notice--warn">{t('organizations.start.soleAdmin')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const organizationSections: Section[] = [
  {
    slot: 'start',
    order: 90,
    async load(req) {
      const user = req.actor.user;
      if (!user || !req.actor.orgRoles.size) return null;
      const db = req.server.wasl.db;
      const [orgs, sole] = await Promise.all([organizationsOf(db, user.id), soleAdminOrganizations(db, user.id)]);
      const soleIds = new Set(sole.map((o) => o.id));
      return <MyOrganizations orgs={orgs.map((o) => ({ ...o, soleAdmin: soleIds.has(o.id) }))} />;
    },
  },
];

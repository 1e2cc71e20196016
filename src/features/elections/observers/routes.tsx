// Observers of an election: the list (names and phones for coordinators only), a new observer
// with a secret shown once, revocation, a new secret, and "no network" marked from a phone call.
import { hashPassword } from '../../../core/auth/passwords.js';
import { action, page, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import { electionPartners, type Election } from '../queries.js';
import { emptyForm, observerForm } from '../schemas.js';
import { pageForm } from '../kit.js';
import { listStations } from '../stations/queries.js';
import {
  createObserver,
  getObserver,
  listObservers,
  observerCodeTaken,
  reissueObserverSecret,
  revokeObserver,
  setNoNetwork,
} from './queries.js';
import { newObserverSecret, normalizeSecret } from './secret.js';
import { ObserversPage } from './views.js';

const access = 'member' as const;
const observer = (a: 'change') => within(a, 'oid', getObserver);

async function observersPage(
  c: MemberCtx,
  e: Election,
  state: FormState | null,
  issued?: { code: string; secret: string },
) {
  const [observers, stations, partners] = await Promise.all([
    listObservers(c.db, e.id),
    listStations(c.db, e.id),
    electionPartners(c.db, e.id),
  ]);
  // Secrets are shown once: never cached.
  c.reply.header('cache-control', 'no-store');
  return (
    <ObserversPage
      e={e}
      observers={observers}
      orgs={partners.filter((p) => p.organization_id).map((p) => ({ ...p, id: p.organization_id! }))}
      stations={stations.map((s) => ({ id: s.id, label: `${s.centre_code} ${s.code}` }))}
      canChange={canChange(c, e)}
      state={state}
      issued={issued}
    />
  );
}

export const observerRoutes = [
  page('/elections/:id/observers', {
    access,
    load: election('coordinate'),
    render: (c, e) => observersPage(c, e, null),
  }),

  // The secret is shown in this answer only (like recovery codes): the page is not stored.
  pageForm('/elections/:id/observers', {
    access,
    load: election('change'),
    schema: observerForm,
    show: (c, e, state) => observersPage(c, e, state),
    async check(c, e, d) {
      const errors: Record<string, string> = {};
      const partners = await electionPartners(c.db, e.id);
      if (!partners.some((p) => p.organization_id === d.organization_id))
        errors.organization_id = c.t('form.invalidChoice');
      const stationIds = new Set((await listStations(c.db, e.id)).map((s) => s.id));
      if (d.stations.some((s) => !stationIds.has(s))) errors.stations = c.t('form.invalidChoice');
      if (d.stations.length === 0) errors.stations = c.t('elections.observers.needStation');
      if (d.kind === 'fixed' && d.stations.length > 1) errors.stations = c.t('elections.observers.fixedOne');
      if (d.supervisor_id !== null && !(await getObserver(c.db, e.id, d.supervisor_id)))
        errors.supervisor_id = c.t('form.invalidChoice');
      if (await observerCodeTaken(c.db, d.code)) errors.code = c.t('elections.observers.codeTaken');
      return errors;
    },
    async save(c, e, d) {
      const secret = newObserverSecret();
      const id = await createObserver(c.db, e.id, d, await hashPassword(normalizeSecret(secret)), c.now);
      await c.audit('election.observer.created', {
        targetType: 'observer',
        targetId: id,
        organizationId: d.organization_id,
      });
      return observersPage(c, e, null, { code: d.code, secret });
    },
  }),

  action('/elections/:id/observers/:oid/revoke', {
    access,
    load: observer('change'),
    schema: emptyForm,
    async run(c, { e, row: o }) {
      await revokeObserver(c.db, o.id, c.now);
      await c.audit('election.observer.revoked', { targetType: 'observer', targetId: o.id });
      return { to: `/elections/${e.id}/observers`, flash: 'elections.observers.revoked' };
    },
  }),

  pageForm('/elections/:id/observers/:oid/reissue', {
    access,
    load: observer('change'),
    schema: emptyForm,
    show: (c, { e }, state) => observersPage(c, e, state),
    async save(c, { e, row: o }) {
      const secret = newObserverSecret();
      await reissueObserverSecret(c.db, o.id, await hashPassword(normalizeSecret(secret)));
      await c.audit('election.observer.reissued', { targetType: 'observer', targetId: o.id });
      return observersPage(c, e, null, { code: o.code, secret });
    },
  }),

  action('/elections/:id/observers/:oid/no-network', {
    access,
    load: observer('change'),
    schema: emptyForm,
    async run(c, { e, row: o }) {
      await setNoNetwork(c.db, [o.id], o.no_network_at ? null : c.now);
      return { to: `/elections/${e.id}/observers`, flash: 'common.saved' };
    },
  }),
];

// Observers of an election: the list (names and phones for coordinators only, a page at a time),
// a new observer or a spreadsheet of them (answered by their printable cards, secrets shown once),
// one observer's page — corrected, revoked and restored, a new secret or a new code, "no network"
// marked from a phone call, their sign-in attempts, removed while they have sent nothing.
import { endpoint, form, FormErrors, page, type MemberCtx } from '../../../core/http/route.js';
import { listRequest, managedButton } from '../kit.js';
import { csvTemplate } from '../../../core/text/csv-import.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import { electionPartners, type Election } from '../queries.js';
import { cardsForm, emptyForm, importForm, observerForm } from '../schemas.js';
import { uploadedText } from '../csv.js';
import { stationsByRef } from '../stations/queries.js';
import { CardsPage, cardsFor } from './cards.js';
import { MAX_OBSERVER_ROWS, OBSERVER_COLUMNS, OBSERVER_EXAMPLE, readObservers } from './csv.js';
import {
  assignmentsOf,
  createObservers,
  deleteObserver,
  freshCodes,
  getObserver,
  newObserverCodeFor,
  observersPage,
  reissueObserverSecret,
  reportsBy,
  restoreObserver,
  revokeObserver,
  setNoNetwork,
  signInAttempts,
  type ObserverInput,
  type ObserverRow,
  updateObserver,
} from './queries.js';
import { issueSecret, normalizeObserverCode } from './secret.js';
import { ObserverPage, ObserversPage } from './views.js';

const access = 'member' as const;
const observer = (a: 'coordinate' | 'change') => within(a, 'oid', getObserver);

/** Member organizations on the election (organizers and partners): whose observers these are. */
async function observerOrgs(c: MemberCtx, e: Election) {
  return (await electionPartners(c.db, e.id))
    .filter((p) => p.organization_id)
    .map((p) => ({ id: p.organization_id!, name_ar: p.name_ar, name_en: p.name_en }));
}

async function listPage(c: MemberCtx, e: Election, state: FormState | null) {
  const request = listRequest(c, e, state, MAX_OBSERVER_ROWS);
  const [list, orgs] = await Promise.all([
    observersPage(c.db, c.wasl.dialect, e.id, { ...request.query, now: c.now }),
    observerOrgs(c, e),
  ]);
  return <ObserversPage {...request} {...list} orgs={orgs} />;
}

async function observerPage(c: MemberCtx, e: Election, o: ObserverRow, state: FormState | null) {
  const [stations, attempts, orgs, reports, supervisor] = await Promise.all([
    assignmentsOf(c.db, [o.id]),
    signInAttempts(c.db, o.id),
    observerOrgs(c, e),
    reportsBy(c.db, o.id),
    o.supervisor_id ? getObserver(c.db, e.id, o.supervisor_id) : null,
  ]);
  return (
    <ObserverPage
      e={e}
      o={{ ...o, stations: stations.get(o.id) ?? [], supervisor: supervisor?.code ?? '' }}
      attempts={attempts}
      orgs={orgs}
      reports={reports}
      state={state}
      canChange={canChange(c, e)}
    />
  );
}

/** The forms of one observer's page: shown again on that page when refused. */
const onObserverPage = {
  access,
  load: observer('change'),
  show: (c: MemberCtx, { e, row }: { e: Election; row: ObserverRow }, state: FormState | null) =>
    observerPage(c, e, row, state),
};

type Posted = {
  name: string;
  phone: string | null;
  organization_id: number;
  kind: 'fixed' | 'mobile';
  route_name: string;
  supervisor: string;
  stations: string;
};

/** The posted observer checked against the election: its organization, stations and supervisor. */
async function checkedObserver(c: MemberCtx, e: Election, d: Posted, self: number | null): Promise<ObserverInput> {
  const errors: Record<string, string> = {};
  if (!(await observerOrgs(c, e)).some((o) => o.id === d.organization_id))
    errors.organization_id = c.t('form.invalidChoice');
  const refs = d.stations
    .split(/[,;،؛\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const found = await stationsByRef(c.db, e.id, refs);
  if (found.unknown.length)
    errors.stations = c.t('elections.observers.unknownStations', { refs: found.unknown.join('، ') });
  else if (!found.ids.length) errors.stations = c.t('elections.observers.needStation');
  else if (d.kind === 'fixed' && found.ids.length > 1) errors.stations = c.t('elections.observers.fixedOne');
  let supervisor: number | null = null;
  if (d.supervisor) {
    const s = await c.db
      .selectFrom('observers')
      .select('id')
      .where('election_id', '=', e.id)
      .where('code', '=', normalizeObserverCode(d.supervisor))
      .executeTakeFirst();
    if (!s || s.id === self) errors.supervisor = c.t('elections.observers.unknownSupervisor');
    else supervisor = s.id;
  }
  if (Object.keys(errors).length) throw new FormErrors(errors);
  const { supervisor: _, stations: __, ...rest } = d;
  return { ...rest, supervisor_id: supervisor, stations: found.ids };
}

/** New observers with drawn codes and new secrets, answered by their cards. */
async function issue(c: MemberCtx, e: Election, list: ObserverInput[]) {
  const codes = await freshCodes(c.db, list.length);
  const secrets: { secret: string; hash: string }[] = [];
  for (let i = 0; i < list.length; i += 8) secrets.push(...(await Promise.all(list.slice(i, i + 8).map(issueSecret))));
  const ids = await createObservers(
    c.db,
    e.id,
    list.map((o, i) => ({ ...o, code: codes[i]!, secretHash: secrets[i]!.hash })),
    c.now,
  );
  await c.audit('election.observer.created', {
    targetType: 'election',
    targetId: e.id,
    details: { observers: ids.length },
  });
  const cards = await cardsFor(
    c,
    list.map((o, i) => ({ id: ids[i]!, code: codes[i]!, name: o.name, secret: secrets[i]!.secret })),
  );
  return <CardsPage e={e} cards={cards} appUrl={`${c.wasl.config.baseUrl}/observe/`} />;
}

const back = (e: Election, o: { id: number }) => `/elections/${e.id}/observers/${o.id}`;

export const observerRoutes = [
  page('/elections/:id/observers', {
    access,
    load: election('coordinate'),
    render: (c, e) => listPage(c, e, null),
  }),

  // The secret is shown in this answer only (like recovery codes): the page is not stored.
  form('/elections/:id/observers', {
    access,
    load: election('change'),
    schema: observerForm,
    show: listPage,
    save: async (c, e, d) => issue(c, e, [await checkedObserver(c, e, d, null)]),
  }),

  endpoint('GET', '/elections/:id/observers/template.csv', {
    access,
    load: election('coordinate'),
    handle: (c) =>
      c.reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="observers.csv"')
        .send(csvTemplate(OBSERVER_COLUMNS, OBSERVER_EXAMPLE)),
  }),

  form('/elections/:id/observers/import', {
    access,
    load: election('change'),
    schema: importForm,
    show: listPage,
    async save(c, e, d) {
      const text = uploadedText(d.file, d.csv);
      if (!text.trim()) throw new FormErrors({ csv: c.t('form.required') });
      const read = await readObservers(c.db, e.id, text, await observerOrgs(c, e), c.i18n);
      if (!read.ok) throw new FormErrors({}, { extra: { problems: read.problems } });
      return issue(c, e, read.observers);
    },
  }),

  // Cards printed again: each chosen observer gets a new secret (the old one stops working).
  form('/elections/:id/observers/cards', {
    access,
    load: election('change'),
    schema: cardsForm,
    show: listPage,
    async save(c, e, d) {
      const chosen = (await Promise.all(d.observers.map((id) => getObserver(c.db, e.id, id)))).filter((o) => !!o);
      const issued = [];
      for (const o of chosen) {
        const { secret, hash } = await issueSecret();
        await reissueObserverSecret(c.db, o.id, hash);
        issued.push({ id: o.id, code: o.code, name: o.name, secret });
      }
      await c.audit('election.observer.reissued', {
        targetType: 'election',
        targetId: e.id,
        details: { observers: issued.length },
      });
      return <CardsPage e={e} cards={await cardsFor(c, issued)} appUrl={`${c.wasl.config.baseUrl}/observe/`} />;
    },
  }),

  page('/elections/:id/observers/:oid', {
    access,
    load: observer('coordinate'),
    render: (c, { e, row }) => observerPage(c, e, row, null),
  }),

  form('/elections/:id/observers/:oid', {
    ...onObserverPage,
    schema: observerForm,
    async save(c, { e, row: o }, d) {
      await updateObserver(c.db, e.id, o.id, await checkedObserver(c, e, d, o.id));
      await c.audit('election.observer.edited', { targetType: 'observer', targetId: o.id });
      return back(e, o);
    },
  }),

  managedButton('/elections/:id/observers/:oid/revoke', observer('change'), async (c, { e, row: o }) => {
    await revokeObserver(c.db, o.id, c.now);
    await c.audit('election.observer.revoked', { targetType: 'observer', targetId: o.id });
    return { to: back(e, o), flash: 'elections.observers.revoked' };
  }),

  managedButton('/elections/:id/observers/:oid/restore', observer('change'), async (c, { e, row: o }) => {
    if (o.status === 'revoked' && o.secret_hash) {
      await restoreObserver(c.db, o.id);
      await c.audit('election.observer.restored', { targetType: 'observer', targetId: o.id });
    }
    return {
      to: back(e, o),
      flash: o.secret_hash ? 'elections.observers.restored' : 'elections.observers.needSecret',
    };
  }),

  form('/elections/:id/observers/:oid/reissue', {
    ...onObserverPage,
    schema: emptyForm,
    async save(c, { e, row: o }) {
      const { secret, hash } = await issueSecret();
      await reissueObserverSecret(c.db, o.id, hash);
      await c.audit('election.observer.reissued', { targetType: 'observer', targetId: o.id });
      return (
        <CardsPage e={e} cards={await cardsFor(c, [{ ...o, secret }])} appUrl={`${c.wasl.config.baseUrl}/observe/`} />
      );
    },
  }),

  managedButton('/elections/:id/observers/:oid/new-code', observer('change'), async (c, { e, row: o }) => {
    const code = await newObserverCodeFor(c.db, o.id);
    await c.audit('election.observer.newCode', { targetType: 'observer', targetId: o.id, details: { code } });
    return { to: back(e, o), flash: 'elections.observers.codeChanged' };
  }),

  managedButton('/elections/:id/observers/:oid/no-network', observer('change'), async (c, { e, row: o }) => {
    await setNoNetwork(c.db, [o.id], o.no_network_at ? null : c.now);
    return { to: back(e, o), flash: 'common.saved' };
  }),

  managedButton('/elections/:id/observers/:oid/delete', observer('change'), async (c, { e, row: o }) => {
    if (await reportsBy(c.db, o.id)) return { to: back(e, o), flash: 'elections.observers.keptReports' };
    await deleteObserver(c.db, e.id, o.id);
    await c.audit('election.observer.deleted', { targetType: 'observer', targetId: o.id, details: { code: o.code } });
    return { to: `/elections/${e.id}/observers`, flash: 'elections.observers.deleted' };
  }),
];

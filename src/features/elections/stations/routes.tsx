// Polling centres and stations: the election's centres (a page at a time, found by code, name or
// town), a spreadsheet of both (all rows or none, every bad row named, a template to fill in), a
// centre's page (its details and stations, each corrected or removed while nothing depends on it)
// and the printed list of the observers at a centre.
import { flag } from '../../../core/db/helpers.js';
import { endpoint, form, FormErrors, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import { csvTemplate } from '../../../core/text/csv-import.js';
import { checkTowns, townMessages } from '../../../core/towns/picker.js';
import type { FormState } from '../../../core/views/forms.js';
import { canChange, election, within } from '../permissions.js';
import type { Election } from '../queries.js';
import { listRequest, managedButton } from '../kit.js';
import { centreForm, importForm, stationForm } from '../schemas.js';
import { uploadedText } from '../csv.js';
import { observersAtCentre } from '../observers/queries.js';
import { importStations, MAX_STATION_ROWS, STATION_COLUMNS, STATION_EXAMPLE } from './csv.js';
import {
  addCentre,
  addStation,
  centreByCode,
  centresPage,
  deleteCentre,
  deleteStation,
  getCentre,
  getStation,
  placeCounts,
  stationCodeTaken,
  stationsOfCentre,
  stationUse,
  updateCentre,
  updateStation,
  type Centre,
} from './queries.js';
import { CentrePage, CentrePrintPage, StationsPage } from './views.js';

const access = 'member' as const;
const centre = (a: 'coordinate' | 'change') => within(a, 'cid', getCentre);

/** A station of the path's centre, or 404. */
const stationOf = (a: 'coordinate' | 'change') => async (c: AnyCtx) => {
  const { e, row } = await centre(a)(c);
  const station = await getStation(c.db, e.id, c.id('sid'));
  if (!station || station.centre_id !== row.id) notFound();
  return { e, row, station };
};

async function stationsPage(c: MemberCtx, e: Election, state: FormState | null) {
  const request = listRequest(c, e, state, MAX_STATION_ROWS);
  const [list, counts] = await Promise.all([
    centresPage(c.db, c.wasl.dialect, e.id, request.query),
    placeCounts(c.db, e.id),
  ]);
  return <StationsPage {...request} {...list} counts={counts} />;
}

async function centrePage(c: MemberCtx, e: Election, cen: Centre, state: FormState | null, open?: number) {
  return (
    <CentrePage
      e={e}
      centre={cen}
      stations={await stationsOfCentre(c.db, cen.id)}
      open={open ?? null}
      state={state}
      canChange={canChange(c, e)}
    />
  );
}

/** The centre's town by name or P-code, and a code no other centre of the election has. */
async function checkCentre(c: MemberCtx, e: Election, d: { code: string; town: string }, self: number | null) {
  const towns = await checkTowns(c.db, c.locale, d, { single: ['town'] }, townMessages(c.t));
  if (towns) throw new FormErrors(towns.errors, { extra: { townChoices: towns.choices } });
  const other = await centreByCode(c.db, e.id, d.code);
  if (other && other.id !== self) throw new FormErrors({ code: c.t('elections.stations.codeTaken') });
}

const centreFields = (d: { code: string; town: string; name_ar: string; name_en: string }) => ({
  code: d.code,
  town_pcode: d.town,
  name_ar: d.name_ar,
  name_en: d.name_en,
});
const stationFields = (d: {
  code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: boolean;
}) => ({
  ...d,
  women_only: flag(d.women_only),
});

/** Whether nothing depends on these stations; otherwise the message that says why they stay. */
async function removable(c: MemberCtx, stationIds: number[]) {
  const use = await stationUse(c.db, stationIds);
  if (use.reports) return 'elections.stations.keptReports' as const;
  if (use.observers) return 'elections.stations.keptObservers' as const;
  return null;
}

export const stationRoutes = [
  page('/elections/:id/stations', {
    access,
    load: election('coordinate'),
    render: (c, e) => stationsPage(c, e, null),
  }),

  endpoint('GET', '/elections/:id/stations/template.csv', {
    access,
    load: election('coordinate'),
    handle: (c) =>
      c.reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="stations.csv"')
        .send(csvTemplate(STATION_COLUMNS, STATION_EXAMPLE)),
  }),

  form('/elections/:id/stations/import', {
    access,
    load: election('change'),
    schema: importForm,
    show: stationsPage,
    bodyLimit: 12 * 1024 * 1024,
    async save(c, e, d) {
      const text = uploadedText(d.file, d.csv);
      if (!text.trim()) throw new FormErrors({ csv: c.t('form.required') });
      const result = await importStations(c.db, e.id, text, c.i18n);
      if (!result.ok) throw new FormErrors({}, { extra: { problems: result.problems } });
      await c.audit('election.stations.imported', {
        targetType: 'election',
        targetId: e.id,
        details: { centres: result.centres, stations: result.stations },
      });
      return { to: `/elections/${e.id}/stations`, flash: 'elections.stations.imported' };
    },
  }),

  form('/elections/:id/stations/centres', {
    access,
    load: election('change'),
    schema: centreForm,
    show: stationsPage,
    check: (c, e, d) => checkCentre(c, e, d, null),
    async save(c, e, d) {
      const id = await addCentre(c.db, e.id, centreFields(d));
      return `/elections/${e.id}/centres/${id}`;
    },
  }),

  page('/elections/:id/centres/:cid', {
    access,
    load: centre('coordinate'),
    render: (c, { e, row }) => centrePage(c, e, row, null, Number(c.query.station) || undefined),
  }),

  form('/elections/:id/centres/:cid', {
    access,
    load: centre('change'),
    schema: centreForm,
    show: (c, { e, row }, state) => centrePage(c, e, row, state),
    check: (c, { e, row }, d) => checkCentre(c, e, d, row.id),
    async save(c, { e, row }, d) {
      await updateCentre(c.db, e.id, row.id, centreFields(d));
      await c.audit('election.centre.edited', { targetType: 'polling_centre', targetId: row.id });
      return `/elections/${e.id}/centres/${row.id}`;
    },
  }),

  managedButton('/elections/:id/centres/:cid/delete', centre('change'), async (c, { e, row }) => {
    const kept = await removable(
      c,
      (await stationsOfCentre(c.db, row.id)).map((s) => s.id),
    );
    if (kept) return { to: `/elections/${e.id}/centres/${row.id}`, flash: kept };
    await deleteCentre(c.db, e.id, row.id);
    await c.audit('election.centre.deleted', {
      targetType: 'polling_centre',
      targetId: row.id,
      details: { code: row.code },
    });
    return { to: `/elections/${e.id}/stations`, flash: 'elections.stations.deleted' };
  }),

  form('/elections/:id/centres/:cid/stations', {
    access,
    load: centre('change'),
    schema: stationForm,
    show: (c, { e, row }, state) => centrePage(c, e, row, state),
    check: async (c, { row }, d) => ({
      code: (await stationCodeTaken(c.db, row.id, d.code)) ? c.t('elections.stations.codeTaken') : undefined,
    }),
    async save(c, { e, row }, d) {
      await addStation(c.db, e.id, { ...stationFields(d), centre_id: row.id });
      return `/elections/${e.id}/centres/${row.id}`;
    },
  }),

  form('/elections/:id/centres/:cid/stations/:sid', {
    access,
    load: stationOf('change'),
    schema: stationForm,
    show: (c, { e, row, station }, state) => centrePage(c, e, row, state, station.id),
    check: async (c, { row, station }, d) => ({
      code: (await stationCodeTaken(c.db, row.id, d.code, station.id))
        ? c.t('elections.stations.codeTaken')
        : undefined,
    }),
    async save(c, { e, row, station }, d) {
      await updateStation(c.db, e.id, station.id, stationFields(d));
      await c.audit('election.station.edited', { targetType: 'polling_station', targetId: station.id });
      return `/elections/${e.id}/centres/${row.id}`;
    },
  }),

  managedButton(
    '/elections/:id/centres/:cid/stations/:sid/delete',
    stationOf('change'),
    async (c, { e, row, station }) => {
      const to = `/elections/${e.id}/centres/${row.id}`;
      const kept = await removable(c, [station.id]);
      if (kept) return { to, flash: kept };
      await deleteStation(c.db, e.id, station.id);
      await c.audit('election.station.deleted', { targetType: 'polling_station', targetId: station.id });
      return { to, flash: 'elections.stations.deleted' };
    },
  ),

  page('/elections/:id/centres/:cid/print', {
    access,
    load: centre('coordinate'),
    async render(c, { e, row }) {
      return <CentrePrintPage e={e} centre={row} observers={await observersAtCentre(c.db, row.id)} />;
    },
  }),
];

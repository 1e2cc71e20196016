// Polling centres and stations: the list, a centre, a station, and a CSV file of both (all rows
// or none, every bad row named with its line and reason).
import type { FastifyRequest } from 'fastify';
import { flag } from '../../../core/db/helpers.js';
import { form, FormErrors, type MemberCtx } from '../../../core/http/route.js';
import type { UploadedFile } from '../../../core/media/index.js';
import type { FormState } from '../../../core/views/forms.js';
import { existingTownCodes } from '../../organizations/queries.js';
import { canChange, election } from '../permissions.js';
import { managedForm } from '../kit.js';
import type { Election } from '../queries.js';
import { centreForm, importForm, stationForm } from '../schemas.js';
import { importStations, parseStationsCsv, type ImportProblem } from './csv.js';
import { addCentre, addStation, listCentres, listStations } from './queries.js';
import { StationsPage } from './views.js';

const access = 'member' as const;
/** The rows a refused file was refused for, from `check` to the page that lists them. */
const refusedRows = new WeakMap<FastifyRequest, ImportProblem[]>();

async function stationsPage(c: MemberCtx, e: Election, state: FormState | null) {
  const [stations, centres] = await Promise.all([listStations(c.db, e.id), listCentres(c.db, e.id)]);
  return (
    <StationsPage
      e={e}
      stations={stations}
      centres={centres}
      state={state}
      problems={refusedRows.get(c.req) ?? []}
      canChange={canChange(c, e)}
    />
  );
}

const townError = async (c: MemberCtx, pcode: string) =>
  (await existingTownCodes(c.db, [pcode])).has(pcode)
    ? undefined
    : c.t('elections.form.unknownTowns', { codes: pcode });

export const stationRoutes = [
  form('/elections/:id/stations/centres', {
    access,
    load: election('change'),
    schema: centreForm,
    show: stationsPage,
    async check(c, e, d) {
      return {
        town_pcode: await townError(c, d.town_pcode),
        code: (await listCentres(c.db, e.id)).some((x) => x.code === d.code)
          ? c.t('elections.stations.codeTaken')
          : undefined,
      };
    },
    async save(c, e, d) {
      await addCentre(c.db, e.id, d);
      return `/elections/${e.id}/stations`;
    },
  }),

  managedForm('/elections/:id/stations', {
    schema: stationForm,
    show: stationsPage,
    async check(c, e, d) {
      if (!(await listCentres(c.db, e.id)).some((x) => x.id === d.centre_id))
        return { centre_id: c.t('form.invalidChoice') };
      if ((await listStations(c.db, e.id)).some((s) => s.centre_id === d.centre_id && s.code === d.code))
        return { code: c.t('elections.stations.codeTaken') };
    },
    async save(c, e, d) {
      await addStation(c.db, e.id, { ...d, women_only: flag(d.women_only) });
      return `/elections/${e.id}/stations`;
    },
  }),

  form('/elections/:id/stations/import', {
    access,
    load: election('change'),
    schema: importForm,
    show: stationsPage,
    async save(c, e, d) {
      const file = d.file as UploadedFile | null | undefined;
      const text = file?.data ? file.data.toString('utf8') : (d.csv ?? '');
      if (!text.trim()) throw new FormErrors({ csv: c.t('form.required') });
      const [stations, centres] = await Promise.all([listStations(c.db, e.id), listCentres(c.db, e.id)]);
      const towns = await existingTownCodes(
        c.db,
        [...new Set(text.match(/C\d{4,6}/gi) ?? [])].map((s) => s.toUpperCase()),
      );
      const parsed = parseStationsCsv(text, towns, {
        centres: new Map(centres.map((x) => [x.code, { town_pcode: x.town_pcode }])),
        stations: new Set(stations.map((s) => `${s.centre_code} ${s.code}`)),
      });
      if (!parsed.ok) {
        refusedRows.set(c.req, parsed.problems);
        throw new FormErrors({});
      }
      const n = await importStations(c.db, e.id, parsed.rows);
      await c.audit('election.stations.imported', { targetType: 'election', targetId: e.id, details: { stations: n } });
      return { to: `/elections/${e.id}/stations`, flash: 'elections.stations.imported' };
    },
  }),
];

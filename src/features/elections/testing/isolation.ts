// Elections' part of the cross-organization isolation property (src/testing/isolation.ts). The rule,
// as README.md and permissions.ts state it: an election's coordinators are the staff of its
// organizing members and the network's admins — partners named on it (members or not) do not
// coordinate it. Anyone reads an election that is not a draft and its published statement; only
// coordinators see a draft, and only they see outreach records, centres and stations, observers
// (names, phones, codes), forms, reports, count sheets, the dashboard and statement drafts.
// Observation data changes only while the election is not archived; its settings stay the
// coordinators' to change (that is how it is taken out of the archive).
// World: E1 a draft organized by A with B as a partner; E2 an active election organized by B
// with A as a partner, with a published statement and a new draft; E3 organized by A, archived.
// The observer API (bearer tokens, no session) is proven apart in observe.test.ts: a token reaches
// only its own election's stations and forms.
import crypto from 'node:crypto';
import { rowState, who, type IsolationWorld, type Person, type Probe } from '../../../testing/isolation.js';
import type { Client } from '../../../testing/app.js';
import { dateToDamascusLocal } from '../../../core/time.js';
import { electionCandidates, saveElection } from '../queries.js';
import { addOutreach } from '../outreach/queries.js';
import { addCentre, addStation } from '../stations/queries.js';
import { createObserver } from '../observers/queries.js';
import { createFormDraft, getForm, publishForm, type FormRow } from '../forms/queries.js';
import { templateQuestions, templateRules } from '../forms/templates.js';
import { ingestSubmission } from '../entry/actions.js';
import type { ElectionStatus, FormKind } from '../tables.js';
import { goodSheet } from './fixture.js';

type Org = 'A' | 'B' | 'C';
type Rule = (p: Person) => boolean;

const TOWN = 'C1564';
const CANDIDATES = 'L1 | قائمة أ | List A\nL2 | قائمة ب | List B';

export async function electionsProbes(w: IsolationWorld): Promise<Probe[]> {
  const db = w.t.handle.db;
  const { dialect } = w.t.app.wasl;
  const now = w.t.clock.now;
  const orgId = (o: Org) => ({ A: w.orgA, B: w.orgB, C: w.orgC })[o];
  const probes: Probe[] = [];
  const made: {
    key: string;
    eid: number;
    incident: { id: number; text: string };
    sheet: { id: number; station: string };
    draftForm: { id: number; title: string };
    observerId: number;
  }[] = [];

  for (const spec of [
    { key: 'E1', organizer: 'A', partner: 'B', status: 'draft', statement: false },
    { key: 'E2', organizer: 'B', partner: 'A', status: 'active', statement: true },
    { key: 'E3', organizer: 'A', partner: 'C', status: 'archived', statement: false },
  ] as { key: string; organizer: Org; partner: Org; status: ElectionStatus; statement: boolean }[]) {
    const tag = `ISOEL${spec.key}`;
    const title = `${tag}TITLE`;
    const coordinators: Rule = who.any(who.staffOf(spec.organizer), who.is('netAdmin'));
    const readers: Rule = spec.status === 'draft' ? coordinators : who.everyone;
    const changers: Rule = spec.status === 'archived' ? who.nobody : coordinators;
    const otherPartner = `${tag}OUTSIDEPARTNER`;
    const settings = (summary: string) => ({
      title_ar: title,
      title_en: title,
      poll_date: '2026-06-20',
      seats: 15,
      status: spec.status,
      summary_ar: summary,
      summary_en: summary,
      towns: [TOWN],
      organizers: [orgId(spec.organizer)],
      memberPartners: [orgId(spec.partner)],
      otherPartners: [{ name_ar: otherPartner, name_en: otherPartner }],
      candidates: [
        { kind: 'list' as const, code: 'L1', name_ar: 'قائمة أ', name_en: 'List A' },
        { kind: 'list' as const, code: 'L2', name_ar: 'قائمة ب', name_en: 'List B' },
      ],
    });
    // Observation data is added while the election runs; then it takes its status.
    const eid = await saveElection(
      db,
      null,
      w.net,
      { ...settings('ملخص'), status: 'active' },
      w.users[spec.organizer === 'A' ? 'staffA' : 'staffB'],
      now,
    );
    const base = `/elections/${eid}`;
    const publicPages = [base, `${base}/results`];

    // ——— centres, stations, observers ———
    const centreName = `${tag}CENTRE`;
    const centreCode = `${spec.key.replace('E', 'Q')}-7`; // e.g. Q1-7
    const centreId = await addCentre(db, eid, {
      code: centreCode,
      town_pcode: TOWN,
      name_ar: centreName,
      name_en: centreName,
    });
    const stationId = await addStation(db, eid, {
      centre_id: centreId,
      code: 'S1',
      registered_women: 300,
      registered_men: 300,
      women_only: 0,
    });
    const stationLabel = `${centreCode} S1`;
    const observer = {
      name: `${tag}OBSERVERNAME`,
      phone: `+96394472${spec.key.slice(1)}001`,
      code: `${tag}OBSCODE`,
    };
    const observerId = await createObserver(
      db,
      eid,
      {
        code: observer.code,
        name: observer.name,
        phone: observer.phone,
        organization_id: orgId(spec.organizer),
        kind: 'fixed',
        route_name: '',
        supervisor_id: null,
        stations: [stationId],
      },
      // Never signed in with here: the API is tested in observe.test.ts.
      '$argon2id$isolation-probe-not-a-hash',
      now,
    );

    // ——— forms: count and incident published, one draft ———
    const candidates = await electionCandidates(db, eid);
    const form = async (kind: FormKind, formTitle: string, publish: boolean) => {
      const id = await createFormDraft(
        db,
        eid,
        {
          slug: kind,
          kind,
          title_ar: formTitle,
          title_en: formTitle,
          def: { questions: templateQuestions(kind, candidates) },
          rules: templateRules(kind),
        },
        null,
        now,
      );
      if (publish) await publishForm(db, eid, id, now);
      return (await getForm(db, eid, id))!;
    };
    const countForm = await form('count', `${tag}COUNTFORM`, true);
    const incidentForm = await form('incident', `${tag}INCIDENTFORM`, true);
    const draftFormTitle = `${tag}DRAFTFORM`;
    const draftForm = await form('opening', draftFormTitle, false);

    // ——— reports: an incident and a count sheet from the observer ———
    const ingest = (f: FormRow, answers: Record<string, unknown>) =>
      ingestSubmission(
        db,
        dialect,
        {
          electionId: eid,
          electionStatus: 'active',
          form: f,
          stationId,
          observerId,
          enteredBy: null,
          source: 'app',
          key: crypto.randomUUID(),
          rawAnswers: answers,
        },
        now,
      );
    const incidentText = `${tag}INCIDENTTEXT`;
    const incident = await ingest(incidentForm, { type: 'o4', description: incidentText });
    const count = await ingest(countForm, goodSheet(120, 130));
    if (incident.status !== 'created' || count.status !== 'created')
      throw new Error(`isolation: ${spec.key} reports not stored (${incident.status}, ${count.status})`);
    const sheetId = (
      await db.selectFrom('observation_submissions').select('sheet_id').where('id', '=', count.id).executeTakeFirst()
    )?.sheet_id;
    if (!sheetId) throw new Error(`isolation: ${spec.key} has no count sheet`);

    // ——— outreach ———
    const outreach = { notes: `${tag}OUTREACHNOTES`, places: `${tag}OUTREACHPLACES` };
    await addOutreach(
      db,
      eid,
      {
        kind: 'women-participation',
        held_on: '2026-06-01',
        town_pcode: TOWN,
        organization_id: orgId(spec.organizer),
        organization_name: null,
        leaflets: null,
        places: outreach.places,
        reached_women: 14,
        reached_men: 3,
        notes: outreach.notes,
      },
      w.users[spec.organizer === 'A' ? 'staffA' : 'staffB'],
      now,
    );

    // ——— statements, through the routes: drafted by staff, approved by the admin ———
    const [drafter, approver] =
      spec.organizer === 'A' ? (['staffA', 'adminA'] as const) : (['staffB', 'adminB'] as const);
    const statement = { published: `${tag}PUBLISHEDREMARKS`, draft: `${tag}DRAFTREMARKS` };
    const draftStatement = async (c: Client, remarks: string) =>
      c.post(`${base}/statement`, {
        cutoff: dateToDamascusLocal(now),
        remarks_ar: remarks,
        remarks_en: remarks,
        change_note_ar: 'تصحيح',
        change_note_en: 'correction',
      });
    if (spec.statement) {
      const drafted = await draftStatement(w.c[drafter], statement.published);
      const sid = await currentDraft(eid);
      const approved = sid ? await w.c[approver].post(`${base}/statement/${sid}/approve`, {}) : null;
      if (drafted.statusCode !== 303 || approved?.statusCode !== 303)
        throw new Error(
          `isolation: ${spec.key} statement not published (${drafted.statusCode}, ${approved?.statusCode})`,
        );
    }
    if (spec.status !== 'archived') {
      const drafted = await draftStatement(w.c[drafter], statement.draft);
      if (drafted.statusCode !== 303) throw new Error(`isolation: ${spec.key} statement draft (${drafted.statusCode})`);
    }
    if (spec.status !== 'active')
      await db.updateTable('elections').set({ status: spec.status }).where('id', '=', eid).execute();

    // ——— the probes ———
    const name = (what: string) => `elections: ${spec.key} (${spec.organizer}'s, ${spec.status}) ${what}`;
    probes.push({
      name: name('election'),
      marker: title,
      readers,
      pages: publicPages,
      lists: ['/elections', `/towns/${TOWN}`],
      write: {
        writers: coordinators,
        send: (c, n) =>
          c.post(`${base}/edit`, {
            title_ar: title,
            title_en: title,
            poll_date: '2026-06-20',
            seats: '15',
            status: spec.status,
            summary_ar: `ملخص ${n}`,
            summary_en: `summary ${n}`,
            towns: TOWN,
            organizers: String(orgId(spec.organizer)),
            member_partners: String(orgId(spec.partner)),
            other_partners: `${otherPartner} | ${otherPartner}`,
            candidates: CANDIDATES,
          }),
        state: rowState(db, 'elections', ['summary_ar', 'status', 'title_ar'], eid),
      },
    });
    probes.push({
      name: name('coordinators’ pages'),
      marker: title,
      readers: coordinators,
      pages: [
        `${base}/manage`,
        `${base}/edit`,
        `${base}/outreach`,
        `${base}/stations`,
        `${base}/observers`,
        `${base}/forms`,
        `${base}/dashboard`,
        `${base}/statement`,
      ],
    });
    probes.push({
      name: name('entry and relay'),
      marker: title,
      readers: changers,
      pages: [`${base}/entry?form=${countForm.id}`, `${base}/relay`],
    });
    // (Outreach notes are kept but shown on no page.)
    probes.push({
      name: name('outreach (the places reached)'),
      marker: outreach.places,
      readers: coordinators,
      pages: [`${base}/outreach`],
      lists: publicPages,
      write: {
        writers: changers,
        send: (c, n) =>
          c.post(`${base}/outreach`, {
            kind: 'leaflets',
            held_on: '2026-06-02',
            town_pcode: TOWN,
            organization: String(orgId(spec.organizer)),
            organization_name: '',
            leaflets: String(n),
            places: '',
            reached_women: '',
            reached_men: '',
            notes: '',
          }),
        state: () => countRows('election_outreach', eid),
      },
    });
    probes.push({
      name: name('centres and stations'),
      marker: centreName,
      readers: coordinators,
      pages: [`${base}/stations`],
      // A published statement names the observed centres: by design, not a leak.
      lists: spec.statement ? [base] : publicPages,
      write: {
        writers: changers,
        send: (c, n) =>
          c.post(`${base}/stations/centres`, {
            code: `${letters(n)}-1`,
            town: TOWN, // a town by name or P-code
            name_ar: `مركز ${n}`,
            name_en: `Centre ${n}`,
          }),
        state: () => countRows('polling_centres', eid),
      },
    });
    probes.push({
      name: name('dashboard'),
      marker: stationLabel,
      readers: coordinators,
      pages: [`${base}/dashboard`],
      lists: spec.statement ? [base] : publicPages,
    });
    probes.push({
      name: name('observer’s name'),
      marker: observer.name,
      readers: coordinators,
      pages: [`${base}/observers`],
      lists: [...publicPages, '/elections'],
      write: {
        writers: changers,
        send: (c) => c.post(`${base}/observers/${observerId}/no-network`, {}),
        state: rowState(db, 'observers', ['no_network_at', 'status', 'secret_hash'], observerId),
      },
    });
    probes.push({
      name: name('observer’s phone'),
      marker: observer.phone.slice(4),
      readers: coordinators,
      pages: [`${base}/observers`],
      lists: publicPages,
    });
    probes.push({
      name: name('observer’s code'),
      marker: observer.code,
      readers: coordinators,
      pages: [`${base}/observers`, `${base}/submissions/${incident.id}`, `${base}/sheets/${sheetId}`],
      lists: publicPages,
    });
    probes.push({
      name: name('draft form'),
      marker: draftFormTitle,
      readers: coordinators,
      pages: [`${base}/forms`, `${base}/forms/${draftForm.id}`],
      lists: [base],
      write: {
        writers: changers,
        send: (c, n) => c.post(`${base}/forms/${draftForm.id}`, { title_ar: draftFormTitle, title_en: `Opening ${n}` }),
        state: rowState(db, 'observation_forms', ['title_en', 'status', 'definition'], draftForm.id),
      },
    });
    probes.push({
      name: name('incident report'),
      marker: incidentText,
      readers: coordinators,
      pages: [`${base}/submissions/${incident.id}`],
      lists: publicPages,
      write: {
        writers: changers,
        send: (c, n) => c.post(`${base}/submissions/${incident.id}/verify`, { decision: 'verified', comment: `${n}` }),
        state: rowState(db, 'observation_submissions', ['status', 'verification_comment'], incident.id),
      },
    });
    probes.push({
      name: name('count sheet'),
      marker: stationLabel,
      readers: coordinators,
      pages: [`${base}/sheets/${sheetId}`],
      write: {
        writers: changers,
        // A second entry from the paper sheet, its station typed as the sheet names it.
        send: (c, n) =>
          c.post(`${base}/entry?form=${countForm.id}`, {
            key: crypto.randomUUID(),
            station: stationLabel,
            ...Object.fromEntries(
              Object.entries(goodSheet(100 + (n % 150), 130)).map(([k, v]) => [`a_${k}`, String(v)]),
            ),
          }),
        state: async () =>
          (
            await db
              .selectFrom('observation_submissions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('sheet_id', '=', sheetId)
              .executeTakeFirst()
          )?.n ?? 0,
      },
    });
    if (spec.status !== 'archived')
      probes.push({
        name: name('statement draft'),
        marker: statement.draft,
        readers: coordinators,
        pages: [`${base}/statement`],
        lists: publicPages,
        write: {
          writers: changers,
          // Discards the draft and drafts it again (one draft at a time).
          send: async (c, n) => {
            const sid = await currentDraft(eid);
            const discarded = await c.post(`${base}/statement/${sid}/discard`, {});
            if (discarded.statusCode !== 303) return discarded;
            return draftStatement(c, `${statement.draft} ${n}`);
          },
          state: async () =>
            (await db
              .selectFrom('election_statements')
              .select(['id', 'text_ar'])
              .where('election_id', '=', eid)
              .where('status', '=', 'draft')
              .executeTakeFirst()) ?? null,
        },
      });
    if (spec.statement)
      probes.push({
        name: name('published statement'),
        marker: statement.published,
        readers,
        pages: [`${base}/results`, `${base}/results?version=1`],
      });
    made.push({
      key: spec.key,
      eid,
      incident: { id: incident.id, text: incidentText },
      sheet: { id: sheetId, station: stationLabel },
      draftForm: { id: draftForm.id, title: draftFormTitle },
      observerId,
    });
  }

  // One election's records asked for through another's URLs (whose coordinators pass the election
  // check): nobody reaches them that way.
  for (const [i, e] of made.entries()) {
    const via = `/elections/${made[(i + 1) % made.length]!.eid}`;
    const name = (what: string) => `elections: ${e.key}'s ${what} through ${made[(i + 1) % made.length]!.key}'s URLs`;
    probes.push({
      name: name('incident report'),
      marker: e.incident.text,
      readers: who.nobody,
      pages: [`${via}/submissions/${e.incident.id}`],
      write: {
        writers: who.nobody,
        send: (c, n) => c.post(`${via}/submissions/${e.incident.id}/verify`, { decision: 'rejected', comment: `${n}` }),
        state: rowState(db, 'observation_submissions', ['status', 'verification_comment'], e.incident.id),
      },
    });
    probes.push({
      name: name('count sheet and observer'),
      marker: e.sheet.station,
      readers: who.nobody,
      pages: [`${via}/sheets/${e.sheet.id}`],
      write: {
        writers: who.nobody,
        send: (c) => c.post(`${via}/observers/${e.observerId}/revoke`, {}),
        state: rowState(db, 'observers', ['status', 'no_network_at'], e.observerId),
      },
    });
    probes.push({
      name: name('draft form'),
      marker: e.draftForm.title,
      readers: who.nobody,
      pages: [`${via}/forms/${e.draftForm.id}`],
      write: {
        writers: who.nobody,
        send: (c, n) =>
          c.post(`${via}/forms/${e.draftForm.id}`, { title_ar: e.draftForm.title, title_en: `Opening ${n}` }),
        state: rowState(db, 'observation_forms', ['title_en', 'definition'], e.draftForm.id),
      },
    });
  }
  return probes;

  async function currentDraft(electionId: number) {
    return (
      await db
        .selectFrom('election_statements')
        .select('id')
        .where('election_id', '=', electionId)
        .where('status', '=', 'draft')
        .executeTakeFirst()
    )?.id;
  }

  async function countRows(table: 'election_outreach' | 'polling_centres', electionId: number) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('election_id', '=', electionId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

/** Letters for a number (0 → "A", 26 → "AA"), up to four: each new centre code differs. */
function letters(n: number): string {
  let s = '';
  for (let k = (n % 475_254) + 1; k > 0; k = Math.floor(k / 26)) {
    k--;
    s = String.fromCharCode(65 + (k % 26)) + s;
  }
  return s;
}

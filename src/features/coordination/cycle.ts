// "Launch a meeting cycle": the network's founding pattern as a template. One preparatory
// meeting at each member (all its staff, at its office, on consecutive days), then the general
// meeting of all members that sets the working mechanisms, then the consultative meeting of the
// executive directors and representatives that reviews the strategic plans. All linked by a cycle.
import type { Db } from '../../core/db/index.js';
import { createCycle, createMeeting, directorsAndRepresentatives } from './meetings.js';
import { activeOrganizations } from './workspace.js';
import { addDays, damascusLocalToDate, HOUR } from '../../core/time.js';

export type CycleTexts = {
  preparatoryTitle: (org: string) => string;
  preparatoryAgenda: string[];
  generalTitle: string;
  generalAgenda: string[];
  consultativeTitle: string;
  consultativeAgenda: string[];
  orgName: (o: { name_ar: string; name_en: string }) => string;
};

export type CycleInput = {
  title: string;
  preparatoryFrom: string;
  preparatoryTime: string;
  generalAt: string;
  generalTown: string;
  generalPlace: string;
  consultativeAt: string;
  consultativeUrl: string | null;
};

export async function launchCycle(
  db: Db,
  networkId: number,
  input: CycleInput,
  texts: CycleTexts,
  userId: number | null,
  now: Date,
): Promise<{ cycleId: number; meetingIds: number[] }> {
  const orgs = await activeOrganizations(db, networkId);
  const cycleId = await createCycle(db, networkId, input.title, userId, now);
  const meetingIds: number[] = [];
  // Days skip Fridays, the weekly day off.
  let day = input.preparatoryFrom;
  for (const org of orgs) {
    while (new Date(`${day}T12:00:00Z`).getUTCDay() === 5) day = addDays(day, 1);
    const start = damascusLocalToDate(`${day}T${input.preparatoryTime}`)!;
    meetingIds.push(
      await createMeeting(
        db,
        networkId,
        {
          kind: 'preparatory',
          title: texts.preparatoryTitle(texts.orgName(org)),
          description: '',
          host_org_id: org.id,
          starts_at: start.toISOString(),
          ends_at: new Date(start.getTime() + 2 * HOUR).toISOString(),
          place_kind: 'office',
          place_org_id: org.id,
          town_pcode: null,
          place_detail: '',
          online_url: null,
          visibility: 'invitees',
          public_summary: '',
          quorum_orgs: 0,
        },
        { orgIds: [org.id], userIds: userId ? [userId] : [] },
        texts.preparatoryAgenda.map((title) => ({ title })),
        userId,
        now,
        cycleId,
      ),
    );
    day = addDays(day, 1);
  }
  const general = new Date(input.generalAt);
  meetingIds.push(
    await createMeeting(
      db,
      networkId,
      {
        kind: 'general',
        title: texts.generalTitle,
        description: '',
        host_org_id: null,
        starts_at: general.toISOString(),
        ends_at: new Date(general.getTime() + 4 * HOUR).toISOString(),
        place_kind: 'town',
        place_org_id: null,
        town_pcode: input.generalTown,
        place_detail: input.generalPlace,
        online_url: null,
        visibility: 'network',
        public_summary: '',
        quorum_orgs: Math.floor(orgs.length / 2) + 1,
      },
      { orgIds: orgs.map((o) => o.id), userIds: [] },
      texts.generalAgenda.map((title) => ({ title })),
      userId,
      now,
      cycleId,
    ),
  );
  const consultative = new Date(input.consultativeAt);
  const directors = await directorsAndRepresentatives(db, networkId);
  meetingIds.push(
    await createMeeting(
      db,
      networkId,
      {
        kind: 'consultative',
        title: texts.consultativeTitle,
        description: '',
        host_org_id: null,
        starts_at: consultative.toISOString(),
        ends_at: new Date(consultative.getTime() + 3 * HOUR).toISOString(),
        place_kind: input.consultativeUrl ? 'online' : 'town',
        place_org_id: null,
        town_pcode: input.consultativeUrl ? null : input.generalTown,
        place_detail: input.consultativeUrl ? '' : input.generalPlace,
        online_url: input.consultativeUrl,
        visibility: 'invitees',
        public_summary: '',
        quorum_orgs: Math.floor(orgs.length / 2) + 1,
      },
      { orgIds: [], userIds: [...new Set([...directors, ...(userId ? [userId] : [])])] },
      texts.consultativeAgenda.map((title) => ({ title })),
      userId,
      now,
      cycleId,
    ),
  );
  return { cycleId, meetingIds };
}

/** The template's texts in a translator's language. */
export function cycleTexts(t: (key: never, params?: never) => string, locale: string): CycleTexts {
  const tt = t as unknown as (key: string, params?: Record<string, string>) => string;
  return {
    preparatoryTitle: (org) => tt('coordination.cycle.tpl.preparatoryTitle', { org }),
    preparatoryAgenda: [1, 2, 3, 4].map((n) => tt(`coordination.cycle.tpl.preparatoryAgenda${n}`)),
    generalTitle: tt('coordination.cycle.tpl.generalTitle'),
    generalAgenda: [1, 2, 3, 4].map((n) => tt(`coordination.cycle.tpl.generalAgenda${n}`)),
    consultativeTitle: tt('coordination.cycle.tpl.consultativeTitle'),
    consultativeAgenda: [1, 2, 3].map((n) => tt(`coordination.cycle.tpl.consultativeAgenda${n}`)),
    orgName: (o) => (locale === 'ar' ? o.name_ar : o.name_en),
  };
}
